"""Podcasting 2.0 JSON chapters: {"chapters": [{"startTime", "title", "img", "url", "toc"}]}.

`toc: false` marks a chapter that is a marker (an image or location change), not a table of
contents entry: it is kept, with `hidden=True`. A chapters file on its own becomes an episode
(title and show from its optional "title" and "podcastName"); one a feed item points to is
attached to that episode.
"""

from __future__ import annotations

import itertools
from typing import Any

from castdigest.errors import ReadError
from castdigest.models import Chapter, Episode, Person
from castdigest.readers.base import MAX_JSON_DEPTH, Document, ReadContext, load_json
from castdigest.text.durations import as_seconds as _number
from castdigest.text.normalize import strip_controls, usable_url


def _str(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(strip_controls(value, multiline=False).split()) or None


def _url(value: Any) -> str | None:
    url = _str(value)
    return url if url and usable_url(url) else None


def load_chapters_json(
    text: str, location: str = "", max_depth: int = MAX_JSON_DEPTH
) -> dict[str, Any]:
    data = load_json(text, location, max_depth)
    if not isinstance(data, dict) or not isinstance(data.get("chapters"), list):
        raise ReadError('a JSON chapters file needs a "chapters" list', where=location)
    return data


def parse_chapters(data: dict[str, Any], location: str = "") -> list[Chapter]:
    chapters: list[Chapter] = []
    for i, item in enumerate(data["chapters"]):
        if not isinstance(item, dict):
            raise ReadError(f"chapter {i} is not an object", where=location)
        start = _number(item.get("startTime"))
        if start is None:  # missing, text, negative, NaN or infinite
            raise ReadError(f"chapter {i} has no numeric startTime", where=location)
        place = item.get("location")
        title = _str(item.get("title")) or (
            _str(place.get("name")) if isinstance(place, dict) else None
        )
        chapters.append(
            Chapter(
                start=start,
                end=_number(item.get("endTime")),
                title=title or "",
                url=_url(item.get("url")),
                image=_url(item.get("img")),
                hidden=item.get("toc") is False,
            )
        )
    chapters.sort(key=lambda c: c.start or 0.0)
    # A chapter without an end lasts until the next one starts.
    for chapter, following in itertools.pairwise(chapters):
        if chapter.end is None:
            chapter.end = following.start
    return chapters


class ChaptersJsonReader:
    name: str = "chapters-json"
    extensions: tuple[str, ...] = (".json",)

    def sniff(self, doc: Document) -> float:
        return 0.95 if doc.json_object_with("chapters", "startTime") else 0.0

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        data = load_chapters_json(doc.text, doc.location, ctx.limits.max_json_depth)
        chapters = parse_chapters(data, doc.location)
        author = _str(data.get("author"))
        title = _str(data.get("title")) or doc.stem_title
        return [
            Episode(
                title=title or "Untitled chapters",
                show=_str(data.get("podcastName")),
                hosts=[Person(name=author, role="author")] if author else [],
                chapters=chapters,
                sources=[ctx.ref(0, line=1)],
            )
        ]
