"""Length in "words" across scripts, and truncation that never breaks a word or a grapheme.

One unit of length serves every language: a word of a space-separated script counts 1, a CJK
character (Han, kana, Hangul) counts 1/2, punctuation and emoji count nothing. So "30 words"
and "60 CJK characters" are the same budget, and a mixed sentence is measured fairly.

Truncation cuts only where a reader would: at a space, or between two graphemes next to a CJK
character; never inside a Latin word embedded in CJK text, a combining sequence, an emoji ZWJ
sequence or a flag. The result ends with an ellipsis.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

import regex

ELLIPSIS = "…"

_CJK_CLASS = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
)
_CJK = re.compile(f"[{_CJK_CLASS}]")
# A word of a space-separated script: letters/digits not CJK, joined by ' - . , inside.
_WORD = re.compile(rf"(?:(?![{_CJK_CLASS}])\w)+(?:['’.,-](?:(?![{_CJK_CLASS}])\w)+)*")
_GRAPHEME = regex.compile(r"\X")
_SPACE_RUN = re.compile(r"\s+")
# Han and kana are written without spaces: any grapheme boundary next to one is a cut point.
# Hangul is written with spaces between words, so it is cut at spaces like Latin text.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Trailing characters dropped before the ellipsis: spaces, clause punctuation, open brackets.
_TRAILING = " \t\n,;:、，；：-–—([{“‘«\"'"
# Clause punctuation: a cut right after one reads more naturally than a cut mid-clause.
_CLAUSE_END = set(",;:、，；：—–")
_STRONG_END = set(";:；：—–")


def is_cjk_char(ch: str) -> bool:
    return bool(_CJK.match(ch))


def cjk_count(text: str) -> int:
    """How many Chinese, Japanese and Korean characters `text` holds (`is_cjk_char`)."""
    return len(_CJK.findall(text))


def display_width(text: str) -> int:
    """`text`'s length with a Chinese, Japanese or Korean character counted as two (as it
    shows, and as it says about as much as a word)."""
    return len(text) if text.isascii() else len(text) + cjk_count(text)


@lru_cache(maxsize=8192)
def count_words(text: str) -> float:
    """Length of `text` in words, CJK characters counting one half each."""
    cjk = len(_CJK.findall(text))
    return len(_WORD.findall(text)) + cjk / 2


def cut_points(text: str) -> list[tuple[int, float]]:
    """Every position where text may be cut, with the length of `text[:position]`.

    Positions are before a space and between graphemes where either side is a Han or kana
    character (Hangul is cut at spaces, like Latin text); no word (as `count_words` sees it)
    straddles one. Ascending, ending at `len(text)`.
    """
    word_starts = [m.start() for m in _WORD.finditer(text)]
    cjk_at = [m.start() for m in _CJK.finditer(text)]
    points: list[tuple[int, float]] = []
    if not _UNSPACED.search(text):
        # Spaced scripts only: the cut points are the spaces (never inside a grapheme), and
        # walking graphemes is not needed.
        for m in _SPACE_RUN.finditer(text):
            if m.start():
                units = bisect_left(word_starts, m.start()) + bisect_left(cjk_at, m.start()) / 2
                points.append((m.start(), units))
        points.append((len(text), len(word_starts) + len(cjk_at) / 2))
        return points
    prev_unspaced = False
    for match in _GRAPHEME.finditer(text):
        pos = match.start()
        g = match.group()
        unspaced = bool(_UNSPACED.match(g))
        if pos and (unspaced or prev_unspaced or g.isspace()):
            units = bisect_left(word_starts, pos) + bisect_left(cjk_at, pos) / 2
            points.append((pos, units))
        prev_unspaced = unspaced
    points.append((len(text), len(word_starts) + len(cjk_at) / 2))
    return points


def truncate(text: str, max_words: float, *, ellipsis: str = ELLIPSIS) -> str:
    """`text` if it fits in `max_words`, else its longest prefix that does, plus an ellipsis.

    Prefers to end after a clause: after a semicolon, colon or dash when that keeps at least
    40% of the allowance, after a comma when it keeps 60%. Returns "" when not even one word
    fits.
    """
    text = text.strip()
    if count_words(text) <= max_words:
        return text
    fitting = [(pos, units) for pos, units in cut_points(text) if units <= max_words]
    if not fitting:
        return ""
    best = fitting[-1][0]
    for pos, units in reversed(fitting):
        if units < 0.4 * max_words:
            break
        head = text[:pos].rstrip()
        strong = head[-1:] in _STRONG_END
        if strong or (head[-1:] in _CLAUSE_END and units >= 0.6 * max_words):
            best = pos
            break
    head = text[:best].rstrip(_TRAILING)
    return head + ellipsis if head else ""
