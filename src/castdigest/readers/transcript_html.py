"""HTML transcripts as the Podcasting 2.0 namespace describes them.

The shape is a run of `<cite>Speaker:</cite> <time>0:53</time> <p>what they said</p>`; each
`<p>` is a cue of the last named speaker at the last time seen. Pages without that shape are
left to the page readers (the sniff only claims documents with several cite/time pairs).
"""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser

from castdigest.errors import ReadError
from castdigest.models import Episode
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.transcripts import Cue, episode_from_transcript, transcript_of, turns
from castdigest.text.durations import parse_duration
from castdigest.text.htmltext import tame_charrefs
from castdigest.text.normalize import strip_controls

_CITE = re.compile(r"<cite\b", re.IGNORECASE)
_TIME = re.compile(r"<time\b", re.IGNORECASE)


class _CueCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cues: list[Cue] = []
        self.speaker: str | None = None
        self.start: float | None = None
        self.title: str | None = None
        self._in: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("cite", "time", "p", "title"):
            self._in, self._buf = tag, []
            if tag == "time":
                stamp = dict(attrs).get("datetime")
                self.start = parse_duration(stamp) if stamp else self.start

    def handle_endtag(self, tag: str) -> None:
        if tag != self._in:
            return
        text = " ".join(strip_controls("".join(self._buf), multiline=False).split())
        if tag == "cite":
            self.speaker = text.rstrip(":").strip() or None
        elif tag == "time":
            self.start = parse_duration(text) if parse_duration(text) is not None else self.start
        elif tag == "title":
            self.title = text or None
        elif text:
            self.cues.append(Cue(text=text, start=self.start, speaker=self.speaker))
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buf.append(data)


def parse_html_transcript(text: str, location: str = "") -> tuple[str | None, list[Cue]]:
    collector = _CueCollector()
    collector.feed(tame_charrefs(text))
    collector.close()
    if not collector.cues:
        raise ReadError("no transcript paragraphs (<p>) found", where=location)
    cues = collector.cues
    for cue, following in itertools.pairwise(cues):
        cue.end = following.start  # a turn lasts until the next one starts
    return collector.title, cues


class HtmlTranscriptReader:
    name: str = "transcript-html"
    extensions: tuple[str, ...] = (".html", ".htm")

    def sniff(self, doc: Document) -> float:
        head = doc.text[:20000]
        if len(_CITE.findall(head)) >= 2 and len(_TIME.findall(head)) >= 2:
            return 0.8
        return 0.0

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        title, cues = parse_html_transcript(doc.text, doc.location)
        url = doc.location if doc.location.startswith(("http://", "https://")) else None
        episode = episode_from_transcript(transcript_of(turns(cues), url), doc, ctx)
        return [episode.model_copy(update={"title": title})] if title else [episode]
