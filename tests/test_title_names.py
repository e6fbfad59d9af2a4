"""Lines that name people or the show beside an episode's title, never the title: a show and
its episode's number, a byline of names joined, a name after a one-word label or before a
role, a reporter's labelled byline, people listed under an episode label; and a title
shown again as a headline under a kicker, an episode quoted after its number in a post."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.heading_words import heading_kind
from castdigest.readers.page_title import pick_title
from castdigest.readers.title_quoted import quoted_episode
from castdigest.readers.title_signals import name_before_number
from page_reading import read_text

SHOW_AND_NUMBER = """Skip to main content
Workplace Weekly
Subscribe
Sign In
Latest
Podcasts
Desk Notes / Episode 112
The Meeting That Should Have Been an Email
November 18, 2026
Share
Save
31:02

Most recurring meetings outlive their purpose by months. Organizational psychologist Ravi Menon explains how teams can retire them without offending anyone.

Subscribe to Desk Notes wherever you get your podcasts.
"""


def test_a_show_and_its_episodes_number_over_the_title() -> None:
    assert name_before_number("Desk Notes / Episode 112") == "desk notes"
    assert name_before_number("Episode 112: The Meeting") is None  # the number opens it
    _, episodes = read_text(SHOW_AND_NUMBER)
    assert [e.title for e in episodes] == ["The Meeting That Should Have Been an Email"]
    assert not episodes[0].review_reasons


BYLINE_OF_TWO = """Abstracts
Summaries
Pricing
Log in
Podcast
Cold Chains, Hot Markets
Lena Fischer and Marco Bellini
Supply Lines • Nov 10, 2026 • 41 min
Save
Share
Host Lena Fischer asks logistics consultant Marco Bellini why refrigerated freight became the tightest market in shipping. Bellini says the answer starts with pharmaceuticals, and Fischer pushes him on what it means for grocers.
Take-Aways
Refrigerated capacity grew far slower than demand for it.
Vaccines and biologics outbid food for the same trucks.
Grocers now book cold freight months ahead.
"""


def test_names_joined_over_the_date_line_are_a_byline_not_the_title() -> None:
    _, episodes = read_text(BYLINE_OF_TWO)
    assert [e.title for e in episodes] == ["Cold Chains, Hot Markets"]
    # a heading written with a hyphen reads as without one
    assert len(episodes[0].takeaways) == 3
    assert heading_kind("Take-Aways") == heading_kind("Takeaways") == "takeaways"
    assert heading_kind("Show-Notes") == heading_kind("Show Notes")


def test_a_name_after_a_one_word_label_or_before_a_role_is_who_talks() -> None:
    lines = [
        "Pular para o conteúdo",
        "Rádio Central",
        "Ao vivo",
        "Últimas",
        "Podcasts",
        "Buscar",
        "",
        "Podcasts",
        "Vozes do Mercado",
        "",
        "Vozes do Mercado",
        "Feiras livres: quem ainda vende na rua e por quê",
        "Com Beatriz Tavares",
        "Por Lucas Prado",
        "18/11/2026 08h00",
        "A feirante Beatriz Tavares acorda às três da manhã há vinte anos. Ela conta como a feira mudou com os aplicativos de entrega.",
        "Neste episódio:",
        "Beatriz Tavares, feirante e presidente da associação do bairro",
        "Rui Campos, economista",
    ]
    pick = pick_title(lines)
    assert pick.title == "Feiras livres: quem ainda vende na rua e por quê"


def test_a_reporters_labelled_byline_is_no_title() -> None:
    lines = [
        "뉴스홈",
        "라디오",
        '[아침의 창] 박민재 "지역 소멸, 일자리가 먼저"',
        "기자명 이서준 기자",
        "입력 2026.11.19 08:12",
        "■ 방송 : 아침의 창",
        "■ 출연 : 박민재 지역정책연구원",
        "◆ 진행자 : 오늘 지역 소멸 문제를 짚어보겠습니다. 연구원님 나와 계십니다.",
        "◇ 박민재 연구원 : 네, 안녕하세요.",
    ]
    assert pick_title(lines).title == '[아침의 창] 박민재 "지역 소멸, 일자리가 먼저"'


KICKER_OVER_REPEATED_TITLE = """Zum Inhalt springen
Kulturradio
Programm
Podcasts
Suche

Startseite
Wissenschaft
Stille Labore: Wie Forschungsinstitute gegen Lärm bauen

Schallschutz
Stille Labore: Wie Forschungsinstitute gegen Lärm bauen
Vibrationen, Lüftungen, Straßenbahnen: Empfindliche Messgeräte reagieren auf alles. Einige Institute bauen deshalb ganze Gebäude auf Federn.
Von Jonas Reiter · 18.11.2026

Audio herunterladen
Wissenschaft
Stille Labore: Wie Forschungsinstitute gegen Lärm bauen
Jonas Reiter · 18.11.2026
24:55 Minuten

In einem Keller in Jena steht ein Mikroskop, das selbst vorbeifahrende Fahrräder bemerkt. Die Physikerin Dr. Clara Wendt zeigt, wie ihr Team das Gebäude vom Boden entkoppelt hat.
"""


def test_a_title_in_a_crumb_shown_again_as_the_headline_under_its_kicker() -> None:
    _, episodes = read_text(KICKER_OVER_REPEATED_TITLE)
    assert [e.title for e in episodes] == [
        "Stille Labore: Wie Forschungsinstitute gegen Lärm bauen"
    ]


def test_an_episode_quoted_after_its_number_in_a_post() -> None:
    post = [
        "ラジオ日記",
        "2026年11月20日",
        "深夜のふたり 古い喫茶店の話",
        "先日配信された『夜更かし喫茶』#52「閉店後のカウンター」の中で、店主の森さんが喫茶店を続ける理由について話していました。とても良い回だったので、書き起こしてみます。",
    ]
    assert quoted_episode(post, numbered_only=True) == (3, "閉店後のカウンター")
    chinese = [
        "播客推荐",
        "听完这期节目，我把周末还给了自己",
        "最近听了播客《周末练习》的第 23 期「把周末还给自己」，主播和嘉宾聊了一个多小时，话题从加班一路聊到爱好。我前后听了两遍，记下了不少笔记，也想分享一下自己的变化。",
    ]
    assert quoted_episode(chinese, numbered_only=True) == (2, "把周末还给自己")
