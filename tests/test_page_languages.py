"""Pages in languages the readers had no words for: a length's units, a date written year
first, and a title field in a panel of the episode's fields ("Title: …" beside "Show: …")."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

import pytest

from castdigest.readers.line_dates import has_length, length_seconds
from castdigest.readers.listing_shapes import lone_length
from castdigest.readers.quote_lines import said_quote
from castdigest.readers.title_signals import numbers_only, podcast_name
from castdigest.text.dates import find_absolute, without_weekday
from page_reading import read_text


@pytest.mark.parametrize(
    ("line", "seconds"),
    [("1 jam 4 menit", 3840), ("52 perc", 3120), ("1 óra és 4 perc", 3840), ("12 dakika", 720),
     ("1 godz. 4 min", 3840), ("1 tunti 5 minuuttia", 3900), ("38 минут", 2280), ("40 phút", 2400),
     ("1 time", None), ("2026 год", None), ("5 apples", None)],
)  # fmt: skip
def test_a_length_in_the_units_of_more_languages(line: str, seconds: int | None) -> None:
    assert length_seconds(line) == seconds
    assert lone_length(line) == seconds
    assert has_length(line) is (seconds is not None)


@pytest.mark.parametrize(
    ("text", "day"),
    [("2026. november 20. – 05:58", "2026-11-20"),  # Hungarian: the year, its dot, the month
     ("Publicat 2026 noiembrie 3", "2026-11-03"),
     ("2026 m. lapkričio 20 d.", "2026-11-20"),  # Lithuanian: "m." after the year, "d." after the day
     ("20. novembra 2026", "2026-11-20"),  # Slovenian, day first
     ("Season 2026 Episode 12", None), ("2026. 13 20.", None)],
)  # fmt: skip
def test_a_date_written_year_first_with_the_months_name(text: str, day: str | None) -> None:
    found = find_absolute(text)
    assert (found.when.date().isoformat() if found else None) == day


POST_WITH_AN_EPISODE_PANEL = """Harborlight Blog
Home
Write
Sign in
Lifestyle
Noor Vance
Teacher, weekend runner, notes from the commuter train.
Follow
What a Podcast About Saving Taught Me on the 7:42 Train
22 November 2026 08:10
184
2
Every weekday I get about fifty minutes on the train, and last week they went to one conversation I keep coming back to.
Episode details
Title: Ep. 41 - Why Saving Feels Impossible, with Mara Quist
Show: Small Change
Host: Idris Cole
Length: 1 hr 2 min
Aired: 18 November 2026
What stayed with me
1. Save first, when the salary lands, not what is left at the end of the month.
2. Small leaks add up: delivery fees, forgotten subscriptions, bank charges.
3. Keep the emergency fund in an account the spending app cannot see.
Have you found a money podcast worth your commute? Tell me in the comments.
Leave a comment
"""

POST_WITH_A_TITLE_FIELD_ALONE = """Harborlight Blog
Home
Sign in
Noor Vance
Follow
A Long Week of Listening
22 November 2026 08:10
Title: notes from a long week
I listened to more than usual this week, mostly on the train, and the best of it was a conversation about saving money with a planner who does not moralise about coffee.
Three things I took from it: save first, watch the small leaks, and keep the emergency fund out of sight.
Leave a comment
"""


def test_a_title_field_among_the_episodes_fields_names_the_episode() -> None:
    _, episodes = read_text(POST_WITH_AN_EPISODE_PANEL)
    assert [e.title for e in episodes] == ["Ep. 41 - Why Saving Feels Impossible, with Mara Quist"]


def test_a_title_field_alone_does_not_name_an_episode() -> None:
    _, episodes = read_text(POST_WITH_A_TITLE_FIELD_ALONE)
    assert [e.title for e in episodes] == ["A Long Week of Listening"]


LISTING_DATED_OVER_TITLES = """跳至主要內容
海港電台
直播
節目
登入
首頁
節目
夜話書架
夜話書架
主持：陳子謙
逢星期五 晚上11:00
每星期同一位作者傾一本新書。
節目重溫
20/11/2026 (五)
寫海邊小鎮嘅小說家
嘉賓：作家 林曉彤
佢喺漁村長大，講點樣將阿爺嘅船寫入新書。
46:20
▶ 收聽
13/11/2026 (五)
翻譯一本冰島詩集
嘉賓：譯者 區家明
41:05
▶ 收聽
06/11/2026 (五)
舊書店最後一個夏天
嘉賓：書店店主 黃美玲
書店開咗三十年，下個月就要搬。佢講點樣揀邊啲書留低。
49:58
▶ 收聽
載入更多
關於我們
私隱政策
"""


def test_a_listing_whose_dates_stand_over_the_titles() -> None:
    # "date (weekday) / Title / Guest: … / teaser / length / Play", a heading over the first
    # date; the second entry has no teaser
    fmt, episodes = read_text(LISTING_DATED_OVER_TITLES)
    assert fmt == "listing"
    assert [
        (e.title, e.published and e.published.date().isoformat(), e.duration) for e in episodes
    ] == [
        ("寫海邊小鎮嘅小說家", "2026-11-20", 2780.0),
        ("翻譯一本冰島詩集", "2026-11-13", 2465.0),
        ("舊書店最後一個夏天", "2026-11-06", 2998.0),
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [("21/11/2026 (六)", "21/11/2026"), ("2026/11/20（土）", "2026/11/20"),
     ("2026.11.20 (금)", "2026.11.20"), ("21/11/2026 (週六)", "21/11/2026"),
     ("21/11/2026 (六月)", "21/11/2026 (六月)")],
)  # fmt: skip
def test_a_weekday_in_brackets_after_a_date_is_left_out(text: str, day: str) -> None:
    assert without_weekday(text) == day


def test_a_long_name_before_the_word_for_a_podcast_is_a_show() -> None:
    assert podcast_name("みなと坂の朝ごはん ポッドキャスト")
    assert podcast_name("港町ラジオ")
    assert not podcast_name("朝ごはんを食べながら話したことを全部まとめてみたラジオ")


EPISODE_WITH_A_PLAYER_CARD = """メインコンテンツへスキップ
みなと坂FM 79.1MHz
ホーム
番組表
番組一覧
ポッドキャスト
ホーム > 番組一覧 > みなと坂の朝ごはん > 第58回 坂の上のパン屋さん
みなと坂の朝ごはん
毎週日曜 8:00～8:25
第58回 坂の上のパン屋さん
2026.11.22
みなと坂の朝ごはん ポッドキャスト
00:00
22:48
今週は坂の上で四十年続くパン屋の二代目、森本由香さんをお迎えしました。朝三時からの仕込みと、町の朝ごはんの変化について伺いました。
■今回の内容
00:00 オープニング
02:10 朝三時の仕込み
09:45 食パンが売れる町、売れない町
17:30 おたより・エンディング
■パーソナリティ
小野さやか
この記事をシェアする
« 第57回 商店街の古本まつり
プライバシーポリシー
"""


def test_a_players_card_naming_the_show_opens_no_entry() -> None:
    # the show's name over the player's "00:00" / "22:48", under the title and its date
    _, episodes = read_text(EPISODE_WITH_A_PLAYER_CARD)
    assert [(e.title, len(e.chapters)) for e in episodes] == [("第58回 坂の上のパン屋さん", 4)]


NEWS_STORY_ABOUT_AN_EPISODE = """Harbour Evening Post
Thursday | November 19, 2026
Subscribe
Log in
Home
News
Entertainment
Sports
Entertainment
Steel pan veteran takes his band's story to ‘Backyard Radio’ podcast
Published:Thursday | November 19, 2026 | 6:15 AM
Renée Baptiste/Staff Writer
Seventy-year-old pan tuner Alston Greaves has spent five decades in the panyards of Port of Spain, and he says the instrument's next chapter belongs to schools.
He said so on the latest episode of the culture podcast Backyard Radio, released on Monday. In the hour-long episode, titled Tuning The Future, Greaves walks the hosts through his first steel drum, cut from an oil barrel in 1969.
“Every school that has a band sends me a child who can hear a quarter tone,” Greaves said.
“We don't need more drums. We need more tuners,” he said.
The podcast's producer said the episode was its most-downloaded this year.
Related Stories
Carnival 2027 band launches begin
"""


def test_a_title_the_prose_says_an_episode_is_titled_unquoted() -> None:
    # the title named in capitals after "titled", up to the clause's end; a quote attributed
    # to a pronoun is the story's next line, not a quote set apart
    _, episodes = read_text(NEWS_STORY_ABOUT_AN_EPISODE)
    assert [(e.title, e.review_reasons) for e in episodes] == [("Tuning The Future", [])]
    assert [(q.text[:20], q.speaker) for q in episodes[0].quotes] == [
        ("Every school that ha", "Greaves")
    ]


def test_a_quote_attributed_to_a_pronoun_is_not_set_apart() -> None:
    assert said_quote("“We don't need more drums. We need more tuners,” he said.") is None
    quote = said_quote("“We don't need more drums. We need more tuners,” Alston Greaves said.")
    assert quote is not None and quote.speaker == "Alston Greaves"


def test_the_date_in_the_episodes_panel_is_the_episodes() -> None:
    # the post's own date stands under its headline; the panel naming the episode dates it
    _, episodes = read_text(POST_WITH_AN_EPISODE_PANEL)
    assert [e.published and e.published.date().isoformat() for e in episodes] == ["2026-11-18"]


POST_IN_HUNGARIAN = """Ugrás a tartalomra
Hangtár
Belföld
Podcast
Keresés
Podcast
Éjszakai műszak
Egy pék hajnala: „A kovász nem vár senkire”
Szabó Levente
2026. november 18. – 06:10
Horváth Dóra húsz éve süt kenyeret egy józsefvárosi pékségben. Az Éjszakai műszak legújabb adásában arról beszélt, miért kezdi a napot hajnali kettőkor.
Éjszakai műszak
Egy pék hajnala: „A kovász nem vár senkire”
0:00
41:12
Az adás tartalma:
(00:00) Bevezető
(03:15) Hogyan lett pék egy könyvelőből?
(14:40) A kovász éjszakája
(29:05) Mi marad a boltban este?
Megosztás
Link másolása
Kapcsolódó cikkek
Éjszakai műszak
„Aki egyszer kiment a tengerre, az mindig visszavágyik” – egy révész az Éjszakai műszakban
Belföld
Drágul a kenyér a jövő hónaptól
Süti beállítások
Impresszum
"""


def test_a_hungarian_episode_page_leaves_its_related_articles_out() -> None:
    # "Kapcsolódó cikkek" heads the related articles: the quoted headline under it is another
    # episode's, no quote of this one; the date is written year first
    _, episodes = read_text(POST_IN_HUNGARIAN)
    assert [
        (e.title, e.published and e.published.date().isoformat(), len(e.chapters), len(e.quotes))
        for e in episodes
    ] == [("Egy pék hajnala: „A kovász nem vár senkire”", "2026-11-18", 4, 0)]


LISTING_DATED_WITH_TIMES_OF_DAY = """Radio Cetate
Ascultă live
Acasă
Emisiuni
Podcast
Acasă / Podcast / Ateliere uitate
Ateliere uitate
Meserii vechi și oamenii care încă le mai practică, în fiecare duminică, de la 11:05.
Abonează-te: Spotify | Apple Podcasts
Ultimul ceasornicar din Dej
22 noiembrie 2026, 11:05
Ion Bârsan repară ceasuri de buzunar de cincizeci de ani și nu mai primește comenzi noi.
Durata: 22:14
Ascultă
Țesătoarele din Bucovina
15 noiembrie 2026, 11:05
Trei surori lucrează la același război de țesut, moștenit de la bunica lor, și vând covoare în toată Europa.
Durata: 25:40
Ascultă
Sticlarul de la Avrig
8 noiembrie 2026, 11:05
Vasile Oprea suflă sticlă de la paisprezece ani. Am stat o zi lângă cuptorul lui.
Durata: 24:02
Ascultă
Următoarea »
© 2026 Radio Cetate
"""


def test_a_listings_teaser_under_a_date_and_its_time_of_day() -> None:
    # "Title / date, 11:05 / teaser / Durata: 22:14": the time of day is no length, so the
    # teaser under the date opens no entry, one sentence or two
    fmt, episodes = read_text(LISTING_DATED_WITH_TIMES_OF_DAY)
    assert fmt == "listing"
    assert [(e.title, e.duration) for e in episodes] == [
        ("Ultimul ceasornicar din Dej", 1334.0),
        ("Țesătoarele din Bucovina", 1540.0),
        ("Sticlarul de la Avrig", 1442.0),
    ]


@pytest.mark.parametrize(
    ("line", "only"),
    [("Folge 87", True), ("3. díl", True), ("Jakso 7", True), ("12. bölüm", True),
     ("第二季 第6期", True), ("Season 4, Episode 7", True), ("Ep. 88 – The Salt Marsh", False),
     ("Episode", False), ("Der 3. Teil der Reise", False)],
)  # fmt: skip
def test_season_and_episode_markers_of_more_languages(line: str, only: bool) -> None:
    # the markers before a number and after one, each a trie of thirty languages' words
    assert numbers_only(line) is only
