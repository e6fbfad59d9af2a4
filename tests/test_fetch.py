"""Fetching over HTTP against a real server on 127.0.0.1 (tests/feed_server.py): no internet."""

from __future__ import annotations

import json
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from castdigest.cli import cli
from castdigest.config import HttpConfig
from castdigest.errors import FetchError
from castdigest.pipeline.fetch import fetch, make_client
from feed_server import Served, serve

ROOT = Path(__file__).resolve().parents[1]
CAP = 200_000
ENV = {"CASTDIGEST_HTTP_TIMEOUT": "0.5", "CASTDIGEST_HTTP_MAX_BYTES": str(CAP)}


@pytest.fixture
def server(shared: Path) -> Iterator[Served]:
    with serve(shared / "fixtures", ROOT / "samples" / "feeds") as served:
        yield served


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with make_client(HttpConfig(timeout=0.5, max_bytes=CAP)) as c:
        yield c


def run(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner(env=ENV).invoke(cli, [*args, "--db", str(tmp_path / "a.db")])
    return result.exit_code, result.stdout, result.stderr


# --------------------------------------------------------------------------- fetch()


def test_fetch_returns_body_type_and_validators(server: Served, client: httpx.Client) -> None:
    got = fetch(client, server.url("files/feeds/simple.xml"), CAP)
    assert got.status == 200
    assert got.data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert len(got.data) == 3532
    assert got.content_type == "application/rss+xml"
    assert got.etag is not None and got.etag.startswith('"')
    assert got.last_modified == "Tue, 24 Nov 2026 08:00:00 GMT"
    path, headers = server.requests[-1]
    assert path == "/files/feeds/simple.xml"
    assert headers["user-agent"] == HttpConfig().user_agent


def test_conditional_request_gives_304(server: Served, client: httpx.Client) -> None:
    first = fetch(client, server.url("files/feeds/simple.xml"), CAP)
    again = fetch(client, server.url("files/feeds/simple.xml"), CAP, etag=first.etag)
    assert again.not_modified and again.data == b""
    assert server.requests[-1][1]["if-none-match"] == first.etag


def test_redirects_are_followed(server: Served, client: httpx.Client) -> None:
    got = fetch(client, server.url("redirect/feeds/simple.xml"), CAP)
    assert got.url == server.url("redirect/feeds/simple.xml")
    assert got.final_url == server.url("files/feeds/simple.xml")
    assert len(got.data) == 3532


FAILURES = {
    "files/feeds/nothing-here.xml": "HTTP 404 Not Found",
    "status/500": "HTTP 500 Internal Server Error",
    "status/503": "HTTP 503 Service Unavailable",
    "status/403": "HTTP 403 Forbidden",
    "status/202": "HTTP 202 Accepted: no complete document in the response",
    "slow": "timed out waiting for the server (timeout 0.5s)",
    "drip": "too slow: the body did not arrive in time",
    "wrong-type": "wrong content type audio/mpeg: not a feed or text document",
    "loop": "more than 10 redirects (a redirect loop?)",
    "huge": f"too large: 300011 bytes (limit {CAP})",
    "endless": f"too large: over {CAP} bytes (limit)",
}


@pytest.mark.parametrize("route", sorted(FAILURES))
def test_each_failure_names_its_reason(server: Served, client: httpx.Client, route: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch(client, server.url(route), CAP)
    assert info.value.message == FAILURES[route]
    assert info.value.where == server.url(route)


def test_truncated_body_is_refused(server: Served, client: httpx.Client) -> None:
    with pytest.raises(FetchError) as info:
        fetch(client, server.url("truncated"), CAP)
    assert info.value.message.startswith("truncated or malformed response: ")
    assert "incomplete" in info.value.message or "closed" in info.value.message


def test_connection_refused(client: httpx.Client) -> None:
    # bound and never listening: refused, and held so that no other process takes the port
    with socket.socket() as sock, pytest.raises(FetchError) as info:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        fetch(client, f"http://127.0.0.1:{port}/feed.xml", CAP)
    assert info.value.message == "connection refused"


def test_dns_failure(client: httpx.Client, monkeypatch: pytest.MonkeyPatch) -> None:
    # The resolver answers "no such name" without a lookup leaving the machine.
    def no_such_host(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(FetchError) as info:
        fetch(client, "http://feeds.invalid/podcast.xml", CAP)
    assert info.value.message == "DNS lookup failed: no such host"


def test_only_http_urls(client: httpx.Client) -> None:
    with pytest.raises(FetchError, match="only http:// and https:// URLs can be fetched"):
        fetch(client, "ftp://example.org/feed.xml", CAP)


# --------------------------------------------------------------------------- castdigest ingest URL


def test_ingest_urls_reports_each_failure_and_keeps_the_good(
    tmp_path: Path, server: Served
) -> None:
    good = server.url("files/feeds/simple.xml")
    bad = {
        server.url("status/404"): "HTTP 404 Not Found",
        server.url("status/500"): "HTTP 500 Internal Server Error",
        server.url("truncated"): "truncated or malformed response",
        server.url("loop"): "more than 10 redirects (a redirect loop?)",
        server.url("html"): "not a feed, transcript or any format castdigest reads (text/html)",
        server.url("status/202"): "HTTP 202 Accepted: no complete document in the response",
    }
    code, out, err = run(tmp_path, "ingest", *bad, good)
    assert code == 1
    assert f"{good}: 3 new, 0 updated, 0 unchanged (feed)" in out
    for url, reason in bad.items():
        assert f"{url}: failed: {reason}" in err
    assert out.strip().endswith(
        "7 document(s): 1 read, 6 failed; episodes 3 new, 0 updated, 0 unchanged"
    )
    conn = sqlite3.connect(tmp_path / "a.db")
    assert [r[0] for r in conn.execute("SELECT location FROM documents")] == [good]
    assert conn.execute("SELECT COUNT(*) FROM episodes").fetchone()[0] == 3


def test_second_run_is_a_conditional_request(tmp_path: Path, server: Served) -> None:
    url = server.url("files/feeds/simple.xml")
    assert run(tmp_path, "ingest", url)[0] == 0
    conn = sqlite3.connect(tmp_path / "a.db")
    etag, modified = conn.execute("SELECT etag, last_modified FROM documents").fetchone()
    assert etag.startswith('"') and modified == "Tue, 24 Nov 2026 08:00:00 GMT"
    code, out, _ = run(tmp_path, "ingest", url)
    assert code == 0
    assert f"{url}: 0 new, 0 updated, 3 unchanged (feed)" in out
    headers = server.requests[-1][1]
    assert headers["if-none-match"] == etag
    assert headers["if-modified-since"] == modified


def test_configured_url_sources(
    tmp_path: Path, server: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "castdigest.toml").write_text(
        "[[sources]]\n"
        f'url = "{server.url("files/feeds/simple.xml")}"\n'
        'tags = ["pc20"]\n'
        "\n[[sources]]\n"
        f'url = "{server.url("status/404")}"\n',
        encoding="utf-8",
    )
    code, out, err = run(tmp_path, "ingest")
    assert code == 1
    assert f"{server.url('status/404')}: failed: HTTP 404 Not Found" in err
    code, out, _ = run(tmp_path, "episodes", "--tag", "pc20")
    assert out.count("Podcasting 2.0 Names  Episode ") == 3


def test_follow_transcripts_attaches_them(tmp_path: Path, server: Served) -> None:
    url = server.url("sample/harbor-notes.xml")
    code, out, err = run(tmp_path, "ingest", url, "--follow-transcripts")
    assert code == 0, err
    code, out, _ = run(tmp_path, "episodes", "--json")
    episodes = {e["guid"]: e for e in json.loads(out)}
    ep = episodes["harbor-notes-12"]
    # The JSON transcript is preferred over the captions-only VTT.
    assert ep["transcript"]["url"] == server.url("sample/harbor-notes-12.json")
    assert ep["transcript"]["language"] == "en"
    speakers = [s["speaker"] for s in ep["transcript"]["segments"]]
    assert speakers == ["Mara Quill", "Theo Brandt", "Mara Quill"]
    assert [c["title"] for c in ep["chapters"]][:3] == [
        "Welcome",
        "The Tuesday train",
        "Flags as a safety net",
    ]
    assert ep["chapters"][3]["hidden"] is True
    assert episodes["harbor-notes-11"]["transcript"] is None


def test_follow_transcripts_failure_is_a_warning(tmp_path: Path, server: Served) -> None:
    # A local feed whose links point at a folder the server does not have.
    feed = (ROOT / "samples" / "feeds" / "harbor-notes.xml").read_text(encoding="utf-8")
    local = tmp_path / "feed.xml"
    missing = server.url("files/missing/")
    local.write_text(feed.replace("https://example.org/harbor-notes/", missing))
    code, out, err = run(tmp_path, "ingest", str(local), "--follow-transcripts")
    assert code == 1  # the feed is stored; the links that failed make the run's exit 1
    assert f"{local}: 2 new, 0 updated, 0 unchanged (feed)" in out
    assert f"{local}: warning: transcript {missing}harbor-notes-12.json: HTTP 404 Not Found" in err
    assert (
        f"{local}: warning: chapters {missing}harbor-notes-12-chapters.json: HTTP 404 Not Found"
        in err
    )


def test_follow_after_a_plain_read_fetches_the_links(tmp_path: Path, server: Served) -> None:
    url = server.url("sample/harbor-notes.xml")
    assert run(tmp_path, "ingest", url)[0] == 0
    first = json.loads(run(tmp_path, "episodes", "--json")[1])
    assert all(e["transcript"] is None for e in first)
    code, out, err = run(tmp_path, "ingest", url, "--follow-transcripts")
    assert code == 0, err
    assert f"{url}: 0 new, 1 updated, 1 unchanged (feed)" in out
    fetched = [path for path, _ in server.requests]
    assert fetched[-3:] == [
        "/sample/harbor-notes.xml",
        "/sample/harbor-notes-12.json",
        "/sample/harbor-notes-12-chapters.json",
    ]
    # Once followed, a third run is a plain conditional request again.
    code, out, _ = run(tmp_path, "ingest", url, "--follow-transcripts")
    assert f"{url}: 0 new, 0 updated, 2 unchanged (feed)" in out
    assert "if-none-match" in server.requests[-1][1]
