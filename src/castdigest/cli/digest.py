"""`build` and `digest list/show`: store the week's digest in the archive and look at it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path

import click

from castdigest.cli.common import (
    AppContext,
    db_option,
    digest_id_value,
    errors,
    json_option,
    progress_items,
)
from castdigest.cli.rank import window_from, window_options
from castdigest.models import Digest, Episode, dump_json
from castdigest.pipeline.build import build, held_entry
from castdigest.pipeline.publish import publish_from_archive
from castdigest.text.durations import format_duration


def _progress(episodes: Sequence[Episode]) -> Iterable[Episode]:
    def bar() -> Iterator[Episode]:
        with progress_items(episodes, "Condensing", quiet=False) as items:
            yield from items

    return bar()


def _read_intro(path: str | None) -> str | None:
    if path is None:
        return None
    try:
        return Path(path).read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError) as exc:
        raise click.BadParameter(f"{path}: cannot read ({exc})", param_hint="--intro") from None


@click.command("build")
@window_options
@click.option(
    "--id",
    "digest_id",
    callback=digest_id_value,
    help="Store under this id (default: the week, or since--until): lowercase letters, digits "
    "and dashes.",
)
@click.option(
    "--intro",
    type=click.Path(dir_okay=False),
    help="Editor's note in Markdown, shown above the items (kept on rebuilds).",
)
@click.option("--no-intro", is_flag=True, help="Drop the editor's note of an earlier build.")
@db_option
@json_option
@click.pass_obj
def build_cmd(
    app: AppContext,
    week: str | None,
    since: datetime | None,
    until: datetime | None,
    as_of: datetime | None,
    digest_id: str | None,
    intro: str | None,
    no_intro: bool,
    db: str | None,
    as_json: bool,
) -> None:
    """Build the digest of a window and store it in the archive; print its id.

    The window is --week, or --since/--until (both days inclusive; id `<since>--<until>`), or
    by default the ISO week containing --as-of (default: now). Selects the window's episodes,
    classifies and ranks them (see `castdigest rank --explain`), condenses the chosen ones
    (reusing cached results), and stores the digest as a draft. Rebuilding updates the draft;
    a digest that has been sent is frozen and is not rebuilt (exit 1). Episodes whose read is
    doubtful are left out, and named, until approved or pinned (see `castdigest review`).

    \b
    Example:
      castdigest build --week 2026-W48 --intro note.md
      castdigest build --since 2026-11-01 --until 2026-11-30 --id november
    """
    settings = app.settings()
    window = window_from(settings, week, since, until, as_of, digest_id)
    note = _read_intro(intro)
    with app.writing(db) as archive, errors():
        result = build(
            archive,
            settings,
            window,
            as_of=as_of,
            intro=note,
            keep_intro=not no_intro,
            progress=None if as_json else _progress,
        )
        out_dir = settings.resolve(settings.out_dir)
        published = publish_from_archive(archive, settings, result.digest.id, out_dir)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    digest = result.digest
    if not digest.sections:
        click.echo(
            f"warning: no episodes in {digest.since} .. {digest.until}; the digest is empty"
            " (see `castdigest episodes --since`)",
            err=True,
        )
    if as_json:
        summary = {
            "id": digest.id,
            "status": result.status,
            "since": digest.since.isoformat(),
            "until": digest.until.isoformat(),
            "items": len(digest.items()),
            "sections": {s.topic: len(s.items) for s in digest.sections},
            "condensed": result.condensed,
            "cached": result.cached,
            "warnings": result.warnings,
            "needs_review": [held_entry(ep) for ep in result.held],
        }
        if settings.condense.method == "llm":
            summary["llm"] = result.llm
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        click.echo(digest.id)
        click.echo(
            f"{result.status}: {len(digest.items())} episode(s) in {len(digest.sections)}"
            f" topic(s), {digest.since} .. {digest.until}; condensed {result.condensed},"
            f" cached {result.cached}",
            err=True,
        )
        for line in result.llm_lines:
            click.echo(f"llm: {line}", err=True)
    for line in published.lines():  # out/: email, web version, feeds
        click.echo(line, err=True)
    if any("could not condense" in w for w in result.warnings):
        raise SystemExit(1)


# --------------------------------------------------------------------------- digest


@click.group("digest")
def digest_group() -> None:
    """Look at stored digests.

    \b
    Example:
      castdigest digest list
      castdigest digest show 2026-W48 --json
    """


@digest_group.command("list")
@db_option
@json_option
@click.pass_obj
def list_cmd(app: AppContext, db: str | None, as_json: bool) -> None:
    """List stored digests, newest window first.

    \b
    Example:
      castdigest digest list --json
    """
    with app.archive(db) as archive:
        rows = archive.digests.list()
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
        return
    for r in rows:
        sent = f"  sent {r.sent_at}" if r.sent_at else ""
        click.echo(
            f"{r.id:<24} {r.since} .. {r.until}  {r.status.value:<7} {r.items:>3} item(s){sent}"
        )
    click.echo(f"{len(rows)} digest(s)", err=True)


@digest_group.command("show")
@click.argument("digest_id", callback=digest_id_value)
@db_option
@json_option
@click.pass_obj
def show_cmd(app: AppContext, digest_id: str, db: str | None, as_json: bool) -> None:
    """Print a stored digest: sections, items, scores and condensed text.

    \b
    Example:
      castdigest digest show 2026-W48
    """
    with app.archive(db) as archive, errors():
        digest = archive.digests.get(digest_id)
    click.echo(dump_json(digest) if as_json else describe(digest))


def describe(digest: Digest) -> str:
    """A readable view of a digest, for the terminal."""
    out = [
        f"{digest.id}  {digest.since} .. {digest.until}  ({digest.status.value},"
        f" built {digest.built_at.isoformat()}, config {digest.config_hash})"
    ]
    if digest.intro:
        out += ["", digest.intro]
    for section in digest.sections:
        out += ["", f"## {section.name} ({section.topic})"]
        for item in section.items:
            facts = [item.show or "", format_duration(item.duration), item.language or ""]
            out.append(f"{item.rank}. {item.title}  [{item.episode_id}, score {item.score:.2f}]")
            line = " · ".join(f for f in facts if f)
            if line:
                out.append(f"   {line}")
            if item.condensed.blurb:
                out.append(f"   {item.condensed.blurb}")
            out += [f"   - {t.text}" for t in item.condensed.takeaways]
            for q in item.condensed.quotes:
                who = f" — {q.speaker}" if q.speaker else ""
                out.append(f"   > “{q.text}”{who}")
    if not digest.sections:
        out += ["", "(no episodes)"]
    return "\n".join(out)
