"""What one line says, alone or with the lines around it, of its being a page's title: the
lines that never are one (chrome, labels, dates, bylines, a speaker's turn, a chapter over its
time), running text, and the score a candidate gets from its place, its length, its copies and
the metadata under it. `page_title` weighs the candidates against the page around them.
"""

from __future__ import annotations

import re

from castdigest.readers.chrome import (
    chrome_kind,
    glued_chrome,
    is_call,
    is_label,
    lead_in,
    quote_and_button,
)
from castdigest.readers.heading_words import heading_kind
from castdigest.readers.line_dates import (
    has_date,
    has_length,
    has_time,
    is_date_line,
    length_alone,
    without_clock_at,
)
from castdigest.readers.page_dates import date_field, labelled_numeric_date, schedule_line
from castdigest.readers.quote_lines import is_quote_line
from castdigest.readers.title_people import full_name
from castdigest.readers.title_signals import (
    OPEN_QUOTES,
    abbreviation,
    audience_count,
    byline,
    capitals,
    credits_line,
    kind_first,
    names_episode,
    names_show,
    numbered,
    numbers_only,
    person_field,
    without_markers,
)
from castdigest.text.stopwords import STOPWORDS
from castdigest.text.truncate import display_width

PARAGRAPH = 100  # characters: a line this long is a paragraph, not a title
LONE_TIME = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?$")
TURN = re.compile(r"^(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+)?[^\W\d_][\w.'’ -]{0,30}:\s+\S")
STOPS = re.compile(r"[.!?。！？]\s")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_ABOUT_CHARS = 20_000  # characters of paragraphs read for what the page is about
# Function words of every language that has them: they say nothing of what a page is about.
_STOPWORDS = frozenset().union(*STOPWORDS.values())
_MAX = 320
_ATTRIBUTION = 80  # characters: a speaker's name and role under a quotation
_FIELD_LABEL = 20  # characters of a field's label alone on its line
_CUE_TIME = re.compile(r"^\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+")
_HASHTAGS = re.compile(r"^#[^\s#]+(?:\s*#[^\s#]+)*$")
_HEADLINE_WORDS = 5  # words of a headline over its byline (a show's name has fewer)
_BYLINE_ORG = 4  # words of the newsroom or agency a byline names on the line under it
_SPEAKER = re.compile(r"^[^\W\d_][\w.'’ -]{0,30}:$")
_SENTENCE_END = (".", "。", "…", "!", "！", "다.", ";")
_TOKEN = re.compile(r"[^\W_]+")


def excluded(line: str, next_line: str, after: str = "") -> bool:
    """Never a title: chrome, labels, dates, counts, bylines, a chapter's title over its time
    (not a title over its player's position and length, "00:00:00" / "00:51:07")."""
    s = line.strip()
    if not s or len(s) > _MAX or s.startswith(("- ", "* ", "{", "<", "WEBVTT")):
        return True
    if _HASHTAGS.match(s):
        return True
    if lead_in(s) or chrome_kind(s) or is_label(s) or glued_chrome(s) or audience_count(s):
        return True  # a label over what it introduces ("Support for PBS provided by:")
    if quote_and_button(s):
        return True  # a banner's slide: a listener's quote and its button
    if names_show(s) or kind_first(s):
        # a show's label ("Provenant du podcast") names what is under it; a kind and genre
        # ("Podcast · Nature & Outdoors") or a crumb ("Podcasts / <show>") says what it is
        return True
    if heading_kind(s):
        return True  # a section's heading ("Questions & Answers", "Summary & Key Takeaways")
    tokens = _TOKEN.findall(s)
    if not tokens or all(any(c.isdigit() for c in t) for t in tokens):
        return True  # dates, counts, codes ("S12 E290")
    timed = has_time(s) and has_time(without_clock_at(s))  # "… gdy jest ciemno o 16:00"
    if is_date_line(s) or timed or (has_date(s) and has_length(s)) or date_field(s):
        return True  # dates, durations, a metadata line ("Feb 03, 2022 1 hr 29 min")
    if has_date(s) and is_date_line(" ".join(without_markers(s).split())):
        return True  # a date and the episode's numbers ("Nov 17, 2026 Season 2 Episode 23")
    if byline(s) or _SPEAKER.match(s) or person_field(s) or credits_line(s):
        return True  # who made it, who is on it: "진행 이보람 / 출연 김도윤 기자"
    if schedule_line(s):
        return True  # "Every Friday", "월~금 오후 2시 ~ 4시"
    nxt = next_line.strip()
    if _label_over_value(s, nxt):
        return True  # a board's field label over its value ("등록일" / "2026-11-23")
    if not LONE_TIME.match(nxt):
        return False
    player = LONE_TIME.match(after.strip()) and not any(c not in "0:[]()" for c in nxt)
    return not player  # a chapter title, its time below


def _label_over_value(label: str, value: str) -> bool:
    """`label` is a field's label, its value on the next line: a date's ("등록일" /
    "2026-11-23"), an author's ("작성자" / "오후의 휴게소") or a person's ("Host" / "Ada Lund")."""
    if not value or len(label) > _FIELD_LABEL or any(c.isdigit() for c in label):
        return False
    joined = f"{label} {value}"
    fielded = person_field(f"{label}: {value}")
    return bool(labelled_numeric_date(joined) or byline(joined) or fielded)


def _player(line: str) -> bool:
    return bool(line) and chrome_kind(line) == "player"


def in_turns(s: str, prev: str, nxt: str) -> bool:
    """A speaker's turn among others ("Ann: we shipped it" / "Bob: nice"); a lone "Name: rest"
    line may be a title ("Kubernetes: the good parts"), and so may "Episode 9: ..." above
    its own copy."""
    # its own copy next to it is the same title shown twice, not a second turn; an image's
    # credit ("Foto: Odense Bys Museer") is no speaker's turn
    return _turn(s) and any(
        other != s and _turn(other) and chrome_kind(other) != "image credit"
        for other in (prev, nxt)
    )


def _turn(s: str) -> bool:
    m = TURN.match(s)
    if not m:
        return False
    said = _CUE_TIME.sub("", s, count=1)  # "[00:01] Ann: ..."
    speaker = said[: said.index(":")] if ":" in said else said
    return not any(c.isdigit() for c in speaker) and len(speaker.split()) <= 4


def attribution(s: str, prev: str) -> bool:
    """The line under a quotation set apart ("„Bäume pflanzen ist einfach ...“" / "Friederike
    Aumüller, Landschaftsarchitektin"): who said it, however often the page quotes them; or
    the line under a byline ("Article rédigé par ..." / "Radio France"): whom they write for."""
    if not prev or len(s) > _ATTRIBUTION:
        return False
    if prev.rstrip().endswith((":", "：")) and chrome_kind(prev) == "image credit":
        return True  # "Foto:" / "Archivo particular": whom the picture is owed to
    return is_quote_line(prev) or (byline(prev) and len(s.split()) <= _BYLINE_ORG)


_EXCLAIMED = 80  # columns of a line ending in "!" that may be a title, at most
_NUMBER_WORDS = 2  # words up to an episode's number that opens a title ("Odc. 57.")


def running_text(s: str) -> bool:
    """A sentence of the body rather than a heading."""
    if s.endswith(_SENTENCE_END) and not s.endswith(("...", "…")) and len(s) > 25:
        # a title may exclaim ("… しまなみ・大島の「島のパン屋さん」！"); not a banner's quote
        # and its call ("„Gracie to, czego szukałem” Zostań Patronem!")
        exclaims = s.endswith(("!", "！")) and s[:1] not in OPEN_QUOTES + "'《"
        return not (exclaims and display_width(s) <= _EXCLAIMED)
    if s.endswith(("…", "...")) and len(s) > 25:
        return True  # a cut sentence
    return sum(1 for m in STOPS.finditer(s) if _ends_sentence(s, m.start(), m.end())) >= 2


def _ends_sentence(s: str, at: int, after: int) -> bool:
    """Whether the stop at `at` ends a sentence: not an abbreviation's or an initial's period
    ("Ep. 142", "Dr. Okafor", "J. Smith"), nor one before a number."""
    if s[at] != "." or after >= len(s):
        return True
    if s[after].isdigit():
        return False
    word = s[:at].rsplit(None, 1)[-1] if s[:at].strip() else ""
    if word.isdigit() and len(s[:at].split()) <= _NUMBER_WORDS:
        return False  # the episode's number opening the line: "57. Title", "Odc. 57. Title"
    return not (
        (1 <= len(word) <= 3 and word[:1].isupper() and word.isalpha()) or abbreviation(word)
    )


def _name_overlap(line: str, hints: list[str]) -> float:
    words = {t.casefold() for t in _TOKEN.findall(line) if len(t) > 2 or CJK.search(t)}
    best = 0.0
    for hint in hints:
        hw = {t.casefold() for t in _TOKEN.findall(hint) if len(t) > 2 or CJK.search(t)}
        shared = len(words & hw)
        if shared >= min(2, len(hw)):  # one shared word is chance
            best = max(best, shared / max(len(hw), len(words)))
    return best


def line_score(
    s: str, rank: int, count: int, nxt: str, prev: str, hints: list[str], after: str = ""
) -> float:
    """`after`: the line under `nxt`."""
    score = 2.5 / (1 + rank / 3)  # near the top
    score += min(count - 1, 2) * 1.2  # shown again (the heading, the player, the share box)
    length = len(s) if not CJK.search(s) else len(s) * 2
    score += 1.0 if 12 <= length <= 250 else (-1.0 if length < 6 else 0.0)
    if len(s.split()) == 1 and not CJK.search(s):
        score -= 1.0
    if running_text(s):
        score -= 3.0
    if s.endswith((",", "，", "、")):
        score -= 1.5  # a greeting ("Hi friends,")
    if nxt and (has_date(nxt) or date_field(nxt)):
        # the episode's date under its title, more telling with its length ("3 days ago · 39 min",
        # or the length alone on the line under the date, or the player's "0:00 / 31:09") or its
        # time ("19 nov. 2026 om 05:00")
        # a title's words over the date and the player; not "Por g1", a byline of two words
        played = _player(after) and not byline(s) and (len(s.split()) > 2 or bool(CJK.search(s)))
        if has_length(nxt) or length_alone(after) or has_time(nxt) or played:
            score += 2.5
        elif len(prev.split()) >= _HEADLINE_WORDS and full_name(s):
            score -= 1.0  # "Headline of five words or more / Ana Ruiz / date": its byline
        else:
            score += 1.0
    elif nxt and is_call(nxt):
        score -= 2.0  # an offer over its button ("Try our originals" / "Learn more")
    elif nxt and (chrome_kind(nxt) or is_label(nxt)):
        score += 0.5  # page furniture under it, not more running text
    if prev and is_date_line(prev) and prev.strip() != nxt.strip():
        score += 0.5  # dated above; not between two copies of the date (a second card)
    if numbered(s):
        score += 1.5  # "Episode 9: ...", "#31 ...", "... | Show Ep. 37"
    if capitals(s) or numbers_only(s):
        score -= 1.5  # a label or a masthead ("THE SIGNAL BOX", "Season 4, Episode 7")
    elif prev and (names_episode(prev) or (names_show(prev) and numbered(s))):
        score += 2.0  # what a label names ("THIS WEEK'S EPISODE"; "节目" over "第37期｜...")
    score += 3.0 * _name_overlap(s, hints)
    return score


def body_terms(lines: list[str]) -> frozenset[str]:
    """The stems (first five letters) of the words of the page's paragraphs, and the character
    pairs of its CJK runs: what the episode is about, in the page's own words."""
    terms: set[str] = set()
    size = 0
    for line in lines:
        if len(line) < PARAGRAPH:
            continue
        if size > _ABOUT_CHARS:
            break  # the opening paragraphs say what the page is about
        size += len(line)
        for word in _TOKEN.findall(line[:_ABOUT_CHARS].casefold()):
            if CJK.search(word):
                terms.update(word[i : i + 2] for i in range(len(word) - 1))
            elif len(word) >= 4 and word not in _STOPWORDS:
                terms.add(word[:5])
    return frozenset(terms)


def about_share(line: str, about: frozenset[str]) -> float:
    """Share of the line's words (or CJK character pairs) its page's paragraphs also use: a
    title says what the episode is about; a show's or a site's name seldom does."""
    if len(line) >= PARAGRAPH or not about:
        return 0.0
    keys: list[str] = []
    for word in _TOKEN.findall(line.casefold()):
        if CJK.search(word):
            keys += [word[i : i + 2] for i in range(len(word) - 1)]
        elif len(word) >= 4 and word not in _STOPWORDS:
            keys.append(word[:5])
    if len(keys) < 2:
        return 0.0
    return sum(1 for k in keys if k in about) / len(keys)
