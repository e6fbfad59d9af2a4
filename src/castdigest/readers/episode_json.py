"""Episodes as castdigest prints them: a JSON array (`castdigest episodes --json`) or JSON Lines.

This is the archive's export format, so it is read as-is: ids, first-seen times and sources
are kept, which makes export -> import -> export give identical output. Every record must be
a valid Episode; the first invalid one fails the document, naming its line.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from castdigest.errors import ReadError
from castdigest.models import Episode
from castdigest.readers.base import Document, ReadContext

NAME = "episodes-json"
DERIVED = "needs_review"  # a key `episodes --json` adds to each Episode
# Keys only an Episode has; an export sorts its keys, so long chapters or transcripts can push
# some far down: two of these within the head are enough.
_EPISODE_KEYS = (
    '"caption_languages"',
    '"chapters_links"',
    '"transcript_links"',
    '"published_text"',
    '"first_seen"',
    '"sources"',
)
_HEAD = 65536
_RECORD_START = re.compile(r"^  \{", re.MULTILINE)


class EpisodeJsonReader:
    name: str = NAME
    extensions: tuple[str, ...] = (".json", ".jsonl", ".ndjson")

    def sniff(self, doc: Document) -> float:
        head = doc.text[:_HEAD].lstrip()
        if head[:1] not in "[{" or sum(k in head for k in _EPISODE_KEYS) < 2:
            return 0.0
        if head.startswith("[") or doc.suffix in (".jsonl", ".ndjson"):
            return 0.9
        return 0.85  # a JSON Lines file without its usual extension

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        if doc.text.lstrip().startswith("["):
            return _read_array(doc, ctx)
        return _read_lines(doc, ctx)


def _read_array(doc: Document, ctx: ReadContext) -> list[Episode]:
    data = ctx.load_json(doc.text, doc.location)
    if not isinstance(data, list):
        raise ReadError("expected a JSON array of episodes", where=doc.location)
    # Line of each record in the pretty-printed export, for messages; best effort otherwise.
    starts = [doc.text.count("\n", 0, m.start()) + 1 for m in _RECORD_START.finditer(doc.text)]
    out = []
    for i, record in enumerate(data):
        line = starts[i] if len(starts) == len(data) else None
        out.append(_episode(record, doc.location, line, f"episode {i + 1}"))
    return out


def _read_lines(doc: Document, ctx: ReadContext) -> list[Episode]:
    out = []
    for number, line in enumerate(doc.text.splitlines(), 1):
        if not line.strip():
            continue
        record = ctx.load_json(line, doc.location, line=number)
        out.append(_episode(record, doc.location, number, "record"))
    return out


def _episode(record: Any, location: str, line: int | None, what: str) -> Episode:
    if not isinstance(record, dict):
        raise ReadError(f"{what} is not a JSON object", where=location, line=line)
    # The export's word on the editor's review, which is the exporting archive's: the archive
    # read into decides it anew from the reasons.
    record.pop(DERIVED, None)
    try:
        # An export is stored data: validated as JSON, what today's rules refuse is cleaned,
        # as when the archive loads it (the record was parsed first to bound its depth).
        return Episode.model_validate_json(json.dumps(record))
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "record"
        raise ReadError(
            f"{what}: {field}: {first['msg']}"
            + (f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""),
            where=location,
            line=line,
        ) from None
