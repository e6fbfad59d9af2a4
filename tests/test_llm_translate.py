"""Translation of a condensed item in one call, against a scripted server on 127.0.0.1."""

from __future__ import annotations

import json

import pytest

from castdigest.config import LLMConfig
from castdigest.llm.client import ChatClient, LLMError
from castdigest.llm.translate import translate
from castdigest.models import Condensed, CondensedQuote, Provenance, Takeaway
from llm_server import answer, chat_server

ITEM = Condensed(
    episode_id="ep7",
    title="Les trains de livraison",
    blurb="Emma explique comment livrer toutes les deux semaines sans épuiser l'équipe.",
    takeaways=[
        Takeaway(text="L'équipe livre toutes les deux semaines.", provenance=Provenance.TRANSCRIPT),
        Takeaway(
            text="Le capitaine de version change chaque semaine.", provenance=Provenance.TRANSCRIPT
        ),
    ],
    quotes=[CondensedQuote(text="Le train part même s'il est vide.", speaker="Emma")],
)
ENGLISH = {
    "b": "Emma explains how to ship every two weeks without wearing the team out.",
    "t1": "The team ships every two weeks.",
    "t2": "The release captain changes every week.",
    "q1": "The train leaves even when it is empty.",
}


def client(url: str) -> ChatClient:
    config = LLMConfig.model_validate({"base_url": url, "model": "test-model"})
    return ChatClient(config, backoff_s=0.01)


def test_one_call_maps_every_id_to_its_translation() -> None:
    with chat_server(answer({"translations": ENGLISH})) as (url, script):
        got = translate(client(url), ITEM, "fr", "en")
    assert got.blurb == ENGLISH["b"] and got.model == "test-model"
    assert got.takeaways == [ENGLISH["t1"], ENGLISH["t2"]]
    assert got.quotes == [ENGLISH["q1"]]
    (request,) = script.requests
    user = request["messages"][1]["content"].splitlines()
    assert user[0] == user[-1] and user[0].startswith("<<<DATA-")
    assert json.loads("\n".join(user[1:-1])) == {
        "b": ITEM.blurb,
        "t1": ITEM.takeaways[0].text,
        "t2": ITEM.takeaways[1].text,
        "q1": ITEM.quotes[0].text,
    }


def test_a_missing_id_fails_the_translation() -> None:
    partial = {k: v for k, v in ENGLISH.items() if k != "t2"}
    with (
        chat_server(answer({"translations": partial})) as (url, _),
        pytest.raises(LLMError, match=r"the translation lacks id\(s\) t2"),
    ):
        translate(client(url), ITEM, "fr", "en")


def test_a_translation_in_the_wrong_language_fails() -> None:
    german = {
        "b": "Emma erklärt, wie man alle zwei Wochen ausliefert, ohne das Team zu erschöpfen.",
        "t1": "Das Team liefert alle zwei Wochen aus.",
        "t2": "Der Release-Kapitän wechselt jede Woche.",
        "q1": "Der Zug fährt ab, auch wenn er leer ist.",
    }
    with (
        chat_server(answer({"translations": german})) as (url, _),
        pytest.raises(LLMError, match="the translation is in de, not in en"),
    ):
        translate(client(url), ITEM, "fr", "en")
