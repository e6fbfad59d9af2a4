"""Chapters a page lists without times, under a chapters or summary heading: short lines each
a title, paragraphs each a chapter, the segments of a running order, corners each marked over
its paragraph, segments each closed by its clip's length."""

from __future__ import annotations

import re
from collections import Counter

from castdigest.models import Chapter
from castdigest.readers.chrome import chrome_kind, is_chrome
from castdigest.readers.line_dates import has_length, is_date_line, length_alone
from castdigest.readers.section_lines import (
    CJK,
    MAX_LIST,
    MIN_SEGMENTS,
    SHORT_LINE,
    STATEMENT_END,
    Section,
    bullet,
)
from castdigest.readers.subheadings import CORNER_MARKS, aired_run
from castdigest.readers.title_signals import kind_alone, podcast_name
from castdigest.text.sentences import split_sentences
from castdigest.text.truncate import cjk_count, display_width

_INLINE_MARKS = "▽▼△▲■□◆◇●○•◎"  # marks that run a list into one line
_FIELD = re.compile(r"^[^:：]{1,20}[:：]\s*\S")  # "Host: Ada Lund", "공개일: 2026년 11월 19일"
_LENGTH_LINE = 24  # characters of a segment's length line ("Listen 13:42")


def untimed_chapters(sections: list[Section]) -> tuple[list[Chapter], list[str]]:
    """Chapters under a chapters heading without times: short lines, each a title; or
    paragraphs, each a chapter summary, with the bullets after one as key points."""
    for sec in sections:
        if sec.kind == "summary" and (topics := _running_order(sec)):
            return [Chapter(title=t) for t in topics], []
        if sec.kind != "chapters" or not sec.lines:
            continue
        if segments := segment_titles(sec):
            return [Chapter(title=t) for t in segments], []
        if aired := aired_run([s for _, s in sec.lines]):
            return [Chapter(title=t) for _, t in aired], []  # "ore 9.06 – …": when each airs
        if marked := _marked_titles(sec):
            return marked, []
        first = sec.lines[0][1]
        if display_width(first) > SHORT_LINE and bullet(first) is None:
            return _paragraph_chapters(sec)
        titles: list[str] = []
        spacing = None  # lines from one title to the next: the list keeps its own
        last = None  # the line of the title before
        for i, s in sec.lines:
            text = bullet(s) or s
            listed = bool(titles) and bullet(s) is not None  # the list's last item may end in "。"
            if display_width(text) > SHORT_LINE or (STATEMENT_END.search(text) and not listed):
                break  # a sentence, not a title (a question may be one: "Why tides?")
            if titles and (is_chrome(text) or chrome_kind(text) == "player"):
                break  # the page's player or buttons under the list ("收聽節目" / "00:00 / 54:32")
            if last is not None and _dated_alone(text):
                continue  # each segment's date or length under its title
            if last is not None and spacing is not None and i - last != spacing:
                break  # a blank line ends a tight list: credits or tags follow ("Avec")
            if last is not None:
                spacing = i - last
            titles.append(text)
            last = i
        # a menu under a menu item of that name ("Themen" / "Live TV" / "Live TV" / ...)
        # repeats its items, or names the site's sections and the show; chapters do not
        menu = len(set(titles)) < len(titles) or any(
            kind_alone(t) or podcast_name(t) for t in titles
        )
        if len(titles) >= 2 and not _tags(titles) and not menu:
            return [Chapter(title=t) for t in titles[: MAX_LIST * 3]], []
    return [], []


def contents(chapters: list[Chapter], lines: list[str]) -> bool:
    """Untimed titles each shown again further down as a line of its own: the page's table
    of contents ("目录" / "节目信息" ... and the same headings over its sections), an article's
    parts, not the episode's."""
    if len(chapters) < 2:
        return False
    shown = Counter(line.strip() for line in lines)
    return all(shown[c.title] >= 2 for c in chapters)


def _tags(titles: list[str]) -> bool:
    """Three or more single words ("Energie", "Heizen", "Verbraucher"): a page's topic tags
    under a "Themen" heading, not its parts, which a phrase names."""
    return len(titles) >= 3 and all(len(t.split()) == 1 and not CJK.search(t) for t in titles)


_MARKED = re.compile(rf"^[{CORNER_MARKS}]\s*(?P<t>\S.*)$")  # "■まちかど探検隊"


def _marked_titles(sec: Section) -> list[Chapter]:
    """Corners each marked as a heading over its own paragraph ("■まちかど探検隊" / what it
    was about / "■ぎふの旬ごはん" / …), two or more: each a chapter, its paragraph its
    summary. (Marked lines one under the other are a list, read as such.)"""
    chapters: list[Chapter] = []
    between = False  # a line of its own under a marked one
    for _, s in sec.lines:
        m = _MARKED.match(s)
        if m is not None and display_width(m["t"]) <= SHORT_LINE:
            chapters.append(Chapter(title=m["t"].strip()))
        elif chapters:
            between = True
            last = chapters[-1]
            last.summary = f"{last.summary}\n\n{s}" if last.summary else s
    return chapters if len(chapters) >= 2 and between else []


def told_segments(sections: list[Section]) -> list[Chapter]:
    """The segments of the first chapters section told each in a block closed by its
    length (`_segment_titles`), untimed."""
    for sec in sections:
        if sec.kind == "chapters" and (titles := segment_titles(sec)):
            return [Chapter(title=t) for t in titles]
    return []


def segment_titles(sec: Section) -> list[str]:
    """Segments told each in a block closed by its length ("Science" / a title / a teaser /
    "Listen 13:42"), two or more: each block's title, its longest line of three words or more
    that ends no sentence (the one-word line over it is its section's label), else one of two
    words ("Der Postschiffer")."""
    titles: list[str] = []
    block: list[str] = []
    for _, s in sec.lines:
        if len(s) <= _LENGTH_LINE and has_length(s) and not STATEMENT_END.search(s):
            unended = [b for b in block if not STATEMENT_END.search(b)]
            shaped = [b for b in unended if len(b.split()) >= 3]
            # or a title of two words ("Der Postschiffer") when no longer one is there
            shaped = shaped or [b for b in unended if len(b.split()) == 2]
            if not shaped:
                return []
            titles.append(max(shaped, key=len))
            block = []
        else:
            block.append(s)
    return titles if len(titles) >= 2 else []


def _dated_alone(line: str) -> bool:
    """A date or a length alone on its line ("Nov 21, 2026", "12 min"): metadata, no title."""
    return is_date_line(line) or length_alone(line)


def _running_order(sec: Section) -> list[str]:
    """The segments an "In this episode:" heading lists right under it: a tight run of three
    or more bullets, each a short title, not a sentence (those are its points)."""
    titles: list[str] = []
    lines = sec.lines
    if lines and (inline := _inline_items(lines[0][1])):
        lines = [(lines[0][0] + k, "- " + item) for k, item in enumerate(inline)]
    bare = bool(lines) and bullet(lines[0][1]) is None  # titles without their bullets
    for k, (i, s) in enumerate(lines):
        text = s if bare and bullet(s) is None else bullet(s)
        if text is None or (k and i - lines[k - 1][0] != 1):
            break
        if bare and not _bare_title(text):
            break  # the list ends where sentences or names follow
        if display_width(text) > SHORT_LINE:
            return []
        titles.append(text)
    if titles and all(_FIELD.match(t) for t in titles):
        return []  # an information panel's fields ("프로그램: …", "Host: …"), no segments
    if any(STATEMENT_END.search(t) for t in titles) and not _one_sentence(titles):
        return []  # sentences: the episode's points
    titles = [t.rstrip(_LIST_PUNCTUATION) if _one_sentence(titles) else t for t in titles]
    return titles[: MAX_LIST * 3] if len(titles) >= MIN_SEGMENTS else []


_BARE_WORDS = 3  # words of a segment's title listed without a bullet, at least


def _bare_title(text: str) -> bool:
    """A segment's title on a line of its own, no bullet: a phrase, not a sentence, nor a
    name ("Filtros caseros: cuáles sirven y cuáles no")."""
    words = len(text.split()) if not cjk_count(text) else cjk_count(text) // 2
    return (
        display_width(text) <= SHORT_LINE
        and not STATEMENT_END.search(text)
        and words >= _BARE_WORDS
    )


_LIST_PUNCTUATION = ",;，；、."


def _one_sentence(items: list[str]) -> bool:
    """Items punctuated as the parts of one sentence ("– what the plan costs," / "– who
    pays for it."): each ends in a comma or a semicolon, the last in a full stop."""
    return (
        len(items) >= 2
        and all(t.endswith((",", ";", "，", "；", "、")) for t in items[:-1])
        and STATEMENT_END.search(items[-1]) is not None
    )


def _inline_items(line: str) -> list[str]:
    """A list run into one line, each item after the same mark ("▽A ▽B ▽C", as Japanese
    broadcasters list a programme's segments), or []."""
    s = line.strip()
    if not s or s[0] not in _INLINE_MARKS or s.count(s[0]) < MIN_SEGMENTS:
        return []
    return [item.strip() for item in s.split(s[0]) if item.strip()]


def _paragraph_chapters(sec: Section) -> tuple[list[Chapter], list[str]]:
    chapters: list[Chapter] = []
    points: list[str] = []
    for _, s in sec.lines:
        if (item := bullet(s)) is not None:
            if not chapters:
                break
            points.append(item)
        elif display_width(s) > SHORT_LINE and not points:
            first = split_sentences(s)[0] if split_sentences(s) else s
            title = re.split(r"[,，、;；:：]", first, maxsplit=1)[0].strip()
            chapters.append(Chapter(title=title[:80].rstrip(), summary=s))
        else:
            break
    return chapters, points
