"""RSS/Atom feed reader on every fixture feed and the sample feed: concrete expectations."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from castdigest.errors import ReadError
from castdigest.models import Episode, Link, Person
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.feed import FeedReader
from castdigest.readers.registry import read_path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "feeds" / "harbor-notes.xml"
AS_OF = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
LEGACY = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
CURRENT = "https://podcastindex.org/namespace/1.0"


def read(path: Path) -> tuple[str, list[Episode]]:
    ctx, episodes = read_path(path, as_of=AS_OF)
    return ctx.format, episodes


@pytest.mark.parametrize(
    ("name", "count", "show"),
    [
        ("simple.xml", 3, "Podcasting 2.0 Namespace Example"),
        ("podcastindex-pc20.xml", 56, "Podcasting 2.0"),
        ("launched.xml", 36, "Launched"),
        ("changing-the-tide.xml", 15, "Changing the Tide"),
        ("dk-podcast.xml", 59, "Langsam gesprochene Nachrichten | Audios | DW Deutsch lernen"),
    ],
)
def test_every_fixture_feed_item_count_and_show(
    shared: Path, name: str, count: int, show: str
) -> None:
    fmt, episodes = read(shared / "fixtures" / "feeds" / name)
    assert fmt == "feed"
    assert len(episodes) == count
    assert {e.show for e in episodes} == {show}
    assert all(e.published is not None and e.published.tzinfo is not None for e in episodes)
    assert len({e.id for e in episodes}) == count  # distinct items stay distinct


def test_podcasting20_tags_under_the_legacy_namespace(shared: Path) -> None:
    _, episodes = read(shared / "fixtures" / "feeds" / "podcastindex-pc20.xml")
    ep = episodes[0]
    assert ep.title == "Episode 57: Rebel Rubes"
    assert ep.guid == "PC2057"
    assert ep.published == datetime(2021, 10, 8, 18, 55, 32, tzinfo=UTC)
    assert ep.transcript_links == [
        Link(url="https://mp3s.nashownotes.com/PC20-57-Captions.srt", type="application/srt")
    ]
    assert ep.chapters_links[0].url.endswith("/PC2057")
    assert ep.chapters_links[0].type == "application/json"
    assert [(p.name, p.role, p.group) for p in ep.hosts] == [
        ("Adam Curry", "host", "cast"),
        ("Dave Jones", "host", "cast"),
    ]
    assert ep.hosts[0].href == "http://curry.com"
    assert [(p.name, p.role) for p in ep.guests] == [("Brian of London", "guest")]
    assert ep.abstract is not None
    assert ep.abstract.startswith("Podcasting 2.0 for October 8th 2021 Episode 57: Rebel Rubes\n\n")
    assert "<p>" not in ep.abstract and "&amp;" not in ep.abstract
    assert "Adam & Dave discuss" in ep.abstract
    assert sum(1 for e in episodes if e.transcript_links) == 47
    # An empty <podcast:person/> names nobody: skipped, not an empty host.
    assert all(p.name for e in episodes for p in e.hosts)


def test_current_namespace_uri_and_another_prefix_read_the_same(
    shared: Path, tmp_path: Path
) -> None:
    original = (shared / "fixtures" / "feeds" / "podcastindex-pc20.xml").read_text("utf-8")
    renamed = original.replace(LEGACY, CURRENT).replace("xmlns:podcast", "xmlns:pi")
    renamed = renamed.replace("podcast:", "pi:")
    (tmp_path / "current.xml").write_text(renamed, encoding="utf-8")
    _, legacy_eps = read(shared / "fixtures" / "feeds" / "podcastindex-pc20.xml")
    _, current_eps = read(tmp_path / "current.xml")
    strip = {"sources"}
    assert [e.model_dump(exclude=strip) for e in current_eps] == [
        e.model_dump(exclude=strip) for e in legacy_eps
    ]
    assert current_eps[0].guests[0].name == "Brian of London"


def test_itunes_fields(shared: Path) -> None:
    _, tide = read(shared / "fixtures" / "feeds" / "changing-the-tide.xml")
    assert tide[0].duration == 4385.0  # plain seconds
    assert [p.name for p in tide[0].hosts] == ["Jon Crabtree", "Andy Schroder"]
    _, dk = read(shared / "fixtures" / "feeds" / "dk-podcast.xml")
    assert dk[0].duration == 420.0  # "07:00"
    assert dk[0].language == "de"
    assert dk[0].tags == ["BAKU", "Deutsch lernen"]
    _, launched = read(shared / "fixtures" / "feeds" / "launched.xml")
    assert launched[0].duration == 64.0  # "1:04"
    assert launched[0].language == "en-US"
    assert launched[0].hosts == [
        Person(
            name="Charlie Chapman", role="host", group="cast", href="https://charliemchapman.com"
        )
    ]
    _, simple = read(shared / "fixtures" / "feeds" / "simple.xml")
    assert simple[0].image == "https://example.com/ep0003/artMd.jpg"  # <itunes:image>text</>
    assert simple[0].hosts == [Person(name="John Doe", role="author")]
    assert simple[0].urls == [
        "https://example.com/podcast/ep0003",
        "https://mp3s.nashownotes.com/PC20-17-2020-12-25-Final.mp3",
    ]


def test_sample_feed_every_field() -> None:
    fmt, episodes = read(SAMPLE)
    assert fmt == "feed"
    assert [e.guid for e in episodes] == ["harbor-notes-12", "harbor-notes-11"]
    ep = episodes[0]
    assert ep.title == "Release trains without the panic"
    assert ep.show == "Harbor Notes"
    assert ep.duration == 2535.0  # 0:42:15
    assert (ep.season, ep.number) == (2, 12)
    assert ep.language == "en-GB"
    assert ep.image == "https://example.org/harbor-notes/12.png"
    assert ep.urls[0] == "https://example.org/harbor-notes/12"
    # content:encoded is richer than the description: it becomes the abstract, as clean text.
    assert ep.abstract == (
        "Mara and Theo Brandt talk about release trains & feature flags.\n\n"
        "- Why a fixed weekly cut beats heroic launches\n"
        "- Flags as a way to ship dark"
    )
    assert ep.transcript_links == [
        Link(
            url="https://example.org/harbor-notes/harbor-notes-12.vtt",
            type="text/vtt",
            language="en",
            rel="captions",
        ),
        Link(
            url="https://example.org/harbor-notes/harbor-notes-12.json",
            type="application/json",
            language="en",
        ),
    ]
    assert ep.chapters_links == [
        Link(
            url="https://example.org/harbor-notes/harbor-notes-12-chapters.json",
            type="application/json+chapters",
        )
    ]
    assert [(p.name, p.role) for p in ep.hosts] == [("Mara Quill", "host")]
    assert [(p.name, p.role, p.href) for p in ep.guests] == [
        ("Theo Brandt", "guest", "https://example.org/theo")
    ]
    assert ep.people == [Person(name="Ines Okafor", role="editor", group="post-production")]
    # Item 11 names nobody: the channel's <podcast:person> credits it.
    assert [(p.name, p.role) for p in episodes[1].hosts] == [("Mara Quill", "host")]
    assert (episodes[1].season, episodes[1].number) == (2, 11)  # podcast:season/episode
    assert episodes[1].duration == 1860.0
    assert episodes[1].image == "https://example.org/harbor-notes/cover.png"  # the show's
    assert ep.sources[0].line == 14 and ep.sources[0].format == "feed"


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Les Ondes Calmes</title>
  <id>urn:example:ondes</id>
  <updated>2026-11-20T09:00:00Z</updated>
  <entry>
    <title>Épisode 4 : la sobriété numérique</title>
    <id>urn:example:ondes:4</id>
    <link rel="alternate" href="https://example.org/ondes/4"/>
    <updated>2026-11-20T09:00:00+01:00</updated>
    <author><name>Lucie Martin</name></author>
    <summary type="html">&lt;p&gt;Une conversation sur les
      &lt;em&gt;outils&lt;/em&gt; sobres.&lt;/p&gt;</summary>
  </entry>
</feed>
"""


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "ondes"  # no extension: recognised by content
    path.write_text(ATOM, encoding="utf-8")
    fmt, episodes = read(path)
    assert fmt == "feed"
    [ep] = episodes
    assert ep.title == "Épisode 4 : la sobriété numérique"
    assert ep.show == "Les Ondes Calmes"
    assert ep.guid == "urn:example:ondes:4"
    assert ep.urls == ["https://example.org/ondes/4"]
    assert ep.published == datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    assert ep.abstract == "Une conversation sur les outils sobres."
    assert ep.hosts == [Person(name="Lucie Martin", role="author")]
    assert ep.language == "fr"


def test_malformed_feed_is_read_leniently_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Half</title>'
        "<item><title>Only item</title><guid>h-1</guid></item><item><title>Cut",
        encoding="utf-8",
    )
    ctx, episodes = read_path(path, as_of=AS_OF)
    assert ctx.format == "feed"
    assert episodes[0].title == "Only item"
    assert ctx.warnings == ["malformed XML, read leniently: line 1: no element found"]


def test_an_empty_feed_has_no_episodes(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>Nothing yet</title></channel></rss>', "utf-8"
    )
    fmt, episodes = read(path)
    assert (fmt, episodes) == ("feed", [])


def test_relative_links_resolve_against_the_feed_url() -> None:
    xml = (
        '<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>'
        "<title>Rel</title><item><title>One</title><guid>r1</guid>"
        '<podcast:transcript url="transcripts/1.vtt" type="text/vtt"/>'
        '<podcast:chapters url="/chapters/1.json" type="application/json+chapters"/>'
        "</item></channel></rss>"
    )
    doc = Document(location="https://example.org/show/feed.xml", data=xml.encode(), text=xml)
    [ep] = FeedReader().read(doc, ReadContext(as_of=AS_OF))
    assert ep.transcript_links[0].url == "https://example.org/show/transcripts/1.vtt"
    assert ep.chapters_links[0].url == "https://example.org/chapters/1.json"


def test_unreadable_feed_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    path.write_text('<rss version="2.0">\n<channel\n', encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read(path)
    assert str(info.value) == f"{path}:2: malformed feed: unclosed token"


def test_person_without_role_is_a_host(tmp_path: Path) -> None:
    path = tmp_path / "p.xml"
    path.write_text(
        '<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>'
        "<title>P</title><item><title>One</title><guid>p1</guid>"
        "<podcast:person>Ann Lee</podcast:person></item></channel></rss>",
        encoding="utf-8",
    )
    [ep] = read(path)[1]
    assert ep.hosts == [Person(name="Ann Lee", role="host", group="cast")]
