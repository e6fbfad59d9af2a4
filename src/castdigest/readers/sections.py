"""Pages made of headed sections: finding the headings a page uses, in any of its languages.

Shared by the video page and summary page readers. A heading is a line that, stripped and
casefolded, equals one of the known names (a trailing count such as "Chapters11" is allowed);
the text up to the next heading is its section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_COUNT = re.compile(r"\s*\(?\d{1,4}\)?\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•·▪●◦]|\d{1,3}[.)]|0\d)\s+")  # "01 …": a magazine's point


@dataclass
class Section:
    key: str  # the canonical name, e.g. "takeaways"
    line: int  # 1-based line of the heading
    count: int | None = None  # "Chapters11" -> 11
    lines: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(line for line in self.lines if line.strip())

    def bullets(self) -> list[str]:
        return [_BULLET.sub("", line).strip() for line in self.lines if line.strip()]


def heading_key(line: str, names: dict[str, str]) -> tuple[str, int | None] | None:
    """(canonical key, count) when `line` is a heading of `names`, else None."""
    s = line.strip().rstrip(":：").strip()
    if not s or len(s) > 60:
        return None
    count = None
    if (m := _COUNT.search(s)) and m.start() > 0:
        count = int(re.sub(r"\D", "", m.group(0)))
        s = s[: m.start()]
    key = names.get(s.casefold())
    return (key, count) if key else None


def split_sections(lines: list[str], names: dict[str, str]) -> tuple[list[str], list[Section]]:
    """(lines before the first heading, sections in page order)."""
    head: list[str] = []
    sections: list[Section] = []
    for i, line in enumerate(lines):
        found = heading_key(line, names)
        if found:
            sections.append(Section(key=found[0], line=i + 1, count=found[1]))
        elif sections:
            sections[-1].lines.append(line)
        else:
            head.append(line)
    return head, sections


def strip_bullet(line: str) -> str:
    return _BULLET.sub("", line).strip()


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))
