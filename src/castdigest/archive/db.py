"""Connection, migrations and transactions. Stores for each kind of record hang off `Archive`."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from castdigest.archive.errors import (
    CHECK_HINT,
    RIGHT_PATH,
    has_sqlite_header,
    read_only,
    translated,
    writable,
)
from castdigest.archive.lock import LOCK_SUFFIX, writer_lock
from castdigest.archive.schema import CONVERSIONS, MIGRATIONS
from castdigest.errors import ArchiveDamagedError, ArchiveError, NotAnArchiveError


def utc_iso(moment: datetime) -> str:
    """Canonical stored form of an instant: UTC, seconds precision, sortable as text."""
    m = moment.astimezone(UTC)
    if m.year < 1000:  # strftime's year is not padded to four digits: keep its form
        return m.strftime("%Y-%m-%dT%H:%M:%SZ")
    # the same text as strftime's, without its per-call format parsing (a run stores
    # several instants per episode)
    return f"{m.year}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:{m.second:02d}Z"


def parse_iso(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


class Archive:
    """An open archive file. Use as a context manager, or call `close()`.

    Writes happen inside `transaction()`; one transaction per ingested document keeps a
    failing document from leaving anything half-written.
    """

    def __init__(self, path: str | Path, *, busy_timeout_s: float = 30.0) -> None:
        from castdigest.archive.digests import DigestStore
        from castdigest.archive.episodes import EpisodeStore
        from castdigest.archive.identity import IdentityIndex
        from castdigest.archive.reviews import ReviewStore

        self.path = Path(path)
        check_file(self.path)
        # Whether this process holds the archive's writer lock for this connection's life
        # (set by `open_archive`): code that needs the lock for a moment joins it then.
        self.holds_writer_lock = False
        self._depth = 0
        with translated(self.path):
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=busy_timeout_s)
            try:
                self._setup()
            except BaseException:
                self.conn.close()
                raise
        self.episodes = EpisodeStore(self)
        self.identity = IdentityIndex(self)
        self.digests = DigestStore(self)
        self.reviews = ReviewStore(self)
        from castdigest.archive.subscribers import LedgerStore, SubscriberStore

        self.subscribers = SubscriberStore(self)
        self.ledger = LedgerStore(self)

    def _setup(self) -> None:
        # Before anything that writes (WAL mode is stored in the file): another program's
        # database must be left as it was.
        refuse_foreign(self.conn, self.path)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        # Checkpoint (copy the WAL into the file, and sync) every 32 MB rather than 4: an
        # ingested listing page writes megabytes, and each checkpoint syncs the disk.
        self.conn.execute("PRAGMA wal_autocheckpoint=8192")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._migrate()
        missing = sorted(expected_tables() - tables(self.conn))
        if missing:
            raise ArchiveDamagedError(
                f"the archive is damaged or not castdigest's (table {', '.join(missing)} "
                f"missing): {CHECK_HINT}",
                where=str(self.path),
            )

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
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0

    def _rollback(self) -> None:
        """Undo the open transaction, if SQLite has not already (it rolls back by itself on
        a full disk or an I/O error): the error that got here is the one to report."""
        if self.conn.in_transaction:
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    # ------------------------------------------------------------------ schema

    def version(self) -> int:
        row = self.conn.execute("SELECT MAX(version) FROM migrations").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at TEXT)"
        )
        applied = self._applied()
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
                if version in self._applied():  # a reader opening a new archive beat us to it
                    continue
                for statement in statements(sql):
                    conn.execute(statement)
                if version in CONVERSIONS:
                    CONVERSIONS[version](conn)
                conn.execute(
                    "INSERT INTO migrations VALUES (?, ?)", (version, utc_iso(datetime.now(UTC)))
                )

    def _applied(self) -> set[int]:
        return {int(r[0]) for r in self.conn.execute("SELECT version FROM migrations")}


def check_file(path: Path) -> None:
    """Refuse what SQLite would happily turn into a new database: an empty file, a file of
    another kind. A path that does not exist yet becomes a new archive."""
    where = str(path)
    if path.parent and not path.parent.exists():
        raise ArchiveError("folder does not exist", where=where)
    if path.is_dir():
        raise NotAnArchiveError(f"is a folder, not an archive file: {RIGHT_PATH}", where=where)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        create_empty(path)
        return
    except OSError as exc:
        raise ArchiveError(f"cannot read the archive ({exc.strerror})", where=where) from None
    if size == 0:
        raise NotAnArchiveError(
            f"the file is empty, not a castdigest archive: delete it to start a new archive "
            f"there, or {RIGHT_PATH}",
            where=where,
        )
    if not has_sqlite_header(path):
        raise NotAnArchiveError(
            f"not a castdigest archive (not an SQLite file): {RIGHT_PATH}", where=where
        )


def create_empty(path: Path) -> None:
    """Put an empty SQLite database (WAL mode, no tables yet) at `path`, whole or not at all.

    SQLite creates a file as an empty one, and writes its first page a moment later: another
    run opening it in between would find an empty file and refuse it. Made aside and linked
    into place, the file is never seen empty; if another run linked its own first, that one
    is used. The tables are made by the migrations, as in any archive."""
    aside = path.with_name(f".{path.name}.{os.getpid()}.new")
    conn = sqlite3.connect(aside, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")  # writes the first page
    finally:
        conn.close()
    try:
        os.link(aside, path)
    except FileExistsError:
        pass
    except OSError:  # no hard links on this file system: let SQLite create the file
        pass
    finally:
        for end in ("", "-wal", "-shm"):
            with suppress(FileNotFoundError):
                os.unlink(f"{aside}{end}")


def refuse_foreign(conn: sqlite3.Connection, path: Path) -> None:
    """An SQLite database with tables but no `migrations` table belongs to another program."""
    names = tables(conn)
    if names and "migrations" not in names:
        shown = ", ".join(sorted(names)[:4]) + (", ..." if len(names) > 4 else "")
        raise NotAnArchiveError(
            f"an SQLite database, but not a castdigest archive (tables {shown}; no "
            f"`migrations` table): {RIGHT_PATH}",
            where=str(path),
        )


def tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    return {str(r[0]) for r in rows}


@cache
def expected_tables(upto: int | None = None) -> frozenset[str]:
    """The tables the migrations (up to version `upto`, default all) create, as applied to
    an empty in-memory database."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
        for version, sql in sorted(MIGRATIONS):
            if upto is not None and version > upto:
                break
            for statement in statements(sql):
                conn.execute(statement)
        return frozenset(tables(conn))
    finally:
        conn.close()


def statements(sql: str) -> Iterator[str]:
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line.split("--", 1)[0] if "--" in line else line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf.strip()
            buf = ""
    if buf.strip():
        yield buf.strip()


@contextmanager
def open_archive(
    path: str | Path,
    *,
    write: bool = False,
    wait_s: float = 60.0,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[Archive]:
    """The archive for a whole run: with `write`, under the writer lock (waiting up to
    `wait_s` for another run, telling `on_wait` once) and refused at once when it cannot be
    written. SQLite errors of the body come out as ArchiveError (see archive/errors.py).

    SQLite itself waits as long for a lock held by another program."""
    path = Path(path)
    with translated(path), ExitStack() as stack:
        if write:
            if path.parent and not path.parent.exists():
                raise ArchiveError("folder does not exist", where=str(path))
            stack.enter_context(writer_lock(path, wait_s=wait_s, on_wait=on_wait))
            if not writable(path):
                raise read_only(path)
        archive = Archive(path, busy_timeout_s=max(wait_s, 1.0))
        stack.callback(archive.close)
        archive.holds_writer_lock = write
        yield archive
