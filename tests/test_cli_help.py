"""Every command has --help with an example, and usage errors exit 2."""

from __future__ import annotations

import ast
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from castdigest.cli import cli


def commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and subcommand, loaded as running it would load it."""
    ctx = click.Context(group)
    out: list[tuple[str, ...]] = []
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        assert cmd is not None and cmd.name == name, name
        out.append((*prefix, name))
        if isinstance(cmd, click.Group):
            out += commands(cmd, (*prefix, name))
    return out


def test_a_command_loads_only_its_own_module() -> None:
    """`castdigest episodes` starts without the condenser and renderer (and scipy)."""
    loads = (
        "from castdigest.cli import cli; cli.main(['episodes', '--help'], standalone_mode=False)"
    )
    modules = ("scipy", "castdigest.condense", "castdigest.render", "castdigest.cli.send")
    assert _loaded(loads, modules) == []


@pytest.mark.parametrize("path", commands(cli), ids=" ".join)
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`castdigest {' '.join(path)} --help` shows no example"
    assert f"castdigest {path[0]}" in result.output


def test_unknown_command_and_option_exit_2() -> None:
    assert CliRunner().invoke(cli, ["frobnicate"]).exit_code == 2
    assert CliRunner().invoke(cli, ["episodes", "--frobnicate"]).exit_code == 2


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("castdigest, version ")


def test_the_reader_modules_load_when_a_document_is_read() -> None:
    """An unchanged week reads nothing: importing the registry (and the ingest and weekly
    commands) loads no reader module, nor trafilatura, the language model, the HTTP client
    (made only when a source is a URL) or the address checker."""
    loads = "import castdigest.cli.ingest, castdigest.pipeline.weekly"
    modules = (
        "trafilatura",
        "feedparser",
        "castdigest.readers.html_page",
        "castdigest.readers.listing",
        "castdigest.text.language",
        "httpx",
        "email_validator",
    )
    assert _loaded(loads, modules) == []


def _loaded(code: str, modules: tuple[str, ...]) -> list[str]:
    """Which of `modules` a fresh interpreter has loaded after running `code`."""
    probe = f"import sys; {code}; print(sorted(m for m in {modules!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return list(ast.literal_eval(out.splitlines()[-1]))
