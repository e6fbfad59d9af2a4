"""One writer at a time: an advisory lock file beside the archive.

SQLite serialises single transactions, but a castdigest run is many transactions that depend
on each other (identification reads what earlier documents stored; a build reads what the
ingest wrote). Two runs interleaving their transactions can merge episodes wrongly or publish
different GUIDs, so every command that writes holds `<archive>.lock` for its whole run.

The lock is `flock(2)` on that file: the kernel drops it when the process dies, so a killed
run never leaves a stale lock behind. Readers (`episodes`, `show`, `rank`) take no lock.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from castdigest.archive.errors import read_only
from castdigest.errors import ArchiveBusyError, ArchiveError

__all__ = ["LOCK_SUFFIX", "ArchiveBusyError", "lock_path", "writer_lock"]

LOCK_SUFFIX = ".lock"
_POLL_S = 0.1


def lock_path(archive: Path) -> Path:
    return archive.with_name(archive.name + LOCK_SUFFIX)


@contextmanager
def writer_lock(
    archive: Path,
    *,
    wait_s: float,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the archive's writer lock for the body of the `with`.

    When another process holds it, `on_wait` is told once (so the user knows why nothing
    happens) and the lock is retried for up to `wait_s` seconds; then ArchiveBusyError.
    `wait_s=0` fails at once, which is what a server answering a request wants.

    Each call opens the lock file anew, and flock(2) locks an open file, not a process: two
    threads of one process, or a second call while a first holds the lock, exclude each other
    just as two processes do. The lock is not re-entrant; code run under it (`send` within
    the `send` command) must know it holds it (`Archive.holds_writer_lock`).
    """
    path = lock_path(archive)
    deadline = time.monotonic() + max(wait_s, 0.0)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise read_only(archive) from None
        raise ArchiveError(
            f"cannot create the lock file {path.name} ({exc.strerror})",
            where=str(archive),
            hint="the archive's folder must be writable by castdigest",
        ) from None
    try:
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise _busy(archive, wait_s) from None
                if not told and on_wait is not None:
                    on_wait(
                        f"{archive}: another castdigest run is writing this archive; "
                        f"waiting up to {wait_s:g} s"
                    )
                    told = True
                time.sleep(_POLL_S)
        try:
            # Who holds it, for a person looking at the file (the lock itself is the flock,
            # so a full disk refusing these bytes changes nothing).
            with suppress(OSError):
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _busy(archive: Path, wait_s: float) -> ArchiveBusyError:
    waited = f", waited {wait_s:g} s" if wait_s > 0 else ""
    return ArchiveBusyError(
        f"another castdigest is running and writing this archive{waited}: let it finish and "
        "run again (or raise lock_wait_s in the config)",
        where=str(archive),
    )
