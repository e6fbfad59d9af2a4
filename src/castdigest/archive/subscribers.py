"""Subscribers and the send ledger: one row per (digest, subscriber) that says where it stands.

Each ledger update is its own committed statement, so a process killed at any point leaves
the ledger saying exactly how far it got (at worst a row left `in-flight`).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from castdigest.archive.db import parse_iso, utc_iso
from castdigest.errors import NotFoundError
from castdigest.models import LedgerRow, SendState, Subscriber, SubscriberStatus
from castdigest.subscribers import email_key

if TYPE_CHECKING:
    from castdigest.archive.db import Archive

# States a send run picks up: never tried, tried and deferred, or cut off mid-handover.
RESENDABLE = (SendState.PENDING, SendState.FAILED_TEMPORARY, SendState.IN_FLIGHT)


def _subscriber(row: tuple[str, str | None, str, str]) -> Subscriber:
    email, name, topics, status = row
    return Subscriber(
        email=email, name=name, topics=json.loads(topics), status=SubscriberStatus(status)
    )


def subscriber_by_key(conn: sqlite3.Connection, key: str) -> Subscriber | None:
    """One subscriber by address key: a primary-key lookup, one row read."""
    row = conn.execute(
        "SELECT email, name, topics, status FROM subscribers WHERE email_key = ?", (key,)
    ).fetchone()
    return _subscriber(row) if row else None


def unsubscribe_key(conn: sqlite3.Connection, key: str, now: datetime) -> bool:
    """Unsubscribe one subscriber in a single conditional statement; True only when this call
    changed it (False: already unsubscribed, or no such subscriber). A bounced address is
    unsubscribed too, so that reactivating bounced addresses never reaches it."""
    cur = conn.execute(
        "UPDATE subscribers SET status = ?, updated_at = ? WHERE email_key = ? AND status <> ?",
        (
            SubscriberStatus.UNSUBSCRIBED.value,
            utc_iso(now),
            key,
            SubscriberStatus.UNSUBSCRIBED.value,
        ),
    )
    return cur.rowcount > 0


def set_topics_if_active(
    conn: sqlite3.Connection, key: str, topics: list[str], now: datetime
) -> bool:
    """Replace an active subscriber's topics in a single conditional statement, never touching
    the status: False (and nothing written) when they are not active by the time it runs."""
    cur = conn.execute(
        "UPDATE subscribers SET topics = ?, updated_at = ? WHERE email_key = ? AND status = ?",
        (json.dumps(topics), utc_iso(now), key, SubscriberStatus.ACTIVE.value),
    )
    return cur.rowcount > 0


class SubscriberStore:
    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.conn = archive.conn

    def get(self, email: str) -> Subscriber | None:
        return subscriber_by_key(self.conn, email_key(email))

    def unsubscribe(self, email: str, now: datetime) -> bool:
        """Unsubscribe unless already unsubscribed; True when this call changed the status."""
        return unsubscribe_key(self.conn, email_key(email), now)

    def upsert(self, sub: Subscriber, now: datetime) -> str:
        """Insert or replace one subscriber; returns "new", "updated" or "unchanged"."""
        old = self.get(sub.email)
        if old == sub:
            return "unchanged"
        stamp = utc_iso(now)
        self.conn.execute(
            "INSERT INTO subscribers VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(email_key) DO UPDATE"
            " SET email=excluded.email, name=excluded.name, topics=excluded.topics,"
            " status=excluded.status, updated_at=excluded.updated_at",
            (
                email_key(sub.email),
                sub.email,
                sub.name,
                json.dumps(sub.topics),
                sub.status.value,
                stamp,
                stamp,
            ),
        )
        return "updated" if old else "new"

    def set_status(self, email: str, status: SubscriberStatus, now: datetime) -> bool:
        """Change one subscriber's status; False when there is no such subscriber."""
        cur = self.conn.execute(
            "UPDATE subscribers SET status = ?, updated_at = ? WHERE email_key = ?",
            (status.value, utc_iso(now), email_key(email)),
        )
        return cur.rowcount > 0

    def delete(self, email: str) -> None:
        """Forget a subscriber and their ledger rows entirely."""
        key = email_key(email)
        with self.archive.transaction() as conn:
            cur = conn.execute("DELETE FROM subscribers WHERE email_key = ?", (key,))
            if not cur.rowcount:
                raise NotFoundError("no such subscriber", where=email)
            conn.execute("DELETE FROM send_ledger WHERE email_key = ?", (key,))

    def list(self, status: SubscriberStatus | None = None) -> list[Subscriber]:
        """Subscribers ordered by address key (a stable order for sends and listings)."""
        sql = "SELECT email, name, topics, status FROM subscribers"
        args: tuple[str, ...] = ()
        if status is not None:
            sql += " WHERE status = ?"
            args = (status.value,)
        return [_subscriber(r) for r in self.conn.execute(sql + " ORDER BY email_key", args)]

    def keys(self) -> tuple[str, ...]:
        """Every subscriber's address key (cheaper than `list` when the key is all one needs)."""
        return tuple(str(k) for (k,) in self.conn.execute("SELECT email_key FROM subscribers"))

    def count(self) -> Counter[str]:
        rows = self.conn.execute("SELECT status, COUNT(*) FROM subscribers GROUP BY status")
        return Counter({str(s): int(n) for s, n in rows})

    def request_handled(self, message_key: str) -> bool:
        """Whether an unsubscribe request that came by mail was acted on already."""
        row = self.conn.execute(
            "SELECT 1 FROM mail_requests WHERE message_key = ?", (message_key,)
        ).fetchone()
        return row is not None

    def record_request(self, message_key: str, email: str, outcome: str, now: datetime) -> None:
        self.conn.execute(
            "INSERT INTO mail_requests VALUES (?, ?, ?, ?)",
            (message_key, email, outcome, utc_iso(now)),
        )


class LedgerStore:
    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.conn = archive.conn

    def ensure(
        self, digest_id: str, rows: Iterable[tuple[str, str, SendState, str | None]], now: datetime
    ) -> None:
        """Create missing rows `(email_key, message_id, state, note)`; existing rows are kept,
        so a Message-ID, once recorded, never changes."""
        stamp = utc_iso(now)
        with self.archive.transaction() as conn:
            conn.executemany(
                "INSERT INTO send_ledger VALUES (?, ?, ?, 0, ?, ?, ?)"
                " ON CONFLICT(digest_id, email_key) DO NOTHING",
                ((digest_id, key, state.value, note, mid, stamp) for key, mid, state, note in rows),
            )

    def rows(
        self,
        digest_id: str,
        states: Iterable[SendState] | None = None,
        *,
        email: str | None = None,
    ) -> list[LedgerRow]:
        """Ledger rows of one digest (with the subscriber's address as written), by address."""
        sql = (
            "SELECT l.digest_id, COALESCE(s.email, l.email_key), l.state, l.attempts,"
            " l.last_error, l.message_id, l.updated_at FROM send_ledger l"
            " LEFT JOIN subscribers s ON s.email_key = l.email_key WHERE l.digest_id = ?"
        )
        args: list[str] = [digest_id]
        if states is not None:
            wanted = [s.value for s in states]
            sql += f" AND l.state IN ({', '.join('?' * len(wanted))})"
            args += wanted
        if email is not None:
            sql += " AND l.email_key = ?"
            args.append(email_key(email))
        out = []
        for d, email, state, attempts, error, mid, updated in self.conn.execute(
            sql + " ORDER BY l.email_key", args
        ):
            out.append(
                LedgerRow(
                    digest_id=d,
                    email=email,
                    state=SendState(state),
                    attempts=attempts,
                    last_error=error,
                    message_id=mid,
                    updated_at=parse_iso(updated),
                )
            )
        return out

    def get(self, digest_id: str, email: str) -> LedgerRow | None:
        rows = self.rows(digest_id, email=email)
        return rows[0] if rows else None

    def mark(
        self,
        digest_id: str,
        email: str,
        state: SendState,
        now: datetime,
        *,
        error: str | None = None,
        attempt: bool = False,
    ) -> None:
        """Record a new state (committed at once). `attempt` counts one more handover."""
        self.conn.execute(
            "UPDATE send_ledger SET state = ?, last_error = ?, updated_at = ?,"
            " attempts = attempts + ? WHERE digest_id = ? AND email_key = ?",
            (state.value, error, utc_iso(now), int(attempt), digest_id, email_key(email)),
        )

    def counts(self, digest_id: str) -> Counter[str]:
        rows = self.conn.execute(
            "SELECT state, COUNT(*) FROM send_ledger WHERE digest_id = ? GROUP BY state",
            (digest_id,),
        )
        return Counter({str(s): int(n) for s, n in rows})

    def remaining(self, digest_id: str) -> int:
        """Rows a send run would still hand to the server."""
        counts = self.counts(digest_id)
        return sum(counts[s.value] for s in RESENDABLE)
