"""Learn the extractive condenser's weights on training material only: QMSum train.

../shared/eval/qmsum-train.jsonl (162 meetings, whole-meeting summaries) is never scored by
bench/condense_quality.py, whose sets (QMSum validation, VCSum dev, seed 003) are the test
sets and are measured once, with the weights this script chose. The search is coordinate
ascent: from the current `Weights`, each weight in turn takes the value of its grid that
gives the best mean of ROUGE-1/2/L F1 over the training meetings (a change must gain at least
`--margin` points to be kept), for `--passes` passes. It prints every trial and the weights
chosen; copying them into `condense/extractive.py` is left to the reader of the figures.

    .venv/bin/python bench/condense_tune.py                  # all 162 meetings, one pass
    .venv/bin/python bench/condense_tune.py --limit 40 --passes 2
"""

# ruff: noqa: E402  (thread limits must be set before numpy is imported)
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from castdigest.condense.extractive import DEFAULT, Weights
from castdigest.text.truncate import truncate
from condense_quality import SHARED, Item, castdigest, qmsum, scorer

TRAIN = "qmsum-train.jsonl"
# Each weight's grid: the values tried (the current value is always tried as well).
GRID: dict[str, tuple[float, ...]] = {
    "clause": (0.0, 0.2, 0.5),
    "lead": (0.0, 0.1, 0.3),
    "points_back": (0.0, 0.3, 0.6),
    "context": (0.0, 0.3, 0.6),
    "meta": (0.0, 0.5, 1.0),
    "spoken_claim": (0.0, 0.1, 0.3),
    "noise": (0.25, 0.5, 1.0),
    "short": (0.3, 0.6, 1.0),
    "mmr": (0.5, 0.7, 0.9),
}


def score(items: list[Item], weights: Weights) -> float:
    """Mean over `items` of the mean of ROUGE-1/2/L F1 (x100)."""
    rouge = scorer("en")
    total = 0.0
    for item in items:
        summary = truncate(castdigest(item, weights), item.budget, ellipsis="")
        result = rouge.score(item.reference, summary)
        total += sum(100 * result[k].fmeasure for k in ("rouge1", "rouge2", "rougeL")) / 3
    return total / max(1, len(items))


def search(items: list[Item], start: Weights, passes: int, margin: float) -> Weights:
    best, best_score = start, score(items, start)
    print(f"start: {best_score:.3f}", flush=True)
    for number in range(passes):
        changed = False
        for name, grid in GRID.items():
            current = getattr(best, name)
            for value in sorted(set(grid) - {current}):
                trial = dataclasses.replace(best, **{name: value})
                started = time.perf_counter()
                result = score(items, trial)
                took = time.perf_counter() - started
                print(f"pass {number + 1} {name}={value}: {result:.3f} ({took:.0f} s)", flush=True)
                if result > best_score + margin:
                    best, best_score, changed = trial, result, True
            print(f"  {name} -> {getattr(best, name)} ({best_score:.3f})", flush=True)
        if not changed:
            break
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="at most this many training meetings")
    parser.add_argument("--passes", type=int, default=1)
    parser.add_argument("--margin", type=float, default=0.02, help="least gain kept (points)")
    args = parser.parse_args(argv)
    if not (SHARED / "eval" / TRAIN).is_file():
        print(f"{SHARED / 'eval' / TRAIN} is absent: nothing to learn from", file=sys.stderr)
        return 1
    items = qmsum(args.limit, TRAIN)
    print(f"{len(items)} training meetings ({TRAIN}); never scored by condense_quality.py")
    chosen = search(items, DEFAULT, args.passes, args.margin)
    print("\nChosen weights (changed from the defaults):")
    for field in dataclasses.fields(Weights):
        old, new = getattr(DEFAULT, field.name), getattr(chosen, field.name)
        mark = "" if old == new else f"   (was {old})"
        print(f"  {field.name} = {new}{mark}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
