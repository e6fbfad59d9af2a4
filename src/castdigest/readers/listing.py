"""Channel listing pages: many episodes per file, a saved channel or show page::

    Title — Guest, Org
    1:24:44                      duration
    EN/ZH                        caption languages
    Watch with Captions
    Latent Spaceil y a 1 jour    show glued to a relative age
    Title — Guest, Org           the title again
    Abstract ## [00:00] ...      the body, usually one line (see markup.py); may be missing
    #github#copilot#ai-agents    hashtags; may be missing

Other layouts are in `listing_shapes` (metadata first, titles shown twice, named titles) and
`listing_blocks` (blocks alike, rows);
title/body pairs in `pairs`. Where entries start is `listing_starts`'s to say; what one
entry's lines under its title hold, `listing_entry`'s.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import UTC, datetime

from castdigest.errors import ReadError
from castdigest.merge import merge
from castdigest.models import Episode
from castdigest.readers.base import Document, ReadContext, unglued
from castdigest.readers.chrome import chrome_kind, is_chrome, without_button, without_read_aloud
from castdigest.readers.doubt import (
    add_reasons,
    chapter_doubts,
    count_doubts,
    takeaway_doubts,
    unlike_entries,
)
from castdigest.readers.heading_words import lists_episodes, suggests_others
from castdigest.readers.line_dates import (
    clock_length,
    length_seconds,
    relative_age,
    without_clock_at,
    zero_clock,
)
from castdigest.readers.listing_blocks import blocks, dated_titles, rows
from castdigest.readers.listing_entry import (
    RawEpisode,
    length_under_teaser,
    lengths_opening_entries,
    lengths_over_titles,
    over_teaser,
    read_age,
    show_of,
    take_body,
    title_under_date,
    title_under_number,
)
from castdigest.readers.listing_kinds import (
    DATE_KINDS,
    META_PARTS,
    date_lines,
    dated_end,
    line_kinds,
    one_hour,
)
from castdigest.readers.listing_shapes import (
    Entry,
    closed_entries,
    date_alone,
    date_suffixed,
    dated_entries,
    is_dated,
    lone_length,
    meta_first,
    minutes,
    over_standfirst,
    prefixed,
    shown_twice,
    suffixed,
    tab_rows,
    unframe,
)
from castdigest.readers.listing_starts import (
    FULL_STOPS,
    PLAYER_LABEL,
    SAME_STARTS,
    counted,
    dates_over_titles,
    entry_starts,
    line_above,
    one_label,
    stacked_cards,
    story_title,
)
from castdigest.readers.markup import name_forms, parse_body
from castdigest.readers.page_dates import (
    after_preposition,
    labelled_length_line,
    labelled_numeric_date,
    numeric_date,
    offered_until,
    played_length,
    without_time_of_day,
)
from castdigest.readers.page_structure import enrich
from castdigest.readers.subheadings import (
    aired_parts,
    corner_lines,
    listened_segments,
    part_chapters,
    played_paragraphs,
    segment_chapters,
)
from castdigest.readers.title_signals import field_line, kind_alone, numbered, numbered_name
from castdigest.text.dates import find_absolute, find_relative, find_yearless, parse_date
from castdigest.text.durations import parse_duration
from castdigest.text.language import detect_language
from castdigest.text.normalize import fold
from castdigest.text.titles import assign_people, split_title
from castdigest.text.truncate import display_width

_TITLE_WORDS = 3  # words of a title shown again in the show's list, at least
_LABELLED_ENTRIES = 2  # entries dated after a publication label: a listing, not one page
_TEASER_WIDTH = 80  # columns of an entry's teaser under its title, at least
_PROSE = 100  # characters of a line ending in a full stop that is prose, not a title
_TIMES = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
SNIFF_CHARS = 200_000
_TITLE_CASE_LANGS = {"en"}
_WORDS = re.compile(r"[a-zà-ÿ']+")
_HINTS = {
    "en": frozenset("the and is are that this with what we you it's i'm don't of to was".split()),
    "fr": frozenset("le la les des est et une que qui nous vous pas dans pour c'est je".split()),
    "de": frozenset("der die das und ist nicht ich wir sie mit auf für ein eine zu".split()),
    "es": frozenset("el los las es que y en una por para con no lo se del".split()),
    "it": frozenset("il che di è non per una sono gli della con lo si".split()),
    "pt": frozenset("o os que é não uma para com em do da se você".split()),
}
_ALL_HINTS = frozenset().union(*_HINTS.values())
_NON_LATIN = re.compile(r"[^\x00-\u024f\u2000-\u206f]")
_SNIFF_AS_OF = datetime(2000, 1, 1, tzinfo=UTC)  # sniffing only asks whether an age is there


def _collect(
    lines: list[str], ctx: ReadContext, kinds: dict[int, str | None] | None = None
) -> list[RawEpisode]:
    kinds = line_kinds(lines, ctx.as_of) if kinds is None else kinds
    starts = entry_starts(lines, kinds)
    framed: list[tuple[int, int | None]]
    if one_label(lines, starts):  # "Title / teaser / Host / date / length", entry by entry
        framed = [(_labelled_title(lines, kinds, start), None) for start in starts]
    elif (title := story_title(lines, starts)) is not None:
        # "Title / standfirst / Reporter / date", "… / ROMA / date": one episode's page, its
        # show's other episodes listed under it or not
        framed = [(title, None)] + [unframe(lines, start) for start in starts[1:]]
    else:
        framed = [unframe(lines, start) for start in starts]
    titles = _titles(lines, framed)
    dates: list[int | None] = [None] * len(starts)
    if over := dates_over_titles(lines, kinds, titles):  # "date / Title / teaser / 58:12"
        drop, dated = over
        starts, framed, titles, dates = starts[drop:], framed[drop:], titles[drop:], [*dated]
    raws: list[RawEpisode] = []
    shown = Counter(line.strip() for line in lines)  # a label over every entry is no furniture
    for n, (start, (_, show), title) in enumerate(zip(starts, framed, titles, strict=True)):
        # the next entry begins at its title (or its date over it), above its start when that
        # is its teaser
        end = min(starts[n + 1], titles[n + 1]) if n + 1 < len(starts) else len(lines)
        end = min(end, dates[n + 1] or end) if n + 1 < len(starts) else end
        raw = RawEpisode(title=without_button(lines[title].strip()), line=title + 1)
        raw.show = lines[show].strip() if show is not None else None
        if (date := dates[n]) is not None:
            read_age(raw, lines[date].strip(), ctx.as_of)
        teaser = over_teaser(raw, lines, kinds, (title, start), ctx.as_of) if title < start else []
        i = start + 1
        fields: list[str] = []  # a panel's fields among the metadata ("ゲスト：桐谷まひろ")
        while i < end:  # metadata lines, in any order
            s = lines[i].strip()
            kind = kinds[i] if s else "blank"
            if kind is None and field_line(s) and (raw.published_text or _meta_under(kinds, i)):
                fields.append(s)  # kept for the body, which names who is on
                i += 1
                continue
            if kind is None and show_of(s, raw.title):
                raw.show = raw.show or s  # "Show. Episode title" / date / "Show" / player
                i += 1
                continue
            if kind is None and (name := numbered_name(s)) and not is_chrome(s):
                raw.show = raw.show or name  # a player's card: "Close Looking, Episode 87"
                i += 1
                continue
            # a button ("Play"), its kind ("Podcast": not a label over every entry), its tags
            # or a count may stand between metadata lines
            furniture = is_chrome(s) or counted(s) or (kind_alone(s) and shown[s] < SAME_STARTS)
            if kind is None and not furniture and not _plays(lines, kinds, i):
                break
            if kind == "duration":
                raw.duration = (
                    clock_length(s) or lone_length(s) or labelled_length_line(s) or played_length(s)
                )
            elif kind == "captions":
                raw.captions = [c.strip().lower() for c in s.split("/")]
            elif kind == "dated":
                _read_dated(raw, s)
            elif kind == "published":
                raw.published_text = labelled_numeric_date(without_time_of_day(without_clock_at(s)))
            elif kind == "age":
                read_age(raw, s, ctx.as_of)
            i += 1
        i = title_under_date(raw, lines, kinds, i, end)
        i = title_under_number(raw, lines, i, end)
        rest = [line.strip() for line in lines[i:end] if line.strip()]
        if rest and fold(rest[0]) == fold(raw.title):
            rest = rest[1:]  # the repeated title
        rest = teaser + fields + rest
        if raw.duration is None:
            rest = length_under_teaser(raw, rest)
        if raw.published_text is None and rest and date_alone(rest[-1]):
            # "Title / 00:41:26 / description / Nov 19, 2026": the date closes the entry
            raw.published_text, rest = rest[-1], rest[:-1]
        take_body(raw, rest)
        raws.append(raw)
    lengths_over_titles(raws, lines, kinds, titles)
    return raws


def _listed_again(raws: list[RawEpisode], first: list[Entry], lines: list[str]) -> bool:
    """The one entry read is set apart over the list that shows it again with the others,
    each under its date ("LATEST EPISODE" / title / date, then date / title ...)."""
    return len(raws) == 1 and any(lines[e.title].strip() == raws[0].title for e in first)


def _lengths_under_dates(lines: list[str], at: list[int]) -> list[str]:
    """`lines` with each entry's length (over its title, at `at`) moved under its date, in
    the place of the next entry's, which follows the date: the layout lengths close entries
    in. Each title stays on its line; the last entry's length has no place left (its reader
    gives it after)."""
    moved = list(lines)
    moved[at[0]] = ""
    for here, there in itertools.pairwise(at):
        moved[there] = lines[here]
    return moved


def _labelled_title(lines: list[str], kinds: dict[int, str | None], start: int) -> int:
    """The title over an entry's label ("Title / teaser / Host / date / length"): the line
    right above the label, or the shorter one over it when that line is a teaser (longer, a
    sentence or more); not a label every entry shows ("Show / Title / Host / date")."""
    above = line_above(lines, start)
    if above is None:
        return start
    over = line_above(lines, above)
    if over is None or kinds.get(over) or is_chrome(lines[over]):
        return above
    title, teaser = lines[over].strip(), lines[above].strip()
    shown = sum(1 for line in lines if line.strip() == title)
    wide, narrow = display_width(teaser), display_width(title)
    return over if shown < SAME_STARTS and wide >= _TEASER_WIDTH and narrow < wide else above


def _meta_under(kinds: dict[int, str | None], i: int) -> bool:
    """The next line is the entry's metadata ("Program: Garden Patch" / "Sat 21 Nov 2026")."""
    under = next((j for j in kinds if j > i), None)
    return under is not None and kinds[under] is not None


def _plays(lines: list[str], kinds: dict[int, str | None], i: int) -> bool:
    """lines[i] is a short button right over the player's position ("Play segment" / "00:00"
    / "14:05"): the entry's player, whose length follows."""
    under = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    return (
        under is not None
        and kinds.get(under) == "position"
        and len(lines[i].split()) <= PLAYER_LABEL
    )


def _titles(lines: list[str], framed: list[tuple[int, int | None]]) -> list[int]:
    """Each entry's title line: over a teaser sentence when the entries of the listing have
    one (`over_standfirst`), which one entry alone does not make (a title of two sentences
    under the listing's tabs, "Wszystkie" / "Bobry w mieście. Kłopot czy...?")."""
    over = [over_standfirst(lines, t) if show is None else t for t, show in framed]
    moved = sum(1 for o, (t, _) in zip(over, framed, strict=True) if o != t)
    if 0 < moved < len(framed):
        # the others' teasers may be questions ("… vem ska spela vänsterback nu?")
        over = [
            over_standfirst(lines, t, questions=True) if o == t and show is None else o
            for o, (t, show) in zip(over, framed, strict=True)
        ]
        moved = sum(1 for o, (t, _) in zip(over, framed, strict=True) if o != t)
    if len(framed) >= SAME_STARTS and moved * 2 < len(framed):
        # a lede is no title, however few entries have one; nor is a sentence under a line
        # with the episode's number ("Vol.85 …" / "从外婆的咸菜摊到….")
        return [
            o if _lede(lines[t].strip()) or _numbered_over(lines, o, t) else t
            for o, (t, _) in zip(over, framed, strict=True)
        ]
    return over


def _numbered_over(lines: list[str], above: int, line: int) -> bool:
    return above != line and numbered(lines[above]) and lines[line].strip().endswith(FULL_STOPS)


def _lede(line: str) -> bool:
    return len(line) > _PROSE and line.endswith(FULL_STOPS)


def _plays_one(head: list[str]) -> bool:
    """A player at its start ("00:00 / 68:12", or "00:00" over "68:12") under a title, above
    the first entry: the page plays one episode, its own; the entries under it are its
    show's others or its clips."""
    shown = [line.strip() for line in head if line.strip()]
    for k, line in enumerate(shown):
        if k and _START.match(line) and chrome_kind(line) == "player":
            if not is_chrome(shown[k - 1]):
                return not _all_listed(shown[:k], shown[k + 1 :])
        elif (
            zero_clock(line)
            and k + 1 < len(shown)
            and clock_length(shown[k + 1])
            and any(not is_chrome(s) for s in shown[:k])
        ):
            # its two times on two lines: past its button ("Podcast hören") and a share bar
            # ("WhatsApp" / "Copy link" / "Play"), a line of the page's own
            return not _all_listed(shown[:k], shown[k + 2 :])
    return False


def _all_listed(above: list[str], under: list[str]) -> bool:
    """The show's list of all its episodes is headed under the player ("All Episodes") and
    shows again the title over the player: the player plays the latest; the page is the
    show's (a list of the show's others leaves the played one out)."""
    heading = next(
        (n for n, line in enumerate(under) if lists_episodes(line) and not suggests_others(line)),
        None,
    )
    if heading is None:
        return False
    played = {fold(line) for line in above if len(line.split()) >= _TITLE_WORDS}
    return any(fold(line) in played for line in under[heading + 1 :])


def _own_page(raws: list[RawEpisode]) -> list[RawEpisode]:
    """An episode's page over its show's list: the first entry told in full (its description,
    its credits) and shown again, numbered and in brief, in the list below ("Avsnitt 11:
    <title>"). The list is the show's other episodes; the page is the first one's."""
    if len(raws) < SAME_STARTS:
        return raws
    first, key = raws[0], fold(raws[0].title)
    told = sum(len(line) for line in first.body)
    for raw in raws[1:]:
        other = fold(raw.title)
        again = other.endswith(key) and _NUMBERED_AGAIN.fullmatch(other[: len(other) - len(key)])
        if again and told >= max(_TOLD, _TOLD_SHARE * sum(len(line) for line in raw.body)):
            return [first]
    return raws


_START = re.compile(r"^0?0:00(?::00)?\s*/")  # a player's position at the start
_NUMBERED_AGAIN = re.compile(r"(?:\w+ )?\w*\d+\w* ")  # "avsnitt 11 ", "第12期 " (folded)
_TOLD = 150  # characters of description at least in an episode's page's own entry
_TOLD_SHARE = 3  # times the description of its entry in the list


def _read_dated(raw: RawEpisode, line: str) -> None:
    """Date and length from a metadata line ("Oct 7, 2025 • 38min", "hace 3 días · 29 min");
    a part that says until when it is offered ("Verfügbar bis 20.11.2031") gives neither."""
    line = " | ".join(p for p in META_PARTS.split(line) if not offered_until(p))
    found = find_absolute(line) or relative_age(line, _SNIFF_AS_OF)
    if found is not None:
        raw.published_text = found.text
    elif written := numeric_date(line):  # "21.11.2026 | 44 min"
        raw.published_text = written
    times = [parse_duration(t) for t in _TIMES.findall(line)]
    rest = line.replace(raw.published_text, " ", 1) if raw.published_text else line
    # a length in words past the date ("1 hour, 3 minutes, 8 seconds") to the second
    raw.duration = next((t for t in times if t), None) or length_seconds(rest) or minutes(line)


def _shaped(lines: list[str], entries: list[Entry], loose: bool = False) -> list[RawEpisode]:
    """Raw episodes from entries of the layouts in `listing_shapes` and `listing_blocks`;
    `loose`: their metadata lines may hold a length or a date alone."""
    raws: list[RawEpisode] = []
    dated = [i for entry in entries for i in entry.meta if is_dated(lines[i])]
    hour = one_hour(lines, dated)  # "19/11/2026 - 14:00" each week: when, not how long
    for entry in entries:
        raw = RawEpisode(title=entry.text or lines[entry.title].strip(), line=entry.title + 1)
        if entry.show and raw.title.endswith(" " + entry.show):
            raw.title, raw.show = raw.title[: -len(entry.show)].strip(), entry.show
        if entry.date:
            if raw.title.endswith(entry.date):
                # "<title>: 11/23/26": the date is the entry's, the title what stands before it
                raw.title = raw.title[: -len(entry.date)].rstrip(" :：–—|·-")
            raw.published_text = entry.date
        for i in entry.meta:
            if is_dated(lines[i]) and not hour:
                _read_dated(raw, lines[i])
            elif loose:
                _read_alone(raw, lines[i].strip())
        body = [lines[i].strip() for i in entry.body]
        take_body(raw, length_under_teaser(raw, body) if raw.duration is None else body)
        raws.append(raw)
    return raws


def _read_alone(raw: RawEpisode, s: str) -> None:
    """A length ("1:04:22", "47分钟 · 11/15") or a date ("2일 전") on a line of its own."""
    day = after_preposition(s) or s  # "on Oct 13": the date after the site's word
    if raw.duration is None and (length := clock_length(s)):
        raw.duration = length
    elif raw.published_text is None and (
        age := relative_age(day, _SNIFF_AS_OF)
        or dated_end(day)
        or find_absolute(day)
        or find_yearless(day, _SNIFF_AS_OF)
    ):  # a metadata line: a date anywhere in it ("October 7, 2026 • Season 3 • Episode 28")
        raw.published_text = age.text
    elif raw.published_text is None and (written := numeric_date(without_time_of_day(s))):
        raw.published_text = written  # "11/19/2026, 6:00:00 AM", read in the page's language
    elif raw.duration is None:
        raw.duration = lone_length(s) or minutes(s) or labelled_length_line(s)


def _checked(episode: Episode, raw: RawEpisode) -> Episode:
    """The episode with the doubts its own lines give (more times shown than chapters read)."""
    return add_reasons(episode, chapter_doubts(raw.body, len(episode.chapters)))


def build_episode(raw: RawEpisode, ctx: ReadContext, position: int) -> Episode:
    """Interpret one raw episode: title parts, body markup, people, dates, languages."""
    text = "\n".join(raw.body)
    parts = split_title(raw.title, text)
    lang = ctx.language or detect_language(text[:3000] or parts.title)
    names: set[str] = set()
    for g in parts.guests:
        names |= name_forms(g.name)
    body = parse_body(text, sentence_case=lang not in _TITLE_CASE_LANGS, names=names)
    hosts, guests = assign_people(parts.guests, body.entities)
    quotes = [q for c in body.chapters for q in c.quotes] + body.quotes
    for q in quotes:
        if (ql := _quote_language(q.text, lang)) != lang:
            q.language = ql
    published = None
    if raw.published_text:
        text = raw.published_text
        age = find_relative(text, ctx.as_of) or dated_end(text) or find_yearless(text, ctx.as_of)
        when = age.when if age else parse_date(raw.published_text, ctx.as_of, lang)
        published = ctx.published(when, raw.published_text) if when else None
    episode = Episode(
        title=parts.shown or raw.title,
        kind=parts.kind,
        show=raw.show,
        hosts=hosts,
        guests=guests,
        published=published,
        published_text=raw.published_text,
        duration=raw.duration,
        language=lang,
        caption_languages=raw.captions,
        abstract=body.abstract,
        chapters=body.chapters,
        quotes=quotes,  # the same objects as the chapters': nothing mutates them after this
        entities=body.entities,
        tags=list(dict.fromkeys([*raw.tags, *body.tags])),
        sources=[ctx.ref(position, line=raw.line)],
    )
    return enrich(episode, raw.body)


def _quote_language(text: str, episode: str | None) -> str | None:
    """The language of a quote, when there is evidence it differs from the episode's.

    Function words settle the Latin-script case without langid (hundreds of quotes a page);
    a quote with no telling words keeps the episode's language. Other scripts go to
    `detect_language`, which decides them by script, cheaply.
    """
    if not text.isascii() and _NON_LATIN.search(text):
        return detect_language(text, episode)  # by script: short quotes are fine
    if len(text) < 25:
        return episode
    words = _ALL_HINTS.intersection(_WORDS.findall(text.lower()))
    # Another language wins only with two telling words more than the episode's, so two
    # words outside the episode's list at least: most quotes stop here.
    if len(words - _HINTS.get(episode or "", frozenset())) < 2:
        return episode
    hits = {lang: len(words & hints) for lang, hints in _HINTS.items()}
    best = max(hits, key=lambda lang: hits[lang])
    if hits[best] < 2 or best == episode or hits[best] < hits.get(episode or "", 0) + 2:
        return episode
    return detect_language(text, episode)


def merge_repeats(episodes: list[Episode]) -> list[Episode]:
    """One episode per show and normalised title: a page that lists an episode twice (a
    "latest" and a "popular" shelf) gives one episode with both positions as sources. The
    archive keeps items of one document apart, so pages merge their repeats here."""
    groups: dict[tuple[str, str], list[Episode]] = {}
    for ep in episodes:
        groups.setdefault((fold(ep.show), fold(ep.title)), []).append(ep)
    return [merge(group) if len(group) > 1 else group[0] for group in groups.values()]


class ListingReader:
    name: str = "listing"
    extensions: tuple[str, ...] = (".txt", ".md")

    def sniff(self, doc: Document) -> float:
        lines = [unglued(line) for line in doc.text[:SNIFF_CHARS].splitlines()]
        kinds = line_kinds(lines, _SNIFF_AS_OF)
        confirmed, dated, labelled = 0, 0.0, 0
        starts = entry_starts(lines, kinds)
        if starts and _plays_one(lines[: starts[0]]):
            return 0.0
        if len(starts) == 1 and stacked_cards(lines, starts[0]) is not None:
            return 0.0  # a story's bylines over its date: one episode's page
        for i in starts:
            near = {kinds.get(j) for j in range(i + 1, min(i + 8, len(lines)))}
            confirmed += len(near & {"duration", "captions", "watch", "age"}) >= 2
            # "publié le 21/11/2026" / "48 min": an episode page's too, unless several show it
            labelled += {"published", "duration"} <= near
            # One title over a date and a length is any episode page; a listing shows several,
            # or frames its one entry with the show's name (an aggregator's tag page).
            dated += "dated" in near and (1 if unframe(lines, i)[1] is not None else 0.5)
        if confirmed >= 1 or dated >= 1 or labelled >= _LABELLED_ENTRIES:
            return 0.9
        if len(meta_first(lines)) >= 2 or blocks(lines) or dated_entries(lines) or rows(lines):
            return 0.85
        if closed_entries(lines):
            return 0.85
        if dated_titles(lines, lambda i: kinds.get(i) in DATE_KINDS):
            return 0.85
        if prefixed(lines) or suffixed(lines) or date_suffixed(lines) or tab_rows(lines):
            return 0.8
        return 0.5 if shown_twice(lines) else 0.0

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        # a player reading an article aloud: its length is no entry's
        lines = without_read_aloud(doc.page_lines())
        kinds: dict[int, str | None] | None = line_kinds(lines, ctx.as_of)
        lengths: dict[int, str] = {}
        if kinds and (opening := lengths_opening_entries(lines, kinds)):
            # "22:14 / Title / teaser / date": read without the lengths, each given its entry
            lengths = {title: lines[at].strip() for title, at in opening.items()}
            lines, kinds = _lengths_under_dates(lines, sorted(opening.values())), None
        raws = _collect(lines, ctx, kinds)
        first = meta_first(lines)
        if len(first) >= 2 and (
            not raws or first[0].meta[0] < raws[0].line - 1 or _listed_again(raws, first, lines)
        ):
            raws = _shaped(lines, first, loose=True)  # the metadata comes before the first title
        elif not raws:
            raws = _shaped(lines, shown_twice(lines))
        if len(raws) <= 1 and len(alike := blocks(lines)) > len(raws):
            raws = _shaped(lines, alike, loose=True)  # entries without a length under titles
        if len(raws) <= 1 and len(dated := dated_entries(lines)) > len(raws):
            raws = _shaped(lines, dated, loose=True)  # a title, its date, its description
        if len(raws) <= 1 and len(closed := closed_entries(lines)) > len(raws):
            raws = _shaped(lines, closed, loose=True)  # a title, its teaser, its date
        if len(raws) <= 1 and len(table := rows(lines)) > len(raws):
            raws = _shaped(lines, table, loose=True)  # a table's rows: number, title, date
        if not raws and (titled := dated_titles(lines, date_lines(lines, ctx))):
            # a title over its date, its genres: asked only when no entry has a length (an
            # episode's page may suggest others so, under its own)
            raws = _shaped(lines, titled, loose=True)
        if len(raws) <= 1 and len(named := prefixed(lines)) > len(raws):
            raws = _shaped(lines, named, loose=True)  # "<show> : <title>", undated
        if len(raws) <= 1 and len(table := tab_rows(doc.text.splitlines())) > len(raws):
            raws = _shaped(lines, table)  # a table's rows, cells tab-separated on one line
        if len(raws) <= 1 and len(tailed := date_suffixed(lines)) > len(raws):
            raws = _shaped(lines, tailed, loose=True)  # "<title>: 11/23/26" over its teaser
        if len(glued := suffixed(lines)) >= len(raws):
            raws = _shaped(lines, glued, loose=True)  # "<title> <show>": each title so
        if not raws:
            raise ReadError(
                "no episode found in listing", where=doc.location, hint="try --format text"
            )
        raws = _own_page(raws)
        for raw in raws:
            if raw.duration is None and (shown := lengths.get(raw.line - 1)):
                raw.duration = clock_length(shown) or lone_length(shown)
        episodes = [_checked(build_episode(raw, ctx, pos), raw) for pos, raw in enumerate(raws)]
        episodes = merge_repeats(episodes)
        if len(episodes) == 1 and not episodes[0].chapters:
            # one episode's page: its segments, a subheading over each one's paragraphs (a
            # name shown over the title too is the show's or the site's, no segment's)
            above = {line.strip() for line in lines[: max(0, raws[0].line - 1)]}
            body = [line for line in raws[0].body if line.strip() not in above]
            episodes[0].chapters = (
                segment_chapters(body)
                or part_chapters(body)
                or listened_segments(body)
                or aired_parts(body)
                or played_paragraphs(body)
                or corner_lines(body)
            )
        reasons = count_doubts(lines, len(episodes)) + unlike_entries(episodes)
        if len(episodes) == 1:
            reasons += takeaway_doubts(lines, len(episodes[0].takeaways))
        return [add_reasons(ep, reasons) for ep in episodes]
