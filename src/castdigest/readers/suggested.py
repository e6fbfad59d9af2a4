"""What a saved episode page suggests besides its episode, taken off before it is read.

Podcast apps and players end an episode's page with other episodes ("More episodes like this",
"Weitere Folgen", "他のエピソード"), each with its own title, date and length: read as they
stand, they make the page a listing of several episodes. The page is cut at such a heading when
what stands above it is one episode's page: a body (a paragraph or a list of chapter times) and
at most one date. A listing (many dates above the heading) keeps all its lines. Below the
heading only the page's furniture is kept (a copyright line, legal links): it tells the site's
name from a title. A comment thread above the heading is the readers', not the episode's: its
dates do not count, and it goes with the suggestions.
"""

from __future__ import annotations

import re
from dataclasses import replace

from castdigest.readers.base import Document
from castdigest.readers.chrome import chrome_kind
from castdigest.readers.heading_words import opens_comments, suggests_others
from castdigest.readers.page_title import has_date
from castdigest.text.truncate import is_cjk_char

_BODY = 150  # characters of a paragraph (CJK count double)
_TIMED = re.compile(r"^\s*[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+\S")
_MIN_TIMED = 3
_CUE = re.compile(r"\d:\d\d[.,]\d{3}\s+-->")  # a WebVTT or SRT cue's timing
_FIRST = 3  # a heading among the first lines heads the page itself


def without_suggestions(doc: Document) -> Document:
    """`doc` without the episodes its page suggests (see the module doc), or `doc` itself."""
    head = doc.text[:1000].lstrip()
    if head[:1] in ("<", "{", "[") or head.startswith("WEBVTT") or _CUE.search(head):
        return doc  # markup, data or timed cues: their readers know their own parts
    lines = doc.text.splitlines()
    for k, line in enumerate(lines):
        if k >= _FIRST and suggests_others(line):
            end = next((j for j in range(_FIRST, k) if opens_comments(lines[j])), k)
            if not _one_episode(lines[:end]):
                return doc
            furniture = [line for line in lines[k + 1 :] if _furniture(line)]
            text = "\n".join(lines[:end]).rstrip("\n")
            if furniture:
                text += "\n\n" + "\n".join(furniture)
            return replace(doc, text=text + "\n")
    return doc


def _furniture(line: str) -> bool:
    s = line.strip()
    return bool(s) and (s.startswith(("©", "(c)", "Copyright")) or chrome_kind(s) is not None)


def _one_episode(lines: list[str]) -> bool:
    body = any(_width(line) >= _BODY for line in lines) or (
        sum(1 for line in lines if _TIMED.match(line)) >= _MIN_TIMED
    )
    dates = sum(1 for line in lines if len(line) <= 120 and has_date(line))
    return body and dates <= 1


def _width(line: str) -> int:
    s = line.strip()
    return len(s) + sum(map(is_cjk_char, s))
