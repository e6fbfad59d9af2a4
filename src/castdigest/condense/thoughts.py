"""Whole thoughts: what a takeaway must be on its own, and how a long one is cut to one.

A takeaway is a whole thought when it ends like a sentence (or, for a bullet, on a word a
clause may end on), its brackets and quotes are balanced, and it does not end in an ellipsis
the source did not write. A sentence over budget is cut only at a clause boundary that leaves
a sentence (before "; ", " — ", ", which", ", and", after a closing bracket), never
mid-phrase; when there is none the sentence is not used. A run-on spoken sentence is split
into its clauses where speech opens a new one (`spoken_clauses`), so that what it says can
still be a whole takeaway. Scores for choosing the point over
the preamble (meta sentences, openings that point back, claims) read their words from
`lexicon`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from castdigest.condense.lexicon import (
    CLAIM,
    CLAUSE_OPENERS,
    DANGLING,
    DIALOGUE,
    DIALOGUE_PLURAL,
    META,
    PAUSES,
    PERSONAL,
    POINTS_BACK,
    STRONG_OPENERS,
)
from castdigest.text.language import is_cjk
from castdigest.text.truncate import ELLIPSIS, count_words, cut_points

_FINAL = tuple(".!?。！？．!?")
_CLOSERS = "\"'”’»)]」』）】〉》 "
_PAIRS = {"(": ")", "[": "]", "{": "}", "「": "」", "『": "』", "（": "）", "【": "】", "«": "»"}
_CLOSING = {v: k for k, v in _PAIRS.items()}
# Clause boundaries, strongest first; the cut is made at the match's start.
_BOUNDARIES = (
    re.compile(r"\s*;\s+|；"),
    re.compile(r"\s+[—–]\s+|\s*—\s*"),
    re.compile(
        r",\s+(?=(?:which|and|but|while|whereas|so|though|although|as well as|including|"
        r"et|mais|qui|alors que|tandis que|y|pero|que|mientras|und|aber|während|die|der|das)\b)",
        re.IGNORECASE,
    ),
    re.compile(r"(?<=[)\]）])(?=\s)"),
    re.compile(r"，"),
)
_WORDISH = re.compile(r"[\w'’-]+")
_DIGIT = re.compile(r"\d|[%$€£¥]|百|千|万|亿")
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][\w-]*\w(?:['’][A-ZÀ-ÖØ-Þ][\w-]*\w)?(?![\w-])")


def _lang(language: str | None) -> str:
    return (language or "en").split("-")[0].lower()


def balanced(text: str) -> bool:
    """Brackets pair up in order, curly double quotes pair up, straight double quotes are even."""
    stack: list[str] = []
    for ch in text:
        if ch in _PAIRS:
            stack.append(_PAIRS[ch])
        elif ch in _CLOSING and (not stack or stack.pop() != ch):
            return False
    if stack:
        return False
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith(_FINAL)


def is_whole_thought(text: str, language: str | None = None, source: str | None = None) -> bool:
    """True when `text` stands as a complete sentence or bullet: a sentence end (or a last
    word a clause may end on), balanced brackets and quotes, and no ellipsis at its end unless
    `source` has the same text ending in one."""
    text = text.strip()
    if not text or not balanced(text):
        return False
    bare = text.rstrip(_CLOSERS)
    if bare.endswith((ELLIPSIS, "...")):
        return source is not None and bare in source
    if ends_sentence(text):
        return True
    return _ends_clause(bare, _lang(language))


def _ends_clause(bare: str, lang: str) -> bool:
    """An unpunctuated bullet: its last word must be one a clause may end on."""
    if not bare or bare[-1] in ",;:、，；：-–—([{“‘«":
        return False
    if is_cjk(lang):
        return not bare.endswith(DANGLING.get(lang, ()))
    words = _WORDISH.findall(bare.lower())
    return len(words) >= 3 and words[-1] not in DANGLING.get(lang, DANGLING["en"])


def repair(text: str, language: str | None = None) -> str:
    """`text` with a full stop when it is a whole clause without one ("" when it is not whole)."""
    text = text.strip()
    if is_whole_thought(text, language) and not ends_sentence(text):
        if text.rstrip(_CLOSERS).endswith((ELLIPSIS, "...")):
            return text
        return text + ("。" if _lang(language) in ("zh", "ja") else ".")
    return text if is_whole_thought(text, language) else ""


def cut_to_thought(text: str, words: float, language: str | None = None) -> str:
    """`text` if it fits in `words` and is whole; else its longest prefix ending at a clause
    boundary that fits, keeps at least 65 % of `words` and reads as a sentence (a full stop
    added); else ""."""
    text = text.strip()
    if count_words(text) <= words:
        return repair(text, language)
    floor = max(4.0, words * 0.65)
    for pattern in _BOUNDARIES:
        best = ""
        for m in pattern.finditer(text):
            head = text[: m.start()].rstrip(" ,;:—–")
            size = count_words(head)
            if size > words:
                break
            if size >= floor:
                best = head
        if best:
            done = repair(best, language)
            if done:
                return done
    return ""


# ----------------------------------------------------------------------------- run-on speech

SPOKEN_UNIT = 30.0  # words: a longer spoken sentence is split into clauses when it can be
MIN_CLAUSE = 6.0  # words each side of a clause boundary must keep


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=64)
def _clause_breaks(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(after a pause, without one): where a new main clause opens in speech. A match covers
    the pause and the space before the opener: the left unit ends before it, the right one
    begins with the opener (which `clean.strip_lead` drops when it is a mere connective)."""
    if lang not in CLAUSE_OPENERS:
        return None
    openers = _alternation(CLAUSE_OPENERS[lang])
    strong = _alternation(STRONG_OPENERS[lang])
    pauses = _alternation(PAUSES[lang])
    if is_cjk(lang):
        return (
            re.compile(rf"(?:[，,；;、]|{pauses})+(?={openers})"),
            re.compile(rf"(?<=[\u4e00-\u9fff])(?={strong})"),
        )
    end = r"(?![\w'’-])"
    return (
        re.compile(
            rf"(?:[,;:]|\s+--|\s+[—–]|\.\.\.|…|\s+(?:{pauses}){end})\s+(?=(?:{openers}){end})",
            re.IGNORECASE,
        ),
        re.compile(rf"\s+(?=(?:{strong}){end})", re.IGNORECASE),
    )


def spoken_clauses(
    text: str, language: str | None = None, limit: float = SPOKEN_UNIT
) -> list[tuple[int, int]]:
    """(start, end) of the sentence-like units of one spoken sentence: the whole of it when
    it is within `limit` words, else pieces split where speech opens a new clause (a pause
    or comma before "so", "we", "I think"; failing that before a bare "so", "but",
    "and then"), nearest the middle first, each side keeping `MIN_CLAUSE` words. A piece with
    no such boundary stays whole: no cut at an arbitrary word."""
    breaks = _clause_breaks(_lang(language))
    if breaks is None or count_words(text) <= limit:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    stack = [(0, len(text))]
    while stack:
        a, b = stack.pop()
        piece = text[a:b]
        total = count_words(piece)
        cut: tuple[int, int] | None = None
        if total > limit:
            cut = _middle_break(piece, total, breaks)
        if cut is None:
            out.append((a, b))
            continue
        left_end = a + len(piece[: cut[0]].rstrip(" ,;:—–-."))
        stack += [(a + cut[1], b), (a, left_end)]
    return out


def _middle_break(
    piece: str, total: float, patterns: tuple[re.Pattern[str], re.Pattern[str]]
) -> tuple[int, int] | None:
    """(end of the left part, start of the right part) at the boundary nearest the middle, of
    the first pattern's boundaries, else of the second's."""
    points: list[tuple[int, float]] | None = None
    for pattern in patterns:
        found = list(pattern.finditer(piece))
        if not found:
            continue  # most pieces have no boundary of a kind: their words are not counted
        # the words before each space, found once per piece: no quadratic counting
        points = points if points is not None else cut_points(piece)
        where = [p for p, _ in points]
        best: tuple[float, tuple[int, int]] | None = None
        for m in found:
            at = bisect_left(where, m.start())
            left = points[at][1] if at < len(points) else total
            if left < MIN_CLAUSE or total - left < MIN_CLAUSE:
                continue
            distance = abs(left - total / 2)
            if best is None or distance < best[0]:
                best = (distance, (m.start(), m.end()))
        if best is not None:
            return best[1]
    return None


# ----------------------------------------------------------------------------- choosing


@lru_cache(maxsize=64)
def _opening(lang: str) -> re.Pattern[str]:
    words = POINTS_BACK.get(lang, POINTS_BACK["en"])
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if is_cjk(lang):
        return re.compile(rf"^(?:{alternation})")
    return re.compile(rf"^(?:{alternation})(?![\w'’-])", re.IGNORECASE)


@lru_cache(maxsize=64)
def _phrases(table: str, lang: str) -> re.Pattern[str]:
    source = {"meta": META, "claim": CLAIM}[table]
    words = source.get(lang, source["en"])
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if is_cjk(lang):
        return re.compile(alternation)
    # A phrase that starts with a letter starts a word; "'s title is" follows one.
    return re.compile(rf"(?:(?<![\w'’-])(?=\w)|(?=\W))(?:{alternation})", re.IGNORECASE)


def points_back(text: str, language: str | None = None) -> bool:
    """Opens with a pronoun, demonstrative or connective that needs the sentence before."""
    return bool(_opening(_lang(language)).match(text.lstrip("\"'“‘«「 ")))


def is_meta(text: str, language: str | None = None) -> bool:
    """About the episode (an introduction, title, biography, question asked), not its point."""
    return bool(_phrases("meta", _lang(language)).search(text))


def claim_score(text: str, language: str | None = None) -> float:
    """0..1: a number, money or percentage, and words of a claim, decision or reason."""
    score = 0.5 if _DIGIT.search(text) else 0.0
    if _phrases("claim", _lang(language)).search(text):
        score += 0.5
    return score


@lru_cache(maxsize=64)
def _dialogue(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(the words of `DIALOGUE`, their plural forms not to count) as patterns."""
    words, plural = DIALOGUE.get(lang, ()), DIALOGUE_PLURAL.get(lang, ())
    if not words:
        return None, None
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if is_cjk(lang):
        many = "|".join(re.escape(w) for w in plural)
        return re.compile(alternation), re.compile(many) if many else None
    # A word of its own; an elided form ("j'") ends at its apostrophe.
    edge = r"(?:(?<=')|(?![\w'-]))"
    return re.compile(rf"(?<![\w'-])(?:{alternation}){edge}", re.IGNORECASE), None


def dialogue_share(text: str, language: str | None = None) -> float:
    """Words naming the speaker or the one spoken to ("I", "you", `lexicon.DIALOGUE`) per
    word: high in what is said to someone (an opinion, a question, a hedge), low in a
    sentence that states its subject, as a summary does."""
    words, plural = _dialogue(_lang(language))
    if words is None:
        return 0.0
    said = text.lower().replace("’", "'")
    found = len(words.findall(said)) - (len(plural.findall(said)) if plural else 0)
    return max(0, found) / max(1.0, count_words(text))


def resolve(text: str, people: list[str], subject: str | None, language: str | None = None) -> str:
    """`text` with an opening first name alone replaced by the one full name in `people` that
    starts with it, or an opening personal pronoun by `subject` (the one guest, say);
    unchanged otherwise."""
    lang = _lang(language)
    m = _CAPITALISED.match(text)
    if m and not is_cjk(lang):
        fitting = {n for n in people if " " in n and n.split()[0] == m.group()}
        if len(fitting) == 1:
            name = fitting.pop()
            return text if text.startswith(name) else name + text[m.end() :]
    if not subject:
        return text
    for pronoun, kind in PERSONAL.get(lang, {}).items():
        if is_cjk(lang):
            if text.startswith(pronoun) and not kind:
                return subject + text[len(pronoun) :]
            continue
        pm = re.match(rf"{re.escape(pronoun)}(?![\w'’-])", text, re.IGNORECASE)
        if pm:
            return subject + kind + text[pm.end() :]
    return text
