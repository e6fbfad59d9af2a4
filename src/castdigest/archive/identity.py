"""What identification asks of the archive: candidates near an episode (from the
`episodes_window` index, never reading an episode row), and the stored comparison profiles.

A candidate row carries the episode's content hash (which profile is valid for it) and
whether the document being read contributed to it (then its profile is taken without that
document's part)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from castdigest.archive.db import utc_iso
from castdigest.archive.packing import unpack

if TYPE_CHECKING:
    from castdigest.archive.db import Archive

# Episodes stored without a guid carry a `noguid:<id>` key: an indexed list of the few
# episodes (pages, transcripts, notes) a feed item may be another reading of.
NO_GUID = "noguid:"
_SELECT = (
    "SELECT e.id, e.content_hash, EXISTS (SELECT 1 FROM contributions c"
    " WHERE c.episode_id = e.id AND c.location = ?)"
)
# Asked of each episode (by its key, through the `episodes_window` index), not found through
# the keys: a join from the keys reads every guid-less row, JSON and all, to sort by day.
_IS_GUIDLESS = f"EXISTS (SELECT 1 FROM episode_keys k WHERE k.key = '{NO_GUID}' || e.id)"


@dataclass(frozen=True)
class Candidate:
    id: str
    content_hash: str
    mine: bool  # the document being read contributed to it


class IdentityIndex:
    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.conn = archive.conn

    def near(
        self,
        location: str,
        *,
        guidless: bool,
        shows: list[str] | None,
        since: datetime | None,
        until: datetime | None,
        limit: int,
    ) -> list[Candidate]:
        """The episodes of a day window (newest first), of one of `shows` or of none, only
        those without a guid if `guidless`; the most recent `limit` when no window is given."""
        args: list[str] = [location]
        sql = _SELECT + " FROM episodes e WHERE " + (_IS_GUIDLESS if guidless else "1")
        if shows is not None:
            # "+" keeps the query on the `episodes_window` index (day, show, content hash,
            # id), which answers it without reading a row.
            sql += f" AND (+e.show IS NULL OR +e.show IN ({', '.join('?' * len(shows))}))"
            args += shows
        if since is not None and until is not None:
            sql += " AND e.day BETWEEN ? AND ?"
            args += [utc_iso(since), utc_iso(until)]
        sql += f" ORDER BY e.day DESC, e.id LIMIT {int(limit)}"
        return self._rows(sql, args)

    def these(self, location: str, ids: list[str]) -> list[Candidate]:
        """The candidate rows of `ids` still stored, in no set order."""
        marks = ", ".join("?" * len(ids))
        return self._rows(_SELECT + f" FROM episodes e WHERE e.id IN ({marks})", [location, *ids])

    def undated_guidless(self, limit: int) -> list[str]:
        """Ids of the undated episodes without a guid, most recently seen first. Reads every
        guid-less row (the date is stored after the JSON): callers keep the answer while
        `version()` stays the same."""
        sql = (
            f"SELECT e.id FROM episodes e WHERE e.published IS NULL AND {_IS_GUIDLESS}"
            f" ORDER BY e.first_seen DESC, e.id LIMIT {int(limit)}"
        )
        return [str(r[0]) for r in self.conn.execute(sql)]

    def shows(self) -> list[str]:
        return [
            str(r[0])
            for r in self.conn.execute("SELECT DISTINCT show FROM episodes WHERE show IS NOT NULL")
        ]

    def version(self) -> tuple[int, int]:
        """Changes when another connection commits, or this one changes which episodes are
        undated (`EpisodeStore.generation`)."""
        changed = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        return changed, self.archive.episodes.generation

    def profile(self, episode_id: str, content_hash: str) -> bytes | None:
        """The stored profile of an episode as it is now (None if missing or stale)."""
        row = self.conn.execute(
            "SELECT profile FROM episode_profiles WHERE episode_id = ? AND content_hash = ?",
            (episode_id, content_hash),
        ).fetchone()
        return bytes(row[0]) if row else None

    def save_profile(self, episode_id: str, content_hash: str, profile: bytes) -> None:
        self.conn.execute(
            "INSERT INTO episode_profiles VALUES (?, ?, ?) ON CONFLICT(episode_id) DO UPDATE"
            " SET content_hash = excluded.content_hash, profile = excluded.profile",
            (episode_id, content_hash, profile),
        )

    def episode_json(self, episode_id: str) -> str:
        """An episode's stored JSON (to make a profile that is missing or stale)."""
        row = self.conn.execute("SELECT json FROM episodes WHERE id = ?", (episode_id,)).fetchone()
        return unpack(row[0], self.archive.path)

    def _rows(self, sql: str, args: list[str]) -> list[Candidate]:
        rows = self.conn.execute(sql, args).fetchall()
        return [Candidate(str(eid), str(h), bool(mine)) for eid, h, mine in rows]
