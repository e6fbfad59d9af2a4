"""Normalisation used for matching: titles, shows, URLs. Never used for display."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit, urlunsplit

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_TRACKING = re.compile(r"^(utm_[a-z]+|ref|fbclid|gclid|si)$")
_DROPPED = frozenset({"So", "Sk", "Cf", "Mn"})  # symbols, modifiers, format, combining marks


def fold(text: str | None) -> str:
    """NFKC, casefolded, accents kept, every run of non-word characters one space."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    # Look each distinct character up once: titles and abstracts repeat a few dozen of them.
    dropped = [ch for ch in set(text) if unicodedata.category(ch) in _DROPPED]
    if dropped:
        text = text.translate(dict.fromkeys(map(ord, dropped)))
    return _NON_WORD.sub(" ", text).strip()


def norm_url(url: str | None) -> str:
    """Scheme-less, lower-case host, no trailing slash, no tracking parameters or fragment."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = "&".join(
        p for p in parts.query.split("&") if p and not _TRACKING.match(p.split("=", 1)[0])
    )
    return urlunsplit(("", host, parts.path.rstrip("/"), query, "")).lstrip("/")
