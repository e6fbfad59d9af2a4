"""The inline body markup shared by listing pages.

A body (often all on one line) reads:

    Abstract text ... ## [00:00] Title Summary ... > *"Quote"* > *[17, 21]*
    ## [1:02:44] Title Summary ... ## Entities - **Name** (Kind): text ... #tag#other-tag

- the abstract is what comes before the first heading;
- `## [mm:ss]` / `## [h:mm:ss]` start a chapter (title and summary told apart by
  `headings.split_heading`);
- `> *"..."*` or `> *...*` is a quote of the chapter it follows; a following `> *[17, 21]*`
  (minutes, seconds) or `> *[17:21]*` is its offset; `— Name` after it names the speaker, and
  other text after it continues the chapter summary;
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
from castdigest.readers.headings import Names, split_heading
from castdigest.text.durations import parse_duration
from castdigest.text.normalize import fold, strip_controls
from castdigest.text.titles import parse_people

# A marker starts at the beginning of the body or after whitespace. The scan looks for the
# rare first characters, then behind for the whitespace (which, unlike a leading \s, a
# match does not consume: see `_blocks`).
_MARKER = re.compile(r"[#>-](?<=\s[#>-])(?:(?<=#)#\s|(?<=>)\s?\*|(?<=-)\s\*\*)")
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
    if "*" in text:
        text = _EMPHASIS.sub(r"\1", text)
    elif _single_spaced(text):
        return text  # most chapter texts: a split and join would copy them for nothing
    return " ".join(text.split())


def _single_spaced(text: str) -> bool:
    """Whether `" ".join(text.split())` would give `text` back, told cheaply for ASCII: every
    ASCII space but " " is a control character, which `isprintable` rejects (other texts may
    hold other Unicode spaces)."""
    return (
        text.isascii()
        and text.isprintable()
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
    )


def _blocks(body: str) -> list[str]:
    starts: list[int] = []
    end = 0
    for m in _MARKER.finditer(" " + body):
        # The whitespace before a marker belongs to it: "## ## x" is one marker, not two.
        if m.start() > end:
            starts.append(m.start() - 1)  # a position in `body` (a space was prepended)
            end = m.end()
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


def _entity_names(blocks: list[str], parsed: dict[str, Entity | None]) -> set[str]:
    """Casefolded names (and their single-word forms) from the entity list, for headings.
    The entities parsed are left in `parsed` (by block) for the parser to take."""
    names: set[str] = set()
    for block in blocks:
        if not block.startswith("- **"):
            continue
        parsed[block] = ent = _entity(block)
        if ent:
            if ent.kind == "Person":
                names |= name_forms(ent.name)
            elif " " in ent.name:
                names.add(ent.name.casefold())
    return names


def parse_body(text: str, sentence_case: bool = False, names: set[str] | None = None) -> Body:
    """Parse one body. `sentence_case` for languages whose titles are not Title Case;
    `names` (casefolded) help tell where a chapter title ends."""
    # What a body yields is single lines (titles, names, quotes) and collapsed prose: a tab
    # or a control character has nothing to do in any of them.
    text = strip_controls(text).replace("\t", " ")
    return _BodyParser(sentence_case, names or set()).parse(text.strip())


class _BodyParser:
    """One pass over the blocks of a body; each block kind has its method."""

    def __init__(self, sentence_case: bool, names: set[str]) -> None:
        self.sentence_case = sentence_case
        self.names = names
        self.known = Names(names)  # with the entities' names, once the blocks are known
        self.parsed: dict[str, Entity | None] = {}  # entity blocks, as `_entity_names` read them
        self.out = Body()
        self.section = "abstract"  # or "chapter", "entities"
        self.last_quote: Quote | None = None
        self.junk: list[str] = []  # leaked data, for debris.recover
        self.abstract: list[str] = []

    def parse(self, text: str) -> Body:
        if m := _HASHTAGS.search(text[-2000:]):
            self.out.tags = parse_hashtags(m.group(1))
            text = text[: len(text) - len(text[-2000:]) + m.start()].rstrip()
        blocks = _blocks(text)
        self.known = Names(self.names | _entity_names(blocks, self.parsed))
        for block in blocks:
            if block.startswith("##"):
                self.heading(block)
            elif block.startswith(">"):
                rest = self.quote(block)
                if rest:
                    self.prose(rest)  # the summary goes on after the quote
            elif block.startswith("- *") and self.section == "entities":
                # Each parsed entity is taken once: a repeated block gives its own Entity.
                ent = self.parsed.pop(block) if block in self.parsed else _entity(block)
                if ent:
                    self.out.entities.append(ent)
            else:
                self.prose(block)
        self.out.abstract = " ".join(self.abstract) or None
        if self.junk:
            _apply_debris(self.out, debris.recover(self.junk))
        return self.out

    def heading(self, block: str) -> None:
        self.last_quote = None
        if m := _CHAPTER.match(block.strip()):
            self.section = "chapter"
            title, summary = self.split(clean_text(m.group(2)))
            start = parse_duration(m.group(1))
            self.out.chapters.append(
                Chapter(start=start, title=title or m.group(1), summary=summary)
            )
            return
        name = clean_text(block[2:])
        if fold(name.split(" ", 1)[0]) in _ENTITY_HEADS:
            self.section = "entities"
            return
        self.section = "chapter"  # an untimed heading: a chapter without a start
        title, summary = self.split(name)
        if title:
            self.out.chapters.append(Chapter(title=title, summary=summary))

    def split(self, text: str) -> tuple[str, str | None]:
        return split_heading(text, self.known, self.sentence_case)

    def quote(self, block: str) -> str:
        """Record the quote (or the offset of the last one); return the text after it that
        is neither an offset nor an attribution."""
        qtext, rest = _split_quote(block)
        if _OFFSET.match(qtext):
            if self.last_quote is not None and self.last_quote.offset is None:
                self.last_quote.offset = _pair_seconds(qtext)
        elif debris.looks_like_debris(qtext):
            self.junk.append(_quote_text(block))
            return ""
        elif qtext:
            chapters = self.out.chapters
            index = len(chapters) - 1 if chapters else None
            self.last_quote = Quote(text=clean_text(qtext), chapter=index)
            (chapters[-1].quotes if chapters else self.out.quotes).append(self.last_quote)
        if not rest.strip() or (self.last_quote and _attribute(self.last_quote, rest)):
            return ""
        return rest

    def prose(self, block: str) -> None:
        piece, dump = debris.split_prose(clean_text(block))
        if dump:
            self.junk.append(dump)
        if not piece:
            return
        if self.section == "abstract":
            self.abstract.append(piece)
        elif self.section == "chapter" and self.out.chapters:
            ch = self.out.chapters[-1]
            ch.summary = f"{ch.summary} {piece}" if ch.summary else piece


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
