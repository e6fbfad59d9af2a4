"""`topics`, `rank`, `pin`/`unpin`, `block`/`unblock`: what goes in this week, and why."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import click

from castdigest.archive.digests import BLOCK, PIN
from castdigest.archive.episodes import EpisodeFilter
from castdigest.cli.common import AppContext, as_of_option, db_option, errors, json_option
from castdigest.config import Settings
from castdigest.models import Ranked, dump_json
from castdigest.pipeline.build import Window, choose_window, select, timezone
from castdigest.rank import COMPONENTS, IN
from castdigest.topics import Classifier, load_topics, suggest

F = TypeVar("F", bound=Callable[..., Any])
DAY = click.DateTime(formats=["%Y-%m-%d"])


def window_options(func: F) -> F:
    """--week / --since / --until / --as-of, shared by topics, rank and build."""
    for option in reversed(
        [
            click.option("--week", metavar="YYYY-Www", help="An ISO week, e.g. 2026-W48."),
            click.option(
                "--since",
                type=DAY,
                metavar="DATE",
                help="First day of a custom window (2026-11-16).",
            ),
            click.option(
                "--until", type=DAY, metavar="DATE", help="Last day of a custom window, inclusive."
            ),
        ]
    ):
        func = option(func)
    return as_of_option(func)


def window_from(
    settings: Settings,
    week: str | None,
    since: datetime | None,
    until: datetime | None,
    as_of: datetime | None,
    digest_id: str | None = None,
) -> Window:
    """The window the options name, or a usage error (exit 2) saying what is wrong."""
    with errors():
        try:
            return choose_window(
                settings,
                week=week,
                since=since.date() if since else None,
                until=until.date() if until else None,
                as_of=as_of,
                digest_id=digest_id,
            )
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None


# --------------------------------------------------------------------------- topics


@click.group("topics", invoke_without_command=True)
@window_options
@db_option
@json_option
@click.pass_context
def topics_group(
    ctx: click.Context,
    week: str | None,
    since: datetime | None,
    until: datetime | None,
    as_of: datetime | None,
    db: str | None,
    as_json: bool,
) -> None:
    """List the topics with their episode counts in a window (default: this ISO week).

    `episodes` counts episodes whose primary topic it is, `mentions` those that have it as a
    primary or secondary topic. Topics come from [[topics]] in castdigest.toml; episodes that
    fit none go to the catch-all topic `other`.

    \b
    Example:
      castdigest topics --week 2026-W48
      castdigest topics suggest --since 2026-10-01 --until 2026-11-30
    """
    if ctx.invoked_subcommand is not None:
        return
    app: AppContext = ctx.obj
    settings = app.settings()
    window = window_from(settings, week, since, until, as_of)
    with app.archive(db) as archive, errors():
        start, end = window.bounds(timezone(settings))
        episodes = list(archive.episodes.list(EpisodeFilter(since=start, until=end)))
    with errors():
        topics = load_topics(settings.topics)
    classifier = Classifier(topics, settings.rank.topic_threshold, settings.rank.secondary_ratio)
    results, _ = classifier.classify(sorted(episodes, key=lambda e: e.id))
    rows = []
    for t in topics:
        rows.append(
            {
                "slug": t.slug,
                "name": t.name,
                "description": t.description,
                "tags": list(t.tags),
                "keywords": list(t.keywords),
                "episodes": sum(1 for r in results.values() if r.primary == t.slug),
                "mentions": sum(1 for r in results.values() if t.slug in r.topics),
            }
        )
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'SLUG':<22} {'EPISODES':>8} {'MENTIONS':>8}  NAME")
    for row in rows:
        click.echo(f"{row['slug']:<22} {row['episodes']:>8} {row['mentions']:>8}  {row['name']}")
    click.echo(f"{len(episodes)} episode(s) in {window.since} .. {window.until}", err=True)


@topics_group.command("suggest")
@window_options
@click.option("--min-episodes", default=2, show_default=True, type=click.IntRange(min=1))
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1))
@db_option
@json_option
@click.pass_obj
def suggest_cmd(
    app: AppContext,
    week: str | None,
    since: datetime | None,
    until: datetime | None,
    as_of: datetime | None,
    min_episodes: int,
    limit: int,
    db: str | None,
    as_json: bool,
) -> None:
    """Propose new topics: frequent tags, entities and distinctive terms no topic covers.

    Looks at the last 30 days before --as-of unless a window is given. Suggestions that would
    claim episodes now in the catch-all topic come first.

    \b
    Example:
      castdigest topics suggest --min-episodes 3
    """
    settings = app.settings()
    if week or since or until:
        window = window_from(settings, week, since, until, as_of)
    else:
        end = (as_of or datetime.now(UTC)).astimezone(timezone(settings)).date()
        window = Window("", end - timedelta(days=29), end)
    with app.archive(db) as archive, errors():
        start, stop = window.bounds(timezone(settings))
        episodes = sorted(
            archive.episodes.list(EpisodeFilter(since=start, until=stop)), key=lambda e: e.id
        )
    with errors():
        topics = load_topics(settings.topics)
    classifier = Classifier(topics, settings.rank.topic_threshold, settings.rank.secondary_ratio)
    found = suggest(episodes, classifier, min_episodes=min_episodes, limit=limit)
    if as_json:
        click.echo(json.dumps([s.__dict__ for s in found], ensure_ascii=False, indent=2))
        return
    for s in found:
        click.echo(f"{s.slug}  ({s.kind}, {s.episodes} episodes, {s.unclassified} in other)")
        for title in s.examples:
            click.echo(f"    {title}")
    click.echo(f"{len(found)} suggestion(s) from {len(episodes)} episode(s)", err=True)


# --------------------------------------------------------------------------- rank

_SHORT = {
    "recency": "REC",
    "topic": "TOP",
    "richness": "RICH",
    "length": "LEN",
    "source": "SRC",
    "novelty": "NOV",
}


LEGEND = (
    "Legend: TOTAL = REC + TOP + RICH + LEN + SRC + NOV (each weighted): REC recency, "
    "TOP topic fit, RICH richness of material, LEN length (trailers and clips score low), "
    "SRC show and source weight, NOV novelty against recent digests"
)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def explain_table(rows: list[Ranked]) -> str:
    head = f"{'DECISION':<17} {'TOTAL':>6} " + " ".join(f"{_SHORT[c]:>5}" for c in COMPONENTS)
    out = [head + f"  {'TOPIC':<18} {'ID':<12}  TITLE — WHY"]
    for r in rows:
        parts = " ".join(f"{r.components.get(c, 0.0):>5.2f}" for c in COMPONENTS)
        out.append(
            f"{r.decision.value:<17} {r.score:>6.2f} {parts}  {r.primary_topic[:18]:<18}"
            f" {r.id[:12]:<12}  {_cut(r.title, 48)} — {r.reason}"
        )
    out.append(LEGEND)
    return "\n".join(out)


@click.command("rank")
@window_options
@click.option("--explain", is_flag=True, help="Every candidate, each component, and why.")
@db_option
@json_option
@click.pass_obj
def rank_cmd(
    app: AppContext,
    week: str | None,
    since: datetime | None,
    until: datetime | None,
    as_of: datetime | None,
    explain: bool,
    db: str | None,
    as_json: bool,
) -> None:
    """Rank a window's episodes (default: this ISO week) as `build` would, without storing.

    Without --explain, prints the episodes that would go in, in rank order. --explain prints
    every candidate with each weighted component (recency, topic, richness, length, source,
    novelty), the total, the decision and why (pinned, over a limit, blocked, already sent,
    near-duplicate, below threshold), then a line saying what each column means. When the
    per-show or per-topic caps would leave slots empty, they give way in rank order and the
    episode says so ("slot left empty by max_per_show (3), filled in rank order"; in --json,
    `"relaxed": "max_per_show"`). --json prints the same as a JSON array.

    \b
    Example:
      castdigest rank --explain
      castdigest rank --week 2026-W48 --json | jq '.[] | select(.decision == "kept") | .id'
    """
    settings = app.settings()
    window = window_from(settings, week, since, until, as_of)
    with app.archive(db) as archive, errors():
        sel = select(archive, settings, window)
    for note in sel.warnings:
        click.echo(f"warning: {note}", err=True)
    if as_json:
        click.echo(dump_json(sel.ranked))
        return
    chosen = [r for r in sel.ranked if r.decision in IN]
    if explain:
        click.echo(explain_table(sel.ranked))
    else:
        for n, r in enumerate(chosen, start=1):
            pin = " (pinned)" if r.decision.value == "pinned" else ""
            click.echo(f"{n:>3}. {r.score:>5.2f}  {r.primary_topic:<18} {r.id}  {r.title}{pin}")
    click.echo(f"{window.id}: {len(sel.ranked)} candidate(s), {len(chosen)} in", err=True)


# --------------------------------------------------------------------------- overrides


_DONE = {PIN: "pinned", BLOCK: "blocked"}


def _override(app: AppContext, db: str | None, ref: str, action: str, undo: bool) -> str:
    with app.writing(db) as archive, errors():
        episode_id = archive.episodes.resolve(ref)
        if undo:
            removed = archive.digests.clear_override(episode_id, action)
            return f"{episode_id}: {'no longer' if removed else 'was not'} {_DONE[action]}"
        before = archive.digests.overrides().get(episode_id)
        archive.digests.set_override(episode_id, action, datetime.now(UTC))
        was = f" (was {_DONE[before]})" if before and before != action else ""
        sent = archive.digests.sent_episodes().get(episode_id) if action == PIN else None
        if sent:
            was += f"; already sent in {sent}, so it will not come back"
        return f"{episode_id}: {_DONE[action]}{was}"


def _override_command(name: str, action: str, undo: bool, doc: str) -> click.Command:
    @click.command(name, help=doc)
    @click.argument("episode_ids", nargs=-1, required=True)
    @db_option
    @click.pass_obj
    def command(app: AppContext, episode_ids: tuple[str, ...], db: str | None) -> None:
        for ref in episode_ids:
            click.echo(_override(app, db, ref, action, undo))

    return command


pin_cmd = _override_command(
    "pin",
    PIN,
    False,
    """Always put an episode in the coming digest (an id or a unique prefix of one).

    The pin is stored in the archive (config `rank.pins` works too). A pinned episode goes in
    even past the limits or from outside the week, unless it was already sent.

    \b
    Example:
      castdigest pin 3f2a9c
    """,
)
unpin_cmd = _override_command(
    "unpin",
    PIN,
    True,
    """Remove an episode's pin.

    \b
    Example:
      castdigest unpin 3f2a9c
    """,
)
block_cmd = _override_command(
    "block",
    BLOCK,
    False,
    """Never put an episode in a digest (an id or a unique prefix of one).

    The block is stored in the archive (config `rank.blocks` works too); it replaces a pin.

    \b
    Example:
      castdigest block 3f2a9c
    """,
)
unblock_cmd = _override_command(
    "unblock",
    BLOCK,
    True,
    """Remove an episode's block.

    \b
    Example:
      castdigest unblock 3f2a9c
    """,
)
