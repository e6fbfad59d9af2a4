"""Listing layouts of blocks alike: runs of entries whose lines have the same kinds in the
same order, between blank lines (`blocks`), after the button each entry ends with, or as the
rows of a table saved line by line (`rows`); the kinds of a line ("t" text, "m" a length or a
date, "c" a button, "k" what every entry shows) and the shape a block's kinds make.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import pairwise

from castdigest.readers.chrome import chrome_kind, is_chrome, is_label, normalise
from castdigest.readers.line_dates import (
    clock_length,
    has_date,
    has_length,
    is_date_line,
    relative_age,
)
from castdigest.readers.listing_shapes import (
    MIN_BLOCKS,
    TITLE_MAX,
    Entry,
    date_alone,
    is_dated,
    lone_length,
)
from castdigest.readers.page_dates import without_time_of_day
from castdigest.readers.suggested import first_body, lists_own_episodes
from castdigest.readers.title_signals import without_markers
from castdigest.text.truncate import cjk_count

_BLOCK_LINES = (2, 6)  # lines of an entry's block (its buttons counted as one)
_BLOCK_CHROME = 4  # more lines a block may hold as buttons ("Escuchar", "Descargar MP3")
_BLOCK_TEXTS = 3  # text lines of an entry: its title, a name, a reference
_ROW_LINES = (3, 6)  # lines of a table's row saved line by line: a title, a date, a button
_CHROME_RUN = re.compile(r"[ck]{2,}")  # buttons, some of them every entry's ("Listen")
_META_RUN = re.compile(r"m{2,}")
_META_SHORT = 60  # characters of an entry's length or date line
_NUMERIC_SHORT = 24  # characters of a count or a date without its year
_NUMERIC_WORDS = 3
_NUMERIC_LETTERS = 10  # "1.204 escuchas"; a title has more
_META_LETTERS = 4  # letters beside a length ("47分钟 · 11/15") on a line of metadata alone
_ZERO_TIME = re.compile(r"^[\[(]?0{1,2}:00(?::00)?(?![\d:])")
_LONE_TIME = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?$")
_AS_OF = datetime(2000, 1, 1, tzinfo=UTC)  # only whether an age is there is asked
_KICKER = 60  # characters of a line every entry shows alike
_TAGS = 4  # short lines under an entry's date: its genres, a button
_SHORT_LINE = 24  # characters of a genre's or a button's line


def blocks(lines: list[str]) -> list[Entry]:
    """Entries of a run of blocks alike: three or more blocks in a row, between blank lines,
    whose lines have the same kinds in the same order (a title, perhaps its description, a
    length or a date, counters), as a channel's or a show's page lists its episodes ("EP86
    ..." / a description / "64分钟 · 2天前" / "1.8万"). Each block's first text line is its
    title; its other text lines are its body. An entry needs its length or date."""
    found = _alike_blocks(lines, _blocks(lines))
    if not found:  # no blank line parts the entries: the button that ends each one may
        parted = [_alike_blocks(lines, b) for b in _button_blocks(lines)]
        found = max(parted, key=len, default=[])
    if (
        found
        and first_body(lines[: found[0].title]) is not None
        and not lists_own_episodes(lines, found[0].title)  # a show's description above
    ):
        return []  # a body above (a paragraph, chapters): an episode's page and its suggestions
    return found


def _alike_blocks(lines: list[str], all_blocks: list[list[int]]) -> list[Entry]:
    """The entries of every run of `MIN_BLOCKS` blocks alike or more."""
    found: list[Entry] = []
    run: list[tuple[list[int], str]] = []  # blocks alike, each with its lines' kinds
    shape = ""
    first = 0  # where the run begins among the blocks
    kicker = _in_every_block(lines, all_blocks)
    for n, block in enumerate([*all_blocks, []]):
        kinds = _block_kinds(lines, block, kicker) if block else ""
        if kinds and _alike(_shape(kinds), shape):
            run.append((block, kinds))
            continue
        glued = _glued(lines, all_blocks[first - 1] if first else [], run, kicker) if run else []
        if len(glued) >= MIN_BLOCKS and _dated_run(lines, glued):
            found += [_block_entry(lines, b, k) for b, k in glued]
        run, shape, first = ([(block, kinds)], _shape(kinds), n) if kinds else ([], "", n + 1)
    return found


def _glued(
    lines: list[str],
    before: list[int],
    run: list[tuple[list[int], str]],
    kicker: frozenset[str],
) -> list[tuple[list[int], str]]:
    """The run, and its first entry glued under the page's header in the block `before` it,
    when that block ends with lines of the run's kinds (no blank line nor button parts them)."""
    size = len(run[0][0])
    if len(before) <= size:
        return run
    tail = before[-size:]
    kinds = _block_kinds(lines, tail, kicker)
    return [(tail, kinds), *run] if kinds and _alike(_shape(kinds), _shape(run[0][1])) else run


def dated_titles(lines: list[str], dated: Callable[[int], bool]) -> list[Entry]:
    """Entries of a title over its date (`dated`, by index) and a few short lines under it, its
    genres or a button, three or more in a row: a show's page of titles and dates alone
    ("Night Shift w/ Imogen Sato" / "London, 18.11.26" / "Spoken Word" / "Ambient")."""
    items = [i for i, line in enumerate(lines) if line.strip()]
    pairs = [
        (a, b)
        for a, b in pairwise(items)
        if dated(b) and not dated(a) and len(lines[a].strip()) > _SHORT_LINE
    ]
    runs: list[list[tuple[int, int]]] = []
    for a, b in pairs:
        last = runs[-1][-1] if runs else None
        between = [i for i in items if last is not None and last[1] < i < a]
        if (
            last is not None
            and len(between) <= _TAGS
            and all(len(lines[i].strip()) <= _SHORT_LINE for i in between)
        ):
            runs[-1].append((a, b))
        else:
            runs.append([(a, b)])
    best = max(runs, key=len, default=[])
    if len(best) < MIN_BLOCKS:
        return []
    first = best[0][0]
    # the page's own list: under its episodes heading, or with no body above it (an episode's
    # page may list others so, under its own body)
    if not lists_own_episodes(lines, first) and first_body(lines[:first]) is not None:
        return []
    return [Entry(title=a, meta=[b]) for a, b in best]


def rows(lines: list[str]) -> list[Entry]:
    """Entries of a table saved line by line, no blank line between its rows: rows of the same
    few lines (a broadcaster's board of replays: "124" / a title / "2026.11.21" / "Listen"),
    three or more, each with a date at the same place and one text line, its title."""
    found: list[Entry] = []
    for run in _runs(lines):
        kinds = _row_kinds(lines, run)
        for width in range(_ROW_LINES[0], _ROW_LINES[1] + 1):
            if entries := _row_entries(lines, run, kinds, width):
                found += entries
                break
    return found


def _runs(lines: list[str]) -> list[list[int]]:
    """Runs of non-blank lines long enough to hold rows."""
    return [b for b in _blocks(lines) if len(b) >= MIN_BLOCKS * _ROW_LINES[0]]


def _row_kinds(lines: list[str], run: list[int]) -> str:
    """A letter per line: "d" a date alone, "m" other metadata (a number, a length), "c" a
    button or a label (a short line shown on three rows or more too), "t" text."""
    shown = Counter(normalise(lines[i]) for i in run if len(lines[i]) <= _KICKER)
    kinds = []
    for i in run:
        s = lines[i].strip()
        if date_alone(without_time_of_day(s)):
            kinds.append("d")
        elif (kind := _line_kind(s)) == "t" and shown[normalise(s)] >= MIN_BLOCKS:
            kinds.append("c")
        else:
            kinds.append(kind)
    return "".join(kinds)


def _row_entries(lines: list[str], run: list[int], kinds: str, width: int) -> list[Entry]:
    """The rows of `width` lines that repeat their kinds, three or more, each with one text
    line and a date; they start where such repeating first does: at the table's first row (a
    menu above it repeats too, but with no date), past a length, which ends a row."""
    rows_of = width * MIN_BLOCKS

    def repeats(k: int) -> bool:
        row = kinds[k : k + width]
        return (
            kinds[k : k + rows_of - width] == kinds[k + width : k + rows_of]
            and row.count("t") == 1
            and "d" in row
        )

    start = next((k for k in range(len(kinds) - rows_of + 1) if repeats(k)), None)
    if start is None:
        return []
    # a length opens no row: "共41期" / "41" / title / … / date / "52:10" / "40" / …, the
    # length closes the row above it
    while (
        start + rows_of < len(kinds)
        and _length_line(lines[run[start + width]])
        and repeats(start + 1)
    ):
        start += 1
    end = start + width
    row = kinds[start : start + width]
    while end + width <= len(kinds) and kinds[end : end + width] == row:
        end += width
    last = kinds[end:]
    if last and row.startswith(last) and "t" in last and "d" in last:
        end = len(kinds)  # the last row, cut short where the page ends (its length not shown)
    entries = []
    for k in range(start, end, width):
        cells, kind = run[k : k + width], kinds[k : k + width]
        meta = [c for c, x in zip(cells, kind, strict=False) if x in "dm"]
        entries.append(Entry(title=cells[kind.index("t")], meta=meta))
    return entries


def _shape(kinds: str) -> str:
    """What blocks alike share: their kinds, a run of chrome lines as one (one entry shows
    three buttons, the next two: "Escuchar / Descargar MP3 / Notas (PDF)"), and a run of
    metadata lines as one (a date, a file's size and a length; the next without its size)."""
    return _META_RUN.sub("m", _CHROME_RUN.sub("c", kinds))


def _alike(shape: str, other: str) -> bool:
    """Blocks of the same shape, or of shapes that differ in one line after the title that
    reads as text in one and as a number in the other ("Jeremías 29:1-14" against
    "Lamentaciones 3:19-33": a reference, short or long)."""
    if len(shape) != len(other) or not shape:
        return False
    differ = [k for k, (a, b) in enumerate(zip(shape, other, strict=True)) if a != b]
    return not differ or (
        len(differ) == 1 and differ[0] > 0 and {shape[differ[0]], other[differ[0]]} == {"t", "m"}
    )


def _dated_run(lines: list[str], run: list[tuple[list[int], str]]) -> bool:
    """The run's metadata shows a length or a date somewhere (not only counts), and is no
    video's chapter panel (blocks of a title over a time from 0:00 on)."""
    meta = [lines[b[k]].strip() for b, kinds in run for k, kind in enumerate(kinds) if kind == "m"]
    if _ZERO_TIME.match(meta[0]):
        return False  # "0:00", "00:00 • 4min": a chapter's start
    return any(_metadata_alone(m) for m in meta)


def _blocks(lines: list[str]) -> list[list[int]]:
    """The indexes of the non-blank lines, grouped between blank lines."""
    out: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line.strip():
            out[-1].append(i)
        elif out[-1]:
            out.append([])
    return [b for b in out if b]


def _button_blocks(lines: list[str]) -> list[list[list[int]]]:
    """The non-blank lines grouped after each showing of a button, for every button shown
    `MIN_BLOCKS` times or more ("Play", "...mehr"): one of them may end every entry of a list
    that parts its entries with no blank line ("41:07" / "S03:E05" / "2 days ago" / title /
    teaser / "Play")."""
    shown = Counter(
        key
        for line in lines
        if 0 < len(line.strip()) <= _KICKER and is_chrome(line) and (key := normalise(line))
    )
    return [_parted(lines, button) for button, n in shown.items() if n >= MIN_BLOCKS]


def _parted(lines: list[str], button: str) -> list[list[int]]:
    """The non-blank lines grouped after each line that is `button` (normalised)."""
    out: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line.strip():
            out[-1].append(i)
            if len(line.strip()) <= _KICKER and normalise(line) == button:
                out.append([])
    return [b for b in out if b]


def _in_every_block(lines: list[str], blocks: list[list[int]]) -> frozenset[str]:
    """Short text lines shown alike in three blocks or more: a kicker ("Podcast | Show"), a
    genre ("Talk") or a button over or under each entry, furniture rather than its text."""
    seen: dict[str, int] = {}
    for block in blocks:
        if _BLOCK_LINES[0] <= len(block):  # a long one too: a header the first entry ends
            for key in {normalise(lines[i]) for i in block if len(lines[i]) <= _KICKER}:
                seen[key] = seen.get(key, 0) + 1
    return frozenset(k for k, n in seen.items() if n >= MIN_BLOCKS and k)


def _block_kinds(lines: list[str], block: list[int], kicker: frozenset[str]) -> str:
    """The kinds of a block's lines ("t" text, "m" a length or a date, "c" chrome), or ""
    when the block is no entry: too long, no text first among its texts, no length or date.
    `kicker`: lines every entry shows alike ("k": furniture, before its title too)."""
    if not _BLOCK_LINES[0] <= len(block) <= _BLOCK_LINES[1] + _BLOCK_CHROME:
        return ""
    kinds = "".join(
        "k" if normalise(lines[i]) in kicker else _line_kind(lines[i].strip()) for i in block
    )
    if len(_shape(kinds)) > _BLOCK_LINES[1]:
        return ""
    if (
        "m" not in kinds
        or not 1 <= kinds.count("t") <= _BLOCK_TEXTS
        or kinds.lstrip("k")[:1] == "c"
    ):
        return ""
    return kinds


def _length_line(line: str) -> bool:
    s = line.strip()
    return clock_length(s) is not None or lone_length(s) is not None


def _line_kind(s: str) -> str:
    if chrome_kind(s) == "download":
        return "c"  # "Download MP3": a number in it, but a button
    if len(s) <= _META_SHORT and (_numeric(s) or _metadata_alone(s)):
        return "m"
    if len(s) > TITLE_MAX or is_chrome(s) or is_label(s):
        return "c"
    return "t"


def _block_entry(lines: list[str], block: list[int], kinds: str) -> Entry:
    texts = [i for i, k in zip(block, kinds, strict=True) if k == "t"]
    meta = [i for i, k in zip(block, kinds, strict=True) if k == "m"]
    return Entry(title=texts[0], meta=meta, body=texts[1:])


def _numeric(s: str) -> bool:
    """A short line of a number and a word or two: a date without its year ("14 nov"), a
    count ("1.204 escuchas", "2.3만회")."""
    words = s.split()
    return (
        len(s) <= _NUMERIC_SHORT
        and len(words) <= _NUMERIC_WORDS
        and any(c.isdigit() for c in s)
        and sum(1 for w in words if not any(c.isdigit() for c in w)) <= 2
        and sum(c.isalpha() for c in s) + cjk_count(s) <= _NUMERIC_LETTERS  # CJK count two
    )


def _metadata_alone(s: str) -> bool:
    """A line of a length or a date and little else ("1:04:22", "2일 전", "64分钟 · 2天前",
    "47分钟 · 11/15"); a title holding a date ("【2月14日】 本郷和人さん") is none."""
    if _LONE_TIME.match(s) or lone_length(s) or is_dated(s):
        return True
    if has_date(s):
        # "October 7, 2026 • Season 3 • Episode 28": the date, and the episode's number
        if is_date_line(s) or is_date_line(" ".join(without_markers(s).strip(" ·•|").split())):
            return True
        age = relative_age(s, _AS_OF)
        return age is not None and len(age.text) >= len(s) / 2
    return has_length(s) and sum(c.isalpha() for c in s) <= _META_LETTERS
