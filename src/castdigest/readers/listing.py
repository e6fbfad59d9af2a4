"""Channel listing pages: many episodes per file.

Two layouts, one reader each, both sniffed by content:

`listing` (a saved channel page)::

    Title — Guest, Org
    1:24:44                      duration
    EN/ZH                        caption languages
    Watch with Captions
    Latent Spaceil y a 1 jour    show glued to a relative age
    Title — Guest, Org           the title again
    Abstract ## [00:00] ...      the body, usually one line (see markup.py); may be missing
    #github#copilot#ai-agents    hashtags; may be missing

`pairs`: only alternating title and body lines (bodies in any language), blank lines optional.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from castdigest.errors import ReadError
from castdigest.merge import merge
from castdigest.models import Episode
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.markup import is_hashtag_line, name_forms, parse_body, parse_hashtags
from castdigest.text.dates import Age, find_absolute, find_relative
from castdigest.text.durations import parse_duration
from castdigest.text.language import detect_language
from castdigest.text.normalize import fold
from castdigest.text.titles import assign_people, split_title

_DURATION = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
_CAPTIONS = re.compile(
    r"^[A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?(?:\s*/\s*[A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?)+$"
)
_WATCH = re.compile(
    r"^(?:watch with (?:captions|subtitles)|regarder avec (?:les )?sous-titres"
    r"|带字幕观看|帶字幕觀看|자막과 함께 보기|자막으로 보기)$",
    re.IGNORECASE,
)
_MAX_TITLE = 300
_SNIFF_CHARS = 200_000
_TITLE_CASE_LANGS = {"en"}
_WORDS = re.compile(r"[a-zà-ÿ']+")
_HINTS = {
    "en": frozenset("the and is are that this with what we you it's i'm don't of to was".split()),
    "fr": frozenset("le la les des est et une que qui nous vous pas dans pour c'est je".split()),
    "de": frozenset("der die das und ist nicht ich wir sie mit auf für ein eine zu".split()),
    "es": frozenset("el los las es que y en una por para con no lo se del".split()),
    "it": frozenset("il che di è non per una sono gli della con lo si".split()),
    "pt": frozenset("o os que é não uma para com em do da se você".split()),
}
_ALL_HINTS = frozenset().union(*_HINTS.values())
_NON_LATIN = re.compile(r"[^\x00-\u024f\u2000-\u206f]")
_SNIFF_AS_OF = datetime(2000, 1, 1, tzinfo=UTC)  # sniffing only asks whether an age is there


@dataclass
class _Raw:
    """One episode as found on the page, before interpretation."""

    title: str
    line: int  # 1-based
    duration: float | None = None
    captions: list[str] = field(default_factory=list)
    show: str | None = None
    published_text: str | None = None
    body: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def _meta_kind(line: str, as_of: datetime) -> str | None:
    s = line.strip()
    if not s or len(s) > 200:
        return None
    if _DURATION.match(s):
        return "duration"
    if _CAPTIONS.match(s):
        return "captions"
    if _WATCH.match(s):
        return "watch"
    if find_relative(s, as_of) or _dated(s):
        return "age"
    return None


def _dated(line: str) -> Age | None:
    """An absolute date ending the line ("Signal Path2026-11-20", "Show · Nov 20, 2026")."""
    found = find_absolute(line[-40:])
    if found is None or not line.rstrip().endswith(found.text):
        return None
    start = len(line) - len(line[-40:]) + found.start
    return Age(start=start, text=found.text, when=found.when)


def _kinds(lines: list[str], as_of: datetime) -> dict[int, str | None]:
    """The metadata kind (or None) of every non-blank line, by index."""
    return {i: _meta_kind(line, as_of) for i, line in enumerate(lines) if line.strip()}


def _starts(lines: list[str], kinds: dict[int, str | None]) -> list[int]:
    """Indexes of episode title lines: a text line followed by a duration line, or by other
    metadata when at least two kinds of it follow (a live episode has no duration yet)."""
    out: list[int] = []
    nonblank = list(kinds)
    for k, i in enumerate(nonblank[:-1]):
        cur = lines[i].strip()
        if kinds[i] or len(cur) > _MAX_TITLE or is_hashtag_line(cur):
            continue
        following = [kinds[j] for j in nonblank[k + 1 : k + 5]]
        if following[0] == "duration" or (
            following[0] and len({kind for kind in following if kind}) >= 2
        ):
            out.append(i)
    return out


def _collect(lines: list[str], ctx: ReadContext) -> list[_Raw]:
    kinds = _kinds(lines, ctx.as_of)
    starts = _starts(lines, kinds)
    raws: list[_Raw] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        raw = _Raw(title=lines[start].strip(), line=start + 1)
        i = start + 1
        while i < end:  # metadata lines, in any order
            s = lines[i].strip()
            kind = kinds[i] if s else "blank"
            if kind is None:
                break
            if kind == "duration":
                raw.duration = parse_duration(s)
            elif kind == "captions":
                raw.captions = [c.strip().lower() for c in s.split("/")]
            elif kind == "age":
                age = find_relative(s, ctx.as_of) or _dated(s)
                if age is not None:
                    raw.show = s[: age.start].strip(" ·•|-—") or None
                    raw.published_text = age.text
            i += 1
        rest = [line.strip() for line in lines[i:end] if line.strip()]
        if rest and fold(rest[0]) == fold(raw.title):
            rest = rest[1:]  # the repeated title
        for s in rest:
            if is_hashtag_line(s):
                raw.tags += parse_hashtags(s)
            else:
                raw.body.append(s)
        raws.append(raw)
    return raws


def build_episode(raw: _Raw, ctx: ReadContext, position: int) -> Episode:
    """Interpret one raw episode: title parts, body markup, people, dates, languages."""
    parts = split_title(raw.title)
    text = "\n".join(raw.body)
    lang = ctx.language or detect_language(text[:3000] or parts.title)
    names: set[str] = set()
    for g in parts.guests:
        names |= name_forms(g.name)
    body = parse_body(text, sentence_case=lang not in _TITLE_CASE_LANGS, names=names)
    hosts, guests = assign_people(parts.guests, body.entities)
    quotes = [q for c in body.chapters for q in c.quotes] + body.quotes
    for q in quotes:
        if (ql := _quote_language(q.text, lang)) != lang:
            q.language = ql
    published = None
    if raw.published_text:
        age = find_relative(raw.published_text, ctx.as_of) or _dated(raw.published_text)
        published = ctx.published(age.when, raw.published_text) if age else None
    return Episode(
        title=parts.title or raw.title,
        kind=parts.kind,
        show=raw.show,
        hosts=hosts,
        guests=guests,
        published=published,
        published_text=raw.published_text,
        duration=raw.duration,
        language=lang,
        caption_languages=raw.captions,
        abstract=body.abstract,
        chapters=body.chapters,
        quotes=quotes,  # the same objects as the chapters': nothing mutates them after this
        entities=body.entities,
        tags=list(dict.fromkeys([*raw.tags, *body.tags])),
        sources=[ctx.ref(position, line=raw.line)],
    )


def _quote_language(text: str, episode: str | None) -> str | None:
    """The language of a quote, when there is evidence it differs from the episode's.

    Function words settle the Latin-script case without langid (hundreds of quotes a page);
    a quote with no telling words keeps the episode's language. Other scripts go to
    `detect_language`, which decides them by script, cheaply.
    """
    if not text.isascii() and _NON_LATIN.search(text):
        return detect_language(text, episode)  # by script: short quotes are fine
    if len(text) < 25:
        return episode
    words = _ALL_HINTS.intersection(_WORDS.findall(text.lower()))
    # Another language wins only with two telling words more than the episode's, so two
    # words outside the episode's list at least: most quotes stop here.
    if len(words - _HINTS.get(episode or "", frozenset())) < 2:
        return episode
    hits = {lang: len(words & hints) for lang, hints in _HINTS.items()}
    best = max(hits, key=lambda lang: hits[lang])
    if hits[best] < 2 or best == episode or hits[best] < hits.get(episode or "", 0) + 2:
        return episode
    return detect_language(text, episode)


def merge_repeats(episodes: list[Episode]) -> list[Episode]:
    """One episode per show and normalised title: a page that lists an episode twice (a
    "latest" and a "popular" shelf) gives one episode with both positions as sources. The
    archive keeps items of one document apart, so pages merge their repeats here."""
    groups: dict[tuple[str, str], list[Episode]] = {}
    for ep in episodes:
        groups.setdefault((fold(ep.show), fold(ep.title)), []).append(ep)
    return [merge(group) if len(group) > 1 else group[0] for group in groups.values()]


class ListingReader:
    name: str = "listing"
    extensions: tuple[str, ...] = (".txt", ".md")

    def sniff(self, doc: Document) -> float:
        lines = doc.text[:_SNIFF_CHARS].splitlines()
        kinds = _kinds(lines, _SNIFF_AS_OF)
        confirmed = 0
        for i in _starts(lines, kinds):
            near = {kinds.get(j) for j in range(i + 1, min(i + 8, len(lines)))}
            confirmed += len(near & {"duration", "captions", "watch", "age"}) >= 2
        return 0.9 if confirmed >= 1 else 0.0

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        raws = _collect(doc.page_lines(), ctx)
        if not raws:
            raise ReadError(
                "no episode found in listing", where=doc.location, hint="try --format text"
            )
        return merge_repeats([build_episode(raw, ctx, pos) for pos, raw in enumerate(raws)])


# --------------------------------------------------------------------------- pairs

_PAIR_TITLE_MAX = 200
_NOT_TITLE = re.compile(r"^[\d\s:.,\[\]()-]*$|^\w[\w .'-]{0,30}:\s")  # numbers, "Name: ..."
_BODY_MIN = 80


def _is_title_line(line: str) -> bool:
    s = line.strip()
    return (
        0 < len(s) <= _PAIR_TITLE_MAX
        and not s.startswith(("#", ">", "- ", "* ", "{", "<", "WEBVTT"))
        and "-->" not in s
        and not _NOT_TITLE.match(s)
        and not is_hashtag_line(s)
        and not s.endswith((".", "。", "!", "！", ":", ";"))
    )


def _is_body_line(line: str) -> bool:
    s = line.strip()
    return len(s) >= _BODY_MIN or "## [" in s or (len(s) >= 20 and s.endswith((".", "。", "다.")))


def _pairs(lines: list[str]) -> list[tuple[int, str, list[str]]]:
    """(line index, title, body lines) for alternating title/body lines; hashtag lines join
    the body before them. Empty when the text does not alternate."""
    items = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    out: list[tuple[int, str, list[str]]] = []
    k = 0
    while k < len(items):
        i, title = items[k]
        if k + 1 >= len(items) or not _is_title_line(title) or not _is_body_line(items[k + 1][1]):
            return []
        body = [items[k + 1][1]]
        k += 2
        while k < len(items) and is_hashtag_line(items[k][1]):
            body.append(items[k][1])
            k += 1
        out.append((i, title, body))
    return out


class PairsReader:
    name: str = "pairs"
    extensions: tuple[str, ...] = (".txt",)

    def sniff(self, doc: Document) -> float:
        pairs = _pairs(doc.text[:_SNIFF_CHARS].splitlines()[:400])
        if len(pairs) < 2:
            return 0.0
        titles = [fold(title) for _, title, _ in pairs]
        if len(set(titles)) < 0.8 * len(titles):
            return 0.0  # repeated "titles" are speaker names of a transcript, not episodes
        return 0.6

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        pairs = _pairs(doc.page_lines())
        if not pairs:
            raise ReadError(
                "not a title/body listing: titles and bodies do not alternate",
                where=doc.location,
                hint="try --format text",
            )
        episodes: list[Episode] = []
        for pos, (i, title, body) in enumerate(pairs):
            raw = _Raw(title=title, line=i + 1)
            for s in body:
                if is_hashtag_line(s):
                    raw.tags += parse_hashtags(s)
                else:
                    raw.body.append(s)
            episodes.append(build_episode(raw, ctx, pos))
        return merge_repeats(episodes)
