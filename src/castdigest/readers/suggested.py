"""What a saved episode page suggests besides its episode, taken off before it is read.

Podcast apps and players end an episode's page with other episodes ("More episodes like this",
"Weitere Folgen", "他のエピソード"), each with its own title, date and length: read as they
stand, they make the page a listing of several episodes. The page is cut at such a heading when
what stands above it is one episode's page: a body (a paragraph or a list of chapter times) and
at most one date. A listing (many dates above the heading) keeps all its lines. Below the
heading only the page's furniture is kept (a copyright line, legal links): it tells the site's
name from a title. A comment thread above the heading is the readers', not the episode's: its
dates do not count, and it goes with the suggestions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import islice

from castdigest.readers.base import Document
from castdigest.readers.chapter_lines import dotted_starts
from castdigest.readers.chrome import chrome_kind, is_chrome, is_label
from castdigest.readers.heading_words import (
    MAX_HEADING,
    heading_kind,
    lists_airings,
    lists_episodes,
    more_names,
    names_episodes,
    opens_comments,
    shown_names,
    suggests_others,
)
from castdigest.readers.line_dates import has_date, has_length, has_time, is_date_line
from castdigest.readers.page_dates import (
    labelled_numeric_date,
    offered_until,
    without_time_of_day,
)
from castdigest.text.truncate import display_width

_OWN_LIST = 8  # lines from a "Latest episode" heading to the show's "Episodes" heading
_NAMED_SPAN = 12  # lines under an episodes heading searched for entries naming the show
# Words a cookie banner names, casefolded: looked for as substrings, many times faster than a
# case-blind pattern over a page's first paragraph, which may be long.
_COOKIE = ("cooki", "traceur", "tracker", "クッキー", "쿠키", "缓存")
_DATE_UNDER_HEADING = 2  # lines under a list's heading where its first entry's date stands
_BODY = 150  # characters of a paragraph (CJK count double)
_TIMED = re.compile(r"^\s*[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+\S")
_MIN_TIMED = 3
_CUE = re.compile(r"\d:\d\d[.,]\d{3}\s+-->")  # a WebVTT or SRT cue's timing
_FIRST = 3  # a heading among the first lines heads the page itself
_MIN_TEASERS = 2
_TEASER_TITLE = 150  # characters (CJK count double) of a teaser's title or a comment's name
_META = 60  # characters of the date line under it
_HEADING = 40
_WIDTH_CAP = 400
_THREAD = 8  # lines under a comments heading in which its first comment starts
_STOP = (".", "!", "?", "。", "！", "？", ":")
_SENTENCE_END = (".", "!", "?", "。", "！", "？")
_SENTENCE_LINES = 3
_DATE_LINE_WORDS = 6  # words of a line with a date in it that dates the page, at most
_BOX_LINKS = 4  # links in a box of related stories inside an article
_PROSE_AFTER = 2  # paragraphs under such a box, the first a long one: the article goes on
_SENTENCE = 60  # characters (CJK count double) of a sentence of prose
_DATELINE_UNDER = 3  # short lines under an episode's standfirst where its date may stand


def without_suggestions(doc: Document) -> Document:
    """`doc` without the episodes its page suggests (see the module doc), or `doc` itself."""
    head = doc.text[:1000].lstrip()
    if head[:1] in ("<", "{", "[") or head.startswith("WEBVTT") or _CUE.search(head):
        return doc  # markup, data or timed cues: their readers know their own parts
    lines = doc.text.splitlines()
    cut, headed = _cut_at_heading(lines, first_body(lines))
    if cut is not None:
        return _kept(doc, lines, cut[0], cut[1] + 1)
    if headed:
        return doc  # headings with no one episode above any: a listing, or a page unread
    tail = _teasers_at(lines)
    if tail is None:
        return doc
    return _kept(doc, lines, _heading_above(lines, tail), tail)


def _kept(doc: Document, lines: list[str], end: int, rest: int) -> Document:
    """`doc` with its lines up to `end`, and the page's furniture from `rest` on (a
    copyright line, legal links: it tells the site's name from a title)."""
    furniture = [line for line in lines[rest:] if _furniture(line)]
    text = "\n".join(lines[:end]).rstrip("\n")
    if furniture:
        text += "\n\n" + "\n".join(furniture)
    return replace(doc, text=text + "\n")


def _cut_at_heading(lines: list[str], body: int | None) -> tuple[tuple[int, int] | None, bool]:
    """((end, heading) where the page's own part ends at a heading over what it suggests, or
    None; and whether a heading of the vocabulary was seen at all)."""
    headed = False
    # a comments heading ends the episode's part below its body; above, it is a tab ("评论(86)")
    opened = _FIRST if body is None else max(_FIRST, body + 1)
    first_shown: dict[str, int] = {}  # each short line's bare form, where it is first shown
    for k, line in enumerate(lines):
        if len(line) <= MAX_HEADING:  # a longer line is no show's name
            for name in shown_names([line]):
                first_shown.setdefault(name, k)
    for k in range(_FIRST, len(lines)):
        if not 0 < len(lines[k].strip()) <= MAX_HEADING:
            continue  # no heading: what `_heading` asks holds of short lines only
        kind = _heading(lines, k, body, first_shown)
        if kind is None or _show_list(lines, k, body) or _box_in_prose(lines, k):
            continue
        headed = headed or kind == "worded"  # "More <show>", "Episodes" may be links
        end = next((j for j in range(opened, k) if _thread_heading(lines, j)), k)
        if _one_episode(lines[:end]) or _ends_listing(lines, k, body):
            return (end, k), headed
        # else a tab or a button of that name above the body: a later one may head them
    return None, headed


def _box_in_prose(lines: list[str], k: int) -> bool:
    """The heading at `k` heads a box of a few links set inside an article, its paragraphs
    going on under them ("Related Stories" / two headlines / the next paragraphs): not the
    end of the page's own part."""
    below = [j for j in range(k + 1, min(len(lines), k + 1 + _BOX_LINKS + _PROSE_AFTER))]
    below = [j for j in below if lines[j].strip()]
    for n, j in enumerate(below[: _BOX_LINKS + 1]):
        if _paragraph(lines[j], _BODY):
            after = below[n + 1 : n + _PROSE_AFTER]
            return (
                n > 0
                and len(after) == _PROSE_AFTER - 1
                and all(_paragraph(lines[i], _SENTENCE) for i in after)
            )
    return False


def _paragraph(line: str, width: int) -> bool:
    s = line.strip().rstrip('”’"»」』)')
    return display_width(s) >= width and s.endswith(_SENTENCE_END)


def _heading(lines: list[str], k: int, body: int | None, first_shown: dict[str, int]) -> str | None:
    """ "worded" for a suggestions heading of the vocabulary ("More episodes like this"),
    "other" for an episodes heading under the body or "More <show>" (a name shown above it:
    `first_shown`), else None."""
    line = lines[k]
    if suggests_others(line):
        return "worded"
    below = body is not None and k > body  # an episodes heading under the body: others
    more = any(first_shown.get(name, k) < k for name in more_names(line))
    if (below and lists_episodes(line)) or more:
        return "other"
    return None


def _show_list(lines: list[str], k: int, body: int | None) -> bool:
    """ "Latest episode(s)", "Episodes" on a show's page, nothing dated above its description
    (an episode's page dates its episode above its body, or under its standfirst and byline):
    the show's own list."""
    # the heading itself, or one under it over dated entries; not the link closing a list
    # ("Weitere Sendungen" / two entries / "Alle Sendungen")
    own = lists_episodes(lines[k]) or any(
        lists_episodes(lines[j])
        and any(_dated(under) for under in lines[j + 1 : j + 1 + _NAMED_SPAN])
        for j in range(k + 1, min(k + _OWN_LIST, len(lines)))
    )
    top = k if body is None else min(k, _dateline_end(lines, body))
    return own and (not any(_dated(above) for above in lines[:top]) or _show_named(lines, k))


def _dateline_end(lines: list[str], body: int) -> int:
    """Where an episode's dateline may stand at the latest: under the body's first paragraph
    (a standfirst), a byline and a short line or two between ("Standfirst" / "Ruben de Wit" /
    "20 november 2026, 05:00")."""
    end = body
    for j in islice((j for j in range(body + 1, len(lines)) if lines[j].strip()), _DATELINE_UNDER):
        s = lines[j].strip()
        if display_width(s) > _HEADING or s.endswith(_SENTENCE_END):
            break  # a sentence: the body goes on (a notice, a paragraph)
        end = j + 1
    return end


_NAMED_ENTRY = re.compile(r"^(?P<name>[^|·•]{2,60}?)\s+[|·•]\s+\S")


def _show_named(lines: list[str], k: int) -> bool:
    """The entries under the heading at `k` open with a name the page shows alone above it
    ("La Mappa" / ... / "Tutte le puntate" / "La Mappa | 21/11/2026"): its show's own
    episodes, whatever the page dates above them (a live player, the latest episode)."""
    above = {line.strip() for line in lines[:k] if 0 < len(line.strip()) <= MAX_HEADING}
    named = [
        m.group("name")
        for line in lines[k + 1 : k + 1 + _NAMED_SPAN]
        if (m := _NAMED_ENTRY.match(line.strip())) and _dated(line)
    ]
    return len(named) >= _MIN_TEASERS and all(name in above for name in named)


def _dated(line: str) -> bool:
    """A date in the line, or one after a publication label ("Release date: 11-17-26")."""
    return has_date(line) or labelled_numeric_date(line) is not None


def _ends_listing(lines: list[str], k: int, body: int | None) -> bool:
    """A heading of other things under a listing's dated entries ("Das könnte Sie auch
    interessieren", "More from <network>"); "Weitere Folgen" under a show's list heads its
    own episodes."""
    return (
        body is not None and k > body and not names_episodes(lines[k]) and _listing_above(lines[:k])
    )


def _teasers_at(lines: list[str]) -> int | None:
    """Where a page of one episode ends in a run of short entries, each a line over a date
    (other episodes: "Che fine fanno le pale eoliche" / "4 nov 2026 · 29 min"; or comments: a
    name over "2 days ago"), with no paragraph from there to the end: the index of the run's
    first line, when there are two entries or more and what stands above is one episode."""
    body = first_body(lines)
    if body is None:
        return None
    for c in range(body + 1, len(lines)):
        if _thread_heading(lines, c) and any(
            _entry_at(lines, j) for j in range(c + 1, min(c + _THREAD, len(lines)))
        ):
            # A comment thread (a heading over a name and a date): the readers', to the end.
            return c + 1 if _one_episode(lines[:c]) else None
    # A run has no paragraph: it lies after the page's last one, where two entries need four
    # lines at least (most pages, listings with bodies among them, end in a paragraph).
    last_body = max((j for j in range(body, len(lines)) if _paragraph_at(lines, j)), default=body)
    if sum(1 for line in lines[last_body + 1 :] if line.strip()) < 2 * _MIN_TEASERS:
        return None
    for t in range(body + 1, len(lines)):
        if not _entry_at(lines, t):
            continue
        if any(_paragraph_at(lines, j) for j in range(t, len(lines))):
            return None  # paragraphs below: entries with bodies, a listing's
        at = [j for j in range(t, len(lines)) if _entry_at(lines, j)]
        entries = len(at)
        # one line right over most dates (the host's name): a listing's label, where each
        # entry's title stands above it; not a show's name over each title (a kicker)
        right_over = Counter(lines[j].strip() for j in at if _date_under(lines, j))
        label = right_over.most_common(1)[0][1] if right_over else 0
        if label >= _MIN_TEASERS and label * 2 >= entries:
            return None
        # Entries above with bodies of their own stopped the search already (a listing's):
        # the page above may show its episode's date and one more (an expiry, a recording).
        if entries >= _MIN_TEASERS and _one_episode(lines[:t], most_dates=2):
            # the show's own list, under its heading (which may be the run's first line)
            own = lists_own_episodes(lines, t) or lists_own_episodes(lines, t + 1)
            own = own or not _dated_or_timed(lines[:t]) or _first_of_list(lines, t, at)
            own = own or _body_in_list(lines, body)
            return None if own or _parts_heading(lines, t) else t
        return None
    return None


def _first_of_list(lines: list[str], t: int, at: list[int]) -> bool:
    """The part of the page above the run at `t` is one entry shaped as the run's (as many
    lines as its first), right under an episodes heading with no date above it ("Alle
    Folgen" / "Folge 88" / date / length / title / teaser, then "Folge 87" / …): the first of
    a show's list, whose teaser happens to be long, not an episode's page."""
    heading = _undated_list_heading(lines, t)
    if heading is None or len(at) < _MIN_TEASERS:
        return False
    shown = [k for k in range(heading + 1, at[1]) if lines[k].strip() and not is_chrome(lines[k])]
    first = sum(1 for k in shown if k < t)
    return abs(first - (len(shown) - first)) <= 1


def _body_in_list(lines: list[str], body: int) -> bool:
    """The page's first paragraph lies under an episodes heading with no date above it and a
    date right under it ("最新のエピソード" / "2026.11.21" / title / teaser): the teaser of the
    list's first entry, not an episode's body (a tab of that name has no date under it)."""
    heading = _undated_list_heading(lines, body)
    if heading is None:
        return False
    under = [line for line in lines[heading + 1 : body] if line.strip()][:_DATE_UNDER_HEADING]
    return any(_dated(line) for line in under)


def _parts_heading(lines: list[str], t: int) -> bool:
    """The run at `t` opens with or is under a heading of the episode's own parts ("Segments
    from this episode", "Chapitres"): its segments, each over its date, not other episodes."""
    return any(heading_kind(lines[k]) in _PARTS for k in {_heading_above(lines, t), t})


_PARTS = frozenset({"chapters", "takeaways", "quotes", "highlights"})


def _dated_or_timed(lines: list[str]) -> bool:
    """An episode's page shows its date or its length above what it suggests; a show's page
    over its own list shows neither, only its description (and when it airs)."""
    return any(
        len(line) <= _WIDTH_CAP and (has_date(line) or has_length(line) or has_time(line))
        for line in lines
    )


def _thread_heading(lines: list[str], c: int) -> bool:
    """lines[c] heads the page's comment thread ("Comments", "댓글"): not a count of them
    beside another count ("좋아요 128" / "댓글 17" under an entry: its likes and comments), nor
    a toolbar's button right under another."""
    if not opens_comments(lines[c]):
        return False
    if c and lines[c - 1].strip() and chrome_kind(lines[c - 1]) == "interface words":
        return False  # a button among buttons ("Partilhar" / "Guardar" / "Comentários")
    above = next((line for line in reversed(lines[max(0, c - 2) : c]) if line.strip()), "")
    below = next((line for line in lines[c + 1 : c + 3] if line.strip()), "")
    return not any(chrome_kind(line) == "counter" for line in (above, below) if line)


def lists_own_episodes(lines: list[str], end: int) -> bool:
    """A show's page: an episodes heading ("All episodes", "Afleveringen") right over the
    entries from `end` on (no body between) and no date above it, so the paragraph above is
    the show's description and the entries its episodes (an episode's page dates its episode
    above what it suggests; its "All episodes" button stands over its own body)."""
    heading = _undated_list_heading(lines, end)
    return heading is not None and first_body(lines[heading + 1 : end]) is None


def _undated_list_heading(lines: list[str], end: int) -> int | None:
    """The last episodes heading above `end`, when no date stands above it, else None."""
    heading = next((k for k in range(end - 1, -1, -1) if lists_episodes(lines[k])), None)
    if heading is None or any(has_date(line) for line in lines[:heading]):
        return None
    return heading


def first_body(lines: list[str]) -> int | None:
    """Where the page's body has begun: its first paragraph, or the third of its chapter times
    (a video's description can be a line and a list of chapters; "3.40" as Finnish pages
    write a start counts, in a run from zero)."""
    timed = 0
    for k, line in enumerate(dotted_starts(lines)):
        timed += bool(_TIMED.match(line))
        if (_paragraph_at(lines, k) and not _consent(lines, k)) or timed >= _MIN_TIMED:
            return k
    return None


def _consent(lines: list[str], k: int) -> bool:
    """lines[k] is a cookie banner's text: it names cookies and buttons follow it ("Accepter",
    "Refuser"), not the page's body."""
    folded = lines[k].casefold()
    if not any(word in folded for word in _COOKIE):
        return False
    under = [line for line in lines[k + 1 : k + 4] if line.strip()]
    return bool(under) and chrome_kind(under[0]) is not None


def _paragraph_at(lines: list[str], k: int) -> bool:
    """lines[k] is a paragraph, or starts one written as short sentences a line each (as
    Japanese and Chinese descriptions often are): three lines ending a sentence, together as
    long as a paragraph."""
    if _width(lines[k]) >= _BODY:
        return True
    run = lines[k : k + _SENTENCE_LINES]
    return (
        len(run) == _SENTENCE_LINES
        and all(line.rstrip().endswith(_SENTENCE_END) for line in run)
        and sum(map(_width, run)) >= _BODY
    )


def _entry_at(lines: list[str], t: int) -> bool:
    """lines[t] is a short line (a title, a name) with a date on one of the two lines under it."""
    s = lines[t].strip()
    if not s or _width(s) > _TEASER_TITLE or has_date(s) or _TIMED.match(s):
        return False
    if chrome_kind(s) not in (None, "address"):  # a commenter's handle ("@seoul_renter") is one
        return False
    under = [line.strip() for line in lines[t + 1 : t + 3]]
    return any(line and _width(line) <= _META and has_date(line) for line in under)


def _date_under(lines: list[str], t: int) -> bool:
    """The line under lines[t] (blank lines past) is a date."""
    under = next((line.strip() for line in lines[t + 1 :] if line.strip()), "")
    return _width(under) <= _META and has_date(under)


def _heading_above(lines: list[str], t: int) -> int:
    """The run's start, moved up past the blank lines and the short heading over the run
    ("Gli altri episodi", "이 에피소드의 댓글 14")."""
    k = t
    while k > 0 and not lines[k - 1].strip():
        k -= 1
    above = lines[k - 1] if k > 0 else ""
    heading = any(c.isalpha() for c in above)  # "52:41 – 1:03:10" is the page's, no heading
    if heading and _width(above) <= _HEADING and not above.rstrip().endswith(_STOP):
        k -= 1
    return k


def _furniture(line: str) -> bool:
    """The page's own lines under what is cut (copyright, legal links), not the cut entries'
    dates or lengths."""
    s = line.strip()
    if s.startswith(("©", "(c)", "Copyright")):
        return True  # "© 2026 Second-Hand Signals": no entry's date, nor "2026 seconds"
    if not s or has_date(s) or has_length(s):
        return False  # the cut entries' dates and lengths ("3日前", "48 分钟" look like counters)
    return chrome_kind(s) is not None


def _listing_above(lines: list[str]) -> bool:
    """Entries above, each a line over a date: a listing, whose suggestions follow it."""
    return sum(1 for t in range(len(lines)) if _entry_at(lines, t)) >= _MIN_TEASERS


def _one_episode(lines: list[str], most_dates: int = 1) -> bool:
    """A body above, and at most `most_dates` dates (an episode's own, perhaps an expiry or a
    recording date; a listing's entries each have one)."""
    body = any(_paragraph_at(lines, k) for k in range(len(lines))) or (
        sum(1 for line in dotted_starts(lines) if _TIMED.match(line)) >= _MIN_TIMED
    )
    shown = [line.strip() for line in _without_airings(lines) if line.strip()]
    dated = [
        line
        for k, line in enumerate(shown)
        if len(line) <= 120
        and has_date(line)
        # a title holding an age ("… que acorda às duas há 40 anos") dates nothing
        and (len(line.split()) <= _DATE_LINE_WORDS or is_date_line(line))
        and not (k and is_label(shown[k - 1]))
        and not offered_until(line)
    ]  # a date under a label ("Released" / "November 18, 2026") is the panel's, counted once
    # A panel's field ("Published: 11/18/2026 9:00 AM") repeats the date shown under the
    # title: one such field is not counted beside another date; several distinct ones are.
    fields = [labelled_numeric_date(without_time_of_day(line)) for line in dated]
    alone = fields.count(None)
    labelled = len({f for f in fields if f is not None})
    dates = alone + max(0, labelled - (1 if alone else 0))
    return body and dates <= most_dates


def _without_airings(lines: list[str]) -> list[str]:
    """`lines` less the broadcast times a radio page lists under their heading, up to a
    blank line: a programme's airings, not other episodes' dates."""
    out: list[str] = []
    airing = False
    for line in lines:
        if lists_airings(line):
            airing = True
        elif not line.strip():
            airing = False
        elif not airing:
            out.append(line)
    return out


def _width(line: str) -> int:
    """The line's width (a CJK character counts two), up to `_WIDTH_CAP`: every threshold
    is below it, and a 20 KB line is not walked character by character."""
    return display_width(line.strip()[:_WIDTH_CAP])
