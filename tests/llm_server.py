"""A scripted Chat Completions endpoint on 127.0.0.1 for the language-model tests: each request
takes the next step of the script (an answer, an HTTP error, a hang, a dropped connection) and
is recorded, so a test can say what was sent and how often."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Step:
    status: int = 200
    content: str | None = None  # the assistant's message; the body is a chat completion
    body: str | None = None  # a raw body instead (error pages)
    headers: dict[str, str] = field(default_factory=dict)
    finish_reason: str = "stop"
    prompt_tokens: int | None = None  # None: the request's length / 4, like a real tokenizer
    hang_s: float = 0.0  # wait this long before answering (past the client's timeout)
    drop: bool = False  # close the connection without an answer
    reply: Callable[[dict[str, Any]], str] | None = None  # content computed from the request


def answer(obj: Any, **kw: Any) -> Step:
    return Step(content=json.dumps(obj, ensure_ascii=False), **kw)


@dataclass
class Script:
    steps: list[Step]
    requests: list[dict[str, Any]] = field(default_factory=list)
    repeat_last: bool = False
    models: list[str] | None = None
    in_flight: int = 0
    max_in_flight: int = 0  # the most requests the server was answering at once
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def stop(self) -> None:
        with self.lock:
            self.in_flight -= 1

    def next(self, request: dict[str, Any]) -> Step:
        self.requests.append(request)
        if self.steps and (len(self.steps) > 1 or not self.repeat_last):
            return self.steps.pop(0)
        if self.steps:
            return self.steps[0]
        return Step(status=500, body="script exhausted")


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        """/v1/models: the models the script says it serves."""
        models = self.server.script.models
        if models is None:
            self.send_error(404)
            return
        payload = json.dumps({"object": "list", "data": [{"id": m} for m in models]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_POST(self) -> None:
        size = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(size).decode("utf-8")
        request = json.loads(raw)
        request["_authorization"] = self.headers.get("Authorization")
        with self.server.script.lock:
            step = self.server.script.next(request)
        self.server.script.start()
        try:
            self._reply(step, request, raw)
        finally:
            self.server.script.stop()

    def _reply(self, step: Step, request: dict[str, Any], raw: str) -> None:
        if step.hang_s:
            time.sleep(step.hang_s)
        if step.drop:
            self.close_connection = True
            self.connection.shutdown(2)
            return
        content = step.reply(request) if step.reply is not None else step.content
        if step.body is not None:
            payload = step.body.encode()
        else:
            tokens = step.prompt_tokens if step.prompt_tokens is not None else len(raw) // 4
            payload = json.dumps(
                {
                    "id": "chatcmpl-test",
                    "object": "chat.completion",
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": content},
                            "finish_reason": step.finish_reason,
                        }
                    ],
                    "usage": {"prompt_tokens": tokens, "completion_tokens": 50},
                }
            ).encode()
        self.send_response(step.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in step.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, script: Script) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script = script


@contextmanager
def chat_server(*steps: Step, repeat_last: bool = False) -> Iterator[tuple[str, Script]]:
    """(base_url, script) of a server answering with `steps`, one per request."""
    script = Script(list(steps), repeat_last=repeat_last)
    server = _Server(script)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", script
    finally:
        server.shutdown()
        server.server_close()
