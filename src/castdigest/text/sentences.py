"""Sentence splitting for written and spoken text in European languages, Chinese, Japanese, Korean.

`split_sentences` returns character spans into the text it was given, so a caller can map
each sentence back to its place (a transcript segment, an offset). Rules, in order:

- a line break always ends a sentence (pages put one item per line);
- CJK full stops (。！？ and their half-width forms) end a sentence wherever they stand, with any
  closing quote or bracket after them;
- `.` `!` `?` `…` end a sentence before whitespace, unless the word before is a known
  abbreviation ("Dr.", "e.g.", "vs."), an initial ("J. Smith") or a number goes on ("3. 5");
  no capital is needed after the stop (speech transcripts and Korean have none);
- spoken run-on sentences longer than `max_words` are split at clause boundaries (a comma or
  semicolon before a connective such as "and", "so", "but", "because"), nearest the middle
  first, and as a last resort into pieces of at most `max_words * 2/3` words, each ending
  before a bare conjunction or a pause ("um", "--") when one stands in its second half, so no
  "sentence" runs on for a page.

Splitting is iterative (an explicit stack, never recursion) and counts words once per piece,
so an unpunctuated transcript of any length is split in one pass over it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# The very patterns `count_words` counts with, so that a prefix measured by bisection over
# their matches has exactly the length `count_words` gives it.
from castdigest.text.truncate import _CJK as CJK_CHAR
from castdigest.text.truncate import _WORD as WORD
from castdigest.text.truncate import count_words, cut_points

# Lower-cased words that end with a period without ending the sentence (en, fr, de, es).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt vs etc e.g i.e cf al approx dept inc ltd corp jan feb
    apr jun jul aug sep sept oct nov dec u.s u.k u.n a.m p.m ph.d mme mlle mm env cie bd
    bzw z.b usw sra srta
    """.split()
)
# Abbreviations only when a number follows: "No. 5", "p. 12", "vol. 3".
_NUMBERED = frozenset("no nos vol pp p fig art n nr ch".split())
_TERMINAL = re.compile(
    r"(?P<mark>[.!?…]+|[。！？!?]+|\.{3})(?P<close>[\"'”’»)\]」』】]*)(?P<space>\s+|$)"
    r"|(?P<cjk>[。！？]+)(?P<cjkclose>[\"'”’»)\]」』】]*)"
)
_LINE = re.compile(r"[^\n]+")
_CONNECTIVE = re.compile(
    r"[,;:]\s+(?=(?:and|but|so|because|which|then|or|whereas|while|although|though|et|mais|donc|"
    r"car|puis|alors|parce|y|pero|und|aber|weil)\b)"
    r"|;\s+|\s+[—–]\s+|[，；]",
    re.IGNORECASE,
)
_COMMA = re.compile(r"[,，、]\s*")
# Where unpunctuated speech breaks naturally: before a bare conjunction or a hesitation.
_SOFT_BREAK = re.compile(
    r"\s*(?:(?:and|but|so|because|then|or|um+|uh+|erm|et|mais|donc|car|puis|alors|parce|"
    r"euh|pero|porque|und|aber|weil|also|äh)\b|--|\.\.\.|…|然后|所以|但是|因为|就是|그래서|그리고)",
    re.IGNORECASE,
)

MAX_WORDS = 45  # a spoken "sentence" longer than this is split at clause boundaries
_SHORT = 2_000  # characters: a sentence up to this long is measured with `count_words`' cache


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    question: bool = False  # the whole sentence (before any run-on split) asks a question
    fragment: bool = False  # cut out of unpunctuated speech at a word, not at a clause

    def of(self, text: str) -> str:
        return text[self.start : self.end]


def split_sentences(text: str, max_words: float = MAX_WORDS) -> list[str]:
    """The sentences of `text`, stripped, in order."""
    return [span.of(text) for span in sentence_spans(text, max_words)]


def sentence_spans(text: str, max_words: float = MAX_WORDS) -> list[Span]:
    """Spans of the sentences of `text` (stripped of surrounding whitespace), in order."""
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        for start, end in _split_line(text, line.start(), line.end()):
            pieces = _split_runon(text, start, end, max_words)
            if text[end - 1] in "?？":
                pieces = [Span(p.start, p.end, True, p.fragment) for p in pieces]
            spans += pieces
    return spans


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    cursor = start
    for m in _TERMINAL.finditer(text, start, end):
        if m.group("cjk") is None and not _ends_sentence(text, m, end):
            continue
        stop = m.end("cjkclose") if m.group("cjk") is not None else m.end("close")
        pieces.append((cursor, stop))
        cursor = m.end()
    pieces.append((cursor, end))
    return [s for s in (_strip(text, a, b) for a, b in pieces) if s is not None]


def _ends_sentence(text: str, m: re.Match[str], end: int) -> bool:
    mark = m.group("mark")
    if mark in "!?" or set(mark) & set("!?！？。"):
        return True
    if mark == ".":
        before = _prev_token(text, m.start()).lower().lstrip("(\"'“‘")
        if before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha()):
            return False
        following = text[m.end() : m.end() + 1]
        if before in _NUMBERED and following.isdigit():
            return False
        if before.replace(".", "").isdigit() and following.isdigit():
            return False
    return True


def _prev_token(text: str, end: int) -> str:
    """The run of non-space characters ending at `end` (at most 40 of them)."""
    start = end
    while start > 0 and not text[start - 1].isspace() and end - start < 40:
        start -= 1
    return text[start:end]


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _split_runon(text: str, start: int, end: int, max_words: float) -> list[Span]:
    """Split a too-long sentence at the clause boundary nearest its middle, then each part
    again, until every piece is within `max_words` (or cannot be cut)."""
    out: list[Span] = []
    stack = [(start, end, False)]  # pieces still to look at, the next one on top
    while stack:
        a, b, fragment = stack.pop()
        if b - a <= _SHORT and count_words(text[a:b]) <= max_words:
            out.append(Span(a, b, fragment=fragment))  # the common case, counted (and cached) fast
            continue
        piece = _Piece(text[a:b])
        if piece.total <= max_words:
            out.append(Span(a, b, fragment=fragment))
            continue
        cut = _best_cut(piece, _CONNECTIVE) or _best_cut(piece, _COMMA)
        if cut is None:  # no clause boundary at all: cut into pieces at words
            out += _chop(text, a, b, max_words, fragment)
            continue
        left, right = _strip(text, a, a + cut[0]), _strip(text, a + cut[1], b)
        for part in (right, left):  # pushed right first so the left part comes out first
            if part is not None:
                stack.append((part[0], part[1], fragment))
    return out


class _Piece:
    """A piece of text with its words located once, so any prefix is measured by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = [m.start() for m in WORD.finditer(text)]
        self.cjk = [m.start() for m in CJK_CHAR.finditer(text)]
        self.total = len(self.words) + len(self.cjk) / 2

    def before(self, pos: int) -> float:
        """Words of `text[:pos]`, as `count_words` counts them (a word cut at `pos` counts)."""
        return bisect_left(self.words, pos) + bisect_left(self.cjk, pos) / 2


def _best_cut(piece: _Piece, pattern: re.Pattern[str]) -> tuple[int, int] | None:
    """(end of left part, start of right part) at the boundary nearest the middle."""
    best: tuple[float, tuple[int, int]] | None = None
    text, total = piece.text, piece.total
    for m in pattern.finditer(text):
        left = piece.before(m.start())
        if left < 6 or total - left < 6:
            continue  # never leave a fragment of a few words
        distance = abs(left - total / 2)
        if best is None or distance < best[0]:
            keep = m.start() + (1 if text[m.start()] in ";；，" else 0)
            best = (distance, (keep, m.end()))
    return best[1] if best else None


def _chop(text: str, start: int, end: int, max_words: float, fragment: bool) -> list[Span]:
    """Last resort for unpunctuated speech: pieces of at most `max_words * 2/3` words, each
    ending before a conjunction or a pause in its second half when there is one, else at the
    last space (or CJK character) within the limit. All but the first piece are fragments."""
    target = max_words * 2 / 3
    points = cut_points(text[start:end])
    units = [u for _, u in points]
    total = units[-1]
    out: list[Span] = []
    a, done = start, 0.0  # start of the current piece, and the words before it
    while total - done > max_words:
        last = bisect_right(units, done + target) - 1
        if last < 0 or units[last] <= done:
            break  # not even one word fits: the rest stays whole
        first = bisect_left(units, done + target / 2, hi=last)
        k = next((i for i in range(last, first - 1, -1) if _soft(text, start, points[i][0])), last)
        piece = _strip(text, a, start + points[k][0])
        if piece is not None:
            out.append(Span(piece[0], piece[1], fragment=fragment or bool(out)))
        a, done = start + points[k][0], units[k]
    rest = _strip(text, a, end)
    if rest is not None:
        out.append(Span(rest[0], rest[1], fragment=fragment or bool(out)))
    return out


def _soft(text: str, start: int, pos: int) -> bool:
    """Whether a conjunction or a pause follows `start + pos` (a cut point)."""
    return pos > 0 and _SOFT_BREAK.match(text, start + pos) is not None
