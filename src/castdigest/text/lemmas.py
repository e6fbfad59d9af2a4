"""simplemma's dictionaries, decoded once per machine instead of once per run.

simplemma ships each language's lemma dictionary LZMA-compressed and front-coded: decoding
English and French (every topic keyword is read in both) takes most of a second of CPU, in
every process that lemmatises, i.e. every `weekly` run that selects. Decoded once, a dictionary
is kept in the user's cache folder as a marshalled `dict` (a fifth of the time to load), under a
name that carries simplemma's version and the Python version, so an upgrade of either decodes
again. The lemmas are simplemma's own: the same strategy over the same dictionary.

The cache is `$CASTDIGEST_CACHE_DIR`, else `$XDG_CACHE_HOME/castdigest`, else
`~/.cache/castdigest`. A cache that cannot be written or read back is not an error: the
dictionary is then decoded as simplemma does it.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import tempfile
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory


def lemmatizer() -> simplemma.Lemmatizer:
    """`simplemma.lemmatize`'s lemmatizer (its default strategy, not greedy), with the
    dictionaries kept decoded."""
    strategy = DefaultStrategy(dictionary_factory=CachedDictionaries())
    return simplemma.Lemmatizer(lemmatization_strategy=strategy)


def cache_dir() -> Path:
    """Where castdigest keeps what it derives and can derive again."""
    if explicit := os.environ.get("CASTDIGEST_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "castdigest"


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
        folder = self.folder or cache_dir() / "lemmas"
        tag = f"simplemma-{version('simplemma')}-{sys.implementation.cache_tag}-m{marshal.version}"
        return folder / f"{lang}-{tag}.marshal"

    def _load(self, lang: str) -> Mapping[str, str]:
        path = self.path(lang)
        try:
            kept = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            kept = None
        if isinstance(kept, dict):
            return kept
        decoded = dict(self._decoder.get_dictionary(lang).items())  # ValueError: unsupported
        _write(path, marshal.dumps(decoded))
        return decoded


def _write(path: Path, data: bytes) -> None:
    """`data` to `path` whole or not at all (another run may be reading it)."""
    temporary = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as out:
            temporary = out.name
            out.write(data)
        os.replace(temporary, path)
    except OSError:  # a read-only home, a full disk: decoded again next time
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
