"""Ranking: a score per candidate from named components, then the week's pick, with reasons.

    score = sum(weight[name] * component[name] for each name in COMPONENTS)

Every component is a pure function below, returning a value in [0, 1] (the source weight may
exceed 1), so raising a weight never lowers that component's contribution. An episode whose
source gives no date gets `undated_recency` (its reason says "undated"), not the recency of the
day it was read. The pick then goes:

1. blocked by the editor: never in;
2. already sent in an earlier digest: never again (a pin does not bring it back: pins are
   for the coming digest, and an archive pin outlives the digest it was made for);
3. pinned by the editor: always in, whatever the limits and threshold;
4. a near-duplicate of an episode already sent: out;
5. scoring below `threshold`: out;
6. the rest, chosen one by one with maximal marginal relevance (MMR): each step takes the
   candidate with the best `(1 - diversity) * score / top score - diversity * similarity to
   what is already picked`, skipping near-duplicates of a pick and candidates whose show or
   primary topic is at its limit, until `max_items` are in;
7. if slots are still empty while candidates refused only by a cap remain, the caps give way
   in rank (score) order, `max_per_show` first, then `max_per_topic`: a digest goes out full
   rather than with good episodes waiting. These picks carry `relaxed` (the cap set aside).

The chosen episodes are listed by score, those let in by a relaxed cap after the others, then
the dropped ones by score.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from castdigest.config import RankConfig
from castdigest.lexical import Vector, cosine
from castdigest.models import EARLIEST_YEAR, LATEST_YEAR, Decision, Episode, Ranked
from castdigest.text.dates import parse_date
from castdigest.topics import Classification

COMPONENTS = ("recency", "topic", "richness", "length", "source", "novelty")
IN = (Decision.KEPT, Decision.PINNED)


# --------------------------------------------------------------------------- components


def recency(day: datetime, reference: datetime, half_life_days: float) -> float:
    """1 for an episode dated at (or after) `reference`, halving every `half_life_days` before."""
    age_days = (reference - day).total_seconds() / 86400
    return 1.0 if age_days <= 0 else 0.5 ** (age_days / half_life_days)


def stated_date(ep: Episode) -> datetime | None:
    """The date the episode's source gives: its published date, else the wording its reader
    kept ("il y a 3 jours", "July 15, 2025") read against the day it was first seen. None for
    undated material: the day it was ingested is not the day it was published."""
    if ep.published is not None:
        return ep.published
    if not ep.published_text or ep.first_seen is None:
        return None
    found = parse_date(ep.published_text, ep.first_seen)
    if found is None or not EARLIEST_YEAR <= found.year <= LATEST_YEAR:
        return None  # its reader said why when it read the wording
    # a date after the reading is a misreading (a time of day, an event announced)
    return found if found <= ep.first_seen + timedelta(days=1) else None


def topic_relevance(relevance: float) -> float:
    """How clearly the episode fits its primary topic (0 for the catch-all), from `topics`."""
    return min(max(relevance, 0.0), 1.0)


def richness(ep: Episode) -> float:
    """Share of the four kinds of material an episode brings, each graded up to enough:
    chapters (3), quotes (2), a transcript, takeaways (3)."""
    chapters = min(sum(1 for c in ep.chapters if not c.hidden) / 3, 1.0)
    quotes = min((len(ep.quotes) + sum(len(c.quotes) for c in ep.chapters)) / 2, 1.0)
    transcript = 1.0 if ep.transcript is not None and ep.transcript.text.strip() else 0.0
    takeaways = min(len(ep.takeaways) / 3, 1.0)
    return (chapters + quotes + transcript + takeaways) / 4


def material_words(ep: Episode) -> int:
    parts = [ep.abstract or "", *ep.takeaways, *(c.summary or "" for c in ep.chapters)]
    words = sum(len(p.split()) for p in parts)
    if ep.transcript is not None:
        words += len(ep.transcript.text.split())
    return words


def length_sanity(duration: float | None, min_duration: float, words: int) -> float:
    """1 for a full episode; a trailer or clip shorter than `min_duration` falls quadratically
    to 0. Without a duration, the amount of text decides (200 words and up is full). An
    episode whose title says it is a trailer (`looks_like_trailer`) gets 0 whatever its length."""
    if duration is not None and duration > 0:
        return 1.0 if duration >= min_duration else (duration / min_duration) ** 2
    return min(words / 200, 1.0)


_TRAILER = re.compile(r"\b(trailer|teaser|bande[- ]annonce|coming soon|bientôt)\b", re.IGNORECASE)


def looks_like_trailer(title: str) -> bool:
    """A title that announces a trailer or teaser ("Season 3 trailer", "Bande-annonce")."""
    return bool(_TRAILER.search(title))


def source_weight(show_multiplier: float, source_multiplier: float) -> float:
    """The show's weight (`rank.show_weights`) times the source's (`[[sources]] weight`)."""
    return max(show_multiplier, 0.0) * max(source_multiplier, 0.0)


def novelty(similarity_to_sent: float) -> float:
    """1 for an episode unlike anything sent before, falling to 0 for an identical one."""
    return min(max(1.0 - similarity_to_sent, 0.0), 1.0)


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class Candidate:
    episode: Episode
    classification: Classification
    vector: Vector = field(default_factory=dict)
    source_multiplier: float = 1.0  # from the config's [[sources]] weight


@dataclass(frozen=True)
class SentEpisode:
    """An episode of an earlier sent digest, for the novelty and near-duplicate checks."""

    episode_id: str
    digest_id: str
    vector: Vector = field(default_factory=dict)


@dataclass(frozen=True)
class _Scored:
    cand: Candidate
    score: float
    components: dict[str, float]
    nearest_sent: tuple[float, SentEpisode | None]
    undated: bool = False  # no date from its source: scored with `undated_recency`

    @property
    def id(self) -> str:
        return self.cand.episode.id

    @property
    def show_key(self) -> str | None:
        show = self.cand.episode.show
        return show.casefold() if show else None

    @property
    def topic(self) -> str:
        return self.cand.classification.primary


def _nearest(vec: Vector, sent: Sequence[SentEpisode]) -> tuple[float, SentEpisode | None]:
    best: tuple[float, SentEpisode | None] = (0.0, None)
    for other in sent:
        sim = cosine(vec, other.vector)
        if sim > best[0]:
            best = (sim, other)
    return best


def score(
    cand: Candidate, cfg: RankConfig, reference: datetime, sent: Sequence[SentEpisode] = ()
) -> _Scored:
    """Every component of one candidate, weighted, and their sum."""
    ep = cand.episode
    day = stated_date(ep)
    shows = {k.casefold(): v for k, v in cfg.show_weights.items()}
    nearest = _nearest(cand.vector, [s for s in sent if s.episode_id != ep.id])
    raw = {
        "recency": cfg.undated_recency
        if day is None
        else recency(day, reference, cfg.half_life_days),
        "topic": topic_relevance(cand.classification.relevance),
        "richness": richness(ep),
        "length": 0.0
        if looks_like_trailer(ep.title)
        else length_sanity(ep.duration, cfg.min_duration, material_words(ep)),
        "source": source_weight(shows.get((ep.show or "").casefold(), 1.0), cand.source_multiplier),
        "novelty": novelty(nearest[0]),
    }
    weights = cfg.weights.model_dump()
    parts = {name: round(weights[name] * raw[name], 4) for name in COMPONENTS}
    return _Scored(cand, round(sum(parts.values()), 4), parts, nearest, undated=day is None)


# --------------------------------------------------------------------------- the pick


def _row(s: _Scored, decision: Decision, reason: str, relaxed: str | None = None) -> Ranked:
    ep, cls = s.cand.episode, s.cand.classification
    return Ranked(
        id=ep.id,
        title=ep.title,
        show=ep.show,
        primary_topic=cls.primary,
        topics=list(cls.topics),
        score=s.score,
        components=s.components,
        decision=decision,
        reason=reason + ("; undated: lower recency" if s.undated else ""),
        relaxed=relaxed,
    )


@dataclass
class _Pick:
    cfg: RankConfig
    picked: list[_Scored] = field(default_factory=list)
    shows: dict[str, int] = field(default_factory=dict)
    topics: dict[str, int] = field(default_factory=dict)

    def take(self, s: _Scored) -> None:
        self.picked.append(s)
        if s.show_key is not None:
            self.shows[s.show_key] = self.shows.get(s.show_key, 0) + 1
        self.topics[s.topic] = self.topics.get(s.topic, 0) + 1

    def over_show(self, s: _Scored) -> bool:
        return s.show_key is not None and self.shows.get(s.show_key, 0) >= self.cfg.max_per_show

    def over_topic(self, s: _Scored) -> bool:
        return self.topics.get(s.topic, 0) >= self.cfg.max_per_topic

    def refusal(self, s: _Scored, sim: float, like: _Scored | None) -> tuple[Decision, str] | None:
        cfg = self.cfg
        if like is not None and sim >= cfg.duplicate_similarity:
            return Decision.DUPLICATE, f"near-duplicate of {like.id} (similarity {sim:.2f})"
        if self.over_show(s):
            return Decision.OVER_SHOW_LIMIT, (
                f"{cfg.max_per_show} episode(s) of {s.cand.episode.show} already in (max_per_show)"
            )
        if self.over_topic(s):
            return Decision.OVER_TOPIC_LIMIT, (
                f"{cfg.max_per_topic} episode(s) in {s.topic} already in (max_per_topic)"
            )
        return None


def rank(
    candidates: Sequence[Candidate],
    cfg: RankConfig,
    *,
    reference: datetime,
    sent: Mapping[str, str] | None = None,
    sent_episodes: Sequence[SentEpisode] = (),
    pins: frozenset[str] = frozenset(),
    blocks: frozenset[str] = frozenset(),
) -> list[Ranked]:
    """Score, decide and order the candidates (see the module docstring).

    `sent` maps an episode id to the digest it went out in; `sent_episodes` are compared
    with each candidate for novelty; `pins` and `blocks` are the editor's overrides.
    """
    sent = sent or {}
    scored = sorted(
        (score(c, cfg, reference, sent_episodes) for c in candidates),
        key=lambda s: (-s.score, s.id),
    )
    decided: dict[str, Ranked] = {}
    pick = _Pick(cfg)
    pool: list[_Scored] = []
    for s in scored:
        near_sim, near = s.nearest_sent
        if s.id in blocks:
            decided[s.id] = _row(s, Decision.BLOCKED, "blocked by the editor")
        elif s.id in sent:
            decided[s.id] = _row(s, Decision.ALREADY_SENT, f"already sent in {sent[s.id]}")
        elif s.id in pins:
            decided[s.id] = _row(s, Decision.PINNED, "pinned by the editor")
            pick.take(s)
        elif near is not None and near_sim >= cfg.duplicate_similarity:
            reason = f"near-duplicate of {near.episode_id} sent in {near.digest_id}"
            decided[s.id] = _row(s, Decision.DUPLICATE, f"{reason} (similarity {near_sim:.2f})")
        elif s.score < cfg.threshold:
            reason = f"score {s.score:.2f} below threshold {cfg.threshold:.2f}"
            decided[s.id] = _row(s, Decision.BELOW_THRESHOLD, reason)
        else:
            pool.append(s)
    _select(pool, pick, decided)
    _fill(pool, pick, decided)
    chosen = sorted((r for r in decided.values() if r.decision in IN), key=_order)
    dropped = sorted((r for r in decided.values() if r.decision not in IN), key=_order)
    return chosen + dropped


def _order(r: Ranked) -> tuple[bool, float, str]:
    return (r.relaxed is not None, -r.score, r.id)


def _select(pool: list[_Scored], pick: _Pick, decided: dict[str, Ranked]) -> None:
    """Greedy MMR over the pool; every pool member gets a decision."""
    cfg = pick.cfg
    top = max((s.score for s in pool), default=0.0)
    similar: dict[str, tuple[float, _Scored | None]] = {}
    for s in pool:
        similar[s.id] = (0.0, None)
        for p in pick.picked:
            _closer(similar, s, p)
    remaining = list(pool)
    while remaining:
        if len(pick.picked) >= cfg.max_items:
            for s in remaining:
                reason = f"{cfg.max_items} episodes already in (max_items)"
                decided[s.id] = _row(s, Decision.OVER_TOTAL_LIMIT, reason)
            return

        def mmr(s: _Scored) -> tuple[float, float, str]:
            rel = s.score / top if top > 0 else 0.0
            value = (1 - cfg.diversity) * rel - cfg.diversity * similar[s.id][0]
            return (-value, -s.score, s.id)

        best = min(remaining, key=mmr)
        remaining.remove(best)
        sim, like = similar[best.id]
        refused = pick.refusal(best, sim, like)
        if refused is not None:
            decided[best.id] = _row(best, *refused)
            continue
        pick.take(best)
        decided[best.id] = _row(
            best, Decision.KEPT, f"kept: pick {len(pick.picked)} of at most {cfg.max_items}"
        )
        for s in remaining:
            _closer(similar, s, best)


def _closer(similar: dict[str, tuple[float, _Scored | None]], s: _Scored, p: _Scored) -> None:
    sim = cosine(s.cand.vector, p.cand.vector)
    if sim > similar[s.id][0]:
        similar[s.id] = (sim, p)


_CAPPED = (Decision.OVER_SHOW_LIMIT, Decision.OVER_TOPIC_LIMIT)


def _fill(pool: list[_Scored], pick: _Pick, decided: dict[str, Ranked]) -> None:
    """Empty slots go to candidates refused only by a cap, in score order: first setting
    `max_per_show` aside, then `max_per_topic` too. Near-duplicates of a pick stay out."""
    cfg = pick.cfg
    for cap in ("max_per_show", "max_per_topic"):
        for s in pool:  # the pool is in score order
            if len(pick.picked) >= cfg.max_items:
                return
            if decided[s.id].decision not in _CAPPED:
                continue
            if cap == "max_per_show" and pick.over_topic(s):
                continue
            if any(cosine(s.cand.vector, p.cand.vector) >= cfg.duplicate_similarity
                   for p in pick.picked):  # fmt: skip
                continue
            # counts only grow, so a candidate let in here is over the cap being set aside
            limit = cfg.max_per_show if cap == "max_per_show" else cfg.max_per_topic
            pick.take(s)
            reason = f"kept: slot left empty by {cap} ({limit}), filled in rank order"
            decided[s.id] = _row(s, Decision.KEPT, reason, cap)
