"""Durations and timestamps: "1:24:44", "14:47", "[01:00:22]", "PT1H2M", "3725", "[17, 21]"."""

from __future__ import annotations

import re

_CLOCK = re.compile(r"^\s*\[?\s*(?:(\d{1,3}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?\s*\]?\s*$")
_ISO = re.compile(r"^P(?:T)?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$", re.IGNORECASE)
_PAIR = re.compile(r"^\s*\[\s*(\d{1,3})\s*,\s*(\d{1,2})\s*\]\s*$")


def parse_duration(text: str | None) -> float | None:
    """Seconds in a clock, ISO 8601, `[m, s]` pair or plain-seconds duration; None if none."""
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
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value >= 0 else None


def format_duration(seconds: float | None) -> str:
    """ "1:24:44" or "14:47": the form people write."""
    if seconds is None:
        return ""
    total = round(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
