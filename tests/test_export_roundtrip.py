"""`episodes --json` -> `ingest` -> `episodes --json` gives identical output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from castdigest.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def exported(tmp_path: Path, shared: Path) -> str:
    """An archive fed every kind of source, exported."""
    db = str(tmp_path / "source.db")
    fixtures = shared / "fixtures"
    code, _, err = run(
        "ingest",
        str(fixtures / "feeds" / "simple.xml"),
        str(fixtures / "feeds" / "launched.xml"),
        str(fixtures / "transcripts"),
        str(fixtures / "chapters" / "exampleComplex.json"),
        str(ROOT / "samples" / "feeds"),
        "--db",
        db,
        "--tag",
        "imported",
    )
    assert code == 0, err
    code, out, _ = run("episodes", "--json", "--db", db)
    assert code == 0
    return out


def test_export_import_export_is_identical(tmp_path: Path, exported: str) -> None:
    data = json.loads(exported)
    # launched, simple, transcripts (the SRT and HTML ones say the same: one episode),
    # chapters, samples (two feed items, the other files joining the first)
    assert len(data) == 36 + 3 + 3 + 1 + 2
    export = tmp_path / "export.json"
    export.write_text(exported, encoding="utf-8")
    db = str(tmp_path / "copy.db")
    code, out, err = run("ingest", str(export), "--db", db)
    assert code == 0, err
    assert f"{export}: {len(data)} new, 0 updated, 0 unchanged (episodes-json)" in out
    code, again, _ = run("episodes", "--json", "--db", db)
    assert again == exported
    # Importing the same export again changes nothing.
    code, out, _ = run("ingest", str(export), "--db", db)
    assert f"{export}: 0 new, 0 updated, {len(data)} unchanged (episodes-json)" in out


def test_json_lines_import(tmp_path: Path, exported: str) -> None:
    lines = "\n".join(json.dumps(e, ensure_ascii=False) for e in json.loads(exported)) + "\n"
    export = tmp_path / "export.jsonl"
    export.write_text(lines, encoding="utf-8")
    db = str(tmp_path / "copy.db")
    code, _, err = run("ingest", str(export), "--db", db)
    assert code == 0, err
    assert run("episodes", "--json", "--db", db)[1] == exported


def test_import_into_an_archive_that_has_the_sources(tmp_path: Path, exported: str) -> None:
    export = tmp_path / "export.json"
    export.write_text(exported, encoding="utf-8")
    db = str(tmp_path / "mixed.db")
    assert run("ingest", str(ROOT / "samples" / "feeds"), "--db", db)[0] == 0
    code, _, err = run("ingest", str(export), "--db", db)
    assert code == 0, err
    ids = [e["id"] for e in json.loads(run("episodes", "--json", "--db", db)[1])]
    assert len(ids) == len(set(ids)) == len(json.loads(exported))


def test_invalid_record_names_its_line(tmp_path: Path, exported: str) -> None:
    records = json.loads(exported)
    records[1]["published"] = "2026-11-20T10:00:00"  # naive: rejected by the model
    export = tmp_path / "export.json"
    export.write_text(json.dumps(records, indent=2, sort_keys=True), encoding="utf-8")
    line = export.read_text(encoding="utf-8").splitlines().index("  {", 2) + 1
    code, _, err = run("ingest", str(export), "--db", str(tmp_path / "x.db"))
    assert code == 1
    assert (
        f"{export}: failed: line {line}: episode 2: published: "
        "Value error, datetime must be timezone-aware"
    ) in err


def test_export_led_by_a_long_transcript_is_still_recognised(tmp_path: Path) -> None:
    spoken = " ".join(f"Sentence number {i} of a long talk." for i in range(3000))
    transcript = tmp_path / "long.vtt"
    transcript.write_text(f"WEBVTT\n\n00:00:00.000 --> 00:10:00.000\n<v Ann>{spoken}\n", "utf-8")
    db = str(tmp_path / "a.db")
    assert run("ingest", str(transcript), "--db", db)[0] == 0
    exported = run("episodes", "--json", "--db", db)[1]
    assert exported.index('"urls"') > 65536  # far past any sniffing head
    export = tmp_path / "export.json"
    export.write_text(exported, encoding="utf-8")
    code, out, _ = run("ingest", str(export), "--db", str(tmp_path / "b.db"))
    assert code == 0 and "(episodes-json)" in out
    assert run("episodes", "--json", "--db", str(tmp_path / "b.db"))[1] == exported
