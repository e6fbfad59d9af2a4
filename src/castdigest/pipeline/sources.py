"""Ingesting what a run is given: `castdigest ingest` (its PATHs, or the configured sources)
and `castdigest weekly` (the configured sources) both come here.

A batch is inputs read with one `SourceSpec`: http(s) URLs, fetched conditionally one by one,
then files, folders and globs, read by `jobs` processes. Reports come in input order.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

from castdigest.config import Settings
from castdigest.pipeline.fetch import is_url
from castdigest.pipeline.ingest import (
    DocReport,
    IngestRun,
    SourceSpec,
    configured_spec,
    expand_paths,
    ingest_url,
    not_inputs,
)
from castdigest.pipeline.read_ahead import ingest_many

if TYPE_CHECKING:
    import httpx

Progress = Callable[[int], None]
# Given a total and a label ("Fetching", "Ingesting", "Sending"), a progress bar to tick.
Bar = Callable[[int, str], AbstractContextManager[Progress]]


@dataclass
class Batch:
    inputs: list[str]  # paths, folders, globs and http(s) URLs
    spec: SourceSpec


def configured_batches(settings: Settings) -> list[Batch]:
    """One batch per `[[sources]]` entry: its url, then its path."""
    batches = []
    for src in settings.sources:
        inputs = [src.url] if src.url else []
        inputs += [str(settings.resolve(src.path))] if src.path else []
        if inputs:
            batches.append(Batch(inputs, configured_spec(src, settings)))
    return batches


def fetches(batches: list[Batch]) -> bool:
    """Whether any input is a URL (an HTTP client is made only then)."""
    return any(is_url(p) for b in batches for p in b.inputs)


def ingest_batches(
    run: IngestRun,
    batches: list[Batch],
    client: httpx.Client | None,
    max_bytes: int,
    jobs: int = 1,
    bar: Bar | None = None,
) -> list[DocReport]:
    """Every batch into `run`'s archive; one report per document, or per input that names
    nothing readable."""
    reports: list[DocReport] = []
    for batch in batches:
        urls = [p for p in batch.inputs if is_url(p)]
        if urls and client is not None:
            with ticking(bar, len(urls), "Fetching") as tick:
                for url in urls:
                    reports.append(_fetch(run, client, url, batch.spec, max_bytes))
                    tick(1)
        paths = [p for p in batch.inputs if not is_url(p)]
        files, problems = expand_paths(paths, not_inputs(run.archive))
        reports += problems
        with ticking(bar, len(files), "Ingesting") as tick:
            reports += ingest_many(
                run.archive,
                files,
                batch.spec,
                run.as_of,
                run.now,
                jobs,
                run.follow,
                progress=lambda _path: tick(1),
                run=run,
            )
    return reports


def _fetch(
    run: IngestRun, client: httpx.Client, url: str, spec: SourceSpec, max_bytes: int
) -> DocReport:
    return ingest_url(
        run.archive, client, url, spec, run.as_of, run.now, max_bytes, run.follow, run
    )


def ticking(bar: Bar | None, total: int, label: str) -> AbstractContextManager[Progress]:
    """`bar`'s ticker for `total` units of work, or one that does nothing without a bar."""
    return bar(total, label) if bar else nullcontext(_untick)


def _untick(_n: int) -> None:
    pass
