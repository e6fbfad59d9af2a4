"""`html_to_text` gives the text the standard library's HTML parser gave, string for string.

The implementation it replaced is kept below (`reference_html_to_text`, as it was, parser and
tidying included). The two are compared on every description, summary and content of the
feeds in ../shared/fixtures, on the whole HTML pages of ../shared (as the page reader passes
them), on hand-written fragments that take each way the markup can go, and on generated ones
(hypothesis, derandomized: the same examples on every run). bench/htmltext.py times both.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from castdigest.readers.feed_parser import parse_feed
from castdigest.text import htmltext
from castdigest.text.htmltext import html_to_text, tame_charrefs
from castdigest.text.normalize import strip_controls

# --- The implementation before the scanner: HTMLParser events, then tidying -----------------

_BLOCK = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
}  # fmt: skip
_SKIP = {"script", "style", "template", "noscript", "head", "title", "iframe", "object", "svg"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_MANY_BREAKS = re.compile(r"\n{3,}")
_HTML_SPACE = re.compile(r"\s+")
_STRUCTURE = re.compile(r"<(?:p|br|div|li|h[1-6]|ul|ol|table|tr|pre|blockquote)\b", re.I)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.in_pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag == "pre":
            self.in_pre += 1
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "pre":
            self.in_pre = max(0, self.in_pre - 1)
            self.parts.append("\n\n")
        elif tag in _BLOCK and tag != "li":
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data if self.in_pre else _HTML_SPACE.sub(" ", data))


def reference_looks_like_html(text: str) -> bool:
    return bool(re.search(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|&[a-z]+;|&#\d+;", text))


def reference_tidy(text: str) -> str:
    text = strip_controls(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    joined = "\n".join(lines)
    return _MANY_BREAKS.sub("\n\n", joined).strip()


def reference_html_to_text(markup: str | None) -> str:
    if not markup:
        return ""
    if not reference_looks_like_html(markup):
        return reference_tidy(markup)
    parser = _TextCollector()
    if not _STRUCTURE.search(markup):
        parser.in_pre = 1
    parser.feed(tame_charrefs(markup))
    parser.close()
    return reference_tidy("".join(parser.parts))


# --- Inputs ----------------------------------------------------------------------------------

FEED_SUFFIXES = {".xml", ".rss", ".atom"}
PAGE_SUFFIXES = {".html", ".htm", ".xhtml"}
FRAGMENT_TAGS = {"description", "encoded", "summary", "content"}  # encoded: content:encoded


def _inner_markup(element: etree._Element) -> str:
    """The element's content as written: its text, or the XHTML inside it."""
    children = "".join(etree.tostring(child, encoding="unicode") for child in element)
    return (element.text or "") + children


def xml_fragments(data: bytes) -> list[str]:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)
    root = etree.fromstring(data, parser)
    if root is None:
        return []
    return [
        _inner_markup(element)
        for element in root.iter()
        if isinstance(element.tag, str) and etree.QName(element).localname in FRAGMENT_TAGS
    ]


def _reader_fragments(data: bytes) -> list[str]:
    """What the feed reader passes to `html_to_text`: feedparser's summary and content."""
    fragments: list[str] = []
    for entry in parse_feed(data)["entries"]:
        fragments.append(entry.get("summary") or "")
        fragments += [content.get("value") or "" for content in entry.get("content", [])]
    return fragments


def feed_fragments(shared: Path) -> list[str]:
    fragments: list[str] = []
    for path in sorted((shared / "fixtures").rglob("*")):
        if path.suffix in FEED_SUFFIXES:
            data = path.read_bytes()
            fragments += xml_fragments(data) + _reader_fragments(data)
    return [f for f in fragments if f]


def pages(shared: Path) -> list[Path]:
    folders = [shared / name for name in ("pages-dev", "seeds", "fixtures")]
    return sorted(p for folder in folders for p in folder.rglob("*") if p.suffix in PAGE_SUFFIXES)


def _mismatches(fragments: list[str]) -> list[str]:
    return [f[:200] for f in fragments if html_to_text(f) != reference_html_to_text(f)]


# --- Real inputs -----------------------------------------------------------------------------


def test_every_feed_fragment_reads_as_before(shared: Path) -> None:
    fragments = feed_fragments(shared)
    assert len(fragments) > 300  # five feeds, a few hundred items between them
    assert _mismatches(fragments) == []


def test_every_html_page_reads_as_before(shared: Path) -> None:
    found = pages(shared)
    assert found
    for path in found:
        page = path.read_text(encoding="utf-8", errors="replace")
        assert html_to_text(page) == reference_html_to_text(page), path.name


def test_the_scanner_reads_the_real_inputs_itself(shared: Path) -> None:
    """The parser is the exception: every feed fragment and page of ../shared is scanned
    (a page with a processing instruction, a script holding "<!--" and a tag whose attribute
    follows a quoted value without a space among them)."""
    markups = feed_fragments(shared)
    markups += [p.read_text(encoding="utf-8", errors="replace") for p in pages(shared)]
    html = [tame_charrefs(m) for m in markups if htmltext.looks_like_html(m)]
    assert html
    assert [m[:200] for m in html if htmltext._scan(m, 0) is None] == []


# --- Hand-written fragments ------------------------------------------------------------------

TRICKY = [
    # lists, breaks, blocks
    "<ul><li>one</li><li>two<ul><li>nested</li></ul></li><li>three</ul>after",
    "<ol>\n  <li>first\n  <li>second\n</ol>",
    "a<br>b<br/>c<br />d<BR>e</br>f",
    "<p>one</p><p>two</p>\n\n\n<p>three</p><p></p><p>  </p>",
    "<div><div><p>deep</p></div></div>text<hr>more<hr/>end",
    "<h1>Title</h1><h2>Sub</h2><blockquote>quoted</blockquote><figure><figcaption>c",
    "<dl><dt>term<dd>definition</dl><address>here</address>",
    # pre: kept line breaks, the first newline after <pre>, nesting, stray end
    "<pre>\nline one\n  indented\n\tTabbed</pre>after",
    "<p>x</p><pre>a\n\nb</pre><pre><pre>in</pre>still\nraw</pre>not\nraw",
    "<p>x</p></pre>a\nb<pre/>c\nd",
    # skipped content
    "<p>a</p><script>var s = '<p>not text</p>'; if (a < b) {}</script>b",
    "<p>a</p><script type='text/javascript'><!--\ndocument.write('x');\n//--></script>b",
    "<p>a</p><style>p > a { color: red }</style><template><p>t</p></template>b",
    "<p>a</p><svg><title>icon</title><path d='M0 0'/></svg><svg/>b",
    "<html><head><title>Page &amp; title</title><meta charset=utf-8></head><body>x</body>",
    "<p>a</p><iframe src='https://x'></iframe><noscript><img src=x></noscript><object>o</object>b",
    "<p>a</p><script>never closed <p>x</p>",
    "<p>a</p><SCRIPT>x</Script>b<STYLE>y</style >c",
    "<p>a</p><script>x</script >b<script>y</ script>c",
    "<p>a</p><script>x</ script>y</script>z<style>u</ style>v</style>w",
    # stray and unclosed tags
    "</p>text</div></li></ul>more",
    "<p>unclosed <b>bold <i>italic",
    "<p>cut at the end</p><p",
    "<p>cut at the end</",
    '<p>cut in an attribute <a href="https://x',
    # entities
    "<p>&amp; &amp &lt;b&gt; &gt &quot;q&quot; &#39; &#x27; &apos;</p>",
    "<p>&nbsp;&nbsp;x&nbsp;y &copy &notit; &not &no<b>t</b></p>",
    "<p>&#0; &#x0; &#99999999999; &#xD800; &#1114112; &#65; &#x41</p>",
    "<p>&#" + "9" * 5000 + "; end</p>",
    "<p>&#10;line&#13;feed&#9;tab&#12;form</p>",
    "<p>&unknown; & alone && &# &#x; &;</p>",
    "Tom &amp; Jerry\nsecond line",
    # whitespace and control characters
    "<p>a\r\nb\rc\nd</p>",
    "<p>a\u00a0\u00a0b\u200bc\u3000d\u2003e</p>",
    "<p>a\u2028b\u2029c\x85d\x0be\x0cf\x1cg\x1fh</p>",
    "<p>\x00nul\x01soh\x7fdel\x9fapc\ud800surrogate</p>",
    "plain text\r\nwith CRLF\u00a0and NBSP\tand tab",
    # comments, declarations, processing instructions, CDATA
    "<p>a<!-- comment --></p><!-- <p>hidden</p> -->b",
    "<p>a<!--->b<!-->c<!-- x -- >d<!-- y --!>e</p>",
    "<!DOCTYPE html><p>a</p><!doctype><?xml version='1.0'?><?php echo 1 ?>b",
    "<p>a<![CDATA[<b>cdata</b>]]>b<!ELEMENT x>c<!x>d",
    "<p>unclosed comment <!-- never",
    # "<" that is not a tag
    "<p>a < b and c <= d, 1<2, x <-> y</p>",
    "if a < b then <3 hearts <",
    "a <b>bold</b> word",
    "a <b>bold</b> word\nsecond line",
    "line one\nline two &amp; three\n\n\nfour",
    "text with a stray </b> end tag\nand its own lines",
    # case, attributes
    "<P CLASS=x>Upper</P><Li>item</LI><TD>cell",
    '<a href="x>y" title=\'a>b\'>link</a><img alt="<p>" src=x>',
    '<span title="a"class="b"data-x=\'y\'>glued attributes</span>',
    "<a href=https://example.org/path/>unquoted slash</a><a b = 'c' d>e</a>",
    "<p>x</p><a b==c>d</a><a/b>e<a\tb\n=\n'c'>f</a><p/ >g",
    "<p>x</p><a b=c\u00a0d>e</a><b\x0b>f</b><a title=`x`>g</a>",
    "<o:p></o:p><my-widget data-x=1>custom</my-widget><x:y/>",
    # tables
    "<table><tr><th>Name<th>Age</tr><tr><td>Ann</td><td>42</td></tr></table>",
    "<table>\n  <tr>\n    <td> a </td>\n    <td>\n</td>\n  </tr>\n</table>",
    # self-closed forms
    "<p>a<li/>b<td/>c<pre/>d<div/>e<script/>f<style/>g<title/>h</p>",
    # elements read as raw text by later versions of the parser
    "<p>a<textarea>text &amp; area</textarea>b<textarea><b>x</b></textarea>c</p>",
    "<p>a<xmp><b>x</b></xmp>b<noembed>c</noembed><noframes>d</noframes><plaintext>e",
    "<p>a<title>t <b>x</b></title>b<iframe>&amp;<p>y</p></iframe>c</p>",
]


@pytest.mark.parametrize("markup", TRICKY)
def test_tricky_fragment_reads_as_before(markup: str) -> None:
    assert html_to_text(markup) == reference_html_to_text(markup)


@pytest.mark.parametrize(
    "markup",
    [
        "<p>a</p><script>x</script >b",
        '<span title="a"class="b">c</span>',
        "<!DOCTYPE html><?xml version='1.0'?><p>a<!-- c --></p>",
        "<p>a</p><script><!--\nx\n//--></script>",
        "<p>a<textarea>b</textarea></p>",
    ],
)
def test_common_markup_is_scanned(markup: str) -> None:
    assert htmltext._scan(markup, 0) is not None


@pytest.mark.parametrize(
    "markup",
    [
        "<p>a<![CDATA[x]]></p>",
        "<p>a</ p>",
        "<p>a<a b==c>d</a></p>",
        "<p>a<!-->b</p>",
        "<p>a<!-- x -- >b</p>",
        "<p>a</p><script>x</ script>y",
        "<p>a</p><script>x</ script>y</script>z",
        "<p>a<?x",
        "<p>a</p><script><!--<script>x</script>--></script>",
        "<p>a<title><b>x</b></title></p>",
        "<p>a<textarea><b>x</b></textarea></p>",
        "<p>a<xmp>x</xmp></p>",
        "<p>a<script/>b</p>",
        "<p>cut</p><p",
    ],
)
def test_markup_read_differently_by_versions_is_left_to_the_parser(markup: str) -> None:
    assert htmltext._scan(markup, 0) is None


# --- Generated fragments ---------------------------------------------------------------------

PIECES = [
    *("<p>", "</p>", "<P class=x>", "<br>", "<br/>", "<br />", "</br>", "<li>", "</li>"),
    *("<ul>", "</ul>", "<ol>", "<div>", "</div>", "<h2>", "</h2>", "<hr/>", "<li/>", "<p/>"),
    *("<pre>", "</pre>", "<PRE>", "<pre/>", "<td>", "<th>", "</td>", "<tr>", "<table>"),
    *("<script>", "</script>", "</SCRIPT>", "</script >", "<script type='a>b'>", "<script/>"),
    *("<style>", "</style>", "<title>", "</title>", "<textarea>", "</textarea>", "<xmp>"),
    *("<svg>", "</svg>", "<svg/>", "<template>", "</template>", "<head>", "</head>"),
    *("<iframe src=x>", "</iframe>", "<noscript>", "</noscript>", "<o:p>", "</o:p>"),
    *("<b>", "</b>", "<i\n>", '<a href="x>y">', "<a href=x/>", "</a>", "<a b = 'c'd>"),
    *("<span title='a'class=b>", "<a b==c>", "<a/b>", "<a b=c\u00a0d>", "<p\t/>", "</p\n>"),
    *("<!-- c -->", "<!-->", "<!--->", "<!-- a -- >", "<!--", "<![CDATA[x]]>", "<?x y?>"),
    *("<!DOCTYPE html>", "<!x>", "</>", "</ p>", "<p", "</p", '<a href="', "<", "< ", "<3"),
    *(">", "&", "&amp;", "&amp", "&nbsp;", "&#39;", "&#x27;", "&#0;", "&#99999999;", "&no"),
    *("&lt;p&gt;", "&#10;", "&#13;", " ", "  ", "\n", "\t", "\r\n", "\r", "\u00a0", "\u200b"),
    *("\u3000", "\u2028", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\x01", "\x7f", "\x9f"),
    *("t", "word", "Wörd", "x", "-", "- "),
]
CHARACTERS = "<>/!-?\"'= &#;pbrPlia\n \txyz\u00a0\r0123ſ"


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_generated_markup_reads_as_before(markup: str) -> None:
    assert html_to_text(markup) == reference_html_to_text(markup)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(alphabet=CHARACTERS, max_size=40))
def test_generated_character_soup_reads_as_before(markup: str) -> None:
    assert html_to_text(markup) == reference_html_to_text(markup)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    st.text(
        alphabet=" \t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u2003\u200b\u2028\u3000\x01\x9fab-", max_size=40
    )
)
def test_tidying_is_as_before(text: str) -> None:
    assert htmltext._tidy(text) == reference_tidy(text)
