"""One writer at a time: an advisory lock file beside the archive.

SQLite serialises single transactions, but a castdigest run is many transactions that depend
on each other (identification reads what earlier documents stored; a build reads what the
ingest wrote). Two runs interleaving their transactions can merge episodes wrongly or publish
different GUIDs, so every command that writes holds `<archive>.lock` for its whole run.

The lock is `flock(2)` on that file: the kernel drops it when the process dies, so a killed
run never leaves a stale lock behind. Readers (`episodes`, `show`, `rank`) take no lock.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from castdigest.errors import ArchiveError

LOCK_SUFFIX = ".lock"
_POLL_S = 0.1

# flock is per open file description, so two threads of one process opening the lock file
# separately would exclude each other as two processes do; this in-process lock keeps the
# threads of one server from racing on the same file object.
_process_lock = threading.Lock()


class ArchiveBusyError(ArchiveError):
    """Another castdigest run holds the archive's writer lock."""


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
    """
    path = lock_path(archive)
    deadline = time.monotonic() + max(wait_s, 0.0)
    got = _process_lock.acquire(timeout=wait_s) if wait_s > 0 else _process_lock.acquire(False)
    if not got:
        raise _busy(archive, wait_s)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        _process_lock.release()
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
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
        _process_lock.release()


def _busy(archive: Path, wait_s: float) -> ArchiveBusyError:
    waited = f" (waited {wait_s:g} s)" if wait_s > 0 else ""
    return ArchiveBusyError(
        f"another castdigest run is writing this archive{waited}",
        where=str(archive),
        hint="let it finish and run again, or raise lock_wait_s in the config",
    )
