"""What an HTML page says about itself: JSON-LD, OpenGraph, embedded app data, head tags.

Sources are read in order of trust and merged field by field (a field the first source lacks
comes from the next): schema.org JSON-LD (episode, media and article types, `@graph` arrays
included), OpenGraph/Twitter/article meta, the data frameworks embed for their own use
(Next.js `__NEXT_DATA__` and other `<script type="application/json">`, walked generically for
episode-like objects), then `<link rel=canonical>`, `<html lang>` and `<title>`.

When embedded data or JSON-LD describes several distinct episodes, the page is a listing and
they come back as `items`, one per episode, in the order the data gives them.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from castdigest.text.dates import find_absolute
from castdigest.text.durations import parse_duration
from castdigest.text.normalize import fold, strip_controls

# schema.org types that are one episode (or the media of one), most specific first.
_EPISODE_TYPES = frozenset(
    {"podcastepisode", "radioepisode", "episode", "tvepisode", "videoobject", "audioobject"}
)
_ARTICLE_TYPES = frozenset({"article", "newsarticle", "blogposting", "reportagenewsarticle"})
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage"})  # dates and language only
_SITE_TYPES = frozenset({"website", "organization"})

_MAX_NODES = 200_000  # embedded JSON walked at most this far: app state can be huge
_MAX_DEPTH = 40
_MAX_TITLE = 300
_MS_DURATION = 200_000  # a duration above this many "seconds" (55 h) is in milliseconds

_TITLE_KEYS = ("title", "name", "headline", "episodeTitle", "episode_title")
_DATE_KEYS = frozenset(
    k.casefold()
    for k in (
        "published",
        "publishedAt",
        "published_at",
        "publishDate",
        "publishedDate",
        "pubDate",
        "datePublished",
        "releaseDate",
        "releasedAt",
        "airDate",
        "uploadDate",
    )
)
_DURATION_KEYS = frozenset(
    k.casefold()
    for k in ("duration", "durationSeconds", "duration_s", "durationMs", "duration_ms", "length")
)
_AUDIO_HINTS = ("audio", "enclosure", "contenturl", "streamurl", "mediaurl", "mp3")
_LINK_KEYS = frozenset(k.casefold() for k in ("url", "link", "permalink", "shareUrl", "webUrl"))

# Separators between a page title and the site or show name ("Title | Site", "Show – Title").
_TITLE_SPLIT = re.compile(r"\s+[|–—·»:]{1,2}\s+|\s+-\s+")
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class PageMeta:
    title: str | None = None
    show: str | None = None
    published: datetime | None = None
    published_text: str | None = None
    duration: float | None = None
    url: str | None = None
    audio: str | None = None
    description: str | None = None
    language: str | None = None
    author: str | None = None
    image: str | None = None

    def clean(self) -> None:
        """Control characters out of every text field (a page's attributes and data can hold
        them as character references, which the model refuses)."""
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                setattr(self, f.name, strip_controls(value, multiline=f.name == "description"))

    def fill(self, other: PageMeta) -> None:
        """Take from `other` every field this one lacks."""
        for f in fields(self):
            if getattr(self, f.name) is None:
                setattr(self, f.name, getattr(other, f.name))


@dataclass
class Page:
    meta: PageMeta
    items: list[PageMeta] = field(default_factory=list)  # a listing's episodes, page order
    headings: list[str] = field(default_factory=list)  # <h1>/<h2> texts
    site: str | None = None  # the site's name (og:site_name, JSON-LD WebSite)
    typed: bool = False  # whether JSON-LD or embedded data named an episode or article
    recording: bool = False  # whether JSON-LD named an episode or its media (not an article)
    site_names: list[str] = field(default_factory=list)  # every name the site gives itself

    def is_site(self, name: str | None) -> bool:
        return bool(name) and fold(name) in {fold(n) for n in self.site_names}


class _HeadCollector(HTMLParser):
    """The tags that carry metadata: <meta>, <link>, <html lang>, <title>, scripts, h1/h2."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.lang: str | None = None
        self.title: str | None = None
        self.ld_json: list[str] = []
        self.app_json: list[str] = []
        self.headings: list[str] = []
        self._in: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:  # the first of a kind wins
                self.meta[key] = a["content"].strip()
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href") or None
        elif tag == "html":
            self.lang = a.get("lang") or a.get("xml:lang") or None
        elif tag == "script":
            kind = a.get("type", "").lower()
            if kind == "application/ld+json":
                self._start("ld")
            elif kind == "application/json" or a.get("id", "").startswith("__N"):
                self._start("app")
        elif tag in ("title", "h1", "h2") and self._in is None:
            self._start(tag)

    def _start(self, what: str) -> None:
        self._in, self._buf = what, []

    def handle_endtag(self, tag: str) -> None:
        if self._in is None or tag != {"ld": "script", "app": "script"}.get(self._in, self._in):
            return
        text = "".join(self._buf)
        if self._in == "ld":
            self.ld_json.append(text)
        elif self._in == "app":
            self.app_json.append(text)
        elif self._in == "title":
            self.title = self.title or _squash(text) or None  # svg titles come later
        elif _squash(text):
            self.headings.append(_squash(text))
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._buf.append(data)


def read_page(text: str) -> Page:
    """Everything the page's own metadata says, merged in order of trust."""
    head = _HeadCollector()
    head.feed(text)
    head.close()
    nodes = [n for blob in head.ld_json for n in _typed_nodes(_loads(blob))]
    ld_meta, ld_items, ld_site = _from_json_ld(nodes)
    embedded = _dedupe(item for blob in head.app_json for item in _episode_like(_loads(blob)))
    names = [ld_site, head.meta.get("og:site_name"), head.meta.get("application-name")]
    site_names = [n for n in names if n]
    site = site_names[0] if site_names else None
    meta = ld_meta or PageMeta()
    meta.fill(_from_meta_tags(head.meta))
    items = ld_items if len(ld_items) > 1 else embedded if len(embedded) > 1 else []
    if len(embedded) == 1:
        meta.fill(embedded[0])
    meta.fill(
        PageMeta(url=head.canonical, language=_language(head.lang), title=head.title, show=site)
    )
    page = Page(
        meta=meta,
        items=items,
        headings=head.headings,
        site=site,
        typed=ld_meta is not None or bool(embedded),
        recording=any(_types(n) & _EPISODE_TYPES for n in nodes),
        site_names=site_names,
    )
    meta.title, rest = clean_title(meta.title, page.headings, site, meta.url)
    if meta.show is None and rest:
        meta.show = page.site = rest  # "Title | Name": the other part names the site or show
    for meta in (page.meta, *page.items):
        meta.clean()
    return page


# --------------------------------------------------------------------------- JSON-LD


def _loads(blob: str) -> Any:
    blob = blob.strip().removeprefix("<!--").removesuffix("-->").strip()
    try:
        return json.loads(blob, strict=False)  # strict=False: raw newlines inside strings
    except ValueError:
        return None


def _typed_nodes(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every dict with an @type, through lists, @graph and nested values (bounded)."""
    if depth > 8:
        return
    if isinstance(data, list):
        for item in data[:500]:
            yield from _typed_nodes(item, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            yield data
        for key, value in data.items():
            if isinstance(value, dict | list) and key not in ("publisher", "author", "image"):
                yield from _typed_nodes(value, depth + 1)


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.casefold() for k in kinds if isinstance(k, str)}


def _from_json_ld(
    nodes: list[dict[str, Any]],
) -> tuple[PageMeta | None, list[PageMeta], str | None]:
    """(the page's episode or article, the episodes when several, the site's name)."""
    episodes = [_ld_meta(n) for n in nodes if _types(n) & _EPISODE_TYPES]
    articles = [_ld_meta(n) for n in nodes if _types(n) & _ARTICLE_TYPES]
    pages = [_ld_meta(n) for n in nodes if _types(n) & _PAGE_TYPES]
    site = next((_text(n.get("name")) for n in nodes if _types(n) & _SITE_TYPES), None)
    episodes = _dedupe(e for e in episodes if e.title)
    main = episodes[0] if episodes else articles[0] if articles else None
    if main is not None:
        for extra in articles[:1] + pages[:1]:
            extra.title = None  # a WebPage "name" is often a section label, not the title
            main.fill(extra)
    elif pages:
        main = pages[0]
        main.title = None
    return main, episodes if len(episodes) > 1 else [], site


def _ld_meta(node: dict[str, Any]) -> PageMeta:
    published = node.get("datePublished") or node.get("uploadDate")
    when, wording = parse_date(published)
    series = node.get("partOfSeries") or node.get("partOfTVSeries") or node.get("isPartOf")
    media = node.get("associatedMedia") or node.get("audio") or node.get("video")
    if isinstance(media, list):
        media = media[0] if media else None
    audio = _text(media.get("contentUrl")) if isinstance(media, dict) else _text(media)
    if not audio and _types(node) & {"audioobject", "videoobject"}:
        audio = _text(node.get("contentUrl"))
    return PageMeta(
        title=_text(node.get("name")) or _text(node.get("headline")),
        show=_text(series.get("name")) if isinstance(series, dict) else None,
        published=when,
        published_text=wording,
        duration=parse_duration(_text(node.get("duration")) or _text(node.get("timeRequired"))),
        url=_text(node.get("url")) or None,
        audio=audio or None,
        description=_text(node.get("description")) or None,
        language=_language(node.get("inLanguage")),
        author=_name(node.get("author")),
        image=_name(node.get("image"), key="url"),
    )


# --------------------------------------------------------------------------- meta tags


def _from_meta_tags(meta: dict[str, str]) -> PageMeta:
    def first(*keys: str) -> str | None:
        return next((meta[k] for k in keys if meta.get(k)), None)

    when, wording = parse_date(first("article:published_time", "datepublished", "date"))
    seconds = first("music:duration", "video:duration", "og:audio:duration")
    return PageMeta(
        title=first("og:title", "twitter:title"),
        show=first("og:site_name"),
        published=when,
        published_text=wording,
        duration=parse_duration(seconds) if seconds else None,
        url=first("og:url"),
        audio=first("og:audio", "og:audio:url", "og:audio:secure_url", "og:video", "og:video:url"),
        description=first("og:description", "twitter:description", "description"),
        language=_language(first("og:locale", "content-language")),
        author=first("author", "article:author"),
        image=first("og:image", "twitter:image"),
    )


# --------------------------------------------------------------------------- embedded data


def _episode_like(data: Any) -> Iterator[PageMeta]:
    """Dicts in app data that look like episodes: a title plus two of audio, duration and
    publication date. Matched dicts are not searched further."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    seen = 0
    while stack and seen < _MAX_NODES:
        node, depth = stack.pop()
        seen += 1
        if depth > _MAX_DEPTH:
            continue
        if isinstance(node, dict):
            found = _as_episode(node)
            if found is not None:
                yield found
                continue
            stack.extend((v, depth + 1) for v in reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in reversed(node))


def _as_episode(node: dict[str, Any]) -> PageMeta | None:
    title = next((node[k] for k in _TITLE_KEYS if isinstance(node.get(k), str)), None)
    if not title or not title.strip() or len(title) > _MAX_TITLE:
        return None
    when = wording = duration = audio = url = None
    for key, value in node.items():
        low = key.casefold()
        if low in _DATE_KEYS and when is None:
            when, wording = parse_date(value)
        elif low in _DURATION_KEYS and duration is None:
            duration = _seconds(value, in_ms="ms" in low)
        elif any(h in low for h in _AUDIO_HINTS) and _is_url(value) and audio is None:
            audio = value
        elif low in _LINK_KEYS and _is_url(value) and url is None:
            url = value
    if sum(x is not None for x in (when, duration, audio)) < 2:
        return None
    description = next((node[k] for k in ("description", "summary") if node.get(k)), None)
    return PageMeta(
        title=_squash(html.unescape(title)),
        published=when,
        published_text=wording,
        duration=duration,
        url=url,
        audio=audio,
        description=strip_tags(description) if isinstance(description, str) else None,
    )


def _seconds(value: Any, in_ms: bool) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str):
        seconds = parse_duration(value) or 0.0
    else:
        return None
    if in_ms or seconds > _MS_DURATION:
        seconds /= 1000
    return round(seconds, 3) if seconds > 0 else None


def _dedupe(items: Iterator[PageMeta] | list[PageMeta]) -> list[PageMeta]:
    """One entry per title: app data repeats an episode in several places (lists, player)."""
    kept: dict[str, PageMeta] = {}
    for item in items:
        key = fold(item.title)
        if key in kept:
            kept[key].fill(item)
        else:
            kept[key] = item
    return list(kept.values())


# --------------------------------------------------------------------------- values


def parse_date(value: Any) -> tuple[datetime | None, str | None]:
    """An instant from an ISO string, a date in words or a Unix time (s or ms); UTC if naive."""
    if isinstance(value, bool) or value is None:
        return None, None
    if isinstance(value, int | float):
        stamp = value / 1000 if value > 1e11 else value
        if not 1e8 < stamp < 1e10:
            return None, None
        return datetime.fromtimestamp(stamp, tz=UTC), None
    if not isinstance(value, str) or not value.strip():
        return None, None
    text = value.strip()
    when: datetime | None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        found = find_absolute(text)
        when = found.when if found else None
    if when is None:
        return None, None
    return (when if when.tzinfo else when.replace(tzinfo=UTC)), text


def clean_title(
    title: str | None, headings: list[str], site: str | None, url: str | None = None
) -> tuple[str | None, str | None]:
    """A page title without the site's name, and that name when only two parts were left:
    the part that is also a heading of the page, or the title without a part naming the
    site. The site is named by `site` (its metadata), or by a part that is the address's
    domain ("Disfunctions.de", "seelenradio" on www.seelenradio.de): such a part is never
    the title, though the logo's heading repeats it."""
    if not title:
        return None, None
    title = _squash(title)
    parts = [p.strip() for p in _TITLE_SPLIT.split(title) if p.strip()]
    if len(parts) < 2:
        return title, None
    named = [_names_site(p, site, url) for p in parts]
    heads = {fold(h) for h in headings}
    for i, part in enumerate(parts):
        if fold(part) in heads and not named[i]:
            others = parts[:i] + parts[i + 1 :]
            return part, others[0] if len(others) == 1 else None
    site_key = fold(site)
    separators = list(_TITLE_SPLIT.finditer(title))
    if named[-1] or (site_key and (fold(parts[-1]) in site_key or site_key in fold(parts[-1]))):
        return title[: separators[-1].start()].strip(), None
    if named[0]:  # "Site » Section » Title": the title follows the trail's last step
        first = separators[0].group().strip()
        steps = [m for m in separators if m.group().strip() == first] if first in _TRAIL else []
        rest = title[(steps or separators)[-1 if steps else 0].end() :].strip()
        return rest, parts[0] if len(parts) == 2 else None
    return title, None


_TRAIL = {"»", "›", ">", "/", ">>", "::"}  # separators of a trail of sections, not of a title
_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}", re.IGNORECASE)


def _names_site(part: str, site: str | None, url: str | None) -> bool:
    """Whether a part of the page's title is the site's name: its metadata's, its domain name
    written out, or the name of its address's host."""
    key = fold(part)
    if site and key == fold(site):
        return True
    if _DOMAIN.fullmatch(part) and " " not in part:
        return True
    host = urlsplit(url).hostname if url and "://" in url else None
    if not host:
        return False
    labels = host.removeprefix("www.").split(".")
    name = labels[-2] if len(labels) >= 2 else labels[0]
    return len(name) >= 3 and re.sub(r"[\W_]", "", key) == name.replace("-", "")


def strip_tags(text: str) -> str:
    text = re.sub(r"(?i)<br\s*/?>|</p>", "\n", text)
    lines = (_squash(html.unescape(line)) for line in _TAGS.sub("", text).splitlines())
    return "\n".join(line for line in lines if line)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _text(value: Any) -> str:
    return _squash(html.unescape(value)) if isinstance(value, str) else ""


def _name(value: Any, key: str = "name") -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get(key)
    return _text(value) or None


def _language(value: Any) -> str | None:
    code = _name(value, key="alternateName") or _name(value)
    if not code or not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", code):
        return None
    return code.split("-")[0].split("_")[0].lower()


def _is_url(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))
