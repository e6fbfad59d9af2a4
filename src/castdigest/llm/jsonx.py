"""Find the JSON object in a model's answer: a balanced scan over braces that honours strings,
so prose before or after it, code fences, or a second object do not corrupt it (cutting from
the first `{` to the last `}` would)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any


def _balanced_end(text: str, start: int) -> int | None:
    """Index just past the object opening at `start`, or None when it never closes."""
    depth = 0
    in_string = False
    escaped = False
    for i in range(start, len(text)):
        ch = text[i]
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def json_objects(text: str) -> Iterator[dict[str, Any]]:
    """Every top-level JSON object in `text` that parses, in order."""
    pos = text.find("{")
    while pos != -1:
        end = _balanced_end(text, pos)
        if end is not None:
            try:
                value = json.loads(text[pos:end])
            except json.JSONDecodeError:
                value = None
            if isinstance(value, dict):
                yield value
                pos = text.find("{", end)
                continue
        pos = text.find("{", pos + 1)
