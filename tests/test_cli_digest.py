"""CLI: topics, rank, pin/block, build and digest list/show, with exit codes and messages."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from castdigest.archive import Archive
from castdigest.cli import cli
from castdigest.models import dump_json
from digest_fixtures import NOW, make_episode, sample_episodes, save_all

CONFIG = """
[[topics]]
slug = "coding-agents"
name = "Coding agents"
description = "Agents that write and review code."
tags = ["ai-agents", "copilot"]
keywords = ["coding agent", "pull request", "code review", "revue de code"]

[[topics]]
slug = "infra"
name = "AI infrastructure"
tags = ["gpu"]
keywords = ["GPU", "data center", "inference"]

[[topics]]
slug = "other"
name = "Also this week"

[rank]
max_items = 8
max_per_show = 2
diversity = 0.0
"""


@pytest.fixture
def env(tmp_path: Path) -> tuple[Path, Path]:
    config = tmp_path / "castdigest.toml"
    config.write_text(CONFIG, encoding="utf-8")
    db = tmp_path / "a.db"
    with Archive(db) as arch:
        extra = make_episode(
            9, "Compost in the city", "Green Corner", -1, 1500, ["gardening"], "Worms."
        )
        save_all(arch, [*sample_episodes(), extra])
    return config, db


def run(env: tuple[Path, Path], *args: str) -> Result:
    config, db = env
    return CliRunner().invoke(cli, ["--config", str(config), *args, "--db", str(db)])


def test_build_prints_the_id_it_stored(env: tuple[Path, Path]) -> None:
    result = run(env, "build", "--week", "2026-W48", "--as-of", "2026-11-27T12:00:00Z")
    assert result.exit_code == 0, result.output
    assert result.stdout == "2026-W48\n"
    assert "new: 8 episode(s) in 3 topic(s), 2026-11-23 .. 2026-11-29; condensed 8, cached 0" in (
        result.stderr
    )
    again = run(env, "build", "--week", "2026-W48", "--as-of", "2026-11-27T12:00:00Z", "--json")
    assert again.exit_code == 0
    summary = json.loads(again.stdout)
    assert summary["id"] == "2026-W48"
    assert summary["status"] == "unchanged"
    assert (summary["condensed"], summary["cached"]) == (0, 8)
    assert summary["sections"] == {"coding-agents": 3, "infra": 1, "other": 4}


def test_build_default_window_is_the_week_of_as_of(env: tuple[Path, Path]) -> None:
    result = run(env, "build", "--as-of", "2026-11-24")
    assert result.stdout == "2026-W48\n"


def test_build_custom_window_and_id(env: tuple[Path, Path]) -> None:
    result = run(
        env, "build", "--since", "2026-11-01", "--until", "2026-11-30", "--as-of", "2026-11-27"
    )
    assert result.stdout == "2026-11-01--2026-11-30\n"
    named = run(env, "build", "--since", "2026-11-01", "--until", "2026-11-30", "--id", "november")
    assert named.stdout == "november\n"
    listing = run(env, "digest", "list", "--json")
    assert [d["id"] for d in json.loads(listing.stdout)] == ["2026-11-01--2026-11-30", "november"]


def test_build_intro_from_markdown_file(env: tuple[Path, Path], tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("# Hello\n\nA *quiet* week.\n", encoding="utf-8")
    assert run(env, "build", "--week", "2026-W48", "--intro", str(note)).exit_code == 0
    shown = json.loads(run(env, "digest", "show", "2026-W48", "--json").stdout)
    assert shown["intro"] == "# Hello\n\nA *quiet* week."
    missing = run(env, "build", "--week", "2026-W48", "--intro", str(tmp_path / "nope.md"))
    assert missing.exit_code == 2
    assert "nope.md: cannot read" in missing.output


def test_window_usage_errors_exit_2(env: tuple[Path, Path]) -> None:
    bad = run(env, "build", "--week", "2026-48")
    assert bad.exit_code == 2
    assert "Error: '2026-48' is not an ISO week such as 2026-W48" in bad.output
    both = run(env, "rank", "--week", "2026-W48", "--since", "2026-11-01")
    assert both.exit_code == 2
    assert "give either --week or --since/--until, not both" in both.output
    half = run(env, "topics", "--since", "2026-11-01")
    assert half.exit_code == 2
    assert "--since and --until go together" in half.output


def test_sent_digest_rebuild_is_refused(env: tuple[Path, Path]) -> None:
    assert run(env, "build", "--week", "2026-W48").exit_code == 0
    with Archive(env[1]) as arch:
        arch.digests.mark_sent("2026-W48", datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
    result = run(env, "build", "--week", "2026-W48")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 2026-W48: digest was sent on 2026-11-30T08:00:00Z and is frozen;"
        " it cannot be rebuilt\n"
        "  hint: build another window, or give the new digest its own --id\n"
    )
    listing = run(env, "digest", "list")
    assert (
        "2026-W48                 2026-11-23 .. 2026-11-29  sent      8 item(s)" in listing.stdout
    )
    assert "sent 2026-11-30T08:00:00Z" in listing.stdout


def test_digest_show(env: tuple[Path, Path]) -> None:
    run(env, "build", "--week", "2026-W48", "--as-of", "2026-11-27T12:00:00Z")
    shown = run(env, "digest", "show", "2026-W48", "--json")
    with Archive(env[1]) as arch:
        assert shown.stdout == dump_json(arch.digests.get("2026-W48")) + "\n"
    text = run(env, "digest", "show", "2026-W48").stdout
    assert text.startswith(
        "2026-W48  2026-11-23 .. 2026-11-29  (draft, built 2026-11-27T12:00:00+00:00"
    )
    assert (
        "## Coding agents (coding-agents)\n1. Shipping with a coding agent  [ep0001, score " in text
    )
    missing = run(env, "digest", "show", "2026-W01")
    assert missing.exit_code == 1
    assert (
        missing.stderr == "Error: 2026-W01: no such digest\n  hint: see `castdigest digest list`\n"
    )


def test_rank_json_and_explain(env: tuple[Path, Path]) -> None:
    result = run(env, "rank", "--week", "2026-W48", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 9
    for row in rows:
        assert {"id", "title", "primary_topic", "topics", "score", "components", "decision"} <= set(
            row
        )
    by = {r["id"]: r for r in rows}
    assert by["ep0001"]["decision"] == "kept"
    assert by["ep0001"]["topics"][0] == by["ep0001"]["primary_topic"] == "coding-agents"
    assert by["ep0003"]["decision"] == "over-show-limit"
    assert by["ep0003"]["reason"] == "2 episode(s) of Harbor Notes already in (max_per_show)"
    assert set(by["ep0005"]["components"]) == {
        "recency",
        "topic",
        "richness",
        "length",
        "source",
        "novelty",
    }
    explain = run(env, "rank", "--week", "2026-W48", "--explain").stdout.splitlines()
    assert explain[0].split() == [
        "DECISION",
        "TOTAL",
        "REC",
        "TOP",
        "RICH",
        "LEN",
        "SRC",
        "NOV",
        "TOPIC",
        "ID",
        "TITLE",
        "—",
        "WHY",
    ]
    line = next(x for x in explain if "ep0003" in x)
    assert line.startswith("over-show-limit")
    assert line.endswith("— 2 episode(s) of Harbor Notes already in (max_per_show)")
    plain = run(env, "rank", "--week", "2026-W48")
    assert plain.stdout.splitlines()[0].endswith("ep0001  Shipping with a coding agent")
    assert "2026-W48: 9 candidate(s), 8 in" in plain.stderr


def test_rank_fills_empty_slots_and_explains_its_columns(env: tuple[Path, Path]) -> None:
    config, _ = env
    config.write_text(CONFIG.replace("max_items = 8\n", ""), encoding="utf-8")  # 12 slots
    rows = json.loads(run(env, "rank", "--week", "2026-W48", "--json").stdout)
    by = {r["id"]: r for r in rows}
    assert by["ep0003"]["decision"] == "kept"
    assert by["ep0003"]["relaxed"] == "max_per_show"
    assert by["ep0001"]["relaxed"] is None
    assert [r["id"] for r in rows if r["decision"] == "kept"][-1] == "ep0003"  # after the rest
    explain = run(env, "rank", "--week", "2026-W48", "--explain").stdout.splitlines()
    line = next(x for x in explain if "ep0003" in x)
    assert line.endswith("— kept: slot left empty by max_per_show (2), filled in rank order")
    assert explain[-1].startswith("Legend: TOTAL = REC + TOP + RICH + LEN + SRC + NOV")
    assert "REC recency" in explain[-1] and "NOV novelty" in explain[-1]


def test_pin_block_and_undo(env: tuple[Path, Path]) -> None:
    assert run(env, "pin", "ep0002").stdout == "ep0002: pinned\n"
    assert run(env, "block", "ep0002", "ep0003").stdout == (
        "ep0002: blocked (was pinned)\nep0003: blocked\n"
    )
    rows = {r["id"]: r for r in json.loads(run(env, "rank", "--week", "2026-W48", "--json").stdout)}
    assert rows["ep0002"]["decision"] == "blocked"
    assert rows["ep0002"]["reason"] == "blocked by the editor"
    assert run(env, "unpin", "ep0002").stdout == "ep0002: was not pinned\n"
    assert run(env, "unblock", "ep0002").stdout == "ep0002: no longer blocked\n"
    assert run(env, "pin", "ep0008").exit_code == 0
    rows = {r["id"]: r for r in json.loads(run(env, "rank", "--week", "2026-W48", "--json").stdout)}
    assert rows["ep0008"]["decision"] == "pinned"
    run(env, "build", "--week", "2026-W48")
    with Archive(env[1]) as arch:
        arch.digests.mark_sent("2026-W48", NOW)
    assert run(env, "pin", "ep0001").stdout == (
        "ep0001: pinned; already sent in 2026-W48, so it will not come back\n"
    )
    missing = run(env, "pin", "zzz")
    assert missing.exit_code == 1
    assert missing.stderr == "Error: zzz: no such episode\n  hint: see `castdigest episodes`\n"


def test_topics_counts_and_suggest(env: tuple[Path, Path]) -> None:
    result = run(env, "topics", "--week", "2026-W48", "--json")
    assert result.exit_code == 0
    counts = {t["slug"]: (t["episodes"], t["mentions"]) for t in json.loads(result.stdout)}
    assert counts == {"coding-agents": (4, 4), "infra": (1, 1), "other": (4, 4)}
    text = run(env, "topics", "--week", "2026-W48").stdout.splitlines()
    assert text[0].split() == ["SLUG", "EPISODES", "MENTIONS", "NAME"]
    assert text[-1].split() == ["other", "4", "4", "Also", "this", "week"]
    found = run(env, "topics", "suggest", "--as-of", "2026-11-28", "--json")
    assert found.exit_code == 0
    first = json.loads(found.stdout)[0]
    assert first["slug"] == "gardening"
    assert (first["kind"], first["episodes"], first["unclassified"]) == ("tag", 2, 2)
    assert first["examples"] == ["Compost in the city", "Gardening on balconies"]


def test_as_of_now_is_used_when_absent(env: tuple[Path, Path]) -> None:
    # No --as-of: the current week, whatever it is; the command still succeeds.
    result = run(env, "rank", "--json")
    assert result.exit_code == 0
    assert isinstance(json.loads(result.stdout), list)
    assert NOW.year == 2026


def test_build_of_an_empty_week_warns(env: tuple[Path, Path]) -> None:
    result = run(env, "build", "--week", "2026-W10")
    assert result.exit_code == 0
    assert result.stdout == "2026-W10\n"
    assert "warning: no episodes in 2026-03-02 .. 2026-03-08; the digest is empty" in result.stderr
    shown = json.loads(run(env, "digest", "show", "2026-W10", "--json").stdout)
    assert shown["sections"] == []


def test_duplicate_topic_slugs_exit_1(env: tuple[Path, Path]) -> None:
    config = env[0]
    config.write_text(CONFIG + '\n[[topics]]\nslug = "infra"\nname = "Again"\n', encoding="utf-8")
    for args in (("topics",), ("topics", "suggest"), ("rank",), ("build",)):
        result = run(env, *args)
        assert result.exit_code == 1, args
        assert result.stderr.startswith(
            "Error: topics: topic slug declared more than once: infra\n"
        ), args
