"""Episode identity and merging: one episode from many sources and formats.

Matching runs in three tiers, as a person would check:

1. `keys()`: exact identities, strongest first (see castdigest.merge). A guid matches on
   sight; every other key only when `compatible()` agrees: two items of one feed, or two
   episodes with different guids, are never the same episode however alike their URLs or
   titles.
2. `similarity()`: for an episode no key matched, content evidence against nearby candidates:
   the same core title (episode numbers and show prefixes stripped) within a few days, quotes
   of one found word for word in the other's transcript, or largely shared wording.
3. `merge()`: the readings of one episode folded into one (see castdigest.merge).
"""

from __future__ import annotations

import copy
import json
import re
import struct
from array import array
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from functools import cached_property
from itertools import compress
from zlib import crc32

from castdigest.merge import (
    STRONG_PREFIXES,
    episode_id,
    is_strong,
    keys,
    merge,
)
from castdigest.models import Episode
from castdigest.text.normalize import fold

# Kept importable from here: identity keys and merging moved to castdigest.merge.
__all__ = [
    "PROFILE_VERSION",
    "STRONG_PREFIXES",
    "Profile",
    "all_similar",
    "compatible",
    "episode_id",
    "is_strong",
    "joinable",
    "keys",
    "merge",
    "most_similar",
    "profile",
    "profile_version",
    "similarity",
]

SIMILAR = 0.6  # similarity at or above which two episodes are one
_DAYS = timedelta(days=3)
_EP_PREFIX = re.compile(r"^(?:(?:episode|ep|folge|épisode|episodio|第)\s*)?#?\d+\s*(?:集)?\s*")
_SHINGLE = 5
_MAX_WORDS = 20000
_WRITTEN_WORDS = 800
_WORD = re.compile(r"\w+")


def compatible(a: Episode, b: Episode) -> bool:
    """False when the two can't be one episode, whatever their titles or text say."""
    if a.guid and b.guid and a.guid.strip() != b.guid.strip():
        return False
    here = {(s.location, s.position) for s in a.sources}
    there = {(s.location, s.position) for s in b.sources}
    # Different items of one document are different episodes.
    shared_docs = {loc for loc, _ in here} & {loc for loc, _ in there}
    return not shared_docs or bool(here & there)


class Profile:
    """What similarity looks at, computed once per episode (comparisons are many); the costly
    parts (shingles) only when a comparison needs them. Holds texts and a few values, not the
    episode. Stored with the episode (`to_bytes`), it is read back (`from_bytes`) with its
    shingles' hashes and without its texts: a comparison then reads a few hundred bytes."""

    def __init__(self, ep: Episode) -> None:
        self.guid = ep.guid
        self.published = ep.published
        self.first_seen = ep.first_seen
        self._set_sources([(s.location, s.position, s.file_title) for s in ep.sources])
        self.title = _title_core(ep)  # show prefix and episode number stripped
        self.title_words = frozenset(self.title.split())
        self.show = fold(ep.show)
        # The opening is enough to tell two write-ups of one episode from two episodes.
        self.written = _written(ep, _WRITTEN_WORDS * 12)
        # A transcript is let go once its words are derived (profiles are kept by the
        # thousand: its words as a list of strings took twenty times the text).
        self._transcript = ep.transcript.text if ep.transcript else None
        self._load_transcript: Callable[[], str | None] | None = None
        self._has_spoken: bool | None = None
        self.quote_texts = tuple(q.text for q in ep.quotes) + tuple(
            q.text for c in ep.chapters for q in c.quotes
        )
        # Bytes held once compared, roughly: shingle sets outweigh the text they come from.
        self.weight = (
            3 * len(self.written)
            + 6 * len(self._transcript or "")  # its words, their shingles and distinct words
            + sum(map(len, self.quote_texts))
            + 2000
        )

    def _set_sources(self, sources: list[tuple[str, int, bool]]) -> None:
        """(location, position, whether its title is the file's name) of every source; the
        spots and locations `compatible` looks at, and whether the title is only a file name."""
        self.sources = sources
        self.spots = frozenset((loc, pos) for loc, pos, _ in sources)
        self.locations = frozenset(loc for loc, _ in self.spots)
        self.weak_title = bool(sources) and all(file_title for _, _, file_title in sources)

    def without(self, location: str) -> Profile:
        """This profile as the other documents describe the episode (see `compatible`)."""
        if location not in self.locations:
            return self
        other = copy.copy(self)
        other._set_sources([s for s in self.sources if s[0] != location])
        return other

    def reuse(self, other: Profile) -> None:
        """Take the shingles `other` computed from the same wording (the episode as read,
        for the episode as stored): they cost more than the rest of a profile."""
        if "written_shingles" in other.__dict__ and self.written == other.written:
            self.__dict__["written_shingles"] = other.__dict__["written_shingles"]

    @cached_property
    def spoken(self) -> str:
        """The transcript's words, " "-padded, for whole-word search of quotes."""
        if self._load_transcript is not None:  # read back: the text is in the archive
            self._transcript, self._load_transcript = self._load_transcript(), None
        words = _words(self._transcript)
        self._transcript = None
        return " " + " ".join(words) + " " if words else ""

    @cached_property
    def spoken_words(self) -> frozenset[str]:
        """The transcript's distinct words: a quote with a word outside them is not said."""
        return frozenset(self.spoken.split())

    @property
    def has_spoken(self) -> bool:
        return bool(self.spoken) if self._has_spoken is None else self._has_spoken

    @cached_property
    def quotes(self) -> tuple[tuple[str, frozenset[str]], ...]:
        """Normalised quotes of six words or more, each with its distinct words."""
        normalised = (_words(q) for q in self.quote_texts)
        return tuple((" ".join(w), frozenset(w)) for w in normalised if len(w) >= 6)

    @cached_property
    def written_shingles(self) -> frozenset[int]:
        return _shingles(_first_words(self.written, _WRITTEN_WORDS))

    @cached_property
    def spoken_shingles(self) -> frozenset[int]:
        return _shingles(self.spoken.split())  # the words again: none holds a space

    def to_bytes(self) -> bytes:
        """The profile as stored: its values as JSON, then its shingles' hashes (8 bytes each)."""
        written, spoken = array("q", self.written_shingles), array("q", self.spoken_shingles)
        head = {
            "guid": self.guid,
            "published": self.published.isoformat() if self.published else None,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "sources": self.sources,
            "title": self.title,
            "show": self.show,
            "quotes": self.quote_texts,  # normalised only when a comparison needs them
            "spoken": self.has_spoken,
            "written_shingles": len(written),
        }
        text = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode()
        return _PROFILE_HEAD.pack(PROFILE_VERSION, len(text)) + text + written + spoken

    @classmethod
    def from_bytes(cls, blob: bytes, transcript: Callable[[], str | None]) -> Profile:
        """A stored profile; `transcript` reads the episode's transcript, should a quote be
        looked for in it."""
        version, size = _PROFILE_HEAD.unpack_from(blob)
        if version != PROFILE_VERSION:
            raise ValueError(f"profile version {version}, not {PROFILE_VERSION}")
        start = _PROFILE_HEAD.size
        head = json.loads(blob[start : start + size])
        hashes = array("q")
        hashes.frombytes(blob[start + size :])
        n = int(head["written_shingles"])
        self = cls.__new__(cls)
        self.guid = head["guid"]
        self.published = _instant(head["published"])
        self.first_seen = _instant(head["first_seen"])
        self._set_sources([(str(loc), int(pos), bool(f)) for loc, pos, f in head["sources"]])
        self.title = head["title"]
        self.title_words = frozenset(self.title.split())
        self.show = head["show"]
        self.written = ""
        self._transcript = None
        self._has_spoken = bool(head["spoken"])
        self._load_transcript = transcript if self._has_spoken else None
        self.quote_texts = tuple(head["quotes"])
        self.__dict__["written_shingles"] = frozenset(hashes[:n])
        self.__dict__["spoken_shingles"] = frozenset(hashes[n:])
        if not self._has_spoken:
            self.__dict__["spoken"] = ""
        self.weight = 2 * len(blob) + 16 * len(hashes) + 1000
        return self


_PROFILE_HEAD = struct.Struct("<BI")  # format version, length of the JSON part


def profile_version(blob: bytes) -> int:
    """The format version a stored profile was written in (0: too short to say)."""
    return int(blob[0]) if blob else 0


# 2: each source's third value says whether its title is the file's name (1: its format).
PROFILE_VERSION = 2


def _instant(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _compatible(a: Profile, b: Profile) -> bool:
    """`compatible` on profiles."""
    if a.guid and b.guid and a.guid.strip() != b.guid.strip():
        return False
    return a.locations.isdisjoint(b.locations) or not a.spots.isdisjoint(b.spots)


def compatible_with(ep: Episode, other: Profile) -> bool:
    """`compatible(ep, b)` for the episode `b` that `other` profiles: its guid and sources are
    in the profile, so the episode itself need not be read."""
    if ep.guid and other.guid and ep.guid.strip() != other.guid.strip():
        return False
    here = {(s.location, s.position) for s in ep.sources}
    return other.locations.isdisjoint(loc for loc, _ in here) or not other.spots.isdisjoint(here)


def profile(ep: Episode) -> Profile:
    return Profile(ep)


def similarity(a: Episode | Profile, b: Episode | Profile) -> float:
    """0..1: how sure we are that `a` and `b` are readings of one episode (see module doc)."""
    pa = a if isinstance(a, Profile) else profile(a)
    pb = b if isinstance(b, Profile) else profile(b)
    if not _compatible(pa, pb):
        return 0.0
    if _same_title(pa, pb):
        return 1.0
    return max(_quotes_in_transcript(pa, pb), _quotes_in_transcript(pb, pa), _shared(pa, pb))


def most_similar(
    episode: Episode | Profile, candidates: Iterable[tuple[str, Episode | Profile]]
) -> str | None:
    """The id of the candidate most similar to `episode`, if at or above SIMILAR."""
    found = all_similar(episode, candidates)
    return found[0] if found else None


def all_similar(
    episode: Episode | Profile, candidates: Iterable[tuple[str, Episode | Profile]]
) -> list[str]:
    """Ids of the candidates at or above SIMILAR, the most similar first, ties by id: the
    result never depends on the order the candidates came in."""
    mine = episode if isinstance(episode, Profile) else profile(episode)
    scored: list[tuple[float, str, Profile]] = []
    for eid, cand in candidates:
        other = cand if isinstance(cand, Profile) else profile(cand)
        score = similarity(mine, other)
        if score >= SIMILAR:
            scored.append((score, eid, other))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [eid for _, eid, _ in scored]


def joinable(a: Profile, b: Profile) -> bool:
    """Whether two archived episodes a new reading matched may become one."""
    return _compatible(a, b)


def _title_core(ep: Episode) -> str:
    title = fold(ep.title)
    show = fold(ep.show)
    if show and title.startswith(show + " "):
        title = title[len(show) + 1 :]
    return _EP_PREFIX.sub("", title).strip()


def _same_title(a: Profile, b: Profile) -> bool:
    if a.weak_title or b.weak_title or not a.title or a.title != b.title:
        return False
    if len(a.title.split()) < 3:
        return False
    if a.show and b.show and not (a.show in b.show or b.show in a.show):
        return False
    pa, pb = a.published, b.published
    return not (pa and pb and abs(pa - pb) > _DAYS)


def _quotes_in_transcript(a: Profile, b: Profile) -> float:
    """Share of `a`'s quotes that `b`'s transcript says word for word."""
    if not b.has_spoken or not a.quotes or not b.spoken:
        return 0.0
    # Scanning the transcript for a quote costs its length: most quotes are told absent by
    # a word the transcript never says (a quote found word for word has all its words).
    said = b.spoken_words
    hits = [q for q, words in a.quotes if words <= said and f" {q} " in b.spoken]
    if len(hits) >= 2 or any(q.count(" ") >= 11 for q in hits):
        return max(len(hits) / len(a.quotes), SIMILAR)
    return 0.0


def _words(text: str | None) -> list[str]:
    # Cheaper than fold() on long texts, and as good for comparing wording.
    return _split_words(text.casefold())[:_MAX_WORDS] if text else []


def _first_words(text: str, n: int) -> list[str]:
    """`_words(text)[:n]` (n below _MAX_WORDS), from as short a prefix of `text` as gives
    them: when a prefix holds more than n words, its first n are whole."""
    size = n * 10
    while size < len(text):
        words = _split_words(text[:size].casefold())
        if len(words) > n:
            return words[:n]
        size *= 2
    return _words(text)[:n]


# Every ASCII character that is not a word character (`\w`: letters, digits, "_") as a space.
_ASCII_GAPS = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")}
)


def _split_words(text: str) -> list[str]:
    """`_WORD.findall(text)`, 1.4 to 1.7 times faster on prose: most whitespace-separated
    tokens are whole words (`str.isalnum` is the regex word class without the underscore),
    and only the others go through the regex. ASCII text is split by C code alone, its
    other characters made spaces: seven times faster again."""
    if text.isascii():
        return text.translate(_ASCII_GAPS).split()
    out: list[str] = []
    for token in text.split():
        if token.isalnum():
            out.append(token)
        else:
            out += _WORD.findall(token)
    return out


def _shingles(words: list[str]) -> frozenset[int]:
    """Hashes of a sample of the text's five-word runs: those starting on a quarter of the
    words (chosen by the word's hash, so two texts sample alike). Containment estimates
    survive; the cost drops fourfold."""
    # Stored with the episode and compared in later runs, so the same in every process: each
    # distinct word is named by its crc32 (str hashes are salted per process), which also
    # picks the sample; a run is then hash() of its words' crc32s, a tuple of ints, which
    # no salt touches. Two runs share a 64-bit hash about never.
    codes = {w: crc32(w.encode()) for w in set(words)}
    ints = list(map(codes.__getitem__, words))
    head = ints[: len(ints) - _SHINGLE + 1]
    sampled = [c % 4 == 0 for c in head]
    if len(words) < _SHINGLE:  # runs shorter than five words (kept as they always were)
        starts = [i for i, keep in enumerate(sampled) if keep]
        return frozenset(hash(tuple(ints[i : i + _SHINGLE])) for i in starts)
    runs = zip(*(ints[k:] for k in range(_SHINGLE)), strict=False)  # one per word of `head`
    return frozenset(map(hash, compress(runs, sampled)))


def _written(ep: Episode, limit: int) -> str:
    """The first `limit` characters of the abstract, takeaways and chapter summaries."""
    parts: list[str] = []
    size = 0
    for part in (ep.abstract or "", *ep.takeaways, *(c.summary or "" for c in ep.chapters)):
        if part:
            parts.append(part)
            size += len(part) + 1
            if size > limit:
                break
    return " ".join(parts)[:limit]


def _related(a: Profile, b: Profile) -> bool:
    """Worth comparing the wording of: a file-named transcript, one show, or shared title words."""
    if a.weak_title or b.weak_title or (a.show and a.show == b.show):
        return True
    union = a.title_words | b.title_words
    return bool(union) and len(a.title_words & b.title_words) / len(union) >= 0.25


def _shared(a: Profile, b: Profile) -> float:
    if not _related(a, b):
        return 0.0
    best = 0.0
    for x, y in ((a.written_shingles, b.written_shingles), (a.spoken_shingles, b.spoken_shingles)):
        small = min(len(x), len(y))
        if small >= 8:
            best = max(best, len(x & y) / small)
    return best
