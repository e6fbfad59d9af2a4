"""The editor's review of doubtful reads: approvals, corrected titles, chosen readers.

A reader that doubts its read says why (`Episode.review_reasons`); the episode is stored like
any other. It *needs review* until the editor approves it. An approval remembers which
doubtful documents it was given on (location and content hash): reading them again as they
were keeps it, while a changed document that is doubtful again needs a new look.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from castdigest.archive.db import utc_iso
from castdigest.archive.packing import unpack
from castdigest.models import Episode

if TYPE_CHECKING:
    from castdigest.archive.db import Archive

# A contribution (one document's read of an episode) with reasons for doubt.
_DOUBTFUL = "c.doubtful"


@dataclass(frozen=True)
class Approval:
    episode_id: str
    approved_at: str
    title: str | None
    documents: frozenset[tuple[str, str]]  # (location, content hash) of the reads approved


class ReviewStore:
    def __init__(self, archive: Archive) -> None:
        self.conn = archive.conn
        self.path = archive.path

    # ------------------------------------------------------------------ approvals

    def approval(self, episode_id: str) -> Approval | None:
        row = self.conn.execute(
            "SELECT episode_id, approved_at, title, documents FROM reviews WHERE episode_id = ?",
            (episode_id,),
        ).fetchone()
        if row is None:
            return None
        pairs = frozenset((str(loc), str(h)) for loc, h in json.loads(row[3]))
        return Approval(str(row[0]), str(row[1]), row[2], pairs)

    def approve(self, episode_id: str, now: datetime, title: str | None = None) -> None:
        """Approve the episode as its documents read now; `title` replaces the one read (a
        title given before is kept when none is given now)."""
        documents = sorted(self.doubtful_documents(episode_id))
        self.conn.execute(
            "INSERT INTO reviews VALUES (?, ?, ?, ?) ON CONFLICT(episode_id) DO UPDATE SET"
            " approved_at=excluded.approved_at, title=COALESCE(excluded.title, reviews.title),"
            " documents=excluded.documents",
            (episode_id, utc_iso(now), title, json.dumps(documents)),
        )

    def title(self, episode_id: str) -> str | None:
        """The editor's title for the episode, if one was given."""
        row = self.conn.execute(
            "SELECT title FROM reviews WHERE episode_id = ?", (episode_id,)
        ).fetchone()
        return str(row[0]) if row and row[0] is not None else None

    def doubtful_documents(self, episode_id: str) -> set[tuple[str, str]]:
        """(location, content hash) of each document whose read of the episode is doubtful."""
        rows = self.conn.execute(
            "SELECT c.location, d.content_hash FROM contributions c"
            " JOIN documents d ON d.location = c.location"
            f" WHERE c.episode_id = ? AND {_DOUBTFUL}",
            (episode_id,),
        )
        return {(str(loc), str(h)) for loc, h in rows}

    def needs_review(self, episode: Episode) -> bool:
        """Doubtful, and not approved as its doubtful documents read now."""
        if not episode.review_reasons:
            return False
        approval = self.approval(episode.id)
        if approval is None:
            return True
        return not self.doubtful_documents(episode.id) <= approval.documents

    def pending(self) -> Iterator[Episode]:
        """The episodes that need review, newest first (as `episodes` lists them)."""
        rows = self.conn.execute(
            "SELECT e.json FROM episodes e WHERE e.id IN"
            f" (SELECT DISTINCT c.episode_id FROM contributions c WHERE {_DOUBTFUL})"
            " ORDER BY e.day DESC, e.id"
        )
        for (blob,) in rows.fetchall():
            episode = Episode.model_validate_json(unpack(blob, self.path))
            if self.needs_review(episode):
                yield episode

    # ------------------------------------------------------------------ chosen readers

    def forced_format(self, location: str) -> str | None:
        """The reader the editor chose for the document at `location`, if any."""
        row = self.conn.execute(
            "SELECT format FROM document_formats WHERE location = ?", (location,)
        ).fetchone()
        return str(row[0]) if row else None

    def force_format(self, location: str, format: str, now: datetime) -> None:
        self.conn.execute(
            "INSERT INTO document_formats VALUES (?, ?, ?) ON CONFLICT(location) DO UPDATE SET"
            " format=excluded.format, set_at=excluded.set_at",
            (location, format, utc_iso(now)),
        )
