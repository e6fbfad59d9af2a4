"""RSS 2.0 items read with lxml, giving what feedparser gives, at a fifth of its cost.

feedparser runs Python code for every start tag, end tag and run of text: in a weekly run that
reads forty podcast feeds it was a fifth of the CPU. Most feeds are plain RSS 2.0, whose items
use a small, well-known set of elements; for those, `parse` builds each item's
`FeedParserDict` from an lxml tree, following feedparser's rules for the keys the feed reader
uses (the first non-empty title wins, a second description becomes content, `guid` is the link
when there is no `<link>`, dates through feedparser's own date parser, the same text clean-up).
The channel's own data (title, people, image, language) is left to feedparser itself: it reads
the channel with its items taken out, a few dozen elements, so its quirks stay exactly as they
are.

Anything outside that well-known set sends the whole document to feedparser (`parse_feed`):
a document that is not well-formed or not UTF-8, a DOCTYPE or entity declaration, `xml:base`,
Atom or RSS 1.0, an item element feedparser has a handler for that is not followed here, a
known element nested inside another, markup inside a text element. The result is the same
either way (tests/test_feed_xml.py compares them on every feed the tests have).
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable
from typing import Any

from feedparser.datetimes import _parse_date
from feedparser.html import _cp1252
from feedparser.urls import _urljoin, make_safe_absolute_uri
from feedparser.util import FeedParserDict
from lxml import etree

from castdigest.readers.feed_parser import _Strict, parse_feed

# Namespace URI (lowercased) -> the prefix feedparser files its elements under.
_PREFIXES: dict[str, str] = {uri.lower(): prefix for uri, prefix in _Strict.namespaces.items()}
_ITUNES = "http://www.itunes.com/"
_MEDIA_SCHEME = "http://search.yahoo.com/mrss/category_schema"
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_DECLARED = re.compile(rb"^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
_UNSAFE = (b"<!DOCTYPE", b"<!ENTITY", b"xml:base")
_QUERY_REF = re.compile(r"&([A-Za-z0-9_]+);")
# Keys the feed reader reads from an entry: an element feedparser knows no handler for is kept
# under its own name, which must not be one of these.
_READ_KEYS = frozenset(
    "summary content title subtitle podcast_persons author_detail author link links id "
    "published updated published_parsed updated_parsed itunes_duration language tags "
    "podcast_transcripts podcast_chapters image itunes_season podcast_season itunes_episode "
    "podcast_episode guidislink".split()
)
_KEPT_UNKNOWN = frozenset({"itunes_duration", "itunes_season", "itunes_episode"})


class _Unsupported(Exception):
    """Something this reader does not follow: feedparser reads the document instead."""


def parse(data: bytes, location: str = "") -> Any:
    """`parse_feed(data, location)`'s result, read faster when the document allows it."""
    try:
        fast = _parse_rss(data, location)
    except Exception:  # _Unsupported, or anything else: feedparser's reading is the reference
        fast = None
    return fast if fast is not None else parse_feed(data, location)


def _parse_rss(data: bytes, location: str) -> Any:
    root = _rss_root(data)
    channels = [c for c in root if c.tag == "channel"] if root is not None else []
    if len(channels) != 1:
        return None
    channel = channels[0]
    base = make_safe_absolute_uri(location) if "://" in location else ""
    items, entries = [], []
    flow = _ChannelFlow()
    for el in channel:
        if el.tag == "item":
            items.append(el)
            entries.append(_entry(el, base, flow.has_content))
            flow.has_content = False  # feedparser resets it at each item's end
        elif isinstance(el.tag, str):
            flow.see(_key(el))
    for item in items:
        channel.remove(item)
    result = parse_feed(etree.tostring(root, encoding="utf-8", xml_declaration=True), location)
    if result.get("bozo") or result["entries"]:
        return None  # items outside the channel, or a channel feedparser reads otherwise
    result["entries"] = entries
    result["line_shift"] = 0 if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") else 1
    return result


def _rss_root(data: bytes) -> Any:
    """The `<rss>` element of a well-formed UTF-8 document without declarations, else None."""
    declared = _DECLARED.match(data[:512])
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return None
    if not data.lstrip(b"\xef\xbb\xbf").startswith((b"<?xml", b"<rss")):
        return None
    if any(mark in data for mark in _UNSAFE):
        return None
    try:
        data.decode("utf-8")
        root = etree.fromstring(data, _parser())
    except (UnicodeDecodeError, etree.LxmlError, ValueError):
        return None
    return root if root.tag == "rss" else None


class _ChannelFlow:
    """The parser state the channel's own elements hand on to the next item.

    feedparser's "a second summary becomes content" flag is set by the channel's elements too
    and only cleared at an item's end: a channel with `<itunes:summary>` then `<description>`
    makes its first item take both of its own as summaries. And its "first title wins" resets
    at every item, so a channel with two titles reads differently without its items.
    """

    def __init__(self) -> None:
        self.has_content = False
        self.summary = False  # the channel has a `summary`
        self.titles = 0

    def see(self, key: str) -> None:
        if key in _TITLES or key == "media_title":
            self.titles += 1
            if self.titles > 1:
                raise _Unsupported
        elif key in _SUMMARIES or key in _DESCRIPTIONS:
            if self.summary and not self.has_content:
                self.has_content = True
            elif key in _SUMMARIES:
                self.summary = True
        elif key in _CONTENTS:
            self.has_content = self.summary = True
        elif key in ("content", "body", "xhtml_body"):
            raise _Unsupported


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _key(el: Any) -> str:
    """The name feedparser files an element under: its standard prefix, `_`, its local name,
    lowercased (`itunes_duration`, `content_encoded`, `pubdate`)."""
    tag = el.tag
    known = _KEYS.get(tag)
    if known is not None:
        return known
    uri, _, local = tag[1:].partition("}") if tag[0] == "{" else ("", "", tag)
    standard = _PREFIXES.get(uri.lower())
    prefix = (el.prefix or "") if standard is None else standard
    key = f"{prefix.lower()}_{local.lower()}" if prefix else local.lower()
    if standard is not None:  # an unknown namespace's key depends on the document's prefix
        _KEYS[tag] = key
    return key


_KEYS: dict[str, str] = {}


def _attrs(el: Any) -> dict[str, str]:
    """Attributes as feedparser hands them to handlers: names lowercased, `rel` and `type`
    values lowercased."""
    out: dict[str, str] = {}
    for name, value in el.items():
        if name.startswith("{"):
            raise _Unsupported  # namespaced attributes get prefixed names: left to feedparser
        low = name.lower()
        out[low] = value.lower() if low in ("rel", "type") else value
    return out


def _text(el: Any) -> str:
    """An element's own text (comments and processing instructions skipped); markup inside
    it is not followed here."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            raise _Unsupported
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(text: str) -> str:
    """feedparser's clean-up of an element's text: stripped, UTF-8 read as Latin-1 repaired,
    Windows-1252 code points mapped."""
    out = text.strip()
    if out.isascii():
        return out  # nothing to repair or map
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        out = out.encode("iso-8859-1").decode("utf-8")
    return out.translate(_cp1252)


class _Item:
    """One item's entry, built element by element as feedparser's handlers would."""

    def __init__(self, base: str, has_content: bool) -> None:
        self.entry: dict[str, Any] = {}  # a FeedParserDict once built (its lookups are slow)
        self.base = base
        self.titled = False  # a non-empty title was stored: later titles are ignored
        self.has_content = has_content  # a later summary becomes content, not the summary

    def title(self, el: Any, locks: bool = True) -> None:
        if self.titled:
            return
        value = _clean(_text(_plain(el)))
        self.entry["title"] = value
        self.titled = bool(value) and locks

    def media_title(self, el: Any) -> None:
        self.title(el, locks=False)

    def link(self, el: Any) -> None:
        attrs = _attrs(el)
        attrs.setdefault("rel", "alternate")
        attrs.setdefault("type", "application/atom+xml" if attrs["rel"] == "self" else "text/html")
        attrs = _enforce_href(attrs)
        links = self.entry.setdefault("links", [])
        if "href" in attrs:
            attrs["href"] = _urljoin(self.base, attrs["href"])
            links.append(FeedParserDict(attrs))
            if attrs["rel"] == "alternate" and _content_type(attrs["type"]) in _HTML_TYPES:
                self.entry["link"] = attrs["href"]
            return
        links.append(FeedParserDict(attrs))
        value = _clean(_text(el))
        value = _urljoin(self.base, value) if value else value
        if "&" in value:
            value = _QUERY_REF.sub(r"&\g<1>", value.replace("&amp;", "&"))
        self.entry["link"] = value
        if value:
            links[-1]["href"] = value

    def description(self, el: Any) -> None:
        value = _clean(_text(_plain(el)))
        if "summary" in self.entry and not self.has_content:
            self._content(value, "text/plain")
        else:
            self.entry["summary"] = value

    def content(self, el: Any) -> None:
        value = _clean(_text(_plain(el)))
        self._content(value, "text/html")
        self.entry.setdefault("summary", value)

    def _content(self, value: str, kind: str) -> None:
        self.has_content = True
        params = FeedParserDict(type=kind, language=None, base=self.base, value=value)
        self.entry.setdefault("content", []).append(params)

    def subtitle(self, el: Any) -> None:
        self.entry["subtitle"] = _clean(_text(_plain(el)))

    def guid(self, el: Any) -> None:
        is_link = _attrs(el).get("ispermalink", "true") == "true"
        value = _clean(_text(el))
        if value and is_link:
            value = _urljoin(self.base, value)
        self.entry["id"] = value
        self.entry.setdefault("guidislink", is_link and "link" not in self.entry)
        if is_link:
            self.entry.setdefault("link", value)

    def published(self, el: Any) -> None:
        value = _clean(_text(_plain(el)))
        self.entry["published"] = value
        self.entry["published_parsed"] = _parse_date(value)

    def updated(self, el: Any) -> None:
        value = _clean(_text(_plain(el)))
        self.entry["updated"] = value
        self.entry["updated_parsed"] = _parse_date(value)

    def author(self, el: Any) -> None:
        value = _clean(_text(_plain(el)))
        self.entry["author"] = value
        detail = FeedParserDict()
        self.entry.setdefault("authors", []).append(detail)
        if not value:
            return
        name, email = _split_author(value)
        if name or email:
            self.entry.setdefault("author_detail", detail)
        if name:
            detail["name"] = name
        if email:
            detail["email"] = email

    def category(self, el: Any, scheme: str | None = None) -> None:
        attrs = _attrs(el)
        if scheme:
            attrs.setdefault("scheme", scheme)
        self._tag(attrs.get("term"), attrs.get("scheme", attrs.get("domain")), attrs.get("label"))
        self._end_category(_clean(_text(el)))

    def media_category(self, el: Any) -> None:
        self.category(el, _MEDIA_SCHEME)

    def itunes_category(self, el: Any) -> None:
        self._tag(_attrs(el).get("text"), _ITUNES, None)
        parts = [el.text or ""]
        for child in el:
            if isinstance(child.tag, str):
                if _key(child) != "itunes_category":
                    raise _Unsupported
                self.itunes_category(child)
            parts.append(child.tail or "")
        self._end_category(_clean("".join(parts)))

    def _end_category(self, value: str) -> None:
        if not value:
            return
        tags = self.entry["tags"]
        if tags and not tags[-1]["term"]:
            tags[-1]["term"] = value
        else:
            self._tag(value, None, None)

    def keywords(self, el: Any, scheme: str | None) -> None:
        for term in _clean(_text(_plain(el))).split(","):
            if term.strip():
                self._tag(term.strip(), scheme, None)

    def itunes_keywords(self, el: Any) -> None:
        self.keywords(el, _ITUNES)

    def media_keywords(self, el: Any) -> None:
        self.keywords(el, None)

    def _tag(self, term: str | None, scheme: str | None, label: str | None) -> None:
        tags = self.entry.setdefault("tags", [])
        if not (term or scheme or label):
            return
        value = FeedParserDict(term=term, scheme=scheme, label=label)
        if value not in tags:
            tags.append(value)

    def enclosure(self, el: Any) -> None:
        attrs = _enforce_href(_attrs(el))
        attrs["rel"] = "enclosure"
        self.entry.setdefault("links", []).append(FeedParserDict(attrs))

    def language(self, el: Any) -> None:
        self.entry["language"] = _clean(_text(_plain(el)))

    def itunes_image(self, el: Any) -> None:
        attrs = _attrs(el)
        if attrs.get("href"):
            self.entry["image"] = FeedParserDict(href=attrs["href"])
        elif attrs.get("url"):
            self.entry["image"] = FeedParserDict(href=attrs["url"])
        text = _text(el).strip()
        if text and "image" not in self.entry:
            self.entry["image"] = FeedParserDict(href=text)

    def podcast_transcript(self, el: Any) -> None:
        self.entry.setdefault("podcast_transcripts", []).append(FeedParserDict(_attrs(el)))

    def podcast_chapters(self, el: Any) -> None:
        self.entry.setdefault("podcast_chapters", []).append(FeedParserDict(_attrs(el)))

    def podcast_person(self, el: Any) -> None:
        person = FeedParserDict(_attrs(el))
        person["name"] = _text(el).strip()
        self.entry.setdefault("podcast_persons", []).append(person)

    def podcast_season(self, el: Any) -> None:
        self.entry["podcast_season"] = _text(el).strip()

    def podcast_episode(self, el: Any) -> None:
        self.entry["podcast_episode"] = _text(el).strip()

    def source(self, el: Any) -> None:
        """`<source>` (the item's origin) is not read, but feedparser lets a title after it
        replace the item's title."""
        self.titled = False

    def kept_unknown(self, el: Any, key: str) -> None:
        """An element feedparser has no handler for, kept under its name: its text, or its
        attributes when it has any."""
        attrs = _attrs(el)
        self.entry[key] = attrs if attrs else _clean(_text(el))


def _plain(el: Any) -> Any:
    """`el`, when it has no attributes: some change how feedparser decodes a text (`type`,
    `mode="base64"`) or where it files it, so an element with any is left to feedparser."""
    if el.attrib:
        raise _Unsupported
    return el


def _enforce_href(attrs: dict[str, str]) -> dict[str, str]:
    """feedparser's link address: `url`, else `uri`, else `href`, filed as `href`."""
    href = attrs.get("url", attrs.get("uri", attrs.get("href")))
    if href:
        attrs.pop("url", None)
        attrs.pop("uri", None)
        attrs["href"] = href
    return attrs


def _content_type(kind: str) -> str:
    return str(_Strict.map_content_type(kind))


_AUTHOR_EMAIL = re.compile(
    r"(([a-zA-Z0-9\_\-\.\+]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([a-zA-Z0-9\-]+\.)+))"
    r"([a-zA-Z]{2,4}|[0-9]{1,3})(\]?))(\?subject=\S+)?"
)


def _split_author(author: str) -> tuple[str, str | None]:
    """feedparser's reading of "jane@example.org (Jane Doe)": the name and the address."""
    found = _AUTHOR_EMAIL.search(author)
    if not found:
        return author, None
    email = found.group(0)
    name = author.replace(email, "").replace("()", "").replace("<>", "").replace("&lt;&gt;", "")
    name = name.strip()
    if name and name[0] == "(":
        name = name[1:]
    if name and name[-1] == ")":
        name = name[:-1]
    return name.strip(), email


_TITLES = frozenset({"title", "dc_title"})
_Handler = Callable[[_Item, Any], None]
_HANDLERS: dict[str, _Handler] = {
    "title": _Item.title,
    "dc_title": _Item.title,
    "media_title": _Item.media_title,
    "link": _Item.link,
    "description": _Item.description,
    "dc_description": _Item.description,
    "media_description": _Item.description,
    "summary": _Item.description,
    "itunes_summary": _Item.description,
    "content_encoded": _Item.content,
    "fullitem": _Item.content,
    "subtitle": _Item.subtitle,
    "tagline": _Item.subtitle,
    "itunes_subtitle": _Item.subtitle,
    "guid": _Item.guid,
    "id": _Item.guid,
    "source": _Item.source,
    "pubdate": _Item.published,
    "published": _Item.published,
    "issued": _Item.published,
    "dcterms_issued": _Item.published,
    "updated": _Item.updated,
    "modified": _Item.updated,
    "lastbuilddate": _Item.updated,
    "dc_date": _Item.updated,
    "dcterms_modified": _Item.updated,
    "author": _Item.author,
    "managingeditor": _Item.author,
    "itunes_author": _Item.author,
    "dc_creator": _Item.author,
    "dc_author": _Item.author,
    "category": _Item.category,
    "keywords": _Item.category,
    "dc_subject": _Item.category,
    "media_category": _Item.media_category,
    "itunes_category": _Item.itunes_category,
    "itunes_keywords": _Item.itunes_keywords,
    "media_keywords": _Item.media_keywords,
    "enclosure": _Item.enclosure,
    "language": _Item.language,
    "dc_language": _Item.language,
    "itunes_image": _Item.itunes_image,
    "podcast_transcript": _Item.podcast_transcript,
    "podcast_chapters": _Item.podcast_chapters,
    "podcast_person": _Item.podcast_person,
    "podcast_season": _Item.podcast_season,
    "podcast_episode": _Item.podcast_episode,
}
# Elements feedparser has a handler for whose result the feed reader never reads: skipped when
# they hold no markup.
_IGNORED = frozenset({"itunes_explicit", "itunes_block", "media_content", "media_thumbnail"})
_SUMMARIES = frozenset({"summary", "itunes_summary"})
_DESCRIPTIONS = frozenset({"description", "dc_description", "media_description"})
_CONTENTS = frozenset({"content_encoded", "fullitem"})


def _entry(item: Any, base: str, has_content: bool) -> Any:
    if item.attrib:
        raise _Unsupported  # rdf:about, CDF attributes
    built = _Item(base, has_content)
    for el in item:
        if not isinstance(el.tag, str):
            continue  # a comment or processing instruction
        key = _key(el)
        handler = _HANDLERS.get(key)
        if handler is not None:
            if key != "itunes_category" and _has_elements(el):
                raise _Unsupported  # feedparser would read the markup inside
            handler(built, el)
        elif _has_handler(key):
            if key not in _IGNORED or _has_elements(el):
                raise _Unsupported
        elif (key in _READ_KEYS and key not in _KEPT_UNKNOWN) or not _inert(el):
            raise _Unsupported
        elif key in _KEPT_UNKNOWN:
            built.kept_unknown(el, key)
    return FeedParserDict(built.entry)


def _has_elements(el: Any) -> bool:
    return len(el) > 0 and any(isinstance(child.tag, str) for child in el)


@functools.cache
def _has_handler(key: str) -> bool:
    return hasattr(_Strict, "_start_" + key) or hasattr(_Strict, "_end_" + key)


def _inert(el: Any) -> bool:
    """An unknown element's markup is inert when nothing in it has a feedparser handler or a
    name the feed reader reads (`<podcast:value>` and its recipients, say)."""
    if len(el) == 0:
        return True
    for child in el.iterdescendants():
        if not isinstance(child.tag, str):
            continue
        key = _key(child)
        if _has_handler(key) or key in _READ_KEYS:
            return False
    return True
