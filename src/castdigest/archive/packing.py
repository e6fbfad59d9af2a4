"""Episode JSON as stored: Zstandard-compressed bytes. Archives made before schema version 6
hold JSON text until the migration converts them, and those packed before zstd zlib bytes;
every form reads back the same (a zstd frame is told by its magic number)."""

from __future__ import annotations

import sqlite3
import threading
import zlib
from pathlib import Path

import zstandard

from castdigest.archive.errors import damaged

# Level 3 keeps an episode of bench/ingest.py's pages at 18 % of its JSON (5.2 of 28 KB), as
# zlib's level 3 did, in a third of zlib's time (0.15 against 0.43 ms) and unpacks five times
# faster; ingest packs every episode it stores twice (the episode, and the document's
# contribution to it), and every build unpacks the week's episodes.
_LEVEL = 3
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_local = threading.local()  # a compressor or decompressor serves one thread at a time


class _Codecs:
    def __init__(self) -> None:
        self.compressor = zstandard.ZstdCompressor(level=_LEVEL)
        self.decompressor = zstandard.ZstdDecompressor()


def _codecs() -> _Codecs:
    codecs: _Codecs | None = getattr(_local, "codecs", None)
    if codecs is None:
        codecs = _local.codecs = _Codecs()
    return codecs


def pack(text: str) -> bytes:
    return _codecs().compressor.compress(text.encode())


def unpack(value: str | bytes, path: Path, column: str = "json") -> str:
    """The JSON text of a stored value; a value that does not unpack is damage, said as such."""
    if isinstance(value, str):
        return value
    try:
        if value[:4] == _ZSTD_MAGIC:
            return _codecs().decompressor.decompress(value).decode()
        return zlib.decompress(value).decode()
    except (zlib.error, zstandard.ZstdError):
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
