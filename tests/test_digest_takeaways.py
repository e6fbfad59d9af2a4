"""The digest a subscriber gets from ../shared/seeds plus the bundled samples, built as
`make demo` builds it (the weekly job, no send): no takeaway in it ends mid-thought."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from castdigest.cli import cli
from castdigest.condense.thoughts import balanced, is_whole_thought
from conftest import SAMPLES


def _digest(home: Path, seeds: Path) -> tuple[dict[str, object], str]:
    """(the stored digest 2026-W48, every archived episode as JSON) of the demo run on a copy
    of the samples with the seeds as one more source."""
    shutil.copytree(SAMPLES, home / "samples")
    (home / "out").mkdir()
    (home / ".demo").mkdir()
    config = home / "samples" / "castdigest.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + f'\n[[sources]]\npath = "{seeds.as_posix()}"\n',
        encoding="utf-8",
    )
    runner = CliRunner()
    env = {"CASTDIGEST_UNSUBSCRIBE_SECRET": ""}
    args = ["--config", str(config), "weekly", "--no-send", "--as-of", "2026-11-24"]
    built = runner.invoke(cli, args, env=env)
    assert built.exit_code == 0, built.output
    shown = runner.invoke(cli, ["--config", str(config), "digest", "show", "2026-W48", "--json"])
    assert shown.exit_code == 0, shown.output
    listed = runner.invoke(cli, ["--config", str(config), "episodes", "--json"])
    assert listed.exit_code == 0, listed.output
    return json.loads(shown.stdout), listed.stdout


def test_no_takeaway_of_the_seeds_and_samples_digest_ends_mid_thought(
    shared: Path, tmp_path: Path
) -> None:
    digest, material = _digest(tmp_path, shared / "seeds")
    takeaways: list[tuple[str, str | None]] = []
    sections = digest["sections"]
    assert isinstance(sections, list)
    for section in sections:
        for item in section["items"]:
            takeaways += [(t["text"], item["language"]) for t in item["condensed"]["takeaways"]]
    assert len(takeaways) >= 30
    unbalanced = [text for text, _ in takeaways if not balanced(text)]
    ellipsis = [
        text
        for text, _ in takeaways
        if text.rstrip("\"'”’»)]」』 ").endswith(("…", "...")) and text not in material
    ]
    cut = [text for text, lang in takeaways if not is_whole_thought(text, lang, material)]
    assert unbalanced == []
    assert ellipsis == []
    assert cut == []
