"""Send a stored digest to every active subscriber, resumably, through the send ledger.

The ledger holds one row per (digest, subscriber). A run picks up rows that are pending,
failed-temporary or left in-flight by a run that was killed, and for each one:

    build the message -> mark in-flight (committed) -> hand to the server -> mark sent/failed

So a kill at any point loses nothing: rows not yet handed over are still pending, and the one
ambiguous case (the server accepted, the ledger had not yet recorded it) is a row in-flight,
resent next time with the same Message-ID, which mailbox providers drop as a duplicate.
"""

from __future__ import annotations

import re
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

from castdigest.archive import Archive
from castdigest.archive.lock import writer_lock
from castdigest.archive.subscribers import RESENDABLE
from castdigest.config import Settings
from castdigest.errors import ArchiveBusyError, NotFoundError, SendError
from castdigest.models import Digest, DigestStatus, SendState, SubscriberStatus
from castdigest.render.view import safe_name
from castdigest.send import tokens
from castdigest.send.message import (
    MessageBuilder,
    Recipient,
    envelope_sender,
    has_content,
    make_recipient,
    wire_address,
)
from castdigest.send.smtp import Delivery, RateLimiter, SmtpTransport, read_password
from castdigest.subscribers import email_key

Progress = Callable[[int], None]
_BUILD_AHEAD = 4


@dataclass
class Failure:
    email: str
    state: str
    attempts: int
    error: str

    def as_dict(self) -> dict[str, object]:
        return {
            "email": self.email,
            "state": self.state,
            "attempts": self.attempts,
            "error": self.error,
        }


@dataclass
class SendSummary:
    digest_id: str
    dry_run: bool = False
    sent: int = 0  # handed to the server (or written to the outbox) by this run
    skipped: int = 0  # nothing in their topics this week, or no longer subscribed
    already_sent: int = 0  # sent by an earlier run
    failures: list[Failure] = field(default_factory=list)
    outbox: str | None = None
    warnings: list[str] = field(default_factory=list)
    digest_status: str = ""

    @property
    def failed(self) -> int:
        return len(self.failures)

    def as_dict(self) -> dict[str, object]:
        return {
            "digest_id": self.digest_id,
            "dry_run": self.dry_run,
            "sent": self.sent,
            "skipped": self.skipped,
            "already_sent": self.already_sent,
            "failed": self.failed,
            "failures": [f.as_dict() for f in self.failures],
            "outbox": self.outbox,
            "digest_status": self.digest_status,
            "warnings": self.warnings,
        }


def _now() -> datetime:
    return datetime.now(UTC)


# --------------------------------------------------------------------------- planning


def plan(
    archive: Archive, settings: Settings, digest: Digest, secret: str, *, record: bool = True
) -> tuple[list[Recipient], SendSummary]:
    """Who gets this digest now. With `record`, missing ledger rows are created (pending, or
    skipped for a subscriber whose topics have nothing this week) and rows of subscribers who
    left meanwhile are closed as skipped."""
    summary = SendSummary(digest.id, dry_run=not record)
    now = _now()
    ledger = {email_key(r.email): r for r in archive.ledger.rows(digest.id)}
    active = archive.subscribers.list(SubscriberStatus.ACTIVE)
    active_keys = {email_key(s.email) for s in active}
    new_rows: list[tuple[str, str, SendState, str | None]] = []
    recipients: list[Recipient] = []
    for sub in active:
        key = email_key(sub.email)
        row = ledger.get(key)
        rcpt = make_recipient(sub, digest, settings, secret, row.message_id if row else None)
        if row is None:
            empty = settings.send.skip_empty and not has_content(sub, digest)
            state = SendState.SKIPPED if empty else SendState.PENDING
            note = "nothing in their topics this week" if empty else None
            new_rows.append((key, rcpt.message_id, state, note))
            if empty:
                summary.skipped += 1
                continue
            recipients.append(rcpt)
        elif row.state in RESENDABLE:
            recipients.append(rcpt)
        elif row.state is SendState.SENT:
            summary.already_sent += 1
    gone = [r for k, r in ledger.items() if k not in active_keys and r.state in RESENDABLE]
    summary.skipped += len(gone)
    if record:
        archive.ledger.ensure(digest.id, new_rows, now)
        for row in gone:
            archive.ledger.mark(
                digest.id, row.email, SendState.SKIPPED, now, error="no longer subscribed"
            )
    return recipients, summary


# --------------------------------------------------------------------------- dry run

OUTBOX_DIR = "outbox"  # beside the archive: the messages hold each reader's unsubscribe token
_MESSAGE_FILE = re.compile(r"^\.?\d+\.eml(?:\.tmp)?$")


def default_outbox(archive_path: Path) -> Path:
    return archive_path.parent / OUTBOX_DIR


def inside(path: Path, folder: Path) -> bool:
    """`path` is `folder` or below it, both resolved (symlinks followed)."""
    return path.resolve().is_relative_to(folder.resolve())


def outbox_folder(settings: Settings, outbox: Path, digest: Digest) -> Path:
    """`<outbox>/<digest-id>/`, refused when it would land in the published out/ folder."""
    out_dir = settings.resolve(settings.out_dir)
    folder = outbox / safe_name(digest.id)
    if inside(folder, out_dir):
        raise SendError(
            "the dry-run outbox would be inside the published output folder "
            f"{out_dir}: its messages carry every reader's unsubscribe token",
            where=str(outbox),
            hint="choose a folder outside it with --outbox DIR",
        )
    return folder


def _clear_old_messages(folder: Path) -> None:
    """Only our own `<n>.eml` files go: the folder may be one the user chose."""
    for path in folder.iterdir():
        if path.is_file() and _MESSAGE_FILE.match(path.name):
            path.unlink()


def _remove_published_outbox(settings: Settings, digest: Digest, warnings: list[str]) -> None:
    """Earlier versions wrote the dry run to `out/<id>/outbox/`, which gets published."""
    old = settings.resolve(settings.out_dir) / safe_name(digest.id) / OUTBOX_DIR
    if old.is_dir() and not old.is_symlink():
        shutil.rmtree(old)
        warnings.append(f"removed {old}: dry-run messages do not belong in the published folder")


def write_outbox(
    settings: Settings,
    digest: Digest,
    recipients: Sequence[Recipient],
    summary: SendSummary,
    outbox: Path,
    progress: Progress | None = None,
) -> SendSummary:
    """`<outbox>/<digest-id>/<n>.eml`, one per recipient in send order; the ledger untouched."""
    folder = outbox_folder(settings, outbox, digest)
    _remove_published_outbox(settings, digest, summary.warnings)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    _clear_old_messages(folder)  # a previous dry run's files would mislead
    builder = MessageBuilder(digest, settings)
    for n, rcpt in enumerate(recipients, start=1):
        data = builder.wire(rcpt, _now())
        tmp = folder / f".{n}.eml.tmp"
        tmp.write_bytes(data)
        tmp.replace(folder / f"{n}.eml")
        summary.sent += 1
        if progress:
            progress(1)
    summary.outbox = str(folder)
    return summary


# --------------------------------------------------------------------------- delivery


@dataclass
class Pacing:
    """Time, injectable so the retry schedule can be exercised without waiting."""

    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic


def backoff_delays(settings: Settings) -> Iterator[float]:
    """Delay before each retry round: backoff, doubling, capped; `retries` of them."""
    smtp = settings.smtp
    for n in range(smtp.retries):
        yield min(smtp.backoff * 2**n, smtp.max_backoff)


class _Run:
    """One pass of handing messages to the server, updating the ledger around each."""

    def __init__(
        self,
        archive: Archive,
        settings: Settings,
        digest: Digest,
        transport: SmtpTransport,
        pacing: Pacing,
    ) -> None:
        self.archive = archive
        self.digest = digest
        self.transport = transport
        self.builder = MessageBuilder(digest, settings)
        self.sender = envelope_sender(settings)
        self.limiter = RateLimiter(settings.smtp.rate, pacing.clock, pacing.sleep)

    def build(self, rcpt: Recipient) -> bytes:
        return self.builder.wire(rcpt, _now())

    def prepared(self, queue: Sequence[Recipient]) -> Iterator[tuple[Recipient, bytes]]:
        """Messages in queue order, built a few ahead in a worker thread: building is CPU work
        that overlaps with waiting for the server. The ledger is only touched by the caller."""
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="build") as pool:
            ahead: deque[tuple[Recipient, Future[bytes]]] = deque()
            rest = iter(queue)
            for rcpt in islice(rest, _BUILD_AHEAD):
                ahead.append((rcpt, pool.submit(self.build, rcpt)))
            while ahead:
                rcpt, future = ahead.popleft()
                following = next(rest, None)
                if following is not None:
                    ahead.append((following, pool.submit(self.build, following)))
                yield rcpt, future.result()

    def one(self, rcpt: Recipient, data: bytes) -> Delivery:
        ledger, did = self.archive.ledger, self.digest.id
        email = rcpt.subscriber.email
        opened = self.transport.open()
        if not opened.ok:
            ledger.mark(did, email, SendState.FAILED_TEMPORARY, _now(), error=opened.error)
            return opened
        self.limiter.wait()
        ledger.mark(did, email, SendState.IN_FLIGHT, _now(), attempt=True)
        result = self.transport.send(self.sender, wire_address(email), data)
        if result.ok:
            ledger.mark(did, email, SendState.SENT, _now())
        else:
            state = SendState.FAILED_PERMANENT if result.permanent else SendState.FAILED_TEMPORARY
            ledger.mark(did, email, state, _now(), error=result.error)
            if result.bounced:  # the address does not exist: stop writing to it
                self.archive.subscribers.set_status(email, SubscriberStatus.BOUNCED, _now())
        return result

    def defer(self, queue: Sequence[Recipient], result: Delivery) -> None:
        now = _now()
        for rcpt in queue:
            self.archive.ledger.mark(
                self.digest.id,
                rcpt.subscriber.email,
                SendState.FAILED_TEMPORARY,
                now,
                error=result.error,
            )

    def round(
        self, queue: Sequence[Recipient], summary: SendSummary, progress: Progress
    ) -> list[Recipient]:
        """Send each queued message once; return those deferred (4xx, drop, no connection)."""
        deferred: list[Recipient] = []
        for i, (rcpt, data) in enumerate(self.prepared(queue)):
            result = self.one(rcpt, data)
            if result.ok:
                summary.sent += 1
                progress(1)
            elif result.permanent:
                progress(1)
            elif result.unreachable:
                deferred += queue[i:]  # the server is unreachable: the rest waits as well
                self.defer(queue[i + 1 :], result)
                break
            else:
                deferred.append(rcpt)
        return deferred


def deliver(
    archive: Archive,
    settings: Settings,
    digest: Digest,
    recipients: Sequence[Recipient],
    summary: SendSummary,
    *,
    transport: SmtpTransport,
    progress: Progress | None = None,
    pacing: Pacing | None = None,
) -> SendSummary:
    """Send to `recipients`, retrying deferred ones in rounds with backoff; fill `summary`."""
    pacing = pacing or Pacing()
    run = _Run(archive, settings, digest, transport, pacing)
    tick: Progress = progress or (lambda n: None)
    try:
        queue = run.round(recipients, summary, tick)
        for delay in backoff_delays(settings):
            if not queue:
                break
            pacing.sleep(delay)
            queue = run.round(queue, summary, tick)
    finally:
        transport.close()
    if queue:
        tick(len(queue))
    summary.failures = _failures(archive, digest.id, recipients)
    return summary


def _failures(archive: Archive, digest_id: str, recipients: Sequence[Recipient]) -> list[Failure]:
    tried = {email_key(r.subscriber.email) for r in recipients}
    failed = (SendState.FAILED_PERMANENT, SendState.FAILED_TEMPORARY)
    return [
        Failure(r.email, r.state.value, r.attempts, r.last_error or "")
        for r in archive.ledger.rows(digest_id, failed)
        if email_key(r.email) in tried
    ]


def secret_for(settings: Settings, *, dry_run: bool, warnings: list[str]) -> str:
    """The unsubscribe secret; a dry run without one uses a placeholder and says so."""
    if dry_run and not settings.unsubscribe.secret:
        warnings.append(
            "CASTDIGEST_UNSUBSCRIBE_SECRET is not set: the outbox uses placeholder tokens"
        )
        return tokens.DRY_RUN_SECRET
    return tokens.secret_of(settings)


# --------------------------------------------------------------------------- the whole send


def send_digest(
    archive: Archive,
    settings: Settings,
    digest: Digest,
    *,
    dry_run: bool = False,
    outbox: Path | None = None,
    transport: SmtpTransport | None = None,
    progress: Progress | None = None,
    pacing: Pacing | None = None,
) -> SendSummary:
    """Send (or with `dry_run` write to `outbox`, by default `outbox/` beside the archive)
    what the ledger says is still due."""
    if not digest.items():
        raise SendError(
            "the digest has no items; nothing sent",
            where=digest.id,
            hint="ingest the week's episodes and rebuild it",
        )
    if not archive.subscribers.count()[SubscriberStatus.ACTIVE.value]:
        raise SendError(
            "no active subscribers; nothing sent",
            where=str(archive.path),
            hint="add some: `castdigest subscribers import FILE.csv`",
        )
    warnings: list[str] = []
    secret = secret_for(settings, dry_run=dry_run, warnings=warnings)
    if dry_run:
        recipients, summary = plan(archive, settings, digest, secret, record=False)
        summary.warnings = warnings
        folder = outbox or default_outbox(archive.path)
        summary = write_outbox(settings, digest, recipients, summary, folder, progress)
        summary.digest_status = digest.status.value
        return summary
    with send_lock(archive.path, held=archive.holds_writer_lock):
        recipients, summary = plan(archive, settings, digest, secret)
        summary.warnings = warnings
        return _send(archive, settings, digest, recipients, summary, transport, progress, pacing)


@contextmanager
def send_lock(archive_path: Path, *, held: bool = False) -> Iterator[None]:
    """One send per archive at a time (a cron run and a manual one must not both hand the
    same pending rows to the server), and no other writer meanwhile: the archive's writer
    lock, which the `send` command already holds for its whole run (`held`). The kernel
    drops the lock when the process dies."""
    if held:
        yield
        return
    with ExitStack() as stack:
        try:
            stack.enter_context(writer_lock(archive_path, wait_s=0))
        except ArchiveBusyError:
            raise SendError(
                "another send or another castdigest run is writing this archive",
                where=str(archive_path),
                hint="wait for it to finish; a killed run releases the lock at once",
            ) from None
        yield


def _send(
    archive: Archive,
    settings: Settings,
    digest: Digest,
    recipients: list[Recipient],
    summary: SendSummary,
    transport: SmtpTransport | None,
    progress: Progress | None,
    pacing: Pacing | None,
) -> SendSummary:
    if transport is None:
        password = read_password(settings.smtp, Path(settings.base_dir))
        transport = SmtpTransport(settings.smtp, password)
    if recipients and digest_status(archive, digest.id) == DigestStatus.DRAFT.value:
        # Frozen from the first handover: a rebuild now would change what readers get.
        archive.digests.set_status(digest.id, DigestStatus.SENDING)
    if recipients:
        summary = deliver(
            archive,
            settings,
            digest,
            recipients,
            summary,
            transport=transport,
            progress=progress,
            pacing=pacing,
        )
    if archive.ledger.remaining(digest.id) == 0 and digest_status(archive, digest.id) != "sent":
        archive.digests.mark_sent(digest.id, _now())
    summary.digest_status = digest_status(archive, digest.id)
    return summary


# --------------------------------------------------------------------------- digest status


def load_digest(archive: Archive, digest_id: str) -> Digest:
    """The stored digest, with the hint a sender needs when it is missing."""
    if archive.digests.status(digest_id) is None:
        raise NotFoundError(
            "no such digest", where=digest_id, hint="build it first: `castdigest build`"
        )
    return archive.digests.get(digest_id)


def digest_status(archive: Archive, digest_id: str) -> str:
    found = archive.digests.status(digest_id)
    return found[0].value if found else ""
