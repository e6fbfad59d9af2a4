"""Chapter-aligned windows over the numbered segments, for an episode too long for one call.

Whole chapters are packed into a window while they fit its token budget; a chapter larger
than a window is cut at segment boundaries. Every segment is in exactly one window, in order,
so the map calls together see the whole episode (never a refine chain over a summary)."""

from __future__ import annotations

from itertools import groupby

from castdigest.llm.segments import Numbered
from castdigest.llm.tokens import estimate_tokens


def _cost(seg: Numbered) -> int:
    return estimate_tokens(seg.line()) + 1  # and its line break


def windows(segments: list[Numbered], budget: int) -> list[list[Numbered]]:
    out: list[list[Numbered]] = []
    current: list[Numbered] = []
    used = 0
    for _, group in groupby(segments, key=lambda s: s.chapter):
        chapter = list(group)
        cost = sum(_cost(s) for s in chapter)
        if used + cost <= budget:
            current += chapter
            used += cost
            continue
        if current:
            out.append(current)
        current, used = [], 0
        for seg in chapter:  # a chapter starts a window; one too long is cut
            if current and used + _cost(seg) > budget:
                out.append(current)
                current, used = [], 0
            current.append(seg)
            used += _cost(seg)
    if current:
        out.append(current)
    return out
