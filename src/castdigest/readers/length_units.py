"""The words of a length's units in every language the readers know ("min", "Std.", "perc",
"分"), from `data/units.json`: one table of their sizes, and the alternations the length
patterns are built from."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

_SIZES = {"hours": 3600, "minutes": 60, "seconds": 1}


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    raw = resources.files(__package__).joinpath("data/units.json").read_text("utf-8")
    found: dict[str, dict[str, list[str]]] = json.loads(raw)
    return found


def _words(kind: str) -> list[str]:
    return sorted({w.casefold() for ws in _data()[kind].values() for w in ws})


@cache
def unit_seconds() -> dict[str, int]:
    """Each unit word, casefolded, and its size in seconds."""
    return {word: size for kind, size in _SIZES.items() for word in _words(kind)}


@cache
def joining_words() -> frozenset[str]:
    """The words that join two amounts ("and", "et", "és", "&")."""
    return frozenset(_words("and"))


def alternation(*kinds: str) -> str:
    """A regex alternation of the unit words of `kinds` ("hours", "minutes", "seconds"), the
    longest first (so "minutes" is tried before "min")."""
    words = {w for kind in kinds for w in _words(kind)}
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
