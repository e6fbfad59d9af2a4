"""The one typed configuration model.

Load order: defaults, then `castdigest.toml`, then `CASTDIGEST_*` environment variables (the
environment wins; secrets belong only there), then CLI overrides. Every invalid key is reported
at once, each with the file or variable it came from. A value that would break or leak later
(a port out of range, a line break in a header value, a short secret, a link that is not
http(s), an archive inside the published out_dir) is refused here rather than where it is used.
A CASTDIGEST_* variable that sets nothing is a warning, with the closest valid name.

Environment names are `CASTDIGEST_<SECTION>_<KEY>` for a section key (`CASTDIGEST_SMTP_HOST`,
`CASTDIGEST_UNSUBSCRIBE_SECRET`) and `CASTDIGEST_<KEY>` for a top-level one
(`CASTDIGEST_ARCHIVE`). Lists are given as JSON (`CASTDIGEST_RANK_PINS='["ep_1"]'`).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from email import policy
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, get_args
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from castdigest.errors import ConfigError

ENV_PREFIX = "CASTDIGEST_"
DEFAULT_CONFIG = "castdigest.toml"
# Variables castdigest reads that are not settings: the CLI's --config and --db, the cache
# folder (text/lemmas.py), and the test suite's own knobs. Any other CASTDIGEST_* name that is
# no setting gets a warning.
OTHER_VARIABLES = frozenset(
    {"CASTDIGEST_CONFIG", "CASTDIGEST_DB", "CASTDIGEST_FUZZ_CASES", "CASTDIGEST_CACHE_DIR"}
)
SECRET_MIN_CHARS = 16


def _invalid(reason: str) -> PydanticCustomError:
    # The reason goes in as context, so braces in a quoted value are not read as a template.
    return PydanticCustomError("castdigest", "{reason}", {"reason": reason})


def _shown(value: str) -> str:
    return repr(value if len(value) <= 80 else value[:77] + "...")


def _blank_ok(check: Callable[[str], str]) -> Callable[[str], str]:
    """For an optional key, where an empty value (`CASTDIGEST_X=`) means unset."""

    def run(value: str) -> str:
        return value if value == "" else check(value)

    return run


_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def _one_line(value: str) -> str:
    """A value that goes into a mail header or a protocol line: a CR or LF in it would end
    that header and start one of the value's choosing (and the mail library refuses it)."""
    found = _CONTROL.search(value)
    if found:
        char = found.group()
        what = (
            "a line break (CR or LF)" if char in "\r\n" else f"control character U+{ord(char):04X}"
        )
        raise _invalid(f"must be one line without control characters, but holds {what}")
    return value


def _check_address(address: str) -> None:
    from email_validator import EmailNotValidError, validate_email  # only when addresses are set

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        raise _invalid(f"{_shown(address)} is not a valid email address: {exc}") from None


def _address(value: str) -> str:
    """A bare address, digest@example.org (no name: it goes into a mailto: link)."""
    _one_line(value)
    _check_address(value)
    return value


def _mailbox(value: str) -> str:
    """An address for From: or Reply-To:, bare or as `Name <addr>`, read by the parser that
    builds the message. Checked, never rewritten."""
    _one_line(value)
    example = "such as digest@example.org or Name <digest@example.org>"
    try:
        header = policy.default.header_factory("From", value)
        addresses, defects = header.addresses, header.defects
    except (ValueError, IndexError, TypeError):
        raise _invalid(f"{_shown(value)} is not an email address {example}") from None
    if not addresses:
        raise _invalid(f"{_shown(value)} is not an email address {example}")
    if len(addresses) > 1:
        raise _invalid(f"{_shown(value)} holds {len(addresses)} addresses: give one, {example}")
    if defects:
        raise _invalid(f"{_shown(value)} is not an email address {example} ({defects[0]})")
    _check_address(addresses[0].addr_spec)
    return value


_URL_UNSAFE = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")


def _web_url(value: str) -> str:
    """An absolute http(s) URL with a host: it ends up in links of emails, feeds and pages."""
    if _URL_UNSAFE.search(value):
        raise _invalid(
            f"{_shown(value)} holds a space, quote, angle bracket, backslash or control "
            "character; write it percent-encoded"
        )
    try:
        parts = urlsplit(value)
        ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018 - raises ValueError when the port is not a number in range
    except ValueError:
        ok = False
    if not ok:
        raise _invalid(
            f"{_shown(value)} is not an http(s) URL with a host, such as https://example.org/"
        )
    return value


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def _language(value: str) -> str:
    if not _LANGUAGE_TAG.fullmatch(value):
        raise _invalid(f"{_shown(value)} is not a language tag such as en, fr, pt-BR or zh-Hant")
    return value


def _time_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder such as "Europe"
        raise _invalid(
            f"unknown time zone {_shown(value)}: use an IANA name such as Europe/Paris or UTC"
        ) from None
    return value


def _iso_time(value: str) -> str:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise _invalid(
            f"{_shown(value)} is not an ISO 8601 time such as 2026-11-30T08:00:00Z"
        ) from None
    return value


def _secret(value: str) -> str:
    """Long enough not to be guessed. Never echoed: the message shows neither it nor its length."""
    if sum(not c.isspace() for c in value) < SECRET_MIN_CHARS:
        raise _invalid(
            f"too short for a secret: it needs at least {SECRET_MIN_CHARS} characters other "
            "than spaces (e.g. `openssl rand -hex 32`)"
        )
    return value


def _password(value: str) -> str:
    """The mail provider chooses the SMTP password, so no length is asked of it; a value of
    spaces only is a mistake (an unquoted variable, a template left blank), never a password."""
    if not value.strip():
        raise _invalid("is only spaces: set the SMTP password, or leave the variable empty")
    return value


OneLine = Annotated[str, AfterValidator(_one_line)]
Mailbox = Annotated[str, AfterValidator(_mailbox)]
OptionalMailbox = Annotated[str, AfterValidator(_blank_ok(_mailbox))]
OptionalAddress = Annotated[str, AfterValidator(_blank_ok(_address))]
WebUrl = Annotated[str, AfterValidator(_web_url)]
OptionalWebUrl = Annotated[str, AfterValidator(_blank_ok(_web_url))]
LanguageTag = Annotated[str, AfterValidator(_language)]
TimeZoneName = Annotated[str, AfterValidator(_time_zone)]
IsoTime = Annotated[str, AfterValidator(_blank_ok(_iso_time))]
Secret = Annotated[str, AfterValidator(_blank_ok(_secret))]
Password = Annotated[str, AfterValidator(_blank_ok(_password))]
Port = Annotated[int, Field(ge=1, le=65535)]
Seconds = Annotated[float, Field(gt=0.0)]  # a timeout: 0 or less would fail every request
NonNegative = Annotated[float, Field(ge=0.0)]


class Section(BaseModel):
    # No inf or nan in any number: TOML and float() both accept them, and neither is a
    # duration, rate or weight anything downstream can use.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class NewsletterConfig(Section):
    name: OneLine = Field("castdigest", description="Shown in the email header, feeds and site.")
    site_url: WebUrl = Field(
        "https://digest.example.org/", description="Absolute base for links in feeds and email."
    )
    language: LanguageTag = Field("en", description="BCP 47 language of the newsletter itself.")
    sender: Mailbox = Field("castdigest <digest@example.org>", description="From: header.")
    reply_to: OptionalMailbox | None = Field(None, description="Reply-To: header, when set.")
    postal_address: str = Field("", description="Postal address printed in the email footer.")
    timezone: TimeZoneName = Field("UTC", description="IANA zone in which weeks start and end.")
    build_timestamp: IsoTime | None = Field(
        None, description="Pin the build time (ISO 8601) so output is byte-identical."
    )


class SourceConfig(Section):
    path: str | None = Field(None, description="A file, folder or glob, relative to the config.")
    url: OptionalWebUrl | None = Field(None, description="An http(s) URL of a feed or page.")
    show: str | None = Field(None, description="Show name for episodes that lack one.")
    tags: list[str] = Field(default_factory=list, description="Tags added to every episode.")
    language: LanguageTag | None = Field(None, description="Language for episodes that lack one.")
    format: str | None = Field(None, description="Force a reader instead of sniffing.")
    weight: float = Field(1.0, description="Ranking weight of this source's episodes.")


class TopicConfig(Section):
    slug: str
    name: str
    description: str = ""
    tags: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    language: LanguageTag | None = None

    @field_validator("slug")
    @classmethod
    def _slug_is_safe(cls, value: str) -> str:
        import re

        if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", value):
            raise ValueError("slug must be lowercase letters, digits and dashes (max 64)")
        return value


class RankWeights(Section):
    """Weight of each ranking component; see `castdigest.rank` for what each one measures."""

    recency: float = Field(1.0, ge=0.0, description="Newer is better (half-life decay).")
    topic: float = Field(1.0, ge=0.0, description="How clearly the episode fits its topic.")
    richness: float = Field(0.6, ge=0.0, description="Chapters, quotes, transcript, takeaways.")
    length: float = Field(0.5, ge=0.0, description="Full episodes over trailers and clips.")
    source: float = Field(0.5, ge=0.0, description="Show and source weights from the config.")
    novelty: float = Field(2.0, ge=0.0, description="Unlike anything already sent.")


class RankConfig(Section):
    half_life_days: float = Field(7.0, gt=0.0, description="Recency halves every this many days.")
    undated_recency: float = Field(
        0.25,
        ge=0.0,
        le=1.0,
        description="Recency of an episode whose source gives no date (1 is published today; "
        "0.25 is two half-lives old): the day it was read is not the day it came out.",
    )
    weights: RankWeights = Field(
        default_factory=RankWeights, description="Weight of each named ranking component."
    )
    show_weights: dict[str, float] = Field(
        default_factory=dict, description="Per-show multiplier, e.g. {'Latent Space' = 1.2}."
    )
    max_items: int = Field(12, ge=1, description="Episodes in one digest at most.")
    max_per_show: int = Field(3, ge=1, description="Episodes from one show at most.")
    max_per_topic: int = Field(4, ge=1, description="Episodes in one topic at most.")
    threshold: float = Field(0.0, description="Episodes scoring below this are dropped.")
    diversity: float = Field(
        0.3, ge=0.0, le=1.0, description="0 ranks by score only; 1 favours dissimilar picks."
    )
    min_duration: NonNegative = Field(
        300.0, description="Seconds below which an episode is a trailer."
    )
    duplicate_similarity: float = Field(
        0.8, gt=0.0, le=1.0, description="Lexical similarity from which two episodes are one."
    )
    novelty_days: int = Field(
        90, ge=0, description="Days of sent digests an episode is compared with for novelty."
    )
    topic_threshold: float = Field(
        1.0, ge=0.0, description="Least topic evidence to leave the catch-all topic."
    )
    secondary_ratio: float = Field(
        0.5, ge=0.0, le=1.0, description="A secondary topic needs this share of the primary's."
    )
    pins: list[str] = Field(default_factory=list, description="Episode ids always included.")
    blocks: list[str] = Field(default_factory=list, description="Episode ids never included.")


class CondenseMethod(StrEnum):
    EXTRACTIVE = "extractive"
    LLM = "llm"


class CondenseConfig(Section):
    takeaways: int = Field(5, ge=1, le=20, description="Takeaways per episode at most.")
    min_takeaways: int = Field(
        3, ge=0, description="Takeaways per episode at least, if material allows."
    )
    max_words: int | None = Field(
        None,
        ge=1,
        description="Total words over all takeaways (CJK: characters / 2); capped by `takeaways`.",
    )
    words_per_takeaway: int = Field(30, ge=5, description="Words in one takeaway at most.")
    cjk_chars_per_takeaway: int = Field(60, ge=10, description="CJK characters per takeaway.")
    quotes: int = Field(2, ge=0, le=10, description="Quotes per episode at most.")
    max_transcript_words: int = Field(
        40_000,
        ge=100,
        description="Transcript words read at most (CJK: characters / 2); a longer transcript "
        "is condensed from evenly spaced windows over the whole episode that add up to this.",
    )
    max_text_words: int = Field(
        10_000,
        ge=100,
        description="Words read at most from an abstract, from all chapter summaries and from "
        "all source takeaways; longer ones are sampled in evenly spaced windows too.",
    )

    method: CondenseMethod = Field(
        CondenseMethod.EXTRACTIVE,
        description="extractive (offline, the default) or llm (the [llm] endpoint, verified, "
        "with the extractive result as fallback).",
    )


class FeedsConfig(Section):
    items: int = Field(50, ge=1, description="Items per feed, newest first, across digests.")


class TlsMode(StrEnum):
    NONE = "none"
    STARTTLS = "starttls"
    SSL = "ssl"


class SmtpConfig(Section):
    host: OneLine = "127.0.0.1"
    port: Port = 25
    tls: TlsMode = TlsMode.STARTTLS
    user: OneLine | None = None
    password: Password | None = Field(None, description="Secret: set CASTDIGEST_SMTP_PASSWORD.")
    password_file: str | None = Field(
        None, description="File holding the password (outside the repo), instead of the env."
    )
    timeout: Seconds = 30.0
    rate: float = Field(0.0, ge=0.0, description="Messages per second at most; 0 is no limit.")
    batch_size: int = Field(100, ge=1, description="Messages per SMTP connection.")
    retries: int = Field(3, ge=0, description="Retries of a temporary failure per run.")
    backoff: float = Field(1.0, ge=0.0, description="First retry delay in seconds, doubling.")
    max_backoff: float = Field(60.0, ge=0.0, description="Longest retry delay in seconds.")


class SendConfig(Section):
    skip_empty: bool = Field(True, description="No email to a subscriber whose topics are empty.")
    preferences_url: OptionalWebUrl | None = Field(
        None, description="Where subscribers change topics."
    )


class UnsubscribeConfig(Section):
    secret: Secret | None = Field(None, description="Secret: set CASTDIGEST_UNSUBSCRIBE_SECRET.")
    url: OptionalWebUrl | None = Field(None, description="Base URL of the unsubscribe server.")
    mailto: OptionalAddress | None = Field(None, description="Address for mailto: unsubscribes.")
    list_id: OneLine | None = Field(
        None,
        description="List-Id (default <name-slug>.<sender domain>); tokens depend on it, so pin "
        "it before renaming the newsletter to keep older unsubscribe links working.",
    )
    workers: int = Field(
        8, ge=1, le=256, description="Requests the unsubscribe server handles at once."
    )
    header_timeout_s: float = Field(
        10.0, gt=0, description="Seconds a client has to send its request line and headers."
    )
    body_timeout_s: float = Field(
        10.0, gt=0, description="Seconds a client has to send its request body."
    )
    max_body_bytes: int = Field(
        16_384, ge=256, description="Largest request body the server accepts (else 413)."
    )
    busy_wait_s: float = Field(
        1.0,
        ge=0.0,
        le=5.0,
        description="Seconds a request waits for a busy archive (another run writing) before "
        "the server answers 503 with Retry-After.",
    )
    retry_after_s: int = Field(
        30, ge=1, description="Retry-After (seconds) sent with 503 when the archive is busy."
    )
    legacy_tokens: bool = Field(
        True,
        description="Also accept tokens of the first format (27 characters), from emails sent "
        "before tokens named their address.",
    )


class StructuredOutput(StrEnum):
    AUTO = "auto"  # json_schema, stepping down to json_object then the prompt alone on a 400
    JSON_SCHEMA = "json_schema"
    JSON_OBJECT = "json_object"
    NONE = "none"


_LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in _LOOPBACK_HOSTS or host.startswith("127.") or host.endswith(".localhost")


class LLMConfig(Section):
    """An OpenAI-compatible Chat Completions endpoint (Ollama, llama.cpp, vLLM, a hosted API).
    The key is read from CASTDIGEST_LLM_API_KEY only, and is never dumped, logged or hashed."""

    base_url: WebUrl = Field(
        "http://127.0.0.1:11434/v1", description="Endpoint root; /chat/completions is appended."
    )
    model: OneLine = Field("", description="Model name as the endpoint knows it.")
    structured_output: StructuredOutput = Field(
        StructuredOutput.AUTO, description="auto, json_schema, json_object or none."
    )
    context_tokens: int = Field(8192, ge=1024, description="Context window of the model.")
    max_output_tokens: int = Field(1024, ge=64, description="Tokens the model may write per call.")
    temperature: float = Field(0.0, ge=0.0, le=2.0, description="Sampling temperature.")
    seed: int | None = Field(0, description="Sampling seed, for endpoints that honour one.")
    timeout_s: Seconds = Field(120.0, description="Seconds to wait for one answer.")
    connect_timeout_s: Seconds = Field(10.0, description="Seconds to wait for a connection.")
    max_retries: int = Field(3, ge=0, le=10, description="Retries of one call that failed.")
    max_concurrency: int = Field(1, ge=1, le=32, description="Calls in flight at once.")
    episode_deadline_s: Seconds = Field(600.0, description="Seconds spent on one episode at most.")
    run_token_budget: int | None = Field(
        None, ge=1, description="Tokens (in + out) one run may spend; then extractive."
    )
    allow_remote: bool = Field(
        False, description="Allow a base_url that is not on this machine (https only)."
    )
    translate: bool = Field(False, description="Translate items into [newsletter] language.")
    always: bool = Field(
        False, description="Call the model even when the source has its own takeaways."
    )
    api_key: str | None = Field(
        None, exclude=True, repr=False, description="Secret: set CASTDIGEST_LLM_API_KEY."
    )

    @model_validator(mode="after")
    def _remote_needs_consent_and_https(self) -> LLMConfig:
        if is_loopback(self.base_url):
            return self
        if not self.allow_remote:
            raise ValueError(
                f"{self.base_url} is not on this machine: set allow_remote = true to send "
                "transcripts to it"
            )
        if urlsplit(self.base_url).scheme.lower() != "https":
            raise ValueError(f"{self.base_url}: a remote endpoint must use https")
        return self


class HttpConfig(Section):
    timeout: Seconds = Field(20.0, description="Seconds per request.")
    max_bytes: int = Field(20_000_000, ge=1, description="Largest body accepted.")
    user_agent: OneLine = "castdigest/0.1 (+https://github.com/castdigest/castdigest)"


class IngestConfig(Section):
    """Bounds on reading one document, so that one hostile or broken file cannot exhaust the
    machine: a larger document is refused (a one-line report naming its size), unread."""

    max_document_bytes: int = Field(
        50_000_000, ge=1, description="Largest document read, in bytes (files and fetched URLs)."
    )
    max_json_depth: int = Field(
        64, ge=1, description="Deepest nesting of arrays and objects in a JSON document."
    )


class Settings(Section):
    archive: str = Field("castdigest.db", description="SQLite archive file.")
    out_dir: str = Field("out", description="Where rendered output is written.")
    templates_dir: str | None = Field(None, description="Folder of template overrides.")
    lock_wait_s: float = Field(
        60.0,
        ge=0.0,
        description="Seconds a writing command waits for another run's archive lock (0: none).",
    )
    newsletter: NewsletterConfig = Field(default_factory=NewsletterConfig)
    sources: list[SourceConfig] = Field(default_factory=list)
    topics: list[TopicConfig] = Field(default_factory=list)
    rank: RankConfig = Field(default_factory=RankConfig)
    condense: CondenseConfig = Field(default_factory=CondenseConfig)
    feeds: FeedsConfig = Field(default_factory=FeedsConfig)
    smtp: SmtpConfig = Field(default_factory=SmtpConfig)
    send: SendConfig = Field(default_factory=SendConfig)
    unsubscribe: UnsubscribeConfig = Field(default_factory=UnsubscribeConfig)
    http: HttpConfig = Field(default_factory=HttpConfig)
    llm: LLMConfig = Field(default_factory=LLMConfig)
    ingest: IngestConfig = Field(default_factory=IngestConfig)
    base_dir: str = Field(".", description="Folder of the config file; relative paths start here.")

    def resolve(self, path: str) -> Path:
        """A path from the config, relative to the config file's folder."""
        p = Path(path).expanduser()
        return p if p.is_absolute() else Path(self.base_dir) / p

    def config_hash(self) -> str:
        """Hash of the settings that shape a digest built from the archive (what it picks,
        how it condenses and renders it, the links and headers of its emails), recorded in
        each digest. How mail is delivered (`smtp`), how sources are fetched (`http`) and
        which sources are read do not change a digest built from the same archive: left out,
        with secrets and paths."""
        data = self.model_dump(
            mode="json",
            include={
                "newsletter": True,
                "topics": True,
                "rank": True,
                "condense": True,
                "feeds": True,
                "send": True,
                "unsubscribe": {"url", "mailto", "list_id"},
                "templates_dir": True,
            },
        )
        if self.condense.method == CondenseMethod.LLM:
            # Which model condenses shapes the digest; the key never does (excluded field).
            data["llm"] = self.llm.model_dump(mode="json")
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


SECRET_KEYS = {("smtp", "password"), ("unsubscribe", "secret"), ("llm", "api_key")}
_SECTIONS = (
    "newsletter", "rank", "condense", "feeds", "smtp", "send", "unsubscribe", "http", "ingest",
    "llm",
)  # fmt: skip


@dataclass(frozen=True)
class UnknownVariable:
    """A CASTDIGEST_* variable that names no setting: ignored, so likely a typo worth a word."""

    variable: str
    suggestion: str | None  # the closest name castdigest reads, if one is close

    def __str__(self) -> str:
        if self.suggestion:
            return f"{self.variable} is not a castdigest setting; did you mean {self.suggestion}?"
        return f"{self.variable} is not a castdigest setting; it is ignored"


def known_variables() -> set[str]:
    """Every CASTDIGEST_* name castdigest reads: one per setting, and OTHER_VARIABLES."""
    names = set(OTHER_VARIABLES)
    for name, info in Settings.model_fields.items():
        section = info.annotation
        if name in _SECTIONS and isinstance(section, type) and issubclass(section, BaseModel):
            names.update(f"{ENV_PREFIX}{name}_{key}".upper() for key in section.model_fields)
        else:
            names.add(f"{ENV_PREFIX}{name}".upper())
    return names


def _unknown(variables: list[str]) -> list[UnknownVariable]:
    known = known_variables()
    # Compared without the common prefix, which would make every name look close to any other.
    tails = {name[len(ENV_PREFIX) :]: name for name in known}
    found = []
    for var in variables:
        if var in known:
            continue
        close = difflib.get_close_matches(var[len(ENV_PREFIX) :].upper(), list(tails), n=1)
        found.append(UnknownVariable(var, tails[close[0]] if close else None))
    return found


def _env_overrides(
    environ: Mapping[str, str],
) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    """Turn CASTDIGEST_* variables into a nested dict; also return key -> variable name, and
    the CASTDIGEST_* variables that set nothing."""
    sections = _SECTIONS
    data: dict[str, Any] = {}
    origin: dict[str, str] = {}
    unused: list[str] = []
    for var in sorted(environ):
        if not var.startswith(ENV_PREFIX):
            continue
        rest = var[len(ENV_PREFIX) :].lower()
        raw = environ[var]
        value: Any = raw
        if raw[:1] in "[{":
            try:
                value = json.loads(raw)
            except json.JSONDecodeError:
                value = raw
        section = next((s for s in sections if rest.startswith(s + "_")), None)
        if section is not None:
            key = rest[len(section) + 1 :]
            data.setdefault(section, {})[key] = value
            origin.update(_origins(f"{section}.{key}", value, var))
        elif rest in Settings.model_fields and rest not in sections:
            data[rest] = value
            origin.update(_origins(rest, value, var))
        else:
            unused.append(var)
    return data, origin, unused


def _origins(key: str, value: Any, var: str) -> dict[str, str]:
    """key -> variable for what a variable sets. A JSON object is merged into the file's table
    of the same name, so only the keys it holds are the variable's."""
    if not isinstance(value, dict):
        return {key: var}
    out: dict[str, str] = {}
    for sub, item in value.items():
        out.update(_origins(f"{key}.{sub}", item, var))
    return out


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def load_settings(
    path: str | Path | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    overrides: dict[str, Any] | None = None,
    warnings: list[UnknownVariable] | None = None,
) -> Settings:
    """Load the config. `path=None` reads ./castdigest.toml when it exists, else defaults.

    Problems that are not errors (a CASTDIGEST_* variable that is no setting) are appended to
    `warnings` when given, for the caller to show."""
    environ = os.environ if environ is None else environ
    explicit = path is not None
    file = Path(path) if path is not None else Path(DEFAULT_CONFIG)
    data: dict[str, Any] = {}
    if file.exists():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"not valid TOML: {exc}", where=str(file)) from None
        except OSError as exc:
            reason = f"cannot read the config file: {exc.strerror}"
            raise ConfigError(reason, where=str(file)) from None
        data["base_dir"] = str(file.resolve().parent)
    elif explicit:
        raise ConfigError("config file not found", where=str(file))
    file_key = isinstance(data.get("llm"), dict) and "api_key" in data["llm"]
    env, origin, unused = _env_overrides(environ)
    if warnings is not None:
        warnings.extend(_unknown(unused))
    data = _merge(data, env)
    data = _merge(data, overrides or {})
    problems: list[str] = []
    if file_key:
        problems.append(
            "  llm.api_key: must not be in the config file; set CASTDIGEST_LLM_API_KEY instead"
        )
    settings: Settings | None = None
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        problems += [_problem(err, origin) for err in exc.errors()]
    problems += _archive_problems(data, origin)
    if settings is not None and settings.condense.method == CondenseMethod.LLM:
        problems += _llm_problems(settings.llm)
    if settings is None or problems:
        raise ConfigError(_describe(problems), where=str(file))
    return settings


def _llm_problems(llm: LLMConfig) -> list[str]:
    if llm.model:
        return []
    return [
        '  llm.model: [condense] method = "llm" needs the model\'s name as the endpoint knows it '
        "(or CASTDIGEST_LLM_MODEL)"
    ]


def _archive_problems(data: dict[str, Any], origin: dict[str, str]) -> list[str]:
    """out_dir is published as it is (web server, Pages, a bucket); the archive holds the
    subscribers' addresses and the send ledger, so it must never be inside it."""
    defaults = Settings.model_fields
    archive = data.get("archive", defaults["archive"].default)
    out_dir = data.get("out_dir", defaults["out_dir"].default)
    base = data.get("base_dir", defaults["base_dir"].default)
    if not all(isinstance(v, str) for v in (archive, out_dir, base)):
        return []  # a wrong type is already reported
    where = Path(base)
    archive_path = (where / Path(archive).expanduser()).resolve()
    out_path = (where / Path(out_dir).expanduser()).resolve()
    if not archive_path.is_relative_to(out_path):
        return []
    source = origin.get("archive") or origin.get("out_dir")
    suffix = f" (from {source})" if source else ""
    return [
        f"  archive: {archive_path} is inside out_dir {out_path}, which is published, and the "
        "archive holds the subscribers and the send ledger: put it outside out_dir, e.g. "
        f'archive = "castdigest.db" next to the config{suffix}'
    ]


def _problem(err: ErrorDetails, origin: dict[str, str]) -> str:
    """One invalid key: `  key: reason (from VARIABLE)`; an item of a list given as JSON
    (CASTDIGEST_SOURCES) names the variable that set the list."""
    loc = [str(p) for p in err["loc"]]
    key = ".".join(loc)
    source = next(
        (origin[k] for k in (".".join(loc[:n]) for n in range(len(loc), 0, -1)) if k in origin),
        None,
    )
    suffix = f" (from {source})" if source else ""
    message = err["msg"]
    if err["type"] == "extra_forbidden":
        message += _closest_key(err["loc"], source)
    return f"  {key}: {message}{suffix}"


def _closest_key(loc: tuple[int | str, ...], variable: str | None) -> str:
    """`; did you mean smtp.host?` for a mistyped key (the variable's name when it came from
    one), or nothing when no valid key is close."""
    model: Any = Settings
    for part in loc[:-1]:
        if isinstance(part, int):
            continue  # an item of a list such as [[sources]]
        info = model.model_fields.get(part)
        if info is None:
            return ""
        kinds = (info.annotation, *get_args(info.annotation))
        model = next((k for k in kinds if isinstance(k, type) and issubclass(k, BaseModel)), None)
        if model is None:
            return ""
    close = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1)
    if not close:
        return ""
    if variable is not None and len(loc) == 2 and loc[0] in _SECTIONS:
        return f"; did you mean {f'{ENV_PREFIX}{loc[0]}_{close[0]}'.upper()}?"
    return f"; did you mean {'.'.join(str(p) for p in (*loc[:-1], close[0]))}?"


def _describe(problems: list[str]) -> str:
    """Every invalid key at once, each with where it came from."""
    return "\n".join([f"{len(problems)} invalid setting(s):", *problems])
