"""`subscribers unsubscribe-mail`: act on the unsubscribe requests saved from the mailbox that
every message's List-Unsubscribe `mailto:` names.

A request carrying a valid token unsubscribes its subscriber, as the unsubscribe server's
one-click POST does. One without (typed by hand, or a token of another list) is never acted
on by its From address, which anyone can write: when that address is an active subscriber
the request is reported for the editor to decide, on every run until it is dealt with.
Each request acted on is recorded by Message-ID, once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from castdigest.archive import Archive
from castdigest.config import Settings
from castdigest.models import Subscriber, SubscriberStatus
from castdigest.send import tokens
from castdigest.send.mail_requests import MailRequest, Unreadable, read_mail


@dataclass(frozen=True)
class Outcome:
    where: str
    email: str  # the subscriber's address, or the sender's when no token matched


@dataclass
class MailReport:
    unsubscribed: list[Outcome] = field(default_factory=list)
    already: list[Outcome] = field(default_factory=list)  # not active when the request came
    no_subscriber: list[Outcome] = field(default_factory=list)  # nobody active to unsubscribe
    unmatched: list[Outcome] = field(default_factory=list)  # an active sender, no valid token
    failed: list[Unreadable] = field(default_factory=list)
    handled_before: int = 0
    other: int = 0  # messages that do not ask to unsubscribe

    @property
    def needs_attention(self) -> bool:
        return bool(self.unmatched or self.failed)

    def as_dict(self) -> dict[str, object]:
        def rows(items: list[Outcome]) -> list[dict[str, str]]:
            return [{"where": o.where, "email": o.email} for o in items]

        return {
            "unsubscribed": rows(self.unsubscribed),
            "already": rows(self.already),
            "no_subscriber": rows(self.no_subscriber),
            "unmatched": rows(self.unmatched),
            "failed": [{"where": u.where, "error": u.error} for u in self.failed],
            "handled_before": self.handled_before,
            "other": self.other,
        }


def unsubscribe_by_mail(
    archive: Archive, settings: Settings, paths: list[Path], now: datetime
) -> MailReport:
    """Read every message in `paths` and act on the unsubscribe requests among them."""
    secret, list_ident = tokens.secret_of(settings), tokens.list_id(settings)
    # A token names its subscriber; legacy tokens (older emails) are found by one index.
    legacy = tokens.LegacyTokens(secret, list_ident, archive.subscribers.keys())

    def owner(token: str | None) -> Subscriber | None:
        key = tokens.owner_key(secret, list_ident, token or "", legacy)
        return archive.subscribers.get(key) if key is not None else None

    report = MailReport()
    for item in read_mail(paths):
        if isinstance(item, Unreadable):
            report.failed.append(item)
        elif not item.asks:
            report.other += 1
        elif archive.subscribers.request_handled(item.key):
            report.handled_before += 1
        else:
            _handle(archive, item, owner(item.token), now, report)
    return report


def _handle(
    archive: Archive,
    item: MailRequest,
    owner: Subscriber | None,
    now: datetime,
    report: MailReport,
) -> None:
    store = archive.subscribers
    if owner is None:
        sender = store.get(item.sender) if item.sender else None
        if sender is not None and sender.status is SubscriberStatus.ACTIVE:
            report.unmatched.append(Outcome(item.where, sender.email))  # not recorded: see doc
            return
        outcome, email, kept = "no-subscriber", item.sender, report.no_subscriber
    else:
        outcome, email, kept = "already", owner.email, report.already
    with archive.transaction():
        # What the conditional update finds decides what is reported, not the status read.
        active = owner is not None and owner.status is SubscriberStatus.ACTIVE
        if active and store.unsubscribe(email, now):
            outcome, kept = "unsubscribed", report.unsubscribed
        store.record_request(item.key, email, outcome, now)
    kept.append(Outcome(item.where, email))
