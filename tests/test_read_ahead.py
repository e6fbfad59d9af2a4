"""Reading in worker processes (`ingest --jobs N`) leaves the archive as one process leaves it."""

from __future__ import annotations

import json
import os
import shutil
from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner

from castdigest.archive import Archive
from castdigest.cli import cli
from castdigest.pipeline.ingest import DocReport, SourceSpec, ingest_paths
from castdigest.pipeline.read_ahead import _read, _Reading, _Task, cores, ingest_files, ingest_many
from conftest import AS_OF, dump
from send_fixtures import SECRET, write_config

NOW = AS_OF + timedelta(hours=1)


def sequential(db: Path, files: list[Path]) -> list[DocReport]:
    with Archive(db) as arch:
        return list(ingest_paths(arch, files, SourceSpec(), AS_OF, NOW))


def parallel(db: Path, files: list[Path], jobs: int = 2) -> list[DocReport]:
    with Archive(db) as arch:
        return list(ingest_files(arch, files, SourceSpec(), AS_OF, NOW, jobs))


def test_same_archive_and_reports_as_one_process(tmp_path: Path, sample_inbox: list[Path]) -> None:
    one = sequential(tmp_path / "one.db", sample_inbox)
    two = parallel(tmp_path / "two.db", sample_inbox)
    assert [r.as_dict() for r in two] == [r.as_dict() for r in one]
    assert dump(tmp_path / "two.db") == dump(tmp_path / "one.db")
    by_name = {Path(r.location).name: r for r in two}
    assert [r.location for r in two] == [str(p) for p in sample_inbox]  # file order
    assert by_name["empty.txt"].error == "empty file"
    assert by_name["image.png"].error == "a PNG image, not a text format castdigest reads"
    assert by_name["channel-listing.txt"].format == "listing"
    again, first = by_name["zz-listing-again.txt"], by_name["channel-listing.txt"]
    assert (first.new, again.new, again.updated) == (3, 0, 3)  # merged: one more source each
    assert again.episode_ids == first.episode_ids
    with Archive(tmp_path / "two.db") as arch:
        # 12 new as read; a later reading of Harbor Notes joined two of them
        assert (sum(r.new for r in two), arch.episodes.count()) == (12, 11)


def test_second_run_reads_nothing_changed(tmp_path: Path, sample_inbox: list[Path]) -> None:
    db, copy = tmp_path / "a.db", tmp_path / "copy.db"
    parallel(db, sample_inbox)
    before = dump(db)
    shutil.copy(db, copy)
    again = parallel(db, sample_inbox)
    assert dump(db) == before
    assert [(r.new, r.updated) for r in again] == [(0, 0)] * len(sample_inbox)
    assert [r.as_dict() for r in again] == [r.as_dict() for r in sequential(copy, sample_inbox)]
    # every episode each document gave: the Harbor Notes episode is in five files, the
    # listing's three in two
    assert sum(r.unchanged for r in again) == 18
    listing = next(p for p in sample_inbox if p.name == "title-body-listing.txt")
    text = listing.read_text(encoding="utf-8")
    listing.write_text(text.replace(" walks through ", " walks slowly through ", 1))
    changed = {Path(r.location).name: r for r in parallel(db, sample_inbox)}
    edited = changed.pop("title-body-listing.txt")
    # every episode of the file records its new content hash among its sources
    assert (edited.new, edited.updated, edited.unchanged) == (0, 3, 0)
    assert all(r.new == r.updated == 0 for r in changed.values())
    with Archive(db) as arch:
        first = arch.episodes.get(edited.episode_ids[0])
    assert first.abstract is not None and " walks slowly through " in first.abstract


def test_cli_jobs_prints_what_one_process_prints(tmp_path: Path, sample_inbox: list[Path]) -> None:
    folder = str(sample_inbox[0].parent)
    runs = {
        jobs: CliRunner().invoke(
            cli, ["ingest", folder, "--db", str(tmp_path / f"{jobs}.db"), "--jobs", jobs]
        )
        for jobs in ("1", "2", "0")
    }
    assert {r.exit_code for r in runs.values()} == {1}  # two files failed; the others stored
    assert runs["2"].stdout == runs["1"].stdout == runs["0"].stdout
    assert f"{sample_inbox[0].parent / 'empty.txt'}: failed: empty file" in runs["2"].stderr
    bad = CliRunner().invoke(cli, ["ingest", folder, "--jobs", "-1"])
    assert bad.exit_code == 2
    assert "Invalid value for '--jobs'" in bad.stderr


def die_on_video_page(task: _Task) -> _Reading:
    """A worker that dies (as one killed would) on one file, and reads the others."""
    if task.path.name == "video-page.txt":
        os._exit(9)
    return _read(task)


def test_a_dead_reader_loses_nothing(tmp_path: Path, sample_inbox: list[Path]) -> None:
    one = sequential(tmp_path / "one.db", sample_inbox)
    with Archive(tmp_path / "two.db") as arch:
        two = list(
            ingest_files(arch, sample_inbox, SourceSpec(), AS_OF, NOW, 2, read=die_on_video_page)
        )
    assert dump(tmp_path / "two.db") == dump(tmp_path / "one.db")
    warned = [r for r in two if r.warnings]
    assert len(warned) == 1
    assert warned[0].warnings[0].startswith("a reading process stopped unexpectedly")
    # the file that killed it, or one read beside it, is the first read here
    assert sample_inbox.index(Path(warned[0].location)) <= sample_inbox.index(
        sample_inbox[0].parent / "video-page.txt"
    )
    warned[0].warnings.pop(0)
    assert [r.as_dict() for r in two] == [r.as_dict() for r in one]


def test_weekly_jobs_ingests_as_one_process(tmp_path: Path, sample_inbox: list[Path]) -> None:
    """`weekly --jobs 2` reads the configured folder in two processes: the same reports, the
    same episodes and the same digest as `--jobs 1`."""
    runs = {}
    for jobs in ("1", "2"):
        home = tmp_path / f"jobs{jobs}"
        home.mkdir()
        config = write_config(home, sources=[sample_inbox[0].parent])
        args = ["--config", str(config), "weekly", "--no-send", "--as-of", "2026-11-20"]
        result = CliRunner().invoke(
            cli, [*args, "--json", "--jobs", jobs], env={"CASTDIGEST_UNSUBSCRIBE_SECRET": SECRET}
        )
        assert result.exit_code == 1, result.output  # the two unreadable files
        with Archive(home / "castdigest.db") as arch:
            ids = [ep.id for ep in arch.episodes.list()]
        runs[jobs] = (json.loads(result.stdout), ids)
    (one, one_ids), (two, two_ids) = runs["1"], runs["2"]
    assert two["ingest"] == one["ingest"]
    assert [r["location"] for r in two["ingest"]] == [str(p) for p in sample_inbox]
    assert [r["failed"] for r in two["ingest"]].count(True) == 2
    assert len(two_ids) == 11 and two_ids == one_ids
    assert (two["digest_id"], two["build"], two["items"]) == (one["digest_id"], "new", one["items"])
    assert two["items"] >= 1
    bad = CliRunner().invoke(cli, ["weekly", "--jobs", "-1"])
    assert bad.exit_code == 2 and "Invalid value for '--jobs'" in bad.stderr


def test_ingest_many_reads_in_workers_only_when_there_is_more_than_one_reader(
    tmp_path: Path, sample_inbox: list[Path]
) -> None:
    with Archive(tmp_path / "a.db") as arch:
        chosen = {
            (jobs, len(files)): ingest_many(arch, files, SourceSpec(), AS_OF, NOW, jobs).__name__
            for jobs, files in (
                (2, sample_inbox),
                (2, sample_inbox[:1]),
                (1, sample_inbox),
                (0, sample_inbox),
            )
        }
    workers = "ingest_files" if cores() > 1 else "ingest_paths"
    assert chosen == {
        (2, len(sample_inbox)): "ingest_files",
        (2, 1): "ingest_paths",
        (1, len(sample_inbox)): "ingest_paths",
        (0, len(sample_inbox)): workers,
    }
