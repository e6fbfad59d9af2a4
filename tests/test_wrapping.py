"""The text part's wrapper gives textwrap's lines (its reference), on generated text of every
kind the text part holds: words, CJK runs, quotes, words longer than a line, prefixes."""

from __future__ import annotations

import random
import textwrap

import pytest

from castdigest.render.templates import wrap
from castdigest.text.wrapping import wrap_words

ALPHABET = "abc defg hijklm nopq rstuv wxyz 多模态检索 — “quoted” x\t\n"


def reference(text: str, width: int, first: str, rest: str | None) -> str:
    rest = " " * len(first) if rest is None else rest
    lines = textwrap.wrap(
        " ".join(text.split()),
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=True,
        break_on_hyphens=False,
    )
    return "\n".join(lines) or first.rstrip()


def test_same_lines_as_textwrap_on_generated_text() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 300)))
        if rng.random() < 0.2:
            text += " " + "y" * rng.randint(20, 200)  # longer than a line
        width = rng.choice([1, 3, 10, 20, 40, 72, 76])
        first = rng.choice(["", "- ", "  * ", "    "])
        rest = rng.choice([None, "  ", ""])
        assert wrap(text, width, first, rest) == reference(text, width, first, rest), (
            text,
            width,
            first,
            rest,
        )


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("one two three four", 9, ["- one two", "  three", "  four"]),
        # a word longer than a line fills what is left of the current one, then breaks
        ("tiny " + "x" * 12, 8, ["- tiny x", "  xxxxxx", "  xxxxx"]),
    ],
)
def test_lines(text: str, width: int, expected: list[str]) -> None:
    assert wrap_words(text.split(), width, "- ", "  ") == expected
    assert wrap(text, width, "- ") == "\n".join(expected)


def test_nothing_to_wrap_leaves_the_prefix() -> None:
    assert wrap_words([], 72, "- ", "  ") == []
    assert wrap("  ", 72, "- ") == "-"
