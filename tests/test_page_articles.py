"""News and magazine pages about an episode: the title the prose says the episode has, a deck
and a byline under a headline, quotations set apart or told in the story's flow, a share bar
between the title and the player."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.chrome import is_chrome
from castdigest.readers.heading_words import heading_kind
from castdigest.readers.title_signals import byline, part_title
from page_reading import read_text

ARTICLE_NAMING_ITS_EPISODE_LATE = """Northern Ledger
Home
News
Culture
Podcasts
Culture
Novelist Tomas Lindqvist says publishers have ‘stopped reading slush piles’ on The Long Table podcast
The author spoke to host Mira Okafor about first novels, agents and the manuscript he nearly burned.
Culture Desk
Published 22 Nov, 2026 09:30am
Facebook
X
WhatsApp
Email
Tomas Lindqvist on the latest episode of The Long Table. — Screengrab via YouTube
Novelist Tomas Lindqvist has never hidden what he thinks of the publishing trade, and the latest episode of The Long Table is no exception.
He was speaking a week after his fourth novel was shortlisted for the Harbour Prize, which he called a lucky accident more than once.
The conversation ranged from agents to book tours, and from the cafés where he writes to the editors who turned him down.
In the episode, titled ‘The Manuscript In The Drawer’, released on Friday, Lindqvist told Okafor that most first novels are now found “through a friend of a friend, not through the post”.
“I sent the same manuscript to forty houses. Thirty-nine never wrote back and the fortieth lost it,” he said.
A post shared by The Long Table (@longtable.pod)
Lindqvist ended on a lighter note, admitting that his daughter has still not read a single one of his books.
Comments (3)
"""


def test_an_article_names_its_episode_titled_so_in_its_fourth_paragraph() -> None:
    # the headline is the article's; the prose says what the episode is titled, past the
    # paragraphs a quoted title is looked for in; quotations in the story's flow are no quotes
    _, episodes = read_text(ARTICLE_NAMING_ITS_EPISODE_LATE)
    assert [(e.title, len(e.chapters), len(e.quotes), e.review_reasons) for e in episodes] == [
        ("The Manuscript In The Drawer", 0, 0, [])
    ]


def test_share_bars_and_embeds_are_chrome() -> None:
    for line in (
        "WhatsApp",
        "Telegram",
        "LinkedIn",
        "X",
        "A post shared by The Long Table (@longtable.pod)",
    ):
        assert is_chrome(line), line
    assert not is_chrome("The Long Table")


MAGAZINE_AUDIO_PAGE = """海風ビジネス
メニュー
検索
ログイン
会員登録
ニュース
ビジネス
ポッドキャスト
【音声】地方の銭湯が「サウナ」で生き返った理由
若い客が戻った三つの工夫を担当記者が解説
森田 彩 : 海風ビジネス 記者
2026/11/21 7:00
シェア
印刷
番組「ビジネスの現場」第42回のテーマは、地方の銭湯の再生です。担当の森田彩記者が解説し、聞き手は川口航記者が務めます。
再生
00:00
31:20
【番組の内容】
00:00 オープニング
04:10 銭湯はなぜ減ったのか
15:30 サウナと若い客
27:45 エンディング
"""


def test_a_deck_and_a_reporters_byline_under_a_headline() -> None:
    # "headline / deck / name : newsroom 記者 / date": the byline is no title, the headline is
    assert byline("森田 彩 : 海風ビジネス 記者")
    assert not byline("若い客が戻った三つの工夫を担当記者が解説")
    _, episodes = read_text(MAGAZINE_AUDIO_PAGE)
    assert [(e.title, len(e.chapters), e.review_reasons) for e in episodes] == [
        ("【音声】地方の銭湯が「サウナ」で生き返った理由", 4, [])
    ]


def test_a_chinese_programme_segment_is_a_part() -> None:
    assert part_title("第二段：從漁港到餐桌") == (2, "從漁港到餐桌")
    assert part_title("第二段落的故事") is None


RADIO_EPISODE_UNDER_A_LIVE_BAR = """Zum Inhalt springen
Radio Seeland
Live hören
Jetzt läuft
Die Brücken – Nebelmorgen
1:05
3:58
News
Podcasts
Wetter
Home
Podcasts
Znüni am See
Znüni am See
Livia Amrein: «Der See friert nie ganz zu»
19.11.2026, 06:00 Uhr
Folge 52
00:00
31:14
Abonnieren: Spotify | Apple Podcasts
Livia Amrein fischt seit zwanzig Jahren auf dem Bielersee. Sie erzählt von kalten Morgen, leeren Netzen und dem Felchen, der sich wieder erholt.
Alle Folgen
Folge 51: Reto Gerber, der letzte Schiffsbauer von Erlach
12.11.2026
28:40
Folge 50: Wie ein Rebberg auf Bio umstellte
05.11.2026
33:05
Impressum
"""


def test_a_live_bar_and_a_players_number_open_no_entry() -> None:
    # the song playing now ("Artist – Song" / "1:05" / "3:58") and "Folge 52" over the
    # episode's player are no entries (the show's others under "Alle Folgen" are read as
    # entries of their own here: the page does not say they are others)
    _, episodes = read_text(RADIO_EPISODE_UNDER_A_LIVE_BAR)
    first = episodes[0]
    assert (first.title, first.published and first.published.date().isoformat()) == (
        "Livia Amrein: «Der See friert nie ganz zu»",
        "2026-11-19",
    )
    assert not {"Die Brücken – Nebelmorgen", "Folge 52"} & {e.title for e in episodes}


TECH_SUMMARY_WITH_NUMBERED_POINTS = """播客
对话厨师林晓：一家小馆子怎样活过第三年
苏禾
2026-11-20
节目时长：58 分钟
核心观点
01 小馆子第三年最难的不是客流，而是厨房里的人能不能留下来。
02 菜单越短，备货越准，浪费越少，利润反而更稳。
03 外卖平台带来的是新客，回头客还是要靠堂食的体验。
「我们关掉外卖的那个月，营业额掉了两成，但第二个月就回来了。」——林晓
注：本文要点由编辑整理。
相关阅读
"""


def test_numbered_points_end_where_their_numbers_end() -> None:
    # "01 …" / "02 …" / "03 …": the points; the quotation and the editor's note under them
    # are not points
    _, episodes = read_text(TECH_SUMMARY_WITH_NUMBERED_POINTS)
    assert [len(e.takeaways) for e in episodes] == [3]
    assert episodes[0].takeaways[0].startswith("小馆子第三年")


def test_a_topics_box_is_no_chapters_and_a_posts_visibility_is_chrome() -> None:
    assert heading_kind("Temas") == "keywords"
    assert is_chrome("Public post")


NEWSLETTER_EPISODE_POST = """The Long Shelf
Posts
About
Become a member
Log in
The Long Shelf
Episode 18: The library that lends tools – with Ines Varga
Dana Whitcombe
Nov 17, 2026
Public post
0:00
52:10
Download
Hello shelf-keepers,

This week Sam and I visit a library in Pécs that lends drills, ladders and sewing machines alongside its books, and ask its founder what breaks most often.

Chapters

(00:00) Hello and a correction
(03:20) Why tools?
(17:45) What breaks, and who fixes it
(39:10) Listener mail

Thanks for listening,
Dana & Sam
"""


def test_a_newsletter_post_titled_by_its_numbered_episode_over_the_authors_name() -> None:
    # "Episode 18: … / Dana Whitcombe / date / Public post / player": the name is the byline
    _, episodes = read_text(NEWSLETTER_EPISODE_POST)
    assert [(e.title, len(e.chapters)) for e in episodes] == [
        ("Episode 18: The library that lends tools – with Ines Varga", 4)
    ]
