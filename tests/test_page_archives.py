"""A show's archive and a segment's page: titles closed by their date, a list whose first
teaser is long under its heading, a segment's player under its date, an episode's number in
brackets, the site's name after another page's headline, a date under a label of Portugal's
Portuguese."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.listing import _SNIFF_AS_OF
from castdigest.readers.listing_kinds import meta_kind
from castdigest.readers.title_signals import brand, normalise, numbered
from page_reading import read_text

DATE_CLOSED = """Skip to main content
Court Report
Scores
Schedule
Teams
Podcasts
Shows
The Bench Press
Coaching, contracts and the people who run the game. Every Tuesday, reporter Malik Owens asks the questions the press conference skipped.
Listen to The Bench Press
Apple Podcasts
Spotify
Archived Podcasts
Can a Small-Market Team Keep Its Star? The Extension Math, Explained: 11/24/26
Malik walks through the supermax rules with former general manager Rita Castaño, and why a contract signed in July can still feel short in March.
Assistant Coaches Are Leaving for College. Why Now?: 11/17/26
Three assistants left pro benches this fall. Malik asks two of them what the college game offered that the league did not.
The Referee Shortage Reaches the Pros: 11/10/26
Officials' union president Glen Hart on travel, abuse from the stands and the pipeline that dried up.
Mailbag: Tanking, Trade Kickers and Your Office Pool: 11/3/26
You asked, Malik answers.
"""


def test_titles_closed_by_their_date_are_a_listing() -> None:
    reader, episodes = read_text(DATE_CLOSED)
    assert reader == "listing"
    assert [
        (e.title, e.published.date().isoformat() if e.published else None) for e in episodes
    ] == [
        ("Can a Small-Market Team Keep Its Star? The Extension Math, Explained", "2026-11-24"),
        ("Assistant Coaches Are Leaving for College. Why Now?", "2026-11-17"),
        ("The Referee Shortage Reaches the Pros", "2026-11-10"),
        ("Mailbag: Tanking, Trade Kickers and Your Office Pool", "2026-11-03"),
    ]


FIRST_TEASER_LONG = """北海放送
テレビ
ラジオ
番組表
ラジオ トップ
番組一覧
港町ラジオ
港町ラジオ
毎週土曜 20:00～20:30
パーソナリティ：佐藤 凛
番組概要
ポッドキャスト
函館の港で働く人、暮らす人の話をじっくり聞く30分。放送後、ポッドキャストでもお聴きいただけます。
最新のエピソード
2026.11.21
#88 朝市の冬、いかの値段
11月21日(土)放送分
朝市で40年、いか専門店を営む高橋さん。今年の不漁で値段はどう変わったのか、観光客と地元客の買い方の違い、そして冬の朝市のにぎわいについて、寒さの中で語っていただきました。店を継ぐ娘さんの話も。
再生時間 29:12
▶ 再生
2026.11.14
#87 青函連絡船の記憶
11月14日(土)放送分
連絡船で働いた元乗組員の方に、最後の航海の日のことを伺いました。
再生時間 28:40
▶ 再生
2026.11.07
#86 坂の町の自転車屋
11月7日(土)放送分
坂の多い函館で自転車屋を続ける理由とは。
再生時間 27:55
▶ 再生
もっと見る
© 北海放送
"""


def test_a_lists_first_teaser_under_its_heading_is_no_episodes_body() -> None:
    # the first paragraph of the page stands under "最新のエピソード" (latest episodes) and
    # its first entry's date: the list's first teaser, however long, not an episode's body
    reader, episodes = read_text(FIRST_TEASER_LONG)
    assert reader == "listing"
    assert [(e.title, e.duration) for e in episodes] == [
        ("#88 朝市の冬、いかの値段", 1752.0),
        ("#87 青函連絡船の記憶", 1720.0),
        ("#86 坂の町の自転車屋", 1675.0),
    ]


SEGMENT = """Skip to main content
Bay FM 99.1
Listen
Programs
On Demand
Podcasts
Search
On Air
Saturday Breakfast
with Tom Reilly
Programs
Garden Patch
Segments
Volunteers planting saltbush on the dunes at Point Lonsdale
Garden Patch: Why Saltbush Is Back On The Dunes With Ana Petrovic
Program: Garden Patch
Sat 21 Nov 2026
Play segment
00:00
14:05
Presented by Kim Nguyen
Coastal botanist Ana Petrovic explains why the dune care group has gone back to planting saltbush after a decade of marram grass, and what the storms of last winter taught them.
Tags
Environment
Share
More from Garden Patch
Frost and the first tomatoes
Garden Patch: When To Plant Tomatoes In Geelong
Sat 14 Nov 2026
"""


def test_a_segments_player_under_its_date_opens_no_entry() -> None:
    # "Play segment" over the player's "00:00" and "14:05", under the segment's date: its
    # player's button, not a second entry
    _, episodes = read_text(SEGMENT)
    assert [(e.title, e.duration) for e in episodes] == [
        ("Garden Patch: Why Saltbush Is Back On The Dunes With Ana Petrovic", 845.0)
    ]


def test_an_episodes_number_in_brackets_and_a_sites_name_after_a_headline() -> None:
    assert numbered("Why tides matter, with Ana Ruiz (Ep. 57)")
    assert numbered("Why tides matter [Episode 12]")
    assert not numbered("Why tides matter (2026)")
    page = ["Campus News", "Tidal mud yields a new antimicrobial compound—Campus News"]
    assert brand("campus news", [(line, normalise(line)) for line in page], lambda s: False)
    assert not brand("mud", [(line, normalise(line)) for line in page], lambda s: False)


def test_a_date_under_a_label_of_portugals_portuguese() -> None:
    assert meta_kind("Publicado a 01/11/2026", _SNIFF_AS_OF) == "published"
    assert meta_kind("Emitido a 08/11/2026", _SNIFF_AS_OF) == "published"
