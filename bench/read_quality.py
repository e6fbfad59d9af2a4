"""Read quality: how many saved pages castdigest reads right, and whether it knows when not.

    .venv/bin/python bench/read_quality.py ../shared/pages-dev            # summary
    .venv/bin/python bench/read_quality.py ../shared/pages-dev --verbose  # and per file
    .venv/bin/python bench/read_quality.py DIR --json                     # figures as JSON
    .venv/bin/python bench/read_quality.py tests/data/pages               # the reader corpus

DIR holds either pages and a `truth.json` keyed by file name (the layout of ../shared/pages-dev;
see its README), or one folder per case, each with one `input.*` file and its `expected.json`
(an entry of the same schema; the layout of tests/data/pages, see its README). Each file is
ingested alone into a fresh temporary archive with the real CLI (`castdigest ingest FILE --db
TMP --json`, then `castdigest episodes --db TMP --json`, through click's CliRunner), and what
was stored is compared with the truth. An entry's `as_of` (ISO time), when given, is passed as
`--as-of`, so that relative dates ("3 days ago") read the same on every run.

What counts as right:

- Text is compared after normalising: Unicode NFKC, case folded, punctuation and symbols
  dropped, whitespace collapsed. Two texts *match* when normalised they are equal or their
  difflib ratio is at least 0.9 (`TITLE_RATIO`).
- A *title* is right when it matches the truth's `title`, one of its `alt_titles` or its
  `title_line`. Where the truth's title is null (the page shows none), a title is right only
  when the reader did not invent one: it is empty, or the file name as words (the readers'
  documented last resort), or the truth's `title_from_url`.
- Read episodes are paired with expected ones first by title (each used once), the rest in
  page order (the order of `sources[].position`). The *episode count* is right when both
  counts are equal.
- A *chapter* is captured when a chapter of the paired episode has a matching title and a
  start within 1 s (`START_SLACK`) of the truth's `[start, title]` (any start, or none, when
  the truth's start is null: the page shows no time). When the truth gives only
  `n_chapters` (untimed chapters), min(read, expected) count as captured.
- *Takeaways* and *quotes*: the truth of pages-dev gives counts only (`n_takeaways`,
  `n_quotes`), so min(read, expected) count as captured. When a truth episode lists texts
  (`takeaways` / `quotes`: lists of strings), one is captured when a read item's text has a
  ratio of at least 0.85 with it (`ITEM_RATIO`), each read item used once.
- A file is *read wholly right* when it did not fail, its episode count is right and every
  expected episode has a right title, every chapter, takeaway and quote captured, and no more
  chapters, takeaways or quotes than expected.
- A file is *flagged* when ingest exited non-zero, reported a warning or an error for it, or
  stored an episode with `needs_review` true or non-empty `review_reasons` (fields read when
  present in the JSON). *Silent garbage*: a file not read wholly right that was not flagged.
  *False alarm*: a file read wholly right that was flagged anyway. A truth entry with
  `"flagged": true` (a page with no title, or too ambiguous to read with confidence) expects a
  flag: read without one it is silent garbage however it was read, and flagged it is no alarm.
  So does a truth whose one episode has `"title": null` (the page shows no title), unless
  it was read as a transcript or chapters file, which has none by its kind.
- Also shown, not part of "wholly right": published dates (the truth's ISO date, `--MM-DD`
  for month and day only, or a year alone) and durations (within 60 s of `duration_s` or
  `duration_s_data`) of paired episodes, out of those the truth gives.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import unicodedata
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from castdigest.cli import cli
from castdigest.readers.registry import UNTITLED_FORMATS

TITLE_RATIO = 0.9
ITEM_RATIO = 0.85
START_SLACK = 1.0
DURATION_SLACK = 60.0


# --------------------------------------------------------------------------- comparing


def normalise(text: str | None) -> str:
    """NFKC, case folded, without punctuation or symbols, whitespace collapsed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    kept = (" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text)
    return " ".join("".join(kept).split())


def similar(a: str | None, b: str | None, ratio: float = TITLE_RATIO) -> bool:
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return na == nb
    return na == nb or SequenceMatcher(None, na, nb, autojunk=False).ratio() >= ratio


def stem_words(name: str) -> str:
    stem = name.rsplit(".", 1)[0]
    return stem.replace("_", " ").replace("-", " ").strip()


def title_right(read: str | None, truth: dict[str, Any], file_name: str) -> bool:
    expected = truth.get("title")
    if expected is None:
        allowed = [stem_words(file_name), truth.get("title_from_url")]
        return not normalise(read) or any(similar(read, a) for a in allowed if a)
    forms = [expected, *(truth.get("alt_titles") or []), truth.get("title_line")]
    return any(similar(read, form) for form in forms if form)


def pair_episodes(
    read: list[dict[str, Any]], truth: list[dict[str, Any]], file_name: str
) -> list[dict[str, Any] | None]:
    """For each expected episode, the read episode it is compared with (or None)."""
    pairs: list[dict[str, Any] | None] = [None] * len(truth)
    free = list(range(len(read)))
    for i, want in enumerate(truth):
        for j in free:
            if want.get("title") is not None and title_right(read[j].get("title"), want, file_name):
                pairs[i] = read[j]
                free.remove(j)
                break
    for i in range(len(truth)):
        if pairs[i] is None and free:
            pairs[i] = read[free.pop(0)]
    return pairs


def chapters_captured(read: dict[str, Any] | None, truth: dict[str, Any]) -> int:
    got = (read or {}).get("chapters") or []
    timed = truth.get("chapters") or []
    if not timed:
        return min(len(got), int(truth.get("n_chapters") or 0))
    used: set[int] = set()
    count = 0
    for start, title in timed:
        for k, chapter in enumerate(got):
            at = chapter.get("start")
            if k in used or not _same_start(at, start):
                continue
            if similar(chapter.get("title"), title):
                used.add(k)
                count += 1
                break
    return count


def _same_start(read: Any, expected: Any) -> bool:
    """Within `START_SLACK`; a chapter the page shows untimed (null) matches by title alone."""
    if expected is None:
        return True
    return read is not None and abs(float(read) - float(expected)) <= START_SLACK


def _texts(items: list[Any]) -> list[str]:
    return [i if isinstance(i, str) else str(i.get("text", "")) for i in items]


def items_captured(read: dict[str, Any] | None, truth: dict[str, Any], kind: str) -> int:
    """Takeaways or quotes captured: by text when the truth lists them, else by count."""
    got = _texts((read or {}).get(kind) or [])
    listed = truth.get(kind)
    if not isinstance(listed, list):
        return min(len(got), int(truth.get(f"n_{kind}") or 0))
    free = list(range(len(got)))
    count = 0
    for want in _texts(listed):
        for k in free:
            if similar(got[k], want, ITEM_RATIO):
                free.remove(k)
                count += 1
                break
    return count


def expected_items(truth: dict[str, Any], kind: str) -> int:
    listed = truth.get(kind)
    if kind != "chapters" and isinstance(listed, list):
        return len(listed)
    return int(truth.get(f"n_{kind}") or 0)


def date_right(read: dict[str, Any] | None, expected: str) -> bool:
    got = str((read or {}).get("published") or "")[:10]
    if expected.startswith("--"):
        return got[4:10] == expected[1:]
    return got[: len(expected)] == expected if got else False


def duration_right(read: dict[str, Any] | None, truth: dict[str, Any]) -> bool:
    got = (read or {}).get("duration")
    wanted = [truth.get("duration_s"), truth.get("duration_s_data")]
    return got is not None and any(
        w is not None and abs(float(got) - float(w)) <= DURATION_SLACK for w in wanted
    )


def _untitled(truth: dict[str, Any]) -> bool:
    """A page that shows no title for its one episode: its title can only be made up (from
    the file name), which a reader should say, as the corpus's `"flagged": true` does. A
    transcript or chapters file has no title by its kind, and is not expected to say so."""
    episodes = truth.get("episodes") or []
    return len(episodes) == 1 and "title" in episodes[0] and episodes[0]["title"] is None


def flagged_episode(ep: dict[str, Any]) -> bool:
    return bool(ep.get("needs_review")) or bool(ep.get("review_reasons"))


# --------------------------------------------------------------------------- scoring


@dataclass
class FileScore:
    name: str
    format: str = ""  # the reader ingest chose
    exit_code: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    needs_review: bool = False
    episodes_expected: int = 0
    episodes_read: int = 0
    titles_expected: int = 0
    titles_right: int = 0
    chapters: tuple[int, int] = (0, 0)  # captured, expected
    takeaways: tuple[int, int] = (0, 0)
    quotes: tuple[int, int] = (0, 0)
    extra_items: int = 0  # chapters, takeaways or quotes read beyond those expected
    dates: tuple[int, int] = (0, 0)
    durations: tuple[int, int] = (0, 0)
    wrong_titles: list[tuple[str | None, str | None]] = field(default_factory=list)
    flag_expected: bool = False  # the truth says the right outcome is a flag

    @property
    def count_right(self) -> bool:
        return self.episodes_read == self.episodes_expected

    @property
    def wholly_right(self) -> bool:
        return (
            self.error is None
            and self.count_right
            and self.titles_right == self.titles_expected
            and all(got == want for got, want in (self.chapters, self.takeaways, self.quotes))
            and self.extra_items == 0
        )

    @property
    def flagged(self) -> bool:
        return self.exit_code != 0 or bool(self.warnings) or self.needs_review

    @property
    def silent_garbage(self) -> bool:
        return not self.flagged and (not self.wholly_right or self.flag_expected)

    @property
    def false_alarm(self) -> bool:
        return self.wholly_right and self.flagged and not self.flag_expected


def _add(a: tuple[int, int], got: int, want: int) -> tuple[int, int]:
    return a[0] + got, a[1] + want


def score_file(
    name: str,
    truth: dict[str, Any],
    read: list[dict[str, Any]],
    report: dict[str, Any] | None = None,
    exit_code: int = 0,
    file_name: str | None = None,
) -> FileScore:
    """Compare the episodes read from one file (in page order) with its truth entry. `name`
    is what the file is shown as; `file_name` (default: `name`) the name the reader saw."""
    report = report or {}
    file_name = file_name or name
    expected = truth.get("episodes") or []
    score = FileScore(
        name=name,
        format=str(report.get("format") or ""),
        exit_code=exit_code,
        error=report.get("error"),
        warnings=list(report.get("warnings") or []),
        needs_review=any(flagged_episode(ep) for ep in read) or flagged_episode(report),
        episodes_expected=len(expected),
        episodes_read=len(read),
        titles_expected=len(expected),
        flag_expected=truth.get("flagged") is True
        or (_untitled(truth) and report.get("format") not in UNTITLED_FORMATS),
    )
    for want, got in zip(expected, pair_episodes(read, expected, file_name), strict=True):
        if got is not None and title_right(got.get("title"), want, file_name):
            score.titles_right += 1
        else:
            score.wrong_titles.append(((got or {}).get("title"), want.get("title")))
        for kind in ("chapters", "takeaways", "quotes"):
            n_want = expected_items(want, kind)
            n_got = (
                chapters_captured(got, want)
                if kind == "chapters"
                else items_captured(got, want, kind)
            )
            setattr(score, kind, _add(getattr(score, kind), n_got, n_want))
            score.extra_items += max(0, len((got or {}).get(kind) or []) - n_want)
        if want.get("published"):
            score.dates = _add(score.dates, date_right(got, str(want["published"])), 1)
        if want.get("duration_s") is not None or want.get("duration_s_data") is not None:
            score.durations = _add(score.durations, duration_right(got, want), 1)
    return score


def ingest_one(
    path: Path, as_of: str | None = None
) -> tuple[int, dict[str, Any], list[dict[str, Any]]]:
    """(exit code, the file's ingest report, its episodes in page order), via the CLI."""
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "read-quality.db")
        pinned = ["--as-of", as_of] if as_of else []
        done = runner.invoke(cli, ["ingest", str(path), "--db", db, "--json", *pinned])
        reports = _json_list(done.stdout)
        report = reports[0] if reports else {"error": (done.output or "").strip() or "no output"}
        listed = runner.invoke(cli, ["episodes", "--db", db, "--json"])
        episodes = _json_list(listed.stdout)
    episodes.sort(key=_position)
    return done.exit_code, report, episodes


def _json_list(output: str) -> list[dict[str, Any]]:
    start = output.find("[")
    try:
        data = json.loads(output[start:]) if start >= 0 else []
    except json.JSONDecodeError:
        return []
    return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []


def _position(ep: dict[str, Any]) -> int:
    sources = ep.get("sources") or [{}]
    return int(sources[0].get("position") or 0)


@dataclass
class Case:
    name: str  # the file name (truth.json layout) or the case folder's name
    path: Path  # the page to ingest
    truth: dict[str, Any]


def load_cases(folder: Path) -> list[Case]:
    """The pages of `folder` with their truth: a flat folder with a truth.json, or a folder of
    case folders (an `input.*` file and `expected.json` each). Case folders that lack either,
    or hold several inputs, are skipped."""
    truth_file = folder / "truth.json"
    if truth_file.is_file():
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        return [Case(name, folder / name, truth[name]) for name in sorted(truth)]
    cases = []
    for case in sorted(p for p in folder.iterdir() if p.is_dir()):
        expected = case / "expected.json"
        inputs = sorted(case.glob("input.*"))
        if expected.is_file() and len(inputs) == 1:
            truth = json.loads(expected.read_text(encoding="utf-8"))
            cases.append(Case(case.name, inputs[0], truth))
    return cases


def score_case(case: Case) -> FileScore:
    as_of = case.truth.get("as_of")
    exit_code, report, episodes = ingest_one(case.path, str(as_of) if as_of else None)
    return score_file(case.name, case.truth, episodes, report, exit_code, case.path.name)


def score_folder(folder: Path) -> list[FileScore]:
    return [score_case(case) for case in load_cases(folder)]


def summary(scores: list[FileScore]) -> dict[str, Any]:
    def total(attr: str) -> list[int]:
        pairs = [getattr(s, attr) for s in scores]
        return [sum(p[0] for p in pairs), sum(p[1] for p in pairs)]

    titles = [sum(s.titles_right for s in scores), sum(s.titles_expected for s in scores)]
    return {
        "files": len(scores),
        "titles_right": titles,
        "episode_count_right": [sum(s.count_right for s in scores), len(scores)],
        "wholly_right": [sum(s.wholly_right for s in scores), len(scores)],
        "chapters": total("chapters"),
        "takeaways": total("takeaways"),
        "quotes": total("quotes"),
        "published": total("dates"),
        "durations": total("durations"),
        "failed": sum(s.error is not None for s in scores),
        "flagged": sum(s.flagged for s in scores),
        "silent_garbage": sum(s.silent_garbage for s in scores),
        "false_alarms": sum(s.false_alarm for s in scores),
    }


def _line(score: FileScore) -> str:
    verdict = "right" if score.wholly_right else ("GARBAGE" if score.silent_garbage else "flagged")
    parts = [
        f"{score.name} ({score.format or '?'}): {verdict}",
        f"episodes {score.episodes_read}/{score.episodes_expected}",
        f"titles {score.titles_right}/{score.titles_expected}",
        f"chapters {score.chapters[0]}/{score.chapters[1]}",
        f"takeaways {score.takeaways[0]}/{score.takeaways[1]}",
        f"quotes {score.quotes[0]}/{score.quotes[1]}",
    ]
    if score.extra_items:
        parts.append(f"{score.extra_items} extra items")
    if score.error:
        parts.append(f"error: {score.error}")
    if score.warnings:
        parts.append(f"{len(score.warnings)} warnings")
    text = ", ".join(parts)
    for got, want in score.wrong_titles[:3]:
        text += f"\n    title {got!r}, expected {want!r}"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder",
        type=Path,
        help="pages and their truth.json, or case folders (input.*, expected.json)",
    )
    parser.add_argument("--json", action="store_true", help="print figures (and files) as JSON")
    parser.add_argument("--verbose", action="store_true", help="one line per file")
    args = parser.parse_args()
    if not args.folder.is_dir():
        parser.exit(2, f"{args.folder}: not a folder\n")
    cases = load_cases(args.folder)
    if not cases:
        parser.exit(
            2, f"{args.folder}: no truth.json and no case folders (input.*, expected.json)\n"
        )
    scores = [score_case(case) for case in cases]
    figures = summary(scores)
    if args.json:
        files = [
            {
                **{k: v for k, v in asdict(s).items() if k != "flag_expected"},
                "wholly_right": s.wholly_right,
                "silent_garbage": s.silent_garbage,
            }
            for s in scores
        ]
        json.dump({"summary": figures, "files": files}, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return
    if args.verbose:
        for score in scores:
            print(_line(score))
        print()
    for key, value in figures.items():
        shown = f"{value[0]}/{value[1]}" if isinstance(value, list) else str(value)
        print(f"{key.replace('_', ' '):<22} {shown}")


if __name__ == "__main__":
    main()
