"""Connection, migrations and transactions. Stores for each kind of record hang off `Archive`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from castdigest.archive.lock import LOCK_SUFFIX
from castdigest.archive.schema import MIGRATIONS
from castdigest.errors import ArchiveError


def utc_iso(moment: datetime) -> str:
    """Canonical stored form of an instant: UTC, seconds precision, sortable as text."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


class Archive:
    """An open archive file. Use as a context manager, or call `close()`.

    Writes happen inside `transaction()`; one transaction per ingested document keeps a
    failing document from leaving anything half-written.
    """

    def __init__(self, path: str | Path) -> None:
        from castdigest.archive.digests import DigestStore
        from castdigest.archive.episodes import EpisodeStore

        self.path = Path(path)
        if self.path.parent and not self.path.parent.exists():
            raise ArchiveError("folder does not exist", where=str(self.path))
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            # Checkpoint (copy the WAL into the file, and sync) every 32 MB rather than 4: an
            # ingested listing page writes megabytes, and each checkpoint syncs the disk.
            self.conn.execute("PRAGMA wal_autocheckpoint=8192")
            self.conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"not a castdigest archive ({exc})", where=str(self.path)) from None
        self._depth = 0
        # Derived data that stages may keep for the life of this connection (e.g. dedupe
        # profiles), keyed so that an entry is valid only for the content it was made from.
        self.memo: dict[str, Any] = {}
        self._migrate()
        self.episodes = EpisodeStore(self)
        self.digests = DigestStore(self)
        from castdigest.archive.subscribers import LedgerStore, SubscriberStore

        self.subscribers = SubscriberStore(self)
        self.ledger = LedgerStore(self)

    # ------------------------------------------------------------------ lifecycle

    def own_files(self) -> frozenset[Path]:
        """The archive file and SQLite's files beside it (resolved): never an input."""
        main = self.path.resolve()
        return frozenset(
            [
                main,
                *(
                    main.with_name(main.name + end)
                    for end in ("-wal", "-shm", "-journal", LOCK_SUFFIX)
                ),
            ]
        )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE .. COMMIT, rolled back on any exception. Nested calls join the outer."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    # ------------------------------------------------------------------ schema

    def version(self) -> int:
        row = self.conn.execute("SELECT MAX(version) FROM migrations").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        try:
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations"
                " (version INTEGER PRIMARY KEY, applied_at TEXT)"
            )
            applied = {int(r[0]) for r in self.conn.execute("SELECT version FROM migrations")}
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"not a castdigest archive ({exc})", where=str(self.path)) from None
        known = {v for v, _ in MIGRATIONS}
        if applied - known:
            raise ArchiveError(
                f"archive has schema version {max(applied)}, newer than this castdigest knows",
                where=str(self.path),
                hint="upgrade castdigest",
            )
        for version, sql in sorted(MIGRATIONS):
            if version in applied:
                continue
            # executescript commits implicitly, so run the statements one by one in a transaction.
            with self.transaction() as conn:
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO migrations VALUES (?, ?)", (version, utc_iso(datetime.now(UTC)))
                )


def _statements(sql: str) -> Iterator[str]:
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line.split("--", 1)[0] if "--" in line else line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf.strip()
            buf = ""
    if buf.strip():
        yield buf.strip()
