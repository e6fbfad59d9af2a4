"""Episode pages read whole: the title among the show's name, the site's own words for the
title, offers and bylines; the episode's page told apart from its show's list under it."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.chrome import ends_in_call, is_call, is_chrome, normalise
from castdigest.readers.heading_words import suggests_others
from castdigest.readers.page_dates import offered_until
from castdigest.readers.page_names import bracketed_name, speakers
from castdigest.readers.page_title import pick_title
from castdigest.readers.quote_lines import dash_quote
from castdigest.readers.title_people import first_named
from castdigest.readers.title_quoted import quoted_episode, quoted_shows
from castdigest.readers.title_signals import brand_taglines, byline, kind_first, season_name
from page_reading import read_text


def test_the_title_with_the_sites_words_after_it_is_the_title_alone() -> None:
    title = "#48 – Ines Varga: What Bridges Remember"
    pick = pick_title(
        ["Digestly", "Pricing", "Log in", title, f"{title} - Summary, Notes and Transcript"]
    )
    assert pick.title == title and not pick.doubts
    # a cut copy above the whole title still gives the whole title
    cut = pick_title(["Digestly", "Log in", "#48 – Ines Varga: What Bridges Remem", title])
    assert cut.title == title


def test_a_podcast_word_and_a_quoted_name_alone_on_a_line_is_the_shows_kicker() -> None:
    assert quoted_shows(['Podcast "Tiefgang"']) == {"tiefgang", normalise('Podcast "Tiefgang"')}
    # in a sentence, only the name is the show's
    assert quoted_shows(['Der Podcast "Tiefgang" erscheint jeden Freitag.']) == {"tiefgang"}


def test_a_known_show_then_what_it_is_is_its_tagline() -> None:
    lines = [
        "Tiefgang – der Wirtschaftspodcast",
        "Tiefgang | A podcast",
        "Tiefgang – Warum Mieten steigen",
    ]
    assert brand_taglines(lines, {"tiefgang"}) == {
        "tiefgang – der wirtschaftspodcast",
        "tiefgang | a podcast",
    }
    assert brand_taglines(lines, set()) == set()


NEWS_PAGE = """Zum Inhalt springen
Nachrichtenseite
Politik
Wirtschaft
Sport
Wissen
Startseite
Podcast "Tiefgang"
Mittwoch, 18. November 2026
Tiefgang – der Wirtschaftspodcast
Warum die Mieten in Kleinstädten steigen
Von Jonas Albrecht
Teilen
Lange galt das Wohnen auf dem Land als günstige Alternative. Doch seit zwei Jahren steigen auch in Kleinstädten die Mieten schneller als die Löhne, und viele Familien fragen sich, warum.
Tiefgang – Warum die Mieten in Kleinstädten steigen
31:05
Der Ökonom Felix Brandt erklärt im Gespräch, welche Rolle Pendler, Zinsen und leer stehende Läden dabei spielen, und warum neue Wohnungen allein das Problem nicht lösen.
Ein Markt ohne Angebot
In vielen Kleinstädten wird seit Jahren kaum gebaut. Wer eine Wohnung sucht, konkurriert mit Zuzüglern aus den Großstädten, die im Homeoffice arbeiten und höhere Mieten zahlen können.
Themen
Wohnen
Mieten
Zinsen
Mehr zum Thema
Neue Grundsteuer: Was Eigentümer jetzt wissen müssen
Bauzinsen: Wie lange bleibt Kredit teuer?
Impressum
Datenschutz
"""


def test_a_news_sites_episode_under_its_shows_kicker_and_tagline() -> None:
    fmt, [ep] = read_text(NEWS_PAGE)
    assert fmt == "text"
    assert ep.title == "Warum die Mieten in Kleinstädten steigen"
    assert ep.review_reasons == []
    # the page's topic tags and its related articles are no chapters
    assert ep.chapters == []


def test_related_headings_of_news_sites_end_the_page() -> None:
    for heading in ("Mehr zum Thema", "Weitere Podcasts", "Related stories", "相关阅读"):
        assert suggests_others(heading), heading


EPISODE_OVER_SHOW_LIST = """Hoppa till innehåll
Playsajten
Start
Program
Sök
Logga in
Morgonpasset med Klara Ek
Frida Holm och Anton Berg
Säsong 2 — Avsnitt 7
44 min
Sändes tor 19 nov 2026 07:00
Kan ses till 19 maj 2027
Spela
00:00
/
44:10
Entreprenören Frida Holm berättar om företaget hon startade i ett garage i Umeå och varför hon sålde det efter bara tre år. Skådespelaren Anton Berg pratar om sin första roll på Dramaten och om nerverna som aldrig riktigt släpper inför en premiär.
Programledare: Klara Ek
Medverkande: Frida Holm, Anton Berg
Avsnitt
Avsnitt 7: Frida Holm och Anton Berg
44 min
Entreprenören Frida Holm och skådespelaren Anton Berg.
Avsnitt 6: Maja Lind och Erik Sjö
43 min
Kan ses till 12 maj 2027
Avsnitt 5: Sara Nyberg och Ola Strand
45 min
Kan ses till 5 maj 2027
Visa fler
"""


def test_an_episodes_page_over_its_shows_list_is_that_episode_alone() -> None:
    _, episodes = read_text(EPISODE_OVER_SHOW_LIST)
    assert [ep.title for ep in episodes] == ["Frida Holm och Anton Berg"]
    ep = episodes[0]
    # "Kan ses till" (available until) is no publication date; "Sändes" is
    assert ep.published_text and "19 nov 2026" in ep.published_text
    assert ep.published and ep.published.date().isoformat() == "2026-11-19"


def test_availability_labels_of_the_nordic_languages() -> None:
    assert offered_until("Kan ses till 20 maj 2027")
    assert offered_until("Tilgjengelig til 3. juni 2027")
    assert not offered_until("Sändes fre 20 nov 2026 21:00")


VIDEO_PAGE = """视频站
首页
剧集
综艺
搜索
大家都在搜：山海夜谈
登录
山海夜谈 第8期：小镇上的书店
00:00 / 52:40
倍速
全屏
山海夜谈 第8期：小镇上的书店
综艺 · 2026 · 文化访谈
2026-11-19 更新
分享
简介：
一家开了二十年的小镇书店，为什么还没有关门？本期节目，主持人陈默邀请书店店主和一位城市规划学者，从“最后一家书店”聊到“社区的客厅”，讨论实体书店在小镇生活里的位置。
主持人：陈默
选集
第8期：小镇上的书店
2026-11-19
第7期：夜班公交车
2026-11-12
第6期：老厂房的新生活
2026-11-05
花絮：书店里的猫
02:41
预告：第9期 河边的早市
00:47
"""


def test_a_video_page_playing_its_episode_over_its_list_and_clips_is_one_episode() -> None:
    fmt, episodes = read_text(VIDEO_PAGE)
    assert fmt == "text"
    assert [ep.title for ep in episodes] == ["山海夜谈 第8期：小镇上的书店"]
    assert episodes[0].review_reasons == []


def test_what_a_talk_ranges_over_in_quotation_marks_is_no_title() -> None:
    lines = [
        "住在同一个小区十几年，却不认识楼下的邻居，这是很多城市人的日常。本期节目，主持人陈默"
        "邀请两位嘉宾围坐在一起，从“最后一家书店”聊到“社区食堂”的兴起，讨论小镇和城市里的人们"
        "如何重新认识彼此，以及公共空间能为陌生人做些什么。"
    ]
    assert quoted_episode(lines) is None


DATED_FIRST_LISTING = """経済ラジオ
番組一覧
＞
みらい経済塾
みらい経済塾
毎週木曜 19:00～19:30
配信一覧
2026年11月19日
第41回 物流の二〇三〇年問題
ゲスト：港湾大学教授 野村健一さん
トラック運転手の不足は解消に向かうのか。共同配送や自動運転の実証実験など、現場の動きを伺いました。後半はリスナーの質問にお答えします。
再生時間 27:12
▶ 再生
2026年11月12日
第40回 地方空港のこれから
ゲスト：航空アナリスト 森下彩さん
利用者の減少が続く地方空港。格安航空会社の誘致や貨物便の拡大など、各地の取り組みから生き残りの道を探ります。
再生時間 28:30
▶ 再生
2026年11月5日
第39回 円と金利のいま
ゲスト：エコノミスト 川口誠さん
金利の上昇は家計と企業に何をもたらすのか。住宅ローン、預金、為替への影響を基本から整理します。
再生時間 26:48
▶ 再生
"""


def test_a_japanese_listings_titles_stand_over_a_guest_line_and_a_teaser() -> None:
    fmt, episodes = read_text(DATED_FIRST_LISTING)
    assert fmt == "listing"
    assert [ep.title for ep in episodes] == [
        "第41回 物流の二〇三〇年問題",
        "第40回 地方空港のこれから",
        "第39回 円と金利のいま",
    ]
    assert [ep.duration for ep in episodes] == [1632.0, 1710.0, 1608.0]


def test_search_boxes_offers_and_save_buttons_are_chrome() -> None:
    for line in (
        "Search episodes",
        "Rechercher un podcast",
        "大家都在搜：山海夜谈",
        "Save this story",
    ):
        assert is_chrome(line), line
    assert not is_chrome("Search and Rescue: A Night on the Mountain")
    for rating in ("15세 이상", "FSK 12", "TV-14", "전체 관람가"):
        assert is_chrome(rating), rating  # who may watch, on a video's page
    for line in ("Learn more", "Mehr erfahren", "자세히 보기", "了解更多"):
        assert is_call(line), line


OFFER_PAGE = """Streamly
홈
드라마
예능
영화
실시간
검색
로그인
이용권 구매
지금 가입하고 광고형 요금제로 스트림리 오리지널을 즐겨보세요
자세히 보기
새벽 라디오
3화
00:00 / 58:10
재생 속도
자막
새벽 라디오 3화
잠들지 못하는 사람들의 편지
2026.11.19 (목)
15세 이상
58분
교양 · 토크
찜하기
공유하기
이 콘텐츠는 이용권 구매 후 시청할 수 있습니다.
시인 윤서하와 배우 강민재가 새벽에 도착한 청취자들의 편지를 읽는다. 잠들지 못하는 밤에 대한 이야기부터 오리지널 드라마 촬영장에서 밤을 새운 기억까지, 두 사람은 편지 한 통마다 자신의 밤을 겹쳐 놓는다. 진행자 한도윤이 준비한 코너와 함께 따뜻한 새벽을 마무리한다.
"""


def test_an_offer_over_its_button_and_the_show_with_its_number_are_no_titles() -> None:
    pick = pick_title(OFFER_PAGE.splitlines())
    assert pick.title == "잠들지 못하는 사람들의 편지" and not pick.doubts


def test_names_opening_turns_of_a_transcript_are_people() -> None:
    lines = [
        "Luis Ortega: Ada, when did you last look at your fridge's settings, honestly?",
        "Ada Brennan: Never. And now I am worried that it looks at mine instead.",
        "Luis Ortega: It might. That is what this whole episode is about, really.",
        "Ada Brennan: Then let us start with the deal my utility signed last spring.",
        "Note: this transcript was edited for length and for clarity by our producers.",
    ]
    assert speakers(lines) == {"luis ortega", "ada brennan"}


def test_the_kind_and_genre_line_is_no_title_and_names_the_show_beside_it() -> None:
    assert kind_first("Podcast · Nature & Outdoors")
    assert kind_first("Podcasts / Harbor Notes")
    assert kind_first("PODCAST · technology")
    assert not kind_first("Episode 12 · The Night Ferry")  # a number: the episode's own line
    assert not kind_first("Why podcasts · and radio · still matter")
    lines = [
        "PODCAST · design",
        "Grain & Glue",
        "by Mira Holt & Sam Ode",
        "Two furniture makers talk about tools, timber and the people who make things by hand.",
        "-",
        "31",
        "The chair that took three years",
        "Sam finally finished the ladderback chair that took him three years. Mira asks every"
        " question nobody wants to answer: why the chair took so long, what went wrong with the"
        " seat weave, and whether three years of evenings were worth it.",
    ]
    # a file named after the show does not make the show's name the title
    pick = pick_title(lines, ["31_grain_and_glue"])
    assert pick.title == "The chair that took three years" and not pick.doubts


OVERVIEW_PAGE = """Notetaker
Sign up free
Log in
Grain & Glue Ep 31 - The chair that took three years
Wed, Nov 18, 2026 · 3:02 PM · 46 min
Overview
Sam spent three years on a ladderback chair because each joint was redone after the seat weave failed.
Mira argues that a first chair should copy a known design before anyone invents a new one.
Green oak bends far more easily than kiln-dried stock, which is why the back slats were steamed.
Action Items
Mira to post the drawings of the chair in the show notes.
Outline
Why three years
0:00
"""


def test_one_sentence_lines_under_an_overview_heading_are_points_sentences_running_on_not() -> None:
    _, [ep] = read_text(OVERVIEW_PAGE)
    assert ep.takeaways == [
        "Sam spent three years on a ladderback chair because each joint was redone after the seat"
        " weave failed.",
        "Mira argues that a first chair should copy a known design before anyone invents a new one.",
        "Green oak bends far more easily than kiln-dried stock, which is why the back slats were"
        " steamed.",
    ]
    # a summary whose sentences run on in a line is prose, in any script
    prose = OVERVIEW_PAGE.replace(
        "weave failed.\n", "weave failed. It was worth it, he says.\n"
    ).replace("Action Items\nMira to post the drawings of the chair in the show notes.\n", "")
    _, [ep] = read_text(prose)
    assert ep.takeaways == []
    cjk = "\n".join(
        [
            "番組ノート",
            "第31回 三年かかった椅子",
            "2026年11月18日",
            "放送内容",
            "今日は、三年かけて仕上げた椅子のお話です。",
            "座面を編み直すたびに継ぎ手も作り直しました。結局、全部で四回やり直しています。",
            "リスナーの皆さんからのお便りも紹介しています。",
        ]
    )
    _, [ep] = read_text(cjk + "\n")
    assert ep.takeaways == []


ARTICLE_WITH_CONTENTS = """城市笔记
登录/注册
听了两遍的一期播客：老厂房的新生活
木头小林
212 人赞同了该文章
目录
节目信息
几个印象最深的点
一点小吐槽

最近通勤路上反复听的一期，是《街角电台》的新节目，聊的是城市里那些空下来的老厂房，后来变成了什么样子。写点笔记，顺便推荐给做城市研究的朋友。

节目信息
节目：街角电台
单集：Vol.41 老厂房的新生活
更新时间：2026年11月17日

几个印象最深的点
老厂房改造最难的不是建筑本身，而是原来在这里工作的人的记忆。

一点小吐槽
后半段关于租金的讨论有点短，希望以后能单独做一期。
"""


def test_an_articles_table_of_contents_is_no_chapters() -> None:
    _, [ep] = read_text(ARTICLE_WITH_CONTENTS)
    assert ep.chapters == []


def test_a_shows_season_a_reporters_byline_and_an_offer_with_its_button_are_no_titles() -> None:
    assert season_name("夜谈俱乐部 第三季") and season_name("Harbor Notes Season 2")
    assert not season_name("Season 2, Episode 4: The Flood")  # an episode's own number
    assert byline("김서윤 기자") and byline("김서윤 기자 sykim@example.com") and byline("王芳 记者")
    assert not byline("기자회견에서 밝힌 것들")
    assert ends_in_call("冬日会员季 黄金VIP年卡限时特惠 立即开通")
    assert not ends_in_call("立即开通")  # the button alone is chrome, not an offer
    lines = [
        "视频站",
        "首页",
        "综艺",
        "冬日会员季 黄金VIP年卡限时特惠 立即开通",
        "首页",
        "综艺",
        "夜谈俱乐部 第三季",
        "倍速",
        "弹幕",
        "第12期：离开大城市的人，后来过得怎么样",
        "夜谈俱乐部 第三季",
        "热度 6382",
        "更新时间：2026-11-20",
        "主持人：周以安",
    ]
    pick = pick_title(lines)
    assert pick.title == "第12期：离开大城市的人，后来过得怎么样" and not pick.doubts


def test_a_dash_quote_attributed_after_a_dash() -> None:
    quote = dash_quote(
        "– Rynek najmu stał się loterią. Jeśli nie masz szczęścia, co rok szukasz nowego"
        " miejsca – mówi dr hab. Wierzbicka."
    )
    assert quote is not None and quote.speaker == "Wierzbicka"
    assert quote.text.endswith("co rok szukasz nowego miejsca")


PUBLIC_RADIO_PAGE = """Skip to content
Night Shift explores the hidden science of everyday life.
Night Shift
Listen Live
WKRN
Radio Schedule
DONATE
Primary Menu
News
Radio & Podcasts
Radio Schedule
Ways to Stream
WKRN Listen App
TV
WKRN TV Schedule
Live TV
Watch on Demand
Stream Kids Shows
Arts
Events
Education
Support
Membership
WKRN Member Portal
Sponsorship
NEWSLETTERS
Night Shift
Science
Health
Why some of us never get lost
How some people find the car in any parking garage, and others cannot find the exit.
Air Date: November 19, 2026
Listen 48:10
We all know someone who never needs directions. On this episode of Night Shift, the host goes looking for the answer, from a brain-imaging lab to a search-and-rescue base camp in the hills.
Segments from this episode
Science
What your brain does when you just know the way home
A neuroscientist explains the brain region that keeps track of where we are.
Listen 13:42
Health
Why lost hikers walk downhill and how rescuers use it
A search-and-rescue volunteer on the predictable ways lost hikers behave.
Listen 11:08
Arts & Culture
In defense of the paper map
A cartographer on what folding a map teaches that a blue dot never will.
Listen 9:55
You may also like
"""


def test_a_public_radio_page_its_long_menu_and_its_segments_each_over_its_length() -> None:
    fmt, [ep] = read_text(PUBLIC_RADIO_PAGE)
    assert fmt == "text"
    assert ep.title == "Why some of us never get lost"
    assert ep.review_reasons == []
    assert [c.title for c in ep.chapters] == [
        "What your brain does when you just know the way home",
        "Why lost hikers walk downhill and how rescuers use it",
        "In defense of the paper map",
    ]


def test_a_date_with_the_episodes_numbers_and_a_hosts_name_are_no_titles() -> None:
    lines = [
        "Small Batch Bakers",
        "Episodes",
        "About",
        "Small Batch Bakers",
        "Sourdough at Scale: Going from 20 Loaves to 2,000",
        "Small Batch Bakers",
        "Season 2 Episode 23",
        "Play Episode",
        "Pause Episode",
        "Mute/Unmute Episode",
        "Rewind 10 Seconds",
        "1x",
        "Fast Forward 30 seconds",
        "Nov 17, 2026 Season 2 Episode 23",
        "Jess Corrigan",
        "Two bakers ran a sourdough stall at the Saturday market for six years. Then a grocery"
        " chain called. In this episode they tell Jess what happened when their starter and their"
        " oven had to handle a hundredfold increase in volume.",
    ]
    pick = pick_title(lines)
    assert pick.title == "Sourdough at Scale: Going from 20 Loaves to 2,000" and not pick.doubts
    assert first_named("Jess Corrigan", lines[-1])
    assert not first_named("Small Batch Bakers", "a small bakery, Small things first")


def test_a_series_tag_in_brackets_names_the_show_shown_alone_above() -> None:
    assert (
        bracketed_name("[장바구니 경제학] 김장철 배춧값, 왜 매년 롤러코스터를 탈까")
        == "장바구니 경제학"
    )
    assert bracketed_name("【LIVE】 Night ferry") == "live"
    assert bracketed_name("No brackets here") is None


def test_a_photo_caption_ending_in_its_source_is_no_title() -> None:
    assert is_chrome(
        "조선일보 유튜브 ‘인생 2막 상담소’에 출연한 박영호(61)씨. /유튜브 ‘인생 2막 상담소’"
    )
    assert is_chrome("Hikers check a paper map at a junction. /Priya Anand")
    assert not is_chrome("Why 1/2 of us fail. And how / why")
