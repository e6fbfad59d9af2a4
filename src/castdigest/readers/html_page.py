"""Saved or fetched HTML pages: the page's own metadata over the structure of its main text.

The page is read twice. `page_meta` gathers what it says about itself (JSON-LD, OpenGraph,
embedded app data, head tags); trafilatura extracts the main content as text, line structure
kept, which goes to the same text readers a plain-text save of the page would (listing,
video page, summary page, pairs, article, plain text; the surest by sniff). The page's
metadata then overrides what those readers guessed from the text: title, date, duration,
show, language, and the page's canonical URL as the episode's link.

A page whose embedded data lists several episodes (a show page) gives one episode per item of
that data instead. Feeds and Podcasting 2.0 HTML transcripts are left to their own readers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from castdigest.errors import ReadError
from castdigest.models import Episode, Quote
from castdigest.readers.article import ArticleReader
from castdigest.readers.base import Document, ReadContext, Reader
from castdigest.readers.chrome import server_message
from castdigest.readers.doubt import title_doubt
from castdigest.readers.feed import FeedReader
from castdigest.readers.listing import ListingReader
from castdigest.readers.page_dates import labelled_date
from castdigest.readers.page_meta import Page, PageMeta, parse_date, read_page
from castdigest.readers.page_structure import read_structure
from castdigest.readers.pairs import PairsReader
from castdigest.readers.plaintext import PlainTextReader
from castdigest.readers.summary_page import SummaryPageReader
from castdigest.readers.transcript_html import HtmlTranscriptReader
from castdigest.readers.video_page import VideoPageReader
from castdigest.text.htmltext import html_to_text
from castdigest.text.normalize import strip_controls

# Doctype, <html> or <head> first, after any BOM, XML declaration and comments.
_HTML_START = re.compile(
    r"^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>])",
    re.IGNORECASE | re.DOTALL,
)
# Anything that can name the page: a title, a heading, OpenGraph, JSON-LD, app data.
_TITLED = re.compile(
    r"<(?:title|h1|h2)[\s>]|property=[\"']og:title|application/(?:ld\+)?json", re.IGNORECASE
)
_MIN_UNTITLED_TEXT = 200  # characters of visible text an untitled page needs to be read
_SCRIPTS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
_KEEP_BREAKS = re.compile(r"(<(?:pre|textarea)\b.*?</(?:pre|textarea)\s*>)", re.I | re.DOTALL)
_OTHERS: tuple[Reader, ...] = (FeedReader(), HtmlTranscriptReader())
# The text readers, in the registry's order of preference.
_TEXT_READERS: tuple[Reader, ...] = (
    ListingReader(),
    VideoPageReader(),
    SummaryPageReader(),
    PairsReader(),
    ArticleReader(),
)
_FALLBACK = PlainTextReader()
_MAX_QUOTE = 600  # characters: a longer block quote is a quoted passage, not a pull quote
_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)  # before podcasts and web video: a bad date


class HtmlPageReader:
    name: str = "html-page"
    extensions: tuple[str, ...] = (".html", ".htm", ".xhtml")

    def sniff(self, doc: Document) -> float:
        if not _HTML_START.match(doc.text[:8192]):
            return 0.0
        if any(other.sniff(doc) > 0 for other in _OTHERS):
            return 0.0  # an RSS/Atom feed or an HTML transcript: theirs
        if not _TITLED.search(doc.text) and len(_visible(doc.text)) < _MIN_UNTITLED_TEXT:
            return 0.0  # no title and next to no text (a parked domain, an error page)
        return 0.92

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        if doc.decode_note:  # not UTF-8: decoded by the page's own charset declaration
            from trafilatura.utils import decode_file

            doc = replace(doc, text=strip_controls(decode_file(doc.data)))
        page = read_page(doc.text)
        if not page.meta.url and doc.location.startswith(("http://", "https://")):
            page.meta.url = doc.location
        if page.items:
            return [_from_item(item, page, ctx, pos) for pos, item in enumerate(page.items)]
        body, quotes = main_text(doc.text, page.meta.url)
        body = "\n".join(line for line in body.splitlines() if not server_message(line))
        if not body.strip():
            if not page.meta.title:
                raise ReadError("no title and no main text found in HTML page", where=doc.location)
            return [_from_item(page.meta, page, ctx, 0)]
        episodes = _read_text(doc, body, ctx)
        if len(episodes) == 1:
            ep = overlay(episodes[0], page, ctx.as_of)
            ep = _set_apart(ep, quotes, body)
            ep = _written_sections(ep, page)
            if ep.published is None:  # neither the data nor the text dates it
                when, wording = _page_date(doc.text, ctx.as_of, ep.language)
                ep = ep.model_copy(update={"published": when, "published_text": wording})
            return [ep]
        return [overlay(ep, page, ctx.as_of, whole=False) for ep in episodes]


def _written_sections(ep: Episode, page: Page) -> Episode:
    """A recording's page (its data names an episode, or gives an audio file or a length) whose
    text has untimed intertitles: they divide the written column, not the recording, so they
    are no chapters; their text joins the abstract."""
    recorded = page.recording or page.meta.audio is not None or page.meta.duration is not None
    if not recorded or not ep.chapters or any(ch.start is not None for ch in ep.chapters):
        return ep
    parts = [ep.abstract or ""]
    for ch in ep.chapters:
        parts += [ch.title, ch.summary or ""]
    known = {q.text for q in ep.quotes}
    moved = [q for ch in ep.chapters for q in ch.quotes if q.text not in known]
    quotes = [*ep.quotes, *(q.model_copy(update={"chapter": None}) for q in moved)]
    abstract = "\n\n".join(p for p in parts if p.strip())
    return ep.model_copy(update={"chapters": [], "abstract": abstract or None, "quotes": quotes})


def _set_apart(ep: Episode, blockquotes: list[str], body: str) -> Episode:
    """The page's quotes: its block quotes, else the lines of its text set apart as quotes
    (a pull quote above the column, a quoted line with its attribution). Quoted words the
    text readers found inside paragraphs are reported speech, which block quotes outrank."""
    if blockquotes:
        return ep.model_copy(update={"quotes": [Quote(text=q) for q in blockquotes]})
    if ep.quotes:
        return ep
    found = read_structure(body.splitlines()).quotes
    return ep.model_copy(update={"quotes": found}) if found else ep


def _visible(html: str) -> str:
    return " ".join(_SCRIPTS.sub(" ", html[:200_000]).split())


def _flowed(html: str) -> str:
    """The page with its source line breaks as the spaces a browser shows them as (outside
    <pre> and <textarea>): only <br> and block ends break the extracted text's lines."""
    parts = _KEEP_BREAKS.split(html)
    return "".join(
        p if i % 2 else p.replace("\r", "").replace("\n", " ") for i, p in enumerate(parts)
    )


def main_text(html: str, url: str | None) -> tuple[str, list[str]]:
    """The page's main content as plain text, one block per line (headings, list items and
    paragraphs each on their own), comments and boilerplate left out; and the texts of the
    block quotes inside it (pull quotes; those in sidebars are not main content)."""
    # Imported here: trafilatura and its dependencies take a second or two to import, which
    # commands that read no HTML page should not pay.
    import trafilatura

    found = trafilatura.bare_extraction(
        _flowed(html),
        url=url,
        output_format="python",
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        with_metadata=False,
        deduplicate=True,
    )
    if not isinstance(found, trafilatura.settings.Document):
        return "", []
    quotes = []
    if found.body is not None:
        for element in found.body.iter("quote"):
            words = " ".join("".join(element.itertext()).split())
            if 0 < len(words) <= _MAX_QUOTE:
                quotes.append(words)
    return found.text or "", quotes


def _read_text(doc: Document, body: str, ctx: ReadContext) -> list[Episode]:
    """The episodes the text readers find in the extracted text (plain text when none is
    sure or the surest one cannot read it)."""
    text_doc = Document(location=doc.location, data=body.encode(), text=body, mtime=doc.mtime)
    best: tuple[float, Reader] | None = None
    for reader in _TEXT_READERS:
        score = reader.sniff(text_doc)
        if score > 0 and (best is None or score > best[0]):
            best = (score, reader)
    if best is not None:
        try:
            episodes = best[1].read(text_doc, ctx)
        except ReadError:
            episodes = []
        if episodes:
            return episodes
    return _FALLBACK.read(text_doc, ctx)


def _page_date(
    html: str, as_of: datetime, language: str | None = None
) -> tuple[datetime | None, str | None]:
    """The publication date htmldate finds (URL, markup, visible dates), if plausible; else
    one the whole page sets under a publication label, in a sidebar or a credits list the main
    text leaves out ("Mise en ligne" over "23 mai 2019")."""
    import trafilatura

    found = trafilatura.extract_metadata(html, extensive=False).date
    when, wording = parse_date(found)
    if plausible(when, as_of):
        return when, wording
    labelled = labelled_date(html_to_text(html).splitlines(), as_of, language)
    return labelled if labelled is not None else (None, None)


def plausible(when: datetime | None, as_of: datetime) -> bool:
    return when is not None and _EARLIEST <= when <= as_of + timedelta(days=2)


def overlay(ep: Episode, page: Page, as_of: datetime, whole: bool = True) -> Episode:
    """`ep` with the page's metadata over what was guessed from the text. With `whole` false
    (the text held several episodes) only the show and language, which hold for all."""
    meta = page.meta
    upd: dict[str, object] = {}
    if meta.show and (ep.show is None or not page.is_site(meta.show)):
        upd["show"] = meta.show  # a named series beats the text's guess; the site's name not
    if meta.language:
        upd["language"] = meta.language
    if whole:
        if meta.title:
            upd["title"] = meta.title
            upd["review_reasons"] = [r for r in ep.review_reasons if not title_doubt(r)]
        if plausible(meta.published, as_of):
            upd["published"] = meta.published
            upd["published_text"] = meta.published_text
        if meta.duration:
            upd["duration"] = meta.duration
        if meta.url:
            upd["urls"] = list(dict.fromkeys([meta.url, *ep.urls]))
        if meta.description and not ep.abstract:
            upd["abstract"] = meta.description
        if meta.image and not ep.image:
            upd["image"] = meta.image
    return ep.model_copy(update=upd) if upd else ep


def _from_item(item: PageMeta, page: Page, ctx: ReadContext, pos: int) -> Episode:
    """An episode from metadata alone (a listing's item, or a page with no main text)."""
    title = item.title or page.meta.title or ""
    return Episode(
        title=title,
        show=item.show or (page.meta.show if item is page.meta else _show_of_listing(page)),
        urls=[u for u in (item.url or page.meta.url,) if u],
        published=item.published if plausible(item.published, ctx.as_of) else None,
        published_text=item.published_text if plausible(item.published, ctx.as_of) else None,
        duration=item.duration,
        language=item.language or page.meta.language,
        abstract=item.description,
        image=item.image,
        sources=[ctx.ref(pos)],
    )


def _show_of_listing(page: Page) -> str | None:
    # A show page's own title is the show's name (the site's name is the host's).
    return page.meta.title or page.meta.show
