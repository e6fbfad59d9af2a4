"""How much of an episode's material one condensation reads: evenly spaced windows.

Material longer than its budget (`max_transcript_words` for a transcript, `max_text_words`
for an abstract, the chapter summaries or the source's takeaways) is read in windows spread
evenly over the whole of it: the first starts at its start, the last ends at its end, the gaps
between them are equal, and their lengths add up to the budget. A four-hour episode is thus
condensed from its beginning, middle and end alike, never from its opening hours only, and
deterministically, in time and memory set by the budget rather than by the input.

Lengths are counted as everywhere in castdigest: a word counts 1, a CJK character 1/2. Here
both are counted in half words, so that every position is a whole number.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

# The patterns `count_words` counts with, so a window's length is what it reports.
from castdigest.text.truncate import _CJK as _CJK_CHAR
from castdigest.text.truncate import _WORD, count_words

WINDOW_WORDS = 1_000  # words per window: many sentences of context, several windows per zone
MIN_WINDOWS = 3  # beginning, middle and end, however small the budget
_TOKEN = re.compile(f"(?P<word>{_WORD.pattern})|{_CJK_CHAR.pattern}")


@dataclass(frozen=True)
class Excerpt:
    """The part `[start, end)` (characters) of text number `unit` that falls in a window."""

    unit: int
    start: int
    end: int
    cut_before: bool  # the window begins inside the text: its first sentence is cut off
    cut_after: bool  # the window ends inside the text: its last sentence is cut off


def windows(total: int, budget: int, window: int = WINDOW_WORDS) -> list[tuple[int, int]]:
    """(start, end) of evenly spaced windows over `total` positions, adding up to `budget`.

    One window over everything when it fits. Otherwise `budget / window` windows (at least
    three), the first at 0 and the last ending at `total`, sizes differing by one at most.
    """
    if total <= budget:
        return [(0, total)]
    count = max(min(MIN_WINDOWS, budget), math.ceil(budget / window))
    if count == 1:
        return [((total - budget) // 2, (total - budget) // 2 + budget)]
    gap = total - budget
    out: list[tuple[int, int]] = []
    for i in range(count):
        before = budget * i // count  # window positions before window i
        size = budget * (i + 1) // count - before
        start = before + gap * i // (count - 1)
        out.append((start, start + size))
    return out


def _length(text: str) -> int:
    """Half words in `text`: 2 per word, 1 per CJK character."""
    return round(2 * count_words(text))


def sample(texts: Sequence[str], max_words: int) -> list[Excerpt] | None:
    """The excerpts of `texts` (in order) that evenly spaced windows adding up to `max_words`
    words cover, or None when the texts are within `max_words` and are read whole."""
    lengths = [_length(t) for t in texts]
    total = sum(lengths)
    if total <= 2 * max_words:
        return None
    spans = windows(total, 2 * max_words, 2 * WINDOW_WORDS)
    out: list[Excerpt] = []
    base = 0
    for unit, (text, length) in enumerate(zip(texts, lengths, strict=True)):
        local = [
            (max(lo - base, 0), min(hi - base, length))
            for lo, hi in spans
            if lo < base + length and hi > base
        ]
        if local:
            chars = _chars_at(text, sorted({p for span in local for p in span}))
            out += [
                Excerpt(unit, chars[lo], chars[hi], lo > 0, hi < length)
                for lo, hi in local
                if chars[hi] > chars[lo]
            ]
        base += length
    return out


def _chars_at(text: str, positions: list[int]) -> dict[int, int]:
    """Character offset of each position (in half words; ascending): the start of the token
    there; 0 for position 0 and `len(text)` for the text's end."""
    found: dict[int, int] = {}
    wanted = iter(positions)
    nxt = next(wanted, None)
    pos = 0
    for m in _TOKEN.finditer(text):
        while nxt is not None and nxt <= pos:
            found[nxt] = 0 if nxt == 0 else m.start()
            nxt = next(wanted, None)
        if nxt is None:
            return found
        pos += 2 if m.lastgroup == "word" else 1
    while nxt is not None:
        found[nxt] = len(text)
        nxt = next(wanted, None)
    return found
