"""Deep links to a moment of an episode: the platform's own form when known, else `#t=`."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_YOUTUBE = ("youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com")


def deep_link(url: str | None, offset: float | None) -> str | None:
    """`url` pointing at `offset` seconds: YouTube `?t=1041`, Vimeo `#t=1041s`, else `#t=1041`.

    None without an http(s) url; the url itself without an offset.
    """
    if not url or offset is None:
        return url if url and _is_http(url) else None
    if not _is_http(url):
        return None
    seconds = max(0, int(offset))
    parts = urlsplit(url)
    host = parts.netloc.lower()
    if host in _YOUTUBE or host == "youtu.be":
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "t"]
        query.append(("t", str(seconds)))
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    if host.endswith("vimeo.com"):
        return urlunsplit((*parts[:4], f"t={seconds}s"))
    return urlunsplit((*parts[:4], f"t={seconds}"))


def media_url(urls: list[str]) -> str | None:
    """The url a deep link should use: a video platform's first, else the first http(s) one."""
    web = [u for u in urls if _is_http(u)]
    for url in web:
        host = urlsplit(url).netloc.lower()
        if host in _YOUTUBE or host == "youtu.be" or host.endswith("vimeo.com"):
            return url
    return web[0] if web else None


def _is_http(url: str) -> bool:
    return urlsplit(url).scheme.lower() in {"http", "https"}
