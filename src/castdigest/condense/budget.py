"""Fitting text to a takeaway's budget: whole sentence first, then a clause that leaves a
sentence; never a cut mid-phrase."""

from __future__ import annotations

import math

from castdigest.condense.base import Budget
from castdigest.condense.thoughts import cut_to_thought, repair
from castdigest.text.language import is_cjk
from castdigest.text.sentences import split_sentences
from castdigest.text.truncate import count_words, truncate

MIN_FILL = 8.0  # words: a budget remainder smaller than this is left empty rather than cut


def per_takeaway(budget: Budget, language: str | None) -> float:
    """Words one takeaway may take: `words_per_takeaway`, or CJK characters / 2."""
    if is_cjk(language):
        return budget.cjk_chars_per_takeaway / 2
    return float(budget.words_per_takeaway)


def fit(text: str, words: float, language: str | None = None) -> str:
    """`text` within `words` as a whole thought: as is (a full stop added to a whole bullet),
    else its first sentence when that fits and says enough, else cut at a clause boundary
    that leaves a sentence; "" when none of these is possible (the text is not used)."""
    if count_words(text) <= words:
        return repair(text, language)
    first = split_sentences(text)
    if first and count_words(first[0]) <= words and count_words(first[0]) >= min(6, words / 2):
        whole = repair(first[0], language)
        if whole:
            return whole
    return cut_to_thought(text, words, language)


def cost(text: str, words: float, language: str | None = None) -> float:
    """Words `text` takes once fitted to `words` (infinite when it cannot be fitted whole)."""
    fitted = fit(text, words, language)
    return count_words(fitted) if fitted else math.inf


def blurb_fit(text: str, words: float, language: str | None = None) -> str:
    """A one-line blurb: a whole thought when one fits, else a clean cut with an ellipsis."""
    return fit(text, words, language) or truncate(text, words)
