"""Language-aware content terms for comparing and scoring sentences.

European languages: lower-cased words, lemmatised with simplemma (its dictionaries ship in
the wheel; text/lemmas.py keeps them decoded), stop words and fillers dropped, so "models",
"model's" and "model" are one term.
Chinese and Japanese have no spaces: a run of Han or kana gives its character bigrams (and the
character itself when the run is one character long), which matches words without a
segmenter. Korean attaches particles to words ("모델이", "모델을"), so a Hangul word gives its
first two syllables (the stem, most often) and its syllable bigrams. Latin words inside CJK text
(names, "GPT") stay whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

from castdigest.text.lemmas import lemmatizer
from castdigest.text.stopwords import STOPWORDS

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(
    r"(?P<han>[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)"
    r"|(?P<hangul>[\uac00-\ud7af]+)"
    rf"|(?P<word>(?:(?![{_CJK}])[^\W_])+(?:['’](?:(?![{_CJK}])[^\W\d_])+)?)"
)
_LEMMA_LANGS = frozenset(
    "bg ca cs cy da de el en es et fa fi fr ga gd gl gv hu hy id is it ka la lb lt lv mk ms nb "
    "nl nn pl pt ro ru se sk sl sq sv sw tl tr uk".split()
)
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def primary(language: str | None) -> str:
    return (language or "en").split("-")[0].lower()


_LEMMATIZER = lemmatizer()


@lru_cache(maxsize=200_000)
def _lemma(word: str, lang: str) -> str:
    # Two-letter words are mostly abbreviations ("ai", "ml", "ui"); simplemma's English
    # dictionary turns "ai" into "be", which then drops as a stop word.
    if lang not in _LEMMA_LANGS or word.isdigit() or len(word) <= 2:
        return word
    try:
        return str(_LEMMATIZER.lemmatize(word, lang=lang)).lower()
    except (ValueError, KeyError):  # a language simplemma lacks: the word is its own lemma
        return word


def terms(text: str, language: str | None = None) -> list[str]:
    """Content terms of `text`, in order, repeated as they occur."""
    lang = primary(language)
    stop = STOPWORDS.get(lang, STOPWORDS["en"])
    out: list[str] = []
    # findall's tuples (one group set per match) cost less than a match object per token;
    # the apostrophe is made one glyph first, as every word would have it.
    for han, hangul, run in _TOKEN.findall(text.replace("’", "'")):
        if han:
            grams = [han[i : i + 2] for i in range(len(han) - 1)] if len(han) > 1 else [han]
            out += [g for g in grams if g not in stop]
        elif hangul:
            grams = [hangul[:2]] + [hangul[i : i + 2] for i in range(1, len(hangul) - 1)]
            out += [g for g in grams if g not in stop]
        else:
            word = run.lower()
            if word in stop or (len(word) == 1 and not word.isdigit()):
                continue
            lemma = _lemma(word, lang)
            if lemma not in stop:
                out.append(lemma)
    return out


def is_number(term: str) -> bool:
    return bool(_NUMBER.match(term))
