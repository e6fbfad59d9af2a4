"""Shared CLI plumbing: the app context, reusable option bundles, error and date handling."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any, Protocol, TypeVar

import click

from castdigest.archive import Archive
from castdigest.config import Settings, load_settings
from castdigest.errors import CastdigestError

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class AppContext:
    config_path: str | None = None
    _settings: Settings | None = field(default=None, repr=False)

    def settings(self) -> Settings:
        if self._settings is None:
            with errors():
                self._settings = load_settings(self.config_path)
        return self._settings

    @contextmanager
    def archive(self, db: str | None) -> Iterator[Archive]:
        settings = self.settings()
        path = db or str(settings.resolve(settings.archive))
        with errors():
            arch = Archive(path)
        try:
            yield arch
        finally:
            arch.close()


class CliError(click.ClickException):
    """A CastdigestError as click prints it: `Error: <where>: <message>` and its hint, exit 1."""

    exit_code = 1

    def __init__(self, exc: CastdigestError) -> None:
        message = str(exc)
        if exc.hint:
            message += f"\n  hint: {exc.hint}"
        super().__init__(message)


@contextmanager
def errors() -> Iterator[None]:
    try:
        yield
    except CastdigestError as exc:
        raise CliError(exc) from None


def db_option(func: F) -> F:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False),
        envvar="CASTDIGEST_DB",
        help="Archive file (default: `archive` from the config, castdigest.db).",
    )(func)


def jobs_option(func: F) -> F:
    return click.option(
        "--jobs",
        type=click.IntRange(min=0),
        default=1,
        show_default=True,
        help="Processes reading files (0: one per core); the archive is written by this one, "
        "in file order, so the result is the same.",
    )(func)


class Report(Protocol):
    def as_dict(self) -> dict[str, object]: ...


def finish(report: Report, as_json: bool, lines: Callable[[], None], failed: bool) -> None:
    """Print a command's report, as JSON for scripts or as lines for people (`lines`); then
    exit 1 when some input failed."""
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        lines()
    if failed:
        raise SystemExit(1)


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")(func)


class DateTimeParam(click.ParamType):  # type: ignore[type-arg]
    """A date (2026-11-24, midnight UTC) or an ISO datetime; naive times are UTC."""

    name = "DATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        if isinstance(value, datetime):
            return value
        text = str(value).strip()
        try:
            if len(text) == 10:
                return datetime.combine(date.fromisoformat(text), time(), tzinfo=UTC)
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            self.fail(f"{text!r} is not a date (2026-11-24) or ISO datetime", param, ctx)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


DATETIME = DateTimeParam()


def as_of_option(func: F) -> F:
    return click.option(
        "--as-of",
        type=DATETIME,
        help="The run's time: for relative dates, windows and what the run records, such as "
        "when an episode was first seen (default: now; relative ages: a file's mtime).",
    )(func)


def is_tty() -> bool:
    return sys.stderr.isatty()
