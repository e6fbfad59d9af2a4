"""The preview server serves published files from out/ and nothing else, to local names only.

A real server on 127.0.0.1; requests go through http.client with the Host header set by hand.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from castdigest.config import Settings
from castdigest.errors import RenderError
from castdigest.models import Digest
from castdigest.pipeline.preview import PreviewServer, local_host, servable_name
from castdigest.pipeline.publish import PublishReport
from castdigest.render.view import clean_digest
from render_sample import big_digest


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass
class Served:
    port: int
    out: Path
    outside: Path

    def get(self, path: str, host: str | None = "", method: str = "GET") -> Reply:
        """`host=""`: `127.0.0.1:<port>`; `None`: no Host header at all."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            if host is not None:
                conn.putheader("Host", host or f"127.0.0.1:{self.port}")
            conn.endheaders()
            resp = conn.getresponse()
            return Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
        finally:
            conn.close()


def _no_rebuild() -> tuple[PublishReport, Settings]:
    raise RenderError("not used by these tests")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _layout(tmp_path: Path) -> tuple[Path, Path]:
    out, outside = tmp_path / "out", tmp_path / "private"
    _write(out / "index.html", "<h1>Archive</h1>")
    _write(out / "2026-W48" / "index.html", "<h1>Web version</h1>")
    _write(out / "2026-W48" / "email.html", "<h1>Email</h1>")
    _write(out / "2026-W48" / "email.txt", "Plain text part")
    _write(out / "2026-W48" / "email.eml", "To: reader@example.org\n\nmessage")
    _write(out / "2026-W48" / "outbox" / "1.eml", "List-Unsubscribe: <https://x/?token=t0k3n>")
    _write(out / "feeds" / "all.rss", "<rss/>")
    _write(out / "feeds" / "all.atom", "<feed/>")
    _write(out / "feeds" / "all.json", '{"version": "1.1"}')
    _write(out / "feeds.opml", "<opml/>")
    _write(out / "style.css", "body{}")
    _write(out / "empty" / "notes.html", "<p>no index here</p>")
    for private in [
        "castdigest.db",
        "castdigest.db-wal",
        "castdigest.db-shm",
        "castdigest.db.lock",
        "castdigest.db-journal",
        "weekly.log",
        ".env.html",
        ".git/config",
        ".well-hidden/index.html",
        "notes.md",
        "script.js",
        "page.HTML.bak",
    ]:
        _write(out / private, "secret")
    _write(outside / "secret.html", "outside secret")
    _write(outside / "index.html", "outside index")
    (out / "passwd.html").symlink_to("/etc/passwd")
    (out / "leak.html").symlink_to(outside / "secret.html")
    (out / "leakdir").symlink_to(outside)
    (out / "db.html").symlink_to(out / "castdigest.db")  # inside out/, but not a published type
    (out / "alias.html").symlink_to(out / "index.html")  # inside out/ and published: served
    (out / "loop.html").symlink_to(out / "loop.html")
    return out, outside


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    out, outside = _layout(tmp_path)
    server = PreviewServer(out, _no_rebuild, lambda: [], port=0)
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(server.port, out, outside)
    finally:
        server.stop()
        thread.join(timeout=5)


@pytest.mark.parametrize(
    ("path", "body", "content_type"),
    [
        ("/", b"<h1>Archive</h1>", "text/html; charset=utf-8"),
        ("/index.html", b"<h1>Archive</h1>", "text/html; charset=utf-8"),
        ("/2026-W48/", b"<h1>Web version</h1>", "text/html; charset=utf-8"),
        ("/2026-W48/email.html", b"<h1>Email</h1>", "text/html; charset=utf-8"),
        ("/2026-W48/email.txt", b"Plain text part", "text/plain; charset=utf-8"),
        ("/feeds/all.rss", b"<rss/>", "application/xml; charset=utf-8"),
        ("/feeds/all.atom", b"<feed/>", "application/xml; charset=utf-8"),
        ("/feeds/all.json", b'{"version": "1.1"}', "application/json; charset=utf-8"),
        ("/feeds.opml", b"<opml/>", "application/xml; charset=utf-8"),
        ("/style.css", b"body{}", "text/css; charset=utf-8"),
        ("/alias.html", b"<h1>Archive</h1>", "text/html; charset=utf-8"),
        ("/2026-W48/email.html?x=1", b"<h1>Email</h1>", "text/html; charset=utf-8"),
    ],
)
def test_published_files_are_served(
    served: Served, path: str, body: bytes, content_type: str
) -> None:
    reply = served.get(path)
    assert (reply.status, reply.body) == (200, body)
    assert reply.headers["content-type"] == content_type
    assert reply.headers["x-content-type-options"] == "nosniff"


def test_localhost_by_name_is_served(served: Served) -> None:
    assert served.get("/index.html", host=f"localhost:{served.port}").status == 200
    assert served.get("/index.html", host="LOCALHOST").status == 200
    assert served.get("/index.html", host="127.0.0.1").status == 200


@pytest.mark.parametrize(
    "path",
    [
        "/castdigest.db",
        "/castdigest.db-wal",
        "/castdigest.db-shm",
        "/castdigest.db.lock",
        "/castdigest.db-journal",
        "/weekly.log",
        "/2026-W48/email.eml",
        "/2026-W48/outbox/1.eml",
        "/.env.html",
        "/.git/config",
        "/.well-hidden/",
        "/.well-hidden/index.html",
        "/notes.md",
        "/script.js",
        "/page.HTML.bak",
        "/missing.html",
    ],
)
def test_private_and_unlisted_files_are_not_found(served: Served, path: str) -> None:
    reply = served.get(path)
    assert reply.status == 404
    assert b"secret" not in reply.body and b"token" not in reply.body


@pytest.mark.parametrize(
    "path",
    [
        "/passwd.html",  # symlink to /etc/passwd
        "/leak.html",  # symlink to a file beside out/
        "/leakdir/secret.html",  # through a symlinked folder
        "/leakdir/",
        "/leakdir",
        "/db.html",  # a published name for a private file
        "/loop.html",
        "/../private/secret.html",
        "/%2e%2e/private/secret.html",
        "/feeds/..%2f..%2fprivate/secret.html",
        "/..%5cprivate%5csecret.html",
        "/%00index.html",
        "/../../../../etc/passwd",
    ],
)
def test_nothing_outside_out_is_reachable(served: Served, path: str) -> None:
    reply = served.get(path)
    assert reply.status == 404
    assert b"outside" not in reply.body and b"root:" not in reply.body


def test_folders_are_never_listed(served: Served) -> None:
    bare = served.get("/empty/")
    assert bare.status == 404
    assert b"notes.html" not in bare.body
    slashless = served.get("/2026-W48")
    assert slashless.status == 301 and slashless.headers["location"] == "/2026-W48/"
    assert served.get("/feeds/").status == 404  # a folder without index.html
    assert served.get("/empty/notes.html").status == 200  # its files are still served


@pytest.mark.parametrize(
    "host",
    [
        "evil.example.com",
        "evil.example.com:8000",
        "127.0.0.1.evil.example.com",
        "localhost.evil.example.com",
        "127.0.0.2",
        "0.0.0.0",
        "[::1]",
        "localhost:1",  # another port: another server
        "localhost:abc",
        "",
    ],
)
def test_other_host_names_are_refused(served: Served, host: str) -> None:
    reply = served.get("/index.html", host=host if host else " ")
    assert reply.status == 421
    assert b"Archive" not in reply.body
    assert served.get("/__preview__/status.json", host=host if host else " ").status == 421


def test_a_request_without_host_is_refused(served: Served) -> None:
    assert served.get("/index.html", host=None).status == 421


def test_head_answers_without_a_body_and_other_methods_are_refused(served: Served) -> None:
    head = served.get("/index.html", method="HEAD")
    assert head.status == 200 and head.body == b""
    assert head.headers["content-length"] == str(len("<h1>Archive</h1>"))
    assert served.get("/index.html", method="POST").status == 501
    assert served.get("/castdigest.db", method="HEAD").status == 404


def test_names_and_hosts_on_their_own() -> None:
    assert servable_name("email.html") and servable_name("all.atom")
    assert not servable_name("email.eml") and not servable_name(".hidden.html")
    assert not servable_name("castdigest.db-wal") and not servable_name("x.log")
    assert local_host("127.0.0.1:8025", 8025) and local_host("localhost", 8025)
    assert not local_host("localhost:8026", 8025) and not local_host(None, 8025)


def test_control_characters_are_taken_out_of_a_digest_and_a_clean_one_is_kept() -> None:
    digest = big_digest(2)
    assert clean_digest(digest) is digest  # nothing to take out: the same object
    data = digest.model_dump()
    data["sections"][0]["items"][0]["title"] = "Bell\x07 and a C:\\bin path\x1b[31m"
    dirty = Digest.model_validate(data)
    cleaned = clean_digest(dirty)
    assert cleaned.sections[0].items[0].title == "Bell and a C:\\bin path[31m"
    # a backslash before "b" alone is no control character, but the check may look twice
    data["sections"][0]["items"][0]["title"] = "C:\\bin"
    assert clean_digest(Digest.model_validate(data)).sections[0].items[0].title == "C:\\bin"
    # the controls JSON writes as themselves (DEL and the two non-characters) are found too
    data["sections"][0]["items"][0]["show"] = "a\x7fb\ufffec\uffffd"
    item = clean_digest(Digest.model_validate(data)).sections[0].items[0]
    assert (item.show, item.title) == ("abcd", "C:\\bin")
