"""Subscribers: validation, CSV import (duplicates, bad rows), the store, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from castdigest.archive import Archive
from castdigest.cli import cli
from castdigest.models import Subscriber, SubscriberStatus
from castdigest.pipeline.subscribers import import_csv
from castdigest.subscribers import (
    InvalidSubscriber,
    email_key,
    make_subscriber,
    normalize_email,
    parse_csv,
    parse_topics,
    topics_for,
)
from send_fixtures import write_config

KNOWN = ["agents", "infra", "research"]

CSV = """email,name,topics,status
ann@example.org,Ann Lee,agents;infra,
not-an-address,Nobody,,
BOB@Example.ORG,Bob,,active
"carol@example.org","Carol, PhD","research",
ann@EXAMPLE.org,,research,
dave@example.org,Dave,agnets,
erin@example.org,Erin,,gone
Bob@example.org,Robert,,
"""


def test_normalize_email_lowercases_the_domain_and_does_no_dns() -> None:
    assert normalize_email("  Ann.Lee@Example.ORG ") == "Ann.Lee@example.org"
    assert normalize_email("zoë@bücher.example") == "zoë@bücher.example"
    with pytest.raises(InvalidSubscriber, match="invalid email address 'ann@'"):
        normalize_email("ann@")
    with pytest.raises(InvalidSubscriber, match="empty email address"):
        normalize_email("   ")


def test_parse_topics_accepts_common_separators() -> None:
    assert parse_topics("infra; Agents,research | infra") == ["agents", "infra", "research"]
    assert parse_topics("") == []


def test_csv_merges_duplicates_and_reports_bad_rows_by_line() -> None:
    result = parse_csv(CSV, known_topics=KNOWN)
    assert [(e.line, e.message.split(" (")[0]) for e in result.errors] == [
        (3, "invalid email address 'not-an-address': An email address must have an @-sign."),
        (7, "unknown topic(s) agnets"),
        (8, "unknown status 'gone'"),
    ]
    assert result.merged == 2
    assert [s.model_dump() for s in result.subscribers] == [
        {
            "email": "ann@example.org",
            "name": "Ann Lee",
            "topics": ["agents", "infra", "research"],
            "status": "active",
        },
        {"email": "Bob@example.org", "name": "Robert", "topics": [], "status": "active"},
        {
            "email": "carol@example.org",
            "name": "Carol, PhD",
            "topics": ["research"],
            "status": "active",
        },
    ]


def test_csv_without_header_and_multiline_cells_keeps_line_numbers() -> None:
    text = 'a@example.org,"Ann\nLee",agents\n\nbad@,x,\nc@example.org\n'
    result = parse_csv(text)
    assert [e.line for e in result.errors] == [4]
    assert [(s.email, s.name) for s in result.subscribers] == [
        ("a@example.org", "Ann Lee"),
        ("c@example.org", None),
    ]


@given(
    st.lists(st.sampled_from(["a@x.org", "A@X.org", "a@X.ORG", "b@x.org", "B@x.org"]), max_size=8)
)
def test_duplicates_merge_case_insensitively(emails: list[str]) -> None:
    text = "email\n" + "".join(f"{e}\n" for e in emails)
    result = parse_csv(text)
    assert len(result.subscribers) == len({email_key(e) for e in emails})
    assert result.merged == len(emails) - len(result.subscribers)


def test_topics_for_a_subscriber() -> None:
    from send_fixtures import make_digest

    digest = make_digest(("agents", "infra"))
    assert topics_for(Subscriber(email="a@x.org"), digest) == ["agents", "infra"]
    assert topics_for(Subscriber(email="a@x.org", topics=["research", "infra"]), digest) == [
        "infra"
    ]
    assert topics_for(Subscriber(email="a@x.org", topics=["research"]), digest) == []


def test_store_upsert_list_status_delete(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    now = datetime(2026, 11, 24, tzinfo=UTC)
    with Archive(tmp_path / "a.db") as archive:
        store = archive.subscribers
        sub = make_subscriber("Ann@Example.org", "Ann", "agents")
        assert store.upsert(sub, now) == "new"
        assert store.upsert(sub, now) == "unchanged"
        assert store.upsert(sub.model_copy(update={"name": "Ann L."}), now) == "updated"
        assert store.get("ANN@example.ORG") == Subscriber(
            email="Ann@example.org", name="Ann L.", topics=["agents"]
        )
        assert store.set_status("ann@example.org", SubscriberStatus.BOUNCED, now)
        assert not store.set_status("nobody@example.org", SubscriberStatus.BOUNCED, now)
        assert [s.email for s in store.list(SubscriberStatus.BOUNCED)] == ["Ann@example.org"]
        store.delete("ann@example.org")
        assert store.list() == []


def test_import_keeps_unsubscribed_people_unsubscribed(tmp_path: Path) -> None:
    csv_path = tmp_path / "readers.csv"
    csv_path.write_text(CSV, encoding="utf-8")
    with Archive(tmp_path / "a.db") as archive:
        from datetime import UTC, datetime

        archive.subscribers.upsert(
            Subscriber(email="carol@example.org", status=SubscriberStatus.UNSUBSCRIBED),
            datetime(2026, 11, 1, tzinfo=UTC),
        )
        report = import_csv(archive, csv_path, known_topics=KNOWN)
        again = import_csv(archive, csv_path, known_topics=KNOWN)
        carol = archive.subscribers.get("carol@example.org")
    assert (report.new, report.updated, report.kept_unsubscribed) == (2, 1, 1)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 3)
    assert carol is not None and carol.status is SubscriberStatus.UNSUBSCRIBED


# --------------------------------------------------------------------------- CLI


def invoke(tmp_path: Path, *args: str) -> object:
    config = write_config(tmp_path)
    return CliRunner().invoke(cli, ["--config", str(config), *args])


def test_cli_import_reports_lines_and_exits_1(tmp_path: Path) -> None:
    csv_path = tmp_path / "readers.csv"
    csv_path.write_text(CSV, encoding="utf-8")
    result = invoke(tmp_path, "subscribers", "import", str(csv_path))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    err = result.stderr.splitlines()  # type: ignore[attr-defined]
    assert err[0] == (
        f"{csv_path}:3: invalid email address 'not-an-address': "
        "An email address must have an @-sign."
    )
    assert err[1].startswith(f"{csv_path}:7: unknown topic(s) agnets (configured: ")
    assert result.stdout == (  # type: ignore[attr-defined]
        f"{csv_path}: 3 new, 0 updated, 0 unchanged, 2 duplicate(s) merged, 3 invalid\n"
    )


def test_cli_import_missing_and_non_utf8_files(tmp_path: Path) -> None:
    result = invoke(tmp_path, "subscribers", "import", str(tmp_path / "nope.csv"))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert f"Error: {tmp_path / 'nope.csv'}: cannot read" in result.output  # type: ignore[attr-defined]
    latin = tmp_path / "latin.csv"
    latin.write_bytes("email,name\nzoe@example.org,Zo\xeb\n".encode("latin-1"))
    result = invoke(tmp_path, "subscribers", "import", str(latin))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert f"Error: {latin}:2: not UTF-8 text\n  hint: save the CSV as UTF-8" in result.output  # type: ignore[attr-defined]
    assert "Traceback" not in result.output  # type: ignore[attr-defined]


def test_cli_add_list_remove(tmp_path: Path) -> None:
    r = invoke(
        tmp_path, "subscribers", "add", "Ann@Example.org", "--name", "Ann", "--topic", "agents"
    )
    assert r.exit_code == 0 and r.stdout == "Ann@example.org: new (agents)\n"  # type: ignore[attr-defined]
    r = invoke(tmp_path, "subscribers", "add", "bob@example.org")
    assert r.stdout == "bob@example.org: new (all topics)\n"  # type: ignore[attr-defined]
    r = invoke(tmp_path, "subscribers", "add", "bob@", "--topic", "agents")
    assert r.exit_code == 2  # type: ignore[attr-defined]
    assert "invalid email address 'bob@'" in r.output  # type: ignore[attr-defined]
    r = invoke(tmp_path, "subscribers", "add", "c@example.org", "--topic", "nope")
    assert r.exit_code == 2 and "unknown topic(s) nope" in r.output  # type: ignore[attr-defined]
    r = invoke(tmp_path, "subscribers", "remove", "ANN@example.org")
    assert r.exit_code == 0 and r.stdout == "ANN@example.org: unsubscribed\n"  # type: ignore[attr-defined]
    r = invoke(tmp_path, "subscribers", "list", "--json")
    assert json.loads(r.stdout) == [  # type: ignore[attr-defined]
        {"email": "Ann@example.org", "name": "Ann", "topics": ["agents"], "status": "unsubscribed"},
        {"email": "bob@example.org", "name": None, "topics": [], "status": "active"},
    ]
    r = invoke(tmp_path, "subscribers", "list", "--status", "active")
    assert r.stdout.split() == ["bob@example.org", "active", "all", "topics"]  # type: ignore[attr-defined]
    r = invoke(tmp_path, "subscribers", "remove", "nobody@example.org")
    assert r.exit_code == 1  # type: ignore[attr-defined]
    assert "Error: nobody@example.org: no such subscriber" in r.output  # type: ignore[attr-defined]
    r = invoke(tmp_path, "subscribers", "remove", "bob@example.org", "--forget")
    assert r.stdout == "bob@example.org: forgotten\n"  # type: ignore[attr-defined]
