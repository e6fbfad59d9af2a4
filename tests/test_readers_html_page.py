"""The html-page reader: saved HTML pages read through their own metadata and main text.

The pages here are written for these tests; the real pages of ../shared/pages-dev are read
when present (skipped otherwise) and their titles compared with its truth.json."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from castdigest.cli import cli
from castdigest.models import Episode
from castdigest.readers.base import Document
from castdigest.readers.page_meta import clean_title
from castdigest.readers.registry import choose, read_path
from conftest import AS_OF
from feed_server import serve

GRAPH_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Lantern Hours 58 – Night trains of Europe | Lantern Hours</title>
<meta property="og:title" content="Night trains of Europe (og)">
<link rel="canonical" href="https://lanternhours.example/episodes/58-night-trains">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "@id": "https://lanternhours.example/#site", "name": "Lantern Hours"},
  {"@type": "WebPage", "name": "Episodes", "datePublished": "2026-01-01"},
  {"@type": "PodcastEpisode",
   "name": "Lantern Hours 58 – Night trains of Europe",
   "datePublished": "2026-10-07T06:00:00+02:00",
   "duration": "PT1H2M3S",
   "url": "https://lanternhours.example/episodes/58",
   "inLanguage": "en-GB",
   "partOfSeries": {"@type": "PodcastSeries", "name": "Lantern Hours"},
   "associatedMedia": {"@type": "MediaObject",
                       "contentUrl": "https://cdn.lanternhours.example/58.mp3"},
   "description": "Sleeper carriages, border stations at 3 a.m. and the return of the night train."}
]}
</script>
</head>
<body>
<header><a href="/">Home</a> <a href="/episodes">All episodes</a></header>
<main><article>
<h1>Lantern Hours 58 – Night trains of Europe</h1>
<p>We booked a couchette from Vienna to Hamburg and kept a diary of every stop, from the
conductor's tea trolley to the shunting yard where the carriages are split before dawn.</p>
<p>Our guest has spent a decade writing timetables for cross-border services and explains why
the night train nearly vanished and why it is now coming back on a dozen new routes.</p>
<p>We also answer your letters about lost luggage, snoring neighbours and the best bunk.</p>
</article></main>
<footer>Listener-supported since 2019</footer>
</body></html>
"""

OPENGRAPH_PAGE = """<!doctype html>
<html>
<head>
<meta property="og:title" content="The orchard in winter | Green Shed Radio">
<meta property="og:site_name" content="Green Shed Radio">
<meta property="og:url" content="https://greenshed.example/2026/orchard-in-winter/">
<meta property="og:description" content="Pruning apple trees while the frost holds.">
<meta property="article:published_time" content="2026-02-14T09:30:00+00:00">
<meta property="og:audio" content="https://greenshed.example/media/orchard.mp3">
<title>The orchard in winter | Green Shed Radio</title>
</head>
<body>
<div class="menu">Subscribe · Archive · Shop</div>
<h1>The orchard in winter</h1>
<p>Pruning apple trees is a winter job: the sap is down and the shape of every branch is
plain to see. We walk the rows with a grower who has looked after the same forty trees for
thirty years and who still learns something from them every season.</p>
<blockquote><p>A tree tells you where to cut
if you stand still long enough.</p></blockquote>
<p>She shows us the three cuts every beginner should know, why a crossing branch has to go,
and how to leave the tree open enough for light and wind to reach the fruit in summer.</p>
</body></html>
"""

NEXT_EPISODES = [
    {
        "uuid": "a1",
        "title": "Clay &amp; Fire 31: Wood kilns",
        "duration": 2730500,
        "publishedAt": 1764064800,
        "contentURL": "https://media.clayfire.example/31.mp3",
        "description": "<p>Three days of stoking.</p><p>And the ash glaze that came out.</p>",
    },
    {
        "uuid": "a2",
        "title": "Clay & Fire 30: Throwing big",
        "duration": 3905000,
        "publishedAt": 1763460000,
        "contentURL": "https://media.clayfire.example/30.mp3",
        "description": "<p>Centering twenty kilos.</p>",
    },
    {
        "uuid": "a3",
        "title": "Clay & Fire 29: Studio on a budget",
        "duration": 1800000,
        "publishedAt": 1762855200,
        "contentURL": "https://media.clayfire.example/29.mp3",
        "description": "",
    },
]
NEXT_DATA = {
    "props": {
        "pageProps": {
            "show": {"title": "Clay & Fire", "episodes": NEXT_EPISODES},
            "player": {"nowPlaying": NEXT_EPISODES[0]},  # the same episode again
            "nav": [{"title": "Discover", "href": "/discover"}],
        }
    },
    "page": "/shows/[id]",
}
NEXT_PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>
<title>Clay &amp; Fire | Podhost</title>
<meta property="og:title" content="Clay &amp; Fire"/>
<link rel="canonical" href="https://podhost.example/shows/clay-and-fire"/>
</head><body><div id="__next"><h1>Clay &amp; Fire</h1>
<ul><li>Clay &amp; Fire 31: Wood kilns 46m</li><li>Clay &amp; Fire 30: Throwing big 1h 5m</li></ul>
</div>
<script id="__NEXT_DATA__" type="application/json">{json.dumps(NEXT_DATA)}</script>
</body></html>
"""

CHAPTERS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Tidepool Talks 12: Mapping kelp forests – Tidepool Talks</title></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article>
<h1>Tidepool Talks 12: Mapping kelp forests</h1>
<p>A marine surveyor who has counted kelp from a small boat for twenty winters tells us what
satellites can and cannot see below the surface.</p>
<h2>Chapters</h2>
<p>00:00 Intro<br>03:15 Why kelp matters<br>17:40 Mapping from orbit<br>1:01:05 What listeners
can do</p>
<h2>Notable quotes</h2>
<blockquote><p>"The forest moves with the tide, so every map is a guess about one afternoon."</p>
</blockquote>
<h2>Transcript</h2>
<p>Welcome back to Tidepool Talks. Today we are out on the water with a surveyor.</p>
<p>Thanks for having me. It is a calm day, which is rare out here.</p>
</article>
<footer>© Tidepool Talks</footer></body></html>
"""

BARE_PAGE = """<html>
<body>
<p>Notes from the allotment, week nine</p>
<p>The beans finally climbed past the top of the canes this week, and the courgettes are
coming faster than anyone on the plot can eat them. We swapped seeds with the neighbours and
talked about what to sow before the first frost, which this year looks like it will be early.</p>
<p>Next time: leeks, and what to do about the slugs.</p>
</body>
</html>
"""


def _body(ep: Episode) -> str:
    """The page's text wherever the text reader put it (abstract, transcript, chapters)."""
    parts = [ep.abstract or "", ep.transcript.text if ep.transcript else ""]
    parts += [c.summary or "" for c in ep.chapters]
    return "\n".join(parts)


def _read(tmp_path: Path, name: str, page: str) -> tuple[str, list[Episode]]:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    ctx, episodes = read_path(path, as_of=AS_OF)
    return ctx.format, episodes


def test_json_ld_graph_gives_title_date_duration_show_and_link(tmp_path: Path) -> None:
    fmt, (ep,) = _read(tmp_path, "night-trains.html", GRAPH_PAGE)
    assert fmt == "html-page"
    assert ep.title == "Lantern Hours 58 – Night trains of Europe"
    assert ep.published == datetime(2026, 10, 7, 4, 0, tzinfo=UTC)
    assert ep.duration == 3723.0
    assert ep.show == "Lantern Hours"
    assert ep.language == "en"
    assert ep.url == "https://lanternhours.example/episodes/58"
    assert "couchette from Vienna to Hamburg" in _body(ep)
    assert "Listener-supported" not in _body(ep)
    assert "All episodes" not in _body(ep)


def test_opengraph_only_page(tmp_path: Path) -> None:
    fmt, (ep,) = _read(tmp_path, "orchard.htm", OPENGRAPH_PAGE)
    assert fmt == "html-page"
    assert ep.title == "The orchard in winter"  # the site's name dropped: the h1 says so
    assert ep.show == "Green Shed Radio"
    assert ep.published == datetime(2026, 2, 14, 9, 30, tzinfo=UTC)
    assert ep.url == "https://greenshed.example/2026/orchard-in-winter/"
    assert ep.duration is None
    assert [q.text for q in ep.quotes] == [
        "A tree tells you where to cut if you stand still long enough."
    ]
    assert "three cuts every beginner" in _body(ep)
    assert "Subscribe" not in _body(ep)


def test_next_data_listing_gives_one_episode_per_item(tmp_path: Path) -> None:
    fmt, episodes = _read(tmp_path, "clay-and-fire.html", NEXT_PAGE)
    assert fmt == "html-page"
    assert [e.title for e in episodes] == [
        "Clay & Fire 31: Wood kilns",
        "Clay & Fire 30: Throwing big",
        "Clay & Fire 29: Studio on a budget",
    ]
    assert [e.duration for e in episodes] == [2730.5, 3905.0, 1800.0]
    assert [e.published for e in episodes] == [
        datetime(2025, 11, 25, 10, 0, tzinfo=UTC),
        datetime(2025, 11, 18, 10, 0, tzinfo=UTC),
        datetime(2025, 11, 11, 10, 0, tzinfo=UTC),
    ]
    assert {e.show for e in episodes} == {"Clay & Fire"}
    assert episodes[0].abstract == "Three days of stoking.\nAnd the ash glaze that came out."
    assert episodes[0].url == "https://podhost.example/shows/clay-and-fire"  # no own link
    assert [s.position for e in episodes for s in e.sources] == [0, 1, 2]


def test_chapters_in_the_body_go_through_the_text_readers(tmp_path: Path) -> None:
    fmt, (ep,) = _read(tmp_path, "kelp.html", CHAPTERS_PAGE)
    assert fmt == "html-page"
    assert ep.title == "Tidepool Talks 12: Mapping kelp forests"
    assert [(c.start, c.title) for c in ep.chapters] == [
        (0.0, "Intro"),
        (195.0, "Why kelp matters"),
        (1060.0, "Mapping from orbit"),
        (3665.0, "What listeners can do"),
    ]
    assert ep.show == "Tidepool Talks"
    assert ep.language == "en"
    assert ep.url is None  # a saved file with no canonical link has none


def test_page_without_metadata_is_read_from_its_text(tmp_path: Path) -> None:
    fmt, (ep,) = _read(tmp_path, "allotment.html", BARE_PAGE)
    assert fmt == "html-page"
    assert ep.title == "Notes from the allotment, week nine"
    assert ep.published is None and ep.duration is None and ep.url is None
    assert ep.show is None
    assert "courgettes" in _body(ep) and "<p>" not in _body(ep)


CREDITS_PAGE = """<html>
<head><title>Radio allotment: leeks and slugs</title></head>
<body>
<article><h1>Radio allotment: leeks and slugs</h1>
<p>The leeks went in late this year, and the slugs found them before we did. We talk through
what worked on the plot, what did not, and why copper tape is mostly a story people tell.</p>
<p>Next time: the first frost, and the seeds we are saving for spring.</p></article>
<aside><ul class="credits">
<li><p class="title">Un documentaire</p><p class="content">de Jeanne Potager</p></li>
<li><p class="title">Mise en ligne</p><p class="content">12 mars 2024</p></li>
<li><p class="title">Enregistrements</p><p class="content">2 février 2024</p></li>
</ul></aside>
</body>
</html>
"""


def test_a_date_under_a_publication_label_outside_the_main_text_dates_the_page(
    tmp_path: Path,
) -> None:
    _, (ep,) = _read(tmp_path, "leeks.html", CREDITS_PAGE)
    # the label's date, not the recording's: "Enregistrements" is no publication label
    assert ep.published == datetime(2024, 3, 12, tzinfo=UTC)
    assert ep.published_text == "12 mars 2024"
    _, (bare,) = _read(tmp_path, "allotment.html", BARE_PAGE)
    assert bare.published is None


def _doc(text: str, content_type: str | None = None) -> Document:
    return Document(location="page.html", data=text.encode(), text=text, content_type=content_type)


@pytest.mark.parametrize(
    ("title", "headings", "url", "expected"),
    [
        # The logo heading repeats the site's name (its address's domain): the post heading wins.
        (
            "harbourlights » Ep 4: Fog",
            ["harbourlights", "Ep 4: Fog"],
            "https://harbourlights.org/ep4",
            ("Ep 4: Fog", "harbourlights"),
        ),
        # A trail "Site » Section » Title" with no heading to go by: its last step.
        ("Harbour.fm » Blog Archive » Ep 4 – Fog at sea", [], None, ("Ep 4 – Fog at sea", None)),
        # "Title | Site": the site's part, named by the address, goes.
        (
            "Fog at sea | Harbour Lights",
            [],
            "https://www.harbour-lights.com/fog",
            ("Fog at sea", None),
        ),
        # No part names the site: the title is kept whole.
        ("Fog – a sea story", [], "https://example.org/fog", ("Fog – a sea story", None)),
    ],
)
def test_page_title_parts_naming_the_site_are_not_the_title(
    title: str, headings: list[str], url: str | None, expected: tuple[str, str | None]
) -> None:
    assert clean_title(title, headings, None, url) == expected


def test_feeds_transcripts_and_empty_pages_are_not_claimed() -> None:
    rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>S</title></channel></rss>'
    atom = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>S</title></feed>'
    cues = "<html><body>" + "<cite>Ana:</cite><time>0:01</time><p>Hello there.</p>" * 3
    parked = "<!doctype html><html><body><p>Parked domain.</p></body></html>"
    assert choose(_doc(rss)).name == "feed"
    assert choose(_doc(atom)).name == "feed"
    assert choose(_doc(cues)).name == "transcript-html"
    assert choose(_doc(parked, "text/html")).name == "text"  # refused when fetched
    assert choose(_doc(GRAPH_PAGE)).name == "html-page"
    assert choose(_doc("<!-- saved -->\n" + BARE_PAGE)).name == "html-page"
    assert choose(_doc("Plain notes\n\n<html> is a tag we explain here.")).name != "html-page"


def test_broken_json_ld_and_app_data_do_not_stop_the_page(tmp_path: Path) -> None:
    page = OPENGRAPH_PAGE.replace(
        "</head>",
        '<script type="application/ld+json">{"@type": "PodcastEpisode", "name": </script>'
        '<script id="__NEXT_DATA__" type="application/json">[[[{"title": 3}</script></head>',
    )
    fmt, (ep,) = _read(tmp_path, "broken.html", page)
    assert fmt == "html-page"
    assert ep.title == "The orchard in winter"


HTML_TRUTH = "pages-dev/truth.json"


def test_pages_dev_html_titles_match_the_truth(shared: Path) -> None:
    truth = json.loads((shared / HTML_TRUTH).read_text(encoding="utf-8"))
    names = sorted(n for n in truth if n.endswith(".html"))
    assert len(names) == 6
    for name in names:
        ctx, episodes = read_path(shared / "pages-dev" / name, as_of=AS_OF)
        assert ctx.format == "html-page", name
        expected = truth[name]["episodes"]
        assert len(episodes) == len(expected), name
        for ep, want in zip(episodes, expected, strict=True):
            right = {want["title"], want.get("title_line"), *(want.get("alt_titles") or [])}
            assert ep.title in right, (name, ep.title, want["title"])


def test_ingest_url_of_a_web_page_links_to_the_page(tmp_path: Path) -> None:
    """A fetched text/html page (not a feed) reaches the reader; the canonical URL is kept."""
    (tmp_path / "orchard.html").write_text(OPENGRAPH_PAGE, encoding="utf-8")
    db = str(tmp_path / "a.db")
    runner = CliRunner(env={"CASTDIGEST_HTTP_TIMEOUT": "2"})
    with serve(tmp_path, tmp_path) as served:
        url = served.url("files/orchard.html")
        done = runner.invoke(cli, ["ingest", url, "--db", db])
    assert done.exit_code == 0, done.stderr
    assert f"{url}: 1 new, 0 updated, 0 unchanged (html-page)" in done.stdout
    listed = runner.invoke(cli, ["episodes", "--db", db, "--json"])
    (stored,) = json.loads(listed.stdout[listed.stdout.index("[") :])
    assert stored["title"] == "The orchard in winter"
    assert stored["urls"] == ["https://greenshed.example/2026/orchard-in-winter/"]
    assert stored["published"].startswith("2026-02-14T09:30:00")


def test_page_in_another_encoding_is_read_by_its_charset(tmp_path: Path) -> None:
    page = OPENGRAPH_PAGE.replace("The orchard in winter", "Le verger en hiver, à l'été")
    page = page.replace("<head>", '<head><meta charset="windows-1252">')
    path = tmp_path / "verger.html"
    path.write_bytes(page.encode("cp1252"))
    ctx, (ep,) = read_path(path, as_of=AS_OF)
    assert ctx.format == "html-page"
    assert ep.title == "Le verger en hiver, à l'été"
