"""Render throughput: one digest to out/, and 1,000 personalised emails of it.

Uses the synthetic digest of the render tests (tests/render_sample.py): a 12-item digest over
three topics with two earlier digests as feed history, and a 60-item digest that needs
trimming. Prints wall times (median of several runs) and peak memory; asserts nothing. An
email rendered anew and the baseline are timed alternately (`--pairs` of each, process time,
so that both meet the same load): the ratio printed is the median of the pairs' ratios. Two
such emails are timed: one more reader's (the template, MJML, inlining and text part done
again, on the digest's view parts made once per digest, as a send does for every reader whose
email is not a copy of the kept one), and a digest's first (its view parts made too).

    .venv/bin/python bench/render.py                 # 1,000 variants
    .venv/bin/python bench/render.py --variants 200
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import mjml

from castdigest.pipeline.publish import publish
from castdigest.render import email
from castdigest.render.email import EMAIL_TEMPLATE, _render, render_email
from castdigest.render.templates import render
from castdigest.render.view import build_view, clean_digest
from render_sample import TOPICS, big_digest, history, settings


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def alternate(
    base: Callable[[], object], new: Callable[[], object], pairs: int
) -> tuple[float, float, float]:
    """Median process time of `base` and of `new`, timed one after the other `pairs` times
    (after one untimed call of each), and the median of the pairs' ratios."""
    base()
    new()
    timed: list[tuple[float, float]] = []
    for _ in range(pairs):
        start = time.process_time()
        base()
        middle = time.process_time()
        new()
        timed.append((middle - start, time.process_time() - middle))
    ratios = [n / b for b, n in timed if b > 0]
    return (
        statistics.median(b for b, _ in timed),
        statistics.median(n for _, n in timed),
        statistics.median(ratios),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=60, help="baseline/render pairs timed")
    args = parser.parse_args()
    config = settings()
    digest = big_digest(12)
    past = history()
    big = big_digest(60)
    slugs = [slug for slug, _, _ in TOPICS]

    # The baseline: the template engines alone on the same template, view built beforehand.
    view = build_view(clean_digest(digest), config)

    def engines() -> object:
        return mjml.mjml2html(render(config, EMAIL_TEMPLATE, d=view), fonts={})

    def first() -> object:
        email._parts_kept.clear()
        return _render(digest, config, None, None, None, None)

    baseline, one_email, ratio = alternate(
        engines, lambda: _render(digest, config, None, None, None, None), args.pairs
    )
    _, first_email, first_ratio = alternate(engines, first, args.pairs)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        first = time.perf_counter()
        publish(digest, config, out, past)
        cold = time.perf_counter() - first
        warm = median_seconds(lambda: publish(digest, config, out, past), args.runs)
    trimmed = render_email(big, config)
    big_email = median_seconds(lambda: render_email(big, config), args.runs)

    start = time.perf_counter()
    sizes = []
    for n in range(args.variants):
        topics = None if n % 4 == 0 else [slugs[n % 3], slugs[(n + 1) % 3]][: 1 + n % 2]
        r = render_email(
            digest,
            config,
            topics=topics,
            recipient_name=f"Reader {n}",
            unsubscribe_url=f"https://digest.example.org/u/{n:06d}?sig=abcdef",
        )
        sizes.append(len(r.html.encode()))
    variants = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    kb_trimmed = len(trimmed.html.encode()) / 1000
    each = variants / args.variants * 1000
    print(f"baseline, jinja2 + mjml-python alone:  {baseline * 1000:8.1f} ms CPU")
    print(f"an email rendered anew, 12 items:      {one_email * 1000:8.1f} ms CPU"
          f" ({ratio:.2f}x the baseline, median of {args.pairs} pairs; target 3x)")  # fmt: skip
    print(f"a digest's first email (view parts too): {first_email * 1000:6.1f} ms CPU"
          f" ({first_ratio:.2f}x the baseline)")  # fmt: skip
    print(f"publish to out/ (email, site, feeds): {cold * 1000:8.1f} ms first,"
          f" {warm * 1000:.1f} ms again")  # fmt: skip
    print(f"render_email, 60 items, trimmed:      {big_email * 1000:8.1f} ms"
          f" ({trimmed.trimmed} items trimmed, {kb_trimmed:.1f} KB)")  # fmt: skip
    print(f"{args.variants} personalised emails (target 1.5 s): {variants:8.2f} s"
          f" ({each:.1f} ms each, {args.variants / variants:.0f}/s,"
          f" HTML {min(sizes) / 1000:.1f}-{max(sizes) / 1000:.1f} KB)")  # fmt: skip
    print(f"peak memory:                          {peak:8.1f} MiB")


if __name__ == "__main__":
    main()
