"""Plain text with no recognised structure: a transcript-only episode.

The episode's title is the line that scores best as one (see `page_title.py`), else the file
name. Page chrome (see `chrome.py`) is left out of the text. Lines that start
with a speaker label (`Name: text`, `[00:12:03] Name: text`, `00:12:03 Name: text`) become speaker
turns; consecutive lines of one speaker merge. Any readable text is accepted.
"""

from __future__ import annotations

import re

from castdigest.models import Episode, Segment, Transcript
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.chrome import is_chrome, normalise
from castdigest.readers.doubt import add_reasons, page_doubts
from castdigest.readers.page_dates import page_length
from castdigest.readers.page_structure import enrich
from castdigest.readers.page_title import pick_title
from castdigest.readers.quote_lines import line_quote
from castdigest.readers.subheadings import (
    aired_parts,
    corner_lines,
    listened_segments,
    part_chapters,
    played_paragraphs,
)
from castdigest.readers.title_cards import card_title, names_another
from castdigest.text.durations import parse_duration
from castdigest.text.titles import clip_title

# "[00:12:03] Jane Doe: ..." / "00:12 Jane: ..." / "Jane Doe: ..." (a name of at most 4 words)
_TURN = re.compile(
    r"^\s*(?:\[?(?P<ts>\d{1,2}:\d{2}(?::\d{2})?)\]?\s+)?"
    r"(?P<name>[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,3}):\s+(?P<text>\S.*)$"
)


class PlainTextReader:
    name: str = "text"
    extensions: tuple[str, ...] = (".txt", ".text")

    def sniff(self, doc: Document) -> float:
        return 0.01  # the fallback: any decodable text

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        lines = doc.page_lines()
        pick = pick_title(lines, [doc.stem_title])
        reasons = list(pick.doubts)  # no title at all is the registry's to say (file name)
        title = clip_title(pick.title) if pick.title else doc.stem_title
        card = card_title(lines) if pick.title and not pick.named and not reasons else None
        if card and names_another(card, title):
            title = card  # a story's headline over the card of the episode it is about
        first = pick.index if pick.index is not None else _first(lines)
        body = _body(lines, pick.title)
        segments = _turns(body)
        text = (
            "\n\n".join(s.text if not s.speaker else f"{s.speaker}: {s.text}" for s in segments)
            if segments
            else "\n".join(line.strip() for line in body if line.strip())
        )
        episode = Episode(
            title=title or "Untitled",
            transcript=Transcript(text=text, segments=segments) if text else None,
            duration=page_length(lines),  # the player is chrome: not in the body
            sources=[ctx.ref(0, line=first + 1)],
        )
        episode = enrich(episode, body, ctx.as_of)
        if pick.index is not None and not pick.named and (deck := _deck(lines, pick.index)):
            # the headline's deck in quotation marks ("“Rents up 40% in three years”"): no
            # quote (a title the prose names has no deck: the quotation under it is one)
            episode.quotes = [q for q in episode.quotes if q.text != deck]
        if not episode.chapters:
            # "Part 1: …" / "Part 2: …", segments each with its length, a broadcast's rundown
            # by the hours its parts air at, or labelled paragraphs each over its player:
            # untimed
            episode.chapters = (
                part_chapters(body)
                or listened_segments(lines)
                or aired_parts(body)
                or played_paragraphs(lines)
                or corner_lines(body)
            )
        return [add_reasons(episode, reasons + page_doubts(lines, [episode]))]


def _deck(lines: list[str], title: int) -> str | None:
    """The quotation a line wholly in quotation marks right under the title holds, else None."""
    under = next((s for s in lines[title + 1 :] if s.strip()), "")
    quote = line_quote(under)
    return quote.text if quote else None


def _first(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line.strip()), 0)


def _body(lines: list[str], title: str | None) -> list[str]:
    """The lines that are not the title (nor its repeats) and not page chrome; blank lines
    stay, as the page's structure is read from them too (a blank line ends a tight list)."""
    key = normalise(title) if title else None
    return [
        line
        for line in lines
        if not line.strip() or (normalise(line) != key and not is_chrome(line))
    ]


def _turns(lines: list[str]) -> list[Segment]:
    """Speaker turns, when at least two lines carry a speaker label; else none."""
    matches = [_TURN.match(line) for line in lines]
    if sum(1 for m in matches if m) < 2:
        return []
    segments: list[Segment] = []
    for line, m in zip(lines, matches, strict=True):
        if m:
            start = parse_duration(m.group("ts")) if m.group("ts") else None
            speaker, text = m.group("name").strip(), m.group("text").strip()
            if segments and segments[-1].speaker == speaker:
                segments[-1].text += " " + text
            else:
                segments.append(Segment(text=text, speaker=speaker, start=start))
        elif line.strip():
            if segments:
                segments[-1].text += " " + line.strip()
            else:
                segments.append(Segment(text=line.strip()))
    return segments
