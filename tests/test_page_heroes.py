"""Listings whose entries open with their date: the latest episode set apart over the list
(its title over its date there, shown again in the list), an entry closed by a notice
instead of its length, an episode's page whose title has a line naming its guest under it,
and schedules written as a range of weekdays in words."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.text.dates import weekday_range
from page_reading import read_text

LATEST_OVER_LIST = """Skip to main content
Courtside Network
Scores
Watch
Stories
Search
Sign In
PODCASTS
Full Court Notes
Full Court Notes with Ana Ruiz & Dev Patel
Former guard Ana Ruiz and analyst Dev Patel break down the week in women's basketball. New episodes every Tuesday.
LISTEN ON
Apple Podcasts
Spotify
LATEST EPISODE
Ep. 64: The rookie class is already rewriting the record book
NOV 24, 2026 • 51:20
Ana and Dev go through the four rookies averaging double figures and what it means for the playoff race.
PLAY EPISODE
ALL EPISODES
NOV 24, 2026 • 51:20
Ep. 64: The rookie class is already rewriting the record book
Ana and Dev go through the four rookies averaging double figures.
PLAY
NOV 17, 2026 • 47:02
Ep. 63: Coach Imani Brooks on building a bench
The two-time coach of the year explains why she plays eleven players every night.
PLAY
NOV 10, 2026 • 1:02:15
Ep. 62: Trade deadline winners and losers
Who got better, who got worse, and who stood still.
PLAY
LOAD MORE
"""

NOTICE_CLOSES_ENTRY = """Skip to content
River City Radio 98.1
Community radio for the river towns
Listen Live
Programs
Podcasts
Home / Programs / Old Town Talks
Old Town Talks
Thursdays 2:00pm – 3:00pm
Presented by June Wallace
Local history and the people who keep it.
Episodes
Thu 19 Nov 2026
The bakery that fed the mill workers
June talks with baker Tom Hale about the ovens his grandfather lit at four every morning.
52:40
Play
Thu 12 Nov 2026
Letters from the flood of 1956
June reads letters kept by the town library since the water came through Main Street.
No audio available for this episode
Thu 5 Nov 2026
The last ferryman on the bend
Ray Doyle, 88, remembers the crossing before the bridge was built.
49:15
Play
Load more episodes
"""

GUEST_UNDER_TITLE = """Zum Inhalt springen
Stiftung Lebenswert
Themen
Projekte
Mediathek
Suche
Startseite
Mediathek
Podcasts
Gemeinsam statt einsam
Podcast
Folge 9: Was Nachbarschaftshilfe wirklich leistet
Mit der Gemeindeforscherin Dr. Sabine Kollmann
20.11.2026
Dauer: 36 Min.
00:00
36:18
Herunterladen
Wer hilft, wenn der Aufzug streikt und die Tochter weit weg wohnt? Moderatorin Petra Lang spricht mit der Gemeindeforscherin Dr. Sabine Kollmann über Nachbarschaftshilfe, Ehrenamt und die Grenzen des guten Willens.
Weitere Folgen
Folge 8: Wohnen im Alter auf dem Land
06.11.2026 | 41 Min.
Folge 7: Wenn der Bus nicht mehr kommt
23.10.2026 | 38 Min.
"""


def test_the_latest_episode_set_apart_over_the_list_that_shows_it_again() -> None:
    fmt, episodes = read_text(LATEST_OVER_LIST)
    assert fmt == "listing"
    assert [e.title for e in episodes] == [
        "Ep. 64: The rookie class is already rewriting the record book",
        "Ep. 63: Coach Imani Brooks on building a bench",
        "Ep. 62: Trade deadline winners and losers",
    ]
    assert [e.duration for e in episodes] == [51 * 60 + 20, 47 * 60 + 2, 3735]
    assert episodes[1].published == datetime(2026, 11, 17, tzinfo=UTC)
    assert all(e.review_reasons == [] for e in episodes)


def test_an_entry_closed_by_a_notice_instead_of_its_length() -> None:
    _fmt, episodes = read_text(NOTICE_CLOSES_ENTRY)
    assert [e.title for e in episodes] == [
        "The bakery that fed the mill workers",
        "Letters from the flood of 1956",
        "The last ferryman on the bend",
    ]
    assert [e.duration for e in episodes] == [52 * 60 + 40, None, 49 * 60 + 15]
    assert episodes[2].published == datetime(2026, 11, 5, tzinfo=UTC)


def test_a_line_naming_the_guest_under_the_title_is_not_the_title() -> None:
    _fmt, episodes = read_text(GUEST_UNDER_TITLE)
    assert episodes[0].title == "Folge 9: Was Nachbarschaftshilfe wirklich leistet"
    assert episodes[0].published == datetime(2026, 11, 20, tzinfo=UTC)
    assert all(e.title != "Mit der Gemeindeforscherin Dr. Sabine Kollmann" for e in episodes)


def test_a_range_of_weekdays_in_words_is_a_schedule() -> None:
    assert weekday_range("Mondays to Fridays 10pm - 11pm")
    assert weekday_range("lundi au vendredi 22h-23h")
    assert weekday_range("dal lunedì al venerdì 9-10")
    assert weekday_range("Monday to Friday")
    assert not weekday_range("The Friday to Monday bridge")  # a title, words after the range
    assert not weekday_range("Monday to Sunday: a week in the life")
