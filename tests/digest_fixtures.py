"""Synthetic episodes and archives for the topics, rank, digest and CLI tests (text made up)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from castdigest.archive import Archive
from castdigest.config import RankConfig, Settings, TopicConfig
from castdigest.models import Chapter, Episode, Quote

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)  # Friday of 2026-W48

TOPICS = [
    TopicConfig(
        slug="coding-agents",
        name="Coding agents",
        description="Agents that write and review code.",
        tags=["ai-agents", "copilot"],
        keywords=["coding agent", "pull request", "code review", "revue de code"],
    ),
    TopicConfig(
        slug="infra",
        name="AI infrastructure",
        description="GPUs, clusters and the cloud that serve models.",
        tags=["gpu", "cloud-computing"],
        keywords=["GPU", "data center", "centre de données", "inference"],
    ),
    TopicConfig(
        slug="science",
        name="Science",
        description="Biology, proteins and physics with machine learning.",
        tags=["biology"],
        keywords=["protein", "protéine", "physics", "physique"],
    ),
]

# (title, show, day offset from NOW, duration s, tags, abstract)
EPISODES = [
    (
        "Shipping with a coding agent",
        "Harbor Notes",
        -1,
        3000,
        ["ai-agents"],
        "A coding agent opens every pull request; humans do the code review.",
    ),
    (
        "Review bots at scale",
        "Harbor Notes",
        -2,
        2400,
        ["copilot"],
        "Code review by agents, and when a pull request still needs a person.",
    ),
    (
        "Agents in the monorepo",
        "Harbor Notes",
        -3,
        2700,
        ["ai-agents"],
        "How a coding agent navigates a large repository and its pull request queue.",
    ),
    (
        "Agents et revue de code",
        "Le Port",
        -2,
        2000,
        [],
        "Un agent écrit le code, un autre fait la revue de code de chaque demande de fusion.",
    ),
    (
        "Renting GPUs by the minute",
        "Stack Talk",
        -1,
        3600,
        ["gpu"],
        "Spot GPU prices, data center power limits and inference at the edge.",
    ),
    (
        "Folding proteins with language models",
        "Lab Hours",
        -4,
        4000,
        ["biology"],
        "Protein structure prediction and what physics still has to say.",
    ),
    (
        "A trailer for season two",
        "Stack Talk",
        -1,
        45,
        [],
        "Coming soon.",
    ),
    (
        "Gardening on balconies",
        "Green Corner",
        -2,
        1800,
        ["gardening"],
        "Tomatoes, basil and the wind on the ninth floor.",
    ),
]


def make_episode(
    n: int,
    title: str,
    show: str | None,
    day: int,
    duration: float | None,
    tags: list[str],
    abstract: str,
    *,
    language: str = "en",
    published: bool = True,
) -> Episode:
    when = NOW + timedelta(days=day)
    return Episode(
        id=f"ep{n:04d}",
        title=title,
        show=show,
        published=when if published else None,
        first_seen=when,
        duration=duration,
        language=language,
        abstract=abstract,
        tags=tags,
        urls=[f"https://example.org/ep/{n}"],
        takeaways=[f"{abstract} Point {i}." for i in range(1, 4)],
        chapters=[
            Chapter(start=0.0, title="Opening", summary=abstract),
            Chapter(start=600.0, title="Details", summary=f"More on {title.lower()}."),
        ],
        quotes=[Quote(text=f"Quote about {title.lower()}.", speaker="Host")],
    )


def sample_episodes() -> list[Episode]:
    out = []
    for n, (title, show, day, duration, tags, abstract) in enumerate(EPISODES, start=1):
        lang = "fr" if show == "Le Port" else "en"
        out.append(make_episode(n, title, show, day, duration, tags, abstract, language=lang))
    return out


def settings(tmp_path: Path, **rank: object) -> Settings:
    return Settings(
        archive=str(tmp_path / "a.db"),
        topics=TOPICS,
        rank=RankConfig.model_validate(rank),
        base_dir=str(tmp_path),
    )


def save_all(archive: Archive, episodes: list[Episode]) -> None:
    with archive.transaction():
        for ep in episodes:
            archive.episodes.save(ep, [f"id:{ep.id}"], ep.first_seen or NOW)
