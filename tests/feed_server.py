"""A real HTTP server on 127.0.0.1 for fetch tests: serves files and misbehaves on purpose.

`/files/<path>` serves a file from the folder given (with ETag / Last-Modified and 304 on a
matching conditional request); `/sample/harbor-notes.xml` serves the sample feed with its
`https://example.org/harbor-notes/` links pointing back at this server. The other routes fail
in one way each. Every request's path and headers are recorded in `server.requests`.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LAST_MODIFIED = "Tue, 24 Nov 2026 08:00:00 GMT"
SLOW_SECONDS = 2.0
HUGE = 300_000  # bytes: above the cap tests set (200 kB), below nothing else served
TYPES = {
    ".xml": "application/rss+xml; charset=utf-8",
    ".json": "application/json",
    ".vtt": "text/vtt",
    ".srt": "application/x-subrip",
    ".html": "text/html; charset=utf-8",
    ".md": "text/markdown",
    ".txt": "text/plain",
}
SAMPLE_BASE = "https://example.org/harbor-notes/"


@dataclass
class Served:
    base: str
    roots: dict[str, Path]
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path.lstrip("/")


def _handler(served: Served) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            served.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = getattr(self, "route_" + self.path.strip("/").split("/")[0].replace("-", "_"))
            route()

        def _send(self, status: int, body: bytes, ctype: str, **headers: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k.replace("_", "-"), v)
            self.end_headers()
            self.wfile.write(body)

        def _file(self, root: Path, rel: str, rewrite: bool = False) -> None:
            path = (root / rel).resolve()
            if not path.is_file() or root.resolve() not in path.parents:
                self._send(404, b"not here", "text/plain")
                return
            body = path.read_bytes()
            if rewrite:
                body = body.replace(SAMPLE_BASE.encode(), served.url("sample/").encode())
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            ctype = TYPES.get(path.suffix, "application/octet-stream")
            self._send(200, body, ctype, ETag=etag, Last_Modified=LAST_MODIFIED)

        def route_files(self) -> None:
            self._file(served.roots["files"], self.path.split("/", 2)[2])

        def route_sample(self) -> None:
            self._file(served.roots["sample"], self.path.split("/", 2)[2], rewrite=True)

        def route_redirect(self) -> None:
            self.send_response(301)
            self.send_header("Location", "/files/" + self.path.split("/", 2)[2])
            self.send_header("Content-Length", "0")
            self.end_headers()

        def route_loop(self) -> None:
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def route_status(self) -> None:
            code = int(self.path.rsplit("/", 1)[1])
            self._send(code, b"" if code in (202, 204) else b"<h1>nope</h1>", "text/html")

        def route_slow(self) -> None:
            time.sleep(SLOW_SECONDS)
            self._send(200, b"<rss version='2.0'><channel></channel></rss>", "application/xml")

        def route_drip(self) -> None:
            # Each byte comes well within the read timeout; the whole never does.
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.2)
            self.close_connection = True

        def route_wrong_type(self) -> None:
            self._send(200, b"ID3\x03\x00\x00\x00" + b"\x00" * 100, "audio/mpeg")

        def route_html(self) -> None:
            page = b"<!doctype html><html><body><p>Parked domain.</p></body></html>"
            self._send(200, page, "text/html; charset=utf-8")

        def route_truncated(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "5000")
            self.end_headers()
            self.wfile.write(b"<?xml version='1.0'?><rss version='2.0'><channel><title>Cut")
            self.wfile.flush()
            self.close_connection = True

        def route_huge(self) -> None:
            # Declares its size honestly: refused before reading.
            self._send(200, b"<rss>" + b" " * HUGE + b"</rss>", "application/rss+xml")

        def route_endless(self) -> None:
            # No Content-Length: the cap must stop the read.
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(b"<rss version='2.0'><channel>")
            for _ in range(HUGE // 1024 + 10):
                self.wfile.write(b"<!-- padding -->" * 64)
            self.close_connection = True

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients that gave up (timeouts, size caps) leave broken pipes behind: expected here.
        pass


@contextmanager
def serve(files: Path, sample: Path) -> Iterator[Served]:
    served = Served(base="", roots={"files": files, "sample": sample})
    server = _Server(("127.0.0.1", 0), _handler(served))
    served.base = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
