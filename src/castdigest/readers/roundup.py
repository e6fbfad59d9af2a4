"""Roundups: a newsletter or post that talks about several episodes, one item each.

An item points at its episode with a labelled line ending in a time, the same label on every
item, in any language ("Listen: Show: Title (6:07)", "Écouter : Émission : Titre (12:40)").
The time is where the item's quote is in the episode. Around that line are the item's
quotation lines (before it, often numbered "1) “...”") and the editor's notes (bullets after
it, read as takeaways). Text before the first item (greeting, masthead) and after the last
item's notes is the letter's, not an episode's.

The shape is what is recognised: two or more such lines with one label, not the label's word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from castdigest.models import Episode, Quote
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.quote_lines import line_quote
from castdigest.readers.sections import is_bullet, strip_bullet
from castdigest.text.durations import parse_duration
from castdigest.text.language import detect_language

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_REFERENCE = re.compile(
    rf"^(?P<label>[^\W\d_]{{2,20}}(?: [^\W\d_]{{1,20}}){{0,2}})\s?(?::\s+|：\s*)"
    rf"(?P<ref>\S.{{3,200}}?)\s*[\[(](?P<time>{_TIME})[\])]$"
)
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")
_SHOW_SEP = re.compile(r"\s*(?::\s+|：\s*)|\s+[–—|]\s+")
_MIN_ITEMS = 2


@dataclass
class _Item:
    start: int  # first line of the item
    reference: int  # its labelled line
    end: int = 0  # one past its last line
    quotes: list[Quote] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def references(lines: list[str]) -> list[int]:
    """Indices of the labelled lines, when two or more share the most common label."""
    found: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if m := _REFERENCE.match(line.strip()):
            found.setdefault(m.group("label").casefold(), []).append(i)
    best = max(found.values(), key=len, default=[])
    return best if len(best) >= _MIN_ITEMS else []


class RoundupReader:
    name: str = "roundup"
    extensions: tuple[str, ...] = (".txt", ".md")

    def sniff(self, doc: Document) -> float:
        return 0.75 if references(doc.text[:200_000].splitlines()) else 0.0

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        lines = [line.rstrip() for line in doc.page_lines()]
        items = _items(lines, references(lines))
        episodes = []
        for position, item in enumerate(items):
            if (episode := _episode(lines, item, ctx, position)) is not None:
                episodes.append(episode)
        return episodes


def _items(lines: list[str], refs: list[int]) -> list[_Item]:
    """Each item from its first quotation line (or its number) to the next item's start."""
    items: list[_Item] = []
    floor = 0  # lines before this belong to the previous item
    for ref in refs:
        start = ref
        k = ref - 1
        while k >= floor and (_opens_item(lines[k]) or not lines[k].strip()):
            if lines[k].strip():
                start = k
            if _NUMBERED.match(lines[k].strip()):
                break  # the item's number: nothing above it is the item's
            k -= 1
        if items:
            items[-1].end = start
        items.append(_Item(start=start, reference=ref))
        floor = ref + 1
    if items:
        items[-1].end = len(lines)
    return items


def _opens_item(line: str) -> bool:
    s = line.strip()
    return bool(_NUMBERED.match(s)) or line_quote(_unnumbered(s)) is not None


def _unnumbered(s: str) -> str:
    return re.sub(r"^\d{1,2}[.)]\s+", "", s)


def _episode(lines: list[str], item: _Item, ctx: ReadContext, position: int) -> Episode | None:
    m = _REFERENCE.match(lines[item.reference].strip())
    if m is None:
        return None
    show, title = _show_and_title(m.group("ref"))
    offset = parse_duration(m.group("time"))
    quotes = []
    for line in lines[item.start : item.reference]:
        if quote := line_quote(_unnumbered(line.strip())):
            quotes.append(quote.model_copy(update={"offset": offset}))
    notes = _notes(lines[item.reference + 1 : item.end])
    text = " ".join([title, *(q.text for q in quotes), *notes])
    return Episode(
        title=title,
        show=show,
        quotes=quotes,
        takeaways=notes,
        language=ctx.language or detect_language(text),
        sources=[ctx.ref(position, line=item.start + 1)],
    )


def _show_and_title(ref: str) -> tuple[str | None, str]:
    """ "Show: Title" (or "Show – Title") into its parts; a reference without one is a title."""
    parts = _SHOW_SEP.split(ref, maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1] and len(parts[0]) <= 80:
        return parts[0].strip(), parts[1].strip()
    return None, ref.strip()


def _notes(lines: list[str]) -> list[str]:
    """The bullets right after the reference line; the first line of other text ends them."""
    notes: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        if not is_bullet(line):
            break
        if note := strip_bullet(line):
            notes.append(note)
    return notes
