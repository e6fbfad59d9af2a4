"""Normalisation: folding for matching (titles, shows, URLs; never for display), and the
cleaning every text read from a source gets before it becomes a model (control characters)."""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import SplitResult, urlsplit, urlunsplit

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_TRACKING = re.compile(r"^(utm_[a-z]+|ref|fbclid|gclid|si)$")
_DROPPED = frozenset({"So", "Sk", "Cf", "Mn"})  # symbols, modifiers, format, combining marks


_FOLD_CACHED = 200  # characters: a line (a title, a name) is folded again by later passes


def fold(text: str | None) -> str:
    """NFKC, casefolded, accents kept, every run of non-word characters one space."""
    if not text:
        return ""
    return _fold_line(text) if len(text) <= _FOLD_CACHED else _fold(text)


@functools.lru_cache(maxsize=1 << 14)  # a page's lines are folded by each pass comparing them
def _fold_line(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    # Look each distinct character up once: titles and abstracts repeat a few dozen of them.
    dropped = [ch for ch in set(text) if unicodedata.category(ch) in _DROPPED]
    if dropped:
        text = text.translate(dict.fromkeys(map(ord, dropped)))
    return _NON_WORD.sub(" ", text).strip()


@functools.lru_cache(maxsize=8192)  # a reader checks an address, identification then keys it
def _split(url: str) -> SplitResult | None:
    """`urlsplit(url.strip())`; None when it does not parse ("http://[::1/")."""
    try:
        return urlsplit(url.strip())
    except ValueError:
        return None


@functools.lru_cache(maxsize=8192)  # pure, and a run meets the same addresses again and again
def norm_url(url: str | None) -> str:
    """Scheme-less, lower-case host, no trailing slash, no tracking parameters or fragment."""
    if not url:
        return ""
    parts = _split(url)
    if parts is None:  # nothing to match on
        return ""
    host = parts.netloc.lower().removeprefix("www.")
    query = "&".join(
        p for p in parts.query.split("&") if p and not _TRACKING.match(p.split("=", 1)[0])
    )
    return urlunsplit(("", host, parts.path.rstrip("/"), query, "")).lstrip("/")


_LATIN_ACCENTED = range(0xC0, 0x250)  # Latin-1 Supplement to Latin Extended-B


@functools.cache
def _plain_letters() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in _LATIN_ACCENTED:
        parts = unicodedata.normalize("NFD", chr(code))
        if len(parts) > 1 and all(unicodedata.combining(c) for c in parts[1:]):
            table[code] = parts[0]
    return table


def without_accents(text: str) -> str:
    """`text` with its accented Latin letters plain ("Écoutez" -> "Ecoutez"), as French
    capitals and hurried typing often write them; other scripts are left as they are (a kana's
    voicing mark or a Hangul syllable is not an accent)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text).translate(_plain_letters())


# Control characters no stored text may hold: C0 but tab and line feed, DEL, C1, and lone
# surrogates (never text; they cannot even be written as UTF-8).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# What `str.splitlines` breaks on among them: kept as line breaks, so that lines stay lines.
_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85]")


# The same in ASCII text, as characters: a substring search per character finds out whether
# a page of ASCII holds one several times faster than the pattern scanning it once; a short
# text (a title, a URL), the pattern scans faster than the 32 searches start.
_ASCII_CONTROLS = tuple(chr(c) for c in (*range(0x09), *range(0x0B, 0x20), 0x7F))
_ASCII_LINE_CONTROLS = ("\t", "\n", *_ASCII_CONTROLS)
_SHORT = 300  # characters: below this the pattern is faster than the substring searches


def has_controls(text: str, multiline: bool = True) -> str | None:
    """The first control character `text` may not hold, or None. In `multiline` text tab and
    line feed are allowed; in a single line (a title, a name) they are not."""
    if text.isascii():
        if len(text) >= _SHORT:
            # the substring searches first: `isprintable` walks a long text character by
            # character (40 us on a 20 KB body, eight times the searches), and a multiline
            # text is never printable throughout (its line feeds)
            if not any(c in text for c in _ascii_controls(multiline)):
                return None
        elif text.isprintable():
            # ASCII that is all printable holds no control at all (tab and line feed included)
            return None
    m = (_CONTROLS if multiline else _LINE_CONTROLS).search(text)
    return m.group(0) if m else None


def _ascii_controls(multiline: bool) -> tuple[str, ...]:
    return _ASCII_CONTROLS if multiline else _ASCII_LINE_CONTROLS


def strip_controls(text: str, multiline: bool = True) -> str:
    """`text` without control characters: line breaks of any kind become "\\n" (a space in a
    single line, as does a tab), a lone surrogate becomes U+FFFD, the rest is dropped."""
    if has_controls(text, multiline) is None:
        return text
    text = _BREAKS.sub("\n" if multiline else " ", text)
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    return _CONTROLS.sub(_control_replacement, text)


def _control_replacement(m: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= m.group(0) <= "\udfff" else ""


def usable_url(url: str) -> bool:
    """Whether `url` parses as a URL (urllib and HTTP clients refuse "http://[::1/" or a port
    of 99999 with an exception): what cannot be parsed cannot be matched or fetched."""
    if not url or has_controls(url, multiline=False) or " " in url.strip():
        return False
    parts = _split(url)
    if parts is None:
        return False
    try:
        _ = parts.port
    except ValueError:  # a port out of range or not a number
        return False
    return True
