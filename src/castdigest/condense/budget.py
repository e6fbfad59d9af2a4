"""Fitting text to a takeaway's budget: whole sentence first, then a clause, then a clean cut."""

from __future__ import annotations

from castdigest.condense.base import Budget
from castdigest.text.language import is_cjk
from castdigest.text.sentences import split_sentences
from castdigest.text.truncate import count_words, truncate

MIN_FILL = 8.0  # words: a budget remainder smaller than this is left empty rather than cut


def per_takeaway(budget: Budget, language: str | None) -> float:
    """Words one takeaway may take: `words_per_takeaway`, or CJK characters / 2."""
    if is_cjk(language):
        return budget.cjk_chars_per_takeaway / 2
    return float(budget.words_per_takeaway)


def fit(text: str, words: float) -> str:
    """`text` within `words`: as is, else its first sentence when that fits and says enough,
    else truncated at a word boundary with an ellipsis (never mid-word or mid-grapheme)."""
    if count_words(text) <= words:
        return text
    first = split_sentences(text)
    if first and count_words(first[0]) <= words and count_words(first[0]) >= min(6, words / 2):
        return first[0]
    return truncate(text, words)


def cost(text: str, words: float) -> float:
    """Words `text` takes once fitted to `words`."""
    return count_words(fit(text, words))
