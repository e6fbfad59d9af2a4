"""Learn the extractive condenser's weights for speech on training material only: QMSum train.

../shared/eval/qmsum-train.jsonl (162 meetings, whole-meeting summaries) is never scored by
bench/condense_quality.py, whose sets (QMSum validation, VCSum dev, seed 003) are the test
sets and are measured once, with the weights this script chose. The search is coordinate
ascent over the transcript weights (`extractive.SPOKEN`): each weight in turn takes the value
of its grid that gives the best mean of ROUGE-1/2/L F1 over the first `--fit` training
meetings (a change must gain at least `--margin` points to be kept), for `--passes` passes;
the other training meetings then check the weights chosen against the current ones, to tell
learning from fitting. Candidates and the parts of relevance that no weight changes are built
once per meeting, so a trial costs the picking only (seconds, not minutes). It prints every
weight's choice and the weights chosen; copying them into `condense/extractive.py` is left to
the reader of the figures.

    .venv/bin/python bench/condense_tune.py                  # fit on 100 meetings, check on 62
    .venv/bin/python bench/condense_tune.py --fit 120 --passes 3
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
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from castdigest.condense.base import Budget
from castdigest.condense.core import ExtractiveCondenser, _Pools
from castdigest.condense.extractive import SPOKEN, Features, Marks, Weights, components, weigh
from castdigest.models import Episode
from castdigest.text.truncate import truncate
from condense_quality import SHARED, Item, castdigest, qmsum, scorer

TRAIN = "qmsum-train.jsonl"
# Each weight's grid: the values tried (the current value is always tried as well).
GRID: dict[str, tuple[float, ...]] = {
    "centroid": (0.0, 0.5, 1.0, 1.5),
    "lexrank": (0.0, 0.25, 0.5, 1.0),
    "info": (0.0, 0.1, 0.3),
    "density": (0.0, 0.25, 0.5, 1.0),
    "signature": (0.5, 1.0, 1.5, 2.0),
    "noise": (0.0, 0.25, 0.5, 1.0),
    "lead": (0.0, 0.1, 0.3),
    "clause": (0.0, 0.2, 0.5),
    "question": (0.0, 0.5, 1.0),
    "points_back": (0.0, 0.3, 0.6),
    "context": (0.0, 0.3, 0.6),
    "meta": (0.0, 0.25, 0.5, 1.0),
    "claim": (0.0, 0.1, 0.3),
    "short": (0.3, 0.6, 1.0),
    "mmr": (0.5, 0.6, 0.7, 0.8, 0.9),
    "duplicate": (0.4, 0.55, 0.7),
    "zones": (0.0, 0.5, 1.0),
    "specific": (0.0, 0.5, 1.0, 1.5),
    "dialogue": (0.0, 1.0, 2.0, 3.0),
}


class Kept(ExtractiveCondenser):
    """The condenser, keeping each meeting's candidates and unweighted parts of relevance
    across trials: only the weighting and the picking are done again."""

    def __init__(self) -> None:
        super().__init__()
        self.pools: dict[str, _Pools] = {}
        self.parts: dict[tuple[object, ...], tuple[Any, dict[str, Any]]] = {}

    def pools_for(self, episode: Episode, budget: Budget, language: str | None) -> _Pools:
        key = f"{episode.id} {budget.max_words}"
        if key not in self.pools:
            self.pools[key] = super().pools_for(episode, budget, language)
        return self.pools[key]

    def features(
        self, texts: Sequence[str], language: str | None, marks: Marks, weights: Weights
    ) -> Features:
        # Two weights change the parts themselves: they are part of the key.
        key = (tuple(texts), language, weights.signature_norm, weights.ideal_words)
        if key not in self.parts:
            self.parts[key] = components(texts, language, marks, weights=weights)
        matrix, parts = self.parts[key]
        return Features(matrix, weigh(parts, weights, len(texts)))


KEPT = Kept()


def score(items: list[Item], weights: Weights) -> float:
    """Mean over `items` of the mean of ROUGE-1/2/L F1 (x100)."""
    rouge = scorer("en")
    total = 0.0
    KEPT.spoken = weights
    for item in items:
        summary = truncate(castdigest(item, KEPT), item.budget, ellipsis="")
        result = rouge.score(item.reference, summary)
        total += sum(100 * result[k].fmeasure for k in ("rouge1", "rouge2", "rougeL")) / 3
    return total / max(1, len(items))


def search(items: list[Item], start: Weights, passes: int, margin: float) -> Weights:
    best, best_score = start, score(items, start)
    print(f"start: {best_score:.3f}", flush=True)
    for number in range(passes):
        changed = False
        started = time.perf_counter()
        for name, grid in GRID.items():
            current = getattr(best, name)
            for value in sorted(set(grid) - {current}):
                trial = dataclasses.replace(best, **{name: value})
                result = score(items, trial)
                if result > best_score + margin:
                    best, best_score, changed = trial, result, True
            print(f"pass {number + 1}: {name} -> {getattr(best, name)} ({best_score:.3f})")
        print(f"pass {number + 1} took {time.perf_counter() - started:.0f} s", flush=True)
        if not changed:
            break
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fit", type=int, default=100, help="meetings fitted (the rest check)")
    parser.add_argument("--passes", type=int, default=1)
    parser.add_argument("--margin", type=float, default=0.02, help="least gain kept (points)")
    args = parser.parse_args(argv)
    if not (SHARED / "eval" / TRAIN).is_file():
        print(f"{SHARED / 'eval' / TRAIN} is absent: nothing to learn from", file=sys.stderr)
        return 1
    items = qmsum(None, TRAIN)
    fitted, checked = items[: args.fit], items[args.fit :]
    print(f"{len(items)} training meetings ({TRAIN}), never scored by condense_quality.py:")
    print(f"weights fitted on the first {len(fitted)}, checked on the other {len(checked)}")
    chosen = search(fitted, SPOKEN, args.passes, args.margin)
    if checked:
        print(f"check: {score(checked, SPOKEN):.3f} now, {score(checked, chosen):.3f} chosen")
    print("\nChosen weights for speech (changed from extractive.SPOKEN):")
    for field in dataclasses.fields(Weights):
        old, new = getattr(SPOKEN, field.name), getattr(chosen, field.name)
        mark = "" if old == new else f"   (was {old})"
        print(f"  {field.name} = {new}{mark}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
