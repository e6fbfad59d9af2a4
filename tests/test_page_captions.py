"""What a page's captions and cards say about its title: a player's caption joining the
show's name and the title's first words, a player card captioned over its publisher's name,
a headline in quotation marks (no quote), an article's date with its time of day before it
(no chapter), a show's card of fields over its airtime, a programme's tabs over a post's
fields, and section headings in Danish and Dutch."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.chapter_lines import classify
from castdigest.readers.title_cards import card_title
from page_reading import read_text

SHOW_CAPTION = """Zum Inhalt springen
Radio Donaukanal
Live
Programm
Podcasts
Musik
Film
Games
Tech
Kultur
Tickets
Suche
Podcast
Hofgeflüster Extra
Warum niemand mehr den Hausmeister kennt: Nachbarschaft im Gemeindebau
In der neuen Folge reden Lea Brunner und Tobias Wagner mit der Soziologin Ana Petrović darüber, warum Nachbarschaft im Gemeindebau heute anders funktioniert als vor dreißig Jahren.
Von Lea Brunner
Hofgeflüster Extra: Warum niemand mehr den Hausmeister kennt
00:00
47:12
Abspielen
Herunterladen
Früher hatte jede Stiege ihren Hausmeister, heute gibt es eine Hotline. Was das für das Zusammenleben bedeutet, erklärt Ana Petrović, die seit Jahren in Wiener Wohnanlagen forscht.
Sie erzählt von Hofflohmärkten, Tauschregalen und der Frage, wer eigentlich die Kastanien im Innenhof gepflanzt hat.
Hofgeflüster Extra gibt es jeden Dienstag als Podcast.
Publiziert am 24.11.2026
Mehr zum Thema
Impressum
Datenschutz
"""

CARD_OVER_PUBLISHER = """Lagos Weekly
Search
Menu
News
Business
Podcasts
Podcasts
Two market traders explain why they still open at dawn
On the newest episode of the paper's podcast, a fabric seller and a pepper trader talk to Kunle about prices, power cuts and the customers who never left.
Bisi Okafor
23 November 2026 at 09:10
Share on X
Copy link
Market Voices
Ep. 12: Open Before Sunrise, the Traders of Oyingbo
Lagos Weekly
00:00
44:05
Listen on Spotify
Every trader at Oyingbo has a story about the price of diesel. This week's episode of Market Voices lets two of them tell it in full.

Host Kunle Adebayo sits down with Mrs Funmi Ajayi, who has sold fabric from the same stall for twenty-six years, and Chidi Eze, who took over his mother's pepper business in 2021.

Listen to the full episode above, or find Market Voices on Spotify and Apple Podcasts.
Recommended articles
"""

QUOTED_HEADLINE = """Aller au contenu principal
Le Fil Montréal
Société
Culture
Balados
Rechercher
Balados
« J'ai appris à conduire à 52 ans, et j'en ai fait un balado »
Dans le nouvel épisode des Retours, l'animatrice Nadia Roy raconte son permis tardif avec sa fille au volant.
Par Émilie Gagnon-Roy
18 novembre 2026
Temps de lecture : 3 min
Partager
Ce mardi, l'animatrice a reçu sa fille Jeanne dans le troisième épisode de notre balado Les Retours, intitulé « Le permis de maman ». Elles y parlent de leçons ratées, de stationnement en parallèle et de patience.
« Ma fille m'a appris à reculer. Je lui avais appris à marcher. »
— Nadia Roy
Pendant quarante minutes, la mère et la fille reviennent sur les trois examens manqués, sur le prix des cours et sur la première fois où Nadia a conduit seule jusqu'au chalet.
« Elle freine avant que j'aie peur. C'est déjà ça. »
— Jeanne Roy
Les Retours est disponible sur toutes les plateformes d'écoute.
À lire aussi
"""

SHOW_CARD_FIELDS = """跳到主要內容區塊
首頁 > 節目資訊 > 生活 > 午後茶話
午後茶話
主持人：林雅文
播出時間：每週日 14:00-15:00
節目簡介：星期天午後，陪您聊聊生活與健康。
單集介紹
第58集　冬天的第一杯熱茶：怎麼喝才不傷胃
播出日期：115-11-22
來賓：中醫師 王立德
寒流來了，許多人一早就想喝杯熱茶暖身。本集請王立德中醫師聊聊空腹喝茶、濃茶與胃的關係，也分享幾種適合冬天的溫和茶飲。
收聽本集
00:00 / 45:10
往期節目
"""

TABS_OVER_FIELDS = """본문 바로가기
바다 라디오
로그인
편성표
프로그램
다시듣기
HOME
프로그램
저녁 항구
저녁 항구
진행 오세린 | 월~금 오후 6:00~7:00
프로그램 소개
다시듣기
사연 보내기
선곡표
다시듣기
[11/22] 등대지기의 겨울 일기
작성자
저녁항구
등록일
2026.11.22
조회
87
00:00 / 52:00
재생
다운로드
오늘은 섬 등대를 지키는 등대지기의 겨울 이야기를 들려드립니다. 바람이 센 날 등대를 오르는 일, 가족에게 보내는 편지, 그리고 청취자 사연까지 함께합니다.
"""

DANISH_POINTS = """Podcasts
Hverdag
Penge i Hverdagen
Episode
#41 Skal du binde renten nu?
22.11.2026
39 min
Afspil episode
Episodebeskrivelse
Resumé: Renten er faldet igen, og mange boligejere overvejer at omlægge. Værterne taler med en uafhængig rådgiver om, hvornår det kan betale sig.
Det får du med fra episoden:
• Regn på den samlede omkostning, ikke kun den månedlige ydelse.
• Husk gebyrer og kurstab, før du omlægger.
• Spørg mere end én bank om et tilbud.
Kapitler:
(00:00) Intro
(03:10) Hvad betyder den nye rente?
(14:45) Regneeksempel: et rækkehus i Odense
(30:20) Lytterspørgsmål
Seneste episoder
"""

DUTCH_SEGMENTS = """Ga direct naar de inhoud
Stadsradio Delta
Nieuws
Radio
Programma's
Zoeken
Programma's
Middaggesprek
Middaggesprek
Elke zaterdag van 12:00 tot 13:00 uur
Uitzending
De brug gaat dicht: hoe komt de wijk naar de overkant?
zaterdag 21 november 2026, 12:00 uur
Luister terug
00:00
55:20
Presentatie: Joris Bakker

Vanaf februari gaat de Zuiderbrug maanden dicht. Joris Bakker praat met bewoners, ondernemers en de wethouder over de gevolgen.

In deze uitzending:
Waarom de brug opnieuw dicht moet
Winkeliers aan de kade: 'Wij merken het meteen'
Komt er een pendelbus?
Luisteraars aan de lijn

Eerdere uitzendingen
"""


def test_a_players_caption_joining_the_shows_name_and_the_titles_first_words() -> None:
    _fmt, [episode] = read_text(SHOW_CAPTION)
    assert episode.title == (
        "Warum niemand mehr den Hausmeister kennt: Nachbarschaft im Gemeindebau"
    )
    assert episode.review_reasons == []
    assert episode.duration == 47 * 60 + 12


def test_a_player_card_captioned_over_its_publishers_name() -> None:
    card = ["Market Voices", "Ep. 12: Open Before Sunrise", "Lagos Weekly", "00:00", "44:05"]
    assert card_title(card) == "Ep. 12: Open Before Sunrise"
    # a sentence over the player is no card's name line
    assert card_title(["Ep. 12: Open Before Sunrise", "Listen to the whole talk.", "00:00"]) is None
    _fmt, [episode] = read_text(CARD_OVER_PUBLISHER)
    assert episode.title == "Ep. 12: Open Before Sunrise, the Traders of Oyingbo"
    assert episode.duration == 44 * 60 + 5


def test_a_headline_in_quotation_marks_is_no_quote() -> None:
    _fmt, [episode] = read_text(QUOTED_HEADLINE)
    assert episode.title == "Le permis de maman"
    assert [q.text for q in episode.quotes] == [
        "Ma fille m'a appris à reculer. Je lui avais appris à marcher.",
        "Elle freine avant que j'aie peur. C'est déjà ça.",
    ]


def test_a_time_of_day_before_its_date_is_no_chapter() -> None:
    for line in ("07:30, 21 Nov 2026Updated 08:05, 21 Nov 2026", "18:00, 2 December 2026"):
        item = classify(0, line, None)
        assert (item.kind, item.entries) == ("text", [])
    assert classify(0, "07:30 Morning news", None).kind == "chap"


def test_a_shows_card_of_fields_over_its_airtime_names_the_show() -> None:
    _fmt, [episode] = read_text(SHOW_CARD_FIELDS)
    assert episode.title == "第58集 冬天的第一杯熱茶：怎麼喝才不傷胃"
    assert episode.review_reasons == []


def test_a_programmes_tabs_over_a_posts_fields() -> None:
    _fmt, [episode] = read_text(TABS_OVER_FIELDS)
    assert episode.title == "[11/22] 등대지기의 겨울 일기"
    assert episode.duration == 52 * 60


def test_takeaways_and_segments_headed_in_danish_and_dutch() -> None:
    _fmt, [episode] = read_text(DANISH_POINTS)
    assert episode.title == "#41 Skal du binde renten nu?"
    assert len(episode.takeaways) == 3
    assert [c.start for c in episode.chapters] == [0, 190, 885, 1820]
    _fmt, [episode] = read_text(DUTCH_SEGMENTS)
    assert episode.title == "De brug gaat dicht: hoe komt de wijk naar de overkant?"
    assert [c.title for c in episode.chapters] == [
        "Waarom de brug opnieuw dicht moet",
        "Winkeliers aan de kade: 'Wij merken het meteen'",
        "Komt er een pendelbus?",
        "Luisteraars aan de lijn",
    ]
