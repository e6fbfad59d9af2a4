"""Kill `castdigest send` with SIGKILL at random points, resume until done, and check that every
reader got the digest once: one Message-ID each, and a repeat only where a kill fell between
"in-flight" and "sent" in the ledger (the server had the message, the ledger did not know).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from castdigest.archive import Archive
from castdigest.models import SendState
from send_fixtures import (
    SECRET,
    Recorder,
    add_subscribers,
    make_digest,
    many_subscribers,
    smtp_server,
    store_digest,
    write_config,
)

READERS = 48  # more than six kills can reach: every kill lands mid-send
KILLS = 6


def _start(config: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "CASTDIGEST_UNSUBSCRIBE_SECRET": SECRET,
        "CASTDIGEST_SMTP_HOST": "127.0.0.1",
        "CASTDIGEST_SMTP_PORT": str(port),
        "CASTDIGEST_SMTP_TLS": "none",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "castdigest", "--config", str(config), "send", "2026-W48"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _in_flight(db: Path) -> set[str]:
    with Archive(db) as archive:
        return {r.email for r in archive.ledger.rows("2026-W48", [SendState.IN_FLIGHT])}


def test_sigkill_at_random_points_then_resume_reaches_everyone_once(tmp_path: Path) -> None:
    rng = random.Random(48)
    config = write_config(tmp_path, {"batch_size": 5})
    db = tmp_path / "castdigest.db"
    subscribers = [s.model_copy(update={"topics": []}) for s in many_subscribers(READERS)]
    with Archive(db) as archive:
        add_subscribers(archive, subscribers)
        store_digest(archive, make_digest())
    # The server records a message when its data arrives and answers 250 a little later:
    # a kill in that gap is the ambiguous case the ledger leaves in-flight.
    rec = Recorder(data_delay=0.03)
    ambiguous: Counter[str] = Counter()  # reader -> kills that left their row in-flight
    kills_mid_send = 0
    with smtp_server(rec) as port:
        for _ in range(KILLS):
            before = len(rec.messages)
            target = before + rng.randint(1, 4)
            proc = _start(config, port)
            deadline = time.monotonic() + 20
            while len(rec.messages) < target and proc.poll() is None:
                assert time.monotonic() < deadline, "send made no progress"
                time.sleep(0.002)
            time.sleep(rng.uniform(0.0, 0.04))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills_mid_send += 1
            proc.wait()
            ambiguous.update(_in_flight(db))
        final = _start(config, port)
        _, err = final.communicate(timeout=60)
    assert final.returncode == 0, err.decode()
    assert kills_mid_send == KILLS  # every kill landed during the send

    received = rec.message_ids()
    with Archive(db) as archive:
        ledger = {r.email: r for r in archive.ledger.rows("2026-W48")}
        status = archive.digests.status("2026-W48")
    assert status is not None and status[0].value == "sent"
    assert sorted(received) == sorted(s.email for s in subscribers)  # everyone got it
    for email, ids in received.items():
        assert set(ids) == {ledger[email].message_id}  # never two different Message-IDs
        assert ledger[email].state is SendState.SENT
        repeats = len(ids) - 1
        # A repeat only for a kill inside the in-flight window, at most one per such kill.
        assert repeats <= ambiguous[email], (email, repeats, ambiguous[email])
