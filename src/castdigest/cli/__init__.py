"""The `castdigest` command: a thin click group over the pipeline.

Each submodule holds the commands of one job and is named below, explicitly. A command's module
is imported when that command runs: `castdigest episodes` does not load the condenser, the
renderer and their numerical libraries (a second of start-up that every command paid).
"""

from __future__ import annotations

import errno
import importlib
import sys
from typing import Any

import click

from castdigest import __version__
from castdigest.cli.common import AppContext, CliError
from castdigest.errors import CastdigestError

# command name -> "module:attribute" of the click command
COMMANDS = {
    "archive": "archive:archive_group",
    "ingest": "ingest:ingest_cmd",
    "episodes": "ingest:episodes_cmd",
    "show": "ingest:show_cmd",
    "condense": "condense:condense_cmd",
    "llm": "llm:llm_group",
    "topics": "rank:topics_group",
    "rank": "rank:rank_cmd",
    "pin": "rank:pin_cmd",
    "unpin": "rank:unpin_cmd",
    "block": "rank:block_cmd",
    "unblock": "rank:unblock_cmd",
    "review": "review:review_cmd",
    "approve": "review:approve_cmd",
    "build": "digest:build_cmd",
    "digest": "digest:digest_group",
    "render": "render:render_cmd",
    "preview": "render:preview_cmd",
    "subscribers": "subscribers:subscribers_group",
    "send": "send:send_cmd",
    "unsubscribe-server": "send:unsubscribe_server_cmd",
    "weekly": "send:weekly_cmd",
}


class LazyGroup(click.Group):
    """A group whose commands are imported when asked for (click's documented pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attribute = target.split(":")
        command = getattr(importlib.import_module(f"castdigest.cli.{module}"), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"castdigest.cli.{module}.{attribute} is not a click command")
        return command

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; whatever it raises ends as one `Error:` line, never a traceback
        (kept in the log, or printed with --debug)."""
        try:
            return super().invoke(ctx)
        except CastdigestError as exc:
            raise CliError(exc) from None
        except Exception as exc:
            if _clicks_own(exc):
                raise
            # A command that fails to import does so before the group's callback has made
            # the context: its options are parsed already, so the log still finds the config.
            app = ctx.find_object(AppContext) or AppContext(
                config_path=ctx.params.get("config_path"), debug=bool(ctx.params.get("debug"))
            )
            raise app.unexpected(exc) from None


def _clicks_own(exc: Exception) -> bool:
    """What click's main loop turns into its own messages and exit codes (usage errors,
    --help's exit, Ctrl-D, a closed pipe)."""
    if isinstance(exc, click.ClickException | click.Abort | click.exceptions.Exit | EOFError):
        return True
    return isinstance(exc, OSError) and exc.errno == errno.EPIPE


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    envvar="CASTDIGEST_CONFIG",
    help="Config file (default: ./castdigest.toml when present).",
)
@click.option(
    "--debug",
    is_flag=True,
    help="Print the traceback of an unexpected error (a bug) instead of appending it to "
    "castdigest.log beside the archive.",
)
@click.version_option(__version__, prog_name="castdigest")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, debug: bool) -> None:
    """Turn podcast and video episodes into a weekly newsletter.

    \b
    Example week:
      castdigest ingest inbox/          # read saved pages, feeds, transcripts
      castdigest episodes --since 2026-11-16
    """
    ctx.obj = AppContext(config_path=config_path, debug=debug)


def main() -> None:
    try:
        cli.main(prog_name="castdigest", standalone_mode=True)
    except CastdigestError as exc:  # raised outside a command (should not happen), still clean
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
