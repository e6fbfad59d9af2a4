"""Properties of condensing and truncating, over generated episodes in several scripts."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from castdigest.condense import condense_episode
from castdigest.condense.clean import match_key
from castdigest.config import CondenseConfig
from castdigest.models import Chapter, Episode, Segment, Transcript
from castdigest.text.truncate import ELLIPSIS, count_words, truncate

WORDS = (
    "agents platform data review release model team code we we I think um uh like the a of "
    "in and so latency cluster 40 2026 GPT-4 don't café naïve 👩‍👩‍👧 🇫🇷 e\u0301 "
    "데이터 플랫폼이 모델을 我们 数据平台 代理 审查 発表"
).split()
ENDS = [".", "!", "?", "。", "！", "…", ""]

word = st.sampled_from(WORDS)
sentence = st.builds(
    lambda ws, end, comma: (
        (", " if comma else " ").join([" ".join(ws[:3]), *ws[3:4]]) + " " + " ".join(ws[4:]) + end
    ),
    st.lists(word, min_size=1, max_size=40),
    st.sampled_from(ENDS),
    st.booleans(),
)
turn = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
language = st.sampled_from(["en", "fr", "zh", "ko", None])


@st.composite
def transcript_episodes(draw: st.DrawFn) -> Episode:
    turns = draw(st.lists(turn, min_size=1, max_size=12))
    speakers = draw(st.lists(st.sampled_from(["Ann", "Bo", None]), min_size=len(turns)))
    segments = [
        Segment(text=t, speaker=s, start=30.0 * i if i % 3 else None)
        for i, (t, s) in enumerate(zip(turns, speakers, strict=False))
    ]
    return Episode(
        id="p",
        title="t",
        language=draw(language),
        urls=draw(st.sampled_from([[], ["https://youtu.be/x"]])),
        transcript=Transcript(text="\n\n".join(s.text for s in segments), segments=segments),
    )


@st.composite
def page_episodes(draw: st.DrawFn) -> Episode:
    takeaways = draw(st.lists(sentence, max_size=8))
    summaries = draw(st.lists(turn, max_size=8))
    return Episode(
        id="q",
        title="t",
        language=draw(language),
        takeaways=takeaways,
        abstract=draw(st.one_of(st.none(), turn)),
        chapters=[
            Chapter(title=f"c{i}", start=60.0 * i, summary=s) for i, s in enumerate(summaries)
        ],
    )


def material(ep: Episode) -> list[str]:
    parts = [*ep.takeaways, ep.abstract or ""]
    parts += [c.summary or "" for c in ep.chapters]
    if ep.transcript:
        parts += [s.text for s in ep.transcript.segments]
    return parts


budget = st.one_of(st.none(), st.integers(min_value=1, max_value=150))
count = st.one_of(st.none(), st.integers(min_value=1, max_value=8))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.one_of(transcript_episodes(), page_episodes()), budget, count)
def test_budgets_are_never_exceeded(ep: Episode, max_words: int | None, n: int | None) -> None:
    config = CondenseConfig()
    result = condense_episode(ep, config, max_words=max_words, takeaways=n)
    lengths = [count_words(t.text) for t in result.takeaways]
    if max_words is not None:
        assert sum(lengths) <= max_words
    if n is not None or max_words is None:
        assert len(lengths) <= (n or config.takeaways)
    assert all(length <= config.words_per_takeaway for length in lengths)
    assert len(result.quotes) <= config.quotes


@FAST
@given(st.one_of(transcript_episodes(), page_episodes()), budget)
def test_output_is_deterministic(ep: Episode, max_words: int | None) -> None:
    first = condense_episode(ep, CondenseConfig(), max_words=max_words)
    again = condense_episode(ep.model_copy(deep=True), CondenseConfig(), max_words=max_words)
    assert first.model_dump_json() == again.model_dump_json()


@FAST
@given(st.one_of(transcript_episodes(), page_episodes()), budget)
def test_every_takeaway_is_found_in_the_source(ep: Episode, max_words: int | None) -> None:
    result = condense_episode(ep, CondenseConfig(), max_words=max_words)
    sources = [match_key(part, ep.language) for part in material(ep)]
    for t in result.takeaways:
        key = match_key(t.text, ep.language)
        assert key and any(key in source for source in sources), t.text
    for q in result.quotes:
        key = match_key(q.text, ep.language)
        assert any(key in source for source in sources), q.text


_GRAPHEME = regex.compile(r"\X")
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(word, st.sampled_from([",", " ", "  ", "—"])), max_size=60), st.floats(0, 40)
)
def test_truncation_keeps_words_and_graphemes_whole(parts: list[str], limit: float) -> None:
    text = " ".join(parts).strip()
    cut = truncate(text, limit)
    assert count_words(cut) <= max(limit, 0)
    if cut == text:
        return
    if not cut:
        return
    assert cut.endswith(ELLIPSIS)
    head = cut[: -len(ELLIPSIS)]
    assert text.startswith(head)
    graphemes = _GRAPHEME.findall(text)
    assert _GRAPHEME.findall(head) == graphemes[: len(_GRAPHEME.findall(head))]
    following = text[len(head) : len(head) + 1]
    last = head[-1:]
    if following and last.isalnum() and following.isalnum():
        # only between CJK characters (Han, kana) may a cut fall inside a run of letters
        assert _UNSPACED.match(last) or _UNSPACED.match(following)
