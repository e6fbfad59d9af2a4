"""A broadcaster's programme page: its fields each a label over its value (not a tab bar),
the channel between the title and them, the span of hours it airs in as its length, the
songs it played as no chapters; and a summary page whose points carry a note on how they
were made and end where its synopsis begins."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.readers.chrome import machine_note
from castdigest.readers.line_dates import aired_span, has_length, head_length
from castdigest.readers.listing_shapes import is_dated
from page_reading import read_text

FIELDS = """本文へ移動
市民大学放送
資料請求
検索
メニュー
入学案内
授業科目案内
放送・番組
学習センター
ホーム
放送・番組
公開講座
番組詳細
公開講座
「眠り」の科学 ～夜ふかしの代償～
BS232ch
放送日時
2026年11月14日（土）20:00～20:45
再放送
2026年11月28日（土）10:15～11:00
番組時間
45分
出演
森下 直子（北都医療大学教授・睡眠医学）
番組概要
眠りは体を休めるだけでなく、記憶の整理や免疫の働きにも深くかかわっている。本講座では、睡眠の仕組みから、夜ふかしが体に残す影響、よく眠るための工夫までを、研究の最前線から解説する。
チャプター
1．なぜ人は眠るのか（00:00～）
2．体内時計のしくみ（09:30～）
3．夜ふかしと記憶（21:10～）
4．よく眠るための工夫（33:40～）
ページの先頭へ
"""


def test_fields_each_over_its_value_are_no_tab_bar_and_the_channel_no_title() -> None:
    # "放送日時" / its date, "再放送" / its date, "番組時間" / "45分": the page's fields, kept;
    # "BS232ch" between the title and them is the channel; "本文へ移動" is a skip link; the
    # span of hours ("20:00～20:45") is when it airs, no length
    assert not has_length("2026年11月14日（土）20:00～20:45")
    _, episodes = read_text(FIELDS)
    (episode,) = episodes
    assert episode.title == "「眠り」の科学 ～夜ふかしの代償～"
    assert episode.review_reasons == []
    assert episode.published == datetime(2026, 11, 14, tzinfo=UTC)
    assert episode.duration == 45 * 60
    assert [(c.start, c.title) for c in episode.chapters] == [
        (0.0, "1．なぜ人は眠るのか"),
        (570.0, "2．体内時計のしくみ"),
        (1270.0, "3．夜ふかしと記憶"),
        (2020.0, "4．よく眠るための工夫"),
    ]


AIRED = """メインコンテンツへスキップ
らじるーむ
ログイン
ライブ
番組表
東京
ベイサイドFM
ミッドナイト・ライブラリー
2026年11月13日（金）23:00-23:55
再生する
出演者
星野あかり
番組詳細
本好きのあなたと、夜更けにページをめくる55分。パーソナリティの星野あかりが、いま読みたい一冊と、その一冊にまつわる話を届けます。

【オンエア楽曲】
23:08 夜の図書館 / 青木ナギ
23:21 Paper Lanterns / The Slow Rooms
23:36 灯りを消して / 水瀬かなた
23:49 おやすみの前に / 桜井ミオ

番組ホームページ
"""


def test_the_span_it_airs_in_is_its_length_and_the_songs_it_played_no_chapters() -> None:
    assert aired_span("2026年11月13日（金）23:00-23:55") == 55 * 60
    assert aired_span("Sa 21.11.2026, 23:30 - 00:15 Uhr") == 45 * 60
    assert aired_span("23:00-23:55") is None  # no date: a chapter's span, perhaps
    assert head_length(["Show", "2026年11月13日（金）23:00-23:55", "再生する"]) == 55 * 60
    # a length shown as minutes over sixty is no time of day
    assert head_length(["Show", "2026/11/19", "38:44"]) == 38 * 60 + 44
    assert head_length(["Show", "2026/11/19", "15:30"]) is None
    _, episodes = read_text(AIRED)
    (episode,) = episodes
    assert (episode.title, episode.duration, episode.chapters) == (
        "ミッドナイト・ライブラリー",
        55 * 60,
        [],
    )


NOTED_POINTS = """Harbour Business Daily
Podcasts
Market Minute
Market Minute: Why Singapore's REITs are borrowing again
Lower rates have reopened the bond market for property trusts. An analyst explains which ones gain and which stay cautious.
Daniel Koh
Published Thu, Nov 19, 2026 · 06:10 AM
Listen to this podcast
0:00
21:40
Key takeaways
AI-generated summary, reviewed by our editors
Several REITs have refinanced loans due in 2027 at rates half a point lower than a year ago.
Industrial and data-centre trusts are borrowing to buy, while retail trusts mostly pay down debt.
Analysts expect distributions to stabilise next year rather than rise.
SYNOPSIS: Singapore's real estate investment trusts spent two years cutting debt. With rates easing, some are borrowing again, and Daniel Koh asks an analyst whether that is a sign of confidence or of pressure.
Highlights (click/tap above):
0:52 Why rates matter so much for REITs
5:10 Who is refinancing, and at what cost
12:35 The data-centre bet
17:20 What unitholders should expect
"""


def test_a_note_on_how_the_points_were_made_and_the_synopsis_are_none_of_them() -> None:
    assert machine_note("AI-generated summary, reviewed by our editors")
    assert machine_note("※ 본 요약은 AI가 방송 음성을 바탕으로 자동 생성했습니다.")
    assert machine_note("Zusammenfassung von KI erstellt")
    # a point about machines is a point
    assert not machine_note("AI-generated code now makes up 40% of new commits")
    _, episodes = read_text(NOTED_POINTS)
    (episode,) = episodes
    assert [t[:40] for t in episode.takeaways] == [
        "Several REITs have refinanced loans due ",
        "Industrial and data-centre trusts are bo",
        "Analysts expect distributions to stabili",
    ]
    assert [c.start for c in episode.chapters] == [52.0, 310.0, 755.0, 1040.0]


LIBRARY = """Skip to main content
Riverside Public Library
Get a Library Card
My Account
Locations & Hours
Donate
Search the catalog, website & events
Search
Menu
Books & More
Events & Programs
Learn & Explore
Research
Community
About
Home
Podcasts
Shelf Life
The Tool Library on Elm Street
Shelf Life
Season 2, Episode 9
November 10, 2026
0:00 / 27:42
Listen on Apple Podcasts
Listen on Spotify
Subscribe via RSS
Every Saturday morning, neighbours line up at the Elm Street branch to borrow drills, ladders and sewing machines. This episode visits the tool library that began with a single donated toolbox.
"""


def test_a_season_label_and_a_player_under_the_date_mark_the_title() -> None:
    # the library's name and its account links head the page; the episode's title stands
    # over the show, "Season 2, Episode 9", the date and the player's "0:00 / 27:42"
    _, episodes = read_text(LIBRARY)
    assert [(e.title, e.review_reasons, e.duration) for e in episodes] == [
        ("The Tool Library on Elm Street", [], 27 * 60 + 42)
    ]


def test_a_timed_item_is_no_date_and_length() -> None:
    # "1. 16:02 <title> (<date>)": a latest-news ticker's item, aired at 16:02; a length with
    # its unit after it is metadata still
    assert not is_dated(
        "1. 16:02 Boletín informativo de las 16 horas (Viernes 20 de noviembre de 2026)"
    )
    assert is_dated("32:14 min, aus Grenzgänge vom 20.11.2026.")
    assert is_dated("Nov 20, 2026 · 38:12")


RUNNING_ORDER = """팟캐스트
살림 이야기
매주 목요일, 생활 경제를 쉽게 풀어 드립니다.
12회 겨울 전기요금, 얼마나 오르나
등록일 2026.11.19 | 재생시간 21:30 | 조회수 902
00:00 / 21:30
올겨울 전기요금 인상 폭과 할인 제도를 정리했습니다. 누진 구간이 어떻게 바뀌는지, 어떤 가구가 할인을 받을 수 있는지 알아봅니다.
<주요 내용>
00:30 오프닝
03:10 누진 구간, 이렇게 바뀐다
09:45 LPG·등유 가구 할인·감면 제도
16:20 클로징
출연: 한지수 (생활경제연구소 연구위원)
"""


def test_a_running_order_under_a_points_heading_is_chapters() -> None:
    # "<주요 내용>" (main points) over timed lines: the running order, no points; a line with
    # a few Latin capitals among Hangul ("LPG·등유") is no heading in capitals
    _, episodes = read_text(RUNNING_ORDER)
    (episode,) = episodes
    assert episode.takeaways == []
    assert [(c.start, c.title) for c in episode.chapters] == [
        (30.0, "오프닝"),
        (190.0, "누진 구간, 이렇게 바뀐다"),
        (585.0, "LPG·등유 가구 할인·감면 제도"),
        (980.0, "클로징"),
    ]
