"""Identifiers derived from the secret: unsubscribe tokens and Message-IDs.

Both are HMAC-SHA256 under `unsubscribe.secret` (from CASTDIGEST_UNSUBSCRIBE_SECRET), with a
distinct label per use so one can never stand in for the other. A Message-ID is fixed per
(digest, subscriber), which is what makes a resend after a crash a duplicate providers drop.

An unsubscribe token names its subscriber, sealed: `tag || address XOR pad`, where `tag` is an
HMAC of (list, address key) and `pad` a keystream drawn from HMAC(tag) (a synthetic-IV
construction). The server opens it, checks the tag with `hmac.compare_digest`, and looks that
one address up by key: no scan over subscribers, whatever the token. The same address always
gets the same token; without the secret a token reveals nothing about the address (its length
only to 16 bytes) and none can be made. Changing a single bit breaks the tag.

Tokens of the first format (27 characters: a bare HMAC that names nobody) are in emails already
sent; `LegacyTokens` recognises those of the subscribers known when it was built.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import re
from collections.abc import Iterable
from email.utils import parseaddr
from urllib.parse import quote, urlencode

from castdigest.config import Settings
from castdigest.errors import ConfigError
from castdigest.subscribers import email_key

TAG_BYTES = 16  # 128-bit tag: unguessable
_BLOCK = 16  # the sealed address is padded to a multiple of this, so its length barely shows
_MIN_SEALED = 32  # every address up to 32 bytes gives a token of the same length
_MAX_SEALED = 512  # longer than any real address (254): bounds the work on a forged token
LEGACY_BYTES = 20
_LEGACY_RE = re.compile(r"[A-Za-z0-9_-]{27}")
_SEALED_RE = re.compile(r"[A-Za-z0-9_-]{64,704}")
# Either format; the longer first so a search finds a whole current token.
TOKEN_RE = re.compile(rf"{_SEALED_RE.pattern}|{_LEGACY_RE.pattern}")
# Used for dry runs without a configured secret only; never accepted by the server.
DRY_RUN_SECRET = "dry-run-placeholder-secret"


def secret_of(settings: Settings) -> str:
    secret = settings.unsubscribe.secret
    if not secret or len(secret) < 16:
        raise ConfigError(
            "unsubscribe secret missing or shorter than 16 characters",
            where="CASTDIGEST_UNSUBSCRIBE_SECRET",
            hint="set it to a long random string, e.g. `openssl rand -hex 32`",
        )
    return secret


def _mac(secret: str, label: str, *parts: str) -> bytes:
    mac = _keyed(secret).copy()  # the key schedule once per secret, not once per MAC
    mac.update("\0".join((label, *parts)).encode("utf-8"))
    return mac.digest()


@functools.lru_cache(maxsize=8)
def _keyed(secret: str) -> hmac.HMAC:
    return hmac.new(secret.encode("utf-8"), digestmod=hashlib.sha256)


def sender_domain(settings: Settings) -> str:
    _, addr = parseaddr(settings.newsletter.sender)
    domain = addr.rpartition("@")[2].strip().lower()
    if not domain:
        raise ConfigError(
            f"sender {settings.newsletter.sender!r} has no domain", where="newsletter.sender"
        )
    return domain.encode("idna").decode("ascii") if not domain.isascii() else domain


def list_id(settings: Settings) -> str:
    """RFC 2919 list identifier: `[unsubscribe] list_id`, else `<name-slug>.<sender-domain>`."""
    if settings.unsubscribe.list_id:
        return settings.unsubscribe.list_id.strip().strip("<>")
    slug = re.sub(r"[^a-z0-9]+", "-", settings.newsletter.name.lower()).strip("-") or "digest"
    return f"{slug}.{sender_domain(settings)}"


def list_id_header(settings: Settings) -> str:
    name = settings.newsletter.name.replace('"', "").replace("\\", "")
    return f'"{name}" <{list_id(settings)}>'


def unsubscribe_token(secret: str, list_ident: str, email: str) -> str:
    """The token that names `email` on this list (the same every time)."""
    key = email_key(email)
    tag = _tag(secret, list_ident, key)
    raw = key.encode("utf-8")
    size = max(_MIN_SEALED, -(-len(raw) // _BLOCK) * _BLOCK)
    return _b64(tag + _xor(raw.ljust(size, b"\0"), _pad(secret, list_ident, tag, size)))


def token_key(secret: str, list_ident: str, token: str) -> str | None:
    """The address key a current-format token names, or None when it is not one of this
    list's (forged, altered, another secret or list, malformed, or of the legacy format)."""
    if not _SEALED_RE.fullmatch(token):
        return None
    raw = _unb64(token)
    if raw is None or len(raw) % _BLOCK or len(raw) < TAG_BYTES + _MIN_SEALED:
        return None
    tag, sealed = raw[:TAG_BYTES], raw[TAG_BYTES:]
    # Decode leniently and always compute the tag: a forged token takes the same path
    # whatever its bytes open to.
    opened = _xor(sealed, _pad(secret, list_ident, tag, len(sealed)))
    key = opened.rstrip(b"\0").decode("utf-8", "replace")
    return key if hmac.compare_digest(_tag(secret, list_ident, key), tag) else None


def legacy_token(secret: str, list_ident: str, email: str) -> str:
    """A token of the first format, as in emails sent before tokens named their address."""
    raw = _mac(secret, "unsubscribe", list_ident, email_key(email))[:LEGACY_BYTES]
    return _b64(raw)


def token_matches(secret: str, list_ident: str, email: str, token: str) -> bool:
    """Whether `token`, of either format, is `email`'s on this list."""
    if _LEGACY_RE.fullmatch(token):
        return hmac.compare_digest(legacy_token(secret, list_ident, email), token)
    return hmac.compare_digest(unsubscribe_token(secret, list_ident, email), token)


class LegacyTokens:
    """Legacy tokens of the given addresses, each mapped to its address key.

    Built once (one HMAC per address), then each token is a dictionary lookup. Legacy tokens
    were only ever made for subscribers that existed before the current format, so the
    subscribers present when a server starts cover every one still in readers' mailboxes.
    """

    def __init__(self, secret: str, list_ident: str, emails: Iterable[str]) -> None:
        self.secret, self.list_ident = secret, list_ident
        self._keys = {legacy_token(secret, list_ident, e): email_key(e) for e in emails}

    def __len__(self) -> int:
        return len(self._keys)

    def key_of(self, token: str) -> str | None:
        return self._keys.get(token) if _LEGACY_RE.fullmatch(token) else None


def owner_key(
    secret: str, list_ident: str, token: str, legacy: LegacyTokens | None = None
) -> str | None:
    """The address key `token` names, of either format; None for anything else."""
    key = token_key(secret, list_ident, token)
    if key is None and legacy is not None:
        key = legacy.key_of(token)
    return key


def _tag(secret: str, list_ident: str, key: str) -> bytes:
    return _mac(secret, "unsubscribe-tag", list_ident, key)[:TAG_BYTES]


def _pad(secret: str, list_ident: str, tag: bytes, size: int) -> bytes:
    """`size` bytes of keystream, a function of the tag: HMAC blocks in counter mode."""
    blocks = (
        _mac(secret, "unsubscribe-pad", list_ident, tag.hex(), str(n))
        for n in range(-(-size // hashlib.sha256().digest_size))
    )
    return b"".join(blocks)[:size]


def _xor(data: bytes, pad: bytes) -> bytes:
    return (int.from_bytes(data, "big") ^ int.from_bytes(pad, "big")).to_bytes(len(data), "big")


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(token: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        return None


def message_id(secret: str, digest_id: str, email: str, domain: str) -> str:
    """`<hex.digest-id@sender-domain>`, the same every time for one (digest, subscriber)."""
    mac = _mac(secret, "message-id", digest_id, email_key(email)).hex()[:32]
    safe_id = re.sub(r"[^A-Za-z0-9-]", "-", digest_id)
    return f"<{mac}.{safe_id}@{domain}>"


def server_base(settings: Settings) -> str:
    """Where `castdigest unsubscribe-server` is reachable from the outside (no trailing slash)."""
    return (settings.unsubscribe.url or settings.newsletter.site_url).rstrip("/")


def unsubscribe_url(settings: Settings, token: str) -> str:
    return f"{server_base(settings)}/unsubscribe?{urlencode({'token': token})}"


def preferences_url(settings: Settings, token: str) -> str:
    base = settings.send.preferences_url or f"{server_base(settings)}/preferences"
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}{urlencode({'token': token})}"


def unsubscribe_mailto(settings: Settings, token: str) -> str:
    address = settings.unsubscribe.mailto or f"unsubscribe@{sender_domain(settings)}"
    return f"mailto:{address}?subject={quote('unsubscribe ' + token)}"
