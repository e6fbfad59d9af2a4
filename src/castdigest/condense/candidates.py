"""Candidate sentences for takeaways, one pool per kind of material an episode offers.

Each candidate keeps what its takeaway must record (provenance, chapter, offset, speaker) and
where it stands in the episode (`position`, 0 at the start, 1 at the end), which selection uses
to cover the episode from start to end. Each pool reads at most `max_words` words of its
material, in evenly spaced windows over all of it when there is more (`bounds.sample`); a
sentence a window boundary cuts through is left out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from castdigest.condense.base import Budget
from castdigest.condense.bounds import Excerpt, sample
from castdigest.condense.clean import clean_spoken, strip_lead
from castdigest.condense.thoughts import spoken_clauses
from castdigest.models import Episode, Provenance, Segment
from castdigest.text.sentences import Span, sentence_spans
from castdigest.text.truncate import count_words

_LIKE = re.compile(r"\b(?:like|you know|kind of|sort of|I mean)\b", re.IGNORECASE)
FRAGMENT = 0.3  # noise added for a piece cut out of unpunctuated speech
UNFINISHED = 0.3  # noise added for a piece of a run-on sentence that lacks its full stop
_Unit = tuple[Span, bool]  # a sentence, and whether it is a clause split out of a run-on
MIN_WORDS = 4  # shorter "sentences" ("Yes, exactly.") carry no takeaway
MIN_SPOKEN = 6  # spoken ones need more ("Such a good question.")
SPOKEN_CLAUSE = 45.0  # words: a longer spoken "sentence" is split at clause boundaries
TEXT_WORDS = Budget.max_text_words  # default reading budgets, as in the config
TRANSCRIPT_WORDS = Budget.max_transcript_words


@dataclass(frozen=True)
class Candidate:
    text: str  # cleaned, ready to print (before trimming to the budget)
    provenance: Provenance
    position: float  # 0..1 through the episode
    group: int  # the unit it belongs to: takeaway, chapter, paragraph or speaker turn
    lead: bool  # first sentence of its unit
    offset: float | None = None
    speaker: str | None = None
    chapter: str | None = None
    chapter_index: int | None = None
    raw: str = ""  # the sentence as the source wrote it, before cleaning
    question: bool = False  # part of a question: rarely a takeaway
    fragment: bool = False  # cut out of unpunctuated speech: reads less well
    clause: bool = False  # a clause of a run-on spoken sentence (`thoughts.spoken_clauses`)

    @property
    def noise(self) -> float:
        """Share of the raw sentence that cleaning dropped (fillers, stutters, "like")."""
        raw = count_words(self.raw) or 1.0
        likes = len(_LIKE.findall(self.text))
        dropped = max(0.0, 1.0 - count_words(self.text) / raw)
        unfinished = not self.raw.rstrip("\"'”’»)]」』 ").endswith(tuple(".!?…。！？"))
        return dropped + likes / raw + FRAGMENT * self.fragment + UNFINISHED * unfinished


def source_pool(episode: Episode, max_words: int = TEXT_WORDS) -> list[Candidate]:
    """The page's own takeaways, one candidate each, in their order (those a window reaches
    when there are more than `max_words` words of them)."""
    items = [t.strip() for t in episode.takeaways if count_words(clean_spoken(t)) >= 2]
    excerpts = sample(items, max_words)
    if excerpts is not None:
        items = [items[i] for i in sorted({e.unit for e in excerpts})]
    return [
        Candidate(
            text=text,
            provenance=Provenance.SOURCE,
            position=i / max(1, len(items)),
            group=i,
            lead=True,
            raw=text,
        )
        for i, text in enumerate(items)
    ]


def chapter_pool(episode: Episode, max_words: int = TEXT_WORDS) -> list[Candidate]:
    """Sentences of chapter summaries; positions from start times, else from chapter order."""
    chapters = [(i, c) for i, c in enumerate(episode.chapters) if not c.hidden and c.summary]
    if not chapters:
        return []
    parts = _parts([c.summary or "" for _, c in chapters], max_words)
    span = episode.duration or max((c.start or 0.0) for _, c in chapters) or 0.0
    timed = bool(span) and all(c.start is not None for _, c in chapters)
    starts = [
        min((c.start or 0.0) / span, 1.0) if timed else rank / len(chapters)
        for rank, (_, c) in enumerate(chapters)
    ]
    out: list[Candidate] = []
    for rank, (index, chapter) in enumerate(chapters):
        sentences = _sentences(chapter.summary or "", episode.language, parts[rank])
        width = (starts[rank + 1] if rank + 1 < len(starts) else 1.0) - starts[rank]
        for j, sentence in enumerate(sentences):
            out.append(
                Candidate(
                    text=sentence[1],
                    provenance=Provenance.CHAPTER,
                    position=starts[rank] + max(width, 0.0) * j / len(sentences),
                    group=index,
                    lead=j == 0,
                    offset=chapter.start,
                    chapter=chapter.title,
                    chapter_index=index,
                    raw=sentence[0],
                )
            )
    return out


def abstract_pool(episode: Episode, max_words: int = TEXT_WORDS) -> list[Candidate]:
    abstract = episode.abstract or ""
    sentences = _sentences(abstract, episode.language, _parts([abstract], max_words)[0])
    return [
        Candidate(
            text=text,
            provenance=Provenance.ABSTRACT,
            position=j / max(1, len(sentences)),
            group=0,
            lead=j == 0,
            raw=raw,
        )
        for j, (raw, text) in enumerate(sentences)
    ]


def transcript_pool(episode: Episode, max_words: int = TRANSCRIPT_WORDS) -> list[Candidate]:
    """Cleaned transcript sentences with speaker and (interpolated) offset when known."""
    transcript = episode.transcript
    if transcript is None:
        return []
    language = transcript.language or episode.language
    turns = transcript.segments or [
        Segment(text=p) for p in transcript.text.split("\n\n") if p.strip()
    ]
    total = sum(len(t.text) for t in turns) or 1
    seen = 0
    out: list[Candidate] = []
    reads = _parts([t.text for t in turns], max_words)
    for index, (turn, parts) in enumerate(zip(turns, reads, strict=True)):
        spans = [
            found
            for part in parts
            for found in _sentences_at(
                turn.text, language, MIN_SPOKEN, SPOKEN_CLAUSE, part, spoken=True
            )
        ]
        opens = bool(parts) and not parts[0].cut_before  # its first sentence is the turn's
        for j, (span, raw, text, clause) in enumerate(spans):
            start = span.start
            out.append(
                Candidate(
                    text=text,
                    provenance=Provenance.TRANSCRIPT,
                    position=(seen + start) / total,
                    group=index,
                    lead=j == 0 and opens,
                    offset=_offset(turn, start),
                    speaker=turn.speaker,
                    raw=raw,
                    question=span.question,
                    fragment=span.fragment,
                    clause=clause,
                )
            )
        seen += len(turn.text)
    return out


def _offset(turn: Segment, char: int) -> float | None:
    """Seconds at character `char` of a turn, interpolating when the turn's end is known."""
    if turn.start is None:
        return None
    if turn.end is None or turn.end <= turn.start or not turn.text:
        return turn.start
    return float(int(turn.start + (turn.end - turn.start) * char / len(turn.text)))


def _parts(texts: Sequence[str], max_words: int) -> list[list[Excerpt]]:
    """For each text, the parts of it to read: all of it, or the windows that fall in it."""
    excerpts = sample(texts, max_words)
    if excerpts is None:
        return [[Excerpt(i, 0, len(t), False, False)] for i, t in enumerate(texts)]
    out: list[list[Excerpt]] = [[] for _ in texts]
    for excerpt in excerpts:
        out[excerpt.unit].append(excerpt)
    return out


def _sentences(text: str, language: str | None, parts: list[Excerpt]) -> list[tuple[str, str]]:
    return [
        (raw, clean)
        for part in parts
        for _, raw, clean, _ in _sentences_at(text, language, part=part)
    ]


def _spoken(body: str, spans: list[Span], language: str | None, max_words: float) -> list[_Unit]:
    """Sentences of speech as takeaway candidates. A run-on one, longer than `max_words`, is
    first split where speech opens a new clause (`thoughts.spoken_clauses`), so that its
    pieces can be whole takeaways; a clause still longer than `max_words` is split by the
    sentence splitter's run-on rules."""
    units: list[_Unit] = []
    for sent in spans:
        said = sent.of(body)
        words = count_words(said)
        if words <= max_words:
            units.append((sent, False))
            continue
        clauses = spoken_clauses(said, language)
        for a, b in clauses:
            for piece in sentence_spans(said[a:b], max_words):
                start = sent.start + a + piece.start
                span = Span(start, start + piece.end - piece.start, sent.question, piece.fragment)
                units.append((span, len(clauses) > 1))
    return units


def _sentences_at(
    text: str,
    language: str | None,
    min_words: float = MIN_WORDS,
    max_words: float = 45.0,
    part: Excerpt | None = None,
    *,
    spoken: bool = False,
) -> list[tuple[Span, str, str, bool]]:
    """(span, raw, cleaned, split) of each sentence long enough to be a takeaway, in `part` of
    the text (its spans still counted from the text's start) or in all of it. A `spoken` run-on
    sentence becomes its clauses (`thoughts.spoken_clauses`; `split` is then true), each a
    candidate of its own."""
    lo, hi = (part.start, part.end) if part is not None else (0, len(text))
    body = text[lo:hi] if (lo, hi) != (0, len(text)) else text
    spans = sentence_spans(body, math.inf if spoken else max_words)
    units = _spoken(body, spans, language, max_words) if spoken else [(s, False) for s in spans]
    if part is not None and part.cut_before:
        units = units[1:]  # the window begins inside this sentence (or clause)
    if part is not None and part.cut_after:
        units = units[:-1]
    out: list[tuple[Span, str, str, bool]] = []
    for piece, clause in units:
        span = Span(piece.start + lo, piece.end + lo, piece.question, piece.fragment)
        raw = span.of(text)
        cleaned = strip_lead(clean_spoken(raw, language), language)
        if count_words(cleaned) >= min_words:
            out.append((span, raw, cleaned, clause))
    return out
