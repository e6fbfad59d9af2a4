"""A newspaper's page about an episode: the kind of item as the headline's kicker, a title
shown again only in the player, a cookie banner first, a quotation set apart with who said
it under it or as an intertitle, a byline naming only the newsroom, a "read also" link, the
episode's title quoted in the prose while the headline uses the same words as a phrase."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.chrome import is_chrome
from castdigest.readers.title_signals import byline
from page_reading import read_text

KICKER = """Wij gebruiken cookies om de website te laten werken, om het gebruik te meten en om advertenties te tonen die bij je passen.
Alles accepteren
Voorkeuren
Naar hoofdinhoud
Het Dagblad
Menu
Zoeken
Aanmelden
Binnenland
Economie
Cultuur
Podcasts
Podcasts
De Kern
Podcast | Waarom de trein naar Zeeland elke winter stilvalt
Elke winter rijden er weken minder treinen naar Vlissingen. In de nieuwe aflevering van De Kern zoekt Joris Bakker uit waarom het spoor daar zo kwetsbaar is.
Joris Bakker
di 17 nov 2026 om 06.00 uur
Beluister de podcast
De Kern
Waarom de trein naar Zeeland elke winter stilvalt
00:00
29:40
Delen
Link kopiëren
Op het enkelspoor tussen Goes en Vlissingen kan één kapotte wissel de hele lijn platleggen. Dat gebeurde vorige winter elf keer.
Bakker sprak met machinisten, met de spoorbeheerder en met forensen die inmiddels de auto nemen.
Lees ook: Nieuwe dienstregeling brengt extra nachttrein naar Middelburg
‘We staan hier elke ochtend te wachten zonder te weten of er een trein komt. Dat sloopt je, week na week.’
Marloes de Vries, forens uit Kapelle
Volgens de spoorbeheerder komt er pas in 2029 een tweede spoor bij Arnemuiden, als het geld er dan is.
De Kern is de verhalenpodcast van Het Dagblad. Elke week één verhaal, tot op de bodem.
Reacties
"""


def test_the_kind_of_item_kicks_the_headline_and_the_player_shows_it_again() -> None:
    # "Podcast | <headline>": the headline after its kicker; the cookie banner, first on
    # the page, is never the title; the quotation set apart in single marks, its speaker on
    # the line under it, is a quote, not a subheading
    _, episodes = read_text(KICKER)
    [episode] = episodes
    assert episode.title == "Waarom de trein naar Zeeland elke winter stilvalt"
    assert [(q.text, q.speaker) for q in episode.quotes] == [
        (
            "We staan hier elke ochtend te wachten zonder te weten of er een trein komt. Dat sloopt je, week na week.",
            "Marloes de Vries",
        )
    ]
    assert episode.chapters == []
    assert episode.review_reasons == []


INTERTITLE = """Sud-Littoral
Actualité
Gironde
Pauillac
S'abonner
Se connecter
Pauillac : avec le podcast « Les Gens du fleuve », le dernier passeur de Lamarque raconte ses traversées
Dans le troisième épisode de leur série sonore, deux habitants de Pauillac donnent la parole à Jean Dupuy, 79 ans, qui a fait traverser la Gironde à des milliers de passagers.
Par Claire Vidal
Publié le 18/11/2026 à 16h20.
Lecture 3 min.
Pendant quarante ans, Jean Dupuy a conduit le bac entre Lamarque et Blaye, par tous les temps, et connaît chaque banc de sable de l'estuaire.
Ce récit est au cœur de « Le dernier passeur de Lamarque », troisième épisode du podcast « Les Gens du fleuve », mis en ligne lundi 16 novembre. Au micro, deux Pauillacais : Hélène Roux, ancienne institutrice, et Karim Benali, ingénieur du son.
« On voulait des voix qu'on n'entend jamais »
« Ceux qui parlent du fleuve à la radio ne l'ont souvent jamais traversé », explique Hélène Roux. Après un épisode sur les pêcheurs d'aloses, le duo a passé deux journées sur le quai avec Jean Dupuy.
À lire également : Estuaire de la Gironde : le bac reprendra ses rotations en avril
La série, autoproduite, a reçu une aide de 2 000 euros de la commune. Trois autres épisodes sont prévus d'ici l'été.
« Les Gens du fleuve », épisode 3, 31 minutes. Disponible gratuitement sur les plateformes d'écoute.
"""


def test_the_episode_the_prose_quotes_and_an_intertitle_quote() -> None:
    # the headline uses "le dernier passeur de Lamarque" as a phrase of its sentence; the
    # prose quotes it as the third episode: the episode's title. The show's name quoted
    # again in the closing line is the show's still. The intertitle in guillemets is a quote.
    _, episodes = read_text(INTERTITLE)
    [episode] = episodes
    assert episode.title == "Le dernier passeur de Lamarque"
    assert [q.text for q in episode.quotes] == ["On voulait des voix qu'on n'entend jamais"]
    assert (
        "À lire également : Estuaire de la Gironde : le bac reprendra ses rotations en avril"
        not in [c.title for c in episode.chapters]
    )


NEWSROOM = """Naar de hoofdinhoud
FNB
Zoeken
Menu
Inloggen
Home
Bedrijven
Markten
Podcasts
Bedrijven
Podcast • 21:12
Kantoorpraat: Waarom verzekeraars hun kantoren in de stad weer vullen
Van onze redacteur
19 nov. 2026 om 05:00
Elke donderdag bespreekt Kantoorpraat wat er verandert op de werkvloer. Presentatie: Eva Jansen.
Drie jaar lang stonden de kantoren van de grote verzekeraars halfleeg. Nu vragen ze hun mensen weer drie dagen per week op kantoor te komen, en ze huren er zelfs vierkante meters bij. Redacteur Thijs Mulder sprak met bestuurders en ondernemingsraden.
Luister ook naar Kantoorpraat via:
Spotify
Apple Podcasts
Meer podcasts
Podcast • 12:30
Beurspraat: Techfondsen trekken AEX omhoog
"""


def test_a_byline_naming_only_the_newsroom_is_no_title() -> None:
    _, episodes = read_text(NEWSROOM)
    assert [e.title for e in episodes] == [
        "Kantoorpraat: Waarom verzekeraars hun kantoren in de stad weer vullen"
    ]
    assert episodes[0].review_reasons == []


def test_newsroom_bylines_and_read_also_links() -> None:
    assert byline("Van onze redacteur")
    assert byline("De notre correspondant à Bruxelles")
    assert byline("Dal nostro inviato")
    assert not byline("Van Gogh en de zee")
    assert is_chrome("Lire également : Le bac reprendra ses rotations en avril")
    assert not is_chrome("Lire entre les lignes du fleuve")
