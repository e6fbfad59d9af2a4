"""How fast condensing is, on one core: a 10,000-word transcript, and 1,000 mixed episodes.

The transcript is seed 003's (about 10,000 words, no speaker labels), timed warm as the median
of several runs, next to sumy's LexRank on the same sentences for scale. The mixed set cycles
through every episode the seed pages hold (summary page, listing with chapters and quotes,
article, video page with transcript) and transcripts built from the QMSum and VCSum eval sets,
each copy given its own id, until there are 1,000.

    .venv/bin/python bench/condense_speed.py
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: no threaded BLAS behind numpy/scipy

import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

from castdigest.condense import condense_episode  # noqa: E402
from castdigest.config import CondenseConfig  # noqa: E402
from castdigest.models import Episode, Segment, Transcript  # noqa: E402
from castdigest.readers.registry import read_path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CONFIG = CondenseConfig()


def seed_transcript() -> Episode:
    lines = next((SHARED / "seeds").glob("003_*.txt")).read_text(encoding="utf-8").splitlines()
    start = lines.index("Full Transcript") + 1
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("More from"))
    text = "\n\n".join(line for line in lines[start:end] if line.strip())
    return Episode(id="seed-003", title="seed 003", language="en", transcript=Transcript(text=text))


def eval_transcripts(limit: int) -> list[Episode]:
    out: list[Episode] = []
    qmsum = (SHARED / "eval" / "qmsum-val.jsonl").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(qmsum[:limit]):
        turns = json.loads(line)["meeting_transcripts"]
        segments = [Segment(text=t["content"], speaker=t["speaker"]) for t in turns]
        out.append(_episode(f"qmsum-{i}", "en", segments))
    vcsum = (SHARED / "eval" / "vcsum-short-dev.jsonl").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(vcsum[:limit]):
        paragraphs = json.loads(line)["context"]
        out.append(_episode(f"vcsum-{i}", "zh", [Segment(text="".join(p)) for p in paragraphs]))
    return out


def _episode(eid: str, language: str, segments: list[Segment]) -> Episode:
    text = "\n\n".join(s.text for s in segments)
    return Episode(
        id=eid,
        title=eid,
        language=language,
        transcript=Transcript(text=text, segments=segments),
    )


def seed_pages() -> list[Episode]:
    episodes: list[Episode] = []
    for path in sorted((SHARED / "seeds").glob("0*.txt")):
        episodes += read_path(path)[1]
    return episodes


def time_one(episode: Episode, runs: int = 9) -> list[float]:
    condense_episode(episode, CONFIG)  # warm: lemma caches, imports
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        condense_episode(episode, CONFIG)
        times.append(time.perf_counter() - started)
    return times


def lexrank_seconds(episode: Episode) -> float | None:
    try:
        sys.path.insert(0, str(ROOT / "bench"))
        from condense_quality import METHODS, Item
    except ImportError:  # sumy and rouge-score are dev extras
        return None
    text = episode.transcript.text if episode.transcript else ""
    item = Item("seed-003", "en", [(None, t) for t in text.split("\n\n")], " ".join(["w"] * 100))
    started = time.perf_counter()
    METHODS["lexrank"](item)
    return time.perf_counter() - started


def main() -> int:
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: nothing to measure", file=sys.stderr)
        return 1
    long = seed_transcript()
    words = len(long.transcript.text.split()) if long.transcript else 0
    times = time_one(long)
    print(f"One transcript of {words:,} words, median of {len(times)} warm runs, one core:")
    print(f"  castdigest extractive: {1000 * statistics.median(times):.0f} ms")
    lexrank = lexrank_seconds(long)
    if lexrank is not None:
        print(f"  sumy LexRank (same sentences, for scale): {1000 * lexrank:.0f} ms")

    pool = seed_pages() + eval_transcripts(limit=20)
    mixed = [
        pool[i % len(pool)].model_copy(update={"id": f"{pool[i % len(pool)].id}-{i}"})
        for i in range(1000)
    ]
    kinds = Counter(
        "transcript"
        if ep.transcript and not ep.takeaways
        else "takeaways"
        if ep.takeaways
        else "chapters"
        if ep.chapters
        else "abstract/title"
        for ep in mixed
    )
    started = time.perf_counter()
    for ep in mixed:
        condense_episode(ep, CONFIG)
    elapsed = time.perf_counter() - started
    mix = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    print(f"1,000 mixed episodes ({mix}):")
    print(f"  {elapsed:.1f} s in all, {1000 * elapsed / len(mixed):.1f} ms per episode")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
