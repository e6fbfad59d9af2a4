"""A series' pages: entries opened by their number alone, entries closed by their date, a
newspaper's read-aloud widget beside its podcast's player, headings with an article or an
owner before their words, bylines of a newsroom, tags over an article."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.readers.chrome import is_chrome
from castdigest.readers.heading_words import heading_kind
from castdigest.readers.page_dates import page_date, without_time_of_day
from castdigest.readers.title_signals import byline
from page_reading import read_text

NUMBERED_CARDS = """Zum Inhalt springen
Tagesblatt Linz
Politik
Wirtschaft
Podcasts
Anmelden
Podcasts
Donaugespräche
Donaugespräche
Der Podcast des Tagesblatts über Oberösterreich. Jeden Mittwoch mit Lena Gruber und Gästen aus der Region, die etwas zu erzählen haben.
Alle Folgen
Folge 88
Mi., 18.11.2026
31 Min.
Hafen Linz: Wie viel Schiff verträgt die Donau?
Die Reederin Martina Haider und der Ökologe Paul Stadler über Frachtschiffe, Niedrigwasser und die Pläne für einen neuen Hafenkai.
Plus
Folge 87
Mi., 11.11.2026
28 Min.
Der Wirt, der nicht aufhört: 50 Jahre Gasthaus am Pöstlingberg
Franz Eder führt sein Gasthaus seit einem halben Jahrhundert. Ein Gespräch über Stammgäste, Knödel und warum er noch lange nicht in Pension geht.
Folge 86
Mi., 04.11.2026
35 Min.
Schnee im November? Was der Winter bringt
Meteorologin Eva Hinterberger erklärt, warum die Prognosen für den Winter so unsicher sind und was das für die Skigebiete heißt.
Weitere Folgen laden
Impressum
Datenschutz
"""


def test_entries_opened_by_their_number_have_their_titles_under_the_metadata() -> None:
    # "Folge 88" / date / length / title / teaser: the number labels the entry
    name, episodes = read_text(NUMBERED_CARDS)
    assert name == "listing"
    assert [(e.title, e.duration) for e in episodes] == [
        ("Hafen Linz: Wie viel Schiff verträgt die Donau?", 1860.0),
        ("Der Wirt, der nicht aufhört: 50 Jahre Gasthaus am Pöstlingberg", 1680.0),
        ("Schnee im November? Was der Winter bringt", 2100.0),
    ]


ENTRIES_CLOSED_BY_DATES = """Skip to main content
Westbridge Trust
Search
Menu
Research
Events
About us
Home
Research
Podcasts
Care in Common
Podcast series
Care in Common
Conversations with the people who run and use community care services, hosted by Amira Shah.
Listen on:
Apple Podcasts
Spotify
Showing 1 to 3 of 54 results
Podcast
Episode 54: Who cares for the carers at night?
Amira talks to night-shift carer Tom Briggs and researcher Dr Lucy Nwosu about fatigue, pay and what a fair rota looks like.
18 November 2026
Podcast
Episode 53: The pharmacy that stayed open
How one village pharmacy in Cumbria kept going when the bank, the post office and the bus all left, and what it means for local health.
4 November 2026
Podcast
Bonus: Questions from our members, answered
Our policy team answers the questions members sent in after our autumn report, from funding formulas to workforce plans.
28 October 2026
1
2
Next page
Sign up to our newsletter
"""


def test_entries_of_a_title_and_teaser_closed_by_their_date_are_a_listing() -> None:
    name, episodes = read_text(ENTRIES_CLOSED_BY_DATES)
    assert name == "listing"
    assert [(e.title, e.published and e.published.date().isoformat()) for e in episodes] == [
        ("Episode 54: Who cares for the carers at night?", "2026-11-18"),
        ("Episode 53: The pharmacy that stayed open", "2026-11-04"),
        ("Bonus: Questions from our members, answered", "2026-10-28"),
    ]


READ_ALOUD_BESIDE_THE_PLAYER = """Gå til hovedindhold
Dagbladet Øst
Log ind
Menu
Indland
Økonomi
Podcast
Podcast
Bag Nyheden
Podcast
Hvorfor er det så svært at få en praktiklæreplads?
Tusindvis af erhvervsskoleelever står uden praktikplads, selv om virksomhederne mangler folk. I dagens afsnit forklarer vores uddannelsesreporter hvorfor.
Lyt til artiklen
Oplæsningen er lavet med en kunstig stemme
03:55
Bag Nyheden
Afspil
00:00
27:40
Vært: Sofie Lund
Medvirkende: Anders Bak, uddannelsesreporter
20. nov. 2026
Del
Elever på erhvervsskolerne skriver hundredvis af ansøgninger uden at få svar, fortæller uddannelsesreporter Anders Bak i dagens afsnit af Bag Nyheden.
Ifølge ham handler det både om små virksomheders økonomi og om, at mange mestre ikke længere har tid til at oplære en lærling.
Bag Nyheden udkommer hver hverdag kl. 6.00.
Flere afsnit af Bag Nyheden
Kan kommunerne holde på deres lærere?
19. nov. 2026
26 min.
Hvad koster en ny motorvej egentlig?
18. nov. 2026
31 min.
"""


def test_a_read_aloud_widget_is_not_the_episode_and_more_of_the_show_is_cut() -> None:
    # "Lyt til artiklen" and its disclaimer are the article's read-aloud, its 03:55 no
    # length of the episode; "Flere afsnit af <show>" heads the show's others
    _, episodes = read_text(READ_ALOUD_BESIDE_THE_PLAYER)
    assert [(e.title, e.duration, e.review_reasons) for e in episodes] == [
        ("Hvorfor er det så svært at få en praktiklæreplads?", 1660.0, [])
    ]


MAGAZINE_SUMMARY = """メインコンテンツへスキップ
週刊ビジネス・オンライン
会員登録
ログイン
ホーム
ポッドキャスト
週刊ビジネスの経営ラジオ
物流費はどこまで上がる？運送会社の社長が語る「2026年問題」のその後【ポッドキャスト要約】
週刊ビジネス編集部 高橋亮
2026.11.20 6:00
会員限定
記事を保存
この記事のポイント
・長距離輸送の運賃はこの1年で平均15%上がった
・荷待ち時間の削減が、運賃値上げよりも利益に効いている
・中継輸送の拠点づくりには自治体の協力が欠かせない
音声で聴く
週刊ビジネスの経営ラジオ #58
00:00 / 38:20
目次
・運賃はなぜ上がったのか（02:05〜）
・荷待ちの2時間をどう減らすか（14:30〜）
・中継輸送という答え（27:10〜）
この記事は会員限定です。続きは会員登録（無料）でお読みいただけます。
"""


def test_a_magazines_summary_with_its_newsrooms_byline_points_and_contents() -> None:
    # "<newsroom>編集部 <name>" is the byline; "この記事のポイント" (the article's points)
    # heads the takeaways; "・title（02:05〜）" items are chapters without their bullet
    _, episodes = read_text(MAGAZINE_SUMMARY)
    assert [(e.title, len(e.takeaways), e.review_reasons) for e in episodes] == [
        (
            "物流費はどこまで上がる？運送会社の社長が語る「2026年問題」のその後【ポッドキャスト要約】",
            3,
            [],
        )
    ]
    assert [(c.start, c.title) for c in episodes[0].chapters] == [
        (125.0, "運賃はなぜ上がったのか"),
        (870.0, "荷待ちの2時間をどう減らすか"),
        (1630.0, "中継輸送という答え"),
    ]


def test_headings_with_an_article_or_an_owner_before_their_words() -> None:
    assert heading_kind("I capitoli della puntata:") == "chapters"
    assert heading_kind("Les chapitres de l’épisode") == "chapters"
    assert heading_kind("Die Kapitel der Folge") == "chapters"
    assert heading_kind("この記事のポイント") == "takeaways"
    assert heading_kind("The Daily") is None
    assert heading_kind("Il podcast") is None


def test_bylines_of_a_writer_and_a_newsroom() -> None:
    assert byline("撰文：何卓琳")
    assert byline("报道：黄慧敏")
    assert byline("By Ana Ruiz, Producer, Harbour Radio")
    assert not byline("报道称美国经济放缓")  # a sentence: "reports say …"
    assert byline("週刊ビジネス編集部 高橋亮")
    assert not byline("週刊ビジネスの経営ラジオ")


def test_paywall_badges_are_chrome() -> None:
    for badge in ("会員限定", "プレミアム会員限定", "Members only", "Réservé aux abonnés"):
        assert is_chrome(badge), badge


TAGGED_ARTICLE = """Skip to main content
567
Listen Live
Home
News
Shows
Podcasts
Home
/
Shows
/
The Morning Desk
/
Money
Why your car insurance went up again this year
19 November 2026 9:12 AM
By Jo Mensah
Tags:
Car insurance
Financial Services Board
Household costs
Kofi Asante speaks with an insurance broker and a consumer lawyer about this year's premium increases and what drivers can ask their insurers before renewing.
Listen to the audio below:
Why your car insurance went up again this year
00:00
10:32
Download
Share
Insurers have raised comprehensive premiums by between 8% and 14% this year, citing repair costs, theft and a rise in weather-related claims across the region.
Broker Thandi Nkosi says drivers who have not compared quotes in three years are almost certainly paying too much for the same cover.
"If you haven't compared quotes in three years, you are almost certainly paying for a car you no longer drive," Nkosi said.
Consumer lawyer Peter Naidoo urged listeners to ask for the reasons behind an increase in writing before accepting a renewal.
"An insurer that cannot explain the increase on paper has probably not done the sums for your policy at all," he said.
Scroll up to the audio player to listen to the full conversation.
Share this article
Facebook
WhatsApp
Copy link
More from The Morning Desk
"""


def test_an_articles_tags_and_its_players_time_are_no_subheadings() -> None:
    _, episodes = read_text(TAGGED_ARTICLE)
    assert [(e.title, len(e.chapters), e.duration) for e in episodes] == [
        ("Why your car insurance went up again this year", 0, 632.0)
    ]


def test_a_date_line_with_its_comment_count_or_an_update_time() -> None:
    as_of = datetime(2026, 11, 24, 12, tzinfo=UTC)
    assert page_date(["Domenica 22 Novembre 2026 (3)", "x"], as_of, "it") == (
        datetime(2026, 11, 22, tzinfo=UTC),
        "22 Novembre 2026",
    )
    assert page_date(["22/11/2026 09:30 Actualizada 10:02", "x"], as_of, "es") == (
        datetime(2026, 11, 22, tzinfo=UTC),
        "22/11/2026",
    )


DOTTED_TIME_CODES = """Podd
Affärspodden
Elnätet som inte räcker till – vem betalar utbyggnaden?
Stamnätet byggs ut för miljarder, men elkunderna i norr betalar redan mest. Vi reder ut varför.
Maria Lund
Publicerad 19 november 2026, 06:00
Lyssna
Affärspodden
Avsnitt 61
41 min
Gäster: Oskar Berg, nätanalytiker, och Lena Ström, elhandlare.
När regeringen presenterade planen för stamnätet beskrevs den som den största satsningen på elnätet sedan sextiotalet, och kostnaderna har sedan dess stigit varje år.
Tidskoder
00.00 Inledning
03.15 Vad stamnätet är
11.40 Varför kostnaderna stiger
24.05 Vem betalar i slutändan?
35.20 Vad händer nu?
Producent: Eva Nord.
"""


def test_time_codes_written_with_dots_from_zero_are_chapters_not_counts() -> None:
    # "00.00 Inledning" is no count of something ("22 snips"): the list starts at zero
    _, episodes = read_text(DOTTED_TIME_CODES)
    assert [c.start for c in episodes[0].chapters] == [0.0, 195.0, 700.0, 1445.0, 2120.0]
    assert episodes[0].chapters[0].title == "Inledning"


def test_a_time_of_day_in_dutch_after_a_date() -> None:
    assert without_time_of_day("za 21 nov 2026 om 03.00 uur") == "za 21 nov 2026"
    assert without_time_of_day("vr 20 nov 2026 om 14:30 uur") == "vr 20 nov 2026"


MAGAZINE_PODCAST_ARTICLE = """본문 바로가기
주간시선
로그인
회원가입
뉴스
정치
경제
사회
문화
오피니언
전체기사
팟캐스트
[시선 집중] 출생률 반등? 숫자 뒤에 숨은 이야기
“출생아 수 9년 만에 늘었지만…혼인 증가 효과는 2년뿐”
이하늘 편집위원
승인 2026.11.20 17:00
댓글 0
주간시선 팟캐스트 《시선 집중》 41회에서는 9년 만에 늘어난 출생아 수가 무엇을 뜻하는지 인구학자와 함께 짚었다. 혼인 건수가 늘어난 효과가 크지만 오래가지는 않을 것이라는 전망이다.
[방송 순서]
▲ 00:00 오프닝
▲ 03:10 출생아 수는 왜 늘었나
▲ 14:25 혼인 증가의 효과
▲ 27:40 지원 정책, 무엇을 바꿔야 하나
▲ 36:05 클로징
이하늘 편집위원 lhn@example.com
"""


def test_a_deck_in_quotation_marks_is_no_quote_and_triangle_bullets_open_chapters() -> None:
    _, episodes = read_text(MAGAZINE_PODCAST_ARTICLE)
    assert [(e.title, len(e.quotes)) for e in episodes] == [
        ("[시선 집중] 출생률 반등? 숫자 뒤에 숨은 이야기", 0)
    ]
    assert [(c.start, c.title) for c in episodes[0].chapters][:2] == [
        (0.0, "오프닝"),
        (190.0, "출생아 수는 왜 늘었나"),
    ]
