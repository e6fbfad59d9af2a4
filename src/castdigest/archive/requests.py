"""The archive as one web request sees it (the unsubscribe server): a connection of the
request's own, opened without creating the file and waiting only briefly on a lock, with the
subscriber reads and conditional writes the request may make."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from castdigest.archive.subscribers import (
    set_topics_if_active,
    subscriber_by_key,
    unsubscribe_key,
)
from castdigest.models import Subscriber


class RequestAccess:
    """A connection for one request: never creates the file (mode=rw), gives up on a locked
    archive after `busy_wait_s` (not SQLite's usual 30 s); `on_sql` sees each statement."""

    def __init__(
        self, path: Path, busy_wait_s: float, on_sql: Callable[[str], None] | None = None
    ) -> None:
        uri = f"{path.resolve().as_uri()}?mode=rw"
        self._conn = sqlite3.connect(uri, uri=True, timeout=busy_wait_s, isolation_level=None)
        if on_sql is not None:
            self._conn.set_trace_callback(on_sql)

    def __enter__(self) -> RequestAccess:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._conn.close()

    def subscriber(self, key: str) -> Subscriber | None:
        return subscriber_by_key(self._conn, key)

    def unsubscribe(self, key: str, now: datetime) -> bool:
        return unsubscribe_key(self._conn, key, now)

    def set_topics(self, key: str, topics: list[str], now: datetime) -> bool:
        return set_topics_if_active(self._conn, key, topics, now)


def is_busy(exc: Exception) -> bool:
    """Whether a request's error is the archive being locked by another writer."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF  # the primary code of an extended one
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
