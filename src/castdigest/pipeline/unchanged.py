"""Whether a week's digest needs building again: the weekly job's short-cut.

After each build and publish, `weekly` records a key for the week beside the archive (in
`<archive>.built`, a cache: deleting it costs one rebuild). The key hashes what the build
reads (the archive's state for the window, `Settings.config_hash`, the version) and where it
publishes. When the next run finds the same key and the published week still in out/, nothing
it would select or render has changed, and it skips both.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from castdigest import __version__
from castdigest.archive import Archive
from castdigest.config import Settings


def build_key(
    archive: Archive, settings: Settings, window_id: str, bounds: tuple[datetime, datetime]
) -> str:
    state = archive.digests.inputs_state(*bounds)
    out_dir = str(Path(settings.resolve(settings.out_dir)).resolve())
    parts = (__version__, settings.config_hash(), window_id, out_dir, state)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _marks_file(archive: Archive) -> Path:
    return archive.path.with_name(archive.path.name + ".built")


def _marks(archive: Archive) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(_marks_file(archive).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or unreadable: the build runs, as without the short-cut
    if not isinstance(data, dict):
        return {}
    # A mark is {"key", "warnings", "held"}; a bare key string is a mark from before.
    return {str(k): (v if isinstance(v, dict) else {"key": str(v)}) for k, v in data.items()}


@dataclass(frozen=True)
class LastBuild:
    """What the last build of a week said, repeated when a run skips the build."""

    warnings: list[str] = field(default_factory=list)
    held: list[dict[str, object]] = field(default_factory=list)  # left out: need review


def unchanged(archive: Archive, window_id: str, key: str, published: Path) -> LastBuild | None:
    """What the last build of `window_id` said, when it had this key and what it published
    is still there; None when the week must be built."""
    mark = _marks(archive).get(window_id)
    if mark is None or mark.get("key") != key or not published.is_file():
        return None
    warnings, held = mark.get("warnings"), mark.get("held")
    return LastBuild(
        [str(w) for w in warnings] if isinstance(warnings, list) else [],
        [h for h in held if isinstance(h, dict)] if isinstance(held, list) else [],
    )


def remember(archive: Archive, window_id: str, key: str, said: LastBuild) -> None:
    marks = _marks(archive)
    marks[window_id] = {"key": key, "warnings": said.warnings, "held": said.held}
    path = _marks_file(archive)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps(marks, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)  # whole or not at all
    except OSError:
        pass  # a cache that cannot be written only costs the next run its short-cut
