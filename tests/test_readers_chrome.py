"""Page chrome, title choice, listing shapes and doubts on saved text, in several languages."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from castdigest.models import Chapter, Episode
from castdigest.readers.article import ArticleReader
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.chrome import blank_tab_bars, chrome_kind, crumbs_above, is_label
from castdigest.readers.doubt import chapter_marks, episode_marks, page_doubts
from castdigest.readers.listing_shapes import is_dated, meta_first, over_standfirst, shown_twice
from castdigest.readers.page_names import labelled_shows
from castdigest.readers.page_title import pick_title
from castdigest.readers.registry import read_path
from castdigest.readers.title_quoted import quoted_episode
from castdigest.readers.title_signals import person_field


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Sign in", "interface words"),
        ("  • Se connecter", "interface words"),
        ("Zum Inhalt springen", "interface words"),
        ("본문 바로가기", "interface words"),
        ("メインコンテンツへスキップ", "interface words"),
        ("登录 / 注册", "interface words"),
        ("View this email in your browser", "interface words"),
        ("00:00:00 / 01:12:09", "player"),
        ("--:--", "punctuation"),
        ("9K", "counter"),
        ("31 comments", "counter"),
        ("Home > Podcasts > Harbour Lights", "breadcrumb"),
        ("© 2026 Harbour Lights Media", "address"),
        ("Harbour Lights logo", "image text"),
        (
            "Warning: Undefined variable $feed in /srv/www/site/player.php on line 88",
            "server message",
        ),
        (
            "Deprecated: Function create_function() is deprecated in /x/y.php on line 3",
            "server message",
        ),
        ("PHP Fatal error:  Uncaught Error at /app/index.php:14", "server message"),
        ("Warning: the tides turn in this episode", None),
        ("#58 Baking with chestnuts", None),
        ("1.204.567", "counter"),
        ("12 345 views", "counter"),
        ("2026.11.20", None),  # a date, though only digits and dots
        ("20.11.2026", None),
        ("The Lighthouse Keepers of Fastnet", None),
        ("Why tides are late in the Channel", None),
    ],
)
def test_chrome_kind_by_words_and_shape(line: str, kind: str | None) -> None:
    assert chrome_kind(line) == kind


def test_labels_are_not_chrome_but_never_titles() -> None:
    assert is_label("Transcript") and chrome_kind("Transcript") is None
    assert is_label("Kapitel") and is_label("目次")


PAGE = """Skip to content
Menu
Sign in
Harbour Lights
Ep. 14 - The Lighthouse Keepers of Fastnet
3 days ago · 48 min
Play
We talk with a former keeper about the storms of 1979 and the last manned winter on the rock.
Chapters
(0:00) Welcome
(4:12) The tower
(19:40) The storm
Harbour Lights · Privacy · Terms
"""


def test_title_is_scored_not_the_first_line() -> None:
    pick = pick_title(PAGE.splitlines())
    assert pick.title == "Ep. 14 - The Lighthouse Keepers of Fastnet"
    assert pick.index == 4
    assert pick.doubts == []


def test_no_title_is_invented_from_running_text() -> None:
    lines = [
        "It was a long winter on the rock, and the supply boat came late every week.",
        "The keepers kept a log of every ship that passed, and of every storm.",
        "Nobody expected the lamp to be automated so soon.",
    ]
    assert pick_title(lines).title is None


def test_a_transcript_keeps_its_short_first_line_as_title() -> None:
    pick = pick_title(["Harbour talk", "Ann: the tide was late", "Bob: it always is"])
    assert pick.title == "Harbour talk" and pick.doubts == []


LISTING = """Tidewater Weekly
All episodes
Oct 7, 2026 • 38min

The Last Ferry to Inishmore

A crossing in November, told by the crew and two passengers.
Sep 30, 2026 • 41min

Salt, Smoke and Herring

How a fishing town kept its smokehouses going for a century.
Load more
"""


def test_metadata_first_listing_entries() -> None:
    lines = LISTING.splitlines()
    assert is_dated("Oct 7, 2026 • 38min") and is_dated("hace 3 días · 29 min")
    entries = meta_first(lines)
    assert [lines[e.title] for e in entries] == [
        "The Last Ferry to Inishmore",
        "Salt, Smoke and Herring",
    ]
    assert [lines[i] for i in entries[1].body] == [
        "How a fishing town kept its smokehouses going for a century."
    ]


def test_titles_shown_twice_mark_entries() -> None:
    lines = ["Mes épisodes", "", "La marée du siècle", "La marée du siècle", "Le récit.", ""]
    lines += ["Les phares bretons", "Les phares bretons", "Une visite."]
    assert [lines[e.title] for e in shown_twice(lines)] == [
        "La marée du siècle",
        "Les phares bretons",
    ]


def test_listing_reader_reads_every_entry(tmp_path: Path) -> None:
    path = tmp_path / "tidewater.txt"
    path.write_text(LISTING.replace("\n", "\r\n"), encoding="utf-8")
    ctx, episodes = read_path(path)
    assert ctx.format == "listing"
    assert [e.title for e in episodes] == ["The Last Ferry to Inishmore", "Salt, Smoke and Herring"]
    assert [e.duration for e in episodes] == [2280.0, 2460.0]
    assert all(not e.review_reasons for e in episodes)


def test_cue_times_are_not_chapters_nor_episodes() -> None:
    cues = []
    for s in range(0, 40, 2):
        cues += [f"0:{s:02d}", f"words spoken at second {s}"]
    assert chapter_marks(cues) == 0
    assert episode_marks(cues) == 0


def test_doubts_compare_the_page_with_the_read() -> None:
    lines = PAGE.splitlines()
    read = Episode(title="Ep. 14", chapters=[Chapter(title="Welcome", start=0.0)])
    assert page_doubts(lines, [read]) == ["the page shows 3 timed lines but 1 chapters were read"]
    whole = read.model_copy(
        update={
            "chapters": [Chapter(title=t, start=s) for t, s in [("a", 0), ("b", 252), ("c", 1180)]]
        }
    )
    assert page_doubts(lines, [whole]) == []
    listing = LISTING.splitlines()
    assert page_doubts(listing, [read])[0] == (
        "the page's structure suggests 2 episodes but 1 was read"
    )


def test_a_name_shown_around_the_title_is_the_shows_not_the_title() -> None:
    # The show's name as masthead, over and under the title, and in a byline; the title has
    # an abbreviation's period ("Ep. 9", "Dr. Lee"), which does not make it a sentence.
    lines = [
        "Harbour Lights",
        "Episodes",
        "About",
        "",
        "Harbour Lights",
        "Ep. 9: Fog Signals of the North Sea — with Dr. Amy Lee",
        "Harbour Lights",
        "Play",
        "A conversation about the sound of fog horns, the people who kept them running and why "
        "ships still listen for them on the worst nights of the year.",
    ]
    assert pick_title(lines).title == "Ep. 9: Fog Signals of the North Sea — with Dr. Amy Lee"


def test_the_value_under_a_show_label_is_never_the_title() -> None:
    lines = [
        "Tidewater",
        "NOV 18, 2026",
        "The Last Lighthouse Keeper of Fastnet Rock",
        "A conversation about the last years of manned lighthouses and what the keepers did "
        "when the lamps no longer needed them at all.",
        "Information",
        "Show",
        "Tidewater",
        "Channel",
        "Harbour Media",
    ]
    assert pick_title(lines).title == "The Last Lighthouse Keeper of Fastnet Rock"


def test_a_chapter_panel_of_titles_over_rising_times_is_no_listing(tmp_path: Path) -> None:
    body = (
        "Why cities flood more often than they used to, and what three harbour towns changed "
        "in their streets, drains and rules to keep the water out over the last ten years."
    )
    panel = ["Intro", "0:00", "The old drains", "4:12", "Rules that worked", "19:40"]
    related = ["Another town's story", "3 days ago · 41 min", "A second story", "1 week ago"]
    page = tmp_path / "video.txt"
    page.write_text(
        "\n".join(["Floods and Harbours | Ep. 12", "12K views  Nov 20, 2026", body, "Chapters"])
        + "\n"
        + "\n".join([*panel, "", *related])
        + "\n"
    )
    _, eps = read_path(page, as_of=datetime(2026, 11, 24, tzinfo=UTC))
    assert len(eps) == 1
    assert eps[0].title == "Floods and Harbours | Ep. 12"


def test_a_listing_with_lengths_in_words_reads_every_entry(tmp_path: Path) -> None:
    entries = [
        ("2 days ago", "The Comet That Came Back Early", "52 mins"),
        ("Nov. 15, 2026", "Ask Us Anything: Light Pollution", "38 mins"),
        ("Nov. 8, 2026", "Building a Backyard Spectrograph", "1 hour 4 mins"),
    ]
    lines = ["Night Shift Astronomy", "Episodes", ""]
    for when, title, length in entries:
        about = (
            "What the two hosts talk about this week, the guest who joins them and the "
            "listener question they answer at the end, in a paragraph."
        )
        lines += [when, title, length, about, "Play", ""]
    page = tmp_path / "show.txt"
    page.write_text("\n".join(lines))
    _, eps = read_path(page, as_of=datetime(2026, 11, 24, tzinfo=UTC))
    assert [(e.title, e.duration) for e in eps] == [
        ("The Comet That Came Back Early", 3120),
        ("Ask Us Anything: Light Pollution", 2280),
        ("Building a Backyard Spectrograph", 3840),
    ]


def test_an_episode_page_title_shown_twice_over_its_show_and_date(tmp_path: Path) -> None:
    about = (
        "Volvemos al siglo dieciséis con un historiador naval para separar lo que pasó en "
        "Lepanto de lo que se contó después, y por qué algunas leyendas siguen vivas."
    )
    lines = [
        "Inicio",
        "Historia y creencias",
        "Memoria de Hierro",
        "Ep. 87 - Lepanto, mitos y verdades con Ignacio Pardo",
        "",
        "Ep. 87 - Lepanto, mitos y verdades con Ignacio Pardo",
        "Memoria de Hierro",
        "hace 3 días",
        "1:14:32",
        "Reproducir",
        about,
        "Information",
        "Released",
        "November 18, 2026",
        "Length",
        "1h 14m",
    ]
    page = tmp_path / "episode.txt"
    page.write_text("\n".join(lines) + "\n")
    _, eps = read_path(page, as_of=datetime(2026, 11, 24, tzinfo=UTC))
    assert [e.title for e in eps] == ["Ep. 87 - Lepanto, mitos y verdades con Ignacio Pardo"]


def test_a_tab_bar_of_section_names_is_blanked() -> None:
    lines = ["Share", "", "Summary", "Overview", "Takeaways", "Outlines", "", "Summary", "Text"]
    assert blank_tab_bars(lines) == ["Share", "", "", "", "", "", "", "Summary", "Text"]
    headed = ["Takeaways", "Remote workers stay longer", "Towns with a hospital gained most"]
    assert blank_tab_bars(headed) == headed  # a heading over its items


@pytest.mark.parametrize(
    ("line", "dated"),
    [
        ("Oct 7, 2026 • 38min", True),
        ("May 23, 2025 52:38", True),  # 52 is no hour: a length
        ("2026. 11. 22. 21:14", False),  # a blog post's time of posting
        ("Nov 20, 2026 at 9:00 AM", False),
        ("2026-11-20 14:05", False),
    ],
)
def test_a_time_of_day_after_a_date_is_no_length(line: str, dated: bool) -> None:
    assert is_dated(line) is dated


def test_a_video_pages_title_over_its_channel_and_subscriber_count() -> None:
    lines = [
        "0:00 / 1:03:27",
        "#112 Cómo dormir mejor sin pastillas | Dra. Nuria Valcárcel",
        "Sobremesa con Dani Ferrer",
        "248 k suscriptores",
        "Suscribirme",
        "61.204 visualizaciones  10 nov 2026",
        "¿Cuántas horas necesitas dormir de verdad? Hoy hablamos de insomnio, pantallas, "
        "siestas y de por qué medio país duerme mal, con una neurofisióloga.",
    ]
    pick = pick_title(lines)
    assert pick.title == "#112 Cómo dormir mejor sin pastillas | Dra. Nuria Valcárcel"
    assert pick.doubts == []


def test_a_chinese_title_with_latin_capitals_and_the_shows_number() -> None:
    lines = [
        "【播客】AI时代，翻译还值得学吗？对谈一位十年同传 | 不止于字 EP.42",
        "12.3万",
        "2026-11-19 18:00:00",
        "未经作者授权，禁止转载",
        "这一期我们请来了一位做了十年同声传译的老师，聊聊人工智能翻译越来越好的今天，"
        "学翻译还有没有意义，以及她自己每天是怎么用这些工具的。",
    ]
    assert chrome_kind("未经作者授权，禁止转载") == "interface words"
    assert pick_title(lines).title == lines[0]


def test_a_kind_word_and_the_shows_name_over_the_numbered_title() -> None:
    lines = [
        "g1",
        "BUSCAR",
        "",
        "Podcast Café com Dados",
        "PODCAST",
        "Café com Dados #412: O Pix parcelado e o risco de endividamento",
        "Nova modalidade já movimenta bilhões por mês. Episódio explica os juros embutidos.",
        "Por g1",
        "20/11/2026 05h00",
        "00:00 / 27:41",
        "O Pix virou o jeito preferido dos brasileiros para pagar contas, e agora os bancos "
        "oferecem parcelar o pagamento, mas o custo do parcelamento nem sempre fica claro.",
    ]
    assert pick_title(lines).title == lines[5]


def test_the_shows_name_under_the_title_and_in_the_header_is_not_the_title(
    tmp_path: Path,
) -> None:
    about = (
        "Why the salt marsh breathes with the tide, what the mud holds of the carbon that "
        "washes in, and how a restored marsh on the estuary changed the birds that come."
    )
    lines = [
        "Home > Podcasts > Science > The Deep Current",
        "The Deep Current",
        "by Tom Ashcroft",
        "Subscribe",
        "",
        "Ep. 88 – The Salt Marsh Is Breathing",
        "The Deep Current",
        "Nov 19, 2026 · 47:36",
        "Share",
        about,
    ]
    page = tmp_path / "episode.txt"
    page.write_text("\n".join(lines) + "\n")
    _, eps = read_path(page, as_of=datetime(2026, 11, 24, tzinfo=UTC))
    assert [(e.title, e.show) for e in eps] == [
        ("Ep. 88 – The Salt Marsh Is Breathing", "The Deep Current")
    ]


def test_a_teaser_sentence_over_an_entrys_metadata_stands_under_its_title() -> None:
    teaser = [
        "Cheap Chisels, Sharp Results",
        "Available for 11 months",
        "Where to spend and where to save when you set up a first bench.",
        "First aired: Sun 15 Nov 2026",
    ]
    assert over_standfirst(teaser, 2) == 0  # past the availability notice (chrome)
    exclaimed = ["Workshop Live", "We Rode Over the Alps on a Cargo Bike!", "Nov 19, 2026"]
    assert over_standfirst(exclaimed, 1) == 1  # a title may end in "!": no teaser
    short = ["Workshop Live", "Glue-ups, explained.", "Nov 19, 2026"]
    assert over_standfirst(short, 1) == 1  # too short for a teaser
    dated = ["Nov 12, 2026 · 41 min", "Where to spend and where to save on a first bench.", "x"]
    assert over_standfirst(dated, 1) == 1  # the line above is the last entry's metadata


def test_a_posts_prose_names_its_episode_in_quotation_marks() -> None:
    prose = (
        "I nearly skipped it. But this week's episode of The Slow Harvest, “Hives, Honey and "
        "the Art of Doing Less” (episode 41, fifty minutes), is about running a small business."
    )
    assert quoted_episode(["Three Things a Beekeeper Taught Me", "", prose]) == (
        2,
        "Hives, Honey and the Art of Doing Less",
    )
    after = "Der Beitrag „Warum Honig kristallisiert“ (Folge 12) erklärt es in einer Stunde gut."
    assert quoted_episode([after]) == (0, "Warum Honig kristallisiert")
    earlier = (
        "In our last episode, “Glue-Ups Without Tears”, we promised more on finishes; here "
        "they are, with a long look at oils and waxes for the kitchen table."
    )
    assert quoted_episode([earlier]) is None  # another episode than the page's
    said = "In this episode she says “We never sell to supermarkets. Never.” and means it, too."
    assert quoted_episode([said]) is None  # a quoted sentence, not a title
    two = prose + " The episode before, “Queen Bees and Other Myths” (episode 40), was as good."
    assert quoted_episode([two]) is None  # two titles: none is sure


def _read_page(tmp_path: Path, text: str) -> list[Episode]:
    """The episodes of a saved page holding `text`, read as on 2026-11-24."""
    page = tmp_path / "page.txt"
    page.write_text(text)
    return read_path(page, as_of=datetime(2026, 11, 24, tzinfo=UTC))[1]


def test_a_line_of_season_and_episode_numbers_labels_the_title_over_it(tmp_path: Path) -> None:
    eps = _read_page(
        tmp_path,
        "\n".join(
            [
                "Hostly",
                "Log In",
                "",
                "Tidewater Tales",
                "Tidewater Tales",
                "",
                "The Ferryman Who Counted Gulls",
                "Season 2, Episode 14",
                "October 30, 2026",
                "Play",
                "00:00",
                "38:05",
                "",
                "A ferryman kept a tally of gulls for forty years; a birder reads it with us.",
            ]
        )
        + "\n",
    )
    assert [(e.title, e.duration) for e in eps] == [("The Ferryman Who Counted Gulls", 2285.0)]


def test_a_menu_of_long_katakana_items_is_no_title() -> None:
    # seven-character katakana words ("ポッドキャスト") are menu items too
    lines = [
        "ハーバー放送",
        "ライブ",
        "番組表",
        "タイムテーブル",
        "ポッドキャスト",
        "プレゼント",
        "イベント",
        "アプリで聴く",
        "",
        "港の灯台守が見た四十年 ゲスト：北村ひなた",
        "2026.11.20",
        "港の声が聞こえる夜の情報番組。今夜は灯台守の日誌を読み解きます。",
    ]
    assert pick_title(lines).title == "港の灯台守が見た四十年 ゲスト：北村ひなた"


def test_the_article_reader_says_when_its_title_is_only_the_first_line() -> None:
    lines = ["Following", "Browse", "Search", "Log In", "harbourlive", "2,318 views"]
    prose = [
        "The harbour master joined us for three hours of questions about tides and moorings.",
        "We also read letters from listeners who keep boats on the river this winter.",
        "The stream ended with a long talk about the lighthouse the town wants to keep.",
    ]
    text = "\n".join([*lines, *prose, "By Ada Lund"]) + "\n"
    doc = Document(location="stream.txt", data=text.encode(), text=text)
    [episode] = ArticleReader().read(doc, ReadContext(as_of=datetime(2026, 11, 24, tzinfo=UTC)))
    assert episode.title == "Following"
    assert episode.review_reasons == ["title uncertain: 'Following' is only the first line"]


def test_a_length_under_each_entrys_teaser_and_button(tmp_path: Path) -> None:
    teaser = (
        "{} came to the studio to talk about the river, its birds and the people who live by "
        "it, and about what the city could do to keep all of them there for the next decade."
    )
    entries = [
        ("Beavers in the city", "21.11.2026", "Ada Lund", "27:48 min"),
        ("Hedgehogs looking for winter shelter", "14.11.2026", "Ben Okri", "26:15 min"),
        ("Birds do not need bread", "07.11.2026", "Cleo Park", "28:03 min"),
    ]
    lines = ["Radio Harbour", "Shows", "Green Neighbours", ""]
    for title, day, guest, length in entries:
        lines += [title, day, teaser.format(guest), "Listen", length]
    eps = _read_page(tmp_path, "\n".join([*lines, "1", "2", "next"]) + "\n")
    assert [(e.title, e.duration) for e in eps] == [
        ("Beavers in the city", 1668.0),
        ("Hedgehogs looking for winter shelter", 1575.0),
        ("Birds do not need bread", 1683.0),
    ]


def test_a_listing_of_titles_over_teasers_with_lengths_in_minutes_and_seconds(
    tmp_path: Path,
) -> None:
    lines = ["Radio Harbour", "Shows", "Green Neighbours", "Latest episodes"]
    for title, day, length in [
        ("Saltmarsh and the long dry", "Thu 19 Nov 2026", "28m 41s"),
        ("The last ferry of the season", "Thu 12 Nov 2026", "31m 5s"),
        ("Who will mend the nets?", "Thu 5 Nov 2026", "26m 58s"),
    ]:
        teaser = f"{title}: growers and fishers on the coast tell us what changed this year."
        lines += ["Podcast", title, teaser, day, length]
    eps = _read_page(tmp_path, "\n".join(lines) + "\n")
    assert [(e.title, e.duration) for e in eps] == [
        ("Saltmarsh and the long dry", 1721.0),
        ("The last ferry of the season", 1865.0),
        ("Who will mend the nets?", 1618.0),
    ]


def test_a_listing_of_entries_with_labelled_lengths(tmp_path: Path) -> None:
    lines = ["라디오 항구", "팟캐스트", "밤의 항구", "전체 에피소드 (3)"]
    entries = [
        (
            "[항구] 11월 23일 2부 '첫눈 오기 전의 편지'",
            "첫눈을 기다리는 마음과 부치지 못한 편지에 대해 이야기를 나눕니다.",
        ),
        (
            "[항구] 11월 23일 1부 - 오늘의 사연",
            "해마다 김장 날짜를 적어두신 어머니의 달력 이야기를 읽었습니다.",
        ),
        (
            "[항구] 11월 22일 2부 - 주말 특집",
            "가수 도하진이 처음 보낸 사연과 내 인생의 라디오를 함께 듣습니다.",
        ),
    ]
    days = ["2026.11.23", "2026.11.23", "2026.11.22"]
    lengths = ["재생시간 52:18", "재생시간 48:05", "재생시간 51:40"]
    for (title, teaser), day, length in zip(entries, days, lengths, strict=True):
        lines += [title, teaser, day, length, "듣기"]
    eps = _read_page(tmp_path, "\n".join(lines) + "\n")
    assert [e.duration for e in eps] == [3138.0, 2885.0, 3100.0]
    assert eps[0].title == "[항구] 11월 23일 2부 '첫눈 오기 전의 편지'"


def test_a_show_and_title_card_shown_twice_over_the_date(tmp_path: Path) -> None:
    eps = _read_page(
        tmp_path,
        "\n".join(
            [
                "港ラジオ",
                "番組一覧",
                "夜の港ラジオ",
                "#52 ゲスト・谷口さん「銭湯を継いだ理由」",
                "夜の港ラジオ",
                "#52 ゲスト・谷口さん「銭湯を継いだ理由」",
                "2026.11.20",
                "再生時間 31:07",
                "再生する",
                "",
                "今回のゲストは、商店街で創業70年の銭湯を継いだ谷口さんです。薪で沸かすお湯の話を聞きました。",
            ]
        )
        + "\n",
    )
    assert [(e.title, e.duration) for e in eps] == [
        ("#52 ゲスト・谷口さん「銭湯を継いだ理由」", 1867.0)
    ]


def test_a_streaming_apps_list_of_titles_yearless_dates_and_cut_teasers(tmp_path: Path) -> None:
    teasers = [
        "Drei Töne reichen, und der Song läuft den ganzen Tag im Kopf. Eine Forscherin erklärt es.",
        "Vom Hochland auf den Teller: wie eine Knolle, der niemand traute, Europa vor dem Hunger "
        "bewahrte und warum ein König dabei nur eine Nebenrolle spielte …",
        "Tomaten, die auf Raupen reagieren, und Blüten, die Bienen hören: ein Botaniker über ein "
        "junges Forschungsfeld voller Überraschungen für alle, die gern im Garten sind …",
    ]
    titles = [
        "#58 Warum wir Ohrwürmer nicht loswerden",
        "#57 Die Geschichte der Kartoffel",
        "#56 Können Pflanzen hören?",
    ]
    days = ["20. Nov.", "13. Nov.", "6. Nov."]
    lines = ["Podcast", "Feierabend", "Alle Folgen"]
    for title, teaser, day in zip(titles, teasers, days, strict=True):
        lines += [title, "Feierabend", teaser, day, "47 Min. 12 Sek."]
    eps = _read_page(tmp_path, "\n".join(lines) + "\n")
    assert [e.title for e in eps] == titles
    assert [e.published.date().isoformat() if e.published else None for e in eps] == [
        "2026-11-20",
        "2026-11-13",
        "2026-11-06",
    ]


def test_dated_cards_under_a_kicker_and_a_label_are_each_one_episode(tmp_path: Path) -> None:
    # Each card: its date, the show's name and a "Podcast" label alike in every card, the
    # title, a standfirst (one long enough to pass for a title), the length.
    cards = [
        (
            "19 November 2026",
            "Why the canal froze twice",
            "Ines Varga walks the towpath with the lock keeper on the coldest morning.",
            "31:47",
        ),
        (
            "12 November 2026",
            "Orchards on the roof",
            "A grower in the city explains how three rooftop orchards survived the storms",
            "28:05",
        ),
        (
            "5 November 2026",
            "The last ropemaker",
            "A workshop closes after a century, and its last apprentice tells us why.",
            "34:52",
        ),
    ]
    text = "Tide Tables\nThe weekly show about the coast and the people who keep it.\n\n"
    for day, title, standfirst, length in cards:
        text += f"{day}\nTide Tables\nPodcast\n{title}\n{standfirst}\n{length}\n\n"
    eps = _read_page(tmp_path, text + "Older\nNewer\n")
    assert [(e.title, e.duration, e.published and e.published.day) for e in eps] == [
        ("Why the canal froze twice", 1907.0, 19),
        ("Orchards on the roof", 1685.0, 12),
        ("The last ropemaker", 2092.0, 5),
    ]


@pytest.mark.parametrize(("label", "lang"), [("番組情報", "ja"), ("About the show", "en")])
def test_the_name_under_a_show_information_label_is_no_title(label: str, lang: str) -> None:
    # The show's name over the episode's title, and again under the programme's panel.
    show, title = (
        ("港町ラジオ研究会", "#18 灯台の夜を記録する ゲスト：北村ひなた")
        if lang == "ja"
        else (
            "Harbour Radio Lab",
            "#18 Recording the lighthouse at night, with Hina Kitamura",
        )
    )
    lines = [
        "Home",
        "Ranking",
        "Log in",
        "",
        show,
        title,
        "Nov 20",
        "Share",
        "",
        "A night with the keeper of the last staffed lighthouse on the coast, and the logbooks "
        "she has kept for thirty years.",
        "",
        label,
        show,
        "Every Friday at midnight.",
    ]
    pick = pick_title(lines)
    assert (pick.title, pick.doubts) == (title, [])


@pytest.mark.parametrize(
    "field", ["主持人：梁詠琪、何志明", "聞き手・森田 早紀", "Host: Ada Lund", "Invité : Paul Roux"]
)
def test_a_persons_role_and_name_is_never_the_title(field: str) -> None:
    assert person_field(field)
    assert not person_field("#12 灯台の夜 ゲスト：北村ひなた")  # a title holding a role's word
    assert not person_field("Kubernetes: the good parts")


def test_the_date_under_a_title_past_the_interviewers_byline() -> None:
    # A newspaper's podcast article: its title, who asks the questions, the date.
    lines = [
        "メインコンテンツへスキップ",
        "港町新聞デジタル",
        "ニュース",
        "経済",
        "ポッドキャスト",
        "検索",
        "ログイン",
        "",
        "トップ",
        "ポッドキャスト",
        "港の夜話",
        "",
        "灯台守の日誌を読む　三十年分の記録から",
        "",
        "聞き手・森田 早紀",
        "2026年11月20日 6時00分",
        "",
        "ポッドキャスト",
        "港の夜話",
        "再生",
        "29:17",
        "",
        "　港町の灯台守が三十年にわたって書き続けた日誌を、記者が一年かけて読み解きました。"
        "嵐の夜の記録や、船の出入りの細かなメモから、港の暮らしの移り変わりが見えてきます。",
    ]
    assert pick_title(lines).title == "灯台守の日誌を読む 三十年分の記録から"


def test_an_episode_of_segments_each_a_subheading_over_its_paragraph(tmp_path: Path) -> None:
    para = (
        "The harbour board says the old quay can stand ten more winters at most, and the town "
        "has to choose between a costly repair and letting the sea take it back, slowly."
    )
    text = "\n\n".join(
        [
            "Coastal Radio\nListen Live\nDonate",
            "The Tide Line\nHosted by Mara Quist",
            "Saving the old quay, a ferry's last run, the oyster count\nNov. 19, 2026",
            "Listen\n48:10\nDownload\nShare\nSave",
            para,
            f"Saving the old quay\n\n{para}\n\nGuests:\nIda Holm - harbour engineer",
            f"The ferry's last run\n\n{para}",
            f"Counting the oysters\n\n{para}",
            "“We count them by hand, every one, because the machines miss the small ones.”",
            "Ida Holm, harbour engineer",
            "Credits\nHost:\nMara Quist",
        ]
    )
    (ep,) = _read_page(tmp_path, text + "\n")
    assert ep.title == "Saving the old quay, a ferry's last run, the oyster count"
    assert [c.title for c in ep.chapters] == [
        "Saving the old quay",
        "The ferry's last run",
        "Counting the oysters",
    ]


def test_entries_of_a_title_a_long_teaser_and_a_date_glued_to_its_length(
    tmp_path: Path,
) -> None:
    # Each entry: its artwork's alt text, the title, a teaser of several sentences, then the
    # date run into a length spelled out ("11/20/202647 minutes, 12 seconds").
    teaser = (
        "We drive out to the coast to meet a boat builder who spent three winters restoring a "
        "wooden trawler that had been left to rot in a field behind the harbour. She explains "
        "why she kept the original oak frames instead of replacing them, and what the old "
        "logbooks told her about the families who fished from it for sixty years. Plus: the "
        "first sea trial, in a stiff easterly."
    )
    entries = [
        ("The trawler in the field", "11/20/202647 minutes, 12 seconds", 20, 2832.0),
        ("Nets, knots and a long winter", "11/13/20261 hour, 3 minutes, 8 seconds", 13, 3788.0),
        ("Who mends the sails now?", "11/6/202652 minutes, 1 second", 6, 3121.0),
    ]
    text = "Harbour Works\n\nA weekly show about boats and the people who keep them afloat.\n\n"
    for n, (title, meta, _, _) in enumerate(entries):
        text += f"Episode Artwork\n\n{title}\n\n{teaser} Part {n + 1}.\n{meta}\n"
    eps = _read_page(tmp_path, text + "Load more\n")
    assert [(e.title, e.published and e.published.day, e.duration) for e in eps] == [
        (title, day, seconds) for title, _, day, seconds in entries
    ]


def test_a_show_named_in_the_breadcrumb_is_no_rival_to_the_title() -> None:
    title = "#42 – Ana Ruiz: Why Ferries Run Late (and the Two That Don’t)"
    lines = [
        *["Notewise", "Books", "Podcasts", "Articles", "Discover", "Log in", "Start Free Trial"],
        "",
        "Podcasts › Harbour Minds with Ida Holm › Episode",
        "",
        title,
        "",
        "Harbour Minds with Ida Holm",
        "Released: Nov 17, 2026",
        "",
        "Sign up for Notewise to read the whole episode summary along with its context.",
        "",
        "Episode Summary",
        "",
        "In this episode of Harbour Minds, Ida Holm talks with the transport planner Ana Ruiz "
        "about why most ferry timetables slip by the second week of winter, and what two towns "
        "did about it. Ruiz draws on ten years of timetables from harbours in three countries.",
    ]
    pick = pick_title(lines)
    assert (pick.title, pick.doubts) == (title, [])
    assert crumbs_above("Podcasts › Harbour Minds › Episode") == ["Podcasts", "Harbour Minds"]


def test_the_show_named_under_a_more_in_heading_is_no_rival_to_the_title() -> None:
    # The show's name over the title is shown again under "More in:" at the foot of the page,
    # over its other episodes: a show's name, not the episode's title.
    lines = [
        *["Skip to main content", "Harbour Radio", "Podcasts", "Search", "Sign In"],
        "Tide Tables with Ida Holm",
        "The Ferry That Ran on Time",
        "Thursday, November 20, 2026",
        "Play",
        "Listen · 38:54",
        "Ida Holm spends a winter on the last ferry in the archipelago that has never once "
        "left late, and asks its crew of four how they do it when the ice comes early.",
        "",
        "More in:",
        "Tide Tables with Ida Holm",
        "The Lighthouse Without a Keeper",
        "Thursday, November 13, 2026",
    ]
    pick = pick_title(lines)
    assert (pick.title, pick.doubts) == ("The Ferry That Ran on Time", [])


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Accept & Close", "interface words"),
        ("Accepter & Fermer", "interface words"),
        ("Summary & Key Takeaways", None),  # two section labels: a heading, kept
        ("Salt & Pepper", None),
    ],
)
def test_buttons_joined_by_a_sign_are_chrome(line: str, kind: str | None) -> None:
    assert chrome_kind(line) == kind


def test_listing_entries_under_a_cookie_banner_and_a_latest_episodes_heading(
    tmp_path: Path,
) -> None:
    # A cookie banner over buttons joined by "&" is no body: the "Latest episodes" heading
    # under the show's description heads its own entries, each a button's word before its
    # title, a teaser, a numeric date, then a length.
    text = (
        "Avec votre accord, nous et nos partenaires utilisons des cookies pour mesurer "
        "l'audience et vous proposer des contenus adaptés à vos centres d'intérêt sur ce site.\n"
        "Accepter & Fermer\nContinuer sans accepter\nRadio Littoral\nPodcasts\n"
        "Les Marées du Jour\nLes Marées du Jour\n"
        "Chaque jour, une question sur la mer et ceux qui en vivent, posée à un invité qui "
        "connaît le sujet mieux que personne : pêcheurs, gardiens de phare et historiens.\n"
        "Les derniers épisodes\n"
    )
    entries = [
        ("Pourquoi la marée est-elle en retard ?", 21, 2880.0),
        ("Qui a construit le premier phare ?", 20, 2820.0),
        ("Le sel de Guérande, une affaire de famille", 19, 2940.0),
    ]
    guests = ["l'océanographe Léa Marin", "l'historien Paul Roche", "la paludière Anne Guého"]
    for (title, day, seconds), guest in zip(entries, guests, strict=True):
        text += (
            f"ÉCOUTER - {title}\nAvec {guest}, qui répond à la question du jour et raconte "
            f"comment son métier l'a menée jusque-là.\n{day}/11/2026\n"
            f"{round(seconds / 60)} min\n"
        )
    eps = _read_page(tmp_path, text + "Voir plus\n")
    assert [(e.title, e.published and e.published.day, e.duration) for e in eps] == entries


def test_a_line_ending_in_a_colon_is_never_a_title(tmp_path: Path) -> None:
    # The sponsor's label over the episode's card repeats nothing: the title under it, shown
    # higher up too, is the episode's; the label introduces the sponsors' logos.
    title = "Ana Ruiz on Ferries and the Winter Timetable"
    eps = _read_page(
        tmp_path,
        "\n".join(
            [
                *["Harbour TV", "Shows", "Live TV", "Sign In"],
                "Tide Tables with Ida Holm",
                title,
                "S3 Ep12 | 26m 46s",
                "Share",
                "Support for Harbour TV provided by:",
                title,
                "11/20/2026 | 26m 46s",
                "Transport planner Ana Ruiz joins Ida Holm to talk about why ferry timetables "
                "slip by the second week of winter, and what two harbour towns did about it.",
            ]
        ),
    )
    assert [e.title for e in eps] == [title]


def test_listing_entries_dated_after_a_publication_label(tmp_path: Path) -> None:
    # Several entries each dated "publié le <numeric date>" over a length: a show's list. One
    # such entry alone is an episode's own page (tests/data/pages/fr_radio_show_named_in_prose).
    entries = [
        ("Pourquoi la marée est-elle en retard ?", 21, 2880.0),
        ("Qui a construit le premier phare ?", 20, 2820.0),
        ("Le sel de Guérande, une affaire de famille", 19, 2940.0),
    ]
    text = "Radio Littoral\nLes Marées du Jour\nLes derniers épisodes\n"
    guests = ["l'océanographe Léa Marin", "l'historien Paul Roche", "la paludière Anne Guého"]
    for (title, day, seconds), guest in zip(entries, guests, strict=True):
        text += (
            f"{title}\nAvec {guest}, qui répond à la question du jour et raconte comment son "
            f"métier l'a menée jusque-là.\npublié le {day}/11/2026\n{round(seconds / 60)} min\n"
        )
    eps = _read_page(tmp_path, text + "Voir plus\n")
    assert [(e.title, e.published and e.published.day, e.duration) for e in eps] == entries


def test_an_episode_dated_after_a_label_keeps_its_page_over_the_shows_other_episodes(
    tmp_path: Path,
) -> None:
    # The page's own episode is dated after a label ("Release date: 11-17-26"): the show's
    # episodes listed under it, dated alike, are others, cut as suggestions.
    others = [("211. Who Owned the Lighthouses?", "58 mins", "11-10-26")]
    others += [("210. Bonus: Letters From the Harbour", "27 mins", "11-05-26")]
    others += [("209. The Last Days of the Ferry Post", "1 hr and 11 mins", "11-03-26")]
    text = (
        "212. The Ferry Trust's Last Stand\nThe Harbour Ledger\nBy: Halvard Media\nPodcast\n"
        "Play\n\nLength: 1 hr and 4 mins\nRelease date: 11-17-26\nLanguage: English\n\n"
        "Summary\nIn 1909 a harbour clerk noticed that the ferry company's ledgers were read a "
        "little light every morning, and spent three winters finding out who profited from it, "
        "and why nobody at the port authority wanted to know.\n\nEpisodes\nAll episodes\n"
    )
    for title, length, day in others:
        text += f"{title}\nLength: {length}\nRelease date: {day}\nPlay\n"
    eps = _read_page(tmp_path, text + "See all episodes\n")
    assert [(e.title, e.duration) for e in eps] == [("212. The Ferry Trust's Last Stand", 3840.0)]


def test_a_title_shown_three_times_over_its_metadata_is_no_masthead(tmp_path: Path) -> None:
    # A video page shows its title on its heading, its player's card and its share card, each
    # over the episode's number or date and length: however often, the title, not a name.
    title = "Ana Ruiz on the Winter Ferries"
    teaser = (
        "Transport planner Ana Ruiz joins Ida Holm to talk about why ferry timetables slip by "
        "the second week of winter, and what two harbour towns did about it."
    )
    lines = [
        *["Skip to main content", "Harbour TV", "Shows", "Live TV", "My List", "Sign In"],
        "Tide Tables with Ida Holm",
        title,
        "S3 Ep12 | 26m 46sVideo has Closed Captions",
        title,
        teaser,
        "Aired: 11/20/26",
        "Problems playing video? | Closed Captioning Feedback",
        "Problems playing video? | Closed Captioning Feedback",
        "Share",
        "Support for Harbour TV provided by:",
        title,
        "11/20/2026 | 26m 46sVideo has Closed Captions",
        teaser,
        "Problems playing video? | Closed Captioning Feedback",
        "How to Watch Tide Tables with Ida Holm",
        "Tide Tables with Ida Holm is available to stream on harbour.example and the free "
        "Harbour TV app, on phones, tablets and most smart TVs.",
        "More Episodes",
        "Dr. Leo Park on the Science of Tides",
        "S3 Ep11 | 26m 46s",
        "Oceanographer Leo Park on why the spring tides came early this year.",
        "© 2026 Harbour TV, all rights reserved.",
    ]
    eps = _read_page(tmp_path, "\n".join(lines))
    assert [(e.title, e.review_reasons) for e in eps] == [(title, [])]


def test_a_byline_over_the_date_is_no_listing_entry(tmp_path: Path) -> None:
    # "Title / di <author> / date / player": an article's byline over its date and its player's
    # times, not an entry of a listing titled by the author.
    title = "Il porto che cambia: Genova tra gru automatiche e vecchi mestieri"
    eps = _read_page(
        tmp_path,
        "\n".join(
            [
                *["Vai al contenuto", "GIORNALE DEL MARE", "Menu", "Cerca", "Abbonati"],
                "Podcast",
                "La Via del Mare",
                title,
                "di Francesca Lodigiani",
                "20 novembre 2026",
                "Ascolta",
                "00:00",
                "26:38",
                "Nel porto arrivano navi sempre più grandi e le gru si muovono ormai quasi da "
                "sole, comandate da una sala di controllo a due chilometri dalle banchine.",
            ]
        ),
    )
    assert [(e.title, e.published and e.published.day) for e in eps] == [(title, 20)]


def test_a_colon_title_shown_twice_is_no_speakers_turn_and_insight_lists_join(
    tmp_path: Path,
) -> None:
    # A summary site's page: the video's title, a colon in it, shown twice under the
    # breadcrumb (not two speakers' turns); its points in two lists, "Highlights" then "Key
    # Insights", read as one list of takeaways.
    title = "The Ferry Experiment: What 12 Harbours Actually Learned"
    highlights = [
        "📊 Crossings ran on time at nine of the twelve harbours during the winter trial.",
        "🗓️ Most harbours moved the first sailing later, which cut cancellations by a third.",
        "⏳ Waiting times fell by an average of 18 minutes once tickets were sold on board.",
    ]
    insights = [
        "💡 Timetables fail in the second week: Crews tire before the weather turns.",
        "🤝 Shared crews beat spare boats: Two harbours lent each other deckhands all winter.",
    ]
    lines = [
        *["Notewise", "AI Summarizer", "YouTube Summary", "Pricing", "Log in"],
        "Home",
        "/",
        "YouTube Video Summary",
        "/",
        title,
        title,
        "Harbour Futures",
        "58:14",
        "Summary",
        "In this episode of Harbour Futures, host Leon Marsh talks with the transport planner "
        "Ana Ruiz about a winter-long trial of new ferry timetables in twelve harbours.",
        "Highlights",
        *highlights,
        "Key Insights",
        *insights,
        "Chapters",
        "00:00 Introduction and why the trial started",
        "04:32 How the twelve harbours were chosen",
        "11:47 Measuring punctuality without counting boats",
        "Transcript",
        "00:00 welcome back to Harbour Futures I'm Leon Marsh and today we talk about ferries",
        "00:05 my guest is Ana Ruiz who ran one of the largest timetable trials so far",
    ]
    page = tmp_path / "summary.txt"
    page.write_text("\n".join(lines) + "\n")
    _, (ep,) = read_path(page, as_of=datetime(2026, 11, 24, tzinfo=UTC))
    assert (ep.title, ep.review_reasons) == (title, [])
    assert ep.takeaways == highlights + insights


def test_a_badge_between_an_entrys_date_and_its_title(tmp_path: Path) -> None:
    # Entries of a date, sometimes a content badge ("EXPLICIT"), the title, a teaser and the
    # length: the badge is no title and does not break its entry.
    entries = [
        ("NOV 20, 2026", "", "The Tiny Bank Run Nobody Remembers", 20),
        ("NOV 13, 2026", "EXPLICIT\n", "Inside the Great Ferry Ticket Swindle", 13),
        ("NOV 6, 2026", "", "When Umbrellas Were a Luxury Good", 6),
    ]
    text = "Harbour Receipts\nFollow\nEpisodes\n\n"
    for date, badge, title, _ in entries:
        text += (
            f"{date}\n{badge}{title}\nForged tickets, a printing press hidden in a boathouse, and "
            f"a harbour master who looked the other way.\n38 MIN\n\n"
        )
    eps = _read_page(tmp_path, text)
    assert [(e.title, e.published and e.published.day) for e in eps] == [
        (title, day) for _, _, title, day in entries
    ]


def test_an_episodes_info_panel_repeating_its_date_keeps_it_one_episode(
    tmp_path: Path,
) -> None:
    # The date under the title and again in the info panel ("Published: 11/18/2026 9:00 AM"):
    # one episode's page, so the show's other episodes under "More episodes from" are cut.
    title = "Kelp Forests Are Moving North"
    text = (
        "Home > Podcasts > Science > The Tidepool Hour\n\nThe Tidepool Hour\n"
        f"{title}\nNov 18, 2026 · 0:52:14\n\nPlay\nDownload (48.0 MB)\n\n"
        "Episode description\nA marine ecologist who has spent eleven winters diving the same "
        "stretch of coast explains why the kelp is moving north, and what the urchins and the "
        "otters have to do with it.\n\nEpisode info\nPublished: 11/18/2026 9:00 AM\n"
        "Duration: 52:14\n\nMore episodes from The Tidepool Hour\n"
        "Why Octopuses Taste With Their Arms\nNov 11, 2026 · 0:47:51\n"
        "The Great Sardine Mystery of 1947\nNov 4, 2026 · 0:55:02\n"
        "Bonus: Live From the Aquarium Night\nOct 30, 2026 · 0:23:40\n"
    )
    eps = _read_page(tmp_path, text)
    assert [(e.title, e.duration) for e in eps] == [(title, 3134.0)]


def test_an_entry_titled_over_the_show_it_names(tmp_path: Path) -> None:
    # "Title | Show EP.64 / Show / date / length": the line over the date is the show the
    # title names, not the title.
    title = "요즘 30대가 이직을 망설이는 진짜 이유 | 퇴근길 라디오 EP.64"
    eps = _read_page(
        tmp_path,
        "\n".join(
            [
                *["Notewise", "홈", "요약하기", "로그인", "", "YouTube 요약"],
                title,
                "퇴근길 라디오",
                "2026. 11. 17.",
                "48:12",
                "원본 영상 보기",
                "",
                "한 줄 요약",
                "커리어코치 한서진은 30대 직장인이 이직을 망설이는 이유가 용기 부족이 아니라 "
                "정보 부족과 손실 회피에 있다고 말하며, 회사 밖에서의 작은 실험을 권한다.",
            ]
        ),
    )
    assert [e.title for e in eps] == [title]  # as shown, the show's name and number after it
    assert eps[0].guests == []  # "퇴근길 라디오 EP.64" is no guest: a name holds no number


def test_segments_each_over_its_date_and_a_show_named_in_a_heard_on_field(tmp_path: Path) -> None:
    # A public radio page: the show over the title and again in "Heard on: <show>"; the
    # episode's segments each over its date: the dates are no segments, the show no title.
    title = "Grain barges, low rivers and a slower harvest"
    eps = _read_page(
        tmp_path,
        "\n".join(
            [
                *["Skip to main content", "Newsdesk Radio", "Shows", "Donate", ""],
                "Morning Ledger",
                title,
                "Nov 20, 2026",
                "Heard on: Morning Ledger",
                "Download",
                "",
                "Low water on the Mississippi has left barges half loaded at the docks. We hear "
                "from a grain trader in Iowa about what the delays mean for prices this winter.",
                "",
                "Segments From this episode",
                "Why the barges are leaving half empty",
                "Nov 20, 2026",
                "A trader counts the cost of a dry autumn",
                "Nov 20, 2026",
                "What a slow harvest does to bread prices",
                "Nov 20, 2026",
                "",
                "© 2026 Newsdesk Radio. All rights reserved.",
            ]
        ),
    )
    assert [(e.title, e.review_reasons) for e in eps] == [(title, [])]
    assert [c.title for c in eps[0].chapters] == [
        "Why the barges are leaving half empty",
        "A trader counts the cost of a dry autumn",
        "What a slow harvest does to bread prices",
    ]


def test_a_show_label_and_its_value_on_one_line_name_the_show() -> None:
    assert labelled_shows(["Heard on: Morning Ledger", "Show", "Harbor Notes"]) == {
        "morning ledger",
        "harbor notes",
    }
    assert labelled_shows(["Heard on the radio: a long story about the river"]) == set()


def test_a_show_name_shown_again_under_the_date_is_not_the_title(tmp_path: Path) -> None:
    # "Title / date / Show | Site / Play / 31:05": the line under the date is the show's name,
    # shown over the title too, not a title under its date ("Show / date / Title / Play").
    title = "Waarom de veerpont in Zeeland blijft varen"
    eps = _read_page(
        tmp_path,
        "\n".join(
            [
                *["Naar hoofdinhoud", "Radio Delta", "Podcasts", "Inloggen", ""],
                "Podcasts",
                "Overzetten | Radio Delta",
                "",
                title,
                "19 november 2026 07:00",
                "",
                "Overzetten | Radio Delta",
                "Afspelen",
                "28:40",
                "",
                "Sinds de brug er ligt, varen er minder mensen mee, maar de veerpont blijft. "
                "Anouk Verbeek spreekt met de schipper over wie er nog elke dag overvaart.",
            ]
        ),
    )
    assert [(e.title, e.duration) for e in eps] == [(title, 1720.0)]


def test_more_from_the_network_under_a_show_list_ends_it(tmp_path: Path) -> None:
    # A show's page: its episodes, then "More from <network>" over other shows' episodes.
    entries = [
        ("Saltbush and the long dry", "Thu 19 Nov 2026", "28m 41s"),
        ("The last rail siding in the Mallee", "Thu 12 Nov 2026", "31m 5s"),
        ("Who will shear the sheep?", "Thu 5 Nov 2026", "26m 58s"),
    ]
    page = ["Skip to main content", "Radio Country", "Search", "Home", "Live Radio", "Podcasts"]
    page += ["Sign in", "RC", "The Long Paddock", "The Long Paddock"]
    page += [
        "Stories from the country that don't make the evening news: the people, the land and "
        "the ideas reshaping rural life, told by those who live it. New episodes every Thursday."
    ]
    page += ["Latest episodes"]
    for title, day, length in entries:
        page += [
            "Podcast",
            title,
            f"Why {title.lower()} matters to the towns around it.",
            day,
            length,
        ]
    page += ["Load more", "More from RC", "Podcast", "Late Night Drift"]
    page += ["Why we still listen to the shipping forecast", "Wed 18 Nov 2026", "47m 2s"]
    page += ["Podcast", "The Science Corner", "The beetle that farms fungus", "Tue 17 Nov 2026"]
    page += ["18m 30s"]
    eps = _read_page(tmp_path, "\n".join(page))
    assert [e.title for e in eps] == [title for title, _, _ in entries]
