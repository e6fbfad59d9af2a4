"""The one typed configuration model.

Load order: defaults, then `castdigest.toml`, then `CASTDIGEST_*` environment variables (the
environment wins; secrets belong only there), then CLI overrides. Every invalid key is reported
at once, each with the file or variable it came from.

Environment names are `CASTDIGEST_<SECTION>_<KEY>` for a section key (`CASTDIGEST_SMTP_HOST`,
`CASTDIGEST_UNSUBSCRIBE_SECRET`) and `CASTDIGEST_<KEY>` for a top-level one
(`CASTDIGEST_ARCHIVE`). Lists are given as JSON (`CASTDIGEST_RANK_PINS='["ep_1"]'`).
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from castdigest.errors import ConfigError

ENV_PREFIX = "CASTDIGEST_"
DEFAULT_CONFIG = "castdigest.toml"


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NewsletterConfig(Section):
    name: str = Field("castdigest", description="Shown in the email header, feeds and site.")
    site_url: str = Field(
        "https://digest.example.org/", description="Absolute base for links in feeds and email."
    )
    language: str = Field("en", description="BCP 47 language of the newsletter itself.")
    sender: str = Field("castdigest <digest@example.org>", description="From: header.")
    reply_to: str | None = Field(None, description="Reply-To: header, when set.")
    postal_address: str = Field("", description="Postal address printed in the email footer.")
    timezone: str = Field("UTC", description="IANA zone in which weeks start and end.")
    build_timestamp: str | None = Field(
        None, description="Pin the build time (ISO 8601) so output is byte-identical."
    )


class SourceConfig(Section):
    path: str | None = Field(None, description="A file, folder or glob, relative to the config.")
    url: str | None = Field(None, description="An http(s) URL of a feed or page.")
    show: str | None = Field(None, description="Show name for episodes that lack one.")
    tags: list[str] = Field(default_factory=list, description="Tags added to every episode.")
    language: str | None = Field(None, description="Language for episodes that lack one.")
    format: str | None = Field(None, description="Force a reader instead of sniffing.")
    weight: float = Field(1.0, description="Ranking weight of this source's episodes.")


class TopicConfig(Section):
    slug: str
    name: str
    description: str = ""
    tags: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    language: str | None = None

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
    min_duration: float = Field(300.0, description="Seconds below which an episode is a trailer.")
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


class FeedsConfig(Section):
    items: int = Field(50, ge=1, description="Items per feed, newest first, across digests.")


class TlsMode(StrEnum):
    NONE = "none"
    STARTTLS = "starttls"
    SSL = "ssl"


class SmtpConfig(Section):
    host: str = "127.0.0.1"
    port: int = 25
    tls: TlsMode = TlsMode.STARTTLS
    user: str | None = None
    password: str | None = Field(None, description="Secret: set CASTDIGEST_SMTP_PASSWORD.")
    password_file: str | None = Field(
        None, description="File holding the password (outside the repo), instead of the env."
    )
    timeout: float = 30.0
    rate: float = Field(0.0, ge=0.0, description="Messages per second at most; 0 is no limit.")
    batch_size: int = Field(100, ge=1, description="Messages per SMTP connection.")
    retries: int = Field(3, ge=0, description="Retries of a temporary failure per run.")
    backoff: float = Field(1.0, ge=0.0, description="First retry delay in seconds, doubling.")
    max_backoff: float = Field(60.0, ge=0.0, description="Longest retry delay in seconds.")


class SendConfig(Section):
    skip_empty: bool = Field(True, description="No email to a subscriber whose topics are empty.")
    preferences_url: str | None = Field(None, description="Where subscribers change topics.")


class UnsubscribeConfig(Section):
    secret: str | None = Field(None, description="Secret: set CASTDIGEST_UNSUBSCRIBE_SECRET.")
    url: str | None = Field(None, description="Base URL of the unsubscribe server.")
    mailto: str | None = Field(None, description="Address for mailto: unsubscribes.")
    list_id: str | None = Field(
        None,
        description="List-Id (default <name-slug>.<sender domain>); tokens depend on it, so pin "
        "it before renaming the newsletter to keep older unsubscribe links working.",
    )


class HttpConfig(Section):
    timeout: float = Field(20.0, description="Seconds per request.")
    max_bytes: int = Field(20_000_000, description="Largest body accepted.")
    user_agent: str = "castdigest/0.1 (+https://github.com/castdigest/castdigest)"


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
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


SECRET_KEYS = {("smtp", "password"), ("unsubscribe", "secret")}
_SECTIONS = (
    "newsletter", "rank", "condense", "feeds", "smtp", "send", "unsubscribe", "http", "ingest",
)  # fmt: skip


def _env_overrides(environ: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """Turn CASTDIGEST_* variables into a nested dict; also return key -> variable name."""
    sections = _SECTIONS
    data: dict[str, Any] = {}
    origin: dict[str, str] = {}
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
            origin[f"{section}.{key}"] = var
        elif rest in Settings.model_fields and rest not in sections:
            data[rest] = value
            origin[rest] = var
    return data, origin


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
) -> Settings:
    """Load the config. `path=None` reads ./castdigest.toml when it exists, else defaults."""
    environ = os.environ if environ is None else environ
    explicit = path is not None
    file = Path(path) if path is not None else Path(DEFAULT_CONFIG)
    data: dict[str, Any] = {}
    if file.exists():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"not valid TOML: {exc}", where=str(file)) from None
        data["base_dir"] = str(file.resolve().parent)
    elif explicit:
        raise ConfigError("config file not found", where=str(file))
    env, origin = _env_overrides(environ)
    data = _merge(data, env)
    data = _merge(data, overrides or {})
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, origin), where=str(file)) from None


def _describe(exc: ValidationError, origin: dict[str, str]) -> str:
    """Every invalid key at once, each with where it came from."""
    lines = [f"{exc.error_count()} invalid setting(s):"]
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"])
        source = origin.get(key)
        suffix = f" (from {source})" if source else ""
        lines.append(f"  {key}: {err['msg']}{suffix}")
    return "\n".join(lines)
