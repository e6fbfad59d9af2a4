"""The Chat Completions client against a real scripted server on 127.0.0.1."""

from __future__ import annotations

import time

import pytest
from pydantic import BaseModel

from castdigest.config import LLMConfig, StructuredOutput, load_settings
from castdigest.errors import ConfigError
from castdigest.llm.client import ChatClient, LLMError, parse
from castdigest.llm.jsonx import json_objects
from llm_server import Step, answer, chat_server


class Pair(BaseModel):
    a: int
    b: str


MESSAGES = [{"role": "user", "content": "give a pair"}]


def client(url: str, **kw: object) -> ChatClient:
    cfg = LLMConfig.model_validate({"base_url": url, "model": "m", **kw})
    return ChatClient(cfg, backoff_s=0.01)


def deadline(s: float = 30.0) -> float:
    return time.monotonic() + s


def test_good_answer_sends_schema_seed_and_key_and_counts_tokens() -> None:
    with chat_server(answer({"a": 1, "b": "x"})) as (url, script):
        c = client(url, api_key="sk-test-0123456789abcdef", seed=7)
        assert c.ask(MESSAGES, Pair, deadline=deadline()) == Pair(a=1, b="x")
    sent = script.requests[0]
    assert sent["model"] == "m" and sent["temperature"] == 0.0 and sent["seed"] == 7
    assert sent["response_format"]["type"] == "json_schema"
    assert sent["response_format"]["json_schema"]["schema"]["required"] == ["a", "b"]
    assert sent["_authorization"] == "Bearer sk-test-0123456789abcdef"
    assert "tools" not in sent
    assert c.usage.calls == 1 and c.usage.completion_tokens == 50 and c.usage.prompt_tokens > 0


def test_429_with_retry_after_is_waited_for() -> None:
    waits: list[float] = []
    with chat_server(
        Step(status=429, body="slow down", headers={"Retry-After": "2"}), answer({"a": 2, "b": "y"})
    ) as (url, script):
        c = client(url)
        c.sleep = waits.append
        assert c.ask(MESSAGES, Pair, deadline=deadline()).a == 2
    assert waits == [2.0] and len(script.requests) == 2 and c.usage.retries == 1


def test_5xx_hang_and_dropped_connection_are_retried() -> None:
    with chat_server(
        Step(status=503, body="busy"),
        Step(hang_s=1.5, content="{}"),
        Step(drop=True),
        answer({"a": 3, "b": "z"}),
    ) as (url, script):
        c = client(url, timeout_s=0.5, max_retries=3)
        assert c.ask(MESSAGES, Pair, deadline=deadline()).a == 3
    assert len(script.requests) == 4 and c.usage.retries == 3 and c.failures_in_row == 0


def test_retries_run_out_and_three_failed_calls_stop_the_client() -> None:
    with chat_server(Step(status=500, body="down"), repeat_last=True) as (url, script):
        c = client(url, max_retries=1)
        for _ in range(3):
            with pytest.raises(LLMError, match=r"HTTP 500, after 2 attempt\(s\)"):
                c.ask(MESSAGES, Pair, deadline=deadline())
        with pytest.raises(LLMError, match="stopped calling the endpoint after 3 failures"):
            c.ask(MESSAGES, Pair, deadline=deadline())
    assert len(script.requests) == 6 and c.stopped


def test_a_retry_after_past_the_deadline_gives_up_without_waiting() -> None:
    with chat_server(Step(status=429, headers={"Retry-After": "3600"}, body="")) as (url, script):
        c = client(url)
        c.sleep = lambda s: pytest.fail(f"waited {s}s")
        with pytest.raises(LLMError, match="would pass the episode's deadline"):
            c.ask(MESSAGES, Pair, deadline=deadline(60))
    assert len(script.requests) == 1


def test_400_on_json_schema_steps_down_to_json_object_then_prompt_only() -> None:
    with chat_server(
        Step(status=400, body='{"error": "response_format json_schema unsupported"}'),
        Step(status=400, body='{"error": "response_format unsupported"}'),
        answer({"a": 4, "b": "w"}),
        answer({"a": 5, "b": "v"}),
    ) as (url, script):
        c = client(url)
        assert c.ask(MESSAGES, Pair, deadline=deadline()).a == 4
        assert c.ask(MESSAGES, Pair, deadline=deadline()).a == 5  # the step is remembered
    formats = [r.get("response_format", {}).get("type") for r in script.requests]
    assert formats == ["json_schema", "json_object", None, None]
    assert c.mode == StructuredOutput.NONE
    assert c.step_downs == ["json_schema -> json_object", "json_object -> none"]


def test_400_without_auto_is_a_failure_with_the_servers_words() -> None:
    with chat_server(Step(status=400, body='{"error": "model not found"}')) as (url, _):
        c = client(url, structured_output="json_object")
        with pytest.raises(LLMError, match=r'HTTP 400: \{"error": "model not found"\}'):
            c.ask(MESSAGES, Pair, deadline=deadline())


def test_prose_wrapped_json_is_found_by_a_balanced_scan() -> None:
    text = 'Sure! Here it is:\n```json\n{"a": 6, "b": "a } brace"}\n```\nHope {this} helps.'
    with chat_server(Step(content=text)) as (url, _):
        assert client(url).ask(MESSAGES, Pair, deadline=deadline()) == Pair(a=6, b="a } brace")
    assert list(json_objects('x {"a": 1} y {"b": {"c": 2}} {bad')) == [{"a": 1}, {"b": {"c": 2}}]


def test_invalid_json_is_repaired_once_with_the_error_quoted() -> None:
    with chat_server(Step(content='{"a": "many", "b": 1'), answer({"a": 7, "b": "ok"})) as (
        url,
        script,
    ):
        c = client(url)
        assert c.ask(MESSAGES, Pair, deadline=deadline()).a == 7
    repair = script.requests[1]["messages"]
    assert repair[-2] == {"role": "assistant", "content": '{"a": "many", "b": 1'}
    assert repair[-1]["content"].startswith("That answer was not valid: no JSON object")
    assert c.usage.repairs == 1 and c.usage.calls == 2


def test_invalid_json_twice_is_a_failure() -> None:
    bad = answer({"a": "x", "b": "y"})
    with (
        chat_server(bad, bad) as (url, _),
        pytest.raises(LLMError, match="a: Input should be a valid integer"),
    ):
        client(url).ask(MESSAGES, Pair, deadline=deadline())


def test_finish_reason_length_and_truncated_input_are_failures() -> None:
    cut = answer({"a": 1, "b": "x"}, finish_reason="length")
    with chat_server(cut) as (url, _), pytest.raises(LLMError, match="finish_reason=length"):
        client(url).ask(MESSAGES, Pair, deadline=deadline())
    short = answer({"a": 1, "b": "x"}, prompt_tokens=900)
    with (
        chat_server(short) as (url, _),
        pytest.raises(LLMError, match="read 900 prompt tokens of about 4000"),
    ):
        client(url).ask(MESSAGES, Pair, deadline=deadline(), expected_prompt_tokens=4000)


def test_parse_takes_the_first_object_that_validates() -> None:
    assert parse('{"x": 1} then {"a": 1, "b": "c"}', Pair) == Pair(a=1, b="c")


def test_config_remote_endpoint_needs_consent_and_https_and_key_only_from_env(
    tmp_path: object,
) -> None:
    with pytest.raises(ConfigError, match="not on this machine: set allow_remote"):
        load_settings(environ={"CASTDIGEST_LLM_BASE_URL": "http://llm.example.org/v1"})
    with pytest.raises(ConfigError, match="a remote endpoint must use https"):
        load_settings(
            environ={
                "CASTDIGEST_LLM_BASE_URL": "http://llm.example.org/v1",
                "CASTDIGEST_LLM_ALLOW_REMOTE": "true",
            }
        )
    key = "sk-live-abcdefghijklmnop"
    s = load_settings(
        environ={
            "CASTDIGEST_LLM_BASE_URL": "https://llm.example.org/v1",
            "CASTDIGEST_LLM_ALLOW_REMOTE": "true",
            "CASTDIGEST_LLM_API_KEY": key,
            "CASTDIGEST_CONDENSE_METHOD": "llm",
            "CASTDIGEST_LLM_MODEL": "m",
        }
    )
    assert s.llm.api_key == key and s.condense.method == "llm"
    assert key not in s.model_dump_json() and key not in repr(s)
    other = load_settings(
        environ={**_remote(), "CASTDIGEST_CONDENSE_METHOD": "llm", "CASTDIGEST_LLM_MODEL": "m"}
    )
    assert s.config_hash() == other.config_hash()
    assert load_settings(environ={}).condense.method == "extractive"
    with pytest.raises(
        ConfigError, match=r'llm.model: \[condense\] method = "llm" needs the model'
    ):
        load_settings(environ={"CASTDIGEST_CONDENSE_METHOD": "llm"})


def test_config_refuses_a_key_in_the_file(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "castdigest.toml"
    path.write_text('[llm]\napi_key = "sk-live-abcdefghijklmnop"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(path, environ={})
    assert "llm.api_key: must not be in the config file" in str(err.value)
    assert "sk-live" not in str(err.value)


def _remote() -> dict[str, str]:
    return {
        "CASTDIGEST_LLM_BASE_URL": "https://llm.example.org/v1",
        "CASTDIGEST_LLM_ALLOW_REMOTE": "true",
    }
