"""The inline body markup shared by listing pages.

A body (often all on one line) reads:

    Abstract text ... ## [00:00] Title Summary ... > *"Quote"* > *[17, 21]*
    ## [1:02:44] Title Summary ... ## Entities - **Name** (Kind): text ... #tag#other-tag

- the abstract is what comes before the first heading;
- `## [mm:ss]` / `## [h:mm:ss]` start a chapter (title and summary told apart by
  `headings.split_heading`);
- `> *"..."*` or `> *...*` is a quote of the chapter it follows; a following `> *[17, 21]*`
  (minutes, seconds) or `> *[17:21]*` is its offset;
- `## Entities` / `## Entités` lists `- **Name** (Kind): text`, kinds in any case;
- glued hashtags `#github#copilot#ai-agents` are tags.

Quotes holding leaked data (Python/JSON fragments) are never shown: `debris.recover` turns
them back into chapter summaries, offsets, quotes, entities and tags where it can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from castdigest.models import Chapter, Entity, Quote
from castdigest.readers import debris
from castdigest.readers.headings import split_heading
from castdigest.text.durations import parse_duration
from castdigest.text.normalize import fold
from castdigest.text.titles import parse_people

# A marker starts at the beginning of the body or after whitespace (the leading \s makes the
# scan fast: most positions fail on their first character).
_MARKER = re.compile(r"\s(##\s|>\s?\*|-\s\*\*)")
_CHAPTER = re.compile(r"^##\s+\[\s*(\d{1,3}(?::\d{2}){1,2})\s*\]\s*(.*)$", re.DOTALL)
_ENTITY_HEADS = frozenset({"entities", "entités", "entites", "entidades", "实体", "엔티티"})
_ENTITY = re.compile(
    r"^-\s\*\*(?P<name>[^*]{1,200})\*\*\s*(?:\((?P<kind>[^()]{1,40})\))?\s*[:：—–-]?\s*(?P<desc>.*)$",
    re.DOTALL,
)
_OFFSET = re.compile(r"^\[\s*\d{1,3}\s*[,:]\s*\d{1,2}\s*\]$")
_HASHTAGS = re.compile(r"(?:^|\s)((?:#[^\s#]+)+)\s*$")
_HASHTAG = re.compile(r"#([^\s#]+)")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])")
_QUOTE_MARKS = "\"“”«»„‟'‘’「」『』"
_OPENING = frozenset('"“«„「『')
_QUOTED_END = re.compile(r"[\"”»“」』]\s?\*(?=\s|$)")
_PLAIN_END = re.compile(r"\*(?=\s|$)")
_ATTRIBUTION = re.compile(r"^\s*[—–-]\s*(?P<who>[^,;.()\n—–]{1,60})(?P<more>[^\n]{0,300})\s*$")
_KINDS = {
    "person": "Person",
    "personne": "Person",
    "people": "Person",
    "persona": "Person",
    "organization": "Organization",
    "organisation": "Organization",
    "org": "Organization",
    "company": "Organization",
    "entreprise": "Organization",
    "société": "Organization",
    "software": "Software",
    "logiciel": "Software",
    "tool": "Software",
    "outil": "Software",
    "product": "Product",
    "produit": "Product",
    "concept": "Concept",
    "technology": "Technology",
    "technologie": "Technology",
    "place": "Place",
    "location": "Place",
    "lieu": "Place",
    "event": "Event",
    "événement": "Event",
    "evenement": "Event",
    "model": "Model",
    "modèle": "Model",
    "paper": "Paper",
    "article": "Paper",
}


@dataclass
class Body:
    """What a body holds, before it becomes Episode fields."""

    abstract: str | None = None
    chapters: list[Chapter] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)  # quotes outside any chapter
    entities: list[Entity] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def normalise_kind(kind: str | None) -> str:
    """ "person", "PERSON", "Personne" -> "Person"; unknown kinds in Title case."""
    if not kind or not kind.strip():
        return "Other"
    key = kind.strip().lower()
    return _KINDS.get(key) or key[:1].upper() + key[1:]


def parse_hashtags(text: str) -> list[str]:
    """ "#github#copilot #ai-agents" -> ["github", "copilot", "ai-agents"] (deduplicated)."""
    tags = (t.strip(".,;:!?").lower() for t in _HASHTAG.findall(text))
    return list(dict.fromkeys(t for t in tags if t))


def is_hashtag_line(line: str) -> bool:
    s = line.strip()
    return s.startswith("#") and not s.startswith("##") and bool(_HASHTAGS.fullmatch(" " + s))


def clean_text(text: str) -> str:
    """Collapse whitespace and drop Markdown emphasis asterisks."""
    return " ".join((_EMPHASIS.sub(r"\1", text) if "*" in text else text).split())


def _blocks(body: str) -> list[str]:
    starts = [m.start(1) for m in _MARKER.finditer(" " + body)]
    starts = [i - 1 for i in starts]  # positions in `body` (the space was prepended)
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return [body[a:b] for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]


def _split_quote(block: str) -> tuple[str, str]:
    """("quote text", "what follows it in the block"): `> *"..."* rest` or `> *...* rest`."""
    text = block.strip()
    text = text[1:].lstrip() if text.startswith(">") else text
    text = text[1:] if text.startswith("*") else text
    quoted = text[:1] in _OPENING
    m = (_QUOTED_END if quoted else _PLAIN_END).search(text)
    if m is None:
        return _quote_text(block), ""
    inner = text[1 : m.start()] if quoted else text[: m.start()]
    return inner.strip(), text[m.end() :]


def _attribute(quote: Quote, rest: str) -> bool:
    """`— Janie Lee` after a quote names its speaker; True when `rest` was that."""
    m = _ATTRIBUTION.match(rest)
    if not m:
        return False
    people = parse_people(m.group("who").strip())
    if len(people) != 1:
        return False
    quote.speaker = people[0].name
    context = clean_text(rest.strip().lstrip("—–- "))
    if context != quote.speaker:
        quote.context = context
    return True


def _quote_text(block: str) -> str:
    text = block.strip()
    text = text[1:].lstrip() if text.startswith(">") else text
    text = text.strip().strip("*").strip()
    if len(text) >= 2 and text[0] in _QUOTE_MARKS and text[-1] in _QUOTE_MARKS:
        text = text[1:-1].strip()
    return text


def _entity(block: str) -> Entity | None:
    m = _ENTITY.match(block.strip())
    if not m:
        return None
    name = clean_text(m.group("name"))
    if not name:
        return None
    desc = clean_text(m.group("desc")) or None
    return Entity(name=name, kind=normalise_kind(m.group("kind")), description=desc)


def name_forms(name: str) -> set[str]:
    """ "Shawn Wang / swyx" -> the casefolded full names and their first and last words."""
    out: set[str] = set()
    for alias in re.split(r"\s*/\s*", name):
        words = alias.split()
        if words:
            out.add(alias.casefold())
        if 2 <= len(words) <= 3:
            out.update({words[0].casefold(), words[-1].casefold()})
    return out


def _entity_names(blocks: list[str]) -> set[str]:
    """Casefolded names (and their single-word forms) from the entity list, for headings."""
    names: set[str] = set()
    for block in blocks:
        if block.startswith("- **") and (ent := _entity(block)):
            if ent.kind == "Person":
                names |= name_forms(ent.name)
            elif " " in ent.name:
                names.add(ent.name.casefold())
    return names


def parse_body(text: str, sentence_case: bool = False, names: set[str] | None = None) -> Body:
    """Parse one body. `sentence_case` for languages whose titles are not Title Case."""
    out = Body()
    text = text.strip()
    if m := _HASHTAGS.search(text[-2000:]):
        out.tags = parse_hashtags(m.group(1))
        text = text[: len(text) - len(text[-2000:]) + m.start()].rstrip()
    blocks = _blocks(text)
    known = (names or set()) | _entity_names(blocks)
    section = "abstract"
    last_quote: Quote | None = None
    junk: list[str] = []
    abstract: list[str] = []
    for block in blocks:
        head = block[:3]
        if head.startswith("##"):
            last_quote = None
            if m := _CHAPTER.match(block.strip()):
                section = "chapter"
                title, summary = split_heading(clean_text(m.group(2)), known, sentence_case)
                out.chapters.append(
                    Chapter(
                        start=parse_duration(m.group(1)),
                        title=title or m.group(1),
                        summary=summary,
                    )
                )
                continue
            name = clean_text(block[2:])
            if fold(name.split(" ", 1)[0]) in _ENTITY_HEADS:
                section = "entities"
                continue
            section = "chapter"
            title, summary = split_heading(name, known, sentence_case)
            if title:
                out.chapters.append(Chapter(title=title, summary=summary))
            continue
        if head.startswith(">"):
            qtext, rest = _split_quote(block)
            if debris.looks_like_debris(qtext) and not _OFFSET.match(qtext):
                junk.append(_quote_text(block))
                continue
            if _OFFSET.match(qtext):
                if last_quote is not None and last_quote.offset is None:
                    last_quote.offset = _pair_seconds(qtext)
            elif qtext:
                chapter = len(out.chapters) - 1 if out.chapters else None
                last_quote = Quote(text=clean_text(qtext), chapter=chapter)
                if chapter is None:
                    out.quotes.append(last_quote)
                else:
                    out.chapters[chapter].quotes.append(last_quote)
            if not rest.strip():
                continue
            if last_quote is not None and _attribute(last_quote, rest):
                continue
            block = rest  # the summary goes on after the quote
        elif head.startswith("- *") and section == "entities":
            if ent := _entity(block):
                out.entities.append(ent)
            continue
        piece, dump = debris.split_prose(clean_text(block))
        if dump:
            junk.append(dump)
        if not piece:
            continue
        if section == "abstract":
            abstract.append(piece)
        elif section == "chapter" and out.chapters:
            ch = out.chapters[-1]
            ch.summary = f"{ch.summary} {piece}" if ch.summary else piece
    out.abstract = " ".join(abstract) or None
    if junk:
        _apply_debris(out, debris.recover(junk))
    return out


def _pair_seconds(text: str) -> float | None:
    nums = re.findall(r"\d+", text)
    if len(nums) != 2:
        return None
    return int(nums[0]) * 60.0 + int(nums[1])


def _apply_debris(out: Body, found: debris.Recovered) -> None:
    """Fold what the leaked data holds into the chapters it belongs to (matched on start,
    else title). Indexed up front: a hostile body can hold thousands of both."""
    by_start = {round(c.start): c for c in out.chapters if c.start is not None}
    by_title = {fold(c.title): c for c in reversed(out.chapters)}
    seen: dict[int, set[str]] = {}
    for rec in found.chapters:
        ch = by_start.get(round(rec.start)) if rec.start is not None else None
        if ch is None and rec.title:
            ch = by_title.get(fold(rec.title))
        if ch is None:
            if not rec.title:
                continue
            ch = Chapter(start=rec.start, title=rec.title)
            out.chapters.append(ch)
            by_title.setdefault(fold(rec.title), ch)
        if (
            rec.title
            and rec.summary
            and len(ch.summary or "") < 300
            and fold(rec.title) == fold(f"{ch.title} {ch.summary}")
        ):
            ch.title, ch.summary = rec.title, None  # a title-only heading split by guess
        if rec.summary and not ch.summary:
            ch.summary = rec.summary
        known = seen.setdefault(id(ch), {fold(q.text) for q in ch.quotes})
        for text, offset in rec.quotes:
            if (key := fold(text)) not in known:
                ch.quotes.append(Quote(text=text, offset=offset))
                known.add(key)
    out.chapters.sort(key=lambda c: (c.start is None, c.start or 0.0))
    for index, ch in enumerate(out.chapters):
        for q in ch.quotes:
            q.chapter = index
    names = {fold(e.name) for e in out.entities}
    for ent in found.entities:
        if fold(ent.name) not in names:
            out.entities.append(
                Entity(name=ent.name, kind=normalise_kind(ent.kind), description=ent.description)
            )
            names.add(fold(ent.name))
    out.tags = list(dict.fromkeys([*out.tags, *found.tags]))
