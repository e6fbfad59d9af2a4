"""Build a digest: select the window's episodes, classify, rank, condense the chosen, store.

Deterministic: the same archive, config and window give the same digest. Recency is measured
from the end of the window (not from "now"), and `built_at` is the config's pinned build
timestamp or the `--as-of` moment, so a rebuild of unchanged inputs changes nothing. A digest
that has been sent is frozen: rebuilding it raises FrozenError before any work is done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from castdigest.archive import Archive
from castdigest.archive.digests import BLOCK, PIN
from castdigest.archive.episodes import EpisodeFilter
from castdigest.config import CondenseMethod, Settings
from castdigest.digest import assemble
from castdigest.digest_ids import check_digest_id
from castdigest.errors import CastdigestError, ConfigError, NotFoundError
from castdigest.models import Condensed, Digest, Episode, Ranked
from castdigest.pipeline.translate import attach, translate_items
from castdigest.pipeline.window import (
    Window,
    choose_window,
    custom_window,
    parse_week,
    timezone,
    week_of,
)
from castdigest.rank import IN, Candidate, SentEpisode, rank
from castdigest.topics import Classification, Classifier, Topic, load_topics

Progress = Callable[[Sequence[Episode]], Iterable[Episode]]


# --------------------------------------------------------------------------- selection


@dataclass
class Selection:
    """The window's candidates, classified and ranked: what `rank --explain` shows."""

    window: Window
    topics: list[Topic]
    episodes: dict[str, Episode]
    classifications: dict[str, Classification]
    ranked: list[Ranked]
    warnings: list[str] = field(default_factory=list)
    held: list[Episode] = field(default_factory=list)  # doubtful reads left out: need review


def _resolve_ids(archive: Archive, refs: Iterable[str], what: str, warnings: list[str]) -> set[str]:
    out: set[str] = set()
    for ref in refs:
        try:
            out.add(archive.episodes.resolve(ref))
        except CastdigestError as exc:
            warnings.append(f"{what}: {exc}")
    return out


def _source_weights(settings: Settings) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    for src in settings.sources:
        if src.weight == 1.0:
            continue
        if src.path:
            out.append((str(settings.resolve(src.path).resolve()), src.weight))
        if src.url:
            out.append((src.url, src.weight))
    return out


def _source_multiplier(ep: Episode, weights: Sequence[tuple[str, float]]) -> float:
    found: list[float] = []
    for ref in ep.sources:
        location = ref.location
        if "://" not in location:
            location = str(Path(location).resolve())
        found += [
            w for prefix, w in weights if location == prefix or location.startswith(prefix + "/")
        ]
    return max(found) if found else 1.0


def _stored(archive: Archive, ids: Iterable[str]) -> list[Episode]:
    """The episodes still in the archive (a sent one may have been deleted since)."""
    out: list[Episode] = []
    for episode_id in ids:
        try:
            out.append(archive.episodes.get(episode_id))
        except NotFoundError:
            continue
    return out


def select(archive: Archive, settings: Settings, window: Window) -> Selection:
    """Episodes of the window (by the indexed `day`), plus pinned ones not sent yet; ranked."""
    warnings: list[str] = []
    tz = timezone(settings)
    start, end = window.bounds(tz)
    episodes = {ep.id: ep for ep in archive.episodes.list(EpisodeFilter(since=start, until=end))}
    stored = archive.digests.overrides()
    pins = {i for i, a in stored.items() if a == PIN}
    pins |= _resolve_ids(archive, settings.rank.pins, "rank.pins", warnings)
    blocks = {i for i, a in stored.items() if a == BLOCK}
    blocks |= _resolve_ids(archive, settings.rank.blocks, "rank.blocks", warnings)
    sent = archive.digests.sent_episodes(exclude=window.id)
    for ep in _stored(archive, sorted(pins - episodes.keys() - sent.keys() - blocks)):
        episodes[ep.id] = ep
    held = _held(archive, episodes, pins)
    for ep in held:
        del episodes[ep.id]
    lookback = (window.since - timedelta(days=settings.rank.novelty_days)).isoformat()
    recent = archive.digests.sent_episodes(exclude=window.id, since=lookback)
    history = _stored(archive, sorted(recent))
    topics = load_topics(settings.topics)
    classifier = Classifier(topics, settings.rank.topic_threshold, settings.rank.secondary_ratio)
    ordered = sorted(episodes.values(), key=lambda e: e.id)
    extra = [e for e in history if e.id not in episodes]  # each document counted once
    results, vectors = classifier.classify(ordered, extra=extra)
    weights = _source_weights(settings)
    candidates = [
        Candidate(ep, results[ep.id], vectors[ep.id], _source_multiplier(ep, weights))
        for ep in ordered
    ]
    sent_eps = [SentEpisode(e.id, recent[e.id], vectors[e.id]) for e in history]
    ranked = rank(
        candidates,
        settings.rank,
        reference=end,
        sent=sent,
        sent_episodes=sent_eps,
        pins=frozenset(pins),
        blocks=frozenset(blocks),
    )
    if held:
        warnings.append(held_note(held))
    return Selection(window, topics, episodes, results, ranked, warnings, held)


def _held(archive: Archive, episodes: dict[str, Episode], pins: set[str]) -> list[Episode]:
    """The doubtful reads among `episodes` that the editor has neither approved nor pinned:
    a digest must not carry a read that may be wrong."""
    return [
        ep
        for ep in sorted(episodes.values(), key=lambda e: e.id)
        if ep.id not in pins and archive.reviews.needs_review(ep)
    ]


def held_entry(ep: Episode) -> dict[str, object]:
    """An episode left out for review, as `--json` reports it."""
    return {"id": ep.id, "title": ep.title, "review_reasons": list(ep.review_reasons)}


def held_note(held: Sequence[Episode]) -> str:
    """One line naming the episodes left out for review, and what the editor can do."""
    ids = ", ".join(ep.id for ep in held)
    return (
        f"left out {len(held)} episode(s) that need review: {ids} (see `castdigest review`; "
        "`castdigest approve ID` or `castdigest pin ID` includes one)"
    )


# --------------------------------------------------------------------------- condensing


@dataclass
class Condensing:
    results: dict[str, Condensed] = field(default_factory=dict)
    fresh: int = 0
    cached: int = 0
    warnings: list[str] = field(default_factory=list)
    llm: list[dict[str, object]] = field(default_factory=list)  # per episode, method llm only
    llm_lines: list[str] = field(default_factory=list)


def condense_all(
    archive: Archive, settings: Settings, episodes: Sequence[Episode], progress: Progress | None
) -> Condensing:
    """Condensed text of each episode, from the archive's cache when the episode's content
    and the condenser settings are unchanged; fresh results are cached."""
    if settings.condense.method == CondenseMethod.LLM:
        return _condense_with_model(archive, settings, episodes, progress)
    # Imported here: the condenser's numerical libraries are a second of start-up that
    # `weekly` with nothing to build, and every window question, need not pay.
    from castdigest.condense import condense_episode, settings_hash

    out = Condensing()
    key = settings_hash(settings.condense)
    todo = _from_cache(archive, episodes, key, out)
    for ep in progress(todo) if progress and todo else todo:
        try:
            result = condense_episode(ep, settings.condense)
        except Exception as exc:  # one episode's failure must not sink the whole digest
            out.warnings.append(f"{ep.id}: could not condense ({exc}); using its abstract")
            out.results[ep.id] = Condensed(
                episode_id=ep.id, title=ep.title, blurb=ep.abstract or "", method="none"
            )
            continue
        archive.digests.cache_condensed(ep.content_hash(), key, result)
        out.results[ep.id] = result
        out.fresh += 1
    return out


def _from_cache(
    archive: Archive, episodes: Sequence[Episode], key: str, out: Condensing
) -> list[Episode]:
    """The episodes still to condense; those the cache holds for `key` go into `out`."""
    todo: list[Episode] = []
    for ep in episodes:
        hit = archive.digests.cached_condensed(ep.content_hash(), key)
        if hit is not None:
            out.results[ep.id] = hit
            out.cached += 1
        else:
            todo.append(ep)
    return todo


def _condense_with_model(
    archive: Archive, settings: Settings, episodes: Sequence[Episode], progress: Progress | None
) -> Condensing:
    """The language-model condenser over the chosen episodes. A result that fell back to the
    extractive condenser is not cached, so that the next run asks the model again."""
    from castdigest.condense import Budget, settings_hash
    from castdigest.llm.condense import LLMCondenser, cache_key

    out = Condensing()
    key = cache_key(settings.llm, settings_hash(settings.condense))
    condenser = LLMCondenser(settings.llm)
    budget = Budget.from_settings(settings.condense)
    todo = _from_cache(archive, episodes, key, out)
    # Calls may run in parallel ([llm] max_concurrency); results are stored here, in order,
    # from this thread, which alone touches the archive.
    with ThreadPoolExecutor(max_workers=settings.llm.max_concurrency) as pool:
        futures = [pool.submit(condenser.condense_reported, ep, budget) for ep in todo]
        shown = progress(todo) if progress and todo else todo
        done = []
        for ep, future in zip(shown, futures, strict=True):
            try:
                done.append((ep, future.result()))
            except Exception as exc:  # one episode's failure must not sink the whole digest
                out.warnings.append(f"{ep.id}: could not condense ({exc}); using its abstract")
                out.results[ep.id] = Condensed(
                    episode_id=ep.id, title=ep.title, blurb=ep.abstract or "", method="none"
                )
    for ep, (result, report) in done:
        if report.fallback:
            out.warnings.append(f"{ep.id}: condensed extractively: {report.fallback}")
        if report.cacheable:
            archive.digests.cache_condensed(ep.content_hash(), key, result)
        out.results[ep.id] = result
        out.fresh += 1
        out.llm.append(report.as_json())
        out.llm_lines.append(report.line())
    return out


# --------------------------------------------------------------------------- build


@dataclass
class BuildResult:
    digest: Digest
    ranked: list[Ranked]
    status: str  # "new", "updated" or "unchanged"
    condensed: int  # episodes condensed now
    cached: int  # condensed results reused from the archive
    warnings: list[str] = field(default_factory=list)
    held: list[Episode] = field(default_factory=list)  # doubtful reads left out: need review
    llm: list[dict[str, object]] = field(default_factory=list)  # calls, tokens, seconds per episode
    llm_lines: list[str] = field(default_factory=list)


def built_at(settings: Settings, as_of: datetime | None) -> datetime:
    pinned = settings.newsletter.build_timestamp
    if pinned:
        try:
            moment = datetime.fromisoformat(pinned.replace("Z", "+00:00"))
        except ValueError:
            raise ConfigError(
                f"{pinned!r} is not an ISO 8601 time", where="newsletter.build_timestamp"
            ) from None
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return (as_of or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)


def build(
    archive: Archive,
    settings: Settings,
    window: Window,
    *,
    as_of: datetime | None = None,
    intro: str | None = None,
    keep_intro: bool = True,
    progress: Progress | None = None,
) -> BuildResult:
    """Build and store the window's digest. `intro=None` with `keep_intro` keeps the editor's
    note of an earlier build of the same digest. ValueError for a window whose id is not a
    digest id (the CLI refuses those first, as usage errors)."""
    check_digest_id(window.id)
    archive.digests.check_draft(window.id)
    sel = select(archive, settings, window)
    chosen = [sel.episodes[r.id] for r in sel.ranked if r.decision in IN]
    cond = condense_all(archive, settings, chosen, progress)
    tr = translate_items(archive, settings, chosen, cond.results)
    old = archive.digests.get(window.id) if archive.digests.status(window.id) else None
    if intro is None and keep_intro and old is not None:
        intro = old.intro
    digest = assemble(
        digest_id=window.id,
        since=window.since,
        until=window.until,
        built_at=built_at(settings, as_of),
        ranked=sel.ranked,
        episodes=sel.episodes,
        condensed=cond.results,
        topics=sel.topics,
        intro=intro,
        config_hash=settings.config_hash(),
    )
    digest = attach(digest, tr.results)
    warnings = sel.warnings + cond.warnings + tr.warnings
    llm, llm_lines = cond.llm + tr.reports, cond.llm_lines + tr.lines
    if old is not None and old.model_copy(update={"built_at": digest.built_at}) == digest:
        return BuildResult(
            old, sel.ranked, "unchanged", cond.fresh, cond.cached, warnings, sel.held,
            llm, llm_lines,
        )  # fmt: skip
    archive.digests.save(digest)
    status = "updated" if old is not None else "new"
    return BuildResult(
        digest, sel.ranked, status, cond.fresh, cond.cached, warnings, sel.held,
        llm, llm_lines,
    )  # fmt: skip


__all__ = [  # the windows are defined in pipeline.window; named here for build's callers
    "BuildResult",
    "Selection",
    "Window",
    "build",
    "choose_window",
    "custom_window",
    "parse_week",
    "select",
    "timezone",
    "week_of",
]
