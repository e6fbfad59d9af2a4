"""Telling a chapter title from its summary in `## [12:34] Title The summary starts here...`.

The pages glue the title and the summary together with a single space, so the boundary has to
be guessed from the words. Three signals, tried in order:

1. a question mark ends the title ("What Is Railway? Railway is ...");
2. Title Case titles: the summary starts at the last capitalised word before the first
   lowercase content word ("Hook Kyle opens ..." -> "Hook"), moved back to the start of a
   known name ("Intro Jake Cooper argues" -> "Intro" when Jake Cooper is an entity);
3. sentence-case titles (French, and some English): a capitalised word after a lowercase
   content word and before a lowercase word ("... physics research Lupsasca opens ..."), or a
   sentence opener such as "The", "Le", "L'" ("... actifs Le grand choix ...").

Chinese, Japanese and Korean have no capitals: there a question mark, a known name or a
Korean sentence opener ("현재", "그는") starts the summary, else the first word is the title.

When nothing fits, a short heading is all title and a long one is cut after eight words.
Only the first words are looked at, so this costs the same for any summary length.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

_SCAN = 40  # words looked at
_FALLBACK_WORDS = 8
_TITLE_CASED = 4  # capitalised words of a line in Title Case, at least
_SMALL = frozenset(
    "a an the and or of for in on at to by with from vs vs. via into nor but as per over"
    " de des du la le les et à au aux en pour sur un une par avec dans vers ou d' l' x".split()
)
_NOT_VERB = frozenset("of de du des and et & vs vs. or ou".split())
_STARTERS = frozenset(
    "The This These That Those In At After Over With When While Asked As A An It He She They"
    " We Le La Les Ce Cette Ces Dans Après Lors Au Aux Un Une Il Elle Ils Elles On En Sur"
    " Pour Interrogé Interrogée À For From".split()
)
# A Title Case title of one word is only believed for the usual one-word section names.
_ONE_WORD_TITLES = frozenset(
    "hook intro introduction outro closing conclusion opening overview summary recap preview"
    " teaser trailer prologue epilogue q&a ama accroche ouverture conclusions bonus".split()
)
# Korean words that open a sentence and never end a title: discourse adverbs and pronouns.
# The adverbs may carry a particle ("오늘은", "최근에는", "다음으로"); the pronouns are given
# with theirs, since bare or with "의" they also stand in titles ("스티브 잡스와 그의 유산").
_KO_OPENERS = frozenset(
    "이번 현재 최근 오늘 먼저 또한 하지만 그러나 특히 이어 이어서 한편 결국 여기 이후 다음"
    " 마지막 처음".split()
)
_KO_PRONOUNS = frozenset(
    "그는 그가 그녀는 그녀가 그들은 그들이 이들은 이들이 우리는 우리가 저는 제가 이는 이것은"
    " 이것이".split()
)
# What may follow a name or an adverb in the word that opens a Korean sentence ("박지훈은").
_KO_PARTICLES = frozenset(
    "은 는 이 가 을 를 의 와 과 도 에게 께서 에서 에서는 에는 으로 로 에 서 이다 이며".split()
) | {""}
_STOPS = (".", "!", "…")  # a sentence's end; a question may be a whole title
_CJK_STOPS = (*_STOPS, "。", "！")
# The word classifiers below are cached: words repeat across headings, so each is judged once.
_OPEN = "\"'“‘«(*"
_CLOSE_TITLE = (",", ";", ":", "—", "–", "-")


@lru_cache(maxsize=1 << 16)
def _core(tok: str) -> str:
    return tok.strip(_OPEN + "\"'”’»)*.,;:!?")


@lru_cache(maxsize=1 << 16)
def _caseless(tok: str) -> bool:
    letters = [ch for ch in tok if ch.isalpha()]
    return bool(letters) and not any(ch.isupper() or ch.islower() for ch in letters)


@lru_cache(maxsize=1 << 16)
def _first_letter(tok: str) -> str:
    for ch in tok:
        if ch.isalpha():
            return ch
        if ch.isdigit():
            return ""
    return ""


@lru_cache(maxsize=1 << 16)
def _is_cap(tok: str) -> bool:
    ch = _first_letter(tok)
    return bool(ch) and ch.isupper()


@lru_cache(maxsize=1 << 16)
def _is_small(tok: str) -> bool:
    core = _core(tok).lower()
    return core in _SMALL or (core[:2] in {"d'", "l'", "d’", "l’"} and len(core) <= 2)


@lru_cache(maxsize=1 << 16)
def _is_lower_word(tok: str) -> bool:
    """A lowercase word that is not a small word nor camel-cased (xAI, iPhone)."""
    ch = _first_letter(tok)
    if not ch or not ch.islower() or _is_small(tok):
        return False
    return not any(c.isupper() for c in tok)


@lru_cache(maxsize=1 << 16)
def _is_lower(tok: str) -> bool:
    ch = _first_letter(tok)
    return bool(ch) and ch.islower()


@lru_cache(maxsize=1 << 16)
def _title_ok(tok: str) -> bool:
    """May stand in a Title Case title: capitalised, a number, a small word, punctuation,
    camel case, or a lowercase list item ("npm,")."""
    ch = _first_letter(tok)
    if not ch:
        return True
    if ch.isupper() or _is_small(tok) or any(c.isupper() for c in tok):
        return True
    return tok.endswith(",")


@lru_cache(maxsize=1 << 16)
def _starter(tok: str) -> bool:
    core = tok.lstrip(_OPEN)
    return core in _STARTERS or (core[:2] in {"L'", "L’"} and len(core) > 2)


class Names(frozenset[str]):
    """Known names (casefolded), and the first words of those of several words: a run of
    words can only be a name its first word starts, which is cheaper to ask first."""

    firsts: frozenset[str]

    def __new__(cls, names: Collection[str] = ()) -> Names:
        self = super().__new__(cls, names)
        self.firsts = frozenset(n.split(" ", 1)[0] for n in self if " " in n)
        return self


def _firsts(names: Collection[str]) -> Collection[str]:
    if isinstance(names, Names):
        return names.firsts
    return {n.split(" ", 1)[0] for n in names if " " in n}


def _shift_to_name(toks: list[str], i: int, names: Collection[str]) -> int:
    """Move a boundary at `i` back to the start of a known name ending at i or i - 1."""
    if not names:
        return i
    firsts = _firsts(names)
    for size in (4, 3, 2):
        s = i + 1 - size
        if s >= 1 and _core(toks[s]).casefold() in firsts and _joined(toks[s : i + 1]) in names:
            return s
    return i


def _joined(toks: list[str]) -> str:
    return " ".join(_core(t) for t in toks).removesuffix("'s").removesuffix("’s").casefold()


def _name_at(toks: list[str], i: int, names: Collection[str]) -> int:
    """Length of a known name of 2 to 4 words starting at `i`, else 0."""
    if _core(toks[i]).casefold() not in _firsts(names):
        return 0
    for size in (4, 3, 2):
        if i + size <= len(toks) and _joined(toks[i : i + size]) in names:
            return size
    return 0


def _repeat_shift(toks: list[str], i: int) -> int:
    """ "... Grok Imagine 0.9 Grok Imagine 0.9 was": the summary repeats the title's tail."""
    for size in (4, 3, 2):
        s = i - size + 1
        if s - size >= 1 and toks[s - size : s] == toks[s : i + 1]:
            return s
    return i


def _question(toks: list[str]) -> int | None:
    if not any("?" in t for t in toks[:25]):
        return None
    for k, tok in enumerate(toks[:25]):
        if tok.endswith("?") and k + 2 < len(toks):
            nxt, after = toks[k + 1], toks[k + 2]
            if (_is_cap(nxt) or _is_lower(nxt)) and (_is_lower(after) or _is_small(after)):
                return k + 1
    return None


def _title_case(toks: list[str], names: Collection[str]) -> int | None:
    for i in range(1, len(toks) - 1):
        prev, tok, nxt = toks[i - 1], toks[i], toks[i + 1]
        if not _title_ok(prev):
            return None
        if not _is_small(prev) and not prev.endswith((":", ",")):
            size = _name_at(toks, i, names)
            after = toks[i + size] if size and i + size < len(toks) else ""
            if after and (_is_lower_word(after) or _core(after) in {"and", "et"}):
                return i  # "... Space Jake Cooper and the hosts explore"
        starts = _is_cap(tok) or _core(tok).casefold() in names
        if tok[:1].isdigit() and _is_lower_word(nxt):
            shifted = _shift_to_name(toks, _repeat_shift(toks, i), names)
            if shifted != i:
                return shifted
        if (
            starts
            and not tok.endswith(_CLOSE_TITLE)
            and not _is_small(prev)
            and not prev.endswith((":", ","))
            and _is_lower_word(nxt)
            and _core(nxt).casefold() not in names
            and (i > 1 or _core(prev).casefold() in _ONE_WORD_TITLES)
        ):
            i = _shift_to_name(toks, i, names)
            return _repeat_shift(toks, i)
    return None


def _sentence_case(toks: list[str], names: Collection[str]) -> int | None:
    for i in range(1, len(toks) - 1):
        prev, tok, nxt = toks[i - 1], toks[i], toks[i + 1]
        if _is_small(prev) or prev.endswith(_CLOSE_TITLE):
            continue
        after_word = _is_lower_word(prev)
        cap = _is_cap(tok) and not _core(tok).isupper()  # not an acronym ("IA durable")
        nxt_core = _core(nxt).casefold()
        if (
            (
                after_word
                and cap
                and _is_lower(nxt)
                and nxt_core not in _NOT_VERB
                and nxt_core not in names
            )
            or (
                after_word
                and cap
                and nxt[:1].isdigit()
                and i + 2 < len(toks)
                and _is_lower_word(toks[i + 2])
            )
            or (
                after_word
                and cap
                and _core(nxt).lower() in {"and", "et", "&"}
                and i + 3 < len(toks)
                and _is_cap(toks[i + 2])
                and _is_lower_word(toks[i + 3])
            )
            or (_starter(tok) and not _starter(prev))
            or (_core(tok).casefold() in names and _is_lower(nxt) and nxt_core not in names)
        ):
            return _shift_to_name(toks, i, names)
    return None


def _caseless_cut(toks: list[str], names: Collection[str]) -> int:
    """Where the summary starts in a heading in Chinese, Japanese or Korean, with no capitals
    to go by: after a question mark, or at a known name or a word that only opens a sentence
    (Korean titles are noun phrases of a few words); else after the first word (Chinese and
    Japanese titles hold no spaces)."""
    for i, tok in enumerate(toks[:_FALLBACK_WORDS]):
        core = _core(tok)
        if i and (
            core in _KO_PRONOUNS or _with_particle(core, _KO_OPENERS) or _with_particle(core, names)
        ):
            return i
        if tok.endswith(("?", "？")) and i + 1 < len(toks):
            return i + 1
    return 1


def _with_particle(tok: str, words: Collection[str]) -> bool:
    """ "박지훈은", "박지훈", "오늘은": one of `words`, bare or with a Korean particle."""
    return any(tok.startswith(w) and tok[len(w) :] in _KO_PARTICLES for w in words if w)


def _has_full_stop(toks: list[str]) -> bool:
    """Whether a word ends a sentence: a full stop after more than an abbreviation's letters."""
    return any(t.endswith((".", "!")) and len(_core(t)) > 3 for t in toks)


def title_cased(text: str) -> bool:
    """Whether `text` is written in Title Case, as English titles are and sentences are not:
    every word capitalised, a small word, a number or punctuation, four capitalised words at
    least ("Is Wembanyama Already the Best Defender Alive? With Kelsey Nakamura.")."""
    toks = text.split()
    return all(_title_ok(t) for t in toks) and sum(map(_is_cap, toks)) >= _TITLE_CASED


def split_heading(
    text: str, names: Collection[str] = (), sentence_case: bool = False
) -> tuple[str, str | None]:
    """(title, summary or None). `names` are casefolded known names (entities, guests);
    `sentence_case` skips the Title Case rule (for languages that do not capitalise titles)."""
    toks = text.split(None, _SCAN)
    rest = toks.pop() if len(toks) > _SCAN else ""
    if not toks:
        return "", None
    caseless = _caseless(toks[0]) and len(toks) > 1
    stops = _CJK_STOPS if caseless else _STOPS
    if len(toks) <= 12 and not rest and not text.rstrip().endswith(stops):
        return " ".join(toks), None  # a bare title: summaries are sentences
    if caseless:
        at = _caseless_cut(toks, names)
        return " ".join(toks[:at]), " ".join([*toks[at:], rest]).strip()
    cut = _question(toks) if "?" in text else None
    if cut is None and not sentence_case:
        cut = _title_case(toks, names)
    if cut is None:
        cut = _sentence_case(toks, names)
    if sentence_case and cut is not None and _has_full_stop(toks[:cut]):
        # A title holds no sentence: the rule ran past a full stop ("... à AI Engineer
        # Londres est la ville natale ... délibéré. Omar a emmené ..."), so the title may be
        # capitalised after all, as names in French titles are.
        shorter = _title_case(toks, names)
        if shorter is not None and shorter < cut:
            cut = shorter
    if cut is None:
        if len(toks) <= 12 and not rest:
            return " ".join(toks), None
        cut = min(_FALLBACK_WORDS, len(toks))
    title = " ".join(toks[:cut]).rstrip(" —–-")
    summary = " ".join([*toks[cut:], rest]).strip()
    return title, summary or None
