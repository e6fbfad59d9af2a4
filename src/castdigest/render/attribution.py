"""Who said a quote and where, in the newsletter's words: "Kyle Daigle, 12:34", "Kyle Daigle,
in Opening", "(translated)", and who translated an item ("Translated by {model}").

Data, not logic: a newsletter language without a row speaks English.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteWords:
    in_chapter: str  # "in {chapter}": the quote's time is unknown, its chapter is not
    translated: str  # the quote is a translation, not the speaker's own words
    translated_by: str = "Translated by {model}"  # an item a model translated


WORDS: dict[str, QuoteWords] = {
    "en": QuoteWords("in {chapter}", "translated", "Translated by {model}"),
    "fr": QuoteWords("dans « {chapter} »", "traduit", "Traduit par {model}"),
    "es": QuoteWords("en «{chapter}»", "traducido", "Traducido por {model}"),
    "de": QuoteWords("in „{chapter}“", "übersetzt", "Übersetzt von {model}"),
    "it": QuoteWords("in «{chapter}»", "tradotto", "Tradotto da {model}"),
    "pt": QuoteWords("em «{chapter}»", "traduzido", "Traduzido por {model}"),
    "zh": QuoteWords("见“{chapter}”", "译文", "由 {model} 翻译"),
    "ja": QuoteWords("「{chapter}」より", "翻訳", "{model} による翻訳"),
    "ko": QuoteWords("‘{chapter}’ 중", "번역", "{model} 번역"),
}


def quote_words(language: str) -> QuoteWords:
    return WORDS.get(language.split("-")[0].lower(), WORDS["en"])
