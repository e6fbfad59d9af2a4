"""The episode a page names in its own words, whatever its headline: a field naming it
("Episode: ...", "エピソード：...", or the label alone over its value), a title its prose quotes
next to an episode word or number ("the latest episode, “Raise Your Prices” (episode 88"),
the show's names it quotes ('the podcast “Harbor Notes”', which are never the title), and a
headline that opens with the episode's title. The words are those of `data/titles.json`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import islice

from castdigest.readers.chrome import chrome_kind, is_label, normalise
from castdigest.readers.title_signals import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    field_label,
    field_line,
    numbers_only,
    part_title,
    podcast_words,
    title_label,
    vocabulary,
)
from castdigest.text.truncate import cjk_count

_LABEL_MAX = 30  # characters of a field's label alone on its line

_TOPIC_SPAN = 12  # characters after a quotation where a topic word is looked for


_FIELD = re.compile(r"^(?P<label>[^:：]{1,30}?)\s*[:：]\s*(?P<value>\S.*)$")


_FIELD_MAX = 200  # characters of a field's line


_FIELD_LINES = 400  # non-blank lines looked at for a field


_VALUE_MIN = 4


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
        if (value := _inline_value(s) or _panel_title(lines, k)) is not None:
            inline.setdefault(normalise(value), (k, value))
        elif len(s) <= _LABEL_MAX and field_label(s) and not is_label(s):  # no tab ("单集")
            below = next((j for j in range(k + 1, min(k + 3, len(lines))) if lines[j].strip()), 0)
            value = lines[below].strip() if below else ""
            taken = below and _inline_value(value) is None and _plausible_value(value)
            # "Neste episódio:" over guests, "This episode:" over its parts ("Part 1: …")
            if taken and not _people_listed(lines, below) and not _opens_parts(lines, below):
                over.setdefault(normalise(value), (below, value))
    found = inline or over  # a label over a field ("The episode" / "Episode: ...") is a heading
    return next(iter(found.values())) if len(found) == 1 else None


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
    data = vocabulary()
    words = {w for ws in data["episode_labels"].values() for w in ws if " " not in w}
    words |= {w for ws in data["words"].values() for w in ws if w.endswith(".")}  # "ep."
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # a whole word where the script spaces its words: "Alle Folgen von “Show”" is no episode's
    whole = "|".join(
        re.escape(w) if cjk_count(w) else rf"{re.escape(w)}(?![^\W\d_])"
        for w in sorted(words, key=len, reverse=True)
    )
    quoted = rf"[{OPEN_QUOTES}]\s*(?P<t>[^{CLOSE_QUOTES}\n]{{4,150}}?)\s*[{CLOSE_QUOTES}]"
    before = re.compile(rf"(?P<w>{whole})[^{OPEN_QUOTES}.!?\n]{{0,60}}?{quoted}", re.I)
    after = re.compile(rf"{quoted}\s*[(（]\s*(?:{alternatives})\s*#?\d", re.I)
    beside = re.compile(
        rf"{quoted}\s*,\s*(?P<pre>(?:[^\W\d_]+\s+){{0,3}}?)(?P<w>{alternatives})\b", re.I
    )
    # the episode's number right before it ("92화 「Title」", "第12期《Title》", "episode 88, “…”")
    markers = {w for ws in data["words"].values() for w in ws}
    numbers = [rf"{re.escape(w)}\s*#?\d+" for w in sorted(markers, key=len, reverse=True)]
    numbers += [  # "第64期", and as typeset with spaces around the number: "第 64 期"
        re.escape(f).replace(r"\{n\}", r"\s?\d+\s?") for fs in data["around"].values() for f in fs
    ]
    # "『Show』#87「Title」": a number after a start-only marker, the title quoted against it
    numbers += [rf"{re.escape(w)}\d+(?=[{OPEN_QUOTES}])" for w in data["start_only"]]
    # a Latin marker starts a word; a CJK one follows any character ("播客《X》的第 64 期")
    marks = [n if cjk_count(n) else rf"(?<!\w){n}" for n in numbers]
    # a CJK title's brackets too after the number, perhaps past a word for the programme
    # ("第63期节目《Title》")
    titled = rf"[{OPEN_QUOTES}《]\s*(?P<t>[^{CLOSE_QUOTES}》\n]{{4,150}}?)\s*[{CLOSE_QUOTES}》]"
    programme_words = {w for ws in data["programme_words"].values() for w in ws}
    programme = "|".join(re.escape(w) for w in sorted(programme_words, key=len, reverse=True))
    numbered = re.compile(rf"(?P<w>{'|'.join(marks)})\s*(?:{programme})?\s*[,:]?\s*{titled}", re.I)
    # an episode word, then in the same sentence a word saying a title follows ("el último
    # episodio de X, …, publicado este miércoles y titulado ‘Title’")
    naming = {w for ws in data["titled_words"].values() for w in ws}
    # a whole word ("titled", not "untitled"); a word after a comma (", called") its comma
    says = "|".join(
        rf"(?<!\w){re.escape(w)}" if w[:1].isalnum() else re.escape(w)
        for w in sorted(naming, key=len, reverse=True)
    )
    named = re.compile(rf"(?P<w>{whole})[^.!?。！？\n]{{0,200}}?(?P<n>{says})\s*{quoted}", re.I)
    # the same, the title unquoted in capitals up to the clause's end ("In the 74-minute
    # episode, titled Mento Never Left, Ferguson …"): short words inside, a capital last
    capital = r"(?-i:[A-ZÀ-ÖØ-Þ0-9][\w'’-]*)"
    # (a colon inside before a capital: "Tea at 3am: Maureen and the Night Owl")
    # and a subtitle in lower case after a colon ("The Flannans: the keepers who vanished")
    tail = r"(?::\s+[^,.;:!?\n]{2,60}?)?"
    run = (
        rf"(?P<t>{capital}(?:(?::\s+|\s+(?:(?-i:[a-zà-öø-ÿ]{{1,3}})\s+)*){capital}){{1,11}}{tail})"
    )
    unquoted = re.compile(
        rf"(?P<w>{whole})[^.!?。！？\n]{{0,200}}?(?P<n>{says})\s+{run}(?=[,;:.]\s)", re.I
    )
    # the same in plain single quotes, as some newsrooms set titles ("su historia es el
    # centro de 'Title', el episodio de …"): an apostrophe inside a word opens none
    plain = r"(?<![\w'])'(?P<t>[^'\n]{4,150}?)'(?![\w'])"
    plain_beside = re.compile(
        rf"{plain}\s*,\s*(?P<pre>(?:[^\W\d_]+\s+){{0,3}}?)(?P<w>{alternatives})\b", re.I
    )
    return before, numbered, after, beside, plain_beside, named, unquoted


def quoted_episode(
    lines: list[str],
    numbered_only: bool = False,
    paragraphs: int = _QUOTED_PARAGRAPHS,
    titled_only: bool = False,
) -> tuple[int, str] | None:
    """(index, title) of the episode a post's prose names in quotation marks next to an episode
    word ("the latest episode of Founders at the Margin, “Raise Your Prices” (episode 88"), when
    its paragraphs name exactly one such title; else None. `numbered_only`: only a title next
    to its episode's number ("“Raise Your Prices” (episode 88", "92화 「…」"), which a book's or
    a film's title never is. `titled_only`: only a title the prose says is the episode's
    ("El episodio, titulado “Volver a Rosario”, …"), which no book's title is either."""
    found: dict[str, tuple[int, str]] = {}
    patterns = _quoted_patterns()
    if numbered_only:
        patterns = patterns[1:5]  # and beside its place in the series ("…», quatrième épisode")
    elif titled_only:
        patterns = patterns[5:]
    prose = list(islice(_prose(lines), paragraphs))
    shows = quoted_shows([s for _, s in prose])  # a name one paragraph says is the show's
    for k, s in prose:
        for pattern in patterns:
            for m in pattern.finditer(s):
                if numbered_only and "pre" in m.groupdict() and not _ordinal(m.group("pre")):
                    continue  # beside an episode word only: no number, no place in the series
                title = m.group("t").strip().rstrip(",;")  # “Title,” as American style sets it
                if normalise(title) in shows:
                    continue  # 'Puntata di "Mare Nostrum"': the episode's show
                if _names_topic(s, m.end()):
                    continue  # 'about “X”, this topic': what they talked about
                if _title_shaped(title) and not _other_episode(s, m):
                    found.setdefault(normalise(title), (k, title))
    if len(found) != 1:
        return None
    key, named = next(iter(found.items()))
    if titled_only:
        return named  # "the episode, titled X": the prose says whose name it is
    return None if _named_again(key, named[1], lines) else named


def _ordinal(words: str) -> bool:
    """One of `words` gives an episode its place in its series ("quatrième", "fourth",
    "latest"): the vocabulary's `ordinals`."""
    return any(w in _ordinals() for w in words.casefold().split())


@cache
def _ordinals() -> frozenset[str]:
    return frozenset(w.casefold() for ws in vocabulary()["ordinals"].values() for w in ws)


_TITLED_PARAGRAPHS = 8  # a title the prose says is the episode's is no book's: read further


def titled_episode(lines: list[str]) -> tuple[int, str] | None:
    """(index, title) of the episode the prose says is titled so ("The episode, titled
    ‘Nobody Writes Mothers Anymore’, …"), or None."""
    return quoted_episode(lines, titled_only=True, paragraphs=_TITLED_PARAGRAPHS)


@cache
def _show_namers() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """(show and podcast words, a quoted name with what comes before it)."""
    data = vocabulary()
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
        rf"[{OPEN_QUOTES}《]\s*([^{CLOSE_QUOTES}》\n]{{2,80}}?)\s*[{CLOSE_QUOTES}》]"
    )
    return tuple(sorted(words, key=len, reverse=True)), quoted


def quoted_shows(lines: list[str]) -> set[str]:
    """The normalised names a line quotes after a show or podcast word, or after an episode
    word and "of" ('公众号“硬核夜谈”', 'Puntata di "Mare Nostrum"', 'the podcast “Harbor Notes”'):
    the show's (or the account's) names, never the page's title; a line that is only such a
    word and the name is one too."""
    words, quoted = _show_namers()
    podcast = podcast_words()
    found: set[str] = set()
    for line in lines:
        if len(line) > _QUOTING_LINE or not any(q in line for q in OPEN_QUOTES + "《"):
            continue
        # a title quoted after its episode's number ("第41期节目《…》") is the episode's
        numbered = {n.start("t") for n in _quoted_patterns()[1].finditer(line)}
        for m in quoted.finditer(line):
            if m.start(1) in numbered:
                continue
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


def _named_again(key: str, title: str, lines: list[str]) -> bool:
    """Two paragraphs or more name it, one of them not as an episode: the show, which a post
    names as it goes ("« Sur le terrain » vous emmène ...", "Sur le terrain est un podcast du
    Monde"), not its episode (which a credit line may name again: "aflevering 4: ‘…’"). A
    name keeps its capitals: the same words in lower case ("… le dernier pibalier de
    Saint-Seurin raconte …") are a phrase of the sentence."""
    first = title.strip()[:1]
    naming = [
        line
        for line in lines
        if len(line.strip()) >= _QUOTED_PARAGRAPH
        and key in normalise(_unsaid(line, key))
        and (not first.isupper() or _capitalised(line, title))
    ]
    return len(naming) >= 2 and not all(_names_episode(line, key) for line in naming)


_QUOTATION = re.compile(rf"[{OPEN_QUOTES}]([^{CLOSE_QUOTES}\n]*)[{CLOSE_QUOTES}]")


def _capitalised(line: str, title: str) -> bool:
    """`line` names `title` with its capital first letter."""
    words = " ".join(title.split())
    return words in " ".join(line.split())


def _unsaid(line: str, key: str) -> str:
    """`line` without what it quotes someone saying around `key` (“… El miedo también se
    ensaya”, concluye): an echo of the title in a guest's words does not name it."""
    return _QUOTATION.sub(lambda m: m.group() if normalise(m.group(1)) == key else " ", line)


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
    others = _other_words()
    if m.groupdict().get("n") is not None:
        others -= _latest_words()  # "el último episodio …, titulado ‘…’": the one reported on
    return any(w in others for w in re.findall(r"\w+", before)[-2:]) or any(
        w in before[-6:] for w in others if cjk_count(w)
    )


@cache
def _latest_words() -> frozenset[str]:
    """The words for "last" that also mean the latest ("el último episodio")."""
    return frozenset(w.casefold() for ws in vocabulary()["latest_words"].values() for w in ws)


@cache
def _other_words() -> frozenset[str]:
    return frozenset(
        w.casefold() for ws in vocabulary()["other_episode_words"].values() for w in ws
    )


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
    words = {w.casefold() for ws in vocabulary()["topic_words"].values() for w in ws}
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
    if (":" in s or "：" in s) and (m := _FIELD.match(s)) and field_label(m.group("label")):
        value = m.group("value").strip()
        if (quoted := _quoted_patterns()[1].match(value)) and not value[quoted.end() :].strip():
            value = quoted.group("t").strip()  # "ep.142「Title」": its number, then its title
        return value if _plausible_value(value) else None
    return None


_PANEL_REACH = 2  # non-blank lines above and below a title field where its panel's others are


def _panel_title(lines: list[str], k: int) -> str | None:
    """The value of a title field in a panel of the episode's fields ("Judul: <title>" over
    "Podcast: Kopi Sore" / "Host: Raka Aditya"); alone, "Title:" may name any page."""
    m = _FIELD.match(lines[k].strip())
    if m is None or not title_label(m.group("label")) or not _plausible_value(m["value"]):
        return None
    above = [j for j in range(k - 1, -1, -1) if lines[j].strip()][:_PANEL_REACH]
    below = [j for j in range(k + 1, len(lines)) if lines[j].strip()][:_PANEL_REACH]
    beside = [lines[j].strip() for j in (*above, *below)]
    return m["value"].strip() if any(field_line(b) for b in beside) else None


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


def _opens_parts(lines: list[str], k: int) -> bool:
    """lines[k] is the first of an episode's numbered parts, the second under it."""
    under = next((line for line in lines[k + 1 :] if line.strip()), "")
    first, second = part_title(lines[k]), part_title(under)
    return first is not None and first[0] == 1 and second is not None and second[0] == 2


def _plausible_value(value: str) -> bool:
    return (
        len(value) >= _VALUE_MIN
        and any(c.isalpha() for c in value)
        and not numbers_only(value)
        and not chrome_kind(value)
        and not is_label(value)
    )
