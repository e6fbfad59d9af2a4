"""Shared fixtures. Tests that need ../shared (the real-world inputs) skip when it is absent."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"
AS_OF = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


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
