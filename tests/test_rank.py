"""Ranking: each component, and the pick's invariants as property tests."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from castdigest.config import RankConfig, RankWeights
from castdigest.lexical import cosine
from castdigest.models import Chapter, Decision, Episode, Quote, Ranked, Transcript
from castdigest.rank import (
    COMPONENTS,
    IN,
    Candidate,
    SentEpisode,
    length_sanity,
    looks_like_trailer,
    novelty,
    rank,
    recency,
    richness,
    source_weight,
)
from castdigest.topics import Classification

REF = datetime(2026, 11, 30, tzinfo=UTC)
SHOWS = ["Alpha", "Beta", "Gamma"]
TOPIC_SLUGS = ["coding", "infra", "science", "other"]
WORDS = ["agent", "gpu", "protein", "cloud", "review", "physics", "model", "drone"]


def cand(
    n: int,
    *,
    show: str | None = "Alpha",
    topic: str = "coding",
    age_days: float = 1.0,
    duration: float | None = 3600,
    relevance: float = 0.5,
    vector: dict[str, float] | None = None,
    published: bool = True,
) -> Candidate:
    when = REF - timedelta(days=age_days)
    ep = Episode(
        id=f"e{n:03d}",
        title=f"Episode {n}",
        show=show,
        published=when if published else None,
        first_seen=when,
        duration=duration,
    )
    cls = Classification(ep.id, topic, (topic,), {topic: 1.0}, relevance)
    return Candidate(ep, cls, vector if vector is not None else {f"w{n}": 1.0})


def unit(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return {k: v / norm for k, v in weights.items()} if norm else {}


def decisions(rows: list[Ranked]) -> dict[str, Decision]:
    return {r.id: r.decision for r in rows}


# --------------------------------------------------------------------------- components


def test_recency_halves_every_half_life() -> None:
    assert recency(REF, REF, 7) == 1.0
    assert recency(REF + timedelta(days=2), REF, 7) == 1.0  # dated after the window end
    assert recency(REF - timedelta(days=7), REF, 7) == 0.5
    assert recency(REF - timedelta(days=14), REF, 7) == 0.25
    assert recency(REF - timedelta(days=3), REF, 3) == 0.5


def test_length_penalises_trailers_and_short_items() -> None:
    assert length_sanity(3600, 300, 0) == 1.0
    assert length_sanity(300, 300, 0) == 1.0
    assert length_sanity(150, 300, 0) == 0.25
    assert length_sanity(30, 300, 0) == pytest.approx(0.01)
    assert length_sanity(None, 300, 100) == 0.5  # unknown duration: judged by text
    assert length_sanity(None, 300, 500) == 1.0


def test_trailer_titles_get_no_length_credit() -> None:
    assert looks_like_trailer("Season 3 Trailer")
    assert looks_like_trailer("Bande-annonce : saison 2")
    assert not looks_like_trailer("Trailers for sale")  # a word, not a trailer
    trailer = cand(1).episode.model_copy(update={"title": "Official teaser"})
    c = Candidate(trailer, cand(1).classification, {"a": 1.0})
    assert rank([c], RankConfig(), reference=REF)[0].components["length"] == 0.0


def test_richness_counts_chapters_quotes_transcript_takeaways() -> None:
    bare = Episode(id="x", title="x")
    assert richness(bare) == 0.0
    full = bare.model_copy(
        update={
            "chapters": [Chapter(title=f"c{i}") for i in range(3)],
            "quotes": [Quote(text="a"), Quote(text="b")],
            "transcript": Transcript(text="words"),
            "takeaways": ["a", "b", "c"],
        }
    )
    assert richness(full) == 1.0
    half = bare.model_copy(update={"transcript": Transcript(text="words"), "takeaways": ["a"] * 3})
    assert richness(half) == 0.5


def test_source_and_novelty() -> None:
    assert source_weight(1.0, 1.0) == 1.0
    assert source_weight(1.5, 2.0) == 3.0
    assert source_weight(-1.0, 2.0) == 0.0
    assert novelty(0.0) == 1.0
    assert novelty(0.25) == 0.75
    assert novelty(1.2) == 0.0


def test_components_are_weighted_and_summed() -> None:
    cfg = RankConfig(weights=RankWeights(recency=2, topic=1, richness=0, length=1, source=0.5))
    row = rank([cand(1, age_days=7, relevance=0.8)], cfg, reference=REF)[0]
    assert row.components == {
        "recency": 1.0,
        "topic": 0.8,
        "richness": 0.0,
        "length": 1.0,
        "source": 0.5,
        "novelty": 2.0,
    }
    assert row.score == 5.3
    assert row.decision is Decision.KEPT


def test_an_undated_episode_is_not_as_fresh_as_the_day_it_was_read() -> None:
    cfg = RankConfig()
    dated = rank([cand(1, age_days=0)], cfg, reference=REF)[0]
    undated = rank([cand(1, age_days=0, published=False)], cfg, reference=REF)[0]
    assert dated.components["recency"] == 1.0
    assert undated.components["recency"] == 0.25  # undated_recency, whatever first_seen says
    assert undated.reason.endswith("; undated: lower recency")
    assert "undated" not in dated.reason
    lower = RankConfig(undated_recency=0.1)
    assert rank([cand(1, published=False)], lower, reference=REF)[0].components["recency"] == 0.1


def test_reasons_name_the_rule() -> None:
    cfg = RankConfig(max_items=2, max_per_show=5, max_per_topic=5, threshold=1.0)
    cands = [
        cand(1),
        cand(2),
        cand(3),
        cand(4, duration=10, age_days=60, relevance=0.0),
        cand(5),
        cand(6),
    ]
    rows = rank(
        [*cands, cand(7, age_days=0.5)],
        cfg.model_copy(update={"weights": RankWeights(novelty=0.0)}),
        reference=REF,
        sent={"e005": "2026-W47"},
        pins=frozenset({"e006"}),
        blocks=frozenset({"e003"}),
    )
    by = {r.id: r for r in rows}
    assert by["e003"].decision is Decision.BLOCKED
    assert by["e003"].reason == "blocked by the editor"
    assert by["e005"].decision is Decision.ALREADY_SENT
    assert by["e005"].reason == "already sent in 2026-W47"
    assert by["e006"].decision is Decision.PINNED
    assert by["e004"].decision is Decision.BELOW_THRESHOLD
    assert by["e004"].reason.startswith("score 0.")
    assert by["e004"].reason.endswith("below threshold 1.00")
    assert by["e007"].decision is Decision.KEPT  # newest: best score
    assert [r.decision for r in rows].count(Decision.OVER_TOTAL_LIMIT) == 2
    assert by["e001"].reason == "2 episodes already in (max_items)"


def test_show_and_topic_limits_say_so() -> None:
    cfg = RankConfig(max_items=2, max_per_show=1, max_per_topic=1, diversity=0.0)
    rows = rank(
        [
            cand(1),
            cand(2, age_days=2),
            cand(3, show="Beta", age_days=3),
            cand(4, show="Gamma", topic="infra", age_days=4),
        ],
        cfg,
        reference=REF,
    )
    by = {r.id: r for r in rows}
    assert by["e001"].decision is Decision.KEPT
    assert by["e002"].decision is Decision.OVER_SHOW_LIMIT
    assert by["e002"].reason == "1 episode(s) of Alpha already in (max_per_show)"
    assert by["e003"].decision is Decision.OVER_TOPIC_LIMIT
    assert by["e003"].reason == "1 episode(s) in coding already in (max_per_topic)"


def test_near_duplicate_of_a_sent_episode_is_dropped() -> None:
    same = unit({"agent": 1.0, "review": 1.0})
    cfg = RankConfig()
    sent = [SentEpisode("old1", "2026-W47", same)]
    rows = rank([cand(1, vector=same), cand(2)], cfg, reference=REF, sent_episodes=sent)
    by = {r.id: r for r in rows}
    assert by["e001"].decision is Decision.DUPLICATE
    assert by["e001"].reason == "near-duplicate of old1 sent in 2026-W47 (similarity 1.00)"
    assert by["e001"].components["novelty"] == 0.0
    assert by["e002"].components["novelty"] == 2.0


def test_mmr_prefers_a_different_episode_over_a_near_copy() -> None:
    a = unit({"agent": 1.0, "review": 1.0, "cloud": 0.2})
    b = unit({"agent": 1.0, "review": 0.9, "cloud": 0.3})  # close to a, below duplicate level
    c = unit({"protein": 1.0, "physics": 1.0})
    cands = [
        cand(1, vector=a, age_days=0),
        cand(2, vector=b, age_days=0.5),
        cand(3, vector=c, age_days=1.5, show="Beta"),
    ]
    greedy = rank(
        cands, RankConfig(max_items=2, diversity=0.0, duplicate_similarity=1.0), reference=REF
    )
    diverse = rank(
        cands, RankConfig(max_items=2, diversity=0.5, duplicate_similarity=1.0), reference=REF
    )
    assert [r.id for r in greedy if r.decision in IN] == ["e001", "e002"]
    assert [r.id for r in diverse if r.decision in IN] == ["e001", "e003"]


def test_near_duplicate_candidates_keep_only_the_best() -> None:
    v = unit({"agent": 1.0})
    rows = rank([cand(1, vector=v), cand(2, vector=v, show="Beta")], RankConfig(), reference=REF)
    by = {r.id: r for r in rows}
    assert by["e001"].decision is Decision.KEPT
    assert by["e002"].decision is Decision.DUPLICATE
    assert by["e002"].reason == "near-duplicate of e001 (similarity 1.00)"


def test_caps_give_way_to_fill_empty_slots() -> None:
    cfg = RankConfig(max_items=12, max_per_show=3, max_per_topic=20, diversity=0.0)
    alpha = [cand(n, age_days=n / 10) for n in range(1, 13)]  # 12 good episodes of one show
    others = [cand(20, show="Beta", age_days=3), cand(21, show="Gamma", age_days=4)]
    rows = rank([*alpha, *others], cfg, reference=REF)
    chosen = [r for r in rows if r.decision in IN]
    assert len(chosen) == 12
    assert [r.id for r in chosen[:5]] == ["e001", "e002", "e003", "e020", "e021"]
    assert [r.id for r in chosen[5:]] == [f"e{n:03d}" for n in range(4, 11)]
    assert all(r.relaxed == "max_per_show" for r in chosen[5:])
    assert all(r.relaxed is None for r in chosen[:5])
    assert chosen[5].reason == "kept: slot left empty by max_per_show (3), filled in rank order"
    by = {r.id: r for r in rows}
    assert by["e011"].decision is by["e012"].decision is Decision.OVER_SHOW_LIMIT


def test_fewer_eligible_than_slots_takes_all_eligible_and_no_more() -> None:
    cfg = RankConfig(max_items=12, max_per_show=1, max_per_topic=1, diversity=0.0, threshold=4.0)
    good = [cand(n, age_days=n / 10) for n in range(1, 6)]
    weak = cand(9, duration=10, age_days=60, relevance=0.0)
    rows = rank([*good, weak, cand(8)], cfg, reference=REF, blocks=frozenset({"e008"}))
    by = {r.id: r for r in rows}
    assert [r.id for r in rows if r.decision in IN] == ["e001", "e002", "e003", "e004", "e005"]
    assert by["e002"].relaxed == "max_per_topic"  # over both caps: in once both give way
    assert by["e009"].decision is Decision.BELOW_THRESHOLD
    assert by["e008"].decision is Decision.BLOCKED


def test_topic_cap_gives_way_after_the_show_cap() -> None:
    cfg = RankConfig(max_items=4, max_per_show=1, max_per_topic=2, diversity=0.0)
    cands = [
        cand(1, age_days=0.1),
        cand(2, age_days=0.2, show="Beta"),
        cand(3, age_days=0.3, show="Gamma"),
        cand(4, age_days=0.4, topic="infra"),
    ]
    rows = rank(cands, cfg, reference=REF)
    by = {r.id: r for r in rows}
    assert [r.id for r in rows if r.decision in IN] == ["e001", "e002", "e003", "e004"]
    assert by["e004"].relaxed == "max_per_show"
    assert by["e003"].relaxed == "max_per_topic"
    assert by["e003"].reason == "kept: slot left empty by max_per_topic (2), filled in rank order"


def test_relaxed_picks_skip_near_duplicates() -> None:
    v = unit({"agent": 1.0})
    cfg = RankConfig(max_items=5, max_per_show=1, diversity=0.0)
    rows = rank([cand(1, vector=v), cand(2, vector=v, age_days=2)], cfg, reference=REF)
    assert [r.decision for r in rows] == [Decision.KEPT, Decision.DUPLICATE]


# --------------------------------------------------------------------------- properties


@st.composite
def scenarios(
    draw: st.DrawFn,
) -> tuple[list[Candidate], frozenset[str], frozenset[str], dict[str, str]]:
    n = draw(st.integers(min_value=1, max_value=18))
    cands = []
    for i in range(n):
        words = draw(st.dictionaries(st.sampled_from(WORDS), st.floats(0.1, 1.0), max_size=4))
        cands.append(
            cand(
                i,
                show=draw(st.sampled_from(SHOWS)),
                topic=draw(st.sampled_from(TOPIC_SLUGS)),
                age_days=draw(st.floats(0, 20)),
                duration=draw(st.sampled_from([None, 30.0, 200.0, 900.0, 3600.0])),
                relevance=draw(st.floats(0, 1)),
                vector=unit(words),
            )
        )
    ids = [c.episode.id for c in cands]
    pins = frozenset(draw(st.lists(st.sampled_from(ids), max_size=3)))
    rest = [i for i in ids if i not in pins]
    blocks = frozenset(draw(st.lists(st.sampled_from(rest), max_size=3))) if rest else frozenset()
    others = [i for i in rest if i not in blocks]
    sent_ids = draw(st.lists(st.sampled_from(others), max_size=3)) if others else []
    return cands, pins, blocks, {i: "2026-W47" for i in sent_ids}


configs = st.builds(
    RankConfig,
    max_items=st.integers(1, 8),
    max_per_show=st.integers(1, 4),
    max_per_topic=st.integers(1, 4),
    diversity=st.floats(0, 1),
    threshold=st.floats(0, 4),
    duplicate_similarity=st.floats(0.5, 1.0),
)


@settings(max_examples=150, deadline=None)
@given(scenarios(), configs)
def test_pins_in_blocks_out_sent_never_again(scenario, cfg: RankConfig) -> None:  # type: ignore[no-untyped-def]
    cands, pins, blocks, sent = scenario
    rows = rank(cands, cfg, reference=REF, sent=sent, pins=pins, blocks=blocks)
    got = decisions(rows)
    assert sorted(got) == sorted(c.episode.id for c in cands)  # every candidate, once
    assert len(rows) == len(cands)
    for i in pins:
        assert got[i] is Decision.PINNED
    for i in blocks:
        assert got[i] is Decision.BLOCKED
    for i in sent:
        assert got[i] is Decision.ALREADY_SENT


@settings(max_examples=150, deadline=None)
@given(scenarios(), configs)
def test_limits_hold_beyond_pins(scenario, cfg: RankConfig) -> None:  # type: ignore[no-untyped-def]
    cands, pins, blocks, sent = scenario
    rows = rank(cands, cfg, reference=REF, sent=sent, pins=pins, blocks=blocks)
    chosen = [r for r in rows if r.decision in IN]
    pinned = [r for r in chosen if r.decision is Decision.PINNED]
    assert len(chosen) <= max(cfg.max_items, len(pinned))
    capped = [r for r in chosen if r.relaxed is None]  # caps hold except where set aside
    for show in SHOWS:
        in_show = [r for r in capped if r.show == show]
        pinned_show = [r for r in pinned if r.show == show]
        assert len(in_show) <= max(cfg.max_per_show, len(pinned_show))
    for topic in TOPIC_SLUGS:
        in_topic = [r for r in capped if r.primary_topic == topic]
        pinned_topic = [r for r in pinned if r.primary_topic == topic]
        assert len(in_topic) <= max(cfg.max_per_topic, len(pinned_topic))
    kept = [r for r in chosen if r.decision is Decision.KEPT]
    assert all(r.score >= cfg.threshold for r in kept)
    relaxed = chosen[len(capped) :]
    assert all(r.relaxed is not None for r in relaxed)  # set-aside picks come last
    for group in (capped, relaxed):
        assert [r.score for r in group] == sorted((r.score for r in group), reverse=True)
    vectors = {c.episode.id: c.vector for c in cands}
    waiting = [
        r
        for r in rows
        if r.decision in (Decision.OVER_SHOW_LIMIT, Decision.OVER_TOPIC_LIMIT)
        and all(cosine(vectors[r.id], vectors[c.id]) < cfg.duplicate_similarity for c in chosen)
    ]
    if waiting:  # nobody but a near-copy of a pick waits behind a cap while a slot is empty
        assert len(chosen) >= cfg.max_items


@settings(max_examples=100, deadline=None)
@given(
    scenarios(),
    st.sampled_from(COMPONENTS),
    st.floats(0, 3),
    st.floats(0, 3),
)
def test_raising_a_weight_never_lowers_its_contribution(  # type: ignore[no-untyped-def]
    scenario, name: str, low: float, extra: float
) -> None:
    cands, pins, blocks, sent = scenario
    base = RankConfig()
    lower = base.model_copy(update={"weights": base.weights.model_copy(update={name: low})})
    higher = base.model_copy(
        update={"weights": base.weights.model_copy(update={name: low + extra})}
    )
    a = {r.id: r for r in rank(cands, lower, reference=REF, sent=sent, pins=pins, blocks=blocks)}
    b = {r.id: r for r in rank(cands, higher, reference=REF, sent=sent, pins=pins, blocks=blocks)}
    for episode_id in a:
        assert b[episode_id].components[name] >= a[episode_id].components[name]
        for other in COMPONENTS:
            if other != name:
                assert b[episode_id].components[other] == a[episode_id].components[other]


@settings(max_examples=60, deadline=None)
@given(scenarios(), configs, st.randoms(use_true_random=False))
def test_input_order_does_not_matter(scenario, cfg: RankConfig, rnd) -> None:  # type: ignore[no-untyped-def]
    cands, pins, blocks, sent = scenario
    shuffled = list(cands)
    rnd.shuffle(shuffled)
    a = rank(cands, cfg, reference=REF, sent=sent, pins=pins, blocks=blocks)
    b = rank(shuffled, cfg, reference=REF, sent=sent, pins=pins, blocks=blocks)
    assert a == b
