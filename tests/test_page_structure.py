"""Chapters, takeaways and quotes of saved pages, found by their shape in any language."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib import resources

import pytest

from castdigest.readers.heading_words import KINDS, heading_kind
from castdigest.readers.page_dates import date_line, page_date
from castdigest.readers.page_structure import read_structure

AS_OF = datetime(2026, 12, 2, 12, tzinfo=UTC)


def chapters(text: str) -> list[tuple[float | None, str]]:
    return [(c.start, c.title) for c in read_structure(text.splitlines()).chapters]


def test_vocabulary_covers_every_section_in_nine_languages() -> None:
    raw = json.loads(
        resources.files("castdigest.readers").joinpath("data/headings.json").read_text("utf-8")
    )
    for kind in KINDS:
        assert set(raw[kind]) >= {"en", "fr", "es", "de", "it", "pt", "zh", "ja", "ko"}, kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("## Chapters", "chapters"),
        ("TIMESTAMPS:", "chapters"),
        ("Índice", "chapters"),
        ("Sommaire :", "chapters"),
        ("Kapitelmarken", "chapters"),
        ("目录", "chapters"),
        ("목차", "chapters"),
        ("**Key Takeaways**", "takeaways"),
        ("Punti chiave:", "takeaways"),
        ("Principais aprendizados", "takeaways"),
        ("要点", "takeaways"),
        ("Citations (4)", "quotes"),
        ("金句", "quotes"),
        ("Transkript", "transcript"),
        ("文字起こし", "transcript"),
        ("Resumen", "summary"),
        ("Links", "sources"),
        ("Show Notes", "shownotes"),
        ("Highlights", "highlights"),
        ("We talk about chapters and timestamps in this episode", None),
        ("Pricing", None),
    ],
)
def test_heading_kind(line: str, kind: str | None) -> None:
    assert heading_kind(line) == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Au sommaire de l’émission :", "chapters"),
        ("Points clés de cet épisode", "takeaways"),
        ("Key takeaways from this episode", "takeaways"),
        ("Zitate dieser Folge", "quotes"),
        ("Capítulos del programa", "chapters"),
        ("Trascrizione della puntata", "transcript"),
        ("The best of the show", None),  # a tail after no heading word
        ("Of this episode", None),
        ("핵심요약", "takeaways"),  # "핵심 요약" written without its space
        ("Transkrypcja podcastu", "transcript"),
    ],
)
def test_a_heading_followed_by_whose_it_is(line: str, kind: str | None) -> None:
    assert heading_kind(line) == kind


def test_time_before_title_in_every_separator() -> None:
    text = "\n".join(
        [
            "Capítulos",
            "[00:00] Bienvenida",
            "(01:10) El primer invitado",
            "02:30 - Preguntas del público",
            "0:04:05 Un desvío",
            "05:00 – Música",
            "06:15 | Despedida",
            "07:20. Créditos",
        ]
    )
    assert chapters(text) == [
        (0, "Bienvenida"),
        (70, "El primer invitado"),
        (150, "Preguntas del público"),
        (245, "Un desvío"),
        (300, "Música"),
        (375, "Despedida"),
        (440, "Créditos"),
    ]


def test_time_after_title_and_a_title_broken_over_two_lines() -> None:
    text = (
        "Show notes\n\n•  Why the garden needs a long and careful\n\nwinter (0:45)\n\n"
        "•  Seeds and soil (6:02)\n\n•  Listener letters - 12:40\n"
    )
    assert chapters(text) == [
        (45, "Why the garden needs a long and careful winter"),
        (362, "Seeds and soil"),
        (760, "Listener letters"),
    ]


def test_time_alone_on_the_line_after_or_before_its_title() -> None:
    after = (
        "Kapitel\nBegrüßung\n00:00\nDas Wetter\n04:12\n"
        "Eine lange Rede folgt hier, mit vielen Worten und ohne Zeit darin."
    )
    assert chapters(after) == [(0, "Begrüßung"), (252, "Das Wetter")]
    before = "Chapitres\n00:00\nAccueil\n03:30\nLa météo\n"
    assert chapters(before) == [(0, "Accueil"), (210, "La météo")]


def test_a_span_of_two_times_under_its_title_starts_a_chapter() -> None:
    spans = (
        "Chapters\nCold open\n0:00 – 3:12\nThe missing ledger\n3:12 – 9:48\nWrap-up\n9:48 - 20:05\n"
    )
    assert chapters(spans) == [(0, "Cold open"), (192, "The missing ledger"), (588, "Wrap-up")]
    player = "Chapters\nCold open\n0:00 / 3:12\nThe missing ledger\n3:12 / 9:48\n"
    # A player's position over its length: no chapter starts there.
    assert all(start is None for start, _ in chapters(player))


def test_a_span_over_the_chapters_within_it_is_a_block_not_a_chapter() -> None:
    page = (
        "Summary of a two-hour lecture on tides\n"
        "Summarise another video · Pricing\n"
        "00:00:00 - 01:00:00\n"
        "The lecturer explains why there are two tides a day and how the moon pulls the sea.\n"
        "00:00:00 The lecturer opens with the tide tables of a small harbour town.\n"
        "00:20:00 The second part turns to spring and neap tides and their cycle.\n"
        "01:00:00 - 02:00:00\n"
        "The second hour is about tidal power and the people who measure the sea.\n"
        "01:00:00 Tidal mills, from the middle ages to the barrages of today.\n"
        "01:30:00 How the sea level is measured, and why the numbers differ.\n"
    )
    assert [start for start, _ in chapters(page)] == [0, 1200, 3600, 5400]


def test_untimed_chapter_titles_may_be_questions() -> None:
    lines = [
        "チャプター",
        "オープニング",
        "「捨てる家計簿」ってなに？",
        "1週間でやること",
        "エンディング",
    ]
    found = read_structure(lines).chapters
    assert [c.title for c in found][1] == "「捨てる家計簿」ってなに？"
    assert len(found) == 4


def test_chapters_with_a_summary_line_under_each_title() -> None:
    lines = [
        "Outlines",
        "00:00:00",
        "Introduction and the question",
        "The host frames the episode around one question about the towns.",
        "00:05:42",
        "What the payroll data shows",
        "How the tax records were matched to the moves.",
        "00:17:09",
        "The second wave",
        "Older movers are buying rather than renting.",
    ]
    assert [(c.start, c.title) for c in read_structure(lines).chapters] == [
        (0, "Introduction and the question"),
        (342, "What the payroll data shows"),
        (1029, "The second wave"),
    ]


def test_glued_chapters_in_both_directions() -> None:
    forward = "Timestamps: 00:00 Intro 03:12 Pricing plans 10:40 What comes next"
    assert chapters(forward) == [(0, "Intro"), (192, "Pricing plans"), (640, "What comes next")]
    backward = (
        "A long description of the whole show with many words in it. Opening words (00:20) "
        "The market today (05:10) Letters from listeners (11:00)"
    )
    assert chapters(backward) == [
        (20, "Opening words"),
        (310, "The market today"),
        (660, "Letters from listeners"),
    ]


def test_cjk_chapters_under_a_heading() -> None:
    text = "#时间线\n00:40 开场白\n07:05 我们为什么去爬山\n19:30 山顶的风景"
    assert chapters(text) == [(40, "开场白"), (425, "我们为什么去爬山"), (1170, "山顶的风景")]


def test_a_single_timed_line_counts_only_under_a_chapters_heading() -> None:
    assert chapters("Some prose here.\n12:30 We meet at noon") == []
    assert chapters("Chapters\n00:00 Welcome and introductions") == [
        (0, "Welcome and introductions")
    ]


def test_transcript_cues_speaker_labels_and_player_lines_are_not_chapters() -> None:
    cues = "\n".join(f"00:00:{s:02d}.500 | words spoken at second {s}" for s in range(0, 40, 3))
    assert chapters(cues) == []
    dense = "\n".join(
        f"00:{s // 60:02d}:{s % 60:02d} and then she said {s}" for s in range(0, 90, 5)
    )
    assert chapters(dense) == []
    turns = "\n".join(
        f"{who} ({m:02d}:{s:02d})\nSomething said at length.\n"
        for who, m, s in [("Host", 0, 2), ("Guest", 0, 9), ("Host", 1, 15), ("Guest", 2, 0)]
    )
    assert chapters(turns) == []
    assert chapters("00:00:00 / 01:50:32\n00:00:00 / 01:50:32") == []
    under_transcript = "Transcript\n00:00 Hello there\n04:00 Goodbye now"
    assert chapters(under_transcript) == []


def test_chapter_times_that_go_backwards_are_a_doubt() -> None:
    found = read_structure(
        ["Chapters", "00:00 One", "05:00 Two", "03:00 Three", "09:00 Four", "12:00 Five"]
    )
    assert len(found.chapters) == 5
    assert found.doubts == ["chapter times go backwards"]


def test_untimed_chapters_under_a_chapters_heading() -> None:
    text = (
        "Sommario\n- Apertura\n- Il tema del giorno\n- Le domande\n"
        "Testo lungo del episodio che segue qui sotto."
    )
    assert chapters(text) == [
        (None, "Apertura"),
        (None, "Il tema del giorno"),
        (None, "Le domande"),
    ]


def test_takeaways_under_a_heading_inline_and_as_sentence_bullets() -> None:
    headed = read_structure(["Pontos-chave:", "1. Durma mais.", "2. Beba água.", "Outro texto."])
    assert headed.takeaways == ["Durma mais.", "Beba água."]
    inline = read_structure(
        [
            "The hosts walk through the week in a long paragraph that goes on for a while and "
            "says little of note about anything in particular. Key takeaways Sleep is a skill: "
            "it can be practised. Light matters: get it early in the day. Rest is work: plan it."
        ]
    )
    assert inline.takeaways == [
        "Sleep is a skill: it can be practised.",
        "Light matters: get it early in the day.",
        "Rest is work: plan it.",
    ]
    bullets = read_structure(
        [
            "  • The guest explains why small teams ship faster than large ones today.",
            "  • She argues that most meetings could be replaced by a written note.",
            "  • Also: read the book.",
        ]
    )
    assert len(bullets.takeaways) == 3
    links = read_structure(
        ["GUESTS:", "  • Ana Ruiz, who explains why teams ship faster than before."]
    )
    assert links.takeaways == []


def test_an_empty_takeaways_heading_is_a_doubt() -> None:
    assert read_structure(["Key takeaways", "Transcript", "Hello."]).doubts == [
        "a takeaways heading with no list under it"
    ]


def test_quotes_set_apart_but_not_reported_speech() -> None:
    found = read_structure(
        [
            "「夜空は誰にでも平等に開かれている場所だと思う」- 山田",
            "« Le silence est la moitié de la conversation »",
            "— Une auditrice",
            "1) “Build the smallest thing that could possibly work.”",
            "She said “this is a sentence inside prose” and moved on.",
            "> Good tools disappear",
            "> into the work.",
        ]
    )
    assert [q.text for q in found.quotes] == [
        "夜空は誰にでも平等に開かれている場所だと思う",
        "Le silence est la moitié de la conversation",
        "Build the smallest thing that could possibly work.",
        "Good tools disappear into the work.",
    ]
    assert found.quotes[0].speaker == "山田"
    assert found.quotes[1].context == "Une auditrice"


def test_quotes_under_a_quotes_heading() -> None:
    found = read_structure(["Zitate", "Man lernt nie aus.", "– Oma Erna", "Weniger ist mehr."])
    assert [(q.text, q.speaker) for q in found.quotes] == [
        ("Man lernt nie aus.", "Oma Erna"),
        ("Weniger ist mehr.", None),
    ]


@pytest.mark.parametrize(
    ("line", "expected", "wording"),
    [
        ("hace 3 días", datetime(2026, 11, 29, 12, tzinfo=UTC), "hace 3 días"),
        ("vor 3 Tagen", datetime(2026, 11, 29, 12, tzinfo=UTC), "vor 3 Tagen"),
        ("3日前", datetime(2026, 11, 29, 12, tzinfo=UTC), "3日前"),
        ("3일 전", datetime(2026, 11, 29, 12, tzinfo=UTC), "3일 전"),
        ("il y a 3 jours", datetime(2026, 11, 29, 12, tzinfo=UTC), "il y a 3 jours"),
        ("· 14 de marzo de 2025", datetime(2025, 3, 14, tzinfo=UTC), "14 de marzo de 2025"),
        ("2024/5/7", datetime(2024, 5, 7, tzinfo=UTC), "2024/5/7"),
        # beside the date: a byline, a reading time, an episode number, a section, a time of day
        (
            "By Jane Doe · July 15, 2025 · 5 min read",
            datetime(2025, 7, 15, tzinfo=UTC),
            "July 15, 2025",
        ),
        (
            "Le 3 mars 2025 à 14h30 · 5 min de lecture",
            datetime(2025, 3, 3, tzinfo=UTC),
            "3 mars 2025",
        ),
        (
            "January 06, 2023 Buzzsprout Episode 93",
            datetime(2023, 1, 6, tzinfo=UTC),
            "January 06, 2023",
        ),
        ("Season 2 · Ep. 4 · 12 Mar 2025", datetime(2025, 3, 12, tzinfo=UTC), "12 Mar 2025"),
        (
            "Posted July 15, 2025 in Engineering, Platform",
            datetime(2025, 7, 15, tzinfo=UTC),
            "July 15, 2025",
        ),
        ("Jane Doe | March 3, 2025 at 10:42 am", datetime(2025, 3, 3, tzinfo=UTC), "March 3, 2025"),
        ("3. März 2025 um 9:05 Uhr", datetime(2025, 3, 3, tzinfo=UTC), "3. März 2025"),
        (
            "Released Thursday, 18th April 2024",
            datetime(2024, 4, 18, tzinfo=UTC),
            "18th April 2024",
        ),
        ("2025년 3월 3일 · 5분 읽기", datetime(2025, 3, 3, tzinfo=UTC), "2025년 3월 3일"),
    ],
)
def test_date_line(line: str, expected: datetime, wording: str) -> None:
    assert date_line(["Some title", line], AS_OF) == (expected, wording)


def test_no_date_line_in_prose_or_the_future() -> None:
    assert date_line(["On March 3, 2024 we recorded a very long conversation."], AS_OF) is None
    assert date_line(["March 3, 2031"], AS_OF) is None
    # a time alone, a length, a number with other digits beside the date: no date line
    assert date_line(["10:42"], AS_OF) is None
    assert date_line(["Episode 5 · 41 min"], AS_OF) is None
    assert date_line(["By Reader 2025-07-07 02:56:05 0 9K"], AS_OF) is None


PROSE = ["A line of the page's text, long enough to be prose and not a label of anything."] * 45


@pytest.mark.parametrize(
    ("tail", "expected", "wording"),
    [
        (["Mise en ligne", "23 mai 2019"], datetime(2019, 5, 23, tzinfo=UTC), "23 mai 2019"),
        (["Published: 2025-03-03"], datetime(2025, 3, 3, tzinfo=UTC), "2025-03-03"),
        (["Datum: 3. März 2024"], datetime(2024, 3, 3, tzinfo=UTC), "3. März 2024"),
        (["公開日：2024年3月3日"], datetime(2024, 3, 3, tzinfo=UTC), "2024年3月3日"),
        (["게시일", "2022.09.26"], datetime(2022, 9, 26, tzinfo=UTC), "2022.09.26"),
    ],
)
def test_a_labelled_date_anywhere_dates_the_page(
    tail: list[str], expected: datetime, wording: str
) -> None:
    # beyond the lines a date line is looked for in: only a publication label dates it there
    assert date_line([*PROSE, *tail], AS_OF) is None
    assert page_date([*PROSE, *tail], AS_OF) == (expected, wording)


def test_no_labelled_date_for_a_recording_a_future_or_a_wordless_label() -> None:
    assert page_date([*PROSE, "Enregistrements", "15 avril 2019"], AS_OF) is None
    assert page_date([*PROSE, "Published", "2031-01-01"], AS_OF) is None
    assert page_date([*PROSE, "Published", "soon"], AS_OF) is None
    assert page_date([*PROSE, "Publishedness: 2024-01-01"], AS_OF) is None
