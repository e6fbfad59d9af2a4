"""One entry of a listing read into a `RawEpisode`: the lines under its title (its
metadata, a title under a number or a date, a teaser over its length), its body and tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from castdigest.readers.chrome import is_chrome
from castdigest.readers.line_dates import (
    clock_length,
    has_date,
    has_length,
    length_seconds,
    without_clock_at,
)
from castdigest.readers.listing_kinds import (
    DATE_KINDS,
    dated_end,
    numeric_after_name,
    numeric_alone,
    show_before,
)
from castdigest.readers.listing_shapes import date_alone, lone_length
from castdigest.readers.listing_starts import (
    FULL_STOPS,
    MAX_TITLE,
    counted,
    line_above,
    teaser_like,
    title_like,
)
from castdigest.readers.markup import is_hashtag_line, parse_hashtags
from castdigest.readers.page_dates import (
    after_preposition,
    labelled_length_line,
    numeric_date,
    without_label_after,
    without_time_of_day,
)
from castdigest.readers.title_signals import numbers_only
from castdigest.text.dates import find_relative, find_yearless, without_weekday
from castdigest.text.normalize import fold
from castdigest.text.truncate import display_width

_BUTTONS = 3  # player buttons between a title and its length
_SHOW_SEPARATORS = ".:|-–—｜："
_SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？")
_BUTTON_LENGTH = re.compile(r"[（(]\s*((?:\d{1,2}:)?\d{1,2}:\d{2})\s*[)）]\s*$")
_BUTTON_WIDTH = 40  # width of a listen button with its length in brackets
_TEASER = 60  # display width (a CJK character counts two) at least of an entry's teaser


@dataclass
class RawEpisode:
    """One episode as found on the page, before interpretation."""

    title: str
    line: int  # 1-based
    duration: float | None = None
    captions: list[str] = field(default_factory=list)
    show: str | None = None
    published_text: str | None = None
    body: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def show_of(line: str, title: str) -> bool:
    """`line` is the show's name that opens `title` before a separator ("Ślady miasta" of
    "Ślady miasta. Dworzec, który …")."""
    rest = title[len(line) :] if line and title.startswith(line) else ""
    return len(rest) > 1 and rest[0] in _SHOW_SEPARATORS and bool(rest[1:].strip())


_LENGTHS_OVER = 3  # entries, at least, each under its length
_UNDER_TITLE = 4  # lines between an entry's title and its date: a teaser, its guests


def lengths_opening_entries(lines: list[str], kinds: dict[int, str | None]) -> dict[int, int]:
    """ "22:14 / Title / teaser / Nov 23, 2026": each entry's length over its title and its
    date closing it, three entries or more; the title's line -> the length's. The run tells
    itself by its ends: its first length has no date over it and its last date no length
    under it (where lengths close entries, "Title / teaser / date / 22:14", it is the
    reverse). Empty when the page has no such run."""
    lengths = [i for i, kind in kinds.items() if kind == "duration"]
    if len(lengths) < _LENGTHS_OVER:
        return {}
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    place = {i: k for k, i in enumerate(nonblank)}
    for first in sorted(lengths):
        k = place.get(first)
        if k is None or (k and kinds.get(nonblank[k - 1])):
            continue  # a date over it: the length closes the entry above
        found = _lengths_from(lines, kinds, nonblank, k)
        if len(found) >= _LENGTHS_OVER:
            return found
    return {}


def _lengths_from(
    lines: list[str], kinds: dict[int, str | None], nonblank: list[int], k: int
) -> dict[int, int]:
    """The run of "length / title / … / date" entries from the length at nonblank[k]."""
    found: dict[int, int] = {}
    while k + 1 < len(nonblank) and kinds.get(nonblank[k]) == "duration":
        title = nonblank[k + 1]
        if kinds.get(title) or not title_like(lines[title].strip()):
            break
        under = range(k + 2, min(k + 3 + _UNDER_TITLE, len(nonblank)))
        dated = next((n for n in under if kinds.get(nonblank[n])), None)
        if dated is None or kinds.get(nonblank[dated]) not in DATE_KINDS:
            break
        found[title] = nonblank[k]
        k = dated + 1
        parted = k < len(nonblank) and nonblank[k] != nonblank[dated] + 1
        if parted and kinds.get(nonblank[k]) == "duration":
            return {}  # blank lines part the entries, which tells where each begins
    if k < len(nonblank) and kinds.get(nonblank[k]) == "duration":
        return {}  # a length under the last date: it closes its entry, and so do the others
    return found


def lengths_over_titles(
    raws: list[RawEpisode], lines: list[str], kinds: dict[int, str | None], titles: list[int]
) -> None:
    """ "PODCAST / 52:18 / Title / Nov 23, 2026 / teaser": a length right over each title,
    under a label every entry shows, is that entry's, not the end of the entry above."""
    above = [line_above(lines, t) for t in titles]
    if len(raws) < 2 or not all(j is not None and kinds.get(j) == "duration" for j in above):
        return
    labels = [line_above(lines, j) for j in above if j is not None]
    shown = {lines[k].strip() for k in labels if k is not None}
    if len(labels) != len(raws) or len(shown) != 1:
        return  # one label over every entry's length ("PODCAST"), or not this layout
    for n, (raw, j) in enumerate(zip(raws, above, strict=True)):
        if j is None:
            continue
        if raw.duration is None:
            raw.duration = clock_length(lines[j].strip())
        if n and raws[n - 1].body[-2:] == [*shown, lines[j].strip()]:
            del raws[n - 1].body[-2:]  # the label and the length of the entry below


def over_teaser(
    raw: RawEpisode,
    lines: list[str],
    kinds: dict[int, str | None],
    span: tuple[int, int],
    as_of: datetime,
) -> list[str]:
    """The lines from under a title to its teaser, the start found over the metadata
    ("Title / Le 21/11/2026 / teaser / Durée : 00:42:18"): a date among them is the entry's;
    the others (the teaser) open its body."""
    body = []
    title, start = span
    for j in range(title + 1, start + 1):
        s = lines[j].strip()
        if kinds.get(j) == "age" and raw.published_text is None:
            read_age(raw, s, as_of)
        elif raw.published_text is None and date_alone(s):
            raw.published_text = s  # "Le 21/11/2026": read in the page's language
        elif s and not is_chrome(s):
            body.append(s)
    return body


def read_age(raw: RawEpisode, s: str, as_of: datetime) -> None:
    """The date of an entry's date line ("3 days ago", "Show · Nov 20, 2026", "20. Nov.",
    "23.11.2026", "2026/11/20(金)更新"), and the show's name before it."""
    s = without_label_after(without_clock_at(s))  # "Le 22/11/2026 à 10:31": its day
    s = after_preposition(s) or s
    age = find_relative(s, as_of) or dated_end(s) or find_yearless(s, as_of)
    if age is not None:
        raw.show = show_before(s[: age.start])
        raw.published_text = age.text
    elif numeric_alone(s):
        raw.published_text = without_weekday(s)  # read in the page's language
    elif written := numeric_after_name(s):
        raw.published_text = written  # "London, 18.11.26": where it was made, then when
    elif written := numeric_date(without_time_of_day(s)):
        raw.published_text = written  # "Madrid 20/11/2026 - 06:00 CET", the hour it aired


def title_under_date(
    raw: RawEpisode, lines: list[str], kinds: dict[int, str | None], i: int, end: int
) -> int:
    """ "Show / date / Title / Play / 56 min": when the start's metadata is a date alone and the
    line under it is followed, past buttons, by a length, that line is the title and the
    length its episode's; the start is the show's name over them. Returns where the body
    begins."""
    if raw.duration is not None or raw.published_text is None or i >= end:
        return i
    title = lines[i].strip()
    if not title or len(title) > MAX_TITLE or has_length(title) or has_date(title):
        return i  # a metadata line ("再生時間 14:52") the start's kinds do not know
    if not title_like(title) or teaser_like(title) or counted(title):
        # a button, a label, a byline, the entry's lede or teaser ("Title / date / lede /
        # Play / 56 min"), a field of its panel ("ゲスト：桐谷まひろ"), its tags or a count
        return i
    for j in range(i + 1, min(end, i + _BUTTONS + 2)):
        s = lines[j].strip()
        if kinds.get(j) == "duration":
            # "Title / date / Show | Site / Play / 31:05": the show's name, shown again, and the
            # length the title's (counted only here: a scan of the page's lines)
            if _shown(lines, title) > _shown(lines, raw.title):
                raw.show = raw.show or title
            else:
                raw.show, raw.title, raw.line = raw.title, title, i + 1
            raw.duration = clock_length(s) or lone_length(s)
            return j + 1
        if s and not is_chrome(s):
            break
    return i


def title_under_number(raw: RawEpisode, lines: list[str], i: int, end: int) -> int:
    """ "Folge 212 / date / 27 Min. / Title / teaser": an entry opened by its number alone has
    its title under the metadata; the number is its label. Returns where the body begins."""
    if i >= end or not numbers_only(raw.title):
        return i
    title = lines[i].strip()
    if not title or len(title) > MAX_TITLE or has_length(title) or has_date(title):
        return i
    if not title_like(title) or counted(title) or is_chrome(title):
        return i
    if not _over_teaser_line(title, lines, i + 1, end):
        return i  # the entry's teaser right under its metadata, the last of its lines
    raw.title, raw.line = title, i + 1
    return i + 1


def _over_teaser_line(title: str, lines: list[str], i: int, end: int) -> bool:
    """`title` (perhaps two short sentences, "Martinigansl, aber regional? Ein Besuch am
    Biohof") stands over a longer teaser ending in a full stop: a title, not the teaser."""
    under = next((lines[j].strip() for j in range(i, end) if lines[j].strip()), "")
    return (
        not title.endswith(FULL_STOPS)
        and len(under) > len(title)
        and under.rstrip('”“"»」』)').endswith(_SENTENCE_ENDS)
    )


def _shown(lines: list[str], line: str) -> int:
    """How many lines of the page read as `line` (a much longer line is not folded: folding
    keeps a line's length within a few characters)."""
    key = fold(line)
    return sum(1 for other in lines if len(other) < len(line) + 8 and fold(other) == key)


def length_under_teaser(raw: RawEpisode, rest: list[str]) -> list[str]:
    """ "Title / date / teaser / Listen / 27:48 min": a length alone or labelled under the
    entry's teaser, past its buttons only, is the entry's (`raw.duration`); `rest` without it."""
    shown = [k for k, s in enumerate(rest) if s]
    for k in shown:  # "▶ ポッドキャストで聴く（28:45）", "Listen (28:45)": a button and its length
        if seconds := _button_length(rest[k]):
            raw.duration = seconds
            return rest[:k] + rest[k + 1 :]
    if not shown or display_width(rest[shown[0]]) < _TEASER or has_length(rest[shown[0]]):
        return rest
    for k in shown[1 : _BUTTONS + 2]:
        # not a player's 0:00; a label before it ("再生時間 27:41")
        if seconds := length_seconds(rest[k]) or labelled_length_line(rest[k]):
            raw.duration = seconds
            return rest[:k] + rest[k + 1 :]
        if not is_chrome(rest[k]):
            break
    return rest


def _button_length(line: str) -> float | None:
    """Seconds of a listen button's length in brackets ("Listen (28:45)"), else None."""
    if display_width(line) > _BUTTON_WIDTH or not (m := _BUTTON_LENGTH.search(line)):
        return None
    return length_seconds(m.group(1)) or None


def take_body(raw: RawEpisode, lines: list[str]) -> None:
    """An entry's lines after its title and metadata: hashtag lines are its tags, the rest
    its body."""
    for s in lines:
        if is_hashtag_line(s):
            raw.tags += parse_hashtags(s)
        else:
            raw.body.append(s)
