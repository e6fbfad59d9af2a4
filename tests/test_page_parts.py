"""Parts of pages read by their shape: titles with the show's name glued after them, a
chapter's number and length around its title, a programme's parts, a summary's points
without full stops, a post's tags under its title, a byline naming the show, a skip link in
Polish and a box's end marker."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.chapter_lines import classify
from castdigest.readers.chrome import is_chrome
from castdigest.readers.heading_words import heading_kind
from castdigest.readers.page_dates import without_time_of_day
from castdigest.readers.subheadings import part_chapters
from castdigest.readers.title_signals import name_before_number
from page_reading import read_text

SHOW_GLUED_AFTER_TITLES = """News Audio

4 PM ET: Markets close higher
Hourly Update
New Episodes

Field Notes with Dana Ortiz

Every week Dana Ortiz goes where the story is: a factory floor, a school board, a fishing port.

The Last Cannery on the Coast Field Notes with Dana Ortiz
Dana spends a shift at the last sardine cannery on the coast and asks the owner why he has not sold. Learn more about your ad choices.
Nov 22, 2026
A School Board Meeting That Ran Till Midnight Field Notes with Dana Ortiz
Four hours of public comment on one library book, and what the parents on both sides told Dana afterwards.
Nov 18, 2026
What the Ferry Strike Cost the Island Field Notes with Dana Ortiz
Shops, clinics and a wedding: a week without the ferry, counted by the people who live there.
Nov 14, 2026
Listener Questions: Tips, Taxes and Tourist Season Field Notes with Dana Ortiz
You asked, Dana answers, with help from an accountant and a fishing guide.
"""


def test_titles_with_the_shows_name_glued_after_them() -> None:
    reader, episodes = read_text(SHOW_GLUED_AFTER_TITLES)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "The Last Cannery on the Coast",
        "A School Board Meeting That Ran Till Midnight",
        "What the Ferry Strike Cost the Island",
        "Listener Questions: Tips, Taxes and Tourist Season",
    ]  # the last one too, cut before its date
    assert {e.show for e in episodes} == {"Field Notes with Dana Ortiz"}
    assert [e.published.date().isoformat() for e in episodes if e.published] == [
        "2026-11-22",
        "2026-11-18",
        "2026-11-14",
    ]


def test_a_chapters_number_before_its_start_and_its_length_after_its_title() -> None:
    item = classify(0, "4 12:30 Why backups fail at night 06:45", None)
    assert item.kind == "chap"
    assert [(e.start, e.title) for e in item.entries] == [(750.0, "Why backups fail at night")]
    # two chapters glued on one line are still two
    glued = classify(0, "00:00 Intro 03:12 Pricing", None)
    assert [(e.start, e.title) for e in glued.entries] == [(0.0, "Intro"), (192.0, "Pricing")]
    # a time after a title is no time of day when no date is left beside it
    assert without_time_of_day("00:00 This week on Deep Cuts 00:58") == (
        "00:00 This week on Deep Cuts 00:58"
    )
    assert without_time_of_day("Publié le 21/11/2026 à 10:06") == "Publié le 21/11/2026"


def test_a_show_with_its_episodes_number_after_a_hash() -> None:
    assert name_before_number("Night Shift – Episode #41") == "night shift"
    _, episodes = read_text(
        "Night Shift – Episode #41\n\nThe Printer That Knew Too Much\n\nwith Ola Berg from Inkworks & Tim Rasku\n\n"
        "All Episodes\n\nOla Berg (engineer at Inkworks) and Tim Rasku join us to talk about office printers and the firmware nobody reads.\n\n"
        "1 00:00 This week on Night Shift 01:10\n2 01:10 Welcome, Ola & Tim 02:05\n3 03:15 Firmware nobody reads 09:40\n"
    )
    assert [e.title for e in episodes] == ["The Printer That Knew Too Much"]
    assert [(c.start, c.title) for c in episodes[0].chapters] == [
        (0, "This week on Night Shift"),
        (70, "Welcome, Ola & Tim"),
        (195, "Firmware nobody reads"),
    ]


def test_a_programmes_parts() -> None:
    assert [
        c.title for c in part_chapters(["1부 : 오프닝", "2부 : 초대석 - 해금 연주자 김하늘"])
    ] == [
        "오프닝",
        "초대석 - 해금 연주자 김하늘",
    ]
    assert [c.title for c in part_chapters(["Teil 1: Der Hafen", "Teil 2 – Die Werft"])] == [
        "Der Hafen",
        "Die Werft",
    ]
    assert [c.title for c in part_chapters(["第一部分：开场", "第二部分：访谈"])] == [
        "开场",
        "访谈",
    ]
    assert part_chapters(["Part 2: alone, not from the first"]) == []
    _, episodes = read_text(
        "Radio Nord\nProgramme\nReplay\n\nMorning Harbour\n\nThe harbour master on winter storms\n2026-11-18\n00:00\n01:02:10\n\n"
        "This morning the harbour master tells us how the port prepares for the first winter storms, and a fisher remembers the worst one.\n\n"
        "Part 1: Listeners' letters\nPart 2: The harbour master\n"
    )
    assert [c.title for c in episodes[0].chapters] == ["Listeners' letters", "The harbour master"]


def test_a_summarys_points_without_full_stops() -> None:
    assert heading_kind("文章摘要") == heading_kind("摘要") == "summary"
    _, episodes = read_text(
        "扫码打开APP\n搜索\n2026-11-19 09:00\n\n在小镇开面包店的第五年\n\n本文来自微信公众号，嘉宾：李晓，主播：王一\n\n"
        "文章摘要\n本文整理自播客《街角》第12期。面包师李晓讲述了她在小镇经营面包店五年的经历。\n\n"
        "• 面包店收入中零售占比已不到一半,定制蛋糕和烘焙课成为主要来源\n"
        "• 小镇顾客需要的不是网红产品,而是每天都能买到的好面包\n"
        "• 与本地学校和社区合作,是面包店能撑下去的关键\n\n"
        "王一：先请李晓跟大家打个招呼吧。\n\n李晓：大家好，我是李晓，在小镇开了一家面包店。\n"
    )
    assert len(episodes[0].takeaways) == 3
    assert episodes[0].takeaways[0].startswith("面包店收入中零售占比")


def test_a_posts_tags_under_its_title_and_chrome_words() -> None:
    _, episodes = read_text(
        "Skip to content\nNavigation menu\nSearch\nLog in\nCreate account\n\nDevNotes\n\nAdd reaction\nSave\nShare\n"
        "Rui Costa\nPosted on Nov 12\n\nWhat I learned from Build Logs #40: Mia Chen on flaky tests\n#testing #ci #podcast\n\n"
        "I listen to Build Logs on my commute. In episode 40 Mia Chen explains why her team quarantines flaky tests instead of retrying them, and what that did to their release speed.\n\n"
        "Key takeaways\n\n1. Quarantine a flaky test the day it flakes, and give it an owner.\n2. Retries hide the cost of flakiness until a release slips.\n3. Track the quarantine list in the weekly review.\n"
    )
    assert [e.title for e in episodes] == [
        "What I learned from Build Logs #40: Mia Chen on flaky tests"
    ]
    assert is_chrome("Navigation menu") and is_chrome("Idź do treści")
    assert is_chrome("Ende der weiteren Informationen")


def test_a_byline_naming_the_show_over_the_date_is_no_entry() -> None:
    reader, episodes = read_text(
        "Aller au contenu principal\nLe Quotidien\nMenu\nPodcasts\nLa Bascule\n"
        "Vélos cargos : la nouvelle voiture des familles urbaines ?\n"
        "Ils transportent les enfants, les courses et parfois un chien : les vélos cargos se multiplient en ville. Notre journaliste a suivi trois familles pendant un mois.\n"
        "Par La Bascule\nLe 17 novembre 2026 à 06h00\nÉcouter\n00:00\n21:08\n"
        "Il est 8h10 et Camille charge ses deux enfants dans le bac avant du vélo. Depuis deux ans, la famille n'a plus de voiture.\n"
    )
    assert [e.title for e in episodes] == [
        "Vélos cargos : la nouvelle voiture des familles urbaines ?"
    ]
    assert reader != "listing" or len(episodes) == 1


SHOW_PAGE_WITHOUT_ENTRIES = """跳到主要內容
海風電臺
新聞
節目
Podcast
直播
搜尋
首頁
節目
港口書房
港口書房
主持人：陳以安
播出時間：每週日 09:00-10:00
節目簡介
單集列表
主持人
在舊港口的倉庫裡找回一座城市的記憶──專訪作家吳定遠
播出日期：2026-11-22
收聽
00:00
48:10
本集單元
書房開講
作家對談：吳定遠《倉庫誌》
節目內容
基隆港邊曾經有上百座倉庫，如今大多改建成停車場或商場。作家吳定遠花了三年時間，翻遍海關檔案與老照片，寫成新書《倉庫誌》。
這一集，主持人陳以安邀請吳定遠來到書房，談他如何從一張 1930 年的港口地圖出發，找到祖父工作過的那座倉庫。
來賓：吳定遠（作家，《倉庫誌》作者）
分享
更多單集
我們為什麼需要一座港口博物館?──專訪館員林佳蓉
2026-11-15
海與詩之間──專訪詩人黃子晴
2026-11-08
"""


def test_a_show_page_with_its_tabs_among_short_lines_keeps_its_episodes_title() -> None:
    # The header's short lines (menus, the show, its tabs, the title, the date, the player)
    # hold one tab name only ("節目簡介"): no tab bar, the title is not blanked with them (it
    # was, and the listing its sniff saw then found no entry). The units under "本集單元" are
    # the episode's parts.
    _, episodes = read_text(SHOW_PAGE_WITHOUT_ENTRIES)
    assert len(episodes) == 1
    episode = episodes[0]
    assert episode.title == "在舊港口的倉庫裡找回一座城市的記憶──專訪作家吳定遠"
    assert episode.review_reasons == []
    assert episode.duration == 2890.0
    assert [c.title for c in episode.chapters] == ["書房開講", "作家對談：吳定遠《倉庫誌》"]


SUMMARY_WITHOUT_A_TITLE = """Key takeaways
- Tide tables are printed a year ahead, but harbour masters still correct them by hand each spring.
- A spring tide has nothing to do with the season: it follows the moon.
- Small harbours lose more boats to swell than to storms.
Summary
Harbour master Ines Wold explains how she reads the tides of a small fishing port.
Transcript
Ines: We start every morning with the tide board.
"""


def test_a_page_taken_for_a_summary_that_has_no_title_is_read_as_text_in_doubt() -> None:
    # the summary page's sniff takes it for one, its reading finds no title above the
    # sections: the page is still read (as the plain page it also is) and flagged, rather
    # than failing
    reader, episodes = read_text(SUMMARY_WITHOUT_A_TITLE)
    assert reader == "text"
    assert len(episodes) == 1
    assert "read as text: no title found in summary page" in episodes[0].review_reasons
    assert len(episodes[0].takeaways) == 3
