"""Errors no step raises on purpose: a bug, or an input nobody foresaw.

The user gets one short line (the exception's class and the start of its message); whoever
fixes it gets the traceback, kept in a log file beside the archive (or printed, with
`castdigest --debug`). Only the standard library here: the CLI loads this at start-up.
"""

from __future__ import annotations

import traceback
from pathlib import Path

LOG_NAME = "castdigest.log"
_MAX_MESSAGE = 120


def log_file(archive: Path) -> Path:
    """The log of unexpected errors: beside the archive, where the user looks for its files."""
    return archive.with_name(LOG_NAME)


def summary(exc: BaseException) -> str:
    """`RecursionError: maximum recursion depth exceeded`: the class and the message's first
    line, cut short (a message may quote a whole input)."""
    lines = str(exc).strip().splitlines()
    message = lines[0] if lines else ""
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 1].rstrip() + "…"
    name = type(exc).__name__
    return f"{name}: {message}" if message else name


def traceback_text(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc)).rstrip("\n")
