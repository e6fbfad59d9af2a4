"""`castdigest preview`: render, serve out/ on 127.0.0.1, re-render when inputs change.

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
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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
        handler = partial(_Handler, self, directory=str(out_dir))
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


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, preview: PreviewServer, *args: object, directory: str) -> None:
        self.preview = preview
        super().__init__(*args, directory=directory)  # type: ignore[arg-type]

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path in ("/__preview__", PREVIEW_PATH):
            self._send(self.preview.page().encode(), "text/html; charset=utf-8")
        elif path == PREVIEW_PATH + "status.json":
            self._send(json.dumps(self.preview.status()).encode(), "application/json")
        else:
            super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # always show the latest render
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return  # quiet: the terminal shows rebuilds, not every request
