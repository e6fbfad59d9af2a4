"""Timed lines of a page: which are chapters, and where a time may stand."""

from __future__ import annotations

from castdigest.readers.chapter_lines import chapter_lists, classify, join_broken, pair_lone_times


def _entries(line: str) -> list[tuple[float, str]]:
    return [(e.start, e.title) for e in classify(0, line, None).entries]


def test_a_list_glued_after_an_ellipsis_starts_at_its_first_time() -> None:
    line = (
        "A spooky special for you...00:00:00 - The Lanterns - Night Bus (Live '09)"
        "00:03:10 - Marla Vee - Cold Hands (Demos '12)00:07:45 - The Quiet Ones - Last Call"
    )
    assert _entries(line) == [
        (0.0, "The Lanterns - Night Bus (Live '09)"),
        (190.0, "Marla Vee - Cold Hands (Demos '12)"),
        (465.0, "The Quiet Ones - Last Call"),
    ]


def test_a_time_after_a_digit_and_a_dot_is_part_of_a_number() -> None:
    # "2.10:00" and "12/10:30" are not times; "v3.05:00" neither.
    assert classify(0, "Prices rose 2.10:00 was the close, 12/10:30 the open", None).entries == []


def test_a_span_of_two_times_starts_one_chapter() -> None:
    assert _entries("00:00 - 05:12 Welcome to the harbour") == [(0.0, "Welcome to the harbour")]
    assert _entries("[12:30 – 18:05] Tides and moons") == [(750.0, "Tides and moons")]
    # a programme's slot on a weekly schedule: one time of day, not two chapters
    assert _entries("Lundi–vendredi 22:00～23:55") == [(1320.0, "Lundi–vendredi")]
    assert _entries("00:00 Welcome 03:12 Tides") == [(0.0, "Welcome"), (192.0, "Tides")]


def test_a_timed_paragraph_is_titled_by_its_first_sentence() -> None:
    line = (
        "00:05:00 In this section, Ada Lund describes how divers photograph the same forty dens "
        "every month. She notes that the first years of data were the hardest to compare."
    )
    [entry] = classify(0, line, None).entries
    assert (entry.start, entry.title) == (
        300.0,
        "In this section, Ada Lund describes how divers photograph the same forty dens "
        "every month.",
    )
    assert entry.summary == "She notes that the first years of data were the hardest to compare."


def test_a_summary_bullet_under_each_chapter_is_not_the_next_title_s_first_half() -> None:
    lines = [
        "00:00 Intro and our guest",
        "- The host says half the letters this month were about changing jobs.",
        "02:48 Three reasons people stay",
        "- Loss aversion, missing information and what others think.",
        "09:15 What your work is worth",
    ]
    items = join_broken([classify(k, line, "chapters") for k, line in enumerate(lines)])
    titles = [e.title for it in items if it.kind == "chap" for e in it.entries]
    assert titles == ["Intro and our guest", "Three reasons people stay", "What your work is worth"]
    broken = ["· A long title for", "Creators (1:31)"]  # a title broken over two lines
    joined = join_broken([classify(k, line, None) for k, line in enumerate(broken)])
    assert [e.title for it in joined for e in it.entries] == ["A long title for Creators"]


def test_the_episodes_length_and_a_dates_time_of_day_start_no_chapter() -> None:
    assert _entries("Duration: 38:26") == []
    assert _entries("Länge: 31:05") == []
    assert _entries("퇴근러 2026. 11. 21. 12:40") == []  # a comment's date and time
    assert _entries("Nov 20, 2026 5:30 AM") == []
    assert _entries("Intro 0:00") == [(0.0, "Intro")]


def test_chapters_with_summaries_of_a_few_sentences_are_one_list() -> None:
    lines = [
        "Detailed Summary",
        "00:00 Introduction and the water problem",
        "Ada introduces the episode and the drought in the valley this season.",
        "She asks whether a five-acre farm can afford the monitoring large growers use.",
        "03:12 Meet the co-op",
        "Luis describes how he began working with nine family farms in 2024.",
        "The co-op pooled a small grant to buy sensors and a shared cellular plan.",
        "09:47 How the sensors work",
        "The sensors measure soil moisture at two depths every fifteen minutes.",
    ]
    items = [classify(i, line, "summary") for i, line in enumerate(lines)]
    [found] = chapter_lists(items)
    assert [(e.start, e.title) for e in found] == [
        (0.0, "Introduction and the water problem"),
        (192.0, "Meet the co-op"),
        (587.0, "How the sensors work"),
    ]


def test_a_clip_after_a_label_and_its_title_does_not_join_the_chapters() -> None:
    lines = ["Chapters", "Intro", "0:00", "Who is Jonah?", "1:58", "Outro", "1:10:50"]
    lines += ["Clips", "Four relays lost to snow in one night", "Clipped by @fern · 0:42"]
    items = [classify(i, line, "chapters") for i, line in enumerate(lines)]
    found = chapter_lists(pair_lone_times(items))
    assert [e.title for e in found[0]] == ["Intro", "Who is Jonah?", "Outro"]
