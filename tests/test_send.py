"""Sending against a real SMTP server (aiosmtpd) on 127.0.0.1, with the ledger in a real archive."""

from __future__ import annotations

import html
import json
import re
import shutil
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import cast

import pytest
from click.testing import CliRunner

from castdigest.archive import Archive
from castdigest.cli import cli
from castdigest.config import Settings, load_settings
from castdigest.errors import FrozenError, SendError
from castdigest.models import Digest, SendState, Subscriber, SubscriberStatus
from castdigest.pipeline.send import Pacing, SendSummary, load_digest, send_digest
from castdigest.pipeline.weekly import run_weekly
from castdigest.render.email import render_email
from castdigest.send import tokens
from castdigest.send.message import MessageBuilder, make_recipient, to_bytes
from castdigest.send.smtp import RateLimiter
from send_fixtures import (
    SECRET,
    Recorder,
    add_subscribers,
    make_digest,
    make_settings,
    password_check,
    self_signed_cert,
    smtp_server,
    store_digest,
    write_config,
)

ALL = Subscriber(email="all@mail.example.com", name="Ann Reader")
AGENTS = Subscriber(email="Agents@Mail.Example.com", topics=["agents"])
RESEARCH = Subscriber(email="research@mail.example.com", topics=["research"])  # nothing this week
ZOE = Subscriber(email="zoe@mail.example.com", name="Zoë Ångström", topics=["infra", "research"])
GONE = Subscriber(
    email="gone@mail.example.com", status=SubscriberStatus.UNSUBSCRIBED, topics=["agents"]
)
SUBSCRIBERS = [ALL, AGENTS, RESEARCH, ZOE, GONE]
RECEIVERS = ["Agents@Mail.Example.com", "all@mail.example.com", "zoe@mail.example.com"]


def parse(data: bytes) -> EmailMessage:
    return cast(EmailMessage, message_from_bytes(data, policy=policy.default))


def setup(tmp_path: Path, port: int, **smtp: object) -> tuple[Archive, Settings, Digest]:
    settings = make_settings(tmp_path, host="127.0.0.1", port=port, **smtp)
    archive = Archive(tmp_path / "castdigest.db")
    add_subscribers(archive, SUBSCRIBERS)
    digest = make_digest(("agents", "infra"))
    store_digest(archive, digest)
    return archive, settings, load_digest(archive, digest.id)


def run(archive: Archive, settings: Settings, digest: Digest, **kw: object) -> SendSummary:
    return send_digest(archive, settings, digest, **kw)  # type: ignore[arg-type]


def states(archive: Archive, digest_id: str = "2026-W48") -> dict[str, tuple[str, int]]:
    return {r.email: (r.state.value, r.attempts) for r in archive.ledger.rows(digest_id)}


def test_every_subscriber_gets_one_message_with_the_right_parts_and_headers(
    tmp_path: Path,
) -> None:
    rec = Recorder()
    with smtp_server(rec) as port:
        archive, settings, digest = setup(tmp_path, port)
        summary = run(archive, settings, digest)
        again = run(archive, settings, load_digest(archive, digest.id))

    assert (summary.sent, summary.skipped, summary.failed) == (3, 1, 0)
    assert (again.sent, again.skipped, again.already_sent) == (0, 0, 3)
    assert sorted(r for r, _ in rec.messages) == RECEIVERS  # one each, the second run sent none
    assert states(archive) == {
        "Agents@Mail.Example.com": ("sent", 1),
        "all@mail.example.com": ("sent", 1),
        "research@mail.example.com": ("skipped", 0),
        "zoe@mail.example.com": ("sent", 1),
    }
    assert summary.digest_status == "sent"
    ledger = {r.email: r.message_id for r in archive.ledger.rows(digest.id)}
    by_rcpt = {r: parse(d) for r, d in rec.messages}
    list_ident = tokens.list_id(settings)
    for rcpt, msg in by_rcpt.items():
        assert msg.get_content_type() == "multipart/alternative"
        parts = [p.get_content_type() for p in msg.iter_parts()]
        assert parts == ["text/plain", "text/html"]
        assert msg["From"] == "Agents Weekly <digest@news.example.org>"
        assert msg["Message-ID"] == ledger[rcpt]
        assert re.fullmatch(r"<[0-9a-f]{32}\.2026-W48@news\.example\.org>", msg["Message-ID"])
        assert msg["Date"] is not None
        assert msg["List-Id"] == '"Agents Weekly" <agents-weekly.news.example.org>'
        token = tokens.unsubscribe_token(SECRET, list_ident, rcpt)
        assert msg["List-Unsubscribe"] == (
            f"<https://digest.example.org/unsubscribe?token={token}>, "
            f"<mailto:unsubscribe@news.example.org?subject=unsubscribe%20{token}>"
        )
        assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        text = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        html = msg.get_body(("html",)).get_content()  # type: ignore[union-attr]
        assert f"https://digest.example.org/unsubscribe?token={token}" in text
        assert f"https://digest.example.org/unsubscribe?token={token}" in html
        assert f"https://digest.example.org/preferences?token={token}" in text

    agents = by_rcpt["Agents@Mail.Example.com"]
    text = agents.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Your topics: Coding agents" in text
    assert "Coding agents episode 1" in text and "AI infrastructure episode" not in text
    zoe = by_rcpt["zoe@mail.example.com"]
    assert str(zoe["To"]) == "Zoë Ångström <zoe@mail.example.com>"
    raw_to = next(line for line in rec.messages if line[0].startswith("zoe"))[1]
    assert b"To: =?utf-8?b?Wm/DqyDDhW5nc3Ryw7Zt?= <zoe@mail.example.com>" in raw_to
    zoe_text = zoe.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Hi Zoë Ångström," in zoe_text and "Your topics: AI infrastructure" in zoe_text
    everything = by_rcpt["all@mail.example.com"].get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Hi Ann Reader," in everything and "Your topics" not in everything
    assert "Coding agents episode 1" in everything and "AI infrastructure episode 1" in everything


def test_non_ascii_subject_is_rfc2047_encoded(tmp_path: Path) -> None:
    rec = Recorder()
    with smtp_server(rec) as port:
        settings = make_settings(tmp_path, name="Café Hebdo ☕", host="127.0.0.1", port=port)
        with Archive(tmp_path / "castdigest.db") as archive:
            add_subscribers(archive, [ALL])
            store_digest(archive, make_digest())
            run(archive, settings, load_digest(archive, "2026-W48"))
    raw = rec.messages[0][1]
    subject_lines = raw.split(b"\r\nSubject: ", 1)[1].split(b"\r\nDate:", 1)[0]
    assert subject_lines.startswith(b"=?utf-8?")
    assert all(len(line) <= 78 for line in subject_lines.split(b"\r\n"))
    assert parse(raw)["Subject"].startswith("Café Hebdo ☕: ")


def test_451_to_some_recipients_retries_with_backoff_then_recovers(tmp_path: Path) -> None:
    rec = Recorder()
    rec.rcpt_replies["zoe@mail.example.com"] = ["451 4.7.1 Greylisted, try later"] * 2
    slept: list[float] = []
    with smtp_server(rec) as port:
        archive, settings, digest = setup(tmp_path, port, backoff=0.5, retries=3)
        summary = run(archive, settings, digest, pacing=Pacing(sleep=slept.append))
    assert summary.failed == 0 and summary.sent == 3
    assert slept == [0.5, 1.0]  # two retry rounds, doubling
    assert sorted(r for r, _ in rec.messages) == RECEIVERS
    assert states(archive)["zoe@mail.example.com"] == ("sent", 3)
    assert states(archive)["all@mail.example.com"] == ("sent", 1)


def test_temporary_failure_beyond_retries_is_left_for_the_next_run(tmp_path: Path) -> None:
    rec = Recorder()
    rec.rcpt_replies["zoe@mail.example.com"] = ["451 4.3.0 Mailbox busy"] * 3
    with smtp_server(rec) as port:
        archive, settings, digest = setup(tmp_path, port, retries=2)
        first = run(archive, settings, digest, pacing=Pacing(sleep=lambda s: None))
        row = archive.ledger.get(digest.id, "zoe@mail.example.com")
        assert row is not None
        assert (row.state, row.attempts, row.last_error) == (
            SendState.FAILED_TEMPORARY,
            3,
            "451 4.3.0 Mailbox busy",
        )
        assert first.digest_status == "sending"  # someone is still due: not final yet
        with pytest.raises(FrozenError, match="cannot be rebuilt"):
            archive.digests.save(digest)  # frozen from the first handover
        second = run(archive, settings, load_digest(archive, digest.id))
    assert [f.as_dict() for f in first.failures] == [
        {
            "email": "zoe@mail.example.com",
            "state": "failed-temporary",
            "attempts": 3,
            "error": "451 4.3.0 Mailbox busy",
        }
    ]
    assert (second.sent, second.already_sent, second.failed) == (1, 2, 0)
    assert second.digest_status == "sent"
    assert sorted(r for r, _ in rec.messages) == RECEIVERS


def test_550_marks_permanent_and_moves_on(tmp_path: Path) -> None:
    rec = Recorder()
    rec.rcpt_replies["all@mail.example.com"] = ["550 5.1.1 No such user"]
    with smtp_server(rec) as port:
        archive, settings, digest = setup(tmp_path, port)
        summary = run(archive, settings, digest)
        again = run(archive, settings, load_digest(archive, digest.id))
    assert (summary.sent, summary.failed) == (2, 1)
    assert summary.failures[0].as_dict() == {
        "email": "all@mail.example.com",
        "state": "failed-permanent",
        "attempts": 1,
        "error": "550 5.1.1 No such user",
    }
    assert sorted(r for r, _ in rec.messages) == ["Agents@Mail.Example.com", "zoe@mail.example.com"]
    assert (again.sent, again.failed) == (0, 0)  # a permanent failure is not retried
    assert states(archive)["all@mail.example.com"] == ("failed-permanent", 1)
    assert summary.digest_status == "sent"
    bounced = archive.subscribers.get("all@mail.example.com")
    assert bounced is not None and bounced.status is SubscriberStatus.BOUNCED  # 5.1.1: no user


def test_a_policy_refusal_is_permanent_but_not_a_bounce(tmp_path: Path) -> None:
    rec = Recorder()
    rec.rcpt_replies["all@mail.example.com"] = ["554 5.7.1 Message refused by policy"]
    with smtp_server(rec) as port:
        archive, settings, digest = setup(tmp_path, port)
        summary = run(archive, settings, digest)
    assert summary.failures[0].error == "554 5.7.1 Message refused by policy"
    still = archive.subscribers.get("all@mail.example.com")
    assert still is not None and still.status is SubscriberStatus.ACTIVE


def test_connection_dropped_mid_send_is_retried_on_a_new_connection(tmp_path: Path) -> None:
    rec = Recorder()
    rec.drops.add("all@mail.example.com")
    with smtp_server(rec) as port:
        archive, settings, digest = setup(tmp_path, port)
        summary = run(archive, settings, digest)
    assert (summary.sent, summary.failed) == (3, 0)
    assert sorted(r for r, _ in rec.messages) == RECEIVERS
    assert states(archive)["all@mail.example.com"] == ("sent", 2)
    assert rec.connections == 2


def test_batch_size_limits_messages_per_connection(tmp_path: Path) -> None:
    rec = Recorder()
    with smtp_server(rec) as port:
        archive, settings, digest = setup(tmp_path, port, batch_size=2)
        run(archive, settings, digest)
    assert len(rec.messages) == 3 and rec.connections == 2


def test_unreachable_server_leaves_everyone_due(tmp_path: Path) -> None:
    from send_fixtures import refusing_port

    with refusing_port() as port:
        archive, settings, digest = setup(tmp_path, port, retries=1)
        summary = run(archive, settings, digest, pacing=Pacing(sleep=lambda s: None))
    assert summary.failed == 3 and summary.sent == 0
    assert {f.error for f in summary.failures} == {"connection failed: Connection refused"}
    assert {s for s, _ in states(archive).values()} == {"failed-temporary", "skipped"}
    assert archive.ledger.remaining(digest.id) == 3


def test_unsubscribing_before_a_resume_cancels_the_pending_message(tmp_path: Path) -> None:
    rec = Recorder()
    rec.rcpt_replies["zoe@mail.example.com"] = ["451 4.3.0 later"]
    with smtp_server(rec) as port:
        archive, settings, digest = setup(tmp_path, port, retries=0)
        run(archive, settings, digest)
        archive.subscribers.set_status("zoe@mail.example.com", SubscriberStatus.UNSUBSCRIBED, BUILT)
        second = run(archive, settings, load_digest(archive, digest.id))
    assert second.sent == 0 and second.skipped == 1
    assert states(archive)["zoe@mail.example.com"] == ("skipped", 1)
    assert "zoe@mail.example.com" not in {r for r, _ in rec.messages}


def test_skip_empty_false_sends_to_subscribers_with_nothing_this_week(tmp_path: Path) -> None:
    rec = Recorder()
    with smtp_server(rec) as port:
        archive, settings, digest = setup(tmp_path, port)
        settings = settings.model_copy(
            update={"send": settings.send.model_copy(update={"skip_empty": False})}
        )
        summary = run(archive, settings, digest)
    assert summary.sent == 4 and summary.skipped == 0
    research = next(d for r, d in rec.messages if r.startswith("research"))
    text = parse(research).get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Your topics: none this week" in text


def test_dry_run_writes_the_outbox_and_leaves_the_ledger_alone(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    with Archive(tmp_path / "castdigest.db") as archive:
        add_subscribers(archive, SUBSCRIBERS)
        store_digest(archive, make_digest())
        summary = run(archive, settings, load_digest(archive, "2026-W48"), dry_run=True)
        assert archive.ledger.rows("2026-W48") == []
        assert load_digest(archive, "2026-W48").status.value == "draft"
    outbox = tmp_path / "outbox" / "2026-W48"  # beside the archive, never in the published out/
    assert summary.outbox == str(outbox)
    assert sorted(p.name for p in outbox.iterdir()) == ["1.eml", "2.eml", "3.eml"]
    first = parse((outbox / "1.eml").read_bytes())
    assert first["To"] == "Agents@Mail.Example.com"  # send order: by address
    assert first["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_one_render_per_topic_choice_gives_the_same_email_as_a_direct_render(
    tmp_path: Path,
) -> None:
    settings = make_settings(tmp_path)
    digest = make_digest()
    builder = MessageBuilder(digest, settings)
    first = Subscriber(email="o@x.example", name="O'Brien  &   <Co>")  # checked first
    for sub in [first, ALL, AGENTS, ZOE]:
        rcpt = make_recipient(sub, digest, settings, SECRET)
        direct = render_email(
            digest,
            settings,
            topics=None if rcpt.topics is None else list(rcpt.topics),
            recipient_name=sub.name,
            unsubscribe_url=tokens.unsubscribe_url(settings, rcpt.token),
            preferences_url=tokens.preferences_url(settings, rcpt.token),
        )
        made = builder.rendered(rcpt)
        assert made.text == direct.text
        assert made.subject == direct.subject
        assert html.unescape(made.html) == html.unescape(direct.html)
        assert "<Co>" not in made.html
    assert builder._names_substitute  # one render per topic choice served every name


def test_tokens_and_message_ids_are_fixed_opaque_and_keyed(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    lid = tokens.list_id(settings)
    token = tokens.unsubscribe_token(SECRET, lid, "Ann@Example.org")
    assert token == tokens.unsubscribe_token(SECRET, lid, "ann@example.org")
    assert tokens.TOKEN_RE.fullmatch(token) and "ann" not in token.lower()
    assert token != tokens.unsubscribe_token(SECRET + "x", lid, "ann@example.org")
    assert token != tokens.unsubscribe_token(SECRET, "other.example.org", "ann@example.org")
    renamed = settings.model_copy(
        update={"newsletter": settings.newsletter.model_copy(update={"name": "Renamed"})}
    )
    assert tokens.list_id(renamed) == "renamed.news.example.org"  # old links would break ...
    pinned = renamed.model_copy(
        update={"unsubscribe": renamed.unsubscribe.model_copy(update={"list_id": lid})}
    )
    assert tokens.list_id(pinned) == lid  # ... unless the List-Id is pinned
    mid = tokens.message_id(SECRET, "2026-W48", "ann@example.org", "news.example.org")
    assert mid == tokens.message_id(SECRET, "2026-W48", "ANN@example.org", "news.example.org")
    assert mid != tokens.message_id(SECRET, "2026-W49", "ann@example.org", "news.example.org")


def test_rate_limiter_spaces_messages_evenly() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(round(s, 6))
        now[0] += s

    limiter = RateLimiter(4.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(3):
        limiter.wait()
    now[0] += 1.0  # idle for a while: no catching up in a burst
    limiter.wait()
    limiter.wait()
    assert slept == [0.25, 0.25, 0.25]


# --------------------------------------------------------------------------- CLI

BUILT = make_digest().built_at


def _cli_env(port: int) -> dict[str, str]:
    return {
        "CASTDIGEST_UNSUBSCRIBE_SECRET": SECRET,
        "CASTDIGEST_SMTP_HOST": "127.0.0.1",
        "CASTDIGEST_SMTP_PORT": str(port),
        "CASTDIGEST_SMTP_TLS": "none",
    }


def test_cli_send_json_summary_and_exit_code(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    rec = Recorder()
    rec.rcpt_replies["all@mail.example.com"] = ["550 5.1.1 No such user"]
    with Archive(tmp_path / "castdigest.db") as archive:
        add_subscribers(archive, SUBSCRIBERS)
        store_digest(archive, make_digest())
    runner = CliRunner()
    with smtp_server(rec) as port:
        result = runner.invoke(
            cli, ["--config", str(config), "send", "2026-W48", "--json"], env=_cli_env(port)
        )
        again = runner.invoke(
            cli, ["--config", str(config), "send", "2026-W48"], env=_cli_env(port)
        )
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert (data["sent"], data["skipped"], data["failed"]) == (2, 1, 1)
    assert data["failures"][0]["error"] == "550 5.1.1 No such user"
    assert again.exit_code == 0
    assert again.stdout == (
        "2026-W48: 0 sent, 0 skipped, 2 already sent, 0 failed\ndigest 2026-W48 is sent\n"
    )


def test_cli_send_unknown_digest_and_missing_secret(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    runner = CliRunner()
    env = _cli_env(25)
    result = runner.invoke(cli, ["--config", str(config), "send", "2030-W01"], env=env)
    assert result.exit_code == 1
    assert "Error: 2030-W01: no such digest" in result.output
    with Archive(tmp_path / "castdigest.db") as archive:
        add_subscribers(archive, [ALL])
        store_digest(archive, make_digest())
    env["CASTDIGEST_UNSUBSCRIBE_SECRET"] = ""
    result = runner.invoke(cli, ["--config", str(config), "send", "2026-W48"], env=env)
    assert result.exit_code == 1
    assert "CASTDIGEST_UNSUBSCRIBE_SECRET: unsubscribe secret missing" in result.output


def test_cli_refuses_secrets_in_the_config_file(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    config.write_text(
        config.read_text() + '[unsubscribe]\nsecret = "in-the-file-0123456789"\n', encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["--config", str(config), "send", "2026-W48"])
    assert result.exit_code == 1
    assert "[unsubscribe] secret must not be in the config file" in result.output
    assert "in-the-file-0123456789" not in result.output
    mail = CliRunner().invoke(
        cli, ["--config", str(config), "subscribers", "unsubscribe-mail", str(config)]
    )
    assert mail.exit_code == 1
    assert "[unsubscribe] secret must not be in the config file" in mail.stderr
    # the other commands run, and say where the secret belongs
    listed = CliRunner().invoke(cli, ["--config", str(config), "subscribers", "list", "--json"])
    assert listed.exit_code == 0
    assert json.loads(listed.stdout) == []
    assert listed.stderr.startswith(
        f"warning: {config}: [unsubscribe] secret belongs in the environment "
        "(CASTDIGEST_UNSUBSCRIBE_SECRET), not the config file; sending refuses it\n"
    )
    assert "in-the-file-0123456789" not in listed.output


@pytest.mark.parametrize("flag", ["--dry-run"])
def test_cli_dry_run_without_secret_warns_and_writes(tmp_path: Path, flag: str) -> None:
    config = write_config(tmp_path)
    with Archive(tmp_path / "castdigest.db") as archive:
        add_subscribers(archive, [ALL])
        store_digest(archive, make_digest())
    result = CliRunner().invoke(cli, ["--config", str(config), "send", "2026-W48", flag])
    assert result.exit_code == 0, result.output
    assert "2026-W48: 1 written, 0 skipped, 0 already sent, 0 failed" in result.stdout
    assert (tmp_path / "outbox" / "2026-W48" / "1.eml").is_file()
    assert not (tmp_path / "out" / "2026-W48" / "outbox").exists()
    assert "placeholder tokens" in result.stderr


# --------------------------------------------------------------------------- weekly

SAMPLE_FEEDS = Path(__file__).resolve().parents[1] / "samples" / "feeds"


def test_weekly_ingests_builds_sends_and_a_second_run_sends_nothing_new(tmp_path: Path) -> None:
    config = write_config(tmp_path, sources=[SAMPLE_FEEDS])
    with Archive(tmp_path / "castdigest.db") as archive:
        add_subscribers(archive, [ALL, AGENTS, GONE])
    rec = Recorder()
    runner = CliRunner()
    args = ["--config", str(config), "weekly", "--as-of", "2026-11-20", "--json"]
    with smtp_server(rec) as port:
        dry = runner.invoke(cli, [*args, "--no-send"], env=_cli_env(port))
        first = runner.invoke(cli, args, env=_cli_env(port))
        second = runner.invoke(cli, args, env=_cli_env(port))
    assert dry.exit_code == 0, dry.output
    planned = json.loads(dry.stdout)
    assert (planned["digest_id"], planned["build"], planned["send"]) == ("2026-W47", "new", None)
    assert planned["items"] >= 1 and not any(r["failed"] for r in planned["ingest"])
    assert first.exit_code == 0, first.output
    sent = json.loads(first.stdout)
    assert sent["build"] == "unchanged"
    assert (sent["send"]["sent"], sent["send"]["digest_status"]) == (1, "sent")
    assert second.exit_code == 0, second.output
    again = json.loads(second.stdout)
    assert again["build"] == "frozen"
    assert (again["send"]["sent"], again["send"]["already_sent"]) == (0, 1)
    assert [r for r, _ in rec.messages] == ["all@mail.example.com"]  # AGENTS: nothing this week
    assert (tmp_path / "out" / "2026-W47" / "email.html").is_file()


def test_weekly_ticks_a_progress_bar_per_folder(tmp_path: Path) -> None:
    pages = Path(__file__).resolve().parents[1] / "samples" / "pages"
    config = write_config(tmp_path, sources=[pages, SAMPLE_FEEDS])
    settings = load_settings(config, environ={"CASTDIGEST_UNSUBSCRIBE_SECRET": SECRET})
    bars: list[list[object]] = []

    @contextmanager
    def bar(total: int, label: str) -> Iterator[Callable[[int], None]]:
        bars.append([label, total, 0])
        yield lambda n: bars[-1].__setitem__(2, cast(int, bars[-1][2]) + n)

    with Archive(tmp_path / "castdigest.db") as archive:
        report = run_weekly(archive, settings, as_of=BUILT, send=False, progress_bar=bar)
    assert not report.failed
    # one bar per configured folder, ticked once per file
    assert bars == [["Ingesting", 5, 5], ["Ingesting", 5, 5]]
    assert len(report.ingest) == 10


def test_send_refuses_an_empty_digest(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    with Archive(tmp_path / "castdigest.db") as archive:
        add_subscribers(archive, [ALL])
        store_digest(archive, make_digest(()))
    result = CliRunner().invoke(
        cli, ["--config", str(config), "send", "2026-W48"], env=_cli_env(25)
    )
    assert result.exit_code == 1
    assert "Error: 2026-W48: the digest has no items; nothing sent" in result.output


def test_send_without_subscribers_is_refused_and_leaves_the_digest_a_draft(
    tmp_path: Path,
) -> None:
    config = write_config(tmp_path)
    with Archive(tmp_path / "castdigest.db") as archive:
        add_subscribers(archive, [GONE])
        store_digest(archive, make_digest())
    result = CliRunner().invoke(
        cli, ["--config", str(config), "send", "2026-W48"], env=_cli_env(25)
    )
    assert result.exit_code == 1
    assert "castdigest.db: no active subscribers; nothing sent" in result.output
    with Archive(tmp_path / "castdigest.db") as archive:
        assert load_digest(archive, "2026-W48").status.value == "draft"


def test_wire_template_gives_the_bytes_the_email_package_writes(tmp_path: Path) -> None:
    """The fast path (one serialised message per topic choice, filled in per subscriber) must
    equal building each message with the email package, the MIME boundary aside."""
    settings = make_settings(tmp_path)
    digest = make_digest(("agents", "infra", "research"))
    fast, slow = MessageBuilder(digest, settings), MessageBuilder(digest, settings)
    subs = [
        ALL,
        AGENTS,
        ZOE,
        Subscriber(email="first@x.example", name="First Named"),  # goes the checked slow way
        Subscriber(email="o@x.example", name="O'Brien & <Co> " + "x" * 90, topics=["infra"]),
        Subscriber(email="u@x.example", name="Ü" * 60, topics=["agents", "research"]),
        Subscriber(email="ws@x.example", name="Trailing Space ", topics=["agents"]),
        Subscriber(email="plain@x.example"),
    ]
    boundary = re.compile(rb"=_cd_[0-9a-f]{32}")
    for sub in subs:
        rcpt = make_recipient(sub, digest, settings, SECRET)
        made = fast.wire(rcpt, BUILT)
        expected = to_bytes(slow.message(rcpt, BUILT))
        assert boundary.sub(b"B", made) == boundary.sub(b"B", expected), sub.email
    assert fast._wires and all(t is not None for t in fast._wires.values())


def test_wire_template_refuses_what_it_cannot_fill() -> None:
    from castdigest.send.wire import WireTemplate

    head = b'Subject: Hi NAME\r\nContent-Type: multipart/alternative; boundary="b"\r\n\r\n'
    body = (
        b"--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"TOKEN\r\n--b--\r\n"
    )
    assert WireTemplate.make(head + body, "NAME", "TOKEN") is None  # a name in the Subject
    plain_head = head.replace(b"Hi NAME", b"Hello")
    assert WireTemplate.make(plain_head + body, "NAME", "TOKEN") is None  # marker not in QP
    qp = body.replace(b"base64", b"quoted-printable")
    made = WireTemplate.make(plain_head + qp, "NAME", "TOKEN")
    assert made is not None
    filled = made.fill({}, "tok-1", "", "")
    assert filled.endswith(b"\r\n\r\ntok-1\r\n--b--\r\n")


# --------------------------------------------------------------------------- TLS and login


@pytest.fixture
def cert(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    cert, key = self_signed_cert(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client trusts this certificate
    return cert, key


def _server_tls(cert: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(cert[0]), str(cert[1]))
    return context


def test_starttls_and_login(tmp_path: Path, cert: tuple[Path, Path]) -> None:
    rec = Recorder()
    options = {
        "tls_context": _server_tls(cert),
        "require_starttls": True,
        "authenticator": password_check("digest", "s3cret-pass-0123456789"),
    }
    with smtp_server(rec, **options) as port:
        archive, settings, digest = setup(
            tmp_path, port, tls="starttls", user="digest", password="s3cret-pass-0123456789"
        )
        summary = run(archive, settings, digest)
    assert (summary.sent, summary.failed) == (3, 0)
    assert sorted(r for r, _ in rec.messages) == RECEIVERS


def test_implicit_tls_with_a_password_file(tmp_path: Path, cert: tuple[Path, Path]) -> None:
    rec = Recorder()
    secret_file = tmp_path / "smtp-password"
    secret_file.write_text("from-a-file-pass\n", encoding="utf-8")
    options = {
        "ssl_context": _server_tls(cert),
        "authenticator": password_check("digest", "from-a-file-pass"),
        "auth_require_tls": False,  # aiosmtpd does not count implicit TLS as TLS
    }
    with smtp_server(rec, **options) as port:
        archive, settings, digest = setup(
            tmp_path, port, tls="ssl", user="digest", password_file=str(secret_file)
        )
        summary = run(archive, settings, digest)
    assert (summary.sent, summary.failed) == (3, 0)


def test_refused_login_stops_with_a_message_that_never_shows_the_password(
    tmp_path: Path, cert: tuple[Path, Path]
) -> None:
    rec = Recorder()
    options = {
        "tls_context": _server_tls(cert),
        "authenticator": password_check("digest", "the-right-one"),
    }
    config = write_config(tmp_path, {"tls": "starttls", "user": "digest"})
    with Archive(tmp_path / "castdigest.db") as archive:
        add_subscribers(archive, [ALL])
        store_digest(archive, make_digest())
    with smtp_server(rec, **options) as port:
        env = {**_cli_env(port), "CASTDIGEST_SMTP_TLS": "starttls"}
        env["CASTDIGEST_SMTP_PASSWORD"] = "wrong-password-xyz"
        result = CliRunner().invoke(cli, ["--config", str(config), "send", "2026-W48"], env=env)
    assert result.exit_code == 1
    assert f"Error: smtp://127.0.0.1:{port}: login refused for user 'digest' (535)" in result.output
    assert "wrong-password-xyz" not in result.output
    assert rec.messages == []


def test_untrusted_certificate_stops_the_send(
    tmp_path: Path, cert: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = Recorder()
    with smtp_server(rec, tls_context=_server_tls(cert)) as port:
        archive, settings, digest = setup(tmp_path, port, tls="starttls")
        monkeypatch.delenv("SSL_CERT_FILE")  # the client no longer trusts the test certificate
        with pytest.raises(SendError, match="TLS certificate not trusted"):
            run(archive, settings, digest)
    assert archive.ledger.remaining(digest.id) == 3 and rec.messages == []


def test_a_second_send_while_one_runs_is_refused(tmp_path: Path) -> None:
    from castdigest.pipeline.send import send_lock

    rec = Recorder()
    with smtp_server(rec) as port:
        archive, settings, digest = setup(tmp_path, port)
        with send_lock(archive.path), pytest.raises(SendError, match="another send"):
            run(archive, settings, digest)
        assert rec.messages == [] and archive.ledger.rows(digest.id) == []
        assert run(archive, settings, digest).sent == 3  # released: the next send goes


def test_a_password_file_inside_a_repository_is_refused(tmp_path: Path) -> None:
    from castdigest.config import SmtpConfig
    from castdigest.errors import ConfigError
    from castdigest.send.smtp import read_password

    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "secrets").mkdir()
    inside = tmp_path / "repo" / "secrets" / "smtp-password"
    inside.write_text("hunter2-in-repo\n", encoding="utf-8")
    outside = tmp_path / "smtp-password"
    outside.write_text("hunter2-outside\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="password file is inside the repository") as err:
        read_password(SmtpConfig(password_file=str(inside)), tmp_path)
    assert "hunter2" not in str(err.value)
    assert read_password(SmtpConfig(password_file="smtp-password"), tmp_path) == "hunter2-outside"
    assert (
        read_password(SmtpConfig(password="from-the-environment"), tmp_path)
        == "from-the-environment"
    )


def test_unicode_address_needs_smtputf8(tmp_path: Path) -> None:
    rec = Recorder()
    uni = Subscriber(email="zoë@mail.example.com")
    with smtp_server(rec) as port:  # offers SMTPUTF8
        archive, settings, digest = setup(tmp_path, port)
        add_subscribers(archive, [uni])
        assert run(archive, settings, digest).sent == 4
    raw = next(d for r, d in rec.messages if r == "zoë@mail.example.com")
    assert b"\r\nTo: zo\xc3\xab@mail.example.com\r\n" in raw  # UTF-8, not an encoded-word
    rec2 = Recorder()
    (tmp_path / "b").mkdir()
    with smtp_server(rec2, enable_SMTPUTF8=False) as port:
        archive2, settings2, digest2 = setup(tmp_path / "b", port)
        add_subscribers(archive2, [uni])
        summary = run(archive2, settings2, digest2)
    assert summary.sent == 3
    assert [f.as_dict() for f in summary.failures] == [
        {
            "email": "zoë@mail.example.com",
            "state": "failed-permanent",
            "attempts": 1,
            "error": "server cannot take it: SMTPUTF8 not supported by server",
        }
    ]


def test_an_internationalised_domain_is_sent_in_its_ascii_form(tmp_path: Path) -> None:
    rec = Recorder()
    with smtp_server(rec, enable_SMTPUTF8=False) as port:
        archive, settings, digest = setup(tmp_path, port)
        add_subscribers(archive, [Subscriber(email="ann@bücher.example")])
        assert run(archive, settings, digest).sent == 4
    raw = next(d for r, d in rec.messages if r == "ann@xn--bcher-kva.example")
    assert b"\r\nTo: ann@xn--bcher-kva.example\r\n" in raw
