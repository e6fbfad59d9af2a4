"""Word-wrap for the plain-text part: `textwrap.wrap`'s greedy lines, for text whose words are
single-spaced, three times faster. The text part of every email is wrapped item by item, and
`textwrap` (which builds a wrapper, expands tabs and splits with a regex on every call) took a
third of an email's render (bench/README.md, "render").

The lines are those of `textwrap.wrap(text, width, initial_indent=first,
subsequent_indent=rest, break_long_words=True, break_on_hyphens=False)` on `" ".join(words)`,
its quirks included (a word longer than a line fills what is left of the current one), so
that the text part reads the same whichever wraps it; tests/test_wrapping.py holds it to that.
"""

from __future__ import annotations


def wrap_words(words: list[str], width: int, first: str = "", rest: str = "") -> list[str]:
    """The lines of `words` within `width` characters, the first prefixed by `first`, the
    others by `rest`; a word longer than a line is broken."""
    if not words:
        return []
    joined = " ".join(words)
    if len(first) + len(joined) <= width:
        return [first + joined]  # one line: most titles, links and short takeaways
    if max(map(len, words)) <= width - max(len(first), len(rest)):
        return _greedy(words, width, first, rest)
    return _chunked(words, width, first, rest)


def _greedy(words: list[str], width: int, first: str, rest: str) -> list[str]:
    """The lines when every word fits on a line: nothing is broken, so each line takes the
    words that fit with one space between them (textwrap's lines, word by word)."""
    lines: list[str] = []
    indent, room = first, width - len(first)
    start, size = 0, len(words[0])
    for i in range(1, len(words)):
        size += 1 + len(words[i])
        if size > room:
            lines.append(indent + " ".join(words[start:i]))
            indent, room = rest, width - len(rest)
            start, size = i, len(words[i])
    lines.append(indent + " ".join(words[start:]))
    return lines


def _chunked(words: list[str], width: int, first: str, rest: str) -> list[str]:
    """textwrap's own loop over words and spaces, for words longer than a line."""
    # textwrap's chunks, last first: the words and the single spaces between them.
    chunks = [" "] * (2 * len(words) - 1)
    chunks[::2] = words
    chunks.reverse()
    lines: list[str] = []
    while chunks:
        indent = rest if lines else first
        room = width - len(indent)
        if lines and not chunks[-1].strip():
            chunks.pop()  # a line does not open on the space that ended the one before
        line: list[str] = []
        size = 0
        while chunks and size + len(chunks[-1]) <= room:
            size += len(chunks[-1])
            line.append(chunks.pop())
        if chunks and len(chunks[-1]) > room:  # longer than a whole line: broken
            left = room - size if room >= 1 else 1
            word = chunks[-1]
            line.append(word[:left])
            chunks[-1] = word[left:]
        if line and not line[-1].strip():
            line.pop()
        if line:
            lines.append(indent + "".join(line))
    return lines
