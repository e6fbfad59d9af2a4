"""Who said a quote and where, in the newsletter's words: "Kyle Daigle, 12:34", "Kyle Daigle,
in Opening", "(translated)".

Data, not logic: a newsletter language without a row speaks English.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteWords:
    in_chapter: str  # "in {chapter}": the quote's time is unknown, its chapter is not
    translated: str  # the quote is a translation, not the speaker's own words


WORDS: dict[str, QuoteWords] = {
    "en": QuoteWords("in {chapter}", "translated"),
    "fr": QuoteWords("dans « {chapter} »", "traduit"),
    "es": QuoteWords("en «{chapter}»", "traducido"),
    "de": QuoteWords("in „{chapter}“", "übersetzt"),
    "it": QuoteWords("in «{chapter}»", "tradotto"),
    "pt": QuoteWords("em «{chapter}»", "traduzido"),
    "zh": QuoteWords("见“{chapter}”", "译文"),
    "ja": QuoteWords("「{chapter}」より", "翻訳"),
    "ko": QuoteWords("‘{chapter}’ 중", "번역"),
}


def quote_words(language: str) -> QuoteWords:
    return WORDS.get(language.split("-")[0].lower(), WORDS["en"])
