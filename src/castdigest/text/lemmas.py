"""simplemma's dictionaries, decoded once per machine instead of once per run.

simplemma ships each language's lemma dictionary LZMA-compressed and front-coded: decoding
English and French (every topic keyword is read in both) takes most of a second of CPU, in
every process that lemmatises, i.e. every `weekly` run that selects. Decoded once, a dictionary
is kept in the cache folder (text/cache.py) as a marshalled `dict`, a fifth of the time to
load. The lemmas are simplemma's own: the same strategy over the same dictionary.
"""

from __future__ import annotations

import marshal
from collections.abc import Mapping
from pathlib import Path

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

from castdigest.text import cache


def lemmatizer() -> simplemma.Lemmatizer:
    """`simplemma.lemmatize`'s lemmatizer (its default strategy, not greedy), with the
    dictionaries kept decoded."""
    strategy = DefaultStrategy(dictionary_factory=CachedDictionaries())
    return simplemma.Lemmatizer(lemmatization_strategy=strategy)


class CachedDictionaries:
    """A simplemma `DictionaryFactory` whose decoded dictionaries outlive the process."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._loaded: dict[str, Mapping[str, str]] = {}
        self._decoder = DefaultDictionaryFactory(cache_max_size=0)

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        found = self._loaded.get(lang)
        if found is None:
            found = self._loaded[lang] = self._load(lang)
        return found

    def path(self, lang: str) -> Path:
        folder = self.folder or cache.cache_dir() / "lemmas"
        return folder / f"{lang}-{cache.tagged('simplemma')}-m{marshal.version}.marshal"

    def _load(self, lang: str) -> Mapping[str, str]:
        path = self.path(lang)
        try:
            kept = marshal.loads(cache.read(path) or b"")
        except Exception:  # any damage to a cache file means decoding again, never a failure
            kept = None
        if isinstance(kept, dict):
            return kept
        decoded = dict(self._decoder.get_dictionary(lang).items())  # ValueError: unsupported
        cache.write(path, marshal.dumps(decoded))
        return decoded
