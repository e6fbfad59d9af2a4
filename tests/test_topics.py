"""Topic assignment: the seed episodes with the sample config, and the rules on synthetic ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from castdigest.config import TopicConfig, load_settings
from castdigest.errors import ConfigError
from castdigest.models import Entity, Episode
from castdigest.readers.registry import read_path
from castdigest.topics import CATCH_ALL, Classifier, load_topics, suggest, tag_key
from conftest import AS_OF, SAMPLES, seed

# The expected primary topic of every seed episode, by seed and position, with a word of its
# title as a check that the readers still list them in this order.
EXPECTED = {
    ("000", 0): ("agentic", "coding-agents"),  # an OpenAI founder on agentic software and Codex
    ("001", 0): ("github", "coding-agents"),  # GitHub's COO on the agent era and Copilot
    ("001", 1): ("xai", "models-research"),  # building a video generation model
    ("001", 2): ("devin", "coding-agents"),  # background coding agents (title only)
    ("001", 3): ("protéines", "science-health"),  # scaling protein language models
    ("001", 4): ("science-fiction", "ai-infrastructure"),  # Cloudflare's platform for agents
    ("001", 5): ("google", "models-research"),  # Google's open models (Gemma)
    ("001", 6): ("computers", "ai-infrastructure"),  # sandboxes and compute for agents
    ("001", 7): ("cloud", "ai-infrastructure"),  # a bare-metal cloud for agents
    ("001", 8): ("war", "policy-defence"),  # drone warfare and defence economics
    ("001", 9): ("abridge", "science-health"),  # clinical documentation in healthcare
    ("001", 10): ("engineering", "coding-agents"),  # software design in the AI coding era
    ("001", 11): ("physics", "science-health"),  # a model deriving physics results
    ("002", 0): ("engineer", "coding-agents"),  # the sprint that shipped a coding agent
    ("003", 0): ("infrastructure", "ai-infrastructure"),  # data platforms run by agents
}


@pytest.fixture(scope="module")
def sample_classifier() -> Classifier:
    settings = load_settings(SAMPLES / "castdigest.toml", environ={})
    return Classifier(
        load_topics(settings.topics), settings.rank.topic_threshold, settings.rank.secondary_ratio
    )


def test_seed_episodes_get_sensible_primary_topics(
    seeds: Path, sample_classifier: Classifier
) -> None:
    episodes: list[tuple[tuple[str, int], Episode]] = []
    for name in ("000", "001", "002", "003"):
        _, found = read_path(seed(name), as_of=AS_OF)
        episodes += [((name, i), ep) for i, ep in enumerate(found)]
    assert len(episodes) == len(EXPECTED) == 15
    results, _ = sample_classifier.classify([ep for _, ep in episodes])
    got = {}
    for key, ep in episodes:
        word, _ = EXPECTED[key]
        assert word in ep.title.casefold(), f"{key}: {ep.title!r} is not the episode expected"
        got[key] = results[ep.id].primary
    assert got == {key: topic for key, (_, topic) in EXPECTED.items()}
    for _, ep in episodes:
        r = results[ep.id]
        assert r.topics[0] == r.primary
        assert len(r.topics) <= 3
        assert len(set(r.topics)) == len(r.topics)
        assert 0 < r.relevance <= 1


# --------------------------------------------------------------------------- rules

TOPICS = [
    TopicConfig(
        slug="defence",
        name="Defence",
        description="Military technology and war.",
        tags=["defense-tech"],
        keywords=["drone", "défense", "armée"],
    ),
    TopicConfig(
        slug="health",
        name="Health",
        description="Clinical care and medicine.",
        tags=["healthcare"],
        keywords=["patient", "hospital", "médecin", "医疗"],
    ),
    TopicConfig(
        slug="chips",
        name="Chips",
        description="Semiconductors and accelerators.",
        tags=["gpu"],
        keywords=["GPU", "semiconductor", "foundry"],
    ),
]


def classifier(**kw: float) -> Classifier:
    return Classifier(load_topics(TOPICS), **kw)


def ep(
    n: int, title: str, abstract: str = "", tags: list[str] | None = None, **kw: object
) -> Episode:
    return Episode(id=f"t{n}", title=title, abstract=abstract, tags=tags or [], **kw)  # type: ignore[arg-type]


def classify_one(episode: Episode, c: Classifier | None = None) -> tuple[str, tuple[str, ...]]:
    results, _ = (c or classifier()).classify([episode])
    r = results[episode.id]
    return r.primary, r.topics


def test_catch_all_is_added_last_and_can_be_renamed() -> None:
    topics = load_topics(TOPICS)
    assert [t.slug for t in topics] == ["defence", "health", "chips", CATCH_ALL]
    assert topics[-1].name == "Other"
    renamed = load_topics([TopicConfig(slug="other", name="Elsewhere"), *TOPICS])
    assert [t.slug for t in renamed][-1] == CATCH_ALL
    assert renamed[-1].name == "Elsewhere"


def test_duplicate_slugs_are_a_config_error() -> None:
    with pytest.raises(ConfigError, match="topics: topic slug declared more than once: chips"):
        load_topics([*TOPICS, TopicConfig(slug="chips", name="Chips again")])


def test_unmatched_episode_goes_to_the_catch_all() -> None:
    primary, topics = classify_one(ep(1, "Baking sourdough at home", "Flour, water, patience."))
    assert (primary, topics) == (CATCH_ALL, (CATCH_ALL,))
    results, _ = classifier().classify([ep(2, "Untitled")])
    assert results["t2"].relevance == 0.0


def test_tag_match_ignores_case_and_separators() -> None:
    assert tag_key("Defense-Tech") == tag_key("defense tech") == tag_key("defense_tech")
    assert classify_one(ep(1, "Weekly roundup", tags=["Defense-Tech"]))[0] == "defence"


def test_keywords_match_across_accents_and_languages() -> None:
    french = ep(1, "La défense européenne", "Les drones changent l'armée.", language="fr")
    assert classify_one(french)[0] == "defence"
    unaccented = ep(2, "Defense budgets", "Drones everywhere.", language="en")
    assert classify_one(unaccented)[0] == "defence"
    plural = ep(3, "Renting GPUs", "Semiconductors are scarce.", language="en")
    assert classify_one(plural)[0] == "chips"


def test_chinese_keywords_match_by_bigrams() -> None:
    chinese = ep(1, "人工智能与医疗", "医院用人工智能帮助医疗诊断。", language="zh")
    assert classify_one(chinese)[0] == "health"


def test_entities_count() -> None:
    with_entity = ep(1, "An interview", "A long talk.", entities=[Entity(name="TSMC foundry")])
    assert classify_one(with_entity)[0] == "chips"


def test_secondary_topics_up_to_two_in_score_order() -> None:
    mixed = ep(
        1,
        "Drones, GPUs and patients",
        "A drone maker buys GPU time; a hospital tests drone delivery to patients.",
        tags=["defense-tech", "gpu", "healthcare"],
    )
    primary, topics = classify_one(mixed)
    assert primary == "defence"
    assert len(topics) == 3
    assert set(topics) == {"defence", "chips", "health"}
    only_one = classify_one(mixed, classifier(secondary_ratio=1.0))
    assert only_one[1] == ("defence",)


def test_threshold_sends_weak_matches_to_the_catch_all() -> None:
    weak = ep(1, "A walk in the park", "We saw a drone once.")
    assert classify_one(weak)[0] == CATCH_ALL
    assert classify_one(weak, classifier(threshold=0.2))[0] == "defence"


def test_classification_is_deterministic() -> None:
    episodes = [ep(i, f"Drone news {i}", "Drones and GPUs.", tags=["gpu"]) for i in range(5)]
    a, va = classifier().classify(episodes)
    b, vb = classifier().classify(list(reversed(episodes)))
    assert a == b
    assert va == vb


def test_suggest_proposes_uncovered_tags_and_entities() -> None:
    episodes = [
        ep(1, "Rust in the kernel", tags=["rust"], entities=[Entity(name="Linux Foundation")]),
        ep(2, "Rust async", tags=["rust"], entities=[Entity(name="Linux Foundation")]),
        ep(3, "Rust for drones", "A drone firmware story.", tags=["rust", "defense-tech"]),
        ep(4, "Hospital rota", "Patients wait.", tags=["healthcare"]),
    ]
    found = suggest(episodes, classifier(), min_episodes=2)
    assert [(s.slug, s.kind, s.episodes, s.unclassified) for s in found] == [
        ("rust", "tag", 3, 2),
        ("linux-foundation", "entity", 2, 2),
    ]
    assert found[0].name == "Rust"
    assert found[0].examples == ("Rust async", "Rust for drones", "Rust in the kernel")
    assert suggest(episodes, classifier(), min_episodes=4) == []
