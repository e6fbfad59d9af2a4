"""Show pages of layouts that part their entries without blank lines: the button every entry
ends with, the metadata over each title, a date between a title and its teaser, a title
shown three times around a widget's label, the show's name over and under a title and its
teaser; and the Scandinavian ages that date their entries."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.text.dates import find_relative
from page_reading import AS_OF, read_text

BUTTON_PARTED = """The Night Kitchen@nightkitchen
1.2k followers
Follow
Episodes
About
All episodes (4)
52:10
E14
3 days ago
Bread That Waits Overnight
Baker Lotte Amsel explains cold fermentation and why her shop stopped selling same-day loaves.
Listen
47:33
E13
1 week ago
The Salt Question
A chemist and a chef disagree, politely, about when to salt a steak.
Listen
39:02
E12
on Oct 30
Knives Without the Mystique
What a sharpening stone does, what a honing rod does not, and the one knife most kitchens need.
Listen
44:48
E11
on Oct 16
Leftovers, Planned
Cooking on Sunday for the whole week, and the dishes that taste better on Wednesday.
Listen
Home
Credits
© 2026 The Night Kitchen
"""


def test_entries_parted_by_the_button_that_ends_each_one() -> None:
    reader, episodes = read_text(BUTTON_PARTED)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "Bread That Waits Overnight",
        "The Salt Question",
        "Knives Without the Mystique",
        "Leftovers, Planned",
    ]  # the first glued under the page's header, with no blank line nor button above it
    assert [e.duration for e in episodes] == [3130, 2853, 2342, 2688]
    assert [e.published.date().isoformat() for e in episodes if e.published] == [
        "2026-11-21",
        "2026-11-17",
        "2026-10-30",
        "2026-10-16",
    ]
    assert not any(e.review_reasons for e in episodes)


ITEMS_WITH_A_COVER = """Hörwelt
Start
Suche
Cover

Werkstattgespräche

Handwerk im Gespräch: jede Woche eine Werkstatt, ein Meister, eine Frage.

Alle Folgen

  • 19.11.2026
    18 MB
    24:10
    Cover

    Die letzte Glockengießerei im Tal

    Warum eine Familie seit vier Generationen Bronze gießt und wer die Glocken heute bestellt.

    ...mehr
  • 12.11.2026
    31:45
    Cover

    Orgelbau: Pfeifen aus Zinn und Geduld

    Eine Orgelbauerin erklärt, warum eine Kirchenorgel drei Jahre braucht.

    ...mehr
  • 05.11.2026
    21 MB
    28:02
    Cover

    Der Schuhmacher, der keine Schuhe mehr verkauft

    Reparieren statt verkaufen: ein Geschäftsmodell mit Wartezeit.

    ...mehr
Impressum
"""


def test_entries_ended_by_a_read_more_with_their_metadata_over_each_title() -> None:
    # a file's size in two entries, not in the third; an image's label in every one
    reader, episodes = read_text(ITEMS_WITH_A_COVER)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "Die letzte Glockengießerei im Tal",
        "Orgelbau: Pfeifen aus Zinn und Geduld",
        "Der Schuhmacher, der keine Schuhe mehr verkauft",
    ]
    assert [e.duration for e in episodes] == [1450, 1905, 1682]


TITLE_DATE_TEASER = """Radio Sud
Direct
Podcasts
Le Grand Débat du Soir
Podcast
Chaque soir, deux invités et vos questions.
Tous les épisodes

Retraites : « On nous demande de travailler plus longtemps » – avec Paul Ferrand
Le 20/11/2026
Paul Ferrand, économiste, répond aux auditeurs sur le calendrier de la réforme et ce qui change pour les carrières longues.
Durée : 00:51:12
Écouter

Vélo en ville : les pistes cyclables tiennent-elles leurs promesses ?
Le 19/11/2026
Des élus, un urbaniste et des cyclistes du quotidien font le bilan de cinq ans de travaux.
Durée : 00:47:30
Écouter

Cantines scolaires : le bio à quel prix ?
Le 18/11/2026
Une cheffe de cuisine et une diététicienne expliquent comment elles composent les menus avec un budget serré.
Durée : 00:49:05
Écouter
"""


def test_a_date_between_the_title_and_its_teaser_is_the_entrys_own() -> None:
    reader, episodes = read_text(TITLE_DATE_TEASER)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "Retraites : « On nous demande de travailler plus longtemps » – avec Paul Ferrand",
        "Vélo en ville : les pistes cyclables tiennent-elles leurs promesses ?",
        "Cantines scolaires : le bio à quel prix ?",
    ]
    assert [e.published.date().isoformat() for e in episodes if e.published] == [
        "2026-11-20",
        "2026-11-19",
        "2026-11-18",
    ]
    assert [e.duration for e in episodes] == [3072, 2850, 2945]
    assert episodes[1].abstract and episodes[1].abstract.startswith("Des élus, un urbaniste")


ITEM_SHOWN_THRICE = """Sound Library
Search
Upload
Sign in
Harbour Lights 31 – The Lighthouse Keepers' Logbooks
Item Preview
Harbour Lights 31 – The Lighthouse Keepers' Logbooks
44:12
Harbour Lights 31 – The Lighthouse Keepers' Logbooks
by Harbour Lights Podcast
Publication date 2026-11-18
A retired keeper reads from forty years of logbooks: storms, supply boats and one very lost swan.

Chapters:
00:00 Opening
03:40 The first logbook
21:15 The swan
38:02 Letters
"""


def test_a_title_shown_three_times_around_a_widgets_label() -> None:
    _, episodes = read_text(ITEM_SHOWN_THRICE)
    assert [e.title for e in episodes] == ["Harbour Lights 31 – The Lighthouse Keepers' Logbooks"]
    assert [c.title for c in episodes[0].chapters] == [
        "Opening",
        "The first logbook",
        "The swan",
        "Letters",
    ]


SHOW_AROUND_TITLE_AND_TEASER = """声波电台
首页
节目
登录
夜读者
在旧书店里找到的城市：和沈知秋聊二手书的第二次生命
一本书被卖掉三次，它会记得每一位主人吗？这期我们去了五家旧书店，听店主讲那些夹在书页里的东西。
夜读者
2026-11-19
01:02:31
主播
小满
嘉宾
沈知秋
本期嘉宾沈知秋在城南开了一家旧书店，已经十二年。我们聊了收书、定价，以及那些被遗忘在书里的车票和信。
"""


def test_the_show_over_the_title_and_again_under_its_teaser() -> None:
    _, episodes = read_text(SHOW_AROUND_TITLE_AND_TEASER)
    assert [e.title for e in episodes] == ["在旧书店里找到的城市：和沈知秋聊二手书的第二次生命"]
    assert episodes[0].duration == 3751


LABEL_BETWEEN_SHOW_AND_TITLE = """Radio Centrale
Home
Rubriche
Il Filo del Discorso
RUBRICA
La riforma dei porti e il lavoro sulle banchine
Il Filo del Discorso
gio 19 nov 2026
Durata: 58 min
Ascolta
Puntata di "Il Filo del Discorso" di giovedì 19 novembre 2026 condotta da Marta Lodi.
"""


def test_a_label_over_a_title_framed_by_the_show_is_no_title() -> None:
    # a title without a sentence's end under a short label: the label is no title over a teaser
    _, episodes = read_text(LABEL_BETWEEN_SHOW_AND_TITLE)
    assert [e.title for e in episodes] == ["La riforma dei porti e il lavoro sulle banchine"]


def test_scandinavian_ages() -> None:
    assert find_relative("I går", AS_OF) is not None
    yesterday = find_relative("I går", AS_OF)
    assert yesterday is not None and yesterday.when == datetime(2026, 11, 23, 12, tzinfo=UTC)
    three = find_relative("for 3 dage siden", AS_OF)
    assert three is not None and three.when == datetime(2026, 11, 21, 12, tzinfo=UTC)
    swedish = find_relative("för 2 dagar sedan", AS_OF)
    assert swedish is not None and swedish.when == datetime(2026, 11, 22, 12, tzinfo=UTC)
    assert find_relative("Pasta med tomat", AS_OF) is None


DANISH_SERIES = """DR LYT
Forside
Podcasts
Havets folk
P1
Om fiskere, havne og dem, der lever af havet. Nyt afsnit hver torsdag.
Følg
Afsnit
Havets folk
Den sidste kutter i Thyborøn
I går · 34 min.
Fiskeren Karsten Vig har solgt sin kvote. Vi følger hans sidste tur.
Havets folk
Sild, kvoter og politik
12. nov. 2026 · 29 min.
Hvem bestemmer, hvor meget sild der må fanges? En forsker og en fisker forklarer.
Havets folk
Havnen der blev til lejligheder
5. nov. 2026 · 31 min.
Da fiskeriet flyttede, kom arkitekterne. Hvad mistede byen?
Vis flere
"""


def test_a_danish_series_whose_newest_episode_is_dated_yesterday() -> None:
    reader, episodes = read_text(DANISH_SERIES)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "Den sidste kutter i Thyborøn",
        "Sild, kvoter og politik",
        "Havnen der blev til lejligheder",
    ]
    assert episodes[0].published is not None
    assert episodes[0].published.date().isoformat() == "2026-11-23"
    assert [e.duration for e in episodes] == [2040, 1740, 1860]
