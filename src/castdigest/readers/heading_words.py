"""Section headings of saved pages, in any of the languages of `data/headings.json`.

A heading is a short line standing alone: marks around it (`#`, `**`, `==`, a bullet, an
emoji), a trailing colon and a trailing count ("Chapters11", "Quotes (3)") are taken off, and
what is left, casefolded, is looked up in the vocabulary, which says which section it opens.
The words are data, so a language is added by editing the file, not the code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from castdigest.text.normalize import without_accents
from castdigest.text.truncate import cjk_count

KINDS = (
    "summary",
    "takeaways",
    "chapters",
    "highlights",
    "quotes",
    "transcript",
    "sources",
    "shownotes",
    "questions",
    "actions",
    "keywords",
)
# A heading joining two ("Summary & Key Takeaways") is read as its most specific part: the
# one that says how its lines are read.
_SPECIFIC = (
    "takeaways",
    "chapters",
    "quotes",
    "transcript",
    "highlights",
    "questions",
    "shownotes",
    "summary",
    "sources",
    "actions",
    "keywords",
)
MAX_HEADING = 60  # characters: a longer line is a sentence, whatever its words
_EDGES = "#*=_~>|•·▪●◦‣-–—[]【】「」《》〈〉()（）「」:：.。!！ \t"
# A trailing count: "(12)", "1,204", "412개", "36件"
_COUNT = re.compile(r"\s*[(（\[]?\d{1,4}(?:[,.]\d{3})*\s?[개件条個건]?[)）\]]?\s*$")
_COMMENTS_WORDS = 4  # words of a heading that ends in a comments word
_MORE_NAME = 6  # characters of a show's name after "More"
_MORE_JOINED = 2  # after "More from": a network's initials ("More from RN")
_LEADING_COUNT = re.compile(r"^\d{1,5}(?:[,.]\d{3})*\s+(?=[^\W\d_])")
_SYMBOLS = re.compile(r"^[^\w\s]+|[^\w\s]+$")
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[IVX]{1,4})\s*[、.．)）]\s*")
# A trailing qualifier in brackets: "Transcript (English)", "文字起こし（自動生成）"
_QUALIFIER = re.compile(r"\s*[(（\[][^()（）\[\]]{1,30}[)）\]]\s*$")


@lru_cache(maxsize=1)
def _headings() -> dict[str, Any]:
    """data/headings.json, read once."""
    raw: dict[str, Any] = json.loads(
        resources.files(__package__).joinpath("data/headings.json").read_text("utf-8")
    )
    return raw


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, str]:
    """Casefolded heading words -> section kind."""
    raw = _headings()
    words: dict[str, str] = {}
    for kind in KINDS:
        for names in raw[kind].values():
            for name in names:
                words.setdefault(name.casefold(), kind)
                words.setdefault(_plain(name), kind)  # what `_bare` gives of a heading
                if cjk_count(name) and " " in name:  # "핵심 요약" is written "핵심요약" too
                    words.setdefault(_plain(name).replace(" ", ""), kind)
    return words


def _plain(word: str) -> str:
    """A vocabulary word as `_bare` gives a heading: casefolded, accents off ("Ecoutez aussi"
    is "Écoutez aussi" typed without its capital's accent)."""
    return without_accents(word.casefold())


@lru_cache(maxsize=1 << 12)  # a heading test asks it of a line several times (kinds, "More")
def _bare(line: str) -> str:
    s = line.strip().strip(_EDGES).strip()
    s = _SYMBOLS.sub("", s).strip()  # emoji and other marks around the words
    if (m := _COUNT.search(s)) and m.start() > 0:
        s = s[: m.start()].rstrip()
    if (m := _LEADING_COUNT.match(s)) and m.end() < len(s):
        s = s[m.end() :]  # "12 comments", "5 key takeaways"
    if (m := _SECTION_NUMBER.match(s)) and m.end() < len(s):
        s = s[m.end() :]  # a numbered section: "二、核心观点", "2. Key takeaways", "III) Chapters"
    return _plain(s.strip(_EDGES))


@lru_cache(maxsize=1 << 12)  # asked of every short line of a page, which repeat ("Play")
def suggests_others(line: str) -> bool:
    """A heading over what a page suggests besides its episode ("More episodes like this",
    "Weitere Folgen", "他のエピソード"): the vocabulary's `suggested` words."""
    s = line.strip()
    if not s or len(s) > MAX_HEADING:
        return False
    bare = _bare(s)
    if bare in _suggested() or _suggested_from(bare):
        return True
    rest = _without_owner(bare)  # "Marisol's Most Recent Stories"
    if rest is not None and rest in _suggested():
        return True
    rest = _without_media(bare)  # "Related Podcast Episodes"
    return rest is not None and (rest in _suggested() or _suggested_from(rest))


def _without_media(bare: str) -> str | None:
    """A heading less the word for its medium among its words ("related podcast episodes"
    -> "related episodes"), or None when it holds none."""
    padded = f" {bare} "
    for word in _media():
        if f" {word} " in padded:
            rest = padded.replace(f" {word} ", " ", 1).strip()
            return rest if " " in rest or cjk_count(rest) else None
    return None


@lru_cache(maxsize=1)
def _media() -> tuple[str, ...]:
    """The vocabulary's `media` words as `_bare` gives them, the longest first."""
    words = {_plain(w) for ws in _headings()["media"].values() for w in ws}
    return tuple(sorted(words, key=len, reverse=True))


def more_of(line: str, above: Iterable[str]) -> bool:
    """A heading "More <show>" ("Mehr Bücherherbst", "Plus de La Tribune", "更多<show>"):
    a word of `more` and a name shown on a line of `above` (read only for such a heading),
    the show's other episodes."""
    names = more_names(line)
    return bool(names) and not names.isdisjoint(shown_names(above))


@lru_cache(maxsize=1 << 12)
def more_names(line: str) -> frozenset[str]:
    """The names a "More <show>" heading may name, as `shown_names` gives them: what follows
    the word of `more`, and what follows a joining word after it ("more from <show>"); none
    for another line or a button ("More info")."""
    s = line.strip()
    if not s or len(s) > MAX_HEADING:
        return frozenset()
    bare = _bare(s)
    for word in _more_by_first().get(bare[:1], ()):
        if not bare.startswith(word) or not (
            cjk_count(word) or bare[len(word) : len(word) + 1] == " "
        ):
            continue
        rest = bare[len(word) :].strip()
        joined = word.rpartition(" ")[2] in _joins()[0]  # "more from": a name follows
        if len(rest) < (_MORE_JOINED if joined else _MORE_NAME):
            return frozenset()  # "More info": a button
        first, _, tail = rest.partition(" ")
        return frozenset([rest, tail] if first in _joins()[0] and tail else [rest])
    return frozenset()


def names_under_more(lines: Sequence[str]) -> set[str]:
    """The names a "More <show>" heading puts on the line under it when it stands alone
    ("More in:" / "<show>", "Mehr von" / "<show>"): a heading of the vocabulary's `more`
    words of two words or more (a lone "More" is a button), then a short line."""
    found: set[str] = set()
    for k, line in enumerate(lines[:-1]):
        s = line.strip()
        if not s or len(s) > MAX_HEADING or " " not in (bare := _bare(s)):
            continue
        if bare in _more_words():
            under = next((u.strip() for u in lines[k + 1 : k + 3] if u.strip()), "")
            if under and len(under) <= MAX_HEADING:
                found.add(_bare(under))
    return found


def shown_names(lines: Iterable[str]) -> set[str]:
    """The lines that may be a show's name, as `more_names` gives names: short lines, bare."""
    return {_bare(line) for line in lines if line.strip() and len(line) <= MAX_HEADING}


def named_by_more(line: str, headings: Iterable[str]) -> bool:
    """`line` is the name a "More <show>" heading among `headings` names ("Mer från
    Historiekammaren i P1"): the show's, which a page heads its other episodes with. For
    many lines, `more_names` of the headings once is cheaper."""
    s = line.strip()
    return bool(s) and len(s) <= MAX_HEADING and any(_bare(s) in more_names(h) for h in headings)


@lru_cache(maxsize=1)
def _more_words() -> tuple[str, ...]:
    raw = _headings()
    words = {_plain(w) for ws in raw["more"].values() for w in ws}
    return tuple(sorted(words, key=len, reverse=True))


def _suggested_from(bare: str) -> bool:
    """A suggestions heading joined to the show's name: "more episodes from <show>" (a
    joining word after the heading's words), "<show>の他のエピソード" (a particle before
    them)."""
    joins, particles = _joins()
    words = bare.split()
    for k, word in enumerate(words[1:-1] if len(words) > 2 else [], start=1):
        if (word in joins or word[:2] in joins) and " ".join(words[:k]) in _suggested():
            return True
    for particle in particles:
        at = bare.find(particle)
        while at > 0:
            if bare[at + len(particle) :].strip() in _suggested():
                return True
            at = bare.find(particle, at + 1)
    return False


@lru_cache(maxsize=1)
def joiner_words() -> frozenset[str]:
    """The vocabulary's `joiners` that are words ("and", "und", "et"), casefolded: what
    joins the last item of a list to the others."""
    raw = _headings()["joiners"]
    return frozenset(w.casefold() for lang, ws in raw.items() if lang != "any" for w in ws)


@lru_cache(maxsize=1)
def _joins() -> tuple[frozenset[str], tuple[str, ...]]:
    """The joining words (Latin script) and particles (CJK) of `suggested_from`."""
    raw = _headings()
    found = [_plain(w) for words in raw["suggested_from"].values() for w in words]
    return frozenset(w for w in found if w.isascii() or "’" in w), tuple(
        w for w in found if not (w.isascii() or "’" in w)
    )


def opens_comments(line: str) -> bool:
    """A heading over the page's comment thread ("Comments", "评论 236", "댓글"): the
    vocabulary's `comments` words."""
    if _heads(line, "comments"):
        return True
    # "Boosts & comments", "Reviews and comments": a short heading ending in the word
    words = _bare(line.strip()).split() if 0 < len(line.strip()) <= MAX_HEADING else []
    return 1 < len(words) <= _COMMENTS_WORDS and words[-1] in _words_of("comments")


def lists_airings(line: str) -> bool:
    """A heading over a radio programme's broadcast times ("Broadcasts", "Sendetermine",
    "放送日時"): the vocabulary's `schedule` words."""
    return _heads(line, "schedule")


def lists_tracks(line: str) -> bool:
    """A heading over the music a radio programme played, each track under the clock time it
    aired ("Music played", "Gespeelde muziek", "선곡표"): the vocabulary's `playlist` words."""
    return _heads(line, "playlist")


def lists_episodes(line: str) -> bool:
    """A heading over a show's list of its episodes ("All episodes", "Afleveringen",
    "全部单集"): the vocabulary's `episodes` words, perhaps with the show they are of ("Alle
    Folgen von Maschinenraum", "All episodes of Night Ferry")."""
    if _heads(line, "episodes"):
        return True
    s = line.strip()
    if not s or len(s) > MAX_HEADING or cjk_count(s):
        return False
    words = _bare(s).split()
    of = _of_words()
    episodes = _words_of("episodes")
    return any(words[n] in of and " ".join(words[:n]) in episodes for n in range(1, len(words) - 1))


@lru_cache(maxsize=1)
def _of_words() -> frozenset[str]:
    """titles.json's `of_words` of one word ("of", "von", "de"): a heading's name follows."""
    raw = json.loads(resources.files(__package__).joinpath("data/titles.json").read_text("utf-8"))
    return frozenset(_plain(w) for ws in raw["of_words"].values() for w in ws if " " not in w)


def names_episodes(line: str) -> bool:
    """`line` holds a word of the vocabulary's `episodes` headings ("Weitere Folgen", "More
    episodes"): what it heads are episodes, of the same show on a show's page."""
    folded = line.casefold()
    return any(w in folded for w in _words_of("episodes") if " " not in w)


def _heads(line: str, kind: str) -> bool:
    """`line` is a heading of one of the vocabulary's kinds that are not sections."""
    s = line.strip()
    return bool(s) and len(s) <= MAX_HEADING and _bare(s) in _words_of(kind)


def _suggested() -> frozenset[str]:
    return _words_of("suggested")


@lru_cache(maxsize=8)
def _words_of(kind: str) -> frozenset[str]:
    """The casefolded words of one of the vocabulary's kinds that are not sections."""
    raw = _headings()
    words = [name for names in raw[kind].values() for name in names]
    return frozenset([*(w.casefold() for w in words), *(_plain(w) for w in words)])


@lru_cache(maxsize=1)
def _counted() -> re.Pattern[str]:
    """A count opening a heading ("几点收获", "3つのポイント", "5 key takeaways"): digits or the
    vocabulary's `numerals`, then perhaps one of its `counters`."""
    raw = _headings()
    numerals = "".join(sorted({n for ns in raw["numerals"].values() for n in ns}))
    counters = sorted({c for cs in raw["counters"].values() for c in cs}, key=len, reverse=True)
    counter = "|".join(map(re.escape, counters))
    return re.compile(rf"^(?:\d{{1,2}}|[{re.escape(numerals)}]{{1,2}})\s*(?:{counter})?\s*")


def heading_kind(line: str) -> str | None:
    """The section a heading line opens ("chapters", "takeaways"...), or None."""
    s = line.strip()
    if not s or len(s) > MAX_HEADING:
        return None
    return _short_heading_kind(s)


@lru_cache(maxsize=1 << 14)  # a page's short lines are asked by several passes (tabs, starts)
def _short_heading_kind(s: str) -> str | None:
    """`heading_kind` of a stripped line of at most `MAX_HEADING` characters."""
    bare = _bare(s)
    if (kind := vocabulary().get(bare)) is None and (m := _QUALIFIER.search(s)) and m.start():
        kind = vocabulary().get(_bare(s[: m.start()]))
    if kind is None and _joiner().search(bare):
        kind = _joined_kind(bare)
    if kind is None and (head := _without_tail(bare)):
        kind = vocabulary().get(head)
    if kind is None and (rest := _without_owner(bare)):
        kind = vocabulary().get(rest)
    if kind is None and (m := _counted().match(bare)) and m.end() < len(bare):
        kind = vocabulary().get(bare[m.end() :])  # "几点收获", "三つのポイント", "5 takeaways"
    if kind is None and "-" in bare:
        # a compound written with a hyphen or without ("Take-Aways", "Show-Notes")
        kind = vocabulary().get(bare.replace("-", "")) or vocabulary().get(bare.replace("-", " "))
    if kind is None and (rest := _without_article(bare)):
        kind = heading_kind(rest)  # "I capitoli della puntata", "Les chapitres", "Die Kapitel"
    return kind


def _without_article(bare: str) -> str | None:
    """A heading less the article opening it ("i capitoli" -> "capitoli", "l'essentiel" ->
    "essentiel"), or None when it opens with none."""
    for article in _articles():
        glued = article.endswith(("'", "’"))
        if bare.startswith(article if glued else article + " ") and len(bare) > len(article) + 1:
            return bare[len(article) :].strip()
    return None


@lru_cache(maxsize=1)
def _articles() -> tuple[str, ...]:
    return tuple(sorted({_plain(a) for words in _headings()["articles"].values() for a in words}))


@lru_cache(maxsize=1)
def _owners() -> tuple[str, ...]:
    """The vocabulary's `owners` as `_bare` gives them, the longest first."""
    owners = {_plain(o) for names in _headings()["owners"].values() for o in names}
    return tuple(sorted(owners, key=len, reverse=True))


def _without_owner(bare: str) -> str | None:
    """A heading less the words opening it that say whose it is ("番組のポイント" ->
    "ポイント"), or None when it opens with none of them."""
    owners = _owners_by_first().get(bare[:1], ())
    owner = next((o for o in owners if bare.startswith(o) and len(bare) > len(o)), None)
    if owner:
        return bare[len(owner) :].strip()
    first, _, rest = bare.partition(" ")  # a name's: "marisol's most recent stories"
    return rest if rest and first.endswith(_possessives()) and len(first) > 3 else None


def _by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """`words` grouped by their first character, each group in their order: a heading is
    compared only with the words that can open it (an empty word opens none that counts)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word)
    return {first: tuple(group) for first, group in groups.items()}


@lru_cache(maxsize=1)
def _owners_by_first() -> dict[str, tuple[str, ...]]:
    return _by_first(_owners())


@lru_cache(maxsize=1)
def _more_by_first() -> dict[str, tuple[str, ...]]:
    return _by_first(_more_words())


@lru_cache(maxsize=1)
def _possessives() -> tuple[str, ...]:
    return tuple(_plain(p) for ends in _headings()["possessive"].values() for p in ends)


@lru_cache(maxsize=1)
def _tails() -> dict[str, tuple[str, ...]]:
    """The vocabulary's `tails` as `_bare` gives them, apostrophes straight, by their last word
    (a heading's last word tells in one lookup whether any may end it), longest first."""
    tails = {_plain(t) for names in _headings()["tails"].values() for t in names}
    by_last: dict[str, list[str]] = {}
    for t in sorted(tails, key=len, reverse=True):
        by_last.setdefault(t.rsplit(" ", 1)[-1], []).append(t)
    return {last: tuple(ts) for last, ts in by_last.items()}


def _without_tail(bare: str) -> str | None:
    """A heading less the words that say whose it is ("au sommaire de l'emission" -> "au
    sommaire"), or None when it ends in none of them."""
    straight = bare.replace("’", "'")
    candidates = _tails().get(straight.rsplit(" ", 1)[-1], ())
    tail = next((t for t in candidates if straight.endswith(" " + t)), None)
    return straight[: -len(tail)].strip() if tail else None


@lru_cache(maxsize=1)
def _joiner() -> re.Pattern[str]:
    """What joins two headings into one: a mark ("&", "/", "・"), a word between spaces
    ("and", "et", "und") or, in Chinese and Japanese, a character ("与", "と")."""
    raw = _headings()
    marks, words, glued = [], [], []
    for lang, joiners in raw["joiners"].items():
        for j in joiners:
            if lang == "any":
                marks.append(re.escape(j))
            elif cjk_count(j):
                glued.append(re.escape(j))
            else:
                words.append(rf"\s{re.escape(j)}\s")
    return re.compile("|".join([*marks, *words, *glued]), re.IGNORECASE)


def joined_parts(text: str) -> list[str]:
    """`text` cut where the vocabulary's joiners join its parts ("Ada Lund and Ben Ruiz",
    "Summary & Takeaways"), each part stripped."""
    return [p.strip() for p in _joiner().split(text)]


@lru_cache(maxsize=1 << 10)
def _joined_kind(bare: str) -> str | None:
    """The kind of a heading whose every part is one ("Summary & Key Takeaways"), or None."""
    parts = [p.strip() for p in _joiner().split(bare)]
    kinds = [vocabulary().get(p) or vocabulary().get(_bare(p)) if p else None for p in parts]
    if len(kinds) < 2 or None in kinds:
        return None
    return min((k for k in kinds if k), key=_SPECIFIC.index)


@lru_cache(maxsize=1)
def takeaway_phrases() -> tuple[str, ...]:
    """The takeaways headings of several words, casefolded: what `inline_pattern` can find
    opening a run-in list of takeaways."""
    return tuple(w for w, kind in vocabulary().items() if kind == "takeaways" and " " in w)


@lru_cache(maxsize=1)
def inline_pattern() -> re.Pattern[str]:
    """Headings of several words run into a paragraph ("... faster. Key takeaways Breadth
    matters ..."): the phrase after a sentence end and before a capital or a colon."""
    phrases = sorted(
        (w for w, kind in vocabulary().items() if " " in w and kind != "summary"),
        key=len,
        reverse=True,
    )
    alternatives = "|".join(re.escape(p) for p in phrases)
    return re.compile(
        rf"(?:^|(?<=[.!?。！？”\"]\s)|(?<=[.!?。！？]))\s*(?P<h>{alternatives})\s*[:：]?\s*(?=[^\W\d_])",
        re.IGNORECASE,
    )
