"""`llm`: the language-model endpoint used by `[condense] method = "llm"`."""

from __future__ import annotations

import json

import click

from castdigest.cli.common import AppContext, json_option


@click.group("llm")
def llm_group() -> None:
    """The language-model endpoint ([llm] in castdigest.toml).

    \b
    Example:
      castdigest llm check
    """


@llm_group.command("check")
@json_option
@click.pass_obj
def check_cmd(app: AppContext, as_json: bool) -> None:
    """Say what the endpoint serves (/v1/models), whether structured output works, and the
    round-trip time of one small request. Exit 1 when the endpoint is not usable.

    \b
    Example:
      castdigest llm check
      CASTDIGEST_LLM_MODEL=llama3.1:8b castdigest llm check --json
    """
    from castdigest.llm.check import check

    result = check(app.settings().llm)
    if as_json:
        click.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(f"endpoint: {result.base_url}")
        click.echo(f"models: {', '.join(result.models) or 'none listed'}")
        served = "served" if result.model in result.models else "not listed"
        click.echo(f"model: {result.model or '(not set)'} ({served})")
        click.echo(f"structured output: {result.structured_output or 'unknown'}")
        if result.round_trip_s is not None:
            click.echo(f"round trip: {result.round_trip_s:.2f}s")
    for problem in result.problems:
        click.echo(f"Error: {problem}", err=True)
    if not result.ok:
        raise SystemExit(1)
