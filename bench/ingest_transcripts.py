"""Ingest of a folder of long transcripts: time and peak memory.

Generates N plain-text transcripts of about 8,000 words (an hour of talk: speaker-labelled
lines over a 3,000-word vocabulary), with no date and no show, as a backlog of transcripts
would be: each is compared by content with the 200 most recent undated episodes, so the
profiles identification keeps across files (their words and shingles) are what memory holds.

    .venv/bin/python bench/ingest_transcripts.py              # 300 transcripts
    .venv/bin/python bench/ingest_transcripts.py --count 1000
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from castdigest.archive import Archive
from castdigest.pipeline.ingest import SourceSpec, batch_collection, ingest_paths


def write_transcripts(root: Path, count: int, words: int, rng: random.Random) -> list[Path]:
    vocabulary = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
        for _ in range(3000)
    ]
    files = []
    for i in range(count):
        lines = [f"Conversation {i} about {rng.choice(vocabulary)} and {rng.choice(vocabulary)}"]
        said = 0
        while said < words:
            n = rng.randint(12, 30)
            who = rng.choice(["Ann", "Bob", "Cid"])
            lines.append(f"{who}: " + " ".join(rng.choice(vocabulary) for _ in range(n)) + ".")
            said += n
        path = root / f"talk{i:04d}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--words", type=int, default=8000, help="words per transcript")
    args = parser.parse_args()
    now = datetime(2026, 11, 24, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = write_transcripts(root, args.count, args.words, random.Random(5))
        size = sum(f.stat().st_size for f in files) / 1e6
        t0 = time.perf_counter()
        with Archive(root / "bench.db") as arch, batch_collection():
            for report in ingest_paths(arch, files, SourceSpec(), now, now):
                assert not report.failed, report.error
            stored = arch.episodes.count()
        elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"transcripts: {args.count} files ({size:.0f} MB, {stored} episodes) in {elapsed:.1f} s"
        f" = {args.count / elapsed:.0f} files/s; peak RSS {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
