"""Titles: kind marker, title proper, guests and their organisations; hosts from entities."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from castdigest.models import Entity, Person
from castdigest.text.titles import assign_people, clip_title, parse_people, split_emoji, split_title


@pytest.mark.parametrize(
    ("raw", "kind", "title", "guests"),
    [
        (
            "GitHub's Agent Era: 14x Commits — Kyle Daigle",
            None,
            "GitHub's Agent Era: 14x Commits",
            [("Kyle Daigle", None)],
        ),
        (
            "Building Video Agents— Ethan He",
            None,
            "Building Video Agents",
            [("Ethan He", None)],
        ),
        (
            "🔬 La Bitter Lesson arrive pour les protéines — Alex Rives, BioHub",
            "🔬",
            "La Bitter Lesson arrive pour les protéines",
            [("Alex Rives", "BioHub")],
        ),
        (
            "Background Agents, 7x PRs, & End of Coding — Walden Yan & Cole Murray",
            None,
            "Background Agents, 7x PRs, & End of Coding",
            [("Walden Yan", None), ("Cole Murray", None)],
        ),
        (
            "The Next War — Yaroslav Azhnyuk, The Fourth Law & Noah Smith, Noahpinion",
            None,
            "The Next War",
            [("Yaroslav Azhnyuk", "The Fourth Law"), ("Noah Smith", "Noahpinion")],
        ),
        (
            "Shipping Weekly | Dana Okafor (Lanternworks, Relay)",
            None,
            "Shipping Weekly",
            [("Dana Okafor", "Lanternworks, Relay")],
        ),
        (
            "⚡️ Matt Pocock - Why Engineering Fundamentals matter MORE now",
            "⚡️",
            "Why Engineering Fundamentals matter MORE now",
            [("Matt Pocock", None)],
        ),
        (
            "The Agent-Native Cloud: Jake Cooper on Railway's Future",
            None,
            "The Agent-Native Cloud",
            [("Jake Cooper", None)],
        ),
        (
            "🔬How GPT-5 derived new results in physics — Alex Lupsasca, OpenAI",
            "🔬",
            "How GPT-5 derived new results in physics",
            [("Alex Lupsasca", "OpenAI")],
        ),
        (
            "评测驱动的智能体开发 — 林晓, 北辰实验室",
            None,
            "评测驱动的智能体开发",
            [("林晓", "北辰实验室")],
        ),
        (
            "코드 리뷰 에이전트와 함께 일하기 — 박지훈",
            None,
            "코드 리뷰 에이전트와 함께 일하기",
            [("박지훈", None)],
        ),
    ],
)
def test_split_title(
    raw: str, kind: str | None, title: str, guests: list[tuple[str, str | None]]
) -> None:
    parts = split_title(raw)
    assert (parts.kind, parts.title) == (kind, title)
    assert [(g.name, g.affiliation) for g in parts.guests] == guests
    assert all(g.role == "guest" for g in parts.guests)


@pytest.mark.parametrize(
    "raw",
    [
        "Agents — a primer for teams that ship every day",
        "Release trains: why the schedule matters more than the scope",
        "Build fast, scale smarter, unleash agentic software",
        "Speed vs. safety - 12 lessons from 2026",
    ],
)
def test_titles_without_people_stay_whole(raw: str) -> None:
    parts = split_title(raw)
    assert (parts.title, parts.guests, parts.kind) == (raw, [], None)


def test_split_emoji_keeps_joiners_and_selectors() -> None:
    assert split_emoji("⚡️ Lightning") == ("⚡️", "Lightning")
    assert split_emoji("👩‍💻Coders") == ("👩‍💻", "Coders")
    assert split_emoji("No emoji") == (None, "No emoji")


def test_parse_people_refuses_non_names() -> None:
    assert parse_people("the end of localhost") == []
    assert parse_people("Ann Bee & 42 others") == []
    assert [p.name for p in parse_people("Ann Bee and Carl Dee")] == ["Ann Bee", "Carl Dee"]


def test_hosts_come_from_entities_not_titles() -> None:
    guests = [Person(name="swyx", role="guest"), Person(name="Kyle Daigle", role="guest")]
    entities = [
        Entity(name="Kyle Daigle", kind="Person", description="COO of GitHub."),
        Entity(name="swyx", kind="Person", description="Host of Latent Space podcast."),
        Entity(name="Brandon", kind="Person", description="Co-animateur de l'épisode."),
        Entity(name="Latent Space", kind="Organization", description="Host of many shows."),
    ]
    hosts, rest = assign_people(guests, entities)
    assert [(h.name, h.role) for h in hosts] == [("swyx", "host"), ("Brandon", "host")]
    assert [(g.name, g.description) for g in rest] == [("Kyle Daigle", "COO of GitHub.")]


def test_host_alias_with_slash() -> None:
    entities = [Entity(name="Shawn Wang / swyx", kind="Person", description="Host; founder.")]
    hosts, rest = assign_people([Person(name="swyx", role="guest")], entities)
    assert [h.name for h in hosts] == ["Shawn Wang / swyx"] and rest == []


def test_clip_title() -> None:
    assert clip_title("short  title ") == "short title"
    long = "word " * 200
    clipped = clip_title(long)
    assert len(clipped) <= 301 and clipped.endswith("…") and not clipped.startswith(" ")


@given(st.text(max_size=400))
def test_split_title_never_raises_and_never_grows(raw: str) -> None:
    parts = split_title(raw)
    assert len(parts.title) <= 301


@pytest.mark.parametrize(
    ("description", "affiliation"),
    [
        ("COO of GitHub and CMO of Developer for Microsoft.", "GitHub"),
        ("CEO and 'Conductor' of Railway.", "Railway"),
        ("Responsable Developer Experience chez Google DeepMind ; auteur.", "Google DeepMind"),
        ("directeur scientifique de BioHub", "BioHub"),
        ("Former researcher who built a video model", None),
        ("Theoretical physicist and professor", None),
    ],
)
def test_guest_affiliation_from_entity_description(
    description: str, affiliation: str | None
) -> None:
    entities = [Entity(name="Ann Bee", kind="Person", description=description)]
    _, (guest,) = assign_people([Person(name="Ann Bee", role="guest")], entities)
    assert guest.affiliation == affiliation


def test_title_affiliation_wins_over_description() -> None:
    entities = [Entity(name="Ann Bee", kind="Person", description="CEO of Other.")]
    guest = Person(name="Ann Bee", role="guest", affiliation="Acme")
    _, (out,) = assign_people([guest], entities)
    assert out.affiliation == "Acme"
