"""Condense an episode into a few key takeaways, one or two quotes and a one-line blurb.

`condense_episode()` is the stage's entry point; `Condenser` is the protocol another condenser
(an abstractive one, say) would implement. The default is extractive: offline, deterministic,
no model download. It uses what the source already offers first (its own takeaways, then
chapter summaries, the abstract) and falls back to picking sentences from the transcript.
"""

from __future__ import annotations

from castdigest.condense.base import METHOD_VERSION, Budget, Condenser, settings_hash
from castdigest.condense.core import ExtractiveCondenser
from castdigest.config import CondenseConfig
from castdigest.models import Condensed, Episode

__all__ = [
    "METHOD_VERSION",
    "Budget",
    "Condenser",
    "ExtractiveCondenser",
    "condense_episode",
    "settings_hash",
]


def condense_episode(
    episode: Episode,
    settings: CondenseConfig,
    *,
    max_words: int | None = None,
    takeaways: int | None = None,
    condenser: Condenser | None = None,
) -> Condensed:
    """Condense one episode within the configured budget (arguments override the config)."""
    budget = Budget.from_settings(settings, max_words=max_words, takeaways=takeaways)
    return (condenser or ExtractiveCondenser()).condense(episode, budget)
