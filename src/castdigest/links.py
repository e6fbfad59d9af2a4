"""Where to listen to an episode, and links to a moment of it.

An episode's address is, in order: the first page among its links (the feed item's link, the
page's canonical URL, the URL its front matter or yt-dlp gave), then a video or podcast page
among the places it was read from, then an audio or video file (an RSS enclosure). An episode
with none of these has no address: nothing is made up.

A link points at a moment only on sites known to take a start time (data/links.toml); any
other link stays as it is and the moment gets no link.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from castdigest.models import Episode
from castdigest.text.durations import format_duration

UNSAFE_URL_CHARS = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")


@dataclass(frozen=True)
class TimeLink:
    """How one kind of link takes a start time: a query parameter or the fragment."""

    hosts: tuple[str, ...]
    media_files: bool
    query: str | None
    value: str
    fragment: str | None


@dataclass(frozen=True)
class LinkData:
    listen_hosts: tuple[str, ...]
    media_extensions: frozenset[str]
    time_links: tuple[TimeLink, ...]


@lru_cache(maxsize=1)
def link_data() -> LinkData:
    text = resources.files("castdigest").joinpath("data/links.toml").read_text("utf-8")
    raw: dict[str, Any] = tomllib.loads(text)
    rows = tuple(
        TimeLink(
            hosts=tuple(h.lower() for h in row.get("hosts", [])),
            media_files=bool(row.get("media_files", False)),
            query=row.get("query"),
            value=row.get("value", "{s}"),
            fragment=row.get("fragment"),
        )
        for row in raw.get("time_links", [])
    )
    return LinkData(
        listen_hosts=tuple(h.lower() for h in raw.get("listen_hosts", [])),
        media_extensions=frozenset(e.lower() for e in raw.get("media_extensions", [])),
        time_links=rows,
    )


def web_url(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL that cannot break out of an attribute."""
    return _web_url(url) if url else None


@lru_cache(maxsize=4096)
def _web_url(url: str) -> str | None:
    # Cached: a render asks about each of its links several times (item, quotes, chapters).
    url = url.strip()
    if len(url) > 2048 or UNSAFE_URL_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _on(host: str, hosts: tuple[str, ...]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def is_media_file(url: str) -> bool:
    """An audio or video file (by the extension of its path), not a page."""
    path = urlsplit(url).path.lower()
    return "." in path.rsplit("/", 1)[-1] and path.rsplit(".", 1)[-1] in (
        link_data().media_extensions
    )


def is_listen_page(url: str) -> bool:
    """A page on a video or podcast site (data/links.toml `listen_hosts`)."""
    return _on(_host(url), link_data().listen_hosts)


def listen_url(episode: Episode) -> str | None:
    """The episode's own page or audio, or None when no address is known."""
    links = [u for u in map(web_url, episode.urls) if u]
    pages = [u for u in links if not is_media_file(u)]
    if pages:
        return pages[0]
    found = [u for u in (web_url(s.location) for s in episode.sources) if u]
    players = [u for u in found if is_listen_page(u)]
    if players:
        return players[0]
    return links[0] if links else None


@lru_cache(maxsize=1024)  # asked for each takeaway and quote of an item, of every reader's email
def _time_link(url: str) -> TimeLink | None:
    host = _host(url)
    media = is_media_file(url)
    for row in link_data().time_links:
        if (row.media_files and media) or _on(host, row.hosts):
            return row
    return None


def _fill(template: str, seconds: int) -> str:
    return template.replace("{s}", str(seconds)).replace("{ms}", format_duration(seconds))


def takes_time(url: str | None) -> bool:
    """Whether links to this URL can point at a moment."""
    url = web_url(url)
    return url is not None and _time_link(url) is not None


def deep_link(url: str | None, offset: float | None) -> str | None:
    """`url` opened at `offset` seconds, in the form its site takes (YouTube `?t=1041`, Vimeo
    `#t=1041s`, an audio file `#t=1041`); None for an unknown site or without an offset."""
    url = web_url(url)
    if url is None or offset is None:
        return None
    row = _time_link(url)
    if row is None:
        return None
    seconds = max(0, int(offset))
    parts = urlsplit(url)
    if row.query:
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
        query = [(k, v) for k, v in query if k != row.query]
        query.append((row.query, _fill(row.value, seconds)))
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    if row.fragment:
        return urlunsplit((*parts[:4], _fill(row.fragment, seconds)))
    return None
