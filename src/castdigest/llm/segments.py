"""The episode as the model sees it: numbered segments, `[S0042 | 00:17:21 | Emma] text`.

Ids let the model cite its evidence and quotes by reference; speaker and time are then taken
from the segment, never from the model. Chat-template control tokens in the transcript are
removed so that transcript text can never close or open a turn of the conversation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from castdigest.models import Episode

# Special tokens of the common chat templates (ChatML, Llama 2/3, Gemma, Mistral, Phi).
_CONTROL = re.compile(
    r"<\|[^|<>\n]{1,40}\|>|\[/?INST\]|<</?SYS>>|</?s>|<(?:start|end)_of_turn>|\[/?(?:AVAILABLE_)?TOOLS?\]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Numbered:
    id: str  # S0001, ...
    text: str
    start: float | None = None
    speaker: str | None = None
    chapter: int | None = None  # index into Episode.chapters

    def line(self) -> str:
        head = [self.id]
        if self.start is not None:
            head.append(_clock(self.start))
        if self.speaker:
            head.append(strip_control_tokens(self.speaker))
        return f"[{' | '.join(head)}] {strip_control_tokens(self.text)}"


def strip_control_tokens(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def number_segments(episode: Episode) -> list[Numbered]:
    """The transcript's timed turns, or its paragraphs when it has no timing."""
    transcript = episode.transcript
    if transcript is None:
        return []
    starts = [c.start for c in episode.chapters]
    if transcript.segments:
        parts = [(s.text, s.start, s.speaker) for s in transcript.segments if s.text.strip()]
    else:
        paras = [p for p in re.split(r"\n\s*\n", transcript.text) if p.strip()]
        parts = [(p, None, None) for p in paras]
    return [
        Numbered(f"S{i:04d}", " ".join(text.split()), start, speaker, _chapter(starts, start))
        for i, (text, start, speaker) in enumerate(parts, 1)
    ]


def _chapter(starts: list[float | None], at: float | None) -> int | None:
    if at is None:
        return None
    found = None
    for i, start in enumerate(starts):
        if start is not None and start <= at:
            found = i
    return found


def render_segments(segments: list[Numbered]) -> str:
    return "\n".join(s.line() for s in segments)
