"""Feeds: goldens, feedparser validity, history order and limits, stable per-feed guids."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

import feedparser
import pytest

from castdigest.render.feeds import guid, render_feeds
from render_sample import check_golden, digest, history, settings

FEEDS = ["coding-agents", "evals", "voice", "all"]
# the current digest has 2/2/1 items per topic; each of the two earlier digests the same
COUNTS = {"coding-agents": 6, "evals": 6, "voice": 3, "all": 15}


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return render_feeds(digest(), settings(), history())


def test_every_feed_file_is_written(files: dict[str, bytes]) -> None:
    expected = {f"feeds/{slug}.{ext}" for slug in FEEDS for ext in ("rss", "atom", "json")}
    assert set(files) == expected | {"feeds.opml"}


@pytest.mark.parametrize("name", [f"{s}.{e}" for s in FEEDS for e in ("rss", "atom", "json")])
def test_golden_feed(files: dict[str, bytes], name: str) -> None:
    check_golden(f"feeds/{name}", files[f"feeds/{name}"])


def test_golden_opml(files: dict[str, bytes]) -> None:
    check_golden("feeds.opml", files["feeds.opml"])
    root = ElementTree.fromstring(files["feeds.opml"])
    urls = [o.get("xmlUrl") for o in root.iter("outline")]
    assert urls == [f"https://digest.example.org/feeds/{s}.rss" for s in FEEDS]


@pytest.mark.parametrize("slug", FEEDS)
@pytest.mark.parametrize("ext", ["rss", "atom"])
def test_feedparser_reads_every_feed(files: dict[str, bytes], slug: str, ext: str) -> None:
    parsed = feedparser.parse(files[f"feeds/{slug}.{ext}"])
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert len(parsed.entries) == COUNTS[slug]
    ids = [e.id for e in parsed.entries]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith(f"urn:castdigest:{slug}:ep") for i in ids)
    assert parsed.feed.language == "en" if ext == "rss" else True
    selfs = [link.href for link in parsed.feed.links if link.rel == "self"]
    assert selfs == [f"https://digest.example.org/feeds/{slug}.{ext}"]


def test_rss_items_are_newest_digest_first_in_rank_order(files: dict[str, bytes]) -> None:
    parsed = feedparser.parse(files["feeds/evals.rss"])
    ids = [e.id.rsplit(":", 1)[1] for e in parsed.entries]
    # W48 (3, 4), then W47 (103, 104), then W46 (203, 204)
    assert ids == ["ep0003", "ep0004", "ep0103", "ep0104", "ep0203", "ep0204"]
    first = parsed.entries[0]
    assert first.title == "Episode 3: notes on building reliable agent loops"
    assert first.link == "https://media.example.com/watch/ep0003"
    assert first.summary == "A short summary of episode 3, about planning, tools and tests."
    assert "<li>Takeaway 2 of episode 3" in first.content[0].value
    assert "Quote 1 from episode 3" in first.content[0].value
    assert [t.term for t in first.tags] == ["Evaluations", "agents", "tag-0"]
    assert first.author == "Show 4"


def test_rss_dates_are_rfc822_from_the_episode_and_build(files: dict[str, bytes]) -> None:
    root = ElementTree.fromstring(files["feeds/evals.rss"])
    channel = root.find("channel")
    assert channel is not None
    assert channel.findtext("lastBuildDate") == "Mon, 23 Nov 2026 06:00:00 +0000"
    first_pub = root.findtext("channel/item/pubDate")
    assert first_pub == "Mon, 16 Nov 2026 23:00:00 +0000"
    assert parsedate_to_datetime(first_pub) == datetime(2026, 11, 16, 23, 0, tzinfo=UTC)
    assert channel.findtext("title") == "Agents Weekly: Evaluations"
    assert channel.findtext("link") == "https://digest.example.org/"
    assert channel.findtext("description") == "How people measure what models and agents can do."


def test_guids_are_stable_and_distinct_per_feed(files: dict[str, bytes]) -> None:
    topic = {e.id for e in feedparser.parse(files["feeds/evals.rss"]).entries}
    every = {e.id for e in feedparser.parse(files["feeds/all.rss"]).entries}
    assert guid("evals", "ep0003") in topic
    assert guid("all", "ep0003") in every
    assert not topic & every
    # the same episode keeps its guid when a later digest is published
    later = render_feeds(digest("2026-W49", start=301), settings(), [digest(), *history()])
    assert guid("evals", "ep0003") in {
        e.id for e in feedparser.parse(later["feeds/evals.rss"]).entries
    }


def test_history_is_limited_to_feeds_items() -> None:
    files = render_feeds(digest(), settings(feeds={"items": 4}), history())
    parsed = feedparser.parse(files["feeds/all.rss"])
    assert [e.id.rsplit(":", 1)[1] for e in parsed.entries] == [
        "ep0001", "ep0002", "ep0003", "ep0004",
    ]  # fmt: skip


def test_rebuilding_changes_nothing(files: dict[str, bytes]) -> None:
    assert render_feeds(digest(), settings(), list(reversed(history()))) == files


def test_json_feed_1_1(files: dict[str, bytes]) -> None:
    feed = json.loads(files["feeds/voice.json"])
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == "https://digest.example.org/feeds/voice.json"
    assert feed["home_page_url"] == "https://digest.example.org/"
    assert [i["id"] for i in feed["items"]] == [
        "urn:castdigest:voice:ep0005", "urn:castdigest:voice:ep0105", "urn:castdigest:voice:ep0205",
    ]  # fmt: skip
    item = feed["items"][0]
    assert item["date_published"] == "2026-11-17T13:00:00+00:00"
    assert item["authors"] == [{"name": "Show 2"}]
    assert "<blockquote>" in item["content_html"]


def test_item_without_a_safe_url_links_to_the_web_version() -> None:
    d = digest()
    d.sections[2].items[0].url = "javascript:alert(1)"
    parsed = feedparser.parse(render_feeds(d, settings())["feeds/voice.rss"])
    assert parsed.entries[0].link == "https://digest.example.org/2026-W48/#ep-ep0005"
