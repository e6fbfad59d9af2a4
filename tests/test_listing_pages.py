"""Show pages read whole: entries under the show's name and their date, a show's list under
dates of a live player, dates with their weekday after them."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.text.dates import without_weekday
from castdigest.text.titles import split_title
from page_reading import read_text

STATION_SHOW_PAGE = """Radio Città
Ascolta la diretta
Palinsesto
Podcast
Cerca
PlayStop Buongiorno di martedì 24/11/2026 - in diretta
PODCAST
Il Cortile
Storie di condomini, cortili e vicini di casa. Ogni domenica alle 10.
A CURA DI:
Anna Verri
Ultima puntata
PlayStop Il Cortile di domenica 22/11/2026 Il condominio che ha deciso di comprare il palazzo.
Tutte le puntate
Il Cortile | 22/11/2026
Il condominio che ha comprato il palazzo
Trenta famiglie di via Padova hanno messo insieme i risparmi per non essere sfrattate. Anna Verri è andata a sentire com'è andata.
Il Cortile | 15/11/2026
Portinerie: chi le riapre e perché
Dopo vent'anni di chiusure, alcune portinerie tornano aperte. Con la sociologa Laura Pini.
Il Cortile | 08/11/2026
Il cortile come piazza
Feste, litigi e orti condivisi nei cortili di Milano.
Carica altri
Radio Città
© 2026 Radio Città
"""


def test_entries_under_the_shows_name_and_their_date_are_the_shows_episodes() -> None:
    fmt, episodes = read_text(STATION_SHOW_PAGE)
    assert fmt == "listing"
    assert [ep.title for ep in episodes] == [
        "Il condominio che ha comprato il palazzo",
        "Portinerie: chi le riapre e perché",
        "Il cortile come piazza",
    ]
    assert [ep.published.date().isoformat() for ep in episodes if ep.published] == [
        "2026-11-22",
        "2026-11-15",
        "2026-11-08",
    ]


PROGRAMME_PAGE = """Streamly
홈
TV
영화
검색
새벽 서재
MBC
시사/교양
매주 금요일 밤 11시 방송
매주 한 명의 작가가 서재의 불을 켠다. 소설가, 시인, 번역가가 직접 고른 책을 함께 읽고, 시청자가 보낸 질문에 답하는 심야 북토크.
출연 : 윤서진
회차
전체 52
52회
2026.11.20 (금)
소설가 권하윤, 섬의 말을 받아 적다
신작 장편으로 돌아온 소설가 권하윤. 남해의 작은 섬에서 해녀들과 지내며 들은 이야기를 소설로 옮긴 과정을 들려준다.
1시간 2분
51회
2026.11.13 (금)
번역가 마르코 벨리니, 한국어로 꿈을 꾸다
한국 현대시를 이탈리아어로 옮기며 부딪힌 단어들에 대한 유쾌한 토론.
58분
50회
2026.11.06 (금)
가을 특집 - 시청자가 보낸 인생의 책
시청자 사연으로 꾸민 특집. 책과 얽힌 열두 개의 사연을 소개한다.
55분
더보기
"""


def test_a_programmes_episodes_dated_with_their_weekday_after_the_date() -> None:
    fmt, episodes = read_text(PROGRAMME_PAGE)
    assert fmt == "listing"
    assert [ep.title for ep in episodes] == [
        "소설가 권하윤, 섬의 말을 받아 적다",
        "번역가 마르코 벨리니, 한국어로 꿈을 꾸다",
        "가을 특집 - 시청자가 보낸 인생의 책",
    ]
    assert [ep.duration for ep in episodes] == [3720.0, 3480.0, 3300.0]
    assert episodes[2].guests == []  # a phrase after the dash, no one's name


def test_a_weekday_in_brackets_after_a_date() -> None:
    assert without_weekday("2026.11.20 (금)") == "2026.11.20"
    assert without_weekday("20.11.2026 (Fr.)") == "20.11.2026"
    assert without_weekday("2026年11月20日（金）") == "2026年11月20日"
    assert without_weekday("Live (Fri)") == "Live (Fri)"  # no date before it


def test_a_phrase_in_a_script_without_capitals_is_no_guests_name() -> None:
    context = "명절을 맞아 진행자가 고향의 오래된 동네 서점을 찾았다."
    assert split_title("추석 특집 - 고향의 서점을 찾아서", context).guests == []
    assert [p.name for p in split_title("밤의 서재 - 권하윤").guests] == ["권하윤"]


NETWORK_SHOW_PAGE = """Skip to content
Loudhouse Media
Podcasts
Newsletters
Sign In
Door to Door
Door to Door is a show about the people who win local elections: organisers, clerks and volunteers. Every Friday the hosts talk to someone doing the work.
Hosted by Tasha Green and Owen Park
Latest Episodes
Nov 20, 2026
Why School Board Races Got So Expensive
Outside money poured a record sum into school board races this year, and a winner tells us how she ran on a small budget.
Listen Now

Nov 13, 2026
The County Clerk Who Counted Every Vote Twice
After threats forced half her staff to quit, one clerk ran the cleanest count in the state anyway.
Listen Now

Nov 6, 2026
One Last Push: Canvassing in the Rain
The final weekend before Election Day with volunteers knocking on doors in the rain.
Listen Now
Load More
"""


def test_dates_over_titles_the_first_right_under_the_episodes_heading() -> None:
    fmt, episodes = read_text(NETWORK_SHOW_PAGE)
    assert fmt == "listing"
    assert [ep.title for ep in episodes] == [
        "Why School Board Races Got So Expensive",
        "The County Clerk Who Counted Every Vote Twice",
        "One Last Push: Canvassing in the Rain",
    ]
    assert [ep.published.date().isoformat() for ep in episodes if ep.published] == [
        "2026-11-20",
        "2026-11-13",
        "2026-11-06",
    ]


UNDATED_SHOW_PAGE = """Aller au contenu principal
Journal
Studio
Rechercher
Émissions
Le Fil rouge
Émission
Chaque mardi, « Le Fil rouge » raconte l’envers d’une enquête : les premiers doutes, les documents, les sources qui hésitent. Un podcast à retrouver tous les mardis.
Dernier épisode
« Le Fil rouge » : les faux contrats d’un transporteur, une enquête qui commence par une lettre
Une journaliste raconte comment une lettre de trois lignes l’a menée à un réseau de contrats falsifiés.
Tous les épisodes
« Le Fil rouge » : au tribunal, les faillites en série d’un promoteur
© Photo Studio / Journal
Un journaliste revient sur son enquête consacrée à un promoteur dont les sociétés ont fait faillite onze fois.
« Le Fil rouge » : ce que disent les carnets d’un ancien maire
© Journal
Une historienne explique comment des carnets retrouvés dans une cave éclairent une crise de 1997.
Afficher plus
"""


def test_undated_entries_whose_titles_open_with_the_shows_name() -> None:
    fmt, episodes = read_text(UNDATED_SHOW_PAGE)
    assert fmt == "listing"
    assert [ep.title for ep in episodes] == [
        "« Le Fil rouge » : les faux contrats d’un transporteur, une enquête qui commence par une lettre",
        "« Le Fil rouge » : au tribunal, les faillites en série d’un promoteur",
        "« Le Fil rouge » : ce que disent les carnets d’un ancien maire",
    ]


def test_turns_of_a_transcript_opening_with_a_speakers_name_are_no_entries() -> None:
    from castdigest.readers.listing_shapes import prefixed

    lines = ["Ada Lund", "Guest", "Ada Lund: We started the co-op in a garage, honestly."]
    lines += ["Ada Lund: Then the grant came through, and we bought the first sensors."]
    lines += ["Ada Lund: It was the rain that taught us where to put them, in the end."]
    assert prefixed(lines) == []


NEWSPAPER_SHOW_PAGE = """Skip to Main Content
The Daily Ledger
Subscribe
Sign In
Podcasts
Small Print
Small Print
Money is full of small print. We read it so you don’t have to. Every Tuesday the hosts dig into the fees and contracts that shape what you pay.
Follow
Latest Episodes
Nov. 20, 2026
The Hidden Fee in Your Grocery Receipt
Some supermarket chains have started adding a service charge to online orders, and it is creeping into in-store receipts too.
Play
23 min
Nov. 17, 2026
Why Your Car Insurance Went Up Again
Premiums have climbed for the third straight year even as accidents have leveled off.
Play
27 min
Nov. 13, 2026
The Gift Card Graveyard
Americans are sitting on billions of dollars of unused gift cards. We follow the money after a card expires.
Play
21 min
Further Reading
"""


def test_dates_over_titles_each_after_the_length_closing_the_entry_above() -> None:
    fmt, episodes = read_text(NEWSPAPER_SHOW_PAGE)
    assert fmt == "listing"
    assert [(ep.title, ep.duration) for ep in episodes] == [
        ("The Hidden Fee in Your Grocery Receipt", 1380.0),
        ("Why Your Car Insurance Went Up Again", 1620.0),
        ("The Gift Card Graveyard", 1260.0),
    ]


ALBUM_PAGE = """音频站
首页
分类
登录

首页 > 人文 > 历史 > 吃在明清：五百年前的饭桌

吃在明清：五百年前的饭桌
更新至3集
老饕说史
播放 38.6万
订阅 1.2万

专辑简介
从南京的鸭血汤到北京的涮羊肉，一张饭桌能讲出一整个朝代。这是一档每集二十来分钟的历史饮食节目，每周三更新，本季共3集，已全部上线。
适合通勤、做饭和睡前收听。
【本季内容】明代两集、清代一集，涉及鸭子、辣椒、宫廷早饭等话题。所有史料出处会放在每集的声音简介里，欢迎对照阅读。
展开

声音(3)
评价(58)

1
第01集 南京的鸭子：一座城的口味
8.7万
21:36
2026-10-14

2
第02集 明朝人吃不吃辣？
6.2万
24:05
2026-10-21

3
第03集 紫禁城的早饭
5.9万
19:48
2026-10-28
"""


def test_an_albums_tracks_under_its_sounds_heading_are_its_episodes() -> None:
    fmt, episodes = read_text(ALBUM_PAGE)
    assert fmt == "listing"
    assert [ep.title for ep in episodes] == [
        "第01集 南京的鸭子：一座城的口味",
        "第02集 明朝人吃不吃辣？",
        "第03集 紫禁城的早饭",
    ]
