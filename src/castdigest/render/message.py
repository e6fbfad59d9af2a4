"""A rendered email as a complete MIME message: multipart/alternative, text then HTML, UTF-8.

Built apart from delivery so the same message is written to `out/<id>/email.eml` and sent by
`castdigest send`. Headers with non-ASCII text are RFC 2047-encoded by the email package's
policy. The MIME boundary is derived from the content, so the same email gives the same bytes.
The Subject, made from episode titles, loses bidi controls and line breaks (text.bidi).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from types import MappingProxyType

from castdigest.config import Settings
from castdigest.render.email import RenderedEmail
from castdigest.text.bidi import header_text

_NO_HEADERS: Mapping[str, str] = MappingProxyType({})


def build_message(
    rendered: RenderedEmail,
    settings: Settings,
    *,
    to: str,
    message_id: str,
    date: datetime,
    headers: Mapping[str, str] = _NO_HEADERS,
) -> EmailMessage:
    """The message for one recipient; `headers` adds or replaces headers (List-Unsubscribe...)."""
    if date.tzinfo is None:
        raise ValueError("date must be timezone-aware")
    news = settings.newsletter
    msg = EmailMessage(policy=policy.default)
    msg["From"] = news.sender
    msg["To"] = to
    if news.reply_to:
        msg["Reply-To"] = news.reply_to
    msg["Subject"] = header_text(rendered.subject)  # from source titles: one clean line
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = message_id if message_id.startswith("<") else f"<{message_id}>"
    for name, value in headers.items():
        del msg[name]
        msg[name] = value
    msg.set_content(rendered.text, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(rendered.html, subtype="html", charset="utf-8", cte="quoted-printable")
    msg["Content-Language"] = news.language  # after the body: set_content moves Content-*
    digest = hashlib.sha256((rendered.text + "\0" + rendered.html).encode()).hexdigest()
    msg.set_boundary(f"=_cd_{digest[:32]}")  # "=_" never occurs in quoted-printable bodies
    return msg
