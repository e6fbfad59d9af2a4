"""Translation in the build (`[llm] translate = true`), against a scripted Chat Completions
server on 127.0.0.1: what the digest, the email and its text part show, and what the build
reports, for a good translation, a missing id, another language, and no endpoint."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from castdigest.archive import Archive
from castdigest.config import Settings
from castdigest.models import Episode
from castdigest.pipeline.build import BuildResult, build, parse_week
from castdigest.render.email import render_email
from digest_fixtures import NOW, TOPICS
from llm_server import Step, chat_server
from test_llm_condense import episode

TURNS = [
    ("Emma", "Nous livrons toutes les deux semaines, et le capitaine de version change."),
    ("Emma", "Les retours en arrière sont passés de neuf par mois à deux grâce aux canaris."),
    ("Léa", "Comment le capitaine évite-t-il l'épuisement pendant une mauvaise semaine ?"),
    ("Emma", "Le capitaine ne corrige jamais de bogues ; il décide seulement du départ."),
    ("Emma", "Commencez par un train hebdomadaire même vide, car l'habitude compte le plus."),
]
ENGLISH = [
    "The team ships every two weeks and the release captain keeps changing.",
    "Rollbacks fell from nine a month to two once the canaries were in place.",
    "The captain never fixes bugs and only decides when the train leaves.",
    "Start with a weekly train even when it is empty, because the habit matters.",
    "Emma explains how a release train works for a small product team.",
]


def french_episode() -> Episode:
    """The condenser tests' episode, as a French one without links or chapters."""
    return episode(TURNS).model_copy(
        update={
            "id": "ep0007",
            "title": "Les trains de livraison",
            "show": "Notes du port",
            "language": "fr",
            "abstract": "Emma raconte les trains de livraison, les capitaines et les canaris.",
            "urls": [],
            "chapters": [],
        }
    )


def _ids(request: dict[str, Any]) -> list[str]:
    """The ids the build sent, from the JSON object in the user message."""
    text = request["messages"][-1]["content"]
    found = re.search(r"\{.*\}", text, re.DOTALL)
    assert found is not None
    return list(json.loads(found.group()))


def english(request: dict[str, Any]) -> str:
    ids = _ids(request)
    return json.dumps({"translations": {k: ENGLISH[i % len(ENGLISH)] for i, k in enumerate(ids)}})


def _settings(tmp_path: Path, url: str, model: str = "test-model") -> Settings:
    return Settings.model_validate(
        {
            "archive": str(tmp_path / "a.db"),
            "topics": [t.model_dump() for t in TOPICS],
            "base_dir": str(tmp_path),
            "newsletter": {"language": "en"},
            "llm": {"base_url": url, "model": model, "max_retries": 0, "translate": True},
        }
    )


def _build(
    tmp_path: Path, *steps: Step, model: str = "test-model"
) -> tuple[list[BuildResult], int, Settings]:
    archive = Archive(tmp_path / "a.db")
    with archive.transaction():
        archive.episodes.save(french_episode(), ["id:ep0007"], NOW - timedelta(days=1))
    week = parse_week("2026-W48")
    with chat_server(*steps) as (url, script):
        s = _settings(tmp_path, url, model)
        results = [build(archive, s, week, as_of=NOW), build(archive, s, week, as_of=NOW)]
        calls = len(script.requests)
    archive.close()
    return results, calls, s


def test_a_translation_is_shown_first_with_the_original_under_it(tmp_path: Path) -> None:
    (first, second), calls, s = _build(tmp_path, Step(reply=english))
    item = first.digest.items()[0]
    assert item.translation is not None and item.translation.model == "test-model"
    assert item.translation.language == "en" and item.translation.source_language == "fr"
    assert first.llm[0]["method"] == "translate" and first.llm[0]["calls"] == 1
    assert first.llm_lines[0].startswith("ep0007: translate, 1 call(s), ")
    assert first.warnings == []
    # The rebuild takes the translation from the archive: no second call, the same digest.
    assert calls == 1 and second.status == "unchanged" and second.digest == first.digest
    email = render_email(first.digest, s)
    shown = item.translation.takeaways[0]
    original = item.condensed.takeaways[0].text
    assert shown in email.html and original in email.html
    assert email.html.index(shown) < email.html.index(original)  # the translation first
    assert re.search(r'class="cd-small"[^>]*lang="fr"', email.html)  # the original, muted
    assert "Translated by test-model" in email.html and "Translated by test-model" in email.text
    assert "[fr] " in email.text and email.text.index(shown[:30]) < email.text.index("[fr] ")


def test_a_missing_id_leaves_the_item_in_its_own_language(tmp_path: Path) -> None:
    def short(request: dict[str, Any]) -> str:
        ids = _ids(request)
        return json.dumps({"translations": {k: ENGLISH[0] for k in ids[:-1]}})

    (first, _), calls, s = _build(tmp_path, Step(reply=short), Step(reply=short))
    item = first.digest.items()[0]
    assert item.translation is None and calls == 2  # not cached: the next build asks again
    assert len(first.warnings) == 1
    assert first.warnings[0].startswith("ep0007: not translated (the translation lacks id(s) ")
    assert first.llm[0]["fallback"] is not None
    email = render_email(first.digest, s)
    assert "Translated by" not in email.html and ">FR</span>" in email.html


def test_a_translation_in_another_language_is_not_shown(tmp_path: Path) -> None:
    def spanish(request: dict[str, Any]) -> str:
        line = "El equipo publica cada dos semanas y el capitán cambia cada semana sin falta."
        return json.dumps({"translations": {k: line for k in _ids(request)}})

    (first, _), _, s = _build(tmp_path, Step(reply=spanish), Step(reply=spanish))
    assert first.digest.items()[0].translation is None
    assert "not in en" in first.warnings[0]
    assert "Translated by" not in render_email(first.digest, s).text


def test_without_a_model_nothing_is_translated_and_no_call_is_made(tmp_path: Path) -> None:
    (first, _), calls, s = _build(tmp_path, Step(reply=english), model="")
    assert calls == 0 and first.llm == [] and first.digest.items()[0].translation is None
    assert ">FR</span>" in render_email(first.digest, s).html
