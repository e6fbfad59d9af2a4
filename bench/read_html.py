"""Reading HTML pages: the html-page reader against the plain-text path on the same files.

    .venv/bin/python bench/read_html.py ../shared/pages-dev     # every *.html in the folder

Each page is read with the html-page reader (metadata, trafilatura extraction, text readers)
and again forced through `--format text` (the plain-text reader, what saved pages got before),
best of `--repeat` runs each after one warm-up read (models and locale data loaded once).
Prints milliseconds per page and the ratio.
"""

from __future__ import annotations

import argparse
import time
from datetime import UTC, datetime
from pathlib import Path

from castdigest.readers.base import ReadContext
from castdigest.readers.registry import load_file, read_document

AS_OF = datetime(2026, 12, 1, tzinfo=UTC)


def _best_ms(path: Path, forced: str | None, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        doc = load_file(path)
        start = time.perf_counter()
        read_document(doc, ReadContext(as_of=AS_OF), forced)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pages = sorted(args.folder.glob("*.html"))
    if not pages:
        raise SystemExit(f"{args.folder}: no *.html pages")
    for path in pages[:1]:  # warm-up: language model, locale data, trafilatura's imports
        _best_ms(path, None, 1)
        _best_ms(path, "text", 1)
    total_html = total_text = 0.0
    print(f"{'page':<50} {'KB':>6} {'html-page ms':>13} {'text ms':>8}")
    for path in pages:
        html_ms = _best_ms(path, None, args.repeat)
        text_ms = _best_ms(path, "text", args.repeat)
        total_html += html_ms
        total_text += text_ms
        kb = path.stat().st_size / 1024
        print(f"{path.name[:50]:<50} {kb:6.0f} {html_ms:13.1f} {text_ms:8.1f}")
    n = len(pages)
    print(
        f"mean per page: html-page {total_html / n:.1f} ms, text {total_text / n:.1f} ms "
        f"({total_html / total_text:.1f}x)"
    )


if __name__ == "__main__":
    main()
