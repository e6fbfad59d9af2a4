"""SQLite's errors as the archive's own: one line that says what happened and what to do.

Any statement can fail for reasons that have nothing to do with the statement: a damaged
page, another program holding the file, a full disk. The archive translates them where a run
opens it (`open_archive`) and where it opens the file (`Archive`), so neither the stores nor
the pipeline catch `sqlite3.Error` themselves: a run that meets one stops there, and the user
reads one line instead of a traceback.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from castdigest.errors import (
    ArchiveBusyError,
    ArchiveDamagedError,
    ArchiveDiskError,
    ArchiveError,
    ArchiveReadOnlyError,
    NotAnArchiveError,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
CHECK_HINT = "restore it from a backup, or run `castdigest archive check`"
RIGHT_PATH = "give the archive's path (--db, or `archive` in the config)"

# SQLite's primary result codes (the low byte of an extended code).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR = 3, 5, 6, 8, 10
_CORRUPT, _FULL, _CANTOPEN, _NOTADB = 11, 13, 14, 26
_MISSING = re.compile(r"no such (table|column|index): ?(\S*)")
_UNDECODABLE = re.compile(r"Could not decode to UTF-8 column '([^']*)'")


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """Raise any SQLite error of the body as the ArchiveError that explains it."""
    try:
        yield
    except sqlite3.Error as exc:
        raise archive_error(exc, path) from None


def archive_error(exc: sqlite3.Error, path: Path) -> ArchiveError:
    """The ArchiveError for an SQLite error met while using the archive at `path`."""
    text = _detail(str(exc)) or type(exc).__name__
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    where = str(path)
    undecodable = _UNDECODABLE.match(text)
    if undecodable:
        return damaged(path, f"column {undecodable.group(1)} holds text that is not UTF-8")
    if primary == _NOTADB and not has_sqlite_header(path):
        return NotAnArchiveError(
            f"not a castdigest archive (not an SQLite file): {RIGHT_PATH}", where=where
        )
    if primary in (_CORRUPT, _NOTADB):
        return damaged(path, text)
    missing = _MISSING.search(text)
    if missing:
        return ArchiveDamagedError(
            f"the archive is damaged or not a castdigest archive ({text}): {CHECK_HINT}",
            where=where,
        )
    if primary in (_BUSY, _LOCKED):
        return ArchiveBusyError(
            f"another castdigest is running, or another program holds the archive ({text}): "
            "let it finish and run again",
            where=where,
        )
    if primary == _FULL:
        return ArchiveDiskError(f"the disk is full ({text}): free space and run again", where=where)
    if primary == _IOERR and _disk_full(path):  # SQLite says I/O error for some ENOSPC
        return ArchiveDiskError(f"the disk is full ({text}): free space and run again", where=where)
    if primary == _IOERR:
        return ArchiveDiskError(
            f"the disk could not read or write the archive ({text}): check that it is not "
            "full or failing, and run again",
            where=where,
        )
    if primary in (_READONLY, _PERM) or (primary == _CANTOPEN and not writable(path)):
        return read_only(path)
    if primary == _CANTOPEN:
        return ArchiveError(
            f"cannot open the archive ({text}): check that its folder exists and can be read",
            where=where,
        )
    return ArchiveError(f"the archive failed ({text}): run `castdigest archive check`", where=where)


def _detail(text: str) -> str:
    """SQLite's own words, short and printable: a damaged schema is quoted back with
    whatever bytes the damage left in it."""
    if text.startswith("malformed database schema"):
        return "malformed database schema"
    text = "".join(c if c.isprintable() else " " for c in text).strip()
    return text if len(text) <= 100 else text[:99] + "…"


def damaged(path: Path, detail: str) -> ArchiveDamagedError:
    return ArchiveDamagedError(f"the archive is damaged ({detail}): {CHECK_HINT}", where=str(path))


def read_only(path: Path) -> ArchiveReadOnlyError:
    """Name what cannot be written: the file, its folder (SQLite writes its journal and
    lock files beside the archive), or neither as far as the file modes tell (a read-only
    mount, or a file opened read-only by another program)."""
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return ArchiveReadOnlyError(
            "the archive is read-only (the file cannot be written): make it writable, or run "
            "only the commands that read it (episodes, show, rank, archive check)",
            where=str(path),
        )
    if not os.access(folder, os.W_OK):
        return ArchiveReadOnlyError(
            f"the archive's folder is read-only ({folder}): SQLite writes its journal beside "
            "the archive; make the folder writable",
            where=str(path),
        )
    return ArchiveReadOnlyError(
        "the archive is read-only (SQLite could only open it for reading; is the disk "
        "mounted read-only?): make it writable, or copy it to a writable place",
        where=str(path),
    )


def _disk_full(path: Path) -> bool:
    """Whether the archive's file system has (almost) no room left: less than 1 MiB."""
    try:
        return shutil.disk_usage(path.parent).free < 1 << 20
    except OSError:
        return False


def writable(path: Path) -> bool:
    """Whether the archive file (when it exists) and its folder can be written."""
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(path.parent, os.W_OK)


def has_sqlite_header(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


# What any use of the archive may raise: SQLite's own errors (not yet translated where the
# run opened the archive) and the archive's. Callers outside archive/ catch these, never
# sqlite3 itself.
ARCHIVE_ERRORS = (sqlite3.Error, ArchiveError)
