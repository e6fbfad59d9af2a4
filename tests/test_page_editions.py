"""Editions of programmes and articles about them: a newspaper's story that says which
episode it is about ("The episode, titled …") and names it again where it says where to
listen; a broadcaster's season of episodes dated by weekday, day and month only; a summary
page whose title opens with its number ("Odc. 57.") under the path to it, its key moments
timed; a radio programme's parts, each over its paragraph; a caption that says who stands
where in the picture."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.readers.chrome import chrome_kind
from castdigest.readers.title_lines import running_text
from castdigest.text.dates import find_yearless
from page_reading import AS_OF, read_text

NEWSPAPER_STORY = """Skip to content
Prairie Daily Courier
Subscribe
Log in
Menu
Local
Business
Arts & Life
Podcasts
-12°C, Clear
Advertisement
Arts & Life
Entertainment
Books & Culture
Podcast follows the grain elevators that once lined every rail spur in the province
A two-person history show spent a summer driving gravel roads with a recorder and a thermos
By: Anneke Solberg
Posted: 7:00 AM CST Saturday, Nov. 21, 2026
Share
Facebook
Email
Advertisement
When Walter Pryznyk was a boy, the elevator at Glenavon was the tallest thing he had ever seen. Now the lot where it stood grows barley, and he is one of the voices in the latest episode of Dust & Rails, a history podcast made in a Regina spare room.
The episode, titled The Last Elevator at Glenavon, came out Tuesday and runs 52 minutes. Hosts Corinne Achter and Samuel Okpara interview three former grain buyers and an archivist at the provincial archives.
"Every town had a skyline once," Achter said in an interview. "It was always the elevator."
The hosts paid for the trip themselves and say a second season about rail stations is planned for the spring.
The Last Elevator at Glenavon is available on Apple Podcasts, Spotify and the show's website.
anneke.solberg@dailycourier.example
Anneke Solberg
Reporter
"""


def test_an_episode_the_story_says_is_titled_so_names_the_page_though_named_again() -> None:
    fmt, episodes = read_text(NEWSPAPER_STORY)
    assert fmt == "text"
    [episode] = episodes
    assert episode.title == "The Last Elevator at Glenavon"
    assert episode.review_reasons == []


SEASON_PAGE = """Skip to main content
Southern Screen+
Home
Shows
Movies
Live TV
Search
My List
Log in
Small Harbours
Documentary
Factual
2026
PG
1 Season
Presenter Aroha Pene visits the harbours that fishing fleets left behind, and the people who stayed on.
Play S1 E1
Add to My List
Share
Episodes
Extras
Season 1
S1 E1
Moeraki: The Last Boat In
Aroha starts at the wharf her grandfather fished from, with skipper Rangi Tuhiwai and his crew of two.
Sun 4 Oct
44 min
Expires in 3 months
S1 E2
Jackson Bay: End of the Road
The most remote harbour on the West Coast, where the whitebait season decides the year.
Sun 11 Oct
43 min
Expires in 3 months
S1 E3
Port Chalmers: Cranes and Cottages
A port town that became a suburb, and the families who remember the ships.
Sun 18 Oct
45 min
Expires in 4 months
More like this
Coast Life
Made with the support of a screen fund
"""


def test_a_season_dated_by_weekday_day_and_month_is_read_entry_by_entry() -> None:
    assert find_yearless("Sun 11 Oct", AS_OF) is not None
    assert find_yearless("Sunday, 11 October", AS_OF) is not None
    fmt, episodes = read_text(SEASON_PAGE)
    assert fmt == "listing"
    assert [(e.title, e.published, e.duration) for e in episodes] == [
        ("Moeraki: The Last Boat In", datetime(2026, 10, 4, tzinfo=UTC), 44 * 60),
        ("Jackson Bay: End of the Road", datetime(2026, 10, 11, tzinfo=UTC), 43 * 60),
        ("Port Chalmers: Cranes and Cottages", datetime(2026, 10, 18, tzinfo=UTC), 45 * 60),
    ]


SUMMARY_PAGE = """Przejdź do treści
Słuchaj Teraz
Audiobooki
Podcasty
Nowości
Szukaj
Zaloguj się
Słuchaj Teraz
Podcasty
Zdrowie i sport
Biegiem po Zdrowie
Odc. 31. Bieganie zimą. Jak nie zgubić formy, gdy jest ciemno o 16:00
Biegiem po Zdrowie
Podcast
Prowadzący: Karolina Wiśniewska
Gość: Michał Dudek
Czas trwania: 39 min
Data publikacji: 17.11.2026
Słuchaj w aplikacji
Udostępnij
Podsumowanie odcinka
Karolina Wiśniewska rozmawia z trenerem Michałem Dudkiem o tym, jak biegać zimą bez kontuzji i bez utraty motywacji, gdy dni są krótkie, a chodniki śliskie.
Najważniejsze wnioski
Zimą wydłuż rozgrzewkę o dziesięć minut i zacznij ją w domu.
Na śliskiej nawierzchni skróć krok, zamiast zwalniać całe tempo.
Odblaski i czołówka to nie dodatek, tylko warunek treningu po zmroku.
Kluczowe momenty
01:40 Dlaczego zima nie musi być przerwą
08:15 Rozgrzewka w domu
17:30 Buty, kolce i nawierzchnia
29:05 Pytania słuchaczy
Cytat z odcinka
„Forma nie znika w grudniu. Znika, kiedy przestajesz wychodzić z domu.”
— Michał Dudek
Pozostałe odcinki
Odc. 30. Maraton po czterdziestce
10.11.2026
44 min
"""


def test_a_numbered_title_under_its_path_and_its_key_moments_timed() -> None:
    assert not running_text("Odc. 31. Bieganie zimą. Jak nie zgubić formy, gdy jest ciemno")
    assert running_text("Zimą wydłuż rozgrzewkę. Zacznij ją w domu.")
    fmt, episodes = read_text(SUMMARY_PAGE)
    assert fmt == "summary-page"
    [episode] = episodes
    assert episode.title == "Odc. 31. Bieganie zimą. Jak nie zgubić formy, gdy jest ciemno o 16:00"
    assert [c.start for c in episode.chapters] == [100, 495, 1050, 1745]
    assert episode.takeaways == [
        "Zimą wydłuż rozgrzewkę o dziesięć minut i zacznij ją w domu.",
        "Na śliskiej nawierzchni skróć krok, zamiast zwalniać całe tempo.",
        "Odblaski i czołówka to nie dodatek, tylko warunek treningu po zmroku.",
    ]
    assert episode.review_reasons == []


PROGRAMME_PARTS = """본문 바로가기
한빛 FM
로그인
회원가입
라디오
뉴스
편성표
라디오
FM 98.1MHz
한빛 저녁의 창
프로그램 소개
다시듣기
선곡표
한빛 저녁의 창
월~금 오후 6시 ~ 8시
진행 : 윤다은 / 연출 : 서지후
다시듣기
HOME > 라디오 > 한빛 저녁의 창 > 다시듣기
11월 23일(월) 시장 골목의 겨울 준비
작성자 : 관리자
등록일 : 2026-11-23
00:00 / 1:52:10
재생
■ 1부 - 오늘의 사람
전통시장에서 30년째 국밥집을 하는 최순자 사장님을 모시고 시장 골목이 겨울을 나는 법을 들어봅니다.
■ 2부 - 우리 동네 소식
구청 문화과 정민호 주무관과 함께 연말 골목 축제 준비 상황을 짚어봅니다.
■ 3부 - 청취자 사연
청취자 문자 참여 #9810
▶ 오늘의 선곡
1. 이문세 - 옛사랑
2. 아이유 - 너의 의미
목록
"""


def test_a_programmes_parts_each_over_its_paragraph_are_its_chapters() -> None:
    fmt, episodes = read_text(PROGRAMME_PARTS)
    assert fmt == "text"
    [episode] = episodes
    assert episode.title == "11월 23일(월) 시장 골목의 겨울 준비"
    assert [c.title for c in episode.chapters] == ["오늘의 사람", "우리 동네 소식", "청취자 사연"]
    assert all(c.start is None for c in episode.chapters)


CAPTIONED = """メインコンテンツへスキップ
経済ウィークリー
ログイン
ビジネス
テクノロジー
マネー
ライフスタイル
ランキング
Podcast
雑誌
PODCAST
2026.11.18 18:00
町の銭湯を「次の世代」に渡す。三代目が語る、燃料費高騰の冬
X
facebook
LINE
湯の花商店 代表 早瀬まどか(左)と編集部 小野寺圭(右)
経済ウィークリーのポッドキャスト「今週の現場」。第22回のゲストは、東京・墨田区で銭湯を継いだ早瀬まどかさん。燃料費の高騰が続くなか、入浴料を上げずに続けるために何を変えたのか。聞き手は編集部の小野寺圭。
▶ 再生
00:00 / 28:45
この回のポイント
・燃料費の上昇分は、営業時間の見直しで半分を吸収した
・常連客との会話から、朝風呂の需要が見つかった
チャプター
00:00 オープニング
04:10 三代目になった理由
15:30 燃料費と入浴料
おすすめ記事
会社概要
© 経済ウィークリー
"""


def test_a_caption_placing_people_in_the_picture_is_no_title() -> None:
    assert chrome_kind("湯の花商店 代表 早瀬まどか(左)と編集部 小野寺圭(右)") == "image credit"
    assert chrome_kind("Ana Ruiz (left) talks with the mayor in his office in Rawene.")
    assert chrome_kind("The Right (Left) Way") is None
    fmt, episodes = read_text(CAPTIONED)
    assert fmt == "text"
    [episode] = episodes
    assert episode.title == "町の銭湯を「次の世代」に渡す。三代目が語る、燃料費高騰の冬"
    assert episode.duration == 28 * 60 + 45
    assert episode.review_reasons == []
