"""Local stations' and small networks' pages: an episode page whose byline sets the host's
role apart with a slash, whose player's button shows the length, and which suggests other
episodes under "Related Podcast Episodes"; an author's name under the date that the
participants' list names again; an "In this episode:" list punctuated as one sentence; a
listing whose every entry shows its length over its title and closes with its date."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.readers.heading_words import suggests_others
from castdigest.readers.title_signals import byline
from page_reading import read_text

STATION_EPISODE = """Skip to main content
Lakeshore Public Radio
Donate
Listen Live
WLKR 91.3 FM
All Things Considered
Search
Menu
News
Radio
Podcasts
Events
Podcasts
Shoreline Daily
The ferry contract nobody wanted to sign
The county has run the island ferry at a loss for a decade. This fall the last private bidder walked away. What happens to the people who commute on it?
By Hollis Grant / Host, Shoreline Daily
Published November 20, 2026 at 6:00 AM CST
Listen • 21:07
Share
Facebook
Email
Copy Link
The ferry Marguerite leaving the north dock in heavy fog, October 2026.
Irene Falk / Lakeshore Public Radio
For ten winters the county has paid a private operator to keep the island ferry running, and for ten winters the operator has lost money doing it.
In September the last company still bidding for the new contract withdrew. Commissioners now have until March to decide whether the county runs the boat itself.
Reporter Irene Falk rode the early crossing with nurses, students and a mail carrier, and asked what a cancelled season would cost them.
Shoreline Daily is Lakeshore Public Radio's weekday news podcast. New episodes every morning.
Credits
Host: Hollis Grant
Producer: Dev Okafor
Related Podcast Episodes
Shoreline Daily
Why the harbor dredging keeps slipping
November 18, 2026 • 17:30
Shoreline Daily
A school board race decided by nine votes
November 17, 2026 • 19:12
Lakeshore Public Radio is a member station of the state university.
Privacy Policy
© 2026 Lakeshore Public Radio
"""


def test_a_slashed_byline_a_players_button_and_related_episodes_make_one_page() -> None:
    assert byline("By Hollis Grant / Host, Shoreline Daily")
    assert suggests_others("Related Podcast Episodes")
    assert suggests_others("More video episodes")
    assert not suggests_others("Podcast")
    fmt, episodes = read_text(STATION_EPISODE)
    assert fmt == "text"
    assert [(e.title, e.published, e.duration) for e in episodes] == [
        (
            "The ferry contract nobody wanted to sign",
            datetime(2026, 11, 20, tzinfo=UTC),
            21 * 60 + 7,
        )
    ]
    assert episodes[0].review_reasons == []


PARTICIPANTS_PAGE = """Ir para o conteúdo
Rede Ribeira
Início
Podcasts
Episódios
Contato
Buscar
Conversa de Feira
Conversa de Feira #42 – Quem ainda compra do pequeno produtor?
18 de novembro de 2026
Marta Quintela
Economia, Conversa de Feira
Reproduzir
00:00
58:10
1x
Baixar episódio (53,2 MB)
Nesta semana, Marta Quintela e Tiago Serrão conversam com o agrônomo Rui Damasceno sobre o que mudou nas feiras livres desde que os supermercados passaram a vender orgânicos com preço de atacado.
Participantes:
Marta Quintela
Tiago Serrão
Rui Damasceno (convidado)
Pauta:
00:00 – Abertura
06:20 – Quanto custa montar uma banca
19:45 – Orgânico de supermercado
37:10 – O que o consumidor pode fazer
51:30 – Recados e encerramento
Edição: Lia Moreno
"""


def test_a_name_under_the_date_that_the_participants_name_is_no_title() -> None:
    fmt, episodes = read_text(PARTICIPANTS_PAGE)
    assert fmt == "text"
    [episode] = episodes
    assert episode.title == "Conversa de Feira #42 – Quem ainda compra do pequeno produtor?"
    assert episode.duration == 58 * 60 + 10
    assert [c.start for c in episode.chapters] == [0, 380, 1185, 2230, 3090]
    assert episode.review_reasons == []


ONE_SENTENCE_LIST = """Przejdź do treści
Radio Wisła
Słuchaj na żywo
Wiadomości
Audycje
Podcasty
Kontakt
Strona główna
Audycje
Rozmowy na Wiśle
Rozmowy na Wiśle
wtorek, 20:00 – 21:00
Prowadzi: Barbara Zielińska
Skąd wziąć wodę, gdy Wisła wysycha?
24.11.2026 20:05
Posłuchaj
00:00 / 47:30
Poziom rzeki w Warszawie znów jest rekordowo niski, a gminy nad Wisłą ogłaszają zakazy podlewania ogródków i napełniania basenów. Czy retencja, nowe zbiorniki i oszczędzanie wody w domach coś pomogą?
Gośćmi Barbary Zielińskiej byli hydrolog dr Jan Wróbel i rolniczka Halina Nowak z powiatu płockiego.
W audycji:
– dlaczego susza hydrologiczna trwa już trzeci rok,
– co dają małe zbiorniki retencyjne na wsi,
– pytania słuchaczy o studnie przydomowe.
Realizacja: Adam Lis
Udostępnij
Poprzednie audycje
Czy rowerem przez most Poniatowskiego?
17.11.2026 20:05
49:12
"""


def test_a_list_punctuated_as_one_sentence_is_the_programmes_segments() -> None:
    fmt, episodes = read_text(ONE_SENTENCE_LIST)
    assert fmt == "text"
    [episode] = episodes
    assert episode.title == "Skąd wziąć wodę, gdy Wisła wysycha?"
    assert episode.duration == 47 * 60 + 30
    assert [c.title for c in episode.chapters] == [
        "dlaczego susza hydrologiczna trwa już trzeci rok",
        "co dają małe zbiorniki retencyjne na wsi",
        "pytania słuchaczy o studnie przydomowe",
    ]
    assert episode.takeaways == []


LENGTHS_OVER_TITLES = """Wednesday, Nov 25, 2026
Sign In
Subscribe
Home
News
Business
Audio
Audio
The Morning Explainer
The Morning Explainer
One story in the news, explained every weekday in twenty minutes. Hosted by Rhea Menon.
Follow The Morning Explainer on
Spotify
Apple Podcasts
21:40
Why the metro's new line opened without its stations
Three of the seven stations on the new line are still closed. Rhea speaks to transport reporter Kabir Sethi about contracts, land and the monsoon.
Nov 24, 2026 06:00 IST
18:05
What the new tenancy law changes for renters
Landlords will have to register every lease. Lawyer Nisha Pillai explains who is covered and who is not.
Nov 23, 2026 06:00 IST
25:52
The return of the Asiatic cheetah, one year on
Wildlife biologist Arun Kale tells Rhea what the first year of the project has taught its team.
Nov 20, 2026 06:00 IST
16:18
Why is the price of tomatoes swinging again?
Business reporter Sana Qureshi on late rains and cold storage.
Nov 19, 2026 06:00 IST
Load More
More Podcasts
The Weekend Brief
"""


def test_each_entrys_length_over_its_title_is_its_own() -> None:
    fmt, episodes = read_text(LENGTHS_OVER_TITLES)
    assert fmt == "listing"
    assert [(e.title, e.published, e.duration) for e in episodes] == [
        (
            "Why the metro's new line opened without its stations",
            datetime(2026, 11, 24, tzinfo=UTC),
            21 * 60 + 40,
        ),
        (
            "What the new tenancy law changes for renters",
            datetime(2026, 11, 23, tzinfo=UTC),
            18 * 60 + 5,
        ),
        (
            "The return of the Asiatic cheetah, one year on",
            datetime(2026, 11, 20, tzinfo=UTC),
            25 * 60 + 52,
        ),
        (
            "Why is the price of tomatoes swinging again?",
            datetime(2026, 11, 19, tzinfo=UTC),
            16 * 60 + 18,
        ),
    ]
    assert all(e.review_reasons == [] for e in episodes)


def test_lengths_closing_entries_stay_with_the_entry_above() -> None:
    # the same entries, each length under its date: the layout of most listings
    closing = LENGTHS_OVER_TITLES.replace("Apple Podcasts\n21:40\n", "Apple Podcasts\n")
    closing = closing.replace(" IST\n18:05\n", " IST\n21:40\n", 1)
    closing = closing.replace("Nov 23, 2026 06:00 IST\n25:52\n", "Nov 23, 2026 06:00 IST\n18:05\n")
    closing = closing.replace("Nov 20, 2026 06:00 IST\n16:18\n", "Nov 20, 2026 06:00 IST\n25:52\n")
    closing = closing.replace("Nov 19, 2026 06:00 IST\n", "Nov 19, 2026 06:00 IST\n16:18\n")
    fmt, episodes = read_text(closing)
    assert fmt == "listing"
    assert [e.duration for e in episodes] == [1300, 1085, 1552, 978]
