"""Markup in source text never becomes live HTML in a feed reader (RSS, Atom, JSON Feed).

Each check reads the feed as a reader does: parse the XML (or JSON), take the text of the
fields readers render as HTML, parse that as HTML, and look for the attack's elements.
"""

from __future__ import annotations

import json
from xml.etree import ElementTree

import lxml.html
import pytest

from castdigest.models import Provenance, Takeaway
from castdigest.render.feeds import render_feeds
from render_sample import digest, settings

IMG = "<img src=x onerror=alert(1)>"
LINK = '<a href="javascript:alert(1)">x</a>'
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def hostile(blurb: str = f"Before {IMG} and {LINK} after & so on.") -> dict[str, bytes]:
    d = digest()
    first = d.sections[0].items[0]
    condensed = first.condensed.model_copy(
        update={
            "blurb": blurb,
            "takeaways": [Takeaway(text=f"Takeaway {IMG} {LINK}", provenance=Provenance.SOURCE)],
        }
    )
    first = first.model_copy(update={"title": f"Title {IMG} {LINK}", "condensed": condensed})
    section = d.sections[0].model_copy(update={"items": [first, *d.sections[0].items[1:]]})
    d = d.model_copy(update={"sections": [section, *d.sections[1:]]})
    return render_feeds(d, settings())


def live_attacks(fragment: str) -> list[str]:
    """Event-handler attributes and javascript: links in `fragment` read as HTML."""
    if not fragment.strip():
        return []
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    found: list[str] = []
    for el in root.iter():
        for name, value in el.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{el.tag} {name}>")
            if value.strip().lower().startswith("javascript:"):
                found.append(f"<{el.tag} {name}={value}>")
        if el.tag in ("img", "script"):
            found.append(f"<{el.tag}>")
    return found


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return hostile()


def test_rss_description_is_escaped_once_and_inert(files: dict[str, bytes]) -> None:
    root = ElementTree.fromstring(files["feeds/coding-agents.rss"])
    item = root.find("channel/item")
    assert item is not None
    description = item.findtext("description") or ""
    # the text of the field is HTML that shows the markup as text
    assert description == (
        "Before &lt;img src=x onerror=alert(1)&gt; and "
        '&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt; after &amp; so on.'
    )
    assert live_attacks(description) == []
    assert lxml.html.fragment_fromstring(description, create_parent="div").text_content() == (
        f"Before {IMG} and {LINK} after & so on."
    )


def test_rss_description_falls_back_to_an_inert_title() -> None:
    root = ElementTree.fromstring(hostile(blurb="")["feeds/coding-agents.rss"])
    description = root.findtext("channel/item/description") or ""
    assert description.startswith("Title &lt;img src=x onerror=alert(1)&gt;")
    assert live_attacks(description) == []


def test_every_rss_html_field_is_inert(files: dict[str, bytes]) -> None:
    for name in ("feeds/coding-agents.rss", "feeds/all.rss"):
        root = ElementTree.fromstring(files[name])
        for item in root.iter("item"):
            for field in ("description", CONTENT):
                assert live_attacks(item.findtext(field) or "") == [], (name, field)
        assert live_attacks(root.findtext("channel/description") or "") == []


def test_atom_summary_is_text_and_content_is_inert(files: dict[str, bytes]) -> None:
    root = ElementTree.fromstring(files["feeds/coding-agents.atom"])
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    summary = entry.find(f"{ATOM}summary")
    assert summary is not None and summary.get("type") in (None, "text")
    assert summary.text == f"Before {IMG} and {LINK} after & so on."  # text: shown as is
    content = entry.find(f"{ATOM}content")
    assert content is not None and content.get("type") == "html"
    assert "Takeaway" in (content.text or "")
    assert live_attacks(content.text or "") == []


def test_json_feed_content_html_is_inert_and_summary_is_text(files: dict[str, bytes]) -> None:
    feed = json.loads(files["feeds/coding-agents.json"])
    first = feed["items"][0]
    assert first["summary"] == f"Before {IMG} and {LINK} after & so on."  # plain text by spec
    assert "Takeaway" in first["content_html"]
    for entry in feed["items"]:
        assert live_attacks(entry["content_html"]) == []
