"""`subscribers unsubscribe-mail`: the requests a reader's mail program sends to the
List-Unsubscribe mailto address, read from saved mbox, Maildir and .eml files."""

from __future__ import annotations

import json
import mailbox
import re
from email import message_from_bytes, policy
from email.header import Header
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from click.testing import CliRunner

from castdigest.archive import Archive
from castdigest.cli import cli
from castdigest.models import Subscriber, SubscriberStatus
from castdigest.send.message import MessageBuilder, make_recipient
from send_fixtures import BUILT, SECRET, add_subscribers, make_digest, make_settings, write_config

ANN = Subscriber(email="ann@mail.example.com", name="Ann Reader")
BOB = Subscriber(email="bob@mail.example.com")
ZOE = Subscriber(email="zoe@mail.example.com", name="Zoë Ångström")
GONE = Subscriber(email="gone@mail.example.com", status=SubscriberStatus.UNSUBSCRIBED)
ENV = {"CASTDIGEST_UNSUBSCRIBE_SECRET": SECRET}


def mailto_of(sub: Subscriber, tmp: Path) -> tuple[str, str]:
    """(address, subject) of the mailto in the List-Unsubscribe of the digest `sub` is sent."""
    settings = make_settings(tmp)
    digest = make_digest()
    raw = MessageBuilder(digest, settings).wire(
        make_recipient(sub, digest, settings, SECRET), BUILT
    )
    header = str(message_from_bytes(raw, policy=policy.default)["List-Unsubscribe"])
    found = re.search(r"<(mailto:[^>]+)>", header)
    assert found is not None, header
    url = urlsplit(found.group(1))
    return unquote(url.path), parse_qs(url.query)["subject"][0]


def request(sender: str, subject: str, to: str, mid: str | None, body: str = "") -> EmailMessage:
    """A message as a mail program writes it when the reader clicks the mailto."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    if mid:
        msg["Message-ID"] = mid
    msg.set_content(body or "Sent from my phone")
    return msg


@pytest.fixture
def home(tmp_path: Path) -> Path:
    write_config(tmp_path)
    with Archive(tmp_path / "castdigest.db") as archive:
        add_subscribers(archive, [ANN, BOB, ZOE, GONE])
    return tmp_path


def run(home: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli,
        ["--config", str(home / "castdigest.toml"), "subscribers", "unsubscribe-mail", *args],
        env=ENV,
    )
    return result.exit_code, result.stdout, result.stderr


def statuses(home: Path) -> dict[str, str]:
    with Archive(home / "castdigest.db") as archive:
        return {s.email: s.status.value for s in archive.subscribers.list()}


def write_mbox(path: Path, messages: list[EmailMessage]) -> Path:
    box = mailbox.mbox(path)
    for msg in messages:
        box.add(msg)
    box.close()
    return path


def test_a_mailbox_of_requests(home: Path) -> None:
    address, subject = mailto_of(ANN, home)
    assert address == "unsubscribe@news.example.org" and subject.startswith("unsubscribe ")
    _, zoe_subject = mailto_of(ZOE, home)
    _, gone_subject = mailto_of(GONE, home)
    zoe = request("Zoe <zoe@mail.example.com>", "", address, "<z1@mail.example.com>")
    del zoe["Subject"]
    # RFC 2047, the long token cut across two encoded words (one line: EmailMessage refuses "\n")
    zoe["Subject"] = Header("Re: " + zoe_subject + " — Zoë", "utf-8").encode(linesep="")
    mbox = write_mbox(
        home / "unsubscribe.mbox",
        [
            request("Ann Reader <ann@mail.example.com>", subject, address, "<a1@mail.example.com>"),
            request(
                "bob@mail.example.com", "Please unsubscribe me", address, "<b1@mail.example.com>"
            ),
            zoe,
            request("gone@mail.example.com", gone_subject, address, "<g1@mail.example.com>"),
            request("eve@elsewhere.example", "unsubscribe", address, None),
            request("MAILER-DAEMON@news.example.org", "Delivery report", address, "<d1@x>"),
        ],
    )
    code, out, err = run(home, str(mbox))
    assert code == 1  # Bob's request, without a token, is for the editor to decide
    assert out.splitlines() == [
        f"{mbox}: message 1: ann@mail.example.com unsubscribed",
        f"{mbox}: message 3: zoe@mail.example.com unsubscribed",
        f"{mbox}: message 4: gone@mail.example.com was not subscribed any more",
        f"{mbox}: message 5: eve@elsewhere.example is no active subscriber: nothing to do",
        "unsubscribe requests: 2 unsubscribed, 2 nothing to do, 1 to decide, 0 handled before;"
        " 1 other message(s), 0 unreadable",
    ]
    assert err == (
        f"{mbox}: message 2: bob@mail.example.com asks to unsubscribe without a valid token;"
        " to do it: castdigest subscribers remove bob@mail.example.com\n"
    )
    assert statuses(home) == {
        "ann@mail.example.com": "unsubscribed",
        "bob@mail.example.com": "active",
        "gone@mail.example.com": "unsubscribed",
        "zoe@mail.example.com": "unsubscribed",
    }
    assert SECRET not in out + err and subject.split()[1] not in out + err  # tokens stay secret

    # Ann subscribes again; reading the same mailbox next week must not undo it.
    added = CliRunner().invoke(
        cli, ["--config", str(home / "castdigest.toml"), "subscribers", "add", ANN.email], env=ENV
    )
    assert added.exit_code == 0, added.output
    code, out, _ = run(home, str(mbox), "--json")
    assert code == 1
    assert json.loads(out) == {
        "unsubscribed": [],
        "already": [],
        "no_subscriber": [],
        "unmatched": [{"where": f"{mbox}: message 2", "email": "bob@mail.example.com"}],
        "failed": [],
        "handled_before": 4,
        "other": 1,
    }
    assert statuses(home)["ann@mail.example.com"] == "active"


def test_maildir_eml_and_files_that_are_not_mail(home: Path) -> None:
    address, subject = mailto_of(BOB, home)
    maildir = mailbox.Maildir(home / "Maildir")
    maildir.add(request("bob@mail.example.com", "Fwd: hello", address, "<m1@x>", subject + "\n"))
    maildir.close()
    eml = home / "ann.eml"
    _, ann_subject = mailto_of(ANN, home)
    eml.write_bytes(bytes(request(ANN.email, ann_subject, address, "<e1@x>")))
    (home / "notes.txt").write_text("no headers here\njust text\n", encoding="utf-8")
    (home / "folder").mkdir()
    forged = request(ANN.email, "unsubscribe " + "A" * 27, address, "<f1@x>")
    (home / "forged.eml").write_bytes(bytes(forged))
    paths = ["Maildir", "ann.eml", "notes.txt", "folder", "missing.mbox", "forged.eml"]
    code, out, err = run(home, *(str(home / p) for p in paths))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{home / 'Maildir'}/") and lines[0].endswith(
        " bob@mail.example.com unsubscribed"
    )  # the token in the body: the mailto's subject lost, the request kept
    assert lines[1:] == [
        f"{eml}: ann@mail.example.com unsubscribed",
        # a token that is nobody's, from an address no longer active: nothing to decide
        f"{home / 'forged.eml'}: ann@mail.example.com is no active subscriber: nothing to do",
        "unsubscribe requests: 2 unsubscribed, 1 nothing to do, 0 to decide, 0 handled before;"
        " 0 other message(s), 3 unreadable",
    ]
    assert err.splitlines() == [
        f"{home / 'notes.txt'}: failed: not an email message (no headers)",
        f"{home / 'folder'}: failed: a folder, but not a Maildir (no cur/ or new/)",
        f"{home / 'missing.mbox'}: failed: no such file or folder",
    ]
    code, out, _ = run(home, str(home / "forged.eml"))
    assert (code, out.splitlines()[-1]) == (
        0,
        "unsubscribe requests: 0 unsubscribed, 0 nothing to do, 0 to decide, 1 handled before;"
        " 0 other message(s), 0 unreadable",
    )


def test_a_forged_token_unsubscribes_nobody(home: Path) -> None:
    forged = request(BOB.email, "unsubscribe " + "A" * 27, "unsubscribe@news.example.org", "<x>")
    (home / "forged.eml").write_bytes(bytes(forged))
    code, _, err = run(home, str(home / "forged.eml"))
    assert code == 1
    assert "bob@mail.example.com asks to unsubscribe without a valid token" in err
    assert statuses(home)["bob@mail.example.com"] == "active"


def test_without_the_secret_nothing_is_read(home: Path) -> None:
    (home / "a.eml").write_bytes(bytes(request(ANN.email, "unsubscribe", "u@x", "<a@x>")))
    result = CliRunner().invoke(
        cli,
        [
            "--config",
            str(home / "castdigest.toml"),
            "subscribers",
            "unsubscribe-mail",
            str(home / "a.eml"),
        ],
        env={"CASTDIGEST_UNSUBSCRIBE_SECRET": ""},
    )
    assert result.exit_code == 1
    assert "unsubscribe secret missing or shorter than 16 characters" in result.stderr
    assert statuses(home)["ann@mail.example.com"] == "active"
