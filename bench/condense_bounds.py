"""Time and peak memory of condensing inputs far larger than an episode usually is.

Cases, each generated deterministically (seeded) and run in a process of its own, so that its
peak resident memory (ru_maxrss) is its own:

- a 50,000-word transcript without any punctuation (one turn, as a speech-to-text tool without
  punctuation gives it);
- a 100 KB and a 1 MB page: a title and paragraphs of punctuated sentences, written to a file
  and read by the reader `castdigest condense FILE` uses, then condensed;
- a 1 MB page on one narrow topic (only the 45 words of the short text below): every
  sentence shares words with every other, the worst case for a sentence similarity graph.

Words come from a bigram chain over the words of ../shared/seeds when it is there (realistic
vocabulary and word frequencies, no sentence of it reproduced), else from a small built-in
vocabulary. Each case is condensed once untraced (time, ru_maxrss) and once under tracemalloc
(peak of Python allocations, numpy's included). One core: BLAS threads are limited to 1.

    .venv/bin/python bench/condense_bounds.py               # all cases
    .venv/bin/python bench/condense_bounds.py --untraced    # no tracemalloc run
"""

# ruff: noqa: E402  (thread limits must be set before numpy is imported)
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import itertools
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from castdigest.models import Episode

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CASES = {
    "speech-50k": "50,000-word transcript, no punctuation",
    "page-100k": "100 KB page",
    "page-1m": "1 MB page",
    "page-1m-narrow": "1 MB page, one narrow topic",
}
_FALLBACK = (
    "the team moved release work to agents last spring and now a release takes forty "
    "minutes instead of two days because the agents watch the pipeline at night so nobody "
    "has to babysit it while the storage cluster and the queue service grow every month"
).split()
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def chain() -> dict[str, list[str]]:
    """Which word follows which, over the seed pages' words (lower-cased)."""
    words: list[str] = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        words += [w.lower() for w in _WORD.findall(path.read_text(encoding="utf-8"))]
    words = words or _FALLBACK
    follows: dict[str, list[str]] = defaultdict(list)
    for a, b in itertools.pairwise(words):
        follows[a].append(b)
    return follows


def walk(follows: dict[str, list[str]], rng: random.Random, count: int) -> list[str]:
    """`count` words along the chain, jumping to a random word where it ends."""
    keys = sorted(follows)
    word = rng.choice(keys)
    out: list[str] = []
    while len(out) < count:
        out.append(word)
        nxt = follows.get(word)
        word = rng.choice(nxt) if nxt else rng.choice(keys)
    return out


def speech(words: int) -> str:
    return " ".join(walk(chain(), random.Random(50), words))


def page(chars: int, narrow: bool = False) -> str:
    follows, rng = chain(), random.Random(1)
    if narrow:
        follows = {a: _FALLBACK for a in _FALLBACK}
    lines = ["Episode 214: What the week held", ""]
    size = 0
    while size < chars:
        sentences = []
        for _ in range(rng.randint(3, 8)):
            words = walk(follows, rng, rng.randint(8, 30))
            sentences.append(" ".join(words).capitalize() + rng.choice(".....?!"))
        lines += [" ".join(sentences), ""]
        size += len(lines[-2]) + 2
    return "\n".join(lines)


def episodes(case: str, folder: Path) -> tuple[list[Episode], float]:
    """The case's episodes, and the seconds reading them took (0 for a built transcript)."""
    from castdigest.models import Episode, Transcript
    from castdigest.readers.registry import read_path

    if case == "speech-50k":
        text = speech(50_000)
        return [Episode(id="s", title="Talk", language="en", transcript=Transcript(text=text))], 0.0
    path = folder / "page.txt"
    size = 100_000 if case == "page-100k" else 1_000_000
    path.write_text(page(size, narrow=case.endswith("narrow")), encoding="utf-8")
    started = time.perf_counter()
    found = read_path(path)[1]
    return list(found), time.perf_counter() - started


def run_case(case: str, traced: bool) -> dict[str, object]:
    """Condense one case in this process: seconds, ru_maxrss and tracemalloc peak."""
    from castdigest.condense import condense_episode
    from castdigest.config import CondenseConfig

    settings = CondenseConfig()
    with tempfile.TemporaryDirectory() as tmp:
        eps, read_s = episodes(case, Path(tmp))
    words = sum(len(e.transcript.text.split()) if e.transcript else 0 for e in eps)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out: dict[str, object] = {"case": case, "words": words, "read_s": round(read_s, 2)}
    started = time.perf_counter()
    try:
        results = [condense_episode(e, settings) for e in eps]
        out["takeaways"] = sum(len(r.takeaways) for r in results)
    except RecursionError:
        out["error"] = "RecursionError"
    out["seconds"] = round(time.perf_counter() - started, 2)
    out["rss_before_mb"] = round(rss_before / 1024)
    out["rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    if traced and "error" not in out:
        tracemalloc.start()
        for e in eps:
            condense_episode(e, settings)
        out["traced_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
    return out


def main() -> None:
    untraced = "--untraced" in sys.argv  # no tracemalloc run (slow where memory runs away)
    if len(sys.argv) >= 3 and sys.argv[1] == "--case":
        print(json.dumps(run_case(sys.argv[2], not untraced)))
        return
    print(
        "| case | words | read s | condense s | RSS before condensing, MB | peak RSS, MB "
        "| tracemalloc peak, MB | takeaways |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for case, label in CASES.items():
        proc = subprocess.run(
            [sys.executable, __file__, "--case", case, *(["--untraced"] if untraced else [])],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode:
            print(f"| {label} | failed: {proc.stderr.strip().splitlines()[-1:]} |")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        shown = r.get("takeaways", r.get("error"))
        print(
            f"| {label} | {r['words']:,} | {r['read_s']} | {r['seconds']} | {r['rss_before_mb']} "
            f"| {r['rss_mb']} | {r.get('traced_peak_mb', '-')} | {shown} |"
        )


if __name__ == "__main__":
    main()
