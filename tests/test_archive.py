"""The archive on a real SQLite file: idempotent ingest, updates that keep what others said."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from castdigest.archive import Archive
from castdigest.archive.db import parse_iso, utc_iso
from castdigest.archive.episodes import EpisodeFilter
from castdigest.archive.packing import unpack
from castdigest.errors import ArchiveError
from castdigest.models import Episode
from castdigest.pipeline.ingest import SourceSpec, ingest_file

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SPEC = SourceSpec()


def transcript(path: Path, title: str, *lines: str) -> Path:
    path.write_text("\n".join([title, *lines]) + "\n", encoding="utf-8")
    return path


def table_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    counts = {n: conn.execute(f"SELECT COUNT(*) FROM {n}").fetchone()[0] for n in names}
    conn.close()
    return counts


def dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    out = list(conn.iterdump())
    conn.close()
    return out


def test_new_archive_has_schema_and_wal(tmp_path: Path) -> None:
    with Archive(tmp_path / "a.db") as arch:
        assert arch.version() == 6
        mode = arch.conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
    assert {"episodes", "contributions", "documents", "digests", "send_ledger"} <= set(
        table_counts(tmp_path / "a.db")
    )


def test_same_file_twice_changes_nothing(tmp_path: Path) -> None:
    f = transcript(tmp_path / "t.txt", "Episode one", "Ann: hello", "Bob: hi")
    db = tmp_path / "a.db"
    with Archive(db) as arch:
        first = ingest_file(arch, f, SPEC, None, NOW)
    before = dump(db)
    with Archive(db) as arch:
        second = ingest_file(arch, f, SPEC, None, NOW + timedelta(days=1))
    assert (first.new, first.updated, first.unchanged) == (1, 0, 0)
    assert (second.new, second.updated, second.unchanged) == (0, 0, 1)
    assert dump(db) == before


def test_changed_file_updates_and_keeps_first_seen_and_other_sources(tmp_path: Path) -> None:
    a = transcript(tmp_path / "a.txt", "Shared title", "Ann: first version")
    b = transcript(tmp_path / "b.txt", "Shared title", "Ann: from another file", "Bob: more")
    db = tmp_path / "a.db"
    with Archive(db) as arch:
        ingest_file(arch, a, SPEC, None, NOW)
        ingest_file(arch, b, SPEC, None, NOW + timedelta(hours=1))
        [ep] = list(arch.episodes.list())
        assert {s.location for s in ep.sources} == {str(a), str(b)}
        assert ep.first_seen == NOW
        transcript(a, "Shared title", "Ann: second version of a")
        report = ingest_file(arch, a, SPEC, None, NOW + timedelta(days=2))
        assert (report.new, report.updated) == (0, 1)
        [ep] = list(arch.episodes.list())
        assert ep.first_seen == NOW
        assert {s.location for s in ep.sources} == {str(a), str(b)}
        assert arch.episodes.count() == 1


def test_failed_document_leaves_archive_unchanged(tmp_path: Path) -> None:
    good = transcript(tmp_path / "good.txt", "Good", "Ann: fine")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"   \n")
    db = tmp_path / "a.db"
    with Archive(db) as arch:
        ingest_file(arch, good, SPEC, None, NOW)
    before = dump(db)
    with Archive(db) as arch:
        report = ingest_file(arch, empty, SPEC, None, NOW)
    assert report.failed and report.error == "empty file"
    assert dump(db) == before


def test_window_filter_uses_published_else_first_seen(tmp_path: Path) -> None:
    with Archive(tmp_path / "a.db") as arch, arch.transaction():
        for i in range(10):
            ep = Episode(id=f"{i:012d}", title=f"E{i}", published=NOW - timedelta(days=i))
            arch.episodes.save(ep, [f"title:|e{i}"], NOW)
        undated = Episode(id="u" * 12, title="Undated")
        arch.episodes.save(undated, ["title:|undated"], NOW - timedelta(days=3))
    with Archive(tmp_path / "a.db") as arch:
        flt = EpisodeFilter(since=NOW - timedelta(days=4), until=NOW - timedelta(days=1))
        titles = [e.title for e in arch.episodes.list(flt)]
    # Newest first; E3 and Undated share a day, so the id breaks the tie.
    assert titles == ["E2", "E3", "Undated", "E4"]


def test_unknown_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    Archive(db).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO migrations VALUES (999, 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="newer than this castdigest knows"):
        Archive(db)


def downgrade(db: Path, *statements: str) -> None:
    """Take an archive back to an earlier schema (the statements undo later migrations)."""
    conn = sqlite3.connect(db)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_version_one_archive_gains_the_window_indexes_and_keeps_its_episodes(
    tmp_path: Path,
) -> None:
    db = tmp_path / "a.db"
    f = transcript(tmp_path / "t.txt", "Episode one", "Ann: hello", "Bob: hi")
    with Archive(db) as arch:
        ingest_file(arch, f, SPEC, None, NOW)
    downgrade(
        db,
        "DROP INDEX episodes_window",
        "DROP INDEX episodes_undated",
        "DROP TABLE mail_requests",
        "DELETE FROM migrations WHERE version >= 2",
    )
    with Archive(db) as arch:
        assert arch.version() == 6
        names = {r[0] for r in arch.conn.execute("SELECT name FROM sqlite_master")}
        assert {"episodes_window", "episodes_undated"} <= names
        columns = [r[2] for r in arch.conn.execute("PRAGMA index_info(episodes_window)")]
        assert columns == ["day", "show", "content_hash", "id", "language"]
        assert [e.title for e in arch.episodes.list()] == ["Episode one"]


def test_version_two_archive_gains_the_language_in_its_window_index(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with Archive(db) as arch:
        bonjour = "Ann: bonjour, nous parlons aujourd'hui des modèles et de la recherche."
        ingest_file(arch, transcript(tmp_path / "t.txt", "Un épisode", bonjour), SPEC, None, NOW)
    downgrade(
        db,
        "DROP INDEX episodes_window",
        "CREATE INDEX episodes_window ON episodes(day, show, content_hash, id)",
        "DROP TABLE mail_requests",
        "DELETE FROM migrations WHERE version >= 3",
    )
    with Archive(db) as arch:
        assert arch.version() == 6
        columns = [r[2] for r in arch.conn.execute("PRAGMA index_info(episodes_window)")]
        assert columns[-1] == "language"
        assert [e.title for e in arch.episodes.list(EpisodeFilter(language="fr"))] == ["Un épisode"]


def test_listing_reads_the_rows_of_only_the_episodes_it_returns(tmp_path: Path) -> None:
    """Every filter of `episodes` is answered from the `episodes_window` index; only the
    episodes returned are read (their JSON, which the columns after it sit behind)."""
    samples = Path(__file__).parent.parent / "samples"
    with Archive(tmp_path / "a.db") as arch:
        for name in ("pages/channel-listing.txt", "pages/summary-page-fr.txt"):
            assert not ingest_file(arch, samples / name, SPEC, NOW, NOW).failed
        french = [e.title for e in arch.episodes.list(EpisodeFilter(language="fr"))]
        assert len(french) == 1 and arch.episodes.count() == 4
        for flt in (
            EpisodeFilter(language="fr", since=NOW - timedelta(days=30), limit=5),
            EpisodeFilter(show="Latent Space", until=NOW),
            EpisodeFilter(tag="ai", language="en"),
        ):
            seen: list[str] = []
            arch.conn.set_trace_callback(seen.append)
            list(arch.episodes.list(flt))
            arch.conn.set_trace_callback(None)
            (sql,) = seen
            plan = [r[3] for r in arch.conn.execute("EXPLAIN QUERY PLAN " + sql)]
            picks = [step for step in plan if " w " in f" {step} "]
            assert picks and all("COVERING INDEX episodes_window" in s for s in picks), plan


def test_candidate_queries_read_no_episode_row(tmp_path: Path) -> None:
    """Identification's candidate queries are answered from indexes: a row holds the
    episode's JSON, and reaching the columns after it reads the whole of it."""
    samples = Path(__file__).parent.parent / "samples"
    seen: list[str] = []
    with Archive(tmp_path / "a.db") as arch:
        arch.conn.set_trace_callback(seen.append)
        for name in ("pages/channel-listing.txt", "feeds/harbor-notes.xml"):  # pages, then guids
            report = ingest_file(arch, samples / name, SPEC, NOW, NOW)
            assert not report.failed, report.error
        arch.conn.set_trace_callback(None)
        queries = [q for q in seen if q.startswith("SELECT e.id, e.content_hash") and "e.day" in q]
        assert any("+e.show IN" in q for q in queries)  # a listing episode's neighbours
        assert any("noguid:" in q for q in queries)  # a feed item's guid-less neighbours
        for sql in queries:
            plan = " | ".join(r[3] for r in arch.conn.execute("EXPLAIN QUERY PLAN " + sql))
            assert plan.startswith("SEARCH e USING COVERING INDEX episodes_window"), plan


def test_not_an_archive_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "junk.db"
    db.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ArchiveError, match="not a castdigest archive"):
        Archive(db)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Alpha", "Beta", "Gamma"]),
            st.text(alphabet="abc xyz", min_size=1, max_size=30).filter(str.strip),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_archive_round_trip_and_idempotence(tmp_path: Path, docs: list[tuple[str, str]]) -> None:
    """Any sequence of ingests: re-ingesting everything again changes nothing, and what is
    stored reads back equal to what was saved."""
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    db = root / "a.db"
    files = []
    for i, (title, body) in enumerate(docs):
        files.append(transcript(root / f"{i}.txt", title, f"Ann: {body}", f"Bob: {body}"))
    with Archive(db) as arch:
        for f in files:
            assert not ingest_file(arch, f, SPEC, None, NOW).failed
        stored = {e.id: e for e in arch.episodes.list()}
        assert len(stored) == len({t for t, _ in docs})
        for eid, ep in stored.items():
            assert arch.episodes.get(eid) == ep
    before = dump(db)
    with Archive(db) as arch:
        for f in files:
            ingest_file(arch, f, SPEC, None, NOW + timedelta(days=1))
    assert dump(db) == before


def _stored_json(db: Path) -> list[bytes]:
    conn = sqlite3.connect(db)
    try:
        tables = ("episodes", "contributions")
        return [b for t in tables for (b,) in conn.execute(f"SELECT json FROM {t}").fetchall()]
    finally:
        conn.close()


def _rewrite_json(db: Path, convert: Callable[[bytes], str | bytes]) -> None:
    """Every stored episode and contribution JSON value through `convert` (as older archives
    held them)."""
    conn = sqlite3.connect(db)
    for table in ("episodes", "contributions"):
        for rowid, blob in conn.execute(f"SELECT rowid, json FROM {table}").fetchall():
            conn.execute(f"UPDATE {table} SET json = ? WHERE rowid = ?", (convert(blob), rowid))
    conn.commit()
    conn.close()


def test_json_packed_with_zlib_reads_back_the_same(tmp_path: Path) -> None:
    """Archives of schema 6 first packed with zlib; zstd came later with no migration, as
    `unpack` tells the two apart: such an archive lists, and takes new readings, the same."""
    import zlib

    db = tmp_path / "a.db"
    samples = Path(__file__).parent.parent / "samples"
    with Archive(db) as arch:
        assert not ingest_file(arch, samples / "pages/channel-listing.txt", SPEC, NOW, NOW).failed
        before = [e.model_dump_json() for e in arch.episodes.list()]
    assert {blob[:4] for blob in _stored_json(db)} == {b"\x28\xb5\x2f\xfd"}  # zstd frames
    _rewrite_json(db, lambda blob: zlib.compress(unpack(blob, db).encode(), 3))
    with Archive(db) as arch:
        assert [e.model_dump_json() for e in arch.episodes.list()] == before
        report = ingest_file(arch, samples / "pages/channel-listing.txt", SPEC, NOW, NOW)
        assert not report.failed and arch.episodes.count() == len(before)


def test_version_four_archive_gets_its_json_compressed_and_reads_the_same(
    tmp_path: Path,
) -> None:
    """Schema version 6 stores the episodes' and contributions' JSON compressed; an archive
    from before (JSON as text, no stored profiles) is converted when opened, and reads back,
    identifies and lists exactly as before."""
    db = tmp_path / "a.db"
    samples = Path(__file__).parent.parent / "samples"
    with Archive(db) as arch:
        assert not ingest_file(arch, samples / "pages/channel-listing.txt", SPEC, NOW, NOW).failed
        before = [e.model_dump_json() for e in arch.episodes.list()]
    _rewrite_json(db, lambda blob: unpack(blob, db))
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE episode_profiles")
    conn.execute("DELETE FROM migrations WHERE version >= 5")
    conn.commit()
    assert {r[0] for r in conn.execute("SELECT typeof(json) FROM episodes")} == {"text"}
    conn.close()
    with Archive(db) as arch:
        assert arch.version() == 6
        kinds = arch.conn.execute(
            "SELECT typeof(json) FROM episodes UNION SELECT typeof(json) FROM contributions"
        ).fetchall()
        assert kinds == [("blob",)]
        assert [e.model_dump_json() for e in arch.episodes.list()] == before
        # The same listing again, under another name: every episode found, none added.
        again = tmp_path / "again.txt"
        again.write_bytes((samples / "pages/channel-listing.txt").read_bytes())
        report = ingest_file(arch, again, SPEC, NOW, NOW)
        assert (report.new, arch.episodes.count()) == (0, len(before))
        profiled = arch.conn.execute("SELECT COUNT(*) FROM episode_profiles").fetchone()[0]
        assert profiled == len(before)  # made from the JSON when first needed, and kept


@given(
    st.datetimes(
        min_value=datetime(2, 1, 1),
        max_value=datetime(9998, 12, 31),
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=8))]
        ),
    )
)
def test_stored_instants_are_written_as_strftime_writes_them(moment: datetime) -> None:
    """Every stored instant has the form the archive has always written (strftime's), so that
    instants compare as text across versions; the four-digit years take a faster path."""
    expected = moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert utc_iso(moment) == expected
    if moment.astimezone(UTC).year >= 1000:
        assert parse_iso(utc_iso(moment)) == moment.astimezone(UTC).replace(microsecond=0)
