"""The embedded archive (SQLite): episodes, documents read, digests, subscribers, send ledger."""

from castdigest.archive.db import Archive, open_archive, utc_iso

__all__ = ["Archive", "open_archive", "utc_iso"]
