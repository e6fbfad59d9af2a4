"""text.normalize: the control-character checks give the pattern's answer whichever path
(printable ASCII, short text, a long ASCII page, other scripts) finds it."""

from __future__ import annotations

import random

import pytest

from castdigest.text.normalize import _CONTROLS, _LINE_CONTROLS, has_controls


@pytest.mark.parametrize(
    ("text", "multiline", "found"),
    [
        ("A plain title", False, None),
        ("two\nlines", True, None),
        ("two\nlines", False, "\n"),
        ("tab\there", False, "\t"),
        ("bell\x07", True, "\x07"),
        ("del\x7f" + "x" * 400, True, "\x7f"),
        ("x" * 400 + "\x00", True, "\x00"),
        ("x" * 400 + "\n", True, None),
        ("café\x85", True, "\x85"),
        ("云听\x1b", False, "\x1b"),
    ],
)
def test_has_controls_names_the_first(text: str, multiline: bool, found: str | None) -> None:
    assert has_controls(text, multiline) == found


def test_has_controls_agrees_with_the_pattern_on_any_length() -> None:
    rng = random.Random(7)
    odd = ["\t", "\n", "\r", "\x00", "\x1f", "\x7f", "\x85", "é", "\ud800"]
    for _ in range(3000):
        size = rng.choice([1, 12, 80, 299, 300, 301, 2000])
        text = "".join(rng.choice(odd) if rng.random() < 0.01 else "a" for _ in range(size))
        for multiline, pattern in ((True, _CONTROLS), (False, _LINE_CONTROLS)):
            m = pattern.search(text)
            assert has_controls(text, multiline) == (m.group(0) if m else None), repr(text)
