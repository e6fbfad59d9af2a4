"""One-episode summary pages: a title, an abstract, headed sections, in any language.

Title
Abstract paragraph(s)               (or a summary heading and its paragraphs)
Points clés | Key points | Puntos clave ...   - bullets: the page's own takeaways
À retenir | Takeaway                a closing paragraph (kept, after the abstract)
Citations | Quotes | 金句 ...        quotes (see `page_structure`)
Sources | Quiz sur la vidéo: 5 questions | Related ...   site leftovers: dropped, with
                                  everything after them

The headings are those of `data/headings.json` (`heading_words`), plus the few above whose
section means something particular on these pages (a closing paragraph, leftovers).
"""

from __future__ import annotations

import re
from itertools import takewhile

from castdigest.errors import ReadError
from castdigest.models import Episode
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.chrome import is_chrome
from castdigest.readers.doubt import add_reasons
from castdigest.readers.heading_words import vocabulary
from castdigest.readers.page_menus import without_menu_headings
from castdigest.readers.page_structure import answered_pairs, enrich, tagged_titles
from castdigest.readers.page_title import pick_title
from castdigest.readers.quote_lines import is_quote_line, quotes_under
from castdigest.readers.sections import Section, is_bullet, split_sections, strip_bullet
from castdigest.readers.title_signals import names_person
from castdigest.readers.video_page import NAMES as VIDEO_NAMES
from castdigest.text.language import detect_language
from castdigest.text.titles import split_title

NAMES = {
    "points clés": "points",
    "points cles": "points",
    "key points": "points",
    "key takeaways": "points",
    "takeaways": "points",
    "highlights": "points",
    "à retenir": "closing",
    "a retenir": "closing",
    "takeaway": "closing",
    "the takeaway": "closing",
    "bottom line": "closing",
    "en bref": "closing",
    "conclusion": "closing",
    "sources": "leftover",
    "références": "leftover",
    "references": "leftover",
    "related": "leftover",
    "related videos": "leftover",
    "vidéos similaires": "leftover",
}
# What each section of the shared vocabulary is on a summary page.
_KINDS = {
    "takeaways": "points",
    "highlights": "points",
    "summary": "summary",
    "quotes": "quotes",
    "sources": "leftover",
    "transcript": "transcript",  # read by `enrich`, no part of the abstract
    "chapters": "chapters",
    "shownotes": "summary",
    "questions": "leftover",
    "actions": "actions",  # a meeting note's to-dos: ends a section, no point of the episode
    "keywords": "actions",  # its keywords or tags: end a section, no point either
}
NAMES = {**{w: _KINDS[k] for w, k in vocabulary().items()}, **NAMES}
_SUMMARY_PARTS = 3
_PARTS = frozenset({"summary", "points", "chapters", "transcript", "quotes"})
_LISTED = 3  # points a line each, unbulleted, that make a key-points section
_POINT_END = re.compile(r"[.!?。！？)”\"]$")
_PARAGRAPH = 200  # characters: a line this long after a blank line is text, not a point
_STARTS_TIMED = re.compile(r"^\s*[\[(]?\d{1,2}:\d{2}")
_LEFTOVER = re.compile(r"^(?:quiz\b|questionnaire\b|test your knowledge|testez vos)", re.I)


def _leftover_at(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        s = line.strip()
        if _LEFTOVER.match(s) or NAMES.get(s.casefold().rstrip(" :")) == "leftover":
            return i
    return len(lines)


class SummaryPageReader:
    name: str = "summary-page"
    extensions: tuple[str, ...] = (".txt", ".md")

    def sniff(self, doc: Document) -> float:
        lines = doc.text[:200_000].splitlines()[:500]
        _, sections = split_sections(lines, NAMES)
        points = [s for s in sections if s.key == "points" and (s.bullets() or _listed(s))]
        if not points:
            return 0.0
        _, video = split_sections([ln if len(ln) <= 60 else "" for ln in lines], VIDEO_NAMES)
        if len({s.key for s in video} - {"takeaways", "summary"}) >= 2:
            return 0.0  # a video page (chapters, quotes, transcript...) that also has takeaways
        # A summary, its points and its chapters, quotes or transcript: an AI summary's page,
        # even where its header shows a title over a date and a length as a listing's entry does.
        parts = {s.key for s in sections} & _PARTS
        return 0.92 if len(parts) >= _SUMMARY_PARTS else 0.7

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        lines = doc.page_lines()
        lines = lines[: _leftover_at(lines)]
        # "Insights" among the site's menu items heads no takeaways
        head, sections = split_sections(without_menu_headings(lines, NAMES), NAMES)
        for section in sections:  # a person's card ("Podcast host" / name / role) ends one
            section.lines = list(takewhile(lambda line: not names_person(line), section.lines))
        body = [h.strip() for h in head if h.strip()]
        if not body:
            raise ReadError("no title found in summary page", where=doc.location)
        pick = pick_title(body, page=lines)
        if pick.title is None:  # the head holds chrome only: the title is among the sections
            pick = pick_title(lines)
        title = pick.title or next((b for b in body if not is_chrome(b)), body[0])
        abstract_lines = [b for b in body if b != title and not is_chrome(b)]
        takeaways = [b for s in sections if s.key == "points" for b in _points(s)]
        summary = [s.text() for s in sections if s.key == "summary" and s.text()]
        closing = [s.text() for s in sections if s.key == "closing" and s.text()]
        opening = " ".join(abstract_lines)
        abstract = "\n\n".join([*summary, *closing] if summary else [opening, *closing])
        quotes = [q for s in sections if s.key == "quotes" for q in quotes_under(s.lines)]
        parts = split_title(title)
        language = ctx.language or detect_language(abstract or " ".join(takeaways) or title)
        episode = Episode(
            title=parts.shown,
            kind=parts.kind,
            guests=parts.guests,
            language=language,
            abstract=abstract.strip() or None,
            takeaways=takeaways,
            quotes=quotes,
            sources=[ctx.ref(0, line=1)],
        )
        return [add_reasons(enrich(episode, lines, ctx.as_of), pick.doubts)]


def _listed(section: Section) -> bool:
    """Three or more sentences a line each open the section: points whose bullets the save
    lost ("Key Takeaways" / "Soil sensors that cost under $40 ..." / ...)."""
    listed = _unbulleted(section.lines)
    return len(listed) >= _LISTED and all(_POINT_END.search(line) for line in listed)


def _unbulleted(lines: list[str]) -> list[str]:
    """Points a line each without bullets, up to a blank line before a paragraph, a
    quotation, a chapter's title over its time, or a heading over lines of its own (the page
    goes on under the list). Points written on consecutive lines end at the first blank line;
    points set apart by blank lines end where a group of several lines begins."""
    out: list[str] = []
    group = 0  # lines of the group of points being read
    for k, line in enumerate(lines):
        if line.strip() and is_chrome(line):
            break  # the page's buttons under the list ("点赞" / "分享")
        if line.strip():
            out.append(line.strip())
            group += 1
            continue
        if out and group > 1:
            break  # a list written a line each: the blank line ends it
        group = 0
        nxt = [n for n in lines[k + 1 : k + 4] if n.strip()][:2]
        after = nxt[0] if nxt else ""
        if out and (len(after.strip()) > _PARAGRAPH or is_quote_line(after)):
            break  # the page's text, or a quotation set apart, goes on under the list
        if out and len(nxt) == 2 and _STARTS_TIMED.match(nxt[1]):
            break  # a chapter's title over its time: the page's chapters go on under it
        if out and len(lines) > k + 2 and lines[k + 1].strip() and lines[k + 2].strip():
            break  # a group of lines after points set apart: a heading over its own lines
    return out


def _points(section: Section) -> list[str]:
    """The bullets of a key-points section; a line after them ends the list. A highlights
    section of quotations (each with its attribution) holds the page's quotes, no points."""
    if pairs := answered_pairs(section.lines):
        return pairs
    opening = [line for line in section.lines if line.strip()][:2]
    if not any(is_bullet(line) for line in opening):  # bullets further down are another list's
        listed = _unbulleted(section.lines)
        said = [line for line in listed if is_quote_line(line)]
        timed = [line for line in listed if _STARTS_TIMED.match(line)]
        if len(said) >= 2 or len(timed) >= 2 or tagged_titles(listed):
            return []  # the page's quotes, its chapters ("02:10 …"), or its clips' titles
        return listed
    out: list[str] = []
    for line in section.lines:
        if is_bullet(line):
            out.append(strip_bullet(line))
        elif out and line.strip():
            break
    return out
