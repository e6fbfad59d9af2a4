"""Shared fixtures. Tests that need ../shared (the real-world inputs) skip when it is absent."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"
AS_OF = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Derived caches (text/lemmas.py) go to the session's temporary folder, not the user's
    home; child processes inherit it."""
    before = os.environ.get("CASTDIGEST_CACHE_DIR")
    os.environ["CASTDIGEST_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("CASTDIGEST_CACHE_DIR", None)
    else:
        os.environ["CASTDIGEST_CACHE_DIR"] = before


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the real-world inputs are not available here")
    return SHARED


@pytest.fixture
def seeds(shared: Path) -> Path:
    return shared / "seeds"


def seed(name_prefix: str) -> Path:
    """The seed file whose name starts with `name_prefix` ("001"); skips when absent."""
    matches = sorted((SHARED / "seeds").glob(f"{name_prefix}_*.txt"))
    if not matches:
        pytest.skip(f"{SHARED}/seeds/{name_prefix}_*.txt is absent")
    return matches[0]


def dump(db: Path) -> list[str]:
    """Every row of the archive but the migration log (stamped when the file was made)."""
    conn = sqlite3.connect(db)
    out = [line for line in conn.iterdump() if not line.startswith('INSERT INTO "migrations"')]
    conn.close()
    return out


@pytest.fixture
def sample_inbox(tmp_path: Path) -> list[Path]:
    """Every sample, a second copy of the channel listing (merged across files, so the order
    of storing matters), and two files no reader takes."""
    box = tmp_path / "inbox"
    box.mkdir()
    for src in sorted([*SAMPLES.glob("pages/*"), *SAMPLES.glob("feeds/*")]):
        shutil.copy(src, box / src.name)
    shutil.copy(SAMPLES / "pages" / "channel-listing.txt", box / "zz-listing-again.txt")
    (box / "empty.txt").write_bytes(b"")
    (box / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    return sorted(box.iterdir())


@pytest.fixture(scope="module")
def rq() -> ModuleType:
    """bench/read_quality.py as a module: its scoring is what the reader tests assert on."""
    bench = Path(__file__).resolve().parents[1] / "bench" / "read_quality.py"
    spec = importlib.util.spec_from_file_location("read_quality", bench)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["read_quality"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module
