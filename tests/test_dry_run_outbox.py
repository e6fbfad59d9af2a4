"""`send --dry-run` writes the messages (each with a reader's unsubscribe token) outside out/."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from castdigest.archive import Archive
from castdigest.cli import cli
from castdigest.errors import SendError
from castdigest.models import Subscriber
from castdigest.pipeline.send import load_digest, send_digest
from send_fixtures import (
    SECRET,
    add_subscribers,
    make_digest,
    make_settings,
    store_digest,
    write_config,
)

READERS = [
    Subscriber(email="ann@mail.example.com", name="Ann Reader"),
    Subscriber(email="bob@mail.example.com", topics=["agents"]),
]
ENV = {"CASTDIGEST_UNSUBSCRIBE_SECRET": SECRET}


def setup(tmp_path: Path) -> Path:
    config = write_config(tmp_path)
    with Archive(tmp_path / "castdigest.db") as archive:
        add_subscribers(archive, READERS)
        store_digest(archive, make_digest())
    return config


def send(config: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--config", str(config), "send", "2026-W48", *args], env=ENV)
    return result.exit_code, result.stdout, result.stderr


def published_files(tmp_path: Path) -> list[str]:
    out = tmp_path / "out"
    return sorted(str(p.relative_to(out)) for p in out.rglob("*")) if out.exists() else []


def test_default_outbox_is_beside_the_archive_and_out_gets_nothing(tmp_path: Path) -> None:
    config = setup(tmp_path)
    code, stdout, _ = send(config, "--dry-run")
    assert code == 0
    folder = tmp_path / "outbox" / "2026-W48"
    assert sorted(p.name for p in folder.iterdir()) == ["1.eml", "2.eml"]
    assert f"outbox: {folder}\n" in stdout
    assert folder.stat().st_mode & 0o077 == 0  # the tokens are readable by the owner only
    assert [f for f in published_files(tmp_path) if "outbox" in f or f.endswith("1.eml")] == []


def test_outbox_option_names_the_folder(tmp_path: Path) -> None:
    config = setup(tmp_path)
    target = tmp_path / "checks"
    code, stdout, _ = send(config, "--dry-run", "--outbox", str(target))
    assert code == 0
    assert sorted(p.name for p in (target / "2026-W48").iterdir()) == ["1.eml", "2.eml"]
    assert f"outbox: {target / '2026-W48'}\n" in stdout
    assert not (tmp_path / "outbox").exists()


def test_outbox_inside_out_dir_is_refused(tmp_path: Path) -> None:
    config = setup(tmp_path)
    for inside in (tmp_path / "out", tmp_path / "out" / "private"):
        code, stdout, stderr = send(config, "--dry-run", "--outbox", str(inside))
        assert code == 2
        assert f"Invalid value for --outbox: {inside} is inside the published output" in stderr
        assert "unsubscribe token" in stderr
        assert stdout == ""
    assert not (tmp_path / "out" / "private").exists()


def test_outbox_through_a_symlink_into_out_dir_is_refused(tmp_path: Path) -> None:
    config = setup(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "sneaky").symlink_to(tmp_path / "out")
    code, _, stderr = send(config, "--dry-run", "--outbox", str(tmp_path / "sneaky"))
    assert code == 2
    assert "is inside the published output folder" in stderr
    assert list((tmp_path / "out").iterdir()) == []


def test_outbox_without_dry_run_is_a_usage_error(tmp_path: Path) -> None:
    config = setup(tmp_path)
    code, _, stderr = send(config, "--outbox", str(tmp_path / "checks"))
    assert code == 2
    assert "--outbox goes with --dry-run" in stderr


def test_rerun_replaces_only_its_own_message_files(tmp_path: Path) -> None:
    config = setup(tmp_path)
    folder = tmp_path / "checks" / "2026-W48"
    folder.mkdir(parents=True)
    (folder / "7.eml").write_text("stale")
    (folder / "notes.txt").write_text("mine")
    code, _, _ = send(config, "--dry-run", "--outbox", str(tmp_path / "checks"))
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["1.eml", "2.eml", "notes.txt"]
    assert (folder / "notes.txt").read_text() == "mine"


def test_an_outbox_left_in_out_by_an_earlier_version_is_removed(tmp_path: Path) -> None:
    config = setup(tmp_path)
    old = tmp_path / "out" / "2026-W48" / "outbox"
    old.mkdir(parents=True)
    (old / "1.eml").write_text("List-Unsubscribe: <https://x.example/u?token=secret>")
    code, _, stderr = send(config, "--dry-run")
    assert code == 0
    assert not old.exists()
    assert f"warning: removed {old}: dry-run messages do not belong in the published folder" in (
        stderr
    )
    assert (tmp_path / "outbox" / "2026-W48" / "1.eml").is_file()


def test_default_outbox_refused_when_the_archive_sits_in_out_dir(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    (tmp_path / "out").mkdir()
    with Archive(tmp_path / "out" / "castdigest.db") as archive:
        add_subscribers(archive, READERS)
        store_digest(archive, make_digest())
        with pytest.raises(SendError) as caught:
            send_digest(archive, settings, load_digest(archive, "2026-W48"), dry_run=True)
    assert str(caught.value) == (
        f"{tmp_path / 'out' / 'outbox'}: the dry-run outbox would be inside the published "
        f"output folder {tmp_path / 'out'}: its messages carry every reader's unsubscribe token"
    )
    assert not (tmp_path / "out" / "outbox").exists()
