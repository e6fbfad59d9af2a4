"""The unsubscribe server over real HTTP on 127.0.0.1: one-click POST, GET confirm, bad tokens."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from castdigest.archive import Archive
from castdigest.config import Settings
from castdigest.models import Subscriber, SubscriberStatus
from castdigest.send import tokens
from castdigest.unsubscribe import make_unsubscribe_server
from send_fixtures import SECRET, add_subscribers, make_settings

ANN = Subscriber(email="Ann@Mail.Example.com", name="Ann", topics=["agents"])
BOB = Subscriber(email="bob@mail.example.com")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Settings, Path]]:
    settings = make_settings(tmp_path)
    db = tmp_path / "castdigest.db"
    with Archive(db) as archive:
        add_subscribers(archive, [ANN, BOB])
    server = make_unsubscribe_server(db, settings, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", settings, db
    finally:
        server.shutdown()
        server.server_close()


def token_for(settings: Settings, email: str) -> str:
    return tokens.unsubscribe_token(SECRET, tokens.list_id(settings), email)


def statuses(db: Path) -> dict[str, str]:
    with Archive(db) as archive:
        return {s.email: s.status.value for s in archive.subscribers.list()}


def test_one_click_post_unsubscribes_at_once(served: tuple[str, Settings, Path]) -> None:
    base, settings, db = served
    token = token_for(settings, "ann@mail.example.com")
    response = httpx.post(
        f"{base}/unsubscribe?token={token}",
        content=b"List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 200
    assert "set-cookie" not in response.headers and "location" not in response.headers
    assert "Ann@Mail.Example.com will get no more emails from Agents Weekly." in response.text
    assert statuses(db) == {
        "Ann@Mail.Example.com": "unsubscribed",
        "bob@mail.example.com": "active",
    }
    again = httpx.post(f"{base}/unsubscribe?token={token}", content=b"List-Unsubscribe=One-Click")
    assert again.status_code == 200  # repeating is harmless


def test_get_shows_a_confirm_form_and_changes_nothing(served: tuple[str, Settings, Path]) -> None:
    base, settings, db = served
    token = token_for(settings, "bob@mail.example.com")
    response = httpx.get(f"{base}/unsubscribe", params={"token": token})
    assert response.status_code == 200
    assert '<form method="post" action="unsubscribe?token=' + token + '">' in response.text
    assert "Stop sending Agents Weekly to bob@mail.example.com?" in response.text
    assert statuses(db)["bob@mail.example.com"] == "active"
    # The form's button posts the token as a field: that unsubscribes.
    posted = httpx.post(f"{base}/unsubscribe", data={"token": token})
    assert posted.status_code == 200
    assert statuses(db)["bob@mail.example.com"] == "unsubscribed"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?token=",
        "?token=not-a-token",
        "?token=AAAAAAAAAAAAAAAAAAAAAAAAAAA",  # well-formed, signed by nobody
        "?token=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ],
)
def test_bad_tokens_get_400_and_change_nothing(
    served: tuple[str, Settings, Path], query: str
) -> None:
    base, _, db = served
    for method in ("GET", "POST"):
        response = httpx.request(method, f"{base}/unsubscribe{query}", content=b"")
        assert response.status_code == 400
        assert "This link is not valid." in response.text
        assert "<script>" not in response.text
    assert set(statuses(db).values()) == {"active"}


def test_a_token_from_another_secret_is_refused(served: tuple[str, Settings, Path]) -> None:
    base, settings, db = served
    forged = tokens.unsubscribe_token(
        "another-secret-0123456789", tokens.list_id(settings), "bob@mail.example.com"
    )
    response = httpx.post(f"{base}/unsubscribe?token={forged}")
    assert response.status_code == 400
    assert statuses(db)["bob@mail.example.com"] == "active"


def test_preferences_page_shows_and_saves_topics(served: tuple[str, Settings, Path]) -> None:
    base, settings, db = served
    token = token_for(settings, "ann@mail.example.com")
    page = httpx.get(f"{base}/preferences?token={token}")
    assert page.status_code == 200
    assert '<input type="checkbox" name="topic" value="agents" checked> Coding agents' in page.text
    assert '<input type="checkbox" name="topic" value="infra"> AI infrastructure' in page.text
    saved = httpx.post(
        f"{base}/preferences?token={token}", data={"topic": ["infra", "research", "bogus"]}
    )
    assert saved.status_code == 200 and "Saved." in saved.text
    with Archive(db) as archive:
        ann = archive.subscribers.get("ann@mail.example.com")
    assert ann is not None
    assert ann.topics == ["infra", "research"] and ann.status is SubscriberStatus.ACTIVE


def test_other_paths_and_methods(served: tuple[str, Settings, Path]) -> None:
    base, settings, _ = served
    assert httpx.get(f"{base}/").status_code == 404
    token = token_for(settings, "bob@mail.example.com")
    assert httpx.put(f"{base}/unsubscribe?token={token}").status_code == 405


def test_unsubscribe_server_command_serves_on_localhost(tmp_path: Path) -> None:
    import os
    import re
    import subprocess
    import sys

    from send_fixtures import write_config

    config = write_config(tmp_path)
    with Archive(tmp_path / "castdigest.db") as archive:
        add_subscribers(archive, [BOB])
    env = {**os.environ, "CASTDIGEST_UNSUBSCRIBE_SECRET": SECRET}
    command = ["-m", "castdigest", "--config", str(config), "unsubscribe-server", "--port", "0"]
    proc = subprocess.Popen(
        [sys.executable, *command],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()
        found = re.fullmatch(
            r"Serving unsubscribe links on http://127\.0\.0\.1:(\d+)/unsubscribe"
            r" \(Ctrl-C to stop\)\n",
            first,
        )
        assert found, first
        settings = make_settings(tmp_path)
        token = token_for(settings, "bob@mail.example.com")
        response = httpx.post(
            f"http://127.0.0.1:{found.group(1)}/unsubscribe?token={token}",
            content=b"List-Unsubscribe=One-Click",
        )
        assert response.status_code == 200
        assert statuses(tmp_path / "castdigest.db") == {"bob@mail.example.com": "unsubscribed"}
        log = proc.stderr.readline()
        assert '"POST /unsubscribe" 200' in log and token not in log  # no token in the log
    finally:
        proc.terminate()
        proc.wait(10)


def test_unsubscribe_server_command_needs_the_secret(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from castdigest.cli import cli
    from send_fixtures import write_config

    config = write_config(tmp_path)
    result = CliRunner().invoke(
        cli,
        ["--config", str(config), "unsubscribe-server"],
        env={"CASTDIGEST_UNSUBSCRIBE_SECRET": ""},
    )
    assert result.exit_code == 1
    assert "CASTDIGEST_UNSUBSCRIBE_SECRET: unsubscribe secret missing" in result.output
