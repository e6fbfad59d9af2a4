"""The reader corpus: one test per folder of tests/data/pages (see its README).

Each case's `input.*` is ingested alone into a fresh SQLite archive with the real CLI, as
bench/read_quality.py does (`ingest --json`, then `episodes --json`, `--as-of` pinned by the
case), and what was stored is compared with its `expected.json`:

- `"flagged": true`: the right outcome is a flag (exit 1, a warning, or an episode marked
  `needs_review`), whatever was read;
- `"flagged": false`: the read is not flagged and is wholly right as the bench counts it (episode
  count, titles, every chapter, takeaway and quote and none extra), and each episode's
  published date and language are the expected ones where given, its show is not another name
  (a site's or an app's name for the show's; a show not read at all is tolerated), and it has a
  transcript where the page has one. (A page without a transcript may still keep its text as
  one: the plain-text reader does. Guests, hosts, durations and numbers are recorded for the
  bench, not asserted.)

A new case is a new folder: no code.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "pages"
CASES = sorted(p for p in CORPUS.iterdir() if (p / "expected.json").is_file())


def test_the_corpus_is_there() -> None:
    assert CASES, f"no case folders in {CORPUS}"
    for case in CASES:
        assert len(list(case.glob("input.*"))) == 1, f"{case.name}: one input.* file"


def well_formed(truth: dict[str, Any]) -> list[str]:
    """What is wrong with an expected.json itself (the case's own mistakes)."""
    problems = []
    if not isinstance(truth.get("flagged"), bool):
        problems.append('"flagged" must be true or false')
    episodes = truth.get("episodes")
    if not isinstance(episodes, list) or truth.get("n_episodes") != len(episodes):
        problems.append('"n_episodes" must count "episodes"')
        return problems
    for i, ep in enumerate(episodes):
        chapters = ep.get("chapters")
        if chapters is not None and ep.get("n_chapters") != len(chapters):
            problems.append(f'episode {i}: "n_chapters" must count "chapters"')
        for kind in ("takeaways", "quotes"):
            if not isinstance(ep.get(kind), list):
                problems.append(f'episode {i}: "{kind}" must list the texts')
    return problems


def details_wrong(rq: ModuleType, want: dict[str, Any], got: dict[str, Any] | None) -> list[str]:
    """Date, language, show and transcript of one episode, where the truth gives them."""
    got = got or {}
    label = repr(want.get("title"))
    wrong = []
    shows = [want.get("show"), *(want.get("alt_shows") or [])]
    read_show = got.get("show")
    if want.get("show") and read_show and not any(rq.similar(read_show, s) for s in shows if s):
        wrong.append(f"{label}: show {read_show!r}, expected {want['show']!r}")
    if want.get("published") and not rq.date_right(got, str(want["published"])):
        wrong.append(f"{label}: published {got.get('published')!r}, expected {want['published']}")
    if want.get("language") and got.get("language") != want["language"]:
        wrong.append(f"{label}: language {got.get('language')!r}, expected {want['language']!r}")
    if want.get("has_transcript") and not got.get("transcript"):
        wrong.append(f"{label}: no transcript read")
    return wrong


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_page(rq: ModuleType, case: Path) -> None:
    truth = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert well_formed(truth) == []
    (source,) = case.glob("input.*")
    as_of = truth.get("as_of")
    exit_code, report, episodes = rq.ingest_one(source, str(as_of) if as_of else None)
    score = rq.score_file(case.name, truth, episodes, report, exit_code, source.name)
    if truth["flagged"]:
        assert score.flagged, f"a doubtful page read without a flag: {rq._line(score)}"
        return
    assert not score.flagged, f"a clear page flagged: {rq._line(score)}"
    assert score.wholly_right, rq._line(score)
    pairs = rq.pair_episodes(episodes, truth["episodes"], source.name)
    wrong = [
        problem
        for want, got in zip(truth["episodes"], pairs, strict=True)
        for problem in details_wrong(rq, want, got)
    ]
    assert wrong == []
