"""Episode JSON as stored: zlib-compressed bytes (JSON text in archives made before
schema version 5, until the migration converts them; either reads back the same)."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

from castdigest.archive.errors import damaged

# Level 6 keeps a page corpus at about a fifth of its size; the levels above it gain little
# and cost twice the time (ingest compresses every episode it stores).
_LEVEL = 6


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
