"""The cache folder: data castdigest derives from its dependencies' own, kept between runs.

simplemma's lemma dictionaries and py3langid's model ship LZMA-compressed; decompressing and
decoding them costs about a second and a half of CPU in every run that reads or selects. What
is derived once is kept here, under a name that carries the dependency's version and the
Python version, so that an upgrade of either derives it again. Nothing in it is needed: a file
missing, damaged or not writable means deriving again, never an error, and deleting the folder
is always safe.

The folder is `$CASTDIGEST_CACHE_DIR`, else `$XDG_CACHE_HOME/castdigest`, else
`~/.cache/castdigest`. Its files are read back with `marshal` and `pickle`, so it must be the
user's own folder, as a home's cache is.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path


def cache_dir() -> Path:
    """Where castdigest keeps what it derives and can derive again."""
    if explicit := os.environ.get("CASTDIGEST_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "castdigest"


def tagged(package: str) -> str:
    """A name part that changes with `package`'s version and the Python version."""
    return f"{package}-{version(package)}-{sys.implementation.cache_tag}"


def read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def write(path: Path, data: bytes) -> None:
    """`data` to `path` whole or not at all (another run may be reading it)."""
    temporary = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as out:
            temporary = out.name
            out.write(data)
        os.replace(temporary, path)
    except OSError:  # a read-only home, a full disk: derived again next time
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
