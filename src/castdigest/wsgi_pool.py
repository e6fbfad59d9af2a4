"""A wsgiref server for a small public endpoint that slow or hostile clients cannot exhaust.

- A fixed pool of worker threads: the server accepts a connection only when a worker is free,
  so the rest wait in the kernel's listen backlog and the thread count never grows.
- A deadline for each request's line and headers, and another for its body, counted from
  when a worker takes the connection: a client sending a byte now and then (slowloris) or a
  body that never ends is dropped when its time is up, not when it stops sending.
- One request per connection (wsgiref speaks HTTP/1.0), so nothing idles between requests.
- Log lines name the path without its query string, which may carry a secret token.
"""

from __future__ import annotations

import contextlib
import io
import math
import socket
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, cast
from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer

if TYPE_CHECKING:
    from socketserver import _RequestType
    from wsgiref.types import WSGIApplication

BACKLOG = 64  # connections the kernel holds while every worker is busy
_SLOT_POLL_S = 0.2  # how often a full server looks whether it is being shut down
_TIMED_OUT = b"HTTP/1.0 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"


@dataclass(frozen=True)
class Limits:
    workers: int = 8
    header_timeout_s: float = 10.0
    body_timeout_s: float = 10.0


class _DeadlineReader(io.RawIOBase):
    """Socket reads that fail with TimeoutError once `deadline` (time.monotonic) has passed,
    however the bytes trickle in; between reads the socket keeps `idle_timeout` for writes."""

    def __init__(self, sock: socket.socket, idle_timeout: float) -> None:
        super().__init__()
        self.sock = sock
        self.idle_timeout = idle_timeout
        self.deadline = math.inf

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("client too slow")
        self.sock.settimeout(min(left, self.idle_timeout))
        try:
            return self.sock.recv_into(buffer)
        finally:
            self.sock.settimeout(self.idle_timeout)


class PoolRequestHandler(WSGIRequestHandler):
    """wsgiref's handler with the deadlines of `Limits` and a log without query strings."""

    def setup(self) -> None:
        super().setup()
        limits = cast(PoolServer, self.server).limits
        self.rfile.close()
        self._reader = _DeadlineReader(self.connection, limits.body_timeout_s)
        self._reader.deadline = time.monotonic() + limits.header_timeout_s
        self.rfile = io.BufferedReader(self._reader)

    def handle(self) -> None:
        server = cast(PoolServer, self.server)
        try:
            self.raw_requestline = self.rfile.readline(65537)
            if not self.raw_requestline:
                return  # connected and left
            if len(self.raw_requestline) > 65536:
                self.requestline, self.request_version, self.command = "", "", ""
                self.send_error(414)
                return
            if not self.parse_request():
                return  # parse_request sent the error
        except TimeoutError:
            self._drop("headers")
            return
        self._reader.deadline = time.monotonic() + server.limits.body_timeout_s
        wfile = cast(IO[bytes], self.wfile)
        handler = ServerHandler(
            self.rfile, wfile, self.get_stderr(), self.get_environ(), multithread=True
        )
        handler.request_handler = self  # type: ignore[attr-defined]  # wsgiref's back-pointer
        handler.run(server.app)

    def _drop(self, phase: str) -> None:
        """Tell a client that ran out of time so, without waiting on it, and hang up."""
        self.log_message("dropped a client too slow to send its %s", phase)
        try:
            self.connection.settimeout(0)
            self.connection.send(_TIMED_OUT)
        except OSError:
            pass

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        path = self.path.split("?", 1)[0]
        self.log_message('"%s %s" %s', self.command, path, str(code))


class PoolServer(WSGIServer):
    """A WSGIServer that runs each connection on a bounded pool of workers.

    `active` is how many connections workers hold now and `peak` the most they ever held at
    once (never more than `limits.workers`).
    """

    def __init__(self, address: tuple[str, int], app: WSGIApplication, limits: Limits) -> None:
        # Set before binding: a failed bind calls server_close, which needs them.
        self.limits = limits
        self.request_queue_size = BACKLOG
        self._slots = threading.BoundedSemaphore(limits.workers)
        self._pool = ThreadPoolExecutor(limits.workers, thread_name_prefix="castdigest-http")
        self._closing = threading.Event()
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self.active = 0
        self.peak = 0
        super().__init__(address, PoolRequestHandler)
        self.app = app

    def get_request(self) -> tuple[socket.socket, Any]:
        # Accept only with a worker free: the others wait in the listen backlog.
        while not self._slots.acquire(timeout=_SLOT_POLL_S):
            if self._closing.is_set():
                raise OSError("server closing")
        try:
            return super().get_request()
        except BaseException:
            self._slots.release()
            raise

    def process_request(self, request: _RequestType, client_address: Any) -> None:
        sock = cast(socket.socket, request)
        with self._lock:
            self._open.add(sock)
            self.active += 1
            self.peak = max(self.peak, self.active)
        try:
            self._pool.submit(self._work, sock, client_address)
        except RuntimeError:  # the pool is shut down: the server is closing
            self._done(sock)

    def _work(self, sock: socket.socket, client_address: Any) -> None:
        try:
            self.finish_request(sock, client_address)
        except Exception:
            self.handle_error(sock, client_address)
        finally:
            self._done(sock)

    def _done(self, sock: socket.socket) -> None:
        with self._lock:
            self._open.discard(sock)
            self.active -= 1
        self.shutdown_request(sock)
        self._slots.release()

    def handle_error(self, request: _RequestType, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return  # the client went away or stalled mid-reply: nothing of ours to report
        super().handle_error(request, client_address)

    def shutdown(self) -> None:
        self._closing.set()
        super().shutdown()

    def server_close(self) -> None:
        """Stop listening, hang up on clients still connected, and wait for the workers."""
        self._closing.set()
        super().server_close()
        with self._lock:
            clients = list(self._open)
        for sock in clients:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        self._pool.shutdown(wait=True)


def make_pool_server(host: str, port: int, app: WSGIApplication, limits: Limits) -> PoolServer:
    """A ready server (port 0 picks a free one); call `serve_forever()`, then `server_close()`."""
    return PoolServer((host, port), app, limits)
