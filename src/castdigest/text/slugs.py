"""Slugs: the one way a name becomes part of a file name, an anchor or a feed's id, and the
way a hashtag is kept as a tag."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=4096)  # the same few names are slugged for every item, feed and reader
def slugify(text: str, *, max_len: int = 64) -> str:
    """A file-name-safe slug: lowercase ASCII letters, digits and dashes, never empty or dots.
    Accents are dropped ("Ça va" is "ca-va"); a name with no ASCII letter at all ("日本語")
    becomes "t-" and a hash of it, so distinct names keep distinct slugs."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:max_len].strip("-")
    if not slug:
        slug = "t-" + hashlib.sha1(text.encode()).hexdigest()[:10]
    return slug


def tag_slug(tag: str) -> str:
    """A hashtag as a tag: case folded, runs of non-word characters as one dash, letters of
    every script kept ("#Tech News" is "tech-news", "#播客" stays "播客")."""
    return _NOT_WORD.sub("-", tag.casefold()).strip("-")
