"""The web archive: `out/index.html` (every issue, newest first, every feed) and
`out/<digest-id>/index.html` (the web version of an issue). Plain HTML and CSS with relative
links, so the folder works from file:// as well as from a web server.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from castdigest.config import Settings
from castdigest.models import Digest
from castdigest.render.feeds import feed_infos
from castdigest.render.phrases import phrases
from castdigest.render.templates import render
from castdigest.render.view import build_view, clean_digest, date_range, safe_name, text_dir


@dataclass(frozen=True)
class IssueLink:
    id: str
    folder: str
    dates: str
    count: int


def render_digest_page(digest: Digest, settings: Settings) -> str:
    """The web version: every item in full (no trimming), no unsubscribe link."""
    view = build_view(clean_digest(digest), settings)
    return render(settings, "site/digest.html.j2", d=view, root="../")


def newest_first(digests: Sequence[Digest]) -> list[Digest]:
    unique = {d.id: d for d in digests}
    return sorted(unique.values(), key=lambda d: (d.until, d.since, d.id), reverse=True)


def render_index(digests: Sequence[Digest], settings: Settings) -> str:
    """The archive page over `digests` (any order; shown newest first)."""
    ordered = newest_first([clean_digest(d) for d in digests])
    months = phrases(settings.newsletter.language).months
    issues = [
        IssueLink(d.id, safe_name(d.id), date_range(d.since, d.until, months), len(d.items()))
        for d in ordered
    ]
    feeds = feed_infos(ordered[0], settings, ordered[1:]) if ordered else []
    news = settings.newsletter
    return render(
        settings,
        "site/index.html.j2",
        name=news.name,
        lang=news.language,
        dir=text_dir(news.language),
        issues=issues,
        feeds=feeds,
        words=phrases(news.language),
    )
