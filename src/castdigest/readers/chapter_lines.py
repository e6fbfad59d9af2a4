"""Chapter lists of saved pages: timestamps in the forms people write them.

One time per line, before or after the title: `[00:00] Intro`, `(00:00) Intro`,
`00:00 - Intro`, `0:00:00 Intro`, `00:00 | Intro`, `02:01. Intro`, `Intro (0:00)`,
`Intro - 12:40`; a time alone on the line before or after its title, or with the chapter's
length after it (`03:12 • 14min`); several chapters glued
on one line ("00:00 Intro 03:12 Pricing 10:40 ..." or "Intro (00:36) Pricing (17:30)"), also
run into a paragraph. A title broken over two lines ("· Long title for" / "Creators (1:31)")
is joined.

Consecutive chapter lines make a run. A run is a chapter list when it is not a transcript:
not under a transcript heading, no cue times with fractions of a second ("00:01:29.980 |"),
not dense (many lines a few seconds apart), not repeated speaker labels ("Speaker 1 (00:07)"),
and its times mostly go forward. A single timed line counts only under a chapters heading.
A player line such as `00:00:00 / 01:50:32` names no chapter.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from castdigest.models import Chapter
from castdigest.readers.heading_words import heading_kind, joiner_words
from castdigest.readers.length_units import alternation
from castdigest.readers.page_dates import labelled_length_line, without_time_of_day
from castdigest.text.dates import find_absolute
from castdigest.text.sentences import split_sentences

# Not inside a longer number, date or decimal ("2.10:00", "12/10:30"); after a sentence's end
# or an ellipsis it may be glued on ("...for you...00:00:00 - Intro").
# (a colon may follow the time before its title: "19:00: Dana Whitebird on …")
_TIME = re.compile(
    r"(?<![\d:/,])(?<!\d\.)(?P<t>(?:\d{1,2}:)?\d{1,3}:\d{1,2})(?P<frac>[.,]\d{1,3})?"
    r"(?!\d|:\d|[.,]\d)"
)
# a start in minutes and seconds marked so, opening a line ("4'35 : Les premières lances",
# "12′10″"): read as "4:35"
_MINUTES_MARKED = re.compile(r"^(\d{1,3})['’′](\d{2})[\"”″]?(?!\d)")
# a bullet, a number with its mark ("3.", "3)"), or a chapter's number before its start time
# ("3 03:09 Sponsor: Northbeam 01:47")
_BULLET = re.compile(
    r"^(?:[-*•·・▪●◦‣–—►▶▲△▼▽◆◇■□▸]+|\d{1,3}[.)]|\d{1,3}(?=\s+(?:\d{1,2}:)?\d{1,3}:\d\d))\s*"
)
_SEP = " \t-–—|:>»·•.,｜："
_OPEN = "[(（【"
_CLOSE = "])）】"
_HAS_LETTER = re.compile(r"[^\W\d_]")
# A date just before a time makes it a time of day: "2025.05.03 14:22", "03/05/2025 14:22".
_DATE_WIDTH = 16  # characters: "2025.05.03, " and a little more
_DATE_BEFORE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\.?,?\s*$")
_SENTENCE_END = re.compile(r"(?:[.!?。！？…]+[\"'”’»)]*\s+|[.!?。！？]+|[^\W\d_](?=[A-Z][a-z]))")
_MAX_TITLE = 200
# a glued list's first segment, named before a colon and untimed ("Introduction: Hovland …")
_OPENING = re.compile(r"^(?P<t>[^\W\d_][^:.!?\n]{1,38}):\s+[^\W\d_]")
_RANGE = frozenset({"-", "–", "—", "~", "〜", "～", "to"})  # between a span's two times
# A chapter's length after its start ("03:12 • 14min", "17:40 · 19 min", "0:00 • 1h 6m")
_SPAN_LENGTH = re.compile(
    r"^\s*[•·|–—-]\s*(?:\d{1,2}\s?(?:h|hr|hrs|std|時間|小时|시간)\s?)?"
    r"\d{1,3}\s?(?:m|min|mins|minutes?|minuten|分钟?|분)\.?\s*$",
    re.IGNORECASE,
)
_STOPS = (".", "!", "?", "。", "！", "？")
_MAX_PAIRED_TITLE = 120  # a line standing beside a lone time is its title when this short
_DENSE_GAP = 15.0  # seconds: cues of a transcript follow each other closer than chapters
_DENSE_COUNT = 8
_MIN_INSIDE = 2  # chapters starting within a lone span that make it a block's


# "3.40 Miten kello katosi?": a start written with a dot (Finnish, Danish, Norwegian)
_DOTTED = re.compile(r"^(\s*(?:\d{1,2}\.)?\d{1,2})\.(\d{2})(?=\s+[^\W\d_])")
_DOTTED_RUN = 3  # lines of dotted starts in a row, from 0.00, rising: a chapter list


def dotted_starts(lines: list[str]) -> list[str]:
    """`lines` with chapter starts written with dots ("0.00 Alkusanat" / "3.40 Miten …" /
    "12.15 …") written with colons, where three lines in a row or more open with one, from
    zero and rising: a decimal or a date never runs so. Other lines are as they were."""
    out = list(lines)
    run: list[tuple[int, float]] = []
    for i, line in enumerate([*lines, None]):
        m = _DOTTED.match(line) if line is not None else None
        value = _dotted_seconds(m) if m else None
        if value is not None and (run or value == 0) and (not run or value > run[-1][1]):
            run.append((i, value))
            continue
        if line is not None and not line.strip() and run:
            continue  # a blank line between the list's lines
        if len(run) >= _DOTTED_RUN:
            for k, _ in run:
                out[k] = _DOTTED.sub(lambda d: d[1].replace(".", ":") + ":" + d[2], out[k], 1)
        run = [(i, value)] if value == 0 else []
    return out


def _dotted_seconds(m: re.Match[str]) -> float | None:
    parts = [int(p) for p in m[1].strip().split(".")] + [int(m[2])]
    if any(p >= 60 for p in parts[1:]):
        return None
    return float(sum(p * 60**k for k, p in enumerate(reversed(parts))))


@dataclass
class Timed:
    start: float
    title: str
    cue: bool = False  # a time with fractions of a second: a transcript cue
    summary: str = ""  # the sentences after the first of a timed paragraph


@dataclass
class Item:
    """One non-blank line: its kind ("chap", "glued", "time", "text", "head"), its timed
    entries, and whether it carried a bullet."""

    index: int
    kind: str
    text: str
    entries: list[Timed] = field(default_factory=list)
    bullet: bool = False
    section: str | None = None
    since_heading: int = 99  # lines since the heading of its section
    time_first: bool = False  # its time opens it ("00:00 Intro"), not ends it ("Intro (0:00)")
    until: float | None = None  # a lone span's end ("00:00:00 - 00:50:00")


def seconds(token: str) -> float | None:
    parts = [int(p) for p in token.split(":")]
    if any(p >= 60 for p in parts[1:]) or (len(parts) == 3 and parts[1] >= 60):
        return None
    total = 0
    for p in parts:
        total = total * 60 + p
    return float(total)


def _clean(title: str) -> str:
    t = title.strip().lstrip(_SEP)
    # a separator ends no title, but a closing "»" ends one quoted ("« On a cru … »")
    t = t.rstrip(_SEP.replace("»", "") if "«" in t else _SEP).strip()
    if t[:1] in _OPEN and not any(c in t for c in _CLOSE):
        t = t[1:].strip()
    if t[-1:] in _CLOSE and not any(c in t for c in _OPEN):
        t = t[:-1].strip()
    return " ".join(t.split())


@lru_cache(maxsize=1)
def _minute_label() -> re.Pattern[str]:
    """A word for minutes before a start time ("Min. 01:40 – …", "Minuto 12:05"): units.json
    `minutes`, whole."""
    words = alternation("minutes")
    return re.compile(rf"^(?:{words})\.?\s*(?=(?:\d{{1,2}}:)?\d{{1,3}}:\d\d)", re.IGNORECASE)


def classify(index: int, line: str, section: str | None) -> Item:
    s = line.strip()
    if s[:1].isdigit() and _MINUTES_MARKED.match(s):  # most lines: the substitution is spared
        s = _MINUTES_MARKED.sub(r"\1:\2", s, count=1)
    bare = _BULLET.sub("", s, count=1)
    bare = _minute_label().sub("", bare, count=1)  # "Min. 01:40 – …": the time's word
    bullet = bare != s
    times = _times(bare)
    until = None
    if len(times) >= 2 and (spanless := _without_span_ends(bare, times)) != bare:
        if len(times) == 2:
            until = seconds(times[1].group("t"))
        bare = spanless  # "00:00 – 05:12 Intro": a chapter's start and end, one chapter
        times = _times(bare)
    item = Item(index=index, kind="text", text=bare, bullet=bullet, section=section)
    if not times or labelled_length_line(bare) is not None or without_time_of_day(bare) != bare:
        # no time; the episode's length ("Duration: 38:26"); a date's time of day ("퇴근러
        # 2026. 11. 21. 12:40", a comment's): no chapter
        return item
    rest = _TIME.sub(" ", bare)
    if len(times) == 1 and times[0].start() == 0 and _SPAN_LENGTH.match(rest):
        item.kind = "time"  # "03:12 • 14min": the start and the chapter's length
        item.entries = [_timed(times[0], "")]
        return item
    if not _HAS_LETTER.search(rest):
        if len(times) == 1 and not rest.strip(" []()（）【】.:-–—|"):
            item.kind = "time"
            item.entries = [_timed(times[0], "")]
            item.until = until  # a span alone on its line
        elif len(times) == 2 and rest.strip() in _RANGE and _rising(times):
            item.kind = "time"  # a chapter's span ("0:00 – 3:12"), its start is what counts
            item.entries = [_timed(times[0], "")]
            item.until = seconds(times[1].group("t"))
        return item  # a player line ("00:00:00 / 01:50:32") or a bare number row
    if len(times) == 1:
        return _undated(_single(item, bare, times[0]))
    if _with_length(bare, times):
        # "00:58 Welcome, Ines & Tomasz 02:11": the start, the title, the chapter's length
        return _single(item, bare[: times[1].start()].rstrip(" " + _SEP), times[0])
    item.entries = _glued(bare, times)
    item.kind = "glued" if len(item.entries) >= 2 else "text"
    return _undated(item)


_YEAR = re.compile(r"(?:19|20)\d\d")
_GLUED_WORD = re.compile(r"(?<=\d)(?=[A-Z][a-z])")  # "19 Nov 2026Updated 07:41"


def _undated(item: Item) -> Item:
    """No chapter when each time is a time of day before its date ("07:00, 19 Nov 2026",
    "07:00, 19 Nov 2026Updated 07:41, 19 Nov 2026": when an article came out and changed)."""
    if item.entries and all(_opens_dated(e.title) for e in item.entries):
        item.kind, item.entries = "text", []
    return item


def _opens_dated(title: str) -> bool:
    if _YEAR.search(title) is None:
        return False  # most titles: the date's scan is spared
    found = find_absolute(_GLUED_WORD.sub(" ", title))
    return found is not None and found.start == 0


def starts_at_time(line: str) -> bool:
    """The line starts a chapter at its time ("00:00 開場", "[00:12:40] Intro") or is a time
    alone: a line of a chapter list."""
    return classify(0, line, None).kind in ("chap", "time")


def _with_length(bare: str, times: list[re.Match[str]]) -> bool:
    """A line opening with a start time and ending with a second time, a title between:
    the chapter's start, its title and its length (or its end), one chapter."""
    return (
        len(times) == 2
        and times[0].start() == 0
        and times[1].end() == len(bare.rstrip())
        and _HAS_LETTER.search(bare[times[0].end() : times[1].start()]) is not None
    )


def _times(bare: str) -> list[re.Match[str]]:
    """The times in `bare` that can start a chapter: valid, and no time of day after a date."""
    return [
        m
        for m in _TIME.finditer(bare)
        if seconds(m.group("t")) is not None and not _after_date(bare, m.start())
    ]


def _without_span_ends(bare: str, times: list[re.Match[str]]) -> str:
    """`bare` less the second time of each span ("22:00～23:55", "0:00 – 5:12", "1:00 to
    2:30"): a span's end starts nothing."""
    out, at, prev = [], 0, None
    for m in times:
        between = bare[prev.end() : m.start()] if prev is not None else ""
        if prev is not None and between.strip() in _RANGE and _rising([prev, m]):
            out.append(bare[at : prev.end()])
            at, prev = m.end(), None
            continue
        prev = m
    return "".join(out) + bare[at:] if out else bare


def _rising(times: list[re.Match[str]]) -> bool:
    first, last = (seconds(m.group("t")) for m in times)
    return first is not None and last is not None and last > first


def _after_date(line: str, at: int) -> bool:
    """A date ends just before `at` (only the few characters a date takes are looked at: a
    line can be megabytes long)."""
    return _DATE_BEFORE.search(line, max(0, at - _DATE_WIDTH), at) is not None


def _timed(m: re.Match[str], title: str) -> Timed:
    return Timed(start=seconds(m.group("t")) or 0.0, title=title, cue=bool(m.group("frac")))


def _single(item: Item, bare: str, m: re.Match[str]) -> Item:
    before, after = bare[: m.start()], bare[m.end() :]
    if not before.strip(" " + _OPEN):
        title = _clean(after.lstrip("".join(_CLOSE)))
        item.kind, item.entries, item.time_first = "chap", [_timed(m, title)], True
        item.text = title
        text = " ".join(after.split())
        if len(title) > _MAX_PAIRED_TITLE and len(sentences := split_sentences(text)) > 1:
            # a timed paragraph ("00:05:00 In this section, ..."): its first sentence titles it
            first = sentences[0].lstrip(_SEP + "".join(_CLOSE))
            item.entries[0].title, item.entries[0].summary = first, " ".join(sentences[1:])
    elif not after.strip(" " + _CLOSE + ".,;〜～~"):  # "Intro（0:00〜）": from that time on
        title = _clean(before.rstrip(" " + _OPEN))
        if title:
            item.kind, item.entries = "chap", [_timed(m, title)]
            item.text = title
    return item


def _direction(bare: str, times: list[re.Match[str]]) -> bool:
    """True when each time comes before its title ("00:00 Intro 03:12 Pricing"), False when
    after ("Intro (00:36) Pricing (17:30)"), by a vote of the marks around the times."""
    before = after = 0
    for m in times:
        prev = bare[m.start() - 1] if m.start() else ""
        nxt = bare[m.end()] if m.end() < len(bare) else ""
        follow = bare[m.end() :].lstrip(" " + _CLOSE)[:1]
        if prev == "(" or m.end() == len(bare.rstrip(" )")):
            after += 1
        if nxt.isalpha():
            after += 1  # "...has now 00:54Jade talks": the next title is glued on
        if m.start() == 0 or prev == "[" or (prev and (prev.isalpha() or prev == ".")):
            before += 1
        if follow and follow in "-–—|:":
            before += 1
    return before >= after


_OPENING_WORDS = 5  # words telling an untimed first segment, at least


def _untimed_opening(lead: str, opening: re.Match[str], first: re.Match[str]) -> bool:
    """The words before a glued list's first time name and tell a segment of their own (not
    a heading over the list, "Chapters: 00:00 …"), and that time is past the start."""
    start = seconds(first.group("t"))
    told = lead[opening.end() - 1 :].split()
    return start is not None and start > 0 and len(told) >= _OPENING_WORDS


def _glued(bare: str, times: list[re.Match[str]]) -> list[Timed]:
    if len(times) == 2 and times[0].start() > 0 and times[1].end() < len(bare.rstrip(" )")):
        return []  # two times inside prose ("from 10:00 to 12:00 ..."), not a list
    entries: list[Timed] = []
    if _direction(bare, times):
        lead = bare[: times[0].start()]
        if (opening := _OPENING.match(lead)) and _untimed_opening(lead, opening, times[0]):
            # "Introduction: … 6:00: …": the segment before the first time starts the episode
            entries.append(Timed(start=0.0, title=opening.group("t").strip()))
        for k, m in enumerate(times):
            end = times[k + 1].start() if k + 1 < len(times) else len(bare)
            title = _clean(bare[m.end() : end].lstrip("".join(_CLOSE)))
            if k + 1 == len(times):
                title = _first_part(title)
            if title and len(title) <= _MAX_TITLE:
                entries.append(_timed(m, title))
        return entries
    # "This week: X (01:02), Y (13:47), and Z (26:30).": a sentence's list, after its lead-in
    sentence = False
    if len(times) >= 2:
        last = bare[times[-2].end() : times[-1].start()].rstrip(" " + _OPEN)
        last = _clean(last.lstrip(_CLOSE))
        sentence = _listed(last) != last
    for k, m in enumerate(times):
        begin = times[k - 1].end() if k else 0
        piece = bare[begin : m.start()].rstrip(" " + _OPEN)
        if k == 0:
            piece = _last_part(piece, sentence)
        title = _listed(_clean(piece.lstrip("".join(_CLOSE))))
        if title and len(title) <= _MAX_TITLE:
            entries.append(_timed(m, title))
    return entries


def _last_part(text: str, sentence: bool = False) -> str:
    """The title run into the paragraph before a glued list: after its last sentence end; in
    a sentence's list, after the lead-in that opens it ("This week: the battle for …")."""
    cut = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() < len(text.rstrip()):
            cut = m.end()
    lead = text.rfind(": ", cut) if sentence else -1
    return text[lead + 2 :] if lead >= 0 else text[cut:]


def _listed(title: str) -> str:
    """A title in a sentence's list less the word that joins it to the others ("and the slow
    death of the phone call (26:30)")."""
    first, _, rest = title.partition(" ")
    return rest if rest and first.casefold() in joiner_words() else title


def _first_part(text: str) -> str:
    """The last title of a glued list, without the paragraph run on after it."""
    if len(text) <= _MAX_PAIRED_TITLE:
        return text
    m = _SENTENCE_END.search(text, 1)
    return text[: m.start() + 1] if m else text[:_MAX_PAIRED_TITLE]


def _short_text(item: Item | None) -> bool:
    return (
        item is not None
        and item.kind == "text"
        and len(item.text) <= _MAX_PAIRED_TITLE
        and bool(_HAS_LETTER.search(item.text))
    )


def _player(items: list[Item], k: int) -> bool:
    """items[k] is a player's position at the start over its length ("00:00" / "1:08:45"),
    two lone times in a row, the first zero: it names no chapter and says nothing of where a
    chapter's title is (a chapter's span, "0:00" / "3:12" under its title, is told by the
    title above it)."""

    def zero_over_time(j: int) -> bool:
        return (
            0 <= j < len(items) - 1
            and items[j].kind == items[j + 1].kind == "time"
            and items[j].entries[0].start == 0
            and not all(
                j + n < len(items) and items[j + n].kind == "time" for n in (3, 4)
            )  # spans: "Intro" / "0:00" / "3:12", "Pricing" / "3:12" / "8:40"
        )

    return zero_over_time(k) or zero_over_time(k - 1)


def _block_span(items: list[Item], k: int) -> bool:
    """items[k] is a span alone on its line over chapters that start within it ("00:00:00 -
    00:50:00" over "00:05:00 ...", "00:10:00 ..."): a block of a long video's summary, no
    chapter of its own."""
    span = items[k]
    if span.until is None:
        return False
    start, inside = span.entries[0].start, 0
    for it in items[k + 1 :]:
        if it.until is not None:
            break  # the next block
        if it.entries and all(start <= e.start < span.until for e in it.entries):
            inside += 1
    return inside >= _MIN_INSIDE


def pair_lone_times(items: list[Item]) -> list[Item]:
    """A time alone on its line takes the short line beside it as its title: the line
    before when the first lone time follows one (not a heading), else the line after."""
    items = [it for k, it in enumerate(items) if not _block_span(items, k)]
    lone = [k for k, it in enumerate(items) if it.kind == "time" and not _player(items, k)]
    if not lone:
        return items
    first = lone[0]
    # a heading over the list ("Chapters" / "00:00" / "Intro") is no chapter's title
    title_before = (
        first > 0 and _short_text(items[first - 1]) and heading_kind(items[first - 1].text) is None
    )
    used: set[int] = set()
    for k in lone:
        j = k - 1 if title_before else k + 1
        if 0 <= j < len(items) and j not in used and _short_text(items[j]):
            entry = items[k].entries[0]
            entry.title = _clean(items[j].text)
            items[k].kind, items[k].text = "chap", entry.title
            used.add(j)
    return [it for j, it in enumerate(items) if j not in used]


def join_broken(items: list[Item]) -> list[Item]:
    """ "· A long title for" + "Creators (1:31)": a bulleted line without a time, then an
    unbulleted timed line, is one chapter broken over two lines."""
    out: list[Item] = []
    for it in items:
        prev = out[-1] if out else None
        if (
            it.kind == "chap"
            and not it.bullet
            and not it.time_first  # "00:00 Intro" opens its chapter: the line above is not it
            and prev is not None
            and prev.kind == "text"
            and prev.bullet
            and len(prev.text) + len(it.text) <= _MAX_TITLE
            and not prev.text.rstrip().endswith(_STOPS)  # the chapter above's summary
        ):
            entry = it.entries[0]
            entry.title = _clean(f"{prev.text} {entry.title}")
            it.bullet, it.text, it.index = True, entry.title, prev.index
            out[-1] = it
            continue
        out.append(it)
    return out


_SUMMARY_LINES = 3  # lines of a chapter's summary under its title, at most


def runs(items: list[Item]) -> list[list[Item]]:
    """Maximal stretches of consecutive timed lines; a glued line is a run of its own, and
    a change between cue times and plain times starts a new run."""
    found: list[list[Item]] = []
    current: list[Item] = []
    between = 0  # text lines since the run's last timed line
    for it in items:
        if it.kind == "chap" and (not current or current[-1].entries[0].cue == it.entries[0].cue):
            current.append(it)
            between = 0
            continue
        if current and it.kind == "text" and _summarised(current, it, between):
            between += 1  # a chapter's summary under its title, a line or few: the list goes on
            continue
        between = 0
        if current:
            found.append(current)
        current = [it] if it.kind == "chap" else []
        if it.kind == "glued":
            found.append([it])
    if current:
        found.append(current)
    return found


def _summarised(run: list[Item], line: Item, before: int) -> bool:
    """`line`, after `before` lines of it, may be the summary of the run's last chapter: its
    chapters have titles (a line of text under a bare time is not one), and the run is under
    a chapters heading or the line is a sentence (no chapter's title ends as one); a summary
    of several lines is of sentences."""
    last = run[-1]
    headed = last.section in {"chapters", "highlights"} and not before
    sentence = line.text.rstrip().endswith(_STOPS)
    return before < _SUMMARY_LINES and bool(last.entries[-1].title) and (headed or sentence)


def _entries(run: list[Item]) -> list[Timed]:
    return [e for it in run for e in it.entries]


def backwards(entries: list[Timed]) -> int:
    return sum(1 for a, b in pairwise(entries) if b.start < a.start)


def is_chapter_list(run: list[Item], headed: bool) -> bool:
    """Whether a run of timed lines is a chapter list (see the module's doc)."""
    entries = _entries(run)
    if not entries or any(it.section == "transcript" for it in run):
        return False
    if any(e.cue for e in entries):
        return False
    if len(entries) == 1:
        return headed and run[0].since_heading <= 2
    titles = [e.title.casefold() for e in entries]
    if len(entries) >= 3 and len(set(titles)) < 0.7 * len(titles):
        return False  # speaker labels ("Speaker 1 (00:07)"): turns of a transcript
    gaps = [b.start - a.start for a, b in pairwise(entries)]
    if len(entries) >= _DENSE_COUNT and statistics.median(gaps) <= _DENSE_GAP:
        return False
    return backwards(entries) * 3 <= len(gaps)


def chapter_lists(items: list[Item]) -> list[list[Timed]]:
    """The chapter lists among classified lines, in page order."""
    items = join_broken(pair_lone_times(items))
    lists: list[list[Timed]] = []
    for run in runs(items):
        section = run[0].section
        headed = section in {"chapters", "highlights"}
        if is_chapter_list(run, headed):
            lists.append(_entries(run))
    return lists


def as_chapters(entries: list[Timed]) -> list[Chapter]:
    return [Chapter(start=e.start, title=e.title, summary=e.summary or None) for e in entries]
