"""Relevance is a weighted sum of named components, and speech is scored with its own
weights: the decomposition a weight search relies on, checked on real sentences."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np
import pytest

from castdigest.condense import Budget
from castdigest.condense.core import ExtractiveCondenser
from castdigest.condense.extractive import (
    DEFAULT,
    SPOKEN,
    TERMS,
    Features,
    Marks,
    Weights,
    components,
    features,
    weigh,
)
from castdigest.models import Episode, Segment, Transcript

SENTENCES = [
    "The harbour board decided to dredge the north channel because larger ferries need 9 metres.",
    "This is why the tide tables matter so much to the crews.",
    "In this episode we talk with Mara Olsen about ports.",
    "Dredging costs 4 million euros a year, paid by the port's landing fees.",
    "Why would anyone build a harbour there?",
    "The silt returns within two winters, so the channel is dredged every other year.",
    "Yes.",
]


def test_relevance_is_the_weighted_sum_of_the_components() -> None:
    marks = Marks(leads=[True] + [False] * 6, noise=[0.0, 0.2, 0, 0, 0, 0.1, 0.5])
    weights = Weights(centroid=0.7, signature=1.3, meta=0.9, claim=0.4, short=0.2)
    feats = features(SENTENCES, "en", marks, weights=weights)
    matrix, parts = components(SENTENCES, "en", marks, weights=weights)
    # no clause marks given; no topic terms asked for (`specific` 0), nor the share of words
    # naming the speakers (`dialogue` 0: a discount, `weigh`, not a term of the sum)
    assert set(parts) == {name for name, _, _ in TERMS} - {"clause", "specific"}
    summed = sum(sign * getattr(weights, w) * parts[n] for n, w, sign in TERMS if n in parts)
    assert np.allclose(feats.relevance, summed)
    assert (feats.matrix != matrix).nnz == 0
    assert parts["meta"].tolist() == [0, 0, 1, 0, 0, 0, 0]
    assert parts["points_back"].tolist() == [0, 1, 0, 0, 0, 0, 0]
    assert parts["question"].tolist() == [0, 0, 0, 0, 1, 0, 0]
    # "Yes." is one word of the 18 a takeaway should have; the first sentence has 15 (of 18)
    assert parts["short"][6] == pytest.approx((1 - 1 / 18) ** 2)
    assert parts["short"][0] == pytest.approx((1 - 15 / 18) ** 2)


def test_each_weight_moves_relevance_by_its_component_alone() -> None:
    base = features(SENTENCES, "en", weights=DEFAULT)
    _, parts = components(SENTENCES, "en", weights=DEFAULT)
    for name, weight, sign in TERMS:
        if name not in parts:
            continue
        bumped = dataclasses.replace(DEFAULT, **{weight: getattr(DEFAULT, weight) + 1.0})
        moved = features(SENTENCES, "en", weights=bumped).relevance - base.relevance
        assert np.allclose(moved, sign * parts[name]), name


class _Recording(ExtractiveCondenser):
    def __init__(self, spoken: Weights) -> None:
        super().__init__(spoken=spoken)
        self.used: list[Weights] = []

    def features(
        self, texts: Sequence[str], language: str | None, marks: Marks, weights: Weights
    ) -> Features:
        self.used.append(weights)
        return super().features(texts, language, marks, weights)


def test_transcripts_are_scored_with_the_spoken_weights_and_writing_with_the_others() -> None:
    spoken = dataclasses.replace(SPOKEN, meta=0.123)
    talk = [Segment(text=s, speaker="Mara Olsen", start=10.0 * i) for i, s in enumerate(SENTENCES)]
    heard = Episode(id="t", title="Ports", language="en", transcript=Transcript(
        text="\n\n".join(SENTENCES), segments=talk))  # fmt: skip
    read = Episode(id="w", title="Ports", language="en", abstract=" ".join(SENTENCES))
    budget = Budget(takeaways=3, quotes=0, max_words=60)
    for episode, expected in ((heard, spoken), (read, DEFAULT)):
        condenser = _Recording(spoken)
        out = condenser.condense(episode, budget)
        assert out.takeaways, episode.id
        assert condenser.used and all(w == expected for w in condenser.used), episode.id
    # speech: claim words earn nothing, topic terms rare in the language count, and words
    # naming the speakers discount a sentence
    assert dataclasses.replace(DEFAULT, claim=0.0, specific=1.0, dialogue=2.0) == SPOKEN


TALK = [
    "People in the harbour really think about the boats and the people on the boats.",
    "The silt builds a sandbar at the mouth of the harbour every winter.",
    "Without dredging the silt the sandbar closes the channel to the ferry by March.",
    "We moved the groyne so the silt settles before a sandbar can form at all.",
    "The people on the boats think the harbour is the heart of the town.",
    "Most people in the town think about the harbour and the boats every day.",
]


def test_topic_terms_rare_in_the_language_mark_the_episodes_own_subject() -> None:
    _, parts = components(TALK, "en", weights=SPOKEN)
    specific = parts["specific"].tolist()
    # "silt" and "sandbar" (in three sentences each, unlisted in English) are the subject,
    # "harbour" (Zipf 4) a little; "people", "think", "boats" are too common, "groyne" and
    # "dredging" too seldom said
    assert specific[0] == 0.0 and max(specific[4], specific[5]) < 0.05
    assert min(specific[1], specific[2], specific[3]) > 0.5
    assert specific[1] == 1.0  # both terms, in the fewest words
    _, written = components(TALK, "en", weights=DEFAULT)
    assert "specific" not in written  # writing is scored without it (weight 0)


@pytest.mark.parametrize("language", ["zh", "ja", "eu"])
def test_no_topic_terms_without_a_word_list_of_the_language(language: str) -> None:
    _, parts = components(TALK, language, weights=SPOKEN)
    assert parts["specific"].tolist() == [0.0] * len(TALK)


def test_speech_picks_the_sentence_on_the_subject_over_the_commonplace() -> None:
    talk = [Segment(text=s, speaker="Mara Olsen", start=10.0 * i) for i, s in enumerate(TALK)]
    heard = Episode(id="t", title="Ports", language="en", transcript=Transcript(
        text="\n\n".join(TALK), segments=talk))  # fmt: skip
    budget = Budget(takeaways=1, min_takeaways=1, quotes=0, max_words=30)
    plain = ExtractiveCondenser(spoken=dataclasses.replace(SPOKEN, specific=0.0))
    assert plain.condense(heard, budget).takeaways[0].text == TALK[4]
    assert ExtractiveCondenser().condense(heard, budget).takeaways[0].text == TALK[1]


ADDRESSED = [
    "The harbour board dredges the north channel every other winter.",
    "I think you know the channel is getting really busy these days.",
    "The silt returns within two winters, so the channel is dredged again.",
    "You can imagine what I thought when you told me about the silt.",
]


def test_words_naming_the_speakers_discount_relevance_above_the_least() -> None:
    weights = dataclasses.replace(SPOKEN, dialogue=2.0)
    _, parts = components(ADDRESSED, "en", weights=weights)
    share = parts["dialogue"]
    assert share[0] == share[2] == 0.0 and share[1] > 0 and share[3] > share[1]
    undiscounted = weigh(parts, dataclasses.replace(weights, dialogue=0.0), len(ADDRESSED))
    discounted = weigh(parts, weights, len(ADDRESSED))
    kept = np.clip(1 - 2.0 * share, 0, 1)
    assert np.allclose(discounted, (undiscounted - undiscounted.min()) * kept)
    assert np.allclose(features(ADDRESSED, "en", weights=weights).relevance, discounted)
    _, written = components(ADDRESSED, "en", weights=DEFAULT)
    assert "dialogue" not in written  # writing is scored without it (weight 0)


def test_the_share_of_words_naming_the_speakers_spreads_within_a_turn() -> None:
    weights = dataclasses.replace(SPOKEN, dialogue=2.0)
    alone = components(ADDRESSED, "en", weights=weights)[1]["dialogue"]
    # the first two sentences are one turn, the last two another; none is in a unit at all
    for groups, plain in (([0, 0, 1, 1], False), ([-1, -1, -1, -1], True)):
        marks = Marks(groups=groups)
        turn = components(ADDRESSED, "en", marks, weights=weights)[1]["dialogue"]
        assert np.allclose(turn, alone) == plain
    marks = Marks(groups=[0, 0, 1, 1])
    turn = components(ADDRESSED, "en", marks, weights=weights)[1]["dialogue"]
    # a sentence without such words, in a turn that has them, takes a share of its neighbour's
    assert turn[0] == pytest.approx(0.3 * alone[1])
    assert turn[2] == pytest.approx(0.3 * alone[3])
    assert turn[3] == pytest.approx(0.7 * alone[3])
