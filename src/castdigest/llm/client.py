"""A Chat Completions client over httpx, with one retry layer (ours, no SDK).

- Connection errors, timeouts, 408, 409, 429 and 5xx are retried with jittered exponential
  backoff; a Retry-After header is honoured. Nothing waits past the episode's deadline.
- After 3 failed calls in a row the client stops calling for the rest of the run: an endpoint
  that is down must not make a build hang episode after episode.
- In `auto` mode a 400 steps structured output down, json_schema -> json_object -> prompt
  only, and the step is remembered for later calls.
- The answer's JSON is found by a balanced scan and validated with pydantic; an invalid answer
  gets one repair request, quoting the validation error.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from castdigest.config import LLMConfig, StructuredOutput
from castdigest.llm.jsonx import json_objects
from castdigest.llm.tokens import TRUNCATION_RATIO

T = TypeVar("T", bound=BaseModel)
RETRY_STATUS = frozenset({408, 409, 429})
FAILURES_BEFORE_STOP = 3
_STEP_DOWN = {
    StructuredOutput.JSON_SCHEMA: StructuredOutput.JSON_OBJECT,
    StructuredOutput.JSON_OBJECT: StructuredOutput.NONE,
}


class LLMError(Exception):
    """A call that did not give a usable answer; the episode falls back to extractive."""


@dataclass
class Usage:
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    retries: int = 0
    repairs: int = 0

    def add(self, other: Usage) -> None:
        self.calls += other.calls
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.seconds += other.seconds
        self.retries += other.retries
        self.repairs += other.repairs


@dataclass
class Answer:
    content: str
    finish_reason: str | None
    prompt_tokens: int | None
    completion_tokens: int | None


@dataclass
class ChatClient:
    config: LLMConfig
    backoff_s: float = 1.0  # first retry delay; doubles, with jitter, up to max_backoff_s
    max_backoff_s: float = 30.0
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = field(default_factory=lambda: random.Random(0))
    mode: StructuredOutput = field(init=False)
    failures_in_row: int = field(init=False, default=0)
    usage: Usage = field(init=False, default_factory=Usage)
    step_downs: list[str] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        mode = self.config.structured_output
        self.mode = StructuredOutput.JSON_SCHEMA if mode == StructuredOutput.AUTO else mode
        # Episodes may be condensed in parallel ([llm] max_concurrency): the run's counters
        # are shared under a lock, and each thread also counts into its own episode's tally.
        self._lock = threading.Lock()
        self._local = threading.local()

    @contextmanager
    def tally(self) -> Iterator[Usage]:
        """What this thread's calls use inside the block (one episode's share of the run)."""
        mine = Usage()
        self._local.usage = mine
        try:
            yield mine
        finally:
            self._local.usage = None

    def _count(self, **amounts: float) -> None:
        with self._lock:
            for target in (self.usage, getattr(self._local, "usage", None)):
                if target is not None:
                    for name, amount in amounts.items():
                        setattr(target, name, getattr(target, name) + amount)

    @property
    def stopped(self) -> bool:
        return self.failures_in_row >= FAILURES_BEFORE_STOP

    # ------------------------------------------------------------------ structured answers

    def ask(
        self,
        messages: list[dict[str, str]],
        schema: type[T],
        *,
        deadline: float,
        expected_prompt_tokens: int | None = None,
    ) -> T:
        """One validated answer, with one repair request when the first is not valid."""
        answer = self.chat(messages, schema, deadline=deadline)
        self._check_whole(answer, expected_prompt_tokens)
        try:
            return parse(answer.content, schema)
        except LLMError as first:
            self._count(repairs=1)
            repair = [
                *messages,
                {"role": "assistant", "content": answer.content},
                {
                    "role": "user",
                    "content": f"That answer was not valid: {first}. Answer again with only "
                    "the JSON object, following the schema exactly.",
                },
            ]
            again = self.chat(repair, schema, deadline=deadline)
            self._check_whole(again, None)
            return parse(again.content, schema)

    @staticmethod
    def _check_whole(answer: Answer, expected_prompt_tokens: int | None) -> None:
        if answer.finish_reason == "length":
            raise LLMError("the answer was cut at max_output_tokens (finish_reason=length)")
        seen = answer.prompt_tokens
        if (
            expected_prompt_tokens
            and seen is not None
            and seen < expected_prompt_tokens * (TRUNCATION_RATIO)
        ):
            raise LLMError(
                f"the server read {seen} prompt tokens of about {expected_prompt_tokens}: "
                "it truncated the input (raise its context length)"
            )

    # ------------------------------------------------------------------ one call, retried

    def chat(
        self, messages: list[dict[str, str]], schema: type[BaseModel], *, deadline: float
    ) -> Answer:
        if self.stopped:
            raise LLMError(
                f"stopped calling the endpoint after {FAILURES_BEFORE_STOP} failures in a row"
            )
        try:
            answer = self._chat_retried(messages, schema, deadline)
        except LLMError:
            with self._lock:
                self.failures_in_row += 1
            raise
        with self._lock:
            self.failures_in_row = 0
        return answer

    def _chat_retried(
        self, messages: list[dict[str, str]], schema: type[BaseModel], deadline: float
    ) -> Answer:
        attempt = 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise LLMError("the episode's deadline passed")
            started = time.monotonic()
            try:
                response = self._post(self._body(messages, schema), left)
            except httpx.TransportError as exc:
                problem, wait = f"no answer ({type(exc).__name__})", None
            else:
                self._count(seconds=time.monotonic() - started)
                if response.status_code == 200:
                    self._count(calls=1)
                    return self._answer(response)
                if response.status_code == 400 and self._step_down():
                    continue
                problem = f"HTTP {response.status_code}"
                if response.status_code not in RETRY_STATUS and response.status_code < 500:
                    raise LLMError(f"{problem}: {_error_text(response)}")
                wait = _retry_after(response)
            attempt += 1
            if attempt > self.config.max_retries:
                raise LLMError(f"{problem}, after {attempt} attempt(s)")
            self._count(retries=1)
            delay = wait if wait is not None else self._backoff(attempt)
            if time.monotonic() + delay >= deadline:
                raise LLMError(f"{problem}; the next retry would pass the episode's deadline")
            self.sleep(delay)

    def _backoff(self, attempt: int) -> float:
        base = min(self.max_backoff_s, self.backoff_s * 2 ** (attempt - 1))
        return float(base * self.rng.uniform(0.5, 1.5))

    def _step_down(self) -> bool:
        """In auto mode, a 400 is most often an endpoint that lacks the structured output
        asked for: ask again with the next weaker one."""
        with self._lock:
            if self.config.structured_output != StructuredOutput.AUTO:
                return False
            if self.mode not in _STEP_DOWN:
                return False
            self.step_downs.append(f"{self.mode} -> {_STEP_DOWN[self.mode]}")
            self.mode = _STEP_DOWN[self.mode]
            return True

    def _post(self, body: dict[str, Any], left: float) -> httpx.Response:
        cfg = self.config
        timeout = httpx.Timeout(min(cfg.timeout_s, left), connect=min(cfg.connect_timeout_s, left))
        headers = {"Content-Type": "application/json"}
        if cfg.api_key:
            headers["Authorization"] = f"Bearer {cfg.api_key}"
        url = cfg.base_url.rstrip("/") + "/chat/completions"
        with httpx.Client(timeout=timeout, trust_env=False) as http:
            return http.post(url, json=body, headers=headers)

    def _body(self, messages: list[dict[str, str]], schema: type[BaseModel]) -> dict[str, Any]:
        cfg = self.config
        body: dict[str, Any] = {
            "model": cfg.model,
            "messages": messages,
            "temperature": cfg.temperature,
            "max_tokens": cfg.max_output_tokens,
            "stream": False,
        }
        if cfg.seed is not None:
            body["seed"] = cfg.seed
        if self.mode == StructuredOutput.JSON_SCHEMA:
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": schema.__name__, "schema": schema.model_json_schema()},
            }
        elif self.mode == StructuredOutput.JSON_OBJECT:
            body["response_format"] = {"type": "json_object"}
        return body

    def _answer(self, response: httpx.Response) -> Answer:
        try:
            data = response.json()
            choice = data["choices"][0]
            content = choice["message"]["content"] or ""
        except (ValueError, KeyError, IndexError, TypeError):
            raise LLMError("the endpoint's answer is not a chat completion") from None
        usage = data.get("usage") if isinstance(data.get("usage"), dict) else {}
        prompt = usage.get("prompt_tokens") if isinstance(usage.get("prompt_tokens"), int) else None
        done = usage.get("completion_tokens")
        done = done if isinstance(done, int) else None
        self._count(prompt_tokens=prompt or 0, completion_tokens=done or 0)
        return Answer(str(content), choice.get("finish_reason"), prompt, done)


def parse(content: str, schema: type[T]) -> T:
    """The first JSON object in `content` that validates against `schema`."""
    first_error: str | None = None
    for obj in json_objects(content):
        try:
            return schema.model_validate(obj)
        except ValidationError as exc:
            first_error = first_error or _short(exc)
    raise LLMError(first_error or "no JSON object in the answer")


def _short(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "the object"
    return f"{where}: {err['msg']}"


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: the jittered backoff is close enough


def _error_text(response: httpx.Response) -> str:
    return " ".join(response.text.split())[:200] or "no details"
