"""A broadcaster's board saved with its cells tab-separated, a think tank's page with its
related content, a consultancy's notes page with a menu naming a section and people's cards
under its highlights, a news site's long headline right over its date."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from page_reading import read_text

TAB_TABLE = """본문 바로가기
한빛라디오
TV
라디오
편성표
로그인
한빛 FM 95.1MHz
홈 > 라디오 > 오후의 발견 > 다시듣기
오후의 발견, 서유나입니다
방송시간 : 월~금 오후 2:00 ~ 4:00
진행 : 서유나 | 연출 : 이도현
프로그램 소개
다시듣기
선곡표
다시듣기
전체 41건
번호\t제목\t작성자\t작성일\t조회
공지\t다시듣기 서비스 이용 안내\t관리자\t2026.02.01\t980
41\t11월 24일(화) [동네 산책] 영도 깡깡이마을 이야기 - 문화해설사 김도윤\t관리자\t2026.11.24\t210
40\t11월 23일(월) [생활 법률] 전세 계약 전에 꼭 볼 것 - 변호사 한지수\t관리자\t2026.11.23\t187
39\t11월 20일(금) [금요 라이브] 밴드 파도소리\t관리자\t2026.11.20\t264
1
2
다음
Copyright © 한빛라디오. All rights reserved.
"""


def test_a_boards_rows_saved_with_tabs_are_entries() -> None:
    # each row's longest text cell is its title, its one date cell its date; the notice
    # pinned above the numbered rows ("공지") is no episode
    reader, episodes = read_text(TAB_TABLE)
    assert reader == "listing"
    assert [
        (e.title, e.published.date().isoformat() if e.published else None) for e in episodes
    ] == [
        ("11월 24일(화) [동네 산책] 영도 깡깡이마을 이야기 - 문화해설사 김도윤", "2026-11-24"),
        ("11월 23일(월) [생활 법률] 전세 계약 전에 꼭 볼 것 - 변호사 한지수", "2026-11-23"),
        ("11월 20일(금) [금요 라이브] 밴드 파도소리", "2026-11-20"),
    ]


RELATED_CONTENT = """Skip to main content
Centre for Public Policy
Search
Menu
Research
Events
Podcasts
About us
Home
Podcasts
Policy Desk
Podcast
Councils in the red: can local government balance its books?
Two former council finance directors join the podcast to ask how many councils are close to the edge.
19 November 2026
Episode 42
Share this page
Copy link
A record number of councils have asked for emergency help this year. Host Laura Finch is joined by two former finance directors to ask what went wrong, and what a fix would cost.
Presented by Laura Finch. Produced by Tom Reid.
Topics
Local government
Public finances
Related people
Laura Finch
Programme Director
Related content
Report
Local government finances 2026
10 November 2026
Explainer
How are councils funded?
2 October 2026
Event
What next for local audit?
Tuesday 2 December 2026, 09:30 – 10:30
More podcasts
Policy Desk
Is the spending review already out of date?
12 November 2026
Policy Desk
Who really runs the NHS?
5 November 2026
"""


def test_related_content_is_no_listing() -> None:
    # under "Related content", a report, an explainer and an event, each with a date (the
    # event's hours among them): other pages, not entries of a listing
    _, episodes = read_text(RELATED_CONTENT)
    assert [e.title for e in episodes] == [
        "Councils in the red: can local government balance its books?"
    ]


NOTES_PAGE = """This website uses cookies to improve your experience. Read our privacy policy.
Accept all cookies
Skip to main content
Northfield Digital
What we do
Who we work with
Insights
Careers
About
Search
Insights
Podcasts
Tech Talks Weekly
Platform teams are products too: Treating internal tools like a business
November 18, 2026
Listen on these platforms
Spotify
Brief summary
Internal platforms often fail not because the technology is wrong but because nobody treats the developers who use them as customers.
Episode highlights
Give the platform a product manager and a roadmap that developers can read and comment on.
Measure adoption and time saved, not the number of features shipped.
Make the paved road the easy road: defaults beat mandates.
Podcast host
Maya Lindqvist
Principal Consultant, Northfield Digital
Podcast guests
Arjun Mehta
Head of Platform Engineering, Brightway Bank
Podcast transcript
Maya Lindqvist: Welcome to Tech Talks Weekly. I'm Maya Lindqvist.
Arjun Mehta: Thanks, Maya. Happy to be here.
Maya Lindqvist: Let's start with the obvious question. Why do platform teams struggle?
"""


def test_a_menus_insights_and_peoples_cards_are_no_highlights() -> None:
    # "Insights" between the menu's short items heads nothing; the cards under "Podcast
    # host" and "Podcast guests" end the highlights
    _, episodes = read_text(NOTES_PAGE)
    [episode] = episodes
    assert (
        episode.title == "Platform teams are products too: Treating internal tools like a business"
    )
    assert episode.takeaways == [
        "Give the platform a product manager and a roadmap that developers can read and comment on.",
        "Measure adoption and time saved, not the number of features shipped.",
        "Make the paved road the easy road: defaults beat mandates.",
    ]


LONG_HEADLINE = """Aller au contenu principal
Radio Étoile
Ecouter le direct
Rechercher
Accueil
Actualité
Politique
Economie
Société
Santé
Environnement
Culture
Sport
Emissions
Grille des programmes
Accueil » Actualité » Société
Goma : « Les jeunes peuvent vivre de la réparation des téléphones », selon le formateur Didier Kabasele
Publié le jeu, 19/11/2026 - 18:20 | Modifié le jeu, 19/11/2026 - 18:31
Dans un atelier du quartier Himbi, une vingtaine de jeunes apprennent chaque mois à réparer des téléphones et des radios, explique Didier Kabasele, invité de l'émission Parole aux auditeurs.
Selon lui, un réparateur formé peut gagner en une semaine ce qu'un vendeur ambulant gagne en un mois.
L'émission était animée par Sarah Mbala.
Ecoutez l'intégralité de l'émission :
Fichier audio
Télécharger
"""


def test_a_long_headline_right_over_its_date_is_no_lede() -> None:
    # the headline, longer than many ledes, holds no sentence and stands right over its
    # date: the menu's last item above it is no title over a lede
    _, episodes = read_text(LONG_HEADLINE)
    assert [e.title for e in episodes] == [
        "Goma : « Les jeunes peuvent vivre de la réparation des téléphones », selon le formateur Didier Kabasele"
    ]
