"""Bidi controls in source or reader text: removed from headers, isolated in <bdi> in HTML."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import cast

import lxml.html
import pytest

from castdigest.models import CondensedQuote, Digest, Person, Provenance, Subscriber, Takeaway
from castdigest.render.email import render_email
from castdigest.render.message import build_message
from castdigest.render.site import render_digest_page
from castdigest.send.message import MessageBuilder, make_recipient, to_header
from castdigest.text.bidi import header_text, strip_bidi_controls
from render_sample import digest, settings

RLO = "\u202e"  # right-to-left override: "gpj.exe" shows as "exe.jpg"
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
MARKS = "\u200e\u200f\u061c"
TITLE = f"Invoice {RLO}gpj.exe and more"
SECRET = "s" * 32


def spoofed(digest_id: str = "2026-W48") -> Digest:
    """The sample digest with an override in every kind of source text of its first item."""
    d = digest(digest_id)
    first = d.sections[0].items[0]
    condensed = first.condensed.model_copy(
        update={
            "blurb": f"Blurb {RLO}1 txt",
            "takeaways": [Takeaway(text=f"Takeaway {RLO}2 txt", provenance=Provenance.SOURCE)],
            "quotes": [CondensedQuote(text=f"Quote {RLO}3 txt", speaker=f"Speaker {RLO}4")],
        }
    )
    first = first.model_copy(
        update={
            "title": TITLE,
            "show": f"Show {RLO}5",
            "guests": [Person(name=f"Guest {RLO}6")],
            "condensed": condensed,
        }
    )
    section = d.sections[0].model_copy(update={"items": [first, *d.sections[0].items[1:]]})
    return d.model_copy(update={"sections": [section, *d.sections[1:]]})


def outside_bdi(html: str, char: str = RLO) -> list[str]:
    """Text holding `char` that no <bdi> element encloses."""
    root = lxml.html.document_fromstring(html)
    found: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments (MSO conditionals)
        if el.text and char in el.text and not _in_bdi(el):
            found.append(el.text)
        parent = el.getparent()
        if el.tail and char in el.tail and (parent is None or not _in_bdi(parent)):
            found.append(el.tail)
        found += [v for v in el.attrib.values() if char in v]
    return found


def _in_bdi(el: lxml.html.HtmlElement) -> bool:
    return any(a.tag == "bdi" for a in [el, *el.iterancestors()])


def parse(data: bytes) -> EmailMessage:
    return cast(EmailMessage, message_from_bytes(data, policy=policy.default))


def test_header_text_drops_controls_and_keeps_marks() -> None:
    assert header_text(f"a{CONTROLS}b") == "ab"
    assert header_text(f"a{MARKS}b") == f"a{MARKS}b"
    assert header_text("line one\r\nline two\u2028three\x85four") == "line one line two three four"
    assert strip_bidi_controls(f"\u2067שלום\u2069 {RLO}x") == "שלום x"


def test_the_subject_loses_the_override_and_the_html_isolates_it() -> None:
    rendered = render_email(spoofed(), settings())
    assert rendered.subject == "Agents Weekly: Invoice gpj.exe and more and 4 more"
    assert RLO not in rendered.preheader  # the inbox preview line cannot isolate either
    assert outside_bdi(rendered.html) == []
    # title, show, guest, blurb, takeaway (also in the "This week" opener), quote, speaker
    assert rendered.html.count(RLO) == 8
    assert f"<bdi>{TITLE}</bdi>" in rendered.html
    message = build_message(
        rendered,
        settings(),
        to="reader@example.org",
        message_id="<m@example.org>",
        date=datetime(2026, 11, 23, tzinfo=UTC),
    )
    wire = parse(message.as_bytes())
    assert wire["Subject"] == "Agents Weekly: Invoice gpj.exe and more and 4 more"


def test_a_blurb_shown_alone_is_isolated_too() -> None:
    d = spoofed()
    first = d.sections[0].items[0]
    first = first.model_copy(
        update={"condensed": first.condensed.model_copy(update={"takeaways": []})}
    )
    d.sections[0].items[0] = first
    html = render_email(d, settings()).html
    assert "<bdi>Blurb \u202e1 txt</bdi>" in html
    assert outside_bdi(html) == []


def test_the_sent_message_strips_the_name_header_and_isolates_it_in_the_body() -> None:
    d = spoofed()
    builder = MessageBuilder(d, settings())
    reader = Subscriber(email="eve@mail.example.com", name=f"Eve {RLO}lanretni")
    rcpt = make_recipient(reader, d, settings(), SECRET)
    wire = parse(builder.wire(rcpt, datetime(2026, 11, 23, tzinfo=UTC)))
    assert wire["Subject"] == "Agents Weekly: Invoice gpj.exe and more and 4 more"
    assert str(wire["To"]) == "Eve lanretni <eve@mail.example.com>"
    html = wire.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert f"Hi <bdi>Eve {RLO}lanretni</bdi>," in html
    assert outside_bdi(html) == []


def test_to_header_of_a_name_with_controls_and_a_line_break() -> None:
    reader = Subscriber(email="a@mail.example.com", name=f"Ann{RLO}\r\nBcc: x")
    assert to_header(reader) == '"Ann Bcc: x" <a@mail.example.com>'  # one line, quoted


def test_the_web_version_isolates_source_text() -> None:
    page = render_digest_page(spoofed(), settings())
    assert outside_bdi(page) == []
    # title, show, guest, blurb, takeaway (also in the opener), quote, speaker
    assert page.count(RLO) == 8
    assert f"<bdi>{TITLE}</bdi>" in page
    assert "<bdi>Show \u202e5</bdi> · with <bdi>Guest \u202e6</bdi> · " in page


@pytest.mark.parametrize("mark", list(MARKS))
def test_direction_marks_stay_in_the_subject(mark: str) -> None:
    d = spoofed()
    d.sections[0].items[0] = d.sections[0].items[0].model_copy(update={"title": f"שלום{mark} 2"})
    assert render_email(d, settings()).subject.startswith(f"Agents Weekly: שלום{mark} 2")


def test_a_stored_id_with_a_line_break_still_renders_to_one_subject_line() -> None:
    rendered = render_email(spoofed("bad\r\nid"), settings())
    message = build_message(
        rendered,
        settings(),
        to="reader@example.org",
        message_id="<m@example.org>",
        date=datetime(2026, 11, 23, tzinfo=UTC),
    )
    assert parse(message.as_bytes())["Subject"].startswith("Agents Weekly: Invoice")
