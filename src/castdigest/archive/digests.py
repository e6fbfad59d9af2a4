"""Digests, the editor's overrides (pin/block), and the cache of condensed episodes.

A digest is a draft until it is sent; from the moment sending starts it is frozen: `save`
refuses to overwrite it, so what subscribers got stays what the archive holds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from castdigest.archive.db import utc_iso
from castdigest.errors import ArchiveError, FrozenError, NotFoundError
from castdigest.models import Condensed, Digest, DigestStatus, ItemTranslation, dump_json

if TYPE_CHECKING:
    from castdigest.archive.db import Archive

PIN = "pin"
BLOCK = "block"


@dataclass(frozen=True)
class DigestRow:
    """A stored digest as `digest list` shows it."""

    id: str
    since: str
    until: str
    built_at: str
    config_hash: str
    status: DigestStatus
    sent_at: str | None
    items: int

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "since": self.since,
            "until": self.until,
            "built_at": self.built_at,
            "config_hash": self.config_hash,
            "status": self.status.value,
            "sent_at": self.sent_at,
            "items": self.items,
        }


class DigestStore:
    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.conn = archive.conn

    # ------------------------------------------------------------------ digests

    def inputs_state(self, since: datetime, until: datetime) -> str:
        """A hash of what a build of [since, until) reads: the window's episodes (id, content,
        last update, stored size), the overrides and their episodes, every digest's status,
        the number of episodes and the editor's approvals. Equal hashes: the same selection."""
        digest = hashlib.sha256()
        queries = (
            (
                "SELECT id, content_hash, updated_at, length(json) FROM episodes"
                " WHERE day >= ? AND day < ? ORDER BY id",
                (utc_iso(since), utc_iso(until)),
            ),
            (
                "SELECT o.episode_id, o.action, e.content_hash, e.updated_at FROM overrides o"
                " LEFT JOIN episodes e ON e.id = o.episode_id ORDER BY o.episode_id",
                (),
            ),
            ("SELECT id, status, sent_at FROM digests ORDER BY id", ()),
            ("SELECT count(*) FROM episodes", ()),
            # the editor's approvals: an approved doubtful read joins the selection
            ("SELECT episode_id, approved_at, title, documents FROM reviews ORDER BY 1", ()),
        )
        for sql, args in queries:
            for row in self.conn.execute(sql, args):
                digest.update(repr(tuple(row)).encode())
            digest.update(b"|")
        return digest.hexdigest()

    def status(self, digest_id: str) -> tuple[DigestStatus, str | None] | None:
        """(status, sent_at) of a stored digest, or None when there is none with that id."""
        row = self.conn.execute(
            "SELECT status, sent_at FROM digests WHERE id = ?", (digest_id,)
        ).fetchone()
        return (DigestStatus(row[0]), row[1]) if row else None

    def check_draft(self, digest_id: str) -> None:
        """FrozenError when a digest with this id has been (or is being) sent."""
        current = self.status(digest_id)
        if current is not None and current[0] is not DigestStatus.DRAFT:
            when = f" on {current[1]}" if current[1] else ""
            raise FrozenError(
                f"digest was {current[0].value}{when} and is frozen; it cannot be rebuilt",
                where=digest_id,
                hint="build another window, or give the new digest its own --id",
            )

    def save(self, digest: Digest) -> None:
        """Insert or replace a draft digest and its item rows, in one transaction."""
        with self.archive.transaction() as conn:
            self.check_draft(digest.id)
            draft = digest.model_copy(update={"status": DigestStatus.DRAFT})
            conn.execute(
                "INSERT INTO digests (id, json, since, until, built_at, config_hash, status)"
                " VALUES (?, ?, ?, ?, ?, ?, 'draft') ON CONFLICT(id) DO UPDATE SET"
                " json=excluded.json, since=excluded.since, until=excluded.until,"
                " built_at=excluded.built_at, config_hash=excluded.config_hash",
                (
                    digest.id,
                    dump_json(draft),
                    digest.since.isoformat(),
                    digest.until.isoformat(),
                    utc_iso(digest.built_at),
                    digest.config_hash,
                ),
            )
            conn.execute("DELETE FROM digest_items WHERE digest_id = ?", (digest.id,))
            conn.executemany(
                "INSERT INTO digest_items VALUES (?, ?, ?, ?)",
                (
                    (digest.id, item.episode_id, section.topic, position)
                    for position, (section, item) in enumerate(
                        ((s, i) for s in digest.sections for i in s.items), start=1
                    )
                ),
            )

    def get(self, digest_id: str) -> Digest:
        row = self.conn.execute(
            "SELECT json, status FROM digests WHERE id = ?", (digest_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(
                "no such digest", where=digest_id, hint="see `castdigest digest list`"
            )
        digest = Digest.model_validate_json(row[0])
        return digest.model_copy(update={"status": DigestStatus(row[1])})

    def list(self) -> list[DigestRow]:
        """Every stored digest, newest window first."""
        rows = self.conn.execute(
            "SELECT d.id, d.since, d.until, d.built_at, d.config_hash, d.status, d.sent_at,"
            " (SELECT COUNT(*) FROM digest_items i WHERE i.digest_id = d.id)"
            " FROM digests d ORDER BY d.since DESC, d.until DESC, d.id"
        ).fetchall()
        return [
            DigestRow(r[0], r[1], r[2], r[3], r[4], DigestStatus(r[5]), r[6], int(r[7]))
            for r in rows
        ]

    def set_status(self, digest_id: str, status: DigestStatus, at: datetime | None = None) -> None:
        """Move a digest to sending or sent (recording when); a sent digest stays sent."""
        current = self.status(digest_id)
        if current is None:
            raise NotFoundError("no such digest", where=digest_id)
        if current[0] is DigestStatus.SENT and status is not DigestStatus.SENT:
            raise FrozenError("digest was sent; its status cannot go back", where=digest_id)
        sent_at = current[1]  # the first send time stays: a resumed send does not move it
        if sent_at is None and at is not None and status is DigestStatus.SENT:
            sent_at = utc_iso(at)
        with self.archive.transaction() as conn:
            conn.execute(
                "UPDATE digests SET status = ?, sent_at = ? WHERE id = ?",
                (status.value, sent_at, digest_id),
            )

    def mark_sent(self, digest_id: str, at: datetime) -> None:
        self.set_status(digest_id, DigestStatus.SENT, at)

    def sent_episodes(self, exclude: str | None = None, since: str | None = None) -> dict[str, str]:
        """Episode id -> id of the (earliest) sent digest it went out in.

        `exclude` leaves out one digest (the one being rebuilt); `since` (a date) keeps
        digests whose window ends on or after it.
        """
        sql = (
            "SELECT i.episode_id, d.id FROM digest_items i JOIN digests d ON d.id = i.digest_id"
            " WHERE d.status != 'draft' AND d.id != ? AND d.until >= ?"
            " ORDER BY d.since DESC, d.id DESC"
        )
        out: dict[str, str] = {}
        for episode_id, digest_id in self.conn.execute(sql, (exclude or "", since or "")):
            out[episode_id] = digest_id  # earliest digest wins: it is written last
        return out

    # ------------------------------------------------------------------ overrides

    def set_override(self, episode_id: str, action: str, now: datetime) -> None:
        if action not in (PIN, BLOCK):
            raise ArchiveError(f"unknown override {action!r}", where=episode_id)
        with self.archive.transaction() as conn:
            conn.execute(
                "INSERT INTO overrides VALUES (?, ?, ?) ON CONFLICT(episode_id) DO UPDATE SET"
                " action=excluded.action, created_at=excluded.created_at",
                (episode_id, action, utc_iso(now)),
            )

    def clear_override(self, episode_id: str, action: str | None = None) -> bool:
        """Remove the episode's override (only if it is `action`, when given); True if one was."""
        sql = "DELETE FROM overrides WHERE episode_id = ?"
        args: tuple[str, ...] = (episode_id,)
        if action is not None:
            sql += " AND action = ?"
            args += (action,)
        with self.archive.transaction() as conn:
            return conn.execute(sql, args).rowcount > 0

    def overrides(self) -> dict[str, str]:
        """Episode id -> "pin" or "block"."""
        rows = self.conn.execute("SELECT episode_id, action FROM overrides ORDER BY episode_id")
        return {r[0]: r[1] for r in rows}

    # ------------------------------------------------------------------ condensed cache

    def cached_condensed(self, content_hash: str, settings_hash: str) -> Condensed | None:
        found = self._cached(content_hash, settings_hash)
        return Condensed.model_validate_json(found) if found is not None else None

    def cache_condensed(self, content_hash: str, settings_hash: str, value: Condensed) -> None:
        self._cache(content_hash, settings_hash, value.model_dump_json())

    def cached_translation(self, content_hash: str, key: str) -> ItemTranslation | None:
        """A translation kept beside the condensed results (`key` names it as one)."""
        found = self._cached(content_hash, key)
        return ItemTranslation.model_validate_json(found) if found is not None else None

    def cache_translation(self, content_hash: str, key: str, value: ItemTranslation) -> None:
        self._cache(content_hash, key, value.model_dump_json())

    def _cached(self, content_hash: str, key: str) -> str | None:
        row = self.conn.execute(
            "SELECT json FROM condensed_cache WHERE content_hash = ? AND settings_hash = ?",
            (content_hash, key),
        ).fetchone()
        return str(row[0]) if row else None

    def _cache(self, content_hash: str, key: str, text: str) -> None:
        with self.archive.transaction() as conn:
            conn.execute(
                "INSERT INTO condensed_cache VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET"
                " json=excluded.json",
                (content_hash, key, text),
            )
