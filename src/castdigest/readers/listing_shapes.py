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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from castdigest.readers.chrome import chrome_kind, is_chrome, is_label, lead_in, normalise
from castdigest.readers.heading_words import lists_episodes
from castdigest.readers.headings import title_cased
from castdigest.readers.length_units import alternation, unit_seconds
from castdigest.readers.line_dates import (
    has_date,
    has_length,
    is_date_line,
    length_alone,
    length_seconds,
    without_airing,
)
from castdigest.readers.page_dates import (
    labelled_length_line,
    named_by_date,
    numeric_date,
    without_hour_span,
    without_time_of_day,
)
from castdigest.readers.title_lines import running_text
from castdigest.readers.title_people import guest_line
from castdigest.readers.title_signals import (
    abbreviation,
    field_line,
    numbers_only,
    podcast_name,
    vocabulary,
)
from castdigest.readers.title_signals import numbered as title_numbered
from castdigest.text.dates import find_absolute
from castdigest.text.truncate import cjk_count, display_width

_META_MAX = 100
_BADGE = 2  # letters of a badge beside an entry's metadata
TITLE_MAX = 300
_TWICE_MIN = 10  # characters: shorter lines shown twice are buttons
MIN_BLOCKS = 3  # blocks alike in a row that make a listing
_TABLE_CELLS = 3  # cells of a table's row saved on one line, at least
_BUTTONS_UNDER = 4  # lines under an entry's body where its length may stand ("Play" / "23 min")
_DESCRIPTION = 100  # characters of the line under an entry's date that describes it
_CLOCK = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?")
_AM_PM = re.compile(
    r"\b\d{1,2}:\d{2}\s?(?:[AaPp]\.?[Mm]\.?|Uhr|h)(?!\w)|(?:[午上下][前後后午]|오[전후])\s?\d{1,2}:\d{2}"
)
# A time of day right after a date: an hour and minutes, no seconds ("52:38" is a length).
# posted at: "Nov 20, 2026 at 9:00", "23 Novembro 2026 — 07:40"
_AT_TIME = re.compile(r"[\s,–—-]*(?:at|à|um|a las|alle|às)?\s*(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")
_LABEL_WORDS = 4  # words of a show's name or a genre between a title and its date
_DATED_TITLE = 150  # characters of a title under its date
_HEADER_SPAN = 10  # lines above a title in which the show's name shows in the page's header
_BYLINE = re.compile(r"^(?:by|par|por|von|di|door)\s", re.IGNORECASE)
_MINUTES = re.compile(
    rf"(?:(?P<h>\d{{1,2}})\s?(?:{alternation('hours')})\.?,?\s?)?"
    rf"(?:(?P<m>\d{{1,3}})\s?(?:{alternation('minutes')}))\b",
    re.IGNORECASE,
)


@dataclass
class Entry:
    title: int  # index of the title line
    meta: list[int] = field(default_factory=list)  # indexes of its metadata lines
    body: list[int] = field(default_factory=list)  # indexes of its other lines
    show: str | None = None  # the show's name glued after the title ("<title> <show>")
    date: str | None = None  # the date after the title and a separator ("<title>: 11/23/26")
    text: str | None = None  # the title, when it is one cell of its line (a table's row)


_TIMED_ITEM = re.compile(r"(?:\d{1,2}[.)]\s+)?\d{1,2}:\d{2}(?::\d{2})?\s+(?=[^\W\d_])")
_ITEM_WORDS = 4  # words after a line's opening time that make it an item's title, not a date


def _item_title(rest: str) -> bool:
    """Words after a line's opening time that title an item, not its length's unit ("32:14
    min, aus Grenzgänge vom 20.11.2026")."""
    words = rest.split()
    return len(words) >= _ITEM_WORDS and words[0].rstrip(".,").casefold() not in unit_seconds()


@lru_cache(maxsize=1 << 14)
def is_dated(line: str) -> bool:
    """A metadata line: a date and a length, short ("Oct 7, 2025 • 38min")."""
    s = line.strip()
    if not 0 < len(s) <= _META_MAX or _BYLINE.match(s):
        return False
    if (m := _TIMED_ITEM.match(s)) and _item_title(s[m.end() :]):
        return False  # "1. 16:02 Boletín informativo (20 de noviembre)": a timed item's title
    # the length first: its pattern is cheaper than finding a date in any language
    t = without_hour_span(_CLOCK.sub(" ", s))  # a time of day is no length
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


@lru_cache(maxsize=1)
def _listening() -> re.Pattern[str]:
    """A word after a length saying it is the time to listen: units.json `listening`."""
    return re.compile(rf"(?<=[\w.])\s+(?:{alternation('listening')})\s*$", re.IGNORECASE)


_DIGIT = re.compile(r"\d")  # the patterns' digit (str.isdecimal), not str.isdigit


@lru_cache(maxsize=1 << 14)
def lone_length(line: str) -> float | None:
    """Seconds of a line that is only a length in words ("52 mins", "1 hour 4 mins", "45分"),
    perhaps saying it is the time to listen ("41 min listen")."""
    if _DIGIT.search(line) is None:
        return None  # every length has a number: the listening words' scan is spared
    line = _listening().sub("", line)
    m = _MINUTES.fullmatch(line.strip().rstrip(".").strip())
    if m:
        return (int(m.group("h") or 0) * 60 + int(m.group("m"))) * 60.0
    # with seconds too ("28m 41s", "1 h 2 min 5 s"): units, not a bare clock (a time of day)
    s = line.strip()
    return length_seconds(s) if any(c.isalpha() for c in s) else None


def _text(line: str) -> bool:
    s = line.strip()
    if not 0 < len(s) <= TITLE_MAX or lead_in(s):
        return False  # "Support for PBS provided by:" introduces what follows
    return not is_chrome(s) and not is_label(s) and not is_dated(s)


def meta_first(lines: list[str]) -> list[Entry]:
    """Entries whose metadata line precedes the title: a date and a length, or a date alone
    right over each title when three entries or more show it so (a blog-style archive:
    "Sat, 21 November 2026" / "KTC 97: ...")."""
    entries = _meta_first(lines, is_dated, adjacent=False)
    if len(entries) < 2:
        alone = _meta_first(lines, date_alone, adjacent=True)
        if len(alone) >= 2:
            # a date written as the entries' are opens an entry under theirs, whatever
            # closes the one above ("No audio available for this episode")
            forms = {_form(lines[e.meta[0]]) for e in alone}
            alike = _meta_first(
                lines,
                lambda line: date_alone(line) and _form(line) in forms,
                adjacent=False,
                since=alone[0].meta[0],
            )
            alone = alike if len(alike) > len(alone) else alone
        entries = alone if len(alone) >= MIN_BLOCKS else entries
    if len(entries) < 2 and (show := _dating_name(lines)):
        # "La Mappa | 21/11/2026" over each title: the show's name and the date, every entry
        named = _meta_first(lines, lambda line: _named_date(line) == show, adjacent=False)
        entries = named if len(named) >= MIN_BLOCKS else entries
    return _with_lengths(lines, _with_bodies(lines, entries, lambda e: e.meta[0]))


def _with_lengths(lines: list[str], entries: list[Entry]) -> list[Entry]:
    """Each entry's length alone on a line of its own under its teaser, past a button or two
    ("Play" / "23 min"), a line the body leaves out (a count's shape), added to its metadata."""
    for n, entry in enumerate(entries):
        end = entries[n + 1].meta[0] if n + 1 < len(entries) else len(lines)
        start = (entry.body[0] if entry.body else entry.title) + 1  # under its teaser
        near = range(start, min(end, start + _BUTTONS_UNDER))
        length = next(
            (i for i in near if length_alone(lines[i]) or labelled_length_line(lines[i])), None
        )  # "23 min", "再生時間 27:12"
        if length is not None and length not in entry.meta:
            entry.meta.append(length)
    return entries


_NAMED_TITLE = re.compile(r"^(?P<name>[^:|–—]{2,60}?)\s*[:|–—]\s+(?P<rest>\S.*)$")
_NAME_MAX = 60  # characters of a show's name shown alone
_SUFFIX_WORDS = 2  # words of a show's name glued after its episodes' titles, at least
_NAMED_DATE = re.compile(r"^(?P<name>[^|·•]{2,60}?)\s+[|·•]\s+(?P<date>\S.{0,40})$")


def _named_date(line: str) -> str | None:
    """The name before a date alone after a separator ("La Mappa | 21/11/2026"), or None."""
    if not ("|" in line or "·" in line or "•" in line):
        return None  # most lines: spare the pattern
    m = _NAMED_DATE.match(line.strip())
    return m.group("name") if m and date_alone(m.group("date")) else None


def _dating_name(lines: list[str]) -> str | None:
    """The name that opens three or more lines of a name and a date: the show's, over each of
    its entries."""
    names = Counter(
        name for line in lines if len(line) <= _META_MAX and (name := _named_date(line))
    )
    name, n = max(names.items(), key=lambda kv: kv[1], default=(None, 0))
    return name if n >= MIN_BLOCKS else None


def badge(s: str) -> bool:
    """A badge beside an entry's metadata ("E" for explicit, "HD"): never its title."""
    return 0 < len(s) <= _BADGE and s.isascii()


_NOTE_MARKS = ("※", "＊", "注：")  # a note's marks ("※この回は配信がありません。")


def _closes_entry(line: str) -> bool:
    """A line that ends the entry above, never a title over a date: a button with the
    entry's length ("▶ ポッドキャストで聴く（28:45）") or a note on it ("※この回は…")."""
    return (len(line) <= _META_MAX and has_length(line)) or line.startswith(_NOTE_MARKS)


def _opens_block(lines: list[str], date: int, title: int, shown: Counter[str]) -> bool:
    """The date opens its block (a blank line, the page's start or the list's heading above
    it) and the line under
    it is a title, not a sentence, perhaps under labels every entry shows (a kicker, "Podcast")
    or a badge of its own ("EXPLICIT"): a date under its title belongs to that title."""
    s = lines[title].strip()
    between = range(date + 1, title)
    above = lines[date - 1].strip() if date else ""
    return (
        all(
            shown[lines[i].strip()] >= _LABEL_REPEATS
            or is_chrome(lines[i])
            or badge(lines[i].strip())
            or length_alone(lines[i])
            for i in between
        )  # labels, buttons, or the entry's length ("Nov 20, 2026" / "E" / "01:04:12" / title)
        # a blank line, "Latest Episodes", the length or a button closing the entry above (not
        # a count: "赞210")
        and (
            not above
            or lists_episodes(above)
            or length_alone(above)
            or chrome_kind(above) == "interface words"
            or _closes_entry(above)
        )
        and len(s) <= _DATED_TITLE
        and (not _SENTENCE_END.search(s) or title_cased(s))  # a full stop ends a title so
    )


@lru_cache(maxsize=1 << 14)
def date_alone(line: str) -> bool:
    """A date alone on its line, perhaps with the hours it aired in ("Di, 18.11.2026 ·
    18:00 – 19:00")."""
    s = line.strip()
    if not 0 < len(s) <= _META_MAX or not any(c.isdigit() for c in s):
        return False  # a paragraph, or no number: every date has one, finding one costs more
    s = without_airing(s)
    return not has_length(s) and is_date_line(s)


def _form(line: str) -> str:
    """A line's form: its words and its numbers each as one mark ("Wed 18 Nov 2026" ->
    "a 0 a 0")."""
    return _NUMBERS.sub("0", _WORDS.sub("a", line.strip()))


_WORDS = re.compile(r"[^\W\d_]+")
_NUMBERS = re.compile(r"\d+")


def _meta_first(
    lines: list[str], meta: Callable[[str], bool], adjacent: bool, since: int = 0
) -> list[Entry]:
    items = [i for i, line in enumerate(lines) if line.strip() and i >= since]
    # A line every entry shows alike (a kicker, a "Podcast" label) is never its title.
    shown = Counter(lines[i].strip() for i in items)

    def title_at(i: int) -> bool:
        s = lines[i].strip()
        return shown[s] < _LABEL_REPEATS and _text(s) and not length_alone(s) and not badge(s)

    entries: list[Entry] = []
    k = 0
    while k < len(items):
        if not meta(lines[items[k]]):
            k += 1
            continue
        j = k + 1
        while j < len(items) and not title_at(items[j]) and not meta(lines[items[j]]):
            j += 1
        if (
            j >= len(items)
            or not title_at(items[j])
            or (j + 1 < len(items) and meta(lines[items[j + 1]]))
            or (adjacent and not _opens_block(lines, items[k], items[j], shown))
        ):
            k = j
            continue
        if k and title_at(items[k - 1]) and running_text(lines[items[j]].strip()):
            k = j + 1  # a title over its date, its teaser under them: the date is not over
            continue  # a title (a page's latest episode set apart over the list of all)
        lengths = [i for i in items[k + 1 : j] if length_alone(lines[i])]
        entries.append(Entry(title=items[j], meta=[items[k], *lengths]))
        k = j + 1
    return entries


def shown_twice(lines: list[str]) -> list[Entry]:
    """Entries whose title is shown twice in a row."""
    items = [i for i, line in enumerate(lines) if line.strip()]
    entries: list[Entry] = []
    for a, b in pairwise(items):
        s = lines[a].strip()
        twice = len(s) >= _TWICE_MIN and _same(s, lines[b]) and _text(s)
        if twice and (not entries or not _same(lines[entries[-1].title], s)):
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


def _same(a: str, b: str) -> bool:
    """Whether two lines normalise alike, without normalising a long line for nothing."""
    return _comparable(a, b) and normalise(a) == normalise(b)


def _shown_again(lines: list[str], start: int) -> bool:
    """The line is shown again a few lines under it, past its metadata: a title shown three
    times (a heading, a player's track, an item's card), not a show's name framing another
    line ("Title / Item Preview / Title / 52:31 / Title")."""
    return any(_same(lines[j], lines[start]) for j in range(start + 1, min(len(lines), start + 4)))


def _guest_of(lines: list[str], start: int) -> bool:
    """lines[start] names who is on, the page naming that person again ("Mit der
    Sozialpsychologin Dr. Miriam Lenhardt" / "19.11.2026"): a line under the title."""
    name = guest_line(lines[start])
    return name is not None and sum(1 for line in lines if name in line) >= 2


def unframe(lines: list[str], start: int) -> tuple[int, int | None]:
    """(title index, show index or None) for a title line found just above metadata: when the
    line above it repeats it shortly above, the start is the show's name framing the title."""
    above = [i for i in range(start - 1, max(-1, start - 8), -1) if lines[i].strip()][:2]
    if above and _same(lines[above[0]], lines[start]):
        # "Show / Title / Show / Show / date": the show's name twice over its date (its link
        # and its cover's text), framing the title with its copy over the title
        past = [i for i in range(above[0] - 1, max(-1, above[0] - 8), -1) if lines[i].strip()]
        if (
            len(past) >= 2
            and _same(lines[past[1]], lines[start])
            and not _same(lines[past[0]], lines[start])
            and _text(lines[past[0]])
        ):
            return past[0], start
    # "Title / Season 3, Episode 9 / date": a line of an episode's numbers only labels the
    # title over it, and so does one of the show's name and the number ("Sur la 138 |
    # Épisode 24", the show shown alone elsewhere on the page).
    if (
        above
        and (_numbered(lines[start]) or _show_numbered(lines, start) or _guest_of(lines, start))
        and _text(lines[above[0]])
        and not numbers_only(lines[above[0]])
        and not lists_episodes(lines[above[0]])  # "最新回" / "第24回": the number is the title
        and not _paragraph(lines[above[0]])  # the entry above's teaser
    ):
        return above[0], None
    # "Title | Show EP.64 / Show / date": the line over the date is the show the title names;
    # "Title / host｜Show Radio / date": a show's name by its podcast word.
    if above and _text(lines[above[0]]):
        if _names_within(lines[above[0]], lines[start]):
            return above[0], start
        if podcast_name(lines[start]) and not podcast_name(lines[above[0]]):
            return above[0], start
    framed = len(above) == 2 and _same(lines[above[1]], lines[start])
    if framed and _repeated_pair(lines, start, above):
        return start, above[0]  # "Show / Title / Show / Title / date": the card shown twice
    # "Show / Title / Show / date": the show framing its title, the shorter (a title framing
    # its show, "Title / Show / Title / date", is a crumb's last item and the card's title)
    shorter = framed and len(lines[start].strip()) <= len(lines[above[0]].strip())
    if shorter and _text(lines[above[0]]) and not _shown_again(lines, start):
        return above[0], start
    # "Title / Title / Show / date": the line right above is shown twice (a heading and the
    # player's copy), the line over the date is the show's name under it.
    twice = (
        len(above) == 2
        and _same(lines[above[0]], lines[above[1]])
        and not _same(lines[above[0]], lines[start])
    )
    if (
        twice
        and _text(lines[above[0]])
        and len(lines[start].strip()) < len(lines[above[0]].strip())
        and not podcast_name(lines[above[0]])  # "Show Podcast / Show Podcast / Title / date"
    ):
        return above[0], start
    # "Title / Title / Show / Genre / date": the title shown twice, then a short line or two
    # (the show's name, a genre) over the date.
    up = [i for i in range(start - 1, max(-1, start - 8), -1) if lines[i].strip()][:4]
    for j in range(1, len(up) - 1):
        i = up[j]
        if (
            len(lines[i].strip()) > len(lines[start].strip())
            and _same(lines[i], lines[up[j + 1]])
            and _text(lines[i])
            and all(len(lines[x].split()) <= _LABEL_WORDS for x in [start, *up[:j]])
        ):
            return i, up[j - 1]
    # "Show ... / Title / Show / date": the line over the date was shown higher up (the page's
    # header), the line above it is the title it frames.
    header = lines[max(0, start - _HEADER_SPAN) : above[-1]] if above else []
    shown = any(_same(line, lines[start]) for line in header)
    if shown and _text(lines[above[0]]) and not is_dated(lines[above[0]]):
        if _between_copies(lines, start, above):
            return above[1], start  # "Show / Title / its teaser / Show / date"
        return over_standfirst(lines, above[0]), start  # past a teaser under the title
    # "... > Title / Title / Host / date": the line above was shown in the header (a
    # breadcrumb's last item names the page), the shorter line over the date is a name.
    if (
        above
        and _text(lines[above[0]])
        and len(lines[above[0]].strip()) > len(lines[start].strip())
        and _crumb_end(lines, lines[above[0]], max(0, start - _HEADER_SPAN), above[-1])
    ):
        return above[0], None
    return start, None


def _between_copies(lines: list[str], start: int, above: list[int]) -> bool:
    """The two lines over `start` are a title and its longer teaser, the show's name (the
    start's line) shown right above them as well: "Show / Title / Teaser / Show / date"."""
    if len(above) < 2 or not _text(lines[above[1]]):
        return False
    over = next((i for i in range(above[1] - 1, -1, -1) if lines[i].strip()), None)
    title, teaser = lines[above[1]].strip(), lines[above[0]].strip()
    return (
        over is not None
        and _same(lines[over], lines[start])
        and teaser.endswith(_TEASER_ENDS)  # a sentence, the title over it none
        and not title.endswith(_TEASER_ENDS)
        and display_width(teaser) > _TEASER_WIDER * display_width(title)
    )


@lru_cache(maxsize=1)
def _number_after() -> re.Pattern[str]:
    """What follows a show's name that opens a title before the episode's number: a mark
    (titles.json `number_marks`), an episode word (`words`) or the start of a numbered form
    (`around`: "第", "vol."), then the number."""
    data = vocabulary()
    marks = {w for ws in data["number_marks"].values() for w in ws}
    marks |= {w for ws in data["words"].values() for w in ws}
    marks |= {f.split("{n}")[0] for fs in data["around"].values() for f in fs} - {""}
    words = "|".join(re.escape(w) for w in sorted(marks, key=len, reverse=True))
    return re.compile(rf"\s?(?:(?:{words})\s?)?\d", re.IGNORECASE)


def _names_within(title: str, name: str) -> bool:
    """`name` (a short line) stands inside the longer `title` after a separator ("… | 퇴근길
    라디오 EP.64 (게스트: …)") or opens it before the episode's number: the show's name the
    title carries."""
    t, n = normalise(title), normalise(name)
    if not 0 < len(n) < len(t) // 2:
        return False
    # or opening it, before the episode's number: "周刊听读 No.214｜…", "Show #12: …"
    opens = t.startswith(n) and bool(_number_after().match(t[len(n) :]))
    return opens or any(f"{sep}{n}" in t for sep in ("| ", "- ", "– ", "— "))


def _repeated_pair(lines: list[str], start: int, above: list[int]) -> bool:
    """The two lines ending at `start` are shown just above them as well, in the same order."""
    third = next(
        (i for i in range(above[1] - 1, max(-1, above[1] - 4), -1) if lines[i].strip()), None
    )
    return third is not None and _same(lines[third], lines[above[0]])


_PARAGRAPH = 40  # display width of a teaser's sentence, at least
# a sentence ends and another goes on (in CJK scripts, with no space between them)
_SENTENCE_GOES_ON = re.compile(r"[.!?][\"'”’)]?\s+\S|[。！？][」』”）]?\s*[^\s」』”）]")


def _paragraph(line: str) -> bool:
    """Prose: an entry's teaser, never a title over a number: a sentence ended by a full stop
    (not a title's in Title Case), or two sentences."""
    s = line.strip()
    if display_width(s) < _PARAGRAPH:
        return False
    stopped = s.endswith(("。", "．")) or (s.endswith(".") and not title_cased(s))
    return stopped or _SENTENCE_GOES_ON.search(s) is not None


def _numbered(line: str) -> bool:
    return numbers_only(line) and any(c.isdigit() for c in line)


_SHOW_SEP = re.compile(r"\s+[|·•]\s+")


def _show_numbered(lines: list[str], start: int) -> bool:
    """The start is a show's name and an episode's number ("Sur la 138 | Épisode 24"), the
    name shown alone on a line of its own elsewhere (a crumb, a card)."""
    parts = _SHOW_SEP.split(lines[start].strip())
    if len(parts) != 2 or not _numbered(parts[1]):
        return False
    name = normalise(parts[0])
    return any(normalise(s) == name for k, s in enumerate(lines) if k != start and s.strip())


def _crumb_end(lines: list[str], title: str, begin: int, end: int) -> bool:
    """`title` is shown between `begin` and `end` as a breadcrumb's last item: under a
    separator line of its own (">", "›")."""
    key = normalise(title)
    for h in range(begin + 1, end):
        up = next((lines[u].strip() for u in range(h - 1, begin - 1, -1) if lines[u].strip()), "")
        if up in _CRUMB_MARKS and _comparable(lines[h], title) and normalise(lines[h]) == key:
            return True
    return False


_LABEL_REPEATS = 3
_CRUMB_MARKS = {">", "›", "»", "/", "＞"}
_CUT_TEASER = 100  # characters of a line cut short ("…") that is a teaser, not a long title
_DATING_WORDS = 6  # words of a line that dates something, the date among them
_TITLE_WORDS = 4  # words of a title over two unended sentences (a kicker, a show, fewer)
_STANDFIRST_WORDS = 6  # a teaser sentence has at least these; a title ending in "." rarely
_CJK_PER_WORD = 2  # CJK characters to a word, counting a teaser's words
_TEASER_WIDER = 1.5  # a teaser is this many times wider than its title at least
_TEASER_ENDS = (".", "。", "?", "？", "!", "！", "…")
_SENTENCE_WORDS = 8  # words of a title's sentence, more than a line of metadata has
_SENTENCE_END = re.compile(r"[.。．]$")  # a full stop: a title may well end in "!"
# A sentence's end inside the line, another sentence after it: prose, not a title
# (in CJK text the half-width "!" too: "ご紹介!北の海の…")
_SENTENCES = re.compile(
    r"[^\s.?!]{3}[.?!]\s+[A-ZÀ-ÖØ-Þ]|[。？！](?=\S)|[!?](?=[\u3040-\u30ff\u3400-\u9fff])"
)


def _dating(line: str) -> bool:
    """A line that dates something: a date in a few words or a date line; not a title that
    holds an age ("O sapateiro que abre a loja há 50 anos")."""
    return has_date(line) and (len(line.split()) <= _DATING_WORDS or is_date_line(line))


def two_sentences(s: str) -> bool:
    """A sentence ends inside `s` and another follows; not an abbreviation's period ("(Dr.
    Anjali Rao)", `titles.json` `abbreviations`)."""
    for m in _SENTENCES.finditer(s):
        word = s[: m.start() + 3].rsplit(None, 1)[-1].strip("([{\"'“‘")
        if not abbreviation(word):
            return True
    return False


_ASKS_INSIDE = re.compile(r"[?？]\s+\S")  # a question inside the line, more words after it


def over_standfirst(lines: list[str], i: int, questions: bool = False) -> int:
    """The title's index for a start line found over metadata: when that line is a teaser
    sentence ("Where to spend and where to save when you set up a first bench."), a line of
    title shape a line or two above it (past chrome: "Available for 11 months") is the title;
    else `i`. `questions`: the listing's other entries have a teaser, so a question or a long
    line is one too."""
    s = lines[i].strip()
    # or sentences in it ("Kelp is sold as a carbon sink. The science is murkier"); but two
    # unended sentences may be a title of two headlines ("Il Cile torna a votare. I treni
    # notturni tornano di moda"), under a kicker: then the line above must be a title's
    inner = two_sentences(s)
    unended = inner and not _SENTENCE_END.search(s) and not s.endswith(("?", "!", "？", "！"))
    # an episode's number opening it makes it a title ("T3 Ep. 14 - ¿Por qué …? Con …")
    asked = questions and s.endswith(("?", "？"))
    teaser = bool(_SENTENCE_END.search(s) or inner or asked) and not title_numbered(s)
    teaser = teaser or (len(s) > _CUT_TEASER and s.endswith(("…", "...")))  # cut short
    # the others' teasers make a long line one too, however it ends ('… ai campi: "La
    # Chiesa qui o sta sul furgone …"')
    teaser = teaser or (questions and len(s) > _CUT_TEASER)
    words = len(s.split())
    if _SENTENCE_END.search(s):
        words += cjk_count(s) // _CJK_PER_WORD  # a CJK sentence's words have no spaces
    if not (teaser and words >= _STANDFIRST_WORDS):
        return i
    if unended and _ASKS_INSIDE.search(s) and not questions:
        return i  # a headline asks, then answers: "Two-pot withdrawal? A planner on the cost"
    above = [j for j in range(i - 1, max(-1, i - 4), -1) if lines[j].strip()]
    for j in above:
        line = lines[j].strip()
        if is_chrome(line) or is_label(line) or _label_of_entries(lines, line):
            continue
        if field_line(line) or (date_alone(line) and not named_by_date(line)):
            # the entry's guest ("ゲスト：森川直樹さん") or date ("Le 21/11/2026") between
            # title and teaser
            continue
        shaped = (
            len(line) <= TITLE_MAX
            and not _SENTENCE_END.search(line)
            and not ((_dating(line) and not named_by_date(line)) or _length_line(line))
            and _text(line)
            and (not unended or len(line.split()) + cjk_count(line) // 2 >= _TITLE_WORDS)
        )
        return j if shaped else i
    return i


def _length_line(line: str) -> bool:
    """A line of metadata with a length ("Episode 5 · 45 min"); a title's sentence that
    says how long something took ("… the week trucks waited 72 hours") is a title."""
    return has_length(line) and len(line.split()) < _SENTENCE_WORDS


def _label_of_entries(lines: list[str], line: str) -> bool:
    """`line` is shown three times or more on the page: a button or a label of every entry
    ("Posłuchaj", "Descargar MP3"), where each title is its own."""
    return sum(1 for other in lines if other.strip() == line) >= _LABEL_REPEATS


def dated_entries(lines: list[str]) -> list[Entry]:
    """Entries of a title over its date alone and then its description, three or more in a
    row: a show's page that shows no lengths ("Ep. 142: ..." / "11/12/2026, 6:00:00 AM" / a
    paragraph)."""
    items = [i for i, line in enumerate(lines) if line.strip()]
    entries = [
        Entry(title=a, meta=[b])
        for a, b, c in zip(items, items[1:], items[2:], strict=False)
        if len(lines[c]) >= _DESCRIPTION
        and date_alone(without_time_of_day(lines[b].strip()))
        and _text(lines[a])
    ]
    return _with_bodies(lines, entries, lambda e: e.title) if len(entries) >= MIN_BLOCKS else []


def closed_entries(lines: list[str]) -> list[Entry]:
    """Entries of a title, its teaser and its date alone closing it, three or more ("Episode
    118: …" / a paragraph / "20 November 2026"): a list that dates each entry under its
    teaser. The body is the teaser alone (a kicker over the next title is not this entry's)."""
    items = [i for i, line in enumerate(lines) if line.strip()]
    entries = [
        Entry(title=a, meta=[c], body=[b])
        for a, b, c in zip(items, items[1:], items[2:], strict=False)
        if len(lines[b]) >= _DESCRIPTION
        and date_alone(without_time_of_day(lines[c].strip()))
        and _text(lines[a])
        and not _SENTENCE_END.search(lines[a].rstrip())
    ]
    return entries if len(entries) >= MIN_BLOCKS else []


def prefixed(lines: list[str]) -> list[Entry]:
    """Entries whose titles open with the show's name, shown alone higher up, and a separator
    ("Ligne de fuite" / ... / "« Ligne de fuite » : les faux diplômes ..."), three or more:
    each title over its body (a credit, a teaser). The listing asks for them when no dated
    layout is found (a show page that dates none of its episodes)."""
    alone = {normalise(line) for line in lines if 0 < len(line.strip()) <= _NAME_MAX}
    by_name: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        m = _NAMED_TITLE.match(line.strip())
        if m and len(line) <= TITLE_MAX and not two_sentences(m["rest"]):
            name = normalise(m["name"])
            if name in alone and not _SENTENCE_END.search(m["rest"]):
                by_name.setdefault(name, []).append(i)
    starts = max(by_name.values(), key=len, default=[])
    if len(starts) < MIN_BLOCKS:
        return []
    return _with_bodies(lines, [Entry(title=i) for i in starts], lambda e: e.title)


def suffixed(lines: list[str]) -> list[Entry]:
    """Entries whose titles end with the show's name, shown alone higher up, glued on without
    a separator ("Open Ledger with Priya Raman" / ... / "<title> Open Ledger with Priya
    Raman"), three or more: each title over its body, a date alone closing it its date."""
    by_last: dict[str, list[str]] = {}  # the names alone on a line, by their last word
    for line in lines:
        s = line.strip()
        if 0 < len(s) <= _NAME_MAX and len(words := s.split()) >= _SUFFIX_WORDS:
            by_last.setdefault(words[-1], []).append(s)
    by_name: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or len(s) > TITLE_MAX or _SENTENCE_END.search(s):
            continue
        names = by_last.get(s.rsplit(None, 1)[-1], [])
        name = next((n for n in names if s.endswith(" " + n) and _text(s[: -len(n)])), None)
        if name is not None:
            by_name.setdefault(name, []).append(i)
    name, starts = max(by_name.items(), key=lambda kv: len(kv[1]), default=("", []))
    if len(starts) < MIN_BLOCKS:
        return []
    entries = _with_bodies(lines, [Entry(title=i, show=name) for i in starts], lambda e: e.title)
    for entry in entries:
        if entry.body and date_alone(lines[entry.body[-1]]):
            entry.meta.append(entry.body.pop())  # "… / Nov 23, 2026": the date closes it
    return entries


# a date closing a title after a separator: all in numbers, or in words up to 30 characters
_DATE_TAIL = re.compile(
    r"(?:[:：–—|·]|\s-)\s*(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|[^:：–—|·]{4,30})$"
)


def date_suffixed(lines: list[str]) -> list[Entry]:
    """Entries whose titles end with their date after a separator ("Who Pays for a Domed
    Stadium? The Vote, Explained: 11/23/26"), three or more: each title over its teaser."""
    found: list[Entry] = []
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or len(s) > TITLE_MAX or not (m := _DATE_TAIL.search(s)):
            continue
        date = m["date"].strip()
        absolute = find_absolute(date)
        if numeric_date(date) != date and (absolute is None or absolute.text != date):
            continue
        under = next((t.strip() for t in lines[i + 1 :] if t.strip()), "")
        if _dating(under):
            continue  # its date on the line under it: a title that names its day
        if len(s[: m.start()].split()) >= _SUFFIX_WORDS:
            found.append(Entry(title=i, date=date))
    if len(found) < MIN_BLOCKS:
        return []
    return _with_bodies(lines, found, lambda e: e.title)


def tab_rows(lines: list[str]) -> list[Entry]:
    """A table saved a row a line, its cells tab-separated ("63\t11월 23일(월) [시사초대석] …\t
    관리자\t2026.11.23\t412"), three rows or more: each row's longest text cell its title, its
    one date cell its date. `lines` keep their tabs. Rows pinned above the numbered ones (a
    notice, "공지") are no entries."""
    found: list[tuple[Entry, bool]] = []
    for i, line in enumerate(lines):
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if len(cells) < _TABLE_CELLS:
            continue
        dates = [c for c in cells if date_alone(c)]
        texts = [c for c in cells if not date_alone(c) and _text(c) and len(c.split()) > 1]
        if len(dates) == 1 and texts:
            title = max(texts, key=len)
            found.append((Entry(title=i, date=dates[0], text=title), cells[0].isdigit()))
    numbered = [entry for entry, counted in found if counted]
    rows = numbered if len(numbered) * 2 >= len(found) else [entry for entry, _ in found]
    return rows if len(rows) >= MIN_BLOCKS else []
