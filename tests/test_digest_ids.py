"""Digest ids are slugs; anything else is a usage error (exit 2) naming the id, stored nowhere."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from castdigest.archive import Archive
from castdigest.cli import cli
from castdigest.config import Settings
from castdigest.digest_ids import MAX_LENGTH, check_digest_id, is_digest_id
from castdigest.pipeline.build import Window, build, choose_window
from digest_fixtures import sample_episodes, save_all

CONFIG = """
[[topics]]
slug = "coding-agents"
name = "Coding agents"
keywords = ["coding agent", "code review"]
"""
WINDOW = ["--since", "2026-11-01", "--until", "2026-11-30"]
BAD = [
    "bad\r\nid",
    "bad\nid",
    "Subject: x\r\nBcc: y",
    "November",
    "two words",
    "../etc",
    "a/b",
    ".hidden",
    "-leading",
    "trailing-",
    "naïve",
    "week\u202e84W-6202",
    "x" * (MAX_LENGTH + 1),
    "",
]


@pytest.mark.parametrize(
    "good", ["2026-W48", "2026-W01", "2026-11-01--2026-11-30", "november", "q4-2026", "a"]
)
def test_slugs_weeks_and_ranges_are_ids(good: str) -> None:
    assert is_digest_id(good)
    assert check_digest_id(good) == good


@pytest.mark.parametrize("bad", BAD)
def test_anything_else_is_refused_by_name(bad: str) -> None:
    assert not is_digest_id(bad)
    with pytest.raises(ValueError) as caught:
        check_digest_id(bad)
    assert str(caught.value).startswith(f"{bad!r} is not a digest id: use an ISO week (2026-W48)")


def test_the_longest_id_is_accepted() -> None:
    assert is_digest_id("x" * MAX_LENGTH)


def test_the_pipeline_refuses_a_bad_window_id(tmp_path: Path) -> None:
    settings = Settings.model_validate({"base_dir": str(tmp_path)})
    with pytest.raises(ValueError, match="'x\\\\ny' is not a digest id"):
        choose_window(settings, since=date(2026, 11, 1), until=date(2026, 11, 30), digest_id="x\ny")
    with pytest.raises(ValueError, match="'x\\\\ny' is not a digest id"):
        choose_window(settings, week="2026-W48", digest_id="x\ny")
    with Archive(tmp_path / "a.db") as archive:
        with pytest.raises(ValueError, match="'x\\\\ry' is not a digest id"):
            build(archive, settings, Window("x\ry", date(2026, 11, 1), date(2026, 11, 30)))
        assert archive.digests.list() == []


@pytest.fixture
def env(tmp_path: Path) -> tuple[Path, Path]:
    config = tmp_path / "castdigest.toml"
    config.write_text(CONFIG, encoding="utf-8")
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        save_all(archive, sample_episodes())
    return config, db


def run(env: tuple[Path, Path], *args: str) -> Result:
    config, db = env
    return CliRunner().invoke(cli, ["--config", str(config), *args, "--db", str(db)])


def test_build_refuses_a_line_break_in_the_id_and_stores_nothing(env: tuple[Path, Path]) -> None:
    result = run(env, "build", *WINDOW, "--id", "bad\r\nid")
    assert result.exit_code == 2
    assert "Invalid value for '--id': 'bad\\r\\nid' is not a digest id" in result.stderr
    assert "Traceback" not in result.output
    listing = run(env, "digest", "list", "--json")
    assert json.loads(listing.stdout) == []
    good = run(env, "build", *WINDOW, "--id", "november")
    assert good.exit_code == 0, good.output
    assert good.stdout == "november\n"


@pytest.mark.parametrize(
    "command",
    [
        ["render"],
        ["send", "--dry-run"],
        ["digest", "show"],
        ["preview", "--no-open", "--no-build", "--port", "0"],
    ],
)
def test_every_command_taking_an_id_refuses_a_bad_one(
    env: tuple[Path, Path], command: list[str]
) -> None:
    name = command[0] if command[0] != "digest" else "digest show"
    result = run(env, *command, "a\nb")
    assert result.exit_code == 2, result.output
    shown = "'[DIGEST_ID]'" if command[0] in ("render", "preview") else "'DIGEST_ID'"
    assert f"Invalid value for {shown}: 'a\\nb' is not a digest id" in result.stderr
    assert f"Usage: cli {name}" in result.stderr
