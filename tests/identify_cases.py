"""The merges identification makes on the real-world inputs (../shared/fixtures, seeds and
pages-dev) and the repository's samples, ingested in that order into one archive, then each
file again under another name (a second reading of every episode).

Run as a script to record them (tests/data/identify_same.json) with the code on PYTHONPATH;
`test_identify_same.py` compares a fresh run with the record:

    PYTHONPATH=src python tests/identify_cases.py
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta
from pathlib import Path

from castdigest.archive import Archive
from castdigest.pipeline.ingest import DocReport, SourceSpec, ingest_paths

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FOLDERS = [SHARED / "fixtures", SHARED / "seeds", SHARED / "pages-dev", ROOT / "samples"]
RECORD = Path(__file__).parent / "data" / "identify_same.json"

# Runs the ingest of `files` into an open archive (the default: one plain run).
Ingest = Callable[[Archive, list[Path]], Iterable[DocReport]]


def inputs(again: Path) -> list[Path]:
    """The files, then a copy of each in `again` (named after where it came from)."""
    files = [f for folder in FOLDERS for f in sorted(folder.rglob("*")) if _readable(f)]
    copies = []
    for f in files:
        copy = again / _name(str(f))
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, copy)
        copies.append(copy)
    return files + copies


def _readable(path: Path) -> bool:
    return path.is_file() and not path.name.startswith(".") and path.name != "README.md"


def _plain(archive: Archive, files: list[Path]) -> Iterator[DocReport]:
    from conftest import AS_OF

    return ingest_paths(archive, files, SourceSpec(), AS_OF, AS_OF + timedelta(hours=1))


def merges(db: Path, ingest: Ingest = _plain) -> dict[str, object]:
    """Each document's episode ids by position, and every episode's readings."""
    again = db.parent / "again"
    with Archive(db) as archive:
        for _ in ingest(archive, inputs(again)):
            pass
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT location, position, episode_id FROM contributions ORDER BY location, position"
        ).fetchall()
        stored = sorted(str(r[0]) for r in conn.execute("SELECT id FROM episodes"))
    finally:
        conn.close()
    documents: dict[str, list[str]] = {}
    readings: dict[str, list[str]] = {}
    for location, position, eid in rows:
        name = _name(str(location), again)
        documents.setdefault(name, []).append(str(eid))
        readings.setdefault(str(eid), []).append(f"{name}#{position}")
    # Sorted by the names, not the raw locations: where the temporary folder sorts beside
    # ../shared depends on the machine.
    return {
        "documents": documents,
        "episodes": {e: sorted(readings.get(e, []), key=_by_place) for e in stored},
    }


def _by_place(reading: str) -> tuple[str, int]:
    name, _, position = reading.rpartition("#")
    return name, int(position)


def _name(location: str, again: Path | None = None) -> str:
    for base, prefix in ((SHARED, "shared/"), (ROOT, ""), (again, "again/")):
        if base is not None and location.startswith(str(base) + "/"):
            return prefix + location[len(str(base)) + 1 :]
    return location


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        found = merges(Path(tmp) / "a.db")
    RECORD.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    episodes = found["episodes"]
    assert isinstance(episodes, dict)
    print(f"{RECORD}: {len(episodes)} episodes")
