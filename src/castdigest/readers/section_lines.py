"""A page's sections, as its headings part them, and the items of the lists in them: what the
readers of a page's structure (`page_structure`, `untimed`) share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from castdigest.readers.title_people import full_name
from castdigest.text.truncate import display_width

SHORT_LINE = 100  # display width of a line that may be an item's title
STATEMENT_END = re.compile(r"[.。…][\"'”’»」)]*$")  # a line ending as a statement does
MAX_LIST = 15  # items of a list, at most (a few times more for a chapter list)
MIN_SEGMENTS = 3  # items under a summary heading that list the episode's segments
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

# A bullet: a mark, a number, a circled number, or a pictograph and a space ("💡 ...")
_PICTOGRAPHS = "[\u2600-\u27bf\U0001f300-\U0001faff]"  # symbols and emoji
# a list's bullet: a mark, a number with its dot or bracket, a zero-padded number alone ("01 …",
# a magazine's numbered points), a circled number, an emoji
_BULLET = re.compile(
    rf"^\s*(?:[-*•·・▪●◦‣►▸▹✓✔→–—]|\d{{1,3}}[.)]|0\d(?=\s)|[①-⑳]|{_PICTOGRAPHS}\ufe0f?(?=\s))\s*"
)
_PICTOGRAPH = re.compile(rf"^\s*{_PICTOGRAPHS}")
_PICTOGRAPH_ITEM = 40  # width of a sentence after an emoji bullet; a heading is shorter


@dataclass
class Section:
    kind: str | None
    lines: list[tuple[int, str]] = field(default_factory=list)  # (index, stripped line)


def bullet(line: str) -> str | None:
    """The text a list's bullet opens, or None when the line is no list's item."""
    m = _BULLET.match(line)
    text = line[m.end() :].strip() if m else ""
    if text and line.lstrip().startswith("—") and full_name(text.partition(",")[0]):
        return None  # "— Dana Whitfield": who said the quote above, not a list's item
    if text and _PICTOGRAPH.match(line) and display_width(text) < _PICTOGRAPH_ITEM:
        return None  # "📝 요약", "✅ Key points": a heading's emoji, not a list's bullet
    return text or None
