"""`--follow-transcripts`: fetch the transcript and chapters files feed items point to.

For each episode with `transcript_links` (Podcasting 2.0 `podcast:transcript`) and no
transcript, the best-suited link is fetched (timed, speaker-labelled formats first) and read
with the registry's transcript readers; likewise the first `podcast:chapters` link. What is
already in the archive from the same URL is reused instead of fetched again. A link that fails
is a warning on its feed: the feed itself was read fine.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

from castdigest import dedupe
from castdigest.archive import Archive
from castdigest.errors import CastdigestError
from castdigest.models import Chapter, Episode, Link, Transcript
from castdigest.pipeline.fetch import as_document, fetch
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.chapters_json import load_chapters_json, parse_chapters
from castdigest.readers.registry import read_document

# Preferred first: timed with speakers, then timed, then plain.
_TRANSCRIPT_TYPES = (
    "application/json",
    "text/vtt",
    "application/x-subrip",
    "application/srt",
    "text/srt",
    "text/html",
    "text/plain",
)
_TRANSCRIPT_FORMATS = {"vtt", "srt", "transcript-json", "transcript-html", "text"}


def _rank(link: Link) -> int:
    kind = (link.type or "").split(";")[0].strip().lower()
    return _TRANSCRIPT_TYPES.index(kind) if kind in _TRANSCRIPT_TYPES else len(_TRANSCRIPT_TYPES)


def best_transcript_link(links: list[Link]) -> Link | None:
    """The link to fetch: captions (rel="captions") only when nothing else is offered."""
    if not links:
        return None
    full = [link for link in links if (link.rel or "").lower() != "captions"] or links
    return min(full, key=_rank)


def make_follower(
    archive: Archive, client: httpx.Client, max_bytes: int
) -> Callable[[list[Episode], list[str]], list[Episode]]:
    def follow(episodes: list[Episode], warnings: list[str]) -> list[Episode]:
        return [_follow_one(archive, client, max_bytes, ep, warnings) for ep in episodes]

    return follow


def _follow_one(
    archive: Archive, client: httpx.Client, max_bytes: int, ep: Episode, warnings: list[str]
) -> Episode:
    if ep.transcript is not None and (ep.chapters or not ep.chapters_links):
        return ep
    known = _known(archive, ep)
    upd: dict[str, object] = {}
    link = best_transcript_link(ep.transcript_links) if ep.transcript is None else None
    if link is not None:
        if known and known.transcript and known.transcript.url == link.url:
            upd["transcript"] = known.transcript
        else:
            transcript = _transcript(client, max_bytes, link, warnings)
            if transcript is not None:
                upd["transcript"] = transcript
    if not ep.chapters and ep.chapters_links:
        chapters = _chapters(client, max_bytes, ep.chapters_links[0], warnings)
        if chapters:
            upd["chapters"] = chapters
        elif known and known.chapters:
            upd["chapters"] = known.chapters
    return ep.model_copy(update=upd) if upd else ep


def _known(archive: Archive, ep: Episode) -> Episode | None:
    eid = archive.episodes.match(dedupe.keys(ep))
    return archive.episodes.get(eid) if eid else None


def _document(client: httpx.Client, max_bytes: int, url: str) -> Document:
    return as_document(url, fetch(client, url, max_bytes))


def _transcript(
    client: httpx.Client, max_bytes: int, link: Link, warnings: list[str]
) -> Transcript | None:
    try:
        doc = _document(client, max_bytes, link.url)
        ctx = ReadContext(as_of=datetime.now(UTC), language=link.language)
        fmt, episodes = read_document(doc, ctx)
    except CastdigestError as exc:
        warnings.append(f"transcript {link.url}: {exc.message}")
        return None
    found = episodes[0].transcript if episodes else None
    if fmt not in _TRANSCRIPT_FORMATS or found is None:
        warnings.append(f"transcript {link.url}: not a transcript (read as {fmt})")
        return None
    return found.model_copy(update={"url": link.url, "language": link.language})


def _chapters(
    client: httpx.Client, max_bytes: int, link: Link, warnings: list[str]
) -> list[Chapter]:
    try:
        doc = _document(client, max_bytes, link.url)
        return parse_chapters(load_chapters_json(doc.text, link.url), link.url)
    except CastdigestError as exc:
        warnings.append(f"chapters {link.url}: {exc.message}")
        return []
