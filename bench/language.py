"""Would pycld2 answer as py3langid does? Language identification on the test corpora.

Reads every file of ../shared (fixtures, seeds, pages-dev) with castdigest's readers and takes,
per episode, the sample `detect_language` is given (abstract, else transcript, else title),
cut as it cuts it, plus the transcripts of ../shared/eval. Each sample is identified by
`text.language.detect_language` (script rules, then py3langid) and by the same script rules
then pycld2 (py3langid when CLD2 is not reliable). Prints agreement and CPU time of each.
pycld2 is not a dependency: `pip install pycld2` to run this.

    .venv/bin/python bench/language.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pycld2

from castdigest.errors import CastdigestError
from castdigest.readers.registry import read_path
from castdigest.text import language
from castdigest.text.language import detect_language

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def samples() -> list[str]:
    out: list[str] = []
    for folder in ("fixtures", "seeds", "pages-dev"):
        for path in sorted((SHARED / folder).rglob("*")):
            if not path.is_file() or path.name == "README.md":
                continue
            try:
                _, episodes = read_path(path)
            except CastdigestError:
                continue
            for ep in episodes:
                text = ep.abstract or (ep.transcript.text if ep.transcript else None) or ep.title
                if text:
                    out.append(text)
    for path in sorted((SHARED / "eval").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines()[:200]:
            record = json.loads(line)
            text = next((v for v in record.values() if isinstance(v, str) and len(v) > 200), "")
            if text:
                out.append(text)
    return out


def with_cld2(text: str) -> str | None:
    """`detect_language` with CLD2 in py3langid's place."""
    sample = text[: language._SAMPLE]
    by_script = detect_language(sample) if not sample.isascii() else None
    if by_script in ("ko", "ja", "zh"):
        return by_script
    try:
        reliable, _, found = pycld2.detect(sample)
    except pycld2.error:
        return detect_language(sample)
    code = found[0][1]
    if not reliable or code in ("un", "xx"):
        return detect_language(sample)
    return code.split("-")[0]


def main() -> None:
    texts = samples()
    detect_language("warm up the model")
    t0 = time.process_time()
    ours = [detect_language(t) for t in texts]
    t1 = time.process_time()
    cld = [with_cld2(t) for t in texts]
    t2 = time.process_time()
    same = sum(a == b for a, b in zip(ours, cld, strict=True))
    share = 100 * same / len(texts)
    print(f"{len(texts)} samples: pycld2 agrees with py3langid on {same} ({share:.1f}%)")
    ms_ours, ms_cld = 1000 * (t1 - t0), 1000 * (t2 - t1)
    print(f"py3langid path: {ms_ours:.0f} ms CPU; pycld2 path: {ms_cld:.0f} ms CPU")
    differ = [(a, b, t[:60]) for a, b, t in zip(ours, cld, texts, strict=True) if a != b]
    for a, b, head in differ[:10]:
        print(f"  py3langid {a} / pycld2 {b}: {head!r}")


if __name__ == "__main__":
    main()
