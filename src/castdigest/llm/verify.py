"""Check a model's answer against the source, and keep only what it supports.

- A quote must occur, after normalisation, in the segment it names or the next one (a turn
  is sometimes cut mid-sentence). What is shown is the source's own substring, with the
  segment's speaker and time; the model's wording is never shown.
- A takeaway's evidence ids must exist and share content with it (lemmas, or CJK character
  bigrams), and every number in it must appear in the cited segments.
What fails is dropped and counted by reason, for the build report.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from castdigest.llm.segments import Numbered
from castdigest.text.tokens import is_number, terms

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
MIN_QUOTE_CHARS = 12
MIN_SHARED_SHARE = 0.3  # of the takeaway's content terms found in its evidence


@dataclass(frozen=True)
class VerifiedQuote:
    text: str  # the source's own substring
    segment: Numbered


@dataclass(frozen=True)
class VerifiedTakeaway:
    text: str
    evidence: list[Numbered]


@dataclass
class Verdict:
    takeaways: list[VerifiedTakeaway] = field(default_factory=list)
    quotes: list[VerifiedQuote] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)


def _normalised(text: str) -> tuple[str, list[int]]:
    """Case-folded text with punctuation and spacing collapsed (CJK: no spaces at all), and for
    each of its characters the index of the original character it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).casefold():
            if c.isalnum():
                out.append(c)
                where.append(i)
            elif out and out[-1] != " " and not _CJK.match(out[-1]):
                out.append(" ")
                where.append(i)
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    # Spaces next to CJK characters are dropped: CJK is compared by characters.
    keep = [
        k
        for k, c in enumerate(out)
        if c != " " or not (_CJK.match(out[k - 1]) or (k + 1 < len(out) and _CJK.match(out[k + 1])))
    ]
    return "".join(out[k] for k in keep), [where[k] for k in keep]


def find_quote(quote: str, segment: Numbered) -> str | None:
    """The source's own text of `quote` within `segment`, or None when it is not there."""
    needle, _ = _normalised(quote)
    if len(needle) < MIN_QUOTE_CHARS and not _CJK.search(needle):
        return None
    if len(needle) < 4:
        return None
    hay, where = _normalised(segment.text)
    at = hay.find(needle)
    if at < 0:
        return None
    start, end = where[at], where[at + len(needle) - 1] + 1
    return segment.text[start:end].strip()


def numbers(text: str) -> set[str]:
    return {m.group().replace(",", "") for m in _NUMBER.finditer(text)}


def supports(takeaway: str, evidence: list[Numbered], language: str | None) -> str | None:
    """None when the evidence supports the takeaway, else the reason it does not."""
    said = " ".join(s.text for s in evidence)
    missing = numbers(takeaway) - numbers(said)
    if missing:
        return "number-not-in-evidence"
    # Numbers were checked above, digit for digit; content is the words around them.
    mine = {t for t in terms(takeaway, language) if not is_number(t)}
    if not mine:
        return "unsupported"
    shared = mine & set(terms(said, language))
    need = 1 if len(mine) <= 2 else 2
    if len(shared) < need or len(shared) < MIN_SHARED_SHARE * len(mine):
        return "unsupported"
    return None


def verify(
    takeaways: list[tuple[str, list[str]]],
    quotes: list[tuple[str, str]],
    segments: list[Numbered],
    language: str | None,
) -> Verdict:
    """Keep the takeaways (text, evidence ids) and quotes (segment id, text) that the
    segments support; count the rest by reason."""
    by_id = {s.id: i for i, s in enumerate(segments)}
    out = Verdict()
    for text, ids in takeaways:
        cited = [segments[by_id[i]] for i in dict.fromkeys(ids) if i in by_id]
        if not cited or len(cited) < len(set(ids)):
            out.dropped["unknown-evidence"] += 1
            continue
        reason = supports(text, cited, language)
        if reason:
            out.dropped[reason] += 1
            continue
        out.takeaways.append(VerifiedTakeaway(" ".join(text.split()), cited))
    seen: set[str] = set()
    for seg_id, text in quotes:
        found = _locate(seg_id, text, segments, by_id)
        if found is None:
            out.dropped["quote-not-in-source"] += 1
        elif found.text not in seen:
            seen.add(found.text)
            out.quotes.append(found)
    return out


def _locate(
    seg_id: str, text: str, segments: list[Numbered], by_id: dict[str, int]
) -> VerifiedQuote | None:
    if seg_id not in by_id:
        return None
    i = by_id[seg_id]
    for seg in segments[i : i + 2]:
        own = find_quote(text, seg)
        if own:
            return VerifiedQuote(own, seg)
    return None
