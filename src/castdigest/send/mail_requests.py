"""Unsubscribe requests that arrive by mail: the `mailto:` of every message's List-Unsubscribe.

A reader's mail program sends `unsubscribe TOKEN` (the subject the mailto asks for) to the
unsubscribe address. The editor saves that mailbox (an mbox file, a Maildir folder, or single
.eml messages) and `castdigest subscribers unsubscribe-mail` reads it: this module finds the
requests and their tokens; `pipeline/subscribers.py` acts on them.

Only the token is believed, as by the unsubscribe server: anyone can write any From address.
"""

from __future__ import annotations

import hashlib
import mailbox
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default
from email.utils import parseaddr
from pathlib import Path

from castdigest.send.tokens import TOKEN_RE

_REQUEST = re.compile(r"\bunsubscribe\b", re.IGNORECASE)
# A token, or the pieces of one: a mail program that encodes a subject (RFC 2047) may cut a
# long token across encoded words, which come back apart with a space between them.
_TOKEN_AFTER = re.compile(r"\bunsubscribe\s+([A-Za-z0-9_-]+(?:[ \t]+[A-Za-z0-9_-]+)*)", re.I)
_MAX_PIECES = 12  # a token cut into more pieces than this is not looked for
_BODY_CHARS = 4000  # a request's token is in its first lines, not under a quoted digest


@dataclass(frozen=True)
class MailRequest:
    """One message of a mailbox: where it is, who it says it is from, and its token if it
    asks to unsubscribe (`asks` is False for any other mail)."""

    where: str
    key: str  # Message-ID, else a hash of the message: a message is acted on once
    sender: str
    asks: bool
    token: str | None = None


@dataclass(frozen=True)
class Unreadable:
    where: str
    error: str


def read_mail(paths: list[Path]) -> Iterator[MailRequest | Unreadable]:
    """Every message in `paths` (mbox files, Maildir folders, single messages), in order."""
    for path in paths:
        try:
            yield from _read_path(path)
        except OSError as exc:  # unreadable, or gone while being read: the others go on
            yield Unreadable(str(path), exc.strerror or str(exc))


def _read_path(path: Path) -> Iterator[MailRequest | Unreadable]:
    if path.is_dir():
        if not any((path / sub).is_dir() for sub in ("cur", "new")):
            yield Unreadable(str(path), "a folder, but not a Maildir (no cur/ or new/)")
            return
        box = mailbox.Maildir(path, create=False)
        for key in sorted(box.keys()):
            yield _request(f"{path}/{key}", box.get_bytes(key))
    elif not path.is_file():
        yield Unreadable(str(path), "no such file or folder")
    else:
        yield from _read_file(path)


def _read_file(path: Path) -> Iterator[MailRequest | Unreadable]:
    with path.open("rb") as f:
        head = f.read(5)
    if head == b"From ":
        box = mailbox.mbox(path, create=False)
        for n, key in enumerate(box.keys(), start=1):
            yield _request(f"{path}: message {n}", box.get_bytes(key))
        return
    yield _request(str(path), path.read_bytes())


def _request(where: str, raw: bytes) -> MailRequest | Unreadable:
    try:
        msg = BytesParser(policy=default).parsebytes(raw)
        if not isinstance(msg, EmailMessage) or not msg.keys():
            return Unreadable(where, "not an email message (no headers)")
        subject = str(msg.get("Subject", ""))
        sender = parseaddr(str(msg.get("From", "")))[1]
        message_id = str(msg.get("Message-ID", "")).strip()
        body = _first_text(msg)
    except Exception as exc:  # a malformed message must not stop the others
        return Unreadable(where, f"unreadable message ({type(exc).__name__})")
    key = message_id or "sha256:" + hashlib.sha256(raw).hexdigest()
    for text in (subject, body):
        if token := _token_in(text):
            return MailRequest(where, key, sender, True, token)
    # The unsubscribe address gets little else: a request in the reader's own words counts.
    asks = bool(_REQUEST.search(subject) or _REQUEST.search(body))
    return MailRequest(where, key, sender, asks)


def _token_in(text: str) -> str | None:
    """The token after "unsubscribe": the first piece that is one, joined with the pieces
    after it until it is one."""
    if not (m := _TOKEN_AFTER.search(text)):
        return None
    joined = ""
    for piece in m.group(1).split()[:_MAX_PIECES]:
        joined += piece
        if TOKEN_RE.fullmatch(joined):
            return joined
    return None


def _first_text(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain",))
    if part is None:
        return ""
    content = part.get_content()
    return content[:_BODY_CHARS] if isinstance(content, str) else ""
