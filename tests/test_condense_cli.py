"""`castdigest condense` through CliRunner: files, archive ids, budgets, JSON shape, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from castdigest.cli import cli
from castdigest.text.truncate import count_words
from conftest import seed

TRANSCRIPT = """Agents in the release pipeline
Host: Welcome back. Today we talk about shipping software with agents and what it does to teams.
Ada: Um, so we we moved our release process to agents last spring, and the release now takes \
forty minutes instead of two days.
Host: How did review change for your team?
Ada: We split review between two separate agents, because a single model should never approve \
its own change.
Ada: I think the biggest risk is the platform layer, since the storage cluster was built for \
human traffic and agents send ten times more queries.
Host: And what comes next for the platform?
Ada: Our eval suite runs every new model against three hundred real tickets before we trust it \
with production work.
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def transcript(tmp_path: Path) -> Path:
    path = tmp_path / "talk.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    return path


def test_json_shape_of_a_plain_text_transcript(transcript: Path, tmp_path: Path) -> None:
    code, out, err = run("condense", str(transcript), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == ["episodes"]
    (ep,) = data["episodes"]
    assert list(ep) == ["id", "title", "source", "blurb", "takeaways", "quotes"]
    assert ep["title"] == "Agents in the release pipeline"
    assert ep["source"] == "transcript"
    assert 3 <= len(ep["takeaways"]) <= 5
    for t in ep["takeaways"]:
        assert {"text", "provenance", "speaker", "offset"} <= set(t)
        assert t["provenance"] == "transcript"
        assert t["speaker"] in {"Ada", "Host"}
    assert (
        "We moved our release process to agents last spring, and the release now takes forty "
        "minutes instead of two days." in [t["text"] for t in ep["takeaways"]]
    )
    assert ep["quotes"]
    for q in ep["quotes"]:
        assert list(q) == ["text", "speaker", "offset", "link"]
        said = [line for line in TRANSCRIPT.splitlines() if q["text"][:30] in line]
        assert said and said[0].startswith(q["speaker"] + ":")  # its own speaker's words
        assert q["offset"] is None and q["link"] is None  # a plain file: no times, no url
    assert not list(tmp_path.glob("*.db"))  # a PATH never touches an archive


def test_max_words_is_filled_and_never_exceeded(transcript: Path) -> None:
    code, out, _ = run("condense", str(transcript), "--json", "--max-words", "45")
    assert code == 0
    (ep,) = json.loads(out)["episodes"]
    words = sum(count_words(t["text"]) for t in ep["takeaways"])
    assert 30 <= words <= 45
    code, out, _ = run(
        "condense", str(transcript), "--json", "--max-words", "200", "--takeaways", "2"
    )
    (ep,) = json.loads(out)["episodes"]
    assert len(ep["takeaways"]) == 2


def test_readable_output(transcript: Path) -> None:
    code, out, _ = run("condense", str(transcript), "--takeaways", "3", "--quotes", "1")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Agents in the release pipeline"
    assert lines[1].startswith("  id: ") and lines[1].endswith("(from transcript)")
    assert "  Takeaways:" in lines and "  Quotes:" in lines
    numbered = [line for line in lines if line[:4] in {"  1.", "  2.", "  3."}]
    assert len(numbered) == 3
    assert all("[transcript" in line for line in numbered)
    quote = lines[lines.index("  Quotes:") + 1]
    assert quote.startswith("  “") and quote.endswith("” — Ada")


def test_seed_003_page(shared: Path) -> None:
    code, out, _ = run("condense", str(seed("003")), "--json")
    assert code == 0
    (ep,) = json.loads(out)["episodes"]
    assert ep["source"] == "takeaways"
    assert {t["provenance"] for t in ep["takeaways"]} == {"source"}


def test_listing_gives_one_result_per_episode(shared: Path) -> None:
    code, out, _ = run("condense", str(seed("001")), "--json")
    assert code == 0
    episodes = json.loads(out)["episodes"]
    assert len(episodes) == 12
    assert episodes[0]["source"] == "chapters"


def test_id_from_the_archive(transcript: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    assert run("ingest", str(transcript), "--db", db)[0] == 0
    code, out, _ = run("episodes", "--db", db, "--json")
    episode_id = json.loads(out)[0]["id"]
    code, out, err = run("condense", episode_id[:6], "--db", db, "--json")
    assert code == 0, err
    (ep,) = json.loads(out)["episodes"]
    assert ep["id"] == episode_id
    assert ep["title"] == "Agents in the release pipeline"


def test_bad_inputs_are_named_and_the_others_still_print(transcript: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    assert run("ingest", str(transcript), "--db", db)[0] == 0
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, out, err = run(
        "condense", str(empty), str(missing), "ffffffffff", str(transcript), "--db", db, "--json"
    )
    assert code == 1
    assert err.splitlines() == [
        f"Error: {empty}: empty file",
        f"Error: {missing}: no such file",
        "Error: ffffffffff: no such episode",
        "  hint: see `castdigest episodes`",
    ]
    assert len(json.loads(out)["episodes"]) == 1
    assert "Traceback" not in out + err


def test_an_id_without_an_archive_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    code, _, err = run("condense", "abc123", "--db", str(db))
    assert code == 1
    assert err == (
        f"Error: {db}: no archive to look episode ids up in\n"
        "  hint: run `castdigest ingest` first, or give --db\n"
    )
    assert not db.exists()


def test_usage_errors_exit_2(transcript: Path) -> None:
    assert run("condense")[0] == 2
    assert run("condense", str(transcript), "--max-words", "0")[0] == 2


def test_help_has_an_example() -> None:
    code, out, _ = run("condense", "--help")
    assert code == 0
    assert "Example:" in out and "castdigest condense" in out
