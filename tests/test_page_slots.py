"""A daily programme's pages: a broadcast titled by its show's name and its date, segments
each closed by its clip's length (no start times), a board post's title over its number and
its date's label, an age with its time of day beside a length, and schedules by weekdays in
the plural."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.readers.listing_kinds import meta_kind
from castdigest.readers.page_dates import schedule_line
from page_reading import AS_OF, read_text

DATED_BROADCAST = """Saltar al contenido principal
Radio del Valle
Directo
Noticias
Programas
Radio
Podcasts
Buscar
Radio
Programas
Mañanas del Valle
Mañanas del Valle
Sábados, de 10.00 a 12.00 h
Magacín de fin de semana con Inés Roldán: oficios, música y las historias de los pueblos.
Mañanas del Valle - 21/11/2026
21/11/2026
1 h 50 min
Escuchar
Descargar
Inés Roldán visita hoy el último taller de alpargatas de la comarca y charla con un grupo de jóvenes que ha recuperado la trashumancia en la sierra.
Secciones del programa
El último taller de alpargatas
Tres generaciones de la familia Ortega cosen a mano en un taller de la plaza mayor. Hablamos con Rafael Ortega sobre el oficio.
22:14
Trashumancia joven
Un grupo de pastores de menos de treinta años vuelve a mover el ganado por las cañadas. Nos cuenta su experiencia Lucía Prieto.
12:40
La agenda del fin de semana
Conciertos, ferias y rutas para hacer planes en toda la comarca.
07:05
Más de Mañanas del Valle
"""

BOARD_POST = """본문 바로가기
주메뉴 바로가기
한빛연구원
한빛 경제정보센터
로그인
회원가입
경제정보
경제교육
멀티미디어
HOME
멀티미디어
팟캐스트
팟캐스트
경제 이슈를 연구진의 목소리로 쉽게 들려드립니다.
[경제 한입] 청년 주거비, 월세가 소득의 얼마까지 괜찮을까
21회
등록일
2026-11-19
조회수
842
재생시간
24:10
00:00 / 24:10
요약
청년 가구의 주거비 부담은 지난 5년 사이 크게 늘었다.
"""


def test_a_daily_broadcast_titled_by_its_shows_name_and_its_date() -> None:
    _fmt, [episode] = read_text(DATED_BROADCAST)
    assert episode.title == "Mañanas del Valle - 21/11/2026"
    # each segment's clip length closes its block: no start times, no backwards chapters
    assert [(c.start, c.title) for c in episode.chapters] == [
        (None, "El último taller de alpargatas"),
        (None, "Trashumancia joven"),
        (None, "La agenda del fin de semana"),
    ]
    assert episode.review_reasons == []


def test_a_board_posts_title_over_its_number_and_its_dates_label() -> None:
    _fmt, [episode] = read_text(BOARD_POST)
    assert episode.title == "[경제 한입] 청년 주거비, 월세가 소득의 얼마까지 괜찮을까"
    assert episode.published == datetime(2026, 11, 19, tzinfo=UTC)


def test_an_age_with_its_time_of_day_beside_a_length() -> None:
    assert meta_kind("Yesterday at 05:00 · 41 min", AS_OF) == "dated"
    assert meta_kind("I går kl. 05.00 · 41 min.", AS_OF) == "dated"


def test_weekdays_in_the_plural_with_hours_are_a_schedule() -> None:
    assert schedule_line("Sábados, de 10.00 a 12.00 h")
    assert schedule_line("Saturdays 10am - noon")
    assert not schedule_line("Fridays with Ana")  # no hours: a title
    assert not schedule_line("Saturday 21 November 2026")  # a date
