"""`condense`: key takeaways and quotes of episodes, from files or from the archive."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from castdigest.archive import Archive
from castdigest.cli.common import (
    AppContext,
    as_of_option,
    db_option,
    json_option,
    progress_items,
)
from castdigest.condense import condense_episode
from castdigest.errors import ArchiveError, CastdigestError, ReadError
from castdigest.models import Condensed, Episode
from castdigest.readers.registry import formats, read_path
from castdigest.text.durations import format_duration

if TYPE_CHECKING:
    from castdigest.llm.condense import LLMCondenser

_QUOTE_KEYS = ("text", "speaker", "offset", "link")


@click.command("condense")
@click.argument("refs", metavar="PATH_OR_ID...", nargs=-1, required=True)
@db_option
@as_of_option
@click.option(
    "--max-words",
    type=click.IntRange(min=1),
    help="Total words over all takeaways (CJK: characters / 2); filled with as many as fit.",
)
@click.option("--takeaways", type=click.IntRange(1, 50), help="Takeaways per episode at most.")
@click.option("--quotes", type=click.IntRange(0, 10), help="Quotes per episode at most.")
@click.option("--format", "fmt", type=click.Choice(formats()), help="Force a reader for files.")
@click.option(
    "--method",
    type=click.Choice(["extractive", "llm"]),
    help="Condenser; default [condense] method. llm uses the [llm] endpoint, verified.",
)
@json_option
@click.pass_obj
def condense_cmd(
    app: AppContext,
    refs: tuple[str, ...],
    db: str | None,
    as_of: datetime | None,
    max_words: int | None,
    takeaways: int | None,
    quotes: int | None,
    fmt: str | None,
    method: str | None,
    as_json: bool,
) -> None:
    """Condense episodes into key takeaways, quotes and a one-line blurb.

    Each PATH_OR_ID is a file any reader accepts (read on its own, the archive untouched; a
    listing page gives one result per episode), or the id (or unique prefix) of an archived
    episode. Exit 1 if any of them could not be read or found; the others are still printed.

    \b
    Example:
      castdigest condense saved/episode.txt --max-words 120
      castdigest condense 3f2a9c --takeaways 3 --json
      castdigest condense saved/episode.vtt --method llm
    """
    settings = app.settings().condense
    model = _model_condenser(app) if (method or settings.method) == "llm" else None
    if quotes is not None:
        settings = settings.model_copy(update={"quotes": quotes})
    failed = False
    results: list[Condensed] = []
    with ExitStack() as stack:
        archive: list[Archive] = []

        def open_archive() -> Archive:
            if not archive:
                conf = app.settings()
                path = Path(db or conf.resolve(conf.archive))
                if not path.is_file():  # an id needs an archive; never create one here
                    raise ArchiveError(
                        "no archive to look episode ids up in",
                        where=str(path),
                        hint="run `castdigest ingest` first, or give --db",
                    )
                archive.append(stack.enter_context(app.archive(str(path))))
            return archive[0]

        items = stack.enter_context(progress_items(list(refs), "Condensing", as_json))
        for ref in items:
            try:
                for episode in _episodes(ref, open_archive, as_of, fmt):
                    results.append(
                        condense_episode(
                            episode,
                            settings,
                            max_words=max_words,
                            takeaways=takeaways,
                            condenser=model,
                        )
                    )
            except CastdigestError as exc:
                failed = True
                click.echo(
                    f"Error: {exc}" + (f"\n  hint: {exc.hint}" if exc.hint else ""), err=True
                )
    reports = model.reports if model is not None else []
    for report in reports:
        if report.fallback:
            click.echo(f"warning: {report.episode_id}: condensed extractively", err=True)
        click.echo(f"llm: {report.line()}", err=True)
    if as_json:
        out: dict[str, Any] = {"episodes": [as_dict(r) for r in results]}
        if model is not None:
            out["llm"] = [r.as_json() for r in reports]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    elif results:
        click.echo("\n\n".join(describe(r) for r in results))
    if failed:
        raise SystemExit(1)


def _model_condenser(app: AppContext) -> LLMCondenser:
    # Imported here: only the llm method needs the HTTP client.
    from castdigest.llm.condense import LLMCondenser

    return LLMCondenser(app.settings().llm)


def _episodes(
    ref: str, open_archive: Any, as_of: datetime | None, fmt: str | None
) -> Iterator[Episode]:
    """The episodes a PATH holds, or the archived episode an ID names."""
    path = Path(ref)
    if path.is_file():
        _, episodes = read_path(path, as_of=as_of, forced=fmt)
        yield from episodes
        return
    if path.is_dir():
        raise ReadError("is a folder; name the files to condense", where=ref)
    if any(sep in ref for sep in "/\\") or path.suffix:
        raise ReadError("no such file", where=ref)
    yield open_archive().episodes.get(ref)


def as_dict(result: Condensed) -> dict[str, Any]:
    """The `--json` shape of one condensed episode."""
    data = result.model_dump(mode="json")
    return {
        "id": result.episode_id,
        "title": result.title,
        "source": result.source,
        "blurb": result.blurb,
        "takeaways": data["takeaways"],
        "quotes": [{k: q[k] for k in _QUOTE_KEYS} for q in data["quotes"]],
    }


def describe(result: Condensed) -> str:
    """A readable view: title, blurb, numbered takeaways with where they came from, quotes."""
    out = [result.title, f"  id: {result.episode_id}  (from {result.source or 'title only'})"]
    if result.blurb and result.blurb != result.title:
        out += ["", f"  {result.blurb}"]
    if result.takeaways:
        out += ["", "  Takeaways:"]
        for i, t in enumerate(result.takeaways, 1):
            where = [t.provenance.value]
            if t.chapter:
                where.append(f"“{t.chapter}”")
            if t.offset is not None:
                where.append(f"at {format_duration(t.offset)}")
            if t.speaker:
                where.append(f"by {t.speaker}")
            out.append(f"  {i}. {t.text}  [{' '.join(where)}]")
    if result.quotes:
        out += ["", "  Quotes:"]
        for q in result.quotes:
            line = f"  “{q.text}”"
            if q.speaker:
                line += f" — {q.speaker}"
            if q.offset is not None:
                line += f" [{format_duration(q.offset)}]"
            elif q.chapter:
                line += f" [in “{q.chapter}”]"
            if q.translated:
                line += " (translated)"
            out.append(line)
            if q.link:
                out.append(f"    {q.link}")
    return "\n".join(out)
