"""Show pages read whole: entries under the show's name and their date, a show's list under
dates of a live player, dates with their weekday after them."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.models import Episode
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.registry import read_document
from castdigest.text.dates import without_weekday
from castdigest.text.titles import split_title

AS_OF = datetime(2026, 11, 24, 12, tzinfo=UTC)


def _read(text: str) -> tuple[str, list[Episode]]:
    doc = Document(location="page.txt", data=text.encode(), text=text)
    return read_document(doc, ReadContext(as_of=AS_OF))


STATION_SHOW_PAGE = """Radio Città
Ascolta la diretta
Palinsesto
Podcast
Cerca
PlayStop Buongiorno di martedì 24/11/2026 - in diretta
PODCAST
Il Cortile
Storie di condomini, cortili e vicini di casa. Ogni domenica alle 10.
A CURA DI:
Anna Verri
Ultima puntata
PlayStop Il Cortile di domenica 22/11/2026 Il condominio che ha deciso di comprare il palazzo.
Tutte le puntate
Il Cortile | 22/11/2026
Il condominio che ha comprato il palazzo
Trenta famiglie di via Padova hanno messo insieme i risparmi per non essere sfrattate. Anna Verri è andata a sentire com'è andata.
Il Cortile | 15/11/2026
Portinerie: chi le riapre e perché
Dopo vent'anni di chiusure, alcune portinerie tornano aperte. Con la sociologa Laura Pini.
Il Cortile | 08/11/2026
Il cortile come piazza
Feste, litigi e orti condivisi nei cortili di Milano.
Carica altri
Radio Città
© 2026 Radio Città
"""


def test_entries_under_the_shows_name_and_their_date_are_the_shows_episodes() -> None:
    fmt, episodes = _read(STATION_SHOW_PAGE)
    assert fmt == "listing"
    assert [ep.title for ep in episodes] == [
        "Il condominio che ha comprato il palazzo",
        "Portinerie: chi le riapre e perché",
        "Il cortile come piazza",
    ]
    assert [ep.published.date().isoformat() for ep in episodes if ep.published] == [
        "2026-11-22",
        "2026-11-15",
        "2026-11-08",
    ]


PROGRAMME_PAGE = """Streamly
홈
TV
영화
검색
새벽 서재
MBC
시사/교양
매주 금요일 밤 11시 방송
매주 한 명의 작가가 서재의 불을 켠다. 소설가, 시인, 번역가가 직접 고른 책을 함께 읽고, 시청자가 보낸 질문에 답하는 심야 북토크.
출연 : 윤서진
회차
전체 52
52회
2026.11.20 (금)
소설가 권하윤, 섬의 말을 받아 적다
신작 장편으로 돌아온 소설가 권하윤. 남해의 작은 섬에서 해녀들과 지내며 들은 이야기를 소설로 옮긴 과정을 들려준다.
1시간 2분
51회
2026.11.13 (금)
번역가 마르코 벨리니, 한국어로 꿈을 꾸다
한국 현대시를 이탈리아어로 옮기며 부딪힌 단어들에 대한 유쾌한 토론.
58분
50회
2026.11.06 (금)
가을 특집 - 시청자가 보낸 인생의 책
시청자 사연으로 꾸민 특집. 책과 얽힌 열두 개의 사연을 소개한다.
55분
더보기
"""


def test_a_programmes_episodes_dated_with_their_weekday_after_the_date() -> None:
    fmt, episodes = _read(PROGRAMME_PAGE)
    assert fmt == "listing"
    assert [ep.title for ep in episodes] == [
        "소설가 권하윤, 섬의 말을 받아 적다",
        "번역가 마르코 벨리니, 한국어로 꿈을 꾸다",
        "가을 특집 - 시청자가 보낸 인생의 책",
    ]
    assert [ep.duration for ep in episodes] == [3720.0, 3480.0, 3300.0]
    assert episodes[2].guests == []  # a phrase after the dash, no one's name


def test_a_weekday_in_brackets_after_a_date() -> None:
    assert without_weekday("2026.11.20 (금)") == "2026.11.20"
    assert without_weekday("20.11.2026 (Fr.)") == "20.11.2026"
    assert without_weekday("2026年11月20日（金）") == "2026年11月20日"
    assert without_weekday("Live (Fri)") == "Live (Fri)"  # no date before it


def test_a_phrase_in_a_script_without_capitals_is_no_guests_name() -> None:
    context = "명절을 맞아 진행자가 고향의 오래된 동네 서점을 찾았다."
    assert split_title("추석 특집 - 고향의 서점을 찾아서", context).guests == []
    assert [p.name for p in split_title("밤의 서재 - 권하윤").guests] == ["권하윤"]
