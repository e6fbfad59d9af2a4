"""Episode JSON as stored: zlib-compressed bytes (JSON text in archives made before
schema version 6, until the migration converts them; either reads back the same)."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

from castdigest.archive.errors import damaged

# Level 3 keeps an episode of bench/ingest.py's pages at 18 % of its JSON (5.2 of 28 KB);
# level 6 at 16 %, in 1.7 times the time, and ingest compresses every episode it stores twice
# (the episode, and the document's contribution to it).
_LEVEL = 3


def pack(text: str) -> bytes:
    return zlib.compress(text.encode(), _LEVEL)


def unpack(value: str | bytes, path: Path, column: str = "json") -> str:
    """The JSON text of a stored value; a value that does not unpack is damage, said as such."""
    if isinstance(value, str):
        return value
    try:
        return zlib.decompress(value).decode()
    except zlib.error:
        raise damaged(path, f"column {column} holds data that does not decompress") from None
    except UnicodeDecodeError:
        raise damaged(path, f"column {column} holds text that is not UTF-8") from None


def compress_column(conn: sqlite3.Connection, table: str, key: str) -> None:
    """Pack every JSON text of `table.json` (a migration: runs inside its transaction)."""
    # The keys first: rows are not rewritten under an open scan of their table.
    keys = [k for (k,) in conn.execute(f"SELECT {key} FROM {table} WHERE typeof(json) = 'text'")]
    for k in keys:
        (text,) = conn.execute(f"SELECT json FROM {table} WHERE {key} = ?", (k,)).fetchone()
        conn.execute(f"UPDATE {table} SET json = ? WHERE {key} = ?", (pack(text), k))


def compress_archive(conn: sqlite3.Connection) -> None:
    compress_column(conn, "episodes", "id")
    compress_column(conn, "contributions", "rowid")
