"""What a user reads when the archive itself is the problem: one line that says what to do,
exit 1, no traceback, and the archive left as it was found. Every case is a real file made
so: pages overwritten, a table renamed by another connection, a write transaction held open,
an immutable file or folder, a file size limit, an empty or foreign file."""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from castdigest.archive import open_archive
from castdigest.archive.db import create_empty
from castdigest.archive.errors import archive_error
from castdigest.archive.packing import unpack
from castdigest.cli import cli
from castdigest.errors import ArchiveDiskError, ArchiveReadOnlyError
from castdigest.pipeline.ingest import SourceSpec, ingest_paths
from conftest import ROOT, SAMPLES

DAMAGED = (
    "the archive is damaged (database disk image is malformed): restore it from a backup, "
    "or run `castdigest archive check`"
)
RIGHT_PATH = "give the archive's path (--db, or `archive` in the config)"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real archive: the samples ingested once (copied for each test that damages it)."""
    db = tmp_path_factory.mktemp("made") / "castdigest.db"
    result = invoke(
        "ingest", str(SAMPLES / "pages"), str(SAMPLES / "feeds"), "--as-of", "2026-11-24", db=db
    )
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def db(made: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "castdigest.db"
    shutil.copy(made, copy)
    return copy


def invoke(*args: str, db: Path, config: Path | None = None) -> Result:
    head = ["--config", str(config)] if config else []
    return CliRunner().invoke(cli, [*head, *args, "--db", str(db)])


def one_error(result: Result) -> str:
    """The single `Error:` line of a failed command (and no traceback)."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.output
    return errors[0]


def new_page(tmp_path: Path) -> Path:
    """A document the archive does not hold yet, so that ingesting it must write."""
    page = tmp_path / "new-episode.md"
    page.write_text(
        "# Ferry schedules and the long tail of timetables\n\n"
        "Published: 2026-11-20\n\nA conversation about keeping ferry timetables correct "
        "when every island changes its schedule twice a year.\n",
        encoding="utf-8",
    )
    return page


def episode_ids(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM episodes ORDER BY id")]
    finally:
        conn.close()


# --------------------------------------------------------------------------- damaged pages


def overwrite_pages(db: Path, tables: tuple[str, ...]) -> list[int]:
    """Overwrite the bytes of the pages that hold `tables`' rows (all but each table's root
    page, which the schema points at): pages from the middle to the end of the file."""
    conn = sqlite3.connect(db)
    pages: list[int] = []
    for table in tables:
        owned = [p for (p,) in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
        pages += sorted(owned)[1:]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db, "r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * size + 8)
            handle.write(b"\xa5" * (size - 16))
    return pages


def test_damaged_pages_are_one_line_for_readers_and_writers(db: Path, tmp_path: Path) -> None:
    pages = overwrite_pages(db, ("episodes", "contributions"))
    assert len(pages) >= 4  # the samples fill several pages of each
    before = db.read_bytes()
    for args in (
        ["episodes"],
        ["ingest", str(new_page(tmp_path))],
        ["build", "--week", "2026-W48"],
    ):
        assert one_error(invoke(*args, db=db)) == f"Error: {db}: {DAMAGED}"
    assert db.read_bytes() == before  # nothing written over the damage

    result = invoke("archive", "check", db=db)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{db}: DAMAGED"
    assert lines[1] == "  schema version 6 (this castdigest knows 6)"
    assert lines[2].startswith("  integrity: 20 problem(s)")  # integrity_check stops at 20
    assert f"{db}: the archive is damaged: restore it from a backup" in result.stderr
    report = json.loads(invoke("archive", "check", "--json", db=db).stdout)
    assert (report["ok"], report["damaged"], report["schema_version"]) == (False, True, 6)
    assert len(report["integrity"]) == 20
    named = {
        int(line.split()[3]) for line in report["integrity"] if line.startswith("On tree page")
    }
    assert named and named <= set(pages)  # the damage is found where it was made


def unpacked(db: Path) -> None:
    """Store the episodes' and contributions' JSON as text, as archives before schema
    version 6 did (and still may, until migrated): readable either way."""
    conn = sqlite3.connect(db)
    for table in ("episodes", "contributions"):
        rows = conn.execute(f"SELECT rowid, json FROM {table}").fetchall()
        for rowid, blob in rows:
            text = unpack(blob, db)
            conn.execute(f"UPDATE {table} SET json = ? WHERE rowid = ?", (text, rowid))
    conn.commit()
    conn.execute("VACUUM")
    conn.close()


def test_text_that_is_not_utf8_is_damage(db: Path) -> None:
    title = b"Why Your Build Cache Lies to You"
    unpacked(db)
    data = db.read_bytes()
    assert data.count(title) == 3  # the episode's title and JSON, and its contribution's JSON
    db.write_bytes(data.replace(title, title[:9] + b"\xff\xfe" + title[11:]))
    expected = (
        f"Error: {db}: the archive is damaged (column json holds text that is not UTF-8): "
        "restore it from a backup, or run `castdigest archive check`"
    )
    assert one_error(invoke("build", "--week", "2026-W48", db=db)) == expected
    report = json.loads(invoke("archive", "check", "--json", db=db).stdout)
    assert report["integrity"] == []  # SQLite itself sees nothing wrong
    assert report["undecodable"] == [
        "contributions.json: 1 row(s)",
        "episodes.json: 1 row(s)",
        "episodes.title: 1 row(s)",
    ]
    assert report["ok"] is False


def test_a_renamed_table_is_named(db: Path, tmp_path: Path) -> None:
    other = sqlite3.connect(db)
    other.execute("ALTER TABLE episodes RENAME TO episodes_old")
    other.commit()
    other.close()
    expected = (
        f"Error: {db}: the archive is damaged or not castdigest's (table episodes missing): "
        "restore it from a backup, or run `castdigest archive check`"
    )
    assert one_error(invoke("episodes", db=db)) == expected
    assert one_error(invoke("ingest", str(new_page(tmp_path)), db=db)) == expected
    result = invoke("archive", "check", db=db)
    assert result.exit_code == 1
    assert "  missing tables: episodes" in result.stdout.splitlines()
    assert "  holds: ? episodes, 0 digests, 0 subscribers" in result.stdout.splitlines()


# --------------------------------------------------------------------------- another writer


def config(tmp_path: Path, wait_s: float) -> Path:
    path = tmp_path / "castdigest.toml"
    path.write_text(f"lock_wait_s = {wait_s}\n", encoding="utf-8")
    return path


def test_a_write_transaction_held_by_another_connection(db: Path, tmp_path: Path) -> None:
    """Another program (here a connection of the test) holds SQLite's write lock: SQLite
    waits lock_wait_s (at least a second), then the command stops."""
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO migrations VALUES (99, 'held')")
    try:
        result = invoke("ingest", str(new_page(tmp_path)), db=db, config=config(tmp_path, 0))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert one_error(result) == (
        f"Error: {db}: another castdigest is running, or another program holds the archive "
        "(database is locked): let it finish and run again"
    )
    result = invoke("ingest", str(new_page(tmp_path)), db=db)
    assert result.exit_code == 0 and "1 new" in result.output  # released: it goes through


# --------------------------------------------------------------------------- read-only


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make `path` (a file or a folder) unwritable, even for root: tests here run as root,
    whom file modes do not stop, so the immutable attribute is set too (chattr +i). Skips
    when neither can be done."""
    mode = path.stat().st_mode
    path.chmod(0o555 if path.is_dir() else 0o444)
    immutable = False
    if os.geteuid() == 0:
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        immutable = done.returncode == 0
        if not immutable:
            path.chmod(mode)
            pytest.skip(f"running as root and cannot set the immutable attribute: {done.stderr!r}")
    try:
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(mode)


def test_a_read_only_file_is_named_as_such_and_can_still_be_read(db: Path) -> None:
    before = db.read_bytes()
    with read_only(db):
        result = invoke("subscribers", "add", "reader@example.com", db=db)
        listed = invoke("episodes", db=db)
    assert one_error(result) == (
        f"Error: {db}: the archive is read-only (the file cannot be written): make it "
        "writable, or run only the commands that read it (episodes, show, rank, archive check)"
    )
    assert "not a castdigest archive" not in result.output
    assert listed.exit_code == 0 and "11 episode(s)" in listed.output
    assert db.read_bytes() == before


def test_a_read_only_folder_is_named_as_such(db: Path) -> None:
    with read_only(db.parent):
        result = invoke("subscribers", "add", "reader@example.com", db=db)
    assert one_error(result) == (
        f"Error: {db}: the archive's folder is read-only ({db.parent}): SQLite writes its "
        "journal beside the archive; make the folder writable"
    )


def test_sqlite_readonly_from_a_read_only_connection(db: Path) -> None:
    """SQLITE_READONLY with a file and folder that modes allow writing (as on a read-only
    mount, which a test cannot make): the error says read-only, not foreign."""
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as raised:
        conn.execute("DELETE FROM episodes")
    conn.close()
    error = archive_error(raised.value, db)
    assert isinstance(error, ArchiveReadOnlyError)
    assert str(error) == (
        f"{db}: the archive is read-only (SQLite could only open it for reading; is the disk "
        "mounted read-only?): make it writable, or copy it to a writable place"
    )


# --------------------------------------------------------------------------- disk full


def test_a_full_disk_stops_the_run_and_rolls_back(db: Path) -> None:
    """SQLITE_FULL, made by capping the connection's pages at what the archive holds: the
    ingest stops with the disk error and the document's transaction is rolled back."""
    spec = SourceSpec(language="en")
    page = new_page(db.parent)
    # Each document is a new episode with a long text: the file must grow within a few.
    pages = [_copy(page, db.parent / f"more-{i:02}.md", i) for i in range(40)]
    with pytest.raises(ArchiveDiskError) as raised, open_archive(db, write=True) as archive:
        count = archive.conn.execute("PRAGMA page_count").fetchone()[0]
        archive.conn.execute(f"PRAGMA max_page_count = {count + 40}")
        list(ingest_paths(archive, pages, spec, now=datetime(2026, 11, 24, tzinfo=UTC)))
    assert str(raised.value) == (
        f"{db}: the disk is full (database or disk is full): free space and run again"
    )
    conn = sqlite3.connect(db)
    stored = [r[0] for r in conn.execute("SELECT location FROM documents ORDER BY location")]
    conn.close()
    kept = [str(p) for p in pages if str(p) in stored]
    assert 0 < len(kept) < len(pages)  # it stopped part way
    assert kept == [str(p) for p in pages[: len(kept)]]  # each stored document is whole:
    assert len(episode_ids(db)) == 11 + len(kept)  # its episode is there, the failed one not
    assert invoke("archive", "check", db=db).exit_code == 0


def _copy(page: Path, to: Path, n: int) -> Path:
    text = page.read_text(encoding="utf-8").replace("Ferry", f"Ferry {n}")
    # About 20 KB of words that do not repeat (the archive compresses the JSON): several pages
    rng = random.Random(n)
    text += " ".join(f"harbour{rng.getrandbits(40):x}" for _ in range(1200))
    to.write_text(text, encoding="utf-8")
    return to


def test_a_file_size_limit_is_a_disk_error_in_one_line(tmp_path: Path) -> None:
    """A real process whose files may not grow past 64 KiB (RLIMIT_FSIZE, as a full disk
    refuses writes) creates a new archive: SQLite's I/O error is one line, exit 1."""
    db = tmp_path / "new.db"

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))

    path = os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])
    args = ["subscribers", "add", "a@example.com", "--db", str(db)]
    done = subprocess.run(
        [sys.executable, "-m", "castdigest", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
        preexec_fn=limit,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr == (
        f"Error: {db}: the disk could not read or write the archive (disk I/O error): check "
        "that it is not full or failing, and run again\n"
    )


# --------------------------------------------------------------------------- not an archive


def test_an_empty_file_is_refused_not_made_an_archive(tmp_path: Path) -> None:
    db = tmp_path / "castdigest.db"
    db.write_bytes(b"")
    expected = (
        f"Error: {db}: the file is empty, not a castdigest archive: delete it to start a new "
        f"archive there, or {RIGHT_PATH}"
    )
    assert one_error(invoke("ingest", str(new_page(tmp_path)), db=db)) == expected
    assert one_error(invoke("episodes", db=db)) == expected
    assert one_error(invoke("archive", "check", db=db)) == expected
    assert db.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "castdigest.db",
        "castdigest.db.lock",
        "new-episode.md",
    ]


def test_a_file_of_another_kind_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("shopping: bread, milk\n", encoding="utf-8")
    result = invoke("ingest", str(new_page(tmp_path)), db=db)
    assert (
        one_error(result)
        == f"Error: {db}: not a castdigest archive (not an SQLite file): {RIGHT_PATH}"
    )
    assert db.read_text(encoding="utf-8") == "shopping: bread, milk\n"


def test_another_programs_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('bread')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    result = invoke("ingest", str(new_page(tmp_path)), db=db)
    assert one_error(result) == (
        f"Error: {db}: an SQLite database, but not a castdigest archive (tables notes; no "
        f"`migrations` table): {RIGHT_PATH}"
    )
    assert one_error(invoke("archive", "check", db=db)) == (
        f"Error: {db}: an SQLite database, but not a castdigest archive (no `migrations` table)"
    )
    assert db.read_bytes() == before  # not switched to WAL, no table added


def test_a_path_that_does_not_exist_yet_becomes_a_new_archive(tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"
    result = invoke("subscribers", "add", "first@example.com", db=db)
    assert result.exit_code == 0, result.output
    check = invoke("archive", "check", db=db)
    assert check.exit_code == 0
    assert check.stdout.splitlines() == [
        f"{db}: ok",
        "  schema version 6 (this castdigest knows 6)",
        "  integrity: ok",
        "  foreign keys: ok",
        "  holds: 0 episodes, 0 digests, 1 subscribers",
    ]
    missing = invoke("archive", "check", db=tmp_path / "nowhere.db")
    assert one_error(missing) == f"Error: {tmp_path / 'nowhere.db'}: no archive here"
    assert not (tmp_path / "nowhere.db").exists()


def test_archive_check_on_a_sound_archive(db: Path) -> None:
    result = invoke("archive", "check", db=db)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{db}: ok",
        "  schema version 6 (this castdigest knows 6)",
        "  integrity: ok",
        "  foreign keys: ok",
        "  holds: 11 episodes, 0 digests, 0 subscribers",
    ]
    report = json.loads(invoke("archive", "check", "--json", db=db).stdout)
    assert report == {
        "archive": str(db),
        "ok": True,
        "damaged": False,
        "schema_version": 6,
        "known_version": 6,
        "integrity": [],
        "foreign_keys": [],
        "missing_tables": [],
        "undecodable": [],
        "counts": {"episodes": 11, "digests": 0, "subscribers": 0},
        "problems": [],
    }


def test_a_new_archive_appears_whole_never_empty(tmp_path: Path) -> None:
    """A new archive's file is made aside and linked into place: another run never finds it
    empty (and would refuse it), and one linked first by another run is kept."""
    db = tmp_path / "castdigest.db"
    create_empty(db)
    assert db.read_bytes()[:16] == b"SQLite format 3\x00" and db.stat().st_size == 4096
    first = db.read_bytes()
    create_empty(db)  # another run's file is already there: left as it is
    assert db.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["castdigest.db"]  # nothing left aside
    result = invoke("subscribers", "add", "first@example.com", db=db)
    assert result.exit_code == 0, result.output
