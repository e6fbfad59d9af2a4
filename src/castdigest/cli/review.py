"""`review` and `approve`: the episodes whose read is doubtful, and the editor's word on them."""

from __future__ import annotations

from datetime import UTC, datetime

import click

from castdigest.cli.common import AppContext, db_option, json_option
from castdigest.errors import CastdigestError
from castdigest.models import Episode, dump_json
from castdigest.pipeline.review import Approval, approve
from castdigest.readers.registry import formats


@click.command("review")
@db_option
@json_option
@click.pass_obj
def review_cmd(app: AppContext, db: str | None, as_json: bool) -> None:
    """List the episodes whose read is doubtful and that wait for the editor's look.

    A reader that is not sure of its read (a title that looks like page chrome, the file
    name used as the title, a format guessed by elimination...) says why; the episode is
    stored, and `build` leaves it out until it is approved or pinned. Prints each episode's
    id, title, source document and reasons. Then, for each: `castdigest approve ID` when the
    read is right, with `--title` to correct the title, or with `--format` to read its
    document again with another reader.

    \b
    Example:
      castdigest review
      castdigest approve 3f2a9c --title "Scaling laws, revisited"
      castdigest approve 9b1d07 --format listing
    """
    with app.archive(db) as archive:
        pending = list(archive.reviews.pending())
    if as_json:
        click.echo(dump_json([_entry(ep) for ep in pending]))
        return
    for ep in pending:
        click.echo(f"{ep.id}  {ep.title}")
        for ref in ep.sources:
            line = f":{ref.line}" if ref.line else ""
            click.echo(f"    {ref.location}{line} ({ref.format})")
        for reason in ep.review_reasons:
            click.echo(f"    - {reason}")
    click.echo(
        f"{len(pending)} episode(s) need review"
        + ("; `castdigest approve ID` (--title, --format) when checked" if pending else ""),
        err=True,
    )


def _entry(ep: Episode) -> dict[str, object]:
    return {
        "id": ep.id,
        "title": ep.title,
        "sources": [
            {"location": s.location, "format": s.format, "line": s.line} for s in ep.sources
        ],
        "needs_review": True,
        "review_reasons": list(ep.review_reasons),
    }


@click.command("approve")
@click.argument("episode_ids", nargs=-1, required=True)
@click.option("--title", help="The right title (for one ID); implies approval.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats()),
    help="Read the episode's document again with this reader, replacing the doubtful read; "
    "the document keeps it on later ingests.",
)
@db_option
@click.pass_obj
def approve_cmd(
    app: AppContext,
    episode_ids: tuple[str, ...],
    title: str | None,
    fmt: str | None,
    db: str | None,
) -> None:
    """Approve doubtful reads (ids or unique prefixes), correcting them if need be.

    An approved episode goes into digests like any other. The approval, the title and the
    reader chosen are kept in the archive: ingesting the same documents again undoes none of
    them (a document that changes and is doubtful again needs a new look). With --format, the
    episode's document is read again (from its file or URL, as it was named when ingested)
    and what it now gives is approved. Exit 1 if an id is unknown or a document cannot be
    read again; the other ids are still approved.

    \b
    Example:
      castdigest approve 3f2a9c 9b1d07
      castdigest approve 3f2a9c --title "Scaling laws, revisited"
      castdigest approve 9b1d07 --format listing
    """
    if title is not None and not " ".join(title.split()):
        raise click.BadParameter("the title is empty", param_hint="--title")
    if title is not None and len(episode_ids) > 1:
        raise click.UsageError("--title corrects one episode: give one ID with it")
    settings = app.settings()
    failed = False
    with app.writing(db) as archive:
        for ref in episode_ids:
            try:
                done = approve(
                    archive,
                    settings,
                    ref,
                    datetime.now(UTC),
                    title=" ".join(title.split()) if title else None,
                    fmt=fmt,
                )
            except CastdigestError as exc:
                failed = True
                hint = f" ({exc.hint})" if exc.hint else ""
                click.echo(f"{exc}{hint}", err=True)
                continue
            _print_approval(done)
    if failed:
        raise SystemExit(1)


def _print_approval(done: Approval) -> None:
    for r in done.rereads:
        click.echo(f"{r.location}: read again as {r.format}: {len(r.episodes)} episode(s)")
    note = "" if done.was_doubtful or done.rereads else " (it did not need review)"
    for ep in done.approved:
        click.echo(f'{ep.id}: approved "{ep.title}"{note}')
