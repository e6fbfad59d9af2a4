"""Line signals of saved pages, one by one: person cards, play counts, expiry dates,
footers that name the site first, headings with a qualifier, counters, show pages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from castdigest.readers.base import Document
from castdigest.readers.chapter_lines import classify, pair_lone_times
from castdigest.readers.chrome import chrome_kind, normalise
from castdigest.readers.heading_words import (
    heading_kind,
    lists_episodes,
    more_names,
    more_of,
    named_by_more,
    shown_names,
    suggests_others,
)
from castdigest.readers.line_dates import has_date, head_length, length_alone, length_seconds
from castdigest.readers.listing_blocks import rows
from castdigest.readers.listing_kinds import line_kinds
from castdigest.readers.listing_shapes import is_dated
from castdigest.readers.listing_starts import entry_starts as _starts
from castdigest.readers.page_dates import (
    date_line,
    labelled_length,
    numeric_date,
    offered_until,
    without_time_of_day,
)
from castdigest.readers.page_structure import answered_pairs, tagged_titles
from castdigest.readers.page_title import pick_title
from castdigest.readers.quote_lines import dash_quote, line_quote, said_quote
from castdigest.readers.section_lines import bullet
from castdigest.readers.suggested import lists_own_episodes
from castdigest.readers.summary_page import SummaryPageReader
from castdigest.readers.title_quoted import headline_names, quoted_episode, quoted_shows
from castdigest.readers.title_signals import (
    brand,
    byline,
    field_line,
    linked_show,
    names_person,
    play_count,
    podcast_name,
)
from castdigest.text.dates import without_weekday
from castdigest.text.normalize import without_accents
from castdigest.text.titles import split_title


@pytest.mark.parametrize(
    ("line", "expected"),
    [("About the speaker", True), ("Host:", True), ("嘉宾", True), ("Gäste", True),
     ("Speaker 1", False), ("About this talk", False)],
)  # fmt: skip
def test_person_labels(line: str, expected: bool) -> None:
    assert names_person(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("412,096 views", True), ("12 k écoutes", True), ("조회수 2.3만회", True),
     ("播放：1.8万次", True), ("3 评论", False), ("22 snips", False), ("Play", False)],
)  # fmt: skip
def test_play_counts(line: str, expected: bool) -> None:
    assert play_count(line) is expected


def test_the_name_in_a_person_card_is_not_the_title_shown_twice() -> None:
    card = ["About the speaker", "Lea Brandt", "Hydrologist, writer"]
    about = "Lea Brandt studies old flood marks on bridges and houses along the Elbe and Oder."
    head = ["Menu", "", "Lea Brandt", "How rivers remember floods", "83,120 views", ""]
    lines = [*head, "x " * 70, "", *card, about]
    assert pick_title(lines).title == "How rivers remember floods"


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Available until 30 November 2026", True), ("配信終了：2026年11月26日(木)", True),
     ("Disponible jusqu'au 3 décembre", True), ("Published 3 May 2025", False),
     ("2026年11月19日(木)午後9:05放送", False)],
)  # fmt: skip
def test_expiry_labels(line: str, expected: bool) -> None:
    assert offered_until(line) is expected


@pytest.mark.parametrize(
    ("line", "kind"),
    [("The Long Signal © 2026", "address"), ("Foo Media © 2019–2026. All rights reserved.",
      "address"), ("评论(86)", "counter"), ("订阅(2.3万)", "counter"), ("播放：1.8万次", "counter"),
     ("第37期", None)],
)  # fmt: skip
def test_footers_and_counters(line: str, kind: str | None) -> None:
    assert chrome_kind(line) == kind


def test_headings_with_a_qualifier_and_episodes_headings() -> None:
    assert heading_kind("Transcript (English)") == "transcript"
    assert heading_kind("文字起こし（自動生成）") == "transcript"
    assert heading_kind("(English)") is None
    assert lists_episodes("Afleveringen") and lists_episodes("All episodes")
    assert not lists_episodes("More episodes like this")


def test_a_show_page_lists_its_own_episodes_under_its_heading() -> None:
    show = ["Show name", "A weekly show about old machines and the people who mend them, "
            "with a guest from a workshop every week and letters from listeners.", "",
            "All episodes", "", "Episode 3: Clocks", "Nov 20, 2026"]  # fmt: skip
    assert lists_own_episodes(show, 5)
    dated = ["Episode 4: Looms", "Nov 27, 2026", *show[1:]]
    assert not lists_own_episodes(dated, 6)  # an episode's page dates its own episode
    body_between = [*show[:4], "x" * 200, "", *show[5:]]
    assert not lists_own_episodes(body_between, 6)  # a button above the episode's own body


def test_a_quoted_title_with_its_number_names_the_episode_outright() -> None:
    prose = (
        "I nearly skipped it, but the new episode of Margin Notes, “Raise Your Prices, Keep "
        "Your Customers” (episode 88, out on Tuesday), is the best hour I heard this month."
    )
    assert quoted_episode([prose], numbered_only=True) == (
        0,
        "Raise Your Prices, Keep Your Customers",
    )
    book = (
        "In this episode of Margin Notes we talk about “The Art of Pricing Well”, a book "
        "that half of the guests seem to have read twice, and what it gets wrong."
    )
    assert quoted_episode([book], numbered_only=True) is None
    assert quoted_episode([book]) == (0, "The Art of Pricing Well")  # only a doubt's tie-break


def test_more_of_the_show_heads_its_other_episodes() -> None:
    above = ["Menu", "Leselampe", "A title"]
    assert more_of("Mehr Leselampe", above)
    assert more_of("More from Leselampe", above)
    assert not more_of("Mehr Leselampe", ["Menu"])  # the name is shown nowhere above
    assert not more_of("More info", ["Info"])  # a button


@pytest.mark.parametrize(
    ("line", "expected"),
    [("52min", True), ("1 Std. 4 Min.", True), ("1:04:22", True), ("45分钟", True),
     ("— 7 min read", False), ("12 Nov", False)],
)  # fmt: skip
def test_a_length_alone(line: str, expected: bool) -> None:
    assert length_alone(line) is expected


def test_numeric_dates_and_expiry_after_a_word() -> None:
    assert numeric_date("21.11.2026 | 44 min") == "21.11.2026"
    assert numeric_date("Ep. 12 | 44 min") is None
    assert offered_until("Video verfügbar bis 21.11.2027, 23:59")
    assert not offered_until("The show is available until 2027 on all platforms and more")


def test_a_title_part_opening_with_an_article_is_no_guest() -> None:
    assert split_title("Night Desk #18 – The Lighthouse Relief Crew").guests == []
    assert [p.name for p in split_title("Why tides matter — Jane Doe").guests] == ["Jane Doe"]


@pytest.mark.parametrize(
    ("line", "dated"),
    [("Publié hier à 05h00, modifié hier à 09h12", True), ("gestern, 10:00 Uhr", True),
     ("yesterday at 5:00 PM", True), ("ayer a las 10:30", True), ("어제 오후 3:00", True),
     ("Meeting at 10:30", False), ("Showtime 10:30", False), ("Yesterday Once More", False)],
)  # fmt: skip
def test_an_age_before_its_time_of_day_is_a_date(line: str, dated: bool) -> None:
    assert has_date(line) is dated


def test_a_page_dated_yesterday_at_a_time_reads_as_the_day_before() -> None:
    as_of = datetime(2026, 11, 24, 12, tzinfo=UTC)
    assert without_time_of_day("Publié hier à 05h00") == "Publié hier"
    assert without_time_of_day("gestern, 10:00 Uhr") == "gestern"
    assert without_time_of_day("10:42") == "10:42"  # alone, a time is no date
    found = date_line(["Publié hier à 05h00, modifié hier à 09h12"], as_of)
    assert found == (datetime(2026, 11, 23, 12, tzinfo=UTC), "hier")


def test_headings_typed_without_their_accents() -> None:
    assert without_accents("Écoutez aussi, Größe") == "Ecoutez aussi, Große"
    assert without_accents("エピソード 에피소드") == "エピソード 에피소드"  # no accents there
    assert suggests_others("Ecoutez aussi") and suggests_others("À ÉCOUTER AUSSI")
    assert heading_kind("Points cles") == heading_kind("Points clés") == "takeaways"
    assert heading_kind("Resumen") == "summary" and heading_kind("Ecoute") is None


def test_a_name_quoted_in_two_paragraphs_is_the_show() -> None:
    """A post names its show as it goes; it names its episode once."""
    first = "Le temps d’un épisode, « Sur le terrain » vous emmène là où l’actualité s’arrête."
    last = "Sur le terrain est un podcast du journal, réalisé chaque semaine par la rédaction."
    assert quoted_episode(["Titre", first + " " * 10]) == (1, "Sur le terrain")
    assert quoted_episode(["Titre", first, "", last]) is None


def test_a_title_over_its_lede_and_byline_is_dated_by_the_line_under_them() -> None:
    lede = (
        "Five years after the flood took roads and houses, the valley still lives to the rhythm"
        " of the building sites; our reporter went back."
    )
    head = ["Skip to content", "News", "Culture", "Podcasts", "On the Ground", ""]
    page = [*head, "The bridges of the Roya valley", lede, "By Lea Marchetti", "Nov 23, 2026"]
    pick = pick_title(page)
    assert (pick.title, pick.doubts) == ("The bridges of the Roya valley", [])


def test_a_line_opening_every_entry_is_a_label_and_lengths_keep_their_unit() -> None:
    """ "Listen" over each entry's length is a button (in a language the chrome vocabulary
    lacks); "27:48 min" is a length."""
    lines = ["Radio Ost", "Programme", ""]
    for n, (title, day, length) in enumerate(
        [("Bobry w mieście", "21.11.2026", "27:48 min"), ("Jeże zimą", "14.11.2026", "26:15 min"),
         ("Ptaki i chleb", "07.11.2026", "28:03 min")]
    ):  # fmt: skip
        lines += [title, day, f"Opowieść numer {n} o zwierzętach w mieście.", "Słuchaj", length]
    kinds = line_kinds(lines, datetime(2026, 11, 24, tzinfo=UTC))
    assert [kinds[i] for i in (4, 7)] == ["age", "duration"]
    assert [lines[i] for i in _starts(lines, kinds)] == [
        "Bobry w mieście",
        "Jeże zimą",
        "Ptaki i chleb",
    ]


def test_the_name_a_more_heading_names_is_the_show() -> None:
    headings = ["Alla avsnitt", "Mer från Stadens historia i P1"]
    assert named_by_more("Stadens historia i P1", headings)
    assert not named_by_more("Jordskalvet i Skåne", headings)
    assert not named_by_more("Mer", headings)  # too short a name
    head = ["Till innehåll", "Radio Nord", "Meny", "Stadens historia i P1", "Stadens historia i P1"]
    body = "Den 23 oktober rämnade marken i södra Sverige och skorstenar rasade i flera byar. " * 2
    page = [*head, "Avsnitt", "Jordskalvet i Skåne", "fredag 20 november", "44 min", body]
    page += ["", "Mer från Stadens historia i P1", "Ett annat avsnitt", "13 november"]
    assert pick_title(page).title == "Jordskalvet i Skåne"


def test_emoji_bullets_under_a_takeaways_heading_but_not_emoji_headings() -> None:
    assert bullet("💡 Raising the savings rate moves the outcome more than returns do.") == (
        "Raising the savings rate moves the outcome more than returns do."
    )
    assert bullet("⚖️ A target stated as a share of income is easier to keep.") is not None
    assert bullet("📝 요약") is None and bullet("✅ Key points") is None  # headings
    assert bullet("🎧Listen") is None and bullet("- a dash") == "a dash"


@pytest.mark.parametrize(
    ("line", "show"),
    [("夜航船播客", True), ("Harbor Notes Podcast", True), ("Bench & Bellows Podcast", True),
     ("Why I quit my podcast", False), ("Why I Quit My Podcast Again Today", False),
     ("Episode 12: Inside the Podcast", False), ("Podcast", False)],
)  # fmt: skip
def test_a_short_name_ending_in_podcast_is_a_show(line: str, show: bool) -> None:
    assert podcast_name(line) is show


@pytest.mark.parametrize(
    ("line", "seconds"),
    [("44 min", 2640), ("28:16 min", 1696), ("1 Std. 4 Min.", 3840), ("1h 6m", 3960),
     ("45分", 2700), ("1:04:22", 3862), ("7 min read", None), ("Episode 12", None),
     ("1 hr and 4 mins", 3840), ("and 4 mins", None)],
)  # fmt: skip
def test_a_line_of_a_length_alone(line: str, seconds: int | None) -> None:
    assert length_seconds(line) == seconds


def test_the_length_a_page_shows_near_its_title() -> None:
    body = "A paragraph of the episode's description, long enough to be the body of the page. " * 2
    assert head_length(["Title", "00:00 / 27:14", body]) == 1634  # the player
    assert head_length(["Title", "00:00", "58:24", body]) == 3504  # its two on lines of their own
    assert head_length(["Title", "00:00", "Intro", "05:12", body]) is None  # chapters
    assert head_length(["Title", "14. März 2025 · 48 Min.", body]) == 2880
    assert head_length(["Title", "发布于 2026年11月11日 · 时长 1:05:20", body]) == 3920
    # a time of day is no length, nor is a length under the body (a related episode's)
    assert head_length(["Title", "Publié le : 20/11/2026 - 15:30", body, "Autre · 42 min"]) is None
    assert head_length(["Title", "2026-11-23 08:30", body]) is None
    assert head_length(["Title", "00:00:00 - 00:50:00", body]) is None  # a section's span


def test_a_dash_paragraph_attributed_at_its_end_is_a_quote() -> None:
    said = dash_quote("– Ingen dog, och då blir det ingen berättelse, säger hon.")
    assert said is not None and (said.text, said.speaker) == (
        "Ingen dog, och då blir det ingen berättelse",
        None,  # a pronoun names no one
    )
    named = dash_quote("— It took us two long years to get there, says Ann Lee.")
    assert named is not None and (named.text, named.speaker) == (
        "It took us two long years to get there",
        "Ann Lee",
    )
    assert dash_quote("– Bread, butter, cheese and milk, eggs.") is None  # a list item
    assert dash_quote("— Otávio Rezende, economista") is None  # an attribution


def test_a_name_inside_a_dated_line_of_commas_is_the_show() -> None:
    page = ["SWR2 Wissen", "Sendung vom Mo., 23.11.2026 8:30 Uhr, SWR2 Wissen, SWR2", "Spätfrost"]
    pairs = [(line, normalise(line)) for line in page]
    assert brand("swr2 wissen", pairs, has_date)
    assert not brand("spätfrost", pairs, has_date)


def test_the_names_a_more_heading_may_name() -> None:
    assert more_names("More from Harbor Notes") == {"harbor notes"}
    assert more_names("Mehr aus der Werkstatt") == {"der werkstatt"}
    # the name as the lines above are shown: both sides read alike
    assert more_names("Mer från Stadens historia i P1") <= shown_names(["Stadens historia i P1"])
    assert more_names("More info") == frozenset() and more_names("A title") == frozenset()
    assert more_of("More from Harbor Notes", ["Harbor Notes", "Episode 3"])
    assert not more_of("More from Harbor Notes", ["Episode 3"])


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Summary & Key Takeaways", "takeaways"),  # the most specific part
        ("Chapters and quotes", "chapters"),
        ("Résumé et points clés", "takeaways"),
        ("摘要与要点", "takeaways"),
        ("Notes / Links", "shownotes"),
        ("Questions & Answers", "questions"),
        ("FAQ", "questions"),
        ("質疑応答", "questions"),
        ("Salt and pepper", None),  # joined words that are no headings
        ("Tom & Jerry", None),
    ],
)
def test_headings_joined_and_questions(line: str, kind: str | None) -> None:
    assert heading_kind(line) == kind


def test_a_section_heading_is_never_the_title() -> None:
    lines = [
        "Summly",
        "Explore",
        "Pricing",
        "",
        "Why Harbours Silt Up: Tides, Dredging & Politics | Dr. Maren Holt | Coastlines Ep. 31",
        "Coastlines Podcast",
        "",
        "Summary",
        "Host Ada Lund talks with the coastal engineer Maren Holt about why harbours silt up, what "
        "dredging costs a small town each year, and who decides when a channel is given up.",
        "",
        "Questions & Answers",
        "Q: Why do harbours silt up?",
        "A: Rivers bring sand and tides leave it where the water slows down.",
    ]
    pick = pick_title(lines)
    assert pick.title is not None and pick.title.startswith("Why Harbours Silt Up")
    assert pick.doubts == []


@pytest.mark.parametrize(
    ("lines", "seconds"),
    [
        (["A paragraph about the episode.", "再生時間 38:41"], 2321.0),
        (["Dauer", "48 Min."], 2880.0),
        (["Duration: 48:30"], 2910.0),
        (["Length 5 min read"], None),
        (["More episodes", "Duration: 12:00"], None),  # another episode's
        (["All episodes", "Older one", "Length: 58 mins"], None),
    ],
)
def test_a_length_after_a_length_label(lines: list[str], seconds: float | None) -> None:
    assert labelled_length(lines) == seconds


def test_names_quoted_after_a_show_word_are_the_shows() -> None:
    lines = [
        "本文来自微信公众号“夜航笔记”（ID：yehang），作者：林舟。",
        'Puntata di "Porti e Maree" di mercoledì 18 novembre, condotta da Ada Lund.',
        "Listen to the podcast «Harbor Notes» wherever you are.",
        "In the episode “Raise Your Prices” we talk about margins.",  # an episode's title
    ]
    assert quoted_shows(lines) == {"夜航笔记", "porti e maree", "harbor notes"}


def test_the_account_a_post_quotes_is_not_the_title_over_its_date() -> None:
    lines = [
        "首页",
        "资讯",
        "播客",
        "对话港口工程师：一条航道的淤积，要花多少钱来清？",
        "夜航笔记",
        "·",
        "2026-11-23 08:30",
        "本文来自微信公众号“夜航笔记”（ID：yehang），作者：林舟，经授权发布。",
        "这一期我们请来了港口工程师，聊聊航道淤积、疏浚的费用，以及小城市的港口还能不能撑下去。",
    ]
    assert pick_title(lines).title == "对话港口工程师：一条航道的淤积，要花多少钱来清？"


def test_more_from_a_networks_initials_names_it() -> None:
    assert more_names("More from RN") == {"rn"}
    assert more_names("More info") == frozenset()  # a button


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Accessibility links", "interface words"),
        ("Open Navigation Menu", "interface words"),
        ("Direct naar artikelinhoud", "interface words"),
        ("Sponsored by Partsbin and Lumen Labs", "interface words"),
        ("Leestijd 3 minuten", "interface words"),
        ("Go to Reddit Home", "interface words"),
    ],
)
def test_navigation_and_sponsor_lines_are_chrome(line: str, kind: str) -> None:
    assert chrome_kind(line) == kind


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("ゲスト：三浦彩花さん（税理士）", True),
        ("Host: Ada Lund", True),
        ("Episode: The Tides of March", True),
        ("Ep. 140: Right to Repair", False),  # a title with a colon
        ("Kubernetes: the good parts", False),
    ],
)
def test_a_field_of_an_information_panel(line: str, field: bool) -> None:
    assert field_line(line) is field


def test_a_quotation_followed_by_a_topic_word_is_the_topic_not_the_episode() -> None:
    topic = (
        "本期节目中，主播小林与城市规划研究者陈远聊了“夜间公交为何越来越少”这个话题。陈远认为，"
        "夜间线路的乘客虽少，却是许多夜班工作者唯一的通勤方式。节目最后，两人还回答了几位听众的提问。"
    )
    assert quoted_episode([topic]) is None
    named = (
        "本期“夜间公交为何越来越少”里，主播小林与城市规划研究者陈远聊到了夜班工作者的"
        "通勤方式，以及几座城市保留夜间线路的做法。节目最后，两人还回答了几位听众关于末班车的提问。"
    )
    assert quoted_episode([named]) == (0, "夜间公交为何越来越少")


def test_the_date_under_a_title_past_the_shows_podcast_card() -> None:
    title = "EP31｜夜间公交为何越来越少？对话城市规划研究者陈远"
    lines = [
        *["Notewise · AI 播客笔记", "首页", "价格", "登录 / 注册", "开始总结"],
        title,
        "慢慢走电台 · 播客",
        "发布于 2026-11-19 · 时长 01:02:11",
        "查看原链接",
        "摘要",
        "本期节目中，主播小林与城市规划研究者陈远聊了夜间公交的现状。陈远认为，夜间线路的乘客"
        "虽少，却是许多夜班工作者唯一的通勤方式，城市应当重新计算它的价值。",
    ]
    pick = pick_title(lines)
    assert (pick.title, pick.doubts) == (title, [])


def test_a_chapter_overview_heading_heads_the_chapters() -> None:
    assert heading_kind("章节速览") == heading_kind("章節速覽") == "chapters"


def test_a_show_framing_its_title_above_and_below_is_no_rival() -> None:
    title = "The Case That Could End the Noise Ordinance"
    lines = [
        *["Skip to main content", "Harbour Post", "Sign In", "Subscribe", "Podcasts"],
        "Bench Notes",
        title,
        "Bench Notes",
        "By Gabriel Oyelaran",
        "Nov 20, 2026 5:45 AM",
        "Listen to this episode",
        "Every city has a rule about how loud you can be after 10 p.m. This term, the court "
        "will decide whether one town's rule went too far, and who gets to call a noise a "
        "nuisance.",
    ]
    pick = pick_title(lines)
    assert (pick.title, pick.doubts) == (title, [])


def test_guillemets_either_way_round_quote_a_show() -> None:
    # the line, only the word and the name, is the show's kicker too
    for line in ("Podcast »Hauptsache Strom«", "Podcast «Hauptsache Strom»"):
        assert quoted_shows([line]) == {"hauptsache strom", normalise(line)}
    assert quoted_shows(["Im Podcast »Hauptsache Strom« heute"]) == {"hauptsache strom"}


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Die Themen dieser Folge:", "chapters"),
        ("Topics covered", "chapters"),
        ("【コーナー】", "chapters"),
    ],
)
def test_topic_and_segment_headings_head_chapters(heading: str, kind: str) -> None:
    assert heading_kind(heading) == kind


def test_other_broadcasts_of_a_programme_are_suggestions() -> None:
    assert suggests_others("この番組の他の放送回")
    assert chrome_kind("再生する") == "interface words"


def test_a_date_followed_by_the_hours_on_air() -> None:
    as_of = datetime(2026, 11, 24, 12, tzinfo=UTC)
    found = date_line(["2026年11月20日（金）22:00-22:55"], as_of)
    assert found == (datetime(2026, 11, 20, tzinfo=UTC), "2026年11月20日")
    found = date_line(["20. November 2026, 9:05 – 10:00 Uhr"], as_of)
    assert found == (datetime(2026, 11, 20, tzinfo=UTC), "20. November 2026")


def test_a_quotation_attributed_by_a_verb_after_it_is_a_quote() -> None:
    verb_first = said_quote(
        "„Das Kabel ist billig, teuer ist das Loch, in dem es liegt“, sagt Kreidler im Gespräch."
    )
    assert verb_first is not None and (verb_first.text, verb_first.speaker) == (
        "Das Kabel ist billig, teuer ist das Loch, in dem es liegt",
        "Kreidler",
    )
    name_first = said_quote("“It took us two long years to get there,” Ann Lee said.")
    assert name_first is not None and (name_first.text, name_first.speaker) == (
        "It took us two long years to get there",
        "Ann Lee",
    )
    assert said_quote("“Too short,” he said.") is None  # lines shorter than a thought
    assert (
        said_quote("“We rebuilt the whole thing from scratch,” the report concludes today.") is None
    )


def test_a_speaker_in_brackets_after_a_quotation() -> None:
    quote = line_quote(
        "「魔法の箱ではありません。得意な問題を一つ見つけた企業が勝ちます」（佐伯 遥）"
    )
    assert quote is not None and quote.speaker == "佐伯 遥"
    assert line_quote("“We keep the loop small and check each step.” (2019)") is None  # a year


def test_questions_and_answers_pair_into_points() -> None:
    assert answered_pairs(["Q: Where does the money come from?", "A: Mostly from the café.",
                           "Q: How do you keep readers?", "A: Two reading groups a month.",
                           "Mind map"]) == [
        "Where does the money come from? Mostly from the café.",
        "How do you keep readers? Two reading groups a month.",
    ]  # fmt: skip
    assert answered_pairs(["问：如何留住老顾客？", "答：每月两场读书会。"]) == [
        "如何留住老顾客？ 每月两场读书会。"
    ]
    assert (
        answered_pairs(
            ["Q: Where does the money come from?", "A: Mostly from the café.", "More text"]
        )
        == []
    )
    assert answered_pairs(["A: an answer first", "Q: then a question"]) == []


def test_a_headline_opening_with_the_episode_the_prose_names() -> None:
    prose = (
        "Netzwerkstatt erscheint jeden zweiten Donnerstag. "
        "Die aktuelle Folge „Glasfaser bis ins Dorf“ dauert 48 Minuten."
    )
    headline = "Glasfaser bis ins Dorf: Warum der Ausbau stockt"
    assert headline_names(headline, [headline, prose]) == "Glasfaser bis ins Dorf"
    assert headline_names("Glasfaser bis ins Dorfgemeinschaftshaus", [prose]) is None
    assert (
        headline_names(
            headline,
            [
                headline,
                "Ein Artikel über „Glasfaser bis ins Dorf“ und mehr, lange genug für Prosa hier.",
            ],
        )
        is None
    )


def test_a_table_saved_line_by_line_is_read_by_its_rows() -> None:
    # a list of programmes above the table, no blank line between: its lines repeat their
    # kind too, with no date
    board = ["아침의 창", "정오의 희망곡", "저녁 뉴스", "주말 특집", "밤의 서재", "새벽 음악실"]
    board += [
        "청소년 라디오",
        "클래식 산책",
        "세계는 지금",
        "책 읽는 밤",
        "출근길 경제",
        "시사 토크",
    ]
    board += ["번호", "제목", "방송일", "듣기"]
    for n, day in zip((12, 11, 10), (21, 20, 19), strict=True):
        board += [str(n), f"[인터뷰] 손님 {n}번의 이야기", f"2026.11.{day}", "듣기"]
    board += ["1", "2", "다음"]
    found = [(board[e.title], [board[i] for i in e.meta]) for e in rows(board)]
    assert found == [
        ("[인터뷰] 손님 12번의 이야기", ["12", "2026.11.21"]),
        ("[인터뷰] 손님 11번의 이야기", ["11", "2026.11.20"]),
        ("[인터뷰] 손님 10번의 이야기", ["10", "2026.11.19"]),
    ]
    # a transcript's speaker and time over each turn: rows without a date are no listing
    turns = [
        x
        for k in range(6)
        for x in (f"Speaker {k % 2 + 1} 00:0{k}", f"Something said in turn {k}.")
    ]
    assert rows(turns) == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [("(Bild: Netzwerkstatt / Techblatt)", "image credit"),
     ("Photo: Jane Doe/Getty Images", "image credit"), ("사진=연합뉴스", "image credit"),
     ("Přeskočit na hlavní obsah", "interface words"),
     ("Foto: Drei Wege zur Ruhe: ein Leitfaden", None), ("Bildung: ein Gespräch", None)],
)  # fmt: skip
def test_credits_and_interface_words_of_more_languages(line: str, kind: str | None) -> None:
    assert chrome_kind(line) == kind


def test_month_names_of_more_languages() -> None:
    from castdigest.text.dates import find_absolute

    for text, day in [
        ("12. listopadu 2026", "2026-11-12"),
        ("5 grudnia 2026", "2026-12-05"),
        ("21. marraskuuta 2026", "2026-11-21"),
        ("3 noiembrie 2026", "2026-11-03"),
    ]:
        found = find_absolute(text)
        assert found is not None and found.when.date().isoformat() == day, text


def test_a_title_opening_with_a_determiner_names_no_guest() -> None:
    parts = split_title("Bonus: Your Questions on the Reshuffle")
    assert (parts.title, parts.guests) == ("Bonus: Your Questions on the Reshuffle", [])
    named = split_title("Deep Dive: Ada Lund on tidal power")
    assert (named.title, [p.name for p in named.guests]) == ("Deep Dive", ["Ada Lund"])


def test_clip_titles_under_one_tag_are_no_points() -> None:
    assert tagged_titles(["[Night Talk] What a robot costs", "[Night Talk] Safety first"])
    assert tagged_titles(["【科创夜话】一台机器人的账", "【科创夜话】安全红线"])
    assert not tagged_titles(["[Night Talk] What a robot costs", "Safety first"])
    assert not tagged_titles(["[1] One point", "[2] Another point"])


def test_a_review_naming_its_episode_beside_its_place_in_the_series() -> None:
    # A review's headline is its own; the prose names the episode beside its place in the
    # series ("‘…’, de vierde aflevering", as sure as its number) and a credit line names it
    # again as an episode: the episode's title.
    first = (
        "Luister er niet naar in bed. ‘De nacht dat het water kwam’, de vierde aflevering van "
        "de podcastserie Laag Land, begint met het geluid van regen op een dak."
    )
    credit = "Laag Land, aflevering 4: ‘De nacht dat het water kwam’. Door Ruben Haaksma. 42 min."
    assert quoted_episode([first, credit]) == (0, "De nacht dat het water kwam")
    page = [
        *["Direct naar artikelinhoud", "Krant", "Menu", "Zoeken", "Cultuur", "Recensie"],
        "Podcast",
        "Een dijkwachter vertelt, en je hoort het water stijgen",
        "Podcast In de vierde aflevering van ‘Laag Land’ reconstrueren de makers één nacht in "
        "een Fries polderdorp. Het is de beste aflevering van de serie tot nu toe.",
        "Marloes Vennik",
        "20 november 2026",
        "Leestijd 3 minuten",
        first,
        "Makers Ruben Haaksma en Lotte Verweij reconstrueren wat er gebeurde toen een kade lekte.",
        credit,
    ]
    pick = pick_title(page)
    assert (pick.title, pick.named, pick.doubts) == ("De nacht dat het water kwam", True, [])
    # beside an episode word alone, no place in the series, it stays a doubt
    unplaced = [line.replace("de vierde aflevering", "een aflevering") for line in page]
    pick = pick_title(unplaced)
    assert pick.title == "Een dijkwachter vertelt, en je hoort het water stijgen"
    assert pick.doubts and "De nacht dat het water kwam" in pick.doubts[0]


def test_a_link_back_to_the_show_names_it() -> None:
    assert linked_show("Back to The Fine Print") == "the fine print"
    assert linked_show("Listen to and follow The Fine Print") == "the fine print"
    assert linked_show("Zurück zu Halbwertszeit") == "halbwertszeit"
    assert linked_show("Why Your Grocery Bill Won’t Come Down") is None


@pytest.mark.parametrize(
    ("line", "credit"),
    [("Engineered by Tomás Ruelas", True), ("Original music by Arlo Venn and Marion Lacey", True),
     ("Presentado por Ana Ruiz", True), ("Stand by Me", False), ("Death by Chocolate", False)],
)  # fmt: skip
def test_a_production_credit_is_a_byline(line: str, credit: bool) -> None:
    assert byline(line) is credit


def test_a_weekday_before_a_date_and_a_time_of_day_in_hours() -> None:
    assert without_weekday("ma 23.11.2026") == "23.11.2026"
    assert without_weekday("Fri, 11/20/2026") == "11/20/2026"
    assert without_weekday("Mai 2026") == "Mai 2026"
    assert not is_dated("20 de noviembre de 2026 06:00h")  # a time of day, no length
    assert is_dated("20 nov 2026 · 1h")


def test_a_compound_ending_in_podcast_names_a_show() -> None:
    assert podcast_name("Halbwertszeit – Der Ö1 Wissenschaftspodcast")
    assert not podcast_name("Episode 12 Podcast")
    assert not podcast_name("Mein Lieblingspodcast ist tot")


def test_a_quotation_then_its_particle_and_speaker() -> None:
    quote = said_quote("「それだけみんな、読むつもりで買っているんですよ」と望月さん。")
    assert quote is not None and (quote.text, quote.speaker) == (
        "それだけみんな、読むつもりで買っているんですよ",
        "望月さん",
    )
    assert said_quote("「はい」と彼。") is None  # too short to say something
    assert bullet("・積読は「興味の記録」と考えればいい") == "積読は「興味の記録」と考えればいい"


def test_times_on_the_line_above_their_titles_under_a_chapters_heading() -> None:
    lines = [
        "智能章节",
        "00:00",
        "开场与嘉宾介绍",
        "06:12",
        "为什么选择小城",
        "17:40",
        "读书会怎么办",
    ]
    items = pair_lone_times([classify(k, line, "chapters") for k, line in enumerate(lines)])
    timed = [(e.start, e.title) for it in items if it.kind == "chap" for e in it.entries]
    assert timed == [(0.0, "开场与嘉宾介绍"), (372.0, "为什么选择小城"), (1060.0, "读书会怎么办")]


def test_an_ai_minutes_page_is_a_summary_page_and_its_speakers_are_no_titles() -> None:
    page = [
        *[
            "会议妙记",
            "山间电台 EP21｜为什么小城开始有了独立书店",
            "周晓岚",
            "2026年11月16日 21:10",
        ],
        *["42分钟", "总结", "本期《山间电台》由周晓岚主持，邀请陈默聊小城独立书店如何活下来。"],
        *["要点", "小城书店的主要收入来自咖啡和文创。", "固定的读书会留住了老读者。"],
        *["智能章节", "00:00", "开场与嘉宾介绍", "06:12", "为什么选择小城"],
        *[
            "周晓岚 00:02",
            "欢迎收听山间电台。",
            "陈默 00:09",
            "大家好。",
            "周晓岚 00:13",
            "先聊聊书店。",
        ],
    ]
    text = "\n".join(page) + "\n"
    doc = Document(location="minutes.txt", data=text.encode(), text=text)
    assert SummaryPageReader().sniff(doc) > 0.9  # above a listing's one entry (0.9)
    assert pick_title(page[:5], page=page).title == "山间电台 EP21｜为什么小城开始有了独立书店"


def test_a_time_of_day_with_its_zone_after_a_date() -> None:
    assert without_time_of_day("Nov 19, 2026, 10:00 AM EST") == "Nov 19, 2026"
    assert without_time_of_day("Nov 19, 2026 10:00 PM") == "Nov 19, 2026"
    assert without_time_of_day("21.11.2026 06:30 Uhr") == "21.11.2026"
