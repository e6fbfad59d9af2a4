"""Ingest throughput: a synthetic corpus of channel listings into a fresh archive.

Generates N episodes of about 20 KB each (listing pages of 50 episodes, with chapters, quotes,
entities and hashtags, in English and French), ingests them into a new SQLite archive on one
core, and prints episodes/second (wall clock and process time), peak memory and the archive's
size per episode. Episodes belong to 40 shows per 10,000 episodes (two-word names, glued to
the relative age as on a saved channel page; a larger run follows more shows, each as often,
so the density stays that of 10,000) and came out over the past year (1 to 365 days ago, drawn
at random): each episode is still compared by content with the episodes of its show published
within three days of it, as in a real archive. (Until 2026-11-24 the corpus
spread over 20 days and show names ended in a digit that glued onto the age, so every English
episode read as show "Show": ten times more same-show neighbours than a year of real shows.)

Then 20 feeds of 50 items (--mixed-feeds) into that archive, timed apart: each item is compared
with the guid-less page episodes of its week. With --feeds, also a feed corpus (1,000 feeds of
50 items by default) into a fresh archive, and prints items/second.

    .venv/bin/python bench/ingest.py                    # 10,000 episodes
    .venv/bin/python bench/ingest.py --episodes 100000 --feeds 0 --mixed-feeds 0
    .venv/bin/python bench/ingest.py --episodes 2000 --feeds 200
    .venv/bin/python bench/ingest.py --feeds 0 --jobs 2  # pages read in 2 worker processes
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from castdigest.archive import Archive
from castdigest.pipeline.ingest import SourceSpec, batch_collection, ingest_paths
from castdigest.pipeline.read_ahead import ingest_files

WORDS = (
    "agent model infrastructure latency benchmark dataset training inference compute cluster "
    "developer platform pipeline review deploy sandbox memory context token reasoning eval "
    "customer revenue growth market policy research protein drone robotics startup team"
).split()
_FIRST = ("Latent", "Signal", "Deep", "Open", "Neural", "Quiet", "Bright", "Fast")
_MORE_FIRST = (
    "Amber Cobalt Silver Golden Hidden Rapid Steady Vivid Lunar Solar Polar Urban Crisp Noble"
    " Humble Gentle Clever Candid Modern Future Second Prime Plain Simple Honest Stellar Cosmic"
    " Binary Linear Vector Tensor Quantum Silent Morning Evening Weekend"
).split()
_SECOND = ("Space", "Path", "Hour", "Notes", "Cast")
# 40 shows per 10,000 episodes (a larger archive follows more shows, each as often): the
# first 40 are the corpus's shows at 10,000; no name holds another (shows are told apart by
# containment).
SHOWS = [f"{a} {b}" for a in _FIRST for b in _SECOND] + [
    f"{a} {b}" for a in _MORE_FIRST for b in (*_SECOND, "Room", "Desk", "Wire", "Lab", "Talk")
]
EPISODES_PER_SHOW = 250
MOTS = "agent modèle recherche données équipe calcul marché croissance outil plateforme".split()


def sentence(rng: random.Random, words: list[str], n: int) -> str:
    # choices, not a choice per word: writing 100,000 episodes took longer than ingesting them.
    return " ".join(rng.choices(words, k=n)).capitalize() + "."


def body(rng: random.Random, words: list[str], target: int) -> str:
    parts = [" ".join(sentence(rng, words, 18) for _ in range(4))]
    minute = 0
    while sum(len(p) for p in parts) < target - 1500:
        minute += rng.randint(2, 9)
        title = sentence(rng, words, 4)[:-1]
        summary = " ".join(sentence(rng, words, 20) for _ in range(5))
        quote = sentence(rng, words, 22)
        parts.append(f'## [{minute:02d}:{rng.randint(0, 59):02d}] {title} {summary} > *"{quote}"*')
    ents = " ".join(
        f"- **{rng.choice(words).title()} {i}** (Person): {sentence(rng, words, 12)}"
        for i in range(5)
    )
    parts.append(f"## Entities {ents}")
    return " ".join(parts)


def listing(rng: random.Random, start: int, count: int, size: int, shows: int = 40) -> str:
    lines = ["Podcasts", ""]
    for i in range(start, start + count):
        words = MOTS if i % 5 == 0 else WORDS
        title = f"Episode {i}: {sentence(rng, words, 6)[:-1]} — Guest {i}, Org{i % 37}"
        days = rng.randint(1, 365)
        age = f"il y a {days} jours" if i % 2 else f"{days} days ago"
        h, m = divmod(20 + i % 100, 60)
        lines += [title, f"{h}:{m:02d}:{i % 60:02d}", "EN/ZH", "Watch with Captions"]
        lines += [f"{SHOWS[i % shows]}{age}", "", title, "", body(rng, words, size), ""]
        lines.append("#" + "#".join(rng.sample(WORDS, 3)))
    return "\n".join(lines) + "\n"


def run_pages(
    n: int, size: int, per_file: int = 50, then_feeds: int = 0, jobs: int = 1
) -> dict[str, float]:
    """Ingest the page corpus into a fresh archive; then, timed apart, `then_feeds` feeds of
    50 items into the same archive (each item is compared with the guid-less page episodes
    of its week: the case of a weekly run over saved pages and feeds). `jobs` above 1 reads
    the pages in that many worker processes (`castdigest ingest --jobs`)."""
    rng = random.Random(48)
    shows = max(40, n // EPISODES_PER_SHOW)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = []
        for k, start in enumerate(range(0, n, per_file)):
            f = root / f"listing{k:05d}.txt"
            page = listing(rng, start, min(per_file, n - start), size, shows)
            f.write_text(page, encoding="utf-8")
            files.append(f)
        total_bytes = sum(f.stat().st_size for f in files)
        now = datetime(2026, 11, 24, tzinfo=UTC)
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        episodes = 0
        with Archive(root / "bench.db") as arch, batch_collection():  # as `castdigest ingest`
            reports = (
                ingest_files(arch, files, SourceSpec(), now, now, jobs)
                if jobs > 1
                else ingest_paths(arch, files, SourceSpec(), now, now)
            )
            for report in reports:
                if report.failed:
                    sys.exit(f"bench input failed: {report.error}")
                episodes += report.new + report.updated + report.unchanged
            stored = arch.episodes.count()
            elapsed = time.perf_counter() - t0
            cpu = time.process_time() - cpu0
            arch.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            archive_bytes = (root / "bench.db").stat().st_size
            items, mixed = _feeds_into(arch, root, then_feeds, now)
    return {
        "episodes": episodes,
        "stored": stored,
        "mb": total_bytes / 1e6,
        "seconds": elapsed,
        "per_second": episodes / elapsed,
        "cpu": cpu,
        "per_cpu_second": episodes / cpu,
        "kb_per_episode": archive_bytes / 1e3 / max(stored, 1),
        "mixed_items": items,
        "mixed_seconds": mixed,
    }


def _feeds_into(arch: Archive, root: Path, n_feeds: int, now: datetime) -> tuple[int, float]:
    """Ingest `n_feeds` synthetic feeds (bench/ingest_feeds.py) into `arch`: (items, seconds)."""
    if not n_feeds:
        return 0, 0.0
    from ingest_feeds import ingest_all, write_feeds  # bench/ingest_feeds.py, beside this file

    files = write_feeds(root, n_feeds, 50, random.Random(7))
    t0 = time.perf_counter()
    items = ingest_all(arch, files, now)
    return items, time.perf_counter() - t0


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=10_000)
    parser.add_argument("--size", type=int, default=20_000, help="bytes per episode body")
    parser.add_argument(
        "--feeds", type=int, default=1_000, help="feeds in the feed corpus; 0 skips"
    )
    parser.add_argument("--items", type=int, default=50, help="items per feed")
    parser.add_argument(
        "--mixed-feeds",
        type=int,
        default=20,
        help="feeds of 50 items ingested into the page archive afterwards; 0 skips",
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="processes reading pages (1: this one only)"
    )
    args = parser.parse_args()

    r = run_pages(args.episodes, args.size, then_feeds=args.mixed_feeds, jobs=args.jobs)
    workers = (
        f", largest reader {peak_mb(resource.RUSAGE_CHILDREN):.0f} MB" if args.jobs > 1 else ""
    )
    print(
        f"pages (jobs {args.jobs}): {r['episodes']:.0f} episodes ({r['stored']:.0f} stored, "
        f"{r['mb']:.0f} MB) in {r['seconds']:.1f} s = {r['per_second']:.0f} episodes/s; "
        f"CPU {r['cpu']:.1f} s = {r['per_cpu_second']:.0f} episodes/CPU-s; "
        f"peak RSS {peak_mb():.0f} MB{workers}; archive {r['kb_per_episode']:.1f} KB/episode"
    )
    if r["mixed_items"]:
        print(
            f"feeds into that archive: {r['mixed_items']:.0f} items in {r['mixed_seconds']:.1f} s"
            f" = {r['mixed_items'] / r['mixed_seconds']:.0f} items/s"
        )
    if args.feeds:
        try:
            from ingest_feeds import run_feed_bench  # bench/ingest_feeds.py, beside this file
        except ImportError:
            print("feeds: bench/ingest_feeds.py not available")
            return
        run_feed_bench(args.feeds, args.items)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
