"""The default extractive condenser: source takeaways, chapters, abstract, then transcript."""

from __future__ import annotations

from castdigest.condense.base import Budget
from castdigest.models import Condensed, Episode, Provenance, Takeaway


class ExtractiveCondenser:
    name: str = "extractive"

    def condense(self, episode: Episode, budget: Budget) -> Condensed:
        items: list[Takeaway] = []
        source = ""
        if episode.takeaways:
            items = [Takeaway(text=t, provenance=Provenance.SOURCE) for t in episode.takeaways]
            source = "takeaways"
        elif episode.chapters:
            items = [
                Takeaway(
                    text=c.summary or c.title,
                    provenance=Provenance.CHAPTER,
                    chapter=c.title,
                    chapter_index=i,
                    offset=c.start,
                )
                for i, c in enumerate(episode.chapters)
            ]
            source = "chapters"
        return Condensed(
            episode_id=episode.id,
            title=episode.title,
            blurb=episode.abstract or "",
            takeaways=items[: budget.takeaways],
            source=source,
        )
