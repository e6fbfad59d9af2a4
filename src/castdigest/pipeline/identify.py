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
from dataclasses import dataclass, field
from datetime import timedelta

from castdigest import dedupe
from castdigest.archive import Archive
from castdigest.archive.identity import NO_GUID, Candidate
from castdigest.models import Episode
from castdigest.readers.episode_json import NAME as EXPORT_FORMAT

_WINDOW = timedelta(days=3)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_RECENT = 200  # undated episodes are compared with this many of the most recent

__all__ = ["NO_GUID", "Identifier", "IdentityCache", "SharedProfiles", "index_keys"]

# What the profiles kept across documents may hold, by `Profile.weight`. Profiles are stored
# with their episodes, and one read back costs a small row (not the episode's JSON): the
# cache only spares the reading of an episode's neighbours once per document.
PROFILE_BUDGET = 64 * 2**20


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


@dataclass
class IdentityCache:
    """What identification keeps across the documents of one run (see `IngestRun`): archived
    episodes' profiles, the undated guid-less episodes and the archived shows, each valid
    while the archive has not changed under it."""

    profiles: SharedProfiles = field(default_factory=SharedProfiles)
    # (IdentityIndex.version(), ids)
    undated: tuple[tuple[int, int], list[str]] | None = None
    # The archived shows (and their ASCII lower case), with the data version they are of.
    shows: tuple[int, dict[str, str]] | None = None


def index_keys(
    merged: Episode, parts: list[Episode], keys_of: Callable[[Episode], list[str]] = dedupe.keys
) -> list[str]:
    """The keys to store for a merged episode: every part's, and the guid-less marker."""
    out = [k for part in parts for k in keys_of(part)]
    return out if merged.guid else [*out, NO_GUID + merged.id]


class Identifier:
    """Assigns ids to the episodes of one document, in order."""

    def __init__(
        self, archive: Archive, location: str, fmt: str, cache: IdentityCache | None = None
    ) -> None:
        self.archive = archive
        self.index = archive.identity
        self.location = location
        self.exported = fmt == EXPORT_FORMAT
        # Strong key -> (id, episode) of this document's earlier items, for repeated items.
        self.local: dict[str, tuple[str, Episode]] = {}
        self.used: set[str] = set()  # ids given to this document's episodes
        self.fresh: set[str] = set()  # ids of episodes the archive does not hold yet
        # Archived episodes found to be one with another (a new reading bridged them): id -> id.
        self.absorbed: dict[str, str] = {}
        self._undated_cache: list[str] | None = None
        self._profiles: dict[str, dedupe.Profile] = {}
        # The candidate rows found so far, by id (see `Candidate`).
        self._rows: dict[str, Candidate] = {}
        # Profiles of this document's new episodes as read, for `remember` to reuse.
        self._read: dedupe.Profile | None = None
        self._read_profiles: dict[str, dedupe.Profile] = {}
        # Keys of the episodes read, by object (kept alive here, so an id is never reused).
        self._keys: dict[int, tuple[Episode, list[str]]] = {}
        # Profiles of archived episodes outlive this document: ingesting a folder compares
        # each new episode with the same neighbours again. Keyed by content hash, so a
        # stale entry is never used.
        self.cache = cache if cache is not None else IdentityCache()

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
        known = self.archive.episodes.matches(ks)
        found: list[str] = []
        for key in ks:
            eid = known.get(key)
            if eid is None or self.resolve(eid) in found:
                continue
            # Only a guid is proof on its own; a shared URL is not, against a different guid.
            if key.startswith("guid:") or self._compatible_with(ep, eid):
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
            store.move_contributions(old, new)
            store.delete(old)
            winners.append(new)
        return list(dict.fromkeys(winners))

    def remember(
        self, saved: Episode, content_hash: str, as_read: bool = False, changed: bool = True
    ) -> None:
        """Store the profile of an episode just stored, and keep it: later documents compare
        with it. `as_read`: `saved` is the one reading this document gave of a new episode,
        stored as it was read but for its id and first_seen. `changed`: the episode was
        written (an unchanged one keeps its stored profile)."""
        read = self._read_profiles.get(saved.id)
        if read is not None and as_read:
            found = copy.copy(read)  # a profile does not look at the id
            found.first_seen = saved.first_seen
        else:
            found = dedupe.profile(saved)
            if read is not None:
                found.reuse(read)
        if changed or self.index.profile(saved.id, content_hash) is None:
            self.index.save_profile(saved.id, content_hash, found.to_bytes())
        self.cache.profiles[(saved.id, content_hash)] = found
        if saved.show is not None and self.cache.shows is not None:
            self.cache.shows[1].setdefault(saved.show, saved.show.translate(_ASCII_LOWER))

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

    def _compatible_with(self, ep: Episode, eid: str) -> bool:
        """`dedupe.compatible(ep, <archived episode eid, as the other documents describe it>)`,
        from its stored profile: a file name or URL several shows use matches often, and
        reading the episode each time cost more than the rest of identification."""
        if eid not in self._rows:
            for row in self.index.these(self.location, [eid]):
                self._rows.setdefault(row.id, row)
        if eid not in self._rows:  # not stored after all: as before, from the episode
            return dedupe.compatible(ep, self._elsewhere(self.archive.episodes.get(eid)))
        return dedupe.compatible_with(ep, self._profile(eid))

    def _elsewhere(self, ep: Episode) -> Episode:
        """`ep` as the other documents describe it."""
        kept = [s for s in ep.sources if s.location != self.location]
        return ep.model_copy(update={"sources": kept}) if len(kept) != len(ep.sources) else ep

    def _candidates(self, ep: Episode) -> list[tuple[str, dedupe.Profile]]:
        # Two guid-less readings (pages, notes) of one episode name the same show, or one
        # names none (a transcript); containment allows "Show" vs "Show: the podcast".
        shows = self._shows_like(ep.show) if ep.show and not ep.guid else None
        window = (ep.published - _WINDOW, ep.published + _WINDOW) if ep.published else None
        found = self.index.near(
            self.location,
            guidless=bool(ep.guid),  # an episode with a guid can only be one of those without
            shows=shows,
            since=window[0] if window else None,
            until=window[1] if window else None,
            limit=_RECENT,
        )
        for row in found:
            self._rows.setdefault(row.id, row)
        ids = [row.id for row in found]
        if ep.published is not None:
            # Undated readings (a saved page, a transcript) seen after the episode came out.
            since = ep.published - _WINDOW
            known = set(ids)
            for eid in self._undated():
                seen = self._profile(eid).first_seen
                if eid not in known and seen and seen >= since:
                    ids.append(eid)
        profiles = [(eid, self._profile(eid)) for eid in ids]
        return [(eid, p) for eid, p in profiles if p.spots]

    def _shows_like(self, show: str) -> list[str]:
        """The archived shows containing `show` or contained in it, ignoring ASCII case (as
        SQLite's lower() and instr() would tell)."""
        version = self.index.version()[0]  # this connection's writes add to the list
        if self.cache.shows is None or self.cache.shows[0] != version:
            names = self.index.shows()
            self.cache.shows = (version, {n: n.translate(_ASCII_LOWER) for n in names})
        mine = show.translate(_ASCII_LOWER)
        known = self.cache.shows[1]
        return [name for name, low in known.items() if low in mine or mine in low]

    def _undated(self) -> list[str]:
        if self._undated_cache is None:
            # The list is kept until this connection writes an undated episode, or changes or
            # deletes one, or another connection commits.
            stamp = self.index.version()
            kept = self.cache.undated
            if kept is None or kept[0] != stamp:
                kept = self.cache.undated = (stamp, self.index.undated_guidless(_RECENT))
            ids = kept[1]
            rows = self.index.these(self.location, ids)
            for row in rows:
                self._rows.setdefault(row.id, row)
            found = {row.id for row in rows}
            self._undated_cache = [eid for eid in ids if eid in found]
        return self._undated_cache

    def _profile(self, eid: str) -> dedupe.Profile:
        # The archive does not change while a document's episodes are identified: cache.
        if eid not in self._profiles:
            row = self._rows[eid]
            key = (eid, row.content_hash)
            found = self.cache.profiles.get(key)
            if found is None:
                found = self._stored_profile(eid, row.content_hash)
                self.cache.profiles[key] = found
            # Without this document's part: what it said before is about to be replaced.
            self._profiles[eid] = found.without(self.location) if row.mine else found
        return self._profiles[eid]

    def _stored_profile(self, eid: str, content_hash: str) -> dedupe.Profile:
        """The profile stored with the episode; made from its JSON (and stored) when missing
        or stale (an archive from before profiles were stored)."""
        blob = self.index.profile(eid, content_hash)
        if blob is not None and dedupe.profile_version(blob) == dedupe.PROFILE_VERSION:
            return dedupe.Profile.from_bytes(blob, lambda: self._transcript(eid))
        made = dedupe.profile(Episode.model_validate_json(self.index.episode_json(eid)))
        self.index.save_profile(eid, content_hash, made.to_bytes())
        return made

    def _transcript(self, eid: str) -> str | None:
        ep = Episode.model_validate_json(self.index.episode_json(eid))
        return ep.transcript.text if ep.transcript else None
