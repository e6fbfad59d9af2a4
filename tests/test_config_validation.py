"""Config values that would break or leak later are refused at load, one line per key.

Ports, durations, addresses, secrets, URLs, language tags and time zones are checked when the
config is read; an archive inside the published out_dir is refused; a CASTDIGEST_* variable
that is no setting is a warning with the closest name.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from castdigest.cli import cli
from castdigest.config import (
    OTHER_VARIABLES,
    UnknownVariable,
    known_variables,
    load_settings,
)
from castdigest.errors import ConfigError
from conftest import ROOT

EXAMPLE = "such as digest@example.org or Name <digest@example.org>"
ONE_LINE = "must be one line without control characters, but holds a line break (CR or LF)"
SHORT_SECRET = (
    "too short for a secret: it needs at least 16 characters other than spaces "
    "(e.g. `openssl rand -hex 32`)"
)
NOT_WEB = "is not an http(s) URL with a host, such as https://example.org/"


def problems(tmp_path: Path, toml: str, environ: dict[str, str] | None = None) -> list[str]:
    """The lines of the "N invalid setting(s):" report for this config and environment."""
    cfg = tmp_path / "castdigest.toml"
    cfg.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(cfg, environ=environ or {})
    head, *lines = str(info.value).split("\n")
    assert head == f"{cfg}: {len(lines)} invalid setting(s):"
    return [line.removeprefix("  ") for line in lines]


# (TOML of the config, the one line expected for it)
REFUSED = [
    ("[smtp]\nport = 70000", "smtp.port: Input should be less than or equal to 65535"),
    ("[smtp]\nport = 0", "smtp.port: Input should be greater than or equal to 1"),
    ("[smtp]\ntimeout = -1", "smtp.timeout: Input should be greater than 0"),
    ("[http]\ntimeout = 0", "http.timeout: Input should be greater than 0"),
    ("[http]\ntimeout = inf", "http.timeout: Input should be a finite number"),
    ("[http]\nmax_bytes = 0", "http.max_bytes: Input should be greater than or equal to 1"),
    ("[smtp]\nrate = -0.5", "smtp.rate: Input should be greater than or equal to 0"),
    ("[smtp]\nbackoff = nan", "smtp.backoff: Input should be a finite number"),
    ("[smtp]\nmax_backoff = inf", "smtp.max_backoff: Input should be a finite number"),
    ("lock_wait_s = -1", "lock_wait_s: Input should be greater than or equal to 0"),
    ("[rank]\nhalf_life_days = inf", "rank.half_life_days: Input should be a finite number"),
    ("[rank]\nmin_duration = -60", "rank.min_duration: Input should be greater than or equal to 0"),
    ("[rank.weights]\nnovelty = nan", "rank.weights.novelty: Input should be a finite number"),
    (
        '[newsletter]\nsender = "Agents Weekly <digest>"',
        f"newsletter.sender: 'Agents Weekly <digest>' is not an email address {EXAMPLE} "
        "(addr-spec local part with no domain)",
    ),
    (
        '[newsletter]\nsender = "digest@localhost"',
        "newsletter.sender: 'digest@localhost' is not a valid email address: The part after "
        "the @-sign is not valid. It should have a period.",
    ),
    (
        '[newsletter]\nsender = "a@example.org, b@example.org"',
        f"newsletter.sender: 'a@example.org, b@example.org' holds 2 addresses: give one, {EXAMPLE}",
    ),
    (
        '[newsletter]\nsender = "digest@example.org\\r\\nBcc: all@example.org"',
        f"newsletter.sender: {ONE_LINE}",
    ),
    (
        '[newsletter]\nreply_to = "replies"',
        f"newsletter.reply_to: 'replies' is not an email address {EXAMPLE} "
        "(addr-spec local part with no domain)",
    ),
    ('[newsletter]\nname = "Agents\\nWeekly"', f"newsletter.name: {ONE_LINE}"),
    ('[unsubscribe]\nlist_id = "weekly.example.org\\r\\nX: y"', f"unsubscribe.list_id: {ONE_LINE}"),
    ('[http]\nuser_agent = "castdigest\\nX-Evil: 1"', f"http.user_agent: {ONE_LINE}"),
    ('[smtp]\nhost = "mail.example.org\\r\\n"', f"smtp.host: {ONE_LINE}"),
    (
        '[unsubscribe]\nmailto = "Unsubscribe <u@example.org>"',
        "unsubscribe.mailto: 'Unsubscribe <u@example.org>' is not a valid email address: A "
        "display name and angle brackets around the email address are not permitted here.",
    ),
    (
        '[newsletter]\nsite_url = "javascript:alert(1)"',
        f"newsletter.site_url: 'javascript:alert(1)' {NOT_WEB}",
    ),
    ('[newsletter]\nsite_url = "https://"', f"newsletter.site_url: 'https://' {NOT_WEB}"),
    (
        '[newsletter]\nsite_url = "https://example.org/a b"',
        "newsletter.site_url: 'https://example.org/a b' holds a space, quote, angle bracket, "
        "backslash or control character; write it percent-encoded",
    ),
    (
        '[send]\npreferences_url = "//example.org/prefs"',
        f"send.preferences_url: '//example.org/prefs' {NOT_WEB}",
    ),
    (
        '[unsubscribe]\nurl = "data:text/html,x"',
        f"unsubscribe.url: 'data:text/html,x' {NOT_WEB}",
    ),
    ('[[sources]]\nurl = "file:///etc/passwd"', f"sources.0.url: 'file:///etc/passwd' {NOT_WEB}"),
    (
        '[newsletter]\nlanguage = "english"',
        "newsletter.language: 'english' is not a language tag such as en, fr, pt-BR or zh-Hant",
    ),
    (
        '[[topics]]\nslug = "ai"\nname = "AI"\nlanguage = "en_US"',
        "topics.0.language: 'en_US' is not a language tag such as en, fr, pt-BR or zh-Hant",
    ),
    (
        '[newsletter]\ntimezone = "Europe/Pariss"',
        "newsletter.timezone: unknown time zone 'Europe/Pariss': use an IANA name such as "
        "Europe/Paris or UTC",
    ),
    (
        '[newsletter]\ntimezone = "Europe"',  # a folder of the zone database, not a zone
        "newsletter.timezone: unknown time zone 'Europe': use an IANA name such as "
        "Europe/Paris or UTC",
    ),
    (
        '[newsletter]\nbuild_timestamp = "next monday"',
        "newsletter.build_timestamp: 'next monday' is not an ISO 8601 time such as "
        "2026-11-30T08:00:00Z",
    ),
]


@pytest.mark.parametrize(("toml", "expected"), REFUSED, ids=[e.split(":")[0] for _, e in REFUSED])
def test_a_value_that_would_break_later_is_one_line_of_the_report(
    tmp_path: Path, toml: str, expected: str
) -> None:
    assert problems(tmp_path, toml + "\n") == [expected]


def test_secrets_need_16_characters_and_are_never_shown(tmp_path: Path) -> None:
    env = {
        "CASTDIGEST_SMTP_PASSWORD": " " * 16,
        "CASTDIGEST_UNSUBSCRIBE_SECRET": "short-secret  ",
    }
    assert problems(tmp_path, "", env) == [
        "smtp.password: is only spaces: set the SMTP password, or leave the variable empty"
        " (from CASTDIGEST_SMTP_PASSWORD)",
        f"unsubscribe.secret: {SHORT_SECRET} (from CASTDIGEST_UNSUBSCRIBE_SECRET)",
    ]
    # the provider chooses the SMTP password: a short one is still a password
    assert load_settings(environ={"CASTDIGEST_SMTP_PASSWORD": "hunter2"}).smtp.password == (
        "hunter2"
    )
    fifteen = "abcde fghij klmno "  # 15 characters besides the spaces
    assert problems(tmp_path, "", {"CASTDIGEST_UNSUBSCRIBE_SECRET": fifteen}) == [
        f"unsubscribe.secret: {SHORT_SECRET} (from CASTDIGEST_UNSUBSCRIBE_SECRET)"
    ]
    ok = load_settings(environ={"CASTDIGEST_UNSUBSCRIBE_SECRET": fifteen + "p"})
    assert ok.unsubscribe.secret == "abcde fghij klmno p"
    # an empty variable is an unset secret: the commands that need one say so themselves
    unset = load_settings(
        environ={"CASTDIGEST_UNSUBSCRIBE_SECRET": "", "CASTDIGEST_SMTP_PASSWORD": ""}
    )
    assert (unset.unsubscribe.secret, unset.smtp.password) == ("", "")


def test_every_problem_at_once_with_the_variable_it_came_from(tmp_path: Path) -> None:
    toml = '[smtp]\nport = 70000\ntimeout = -1\n[newsletter]\nsite_url = "javascript:alert(1)"\n'
    env = {
        "CASTDIGEST_NEWSLETTER_SENDER": "Agents Weekly <digest@example.org>\r\nBcc: x@example.org",
        "CASTDIGEST_HTTP_TIMEOUT": "-3",
        "CASTDIGEST_RANK_WEIGHTS": '{"recency": "inf"}',
    }
    assert problems(tmp_path, toml, env) == [
        f"newsletter.site_url: 'javascript:alert(1)' {NOT_WEB}",
        f"newsletter.sender: {ONE_LINE} (from CASTDIGEST_NEWSLETTER_SENDER)",
        "rank.weights.recency: Input should be a finite number (from CASTDIGEST_RANK_WEIGHTS)",
        "smtp.port: Input should be less than or equal to 65535",
        "smtp.timeout: Input should be greater than 0",
        "http.timeout: Input should be greater than 0 (from CASTDIGEST_HTTP_TIMEOUT)",
    ]


def test_valid_values_in_every_accepted_form(tmp_path: Path) -> None:
    cfg = tmp_path / "castdigest.toml"
    cfg.write_text(
        "[newsletter]\n"
        'sender = "\\"Éditions Été, Paris\\" <digest@news.example.org>"\n'
        'reply_to = "replies@example.org"\n'
        'site_url = "http://127.0.0.1:8080/digest/"\n'
        'language = "zh-Hant-TW"\n'
        'timezone = "America/Argentina/Buenos_Aires"\n'
        'build_timestamp = "2026-11-30T08:00:00Z"\n'
        "[smtp]\nport = 65535\ntimeout = 0.5\nrate = 0\n"
        '[unsubscribe]\nmailto = "unsubscribe+weekly@example.org"\n'
        'url = "https://unsubscribe.example.org/u"\n'
        '[[sources]]\nurl = "https://example.org/feed.xml"\nlanguage = "pt-BR"\n',
        encoding="utf-8",
    )
    s = load_settings(cfg, environ={"CASTDIGEST_NEWSLETTER_REPLY_TO": ""})
    assert s.newsletter.sender == '"Éditions Été, Paris" <digest@news.example.org>'  # as written
    assert s.newsletter.reply_to == ""  # an empty variable unsets the file's value
    assert (s.smtp.port, s.smtp.timeout, s.smtp.rate) == (65535, 0.5, 0.0)
    assert s.unsubscribe.mailto == "unsubscribe+weekly@example.org"
    assert s.sources[0].url == "https://example.org/feed.xml"


def test_the_default_sender_form_keeps_working() -> None:
    env = {"CASTDIGEST_NEWSLETTER_SENDER": "Agents Weekly <digest@example.org>"}
    assert load_settings(environ=env).newsletter.sender == "Agents Weekly <digest@example.org>"
    bare = {"CASTDIGEST_NEWSLETTER_SENDER": "digest@example.org"}
    assert load_settings(environ=bare).newsletter.sender == "digest@example.org"


# ------------------------------------------------------------------ the archive and out_dir

ARCHIVE_INSIDE = (
    "archive: {archive} is inside out_dir {out}, which is published, and the archive holds "
    "the subscribers and the send ledger: put it outside out_dir, e.g. "
    'archive = "castdigest.db" next to the config'
)


def test_an_archive_inside_out_dir_is_refused(tmp_path: Path) -> None:
    home = tmp_path.resolve()
    found = problems(tmp_path, 'archive = "out/castdigest.db"\nout_dir = "out"\n')
    expected = ARCHIVE_INSIDE.format(archive=home / "out" / "castdigest.db", out=home / "out")
    assert found == [expected]
    # the same place however it is spelled, and through a link
    (tmp_path / "site").mkdir()
    (tmp_path / "public").symlink_to(tmp_path / "site")
    found = problems(tmp_path, 'archive = "./site/../site/data/c.db"\nout_dir = "public"\n')
    expected = ARCHIVE_INSIDE.format(archive=home / "site" / "data" / "c.db", out=home / "site")
    assert found == [expected]


def test_an_archive_inside_out_dir_from_the_environment_names_the_variable(
    tmp_path: Path,
) -> None:
    home = tmp_path.resolve()
    found = problems(
        tmp_path, 'out_dir = "../www"\n[smtp]\nport = 0\n', {"CASTDIGEST_ARCHIVE": "../www/a.db"}
    )
    inside = ARCHIVE_INSIDE.format(archive=home.parent / "www" / "a.db", out=home.parent / "www")
    assert found == [
        "smtp.port: Input should be greater than or equal to 1",
        f"{inside} (from CASTDIGEST_ARCHIVE)",
    ]


def test_an_archive_next_to_out_dir_is_fine(tmp_path: Path) -> None:
    cfg = tmp_path / "castdigest.toml"
    cfg.write_text('archive = "out-archive/out.db"\nout_dir = "out"\n', encoding="utf-8")
    s = load_settings(cfg, environ={})
    assert s.resolve(s.archive) == tmp_path.resolve() / "out-archive" / "out.db"


def test_the_sample_config_loads_and_keeps_its_archive_out_of_out_dir() -> None:
    s = load_settings(ROOT / "samples" / "castdigest.toml", environ={})
    archive = s.resolve(s.archive).resolve()
    out = s.resolve(s.out_dir).resolve()
    assert archive == ROOT.resolve() / ".demo" / "demo.db"
    assert out == ROOT.resolve() / "out"
    assert not archive.is_relative_to(out)
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ".demo/" in ignored and "out/" in ignored


# ------------------------------------------------------------------ unknown variables


def test_an_unknown_variable_is_a_warning_with_the_closest_name() -> None:
    found: list[UnknownVariable] = []
    env = {
        "CASTDIGEST_SMPT_HOST": "mail.example.org",
        "CASTDIGEST_FOO": "1",
        "CASTDIGEST_OUTDIR": "public",
        "CASTDIGEST_SMTP_HOST": "relay.example.org",
        "CASTDIGEST_CONFIG": "castdigest.toml",
        "CASTDIGEST_DB": "castdigest.db",
        "CASTDIGEST_FUZZ_CASES": "200",
        "OTHER_TOOL_FOO": "1",
    }
    s = load_settings(environ=env, warnings=found)
    assert s.smtp.host == "relay.example.org"
    assert found == [
        UnknownVariable("CASTDIGEST_FOO", None),
        UnknownVariable("CASTDIGEST_OUTDIR", "CASTDIGEST_OUT_DIR"),
        UnknownVariable("CASTDIGEST_SMPT_HOST", "CASTDIGEST_SMTP_HOST"),
    ]
    assert [str(w) for w in found] == [
        "CASTDIGEST_FOO is not a castdigest setting; it is ignored",
        "CASTDIGEST_OUTDIR is not a castdigest setting; did you mean CASTDIGEST_OUT_DIR?",
        "CASTDIGEST_SMPT_HOST is not a castdigest setting; did you mean CASTDIGEST_SMTP_HOST?",
    ]


def test_every_known_variable_sets_something() -> None:
    known = known_variables()
    assert {"CASTDIGEST_ARCHIVE", "CASTDIGEST_RANK_MAX_ITEMS", "CASTDIGEST_SMTP_PASSWORD"} <= known
    assert {"CASTDIGEST_UNSUBSCRIBE_SECRET", "CASTDIGEST_RANK_WEIGHTS"} <= known
    assert known >= OTHER_VARIABLES
    for var in sorted(known - OTHER_VARIABLES):
        found: list[UnknownVariable] = []
        try:
            load_settings(environ={var: "x"}, warnings=found)
        except ConfigError as exc:
            assert var in str(exc)  # a wrong value for this key, reported as such
        assert found == [], var


def test_a_mistyped_key_gets_the_closest_valid_one(tmp_path: Path) -> None:
    toml = (
        '[rank]\nmax_item = 3\ncolour = "red"\n[rank.weights]\nrecncy = 1\n'
        '[[sources]]\npaht = "x"\n'
    )
    env = {"CASTDIGEST_SMTP_HOTS": "mail.example.org", "CASTDIGEST_RANK_WEIGHTS": '{"novelti": 1}'}
    assert problems(tmp_path, toml, env) == [
        "sources.0.paht: Extra inputs are not permitted; did you mean sources.0.path?",
        "rank.weights.recncy: Extra inputs are not permitted; did you mean rank.weights.recency?",
        "rank.weights.novelti: Extra inputs are not permitted; did you mean "
        "rank.weights.novelty? (from CASTDIGEST_RANK_WEIGHTS)",
        "rank.max_item: Extra inputs are not permitted; did you mean rank.max_items?",
        "rank.colour: Extra inputs are not permitted",
        "smtp.hots: Extra inputs are not permitted; did you mean CASTDIGEST_SMTP_HOST? "
        "(from CASTDIGEST_SMTP_HOTS)",
    ]


# ------------------------------------------------------------------ what the CLI shows


def test_the_cli_warns_once_about_an_unknown_variable(tmp_path: Path) -> None:
    cfg = tmp_path / "castdigest.toml"
    cfg.write_text('archive = "castdigest.db"\n', encoding="utf-8")
    env = {"CASTDIGEST_SMPT_HOST": "mail.example.org"}
    result = CliRunner().invoke(cli, ["--config", str(cfg), "episodes", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    assert result.stderr == (
        "warning: CASTDIGEST_SMPT_HOST is not a castdigest setting; "
        "did you mean CASTDIGEST_SMTP_HOST?\n"
    )


def test_the_cli_shows_one_clean_line_per_invalid_key(tmp_path: Path) -> None:
    cfg = tmp_path / "castdigest.toml"
    cfg.write_text(
        'archive = "out/castdigest.db"\n'
        '[newsletter]\nsender = "digest@example.org\\r\\nBcc: all@example.org"\n'
        "[smtp]\nport = 70000\n",
        encoding="utf-8",
    )
    env = {"CASTDIGEST_HTTP_TIMEOUT": "-1", "CASTDIGEST_SMPT_PORT": "25"}
    result = CliRunner().invoke(cli, ["--config", str(cfg), "episodes"], env=env)
    assert result.exit_code == 1  # as every config error: the input failed
    home = tmp_path.resolve()
    inside = ARCHIVE_INSIDE.format(archive=home / "out" / "castdigest.db", out=home / "out")
    assert result.stdout == ""
    assert result.stderr == (
        "warning: CASTDIGEST_SMPT_PORT is not a castdigest setting; "
        "did you mean CASTDIGEST_SMTP_PORT?\n"
        f"Error: {cfg}: 4 invalid setting(s):\n"
        f"  newsletter.sender: {ONE_LINE}\n"
        "  smtp.port: Input should be less than or equal to 65535\n"
        "  http.timeout: Input should be greater than 0 (from CASTDIGEST_HTTP_TIMEOUT)\n"
        f"  {inside}\n"
    )
