"""Deep links to a moment of an episode, in the form its site takes (castdigest.links)."""

from __future__ import annotations

from castdigest import links


def deep_link(url: str | None, offset: float | None) -> str | None:
    """`url` pointing at `offset` seconds: YouTube `?t=1041`, Vimeo `#t=1041s`, an audio file
    `#t=1041`; None for a site not known to take a start time (data/links.toml).

    None without an http(s) url; the url itself without an offset.
    """
    if offset is None:
        return links.web_url(url)
    return links.deep_link(url, offset)


def media_url(urls: list[str]) -> str | None:
    """The url a deep link should use: a video platform's that takes a start time first, then
    an audio or video file, else the first http(s) one."""
    web = [u for u in map(links.web_url, urls) if u]
    timed = [u for u in web if links.takes_time(u)]
    pages = [u for u in timed if not links.is_media_file(u)]
    best = pages or timed or web
    return best[0] if best else None
