"""Quotes: the source's own first, else quotable transcript sentences (filled in below)."""

from __future__ import annotations

from castdigest.models import CondensedQuote, Episode


def pick_quotes(episode: Episode, count: int, language: str | None) -> list[CondensedQuote]:
    return [
        CondensedQuote(text=q.text, speaker=q.speaker, offset=q.offset)
        for q in episode.quotes[:count]
    ]
