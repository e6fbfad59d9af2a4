"""Headlines and the lines around them: a think tank's list whose entries each name who is
on them over the date (a double-barrelled name among them); a headline that asks and then
answers, under the show's name shown twice, its kind ("Podcast") between date and length; a
programme's title that names its date, over that date in figures; a news app's byline of
newsroom, title and name; a station's blog post whose title exclaims, under the station's
name and frequency."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.readers.title_people import names_only
from castdigest.readers.title_signals import byline
from page_reading import read_text

NAMED_ENTRIES = """Skip to main content
Harbour Policy Institute
Research
Events
Podcasts
About
Search
Home
Podcasts
Deep Water
Deep Water
A podcast on ports, shipping and the law of the sea, hosted by Dr Mara Lindqvist.
Latest episodes
Podcast
Pilots, Tugs and the Cost of a Late Berth
Mara Lindqvist is joined by harbour pilot Owen Castellane to explain why ships wait at anchor for days, and who pays for every hour.
Dr Mara Lindqvist and Owen Castellane
18 November 2026
41 mins
Podcast
Episode 12: Who Owns the Seabed Under a Wind Farm?
Lawyer Dr Petra Haverkamp-Ruiz walks through the leases, the cables and the fishing rights that meet under one offshore wind farm.
Dr Mara Lindqvist and Dr Petra Haverkamp-Ruiz
4 November 2026
38 mins
Podcast
Dredging the Estuary
Engineer Samuel Okoro and ecologist Dr Lena Vance on what deepening a channel does to the mud, the birds and the harbour's budget.
Dr Mara Lindqvist, Samuel Okoro and Dr Lena Vance
21 October 2026
45 mins
Load more
"""


def test_the_names_over_each_entrys_date_are_its_guests_not_its_title() -> None:
    assert names_only("Dr Mara Lindqvist and Dr Petra Haverkamp-Ruiz")
    fmt, episodes = read_text(NAMED_ENTRIES)
    assert fmt == "listing"
    assert [(e.title, e.published, e.duration) for e in episodes] == [
        ("Pilots, Tugs and the Cost of a Late Berth", datetime(2026, 11, 18, tzinfo=UTC), 2460),
        (
            "Episode 12: Who Owns the Seabed Under a Wind Farm?",
            datetime(2026, 11, 4, tzinfo=UTC),
            2280,
        ),
        ("Dredging the Estuary", datetime(2026, 10, 21, tzinfo=UTC), 2700),
    ]


ASKED_AND_ANSWERED = """Highveld 88.1
88.1
LISTEN LIVE
Shows
News
Podcasts
Competitions
Search
Home
Podcasts
Drive Time with Thandi
Drive Time with Thandi
Load-shedding over the holidays? An energy analyst on what the grid can take
Tuesday, 24 November 2026
Podcast
12:48
Play
0:00 / 12:48
Download
With the holidays coming, Thandi asked energy analyst Sipho Mahlangu whether the grid can cope with the December demand, and what households can do if it cannot.
He said the winter maintenance programme had gone better than expected, but warned that one failure at a large station could bring back rolling cuts within days.
Listen to the full conversation above.
Share
Facebook
X
More from Drive Time with Thandi
Fuel price in December: what to expect
20 November 2026
09:12
'My landlord cut the water': what the law says
19 November 2026
10:40
View all episodes
"""


def test_a_headline_that_asks_and_answers_is_the_title_its_kind_no_end_of_its_metadata() -> None:
    fmt, episodes = read_text(ASKED_AND_ANSWERED)
    assert [(e.title, e.published, e.duration) for e in episodes] == [
        (
            "Load-shedding over the holidays? An energy analyst on what the grid can take",
            datetime(2026, 11, 24, tzinfo=UTC),
            12 * 60 + 48,
        )
    ]
    assert fmt == "listing"
    assert episodes[0].review_reasons == []


NAMED_BY_DATE = """Saltar al contenido principal
Radio Costa Cálida
EN DIRECTO
Inicio
Programas
Podcasts
Buscar
Inicio
Programas
La Ventana del Sur
La Ventana del Sur
De lunes a viernes, de 12:00 a 14:00 h
Presenta: Irene Sánchez Ortuño
La Ventana del Sur | Programa completo del martes 24 de noviembre de 2026
24/11/2026
Escuchar
00:00
1:58:12
Descargar
En el programa de hoy:
12:05 h. Actualidad: los titulares del mediodía con los servicios informativos.
12:30 h. La entrevista: la alcaldesa de Águilas, Rosa Martínez Lorca, sobre las obras del paseo marítimo y su calendario.
13:10 h. Territorio: la cosecha de la lechuga en el Campo de Cartagena, con el agricultor Ginés Pérez.
13:40 h. La tertulia: el periodista Andrés Navarro y la economista Lucía Gómez sobre el precio del agua.
Programas anteriores
La Ventana del Sur | Programa completo del lunes 23 de noviembre de 2026
23/11/2026
1:57:40
La Ventana del Sur | Programa completo del viernes 20 de noviembre de 2026
20/11/2026
1:59:02
"""


def test_a_title_that_names_its_date_over_that_date_in_figures_stays_a_title() -> None:
    _fmt, episodes = read_text(NAMED_BY_DATE)
    first = episodes[0]
    assert (
        first.title == "La Ventana del Sur | Programa completo del martes 24 de noviembre de 2026"
    )
    assert first.published == datetime(2026, 11, 24, tzinfo=UTC)
    assert first.duration == 1 * 3600 + 58 * 60 + 12


NEWS_APP_SUMMARY = """西湖新闻
首页
要闻
财经
文化
视频
下载客户端
登录
湖声丨在桐庐做民宿的年轻人，熬过了第三个冬天吗？
西湖新闻客户端 记者 周以宁
2026-11-22 08:10
来源：西湖新闻客户端
AI划重点
1. 桐庐县近三年新开民宿超过60家，今年冬季入住率不到三成。
2. 留下来的民宿多数兼做研学、团建和农产品代销。
3. 嘉宾认为平台流量带来的客人工作日几乎为零，冬季现金流最难。
以上内容由AI生成，仅供参考
收听本期播客
富春夜话 第21期
在桐庐做民宿的年轻人，熬过了第三个冬天吗？
00:00 / 29:40
三年前，富春江边的民宿一间难求，周末要提前一个月预订。三年后，这些民宿还在吗？开店的年轻人又怎么样了？
本期嘉宾
林晚舟 “江上”民宿主理人
"""


def test_a_news_apps_byline_of_newsroom_title_and_name_is_no_title() -> None:
    assert byline("西湖新闻客户端 记者 周以宁")
    assert byline("澎湃新闻记者 林晓舟")
    assert not byline("在桐庐做民宿的年轻人")
    _fmt, episodes = read_text(NEWS_APP_SUMMARY)
    [episode] = episodes
    assert episode.title == "湖声丨在桐庐做民宿的年轻人，熬过了第三个冬天吗？"
    assert episode.duration == 29 * 60 + 40
    assert len(episode.takeaways) == 3


STATION_BLOG = """FM瀬戸
JOSE-FM 80.2MHz
メニュー
番組表
番組一覧
パーソナリティ
イベント
radikoで聴く
トップ
番組一覧
モーニング・ハーバー
ブログ
モーニング・ハーバー
毎週日曜 9:00～10:55
パーソナリティ：高橋なつみ
ブログ
2026.11.23
11月22日(日)の放送は… 直島の「小さな本屋さん」！
こんにちは！高橋なつみです。
昨日のモーニング・ハーバー、聴いてくださった皆さん、ありがとうございました！
今週の「島のひと」のコーナーには、直島で本屋「うみかぜ書房」を営む森下陽子さんにお電話でご出演いただきました。
大阪で書店員として12年働いたあと、島に移住して4年。島の人と旅行者が同じ棚の前で話し込む、小さな本屋さんです。
▼今週のオンエア曲
朝凪ライン / 青山カナタ
放送を聴き逃した方は、radikoのタイムフリーで放送後1週間お聴きいただけます♪
来週11月29日(日)の「島のひと」は、豊島で小さな美術館の受付をしている方にお話を伺います。どうぞお楽しみに！
#モーニングハーバー #FM瀬戸 #直島
カテゴリー：島のひと
« 前の記事：11月15日(日)の放送は… 小豆島の醤油蔵さん！
次の記事：11月29日(日)の放送予告 »
このブログの最新記事
11月22日(日)の放送は… 直島の「小さな本屋さん」！
11月15日(日)の放送は… 小豆島の醤油蔵さん！
株式会社エフエム瀬戸
プライバシーポリシー
Copyright © FM SETO Co., Ltd. All Rights Reserved.
"""


def test_a_blog_posts_exclaiming_title_under_a_stations_name_and_frequency() -> None:
    fmt, episodes = read_text(STATION_BLOG)
    assert fmt == "text"
    [episode] = episodes
    assert episode.title == "11月22日(日)の放送は… 直島の「小さな本屋さん」！"
    assert episode.review_reasons == []
