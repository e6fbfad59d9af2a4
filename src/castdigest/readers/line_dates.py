"""Whether a line holds a date, an age or a length, and whether it is little else: the
predicates the page readers share ("Oct 7, 2025", "hace 3 días", "38min", "52:38")."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache

from castdigest.readers.length_units import alternation, joining_words, unit_seconds
from castdigest.text.dates import Age, find_absolute, find_relative

_AS_OF = datetime(2000, 1, 1, tzinfo=UTC)  # only whether an age is there is asked
# Lines remembered per predicate: the readers ask of one line several times (entries, titles,
# doubts), and a regex over it costs more than a lookup.
_LINES = 1 << 14
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_LONE_LENGTH = 32  # characters of a line holding a length alone ("1 hour, 3 minutes, 8 seconds")
_LENGTH_ALONE = re.compile(r"^(?:\d{1,2}:\d{2}(?::\d{2})?|(?:\d+\s?[^\W\d_]{1,7}\.?\s?){1,3})$")
_DATE = re.compile(
    r"\b\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
    r"|\b[^\W\d_]{3,9}\.? \d{1,2}, \d{4}|\b\d{1,2}(?:st|nd|rd|th)?\s+[^\W\d_]{3,}\.?\s+\d{4}\b"
    r"|\b\d{4}年\d{1,2}月|\d{1,2}月\d{1,2}日"
)
_LENGTH = re.compile(rf"\d\s?(?:{alternation('hours', 'minutes', 'seconds')})\b", re.IGNORECASE)
# "om 20 uur", "à 20 h": the word before a time of day, a whole hour and its word
_AIRED = re.compile(
    rf"(?<![^\W_])(?:{alternation('at')})\s*(?:[01]?\d|2[0-4])(?:[:.h][0-5]\d)?\s?"
    rf"(?:{alternation('hours')})\b",
    re.IGNORECASE,
)
_TIME = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?![\d:])")
# "kl. 7:00", "à 20:00": a clock time after the word for "at" is a time of day
_AT_CLOCK = re.compile(
    rf"(?<![^\W_])(?:{alternation('at')})\s*(?:[01]?\d|2[0-4])[:.][0-5]\d(?![\d:])", re.IGNORECASE
)
_PARTS = re.compile(r"\s*[·•|]\s*|\s+[-–—]\s+")
_CLAUSES = re.compile(r"\s*[·•|,，]\s*|\s+[-–—]\s+")
# A time of day ending a part: "05h00", "10:00 Uhr", "5:00 PM", "오후 3:00", "kl. 05.00".
_CLOCK_END = re.compile(
    r"\s*(?:[午上下][前後后午]\s?|오[전후]\s?)?\d{1,2}[:h.]\d{2}(?::\d{2})?"
    r"(?:\s*(?:[ap]\.?m\.?|uhr|h))?\s*$",
    re.IGNORECASE,
)
# A player before it plays: its position at zero, then the episode's length.
_PLAYER_AT_START = re.compile(
    r"^(?:0{1,2}:00(?::00)?|-{1,2}:-{1,2})\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2}$"
)
# two clock times joined as a span, anywhere in a line ("2026年11月21日 21:00～21:45")
_SPAN = re.compile(
    r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?\s*[-–—~〜～]\s*\d{1,2}:\d{2}(?::\d{2})?(?![\d:])"
)
_CLOCK_SPAN = re.compile(r"^\s*\d{1,2}(?::\d{2}){1,2}\s*[-–—~〜～]\s*\d{1,2}(?::\d{2}){1,2}\s*$")
_ZERO_CLOCK = re.compile(r"^0{1,2}:00(?::00)?$")
_PLAYER_LINES = 80  # lines of the page's head where its player is
_PLAYER_WIDTH = 24
# A clock alone, perhaps with its unit ("27:48 min", "31:47 min.", "1:02:03 std."), casefolded
_CLOCK_ALONE = re.compile(
    r"^(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,2}):(?P<s>\d{2})"
    rf"(?:\s?(?:{alternation('hours', 'minutes')})\.?)?$"
)
_AMOUNT = re.compile(r"(\d{1,3})\s?([^\W\d_]{1,8}\.?)")
_AND = joining_words()  # "1 hr and 4 mins", "1 h et 4 min", "1 óra és 4 perc"
_UNITS = unit_seconds()
_HEAD_LENGTH_LINES = 40  # non-blank lines of a page's head where its length is shown
_META_LINE = 80  # characters of a metadata line ("Published Nov 5, 2026 · 42 min")
_BODY_LINE = 150  # characters of a paragraph: the page's body
_SHORTEST = 60  # seconds: a shorter "length" is a position or a clip's
_JOINING_WORDS = 2  # words between a day and its time ("a las", "à", "at", "um")
_JOINING_LETTERS = 5


@lru_cache(maxsize=_LINES)
def is_date_line(line: str) -> bool:
    """A line that is mostly a date ("March 29, 2022", "Released Thursday, 18th April 2024")."""
    s = line.strip()
    found = find_absolute(s)
    span = len(found.text) if found else 0
    if m := _DATE.search(s):
        span = max(span, len(m.group(0)))
    return span > 0 and span >= 0.4 * len(s)


def has_date(s: str) -> bool:
    """A date in the line, absolute ("Oct 7, 2025", "2021/8/11") or an age ("hace 3 días")
    that starts a word ("ieri" ends "stranieri": no age)."""
    if _DATE.search(s) or find_absolute(s):
        return True
    found = relative_age(s, _AS_OF)
    if found is None:
        return False
    at = s.find(found.text)
    return at <= 0 or not s[at - 1].isalpha() or bool(_CJK.match(found.text))


def relative_age(s: str, as_of: datetime) -> Age | None:
    """An age ("hace 3 días") ending the line or one of its parts ("3 days ago · 39 min"),
    perhaps before its time of day ("Publié hier à 05h00", "gestern, 10:00 Uhr")."""
    for part in _PARTS.split(s):
        if part.strip() and (found := find_relative(part.strip(), as_of)):
            return found
        if _CLOCK_END.search(part) and (aged := age_before_time(part, as_of)):
            return aged[1]  # "I går kl. 05.00 · 41 min.": the age and its time, a part
    if not _CLOCK_END.search(s):
        return None
    for part in _CLAUSES.split(s):  # a line with a time of day: "gestern, 10:00 Uhr"
        if aged := age_before_time(part, as_of):
            return aged[1]
    return None


def age_before_time(text: str, as_of: datetime) -> tuple[str, Age] | None:
    """(the text up to the age, the age) when `text` is an age and its time of day ("Publié
    hier à 05h00", "yesterday at 5:00 PM"): the words joining them ("à", "at", "a las") are
    dropped, a word or two. Without a time of day, the age ending `text`."""
    cut = _CLOCK_END.search(text)
    words = (text[: cut.start()] if cut else text).split()
    for drop in range(_JOINING_WORDS + 1):
        if drop and (len(words) <= drop or len(words[-drop]) > _JOINING_LETTERS):
            return None
        head = " ".join(words[: len(words) - drop]).rstrip(" ,;:")
        if head and (found := find_relative(head, as_of)):
            return head, found
    return None


def player_length(lines: list[str]) -> float | None:
    """Seconds the page's player shows as the episode's length, before it plays ("00:00 /
    27:14", "0:00 / 1:02:03"), among the page's first lines; None when none shows one."""
    shown = [line.strip() for line in lines[:_PLAYER_LINES] if line.strip()]
    for k, line in enumerate(shown):
        if len(line) > _PLAYER_WIDTH:
            continue
        if _PLAYER_AT_START.match(line):
            if length := clock_length(line.rsplit("/", 1)[1]):
                return length
            continue  # "0:00 / 0:00": a player not loaded (a read-aloud widget), no length
        # the two on lines of their own: "00:00" / "58:24"
        if (
            _ZERO_CLOCK.match(line)
            and k + 1 < len(shown)
            and (length := clock_length(shown[k + 1]))
        ):
            return length
    return None


_HOURS_A_DAY = 24
_LONGEST_AIRING = 6 * 60  # minutes of a programme's span of hours, at most


def head_length(lines: list[str]) -> float | None:
    """Seconds of the episode's length as its page shows it near the title: the player's, or
    a line of a length alone ("44 min", "28:16 min", "1 Std. 4 Min.") above the body's first
    paragraph, else the span of hours a programme airs in (`aired_span`); None when none is
    there."""
    if (length := player_length(lines)) is not None:
        return length
    shown = [line for line in lines[:_PLAYER_LINES] if line.strip()][:_HEAD_LENGTH_LINES]
    for n, line in enumerate(shown):
        if len(line) >= _BODY_LINE:
            shown = shown[:n]  # the body has begun: lengths below are others' (related, …)
            break
        if len(line) > _META_LINE or _CLOCK_SPAN.match(line):
            continue  # a span of two times ("00:00:00 - 00:50:00"): a section's, no length
        for part in _PARTS.split(line):  # "14. März 2025 · 48 Min.", "时长 1:05:20"
            seconds = _part_length(part)
            if seconds is not None and seconds >= _SHORTEST:
                return seconds
    return next((aired for line in shown if (aired := aired_span(line)) is not None), None)


def without_airing(line: str) -> str:
    """`line` without the span of hours a programme airs in ("Di, 18.11.2026 · 18:00 –
    19:00" -> "Di, 18.11.2026")."""
    if ":" not in line:
        return line  # most lines: the span's pattern is spared
    return _SPAN.sub(" ", line).strip(" ·•|,–—-")


def aired_span(line: str) -> float | None:
    """Seconds from the start to the end of the hours a dated line says a programme airs in
    ("2026年11月20日（金）22:00-22:55": 55 minutes), else None."""
    m = _SPAN.search(line)
    if m is None or not has_date(line):
        return None
    start, _, end = re.split(r"\s*([-–—~〜～])\s*", m.group(0), maxsplit=1)
    minutes = [int(t.split(":")[0]) * 60 + int(t.split(":")[1]) for t in (start, end)]
    span = (minutes[1] - minutes[0]) % (_HOURS_A_DAY * 60)  # past midnight ("23:30 - 00:15")
    return span * 60.0 if 0 < span <= _LONGEST_AIRING else None


def _part_length(part: str) -> float | None:
    """A length with its unit ("48 Min.", "58분"), after a label ("时长 1:05:20", "Dauer:
    48:30"), or a clock of hours ("1:05:20"); a bare "15:30" may be a time of day, "38:44"
    may not."""
    words = part.split()
    labelled = len(words) == 2 and not any(c.isdigit() for c in words[0])
    if labelled and (after := length_seconds(words[1])) is not None:
        return after
    seconds = length_seconds(part)
    if seconds is None:
        return None
    bare = part.strip()
    if _CLOCK_ALONE.match(bare) is None or bare.count(":") == 2:
        return seconds
    # "38:44": no hour of the day is 24 or more, so minutes and seconds
    return seconds if int(bare.split(":")[0]) >= _HOURS_A_DAY else None


def clock_length(line: str) -> float | None:
    """Seconds of a line that is a clock alone, perhaps with its unit ("52:38", "27:48 min")."""
    m = _CLOCK_ALONE.match(line.strip().casefold())
    if m is None:
        return None
    h, mm, ss = (int(g) if g else 0 for g in (m.group("h"), m.group("m"), m.group("s")))
    return h * 3600.0 + mm * 60 + ss


def length_seconds(line: str) -> float | None:
    """Seconds of a line that is a length alone: a clock ("52:38", "28:16 min") or numbers
    with units ("44 min", "1 Std. 4 Min.", "1h 6m", "45分"); None for anything else."""
    s = line.strip(" ·•|-–—").casefold()
    if not s or len(s) > _LONE_LENGTH:
        return None
    if (clock := clock_length(s)) is not None:
        return clock
    s = s.replace(",", " ")  # "47 minutes, 12 seconds"
    parts = _AMOUNT.findall(s)
    if not parts or any(w not in _AND for w in _AMOUNT.sub(" ", s).strip(" .,").split()):
        return None
    if s.split()[0] in _AND or s.split()[-1] in _AND:
        return None  # joins two amounts only
    units = [_UNITS.get(unit.rstrip(".")) for _, unit in parts]
    if any(u is None for u in units):
        return None
    return float(sum(int(n) * (u or 0) for (n, _), u in zip(parts, units, strict=True)))


def zero_clock(line: str) -> bool:
    """A player's position before it plays, alone on its line ("00:00", "0:00:00")."""
    return _ZERO_CLOCK.match(line.strip()) is not None


def without_clock_at(line: str) -> str:
    """`line` without a time of day after the word for "at" ("Le 22/11/2026 à 10:31" ->
    "Le 22/11/2026", "22. nov. 2026 kl. 7:00" -> "22. nov. 2026")."""
    return _AT_CLOCK.sub(" ", line).strip() if _TIME.search(line) else line


@lru_cache(maxsize=_LINES)
def has_length(s: str) -> bool:
    """A duration in the line: "38min", "1 hr 29 min", "52:38"; not the hour a programme
    airs at ("om 20 uur", "à 20 h", "kl. 7:00") or the span it airs in ("21:00～21:45")."""
    if _TIME.search(s):
        s = _AT_CLOCK.sub(" ", s)  # "22. nov. 2026 kl. 7:00": the time of day it came out
        s = _SPAN.sub(" ", s)  # "21:00～21:45": the hours it airs
        if _TIME.search(s):
            return True
    return _LENGTH.search(s) is not None and _LENGTH.search(_AIRED.sub(" ", s)) is not None


def length_alone(line: str) -> bool:
    """A line of a length alone ("52min", "1 Std. 4 Min.", "1:04:22"; not "7 min read")."""
    s = line.strip(" ·•|-–—")
    return 0 < len(s) <= _LONE_LENGTH and bool(_LENGTH_ALONE.match(s)) and has_length(s)


def has_time(s: str) -> bool:
    """A time in the line ("52:38", "1:04:22"): a length, a position or a time of day."""
    return _TIME.search(s) is not None
