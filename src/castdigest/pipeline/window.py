"""The window a digest covers: an ISO week in the newsletter's time zone, or a date range.

Apart from the build so that asking which week it is (`weekly` with nothing to build, `rank`)
does not import the ranker and the condenser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from castdigest.config import Settings
from castdigest.digest_ids import check_digest_id
from castdigest.errors import ConfigError

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


# --------------------------------------------------------------------------- windows


@dataclass(frozen=True)
class Window:
    id: str
    since: date  # first day, inclusive
    until: date  # last day, inclusive

    def bounds(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """[start, end) as instants: midnight of `since` to midnight after `until`, in `tz`."""
        start = datetime.combine(self.since, time(), tzinfo=tz)
        end = datetime.combine(self.until + timedelta(days=1), time(), tzinfo=tz)
        return start, end


def parse_week(text: str) -> Window:
    """ "2026-W48" -> the ISO week, Monday to Sunday; ValueError for anything else."""
    m = _WEEK.match(text.strip())
    if not m:
        raise ValueError(f"{text!r} is not an ISO week such as 2026-W48")
    year, week = int(m.group(1)), int(m.group(2))
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValueError(f"{text!r}: {year} has no week {week}") from None
    return Window(f"{year}-W{week:02d}", monday, monday + timedelta(days=6))


def week_of(moment: datetime, tz: ZoneInfo) -> Window:
    year, week, _ = moment.astimezone(tz).isocalendar()
    return parse_week(f"{year}-W{week:02d}")


def custom_window(since: date, until: date, digest_id: str | None = None) -> Window:
    if until < since:
        raise ValueError(f"--until {until} is before --since {since}")
    if digest_id is not None:
        check_digest_id(digest_id)
    return Window(digest_id or f"{since.isoformat()}--{until.isoformat()}", since, until)


def timezone(settings: Settings) -> ZoneInfo:
    try:
        return ZoneInfo(settings.newsletter.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"unknown time zone {settings.newsletter.timezone!r}",
            where="newsletter.timezone",
            hint="an IANA name such as Europe/Paris or UTC",
        ) from None


def choose_window(
    settings: Settings,
    *,
    week: str | None = None,
    since: date | None = None,
    until: date | None = None,
    as_of: datetime | None = None,
    digest_id: str | None = None,
) -> Window:
    """The window the options name: a week, a since/until range, or the week of `as_of`.

    ValueError (a usage mistake) when they conflict or do not parse.
    """
    tz = timezone(settings)
    if week and (since or until):
        raise ValueError("give either --week or --since/--until, not both")
    if week:
        win = parse_week(week)
    elif since or until:
        if not (since and until):
            raise ValueError("--since and --until go together")
        return custom_window(since, until, digest_id)
    else:
        win = week_of(as_of or datetime.now(UTC), tz)
    if digest_id is not None:
        check_digest_id(digest_id)
    return Window(digest_id, win.since, win.until) if digest_id else win
