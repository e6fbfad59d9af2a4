"""How common a word is in its language at large: wordfreq's "small" lists (Zipf scale).

A word's Zipf value is log10 of its occurrences per billion words: about 7 for "the", 5 for
"team", 3 for "codec". The small lists hold the words of Zipf 3 and more in some forty
languages; a word absent from them is rare (or, for CJK text cut into character pairs, not a
word at all). The lists ship inside the wordfreq wheel: nothing is downloaded.
"""

from __future__ import annotations

import gzip
import importlib.util
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import msgpack

from castdigest.text.tokens import primary

RARE = 0.0  # the Zipf value given to a word the list does not hold
ALIASES = {"no": "nb"}  # codes wordfreq files under another: Norwegian is Bokmål


def zipf_table(language: str | None) -> Mapping[str, float]:
    """Each listed word's Zipf value for `language` ({} when wordfreq has no list for it).

    Loaded once per language and process (about 5 ms).
    """
    code = primary(language)
    return _table(ALIASES.get(code, code))


@lru_cache(maxsize=64)
def _table(lang: str) -> Mapping[str, float]:
    # Only a list of the language itself: wordfreq would match loosely (Basque to Spanish,
    # Swahili to English), and another language's frequencies say nothing of this one's words.
    path = _data_dir() / f"small_{lang}.msgpack.gz"
    if not path.is_file():
        return {}
    return {word: zipf for zipf, words in _buckets(path) for word in words}


def _data_dir() -> Path:
    """wordfreq's data folder, found without importing wordfreq (whose imports, ftfy and
    langcodes, cost 80 ms that reading a list does not need)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("wordfreq is not installed (pip install wordfreq)")
    return Path(spec.origin).parent / "data"


def _buckets(path: Path) -> list[tuple[float, list[str]]]:
    """(Zipf value, words) of a list in wordfreq's "cBpack" form (`wordfreq.read_cBpack`): a
    gzipped msgpack list, a header then one list of words per centibel of frequency, the n-th
    holding the words of frequency 10 ** (-n / 100)."""
    with gzip.open(path, "rb") as data:
        header, *buckets = msgpack.load(data, raw=False)
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: not a wordfreq cBpack list")
    return [(9.0 - n / 100, words) for n, words in enumerate(buckets) if words]


def zipf(word: str, language: str | None) -> float:
    """`word`'s Zipf value in `language` (lower case expected), `RARE` when unlisted."""
    return zipf_table(language).get(word, RARE)
