"""Building and storing digests: windows, grouping, determinism, freezing, cache, overrides."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from castdigest.archive import Archive
from castdigest.config import SourceConfig
from castdigest.digest import assemble
from castdigest.errors import FrozenError, NotFoundError
from castdigest.models import (
    Condensed,
    Decision,
    DigestStatus,
    Episode,
    Ranked,
    SourceRef,
    dump_json,
)
from castdigest.pipeline.build import (
    build,
    choose_window,
    custom_window,
    parse_week,
    select,
    week_of,
)
from castdigest.topics import Topic
from digest_fixtures import NOW, make_episode, sample_episodes, save_all, settings

W48 = parse_week("2026-W48")


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    arch = Archive(tmp_path / "a.db")
    save_all(arch, sample_episodes())
    return arch


# --------------------------------------------------------------------------- windows


def test_iso_week_window() -> None:
    assert (W48.id, W48.since, W48.until) == ("2026-W48", date(2026, 11, 23), date(2026, 11, 29))
    assert parse_week("2026-W01").since == date(2025, 12, 29)
    with pytest.raises(ValueError, match="not an ISO week"):
        parse_week("2026-48")
    with pytest.raises(ValueError, match="2026 has no week 54"):
        parse_week("2026-W54")


def test_week_of_follows_the_newsletter_time_zone() -> None:
    sunday_night = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)  # Monday 00:30 in Paris
    assert week_of(sunday_night, ZoneInfo("UTC")).id == "2026-W48"
    assert week_of(sunday_night, ZoneInfo("Europe/Paris")).id == "2026-W49"
    start, end = W48.bounds(ZoneInfo("Europe/Paris"))
    assert start.astimezone(UTC) == datetime(2026, 11, 22, 23, 0, tzinfo=UTC)
    assert end - start == timedelta(days=7)


def test_custom_window_ids(tmp_path: Path) -> None:
    s = settings(tmp_path)
    win = choose_window(s, since=date(2026, 11, 1), until=date(2026, 11, 30))
    assert win.id == "2026-11-01--2026-11-30"
    assert (
        choose_window(s, since=date(2026, 11, 1), until=date(2026, 11, 30), digest_id="nov").id
        == "nov"
    )
    assert choose_window(s, as_of=NOW).id == "2026-W48"
    assert choose_window(s, week="2026-W47", digest_id="late").since == date(2026, 11, 16)
    with pytest.raises(ValueError, match="either --week or --since/--until"):
        choose_window(s, week="2026-W48", since=date(2026, 11, 1))
    with pytest.raises(ValueError, match="go together"):
        choose_window(s, since=date(2026, 11, 1))
    with pytest.raises(ValueError, match="before --since"):
        custom_window(date(2026, 11, 2), date(2026, 11, 1))


# --------------------------------------------------------------------------- building


def test_build_groups_items_by_topic_in_rank_order(archive: Archive, tmp_path: Path) -> None:
    # by score alone (see test_rank for MMR); 7 slots for 8 candidates, so the cap holds
    s = settings(tmp_path, max_items=7, max_per_show=2, diversity=0.0)
    result = build(archive, s, W48, as_of=NOW)
    digest = result.digest
    assert result.status == "new"
    assert [s.topic for s in digest.sections] == ["coding-agents", "infra", "science", "other"]
    assert [s.name for s in digest.sections][:3] == [
        "Coding agents",
        "AI infrastructure",
        "Science",
    ]
    coding = digest.sections[0]
    assert [i.episode_id for i in coding.items] == ["ep0001", "ep0002", "ep0004"]
    assert [i.rank for i in coding.items] == [1, 2, 3]
    scores = [i.score for i in coding.items]
    assert scores == sorted(scores, reverse=True)
    by = {r.id: r for r in result.ranked}
    assert by["ep0003"].decision is Decision.OVER_SHOW_LIMIT  # a third Harbor Notes episode
    assert by["ep0003"].reason == "2 episode(s) of Harbor Notes already in (max_per_show)"
    assert [i.episode_id for i in digest.sections[3].items] == ["ep0008", "ep0007"]
    item = coding.items[0]
    assert item.title == "Shipping with a coding agent"
    assert item.show == "Harbor Notes"
    assert item.url == "https://example.org/ep/1"
    assert set(item.components) == {"recency", "topic", "richness", "length", "source", "novelty"}
    assert item.condensed.episode_id == "ep0001"
    assert item.condensed.takeaways
    assert digest.config_hash == s.config_hash()
    stored = archive.digests.get("2026-W48")
    assert stored == digest
    rows = archive.conn.execute(
        "SELECT episode_id, topic, position FROM digest_items ORDER BY position"
    ).fetchall()
    assert rows[:2] == [("ep0001", "coding-agents", 1), ("ep0002", "coding-agents", 2)]
    assert len(rows) == len(digest.items())


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    dumps = []
    for name in ("one", "two"):
        folder = tmp_path / name
        folder.mkdir()
        with Archive(folder / "a.db") as arch:
            save_all(arch, sample_episodes())
            build(arch, settings(tmp_path), W48, as_of=NOW)
            dumps.append(dump_json(arch.digests.get("2026-W48")))
    assert dumps[0] == dumps[1]
    assert '"id": "2026-W48"' in dumps[0]


def test_rebuild_of_same_inputs_is_unchanged(archive: Archive, tmp_path: Path) -> None:
    s = settings(tmp_path)
    first = build(archive, s, W48, as_of=NOW)
    again = build(archive, s, W48, as_of=NOW + timedelta(hours=5))
    assert again.status == "unchanged"
    assert dump_json(again.digest) == dump_json(first.digest)  # built_at too: nothing changed
    assert (first.condensed, first.cached) == (8, 0)
    assert (again.condensed, again.cached) == (0, 8)


def test_rebuild_after_new_episode_updates_the_draft_and_reuses_the_cache(
    archive: Archive, tmp_path: Path
) -> None:
    s = settings(tmp_path)
    build(archive, s, W48, as_of=NOW)
    newer = make_episode(
        20,
        "Agents that fix flaky tests",
        "Fresh Show",
        0,
        2500,
        ["ai-agents"],
        "A coding agent reruns and fixes tests.",
    )
    save_all(archive, [newer])
    result = build(archive, s, W48, as_of=NOW)
    assert result.status == "updated"
    # Five coding episodes now, four per topic, but slots are empty: the cap gives way, so
    # the new episode is condensed and the rest come cached.
    assert (result.condensed, result.cached) == (1, 8)
    assert [r.relaxed for r in result.ranked].count("max_per_topic") == 1
    assert "ep0020" in [i.episode_id for i in archive.digests.get("2026-W48").items()]


def test_changed_episode_is_condensed_again(archive: Archive, tmp_path: Path) -> None:
    s = settings(tmp_path)
    build(archive, s, W48, as_of=NOW)
    ep = archive.episodes.get("ep0005")
    save_all(archive, [ep.model_copy(update={"abstract": "Spot GPU prices fell again."})])
    result = build(archive, s, W48, as_of=NOW)
    assert (result.condensed, result.cached) == (1, 7)
    changed = s.model_copy(update={"condense": s.condense.model_copy(update={"quotes": 1})})
    assert build(archive, changed, W48, as_of=NOW).condensed == 8


def test_sent_digest_is_frozen(archive: Archive, tmp_path: Path) -> None:
    s = settings(tmp_path)
    build(archive, s, W48, as_of=NOW)
    before = dump_json(archive.digests.get("2026-W48"))
    archive.digests.mark_sent("2026-W48", datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
    save_all(archive, [make_episode(21, "Late news", "Harbor Notes", 0, 900, [], "Late.")])
    with pytest.raises(FrozenError) as err:
        build(archive, s, W48, as_of=NOW)
    assert str(err.value) == (
        "2026-W48: digest was sent on 2026-11-30T08:00:00Z and is frozen; it cannot be rebuilt"
    )
    assert err.value.hint
    stored = archive.digests.get("2026-W48")
    assert stored.status is DigestStatus.SENT
    assert dump_json(stored.model_copy(update={"status": DigestStatus.DRAFT})) == before
    with pytest.raises(FrozenError):
        archive.digests.set_status("2026-W48", DigestStatus.DRAFT)
    archive.digests.mark_sent("2026-W48", datetime(2026, 12, 1, tzinfo=UTC))  # a resumed send
    assert archive.digests.status("2026-W48") == (DigestStatus.SENT, "2026-11-30T08:00:00Z")


def test_sent_episodes_are_not_picked_again(archive: Archive, tmp_path: Path) -> None:
    s = settings(tmp_path)
    first = build(archive, s, W48, as_of=NOW)
    archive.digests.mark_sent("2026-W48", NOW)
    overlap = custom_window(date(2026, 11, 20), date(2026, 12, 3))
    sel = select(archive, s, overlap)
    sent_ids = {i.episode_id for i in first.digest.items()}
    for row in sel.ranked:
        if row.id in sent_ids:
            assert row.decision is Decision.ALREADY_SENT
            assert row.reason == "already sent in 2026-W48"


def test_near_duplicate_of_a_sent_episode_is_dropped(archive: Archive, tmp_path: Path) -> None:
    s = settings(tmp_path)
    build(archive, s, W48, as_of=NOW)
    archive.digests.mark_sent("2026-W48", NOW)
    copy = archive.episodes.get("ep0005").model_copy(
        update={
            "id": "ep0030",
            "published": NOW + timedelta(days=7),
            "first_seen": NOW + timedelta(days=7),
        }
    )
    save_all(archive, [copy])
    sel = select(archive, s, parse_week("2026-W49"))
    row = {r.id: r for r in sel.ranked}["ep0030"]
    assert row.decision is Decision.DUPLICATE
    assert row.reason.startswith("near-duplicate of ep0005 sent in 2026-W48 (similarity 1.00")


def test_pins_blocks_and_intro(archive: Archive, tmp_path: Path) -> None:
    s = settings(tmp_path, max_items=3)
    old = make_episode(40, "An older gem", "Lab Hours", -30, 3000, [], "From last month.")
    save_all(archive, [old])
    archive.digests.set_override("ep0040", "pin", NOW)  # outside the window: still comes in
    archive.digests.set_override("ep0001", "block", NOW)
    result = build(archive, s, W48, as_of=NOW, intro="**Hello** readers")
    ids = [i.episode_id for i in result.digest.items()]
    assert "ep0040" in ids
    assert "ep0001" not in ids
    assert len(ids) == 3
    assert result.digest.intro == "**Hello** readers"
    again = build(archive, s, W48, as_of=NOW)
    assert again.digest.intro == "**Hello** readers"  # kept on rebuild
    assert build(archive, s, W48, as_of=NOW, keep_intro=False).digest.intro is None
    assert archive.digests.clear_override("ep0001", "pin") is False
    assert archive.digests.clear_override("ep0001", "block") is True
    assert archive.digests.overrides() == {"ep0040": "pin"}


def test_config_pins_and_blocks_accept_prefixes(archive: Archive, tmp_path: Path) -> None:
    s = settings(tmp_path, pins=["ep0007"], blocks=["ep0006", "nope"])
    sel = select(archive, s, W48)
    by = {r.id: r for r in sel.ranked}
    assert by["ep0007"].decision is Decision.PINNED
    assert by["ep0006"].decision is Decision.BLOCKED
    assert sel.warnings == ["rank.blocks: nope: no such episode"]


def test_digest_store_listing_and_errors(archive: Archive, tmp_path: Path) -> None:
    s = settings(tmp_path)
    build(archive, s, W48, as_of=NOW)
    build(archive, s, custom_window(date(2026, 11, 1), date(2026, 11, 30)), as_of=NOW)
    rows = archive.digests.list()
    assert [r.id for r in rows] == ["2026-W48", "2026-11-01--2026-11-30"]
    assert rows[0].as_dict() == {
        "id": "2026-W48",
        "since": "2026-11-23",
        "until": "2026-11-29",
        "built_at": "2026-11-27T12:00:00Z",
        "config_hash": s.config_hash(),
        "status": "draft",
        "sent_at": None,
        "items": 8,
    }
    with pytest.raises(NotFoundError, match="2026-W01: no such digest"):
        archive.digests.get("2026-W01")


_BUILD_AND_PRINT = """
import sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from digest_fixtures import NOW, sample_episodes, save_all, settings
from castdigest.archive import Archive
from castdigest.models import dump_json
from castdigest.pipeline.build import build, parse_week
folder = Path(tempfile.mkdtemp(dir=sys.argv[2]))
with Archive(folder / "a.db") as arch:
    save_all(arch, sample_episodes())
    result = build(arch, settings(folder), parse_week("2026-W48"), as_of=NOW)
    print(dump_json(result.digest) + dump_json(result.ranked))
"""


def test_builds_in_separate_processes_are_byte_identical(tmp_path: Path) -> None:
    # Different hash seeds change set and dict orders: nothing in the digest may depend on them.
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _BUILD_AND_PRINT, str(Path(__file__).parent), str(tmp_path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert '"id": "2026-W48"' in outputs[0]


def test_show_and_source_weights(archive: Archive, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    ref = SourceRef(location=str(feeds / "stack.xml"), format="feed", content_hash="0" * 64)
    ep = archive.episodes.get("ep0005")
    save_all(archive, [ep.model_copy(update={"sources": [ref]})])
    s = settings(tmp_path, show_weights={"harbor notes": 1.5})
    s = s.model_copy(
        update={"sources": [SourceConfig(path="feeds/", weight=2.0), SourceConfig(path="x/")]}
    )
    by = {r.id: r for r in select(archive, s, W48).ranked}
    assert by["ep0005"].components["source"] == 1.0  # 0.5 x the source's 2.0
    assert by["ep0001"].components["source"] == 0.75  # 0.5 x Harbor Notes' 1.5 (any case)
    assert by["ep0006"].components["source"] == 0.5


def test_sections_follow_the_rank_of_their_best_episode() -> None:
    topics = [Topic("coding", "Coding"), Topic("infra", "Infra"), Topic("other", "Other")]
    rows = [  # ranked: an "other" episode first, then infra, then coding
        Ranked(id="o1", title="O", primary_topic="other", score=5.0, decision=Decision.KEPT),
        Ranked(id="i1", title="I", primary_topic="infra", score=4.0, decision=Decision.KEPT),
        Ranked(id="c1", title="C", primary_topic="coding", score=3.0, decision=Decision.KEPT),
        Ranked(id="i2", title="J", primary_topic="infra", score=2.0, decision=Decision.KEPT),
        Ranked(id="c2", title="D", primary_topic="coding", score=1.0, decision=Decision.BLOCKED),
    ]
    kept = [r for r in rows if r.decision is Decision.KEPT]
    digest = assemble(
        digest_id="2026-W48",
        since=date(2026, 11, 23),
        until=date(2026, 11, 29),
        built_at=NOW,
        ranked=rows,
        episodes={r.id: Episode(id=r.id, title=r.title) for r in kept},
        condensed={r.id: Condensed(episode_id=r.id, title=r.title, blurb="b") for r in kept},
        topics=topics,
    )
    assert [s.topic for s in digest.sections] == ["other", "infra", "coding"]
    assert [i.episode_id for i in digest.sections[1].items] == ["i1", "i2"]
