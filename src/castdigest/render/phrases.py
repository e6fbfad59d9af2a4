"""The words the newsletter itself says, per language: subject, preheader, headings, footer.

Everything around the items speaks the newsletter's language (`[newsletter] language`); the
items keep their own. Data, not logic: add a language by adding a row. A newsletter language
without a row speaks English (`phrases("pt-BR")` is the Portuguese row, `phrases("sv")` the
English one). Placeholders in braces are filled by the templates.
"""

from __future__ import annotations

from dataclasses import dataclass

_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Phrases:
    this_week: str  # heading of the opening block
    and_: str  # joins the last two titles in the subject
    more: str  # "{n} more": the items the subject does not name
    episode: tuple[str, str]  # singular, plural
    show: tuple[str, str]
    count: str  # "{episodes} from {shows}", the preheader's opening
    months: tuple[str, ...] = _EN_MONTHS  # short month names, for dates
    read_on_web: str = "Read on the web"
    hello: str = "Hi {name},"
    your_topics: str = "Your topics: {topics}"
    no_topic: str = "none this week"
    in_this_issue: str = "In this issue"
    nothing_new: str = "Nothing new this week."
    shortened: tuple[str, str] = (
        "To fit your inbox, {n} episode is shortened here.",
        "To fit your inbox, {n} episodes are shortened here.",
    )
    web_has_all: str = "The web version has everything."
    more_on_web: str = "{n} more in {section} on the web version"
    follow: str = "Follow {section} in a feed reader:"
    rss_feed: str = "RSS feed"
    feeds: str = "Feeds:"
    web_version: str = "Web version"
    archive: str = "Archive"
    choose_topics: str = "Choose your topics"
    unsubscribe: str = "Unsubscribe"
    with_: str = "with"  # "with <guests>"
    everything: str = "Everything"  # the name of the feed of every topic
    language: str = "Language"  # tooltip of an item's language badge
    listen: str = "Listen or watch"
    in_issue: str = "In {name} {issue}"  # a feed item's link back to its issue
    all_issues: str = "All issues"
    links: str = "Links:"  # heading of the text part's footnotes
    archive_intro: str = "Every issue, newest first, and a feed for each topic."
    issues: str = "Issues"
    no_issues: str = "No issues yet."
    feeds_heading: str = "Feeds"
    all_feeds: str = "All feeds at once:"
    topic_feed: str = "{topic} episodes picked by {name}."  # a topic feed's description
    every_episode: str = "Every episode picked by {name}."  # the `all` feed's description

    def episodes(self, n: int) -> str:
        return f"{n} {self.episode[0] if n == 1 else self.episode[1]}"

    def shows(self, n: int) -> str:
        return f"{n} {self.show[0] if n == 1 else self.show[1]}"

    def hello_parts(self) -> tuple[str, str]:
        """The greeting around the reader's name: ("Hi ", ",")."""
        before, _, after = self.hello.partition("{name}")
        return before, after

    def shortened_here(self, n: int) -> str:
        return self.shortened[0 if n == 1 else 1].format(n=n)


PHRASES: dict[str, Phrases] = {
    "en": Phrases(
        "This week", "and", "{n} more", ("episode", "episodes"), ("show", "shows"),
        "{episodes} from {shows}",
    ),
    "fr": Phrases(
        "Cette semaine", "et", "{n} autres", ("épisode", "épisodes"),
        ("émission", "émissions"), "{episodes} de {shows}",
        months=("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                "oct.", "nov.", "déc."),
        read_on_web="Lire sur le web", hello="Bonjour {name},",
        your_topics="Vos thèmes : {topics}", no_topic="aucun cette semaine",
        in_this_issue="Dans ce numéro", nothing_new="Rien de neuf cette semaine.",
        shortened=("Pour tenir dans votre boîte, {n} épisode est raccourci ici.",
                   "Pour tenir dans votre boîte, {n} épisodes sont raccourcis ici."),
        web_has_all="La version web a tout.",
        more_on_web="{n} de plus dans {section} sur la version web",
        follow="Suivre {section} dans un lecteur de flux :", rss_feed="flux RSS",
        feeds="Flux :", web_version="Version web", archive="Archives",
        choose_topics="Choisir vos thèmes", unsubscribe="Se désabonner", with_="avec",
        everything="Tout", language="Langue", listen="Écouter ou regarder",
        in_issue="Dans {name} {issue}", all_issues="Tous les numéros", links="Liens :",
        archive_intro="Tous les numéros, du plus récent au plus ancien, et un flux par thème.",
        issues="Numéros", no_issues="Aucun numéro pour l'instant.", feeds_heading="Flux",
        all_feeds="Tous les flux d'un coup :", topic_feed="{topic} : épisodes choisis par {name}.",
        every_episode="Tous les épisodes choisis par {name}.",
    ),
    "es": Phrases(
        "Esta semana", "y", "{n} más", ("episodio", "episodios"), ("programa", "programas"),
        "{episodes} de {shows}",
        months=("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct",
                "nov", "dic"),
        read_on_web="Leer en la web", hello="Hola, {name}:",
        your_topics="Tus temas: {topics}", no_topic="ninguno esta semana",
        in_this_issue="En este número", nothing_new="Nada nuevo esta semana.",
        shortened=("Para caber en tu bandeja, {n} episodio aparece abreviado.",
                   "Para caber en tu bandeja, {n} episodios aparecen abreviados."),
        web_has_all="La versión web lo tiene todo.",
        more_on_web="{n} más en {section} en la versión web",
        follow="Sigue {section} en un lector de feeds:", rss_feed="feed RSS",
        feeds="Feeds:", web_version="Versión web", archive="Archivo",
        choose_topics="Elige tus temas", unsubscribe="Darse de baja", with_="con",
        everything="Todo", language="Idioma", listen="Escuchar o ver",
        in_issue="En {name} {issue}", all_issues="Todos los números", links="Enlaces:",
        archive_intro="Todos los números, del más reciente al más antiguo, y un feed por tema.",
        issues="Números", no_issues="Aún no hay números.", feeds_heading="Feeds",
        all_feeds="Todos los feeds a la vez:", topic_feed="{topic}: episodios elegidos por {name}.",
        every_episode="Todos los episodios elegidos por {name}.",
    ),
    "de": Phrases(
        "Diese Woche", "und", "{n} weitere", ("Folge", "Folgen"), ("Sendung", "Sendungen"),
        "{episodes} aus {shows}",
        months=("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.",
                "Okt.", "Nov.", "Dez."),
        read_on_web="Im Web lesen", hello="Hallo {name},",
        your_topics="Ihre Themen: {topics}", no_topic="diese Woche keines",
        in_this_issue="In dieser Ausgabe", nothing_new="Diese Woche nichts Neues.",
        shortened=("Damit es ins Postfach passt, ist {n} Folge hier gekürzt.",
                   "Damit es ins Postfach passt, sind {n} Folgen hier gekürzt."),
        web_has_all="Die Webversion enthält alles.",
        more_on_web="{n} weitere in {section} in der Webversion",
        follow="{section} im Feedreader folgen:", rss_feed="RSS-Feed",
        feeds="Feeds:", web_version="Webversion", archive="Archiv",
        choose_topics="Themen wählen", unsubscribe="Abbestellen", with_="mit",
        everything="Alles", language="Sprache", listen="Anhören oder ansehen",
        in_issue="In {name} {issue}", all_issues="Alle Ausgaben", links="Links:",
        archive_intro="Alle Ausgaben, die neueste zuerst, und ein Feed pro Thema.",
        issues="Ausgaben", no_issues="Noch keine Ausgaben.", feeds_heading="Feeds",
        all_feeds="Alle Feeds auf einmal:", topic_feed="{topic}: Folgen, ausgewählt von {name}.",
        every_episode="Alle Folgen, ausgewählt von {name}.",
    ),
    "it": Phrases(
        "Questa settimana", "e", "altri {n}", ("episodio", "episodi"),
        ("programma", "programmi"), "{episodes} da {shows}",
        months=("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott",
                "nov", "dic"),
        read_on_web="Leggi sul web", hello="Ciao {name},",
        your_topics="I tuoi temi: {topics}", no_topic="nessuno questa settimana",
        in_this_issue="In questo numero", nothing_new="Niente di nuovo questa settimana.",
        shortened=("Per stare nella casella, {n} episodio è accorciato qui.",
                   "Per stare nella casella, {n} episodi sono accorciati qui."),
        web_has_all="La versione web ha tutto.",
        more_on_web="altri {n} in {section} nella versione web",
        follow="Segui {section} in un lettore di feed:", rss_feed="feed RSS",
        feeds="Feed:", web_version="Versione web", archive="Archivio",
        choose_topics="Scegli i tuoi temi", unsubscribe="Annulla l'iscrizione", with_="con",
        everything="Tutto", language="Lingua", listen="Ascolta o guarda",
        in_issue="In {name} {issue}", all_issues="Tutti i numeri", links="Link:",
        archive_intro="Tutti i numeri, dal più recente, e un feed per ogni tema.",
        issues="Numeri", no_issues="Ancora nessun numero.", feeds_heading="Feed",
        all_feeds="Tutti i feed insieme:", topic_feed="{topic}: episodi scelti da {name}.",
        every_episode="Tutti gli episodi scelti da {name}.",
    ),
    "pt": Phrases(
        "Esta semana", "e", "mais {n}", ("episódio", "episódios"), ("programa", "programas"),
        "{episodes} de {shows}",
        months=("jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out",
                "nov", "dez"),
        read_on_web="Ler na web", hello="Olá, {name},",
        your_topics="Seus temas: {topics}", no_topic="nenhum esta semana",
        in_this_issue="Nesta edição", nothing_new="Nada de novo esta semana.",
        shortened=("Para caber na sua caixa, {n} episódio aparece encurtado.",
                   "Para caber na sua caixa, {n} episódios aparecem encurtados."),
        web_has_all="A versão web tem tudo.",
        more_on_web="mais {n} em {section} na versão web",
        follow="Siga {section} num leitor de feeds:", rss_feed="feed RSS",
        feeds="Feeds:", web_version="Versão web", archive="Arquivo",
        choose_topics="Escolher temas", unsubscribe="Cancelar inscrição", with_="com",
        everything="Tudo", language="Idioma", listen="Ouvir ou assistir",
        in_issue="Em {name} {issue}", all_issues="Todas as edições", links="Links:",
        archive_intro="Todas as edições, da mais recente, e um feed por tema.",
        issues="Edições", no_issues="Ainda não há edições.", feeds_heading="Feeds",
        all_feeds="Todos os feeds de uma vez:",
        topic_feed="{topic}: episódios escolhidos por {name}.",
        every_episode="Todos os episódios escolhidos por {name}.",
    ),
    "nl": Phrases(
        "Deze week", "en", "{n} meer", ("aflevering", "afleveringen"),
        ("programma", "programma's"), "{episodes} uit {shows}",
        months=("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
                "nov", "dec"),
        read_on_web="Lees op het web", hello="Hallo {name},",
        your_topics="Jouw onderwerpen: {topics}", no_topic="deze week geen",
        in_this_issue="In dit nummer", nothing_new="Deze week niets nieuws.",
        shortened=("Om in je inbox te passen is {n} aflevering hier ingekort.",
                   "Om in je inbox te passen zijn {n} afleveringen hier ingekort."),
        web_has_all="De webversie heeft alles.",
        more_on_web="nog {n} in {section} in de webversie",
        follow="Volg {section} in een feedlezer:", rss_feed="RSS-feed",
        feeds="Feeds:", web_version="Webversie", archive="Archief",
        choose_topics="Kies je onderwerpen", unsubscribe="Afmelden", with_="met",
        everything="Alles", language="Taal", listen="Luisteren of kijken",
        in_issue="In {name} {issue}", all_issues="Alle nummers", links="Links:",
        archive_intro="Alle nummers, nieuwste eerst, en een feed per onderwerp.",
        issues="Nummers", no_issues="Nog geen nummers.", feeds_heading="Feeds",
        all_feeds="Alle feeds tegelijk:", topic_feed="{topic}: afleveringen gekozen door {name}.",
        every_episode="Alle afleveringen gekozen door {name}.",
    ),
}  # fmt: skip


def phrases(language: str) -> Phrases:
    """The row for a BCP 47 tag's primary language ("fr-CA" -> fr), English by default."""
    primary = language.split("-")[0].split("_")[0].lower()
    return PHRASES.get(primary, PHRASES["en"])
