"""HTML to text: `html_to_text` against the HTML-parser implementation it replaced.

    .venv/bin/python bench/htmltext.py                      # 40 feeds x 50 items, and ../shared
    .venv/bin/python bench/htmltext.py --feeds 10 --repeat 5

The fragments are every description and content:encoded of `--feeds` synthetic feeds of
`--items` items (the feeds bench/ingest_feeds.py writes for the ingest bench), and every
description, summary and content of the feeds in ../shared/fixtures when it is there. Each set
is read by the old implementation (kept in tests/test_htmltext_equivalence.py, which checks
that both give the same text) and by `html_to_text`. Prints the CPU time of each, the best of
`--repeat` rounds (taking turns), and how many times faster `html_to_text` is.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from castdigest.text.htmltext import html_to_text
from ingest_feeds import feed_xml
from test_htmltext_equivalence import feed_fragments, reference_html_to_text, xml_fragments

SHARED = Path(__file__).resolve().parents[2] / "shared"


def generated_fragments(feeds: int, items: int) -> list[str]:
    rng = random.Random(3)  # the seed of bench/ingest_feeds.py
    fragments: list[str] = []
    for feed in range(feeds):
        fragments += xml_fragments(feed_xml(rng, feed, items).encode())
    return fragments


def best_seconds(
    readers: list[Callable[[str], str]], fragments: list[str], repeat: int
) -> list[float]:
    """Each reader's CPU time over `fragments`, the best of `repeat` rounds. The readers take
    turns within a round, so that a change in the machine's load weighs on both."""
    best = [float("inf")] * len(readers)
    for _ in range(repeat):
        for i, read in enumerate(readers):
            start = time.process_time()
            for fragment in fragments:
                read(fragment)
            best[i] = min(best[i], time.process_time() - start)
    return best


def compare(label: str, fragments: list[str], repeat: int) -> None:
    before, now = best_seconds([reference_html_to_text, html_to_text], fragments, repeat)
    kb = sum(map(len, fragments)) / 1000
    figures = f"{before:>9.3f} {now:>9.3f} {before / now:>7.1f}x"
    print(f"{label:<28} {len(fragments):>6} {kb:>8.0f} {figures}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=40)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sets = {f"generated ({args.feeds} x {args.items})": generated_fragments(args.feeds, args.items)}
    if SHARED.is_dir():
        sets["../shared/fixtures feeds"] = feed_fragments(SHARED)
    print(f"{'fragments':<28} {'count':>6} {'KB':>8} {'before s':>9} {'now s':>9} {'speedup':>8}")
    for label, fragments in sets.items():
        compare(label, fragments, args.repeat)


if __name__ == "__main__":
    main()
