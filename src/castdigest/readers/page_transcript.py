"""The transcript a saved page carries: speaker turns and timed cues, found by their shape.

Turns are written as a label line ("Speaker 1 (00:07)", "[00:12] Ana", "Pablo:") followed by
what was said, as "Name: what was said" on one line, or as cue lines ("00:01:29.980 | text",
"[00:00:03] text"). The transcript starts under a transcript heading, else at the first of
at least three such lines; page chrome at its end (app banners, footers) is left out.

Transcript editors show the episode's chapter titles among the turns: a short line with no
sentence's end, alone right above a speaker's label whose turn is timed. Those are the page's
chapters when it lists none elsewhere; their times are not shown, so none is given.
"""

from __future__ import annotations

import re

from castdigest.models import Chapter, Segment, Transcript
from castdigest.readers.chrome import is_chrome, normalise
from castdigest.readers.heading_words import heading_kind
from castdigest.readers.page_dates import is_date_or_length_label
from castdigest.text.durations import parse_duration

_TS = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_NAME = r"[^\W\d_][\w.'’-]*(?: [^\W\d_0-9][\w.'’-]*| \d{1,2}){0,3}"
_LABEL = re.compile(
    rf"^(?:[\[(]?(?P<ts1>{_TS})[\])]?\s+)?(?P<name>{_NAME})\s*"
    rf"(?:[\[(](?P<ts2>{_TS})[\])]\s*[:：]?|[:：])$"
)
_TIMED_LABEL = re.compile(rf"^[\[(]?(?P<ts>{_TS})[\])]?\s+(?P<name>{_NAME})$")
_SAID = re.compile(rf"^(?:[\[(]?(?P<ts>{_TS})[\])]?\s+)?(?P<name>{_NAME}):\s+(?P<text>\S.*)$")
# A turn after a marker ("◇ 박서윤> ...", "▶ Ana: ..."): radio interviews printed by news
# sites mark each speaker's turn so, the name closed by ">" as often as by a colon. ("■"
# marks the broadcast's fields above them: "■ 방송 : ...", "■ 진행 : ...".)
_MARKED = re.compile(rf"^[◇◆▶▷►●○]\s*(?P<name>{_NAME})\s*[:：>]\s*(?P<text>\S.*)$")
_CUE = re.compile(rf"^[\[(]?(?P<ts>{_TS})[\])]?\s*[|–-]?\s+(?P<text>\S.*)$")
_MIN_MARKS = 3
_TERMINAL = re.compile(r"[.!?:;,。！？…][\"'”’»」)]*$")
_CHAPTER_WORDS = 8  # at most, in a chapter title shown among the turns
_CHAPTER_CHARS = 80


def _label(line: str) -> re.Match[str] | None:
    """A speaker's label ("Ana:", "Speaker 1 (00:07)"); not a field's ("Czas trwania:")."""
    m = _LABEL.match(line)
    return None if m is None or is_date_or_length_label(m.group("name")) else m


def _mark(line: str) -> bool:
    return bool(_label(line) or _SAID.match(line) or _MARKED.match(line) or _CUE.match(line))


def find_transcript(lines: list[str]) -> Transcript | None:
    """The page's transcript with its segments, or None when it shows none."""
    stripped = [ln.strip() for ln in lines]
    heading = next((i for i, s in enumerate(stripped) if heading_kind(s) == "transcript"), None)
    if heading is not None:
        start = heading + 1
    else:
        marks = [i for i, s in enumerate(stripped) if s and _mark(s)]
        if len(marks) < _MIN_MARKS:
            return None
        start = marks[0]
    body = [s for s in stripped[start:] if s]
    while body and is_chrome(body[-1]):
        body.pop()
    segments = _segments(body)
    if not segments or not any(s.speaker or s.start is not None for s in segments):
        return None
    if heading is None and len(segments) < 2:
        return None  # one "Name: ..." line and what follows it: a label, not turns
    text = "\n\n".join(f"{s.speaker}: {s.text}" if s.speaker else s.text for s in segments)
    return Transcript(text=text, segments=segments)


def _segments(lines: list[str]) -> list[Segment]:
    segments: list[Segment] = []
    for s in lines:
        if heading_kind(s) not in (None, "transcript"):
            break  # another section of the page
        if m := _label(s):
            ts = m.group("ts1") or m.group("ts2")
            segments.append(Segment(text="", speaker=m.group("name"), start=parse_duration(ts)))
        elif m := _SAID.match(s):
            _add(segments, m.group("name"), m.group("text"), parse_duration(m.group("ts")))
        elif m := _MARKED.match(s):
            _add(segments, m.group("name"), m.group("text"), None)
        elif m := _CUE.match(s):
            start = parse_duration(m.group("ts"))
            if segments and segments[-1].speaker and not segments[-1].text:
                # "Track 4:" then "[0:20] what was said": the label's turn, timed by its cue
                last = segments[-1]
                last.text = m.group("text")
                last.start = last.start if last.start is not None else start
            else:
                segments.append(Segment(text=m.group("text"), start=start))
        elif (m := _TIMED_LABEL.match(s)) and len(s) <= 40:
            segments.append(
                Segment(text="", speaker=m.group("name"), start=parse_duration(m.group("ts")))
            )
        elif segments:
            last = segments[-1]
            last.text = f"{last.text} {s}".strip()
        else:
            segments.append(Segment(text=s))
    return [s for s in segments if s.text]


def _add(segments: list[Segment], speaker: str, text: str, start: float | None) -> None:
    if segments and segments[-1].speaker == speaker:
        segments[-1].text += " " + text
    else:
        segments.append(Segment(text=text, speaker=speaker, start=start))


def transcript_chapters(lines: list[str], title: str | None = None) -> list[Chapter]:
    """The chapter titles shown among a transcript's timed turns (`title`, the episode's, is
    never one of them)."""
    items = [s for s in (ln.strip() for ln in lines) if s]
    speakers = {_first_word(m.group("name")) for s in items if (m := _label(s))}
    skip = {normalise(title)} if title else set()
    chapters: list[Chapter] = []
    first_mark = next((k for k, s in enumerate(items) if _mark(s)), len(items))
    for k in range(len(items)):
        if not _timed_turn(items, k):
            continue
        j = k - 1
        while j >= 0 and _empty_turn(items[j], speakers):
            j -= 1  # "Track 6" alone: a speaker's label with nothing said
        if j < 0 or not _chapter_shaped(items[j]) or normalise(items[j]) in skip:
            continue
        # Above the first turn anything may come before it (the description); between turns
        # the line before must end the last turn, or the candidate is that turn's last words.
        if j <= first_mark or _TERMINAL.search(items[j - 1]) or is_chrome(items[j - 1]):
            chapters.append(Chapter(title=items[j]))
    return chapters if not _repeats(chapters) else []


def _timed_turn(items: list[str], k: int) -> bool:
    """A speaker's label whose turn has a time: on the label, or on the cue that follows."""
    m = _label(items[k])
    if m is None:
        return False
    if m.group("ts1") or m.group("ts2"):
        return True
    return k + 1 < len(items) and bool(_CUE.match(items[k + 1]))


def _empty_turn(line: str, speakers: set[str]) -> bool:
    return len(line) <= 40 and not _TERMINAL.search(line) and _first_word(line) in speakers


def _first_word(s: str) -> str:
    return s.split()[0].casefold() if s.split() else ""


def _chapter_shaped(line: str) -> bool:
    return (
        len(line) <= _CHAPTER_CHARS
        and len(line.split()) <= _CHAPTER_WORDS
        and not _TERMINAL.search(line)
        and not _mark(line)
        and not is_chrome(line)
        and heading_kind(line) is None
        and any(c.isalpha() for c in line)
    )


def _repeats(chapters: list[Chapter]) -> bool:
    """The same line above several turns is the page's furniture, not a chapter title."""
    return len({normalise(c.title) for c in chapters}) < len(chapters)
