"""A small synthetic digest, settings and subscribers shared by the sending tests and bench."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from email import message_from_bytes, policy
from pathlib import Path

from aiosmtpd.controller import Controller

from castdigest.archive import Archive
from castdigest.config import Settings, load_settings
from castdigest.models import (
    Condensed,
    CondensedQuote,
    Digest,
    DigestItem,
    DigestSection,
    Provenance,
    Subscriber,
    Takeaway,
)

SECRET = "test-secret-0123456789abcdef"
BUILT = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
TOPICS = {
    "agents": "Coding agents",
    "infra": "AI infrastructure",
    "research": "Models and research",
}


def _item(topic: str, n: int) -> DigestItem:
    eid = f"ep_{topic}_{n}"
    return DigestItem(
        episode_id=eid,
        rank=n,
        title=f"{TOPICS[topic]} episode {n}: what changed this week",
        show=f"Synthetic Show {n}",
        url=f"https://shows.example.net/{topic}/{n}",
        published=datetime(2026, 11, 17 + n, 9, 0, tzinfo=UTC),
        duration=1800.0 + 60 * n,
        language="en",
        primary_topic=topic,
        topics=[topic],
        score=10.0 - n,
        condensed=Condensed(
            episode_id=eid,
            title=f"{TOPICS[topic]} episode {n}",
            blurb=f"A made-up conversation about {TOPICS[topic].lower()}, part {n}.",
            takeaways=[
                Takeaway(text=f"Point {k} about {topic} in part {n}.", provenance=Provenance.SOURCE)
                for k in range(1, 4)
            ],
            quotes=[CondensedQuote(text=f"Quote about {topic} {n}.", speaker="A. Host")],
        ),
    )


def make_digest(
    topics: tuple[str, ...] = ("agents", "infra"), digest_id: str = "2026-W48"
) -> Digest:
    """Sections for `topics` (2 items each); other configured topics have nothing this week."""
    return Digest(
        id=digest_id,
        since=date(2026, 11, 23),
        until=date(2026, 11, 29),
        built_at=BUILT,
        sections=[
            DigestSection(topic=t, name=TOPICS[t], items=[_item(t, 1), _item(t, 2)]) for t in topics
        ],
        config_hash="test",
    )


def write_config(
    tmp: Path,
    smtp: dict[str, object] | None = None,
    name: str = "Agents Weekly",
    sources: list[Path] = (),  # type: ignore[assignment]
) -> Path:
    """A castdigest.toml in `tmp` (secrets stay out of it: they come from the environment)."""
    lines = [
        'archive = "castdigest.db"',
        'out_dir = "out"',
        "[newsletter]",
        f"name = {json.dumps(name)}",
        'sender = "Agents Weekly <digest@news.example.org>"',
        'site_url = "https://digest.example.org/"',
        'postal_address = "1 Example Street, Exampletown"',
        "[smtp]",
    ]
    smtp = {"tls": "none", "backoff": 0.0, **(smtp or {})}
    lines += [f"{k} = {json.dumps(v)}" for k, v in smtp.items()]
    for slug, name in TOPICS.items():
        lines += ["[[topics]]", f'slug = "{slug}"', f'name = "{name}"']
    for source in sources:
        lines += ["[[sources]]", f"path = {json.dumps(str(source))}"]
    path = tmp / "castdigest.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_settings(tmp: Path, name: str = "Agents Weekly", **smtp: object) -> Settings:
    path = write_config(tmp, smtp, name)
    return load_settings(path, environ={"CASTDIGEST_UNSUBSCRIBE_SECRET": SECRET})


def store_digest(archive: Archive, digest: Digest) -> None:
    """Put a digest in the archive as the build step does."""
    archive.digests.save(digest)


def add_subscribers(archive: Archive, subs: list[Subscriber]) -> None:
    with archive.transaction():
        for sub in subs:
            archive.subscribers.upsert(sub, BUILT)


def many_subscribers(n: int) -> list[Subscriber]:
    """n subscribers cycling through all topics, one topic, two topics; some with names."""
    choices: list[list[str]] = [[], ["agents"], ["infra"], ["agents", "infra"], ["research"]]
    return [
        Subscriber(
            email=f"reader{i:05d}@mail.example.com",
            name=f"Reader {i}" if i % 2 else None,
            topics=choices[i % len(choices)],
        )
        for i in range(n)
    ]


def dump(value: object) -> str:
    return json.dumps(value, sort_keys=True)


# --------------------------------------------------------------------------- a real SMTP server


class Recorder:
    """aiosmtpd handler that keeps every accepted message and can be scripted per recipient:
    `rcpt_replies[addr]` is a list of replies given to RCPT before accepting (e.g. "451 ...");
    `drops` is a set of addresses whose DATA drops the connection once, without a reply."""

    def __init__(self, data_delay: float = 0.0) -> None:
        self.messages: list[tuple[str, bytes]] = []  # (recipient, message bytes)
        self.rcpt_replies: dict[str, list[str]] = {}
        self.drops: set[str] = set()
        self.data_delay = data_delay
        self.connections = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # type: ignore[no-untyped-def]
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # type: ignore[no-untyped-def]
        script = self.rcpt_replies.get(address)
        if script:
            return script.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        rcpt = envelope.rcpt_tos[0]
        if rcpt in self.drops:
            self.drops.discard(rcpt)
            server.transport.close()
            return "421 closing"
        self.messages.append((rcpt, bytes(envelope.content)))
        if self.data_delay:
            await asyncio.sleep(self.data_delay)
        return "250 Message accepted for delivery"

    def message_ids(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for rcpt, data in self.messages:
            msg = message_from_bytes(data, policy=policy.default)
            out.setdefault(rcpt, []).append(str(msg["Message-ID"]))
        return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def refusing_port() -> Iterator[int]:
    """A port on 127.0.0.1 that refuses connections for as long as it is held: bound, never
    listening, so no other process (another test run on the machine) can take it meanwhile."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        yield int(s.getsockname()[1])


@contextmanager
def smtp_server(recorder: Recorder, **options: object) -> Iterator[int]:
    """A real SMTP server on 127.0.0.1 in this process; yields its port. `options` go to
    aiosmtpd (tls_context, ssl_context, authenticator, ...)."""
    port = free_port()
    options = {"enable_SMTPUTF8": True, **options}
    controller = Controller(recorder, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def self_signed_cert(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 made with the openssl command (cert, key)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def password_check(user: str, password: str):  # type: ignore[no-untyped-def]
    """An aiosmtpd authenticator accepting one user and password."""
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def check(server, session, envelope, mechanism, data):  # type: ignore[no-untyped-def]
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            user.encode(),
            password.encode(),
        )
        return AuthResult(success=ok, handled=False)

    return check
