"""Subscriber management: CSV import, add and remove, over the archive's subscriber store.

An import never brings back someone who unsubscribed: an old export that still says
"active" must not override their choice. `add` (one address, typed by the editor) does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from castdigest.archive import Archive
from castdigest.errors import NotFoundError
from castdigest.models import Subscriber, SubscriberStatus
from castdigest.subscribers import RowError, make_subscriber, read_csv


@dataclass
class ImportReport:
    location: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0  # rows folded into an earlier row of the same file (same address)
    kept_unsubscribed: int = 0
    errors: list[RowError] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "location": self.location,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "merged": self.merged,
            "kept_unsubscribed": self.kept_unsubscribed,
            "errors": [{"line": e.line, "message": e.message} for e in self.errors],
        }


def import_csv(
    archive: Archive,
    path: Path,
    *,
    known_topics: Sequence[str] = (),
    check_deliverability: bool = False,
    now: datetime | None = None,
) -> ImportReport:
    """Import every valid row of a CSV in one transaction; invalid rows are reported."""
    now = now or datetime.now(UTC)
    parsed = read_csv(path, known_topics=known_topics, check_deliverability=check_deliverability)
    report = ImportReport(str(path), merged=parsed.merged, errors=parsed.errors)
    with archive.transaction():
        for sub in parsed.subscribers:
            old = archive.subscribers.get(sub.email)
            if (
                old is not None
                and old.status is SubscriberStatus.UNSUBSCRIBED
                and sub.status is SubscriberStatus.ACTIVE
            ):
                sub = sub.model_copy(update={"status": SubscriberStatus.UNSUBSCRIBED})
                report.kept_unsubscribed += 1
            outcome = archive.subscribers.upsert(sub, now)
            setattr(report, outcome, getattr(report, outcome) + 1)
    return report


def add_subscriber(
    archive: Archive,
    email: str,
    *,
    name: str | None = None,
    topics: Sequence[str] = (),
    known_topics: Sequence[str] = (),
    check_deliverability: bool = False,
) -> tuple[Subscriber, str]:
    """Add or update (and reactivate) one subscriber; raises InvalidSubscriber on bad input."""
    sub = make_subscriber(
        email,
        name,
        topics,
        known_topics=known_topics,
        check_deliverability=check_deliverability,
    )
    old = archive.subscribers.get(sub.email)
    if old is not None and name is None:
        sub = sub.model_copy(update={"name": old.name})
    if old is not None and not topics:
        sub = sub.model_copy(update={"topics": old.topics})
    with archive.transaction():
        outcome = archive.subscribers.upsert(sub, datetime.now(UTC))
    return sub, outcome


def remove_subscriber(archive: Archive, email: str, *, forget: bool = False) -> None:
    """Unsubscribe (kept, so an import cannot bring them back) or, with `forget`, delete."""
    if forget:
        archive.subscribers.delete(email)
        return
    if not archive.subscribers.set_status(email, SubscriberStatus.UNSUBSCRIBED, datetime.now(UTC)):
        raise NotFoundError(
            "no such subscriber", where=email, hint="see `castdigest subscribers list`"
        )
