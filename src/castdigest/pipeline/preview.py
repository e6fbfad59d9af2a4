"""`castdigest preview`: render, serve out/ on 127.0.0.1, re-render when inputs change.

Only what is published is served: files under out/ whose type render writes (`SERVED_TYPES`:
HTML, text, CSS, feeds, OPML, JSON, images), never the archive, its journal, messages, locks,
logs or dotfiles, never through a symlink that leads out of out/, and never a folder listing
(a folder serves its index.html). Requests must name the server as `127.0.0.1` or `localhost`
in `Host`, so a web page that rebinds its own host name to 127.0.0.1 reads nothing.

The preview page (`/__preview__/`) shows the email at desktop and phone widths side by side,
a dark-mode toggle, the plain-text part, the HTML size against Gmail's ~102 KB clip line and
links to every feed. A watcher thread polls the modification times of the templates, the
config and the archive (polling needs no platform-specific file events) and calls `rebuild`
when any changed; the page polls `/__preview__/status.json` and reloads itself after a rebuild.
A failed rebuild keeps the last good output and shows the error on the page.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from castdigest.config import Settings
from castdigest.errors import CastdigestError
from castdigest.pipeline.publish import PublishReport
from castdigest.render.email import MAX_HTML_BYTES
from castdigest.render.templates import clear_cache, render
from castdigest.render.view import safe_name

CLIP_BYTES = 102 * 1024
PREVIEW_PATH = "/__preview__/"

Rebuild = Callable[[], tuple[PublishReport, Settings]]
Snapshot = tuple[tuple[str, int, int], ...]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """(path, mtime_ns, size) of every file under the given files and folders."""
    seen: list[tuple[str, int, int]] = []
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                st = file.stat()
            except OSError:
                continue  # missing (e.g. no -wal file yet) counts as absent
            seen.append((str(file), st.st_mtime_ns, st.st_size))
    return tuple(seen)


@dataclass
class State:
    generation: int = 0
    report: PublishReport | None = None
    settings: Settings | None = None
    error: str | None = None


class PreviewServer:
    """Serves `out_dir` and the preview page; `start()` renders once, then watches `watch()`."""

    def __init__(
        self,
        out_dir: Path,
        rebuild: Rebuild,
        watch: Callable[[], list[Path]],
        *,
        port: int = 0,
        interval: float = 0.5,
    ) -> None:
        self.out_dir = out_dir
        self._rebuild = rebuild
        self._watch = watch
        self._interval = interval
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self.state = State()
        out_dir.mkdir(parents=True, exist_ok=True)
        handler = partial(_Handler, self)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self._threads: list[threading.Thread] = []

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{PREVIEW_PATH}"

    def rebuild(self) -> None:
        clear_cache()
        try:
            report, settings = self._rebuild()
        except CastdigestError as exc:
            error = str(exc) + (f"\nhint: {exc.hint}" if exc.hint else "")
            with self._lock:
                self.state.error = error
                self.state.generation += 1
            return
        with self._lock:
            self.state = State(self.state.generation + 1, report, settings, None)

    def _watch_loop(self) -> None:
        last = snapshot(self._watch())
        while not self._stop.wait(self._interval):
            if snapshot(self._watch()) != last:
                self.rebuild()
                last = snapshot(self._watch())  # after: a rebuild may write the archive itself

    def start(self, *, serve: bool = True) -> None:
        """Render once, start the watcher and (unless `serve=False`) the server, in threads."""
        self.rebuild()
        targets: list[Callable[[], None]] = [self._watch_loop]
        if serve:
            targets.append(self.httpd.serve_forever)
        for target in targets:
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def page(self) -> str:
        with self._lock:
            state = self.state
        report, settings = state.report, state.settings
        if report is None or settings is None:
            return _bare_page(state.error or "Nothing rendered yet.", state.generation)
        folder = safe_name(report.digest_id)
        text_file = self.out_dir / folder / "email.txt"
        text = text_file.read_text(encoding="utf-8") if text_file.is_file() else ""
        feeds: dict[str, list[tuple[str, str]]] = {}
        for path in sorted(report.written + report.unchanged):
            if path.startswith("feeds/"):
                slug, _, ext = path.removeprefix("feeds/").rpartition(".")
                feeds.setdefault(slug, []).append((ext, "/" + path))
        return render(
            settings,
            "site/preview.html.j2",
            name=settings.newsletter.name,
            folder=folder,
            digest_id=report.digest_id,
            html_bytes=report.html_bytes,
            clip_bytes=CLIP_BYTES,
            limit_bytes=MAX_HTML_BYTES,
            trimmed=report.trimmed,
            text=text,
            feeds=sorted(feeds.items()),
            error=state.error,
            generation=state.generation,
        )

    def status(self) -> dict[str, object]:
        with self._lock:
            state = self.state
        return {
            "generation": state.generation,
            "digest_id": state.report.digest_id if state.report else None,
            "error": state.error,
        }


def _bare_page(message: str, generation: int) -> str:
    from html import escape

    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Preview</title></head>'
        f'<body><p role="alert" style="white-space:pre-wrap">{escape(message)}</p><script>'
        f"var g={generation};setInterval(function(){{fetch('{PREVIEW_PATH}status.json')"
        ".then(function(r){return r.json()}).then(function(s){if(s.generation!==g)"
        "location.reload()}).catch(function(){})},1000);</script></body></html>"
    )


# What render writes (and images a theme may add), with the type the preview serves it as.
# Feeds and OPML go out as XML so a browser shows them instead of downloading them.
SERVED_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".rss": "application/xml; charset=utf-8",
    ".atom": "application/xml; charset=utf-8",
    ".opml": "application/xml; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
}
# Never served even if a future allow-list entry would match: the archive and its journal,
# messages (which may carry unsubscribe tokens), locks and logs.
NEVER_SERVED = (".db", "-wal", "-shm", "-journal", ".eml", ".lock", ".log", ".tmp")
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})


def servable_name(name: str) -> bool:
    """A published file type by its name: not hidden, not private, on the allow-list."""
    lower = name.lower()
    if not lower or lower.startswith(".") or lower.endswith(NEVER_SERVED):
        return False
    return Path(lower).suffix in SERVED_TYPES


def local_host(header: str | None, port: int) -> bool:
    """`Host` names this server on the loopback: `127.0.0.1` or `localhost`, with its port or
    none. A page on another site that rebinds its own name to 127.0.0.1 sends its own name."""
    if not header:
        return False
    host, sep, given = header.strip().lower().rpartition(":")
    if not sep:
        host, given = given, ""
    if given and (not given.isdigit() or int(given) != port):
        return False
    return host in LOCAL_HOSTS


@dataclass(frozen=True)
class Found:
    """How a request path resolves: a file to serve, a redirect (folder without a slash), or
    nothing."""

    file: Path | None = None
    redirect: str | None = None


def resolve_request(root: Path, path: str) -> Found:
    """The file under `root` that `path` (already URL-decoded) names, if the preview may serve
    it: no hidden or `..` segment, no symlink leading out of `root`, a folder only through its
    index.html, and only published file types (`servable_name`), checked on the name asked for
    and on the file it resolves to."""
    if "\\" in path or "\x00" in path:
        return Found()
    parts = [p for p in path.split("/") if p]
    if any(p.startswith(".") for p in parts):  # `.`, `..` and dotfiles alike
        return Found()
    base = root.resolve()
    target = _contained(base, base.joinpath(*parts))
    if target is None:
        return Found()
    if target.is_dir():
        if parts and not path.endswith("/"):
            return Found(redirect=path + "/")
        target = _contained(base, target / "index.html")
        if target is None:
            return Found()
        parts = [*parts, "index.html"]
    asked = parts[-1] if parts else ""
    if not (target.is_file() and servable_name(asked) and servable_name(target.name)):
        return Found()
    return Found(file=target)


def _contained(base: Path, candidate: Path) -> Path | None:
    """`candidate` with every symlink resolved, when it exists and stays inside `base`."""
    try:
        real = candidate.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, unreadable, or a symlink loop
        return None
    return real if real.is_relative_to(base) else None


class _Handler(BaseHTTPRequestHandler):
    """GET and HEAD of the preview page and of published files under out/; nothing else."""

    def __init__(self, preview: PreviewServer, *args: object) -> None:
        self.preview = preview
        super().__init__(*args)  # type: ignore[arg-type]

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _answer(self, *, body: bool) -> None:
        if not local_host(self.headers.get("Host"), self.preview.port):
            self._send(421, b"Misdirected request: use http://127.0.0.1 or localhost\n", body)
            return
        try:
            path = unquote(urlsplit(self.path).path, errors="strict")
        except (UnicodeDecodeError, ValueError):
            self._send(400, b"Bad request\n", body)
            return
        if path in ("/__preview__", PREVIEW_PATH):
            self._send(200, self.preview.page().encode(), body, "text/html; charset=utf-8")
        elif path == PREVIEW_PATH + "status.json":
            data = json.dumps(self.preview.status()).encode()
            self._send(200, data, body, "application/json")
        else:
            self._file(path, body)

    def _file(self, path: str, body: bool) -> None:
        found = resolve_request(self.preview.out_dir, path)
        if found.redirect:
            self.send_response(301)
            self.send_header("Location", quote(found.redirect))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        try:
            data = found.file.read_bytes() if found.file else None
        except OSError:
            data = None
        if found.file is None or data is None:
            self._send(404, b"Not found\n", body)
            return
        self._send(200, data, body, SERVED_TYPES[found.file.suffix.lower()])

    def _send(
        self, status: int, data: bytes, body: bool, content_type: str = "text/plain; charset=utf-8"
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # always show the latest render
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return  # quiet: the terminal shows rebuilds, not every request
