"""text/lemmas.py: simplemma's lemmas, from dictionaries decoded once and kept in the cache."""

from __future__ import annotations

from pathlib import Path

import pytest
import simplemma

from castdigest.text.lemmas import CachedDictionaries, cache_dir, lemmatizer

WORDS = {
    "en": ["models", "running", "studies", "better", "agents", "was", "mice", "data"],
    "fr": ["modèles", "étaient", "marchés", "calculs", "yeux", "allions", "chevaux"],
    "de": ["Modelle", "Häuser", "gingen", "Rechenzentren", "besser"],
}


def test_the_lemmas_are_simplemmas_whether_decoded_or_read_back(tmp_path: Path) -> None:
    decoding = CachedDictionaries(tmp_path)
    for lang in WORDS:
        decoding.get_dictionary(lang)
    assert sorted(p.name.split("-")[0] for p in tmp_path.iterdir()) == ["de", "en", "fr"]
    reading = CachedDictionaries(tmp_path)  # a later run: the files, not the wheel's data
    assert reading.get_dictionary("en") == decoding.get_dictionary("en")
    ours = simplemma.Lemmatizer(
        lemmatization_strategy=simplemma.strategies.DefaultStrategy(dictionary_factory=reading)
    )
    for lang, words in WORDS.items():
        assert [ours.lemmatize(w, lang=lang) for w in words] == [
            simplemma.lemmatize(w, lang=lang) for w in words
        ]
    assert ours.lemmatize("models", lang="en") == "model"
    assert ours.lemmatize("chevaux", lang="fr") == "cheval"


def test_a_damaged_cache_file_is_decoded_again_and_replaced(tmp_path: Path) -> None:
    path = CachedDictionaries(tmp_path).path("en")
    path.write_bytes(b"\x00not marshal")
    found = CachedDictionaries(tmp_path).get_dictionary("en")
    assert found["models"] == "model"
    assert path.stat().st_size > 1_000_000
    assert not list(tmp_path.glob("*.tmp"))


def test_an_unwritable_cache_still_lemmatises(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    found = CachedDictionaries(blocked / "lemmas").get_dictionary("fr")
    assert found["chevaux"] == "cheval"


def test_the_cache_folder_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CASTDIGEST_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("CASTDIGEST_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "castdigest"
    assert lemmatizer().lemmatize("agents", lang="en") == "agent"
