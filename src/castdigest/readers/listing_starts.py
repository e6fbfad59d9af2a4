"""Where a listing's entries start: a title line over its metadata (a date, a length), and
the lines that stand there without being one (a byline, a dateline's place, a button or a
label every entry shows, an entry's tags and counts, the body's last sentence over the player).
An entry that shows no length is found by its likeness to those that do; a page of one episode
whose metadata stands under a reporter's name or a dateline is framed by the title above it.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from castdigest.readers.chrome import chrome_kind, is_chrome, is_label, lead_in, normalise
from castdigest.readers.heading_words import (
    MAX_HEADING,
    heading_kind,
    lists_episodes,
    suggests_others,
)
from castdigest.readers.line_dates import clock_length, has_length
from castdigest.readers.listing_kinds import DATE_KINDS
from castdigest.readers.listing_shapes import TITLE_MAX, badge, over_standfirst, two_sentences
from castdigest.readers.markup import is_hashtag_line
from castdigest.readers.page_dates import without_time_of_day
from castdigest.readers.page_names import labelled_people
from castdigest.readers.title_people import first_named, full_name, names_only, opening_prose
from castdigest.readers.title_signals import (
    by_name,
    byline,
    capitals,
    credited,
    field_line,
    numbered,
    numbers_only,
    podcast_name,
    show_numbered,
    title_label,
)
from castdigest.text.normalize import fold

SAME_STARTS = 3  # entries opening on the same line: that line is a label, not their titles
MAX_TITLE = TITLE_MAX
FULL_STOPS = (".", "。", "．")
_CLIP = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+\S")  # a time opening the line


_NUMBER_OVER = 4  # lines from an episode's number alone to the title it heads


_WORDS_OVER = 3  # words of a sentence ending in a full stop over the page's player


_SENTENCE = 60  # characters of a line ending in a full stop over a date: a description


_TAG = re.compile(r"^#\s[^\W\d_][^\W\d]*(?:\s[^\W\d_][^\W\d]*){0,2}$")


_PLAYER_UNDER = 6  # lines from an entry's title to its player's label, at most
PLAYER_LABEL = 3  # words of a player's label or button ("Play segment"), at most


def _under_dated_entry(kinds: dict[int, str | None], above: list[int], out: list[int]) -> bool:
    """The last entry found starts a few lines above, and its date stands between."""
    if not out:
        return False
    between = [i for i in above if i > out[-1]]
    return len(between) <= _PLAYER_UNDER and any(kinds[i] in DATE_KINDS for i in between)


def entry_starts(lines: list[str], kinds: dict[int, str | None]) -> list[int]:
    """Indexes of episode title lines: a text line followed by a duration line, or by other
    metadata when at least two kinds of it follow (a live episode has no duration yet)."""
    out: list[int] = []
    nonblank = list(kinds)
    alone: set[str] | None = None  # the page's lines, normalised: made when a byline asks
    spoken = _transcript_lines(lines, nonblank)
    counts = {i for i in nonblank if counted(lines[i])}  # asked of each line up to eight times
    labels = _over_each_entry(lines, kinds, nonblank)
    for k, i in enumerate(nonblank[:-1]):
        cur = lines[i].strip()
        if kinds[i] or i in counts or _CLIP.match(cur) or i in spoken:
            # metadata, tags, a count, a timed clip's title ("[03:58] ..."), or a speaker
            # over the time of their turn in a transcript
            continue
        if not any(c.isalnum() for c in cur) or badge(cur):
            continue  # a player's separator ("00:00" / "/" / "58:14"), a rule, a badge ("E")
        if (
            _TAG.match(cur)
            or field_line(cur)
            or (byline(cur) and fold(cur) not in labels)  # not the host every entry shows
            or lists_episodes(cur)
            or suggests_others(cur)
        ):
            # a genre tag ("# Storytelling"), a panel's field ("ゲスト：..."), a byline, the
            # list's heading over the first entry's date ("Wszystkie odcinki (86)", "Autres
            # épisodes")
            continue
        if title_label(cur.replace("：", ":").partition(":")[0]):
            continue  # a panel's title field ("Title: …" over "Show: …" / "Length: 52 min")
        if k and show_numbered(cur) and teaser_like(lines[nonblank[k - 1]].strip()):
            continue  # "Title / standfirst / Tidelines · Season 2, Episode 6 / date": its show
        following = _following(lines, kinds, nonblank[k + 1 : k + 8], counts)
        if not following:
            continue  # counts and tags to the end: nothing it stands over
        if following[:2] == ["position", "duration"] and (podcast_name(cur) or numbers_only(cur)):
            continue  # a player's card: the show's name or "Folge 87" over "00:00" / "24:36"
        if (
            following[0] == "position"
            and len(cur.split()) <= PLAYER_LABEL
            and _under_dated_entry(kinds, nonblank[:k], out)
        ):
            continue  # the entry's player under its date: "Play segment" / "00:00" / "17:42"
        if following[:2] == ["duration", "duration"] and _playing(lines, nonblank[k + 1 : k + 3]):
            continue  # a live player's song, mid-play: "Artist – Song" / "1:12" / "3:41"
        if (
            following[0] == "duration"
            and teaser_like(cur)
            and _under_dated_start(lines, kinds, nonblank[:k], out)
        ):
            continue  # "Title / date / teaser / length": the teaser under its entry's date
        over_meta = following[0] in {"duration", "dated"} or (
            following[0] and len({kind for kind in following if kind}) >= 2
        )
        if not over_meta or lead_in(cur) or is_chrome(cur) or is_label(cur):  # costliest last
            continue
        if (_credited(lines, cur) or names_only(cur)) and fold(cur) not in labels:
            # "Harriet Okafor" over the date, "Presented by Harriet Okafor" below; names
            # joined ("Lukas Brunner, Seraina Vogt"): a byline, unless every entry shows it
            # over its metadata (the one host of a show's list: a label of each entry)
            continue
        if (name := by_name(cur)) is not None:
            alone = alone if alone is not None else {normalise(s) for s in lines if s.strip()}
            if name in alone:
                continue  # "Par Point de bascule": the show that made it, over the date
        # a body line over metadata is no title, unless it is a teaser under one; a paragraph
        # over a date alone ends the entry above ("Title / 00:41:26 / description / date")
        prose = len(cur) > _SENTENCE and cur.endswith(FULL_STOPS) and following[0] == "age"
        if (
            following[0] == "position"
            and len(cur.split()) > _WORDS_OVER
            and cur.endswith(FULL_STOPS)
        ):
            continue  # the body's last sentence over the page's player ("00:00" / "38:12")
        if (len(cur) <= MAX_TITLE and not (prose and out)) or over_standfirst(lines, i) != i:
            out.append(i)
    return _without_labels(lines, _with_unlengthed(lines, kinds, out), kinds)


def _over_each_entry(
    lines: list[str], kinds: dict[int, str | None], nonblank: list[int]
) -> set[str]:
    """Lines shown, the same, right over `SAME_STARTS` or more metadata lines: a label each
    entry carries ("Title / teaser / Host / date / length"), folded; and names alone over
    as many, each entry's guests ("Title / teaser / Ana Ruiz and Ben Lund / date")."""
    above = [i for i, j in pairwise(nonblank) if kinds[j] and not kinds[i]]
    over = Counter(fold(lines[i]) for i in above)
    labels = {line for line, n in over.items() if n >= SAME_STARTS}
    # or who is on each, names only ("Dr Helen Marchetti and Thomas Whitcombe" / date)
    named = [fold(lines[i]) for i in above if names_only(lines[i].strip())]
    return labels | set(named) if len(named) >= SAME_STARTS else labels


def _playing(lines: list[str], times: list[int]) -> bool:
    """Two times, the first shorter: a player's position and its length."""
    first, second = (clock_length(lines[j].strip()) for j in times)
    return first is not None and second is not None and first < second


def teaser_like(line: str) -> bool:
    """Sentences, or one long sentence ending in a full stop: an entry's teaser, no title."""
    return two_sentences(line) or (len(line) > _SENTENCE and line.endswith(FULL_STOPS))


_OWN_PARTS = frozenset({"transcript", "highlights"})  # sections of the episode's own parts


def _transcript_lines(lines: list[str], nonblank: list[int]) -> set[int]:
    """The lines of the page's transcript and clips sections, their headings too: from such
    a heading to the next heading of another kind ("Transcript" / "Rebecca Tan" / "00:00" /
    … / "Related Episodes"; "이 회차의 클립" / "03:12" / a clip's title): the episode's own
    parts, no entries. And a takeaways heading's sentences, each ended by its stop ("Das
    Wichtigste in Kürze" / three sentences): the episode's points."""
    inside: set[int] = set()
    within = points = False
    for i in nonblank:
        s = lines[i].strip()
        kind = heading_kind(s) if len(s) <= MAX_HEADING else None
        if kind is not None and chrome_kind(s) == "interface words":
            kind = None  # "Read the transcript" under each entry: a link, no heading
        if kind is not None:
            within, points = kind in _OWN_PARTS, kind == "takeaways"
        elif points and not s.endswith(FULL_STOPS):
            within = points = False  # the points' sentences end ("Podcast: <show>" / "38:12")
        if within or points:
            inside.add(i)
    return inside


def _under_dated_start(
    lines: list[str], kinds: dict[int, str | None], above: list[int], out: list[int]
) -> bool:
    """The line right under an entry's start and its date, which shows no length: there a
    line of sentences is the entry's teaser, its length under it ("Title / 2026/11/22 UP! /
    teaser / 再生時間 27:41"); a title is another's ("Show / date / Title / Play / 47 min")."""
    if len(above) < 2 or not out or out[-1] != above[-2]:
        return False
    date = above[-1]
    # its time of day is no length ("21 noiembrie 2026, 13:10")
    return kinds[date] in DATE_KINDS and not has_length(without_time_of_day(lines[date]))


def _following(
    lines: list[str], kinds: dict[int, str | None], after: list[int], counts: set[int]
) -> list[str | None]:
    """The kinds of the lines `after` a line, past an entry's tags and counts ("#talk#gardening"
    / "46"), and past one or two fields of who is on right under it ("Title / 嘉賓：… / teaser /
    58:12"; more fields are a panel's, under its heading)."""
    fields = next((n for n, j in enumerate(after) if kinds[j] or not field_line(lines[j])), 0)
    if fields <= _FIELDS_UNDER:
        after = after[fields:]
    return [kinds[j] for j in after if j not in counts][:4]


_FIELDS_UNDER = 2  # fields of who is on under an entry's title, at most


_COUNT = re.compile(r"\d{1,3}(?:[.,]\d{3})*(?:[.,]\d)?[KkMm]?")  # "131", "1,204", "1.8K"


def counted(line: str) -> bool:
    """An entry's tags or a count alone ("#talk#history", "131", "1.8K"): no metadata."""
    s = line.strip()
    return is_hashtag_line(s) or _COUNT.fullmatch(s) is not None


_SHAPE = re.compile(r"\d+|[^\W\d_]+")  # a run of digits counts once: "Nov 5" is shaped as "Nov 23"


def _date_shape(line: str) -> str:
    """A date line's form, digits and words alike ("2026/11/20(金)更新" -> "0/0/0(a)a")."""
    return _SHAPE.sub(lambda m: "0" if m.group().isdigit() else "a", line.strip())


def _with_unlengthed(
    lines: list[str], kinds: dict[int, str | None], starts: list[int]
) -> list[int]:
    """`starts` and the entries like them that show no length (members only, not yet out):
    when two entries or more have their date alone right under their title, every line over a
    date of the same form is a title too ("第22回" / "2026/11/06(金)更新" / "会員限定")."""
    nonblank = list(kinds)
    under = {a: b for a, b in pairwise(nonblank)}
    shapes = Counter(
        _date_shape(lines[under[i]]) for i in starts if kinds.get(under.get(i, -1)) in DATE_KINDS
    )
    shape, n = max(shapes.items(), key=lambda kv: kv[1], default=("", 0))
    if n < 2:
        return starts
    first = min(starts)
    more = [
        a
        for a, b in pairwise(nonblank)
        if a > first
        and a not in starts
        and kinds[a] is None
        and kinds[b] in DATE_KINDS
        and _date_shape(lines[b]) == shape
        and title_like(lines[a].strip())
    ]
    return sorted({*starts, *more})


def title_like(s: str) -> bool:
    """A line that may be an entry's title: no field, label, button or lead-in."""
    return (
        0 < len(s) <= MAX_TITLE
        and not field_line(s)
        and not byline(s)
        and not lead_in(s)
        and not is_chrome(s)
        and not is_label(s)
    )


_TITLE_ABOVE = 4  # words of a title over a reporter's name, at least


_CREDIT_LINES = 200  # lines searched for a name's credit ("Presented by …")


def over_reporter(lines: list[str], start: int) -> int | None:
    """The title over a person's full name over an episode page's date: the line above the
    name (or the title over it when that line is a standfirst), a title's length."""
    name = lines[start].strip()
    if not full_name(name):
        return None
    above = line_above(lines, start)
    if above is None:
        return None
    # a person's: the page's prose calls them by their first name ("Quando a Ana chega") or
    # their full name, or credits them; not a show's name of capitalised words ("The Deep
    # Current")
    prose = opening_prose(lines)
    named = first_named(name, prose) or name in prose or _credited(lines, name)
    if not named and not (numbered(lines[above].strip()) and _shown_once(lines, name)):
        # (under an episode's numbered title, "Episode 41: … / Priya Okonjo / date", a name
        # shown nowhere else is its byline however the prose calls them; a show's is shown
        # again, in the header)
        return None
    return _titled(lines, over_standfirst(lines, above))


def _shown_once(lines: list[str], name: str) -> bool:
    return sum(1 for line in lines if line.strip() == name) == 1


_PLACE_WORDS = 2  # words of a dateline's place ("ROMA", "NEW YORK")


_STANDFIRST_WORDS = 15  # words of a standfirst, at least


_BYLINE_WORDS = 4  # words of a byline between a standfirst and the place ("Redazione ANSA")


def story_title(lines: list[str], starts: list[int]) -> int | None:
    """An episode page's own title when its first entry starts at the story's byline or
    dateline ("Title / standfirst / Reporter / date"), whether or not a list of other
    episodes follows the story; None when another entry starts at a name too (each entry of
    that listing is credited so)."""
    if not starts or any(full_name(lines[s].strip()) for s in starts[1:]):
        return None
    first = starts[0]
    title = over_reporter(lines, first) or over_dateline(lines, first) or _over_deck(lines, starts)
    if title is None and _byline_like(lines[first].strip()):
        # "Title / standfirst / Sanne Oudekerk / Correspondent Geld & Wonen / date": the
        # start is the reporter's role under their name
        above = line_above(lines, first)
        title = None
        if above is not None:
            title = over_reporter(lines, above) or _over_byline(lines, above)
    return title


def _over_deck(lines: list[str], starts: list[int]) -> int | None:
    """The title over the one entry's start when that start is a deck, a standfirst without
    its full stop ("Why the Trees Turned Blue: … / A conservator and a dye chemist explain
    what four centuries of light did to … / date"): a shorter line of a title's length."""
    if len(starts) != 1 or len(lines[starts[0]].split()) < _STANDFIRST_WORDS:
        return None
    above = line_above(lines, starts[0])
    if above is None:
        return None
    s = lines[above].strip()
    words = len(s.split())
    fits = _TITLE_ABOVE <= words < len(lines[starts[0]].split()) and title_like(s)
    return above if fits and not s.endswith(FULL_STOPS) else None


def _over_byline(lines: list[str], start: int) -> int | None:
    """The title over a byline ("Techcafé #214 - … / Door Sanne Verbeek / Redacteur /
    date"): the line above it (or the title over it when that line is a standfirst)."""
    if not byline(lines[start].strip()) or (above := line_above(lines, start)) is None:
        return None
    return _titled(lines, over_standfirst(lines, above))


def stacked_cards(lines: list[str], role: int) -> int | None:
    """The first name of two or more author cards stacked over `role`, each a full name
    over the same role ("Ingrid Solbakken / Journalist / Thomas Lunde Berg / Journalist /
    date"): the story's bylines, not an entry framed by its show. None when there are not."""
    name = line_above(lines, role)
    first = None
    while name is not None and full_name(lines[name].strip()):
        up = line_above(lines, name)
        if up is None or lines[up].strip() != lines[role].strip():
            break
        over = line_above(lines, up)
        if over is None or not full_name(lines[over].strip()):
            break
        name, role = over, up
        first = name
    return first


def over_dateline(lines: list[str], start: int) -> int | None:
    """The title over a dateline's place in capitals over an episode page's date ("Title /
    standfirst / Redazione ANSA / ROMA / 21 novembre 2026, 07:00"): the place is where the
    story was filed, never a title."""
    place = lines[start].strip()
    if not (capitals(place) and len(place.split()) <= _PLACE_WORDS) or any(
        c.isdigit() for c in place
    ):
        return None
    above = line_above(lines, start)
    if above is not None and _byline_like(lines[above].strip()):
        above = line_above(lines, above)
    if above is None:
        return None
    title = over_standfirst(lines, above)
    if title == above and len(lines[above].split()) >= _STANDFIRST_WORDS:
        # a standfirst without its full stop ("Il ricercatore veneto racconta …"): the
        # title is over it
        title = line_above(lines, above) or above
    return _titled(lines, title)


def _titled(lines: list[str], title: int) -> int | None:
    """`title` when its line has a title's length and is no chrome, else None."""
    s = lines[title].strip()
    return title if len(s.split()) >= _TITLE_ABOVE and not is_chrome(s) else None


def _byline_like(line: str) -> bool:
    """A short line of names or a newsroom, no sentence: who filed the story."""
    return (
        0 < len(line.split()) <= _BYLINE_WORDS
        and not line.endswith((".", "!", "?", ":"))
        and not any(c.isdigit() for c in line)
    )


_CJK_NAME = re.compile(r"[\u4e00-\u9fff\uac00-\ud7a3]{2,4}")  # a Chinese or Korean name


def _credited(lines: list[str], line: str) -> bool:
    """A person's full name the page credits after a by-word or a person's label elsewhere
    ("Presented by …", "Prowadzący: …"): a byline over the date, not an entry's title."""
    cjk = _CJK_NAME.fullmatch(line.strip()) is not None  # "林奕安", spaced by no capitals
    if not (full_name(line) or cjk):
        return False
    page = lines[:_CREDIT_LINES]
    if not cjk and credited(line, "\n".join(s for s in page if s.strip() != line)):
        return True
    return normalise(line) in labelled_people([s for s in page if s.strip() != line.strip()])


def _without_labels(lines: list[str], starts: list[int], kinds: dict[int, str | None]) -> list[int]:
    """`starts` less the lines that start three entries or more alike ("Posłuchaj" over each
    entry's length): a button or a label repeated in every entry, where titles differ; and
    less an episode's number alone just over the next start ("Episode 58" / its date / the
    show / the title / its length): the number heads that entry."""
    keys = [fold(lines[i]) for i in starts]
    counts = Counter(keys)
    kept = [i for i, key in zip(starts, keys, strict=True) if counts[key] < SAME_STARTS]
    if not kept and len(starts) >= SAME_STARTS and len(counts) == 1:
        # one line over every entry's metadata (its host, "Marta Olmedo"), under its title
        # or teaser: every such line starts an entry, the last's too (over a date alone);
        # `_collect` takes each one's title above it
        label, nonblank = fold(lines[starts[0]]), list(kinds)
        return [
            i
            for i, nxt in pairwise(nonblank)
            if kinds[nxt] and fold(lines[i]) == label and line_above(lines, i) is not None
        ]
    if all(numbers_only(lines[i].strip()) for i in kept):
        return kept  # every title a number ("第24回", "第23回"): a show that titles them so
    nexts: list[int | None] = [*kept[1:], None]
    return [
        i
        for i, nxt in zip(kept, nexts, strict=False)
        if not (nxt is not None and nxt - i <= _NUMBER_OVER and numbers_only(lines[i].strip()))
    ]


def one_label(lines: list[str], starts: list[int]) -> bool:
    """Every entry starts on the same line (a host's name over its metadata), or on the
    names of who is on it."""
    return len(starts) >= SAME_STARTS and (
        len({fold(lines[i]) for i in starts}) == 1
        or all(names_only(lines[i].strip()) for i in starts)
    )


def line_above(lines: list[str], i: int) -> int | None:
    j = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
    return j if j is not None and fold(lines[j]) != fold(lines[i]) else None


def dates_over_titles(
    lines: list[str], kinds: dict[int, str | None], titles: list[int]
) -> tuple[int, list[int]] | None:
    """Where each entry's date stands over its title ("21/11/2026 (六)" / "Title" / "Guest: …"
    / teaser / "58:12"): the number of entries to drop first (a heading over the first date
    read as a title over its date) and each remaining entry's date line; None when the
    entries are not dated so."""
    over = [_nonblank_above(lines, t) for t in titles]
    dated = [o if o is not None and kinds.get(o) in DATE_KINDS else None for o in over]
    drop = 0
    if len(titles) > _DATED_OVER and dated[0] is None and (first := dated[1]) is not None:
        # "節目重溫" / date / Title, "配信一覧" / a note / date / Title: a heading over the first
        # entry's date, with no date nor length of its own
        drop = 1 if not any(kinds.get(j) for j in range(titles[0] + 1, first)) else 0
    rest = dated[drop:]
    if len(rest) < _DATED_OVER or any(d is None for d in rest):
        return None
    return drop, [d for d in rest if d is not None]


_DATED_OVER = 2  # entries, at least, each under its date


def _nonblank_above(lines: list[str], i: int) -> int | None:
    return next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
