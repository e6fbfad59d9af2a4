"""The cache folder (text/cache.py): simplemma's lemmas from dictionaries decoded once
(text/lemmas.py) and py3langid's model decompressed once (text/language.py) give the same
answers as the dependencies themselves; a damaged or unwritable cache only costs time."""

from __future__ import annotations

from pathlib import Path

import pytest
import simplemma
import zstandard

from castdigest.text import language
from castdigest.text.cache import cache_dir
from castdigest.text.lemmas import CachedDictionaries, lemmatizer

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


def test_the_kept_language_model_classifies_as_py3langid_does(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    monkeypatch.setenv("CASTDIGEST_CACHE_DIR", str(tmp_path))
    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    texts = [
        "The agent reads the pull request and writes a review before anyone else looks.",
        "Nous avons rapproché le cluster d'inférence des données et la latence a baissé.",
        "Das Modell erkennt seine eigenen Fehler öfter als erwartet.",
        "El equipo duerme mejor desde que cada despliegue pasa por un entorno aislado.",
        "模型在设备上运行",
        "ok",
    ]
    for attempt in ("decompressed", "read back"):
        language._identifier.cache_clear()
        ours = language._identifier()
        assert language.model_path().is_file(), attempt
        for text in texts:
            label, prob = ours.classify(text)
            expected = reference.classify(text)
            assert label == expected[0]
            assert prob == pytest.approx(expected[1], abs=1e-5)
    language.model_path().write_bytes(b"not zstd")
    language._identifier.cache_clear()
    assert language._identifier().classify(texts[1])[0] == "fr"
    assert language.model_path().stat().st_size > 1_000_000
    # A pickle naming a module this Python lacks (another numpy, say) is derived again too.
    foreign = zstandard.ZstdCompressor().compress(b"cno_such_module\nThing\n.")
    language.model_path().write_bytes(foreign)
    language._identifier.cache_clear()
    assert language._identifier().classify(texts[2])[0] == "de"
    assert language.model_path().stat().st_size > 1_000_000
    language._identifier.cache_clear()  # the next test's process-wide identifier is the usual one


def test_the_kept_language_model_is_mapped_and_a_cut_file_derived_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import numpy as np

    monkeypatch.setenv("CASTDIGEST_CACHE_DIR", str(tmp_path))
    derived = language._model()  # no file yet: py3langid's own model, then kept
    kept = language._model()
    ptc, moves = kept[0], kept[3]
    assert isinstance(ptc, np.memmap) and isinstance(moves, np.memmap)
    assert ptc.shape == derived[0].shape and ptc.dtype == derived[0].dtype
    assert np.array_equal(ptc, derived[0])
    assert np.array_equal(moves, np.frombuffer(derived[3], dtype=moves.dtype))
    assert kept[2] == list(derived[2]) and kept[4] == list(derived[4])
    size = language.model_path().stat().st_size
    with language.model_path().open("r+b") as f:
        f.truncate(size // 2)  # a copy cut short: its tables no longer fit
    again = language._model()
    assert not isinstance(again[0], np.memmap)
    assert language.model_path().stat().st_size == size
