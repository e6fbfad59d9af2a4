"""Shared CLI plumbing: the app context, reusable option bundles, error and date handling."""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, Protocol, TypeVar

import click

from castdigest.archive import Archive
from castdigest.config import DEFAULT_CONFIG, SECRET_KEYS, Settings, UnknownVariable, load_settings
from castdigest.digest_ids import check_digest_id
from castdigest.errors import CastdigestError, ConfigError

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class AppContext:
    config_path: str | None = None
    _settings: Settings | None = field(default=None, repr=False)

    def settings(self) -> Settings:
        if self._settings is None:
            unknown: list[UnknownVariable] = []
            try:
                with errors():
                    self._settings = load_settings(self.config_path, warnings=unknown)
            finally:  # a mistyped variable may be why the config is invalid: shown either way
                for variable in unknown:
                    click.echo(f"warning: {variable}", err=True)
            for section, key, path in file_secrets(self):
                click.echo(
                    f"warning: {path}: [{section}] {key} belongs in the environment "
                    f"({secret_variable(section, key)}), not the config file; sending refuses it",
                    err=True,
                )
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


def secret_variable(section: str, key: str) -> str:
    return f"CASTDIGEST_{section.upper()}_{key.upper()}"


def file_secrets(app: AppContext) -> list[tuple[str, str, Path]]:
    """The secrets written in the config file: (section, key, file)."""
    path = Path(app.config_path or DEFAULT_CONFIG)
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []  # load_settings reports an unreadable config
    return [
        (section, key, path)
        for section, key in sorted(SECRET_KEYS)
        if isinstance(data.get(section), dict) and data[section].get(key)
    ]


def refuse_file_secrets(app: AppContext) -> None:
    """Secrets belong in the environment (or a password file), never in castdigest.toml: the
    commands that use them refuse to run with one in the file."""
    for section, key, path in file_secrets(app):
        with errors():
            raise ConfigError(
                f"[{section}] {key} must not be in the config file",
                where=str(path),
                hint=f"remove it and set {secret_variable(section, key)} in the environment",
            )


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


@contextmanager
def progress_bar(total: int, label: str, quiet: bool) -> Iterator[Callable[[int], None]]:
    """click's progress bar on stderr when it is a terminal; otherwise nothing."""
    if quiet or not is_tty() or total < 2:
        yield lambda n: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar.update


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


def digest_id_value(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Callback for a DIGEST_ID argument or --id option: a usage error (exit 2) naming the id
    unless it is a digest id (castdigest.digest_ids)."""
    if value is None:
        return None
    try:
        return check_digest_id(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
