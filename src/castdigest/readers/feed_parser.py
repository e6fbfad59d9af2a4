"""feedparser, taught the Podcasting 2.0 namespace.

feedparser stores an element it does not know as a dict of its attributes, keyed by whatever
prefix the document chose: the text of `<podcast:person>` (the person's name) is dropped, and
of several `<podcast:transcript>` in one item only the last survives. feedparser's own way to
support a namespace is a mixin of `_start_<prefix>_<name>` / `_end_...` handlers plus an entry
in its URI -> prefix table; we add one for `podcast:` under BOTH namespace URIs in use (the
current podcastindex.org one and the legacy GitHub one), so any document prefix maps to
`podcast_*` keys. The parse itself is feedparser's: the same encoding detection, strict SAX
parser and loose fallback as `feedparser.parse`, run on bytes we already hold (feedparser never
touches the network or the file system here). HTML in descriptions is not sanitised or
rewritten by feedparser: castdigest turns it into plain text (text/htmltext.py) and never
passes feed HTML on, which also halves the parse time.
"""

from __future__ import annotations

import io
import re
import xml.sax
from typing import Any

from feedparser.api import LooseFeedParser, StrictFeedParser
from feedparser.encodings import convert_to_utf8
from feedparser.sanitizer import replace_doctype
from feedparser.urls import make_safe_absolute_uri
from feedparser.util import FeedParserDict

from castdigest.text.htmltext import tame_charrefs

PODCAST_NAMESPACES = (
    "https://podcastindex.org/namespace/1.0",
    "http://podcastindex.org/namespace/1.0",
    "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",
    "https://github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",
)


class _PodcastNamespace:
    """Handlers for the Podcasting 2.0 elements castdigest uses (mixed into feedparser)."""

    # Provided by feedparser's mixin; declared for readability only.
    _get_context: Any
    push: Any
    pop: Any

    def _start_podcast_transcript(self, attrs_d: dict[str, str]) -> None:
        self._get_context().setdefault("podcast_transcripts", []).append(FeedParserDict(attrs_d))

    def _start_podcast_chapters(self, attrs_d: dict[str, str]) -> None:
        self._get_context().setdefault("podcast_chapters", []).append(FeedParserDict(attrs_d))

    def _start_podcast_person(self, attrs_d: dict[str, str]) -> None:
        self._cd_person = FeedParserDict(attrs_d)
        self.push("podcast_person", 0)

    def _end_podcast_person(self) -> None:
        name = self.pop("podcast_person") or ""
        person = getattr(self, "_cd_person", FeedParserDict())
        person["name"] = name.strip()
        self._get_context().setdefault("podcast_persons", []).append(person)

    def _start_podcast_season(self, attrs_d: dict[str, str]) -> None:
        self.push("podcast_season", 0)

    def _end_podcast_season(self) -> None:
        self._get_context()["podcast_season"] = (self.pop("podcast_season") or "").strip()

    def _start_podcast_episode(self, attrs_d: dict[str, str]) -> None:
        self.push("podcast_episode", 0)

    def _end_podcast_episode(self) -> None:
        self._get_context()["podcast_episode"] = (self.pop("podcast_episode") or "").strip()

    def _end_itunes_image(self) -> None:
        # `<itunes:image>URL</itunes:image>` (text, not the href attribute) is common in the wild.
        text = (self.pop("itunes_image") or "").strip()
        context = self._get_context()
        if text and "image" not in context:
            context["image"] = FeedParserDict({"href": text})


def _with_podcast(base: Any, name: str) -> Any:
    namespaces = dict(base.namespaces)
    namespaces.update(dict.fromkeys(PODCAST_NAMESPACES, "podcast"))
    # `_matchnamespaces` is filled lazily from `namespaces` on first use: give ours its own.
    return type(name, (_PodcastNamespace, base), {"namespaces": namespaces, "_matchnamespaces": {}})


_Strict = _with_podcast(StrictFeedParser, "CastdigestStrictFeedParser")
_Loose = _with_podcast(LooseFeedParser, "CastdigestLooseFeedParser")


_DECLARATION = re.compile(rb"^[^<]*<\?xml[^>]*>")


def parse_feed(data: bytes, location: str = "") -> Any:
    """A FeedParserDict like `feedparser.parse(data)`, with `podcast_*` keys filled in."""
    result = FeedParserDict(bozo=False, entries=[], feed=FeedParserDict(), headers={})
    try:
        utf8 = convert_to_utf8({}, data, result)
    except UnicodeDecodeError as exc:
        # An encoding declaration that is not even ASCII names no encoding: read the bytes as
        # UTF-8, leniently, without it.
        utf8 = _DECLARATION.sub(b"", data, count=1).decode("utf-8", "replace").encode()
        result.update(bozo=1, bozo_exception=exc, encoding="")
    if b"&#" in utf8:  # feedparser's loose parser calls chr() on any reference
        utf8 = tame_charrefs(utf8.decode("utf-8", "surrogateescape")).encode(
            "utf-8", "surrogateescape"
        )
    # feedparser puts an XML declaration line in front of documents that lack one: parse errors
    # then name a line one too far.
    result["line_shift"] = 0 if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") else 1
    use_strict = bool(result.get("encoding"))
    result["version"], utf8, entities = replace_doctype(utf8)
    base = make_safe_absolute_uri(location) if "://" in location else ""
    parser: Any = None
    if use_strict:
        parser = _Strict(base, None, "utf-8")
        parser.resolve_relative_uris = False
        parser.sanitize_html = False
        sax = xml.sax.make_parser()
        sax.setFeature(xml.sax.handler.feature_namespaces, 1)
        sax.setFeature(xml.sax.handler.feature_external_ges, 0)
        sax.setContentHandler(parser)
        sax.setErrorHandler(parser)
        source = xml.sax.xmlreader.InputSource()
        source.setByteStream(io.BytesIO(utf8))
        try:
            sax.parse(source)
        except xml.sax.SAXException as exc:
            result["bozo"] = 1
            result["bozo_exception"] = parser.exc or exc
            use_strict = False
    if not use_strict:
        parser = _Loose(base, None, "utf-8", entities)
        parser.resolve_relative_uris = False
        parser.sanitize_html = False
        parser.feed(utf8.decode("utf-8", "replace"))
    result["feed"] = parser.feeddata
    result["entries"] = parser.entries
    result["version"] = result["version"] or parser.version
    result["namespaces"] = parser.namespaces_in_use
    return result
