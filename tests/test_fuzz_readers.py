"""Fuzzing the readers: mutated inputs of every format never raise anything but ReadError.

Each case is a seed (tests/fuzz_corpus.py: one per reader format, plus the bundled samples and
the ../shared inputs when present) with deterministic mutations. For each case:

- `read_document` returns episodes or raises ReadError, nothing else;
- every episode it returns is valid: `Episode.model_validate(ep.model_dump())` (a model built
  in code, strict) and the JSON the archive stores both give the episode back;
- the memory the read allocates (tracemalloc's peak, once the language model is loaded)
  stays under a bound.

A few hundred cases run in the suite; `make fuzz` runs CASTDIGEST_FUZZ_CASES of them (20,000)
and prints the slowest and hungriest inputs (figures only: nothing here is timed).
"""

from __future__ import annotations

import os
import time
import tracemalloc
from dataclasses import dataclass, field
from datetime import UTC, datetime

from castdigest.errors import ReadError
from castdigest.models import Episode
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.registry import READERS, decode, read_document
from castdigest.text.language import detect_language
from conftest import AS_OF, SAMPLES, SHARED
from fuzz_corpus import SEEDS, Case, cases, extra_seeds, seed_names

CASES = int(os.environ.get("CASTDIGEST_FUZZ_CASES", "360"))
# Reading may cost a few times the document (text, parse tree, episodes) and a fixed amount
# for the parsers themselves; a case that needs more has a leak or a blow-up.
FIXED_BYTES = 48_000_000
PER_INPUT_BYTE = 40


@dataclass
class Outcome:
    case: Case
    seconds: float
    peak: int
    result: str  # the format read, or "ReadError"


@dataclass
class Campaign:
    outcomes: list[Outcome] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def _all_seeds() -> dict[str, bytes]:
    seeds = dict(SEEDS)
    folders = [SAMPLES / "pages", SAMPLES / "feeds"]
    folders += [SHARED / name for name in ("fixtures", "seeds", "pages-dev")]
    seeds.update(extra_seeds(*folders))
    return seeds


def _read(case: Case) -> tuple[str, list[Episode]]:
    """Read one case: the format read (or "ReadError") and the episodes. Lets any other
    exception through."""
    try:
        text, note = decode(case.name, case.data)
        doc = Document(location=case.name, data=case.data, text=text, decode_note=note)
        return read_document(doc, ReadContext(as_of=AS_OF))
    except ReadError:
        return "ReadError", []


def _check(episodes: list[Episode]) -> None:
    for ep in episodes:
        assert Episode.model_validate(ep.model_dump()) == ep, "model_validate round trip differs"
        assert Episode.model_validate_json(ep.model_dump_json()) == ep, "JSON round trip differs"


def _run(case: Case) -> tuple[Outcome | None, str | None]:
    """Read one case, measuring the read alone, then check what it gave."""
    about = f"case {case.number} ({case.seed}, {case.mutation})"
    tracemalloc.start()
    start = time.perf_counter()
    try:
        result, episodes = _read(case)
    except Exception as exc:  # what the property is about
        return None, f"{about}: {type(exc).__name__}: {str(exc)[:160]}"
    finally:
        seconds = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    try:
        _check(episodes)
    except Exception as exc:
        return None, f"{about}: {type(exc).__name__}: {str(exc)[:160]}"
    bound = FIXED_BYTES + PER_INPUT_BYTE * len(case.data)
    if peak > bound:
        return None, f"{about}: peak {peak:,} > {bound:,}"
    return Outcome(case, seconds, peak, result), None


def _campaign(count: int) -> Campaign:
    detect_language("a sentence to load the language model before anything is measured")
    campaign = Campaign()
    for case in cases(count, _all_seeds()):
        outcome, failure = _run(case)
        if outcome:
            campaign.outcomes.append(outcome)
        if failure:
            campaign.failures.append(failure)
    return campaign


def _report(campaign: Campaign) -> None:
    """The figures `make fuzz` prints: totals, then the slowest and hungriest inputs."""
    outcomes = campaign.outcomes
    read = sum(o.result != "ReadError" for o in outcomes)
    total = sum(o.seconds for o in outcomes)
    print(f"\n{len(outcomes) + len(campaign.failures)} cases in {total:.1f} s of reading:")
    print(f"  {read} read, {len(outcomes) - read} refused with ReadError,")
    print(f"  {len(campaign.failures)} broke a property")
    for title, key in (("slowest", "seconds"), ("most memory", "peak")):
        print(f"{title}:")
        worst = sorted(outcomes, key=lambda o: getattr(o, key), reverse=True)[:8]
        for o in worst:
            print(
                f"  case {o.case.number:>6} {o.seconds:7.2f} s {o.peak / 1e6:7.1f} MB"
                f" {len(o.case.data) / 1e3:8.1f} KB  {o.case.seed} ({o.case.mutation})"
                f" -> {o.result}"
            )


def test_every_reader_format_has_a_seed_read_as_that_format() -> None:
    names = seed_names()
    formats = set()
    for seed, data in SEEDS.items():
        text, _ = decode(names[seed], data)
        ctx = ReadContext(as_of=datetime(2026, 11, 24, tzinfo=UTC))
        fmt, episodes = read_document(Document(names[seed], data, text), ctx)
        assert episodes, seed
        assert ctx.warnings == [], seed
        formats.add(fmt)
    assert formats == {reader.name for reader in READERS}


def test_mutated_inputs_raise_only_read_error_and_give_valid_episodes() -> None:
    campaign = _campaign(CASES)
    if "CASTDIGEST_FUZZ_CASES" in os.environ:
        _report(campaign)
    assert not campaign.failures, "\n".join(campaign.failures[:20])
    # The mutations leave much readable, and refuse some: both paths are exercised.
    results = {o.result for o in campaign.outcomes}
    assert "ReadError" in results
    assert len(results - {"ReadError"}) >= 10
