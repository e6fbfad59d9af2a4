"""Broadcasters' and newspapers' episode pages: a replay board's fields and tabs, a show's
other recordings under its episode, bylines stacked over the date, an "in brief" box, a
chapter list under a heading of key points, a photo caption with its credit."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.chrome import chrome_kind
from castdigest.readers.page_dates import schedule_line
from castdigest.readers.title_signals import credits_line
from page_reading import read_text

EPISODE_OVER_ITS_SHOWS_RECORDINGS = """Przejdź do treści
Radio Nadodrze
Wiadomości
Audycje
Na żywo
Ramówka
Szukaj
Zaloguj
Program Drugi
Ślady miasta. Dworzec, który przetrwał trzy państwa
2026-11-19 14:05
Ślady miasta
Słuchaj
00:00
48:10
Jak zmieniał się dworzec w ciągu stu lat i dlaczego jego hala przetrwała pożar z 1945 roku? Opowiadają o tym historyczka architektury i kolejarz z czterdziestoletnim stażem.
Rozmawiamy też o tym, kto projektował perony i co zostało z dawnej poczekalni.
Prowadzenie: Marta Wiśniewska.
Udostępnij
Wszystkie nagrania
Ślady miasta. Kamienica przy placu Solnym
2026-11-12 14:05
47:02
Ślady miasta. Zapomniane tramwaje
2026-11-05 14:05
49:40
Ślady miasta. Ogród botaniczny nocą
2026-10-29 14:05
46:55
Pokaż więcej
O nas
Kontakt
Polityka prywatności
© 2026 Radio Nadodrze
"""


def test_an_episode_over_its_shows_other_recordings_is_one_episode() -> None:
    # "Wszystkie nagrania" (all recordings) heads the show's other recordings, not a listing
    # the page's own episode opens
    _, episodes = read_text(EPISODE_OVER_ITS_SHOWS_RECORDINGS)
    assert [(e.title, e.duration, e.review_reasons) for e in episodes] == [
        ("Ślady miasta. Dworzec, który przetrwał trzy państwa", 2890.0, [])
    ]


STORY_WITH_STACKED_BYLINES = """Gå til indhold
Børsbladet
Marked
Økonomi
Privatøkonomi
Podcast
Menu
Log ind
Podcast
Renteugen
Derfor stiger boligpriserne trods høje renter
Renten har ligget højt i et år, men priserne på ejerlejligheder stiger igen. I denne uges Renteugen forklarer to økonomer hvorfor.
Kort fortalt
Priserne på ejerlejligheder i de største byer er steget fire procent siden januar, ifølge gæsterne i Renteugen.
Cheføkonom Mads Krogh mener, at få nye boliger og flere tilflyttere forklarer det meste af stigningen.
Boligøkonom Sara Lind venter, at priserne flader ud, når de faste renter falder næste år.
Resuméet er lavet med kunstig intelligens og gennemlæst af redaktionen.
Giv feedback
Karen Holm
Journalist
Jonas Bech Mikkelsen
Journalist
Publiceret: 19.11.2026 06:00
Renteugen
Derfor stiger boligpriserne trods høje renter
Afspil
00:00
41:20
Det er et spørgsmål, mange lyttere har stillet: Hvorfor stiger priserne, når det er så dyrt at låne?
I episoden taler værterne med to økonomer om udbud, efterspørgsel og hvad førstegangskøbere kan gøre nu.
Værter er Karen Holm og Jonas Bech Mikkelsen. Renteugen udkommer hver torsdag.
Del
Kopiér link
Læs også
Boligmarkedet i Aarhus slår rekord
"""


def test_bylines_stacked_over_the_date_frame_no_entry_and_an_in_brief_box_gives_takeaways() -> None:
    # two author cards, each a name over "Journalist": the story's bylines, not an entry
    # titled with a name; the box's disclaimer is chrome, its lines the takeaways
    _, episodes = read_text(STORY_WITH_STACKED_BYLINES)
    assert [(e.title, len(e.takeaways), e.duration, e.review_reasons) for e in episodes] == [
        ("Derfor stiger boligpriserne trods høje renter", 3, 2480.0, [])
    ]
    assert episodes[0].takeaways[0].startswith("Priserne på ejerlejligheder")


REPLAY_BOARD = """본문 바로가기
주메뉴 바로가기
한빛라디오
로그인
회원가입
소개
프로그램
편성표
참여
고객센터
ON AIR
라디오 듣기
프로그램
아침의 창
매일 오전 7시 ~ 9시
진행 한지우 | 연출 오민석 | 작가 서예린
프로그램 소개
진행자 소개
게시판
선곡표
다시듣기
사연 보내기
다시듣기
HOME > 프로그램 > 아침의 창 > 다시듣기
11월 20일(금) 아침의 창 - 김장철 배추값, 올해는 왜 올랐나
작성자
아침의 창
등록일
2026-11-20
조회수
187
00:00 / 01:55:10
재생
다운로드
올해 배추값이 지난해보다 크게 오른 이유를 농업경제학자 이도윤 교수와 함께 짚어봤습니다. 산지의 날씨와 유통 구조, 김장 비용을 줄이는 방법까지 알아봤습니다.
[00:00:00] 오프닝
[00:12:40] 오늘의 경제 - 배추값 이야기
[00:58:20] 청취자 사연
[01:50:05] 클로징
목록
이전글
11월 19일(목) 아침의 창 - 겨울 난방비 아끼는 법
다음글
"""


def test_a_replay_boards_title_is_under_its_path_past_tabs_credits_and_fields() -> None:
    # the programme's tabs over the breadcrumb are a menu; "매일 오전 7시 ~ 9시" is its
    # slot, the staff line its credits; "작성자" and "등록일" label the values under them
    _, episodes = read_text(REPLAY_BOARD)
    assert [(e.title, len(e.chapters), e.review_reasons) for e in episodes] == [
        ("11월 20일(금) 아침의 창 - 김장철 배추값, 올해는 왜 올랐나", 4, [])
    ]


POINTS_HEADING_OVER_CHAPTERS = """跳至主要內容
城市週報
搜尋
登入
最新
文化
生活
Podcast
主頁
>
Podcast
>
街角故事
【街角故事 EP12】舊書店還有明天嗎？
撰文：何敏儀
2026-11-18
分享：
複製連結
街角故事 EP12
00:00 / 39:45
播放
旺角最後幾間二樓書店，一間接一間落閘。今集主持梁志恒走訪一間開業三十年的舊書店，同店主傾下租金、網購同讀者的轉變。
本集重點：
00:00 開場：點解仲有人開書店？
05:10 二樓書店的黃金年代
17:30 租金與網購的夾擊
31:05 讀者會回來嗎？
主持：梁志恒
嘉賓：陳少芬
相關文章
【街角故事 EP11】霓虹招牌的最後工匠
"""


def test_a_heading_of_key_points_over_timed_lines_heads_chapters() -> None:
    # "本集重點" is a heading of key points; timed lines under it are the episode's
    # chapters, and no takeaway is missed
    _, episodes = read_text(POINTS_HEADING_OVER_CHAPTERS)
    assert [(len(e.chapters), len(e.takeaways), e.review_reasons) for e in episodes] == [(4, 0, [])]
    assert [c.start for c in episodes[0].chapters] == [0.0, 310.0, 1050.0, 1865.0]


def test_a_photo_caption_ending_in_its_credit_is_chrome() -> None:
    assert chrome_kind("Fisher Ana Reti beside the harbour wall at Moeraki. Photo: supplied") == (
        "image credit"
    )
    assert chrome_kind("Die Moderatorin vor dem Studio in Graz. Foto: Kleine Agentur") == (
        "image credit"
    )
    assert chrome_kind("The harbour wall was built in 1908. Nobody: agrees") is None


def test_a_daily_slot_needs_its_hours() -> None:
    assert schedule_line("매일 오전 7시 ~ 9시")
    assert schedule_line("Weekdays 6-9am")
    assert schedule_line("平日 16:00～18:00")
    assert not schedule_line("毎日新聞")
    assert not schedule_line("Daily Brief")


def test_a_line_of_credits_may_name_the_crew_beside_who_talks() -> None:
    assert credits_line("진행 한지우 | 연출 오민석 | 작가 서예린")
    assert credits_line("Host Ada Lund | Producer Ben Ross")
    assert not credits_line("Music Videos | Sound Check")
