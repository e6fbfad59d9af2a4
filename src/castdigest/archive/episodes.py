"""Episodes, the documents they came from, and what each document contributed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from castdigest.archive.db import parse_iso, utc_iso
from castdigest.archive.packing import pack, unpack
from castdigest.errors import NotFoundError
from castdigest.models import Episode

if TYPE_CHECKING:
    from castdigest.archive.db import Archive

_BATCH = 500  # keys per query: SQLite allows 999 parameters in older builds


@dataclass(frozen=True)
class DocumentRow:
    location: str
    format: str
    content_hash: str
    ingested_at: str
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class Saved:
    """What `EpisodeStore.put` stored: the episode as stored (its first_seen settled)."""

    status: str  # "new", "updated" or "unchanged"
    episode: Episode
    content_hash: str


@dataclass(frozen=True)
class EpisodeFilter:
    since: datetime | None = None  # inclusive, on `day` (published, else first seen)
    until: datetime | None = None  # exclusive
    language: str | None = None
    tag: str | None = None
    show: str | None = None
    limit: int | None = None


class EpisodeStore:
    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.conn = archive.conn
        # Bumped by every write that may change which episodes are undated (all but adding a
        # dated one), and by `ingest` when a document's transaction fails: lists derived
        # from those episodes (see pipeline/identify.py) are valid while it stays the same.
        self.generation = 0

    # ------------------------------------------------------------------ documents

    def document(self, location: str) -> DocumentRow | None:
        row = self.conn.execute(
            "SELECT location, format, content_hash, ingested_at, etag, last_modified"
            " FROM documents WHERE location = ?",
            (location,),
        ).fetchone()
        return DocumentRow(*row) if row else None

    def record_document(
        self,
        location: str,
        format: str,
        content_hash: str,
        now: datetime,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(location) DO UPDATE SET"
            " format=excluded.format, content_hash=excluded.content_hash,"
            " ingested_at=excluded.ingested_at, etag=excluded.etag,"
            " last_modified=excluded.last_modified",
            (location, format, content_hash, utc_iso(now), etag, last_modified),
        )

    def contributed_by(self, location: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT episode_id FROM contributions WHERE location = ? ORDER BY position",
            (location,),
        )
        return [r[0] for r in rows]

    def replace_contributions(
        self, location: str, items: Iterable[tuple[int, str, Episode]]
    ) -> None:
        self.conn.execute("DELETE FROM contributions WHERE location = ?", (location,))
        self.conn.executemany(
            "INSERT INTO contributions (location, position, episode_id, json, doubtful)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                (location, pos, eid, pack(ep.model_dump_json()), bool(ep.review_reasons))
                for pos, eid, ep in items
            ),
        )

    def contributions(self, episode_id: str) -> list[Episode]:
        """What every document said about one episode, in the order the documents were first
        read (their rowid), so the merge base never depends on clock resolution.

        The document being ingested must be recorded (`record_document`) before this is called.
        """
        rows = self.conn.execute(
            "SELECT c.json FROM contributions c JOIN documents d ON d.location = c.location"
            " WHERE c.episode_id = ? ORDER BY d.rowid, c.position",
            (episode_id,),
        ).fetchall()
        return [Episode.model_validate_json(self._text(r[0])) for r in rows]

    def move_contributions(self, old: str, new: str) -> None:
        """Give episode `new` what the documents said about `old` (found to be one)."""
        self.conn.execute(
            "UPDATE contributions SET episode_id = ? WHERE episode_id = ?", (new, old)
        )

    def _text(self, value: str | bytes) -> str:
        return unpack(value, self.archive.path)

    # ------------------------------------------------------------------ identity

    def match(self, keys: Iterable[str]) -> str | None:
        """The id of the episode already known by any of `keys` (first key wins)."""
        ordered = list(keys)
        found = self.matches(ordered)
        return next((found[key] for key in ordered if key in found), None)

    def matches(self, keys: Sequence[str]) -> dict[str, str]:
        """key -> id of the episode already known by it, for those of `keys` that name one
        (one query for up to `_BATCH` keys)."""
        found: dict[str, str] = {}
        for start in range(0, len(keys), _BATCH):
            chunk = list(keys[start : start + _BATCH])
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT key, episode_id FROM episode_keys WHERE key IN ({marks})"
            found.update((str(k), str(e)) for k, e in self.conn.execute(sql, chunk))
        return found

    def resolve(self, ref: str) -> str:
        """Full id from an id or a unique prefix of one."""
        row = self.conn.execute("SELECT id FROM episodes WHERE id = ?", (ref,)).fetchone()
        if row:
            return str(row[0])
        rows = self.conn.execute(
            "SELECT id FROM episodes WHERE id >= ? AND id < ? LIMIT 2", (ref, ref + "\uffff")
        ).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
        if not rows:
            raise NotFoundError("no such episode", where=ref, hint="see `castdigest episodes`")
        raise NotFoundError("ambiguous episode id prefix", where=ref, hint="give more characters")

    # ------------------------------------------------------------------ episodes

    def first_seen(self, episode_id: str) -> datetime | None:
        row = self.conn.execute(
            "SELECT first_seen FROM episodes WHERE id = ?", (episode_id,)
        ).fetchone()
        return parse_iso(row[0]) if row else None

    def save(self, episode: Episode, keys: Iterable[str], now: datetime) -> str:
        """Insert or update one merged episode; returns "new", "updated" or "unchanged"."""
        return self.put(episode, keys, now).status

    def put(self, episode: Episode, keys: Iterable[str], now: datetime) -> Saved:
        """`save`, returning the episode as stored and its content hash too."""
        old = self.conn.execute(
            "SELECT content_hash, first_seen, json FROM episodes WHERE id = ?", (episode.id,)
        ).fetchone()
        # A new episode keeps the first_seen it comes with (an imported export), else now; a
        # stored one keeps its own, read from its JSON (the column is truncated to seconds).
        old_blob = self._text(old[2]) if old else None
        first_seen = (
            Episode.model_validate_json(old_blob).first_seen or parse_iso(old[1])
            if old_blob is not None
            else (episode.first_seen or now)
        )
        if episode.first_seen != first_seen:
            episode = episode.model_copy(update={"first_seen": first_seen})
        if old or episode.published is None:
            self.generation += 1
        blob = episode.model_dump_json()
        if old and old_blob == blob:
            status, content_hash = "unchanged", str(old[0])
        else:
            status = "updated" if old else "new"
            content_hash = episode.content_hash(blob)
            published = utc_iso(episode.published) if episode.published else None
            self.conn.execute(
                "INSERT INTO episodes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET json=excluded.json, title=excluded.title,"
                " show=excluded.show, language=excluded.language, published=excluded.published,"
                " day=excluded.day, content_hash=excluded.content_hash,"
                " updated_at=excluded.updated_at",
                (
                    episode.id,
                    pack(blob),
                    episode.title,
                    episode.show,
                    episode.language,
                    published,
                    utc_iso(first_seen),
                    published or utc_iso(first_seen),
                    content_hash,
                    utc_iso(now),
                ),
            )
        self._index(episode, keys)
        return Saved(status, episode, content_hash)

    def _index(self, episode: Episode, keys: Iterable[str]) -> None:
        self.conn.executemany(
            "INSERT INTO episode_keys VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
            ((k, episode.id) for k in keys),
        )
        self.conn.execute("DELETE FROM episode_tags WHERE episode_id = ?", (episode.id,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO episode_tags VALUES (?, ?)",
            ((t.casefold(), episode.id) for t in episode.tags),
        )

    def delete(self, episode_id: str) -> None:
        self.generation += 1
        for table, column in (
            ("episodes", "id"),
            ("episode_keys", "episode_id"),
            ("episode_tags", "episode_id"),
            ("episode_profiles", "episode_id"),
        ):
            self.conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (episode_id,))

    def get(self, ref: str) -> Episode:
        episode_id = self.resolve(ref)
        row = self.conn.execute("SELECT json FROM episodes WHERE id = ?", (episode_id,)).fetchone()
        return Episode.model_validate_json(self._text(row[0]))

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM episodes").fetchone()[0])

    def list(self, flt: EpisodeFilter | None = None) -> Iterator[Episode]:
        """Episodes matching the filter, newest first (by `day`, then id for a stable order)."""
        flt = flt or EpisodeFilter()
        where, args = [], []
        if flt.since:
            where.append("w.day >= ?")
            args.append(utc_iso(flt.since))
        if flt.until:
            where.append("w.day < ?")
            args.append(utc_iso(flt.until))
        if flt.language:
            where.append("(w.language = ? OR w.language LIKE ?)")
            args += [flt.language, flt.language + "-%"]
        if flt.show:
            where.append("w.show = ? COLLATE NOCASE")
            args.append(flt.show)
        if flt.tag:
            where.append("+w.id IN (SELECT episode_id FROM episode_tags WHERE tag = ?)")
            args.append(flt.tag.casefold())
        # The episodes are chosen and ordered on the `episodes_window` index, which holds every
        # column filtered on: a row's other columns follow its JSON, and reaching them would
        # read the whole JSON of every episode tested, printed or not.
        pick = "SELECT w.id, w.day FROM episodes w"
        if where:
            pick += " WHERE " + " AND ".join(where)
        pick += " ORDER BY w.day DESC, w.id"
        if flt.limit:
            pick += f" LIMIT {int(flt.limit)}"
        sql = (
            f"SELECT e.json FROM ({pick}) AS p JOIN episodes e ON e.id = p.id"
            " ORDER BY p.day DESC, p.id"
        )
        for (blob,) in self.conn.execute(sql, args):
            yield Episode.model_validate_json(self._text(blob))
