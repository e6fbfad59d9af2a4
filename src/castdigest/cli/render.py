"""`render` and `preview`: turn a stored digest into out/ and look at it locally."""

from __future__ import annotations

import json
import sys
import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from castdigest.archive import Archive, open_archive
from castdigest.cli.common import AppContext, db_option, digest_id_value, errors, json_option
from castdigest.config import DEFAULT_CONFIG, Settings, load_settings
from castdigest.errors import ConfigError
from castdigest.models import DigestStatus
from castdigest.pipeline.build import build, choose_window
from castdigest.pipeline.preview import PreviewServer
from castdigest.pipeline.publish import PublishReport, publish_from_archive
from castdigest.render.templates import template_dirs

F = TypeVar("F", bound=Callable[..., Any])


def out_option(func: F) -> F:
    return click.option(
        "--out",
        "out_dir",
        type=click.Path(file_okay=False),
        help="Output folder (default: `out_dir` from the config, out/).",
    )(func)


def resolve_out(settings: Settings, out_dir: str | None) -> Path:
    return Path(out_dir) if out_dir else settings.resolve(settings.out_dir)


def print_report(report: PublishReport, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    for line in report.lines():
        click.echo(line)


def build_draft(archive: Archive, settings: Settings, week: str | None) -> str:
    """Rebuild the week's draft digest (unless it was sent); its id."""
    try:
        window = choose_window(settings, week=week)
    except ValueError as exc:
        raise ConfigError(str(exc), where=week, hint="give DIGEST_ID as a week, 2026-W48") from None
    status = archive.digests.status(window.id)
    if status is None or status[0] is DigestStatus.DRAFT:
        build(archive, settings, window)
    return window.id


@click.command("render")
@click.argument("digest_id", required=False, callback=digest_id_value)
@out_option
@db_option
@json_option
@click.pass_obj
def render_cmd(
    app: AppContext, digest_id: str | None, out_dir: str | None, db: str | None, as_json: bool
) -> None:
    """Render a stored digest (default: the newest) to the output folder.

    Writes <id>/email.html, email.txt, email.eml and index.html, the archive page index.html,
    feeds/<topic>.rss|.atom|.json, feeds/all.* and feeds.opml. Says so when the email had to be
    trimmed to stay under Gmail's clip size.

    \b
    Example:
      castdigest render 2026-W48 --out public/
    """
    settings = app.settings()
    with app.writing(db) as archive, errors():
        report = publish_from_archive(archive, settings, digest_id, resolve_out(settings, out_dir))
    print_report(report, as_json)


@click.command("preview")
@click.argument("digest_id", required=False, callback=digest_id_value)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0 picks a free one).")  # fmt: skip
@click.option("--no-open", is_flag=True, help="Do not open a browser.")
@click.option(
    "--build/--no-build",
    "rebuild_digest",
    default=True,
    show_default=True,
    help="Rebuild the draft (DIGEST_ID as a week, default this week) before each render; "
    "--no-build only renders the stored digest.",
)
@out_option
@db_option
@click.pass_obj
def preview_cmd(
    app: AppContext,
    digest_id: str | None,
    port: int,
    no_open: bool,
    rebuild_digest: bool,
    out_dir: str | None,
    db: str | None,
) -> None:
    """Render and serve out/ locally, re-rendering when templates, config or archive change.

    The page shows the email at desktop and phone widths, a dark-mode toggle, the plain-text
    part, the HTML size against the 102 KB clip line and every feed. Ctrl-C stops it.

    Each change first rebuilds the draft digest, as `castdigest build` would (a digest that
    was sent, or one with a custom window id, is only rendered; --no-build only renders).

    Only published files are served (HTML, text, CSS, feeds, OPML, JSON, images; never the
    archive, .eml messages, locks, logs or dotfiles, nothing through a symlink leaving the
    folder, no folder listings), and only to http://127.0.0.1:PORT or http://localhost:PORT.

    \b
    Example:
      castdigest preview --port 8025 --no-open
      castdigest preview 2026-W47 --no-build
    """
    first = app.settings()
    if rebuild_digest:
        try:
            choose_window(first, week=digest_id)
        except ValueError as exc:
            if click.get_current_context().get_parameter_source("rebuild_digest") != (
                click.core.ParameterSource.DEFAULT
            ):
                raise click.UsageError(f"{exc} (DIGEST_ID must be a week with --build)") from None
            rebuild_digest = False  # a custom window: render what is stored
    config_file = Path(app.config_path or DEFAULT_CONFIG)
    archive_path = Path(db) if db else first.resolve(first.archive)
    out = resolve_out(first, out_dir)

    def rebuild() -> tuple[PublishReport, Settings]:
        settings = load_settings(app.config_path) if config_file.exists() else first
        with open_archive(archive_path, write=True, wait_s=settings.lock_wait_s) as archive:
            target = build_draft(archive, settings, digest_id) if rebuild_digest else digest_id
            report = publish_from_archive(archive, settings, target, out)
        for line in report.lines():
            click.echo(line, err=True)
        return report, settings

    def watched() -> list[Path]:
        wal = archive_path.with_name(archive_path.name + "-wal")
        return [*template_dirs(first), config_file, archive_path, wal]

    try:
        server = PreviewServer(out, rebuild, watched, port=port)
    except OSError as exc:
        raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {exc.strerror}") from None
    server.start(serve=False)
    if server.state.error:
        click.echo(f"Error: {server.state.error}", err=True)
    click.echo(f"Previewing {out} at {server.url} (Ctrl-C to stop)", err=True)
    if not no_open:
        webbrowser.open(server.url)
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
    finally:
        server.httpd.server_close()
    sys.exit(0)
