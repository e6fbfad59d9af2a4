"""The transcript a saved page carries: speaker turns and timed cues, found by their shape.

Turns are written as a label line ("Speaker 1 (00:07)", "[00:12] Ana", "Pablo:") followed by
what was said, as "Name: what was said" on one line, or as cue lines ("00:01:29.980 | text",
"[00:00:03] text"). The transcript starts under a transcript heading, else at the first of
at least three such lines; page chrome at its end (app banners, footers) is left out.
"""

from __future__ import annotations

import re

from castdigest.models import Segment, Transcript
from castdigest.readers.chrome import is_chrome
from castdigest.readers.heading_words import heading_kind
from castdigest.text.durations import parse_duration

_TS = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_NAME = r"[^\W\d_][\w.'’-]*(?: [^\W\d_0-9][\w.'’-]*| \d{1,2}){0,3}"
_LABEL = re.compile(
    rf"^(?:[\[(]?(?P<ts1>{_TS})[\])]?\s+)?(?P<name>{_NAME})\s*"
    rf"(?:[\[(](?P<ts2>{_TS})[\])]\s*[:：]?|[:：])$"
)
_TIMED_LABEL = re.compile(rf"^[\[(]?(?P<ts>{_TS})[\])]?\s+(?P<name>{_NAME})$")
_SAID = re.compile(rf"^(?:[\[(]?(?P<ts>{_TS})[\])]?\s+)?(?P<name>{_NAME}):\s+(?P<text>\S.*)$")
_CUE = re.compile(rf"^[\[(]?(?P<ts>{_TS})[\])]?\s*[|–-]?\s+(?P<text>\S.*)$")
_MIN_MARKS = 3


def _mark(line: str) -> bool:
    return bool(_LABEL.match(line) or _SAID.match(line) or _CUE.match(line))


def find_transcript(lines: list[str]) -> Transcript | None:
    """The page's transcript with its segments, or None when it shows none."""
    stripped = [ln.strip() for ln in lines]
    start = next((i + 1 for i, s in enumerate(stripped) if heading_kind(s) == "transcript"), None)
    if start is None:
        marks = [i for i, s in enumerate(stripped) if s and _mark(s)]
        if len(marks) < _MIN_MARKS:
            return None
        start = marks[0]
    body = [s for s in stripped[start:] if s]
    while body and is_chrome(body[-1]):
        body.pop()
    segments = _segments(body)
    if not segments or not any(s.speaker or s.start is not None for s in segments):
        return None
    text = "\n\n".join(f"{s.speaker}: {s.text}" if s.speaker else s.text for s in segments)
    return Transcript(text=text, segments=segments)


def _segments(lines: list[str]) -> list[Segment]:
    segments: list[Segment] = []
    for s in lines:
        if heading_kind(s) not in (None, "transcript"):
            break  # another section of the page
        if m := _LABEL.match(s):
            ts = m.group("ts1") or m.group("ts2")
            segments.append(Segment(text="", speaker=m.group("name"), start=parse_duration(ts)))
        elif m := _SAID.match(s):
            _add(segments, m.group("name"), m.group("text"), parse_duration(m.group("ts")))
        elif m := _CUE.match(s):
            segments.append(Segment(text=m.group("text"), start=parse_duration(m.group("ts"))))
        elif (m := _TIMED_LABEL.match(s)) and len(s) <= 40:
            segments.append(
                Segment(text="", speaker=m.group("name"), start=parse_duration(m.group("ts")))
            )
        elif segments:
            last = segments[-1]
            last.text = f"{last.text} {s}".strip()
        else:
            segments.append(Segment(text=s))
    return [s for s in segments if s.text]


def _add(segments: list[Segment], speaker: str, text: str, start: float | None) -> None:
    if segments and segments[-1].speaker == speaker:
        segments[-1].text += " " + text
    else:
        segments.append(Segment(text=text, speaker=speaker, start=start))
