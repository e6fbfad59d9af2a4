"""Seeds and deterministic mutations for fuzzing the readers (tests/test_fuzz_readers.py).

One small seed per reader format (written for these tests), and mutations that break them
the ways real inputs break: flipped bytes, cuts, byte-order marks, NULs and control
characters, direction overrides, huge numbers, deep nesting, enormous lines, out-of-range
character references, broken URLs and placeholder dates. A case is a pure function of its
number, so a failing case is reproduced by its number alone.
"""

# ruff: noqa: E501 - the seeds are documents, and some formats put a whole body on one line

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

SEEDS: dict[str, bytes] = {
    "feed": b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:podcast="https://podcastindex.org/namespace/1.0">
<channel>
<title>Quay Talk</title>
<link>https://quay.example.org/</link>
<language>en-us</language>
<itunes:author>Ada Ferris &amp; Tom Ng</itunes:author>
<podcast:person role="host">Ada Ferris</podcast:person>
<item>
<title>Tides &amp; timetables</title>
<link>https://quay.example.org/ep/7</link>
<guid>quay-7</guid>
<pubDate>Tue, 17 Nov 2026 06:00:00 +0000</pubDate>
<itunes:duration>41:09</itunes:duration>
<itunes:season>2</itunes:season>
<itunes:episode>7</itunes:episode>
<description><![CDATA[<p>Why ferries run late &#8212; and how <b>harbour</b> pilots plan.</p>]]></description>
<enclosure url="https://cdn.example.org/q7.mp3" type="audio/mpeg" length="1"/>
<podcast:transcript url="https://quay.example.org/ep/7.vtt" type="text/vtt"/>
<podcast:chapters url="/ep/7.json" type="application/json+chapters"/>
<podcast:person role="guest" href="https://example.org/li">Li Wen</podcast:person>
<category>Maritime</category>
</item>
</channel>
</rss>
""",
    "atom": b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Night Shift Notes</title>
<link href="https://night.example.org/"/>
<entry>
<title type="html">Sleep &lt;em&gt;debt&lt;/em&gt;</title>
<link href="https://night.example.org/3"/>
<id>urn:night:3</id>
<updated>2026-11-18T22:15:00+01:00</updated>
<author><name>Rui Costa</name></author>
<summary>Three nurses on rotas.</summary>
</entry>
</feed>
""",
    "vtt": b"""WEBVTT

00:00:01.000 --> 00:00:04.500
<v Ada Ferris>Welcome back to the quay.

00:00:04.500 --> 00:00:09.000
<v Li Wen>Thanks &amp; hello.

00:01:10.000 --> 00:01:15.250
Li Wen: Tides set the timetable.
""",
    "srt": b"""1
00:00:01,000 --> 00:00:03,000
Ada: Good evening.

2
00:00:03,000 --> 00:00:06,500
Rui: Evening, the <i>night</i> shift starts.
""",
    "transcript-json": b"""{"version": "1.0.0", "segments": [
 {"speaker": "Ada", "startTime": 0.5, "endTime": 3.25, "body": "Welcome back."},
 {"speaker": "Li", "startTime": 3.25, "endTime": 7, "body": "Glad to be here."},
 {"startTime": 7, "endTime": 9.5, "body": "Tides first."}]}
""",
    "chapters-json": b"""{"version": "1.2.0", "title": "Tides and timetables",
 "podcastName": "Quay Talk", "author": "Ada Ferris", "chapters": [
 {"startTime": 0, "title": "Cold open"},
 {"startTime": 95.5, "title": "Pilots", "url": "https://example.org/p", "img": "https://example.org/p.png"},
 {"startTime": 1800, "endTime": 2469, "toc": false, "location": {"name": "Harbour"}}]}
""",
    "episodes-json": b"""[
  {"id": "ep_0123456789ab", "title": "Sleep debt", "show": "Night Shift Notes",
   "published": "2026-11-18T21:15:00Z", "duration": 1820.5, "language": "en",
   "urls": ["https://night.example.org/3"], "tags": ["health"],
   "chapters": [{"start": 0, "end": 60, "title": "Intro", "quotes": [{"text": "Sleep is work.", "offset": 12}]}],
   "transcript": {"text": "Ada: hi", "segments": [{"text": "hi", "start": 0, "speaker": "Ada"}]},
   "first_seen": "2026-11-19T00:00:00Z", "caption_languages": ["en"],
   "sources": [{"location": "x.xml", "format": "feed", "position": 0, "content_hash": "ab"}]}
]
""",
    "episodes-jsonl": b'{"title": "One", "first_seen": null, "sources": [], "duration": 60}\n'
    b'{"title": "Two", "published_text": "today", "caption_languages": [], "quotes": []}\n',
    "html-page": b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Keel and compass, episode 9 | Harbor Radio</title>
<meta property="og:title" content="Keel and compass, episode 9">
<meta property="og:site_name" content="Harbor Radio">
<meta property="og:url" content="https://harbor.example.org/keel-9">
<link rel="canonical" href="https://harbor.example.org/keel-9">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "PodcastEpisode", "name": "Keel and compass, episode 9",
  "datePublished": "2026-11-18", "timeRequired": "PT41M", "duration": "PT41M12S",
  "url": "https://harbor.example.org/keel-9",
  "partOfSeries": {"@type": "PodcastSeries", "name": "Keel and compass"}}]}</script>
</head><body><nav><a href="/">Home</a> <a href="/shows">Shows</a></nav>
<article><h1>Keel and compass, episode 9</h1>
<p>Navigator Ines Moura explains why paper charts still matter when every screen fails,
and how a crew keeps its dead-reckoning skills sharp through a season of calm weather.</p>
<p>She walks through three passages where the instruments disagreed and the crew had to
decide which to trust, and what they changed in their watch routine afterwards.</p>
<blockquote>A chart you never look at is a chart you cannot read in a storm.</blockquote>
</article><footer>&copy; 2026 Harbor Radio</footer></body></html>
""",
    "ytdlp-info": b"""{"id": "k3Yq9ZpL0aA", "title": "Building a quiet boat engine",
 "channel": "Dockside Workshop", "uploader": "Dockside Workshop",
 "upload_date": "20261117", "duration": 1834, "webpage_url":
 "https://www.youtube.com/watch?v=k3Yq9ZpL0aA", "extractor": "youtube",
 "description": "We rebuild the mounts and the exhaust of a small diesel.",
 "tags": ["boats", "engines"], "language": "en",
 "chapters": [{"start_time": 0, "end_time": 300, "title": "Why it rattles"},
              {"start_time": 300, "end_time": 1834, "title": "New mounts"}]}
""",
    "markdown": b"""---
title: Release trains without the panic
show: Harbor Notes
date: 2026-11-19
url: [https://example.org/hn/12]
tags: [release-engineering, "#flags"]
guests: [{name: Theo Brandt, affiliation: Lanternworks}]
hosts: Mara Quill
language: en
duration: "42:15"
season: 1
episode: 12
---
Theo explains release trains.

## [00:00] Cold open Theo sets the scene. > *"Ship on a schedule, not on a feeling."* > *[0, 42]*
## [12:30] Trains Every train leaves on time.

#devops#releases
""",
    "transcript-html": b"""<html><head><title>Tides, a transcript</title></head><body>
<cite>Ada:</cite> <time>0:01</time> <p>Welcome back &amp; hello.</p>
<cite>Li:</cite> <time datetime="PT53S">0:53</time> <p>Tides set the timetable.</p>
<cite>Ada:</cite> <time>1:20</time> <p>Thanks, Li.</p>
</body></html>
""",
    "listing": """Quay Talk

Tides and Timetables \u2014 Li Wen, Harbour Board
41:09
EN/FR
Watch with Captions
Quay Talkil y a 3 jours

Tides and Timetables \u2014 Li Wen, Harbour Board

Li Wen explains how tides shape ferry timetables. ## [00:00] Cold Open Li describes a late ferry. > *"The tide does not read the timetable."* > *[0, 42]* \u2014 Li Wen ## [12:05] Pilots Pilots plan by the hour. ## Entities - **Li Wen** (person): Harbour planner.

#tides#ferries
Night Rotas \u2014 Rui Costa
1:02:03
Night Shift Notes2026-11-20

Night Rotas \u2014 Rui Costa

Rui talks rotas.
""".encode(),
    "video-page": """Why Ferries Run Late
Chapters2
[00:00] Intro The host sets up the question.
[03:20] Tides Tides and pilots decide.
Summary
Li Wen explains why ferries run late and what pilots do about it.
Key Takeaways
- Tides set the timetable.
- Pilots plan by the hour.
Notable Quotes
""The tide does not read the timetable.""
\u2014Li Wen on planning.
Questions This Video Answers
- Why do ferries run late?
FerriesTidesHarbour Pilots
Full Transcript
Welcome to the show.
More from Quay Talk | Ada Ferris
""".encode(),
    "summary-page": """Des ferries en retard
Li Wen explique pourquoi les ferries partent en retard.
Points cl\u00e9s
- Les mar\u00e9es fixent les horaires.
- Les pilotes planifient heure par heure.
\u00c0 retenir
La mar\u00e9e ne lit pas les horaires.
Sources
""".encode(),
    "roundup": """Harbour Letter
1) “The tide sets the timetable, not the other way round.”
Listen: Quay Talk: Why ferries run late (4:12)
- Li Wen explains how tides shape ferry timetables.
2) “A night shift is a relay, not a marathon.”
Listen: Night Rotas: Three nurses, one night (12:40)
- Rui Costa on sharing one shift.
""".encode(),
    "pairs": b"""Tides and Timetables
Li Wen explains how tides shape ferry timetables, and why pilots plan by the hour rather than by the day.
#tides#ferries
Night Rotas
Rui Costa talks about rotas, sleep debt and how three nurses share one night shift every week.
""",
    "article": """How a Ferry Line Cut Its Delays in Half

0
2K

The ferry line spent a year rebuilding its timetable around the tides, and the results surprised even the pilots who did the planning work every morning.

The biggest change was not a new boat but a new rule: every crossing had to report how long it took, every time, and the numbers were read every single week.

What Changed

\u201cWe had three timetables that all assumed the same tide,\u201d the planner, Li Wen, said. \u201cNobody had looked at them together for years.\u201d Merging them saved an hour a day.

Like
Love
Haha
Categories
Read more
""".encode(),
    "text": b"Harbour chat\n\nAda: Welcome back.\nLi: Thanks.\n[00:01:10] Ada: Tides first.\n",
}

# Tokens that have broken readers, or would: each is spliced in somewhere.
NASTY: tuple[str, ...] = (
    "&#99999999999;",
    "&#" + "9" * 20 + ";",
    "&#" + "9" * 5000 + ";",
    "&#x110000;",
    "&#xD800;",
    "&#0;",
    "&#x1b;",
    "&#128;",
    "http://[::1/",
    "https://[zz::1]/x",
    "<link>http://[::1/</link>",
    '<enclosure url="http://[::1/" type="audio/mpeg"/>',
    '<podcast:transcript url="http://[::1/" type="text/vtt"/>',
    "0001-01-01",
    "date: 0001-01-01",
    "date: 0001-01-01T00:00:00+05:00",
    "9999-12-31T23:59:59-05:00",
    "Mon, 01 Jan 0001 00:00:00 +0000",
    "<pubDate>Mon, 01 Jan 0001 00:00:00 -0500</pubDate>",
    "1" * 5000,
    "-" + "9" * 400,
    "1e999",
    "-1e999",
    "NaN",
    "Infinity",
    "-Infinity",
    "-5",
    "-0.5",
    '"startTime": NaN',
    '"startTime": -1e999',
    '"duration": Infinity',
    '"offset": -3',
    '"published": "0001-01-01T00:00:00Z"',
    "99:99:99",
    "PT99999999999999999999H",
    "P" + "9" * 400 + "S",
    "<itunes:duration>-4</itunes:duration>",
    "<itunes:duration>1e400</itunes:duration>",
    "<itunes:season>" + "9" * 5000 + "</itunes:season>",
    "season: " + "9" * 5000,
    "duration: .nan",
    "duration: -.inf",
    "\x00",
    "\x1b[31m",
    "\x07\x08\x0b\x0c",
    "\x85\x9f",
    "\u202e\u2066",
    "\ufeff",
    "\ufffe\uffff",
    "\ud800",
    "\udfff\ud83d",
    "\U0010ffff",
    "A\u0301\u0301\u0301\u0301",
    "]]>",
    "<![CDATA[",
    "<!--",
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
    "&a;&a;&a;",
    "\r",
    "\r\n\r\n",
    "## [",
    "## [99:99] ",
    "> *[999, 99]*",
    "> *",
    "- **",
    "#" * 300,
    "\u2014",
    "{'title': 'x', 'start': 1e999}",
    "{'start': -5, 'quotes': [['q', [99, 99]]]}",
    "> *{'title': 'a\\tb\\nc\\u0007', 'start': 5, 'summary': 'x\\ty'}*",
    "## [00:10]  \x1b\t",
    "# \tTitle\twith\ttabs\n",
    "- **Name\t** (Kind\tX): text",
)


@dataclass(frozen=True)
class Case:
    number: int
    seed: str
    mutation: str
    name: str  # the file name the case is read as (its suffix guides some readers)
    data: bytes


def seed_names() -> dict[str, str]:
    """The file name each seed is read under."""
    suffix = {
        "feed": ".xml",
        "atom": ".atom",
        "vtt": ".vtt",
        "srt": ".srt",
        "transcript-json": ".json",
        "chapters-json": ".json",
        "episodes-json": ".json",
        "episodes-jsonl": ".jsonl",
        "markdown": ".md",
        "transcript-html": ".html",
        "html-page": ".html",
        "ytdlp-info": ".info.json",
    }
    return {name: f"seed-{name}{suffix.get(name, '.txt')}" for name in SEEDS}


def extra_seeds(*folders: Path) -> dict[str, bytes]:
    """Files of the given folders (the bundled samples, ../shared) as more seeds, each cut
    to its first 20 KB so that a case stays small."""
    out: dict[str, bytes] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (
                ".txt",
                ".md",
                ".xml",
                ".json",
                ".vtt",
                ".srt",
                ".html",
                ".jsonl",
            ):
                out[f"{folder.name}/{path.name}"] = path.read_bytes()[:20_000]
    return out


# --------------------------------------------------------------------------- mutations

Mutation = Callable[[random.Random, bytes], bytes]


def _at(rng: random.Random, data: bytes) -> int:
    return rng.randrange(len(data) + 1)


def _flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _random_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: _at(rng, data)]


def _delete(rng: random.Random, data: bytes) -> bytes:
    a = _at(rng, data)
    return data[:a] + data[a + rng.randint(1, 200) :]


def _duplicate(rng: random.Random, data: bytes) -> bytes:
    a = _at(rng, data)
    b = min(len(data), a + rng.randint(1, 400))
    return data[:b] + data[a:b] * rng.randint(1, 50) + data[b:]


def _nasty(rng: random.Random, data: bytes) -> bytes:
    out = data
    for _ in range(rng.randint(1, 3)):
        token = rng.choice(NASTY).encode("utf-8", "surrogatepass")
        a = _at(rng, out)
        out = out[:a] + token + out[a:]
    return out


def _nasty_value(rng: random.Random, data: bytes) -> bytes:
    """Replace a value (a number, a date, a quoted string, an element's text) with a token."""
    spans = [m.span(1) for m in _VALUE.finditer(data)]
    if not spans:
        return _nasty(rng, data)
    a, b = rng.choice(spans)
    token = rng.choice(NASTY).encode("utf-8", "surrogatepass")
    return data[:a] + token + data[b:]


_VALUE = re.compile(rb"(\d[\d:.,-]*|\"[^\"\n]{0,80}\"|>[^<\n]{1,80}<)")


def _huge_number(rng: random.Random, data: bytes) -> bytes:
    spans = [m.span() for m in re.finditer(rb"\d+", data)]
    if not spans:
        return _nasty(rng, data)
    a, b = rng.choice(spans)
    return data[:a] + b"9" * rng.choice((20, 400, 4301, 5000, 20_000)) + data[b:]


def _deep(rng: random.Random, data: bytes) -> bytes:
    opener, closer = rng.choice(((b"[", b"]"), (b'{"a":', b"}"), (b"<a>", b"</a>"), (b"> ", b"")))
    # Markup stays at 5,000 levels: feedparser's lenient parser reads some 10,000 tags a
    # second, so deeper only makes a case slow, not different.
    depth = rng.choice((100, 1000, 5000) if opener == b"<a>" else (100, 1000, 5000, 100_000))
    a = _at(rng, data)
    return data[:a] + opener * depth + closer * depth * rng.randint(0, 1) + data[a:]


def _bom(rng: random.Random, data: bytes) -> bytes:
    boms = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\xef\xbb\xbf" * 2)
    bom = rng.choice(boms)
    if rng.random() < 0.5:  # as if the document were in that encoding, maybe cut mid-unit
        text = data.decode("utf-8", "replace")
        body = text.encode("utf-16-le" if bom.startswith(b"\xff\xfe") else "utf-16-be")
        data = body[: len(body) - rng.randint(0, 1)]
    return bom + data


def _controls(rng: random.Random, data: bytes) -> bytes:
    out = data
    for _ in range(rng.randint(1, 10)):
        ch = rng.choice(
            [chr(c) for c in (*range(0, 14), *range(14, 32), 127, 0x85, 0x9B)]
            + ["\u202e", "\u2066", "\u200b", "\u2028", "\u2029", "\ufeff"]
        )
        a = _at(rng, out)
        out = out[:a] + ch.encode() + out[a:]
    return out


def _long_line(rng: random.Random, data: bytes) -> bytes:
    unit = rng.choice((b"x", b"word ", b"\xe6\xb5\xb7", b"#a", b"## [00:00] t ", b"> *q* "))
    a = _at(rng, data)
    return data[:a] + unit * (rng.choice((50_000, 300_000)) // len(unit)) + data[a:]


def _splice(rng: random.Random, data: bytes) -> bytes:
    other = rng.choice(list(SEEDS.values()))
    a, b = _at(rng, data), rng.randrange(len(other) + 1)
    return data[:a] + other[b:]


MUTATIONS: dict[str, Mutation] = {
    "flip": _flip,
    "bytes": _random_bytes,
    "truncate": _truncate,
    "delete": _delete,
    "duplicate": _duplicate,
    "nasty": _nasty,
    "nasty-value": _nasty_value,
    "huge-number": _huge_number,
    "deep": _deep,
    "bom": _bom,
    "controls": _controls,
    "long-line": _long_line,
    "splice": _splice,
}


def cases(count: int, seeds: dict[str, bytes] | None = None) -> Iterator[Case]:
    """`count` cases, each a seed with one to three mutations; case n is the same every run."""
    seeds = seeds or SEEDS
    names = seed_names()
    keys = sorted(seeds)
    kinds = sorted(MUTATIONS)
    for n in range(count):
        rng = random.Random(n)
        seed = keys[n % len(keys)]
        data = seeds[seed]
        applied = []
        for _ in range(1 if n % 3 else rng.randint(2, 3)):
            kind = (
                kinds[rng.randrange(len(kinds))]
                if applied
                else kinds[(n // len(keys)) % len(kinds)]
            )
            data = MUTATIONS[kind](rng, data)
            applied.append(kind)
        name = names.get(seed, seed.rsplit("/", 1)[-1])
        yield Case(n, seed, "+".join(applied), name, data)
