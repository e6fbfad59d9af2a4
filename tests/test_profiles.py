"""The profiles identification keeps across documents: bounded, and dropping them changes
nothing but the time it takes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from castdigest import dedupe
from castdigest.archive import Archive
from castdigest.models import Episode, Transcript
from castdigest.pipeline.identify import IdentityCache, SharedProfiles
from castdigest.pipeline.ingest import IngestRun, SourceSpec, ingest_paths
from conftest import AS_OF, dump

NOW = AS_OF + timedelta(hours=1)


def test_profiles_dropped_over_the_budget_change_nothing(
    tmp_path: Path, sample_inbox: list[Path]
) -> None:
    """Identification keeps the profiles of archived episodes across documents within a
    memory budget; with a budget of one byte every profile is read again from the archive
    each time, and the archive must end exactly as with the cache."""
    kept = tmp_path / "kept.db"
    with Archive(kept) as arch:
        list(ingest_paths(arch, sample_inbox, SourceSpec(), AS_OF, NOW))
    with Archive(tmp_path / "tight.db") as arch:
        tight = SharedProfiles(budget=1)
        run = IngestRun(arch, AS_OF, NOW, identity=IdentityCache(profiles=tight))
        reports = list(ingest_paths(arch, sample_inbox, SourceSpec(), AS_OF, NOW, run=run))
        assert len(tight) == 1  # only the latest is kept
    assert dump(tmp_path / "tight.db") == dump(kept)
    assert sum(r.new for r in reports) == 12


def test_shared_profiles_drop_the_least_recently_used() -> None:
    cache = SharedProfiles(budget=3 * (2000 + 3 * 4))
    made = {}
    for name in ("a", "b", "c"):
        made[name] = dedupe.profile(Episode(id=name, title=name, abstract="word"))
        cache[(name, "h")] = made[name]
    assert cache.weight == 3 * made["a"].weight and len(cache) == 3
    assert cache.get(("a", "h")) is made["a"]  # now the most recently used
    cache[("d", "h")] = dedupe.profile(Episode(id="d", title="d", abstract="word"))
    assert cache.get(("b", "h")) is None  # b was the least recently used
    assert [cache.get((n, "h")) is not None for n in "acd"] == [True, True, True]
    cache[("a", "h")] = made["a"]  # replacing an entry does not count it twice
    assert cache.weight == 3 * made["a"].weight


def test_a_compared_transcript_profile_lets_go_of_the_text() -> None:
    text = " ".join(f"word{i % 97} w{i}" for i in range(3000))
    prof = dedupe.profile(Episode(id="t", title="t", transcript=Transcript(text=text)))
    words = dedupe._words(text)
    assert prof.spoken_shingles == dedupe._shingles(words)
    assert prof.spoken == " " + " ".join(words) + " "
    assert prof._transcript is None
