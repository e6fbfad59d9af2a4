"""Video summary pages: a title, then headed sections, then a site footer.

Title
Chapters11                 (a count may be glued to the heading)
[00:00] Intro ...          chapter lines, when the page expanded them
Summary / Key Takeaways / Who Is This For?
Notable Quotes             ""Quote with doubled marks.""  then  —Attribution line
Questions This Video Answers   - questions, then the tag line ("OpenAIAI InfrastructureData...")
Full Transcript            paragraphs
More from <Show> | <Host>  the footer: gives the show, never shown as text
"""

from __future__ import annotations

import re
from itertools import dropwhile, takewhile

from castdigest.errors import ReadError
from castdigest.models import Chapter, Episode, Person, Quote, Transcript
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.doubt import add_reasons
from castdigest.readers.heading_words import vocabulary
from castdigest.readers.headings import split_heading
from castdigest.readers.page_menus import without_menu_headings
from castdigest.readers.page_structure import enrich
from castdigest.readers.page_title import pick_title
from castdigest.readers.sections import Section, is_bullet, split_sections
from castdigest.text.durations import parse_duration
from castdigest.text.language import detect_language
from castdigest.text.slugs import tag_slug
from castdigest.text.titles import parse_people, split_title

NAMES = {
    "chapters": "chapters",
    "chapitres": "chapters",
    "summary": "summary",
    "résumé": "summary",
    "key takeaways": "takeaways",
    "takeaways": "takeaways",
    "points clés": "takeaways",
    "who is this for?": "audience",
    "who is this for": "audience",
    "pour qui ?": "audience",
    "pour qui?": "audience",
    "notable quotes": "quotes",
    "quotes": "quotes",
    "citations": "quotes",
    "citations marquantes": "quotes",
    "questions this video answers": "questions",
    "questions this episode answers": "questions",
    "questions auxquelles répond cette vidéo": "questions",
    "full transcript": "transcript",
    "transcript": "transcript",
    "transcription": "transcript",
    "transcription complète": "transcript",
}
# Reading a page told by `NAMES`, any heading of the shared vocabulary ends a section: a
# "Memorable quote" or "Links mentioned" heading is not more takeaways.
_SHARED = {
    "takeaways": "takeaways",
    "highlights": "takeaways",
    "summary": "summary",
    "quotes": "quotes",
    "transcript": "transcript",
    "chapters": "chapters",
    "sources": "sources",
    "shownotes": "summary",
    "questions": "answers",  # questions with their answers: ends a section, read as no field
    "actions": "answers",  # a meeting note's to-dos: end a section, read as no field
    "keywords": "answers",  # a summary's keywords: the same
}
_READ_NAMES = {**{w: _SHARED[k] for w, k in vocabulary().items()}, **NAMES}
_VIDEO_KEYS = {"chapters", "quotes", "questions", "transcript", "audience"}
_FOOTER = re.compile(r"^(?:more from|plus de|more videos from|autres vidéos de)\s+(.+)$", re.I)
_CHAPTER_LINE = re.compile(r"^\[?(\d{1,3}(?::\d{2}){1,2})\]?\s*[-–—:]?\s+(.+)$")
_ATTRIBUTION = re.compile(r"^\s*[—–―-]{1,2}\s*(.+)$")
_QUOTE_MARKS = "\"“”«»„'‘’"
_SPEAKER = re.compile(r"^([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) ([a-z]+s)\b")
_WORD = re.compile(r"[\w][\w.'’-]*")
_SNIFF_LINES = 2000


def _footer_at(lines: list[str]) -> int:
    for i in range(len(lines) - 1, max(-1, len(lines) - 40), -1):
        if _FOOTER.match(lines[i].strip()):
            return i
    return len(lines)


def _quotes(section: Section, language: str | None) -> list[Quote]:
    out: list[Quote] = []
    for line in section.lines:
        s = line.strip()
        if not s:
            continue
        if (m := _ATTRIBUTION.match(s)) and out and out[-1].context is None:
            context = m.group(1).strip()
            who = _SPEAKER.match(context)
            out[-1].context = context
            out[-1].speaker = who.group(1) if who else None
            continue
        text = s.strip(_QUOTE_MARKS).strip()
        if text:
            lang = detect_language(text, language)
            out.append(Quote(text=text, language=lang if lang != language else None))
    return out


def split_glued_tags(line: str, vocabulary: set[str]) -> list[str]:
    """ "OpenAIAI InfrastructureData Platform" -> ["OpenAI", "AI Infrastructure", "Data Platform"].

    Tags were concatenated without separators; a boundary is a capital letter inside a word.
    Among the ways to cut each word there, the one whose pieces are known words of the page
    (casefolded `vocabulary`) wins, fewest unknown pieces first, then fewest pieces.
    """
    tags: list[str] = []
    current: list[str] = []
    for word in line.split():
        pieces = _segment(word, vocabulary)
        for k, piece in enumerate(pieces):
            if k > 0 and current:
                tags.append(" ".join(current))
                current = []
            current.append(piece)
    if current:
        tags.append(" ".join(current))
    return tags


def _segment(word: str, vocab: set[str]) -> list[str]:
    cuts = [i for i in range(1, len(word)) if word[i].isupper()]
    if not cuts or len(word) > 80:
        return [word]
    points = [0, *cuts, len(word)]
    # best[j] = (unknown pieces, pieces, split) for word[:points[j]]
    best: list[tuple[int, int, list[str]] | None] = [None] * len(points)
    best[0] = (0, 0, [])
    for j in range(1, len(points)):
        for i in range(j):
            prev = best[i]
            if prev is None:
                continue
            piece = word[points[i] : points[j]]
            plain = piece[1:].islower() or (piece.isupper() and len(piece) <= 4)
            unknown = 0 if piece.casefold() in vocab else (1 if plain else 3)
            cand = (prev[0] + unknown, prev[1] + 1, [*prev[2], piece])
            cur = best[j]
            if cur is None or cand[:2] < cur[:2]:
                best[j] = cand
    result = best[-1]
    return result[2] if result else [word]


def _chapters(section: Section) -> tuple[list[Chapter], list[str]]:
    chapters: list[Chapter] = []
    other: list[str] = []
    for line in section.lines:
        s = line.strip()
        if not s:
            continue
        if m := _CHAPTER_LINE.match(s):
            title, summary = split_heading(m.group(2))
            chapters.append(Chapter(start=parse_duration(m.group(1)), title=title, summary=summary))
        else:
            other.append(s)
    return chapters, other


class VideoPageReader:
    name: str = "video-page"
    extensions: tuple[str, ...] = (".txt",)

    def sniff(self, doc: Document) -> float:
        lines = doc.text[:400_000].splitlines()[:_SNIFF_LINES]
        _, sections = split_sections([ln if len(ln) <= 60 else "" for ln in lines], NAMES)
        keys = {s.key for s in sections}
        return 0.9 if len(keys) >= 3 and len(keys & _VIDEO_KEYS) >= 2 else 0.0

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        lines = doc.page_lines()
        footer = _footer_at(lines)
        show, hosts = _show(lines[footer].strip()) if footer < len(lines) else (None, [])
        # "Insights" among the site's menu items heads no takeaways
        head, sections = split_sections(
            without_menu_headings(lines[:footer], _READ_NAMES), _READ_NAMES
        )
        shown = [h.strip() for h in head if h.strip()]
        # The title is scored among the head's lines: a skip link or a menu may come first.
        pick = pick_title(shown, page=lines) if shown else None
        title_line = (pick.title if pick else None) or next(iter(shown), "")
        if not title_line or not sections:
            raise ReadError("no title or sections found in video page", where=doc.location)
        by = {s.key: s for s in reversed(sections)}  # the first section of each kind wins
        chapters, preamble = _chapters(by["chapters"]) if "chapters" in by else ([], [])
        summary = by["summary"].text() if "summary" in by else ""
        abstract = summary or " ".join(preamble) or None
        language = ctx.language or detect_language(abstract or title_line)
        questions, tag_lines = [], []
        for line in by["questions"].lines if "questions" in by else []:
            if is_bullet(line) or line.strip().endswith("?"):
                questions.append(line.strip().lstrip("-*• ").strip())
            elif line.strip():
                tag_lines.append(line.strip())
        paragraphs = [ln.strip() for ln in by["transcript"].lines] if "transcript" in by else []
        transcript = "\n\n".join(p for p in paragraphs if p)
        vocab = {w.casefold() for w in _WORD.findall(f"{title_line}\n{summary}\n{transcript}")}
        page = [s.text() for s in sections if s.key != "questions"] + questions
        vocab |= {w.casefold() for text in page for w in _WORD.findall(text)}
        tags = [tag_slug(t) for line in tag_lines for t in split_glued_tags(line, vocab)]
        parts = split_title(title_line)
        episode = Episode(
            title=parts.shown,
            kind=parts.kind,
            show=show,
            hosts=hosts,
            guests=parts.guests,
            language=language,
            abstract=abstract,
            audience=by["audience"].text() or None if "audience" in by else None,
            questions=questions,
            chapters=chapters,
            quotes=_quotes(by["quotes"], language) if "quotes" in by else [],
            takeaways=_takeaways(sections),
            tags=list(dict.fromkeys(t for t in tags if t)),
            transcript=Transcript(text=transcript, language=language) if transcript else None,
            sources=[ctx.ref(0, line=1)],
        )
        # What the sections' own forms missed ("(00:00) - Title" chapters), its date, length
        episode = enrich(episode, lines[:footer], ctx.as_of)
        return [add_reasons(episode, pick.doubts) if pick else episode]


def _takeaways(sections: list[Section]) -> list[str]:
    """The bullets of the first takeaways section and of those right after it ("Highlights"
    then "Key Insights": one list of points in two parts)."""
    run = takewhile(_is_takeaways, dropwhile(lambda s: not _is_takeaways(s), sections))
    return [bullet for section in run for bullet in section.bullets()]


def _is_takeaways(section: Section) -> bool:
    return section.key == "takeaways"


def _show(footer: str) -> tuple[str | None, list[Person]]:
    """ "More from AI News & Strategy Daily | Nate B Jones" -> (show, [host])."""
    m = _FOOTER.match(footer)
    if not m:
        return None, []
    name = m.group(1).strip()
    if " | " in name:
        show, who = name.rsplit(" | ", 1)
        people = parse_people(who)
        if people:
            return show.strip(), [p.model_copy(update={"role": "host"}) for p in people]
    return name, []
