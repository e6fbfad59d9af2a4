"""The email: golden HTML/text/.eml, personalisation, accessibility, size trimming, MIME."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import UTC, datetime

import pytest

from castdigest.errors import RenderError
from castdigest.pipeline.publish import preview_eml, publish
from castdigest.render.email import MAX_HTML_BYTES, UNSUBSCRIBE_PLACEHOLDER, render_email
from castdigest.render.message import build_message
from render_sample import big_digest, check_golden, digest, mask_eml, settings


@pytest.fixture(scope="module")
def rendered():  # type: ignore[no-untyped-def]
    return render_email(digest(), settings())


def test_golden_email_html(rendered) -> None:  # type: ignore[no-untyped-def]
    check_golden("email.html", rendered.html)


def test_golden_email_txt(rendered) -> None:  # type: ignore[no-untyped-def]
    check_golden("email.txt", rendered.text)


def test_golden_email_eml(rendered) -> None:  # type: ignore[no-untyped-def]
    check_golden("email.eml", mask_eml(preview_eml(rendered, digest(), settings()).decode()))


def test_same_digest_gives_identical_bytes(rendered) -> None:  # type: ignore[no-untyped-def]
    again = render_email(digest(), settings())
    assert again == rendered
    eml = preview_eml(rendered, digest(), settings())
    assert preview_eml(again, digest(), settings()) == eml


def test_subject_preheader_and_head(rendered) -> None:  # type: ignore[no-untyped-def]
    assert rendered.subject == (
        "Agents Weekly: Episode 1: notes on building reliable agent loops and 4 more"
    )
    # the preheader says what the subject does not: how much, and the top story's point
    assert rendered.preheader == (
        "5 episodes from 4 shows: Takeaway 1 of episode 1: keep the loop small and check each step."
    )
    html = rendered.html
    assert rendered.preheader in html  # the hidden <mj-preview> div
    assert '<meta name="color-scheme" content="light dark"' in html
    assert '<meta name="supported-color-schemes" content="light dark"' in html
    assert "@media (prefers-color-scheme: dark)" in html
    assert '<html lang="en" dir="ltr"' in html
    assert "fonts.googleapis.com" not in html  # no external assets


def test_structure_headings_toc_and_items(rendered) -> None:  # type: ignore[no-untyped-def]
    html = rendered.html
    assert re.search(r"<h1[^>]*>Agents Weekly</h1>", html)
    assert html.count("<h2") == 5  # "This week", "In this issue" and three topics
    assert html.count("<h3") == 5
    assert 'href="https://digest.example.org/2026-W48/#topic-evals"' in html
    # per item: linked title, show, guests, duration, takeaways, quotes with their times
    # source text sits in <bdi>, isolated from the text around it
    assert re.search(
        r'href="https://media.example.com/watch/ep0001"[^>]*><bdi>Episode 1: notes', html
    )
    assert "<bdi>Show 2</bdi> · with <bdi>Guest 1 (Example Labs)</bdi> · 31:37" in html
    assert "Takeaway 3 of episode 1" in html
    # media.example.com is not known to take a start time: the time is said, not linked
    assert "<bdi>Speaker 1</bdi>, 1:01</span>" in html
    assert "<bdi>Speaker 2</bdi>, 2:01</span>" in html
    assert "ep0001?t=61" not in html and "ep0001#t=121" not in html
    assert re.search(r'href="https://digest.example.org/feeds/evals.rss"[^>]*>RSS feed</a>', html)
    # the intro is Markdown, rendered
    assert "<strong>Five</strong>" in html


def test_language_badge_only_for_other_languages(rendered) -> None:  # type: ignore[no-untyped-def]
    html = rendered.html
    assert html.count('class="cd-badge"') == 1
    assert re.search(r'<h3 lang="fr" dir="ltr"[^>]*>', html)
    assert ">FR</span>" in html


def test_css_is_inlined(rendered) -> None:  # type: ignore[no-untyped-def]
    assert re.search(r'<h3 lang="fr" dir="ltr" style="[^"]*font-size: 18px', rendered.html)
    assert re.search(
        r'<a href="https://media.example.com/watch/ep0002" style="[^"]*color', rendered.html
    )
    assert "mj-style" not in rendered.html


def test_footer_has_feeds_web_version_unsubscribe_and_address(rendered) -> None:  # type: ignore[no-untyped-def]
    html = rendered.html
    assert re.search(r'href="\{\{unsubscribe_url\}\}"[^>]*>Unsubscribe</a>', html)
    assert "12 Example Street, 1000 Sampletown" in html
    assert re.search(r'href="https://digest.example.org/feeds/all.rss"[^>]*>Everything</a>', html)
    assert re.search(r'href="https://digest.example.org/2026-W48/"[^>]*>Web version</a>', html)
    assert f"Unsubscribe: {UNSUBSCRIBE_PLACEHOLDER}" in rendered.text


def test_text_part_has_footnoted_links(rendered) -> None:  # type: ignore[no-untyped-def]
    text = rendered.text
    assert "one in French [2]." in text  # Markdown links in the intro become footnotes too
    assert "Episode 1: notes on building reliable agent loops [3]" in text
    assert "\n[3] https://media.example.com/watch/ep0001\n" in text
    assert "<" not in text.replace("<MASKED>", "")  # no HTML in the text part
    assert max(len(line) for line in text.splitlines() if not line.startswith("[")) <= 90


def test_personalised_topics_name_and_links() -> None:
    r = render_email(
        digest(),
        settings(),
        topics=["voice", "evals"],
        recipient_name="Ana  Lima",
        unsubscribe_url="https://digest.example.org/u/abc?t=1",
        preferences_url="https://digest.example.org/prefs/abc",
    )
    assert "Hi <bdi>Ana Lima</bdi>," in r.html and "Hi Ana Lima," in r.text
    assert "Your topics: Evaluations, Voice &amp; audio" in r.html
    assert "Coding agents" not in r.html.split("Feeds:")[0]  # only chosen sections
    assert "Episode 1:" not in r.html
    assert r.subject.startswith("Agents Weekly: Episode 3:")
    assert re.search(r'href="https://digest.example.org/u/abc\?t=1"[^>]*>Unsubscribe</a>', r.html)
    assert UNSUBSCRIBE_PLACEHOLDER not in r.html
    assert re.search(
        r'href="https://digest.example.org/prefs/abc"[^>]*>Choose your topics<', r.html
    )


def test_no_matching_topics_says_so() -> None:
    r = render_email(digest(), settings(), topics=["nope"])
    assert "Nothing new this week." in r.html
    assert "Your topics: none this week" in r.text
    assert r.subject == "Agents Weekly · 16–22 Nov 2026"


def test_unsafe_unsubscribe_url_is_refused() -> None:
    with pytest.raises(RenderError, match="unsubscribe_url must be an http"):
        render_email(digest(), settings(), unsubscribe_url="javascript:alert(1)")


def test_sixty_items_stay_under_the_clip_line_and_trimming_is_reported(tmp_path) -> None:  # type: ignore[no-untyped-def]
    big = big_digest(60)
    r = render_email(big, settings())
    size = len(r.html.encode())
    assert size <= MAX_HTML_BYTES
    assert 0 < r.trimmed < 60
    # trimmed items keep their linked title; the top item of every section stays in full
    assert r.html.count("<h3") == 60
    assert "Takeaway 1 of episode 1:" in r.html
    assert "Takeaway 1 of episode 20:" not in r.html  # rank 20 of its section: cut first
    assert "Takeaway 5 of episode 60:" in r.text  # the text part keeps everything
    assert f"To fit your inbox, {r.trimmed} episodes are shortened here." in r.html
    report = publish(big, settings(), tmp_path)
    assert report.trimmed == r.trimmed
    assert report.lines()[2] == (
        f"email.html: {r.trimmed} lower-ranked item(s) trimmed to stay under 100 KB"
        " (full text in the web version)"
    )


def test_huge_digest_falls_back_to_links_to_the_web_version() -> None:
    r = render_email(big_digest(240), settings())
    assert len(r.html.encode()) <= MAX_HTML_BYTES
    assert r.trimmed == 240  # every item cut: some to title-only, the rest to links
    assert re.search(r"\d+ more in Coding agents on the web version", r.html)


def test_build_message_is_multipart_alternative_utf8(rendered) -> None:  # type: ignore[no-untyped-def]
    s = settings(newsletter={"name": "Agents Hebdo", "sender": "Agents Hébdo <d@example.org>"})
    r = render_email(digest(), s)
    msg = build_message(
        r,
        s,
        to="Zoë Müller <zoe@example.net>",
        message_id="abc@example.org",
        date=datetime(2026, 11, 24, 7, 0, tzinfo=UTC),
        headers={"List-Unsubscribe": "<https://digest.example.org/u/x>", "To": "z@example.net"},
    )
    raw = msg.as_bytes()
    assert b"From: Agents =?utf-8?q?H=C3=A9bdo?= <d@example.org>" in raw  # RFC 2047
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed.get_content_type() == "multipart/alternative"
    parts = list(parsed.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert all(p.get_content_charset() == "utf-8" for p in parts)
    assert parts[0].get_content() == r.text
    assert parts[1].get_content() == r.html
    assert parsed["Message-ID"] == "<abc@example.org>"
    assert parsed["To"] == "z@example.net"  # `headers` replaces
    assert parsed.get_all("To") == ["z@example.net"]
    assert parsed["List-Unsubscribe"] == "<https://digest.example.org/u/x>"
    assert parsed["Date"] == "Tue, 24 Nov 2026 07:00:00 +0000"


def test_build_message_rejects_naive_dates(rendered) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="timezone-aware"):
        build_message(rendered, settings(), to="a@b.c", message_id="x@y", date=datetime(2026, 1, 1))


def test_templates_dir_overrides_a_template(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "email").mkdir()
    (tmp_path / "email" / "digest.txt.j2").write_text("Custom {{ d.id }} {{ d.count }}\n")
    r = render_email(digest(), settings(templates_dir=str(tmp_path)))
    assert r.text == "Custom 2026-W48 5\n"
    assert "<h1" in r.html  # the other templates still come from the built-in folder


def test_broken_override_template_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "email").mkdir()
    (tmp_path / "email" / "digest.txt.j2").write_text("line one\n{% if %}\n")
    with pytest.raises(RenderError) as info:
        render_email(digest(), settings(templates_dir=str(tmp_path)))
    assert info.value.line == 2
    assert str(info.value).startswith(str(tmp_path / "email" / "digest.txt.j2") + ":2: template")


def test_right_to_left_newsletter_and_items() -> None:
    r = render_email(digest(), settings(newsletter={"name": "نشرة", "language": "ar"}))
    assert '<html lang="ar" dir="rtl"' in r.html
    assert "text-align:right" in r.html.replace(" ", "")
    d = digest()
    d.sections[0].items[0].language = "he"
    html = render_email(d, settings()).html
    assert re.search(r'<h3 lang="he" dir="rtl" style="[^"]*text-align: right', html)
    assert ">HE</span>" in html
