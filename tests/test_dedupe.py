"""Dedup across formats: a feed item, transcript files, chapters, a Markdown note and a summary
page of one episode become one episode; distinct episodes stay distinct."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from castdigest import dedupe
from castdigest.cli import cli
from castdigest.models import Chapter, Episode, Quote, SourceRef, Transcript

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "feeds"
PAGE = """Release trains without the panic

Theo Brandt and Mara Quill on weekly release trains and feature flags, and why a boring
schedule beats heroic launches for a small team that wants its weekends back. Theo also
explains how flags are retired once a feature is out.

Key points
- The train leaves every Tuesday, ready or not.
- Unfinished work rides behind feature flags.
"""


def cli_run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    return result.exit_code, result.stdout


def ingest(db: Path, *paths: Path) -> None:
    for path in paths:  # one at a time, in the order given
        code, out = cli_run(db, "ingest", str(path))
        assert code == 0, out


def episodes(db: Path) -> list[dict[str, object]]:
    code, out = cli_run(db, "episodes", "--json")
    assert code == 0
    data: list[dict[str, object]] = json.loads(out)
    return data


@pytest.fixture
def sources(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    out = {}
    for name in [
        "harbor-notes.xml",
        "harbor-notes-12.vtt",
        "harbor-notes-12.json",
        "harbor-notes-12-chapters.json",
        "harbor-notes-12.md",
    ]:
        out[name] = Path(shutil.copy(SAMPLES / name, folder / name))
    out["page.txt"] = folder / "page.txt"
    out["page.txt"].write_text(PAGE, encoding="utf-8")
    return out


ORDERS = {
    "feed first": ["harbor-notes.xml", "harbor-notes-12.vtt", "page.txt", "harbor-notes-12.md"],
    "feed last": ["page.txt", "harbor-notes-12.vtt", "harbor-notes-12.md", "harbor-notes.xml"],
    "feed between": ["harbor-notes-12.vtt", "harbor-notes.xml", "page.txt", "harbor-notes-12.md"],
}


@pytest.mark.parametrize("order", sorted(ORDERS))
def test_feed_item_transcript_and_summary_page_become_one(
    tmp_path: Path, sources: dict[str, Path], order: str
) -> None:
    db = tmp_path / "a.db"
    ingest(db, *(sources[name] for name in ORDERS[order]))
    eps = episodes(db)
    assert sorted(str(e["title"]) for e in eps) == [
        "Release trains without the panic",
        "Small teams, long weekends",
    ]
    ep = next(e for e in eps if e["title"] == "Release trains without the panic")
    formats = sorted(s["format"] for s in ep["sources"])  # type: ignore[attr-defined]
    assert formats == ["feed", "markdown", "summary-page", "vtt"]
    assert ep["guid"] == "harbor-notes-12"
    assert ep["show"] == "Harbor Notes"
    transcript = ep["transcript"]
    assert isinstance(transcript, dict)
    assert [s["speaker"] for s in transcript["segments"]] == [
        "Mara Quill",
        "Theo Brandt",
        "Mara Quill",
    ]
    assert ep["takeaways"] == [
        "The train leaves every Tuesday, ready or not.",
        "Unfinished work rides behind feature flags.",
    ]
    # Richest abstract kept: the page's is longer than the feed's show notes and the note's.
    assert str(ep["abstract"]).startswith("Theo Brandt and Mara Quill on weekly release trains")
    tags = ep["tags"]
    assert isinstance(tags, list)
    assert sorted(tags) == ["continuous-delivery", "feature-flags", "release-engineering"]
    guests = ep["guests"]
    assert isinstance(guests, list) and len(guests) == 1
    assert guests[0]["affiliation"] == "Lanternworks"
    assert guests[0]["href"] == "https://example.org/theo"


def test_every_sample_file_joins_the_feed_item(tmp_path: Path, sources: dict[str, Path]) -> None:
    db = tmp_path / "a.db"
    code, out = cli_run(db, "ingest", str(sources["harbor-notes.xml"].parent))
    assert code == 0, out
    eps = episodes(db)
    assert len(eps) == 2
    ep = next(e for e in eps if e["guid"] == "harbor-notes-12")
    locations = sorted(Path(s["location"]).name for s in ep["sources"])  # type: ignore[attr-defined]
    assert locations == sorted(sources)
    # Chapters: the JSON file's four and the note's three align on start time (14 vs 14.2 s).
    chapters = ep["chapters"]
    assert isinstance(chapters, list)
    assert [(c["start"], c["title"]) for c in chapters] == [
        (0.0, "Welcome"),
        (9.0, "The Tuesday train"),
        (14.2, "Flags as a safety net"),
        (19.8, ""),
    ]
    assert chapters[1]["summary"] == "Releases leave on a fixed day; nothing waits for a feature."
    assert chapters[1]["quotes"][0]["offset"] == 9.0
    assert chapters[3]["hidden"] is True


def test_items_of_one_feed_with_the_same_title_stay_apart(tmp_path: Path) -> None:
    feed = tmp_path / "bonus.xml"
    items = "".join(
        f"<item><title>Bonus episode</title><guid>b-{i}</guid>"
        f"<pubDate>Thu, {10 + i} Nov 2026 07:00:00 +0000</pubDate></item>"
        for i in range(3)
    )
    feed.write_text(
        f'<rss version="2.0"><channel><title>Extras</title>{items}</channel></rss>', "utf-8"
    )
    ingest(tmp_path / "a.db", feed)
    assert len(episodes(tmp_path / "a.db")) == 3
    # and re-reading the feed changes nothing
    _, out = cli_run(tmp_path / "a.db", "ingest", str(feed))
    assert "0 new, 0 updated, 3 unchanged" in out


# --------------------------------------------------------------------------- unit level


def _ep(title: str, **kw: object) -> Episode:
    return Episode(title=title, **kw)  # type: ignore[arg-type]


def test_similarity_same_core_title() -> None:
    feed = _ep(
        "Episode 57: Rebel Rubes Ride Again",
        show="Podcasting 2.0",
        guid="PC2057",
        published=datetime(2021, 10, 8, 18, 0, tzinfo=UTC),
    )
    page = _ep("Rebel rubes ride again!", published=datetime(2021, 10, 9, tzinfo=UTC))
    assert dedupe.similarity(feed, page) == 1.0
    later = page.model_copy(update={"published": datetime(2021, 10, 30, tzinfo=UTC)})
    assert dedupe.similarity(feed, later) < dedupe.SIMILAR
    other_show = page.model_copy(update={"show": "Something Else"})
    assert dedupe.similarity(feed, other_show) < dedupe.SIMILAR


def test_similarity_quotes_found_in_transcript() -> None:
    spoken = (
        "Mara: so what changed? Theo: honestly the trick is that the train leaves every "
        "Tuesday ready or not, and anything unfinished rides behind a feature flag."
    )
    transcript = _ep("harbor notes 12", transcript=Transcript(text=spoken))
    page = _ep(
        "Release trains",
        chapters=[
            Chapter(
                title="Trains",
                quotes=[
                    Quote(text="The trick is that the train leaves every Tuesday, ready or not.")
                ],
            )
        ],
    )
    assert dedupe.similarity(page, transcript) >= dedupe.SIMILAR
    unrelated = _ep("x", transcript=Transcript(text="We talked about gardening all hour long."))
    assert dedupe.similarity(page, unrelated) == 0.0
    # every word of the quote said, but not in its order: not the quote
    shuffled = " ".join(reversed(spoken.split()))
    reordered = _ep("harbor notes 12", transcript=Transcript(text=shuffled))
    assert dedupe.similarity(page, reordered) == 0.0


def test_different_guids_or_items_of_one_document_are_never_one() -> None:
    a = _ep("Same title here now", guid="a")
    b = _ep("Same title here now", guid="b")
    assert not dedupe.compatible(a, b)
    ref = SourceRef(location="feed.xml", format="feed", position=0, content_hash="h")
    c = _ep("Same title here now", sources=[ref])
    d = _ep("Same title here now", sources=[ref.model_copy(update={"position": 1})])
    assert not dedupe.compatible(c, d)
    assert dedupe.compatible(c, c)


def test_keys_order_and_linked_file_names() -> None:
    ep = Episode.model_validate(
        {
            "title": "T",
            "guid": "g1",
            "urls": ["https://www.example.org/12/?utm_source=x"],
            "transcript_links": [{"url": "https://cdn.example.org/harbor-notes-12.vtt"}],
            "chapters_links": [{"url": "https://cdn.example.org/12/chapters.json"}],
        }
    )
    assert dedupe.keys(ep) == [
        "guid:g1",
        "url:example.org/12",
        "link:cdn.example.org/harbor-notes-12.vtt",
        "link:cdn.example.org/12/chapters.json",
        "title:|t",
        "file:harbor-notes-12.vtt",  # "chapters.json" is too generic to identify anything
    ]


def test_merge_prefers_a_real_title_over_a_file_name() -> None:
    ref = SourceRef(location="harbor-notes-12.vtt", format="vtt", content_hash="h")
    from_file = _ep("harbor notes 12", sources=[ref])
    feed_ref = SourceRef(location="f.xml", format="feed", content_hash="i")
    real = _ep("Release trains without the panic", sources=[feed_ref])
    assert dedupe.merge([from_file, real]).title == "Release trains without the panic"
    assert dedupe.merge([real, from_file]).title == "Release trains without the panic"


def test_one_transcript_in_two_formats_is_one_episode(tmp_path: Path, shared: Path) -> None:
    folder = shared / "fixtures" / "transcripts"
    ingest(tmp_path / "a.db", folder / "example.srt", folder / "example.html")
    [ep] = episodes(tmp_path / "a.db")
    formats = sorted(s["format"] for s in ep["sources"])  # type: ignore[attr-defined]
    assert formats == ["srt", "transcript-html"]
    # ...while two different transcripts that share a file name stay apart.
    ingest(tmp_path / "a.db", folder / "example.vtt", folder / "example.json")
    assert len(episodes(tmp_path / "a.db")) == 3


def test_merge_takes_date_and_length_from_the_feed_item() -> None:
    page = _ep(
        "Release trains without the panic",
        published=datetime(2026, 11, 21, 12, 0, tzinfo=UTC),
        published_text="il y a 3 jours",
        duration=2400.0,
    )
    item = _ep(
        "Release trains without the panic",
        guid="harbor-notes-12",
        published=datetime(2026, 11, 19, 7, 0, tzinfo=UTC),
        published_text="Thu, 19 Nov 2026 07:00:00 +0000",
        duration=2535.0,
    )
    for merged in (dedupe.merge([page, item]), dedupe.merge([item, page])):
        assert merged.published == datetime(2026, 11, 19, 7, 0, tzinfo=UTC)
        assert merged.published_text == "Thu, 19 Nov 2026 07:00:00 +0000"
        assert merged.duration == 2535.0


def _feed(tmp_path: Path, name: str, items: list[tuple[str, str, str]]) -> Path:
    body = "".join(
        f"<item><title>{t}</title><guid>{g}</guid><link>{u}</link></item>" for t, g, u in items
    )
    path = tmp_path / name
    path.write_text(
        f'<rss version="2.0"><channel><title>{name}</title><link>https://example.org/</link>'
        f"{body}</channel></rss>",
        encoding="utf-8",
    )
    return path


def test_a_link_every_item_shares_is_not_an_identity(tmp_path: Path) -> None:
    home = "https://example.org/show"
    feed = _feed(tmp_path, "home.xml", [(f"Talk {i}", f"h-{i}", home) for i in range(3)])
    ingest(tmp_path / "a.db", feed)
    eps = episodes(tmp_path / "a.db")
    assert len(eps) == 3
    assert all(e["urls"] == [] for e in eps)


def test_one_url_with_two_guids_is_two_episodes(tmp_path: Path) -> None:
    url = "https://example.org/watch/42"
    one = _feed(tmp_path, "one.xml", [("Audio edition", "audio-42", url)])
    two = _feed(tmp_path, "two.xml", [("Video edition", "video-42", url)])
    ingest(tmp_path / "a.db", one, two)
    eps = episodes(tmp_path / "a.db")
    assert sorted(str(e["guid"]) for e in eps) == ["audio-42", "video-42"]
    assert len({e["id"] for e in eps}) == 2


def test_a_reading_like_two_archived_ones_joins_them(
    tmp_path: Path, sources: dict[str, Path]
) -> None:
    """The note is like the page (same title) and like the transcript (its quotes are spoken
    there); page and transcript were apart. The note joins all three, whatever the clock says
    about when each was first seen (it once decided which of the two the note joined)."""
    db = tmp_path / "a.db"
    ingest(db, sources["page.txt"], sources["harbor-notes-12.vtt"])
    assert len(episodes(db)) == 2
    ingest(db, sources["harbor-notes-12.md"])
    [ep] = episodes(db)
    formats = sorted(s["format"] for s in ep["sources"])  # type: ignore[attr-defined]
    assert formats == ["markdown", "summary-page", "vtt"]


def test_all_similar_does_not_depend_on_candidate_order() -> None:
    page = Episode(title="Release trains without the panic", abstract="x")
    same = [
        ("bbbbbbbbbbbb", Episode(title="Release trains without the panic")),
        ("aaaaaaaaaaaa", Episode(title="Release Trains Without The Panic!")),
        ("cccccccccccc", Episode(title="Something else entirely, surely")),
    ]
    assert dedupe.all_similar(page, same) == ["aaaaaaaaaaaa", "bbbbbbbbbbbb"]
    assert dedupe.all_similar(page, same[::-1]) == ["aaaaaaaaaaaa", "bbbbbbbbbbbb"]
