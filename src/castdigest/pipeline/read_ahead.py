"""Ingest files with their reading done in worker processes (`castdigest ingest --jobs N`).

Reading a document needs no archive and is most of an ingest's time; storing must stay in one
process, one transaction per document, in the order the files were named. So N workers read
the files ahead while this process stores each reading as it comes, in file order: the archive
ends exactly as a one-process run leaves it (the same ids, merges and reports), only sooner on
a machine with cores to spare.

A bounded number of files is in flight (two per worker), so memory does not grow with the
number of files when reading outpaces storing.

Whatever a reader raises in a worker comes back as text (an exception may not pickle): the
file's report says what went wrong, and the pool and the run go on.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.context import BaseContext
from pathlib import Path

from castdigest.archive import Archive
from castdigest.archive.episodes import DocumentRow
from castdigest.models import Episode
from castdigest.pipeline.ingest import (
    DocReport,
    Follower,
    IngestRun,
    SourceSpec,
    batch_collection,
    failure_text,
    ingest_paths,
    read_episodes,
    report_unchanged,
    skip_hash,
    store_read,
    with_chosen_format,
)
from castdigest.readers.registry import load_file

_IN_FLIGHT_PER_JOB = 2


@dataclass
class _Task:
    path: Path
    spec: SourceSpec
    as_of: datetime | None
    now: datetime
    known_hash: str | None  # the stored document's hash, when reading it again may be skipped


@dataclass
class _Reading:
    """What a worker sends back: a document read, or why it was not."""

    location: str
    content_hash: str = ""
    format: str = ""
    episodes: list[Episode] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    unchanged: bool = False
    detail: str | None = None  # an unexpected error's traceback, as text


def _read(task: _Task) -> _Reading:
    """Load and read one file (in a worker): never raises, whatever the reader does."""
    location = str(task.path)
    try:
        return _read_file(task)
    except Exception as exc:
        error, detail = failure_text(exc, location, "reading")
        return _Reading(location, error=error, detail=detail)


def _read_file(task: _Task) -> _Reading:
    doc = load_file(task.path, task.spec.limits.max_document_bytes)
    if task.known_hash == doc.content_hash:
        return _Reading(doc.location, doc.content_hash, unchanged=True)
    fmt, episodes, warnings = read_episodes(doc, task.spec, task.as_of, task.now)
    return _Reading(doc.location, doc.content_hash, fmt, episodes, warnings)


def _start_worker() -> None:
    # A worker lives for the run, reading page after page: it collects garbage as an ingest
    # run does, until it exits (the context is never left).
    batch_collection().__enter__()


def cores() -> int:
    """The cores this process may run on (a container's share, where the OS tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _context() -> BaseContext:
    """fork on Linux: a worker starts at once with the readers imported, and touches nothing
    it inherits but them (not the open archive; ingest runs no threads to copy mid-work).
    Elsewhere spawn, as fork is unsafe on macOS."""
    return multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")


def ingest_many(
    archive: Archive,
    files: list[Path],
    spec: SourceSpec,
    as_of: datetime | None,
    now: datetime,
    jobs: int,
    follow: Follower | None = None,
    progress: Callable[[str], None] | None = None,
    run: IngestRun | None = None,
) -> Iterator[DocReport]:
    """`ingest_files` with `jobs` readers (0: one per core), or `ingest_paths` in this process
    when one reader is all there is to use (one job, one core, or one file)."""
    workers = min(jobs or cores(), len(files))
    if workers > 1:
        return ingest_files(archive, files, spec, as_of, now, workers, follow, progress, run=run)
    return ingest_paths(archive, files, spec, as_of, now, progress, follow, run)


def ingest_files(
    archive: Archive,
    files: Iterable[Path],
    spec: SourceSpec,
    as_of: datetime | None,
    now: datetime,
    jobs: int,
    follow: Follower | None = None,
    progress: Callable[[str], None] | None = None,
    read: Callable[[_Task], _Reading] | None = None,
    run: IngestRun | None = None,
) -> Iterator[DocReport]:
    """`ingest_paths` with `jobs` reading processes; one report per file, in file order.

    Should a reading process die (killed, out of memory), every file not stored yet is read
    in this process instead, and the first one's report warns of it. `read` replaces the
    worker's function (a module-level one: it is pickled)."""
    # Each file handed out, with what the archive held of it then, and its reading to come.
    pending: deque[tuple[Path, DocumentRow | None, Future[_Reading]]] = deque()
    run = run if run is not None else IngestRun(archive, as_of, now, follow)
    todo = iter(files)
    with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_start_worker) as pool:

        def submit() -> None:
            path = next(todo, None)
            if path is None:
                return
            known = archive.episodes.document(str(path))
            chosen = with_chosen_format(archive, str(path), spec)
            skip = skip_hash(known, chosen, follow)
            future: Future[_Reading]
            try:
                future = pool.submit(read or _read, _Task(path, chosen, as_of, now, skip))
            except BrokenProcessPool as exc:  # a reader died since the last file was handed out
                future = Future()
                future.set_exception(exc)
            pending.append((path, known, future))

        try:
            for _ in range(jobs * _IN_FLIGHT_PER_JOB):
                submit()
            while pending:
                path, known, future = pending.popleft()
                try:
                    reading = future.result()
                except BrokenProcessPool:
                    rest = [path, *(p for p, _, _ in pending), *todo]
                    reports = ingest_paths(archive, rest, spec, as_of, now, progress, follow, run)
                    first = next(reports)
                    first.warnings.insert(0, _DIED)
                    yield first
                    yield from reports
                    return
                except Exception as exc:  # the reading did not come back (would not pickle?)
                    reading = _Reading(str(path))
                    reading.error, reading.detail = failure_text(exc, str(path), "reading")
                submit()
                if progress:
                    progress(str(path))
                yield run.report(_store_reading(run, reading, known))
        finally:
            pool.shutdown(cancel_futures=True)


_DIED = (
    "a reading process stopped unexpectedly (killed, or out of memory?): this file and the "
    "ones after it were read by the main process"
)


def _store_reading(run: IngestRun, reading: _Reading, known: DocumentRow | None) -> DocReport:
    if reading.unchanged and known is not None:
        return report_unchanged(run.archive, known, run.now)
    if reading.error is not None:
        return DocReport(location=reading.location, error=reading.error, detail=reading.detail)
    return store_read(
        run.archive,
        reading.location,
        reading.content_hash,
        reading.format,
        reading.episodes,
        reading.warnings,
        run.now,
        run.follow,
        run=run,
    )
