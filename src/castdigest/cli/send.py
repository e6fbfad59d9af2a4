"""`send`, `unsubscribe-server`, `weekly`: getting the digest to its readers."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from castdigest.cli.common import (
    AppContext,
    as_of_option,
    db_option,
    digest_id_value,
    errors,
    finish,
    is_tty,
    jobs_option,
    json_option,
    progress_bar,
    refuse_file_secrets,
)
from castdigest.cli.ingest import print_notes
from castdigest.config import Settings
from castdigest.errors import ConfigError

if TYPE_CHECKING:  # each command imports its pipeline when it runs
    from castdigest.pipeline.send import SendSummary
    from castdigest.pipeline.weekly import WeeklyReport

# --------------------------------------------------------------------------- send


@click.command("send")
@click.argument("digest_id", callback=digest_id_value)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Write each message to <outbox>/<id>/<n>.eml instead of sending.",
)
@click.option(
    "--outbox",
    type=click.Path(file_okay=False),
    help="Folder for --dry-run messages (default: outbox/ beside the archive); never inside "
    "the published out/ folder, as the messages carry each reader's unsubscribe token.",
)
@db_option
@json_option
@click.pass_obj
def send_cmd(
    app: AppContext,
    digest_id: str,
    dry_run: bool,
    outbox: str | None,
    db: str | None,
    as_json: bool,
) -> None:
    """Send a built digest to every active subscriber, resumably.

    Only subscribers the send ledger still has as pending or temporarily failed are sent to,
    so running it again after a crash reaches each remaining subscriber once. Exit 1 if any
    message failed. Needs CASTDIGEST_UNSUBSCRIBE_SECRET (and SMTP settings) in the environment.

    --dry-run sends nothing and leaves the ledger alone: it writes the messages to
    outbox/<id>/<n>.eml beside the archive (or under --outbox DIR), outside out/.

    \b
    Example:
      castdigest send 2026-W48 --dry-run && castdigest send 2026-W48
      castdigest send 2026-W48 --dry-run --outbox /tmp/digest-check
    """
    from castdigest.pipeline.send import load_digest, send_digest

    refuse_file_secrets(app)
    settings = app.settings()
    outbox_dir = _outbox_option(settings, outbox, dry_run)
    with app.writing(db) as archive, errors():
        digest = load_digest(archive, digest_id)
        due = archive.ledger.remaining(digest.id) or archive.subscribers.count()["active"]
        with progress_bar(due, f"Sending {digest.id}", as_json) as tick:
            summary = send_digest(
                archive, settings, digest, dry_run=dry_run, outbox=outbox_dir, progress=tick
            )
    print_summary(summary, as_json)
    if summary.failed:
        raise SystemExit(1)


def _outbox_option(settings: Settings, outbox: str | None, dry_run: bool) -> Path | None:
    """--outbox as a folder, refused (usage error) without --dry-run or inside out/."""
    if outbox is None:
        return None
    if not dry_run:
        raise click.UsageError("--outbox goes with --dry-run")
    from castdigest.pipeline.send import inside

    out_dir = settings.resolve(settings.out_dir)
    if inside(Path(outbox), out_dir):
        raise click.BadParameter(
            f"{outbox} is inside the published output folder {out_dir}; the dry-run messages "
            "carry every reader's unsubscribe token, so they go elsewhere",
            param_hint="--outbox",
        )
    return Path(outbox)


def print_summary(summary: SendSummary, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
        return
    for note in summary.warnings:
        click.echo(f"warning: {note}", err=True)
    for f in summary.failures:
        tries = f"{f.attempts} attempt{'s' if f.attempts != 1 else ''}"
        click.echo(f"  failed: {f.email}: {f.error} ({f.state}, {tries})", err=True)
    verb = "written" if summary.dry_run else "sent"
    click.echo(
        f"{summary.digest_id}: {summary.sent} {verb}, {summary.skipped} skipped, "
        f"{summary.already_sent} already sent, {summary.failed} failed"
    )
    if summary.outbox:
        click.echo(f"outbox: {summary.outbox}")
    elif summary.digest_status:
        click.echo(f"digest {summary.digest_id} is {summary.digest_status}")


# --------------------------------------------------------------------------- server


@click.command("unsubscribe-server")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535))
@db_option
@click.pass_obj
def unsubscribe_server_cmd(app: AppContext, host: str, port: int, db: str | None) -> None:
    """Serve one-click unsubscribe (RFC 8058) and topic preferences links.

    Put it behind your web server at the `unsubscribe.url` the emails link to. The archive
    must exist (it is never created here). While another castdigest run writes the archive,
    requests get 503 with Retry-After. Limits are in the config's [unsubscribe] section
    (workers, header_timeout_s, body_timeout_s, max_body_bytes, busy_wait_s, retry_after_s).

    \b
    Example:
      CASTDIGEST_UNSUBSCRIBE_SECRET=... castdigest unsubscribe-server --port 8080
    """
    from castdigest.unsubscribe import make_unsubscribe_server

    refuse_file_secrets(app)
    settings = app.settings()
    path = Path(db or settings.resolve(settings.archive))
    with errors():
        try:
            server = make_unsubscribe_server(path, settings, host, port)
        except OSError as exc:  # the address is taken or not ours
            raise ConfigError(
                f"cannot listen on {host}:{port} ({exc.strerror or exc})", where="--host/--port"
            ) from None
    click.echo(
        f"Serving unsubscribe links on http://{host}:{server.server_port}/unsubscribe"
        " (Ctrl-C to stop)",
        err=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


# --------------------------------------------------------------------------- weekly


@click.command("weekly")
@click.option("--no-send", is_flag=True, help="Stop after building and publishing.")
@as_of_option
@db_option
@jobs_option
@json_option
@click.pass_obj
def weekly_cmd(
    app: AppContext,
    no_send: bool,
    as_of: datetime | None,
    db: str | None,
    jobs: int,
    as_json: bool,
) -> None:
    """The weekly job for a scheduler: ingest the configured sources, build this week's
    digest, publish out/, and send it.

    Safe to run twice: a digest being or already sent is not rebuilt, and only subscribers
    still due are sent to. Exit 1 if a source or a message failed.

    \b
    Example (cron, Sundays 18:00):
      0 18 * * 0  cd /srv/digest && castdigest weekly
      castdigest weekly --no-send --jobs 0   # a big backlog of saved pages: every core
    """
    from castdigest.pipeline.weekly import run_weekly

    refuse_file_secrets(app)
    settings = app.settings()
    quiet = as_json or not is_tty()

    def step(text: str) -> None:
        if not as_json:
            click.echo(f"== {text}", err=True)

    def bar(total: int, label: str) -> AbstractContextManager[Callable[[int], None]]:
        return progress_bar(total, label, quiet)

    with app.writing(db) as archive, errors():
        report = run_weekly(
            archive,
            settings,
            as_of=as_of,
            send=not no_send,
            progress_bar=bar,
            step=step,
            jobs=jobs,
        )
    try:
        finish(report, as_json, lambda: _print_weekly(report), report.failed)
    finally:  # after the report's lines, whether or not it exits 1
        app.keep_details(report.ingest)


def _print_weekly(report: WeeklyReport) -> None:
    failed = [r for r in report.ingest if r.failed]
    for r in report.ingest:
        print_notes(r)
        if r.failed:
            click.echo(f"{r.location}: failed: {r.error}", err=True)
    for note in report.warnings:
        click.echo(f"warning: {note}", err=True)
    click.echo(
        f"ingest: {len(report.ingest)} source document(s), {len(failed)} failed; "
        f"episodes {sum(r.new for r in report.ingest)} new, "
        f"{sum(r.updated for r in report.ingest)} updated"
    )
    click.echo(f"build: {report.digest_id} {report.build} ({report.items} items)")
    if report.skipped:
        click.echo("publish: skipped, nothing changed since the last build (out/ as it was)")
    elif report.published is not None:
        click.echo(f"publish: {len(report.published.written)} file(s) written")
    if report.send is None:
        click.echo("send: skipped (--no-send)")
    else:
        print_summary(report.send, False)
