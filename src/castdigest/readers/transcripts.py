"""Timed transcripts: WebVTT, SRT and Podcasting 2.0 JSON.

Each format is parsed into cues (start, end, speaker, text); `turns()` merges consecutive cues
of one speaker into one Segment. A cue with no speaker continues the previous speaker's turn
(captions split sentences across cues); a transcript that names no speaker at all is grouped
into paragraphs of about a minute, ending on a sentence, so that timing survives.

A transcript file on its own becomes an episode titled after the file; a transcript that a feed
item points to is attached to that episode instead (see `pipeline/fetch.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from castdigest.errors import ReadError
from castdigest.models import Episode, Segment, Transcript
from castdigest.readers.base import MAX_JSON_DEPTH, Document, ReadContext, load_json
from castdigest.text.durations import as_seconds as _number
from castdigest.text.htmltext import unescape
from castdigest.text.normalize import strip_controls

_PARAGRAPH_SECONDS = 60.0
_TIME = r"(?:(\d{1,6}):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"  # hours: up to 6 digits
_VTT_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_BAD_TIMING = re.compile(r"^\s*[\d:.,]+\s*-->")
_SRT_START = re.compile(r"^\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
_VOICE = re.compile(r"<v(?:\.[^\s>]+)*\s+([^>]+)>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d{1,2}:\d{2}[^>]*>|\{\\[^}]*\}")
_LABEL = re.compile(
    r"^\s*(?:>>\s*)?([^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,3}):\s+(\S.*)$", re.S
)
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)]?$")


@dataclass
class Cue:
    text: str
    start: float | None = None
    end: float | None = None
    speaker: str | None = None


def turns(cues: list[Cue]) -> list[Segment]:
    """Merge cues into speaker turns (or timed paragraphs when no speaker is named)."""
    cues = [c for c in cues if c.text.strip()]
    if not any(c.speaker for c in cues):
        return _paragraphs(cues)
    segments: list[Segment] = []
    speaker: str | None = None
    for cue in cues:
        speaker = cue.speaker or speaker
        if segments and segments[-1].speaker == speaker:
            last = segments[-1]
            last.text = f"{last.text} {cue.text.strip()}"
            last.end = cue.end if cue.end is not None else last.end
        else:
            segments.append(
                Segment(text=cue.text.strip(), start=cue.start, end=cue.end, speaker=speaker)
            )
    return segments


def _paragraphs(cues: list[Cue]) -> list[Segment]:
    segments: list[Segment] = []
    for cue in cues:
        last = segments[-1] if segments else None
        if (
            last is not None
            and last.start is not None
            and cue.start is not None
            and (cue.start - last.start < _PARAGRAPH_SECONDS or not _SENTENCE_END.search(last.text))
        ):
            last.text = f"{last.text} {cue.text.strip()}"
            last.end = cue.end if cue.end is not None else last.end
        else:
            segments.append(Segment(text=cue.text.strip(), start=cue.start, end=cue.end))
    return segments


def transcript_of(segments: list[Segment], url: str | None = None) -> Transcript:
    text = "\n\n".join(f"{s.speaker}: {s.text}" if s.speaker else s.text for s in segments)
    return Transcript(text=text, segments=segments, url=url)


def episode_from_transcript(transcript: Transcript, doc: Document, ctx: ReadContext) -> Episode:
    ends = [s.end for s in transcript.segments if s.end is not None]
    title = doc.stem_title or "Untitled transcript"
    return Episode(
        title=title,
        duration=max(ends) if ends else None,
        transcript=transcript,
        sources=[ctx.ref(0, line=1)],
    )


def _seconds(h: str | None, m: str, s: str, frac: str) -> float:
    return float(int(h or 0) * 3600 + int(m) * 60 + int(s) + int(frac) / 10 ** len(frac))


def _clean(text: str) -> str:
    return _line(unescape(_TAG.sub("", text)))


def _line(text: str) -> str:
    return " ".join(strip_controls(text, multiline=False).split())


def _labelled(text: str) -> tuple[str | None, str]:
    """("Travis", "When you...") for "Travis: When you..."; (None, text) otherwise."""
    m = _LABEL.match(text)
    return (m.group(1).strip(), m.group(2).strip()) if m else (None, text)


def _timed_blocks(text: str, location: str) -> list[tuple[int, float, float, list[str]]]:
    """(line, start, end, text lines) of every cue in a VTT or SRT document."""
    blocks: list[tuple[int, float, float, list[str]]] = []
    current: tuple[int, float, float, list[str]] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        timing = _VTT_TIMING.match(line)
        if timing:
            g = timing.groups()
            current = (number, _seconds(*g[:4]), _seconds(*g[4:]), [])
            blocks.append(current)
        elif not line.strip():
            current = None
        elif current is not None:
            current[3].append(line)
        elif _BAD_TIMING.match(line):  # a timing line we could not read, not a NOTE's text
            raise ReadError(
                "cue timing is not HH:MM:SS.mmm --> HH:MM:SS.mmm", where=location, line=number
            )
    return blocks


def parse_vtt(text: str, location: str = "") -> list[Cue]:
    if not text.lstrip("\ufeff").startswith("WEBVTT"):
        raise ReadError("WebVTT must start with WEBVTT", where=location, line=1)
    cues: list[Cue] = []
    for _, start, end, lines in _timed_blocks(text, location):
        raw = " ".join(lines)
        voice = _VOICE.search(raw)
        speaker = " ".join(voice.group(1).split()) if voice else None
        body = _clean(raw)
        if speaker is None:
            speaker, body = _labelled(body)
        cues.append(Cue(text=body, start=start, end=end, speaker=speaker))
    return cues


def parse_srt(text: str, location: str = "") -> list[Cue]:
    cues: list[Cue] = []
    for _, start, end, lines in _timed_blocks(text, location):
        raw = " ".join(lines)
        voice = _VOICE.search(raw)
        body = _clean(raw)
        speaker, body = (" ".join(voice.group(1).split()), body) if voice else _labelled(body)
        cues.append(Cue(text=body, start=start, end=end, speaker=speaker))
    if not cues:
        raise ReadError("no subtitle cues found", where=location)
    return cues


def parse_json_transcript(
    text: str, location: str = "", max_depth: int = MAX_JSON_DEPTH
) -> list[Cue]:
    """Podcasting 2.0 JSON: {"segments": [{"speaker", "startTime", "endTime", "body"}]}."""
    data = load_json(text, location, max_depth)
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        raise ReadError('a JSON transcript needs a "segments" list', where=location)
    cues: list[Cue] = []
    for i, seg in enumerate(segments):
        if not isinstance(seg, dict) or not isinstance(seg.get("body", ""), str):
            raise ReadError(f"segment {i} is not an object with a text body", where=location)
        cues.append(
            Cue(
                text=_line(str(seg.get("body", ""))),
                start=_number(seg.get("startTime")),
                end=_number(seg.get("endTime")),
                speaker=(_line(str(seg["speaker"])) or None) if seg.get("speaker") else None,
            )
        )
    return cues


class VttReader:
    name: str = "vtt"
    extensions: tuple[str, ...] = (".vtt",)

    def sniff(self, doc: Document) -> float:
        return 0.99 if doc.text.lstrip("\ufeff").startswith("WEBVTT") else 0.0

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        transcript = transcript_of(turns(parse_vtt(doc.text, doc.location)), _url(doc))
        return [episode_from_transcript(transcript, doc, ctx)]


class SrtReader:
    name: str = "srt"
    extensions: tuple[str, ...] = (".srt",)

    def sniff(self, doc: Document) -> float:
        return 0.95 if _SRT_START.match(doc.text.lstrip("\ufeff")) else 0.0

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        transcript = transcript_of(turns(parse_srt(doc.text, doc.location)), _url(doc))
        return [episode_from_transcript(transcript, doc, ctx)]


class JsonTranscriptReader:
    name: str = "transcript-json"
    extensions: tuple[str, ...] = (".json",)

    def sniff(self, doc: Document) -> float:
        return 0.95 if doc.json_object_with("segments", "body") else 0.0

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        cues = parse_json_transcript(doc.text, doc.location, ctx.limits.max_json_depth)
        transcript = transcript_of(turns(cues), _url(doc))
        return [episode_from_transcript(transcript, doc, ctx)]


def _url(doc: Document) -> str | None:
    return doc.location if doc.location.startswith(("http://", "https://")) else None
