"""Feed ingest throughput: a synthetic corpus of podcast RSS feeds into a fresh archive.

Each feed has `items` items with the tags real podcast feeds carry: guid, link, pubDate (one
a week), itunes:duration, season and episode numbers, an HTML description and
content:encoded of about 1.5 KB, two podcast:transcript and one podcast:chapters link, and
podcast:person hosts and guests. The corpus is written to a temporary folder, then read with
the feed reader and stored (dedup included) one feed per transaction, as `castdigest ingest`
does. Prints items/second and peak memory; `run_feed_bench` returns the figures.

    .venv/bin/python bench/ingest_feeds.py                   # 1,000 feeds x 50 items
    .venv/bin/python bench/ingest_feeds.py --feeds 100 --items 20
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from castdigest.archive import Archive
from castdigest.pipeline.ingest import SourceSpec, batch_collection, ingest_paths

WORDS = (
    "agent model infrastructure latency benchmark dataset training inference compute cluster "
    "developer platform pipeline review deploy sandbox memory context token reasoning eval "
    "release flag harbor schedule team weekend rota tooling calm launch train tuesday"
).split()
NAMES = "Mara Theo Ines Lucie Omar Yuki Sven Anya Kofi Lena Ravi Noor".split()
START = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _item(rng: random.Random, feed: int, i: int) -> str:
    base = f"https://example.org/show{feed}/{i}"
    title = f"Episode {i}: {_sentence(rng, 6)[:-1]}"
    notes = "".join(f"<p>{_sentence(rng, 20)}</p>" for _ in range(8))
    host, guest = rng.sample(NAMES, 2)
    return f"""
    <item>
      <title>{escape(title)}</title>
      <link>{base}</link>
      <guid isPermaLink="false">show{feed}-{i}</guid>
      <pubDate>{format_datetime(START - timedelta(days=7 * i))}</pubDate>
      <itunes:duration>{i % 2}:{rng.randint(10, 59)}:{rng.randint(10, 59)}</itunes:duration>
      <itunes:season>{1 + i // 20}</itunes:season>
      <itunes:episode>{i}</itunes:episode>
      <description>{escape(notes[:600])}</description>
      <content:encoded><![CDATA[{notes}<ul><li>{_sentence(rng, 8)}</li></ul>]]></content:encoded>
      <enclosure url="{base}.mp3" length="12345678" type="audio/mpeg"/>
      <podcast:transcript url="{base}.vtt" type="text/vtt" rel="captions"/>
      <podcast:transcript url="{base}.json" type="application/json" language="en"/>
      <podcast:chapters url="{base}-chapters.json" type="application/json+chapters"/>
      <podcast:person role="host" href="https://example.org/{host}">{host} Quill</podcast:person>
      <podcast:person role="guest">{guest} Brandt</podcast:person>
    </item>"""


def feed_xml(rng: random.Random, feed: int, items: int) -> str:
    body = "".join(_item(rng, feed, i) for i in range(items))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>Synthetic Show {feed}</title>
    <link>https://example.org/show{feed}</link>
    <description>{_sentence(rng, 12)}</description>
    <language>en</language>
    <itunes:author>{rng.choice(NAMES)} Quill</itunes:author>{body}
  </channel>
</rss>
"""


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_feeds(root: Path, n_feeds: int, items: int, rng: random.Random) -> list[Path]:
    """`n_feeds` synthetic feeds of `items` items each, written under `root`."""
    files = []
    for k in range(n_feeds):
        path = root / f"feed{k:05d}.xml"
        path.write_text(feed_xml(rng, k, items), encoding="utf-8")
        files.append(path)
    return files


def ingest_all(arch: Archive, files: list[Path], now: datetime) -> int:
    """Ingest every file in one run, as `castdigest ingest FILE...` does (what one document
    learnt of its archived neighbours serves the next); the bench stops at the first failure.
    The episodes read."""
    count = 0
    for report in ingest_paths(arch, files, SourceSpec(), now, now):
        if report.failed:
            sys.exit(f"bench input failed: {report.error}")
        count += report.new + report.updated + report.unchanged
    return count


def run_feed_bench(n_feeds: int, items: int) -> dict[str, float]:
    """Write `n_feeds` feeds of `items` items, ingest them, print and return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = write_feeds(root, n_feeds, items, random.Random(3))
        total_bytes = sum(f.stat().st_size for f in files)
        now = datetime(2026, 11, 24, tzinfo=UTC)
        t0 = time.perf_counter()
        with Archive(root / "bench.db") as arch, batch_collection():  # as `castdigest ingest`
            count = ingest_all(arch, files, now)
            first = time.perf_counter() - t0
            stored = arch.episodes.count()
            # Re-reading unchanged feeds: the content hash short-cut.
            t1 = time.perf_counter()
            ingest_all(arch, files, now)
            again = time.perf_counter() - t1
    figures = {
        "feeds": float(n_feeds),
        "items": float(count),
        "stored": float(stored),
        "mb": total_bytes / 1e6,
        "seconds": first,
        "items_per_second": count / first,
        "reread_seconds": again,
        "peak_mb": peak_mb(),
    }
    print(
        f"feeds: {n_feeds} feeds x {items} items = {count} items ({stored} stored, "
        f"{figures['mb']:.0f} MB) in {first:.1f} s = {figures['items_per_second']:.0f} items/s; "
        f"unchanged re-read {again:.1f} s; peak RSS {figures['peak_mb']:.0f} MB"
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1_000)
    parser.add_argument("--items", type=int, default=50)
    args = parser.parse_args()
    run_feed_bench(args.feeds, args.items)


if __name__ == "__main__":
    main()
