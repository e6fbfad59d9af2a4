"""Which archived episode (if any) a newly read episode is: the three tiers of `dedupe`.

Strong keys match on sight; weak keys only when `dedupe.compatible` agrees; failing both, the
episode is compared by content with archived episodes near it in time (published within a few
days, or the most recent ones when it has no date). The document being re-read is left out of
every comparison: what it said before is about to be replaced.
"""

from __future__ import annotations

import copy
import hashlib
import string
from collections import OrderedDict
from collections.abc import Callable
from datetime import timedelta

from castdigest import dedupe
from castdigest.archive import Archive, utc_iso
from castdigest.models import Episode
from castdigest.readers.episode_json import NAME as EXPORT_FORMAT

_WINDOW = timedelta(days=3)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_RECENT = 200  # undated episodes are compared with this many of the most recent
# Episodes stored without a guid carry a `noguid:<id>` key (see `index_keys`): an indexed
# list of the few episodes (pages, transcripts, notes) a feed item may be another reading of.
NO_GUID = "noguid:"
# A candidate's id, content hash, and whether the document being read contributed to it.
_SELECT = (
    "SELECT e.id, e.content_hash, EXISTS (SELECT 1 FROM contributions c"
    " WHERE c.episode_id = e.id AND c.location = ?)"
)
# Asked of each episode (by its key, through the `episodes_window` index), not found through
# the keys: a join from the keys reads every guid-less row, JSON and all, to sort by day.
_IS_GUIDLESS = f"EXISTS (SELECT 1 FROM episode_keys k WHERE k.key = '{NO_GUID}' || e.id)"
_GUIDLESS = _SELECT + " FROM episodes e WHERE " + _IS_GUIDLESS


# What the profiles kept across documents may hold, by `Profile.weight`: enough for the
# 10,000 pages of bench/ingest.py (about 340 MB), where each reading of an evicted profile costs
# time; a folder of hour-long transcripts (about 260 KB a profile) no longer grows without
# bound. Beyond it, the least recently used are read again from the archive when needed.
PROFILE_BUDGET = 512 * 2**20


class SharedProfiles:
    """Profiles by (episode id, content hash), least recently used dropped over a budget."""

    def __init__(self, budget: int = PROFILE_BUDGET) -> None:
        self.budget = budget
        self.weight = 0
        self._entries: OrderedDict[tuple[str, str], dedupe.Profile] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: tuple[str, str]) -> dedupe.Profile | None:
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def __setitem__(self, key: tuple[str, str], profile: dedupe.Profile) -> None:
        old = self._entries.pop(key, None)
        self.weight += profile.weight - (old.weight if old is not None else 0)
        self._entries[key] = profile
        while self.weight > self.budget and len(self._entries) > 1:
            _, dropped = self._entries.popitem(last=False)
            self.weight -= dropped.weight


def index_keys(
    merged: Episode, parts: list[Episode], keys_of: Callable[[Episode], list[str]] = dedupe.keys
) -> list[str]:
    """The keys to store for a merged episode: every part's, and the guid-less marker."""
    out = [k for part in parts for k in keys_of(part)]
    return out if merged.guid else [*out, NO_GUID + merged.id]


class Identifier:
    """Assigns ids to the episodes of one document, in order."""

    def __init__(self, archive: Archive, location: str, fmt: str) -> None:
        self.archive = archive
        self.location = location
        self.exported = fmt == EXPORT_FORMAT
        # Strong key -> (id, episode) of this document's earlier items, for repeated items.
        self.local: dict[str, tuple[str, Episode]] = {}
        self.used: set[str] = set()  # ids given to this document's episodes
        self.fresh: set[str] = set()  # ids of episodes the archive does not hold yet
        # Archived episodes found to be one with another (a new reading bridged them): id -> id.
        self.absorbed: dict[str, str] = {}
        self._undated_cache: list[str] | None = None
        self._shows: list[tuple[str, str]] | None = None  # (show, ASCII lower case)
        self._profiles: dict[str, dedupe.Profile] = {}
        # id -> (content hash, whether this document contributed to it), from the queries
        # that found the candidates.
        self._rows: dict[str, tuple[str, bool]] = {}
        # Profiles of this document's new episodes as read, for `remember` to reuse.
        self._read: dedupe.Profile | None = None
        self._read_profiles: dict[str, dedupe.Profile] = {}
        # Keys of the episodes read, by object (kept alive here, so an id is never reused).
        self._keys: dict[int, tuple[Episode, list[str]]] = {}
        # Profiles of archived episodes outlive this document: ingesting a folder compares
        # each new episode with the same neighbours again. Keyed by content hash, so a
        # stale entry is never used.
        shared = archive.memo.get("dedupe-profiles")
        if shared is None:
            shared = archive.memo["dedupe-profiles"] = SharedProfiles()
        self._shared: SharedProfiles = shared

    def keys_of(self, ep: Episode) -> list[str]:
        """`dedupe.keys(ep)`, computed once per episode read (storing asks again)."""
        if (known := self._keys.get(id(ep))) is None or known[0] is not ep:
            known = self._keys[id(ep)] = (ep, dedupe.keys(ep))
        return known[1]

    def identify(self, ep: Episode) -> str:
        ks = self.keys_of(ep)
        self._read = None
        if self.exported:
            # An export names its ids: keep them (export -> import -> export is identical).
            eid = ep.id if ep.id and self.archive.episodes.first_seen(ep.id) else None
            eid = eid or self._by_keys(ep, ks) or ep.id
        else:
            eid = self._in_document(ep, ks) or self._by_keys(ep, ks) or self._by_content(ep)
            if eid is None:
                eid = self._fresh_id(ep)
                self.fresh.add(eid)
                if self._read is not None:
                    self._read_profiles[eid] = self._read
        for key in ks:
            if dedupe.is_strong(key):
                self.local.setdefault(key, (eid, ep))
        self.used.add(eid)
        return self.resolve(eid)

    def _in_document(self, ep: Episode, ks: list[str]) -> str | None:
        """An earlier item of this document that is the same episode (a repeated guid...)."""
        for key in ks:
            if key in self.local:
                eid, other = self.local[key]
                if key.startswith("guid:") or dedupe.compatible(ep, other):
                    return eid
        return None

    def _fresh_id(self, ep: Episode) -> str:
        """`ep.id`, unless an episode it is not already holds that id (ids come from keys, and
        two episodes can share a weak or a URL key: a show's home page as every item's link)."""
        eid, n = ep.id, 0
        while eid in self.used or self.archive.episodes.first_seen(eid) is not None:
            n += 1
            eid = hashlib.sha1(f"{ep.id}/{n}".encode()).hexdigest()[:12]
        return eid

    def resolve(self, eid: str) -> str:
        while eid in self.absorbed:
            eid = self.absorbed[eid]
        return eid

    def _by_keys(self, ep: Episode, ks: list[str]) -> str | None:
        """The first archived episode a key names; any other one named is absorbed into it."""
        store = self.archive.episodes
        found: list[str] = []
        for key in ks:
            eid = store.match([key])
            if eid is None or self.resolve(eid) in found:
                continue
            # Only a guid is proof on its own; a shared URL is not, against a different guid.
            if key.startswith("guid:") or dedupe.compatible(ep, self._elsewhere(store.get(eid))):
                found.append(self.resolve(eid))
        if self.exported:
            return found[0] if found else None
        for other in found[1:]:
            self.absorbed[other] = found[0]
        return found[0] if found else None

    def merge_absorbed(self) -> list[str]:
        """Move the contributions of absorbed episodes to the one they joined; drop them.

        Returns the ids that must be re-merged. Call inside the document's transaction.
        """
        store = self.archive.episodes
        winners = []
        for old in list(self.absorbed):
            new = self.resolve(old)
            self.archive.conn.execute(
                "UPDATE contributions SET episode_id = ? WHERE episode_id = ?", (new, old)
            )
            store.delete(old)
            winners.append(new)
        return list(dict.fromkeys(winners))

    def remember(self, saved: Episode, content_hash: str, as_read: bool = False) -> None:
        """Keep the profile of an episode just stored: later documents compare with it, and
        it need not be read back from its JSON. `as_read`: `saved` is the one reading this
        document gave of a new episode, stored as it was read but for its id and first_seen."""
        read = self._read_profiles.get(saved.id)
        if read is not None and as_read:
            found = copy.copy(read)  # a profile does not look at the id
            found.first_seen = saved.first_seen
        else:
            found = dedupe.profile(saved)
            if read is not None:
                found.reuse(read)
        self._shared[(saved.id, content_hash)] = found

    def _by_content(self, ep: Episode) -> str | None:
        """The archived episode most like `ep`; any other one as alike, and compatible with it,
        is absorbed into it: `ep` bridges two readings (a page and a transcript) not yet joined."""
        self._read = dedupe.profile(ep)
        candidates = self._candidates(ep)
        found = dedupe.all_similar(self._read, candidates)
        if not found:
            return None
        profiles = dict(candidates)
        best = self.resolve(found[0])
        for other in found[1:]:
            joined = self.resolve(other)
            if joined != best and dedupe.joinable(profiles[found[0]], profiles[other]):
                self.absorbed[joined] = best
        return best

    def _elsewhere(self, ep: Episode) -> Episode:
        """`ep` as the other documents describe it."""
        kept = [s for s in ep.sources if s.location != self.location]
        return ep.model_copy(update={"sources": kept}) if len(kept) != len(ep.sources) else ep

    def _candidates(self, ep: Episode) -> list[tuple[str, dedupe.Profile]]:
        args: list[str] = []
        # An episode with a guid can only be one of those without.
        sql = _GUIDLESS if ep.guid else _SELECT + " FROM episodes e WHERE 1"
        if ep.show and not ep.guid:
            # Two guid-less readings (pages, notes) of one episode name the same show, or one
            # names none (a transcript); containment allows "Show" vs "Show: the podcast".
            # The shows are told apart here; "+" keeps the query on the `episodes_window`
            # index (day, show, content hash, id), which answers it without reading a row.
            shows = self._shows_like(ep.show)
            sql += f" AND (+e.show IS NULL OR +e.show IN ({', '.join('?' * len(shows))}))"
            args += shows
        if ep.published is not None:
            sql += " AND e.day BETWEEN ? AND ?"
            args += [utc_iso(ep.published - _WINDOW), utc_iso(ep.published + _WINDOW)]
        sql += f" ORDER BY e.day DESC, e.id LIMIT {_RECENT}"
        ids = self._ids(sql, args)
        if ep.published is not None:
            # Undated readings (a saved page, a transcript) seen after the episode came out.
            since = ep.published - _WINDOW
            for eid in self._undated():
                seen = self._profile(eid).first_seen
                if eid not in ids and seen and seen >= since:
                    ids.append(eid)
        profiles = [(eid, self._profile(eid)) for eid in ids]
        return [(eid, p) for eid, p in profiles if p.spots]

    def _shows_like(self, show: str) -> list[str]:
        """The archived shows containing `show` or contained in it, ignoring ASCII case (as
        SQLite's lower() and instr() would tell)."""
        if self._shows is None:
            rows = self.archive.conn.execute(
                "SELECT DISTINCT show FROM episodes WHERE show IS NOT NULL"
            )
            self._shows = [(str(r[0]), str(r[0]).translate(_ASCII_LOWER)) for r in rows]
        mine = show.translate(_ASCII_LOWER)
        return [name for name, low in self._shows if low in mine or mine in low]

    def _undated(self) -> list[str]:
        if self._undated_cache is None:
            # Finding them reads every guid-less row (the date is stored after the JSON):
            # the list is kept until this connection writes an undated episode, or changes or
            # deletes one (`EpisodeStore.generation`), or another connection commits.
            conn = self.archive.conn
            stamp = (
                conn.execute("PRAGMA data_version").fetchone()[0],
                self.archive.episodes.generation,
            )
            kept = self.archive.memo.get("undated-episodes")
            if kept is None or kept[0] != stamp:
                sql = (
                    f"SELECT e.id FROM episodes e WHERE e.published IS NULL AND {_IS_GUIDLESS}"
                    f" ORDER BY e.first_seen DESC, e.id LIMIT {_RECENT}"
                )
                kept = (stamp, [str(r[0]) for r in conn.execute(sql)])
                self.archive.memo["undated-episodes"] = kept
            ids: list[str] = kept[1]
            marks = ", ".join("?" * len(ids))
            found = set(self._ids(_SELECT + f" FROM episodes e WHERE e.id IN ({marks})", ids))
            self._undated_cache = [eid for eid in ids if eid in found]
        return self._undated_cache

    def _ids(self, sql: str, args: list[str]) -> list[str]:
        rows = self.archive.conn.execute(sql, [self.location, *args]).fetchall()
        for eid, content_hash, mine in rows:
            self._rows.setdefault(eid, (content_hash, bool(mine)))
        return [str(r[0]) for r in rows]

    def _profile(self, eid: str) -> dedupe.Profile:
        # The archive does not change while a document's episodes are identified: cache.
        if eid not in self._profiles:
            content_hash, mine = self._rows[eid]
            key = (eid, content_hash)
            found = None if mine else self._shared.get(key)
            if found is not None and self.location in found.locations:
                found = None  # not this document's contribution, yet it names it: as below
            if found is None:
                blob = self.archive.conn.execute(
                    "SELECT json FROM episodes WHERE id = ?", (eid,)
                ).fetchone()[0]
                found = dedupe.profile(self._elsewhere(Episode.model_validate_json(blob)))
                if not mine:  # a profile without this document's part is only valid here
                    self._shared[key] = found
            self._profiles[eid] = found
        return self._profiles[eid]
