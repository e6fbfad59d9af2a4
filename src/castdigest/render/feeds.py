"""One feed per topic, plus `all`: RSS 2.0 and Atom (feedgen), JSON Feed 1.1, and an OPML list.

A feed carries history: the last `feeds.items` items across the digest being published and
the earlier ones passed in `history` (the caller reads them from the archive), newest digest
first and, within a digest, in section and rank order. Each episode appears once per feed,
with the guid `urn:castdigest:<feed-slug>:<episode-id>`, which never changes and differs
between feeds (readers dedupe on it). `lastBuildDate`/`updated` is the digest's `built_at`, so
rebuilding the same digest gives the same bytes.

An item links to the episode itself (where to listen, castdigest.links) and, in its content,
to the item in the web version of its issue; an episode with no known address links to that
issue only. An item is dated by its source, else by its digest (`built_at`): the day
castdigest read an undated page is not the day it came out.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import quoteattr

import nh3
from feedgen.feed import FeedGenerator

from castdigest.config import Settings
from castdigest.models import Digest, DigestItem, DigestSection
from castdigest.render.phrases import phrases
from castdigest.render.templates import render
from castdigest.render.view import (
    FeedLink,
    clean_digest,
    feed_links,
    feed_path,
    item_view,
    safe_name,
    safe_url,
    site_link,
)
from castdigest.text.slugs import slugify

FORMATS = ("rss", "atom", "json")
ALL = "all"
_MEDIA_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
_FEED_TAGS = {"p", "ul", "li", "blockquote", "a", "br", "strong", "em"}


@dataclass(frozen=True)
class FeedItem:
    digest: Digest
    section: DigestSection
    item: DigestItem


@dataclass(frozen=True)
class FeedInfo:
    slug: str
    name: str  # the topic's name ("Everything" for `all`)
    title: str
    description: str
    home: str  # absolute URL of the site


def guid(feed_slug: str, episode_id: str) -> str:
    return f"urn:castdigest:{feed_slug}:{slugify(episode_id, max_len=120)}"


def _newest_first(digest: Digest, history: Sequence[Digest]) -> list[Digest]:
    seen = {digest.id}
    older = []
    for d in history:
        if d.id not in seen:
            seen.add(d.id)
            older.append(d)
    older.sort(key=lambda d: (d.until, d.since, d.id), reverse=True)
    return [digest, *older]


def collect(
    digest: Digest, history: Sequence[Digest], topic: str | None, limit: int
) -> list[FeedItem]:
    """The feed's items in their explicit order; `topic=None` is the `all` feed."""
    out: list[FeedItem] = []
    seen: set[str] = set()
    for d in _newest_first(digest, history):
        for section in d.sections:
            if topic is not None and slugify(section.topic) != topic:
                continue
            for item in sorted(section.items, key=lambda i: i.rank):
                if item.episode_id not in seen:
                    seen.add(item.episode_id)
                    out.append(FeedItem(d, section, item))
    return out[:limit]


def sanitize(html: str) -> str:
    """Feed HTML: a few structural tags, http(s) links only, nothing executable."""
    return nh3.clean(
        html,
        tags=_FEED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer",
    ).strip()


def text_html(text: str) -> str:
    """Plain text as HTML for a field feed readers render as HTML (RSS `<description>`): the
    text is HTML-escaped here and XML-escaped by the serialiser, so markup in a source's
    text arrives as text, never as elements. Sanitised too, so the output is only ever text."""
    return sanitize(html.escape(text, quote=False))


def _item_html(entry: FeedItem, settings: Settings) -> str:
    view = item_view(entry.item, entry.section, settings)
    html = render(
        settings,
        "site/feed_item.html.j2",
        item=view,
        words=phrases(settings.newsletter.language),
        name=settings.newsletter.name,
        issue=entry.digest.id,
        issue_url=_issue_link(entry, settings),
    )
    return sanitize(html)


def _issue_link(entry: FeedItem, settings: Settings) -> str:
    """The item in the web version of its issue."""
    anchor = "ep-" + slugify(entry.item.episode_id, max_len=40)
    return site_link(settings, f"{safe_name(entry.digest.id)}/#{anchor}")


def _item_link(entry: FeedItem, settings: Settings) -> str:
    """The episode itself when its address is known, else the item in its issue."""
    return safe_url(entry.item.url) or _issue_link(entry, settings)


def _published(entry: FeedItem) -> datetime:
    return entry.item.published or entry.digest.built_at


def _categories(entry: FeedItem) -> list[str]:
    cats = [entry.section.name, *entry.item.tags]
    return list(dict.fromkeys(c.strip() for c in cats if c.strip()))


def _generator(
    info: FeedInfo, fmt: str, entries: list[FeedItem], digest: Digest, settings: Settings
) -> FeedGenerator:
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    self_url = site_link(settings, feed_path(info.slug, fmt))
    fg.id(self_url)
    fg.title(info.title)
    # RSS <description> is HTML to feed readers; Atom <subtitle> and <summary> are type text.
    rss = fmt == "rss"
    fg.subtitle(text_html(info.description) if rss else info.description)
    fg.link(href=self_url, rel="self", type=_MEDIA_TYPES[fmt])
    fg.link(href=info.home, rel="alternate")  # last: feedgen uses the last link for RSS <link>
    fg.language(settings.newsletter.language)
    fg.author({"name": settings.newsletter.name})
    fg.generator("castdigest")
    fg.category(term=info.slug, label=info.title)
    fg.lastBuildDate(digest.built_at)
    fg.updated(digest.built_at)
    for entry in entries:
        fe = fg.add_entry(order="append")
        fe.guid(guid(info.slug, entry.item.episode_id), permalink=False)
        fe.title(" ".join(entry.item.title.split()) or "(untitled)")
        fe.link(href=_item_link(entry, settings), rel="alternate")
        summary = entry.item.condensed.blurb.strip() or entry.item.title
        fe.summary(text_html(summary) if rss else summary)  # also the RSS <description>
        fe.content(_item_html(entry, settings), type="html")
        fe.published(_published(entry))
        fe.updated(_published(entry))
        for cat in _categories(entry):
            fe.category(term=cat)
        if entry.item.show:
            fe.author({"name": entry.item.show})
            fe.dc.dc_creator(entry.item.show)
    return fg


def json_feed(info: FeedInfo, entries: list[FeedItem], digest: Digest, settings: Settings) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1), keys in a fixed order."""
    items = []
    for entry in entries:
        item = entry.item
        data: dict[str, object] = {
            "id": guid(info.slug, item.episode_id),
            "url": _item_link(entry, settings),
            "title": " ".join(item.title.split()) or "(untitled)",
            "content_html": _item_html(entry, settings),
            "summary": item.condensed.blurb.strip() or item.title,
            "date_published": _published(entry).isoformat(),
            "tags": _categories(entry),
        }
        if item.show:
            data["authors"] = [{"name": item.show}]
        if item.language:
            data["language"] = item.language
        items.append(data)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": info.title,
        "home_page_url": info.home,
        "feed_url": site_link(settings, feed_path(info.slug, "json")),
        "description": info.description,
        "language": settings.newsletter.language,
        "authors": [{"name": settings.newsletter.name}],
        "items": items,
    }
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode()


def feed_infos(digest: Digest, settings: Settings, history: Sequence[Digest]) -> list[FeedInfo]:
    """Every topic feed: config topics first, then topics only the digests know; then `all`."""
    name = settings.newsletter.name
    described = {slugify(t.slug): t.description for t in settings.topics}
    for d in _newest_first(digest, history):
        for s in d.sections:
            described.setdefault(slugify(s.topic), s.description or "")
    links = [link for link in feed_links(digest, settings) if link.slug != ALL]
    known = {link.slug for link in links}
    for d in _newest_first(digest, history):
        for s in d.sections:
            slug = slugify(s.topic)
            if slug not in known and slug != ALL:
                known.add(slug)
                links.append(FeedLink(s.name, slug, "", ""))
    home = site_link(settings)
    words = phrases(settings.newsletter.language)
    infos = [
        FeedInfo(
            link.slug,
            link.name,
            f"{name}: {link.name}",
            described.get(link.slug) or words.topic_feed.format(topic=link.name, name=name),
            home,
        )
        for link in links
    ]
    every = words.every_episode.format(name=name)
    infos.append(FeedInfo(ALL, words.everything, name, every, home))
    return infos


def render_feed(
    info: FeedInfo, fmt: str, digest: Digest, settings: Settings, history: Sequence[Digest]
) -> bytes:
    entries = collect(
        digest, history, None if info.slug == ALL else info.slug, settings.feeds.items
    )
    if fmt == "json":
        return json_feed(info, entries, digest, settings)
    fg = _generator(info, fmt, entries, digest, settings)
    out: bytes = fg.rss_str(pretty=True) if fmt == "rss" else fg.atom_str(pretty=True)
    return out


def opml(infos: Sequence[FeedInfo], digest: Digest, settings: Settings) -> bytes:
    """OPML 2.0 listing every feed (RSS), for importing all topics at once."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        f"    <title>{_text(settings.newsletter.name)} feeds</title>",
        f"    <dateCreated>{_rfc822(digest.built_at)}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for info in infos:
        url = site_link(settings, feed_path(info.slug, "rss"))
        lines.append(
            f'    <outline type="rss" text={quoteattr(info.title)} title={quoteattr(info.title)}'
            f" xmlUrl={quoteattr(url)} htmlUrl={quoteattr(info.home)}/>"
        )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines).encode()


def _text(value: str) -> str:
    return quoteattr(value)[1:-1]


def _rfc822(moment: datetime) -> str:
    from email.utils import format_datetime

    return format_datetime(moment)


def render_feeds(
    digest: Digest, settings: Settings, history: Sequence[Digest] = ()
) -> dict[str, bytes]:
    """Every feed file, keyed by its path under out/: `feeds/<slug>.<fmt>` and `feeds.opml`."""
    digest = clean_digest(digest)
    history = [clean_digest(d) for d in history]
    infos = feed_infos(digest, settings, history)
    files = {
        feed_path(info.slug, fmt): render_feed(info, fmt, digest, settings, history)
        for info in infos
        for fmt in FORMATS
    }
    files["feeds.opml"] = opml(infos, digest, settings)
    return files
