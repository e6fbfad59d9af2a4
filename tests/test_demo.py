"""The README's first command: the weekly job on the bundled samples, as `make demo` runs it.

Its digest must not depend on the day it runs (the samples' transcripts and articles have no
date of their own: they are dated by when the run first sees them, `--as-of`), and two runs
must write the same bytes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from castdigest.cli import cli
from conftest import SAMPLES


def demo(home: Path) -> tuple[dict[str, object], dict[str, bytes]]:
    """Run the demo in a copy of samples/ (its config writes to ../out, its archive is
    ../.demo/demo.db, as `make demo` makes them); (report, out files)."""
    shutil.copytree(SAMPLES, home / "samples")
    (home / "out").mkdir()
    (home / ".demo").mkdir()
    config = str(home / "samples" / "castdigest.toml")
    args = ["--config", config, "weekly", "--no-send", "--as-of", "2026-11-24", "--json"]
    result = CliRunner().invoke(cli, args, env={"CASTDIGEST_UNSUBSCRIBE_SECRET": ""})
    assert result.exit_code == 0, result.output
    out = home / "out"
    files = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert not any(".db" in name for name in files)  # the archive is kept out of what is published
    assert (home / ".demo" / "demo.db").is_file()
    report = json.loads(result.stdout)
    for doc in report["ingest"]:
        doc["location"] = str(Path(doc["location"]).relative_to(home))
    return report, files


def test_the_demo_digest_is_the_same_on_any_day_and_every_run(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    report, files = demo(tmp_path / "a")
    again, files_again = demo(tmp_path / "b")
    assert (report["digest_id"], report["build"], report["items"]) == ("2026-W48", "new", 6)
    ingest = report["ingest"]
    assert isinstance(ingest, list) and len(ingest) == 10
    assert not any(r["failed"] for r in ingest)
    assert sum(r["new"] for r in ingest) == 12
    assert ingest[0]["location"] == "samples/pages/article.txt"
    assert report["published"] == len(files) == 30
    assert {"2026-W48/email.html", "2026-W48/email.txt", "index.html", "feeds.opml"} <= set(files)
    assert again == report
    assert files_again == files  # byte for byte
    text = files["2026-W48/email.txt"].decode("utf-8")
    assert "Agents Weekly" in text and "Why Your Build Cache Lies to You" in text
