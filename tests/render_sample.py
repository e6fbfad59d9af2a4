"""A fixed synthetic digest (and config) for the render tests, goldens and bench/render.py.

All text here is made up for the tests; nothing is copied from real sources.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from castdigest.config import Settings, TopicConfig
from castdigest.models import (
    Condensed,
    CondensedQuote,
    Digest,
    DigestItem,
    DigestSection,
    Person,
    Provenance,
    Takeaway,
)

BUILT_AT = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)

TOPICS = [
    ("coding-agents", "Coding agents", "Agents that read, write and review code."),
    ("evals", "Evaluations", "How people measure what models and agents can do."),
    ("voice", "Voice & audio", "Speech in, speech out."),
]


def settings(**overrides: object) -> Settings:
    data: dict[str, object] = {
        "newsletter": {
            "name": "Agents Weekly",
            "site_url": "https://digest.example.org/",
            "language": "en",
            "sender": "Agents Weekly <digest@example.org>",
            "postal_address": "12 Example Street, 1000 Sampletown",
        },
        "topics": [TopicConfig(slug=s, name=n, description=d) for s, n, d in TOPICS],
    }
    data.update(overrides)
    return Settings.model_validate(data)


def item(
    n: int,
    topic: str,
    rank: int,
    *,
    title: str | None = None,
    language: str = "en",
    url: str | None = None,
    published: datetime | None = None,
    takeaways: int = 3,
    quotes: int = 2,
) -> DigestItem:
    eid = f"ep{n:04d}"
    link = url if url is not None else f"https://media.example.com/watch/{eid}"
    return DigestItem(
        episode_id=eid,
        rank=rank,
        title=title or f"Episode {n}: notes on building reliable agent loops",
        show=f"Show {n % 4 + 1}",
        url=link,
        published=published or datetime(2026, 11, 16, 9, 0, tzinfo=UTC) + timedelta(hours=7 * n),
        duration=1800 + 97 * n,
        language=language,
        guests=[Person(name=f"Guest {n}", affiliation="Example Labs")] if n % 2 else [],
        tags=["agents", f"tag-{n % 3}"],
        primary_topic=topic,
        topics=[topic],
        score=round(1.0 - n / 100, 3),
        condensed=Condensed(
            episode_id=eid,
            title=title or f"Episode {n}",
            blurb=f"A short summary of episode {n}, about planning, tools and tests.",
            takeaways=[
                Takeaway(
                    text=f"Takeaway {k} of episode {n}: keep the loop small and check each step.",
                    provenance=Provenance.SOURCE,
                )
                for k in range(1, takeaways + 1)
            ],
            quotes=[
                CondensedQuote(
                    text=f"Quote {k} from episode {n}: the test suite is the real spec.",
                    speaker=f"Speaker {k}",
                    offset=60.0 * k + n,
                    link=f"{link}?t={60 * k + n}" if k == 1 else None,
                )
                for k in range(1, quotes + 1)
            ],
        ),
    )


def digest(digest_id: str = "2026-W48", start: int = 1, since: date | None = None) -> Digest:
    """Three sections, five items; item 4 is in French; starts at episode number `start`."""
    since = since or date(2026, 11, 16)
    n = start
    sections = []
    for slug, name, desc in TOPICS:
        count = {"coding-agents": 2, "evals": 2, "voice": 1}[slug]
        items = []
        for rank in range(1, count + 1):
            lang = "fr" if n == start + 3 else "en"
            when = datetime.combine(since, datetime.min.time(), tzinfo=UTC)
            when += timedelta(hours=9 + 7 * (n - start))
            items.append(item(n, slug, rank, language=lang, published=when))
            n += 1
        sections.append(DigestSection(topic=slug, name=name, description=desc, items=items))
    return Digest(
        id=digest_id,
        since=since,
        until=since + timedelta(days=6),
        built_at=datetime.combine(since + timedelta(days=7), datetime.min.time(), tzinfo=UTC)
        + timedelta(hours=6),
        intro="Welcome to this week's issue. **Five** episodes, one [in French](https://example.org/fr).",
        sections=sections,
        config_hash="0123456789abcdef",
    )


def history() -> list[Digest]:
    """Two earlier digests, for feed history."""
    return [
        digest("2026-W47", start=101, since=date(2026, 11, 9)),
        digest("2026-W46", start=201, since=date(2026, 11, 2)),
    ]


def big_digest(count: int = 60) -> Digest:
    """`count` items spread over the three topics, for the size test and the bench."""
    sections = []
    n = 1
    per = [count // 3 + (1 if i < count % 3 else 0) for i in range(3)]
    for (slug, name, desc), k in zip(TOPICS, per, strict=True):
        items = [item(n + r, slug, r + 1, takeaways=5, quotes=2) for r in range(k)]
        n += k
        sections.append(DigestSection(topic=slug, name=name, description=desc, items=items))
    base = digest()
    return base.model_copy(update={"sections": sections})


# --------------------------------------------------------------------------- golden files

GOLDEN = Path(__file__).parent / "golden"


def mask_eml(data: str) -> str:
    """Mask what may change between two sends of the same email: ids, boundaries, dates."""
    data = re.sub(r"(?m)^Message-ID: .*$", "Message-ID: <MASKED>", data)
    data = re.sub(r"(?m)^Date: .*$", "Date: MASKED", data)
    boundaries = set(re.findall(r'boundary="([^"]+)"', data))
    for boundary in boundaries:
        data = data.replace(boundary, "BOUNDARY")
    return data


def check_golden(name: str, actual: str | bytes) -> None:
    """Compare with tests/golden/<name>; `UPDATE_GOLDEN=1 pytest` rewrites it on purpose."""
    text = actual.decode() if isinstance(actual, bytes) else actual
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        return
    if not path.exists():
        raise AssertionError(f"{path} is missing; run UPDATE_GOLDEN=1 pytest to create it")
    with path.open(encoding="utf-8", newline="") as fh:
        expected = fh.read()
    assert text == expected, f"{name} differs from its golden file (UPDATE_GOLDEN=1 to accept)"
