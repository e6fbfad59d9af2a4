"""`castdigest weekly`: the whole job for a scheduler. Ingest the configured sources, build the
week containing `as_of` (default now), publish out/, send.

Safe to run twice: re-ingesting unchanged sources is a no-op, a digest that is being or has
been sent is frozen (it is not rebuilt, and the run goes straight to sending), and the send
ledger hands to the server only what is still due, so a second run sends nothing new.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from castdigest.archive import Archive
from castdigest.config import Settings
from castdigest.models import DigestStatus
from castdigest.pipeline.fetch import make_client
from castdigest.pipeline.ingest import DocReport, IngestRun, batch_collection
from castdigest.pipeline.sources import Bar, configured_batches, fetches, ingest_batches, ticking
from castdigest.pipeline.unchanged import LastBuild, build_key, remember, unchanged
from castdigest.pipeline.window import choose_window, timezone

if TYPE_CHECKING:  # selection, rendering and sending are imported when a run needs them
    from castdigest.pipeline.publish import PublishReport
    from castdigest.pipeline.send import Pacing, SendSummary
    from castdigest.send.smtp import SmtpTransport

Step = Callable[[str], None]


@dataclass
class WeeklyReport:
    digest_id: str = ""
    ingest: list[DocReport] = field(default_factory=list)
    build: str = ""  # "new", "updated", "unchanged", or "frozen" (being or already sent)
    items: int = 0
    warnings: list[str] = field(default_factory=list)
    held: list[dict[str, object]] = field(default_factory=list)  # left out: need review
    skipped: bool = False  # nothing changed since the last build: not selected nor rendered
    published: PublishReport | None = None
    send: SendSummary | None = None

    @property
    def failed(self) -> bool:
        return any(r.flawed for r in self.ingest) or bool(self.send and self.send.failed)

    def as_dict(self) -> dict[str, object]:
        return {
            "digest_id": self.digest_id,
            "ingest": [r.as_dict() for r in self.ingest],
            "build": self.build,
            "items": self.items,
            "warnings": self.warnings,
            "needs_review": self.held,
            "skipped": self.skipped,
            "published": len(self.published.written) if self.published else None,
            "send": self.send.as_dict() if self.send else None,
        }


def ingest_configured(
    archive: Archive,
    settings: Settings,
    as_of: datetime | None,
    now: datetime,
    jobs: int = 1,
    progress_bar: Bar | None = None,
) -> list[DocReport]:
    """Every `[[sources]]` entry: URLs fetched conditionally, paths read (by `jobs` processes,
    as `ingest --jobs`), with a progress bar per folder; one report each."""
    batches = configured_batches(settings)
    # An HTTP client loads the system's certificates: made only when a source is a URL.
    client = make_client(settings.http) if fetches(batches) else nullcontext(None)
    with client as http, batch_collection():
        run = IngestRun(archive, as_of, now)
        return ingest_batches(run, batches, http, settings.http.max_bytes, jobs, progress_bar)


def run_weekly(
    archive: Archive,
    settings: Settings,
    *,
    as_of: datetime | None = None,
    send: bool = True,
    transport: SmtpTransport | None = None,
    progress_bar: Bar | None = None,
    pacing: Pacing | None = None,
    step: Step | None = None,
    jobs: int = 1,
) -> WeeklyReport:
    say: Step = step or (lambda text: None)
    # `as_of` is the run's time throughout, as for `build`: an undated episode read now is
    # first seen then, so the week it lands in does not depend on the day the job runs.
    now = as_of or datetime.now(UTC)
    report = WeeklyReport()
    say("ingest")
    report.ingest = ingest_configured(archive, settings, as_of, now, jobs, progress_bar)
    window = choose_window(settings, as_of=as_of or now)
    report.digest_id = window.id
    say(f"build {window.id}")
    current = archive.digests.status(window.id)
    out_dir = Path(settings.resolve(settings.out_dir))
    bounds = window.bounds(timezone(settings))
    key = build_key(archive, settings, window.id, bounds)
    if current is not None and current[0] is not DigestStatus.DRAFT:
        report.build = "frozen"
        digest = archive.digests.get(window.id)
    elif last := unchanged(archive, window.id, key, out_dir / window.id / "email.html"):
        say("nothing changed since the last build: selection and rendering skipped")
        report.build, report.skipped = "unchanged", True
        report.warnings, report.held = last.warnings, last.held
        digest = archive.digests.get(window.id)
    else:
        from castdigest.pipeline.build import build, held_entry

        result = build(archive, settings, window, as_of=as_of or now)
        report.build, report.warnings, digest = result.status, result.warnings, result.digest
        report.held = [held_entry(ep) for ep in result.held]
    report.items = len(digest.items())
    if not report.skipped:
        from castdigest.pipeline.publish import publish_from_archive

        say("publish")
        report.published = publish_from_archive(archive, settings, digest.id, out_dir)
        said = LastBuild(report.warnings, report.held)
        remember(archive, window.id, build_key(archive, settings, window.id, bounds), said)
    if send:
        from castdigest.pipeline.send import send_digest

        say(f"send {digest.id}")
        due = archive.ledger.remaining(digest.id) or archive.subscribers.count()["active"]
        with ticking(progress_bar, due, "Sending") as tick:
            report.send = send_digest(
                archive, settings, digest, transport=transport, progress=tick, pacing=pacing
            )
    return report
