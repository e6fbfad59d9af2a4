"""Pages that say when they changed and how long things take: a magazine's list whose every
entry carries the host's byline and "41 min listen"; a programme's contents timed as "Min.
01:40 – …"; a news site's episode page published and then updated at given hours, its player
card under the headline; an article that says what the episode "si intitola", with a button
reading the article aloud over its own short player; a show's own site whose copyright line,
under the other episodes it suggests, names it ("© 2026 Second Shift Stories")."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.readers.base import Document
from castdigest.readers.chrome import without_read_aloud
from castdigest.readers.listing_kinds import meta_kind
from castdigest.readers.listing_shapes import lone_length
from castdigest.readers.suggested import without_suggestions
from page_reading import AS_OF, read_text

BYLINED_ENTRIES = """Skip to main content
Founders Weekly
Subscribe
Sign In
Latest
Money
Podcasts
Home
Podcasts
Open Books
Open Books
Hosted by Dana Whitfield
Every Tuesday, Dana Whitfield opens the books with a small-business owner and walks through one hard decision.
Follow on Apple Podcasts
Latest Episodes
Podcast
Ep. 61: How a Food Truck Paid for Its First Restaurant
Marco Ibarra saved every dollar from two trucks for four years. He explains the numbers behind the lease he finally signed.
By Dana Whitfield
Nov 17, 2026
38 min listen
Podcast
Ep. 60: Should a Bakery Ever Close on Saturdays?
A family bakery in Toledo tried it for a summer. The owners share what it did to sales and to their staff.
By Dana Whitfield
Nov 10, 2026
31 min listen
Podcast
Ep. 59: The Bookkeeper Who Found $40,000
A landscaping company thought it was breaking even. Its new bookkeeper found out where the money went.
By Dana Whitfield
Nov 3, 2026
1 hr 4 min listen
Load More
"""


def test_a_byline_every_entry_shows_and_a_time_to_listen_make_a_listing() -> None:
    assert lone_length("38 min listen") == 38 * 60
    assert lone_length("5 min read") is None
    fmt, episodes = read_text(BYLINED_ENTRIES)
    assert fmt == "listing"
    assert [(e.title, e.published, e.duration) for e in episodes] == [
        (
            "Ep. 61: How a Food Truck Paid for Its First Restaurant",
            datetime(2026, 11, 17, tzinfo=UTC),
            2280,
        ),
        (
            "Ep. 60: Should a Bakery Ever Close on Saturdays?",
            datetime(2026, 11, 10, tzinfo=UTC),
            1860,
        ),
        ("Ep. 59: The Bookkeeper Who Found $40,000", datetime(2026, 11, 3, tzinfo=UTC), 3840),
    ]


MINUTE_CONTENTS = """Saltar ao contido principal
Radio Costa
Directos
Programas
Buscar
Inicio
Programas
Terra e Mar
Terra e Mar
Domingos ás 11.00 horas
Terra e Mar 22-11-2026
22/11/2026
56:20
Escoitar
Descargar
As mariscadoras de Arousa, o prezo do leite e a feira de Silleda

Esta semana Terra e Mar visita Arousa para falar coas mariscadoras que traballan na ría cando a marea o permite, e repasa co gandeiro Xoán Piñeiro por que o prezo do leite segue baixando.

Contidos do programa:
Min. 02:10 – As mariscadoras de Arousa
Min. 18:40 – O prezo do leite
Min. 35:05 – A feira de Silleda
Min. 50:30 – Axenda e despedida

Presenta: Lois Pereira
"""


def test_contents_timed_after_a_word_for_minutes_are_chapters() -> None:
    _fmt, episodes = read_text(MINUTE_CONTENTS)
    [episode] = episodes
    assert [(c.start, c.title) for c in episode.chapters] == [
        (130, "As mariscadoras de Arousa"),
        (1120, "O prezo do leite"),
        (2105, "A feira de Silleda"),
        (3030, "Axenda e despedida"),
    ]


PUBLISHED_AND_UPDATED = """Sari la conținut
Cotidianul Nou
Caută
Abonează-te
Știri
Politică
Podcast
Podcast
Podcast „Pe Bani”, ep. 12. De ce s-a scumpit pâinea și cine câștigă din asta
Radu Ionescu
Publicat: 22.11.2026, 19:00
Actualizat: 23.11.2026, 09:15
Distribuie pe Facebook
Copiază link-ul
Pe Bani
Ep. 12 – De ce s-a scumpit pâinea
00:00
39:20
1x
Prețul pâinii a crescut cu aproape un sfert într-un an. În episodul 12 al podcastului „Pe Bani”, Radu Ionescu vorbește cu economista Ana Vlad despre făină, energie și adaosul comercial din magazine.

Despre ce am discutat:
01:30 – Cât a crescut, de fapt, prețul
12:10 – Făina și energia
24:45 – Adaosul comercial
33:00 – Ce putem face
"""


def test_a_page_published_then_updated_at_given_hours_is_one_page() -> None:
    assert meta_kind("Actualizat: 23.11.2026, 09:15", AS_OF) == "expiry"
    assert meta_kind("Publicat: 22.11.2026, 19:00", AS_OF) == "published"
    fmt, episodes = read_text(PUBLISHED_AND_UPDATED)
    assert fmt == "text"
    [episode] = episodes
    assert (
        episode.title
        == "Podcast „Pe Bani”, ep. 12. De ce s-a scumpit pâinea și cine câștigă din asta"
    )
    assert episode.published == datetime(2026, 11, 22, tzinfo=UTC)
    assert episode.duration == 39 * 60 + 20
    assert len(episode.chapters) == 4
    assert episode.review_reasons == []


NAMED_AND_READ_ALOUD = """Vai al contenuto
La Gazzetta del Golfo
Abbonati
Accedi
Cronaca
Cultura
Podcast
Cultura
Il podcast
I pescatori di corallo, la nuova puntata di «Fondali» racconta l'ultima barca di Alghero
Nel terzo episodio la serie audio sul mare di Sardegna incontra i corallari di Alghero
di Paolo Sechi
23 novembre 2026 alle 08:00
Ascolta l'articolo
00:00
02:54
Per generazioni sono scesi a cinquanta metri con la sola forza delle braccia. Sono i corallari di Alghero, protagonisti della nuova puntata di «Fondali», il podcast che racconta il mare della Sardegna attraverso chi ci lavora.

L'episodio, il terzo della serie, si intitola «L'ultima barca del corallo» ed è online da oggi su tutte le principali piattaforme. Dura una quarantina di minuti.

Fondali – Ep. 3
L'ultima barca del corallo
00:00
41:07
Ascolta su Spotify · Apple Podcasts
"""


def test_the_episode_the_article_says_is_titled_so_and_its_own_players_length() -> None:
    assert without_read_aloud(["Ascolta l'articolo", "00:00", "02:54", "Per generazioni"]) == [
        "",
        "",
        "",
        "Per generazioni",
    ]
    _fmt, episodes = read_text(NAMED_AND_READ_ALOUD)
    [episode] = episodes
    assert episode.title == "L'ultima barca del corallo"
    assert episode.duration == 41 * 60 + 7


SHOW_SITE = """Skip to content
Second Shift Stories
Episodes
About
Support the show
Subscribe
Episode 31
Darning, patching and the sock drawer problem
Monday 16 November 2026 · Season 3
with Ines Calder
Play
00:00
52:10
1x
Download (47.8 MB)
Ines Calder has mended other people's knitwear for fifteen years from a back room in Leeds, and she has opinions about moths. Jo and Sam ask her which holes are worth darning, how to match yarn on a jumper older than its owner, and why visible mending became fashionable.

Second Shift Stories is made by Jo Penrose and Sam Achebe in Leeds. If you enjoy the show, you can buy us a coffee.

Share this episode
Copy link
Previous episode
30. The coat that outlived three owners
Next episode
Coming soon
Listen and subscribe
Apple Podcasts
Spotify
© 2026 Second Shift Stories
Cookie preferences
"""


def test_the_copyright_line_under_the_cut_still_names_the_show() -> None:
    kept = without_suggestions(Document(location="page.txt", data=b"", text=SHOW_SITE)).text
    assert "30. The coat that outlived three owners" not in kept
    assert kept.rstrip().splitlines()[-2:] == ["© 2026 Second Shift Stories", "Cookie preferences"]
    fmt, episodes = read_text(SHOW_SITE)
    assert fmt == "text"
    [episode] = episodes
    assert episode.title == "Darning, patching and the sock drawer problem"
    assert episode.duration == 52 * 60 + 10
    assert episode.review_reasons == []
