"""Show pages and posts of apps, radios and universities: dates over titles with a guest's
name in one title and lengths in hours and minutes in Danish, a publication date in Taiwan's
calendar, a blog's audio players and the categories it files a post under, and the show's
name with the episode's number between a standfirst and its date."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.readers.chrome import is_chrome
from castdigest.readers.doubt import episode_marks
from castdigest.readers.line_dates import length_seconds
from castdigest.readers.title_signals import field_line, show_numbered
from page_reading import read_text

DANISH_APP = """Lydspor
Radio
Podcasts
Søg
Log ind
Podcasts
Kaffe og Kaos
Kaffe og Kaos
Radio Syd
Mette og Jonas taler om alt det, man ikke burde tale om i radioen. Nye afsnit hver torsdag
Følg
Afspil nyeste afsnit
Afsnit
Nyeste først
I går
Jul i sommerhuset (og en gasgrill)
Mette har været i sommerhus med hele familien, og Jonas prøver at forstå, hvorfor der var en gasgrill med.
52 min
Afspil
19. nov.
Reglerne for adventskalendere
Hvem må åbne lågen, og er det snyd at kigge i morgen? Lytterne har skrevet ind med deres regler.
1 t 4 min
Afspil
12. nov.
Gæst: Rasmus Friis – manden der aldrig har vundet i Matador
Skuespilleren Rasmus Friis har tabt 37 spil i træk mod sine søskende. Han er kommet for at få gode råd.
47 min
Afspil
Vis flere
"""


def test_dates_over_titles_a_guests_name_in_a_title_and_hours_in_danish() -> None:
    # "Gæst: <name> – <words>" is a title, not a field; "1 t 4 min" is an hour and four
    # minutes; "Nyeste først" (newest first) sorts the list
    assert length_seconds("1 t 4 min") == 64 * 60
    assert not field_line("Gæst: Rasmus Friis – manden der aldrig har vundet i Matador")
    assert field_line("Gæst: Rasmus Friis")
    assert is_chrome("Nyeste først")
    fmt, episodes = read_text(DANISH_APP)
    assert fmt == "listing"
    assert [(e.title, e.published, e.duration) for e in episodes] == [
        ("Jul i sommerhuset (og en gasgrill)", datetime(2026, 11, 23, 12, tzinfo=UTC), 52 * 60),
        ("Reglerne for adventskalendere", datetime(2026, 11, 19, tzinfo=UTC), 64 * 60),
        (
            "Gæst: Rasmus Friis – manden der aldrig har vundet i Matador",
            datetime(2026, 11, 12, tzinfo=UTC),
            47 * 60,
        ),
    ]


# a city radio station's replay page: its menu, the title, its fields
STATION_HEAD = """臺北廣播網
首頁
最新消息
節目表
線上收聽
節目重播
主持群
關於我們
聯絡我們
【城市漫步】老街的聲音：大稻埕布行的最後一代
發布日期：115-11-20
主持人：林若雨
"""

ROC_DATE = (
    STATION_HEAD
    + """本集節目時長：45:10
節目內容
大稻埕的布行曾經是整條街最熱鬧的地方，本集邀請第三代布行老闆，聊聊布料生意的起落與老街的變化。
"""
)


def test_a_date_in_taiwans_calendar_dates_the_page_and_is_no_title() -> None:
    # "發布日期：115-11-20": published in the 115th year of Taiwan's calendar, 2026
    _, episodes = read_text(ROC_DATE)
    (episode,) = episodes
    assert (episode.title, episode.published) == (
        "【城市漫步】老街的聲音：大稻埕布行的最後一代",
        datetime(2026, 11, 20, tzinfo=UTC),
    )


BLOG_POST = """Vai al contenuto
Radio Onda Libera
Ascolta la diretta
Sostieni la radio
Home
Notizie
Trasmissioni
Palinsesto
Podcast
Redazione
Contatti
Cerca
Home » Trasmissioni » Voci di Quartiere
VOCI DI QUARTIERE: il mercato coperto riapre, i rider in sciopero e la palestra popolare. La puntata del 20 novembre
20 Novembre 2026
Voci di Quartiere, Trasmissioni
Nella puntata di venerdì 20 novembre di Voci di Quartiere, lo spazio settimanale sulle periferie della città, tre storie dai quartieri.
Mercato: dopo due anni di lavori il mercato coperto di San Rocco riapre con dodici banchi su venti.
Audio Player
00:00
00:00
Use Up/Down Arrow keys to increase or decrease volume.
Rider: terzo giorno di sciopero dei fattorini delle consegne, che chiedono un contratto e un'assicurazione.
Audio Player
00:00
00:00
Use Up/Down Arrow keys to increase or decrease volume.
Palestra popolare: i volontari che da dieci anni tengono aperta la palestra del quartiere chiedono un nuovo affitto al Comune.
Audio Player
00:00
00:00
Use Up/Down Arrow keys to increase or decrease volume.
Ascolta o scarica la puntata integrale:
Audio Player
00:00
00:00
"""


def test_a_blogs_players_and_the_categories_of_its_post_are_no_title() -> None:
    # "Audio Player" and its keyboard help are the blog's player; "Voci di Quartiere,
    # Trasmissioni" files the post under the sections its path names
    assert is_chrome("Audio Player")
    assert is_chrome("Use Up/Down Arrow keys to increase or decrease volume.")
    _, episodes = read_text(BLOG_POST)
    (episode,) = episodes
    assert episode.title.startswith("VOCI DI QUARTIERE: il mercato coperto riapre")
    assert episode.review_reasons == []
    # each segment a paragraph opening with its label, over a player of its own
    assert [(c.start, c.title) for c in episode.chapters] == [
        (None, "Mercato"),
        (None, "Rider"),
        (None, "Palestra popolare"),
    ]


UNIVERSITY = """Skip to content
Southbank University
Southbank Lens
Search
Topics
Health & Medicine
Science & Technology
Society & Culture
Environment
Podcasts
Newsletter
Home
Podcasts
Deep Water
Podcast
Why are Australia's kelp forests disappearing?
Warming seas and hungry urchins are stripping the reefs bare. Two marine scientists explain what can still be saved.
Deep Water · Season 3, Episode 2
18 November 2026
Listen
00:00
29:45
Listen on Apple Podcasts, Spotify or wherever you get your podcasts.
Transcript
Host: Welcome to Deep Water. Today we are heading under the surface off the coast of Tasmania, where the kelp forests that once lined the shore are almost gone.
"""


def test_the_shows_name_and_number_between_standfirst_and_date_is_no_title() -> None:
    assert show_numbered("Deep Water · Season 3, Episode 2")
    assert show_numbered("Close Looking, Episode 87")
    assert not show_numbered("Ketchup Wars, Part 1")  # a title in parts
    _, episodes = read_text(UNIVERSITY)
    (episode,) = episodes
    assert (episode.title, episode.published, episode.duration) == (
        "Why are Australia's kelp forests disappearing?",
        datetime(2026, 11, 18, tzinfo=UTC),
        29 * 60 + 45,
    )


def test_entries_released_on_a_day_without_a_year_count_as_entries() -> None:
    # a newsletter of three episodes, each "Released Nov 19 · 44 min": read as one page, the
    # read is in doubt
    lines = [
        "THE LISTENING POST",
        "Three episodes for the week",
        "1. Kitchen Notes",
        "The Last Orchard in Kent",
        "Released Nov 19 · 44 min",
        "2. Build Log",
        "Episode 88: Why Rewrites Fail",
        "Released Nov 17 · 1 hr 6 min",
        "3. Lost Maps",
        "The Lighthouse Ledger",
        "Released Nov 21 · 52 min",
    ]
    assert episode_marks(lines) == 3


SEGMENT_LIST = (
    STATION_HEAD
    + """節目內容：
大稻埕的布行曾經是整條街最熱鬧的地方，本集邀請第三代布行老闆，聊聊布料生意的起落與老街的變化。
本集單元：
一、老街記憶：從南北貨行說起
二、藝文快遞：本週展演活動推薦
三、聽眾信箱：老布料怎麼保存？
收聽節目
00:00 / 45:10
友善列印
回上一頁
"""
)


def test_a_list_of_segments_ends_at_the_player_and_the_pages_buttons() -> None:
    _, episodes = read_text(SEGMENT_LIST)
    (episode,) = episodes
    assert [c.title for c in episode.chapters] == [
        "一、老街記憶：從南北貨行說起",
        "二、藝文快遞：本週展演活動推薦",
        "三、聽眾信箱：老布料怎麼保存？",
    ]


PUBLISHED_AT = """Podcasts
Le Quotidien de Liège
L'Aiguille
L'Aiguille
Chaque jeudi, Léa Dumont prend une question de l'actualité liégeoise et cherche la réponse avec ceux qui la vivent.
S'abonner au podcast
Tous les épisodes
Écouter
Le tram de Liège : pourquoi les travaux ont encore pris du retard
Les rails sont posés mais la mise en service recule encore. Ce qui bloque, rue par rue, avec les ingénieurs du chantier.
Publié le 19/11/2026 à 06:00
26 min
Écouter
Logement étudiant : la pénurie de kots expliquée
Les loyers ont pris vingt pour cent en trois ans. Trois étudiants et un propriétaire racontent comment on en est arrivé là.
Publié le 12/11/2026 à 06:00
29 min
Écouter
La Meuse en crue : ce qui a changé depuis 2021
Digues, bassins d'orage, alertes : ce que les communes ont fait, et ce qu'elles n'ont toujours pas fait.
Publié le 05/11/2026 à 06:00
33 min
Voir plus d'épisodes
"""


def test_a_publication_date_with_its_time_of_day_dates_each_entry() -> None:
    # "Publié le 19/11/2026 à 06:00" under each teaser: when the entry came out, not a length
    fmt, episodes = read_text(PUBLISHED_AT)
    assert fmt == "listing"
    assert [(e.title[:30], e.published, e.duration) for e in episodes] == [
        ("Le tram de Liège : pourquoi le", datetime(2026, 11, 19, tzinfo=UTC), 26 * 60),
        ("Logement étudiant : la pénurie", datetime(2026, 11, 12, tzinfo=UTC), 29 * 60),
        ("La Meuse en crue : ce qui a ch", datetime(2026, 11, 5, tzinfo=UTC), 33 * 60),
    ]


def test_a_day_taiwans_calendar_month_has_not_is_no_date() -> None:
    # "115-02-30": no such day; the page is still read, undated
    _, episodes = read_text(STATION_HEAD.replace("115-11-20", "115-02-30"))
    (episode,) = episodes
    assert (episode.title, episode.published) == (
        "【城市漫步】老街的聲音：大稻埕布行的最後一代",
        None,
    )
