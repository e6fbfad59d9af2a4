"""Episodes a page suggests besides its own are taken off before it is read; a title is the
line its page's paragraphs talk about."""

from __future__ import annotations

from castdigest.readers.base import Document
from castdigest.readers.suggested import without_suggestions
from castdigest.readers.title_lines import about_share, body_terms

BODY = (
    "In dieser Folge spricht die Gastgeberin mit einem Stadtplaner darüber, warum leere "
    "Kaufhäuser zu Wohnungen werden sollten und was Kommunen dafür ändern müssen."
)
EPISODE = ["Folge 12 – Wohnraum in der Innenstadt", "Stadtgespräch", "14. März 2025", "", BODY]
SUGGESTED = ["Folge 11 – Der Streit um die Straßenbahn", "7. März 2025", "Impressum · Datenschutz"]


def _doc(lines: list[str]) -> Document:
    text = "\n".join(lines) + "\n"
    return Document(location="page.txt", data=text.encode(), text=text)


def test_the_suggestions_under_their_heading_are_cut_and_the_footer_kept() -> None:
    for heading in (
        "Weitere Folgen",
        "More episodes like this",
        "他のエピソード",
        "## Autres épisodes",
    ):
        doc = without_suggestions(_doc([*EPISODE, "", heading, *SUGGESTED]))
        assert doc.text.splitlines() == [*EPISODE, "", "Impressum · Datenschutz"]


def test_a_listing_or_a_page_without_a_body_keeps_every_line() -> None:
    listing = ["Folgen", "Folge 3", "3. März 2025", "Folge 2", "24. Feb. 2025", BODY]
    doc = _doc([*listing, "Weitere Folgen", *SUGGESTED])
    assert without_suggestions(doc) is doc  # two dates above the heading: a listing
    bare = _doc(["Folge 12", "Stadtgespräch", "14. März 2025", "Weitere Folgen", *SUGGESTED])
    assert without_suggestions(bare) is bare  # no body above it: nothing says it is one episode
    top = _doc(["Weitere Folgen", *EPISODE, *SUGGESTED])
    assert without_suggestions(top) is top  # a heading over the page itself
    html = _doc(["<html><body>", *EPISODE, "Weitere Folgen", *SUGGESTED, "</body></html>"])
    assert without_suggestions(html) is html  # markup: the HTML reader knows its own parts


def test_a_title_says_what_the_paragraphs_are_about_and_a_shows_name_does_not() -> None:
    about = body_terms(
        [BODY, "Kommunen und Wohnungen: die Frage, wer die Innenstadt nutzt und " * 2]
    )
    assert about_share("Wohnungen für die Innenstadt", about) == 1.0
    assert about_share("Stadtgespräch", about) == 0.0  # one word: no evidence either way
    assert about_share("Civic Ledger Weekly", about) == 0.0
    assert about_share(BODY, about) == 0.0  # a paragraph is no title


def test_a_run_of_short_entries_under_the_episode_is_cut_without_a_known_heading() -> None:
    others = [
        "Folge 11 – Der Streit um die Straßenbahn",
        "7. März 2025 · 41 Min.",
        "Folge 10 – Brücken aus Holz",
        "28. Feb. 2025 · 38 Min.",
    ]
    comments = [
        "Anna K.",
        "vor 2 Tagen",
        "Danke für diese Folge!",
        "Jonas",
        "vor 3 Tagen",
        "Super.",
    ]
    footer = "© 2026 Stadtgespräch"
    # Under a heading the vocabulary does not know, and after the readers' comments.
    doc = without_suggestions(_doc([*EPISODE, "", "Noch mehr hören", *others, footer]))
    assert doc.text.splitlines() == [*EPISODE, "", footer]
    doc = without_suggestions(_doc([*EPISODE, "", *comments, "", *others]))
    assert doc.text.splitlines() == EPISODE


def test_entries_with_bodies_or_one_entry_alone_are_kept() -> None:
    listing = _doc(
        [*EPISODE, "Folge 11 – Der Streit", "7. März 2025", BODY, "Folge 10", "28. Feb."]
    )
    assert without_suggestions(listing) is listing  # entries with their own paragraphs
    one = _doc([*EPISODE, "", "Folge 11 – Der Streit um die Straßenbahn", "7. März 2025"])
    assert without_suggestions(one) is one  # a single entry: not a run


def test_a_comment_thread_after_the_episode_is_cut_with_what_follows() -> None:
    thread = ["댓글 412개", "정렬 기준", "", "@harbour_fan", "3일 전", "좋은 방송 감사합니다", "97"]
    related = ["18:44", "다른 채널의 영상", "조회수 42만회 • 2개월 전"]
    doc = without_suggestions(_doc([*EPISODE, "", *thread, "", *related]))
    lines = doc.text.splitlines()
    assert lines[: len(EPISODE)] == EPISODE
    # Only the page's furniture (handles, counters: chrome) is kept after the episode.
    assert "좋은 방송 감사합니다" not in lines and "다른 채널의 영상" not in lines
    assert "3일 전" not in lines


def test_a_description_in_short_sentence_lines_is_a_body_for_the_cut() -> None:
    episode = [
        "#412 年末に向けて「捨てる家計簿」をはじめよう",
        "3日前",
        "今日は、年末の大掃除とセットでおすすめしている家計簿のお話です。",
        "モノを1つ手放すたびに、買ったときの値段と理由をメモしておくだけ。",
        "続けていくと、自分がどんな気分のときにお金を使うのかが見えてきます。",
    ]
    thread = ["コメント 12", "みーこ", "2日前", "さっそく貼りました！", "ぽんず", "3日前", "本当に"]
    doc = without_suggestions(_doc([*episode, "", *thread]))
    assert doc.text.splitlines() == episode
