"""An episode's segments glued into one paragraph of an article, a chat's replay that is no
segment list, a site's menu naming a section, the show an episode is "of" in the prose, a
newspaper's list of its latest episodes under a play button each."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.chapter_lines import classify
from castdigest.readers.chrome import is_chrome
from page_reading import read_text

GLUED_SEGMENTS = """Skip to main content
The Lakeside Courier
Subscribe
Sign in
Outdoors
Weather
The Drift podcast: Why the loons are leaving Lake Vermilion later every fall
Host Paul Lindgren talks with a state ornithologist and a lake association volunteer about warmer autumns and the birds that linger.
By Paul Lindgren
The Lakeside Courier
November 18, 2026 at 6:00AM
If you don't see an audio player, click here.
Every October, readers send in the same photo: a loon on open water long after the leaves have fallen. This year there were more of them than ever.
This week on The Drift, host Paul Lindgren visits Lake Vermilion, where volunteers have counted loons every fall for thirty years.
Introduction: Lindgren reads a few of the loon photos readers sent in and explains why late departures worry biologists. 5:30: Anna Berglund on what thirty years of fall counts show. 17:45: Why open water is not always good news for a loon. 29:10: Listener questions about feeding, nesting and noisy boats.
Listen and subscribe to The Drift: Apple Podcasts | Spotify
"""


def test_segments_glued_in_a_paragraph_after_an_untimed_opening() -> None:
    # "Introduction: … 5:30: … 17:45: …": a time then a colon before each title, the first
    # segment untimed, from the start
    _, episodes = read_text(GLUED_SEGMENTS)
    [episode] = episodes
    assert [(c.start, c.title) for c in episode.chapters] == [
        (0.0, "Introduction"),
        (330.0, "Anna Berglund on what thirty years of fall counts show"),
        (1065.0, "Why open water is not always good news for a loon"),
        (1750.0, "Listener questions about feeding, nesting and noisy boats"),
    ]
    assert episode.review_reasons == []


def test_a_heading_over_a_glued_list_is_no_segment() -> None:
    item = classify(0, "Chapters: 00:00 Intro 03:12 Pricing 10:00 Wrap-up", None)
    assert [(e.start, e.title) for e in item.entries] == [
        (0.0, "Intro"),
        (192.0, "Pricing"),
        (600.0, "Wrap-up"),
    ]


MENU_AND_CRUMBS = """We use cookies to give you the best experience on our website.
Accept all cookies
Skip to main content
Harbourline Capital
United Kingdom
Professional investor
Search
Insights
Funds
Capabilities
Sustainability
About us
Contact us
Home
Insights
Podcasts
Market Tides
Podcast: Ports, pipelines and patience – are shipping stocks priced for the worst?
19/11/2026
Listen now
0:00
31:05
Download
Shipping stocks have fallen by a quarter since the spring. In this episode of Market Tides, Ruth Delaney is joined by Sam Okafor to ask whether the sell-off has gone too far.
Key takeaways
Freight rates have fallen faster than the cost of running a fleet, squeezing margins across the sector.
Container lines with long-term contracts are better protected than those living on the spot market.
New fuel rules from 2027 will force older ships into early retirement, tightening supply.
Chapters
00:00 – Introduction
03:40 – What the sell-off priced in
12:15 – Contracts against the spot market
22:30 – Fuel rules and older fleets
Transcript
Ruth Delaney: Hello and welcome to Market Tides. I'm Ruth Delaney.
Sam Okafor: Thanks for having me.
"""


def test_a_menus_section_names_and_the_show_named_in_the_prose() -> None:
    # "Insights" in the site's menu and in the path to the page heads no takeaways; "Market
    # Tides", last of the path, is the show "this episode of" names, not the title
    _, episodes = read_text(MENU_AND_CRUMBS)
    [episode] = episodes
    assert (
        episode.title
        == "Podcast: Ports, pipelines and patience – are shipping stocks priced for the worst?"
    )
    assert episode.takeaways == [
        "Freight rates have fallen faster than the cost of running a fleet, squeezing margins across the sector.",
        "Container lines with long-term contracts are better protected than those living on the spot market.",
        "New fuel rules from 2027 will force older ships into early retirement, tightening supply.",
    ]
    assert len(episode.chapters) == 4
    assert episode.review_reasons == []


LATEST_WITH_BUTTONS = """Hoppa till huvudinnehållet
Norrlandsposten
Meny
Sök
Logga in
Nyheter
Kultur
Sport
Podd
Bokcirkeln
Varje vecka läser Lina Berg och Omar Khalil en ny roman och pratar om den med en gäst – utan att avslöja slutet.
Följ podden
Spotify
Apple Podcasts
Senaste avsnitten
21 nov 2026
39 min
Varför läser alla plötsligt ryska klassiker igen?
Förlagen trycker nya upplagor av Tolstoj och Tjechov. Lina och Omar frågar översättaren Eva Lund varför.
Spela avsnitt
14 nov 2026
44 min
Deckaren som utspelar sig i en gruva
Kriminalromanen som blev årets överraskning i Norrbotten, med författaren Jonas Niemi.
Spela avsnitt
7 nov 2026
36 min
Bokcirkelns frågelåda: kan man sluta läsa mitt i en bok?
Lyssnarna har skrivit in. Lina och Omar svarar på frågor om olästa böcker och dåligt samvete.
Spela avsnitt
Visa fler avsnitt
© Norrlandsposten 2026
"""


def test_a_list_of_latest_episodes_each_over_its_play_button() -> None:
    # "Senaste avsnitten" (latest episodes) on the show's page heads its list; "Spela
    # avsnitt" (play episode) under each is a button, no title over the next entry's date
    assert is_chrome("Spela avsnitt")
    reader, episodes = read_text(LATEST_WITH_BUTTONS)
    assert reader == "listing"
    assert [(e.title, e.duration) for e in episodes] == [
        ("Varför läser alla plötsligt ryska klassiker igen?", 2340.0),
        ("Deckaren som utspelar sig i en gruva", 2640.0),
        ("Bokcirkelns frågelåda: kan man sluta läsa mitt i en bok?", 2160.0),
    ]
