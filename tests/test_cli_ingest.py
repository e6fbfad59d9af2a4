"""`castdigest ingest`, `episodes`, `show` through CliRunner: exit codes and exact messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from castdigest.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    box = tmp_path / "inbox"
    box.mkdir()
    (box / "one.txt").write_text("First talk\nAnn: we shipped it\nBob: nice\n", encoding="utf-8")
    (box / "two.txt").write_text("Second talk\nCid: hello\nDee: bye\n", encoding="utf-8")
    return box


def test_ingest_folder_then_again_is_unchanged(tmp_path: Path, inbox: Path) -> None:
    db = str(tmp_path / "a.db")
    code, out, _ = run("ingest", str(inbox), "--db", db)
    assert code == 0
    assert f"{inbox / 'one.txt'}: 1 new, 0 updated, 0 unchanged (text)" in out
    assert out.strip().endswith(
        "2 document(s): 2 read, 0 failed; episodes 2 new, 0 updated, 0 unchanged"
    )
    code, out, _ = run("ingest", str(inbox), "--db", db)
    assert code == 0
    assert out.strip().endswith(
        "2 document(s): 2 read, 0 failed; episodes 0 new, 0 updated, 2 unchanged"
    )


def test_the_archive_inside_an_ingested_folder_is_not_read(tmp_path: Path, inbox: Path) -> None:
    """`ingest .` beside castdigest.db: the database and SQLite's files beside it are outputs."""
    db = inbox / "castdigest.db"
    (inbox / "castdigest.db-journal").write_bytes(b"\x00" * 16)  # as a crashed writer leaves
    for pattern, counts in (
        (str(inbox), "2 new, 0 updated, 0"),
        (str(inbox / "*"), "0 new, 0 updated, 2"),
    ):
        code, out, err = run("ingest", pattern, "--db", str(db))
        assert (code, err) == (0, "")
        assert "castdigest.db" not in out
        assert out.strip().endswith(f"2 document(s): 2 read, 0 failed; episodes {counts} unchanged")
    # named as such, it is read, and refused as any binary file is
    code, _, err = run("ingest", str(db), "--db", str(db))
    assert code == 1
    assert f"{db}: failed: binary file, not a text format castdigest reads" in err


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"\n\n   \n", "empty file"),
    "image.png": (
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        "a PNG image, not a text format castdigest reads",
    ),
    "doc.pdf": (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        "a PDF document, not a text format castdigest reads",
    ),
    "blob.bin": (b"abc\x00\x01\x02def" * 10, "binary file, not a text format castdigest reads"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_named_and_others_still_go_through(
    tmp_path: Path, inbox: Path, name: str
) -> None:
    data, message = BAD_INPUTS[name]
    bad = inbox / name
    bad.write_bytes(data)
    code, out, err = run("ingest", str(inbox), "--db", str(tmp_path / "a.db"))
    assert code == 1
    assert f"{bad}: failed: {message}" in err
    assert "Traceback" not in out + err
    assert "3 document(s): 2 read, 1 failed; episodes 2 new" in out


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "latin1.txt"
    f.write_bytes("Caf\u00e9 talk\nAnn: cr\u00e8me br\u00fbl\u00e9e\n".encode("latin-1"))
    code, out, err = run("ingest", str(f), "--db", str(tmp_path / "a.db"))
    assert code == 1  # read, but damaged input is reported as a failure is
    assert f"{f}: warning: line 1: invalid UTF-8 at byte 3, replaced with U+FFFD" in err
    code, out, _ = run("episodes", "--db", str(tmp_path / "a.db"), "--json")
    assert json.loads(out)[0]["title"] == "Caf\ufffd talk"


def test_huge_single_line_file_is_read(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_bytes(b"word " * 10_000_000)  # 50 MB, one line
    code, out, err = run("ingest", str(f), "--db", str(tmp_path / "a.db"))
    assert "Traceback" not in out + err
    # Stored; but with no title line, titled after its file name: a read to review.
    assert code == 1
    assert f"{f}: warning: no title found; the file name is used as the title" in err
    assert "1 document(s): 1 read, 0 failed; episodes 1 new" in out


def test_missing_path_fails_with_exit_1(tmp_path: Path) -> None:
    code, _, err = run("ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "a.db"))
    assert code == 1
    assert f"{tmp_path / 'nope'}: failed: no such file or folder" in err


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    code, _, err = run("ingest", "--format", "nonsense", "x", "--db", str(tmp_path / "a.db"))
    assert code == 2
    assert "Invalid value for '--format'" in err
    code, _, err = run("episodes", "--since", "yesterday-ish", "--db", str(tmp_path / "a.db"))
    assert code == 2
    assert "'yesterday-ish' is not a date (2026-11-24) or ISO datetime" in err


def test_episodes_filters_and_show(tmp_path: Path, inbox: Path) -> None:
    db = str(tmp_path / "a.db")
    run("ingest", str(inbox), "--db", db, "--tag", "demo", "--show", "Test Show")
    code, out, _ = run("episodes", "--db", db, "--json", "--tag", "demo")
    eps = json.loads(out)
    assert code == 0
    assert sorted(e["title"] for e in eps) == ["First talk", "Second talk"]
    assert all(e["show"] == "Test Show" and e["tags"] == ["demo"] for e in eps)
    code, out, _ = run("episodes", "--db", db, "--json", "--tag", "other")
    assert json.loads(out) == []
    first = next(e for e in eps if e["title"] == "First talk")
    code, out, _ = run("show", first["id"][:6], "--db", db)
    assert code == 0
    assert out.splitlines()[0] == "First talk"
    assert "  show: Test Show" in out
    assert "Transcript: 6 words, 2 segments" in out


def test_show_unknown_id_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run("show", "ffffff", "--db", str(tmp_path / "a.db"))
    assert code == 1
    assert "Error: ffffff: no such episode" in err
    assert "hint: see `castdigest episodes`" in err


def test_bad_config_reports_every_invalid_key(tmp_path: Path) -> None:
    cfg = tmp_path / "castdigest.toml"
    cfg.write_text('[rank]\nmax_items = "lots"\nmax_per_show = 0\n[smtp]\nport = "x"\n')
    code, _, err = run("--config", str(cfg), "episodes", "--db", str(tmp_path / "a.db"))
    assert code == 1
    assert "3 invalid setting(s):" in err
    assert "rank.max_items:" in err and "rank.max_per_show:" in err and "smtp.port:" in err


def test_batch_collection_restores_the_collector_thresholds_even_on_error() -> None:
    import gc

    from castdigest.pipeline.ingest import batch_collection

    before = gc.get_threshold()
    with pytest.raises(RuntimeError), batch_collection():
        assert gc.get_threshold() == (20_000, 20, 20)
        raise RuntimeError("a document failed hard")
    assert gc.get_threshold() == before


def test_as_of_is_when_an_undated_episode_was_first_seen(tmp_path: Path, inbox: Path) -> None:
    """A run as of a day is that run replayed: the transcripts (no date of their own) are first
    seen that day, and so belong to its week, whatever day the command runs."""
    db = str(tmp_path / "a.db")
    code, _, _ = run("ingest", str(inbox), "--db", db, "--as-of", "2020-01-06")
    assert code == 0
    _, out, _ = run("episodes", "--db", db, "--json")
    assert sorted((e["title"], e["first_seen"]) for e in json.loads(out)) == [
        ("First talk", "2020-01-06T00:00:00Z"),
        ("Second talk", "2020-01-06T00:00:00Z"),
    ]
    _, out, _ = run("episodes", "--db", db, "--since", "2020-01-06", "--until", "2020-01-07")
    assert out.count("talk") == 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ingest_refuses_a_document_over_the_configured_size(
    tmp_path: Path, inbox: Path, jobs: str
) -> None:
    (inbox / "big.txt").write_text("Big talk\n" + "Ann: words words words\n" * 200, "utf-8")
    config = tmp_path / "castdigest.toml"
    config.write_text("[ingest]\nmax_document_bytes = 1000\n", encoding="utf-8")
    db = str(tmp_path / "a.db")
    code, out, err = run("--config", str(config), "ingest", str(inbox), "--db", db, "--jobs", jobs)
    assert code == 1
    assert f"{inbox / 'big.txt'}: failed: 4,609 bytes is over the limit of 1,000 bytes" in err
    assert out.strip().endswith(
        "3 document(s): 2 read, 1 failed; episodes 2 new, 0 updated, 0 unchanged"
    )
