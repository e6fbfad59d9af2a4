"""A radio programme's page: the music it played under the clock time each track aired,
the hour it airs at, a title dated in other words than its date line, a list of topics
under a lead-in, the player's position over its length, one title shown with two prefixes,
segments set as dashed items."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.doubt import chapter_marks
from castdigest.readers.line_dates import has_length
from page_reading import read_text

PLAYLIST = """Naar hoofdinhoud
Radio Vier
Luister live
Nu op Radio Vier: Nachtkoffie
Programma's
Podcasts
Zoeken
Podcasts
Klankkast
Klankkast
Organist Bram Wouters over Messiaen: "Elke noot is een vogel die je moet vangen"
Aflevering 9 · wo 18 nov 2026 · 58 min
Beluister
Bewaar
Bram Wouters speelt al dertig jaar op het orgel van de Sint-Romboutskathedraal. Hij neemt presentatrice Lies Peeters mee naar de vogelzang die Messiaen noteerde in zijn cahiers, en naar de klanken die hij er zelf in hoort.
Hoe speel je een merel op een instrument van vijf ton? En waarom klinkt dezelfde partituur in elke kerk anders?
Uitgezonden op Radio Vier op woensdag 18 november 2026 om 21 uur.
Gespeelde muziek
21:04
Olivier Messiaen
Le merle noir
Bram Wouters, orgel
21:19
Olivier Messiaen
Apparition de l'église éternelle
Bram Wouters, orgel
21:37
César Franck
Choral nr. 3
Bram Wouters, orgel
Meer afleveringen van Klankkast
Cellist Ruben Claes over Bach: "Zes suites, zes kamers"
Aflevering 8 · wo 11 nov 2026 · 55 min
Alle afleveringen
Radio Vier is een merk van de Omroep
Privacy
"""


def test_a_playlists_clock_times_are_no_episodes_lengths() -> None:
    # "21:04", "21:19", "21:37" under "Gespeelde muziek" (music played) are when each track
    # aired, rising: no listing of four episodes; the hour the programme airs at ("om 21 uur")
    # is no length either
    _, episodes = read_text(PLAYLIST)
    assert [(e.title, e.duration) for e in episodes] == [
        (
            'Organist Bram Wouters over Messiaen: "Elke noot is een vogel die je moet vangen"',
            3480.0,
        )
    ]
    assert episodes[0].review_reasons == []


def test_the_hour_a_programme_airs_at_is_no_length() -> None:
    assert not has_length("Uitgezonden op woensdag 18 november 2026 om 21 uur.")
    assert not has_length("Diffusé le mercredi 18 novembre à 20 h")
    assert has_length("De aflevering duurt 2 uur")
    assert has_length("Elke dag om 8 uur, 1 uur lang")


DATED_TITLE = """Skip to content
Coast FM
Listen Live
On Air: Harbour Hour with Niamh Doyle
Home
News
Sport
Podcasts
Schedule
Contact
Search for:
Podcasts
Harbour Hour
Ferry Timetable Cuts Leave Islanders Stranded – November 20th, 2026
November 20, 2026 9:40 am
Play
00:00
18:02
Download
Subscribe: Apple Podcasts | Spotify | RSS
The winter timetable drops the late sailing on Thursdays, and the island's two shops say deliveries now come a day late.
Niamh spoke to the harbour master, Dónal Keane, and to islander and B&B owner Sinéad Moran.
Share this:
Facebook
X
Related
More from Harbour Hour
Pier Repairs Finally Get the Green Light – November 19th, 2026
November 19, 2026
Lifeboat Volunteers Wanted for Winter Rota – November 18th, 2026
November 18, 2026
View all Harbour Hour podcasts
"""


def test_a_title_dated_in_other_words_than_its_date_line() -> None:
    # "November 20th, 2026" in the title, "November 20, 2026 9:40 am" under it: the same
    # date, so the title is the entry's, not a date line under the show's name
    _, episodes = read_text(DATED_TITLE)
    assert [e.title for e in episodes] == [
        "Ferry Timetable Cuts Leave Islanders Stranded – November 20th, 2026"
    ]
    assert episodes[0].published is not None
    assert episodes[0].published.date().isoformat() == "2026-11-20"


TOPICS = """Skip to content
Riverside Health News
News Releases
Podcasts
Search
Request an Appointment
Podcasts
Family Health Hour: Talking with teenagers about vaping
By Jonah Pruitt
November 17, 2026
Share this:
Family Health Hour podcast
Episode 41: Talking with teenagers about vaping
00:00:00
00:24:51
Download
Many parents learn that their child vapes only when a school calls home. By then, the habit is often months old and the conversation starts on the wrong foot.
Pediatrician Dr. Laila Haddad joins host Dr. Owen Marsh to explain what nicotine does to a developing brain, and how parents can open the subject without a fight.
Topics covered in this episode include:
Why flavored products appeal to younger users
Signs that a teenager may be dependent on nicotine
How to start the conversation calmly
Treatment options that work for adolescents
Journalists: The audio is available in the downloads at the end of this post.
"""


def test_a_list_of_topics_under_a_lead_in_holds_no_title() -> None:
    # "Topics covered in this episode include:" leads in a list, its first item no title;
    # "Family Health Hour: …" and "Episode 41: …" show one title, no doubt between them;
    # the player's "00:00:00" over "00:24:51" is no chapter list
    _, episodes = read_text(TOPICS)
    assert [e.title for e in episodes] == [
        "Family Health Hour: Talking with teenagers about vaping"
    ]
    assert episodes[0].review_reasons == []


def test_a_players_position_over_its_length_is_no_chapter_mark() -> None:
    assert chapter_marks(["Episode 41: Talking", "00:00:00", "00:24:51", "Download"]) == 0
    assert chapter_marks(["00:00 Intro", "04:10 Flavors", "11:45 Signs", "19:30 Help"]) == 4


SEGMENTS = """The Bench Room
Conversations about furniture, tools and the people who use them
Home
Episodes
About
Search

Tuesday Nov 17, 2026
Ep. 33 – Steam Bending at Home (feat. Marta Kowalczyk)
Play
00:00:00
00:41:10
Download
Share

Chairmaker Marta Kowalczyk bends ash and oak in a steam box made from a drainpipe, and she explains how a beginner can start with almost no equipment.

Episode segments
— Why green wood bends and dry wood cracks
— Building a steam box from a drainpipe
— Straps, forms and the ten-second rule
— Listener question: can you bend walnut?

Marta's workshop: kowalczykchairs.example

Comment (0)
Share
"""


def test_dashed_segments_are_chapters() -> None:
    _, episodes = read_text(SEGMENTS)
    assert [c.title for c in episodes[0].chapters] == [
        "Why green wood bends and dry wood cracks",
        "Building a steam box from a drainpipe",
        "Straps, forms and the ten-second rule",
        "Listener question: can you bend walnut?",
    ]
    assert episodes[0].review_reasons == []
