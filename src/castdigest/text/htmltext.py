"""HTML fragments (feed descriptions, show notes, HTML transcripts) to clean plain text.

Feeds put anything in `description` and `content:encoded`: paragraphs, lists, links, scripts,
entity soup. We walk the markup with the standard library's tolerant HTML parser, drop what is
never text (script, style, templates), turn block elements into line breaks and list items into
"- " lines, and collapse the whitespace inside each line. Links keep their text only: the
URL is not part of what an episode says.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

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
        elif tag in _BLOCK and tag != "li":  # the next <li> or the list's end breaks the line
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            # In HTML a line break in the source is a space; breaks come from the tags.
            self.parts.append(data if self.in_pre else _HTML_SPACE.sub(" ", data))


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|&[a-z]+;|&#\d+;", text))


def html_to_text(html: str | None) -> str:
    """Readable plain text of an HTML fragment: paragraphs separated by one blank line."""
    if not html:
        return ""
    if not looks_like_html(html):
        return _tidy(html)
    parser = _TextCollector()
    if not _STRUCTURE.search(html):
        parser.in_pre = 1  # text with a stray tag or entity: its own line breaks are the structure
    parser.feed(html)
    parser.close()
    return _tidy("".join(parser.parts))


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    joined = "\n".join(lines)
    return _MANY_BREAKS.sub("\n\n", joined).strip()
