"""Story pages: a byline the prose names in full, a reporter's role under their name, a site's
name over its short menu, a post's heading around the episode's number, segments timed inside
a sentence, a programme's bulleted parts, its airtime and its board's author field, an
"in brief" box, numbered section headings, and a title that is a person's name."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.heading_words import heading_kind
from castdigest.readers.page_dates import schedule_line
from castdigest.readers.title_people import named_as_person
from castdigest.readers.title_signals import byline, credits_line, numbered, part_title
from castdigest.text.dates import weekday_range
from page_reading import read_text

BYLINE_NAMED_IN_PROSE = """Przejdź do treści
Gazeta Nadwiślańska
Wesprzyj
Zaloguj się
Kraj
Świat
Podcasty
PODCAST
Rozmowy przy piecu
„Piekarnia to ostatni sklep we wsi”. Kto jeszcze piecze chleb na prowincji?
Marta Wierzbowska
19 listopada 2026
0:00
0:00
W ciągu dekady zniknęła co trzecia wiejska piekarnia. Co to znaczy dla wsi, w której nie ma już sklepu ani poczty?
W nowym odcinku podcastu „Rozmowy przy piecu” Marta Wierzbowska rozmawia z Janem Kołodziejem, piekarzem z Podlasia, który od czterdziestu lat wstaje o trzeciej w nocy.
Marta Wierzbowska
Dziennikarka, pisze o życiu na wsi. Prowadzi podcast „Rozmowy przy piecu”.
"""


def test_a_byline_over_the_date_that_the_prose_names_in_full_is_no_title() -> None:
    _, episodes = read_text(BYLINE_NAMED_IN_PROSE)
    assert [e.title for e in episodes] == [
        "„Piekarnia to ostatni sklep we wsi”. Kto jeszcze piecze chleb na prowincji?"
    ]
    assert episodes[0].review_reasons == []


REPORTER_AND_ROLE = """Naar de inhoud
Het Stadsblad
Onderwerpen
Podcasts
Inloggen
Word lid
Podcast
Op de markt
Waarom de kaasprijs elk najaar stijgt
Elk jaar in oktober wordt kaas duurder. Wie bepaalt dat eigenlijk, en waarom merken kaasboeren er zo weinig van? Lotte Verbeek zoekt het uit met een zuivelhandelaar.
Lotte Verbeek
Correspondent Eten & Boeren
18 november 2026
Luistertijd 36 minuten
Afspelen
00:00
36:40
In deze aflevering praat Lotte met een handelaar uit Gouda over veilingen, voorraden en de winter.
"""


def test_a_reporters_role_under_their_name_over_the_date_is_no_title() -> None:
    _, episodes = read_text(REPORTER_AND_ROLE)
    assert [e.title for e in episodes] == ["Waarom de kaasprijs elk najaar stijgt"]


POST_AROUND_THE_NUMBER = """書寫島
探索
沙龍
登入
註冊
夜車筆記
小魚的 Podcast 聽後筆記。
追蹤
【Podcast 筆記】《港邊的人》EP.42｜跟著漁港拍賣員過一個清晨 ft. 林海生
小魚 Yu
2026/11/20
閱讀時間約 5 分鐘
這週聽的是《港邊的人》第 42 集，來賓是在漁港做了二十年拍賣員的林海生。凌晨三點，魚貨上岸，喊價聲一聲接一聲。
"""


def test_a_sites_name_over_its_short_menu_gives_way_to_the_posts_numbered_heading() -> None:
    assert numbered("【Podcast 筆記】《港邊的人》EP.42｜跟著漁港拍賣員過一個清晨")
    _, episodes = read_text(POST_AROUND_THE_NUMBER)
    assert "EP.42｜跟著漁港拍賣員過一個清晨 ft. 林海生" in episodes[0].title


SEGMENTS_IN_A_SENTENCE = """Skip to Content
The Weekly Review
Subscribe
Podcasts
Long Table
Hedgerows, the vicar shortage & why nobody writes letters
Amelia Crane
21 November 2026
36 min listen
Play
00:00
36:12
This week: the fight over Britain's hedgerows (01:10), why rural parishes share one vicar between nine churches (12:30), and the quiet end of the handwritten letter (25:05).
Produced by Tom Reddy.
"""


def test_segments_timed_inside_a_sentence_lose_its_lead_in_and_its_and() -> None:
    _, episodes = read_text(SEGMENTS_IN_A_SENTENCE)
    assert [(c.start, c.title) for c in episodes[0].chapters] == [
        (70.0, "the fight over Britain's hedgerows"),
        (750.0, "why rural parishes share one vicar between nine churches"),
        (1505.0, "the quiet end of the handwritten letter"),
    ]


PROGRAMME_PARTS = """본문 바로가기
해오름방송
ON AIR
편성표
로그인
라디오
박서연의 저녁 산책
월~금 오후 6시 ~ 8시
프로그램 소개
다시듣기
[11/20] 등대지기의 마지막 겨울 - 오정남 씨
작성자 저녁산책
등록일 2026-11-20
조회수 41
00:00 / 01:52:10
방송일 : 2026년 11월 20일 (금)
진행 : 박서연

■ 1부 오늘의 산책 - 동네 골목 이야기
■ 2부 산책 초대석 - 등대지기의 마지막 겨울
■ 3부 사연과 음악 - 첫눈 오는 날

올해로 등대를 지킨 지 서른 해, 오정남 씨는 내년 봄 무인화되는 등대를 떠납니다.
"""


def test_a_programmes_bulleted_parts_are_its_chapters_and_its_airtime_no_title() -> None:
    assert part_title("■ 2부 산책 초대석 - 등대지기의 마지막 겨울") == (
        2,
        "산책 초대석 - 등대지기의 마지막 겨울",
    )
    assert weekday_range("월~금 오후 6시 ~ 8시") and weekday_range("Mon–Fri 6–9am")
    assert not weekday_range("Marie-Claire talks") and schedule_line("월~금 오후 6시 ~ 8시")
    assert byline("작성자 저녁산책")
    _, episodes = read_text(PROGRAMME_PARTS)
    assert [e.title for e in episodes] == ["[11/20] 등대지기의 마지막 겨울 - 오정남 씨"]
    assert [c.title for c in episodes[0].chapters] == [
        "오늘의 산책 - 동네 골목 이야기",
        "산책 초대석 - 등대지기의 마지막 겨울",
        "사연과 음악 - 첫눈 오는 날",
    ]
    assert episodes[0].review_reasons == []


ARTICLE_TITLED_AMERICAN_STYLE = """Skip to content
City Arts
TV
Podcasts
Search
podcasts
Nov. 19, 2026
Maya Lindell Thinks Every Kitchen Needs a Radio
By Chris Awad, a City Arts writer who covers food and podcasts
Photo: Sam Reyes
Comment
Save
Share
On Tuesday's episode of Second Helping, the food podcast hosted by Nora Quinn and Pat Bell, the chef Maya Lindell talked about the radio that has played in every kitchen she has run.
The episode, titled “The Kitchen Radio,” is mostly a warm conversation about the sounds of a restaurant before service.
"""


def test_an_article_that_says_its_episodes_title_in_prose_gives_that_title() -> None:
    _, episodes = read_text(ARTICLE_TITLED_AMERICAN_STYLE)
    assert [e.title for e in episodes] == ["The Kitchen Radio"]


IN_BRIEF_BOX = """Zum Hauptinhalt springen
Der Seeländer
Abonnieren
Anmelden
Podcasts
Podcast «Uferweg»
Warum am Bielersee keiner mehr fischt
Die Berufsfischer am See werden immer weniger. Was das für die Dörfer am Ufer bedeutet, erklärt ein Fischer in der neuen Folge.
Lea Zürcher
Publiziert: 19.11.2026, 06:00
Abspielen
00:00
29:40
In Kürze:
Am Bielersee arbeiten noch elf Berufsfischer, vor dreissig Jahren waren es über vierzig.
Die Fangmengen des Felchens sind seit 2015 um mehr als die Hälfte gesunken.
Ohne Nachwuchs verschwinden mit den Betrieben auch die Fischläden in den Dörfern.

In der neuen Folge spricht Host Lea Zürcher mit dem Fischer Beat Gerber aus Twann über kalte Morgen, leere Netze und die Frage, wer den Betrieb übernimmt.
"""


def test_an_in_brief_box_holds_the_episodes_takeaways() -> None:
    _, episodes = read_text(IN_BRIEF_BOX)
    assert [e.title for e in episodes] == ["Warum am Bielersee keiner mehr fischt"]
    assert [t[:30] for t in episodes[0].takeaways] == [
        "Am Bielersee arbeiten noch elf",
        "Die Fangmengen des Felchens si",
        "Ohne Nachwuchs verschwinden mi",
    ]


def test_numbered_section_headings_are_read_as_their_kind() -> None:
    assert heading_kind("二、核心观点") == "takeaways"
    assert heading_kind("三、时间轴") == "chapters"
    assert heading_kind("2. Key takeaways") == "takeaways"
    assert heading_kind("IV) Chapters") == "chapters"
    assert heading_kind("1. Sleep matters") is None


NAMED_AFTER_A_PERSON = """Marta Lindqvist
32 min
Marta Lindqvist has captained the island ferry for thirty years. She talks about winter crossings, the night the engine failed and the passengers she still remembers.
"""


def test_a_title_that_is_a_name_the_prose_gives_a_person_is_in_doubt() -> None:
    _, episodes = read_text(NAMED_AFTER_A_PERSON)
    assert [e.title for e in episodes] == ["Marta Lindqvist"]
    assert episodes[0].review_reasons == [
        "title uncertain: 'Marta Lindqvist' may be a person's name"
    ]
    assert not named_as_person(
        "The Night Shift",
        ["The episode, titled “The Night Shift,” is about writers' rooms and the hours they keep."],
    )


CREDITS_UNDER_THE_TITLE = """바로가기
본문으로 이동
주간평론
구독신청
로그인
팟캐스트
팟캐스트
[주간 현장노트 41회] 폐교된 분교에 다시 불이 켜졌다
진행 박서연 / 출연 오정민 기자·김하늘 교사
기자명 박서연 기자
입력 2026.11.20 08:00
이 기사를 공유합니다
‘주간 현장노트’는 기자들이 한 주 동안 취재한 이야기를 조금 더 길게 들려주는 팟캐스트입니다.
41회에서는 폐교된 분교를 마을 도서관으로 되살린 주민들의 이야기를 오정민 기자가 전했습니다.
이 기사를 공유합니다
"""


def test_a_line_of_credits_and_a_share_line_are_no_titles() -> None:
    assert credits_line("진행 박서연 / 출연 오정민 기자·김하늘 교사")
    assert credits_line("Host Ada Lund | Guest Ben Ross")
    assert not credits_line("With Ada Lund / 42 min")
    _, episodes = read_text(CREDITS_UNDER_THE_TITLE)
    assert [e.title for e in episodes] == ["[주간 현장노트 41회] 폐교된 분교에 다시 불이 켜졌다"]
    assert episodes[0].review_reasons == []
