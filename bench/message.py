"""Does send/wire.py still pay? Messages per second from the email package alone.

Builds and serialises the 12-item digest of the render tests (tests/render_sample.py) for
1,000 readers the plain way: `render_email` per reader (which reuses the rendering of the
reader's choice of topics), `render.message.build_message`, then `as_bytes()`, which is what
send/wire.py stands in for. Prints messages per second; the send path keeps the wire templates
only while this stays under 200 messages/s.

    .venv/bin/python bench/message.py
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from castdigest.render.email import render_email
from castdigest.render.message import build_message
from render_sample import TOPICS, big_digest, settings


def main(count: int = 1000) -> None:
    config = settings()
    digest = big_digest(12)
    slugs = [slug for slug, _, _ in TOPICS]
    when = datetime(2026, 11, 24, 8, tzinfo=UTC)
    size = 0
    start = time.process_time()
    for n in range(count):
        topics = None if n % 4 == 0 else [slugs[n % 3], slugs[(n + 1) % 3]][: 1 + n % 2]
        rendered = render_email(
            digest,
            config,
            topics=topics,
            recipient_name=f"Reader {n}",
            unsubscribe_url=f"https://digest.example.org/u/{n:06d}?sig=abcdef",
        )
        msg = build_message(
            rendered, config, to=f"reader{n}@example.org", message_id=f"m{n}@example.org", date=when
        )
        size += len(msg.as_bytes())
    seconds = time.process_time() - start
    print(f"email package: {count} messages in {seconds:.2f} s CPU = {count / seconds:.0f}/s"
          f" (average {size / count / 1024:.1f} KiB)")  # fmt: skip


if __name__ == "__main__":
    main()
