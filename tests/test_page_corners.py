"""A programme's parts written as its corners under a box mark ("■<corner>　<subject>"), as
a rundown by the hours they air at with the word for "at" before each hour ("ore 9.10 –
…"), or as numbered parts ("第一節：…") that are never the page's title."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.subheadings import aired_run, corner_lines
from page_reading import read_text

CORNERS = """ホーム > 番組 > みなと探訪記
みなと探訪記
毎週日曜 あさ7:30～8:00
案内役：森下 智子（アナウンサー）
港町に暮らす人たちの今を訪ねる30分。
第88回　灯台のある島の郵便局
2026年11月22日(日)放送
ゲスト：岡田 修さん（郵便局長）
島にたった一つの郵便局を四十年守ってきた岡田さんに、船で届く手紙と小包の話を伺いました。台風の季節に便が止まったときの工夫や、島を出た子どもたちから届く年賀状の話まで、静かな港の一年をたどります。
◆島の仕事　朝一番の船を待つ窓口
◆港の記憶　昭和の大時化と臨時便
◆となりの一品　漁協の干物と手書きの荷札
次回予告
バックナンバー
"""

PARTS_UNDER_LABELS = """본문 바로가기
하늘 라디오
로그인
편성표
프로그램
다시듣기
청취자 참여
HOME
프로그램
들녘의 아침
들녘의 아침
진행 한가람 | 월~금 오전 7:00~8:00
프로그램 소개
다시듣기
사연 보내기
선곡표
다시듣기
[11/21] 겨울 들판의 철새들
등록일
2026.11.21
00:00 / 49:10
철새 도래지를 찾아 탐조 전문가와 함께 겨울 들판의 손님들을 만납니다. 두루미와 재두루미가 어디서 쉬어 가는지, 탐조할 때 지켜야 할 예절은 무엇인지 들어 봅니다.

[1부]
▶ 들판 산책 - 탐조가 문하준 : 두루미가 돌아오는 길
▶ 계절의 소리 - 갈대밭의 아침

[2부]
▶ 청취자 편지 - 할머니와 본 첫 기러기 떼
▶ 오늘의 노래 - 신청곡 모음

■ 오늘의 선곡
1. 가수 하나 - 겨울 들판
2. 가수 둘 - 기러기
"""

RUNDOWN = """Salta al contenuto
Radio Valle Serena
Diretta
Notizie
Meteo
Programmi
Palinsesto
Podcast
Contatti
Cerca
Home
Programmi
Mattina Insieme
MATTINA INSIEME
Il magazine del sabato: musica, territorio e ospiti in studio. Conduce Lucia Ferrante.
Mercatini, neve e il ritorno della corriera
Puntata del 21/11/2026
sabato 21 novembre 2026 - ore 9:00
Ascolta la puntata
00:00
52:04
Nella puntata di questa settimana Lucia Ferrante racconta i mercatini che aprono in valle, le prime nevicate sui passi e la corriera che torna a salire fino all'ultimo paese dopo tre anni di sospensione.
I contenuti della puntata:
ore 9.06 – Mercatini di dicembre: dove e quando. Con Piero Malvezzi, Pro Loco di Sopravalle
ore 9.21 – Neve sui passi: cosa dice il servizio valanghe
ore 9.37 – «La corriera delle sei»: i ricordi degli ascoltatori
ore 9.48 – In studio il gruppo Voci di Pietra con il nuovo disco
Mattina Insieme va in onda ogni sabato alle 9:00.
"""

NUMBERED_PARTS = """Skip to main content
Radio Harbourline
Live
Shows
Podcasts
Schedule
Listen live
Get the app
Sign in
Home
Shows
Late Talk
Late Talk
Mondays to Fridays 10pm - 11pm
Hosts: Grace Lam, Marcus Yip
2026-11-16 (Monday)
The lost ferry piers of the eastern shore
Guest: historian Dr Ivan Cheng
00:00 / 51:40
Before the tunnels, a dozen small ferry piers lined the eastern shore. Dr Ivan Cheng joins Grace and Marcus with old timetables, photographs and the memories of listeners who rode the last boats across the bay at night.
This episode:
Part 1: From sampans to steel ferries, how the crossings began
Part 2: Listeners call in with memories of the night boats
Part 3: A 1961 map of the piers that are gone
Past episodes
"""


def test_a_programmes_corners_under_a_box_mark_are_its_untimed_chapters() -> None:
    fmt, [episode] = read_text(CORNERS)
    assert fmt == "text"
    assert episode.title == "第88回　灯台のある島の郵便局".replace("　", " ")
    assert [c.title for c in episode.chapters] == [
        "島の仕事　朝一番の船を待つ窓口",
        "港の記憶　昭和の大時化と臨時便",
        "となりの一品　漁協の干物と手書きの荷札",
    ]
    assert all(c.start is None for c in episode.chapters)


def test_corners_under_the_labels_of_the_programmes_parts() -> None:
    _fmt, [episode] = read_text(PARTS_UNDER_LABELS)
    assert episode.title == "[11/21] 겨울 들판의 철새들"
    assert [c.title for c in episode.chapters] == [
        "들판 산책 - 탐조가 문하준 : 두루미가 돌아오는 길",
        "계절의 소리 - 갈대밭의 아침",
        "청취자 편지 - 할머니와 본 첫 기러기 떼",
        "오늘의 노래 - 신청곡 모음",
    ]


def test_fields_and_points_under_a_box_mark_are_no_corners() -> None:
    fields = ["■ 방송 : 라디오 아침마당", "■ 진행 : 김하늘 앵커", "■ 대담 : 박도윤 교수"]
    assert corner_lines(fields) == []
    points = [
        "◆ 첫째　이것은 문장입니다.",
        "◆ 둘째　이것도 문장입니다.",
        "◆ 셋째　마지막 문장입니다.",
    ]
    assert corner_lines(points) == []


def test_a_rundown_with_the_word_for_at_before_each_hour() -> None:
    assert [t for _, t in aired_run(RUNDOWN.splitlines())][1] == (
        "Neve sui passi: cosa dice il servizio valanghe"
    )
    _fmt, [episode] = read_text(RUNDOWN)
    assert episode.title == "Mercatini, neve e il ritorno della corriera"
    assert len(episode.chapters) == 4
    assert episode.chapters[0].title.startswith("Mercatini di dicembre: dove e quando.")
    assert all(c.start is None for c in episode.chapters)
    assert episode.review_reasons == []


def test_a_programmes_numbered_parts_are_never_its_title() -> None:
    _fmt, [episode] = read_text(NUMBERED_PARTS)
    assert episode.title == "The lost ferry piers of the eastern shore"
    assert episode.review_reasons == []
    assert episode.chapters[0].title == ("From sampans to steel ferries, how the crossings began")
