"""The reader contract: a Document in, Episodes out.

A reader has a `name` (used by `--format` and recorded in each episode's sources), the file
`extensions` it usually comes with, `sniff(doc)` returning how sure it is (0 to 1) that it
can read the document, and `read(doc, ctx)` returning the episodes it holds. A reader raises
`ReadError` (naming the line when it can) for input it recognised but cannot use, and no other
exception for any input: what it cannot use of a document it drops, with a note in
`ctx.warnings` (an unparseable link, an implausible date), and the rest still reads.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from itertools import accumulate
from typing import Any, Protocol

from castdigest.errors import ReadError
from castdigest.models import EARLIEST_YEAR, LATEST_YEAR, Episode, SourceRef, plausible
from castdigest.readers.chrome import blank_tab_bars, server_message
from castdigest.text.normalize import usable_url

MAX_DOCUMENT_BYTES = 50_000_000
MAX_JSON_DEPTH = 64


@dataclass(frozen=True)
class ReadLimits:
    """Bounds on what one document may cost to read (config: `[ingest]`)."""

    max_document_bytes: int = MAX_DOCUMENT_BYTES  # a larger document is refused unread
    max_json_depth: int = MAX_JSON_DEPTH  # JSON nested deeper is refused before parsing


# A numeric date whose year runs into the next number, when a page's spans lost the space
# between them ("11/20/202647 minutes, 12 seconds", "2026-11-2052:18").
_GLUED_YEAR = re.compile(
    r"(\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2}|\b(?:19|20)\d{2}-\d{2}-\d{2})(?=\d)"
)
_GLUED_LINE = 120  # characters: metadata lines are short; a body's lines are not looked at


def unglued(line: str) -> str:
    """`line` with a space after a numeric date's year that runs into the next number."""
    return _GLUED_YEAR.sub(r"\1 ", line) if len(line) <= _GLUED_LINE else line


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

    def page_lines(self) -> list[str]:
        """The text's lines, tabs made spaces: in a saved page a tab is layout, and its lines
        become titles and names, which hold no tabs. A message the site's server printed into
        the page is a blank line (kept, so that line numbers still count the file's lines)."""
        lines = self.text.replace("\t", " ").splitlines()
        lines = ["" if server_message(line) else unglued(line) for line in lines]
        return blank_tab_bars(lines)

    @property
    def stem(self) -> str:
        name = self.location.rsplit("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0] if "." in name else name


@dataclass
class ReadContext:
    """What a reader may use besides the document: the reference time and source defaults."""

    as_of: datetime  # relative ages ("il y a 3 jours") resolve against this; timezone-aware
    format: str = ""  # set by the registry to the chosen reader's name
    file_title: bool = False  # set by the registry: the reader titles episodes by file name
    linked_file: bool = False  # set by the registry: the reader reads files pages link to
    show: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    warnings: list[str] = field(default_factory=list)  # non-fatal notes, printed by the CLI
    content_hash: str = ""
    location: str = ""
    limits: ReadLimits = field(default_factory=ReadLimits)

    def published(self, when: datetime | None, wording: object = None) -> datetime | None:
        """`when` if it is a plausible publication date; else None, with a note."""
        if when is None or plausible(when):
            return when
        said = f" ({str(wording)[:40]!r})" if wording is not None else ""
        self.warnings.append(
            f"date {when.date()}{said} is outside {EARLIEST_YEAR}..{LATEST_YEAR}, ignored"
        )
        return None

    def urls(self, candidates: list[str | None], what: str = "link") -> list[str]:
        """The candidates that parse as URLs, in order, without repeats; a note for each one
        dropped (an unparseable URL can be neither matched nor fetched)."""
        out: list[str] = []
        for url in candidates:
            if not url or not url.strip():
                continue
            if usable_url(url):
                out.append(url.strip())
            else:
                self.warnings.append(f"{what} {url[:80]!r} is not a usable URL, dropped")
        return list(dict.fromkeys(out))

    def load_json(self, text: str, location: str = "", line: int | None = None) -> Any:
        """`json.loads`, bounded: nesting beyond `limits.max_json_depth` is a ReadError (the
        parser recurses, so depth costs stack), and an integer too long for `int()` reads as
        a float (infinite, which the model then refuses as it does any out-of-range value)."""
        return load_json(text, location, self.limits.max_json_depth, line)

    def ref(self, position: int, line: int | None = None) -> SourceRef:
        return SourceRef(
            location=self.location,
            format=self.format,
            position=position,
            line=line,
            content_hash=self.content_hash,
            file_title=self.file_title,
            linked_file=self.linked_file,
        )


# The loop unrolled: a group repeated once per character would make the regex engine keep
# state for every character of a long string (some 200 bytes each).
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def json_depth(text: str) -> int:
    """How deep the arrays and objects of a JSON text nest (brackets inside strings skipped)."""
    if text.count("[") + text.count("{") < 2:
        return text.count("[") + text.count("{")
    steps = (1 if b in "[{" else -1 for b in _BRACKETS.findall(_STRINGS.sub("", text)))
    return max(accumulate(steps, initial=0))


def _int(digits: str) -> int | float:
    return int(digits) if len(digits) <= 4000 else float(digits)


def load_json(text: str, location: str, max_depth: int, line: int | None = None) -> Any:
    """See `ReadContext.load_json`; `line` is the line of `text` in its document."""
    depth = json_depth(text)
    if depth > max_depth:
        raise ReadError(f"JSON nested deeper than {max_depth} levels", where=location, line=line)
    try:
        return json.loads(text, parse_int=_int)
    except json.JSONDecodeError as exc:
        at = exc.lineno + (line - 1 if line else 0)
        raise ReadError(f"invalid JSON: {exc.msg}", where=location, line=at) from None
    except RecursionError:  # only when the stack is nearly used up already
        raise ReadError("JSON nested too deep", where=location, line=line) from None


class Reader(Protocol):
    name: str
    extensions: tuple[str, ...]

    def sniff(self, doc: Document) -> float: ...

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]: ...
