"""The shape of an issue: subject and preheader, the "This week" opener, the footer's feeds."""

from __future__ import annotations

import re

from castdigest.render.email import render_email
from castdigest.render.phrases import phrases
from castdigest.render.site import render_digest_page
from castdigest.render.view import SUBJECT_LIMIT, headline, subject_line
from render_sample import digest, settings

EN = phrases("en")


def test_subject_names_two_stories_when_they_fit() -> None:
    titles = ["GitHub's agent era", "OpenAI's data platform", "C", "D", "E"]
    assert subject_line("Agents Weekly", titles, EN, "x") == (
        "Agents Weekly: GitHub's agent era, OpenAI's data platform and 3 more"
    )
    assert subject_line("Agents Weekly", titles[:2], EN, "x") == (
        "Agents Weekly: GitHub's agent era and OpenAI's data platform"
    )
    assert subject_line("Agents Weekly", titles[:1], EN, "x") == "Agents Weekly: GitHub's agent era"
    assert subject_line("Agents Weekly", [], EN, "16–22 Nov 2026") == (
        "Agents Weekly · 16–22 Nov 2026"
    )


def test_a_long_top_title_is_shortened_at_a_word_boundary() -> None:
    long = "The Infrastructure Nightmare Nobody Is Talking About " * 3
    subject = subject_line("Agents Weekly", [long.strip(), "Second", "Third"], EN, "x")
    assert len(subject) <= SUBJECT_LIMIT
    assert subject.startswith("Agents Weekly: The Infrastructure Nightmare")
    assert subject.endswith("… and 2 more")
    assert "review" not in subject


def test_the_subject_drops_subtitles_that_would_crowd_it_out() -> None:
    assert headline("GitHub's Agent Era: 14x Commits, 200M Developers") == "GitHub's Agent Era"
    assert headline("Data platforms — what changed this year") == "Data platforms"
    assert headline("Episode 1: notes") == "Episode 1: notes"  # too little left
    assert headline("Well-known pre-trained models") == "Well-known pre-trained models"


def test_subject_words_follow_the_newsletter_language() -> None:
    titles = ["Un", "Deux", "Trois", "Quatre"]
    assert subject_line("Hebdo", titles, phrases("fr"), "x") == "Hebdo: Un, Deux et 2 autres"
    assert subject_line("Semanal", titles, phrases("es-MX"), "x") == ("Semanal: Un, Deux y 2 más")
    assert subject_line("Woche", titles, phrases("de"), "x") == "Woche: Un, Deux und 2 weitere"
    assert phrases("xx") == EN  # no row: English
    assert phrases("fr").this_week == "Cette semaine"


def test_subject_and_preheader_of_an_issue() -> None:
    r = render_email(digest(), settings())
    assert "2026-W48" not in r.subject
    assert r.subject.startswith("Agents Weekly: Episode 1: notes on building")
    assert r.preheader.startswith("5 episodes from 4 shows: Takeaway 1 of episode 1")
    fr = render_email(digest(), settings(newsletter={**_news(), "language": "fr"}))
    assert fr.preheader.startswith("5 épisodes de 4 émissions: ")
    assert fr.subject.endswith(" et 4 autres")


def _news() -> dict[str, object]:
    return settings().newsletter.model_dump()


def test_the_issue_opens_with_this_week_linking_to_the_items() -> None:
    r = render_email(digest(), settings())
    html = r.html
    opener = html.index("This week</h2>")
    assert opener < html.index("In this issue</h2>")
    first = re.search(r'href="#ep-ep0001"[^>]*><bdi>Takeaway 1 of episode 1', html)
    assert first and first.start() > opener
    assert 'id="ep-ep0001"' in html  # the anchor the opener links to
    assert len(re.findall(r'href="#ep-ep000\d"', html)) == 5
    text = r.text
    assert text.index("THIS WEEK") < text.index("IN THIS ISSUE")
    block = text[text.index("THIS WEEK") : text.index("IN THIS ISSUE")]
    assert block.count("  - Takeaway 1 of episode") == 5
    assert "(Episode 1: notes on building reliable agent loops)" in block
    page = render_digest_page(digest(), settings())
    assert page.index('<h2 id="this-week">This week</h2>') < page.index("In this issue")
    assert '<a href="#ep-ep0002"><bdi>Takeaway 1 of episode 2' in page


def test_the_footer_lists_only_topics_with_items() -> None:
    d = digest()
    d.sections = [s for s in d.sections if s.topic != "evals"]
    r = render_email(d, settings())
    footer = r.text[r.text.index("Feeds:") :]
    assert "Coding agents" in footer and "Voice & audio" in footer
    assert "Evaluations" not in footer
    assert "Everything" in footer
    page = render_digest_page(d, settings())
    assert "feeds/evals.rss" not in page
    assert "feeds/voice.rss" in page


def test_every_item_says_who_and_what_under_its_title() -> None:
    issue = digest()
    r = render_email(issue, settings())
    page = render_digest_page(issue, settings())
    for it in issue.items():
        blurb = it.condensed.blurb
        html_title = r.html.index(f"<bdi>{it.title}</bdi>")
        assert r.html.index(f"<bdi>{blurb}</bdi>", html_title) < r.html.index(
            f"<bdi>{it.condensed.takeaways[0].text}</bdi>", html_title
        )
        assert f"  {blurb}\n  * {it.condensed.takeaways[0].text}" in r.text
        assert f"<p><bdi>{blurb}</bdi></p>" in page


def test_a_blurb_that_only_repeats_a_takeaway_is_not_shown_twice() -> None:
    issue = digest()
    first = issue.items()[0]
    same = first.condensed.takeaways[0].text
    first.condensed.blurb = same
    r = render_email(issue, settings())
    assert r.text.count(same) == 2  # once in "This week", once as the takeaway
