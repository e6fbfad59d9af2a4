"""Condensing stays bounded: unpunctuated speech of any length, megabyte inputs, sampled windows.

Inputs are generated here from a small vocabulary, deterministically (a seeded generator), so
they are the same on every run. Memory is measured with tracemalloc; nothing is timed.
"""

from __future__ import annotations

import random
import sys
import tracemalloc

from castdigest.condense import condense_episode
from castdigest.condense.bounds import Excerpt, sample, windows
from castdigest.condense.candidates import abstract_pool, transcript_pool
from castdigest.config import CondenseConfig
from castdigest.models import Episode, Segment, Transcript
from castdigest.text.sentences import sentence_spans, split_sentences
from castdigest.text.truncate import ELLIPSIS, count_words

CONFIG = CondenseConfig()
_CONTENT = (
    "release pipeline agent model storage cluster queue service platform customer launch "
    "budget market growth latency review deploy incident metric design network cache index "
    "search ranking feature product editor audio video episode guest interview research "
    "paper training inference hardware chip compiler kernel database schema migration "
    "dashboard alert rotation runbook outage capacity forecast pricing contract vendor "
    "license privacy security audit backlog roadmap sprint standup retro hiring onboarding "
    "mentor career salary office remote laptop monitor keyboard battery sensor camera drone "
    "satellite rocket orbit telescope galaxy planet climate carbon solar wind turbine grid"
).split()
_GLUE = "the of to in on with for about from we they our their every".split()
_JOIN = "and but so because then".split()


def speech(words: int, seed: int = 5) -> str:
    """Unpunctuated speech: no word comes back within four words (nothing reads as a stutter)."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < words:
        pool = _JOIN if len(out) % 17 == 16 else _CONTENT if rng.random() < 0.7 else _GLUE
        word = rng.choice(pool)
        if word not in out[-4:]:
            out.append(word)
    return " ".join(out)


def prose(chars: int, seed: int = 9) -> str:
    """Punctuated paragraphs of short sentences until `chars` characters."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        sentences = []
        for _ in range(rng.randint(3, 7)):
            words = [rng.choice(_CONTENT if rng.random() < 0.7 else _GLUE) for _ in range(14)]
            sentences.append(" ".join(words).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def spoken(text: str) -> Episode:
    return Episode(id="long", title="A long talk", language="en", transcript=Transcript(text=text))


def where(takeaway: str, text: str) -> float:
    """Where (0..1) in `text` a takeaway's opening words stand; -1 when not found."""
    probe = " ".join(takeaway.removesuffix(ELLIPSIS).lower().split()[:8])
    found = text.find(probe)
    return found / len(text) if found >= 0 else -1.0


# ------------------------------------------------------------------------------ windows


def test_windows_are_spread_evenly_from_start_to_end() -> None:
    assert windows(10_000, 4_000, 1_000) == [
        (0, 1_000),
        (3_000, 4_000),
        (6_000, 7_000),
        (9_000, 10_000),
    ]
    assert windows(100, 30, 10) == [(0, 10), (45, 55), (90, 100)]
    # Sizes differ by one at most and add up to the budget exactly.
    assert windows(1_000, 250, 100) == [(0, 83), (458, 541), (916, 1_000)]


def test_a_small_budget_still_reads_beginning_middle_and_end() -> None:
    assert windows(1_000, 300, 1_000) == [(0, 100), (450, 550), (900, 1_000)]


def test_material_within_the_budget_is_read_whole() -> None:
    assert windows(800, 1_000) == [(0, 800)]
    assert sample(["one two three", "four five"], 5) is None


def test_windows_fall_into_the_texts_they_cover() -> None:
    texts = [" ".join(f"w{i}x{k}" for k in range(2_000)) for i in range(5)]  # 10,000 words
    excerpts = sample(texts, 3_000)
    assert excerpts is not None
    read = [(e.unit, texts[e.unit][e.start : e.end].split()) for e in excerpts]
    # Three windows of 1,000 words at words 0, 4,500 and 9,000 of the whole.
    assert [(unit, words[0], words[-1]) for unit, words in read] == [
        (0, "w0x0", "w0x999"),
        (2, "w2x500", "w2x1499"),
        (4, "w4x1000", "w4x1999"),
    ]
    assert excerpts[0] == Excerpt(0, 0, excerpts[0].end, cut_before=False, cut_after=True)
    assert excerpts[2].cut_before and not excerpts[2].cut_after


def test_a_long_transcript_is_read_in_windows_over_the_whole_episode() -> None:
    text = speech(50_000)
    pool = transcript_pool(spoken(text), 4_000)
    positions = [c.position for c in pool]
    assert positions == sorted(positions)
    assert positions[0] < 0.01 and positions[-1] > 0.99
    assert 3_000 <= sum(count_words(c.raw) for c in pool) <= 4_000
    # Four windows: candidates near the start, a third in, two thirds in and the end only.
    assert {round(p * 3) for p in positions} == {0, 1, 2, 3}


def test_a_long_abstract_is_read_in_windows_too() -> None:
    text = prose(400_000)
    episode = Episode(id="page", title="A long page", language="en", abstract=text)
    pool = abstract_pool(episode, 2_000)
    assert sum(count_words(c.raw) for c in pool) <= 2_000
    assert pool[0].text == split_sentences(text)[0]
    assert where(pool[-1].text, text.lower()) > 0.95


# ------------------------------------------------------------------------------ splitter


def test_unpunctuated_speech_of_200000_words_is_split_without_recursion() -> None:
    text = speech(200_000, seed=3)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)  # far below one frame per piece: recursion would fail
    try:
        spans = sentence_spans(text)
    finally:
        sys.setrecursionlimit(limit)
    assert all(count_words(s.of(text)) <= 30 for s in spans)  # pieces of 2/3 of 45 words
    assert " ".join(s.of(text) for s in spans) == text
    assert not spans[0].fragment and all(s.fragment for s in spans[1:])
    assert len(spans) >= 200_000 / 30


def test_unpunctuated_speech_is_cut_before_a_conjunction_in_its_second_half() -> None:
    first = " ".join(f"w{k}" for k in range(24))
    text = f"{first} because the queue grew " + " ".join(f"v{k}" for k in range(40))
    assert split_sentences(text)[0] == first  # 24 words, before "because", not 30 words


# ------------------------------------------------------------------------------ condensing


def test_50000_unpunctuated_words_condense_into_takeaways_from_the_whole_talk() -> None:
    text = speech(50_000)
    result = condense_episode(spoken(text), CONFIG)
    assert len(result.takeaways) == CONFIG.takeaways
    places = [where(t.text, text) for t in result.takeaways]
    assert all(p >= 0 for p in places)
    assert max(places) > 2 / 3  # not only the first window: one from the last third
    assert places == sorted(places)


def test_condensing_a_megabyte_stays_within_300_mb() -> None:
    text = prose(1_000_000)
    tracemalloc.start()
    try:
        result = condense_episode(spoken(text), CONFIG)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(result.takeaways) == CONFIG.takeaways
    assert peak < 300 * 2**20


def test_takeaways_of_a_long_timed_transcript_come_from_its_whole_length() -> None:
    words = speech(50_000, seed=8).split()
    segments = [
        Segment(text=" ".join(words[k : k + 100]), start=k * 0.4, end=(k + 100) * 0.4)
        for k in range(0, len(words), 100)
    ]
    transcript = Transcript(text="\n\n".join(s.text for s in segments), segments=segments)
    episode = Episode(id="timed", title="Timed", language="en", transcript=transcript)
    result = condense_episode(episode, CONFIG)
    offsets = [t.offset for t in result.takeaways]
    assert len(offsets) == CONFIG.takeaways
    assert all(o is not None for o in offsets)
    assert max(o or 0.0 for o in offsets) > 20_000 * 2 / 3  # the talk lasts 20,000 s
