"""Reader registry: turning bytes into a Document, choosing a reader, applying defaults.

Readers are listed here explicitly, in order of preference when two are equally sure; nothing
registers itself on import.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from functools import cache
from importlib import import_module
from pathlib import Path

from castdigest.errors import ReadError
from castdigest.merge import episode_id
from castdigest.models import Episode
from castdigest.readers.base import MAX_DOCUMENT_BYTES, Document, ReadContext, Reader
from castdigest.text.htmltext import bad_charrefs
from castdigest.text.normalize import strip_controls

# (format, module, class) in order of preference. The reader modules (and what they load:
# trafilatura, feedparser, the language model) are imported when a document is first read, so
# that a run that reads nothing, an unchanged week, does not pay for them.
_READER_CLASSES: tuple[tuple[str, str, str], ...] = (
    ("feed", "feed", "FeedReader"),
    ("vtt", "transcripts", "VttReader"),
    ("srt", "transcripts", "SrtReader"),
    ("transcript-json", "transcripts", "JsonTranscriptReader"),
    ("chapters-json", "chapters_json", "ChaptersJsonReader"),
    ("ytdlp-info", "ytdlp", "YtDlpInfoReader"),
    ("episodes-json", "episode_json", "EpisodeJsonReader"),
    ("markdown", "markdown", "MarkdownReader"),
    ("transcript-html", "transcript_html", "HtmlTranscriptReader"),
    ("html-page", "html_page", "HtmlPageReader"),
    ("roundup", "roundup", "RoundupReader"),
    ("listing", "listing", "ListingReader"),
    ("video-page", "video_page", "VideoPageReader"),
    ("summary-page", "summary_page", "SummaryPageReader"),
    ("pairs", "pairs", "PairsReader"),
    ("article", "article", "ArticleReader"),
    ("text", "plaintext", "PlainTextReader"),
)


@cache
def readers() -> tuple[Reader, ...]:
    """One of each reader, in order of preference."""
    made = []
    for _, module, cls in _READER_CLASSES:
        made.append(getattr(import_module(f"castdigest.readers.{module}"), cls)())
    return tuple(made)


def __getattr__(name: str) -> object:
    if name == "READERS":  # the readers, made on first use
        return readers()
    raise AttributeError(name)


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg file"),
    (b"\x1f\x8b", "a gzip file"),
    (b"RIFF", "a RIFF (WAV/WebP) file"),
)


# A sniff below this is a catch-all's "any text will do" (the plain-text reader's), not a
# reader recognising the document.
RECOGNISED = 0.1
# Formats whose documents carry no title of their own (a subtitle file, a chapters or transcript
# file): the file name is their title by design, not a sign of a bad read.
UNTITLED_FORMATS = frozenset({"vtt", "srt", "transcript-json", "transcript-html", "chapters-json"})
# What a source read by each can tell, recorded on its SourceRef: the episode title of these
# is the file's name (a transcript or captions file says no title); these and chapters files
# are the files episode pages link to.
FILE_TITLE_FORMATS = frozenset({"vtt", "srt", "transcript-json", "transcript-html"})
LINKED_FILE_FORMATS = UNTITLED_FORMATS
# Page shapes told by sniffing a page's text; when the one chosen finds nothing, the page is
# read as the plain text page it also is (`FALLBACK_FORMAT`), with a doubt.
GUESSED_PAGE_FORMATS = frozenset(
    {"listing", "video-page", "summary-page", "pairs", "article", "roundup"}
)
FALLBACK_FORMAT = "text"
# What readers title an episode when they find nothing at all.
_PLACEHOLDERS = frozenset({"", "untitled", "untitled episode", "untitled transcript"})


def formats() -> list[str]:
    return [name for name, _, _ in _READER_CLASSES]


def reader_named(name: str) -> Reader:
    for reader in readers():
        if reader.name == name:
            return reader
    raise ReadError(f"unknown format {name!r}", hint="one of: " + ", ".join(formats()))


def decode(location: str, data: bytes) -> tuple[str, str | None]:
    """Text of a document, or ReadError for empty and binary input.

    Invalid UTF-8 (or UTF-16) is replaced (U+FFFD) rather than refused, and the note says
    where. Control characters are taken out (see `text.normalize.strip_controls`): no reader
    has a use for them, and no model may hold them.
    """
    text, note = _decode(location, data)
    return strip_controls(text), note


def _decode(location: str, data: bytes) -> tuple[str, str | None]:
    if not data.strip():
        raise ReadError("empty file", where=location)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReadError(f"{what}, not a text format castdigest reads", where=location)
    if data[4:8] == b"ftyp":
        raise ReadError("an MP4 media file, not a text format castdigest reads", where=location)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:  # an odd byte count, or a lone surrogate
            note = f"invalid UTF-16 at byte {exc.start}, replaced with U+FFFD"
            return data.decode("utf-16", errors="replace"), note
    if b"\x00" in data[:8192]:
        raise ReadError("binary file, not a text format castdigest reads", where=location)
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        note = f"line {line}: invalid UTF-8 at byte {exc.start}, replaced with U+FFFD"
        return data.decode("utf-8", errors="replace"), note


def too_large(location: str, size: int, limit: int) -> ReadError:
    return ReadError(
        f"{_megabytes(size)} is over the limit of {_megabytes(limit)}",
        where=location,
        hint="raise [ingest] max_document_bytes to read it",
    )


def _megabytes(size: int) -> str:
    return f"{size:,} bytes" if size < 1_000_000 else f"{size / 1_000_000:,.1f} MB"


def load_file(path: Path, max_bytes: int = MAX_DOCUMENT_BYTES) -> Document:
    """The file as a Document; ReadError when it is missing, unreadable, empty, binary or
    larger than `max_bytes` (told from its size, before it is read)."""
    try:
        stat = path.stat()
        if stat.st_size > max_bytes:
            raise too_large(str(path), stat.st_size, max_bytes)
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)  # a file still growing is cut at the limit, not read
        mtime = datetime.fromtimestamp(stat.st_mtime, tz=UTC)
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc), where=str(path)) from None
    if len(data) > max_bytes:
        raise too_large(str(path), len(data), max_bytes)
    text, note = decode(str(path), data)
    return Document(location=str(path), data=data, text=text, mtime=mtime, decode_note=note)


# A sniff score from which no later reader is asked.
SURE = 0.95
# Sniffers see at most this much of the text: a format shows itself near the top, and a
# sniffer that scans (the listing's date patterns) should not scan a whole feed or transcript.
SNIFF_PREFIX = 200_000


def _sniff_head(doc: Document) -> Document:
    if len(doc.text) <= SNIFF_PREFIX:
        return doc
    return replace(doc, text=doc.text[:SNIFF_PREFIX])


def choose(doc: Document, forced: str | None = None) -> Reader:
    return _choice(doc, forced)[0]


def _choice(doc: Document, forced: str | None) -> tuple[Reader, float]:
    """The reader for `doc` and how sure it is (1 when forced)."""
    if forced:
        return reader_named(forced), 1.0
    best: tuple[float, int, Reader] | None = None
    head = _sniff_head(doc)
    for order, reader in enumerate(readers()):
        score = reader.sniff(head)
        if score >= SURE:  # a reader that is sure ends the search: the others cost time
            return reader, score
        if score > 0 and (best is None or score > best[0]):
            best = (score, -order, reader)
    if best is None:
        raise ReadError("no reader recognises this document", where=doc.location)
    return best[2], best[0]


def read_document(
    doc: Document,
    ctx: ReadContext,
    forced: str | None = None,
) -> tuple[str, list[Episode]]:
    """Read a document with the chosen reader; returns (format, episodes).

    Source defaults fill what the document lacks (show, language, extra tags), each episode
    gets its language detected when the reader did not say, and a stable id.
    """
    if len(doc.data) > ctx.limits.max_document_bytes:
        raise too_large(doc.location, len(doc.data), ctx.limits.max_document_bytes)
    from castdigest.readers.suggested import without_suggestions  # with the readers: lazily

    doc = without_suggestions(doc)
    reader, sureness = _choice(doc, forced)
    ctx.format = reader.name
    ctx.file_title = reader.name in FILE_TITLE_FORMATS
    ctx.linked_file = reader.name in LINKED_FILE_FORMATS
    ctx.location = doc.location
    ctx.content_hash = doc.content_hash
    if doc.decode_note:
        ctx.warnings.append(doc.decode_note)
    if bad := bad_charrefs(doc.text):
        ctx.warnings.append(f"{bad} character reference(s) naming no character, read as U+FFFD")
    try:
        episodes = reader.read(doc, ctx)
    except ReadError as exc:
        if forced or reader.name not in GUESSED_PAGE_FORMATS:
            raise
        # A page's shape guessed from its text ("a listing") that yields nothing: the plain
        # page's reading, in doubt, rather than no reading at all.
        reader = reader_named(FALLBACK_FORMAT)
        ctx.format = reader.name
        from castdigest.readers.doubt import add_reasons  # with the readers: lazily

        missed = [f"read as {reader.name}: {exc.message}"]
        episodes = [add_reasons(ep, missed) for ep in reader.read(doc, ctx)]
    if not forced and reader.name == "listing" and len(episodes) == 2 and _unlike(episodes):
        # two entries, one with a date, the other with a length: one episode's page read with
        # the player or the link under it; read as one page, which says its own doubts (more
        # entries so are in doubt: the listing's reader says so)
        reader = reader_named(FALLBACK_FORMAT)
        ctx.format = reader.name
        episodes = reader.read(doc, ctx)
    guessed = _guessed_format(doc, reader, sureness)
    if len(episodes) == 1 and reader.name in GUESSED_PAGE_FORMATS | {FALLBACK_FORMAT}:
        episodes = [_person_titled(episodes[0], doc)]
    return reader.name, [_doubted(_finish(ep, ctx), doc, reader.name, guessed) for ep in episodes]


def _unlike(episodes: list[Episode]) -> bool:
    from castdigest.readers.doubt import unlike_entries  # with the readers: lazily

    return bool(unlike_entries(episodes))


def _person_titled(ep: Episode, doc: Document) -> Episode:
    """A page's one episode titled with a name its prose gives a person (the byline's, a
    guest's): in doubt."""
    from castdigest.readers.doubt import add_reasons  # with the readers: lazily
    from castdigest.readers.title_people import named_as_person
    from castdigest.readers.title_quoted import titled_episode

    lines = doc.text.splitlines()
    if not named_as_person(ep.title, lines):
        return ep
    titled = titled_episode(lines)  # "the episode, titled Mento Never Left,"
    if titled is not None and " ".join(titled[1].split()) == " ".join(ep.title.split()):
        return ep
    return add_reasons(ep, [f"title uncertain: {ep.title[:80]!r} may be a person's name"])


def _guessed_format(doc: Document, reader: Reader, sureness: float) -> str | None:
    """Why the format is a guess, when no reader recognised the document and its reader was
    chosen by elimination. A file named as the fallback's kind (`.txt`), or not named as any
    kind, is what that reader takes it for; a file named as another kind is not."""
    if sureness >= RECOGNISED or not doc.suffix or doc.suffix in reader.extensions:
        return None
    return f"no reader recognised this {doc.suffix} file; read as {reader.name} by elimination"


def _doubted(ep: Episode, doc: Document, fmt: str, guessed: str | None) -> Episode:
    """The episode with the doubts that do not depend on its reader added to its own."""
    reasons = [guessed] if guessed else []
    if fmt not in UNTITLED_FORMATS:
        title = " ".join(ep.title.split()).casefold()
        if title in _PLACEHOLDERS:
            reasons.append("no title found")
        elif doc.stem_title and title == " ".join(doc.stem_title.split()).casefold():
            reasons.append("no title found; the file name is used as the title")
    new = [r for r in reasons if r not in ep.review_reasons]
    return ep.model_copy(update={"review_reasons": [*ep.review_reasons, *new]}) if new else ep


def _finish(ep: Episode, ctx: ReadContext) -> Episode:
    upd: dict[str, object] = {}
    if ep.show is None and ctx.show:
        upd["show"] = strip_controls(ctx.show, multiline=False)
    if ctx.tags:
        tags = [strip_controls(t, multiline=False) for t in ctx.tags]
        upd["tags"] = list(dict.fromkeys([*ep.tags, *tags]))
    if ep.language is None:
        sample = ep.abstract or (ep.transcript.text if ep.transcript else None) or ep.title
        from castdigest.text.language import detect_language  # numpy: loaded when reading

        language = ctx.language or detect_language(sample)
        upd["language"] = strip_controls(language, multiline=False) if language else None
    if upd:
        ep = ep.model_copy(update=upd)
    if not ep.id:
        ep = ep.model_copy(update={"id": episode_id(ep)})
    return ep


def read_path(
    path: Path, as_of: datetime | None = None, forced: str | None = None, **defaults: object
) -> tuple[ReadContext, list[Episode]]:
    """Convenience for tests and `condense PATH`: load, read, return context and episodes."""
    doc = load_file(path)
    ctx = ReadContext(as_of=as_of or doc.mtime or datetime.now(UTC), **defaults)  # type: ignore[arg-type]
    _, episodes = read_document(doc, ctx, forced)
    return ctx, episodes
