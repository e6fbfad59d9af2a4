"""Assemble a Digest from the ranked week: sections by topic, items in rank order.

Items are snapshots (title, show, guests, condensed text, score breakdown), so a stored digest
renders and sends on its own even if the archive's episodes change later. An item's url is
where to listen (castdigest.links), its date the one its source gives, or none. Sections follow the
ranking: the section holding the week's best episode comes first, then the others by the rank
of their best episode, so the week's shape shows at once; within a section items follow the
ranking too (score order, episodes let in by a relaxed cap after the others).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from castdigest.links import listen_url
from castdigest.models import (
    Condensed,
    Digest,
    DigestItem,
    DigestSection,
    Episode,
    Ranked,
)
from castdigest.rank import IN, stated_date
from castdigest.topics import Topic


def digest_item(ep: Episode, row: Ranked, condensed: Condensed, position: int) -> DigestItem:
    return DigestItem(
        episode_id=ep.id,
        rank=position,
        title=ep.title,
        kind=ep.kind,
        show=ep.show,
        url=listen_url(ep),  # None when no address is known: never a made-up one
        published=stated_date(ep),  # None when undated, never the day it was read
        duration=ep.duration,
        language=ep.language,
        guests=ep.guests,
        tags=ep.tags,
        primary_topic=row.primary_topic,
        topics=row.topics,
        score=row.score,
        components=row.components,
        condensed=condensed,
    )


def assemble(
    *,
    digest_id: str,
    since: date,
    until: date,
    built_at: datetime,
    ranked: Sequence[Ranked],
    episodes: Mapping[str, Episode],
    condensed: Mapping[str, Condensed],
    topics: Sequence[Topic],
    intro: str | None = None,
    config_hash: str = "",
) -> Digest:
    """The digest of the chosen rows (kept or pinned), grouped by primary topic."""
    chosen = [r for r in ranked if r.decision in IN]
    best: dict[str, int] = {}  # topic -> rank of its best episode
    for position, r in enumerate(chosen):
        best.setdefault(r.primary_topic, position)
    sections: list[DigestSection] = []
    for topic in sorted(topics, key=lambda t: best.get(t.slug, len(chosen))):
        rows = [r for r in chosen if r.primary_topic == topic.slug]
        if not rows:
            continue
        items = [
            digest_item(episodes[r.id], r, condensed[r.id], position)
            for position, r in enumerate(rows, start=1)
        ]
        sections.append(
            DigestSection(
                topic=topic.slug,
                name=topic.name,
                description=topic.description or None,
                items=items,
            )
        )
    return Digest(
        id=digest_id,
        since=since,
        until=until,
        built_at=built_at,
        intro=intro,
        sections=sections,
        config_hash=config_hash,
    )
