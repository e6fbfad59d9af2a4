"""Config: file, then environment (which wins), every invalid key reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from castdigest.config import load_settings
from castdigest.errors import ConfigError


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = load_settings(environ={})
    assert s.archive == "castdigest.db"
    assert s.rank.half_life_days == 7.0
    assert s.feeds.items == 50
    assert s.smtp.tls == "starttls"


def test_file_then_environment(tmp_path: Path) -> None:
    cfg = tmp_path / "castdigest.toml"
    cfg.write_text(
        '[newsletter]\nname = "Agents Weekly"\n[smtp]\nhost = "mail.example.org"\nport = 587\n'
        '[[topics]]\nslug = "coding-agents"\nname = "Coding agents"\ntags = ["copilot"]\n'
    )
    env = {
        "CASTDIGEST_SMTP_PORT": "2525",
        "CASTDIGEST_SMTP_TLS": "ssl",
        "CASTDIGEST_SMTP_PASSWORD": "s3cret-0123456789abcdef",
        "CASTDIGEST_UNSUBSCRIBE_SECRET": "unsubscribe-key-0123456789",
        "CASTDIGEST_RANK_PINS": '["abc"]',
        "CASTDIGEST_ARCHIVE": "other.db",
        "UNRELATED": "1",
    }
    s = load_settings(cfg, environ=env)
    assert s.newsletter.name == "Agents Weekly"
    assert (s.smtp.host, s.smtp.port, s.smtp.tls) == ("mail.example.org", 2525, "ssl")
    assert s.smtp.password == "s3cret-0123456789abcdef"
    assert s.unsubscribe.secret == "unsubscribe-key-0123456789"
    assert s.rank.pins == ["abc"]
    assert s.archive == "other.db"
    assert s.resolve(s.archive) == tmp_path / "other.db"
    assert s.topics[0].slug == "coding-agents"


def test_secrets_do_not_change_the_config_hash(tmp_path: Path) -> None:
    a = load_settings(environ={"CASTDIGEST_SMTP_PASSWORD": "password-one-0123456789"})
    b = load_settings(environ={"CASTDIGEST_SMTP_PASSWORD": "password-two-0123456789"})
    c = load_settings(environ={"CASTDIGEST_NEWSLETTER_NAME": "Other"})
    assert a.config_hash() == b.config_hash() != c.config_hash()


def test_delivery_and_fetching_do_not_change_the_config_hash() -> None:
    base = load_settings(environ={})
    same = load_settings(
        environ={
            "CASTDIGEST_SMTP_HOST": "mail.example.org",
            "CASTDIGEST_SMTP_RATE": "5",
            "CASTDIGEST_HTTP_TIMEOUT": "3",
            "CASTDIGEST_ARCHIVE": "other.db",
        }
    )
    assert same.config_hash() == base.config_hash()
    for var, value in (
        ("CASTDIGEST_RANK_MAX_ITEMS", "3"),
        ("CASTDIGEST_SEND_PREFERENCES_URL", "https://example.org/prefs"),  # in every email
        ("CASTDIGEST_UNSUBSCRIBE_LIST_ID", "weekly.example.org"),  # a header of every email
    ):
        assert load_settings(environ={var: value}).config_hash() != base.config_hash(), var


def test_every_invalid_key_at_once_with_its_origin(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        '[rank]\nmax_items = 0\ncolour = "red"\n[[topics]]\nslug = "Bad Slug"\nname = "x"\n'
    )
    with pytest.raises(ConfigError) as info:
        load_settings(cfg, environ={"CASTDIGEST_SMTP_PORT": "many"})
    message = str(info.value)
    assert message.startswith(f"{cfg}: 4 invalid setting(s):")
    assert "rank.max_items: Input should be greater than or equal to 1" in message
    assert "rank.colour: Extra inputs are not permitted" in message
    assert "topics.0.slug: Value error, slug must be lowercase" in message
    assert "smtp.port: Input should be a valid integer" in message
    assert "(from CASTDIGEST_SMTP_PORT)" in message


def test_broken_toml_and_missing_file(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[rank\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(cfg, environ={})
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "missing.toml", environ={})
