"""HTML fragments (feed descriptions, show notes, HTML transcripts) to clean plain text.

Feeds put anything in `description` and `content:encoded`: paragraphs, lists, links, scripts,
entity soup. We walk the markup with the standard library's tolerant HTML parser, drop what is
never text (script, style, templates), turn block elements into line breaks and list items into
"- " lines, and collapse the whitespace inside each line. Links keep their text only: the
URL is not part of what an episode says.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from castdigest.text.normalize import strip_controls

_BLOCK = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
}  # fmt: skip
_SKIP = {"script", "style", "template", "noscript", "head", "title", "iframe", "object", "svg"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_MANY_BREAKS = re.compile(r"\n{3,}")
_HTML_SPACE = re.compile(r"\s+")
_CHARREF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
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
        elif tag in _BLOCK and tag != "li":  # the next <li> or the list's end breaks the line
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            # In HTML a line break in the source is a space; breaks come from the tags.
            self.parts.append(data if self.in_pre else _HTML_SPACE.sub(" ", data))


def tame_charrefs(text: str) -> str:
    """Numeric character references that name no character (&#0;, a surrogate, beyond
    U+10FFFF, or thousands of digits long) rewritten as &#xFFFD;, which is what HTML5 decodes
    them to: `chr()` and `int()` refuse them, and parsers built on those raise."""
    return _CHARREF.sub(_tame, text) if "&#" in text else text


def _tame(m: re.Match[str]) -> str:
    hexa, dec = m.groups()
    digits = (hexa or dec).lstrip("0")
    if len(digits) > 7:
        return "&#xFFFD;"
    value = int(digits or "0", 16 if hexa else 10)
    if value == 0 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return "&#xFFFD;"
    return m.group(0)


def bad_charrefs(text: str) -> int:
    """How many numeric character references in `text` name no character (what
    `tame_charrefs` replaces): a sign of damaged input worth a warning."""
    if "&#" not in text:
        return 0
    return sum(_tame(m) != m.group(0) for m in _CHARREF.finditer(text))


def unescape(text: str) -> str:
    """`html.unescape`, safe on any input (see `tame_charrefs`)."""
    return html.unescape(tame_charrefs(text))


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|&[a-z]+;|&#\d+;", text))


def html_to_text(markup: str | None) -> str:
    """Readable plain text of an HTML fragment: paragraphs separated by one blank line, no
    control characters."""
    if not markup:
        return ""
    if not looks_like_html(markup):
        return _tidy(markup)
    parser = _TextCollector()
    if not _STRUCTURE.search(markup):
        parser.in_pre = 1  # text with a stray tag or entity: its own line breaks are the structure
    parser.feed(tame_charrefs(markup))
    parser.close()
    return _tidy("".join(parser.parts))


def _tidy(text: str) -> str:
    text = strip_controls(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    joined = "\n".join(lines)
    return _MANY_BREAKS.sub("\n\n", joined).strip()
