"""Line signals of saved pages, one by one: person cards, play counts, expiry dates,
footers that name the site first, headings with a qualifier, counters, show pages."""

from __future__ import annotations

import pytest

from castdigest.readers.chrome import chrome_kind
from castdigest.readers.heading_words import heading_kind, lists_episodes
from castdigest.readers.page_dates import offered_until
from castdigest.readers.page_title import pick_title
from castdigest.readers.suggested import lists_own_episodes
from castdigest.readers.title_signals import names_person, play_count, quoted_episode


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
