"""Per-subscriber wire bytes from one serialised message, without rebuilding the MIME tree.

Subscribers with the same topic choice get the same email apart from their name, their
token, and the To, Date and Message-ID headers. The email package takes milliseconds to build
and serialise a message, far more than the SMTP handover, so a message made once with marker
values is cut into constant pieces and the few quoted-printable lines that hold a marker.
Filling it in re-encodes just those lines, with the same encoder, so the bytes are what the
email package itself would write (the MIME boundary aside, which is derived from content).

`WireTemplate.make` returns None whenever the message is not shaped as expected (a marker in
an unexpected header, a part not quoted-printable, an encoder that does not round-trip), and
the caller then builds the message the slow way.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass
from email import quoprimime

CRLF = b"\r\n"
_BOUNDARY = re.compile(rb'boundary="([^"]+)"')
_SLOTS = (b"to", b"date", b"message-id")  # headers written per subscriber
_QP_LINE = 78  # the email package encodes with its policy's max_line_length (policy.default)


def qp_encode_line(data: bytes) -> bytes:
    """One logical line, quoted-printable, as `email.contentmanager` encodes body lines."""
    text = quoprimime.body_encode(data.decode("latin-1"), _QP_LINE)
    return text.encode("ascii").replace(b"\n", CRLF)


@dataclass(frozen=True)
class _Dynamic:
    html: bool  # which part: the name is HTML-escaped there
    decoded: bytes  # the logical line, decoded, with markers


Piece = bytes | _Dynamic


@dataclass(frozen=True)
class WireTemplate:
    head: tuple[bytes, ...]  # header fields; b"to" etc. stand for the per-subscriber ones
    body: tuple[Piece, ...]
    name_mark: bytes
    token_mark: bytes

    @classmethod
    def make(cls, raw: bytes, name_mark: str, token_mark: str) -> WireTemplate | None:
        marks = (name_mark.encode(), token_mark.encode())
        head_raw, sep, body_raw = raw.partition(CRLF + CRLF)
        if not sep:
            return None
        found = _BOUNDARY.search(head_raw)
        head = _fields(head_raw, marks)
        if found is None or head is None:
            return None
        body = _pieces(body_raw, b"--" + found.group(1), marks)
        constant = [p for p in body or () if isinstance(p, bytes)]
        if body is None or any(m in p for p in constant for m in marks):
            return None
        return cls(head, body, *marks)

    def fill(
        self,
        headers: dict[bytes, bytes],
        token: str,
        name_text: str,
        name_html: str,
    ) -> bytes:
        """The message for one subscriber. `headers`: folded To, Date, Message-ID fields."""
        tok = token.encode()
        head = [headers[f] if f in _SLOTS else f.replace(self.token_mark, tok) for f in self.head]
        names = (name_text.encode(), name_html.encode())
        body = [
            p
            if isinstance(p, bytes)
            else qp_encode_line(
                p.decoded.replace(self.name_mark, names[p.html]).replace(self.token_mark, tok)
            )
            for p in self.body
        ]
        return CRLF.join(head) + CRLF + CRLF + CRLF.join(body)


def _fields(head: bytes, marks: tuple[bytes, bytes]) -> tuple[bytes, ...] | None:
    fields: list[bytes] = []
    for line in head.split(CRLF):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += CRLF + line
        else:
            fields.append(line)
    out: list[bytes] = []
    for field in fields:
        name = field.partition(b":")[0].strip().lower()
        if name in _SLOTS:
            out.append(name)
        elif marks[0] in field or (marks[1] in field and name != b"list-unsubscribe"):
            return None
        else:
            out.append(field)
    return tuple(out)


def _pieces(body: bytes, boundary: bytes, marks: tuple[bytes, bytes]) -> tuple[Piece, ...] | None:
    """Constant runs of lines and the logical QP lines that hold a marker."""
    lines = body.split(CRLF)
    pieces: list[Piece] = []
    group: list[bytes] = []
    part_headers = False
    html = qp = False
    for line in lines:
        if line in (boundary, boundary + b"--"):  # part headers follow
            part_headers, html, qp = True, False, False
            pieces.append(line)
            continue
        if part_headers:
            low = line.lower()
            html = html or low.startswith(b"content-type: text/html")
            qp = qp or low == b"content-transfer-encoding: quoted-printable"
            part_headers = line != b""
            pieces.append(line)
            continue
        group.append(line)
        if qp and line.endswith(b"="):
            continue  # a soft line break: the logical line goes on
        piece = _piece(group, html, qp, marks)
        if piece is None:
            return None
        pieces.append(piece)
        group = []
    if group:
        pieces.append(CRLF.join(group))
    return tuple(_merge(pieces))


def _piece(group: list[bytes], html: bool, qp: bool, marks: tuple[bytes, bytes]) -> Piece | None:
    joined = CRLF.join(group)
    logical = b"".join(g[:-1] for g in group[:-1]) + group[-1]
    if not any(m in logical for m in marks):
        return joined
    if not qp:
        return None
    try:
        decoded = binascii.a2b_qp(logical)
    except binascii.Error:
        return None
    if qp_encode_line(decoded) != joined:  # the encoder must reproduce the line exactly
        return None
    return _Dynamic(html, decoded)


def _merge(pieces: list[Piece]) -> list[Piece]:
    """Fold runs of constant lines into one chunk (fewer joins per message)."""
    out: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, bytes) and out and isinstance(out[-1], bytes):
            out[-1] = out[-1] + CRLF + piece
        else:
            out.append(piece)
    return out
