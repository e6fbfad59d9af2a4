"""Digest ids: what a user may name a digest, checked wherever an id comes from them.

An id names a folder under out/, appears in the email's Subject and in URLs, so it is kept
to a slug: an ISO week (`2026-W48`), a date range (`2026-11-01--2026-11-30`) or lowercase
letters, digits and dashes (`november`), at most `MAX_LENGTH` characters. Line breaks, spaces,
slashes, dots and every other character are refused before anything is stored.
"""

from __future__ import annotations

import re

MAX_LENGTH = 64
_WEEK = re.compile(r"\d{4}-W\d{2}")
_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
RULE = (
    "an ISO week (2026-W48), a date range (2026-11-01--2026-11-30) or lowercase letters, "
    f"digits and dashes (november), at most {MAX_LENGTH} characters"
)


def is_digest_id(text: str) -> bool:
    if len(text) > MAX_LENGTH:
        return False
    return bool(_WEEK.fullmatch(text) or _SLUG.fullmatch(text))


def check_digest_id(text: str) -> str:
    """`text` when it is a valid digest id; ValueError naming it (with `repr`, so a line
    break or an invisible character shows) otherwise."""
    if not is_digest_id(text):
        raise ValueError(f"{text!r} is not a digest id: use {RULE}")
    return text
