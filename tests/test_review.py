"""Doubtful reads: stored and flagged by `ingest`, listed by `review`, left out of `build`
until approved or pinned, corrected by `approve` (--title, --format); through the real CLI
on a real archive file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from castdigest.cli import cli
from feed_server import serve

AS_OF = "2026-11-24T09:00:00Z"
WEEK = "2026-W48"
NAMELESS = "no title found; the file name is used as the title"
CONFIG = """
archive = "a.db"
out_dir = "out"

[[topics]]
slug = "sea"
name = "The sea"
keywords = ["tide", "harbour", "boat"]

[[topics]]
slug = "other"
name = "Also this week"
"""


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "castdigest.toml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def cli_run(home: Path, *args: str) -> Result:
    return CliRunner().invoke(
        cli, ["--config", str(home / "castdigest.toml"), *args, "--db", str(home / "a.db")]
    )


def confident(home: Path) -> Path:
    f = home / "tides.txt"
    f.write_text(
        "Tide tables and harbour towns\n"
        "Ann: welcome back, today we talk about the tide and the harbour.\n"
        "Bob: every boat in town waits for the tide, so the tables matter.\n",
        encoding="utf-8",
    )
    return f


def nameless(home: Path, name: str = "harbor-notes_12.txt") -> Path:
    """A transcript saved without its title: its reader can only title it after the file."""
    f = home / name
    f.write_text(
        "Ann: the fishing boats leave the harbour at dawn, whatever the tide says.\n"
        "Bob: and they come back with the tide, or they wait outside the harbour wall.\n",
        encoding="utf-8",
    )
    return f


def ingest(home: Path, *paths: Path | str, more: tuple[str, ...] = ()) -> Result:
    return cli_run(home, "ingest", *(str(p) for p in paths), "--as-of", AS_OF, *more)


def listed(home: Path) -> dict[str, dict[str, object]]:
    result = cli_run(home, "episodes", "--json")
    assert result.exit_code == 0, result.output
    return {str(e["title"]): e for e in json.loads(result.stdout)}


def only_doubtful_id(home: Path) -> str:
    result = cli_run(home, "review", "--json")
    assert result.exit_code == 0, result.output
    (entry,) = json.loads(result.stdout)
    return str(entry["id"])


# --------------------------------------------------------------------------- ingest


def test_ingest_stores_a_doubtful_read_and_warns(home: Path) -> None:
    good, doubtful = confident(home), nameless(home)
    result = ingest(home, good, doubtful)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{doubtful}: warning: {NAMELESS}"]
    assert f"{doubtful}: 1 new, 0 updated, 0 unchanged (text)" in result.stdout
    assert result.stdout.strip().endswith(
        "2 document(s): 2 read, 0 failed; episodes 2 new, 0 updated, 0 unchanged; "
        "1 need review (`castdigest review`)"
    )
    eps = listed(home)
    assert eps["harbor notes 12"]["needs_review"] is True
    assert eps["harbor notes 12"]["review_reasons"] == [NAMELESS]
    assert eps["Tide tables and harbour towns"]["needs_review"] is False
    assert eps["Tide tables and harbour towns"]["review_reasons"] == []


def test_ingest_json_carries_the_doubt(home: Path) -> None:
    doubtful = nameless(home)
    result = ingest(home, doubtful, more=("--json",))
    assert result.exit_code == 1
    (report,) = json.loads(result.stdout)
    (entry,) = report["needs_review"]
    assert entry["title"] == "harbor notes 12" and entry["episode"] is None
    assert entry["review_reasons"] == [NAMELESS]
    assert report["warnings"] == []


def test_a_document_of_several_episodes_names_the_doubtful_one(home: Path) -> None:
    records = [
        {"title": "Harbour lights at night", "abstract": "Lamps along the quay."},
        {"title": "Menu", "abstract": "Boats.", "review_reasons": ["the title looks like a menu"]},
    ]
    export = home / "export.jsonl"
    export.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = ingest(home, export, more=("--format", "episodes-json"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'{export}: warning: episode 2 "Menu": the title looks like a menu'
    ]


def test_jobs_and_urls_warn_the_same_way(home: Path) -> None:
    one, two = nameless(home, "dawn-boats.txt"), nameless(home, "dusk-boats.txt")
    result = ingest(home, one, two, more=("--jobs", "2"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{one}: warning: {NAMELESS}",
        f"{two}: warning: {NAMELESS}",
    ]
    with serve(home, home) as served:
        url = served.url("files/night-boats.txt")
        nameless(home, "night-boats.txt")
        result = ingest(home, url)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{url}: warning: {NAMELESS}"]


def test_a_file_named_as_another_kind_and_read_by_elimination_is_doubtful(home: Path) -> None:
    f = home / "notes.json"
    f.write_text("Harbour notes\nThe boats came back with the tide.\n", encoding="utf-8")
    result = ingest(home, f)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{f}: warning: no reader recognised this .json file; read as text by elimination"
    ]


def test_a_bare_subtitle_file_is_not_doubtful(home: Path) -> None:
    vtt = home / "harbor-notes-13.vtt"
    vtt.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann>The tide is in.\n", encoding="utf-8"
    )
    result = ingest(home, vtt)
    assert result.exit_code == 0, result.output
    assert listed(home)["harbor notes 13"]["needs_review"] is False


# --------------------------------------------------------------------------- show, review


def test_show_carries_the_review_state(home: Path) -> None:
    ingest(home, nameless(home))
    episode_id = only_doubtful_id(home)
    shown = json.loads(cli_run(home, "show", episode_id, "--json").stdout)
    assert shown["needs_review"] is True and shown["review_reasons"] == [NAMELESS]
    text = cli_run(home, "show", episode_id).stdout.splitlines()
    assert "  needs_review: yes" in text
    assert f"  review_reason: {NAMELESS}" in text


def test_review_lists_doubtful_episodes(home: Path) -> None:
    doubtful = nameless(home)
    ingest(home, confident(home), doubtful)
    result = cli_run(home, "review", "--json")
    assert result.exit_code == 0
    (entry,) = json.loads(result.stdout)
    assert entry["title"] == "harbor notes 12"
    assert entry["sources"] == [{"location": str(doubtful), "format": "text", "line": 1}]
    assert entry["needs_review"] is True and entry["review_reasons"] == [NAMELESS]
    result = cli_run(home, "review")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{entry['id']}  harbor notes 12",
        f"    {doubtful}:1 (text)",
        f"    - {NAMELESS}",
    ]
    assert "1 episode(s) need review" in result.stderr


def test_review_of_an_archive_without_doubt_lists_nothing(home: Path) -> None:
    ingest(home, confident(home))
    result = cli_run(home, "review")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.strip() == "0 episode(s) need review"


# --------------------------------------------------------------------------- build


def build(home: Path) -> Result:
    return cli_run(home, "build", "--week", WEEK, "--as-of", AS_OF, "--json")


def test_build_leaves_doubtful_episodes_out_and_says_which(home: Path) -> None:
    ingest(home, confident(home), nameless(home))
    episode_id = only_doubtful_id(home)
    result = build(home)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["items"] == 1
    assert summary["needs_review"] == [
        {"id": episode_id, "title": "harbor notes 12", "review_reasons": [NAMELESS]}
    ]
    note = (
        f"warning: left out 1 episode(s) that need review: {episode_id} (see `castdigest "
        "review`; `castdigest approve ID` or `castdigest pin ID` includes one)"
    )
    assert note in result.stderr.splitlines()
    ranked = cli_run(home, "rank", "--week", WEEK, "--json")
    assert episode_id not in {r["id"] for r in json.loads(ranked.stdout)}
    assert note in ranked.stderr.splitlines()


def test_a_pinned_doubtful_episode_goes_in(home: Path) -> None:
    ingest(home, confident(home), nameless(home))
    episode_id = only_doubtful_id(home)
    assert cli_run(home, "pin", episode_id).exit_code == 0
    summary = json.loads(build(home).stdout)
    assert summary["items"] == 2 and summary["needs_review"] == []


def test_an_approved_episode_goes_in(home: Path) -> None:
    ingest(home, confident(home), nameless(home))
    episode_id = only_doubtful_id(home)
    result = cli_run(home, "approve", episode_id)
    assert result.exit_code == 0, result.output
    assert result.stdout == f'{episode_id}: approved "harbor notes 12"\n'
    summary = json.loads(build(home).stdout)
    assert summary["items"] == 2 and summary["needs_review"] == []
    assert cli_run(home, "review", "--json").stdout.strip() == "[]"
    shown = json.loads(cli_run(home, "show", episode_id, "--json").stdout)
    assert shown["needs_review"] is False and shown["review_reasons"] == [NAMELESS]


# --------------------------------------------------------------------------- approve


def test_approve_title_corrects_and_survives_reingest(home: Path) -> None:
    doubtful = nameless(home)
    ingest(home, doubtful)
    episode_id = only_doubtful_id(home)
    result = cli_run(home, "approve", episode_id[:6], "--title", "Boats at  dawn")
    assert result.exit_code == 0, result.output
    assert result.stdout == f'{episode_id}: approved "Boats at dawn"\n'
    # Weekly runs read the sources again: following links reads even an unchanged file.
    again = ingest(home, doubtful, more=("--follow-transcripts",))
    assert again.exit_code == 0, again.output
    assert f"{doubtful}: 0 new, 0 updated, 1 unchanged (text)" in again.stdout
    eps = listed(home)
    assert list(eps) == ["Boats at dawn"]
    assert eps["Boats at dawn"]["needs_review"] is False


def test_a_changed_document_brings_its_doubt_back_but_keeps_the_title(home: Path) -> None:
    doubtful = nameless(home)
    ingest(home, doubtful)
    episode_id = only_doubtful_id(home)
    cli_run(home, "approve", episode_id, "--title", "Boats at dawn")
    with doubtful.open("a", encoding="utf-8") as f:
        f.write("Ann: and the harbour master counts every boat that comes back.\n")
    result = ingest(home, doubtful)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{doubtful}: warning: {NAMELESS}"]
    entry = json.loads(cli_run(home, "show", episode_id, "--json").stdout)
    assert entry["title"] == "Boats at dawn" and entry["needs_review"] is True


def test_approve_format_reads_the_document_again(home: Path) -> None:
    f = home / "notes.json"
    f.write_text("# Harbour notes\n\nThe boats came back with the tide.\n", encoding="utf-8")
    ingest(home, f)
    episode_id = only_doubtful_id(home)
    result = cli_run(home, "approve", episode_id, "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{f}: read again as markdown: 1 episode(s)"
    assert lines[1].endswith(': approved "Harbour notes"')
    (ep,) = listed(home).values()
    assert ep["sources"][0]["format"] == "markdown"  # type: ignore[index]
    assert ep["needs_review"] is False and ep["review_reasons"] == []
    # The document keeps the reader chosen for it, even when read again whole.
    again = ingest(home, f, more=("--follow-transcripts",))
    assert again.exit_code == 0, again.output
    assert f"{f}: 0 new, 0 updated, 1 unchanged (markdown)" in again.stdout


def test_approve_format_of_a_document_gone_says_where(home: Path) -> None:
    f = home / "notes.json"
    f.write_text("Harbour notes\nThe boats came back with the tide.\n", encoding="utf-8")
    ingest(home, f)
    episode_id = only_doubtful_id(home)
    f.unlink()
    result = cli_run(home, "approve", episode_id, "--format", "markdown")
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"{f}: cannot read it again: No such file or directory")
    assert only_doubtful_id(home) == episode_id  # nothing changed


def test_approve_errors(home: Path) -> None:
    ingest(home, nameless(home))
    episode_id = only_doubtful_id(home)
    result = cli_run(home, "approve", "ffffff", episode_id)
    assert result.exit_code == 1
    assert "ffffff: no such episode (see `castdigest episodes`)" in result.stderr
    assert result.stdout == f'{episode_id}: approved "harbor notes 12"\n'  # the other one is
    bad = cli_run(home, "approve", episode_id, "--format", "pdf")
    assert bad.exit_code == 2
    assert "'pdf' is not one of 'feed', 'vtt'," in bad.output
    two = cli_run(home, "approve", episode_id, "ffffff", "--title", "Boats")
    assert two.exit_code == 2
    assert "--title corrects one episode: give one ID with it" in two.output


def test_review_state_is_in_its_own_tables(home: Path) -> None:
    doubtful = nameless(home)
    ingest(home, doubtful)
    episode_id = only_doubtful_id(home)
    cli_run(home, "approve", episode_id, "--title", "Boats at dawn")
    conn = sqlite3.connect(home / "a.db")
    try:
        (title, documents) = conn.execute(
            "SELECT title, documents FROM reviews WHERE episode_id = ?", (episode_id,)
        ).fetchone()
    finally:
        conn.close()
    assert title == "Boats at dawn"
    assert [loc for loc, _ in json.loads(documents)] == [str(doubtful)]


def test_weekly_flags_doubtful_sources_and_builds_without_them(home: Path) -> None:
    inbox = home / "inbox"
    inbox.mkdir()
    confident(inbox)
    doubtful = nameless(inbox)
    config = home / "castdigest.toml"
    config.write_text(CONFIG + '\n[[sources]]\npath = "inbox"\n', encoding="utf-8")
    result = cli_run(home, "weekly", "--no-send", "--as-of", AS_OF)
    assert result.exit_code == 1  # a doubtful read is reported as a flawed input is
    errs = result.stderr.splitlines()
    assert f"{doubtful}: warning: {NAMELESS}" in errs
    episode_id = only_doubtful_id(home)
    assert any(f"left out 1 episode(s) that need review: {episode_id}" in e for e in errs)
    assert f"build: {WEEK} new (1 items)" in result.stdout.splitlines()
    cli_run(home, "approve", episode_id)
    again = cli_run(home, "weekly", "--no-send", "--as-of", AS_OF)
    assert again.exit_code == 0, again.output
    assert f"build: {WEEK} updated (2 items)" in again.stdout.splitlines()


def test_an_archive_of_schema_four_gains_the_review_tables(home: Path) -> None:
    ingest(home, nameless(home))
    conn = sqlite3.connect(home / "a.db")
    for sql in (
        "DROP TABLE reviews",
        "DROP TABLE document_formats",
        "DELETE FROM migrations WHERE version >= 5",
    ):
        conn.execute(sql)
    conn.commit()
    conn.close()
    episode_id = only_doubtful_id(home)  # the episode kept, its doubt too
    assert cli_run(home, "approve", episode_id).exit_code == 0
    assert cli_run(home, "review", "--json").stdout.strip() == "[]"
    conn = sqlite3.connect(home / "a.db")
    try:
        assert conn.execute("SELECT MAX(version) FROM migrations").fetchone() == (6,)
    finally:
        conn.close()


def test_approve_format_fetches_a_url_again(home: Path) -> None:
    (home / "night-boats.txt").write_text(
        "# Night boats\n\nThe boats come back with the evening tide.\n", encoding="utf-8"
    )
    with serve(home, home) as served:
        url = served.url("files/night-boats.txt")
        first = ingest(home, url)
        assert first.exit_code == 0, first.output  # "# Night boats" is a title to the text reader
        (ep,) = listed(home).values()
        result = cli_run(home, "approve", str(ep["id"]), "--format", "markdown")
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[0] == f"{url}: read again as markdown: 1 episode(s)"
        fetched = [path for path, _ in served.requests]
    assert fetched == ["/files/night-boats.txt", "/files/night-boats.txt"]
    (ep,) = listed(home).values()
    assert ep["title"] == "Night boats" and ep["sources"][0]["format"] == "markdown"  # type: ignore[index]
