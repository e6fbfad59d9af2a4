"""Listings of alternating title and body lines (bodies in any language), blank lines
optional: the simplest list a user saves of a show's episodes."""

from __future__ import annotations

import re

from castdigest.errors import ReadError
from castdigest.models import Episode
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.listing import SNIFF_CHARS, RawEpisode, build_episode, merge_repeats
from castdigest.readers.markup import is_hashtag_line, parse_hashtags
from castdigest.text.normalize import fold

_PAIR_TITLE_MAX = 200
_NOT_TITLE = re.compile(r"^[\d\s:.,\[\]()-]*$|^\w[\w .'-]{0,30}:\s")  # numbers, "Name: ..."
_BODY_MIN = 80


def _is_title_line(line: str) -> bool:
    s = line.strip()
    return (
        0 < len(s) <= _PAIR_TITLE_MAX
        and not s.startswith(("#", ">", "- ", "* ", "{", "<", "WEBVTT"))
        and "-->" not in s
        and not _NOT_TITLE.match(s)
        and not is_hashtag_line(s)
        and not s.endswith((".", "。", "!", "！", ":", ";"))
    )


def _is_body_line(line: str) -> bool:
    s = line.strip()
    return len(s) >= _BODY_MIN or "## [" in s or (len(s) >= 20 and s.endswith((".", "。", "다.")))


def _pairs(lines: list[str]) -> list[tuple[int, str, list[str]]]:
    """(line index, title, body lines) for alternating title/body lines; hashtag lines join
    the body before them. Empty when the text does not alternate."""
    items = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    out: list[tuple[int, str, list[str]]] = []
    k = 0
    while k < len(items):
        i, title = items[k]
        if k + 1 >= len(items) or not _is_title_line(title) or not _is_body_line(items[k + 1][1]):
            return []
        body = [items[k + 1][1]]
        k += 2
        while k < len(items) and is_hashtag_line(items[k][1]):
            body.append(items[k][1])
            k += 1
        out.append((i, title, body))
    return out


class PairsReader:
    name: str = "pairs"
    extensions: tuple[str, ...] = (".txt",)

    def sniff(self, doc: Document) -> float:
        pairs = _pairs(doc.text[:SNIFF_CHARS].splitlines()[:400])
        if len(pairs) < 2:
            return 0.0
        titles = [fold(title) for _, title, _ in pairs]
        if len(set(titles)) < 0.8 * len(titles):
            return 0.0  # repeated "titles" are speaker names of a transcript, not episodes
        return 0.6

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        pairs = _pairs(doc.page_lines())
        if not pairs:
            raise ReadError(
                "not a title/body listing: titles and bodies do not alternate",
                where=doc.location,
                hint="try --format text",
            )
        episodes: list[Episode] = []
        for pos, (i, title, body) in enumerate(pairs):
            raw = RawEpisode(title=title, line=i + 1)
            for s in body:
                if is_hashtag_line(s):
                    raw.tags += parse_hashtags(s)
                else:
                    raw.body.append(s)
            episodes.append(build_episode(raw, ctx, pos))
        return merge_repeats(episodes)
