"""Layouts and words of saved pages read by their shape: a host's line over every entry's
metadata, a broadcast's hours in a title, titles named by their date, a table's last row cut
where the page ends, a box of stories inside an article, titles quoted American style, an
abbreviation inside a title, tab bars among a header's short lines, a meeting note's action
items, and section headings in Dutch and the Nordic languages."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.chrome import blank_tab_bars, chrome_kind
from castdigest.readers.heading_words import heading_kind, suggests_others
from castdigest.readers.listing_shapes import is_dated
from castdigest.readers.page_dates import named_by_date, without_hour_span, without_time_of_day
from castdigest.readers.title_quoted import quoted_episode, quoted_shows
from page_reading import read_text

HOST_OVER_EVERY_ENTRY = """Saltar al contenido
Radio Meridiano
Directo
Programas
Podcast
Mañanas de Barrio
Cada sábado de 9 a 12 h, Inés Calvo recorre los barrios de la ciudad con sus vecinos.
Último episodio
Mañanas de Barrio (14/11/2026) | Tramo de 10 a 11 h
Inés Calvo
14/11/2026 - 11:00 h CET
00:59:02
El último afilador de Triana: "La gente ya no afila, compra"
Manuel Ortega lleva cuarenta años recorriendo Triana con su bicicleta y su chiflo. Hablamos con él y con la etnógrafa Rosa Vidal sobre los oficios que se oyen por la calle.
Inés Calvo
14/11/2026 - 10:20 h CET
00:16:40
Mañanas de Barrio (07/11/2026) | Tramo de 10 a 11 h
Inés Calvo
07/11/2026 - 11:00 h CET
00:58:47
La panadera que abre a las cuatro
Con 68 años, Carmen Ruiz sigue abriendo su horno antes del amanecer. Nos cuenta por qué nunca ha cerrado un solo día.
Inés Calvo
07/11/2026 - 10:35 h CET
Cargar más
"""


def test_a_host_over_every_entrys_metadata_opens_no_entry_the_line_above_it_does() -> None:
    reader, episodes = read_text(HOST_OVER_EVERY_ENTRY)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "Mañanas de Barrio (14/11/2026) | Tramo de 10 a 11 h",
        'El último afilador de Triana: "La gente ya no afila, compra"',
        "Mañanas de Barrio (07/11/2026) | Tramo de 10 a 11 h",
        "La panadera que abre a las cuatro",
    ]
    assert [e.duration for e in episodes] == [3542.0, 1000.0, 3527.0, None]
    assert episodes[1].published is not None and episodes[1].published.day == 14


def test_a_broadcasts_hours_are_no_length_and_its_time_of_day_ends_a_date() -> None:
    assert without_hour_span("Mañanas de Barrio (14/11/2026) | Tramo de 10 a 11 h").rstrip() == (
        "Mañanas de Barrio (14/11/2026) | Tramo de"
    )
    assert without_hour_span("Sendung von 10 bis 12 Uhr").rstrip() == "Sendung von"
    assert without_hour_span("Nov 3, 2026 · 1 h 20 min") == "Nov 3, 2026 · 1 h 20 min"
    assert not is_dated("Mañanas de Barrio (14/11/2026) | Tramo de 10 a 11 h")
    assert is_dated("21.11.2026 · 2 h")
    assert without_time_of_day("14/11/2026 - 11:00 h CET") == "14/11/2026"
    # a title's number is no date: the chapter's start after it stays
    assert without_time_of_day("Ruiz - Il ponte del 1947 e la piazza 00:09:48") == (
        "Ruiz - Il ponte del 1947 e la piazza 00:09:48"
    )
    assert without_time_of_day("le 20 de septiembre a las 10:00") == "le 20 de septiembre"


NAMED_BY_DATE = """Vai al contenuto
Radio Lanterna
Programmi
Podcast
Sere d'Inverno
con Lia Neri e Paolo Bassi
Puntate
Sere d'Inverno del 20 novembre 2026
Lia e Paolo ricevono in studio il liutaio Carlo Ferri, che racconta come si restaura un violino del Settecento. E poi le vostre telefonate: qual è lo strumento che avete abbandonato?
20 novembre 2026
01:51:10
Ascolta
Sere d'Inverno del 19 novembre 2026
Serata dedicata ai fari della Liguria con il guardiano in pensione Aldo Risso, che per trent'anni ha acceso la lanterna di Punta Vagno. Chi di voi ha mai dormito in un faro?
19 novembre 2026
01:48:22
Ascolta
Sere d'Inverno - Speciale Natale
Una puntata di canzoni e ricordi in diretta dal teatro con gli ascoltatori storici del programma, i messaggi vocali più amati e un coro di bambini di Savona.
18 novembre 2026
02:10:05
Ascolta
Carica altre puntate
"""


def test_titles_named_by_their_date_head_their_entries_over_a_teaser() -> None:
    assert named_by_date("Sere d'Inverno del 20 novembre 2026")
    assert named_by_date("The Daily - Nov 20, 2026")
    assert not named_by_date("20 novembre 2026")
    assert not named_by_date("Published 20 Nov 2026")
    assert not named_by_date("Mardi 17 novembre 2026")
    reader, episodes = read_text(NAMED_BY_DATE)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "Sere d'Inverno del 20 novembre 2026",
        "Sere d'Inverno del 19 novembre 2026",
        "Sere d'Inverno - Speciale Natale",
    ]
    assert [e.duration for e in episodes] == [6670.0, 6502.0, 7805.0]


ROWS_CUT_AT_THE_END = """声波电台
发现
播客
夜里的城市
订阅(1.2万)
节目列表
共41期
41
Vol.41 和修鞋匠老周聊聊“补”：一双鞋可以穿二十年
播放1.1万
赞210
2026-11-20
52:10
40
Vol.40 夜班护士小林：凌晨四点的病房
播放2.3万
赞402
2026-11-13
01:01:47
39
Vol.39 菜市场的账本｜对话摊主梅姐
播放9800
赞133
2026-11-06
47:05
38
Vol.38 听众来信：你最想回到的那个夏天
播放1.4万
赞250
2026-10-30
"""


def test_a_tables_last_row_cut_where_the_page_ends_is_an_entry_too() -> None:
    reader, episodes = read_text(ROWS_CUT_AT_THE_END)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "Vol.41 和修鞋匠老周聊聊“补”：一双鞋可以穿二十年",
        "Vol.40 夜班护士小林：凌晨四点的病房",
        "Vol.39 菜市场的账本｜对话摊主梅姐",
        "Vol.38 听众来信：你最想回到的那个夏天",
    ]
    assert [e.duration for e in episodes] == [3130.0, 3707.0, 2825.0, None]


ARTICLE_WITH_A_BOX = """Skip to main content
The Screen Ledger
Log In
Subscribe
Film
TV
Podcasts
Nora Vance Says She Said No to the ‘Lighthouse Road’ Reboot Twice: ‘June Deserved to Rest’
By Hal Pruitt
Hal Pruitt
Senior Writer, TV
Hal's Most Recent Stories
‘Copper Town’ Renewed for a Fourth Season
Box Office: ‘Night Ferry’ Holds the Top Spot
View All
Nov 20, 2026 9:15am PT
Nora Vance in 2024
Ana Lisle for The Screen Ledger
Nora Vance has a short answer for fans still hoping she returns to Harwick Point.
The actor, who played lighthouse keeper June Abbott for seven seasons of “Lighthouse Road,” said she turned down the reboot twice, in an interview on this week's episode of the “Late Shift With Omar Ruiz” podcast.
“Every draft had June alone in the lighthouse, staring at the sea and crying about someone,” Vance told host Omar Ruiz. “She was the funniest person on that island.”
Related Stories
‘Lighthouse Road’ Reboot Sets Its Cast
Omar Ruiz Signs a New Podcast Deal
The episode, titled “Nora Vance Keeps Every Bad Review,” runs just over an hour and covers her years in regional theater in Duluth, her first Broadway role and the night she forgot every line of a play. Vance also said she had not spoken to the show's creator since the finale aired in 2016.
Ruiz asked whether a guest appearance was still possible. “If June walks in, pours a coffee and leaves, I'm in,” she said. “Print that.”
The reboot begins production in Vancouver in February. A representative for the studio did not respond to a request for comment.
Listen to the full episode below.
More from The Screen Ledger
"""


def test_an_article_names_its_episode_in_quotes_past_a_box_of_other_stories() -> None:
    assert suggests_others("Hal's Most Recent Stories")
    assert not suggests_others("Let's Talk")
    lines = ARTICLE_WITH_A_BOX.splitlines()
    # the show's name before "podcast" is the show's, and a title quoted with its comma
    # inside (American style) is the title without it
    assert "late shift with omar ruiz" in quoted_shows(lines)
    assert quoted_episode(lines, paragraphs=5) == (24, "Nora Vance Keeps Every Bad Review")
    # the headline is the article's and a photo's caption as likely: the title the prose
    # quotes as the episode's settles it
    _, episodes = read_text(ARTICLE_WITH_A_BOX)
    assert [e.title for e in episodes] == ["Nora Vance Keeps Every Bad Review"]
    # the box inside the article ends no part of it: the paragraphs under it are read
    body = episodes[0].transcript.text if episodes[0].transcript else ""
    assert "representative for the studio" in body
    assert "Box Office" not in episodes[0].title


def test_all_episodes_of_a_quoted_show_name_no_episode() -> None:
    # "Folgen" (episodes) before a quoted name: the show's, never the episode's title
    lines = [
        "Die Wartelisten werden länger, die Mieten steigen weiter. Ist der Gemeindebau noch die Antwort?",
        "Alle Folgen von „Erklär mir Wien“ hören Sie auf allen gängigen Plattformen, jeden Freitag neu.",
    ]
    assert quoted_episode(lines, paragraphs=5) is None


TITLE_WITH_AN_ABBREVIATION = """Przejdź do treści
„Słucham codziennie” Zaloguj się
Radio Wola
Słuchaj na żywo
Audycje
Podcasty
Czy las może zastąpić klimatyzację? Rozmowa z dr. Anną Lis
19.11.2026, 44’
Nauka na Ławce
Zaprasza Marek Sowa
19.11.2026, 44’
Latem w parku Szczęśliwickim było o 9 stopni chłodniej niż na pobliskim parkingu. Dr Anna Lis, ekolożka miejska, od pięciu lat mierzy temperaturę pod koronami drzew w całej Warszawie. Rozmawiamy o tym, które gatunki chłodzą najlepiej i dlaczego młode drzewa tak często usychają. Marek Sowa pyta też, ile cienia daje jedna lipa.
Posłuchaj
Udostępnij
"""


def test_a_title_holding_an_abbreviation_is_no_paragraph() -> None:
    _, episodes = read_text(TITLE_WITH_AN_ABBREVIATION)
    assert [e.title for e in episodes] == [
        "Czy las może zastąpić klimatyzację? Rozmowa z dr. Anną Lis"
    ]


def test_a_tab_bar_among_a_headers_short_lines_is_blanked_alone() -> None:
    lines = [
        "Skip to content",
        "Harbor FM",
        "Shows",
        "Live",
        "Night Desk",
        "Summary",
        "Chapters",
        "Transcript",
        "The Last Ferry Captain",
        "Nov 22, 2026",
        "00:00",
        "48:10",
    ]
    out = blank_tab_bars(lines)
    assert out[5:8] == ["", "", ""]  # the tabs
    assert out[:5] == lines[:5] and out[8:] == lines[8:]  # the header, the title, the player
    # a takeaway of thirty CJK characters is no tab, though it has no space in it
    points = [
        "要点",
        "县城咖啡店增长的主力是低价连锁品牌，独立小店占比反而在下降。",
        "智能章节",
        "00:00",
        "开场",
        "待办",
    ]
    assert blank_tab_bars(points) == points


MEETING_NOTE = """Notes
Log in
[Night Desk] Ep. 51 How a Small Bookshop Survives - with Lena Park
2026.11.19 2:31 PM · 48m 10s
Summary
Lena Park, who has run the Corner Shelf for eight years, talks about where a small bookshop's money comes from, book clubs, and what a shop means to its street.
Key points
Book sales alone no longer cover the rent; more than half of the income comes from events.
About 150 regular customers make up most of the shop's sales.
A shop lasts when it is a place where neighbours meet, not only a place that sells books.
Action items
Add Lena's newsletter to the show notes
Plan the December reading night with the shop
Transcript
Speaker 1 00:00
Are we recording? Hello and welcome to Night Desk.
Speaker 2 00:05
Hi, thanks for having me.
"""


def test_a_meeting_notes_action_items_are_no_takeaways() -> None:
    assert heading_kind("Action items") == "actions"
    assert heading_kind("다음 할 일") == "actions"
    assert heading_kind("待办事项") == "actions"
    _, episodes = read_text(MEETING_NOTE)
    assert len(episodes) == 1
    assert [t[:20] for t in episodes[0].takeaways] == [
        "Book sales alone no ",
        "About 150 regular cu",
        "A shop lasts when it",
    ]


def test_section_headings_in_dutch_and_the_nordic_languages() -> None:
    assert heading_kind("Samenvatting") == "summary"
    assert heading_kind("Fragmenten uit deze uitzending") == "chapters"
    assert heading_kind("Belangrijkste punten") == "takeaways"
    assert heading_kind("Citaten") == "quotes"
    assert heading_kind("Kapitler") == "chapters"
    assert heading_kind("Høydepunkter") == "highlights"
    assert heading_kind("Källor") == "sources"
    assert heading_kind("주제별 요약") == "chapters"
    assert heading_kind("음성 기록") == "transcript"
    assert heading_kind("本集單元") == "chapters"
    assert heading_kind("印象に残った発言") == "quotes"
    assert heading_kind("💬 인상 깊었던 말") == "quotes"


TITLES_OVER_PLACE_AND_DATE = """Skip to content
Tideline Radio
LIVE NOW
Slow Water w/ Ana Ruiz
Lisbon
Explore
Shows
Log in
LATE LIBRARY
Lisbon
Late Library is a monthly hour of poems read aloud by the people who wrote them, each one paired with a record chosen by the poet, recorded after closing time in a bookshop by the river.
Follow
Spoken Word
Ambient
Episodes
Late Library w/ Rosa Teixeira
Lisbon, 18.11.26
Spoken Word
Ambient
Late Library: Winter Special w/ Joel Mbeki
Lisbon, 02.11.26
Spoken Word
Jazz
Folk
Late Library (Live from Porto) w/ Inês Lobo
Porto, 14.10.26
Spoken Word
Late Library w/ Dan Okoro & Mia Sato
Lisbon, 16.09.26
Spoken Word
Field Recordings
Load More
"""


def test_titles_over_a_place_and_a_date_with_genres_under_them_are_entries() -> None:
    reader, episodes = read_text(TITLES_OVER_PLACE_AND_DATE)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "Late Library w/ Rosa Teixeira",
        "Late Library: Winter Special w/ Joel Mbeki",
        "Late Library (Live from Porto) w/ Inês Lobo",
        "Late Library w/ Dan Okoro & Mia Sato",
    ]
    assert [e.published.month if e.published else None for e in episodes] == [11, 11, 10, 9]


def test_two_unended_sentences_are_a_standfirst_under_a_title_a_title_under_a_kicker() -> None:
    standfirst = (
        "Skip to content\nThe Weekly Ledger\nMenu\nSubscribe\nPodcasts | Deep Water\n"
        "Can tidal turbines power a town?\n"
        "Orkney is betting on the sea. The engineers are less sure\n"
        "Nov 20th 2026\nShare\nRuntime: 41 min\n"
        "Off the coast of Orkney, a row of turbines turns with the tide. Engineers explain how much power they really give, and what breaks first when the sea does not cooperate.\n"
    )
    _, episodes = read_text(standfirst)
    assert [e.title for e in episodes] == ["Can tidal turbines power a town?"]
    kicker = (
        "Vai al contenuto\nSettimanale\nMenu\nCerca\nAbbonati\nPodcast\nMondi\n"
        "La Norvegia vota sul petrolio. Le biblioteche aprono di notte\n"
        "20 novembre 2026\nAscolta\n00:00\n26:12\nCondividi\n"
        "Tre anni dopo lo scandalo delle licenze, la Norvegia decide se aprire nuovi giacimenti nel mare di Barents. Ne parliamo con la corrispondente Ingrid Dahl.\n"
    )
    _, episodes = read_text(kicker)
    assert [e.title for e in episodes] == [
        "La Norvegia vota sul petrolio. Le biblioteche aprono di notte"
    ]


DATE_BADGE_LENGTH_THEN_TITLE = """Podcasts
Home
Browse
Sign In
Deep Cuts with Ana & Leo
Music
Hosted by Ana Price & Leo Marsh
Two former radio DJs argue about B-sides, live albums and the songs that got away. New episodes every Monday and Thursday.
Follow
Episodes
Newest
Oldest
Nov 19, 2026
E
58:40
Ep. 88: The Live Albums Better Than the Studio Ones
Ana and Leo pick five live records that beat their studio versions, and a listener calls in to defend a 1994 bootleg.
Play
Nov 16, 2026
47:12
Ep. 87: Songs Written in One Night
From hotel rooms to tour buses: the hits that took an evening, and the ones that claim they did.
Play
Nov 12, 2026
E
01:02:05
Ep. 86: Why Every Band Has a Christmas Song Now
"""


def test_entries_whose_date_badge_and_length_stand_over_their_titles() -> None:
    reader, episodes = read_text(DATE_BADGE_LENGTH_THEN_TITLE)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "Ep. 88: The Live Albums Better Than the Studio Ones",
        "Ep. 87: Songs Written in One Night",
        "Ep. 86: Why Every Band Has a Christmas Song Now",
    ]
    assert [e.duration for e in episodes] == [3520.0, 2832.0, 3725.0]


CRUMB_THEN_CARD = """Summaries
Product
Pricing
Log in
Podcast Summaries
›
Business
›
Ledger Lines
›
How Small Banks Survive Rate Cuts | Marta Quinn
Ledger Lines
How Small Banks Survive Rate Cuts | Marta Quinn
Nov 17, 2026
|
49 min
Listen on Spotify
Episode Summary
Host Dev Patel talks with Marta Quinn, chief executive of a regional savings bank, about what falling rates do to a lender that lives on deposits, and why her bank stopped chasing mortgages two years ago.
Key Takeaways
Deposits are sticky until they are not: a savings bank plans for the week its customers leave.
Fee income replaced a third of the lost margin once the bank priced its business accounts honestly.
Small banks win on decisions made in a day, not on rates.
"""


def test_a_title_framing_its_show_after_a_crumb_is_the_title() -> None:
    _, episodes = read_text(CRUMB_THEN_CARD)
    assert [e.title for e in episodes] == ["How Small Banks Survive Rate Cuts | Marta Quinn"]


GERMAN_BROADCASTER_PAGE = """Zum Inhalt springen
Zur Hauptnavigation springen
Zu weiteren Angeboten des Senders springen
Welle Nord
Themen
Live TV
Live TV
Sprache wählen
Podcasts
Umdenken – der Podcast zur Verkehrswende
Verkehr
Norddeutschland
Lastenrad statt Lieferwagen: Rechnet sich das?
Jana Brandt
20.11.2026
Immer mehr Paketdienste testen Lastenräder in der Innenstadt. Eine Logistikforscherin und ein Fahrer aus Kiel erzählen, wo das funktioniert und wo nicht.
Audio herunterladen
Audio
24:10
Teilen
In Kiel liefert ein Paketdienst seit einem Jahr die Hälfte seiner Sendungen in der Altstadt mit Lastenrädern aus. Die Fahrer sind schneller als gedacht, aber bei Regen und schweren Paketen stößt das Konzept an Grenzen.
Logistikforscherin Dr. Mira Olsen hat die Touren ein halbes Jahr lang begleitet und gemessen, wie viele Kilometer Lieferwagenfahrt ein Rad ersetzt. Im Gespräch mit Reporterin Jana Brandt erklärt sie, warum die letzte Meile das teuerste Stück jeder Lieferung ist.
Gäste dieser Folge:
Dr. Mira Olsen, Logistikforscherin
Tom Haller, Fahrer aus Kiel
Moderation: Jana Brandt
"""


def test_a_german_broadcasters_page_skip_links_people_and_the_shows_tagline() -> None:
    _, episodes = read_text(GERMAN_BROADCASTER_PAGE)
    assert [e.title for e in episodes] == ["Lastenrad statt Lieferwagen: Rechnet sich das?"]
    assert episodes[0].chapters == []  # "Themen" over the menu heads no chapters
    assert episodes[0].review_reasons == []


LIST_HEADING_OVER_FIRST_DATE = """Przejdź do treści
Radio Kosmos
Audycje
Podcasty
Nocne pytania
Prowadzi: Adam Wrona
czwartek, 22:00 – 24:00
Nocne pytania to rozmowy o nauce dla tych, którzy nie mogą zasnąć. Co tydzień Adam Wrona zaprasza do studia naukowców, żeby zapytać o rzeczy, o które wstyd pytać w dzień.
Wszystkie odcinki (41)
19.11.2026
Dlaczego koty mruczą?
Gość: dr Jan Lis, zoolog. O mruczeniu, ogonach i o tym, czy koty rozumieją nasze słowa.
1:48:10
Odsłuchaj
Pobierz
12.11.2026
Skąd się biorą zorze polarne?
Gościni: prof. Ewa Sowa. O burzach słonecznych, kolorach nieba i o tym, gdzie w Polsce widać zorzę.
1:51:02
Odsłuchaj
Pobierz
05.11.2026
Ile waży chmura?
Gość: dr Piotr Bąk, meteorolog. O kroplach, kryształkach lodu i o tym, dlaczego chmury nie spadają.
1:46:44
Odsłuchaj
Pobierz
"""


def test_the_lists_heading_over_the_first_date_opens_no_entry() -> None:
    reader, episodes = read_text(LIST_HEADING_OVER_FIRST_DATE)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "Dlaczego koty mruczą?",
        "Skąd się biorą zorze polarne?",
        "Ile waży chmura?",
    ]


CHINESE_NEWS_ARTICLE = """新闻网
首页
要闻
视频
登录
文化观察
一家开在海边的书店，为什么能活十年？一期播客里的答案
新闻网记者 周一然
2026-11-20 09:15
来源：新闻网
这些年，开在小城里的独立书店来了又走。能撑过三年的不多，撑过十年的更少。
中文播客《慢读》在11月17日上线的第41期节目《海边的书店，靠什么活下来？》中，主播林禾邀请了在浙江海边经营书店十年的店主许青，聊了一个多小时。节目上线三天，播放量已超过八万。
许青说，书店真正活下来，靠的不是卖书，而是夏天的游客和冬天的读书会。“冬天来的人少，但来的都是熟人。”
《慢读》创办于2022年，每周一更新，目前已更新41期。
责任编辑：陈晨
"""


def test_a_chinese_reporters_byline_and_the_episode_its_article_names() -> None:
    _, episodes = read_text(CHINESE_NEWS_ARTICLE)
    assert [e.title for e in episodes] != ["新闻网记者 周一然"]
    assert "海边的书店，靠什么活下来？" in episodes[0].title or any(
        "海边的书店，靠什么活下来？" in r for r in episodes[0].review_reasons
    )


PLAYER_UNDER_THE_BODY = """Skip to main content
Radio Plus
Podcasts
/
Science
/
The Field Lab
The Field Lab
Why beekeepers are counting mites in winter
The Field Lab
Sat 21 November 2026 · 31 mins
Play episode
Share
Winter is when hives are quiet and mites are easiest to count. Kit Morrow visits a commercial beekeeper in Tasmania who treats every hive by the numbers, and asks an entomologist what the counts miss.

(00:00) Intro
(02:10) A hive in July
(11:45) Counting mites by the cup
(22:30) What the numbers miss

See our privacy page for how we use your information.
00:00
31:05
More episodes
Wed 18 November 2026 · 20 mins
The week on the land: hay prices and a late frost
"""


def test_the_bodys_last_sentence_over_the_player_opens_no_entry() -> None:
    _, episodes = read_text(PLAYER_UNDER_THE_BODY)
    assert [e.title for e in episodes] == ["Why beekeepers are counting mites in winter"]
    assert len(episodes[0].chapters) == 4


NEWS_EPISODE_WITH_ITS_PRESENTER = """Skip to main content
Skip to navigation
Menu
Search
The Daily Ledger
Subscribe
Sign In
Home
World
Markets
Money Matters
Can a nurse stop working at 58 and still pay the mortgage?
A listener in Bristol has £180,000 in pensions and eleven years left on her loan. Our planner runs the numbers
Play audio
Save
Print this page
Rosa Clarke
Published November 18 2026
00:00
29:14
1x
Maria is 47, works nights on a cardiac ward in Bristol and wants to stop at 58. She has a public sector pension, a small private pension from a job in retail and some savings, and a son who starts university in 2028.
In this week's episode, Rosa Clarke is joined by Omar Haddad, a chartered financial planner in Leeds, to work through Maria's options and what taking her pension early would cost her.
Presented by Rosa Clarke. Produced by Ben Ito. Sound design by Ana Lopes.
"""


def test_a_presenter_the_page_credits_over_the_date_is_no_title() -> None:
    _, episodes = read_text(NEWS_EPISODE_WITH_ITS_PRESENTER)
    assert [e.title for e in episodes] == [
        "Can a nurse stop working at 58 and still pay the mortgage?"
    ]


SUMMARY_WITH_A_DOCTOR_IN_ITS_TITLE = """Notes
Try it for free
Log in
Shift Work Weekly Ep 41 - Why Night Shifts Wreck Your Appetite (Dr. Lena Ortiz)
Nov 6, 2026 09:14 AM
51:02
English (US)
Shared by Paul Reyes
Summary
Host Paul Reyes talks with nutrition researcher Dr. Lena Ortiz about why people who work nights eat more and sleep less, and what small changes to the timing of meals help most.
Chapters
00:00 - 05:10
Intro and guest background
05:10 - 19:40
Why hunger follows the clock
19:40 - 51:02
What to eat before a night shift
"""


def test_a_doctors_title_inside_a_title_ends_no_sentence() -> None:
    _, episodes = read_text(SUMMARY_WITH_A_DOCTOR_IN_ITS_TITLE)
    assert [e.title for e in episodes] == [
        "Shift Work Weekly Ep 41 - Why Night Shifts Wreck Your Appetite (Dr. Lena Ortiz)"
    ]


TITLE_HOLDING_AN_AGE = """Saltar para o conteúdo principal
Rádio Central
Ouvir em direto
Programas
Podcasts
Gente da Terra
O sapateiro de Tomar que abre a loja há 50 anos
Manuel Pires ainda cose sapatos à mão, cinco dias por semana. Ana Lobo esteve com ele na oficina, numa rua do centro histórico, antes de abrir a porta.
Ana Lobo
20 Novembro 2026 — 08:10
Partilhar
Copiar link
00:00
21:40
Gente da Terra
O sapateiro de Tomar que abre a loja há 50 anos
A oficina abriu em 1976 e nunca fechou um dia de feira. Quando a Ana chega, às sete, já há três pares de botas à espera de meia-sola e um cão deitado à porta.
Manuel conta como aprendeu o ofício com o tio, porque é que ainda usa pregos de madeira e quem são os clientes que lhe trazem os mesmos sapatos há trinta anos.
Outros episódios
A última chapelaria de Santarém
13 Novembro 2026
20:05
Os irmãos que ainda fazem cestos de vime em Leiria
6 Novembro 2026
22:48
"""


def test_a_title_holding_an_age_dates_nothing_and_its_page_is_one_episode() -> None:
    _, episodes = read_text(TITLE_HOLDING_AN_AGE)
    assert [e.title for e in episodes] == ["O sapateiro de Tomar que abre a loja há 50 anos"]
    assert episodes[0].duration == 1300.0


SWISS_NEWSPAPER_EPISODE = """Zum Inhalt springen
Tagblatt
Abo
Anmelden
Schweiz
Wirtschaft
Podcast
Podcast
«Tagblatt Feierabend»
Warum die Bergbahnen keine Saisonniers mehr finden
Bis 2030 fehlen den Skigebieten Tausende Saisonkräfte. Viele Betriebe suchen inzwischen im Ausland, doch die Wohnungsnot in den Tälern macht auch das schwierig.
Nina Gerber, Marco Ruf
22.11.2026, 06.15 Uhr
4 min
Merken
Teilen
Hören
28:30
Im Engadin arbeiten diesen Winter in fast jedem dritten Hotel Angestellte, die erst im November angereist sind. Die Betriebe zahlen Zuschläge, finden aber kaum Wohnungen für ihre Leute, und viele Saisonniers kommen im nächsten Jahr nicht wieder.
Die Tourismusforscherin Claudia Meier erklärt im Podcast, warum der Mangel nicht nur mit den Löhnen zu tun hat, sondern mit der Frage, wo die Leute im Winter wohnen sollen.
Host: Nina Gerber
Produktion: Marco Ruf
Passend zum Artikel
Podcast
«Tagblatt Feierabend»
Wer bezahlt die neuen Lawinenverbauungen?
15.11.2026, 06.15 Uhr
3 min
"""


def test_a_swiss_newspapers_episode_its_bylines_time_and_related_list() -> None:
    assert without_time_of_day("22.11.2026, 06.15 Uhr") == "22.11.2026"
    assert without_time_of_day("Episode 3.14 Pi") == "Episode 3.14 Pi"
    _, episodes = read_text(SWISS_NEWSPAPER_EPISODE)
    assert [e.title for e in episodes] == ["Warum die Bergbahnen keine Saisonniers mehr finden"]


def test_play_buttons_with_a_mark_and_in_dutch_are_chrome() -> None:
    assert chrome_kind("▶ 再生") == "interface words"
    assert chrome_kind("Beluister de aflevering") == "interface words"
    assert chrome_kind("Link kopieren") == "interface words"
    assert chrome_kind("Zur Lage der Nation") is None


LATEST_LABEL_OVER_FIRST_DATE = """Nyheter
Podkast
Under overflaten
Under overflaten
Avisens podkast om penger, makt og menneskene bak norske saker. Hver tirsdag med Eva Lund.
Følg podkasten
Alle episoder
Siste episode
24. november 2026
Fergene som aldri kom
Hvorfor venter tre øyer i nord fortsatt på de nye elfergene? Journalist Ola Berg forklarer hva som gikk galt.
38 min
Spill av
20. november 2026
Skolen som ble solgt
Foreldrene ble ikke spurt da kommunen solgte skolen. Eva møter to av dem.
31 min
Spill av
17. november 2026
Strømmen i nord
Hvorfor betaler folk i Finnmark mer for strøm enn folk i Oslo denne vinteren? Eva spør en økonom.
35 min
Spill av
"""


def test_a_latest_episode_label_over_the_first_date_opens_no_entry() -> None:
    reader, episodes = read_text(LATEST_LABEL_OVER_FIRST_DATE)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "Fergene som aldri kom",
        "Skolen som ble solgt",
        "Strømmen i nord",
    ]


def test_keywords_are_a_section_of_their_own() -> None:
    assert heading_kind("Keywords") == "keywords"
    assert heading_kind("关键词") == "keywords"
    assert heading_kind("Schlagwörter") == "keywords"


POLISH_EPISODE_WITH_ITS_HOST = """Przejdź do treści
TYGODNIK
Kraj
Świat
Podcasty
Zaloguj się
Podcasty
Na zbliżeniu
Miasta się wyludniają. Kto zostanie w małych gminach?
Jędrzej Kowalczyk
18 listopada 2026
Do 2040 r. wiele małych gmin straci co piątego mieszkańca. Jędrzej Kowalczyk rozmawia z geografką dr Martą Żebrowską o tym, co dzieje się z miastami, z których wyjeżdżają młodzi.
Posłuchaj podcastu
00:00
41:12
1x
W odcinku:
(00:00) Wstęp
(03:10) Gdzie ubywa ludzi najszybciej
(15:42) Szkoły, przychodnie i autobusy
(28:05) Czy da się to odwrócić?
Prowadzący: Jędrzej Kowalczyk
Gościni: dr Marta Żebrowska
"""


def test_a_host_the_page_labels_over_the_date_is_no_title_whatever_his_letters() -> None:
    _, episodes = read_text(POLISH_EPISODE_WITH_ITS_HOST)
    assert [e.title for e in episodes] == ["Miasta się wyludniają. Kto zostanie w małych gminach?"]
    assert len(episodes[0].chapters) == 4


NEWS_HEADLINE_DATED_ABOVE = """Skip to main content
Science Weekly Review
Latest
Issues
Health
Environment
Technology
Podcasts
Subscribe
Sign In
November 17, 2026
12 min read
Why Alpine Lakes Are Turning Green
Limnologist Sara Lind spent a summer sampling lakes above 2,000 meters. What she found is changing how scientists think about warming water
By Tom Reyes, Ana Silva & Jin Park edited by Mara Holt
Science in Brief
Share on Facebook
Email this article
Tom Reyes: Hello, listeners! This is Science in Brief, and I’m Tom Reyes.
"""


def test_a_headline_over_its_lede_and_byline_with_its_date_above_it() -> None:
    _, episodes = read_text(NEWS_HEADLINE_DATED_ABOVE)
    assert episodes[0].title == "Why Alpine Lakes Are Turning Green"


NUMBERED_TITLE_WITH_A_QUESTION = """Saltar al contenido
Radio Andina
Escuchar en vivo
Programas
Podcast
Podcast
Ciencia al Día
T2 Ep. 9 - ¿Por qué se mueren los glaciares? Con el geólogo Tomás Rivera
18/11/2026 - 06:00 h COT
00:00
00:28:14
Compartir
Los glaciares de los Andes tropicales han perdido más de la mitad de su superficie en cuarenta años. En este episodio, Lucía Mora conversa con el geólogo Tomás Rivera sobre lo que eso significa para el agua de las ciudades de montaña.
"""


def test_a_numbered_title_holding_a_question_is_no_standfirst_under_its_show() -> None:
    _, episodes = read_text(NUMBERED_TITLE_WITH_A_QUESTION)
    assert [e.title for e in episodes] == [
        "T2 Ep. 9 - ¿Por qué se mueren los glaciares? Con el geólogo Tomás Rivera"
    ]
    assert episodes[0].duration == 1694.0
