"""Ingest: read documents (files or fetched URLs), match each episode to the archive, merge,
store.

One transaction per document: a document that fails leaves the archive as it was, and the
other documents still go through. A URL is fetched whole before anything is read (see
`fetch.py`); matching is `identify.py`, merging `dedupe.merge`.

Whatever reading, fetching or storing one document raises becomes its report's error: a
CastdigestError says what is wrong with the input; any other exception is unexpected (a bug,
or an input nobody foresaw) and its traceback rides along in `DocReport.detail` for the log.
Only the archive failing (disk full, locked, corrupt) stops the run: no later document
could be stored either.
"""

from __future__ import annotations

import dataclasses
import gc
import glob
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

from castdigest import dedupe
from castdigest.archive import Archive
from castdigest.archive.episodes import DocumentRow
from castdigest.archive.errors import ARCHIVE_ERRORS
from castdigest.config import Settings, SourceConfig
from castdigest.errors import CastdigestError, FetchError, ReadError
from castdigest.models import Episode
from castdigest.pipeline.fetch import Fetched, as_document, fetch
from castdigest.pipeline.identify import Identifier, IdentityCache, index_keys
from castdigest.pipeline.unexpected import log_file, summary, traceback_text
from castdigest.readers.base import Document, ReadContext, ReadLimits
from castdigest.readers.registry import choose, load_file, read_document

# Given the episodes a document holds and the report's warnings, returns them completed
# (e.g. with the transcripts their feed links to; see pipeline/follow.py).
Follower = Callable[[list[Episode], list[str]], list[Episode]]

# The archive itself failing, not the document being stored: these stop the run.


@dataclass
class SourceSpec:
    """One thing to ingest, with the defaults its config entry gives."""

    path: str | None = None
    url: str | None = None
    show: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    format: str | None = None
    limits: ReadLimits = field(default_factory=ReadLimits)  # from the config's [ingest]


@dataclass(frozen=True)
class Doubt:
    """An episode of a document whose read is doubtful and that the editor has not approved."""

    episode_id: str
    title: str
    reasons: list[str]
    number: int | None = None  # 1-based place in its document, when the document has several

    def text(self) -> str:
        """The warning, after the document's location: `episode 3 "Title": reasons`."""
        said = "; ".join(self.reasons)
        return f'episode {self.number} "{self.title}": {said}' if self.number else said

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.episode_id,
            "episode": self.number,
            "title": self.title,
            "review_reasons": self.reasons,
        }


@dataclass
class DocReport:
    location: str
    format: str = ""
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    episode_ids: list[str] = field(default_factory=list)
    detail: str | None = None  # an unexpected error's traceback: for the log, not the report
    doubts: list[Doubt] = field(default_factory=list)  # episodes stored that need review

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def flawed(self) -> bool:
        """Failed, read with a warning (the input was damaged: a part dropped or replaced) or
        read with doubt: the exit code reports each as it does a failure."""
        return self.failed or bool(self.warnings) or bool(self.doubts)

    def fail(self, exc: Exception, doing: str) -> DocReport:
        """This report, failed with `exc` while `doing` (e.g. "reading"); nothing of the
        document is stored, so it counts no episodes."""
        self.error, self.detail = failure_text(exc, self.location, doing)
        self.new = self.updated = self.unchanged = 0
        self.episode_ids = []
        self.doubts = []
        return self

    def as_dict(self) -> dict[str, object]:
        return {
            "location": self.location,
            "format": self.format,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "error": self.error,
            "warnings": self.warnings,
            "needs_review": [d.as_dict() for d in self.doubts],
        }


@dataclass
class IngestRun:
    """One ingest run over many documents: the archive, the date relative dates are read
    against (`as_of`, else each file's mtime), the clock, the link follower, and what is kept
    from one document to the next (identification's cache, the reports made)."""

    archive: Archive
    as_of: datetime | None = None
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    follow: Follower | None = None
    identity: IdentityCache = field(default_factory=IdentityCache)
    reports: list[DocReport] = field(default_factory=list)

    def report(self, report: DocReport) -> DocReport:
        self.reports.append(report)
        return report


def _run_of(
    run: IngestRun | None,
    archive: Archive,
    as_of: datetime | None,
    now: datetime,
    follow: Follower | None,
) -> IngestRun:
    """`run`, or a run of one document with these settings."""
    return run if run is not None else IngestRun(archive, as_of, now, follow)


def read_limits(settings: Settings) -> ReadLimits:
    """The configured bounds on reading one document (`[ingest]`)."""
    return ReadLimits(**settings.ingest.model_dump())


def configured_spec(src: SourceConfig, settings: Settings) -> SourceSpec:
    """The spec of one `[[sources]]` entry, as `ingest` (no PATH) and `weekly` read it."""
    return SourceSpec(
        url=src.url,
        show=src.show,
        tags=src.tags,
        language=src.language,
        format=src.format,
        limits=read_limits(settings),
    )


_SKIP_DIRS = {".git", "__pycache__", "node_modules", ".venv"}
# Reading a listing page makes tens of thousands of container objects that live until the page
# is stored; the collector's default (a young collection every 700) walks them over and over.
_BATCH_GC_THRESHOLD = (20_000, 20, 20)


@contextmanager
def batch_collection() -> Iterator[None]:
    """Collect garbage less often for the length of an ingest run (about 7 % less process
    time at 4,000 listing episodes, within the noise at 10,000); the usual thresholds come
    back after it."""
    before = gc.get_threshold()
    gc.set_threshold(*_BATCH_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def expand_paths(
    patterns: Iterable[str], skip: Collection[Path] = ()
) -> tuple[list[Path], list[DocReport]]:
    """Files named by paths, folders (recursively) and globs; and a failed report for each
    pattern that names nothing, or that the file system refuses (a name too long ...).

    `skip` (resolved paths: the archive's own files) is left out of folders and globs, so that
    `ingest .` beside castdigest.db does not try to read the database; a file named as such
    is still read (and reported)."""
    files: list[Path] = []
    problems: list[DocReport] = []
    names = {p.name for p in skip}  # resolving every file of a folder would cost a syscall each

    def skipped(path: Path) -> bool:
        return path.name in names and path.resolve() in skip

    for pattern in patterns:
        try:
            found = _expand(pattern, skipped)
        except (OSError, ValueError) as exc:
            reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
            problems.append(DocReport(location=pattern, error=reason))
            continue
        if found is None:
            problems.append(DocReport(location=pattern, error="no such file or folder"))
        else:
            files += found
    return list(dict.fromkeys(files)), problems


def _expand(pattern: str, skipped: Callable[[Path], bool]) -> list[Path] | None:
    """The files one pattern names, or None when it names nothing (not even a skipped file)."""
    # A file that exists by that name is that file, even with brackets in its name
    # ("Title [id].info.json", as yt-dlp names downloads).
    magic = glob.has_magic(pattern) and not Path(pattern).exists()
    matches = (
        [Path(p) for p in sorted(glob.glob(pattern, recursive=True))] if magic else [Path(pattern)]
    )
    files: list[Path] = []
    found = False
    for path in matches:
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                if sub.is_file() and not _hidden(sub.relative_to(path)):
                    found = True
                    if not skipped(sub):
                        files.append(sub)
        elif path.exists():
            found = True
            if not (magic and skipped(path)):
                files.append(path)
    return files if found else None


def not_inputs(archive: Archive) -> frozenset[Path]:
    """The files beside the archive that are its own (resolved), for `expand_paths` to skip:
    SQLite's, and the log of unexpected errors."""
    return archive.own_files() | {log_file(archive.path).resolve()}


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") or part in _SKIP_DIRS for part in rel.parts)


def store_episodes(
    archive: Archive,
    location: str,
    content_hash: str,
    fmt: str,
    episodes: list[Episode],
    now: datetime,
    report: DocReport,
    etag: str | None = None,
    last_modified: str | None = None,
    cache: IdentityCache | None = None,
) -> None:
    """Replace what the document at `location` contributed with `episodes` and re-merge every
    episode it touches. `cache`: identification's, kept across the documents of a run."""
    store = archive.episodes
    try:
        _store(
            archive, location, content_hash, fmt, episodes, now, report, etag, last_modified, cache
        )
    except BaseException:
        store.generation += 1  # rolled back: what was derived from the archive may be stale
        raise


def _store(
    archive: Archive,
    location: str,
    content_hash: str,
    fmt: str,
    episodes: list[Episode],
    now: datetime,
    report: DocReport,
    etag: str | None,
    last_modified: str | None,
    cache: IdentityCache | None,
) -> None:
    store = archive.episodes
    with archive.transaction():
        old_ids = store.contributed_by(location)
        identifier = Identifier(archive, location, fmt, cache)
        items = [(pos, identifier.identify(ep), ep) for pos, ep in enumerate(episodes)]
        items = [(pos, identifier.resolve(eid), ep) for pos, eid, ep in items]
        joined = identifier.merge_absorbed()
        store.replace_contributions(location, items)
        store.record_document(location, fmt, content_hash, now, etag, last_modified)
        touched = list(dict.fromkeys([*(eid for _, eid, _ in items), *joined, *old_ids]))
        mine = {eid for _, eid, _ in items}
        # An episode new to the archive has only this document's parts, just written: no
        # need to read them back.
        fresh: dict[str, list[Episode]] = {eid: [] for eid in identifier.fresh}
        for _, eid, ep in items:
            if eid in fresh:
                fresh[eid].append(ep)
        # This document's own doubts (not another's about the same episode), by episode,
        # with the episode's first place in the document.
        doubted = {eid: (pos, ep.review_reasons) for pos, eid, ep in reversed(items)}
        several = len(items) > 1
        for eid in touched:
            parts = fresh.get(eid) or store.contributions(eid)
            if not parts:
                store.delete(eid)
                continue
            merged = _reviewed(archive, dedupe.merge(parts).model_copy(update={"id": eid}))
            keys = index_keys(merged, parts, identifier.keys_of)
            saved = store.put(merged, keys, now)
            identifier.remember(
                saved.episode,
                saved.content_hash,
                as_read=len(fresh.get(eid, ())) == 1,
                changed=saved.status != "unchanged",
            )
            if eid in mine:
                setattr(report, saved.status, getattr(report, saved.status) + 1)
                report.episode_ids.append(eid)
                pos, reasons = doubted[eid]
                if reasons and archive.reviews.needs_review(saved.episode):
                    number = pos + 1 if several else None
                    report.doubts.append(Doubt(eid, saved.episode.title, list(reasons), number))


def _reviewed(archive: Archive, merged: Episode) -> Episode:
    """The merged episode with the editor's corrections (`approve --title`) applied: a
    document read again must not undo them."""
    title = archive.reviews.title(merged.id)
    return merged.model_copy(update={"title": title}) if title else merged


def ingest_document(
    archive: Archive,
    doc: Document,
    spec: SourceSpec,
    as_of: datetime | None,
    now: datetime,
    etag: str | None = None,
    last_modified: str | None = None,
    follow: Follower | None = None,
    run: IngestRun | None = None,
) -> DocReport:
    """Read one loaded document and store it; never raises for bad input (see report.error).
    `run`: the run it is part of (its follower, clock and caches win over the arguments)."""
    run = _run_of(run, archive, as_of, now, follow)
    spec = with_chosen_format(archive, doc.location, spec)
    known = archive.episodes.document(doc.location)
    if known is not None and doc.content_hash == skip_hash(known, spec, follow):
        return report_unchanged(archive, known, now, etag, last_modified)
    try:
        fmt, episodes, warnings = read_episodes(doc, spec, as_of, now)
    except Exception as exc:
        return DocReport(location=doc.location).fail(exc, "reading")
    return store_read(
        archive,
        doc.location,
        doc.content_hash,
        fmt,
        episodes,
        warnings,
        now,
        follow,
        etag,
        last_modified,
        run=run,
    )


def with_chosen_format(archive: Archive, location: str, spec: SourceSpec) -> SourceSpec:
    """`spec`, reading `location` with the reader the editor chose for it (`approve
    --format`) when the spec names none."""
    if spec.format:
        return spec
    chosen = archive.reviews.forced_format(location)
    return dataclasses.replace(spec, format=chosen) if chosen else spec


def skip_hash(known: DocumentRow | None, spec: SourceSpec, follow: Follower | None) -> str | None:
    """The content hash a stored document must still have for reading it again to be
    skipped; None when it is to be read whatever it holds.

    Following links may add what an earlier plain read did not fetch: read again then (links
    already followed are reused from the archive, not fetched again)."""
    if known is None or spec.format not in (None, known.format) or follow is not None:
        return None
    return known.content_hash


def report_unchanged(
    archive: Archive,
    known: DocumentRow,
    now: datetime,
    etag: str | None = None,
    last_modified: str | None = None,
) -> DocReport:
    """The report of a document stored as `known` and read again as it was; new validators
    are recorded."""
    location = known.location
    report = DocReport(location=location, format=known.format)
    report.unchanged = len(set(archive.episodes.contributed_by(location)))
    if (etag, last_modified) != (known.etag, known.last_modified) and (etag or last_modified):
        with archive.transaction():
            archive.episodes.record_document(
                location, known.format, known.content_hash, now, etag, last_modified
            )
    return report


def read_episodes(
    doc: Document, spec: SourceSpec, as_of: datetime | None, now: datetime
) -> tuple[str, list[Episode], list[str]]:
    """(format, episodes, warnings) of one document; raises CastdigestError for bad input.
    Needs no archive: `read_ahead` runs it in worker processes."""
    ctx = ReadContext(
        as_of=as_of or doc.mtime or now,
        show=spec.show,
        tags=list(spec.tags),
        language=spec.language,
        limits=spec.limits,
    )
    fmt, episodes = read_document(doc, ctx, spec.format)
    return fmt, episodes, ctx.warnings


def store_read(
    archive: Archive,
    location: str,
    content_hash: str,
    fmt: str,
    episodes: list[Episode],
    warnings: list[str],
    now: datetime,
    follow: Follower | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    run: IngestRun | None = None,
) -> DocReport:
    """Follow the links of what was read (if asked), then store it; never raises for bad
    input (see report.error), only for the archive failing (ARCHIVE_ERRORS)."""
    run = _run_of(run, archive, None, now, follow)
    report = DocReport(location=location, format=fmt, warnings=warnings)
    doing = "following its links"
    try:
        if follow is not None:
            episodes = follow(episodes, report.warnings)
        doing = "storing"
        store_episodes(
            archive,
            location,
            content_hash,
            fmt,
            episodes,
            now,
            report,
            etag,
            last_modified,
            run.identity,
        )
    except ARCHIVE_ERRORS:
        raise
    except Exception as exc:
        report.fail(exc, doing)
    return report


def error_text(exc: CastdigestError, location: str) -> str:
    """A document's error for its report line, which names the document already."""
    if exc.where != location:
        return str(exc)
    return f"line {exc.line}: {exc.message}" if exc.line else exc.message


def failure_text(exc: Exception, location: str, doing: str) -> tuple[str, str | None]:
    """(error, detail) of a document that failed with `exc` while `doing`: what a
    CastdigestError says of the input, or for any other exception a short unexpected-error
    line and its traceback for the log."""
    if isinstance(exc, CastdigestError):
        return error_text(exc, location), None
    return f"unexpected error while {doing} ({summary(exc)})", traceback_text(exc)


def ingest_file(
    archive: Archive,
    path: Path,
    spec: SourceSpec,
    as_of: datetime | None,
    now: datetime,
    follow: Follower | None = None,
    run: IngestRun | None = None,
) -> DocReport:
    try:
        doc = load_file(path, spec.limits.max_document_bytes)
    except Exception as exc:
        return DocReport(location=str(path)).fail(exc, "reading")
    return ingest_document(archive, doc, spec, as_of, now, follow=follow, run=run)


def ingest_paths(
    archive: Archive,
    files: Iterable[Path],
    spec: SourceSpec,
    as_of: datetime | None = None,
    now: datetime | None = None,
    progress: Callable[[str], None] | None = None,
    follow: Follower | None = None,
    run: IngestRun | None = None,
) -> Iterator[DocReport]:
    now = now or datetime.now(UTC)
    run = _run_of(run, archive, as_of, now, follow)
    for path in files:
        if progress:
            progress(str(path))
        yield run.report(ingest_file(archive, path, spec, as_of, now, follow, run))


def ingest_url(
    archive: Archive,
    client: httpx.Client,
    url: str,
    spec: SourceSpec,
    as_of: datetime | None,
    now: datetime,
    max_bytes: int,
    follow: Follower | None = None,
    run: IngestRun | None = None,
) -> DocReport:
    """Fetch one URL (conditionally, from what the archive knows of it) and ingest it.

    Every failure becomes `report.error` naming the reason; nothing is stored for it.
    """
    spec = with_chosen_format(archive, url, spec)
    known = archive.episodes.document(url)
    if known and follow is not None and _links_to_follow(archive, url):
        known = None  # a plain read stored this: fetch it whole to follow its links now
    if known and spec.format not in (None, known.format):
        known = None  # stored as read by another reader: fetch it whole to read it again
    try:
        got = fetch(
            client,
            url,
            max_bytes,
            etag=known.etag if known else None,
            last_modified=known.last_modified if known else None,
        )
    except Exception as exc:
        return DocReport(location=url).fail(exc, "fetching")
    if got.not_modified and known:
        ids = set(archive.episodes.contributed_by(url))
        return DocReport(location=url, format=known.format, unchanged=len(ids))
    try:
        doc = _fetched_document(url, got, spec)
    except Exception as exc:
        return DocReport(location=url).fail(exc, "reading")
    return ingest_document(archive, doc, spec, as_of, now, got.etag, got.last_modified, follow, run)


def _fetched_document(url: str, got: Fetched, spec: SourceSpec) -> Document:
    if got.not_modified:
        raise FetchError("HTTP 304 Not Modified, but nothing of it is stored", where=url)
    doc = as_document(url, got)
    _check_readable(doc, spec)
    return doc


def _links_to_follow(archive: Archive, location: str) -> bool:
    """Whether an episode this document gave still lacks a transcript or chapters it links to."""
    for eid in dict.fromkeys(archive.episodes.contributed_by(location)):
        ep = archive.episodes.get(eid)
        if (ep.transcript is None and ep.transcript_links) or (
            not ep.chapters and ep.chapters_links
        ):
            return True
    return False


def _check_readable(doc: Document, spec: SourceSpec) -> None:
    """A fetched page that only the plain-text fallback would take is not a source: say so."""
    if spec.format or (doc.content_type or "text/plain") == "text/plain":
        return
    if choose(doc).name == "text":
        raise ReadError(
            f"not a feed, transcript or any format castdigest reads ({doc.content_type})",
            where=doc.location,
        )
