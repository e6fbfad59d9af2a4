"""Lexical features shared by topics and ranking: language-aware terms, TF-IDF vectors, cosine.

Lexical rather than embeddings: offline, deterministic, nothing to download, and an editor can
see why two episodes look alike (shared terms). Terms are those of `text.tokens` (lemmatised in
the text's language, stopwords out, CJK bigrams) with accents stripped and a plural `s`
dropped, so "modèles", "models" and "model" meet.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from castdigest.text import tokens

Vector = dict[str, float]
Bag = dict[str, float]

_MAX_CACHE = 200_000


@lru_cache(maxsize=_MAX_CACHE)
def _finish(term: str) -> str:
    """Accents stripped and a plural `s` dropped, so "défense"/"defense", "GPUs"/"GPU" meet."""
    if not term.isascii():
        if any(ord(ch) > 0x24F for ch in term):  # not Latin: no accents, no plural `s`
            return term
        decomposed = unicodedata.normalize("NFKD", term)
        term = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    if len(term) > 3 and term.endswith("s") and not term.endswith(("ss", "is")):
        term = term[:-1]
    return term


def terms(text: str | None, language: str | None = None) -> list[str]:
    """The content terms of a text in order (see `text.tokens.terms`), numbers left out."""
    if not text:
        return []
    return [_finish(t) for t in tokens.terms(text, language) if not tokens.is_number(t)]


def add(bag: Bag, items: Iterable[str], weight: float) -> None:
    for item in items:
        bag[item] = bag.get(item, 0.0) + weight


class Lexicon:
    """Document frequencies over a set of bags: turns bags into L2-normalised TF-IDF vectors."""

    def __init__(self, bags: Iterable[Mapping[str, float]]) -> None:
        self.df: dict[str, int] = {}
        self.n = 0
        for bag in bags:
            self.n += 1
            for term in bag:
                self.df[term] = self.df.get(term, 0) + 1

    def idf(self, term: str) -> float:
        # Smoothed, so a term seen nowhere else still counts a little.
        return math.log((1 + self.n) / (1 + self.df.get(term, 0))) + 1.0

    def vector(self, bag: Mapping[str, float]) -> Vector:
        raw = {t: math.log1p(w) * self.idf(t) for t, w in bag.items() if w > 0}
        norm = math.sqrt(sum(v * v for v in raw.values()))
        if norm == 0:
            return {}
        return {t: v / norm for t, v in sorted(raw.items())}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two normalised vectors: 0 (nothing shared) to 1 (same terms, same weights)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


class Indexed:
    """Terms in order with where each occurs, so phrase lookups skip texts that lack them."""

    def __init__(self, items: Sequence[str]) -> None:
        self.terms = tuple(items)
        self.where: dict[str, list[int]] = {}
        for pos, term in enumerate(self.terms):
            self.where.setdefault(term, []).append(pos)

    def count(self, needle: Sequence[str]) -> int:
        """How often the term sequence `needle` appears contiguously."""
        if not needle:
            return 0
        starts = self.where.get(needle[0])
        if not starts:
            return 0
        if len(needle) == 1:
            return len(starts)
        if any(term not in self.where for term in needle[1:]):
            return 0
        n, want = len(needle), tuple(needle)
        return sum(1 for i in starts if self.terms[i : i + n] == want)
