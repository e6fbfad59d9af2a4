"""Subscribers: address validation, topic lists, and CSV import with duplicates merged.

Pure functions over models; storing them is `archive/subscribers.py`'s job. Addresses are
validated with email-validator and normalised (domain lowercased, Unicode NFC); two rows whose
addresses differ only in case are the same subscriber (`email_key`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from email_validator import EmailNotValidError, validate_email

from castdigest.errors import ReadError
from castdigest.models import Digest, Subscriber, SubscriberStatus

COLUMNS = ("email", "name", "topics", "status")
_TOPIC_SPLIT = re.compile(r"[;,|\s]+")


class InvalidSubscriber(ValueError):
    """One address, topic or status that cannot be accepted; the message says why."""


def normalize_email(text: str, *, check_deliverability: bool = False) -> str:
    """The normalised address, or InvalidSubscriber. No DNS lookup unless asked for."""
    text = text.strip()
    if not text:
        raise InvalidSubscriber("empty email address")
    try:
        result = validate_email(text, check_deliverability=check_deliverability)
    except EmailNotValidError as exc:
        raise InvalidSubscriber(f"invalid email address {text!r}: {exc}") from None
    return str(result.normalized)


def email_key(email: str) -> str:
    """The identity of an address: case-insensitive, so `Ann@X.org` and `ann@x.org` merge."""
    return email.strip().casefold()


def parse_topics(text: str | Iterable[str]) -> list[str]:
    """Topic slugs from `"a; b"`, `"a,b"`, `"a|b"` or a list; lowercased, deduplicated, sorted."""
    parts = _TOPIC_SPLIT.split(text) if isinstance(text, str) else list(text)
    return sorted({p.strip().lower() for p in parts if p.strip()})


def parse_status(text: str) -> SubscriberStatus:
    value = text.strip().lower() or SubscriberStatus.ACTIVE.value
    try:
        return SubscriberStatus(value)
    except ValueError:
        allowed = ", ".join(s.value for s in SubscriberStatus)
        raise InvalidSubscriber(f"unknown status {text!r} (one of {allowed})") from None


def check_topics(topics: Sequence[str], known: Sequence[str]) -> None:
    """Reject topic slugs the config does not declare (typos would silently mean nothing)."""
    if not known:
        return
    unknown = [t for t in topics if t not in set(known)]
    if unknown:
        raise InvalidSubscriber(
            f"unknown topic(s) {', '.join(unknown)} (configured: {', '.join(sorted(known))})"
        )


def make_subscriber(
    email: str,
    name: str | None = None,
    topics: str | Iterable[str] = (),
    status: str = "",
    *,
    known_topics: Sequence[str] = (),
    check_deliverability: bool = False,
) -> Subscriber:
    """A validated Subscriber from loose input (CSV cells, CLI options)."""
    address = normalize_email(email, check_deliverability=check_deliverability)
    slugs = parse_topics(topics)
    check_topics(slugs, known_topics)
    clean_name = " ".join((name or "").split()) or None
    return Subscriber(email=address, name=clean_name, topics=slugs, status=parse_status(status))


def merge(old: Subscriber, new: Subscriber) -> Subscriber:
    """Two rows for one address: later non-empty values win; topics are combined."""
    topics = sorted(set(old.topics) | set(new.topics)) if old.topics and new.topics else []
    return Subscriber(
        email=new.email,
        name=new.name or old.name,
        topics=topics,
        status=new.status,
    )


@dataclass
class RowError:
    line: int
    message: str


@dataclass
class CsvResult:
    subscribers: list[Subscriber] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    merged: int = 0  # rows folded into an earlier row for the same address


def read_csv(
    path: Path, *, known_topics: Sequence[str] = (), check_deliverability: bool = False
) -> CsvResult:
    """Read a subscriber CSV; ReadError when the file itself is unusable."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}", where=str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReadError(
            "not UTF-8 text", where=str(path), line=line, hint="save the CSV as UTF-8"
        ) from None
    return parse_csv(text, known_topics=known_topics, check_deliverability=check_deliverability)


def parse_csv(
    text: str, *, known_topics: Sequence[str] = (), check_deliverability: bool = False
) -> CsvResult:
    """Rows `email, name, topics, status` (a header row names them in any order; without one
    they are taken in that order). Invalid rows are reported with their line and skipped.
    """
    result = CsvResult()
    by_key: dict[str, Subscriber] = {}
    reader = csv.reader(io.StringIO(text, newline=""))
    columns: Sequence[str] = COLUMNS
    line = 1  # first physical line of the record about to be read
    first = True
    for row in reader:
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if first:
            first = False
            header = [cell.strip().lower() for cell in row]
            if "email" in header:
                columns = header
                continue
        cells = dict(zip(columns, row, strict=False))
        try:
            sub = make_subscriber(
                cells.get("email", ""),
                cells.get("name"),
                cells.get("topics", ""),
                cells.get("status", ""),
                known_topics=known_topics,
                check_deliverability=check_deliverability,
            )
        except InvalidSubscriber as exc:
            result.errors.append(RowError(start, str(exc)))
            continue
        key = email_key(sub.email)
        if key in by_key:
            result.merged += 1
            by_key[key] = merge(by_key[key], sub)
        else:
            by_key[key] = sub
    result.subscribers = list(by_key.values())
    return result


def digest_topics(digest: Digest) -> list[str]:
    """Slugs of the digest's sections that hold at least one item, in digest order."""
    return [s.topic for s in digest.sections if s.items]


def topics_for(subscriber: Subscriber, digest: Digest) -> list[str]:
    """The subscriber's topics that have something this week (all of them when they chose none)."""
    present = digest_topics(digest)
    if not subscriber.topics:
        return present
    wanted = set(subscriber.topics)
    return [t for t in present if t in wanted]
