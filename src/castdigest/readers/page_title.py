"""The title of a saved page, chosen by scoring its first lines rather than taking the first.

A page's title is shown near the top, often more than once (the heading, the player, the
share box), is a line of its own of moderate length, and is usually followed by the
episode's date or other metadata. Chrome (see `chrome.py`), tab labels, dates, codes
(`S12 E290`), bylines, timestamps, chapter lines and sentences of running text are not
candidates. A line that also appears in the document's name (file name, URL slug or HTML
title) gains. When no line scores high enough, the page shows no title: the reader does not
invent one from its first line. When two candidates score alike, the pick is doubtful, and
it says so. What a line says of itself (never a title, running text, its own score) is
`title_lines`; this module weighs the candidates against the page around them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise, takewhile

from castdigest.readers.chrome import (
    chrome_kind,
    crumb_end,
    crumbs_above,
    ends_in_call,
    is_label,
    normalise,
    skip_link,
)
from castdigest.readers.heading_words import (
    lists_episodes,
    suggests_others,
)
from castdigest.readers.line_dates import (
    has_date,
    is_date_line,
)
from castdigest.readers.page_dates import is_date_or_length_label, schedule_line
from castdigest.readers.page_menus import linked, menu_runs, menu_tails, menu_under
from castdigest.readers.page_names import bracketed_name, is_metadata, page_names
from castdigest.readers.quote_lines import is_quote_line
from castdigest.readers.subheadings import aired_run, part_run
from castdigest.readers.title_lines import (
    CJK,
    LONE_TIME,
    PARAGRAPH,
    STOPS,
    TURN,
    about_share,
    attribution,
    body_terms,
    excluded,
    in_turns,
    line_score,
    running_text,
)
from castdigest.readers.title_people import (
    author_card,
    first_named,
    full_name,
    in_person_card,
    labelled_name,
    names_only,
    opening_prose,
    people_joined,
    role_named,
    with_person,
)
from castdigest.readers.title_quoted import (
    episode_field,
    headline_names,
    quoted_episode,
    titled_episode,
)
from castdigest.readers.title_signals import (
    byline,
    capitals,
    credits_line,
    follow_button,
    kicked_title,
    names_person,
    numbered,
    numbers_only,
    opens_byline,
    person_field,
    play_count,
    podcast_name,
    show_and_number,
    show_numbered,
    summed_up,
    uploaded_title,
)
from castdigest.text.truncate import display_width

TITLE_UNCERTAIN = "title uncertain"
_ABOUT = 1.5  # score for a title all of whose words its page's paragraphs use
_HEAD_LINES = 40  # non-blank lines looked at
_MIN_SCORE = 3.0
_PREFIX_MIN = 30  # a line this long or longer, shown cut elsewhere, is the same line
_INSIDE_MIN = 15
_BYLINES = 3  # lines between a lede and its date: a caption, a byline, its newsroom
_CARD_LINES = 2
_FURNITURE = 5  # more lines there when they are buttons ("Lesezeit: 3 Min.", "Vorlesen")
_CREDIT = re.compile(r"\((?:[A-ZÀ-ÖØ-Þ][\w.'’ -]*\s*/\s*)?[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9.'’ -]+\)$")
_DATE_LINE = 80  # characters of a line that dates the page ("Publié hier à 05h00, modifié ...")
_LEDE = 60  # characters of a lede under its headline
_SUGGESTED_ITEMS = 5  # lines of a box of other stories, from its heading to its last button
_QUOTED_DOUBT = 5  # paragraphs read for a quoted title when the page's lines leave one in doubt
_CLOSE = 0.75  # a runner-up this close makes the pick doubtful
_NAME_SHOWN = 3  # times a short line is shown around the head for it to be a name
_NAME_WORDS = 6
_MASTHEAD_WORDS = 4
_BLURB_WORDS = 6  # words of a show's description under its name
_CHANNEL = re.compile(r"(?=\S*\d)(?=\S*[^\W\d_])\S{2,10}")  # a channel's number: "BS231ch"
_ARROWED = re.compile(r"\s[>›»＞]\s")
# a station's frequency, perhaps after its call sign: "JOEU-FM 79.7MHz", "KPBS 89.5 FM"
_FREQUENCY = re.compile(r"^(?:[A-Z][\w-]{1,10}\s)?\d{2,4}(?:[.,]\d{1,2})?\s?(?:MHz|kHz|FM|AM)$")
_ABOVE_PATH = 1.0  # what a line above the path to the page loses: the site's header
_PATH_END = 1.0  # what a line the path to the page ends with gains: it names the page (or its show)
_NOT_IN_NAMES = frozenset("=[]{}<>;/\\|")  # code, markup and paths hold these; names do not


@dataclass
class Pick:
    title: str | None  # None: the page shows no title
    index: int | None = None  # the line it was taken from
    doubts: list[str] = field(default_factory=list)
    named: bool = False  # the page names its episode in a field ("Episode: <title>")


@dataclass
class _Candidate:
    text: str
    index: int
    score: float
    headline: bool = False  # over its lede and its date, as a news page sets an article's


def _meta_at(head: list[tuple[int, str]], k: int, brands: set[str]) -> int | None:
    """Where the line under head[k] is, past a tab label ("Transcript"), the show's name and
    the episode's number, or a standfirst over the date (a news page's lede) between them."""
    numbered_over = False  # the episode's number alone right under the title
    for j, (_, line) in enumerate(head[k + 1 : k + 4], start=k + 1):
        if (date := _standfirst(head, j)) is not None:
            return date
        numbered_over = numbered_over or (
            j == k + 1 and numbers_only(line) and any(c.isalpha() for c in line)
        )
        key = normalise(line)
        crumbs = chrome_kind(line) == "breadcrumb"  # the path to the page heads the page
        between = (
            is_label(line)
            or (numbered_over and is_date_or_length_label(line))  # "Title / 34회 / 등록일"
            or (chrome_kind(line) and not crumbs)
            or show_and_number(key, line, brands)
            or key in brands  # the show's or the author's name: "Title / Show / · / date"
            or podcast_name(line)  # "Title / <show> · 播客 / date"
            or person_field(line)  # who speaks or asks: "Title / 聞き手・<name> / date"
            or credits_line(line)  # "Title / 진행 박서연 / 출연 오정민 기자 / date"
            or byline(line)
            or names_only(line)  # "Title / Omar Reyes and Helen Drabek / date"
            or labelled_name(line)  # "Title / With Ada Lund / date"
            or names_person(line)  # "Title / Avec / <host> / date": the label over the names
            or _CHANNEL.fullmatch(line) is not None  # "Title / BS231ch / 放送日時 / date"
            or (numbers_only(line) and any(c.isalpha() for c in line))  # "Season 4, Episode 7"
        )
        if not between or has_date(line):
            return j
    return k + 1 if k + 1 < len(head) else None


def _standfirst(head: list[tuple[int, str]], j: int) -> int | None:
    """Where the date is when head[j] is a paragraph over it, perhaps past a byline ("Par Léa
    Marchetti"): the lede a news page sets between an episode's title and its date; or a
    shorter deck right over the byline ("Title / deck / 中野 沙織 : 東洋経済 記者 / date"), no
    longer than its title (under a show's name the title is longer: "La Via del Mare" / title
    / "di …")."""
    deck = (
        0 < j < len(head) - 1 and len(head[j][1]) <= len(head[j - 1][1]) and byline(head[j + 1][1])
    )
    if len(head[j][1]) < PARAGRAPH and not deck:
        return None
    card = 0  # lines of the author's card: a name and a role
    for d in range(j + 1, min(j + 2 + _BYLINES + _FURNITURE, len(head))):
        line = head[d][1]
        if is_date_line(line) or (len(line) <= _DATE_LINE and has_date(line)):
            return d
        if chrome_kind(line) or is_label(line):
            continue  # the article's buttons: reading time, "Read aloud", comments
        if author_card(line) and card < _CARD_LINES:
            card += 1  # "Inês Carvalhal" / "Jornalista"; more short lines are tags
            continue
        # the photo's caption under the lede, its credit at its end or on the next line
        under = head[d + 1][1] if d + 1 < len(head) else ""
        credited = d == j + 1 and (_CREDIT.search(line) or chrome_kind(under) == "image credit")
        # a byline, a quote's speaker, a caption, or the show's name and the episode's number
        # ("Tidelines · Season 2, Episode 6")
        if not (
            byline(line) or attribution(line, head[d - 1][1]) or credited or show_numbered(line)
        ):
            return None
    return None


def _names_same(title: str, named: str) -> bool:
    """The title holds the name the prose gives its episode, or the name holds the title."""
    a, b = normalise(title), normalise(named)
    return a in b or b in a


def _masthead(line: str, count: int) -> bool:
    """A short name shown three times or more around the page's head (masthead, player, byline
    and share box): the show's or the site's name. A title is shown once or twice; a name
    repeated that often frames it."""
    if count < _NAME_SHOWN or numbered(line) or any(c in _NOT_IN_NAMES for c in line):
        return False
    letters = sum(c.isalpha() for c in line)
    if letters < 2 or letters + line.count(" ") < 0.7 * len(line):
        return False  # a rule, a bullet, a number or a divider, not a name
    return (len(line.split()) if not CJK.search(line) else len(line) // 2) <= _NAME_WORDS


def _lede_and_byline(head: list[tuple[int, str]], k: int) -> bool:
    """head[k] stands over a lede (a sentence or two) and a byline (or the presenter's
    field), perhaps past a picture's credit: a news page's headline, its date above it
    ("November 18, 2026" / "14 min read" / headline / lede / "By …")."""
    if k + 2 >= len(head):
        return False
    lede, under = head[k + 1][1], head[k + 2][1]
    # a lede: longer than its headline, of sentences ("…meters. What she found…"), not the
    # title under a show's name ("La Via del Mare" / the title / "di …")
    sentences = STOPS.search(lede) is not None or len(lede) >= PARAGRAPH
    if len(lede) < max(_LEDE, len(head[k][1])) or not sentences or chrome_kind(lede):
        return False
    if chrome_kind(under) == "image credit" and k + 3 < len(head):
        under = head[k + 3][1]  # the picture's credit first: "Bild: rbb/Paul Wendt"
    # who wrote it, or who presents it ("Moderation: Jana Kleinschmidt")
    return byline(under) or opens_byline(under) or person_field(under)


def _suggested_item(head: list[tuple[int, str]], k: int) -> bool:
    """head[k] is in a short list of other stories the page suggests, under its heading and
    over the button that ends it ("Marisol's Most Recent Stories" / three headlines / "View
    All"): a box beside the article, however high it stands."""
    above = head[max(0, k - _SUGGESTED_ITEMS) : k]
    if not any(suggests_others(s) for _, s in above):
        return False
    below = head[k + 1 : k + 1 + _SUGGESTED_ITEMS]
    return any(is_label(s) or chrome_kind(s) for _, s in below)


def _labels_over(normalised: list[str], counts: dict[str, int]) -> set[str]:
    """Lines shown twice or more, each time right over the same longer line, itself shown as
    often: a show's name over its episode's title, in the header and the player's card
    ("Éjszakai műszak" / "Egy pék hajnala: …", twice)."""
    under: dict[str, set[str]] = {}
    times: Counter[str] = Counter()
    for line, nxt in pairwise(normalised):
        under.setdefault(line, set()).add(nxt)
        times[line] += 1
    return {
        line
        for line, below in under.items()
        if counts.get(line, 1) >= 2
        and times[line] == counts[line]
        and len(below) == 1
        and counts.get(nxt := next(iter(below)), 1) >= counts[line]
        and len(nxt) > len(line)
    }


def _names(head: list[tuple[int, str]], counts: dict[str, int]) -> set[str]:
    """The normalised lines that name the show or the site: shown three times or more
    (`_masthead`), or opening the page (past its skip links) over its menu and shown again
    (the masthead, then the share box's or the player's copy)."""
    found = {normalise(s) for _, s in head if _masthead(s, counts.get(normalise(s), 1))}
    found -= _over_metadata(head)
    # the first line past the skip links ("Zum Inhalt springen") opens the page
    k = next((k for k, (_, s) in enumerate(head) if not chrome_kind(s)), None)
    if k is not None:
        first = head[k][1]
        key = normalise(first)
        shown = counts.get(key, 1) >= 2 and len(first.split()) <= _MASTHEAD_WORDS
        if shown and menu_under(head, k) and not numbered(first):
            found.add(key)
    return found - {""}


def _over_metadata(head: list[tuple[int, str]]) -> set[str]:
    """The normalised lines shown twice or more right over a date or a length ("S3 Ep12 |
    26m 46s", "11/20/2026 | 26m 46s"): the episode's title on its heading and its player's
    card, however often the page repeats it; a site's or a show's name stands over menus."""
    over: dict[str, int] = {}
    for k in range(len(head) - 1):
        if is_metadata(head[k + 1][1]) and not is_metadata(head[k][1]):
            key = normalise(head[k][1])
            over[key] = over.get(key, 0) + 1
    return {key for key, n in over.items() if n >= 2}


def _others_from(head: list[tuple[int, str]]) -> int:
    """Where a heading over the show's episodes ("Episodes", "选集", "Other episodes") stands
    under the first paragraph after a date or a length (the episode's description): the
    episode's own page ends there, its show's list follows; else past the head."""
    dated = next((k for k, (_, s) in enumerate(head) if is_metadata(s)), len(head))
    wide = (k for k in range(dated, len(head)) if display_width(head[k][1]) >= PARAGRAPH)
    body = next(wide, None)
    if body is not None:
        for k in range(body + 1, len(head)):
            if lists_episodes(head[k][1]) or suggests_others(head[k][1]):
                return k  # "Episodes", "Autres épisodes": no title, nor what is under it
    return len(head)


def _filed_under(line: str, crumbs: set[str]) -> bool:
    """Two or more names joined by commas, each a section the path to the page names: the
    categories a post is filed under."""
    parts = [normalise(p) for p in line.split(",")]
    return len(parts) >= 2 and all(p in crumbs for p in parts)


def _show_card(items: list[tuple[int, str]], k: int) -> bool:
    """items[k] over a sentence and a button to follow ("Show / The whole Saturday show,
    without the ads. / S'abonner"): the show's card, its name and its description."""
    if k + 2 >= len(items):
        return False
    blurb, button = items[k + 1][1], items[k + 2][1]
    return len(blurb.split()) >= _BLURB_WORDS and blurb.endswith(".") and follow_button(button)


_FIELD = re.compile(r"^[^:：]{1,12}[:：]\s*")  # a field's label ("播出時間：", "Airs: ")
_CARD_FIELDS = 2  # fields of a show's card over its schedule (its host's, its station's)


def _over_schedule(head: list[tuple[int, str]], k: int) -> bool:
    """head[k] over the show's schedule, alone or as a field's value, perhaps past its
    host's field ("樂齡好生活" / "主持人：孫慧琪" / "播出時間：每週六 09:00-10:00"): the name on
    a show's card, not an episode's title."""
    for _, line in head[k + 1 : k + 2 + _CARD_FIELDS]:
        if schedule_line(line) or schedule_line(_FIELD.sub("", line, count=1)):
            return True
        if not person_field(line):
            return False
    return False


def _show_over_number(head: list[tuple[int, str]], k: int) -> bool:
    """head[k] names the show of the numbered title under it: its words (but for a first one
    naming the kind, "Podcast Café com Dados") open a line a line or two below, followed by a
    number and more words ("Café com Dados #412: O Pix parcelado")."""
    words = normalise(head[k][1]).split()
    if numbered(head[k][1]) or len(words) < 2:
        return False
    forms = {" ".join(words), " ".join(words[1:])} if len(words) > 2 else {" ".join(words)}
    for _, line in head[k + 1 : k + 3]:
        n = normalise(line)
        for f in forms:
            rest = n[len(f) + 1 :].split() if n.startswith(f + " ") else []
            if rest and any(c.isdigit() for c in rest[0]) and len(rest) > 1:
                return True  # the show's name, the episode's number, then its title
    return False


def _under_time(head: list[tuple[int, str]], k: int) -> bool:
    """head[k] is a chapter's title under its time ("03:12" / "Der Weg in die Werkstatt"); a
    time under another is a player's length, which heads no title."""
    if k == 0 or not LONE_TIME.match(head[k - 1][1]):
        return False
    return k < 2 or not LONE_TIME.match(head[k - 2][1])


def _framed(head: list[tuple[int, str]], k: int, names: set[str]) -> bool:
    """The line next to head[k] (above or under) names the show or the site (`_names`)."""
    near = [head[j][1] for j in (k - 1, k + 1) if 0 <= j < len(head)]
    return any(normalise(line) in names for line in near)


def _repeats(keys: list[str]) -> dict[str, int]:
    """How often each line is shown; a cut copy ("A long title th") counts for the whole."""
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    long = sorted((k for k in counts if len(k) >= _PREFIX_MIN), key=len)
    for k, short in enumerate(long):
        for other in long[k + 1 :]:
            if other.startswith(short):
                counts[short] += counts[other]
                counts[other] += counts[short] - counts[other]
    return counts


def _inside(key: str, lines: list[str]) -> int:
    """How many other short lines hold this one (an image's text, a share box: "Cover of
    <title>"); a paragraph that names it is prose, which names shows and people, not titles."""
    if len(key) < _INSIDE_MIN:
        return 0
    return min(1, sum(1 for line in lines if key in line and line != key and len(line) < PARAGRAPH))


_CAPTION_HEAD = re.compile(r"^(.+?)\s*[-–—|:]\s*$")


def _captioned(key: str, lines: list[str], brands: set[str]) -> bool:
    """Another short line is the show's name, then this one ("Nachgehakt – Warum ..."): a
    player's caption of its episode."""
    if len(key) < _INSIDE_MIN:
        return False
    for line in lines:
        if line != key and line.endswith(key) and len(line) < PARAGRAPH:
            head = _CAPTION_HEAD.match(line[: -len(key)])
            if head and head.group(1) in brands:
                return True
    return False


_TAGS = re.compile(r"#[^\s#]+(?:\s*#[^\s#]+)+")  # a post's tags, two or more


def _tags_line(line: str) -> bool:
    """Two hashtags or more, nothing else ("#sre #devops #podcast"): a post's tags."""
    return _TAGS.fullmatch(line.strip()) is not None


def _tagged_by_show(line: str, brands: set[str]) -> bool:
    """The line opens with the show's name in brackets ("[장바구니 경제학] 김장철 배춧값, ..."):
    an episode's title tagged with its series."""
    return (name := bracketed_name(line)) is not None and name in brands


def _in_prose(key: str, lines: list[str]) -> bool:
    """A paragraph holds this line: prose names the show or a person; it seldom repeats its
    episode's title word for word."""
    return len(key) >= _INSIDE_MIN and any(
        len(line) >= PARAGRAPH and key in line and line != key for line in lines
    )  # a long title is no paragraph of its own


_SUFFIX = re.compile(r"\s+[-–—|·:]\s+\S")


_PREFIXED = re.compile(r"^[^:：|｜]{1,60}[:：|｜]\s*(?P<rest>\S.*)$")
_TAIL_WORDS = 3  # words the two titles share after their prefixes, at least


_SHOWN_AGAIN = 1.2  # what a title shown a second time gains (as `score` counts a copy)
_SHOW_NAME = 2.5  # what a line loses as the site's or the show's name


def _retold(s: str, found: dict[str, _Candidate]) -> str | None:
    """The key of a candidate showing the title `s` shows, after another prefix."""
    return next((key for key, c in found.items() if _one_title(c.text, s)), None)


# a dash between them: bars join a line of metadata ("Show | Sa 21.11.2026 | 09:05 Uhr")
_NAMED_BROADCAST = re.compile(r"^(?P<name>[^\d|–—-]{2,60}?)\s+[-–—]\s+(?P<date>[^|·•]{5,30})$")


def _named_broadcast(s: str, normalised: list[str]) -> bool:
    """ "Pati de Llums - 21/11/2026": a daily programme's broadcast, titled by its show's
    name (shown alone on the page) and its date."""
    m = _NAMED_BROADCAST.match(s)
    return m is not None and is_date_line(m["date"]) and normalise(m["name"]) in normalised


def _show_and_title(s: str, found: dict[str, _Candidate]) -> tuple[str, str] | None:
    """A line joining two candidates, the show's name and the title's first words ("FM4
    Bubble Trouble: Stille Post im Klassenchat" under "FM4 Bubble Trouble" and "Stille Post
    im Klassenchat: Wie Gerüchte …"): the keys of the show and of the title."""
    m = _PREFIXED.match(s)
    if m is None:
        return None
    show, rest = normalise(s[: m.start("rest")]), normalise(m.group("rest"))
    if show not in found or len(rest.split()) < _TAIL_WORDS:
        return None
    title = next((key for key in found if key != show and key.startswith(rest)), None)
    return None if title is None else (show, title)


def _one_title(a: str, b: str) -> bool:
    """Two lines showing one title after different prefixes, the show's and the episode's
    number ("Caregiver Conversations: When a parent …" and "Episode 27: When a parent …"):
    no doubt between them. (A CJK title's words are not spaced: it is never matched so.)"""
    ma, mb = _PREFIXED.match(a), _PREFIXED.match(b)
    if not (ma and mb):
        return False  # "製作：<name>" under "<name>": a credit's label and its value
    tail = normalise(ma.group("rest"))
    return tail == normalise(mb.group("rest")) and len(tail.split()) >= _TAIL_WORDS


def _suffixed(title: str, longer: str) -> bool:
    """`longer` is the whole `title` with words after a separator: "<title> - Transcript,
    Chat, and Summary", the page's own name for the title; a cut copy stops mid-line."""
    return longer.startswith(title) and bool(_SUFFIX.match(longer[len(title) :]))


def _same_as(key: str, found: dict[str, _Candidate]) -> str | None:
    if key in found:
        return key
    if len(key) >= _PREFIX_MIN:
        for other in found:
            if len(other) >= _PREFIX_MIN and (other.startswith(key) or key.startswith(other)):
                return other
    return None


def _first_line(head: list[tuple[int, str]]) -> Pick:
    """A short first line over speaker turns is a transcript's title ("Alpha" / "Ann: ...");
    a short first line over anything else is one only doubtfully; else there is none."""
    if not head:
        return Pick(None)
    i, s = head[0]
    nxt = head[1][1] if len(head) > 1 else ""
    if excluded(s, nxt) or running_text(s):
        return Pick(None)
    if TURN.match(nxt):
        return Pick(s, i)
    return Pick(s, i, [f"{TITLE_UNCERTAIN}: {s[:80]!r} is only the first line"])


_NAV_ITEMS = 3  # items of a site's menu, at least


def _nav_under(head: list[tuple[int, str]], k: int, menus: set[int]) -> bool:
    """A site's navigation right under head[k]: a column of menu items without a number (a
    title's metadata, "412,096 views" / "October 2026" / "14:32", is no menu)."""
    run = []
    for j in range(k + 1, len(head)):
        if j not in menus:
            break
        run.append(head[j][1])
    return len(run) >= _NAV_ITEMS and not any(c.isdigit() for line in run for c in line)


def _bylines(head: list[tuple[int, str]], prose: str) -> frozenset[str]:
    """Full names over the page's date that its prose names in full ("Anna Mirowska" /
    "22 listopada 2026", and "… Anna Mirowska rozmawia z …"): the author's or the host's
    byline, normalised; a title over the date is seldom a name the prose then says. Or over
    their newsroom's byline ("Camila Ortiz" / "Redacción Cultura")."""
    return frozenset(
        normalise(s)
        for (_, s), (_, under) in pairwise(head)
        if full_name(s) and ((has_date(under) and s in prose) or byline(under))
    )


def pick_title(
    lines: list[str], hints: list[str] | None = None, page: list[str] | None = None
) -> Pick:
    """The title among the first lines, or None; `hints` are the document's names, `page`
    the whole page when `lines` are only its head (its footer names the site)."""
    hints = [h for h in hints or [] if h]
    if named := episode_field(page or lines) or quoted_episode(page or lines, numbered_only=True):
        return Pick(named[1], None if page else named[0], named=True)
    items = [(i, " ".join(line.split())) for i, line in enumerate(lines) if line.strip()]
    head = items[:_HEAD_LINES]
    # a breadcrumb holds the section's name, not the title; an image's text holds the title
    normalised = [
        normalise(s) for _, s in items[: _HEAD_LINES * 5] if chrome_kind(s) != "breadcrumb"
    ]
    counts = _repeats(normalised)
    found: dict[str, _Candidate] = {}
    rank = 0  # among candidates: menus above the title do not push it down
    shown = [" ".join(line.split()) for line in page if line.strip()] if page else []
    texts = shown or [s for _, s in items]  # the whole page's lines, else the lines given
    found_names = page_names(head, texts)
    brands, labelled, people = set(found_names.shows), found_names.labelled, found_names.people
    about = body_terms(texts)
    prose = opening_prose(texts)
    people = people | _bylines(head, prose)
    names = _names(head, counts) | _labels_over(normalised, counts)
    menus = menu_runs(head) | linked(head)
    kickers = menu_tails(head, menus)
    navs = menus - kickers  # a site's menu under its name (the last item may head the page)
    menu_items = {normalise(head[k][1]) for k in menus}
    others = _others_from(head)
    path_ends = {normalise(end) for _, s in head if (end := crumb_end(s))}
    # the sections of the path to the page ("Home » Trasmissioni » Diritti in Onda")
    crumbs = path_ends | {normalise(c) for _, s in head for c in crumbs_above(s)}
    # the path to the page ends the site's header: its name and menus stand above it (a
    # path of arrows: "Home › Podcasts › <show>"; slashes also join a field's names)
    path = next((k for k, (_, s) in enumerate(head) if _ARROWED.search(s) and crumb_end(s)), None)
    # a broadcast's rundown ("9 h 40 – …"), a programme's numbered parts: its parts
    aired = {i for i, _ in aired_run(lines)} | {i for i, _ in part_run(lines)}
    boosted: set[str] = set()  # candidates shown again after another prefix, counted once
    skips = sum(1 for _ in takewhile(lambda item: skip_link(item[1]), head))
    for k, (i, s) in enumerate(head):
        if (k in menus and k not in kickers) or i in aired:
            continue  # a column of menu items or links: no title, no rank taken from the title
        if k >= others:
            break  # the show's other episodes, listed under this one's description
        nxt = items[k + 1][1] if k + 1 < len(items) else ""  # past the head, too
        prev = head[k - 1][1] if k else ""
        if summed := summed_up(s) or uploaded_title(s):
            # 'Summary of "<title>"': a summary site's heading names its title; a recording's
            # file name holds it ("Show EP.57 - Title.mp3")
            s = summed
        s = kicked_title(s) or s  # "Podcast | <headline>": the kind of item as its kicker
        key = normalise(s)
        after = items[k + 2][1] if k + 2 < len(items) else ""
        if (joined := _show_and_title(s, found)) is not None:
            # "<show>: <the title's first words>", a player's caption: the show's name is no
            # title, the title shown again
            show, title = joined
            if show not in boosted:
                boosted.add(show)
                found[show] = replace(found[show], score=found[show].score - _SHOW_NAME)
            if title not in boosted:
                boosted.add(title)
                found[title] = replace(found[title], score=found[title].score + _SHOWN_AGAIN)
            continue
        broadcast = _named_broadcast(s, normalised)  # "<show> - <date>": no metadata line
        if (excluded(s, nxt, after) and not broadcast) or (
            in_turns(s, prev, nxt) or attribution(s, prev)
        ):
            continue
        if is_quote_line(s) and nxt.lstrip().startswith(("—", "–", "―", "- ")):
            continue  # a pull quote, its speaker under it ("— Gannet Head keeper's journal")
        if _under_time(head, k) or in_person_card(head, k) or _suggested_item(head, k):
            continue
        if show_numbered(s) and not broadcast:
            continue  # "Tidelines · Season 2, Episode 6": the episode's label, no title
        if _filed_under(s, crumbs):
            continue  # "Diritti in Onda, Trasmissioni": the post's categories, as in its path
        if people_joined(s, prose) or with_person(s, prose) or role_named(s, prose):
            # "Omar Reyes and Helen Drabek", "With Ada Lund", a byline: the prose names them
            continue
        # a masthead over its menu: interface words under it, or a column of menu items
        menu = menu_under(head, k) or (k not in menus and _nav_under(head, k, navs))
        at = _meta_at(head, k, brands | people)  # past a name the page shows as a person's
        nxt = head[at][1] if at is not None else ""
        if (same := _same_as(key, found)) is not None:
            # shown again: a cut copy and the whole title; the best place it is shown counts
            longer = len(s) > len(found[same].text) and not running_text(s)
            if longer and (not _suffixed(found[same].text, s) or same in brands):
                # a cut copy and the whole title; not a sentence that opens with the title,
                # nor the title with the site's words after it
                found[same] = replace(found[same], text=s)
        # the title again after another prefix ("Show: Title", "Episode 27: Title"): the
        # first place it is shown counts the copy
        retold = None if same is not None else _retold(s, found)
        count = counts.get(key, 1)
        if retold is not None and retold not in boosted:
            boosted.add(retold)
            found[retold] = replace(found[retold], score=found[retold].score + _SHOWN_AGAIN)
        masthead = key in names
        person = key in people  # shown again in a person's card: a name, not a title
        after = head[at + 1][1] if at is not None and at + 1 < len(head) else ""
        given = hints if key not in brands else []  # a file named after the show: no title
        score = line_score(s, rank, 1 if masthead or person else count, nxt, prev, given, after)
        headline = (at is not None and at > k + 1 and _standfirst(head, k + 1) == at) or (
            _lede_and_byline(head, k)  # "Title / lede / By …", the date above the title
        )
        if headline:
            score += 1.0  # a headline over its lede, its byline and its date
        if k + 1 < len(head) and play_count(head[k + 1][1]):
            score += 1.0  # a video's or an episode's play count under its title
        if k + 1 < len(head) and _tags_line(head[k + 1][1]):
            score += 1.0  # a post's tags under its title ("#sre #devops #podcast")
        if k + 1 < len(head) and chrome_kind(head[k + 1][1]) == "player":
            score += 1.0  # what the player under it plays ("00:00 / 52:40")
        score += _ABOUT * about_share(s, about)
        if not (masthead or capitals(s) or numbers_only(s)) and _framed(head, k, names | labelled):
            score += 1.5  # the show's name right above or under it (a player's card)
        if (
            key in brands
            or masthead
            or person
            or _show_over_number(head, k)
            or podcast_name(s)
            or _show_card(items, k)
            or _over_schedule(head, k)
        ):
            score -= _SHOW_NAME  # the site's or the show's name ("... Podcast", "...播客")
        elif show_and_number(key, s, brands):
            score -= 4.0  # "Harbor Notes Weekly, Episode 112": the line under the title
        if menu or (k + 1 < len(head) and _FREQUENCY.match(head[k + 1][1])):
            score -= 1.5  # a masthead over its menu, or a station's name over its frequency
        if k and k == skips:
            score -= 1.5  # the line under the skip links the page opens with: the site's logo
        if k in kickers or (k not in menus and key in menu_items):
            score -= 2.0  # the menu's last item over the headline, or an item again: a section
        score += _inside(key, normalised) + (1.0 if k == 0 else 0.0)  # or the first line
        if path is not None and k < path:
            score -= _ABOVE_PATH
        if key in path_ends:
            score += _PATH_END  # the path to the page ends with it ("Home » Show » <title>")
        if _captioned(key, normalised, brands) or summed or _tagged_by_show(s, brands):
            score += 1.5
        if ends_in_call(s):
            score -= 2.0  # an offer with its button on the line ("… 特惠 立即开通")
        if first_named(s, prose):
            score -= 1.5  # "Jess Corrigan", and "they tell Jess what happened": a person
        if _in_prose(key, normalised):
            score -= 1.0  # a paragraph names it ("Les Grands Chemins partent à..."): a name
        if same is not None:
            if score > found[same].score:  # the title again as a headline, past a crumb
                found[same] = replace(found[same], score=score, headline=headline)
            continue
        found[key] = _Candidate(s, i, score, headline)
        rank += 1
    ranked = sorted(found.values(), key=lambda c: -c.score)
    if not ranked or ranked[0].score < _MIN_SCORE:
        return _first_line(head)
    best = ranked[0]
    titled = titled_episode(page or lines)
    if titled and not _names_same(best.text, titled[1]):
        # "The episode, titled “The Night Shift,” …": the page says which title is the
        # episode's; its headline is the article's
        return Pick(titled[1], None if page else titled[0], named=True)
    doubts: list[str] = []
    key = normalise(best.text)  # the line under it, past its copy ("Show / Show / Every Friday")
    under = next((text for i, text in items if i > best.index and normalise(text) != key), "")
    if schedule_line(under):
        # "Show / Every Friday": a show's page heading, whose episode may be further down
        doubts.append(f"{TITLE_UNCERTAIN}: {best.text[:80]!r} may be the show's name")
    if (
        len(ranked) > 1
        and ranked[1].score > best.score - _CLOSE
        and not _one_title(best.text, ranked[1].text)
    ):
        # A post about an episode that names it in its prose, in quotation marks, settles a
        # doubt (never a confident choice: a post quotes books and films near "episode" too).
        if quoted := quoted_episode(page or lines, paragraphs=_QUOTED_DOUBT):
            return Pick(quoted[1], None if page else quoted[0], named=True)
        doubts.append(f"{TITLE_UNCERTAIN}: {best.text[:80]!r} or {ranked[1].text[:80]!r}")
    elif (
        best.headline
        and (quoted := quoted_episode(page or lines, paragraphs=_QUOTED_DOUBT))
        and not _names_same(best.text, quoted[1])
    ):
        # an article naming another title as its episode ("‘De nacht dat het water kwam’, de
        # vierde aflevering") under its own headline: which one is the episode's is a doubt
        doubts.append(f"{TITLE_UNCERTAIN}: {best.text[:80]!r} or {quoted[1][:80]!r}")
    if opening := headline_names(best.text, page or lines):
        return Pick(opening, best.index, doubts)  # "<episode>: <the article's words>"
    return Pick(best.text, best.index, doubts)
