"""Newsrooms' and broadcasters' pages: a list whose entries each show the show, the title, a
teaser, the host and the date over a player's button and length; an article by a desk
("Redacción Cultura") whose photo credit stands on two lines and whose episode is named in
plain single quotes; a host's name over the date that the host's card credits, in a script
without capitals; a programme's tabs over the title; an AI summary's points."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.readers.chrome import chrome_kind
from castdigest.readers.page_dates import played_length
from castdigest.readers.title_signals import byline
from page_reading import read_text

PLAYED_LIST = """Skip to main content
The Harbour Herald
Subscribe
Sign In
Menu
Search
News
Sport
Business
Opinion
Culture
Podcasts
Video
Podcasts
Money Matters
Every Monday, personal finance editor Niamh Brennan answers the questions readers send in about pensions, mortgages and everyday bills
Listen on
Apple Podcasts
Spotify
Latest episodes
Money Matters
Is it finally time to switch your mortgage?
Rates have eased twice since the summer. Broker Declan Moran explains who gains from switching now and who should sit tight
Niamh Brennan
Mon Nov 23 2026 - 06:00
Listen | 33:40
Money Matters
The pension top-up most workers never claim
Tax adviser Ruth Keane on the relief that employees leave on the table every year
Niamh Brennan
Mon Nov 16 2026 - 06:00
Listen | 28:15
Money Matters
Money Matters extra: your questions on childcare costs
Niamh Brennan
Thu Nov 12 2026 - 12:00
Listen | 12:05
Money Matters
What your energy supplier won't tell you about standing charges
Consumer advocate Paul Dineen on the part of the bill that never goes down, and how to compare tariffs properly
Niamh Brennan
Mon Nov 9 2026 - 06:00
Listen | 30:52
Load more
"""


def test_a_player_button_under_each_entrys_date_gives_its_length() -> None:
    # "Listen | 33:40" under each date is the entry's length; the host's name the show's blurb
    # credits stands over every date, the title over a longer teaser under the show's name
    assert played_length("Listen | 33:40") == 33 * 60 + 40
    assert played_length("00:12") is None
    fmt, episodes = read_text(PLAYED_LIST)
    assert fmt == "listing"
    assert [(e.title, e.published, e.duration) for e in episodes] == [
        (
            "Is it finally time to switch your mortgage?",
            datetime(2026, 11, 23, tzinfo=UTC),
            33 * 60 + 40,
        ),
        (
            "The pension top-up most workers never claim",
            datetime(2026, 11, 16, tzinfo=UTC),
            28 * 60 + 15,
        ),
        (
            "Money Matters extra: your questions on childcare costs",
            datetime(2026, 11, 12, tzinfo=UTC),
            12 * 60 + 5,
        ),
        (
            "What your energy supplier won't tell you about standing charges",
            datetime(2026, 11, 9, tzinfo=UTC),
            30 * 60 + 52,
        ),
    ]


DESK_ARTICLE = """Saltar al contenido principal
EL HERALDO DEL SUR
Suscríbase
Iniciar sesión
Menú
Buscar
Región
Nacional
Internacional
Política
Economía
Deportes
Cultura
Tecnología
Opinión
Cultura
Música
'Nadie quería ese turno de noche': el pódcast que cuenta la vida del último sereno de Popayán
En el nuevo episodio de Oficios Perdidos, el periodista Tomás Arango habla con Rubén Caicedo, que durante veinte años recorrió de noche el centro histórico con un farol y un silbato.
Rubén Caicedo frente a la catedral de Popayán, en 1989.
Foto:
Archivo familiar
Valentina Ruiz Ospina
Redacción Cultura
23 de noviembre 2026, 07:15 a. m.
Compartir
Durante dos décadas, Rubén Caicedo fue la única persona despierta en el centro de Popayán entre la medianoche y el amanecer. Su trabajo era caminar, mirar y avisar.
Su historia es el centro de 'El sereno de la calle del Cauca', el episodio de Oficios Perdidos que se estrenó el viernes 20 de noviembre en las plataformas de audio.
Caicedo cuenta en el episodio cómo aprendió el oficio de su padre, que también fue sereno, y por qué el silbato se oía en toda la ciudad.
Lea también: Los pódcast regionales que más se escuchan este año
"""


def test_a_desk_byline_and_a_credit_on_two_lines_head_no_article() -> None:
    # "Redacción Cultura" names the desk, "Valentina Ruiz Ospina" over it the author, and
    # "Archivo familiar" under "Foto:" the picture's owner: the headline is the article's title;
    # the episode it names in plain single quotes beside "el episodio" makes that a doubt
    assert byline("Redacción Cultura")
    assert byline("Redaktion Wirtschaft")
    assert not byline("Redacción de pódcast sobre ciencia")
    assert chrome_kind("Foto:") == "image credit"
    _, episodes = read_text(DESK_ARTICLE)
    (episode,) = episodes
    assert (
        episode.title
        == "'Nadie quería ese turno de noche': el pódcast que cuenta la vida del último sereno de Popayán"
    )
    assert len(episode.review_reasons) == 1
    assert "'El sereno de la calle del Cauca'" in episode.review_reasons[0]


HOST_CARD = """聲音島
首頁
Podcast
有聲書
廣播劇
搜尋
登入／註冊
Podcast ／ 城南舊事 ／ EP52
EP52｜老眷村的最後一間雜貨店 ft. 王美玲
城南舊事
周子晴
2026/11/19
38:44
▶ 播放
分享
單集介紹
眷村改建之後，王美玲的雜貨店成了巷子裡唯一還亮著燈的地方。她聊起開店四十年的日常，還有那些再也回不來的鄰居。
【本集時間軸】
(00:00) 開場
(03:12) 一間店撐起一條巷子
(15:40) 改建那一年
(29:05) 留下來的人
【本集來賓】
王美玲｜雜貨店老闆
【主持人】
周子晴｜作家、《城南舊事》主持人
"""


def test_a_hosts_name_over_the_date_credited_in_a_card_is_no_entry() -> None:
    # "周子晴" over the date is the host, as the card under "【主持人】" says ("周子晴｜作家"):
    # the page is one episode, titled by the line over the show's name
    _, episodes = read_text(HOST_CARD)
    assert [(e.title, e.duration, len(e.chapters)) for e in episodes] == [
        ("EP52｜老眷村的最後一間雜貨店 ft. 王美玲", 38 * 60 + 44, 4)
    ]


TABS_AND_POINTS = """본문 바로가기
주메뉴 바로가기
한빛라디오
ON AIR
로그인
라디오
TV
뉴스
편성표
다시듣기
HOME > 라디오 > 다시듣기
아침의 창, 정하늘입니다
월~금 오전 7:00 ~ 8:00
진행 : 정하늘 / 연출 : 김도윤
프로그램 소개
다시듣기
청취자 게시판
선곡표
[오늘의 초대석] 첫 월급으로 부모님 보청기를 산 청년
2026.11.20 (금)
조회 97
00:00 / 21:10
AI 요약
이 방송의 주요 내용
• 청각장애 판정을 받지 않은 경도 난청 노인은 보청기 지원을 받기 어렵다.
• 출연자는 첫 월급을 모아 부모님의 보청기를 맞춘 경험을 소개했다.
• 보청기는 맞춘 뒤 몇 달간 조정을 거쳐야 제대로 효과를 본다.
※ 본 요약은 AI가 방송 음성을 바탕으로 자동 생성했습니다.
출연 : 이준서 (회사원)
목록
"""


def test_a_programmes_tabs_over_the_title_and_its_ai_summary_points() -> None:
    # four short tabs right over the title and its date are no title; "이 방송의 주요 내용"
    # (this broadcast's main points) under "AI 요약" heads its points
    _, episodes = read_text(TABS_AND_POINTS)
    (episode,) = episodes
    assert episode.title == "[오늘의 초대석] 첫 월급으로 부모님 보청기를 산 청년"
    assert episode.published == datetime(2026, 11, 20, tzinfo=UTC)
    assert episode.takeaways == [
        "청각장애 판정을 받지 않은 경도 난청 노인은 보청기 지원을 받기 어렵다.",
        "출연자는 첫 월급을 모아 부모님의 보청기를 맞춘 경험을 소개했다.",
        "보청기는 맞춘 뒤 몇 달간 조정을 거쳐야 제대로 효과를 본다.",
    ]
