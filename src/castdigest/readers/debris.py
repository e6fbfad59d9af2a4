"""Recovering leaked data dumps from page bodies.

Some pages carry, inside a quote, fragments of the data the page was generated from: a
Python repr of a chapter list, with JSON pieces inside its strings and values broken at
commas (`'title": "CodeAnywhere', 'Shift', 'and the end of localhost', {'start': 195.0, ...`).
It is never shown as text. Instead it is read as a stream of keys and values (title, start,
summary, quotes with `[m, s]` offsets, entities, tags) and turned into records the body parser
folds into the chapters it already has. Every pattern here is linear; input is capped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_MAX = 400_000  # characters of debris looked at
_STRING = re.compile(r"'((?:[^'\\\n]|\\.){0,8000})'|\"((?:[^\"\\\n]|\\.){0,8000})\"")
_KEY_AFTER = re.compile(r"\s*:")
_KEYWORDS = (
    "title|start|summary|quotes|entities|name|type|description|tags|seo_title"
    "|seo_description|confidence|score|rationale|chapters"
)
# JSON keys inside the dump ('title": "X') are rewritten to a marker first, so their quote
# marks cannot pair up with others into false strings.
_JSON_KEY = re.compile(rf"\"?\b({_KEYWORDS})\"\s*:\s*\"?")
_MARK = "\x01{}\x02"
_BARE = re.compile(
    r"(?P<key>\x01(?P<k>[a-z_]{2,20})\x02|\b(?P<k2>[a-z_]{2,20})\"?\s*:\s*\"?)|(?P<pair>\[\s*(?P<m>\d{1,3})\s*,\s*(?P<s>\d{1,2})\s*\])"
    r"|(?P<num>-?\d+(?:\.\d+)?)|(?P<word>[^\s\[\]{},:\"'\d\x01][^\[\]{},:\"'\x01]*)"
)
_EMBEDDED = re.compile(rf"\x01({_KEYWORDS})\x02|\"?\b({_KEYWORDS})\"\s*:\s*\"?")
_PROSE_SIGNS = re.compile(r"\{'|'\}|\{\"\w+\":|\\n\s*[\]}]|'\w+':\s")
_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"n": "\n", "t": "\t", "r": ""}
_SIGNS = re.compile(r"\{'|'\}|'\s*:\s|\"\s*:\s|\\n|^\w+\"\s*:|\"(?:title|start|summary)\"")
_LETTER = re.compile(r"[^\W\d_]")
_STRIP = " \n\t\"',[]{}"
_KEYS = {"title", "start", "summary", "quotes", "entities", "name", "type", "description", "tags"}


@dataclass
class RecChapter:
    title: str | None = None
    start: float | None = None
    summary: str | None = None
    quotes: list[tuple[str, float | None]] = field(default_factory=list)


@dataclass
class RecEntity:
    name: str
    kind: str | None = None
    description: str | None = None


@dataclass
class Recovered:
    chapters: list[RecChapter] = field(default_factory=list)
    entities: list[RecEntity] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def looks_like_debris(text: str) -> bool:
    """A quote that is leaked data rather than speech: dict/JSON syntax, escapes, no words."""
    if not _LETTER.search(text):
        return True
    return bool(_SIGNS.search(text[:2000]))


def split_prose(text: str) -> tuple[str, str | None]:
    """(clean text, debris or None): a dump glued to the end of ordinary text is cut off."""
    m = _PROSE_SIGNS.search(text)
    if not m:
        return text, None
    return text[: m.start()].rstrip(), text[m.start() :]


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), text)


Event = tuple[str, object]


def _events(text: str) -> list[Event]:
    """("key", name) / ("text", str) / ("num", float) / ("pair", seconds) in document order."""
    out: list[Event] = []
    pos = 0
    for m in _STRING.finditer(text):
        _bare(text[pos : m.start()], out)
        content = _unescape(m.group(1) if m.group(1) is not None else m.group(2) or "")
        pos = m.end()
        if _KEY_AFTER.match(text, pos):
            out.append(("key", content.strip(_STRIP)))
            pos = _KEY_AFTER.match(text, pos).end()  # type: ignore[union-attr]
            continue
        _embedded(content, out)
    _bare(text[pos:], out)
    return out


def _bare(text: str, out: list[Event]) -> None:
    for m in _BARE.finditer(text):
        if m.group("key"):
            out.append(("key", m.group("k") or m.group("k2")))
        elif m.group("pair"):
            out.append(("pair", int(m.group("m")) * 60.0 + int(m.group("s"))))
        elif m.group("num"):
            out.append(("num", float(m.group("num"))))
        elif (word := m.group("word").strip(_STRIP)) and _LETTER.search(word):
            out.append(("text", word))


def _embedded(content: str, out: list[Event]) -> None:
    pos = 0
    for m in _EMBEDDED.finditer(content):
        _piece(content[pos : m.start()], out)
        out.append(("key", m.group(1) or m.group(2)))
        pos = m.end()
    _piece(content[pos:], out)


def _piece(text: str, out: list[Event]) -> None:
    text = " ".join(text.strip(_STRIP).split())
    if not text:
        return
    try:
        out.append(("num", float(text)))
    except ValueError:
        if _LETTER.search(text) or text.isdigit():
            out.append(("text", text))


def _glue(before: str, value: float, number: str) -> str:
    """A number split off at a thousands comma ("850", 0) joins back as ",000"."""
    if before[-1:].isdigit() and value.is_integer() and 0 <= value < 1000:
        return f",{int(value):03d}"
    return f" {number}"


class _Walker:
    def __init__(self) -> None:
        self.found = Recovered()
        self.cur = _Parts()
        self.field = ""
        self.entity: RecEntity | None = None
        self.glue = False  # the next text continues the previous piece ("850" 0 "every...")

    def key(self, name: str) -> None:
        self.glue = False
        if (
            (name == "title" and self.cur.filled())
            or (name == "start" and self.cur.start is not None)
            or name in {"entities", "tags"}
        ):
            self.push()
        elif name == "name":
            self.entity = RecEntity(name="")
            self.found.entities.append(self.entity)
        self.field = name if name in _KEYS else ""

    def text(self, value: str) -> None:
        f = self.field
        parts = {"title": self.cur.title, "summary": self.cur.summary}.get(f)
        if parts is not None:
            self._add(parts, value)
        elif f == "quotes":
            if self.glue and self.cur.quotes:
                self.cur.quotes[-1].text += " " + value
            else:
                self.cur.quotes.append(_Q(value))
        elif f == "tags":
            self.found.tags.append(value.lower())
        elif self.entity is not None and f in {"name", "type", "description"}:
            attr = {"name": "name", "type": "kind", "description": "description"}[f]
            old = getattr(self.entity, attr)
            setattr(self.entity, attr, f"{old}, {value}" if old else value)
        self.glue = False

    def _add(self, parts: list[str], value: str) -> None:
        if self.glue and parts:
            parts[-1] += " " + value
        else:
            parts.append(value)

    def num(self, value: float) -> None:
        f = self.field
        if f == "start" and self.cur.start is None:
            self.cur.start = value
            return
        number = str(int(value)) if value.is_integer() else str(value)
        target = {"title": self.cur.title, "summary": self.cur.summary}.get(f)
        if f == "quotes" and self.cur.quotes:
            q = self.cur.quotes[-1]
            q.text += _glue(q.text, value, number)
            self.glue = True
        elif target is not None:
            if target and target[-1][-1:].isdigit():
                target[-1] += _glue(target[-1], value, number)
            else:
                target.append(number)
            self.glue = True

    def pair(self, seconds: float) -> None:
        self.glue = False
        if self.field == "quotes" and self.cur.quotes and self.cur.quotes[-1].offset is None:
            self.cur.quotes[-1].offset = seconds

    def push(self) -> None:
        if self.cur.filled():
            self.found.chapters.append(self.cur.done())
        self.cur = _Parts()


@dataclass
class _Q:
    text: str
    offset: float | None = None


class _Parts:
    def __init__(self) -> None:
        self.title: list[str] = []
        self.start: float | None = None
        self.summary: list[str] = []
        self.quotes: list[_Q] = []

    def filled(self) -> bool:
        return bool(self.title or self.start is not None or self.summary or self.quotes)

    def done(self) -> RecChapter:
        quotes = [(q.text.strip(), q.offset) for q in self.quotes if q.text.strip()]
        return RecChapter(
            title=", ".join(self.title) or None,
            start=self.start,
            summary=", ".join(self.summary) or None,
            quotes=quotes,
        )


def recover(pieces: list[str]) -> Recovered:
    """Records from debris pieces (in document order). Best effort, never raises."""
    walker = _Walker()
    text = _JSON_KEY.sub(lambda m: _MARK.format(m.group(1)), "\n".join(pieces)[:_MAX])
    for kind, value in _events(text):
        if kind == "key":
            walker.key(str(value))
        elif kind == "text":
            walker.text(str(value))
        elif kind == "num":
            walker.num(float(value))  # type: ignore[arg-type]
        else:
            walker.pair(float(value))  # type: ignore[arg-type]
    walker.push()
    found = walker.found
    found.entities = [e for e in found.entities if e.name]
    found.tags = list(dict.fromkeys(t for t in found.tags if t))
    return found
