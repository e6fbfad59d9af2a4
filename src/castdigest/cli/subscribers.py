"""`subscribers`: who receives the digest (import, add, remove, list, and the unsubscribe
requests that come by mail)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from castdigest.cli.common import (
    AppContext,
    db_option,
    errors,
    finish,
    json_option,
    refuse_file_secrets,
)
from castdigest.config import Settings
from castdigest.models import Subscriber, SubscriberStatus, dump_json
from castdigest.pipeline.mail_unsubscribe import MailReport, unsubscribe_by_mail
from castdigest.pipeline.subscribers import (
    ImportReport,
    add_subscriber,
    import_csv,
    remove_subscriber,
)
from castdigest.subscribers import InvalidSubscriber

_EMAIL_ARG = click.argument("email")


def _known_topics(settings: Settings) -> list[str]:
    return [t.slug for t in settings.topics]


@click.group("subscribers")
def subscribers_group() -> None:
    """Manage who receives the digest.

    \b
    Example:
      castdigest subscribers import readers.csv     # email,name,topics,status
      castdigest subscribers add ann@example.org --name Ann --topic agents
      castdigest subscribers list --json
      castdigest subscribers unsubscribe-mail ~/Mail/unsubscribe.mbox
    """


@subscribers_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@db_option
@click.option("--check-dns", is_flag=True, help="Also check that each domain accepts mail.")
@json_option
@click.pass_obj
def import_cmd(app: AppContext, file: str, db: str | None, check_dns: bool, as_json: bool) -> None:
    """Import subscribers from a CSV file (columns email, name, topics, status).

    A header row names the columns in any order; topics are separated by `;`. Addresses that
    differ only in case are one subscriber. Invalid rows are reported with their line and
    the rest imported (exit 1). Someone who unsubscribed stays unsubscribed.

    \b
    Example:
      castdigest subscribers import readers.csv
    """
    settings = app.settings()
    with app.writing(db) as archive, errors():
        report = import_csv(
            archive,
            Path(file),
            known_topics=_known_topics(settings),
            check_deliverability=check_dns,
        )
    finish(report, as_json, lambda: _print_import(file, report), bool(report.errors))


def _print_import(file: str, report: ImportReport) -> None:
    for err in report.errors:
        click.echo(f"{file}:{err.line}: {err.message}", err=True)
    kept = f", {report.kept_unsubscribed} kept unsubscribed" if report.kept_unsubscribed else ""
    click.echo(
        f"{file}: {report.new} new, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.merged} duplicate(s) merged, {len(report.errors)} invalid{kept}"
    )


@subscribers_group.command("add")
@_EMAIL_ARG
@click.option("--name", help="Name used in the greeting.")
@click.option("--topic", "topics", multiple=True, help="Topic slug (repeatable; none: all).")
@click.option("--check-dns", is_flag=True, help="Also check that the domain accepts mail.")
@db_option
@click.pass_obj
def add_cmd(
    app: AppContext,
    email: str,
    name: str | None,
    topics: tuple[str, ...],
    check_dns: bool,
    db: str | None,
) -> None:
    """Add a subscriber, or update and reactivate one.

    \b
    Example:
      castdigest subscribers add ann@example.org --name "Ann Lee" --topic agents --topic infra
    """
    settings = app.settings()
    with app.writing(db) as archive:
        try:
            sub, outcome = add_subscriber(
                archive,
                email,
                name=name,
                topics=topics,
                known_topics=_known_topics(settings),
                check_deliverability=check_dns,
            )
        except InvalidSubscriber as exc:
            raise click.BadParameter(str(exc), param_hint="EMAIL or --topic") from None
    click.echo(f"{sub.email}: {outcome} ({_topics_label(sub)})")


@subscribers_group.command("remove")
@_EMAIL_ARG
@click.option("--forget", is_flag=True, help="Delete the address and its send history too.")
@db_option
@click.pass_obj
def remove_cmd(app: AppContext, email: str, forget: bool, db: str | None) -> None:
    """Unsubscribe an address (kept as unsubscribed, so an import cannot bring it back).

    \b
    Example:
      castdigest subscribers remove ann@example.org
      castdigest subscribers remove ann@example.org --forget
    """
    with app.writing(db) as archive, errors():
        remove_subscriber(archive, email, forget=forget)
    click.echo(f"{email}: {'forgotten' if forget else 'unsubscribed'}")


@subscribers_group.command("list")
@click.option(
    "--status", type=click.Choice([s.value for s in SubscriberStatus]), help="Only this status."
)
@db_option
@json_option
@click.pass_obj
def list_cmd(app: AppContext, status: str | None, db: str | None, as_json: bool) -> None:
    """List subscribers by address.

    \b
    Example:
      castdigest subscribers list --status active --json
    """
    with app.archive(db) as archive:
        subs = archive.subscribers.list(SubscriberStatus(status) if status else None)
    if as_json:
        click.echo(dump_json(subs))
        return
    for sub in subs:
        line = f"{sub.email:<40} {sub.status.value:<12} {_topics_label(sub):<30} {sub.name or ''}"
        click.echo(line.rstrip())
    click.echo(f"{len(subs)} subscriber(s)", err=True)


def _topics_label(sub: Subscriber) -> str:
    return ",".join(sub.topics) if sub.topics else "all topics"


@subscribers_group.command("unsubscribe-mail")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@json_option
@click.pass_obj
def unsubscribe_mail_cmd(
    app: AppContext, paths: tuple[Path, ...], db: str | None, as_json: bool
) -> None:
    """Act on the unsubscribe requests sent to the List-Unsubscribe mailto address.

    PATHS are mbox files, Maildir folders or single messages (.eml), saved from that mailbox.
    A request carrying its token (the subject the mailto sets) unsubscribes that subscriber;
    each request is acted on once, so the same mailbox can be read every week. A request
    without a valid token from an active subscriber's address is listed for you to decide
    (anyone can write any From address); exit 1 then, or if a file could not be read.

    \b
    Example:
      castdigest subscribers unsubscribe-mail ~/Mail/unsubscribe.mbox
      castdigest subscribers unsubscribe-mail ~/Maildir/.Unsubscribe --json
    """
    refuse_file_secrets(app)  # the unsubscribe secret, as for the unsubscribe server
    settings = app.settings()
    with app.writing(db) as archive, errors():
        report = unsubscribe_by_mail(archive, settings, list(paths), datetime.now(UTC))
    finish(report, as_json, lambda: _print_mail_report(report), report.needs_attention)


def _print_mail_report(report: MailReport) -> None:
    for bad in report.failed:
        click.echo(f"{bad.where}: failed: {bad.error}", err=True)
    for o in report.unmatched:
        click.echo(
            f"{o.where}: {o.email} asks to unsubscribe without a valid token; to do it: "
            f"castdigest subscribers remove {o.email}",
            err=True,
        )
    for label, items in (
        ("unsubscribed", report.unsubscribed),
        ("was not subscribed any more", report.already),
        ("is no active subscriber: nothing to do", report.no_subscriber),
    ):
        for o in items:
            click.echo(f"{o.where}: {o.email or '(no sender)'} {label}")
    click.echo(
        f"unsubscribe requests: {len(report.unsubscribed)} unsubscribed, "
        f"{len(report.already) + len(report.no_subscriber)} nothing to do, "
        f"{len(report.unmatched)} to decide, {report.handled_before} handled before; "
        f"{report.other} other message(s), {len(report.failed)} unreadable"
    )
