"""Digest build time over a large archive: select the week, classify, rank, condense, store.

Generates an archive of N synthetic episodes (100,000 by default) spread evenly over two years,
inserted directly with EpisodeStore.save in one transaction, builds and marks sent the 12 weeks
before (so novelty compares each candidate with about 144 sent episodes), then builds the digest
of one ISO week (about N / 104 candidates). Prints the window query time and its query plan
(it must use the `episodes_day` index), the time of a cold build (everything condensed) and of
a warm rebuild (condensed results from the cache), and the candidates per second.

    .venv/bin/python bench/rank.py                   # 100,000 episodes
    .venv/bin/python bench/rank.py --episodes 20000
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from castdigest.archive import Archive
from castdigest.archive.db import utc_iso
from castdigest.archive.episodes import EpisodeFilter
from castdigest.config import load_settings
from castdigest.models import Chapter, Episode, Quote
from castdigest.pipeline.build import build, parse_week, timezone, week_of

WORDS = (
    "agent model infrastructure latency benchmark dataset training inference compute cluster "
    "developer platform pipeline review deploy sandbox memory context token reasoning eval "
    "customer revenue growth market policy research protein drone robotics startup team gpu "
    "cloud copilot physics biology regulation defense funding valuation code pull request"
).split()
MOTS = "agent modèle recherche données équipe calcul marché croissance outil plateforme".split()
SYLLABLES = "ka lo mi ne ru sa ti vo ze pa do fi gu ha je".split()
TAGS = "ai-agents gpu cloud-computing open-models drones ai-healthcare startups biology".split()
END = datetime(2026, 11, 30, tzinfo=UTC)
SPAN = timedelta(days=728)
UTC_ZONE = ZoneInfo("UTC")


def sentence(rng: random.Random, words: list[str], n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    """Made-up words: each episode talks about its own few, as real ones do."""
    return sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(size)})


def episode(rng: random.Random, i: int, total: int, vocab: list[str]) -> Episode:
    common = MOTS if i % 5 == 0 else WORDS
    words = rng.sample(vocab, 40) + rng.sample(common, 8)
    when = END - SPAN * (i + 0.5) / total
    return Episode(
        id=f"{i:012x}",
        title=f"{sentence(rng, words, 7)[:-1]} — Guest {i}",
        show=f"Show {i % 40}",
        published=when.replace(microsecond=0),
        duration=float(rng.choice([60, 900, 2400, 3600, 5400])),
        language="fr" if i % 5 == 0 else "en",
        abstract=" ".join(sentence(rng, words, 15) for _ in range(4)),
        takeaways=[sentence(rng, words, 16) for _ in range(4)],
        chapters=[
            Chapter(start=60.0 * c, title=sentence(rng, words, 4), summary=sentence(rng, words, 20))
            for c in range(4)
        ],
        quotes=[Quote(text=sentence(rng, words, 18), speaker=f"Guest {i}")],
        tags=rng.sample(TAGS, 2),
        urls=[f"https://example.org/episodes/{i}"],
    )


def populate(archive: Archive, total: int) -> float:
    rng = random.Random(48)
    vocab = vocabulary(rng)
    start = time.perf_counter()
    with archive.transaction():
        for i in range(total):
            ep = episode(rng, i, total, vocab)
            archive.episodes.save(ep, [f"url:example.org/episodes/{i}"], ep.published or END)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=100_000)
    parser.add_argument("--week", default="2026-W48")
    parser.add_argument(
        "--history", type=int, default=12, help="Earlier weeks built and sent first (novelty)."
    )
    args = parser.parse_args()
    config = Path(__file__).resolve().parents[1] / "samples" / "castdigest.toml"
    settings = load_settings(config, environ={})
    window = parse_week(args.week)
    with tempfile.TemporaryDirectory() as tmp, Archive(Path(tmp) / "bench.db") as archive:
        took = populate(archive, args.episodes)
        print(f"archive: {args.episodes:,} episodes inserted in {took:.1f} s")
        start, end = window.bounds(timezone(settings))
        plan = archive.conn.execute(
            "EXPLAIN QUERY PLAN SELECT json FROM episodes e WHERE e.day >= ? AND e.day < ?"
            " ORDER BY e.day DESC, e.id",
            (utc_iso(start), utc_iso(end)),
        ).fetchall()
        print("window query plan: " + "; ".join(str(row[-1]) for row in plan))
        t0 = time.perf_counter()
        found = list(archive.episodes.list(EpisodeFilter(since=start, until=end)))
        query = time.perf_counter() - t0
        print(f"window {window.id}: {len(found):,} episodes read in {query * 1000:.0f} ms")
        as_of = END
        t0 = time.perf_counter()
        for back in range(args.history, 0, -1):
            earlier = week_of(
                datetime.combine(window.since, datetime.min.time(), UTC) - timedelta(weeks=back),
                UTC_ZONE,
            )
            build(archive, settings, earlier, as_of=as_of)
            archive.digests.mark_sent(earlier.id, as_of)
        print(
            f"history: {args.history} earlier weeks built and sent"
            f" in {time.perf_counter() - t0:.1f} s"
        )
        t0 = time.perf_counter()
        cold = build(archive, settings, window, as_of=as_of)
        cold_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        warm = build(archive, settings, window, as_of=as_of)
        warm_s = time.perf_counter() - t0
        items = len(cold.digest.items())
        print(
            f"build (cold, {cold.condensed} condensed): {cold_s:.2f} s"
            f" for {len(cold.ranked):,} candidates, {items} items"
            f" ({len(cold.ranked) / cold_s:,.0f} candidates/s)"
        )
        print(f"rebuild (warm, {warm.cached} cached, {warm.status}): {warm_s:.2f} s")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory: {peak:.0f} MiB; target: build under 5 s")


if __name__ == "__main__":
    main()
