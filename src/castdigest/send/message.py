"""Building one subscriber's message, apart from delivering it.

The render stage makes the text and HTML parts for a subscriber's topics; this module adds the
per-subscriber parts (name, unsubscribe and preferences links) and the headers mailbox
providers require: Date, a fixed Message-ID, List-Id, and RFC 8058 one-click List-Unsubscribe.

Rendering (MJML) costs far more than sending, so one render serves every subscriber with the
same topics: it is made with marker values for the name and token, which are then replaced.
The first time names are used the result is compared with a direct render, and if the
template treats names in a way substitution cannot reproduce, names are rendered one by one.
"""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import format_datetime, parseaddr

from markupsafe import escape

from castdigest.config import Settings
from castdigest.models import Digest, Subscriber
from castdigest.render.email import RenderedEmail, render_email
from castdigest.render.message import build_message
from castdigest.send import tokens
from castdigest.send.wire import WireTemplate
from castdigest.subscribers import topics_for
from castdigest.text.bidi import header_text

# Plain letters and digits: no template, escaper, inliner or wrapper changes them.
NAME_MARK = "Zqx9recipient9name9qxZ"
TOKEN_MARK = "Zqx9unsubscribe9token9qxZ"
_CACHE_SIZE = 256


@dataclass(frozen=True)
class Recipient:
    """Everything about one subscriber that goes into their message."""

    subscriber: Subscriber
    topics: tuple[str, ...] | None  # their topics with items this week; None: every topic
    token: str
    message_id: str


def envelope_sender(settings: Settings) -> str:
    return parseaddr(settings.newsletter.sender)[1]


def wire_address(email: str) -> str:
    """The address as SMTP and the To header carry it: an internationalised domain in its
    ASCII (IDNA) form, so only a non-ASCII local part needs SMTPUTF8."""
    local, _, domain = email.rpartition("@")
    if not domain.isascii():
        domain = domain.encode("idna").decode("ascii")
    return f"{local}@{domain}"


def to_header(sub: Subscriber) -> str:
    """`Name <addr>`; email.headerregistry encodes a non-ASCII name as RFC 2047. The name
    came from a subscriber list: no bidi controls or line breaks reach the header."""
    local, _, domain = wire_address(sub.email).rpartition("@")
    return str(Address(display_name=header_text(sub.name or ""), username=local, domain=domain))


def list_headers(settings: Settings, token: str) -> dict[str, str]:
    url = tokens.unsubscribe_url(settings, token)
    mailto = tokens.unsubscribe_mailto(settings, token)
    return {
        "List-Id": tokens.list_id_header(settings),
        "List-Unsubscribe": f"<{url}>, <{mailto}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def make_recipient(
    sub: Subscriber, digest: Digest, settings: Settings, secret: str, message_id: str | None = None
) -> Recipient:
    """The recipient's topics this week, token and (unless the ledger fixed one) Message-ID."""
    chosen = tuple(topics_for(sub, digest)) if sub.topics else None
    token = tokens.unsubscribe_token(secret, tokens.list_id(settings), sub.email)
    mid = message_id or tokens.message_id(
        secret, digest.id, sub.email, tokens.sender_domain(settings)
    )
    return Recipient(sub, chosen, token, mid)


def has_content(sub: Subscriber, digest: Digest) -> bool:
    return bool(topics_for(sub, digest))


class MessageBuilder:
    """Builds each recipient's message; renders once per topic selection."""

    def __init__(self, digest: Digest, settings: Settings) -> None:
        self.digest = digest
        self.settings = settings
        self._cache: OrderedDict[tuple[tuple[str, ...] | None, bool], RenderedEmail] = OrderedDict()
        self._wires: dict[tuple[tuple[str, ...] | None, bool], WireTemplate | None] = {}
        self._names_checked = False
        self._names_substitute = True
        self.renders = 0

    def _render(self, topics: Sequence[str] | None, name: str | None, token: str) -> RenderedEmail:
        self.renders += 1
        return render_email(
            self.digest,
            self.settings,
            topics=None if topics is None else list(topics),
            recipient_name=name,
            unsubscribe_url=tokens.unsubscribe_url(self.settings, token),
            preferences_url=tokens.preferences_url(self.settings, token),
        )

    def _template(self, topics: tuple[str, ...] | None, named: bool) -> RenderedEmail:
        key = (topics, named)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        made = self._render(topics, NAME_MARK if named else None, TOKEN_MARK)
        self._cache[key] = made
        if len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return made

    def rendered(self, rcpt: Recipient) -> RenderedEmail:
        name = rcpt.subscriber.name
        if name and not self._names_substitute:
            return self._render(rcpt.topics, name, rcpt.token)
        out = _fill(self._template(rcpt.topics, bool(name)), name, rcpt.token)
        if name and not self._names_checked:
            self._names_checked = True
            direct = self._render(rcpt.topics, name, rcpt.token)
            if not _same(direct, out):
                self._names_substitute = False
                return direct
        return out

    def wire(self, rcpt: Recipient, date: datetime) -> bytes:
        """The message as sent: from the wire template of its topic choice when possible."""
        name = rcpt.subscriber.name
        if not wire_address(rcpt.subscriber.email).isascii():  # an SMTPUTF8 message
            return to_bytes(self.message(rcpt, date), utf8=True)
        if name and (not self._names_checked or not self._names_substitute):
            return to_bytes(self.message(rcpt, date))
        key = (rcpt.topics, bool(name))
        if key not in self._wires:
            self._wires[key] = self._wire_template(rcpt.topics, bool(name), date)
        tmpl = self._wires[key]
        if tmpl is None:
            return to_bytes(self.message(rcpt, date))
        headers = {
            b"to": _header("To", to_header(rcpt.subscriber)),
            b"date": _header("Date", format_datetime(date)),
            b"message-id": _header("Message-ID", rcpt.message_id),
        }
        text_name = _clean(name)
        return tmpl.fill(headers, rcpt.token, text_name, str(escape(text_name)))

    def _wire_template(
        self, topics: tuple[str, ...] | None, named: bool, date: datetime
    ) -> WireTemplate | None:
        msg = build_message(
            self._template(topics, named),
            self.settings,
            to="template@example.invalid",
            message_id="<template@example.invalid>",
            date=date,
            headers=list_headers(self.settings, TOKEN_MARK),
        )
        return WireTemplate.make(to_bytes(msg), NAME_MARK, TOKEN_MARK)

    def message(self, rcpt: Recipient, date: datetime) -> EmailMessage:
        return build_message(
            self.rendered(rcpt),
            self.settings,
            to=to_header(rcpt.subscriber),
            message_id=rcpt.message_id,
            date=date,
            headers=list_headers(self.settings, rcpt.token),
        )


def _clean(name: str | None) -> str:
    """The name as the render stage shows it (whitespace runs collapsed)."""
    return " ".join(name.split()) if name else ""


def _same(direct: RenderedEmail, filled: RenderedEmail) -> bool:
    """Substitution reproduces a direct render. The HTML is compared with entities resolved:
    the inliner re-serialises the direct render (`&#39;` may come back as `'`)."""
    return (
        (direct.subject, direct.text, direct.preheader, direct.trimmed)
        == (filled.subject, filled.text, filled.preheader, filled.trimmed)
    ) and html.unescape(direct.html) == html.unescape(filled.html)


def _fill(template: RenderedEmail, name: str | None, token: str) -> RenderedEmail:
    text_name = _clean(name)
    html_name = str(escape(text_name))
    return replace(
        template,
        subject=template.subject.replace(NAME_MARK, text_name).replace(TOKEN_MARK, token),
        preheader=template.preheader.replace(NAME_MARK, text_name).replace(TOKEN_MARK, token),
        text=template.text.replace(NAME_MARK, text_name).replace(TOKEN_MARK, token),
        html=template.html.replace(NAME_MARK, html_name).replace(TOKEN_MARK, token),
    )


class _WirePolicy(EmailPolicy):
    """SMTP policy (CRLF, 78-column folding, RFC 2047 for non-ASCII), except that URL-list
    headers are folded only between their `<...>` entries: the generic folder would turn a long
    URL into encoded-words, which List-Unsubscribe readers do not decode."""

    def fold_binary(self, name: str, value: str) -> bytes:
        if name.lower() in _URL_LIST_HEADERS and str(value).isascii():
            entries = [e.strip() for e in re.split(r"(?<=>)\s*,", str(value)) if e.strip()]
            return f"{name}: {(',' + self.linesep + ' ').join(entries)}{self.linesep}".encode()
        return super().fold_binary(name, value)


def _header(name: str, value: str) -> bytes:
    """One header field folded exactly as the generator writes it (no final CRLF)."""
    stored_name, stored = WIRE_POLICY.header_store_parse(name, value)
    return WIRE_POLICY.fold_binary(stored_name, stored)[:-2]


_URL_LIST_HEADERS = {"list-unsubscribe", "list-help", "list-subscribe", "list-archive"}
WIRE_POLICY = _WirePolicy(linesep="\r\n")
# For a recipient whose address is not ASCII (RFC 6531/6532): headers travel as UTF-8.
WIRE_POLICY_UTF8 = _WirePolicy(linesep="\r\n", utf8=True)


def to_bytes(msg: EmailMessage, *, utf8: bool = False) -> bytes:
    """Wire form: CRLF line ends; headers folded and RFC 2047-encoded where needed."""
    return msg.as_bytes(policy=WIRE_POLICY_UTF8 if utf8 else WIRE_POLICY)
