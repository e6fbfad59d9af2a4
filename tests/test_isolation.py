"""One bad document never stops a run: whatever its reader (or storing it) raises becomes one
line naming it, the other documents are stored, and the exit code is 1; the traceback of an
unexpected error goes to castdigest.log beside the archive, or to stderr with --debug.

Each bad input is one line of its own kind that once raised out of a reader; they sit between
two good documents, in every ingest path: one process, worker processes, fetched URLs, and
the folders `weekly` reads.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from castdigest.archive import Archive
from castdigest.cli import COMMANDS, cli
from castdigest.models import Episode
from castdigest.pipeline.ingest import SourceSpec, read_episodes, store_read
from castdigest.pipeline.read_ahead import _read, _Reading, _Task, ingest_files
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.plaintext import PlainTextReader
from castdigest.readers.registry import load_file
from conftest import AS_OF
from feed_server import Served, serve
from send_fixtures import SECRET, write_config

GOOD_VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Ann>We moved the build cache to the edge this week.

00:00:05.000 --> 00:00:09.000
<v Bob>And the cold start dropped by half.
"""
GOOD_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>Lantern Radio</title>
    <link>https://lantern.example.org/</link>
    <item>
      <title>Mapping rivers by canoe</title>
      <link>https://lantern.example.org/ep/12</link>
      <guid>lantern-12</guid>
      <pubDate>Tue, 17 Nov 2026 06:00:00 GMT</pubDate>
      <description>Two cartographers paddle the delta and redraw it.</description>
    </item>
  </channel>
</rss>
"""
# Named so that a folder lists them first and last, the bad one between.
FIRST, LAST = "a-first.vtt", "z-last.xml"
GOOD_TITLES = {"a first", "Mapping rivers by canoe"}


def _feed(title: str, link: str = "https://lantern.example.org/ep/13", extra: str = "") -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:podcast="https://podcastindex.org/'
        'namespace/1.0"><channel><title>Lantern Radio</title>'
        "<link>https://lantern.example.org/</link><item>"
        f"<title>{title}</title><link>{link}</link><description>Notes.</description>{extra}"
        "</item></channel></rss>\n"
    ).encode()


# Read from a file, the item's link is taken as written; fetched, links resolve against the
# feed's URL, where a broken item link is dropped but a transcript link is not.
_BROKEN = "http://[::1/episode"
_BROKEN_TRANSCRIPT = f'<podcast:transcript url="{_BROKEN}" type="text/vtt"/>'


_EPISODE = '{"title": "Deep", "first_seen": "2026-11-20T00:00:00Z", "sources": [], '
DEEP = 100_000
BAD: dict[str, bytes] = {
    "m-year-one.md": b"---\ntitle: Founding\ndate: 0001-01-01\n---\n\nThe first episode ever.\n",
    "m-ipv6-link.xml": _feed("Broken address", link=_BROKEN, extra=_BROKEN_TRANSCRIPT),
    "m-odd-utf16.txt": b"\xff\xfe" + b"abc",
    "m-charref-chr.xml": _feed("Too far &#99999999999; out"),
    "m-charref-20.xml": _feed("Twenty &#" + "9" * 20 + "; digits"),
    "m-charref-5000.xml": _feed("Many &#" + "9" * 5000 + "; digits"),
    "m-number-5000.json": (_EPISODE + '"season": ' + "7" * 5000 + "}\n").encode(),
    "m-deep.json": (_EPISODE + '"x": ' + "[" * DEEP + "]" * DEEP + "}\n").encode(),
}


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env={"CASTDIGEST_UNSUBSCRIBE_SECRET": SECRET})


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    box = tmp_path / "inbox"
    box.mkdir()
    (box / FIRST).write_text(GOOD_VTT, encoding="utf-8")
    (box / LAST).write_text(GOOD_FEED, encoding="utf-8")
    return box


def titles(db: Path) -> set[str]:
    with Archive(db) as arch:
        return {ep.title for ep in arch.episodes.list()}


def assert_isolated(result: Result, bad: str, db: Path) -> None:
    """The bad document either failed, in exactly one line, or was read with each flaw said
    once in a warning line beside its one report line; no traceback; the good ones stored;
    exit 1 either way (the input was damaged)."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if bad in line]
    warned = [line for line in lines if line.startswith(f"{bad}: warning: ")]
    rest = [line for line in lines if line not in warned]
    assert len(rest) <= 1, result.output
    said = rest[0] if rest else ""
    failed = re.fullmatch(re.escape(bad) + r": failed: \S.*", said)
    # `ingest` adds its count line to a document read; `weekly` prints only what went wrong
    read = not rest or re.fullmatch(
        re.escape(bad) + r": \d+ new, \d+ updated, \d+ unchanged \(.+\)", said
    )
    assert (failed and not warned) or (read and warned), lines
    assert len(set(warned)) == len(warned), warned
    assert result.exit_code == 1, result.output
    assert GOOD_TITLES.issubset(titles(db))


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_file_is_one_line_and_the_others_are_stored(
    tmp_path: Path, inbox: Path, name: str, jobs: str
) -> None:
    bad = inbox / name
    bad.write_bytes(BAD[name])
    db = tmp_path / "a.db"
    files = [str(inbox / FIRST), str(bad), str(inbox / LAST)]
    result = invoke("ingest", *files, "--db", str(db), "--jobs", jobs)
    assert_isolated(result, str(bad), db)


def test_weekly_reads_past_every_bad_file_and_builds(tmp_path: Path, inbox: Path) -> None:
    for name, data in BAD.items():
        (inbox / name).write_bytes(data)
    for jobs in ("1", "2"):
        home = tmp_path / f"jobs{jobs}"
        home.mkdir()
        config = write_config(home, sources=[inbox])
        args = ["--config", str(config), "weekly", "--no-send", "--as-of", "2026-11-20"]
        result = invoke(*args, "--jobs", jobs)
        for name in BAD:
            assert_isolated(result, str(inbox / name), home / "castdigest.db")
        assert re.search(r"^build: 2026-W47 new \([1-9]\d* items\)$", result.stdout, re.M)
        assert "publish: " in result.stdout
        assert result.exit_code == 1  # the odd UTF-16 file cannot be text, whatever its reader


@pytest.fixture
def server(inbox: Path) -> Iterator[Served]:
    with serve(inbox, inbox) as served:
        yield served


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_url_is_one_line_and_the_others_are_stored(
    tmp_path: Path, inbox: Path, server: Served, name: str
) -> None:
    (inbox / name).write_bytes(BAD[name])
    db = tmp_path / "a.db"
    urls = [server.url(f"files/{n}") for n in (FIRST, name, LAST)]
    result = invoke("ingest", *urls, "--db", str(db))
    assert_isolated(result, urls[1], db)


def test_a_url_that_cannot_be_requested_is_one_line(tmp_path: Path) -> None:
    urls = ["http://[::1/episode", "http://a..b/feed.xml"]
    result = invoke("ingest", *urls, "--db", str(tmp_path / "a.db"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "http://[::1/episode: failed: invalid URL: Invalid port: ':1'",
        "http://a..b/feed.xml: failed: invalid URL: encoding with 'idna' codec failed "
        "(UnicodeError: label empty or too long)",
    ]


FAULT = "m-fault.txt"


@pytest.fixture
def faulty_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader bug, injected: the plain-text reader raises on one file. Every real input
    that once raised is now handled by its reader, and the net under them must still hold."""
    original = PlainTextReader.read

    def read(self: PlainTextReader, doc: Document, ctx: ReadContext) -> list[Episode]:
        if doc.location.endswith(FAULT):
            raise RuntimeError("a reader bug")
        return original(self, doc, ctx)

    monkeypatch.setattr(PlainTextReader, "read", read)


def _ingest_faulty(inbox: Path, db: Path, *root: str) -> Result:
    bad = inbox / FAULT
    bad.write_text("Some notes\nAnn: we talked\n", encoding="utf-8")
    files = [str(inbox / FIRST), str(bad), str(inbox / LAST)]
    return invoke(*root, "ingest", *files, "--db", str(db))


@pytest.mark.usefixtures("faulty_reader")
def test_the_traceback_goes_to_the_log_beside_the_archive(tmp_path: Path, inbox: Path) -> None:
    db = tmp_path / "a.db"
    result = _ingest_faulty(inbox, db)
    log = tmp_path / "castdigest.log"
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert (
        f"{inbox / FAULT}: failed: unexpected error while reading (RuntimeError: a reader bug)"
        in result.stderr
    )
    assert f"unexpected error(s) in {log} (or rerun with --debug)" in result.stderr
    text = log.read_text(encoding="utf-8")
    assert f" {inbox / FAULT}\nTraceback (most recent call last):\n" in text
    # the log is the archive's: a later `ingest` of its folder does not read it
    again = invoke("ingest", str(tmp_path), "--db", str(db))
    assert f"{log}:" not in again.output
    assert "\n3 document(s): 2 read, 1 failed;" in again.stdout  # the inbox's three


@pytest.mark.usefixtures("faulty_reader")
def test_debug_prints_the_traceback_and_writes_no_log(tmp_path: Path, inbox: Path) -> None:
    result = _ingest_faulty(inbox, tmp_path / "a.db", "--debug")
    assert result.exit_code == 1
    assert f"{inbox / FAULT}:\nTraceback (most recent call last):\n" in result.stderr
    assert f"{inbox / FAULT}: failed: unexpected error while reading (" in result.stderr
    assert not (tmp_path / "castdigest.log").exists()
    assert GOOD_TITLES.issubset(titles(tmp_path / "a.db"))


class _Unpicklable(Exception):
    def __init__(self) -> None:
        super().__init__("holds a lock")
        self.lock = threading.Lock()


def _raise_unpicklable(task: _Task) -> _Reading:
    if task.path.name.startswith("m-"):
        raise _Unpicklable()
    return _read(task)


def test_a_worker_exception_that_cannot_travel_is_still_a_report(
    tmp_path: Path, inbox: Path
) -> None:
    """What a worker raises may not pickle: the pool and the run go on, the file is reported."""
    bad = inbox / "m-any.txt"
    bad.write_text("Any talk\nAnn: hi\n", encoding="utf-8")
    files = [inbox / FIRST, bad, inbox / LAST]
    with Archive(tmp_path / "a.db") as arch:
        now = AS_OF + timedelta(hours=1)
        reports = list(
            ingest_files(arch, files, SourceSpec(), AS_OF, now, 2, read=_raise_unpicklable)
        )
    assert [r.failed for r in reports] == [False, True, False]
    assert reports[1].error is not None
    assert reports[1].error.startswith("unexpected error while reading (")
    assert reports[1].detail and "Traceback" in reports[1].detail
    assert GOOD_TITLES.issubset(titles(tmp_path / "a.db"))


def test_no_command_prints_a_traceback_for_a_damaged_archive(tmp_path: Path, inbox: Path) -> None:
    """An archive that opens but whose episodes table is damaged stops a command with one
    `Error:` line, its traceback kept in the log."""
    db = tmp_path / "a.db"
    assert invoke("ingest", str(inbox), "--db", str(db)).exit_code == 0
    with sqlite3.connect(db) as conn:
        table = "SELECT rootpage FROM sqlite_master WHERE name = 'episodes'"
        (root,) = conn.execute(table).fetchone()
        (size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(db.read_bytes())
    data[(root - 1) * size : root * size] = b"\x5a" * size
    db.write_bytes(bytes(data))
    result = invoke("episodes", "--db", str(db))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("Error: ")
    log = tmp_path / "castdigest.log"
    if "unexpected" in result.stderr:  # not (yet) a message of the archive's own
        assert result.stderr.endswith(f"; details in {log} (or rerun with --debug)\n")
        assert "Traceback (most recent call last):" in log.read_text(encoding="utf-8")
        debug = invoke("--debug", "episodes", "--db", str(db))
        assert debug.exit_code == 1
        assert debug.stderr.startswith("Traceback (most recent call last):\n")
        assert debug.stderr.splitlines()[-1].startswith("Error: unexpected ")


def test_the_archive_failing_while_storing_stops_the_run(tmp_path: Path, inbox: Path) -> None:
    """A document's own fault is its report; the archive's (here: closed under the run) is
    no document's, and no later one could be stored either."""
    doc = load_file(inbox / LAST)
    now = AS_OF + timedelta(hours=1)
    fmt, episodes, warnings = read_episodes(doc, SourceSpec(), AS_OF, now)
    arch = Archive(tmp_path / "a.db")
    arch.close()
    with pytest.raises(sqlite3.ProgrammingError, match="closed database"):
        store_read(arch, doc.location, doc.content_hash, fmt, episodes, warnings, now)


def test_a_command_failing_before_the_config_is_read_logs_beside_the_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command that breaks on import (a bug) has read no config yet: its traceback still
    goes beside the configured archive, not into whichever folder the user stands in."""
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    (home / "data").mkdir(parents=True)
    elsewhere.mkdir()
    config = home / "castdigest.toml"
    config.write_text('archive = "data/a.db"\n', encoding="utf-8")
    monkeypatch.setitem(COMMANDS, "broken", "no_such_module:command")
    monkeypatch.chdir(elsewhere)
    result = invoke("--config", str(config), "broken")
    log = home / "data" / "castdigest.log"
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unexpected ModuleNotFoundError: ")
    assert result.stderr.endswith(f"; details in {log} (or rerun with --debug)\n")
    assert "Traceback (most recent call last):" in log.read_text(encoding="utf-8")
    assert list(elsewhere.iterdir()) == []
