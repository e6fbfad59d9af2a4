"""Text for places that cannot isolate it: mail headers, the HTML <title>, the inbox preview.

Embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069) change how everything
after them is ordered on screen: a right-to-left override in an episode title can make the
rest of a Subject line read backwards ("txt.exe" shown as "exe.txt"). In HTML the templates put
such text in <bdi>, which confines them; a header has no such element, so there they are
removed. The marks U+200E, U+200F and U+061C are kept: they only set the direction of the
neutral characters next to them, cannot reach past their own text, and right-to-left titles
with numbers or Latin words need them to show correctly.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Line and paragraph breaks, and other controls: a header is one line.
_BREAKS = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]+")


def strip_bidi_controls(text: str) -> str:
    return BIDI_CONTROLS.sub("", text)


def header_text(text: str) -> str:
    """`text` as one header line: no bidi controls, no line breaks, whitespace collapsed."""
    return " ".join(_BREAKS.sub(" ", strip_bidi_controls(text)).split())
