"""How close condensed takeaways come to human summaries: ROUGE-1/2/L against baselines.

Sets (see ../shared/eval/README.md): QMSum validation (English meetings, summary of the whole
meeting), VCSum short dev (Chinese meeting segments, ROUGE on characters) and seed 003 (an
English video transcript against the page's own "Key Takeaways").

Every method gets the same transcript text and the same budget: the length of the reference
in words (CJK characters count one half, as everywhere in castdigest), and every output is cut
to that budget before scoring. Baselines: lead (first sentences) and sumy's LexRank, LSA and
Luhn, fed sentences from castdigest's splitter and words from a plain tokenizer (sumy's own
English tokenizer needs NLTK data that is not installed). Transcriber annotations such as
QMSum's `{disfmarker}` are removed for every method alike; fillers and stutters are left in,
since cleaning them is part of the method being measured. The oracle picks, greedily, the
sentences that score best against the reference itself: the ceiling for extraction.

    .venv/bin/python bench/condense_quality.py            # all sets, full
    .venv/bin/python bench/condense_quality.py --limit 10 --sets qmsum
"""

# ruff: noqa: E402  (thread limits must be set before numpy is imported)
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core, and the same SVD results run after run

import argparse
import itertools
import json
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from rouge_score import rouge_scorer
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.utils import get_stop_words

from castdigest.condense import ExtractiveCondenser, condense_episode
from castdigest.config import CondenseConfig
from castdigest.models import Episode, Segment, Transcript
from castdigest.text.sentences import split_sentences
from castdigest.text.truncate import count_words, truncate

ROOT = Path(__file__).resolve().parents[1]
FAILURES: dict[str, int] = {}  # documents on which a baseline raised
SHARED = ROOT.parent / "shared"
_ANNOTATION = re.compile(r"\{[a-z]+\}|\s+(?=[,.?!])")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Item:
    name: str
    language: str
    turns: list[tuple[str | None, str]]  # (speaker, text)
    reference: str

    @property
    def budget(self) -> float:
        return count_words(self.reference)

    @property
    def sentences(self) -> list[str]:
        return [s for _, text in self.turns for s in split_sentences(text)]


# ------------------------------------------------------------------------------ sets


def qmsum(limit: int | None, file: str = "qmsum-val.jsonl") -> list[Item]:
    items = []
    lines = (SHARED / "eval" / file).read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines[:limit]):
        row = json.loads(line)
        turns = [
            (t["speaker"], _ANNOTATION.sub("", t["content"]).strip())
            for t in row["meeting_transcripts"]
        ]
        turns = [(s, t) for s, t in turns if t]
        items.append(Item(f"qmsum-{i}", "en", turns, row["general_query_list"][0]["answer"]))
    return items


def vcsum(limit: int | None) -> list[Item]:
    items = []
    lines = (SHARED / "eval" / "vcsum-short-dev.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines[:limit]:
        row = json.loads(line)
        speakers = row.get("speaker") or []
        turns = [
            (f"S{speakers[j]}" if j < len(speakers) else None, "".join(para))
            for j, para in enumerate(row["context"])
        ]
        items.append(Item(f"vcsum-{row['id']}", "zh", turns, row["discussion"]))
    return items


def seed003(limit: int | None) -> list[Item]:
    path = next((SHARED / "seeds").glob("003_*.txt"))
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index("Key Takeaways")
    reference = []
    for line in lines[at + 1 :]:
        if not line.startswith("- "):
            break
        reference.append(line[2:])
    start = lines.index("Full Transcript") + 1
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("More from"))
    turns: list[tuple[str | None, str]] = [(None, t) for t in lines[start:end] if t.strip()]
    return [Item("seed-003", "en", turns, " ".join(reference))]


SETS: dict[str, Callable[[int | None], list[Item]]] = {
    "qmsum": qmsum,
    "vcsum": vcsum,
    "seed003": seed003,
}

# ------------------------------------------------------------------------------ methods


def castdigest(item: Item, condenser: ExtractiveCondenser | None = None) -> str:
    segments = [Segment(text=t, speaker=s) for s, t in item.turns]
    episode = Episode(
        id=item.name,
        title=item.name,
        language=item.language,
        transcript=Transcript(text="\n\n".join(t for _, t in item.turns), segments=segments),
    )
    out = condense_episode(
        episode,
        CondenseConfig(),
        max_words=max(1, round(item.budget)),
        condenser=condenser or ExtractiveCondenser(),
    )
    return " ".join(t.text.rstrip("…") for t in out.takeaways)


def lead(item: Item) -> str:
    out: list[str] = []
    words = 0.0
    for sentence in item.sentences:
        if words >= item.budget:
            break
        out.append(sentence)
        words += count_words(sentence)
    return " ".join(out)


class _Tokenizer:
    """What sumy needs of a tokenizer: words of a sentence (CJK: character bigrams)."""

    _WORD = re.compile(r"[\u4e00-\u9fff]+|[^\W_]+(?:'[^\W_]+)?")

    def __init__(self, language: str) -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        words: list[str] = []
        for run in self._WORD.findall(sentence):
            if _HAN.match(run):
                words += [run[i : i + 2] for i in range(max(1, len(run) - 1))]
            else:
                words.append(run)
        return tuple(words)


class _BudgetCount:
    """sumy calls `count(infos)` with sentences best first: keep them until the budget is full."""

    def __init__(self, budget: float) -> None:
        self.budget = budget

    def __call__(self, infos: Iterable[Any]) -> list[Any]:
        kept, words = [], 0.0
        for info in infos:
            if words >= self.budget:
                break
            kept.append(info)
            words += count_words(str(info.sentence))
        return kept


def _sumy(factory: Callable[[str], Any]) -> Callable[[Item], str]:
    def run(item: Item) -> str:
        tokenizer = _Tokenizer(item.language)
        sentences = [Sentence(s, tokenizer) for s in item.sentences]
        document = ObjectDocumentModel([Paragraph(sentences)])
        summarizer = factory(item.language)
        try:
            picked = summarizer(document, _BudgetCount(item.budget))
        except np.linalg.LinAlgError:  # LSA's SVD may not converge: count it, score it empty
            FAILURES[item.name] = FAILURES.get(item.name, 0) + 1
            return ""
        return " ".join(str(s) for s in picked)

    return run


def _configured(cls: type, language: str) -> Any:
    if language == "en":
        summarizer = cls(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
    else:
        summarizer = cls()
    return summarizer


def oracle(item: Item) -> str:
    """The extractive upper bound: greedily the sentences that most raise ROUGE-1 + ROUGE-2
    F1 against the reference itself, within the budget (a ceiling, not a method)."""
    tokenize = scorer(item.language)._tokenizer.tokenize
    ref = [tokenize(item.reference)]
    want = [Counter(ref[0]), Counter(itertools.pairwise(ref[0]))]
    sentences = item.sentences
    grams = []
    for sentence in sentences:
        toks = tokenize(sentence)
        grams.append((Counter(toks), Counter(itertools.pairwise(toks))))
    have = [Counter[Any](), Counter[Any]()]
    picked: list[int] = []
    words, best = 0.0, 0.0
    while True:
        choice, gain = -1, best
        for i, (one, two) in enumerate(grams):
            if i in picked or words + count_words(sentences[i]) > item.budget * 1.2:
                continue
            score = _f1(have[0] + one, want[0]) + _f1(have[1] + two, want[1])
            if score > gain:
                choice, gain = i, score
        if choice < 0:
            break
        picked.append(choice)
        best = gain
        words += count_words(sentences[choice])
        have = [have[0] + grams[choice][0], have[1] + grams[choice][1]]
    return " ".join(sentences[i] for i in sorted(picked))


def _f1(got: Counter[Any], want: Counter[Any]) -> float:
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


METHODS: dict[str, Callable[[Item], str]] = {
    "castdigest": castdigest,
    "lead": lead,
    "lexrank": _sumy(lambda lang: _configured(LexRankSummarizer, lang)),
    "lsa": _sumy(lambda lang: _configured(LsaSummarizer, lang)),
    "luhn": _sumy(lambda lang: _configured(LuhnSummarizer, lang)),
    "oracle": oracle,
}

# ------------------------------------------------------------------------------ scoring


class _CharTokenizer:
    """ROUGE on characters for Chinese: every Han character and every Latin word a token."""

    _TOKEN = re.compile(r"[\u4e00-\u9fff]|[a-z0-9]+")

    def tokenize(self, text: str) -> list[str]:
        return self._TOKEN.findall(text.lower())


def scorer(language: str) -> rouge_scorer.RougeScorer:
    kinds = ["rouge1", "rouge2", "rougeL"]
    if language == "zh":
        return rouge_scorer.RougeScorer(kinds, tokenizer=_CharTokenizer())
    return rouge_scorer.RougeScorer(kinds, use_stemmer=True)


def evaluate(items: list[Item], methods: dict[str, Callable[[Item], str]]) -> dict[str, Any]:
    """Mean F1 (x100) per method and metric, the share of the reference's words and word pairs
    recovered (ROUGE-1 and ROUGE-2 recall x100), and seconds spent per method."""
    kinds = ("rouge1", "rouge2", "rougeL", "recall1", "recall2", "seconds")
    totals = {m: dict.fromkeys(kinds, 0.0) for m in methods}
    for item in items:
        rouge = scorer(item.language)
        for name, method in methods.items():
            started = time.perf_counter()
            summary = truncate(method(item), item.budget, ellipsis="")
            totals[name]["seconds"] += time.perf_counter() - started
            scores = rouge.score(item.reference, summary)
            for kind in ("rouge1", "rouge2", "rougeL"):
                totals[name][kind] += 100 * scores[kind].fmeasure / len(items)
            totals[name]["recall1"] += 100 * scores["rouge1"].recall / len(items)
            totals[name]["recall2"] += 100 * scores["rouge2"].recall / len(items)
    return totals


def table(title: str, totals: dict[str, Any], count: int) -> str:
    lines = [
        f"{title} ({count} document(s))",
        "",
        "| method | ROUGE-1 | ROUGE-2 | ROUGE-L | mean | recovered R-1 | recovered R-2 | seconds |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, t in totals.items():
        mean = (t["rouge1"] + t["rouge2"] + t["rougeL"]) / 3
        lines.append(
            f"| {name} | {t['rouge1']:.2f} | {t['rouge2']:.2f} | {t['rougeL']:.2f} | "
            f"{mean:.2f} | {t['recall1']:.2f} | {t['recall2']:.2f} | {t['seconds']:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="at most this many documents per set")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ",".join(SETS))
    parser.add_argument("--methods", default=",".join(METHODS), help="comma-separated methods")
    parser.add_argument(
        "--method",
        choices=("extractive", "llm"),
        default="extractive",
        help="llm: the configured endpoint's condenser instead (bench/condense_llm.py): ROUGE, "
        "verified quotes, unsupported takeaways, fallbacks, tokens and seconds",
    )
    parser.add_argument("--config", help="with --method llm: castdigest.toml holding [llm]")
    args = parser.parse_args(argv)
    if args.method == "llm":
        import condense_llm  # bench/, beside this script

        forwarded = ["--sets", args.sets] + (["--limit", str(args.limit)] if args.limit else [])
        return condense_llm.main(forwarded + (["--config", args.config] if args.config else []))
    if not (SHARED / "eval").is_dir():
        print(f"{SHARED / 'eval'} is absent: nothing to measure", file=sys.stderr)
        return 1
    warnings.filterwarnings("ignore", module="sumy")  # LSA warns on short documents
    methods = {m: METHODS[m] for m in args.methods.split(",")}
    means: dict[str, list[float]] = {m: [] for m in methods}
    for name in args.sets.split(","):
        items = SETS[name](args.limit)
        totals = evaluate(items, methods)
        print(table(name, totals, len(items)), end="\n\n", flush=True)
        for m, t in totals.items():
            means[m].append((t["rouge1"] + t["rouge2"] + t["rougeL"]) / 3)
    if FAILURES:
        print(f"Baseline failures (scored as empty): {FAILURES}\n")
    print("Average over sets of the mean of ROUGE-1/2/L F1:")
    print("")
    print("| method | " + " | ".join(args.sets.split(",")) + " | average |")
    print("|---|" + "---:|" * (len(means[next(iter(means))]) + 1))
    for m, values in means.items():
        cells = " | ".join(f"{v:.2f}" for v in values)
        print(f"| {m} | {cells} | {sum(values) / len(values):.2f} |")
    print(closed(means, args.sets.split(",")))
    return 0


def closed(means: dict[str, list[float]], sets: list[str]) -> str:
    """Per set, the share of the distance from the best baseline to the oracle that
    castdigest closes (when all three were measured)."""
    baselines = [m for m in means if m not in ("castdigest", "oracle")]
    if "castdigest" not in means or "oracle" not in means or not baselines:
        return ""
    lines = ["", "Distance from the best baseline to the oracle closed by castdigest:", ""]
    for i, name in enumerate(sets):
        base = max(means[m][i] for m in baselines)
        ours, top = means["castdigest"][i], means["oracle"][i]
        share = (ours - base) / (top - base) if top > base else 0.0
        lines.append(f"- {name}: {ours:.2f} against {base:.2f} to {top:.2f}: {100 * share:.0f} %")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
