"""Listing layouts told by shape, beside the channel layout of `listing.py`.

- metadata first: a line with a date and a length ("Oct 7, 2025 • 38min") comes BEFORE the
  title it belongs to, then the description;
- shown twice: each title is shown twice in a row (the heading and its link), then the
  description; no metadata at all;
- framed: an aggregator shows the show's name above and below the title, then a player line
  with the date and length ("Play Episode ... Oct 30, 2024 51:07"), see `unframe`.

Preambles (page headers, counters, menus), blank lines and footers are skipped: an entry is
only what its shape marks. A layout counts when it marks at least two entries, or one entry
with its metadata.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from castdigest.readers.chrome import is_chrome, is_label, normalise
from castdigest.readers.page_title import has_date, has_length
from castdigest.text.dates import find_absolute

_META_MAX = 100
_TITLE_MAX = 300
_TWICE_MIN = 10  # characters: shorter lines shown twice are buttons
_CLOCK = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?")
_AM_PM = re.compile(r"\b\d{1,2}:\d{2}\s?(?:[AaPp]\.?[Mm]\.?|Uhr)(?!\w)")
# A time of day right after a date: an hour and minutes, no seconds ("52:38" is a length).
_AT_TIME = re.compile(r"[\s,]*(?:at|à|um|a las|alle|às)?\s*(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")
_HEADER_SPAN = 10  # lines above a title in which the show's name shows in the page's header
_BYLINE = re.compile(r"^(?:by|par|por|von|di|door)\s", re.IGNORECASE)
_MINUTES = re.compile(
    r"(?:(?P<h>\d{1,2})\s?(?:h|hr|hrs|hours?|std|heures?|horas?|時間|시간)\s?)?"
    r"(?:(?P<m>\d{1,3})\s?(?:m|min|mins|minutes?|minuten?|分钟?|분))\b",
    re.IGNORECASE,
)


@dataclass
class Entry:
    title: int  # index of the title line
    meta: list[int] = field(default_factory=list)  # indexes of its metadata lines
    body: list[int] = field(default_factory=list)  # indexes of its other lines


def is_dated(line: str) -> bool:
    """A metadata line: a date and a length, short ("Oct 7, 2025 • 38min")."""
    s = line.strip()
    if not 0 < len(s) <= _META_MAX or _BYLINE.match(s):
        return False
    # the length first: its pattern is cheaper than finding a date in any language
    t = _CLOCK.sub(" ", s)  # a time of day is no length
    if not has_length(t):
        return False
    t = _AM_PM.sub(" ", t)
    found = find_absolute(t)
    if found is None:
        return has_length(t) and has_date(s)
    end = found.start + len(found.text)
    at = _AT_TIME.match(t, end)  # "2026. 11. 22. 21:14", "Nov 20, 2026 at 9:00": posted at
    return has_length(t[:end] + t[at.end() :] if at else t)


def minutes(line: str) -> float | None:
    """Seconds of a length in words ("38min", "1 hr 29 min", "1h 6m")."""
    m = _MINUTES.search(line)
    if not m:
        return None
    return (int(m.group("h") or 0) * 60 + int(m.group("m"))) * 60.0


def lone_length(line: str) -> float | None:
    """Seconds of a line that is only a length in words ("52 mins", "1 hour 4 mins", "45分")."""
    m = _MINUTES.fullmatch(line.strip().rstrip(".").strip())
    return (int(m.group("h") or 0) * 60 + int(m.group("m"))) * 60.0 if m else None


def _text(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= _TITLE_MAX and not is_chrome(s) and not is_label(s) and not is_dated(s)


def meta_first(lines: list[str]) -> list[Entry]:
    """Entries whose metadata line precedes the title."""
    items = [i for i, line in enumerate(lines) if line.strip()]
    entries: list[Entry] = []
    k = 0
    while k < len(items):
        if not is_dated(lines[items[k]]):
            k += 1
            continue
        j = k + 1
        while j < len(items) and not _text(lines[items[j]]) and not is_dated(lines[items[j]]):
            j += 1
        if j + 1 >= len(items) or not _text(lines[items[j]]) or is_dated(lines[items[j + 1]]):
            k = j
            continue
        entries.append(Entry(title=items[j], meta=[items[k]]))
        k = j + 1
    return _with_bodies(lines, entries, lambda e: e.meta[0])


def shown_twice(lines: list[str]) -> list[Entry]:
    """Entries whose title is shown twice in a row."""
    items = [i for i, line in enumerate(lines) if line.strip()]
    entries: list[Entry] = []
    for a, b in pairwise(items):
        s = lines[a].strip()
        twice = len(s) >= _TWICE_MIN and normalise(s) == normalise(lines[b]) and _text(s)
        if twice and (not entries or normalise(lines[entries[-1].title]) != normalise(s)):
            entries.append(Entry(title=a, meta=[b]))
    return _with_bodies(lines, entries, lambda e: e.title) if len(entries) >= 2 else []


def _with_bodies(
    lines: list[str], entries: list[Entry], first: Callable[[Entry], int]
) -> list[Entry]:
    """Each entry's body: its non-blank lines up to where the next entry begins."""
    begin = [first(e) for e in entries]
    for n, entry in enumerate(entries):
        end = begin[n + 1] if n + 1 < len(entries) else len(lines)
        taken = {entry.title, *entry.meta}
        entry.body = [
            i
            for i in range(entry.title + 1, end)
            if i not in taken and lines[i].strip() and not is_chrome(lines[i])
        ]
    return entries


def _comparable(a: str, b: str) -> bool:
    """Whether two lines may normalise alike: not when one is many times the other's length
    (normalising a long body line is the costly part)."""
    return len(a) <= 4 * len(b) + 40 and len(b) <= 4 * len(a) + 40


def unframe(lines: list[str], start: int) -> tuple[int, int | None]:
    """(title index, show index or None) for a title line found just above metadata: when the
    line above it repeats it shortly above, the start is the show's name framing the title."""
    above = [i for i in range(start - 1, max(-1, start - 8), -1) if lines[i].strip()][:2]
    framed = (
        len(above) == 2
        and _comparable(lines[above[1]], lines[start])
        and normalise(lines[above[1]]) == normalise(lines[start])
    )
    if framed and _text(lines[above[0]]):
        return above[0], start
    # "Title / Title / Show / date": the line right above is shown twice (a heading and the
    # player's copy), the line over the date is the show's name under it.
    twice = (
        len(above) == 2
        and normalise(lines[above[0]]) == normalise(lines[above[1]])
        and normalise(lines[above[0]]) != normalise(lines[start])
    )
    if (
        twice
        and _text(lines[above[0]])
        and len(lines[start].strip()) < len(lines[above[0]].strip())
    ):
        return above[0], start
    # "Show ... / Title / Show / date": the line over the date was shown higher up (the page's
    # header), the line above it is the title it frames.
    header = lines[max(0, start - _HEADER_SPAN) : above[-1]] if above else []
    shown = any(normalise(line) == normalise(lines[start]) for line in header)
    if shown and _text(lines[above[0]]) and not is_dated(lines[above[0]]):
        return above[0], start
    return start, None
