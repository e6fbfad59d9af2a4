"""Durations and timestamps: "1:24:44", "14:47", "[01:00:22]", "PT1H2M", "3725", "[17, 21]"."""

from __future__ import annotations

import math
import re

_CLOCK = re.compile(r"^\s*\[?\s*(?:(\d{1,3}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?\s*\]?\s*$")
_ISO = re.compile(r"^P(?:T)?(?:(\d{1,9})H)?(?:(\d{1,9})M)?(?:(\d{1,9}(?:\.\d{1,9})?)S)?$", re.I)
_PAIR = re.compile(r"^\s*\[\s*(\d{1,3})\s*,\s*(\d{1,2})\s*\]\s*$")


def as_seconds(value: object) -> float | None:
    """A number of seconds (a JSON number or numeric text) that is finite and not negative;
    None for anything else (NaN, infinity, -5, "12a", True)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except (ValueError, OverflowError):  # an int too large for a float overflows
        return None
    return number if math.isfinite(number) and number >= 0 else None


def parse_duration(text: str | None) -> float | None:
    """Seconds in a clock, ISO 8601, `[m, s]` pair or plain-seconds duration; None if none,
    or if the number is not finite or negative."""
    if text is None:
        return None
    text = text.strip()
    if not text:
        return None
    if m := _CLOCK.match(text):
        hours, minutes, seconds, frac = m.groups()
        whole = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
        return whole + (int(frac) / 10 ** len(frac) if frac else 0.0)
    if m := _PAIR.match(text):
        return int(m.group(1)) * 60 + int(m.group(2)) * 1.0
    if (m := _ISO.match(text)) and any(m.groups()):
        h, mi, s = m.groups()
        return int(h or 0) * 3600 + int(mi or 0) * 60 + float(s or 0)
    return as_seconds(text) if len(text) <= 40 else None


def format_duration(seconds: float | None) -> str:
    """ "1:24:44" or "14:47": the form people write."""
    if seconds is None:
        return ""
    total = round(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
