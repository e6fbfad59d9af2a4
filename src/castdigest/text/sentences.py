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
  first, and as a last resort every `max_words` words, so no "sentence" runs on for a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from castdigest.text.truncate import count_words

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

MAX_WORDS = 45  # a spoken "sentence" longer than this is split at clause boundaries


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
    """Split a too-long sentence at the clause boundary nearest its middle, recursively."""
    piece = text[start:end]
    total = count_words(piece)
    if total <= max_words:
        return [Span(start, end)]
    cut = _best_cut(piece, total, _CONNECTIVE) or _best_cut(piece, total, _COMMA)
    forced = cut is None
    if cut is None:
        cut = _word_cut(piece, max_words)
    if cut is None:
        return [Span(start, end)]
    left, right = _strip(text, start, start + cut[0]), _strip(text, start + cut[1], end)
    out: list[Span] = []
    for k, part in enumerate((left, right)):
        if part is not None:
            pieces = _split_runon(text, part[0], part[1], max_words)
            if forced and k == 1:
                pieces = [Span(p.start, p.end, fragment=True) for p in pieces]
            out += pieces
    return out


def _best_cut(piece: str, total: float, pattern: re.Pattern[str]) -> tuple[int, int] | None:
    """(end of left part, start of right part) at the boundary nearest the middle."""
    best: tuple[float, tuple[int, int]] | None = None
    for m in pattern.finditer(piece):
        left = count_words(piece[: m.start()])
        if left < 6 or total - left < 6:
            continue  # never leave a fragment of a few words
        distance = abs(left - total / 2)
        if best is None or distance < best[0]:
            keep = m.start() + (1 if piece[m.start()] in ";；，" else 0)
            best = (distance, (keep, m.end()))
    return best[1] if best else None


def _word_cut(piece: str, max_words: float) -> tuple[int, int] | None:
    """Last resort for unpunctuated speech: cut after `max_words * 2/3` words at a space."""
    from castdigest.text.truncate import cut_points

    target = max_words * 2 / 3
    points = [(pos, units) for pos, units in cut_points(piece) if 0 < units <= target]
    if not points:
        return None
    pos = points[-1][0]
    return (pos, pos)
