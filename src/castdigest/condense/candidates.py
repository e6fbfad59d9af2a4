"""Candidate sentences for takeaways, one pool per kind of material an episode offers.

Each candidate keeps what its takeaway must record (provenance, chapter, offset, speaker) and
where it stands in the episode (`position`, 0 at the start, 1 at the end), which selection uses
to cover the episode from start to end.
"""

from __future__ import annotations

from dataclasses import dataclass

from castdigest.condense.clean import clean_spoken, strip_lead
from castdigest.models import Episode, Provenance, Segment
from castdigest.text.sentences import sentence_spans
from castdigest.text.truncate import count_words

MIN_WORDS = 4  # shorter "sentences" ("Yes, exactly.") carry no takeaway


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


def source_pool(episode: Episode) -> list[Candidate]:
    """The page's own takeaways, one candidate each, in their order."""
    items = [t.strip() for t in episode.takeaways if t.strip()]
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
    out: list[Candidate] = []
    for rank, (index, chapter) in enumerate(chapters):
        if span and chapter.start is not None:
            position = min(chapter.start / span, 1.0)
        else:
            position = rank / len(chapters)
        for j, sentence in enumerate(_sentences(chapter.summary or "", episode.language)):
            out.append(
                Candidate(
                    text=sentence[1],
                    provenance=Provenance.CHAPTER,
                    position=position,
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
        for j, (start, raw, text) in enumerate(_sentences_at(turn.text, language)):
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


def _sentences_at(text: str, language: str | None) -> list[tuple[int, str, str]]:
    """(start, raw, cleaned) of each sentence long enough to be a takeaway."""
    out: list[tuple[int, str, str]] = []
    for span in sentence_spans(text):
        raw = span.of(text)
        cleaned = strip_lead(clean_spoken(raw, language), language)
        if count_words(cleaned) >= MIN_WORDS:
            out.append((span.start, raw, cleaned))
    return out
