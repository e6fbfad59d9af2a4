"""Publish: render a stored digest to out/ — email, web version, archive page, feeds.

Layout under the output folder:

    <digest-id>/email.html  email.txt  email.eml  index.html
    index.html              every digest, newest first, and every feed
    feeds/<topic>.rss|.atom|.json, feeds/all.*, feeds.opml

Each file is written to a temporary name beside it and renamed into place; files whose bytes
did not change are left alone. Paths are built from slugs and checked to stay inside out/.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.utils import parseaddr
from pathlib import Path

from castdigest.archive import Archive
from castdigest.config import Settings
from castdigest.errors import NotFoundError, RenderError
from castdigest.models import Digest
from castdigest.render.email import MAX_HTML_BYTES, RenderedEmail, render_email
from castdigest.render.feeds import render_feeds
from castdigest.render.message import build_message
from castdigest.render.site import newest_first, render_digest_page, render_index
from castdigest.render.view import safe_name

PLACEHOLDER_RECIPIENT = "Subscriber <subscriber@example.invalid>"


@dataclass
class PublishReport:
    digest_id: str
    out_dir: Path
    written: list[str] = field(default_factory=list)  # paths relative to out_dir
    unchanged: list[str] = field(default_factory=list)
    html_bytes: int = 0
    trimmed: int = 0
    items: int = 0

    def lines(self) -> list[str]:
        size = f"{self.html_bytes / 1000:.1f} KB of {MAX_HTML_BYTES // 1000} KB"
        out = [
            f"{self.digest_id}: {self.items} item(s) -> {self.out_dir}"
            f" ({len(self.written)} written, {len(self.unchanged)} unchanged)",
            f"email.html: {size}",
        ]
        if self.trimmed:
            out.append(
                f"email.html: {self.trimmed} lower-ranked item(s) trimmed to stay under"
                f" {MAX_HTML_BYTES // 1000} KB (full text in the web version)"
            )
        return out

    def as_dict(self) -> dict[str, object]:
        return {
            "digest_id": self.digest_id,
            "out_dir": str(self.out_dir),
            "written": self.written,
            "unchanged": self.unchanged,
            "html_bytes": self.html_bytes,
            "trimmed": self.trimmed,
            "items": self.items,
        }


def write_atomic(root: Path, relative: str, data: bytes) -> bool:
    """Write `root/relative` via a temporary file and rename; False when already identical."""
    base = root.resolve()
    target = (base / relative).resolve()
    if not target.is_relative_to(base) or target == base:
        raise RenderError("refusing to write outside the output folder", where=relative)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        if target.is_file() and target.read_bytes() == data:
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, target)
    except OSError as exc:
        raise RenderError(f"cannot write: {exc.strerror or exc}", where=str(target)) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return True


def preview_eml(rendered: RenderedEmail, digest: Digest, settings: Settings) -> bytes:
    """The message as it would be sent, to a placeholder recipient, dated at build time."""
    domain = parseaddr(settings.newsletter.sender)[1].rpartition("@")[2] or "localhost"
    msg = build_message(
        rendered,
        settings,
        to=PLACEHOLDER_RECIPIENT,
        message_id=f"<{safe_name(digest.id)}.preview@{domain}>",
        date=digest.built_at,
    )
    return msg.as_bytes()


def render_files(
    digest: Digest, settings: Settings, others: Sequence[Digest] = ()
) -> tuple[dict[str, bytes], RenderedEmail]:
    """Every output file for `digest`, keyed by path under out/. `others`: the other digests."""
    history = [d for d in others if d.id != digest.id and d.until <= digest.until]
    folder = safe_name(digest.id)
    rendered = render_email(digest, settings)
    files = {
        f"{folder}/email.html": rendered.html.encode(),
        f"{folder}/email.txt": rendered.text.encode(),
        f"{folder}/email.eml": preview_eml(rendered, digest, settings),
        f"{folder}/index.html": render_digest_page(digest, settings).encode(),
        "index.html": render_index([digest, *others], settings).encode(),
    }
    files.update(render_feeds(digest, settings, history))
    return files, rendered


def publish(
    digest: Digest, settings: Settings, out_dir: Path, others: Sequence[Digest] = ()
) -> PublishReport:
    files, rendered = render_files(digest, settings, others)
    report = PublishReport(
        digest_id=digest.id,
        out_dir=out_dir,
        html_bytes=len(rendered.html.encode()),
        trimmed=rendered.trimmed,
        items=len(digest.items()),
    )
    for relative, data in files.items():
        changed = write_atomic(out_dir, relative, data)
        (report.written if changed else report.unchanged).append(relative)
    return report


def stored_digests(archive: Archive) -> list[Digest]:
    """Every digest in the archive, newest first."""
    return newest_first([archive.digests.get(row.id) for row in archive.digests.list()])


def publish_from_archive(
    archive: Archive, settings: Settings, digest_id: str | None, out_dir: Path
) -> PublishReport:
    """Render `digest_id` (default: the newest digest) with the archive's history."""
    digests = stored_digests(archive)
    if not digests:
        raise NotFoundError(
            "the archive holds no digest", where=str(archive.path), hint="run `castdigest build`"
        )
    if digest_id is None:
        digest = digests[0]
    else:
        found = [d for d in digests if d.id == digest_id]
        if not found:
            known = ", ".join(d.id for d in digests[:5])
            raise NotFoundError(
                f"no digest {digest_id!r}", where=str(archive.path), hint=f"known: {known}"
            )
        digest = found[0]
    return publish(digest, settings, out_dir, [d for d in digests if d.id != digest.id])
