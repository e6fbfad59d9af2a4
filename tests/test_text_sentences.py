"""Sentence splitting, word counting, truncation and content terms across scripts."""

from __future__ import annotations

import pytest

from castdigest.text.sentences import sentence_spans, split_sentences
from castdigest.text.tokens import terms
from castdigest.text.truncate import count_words, truncate


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Dr. Smith went to Washington. He said hi! Then e.g. this? Yes.",
            ["Dr. Smith went to Washington.", "He said hi!", "Then e.g. this?", "Yes."],
        ),
        ("See No. 5 here. And no. Fine.", ["See No. 5 here.", "And no.", "Fine."]),
        (
            "J. R. Tolkien wrote it in 1937. It sold.",
            ["J. R. Tolkien wrote it in 1937.", "It sold."],
        ),
        ("Line one without stop\nLine two.", ["Line one without stop", "Line two."]),
        (
            "M. Dupont est arrivé. Il a dit « bonjour ». C'est tout !",
            ["M. Dupont est arrivé.", "Il a dit « bonjour ».", "C'est tout !"],
        ),
        ("“It works.” She left.", ["“It works.”", "She left."]),
        (
            "我们今天讨论区块链。它很重要！对吗？“是的。”好的",
            ["我们今天讨论区块链。", "它很重要！", "对吗？", "“是的。”", "好的"],
        ),
        (
            "모델이 정말 좋아지고 있어요. 그래서 우리는 곧 거기에 도달할 것입니다. 정말요?",
            ["모델이 정말 좋아지고 있어요.", "그래서 우리는 곧 거기에 도달할 것입니다.", "정말요?"],
        ),
        (
            "新しいモデルを発表しました。とても速いです！",
            ["新しいモデルを発表しました。", "とても速いです！"],
        ),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_run_on_speech_is_split_at_clause_boundaries() -> None:
    text = (
        "we moved the release process to agents last spring and it changed how the whole team "
        "works every single day, so now the release takes forty minutes instead of two days "
        "and nobody has to babysit the pipeline at night anymore because the agents watch it"
    )
    parts = split_sentences(text)
    assert parts == [
        "we moved the release process to agents last spring and it changed how the whole team "
        "works every single day",
        "so now the release takes forty minutes instead of two days and nobody has to babysit "
        "the pipeline at night anymore because the agents watch it",
    ]


def test_unpunctuated_speech_is_cut_into_pieces_marked_as_fragments() -> None:
    text = " ".join(["word"] * 100)
    spans = sentence_spans(text)
    assert len(spans) >= 3
    assert all(count_words(s.of(text)) <= 45 for s in spans)
    assert not spans[0].fragment and all(s.fragment for s in spans[1:])


def test_question_flag_covers_every_piece_of_a_long_question() -> None:
    text = (
        "I wonder how your team thinks about the split between platform and application work "
        "and whether the agents that write code today, and that review it too, will change "
        "which team owns the on-call rotation for the storage cluster and the queue service "
        "next year or the year after that?"
    )
    spans = sentence_spans(text)
    assert len(spans) == 2 and all(s.question for s in spans)


def test_spans_point_into_the_text() -> None:
    text = "  First one.   Second one!\n\n Third "
    assert [(s.start, s.end) for s in sentence_spans(text)] == [(2, 12), (15, 26), (29, 34)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The quick brown fox.", 4),
        ("don't stop—3.5 GPT-4", 4),
        ("我们今天讨论", 3),
        ("모델이 좋아요", 3),
        ("使用 GPT-4 模型", 3),
        ("👩‍👩‍👧 🇫🇷 !!", 0),
    ],
)
def test_count_words(text: str, words: float) -> None:
    assert count_words(text) == words


@pytest.mark.parametrize(
    ("text", "limit", "cut"),
    [
        ("The quick brown fox jumps over the lazy dog.", 4, "The quick brown fox…"),
        ("The quick brown fox jumps, over the lazy dog.", 6, "The quick brown fox jumps…"),
        ("Short enough.", 5, "Short enough."),
        (
            "我们今天讨论区块链技术的发展，以及它对金融行业的影响。",
            8,
            "我们今天讨论区块链技术的发展…",
        ),
        ("모델이 정말 좋아지고 있어서 우리는 곧 도달합니다.", 4, "모델이 정말…"),
        ("Family 👩‍👩‍👧 and flags 🇫🇷 here", 3, "Family 👩‍👩‍👧 and flags 🇫🇷…"),
        ("使用 GPT-4 模型进行测试", 3, "使用 GPT-4 模型…"),
        ("Supercalifragilistic", 0.5, ""),
    ],
)
def test_truncate(text: str, limit: float, cut: str) -> None:
    assert truncate(text, limit) == cut


def test_terms_are_lemmas_or_cjk_ngrams() -> None:
    assert terms("The models are getting really good by 2026.", "en") == ["model", "good", "2026"]
    assert terms("Les chevaux courent vite.", "fr") == ["cheval", "courir", "vite"]
    assert terms("区块链技术", "zh") == ["区块", "块链", "链技", "技术"]
    assert terms("모델이 모델을", "ko") == ["모델", "델이", "모델", "델을"]
    assert terms("使用GPT模型", "zh") == ["使用", "gpt", "模型"]
