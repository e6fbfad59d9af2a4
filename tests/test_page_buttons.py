"""The buttons and cards around what a page says: a player reading the article aloud (its
length is no episode's), a link to each entry's transcript (no transcript heading), a button
naming its episode's number (no show's name), and a player card under its button naming the
episode an article is about, its publisher under the player's length."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.readers.chrome import chrome_kind
from page_reading import read_text

READ_ALOUD_AND_CARD = """Skip to main content
The Harbour Courier
Subscribe
Sign in
News
Sport
Business
Life
Podcasts
Life
Food & Drink
Portrush chef Aoife Keane: the winter my restaurant nearly closed for good
The cook behind a harbourside bistro tells our food podcast about storms, debts and a menu written on a napkin
Aoife Keane in her kitchen on the harbour. Photo: Conor Bell
Ciara Doherty
Sat 21 Nov 2026 at 08:00
Listen to this article
5 min
Aoife Keane was 29 and owed her suppliers more than the bistro made in a month when a storm took the front windows out in the winter of 2019.
Seven years on, her kitchen has a waiting list, and she has been telling Ciara Doherty on this week's episode of the Courier's food podcast Salt and Smoke how close she came to handing back the keys.
PODCAST
Salt and Smoke
Ep 18: Aoife Keane and the napkin menu
41 mins
Play episode
She said the menu that saved the bistro was written on a napkin during a power cut, when only the gas hob still worked.
Salt and Smoke is available on Apple Podcasts and Spotify, with new episodes every Saturday.
Related topics
Food
Podcasts
"""

TRANSCRIPT_LINKS = """Skip to main content
Northfield College
Search
Menu
Home
News and events
The Quad Sessions podcast
The Quad Sessions podcast
Hosted by Dr Lena Moravec, The Quad Sessions talks with researchers about the questions that shape campus life.

Season 2

Episode 4 – Who studies at night?
Released November 17, 2026 | 33 min
Guests: Omar Haddad, School of Education
Evening students now make up a fifth of the college. Omar Haddad looks at who they are and what they need.
Listen to episode 4
Read the transcript

Episode 3 – The library after dark
Released November 3, 2026 | 29 min
Guest: Priya Nair, Library Services
Listen to episode 3
Read the transcript

Episode 2 – Bikes, buses and the parking fight
Released October 20, 2026 | 37 min
Guests: Tom Reyes and Ana Lukić, Facilities
Listen to episode 2
Read the transcript

View all episodes from season 1
"""

LISTENED_CARD = """Mine sisu juurde
Päevaleht
Uudised
Arvamus
Raadio
Saated
Telli
Logi sisse
RAADIO
Kalur: kilupüük on sel talvel kõigi aegade kehvem
Rannakalurite sõnul on jää liiga õhuke ja hinnad liiga madalad, ütles Saaremaa kalur Jaan Kask Päevalehe raadio saates „Merepäev“.

Mari Tamm
ajakirjanik
20. november 2026, 10:15
Jaga

Kuula saadet
Merepäev
Kilupüük õhukesel jääl: kes maksab kinni kalurite kahjud?
29:40
Päevalehe raadio

Kask rääkis saates, et kilu on tänavu rannalähedastes vetes vähem kui kunagi varem ning paljud kalurid on paadid juba kaldale tõstnud.

Saates räägiti ka:
• miks kokkuostuhinnad on langenud;
• kas riik peaks kaluritele toetust maksma;
• milline on järgmise hooaja väljavaade.

„Merepäev“ on eetris igal neljapäeval kell 12.05.
"""


def test_a_player_reading_the_article_aloud_gives_no_episode_its_length() -> None:
    _fmt, [episode] = read_text(READ_ALOUD_AND_CARD)
    assert episode.title == "Ep 18: Aoife Keane and the napkin menu"
    assert episode.duration == 41 * 60
    assert episode.review_reasons == []


def test_a_link_to_each_entrys_transcript_opens_no_transcript() -> None:
    fmt, episodes = read_text(TRANSCRIPT_LINKS)
    assert fmt == "listing"
    assert [e.title for e in episodes] == [
        "Episode 4 – Who studies at night?",
        "Episode 3 – The library after dark",
        "Episode 2 – Bikes, buses and the parking fight",
    ]
    assert [e.published for e in episodes] == [
        datetime(2026, 11, 17, tzinfo=UTC),
        datetime(2026, 11, 3, tzinfo=UTC),
        datetime(2026, 10, 20, tzinfo=UTC),
    ]
    assert all(e.show != "Listen to" for e in episodes)  # "Listen to episode 3": a button


def test_a_button_naming_its_episodes_number_is_chrome() -> None:
    assert chrome_kind("Listen to episode 4") == "interface words"
    assert chrome_kind("Écouter l'épisode 12") == "interface words"
    assert chrome_kind("Episode 4") is None


def test_a_player_card_under_its_button_names_the_episode_an_article_is_about() -> None:
    _fmt, [episode] = read_text(LISTENED_CARD)
    assert episode.title == "Kilupüük õhukesel jääl: kes maksab kinni kalurite kahjud?"
    # the card's publisher under the player's length is no subheading; the topics the
    # programme "also discussed" are its parts
    assert [c.title for c in episode.chapters] == [
        "miks kokkuostuhinnad on langenud;",
        "kas riik peaks kaluritele toetust maksma;",
        "milline on järgmise hooaja väljavaade.",
    ]
