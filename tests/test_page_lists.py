"""More layouts of saved pages: a story's byline over its date with the show's other episodes
under it, entries parted by separator lines, a long teaser among teasers, a date labelled
after it, an article that says which title its episode has, and the publication date's label."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.page_dates import labelled_date
from page_reading import AS_OF, read_text

STORY_WITH_ITS_SHOWS_LIST = """Zum Inhalt springen
Westfälische Rundschau
Abo
Anmelden
Wirtschaft
Audio
Podcasts
Maschinenraum
Energie und Werkstoffe:
Wie eine Gießerei aus Hagen ihren Strom selbst erzeugt
Die Geschäftsführerin Almut Brenner hat drei Millionen Euro in Solardächer und einen Speicher investiert. Im Podcast erzählt sie, warum sich das schon nach vier Jahren rechnet.
Jonas Kleinert
17.11.2026 - 06:00 Uhr
Podcast hören
00:00
27:12
Hagen. Die Gießerei Brenner & Söhne schmilzt seit 1921 Eisen für Pumpengehäuse und Ventile. In dieser Folge spricht Moderator Jonas Kleinert mit Almut Brenner darüber, wie ein Betrieb mit 140 Beschäftigten seine Stromkosten halbiert hat.
Außerdem geht es um die Frage, ob Gießereien in Deutschland eine Zukunft haben.
Alle Folgen von Maschinenraum
Lieferketten: Ein Werkzeugbauer holt die Fertigung zurück
10.11.2026 | 31 Min.
Nachwuchs: Warum ein Betrieb seine Azubis selbst unterbringt
03.11.2026 | 25 Min.
Export: Der Kranbauer und die neuen Zölle
27.10.2026 | 36 Min.
"""


def test_a_story_whose_byline_a_role_credits_is_one_episode_over_its_shows_list() -> None:
    # "spricht Moderator Jonas Kleinert": the name over the date is the host, not a title
    _, episodes = read_text(STORY_WITH_ITS_SHOWS_LIST)
    assert [e.title for e in episodes] == ["Wie eine Gießerei aus Hagen ihren Strom selbst erzeugt"]
    assert episodes[0].review_reasons == []


PARTED_ENTRIES = """Skip to main content
Cascade Public Radio
Listen Live
Donate
Podcasts

Night Ferry
Late stories from the ports and islands of the Salish Sea, hosted by Ines Cardoso.
Episodes
-
photo: The Orcas Island dock at dawn on Nov. 12, 2026, before the first sailing.
November 20th | The dock that floats on oil drums
For forty years a volunteer crew has kept the dock afloat with salvaged barrels. We spend a night with them before the county replaces it next spring.
-
What the tide tables leave out
Harbour pilot Anders Lund explains why the printed tables are wrong twice a month, and how the pilots learned to read the water instead.
-
Encore: The lighthouse keeper's daughter
Marisol Vega grew up on a rock with one tree and a foghorn. She told us about storms, school by radio and the night the lamp went out. This story first aired in June.
-
November 6th | Oysters after the heat wave
"""


def test_entries_parted_by_separator_lines_are_a_list_with_its_cut_last_entry() -> None:
    reader, episodes = read_text(PARTED_ENTRIES)
    assert reader == "pairs"
    assert [e.title for e in episodes] == [
        "November 20th | The dock that floats on oil drums",
        "What the tide tables leave out",
        "Encore: The lighthouse keeper's daughter",
        "November 6th | Oysters after the heat wave",
    ]
    # the photo's caption before the first title is no part of the entry
    assert "photo:" not in (episodes[0].abstract or "")
    assert (episodes[1].abstract or "").startswith("Harbour pilot Anders Lund explains")


LONG_TEASER_AMONG_TEASERS = """Vai al contenuto
Radio Borgo
PODCAST
Cerca

Voci di provincia PODCAST

Ogni sabato Giulia Marchetti racconta i paesi che si svuotano e quelli che rinascono.

Puntata del 21/11/2026

Il forno che tiene aperto un paese

Vi proponiamo l'ascolto del racconto di Giulia Marchetti sul forno di Roccaverde, l'ultimo negozio rimasto aperto in paese.

42:10 21.11.2026

Puntata del 14/11/2026

La scuola con sette alunni

Vi proponiamo l'ascolto dell'intervista alla maestra Carla Nenci, che insegna a sette bambini di quattro età diverse.

39:45 14.11.2026

Puntata del 07/11/2026

Il sindaco che affitta le case a un euro

Vi proponiamo l'ascolto dell'intervista di Giulia Marchetti al sindaco Piero Landi, che da tre anni affitta le case vuote del borgo a chi viene a viverci: "Qui o si riempie o si chiude, non c'è una terza strada"

41:02 07.11.2026
"""


def test_a_long_teaser_ending_in_a_quotation_is_a_teaser_like_the_others() -> None:
    reader, episodes = read_text(LONG_TEASER_AMONG_TEASERS)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "Il forno che tiene aperto un paese",
        "La scuola con sette alunni",
        "Il sindaco che affitta le case a un euro",
    ]


UPLOADED_ENTRIES = """しおさいFM
番組表
番組一覧
PODCAST

みなとの手帖
港町で暮らす人たちの声を集める30分。
Every Sun. 21:00~21:30

ポッドキャスト

#18 ゲスト:灯台守・佐伯 まどかさん
2026/11/22 UP!
灯台の仕事を30年続けてきた佐伯さんをお迎えしました。嵐の夜のこと、霧笛の音、そして灯台が無人になった日のこと
再生時間 26:40
▶ 聴く

#17 冬の魚市場を歩く
2026/11/15 UP!
ゲストはお休み。早朝の魚市場にレコーダーを持って出かけました。競りの声、氷を割る音、長靴で歩く
再生時間 23:05
▶ 聴く

#16 リスナーからの「波の音」
2026/11/08 UP!
みなさんから届いた波の音を一挙にご紹介!北の海の流氷、南の島の砂浜、そして
再生時間 25:30
▶ 聴く
"""


def test_a_date_with_an_upload_label_after_it_dates_each_entry() -> None:
    reader, episodes = read_text(UPLOADED_ENTRIES)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "#18 ゲスト:灯台守・佐伯 まどかさん",
        "#17 冬の魚市場を歩く",
        "#16 リスナーからの「波の音」",
    ]
    assert [e.published.date().isoformat() if e.published else None for e in episodes] == [
        "2026-11-22",
        "2026-11-15",
        "2026-11-08",
    ]
    assert [e.duration for e in episodes] == [1600.0, 1385.0, 1530.0]


ARTICLE_SAYING_ITS_TITLE = """Portada
Cultura
Podcasts

Cultura
Lucía Arbós, en “Cuaderno de viaje”: “Aprendí a escribir mirando trenes”
La novelista fue la invitada del nuevo episodio del podcast conducido por Marcos Real. Habló de su infancia en Zaragoza y de su primera novela
Por Elena Pardo
20 Nov, 2026 07:15 a.m.
Guardar
Lucía Arbós fue la invitada de “Cuaderno de viaje”, el podcast de Marcos Real
Lucía Arbós tenía doce años cuando empezó a llenar cuadernos con los horarios de los trenes que pasaban por la estación de su barrio. Treinta años después se sentó frente a Marcos Real en “Cuaderno de viaje” para contar cómo aquellos cuadernos se convirtieron en su primera novela.
El episodio, titulado “La estación del Portillo”, se publicó el lunes 16 de noviembre y dura 52 minutos. En él, Arbós repasa sus años como correctora y la decisión de dejarlo todo para escribir.
“Aprendí a escribir mirando trenes. Cada tren era una historia que empezaba y terminaba en dos minutos”, explicó la autora.
Seguir leyendo
"""


def test_an_article_saying_its_episodes_title_gives_that_title_without_doubt() -> None:
    _, episodes = read_text(ARTICLE_SAYING_ITS_TITLE)
    assert [e.title for e in episodes] == ["La estación del Portillo"]
    assert episodes[0].review_reasons == []


def test_a_publication_date_label_opens_a_date() -> None:
    found = labelled_date(["Publication date: 12 March 2026", "Listen"], AS_OF, "en")
    assert found is not None
    assert found[0].date().isoformat() == "2026-03-12"


SHOW_AND_NUMBER_UNDER_TITLE = """Aller au contenu principal
Radio Littoral
Balados
Horaire
Se connecter
EN DIRECT
En ondes : Le retour
16 h à 18 h
Accueil
Balados
Route des phares
Kamouraska : le dernier fumoir à anguilles
Route des phares | Épisode 12
18 novembre 2026
34 min
Écouter l'épisode
Partager
Au bout d'un chemin de terre, une famille fume encore l'anguille comme il y a cent ans. Nous sommes allés passer une journée avec eux avant la fermeture de la saison.
Autres épisodes
Rimouski : les vagues qui mangent la côte
11 novembre 2026
38 min
Matane : la crevette et le vent
4 novembre 2026
36 min
"""


def test_a_line_of_the_show_and_the_episodes_number_labels_the_title_over_it() -> None:
    reader, episodes = read_text(SHOW_AND_NUMBER_UNDER_TITLE)
    assert reader == "listing"
    assert [e.title for e in episodes] == ["Kamouraska : le dernier fumoir à anguilles"]


DOTTED_STARTS_OVER_ALL_EPISODES = """Siirry pääsisältöön
Kuuloke
Etusivu
Podcastit
Kirjaudu
Kylän tarinat
45. Unohtunut myllynkivi
Kylän tarinat
12.11.2026 · 39 min
Kuuntele
Jaa
Joen rannasta löytyi keväällä suuri kivi, jota kukaan kylässä ei muistanut nähneensä. Se oli pyöreä, keskeltä puhkaistu ja puoliksi sammaloitunut.

Liisa ja Matti selvittävät kotiseutuyhdistyksen arkistosta, mistä kivi tuli, miksi se päätyi jokeen ja kuka sen sinne jätti.

Jakson aiheet:
0.00 Alkusanat
2.35 Mistä kivi löytyi?
14.10 Myllyt joen varrella
27.45 Kuka kiven jätti?

Juontajat: Liisa Koski ja Matti Aho

Kaikki jaksot
44. Kadonnut lossi
5.11.2026 · 41 min
43. Koulun vanha kello
29.10.2026 · 37 min
42. Sillan alla
22.10.2026 · 44 min
"""


def test_chapter_starts_written_with_dots_and_the_shows_list_under_its_heading() -> None:
    _, episodes = read_text(DOTTED_STARTS_OVER_ALL_EPISODES)
    assert [e.title for e in episodes] == ["45. Unohtunut myllynkivi"]
    assert [(c.start, c.title) for c in episodes[0].chapters] == [
        (0.0, "Alkusanat"),
        (155.0, "Mistä kivi löytyi?"),
        (850.0, "Myllyt joen varrella"),
        (1665.0, "Kuka kiven jätti?"),
    ]


SHOW_TWICE_OVER_ITS_DATE = """Podwise
Search podcasts
Discover
Log in
Podcasts
Field Notes
Why Lighthouses Went Dark, and Which Ones Came Back
Field Notes
Field Notes
Nov 10, 2026 · 58m
Play
Share
Summary
Host Dana Lowe talks with historian Piet Verbeek about the automation of lighthouses and the volunteers who relit a few of them.
Transcript
Dana Lowe
00:00
Welcome to Field Notes. Today we are climbing a lighthouse.
Piet Verbeek
00:35
Thanks for having me. It is a long climb, but the view is worth it.
Log in to read the full transcript
"""


def test_a_shows_name_twice_over_the_date_frames_the_title_and_speakers_are_no_entries() -> None:
    _, episodes = read_text(SHOW_TWICE_OVER_ITS_DATE)
    assert [e.title for e in episodes] == ["Why Lighthouses Went Dark, and Which Ones Came Back"]
