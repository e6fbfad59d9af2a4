"""Episode identity keys and the merging of readings: what readers (a page that lists an
episode twice, an id for each episode read) and the archive both need. Matching readings
by content is `dedupe`'s.

Keys, strongest first: guid, episode URL, the URL of a transcript or chapters file a feed
item links to (strong), then show + normalised title, a linked file's name, an abstract
fingerprint (weak). `merge()` folds the readings of one episode into one: the richest
abstract, the union of chapters (aligned on start time), quotes and tags, the transcript
from whichever source has one, the title of a source that had a real one, and every source
kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import TypeVar

from castdigest.models import Chapter, Episode, Person
from castdigest.text.normalize import fold, norm_url

T = TypeVar("T")

_BODY_CHARS = 400  # enough of an abstract to tell episodes apart, short enough to survive edits
STRONG_PREFIXES = ("guid:", "url:", "link:")
_GENERIC_STEMS = frozenset(
    {"transcript", "transcripts", "captions", "subtitles", "chapters", "index", "episode", "ep"}
)

# --------------------------------------------------------------------------- keys


def keys(episode: Episode) -> list[str]:
    return list(dict.fromkeys(_keys(episode)))


def _keys(episode: Episode) -> Iterator[str]:
    """The keys, strongest first (lazily: an id needs only the first)."""
    if episode.guid:
        yield "guid:" + episode.guid.strip()
    yield from ("url:" + u for u in map(norm_url, episode.urls) if u)
    yield from ("link:" + u for u in map(norm_url, _linked_urls(episode)) if u)
    title = fold(episode.title)
    if title and not _weak_title(episode):  # "example.vtt" and "example.json" are not one
        yield f"title:{fold(episode.show)}|{title}"
    yield from ("file:" + name for name in _linked_files(episode))
    # fold() is per character: fold a prefix that surely yields _BODY_CHARS folded characters.
    body = fold((episode.abstract or "")[: _BODY_CHARS * 3 // 2])[:_BODY_CHARS]
    if len(body) >= 80:
        yield "body:" + hashlib.sha1(body.encode()).hexdigest()[:16]


def is_strong(key: str) -> bool:
    return key.startswith(STRONG_PREFIXES)


def _linked_urls(ep: Episode) -> Iterable[str]:
    """URLs of transcript/chapters files: those the episode links to, or was read from."""
    yield from (link.url for link in [*ep.transcript_links, *ep.chapters_links])
    if ep.transcript and ep.transcript.url:
        yield ep.transcript.url
    for src in ep.sources:
        if src.linked_file and src.location.startswith(("http://", "https://")):
            yield src.location


def _linked_files(ep: Episode) -> list[str]:
    """Distinctive file names of linked files, so a local copy finds the item linking to it."""
    names = [link.url for link in [*ep.transcript_links, *ep.chapters_links]]
    names += [s.location for s in ep.sources if s.linked_file]
    out = []
    for name in names:
        base = name.split("?", 1)[0].replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].lower()
        stem = base.rsplit(".", 1)[0]
        if len(stem) >= 6 and stem not in _GENERIC_STEMS and any(c.isdigit() for c in stem):
            out.append(base)
    return out


def episode_id(episode: Episode) -> str:
    """A stable id derived from the strongest key: 12 hex digits."""
    first = next(_keys(episode), None) or "content:" + episode.content_hash()
    return hashlib.sha1(first.encode()).hexdigest()[:12]


# --------------------------------------------------------------------------- matching

# --------------------------------------------------------------------------- merging


def _weak_title(ep: Episode) -> bool:
    """Whether the episode's title is only a file name (see `Profile.weak_title`)."""
    return bool(ep.sources) and all(s.file_title for s in ep.sources)


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


def _same_chapter(x: Chapter, y: Chapter) -> bool:
    if x.start is not None and y.start is not None:
        return abs(x.start - y.start) <= 2.0
    return bool(fold(x.title)) and fold(x.title) == fold(y.title)


def _chapters(a: list[Chapter], b: list[Chapter]) -> list[Chapter]:
    """Union aligned on start time: one chapter from two sources keeps both's details."""
    out = list(a)
    for ch in b:
        i = next((i for i, mine in enumerate(out) if _same_chapter(mine, ch)), None)
        if i is None:
            out.append(ch)
            continue
        mine = out[i]
        upd = {f: getattr(ch, f) for f in ("start", "end", "url", "image", "summary")}
        upd = {f: v for f, v in upd.items() if getattr(mine, f) is None and v is not None}
        if not mine.title and ch.title:
            upd["title"] = ch.title
        upd["quotes"] = _union(mine.quotes, ch.quotes, key=lambda q: fold(q.text))
        upd["hidden"] = mine.hidden and ch.hidden
        out[i] = mine.model_copy(update=upd)
    if all(c.start is not None for c in out):
        out.sort(key=lambda c: c.start or 0.0)
    return out


def merge(episodes: Sequence[Episode]) -> Episode:
    """Merge readings of one episode, the first taken as the base, keeping the richest fields.

    Scalars: the first known value (longest for text); chapters, quotes, tags, people,
    sources and reasons for doubt: unions; the transcript with the most turns.
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
    if b.guid and not a.guid:
        # A feed item knows its own date and length; a page's "3 days ago" or a transcript's
        # last cue only approximate them.
        for field in ("published", "published_text", "duration"):
            if getattr(b, field) is not None:
                upd[field] = getattr(b, field)
    upd["title"] = b.title if (_weak_title(a) and not _weak_title(b)) else (a.title or b.title)
    upd["abstract"] = _richer(a.abstract, b.abstract)
    upd["hosts"] = _people(a.hosts, b.hosts)
    upd["guests"] = _people(a.guests, b.guests)
    upd["people"] = _people(a.people, b.people)
    upd["urls"] = _union(a.urls, b.urls, key=norm_url)
    upd["caption_languages"] = _union(a.caption_languages, b.caption_languages)
    upd["questions"] = _union(a.questions, b.questions, key=fold)
    upd["chapters"] = _chapters(a.chapters, b.chapters)
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
    upd["review_reasons"] = _union(a.review_reasons, b.review_reasons)  # a doubt stays said
    upd["sources"] = _union(
        a.sources, b.sources, key=lambda s: (s.location, s.position, s.content_hash)
    )
    return a.model_copy(update=upd)
