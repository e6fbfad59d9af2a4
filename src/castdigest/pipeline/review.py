"""The editor's review of doubtful reads: approving them, correcting a title, choosing the
reader of a document and reading it again (`castdigest review` / `approve`).

What the editor decides is kept in the archive apart from the episodes (archive/reviews.py),
so that ingesting the same sources again undoes none of it.
"""

from __future__ import annotations

import dataclasses
import fnmatch
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from castdigest import dedupe
from castdigest.archive import Archive
from castdigest.config import Settings
from castdigest.errors import CastdigestError
from castdigest.models import Episode
from castdigest.pipeline.fetch import is_url, make_client
from castdigest.pipeline.ingest import (
    DocReport,
    SourceSpec,
    configured_spec,
    ingest_file,
    ingest_url,
    read_limits,
)


class ReviewError(CastdigestError):
    """An approval that cannot be done: the document cannot be read again, the title has no
    single episode to go to."""


@dataclass
class Reread:
    """A document read again with the reader the editor chose."""

    location: str
    format: str
    episodes: list[Episode] = field(default_factory=list)


@dataclass
class Approval:
    """What `approve` did for one episode id."""

    ref: str
    approved: list[Episode] = field(default_factory=list)
    rereads: list[Reread] = field(default_factory=list)
    was_doubtful: bool = False


def approve(
    archive: Archive,
    settings: Settings,
    ref: str,
    now: datetime,
    *,
    title: str | None = None,
    fmt: str | None = None,
) -> Approval:
    """Approve the episode `ref` (an id or a unique prefix), with the corrections given;
    CastdigestError for an unknown id or a document that cannot be read again."""
    episode = archive.episodes.get(ref)
    result = Approval(ref, was_doubtful=archive.reviews.needs_review(episode))
    ids = [episode.id]
    if fmt is not None:
        result.rereads = reread(archive, settings, episode, fmt, now)
        ids = list(dict.fromkeys(e.id for r in result.rereads for e in r.episodes))
    target = _titled(episode.id, ids, title)
    with archive.transaction():
        for episode_id in ids:
            archive.reviews.approve(episode_id, now, title if episode_id == target else None)
            if episode_id == target and title is not None:
                retitle(archive, episode_id, title, now)
    result.approved = [archive.episodes.get(i) for i in ids]
    return result


def _titled(asked: str, ids: list[str], title: str | None) -> str | None:
    """The episode a corrected title goes to: the one asked for, or the only one its document
    gives now that it was read again."""
    if title is None or asked in ids:
        return asked if title is not None else None
    if len(ids) == 1:
        return ids[0]
    raise ReviewError(
        f"read again, its document gives {len(ids)} episodes; the title is for one of them",
        where=asked,
        hint="give it with `castdigest approve ID --title TEXT` for one of: " + ", ".join(ids),
    )


def retitle(archive: Archive, episode_id: str, title: str, now: datetime) -> None:
    """Store the episode under the editor's title (ingest keeps it: see `ingest._reviewed`)."""
    episode = archive.episodes.get(episode_id)
    if episode.title == title:
        return
    corrected = episode.model_copy(update={"title": title})
    archive.episodes.put(corrected, dedupe.keys(corrected), now)


def reread(
    archive: Archive, settings: Settings, episode: Episode, fmt: str, now: datetime
) -> list[Reread]:
    """Read the episode's doubtful documents (else its first one) again with reader `fmt`,
    replacing their earlier reads, and keep `fmt` as their reader from now on."""
    locations = sorted({loc for loc, _ in archive.reviews.doubtful_documents(episode.id)})
    if not locations and episode.sources:
        locations = [episode.sources[0].location]
    if not locations:
        raise ReviewError("no source document to read again", where=episode.id)
    out: list[Reread] = []
    for location in locations:
        report = _read_again(archive, settings, location, fmt, now)
        if report.failed:
            raise ReviewError(f"cannot read it again: {report.error}", where=location)
        with archive.transaction():
            archive.reviews.force_format(location, fmt, now)
        ids = dict.fromkeys(archive.episodes.contributed_by(location))  # what it gives now
        out.append(Reread(location, fmt, [archive.episodes.get(i) for i in ids]))
    return out


def _read_again(
    archive: Archive, settings: Settings, location: str, fmt: str, now: datetime
) -> DocReport:
    spec = dataclasses.replace(spec_for(settings, location), format=fmt)
    if is_url(location):
        with make_client(settings.http) as client:
            return ingest_url(archive, client, location, spec, None, now, settings.http.max_bytes)
    return ingest_file(archive, Path(location), spec, None, now)


def spec_for(settings: Settings, location: str) -> SourceSpec:
    """The defaults (show, tags, language) of the configured source `location` belongs to;
    none for a document named on the command line."""
    local = None if is_url(location) else Path(location).resolve()
    for src in settings.sources:
        if src.url and src.url == location:
            return configured_spec(src, settings)
        if src.path and local is not None:
            root = settings.resolve(src.path).resolve()
            if local.is_relative_to(root) or fnmatch.fnmatch(str(local), str(root)):
                return configured_spec(src, settings)
    return SourceSpec(limits=read_limits(settings))
