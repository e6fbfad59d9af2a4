"""Why a read of a saved page may be wrong: what the page's own shape says against it.

Readers call these after reading and put the reasons in `Episode.review_reasons`. Each check
compares what was read with what the page shows, in any language:

- episodes: entries marked by a line with both a date and a duration ("Oct 7, 2025 • 38min"),
  a title shown twice in a row (the heading and the link), or lines that start with one label
  and end with a time ("Listen: Show: Title (6:07)") are counted; fewer episodes
  read than entries shown is doubtful;
- chapters: a run of lines that each start or end with a time ("02:01. Intro", "Intro (1:31)")
  or a title with its time alone on the next line, when fewer chapters were read;
- navigation: a body made mostly of chrome lines, which also weigh much of its text;
- takeaways: a takeaways heading over lines of its own, when no takeaways were read.

A transcript's cue times (a time every few seconds, often alone on a line) are not chapters
and not episodes.
"""

from __future__ import annotations

import re
from itertools import pairwise
from statistics import median

from castdigest.models import Episode
from castdigest.readers.chapter_lines import starts_at_time
from castdigest.readers.chrome import chrome_kind, is_chrome, normalise
from castdigest.readers.heading_words import heading_kind
from castdigest.readers.line_dates import has_length
from castdigest.readers.listing_shapes import is_dated
from castdigest.readers.page_dates import (
    date_field,
    labelled_numeric_date,
    offered_until,
    opens_update,
    without_time_of_day,
)
from castdigest.readers.page_title import TITLE_UNCERTAIN

_TIME = r"\d{1,2}:\d{1,2}(?::\d{2})?"
_LEADING = re.compile(rf"^[\s\-–—•·*\[(]*({_TIME})(?:[.,]\d+)?[\])]?[.:\-–—|\s]\s*(\S.{{1,150}})$")
_TRAILING = re.compile(rf"^(.{{3,150}}?)\s*[\[(]({_TIME})[\])]\s*$")
# A clock time found from its colon: a scan for a literal is many times faster than one for
# a pattern that opens with a look-behind, which matters on a listing's long body lines.
_COLON_TIME = re.compile(r":\d{1,2}(?::\d{2})?(?![\d:])")
# "Listen: Show: Title (6:07)": one such line per episode a newsletter talks about
_LABELLED = re.compile(rf"^([^\W\d_]{{2,20}})\s?:\s+\S.{{3,200}}[\[(]{_TIME}[\])]$")
_LONE = re.compile(rf"^[\[(]?({_TIME})[\])]?$")
_TWICE_APART = 3  # items between two entries' titles shown twice
_RUN_GAP = 3  # lines between two timed lines of one list
_CUE_GAP = 20.0  # cue times a few seconds apart are a transcript's, chapters are further apart
_MIN_CHAPTERS = 3
_MIN_TWICE = 10  # characters: shorter lines shown twice are buttons, not titles
_NAV_SHARE = 0.5
_HEADING_MAX = 60  # characters of a heading's line
_NAV_TEXT = 0.4  # share of the characters: chrome lines are short, the page's text is not


def chapter_marks(lines: list[str]) -> int:
    """How many chapter-like lines the page shows: the longest run of timed lines whose times
    rise by more than a transcript's cues do (0 when there is none)."""
    runs: list[list[tuple[int, float]]] = []
    items = [ln.strip() for ln in lines if ln.strip()]
    player = _player_lines(items)
    for k, s in enumerate(items):
        if k in player:
            continue
        nxt = items[k + 1] if k + 1 < len(items) and k + 1 not in player else ""
        seconds = _time_of(s, nxt)
        if seconds is None:
            continue
        last = runs[-1][-1] if runs else None
        if last is None or k - last[0] > _RUN_GAP or seconds < last[1]:
            runs.append([])
        runs[-1].append((k, seconds))
    sizes = [len(run) for run in runs if _sparse([t for _, t in run])]
    for s in items:  # times glued into one line ("...Intro (0:45)...Wrap-up (12:10)")
        if s.count(":") < _MIN_CHAPTERS:
            continue  # fewer colons than a list's times: spare scanning a long line for them
        glued = [_seconds(t) for t in clock_times(s)]
        if len(glued) >= _MIN_CHAPTERS and _sparse(glued):
            sizes.append(len(glued))
    return max(sizes, default=0)


def _player_lines(items: list[str]) -> set[int]:
    """A player's position at zero over its length, a line each ("00:00:00" / "00:26:14"):
    no chapter's times."""
    out: set[int] = set()
    for k in range(len(items) - 1):
        here, under = _LONE.match(items[k]), _LONE.match(items[k + 1])
        if here and under and _seconds(here.group(1)) == 0 < _seconds(under.group(1)):
            out |= {k, k + 1}
    return out


def clock_times(s: str) -> list[str]:
    """The clock times in a line ("1:05", "0:12:40"): one or two digits before a colon, not
    part of a longer number or time."""
    out: list[str] = []
    for m in _COLON_TIME.finditer(s):
        colon = start = m.start()
        while start > 0 and colon - start < 2 and s[start - 1].isdigit():
            start -= 1
        if start == colon or (start > 0 and (s[start - 1].isdigit() or s[start - 1] == ":")):
            continue
        out.append(s[start : m.end()])
    return out


def _time_of(line: str, next_line: str) -> float | None:
    if chrome_kind(line) == "player":
        return None  # "00:00:00 / 01:05:20": the player's position, not a chapter
    if m := _LEADING.match(line):
        return _seconds(m.group(1))
    if m := _TRAILING.match(line):
        return _seconds(m.group(2))
    if not _LONE.match(line) and (m := _LONE.match(next_line)):
        return _seconds(m.group(1))  # a title with its time on the next line
    return None


def _seconds(time: str) -> float:
    """Seconds of "h:mm:ss" or "m:ss", unpadded parts included ("9:5" is 9 min 5 s)."""
    total = 0.0
    for part in time.split(":"):
        total = total * 60 + int(part)
    return total


def _sparse(times: list[float]) -> bool:
    gaps = [b - a for a, b in pairwise(times) if b > a]
    return not gaps or median(gaps) >= _CUE_GAP


def episode_marks(lines: list[str]) -> int:
    """How many episodes the page's shape shows (0 when it shows no listing)."""
    items = [ln.strip() for ln in lines if ln.strip()]
    # has_length first: it is a tenth of a date's cost, and most lines have no length; a
    # time of day after a date ("2026. 11. 22. 21:14", a comment's) is no length
    meta = _distinct(
        [
            (s, set(items[max(0, k - 1) : k] + items[k + 1 : k + 2]))
            for k, s in enumerate(items)
            if len(s) <= 120
            and has_length(s)
            and (is_dated(s) or date_field(s))  # "Released Nov 19 · 44 min": no year
            and not _dated_only(s)
        ]
    )
    twice = _shown_twice(items)
    labels: dict[str, int] = {}
    for s in items:
        if m := _LABELLED.match(s):
            labels[m.group(1).casefold()] = labels.get(m.group(1).casefold(), 0) + 1
    best = max(meta, twice, *labels.values(), 0)
    return best if best >= 2 else 0


def _distinct(metas: list[tuple[str, set[str]]]) -> int:
    """How many entries the metadata lines show, each with the lines beside it: an entry
    shown twice (a featured latest one, its title over its line there and under it in the
    list) counts once, the same line beside the same line."""
    kept: list[tuple[str, set[str]]] = []
    for line, near in metas:
        if not any(line == seen and near & beside for seen, beside in kept):
            kept.append((line, near))
    return len(kept)


def _dated_only(line: str) -> bool:
    """A date with a time of day, not a length: when it goes ("Video verfügbar bis
    21.11.2027, 23:59"), when it came out after a publication label ("Veröffentlicht:
    18.11.2026 06:00") or when the page changed; not another episode."""
    return (
        offered_until(line)
        or opens_update(line)  # "Actualizat: 24.11.2026, 08:41": when the page changed
        or labelled_numeric_date(without_time_of_day(line)) is not None
    )


def _shown_twice(items: list[str]) -> int:
    """Lines shown twice in a row, as a listing shows each entry's title (a heading and a
    link); pairs a line or two apart are one header's (a breadcrumb's end, then the title)."""
    seen: set[str] = set()
    last = -_TWICE_APART
    for k, (a, b) in enumerate(pairwise(items)):
        if (
            len(a) >= _MIN_TWICE
            and abs(len(a) - len(b)) <= _MIN_TWICE  # else not the same line: spare normalising
            and normalise(a) == normalise(b)
            and not is_chrome(a)
        ):
            if k - last >= _TWICE_APART:
                seen.add(normalise(a))
            last = k
    return len(seen)


def navigation_share(lines: list[str]) -> tuple[float, float]:
    """Shares of the non-blank lines, and of their characters, that are chrome."""
    items = [ln.strip() for ln in lines if ln.strip()]
    if not items:
        return 0.0, 0.0
    chrome = [s for s in items if is_chrome(s)]
    size = sum(len(s) for s in items)
    return len(chrome) / len(items), sum(len(s) for s in chrome) / size


def page_doubts(lines: list[str], episodes: list[Episode]) -> list[str]:
    """Reasons the page's shape gives to doubt `episodes` read from it (empty: none)."""
    reasons = count_doubts(lines, len(episodes))
    reasons += chapter_doubts(lines, sum(len(ep.chapters) for ep in episodes))
    if len(episodes) == 1:
        reasons += takeaway_doubts(lines, len(episodes[0].takeaways))
    if len(lines) >= 5 and _mostly_navigation(lines):
        reasons.append("body is mostly navigation")
    return reasons


def _mostly_navigation(lines: list[str]) -> bool:
    """Most lines are chrome and so is much of the text: an episode page's menus, buttons
    and footer outnumber its lines, but its paragraphs outweigh them."""
    by_lines, by_chars = navigation_share(lines)
    return by_lines > _NAV_SHARE and by_chars > _NAV_TEXT


def count_doubts(lines: list[str], read: int) -> list[str]:
    shown = episode_marks(lines)
    if shown <= read:
        return []
    verb = "was" if read == 1 else "were"
    return [f"the page's structure suggests {shown} episodes but {read} {verb} read"]


def unlike_entries(episodes: list[Episode]) -> list[str]:
    """Entries of a listing that show a date but no length, beside others that show a length
    but no date: a listing's entries show the same fields, so these may be one episode's page
    read with its clips, its tracks or the links under it."""
    dated = any(ep.published is not None and ep.duration is None for ep in episodes)
    timed = any(ep.duration is not None and ep.published is None for ep in episodes)
    if dated and timed:
        return ["the entries read show a date or a length, never alike: one episode's page?"]
    return []


def chapter_doubts(lines: list[str], read: int) -> list[str]:
    marks = chapter_marks(lines)
    if marks >= _MIN_CHAPTERS and read < marks:
        return [f"the page shows {marks} timed lines but {read} chapters were read"]
    return []


def takeaway_doubts(lines: list[str], read: int) -> list[str]:
    """A takeaways heading over lines of its own ("Key takeaways" / points), when none were
    read: the page's points were missed."""
    if read:
        return []
    for k, line in enumerate(lines[:-1]):
        if len(line) <= _HEADING_MAX and heading_kind(line) == "takeaways" and lines[k + 1].strip():
            if starts_at_time(lines[k + 1]):
                continue  # "本集重點：" over "00:00 開場": a chapter list under it
            return ["the page shows a takeaways section but no takeaways were read"]
    return []


def title_doubt(reason: str) -> bool:
    """A doubt about the title alone, settled when the page's metadata names the title."""
    return reason.startswith(TITLE_UNCERTAIN)


def add_reasons(episode: Episode, reasons: list[str]) -> Episode:
    if not reasons:
        return episode
    merged = list(dict.fromkeys([*episode.review_reasons, *reasons]))
    return episode.model_copy(update={"review_reasons": merged})
