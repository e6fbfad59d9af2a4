"""The reader contract: a Document in, Episodes out.

A reader has a `name` (used by `--format` and recorded in each episode's sources), the file
`extensions` it usually comes with, `sniff(doc)` returning how sure it is (0 to 1) that it
can read the document, and `read(doc, ctx)` returning the episodes it holds. A reader raises
`ReadError` (naming the line when it can) for input it recognised but cannot use.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Protocol

from castdigest.models import Episode, SourceRef


@dataclass(frozen=True)
class Document:
    location: str  # file path or URL, as the user named it
    data: bytes
    text: str  # decoded; invalid UTF-8 replaced (see `decode_note`)
    mtime: datetime | None = None  # file mtime or HTTP Last-Modified: the default "as of"
    content_type: str | None = None  # from HTTP, when fetched
    decode_note: str | None = None  # set when the bytes were not clean UTF-8

    @cached_property
    def content_hash(self) -> str:
        # Asked for by the reader, the unchanged check and the store: hashed once.
        return hashlib.sha256(self.data).hexdigest()

    @property
    def suffix(self) -> str:
        name = self.location.rsplit("?", 1)[0].rsplit("/", 1)[-1]
        return ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""

    @property
    def stem_title(self) -> str:
        """The file name as words ("harbor-notes_12.vtt" -> "harbor notes 12"): the title of
        last resort for a document that names none."""
        return self.stem.replace("_", " ").replace("-", " ").strip()

    def json_object_with(self, *keys: str) -> bool:
        """Whether the document opens as a JSON object naming every one of `keys` near its
        start: how the JSON formats (chapters, transcripts) tell themselves apart."""
        head = self.text[:4096]
        return head.lstrip().startswith("{") and all(f'"{k}"' in head for k in keys)

    @property
    def stem(self) -> str:
        name = self.location.rsplit("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0] if "." in name else name


@dataclass
class ReadContext:
    """What a reader may use besides the document: the reference time and source defaults."""

    as_of: datetime  # relative ages ("il y a 3 jours") resolve against this; timezone-aware
    format: str = ""  # set by the registry to the chosen reader's name
    show: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    warnings: list[str] = field(default_factory=list)  # non-fatal notes, printed by the CLI
    content_hash: str = ""
    location: str = ""

    def ref(self, position: int, line: int | None = None) -> SourceRef:
        return SourceRef(
            location=self.location,
            format=self.format,
            position=position,
            line=line,
            content_hash=self.content_hash,
        )


class Reader(Protocol):
    name: str
    extensions: tuple[str, ...]

    def sniff(self, doc: Document) -> float: ...

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]: ...
