"""Relative ages and absolute dates, in English, French, Chinese and Korean."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from castdigest.text.dates import find_relative, parse_absolute, parse_date, parse_relative

AS_OF = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("3 days ago", 3 * DAY),
        ("1 day ago", DAY),
        ("a day ago", DAY),
        ("yesterday", DAY),
        ("Yesterday", DAY),
        ("today", timedelta(0)),
        ("2 weeks ago", 14 * DAY),
        ("5 hours ago", timedelta(hours=5)),
        ("an hour ago", timedelta(hours=1)),
        ("10 minutes ago", timedelta(minutes=10)),
        ("il y a 3 jours", 3 * DAY),
        ("il y a 1 jour", DAY),
        ("il y a un jour", DAY),
        ("hier", DAY),
        ("avant-hier", 2 * DAY),
        ("il y a 2 semaines", 14 * DAY),
        ("il y a 4 heures", timedelta(hours=4)),
        ("3天前", 3 * DAY),
        ("3 天前", 3 * DAY),
        ("昨天", DAY),
        ("2周前", 14 * DAY),
        ("5小时前", timedelta(hours=5)),
        ("3일 전", 3 * DAY),
        ("어제", DAY),
        ("2주 전", 14 * DAY),
        ("6시간 전", timedelta(hours=6)),
    ],
)
def test_relative_ages(text: str, back: timedelta) -> None:
    assert parse_relative(text, AS_OF) == AS_OF - back
    assert parse_date(text, AS_OF) == AS_OF - back


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 months ago", datetime(2026, 9, 24, 12, tzinfo=UTC)),
        ("il y a 1 mois", datetime(2026, 10, 24, 12, tzinfo=UTC)),
        ("3个月前", datetime(2026, 8, 24, 12, tzinfo=UTC)),
        ("11개월 전", datetime(2025, 12, 24, 12, tzinfo=UTC)),
        ("1 year ago", datetime(2025, 11, 24, 12, tzinfo=UTC)),
        ("il y a 2 ans", datetime(2024, 11, 24, 12, tzinfo=UTC)),
    ],
)
def test_months_and_years_are_calendar_arithmetic(text: str, expected: datetime) -> None:
    assert parse_relative(text, AS_OF) == expected


def test_month_end_is_clamped() -> None:
    as_of = datetime(2026, 3, 31, tzinfo=UTC)
    assert parse_relative("1 month ago", as_of) == datetime(2026, 2, 28, tzinfo=UTC)


def test_age_glued_to_a_show_name() -> None:
    age = find_relative("Latent Spaceil y a 3 jours", AS_OF)
    assert age is not None
    assert ("Latent Spaceil y a 3 jours"[: age.start], age.text) == (
        "Latent Space",
        "il y a 3 jours",
    )
    assert age.when == AS_OF - 3 * DAY
    glued = find_relative("Signal Path3天前", AS_OF)
    assert glued is not None and glued.start == len("Signal Path") and glued.text == "3天前"
    assert find_relative("Signal Path2 weeks ago", AS_OF).text == "2 weeks ago"  # type: ignore[union-attr]


def test_whole_text_must_be_an_age_for_parse_relative() -> None:
    assert parse_relative("Latent Spaceil y a 3 jours", AS_OF) is None
    assert parse_relative("Latent Space", AS_OF) is None
    assert parse_relative("3 days", AS_OF) is None
    assert parse_date("", AS_OF) is None and parse_date(None, AS_OF) is None


def test_naive_reference_is_taken_as_utc() -> None:
    assert parse_relative("hier", datetime(2026, 11, 24)) == datetime(2026, 11, 23, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20", datetime(2026, 11, 20, tzinfo=UTC)),
        ("By someone 2025-07-07 02:56:05 0 9K", datetime(2025, 7, 7, 2, 56, 5, tzinfo=UTC)),
        ("2026-11-20T10:00:00Z", datetime(2026, 11, 20, 10, tzinfo=UTC)),
        (
            "2026-11-20T10:00:00+02:00",
            datetime(2026, 11, 20, 10, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("posted July 15, 2025", datetime(2025, 7, 15, tzinfo=UTC)),
        ("Nov 3rd, 2026", datetime(2026, 11, 3, tzinfo=UTC)),
        ("15 juillet 2025", datetime(2025, 7, 15, tzinfo=UTC)),
        ("1er décembre 2026", datetime(2026, 12, 1, tzinfo=UTC)),
        ("2025年7月15日", datetime(2025, 7, 15, tzinfo=UTC)),
        ("2025년 7월 15일", datetime(2025, 7, 15, tzinfo=UTC)),
    ],
)
def test_absolute_dates(text: str, expected: datetime) -> None:
    assert parse_absolute(text) == expected
    assert parse_date(text, AS_OF) == expected


def test_invalid_absolute_dates_are_none() -> None:
    assert parse_absolute("2026-13-45") is None
    assert parse_absolute("February 30, 2026") is None
    assert parse_absolute("no date here") is None


@given(st.integers(min_value=1, max_value=400), st.sampled_from(["days ago", "天前", "일 전"]))
def test_any_number_of_days_resolves_exactly(n: int, unit: str) -> None:
    text = f"{n} {unit}" if unit == "days ago" else f"{n}{unit}"
    assert parse_relative(text, AS_OF) == AS_OF - n * DAY
    assert parse_relative(f"il y a {n} jours", AS_OF) == AS_OF - n * DAY


@given(st.text(max_size=80))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    parse_date(text, AS_OF)
    find_relative(text, AS_OF)
