"""The condenser contract and the budget one condensation works within."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from castdigest.config import CondenseConfig
from castdigest.models import Condensed, Episode

# Bumped whenever the algorithm changes output, so cached condensations are recomputed.
METHOD_VERSION = "extractive-10"


@dataclass(frozen=True)
class Budget:
    """Limits for one episode: how many takeaways, how long each, how many words in all, and
    how much of the material is read."""

    takeaways: int = 5
    min_takeaways: int = 3
    max_words: int | None = None  # total over all takeaways; CJK counts characters / 2
    words_per_takeaway: int = 30
    cjk_chars_per_takeaway: int = 60
    quotes: int = 2
    max_transcript_words: int = 40_000  # longer transcripts are read in evenly spaced windows
    max_text_words: int = 10_000  # the same for an abstract, chapter summaries, takeaways

    @classmethod
    def from_settings(
        cls, settings: CondenseConfig, *, max_words: int | None = None, takeaways: int | None = None
    ) -> Budget:
        count = takeaways if takeaways is not None else settings.takeaways
        words = max_words if max_words is not None else settings.max_words
        if max_words is not None and takeaways is None:
            # --max-words alone: the condenser fills the budget with as many takeaways as fit.
            count = max(settings.takeaways, 1_000)
        return cls(
            takeaways=max(1, count),
            min_takeaways=min(settings.min_takeaways, max(1, count)),
            max_words=words,
            words_per_takeaway=settings.words_per_takeaway,
            cjk_chars_per_takeaway=settings.cjk_chars_per_takeaway,
            quotes=settings.quotes,
            max_transcript_words=settings.max_transcript_words,
            max_text_words=settings.max_text_words,
        )


@runtime_checkable
class Condenser(Protocol):
    """Anything that turns an episode into takeaways, quotes and a blurb within a budget."""

    name: str

    def condense(self, episode: Episode, budget: Budget) -> Condensed: ...


def settings_hash(settings: CondenseConfig) -> str:
    """Stable hash of the settings that shape condensed output (a cache key with the episode)."""
    # The method is its own key (the llm condenser adds its model and prompt to it), so the
    # extractive key is the same as before the method could be chosen.
    dumped = settings.model_dump(mode="json", exclude={"method"})
    data = {"settings": dumped, "method": METHOD_VERSION}
    blob = json.dumps(data, sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:16]
