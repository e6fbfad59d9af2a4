"""Untrusted source text: escaped everywhere, http(s) links only, file names confined to out/."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from castdigest.errors import RenderError
from castdigest.models import Digest, DigestSection
from castdigest.pipeline.publish import publish, write_atomic
from castdigest.render.email import render_email
from castdigest.render.feeds import render_feeds
from castdigest.render.view import safe_name, safe_url
from castdigest.text.slugs import slugify
from render_sample import digest, item, settings

SCRIPT = "<script>alert('x')</script>"
LONG = "Very long title " * 640  # 10 KB


def hostile() -> Digest:
    evil = item(1, "../../etc", 1, title=SCRIPT + ' "><img src=x onerror=alert(1)>')
    evil.url = "javascript:alert(document.cookie)"
    evil.show = "<b>Show</b>"
    evil.tags = ["../../../tmp/pwned", "<i>tag</i>"]
    evil.language = 'fr" onmouseover="alert(1)'
    evil.condensed.takeaways[0].text = "Click <a href='javascript:alert(1)'>here</a>"
    evil.condensed.quotes[0].link = "javascript:alert(2)"
    evil.condensed.quotes[0].speaker = "</blockquote><script>alert(3)</script>"
    evil.condensed.blurb = "<iframe src='https://evil.example/'></iframe>"
    long = item(2, "../../etc", 2, title=LONG)
    long.url = "  JAVASCRIPT:alert(1)"
    d = digest()
    d.id = "../../escape"
    d.intro = "Hi <script>alert(4)</script> [click](javascript:alert(5)) ![i](data:x)"
    d.sections.append(
        DigestSection(topic="../../etc", name="<script>Topic</script>", items=[evil, long])
    )
    return d


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("out")
    publish(hostile(), settings(), root / "out")
    return root / "out"


def test_every_file_stays_inside_out(out: Path) -> None:
    assert list(out.parent.iterdir()) == [out]
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders == ["escape", "feeds"]
    feeds = sorted(p.name for p in (out / "feeds").iterdir())
    assert "etc.rss" in feeds and all("/" not in f and not f.startswith(".") for f in feeds)


class Links(HTMLParser):
    """Every URL-bearing attribute and every element name of an HTML document."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.tags: set[str] = set()
        self.handlers: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction") and value is not None:
                self.urls.append(value)
            if name.startswith("on"):
                self.handlers.append(name)


def _check_html(html: str, where: str) -> None:
    links = Links(html)
    assert "script" not in links.tags and "iframe" not in links.tags, where
    assert not links.handlers, where
    for url in links.urls:
        ok = url.startswith(("https://", "http://", "#", "../", "feeds", "{{")) or url.endswith(
            "index.html"
        )
        assert ok, f"{where}: {url}"


def test_html_outputs_have_no_script_handlers_or_unsafe_links(out: Path) -> None:
    for name in ("escape/email.html", "escape/index.html", "index.html"):
        _check_html((out / name).read_text(encoding="utf-8"), name)


def test_feed_html_is_sanitised(out: Path) -> None:
    for ext in ("rss", "atom"):
        parsed = feedparser.parse((out / "feeds" / f"etc.{ext}").read_bytes())
        for entry in parsed.entries:
            _check_html(entry.content[0].value, f"etc.{ext}")
    data = json.loads((out / "feeds" / "etc.json").read_text(encoding="utf-8"))
    for entry in data["items"]:
        _check_html(entry["content_html"], "etc.json")
        assert entry["url"].startswith("https://")


def test_markup_is_escaped_not_dropped(out: Path) -> None:
    html = (out / "escape" / "email.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in html
    assert "&lt;b&gt;Show&lt;/b&gt;" in html
    assert "onmouseover" not in html  # a malformed language tag is dropped
    text = (out / "escape" / "email.txt").read_text(encoding="utf-8")
    assert SCRIPT in text  # plain text shows the characters as they are, harmlessly


def test_javascript_urls_are_not_links(out: Path) -> None:
    html = (out / "escape" / "email.html").read_text(encoding="utf-8")
    assert 'href="javascript' not in html.lower()
    text = (out / "escape" / "email.txt").read_text(encoding="utf-8")
    footnotes = [line for line in text.splitlines() if line.startswith("[")]
    assert footnotes and all(" https://" in line for line in footnotes)


def test_long_title_is_clipped_in_subject_and_preheader() -> None:
    r = render_email(hostile(), settings(), topics=["../../etc"])
    assert len(r.subject) <= 100
    assert len(r.preheader) <= 140
    assert LONG.strip() in r.html  # the item itself keeps its title


def test_feeds_stay_valid(out: Path) -> None:
    for ext in ("rss", "atom"):
        parsed = feedparser.parse((out / "feeds" / f"etc.{ext}").read_bytes())
        assert parsed.bozo == 0
        assert len(parsed.entries) == 2
        assert parsed.entries[0].link == "https://digest.example.org/escape/#ep-ep0001"
    data = json.loads((out / "feeds" / "etc.json").read_text(encoding="utf-8"))
    assert "<script" not in data["items"][0]["content_html"]
    assert "&lt;script&gt;" in data["items"][0]["title"] or SCRIPT in data["items"][0]["title"]


def test_unsafe_urls_and_names() -> None:
    assert safe_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&c=2"
    bad_urls = [
        "javascript:alert(1)",
        "data:text/html,x",
        "//evil.example",
        "ftp://x.org/",
        'https://x.org/"onmouseover=1',
        "https://x.org/\nSet-Cookie",
        "http:///nohost",
    ]
    for bad in bad_urls:
        assert safe_url(bad) is None, bad
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("Ça va ?") == "ca-va"
    assert slugify("日本語").startswith("t-")
    assert safe_name("../..") not in ("", ".", "..")
    assert safe_name("2026-W48") == "2026-W48"


def test_write_atomic_refuses_to_leave_out(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="outside the output folder"):
        write_atomic(tmp_path / "out", "../evil.html", b"x")
    assert not (tmp_path / "evil.html").exists()


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(min_size=1, max_size=200), takeaway=st.text(min_size=1, max_size=200))
def test_any_text_renders_escaped(title: str, takeaway: str) -> None:
    it = item(1, "evals", 1, title=title)
    it.condensed.takeaways[0].text = takeaway
    d = digest()
    d.sections = [DigestSection(topic="evals", name="Evaluations", items=[it])]
    r = render_email(d, settings())
    _check_html(r.html, "email")
    files = render_feeds(d, settings())
    assert feedparser.parse(files["feeds/evals.rss"]).bozo == 0


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(RenderError, match="cannot write") as info:
        publish(digest(), settings(), tmp_path / "out")
    assert info.value.where is not None and str(tmp_path / "out") in info.value.where
