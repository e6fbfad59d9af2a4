"""Page reading throughput: the listing reader alone, no archive.

Reads the synthetic listing corpus of `bench/ingest.py` (pages of 50 episodes of about 20 KB,
chapters, quotes, entities, hashtags, English and French) with the registry's sniffing and
reading, and prints episodes/second, MB/second and peak memory. With ../shared present, also
the real listing seed (12 episodes, 190 KB) read repeatedly.

    .venv/bin/python bench/read_pages.py                 # 2,000 episodes
    .venv/bin/python bench/read_pages.py --episodes 10000
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from datetime import UTC, datetime
from pathlib import Path

from castdigest.readers.base import Document, ReadContext
from castdigest.readers.registry import read_document
from ingest import listing  # bench/ingest.py, beside this file

AS_OF = datetime(2026, 11, 24, tzinfo=UTC)
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def read_all(pages: list[str]) -> tuple[int, float]:
    episodes = 0
    t0 = time.perf_counter()
    for k, text in enumerate(pages):
        doc = Document(location=f"page{k}.txt", data=text.encode(), text=text)
        episodes += len(read_document(doc, ReadContext(as_of=AS_OF))[1])
    return episodes, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=2_000)
    parser.add_argument("--size", type=int, default=20_000, help="bytes per episode body")
    args = parser.parse_args()
    rng = random.Random(48)
    pages = [
        listing(rng, start, min(50, args.episodes - start), args.size)
        for start in range(0, args.episodes, 50)
    ]
    read_all(pages[:1])  # load the language model outside the timing
    episodes, seconds = read_all(pages)
    mb = sum(len(p.encode()) for p in pages) / 1e6
    print(
        f"synthetic listings: {episodes} episodes ({mb:.0f} MB) in {seconds:.2f} s = "
        f"{episodes / seconds:.0f} episodes/s, {mb / seconds:.1f} MB/s"
    )
    seeds = sorted(SEED.glob("001_*.txt"))
    if seeds:
        text = seeds[0].read_text(encoding="utf-8")
        episodes, seconds = read_all([text] * 50)
        print(f"seed 001 x 50: {episodes} episodes in {seconds:.2f} s = {episodes / seconds:.0f}/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
