"""The weekly job on a realistic week: `castdigest weekly --no-send`, cold and warm.

Generates a week's inputs in a temporary folder: 40 podcast RSS feeds of 50 items (one item a
week per feed, bench/ingest_feeds.py), 20 hour-long WebVTT transcripts (720 cues, two
speakers), and 3 saved channel listings (bench/ingest.py's generator), plus a config with four
topics. Then runs `castdigest weekly --no-send` in a child process twice on the same archive:
cold (an empty archive: everything is read, identified, stored, selected and rendered) and warm
(nothing changed since). The cache folder (text/cache.py: lemma dictionaries, the language
model) is kept between rounds, as it is between weeks on a user's machine; the first round
fills it, so the round-by-round savings leave it out; it also writes the modules' bytecode
caches, which a user's installed copy has. The machine is
shared, so the figure is the child's CPU time (user + system, from
`resource.getrusage(RUSAGE_CHILDREN)`), not wall time.

    .venv/bin/python bench/weekly.py                       # this tree, 3 rounds
    .venv/bin/python bench/weekly.py --other ../base/src   # alternate with another tree's code

With `--other`, each round runs the other tree then this one on fresh copies of the same
inputs, so both see the same load; the best (lowest) CPU figure of each is printed.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
AS_OF = "2026-11-21T12:00:00Z"  # in the week of the feeds' latest items

SPEAKERS = ("Ines Larkin", "Tomas Reeve")
TALK = (
    "so the agent reads the pull request and writes a review before anyone else looks "
    "we moved the inference cluster closer to the data and latency dropped by half "
    "the benchmark measures how often the model recovers from its own mistake "
    "every deploy goes through a sandbox first and the team sleeps better for it "
    "our customers wanted fewer dashboards and more answers in plain words "
    "the training run cost less than the evaluation we built around it "
    "memory is the part of the platform that nobody budgets for until it breaks "
    "a drone that maps a warehouse at night needs a model that fits on the device "
    "policy people asked for the eval results and we had nothing they could read"
).split()

CONFIG = """\
archive = "week.db"
out_dir = "out"

[newsletter]
name = "Bench Weekly"
site_url = "https://bench.example.org/"
language = "en"
sender = "Bench Weekly <digest@bench.example.org>"
postal_address = "Bench Weekly, 1 Test Road, 75000 Paris, France"
timezone = "Europe/Paris"
build_timestamp = "2026-11-21T12:00:00Z"

[[sources]]
path = "feeds/"

[[sources]]
path = "transcripts/"

[[sources]]
path = "pages/"

[[topics]]
slug = "agents"
name = "Agents"
keywords = ["agent", "review", "pull request", "sandbox", "modèle"]

[[topics]]
slug = "infrastructure"
name = "Infrastructure"
keywords = ["inference", "cluster", "latency", "compute", "deploy", "calcul"]

[[topics]]
slug = "research"
name = "Research"
keywords = ["benchmark", "dataset", "training", "eval", "recherche"]

[[topics]]
slug = "business"
name = "Business"
keywords = ["customer", "revenue", "market", "policy", "marché"]
"""


def _clock(seconds: float) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}"


def vtt(rng: random.Random, number: int, cues: int = 720) -> str:
    """An hour of conversation: `cues` cues of five seconds, speakers taking turns."""
    lines = ["WEBVTT", "", f"NOTE Bench episode {number}, generated.", ""]
    for i in range(cues):
        who = SPEAKERS[(i // 3) % 2]
        words = " ".join(rng.choice(TALK) for _ in range(14)).capitalize()
        lines += [f"{_clock(i * 5.0)} --> {_clock(i * 5.0 + 4.8)}", f"<v {who}>{words}.", ""]
    return "\n".join(lines)


def write_week(root: Path) -> int:
    """The week's inputs and config under `root`; returns the number of input files."""
    sys.path.insert(0, str(HERE))
    from ingest import listing  # bench/ingest.py, beside this file
    from ingest_feeds import write_feeds  # bench/ingest_feeds.py, beside this file

    rng = random.Random(18)
    for sub in ("feeds", "transcripts", "pages"):
        (root / sub).mkdir(parents=True)
    feeds = write_feeds(root / "feeds", 40, 50, rng)
    for i in range(20):
        path = root / "transcripts" / f"bench-talk-{i:02d}.vtt"
        path.write_text(vtt(rng, i), encoding="utf-8")
    for k, (start, count) in enumerate(((0, 5), (5, 5), (10, 6))):
        page = root / "pages" / f"listing{k}.txt"
        page.write_text(listing(rng, start, count, 20_000), encoding="utf-8")
    (root / "castdigest.toml").write_text(CONFIG, encoding="utf-8")
    return len(feeds) + 20 + 3


def run_weekly(week: Path, src: Path) -> float:
    """CPU seconds of one `castdigest weekly --no-send` in a child process."""
    env = dict(os.environ, PYTHONPATH=str(src), CASTDIGEST_CONFIG=str(week / "castdigest.toml"))
    # The cache folder (text/cache.py) is the machine's, kept between weeks: one folder for
    # every run here, filled by the first.
    env["CASTDIGEST_CACHE_DIR"] = str(week.parent / "cache")
    # An installed castdigest has its modules' bytecode cached, as does any run after the
    # first here: a shell that turns the caches off would add compiling every module anew
    # (0.3 s and more) to each run, of both trees alike.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-m", "castdigest", "weekly", "--no-send", "--as-of", AS_OF],
        cwd=week,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"weekly failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def out_files(week: Path) -> dict[str, bytes]:
    out = week / "out"
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def measure(template: Path, src: Path, scratch: Path) -> tuple[float, float, dict[str, bytes]]:
    """Cold and warm CPU seconds on a fresh copy of the inputs, and the out/ files."""
    if scratch.exists():
        shutil.rmtree(scratch)
    shutil.copytree(template, scratch)
    cold = run_weekly(scratch, src)
    warm = run_weekly(scratch, src)
    return cold, warm, out_files(scratch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--other", type=Path, help="another tree's src/ to alternate with")
    args = parser.parse_args()
    trees = [("other", args.other.resolve())] if args.other else []
    trees.append(("this", SRC))
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "week"
        files = write_week(template)
        size = sum(p.stat().st_size for p in template.rglob("*") if p.is_file())
        print(f"week: {files} input files, {size / 1e6:.1f} MB")
        best: dict[str, tuple[float, float]] = {}
        outs: dict[str, dict[str, bytes]] = {}
        paired: list[float] = []  # each round's saving: the two trees ran back to back
        for r in range(args.rounds):
            colds = {}
            for name, src in trees:
                cold, warm, outs[name] = measure(template, src, Path(tmp) / name)
                print(f"round {r + 1} {name}: cold {cold:.2f} s CPU, warm {warm:.2f} s CPU")
                c0, w0 = best.get(name, (cold, warm))
                best[name] = (min(c0, cold), min(w0, warm))
                colds[name] = cold
            if args.other and r > 0:  # round 1 also fills the lemma and language caches
                paired.append(100 * (1 - colds["this"] / colds["other"]))
        for name, (cold, warm) in best.items():
            print(f"best {name} ({dict(trees)[name]}): cold {cold:.2f} s, warm {warm:.2f} s CPU")
        if args.other:
            (c_old, w_old), (c_new, w_new) = best["other"], best["this"]
            saved = 100 * (1 - c_new / c_old)
            print(f"cold: {saved:.0f}% less CPU; warm {w_old:.2f} -> {w_new:.2f} s")
            if paired:
                rounds = ", ".join(f"{p:.0f}%" for p in paired)
                print(f"cold, round by round after the first: {rounds} less (median "
                      f"{statistics.median(paired):.0f}%)")  # fmt: skip
            print("out/ identical" if outs["other"] == outs["this"] else "out/ DIFFERS")


if __name__ == "__main__":
    main()
