"""The shortcuts ingest takes give what the plain definitions give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from castdigest.dedupe import _split_words
from castdigest.readers.listing import _HINTS, _quote_language
from castdigest.readers.markup import clean_text
from castdigest.readers.page_structure import _opens_with_phrase, _phrase_pattern
from castdigest.readers.title_signals import _without_edges
from castdigest.text.language import _identifier, detect_language

# Characters that make the shortcuts take each branch: every ASCII space str.split knows,
# Unicode spaces, letters with and without case, marks, digits, underscores, punctuation.
_TRICKY = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2003\u200bab_Zé\u0301中한1²½.,'’—*"


@settings(max_examples=2000)
@given(st.text(alphabet=_TRICKY, max_size=40))
def test_split_words_is_the_word_regex(text: str) -> None:
    assert _split_words(text) == re.findall(r"\w+", text)


@settings(max_examples=2000)
@given(st.text(alphabet=_TRICKY.replace("*", ""), max_size=40))
def test_clean_text_collapses_like_split_and_join(text: str) -> None:
    assert clean_text(text) == " ".join(text.split())


def test_clean_text_drops_emphasis() -> None:
    assert clean_text("a  *really*\tgood\n point") == "a really good point"


def _plain_quote_language(text: str, episode: str | None) -> str | None:
    """The rule without the shortcut: count telling words in every language."""
    if len(text) < 25:
        return episode
    words = set(re.findall(r"[a-zà-ÿ']+", text.lower()))
    hits = {lang: len(words & hints) for lang, hints in _HINTS.items()}
    best = max(hits, key=lambda lang: hits[lang])
    if hits[best] < 2 or best == episode or hits[best] < hits.get(episode or "", 0) + 2:
        return episode
    return None if episode else "other"  # anything but `episode`: langid decides


_HINT_WORDS = [*sorted({w for hints in _HINTS.values() for w in hints}), "model", "data"]


@settings(max_examples=1000, deadline=None)  # the first call loads the language model
@given(
    st.lists(st.sampled_from(_HINT_WORDS), min_size=5, max_size=12),
    st.sampled_from(["en", "fr", "de", None]),
)
def test_quote_language_shortcut_decides_as_the_rule(words: list[str], episode: str | None) -> None:
    text = " ".join(words)
    plain = _plain_quote_language(text, episode)
    expected = episode if plain == episode else detect_language(text, episode)
    assert _quote_language(text, episode) == expected


def test_vectorised_language_scores_match_py3langid() -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    fast = _identifier()
    for text in (
        "The guests explain how the team trains its models on a small budget.",
        "Les invités expliquent comment l'équipe entraîne ses modèles avec un petit budget.",
        "Die Gäste erklären, wie das Team seine Modelle mit kleinem Budget trainiert.",
        "x",
    ):
        lang, prob = plain.classify(text)
        fast_lang, fast_prob = fast.classify(text)
        assert (fast_lang, round(fast_prob, 4)) == (lang, round(prob, 4))


_GAPS = re.compile(r"[.!?。！？”\"\n]\s*")  # page_structure's sentence gap


def _opens_plainly(text: str, phrases: tuple[str, ...]) -> bool:
    starts = [0, *(m.end() for m in _GAPS.finditer(text))]
    return any(text.startswith(p, at) for at in starts for p in phrases)


@settings(max_examples=3000)
@given(st.text(alphabet=' \t\n\u3000.!?。”"ab', max_size=30))
def test_phrase_at_a_sentence_start_is_found_as_the_gap_pattern_finds_it(text: str) -> None:
    phrases = ("ab", "b", "a b")
    assert _opens_with_phrase(text, phrases) == _opens_plainly(text, phrases)


@settings(max_examples=3000)
@given(
    st.text(alphabet=' \t\n\u3000.!?。”"ab', max_size=30),
    st.lists(st.sampled_from(["ab", "a.b", "?a", "b ", '"a', "a\nb", ".", " a", "\u3000b", ""])),
)
def test_phrase_after_a_gap_is_found_as_the_trie_pattern_finds_it(
    text: str, phrases: list[str]
) -> None:
    kept = tuple(p for p in phrases if p)
    by_pattern = bool(kept) and (
        text.startswith(kept) or _phrase_pattern(kept).search(text) is not None
    )
    assert _opens_with_phrase(text, tuple(phrases)) == by_pattern


@settings(max_examples=3000)
@given(st.text(alphabet=_TRICKY + "_:-()[]#", max_size=30))
def test_label_edges_are_taken_off_as_the_pattern_does(text: str) -> None:
    assert _without_edges(text) == re.sub(r"^[^\w]+|[^\w]+$", "", text)


@settings(max_examples=2000)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_split_words_of_ascii_text_is_the_word_regex(text: str) -> None:
    assert _split_words(text) == re.findall(r"\w+", text)
