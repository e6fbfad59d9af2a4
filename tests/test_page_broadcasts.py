"""Broadcasters' and newspapers' pages: a programme's rundown by the hours its parts air at,
a show's card over its episode, the one host every entry of a list shows over its date, a
sentence under a numbered title, the time of day after a date, an image's credit over a
headline, a short list of points ended by the player, the path to the page ending with its
title, and a list whose entries show a date or a length, never alike."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.models import Episode
from castdigest.readers.doubt import unlike_entries
from castdigest.readers.line_dates import has_length
from castdigest.readers.subheadings import aired_run
from castdigest.readers.title_lines import in_turns
from page_reading import read_text

RUNDOWN = """Aller au contenu
Radio Boréale 104,3
EN ONDES
Nouvelles
Émissions
Balados
Animateurs
Horaire
Concours
Se connecter
Balados
Le Grand Dimanche
Toute l'émission du dimanche matin, sans les publicités.
S'abonner
Apple Podcasts
Spotify
Élise Marchand, Tobie Lacasse et les sucres d'automne
Avec
Noémie Fortier
22 novembre 2026
1 h 38 min
Écouter
Partager
Une semaine de verglas sur la Côte-Nord : Noémie revient sur les routes fermées, puis reçoit deux invités qui ont passé l'automne loin de chez eux.
Au menu
8 h – Les nouvelles de la semaine avec Noémie Fortier
8 h 35 – Élise Marchand : un automne dans les îles
9 h 15 – Tobie Lacasse et l'érablière d'hiver
10 h 05 – Vos appels : le pire trajet de la semaine
Autres épisodes
15 novembre 2026
Marc Vézina et la rentrée des pneus d'hiver
1 h 41 min
Voir tous les épisodes
"""


def test_a_rundown_by_the_hours_its_parts_air_is_untimed_chapters() -> None:
    # "8 h 35 – …": the hour the part airs at on a three-hour morning show, not a start in
    # the ad-free recording; the show's card (its name, its blurb, "S'abonner") is no title
    _, episodes = read_text(RUNDOWN)
    assert len(episodes) == 1
    (episode,) = episodes
    assert episode.title == "Élise Marchand, Tobie Lacasse et les sucres d'automne"
    assert episode.review_reasons == []
    assert [(c.start, c.title) for c in episode.chapters] == [
        (None, "Les nouvelles de la semaine avec Noémie Fortier"),
        (None, "Élise Marchand : un automne dans les îles"),
        (None, "Tobie Lacasse et l'érablière d'hiver"),
        (None, "Vos appels : le pire trajet de la semaine"),
    ]
    assert episode.duration == 98 * 60


def test_a_rundown_is_three_rising_hours_in_any_of_the_languages() -> None:
    assert [
        t for _, t in aired_run(["9 a.m. — The news", "9:40 a.m. - Our guest", "10.20 Uhr: Anrufe"])
    ] == [
        "The news",
        "Our guest",
        "Anrufe",
    ]
    assert [
        t
        for _, t in aired_run(
            ["오전 9시 - 뉴스 브리핑", "오전 10시 - 초대석", "오전 11시 - 청취자 사연"]
        )
    ] == [
        "뉴스 브리핑",
        "초대석",
        "청취자 사연",
    ]
    # chapter times, hours that fall back, or two parts only: no rundown
    assert aired_run(["00:00 - Intro", "05:00 - Guest", "10:00 - Calls"]) == []
    assert aired_run(["9 h – Nouvelles", "8 h – Invité", "10 h – Appels"]) == []
    assert aired_run(["9 h – Nouvelles", "9 h 30 – Invité"]) == []


HOSTED_LIST = """Skip to content
Harbourline Business
Subscribe
Log in
Markets
Podcasts
Home › Podcasts › Cargo Talk
Cargo Talk
Cargo Talk is our weekly show about ports and shipping lanes. Host Thandiwe Mokoena speaks to the people who move freight across the region.
Latest episodes
Why the ferry terminal finally reopened
‘We lost three sailing seasons to the repairs,’ says the terminal's operations manager, Kagiso Ndlovu.
Thandiwe Mokoena
19 Nov 2026
26 min
Rail freight at a crossroads: Cheaper, slower and less reliable?
Transport economist Lerato Pillay on why shippers keep choosing trucks over trains.
Thandiwe Mokoena
12 Nov 2026
33 min
SPONSORED
Protecting your cash flow when fuel prices jump
In partnership with Coastal Bank
Stuck at the border: Inside the week lorries queued 48 hours
Two drivers and a customs broker on what a day at the border really costs a haulier.
Thandiwe Mokoena
5 Nov 2026
28 min
Cold chain season review: More fruit, smaller profits
‘We packed more pallets than any year before and earned less on each one,’ says grower Pieter Malan.
Thandiwe Mokoena
29 Oct 2026
31 min
Load more
"""


def test_the_host_every_entry_shows_over_its_date_is_a_label_not_a_byline() -> None:
    # "Title / teaser / Host / date / length": the host's name, credited in the show's blurb,
    # stands over every entry's date; a title telling how long something took ("… queued
    # 48 hours") is a title, not a length
    fmt, episodes = read_text(HOSTED_LIST)
    assert fmt == "listing"
    assert [(e.title, e.published, e.duration) for e in episodes] == [
        ("Why the ferry terminal finally reopened", datetime(2026, 11, 19, tzinfo=UTC), 26 * 60),
        (
            "Rail freight at a crossroads: Cheaper, slower and less reliable?",
            datetime(2026, 11, 12, tzinfo=UTC),
            33 * 60,
        ),
        (
            "Stuck at the border: Inside the week lorries queued 48 hours",
            datetime(2026, 11, 5, tzinfo=UTC),
            28 * 60,
        ),
        (
            "Cold chain season review: More fruit, smaller profits",
            datetime(2026, 10, 29, tzinfo=UTC),
            31 * 60,
        ),
    ]


NUMBERED_TEASERS = """声波FM
首页
分类
登录
首页 > 生活 > 慢车站
慢车站
主播：周小满
订阅 1.1万
节目（42）
42
Vol.42 绿皮火车上的最后一位列车员
本期嘉宾：列车员 老韩
2026-11-20
播放 9823
41:07
41
Vol.41 县城里的老照相馆
从胶片到手机，一家照相馆的四十年。
2026-11-13
播放 1.2万
36:40
40
Vol.40 和阿青聊聊：小站的夜班
本期嘉宾：车站值班员 阿青
2026-11-06
播放 8870
47:12
39
Vol.39 一条铁路支线的停运
我们沿着停运的支线走了一整天，记录下沿途的声音。
2026-10-30
播放 1.0万
52:18
38
Vol.38 和站长聊聊：一个人守一座小站
本期嘉宾：站长 老冯
2026-10-23
播放 7764
44:51
加载更多
"""


def test_a_sentence_under_a_numbered_title_is_its_teaser() -> None:
    # most entries show their guest under the title, two a sentence ending in "。": the
    # numbered line over that sentence is the title
    _, episodes = read_text(NUMBERED_TEASERS)
    assert [(e.title, e.duration) for e in episodes] == [
        ("Vol.42 绿皮火车上的最后一位列车员", 41 * 60 + 7),
        ("Vol.41 县城里的老照相馆", 36 * 60 + 40),
        ("Vol.40 和阿青聊聊：小站的夜班", 47 * 60 + 12),
        ("Vol.39 一条铁路支线的停运", 52 * 60 + 18),
        ("Vol.38 和站长聊聊：一个人守一座小站", 44 * 60 + 51),
    ]


NEXT_STORY = """Gå til indhold
Fyns Avis
Nyheder
Live
Podcast
Sport
Kultur
TV-guide
Vejret
Søg
Menu
23. nov. 2026 kl. 8:00
Podcast
Foto: Svendborg Museum
Havnearbejderne: - Vi bar sække på ryggen hele dagen
LYT
Del
I 1960'erne var Svendborg Havn fuld af sække og kraner. I nyt afsnit af podcasten Havnens Folk fortæller to tidligere havnearbejdere om arbejdet.
Havnens Folk
Afsnit 4: Havnearbejderne
41 min.
Afspil
Poul Madsen var 19 år, da han fik arbejde på havnen i 1962, og han blev der i over tredive år.
- Man bar sækkene på ryggen, og om aftenen kunne man ikke løfte armene, siger han i podcasten.
Sammen med historiker Karen Lykke går han i fjerde afsnit af Havnens Folk tilbage til havnens travleste år.
Havnens Folk er Fyns Avis' podcast om de mennesker, der har bygget byen. Et nyt afsnit udkommer hver anden mandag.
Gå tilbage
23. nov. 2026 kl. 7:12
Vejr
Glat føre på de fynske veje i morgen
LYT
Del
Vejdirektoratet advarer om isslag på de mindre veje i nat og i morgen tidlig.
"""


def test_the_time_of_day_after_a_date_is_no_length_nor_an_image_credit_a_turn() -> None:
    # "kl. 8:00" is when it came out, so the next story's date line under "Gå tilbage" makes
    # no second entry, and the episode's length is the player's "41 min."
    assert not has_length("23. nov. 2026 kl. 8:00")
    assert not has_length("Le 22/11/2026 à 10:31")
    assert has_length("23. nov. 2026 · 8:00")
    _, episodes = read_text(NEXT_STORY)
    assert [(e.published, e.duration) for e in episodes] == [
        (datetime(2026, 11, 23, tzinfo=UTC), 41 * 60)
    ]
    # "Foto: Svendborg Museum" over "Havnearbejderne: - Vi bar …" is no exchange of turns
    headline = "Havnearbejderne: - Vi bar sække på ryggen hele dagen"
    assert not in_turns(headline, "Foto: Svendborg Museum", "LYT")
    assert in_turns("Poul: - Vi bar sække", "Karen: - Og om aftenen?", "LYT")


POINTS_THEN_PLAYER = """Zum Inhalt springen
Leipziger Rundschau
Abo
Anmelden
Leipzig
Sachsen
Podcasts
Leipzig
Merken
"Leipzig hört zu": Warum die Stadt ihre alten Straßenbahnen nicht verschrotten will
Zwanzig historische Wagen stehen im Depot in Möckern. Ein Verkehrshistoriker erklärt im Podcast, warum die Stadt sie trotz der Kosten behält.
 6 Min.
Teilen
Von Jana Körner
22.11.2026, 06:00 Uhr
Das Wichtigste in Kürze
Die ältesten Wagen im Depot stammen aus den 1920er-Jahren und sind noch fahrtüchtig.
Die Stadt zahlt jedes Jahr rund 400.000 Euro für Wartung und Hallenmiete.
Ein Verein möchte einige Wagen ab dem Sommer für Stadtrundfahrten einsetzen.
Podcast: Leipzig hört zu
41:26
Leipzig. Wer an einem Sonntag nach Möckern fährt, kann durch die offene Halle laufen. Dort stehen zwanzig Straßenbahnen, jede mit einer Nummer auf einem Schild, und manche sind seit Jahrzehnten nicht mehr gefahren.
„Diese Wagen sind ein Archiv auf Rädern“, sagt der Verkehrshistoriker Ralf Zeidler im Gespräch mit Jana Körner. Er kennt die Geschichte jedes einzelnen Fahrzeugs.
Wer bezahlt das Depot?
Die Stadt rechnet vor, dass die Halle in zehn Jahren saniert werden muss. Ob sich dafür Geld findet, ist offen.
Mehr zum Thema
Straßenbahnnetz: Wann die neue Linie kommt
"""


def test_a_short_list_of_points_ends_at_the_player() -> None:
    # three sentences under "Das Wichtigste in Kürze", then the show's name over the player:
    # the points end there; a point is no second entry's title
    _, episodes = read_text(POINTS_THEN_PLAYER)
    assert len(episodes) == 1
    (episode,) = episodes
    assert (
        episode.title
        == '"Leipzig hört zu": Warum die Stadt ihre alten Straßenbahnen nicht verschrotten will'
    )
    assert [t[:30] for t in episode.takeaways] == [
        "Die ältesten Wagen im Depot st",
        "Die Stadt zahlt jedes Jahr run",
        "Ein Verein möchte einige Wagen",
    ]


DATED_AT = """Accueil
Radio Éco
Podcasts
Le Rendez-vous PME
PODCAST
Le Rendez-vous PME : une biscuiterie bretonne à la conquête de Montréal - 21/11
Anne Le Goff, dirigeante de la Biscuiterie Le Goff, raconte comment ses galettes sont arrivées dans les épiceries du Québec.
Le 21/11/2026 à 10:30
27:40
PODCAST
L'intégrale du Rendez-vous PME du samedi 14 novembre
Le 14/11/2026 à 10:32
54:12
PODCAST
Le Rendez-vous PME : reprendre l'entreprise familiale, mode d'emploi - 07/11
Le 07/11/2026 à 10:29
26:05
Voir plus
"""


def test_a_date_with_its_time_of_day_after_a_preposition_dates_the_entry() -> None:
    _, episodes = read_text(DATED_AT)
    assert [(e.title[:40], e.published, e.duration) for e in episodes] == [
        (
            "Le Rendez-vous PME : une biscuiterie bre",
            datetime(2026, 11, 21, tzinfo=UTC),
            27 * 60 + 40,
        ),
        (
            "L'intégrale du Rendez-vous PME du samedi",
            datetime(2026, 11, 14, tzinfo=UTC),
            54 * 60 + 12,
        ),
        (
            "Le Rendez-vous PME : reprendre l'entrepr",
            datetime(2026, 11, 7, tzinfo=UTC),
            26 * 60 + 5,
        ),
    ]


CRUMBED = """Skip to main content
Northshore College
School of Marine Studies
Search School of Marine Studies
Home
About
Programs
Research
The Tideline Podcast
Home » The Tideline Podcast » S3E4: How kelp forests grow back
S3E4: How kelp forests grow back
Posted on November 17, 2026 by School of Marine Studies Communications
The Tideline
Audio Player
00:00
00:00
Subscribe: Apple Podcasts | Spotify | RSS
After a decade of urchin barrens, the kelp off the north shore is returning. Our hosts visit the divers who count it every spring.
Hosts Mara Quinn and Ewan Doyle talk with Dr. Ines Albrecht about what it takes for a forest under water to come back.
Episode length: 38 minutes
"""


def test_the_path_to_the_page_ending_with_a_line_confirms_it_as_the_title() -> None:
    # the school's name is shown three times (its masthead, its search box, the byline), the
    # title twice (the path's end, the heading): the path's end tells which is the page's;
    # the page read as one, not as the show's name over its player and a paragraph over the
    # episode's length
    _, episodes = read_text(CRUMBED)
    assert [(e.title, e.review_reasons) for e in episodes] == [
        ("S3E4: How kelp forests grow back", [])
    ]


def _entry(published: datetime | None, duration: float | None) -> Episode:
    return Episode(title="An entry", published=published, duration=duration)


def test_a_list_whose_entries_show_a_date_or_a_length_never_alike_is_doubtful() -> None:
    day = datetime(2026, 11, 20, tzinfo=UTC)
    # one episode's page read with the clips under it: the page's date on one, lengths on
    # the others
    assert unlike_entries([_entry(day, None), _entry(None, 192.0), _entry(None, 347.0)]) == [
        "the entries read show a date or a length, never alike: one episode's page?"
    ]
    # a list whose entries show the same fields, or miss one now and then: no doubt
    assert unlike_entries([_entry(day, 1800.0), _entry(day, None), _entry(day, 1500.0)]) == []
    assert unlike_entries([_entry(None, None), _entry(None, 1680.0)]) == []
