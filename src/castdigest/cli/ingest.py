"""`ingest`, `episodes`, `show`: getting episodes into the archive and looking at them."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime

import click

from castdigest.archive.episodes import EpisodeFilter
from castdigest.cli.common import (
    DATETIME,
    AppContext,
    as_of_option,
    db_option,
    errors,
    jobs_option,
    json_option,
    progress_bar,
)
from castdigest.models import Episode, dump_json
from castdigest.pipeline.fetch import make_client
from castdigest.pipeline.follow import make_follower
from castdigest.pipeline.ingest import (
    DocReport,
    IngestRun,
    SourceSpec,
    batch_collection,
    read_limits,
)
from castdigest.pipeline.sources import Batch, configured_batches, fetches, ingest_batches
from castdigest.readers.registry import formats
from castdigest.text.durations import format_duration


@click.command("ingest")
@click.argument("paths", nargs=-1)
@db_option
@as_of_option
@click.option("--format", "fmt", type=click.Choice(formats()), help="Force a reader.")
@click.option("--show", help="Show name for episodes that lack one.")
@click.option("--tag", "tags", multiple=True, help="Tag added to every episode (repeatable).")
@click.option("--language", help="Language for episodes that lack one (BCP 47).")
@click.option(
    "--follow-transcripts",
    is_flag=True,
    help="Also fetch the transcripts and chapters that feed items link to.",
)
@jobs_option
@json_option
@click.pass_obj
def ingest_cmd(
    app: AppContext,
    paths: tuple[str, ...],
    db: str | None,
    as_of: datetime | None,
    fmt: str | None,
    show: str | None,
    tags: tuple[str, ...],
    language: str | None,
    follow_transcripts: bool,
    jobs: int,
    as_json: bool,
) -> None:
    """Read files, folders, globs or http(s) URLs into the archive.

    With no PATH, re-reads every source configured in castdigest.toml ([[sources]] with a
    path or a url). URLs are fetched with conditional requests: a feed that has not changed
    since the last run costs one request. Prints one line per document (episodes new /
    updated / unchanged, or why it failed). A document that fails leaves nothing of itself
    in the archive and never stops the others; the traceback of an unexpected error goes to
    castdigest.log beside the archive (`castdigest --debug ingest` prints it). A doubtful read
    (a title that may be page chrome or the file name, a format guessed by elimination) is
    stored and said in a line `FILE: warning: REASON`; `castdigest review` lists those waiting
    for the editor, and `build` leaves them out until approved. Exit 1 if any failed, was read
    with a warning (a damaged part dropped or replaced) or was read with doubt.

    \b
    Example:
      castdigest ingest inbox/ 'saved/*.txt' --as-of 2026-11-24
      castdigest ingest --jobs 0 backlog/         # read on every core
      castdigest ingest https://example.org/feed.xml --follow-transcripts
    """
    settings = app.settings()
    if paths:
        spec = SourceSpec(
            show=show, tags=list(tags), language=language, format=fmt, limits=read_limits(settings)
        )
        batches = [Batch(list(paths), spec)]
    else:
        batches = configured_batches(settings)
        if not batches:
            raise click.UsageError("no PATH given and no [[sources]] in the config")
    # A run as of a time is that run replayed: an undated episode is first seen then too,
    # which is what dates it in the archive's windows.
    now = as_of or datetime.now(UTC)
    # An HTTP client loads the system's certificates: made only when there is a URL to fetch.
    fetching = follow_transcripts or fetches(batches)
    client_made = make_client(settings.http) if fetching else nullcontext(None)
    with app.writing(db) as archive, client_made as client, batch_collection():
        follow = (
            make_follower(archive, client, settings.http.max_bytes)
            if follow_transcripts and client is not None
            else None
        )
        run = IngestRun(archive, as_of, now, follow)

        def bar(total: int, label: str) -> AbstractContextManager[Callable[[int], None]]:
            return progress_bar(total, label, as_json)

        reports = ingest_batches(run, batches, client, settings.http.max_bytes, jobs, bar)
    _print_reports(reports, as_json)
    app.keep_details(reports)
    if any(r.flawed for r in reports):
        raise SystemExit(1)


def _print_reports(reports: list[DocReport], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in reports], ensure_ascii=False, indent=2))
        return
    for r in reports:
        print_notes(r)
        if r.failed:
            click.echo(f"{r.location}: failed: {r.error}", err=True)
        else:
            counts = f"{r.new} new, {r.updated} updated, {r.unchanged} unchanged"
            click.echo(f"{r.location}: {counts} ({r.format})")
    ok = [r for r in reports if not r.failed]
    doubtful = sum(len(r.doubts) for r in ok)
    review = f"; {doubtful} need review (`castdigest review`)" if doubtful else ""
    click.echo(
        f"{len(reports)} document(s): {len(ok)} read, {len(reports) - len(ok)} failed; "
        f"episodes {sum(r.new for r in ok)} new, {sum(r.updated for r in ok)} updated, "
        f"{sum(r.unchanged for r in ok)} unchanged{review}"
    )


def print_notes(report: DocReport) -> None:
    """A document's warnings and doubtful episodes, one `LOCATION: warning: ...` line each
    (as a failure is `LOCATION: failed: ...`)."""
    notes = [*report.warnings, *(d.text() for d in report.doubts)]
    for note in dict.fromkeys(notes):  # a flaw met twice is said once
        click.echo(f"{report.location}: warning: {note}", err=True)


@click.command("episodes")
@db_option
@click.option("--lang", help="Only this language (en, fr, zh ...).")
@click.option("--tag", help="Only episodes with this tag.")
@click.option("--show", help="Only this show.")
@click.option("--since", type=DATETIME, help="Published (or first seen) on or after.")
@click.option("--until", type=DATETIME, help="Published (or first seen) before.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many.")
@json_option
@click.pass_obj
def episodes_cmd(
    app: AppContext,
    db: str | None,
    lang: str | None,
    tag: str | None,
    show: str | None,
    since: datetime | None,
    until: datetime | None,
    limit: int | None,
    as_json: bool,
) -> None:
    """List episodes in the archive, newest first.

    \b
    Example:
      castdigest episodes --lang fr --since 2026-11-01
      castdigest episodes --json > export.json     # re-importable with `ingest`
    """
    flt = EpisodeFilter(since=since, until=until, language=lang, tag=tag, show=show, limit=limit)
    with app.archive(db) as archive:
        listed = [(ep, archive.reviews.needs_review(ep)) for ep in archive.episodes.list(flt)]
    if as_json:
        click.echo(dump_json([with_review(ep, needs) for ep, needs in listed]))
        return
    for ep, needs in listed:
        # the day its source gives; the day it was read is not the day it came out
        day = ep.published.date().isoformat() if ep.published else "undated   "
        mark = "  [needs review]" if needs else ""
        click.echo(
            f"{ep.id}  {day}  {ep.language or '--':<5} {(ep.show or '-')[:20]:<20}  {ep.title}"
            + mark
        )
    click.echo(f"{len(listed)} episode(s)", err=True)


def with_review(ep: Episode, needs_review: bool) -> dict[str, object]:
    """The episode as JSON, with `needs_review`: doubtful and not approved by the editor."""
    return {**ep.model_dump(mode="json"), "needs_review": needs_review}


@click.command("show")
@click.argument("episode_id")
@db_option
@json_option
@click.pass_obj
def show_cmd(app: AppContext, episode_id: str, db: str | None, as_json: bool) -> None:
    """Print one episode (an id or a unique prefix of one).

    \b
    Example:
      castdigest show 3f2a9c
    """
    with app.archive(db) as archive, errors():
        ep = archive.episodes.get(episode_id)
        needs = archive.reviews.needs_review(ep)
    click.echo(dump_json(with_review(ep, needs)) if as_json else describe(ep, needs))


def describe(ep: Episode, needs_review: bool = False) -> str:
    """A readable multi-line view of an episode."""
    out = [f"{ep.kind + ' ' if ep.kind else ''}{ep.title}", f"  id: {ep.id}"]
    approved = " (approved)" if ep.review_reasons and not needs_review else ""
    out.append(f"  needs_review: {'yes' if needs_review else 'no'}{approved}")
    out += [f"  review_reason: {reason}" for reason in ep.review_reasons]
    pairs = [
        ("show", ep.show),
        ("hosts", ", ".join(p.name for p in ep.hosts)),
        (
            "guests",
            ", ".join(p.name + (f" ({p.affiliation})" if p.affiliation else "") for p in ep.guests),
        ),
        ("published", ep.published.isoformat() if ep.published else None),
        ("as written", ep.published_text),
        ("duration", format_duration(ep.duration)),
        ("language", ep.language),
        ("captions", ", ".join(ep.caption_languages)),
        ("url", ep.url),
        ("tags", " ".join("#" + t for t in ep.tags)),
    ]
    out += [f"  {k}: {v}" for k, v in pairs if v]
    if ep.abstract:
        out += ["", ep.abstract]
    if ep.takeaways:
        out += ["", "Takeaways:"] + [f"  - {t}" for t in ep.takeaways]
    if ep.chapters:
        out += ["", f"Chapters ({len(ep.chapters)}):"]
        out += [f"  [{format_duration(c.start) or '--'}] {c.title}" for c in ep.chapters]
    if ep.quotes:
        out += ["", "Quotes:"]
        for q in ep.quotes:
            who = f" — {q.speaker}" if q.speaker else ""
            at = f" [{format_duration(q.offset)}]" if q.offset is not None else ""
            out.append(f"  “{q.text}”{who}{at}")
    if ep.entities:
        out += ["", "Entities:"] + [f"  {e.name} ({e.kind})" for e in ep.entities]
    if ep.transcript:
        words = len(ep.transcript.text.split())
        out += ["", f"Transcript: {words} words, {len(ep.transcript.segments)} segments"]
    out += ["", "Sources:"] + [
        f"  {s.location}" + (f":{s.line}" if s.line else "") + f" ({s.format})" for s in ep.sources
    ]
    return "\n".join(out)
