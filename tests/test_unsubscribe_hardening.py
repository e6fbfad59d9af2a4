"""The unsubscribe server under races, a busy or missing archive, forged tokens and slow or
greedy clients: a real server on 127.0.0.1 over a real SQLite archive."""

from __future__ import annotations

import os
import select
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from castdigest.archive import Archive
from castdigest.cli import cli
from castdigest.config import Settings
from castdigest.errors import ArchiveError
from castdigest.models import Subscriber, SubscriberStatus
from castdigest.send import tokens
from castdigest.unsubscribe import make_unsubscribe_server
from castdigest.wsgi_pool import PoolServer
from send_fixtures import SECRET, add_subscribers, make_settings, many_subscribers, write_config

ANN = Subscriber(email="Ann@Mail.Example.com", name="Ann", topics=["agents"])
BOB = Subscriber(email="bob@mail.example.com")
ONE_CLICK = {"content": b"List-Unsubscribe=One-Click"}


@dataclass
class Served:
    base: str
    settings: Settings
    db: Path
    server: PoolServer
    http: httpx.Client  # one for the test: a client per request costs more than the request

    def token(self, email: str) -> str:
        return tokens.unsubscribe_token(SECRET, tokens.list_id(self.settings), email)

    def address(self) -> tuple[str, int]:
        return ("127.0.0.1", self.server.server_port)


@contextmanager
def serve(
    tmp_path: Path,
    subscribers: list[Subscriber],
    *,
    on_sql: Callable[[str], None] | None = None,
    before_write: Callable[[str], None] | None = None,
    **unsubscribe: Any,
) -> Iterator[Served]:
    settings = make_settings(tmp_path)
    settings = settings.model_copy(
        update={"unsubscribe": settings.unsubscribe.model_copy(update=unsubscribe)}
    )
    db = tmp_path / "castdigest.db"
    with Archive(db) as archive:
        add_subscribers(archive, subscribers)
    server = make_unsubscribe_server(
        db, settings, "127.0.0.1", 0, on_sql=on_sql, before_write=before_write
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{server.server_port}", timeout=60) as http:
            yield Served(str(http.base_url).rstrip("/"), settings, db, server, http)
    finally:
        server.shutdown()
        server.server_close()


def rows(db: Path) -> dict[str, Subscriber]:
    with Archive(db) as archive:
        return {s.email: s for s in archive.subscribers.list()}


# --------------------------------------------------------------------------- races


def test_a_preferences_save_that_read_before_an_unsubscribe_does_not_undo_it(
    tmp_path: Path,
) -> None:
    """Preferences reads Ann (active), her unsubscribe lands, then preferences writes."""
    landed: list[httpx.Response] = []

    def unsubscribe_in_between(kind: str) -> None:
        if kind == "preferences" and not landed:
            url = f"{s.base}/unsubscribe?token={s.token(ANN.email)}"
            landed.append(s.http.post(url, **ONE_CLICK))

    with serve(tmp_path, [ANN, BOB], before_write=unsubscribe_in_between) as s:
        saved = s.http.post(
            f"{s.base}/preferences?token={s.token(ANN.email)}", data={"topic": ["infra"]}
        )
        final = rows(s.db)[ANN.email]

    assert landed[0].status_code == 200
    assert "<h1>You are unsubscribed</h1>" in landed[0].text
    assert saved.status_code == 409
    assert "<h1>Already unsubscribed</h1>" in saved.text
    assert (
        "Your topics were not saved. Ann@Mail.Example.com is unsubscribed from Agents Weekly"
        " and stays so; nothing was changed." in saved.text
    )
    assert "Saved." not in saved.text
    assert final.status is SubscriberStatus.UNSUBSCRIBED
    assert final.topics == ["agents"]  # the late save wrote nothing


def test_concurrent_unsubscribes_and_preferences_saves(tmp_path: Path) -> None:
    """40 readers each unsubscribe and save topics at once: every unsubscribe holds, every
    reply says what the archive holds."""
    readers = many_subscribers(40)

    def call(request: Callable[[], httpx.Response]) -> httpx.Response:
        while True:  # a 503 asks to retry; the answer that counts is the one after it
            response = request()
            if response.status_code != 503:
                return response

    with serve(tmp_path, readers, workers=8) as s:

        def unsubscribe(email: str) -> httpx.Response:
            url = f"{s.base}/unsubscribe?token={s.token(email)}"
            return call(lambda: s.http.post(url, **ONE_CLICK))

        def save(email: str) -> httpx.Response:
            url = f"{s.base}/preferences?token={s.token(email)}"
            return call(lambda: s.http.post(url, data={"topic": ["research"]}))

        with ThreadPoolExecutor(16) as pool:
            unsubs = {r.email: pool.submit(unsubscribe, r.email) for r in readers}
            saves = {r.email: pool.submit(save, r.email) for r in readers}
        final = rows(s.db)

    for reader in readers:
        gone = unsubs[reader.email].result()
        assert gone.status_code == 200 and "<h1>You are unsubscribed</h1>" in gone.text
        assert final[reader.email].status is SubscriberStatus.UNSUBSCRIBED
        saved = saves[reader.email].result()
        if saved.status_code == 200:  # landed before the unsubscribe
            assert "Saved." in saved.text
            assert final[reader.email].topics == ["research"]
        else:
            assert saved.status_code == 409 and "Your topics were not saved." in saved.text
            assert final[reader.email].topics == reader.topics


def test_replies_say_what_the_archive_holds(tmp_path: Path) -> None:
    with serve(tmp_path, [ANN, BOB]) as s:
        url = f"{s.base}/unsubscribe?token={s.token(BOB.email)}"
        first = s.http.post(url, **ONE_CLICK)
        again = s.http.post(url, **ONE_CLICK)
        page = s.http.get(url)
        prefs = s.http.get(f"{s.base}/preferences?token={s.token(BOB.email)}")
    assert "<h1>You are unsubscribed</h1>" in first.text
    assert again.status_code == 200
    assert "<h1>Already unsubscribed</h1>" in again.text and "You are" not in again.text
    assert "<h1>Already unsubscribed</h1>" in page.text and "<form" not in page.text
    assert prefs.status_code == 200 and "<form" not in prefs.text
    assert "bob@mail.example.com is unsubscribed from Agents Weekly" in prefs.text


# --------------------------------------------------------------------------- busy archive


def test_503_while_another_run_holds_the_writer_lock(tmp_path: Path) -> None:
    with serve(tmp_path, [ANN, BOB], busy_wait_s=0.2, retry_after_s=45) as s:
        holder = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys\nfrom pathlib import Path\n"
                "from castdigest.archive.lock import writer_lock\n"
                f"with writer_lock(Path({str(s.db)!r}), wait_s=0):\n"
                "    print('held', flush=True)\n    sys.stdin.read()\n",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "held\n"
            url = f"{s.base}/unsubscribe?token={s.token(BOB.email)}"
            busy = s.http.post(url, **ONE_CLICK)
            prefs = s.http.post(
                f"{s.base}/preferences?token={s.token(ANN.email)}", data={"topic": ["infra"]}
            )
            confirm = s.http.get(url)  # reading needs no lock
        finally:
            assert holder.stdin is not None
            holder.stdin.close()
            holder.wait(10)
        assert rows(s.db)[BOB.email].status is SubscriberStatus.ACTIVE
        after = s.http.post(url, **ONE_CLICK)
        final = rows(s.db)

    for response in (busy, prefs):
        assert response.status_code == 503
        assert response.headers["retry-after"] == "45"
        assert "Nothing was changed" in response.text and "unsubscribed" not in response.text
    assert confirm.status_code == 200 and "Stop sending Agents Weekly" in confirm.text
    assert final[ANN.email].topics == ["agents"]
    assert "<h1>You are unsubscribed</h1>" in after.text
    assert final[BOB.email].status is SubscriberStatus.UNSUBSCRIBED


def test_503_while_a_write_transaction_is_open(tmp_path: Path) -> None:
    with serve(tmp_path, [ANN, BOB], busy_wait_s=0.2) as s:
        other = sqlite3.connect(s.db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            url = f"{s.base}/unsubscribe?token={s.token(ANN.email)}"
            busy = s.http.post(url, **ONE_CLICK)
        finally:
            other.execute("ROLLBACK")
            other.close()
        after = s.http.post(url, **ONE_CLICK)
        final = rows(s.db)
    assert busy.status_code == 503 and busy.headers["retry-after"] == "30"
    assert after.status_code == 200 and "<h1>You are unsubscribed</h1>" in after.text
    assert final[ANN.email].status is SubscriberStatus.UNSUBSCRIBED


# --------------------------------------------------------------------------- missing archive


def test_a_missing_archive_is_a_startup_error(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    missing = tmp_path / "gone.db"
    result = CliRunner().invoke(
        cli,
        ["--config", str(config), "unsubscribe-server", "--port", "0", "--db", str(missing)],
        env={"CASTDIGEST_UNSUBSCRIBE_SECRET": SECRET},
    )
    assert result.exit_code == 1
    assert f"Error: {missing}: no archive here" in result.output
    assert "Traceback" not in result.output
    assert not missing.exists() and not (tmp_path / "castdigest.db").exists()
    with pytest.raises(ArchiveError, match="no archive here"):
        make_unsubscribe_server(missing, make_settings(tmp_path), "127.0.0.1", 0)
    assert not missing.exists()


def test_an_archive_gone_while_serving_is_not_recreated(tmp_path: Path) -> None:
    with serve(tmp_path, [ANN, BOB]) as s:
        for leftover in s.db.parent.glob(s.db.name + "*"):
            leftover.unlink()
        response = s.http.post(f"{s.base}/unsubscribe?token={s.token(BOB.email)}", **ONE_CLICK)
    assert response.status_code == 500
    assert "Nothing was changed; try again later." in response.text
    assert "unsubscribed" not in response.text
    assert not s.db.exists()


# --------------------------------------------------------------------------- tokens


def test_forged_tokens_cost_no_lookup_and_valid_ones_one_by_key(tmp_path: Path) -> None:
    statements: list[str] = []
    readers = [*many_subscribers(2000), BOB]
    with serve(tmp_path, readers, on_sql=statements.append) as s:
        lid = tokens.list_id(s.settings)
        valid = s.token(BOB.email)
        flipped = valid[:20] + ("B" if valid[20] == "A" else "A") + valid[21:]
        forged = {
            "another secret": tokens.unsubscribe_token("another-secret-0123456789", lid, BOB.email),
            "another list": tokens.unsubscribe_token(SECRET, "other.example.org", BOB.email),
            "one character changed": flipped,
            "legacy format, signed by nobody": "A" * 27,
            "legacy format, another secret": tokens.legacy_token(
                "another-secret-0123456789", lid, BOB.email
            ),
        }
        for why, token in forged.items():
            response = s.http.post(f"{s.base}/unsubscribe?token={token}", **ONE_CLICK)
            assert response.status_code == 400, why
            assert statements == [], why  # refused before any SQL: no scan, no lookup
        lookups = {}
        for kind, token in (
            ("current", valid),
            ("legacy", tokens.legacy_token(SECRET, lid, BOB.email)),
        ):
            statements.clear()
            assert s.http.get(f"{s.base}/unsubscribe?token={token}").status_code == 200
            lookups[kind] = list(statements)
        assert rows(s.db)[BOB.email].status is SubscriberStatus.ACTIVE
        with Archive(s.db) as archive:
            plans = {
                kind: [str(row[-1]) for row in archive.conn.execute("EXPLAIN QUERY PLAN " + sql[0])]
                for kind, sql in lookups.items()
            }
    for kind, sql in lookups.items():
        assert sql == [
            "SELECT email, name, topics, status FROM subscribers"
            " WHERE email_key = 'bob@mail.example.com'"
        ], kind
        assert plans[kind] == [
            "SEARCH subscribers USING INDEX sqlite_autoindex_subscribers_1 (email_key=?)"
        ], kind


def test_legacy_links_from_sent_emails_still_unsubscribe(tmp_path: Path) -> None:
    with serve(tmp_path, [ANN, BOB]) as s:
        old = tokens.legacy_token(SECRET, tokens.list_id(s.settings), "ann@mail.example.com")
        assert len(old) == 27
        response = s.http.post(f"{s.base}/unsubscribe?token={old}", **ONE_CLICK)
        final = rows(s.db)
    assert "<h1>You are unsubscribed</h1>" in response.text
    assert final[ANN.email].status is SubscriberStatus.UNSUBSCRIBED
    (tmp_path / "strict").mkdir()
    with serve(tmp_path / "strict", [ANN], legacy_tokens=False) as s:
        old = tokens.legacy_token(SECRET, tokens.list_id(s.settings), ANN.email)
        refused = s.http.post(f"{s.base}/unsubscribe?token={old}", **ONE_CLICK)
    assert refused.status_code == 400


def test_tokens_name_their_address_sealed() -> None:
    lid = "agents-weekly.news.example.org"
    short = tokens.unsubscribe_token(SECRET, lid, "Ann@Example.org")
    long = tokens.unsubscribe_token(SECRET, lid, "a.very.long.local.part.indeed@example.org")
    assert len(short) == 64 and len(long) == 86  # lengths move in 16-byte steps only
    assert tokens.TOKEN_RE.fullmatch(short) and tokens.TOKEN_RE.fullmatch(long)
    assert tokens.token_key(SECRET, lid, short) == "ann@example.org"
    assert tokens.token_key(SECRET, lid, long) == "a.very.long.local.part.indeed@example.org"
    assert tokens.token_key(SECRET + "x", lid, short) is None
    assert tokens.token_key(SECRET, "other.example.org", short) is None
    assert tokens.token_key(SECRET, lid, short[:-1]) is None
    assert (
        tokens.token_key(SECRET, lid, tokens.legacy_token(SECRET, lid, "ann@example.org")) is None
    )
    assert tokens.token_matches(SECRET, lid, "ann@example.org", short)
    assert tokens.token_matches(
        SECRET, lid, "ann@example.org", tokens.legacy_token(SECRET, lid, "ANN@example.org")
    )


# ------------------------------------------------------------------ slow and greedy clients


def _closed_by_server(sock: socket.socket) -> bytes | None:
    """What the server sent before closing, or None while the connection is still open."""
    if not select.select([sock], [], [], 0)[0]:
        return None
    try:
        return sock.recv(4096) or b"<closed>"
    except ConnectionError:
        return b"<reset>"


def test_a_slow_client_is_dropped_while_others_are_served(tmp_path: Path) -> None:
    with serve(tmp_path, [ANN, BOB], header_timeout_s=0.5, workers=4) as s:
        header = (
            f"GET /unsubscribe?token={s.token(BOB.email)} HTTP/1.0\r\nHost: x\r\n"
            + "X-Padding: "
            + "p" * 300
            + "\r\n\r\n"
        ).encode()
        outcome: dict[str, Any] = {}
        started = threading.Event()

        def slowloris() -> None:
            with socket.create_connection(s.address()) as sock:
                for n in range(len(header)):  # one byte every 50 ms: never idle for long
                    try:
                        sock.send(header[n : n + 1])
                    except ConnectionError:
                        outcome.update(sent=n, got=b"<reset>")
                        return
                    started.set()
                    if (got := _closed_by_server(sock)) is not None:
                        outcome.update(sent=n + 1, got=got)
                        return
                    time.sleep(0.05)
                outcome.update(sent=len(header), got=sock.recv(4096))

        slow = threading.Thread(target=slowloris)
        slow.start()
        started.wait(10)
        served = s.http.get(f"{s.base}/unsubscribe?token={s.token(ANN.email)}")
        slow.join(30)

    assert served.status_code == 200
    assert outcome["sent"] < len(header)  # dropped before its headers were done
    got = outcome["got"]
    assert got.startswith(b"HTTP/1.0 408 Request Timeout") or got in (b"<closed>", b"<reset>")


def test_a_body_that_never_ends_gets_408(tmp_path: Path) -> None:
    with serve(tmp_path, [ANN, BOB], body_timeout_s=0.5) as s:
        with socket.create_connection(s.address()) as sock:
            sock.settimeout(30)  # a bound for a broken server, not a figure under test
            sock.sendall(
                f"POST /unsubscribe?token={s.token(BOB.email)} HTTP/1.0\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                "Content-Length: 100\r\n\r\nList-Unsub".encode()
            )
            reply = sock.recv(4096)
        final = rows(s.db)
    assert reply.startswith(b"HTTP/1.0 408 Request Timeout")
    assert final[BOB.email].status is SubscriberStatus.ACTIVE


def test_a_body_over_the_cap_gets_413_unread(tmp_path: Path) -> None:
    with serve(tmp_path, [ANN, BOB], max_body_bytes=1024) as s:
        with socket.create_connection(s.address()) as sock:
            sock.settimeout(30)
            sock.sendall(
                f"POST /unsubscribe?token={s.token(BOB.email)} HTTP/1.0\r\n"
                "Content-Length: 50000\r\n\r\n".encode()
            )
            reply = sock.recv(4096)
        final = rows(s.db)
    assert reply.startswith(b"HTTP/1.0 413 Request Entity Too Large")
    assert final[BOB.email].status is SubscriberStatus.ACTIVE


def test_the_pool_never_runs_more_requests_than_workers(tmp_path: Path) -> None:
    with serve(tmp_path, [ANN, BOB], workers=2, header_timeout_s=60) as s:
        holders = [socket.create_connection(s.address()) for _ in range(2)]
        for sock in holders:
            sock.sendall(b"GET /unsubscribe HTTP/1.0\r\n")  # and nothing more, for now
        for _ in range(200):  # until both workers hold one
            if s.server.active == 2:
                break
            time.sleep(0.05)
        assert s.server.active == 2
        url = f"{s.base}/unsubscribe?token={s.token(ANN.email)}"
        with ThreadPoolExecutor(6) as pool:
            waiting = [pool.submit(s.http.get, url) for _ in range(6)]
            for sock in holders:  # the held workers finish; the waiting requests get them
                sock.close()
            replies = [f.result() for f in waiting]
        workers = [t for t in threading.enumerate() if t.name.startswith("castdigest-http")]
        peak = s.server.peak
    assert [r.status_code for r in replies] == [200] * 6
    assert peak == 2 and len(workers) <= 2
