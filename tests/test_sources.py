"""`ingest` and `weekly` read their inputs through one function (pipeline/sources.py)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from castdigest.archive import Archive
from castdigest.config import load_settings
from castdigest.pipeline.ingest import IngestRun, SourceSpec
from castdigest.pipeline.sources import Batch, configured_batches, fetches, ingest_batches
from conftest import AS_OF

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_configured_sources_become_batches_in_order(tmp_path: Path) -> None:
    cfg = tmp_path / "castdigest.toml"
    cfg.write_text(
        '[[sources]]\npath = "inbox"\nshow = "Inbox Show"\n\n'
        '[[sources]]\nurl = "https://example.org/feed.xml"\npath = "feeds"\n',
        encoding="utf-8",
    )
    batches = configured_batches(load_settings(cfg, environ={}))
    assert [b.inputs for b in batches] == [
        [str(tmp_path / "inbox")],
        ["https://example.org/feed.xml", str(tmp_path / "feeds")],
    ]
    assert batches[0].spec.show == "Inbox Show" and fetches(batches)
    assert not fetches(batches[:1])


def test_batches_report_every_document_and_every_missing_input(tmp_path: Path) -> None:
    listing, article = SAMPLES / "pages/channel-listing.txt", SAMPLES / "pages/article.txt"
    batches = [
        Batch([str(listing), str(tmp_path / "nowhere")], SourceSpec()),
        Batch([str(article)], SourceSpec(show="Side Show")),
    ]
    ticks: list[tuple[str, int]] = []

    def bar(total: int, label: str) -> AbstractContextManager[Callable[[int], None]]:
        return nullcontext(lambda n: ticks.append((label, n)))

    with Archive(tmp_path / "a.db") as archive:
        run = IngestRun(archive, AS_OF, AS_OF)
        reports = ingest_batches(run, batches, None, 1 << 20, bar=bar)
        shows = {e.show for e in archive.episodes.list()}
    assert [Path(r.location).name for r in reports] == [
        "nowhere",  # the input that names nothing is reported first, then the documents
        "channel-listing.txt",
        "article.txt",
    ]
    assert reports[0].failed and not reports[1].failed and not reports[2].failed
    assert ticks == [("Ingesting", 1), ("Ingesting", 1)]
    assert "Side Show" in shows
