"""Episode identity and merging: one episode from many sources.

`keys()` lists the identities an episode is known by, strongest first (guid, url, show +
normalised title, body fingerprint); the archive matches a newly read episode on them.
`merge()` folds several readings of one episode into the richest single Episode.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from castdigest.models import Episode, Person
from castdigest.text.normalize import fold, norm_url

T = TypeVar("T")

_BODY_CHARS = 400  # enough of an abstract to tell episodes apart, short enough to survive edits


def keys(episode: Episode) -> list[str]:
    out: list[str] = []
    if episode.guid:
        out.append("guid:" + episode.guid.strip())
    out += ["url:" + norm_url(u) for u in episode.urls if norm_url(u)]
    title = fold(episode.title)
    if title:
        out.append(f"title:{fold(episode.show)}|{title}")
    body = fold(episode.abstract)[:_BODY_CHARS]
    if len(body) >= 80:
        out.append("body:" + hashlib.sha1(body.encode()).hexdigest()[:16])
    return list(dict.fromkeys(out))


def episode_id(episode: Episode) -> str:
    """A stable id derived from the strongest key: 12 hex digits."""
    ks = keys(episode) or ["content:" + episode.content_hash()]
    return hashlib.sha1(ks[0].encode()).hexdigest()[:12]


def _richer(a: str | None, b: str | None) -> str | None:
    if not a:
        return b
    if not b:
        return a
    return b if len(b) > len(a) else a


def _union(
    items: Sequence[T], more: Sequence[T], key: Callable[[T], Hashable] | None = None
) -> list[T]:
    seen: set[Hashable] = set()
    out: list[T] = []
    for item in [*items, *more]:
        k = key(item) if key else item
        if k in seen:
            continue
        seen.add(k)
        out.append(item)
    return out


def _people(a: list[Person], b: list[Person]) -> list[Person]:
    merged: dict[str, Person] = {}
    for p in [*a, *b]:
        k = fold(p.name)
        if k in merged:
            old = merged[k]
            merged[k] = old.model_copy(
                update={f: getattr(p, f) for f in Person.model_fields if getattr(old, f) is None}
            )
        else:
            merged[k] = p
    return list(merged.values())


def merge(episodes: Sequence[Episode]) -> Episode:
    """Merge readings of one episode, the first taken as the base, keeping the richest fields.

    Scalars: the first known value (longest for text); lists: the longer list when they
    describe the same thing (chapters, transcript), union otherwise (tags, quotes, sources).
    """
    if not episodes:
        raise ValueError("merge() needs at least one episode")
    out = episodes[0]
    for ep in episodes[1:]:
        out = _merge_two(out, ep)
    return out


def _merge_two(a: Episode, b: Episode) -> Episode:
    upd: dict[str, object] = {}
    for field in (
        "kind",
        "show",
        "guid",
        "published",
        "published_text",
        "duration",
        "language",
        "image",
        "season",
        "number",
        "audience",
        "first_seen",
    ):
        if getattr(a, field) is None and getattr(b, field) is not None:
            upd[field] = getattr(b, field)
    upd["title"] = a.title or b.title
    upd["abstract"] = _richer(a.abstract, b.abstract)
    upd["hosts"] = _people(a.hosts, b.hosts)
    upd["guests"] = _people(a.guests, b.guests)
    upd["people"] = _people(a.people, b.people)
    upd["urls"] = _union(a.urls, b.urls, key=norm_url)
    upd["caption_languages"] = _union(a.caption_languages, b.caption_languages)
    upd["questions"] = _union(a.questions, b.questions, key=fold)
    upd["chapters"] = a.chapters if len(a.chapters) >= len(b.chapters) else b.chapters
    upd["quotes"] = _union(a.quotes, b.quotes, key=lambda q: fold(q.text))
    upd["takeaways"] = a.takeaways if len(a.takeaways) >= len(b.takeaways) else b.takeaways
    upd["entities"] = _union(a.entities, b.entities, key=lambda e: fold(e.name))
    upd["tags"] = _union(a.tags, b.tags, key=str.casefold)
    if a.transcript is None or (
        b.transcript is not None and len(b.transcript.segments) > len(a.transcript.segments)
    ):
        upd["transcript"] = b.transcript
    upd["transcript_links"] = _union(a.transcript_links, b.transcript_links, key=lambda x: x.url)
    upd["chapters_links"] = _union(a.chapters_links, b.chapters_links, key=lambda x: x.url)
    upd["sources"] = _union(
        a.sources, b.sources, key=lambda s: (s.location, s.position, s.content_hash)
    )
    return a.model_copy(update=upd)
