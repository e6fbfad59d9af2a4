"""bench/read_quality.py: its comparisons, and its scores on a tiny folder of pages."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any


def test_normalise_and_similar(rq: ModuleType) -> None:
    assert rq.normalise("  “Harbor”  Notes —\u00a0Ep. 12!  ") == "harbor notes ep 12"
    assert rq.normalise("ＴＩＤＥＳ") == "tides"  # NFKC: full-width letters
    assert rq.similar("The Tide Tables of Spring", "The Tide Tables of Spring.")
    assert rq.similar("Reading a tide table", "Reading a tide tabel")  # ratio 0.95
    assert not rq.similar("Reading a tide table", "Reading the ledger")
    assert not rq.similar("", "Anything") and rq.similar(None, "")


def test_title_right(rq: ModuleType) -> None:
    truth = {"title": "Tides | Harbor Notes", "alt_titles": ["Tides"], "title_line": None}
    assert rq.title_right("tides", truth, "a.txt")
    assert rq.title_right("Tides | Harbor Notes", truth, "a.txt")
    assert not rq.title_right("Harbor Notes", truth, "a.txt")
    untitled = {"title": None, "title_from_url": "016 Sobre suites"}
    assert rq.title_right("12 harbor page", untitled, "12_harbor-page.txt")  # the file name
    assert rq.title_right("016 sobre suites", untitled, "x.txt")
    assert rq.title_right("", untitled, "x.txt")
    assert not rq.title_right("Back to index", untitled, "x.txt")  # invented from chrome


def test_chapters_takeaways_quotes(rq: ModuleType) -> None:
    read = {
        "chapters": [
            {"start": 0.0, "title": "Welcome"},
            {"start": 95.4, "title": "Reading a tide table."},
            {"start": 300.0, "title": "Ledgers"},
        ],
        "takeaways": ["Tide tables start at the datum line.", "Count boats weekly"],
        "quotes": [{"text": "The tide never lies."}],
    }
    truth = {
        "chapters": [[0, "Welcome"], [95, "Reading a tide table"], [200, "Ledgers"]],
        "n_chapters": 3,
        "takeaways": ["Tide tables start at the datum line", "Paint the hulls in May"],
        "n_quotes": 2,
    }
    assert rq.chapters_captured(read, truth) == 2  # "Ledgers" starts 100 s off
    assert rq.chapters_captured(read, {"n_chapters": 1}) == 1  # untimed: by count
    assert rq.items_captured(read, truth, "takeaways") == 1
    assert rq.items_captured(read, truth, "quotes") == 1  # by count: 1 read of 2
    assert rq.expected_items(truth, "takeaways") == 2


def test_score_file_verdicts(rq: ModuleType) -> None:
    truth: dict[str, Any] = {
        "episodes": [
            {"title": "First talk", "n_chapters": 0, "n_takeaways": 0, "n_quotes": 0},
            {"title": "Second talk", "n_chapters": 0, "n_takeaways": 0, "n_quotes": 0},
        ]
    }
    right = [{"title": "Second talk"}, {"title": "First talk"}]  # paired by title
    score = rq.score_file("p.txt", truth, right)
    assert (score.titles_right, score.wholly_right, score.flagged) == (2, True, False)
    alarm = rq.score_file("p.txt", truth, right, {"warnings": ["line 3: odd date"]})
    assert (alarm.false_alarm, alarm.silent_garbage) == (True, False)
    wrong = [{"title": "Menu"}, {"title": "Second talk"}]
    garbage = rq.score_file("p.txt", truth, wrong)
    assert (garbage.titles_right, garbage.silent_garbage) == (1, True)
    marked = [{"title": "Menu", "needs_review": True}, {"title": "Second talk"}]
    assert not rq.score_file("p.txt", truth, marked).silent_garbage
    reasons = [{"title": "Menu", "review_reasons": ["title looks like navigation"]}]
    one = rq.score_file("p.txt", truth, reasons)
    assert (one.count_right, one.flagged, one.silent_garbage) == (False, True, False)


VTT = """WEBVTT

00:00:00.000 --> 00:00:04.000
Welcome back to the harbor, where the tide tables never lie.

00:00:04.000 --> 00:00:09.000
Today we count every boat that came in this spring.
"""

INFO = {
    "id": "qR7sT1uV2wX",
    "title": "Harbor Notes: tides and ledgers",
    "channel": "Harbor Notes",
    "upload_date": "20240315",
    "duration": 1834,
    "webpage_url": "https://www.youtube.com/watch?v=qR7sT1uV2wX",
    "chapters": [
        {"start_time": 0.0, "end_time": 95.0, "title": "Welcome"},
        {"start_time": 95.0, "end_time": 1834.0, "title": "Reading a tide table"},
    ],
    "extractor_key": "Youtube",
}


def write_folder(folder: Path) -> None:
    (folder / "harbor-talk_7.vtt").write_text(VTT, encoding="utf-8")
    (folder / "Harbor Notes [qR7sT1uV2wX].info.json").write_text(json.dumps(INFO), "utf-8")
    (folder / "notes.md").write_text(
        "---\ntitle: Tides and ledgers\nshow: Harbor Notes\n---\n\nWe count the boats.\n", "utf-8"
    )
    none = {"n_chapters": 0, "n_takeaways": 0, "n_quotes": 0}
    truth = {
        "harbor-talk_7.vtt": {"episodes": [{"title": None, **none}]},
        "Harbor Notes [qR7sT1uV2wX].info.json": {
            "episodes": [
                {
                    "title": "Harbor Notes: tides and ledgers",
                    "published": "2024-03-15",
                    "duration_s": 1834,
                    "chapters": [[0, "Welcome"], [95, "Reading a tide table"], [600, "Ledgers"]],
                    "n_chapters": 3,
                    "n_takeaways": 0,
                    "n_quotes": 0,
                }
            ]
        },
        "notes.md": {
            "episodes": [
                {"title": "Tides and ledgers", **none},
                {"title": "Boats of the spring", **none},
            ]
        },
    }
    (folder / "truth.json").write_text(json.dumps(truth), encoding="utf-8")


def test_scores_of_a_tiny_folder(rq: ModuleType, tmp_path: Path) -> None:
    write_folder(tmp_path)
    scores = {s.name: s for s in rq.score_folder(tmp_path)}
    vtt = scores["harbor-talk_7.vtt"]
    assert (vtt.titles_right, vtt.wholly_right, vtt.flagged) == (1, True, False)
    info = scores["Harbor Notes [qR7sT1uV2wX].info.json"]
    assert (info.titles_right, info.chapters, info.dates, info.durations) == (
        1,
        (2, 3),
        (1, 1),
        (1, 1),
    )
    assert info.silent_garbage  # a chapter missed, nothing said
    notes = scores["notes.md"]
    assert (notes.episodes_read, notes.count_right, notes.silent_garbage) == (1, False, True)
    assert notes.wrong_titles == [(None, "Boats of the spring")]  # one episode of two read
    assert rq.summary(list(scores.values())) == {
        "files": 3,
        "titles_right": [3, 4],
        "episode_count_right": [2, 3],
        "wholly_right": [1, 3],
        "chapters": [2, 3],
        "takeaways": [0, 0],
        "quotes": [0, 0],
        "published": [1, 1],
        "durations": [1, 1],
        "failed": 0,
        "flagged": 0,
        "silent_garbage": 2,
        "false_alarms": 0,
    }


def test_case_folders_and_expected_flags(rq: ModuleType, tmp_path: Path) -> None:
    """A folder of case folders (input.* + expected.json) is scored like a truth.json folder;
    a case whose truth expects a flag is never a false alarm, and unflagged it is garbage."""
    none = {"n_chapters": 0, "n_takeaways": 0, "n_quotes": 0}
    for name, truth in {
        "a_titled": {"episodes": [{"title": "Tides and ledgers", **none}], "flagged": False},
        "b_untitled": {"episodes": [{"title": None, **none}], "flagged": True},
    }.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "expected.json").write_text(json.dumps(truth), encoding="utf-8")
        md = "---\ntitle: Tides and ledgers\nshow: Harbor Notes\n---\n\nWe count the boats.\n"
        (tmp_path / name / "input.md").write_text(md, encoding="utf-8")
    (tmp_path / "c_no_truth").mkdir()  # skipped: no expected.json
    (tmp_path / "c_no_truth" / "input.txt").write_text("Anything\n", encoding="utf-8")
    cases = rq.load_cases(tmp_path)
    assert [(c.name, c.path.name) for c in cases] == [
        ("a_titled", "input.md"),
        ("b_untitled", "input.md"),
    ]
    titled, untitled = rq.score_folder(tmp_path)
    assert (titled.wholly_right, titled.silent_garbage) == (True, False)
    assert (untitled.titles_right, untitled.silent_garbage) == (0, True)
    flagged = rq.score_file(
        "b",
        {"episodes": [{"title": None, **none}], "flagged": True},
        [{"title": None, "needs_review": True}],
    )
    assert (flagged.wholly_right, flagged.flagged, flagged.false_alarm) == (True, True, False)
    unflagged = rq.score_file(
        "b", {"episodes": [{"title": None, **none}], "flagged": True}, [{"title": None}]
    )
    assert (unflagged.wholly_right, unflagged.silent_garbage) == (True, True)
