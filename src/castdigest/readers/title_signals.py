"""Signals that a line of a page is, or is not, an episode's title, beyond its place and shape.

- an episode-number marker ("Episode 9: ...", "#31 ...", "제112화 - ...", "... | Show Ep. 37"),
  from the words of `data/titles.json`;
- a brand: the name of the site or the show, which the page shows again beside its footer
  links ("Name · Terms · Privacy"), after a copyright sign, or beside a date and a length
  ("Show · October 14, 2026 · 48 min");
- a label in capitals ("THIS WEEK'S EPISODE", "THE SIGNAL BOX"): a section's name or a
  letter's masthead, and the line under it is what it names;
- a field naming the episode a post or a note is about ("Episode: ...", "エピソード：...", or
  the label alone over its value): its value is the title, whatever the post's headline.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from itertools import islice
from typing import Any

from castdigest.readers.chrome import chrome_kind, is_label, normalise
from castdigest.text.truncate import cjk_count

_COMMAS = re.compile(r"\s*[,，、]\s+|\s*[，、]\s*")
_SEPARATOR = re.compile(r"\s+[|·•/–—-]\s+|\s*[|·•]\s*")
_NUMBER = r"\s*#?\d{1,4}"  # "Episode 41", "Episode #41"
# in the CJK forms ("第{n}期"), a number in digits or in characters ("第三季", "第十二回")
_SEASON_NAME_WORDS = 5  # words of a show's name beside its season's number
_CJK_NUMBER = r"\s*(?:\d{1,4}|[一二三四五六七八九十百〇零两]{1,4})"
_SHOW_LABEL_MAX = 30
_PODCAST_NAME_WORDS = 4  # words of a show's name ending in "Podcast"
_TOPIC_SPAN = 12  # characters after a quotation where a topic word is looked for
_PODCAST_NAME_CJK = 12  # CJK characters of such a name
_FIELD = re.compile(r"^(?P<label>[^:：]{1,30}?)\s*[:：]\s*(?P<value>\S.*)$")
_FIELD_MAX = 200  # characters of a field's line
_FIELD_LINES = 400  # non-blank lines looked at for a field
_LABEL_EDGES = re.compile(r"^[^\w]+|[^\w]+$")
_VALUE_MIN = 4
# An episode's number alone before its title, two digits or more (a list item has one)
_BARE_NUMBER = re.compile(r"^\d{2,4}[.:]\s+[^\W\d_]")
_BARE_NUMBER_WORDS = 4  # "12. November 2026" is a date


@cache
def _data() -> dict[str, Any]:
    found: dict[str, Any] = json.loads(
        resources.files(__package__).joinpath("data/titles.json").read_text("utf-8")
    )
    return found


@cache
def _markers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = _data()
    words = {w for ws in data["words"].values() for w in ws}
    around = {a for aa in data["around"].values() for a in aa}
    anywhere = [re.escape(w) + _NUMBER for w in sorted(words, key=len, reverse=True)]
    anywhere += [
        re.escape(a).replace(re.escape("{n}"), _CJK_NUMBER)
        for a in sorted(around, key=len, reverse=True)
    ]
    first = [re.escape(w) + _NUMBER for w in data["start_only"]] + anywhere
    at_start = "|".join(f"(?:{f})" for f in first)
    at_end = "|".join(f"(?:{f})" for f in anywhere)
    start = re.compile(rf"^(?:{at_start})(?!\d)\s*[:.\-–—|·]?\s*\S", re.IGNORECASE)
    end = re.compile(rf"\s(?:[|·•–—-]\s+)?(?:{at_end})\s*$", re.IGNORECASE)
    return start, end


@cache
def _label_words() -> tuple[str, ...]:
    data = _data()
    return tuple(w.casefold() for ws in data["label_words"].values() for w in ws)


@cache
def _show_labels() -> frozenset[str]:
    return frozenset(w.casefold() for ws in _data()["show_labels"].values() for w in ws)


@cache
def _audience_words() -> tuple[str, ...]:
    return tuple(w.casefold() for ws in _data()["audience_words"].values() for w in ws)


def audience_count(line: str) -> bool:
    """A subscriber or follower count ("248 k suscriptores", "구독자 24.8만명"): a number and
    one of the audience words, little else."""
    s = line.strip().casefold()
    return (
        len(s) <= _SHOW_LABEL_MAX
        and any(c.isdigit() for c in s)
        and any(w in s for w in _audience_words())
    )


@cache
def _person_labels() -> frozenset[str]:
    return frozenset(w.casefold() for ws in _data()["person_labels"].values() for w in ws)


def names_person(label: str) -> bool:
    """A heading or label alone on its line over a person's card ("About the speaker", "Host",
    "嘉宾"): the line under it is a person's name, not the page's title."""
    return len(label) <= _SHOW_LABEL_MAX and _LABEL_EDGES.sub("", normalise(label)) in (
        _person_labels()
    )


_PERSON_FIELD = re.compile(r"^(?P<label>[^:：・]{1,40})[:：・]\s*(?P<value>\S.{0,60})$")


def person_field(line: str) -> bool:
    """A person's role and name ("Host: Ada Lund", "主持人：梁穎思、何子朗", "聞き手・宮下朋美"):
    who is talking, never the title."""
    m = _PERSON_FIELD.match(line.strip())
    return m is not None and names_person(m.group("label"))


def field_line(line: str) -> bool:
    """A field of an information panel: a known label, a colon, its value ("ゲスト：三浦彩花さん",
    "Host: Ada Lund", "番組：..."): a value, never an entry's title."""
    label, colon, value = line.strip().replace("：", ":").partition(":")
    if not colon or not value.strip() or len(label) > _SHOW_LABEL_MAX:
        return False
    key = _LABEL_EDGES.sub("", normalise(label))
    return names_person(label) or key in _show_labels() or _field_label(label) or is_label(label)


@cache
def _play_words() -> tuple[str, ...]:
    return tuple(w.casefold() for ws in _data()["play_words"].values() for w in ws)


def play_count(line: str) -> bool:
    """A play or view count ("412,096 views", "1.2万次播放"): a video's or an episode's page
    shows it right under the title."""
    s = line.strip()
    return chrome_kind(s) == "counter" and any(w in s.casefold() for w in _play_words())


@cache
def _episode_labels() -> frozenset[str]:
    return frozenset(w.casefold() for ws in _data()["episode_labels"].values() for w in ws)


def _field_label(text: str) -> bool:
    """`text` (a field's label, emoji and marks around it ignored) names the episode."""
    bare = _LABEL_EDGES.sub("", text.strip()).casefold()
    return bool(bare) and bare in _episode_labels()


def episode_field(lines: list[str]) -> tuple[int, str] | None:
    """(index, value) of the one field that names the page's episode ("Episode: ...",
    "エピソード：...", "🎧 들은 에피소드" over the title), or None when the page has none, or
    several that disagree."""
    inline: dict[str, tuple[int, str]] = {}  # "Episode: <title>"
    over: dict[str, tuple[int, str]] = {}  # "🎧 들은 에피소드" / "<title>"
    seen = 0
    for k, line in enumerate(lines):
        s = line.strip()
        if not s or len(s) > _FIELD_MAX:
            continue
        seen += 1
        if seen > _FIELD_LINES:
            break
        if (value := _inline_value(s)) is not None:
            inline.setdefault(normalise(value), (k, value))
        elif len(s) <= _SHOW_LABEL_MAX and _field_label(s) and not is_label(s):  # no tab ("单集")
            below = next((j for j in range(k + 1, min(k + 3, len(lines))) if lines[j].strip()), 0)
            value = lines[below].strip() if below else ""
            taken = below and _inline_value(value) is None and _plausible_value(value)
            if taken and not _people_listed(lines, below):  # "Neste episódio:" over guests
                over.setdefault(normalise(value), (below, value))
    found = inline or over  # a label over a field ("The episode" / "Episode: ...") is a heading
    return next(iter(found.values())) if len(found) == 1 else None


# "by Eric Dodds & John Wessel", "par Marie Dupont", "作者 王芳": the word, then names only
# ("Por qué los gatos...", "Von Bienen und Menschen" are titles).
_BY_WORDS = "by|par|por|von|di|da|door"  # the word before who made a page
_BYLINE = re.compile(
    r"^(?:(?i:(?:article\s+)?(?:written|reported|posted|rédigé|écrit|publié|escrito|redactado"
    r"|publicado|geschrieben|verfasst|scritto|pubblicato"
    # a production's credits ("Engineered by Tomás Ruelas", "Original music by ...")
    r"|hosted|produced|edited|engineered|mixed|directed|presented|narrated|original\s+music"
    r"|présenté|réalisé|produit|animé|presentado|producido|dirigido|moderiert|produziert"
    r"|condotto|prodotto|apresentado|produzido|gepresenteerd|geproduceerd)\s+)?"
    rf"(?i:{_BY_WORDS})\s+(?:[A-ZÀ-ÖØ-Þ@][\w.'’()@-]*|&|and|et|y|e|und|en)"
    r"(?:\s+(?:[A-ZÀ-ÖØ-Þ@(][\w.'’()@-]*|&|and|et|y|e|und|en|,)){0,7},?\s*$"
    r"|(?:作者|文)\s)"
)


def byline(line: str) -> bool:
    """A byline ("By Ana Ruiz", "di Francesca Lodigiani", "作者 王芳", "김서윤 기자"): who wrote
    the page, never its title."""
    return _BYLINE.match(line) is not None or _reporter().match(line) is not None


_BY = re.compile(rf"^(?i:{_BY_WORDS}|av|af|przez)\s+(?P<name>\S.{{1,60}})$")


def by_name(line: str) -> str | None:
    """The name after a by-word ("Par Point de bascule" -> "point de bascule", normalised):
    a byline when the page shows that name alone elsewhere (the show's, over the title)."""
    m = _BY.match(line.strip())
    return normalise(m["name"]) if m else None


@cache
def _reporter() -> re.Pattern[str]:
    """A reporter's name and title, perhaps an address ("김서윤 기자 kim@example.com", "王芳
    记者", "山田太郎記者"): the vocabulary's `reporter_titles`."""
    titles = sorted({w for ws in _data()["reporter_titles"].values() for w in ws}, key=len)
    alternatives = "|".join(re.escape(t) for t in reversed(titles))
    labels = sorted({w for ws in _data()["reporter_labels"].values() for w in ws}, key=len)
    label = "|".join(re.escape(w) for w in reversed(labels))
    return re.compile(
        rf"^(?:(?:{label})\s*[:：]?\s*)?"  # "기자명 김현수 기자": a label before the name
        rf"[\u3400-\u9fff\uac00-\ud7af]{{2,5}}\s?(?:{alternatives})(?:\s+\S+@\S+)?\s*$"
    )


# German also quotes »so«: either guillemet may open a quotation and either close it.
_OPEN_QUOTES = '“"«»「『„‘'
_CLOSE_QUOTES = '”"»«」』“’'
_SHOW_LINK = 80  # characters of a link back to the show ("Back to The Fine Print")
_QUOTED_PARAGRAPH = 80  # characters: the prose of a post, not a line of the page's furniture
_QUOTED_LINES = 60  # non-blank lines looked at
_QUOTED_WORDS = (2, 16)  # words of a quoted title
_SENTENCE_INSIDE = re.compile(r"[.。!！]\s|[.。]$")  # a quoted sentence, not a title
_QUOTED_PARAGRAPHS = 3  # the post names its episode early: later ones name others too
_QUOTING_LINE = 2000  # characters: a longer line is read no further for quoted show names
_BEFORE_QUOTE = 30  # characters before a quotation mark where its show word stands


@cache
def _quoted_patterns() -> tuple[re.Pattern[str], ...]:
    """An episode word shortly before a quoted title ("the latest episode of X, “Title”"), a
    quoted title after or followed by an episode number ("92화 「Title」", "“Title” (episode
    88, ..."), and a quoted title set beside its episode word ("‘Title’, de vierde
    aflevering"). The words are the episode labels and number markers of `titles.json`."""
    data = _data()
    words = {w for ws in data["episode_labels"].values() for w in ws if " " not in w}
    words |= {w for ws in data["words"].values() for w in ws if w.endswith(".")}  # "ep."
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # a whole word where the script spaces its words: "Alle Folgen von “Show”" is no episode's
    whole = "|".join(
        re.escape(w) if cjk_count(w) else rf"{re.escape(w)}(?![^\W\d_])"
        for w in sorted(words, key=len, reverse=True)
    )
    quoted = rf"[{_OPEN_QUOTES}]\s*(?P<t>[^{_CLOSE_QUOTES}\n]{{4,150}}?)\s*[{_CLOSE_QUOTES}]"
    before = re.compile(rf"(?P<w>{whole})[^{_OPEN_QUOTES}.!?\n]{{0,60}}?{quoted}", re.I)
    after = re.compile(rf"{quoted}\s*[(（]\s*(?:{alternatives})\s*#?\d", re.I)
    beside = re.compile(rf"{quoted}\s*,\s*(?:[^\W\d_]+\s+){{0,3}}?(?P<w>{alternatives})\b", re.I)
    # the episode's number right before it ("92화 「Title」", "第12期《Title》", "episode 88, “…”")
    markers = {w for ws in data["words"].values() for w in ws}
    numbers = [rf"{re.escape(w)}\s*#?\d+" for w in sorted(markers, key=len, reverse=True)]
    numbers += [  # "第64期", and as typeset with spaces around the number: "第 64 期"
        re.escape(f).replace(r"\{n\}", r"\s?\d+\s?") for fs in data["around"].values() for f in fs
    ]
    # "『Show』#87「Title」": a number after a start-only marker, the title quoted against it
    numbers += [rf"{re.escape(w)}\d+(?=[{_OPEN_QUOTES}])" for w in data["start_only"]]
    # a Latin marker starts a word; a CJK one follows any character ("播客《X》的第 64 期")
    marks = [n if cjk_count(n) else rf"(?<!\w){n}" for n in numbers]
    numbered = re.compile(rf"(?P<w>{'|'.join(marks)})\s*[,:]?\s*{quoted}", re.I)
    return before, numbered, after, beside


def quoted_episode(
    lines: list[str], numbered_only: bool = False, paragraphs: int = _QUOTED_PARAGRAPHS
) -> tuple[int, str] | None:
    """(index, title) of the episode a post's prose names in quotation marks next to an episode
    word ("the latest episode of Founders at the Margin, “Raise Your Prices” (episode 88"), when
    its paragraphs name exactly one such title; else None. `numbered_only`: only a title next
    to its episode's number ("“Raise Your Prices” (episode 88", "92화 「…」"), which a book's or
    a film's title never is."""
    found: dict[str, tuple[int, str]] = {}
    patterns = _quoted_patterns()[1:3] if numbered_only else _quoted_patterns()
    for k, s in islice(_prose(lines), paragraphs):
        for pattern in patterns:
            for m in pattern.finditer(s):
                title = m.group("t").strip().rstrip(",;")  # “Title,” as American style sets it
                if normalise(title) in quoted_shows([s]):
                    continue  # 'Puntata di "Mare Nostrum"': the episode's show
                if _names_topic(s, m.end()):
                    continue  # 'about “X”, this topic': what they talked about
                if _title_shaped(title) and not _other_episode(s, m):
                    found.setdefault(normalise(title), (k, title))
    if len(found) != 1:
        return None
    key, named = next(iter(found.items()))
    return None if _named_again(key, lines) else named


@cache
def _show_namers() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """(show and podcast words, a quoted name with what comes before it)."""
    data = _data()
    words = {
        w.casefold()
        for kind in ("show_labels", "podcast_words")
        for ws in data[kind].values()
        for w in ws
    }
    episode = {w.casefold() for ws in data["words"].values() for w in ws}
    joins = {w.casefold() for ws in data["of_words"].values() for w in ws}
    words |= {f"{e} {j}" for e in episode for j in joins}  # "puntata di", "episode of"
    quoted = re.compile(
        rf"[{_OPEN_QUOTES}《]\s*([^{_CLOSE_QUOTES}》\n]{{2,80}}?)\s*[{_CLOSE_QUOTES}》]"
    )
    return tuple(sorted(words, key=len, reverse=True)), quoted


def quoted_shows(lines: list[str]) -> set[str]:
    """The normalised names a line quotes after a show or podcast word, or after an episode
    word and "of" ('公众号“硬核夜谈”', 'Puntata di "Mare Nostrum"', 'the podcast “Harbor Notes”'):
    the show's (or the account's) names, never the page's title; a line that is only such a
    word and the name is one too."""
    words, quoted = _show_namers()
    podcast = _podcast_words()
    found: set[str] = set()
    for line in lines:
        if len(line) > _QUOTING_LINE or not any(q in line for q in _OPEN_QUOTES + "《"):
            continue
        for m in quoted.finditer(line):
            before = line[max(0, m.start() - _BEFORE_QUOTE) : m.start()].casefold().rstrip()
            after = line[m.end() : m.end() + _BEFORE_QUOTE].casefold().lstrip()
            if any(_ends_with_word(before, w) for w in words) or _opens_with_word(after, podcast):
                found.add(normalise(m.group(1)))  # or 'the “Harbor Notes” podcast'
                if before in words and not line[m.end() :].strip():
                    found.add(normalise(line))  # 'Podcast "Nachgehakt"': the show's kicker
    return found - {""}


def _opens_with_word(text: str, words: tuple[str, ...]) -> bool:
    """`text` opens with one of `words`, a whole word where the script spaces its words."""
    for word in words:
        if text.startswith(word):
            rest = text[len(word) : len(word) + 1]
            if cjk_count(word) or not (rest.isalnum() or rest == "_"):
                return True
    return False


def _ends_with_word(text: str, word: str) -> bool:
    """`text` ends with `word`, a whole word where the script spaces its words."""
    if not text.endswith(word):
        return False
    if cjk_count(word):
        return True
    at = len(text) - len(word)
    return at == 0 or not text[at - 1].isalnum()


def headline_names(headline: str, lines: list[str]) -> str | None:
    """The episode's name a headline opens with ("Raise Your Prices: why founders undercharge")
    when the post's prose names it so, in quotation marks next to an episode word ("the
    latest episode, “Raise Your Prices”"), anywhere in its paragraphs: the headline's opening
    is then the episode's title and the rest the article's."""
    for _, s in _prose(lines):
        for pattern in _quoted_patterns():
            for m in pattern.finditer(s):
                title = m.group("t").strip().rstrip(",;")  # “Title,” as American style sets it
                if (
                    headline[: len(title)].casefold() == title.casefold()
                    and _HEADLINE_REST.match(headline[len(title) :])
                    and _title_shaped(title)
                    and not _other_episode(s, m)
                ):
                    return title
    return None


def _prose(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(index, text) of the paragraphs among the page's first `_QUOTED_LINES` non-blank lines."""
    seen = 0
    for k, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        seen += 1
        if seen > _QUOTED_LINES:
            return
        if len(s) >= _QUOTED_PARAGRAPH and _sentences(s):
            yield k, s


def _sentences(s: str) -> bool:
    """A paragraph's shape: a full stop in it or ending it, no list of parts set apart by bars
    (a long headline, a person's roles: "Director of Operations | Fresh Logistics | ...")."""
    if s.count(" | ") >= 2:
        return False
    inside = any(stop in s for stop in (". ", "? ", "! ", "。", "？", "！"))
    return inside or s.rstrip('”’"»)').endswith((".", "?", "!"))


_HEADLINE_REST = re.compile(r"\s*[:|–—-]\s+\S")  # "<name>: <the article's own words>"


def _named_again(key: str, lines: list[str]) -> bool:
    """Two paragraphs or more name it, one of them not as an episode: the show, which a post
    names as it goes ("« Sur le terrain » vous emmène ...", "Sur le terrain est un podcast du
    Monde"), not its episode (which a credit line may name again: "aflevering 4: ‘…’")."""
    naming = [
        line for line in lines if len(line.strip()) >= _QUOTED_PARAGRAPH and key in normalise(line)
    ]
    return len(naming) >= 2 and not all(_names_episode(line, key) for line in naming)


def _names_episode(line: str, key: str) -> bool:
    """The line names `key` in quotation marks next to an episode word."""
    return any(
        normalise(m.group("t").strip()) == key
        for pattern in _quoted_patterns()
        for m in pattern.finditer(line)
    )


def _other_episode(line: str, m: re.Match[str]) -> bool:
    """The episode word of `m` follows a word naming another episode ("the last episode")."""
    if m.groupdict().get("w") is None:
        return False  # the title is told by the number after it, not by a word before
    before = line[max(0, m.start("w") - 24) : m.start("w")].casefold()
    return any(w in _other_words() for w in re.findall(r"\w+", before)[-2:]) or any(
        w in before[-6:] for w in _other_words() if cjk_count(w)
    )


@cache
def _other_words() -> frozenset[str]:
    return frozenset(w.casefold() for ws in _data()["other_episode_words"].values() for w in ws)


def _names_topic(line: str, end: int) -> bool:
    """A topic word right after the quotation ending at `end` ("“专注力下降”这个话题"): the
    quotation is the topic of the talk, not the episode's title."""
    after = line[end : end + _TOPIC_SPAN].lstrip().casefold()
    for word in _topic_words():
        if after.startswith(word):
            rest = after[len(word) : len(word) + 1]
            if cjk_count(word) or not rest.isalpha():
                return True
    return False


@cache
def _topic_words() -> tuple[str, ...]:
    words = {w.casefold() for ws in _data()["topic_words"].values() for w in ws}
    return tuple(sorted(words, key=len, reverse=True))


def _title_shaped(text: str) -> bool:
    """A quoted title, not a quoted sentence: a few words, opening on a capital, a digit or a
    CJK character, without a sentence's full stop."""
    words = len(text.split()) + cjk_count(text) // 2
    low, high = _QUOTED_WORDS
    first = text[:1]
    return (
        low <= words <= high
        and (first.isupper() or first.isdigit() or cjk_count(first) > 0)
        and not _SENTENCE_INSIDE.search(text)
    )


def _inline_value(s: str) -> str | None:
    """The value of a field naming the episode on the line `s` ("Episode: <title>")."""
    if (":" in s or "：" in s) and (m := _FIELD.match(s)) and _field_label(m.group("label")):
        value = m.group("value").strip()
        return value if _plausible_value(value) else None
    return None


_NAME_AND_ROLE = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]+(?: [A-ZÀ-ÖØ-Þ][\w'’.-]+){1,3}, \S")


def _people_listed(lines: list[str], k: int) -> bool:
    """The line and the one under it each a name and a role ("Renata Albuquerque,
    agricultora" / "Paulo Yamasaki, engenheiro agrônomo"): who is in the episode, under a
    label ("Neste episódio:") that may also name the episode."""
    under = next((j for j in range(k + 1, min(k + 3, len(lines))) if lines[j].strip()), None)
    return (
        under is not None
        and _NAME_AND_ROLE.match(lines[k].strip()) is not None
        and _NAME_AND_ROLE.match(lines[under].strip()) is not None
    )


def _plausible_value(value: str) -> bool:
    return (
        len(value) >= _VALUE_MIN
        and any(c.isalpha() for c in value)
        and not numbers_only(value)
        and not chrome_kind(value)
        and not is_label(value)
    )


def abbreviation(word: str) -> bool:
    """A short word written with a period that ends no sentence ("dr", "Prof", "dott")."""
    return word.casefold() in _abbreviations()


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(w.casefold() for ws in _data()["abbreviations"].values() for w in ws)


def podcast_name(line: str) -> bool:
    """A short line ending in the word for a podcast ("Harbor Notes Podcast", "夜航船播客"):
    a show's name; an episode's title seldom ends so."""
    s = normalise(line)
    words = [w for w in line.split() if any(c.isalnum() for c in w)]  # not a dash
    # a number alone is an episode's ("Episode 12 Podcast"); a station's is in a word ("Ö1")
    if not s or any(w.isdigit() for w in words) or cjk_count(s) > _PODCAST_NAME_CJK:
        return False
    for word in _podcast_words():
        if not s.endswith(word) or len(s) <= len(word):
            continue
        if cjk_count(word):
            return True
        # "Harbor Notes Podcast": a name in capitals before the word, a few words in all
        # ("Why I quit my podcast" is a title); or a compound ending in it, a capitalised
        # noun ("Der Ö1 Wissenschaftspodcast")
        before = s[-len(word) - 1]
        compound = before.isalpha() and words[-1][:1].isupper()
        if (before == " " or compound) and len(words) <= _PODCAST_NAME_WORDS:
            return all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return False


def summed_up(line: str) -> str | None:
    """The title a summary site's heading sums up ('Summary of "<title>"', 'Résumé de «
    <title> »'), without the words and quotation marks around it; else None (unquoted, the
    words may open a title: "Summary of a Year")."""
    s = line.strip()
    folded = s.casefold()
    for words in _summary_words():
        if folded.startswith(words) and len(s) > len(words) + 2:
            inner = s[len(words) :].strip()
            if inner[:1] in _OPEN_QUOTES and inner[-1:] in _CLOSE_QUOTES:
                return inner[1:-1].strip() or None
    return None


@cache
def _summary_words() -> tuple[str, ...]:
    words = {w.casefold() for ws in _data()["summary_of"].values() for w in ws}
    return tuple(sorted(words, key=len, reverse=True))


_KIND_PARTS = re.compile(r"\s+[·•|/›>]\s+")


def kind_first(line: str) -> bool:
    """A line opening with the kind of item alone, then a separator ("Podcast · Nature &
    Outdoors", "Podcasts / Backcountry Dispatch"): its kind and genre, or a breadcrumb."""
    parts = _KIND_PARTS.split(line.strip(), maxsplit=1)
    return len(parts) == 2 and normalise(parts[0]) in _kind_words()


def kind_alone(line: str) -> bool:
    """A line that is only a kind of item ("Podcasts", "Émissions", "节目")."""
    return normalise(line) in _kind_words()


@cache
def _kind_words() -> frozenset[str]:
    return frozenset(w.casefold() for ws in _data()["kind_words"].values() for w in ws)


_TAGLINE = re.compile(r"\s[-–—|:]\s")


def brand_taglines(lines: list[str], brands: set[str]) -> set[str]:
    """Normalised lines naming a known show, then what it is ("Nachgehakt – der
    ntv-Podcast", "Harbor Notes | A podcast"): the show's tagline, never the title."""
    words = _podcast_words()
    found = set()
    for line in lines:
        parts = _TAGLINE.split(line, maxsplit=1)
        if len(parts) == 2 and normalise(parts[0]) in brands:
            tail = normalise(parts[1])
            if any(tail.endswith(w) for w in words):
                found.add(normalise(line))
    return found


@cache
def _podcast_words() -> tuple[str, ...]:
    words = {w.casefold() for ws in _data()["podcast_words"].values() for w in ws}
    return tuple(sorted(words, key=len, reverse=True))


def linked_show(line: str) -> str | None:
    """The show a link back to its page or a prompt to follow it names ("Back to The Fine
    Print", "Listen to and follow The Fine Print"), normalised; None for other lines."""
    if len(line) > _SHOW_LINK:
        return None  # a paragraph: spared normalising
    key = normalise(line)
    opener = next((w for w in _show_links() if key.startswith(w + " ")), None)
    return (key[len(opener) + 1 :].strip() or None) if opener else None


@cache
def _show_links() -> tuple[str, ...]:
    found = {w.casefold() for ws in _data()["show_links"].values() for w in ws}
    return tuple(sorted(found, key=len, reverse=True))  # "listen to and follow" before "follow"


def names_show(label: str) -> bool:
    """A label alone on its line that names the show on the line under it ("Show", "Sendung",
    "节目"), as an app's information panel shows it."""
    return len(label) <= _SHOW_LABEL_MAX and normalise(label) in _show_labels()


def names_episode(label: str) -> bool:
    """A short label, in capitals or ending in a colon, that names an episode ("THIS WEEK'S
    EPISODE", "Cette semaine :"): the line under it is the episode's title."""
    s = label.strip()
    if len(s) > 60 or not (capitals(s) or s.endswith((":", "：")) or is_label(s)):
        return False
    folded = s.casefold()
    return any(w in folded for w in _label_words())


def numbered(line: str) -> bool:
    """The line carries an episode-number marker and words besides it."""
    start, end = _markers()
    if _BARE_NUMBER.match(line) and len(line.split()) >= _BARE_NUMBER_WORDS:
        return True  # "212. The Sugar Trust's Last Stand": a catalogue's episode number
    return bool(start.match(line) or end.search(line)) and not numbers_only(line)


@cache
def _any_marker() -> re.Pattern[str]:
    data = _data()
    words = {w for key in ("words", "season_words") for ws in data[key].values() for w in ws}
    words |= set(data["start_only"])
    words |= {a for aa in data["around"].values() for a in aa}
    forms = [_marker_form(w) for w in sorted(words, key=len, reverse=True)]
    return re.compile("|".join(f"(?:{f})" for f in forms), re.IGNORECASE)


def _marker_form(word: str) -> str:
    """A marker's pattern: its number inside ("第{n}期") or after it ("Episode 12")."""
    if "{n}" in word:
        return re.escape(word).replace(re.escape("{n}"), _CJK_NUMBER)
    return re.escape(word) + _NUMBER


@cache
def _season_marker() -> re.Pattern[str]:
    words = {w for ws in _data()["season_words"].values() for w in ws}
    forms = [_marker_form(w) for w in sorted(words, key=len, reverse=True)]
    return re.compile("|".join(f"(?:{f})" for f in forms), re.IGNORECASE)


def season_name(line: str) -> bool:
    """A name and a season's number, nothing else ("夜谈俱乐部 第三季", "Harbor Notes Season
    2"): the show's season, over or under its episode's title."""
    m = _season_marker().search(line)
    if m is None or _any_marker().search(rest_text := line[: m.start()] + " " + line[m.end() :]):
        return False  # no season, or an episode's number too ("Season 2, Episode 4: ...")
    rest = normalise(rest_text).split()
    return 0 < _words(rest) <= _SEASON_NAME_WORDS


def name_before_number(line: str) -> str | None:
    """The few words before the episode's number that ends `line`, normalised ("The Middle
    Layer / Episode 48" -> "the middle layer"): a name, if the page says it elsewhere."""
    m = next(reversed(list(_any_marker().finditer(line))), None)  # the last number
    if m is None or m.start() == 0 or line[m.end() :].strip(" )]）】"):
        return None
    rest = normalise(line[: m.start()].rstrip(" /|·•,:-–—"))
    if not rest or _any_marker().search(line[: m.start()]):
        return None
    return rest if _words(rest.split()) <= _SEASON_NAME_WORDS else None


@cache
def _part_line() -> re.Pattern[str]:
    """A programme's part and its number opening a line, then its title ("Part 1: …",
    "1부 : …", "第一部分：…"): the vocabulary's `part_words`."""
    forms = []
    for k, word in enumerate(sorted({w for ws in _data()["part_words"].values() for w in ws})):
        number = rf"(?P<n{k}>\d{{1,2}}|[一二三四五六七八九十])"
        if "{n}" in word:
            forms.append(re.escape(word).replace(re.escape("{n}"), number))
        else:
            forms.append(rf"{re.escape(word)}\s*{number}")
    tail = r"(?:\s*[:：.\-–—]\s*|\s+)(?P<title>\S.{0,150})$"
    return re.compile(rf"^(?:{'|'.join(forms)}){tail}", re.IGNORECASE)


def part_title(line: str) -> tuple[int, str] | None:
    """(number, title) of a programme's part line ("2부 : 풍류초대석 - …" -> (2, "풍류초대석 -
    …")), or None."""
    m = _part_line().match(line.strip())
    if m is None:
        return None
    raw = next(v for k, v in m.groupdict().items() if k != "title" and v)
    number = int(raw) if raw.strip().isdigit() else _CJK_DIGITS.get(raw.strip(), 0)
    return (number, m["title"].strip()) if number else None


_CJK_DIGITS = {c: k for k, c in enumerate("一二三四五六七八九十", start=1)}


def without_markers(line: str) -> str:
    """`line` with its season and episode numbers ("Ep. 60", "Season 1", "第12回") taken out."""
    return _any_marker().sub(" ", line)


def numbers_only(line: str) -> bool:
    """Only season and episode numbers ("Season 4, Episode 7", "Episode 212"): a label."""
    return not any(c.isalpha() for c in without_markers(line))


def show_and_number(key: str, line: str, brands: set[str]) -> bool:
    """`line` (normalised: `key`) is a show's name and an episode number ("Harbor Notes
    Weekly, Episode 112"): one of `brands` (the site's or show's names the page shows) and at
    most two more words beside its numbers. A title with the show after it ("Why Ports Win |
    Harbor Notes Ep. 112") has more."""
    if not brands or _any_marker().search(line) is None:
        return False
    rest = normalise(without_markers(line)).split()
    for name in brands:
        if len(name) >= 3 and name in " ".join(rest) and _words(rest) - _words(name.split()) <= 2:
            return name != key
    return False


def _words(tokens: list[str]) -> int:
    """Words in `tokens`, a run of Chinese, Japanese or Korean characters counting one word
    for every two characters (those scripts put no spaces between words)."""
    return sum(max(1, cjk // 2) if (cjk := cjk_count(t)) else 1 for t in tokens)


def brand(key: str, page: list[tuple[str, str]], metadata: Callable[[str], bool]) -> bool:
    """`key` (a normalised line) is shown elsewhere as a name beside footer links, a
    copyright sign, or a date and a length: the site's or the show's name, not a title.
    `page`: the page's lines with their normalised forms, made once for every candidate."""
    if len(key) < 3:
        return False
    for line, normal in page:
        if key not in normal or normal == key:
            continue
        if chrome_kind(line) == "address" or line.lstrip().startswith(("©", "(c)", "Copyright")):
            return True
        parts = [p for p in _SEPARATOR.split(line.strip()) if p.strip()]
        if metadata(line) and any(normalise(p) == key for p in _COMMAS.split(line.strip())):
            return True  # "Sendung vom Mo., 23.11.2026 8:30 Uhr, SWR2 Wissen, SWR2"
        if len(parts) < 2 or not any(normalise(p) == key for p in parts):
            continue
        others = [p for p in parts if normalise(p) != key]
        if all(chrome_kind(p) or is_label(p) or metadata(p) for p in others):
            return True
    return False


def capitals(line: str) -> bool:
    """A line in capitals (a label or a masthead), in a script that has them."""
    cased = [c for c in line if c.lower() != c.upper()]
    if len(cased) < 4 or not all(c.isupper() for c in cased):
        return False
    # "【播客】AI时代 ... EP.42": a few Latin capitals in a Chinese line do not make it one
    return len(cased) * 2 >= sum(c.isalpha() for c in line)
