"""The typed domain model every stage speaks.

Data flows one way through the pipeline as these models. They hold no behaviour beyond small,
pure conveniences; stages live in their own modules. Every field a source may lack is optional,
and `Episode -> JSON -> Episode` is lossless (see tests/test_models.py).

What an episode may hold: times in seconds (durations, offsets, chapter starts) are finite and
not negative; instants are timezone-aware, and dates lie in the years 1900..2100 (year 1 or
9999 are placeholders, not dates); text holds no control characters (C0 but tab and line feed
in text of several lines, none at all in single-line fields such as titles and names; DEL; C1;
lone surrogates). Readers clean what they read before building models
(`text.normalize.strip_controls`, `ReadContext.published`). A model built in code refuses
anything else, which catches a reader that forgot; JSON being loaded (`model_validate_json`:
archive rows, exports) is cleaned instead, so an archive written before these rules still
loads: control characters are dropped, an out-of-range time or date becomes None.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetPydanticSchema,
    model_validator,
)
from pydantic_core import core_schema

from castdigest.text.normalize import has_controls, strip_controls

# The years a publication date may fall in (inclusive): archival recordings republished with
# their air dates reach back a century; year 1 or 9999 are placeholders, not dates.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


def _aware(value: datetime | None) -> datetime | None:
    """Reject naive datetimes: every stored instant must say which timezone it is in."""
    if value is not None and value.tzinfo is None:
        raise ValueError("datetime must be timezone-aware")
    return value


AwareDatetime = Annotated[datetime, AfterValidator(_aware)]


def plausible(value: datetime) -> bool:
    """Whether a datetime is a believable publication date: in EARLIEST_YEAR..LATEST_YEAR, as
    written (converting year 1 to UTC can overflow)."""
    return EARLIEST_YEAR <= value.year <= LATEST_YEAR


def _rule(refuse: Callable[[Any], Any], clean: Callable[[Any], Any]) -> GetPydanticSchema:
    """A check run after the type's own validation: `refuse` for a model built in code (it
    raises ValueError), `clean` for JSON being loaded (it mends). Neither takes pydantic's
    validation info, which would cost a third of an episode's load time."""

    def schema(source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        inner = handler(source)
        return core_schema.json_or_python_schema(
            json_schema=core_schema.no_info_after_validator_function(clean, inner),
            python_schema=core_schema.no_info_after_validator_function(refuse, inner),
        )

    return GetPydanticSchema(schema)


def _dated(value: datetime | None) -> datetime | None:
    if value is None or plausible(value):
        return value
    raise ValueError(f"date {value.date()} is outside {EARLIEST_YEAR}..{LATEST_YEAR}")


def _dated_or_none(value: datetime | None) -> datetime | None:
    return value if value is None or plausible(value) else None


def _finite(value: float | None) -> bool:
    return value is None or (math.isfinite(value) and value >= 0)


def _seconds(value: float | None) -> float | None:
    if _finite(value):
        return value
    raise ValueError(f"seconds must be finite and not negative, not {value}")


def _seconds_or_none(value: float | None) -> float | None:
    return value if _finite(value) else None


def _line(value: str) -> str:
    # Most text is printable throughout, which `isprintable` tells fastest.
    if value.isprintable() or (bad := has_controls(value, multiline=False)) is None:
        return value
    raise ValueError(f"control character U+{ord(bad):04X} in text")


def _lines(value: str) -> str:
    if value.isprintable() or (bad := has_controls(value, multiline=True)) is None:
        return value
    raise ValueError(f"control character U+{ord(bad):04X} in text")


def _clean_line(value: str) -> str:
    return value if value.isprintable() else strip_controls(value, multiline=False)


def _clean_lines(value: str) -> str:
    return value if value.isprintable() else strip_controls(value)


# A publication date (or any instant an episode records): aware, in EARLIEST..LATEST_YEAR.
Dated = Annotated[AwareDatetime | None, _rule(_dated, _dated_or_none)]
# Seconds: a duration, an offset, a chapter start or end.
Seconds = Annotated[float | None, _rule(_seconds, _seconds_or_none)]
# Text on one line (titles, names, tags, URLs) and text of several lines (abstracts, summaries).
Line = Annotated[str, _rule(_line, _clean_line)]
Text = Annotated[str, _rule(_lines, _clean_lines)]


class Model(BaseModel):
    """Base for all models: unknown keys are errors, so typos in stored JSON surface early."""

    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=False)


# --------------------------------------------------------------------------- episodes


class Person(Model):
    name: Line
    role: Line | None = None  # "host", "guest", or a Podcasting 2.0 role such as "producer"
    group: Line | None = None  # Podcasting 2.0 group, e.g. "cast", "writing"
    affiliation: Line | None = None  # organisation, e.g. "GitHub"
    description: Text | None = None
    href: Line | None = None
    image: Line | None = None


class Quote(Model):
    text: Text
    speaker: Line | None = None
    offset: Seconds = None  # seconds from the start of the episode
    chapter: int | None = None  # index into Episode.chapters
    language: Line | None = None  # BCP 47, only when it differs from the episode's
    context: Text | None = None  # the attribution line, e.g. "Emma on release automation"


class Chapter(Model):
    start: Seconds = None  # seconds
    end: Seconds = None
    title: Line
    summary: Text | None = None
    quotes: list[Quote] = Field(default_factory=list)
    url: Line | None = None
    image: Line | None = None
    hidden: bool = False  # Podcasting 2.0 `toc: false`: a marker, not a table-of-contents entry


class Entity(Model):
    name: Line
    kind: Line = "Other"  # normalised to Title case: Person, Organization, Software, ...
    description: Text | None = None


class Segment(Model):
    """A timed turn of speech. Consecutive cues of one speaker are merged into one segment."""

    text: Text
    start: Seconds = None
    end: Seconds = None
    speaker: Line | None = None


class Transcript(Model):
    text: str  # plain text of the whole transcript, turns separated by blank lines
    segments: list[Segment] = Field(default_factory=list)
    language: Line | None = None
    url: Line | None = None  # where it was fetched from, when it was


class Link(Model):
    """A document an episode points to (Podcasting 2.0 transcript or chapters file)."""

    url: Line
    type: Line | None = None  # MIME type
    language: Line | None = None
    rel: Line | None = None


# Readers whose sources were stored before SourceRef recorded what they can tell: a title
# that is only the file's name (transcripts, captions), a file an episode page links to
# (those, and chapters files). Used only to fill in such old records.
_FILE_TITLE_BEFORE = frozenset({"vtt", "srt", "transcript-json", "transcript-html"})
_LINKED_BEFORE = _FILE_TITLE_BEFORE | {"chapters-json"}


class SourceRef(Model):
    """Where (part of) an episode came from: a file or URL, the reader, the position inside it,
    and what a source of its kind can tell (said by its reader)."""

    location: str  # file path or URL
    format: str  # reader name, e.g. "listing", "rss"
    position: int = 0  # index of the episode inside the document
    line: int | None = None  # first line of the episode in the document, 1-based
    content_hash: str  # sha256 of the document bytes
    file_title: bool = False  # its episode title is only the file's name, not the source's
    linked_file: bool = False  # a transcript or chapters file that episode pages link to

    @model_validator(mode="before")
    @classmethod
    def _traits_of_an_old_record(cls, data: Any) -> Any:
        if isinstance(data, dict) and "file_title" not in data and "linked_file" not in data:
            fmt = data.get("format")
            return {
                **data,
                "file_title": fmt in _FILE_TITLE_BEFORE,
                "linked_file": fmt in _LINKED_BEFORE,
            }
        return data


class Episode(Model):
    id: Line = ""  # stable id, assigned by `episode_id()` when empty
    title: Line
    kind: Line | None = None  # leading emoji marker such as "⚡️" (lightning episode)
    show: Line | None = None
    hosts: list[Person] = Field(default_factory=list)
    guests: list[Person] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)  # others credited (producer, editor...)
    urls: list[Line] = Field(default_factory=list)
    guid: Line | None = None
    published: Dated = None
    published_text: Line | None = None  # the original wording: "il y a 3 jours", "2026-11-20"
    first_seen: Dated = None  # set by the archive
    duration: Seconds = None  # seconds
    language: Line | None = None  # BCP 47
    caption_languages: list[Line] = Field(default_factory=list)
    abstract: Text | None = None
    audience: Text | None = None  # "Who is this for?"
    questions: list[Text] = Field(default_factory=list)  # "Questions this video answers"
    chapters: list[Chapter] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    takeaways: list[Text] = Field(default_factory=list)  # the source's own key takeaways
    entities: list[Entity] = Field(default_factory=list)
    tags: list[Line] = Field(default_factory=list)
    transcript: Transcript | None = None
    transcript_links: list[Link] = Field(default_factory=list)
    chapters_links: list[Link] = Field(default_factory=list)
    image: Line | None = None
    season: int | None = None
    number: int | None = None  # episode number within the season or show
    # Why its reader doubts this read (a title that looks like page chrome, the file name as
    # title...). A doubtful episode is stored, so nothing is lost, but kept out of digests
    # until the editor approves or corrects it. Set by readers; empty for a confident read.
    review_reasons: list[Line] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)  # stays last: see _without_provenance

    @property
    def url(self) -> str | None:
        return self.urls[0] if self.urls else None

    def content_hash(self, blob: str | None = None) -> str:
        """Hash of what the episode says (not where it came from): keys caches of later stages.

        `blob`: this episode's `model_dump_json()`, when the caller has it (storing does): the
        hash is then taken from it, without serialising the episode again."""
        # Fields serialise in declaration order, so the JSON is as canonical as a sorted dump
        # (and three times cheaper: ingest hashes every episode it stores).
        said = _without_provenance(blob) if blob else None
        if said is None:
            said = self.model_dump_json(exclude={"sources", "first_seen"})
        return hashlib.sha256(said.encode()).hexdigest()


# In an episode's JSON, a quote inside a string is always escaped (\"), so these keys are found
# only where they are keys; no model nested in an episode has fields of these names.
_FIRST_SEEN = ',"first_seen":'
_SOURCES = ',"sources":['


def _without_provenance(blob: str) -> str | None:
    """An episode's JSON as `model_dump_json(exclude={"sources", "first_seen"})` writes it:
    the value of first_seen (null or a quoted time, followed by the next key) and the sources
    (the last field) cut out. None if the JSON is not laid out that way."""
    start = blob.find(_FIRST_SEEN)
    cut = blob.rfind(_SOURCES)
    if start < 0 or cut < 0 or not blob.endswith("]}"):
        return None
    value = start + len(_FIRST_SEEN)
    end = value + 4 if blob.startswith("null", value) else blob.find('"', value + 1) + 1
    if end <= value or blob[end] != ",":
        return None
    return blob[:start] + blob[end:cut] + "}"


# --------------------------------------------------------------------------- condensed


class Provenance(StrEnum):
    SOURCE = "source"  # the page's own takeaway
    CHAPTER = "chapter"  # a chapter summary
    ABSTRACT = "abstract"  # the episode abstract or description
    TRANSCRIPT = "transcript"  # a transcript sentence


class Takeaway(Model):
    text: str
    provenance: Provenance
    chapter: str | None = None  # chapter title, for provenance "chapter"
    chapter_index: int | None = None
    offset: Seconds = None  # seconds, when known
    speaker: str | None = None


class CondensedQuote(Model):
    text: str
    speaker: str | None = None
    offset: Seconds = None
    link: str | None = None  # deep link to the moment, e.g. https://youtu.be/x?t=1041
    language: str | None = None
    chapter: str | None = None  # title of the chapter it was said in, when its time is unknown
    translated: bool = False  # not in the language spoken in the episode: not verbatim


class Condensed(Model):
    episode_id: str
    title: str
    blurb: str
    takeaways: list[Takeaway] = Field(default_factory=list)
    quotes: list[CondensedQuote] = Field(default_factory=list)
    source: str = ""  # where the material came from: "takeaways", "chapters", "transcript", ...
    method: str = "extractive"


# --------------------------------------------------------------------------- ranking


class Decision(StrEnum):
    KEPT = "kept"
    PINNED = "pinned"
    BLOCKED = "blocked"
    ALREADY_SENT = "already-sent"
    OVER_SHOW_LIMIT = "over-show-limit"
    OVER_TOPIC_LIMIT = "over-topic-limit"
    OVER_TOTAL_LIMIT = "over-total-limit"
    BELOW_THRESHOLD = "below-threshold"
    DUPLICATE = "near-duplicate"


class Ranked(Model):
    """One candidate of the week with its score broken down and the decision taken on it."""

    id: str
    title: str
    show: str | None = None
    primary_topic: str
    topics: list[str] = Field(default_factory=list)  # primary first, then secondary ones
    score: float
    components: dict[str, float] = Field(default_factory=dict)  # name -> weighted contribution
    decision: Decision
    reason: str = ""
    relaxed: str | None = None  # the cap set aside to fill an empty slot, e.g. "max_per_show"


# --------------------------------------------------------------------------- digests


class ItemTranslation(Model):
    """An item's blurb, takeaways and quotes in the newsletter's language, by a model: shown
    first, with the original under it. `takeaways` and `quotes` follow the condensed ones."""

    language: str  # the newsletter's
    source_language: str
    model: str
    blurb: str | None = None
    takeaways: list[str] = Field(default_factory=list)
    quotes: list[str] = Field(default_factory=list)


class DigestItem(Model):
    """An episode as it appears in a digest: a snapshot, so a stored digest renders on its own."""

    episode_id: str
    rank: int  # 1-based position within its section
    title: str
    kind: str | None = None
    show: str | None = None
    url: str | None = None
    published: Dated = None
    duration: Seconds = None
    language: str | None = None
    guests: list[Person] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    primary_topic: str
    topics: list[str] = Field(default_factory=list)
    score: float
    components: dict[str, float] = Field(default_factory=dict)
    condensed: Condensed
    translation: ItemTranslation | None = None  # [llm] translate, for another language


class DigestSection(Model):
    topic: str  # slug
    name: str
    description: str | None = None
    items: list[DigestItem] = Field(default_factory=list)


class DigestStatus(StrEnum):
    DRAFT = "draft"
    SENDING = "sending"
    SENT = "sent"


class Digest(Model):
    id: str  # "2026-W48" or "<since>--<until>"
    since: date  # first day, inclusive
    until: date  # last day, inclusive
    built_at: AwareDatetime
    intro: str | None = None  # editor's note, Markdown
    sections: list[DigestSection] = Field(default_factory=list)
    config_hash: str = ""
    status: DigestStatus = DigestStatus.DRAFT

    def items(self) -> list[DigestItem]:
        return [item for section in self.sections for item in section.items]


# --------------------------------------------------------------------------- subscribers


class SubscriberStatus(StrEnum):
    ACTIVE = "active"
    UNSUBSCRIBED = "unsubscribed"
    BOUNCED = "bounced"


class Subscriber(Model):
    email: str
    name: str | None = None
    topics: list[str] = Field(default_factory=list)  # empty means every topic
    status: SubscriberStatus = SubscriberStatus.ACTIVE


class SendState(StrEnum):
    PENDING = "pending"
    IN_FLIGHT = "in-flight"
    SENT = "sent"
    FAILED_TEMPORARY = "failed-temporary"
    FAILED_PERMANENT = "failed-permanent"
    SKIPPED = "skipped"


class LedgerRow(Model):
    digest_id: str
    email: str
    state: SendState
    attempts: int = 0
    last_error: str | None = None
    message_id: str
    updated_at: AwareDatetime | None = None


def dump_json(value: Any) -> str:
    """Canonical JSON for storage and `--json` output: sorted keys, UTF-8, stable."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    elif isinstance(value, list):
        value = [v.model_dump(mode="json") if isinstance(v, BaseModel) else v for v in value]
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2)
