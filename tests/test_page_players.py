"""Players and cards around an episode's title: a replay page's clips, a byline with its
role, a deck under the headline, a length over each title, a listen button with its length,
a broadcast archive dated entry by entry."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from page_reading import read_text

REPLAY_WITH_CLIPS = """본문 바로가기
한빛TV
뉴스
방송
편성표
VOD
로그인
교양
그때 그 사람
매주 일요일 밤 8시 방송
프로그램 홈
다시보기
클립
출연진
다시보기
58회
은퇴 후 귀농 3년, 무엇이 달라졌나
2026.11.22 (일)
재생시간 01:02:15
12세 이상 시청가
출연 이서연, 김도훈, 최만석
회차 정보
진행자 이서연과 김도훈이 함께하는 인생 이야기 '그때 그 사람'. 이번 회에는 서울에서 30년 동안 회계사로 일하다 경북 영양으로 내려간 최만석 씨를 만났습니다.
공유하기
이 회차의 클립
02:48
"고추 농사 첫해, 절반을 잃었습니다"
04:15
마을 이장이 된 회계사
회차 목록
58회
은퇴 후 귀농 3년, 무엇이 달라졌나
2026.11.22
57회
손주와 함께 배우는 스마트폰
2026.11.15
더보기
회사소개
Copyright © 한빛TV. All rights reserved.
"""


def test_an_episodes_clips_are_not_entries_of_a_listing() -> None:
    # the clips under "이 회차의 클립" (this episode's clips) are its own, each a time over
    # its title; the episode list under them is cut
    _, episodes = read_text(REPLAY_WITH_CLIPS)
    assert [(e.title, e.duration) for e in episodes] == [
        ("은퇴 후 귀농 3년, 무엇이 달라졌나", 3735.0)
    ]


BYLINE_WITH_ROLE = """Naar hoofdinhoud
Techsite
Nieuws
Reviews
Podcast
Inloggen
Podcast
De Techpodcast
De Techpodcast #88 - Accu's die niet slijten en een nieuwe ARM-laptop
Door Pieter Smit
Redacteur
zaterdag 14 november 2026 08:00
12 reacties
Afspelen
0:00
58:21
Deze week praten Pieter Smit en Anouk Vos met batterijonderzoeker Lisa Brouwer over accu's die na duizend laadbeurten nog net zo goed zijn als nieuw.
Daarna bespreken we de eerste ARM-laptop met een volwaardige grafische chip en de vraag of je die nu al moet kopen.
Timestamps
00:00 Intro
02:10 Accu's die niet slijten
25:40 De nieuwe ARM-laptop
49:15 Vragen van luisteraars
Reacties (12)
"""


def test_a_byline_and_its_role_over_the_date_have_the_title_above_them() -> None:
    _, episodes = read_text(BYLINE_WITH_ROLE)
    assert [(e.title, len(e.chapters), e.review_reasons) for e in episodes] == [
        ("De Techpodcast #88 - Accu's die niet slijten en een nieuwe ARM-laptop", 4, [])
    ]


DECK_UNDER_HEADLINE = """Skip to main content
City Museum
Visit
Collection
Podcasts
Search
Podcasts
Object Lessons
The Clock That Ran Backwards: A Watchmaker's Joke
A horologist and a historian explain why a Victorian watchmaker built a clock whose hands turn the wrong way round
October 29, 2026
Object Lessons, Episode 41
Play
00:00
31:05
Subscribe wherever you listen
In the museum's west gallery there is a mantel clock whose hands turn anticlockwise. Visitors assume it is broken; the attendants have learned to smile.
Horologist Dana Whitfield and historian Omar Sayed spent a year in the archive of the workshop that made it, and found the letters that explain the joke.
Transcript
[MUSIC]
JULIA FENN: Welcome to Object Lessons. I'm Julia Fenn.
"""


def test_a_deck_without_its_full_stop_is_no_title_and_the_players_length_is_read() -> None:
    # the deck is long and unpunctuated; "Object Lessons, Episode 41" is the player's card
    _, episodes = read_text(DECK_UNDER_HEADLINE)
    assert [(e.title, e.duration, e.show) for e in episodes] == [
        ("The Clock That Ran Backwards: A Watchmaker's Joke", 1865.0, "Object Lessons")
    ]


LENGTHS_OVER_TITLES = """Skip to main content
River City Rowers
Tickets
Audio
All Audio
Dockside Daily
Dockside Daily
The club's coaches and crews talk racing, training and the river, twice a week in season.
Latest Episodes
PODCAST
41:12
Dockside Daily: A wet start at the head race
Nov 21, 2026
Coach Mara Lind and stroke Ben Ode look back on a cold, wet head race and what the eight learned from it.
PODCAST
36:40
Dockside Daily: Winter miles on the ergometer
Nov 17, 2026
Why the squad spends December on the ergometers and how the coaches set the pieces.
PODCAST
29:05
Dockside Daily: Mailbag, part 1
Nov 3, 2026
Load More
"""


def test_a_length_over_each_title_is_its_entrys_and_the_last_entry_is_kept() -> None:
    # "PODCAST / 41:12 / title / date": each length belongs to the title under it; the last
    # entry, without a teaser, dated "Nov 3" where the others say "Nov 21", is an entry too
    name, episodes = read_text(LENGTHS_OVER_TITLES)
    assert name == "listing"
    assert [(e.title, e.duration) for e in episodes] == [
        ("Dockside Daily: A wet start at the head race", 2472.0),
        ("Dockside Daily: Winter miles on the ergometer", 2200.0),
        ("Dockside Daily: Mailbag, part 1", 1745.0),
    ]
    assert episodes[0].abstract is not None and not episodes[0].abstract.endswith("36:40")


BROADCAST_ARCHIVE = """メインコンテンツへスキップ
みなとFM 82.4MHz
今すぐ聴く
番組表
番組一覧
ホーム ＞ 番組一覧 ＞ 港町さんぽ
港町さんぽ
毎週日曜日 10:00～10:30
パーソナリティ：高木ゆかり
港町の路地を歩いて、商店街の「いま」を訪ねる30分。
放送アーカイブ
2026.11.22（日）
第150回「老舗パン屋の三代目」
ゲスト：元町ベーカリー 三代目 森田健さん
▶ ポッドキャストで聴く（27:40）
2026.11.15（日）
第149回「灯台の見える喫茶店」
ゲスト：喫茶みさき 店主 小川春子さん
開店から四十年、港を見下ろす喫茶店のマスターに、常連さんとの思い出を伺いました。
▶ ポッドキャストで聴く（28:05）
2026.11.08（日）
第148回「リスナーからのお便り特集」
※この回はポッドキャスト配信はありません。
2026.11.01（日）
第147回「秋の港まつり」
ゲスト：港まつり実行委員会 委員長 大塚誠さん
▶ ポッドキャストで聴く（29:30）
1
2
次へ »
"""


def test_a_broadcast_archive_dated_entry_by_entry_with_listen_buttons() -> None:
    # each date opens its entry under the last one's button or note; a button holds the
    # entry's length in brackets
    name, episodes = read_text(BROADCAST_ARCHIVE)
    assert name == "listing"
    assert [(e.title, e.duration) for e in episodes] == [
        ("第150回「老舗パン屋の三代目」", 1660.0),
        ("第149回「灯台の見える喫茶店」", 1685.0),
        ("第148回「リスナーからのお便り特集」", None),
        ("第147回「秋の港まつり」", 1770.0),
    ]
