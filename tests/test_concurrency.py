"""Two runs at once over the same archive end as one run does: real `castdigest` processes,
serialised by the archive's writer lock.

To make "at once" certain rather than likely, the test process holds the lock while it starts
both runs and lets go only when each has said it waits; they then run one after the other,
and the archive (episode ids, digests) and the published feeds' GUIDs must be exactly those
of a single run. With `lock_wait_s = 0` a run that finds the lock taken stops at once.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from castdigest.archive.lock import writer_lock
from conftest import ROOT, SAMPLES

AS_OF = "2026-11-24"
WAITING = "another castdigest run is writing this archive; waiting up to"
GUID = re.compile(r"<guid[^>]*>([^<]+)</guid>|<id>([^<]+)</id>")


def home(tmp_path: Path, name: str, wait_s: float = 300) -> Path:
    """A copy of the samples with their config (archive ../.demo/demo.db, out/ beside it)."""
    root = tmp_path / name
    shutil.copytree(SAMPLES, root / "samples")
    (root / "out").mkdir()
    (root / ".demo").mkdir()
    config = root / "samples" / "castdigest.toml"
    config.write_text(f"lock_wait_s = {wait_s}\n" + config.read_text(encoding="utf-8"))
    return root


def start(root: Path, *args: str) -> subprocess.Popen[str]:
    path = os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path, "CASTDIGEST_UNSUBSCRIBE_SECRET": ""}
    config = str(root / "samples" / "castdigest.toml")
    return subprocess.Popen(
        [sys.executable, "-m", "castdigest", "--config", config, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def finish(proc: subprocess.Popen[str], told: list[str] | None = None) -> tuple[int, str]:
    _, err = proc.communicate(timeout=600)
    assert "Traceback" not in err, err
    return proc.returncode, "".join(told or []) + err


def wait_until_waiting(proc: subprocess.Popen[str]) -> list[str]:
    """Read the run's stderr up to the line saying it waits for the lock (or its end)."""
    assert proc.stderr is not None
    lines: list[str] = []
    for line in iter(proc.stderr.readline, ""):
        lines.append(line)
        if WAITING in line:
            return lines
    pytest.fail(f"the run ended without waiting for the lock: {''.join(lines)}")


def run_once(root: Path, *args: str) -> None:
    code, err = finish(start(root, *args))
    assert code == 0, err
    assert WAITING not in err


def run_twice_at_once(root: Path, *args: str) -> list[str]:
    """Both runs started while the lock is held; each must say it waits; their stderr."""
    db = root / ".demo" / "demo.db"
    with writer_lock(db, wait_s=0):
        first = start(root, *args)
        told_first = wait_until_waiting(first)
        second = start(root, *args)
        told_second = wait_until_waiting(second)
    results = [finish(first, told_first), finish(second, told_second)]
    for code, err in results:
        assert code == 0, err
    return [err for _, err in results]


def archive_state(root: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(root / ".demo" / "demo.db")
    try:
        return {
            "episodes": [r[0] for r in conn.execute("SELECT id FROM episodes ORDER BY id")],
            "keys": [
                f"{k} {e}"
                for k, e in conn.execute("SELECT key, episode_id FROM episode_keys ORDER BY key")
            ],
            "digests": [r[0] for r in conn.execute("SELECT id FROM digests ORDER BY id")],
            "items": [
                f"{d} {e} {t} {p}"
                for d, e, t, p in conn.execute(
                    "SELECT digest_id, episode_id, topic, position FROM digest_items"
                    " ORDER BY digest_id, position"
                )
            ],
        }
    finally:
        conn.close()


def feed_guids(root: Path) -> dict[str, list[str]]:
    """Each feed file's item GUIDs (RSS <guid>, Atom <id>), by path under out/."""
    out = root / "out"
    feeds = sorted(p for p in out.rglob("*") if p.suffix in (".xml", ".rss", ".atom"))
    found = {}
    for feed in feeds:
        text = feed.read_text(encoding="utf-8")
        found[str(feed.relative_to(out))] = [a or b for a, b in GUID.findall(text)]
    return found


def test_two_ingests_at_once_store_what_one_does(tmp_path: Path) -> None:
    one, two = home(tmp_path, "one"), home(tmp_path, "two")
    run_once(one, "ingest", *inputs(one), "--as-of", AS_OF)
    errs = run_twice_at_once(two, "ingest", *inputs(two), "--as-of", AS_OF)
    assert all(err.count(WAITING) == 1 for err in errs)  # said once, not at every retry
    single, double = archive_state(one), archive_state(two)
    assert len(single["episodes"]) == 11
    assert double["episodes"] == single["episodes"]
    assert double["keys"] == single["keys"]


def inputs(root: Path) -> list[str]:
    return [str(root / "samples" / folder) for folder in ("pages", "feeds")]


def test_two_weekly_runs_at_once_publish_what_one_does(tmp_path: Path) -> None:
    args = ("weekly", "--no-send", "--as-of", AS_OF)
    one, two = home(tmp_path, "one"), home(tmp_path, "two")
    run_once(one, *args)
    run_twice_at_once(two, *args)
    single, double = archive_state(one), archive_state(two)
    assert single["digests"] == ["2026-W48"] and len(single["items"]) == 6
    assert double == single
    guids = feed_guids(one)
    assert guids and sum(len(g) for g in guids.values()) >= 6
    assert feed_guids(two) == guids


def test_with_no_wait_a_second_run_stops_at_once(tmp_path: Path) -> None:
    root = home(tmp_path, "busy", wait_s=0)
    db = root / ".demo" / "demo.db"
    pages = str(root / "samples" / "pages")
    with writer_lock(db, wait_s=0):
        results = [
            finish(start(root, "ingest", pages, "--as-of", AS_OF)),
            finish(start(root, "weekly", "--no-send", "--as-of", AS_OF)),
            finish(start(root, "subscribers", "add", "late@example.com")),
            finish(start(root, "send", "2026-W48", "--dry-run")),  # the same lock as send's own
        ]
        assert not db.exists()  # stopped before opening it: nothing made, nothing written
        read_code, read_err = finish(start(root, "episodes"))  # readers take no lock
    named = root / "samples" / ".." / ".demo" / "demo.db"  # as the config's relative path gives it
    for code, err in results:
        assert code == 1
        assert err == (
            f"Error: {named}: another castdigest is running and writing this archive: let it "
            "finish and run again (or raise lock_wait_s in the config)\n"
        )
    assert read_code == 0, read_err
    code, err = finish(start(root, "ingest", pages, "--as-of", AS_OF))
    assert code == 0, err  # the lock released, the same run goes through
