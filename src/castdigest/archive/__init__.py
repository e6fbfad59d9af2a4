"""The embedded archive (SQLite): episodes, documents read, digests, subscribers, send ledger."""

from castdigest.archive.db import Archive, utc_iso

__all__ = ["Archive", "utc_iso"]
