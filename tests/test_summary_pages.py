"""Summary sites' pages read whole: the title they sum up, points whose bullets the save
lost, chapters summed up in a few sentences each, and headings that say whose they are."""

# ruff: noqa: E501 - the pages are saved text: a paragraph is one line

from __future__ import annotations

from castdigest.readers.heading_words import heading_kind
from castdigest.readers.title_quoted import quoted_episode
from castdigest.readers.title_signals import summed_up
from page_reading import read_text

SUMMARY_SITE_PAGE = """Brieflet
Features
Pricing
Log in
Try Brieflet for free

Summaries / YouTube / Science

Summary of "Why Bridges Sing in the Wind | Span & Steel Ep. 12"

Span & Steel with Ines Varga
Published: Nov 12, 2026
Duration: 44:10
Watch on YouTube

Summarize any video with Brieflet and keep it in your library.

Key Takeaways

Long suspension bridges hum when wind sheds vortices off the deck at a steady rhythm.
Engineers add fairings and small fins to break the rhythm up, not to make the deck stiffer.
Most of the famous failures came from twisting, not from the up-and-down motion drivers feel.

Detailed Summary

00:00 Introduction
Ines introduces the episode and the bridge that kept its neighbours awake last winter.
She asks why a structure built for traffic should make any sound at all.

06:40 Vortices and rhythm
The guest explains how wind leaves a wake of swirls behind the deck.
When their rhythm matches the bridge's own, the deck starts to move.

21:15 Fixing a singing bridge
Fins, fairings and dampers each take a different share of the energy away.

Notable Quotes

"A bridge doesn't break because it moves. It breaks because it keeps moving the same way." – Ines Varga
"""


def test_a_summary_sites_page_with_unbulleted_points_and_timed_summary() -> None:
    fmt, [ep] = read_text(SUMMARY_SITE_PAGE)
    assert fmt == "summary-page"
    assert ep.title == "Why Bridges Sing in the Wind | Span & Steel Ep. 12"
    assert len(ep.takeaways) == 3
    assert ep.takeaways[1].startswith("Engineers add fairings")
    assert [(c.start, c.title) for c in ep.chapters] == [
        (0.0, "Introduction"),
        (400.0, "Vortices and rhythm"),
        (1275.0, "Fixing a singing bridge"),
    ]
    assert ep.duration == 2650.0
    assert ep.review_reasons == []


def test_what_a_summary_sites_heading_sums_up() -> None:
    assert summed_up('Summary of "Why Bridges Sing"') == "Why Bridges Sing"
    assert summed_up("Résumé de « Pourquoi les ponts chantent »") == "Pourquoi les ponts chantent"
    assert summed_up("Summary of the week in science") is None  # a title's own words
    assert summed_up("Summaries / YouTube") is None


def test_headings_opened_by_whose_they_are_in_cjk_scripts() -> None:
    assert heading_kind("番組のポイント") == "takeaways"
    assert heading_kind("この回のポイント") == "takeaways"
    assert heading_kind("本期要点") == "takeaways"
    assert heading_kind("이번 회 핵심 요약") == "takeaways"
    assert heading_kind("今回のゲスト") is None


BLOG_REVIEW = """티스토리
구독하기
[팟캐스트 리뷰] 〈저녁의 책상〉 41화 – 다시 책상 앞에 앉는 법
느린독자 2026. 11. 21. 09:14

요즘 저녁마다 챙겨 듣는 팟캐스트가 있다. 편집자 두 명이 진행하는 〈저녁의 책상〉인데, 이번 주에 올라온 41화 「다시 책상 앞에 앉는 법」은 듣다가 몇 번이나 멈추고 메모를 했을 정도로 좋았다. 잊어버리기 전에 정리해 둔다.

📌 에피소드 정보
- 프로그램: 저녁의 책상
- 진행: 서지안, 백도윤
- 공개일: 2026년 11월 19일
- 재생 시간: 58분

이번 화의 게스트는 작가 한유림. 오래 글을 쓰지 못하다가 다시 쓰기 시작한 경험을 솔직하게 들려줬다.

댓글 2
퇴근러 2026. 11. 21. 12:40
저도 이 에피소드 듣고 다시 일기를 쓰기 시작했어요.
"""


def test_a_blog_review_names_its_episode_after_its_number_in_the_prose() -> None:
    assert quoted_episode(BLOG_REVIEW.splitlines(), numbered_only=True) == (
        5,
        "다시 책상 앞에 앉는 법",
    )
    _, [ep] = read_text(BLOG_REVIEW)
    assert ep.title == "다시 책상 앞에 앉는 법"
    # the information panel's fields and the comment's time are no chapters
    assert ep.chapters == []


def test_an_episode_named_after_the_last_episodes_number_is_not_the_pages() -> None:
    prose = (
        "Last week I finally listened to the previous episode 87, “The Long Table”, and this "
        "week the new one is out. It was worth the wait, and I write more about it below."
    )
    assert quoted_episode([prose], numbered_only=True) is None
    prose = prose.replace("the previous episode 87", "episode 88")
    assert quoted_episode([prose], numbered_only=True) == (0, "The Long Table")
