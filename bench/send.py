"""Send throughput: 5,000 subscribers to a local aiosmtpd server, through the ledger.

The whole real path: plan (ledger rows), render per topic choice, build and serialise each
personalised message, mark in-flight, SMTP handover, mark sent. The server runs in its own
process (as a real relay would) and only counts what it accepts. Prints messages/second for
the send and for message building alone; asserts nothing (target: > 200 messages/s).

    .venv/bin/python bench/send.py
    .venv/bin/python bench/send.py --subscribers 1000 --batch-size 50
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from castdigest.archive import Archive
from castdigest.pipeline.send import send_digest
from castdigest.send.message import MessageBuilder, make_recipient
from send_fixtures import (
    SECRET,
    add_subscribers,
    free_port,
    make_digest,
    make_settings,
    many_subscribers,
    store_digest,
)


class Counter:
    def __init__(self, counted: multiprocessing.sharedctypes.Synchronized) -> None:  # type: ignore[name-defined]
        self.counted = counted

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        with self.counted.get_lock():
            self.counted.value += 1
        return "250 OK"


def serve(port: int, counted: object, ready: object) -> None:
    from aiosmtpd.controller import Controller

    controller = Controller(Counter(counted), hostname="127.0.0.1", port=port)  # type: ignore[arg-type]
    controller.start()
    ready.set()  # type: ignore[attr-defined]
    try:
        asyncio.run(asyncio.sleep(3600))
    finally:
        controller.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=5000)
    parser.add_argument("--batch-size", type=int, default=100)
    args = parser.parse_args()

    port = free_port()
    counted = multiprocessing.Value("i", 0)
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(port, counted, ready), daemon=True)
    server.start()
    ready.wait(10)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = make_settings(folder, host="127.0.0.1", port=port, batch_size=args.batch_size)
        digest = make_digest(("agents", "infra", "research"))
        subscribers = many_subscribers(args.subscribers)
        with Archive(folder / "castdigest.db") as archive:
            add_subscribers(archive, subscribers)
            store_digest(archive, digest)

            start = time.perf_counter()
            builder = MessageBuilder(digest, settings)
            size = 0
            for sub in subscribers:
                rcpt = make_recipient(sub, digest, settings, SECRET)
                size += len(builder.wire(rcpt, digest.built_at))
            build_s = time.perf_counter() - start

            start = time.perf_counter()
            summary = send_digest(archive, settings, digest)
            send_s = time.perf_counter() - start
    server.terminate()
    n = len(subscribers)
    print(f"subscribers:            {n:,} ({builder.renders} renders for their topic choices)")
    print(f"average message:        {size / n / 1024:.1f} KiB")
    print(f"build only:             {n / build_s:,.0f} messages/s ({build_s:.2f} s)")
    print(
        f"send (ledger + SMTP):   {summary.sent / send_s:,.0f} messages/s ({send_s:.2f} s,"
        f" {summary.sent:,} sent, {summary.failed} failed, server counted {counted.value:,})"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (sender):   {peak:.0f} MiB")


if __name__ == "__main__":
    main()
