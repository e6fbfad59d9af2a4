"""The language-model condenser on the quality sets, against the configured [llm] endpoint.

Prints, per set: ROUGE-1/2/L of the takeaways (cut to the reference's length, as in
condense_quality.py), the verified-quote rate (quotes the model gave that were found in the
transcript), the unsupported-takeaway rate (takeaways dropped by verification), the fallback
rate (episodes that got the extractive result), tokens in and out, and seconds. Anchor figures
on QMSum: GPT-3.5-turbo-16k ROUGE-1/2/L 30.2/7.2/19.3 (L-Eval); the extractive condenser
27.0/4.5/15.5. Without a configured endpoint it says so and exits 0.

    CASTDIGEST_LLM_MODEL=llama3.1:8b .venv/bin/python bench/condense_llm.py --limit 5
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

from castdigest.condense import Budget
from castdigest.config import CondenseConfig, load_settings
from castdigest.errors import ConfigError
from castdigest.llm.check import check
from castdigest.llm.condense import EpisodeReport, LLMCondenser
from castdigest.models import Episode, Segment, Transcript
from castdigest.text.truncate import truncate
from condense_quality import SETS, Item, scorer

TAKEAWAY_DROPS = ("unsupported", "number-not-in-evidence", "unknown-evidence")


def episode(item: Item) -> Episode:
    segments = [Segment(text=t, speaker=s) for s, t in item.turns]
    return Episode(
        id=item.name,
        title=item.name,
        language=item.language,
        transcript=Transcript(text="\n\n".join(t for _, t in item.turns), segments=segments),
    )


def run_set(name: str, items: list[Item], condenser: LLMCondenser) -> str:
    totals: Counter[str] = Counter()
    rouge_sum = dict.fromkeys(("rouge1", "rouge2", "rougeL"), 0.0)
    for item in items:
        budget = Budget.from_settings(CondenseConfig(), max_words=max(1, round(item.budget)))
        started = time.perf_counter()
        result, report = condenser.condense_reported(episode(item), budget)
        totals["seconds"] += time.perf_counter() - started
        summary = truncate(" ".join(t.text for t in result.takeaways), item.budget, ellipsis="")
        scores = scorer(item.language).score(item.reference, summary)
        for kind in rouge_sum:
            rouge_sum[kind] += 100 * scores[kind].fmeasure / len(items)
        _count(totals, report)
    return _table(name, len(items), rouge_sum, totals)


def _count(totals: Counter[str], report: EpisodeReport) -> None:
    totals["fallbacks"] += report.fallback is not None
    totals["quotes_ok"] += report.verified["quotes"]
    totals["quotes_bad"] += report.dropped["quote-not-in-source"]
    totals["takeaways_ok"] += report.verified["takeaways"]
    totals["takeaways_bad"] += sum(report.dropped[k] for k in TAKEAWAY_DROPS)
    totals["tokens_in"] += report.usage.prompt_tokens
    totals["tokens_out"] += report.usage.completion_tokens


def _rate(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def _table(name: str, count: int, rouge: dict[str, float], t: Counter[str]) -> str:
    quotes = t["quotes_ok"] + t["quotes_bad"]
    takeaways = t["takeaways_ok"] + t["takeaways_bad"]
    return "\n".join(
        [
            f"{name} ({count} document(s))",
            f"  ROUGE-1/2/L: {rouge['rouge1']:.1f}/{rouge['rouge2']:.1f}/{rouge['rougeL']:.1f}",
            f"  verified-quote rate: {_rate(t['quotes_ok'], quotes)} of {quotes}",
            f"  unsupported-takeaway rate: {_rate(t['takeaways_bad'], takeaways)} of {takeaways}",
            f"  fallback rate: {_rate(t['fallbacks'], count)}",
            f"  tokens: {t['tokens_in']} in, {t['tokens_out']} out",
            f"  seconds: {t['seconds']:.1f}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="at most this many documents per set")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ",".join(SETS))
    parser.add_argument(
        "--config", help="castdigest.toml holding [llm] (default: ./castdigest.toml)"
    )
    args = parser.parse_args(argv)
    try:
        config = load_settings(args.config).llm
    except ConfigError as exc:
        print(f"no usable [llm] settings: {exc}; nothing measured")
        return 0
    if not config.model:
        print(
            "no language-model endpoint configured ([llm] model, or CASTDIGEST_LLM_BASE_URL and "
            "CASTDIGEST_LLM_MODEL): nothing measured"
        )
        return 0
    found = check(config)
    if not found.ok:
        print(f"the endpoint {config.base_url} is not usable: {'; '.join(found.problems)}")
        print("nothing measured")
        return 0
    condenser = LLMCondenser(config)
    for name in args.sets.split(","):
        print(run_set(name, SETS[name](args.limit), condenser))
        print()
    print("anchor (QMSum, L-Eval): GPT-3.5-turbo-16k 30.2/7.2/19.3; extractive 27.0/4.5/15.5")
    return 0


if __name__ == "__main__":
    sys.exit(main())
