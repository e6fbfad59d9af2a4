"""Relative ages and absolute dates, in English, French, Chinese and Korean."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from castdigest.text.dates import (
    find_absolute,
    find_relative,
    find_yearless,
    parse_absolute,
    parse_date,
    parse_relative,
)

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
        ("Thursday, 18th April 2024", datetime(2024, 4, 18, tzinfo=UTC)),
        ("2nd of May 2021", datetime(2021, 5, 2, tzinfo=UTC)),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hace 3 días", AS_OF - 3 * DAY),
        ("hace una semana", AS_OF - 7 * DAY),
        ("ayer", AS_OF - DAY),
        ("anteayer", AS_OF - 2 * DAY),
        ("hace 2 horas", AS_OF - timedelta(hours=2)),
        ("hace 1 año", datetime(2025, 11, 24, 12, tzinfo=UTC)),
        ("vor 3 Tagen", AS_OF - 3 * DAY),
        ("vor einem Monat", datetime(2026, 10, 24, 12, tzinfo=UTC)),
        ("vor 5 Minuten", AS_OF - timedelta(minutes=5)),
        ("gestern", AS_OF - DAY),
        ("vorgestern", AS_OF - 2 * DAY),
        ("2 settimane fa", AS_OF - 14 * DAY),
        ("3 ore fa", AS_OF - timedelta(hours=3)),
        ("un mese fa", datetime(2026, 10, 24, 12, tzinfo=UTC)),
        ("ieri", AS_OF - DAY),
        ("há 2 dias", AS_OF - 2 * DAY),
        ("há um mês", datetime(2026, 10, 24, 12, tzinfo=UTC)),
        ("ontem", AS_OF - DAY),
        ("3日前", AS_OF - 3 * DAY),
        ("2時間前", AS_OF - timedelta(hours=2)),
        ("3週間前", AS_OF - 21 * DAY),
        ("1ヶ月前", datetime(2026, 10, 24, 12, tzinfo=UTC)),
        ("2年前", datetime(2024, 11, 24, 12, tzinfo=UTC)),
        ("昨日", AS_OF - DAY),
        ("il y a deux jours", AS_OF - 2 * DAY),
        ("一天前", AS_OF - DAY),
        ("한 달 전", datetime(2026, 10, 24, 12, tzinfo=UTC)),
    ],
)
def test_ages_in_spanish_german_italian_portuguese_japanese(text: str, expected: datetime) -> None:
    assert parse_relative(text, AS_OF) == expected
    assert parse_date(text, AS_OF) == expected


def test_ages_glued_to_a_show_name_keep_their_wording() -> None:
    for line, show, wording in [
        ("Charla Abiertahace 3 días", "Charla Abierta", "hace 3 días"),
        ("Wissen am Morgen · vor 2 Wochen", "Wissen am Morgen · ", "vor 2 Wochen"),
        ("Ruta Norte2 settimane fa", "Ruta Norte", "2 settimane fa"),
        ("港の話3日前", "港の話", "3日前"),
    ]:
        age = find_relative(line, AS_OF)
        assert age is not None
        assert (line[: age.start], age.text) == (show, wording)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29 de marzo de 2022", datetime(2022, 3, 29, tzinfo=UTC)),
        ("publicado el 1 de enero del 2020", datetime(2020, 1, 1, tzinfo=UTC)),
        ("3. März 2024", datetime(2024, 3, 3, tzinfo=UTC)),
        ("Samstag, 16. Dezember 2019", datetime(2019, 12, 16, tzinfo=UTC)),
        ("3 marzo 2024", datetime(2024, 3, 3, tzinfo=UTC)),
        ("29 de março de 2022", datetime(2022, 3, 29, tzinfo=UTC)),
        ("23 mai 2019", datetime(2019, 5, 23, tzinfo=UTC)),
        ("15 aout 2025", datetime(2025, 8, 15, tzinfo=UTC)),
        ("2022年3月29日", datetime(2022, 3, 29, tzinfo=UTC)),
    ],
)
def test_absolute_dates_in_more_languages(text: str, expected: datetime) -> None:
    assert parse_absolute(text) == expected
    assert parse_date(text, AS_OF) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/01/2020", datetime(2020, 1, 14, tzinfo=UTC)),
        ("Veröffentlicht am 16.08.2019", datetime(2019, 8, 16, tzinfo=UTC)),
    ],
)
def test_all_number_dates_of_a_whole_field(text: str, expected: datetime) -> None:
    assert parse_absolute(text) is None  # not found inside running text: the order is unsure
    assert parse_date(text, AS_OF) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021/8/11", datetime(2021, 8, 11, tzinfo=UTC)),
        ("2026.11.15 · 34분", datetime(2026, 11, 15, tzinfo=UTC)),
        ("released 2026/11/05, re-aired later", datetime(2026, 11, 5, tzinfo=UTC)),
        ("조회수 56,231회  2026. 11. 20.  #전세", datetime(2026, 11, 20, tzinfo=UTC)),
    ],
)
def test_all_number_dates_with_the_year_first_are_found_anywhere(
    text: str, expected: datetime
) -> None:
    """Year, month, day: the one order all-number dates with a leading year are written in."""
    assert parse_absolute(text) == expected


def test_a_version_number_is_no_date() -> None:
    assert parse_absolute("castdigest v2026.11.15.3") is None


def test_words_that_only_end_like_an_age_are_not_one() -> None:
    assert find_relative("Notes from the harbor", AS_OF) is None
    assert find_relative("Episode 12: 3 days", AS_OF) is None
    assert parse_relative("hace días", AS_OF) is None


@pytest.mark.parametrize("language", [None, "en", "pl", "de"])
def test_a_dotted_date_puts_the_day_first_in_any_language(language: str | None) -> None:
    as_of = datetime(2026, 11, 24, tzinfo=UTC)
    assert parse_date("08.11.2026", as_of, language) == datetime(2026, 11, 8, tzinfo=UTC)
    assert parse_date("08.11.26", as_of, language) == datetime(2026, 11, 8, tzinfo=UTC)
    assert parse_date("31.02.2026", as_of, language) is None
    # slashes keep the language's order: month first in English
    slashed = parse_date("03/05/2025", as_of, "en")
    assert slashed == datetime(2025, 3, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("20. Nov.", "2026-11-20"),
        ("Nov 20", "2026-11-20"),
        ("20 de nov.", "2026-11-20"),
        ("11月20日", "2026-11-20"),
        ("11월 20일", "2026-11-20"),
        ("Dec 3", "2025-12-03"),  # not after the day it is read: last year's
        ("30. Feb.", None),
        ("Folge 12", None),
        ("20 min", None),
    ],
)
def test_a_day_and_a_month_without_the_year(text: str, day: str | None) -> None:
    as_of = datetime(2026, 11, 24, tzinfo=UTC)
    found = find_yearless(text, as_of)
    assert (found.when.date().isoformat() if found else None) == day
    assert (parse_date(text, as_of).date().isoformat() if day else parse_date(text, as_of)) == day


def test_a_month_glued_on_the_word_before_it_opens_a_date() -> None:
    # a section's name and the date run together in a text save
    found = find_absolute("PodcastsNovember 20, 2026")
    assert found is not None
    assert (found.start, found.text) == (8, "November 20, 2026")
    assert found.when.date().isoformat() == "2026-11-20"
    assert find_absolute("McDonald 20, 2026") is None  # no month inside
