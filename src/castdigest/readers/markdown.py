"""Markdown with YAML front matter: the format an editor writes by hand.

    ---
    title: Release trains without the panic
    show: Harbor Notes
    date: 2026-11-19            # a date, an ISO datetime, or "3 days ago"
    url: https://example.org/harbor-notes/12      # or a list
    tags: [release-engineering, feature-flags]    # or "#a#b"
    guests: [Theo Brandt]       # names, or {name, affiliation}
    hosts: [Mara Quill]
    language: en
    duration: "42:15"
    ---
    Abstract ... ## [00:00] Chapter title Summary ... > *"A quote"* ... #more#tags

The body is read with the same inline markup as summary pages (`markup.parse_body`). A first
`# Heading` line is the title when the front matter has none. Unknown front-matter keys are
warnings, not errors, so a typo never loses an episode.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from castdigest.errors import ReadError
from castdigest.models import Episode, Person
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.markup import parse_body, parse_hashtags
from castdigest.text.dates import parse_date
from castdigest.text.durations import parse_duration
from castdigest.text.normalize import strip_controls

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_H1 = re.compile(r"\A\s*#[ \t]+(\S.*)$", re.M)
_KNOWN = {
    "title", "show", "date", "published", "url", "urls", "tags", "guests", "hosts",
    "language", "lang", "duration", "guid", "image", "season", "episode",
}  # fmt: skip
_TITLE_CASE_LANGS = {"en"}
_SCALARS = (str, int, float, date)


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML whose out-of-range scalars stay text instead of raising: an integer of 5,000
    digits (`int()` refuses it), a date such as 2026-13-45."""


def _lenient(construct: Any) -> Any:
    def build(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)

    return build


for _tag, _construct in (
    ("tag:yaml.org,2002:int", SafeConstructor.construct_yaml_int),
    ("tag:yaml.org,2002:float", SafeConstructor.construct_yaml_float),
    ("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_timestamp),
):
    _FrontMatterLoader.add_constructor(_tag, _lenient(_construct))


class MarkdownReader:
    name: str = "markdown"
    extensions: tuple[str, ...] = (".md", ".markdown")

    def sniff(self, doc: Document) -> float:
        m = _FRONT.match(doc.text[:20000])
        if m and re.search(r"^(title|show)\s*:", m.group(1), re.M):
            return 0.9
        if doc.suffix in self.extensions:
            return 0.5
        return 0.0

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        meta, body, body_line = _split(doc)
        for key in sorted(set(meta) - _KNOWN):
            ctx.warnings.append(f"front matter key {key!r} is not used")
        title = _str(meta.get("title"))
        if not title and (h1 := _H1.match(body)):
            title = _str(h1.group(1))
            body = body[h1.end() :]
        language = _str(meta.get("language") or meta.get("lang"))
        parsed = parse_body(
            body, sentence_case=(language or "en").split("-")[0] not in _TITLE_CASE_LANGS
        )
        when = meta.get("date", meta.get("published"))
        episode = Episode(
            title=title or doc.stem_title or "Untitled",
            show=_str(meta.get("show")),
            hosts=_people(meta.get("hosts"), "host", doc.location),
            guests=_people(meta.get("guests"), "guest", doc.location),
            urls=ctx.urls(list(_list(meta.get("url", meta.get("urls"))))),
            guid=_str(meta.get("guid")),
            published=ctx.published(_when(when, ctx.as_of), when),
            published_text=_str(when),
            duration=_duration(meta.get("duration")),
            language=language,
            abstract=parsed.abstract,
            chapters=parsed.chapters,
            quotes=parsed.quotes,
            entities=parsed.entities,
            tags=list(dict.fromkeys([*_tags(meta.get("tags")), *parsed.tags])),
            image=next(iter(ctx.urls([_str(meta.get("image"))], "image")), None),
            season=_int(meta.get("season")),
            number=_int(meta.get("episode")),
            sources=[ctx.ref(0, line=body_line)],
        )
        return [episode]


def _split(doc: Document) -> tuple[dict[str, Any], str, int]:
    m = _FRONT.match(doc.text)
    if not m:
        return {}, doc.text, 1
    try:
        meta = yaml.load(m.group(1), Loader=_FrontMatterLoader) or {}
    except RecursionError:
        raise ReadError("front matter nested too deep", where=doc.location, line=2) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for the "---" line, 1-based
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ReadError(f"front matter: {problem}", where=doc.location, line=line) from None
    if not isinstance(meta, dict):
        raise ReadError("front matter must be a mapping of keys", where=doc.location, line=2)
    return meta, doc.text[m.end() :], doc.text.count("\n", 0, m.end()) + 1


def _str(value: Any) -> str | None:
    """A scalar as one line of text; None for nothing, or for a list or mapping (which YAML
    aliases can make enormous when printed)."""
    if value is None or isinstance(value, bool) or not isinstance(value, _SCALARS):
        return None
    text = " ".join(strip_controls(str(value), multiline=False).split())
    return text or None


def _int(value: Any) -> int | None:
    """A season or episode number: a whole number below a million, else None."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = int(value)
    except (ValueError, OverflowError):  # "12a", NaN, infinity, 5,000 digits
        return None
    return number if 0 <= number < 1_000_000 else None


def _duration(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return parse_duration(str(value))


def _list(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return [s for s in (_str(v) for v in items) if s]


def _tags(value: Any) -> list[str]:
    if isinstance(value, str):
        return parse_hashtags(value) if "#" in value else _list(value.split(","))
    return [t.lstrip("#").lower() for t in _list(value)]


def _people(value: Any, role: str, location: str) -> list[Person]:
    people: list[Person] = []
    for item in value if isinstance(value, list) else [value] if value else []:
        if isinstance(item, dict):
            name = _str(item.get("name"))
            if not name:
                raise ReadError(f"a {role} needs a name", where=location)
            people.append(Person(name=name, role=role, affiliation=_str(item.get("affiliation"))))
        elif _str(item):
            people.append(Person(name=str(_str(item)), role=role))
    return people


def _when(value: Any, as_of: datetime) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=UTC)
    text = _str(value)
    return parse_date(text, as_of) if text else None
