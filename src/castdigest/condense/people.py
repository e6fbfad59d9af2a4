"""Who is talking: the guests named in the blurb, and takeaways that say who they are about.

A takeaway opening on a first name alone gets the one known full name starting with it, and one
opening on a personal pronoun gets the episode's one guest (`thoughts.resolve`). One that
still opens on a pronoun standing for someone outside the sentence ("He", "They", "Elle"), or
on a first name several known people share, is not chosen while the material has others: the
reader would not know who is meant. Pronouns are language data (`UNRESOLVED`); an impersonal
"it" ("It takes a week to ...", "Il faut ...") refers to nothing and stays. In a transcript
only first names are written out (see `settle`).
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from castdigest.condense.candidates import Candidate
from castdigest.condense.thoughts import ends_sentence, resolve
from castdigest.models import Episode, Person
from castdigest.text.language import is_cjk

# Openings that stand for a person or thing named outside the sentence, lower case.
UNRESOLVED: dict[str, tuple[str, ...]] = {
    "en": ("he", "she", "they", "them", "him", "his", "her", "their", "it", "its"),
    "fr": ("il", "elle", "ils", "elles", "lui", "leur", "leurs", "son", "sa", "ses"),
    "es": ("él", "ella", "ellos", "ellas", "su", "sus"),
    "de": ("er", "sie", "ihr", "ihre", "sein", "seine"),
    "it": ("lui", "lei", "loro", "egli", "ella"),
    "pt": ("ele", "ela", "eles", "elas"),
    "zh": ("他们", "她们", "他", "她", "它"),
    "ja": ("彼女", "彼ら", "彼"),
    "ko": ("그녀는", "그녀가", "그들은", "그들이", "그는", "그가"),
}
# Impersonal openings: the pronoun stands for nothing ("It is worth ...", "Il y a ...").
IMPERSONAL: dict[str, str] = {
    "en": (
        r"it(?:'s|’s| is| was| will be| would be| seems| turns out| takes| makes sense| pays)"
        r"\b(?=.*\b(?:to|that|how|why|when|whether|if)\b)"
    ),
    "fr": r"il (?:faut|y a|s'agit|s’agit|suffit|reste|semble|est (?:\w+ )?(?:de|que|d'|d’))",
    "es": r"(?!)",
    "de": r"es\b",
}
# How the blurb introduces guests it does not name, per language ("With Ada Lund (Relay).").
WITH: dict[str, str] = {
    "en": "With {}.",
    "fr": "Avec {}.",
    "es": "Con {}.",
    "de": "Mit {}.",
    "it": "Con {}.",
    "pt": "Com {}.",
    "zh": "嘉宾：{}。",
    "ja": "ゲスト：{}。",
    "ko": "게스트: {}.",
}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_PLAIN_ROLES = {"guest", "host", "cohost", "co-host", "invité", "invitée", "speaker"}
_ROLE_WORDS = 10  # a description's first clause longer than this is a biography, not a role
_CLAUSE_END = re.compile(r"\s*(?:[;(]|\s[—–]\s|\.\s|\.$)")


def _lang(language: str | None) -> str:
    return (language or "en").split("-")[0].lower()


@lru_cache(maxsize=32)
def _opening(lang: str) -> re.Pattern[str]:
    words = sorted(UNRESOLVED.get(lang, UNRESOLVED["en"]), key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    if is_cjk(lang):
        return re.compile(rf"^(?:{alternation})")
    return re.compile(rf"^(?:{alternation})(?![\w'’-])", re.IGNORECASE)


def unresolved(text: str, people: list[str], language: str | None = None) -> bool:
    """Opens on a pronoun for someone outside the sentence, or on a first name that several
    of `people` share."""
    lang = _lang(language)
    bare = text.lstrip("\"'“‘«「 ")
    if _opening(lang).match(bare):
        impersonal = IMPERSONAL.get(lang)
        return not (impersonal and re.match(impersonal, bare, re.IGNORECASE))
    first = re.match(r"[^\W\d_][\w-]*", bare)
    if first is None or is_cjk(lang):
        return False
    word = first.group()
    sharing = {n for n in people if " " in n and n.split()[0] == word}
    return len(sharing) > 1 and not any(bare.startswith(n) for n in sharing)


def settle(
    cands: list[Candidate],
    episode: Episode,
    language: str | None,
    *,
    speech: bool = False,
) -> list[Candidate]:
    """`cands` with known people's names written out, without those still opening on someone
    unnamed (all of them when none would be left).

    In `speech` only first names are written out, and a sentence opening on a pronoun stays
    (the points-back penalty of `extractive` ranks it lower): a speaker's "he" is anyone, and
    leaving such sentences out of transcripts lowered QMSum and VCSum in
    bench/condense_quality.py."""
    people = [p.name for p in (*episode.hosts, *episode.guests, *episode.people)]
    main = episode.guests or episode.hosts
    subject = main[0].name if len({p.name for p in main}) == 1 and not speech else None
    out: list[Candidate] = []
    for cand in cands:
        text = resolve(cand.text, people, subject, language) if people else cand.text
        if speech or not unresolved(text, people, language):
            out.append(cand if text == cand.text else dataclasses.replace(cand, text=text))
    return out or cands


def introduce(blurb: str, episode: Episode, language: str | None) -> str:
    """`blurb`, followed by the guests and their roles when it names none of them
    ("… With Kyle Daigle (COO, GitHub).")."""
    guests = list({p.name: p for p in episode.guests if p.name.strip()}.values())
    if not guests or any(_named(p.name, blurb) for p in guests):
        return blurb
    names = ", ".join(_who(p) for p in guests[:3])
    line = WITH.get(_lang(language), WITH["en"]).format(names)
    if not blurb:
        return line
    space = "" if is_cjk(_lang(language)) else " "  # no spaces between CJK sentences
    return f"{blurb}{space}{line}" if ends_sentence(blurb) else f"{blurb}.{space}{line}"


def _named(name: str, text: str) -> bool:
    """The full name, or its last word (a surname) for a name of several words."""
    if _CJK.search(name):  # no spaces between words: the name anywhere
        return name in text
    forms = {name, name.split()[-1]} if " " in name else {name}
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text) for f in forms)


def _who(person: Person) -> str:
    """ "Name (role, affiliation)" with what is known; a role from a credited role, else from
    the first clause of a description ("COO of GitHub; built the first webhooks")."""
    parts = []
    role = (person.role or "").strip()
    if role and role.casefold() not in _PLAIN_ROLES:
        parts.append(role)
    elif person.description:
        clause = _CLAUSE_END.split(person.description.strip(), maxsplit=1)[0].strip()
        if clause and len(clause.split()) <= _ROLE_WORDS:
            parts.append(clause)
    if person.affiliation and person.affiliation.strip() not in " ".join(parts):
        parts.append(person.affiliation.strip())
    return person.name + (f" ({', '.join(parts)})" if parts else "")
