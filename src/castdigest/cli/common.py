"""Shared CLI plumbing: the app context, reusable option bundles, error and date handling."""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, Protocol, TypeVar

import click

from castdigest.archive import Archive, open_archive
from castdigest.config import DEFAULT_CONFIG, SECRET_KEYS, Settings, load_settings
from castdigest.errors import CastdigestError, ConfigError

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class AppContext:
    config_path: str | None = None
    _settings: Settings | None = field(default=None, repr=False)

    def settings(self) -> Settings:
        if self._settings is None:
            with errors():
                self._settings = load_settings(self.config_path)
            for section, key, path in file_secrets(self):
                click.echo(
                    f"warning: {path}: [{section}] {key} belongs in the environment "
                    f"({secret_variable(section, key)}), not the config file; sending refuses it",
                    err=True,
                )
        return self._settings

    @contextmanager
    def archive(self, db: str | None, *, write: bool = False) -> Iterator[Archive]:
        """The archive for the whole command. A command that writes (`write`) holds the
        writer lock throughout, so that runs never interleave; readers take none. Archive
        errors, SQLite's included, end the command with one line (exit 1)."""
        settings = self.settings()
        path = db or str(settings.resolve(settings.archive))
        with (
            errors(),
            open_archive(
                path, write=write, wait_s=settings.lock_wait_s, on_wait=_say_waiting
            ) as arch,
        ):
            yield arch

    def writing(self, db: str | None) -> AbstractContextManager[Archive]:
        """`archive(db, write=True)`: the archive of a command that writes, under the lock."""
        return self.archive(db, write=True)


def _say_waiting(message: str) -> None:
    click.echo(message, err=True)


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
