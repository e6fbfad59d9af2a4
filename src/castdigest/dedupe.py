"""Episode identity and merging: one episode from many sources and formats.

Matching runs in three tiers, as a person would check:

1. `keys()`: exact identities, strongest first. Strong keys (guid, episode URL, the URL of a
   transcript or chapters file a feed item links to) match on sight. Weak keys (show +
   normalised title, a transcript's file name, an abstract fingerprint) match only when
   `compatible()` agrees: two items of one feed, or two episodes with different guids, are
   never the same episode however alike their titles.
2. `similarity()`: for an episode no key matched, content evidence against nearby candidates:
   the same core title (episode numbers and show prefixes stripped) within a few days, quotes
   of one found word for word in the other's transcript, or largely shared wording.
3. `merge()`: the readings of one episode folded into one: the richest abstract, the union of
   chapters (aligned on start time), quotes and tags, the transcript from whichever source has
   one, the title of a source that had a real one, and every source kept.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import timedelta
from typing import TypeVar

from castdigest.models import Chapter, Episode, Person
from castdigest.text.normalize import fold, norm_url

T = TypeVar("T")

_BODY_CHARS = 400  # enough of an abstract to tell episodes apart, short enough to survive edits
STRONG_PREFIXES = ("guid:", "url:", "link:")
# Readers whose episode title is the file name, not something the source said.
WEAK_TITLE_FORMATS = frozenset({"vtt", "srt", "transcript-json", "transcript-html"})
# Readers of files a feed item links to (transcripts, chapters).
LINKED_FORMATS = frozenset({"vtt", "srt", "transcript-json", "transcript-html", "chapters-json"})
_GENERIC_STEMS = frozenset(
    {"transcript", "transcripts", "captions", "subtitles", "chapters", "index", "episode", "ep"}
)
SIMILAR = 0.6  # similarity at or above which two episodes are one
_DAYS = timedelta(days=3)
_EP_PREFIX = re.compile(r"^(?:(?:episode|ep|folge|épisode|episodio|第)\s*)?#?\d+\s*(?:集)?\s*")
_SHINGLE = 5


# --------------------------------------------------------------------------- keys


def keys(episode: Episode) -> list[str]:
    out: list[str] = []
    if episode.guid:
        out.append("guid:" + episode.guid.strip())
    out += ["url:" + norm_url(u) for u in episode.urls if norm_url(u)]
    out += ["link:" + norm_url(u) for u in _linked_urls(episode) if norm_url(u)]
    title = fold(episode.title)
    if title and not _weak_title(episode):  # "example.vtt" and "example.json" are not one
        out.append(f"title:{fold(episode.show)}|{title}")
    out += ["file:" + name for name in _linked_files(episode)]
    # fold() is per character: fold a prefix that surely yields _BODY_CHARS folded characters.
    body = fold((episode.abstract or "")[: _BODY_CHARS * 3 // 2])[:_BODY_CHARS]
    if len(body) >= 80:
        out.append("body:" + hashlib.sha1(body.encode()).hexdigest()[:16])
    return list(dict.fromkeys(out))


def is_strong(key: str) -> bool:
    return key.startswith(STRONG_PREFIXES)


def _linked_urls(ep: Episode) -> Iterable[str]:
    """URLs of transcript/chapters files: those the episode links to, or was read from."""
    yield from (link.url for link in [*ep.transcript_links, *ep.chapters_links])
    if ep.transcript and ep.transcript.url:
        yield ep.transcript.url
    for src in ep.sources:
        if src.format in LINKED_FORMATS and src.location.startswith(("http://", "https://")):
            yield src.location


def _linked_files(ep: Episode) -> list[str]:
    """Distinctive file names of linked files, so a local copy finds the item linking to it."""
    names = [link.url for link in [*ep.transcript_links, *ep.chapters_links]]
    names += [s.location for s in ep.sources if s.format in LINKED_FORMATS]
    out = []
    for name in names:
        base = name.split("?", 1)[0].replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].lower()
        stem = base.rsplit(".", 1)[0]
        if len(stem) >= 6 and stem not in _GENERIC_STEMS and any(c.isdigit() for c in stem):
            out.append(base)
    return out


def episode_id(episode: Episode) -> str:
    """A stable id derived from the strongest key: 12 hex digits."""
    ks = keys(episode) or ["content:" + episode.content_hash()]
    return hashlib.sha1(ks[0].encode()).hexdigest()[:12]


# --------------------------------------------------------------------------- matching


def compatible(a: Episode, b: Episode) -> bool:
    """False when the two can't be one episode, whatever their titles or text say."""
    if a.guid and b.guid and a.guid.strip() != b.guid.strip():
        return False
    here = {(s.location, s.position) for s in a.sources}
    there = {(s.location, s.position) for s in b.sources}
    # Different items of one document are different episodes.
    shared_docs = {loc for loc, _ in here} & {loc for loc, _ in there}
    return not shared_docs or bool(here & there)


def similarity(a: Episode, b: Episode) -> float:
    """0..1: how sure we are that `a` and `b` are readings of one episode (see module doc)."""
    if not compatible(a, b):
        return 0.0
    if _same_title(a, b):
        return 1.0
    return max(_quotes_in_transcript(a, b), _quotes_in_transcript(b, a), _shared_wording(a, b))


def most_similar(episode: Episode, candidates: Iterable[tuple[str, Episode]]) -> str | None:
    """The id of the candidate most similar to `episode`, if at or above SIMILAR."""
    best: tuple[float, str] | None = None
    for eid, cand in candidates:
        score = similarity(episode, cand)
        if score >= SIMILAR and (best is None or score > best[0]):
            best = (score, eid)
    return best[1] if best else None


def _title_core(ep: Episode) -> str:
    title = fold(ep.title)
    show = fold(ep.show)
    if show and title.startswith(show + " "):
        title = title[len(show) + 1 :]
    return _EP_PREFIX.sub("", title).strip()


def _same_title(a: Episode, b: Episode) -> bool:
    if _weak_title(a) or _weak_title(b):
        return False
    ta, tb = _title_core(a), _title_core(b)
    if not ta or ta != tb or len(ta.split()) < 3:
        return False
    sa, sb = fold(a.show), fold(b.show)
    if sa and sb and not (sa in sb or sb in sa):
        return False
    return not (a.published and b.published and abs(a.published - b.published) > _DAYS)


def _quote_texts(ep: Episode) -> list[str]:
    quotes = [*ep.quotes, *(q for c in ep.chapters for q in c.quotes)]
    return [t for t in (fold(q.text) for q in quotes) if len(t.split()) >= 6]


def _quotes_in_transcript(a: Episode, b: Episode) -> float:
    """Share of `a`'s quotes that `b`'s transcript says word for word."""
    quotes = _quote_texts(a)
    if not quotes or b.transcript is None:
        return 0.0
    spoken = " " + fold(b.transcript.text) + " "
    hits = [q for q in quotes if f" {q} " in spoken]
    if len(hits) >= 2 or any(len(q.split()) >= 12 for q in hits):
        return len(hits) / len(quotes) if len(hits) / len(quotes) >= SIMILAR else SIMILAR
    return 0.0


def _shingles(text: str) -> set[int]:
    words = fold(text).split()[:20000]
    grams = (" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1))
    # Keep a quarter of the shingles, chosen by hash: containment estimates survive, cost drops.
    hashed = (int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest()) for g in grams)
    return {h for h in hashed if h % 4 == 0}


def _written(ep: Episode) -> str:
    parts = [ep.abstract or "", *ep.takeaways, *(c.summary or "" for c in ep.chapters)]
    return " ".join(p for p in parts if p)


def _shared_wording(a: Episode, b: Episode) -> float:
    best = 0.0
    texts_a = [_written(a), a.transcript.text if a.transcript else ""]
    texts_b = [_written(b), b.transcript.text if b.transcript else ""]
    for x, y in ((texts_a[0], texts_b[0]), (texts_a[1], texts_b[1])):
        sx, sy = _shingles(x), _shingles(y)
        small = min(len(sx), len(sy))
        if small >= 8:
            best = max(best, len(sx & sy) / small)
    return best


# --------------------------------------------------------------------------- merging


def _weak_title(ep: Episode) -> bool:
    return bool(ep.sources) and all(s.format in WEAK_TITLE_FORMATS for s in ep.sources)


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

    Scalars: the first known value (longest for text); chapters, quotes, tags, people and
    sources: unions; the transcript with the most turns.
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
    upd["sources"] = _union(
        a.sources, b.sources, key=lambda s: (s.location, s.position, s.content_hash)
    )
    return a.model_copy(update=upd)
