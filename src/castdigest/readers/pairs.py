"""Listings of alternating title and body lines (bodies in any language), blank lines
optional: the simplest list a user saves of a show's episodes."""

from __future__ import annotations

import re

from castdigest.errors import ReadError
from castdigest.models import Episode
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.listing import SNIFF_CHARS, build_episode, merge_repeats
from castdigest.readers.listing_entry import RawEpisode
from castdigest.readers.markup import is_hashtag_line, parse_hashtags
from castdigest.text.normalize import fold

_PAIR_TITLE_MAX = 200
_NUMBERS = re.compile(r"^[\d\s:.,\[\]()-]*$")
_SPEAKER = re.compile(r"^\w[\w .'-]{0,30}:\s")  # "Name: ...", a transcript's turn
_BODY_MIN = 80
# A line that only parts two entries ("-", "•", "* * *", "———").
_SEPARATOR = re.compile(r"^(?:[-–—―•·*_=~+](?:\s?[-–—―•·*_=~+]){0,9})$")
_MIN_PARTED = 3  # entries parted by separator lines, at least, for a list among a page's lines


def _is_title_line(line: str, colon: bool = False) -> bool:
    """A title's line; with `colon`, one with a kicker too ("Hear it again: …"), which in a
    text of alternating lines alone is more likely a transcript's speaker and their words."""
    s = line.strip()
    return (
        0 < len(s) <= _PAIR_TITLE_MAX
        and not s.startswith(("#", ">", "- ", "* ", "{", "<", "WEBVTT"))
        and "-->" not in s
        and not _NUMBERS.match(s)
        and (colon or not _SPEAKER.match(s))
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


def _parted(lines: list[str]) -> list[tuple[int, str, list[str]]]:
    """The longest run of `_MIN_PARTED` title/body pairs or more, each parted from the next by
    a separator line: a show's list between a page's header and footer ("-" / photo caption /
    title / teaser / "-" / …). In each part the entry is its last title over a body; what
    comes before it in the part (a photo's caption) is not the entry's. The lines before the
    first separator are the page's header, an entry only when they are one and nothing else;
    a last part that is a title alone at the end of the text is an entry the save cut."""
    parts: list[list[tuple[int, str]]] = [[]]
    for i, line in enumerate(lines):
        s = line.strip()
        if _SEPARATOR.match(s):
            parts.append([])
        elif s:
            parts[-1].append((i, s))
    if len(parts) < _MIN_PARTED:
        return []
    entries = [_part_entry(part, n, len(parts)) for n, part in enumerate(parts)]
    best: list[tuple[int, str, list[str]]] = []
    run: list[tuple[int, str, list[str]]] = []
    for entry in [*entries, None]:
        if entry is not None:
            run.append(entry)
            continue
        best = max(best, run, key=len)
        run = []
    return best if len(best) >= _MIN_PARTED else []


def _part_entry(
    part: list[tuple[int, str]], n: int, count: int
) -> tuple[int, str, list[str]] | None:
    """The entry the `n`th of `count` parts between separators holds: its last title over a
    body (hashtag lines join the body), or a title alone when it is the text's last part."""
    if n == count - 1 and n > 0 and len(part) == 1 and _is_title_line(part[0][1], colon=True):
        return part[0][0], part[0][1], []
    texts = [s for _, s in part]
    end = len(texts)
    while end and is_hashtag_line(texts[end - 1]):
        end -= 1
    if end < 2 or (n == 0 and end != 2):
        return None
    i, title = part[end - 2]
    if not _is_title_line(title, colon=True) or not _is_body_line(texts[end - 1]):
        return None
    return i, title, texts[end - 1 :]


class PairsReader:
    name: str = "pairs"
    extensions: tuple[str, ...] = (".txt",)

    def sniff(self, doc: Document) -> float:
        head = doc.text[:SNIFF_CHARS].splitlines()[:400]
        pairs = _pairs(head) or _parted(head)
        if len(pairs) < 2:
            return 0.0
        titles = [fold(title) for _, title, _ in pairs]
        if len(set(titles)) < 0.8 * len(titles):
            return 0.0  # repeated "titles" are speaker names of a transcript, not episodes
        return 0.6

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        lines = doc.page_lines()
        pairs = _pairs(lines) or _parted(lines)
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
