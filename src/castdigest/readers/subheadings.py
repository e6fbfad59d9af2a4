"""Subheadings over paragraphs: short lines without a sentence's end, each over prose.

An article's subheadings divide it into the parts its reader shows as untimed chapters; an
episode's page written as segments ("Why the water mains keep breaking" / its paragraph /
"The drive-in is back" / its paragraph) has the same shape.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from castdigest.models import Chapter
from castdigest.readers.chrome import chrome_kind, is_chrome
from castdigest.readers.heading_words import heading_kind
from castdigest.readers.length_units import alternation
from castdigest.readers.line_dates import has_date, has_length, zero_clock
from castdigest.readers.page_dates import played_length
from castdigest.readers.quote_lines import is_quote_line
from castdigest.readers.title_signals import part_title

SPEAKER_LINES = re.compile(
    r"^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+)?[A-Z][\w.'-]{0,30}(?:\s[A-Z][\w.'-]{0,30}){0,2}:\s"
)
# An interviewer's question put in a printed interview ("franceinfo : Et les salaires ?",
# "Le Monde: Why now?"): a turn, whatever case the newsroom's name is written in.
_QUESTION_TURN = re.compile(
    r"^\s*[^\W\d_][\w.'’-]{0,30}(?:\s[^\W\d_][\w.'’-]{0,30}){0,2}\s?[:：]\s.*[?？]$"
)
PROSE_MIN = 120  # characters of a paragraph
# a list item, a table row, a quote's attribution ("— Otávio Rezende, economista")
_NOT_HEADINGS = ("- ", "* ", "• ", "· ", "– ", "— ", "―", "|")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]|[。！？]\S")
_HEADING_MAX = 90
_SEGMENTS_MIN = 3  # subheadings that make an episode's page one of segments


def is_heading(line: str) -> bool:
    """A short line that does not end as a sentence does, and is neither a list item, a table
    row nor two sentences ("They don't eat them! They pull them up.")."""
    s = line.strip()
    return (
        len(s) <= _HEADING_MAX
        and any(c.isalpha() for c in s)  # not a player's time ("12:47") or a number
        and not s.endswith((".", ",", ";", ":", "”", '"', "。"))
        and not s.startswith(_NOT_HEADINGS)
        and _SENTENCE_BREAK.search(s) is None
    )


_FOOTNOTE = re.compile(r"^(?:\*(?!\*)|†|¹)\S")  # "*Estagiária …"; not "**Bold**"


def is_subheading(text: str, nxt: str) -> bool:
    """A subheading over its paragraph: not a section's name ("Summary", "Transcript": a
    page's parts, not the talk's), a date, a speaker's turn or a footnote to a starred name
    ("*Estagiária sob a supervisão de …")."""
    return (
        is_heading(text)
        and not _FOOTNOTE.match(text)
        and len(nxt) >= PROSE_MIN
        and heading_kind(text) is None
        and not has_date(text)
        and not SPEAKER_LINES.match(text)
        and not _QUESTION_TURN.match(text)
    )


def segment_chapters(lines: list[str]) -> list[Chapter]:
    """An episode's segments, each a subheading over its paragraphs, when the page has three
    or more (fewer divide a description, not an episode); the paragraphs are their summaries,
    up to the first line that is neither."""
    shown = [s for s in (line.strip() for line in lines) if s]
    chapters: list[Chapter] = []
    for k, text in enumerate(shown):
        nxt = shown[k + 1] if k + 1 < len(shown) else ""
        said = is_quote_line(text) or (k > 0 and is_quote_line(shown[k - 1]))  # or who said it
        if is_subheading(text, nxt) and not said and not is_chrome(text):
            chapters.append(Chapter(title=text))
        elif chapters and len(text) >= PROSE_MIN:
            last = chapters[-1]
            last.summary = f"{last.summary}\n\n{text}" if last.summary else text
    if len({c.title for c in chapters}) < len(chapters):
        return []  # the same heading again: names taking turns, a transcript's speakers
    return chapters if len(chapters) >= _SEGMENTS_MIN else []


def listened_segments(lines: list[str]) -> list[Chapter]:
    """An episode's segments, each with a length of its own under its heading ("Why tamales
    cost more" / "Listen 21:05" / its teaser), three or more: its untimed chapters (a
    segment's length is no start time)."""
    shown = [s for s in (line.strip() for line in lines) if s]
    titles = [
        head
        for head, under in pairwise(shown)
        if played_length(under) is not None
        and len(head) <= _HEADING_MAX
        and not head.endswith((".", ",", ";", ":"))  # a heading of two sentences may be one
        and any(c.isalpha() for c in head)
        and not has_length(head)
        and not has_date(head)
        and not is_chrome(head)
    ]
    if len(set(titles)) < len(titles):
        return []  # the same line over several: a speaker's name, a label
    return [Chapter(title=t) for t in titles] if len(titles) >= _SEGMENTS_MIN else []


def part_chapters(lines: list[str]) -> list[Chapter]:
    """A programme's parts (`part_run`) as its untimed chapters."""
    return [Chapter(title=title) for _, title in part_run(lines)]


def part_run(lines: list[str]) -> list[tuple[int, str]]:
    """A programme's parts, numbered from one, one under the other or each over a paragraph
    or two of its own ("1부 : 노을빛 엽서" / "2부 : 풍류초대석 - …", "■ 1부 - …" / what it
    airs / "■ 2부 - …", "Part 1: …" / "Part 2: …"): (index, title) of each, or []."""
    run: list[tuple[int, str]] = []
    gap = 0  # lines since the last part: its paragraphs
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        part = part_title(line)
        if part is not None and part[0] == len(run) + 1:
            run.append((i, part[1]))
            gap = 0
            continue
        gap += 1
        if gap <= _PART_LINES and part is None and run:
            continue  # the part's own paragraph
        if len(run) >= _PARTS_MIN:
            break
        run = [(i, part[1])] if part is not None and part[0] == 1 else []
        gap = 0
    return run if len(run) >= _PARTS_MIN else []


_PARTS_MIN = 2  # parts of a programme listed
_PART_LINES = 2  # lines under a part, at most, before the next


_AIRED_MIN = 3  # parts of a rundown, at least


@cache
def _aired() -> re.Pattern[str]:
    """A line opening with an hour of the day and its word, then a separator and the part's
    title ("9 h 40 – Maxime …", "21.30 Uhr: …", "9 a.m. — …", "오전 9시 - …")."""
    words = alternation("o_clock")
    hour = r"(?:[午上下][前後后午]\s?|오[전후]\s?)?(?P<h>[01]?\d|2[0-3])"
    minutes = r"(?:[:.h]\s?(?P<m>[0-5]\d)|\s(?P<m2>[0-5]\d)(?!\d))?"
    worded = rf"{hour}(?:\s?(?:{words})\.?{minutes}|[:.](?P<m3>[0-5]\d)\s?(?:{words})\.?)"
    # or the word for "at" before the hour and its minutes ("ore 10.04 – …")
    at = rf"(?:{alternation('at')})\s(?P<h2>[01]?\d|2[0-3])[:.h](?P<m4>[0-5]\d)"
    return re.compile(
        rf"^(?:{worded}|{at})(?:\s?[分분])?\s*[-–—:|]\s*(?P<title>\S.{{2,150}})$",
        re.IGNORECASE,
    )


def _minute_of_day(m: re.Match[str]) -> int:
    hour = m["h"] or m["h2"]
    return int(hour) * 60 + int(m["m"] or m["m2"] or m["m3"] or m["m4"] or 0)


def aired_run(lines: list[str]) -> list[tuple[int, str]]:
    """A broadcast's rundown: three or more lines in a row, each opening with the hour of
    the day its part airs at, the hours rising ("9 h – La semaine en revue" / "9 h 40 – …"):
    (index, title) of each, or [] when the page has none. Its hours are no start times."""
    run: list[tuple[int, str, int]] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = _aired().match(line.strip())
        at = _minute_of_day(m) if m is not None else None
        if m is not None and at is not None and (not run or at > run[-1][2]):
            run.append((i, m["title"].strip(), at))
            continue
        if len(run) >= _AIRED_MIN:
            break
        run = [(i, m["title"].strip(), at)] if m is not None and at is not None else []
    return [(i, title) for i, title, _ in run] if len(run) >= _AIRED_MIN else []


def aired_parts(lines: list[str]) -> list[Chapter]:
    """A broadcast's rundown (`aired_run`) as its untimed chapters."""
    return [Chapter(title=title) for _, title in aired_run(lines)]


_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:：.!?]{1,40}?)\s*[:：]\s+\S")  # "Sfratti: nel 2026 …"
_LABEL_WORDS = 4  # words of a segment's label before its colon
_PLAYED_UNDER = 3  # lines between a segment's paragraph and its player, at most


def played_paragraphs(lines: list[str]) -> list[Chapter]:
    """An episode's segments, each a paragraph opening with its label ("Sfratti: …",
    "Logistica: …") over a player of its own, three or more: its untimed chapters, named by
    their labels."""
    shown = [s for s in (line.strip() for line in lines) if s]
    labels: list[str] = []
    for k, text in enumerate(shown):
        m = _LABEL.match(text) if len(text) >= PROSE_MIN // 2 else None
        if m is None or len(m["label"].split()) > _LABEL_WORDS:
            continue
        if _played_under(shown[k + 1 : k + 1 + _PLAYED_UNDER]):
            labels.append(m["label"].strip())
    return [Chapter(title=t) for t in labels] if len(labels) >= _SEGMENTS_MIN else []


def _played_under(under: list[str]) -> bool:
    """A player among these lines: "00:00 / 12:30", or its name over "00:00" ("Audio Player")."""
    return any(
        chrome_kind(u) == "player"
        or (is_chrome(u) and j + 1 < len(under) and zero_clock(under[j + 1]))
        for j, u in enumerate(under)
    )


CORNER_MARKS = "■□◆◇▶▷●○★☆◎"  # marks a programme's corners are listed under
# a corner's name and its subject, apart ("■工房探訪　楮の皮むきから乾燥まで", "◆ Quiz – …")
_CORNER = re.compile(
    rf"^(?P<mark>[{CORNER_MARKS}])\s*(?P<title>[^:：]{{1,30}}?(?:\u3000| [-–|｜] )\S.{{1,80}})$"
)
_CORNERS_MIN = 3  # corners listed one under the other, at least
_ENDS = (".", "。", "!", "！", "?", "？")  # a line ending so is a sentence, no corner
_PART_LABEL = re.compile(r"^[\[【(（][^\]】)）]{1,8}[\]】)）]$")  # "[2부]", "【後半】"


def corner_lines(lines: list[str]) -> list[Chapter]:
    """A programme's corners, three or more lines in a row under the same mark, each a
    corner's name and its subject ("■人物ファイル　会社を辞めて紙すきの道へ" /
    "■工房探訪　…"), perhaps under the labels of the programme's parts ("[2부]"): its
    untimed chapters. A label and its value ("■ 진행 : …") is a field, a sentence a point."""
    run: list[str] = []
    mark = ""
    for line in lines:
        s = line.strip()
        if not s:
            continue
        if run and _PART_LABEL.match(s):
            continue  # "[2부]": the corners of the programme's next part follow
        m = _CORNER.match(s) if not s.endswith(_ENDS) else None  # a sentence: a point
        if m is not None and (not run or m["mark"] == mark):
            run.append(m["title"].strip())
            mark = m["mark"]
            continue
        if len(run) >= _CORNERS_MIN:
            break
        run, mark = ([m["title"].strip()], m["mark"]) if m is not None else ([], "")
    return [Chapter(title=t) for t in run] if len(run) >= _CORNERS_MIN else []
