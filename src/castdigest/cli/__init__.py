"""The `castdigest` command: a thin click group over the pipeline.

Each submodule holds the commands of one job and registers them below, explicitly.
"""

from __future__ import annotations

import sys

import click

from castdigest import __version__
from castdigest.cli.common import AppContext
from castdigest.cli.condense import condense_cmd
from castdigest.cli.digest import build_cmd, digest_group
from castdigest.cli.ingest import episodes_cmd, ingest_cmd, show_cmd
from castdigest.cli.rank import (
    block_cmd,
    pin_cmd,
    rank_cmd,
    topics_group,
    unblock_cmd,
    unpin_cmd,
)
from castdigest.cli.render import preview_cmd, render_cmd
from castdigest.cli.send import send_cmd, unsubscribe_server_cmd, weekly_cmd
from castdigest.cli.subscribers import subscribers_group
from castdigest.errors import CastdigestError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    envvar="CASTDIGEST_CONFIG",
    help="Config file (default: ./castdigest.toml when present).",
)
@click.version_option(__version__, prog_name="castdigest")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """Turn podcast and video episodes into a weekly newsletter.

    \b
    Example week:
      castdigest ingest inbox/          # read saved pages, feeds, transcripts
      castdigest episodes --since 2026-11-16
    """
    ctx.obj = AppContext(config_path=config_path)


cli.add_command(ingest_cmd)
cli.add_command(episodes_cmd)
cli.add_command(show_cmd)
cli.add_command(condense_cmd)
cli.add_command(topics_group)
cli.add_command(rank_cmd)
cli.add_command(pin_cmd)
cli.add_command(unpin_cmd)
cli.add_command(block_cmd)
cli.add_command(unblock_cmd)
cli.add_command(build_cmd)
cli.add_command(digest_group)
cli.add_command(render_cmd)
cli.add_command(preview_cmd)
cli.add_command(subscribers_group)
cli.add_command(send_cmd)
cli.add_command(unsubscribe_server_cmd)
cli.add_command(weekly_cmd)


def main() -> None:
    try:
        cli.main(prog_name="castdigest", standalone_mode=True)
    except CastdigestError as exc:  # raised outside a command (should not happen), still clean
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
