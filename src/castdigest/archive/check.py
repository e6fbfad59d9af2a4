"""`archive check`: is the archive file sound, and is it one this castdigest can use?

The check opens the file read-only and never migrates or repairs it: a damaged archive is
left exactly as it was found, for a backup to be restored or its readable rows recovered.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from castdigest.archive.db import check_file, expected_tables, tables
from castdigest.archive.errors import archive_error, translated
from castdigest.archive.schema import MIGRATIONS
from castdigest.errors import ArchiveDamagedError, ArchiveError, NotAnArchiveError

# integrity_check stops after this many problems: enough to see the damage's extent.
MAX_PROBLEMS = 20
COUNTED = ("episodes", "digests", "subscribers")


@dataclass
class CheckReport:
    path: str
    schema_version: int | None = None
    known_version: int = max(v for v, _ in MIGRATIONS)
    integrity: list[str] = field(default_factory=list)  # empty: integrity_check said ok
    foreign_keys: list[str] = field(default_factory=list)
    missing_tables: list[str] = field(default_factory=list)
    counts: dict[str, int | None] = field(default_factory=dict)
    undecodable: list[str] = field(default_factory=list)  # "table.column: N row(s)"
    problems: list[str] = field(default_factory=list)  # anything else that went wrong

    @property
    def damaged(self) -> bool:
        found = self.integrity, self.foreign_keys, self.missing_tables, self.undecodable
        return any(found) or bool(self.problems)

    @property
    def newer(self) -> bool:
        return self.schema_version is not None and self.schema_version > self.known_version

    @property
    def ok(self) -> bool:
        return not self.damaged and not self.newer

    def as_dict(self) -> dict[str, object]:
        return {
            "archive": self.path,
            "ok": self.ok,
            "damaged": self.damaged,
            "schema_version": self.schema_version,
            "known_version": self.known_version,
            "integrity": self.integrity,
            "foreign_keys": self.foreign_keys,
            "missing_tables": self.missing_tables,
            "undecodable": self.undecodable,
            "counts": self.counts,
            "problems": self.problems,
        }


def check_archive(path: Path) -> CheckReport:
    """Check the archive at `path`; raises ArchiveError when there is no archive to check (no
    file, an empty one, another program's)."""
    if not path.exists():
        raise ArchiveError(
            "no archive here", where=str(path), hint="give the archive's path with --db"
        )
    check_file(path)
    report = CheckReport(path=str(path))
    with translated(path):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _check(conn, path, report)
    finally:
        conn.close()
    return report


def _check(conn: sqlite3.Connection, path: Path, report: CheckReport) -> None:
    try:
        present = tables(conn)
    except sqlite3.DatabaseError as exc:
        _damage(exc, path)
        report.problems.append(f"the schema cannot be read ({exc})")
        return
    if "migrations" not in present:
        raise NotAnArchiveError(
            "an SQLite database, but not a castdigest archive (no `migrations` table)",
            where=str(path),
        )
    report.integrity = _rows(conn, f"PRAGMA integrity_check({MAX_PROBLEMS})", report, "ok")
    report.foreign_keys = _rows(conn, "PRAGMA foreign_key_check", report)
    report.schema_version = _one(conn, "SELECT MAX(version) FROM migrations", report) or 0
    if not report.newer:  # an older archive lacks what later migrations add, by design
        report.missing_tables = sorted(expected_tables(report.schema_version) - present)
    if not report.integrity:  # reading every row of a damaged file only repeats the damage
        report.undecodable = _undecodable(conn, present, report)
    for table in COUNTED:
        count = _one(conn, f"SELECT COUNT(*) FROM {table}", report) if table in present else None
        report.counts[table] = count


def _rows(
    conn: sqlite3.Connection, sql: str, report: CheckReport, fine: str | None = None
) -> list[str]:
    try:
        found = (" ".join(str(v) for v in row) for row in conn.execute(sql))
        rows = [line for text in found for line in text.splitlines() if line.strip()]
    except sqlite3.DatabaseError as exc:
        _damage(exc, Path(report.path))
        report.problems.append(f"{sql}: {exc}")
        return []
    return [] if rows == [fine] else [r for r in rows if not r.startswith("*** in database")]


def _one(conn: sqlite3.Connection, sql: str, report: CheckReport) -> int | None:
    """The integer a query answers (a count, a version); None when it cannot be read."""
    try:
        row = conn.execute(sql).fetchone()
    except sqlite3.DatabaseError as exc:
        _damage(exc, Path(report.path))
        report.problems.append(f"{sql}: {exc}")
        return None
    return int(row[0]) if row and row[0] is not None else None


def _undecodable(conn: sqlite3.Connection, present: set[str], report: CheckReport) -> list[str]:
    """Text columns holding bytes that are not UTF-8: SQLite stores them without a word, and
    castdigest fails on them when it reads the row. Reads every text value once."""
    found: list[str] = []
    columns = [
        (table, column) for table in sorted(present) for column in _text_columns(conn, table)
    ]
    conn.text_factory = bytes  # the values as stored, undecoded
    try:
        for table, column in columns:
            bad = 0
            # Compressed JSON is stored as a blob (see archive/packing.py): not text.
            sql = f'SELECT "{column}" FROM "{table}" WHERE typeof("{column}") = \'text\''
            for (value,) in conn.execute(sql):
                bad += isinstance(value, bytes) and not _is_utf8(value)
            if bad:
                found.append(f"{table}.{column}: {bad} row(s)")
    except sqlite3.DatabaseError as exc:
        _damage(exc, Path(report.path))
        report.problems.append(f"reading the rows: {exc}")
    finally:
        conn.text_factory = str
    return found


def _text_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")') if r[2] == "TEXT"]


def _is_utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _damage(exc: sqlite3.Error, path: Path) -> None:
    """Return when `exc` says the file is damaged (a finding of the check); raise the
    archive's error when it says something else (busy, unreadable folder), which the check
    cannot get past."""
    error = archive_error(exc, path)
    if not isinstance(error, ArchiveDamagedError):
        raise error from None
