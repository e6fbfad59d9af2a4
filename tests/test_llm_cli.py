"""`condense --method llm PATH` and `build` with the llm method, through CliRunner, against a
scripted Chat Completions server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from castdigest.cli import cli
from llm_server import Step, answer, chat_server

TALK = """Release trains at Harbor
Ada: Welcome to Harbor Notes. Today we talk about release trains with Emma.
Emma: We ship every 14 days now, and the release captain rotates every week.
Emma: Rollbacks went from 9 a month to 2 once canaries gated every deploy.
Ada: How do you keep the captain from burning out during a bad week?
Emma: The captain never fixes bugs; they only decide whether the train leaves.
"""


def tk(text: str, *evidence: str) -> dict[str, object]:
    return {"text": text, "evidence": list(evidence)}


GOOD = {
    "blurb": "Emma on release trains every 14 days and the captain who decides.",
    "takeaways": [
        tk("The team ships every 14 days with a weekly release captain.", "S0002"),
        tk("Canaries gating deploys cut rollbacks from 9 a month to 2.", "S0002"),
        tk("The captain never fixes bugs and only decides whether the train leaves.", "S0004"),
    ],
    "quotes": [{"segment": "S0004", "text": "they only decide whether the train leaves"}],
}


def run(tmp_path: Path, url: str, *args: str, retries: int = 3) -> tuple[int, str, str]:
    talk = tmp_path / "talk.txt"
    talk.write_text(TALK, encoding="utf-8")
    env = {"CASTDIGEST_LLM_BASE_URL": url, "CASTDIGEST_LLM_MODEL": "test-model"}
    env["CASTDIGEST_LLM_MAX_RETRIES"] = str(retries)
    result = CliRunner().invoke(cli, ["condense", str(talk), *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_condense_method_llm_on_one_file(tmp_path: Path) -> None:
    with chat_server(answer(GOOD)) as (url, script):
        code, out, err = run(tmp_path, url, "--method", "llm", "--json")
    assert code == 0, err
    data = json.loads(out)
    (ep,) = data["episodes"]
    assert [t["text"] for t in ep["takeaways"]] == [t["text"] for t in GOOD["takeaways"]]
    assert ep["quotes"] == [
        {
            "text": "they only decide whether the train leaves",
            "speaker": "Emma",
            "offset": None,
            "link": None,
        }
    ]
    (report,) = data["llm"]
    assert report["method"] == "llm" and report["calls"] == 1 and report["tokens_out"] == 50
    assert report["fallback"] is None and len(script.requests) == 1
    assert "llm: " in err and "1 call(s)" in err


def test_condense_method_llm_falls_back_and_says_so(tmp_path: Path) -> None:
    with chat_server(Step(status=500, body="down"), repeat_last=True) as (url, _):
        code, out, err = run(tmp_path, url, "--method", "llm", retries=1)
    assert code == 0, err
    assert "warning: " in err and "condensed extractively" in err
    assert "extractive: HTTP 500, after 2 attempt(s)" in err
    assert out.startswith("Release trains at Harbor")


def test_the_extractive_default_makes_no_call(tmp_path: Path) -> None:
    with chat_server() as (url, script):
        code, out, err = run(tmp_path, url, "--json")
    assert code == 0, err
    assert script.requests == []
    assert list(json.loads(out)) == ["episodes"]


def _check(url: str, *args: str) -> tuple[int, str, str]:
    env = {"CASTDIGEST_LLM_BASE_URL": url, "CASTDIGEST_LLM_MODEL": "test-model"}
    result = CliRunner().invoke(cli, ["llm", "check", *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_llm_check_lists_models_and_the_structured_output_that_works() -> None:
    with chat_server(
        Step(status=400, body='{"error": "json_schema unsupported"}'), answer({"ok": True})
    ) as (url, script):
        script.models = ["other-model", "test-model"]
        code, out, err = _check(url, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["models"] == ["other-model", "test-model"] and data["model_served"]
    assert data["structured_output"] == "json_object" and data["ok"] and data["problems"] == []
    assert isinstance(data["round_trip_s"], float)


def test_llm_check_says_what_is_wrong_and_exits_1() -> None:
    with chat_server(Step(status=500, body="down")) as (url, script):
        script.models = ["other-model"]
        code, out, err = _check(url)
    assert code == 1
    assert "models: other-model" in out and "model: test-model (not listed)" in out
    assert "Error: model 'test-model' is not among the models served" in err
    assert "Error: a test request failed: HTTP 500, after 1 attempt(s)" in err


@pytest.mark.parametrize(
    "script", [["condense_llm.py"], ["condense_quality.py", "--method", "llm"]]
)
def test_the_llm_bench_without_an_endpoint_says_so_and_exits_0(
    tmp_path: Path, script: list[str]
) -> None:
    root = Path(__file__).resolve().parents[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASTDIGEST_")}
    env["PYTHONPATH"] = str(root / "src")
    done = subprocess.run(
        [sys.executable, str(root / "bench" / script[0]), *script[1:], "--limit", "1"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("no language-model endpoint configured")


def test_build_with_the_llm_method_reports_each_episode(tmp_path: Path) -> None:
    from castdigest.archive import Archive
    from digest_fixtures import NOW
    from test_llm_condense import GOOD as GOOD_ANSWER
    from test_llm_condense import episode

    config = tmp_path / "castdigest.toml"
    config.write_text('[condense]\nmethod = "llm"\n', encoding="utf-8")
    db = tmp_path / "a.db"
    with Archive(db) as archive, archive.transaction():
        archive.episodes.save(episode(), ["id:ep0042"], NOW)
    args = ["--config", str(config), "build", "--week", "2026-W48"]
    args += ["--as-of", "2026-11-27T12:00:00Z", "--db", str(db)]
    with chat_server(answer(GOOD_ANSWER)) as (url, script):
        env = {"CASTDIGEST_LLM_BASE_URL": url, "CASTDIGEST_LLM_MODEL": "test-model"}
        first = CliRunner().invoke(cli, args, env=env)
        again = CliRunner().invoke(cli, [*args, "--json"], env=env)
    assert first.exit_code == 0, first.output
    assert "llm: ep0042: llm, 1 call(s), " in first.stderr
    assert "condensed 1, cached 0" in first.stderr
    summary = json.loads(again.stdout)
    assert summary["llm"] == [] and summary["cached"] == 1 and len(script.requests) == 1
