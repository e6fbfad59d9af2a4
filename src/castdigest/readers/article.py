"""Articles saved from news sites: a title and a body, with the site's boilerplate removed.

Removed: counters ("0", "9K"), the reaction bar ("Like / Love / Haha") and everything after it,
page chrome (menus, category and navigation links, in any language: see `chrome.py`), bylines
with timestamps, and teaser posts in another language than the article. Short lines without a
closing full stop between paragraphs are subheadings: they become chapters (untimed) holding
the paragraphs under them. Curly-quoted sentences of some length become quotes, attributed when
a name follows them ("..., French-Owen wrote").
"""

from __future__ import annotations

import re
from itertools import pairwise

from castdigest.errors import ReadError
from castdigest.models import Chapter, Episode, Quote
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.chrome import is_chrome, is_interface, is_reaction
from castdigest.readers.doubt import add_reasons, chapter_doubts
from castdigest.readers.heading_words import heading_kind
from castdigest.readers.line_dates import clock_length
from castdigest.readers.page_dates import page_date, page_length
from castdigest.readers.page_structure import read_structure
from castdigest.readers.page_title import TITLE_UNCERTAIN, pick_title
from castdigest.readers.quote_lines import line_quote, pull_quote
from castdigest.readers.subheadings import (
    PROSE_MIN,
    SPEAKER_LINES,
    is_heading,
    is_subheading,
)
from castdigest.readers.title_cards import card_name, card_title, names_another
from castdigest.readers.title_signals import byline
from castdigest.text.language import detect_language
from castdigest.text.titles import split_title

_COUNTER = re.compile(r"^\d{1,7}(?:[.,]\d{1,3})?\s*[KkMm]?$")
_BYLINE = re.compile(r"^By\s.{1,80}\s\d{4}-\d{2}-\d{2}(?:\s\d{2}:\d{2}(?::\d{2})?)?\b", re.I)
# Sections only an episode's page has, which the text reader reads by their headings
_EPISODE_SECTIONS = frozenset({"transcript", "chapters"})
_QUOTE = re.compile(r"“([^”\n]{30,600})”")
_SAID = re.compile(
    r"^,?\s*([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s(?:wrote|said|says|recalled|added|explained"
    r"|told|noted|écrit|a écrit|a déclaré|explique|ajoute)\b"
)
_LABEL_MAX = 30


def _reaction_bar(lines: list[str]) -> int:
    """Index where the reaction bar starts (two reaction words within three lines)."""
    for i, line in enumerate(lines):
        if is_reaction(line) and any(is_reaction(w) for w in lines[i + 1 : i + 4]):
            return i
    return len(lines)


def _keep(line: str) -> bool:
    s = line.strip()
    return bool(
        s
        and not _COUNTER.match(s)
        and not is_chrome(s)
        and not is_reaction(s)
        and not _BYLINE.match(s)
        and not byline(s)  # "By Jo Mensah": who wrote it, no subheading
    )


def _over_player(lines: list[str]) -> set[int]:
    """Lines over a player's button and length ("La vie des ports" / "Écouter" / "06:12"):
    the player's label (the show's name), no subheading of the text under it."""
    shown = [i for i, ln in enumerate(lines) if ln.strip()]
    return {
        a
        for a, b, c in zip(shown, shown[1:], shown[2:], strict=False)
        if _short_chrome(lines[b]) and clock_length(lines[c].strip()) is not None
    }


def _under_player(lines: list[str]) -> set[int]:
    """A short name right under a player's length ("34:12" / "Äripäeva raadio"): the card's
    publisher or show, no subheading of the text under it."""
    shown = [i for i, ln in enumerate(lines) if ln.strip()]
    return {
        b
        for a, b in pairwise(shown)
        if clock_length(lines[a].strip()) is not None and card_name(lines[b].strip())
    }


def _short_chrome(line: str) -> bool:
    """A link's label or a button alone on its line ("Leia também", "Ouça o episódio")."""
    s = line.strip()
    return 0 < len(s) <= _LABEL_MAX and is_chrome(s)


def _tags(lines: list[str]) -> set[int]:
    """The short lines under a keywords heading ("Tags:" / "Medical aid" / "Healthcare
    costs"), up to the next paragraph: the article's tags, no subheadings."""
    found: set[int] = set()
    tagging = False
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if len(s) <= _LABEL_MAX and heading_kind(s) == "keywords":
            tagging = True
        elif tagging and len(s) < PROSE_MIN:
            found.add(i)
        else:
            tagging = False
    return found


def _subheadings(lines: list[str]) -> int:
    """Short unpunctuated lines with a paragraph on either side."""
    return sum(
        1
        for k in range(2, len(lines) - 1)
        if is_heading(lines[k])
        and len(lines[k - 1]) >= PROSE_MIN
        and len(lines[k + 1]) >= PROSE_MIN
    )


def _quotes(text: str, chapter: int | None) -> list[Quote]:
    out: list[Quote] = []
    for m in _QUOTE.finditer(text):
        said = _SAID.match(text[m.end() : m.end() + 60])
        words = m.group(1).strip().rstrip(",")
        if len(words.split()) >= 6:
            out.append(Quote(text=words, speaker=said.group(1) if said else None, chapter=chapter))
    return out


_HANDLE_TURN = re.compile(r"^\S{2,30}:\s")  # "mossbyte: HERE FOR THE RANKINGS"


def _turns(timed: list[Chapter]) -> bool:
    """Most timed lines are someone's turn, a handle before a colon: a chat's replay or a
    transcript's cues, not the episode's segments."""
    return sum(1 for c in timed if _HANDLE_TURN.match(c.title)) * 2 >= len(timed)


def _pull_quotes(paragraphs: list[str]) -> tuple[list[str], list[Quote]]:
    """The paragraphs less the quotations set apart, with who said them on the line under
    ("‘…’" / "Griet Van Damme, schepen in Zoersel") or as an intertitle ("« On voulait des
    gens … »"), and those quotes: no subheading, no body text."""
    kept: list[str] = []
    quotes: list[Quote] = []
    k = 0
    while k < len(paragraphs):
        under = paragraphs[k + 1] if k + 1 < len(paragraphs) else ""
        if quote := pull_quote(paragraphs[k], under):
            quotes.append(quote)
            k += 2
            continue
        if is_subheading(paragraphs[k], under) and (quote := line_quote(paragraphs[k])):
            quotes.append(quote)  # an intertitle in quotation marks: a quote set apart
            k += 1
            continue
        kept.append(paragraphs[k])
        k += 1
    return kept, quotes


class ArticleReader:
    name: str = "article"
    extensions: tuple[str, ...] = (".txt", ".html")

    def sniff(self, doc: Document) -> float:
        lines = [ln.strip() for ln in doc.text[:200_000].splitlines() if ln.strip()][:400]
        if (
            len(lines) < 4
            or lines[0].startswith(("{", "<", "#", "WEBVTT"))
            or "-->" in doc.text[:2000]
        ):
            return 0.0
        if sum(bool(SPEAKER_LINES.match(ln)) for ln in lines) >= 3:
            return 0.0  # a transcript with speaker turns
        if any(heading_kind(ln) in _EPISODE_SECTIONS for ln in lines):
            return 0.0  # an episode's page: its transcript or chapters are no subheadings
        prose = [ln for ln in lines if len(ln) >= PROSE_MIN and ln.endswith((".", "”", '"', "。"))]
        signals = (
            (_reaction_bar(lines) < len(lines))
            + any(_COUNTER.match(ln) for ln in lines[1:5])
            + any(is_interface(ln) or _BYLINE.match(ln) for ln in lines)
            + min(_subheadings(lines), 2)  # two subheadings between paragraphs are enough
        )
        return 0.4 if len(prose) >= 3 and signals >= 2 else 0.0

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        lines = doc.page_lines()
        lines = lines[: _reaction_bar(lines)]
        # The line under a link's label ("Leia também" / a headline, "Ouça o episódio" / the
        # show's name in the player) is the link's, not the article's.
        labelled = {i + 1 for i, ln in enumerate(lines) if _short_chrome(ln)} | _over_player(lines)
        labelled |= _tags(lines) | _under_player(lines)
        kept = [(i, ln.strip()) for i, ln in enumerate(lines) if _keep(ln) and i not in labelled]
        if not kept:
            raise ReadError("no article text found", where=doc.location)
        # The title is scored among the page's lines (a masthead or a share box may come
        # first); the first line kept is the last resort.
        pick = pick_title(lines)
        card = None if pick.named else card_title(lines)
        at = next((k for k, (i, _) in enumerate(kept) if i == pick.index), None)
        (source, title), body = kept[at or 0], kept[(at or 0) + 1 :]  # above it: the masthead
        if card and at is not None and pick.title and names_another(card, pick.title):
            title = card  # the headline is the article's; the player's card names the episode
        elif pick.title and at is not None and not pick.named:
            title = pick.title  # its words, past a kicker ("Podcast | <headline>")
        elif pick.title:
            # a post about an episode (the post is the body), or a title shown only where the
            # body leaves out its line (the player's): the title all the same
            title, body = pick.title, [(i, t) for i, t in kept if i != pick.index]
            source = pick.index if pick.index is not None else source
        prose = " ".join(t for _, t in body if len(t) >= PROSE_MIN)
        language = ctx.language or detect_language(prose or title)
        paragraphs, set_apart = _pull_quotes([t for _, t in body if _same_language(t, language)])
        abstract: list[str] = []
        chapters: list[Chapter] = []
        # a title the prose names leaves the headline in the body: over the first paragraph,
        # it is no subheading
        read_on = not pick.named
        for k, text in enumerate(paragraphs):
            nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else ""
            read_on = read_on or len(text) >= PROSE_MIN
            if read_on and is_subheading(text, nxt):
                chapters.append(Chapter(title=text))
            elif chapters:
                ch = chapters[-1]
                ch.summary = f"{ch.summary}\n\n{text}" if ch.summary else text
            else:
                abstract.append(text)
        if len(chapters) == 1 and chapters[0].title.rstrip().endswith(("?", "？")):
            # one question among the paragraphs is a turn of an interview ("Which is what?"),
            # not a part of the article
            abstract, chapters = list(paragraphs), []
        timed = read_structure(lines, takeaways=False, quotes=False).chapters
        if timed and not _turns(timed):
            chapters = timed  # the episode's timed segments, in a list or glued in a paragraph
        quotes = set_apart + _quotes("\n".join(abstract), None)
        for index, ch in enumerate(chapters):
            ch.quotes = _quotes(ch.summary or "", index)
            quotes += [q.model_copy() for q in ch.quotes]
        parts = split_title(title)
        dated = page_date(lines, ctx.as_of, language)
        episode = Episode(
            title=parts.shown,
            kind=parts.kind,
            guests=parts.guests,
            language=language,
            published=dated[0] if dated else None,
            published_text=dated[1] if dated else None,
            duration=page_length(lines),
            abstract="\n\n".join(abstract) or None,
            chapters=chapters,
            quotes=quotes,
            sources=[ctx.ref(0, line=source + 1)],
        )
        doubts = pick.doubts + chapter_doubts(lines, len(chapters))
        if pick.title is None:  # no line scored as a title: the first line kept stands in
            doubts = [*doubts, f"{TITLE_UNCERTAIN}: {title[:80]!r} is only the first line kept"]
        return [add_reasons(episode, doubts)]  # a doubtful title is the editor's to check


def _same_language(text: str, language: str | None) -> bool:
    """Teasers in another language are not the article; short lines are judged leniently."""
    if language is None or len(text) < 15:
        return True
    found = detect_language(text, language)
    return found == language
