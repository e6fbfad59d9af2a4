"""Plain text with no recognised structure: a transcript-only episode.

The episode is titled from its first short line (else the file name). Lines that start with a
speaker label (`Name: text`, `[00:12:03] Name: text`, `00:12:03 Name: text`) become speaker
turns; consecutive lines of one speaker merge. Any readable text is accepted.
"""

from __future__ import annotations

import re

from castdigest.models import Episode, Segment, Transcript
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.page_structure import enrich
from castdigest.text.durations import parse_duration

_MAX_TITLE = 150
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
        lines = doc.text.splitlines()
        first = next((i for i, line in enumerate(lines) if line.strip()), 0)
        head = " ".join(lines[first].split()) if lines else ""
        has_title = 0 < len(head) <= _MAX_TITLE and not _TURN.match(head)
        title = head if has_title else doc.stem_title
        body = lines[first + 1 :] if has_title else lines[first:]
        segments = _turns(body)
        text = (
            "\n\n".join(s.text if not s.speaker else f"{s.speaker}: {s.text}" for s in segments)
            if segments
            else "\n".join(line.strip() for line in body if line.strip())
        )
        episode = Episode(
            title=title or "Untitled",
            transcript=Transcript(text=text, segments=segments) if text else None,
            sources=[ctx.ref(0, line=first + 1)],
        )
        return [enrich(episode, lines, ctx.as_of)]


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
