"""`archive check`: the archive file's own health, apart from what it holds."""

from __future__ import annotations

from pathlib import Path

import click

from castdigest.archive.check import CheckReport, check_archive
from castdigest.cli.common import AppContext, db_option, errors, finish, json_option

MAX_SHOWN = 5  # problems printed for people; --json has every one found


@click.group("archive")
def archive_group() -> None:
    """Look after the archive file itself.

    \b
    Example:
      castdigest archive check --db castdigest.db
    """


@archive_group.command("check")
@db_option
@json_option
@click.pass_obj
def check_cmd(app: AppContext, db: str | None, as_json: bool) -> None:
    """Check the archive: SQLite's integrity and foreign-key checks, its schema version
    against the one this castdigest knows, its tables, stored text that is not UTF-8, and
    how many episodes, digests and subscribers it holds. Exit 0 when it is sound, 1 when it
    is damaged (or too new).

    The file is opened read-only and never repaired or upgraded; no lock is taken.

    \b
    Example:
      castdigest archive check
      castdigest archive check --db backups/castdigest.db --json
    """
    settings = app.settings()
    path = Path(db) if db else settings.resolve(settings.archive)
    with errors():
        report = check_archive(path)
    finish(report, as_json, lambda: _print(report), not report.ok)


def _print(report: CheckReport) -> None:
    state = "ok" if report.ok else "DAMAGED" if report.damaged else "too new"
    click.echo(f"{report.path}: {state}")
    if report.schema_version is not None:  # else the schema itself could not be read
        _print_checks(report)
    for problem in report.problems:
        click.echo(f"  problem: {problem}")
    if report.damaged:
        click.echo(
            f"{report.path}: the archive is damaged: restore it from a backup "
            f"(`sqlite3 {report.path} .recover` saves the rows still readable)",
            err=True,
        )


def _print_checks(report: CheckReport) -> None:
    known = report.known_version
    version = f"schema version {report.schema_version} (this castdigest knows {known}"
    if report.newer:
        version += "; upgrade castdigest to use it"
    elif report.schema_version is not None and report.schema_version < known:
        version += "; the next command that writes upgrades it"
    click.echo(f"  {version})")
    click.echo(f"  integrity: {_listed(report.integrity)}")
    click.echo(f"  foreign keys: {_listed(report.foreign_keys)}")
    if report.missing_tables:
        click.echo(f"  missing tables: {', '.join(report.missing_tables)}")
    if report.undecodable:
        click.echo(f"  text that is not UTF-8: {'; '.join(report.undecodable)}")
    counts = ", ".join(
        f"{'?' if n is None else f'{n:,}'} {table}" for table, n in report.counts.items()
    )
    click.echo(f"  holds: {counts}")


def _listed(rows: list[str]) -> str:
    if not rows:
        return "ok"
    shown = "\n    ".join(rows[:MAX_SHOWN])
    more = len(rows) - MAX_SHOWN
    return f"{len(rows)} problem(s)\n    {shown}" + (
        f"\n    ... and {more} more" if more > 0 else ""
    )
