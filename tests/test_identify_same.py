"""Identification compares stored profiles (values and shingle hashes), not episodes read back
from their JSON: the merges must be those it made when it compared the episodes themselves.

tests/data/identify_same.json was first recorded by tests/identify_cases.py with the
identification that compared episodes read back from the archive (commit f81f982), and matched
it; it was recorded again when the page readers changed what they read (fewer, better split
episodes), and when they kept titles as pages show them (guests after a dash included: new ids
for 94 episodes, the same documents in the same merges), and when the sample configuration file,
read as a page, was given another title ("keywords" became a section's heading: a new id for its
2 documents, the same merges), so it now guards against change.
The brute-force test below still checks, pair by pair, that stored profiles score exactly as
the episodes themselves."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

import pytest

from castdigest import dedupe
from castdigest.archive import Archive
from castdigest.models import Episode
from castdigest.pipeline.identify import IdentityCache, SharedProfiles
from castdigest.pipeline.ingest import DocReport, IngestRun, SourceSpec, ingest_paths
from conftest import AS_OF
from identify_cases import RECORD, merges

NOW = AS_OF + timedelta(hours=1)


def expected() -> dict[str, object]:
    found: dict[str, object] = json.loads(RECORD.read_text(encoding="utf-8"))
    return found


def test_merges_are_those_recorded(shared: Path, tmp_path: Path) -> None:
    assert merges(tmp_path / "a.db") == expected()


def test_merges_are_the_same_when_every_profile_is_read_back(shared: Path, tmp_path: Path) -> None:
    """A budget of one byte: every candidate's profile comes from its stored bytes."""

    def tight(archive: Archive, files: list[Path]) -> Iterable[DocReport]:
        cache = IdentityCache(profiles=SharedProfiles(budget=1))
        run = IngestRun(archive, AS_OF, NOW, identity=cache)
        return ingest_paths(archive, files, SourceSpec(), AS_OF, NOW, run=run)

    assert merges(tmp_path / "a.db", tight) == expected()


def test_stored_profiles_score_every_pair_as_the_episodes_do(shared: Path, tmp_path: Path) -> None:
    """Every pair of archived episodes, brute force: the similarity of their stored profiles
    is exactly that of profiles made from the episodes, and so is that of each profile taken
    without one of its documents."""
    db = tmp_path / "a.db"
    merges(db)
    with Archive(db) as archive:
        episodes = list(archive.episodes.list())
    conn = sqlite3.connect(db)
    stored = dict(conn.execute("SELECT episode_id, profile FROM episode_profiles").fetchall())
    conn.close()
    assert len(episodes) == len(expected()["episodes"]) == 250 and set(stored) == {
        e.id for e in episodes
    }
    texts = {e.id: e.transcript.text if e.transcript else None for e in episodes}
    read = {
        eid: dedupe.Profile.from_bytes(blob, lambda eid=eid: texts[eid])
        for eid, blob in stored.items()
    }
    made = {e.id: dedupe.profile(e) for e in episodes}
    scored = 0
    for a in episodes:
        for b in episodes:
            if a.id != b.id:
                score = dedupe.similarity(made[a.id], made[b.id])
                assert dedupe.similarity(read[a.id], read[b.id]) == score, (a.id, b.id)
                scored += score > 0
    assert scored > 0
    for ep in episodes:
        for source in ep.sources:
            elsewhere = Episode.model_validate(
                {
                    **ep.model_dump(),
                    "sources": [s for s in ep.sources if s.location != source.location],
                }
            )
            mine, theirs = read[ep.id].without(source.location), dedupe.profile(elsewhere)
            assert (mine.spots, mine.weak_title) == (theirs.spots, theirs.weak_title)


@pytest.mark.parametrize("words", [0, 3, 4, 5, 12, 3000])
def test_shingles_are_the_same_in_every_process(words: int) -> None:
    """Stored and compared in later runs: hashes that no per-process salt touches."""
    import subprocess
    import sys

    text = [f"w{i % 17}" for i in range(words)]
    code = f"from castdigest import dedupe; import sys; print(sorted(dedupe._shingles({text!r})))"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": ":".join(sys.path)},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1
    assert runs.pop().strip() == str(sorted(dedupe._shingles(text)))
