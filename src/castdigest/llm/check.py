"""`castdigest llm check`: what the endpoint serves, whether structured output works, and how
long one round trip takes. Nothing is retried: the point is to see the endpoint as it is."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import httpx
from pydantic import BaseModel

from castdigest.config import LLMConfig
from castdigest.llm.client import ChatClient, LLMError


class _Pong(BaseModel):
    ok: bool


@dataclass
class CheckResult:
    base_url: str
    model: str
    models: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    structured_output: str | None = None  # the strongest mode the endpoint accepted
    round_trip_s: float | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, object]:
        return {
            "base_url": self.base_url,
            "model": self.model,
            "models": self.models,
            "model_served": self.model in self.models,
            "structured_output": self.structured_output,
            "round_trip_s": self.round_trip_s,
            "ok": self.ok,
            "problems": self.problems,
        }


def check(config: LLMConfig) -> CheckResult:
    out = CheckResult(config.base_url, config.model)
    out.models = _models(config, out.problems)
    if config.model and out.models and config.model not in out.models:
        out.problems.append(f"model {config.model!r} is not among the models served")
    client = ChatClient(config.model_copy(update={"max_retries": 0}))
    messages = [{"role": "user", "content": 'Answer with the JSON object {"ok": true} only.'}]
    started = time.monotonic()
    try:
        client.ask(messages, _Pong, deadline=started + config.timeout_s)
    except LLMError as exc:
        out.problems.append(f"a test request failed: {exc}")
    else:
        out.round_trip_s = round(time.monotonic() - started, 2)
        out.structured_output = str(client.mode)
    return out


def _models(config: LLMConfig, problems: list[str]) -> list[str]:
    url = config.base_url.rstrip("/") + "/models"
    headers = {"Authorization": f"Bearer {config.api_key}"} if config.api_key else {}
    timeout = httpx.Timeout(config.timeout_s, connect=config.connect_timeout_s)
    try:
        with httpx.Client(timeout=timeout, trust_env=False) as http:
            response = http.get(url, headers=headers)
        data = response.json() if response.status_code == 200 else None
    except (httpx.HTTPError, ValueError) as exc:
        problems.append(f"{url}: no usable answer ({type(exc).__name__})")
        return []
    if data is None:
        problems.append(f"{url}: HTTP {response.status_code}")
        return []
    items = data.get("data") if isinstance(data, dict) else None
    if not isinstance(items, list):
        problems.append(f"{url}: not a model list")
        return []
    return sorted(str(m["id"]) for m in items if isinstance(m, dict) and "id" in m)
