"""Candidate sentences for takeaways, one pool per kind of material an episode offers.

Each candidate keeps what its takeaway must record (provenance, chapter, offset, speaker) and
where it stands in the episode (`position`, 0 at the start, 1 at the end), which selection uses
to cover the episode from start to end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from castdigest.condense.clean import clean_spoken, strip_lead
from castdigest.models import Episode, Provenance, Segment
from castdigest.text.sentences import Span, sentence_spans
from castdigest.text.truncate import count_words

_LIKE = re.compile(r"\b(?:like|you know|kind of|sort of|I mean)\b", re.IGNORECASE)
FRAGMENT = 0.3  # noise added for a piece cut out of unpunctuated speech
UNFINISHED = 0.3  # noise added for a piece of a run-on sentence that lacks its full stop
MIN_WORDS = 4  # shorter "sentences" ("Yes, exactly.") carry no takeaway
MIN_SPOKEN = 6  # spoken ones need more ("Such a good question.")
SPOKEN_CLAUSE = 45.0  # words: a longer spoken "sentence" is split at clause boundaries


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

    @property
    def noise(self) -> float:
        """Share of the raw sentence that cleaning dropped (fillers, stutters, "like")."""
        raw = count_words(self.raw) or 1.0
        likes = len(_LIKE.findall(self.text))
        dropped = max(0.0, 1.0 - count_words(self.text) / raw)
        unfinished = not self.raw.rstrip("\"'”’»)]」』 ").endswith(tuple(".!?…。！？"))
        return dropped + likes / raw + FRAGMENT * self.fragment + UNFINISHED * unfinished


def source_pool(episode: Episode) -> list[Candidate]:
    """The page's own takeaways, one candidate each, in their order."""
    items = [t.strip() for t in episode.takeaways if count_words(clean_spoken(t)) >= 2]
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


def chapter_pool(episode: Episode) -> list[Candidate]:
    """Sentences of chapter summaries; positions from start times, else from chapter order."""
    chapters = [(i, c) for i, c in enumerate(episode.chapters) if not c.hidden and c.summary]
    if not chapters:
        return []
    span = episode.duration or max((c.start or 0.0) for _, c in chapters) or 0.0
    timed = bool(span) and all(c.start is not None for _, c in chapters)
    starts = [
        min((c.start or 0.0) / span, 1.0) if timed else rank / len(chapters)
        for rank, (_, c) in enumerate(chapters)
    ]
    out: list[Candidate] = []
    for rank, (index, chapter) in enumerate(chapters):
        sentences = _sentences(chapter.summary or "", episode.language)
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


def abstract_pool(episode: Episode) -> list[Candidate]:
    sentences = _sentences(episode.abstract or "", episode.language)
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


def transcript_pool(episode: Episode) -> list[Candidate]:
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
    for index, turn in enumerate(turns):
        spans = _sentences_at(turn.text, language, MIN_SPOKEN, SPOKEN_CLAUSE)
        for j, (span, raw, text) in enumerate(spans):
            start = span.start
            out.append(
                Candidate(
                    text=text,
                    provenance=Provenance.TRANSCRIPT,
                    position=(seen + start) / total,
                    group=index,
                    lead=j == 0,
                    offset=_offset(turn, start),
                    speaker=turn.speaker,
                    raw=raw,
                    question=span.question,
                    fragment=span.fragment,
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


def _sentences(text: str, language: str | None) -> list[tuple[str, str]]:
    return [(raw, clean) for _, raw, clean in _sentences_at(text, language)]


def _sentences_at(
    text: str, language: str | None, min_words: float = MIN_WORDS, max_words: float = 45.0
) -> list[tuple[Span, str, str]]:
    """(span, raw, cleaned) of each sentence long enough to be a takeaway."""
    out: list[tuple[Span, str, str]] = []
    for span in sentence_spans(text, max_words):
        raw = span.of(text)
        cleaned = strip_lead(clean_spoken(raw, language), language)
        if count_words(cleaned) >= min_words:
            out.append((span, raw, cleaned))
    return out
