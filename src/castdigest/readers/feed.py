"""Podcast feeds: RSS 2.0 (with iTunes and Podcasting 2.0 tags) and Atom, one Episode per item.

Parsing is feedparser's (see `feed_parser.py` for the Podcasting 2.0 handlers), or for plain
RSS 2.0 items the same reading done with lxml (`feed_xml.py`). Descriptions
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
from castdigest.readers.feed_xml import parse
from castdigest.text.durations import parse_duration
from castdigest.text.htmltext import html_to_text, looks_like_html
from castdigest.text.normalize import strip_controls, usable_url

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
        parsed = parse(doc.data, doc.location)
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
            image=_href(feed.get("image"), ctx),
            author=_author_name(feed),
            base=doc.location if doc.location.startswith(("http://", "https://")) else "",
            persons=list(feed.get("podcast_persons", [])),
            shared=_shared_links(feed, parsed.entries),
        )
        episodes = []
        for pos, entry in enumerate(parsed.entries):
            line = lines[pos] if pos < len(lines) else None
            # A plain dict: FeedParserDict's lookups run Python code for every key, and for the
            # keys read here they give the same (its `updated` falls back to `published`, which
            # is only asked for when `published` is empty).
            episodes.append(_episode(dict(entry), defaults, ctx, pos, line))
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
    links = [u for u in [entry.get("link"), _enclosure(entry)] if u and u not in feed.shared]
    urls = ctx.urls([_line(u) for u in links])
    return Episode(
        title=title or "Untitled episode",
        show=feed.show,
        hosts=hosts,
        guests=guests,
        people=people,
        urls=urls,
        guid=_line(entry.get("id")) or None,
        published=ctx.published(_published(entry), _line(entry.get("published"))),
        published_text=_line(entry.get("published") or entry.get("updated")) or None,
        duration=parse_duration(entry.get("itunes_duration")),
        language=_language(entry.get("language")) or feed.language,
        abstract=abstract or None,
        tags=list(
            dict.fromkeys(t for t in (_line(t.get("term")) for t in entry.get("tags", [])) if t)
        ),
        transcript_links=_links(entry.get("podcast_transcripts", []), feed.base, ctx),
        chapters_links=_links(entry.get("podcast_chapters", []), feed.base, ctx),
        image=_href(entry.get("image"), ctx) or feed.image,
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
        name = _line(p.get("name"))
        if not name:
            continue
        role = (_line(p.get("role")) or "host").lower()
        person = Person(
            name=name,
            role=role,
            group=(_line(p.get("group")) or "cast").lower(),
            href=_line(p.get("href")) or None,
            image=_line(p.get("img")) or None,
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


def _links(found: list[Any], base: str, ctx: ReadContext) -> list[Link]:
    """Transcript or chapters links, resolved against the feed's URL; a link that is not a
    usable URL is dropped with a note."""
    out: list[Link] = []
    for attrs in found:
        url = _line(attrs.get("url"))
        if not url or not ctx.urls([url]) or (base and not usable_url(base)):
            continue
        out.append(
            Link(
                url=urljoin(base, url) if base else url,
                type=_line(attrs.get("type")).lower() or None,
                language=_line(attrs.get("language")) or None,
                rel=_line(attrs.get("rel")) or None,
            )
        )
    return out


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
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:  # year 0: no date at all
        return None


def _item_lines(text: str) -> list[int]:
    """1-based line of each `<item>` / `<entry>`, in document order (for error messages)."""
    lines, line, counted = [], 1, 0
    for m in _ITEM.finditer(text):  # counted from the item before: a feed is read once
        line += text.count("\n", counted, m.start())
        counted = m.start()
        lines.append(line)
    return lines


def _text(value: Any) -> str:
    """A title or name on one line: HTML made text, whitespace collapsed, no controls."""
    if not value:
        return ""
    text = str(value)
    return " ".join(html_to_text(text).split()) if looks_like_html(text) else _line(text)


def _line(value: Any) -> str:
    """An attribute or plain text on one line, whitespace collapsed, no controls."""
    return " ".join(strip_controls(str(value), multiline=False).split()) if value else ""


def _first_line(text: str) -> str:
    first = text.strip().split("\n", 1)[0] if text else ""
    return first[:120]


def _href(image: Any, ctx: ReadContext) -> str | None:
    if isinstance(image, dict):
        found = ctx.urls([_line(image.get("href") or image.get("url"))], "image")
        return found[0] if found else None
    return None


def _int(value: Any) -> int | None:
    """A season or episode number: a whole number below a million, else None."""
    text = str(value).strip() if value is not None else ""
    if not (text.isascii() and text.isdigit()) or len(text) > 6:
        return None
    return int(text)


def _language(value: Any) -> str | None:
    """BCP 47 with the usual casing: "en-us" -> "en-US"."""
    if not value:
        return None
    parts = _line(value).replace("_", "-").split("-")
    head = parts[0].lower()
    rest = [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in parts[1:]]
    return "-".join([head, *rest]) if head else None
