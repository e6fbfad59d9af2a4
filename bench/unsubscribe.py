"""Unsubscribe server cost per token: 100,000 subscribers, the real server on 127.0.0.1.

Starts `make_unsubscribe_server` over an archive of N subscribers, then times requests with
a forged token for a real address, a valid token (GET: one key lookup), a legacy-format
token, and a one-click unsubscribe (a committed write). Prints milliseconds per request
(median of the rounds) and the startup time (the legacy-token index: one HMAC per
subscriber); asserts nothing.

    .venv/bin/python bench/unsubscribe.py
    .venv/bin/python bench/unsubscribe.py --subscribers 10000 --rounds 50
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from castdigest.archive import Archive
from castdigest.send import tokens
from castdigest.unsubscribe import make_unsubscribe_server
from send_fixtures import SECRET, add_subscribers, make_settings, many_subscribers


def median_ms(rounds: int, request: Callable[[int], httpx.Response], status: int) -> float:
    times = []
    for n in range(rounds):
        start = time.perf_counter()
        response = request(n)
        times.append(time.perf_counter() - start)
        if response.status_code != status:
            raise SystemExit(f"expected {status}, got {response.status_code}")
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        settings = make_settings(home)
        db = home / "castdigest.db"
        readers = many_subscribers(args.subscribers)
        with Archive(db) as archive:
            add_subscribers(archive, readers)
        start = time.perf_counter()
        server = make_unsubscribe_server(db, settings, "127.0.0.1", 0)
        startup = time.perf_counter() - start
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        lid = tokens.list_id(settings)
        emails = [r.email for r in readers]
        forged_secret = "another-secret-0123456789"
        with httpx.Client(base_url=f"http://127.0.0.1:{server.server_port}") as http:

            def get(token: str) -> httpx.Response:
                return http.get("/unsubscribe", params={"token": token})

            figures = {
                "forged token (another secret), real address": median_ms(
                    args.rounds,
                    lambda n: get(tokens.unsubscribe_token(forged_secret, lid, emails[n])),
                    400,
                ),
                "valid token, GET confirm page": median_ms(
                    args.rounds,
                    lambda n: get(tokens.unsubscribe_token(SECRET, lid, emails[n])),
                    200,
                ),
                "legacy token, GET confirm page": median_ms(
                    args.rounds, lambda n: get(tokens.legacy_token(SECRET, lid, emails[n])), 200
                ),
                "one-click POST (committed write)": median_ms(
                    args.rounds,
                    lambda n: http.post(
                        "/unsubscribe",
                        params={"token": tokens.unsubscribe_token(SECRET, lid, emails[-1 - n])},
                        content=b"List-Unsubscribe=One-Click",
                    ),
                    200,
                ),
            }
        server.shutdown()
        server.server_close()
    print(f"{args.subscribers} subscribers; server startup {startup:.2f} s")
    for what, ms in figures.items():
        print(f"  {what}: {ms:.1f} ms per request (median of {args.rounds})")


if __name__ == "__main__":
    main()
