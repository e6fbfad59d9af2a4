"""Identifiers derived from the secret: unsubscribe tokens and Message-IDs.

Both are HMAC-SHA256 under `unsubscribe.secret` (from CASTDIGEST_UNSUBSCRIBE_SECRET), with a
distinct label per use so one can never stand in for the other. A token reveals nothing about
the address and cannot be forged without the secret; a Message-ID is fixed per (digest,
subscriber), which is what makes a resend after a crash a duplicate providers drop.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from email.utils import parseaddr
from urllib.parse import quote, urlencode

from castdigest.config import Settings
from castdigest.errors import ConfigError
from castdigest.subscribers import email_key

TOKEN_BYTES = 20  # 160 bits: unguessable, and short enough for a URL
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{27}")
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
    msg = "\0".join((label, *parts)).encode("utf-8")
    return hmac.new(secret.encode("utf-8"), msg, hashlib.sha256).digest()


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
    raw = _mac(secret, "unsubscribe", list_ident, email_key(email))[:TOKEN_BYTES]
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def token_matches(secret: str, list_ident: str, email: str, token: str) -> bool:
    return hmac.compare_digest(unsubscribe_token(secret, list_ident, email), token)


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
