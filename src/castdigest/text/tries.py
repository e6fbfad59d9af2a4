"""Many words as one regex alternation written as a trie of their characters (their shared
beginnings written once), so that the engine tries a few characters at each position of a
line instead of every word in turn."""

from __future__ import annotations

import re

_Trie = dict[str, "_Trie"]


def trie_alternation(words: set[str] | tuple[str, ...], *, shortest: bool = False) -> str:
    """A regex matching any of `words`: a longer word tried before a shorter one it extends
    ("episode" before "ep"); with `shortest`, a word's end ends the match (what follows it is
    not needed when only whether one opens a text is asked)."""
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def pattern(node: _Trie) -> str:
        if shortest and "" in node:
            return ""
        branches = [re.escape(ch) + pattern(rest) for ch, rest in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")  # the word may end here, once its longer forms are tried
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return pattern(root)
