"""How common a word is in its language: wordfreq's lists, read for the language itself only."""

from __future__ import annotations

import pytest

from castdigest.text.frequency import RARE, zipf, zipf_table


def test_common_words_rank_above_rare_ones() -> None:
    assert zipf("the", "en") > 7.0
    assert 5.0 < zipf("team", "en") < 6.0
    assert 3.0 <= zipf("dredge", "en") < 3.5
    assert zipf("silt", "en") == RARE  # under the small list's floor: rare
    assert zipf("le", "fr") > 7.0
    assert zipf("数据", "zh") > 5.0


@pytest.mark.parametrize("language", ["eu", "sw", "xx"])
def test_a_language_without_a_list_of_its_own_has_none(language: str) -> None:
    # wordfreq alone would match Basque to Spanish and Swahili to English
    assert zipf_table(language) == {}
    assert zipf("casa", language) == RARE


def test_regional_tags_and_aliases_find_the_language_list() -> None:
    assert zipf_table("pt-BR") is zipf_table("pt")
    assert zipf_table("no")["og"] > 7.0  # Norwegian is filed as Bokmål ("nb")
    assert zipf_table(None) is zipf_table("en")


@pytest.mark.parametrize("language", ["en", "fr", "ja"])
def test_the_lists_read_directly_are_wordfreqs_own(language: str) -> None:
    import math

    from wordfreq import get_frequency_dict

    expected = get_frequency_dict(language, wordlist="small")
    table = zipf_table(language)
    assert len(table) == len(expected) > 20_000
    for word in ("the", "le", "の", "team", "équipe", "データ"):
        if word in expected:
            assert table[word] == pytest.approx(math.log10(expected[word] * 1e9))
