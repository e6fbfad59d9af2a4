"""Programmes and their schedules: a show's page that plays its latest episode over the list
of all of them; a French headline whose quotation closes with "»", which is no breadcrumb's
arrow; a public broadcaster's page of one broadcast, its show, date and hour over the title
and its segments each with a clip's length, earlier broadcasts under "Weitere Sendungen"; a
list of editions each dated with the same hour of the week; a show's name opening its title
before the episode's number."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.readers.chrome import chrome_kind
from castdigest.readers.listing_kinds import meta_kind
from page_reading import AS_OF, read_text

SHOW_PAGE = """Skip to content
Subscribe
Sign In
The Lakeside Ledger
Search
News
Politics
Business
Podcasts
Podcasts
County Line
Each week our county reporters take one decision made by the county board and explain what it means for you. New episodes every Wednesday.
Listen and subscribe: Apple Podcasts | Spotify
Latest Episode
Why the county wants to sell its nursing home
By Priya Castellanos and Ben Adeyemi
Nov. 18, 2026
Play
0:00
29:41
1x
Advertisement
All Episodes
Why the county wants to sell its nursing home
The board votes next month on selling Lakeview Manor to a private operator. Priya and Ben go through the offers and what residents' families have been told.
Nov. 18, 2026
29 min
The road levy passed. Which roads come first?
Voters approved the levy on Nov. 3. Ben looks at the first list of projects and why some townships will wait until 2029.
Nov. 11, 2026
24 min
A voter's guide to the road levy
Public works director Sandra Okonkwo walks through what the levy pays for, road by road.
Nov. 4, 2026
33 min
Load More
More podcasts from The Lakeside Ledger
Friday Night Lights
"""


def test_a_show_page_playing_its_latest_episode_over_all_its_episodes_is_a_listing() -> None:
    fmt, episodes = read_text(SHOW_PAGE)
    assert fmt == "listing"
    assert [(e.title, e.published, e.duration) for e in episodes] == [
        (
            "Why the county wants to sell its nursing home",
            datetime(2026, 11, 18, tzinfo=UTC),
            29 * 60,
        ),
        (
            "The road levy passed. Which roads come first?",
            datetime(2026, 11, 11, tzinfo=UTC),
            24 * 60,
        ),
        ("A voter's guide to the road levy", datetime(2026, 11, 4, tzinfo=UTC), 33 * 60),
    ]


def test_a_french_quotation_closing_with_guillemets_is_no_breadcrumb() -> None:
    assert (
        chrome_kind("PODCAST. « Les mineurs de la fosse 4 » : Jeanne, 15 ans au tri en 1958")
        is None
    )
    assert chrome_kind("Accueil » Podcasts » Mémoires") == "breadcrumb"
    text = """Aller au contenu principal
Le Courrier du Nord
Rechercher
S’abonner
Se connecter
Actualité
Région
Sports
Podcasts
Accueil
Région
Podcasts
PODCAST. « Les mineurs de la fosse 4 » : Jeanne, 15 ans au tri en 1958
Elle avait quinze ans quand elle a commencé au triage de la fosse 4. Dans le cinquième épisode de notre podcast « Voix du carreau », Jeanne Delcroix raconte ses années au tri.
Par Lucie Verhaeghe
Publié le 18/11/2026 à 06:00
Partage :
Voix du carreau
Épisode 5 · 24 min
Ce qu’elle retient d’abord, c’est la poussière. « On en avait partout, dans les cheveux, dans le pain, jusque dans les draps. »
En 1958, Jeanne Delcroix quitte l’école à quatorze ans. Son père et ses deux frères travaillent déjà à la fosse, elle entre au triage des pierres l’année suivante.
À lire aussi
PODCAST. « Voix du carreau », épisode 4 : les galibots de la fosse 2
"""
    fmt, episodes = read_text(text)
    assert fmt == "text"
    [episode] = episodes
    assert episode.title == "PODCAST. « Les mineurs de la fosse 4 » : Jeanne, 15 ans au tri en 1958"
    assert episode.published == datetime(2026, 11, 18, tzinfo=UTC)


BROADCAST_PAGE = """Direkt zum Inhalt
Nordwelle Info
Live hören
Suche
Menü
Nachrichten
Programm
Podcasts
Startseite
Programm
Küstenmagazin
Küstenmagazin | Sa 21.11.2026 | 11:05 Uhr
Deichbau zwischen Sturmflut und Naturschutz
Bis 2030 sollen an der Westküste vierzig Kilometer Deich erhöht werden. Das Küstenmagazin war eine Woche lang unterwegs: bei einem Deichgrafen, bei einer Vogelkundlerin und in einem Dorf, das seinen Strand verlieren könnte.
Bild: Nordwelle/Karla Jensen
Moderation: Henrik Paulsen
Sendung hören
Audio: Nordwelle Info | 21.11.2026 | Henrik Paulsen
53:10 min
Beiträge der Sendung
Der Deichgraf und die Zahlen
Jens Carstensen verwaltet seit zwanzig Jahren die Deiche zwischen Husum und Tönning. Ein Besuch von Mara Feddersen.
Audio (06:40)
Wo die Säbelschnäbler brüten
Die Vogelkundlerin Dr. Inga Thomsen erklärt, warum jede Baustelle am Deich auch eine Brutsaison kostet. Von Ole Brandt.
Audio (05:15)
Ein Strand auf Zeit
Im Dorf Süderhöft fürchten Vermieter, dass die neue Deichlinie den Badestrand schluckt. Ein Besuch von Mara Feddersen.
Audio (07:02)
Das Küstenmagazin hören Sie samstags von 11:05 bis 12 Uhr bei Nordwelle Info.
Weitere Sendungen
Küstenmagazin | Sa 14.11.2026 | 11:05 Uhr
Fähren im Winter: Wer fährt noch nach Pellworm?
Küstenmagazin | Sa 07.11.2026 | 11:05 Uhr
Krabbenfischer ohne Nachwuchs
Alle Sendungen
Über uns
Impressum
"""


def test_a_broadcasts_page_its_show_date_and_hour_over_the_title_and_its_segments() -> None:
    assert meta_kind("Küstenmagazin | Sa 21.11.2026 | 11:05 Uhr", AS_OF) == "age"
    assert chrome_kind("Sendung hören")
    fmt, episodes = read_text(BROADCAST_PAGE)
    assert fmt == "text"
    [episode] = episodes
    assert episode.title == "Deichbau zwischen Sturmflut und Naturschutz"
    assert episode.published == datetime(2026, 11, 21, tzinfo=UTC)
    assert [c.title for c in episode.chapters] == [
        "Der Deichgraf und die Zahlen",
        "Wo die Säbelschnäbler brüten",
        "Ein Strand auf Zeit",
    ]


WEEKLY_HOUR = """Ir ao conteúdo
Rádio Assembleia
Ouça ao vivo
FM 101,3
Início
Programas
Direito em Dia
Direito em Dia
O programa explica, com linguagem simples, como as leis votadas na Assembleia mudam a vida do cidadão.
Terças-feiras, às 10h.
Apresentação: Marta Queiroz
Edições
17/11/2026 - 10:00
Direito em Dia
Plano de saúde: o que muda nos reajustes
A nova regra limita os reajustes para maiores de 60 anos. A advogada Helena Prates responde às dúvidas dos ouvintes.
Ouvir
Baixar
27:15
10/11/2026 - 10:00
Direito em Dia
Condomínio: quem paga a obra da fachada
O síndico pode cobrar a obra de todos? O professor de direito civil Caio Ramalho explica.
Ouvir
Baixar
25:40
03/11/2026 - 10:00
Direito em Dia
Herança digital: senhas, fotos e contas
Quem herda as contas de quem morre? Com a defensora pública Luana Farias.
Ouvir
Baixar
29:05
1
2
Próxima
"""


def test_editions_dated_with_the_same_hour_each_week_keep_their_own_lengths() -> None:
    fmt, episodes = read_text(WEEKLY_HOUR)
    assert fmt == "listing"
    assert [(e.title, e.published, e.duration) for e in episodes] == [
        ("Plano de saúde: o que muda nos reajustes", datetime(2026, 11, 17, tzinfo=UTC), 1635),
        ("Condomínio: quem paga a obra da fachada", datetime(2026, 11, 10, tzinfo=UTC), 1540),
        ("Herança digital: senhas, fotos e contas", datetime(2026, 11, 3, tzinfo=UTC), 1745),
    ]


NUMBERED_BY_SHOW = """新知周刊
首页
杂志
音频
视频
登录
当前位置：首页 > 音频 > 新知听读
新知听读 No.88｜冬天跑步，膝盖真的会坏吗？
新知听读
2026-11-17 08:00
主播：许安
嘉宾：陈立行 运动医学科医生
时长 28:30
00:00
28:30
订阅
本期内容
天气一冷，跑步的人少了，关于“冬天跑步伤膝盖”的说法又多了起来。这一期，我们请运动医学科医生陈立行，聊聊低温对关节的真实影响，以及冬季跑步前该做哪些准备。
本期要点
1. 低温本身不会损伤膝盖，热身不足和突然加量才是主要原因。
2. 冬季跑步前的动态热身至少要做十分钟。
3. 路面结冰时宁可改在室内训练，也不要冒险。
"""


def test_a_show_name_opening_the_title_before_its_number_names_the_show() -> None:
    _fmt, episodes = read_text(NUMBERED_BY_SHOW)
    [episode] = episodes
    assert episode.title == "新知听读 No.88｜冬天跑步，膝盖真的会坏吗？"
    assert episode.published == datetime(2026, 11, 17, tzinfo=UTC)
    assert len(episode.takeaways) == 3
