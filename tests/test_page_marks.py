"""Chapters written in the marks some sites use: starts in minutes and seconds with an
apostrophe ("4'35 : …"), a title in guillemets kept whole, a chapter titled with a heading's
word under its time ("1:01:30" / "Summary"), corners marked "■" each over its paragraph; and
an article naming its episode in prose without quotation marks ("the episode, called …,")."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.chapter_lines import classify
from page_reading import read_text

MINUTES_MARKED = """Aller au contenu
La Gazette du Sud-Ouest
Podcasts
Faits divers
PODCAST. Les Mystères de la vallée – Le pont emporté (1/4) : la crue de 1952
Par Hélène Marty
Publié le 21/11/2026 à 07:00
Les Mystères de la vallée
Épisode 1 – Le pont emporté
00:00
29:15
Dans la nuit du 14 octobre 1952, la rivière monte de quatre mètres en trois heures. Au matin, le vieux pont de pierre a disparu, et avec lui la seule route vers l'hôpital.
Au sommaire de cet épisode
0'00 : La pluie qui ne s'arrête pas
5'12 : Les cloches sonnent à minuit
13'40 : « On a vu passer une grange entière »
21'05 : Le bac de fortune
Un podcast de La Gazette du Sud-Ouest.
"""

HEADING_WORD_UNDER_TIME = """Podcasty
Biznes
Twoje Finanse
Prowadzi: Anna Nowak
Odc. 12 – Czy warto nadpłacać kredyt?
18 listopada 2026 · 58 min
Słuchaj
Rozdziały
00:00
Wstęp
06:40
Ile można zaoszczędzić
21:15
Nadpłata czy inwestycja?
39:50
Pytania słuchaczy
52:30
Podsumowanie

Więcej odcinków
"""

MARKED_CORNERS = """メインコンテンツへ移動
ひかり放送
テレビ
ラジオ
ニュース
ホーム
ラジオ
番組一覧
土曜ひるまえ便
土曜ひるまえ便
毎週土曜 11:00～11:55
パーソナリティー：山口さくら
県内の話題とリスナーのおたよりをお届けする55分です。
オンエア情報
2026年11月21日（土）放送
城下町の古い銭湯、最後の冬
ポッドキャスト
再生時間 47:30
今週のコーナー
■まちの記憶
創業九十年の銭湯を営む三代目の店主に、薪で湯を沸かしていた頃の話と、この冬で店を閉じる理由をうかがいました。
■旬の台所
スタジオに農家の方をお迎えして、冬の白菜のおいしい食べ方を教えていただきました。
■おたより紹介
今週のテーマは「冬の楽しみ」。たくさんのおたよりをありがとうございました。
バックナンバー一覧
"""

CALLED_IN_PROSE = """Skip to main content
Tyneside Evening Post
Bookmark
Sign in
News
Sport
What's On
Podcasts
Local News
Man who ran the quayside ferry for 41 years says 'the river never slept'
Jack Robson carried shift workers, football fans and the odd lost tourist across the Tyne from 1979 until the ferry stopped last spring
Comments
News
Ruth Armstrong Senior Reporter
07:00, 20 Nov 2026Updated 07:35, 20 Nov 2026
Bookmark
Jack Robson, 74, took the tiller of the quayside ferry in 1979 and kept it crossing the river every twenty minutes, six days a week, until the service was withdrawn in April.

He is the guest on the latest episode of the Post's Tyneside Tales podcast, out today. In the episode, called Last Boat at Midnight: Jack and the Quayside Ferry, he tells host Dan Carr about the regulars, the foggy nights and the crossing he made with a bride in her wedding dress.

Jack said: "You knew everybody by the time they stepped on. The nurses, the dockers, the lads going to the match. Nobody paid twice."

You can listen to the full 38-minute episode in the player below, or search for Tyneside Tales on Spotify and Apple Podcasts. New episodes are released every other Friday.

Tyneside Tales is produced by the Tyneside Evening Post. Previous guests include the last tram driver on the coast road and the woman who ran the market's oldest stall.
Follow Tyneside Evening Post
Most Read
"""


def test_starts_in_minutes_and_seconds_marked_with_an_apostrophe() -> None:
    assert [(t.start, t.title) for t in classify(0, "5'12 : Les cloches", None).entries] == [
        (312.0, "Les cloches")
    ]
    assert classify(0, "1'2 : pas une heure", None).entries == []  # no minute's seconds
    _fmt, [episode] = read_text(MINUTES_MARKED)
    assert [(c.start, c.title) for c in episode.chapters] == [
        (0.0, "La pluie qui ne s'arrête pas"),
        (312.0, "Les cloches sonnent à minuit"),
        (820.0, "« On a vu passer une grange entière »"),
        (1265.0, "Le bac de fortune"),
    ]


def test_a_chapter_titled_with_a_headings_word_under_its_time() -> None:
    _fmt, [episode] = read_text(HEADING_WORD_UNDER_TIME)
    assert [c.title for c in episode.chapters][-1] == "Podsumowanie"
    assert [c.start for c in episode.chapters] == [0, 400, 1275, 2390, 3150]
    assert episode.review_reasons == []


def test_corners_each_marked_over_their_paragraph() -> None:
    _fmt, [episode] = read_text(MARKED_CORNERS)
    assert episode.title == "城下町の古い銭湯、最後の冬"
    assert [c.title for c in episode.chapters] == ["まちの記憶", "旬の台所", "おたより紹介"]
    assert episode.chapters[1].summary is not None
    assert episode.chapters[1].summary.startswith("スタジオに農家の方")
    assert episode.duration == 47 * 60 + 30


def test_an_article_naming_its_episode_in_prose_without_quotation_marks() -> None:
    _fmt, [episode] = read_text(CALLED_IN_PROSE)
    assert episode.title == "Last Boat at Midnight: Jack and the Quayside Ferry"
    # the headline stays the article's: no subheading; nor is the article's date a chapter
    assert episode.chapters == []
