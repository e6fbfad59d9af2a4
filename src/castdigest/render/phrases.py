"""The few words the newsletter itself says, per language: subject, preheader, "This week".

Data, not logic: add a language by adding a row. A newsletter language without a row speaks
English (`phrases("pt")` is the English row).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Phrases:
    this_week: str  # heading of the opening block
    and_: str  # joins the last two titles in the subject
    more: str  # "{n} more": the items the subject does not name
    episode: tuple[str, str]  # singular, plural
    show: tuple[str, str]
    count: str  # "{episodes} from {shows}", the preheader's opening

    def episodes(self, n: int) -> str:
        return f"{n} {self.episode[0] if n == 1 else self.episode[1]}"

    def shows(self, n: int) -> str:
        return f"{n} {self.show[0] if n == 1 else self.show[1]}"


PHRASES: dict[str, Phrases] = {
    "en": Phrases(
        "This week", "and", "{n} more", ("episode", "episodes"), ("show", "shows"),
        "{episodes} from {shows}",
    ),
    "fr": Phrases(
        "Cette semaine", "et", "{n} autres", ("épisode", "épisodes"),
        ("émission", "émissions"), "{episodes} de {shows}",
    ),
    "es": Phrases(
        "Esta semana", "y", "{n} más", ("episodio", "episodios"), ("programa", "programas"),
        "{episodes} de {shows}",
    ),
    "de": Phrases(
        "Diese Woche", "und", "{n} weitere", ("Folge", "Folgen"), ("Sendung", "Sendungen"),
        "{episodes} aus {shows}",
    ),
    "it": Phrases(
        "Questa settimana", "e", "altri {n}", ("episodio", "episodi"),
        ("programma", "programmi"), "{episodes} da {shows}",
    ),
    "pt": Phrases(
        "Esta semana", "e", "mais {n}", ("episódio", "episódios"), ("programa", "programas"),
        "{episodes} de {shows}",
    ),
    "nl": Phrases(
        "Deze week", "en", "{n} meer", ("aflevering", "afleveringen"),
        ("programma", "programma's"), "{episodes} uit {shows}",
    ),
}  # fmt: skip


def phrases(language: str) -> Phrases:
    """The row for a BCP 47 tag's primary language ("fr-CA" -> fr), English by default."""
    primary = language.split("-")[0].split("_")[0].lower()
    return PHRASES.get(primary, PHRASES["en"])
