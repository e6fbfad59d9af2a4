"""More shapes of saved pages: a Title Case title that ends in a full stop, entries titled by
their number and dated with a label after the date, entries that show no length among those
that do, a byline between a standfirst and its date over a "More <show>" list, a transcript's
speakers over their turns, segments each with a length of their own, an uploaded recording's
file name as a title, credits run together, and an episode a report says is titled so."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.page_names import labelled_people
from castdigest.readers.title_people import full_name
from castdigest.readers.title_quoted import quoted_episode
from castdigest.readers.title_signals import uploaded_title
from page_reading import read_text

DATE_OVER_TITLE_CASED = """Skip to content
Northside Audio
Shows
Search
Half Court Notes
Priya Doshi and Leo Brandt talk college basketball three times a week.
Recent Episodes
Nov 22, 2026
The Zone Defense Nobody Can Solve, and a Freshman Who Won't Miss
Priya and Leo break down the zone that has held four ranked teams under sixty points, then make the case for the best freshman shooter in a decade.
48 min
Listen
Nov 19, 2026
Can Anyone Stop the Gonzaga Bigs? With Maya Ferreira.
Priya is joined by analyst Maya Ferreira to talk about the tallest front line in the country and what it means for March.
1 hr 2 min
Listen
Nov 17, 2026
Mailbag: Walk-Ons, Coaching Carousels, and Leo's Worst Prediction
Your questions about walk-ons who became starters, which coaches are on the hot seat, and a prediction Leo would like to forget.
55 min
Listen
Load More
"""


def test_a_title_case_title_ending_in_a_full_stop_is_an_entrys_title_under_its_date() -> None:
    reader, episodes = read_text(DATE_OVER_TITLE_CASED)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "The Zone Defense Nobody Can Solve, and a Freshman Who Won't Miss",
        "Can Anyone Stop the Gonzaga Bigs? With Maya Ferreira.",
        "Mailbag: Walk-Ons, Coaching Carousels, and Leo's Worst Prediction",
    ]
    assert [e.duration for e in episodes] == [2880.0, 3720.0, 3300.0]


NUMBERED_ENTRIES = """ことのはラジオ
番組一覧
ログイン
TOP
>
番組一覧
>
星めぐりの夜
星めぐりの夜
パーソナリティ
月島かなえ
毎週木曜更新
番組紹介
天文好きの声優・月島かなえが、その週に見える星座と星にまつわる物語をゆったりとお届けする番組です。
最新回
第12回
2026/11/19(木)更新
ゲスト：日向はるか
再生
28:40
冬の大三角をテーマに、日向はるかさんと星座早見盤を回しながら語り合いました。
第11回
2026/11/12(木)更新
再生
26:05
リスナーから届いた「初めて見た流れ星」の思い出を紹介しました。
第10回
2026/11/05(木)更新
会員限定
秋の四辺形の見つけ方と、ペガスス座の神話を紹介します。
第9回
2026/10/29(木)更新
会員限定
ハロウィンの夜空に見える惑星について話しました。
もっと見る
"""


def test_entries_titled_by_their_number_under_a_latest_heading_each_dated_with_a_label_after() -> (
    None
):
    reader, episodes = read_text(NUMBERED_ENTRIES)
    assert reader == "listing"
    assert [e.title for e in episodes] == ["第12回", "第11回", "第10回", "第9回"]
    # two show their length; the members' episodes none, yet they are entries all the same
    assert [e.duration for e in episodes] == [1720.0, 1565.0, None, None]
    assert [e.published.day if e.published else None for e in episodes] == [19, 12, 5, 29]


BYLINE_UNDER_STANDFIRST = """Naar de inhoud
Het Dagblad
Nieuws
Cultuur
Podcasts
Zoeken
Inloggen
Podcasts
Atelier
Beeldhouwer Sanne van Leeuwen: ‘Steen liegt nooit, klei wel’
In Atelier bezoekt Joris de Groot elke week een kunstenaar in de werkplaats. Deze week: beeldhouwer Sanne van Leeuwen, die net een opdracht voor het Rijksmuseum afrondde.
Joris de Groot
18 november 2026, 06:00
Luister
38 min
Sanne van Leeuwen (51) werkt al dertig jaar in een oude smederij aan de rand van Zwolle. Met Joris de Groot praat ze over het geduld dat marmer vraagt, over de keer dat een beeld in de oven barstte en over waarom ze nooit met een computer ontwerpt.
Presentatie Joris de Groot. Redactie Lotte Brink. Montage Sem Visser.
Meer Atelier
Schilder Ayla Demir: ‘Ik begin altijd met de schaduw’
11 november 2026 · 41 min
Fotograaf Bram Kuipers over de foto die hij nooit maakte
4 november 2026 · 36 min
Alle afleveringen
Delen
"""


def test_a_byline_between_a_standfirst_and_its_date_keeps_the_page_one_episode() -> None:
    _, episodes = read_text(BYLINE_UNDER_STANDFIRST)
    assert [e.title for e in episodes] == [
        "Beeldhouwer Sanne van Leeuwen: ‘Steen liegt nooit, klei wel’"
    ]
    assert episodes[0].published is not None and episodes[0].published.day == 18


def test_names_with_particles_and_credits_run_together() -> None:
    assert full_name("Joris de Groot") and full_name("Jan van der Berg")
    assert not full_name("de Groot Joris")
    credits = ["Presentatie Joris de Groot. Redactie Lotte Brink. Montage Sem Visser."]
    assert "joris de groot" in labelled_people(credits)  # the presenter, labelled
    # a label's word in prose, the name going on into the sentence, credits no one
    assert labelled_people(["Met Joris de Groot praat ze over marmer en klei."]) == set()


SPEAKERS_OVER_TURNS = """Scribe Cloud
Pricing
Log in
Public Transcripts
›
Small Print
›
Ep. 14 – Who Reads the Terms of Service?
Ep. 14 – Who Reads the Terms of Service?
Small Print
Nov 16, 2026
00:00
41:07
Transcript
This transcript was generated automatically and may contain errors.
[00:00:00]
Nadia Price
Welcome to Small Print, the show that reads the parts of the contract you scrolled past. I'm Nadia Price, and my guest today has read more terms of service than anyone I know.
[00:00:12]
Colm Ashby
Guilty. I spent two years reading the terms of the hundred most downloaded apps, line by line, with a stopwatch running to see how long each one takes.
[00:00:26]
Nadia Price
And how long does the average one take to read properly?
[00:00:30]
Colm Ashby
About forty minutes, if you actually follow the definitions back to where they are defined. Nobody does that, which is sort of the point of writing them that way.
"""


def test_speakers_over_their_turns_are_no_segments() -> None:
    _, episodes = read_text(SPEAKERS_OVER_TURNS)
    assert [e.title for e in episodes] == ["Ep. 14 – Who Reads the Terms of Service?"]
    assert episodes[0].chapters == []


SEGMENTS_WITH_LENGTHS = """Support for Valley Radio comes from
Listener-supported news
Listen
Podcasts Morning Desk
Valley Radio
Nov 20, 2026
Listen 1:42:10
Morning Desk for Friday: the freeway cap, school lunches and a lost dog

Today on Morning Desk, the freeway cap park gets a budget; why school lunches cost more; a dog walks home forty miles; and our critics on the week's new films.

The freeway cap park finally gets a budget

Listen 18:20
After ten years of plans, the freeway cap park has a budget

The city council voted on Tuesday to fund the first phase of the park over the freeway trench, a project first proposed in 2016. Host Dana Lee talks with council member Ruth Alvarez and urban planner Sam Ito about what gets built first.

Why school lunches cost more this year

Listen 22:45
School lunches are getting pricier for families

Milk, bread and produce all cost more than last fall, and the district says it cannot absorb the difference. Dana talks with the district's nutrition director Omar Haddad about what families will pay.

A dog walks home forty miles. How did he know the way?

Listen 11:02
A dog walked forty miles home, and scientists have ideas why

When Biscuit got lost at a rest stop, his family assumed they would never see him again. Animal behavior researcher Lena Park joins Dana to explain how dogs navigate.
"""


def test_segments_each_with_a_length_under_its_heading_are_the_episodes_chapters() -> None:
    _, episodes = read_text(SEGMENTS_WITH_LENGTHS)
    assert len(episodes) == 1
    assert [c.title for c in episodes[0].chapters] == [
        "The freeway cap park finally gets a budget",
        "Why school lunches cost more this year",
        "A dog walks home forty miles. How did he know the way?",
    ]
    assert all(c.start is None for c in episodes[0].chapters)


def test_an_uploaded_recordings_file_name_holds_the_title() -> None:
    assert uploaded_title("[Podcast] Small Print EP.14 - Who Reads the Terms.mp3") == (
        "Who Reads the Terms"
    )
    assert uploaded_title("【録音】夜の図書室 #8：眠れない夜の本.m4a") == "眠れない夜の本"
    assert uploaded_title("weekly_notes_final.wav") == "weekly notes final"
    assert uploaded_title("Episode 12 Notes.mp3") == "Episode 12 Notes"  # no separator after
    assert uploaded_title("Who Reads the Terms") is None


KOREAN_NOTE = """노트앱
로그인
공유된 노트
[팟캐스트] 밤의 서재 EP.12 - 잠들지 못하는 밤에 읽는 책.mp3
2026.11.18 오후 10:02 · 35분 12초
요약
AI가 생성한 요약입니다.
주요 키워드
#독서 #불면 #밤
핵심 요약
1. 잠이 오지 않는 밤에는 줄거리가 복잡한 소설보다 짧은 산문집이 도움이 된다.
2. 게스트는 종이책의 물성이 화면보다 마음을 가라앉힌다고 말했다.
3. 독서 모임을 밤 시간에 여는 도서관이 늘고 있다.
챕터
00:00 오프닝
05:40 불면과 독서의 관계
17:15 밤에 읽기 좋은 책
29:30 마무리
받아쓰기
참석자 1 00:00
안녕하세요, 밤의 서재입니다. 오늘은 잠들지 못하는 밤에 읽는 책에 대해 이야기해 보겠습니다.
참석자 2 00:09
반갑습니다. 저도 요즘 잠을 잘 못 자서 오늘 주제가 반가웠어요.
"""


def test_a_notes_pages_recording_name_is_its_title_and_its_chapters_end_at_the_transcript() -> None:
    _, episodes = read_text(KOREAN_NOTE)
    assert [e.title for e in episodes] == ["잠들지 못하는 밤에 읽는 책"]
    assert [(c.start, c.title) for c in episodes[0].chapters] == [
        (0.0, "오프닝"),
        (340.0, "불면과 독서의 관계"),
        (1035.0, "밤에 읽기 좋은 책"),
        (1770.0, "마무리"),
    ]
    assert len(episodes[0].takeaways) == 3


REPORT_NAMING_ITS_EPISODE = [
    "Carmen Olid, sobre su vuelta a la radio: “Echaba de menos la madrugada”",
    "La locutora repasa en un pódcast los años que pasó lejos del micrófono",
    "Carmen Olid (Lleida, 1975) ha hablado de su regreso en el último episodio de Noches en vela, el pódcast de entrevistas del periodista Pau Serra, publicado este martes y titulado ‘Volver a la madrugada’.",
    "Durante la conversación, Olid explica que dejó la radio en 2021 y que durante dos años trabajó en una librería. “Me faltaba la madrugada, el silencio de las tres de la mañana”, confiesa.",
    "Ahora prepara un programa nuevo para la primavera. “Uno siempre acaba volviendo a la madrugada”, concluye.",
]


def test_a_report_names_its_episode_after_a_word_saying_it_is_titled_so() -> None:
    # the title said again inside a guest's words is an echo, not the show's name said twice
    assert quoted_episode(REPORT_NAMING_ITS_EPISODE) == (2, "Volver a la madrugada")


MASTHEAD_OVER_ITS_MENU = """Skip to main content
Northwind & Partners
Industries
Capabilities
Featured Research
Locations
Careers
About Us
Northwind Blog
Search
Sign In | Subscribe
Supply Chain Insights
Podcast
The Plant Floor
Why the best warehouses run on fewer rules
November 10, 2026 | Podcast
Warehouse managers used to add a rule for every mistake. The best sites now remove two for every one they add.
Listen
DOWNLOADS
Episode (31 min)
Share
Print
Download
Save
In this episode of The Plant Floor, Northwind senior partner Maya Lindqvist and partner Ravi Anand speak with Joost Verbeek, head of logistics at a Dutch grocer, about why fewer, clearer rules cut picking errors and overtime at the same time. An edited transcript of their conversation follows.
Subscribe to The Plant Floor
Ravi Anand: Joost, when you took over the Utrecht site, what was the first rule you removed?
Joost Verbeek: Honestly, the first thing I removed was not a rule. It was a report nobody read. We were printing forty pages a night about picking errors and nobody could say what had changed because of them.
Maya Lindqvist: That matches what we see in our own data. Sites with the fewest written rules tend to have the fewest errors as well, because people actually know the rules they have.
"""


def test_a_sites_name_over_its_column_of_menu_items_is_no_title() -> None:
    _, episodes = read_text(MASTHEAD_OVER_ITS_MENU)
    assert [e.title for e in episodes] == ["Why the best warehouses run on fewer rules"]


COUNTS_AND_TAGS_IN_EACH_ENTRY = """Accept
Skip to content
Cloudwave
Upload
Log in
Harbourside Radio
Harbourside Radio
Community radio from the old fish market.
Follow
Shows
Latest
Popular
Market Mornings 20/11/2026 - The Last Net Mender
Harbourside Radio
3 days ago
#talk#history#fishing
84
5
58:40
Jazz at the Quay 18/11/2026
Harbourside Radio
5 days ago
#jazz#live
150
12
1:59:02
Market Mornings 13/11/2026 - Ice, Salt and Tide Tables
Harbourside Radio
10 days ago
#talk#history
61
2
57:15
"""


def test_an_entrys_tags_and_counts_stand_between_its_date_and_its_length() -> None:
    reader, episodes = read_text(COUNTS_AND_TAGS_IN_EACH_ENTRY)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "Market Mornings 20/11/2026 - The Last Net Mender",
        "Jazz at the Quay 18/11/2026",
        "Market Mornings 13/11/2026 - Ice, Salt and Tide Tables",
    ]
    assert [e.duration for e in episodes] == [3520.0, 7142.0, 3435.0]


BYLINE_AND_BUTTON_OVER_THE_LENGTH = """Skip to content
Meridian News
Markets
Economics
Tech
Subscribe
Sign In
Podcasts
Trade Winds
How a Canal Drought Rerouted the World's Grain
November 18, 2026 at 6:00 AM EST
By Elena Marsh and Kofi Mensah
Listen to podcast
41:12
Save
Share
Low water in a single canal added two weeks to grain shipments from three continents. On this episode of Trade Winds, hosts Elena Marsh and Kofi Mensah talk with a hydrologist and a freight analyst about who pays for the detour.
Up Next
The People Who Price Shipping Containers
36:05
"""


def test_a_byline_and_a_listen_button_over_the_length_are_no_title() -> None:
    _, episodes = read_text(BYLINE_AND_BUTTON_OVER_THE_LENGTH)
    assert [e.title for e in episodes] == ["How a Canal Drought Rerouted the World's Grain"]


NOTE_WITH_AN_EPISODE_FIELD = """Techblog
ログイン
@tanaka_k(田中 健)
in株式会社サンプル
投稿日 2026年11月18日
【要約】夜のインフラ ep.77「監視はやりすぎるくらいでいい」を聴いて
Podcast
要約
はじめに
最近よく聴いている技術系Podcastの最新回がちょうど監視の話だったので、自分用のメモを兼ねて要約を残します。
エピソード情報
番組: 夜のインフラ
回: ep.77「監視はやりすぎるくらいでいい」
配信日: 2026/11/16
要点
アラートは人が動くべきものだけに絞る。
ダッシュボードは見る人ごとに作る。
"""


def test_an_episode_field_with_its_number_names_the_title_inside_the_brackets() -> None:
    _, episodes = read_text(NOTE_WITH_AN_EPISODE_FIELD)
    assert [e.title for e in episodes] == ["監視はやりすぎるくらいでいい"]


DATELINE_PLACE_OVER_THE_DATE = """Notizie.it
Menu
Cerca
Podcast
Lontano da Casa
Lontano da Casa, ep. 9 - La fisarmonica di Bergen: la storia di Marta in Norvegia
La musicista friulana racconta a Paolo Neri sei anni passati a suonare nei porti del Nord tra pioggia, pescatori e concerti nelle chiese
Redazione Notizie
MILANO
20 novembre 2026, 08:00
ascolta
00:00
21:14
Condividi
Marta Zanin ha 29 anni e da sei vive a Bergen, dove insegna fisarmonica in una scuola di musica. In questa puntata di Lontano da Casa, il podcast dedicato agli italiani che vivono all'estero, racconta a Paolo Neri come si passa da una sagra di paese a un festival sul porto.
Altri episodi di Lontano da Casa
Lontano da Casa, ep. 8 - Da Lecce a Copenaghen in bicicletta
13 novembre 2026
"""


def test_a_datelines_place_in_capitals_over_the_date_is_no_title() -> None:
    _, episodes = read_text(DATELINE_PLACE_OVER_THE_DATE)
    assert [e.title for e in episodes] == [
        "Lontano da Casa, ep. 9 - La fisarmonica di Bergen: la storia di Marta in Norvegia"
    ]
    assert episodes[0].duration == 1274.0


EPISODE_INFO_PANEL = """Podkatalog
Podcasts
Episoden
Suche

Gleisdreieck – Der Stadtpodcast
Folge 41: Wem gehört der Bahnhofsvorplatz?
17.11.2026 · 52:10
Abspielen
Zum Podcast

Beschreibung
Seit dem Umbau streiten Stadt, Bahn und Anwohner darüber, wer den Platz vor dem Hauptbahnhof pflegt. Lea und Timo sprechen mit der Stadtplanerin Ines Wagner über Zuständigkeiten, Bänke und Brunnen.

Kapitel
00:00:00 Begrüßung
00:04:10 Der Platz vor dem Umbau
00:19:45 Interview mit Ines Wagner
00:44:30 Was als Nächstes kommt

Episoden-Infos
Länge: 52:10
Veröffentlicht: 17.11.2026 06:00
Kapitelmarken: 4
"""


def test_an_episode_info_panel_with_its_publication_time_is_the_same_episode() -> None:
    _, episodes = read_text(EPISODE_INFO_PANEL)
    assert [e.title for e in episodes] == ["Folge 41: Wem gehört der Bahnhofsvorplatz?"]
    assert len(episodes[0].chapters) == 4
    assert episodes[0].review_reasons == []


SORTED_LISTING = """Poddlistan
Topplistor
Sport
Matchen efteråt
Två supportrar pratar om veckans match i division två.
Följ
Avsnitt
Sortera: Nyast först

19 nov. 2026
Vinst i regnet – och en målvakt som räddade allt
Vi går igenom 2–1-segern borta, målvaktens tre räddningar och varför kaffet på läktaren blev dyrare.
47 min

12 nov. 2026
Förlust i sista minuten
En tung kväll på hemmaplan: vad gick fel i försvaret och vem ska spela vänsterback nu?
52 min
"""


def test_a_listings_sort_control_opens_no_entry() -> None:
    reader, episodes = read_text(SORTED_LISTING)
    assert reader == "listing"
    assert [e.title for e in episodes] == [
        "Vinst i regnet – och en målvakt som räddade allt",
        "Förlust i sista minuten",
    ]


LISTENERS_NOTE = """登录/注册
社区
【播客笔记】夜读 Vol.31｜和古籍修复师聊纸张的寿命
夜读听众
2026-11-20 22:10:05 上海
通勤路上听完的一期，记一点。

节目：《夜读》Vol.31 和古籍修复师聊纸张的寿命
主播：小林
时长：58分

时间轴
01:20 开场：一本被虫蛀的县志
08:40 修复师的一天（0:00〜 不算）
20:15 纸张为什么会变黄
41:30 结尾

三点收获
1. 纸张变黄大多不是因为旧，而是因为酸。
2. 修复最花时间的是等待，等浆糊干透。
3. 好的修复让人看不出修过，但要留下记录。
"""


def test_a_counted_takeaways_heading_opens_the_takeaways() -> None:
    _, episodes = read_text(LISTENERS_NOTE)
    assert len(episodes) == 1
    assert len(episodes[0].takeaways) == 3


PROGRAMME_CONTENTS = """ニュースサイト
ログイン
ポッドキャスト
【昭和の記憶】#12 商店街の八百屋が見た五十年
2026/11/19 10:00
再生
00:00
31:05
【今回の内容】
▼オープニング（0:00〜）
▼八百屋の朝は四時から（3:15〜）
▼値札を手書きし続ける理由（14:40〜）
▼これからの商店街（25:30〜）
"""


def test_chapters_marked_from_their_start_in_full_width_brackets() -> None:
    _, episodes = read_text(PROGRAMME_CONTENTS)
    assert [(c.start, c.title) for c in episodes[0].chapters] == [
        (0.0, "オープニング"),
        (195.0, "八百屋の朝は四時から"),
        (880.0, "値札を手書きし続ける理由"),
        (1530.0, "これからの商店街"),
    ]


SHOW_HEADING_OVER_ITS_SCHEDULE = """星 - Hoshi Radio Station -
ログイン
新規会員登録
番組一覧
曜日から探す
月
火
水
木
金
土
日
新番組
ランキング
お知らせ
ヘルプ
トップ
番組一覧
星見ゆかの 夜更けのほしぞら散歩
星見ゆかの 夜更けのほしぞら散歩
毎週水曜日更新
パーソナリティ
星見ゆか
提供：ほしぞら出版
第31回
2026/11/18 更新
ゲスト：月野あおい
再生する
今回は、声優の月野あおいさんをゲストにお迎えして、冬の星座の見つけ方を教えてもらいました。
"""


def test_a_heading_over_a_shows_schedule_is_read_with_a_doubt() -> None:
    _, episodes = read_text(SHOW_HEADING_OVER_ITS_SCHEDULE)
    # not the site's name over its menu; the show's, with what its schedule says of it
    assert [e.title for e in episodes] == ["星見ゆかの 夜更けのほしぞら散歩"]
    assert any("may be the show's name" in r for r in episodes[0].review_reasons)
