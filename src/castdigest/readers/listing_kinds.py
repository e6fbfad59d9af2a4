"""The kind of each line of a listing page: an entry's metadata (its length, its date or its
age, a date and a length on one line, its captions, a date it stops being offered), or
nothing. Times that rise a few seconds apart are a transcript's cues, times from 0:00 that only
rise a chapter panel's starts, and a title named by its date is a title: none is metadata.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from statistics import median

from castdigest.readers.base import ReadContext
from castdigest.readers.heading_words import lists_tracks
from castdigest.readers.line_dates import clock_length, has_date, without_clock_at
from castdigest.readers.listing_shapes import is_dated, lone_length
from castdigest.readers.page_dates import (
    after_preposition,
    labelled_length_line,
    labelled_numeric_date,
    named_by_date,
    numeric_date,
    offered_until,
    opens_update,
    played_length,
    without_label_after,
    without_time_of_day,
)
from castdigest.text.dates import (
    Age,
    find_absolute,
    find_relative,
    find_yearless,
    parse_date,
    without_weekday,
)

_LABEL_WORDS = 3  # words of a place's or a show's name before an entry's date


_TRACK_LINES = 6  # lines of a playlist's track: its time, composer, work, performers, label
_CLOCK_TIME = re.compile(r"^\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d\s*$")  # "20:03": no seconds
_DATE_UNDER = 3  # lines under a title named by its date where the date shows alone


_CAPTIONS = re.compile(
    r"^[A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?(?:\s*/\s*[A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?)+$"
)


_WATCH = re.compile(
    r"^(?:watch with (?:captions|subtitles)|regarder avec (?:les )?sous-titres"
    r"|带字幕观看|帶字幕觀看|자막과 함께 보기|자막으로 보기)$",
    re.IGNORECASE,
)


_AGE_REST = 4  # words of a line beside its age (a show's name, "Published")
_MIN_CUES = 5


_MIN_CHAPTER_TIMES = 3


_CUE_STEP = 60.0  # seconds: a transcript's cue times rise by less


_META_LONGEST = 200  # characters of a metadata line, stripped


def meta_kind(line: str, as_of: datetime) -> str | None:
    if len(line) > _META_LONGEST and len(line.strip()) > _META_LONGEST:
        return None  # a body line: neither hashed nor kept by the cache
    return _meta_kind(line, as_of)


@lru_cache(maxsize=1 << 14)
def _meta_kind(line: str, as_of: datetime) -> str | None:
    s = line.strip()
    if not s or len(s) > _META_LONGEST:
        return None
    if clock_length(s) is not None or lone_length(s) or labelled_length_line(s):
        return "duration"  # "52:18", "52 min", "재생시간 52:18"
    if played_length(s):
        return "played"  # "Listen | 31:05": the player's button and what it plays
    if _CAPTIONS.match(s):
        return "captions"
    if _WATCH.match(s):
        return "watch"
    # "2026/11/20(金)更新": a date and its label after it; "Le 22/11/2026 à 10:31": and the
    # time of day it came out
    dated = without_label_after(without_clock_at(s))
    dated = after_preposition(dated) or dated
    if opens_update(s) and has_date(s):
        return "expiry"  # "Actualizat: 24.11.2026, 08:41": metadata, no date nor length of it
    if (day := without_time_of_day(dated)) != dated and labelled_numeric_date(day):
        kind = "published"  # "Publicat: 23.11.2026, 20:00": the hour it came out, no length
    elif is_dated(s):
        kind = "dated"  # a date and a length on one line
    elif (
        _mostly(s, find_relative(s, as_of))
        or dated_end(dated)
        or numeric_alone(dated)
        or _mostly(s, find_yearless(s, as_of))
        or numeric_after_name(s)
        or _after_show(s)
    ):
        kind = "age"  # "hace 2 días", "Nov 20, 2026", "15/11/2026", "20. Nov."
    elif labelled_numeric_date(without_clock_at(s)):
        # "publié le 21/11/2026", "Publié le 20/11/2026 à 06:00": an entry's, when several
        # show one
        kind = "published"
    else:
        return None
    # "Video verfügbar bis 21.11.2027, 23:59": metadata, but no date nor length of the episode
    return "expiry" if offered_until(s) else kind


def _mostly(line: str, age: Age | None) -> bool:
    """The line is that age and a few words around it ("3 days ago", "Show · hace 2 días"),
    not a title that holds one ("O padeiro que acorda às duas há 40 anos")."""
    if age is None:
        return False
    rest = line.replace(age.text, " ", 1)
    return sum(1 for w in rest.split() if any(c.isalpha() for c in w)) <= _AGE_REST


DATE_KINDS = frozenset({"age", "published"})


def date_lines(lines: list[str], ctx: ReadContext) -> Callable[[int], bool]:
    """Whether a line is a date on its own, perhaps after a place ("London, 18.11.26")."""
    kinds = line_kinds(lines, ctx.as_of)
    return lambda i: kinds.get(i) in DATE_KINDS


def numeric_after_name(s: str) -> str | None:
    """The all-number date ending a line after a place's name and a comma, a dateline
    ("London, 18.11.26"), as written; else None. (A name before "·" is a byline's: "Anja
    Kessler · 20.11.2026" stands under its title as the player's card.)"""
    written = numeric_date(s)
    if written is None or not s.endswith(written):
        return None
    lead = s[: -len(written)].rstrip()
    if not lead.endswith(","):
        return None
    words = lead.rstrip(",").split()
    return written if 0 < len(words) <= _LABEL_WORDS else None


def _after_show(s: str) -> bool:
    """The show's name, then the date in figures and perhaps the hour it aired, set off by
    bars ("Brandenburg-Magazin | Sa 21.11.2026 | 10:05 Uhr")."""
    name, _, rest = s.partition(" | ")
    words = name.split()
    return (
        bool(rest)
        and 0 < len(words) <= _LABEL_WORDS
        and not any(c.isdigit() for c in name)
        and numeric_alone(rest.replace(" | ", " "))
    )


def numeric_alone(s: str) -> bool:
    """An all-number date alone on its line, perhaps after its weekday ("ma 23.11.2026") or
    before its time of day ("21/11/2026 - 13:00 h CET")."""
    day = without_weekday(without_time_of_day(s))
    return numeric_date(day) == day


_TAIL = 80  # characters at a line's end where a date and its time of day are looked for


META_PARTS = re.compile(r"\s+[|·•]\s+")


def show_before(text: str) -> str | None:
    """The show's name before a date ("Harbor Notes · 3 days ago"): set off by a separator,
    or of two words or more; a word alone against the date is its weekday ("Mardi 17 ...")."""
    name = text.strip(" ·•|-—")
    if not name or (len(name.split()) == 1 and not text.rstrip().endswith(tuple("·•|-—"))):
        return None
    return name


def dated_end(line: str) -> Age | None:
    """An absolute date ending the line ("Signal Path2026-11-20", "Show · Nov 20, 2026"),
    perhaps with its time of day ("Mardi 17 novembre 2026 à 10:06")."""
    line = line.rstrip()
    line = line[:-_TAIL] + without_time_of_day(line[-_TAIL:])  # the end alone is read
    found = find_absolute(line[-40:])
    if found is None or not line.rstrip().endswith(found.text):
        return None
    start = len(line) - len(line[-40:]) + found.start
    return Age(start=start, text=found.text, when=found.when)


def line_kinds(lines: list[str], as_of: datetime) -> dict[int, str | None]:
    """The metadata kind (or None) of every non-blank line, by index. Times that rise a few
    seconds apart are a transcript's cues, not episode durations."""
    kinds = {i: meta_kind(line, as_of) for i, line in enumerate(lines) if line.strip()}
    _date_played(kinds)
    times = [(i, clock_length(lines[i].strip())) for i, k in kinds.items() if k == "duration"]
    if _are_cues([t for _, t in times if t is not None]):
        for i, _ in times:
            kinds[i] = None
    for i in _chapter_starts(times):
        kinds[i] = None
    for i, t in times:
        if t == 0:
            kinds[i] = "position"  # a player's, before it plays: no episode lasts 0:00
    for i in _named_by_date(lines, kinds):
        kinds[i] = None
    for i in _airtimes(lines, times):
        kinds[i] = None
    for i in _same_hour(lines, kinds):
        kinds[i] = "age"
    return kinds


_SAME_HOUR = 3  # dated lines, at least, that show one time: the hour a programme airs at
_HOUR = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")


def _same_hour(lines: list[str], kinds: dict[int, str | None]) -> list[int]:
    dated = [i for i, kind in kinds.items() if kind == "dated"]
    return dated if one_hour(lines, dated) else []


def one_hour(lines: list[str], dated: list[int]) -> bool:
    """Dates that each show the same time ("19/11/2026 - 14:00", "12/11/2026 - 14:00"): the
    hour the programme airs at, every week, not each edition's length."""
    if len(dated) < _SAME_HOUR:
        return False
    shown = {tuple(_HOUR.findall(lines[i])) for i in dated}
    return len(shown) == 1 and len(next(iter(shown))) == 1


_PLAYED_ENTRIES = 2  # entries dated over their player's button and length


def _date_played(kinds: dict[int, str | None]) -> None:
    """A player's button and its length under an entry's date ("Tue Nov 24 2026 - 06:00" /
    "Listen | 31:05") is the entry's length; under a segment's heading it is the segment's
    ("Why tamales cost more" / "Listen 21:05"), no entry's; and one under a date alone is
    the page's own player."""
    dated: list[int] = []
    above: str | None = None
    for i, kind in kinds.items():
        if kind == "played":
            kinds[i] = None
            if above in DATE_KINDS:
                dated.append(i)
        above = kind
    if len(dated) >= _PLAYED_ENTRIES:  # one is an episode page's own player, not a listing
        kinds.update(dict.fromkeys(dated, "duration"))


def _airtimes(lines: list[str], times: list[tuple[int, float | None]]) -> list[int]:
    """The clock times a radio programme's playlist shows under its heading ("Gespeelde
    muziek" / "20:03" / composer / work / performers / "20:14" …), as long as they rise and
    each track's lines are few: when each track aired, not episodes' lengths."""
    out: list[int] = []
    for heading in (i for i, line in enumerate(lines) if lists_tracks(line)):
        last, at = -1.0, heading
        for i, t in times:
            if i <= heading:
                continue
            if t is None or t < last or i - at > _TRACK_LINES or not _CLOCK_TIME.match(lines[i]):
                break
            out.append(i)
            last, at = t, i
    return out


def _named_by_date(lines: list[str], kinds: dict[int, str | None]) -> list[int]:
    """Titles that name their episode by its date ("Notti Lunghe del 19 novembre 2026"), over
    that date alone a few lines down: the entry's title, not its metadata."""
    nonblank = list(kinds)
    out = []
    for k, i in enumerate(nonblank):
        if kinds[i] != "age" or not named_by_date(lines[i]):
            continue
        found = find_absolute(lines[i])
        for j in nonblank[k + 1 : k + 1 + _DATE_UNDER]:
            if kinds[j] in {"age", "dated"} and found and _same_date(found, lines[j]):
                out.append(i)
                break
    return out


def _same_date(found: Age, line: str) -> bool:
    """`line` shows the date `found` is, in its words or another wording ("November 19th,
    2026" over "November 19, 2026 11:05 am")."""
    if found.text in line:
        return True
    other = find_absolute(line)
    if other is not None:
        return other.when.date() == found.when.date()
    # "23/11/2026" or "11/23/2026": the same day, whichever way the page writes it
    when = found.when + timedelta(days=1)
    return any(
        (read := parse_date(line.strip(), when, order)) is not None
        and read.date() == found.when.date()
        for order in ("en", "fr")
    )


def _chapter_starts(times: list[tuple[int, float | None]]) -> list[int]:
    """Lines of times from 0:00 that only rise, three or more: a chapter panel's starts under
    each chapter's title (a video page's "Chapters"), not episodes' lengths (no episode lasts
    0:00). The times after such a run (related videos' lengths) are left as they are."""
    out: list[int] = []
    run: list[tuple[int, float]] = []
    for i, t in [*times, (-1, None)]:
        if t is not None and (t == 0 if not run else t > run[-1][1]):
            run.append((i, t))
            continue
        if len(run) >= _MIN_CHAPTER_TIMES:
            out += [j for j, _ in run]
        run = [(i, t)] if t == 0 else []
    return out


def _are_cues(times: list[float]) -> bool:
    if len(times) < _MIN_CUES:
        return False
    steps = [b - a for a, b in pairwise(times)]
    rising = [step for step in steps if step >= 0]
    return len(rising) >= 0.8 * len(steps) and median(rising or [0.0]) < _CUE_STEP
