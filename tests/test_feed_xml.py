"""readers/feed_xml.py reads RSS 2.0 items as feedparser does: the same values for every key the
feed reader uses, on every real feed, the bundled sample, generated feeds, and one hand-written
feed per rule it follows; and feedparser itself reads what it does not follow."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from typing import Any

import pytest

from castdigest.readers import feed_xml
from castdigest.readers.feed_parser import parse_feed

# feedparser warns when `updated` is asked of an item that has only `published`, as the reader does
pytestmark = pytest.mark.filterwarnings("ignore:To avoid breaking:DeprecationWarning")

ROOT = Path(__file__).resolve().parents[1]
FEED_KEYS = ("title", "language", "image", "author_detail", "author", "podcast_persons", "link")
NAMESPACES = (
    'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:media="http://search.yahoo.com/mrss/" '
    'xmlns:atom="http://www.w3.org/2005/Atom" '
    'xmlns:podcast="https://podcastindex.org/namespace/1.0"'
)


def project(parsed: Any) -> dict[str, Any]:
    """What the feed reader reads from a parse, as plain values."""
    entries = []
    for entry in parsed["entries"]:
        row = {key: entry.get(key) for key in sorted(feed_xml._READ_KEYS)}
        row["content"] = [c.get("value") for c in entry.get("content", [])]
        row["links"] = [(link.get("rel"), link.get("href")) for link in entry.get("links", [])]
        row["tags"] = [t.get("term") for t in entry.get("tags", [])]
        entries.append(row)
    return {
        "version": bool(parsed.get("version")),
        "bozo": bool(parsed.get("bozo")),
        "feed": {key: parsed["feed"].get(key) for key in FEED_KEYS},
        "entries": entries,
    }


def assert_same(data: bytes, location: str = "feed.xml") -> Any:
    fast = feed_xml._parse_rss(data, location)
    assert fast is not None, "expected the lxml reading"
    assert project(fast) == project(parse_feed(data, location))
    return fast


def rss(*items: str, channel: str = "<title>Show</title>") -> bytes:
    body = "".join(f"<item>{item}</item>" for item in items)
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" {NAMESPACES}><channel>'
    return f"{text}{channel}{body}</channel></rss>".encode()


def test_every_real_feed_reads_the_same(shared: Path) -> None:
    feeds = sorted((shared / "fixtures" / "feeds").glob("*.xml"))
    assert len(feeds) >= 5
    counts = [len(assert_same(path.read_bytes(), str(path))["entries"]) for path in feeds]
    assert sum(counts) == 169


def test_the_sample_and_generated_feeds_read_the_same() -> None:
    sample = ROOT / "samples" / "feeds" / "harbor-notes.xml"
    assert len(assert_same(sample.read_bytes(), str(sample))["entries"]) == 2
    spec = importlib.util.spec_from_file_location(
        "ingest_feeds", ROOT / "bench" / "ingest_feeds.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rng = random.Random(7)
    for number in range(3):
        data = module.feed_xml(rng, number, 20).encode()
        assert len(assert_same(data)["entries"]) == 20


def test_first_non_empty_title_wins_and_media_title_does_not_hold() -> None:
    fast = assert_same(
        rss(
            "<title></title><dc:title>Second</dc:title><title>Third</title>",
            "<media:title>Media</media:title><title>Own</title>",
            "<title>Kept</title><source url='https://a.example/'>Origin</source><dc:title>After</dc:title>",
        )
    )
    assert [e["title"] for e in fast["entries"]] == ["Second", "Own", "After"]


def test_a_second_summary_becomes_content_and_the_channel_state_carries_into_the_first_item() -> (
    None
):
    channel = (
        "<title>Show</title><itunes:summary>About</itunes:summary><description>D</description>"
    )
    item = "<description>Short</description><itunes:summary>Longer text</itunes:summary>"
    fast = assert_same(rss(item, item, channel=channel))
    first, second = fast["entries"]
    assert first["summary"] == "Longer text" and "content" not in first
    assert second["summary"] == "Short"
    assert [c["value"] for c in second["content"]] == ["Longer text"]
    encoded = assert_same(rss("<content:encoded><![CDATA[<p>Full</p>]]></content:encoded>"))
    assert encoded["entries"][0]["summary"] == "<p>Full</p>"


def test_links_guids_and_enclosures() -> None:
    fast = assert_same(
        rss(
            "<guid>https://a.example/1</guid>",
            "<guid isPermaLink='false'>abc</guid><link>https://a.example/2?x=1&amp;amp;y=2</link>",
            "<link>https://a.example/3</link><guid>https://a.example/g3</guid>",
            '<atom:link rel="alternate" type="text/html" href="https://a.example/4"/>'
            '<enclosure url="https://a.example/4.mp3" type="Audio/MPEG" length="1"/>',
        ),
        "https://a.example/feed.xml",
    )
    links = [e.get("link") for e in fast["entries"]]
    assert links == [
        "https://a.example/1",
        "https://a.example/2?x=1&y=2",
        "https://a.example/3",
        "https://a.example/4",
    ]
    assert fast["entries"][3]["links"][1] == {
        "href": "https://a.example/4.mp3",
        "type": "audio/mpeg",
        "length": "1",
        "rel": "enclosure",
    }


def test_authors_tags_dates_and_podcast_elements() -> None:
    fast = assert_same(
        rss(
            "<author>ines@example.org (Ines Larkin)</author><itunes:author>Team</itunes:author>"
            "<category domain='x'>AI</category><category>Ops</category>"
            "<itunes:category text='Tech'><itunes:category text='Software'/></itunes:category>"
            "<itunes:keywords>a, b,,c</itunes:keywords>"
            "<pubDate>Tue, 03 Nov 2026 10:00:00 +0100</pubDate><dc:date>2026-11-04</dc:date>"
            "<itunes:duration>01:02:03</itunes:duration><itunes:episode>7</itunes:episode>"
            "<itunes:image href='https://a.example/i.png'/>"
            "<podcast:person role='guest' href='https://p.example/'>Tomas Reeve</podcast:person>"
            "<podcast:transcript url='https://a.example/t.vtt' type='text/VTT'/>"
            "<podcast:season>2</podcast:season>"
            "<podcast:value type='lightning'><podcast:valueRecipient name='x'/></podcast:value>",
            "<author>team@example.org</author><dc:creator>Second Author</dc:creator>",
        )
    )
    first, second = fast["entries"]
    assert first["author_detail"] == {"name": "Ines Larkin", "email": "ines@example.org"}
    assert first["author"] == "Team"
    assert [t["term"] for t in first["tags"]] == ["AI", "Ops", "Tech", "Software", "a", "b", "c"]
    assert first["published_parsed"][:4] == (2026, 11, 3, 9)
    assert first["itunes_duration"] == "01:02:03"
    assert first["podcast_transcripts"][0]["type"] == "text/vtt"
    assert first["podcast_persons"][0]["name"] == "Tomas Reeve"
    assert second.get("author_detail") == {"email": "team@example.org"}
    assert second["author"] == "Second Author"


def test_text_is_cleaned_as_feedparser_cleans_it() -> None:
    fast = assert_same(
        rss(
            "<title>  CafÃ© au lait <!-- note -->with milk </title>",  # UTF-8 read as Latin-1
            "<title>\x93Quoted\x94</title>",  # Windows-1252 quotes as C1 controls
            "<title><![CDATA[Fish & <Chips>]]></title>",
        )
    )
    titles = [e["title"] for e in fast["entries"]]
    assert titles == ["Café au lait with milk", "\u201cQuoted\u201d", "Fish & <Chips>"]


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title></feed>',
        b'<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\xe9'
        b"</title><item><title>x</title></item></channel></rss>",
        b'<?xml version="1.0"?><!DOCTYPE rss><rss version="2.0"><channel><item/></channel></rss>',
        rss("<media:group><media:title>Nested</media:title></media:group>"),
        rss("<description><p>markup</p></description>"),
        rss("<description mode='base64'>aGk=</description>"),
        rss("<image><url>https://a.example/i.png</url></image>"),
        rss("<title>Broken</titl>"),
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>A</title></channel>'
        b"<item><title>outside</title></item></rss>",
    ],
    ids=["atom", "latin1", "doctype", "nested", "markup", "base64", "item-image", "bad", "outside"],
)
def test_what_is_not_followed_goes_to_feedparser(data: bytes) -> None:
    try:
        fast = feed_xml._parse_rss(data, "feed.xml")
    except feed_xml._Unsupported:
        fast = None
    assert fast is None
    assert project(feed_xml.parse(data, "feed.xml")) == project(parse_feed(data, "feed.xml"))
