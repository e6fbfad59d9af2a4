"""People's lines around a page's title, which are never the title: a person's card (a
label, the name under it, the role under that), an author's card under a lede, a full name the
page's prose calls by a name of theirs alone ("Jess Corrigan", "they tell Jess"), names joined
("Omar Reyes and Helen Drabek"), and a person label with a name ("With Ada Lund").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import regex

from castdigest.readers.heading_words import joined_parts, joiner_words
from castdigest.readers.title_signals import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    credited,
    names_person,
    vocabulary,
)

_PARAGRAPH = 100  # characters: a line this long is a paragraph, not a title
_SENTENCE_MARK = re.compile(r"[.!?。！？:：]")
_CARD_LINE = 40  # characters of a line of an author's card ("Inês Carvalhal", "Jornalista")
_CARD_WORDS = 4
_PROSE_CHARS = 20_000  # characters of the page's paragraphs searched for a first name


def author_card(line: str) -> bool:
    """A line of an author's card under a lede: a name or a role of a word or few, no sentence
    ("Inês Carvalhal" / "Jornalista")."""
    s = line.strip()
    return (
        0 < len(s) <= _CARD_LINE
        and len(s.split()) <= _CARD_WORDS
        and not _SENTENCE_MARK.search(s)
        and not any(c.isdigit() for c in s)
    )


def in_person_card(head: list[tuple[int, str]], k: int) -> bool:
    """head[k] is the name under a person's label, or the role under that name."""
    return any(k >= d and names_person(head[k - d][1]) for d in (1, 2))


# any script with cases: "Ewa", "Grądzki", "Šťastný", a double name "Solberg-Hale"
_NAME_WORD = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*"


@cache
def person_name() -> str:
    """A person's full name as a `regex` pattern: two or three capitalised words, the words of
    `titles.json` `name_particles` between them ("Ruben de Wit", "Jan van der Berg")."""
    words = {w for ws in vocabulary()["name_particles"].values() for w in ws}
    particles = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return rf"(?P<first>{_NAME_WORD})(?: (?:(?:{particles}) ){{0,3}}{_NAME_WORD}){{1,2}}"


@cache
def _full_name() -> regex.Pattern[str]:
    return regex.compile(rf"^{person_name()}$")


@cache
def _full_name_at() -> regex.Pattern[str]:
    """A full name, then a word's end (matched at a position)."""
    return regex.compile(rf"{person_name()}(?!\w)")


def opening_prose(texts: list[str]) -> str:
    """The page's paragraphs joined, up to `_PROSE_CHARS` (a long page is not joined whole)."""
    taken: list[str] = []
    size = 0
    for line in texts:
        if len(line) >= _PARAGRAPH:
            taken.append(line)
            size += len(line) + 1
            if size >= _PROSE_CHARS:
                break
    return " ".join(taken)[:_PROSE_CHARS]


def full_name(line: str) -> bool:
    """Two or three capitalised words and nothing else ("Harriet Okafor"): a person's name,
    or a show's; what else the page says tells which."""
    return _short_full_name(line) if len(line) <= _CACHED_LINE else _is_full_name(line)


_CACHED_LINE = 200  # characters: a title or a name, which several passes ask about


@lru_cache(maxsize=1 << 12)  # entry starts, story titles and bylines ask it of the same lines
def _short_full_name(line: str) -> bool:
    return _is_full_name(line)


def _is_full_name(line: str) -> bool:
    return _full_name().match(line.strip()) is not None


def first_named(line: str, prose: str) -> bool:
    """A full name ("Jess Corrigan") whose first name alone the page's prose uses ("they tell
    Jess what happened"): a person's name, the host's or the author's, not a title."""
    m = _full_name().match(line.strip())
    return m is not None and _alone_in(m["first"], prose)


def _alone_in(word: str, prose: str) -> bool:
    """The prose names someone by `word` alone, after a lowercase word ("they tell Jess")."""
    return re.search(rf"(?<=[a-zà-ÿ] ){re.escape(word)}(?! [A-ZÀ-Þ])\b", prose) is not None


# a label and a name opening a line of people ("with Ines Aldana from Relaybox & Tomasz Wrona")
_WITH_PEOPLE = regex.compile(
    rf"^(?P<label>[^\W\d_]+) (?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{1,2}})\b.{{0,80}}$"
)


_ROLE_WORDS = 14  # words of a line of a person's name and role


# a name and a role, perhaps after a title ("Dr. Lena Hoffbauer, Energieberaterin")
_NAME_ROLE = regex.compile(
    rf"^(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{{0,4}}\. )?(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{1,2}}), \S"
)


# a person label, a role of a word or three, a full name ending the line ("Mit der
# Sozialpsychologin Dr. Miriam Lenhardt", "With guest Ada Lund")
_WITH_ROLE = regex.compile(
    rf"^(?P<label>[^\W\d_]+)(?: \S+){{1,3}}? (?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{1,2}})$"
)


def guest_line(line: str) -> str | None:
    """The name a line of who is on gives after its label and the person's role ("Mit der
    Sozialpsychologin Dr. Miriam Lenhardt" -> "Miriam Lenhardt"), else None."""
    s = line.strip()
    if len(s.split()) > _ROLE_WORDS or (m := _WITH_ROLE.match(s)) is None:
        return None
    return m["name"] if names_person(m["label"]) else None


def with_person(line: str, prose: str) -> bool:
    """A full name the prose names too, after a one-word person label ("Com Renata
    Albuquerque", "With Ada Lund") or before a role ("Renata Albuquerque, agricultora"; the
    prose: "… Renata Albuquerque coordena a horta"): who is talking, not a title."""
    s = line.strip()
    if (m := _WITH_PEOPLE.match(s)) is not None and names_person(m["label"]):
        return m["name"] in prose
    if ":" in s or len(s.split()) > _ROLE_WORDS:
        return False  # "Offene Kerne, volle Racks: Warum …": a title of capitalised nouns
    m = _NAME_ROLE.match(s)
    if m is None or m["name"] not in prose:
        return False
    # "Ana Ruiz, Ben Lund et le palmarès": another name after the comma, joined to more,
    # lists people in a title; a role follows a name alone ("Ana Ruiz, Senior Fellow")
    other = _full_name_at().match(s, m.end("name") + 2)
    if other is None:
        return True
    rest = s[other.end() :].strip()
    return not (rest.startswith(",") or rest.split(" ", 1)[0].casefold() in joiner_words())


# a quotation, in any of the marks titles are quoted with: what a page quotes may be a title
_QUOTED = re.compile(rf"[{OPEN_QUOTES}][^{CLOSE_QUOTES}\n]{{1,200}}[{CLOSE_QUOTES}]")


def named_as_person(title: str, texts: list[str]) -> bool:
    """`title` is a full name alone that the page's prose says outside quotation marks ("…
    Anna Mirowska rozmawia z …"): a byline's or a guest's name more likely than an episode's
    title, which a page quotes when its prose names it."""
    s = " ".join(title.split())
    return full_name(s) and s in _QUOTED.sub(" ", opening_prose(texts))


def role_named(line: str, prose: str) -> bool:
    """A full name alone that the prose names after a by-word or a role ("spricht Moderator
    Jonas Kleinert mit …", "Presented by Harriet Okafor"): a byline, not a title."""
    s = line.strip()
    return full_name(s) and credited(s, prose)


def labelled_name(line: str) -> bool:
    """A one-word person label and a full name, nothing else ("With Ada Lund", "Com Beatriz
    Tavares")."""
    s = line.strip()
    m = _WITH_PEOPLE.match(s)
    return m is not None and m.end("name") == len(s) and names_person(m["label"])


@lru_cache(maxsize=1 << 12)  # asked of an entry's lines by its start, its frame and its title
def names_only(line: str) -> bool:
    """Full names joined, nothing else ("Omar Reyes and Helen Drabek", "Ada Lund & Ben Ruiz",
    "Lukas Brunner, Seraina Vogt")."""
    parts = [q.strip() for p in joined_parts(line.strip()) for q in p.split(", ")]
    return len(parts) >= 2 and all(_full_name().match(p) for p in parts)


def people_joined(line: str, prose: str) -> bool:
    """Full names joined, one of them called by a name of theirs alone in the prose ("Reyes
    and Drabek describe"): a byline."""
    if not names_only(line):
        return False
    words = [w for p in joined_parts(line.strip()) for w in (p.split()[0], p.split()[-1])]
    return any(_alone_in(word, prose) for word in words)
