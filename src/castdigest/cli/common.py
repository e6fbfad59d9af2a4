"""Shared CLI plumbing: the app context, reusable option bundles, error and date handling."""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, Protocol, TypeVar

import click

from castdigest.archive import Archive, open_archive
from castdigest.config import DEFAULT_CONFIG, SECRET_KEYS, Settings, UnknownVariable, load_settings
from castdigest.digest_ids import check_digest_id
from castdigest.errors import CastdigestError, ConfigError
from castdigest.pipeline.unexpected import LOG_NAME, log_file, summary, traceback_text

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


class Detailed(Protocol):
    """A document's report that may carry an unexpected error's traceback (`detail`)."""

    @property
    def location(self) -> str: ...

    @property
    def detail(self) -> str | None: ...


@dataclass
class AppContext:
    config_path: str | None = None
    debug: bool = False  # print tracebacks of unexpected errors instead of logging them
    _settings: Settings | None = field(default=None, repr=False)
    _archive_path: Path | None = field(default=None, repr=False)

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
    def archive(self, db: str | None, *, write: bool = False) -> Iterator[Archive]:
        """The archive for the whole command. A command that writes (`write`) holds the
        writer lock throughout, so that runs never interleave; readers take none. Archive
        errors, SQLite's included, end the command with one line (exit 1)."""
        settings = self.settings()
        path = db or str(settings.resolve(settings.archive))
        self._archive_path = Path(path)
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

    def log_path(self) -> Path:
        """Where tracebacks of unexpected errors go: beside the archive this run opened (or
        the configured one; the current folder before any config is read)."""
        archive = self._archive_path
        settings = self._settings or self._quiet_settings()
        if archive is None and settings is not None:
            archive = settings.resolve(settings.archive)
        return log_file(archive) if archive else Path(LOG_NAME)

    def _quiet_settings(self) -> Settings | None:
        """The config, when a command failed before reading it (an import, an option): the
        log still goes beside the configured archive, not into whatever folder the user is
        in. Its warnings were or will be said elsewhere; a broken config gives None."""
        try:
            return load_settings(self.config_path, warnings=[])
        except Exception:  # the log's place must never raise over the error being logged
            return None

    def keep_details(self, reports: Iterable[Detailed]) -> None:
        """The tracebacks of documents that failed unexpectedly: printed with --debug, else
        appended to the log, which one line on stderr names."""
        entries = [(r.location, r.detail) for r in reports if r.detail]
        if not entries:
            return
        if self.debug:
            for where, detail in entries:
                click.echo(f"{where}:\n{detail}", err=True)
            return
        place = self._log(entries)
        if place:
            click.echo(f"details of {len(entries)} unexpected error(s) in {place}", err=True)

    def unexpected(self, exc: Exception) -> click.ClickException:
        """The one line a command ends with when it raised something unexpected (a bug): the
        traceback goes to stderr with --debug, to the log otherwise."""
        if self.debug:
            click.echo(traceback_text(exc), err=True)
            return click.ClickException(f"unexpected {summary(exc)}")
        place = self._log([("castdigest " + " ".join(sys.argv[1:]), traceback_text(exc))])
        where = f"; details in {place}" if place else ""
        return click.ClickException(f"unexpected {summary(exc)}{where}")

    def _log(self, entries: list[tuple[str, str]]) -> str:
        """Append `entries` (what, traceback) to the log: its path and how to see them
        instead, or a warning and "" when the log cannot be written."""
        path = self.log_path()
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        text = "".join(f"{stamp} {where}\n{detail}\n\n" for where, detail in entries)
        try:
            with path.open("a", encoding="utf-8") as log:
                log.write(text)
        except OSError as exc:
            click.echo(
                f"warning: could not write {path} ({exc.strerror or exc}); "
                "rerun with --debug to see the details",
                err=True,
            )
            return ""
        return f"{path} (or rerun with --debug)"


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


@contextmanager
def progress_items(items: Sequence[T], label: str, quiet: bool) -> Iterator[Iterable[T]]:
    """`items`, iterated under click's progress bar on stderr when it is a terminal (the
    plain items otherwise): `progress_bar` for work counted as it goes."""
    if quiet or not is_tty() or len(items) < 2:
        yield items
        return
    with click.progressbar(items, label=label, file=sys.stderr) as bar:
        yield bar


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
