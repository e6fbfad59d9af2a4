"""Episode titles: a leading emoji kind marker, the title proper, and the guests it names.

Patterns seen on listing pages: "Title — Guest, Org", "Title— Guest", "Title — A & B",
"Title | Guest (Org, Org)", "⚡️ Guest - Title", "Title: Guest on X". A part is taken as people
only when it looks like names (capitalised words, no digits), so "Agents — A Primer" stays whole.
`assign_people` then uses Person entities ("Host of ...") to tell hosts from guests.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from castdigest.models import Entity, Person
from castdigest.text.normalize import fold

_MAX_TITLE = 300
_JOINERS = {"\u200d", "\ufe0f", "\ufe0e", "\u20e3"}
_PARTICLES = {"de", "da", "van", "von", "der", "del", "di", "du", "la", "le", "bin", "al", "y"}
# Words a title may open with and a person's name never does
_ARTICLES = {"the", "a", "an", "les", "un", "une", "el", "los", "las", "der", "die", "das", "ein",
             "eine", "il", "lo", "gli", "os", "het", "een"}  # fmt: skip
# Determiners and question words never open a person's name: "Your Questions on the Reshuffle"
# is a title's words ("Bonus: Your Questions on ..." has no guest called "Your Questions").
_NOT_NAMES = {"your", "my", "our", "their", "his", "its", "this", "that", "these", "those",
              "what", "why", "how", "who", "when", "where", "which", "every", "all", "some",
              "votre", "vos", "mon", "mes", "notre", "nos", "leur", "leurs", "ce", "cette",
              "ces", "sus", "tus", "mis", "este", "esta", "estos", "estas",
              "dein", "deine", "mein", "meine", "unser", "unsere", "dieser", "diese", "dieses",
              "questo", "questa", "jouw", "onze", "deze", "dit"}  # fmt: skip
_NOT_FIRST = frozenset(_ARTICLES | _NOT_NAMES)  # words no person's name opens with
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.\-]*$")
_DASH = re.compile(r"\s*[—–]\s*|\s+-\s+|\s+\|\s+")
# An episode's number alone ("23화", "Ep. 12", "#31", "第12期", "Folge 48"): what comes after its
# dash is the title, not a guest.
_NUMBER_ONLY = re.compile(r"^\W*(?:[^\W\d_]{1,10}\.?\s*)?#?\d{1,4}\s*[^\W\d_]{0,3}\W*$")
_ON = re.compile(r"^(?P<title>.+?):\s+(?P<who>[^:]+?)\s+(?:on|sur|about)\s+(?P<rest>.+)$")
_PAREN = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<org>[^()]+)\)$")
_AND = re.compile(r"\s+(?:&|and|et|y|und)\s+|\s*&\s*")
_HOST = re.compile(
    r"\b(?:co-?)?hosts?\b|\bhôte\b|\b(?:co-?)?animat(?:eur|rice)\b|\bprésentat(?:eur|rice)\b"
    r"|主持人|진행자",
    re.IGNORECASE,
)

# "COO of GitHub and ...", "CEO and co-founder of Daytona", "responsable DevEx chez Google".
_ROLE_AT = re.compile(
    r"^(?:[\w'’-]+\s){0,3}?(?i:CEO|CTO|COO|CMO|CFO|CPO|VP|founder|co-?founder|cofondat(?:eur|rice)"
    r"|fondat(?:eur|rice)|head|director|direct(?:eur|rice)|responsable|engineer|researcher"
    r"|chercheur|chercheuse|partner|associée?|president|présidente?|lead)"
    r"(?:\s(?:and|et)\s[\w'’ -]{1,30}?|(?:\s[\w'’-]+){1,2}?)?\s(?:of|at|chez|de|d')\s?"
    r"((?:[A-Z][\w&.’'-]*)(?:\s[A-Z][\w&.’'-]*){0,3})",
)


@dataclass
class TitleParts:
    title: str  # without the guests it names
    kind: str | None = None
    guests: list[Person] = field(default_factory=list)
    shown: str = ""  # the title as the page shows it, guests included (no kind marker)


def split_emoji(title: str) -> tuple[str | None, str]:
    """("⚡️", "rest") when the title starts with emoji (and joiners); else (None, title)."""
    i = 0
    while i < len(title) and (
        unicodedata.category(title[i]) in {"So", "Sk"} or title[i] in _JOINERS
    ):
        i += 1
    if i == 0:
        return None, title
    return title[:i], title[i:].strip()


def _caseless(word: str) -> bool:
    return all(ch.isalpha() and not ch.isupper() and not ch.islower() for ch in word)


def _is_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 5 or words[0].casefold() in _NOT_FIRST:
        return False  # "The Night Porter" is a title's words, not a person
    caps = 0
    for w in words:
        if any(c.isdigit() for c in w):
            return False  # "퇴근길 라디오 EP.64": a show and its number; no name has digits
        if w.lower() in _PARTICLES:
            continue
        if _caseless(w) and len(w) <= 4:
            caps += 1  # a Chinese, Japanese or Korean name: scripts without capitals
            continue
        if not _NAME_WORD.match(w) or not w[0].isupper():
            return False
        caps += 1
    if len(words) > _CASELESS_NAME_WORDS and all(map(_caseless, words)):
        return False  # "시청자가 보낸 인생의 책": a phrase; a CJK name is a word or two ("佐伯 遥")
    return caps >= 1 and len(text) <= 60


_CASELESS_NAME_WORDS = 2


def _person(part: str) -> Person | None:
    """ "Alex Rives, BioHub" / "Guest (Org, Org)" / "Ethan He" -> Person, else None."""
    part = part.strip(" ,")
    if m := _PAREN.match(part):
        name, org = m.group("name").strip(), m.group("org").strip()
    elif "," in part:
        name, org = (s.strip() for s in part.split(",", 1))
    else:
        name, org = part, ""
    if not _is_name(name):
        return None
    return Person(name=name, role="guest", affiliation=org or None)


def parse_people(text: str) -> list[Person]:
    """People in a credit: "A, Org & B, Org" / "A & B" / "A (Org)". Empty if any part is not."""
    people: list[Person] = []
    for part in _AND.split(text.strip()):
        if not part.strip():
            continue
        p = _person(part)
        if p is None:
            return []
        people.append(p)
    return people


def clip_title(text: str, limit: int = _MAX_TITLE) -> str:
    """A title of at most `limit` characters, cut at a word boundary ("…" marks the cut)."""
    text = " ".join(text[: limit * 4].split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + "…"


def split_title(raw: str, context: str | None = None) -> TitleParts:
    """Split a display title into kind marker, title and guests (see module docstring).
    `context`: the episode's text, when known: a name before the title ("Jane Doe - Title")
    is taken for a guest only if that text names her too ("Nachtfähre Rheinberg – die
    letzte ihrer Art?" has capitalised nouns, no guest)."""
    kind, text = split_emoji(clip_title(raw))
    text = text.strip()
    pieces = _DASH.split(text)
    if len(pieces) >= 2:
        # "Title — Guest": the guest part is the last piece.
        head, tail = _DASH.split(text)[:-1], pieces[-1]
        people = parse_people(tail)
        if people and head[0] and not _NUMBER_ONLY.match(" ".join(head)):
            sep = _DASH.finditer(text)
            last = list(sep)[-1]
            return TitleParts(text[: last.start()].strip(), kind, people, text)
        # "Guest - Title": the guest part is the first piece, a full name.
        people = parse_people(pieces[0])
        full = all(len(p.name.split()) >= 2 or _caseless(p.name) for p in people)
        named = context is None or any(p.name in context for p in people)
        if people and full and named and not parse_people(" ".join(pieces[1:])):
            first = next(_DASH.finditer(text))
            return TitleParts(text[first.end() :].strip(), kind, people, text)
    if m := _ON.match(text):
        people = parse_people(m.group("who"))
        if people:
            return TitleParts(m.group("title").strip(), kind, people, text)
    return TitleParts(text or clip_title(raw), kind, [], text or clip_title(raw))


def is_host_description(description: str | None) -> bool:
    return bool(description and _HOST.search(description[:80]))


def assign_people(
    guests: list[Person], entities: list[Entity]
) -> tuple[list[Person], list[Person]]:
    """(hosts, guests): Person entities described as hosts become hosts (also when the title
    credits them); guests gain the description their entity gives."""
    by_name: dict[str, Entity] = {}
    hosts: list[Person] = []
    for ent in entities:
        if ent.kind != "Person":
            continue
        for alias in re.split(r"\s*/\s*", ent.name):
            by_name[fold(alias)] = ent
        if is_host_description(ent.description):
            hosts.append(Person(name=ent.name, role="host", description=ent.description))
    host_keys = {fold(a) for h in hosts for a in re.split(r"\s*/\s*", h.name)}
    out: list[Person] = []
    for g in guests:
        key = fold(g.name)
        if key in host_keys:
            continue
        match = by_name.get(key)
        if match and match.description and not g.description:
            g = g.model_copy(update={"description": match.description})
        if g.affiliation is None and g.description and (m := _ROLE_AT.search(g.description)):
            g = g.model_copy(update={"affiliation": m.group(1).rstrip(".,;")})
        out.append(g)
    return hosts, out
