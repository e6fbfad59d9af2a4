"""Podcast feeds: RSS 2.0 (with iTunes and Podcasting 2.0 tags) and Atom, one Episode per item.

Parsing is feedparser's (see `feed_parser.py` for the Podcasting 2.0 handlers). Descriptions
and `content:encoded` are HTML: they become clean text, and the richer of the two is the
abstract. `podcast:person` roles sort people into hosts, guests and other credits (the
namespace's default role is "host"); without any, `itunes:author` names the hosts.
"""

from __future__ import annotations

import re
import xml.sax
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from castdigest.errors import ReadError
from castdigest.models import Episode, Link, Person
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.feed_parser import parse_feed
from castdigest.text.durations import parse_duration
from castdigest.text.htmltext import html_to_text, looks_like_html

_ROOT = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*|<\?[^>]*>\s*)*"
    r"<(?:(?P<rss>rss|rdf:RDF)\b|(?P<atom>feed)\b[^>]*http://www\.w3\.org/2005/Atom)",
    re.DOTALL,
)
_ITEM = re.compile(r"<(?:item|entry)[\s>]")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b)\s*")


class FeedReader:
    name: str = "feed"
    extensions: tuple[str, ...] = (".rss", ".atom", ".xml")

    def sniff(self, doc: Document) -> float:
        head = doc.text[:4096]
        if _ROOT.match(head):
            return 0.95
        ctype = (doc.content_type or "").split(";")[0].strip().lower()
        if ctype in ("application/rss+xml", "application/atom+xml") or "<channel>" in head:
            return 0.6  # a feed behind a preamble the root pattern does not expect
        return 0.0

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        parsed = parse_feed(doc.data, doc.location)
        feed = parsed.feed
        problem, line = _problem(parsed.get("bozo_exception"), parsed.get("line_shift", 0))
        if not parsed.version and not parsed.entries:
            detail = f" ({problem})" if problem else ""
            raise ReadError(f"not an RSS or Atom feed{detail}", where=doc.location, line=line)
        if parsed.bozo and not parsed.entries:
            raise ReadError(f"malformed feed: {problem}", where=doc.location, line=line)
        if parsed.bozo:
            at = f"line {line}: " if line else ""
            ctx.warnings.append(f"malformed XML, read leniently: {at}{problem}")
        lines = _item_lines(doc.text)
        show = _text(feed.get("title")) or None
        language = _language(feed.get("language"))
        defaults = _FeedDefaults(
            show=show,
            language=language,
            image=_href(feed.get("image")),
            author=_author_name(feed),
            base=doc.location if doc.location.startswith(("http://", "https://")) else "",
            persons=list(feed.get("podcast_persons", [])),
            shared=_shared_links(feed, parsed.entries),
        )
        episodes = []
        for pos, entry in enumerate(parsed.entries):
            line = lines[pos] if pos < len(lines) else None
            episodes.append(_episode(entry, defaults, ctx, pos, line))
        return episodes


@dataclass(frozen=True)
class _FeedDefaults:
    """What the channel says, for items that do not say it themselves."""

    show: str | None
    language: str | None
    image: str | None
    author: str | None
    base: str  # the feed's URL when fetched: relative links resolve against it
    persons: list[Any]  # channel-level <podcast:person>
    shared: frozenset[str]  # links that name the show, not an episode: never an episode's URL


def _episode(
    entry: Any, feed: _FeedDefaults, ctx: ReadContext, pos: int, line: int | None
) -> Episode:
    description = html_to_text(entry.get("summary"))
    content = " ".join(html_to_text(c.get("value")) for c in entry.get("content", []))
    abstract = content if len(content) > len(description) else description
    title = _text(entry.get("title")) or _text(entry.get("subtitle")) or _first_line(abstract)
    # Channel-level people credit every item that names none of its own.
    hosts, guests, people = _people(entry.get("podcast_persons") or feed.persons)
    if not hosts:
        author = _author_name(entry) or feed.author
        hosts = _authors(author)
    urls = [u for u in [entry.get("link"), _enclosure(entry)] if u and u not in feed.shared]
    return Episode(
        title=title or "Untitled episode",
        show=feed.show,
        hosts=hosts,
        guests=guests,
        people=people,
        urls=list(dict.fromkeys(urls)),
        guid=(entry.get("id") or "").strip() or None,
        published=_published(entry),
        published_text=entry.get("published") or entry.get("updated") or None,
        duration=parse_duration(entry.get("itunes_duration")),
        language=_language(entry.get("language")) or feed.language,
        abstract=abstract or None,
        tags=list(dict.fromkeys(t["term"].strip() for t in entry.get("tags", []) if t.get("term"))),
        transcript_links=[
            _link(t, feed.base) for t in entry.get("podcast_transcripts", []) if t.get("url")
        ],
        chapters_links=[
            _link(c, feed.base) for c in entry.get("podcast_chapters", []) if c.get("url")
        ],
        image=_href(entry.get("image")) or feed.image,
        season=_int(entry.get("itunes_season")) or _int(entry.get("podcast_season")),
        number=_int(entry.get("itunes_episode")) or _int(entry.get("podcast_episode")),
        sources=[ctx.ref(pos, line=line)],
    )


def _shared_links(feed: Any, entries: list[Any]) -> frozenset[str]:
    """The channel's own link and any link several items carry (many feeds give every item the
    show's home page): such a URL does not identify an episode."""
    seen: dict[str, int] = {}
    for entry in entries:
        for url in {entry.get("link"), _enclosure(entry)} - {None}:
            seen[url] = seen.get(url, 0) + 1
    shared = {url for url, n in seen.items() if n > 1}
    return frozenset(shared | ({feed["link"]} if feed.get("link") else set()))


def _problem(exc: object, shift: int) -> tuple[str, int | None]:
    """The parser's complaint without its "<unknown>:2:19:" prefix, and the line it names."""
    if exc is None:
        return "", None
    if isinstance(exc, xml.sax.SAXParseException):
        number = exc.getLineNumber()
        return str(exc.getMessage()), max(1, number - shift) if number else None
    return str(exc), None


def _people(persons: list[Any]) -> tuple[list[Person], list[Person], list[Person]]:
    hosts: list[Person] = []
    guests: list[Person] = []
    people: list[Person] = []
    for p in persons:
        name = (p.get("name") or "").strip()
        if not name:
            continue
        role = (p.get("role") or "host").strip().lower()
        person = Person(
            name=name,
            role=role,
            group=(p.get("group") or "cast").strip().lower(),
            href=p.get("href") or None,
            image=p.get("img") or None,
        )
        {"host": hosts, "guest": guests}.get(role, people).append(person)
    return hosts, guests, people


def _author_name(node: Any) -> str | None:
    detail = node.get("author_detail") or {}
    return _text(detail.get("name") or node.get("author")) or None


def _authors(author: str | None) -> list[Person]:
    if not author:
        return []
    names = [n.strip() for n in _AUTHOR_SPLIT.split(author) if n.strip()]
    return [Person(name=n, role="author") for n in dict.fromkeys(names)]


def _link(attrs: Any, base: str) -> Link:
    return Link(
        url=urljoin(base, attrs["url"].strip()) if base else attrs["url"].strip(),
        type=(attrs.get("type") or "").strip().lower() or None,
        language=(attrs.get("language") or "").strip() or None,
        rel=(attrs.get("rel") or "").strip() or None,
    )


def _enclosure(entry: Any) -> str | None:
    for link in entry.get("links", []):
        if link.get("rel") == "enclosure" and link.get("href"):
            return str(link["href"])
    return None


def _published(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    year, month, day, hour, minute, second = parsed[:6]
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def _item_lines(text: str) -> list[int]:
    """1-based line of each `<item>` / `<entry>`, in document order (for error messages)."""
    return [text.count("\n", 0, m.start()) + 1 for m in _ITEM.finditer(text)]


def _text(value: Any) -> str:
    if not value:
        return ""
    text = str(value)
    return html_to_text(text) if looks_like_html(text) else " ".join(text.split())


def _first_line(text: str) -> str:
    first = text.strip().split("\n", 1)[0] if text else ""
    return first[:120]


def _href(image: Any) -> str | None:
    if isinstance(image, dict):
        return image.get("href") or image.get("url") or None
    return None


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip()) if value not in (None, "") else None
    except ValueError:
        return None


def _language(value: Any) -> str | None:
    """BCP 47 with the usual casing: "en-us" -> "en-US"."""
    if not value:
        return None
    parts = str(value).strip().replace("_", "-").split("-")
    head = parts[0].lower()
    rest = [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in parts[1:]]
    return "-".join([head, *rest]) if head else None
