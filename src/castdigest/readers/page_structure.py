"""What a saved page sets apart: chapters, key takeaways and quotes, found by their shape.

The page's headings (`heading_words`, any language of the vocabulary) say which section a
line belongs to; the lines' shapes say what they are:

- chapters: timed lines (`chapter_lines`); under a chapters heading also a list of short
  untimed lines, or paragraphs, each a chapter (their bullets are its key points: `untimed`);
- takeaways: the bullets or numbered items under a takeaways heading (or its lines, when a
  short list has no bullets); a takeaways heading run into a paragraph ("... Key takeaways
  Breadth matters ...") gives the sentences after it; without a heading, a bulleted list
  whose items are whole sentences;
- quotes: lines wholly in quotation marks ("...", “...”, «...», 「...」), with an attribution
  on the line or the next one ("— Name"); `> ` block quotes; the lines under a quotes
  heading. Quoted words inside prose are reported speech, not quotes.

Nothing under a transcript heading is taken for any of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache
from itertools import takewhile

from castdigest.models import Chapter, Episode, Quote
from castdigest.readers import chapter_lines
from castdigest.readers.chapter_lines import Item, Timed, starts_at_time
from castdigest.readers.chrome import machine_note
from castdigest.readers.heading_words import (
    heading_kind,
    inline_pattern,
    lists_tracks,
    takeaway_phrases,
)
from castdigest.readers.line_dates import (
    clock_length,
    zero_clock,
)
from castdigest.readers.page_dates import labelled_date, labelled_length, page_date, page_length
from castdigest.readers.page_transcript import find_transcript, transcript_chapters
from castdigest.readers.quote_lines import headed_quotes, quote_lines, quote_of, speech_words
from castdigest.readers.section_lines import CJK, MAX_LIST, Section, bullet
from castdigest.readers.title_quoted import episode_field
from castdigest.readers.untimed import contents, told_segments, untimed_chapters
from castdigest.text.sentences import split_sentences
from castdigest.text.tries import trie_alternation

_QUOTE_MARKS = "\"“”„«»「」『』‘’' "
_TERMINAL = re.compile(r"[.!?。！？…][\"'”’»」)]*$")
_MAX_ITEM = 400
_STOPS = (".", "!", "?", "。", "！", "？")
_HEADING_SHAPE = 40  # characters at most in a heading the vocabulary does not know
_INLINE_MIN = 200  # characters: only a long line can hide a heading inside it
_SENTENCE_GAP = re.compile(r"[.!?。！？”\"\n]\s*")
_EMPTY_TAKEAWAYS = "a takeaways heading with no list under it"
_TIMED_LEAST = 2  # timed lines, at least, that make a section a chapter list
_TIMED_FIRST = 3  # lines under a heading that, each timed, make its list a chapter list
_BACKWARDS = "chapter times go backwards"


@dataclass
class PageStructure:
    chapters: list[Chapter] = field(default_factory=list)
    takeaways: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)  # short English reasons for review


_PANEL_LINES = 8  # lines of an episode's panel from its field naming the episode
_PANEL_ABOVE = 2  # and above it ("Podcast: …" over "Episode: …")


def _panel_date(
    lines: list[str], as_of: datetime, language: str | None
) -> tuple[datetime, str] | None:
    """The date labelled in the panel of fields that names the page's episode ("Episode: … /
    Host: … / Aired: 18 November 2026"): the episode's, where a post about it has its own."""
    if (field := episode_field(lines)) is None:
        return None
    top = max(0, field[0] - _PANEL_ABOVE)
    return labelled_date(lines[top : field[0] + _PANEL_LINES], as_of, language)


def enrich(ep: Episode, lines: list[str], as_of: datetime | None = None) -> Episode:
    """`ep` with the chapters, takeaways and quotes its page lines set apart, where its
    reader found none, and the doubts about them among its review reasons; with `as_of` (a
    whole page's lines), also its date from a line that is only a date or an age
    ("2021/8/11", "vor 3 Tagen") and its length from the page's player ("00:00 / 27:14") or
    after a length label ("再生時間 38:41")."""
    found = read_structure(
        lines, chapters=not ep.chapters, takeaways=not ep.takeaways, quotes=not ep.quotes
    )
    upd: dict[str, object] = {}
    if (
        as_of is not None
        and ep.published is None
        and (
            dated := _panel_date(lines, as_of, ep.language) or page_date(lines, as_of, ep.language)
        )
    ):
        upd["published"], upd["published_text"] = dated
    if (
        as_of is not None
        and ep.duration is None
        and (length := page_length(lines) or labelled_length(lines))
    ):
        upd["duration"] = length
    if not found.chapters and not ep.chapters:
        found.chapters = transcript_chapters(lines, ep.title)
    if found.chapters and not ep.chapters:
        upd["chapters"] = found.chapters
    if found.takeaways and not ep.takeaways:
        upd["takeaways"] = found.takeaways
    # A headline that is a quotation ("“…”" over a news interview) is the title, no quote.
    title = _quote_key(ep.title)
    found.quotes = [q for q in found.quotes if _quote_key(q.text) != title]
    if found.quotes and not ep.quotes:
        upd["quotes"] = found.quotes
    if ep.transcript is None or not ep.transcript.segments:
        transcript = find_transcript(lines)
        if transcript is not None and (ep.transcript is None or len(transcript.segments) > 1):
            upd["transcript"] = transcript.model_copy(update={"language": ep.language})
    if found.doubts and not (ep.chapters or ep.takeaways):  # the doubts are about these
        upd["review_reasons"] = list(dict.fromkeys([*ep.review_reasons, *found.doubts]))
    return ep.model_copy(update=upd) if upd else ep


def _quote_key(text: str) -> str:
    return " ".join(text.strip().strip(_QUOTE_MARKS).split()).casefold()


def read_structure(
    lines: list[str], *, chapters: bool = True, takeaways: bool = True, quotes: bool = True
) -> PageStructure:
    """What the page sets apart; a part not asked for (its reader found it) is not looked
    for, nor are the doubts about it."""
    sections = _sections(lines)
    found = PageStructure()
    points: list[str] = []
    if chapters:
        found.chapters, found.doubts = _timed_chapters(_without_playlists(lines))
        if _BACKWARDS in found.doubts and (segments := told_segments(sections)):
            # "Title / teaser / 24:18" for each segment: lengths closing blocks, no starts
            found.chapters, found.doubts = segments, []
        if not found.chapters:
            found.chapters, points = untimed_chapters(sections)
            if contents(found.chapters, lines):
                found.chapters = []
    if takeaways:
        headed, empty = _headed_takeaways(sections)
        found.takeaways = (
            headed
            or _inline_takeaways(lines)
            or points
            or _sentence_bullets(sections)
            or _listed_summary(sections)
        )
        if empty and not found.takeaways:
            found.doubts.append(_EMPTY_TAKEAWAYS)
        # a list read as the episode's segments is not read again as its points
        titled = {c.title for c in found.chapters}
        found.takeaways = [t for t in found.takeaways if t not in titled]
    if quotes:
        titled = {_quote_key(c.title) for c in found.chapters}
        # a segment's title in quotation marks ('"Wir sind nicht das Museum"') is no quote
        found.quotes = [q for q in _quotes(sections) if _quote_key(q.text) not in titled]
    return found


def _without_playlists(lines: list[str]) -> list[str]:
    """`lines` with each playlist blanked, from its heading ("Music played", "オンエア楽曲")
    to its last timed track, a few lines of composer, work or performers allowed between
    times: the times a song aired at are no chapters. A heading with no times under it (a
    tab's name, "선곡표") blanks nothing."""
    if not any(lists_tracks(line) for line in lines):
        return lines
    out = list(lines)
    for k, line in enumerate(lines):
        if not lists_tracks(line.strip()):
            continue
        last, gap = None, 0
        for j in range(k + 1, len(lines)):
            s = lines[j].strip()
            if not s:
                continue
            if _TRACK_TIME.match(s):
                last, gap = j, 0
            elif (gap := gap + 1) > _TRACK_LINES or heading_kind(s) is not None:
                break
        if last is not None:
            out[k : last + 1] = [""] * (last + 1 - k)
    return out


_TRACK_TIME = re.compile(r"^[\[(]?\d{1,2}[:.h]\d{2}\b")  # "22:08 夜明けの灯台 / 星野ナギ", "21:04"
_TRACK_LINES = 3  # lines of a track's composer, work and performers under its time


def _sections(lines: list[str]) -> list[Section]:
    sections = [Section(kind=None)]
    above: list[str] = []  # the lines above, shown, nearest last
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        kind = heading_kind(s) or ("other" if _heading_shaped(s) else None)
        if kind and _paired(above):
            kind = None  # "1:01:30" / "Podsumowanie": a chapter's title under its time
        above = [*above[-2:], s]
        if kind:
            sections.append(Section(kind=kind))
        else:
            sections[-1].lines.append((i, s))
    return sections


def _paired(above: list[str]) -> bool:
    """The lines above are a time alone, its title, a time alone ("52:08" / "Pytania" /
    "1:01:30"): a list of chapters, each title under its time."""
    return len(above) == 3 and _time_alone(above[-1]) and _time_alone(above[-3])


def _time_alone(line: str) -> bool:
    """A time alone on its line ("1:01:30"): the start of the chapter titled under it."""
    if not line or not (line[0].isdigit() or line[0] in "[("):
        return False  # most lines: the classifying is spared
    return chapter_lines.classify(0, line, None).kind == "time"


def _without_split_players(lines: list[str]) -> list[str]:
    """`lines` with each player shown on three lines blanked, its position at zero, a slash
    and its length ("0:00" / "/" / "27:45"): no chapter starts at its length."""
    if not any(line.strip() in _PLAYER_SLASHES for line in lines):
        return lines  # most pages: no slash alone on a line
    out = list(lines)
    shown = [i for i, line in enumerate(lines) if line.strip()]
    for a, b, c in zip(shown, shown[1:], shown[2:], strict=False):
        slashed = lines[b].strip() in _PLAYER_SLASHES
        if slashed and zero_clock(lines[a]) and clock_length(lines[c].strip()) is not None:
            out[a] = out[b] = out[c] = ""
    return out


_PLAYER_SLASHES = frozenset({"/", "|", "／"})


def _items(lines: list[str]) -> list[Item]:
    items: list[Item] = []
    section: str | None = None
    since = 99
    for i, line in enumerate(chapter_lines.dotted_starts(_without_split_players(lines))):
        if not line.strip():
            continue
        kind = heading_kind(line)
        if kind and len(items) >= 3 and items[-1].kind == items[-3].kind == "time":
            kind = None  # "1:01:30" / "Podsumowanie": a chapter's title under its time
        if kind:
            section, since = kind, 0
            items.append(Item(index=i, kind="head", text=line.strip(), section=kind))
            continue
        since += 1
        item = chapter_lines.classify(i, line, section)
        item.since_heading = since
        items.append(item)
    return items


def _timed_chapters(lines: list[str]) -> tuple[list[Chapter], list[str]]:
    """The page's first chapter list, continued by later ones whose times go on from it
    (a list restarting at zero belongs to something else: another episode, a repeat)."""
    lists = chapter_lines.chapter_lists(_items(lines))
    if not lists:
        return [], []
    chosen: list[Timed] = list(lists[0])
    for more in lists[1:]:
        if more[0].start > chosen[-1].start:
            chosen += more
    doubts = [_BACKWARDS] if chapter_lines.backwards(chosen) else []
    return chapter_lines.as_chapters(chosen), doubts


def _heading_shaped(line: str) -> bool:
    """A short line alone that names what follows: ending with a colon, or in capitals."""
    s = line.strip()
    if not 2 <= len(s) <= _HEADING_SHAPE or bullet(s) is not None:
        return False
    letters = [c for c in s if c.isalpha()]
    cased = [c for c in letters if c.upper() != c.lower()]  # not "등유·LPG 사용 가구": Hangul
    capitals = len(cased) >= 3 and len(cased) * 2 >= len(letters) and s.upper() == s
    return s.endswith((":", "：")) or capitals


def _list_under(sec: Section) -> list[str]:
    """The list a heading opens: its questions and answers, its bullets (an intro line before
    them allowed), else its lines when they are few and short. A note on how the list was
    made is none of it, and a line opening with another section's name ends it ("SYNOPSIS:
    …")."""
    sec = replace(sec, lines=_own_lines(sec))
    if pairs := answered_pairs([s for _, s in sec.lines]):
        return pairs
    if tagged_titles([s for _, s in sec.lines if s]):
        return []
    out: list[str] = []
    for _, s in sec.lines:
        item = bullet(s)
        if item is not None:
            out.append(item)
        elif out:
            break
    if out:
        return out[: MAX_LIST * 2]
    texts = [s for _, s in sec.lines]
    if run := _sentences_run(texts):
        return run
    if 0 < len(texts) <= MAX_LIST and all(len(t) <= _MAX_ITEM for t in texts):
        return texts
    return []


def _sentences_run(texts: list[str]) -> list[str]:
    """The section's first lines, two or more, each one sentence ended by its stop, up to a
    line of another shape ("Podcast: <show>", a player's "38:12") that ends the list: what
    follows it is the page's text, not its points."""
    run = list(takewhile(lambda t: len(t) <= _MAX_ITEM and t.endswith(_STOPS), texts))
    ended = len(run) < len(texts) and not texts[len(run)].rstrip().endswith(_STOPS)
    return run if 2 <= len(run) <= MAX_LIST and ended else []


def _own_lines(sec: Section) -> list[tuple[int, str]]:
    """The section's lines up to one opening with another section's name, less the notes on
    how they were made."""
    out: list[tuple[int, str]] = []
    for i, line in sec.lines:
        label, colon, rest = line.replace("：", ":").partition(":")
        if colon and rest.strip() and len(label) <= _LABEL_MAX:
            kind = heading_kind(label)
            if kind is not None and kind != sec.kind:
                break  # "SYNOPSIS: Singapore has …": the summary's paragraph after the points
        if not machine_note(line):
            out.append((i, line))
    return out


_LABEL_MAX = 30  # characters of a section's name opening a paragraph


def tagged_titles(items: list[str]) -> bool:
    """Every item opens with the same bracketed tag ("[Show] …", "【节目】…"): a list of clips'
    or episodes' titles, each a link, not the episode's points."""
    tags = {m.group(0) if (m := _TAG.match(item.strip())) else None for item in items}
    return len(items) >= 2 and len(tags) == 1 and None not in tags


_TAG = re.compile(r"^(?:\[[^\]]{1,30}\]|【[^】]{1,30}】)")


def answered_pairs(section: list[str]) -> list[str]:
    """Lines "Q: …" / "A: …" in pairs from a section's start ("问：…" / "答：…"), each pair
    one point: the question, then its answer."""
    lines = [bullet(s) or s.strip() for s in section if s.strip()]
    points: list[str] = []
    for k in range(0, len(lines) - 1, 2):
        asked, answered = _labelled(lines[k], "asked"), _labelled(lines[k + 1], "answered")
        if asked is None or answered is None:
            break
        points.append(f"{asked} {answered}")
    # two pairs make a list of them, whatever follows; one pair only when nothing does
    return points if len(points) >= 2 or len(points) * 2 == len(lines) else []


_QA_LABEL = re.compile(r"^(?P<label>[^\W\d_]{1,9})\s?[:：.．]\s*(?P<text>\S.*)$")


def _labelled(line: str, kind: str) -> str | None:
    """The text of a line opening with a question's (`asked`) or an answer's label."""
    m = _QA_LABEL.match(line)
    if m is None or m.group("label").casefold() not in speech_words(kind):
        return None
    return m.group("text").strip()


def _headed_takeaways(sections: list[Section]) -> tuple[list[str], bool]:
    """(takeaways under their headings, whether a takeaways heading had nothing under it)."""
    out: list[str] = []
    empty = False
    for sec in sections:
        if sec.kind == "takeaways" and _timed_list(sec):
            continue  # "本集重點：" over "00:00 開場 / 03:42 …": the chapters, read as such
        if sec.kind == "takeaways":
            items = _list_under(sec)
            out += items
            empty = empty or not sec.lines
        elif sec.kind == "highlights" and not quote_lines(sec.lines) and _bulleted(sec):
            out += _list_under(sec)
    return out, empty


def _timed_list(sec: Section) -> bool:
    """The section's first lines each start a chapter at a time: a chapter list."""
    first = sec.lines[:_TIMED_FIRST]  # or all of a section cut short ("00:40 오프닝" / …)
    return len(first) >= _TIMED_LEAST and all(starts_at_time(s) for _, s in first)


def _bulleted(sec: Section) -> bool:
    return any(bullet(s) is not None for _, s in sec.lines[:3])


def _inline_takeaways(lines: list[str]) -> list[str]:
    """Sentences after a takeaways heading run into a long line, up to the next heading."""
    long = [line for line in lines if len(line) >= _INLINE_MIN]
    phrases = takeaway_phrases()
    # The pattern scans a long line slowly, and most pages hold no such heading: the phrases
    # are looked for first, on the whole page at once.
    if not _opens_with_phrase("\n".join(long).casefold(), phrases):
        return []
    pattern = inline_pattern()
    for line in long:
        folded = line.casefold()
        if not any(p in folded for p in phrases):
            continue
        found = [m for m in pattern.finditer(line) if _opens(line, m.end())]
        for k, m in enumerate(found):
            if heading_kind(m.group("h")) != "takeaways":
                continue
            end = found[k + 1].start() if k + 1 < len(found) else len(line)
            items = [s.strip() for s in split_sentences(line[m.end() : end]) if s.strip()]
            if 2 <= len(items) <= MAX_LIST:
                return items
    return []


@cache
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """A sentence gap then any of `phrases`, as a trie, so that the engine tries a few
    characters at each gap, not every phrase."""
    return re.compile(_SENTENCE_GAP.pattern + trie_alternation(phrases, shortest=True))


def _opens_with_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether a line or a sentence of `text` starts with one of `phrases` (all casefolded):
    where `inline_pattern` can find a heading, looked for far faster than it does."""
    kept, starts = _by_first(phrases)
    if not kept:
        return False
    if text.startswith(kept):
        return True
    if starts is None:
        return _phrase_pattern(kept).search(text) is not None
    return any(_after_gap(text, gap, starts) for gap in _GAPS if gap in text)


_GAPS = '.!?。！？”"\n'  # the characters a `_SENTENCE_GAP` opens with


@cache
def _by_first(
    phrases: tuple[str, ...],
) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]] | None]:
    """The phrases but empty ones, and the same by their first character; None for these
    when one opens with a space (the pattern's spaces may give it back: the pattern says)."""
    kept = tuple(p for p in phrases if p)
    groups: dict[str, list[str]] = {}
    for phrase in kept:
        groups.setdefault(phrase[0], []).append(phrase)
    if any(first.isspace() for first in groups):
        return kept, None
    return kept, {first: tuple(group) for first, group in groups.items()}


def _after_gap(text: str, gap: str, starts: dict[str, tuple[str, ...]]) -> bool:
    """Whether one of the phrases (`starts`: by first character) follows a `gap` in `text`
    past the spaces after it: `_phrase_pattern`'s search for one gap character, which
    `str.split` finds faster than the pattern engine tries every position."""
    pieces = text.split(gap)
    at = len(pieces[0])  # where the gap before each piece stands
    for piece in pieces[1:]:
        word = at + 1 + len(piece) - len(piece.lstrip())  # the spaces' end: a phrase's start
        group = starts.get(text[word : word + 1])
        if group and text.startswith(group, word):
            return True
        at += 1 + len(piece)
    return False


def _opens(line: str, at: int) -> bool:
    ch = line[at : at + 1]
    return bool(ch) and (ch.isupper() or not ch.islower())


_LISTED_POINTS = 3  # one-sentence lines under a summary heading that make it a list
# a sentence ends and another goes on (in CJK scripts, with no space between them)
_SENTENCE_INSIDE = re.compile(r"[.!?][\"'”’)]?\s+\S|[。！？][」』”）]?[^\s」』”）]")


_CJK_POINT = 15  # CJK characters of a summary's point without its full stop


def _is_sentence(text: str) -> bool:
    if CJK.search(text):
        return len(text) >= 15 and bool(_TERMINAL.search(text))
    return len(text.split()) >= 8 and bool(_TERMINAL.search(text))


def _is_cjk_point(text: str) -> bool:
    """A summary's bullet: a sentence, or in Chinese, Japanese or Korean a clause of some
    length, which such points often leave without a full stop ("书店收入中图书销售占比已不到三成,
    咖啡和研学活动成为主要来源")."""
    return _is_sentence(text) or len(CJK.findall(text)) >= _CJK_POINT


def _sentence_bullets(sections: list[Section]) -> list[str]:
    """Bulleted lists of whole sentences outside any named section: the page's key points."""
    out: list[str] = []
    for sec in sections:
        if sec.kind not in {None, "summary", "shownotes"}:
            continue
        run: list[str] = []
        for _, s in [*sec.lines, (-1, "")]:
            item = bullet(s) if s and quote_of(s) is None else None
            if item is not None and not chapter_lines.classify(0, item, None).entries:
                run.append(item)
                continue
            point = _is_cjk_point if sec.kind == "summary" else _is_sentence
            if len(run) >= 2 and sum(map(point, run)) * 3 >= len(run) * 2:
                out += run
            run = []
    return out[: MAX_LIST * 3]


def _listed_summary(sections: list[Section]) -> list[str]:
    """A summary heading over three or more lines of one sentence each, one under the other
    ("Overview" / "Ruth describes how ..." / "Eliminating late fees ..."): a list of points
    whose bullets the save lost; a summary in prose has sentences running on in a paragraph."""
    for sec in sections:
        if sec.kind != "summary" or len(sec.lines) < _LISTED_POINTS:
            continue
        run: list[str] = []
        for k, (i, text) in enumerate(sec.lines):
            if k and i != sec.lines[k - 1][0] + 1:
                break  # set apart by a blank line: paragraphs, or what follows the list
            if not _is_sentence(text) or _SENTENCE_INSIDE.search(text):
                break  # a paragraph of sentences, or a heading under the list ("Action Items")
            run.append(text)
        if len(run) >= _LISTED_POINTS:
            return run[: MAX_LIST * 3]
    return []


def _quotes(sections: list[Section]) -> list[Quote]:
    quotes: list[Quote] = []
    for sec in sections:
        if sec.kind == "transcript":
            continue
        quotes += headed_quotes(sec.lines) if sec.kind == "quotes" else quote_lines(sec.lines)
    seen: set[str] = set()
    unique = []
    for q in quotes:
        key = q.text.casefold()
        if key not in seen:
            seen.add(key)
            unique.append(q)
    return unique
