"""HTML fragments (feed descriptions, show notes, HTML transcripts) to clean plain text.

Feeds put anything in `description` and `content:encoded`: paragraphs, lists, links, scripts,
entity soup. We drop what is never text (script, style, templates), turn block elements into
line breaks and list items into "- " lines, and collapse the whitespace inside each line. Links
keep their text only: the URL is not part of what an episode says.

What is a tag, a comment or text is what the standard library's tolerant HTML parser says:
`_TextCollector` turns its events into text. The parser runs Python code for every tag (a
quarter of a millisecond for a feed description), so `_scan` finds the same events with one
regular expression instead: start tags with plain attributes, end tags, comments, the doctype,
processing instructions, script and style with their content. It takes only the forms every
version of the parser reads alike (the 2025 releases changed how odd ones are read: raw text in
title and textarea, comments like `<!-->`, end tags like `</ p>`); at anything else
(`<![CDATA[`, `</ p>`, `<a b==c>`, a tag cut off at the end) it gives up and the parser reads
the fragment, so the text is the parser's in every case and odd markup costs what it did.
`_tidy` then works with string methods, which run at memory speed, where it can.
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
# What a start tag, an end tag and a self-closed tag (<br/>) put in the text; <pre> and the
# skipped elements also change how the text inside them is read (see `_TextCollector`).
_OPENS = {**dict.fromkeys(_BLOCK, "\n\n"), "br": "\n", "li": "\n- ", "td": " ", "th": " "}
_CLOSES = dict.fromkeys(_BLOCK - {"li"}, "\n\n")  # the next <li> or the list's end breaks
_SELF_CLOSED = {**dict.fromkeys(_BLOCK, "\n\n"), "br": "\n"}

# What separates a line's words besides " " (\r, \f and \v are line breaks to `strip_controls`).
_ODD_SPACES = ("\t", "\u00a0", "\u200b")
# What `strip_controls` changes in ASCII text, for a check at memory speed.
_ASCII_CONTROLS = bytes([*range(0x09), *range(0x0B, 0x20), 0x7F])
_HTML_SPACE = re.compile(r"\s+")
# The ASCII characters `str.isspace` takes: in ASCII text, what `_data` makes a space.
_ASCII_SPACES = ("\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")
_MANY_BREAKS = re.compile(r"\n\n\n+")  # not \n{3,}: a literal prefix is found much faster
_CHARREF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
_STRUCTURE = re.compile(r"<(?:p|br|div|li|h[1-6]|ul|ol|table|tr|pre|blockquote)\b", re.I)
_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|&[a-z]+;|&#\d+;")


def _anycase(word: str) -> str:
    """`word` in any case, ASCII letters only (re.IGNORECASE also takes "ſ" for "s")."""
    return "".join(f"[{c}{c.upper()}]" for c in word)


# The markup `_scan` reads: the forms on which every version of the parser agrees. Whitespace in
# a tag is ASCII only, names and unquoted values are plain (an attribute may follow a quoted
# value without a space), and possessive quantifiers keep a tag from being read in two ways.
_WS = r"[ \t\n\r\f]"
_NAME = r"[a-zA-Z][-.:a-zA-Z0-9_]*+"
_VALUE = r"""(?:"[^"]*+"|'[^']*+'|[^\s"'=<>`]++)"""
_ATTRIBUTES = (
    rf"""(?:(?:{_WS}++|(?<=["']))[-.:@a-zA-Z0-9_]++(?:{_WS}*+={_WS}*+{_VALUE})?)*+{_WS}*+"""
)

# A script or style start tag with its content, up to its end tag "</script>" (left for the
# next match). Their content is not markup to any version, but what ends it changed ("</ style>",
# "<!--<script>" in a script), so only content nothing else could end is taken: no "</style" of
# any form in a style, no "<script" or "</script" in a script. Title and iframe became such
# elements in the 2025 releases: their content is taken when it holds no "<".
_RAW = "|".join(
    [
        rf"{_anycase(name)}{_ATTRIBUTES}>[^<]*+(?:<(?!{slash}\s*(?i:{name}))[^<]*+)*+"
        rf"(?=</{_anycase(name)}{_WS}*+>)"
        for name, slash in (("script", "/?"), ("style", "/"))
    ]
    + [
        rf"{_anycase(name)}{_ATTRIBUTES}>[^<]*+(?=</{_anycase(name)}{_WS}*+>)"
        for name in ("title", "iframe")
    ]
)
_TOKEN = re.compile(
    rf"""<(?:
        /({_NAME}){_WS}*+>                              # 1: end tag (common: tried first)
      | ({_RAW})                                        # 2: skipped element and content
      | ({_NAME}){_ATTRIBUTES}(/?)>                      # 3: start tag, 4: "/" of <br/>
      | !--(?!-?>)[^-]*+(?:-[^-]++)*+-->                # comment without "--" inside
      | ![dD][oO][cC][tT][yY][pP][eE][^<>]*+>           # doctype
      | \?[^>]*+>                                        # processing instruction
      | (?=[a-zA-Z/!?])()                               # 5: markup of another form
    )""",
    re.VERBOSE,
)
# Start tags `_TOKEN` reads as plain ones but the parser may not: the raw elements above whose
# content was not taken, and those that became raw text in the 2025 releases.
_PARSER_ONLY = {"script", "style", "title", "iframe", "xmp", "noembed", "noframes", "plaintext"}
# A textarea's content is text to every version, but raw text only since the 2025 releases:
# taken when it holds no "<".
_TEXTAREA_CONTENT = re.compile(rf"[^<]*+</{_anycase('textarea')}{_WS}*+>")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.in_pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
            return
        if tag == "pre":
            self.in_pre += 1
        self.parts.append(_OPENS.get(tag, ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(_SELF_CLOSED.get(tag, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag == "pre":
            self.in_pre = max(0, self.in_pre - 1)
        self.parts.append(_CLOSES.get(tag, ""))

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            # In HTML a line break in the source is a space; breaks come from the tags.
            self.parts.append(data if self.in_pre else _HTML_SPACE.sub(" ", data))


def _parse(markup: str, in_pre: int) -> list[str]:
    parser = _TextCollector()
    parser.in_pre = in_pre
    parser.feed(markup)
    parser.close()
    return parser.parts


def _scan(markup: str, in_pre: int) -> list[str] | None:
    """The pieces `_TextCollector` collects from `markup`, or None when it holds markup the
    parser's versions read differently or that `_TOKEN` does not know."""
    parts: list[str] = []
    skipping = 0
    pos = 0
    for m in _TOKEN.finditer(markup):
        start, end = m.span()
        if start != pos and not skipping:  # text, with "<" only as in "a < b"
            text = markup[pos:start]
            # Most text needs nothing from `_data` (see there): no call for it.
            parts.append(text if "&" not in text and text.isprintable() else _data(text, in_pre))
        pos = end
        ended, raw, opened, closed, other = m.groups()
        if ended:
            name = ended.lower()
            if name in _SKIP:
                skipping = max(0, skipping - 1)
            else:
                if name == "pre":
                    in_pre = max(0, in_pre - 1)
                parts.append(_CLOSES.get(name, ""))
        elif opened:
            name = opened.lower()
            if name in _PARSER_ONLY or (
                name == "textarea" and (closed or not _TEXTAREA_CONTENT.match(markup, pos))
            ):
                return None
            if closed:
                parts.append(_SELF_CLOSED.get(name, ""))
            elif name in _SKIP:
                skipping += 1
            else:
                if name == "pre":
                    in_pre += 1
                parts.append(_OPENS.get(name, ""))
        elif raw:
            skipping += 1
        elif other is not None:
            return None
    text = markup[pos:]
    if text and not skipping:
        parts.append(_data(text, in_pre))
    return parts


def _data(text: str, in_pre: int) -> str:
    """`_TextCollector.handle_data` up to the spaces of a run: every whitespace character
    outside <pre> is a space, and `_tidy` makes each run of them one."""
    if "&" in text:
        text = html.unescape(text)
    if in_pre or text.isprintable():  # no whitespace but " " (or in <pre>): nothing to do
        return text
    if text.isascii():  # a few scans at memory speed find its whitespace
        for space in _ASCII_SPACES:
            if space in text:
                text = text.replace(space, " ")
        return text
    words = " ".join(text.split())
    if not words:
        return " " if text else ""
    if text[0].isspace():
        words = " " + words
    return words + " " if text[-1].isspace() else words


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
    # Most text has neither "<" nor "&", which `in` tells at memory speed.
    return ("<" in text or "&" in text) and _MARKUP.search(text) is not None


def html_to_text(markup: str | None) -> str:
    """Readable plain text of an HTML fragment: paragraphs separated by one blank line, no
    control characters."""
    if not markup:
        return ""
    if not looks_like_html(markup):
        return _tidy(markup)
    # Text with a stray tag or entity and no structure: its own line breaks are the structure.
    in_pre = 0 if _STRUCTURE.search(markup) else 1
    markup = tame_charrefs(markup)
    parts = _scan(markup, in_pre)
    return _tidy("".join(_parse(markup, in_pre) if parts is None else parts))


def _tidy(text: str) -> str:
    """Each line's spaces collapsed and its ends stripped, at most one blank line in a row.

    String methods do most of it: they run at memory speed, where a regular expression steps
    through every character in Python's engine."""
    is_ascii = text.isascii()
    if not (text.isprintable() or (is_ascii and not _has_ascii_controls(text))):
        text = strip_controls(text)
    for space in _ODD_SPACES:
        if space in text:
            text = text.replace(space, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    if is_ascii:  # " " and "\n" are its only whitespace left, with no run of spaces
        text = text.replace(" \n", "\n").replace("\n ", "\n")
    else:
        text = "\n".join([line.strip() for line in text.splitlines()])
    return _MANY_BREAKS.sub("\n\n", text).strip()


def _has_ascii_controls(text: str) -> bool:
    """Whether ASCII `text` holds a character `strip_controls` changes, at memory speed."""
    return len(text.encode().translate(None, _ASCII_CONTROLS)) != len(text)
