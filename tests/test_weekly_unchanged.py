"""`weekly` run again with nothing changed skips selection and rendering, and leaves out/ as
it was; a change the build would see (a pin, a changed config) makes it build again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from castdigest.cli import cli
from conftest import SAMPLES

ENV = {"CASTDIGEST_UNSUBSCRIBE_SECRET": ""}


def weekly(config: Path, *extra: str) -> dict[str, object]:
    args = ["--config", str(config), "weekly", "--no-send", "--as-of", "2026-11-24", "--json"]
    result = CliRunner().invoke(cli, args, env=ENV)
    assert result.exit_code == 0, result.output
    report: dict[str, object] = json.loads(result.stdout)
    return report


def out_state(out: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(out)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def setup(home: Path) -> Path:
    shutil.copytree(SAMPLES, home / "samples")
    (home / "out").mkdir()
    (home / ".demo").mkdir()
    return home / "samples" / "castdigest.toml"


def test_a_second_run_with_nothing_changed_skips_the_build(tmp_path: Path) -> None:
    config = setup(tmp_path)
    first = weekly(config)
    assert (first["build"], first["skipped"], first["items"]) == ("new", False, 6)
    before = out_state(tmp_path / "out")
    second = weekly(config)
    assert (second["build"], second["skipped"], second["items"]) == ("unchanged", True, 6)
    assert second["published"] is None
    assert out_state(tmp_path / "out") == before  # not even rewritten


def test_a_pin_or_a_config_change_builds_again(tmp_path: Path) -> None:
    config = setup(tmp_path)
    weekly(config)
    runner = CliRunner()
    listed = runner.invoke(cli, ["--config", str(config), "episodes", "--json"], env=ENV)
    episode = json.loads(listed.stdout)[-1]["id"]
    pinned = runner.invoke(cli, ["--config", str(config), "pin", episode], env=ENV)
    assert pinned.exit_code == 0, pinned.output
    after_pin = weekly(config)
    assert after_pin["skipped"] is False
    config.write_text(
        config.read_text(encoding="utf-8").replace('name = "Agents Weekly"', 'name = "AW"'),
        encoding="utf-8",
    )
    after_config = weekly(config)
    assert (after_config["build"], after_config["skipped"]) == ("updated", False)


def test_out_removed_is_published_again(tmp_path: Path) -> None:
    config = setup(tmp_path)
    weekly(config)
    shutil.rmtree(tmp_path / "out" / "2026-W48")
    again = weekly(config)
    assert (again["build"], again["skipped"]) == ("unchanged", False)
    assert (tmp_path / "out" / "2026-W48" / "email.html").is_file()
