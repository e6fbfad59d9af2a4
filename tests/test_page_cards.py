"""A newspaper's article about one episode whose headline is the article's own, the episode
named only by the player card set in the text ("Show #118 — Title" over "00:00" / length),
dated by a line that also says when it was updated after a slash, its byline's star
explained by a footnote under the text."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.readers.chrome import skip_link
from castdigest.readers.page_dates import page_date
from castdigest.readers.title_cards import card_title
from page_reading import AS_OF, read_text

CARD_ARTICLE = """Pular para o conteúdo
Diário do Cerrado
Assine
Entrar
Menu
Política
Economia
Cidades
Esportes
Podcasts
Buscar
PODCAST DO DIÁRIO
"O ônibus não passa mais depois das dez", diz pesquisadora sobre linhas cortadas
No episódio desta semana do Ronda Urbana, a urbanista Helena Siqueira explica por que as linhas noturnas foram as primeiras a sumir quando a frota encolheu
Por Tiago Moura*
postado em 22/11/2026 07:00 / atualizado em 22/11/2026 10:15
Helena Siqueira, pesquisadora de mobilidade, nos estúdios do Diário - (crédito: Ana Prado/DC)
Ouça o episódio
Ronda Urbana #64 — Quem apagou o ônibus da madrugada?
00:00
38:12
Desde março, quatro linhas noturnas deixaram de circular entre o centro e as cidades do entorno. O assunto é o tema do episódio do Ronda Urbana, o podcast do Diário, publicado neste domingo.
Na conversa com o jornalista Caio Freitas, apresentador do programa, a urbanista Helena Siqueira afirma que a redução da frota atingiu primeiro quem trabalha à noite. "Quem sai do turno às onze não tem como voltar", diz.
Segundo a pesquisadora, a prefeitura poderia reorganizar as linhas existentes antes de contratar novos ônibus.
O Ronda Urbana vai ao ar todo domingo nas principais plataformas de áudio.
Saiba Mais
Cidades Prefeitura anuncia nova licitação do transporte
*Estagiário sob a supervisão de Rita Lopes
Receba direto no celular as notícias mais recentes publicadas pelo Diário. É de graça e você pode sair quando quiser.
Tags
Ronda Urbana
Transporte
"""


def test_the_player_card_in_an_article_names_its_episode_over_the_headline() -> None:
    assert card_title(
        [
            "Ouça o episódio",
            "Ronda Urbana #64 — Quem apagou o ônibus da madrugada?",
            "00:00",
            "38:12",
        ]
    ) == ("Ronda Urbana #64 — Quem apagou o ônibus da madrugada?")
    assert card_title(["Ronda Urbana", "00:00", "38:12"]) is None
    fmt, episodes = read_text(CARD_ARTICLE)
    assert fmt == "text"  # too little prose for an article: the page reader reads it
    [episode] = episodes
    assert episode.title == "Ronda Urbana #64 — Quem apagou o ônibus da madrugada?"
    assert episode.published == datetime(2026, 11, 22, tzinfo=UTC)
    assert episode.duration == 38 * 60 + 12
    assert episode.chapters == []  # the intern's footnote is no subheading
    assert episode.review_reasons == []


def test_a_date_line_that_says_when_it_was_updated_after_a_slash() -> None:
    dated = page_date(["postado em 22/11/2026 07:00 / atualizado em 23/11/2026 10:15"], AS_OF, "pt")
    assert dated is not None
    assert dated[0] == datetime(2026, 11, 22, tzinfo=UTC)


SKIP_AND_LOGO = """Direkt zum Inhalt
Hafenwelle Info
Menü
Live hören
Region
Sport
Mediathek
Programm
Startseite
Mediathek
Inselmagazin
Inselmagazin | Sa 21.11.2026 | 09:05 Uhr
Halligen zwischen Landunter und Alltag
Zwölfmal Landunter in einem Winter: Das Inselmagazin war eine Woche auf den Halligen unterwegs, bei einer Lehrerin mit vier Schülern, einem Postschiffer und einer Familie, die bleiben will.
Bild: Hafenwelle/Jonas Ketels
Moderation: Wiebke Thomsen
Sendung hören
Audio: Hafenwelle Info | 21.11.2026 | Wiebke Thomsen
52:40 min
Beiträge der Sendung
Die Schule mit vier Kindern
Auf Hallig Hooge unterrichtet Maren Lorenzen vier Kinder in einem Raum. Ein Besuch von Finn Carstens.
Audio (06:20)
"Wir sind keine Kulisse für Touristen"
Der Halligbauer Hauke Petersen im Gespräch mit Wiebke Thomsen über Warften, Deiche und Gäste.
Audio (08:45)
Der Postschiffer
Dreimal die Woche bringt Ole Jessen Briefe und Pakete. Eine Fahrt mit ihm, von Finn Carstens.
Audio (05:10)
Das Inselmagazin hören Sie samstags von 09:05 bis 10 Uhr bei Hafenwelle Info.
Weitere Sendungen
Inselmagazin | Sa 14.11.2026 | 09:05 Uhr
Amrum im November
Alle Sendungen
Impressum
"""


def test_the_sites_name_under_the_opening_skip_link_and_a_quoted_segment_title() -> None:
    assert skip_link("Direkt zum Inhalt")
    assert not skip_link("Skip the small talk: a title")
    fmt, episodes = read_text(SKIP_AND_LOGO)
    assert fmt == "text"
    [episode] = episodes
    assert episode.title == "Halligen zwischen Landunter und Alltag"
    assert [c.title for c in episode.chapters][1] == '"Wir sind keine Kulisse für Touristen"'
    assert episode.quotes == []  # a segment's title in quotation marks is no quote
    assert episode.review_reasons == []
