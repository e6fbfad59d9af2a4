"""The names a page shows beside its episode's title: the site's and the show's (a
masthead, a kicker, a breadcrumb, a tagline, a label's value) and its people's (a speaker, a
person's card). Each is a name, never the title; `page_title` scores the title among the
other lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import regex

from castdigest.readers.chrome import chrome_kind, crumbs_above, is_label, normalise
from castdigest.readers.heading_words import joined_parts, more_names, names_under_more, shown_names
from castdigest.readers.line_dates import has_date, has_length
from castdigest.readers.page_dates import is_date_or_length_label
from castdigest.readers.title_people import person_name
from castdigest.readers.title_quoted import quoted_shows
from castdigest.readers.title_signals import (
    audience_count,
    brand,
    brand_taglines,
    credited_names,
    kind_alone,
    kind_first,
    linked_show,
    name_before_number,
    names_person,
    names_show,
    numbered,
    numbers_only,
    season_name,
    vocabulary,
)
from castdigest.text.truncate import cjk_count

_FIELD = 100  # characters of a panel's "Label: value" line


@dataclass(frozen=True)
class PageNames:
    """`shows`: normalised lines naming the site, the show or a person (never the title);
    `labelled`: the values of a "Show" label; `people`: the names under a person's label."""

    shows: frozenset[str]
    labelled: frozenset[str]
    people: frozenset[str]


def page_names(head: list[tuple[int, str]], texts: list[str]) -> PageNames:
    """The names among the page's `head` (its first lines, with their indexes), found by what
    the whole page (`texts`) shows around them."""
    lines = [s for _, s in head]
    normalised_page = [(line, normalise(line)) for line in texts]
    shows = {key for s in lines if brand(key := normalise(s), normalised_page, is_metadata)}
    labelled = labelled_shows(texts)  # under a "Show" label
    shows |= labelled | quoted_shows(texts)  # 'Puntata di "X"'
    shows |= {normalise(c) for s in lines for c in crumbs_above(s)}  # "Podcasts › <show> › …"
    more_named = {n for s in texts for n in more_names(s)}  # "More <show>"
    more_named |= names_under_more(texts)  # "More in:" / "<show>"
    shows |= {normalise(s) for s in lines if not more_named.isdisjoint(shown_names([s]))}
    shows |= {normalise(lines[k - 1]) for k in range(1, len(lines)) if audience_count(lines[k])}
    shows |= _framing(head)  # "Show / Title / Show": the name on both sides of the title
    shows |= speakers(texts)  # "林小满 00:03" over turns of the transcript: a person
    shows |= {name for s in texts if (name := linked_show(s))}  # "Back to <show>"
    shows |= brand_taglines(lines, shows)  # "<show> – der ntv-Podcast"
    shows |= _over_marker(head)  # "밤의 서재" / "8화": the show over its episode's number
    shows |= _named_with_number(head, texts)  # "<show> / Episode 48", the show in a sentence
    shows |= _kind_named(head)  # "PODCAST · technology" / "Token Intelligence"
    shows |= {normalise(s) for s in lines if season_name(s)}  # "夜谈俱乐部 第三季"
    shows |= _episode_of(lines, texts)  # "In this episode of The Long View, …"
    alone = {normalise(s) for s in lines}
    shows |= {name for s in lines if (name := bracketed_name(s)) in alone}  # "[<show>] <title>"
    return PageNames(frozenset(shows), frozenset(labelled), frozenset(labelled_people(texts)))


def speakers(lines: list[str]) -> set[str]:
    """Names the page's transcript shows over or opening two turns or more ("林小满 00:03",
    "Ada Lund 12:41", "Ada Lund: ..."), normalised: people, never the title."""
    shown = Counter(m.group("name") for line in lines if (m := _SPEAKER_TIME.match(line.strip())))
    # or opening two turns or more ("Priya Lindqvist: Honestly? A little cold.")
    shown.update(m.group("name") for line in lines if (m := _SPEAKER_TURN.match(line.strip())))
    return {normalise(name) for name, n in shown.items() if n >= 2}


_SPEAKER_TURN = re.compile(
    r"^(?P<name>[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,2})[:：]\s+\S.{20,}"
)


_SPEAKER_TIME = re.compile(
    r"^(?P<name>[^\d\s:：]{1,20}(?: [^\d\s:：]{1,20}){0,2})\s+\d{1,2}:\d{2}(?::\d{2})?$"
)


def labelled_shows(lines: list[str]) -> set[str]:
    """Lines under a label naming the show ("Show" / "Saltmarsh Dispatch"), normalised; not a
    numbered one ("节目" / "第37期｜..."): a label that also names the kind sits over a title."""
    under = {
        normalise(lines[k + 1])
        for k in range(len(lines) - 1)
        if names_show(lines[k]) and not numbered(lines[k + 1])
    }
    # or after it on its line: "Heard on: Marketplace Early Shift", "Sendung: Nachtcafé"
    fields = (line.replace("：", ":").partition(":") for line in lines if len(line) <= _FIELD)
    beside = {normalise(value) for label, colon, value in fields if colon and names_show(label)}
    return (under | beside) - {""}


_CARD_SPLIT = re.compile(r"\s*[|｜・:：]\s*|\s+[-–—]\s+")


def labelled_people(lines: list[str]) -> set[str]:
    """Lines under a label over a person's card ("About the speaker" / "Ana Ruiz"), and the
    names after a person's label on its line ("Moderation: Jonas Richter", "Host: Ada Lund &
    Ben Ruiz"), normalised."""
    under = {normalise(lines[k + 1]) for k in range(len(lines) - 1) if names_person(lines[k])}
    # a card's name before its role ("林奕安｜作家、主持人", "Ana Ruiz | host")
    under |= {normalise(_CARD_SPLIT.split(name, 1)[0]) for name in under}
    fields = (line.replace("：", ":").partition(":") for line in lines if len(line) <= _FIELD)
    named = {
        normalise(name)
        for label, colon, value in fields
        if colon and names_person(label)
        for name in joined_parts(value.strip())
    }
    # and who the page credits with the episode ("Presented by Harriet Okafor.", "Presentatie
    # Ruben de Wit. Redactie Fenna Hoekstra.")
    credits = {normalise(name) for line in lines for name in credited_names(line)}
    labelled = _labelled_credit()
    credits |= {normalise(m["name"]) for line in lines for m in labelled.finditer(line)}
    return (under | named | credits) - {""}


@cache
def _labelled_credit() -> regex.Pattern[str]:
    """A person's label and a full name that ends its sentence, as credits run on ("Presentatie
    Ruben de Wit. Redactie Fenna Hoekstra."); not a label's word in prose ("Met Ruben de Wit
    praat ze …")."""
    labels = {w for ws in vocabulary()["person_labels"].values() for w in ws}
    words = "|".join(regex.escape(w) for w in sorted(labels, key=len, reverse=True))
    return regex.compile(
        rf"(?:^|(?<=[.;])\s+)(?i:{words})\s+(?P<name>{person_name()})(?=\s*(?:[.;,]|$))"
    )


_CRUMB_MARKS = re.compile(r"\s[/›>»]\s")


def _kind_named(head: list[tuple[int, str]]) -> set[str]:
    """Normalised lines right above or under the kind and genre of the show ("PODCAST ·
    technology" / "Token Intelligence"): the show's name, which that line describes; and the
    line under a kind alone in a column of crumbs ("Accueil" / "Podcasts" / <show>), shown
    again under it as the page's kicker ("Episode" over a title labels the title)."""
    found = set()
    for k, (_, line) in enumerate(head):
        if kind_first(line) and not _CRUMB_MARKS.search(line):  # not "Podcasts › <show>"
            for j in (k - 1, k + 1):
                if 0 <= j < len(head) and not is_metadata(near := head[j][1]):
                    found.add(normalise(near))
        elif 0 < k < len(head) - 2 and kind_alone(line) and chrome_kind(head[k - 1][1]):
            name = normalise(head[k + 1][1])
            if name == normalise(head[k + 2][1]):
                found.add(name)  # "Accueil" / "Podcasts" / <show>, crumbs; <show> again over all
    return found


def _over_marker(head: list[tuple[int, str]]) -> set[str]:
    """Normalised lines right over an episode's number alone ("밤의 서재" / "8화", "Harbor
    Notes" / "Episode 8"): the show's name, shown again with the number ("밤의 서재 8화")."""
    return {
        normalise(line)
        for k, ((_, line), (_, under)) in enumerate(pairwise(head))
        if numbers_only(under)
        and any(c.isalpha() for c in under)
        and not numbered(line)
        and not _fields_under(head, k + 2)
    }


def _fields_under(head: list[tuple[int, str]], k: int) -> bool:
    """head[k] is a post's field, the label of its date ("34회" / "등록일" / "2026-11-20"):
    the number is the post's under its title, not the show's over its episode's title."""
    if k >= len(head):
        return False
    return is_date_or_length_label(head[k][1])


def _named_with_number(head: list[tuple[int, str]], texts: list[str]) -> set[str]:
    """The name before an episode's number ("The Middle Layer / Episode 48") when other lines
    of the page say it among other words ("Subscribe to The Middle Layer wherever you listen",
    "This week on Deep Cuts 00:58"): the show."""
    found: set[str] = set()
    for _, line in head:
        if (name := name_before_number(line)) is None:
            continue
        spaced = name if cjk_count(name) else f" {name} "  # CJK sets no spaces around words
        saying = (t for t in texts if len(t) > len(name) and spaced in f" {normalise(t)} ")
        if any(name_before_number(t) != name for t in saying):  # not the same line again
            found.add(name)
    return found


def _framing(head: list[tuple[int, str]]) -> set[str]:
    """Normalised lines shown right above and right under another line ("Bench Notes" /
    title / "Bench Notes" / byline): a show's name framing its episode's title (a title
    around its own date or length, or a button, is no name: `_framable`)."""
    keys = [normalise(s) for _, s in head]
    return {
        keys[k - 1]
        for k in range(1, len(keys) - 1)
        if keys[k - 1] and keys[k - 1] == keys[k + 1] != keys[k] and _framable(head[k][1])
    }


def _framable(line: str) -> bool:
    """A line a show's name may frame: a title, not a button ("Title / Copy link / Title")
    nor the episode's date or length."""
    return not (is_metadata(line) or chrome_kind(line) or is_label(line))


_BRACKETED = re.compile(r"^[\[【〈《]\s*(?P<name>[^\]】〉》]{2,40}?)\s*[\]】〉》]\s*\S")


_PROSE = 80  # characters of a paragraph that may name the show its episode is of
_NAME_WORDS = (2, 6)  # words of a show's name so named


def _episode_of(lines: list[str], texts: list[str]) -> set[str]:
    """Normalised head lines the prose names as what an episode is of ("In this episode of
    The Long View, Marcus …", "dans cet épisode de Sur le terrain"): the show's name."""
    prose = "\n".join(t for t in texts if len(t) >= _PROSE)
    # what follows each "episode of" in the prose, read once
    after = [prose[m.end() : m.end() + _NAMED_AFTER] for m in _of_episode().finditer(prose)]
    if not after:
        return set()
    found = set()
    for s in {line.strip() for line in lines}:
        if not _NAME_WORDS[0] <= len(s.split()) <= _NAME_WORDS[1] or not s[:1].isupper():
            continue
        if any(tail.startswith(s) for tail in after):
            found.add(normalise(s))
    return found


_NAMED_AFTER = 80  # characters after "episode of" where a show's name stands


@cache
def _of_episode() -> re.Pattern[str]:
    """An episode word and an of-word, then the name they introduce."""
    data = vocabulary()
    episode = {w.rstrip(".") for ws in data["words"].values() for w in ws if len(w) > 3}
    of = {w for ws in data["of_words"].values() for w in ws}
    eps = "|".join(re.escape(w) for w in sorted(episode, key=len, reverse=True))
    ofs = "|".join(re.escape(w) for w in sorted(of, key=len, reverse=True))
    return re.compile(rf"(?i:\b(?:{eps})\s+(?:{ofs}))\s*")


def bracketed_name(line: str) -> str | None:
    """The normalised name a line opens with in brackets ("[장바구니 경제학] 김장철 ..."), or
    None: a series' tag on its episode's title when the page shows the name alone too."""
    m = _BRACKETED.match(line)
    return normalise(m["name"]) if m else None


def is_metadata(s: str) -> bool:
    return has_date(s) or has_length(s)
