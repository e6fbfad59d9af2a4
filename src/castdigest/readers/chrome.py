"""Page chrome in saved text: the menus, buttons, players, banners and footers around content.

A line is chrome by its words or by its shape. The words are data
(`data/chrome.json`, per language): whole lines ("Sign in", "Partager", "더보기"), line starts
("View this email in your browser", "Nous utilisons des cookies") and image alternative texts
("Show logo"). The shapes need no language: player times (`00:00:00 / 01:50:32`, `--:--`),
counters (`9K`, `22 snips`, `• 53PODCASTS`), breadcrumbs (`Home > Shows > Episode`), bare
addresses and handles, copyright lines, and the warnings a site's server printed into the page
(`Warning: ... in /var/www/.../file.php on line 42`). Tab and section labels ("Info", "Timeline",
"Transcript") are not chrome, since a section may start under them, but they are never titles.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from castdigest.readers.heading_words import heading_kind
from castdigest.readers.line_dates import clock_length, has_date, has_length, length_seconds
from castdigest.text.truncate import display_width

_EDGES = " \t\u00a0\u200b·•◦‣▪●○■□▶►▷⏵–—-*>|:;,.!?¡¿…()[]{}\"'“”‘’«»„#"
_LONGEST = 400  # characters: no chrome line is longer (a footer's links, a cookie banner)
_REACTION_LONGEST = 80  # characters: a reaction bar's word with its count and spacing
_STARTS_MAX = 90  # a line starting with a chrome phrase is chrome only when short
_SKIP_WORDS = 7  # words of a skip link ("Zu weiteren Angeboten der DW springen")
_TAB_MAX = 40  # characters of a tab's name
_TAB_RUN = 3  # section names in a block of short lines that make it a tab bar
_TAB_GAP = 2  # lines from one tab's name to the next (a tab of other words between them)
_TAB_WORDS = 3
# A file's type in a short line: a link to download it ("Descargar MP3", "Notas (PDF)")
_FILE_TYPE = re.compile(
    r"(?<![\w.])\(?(?:mp3|m4a|aac|ogg|opus|wav|flac|pdf|epub)\)?(?:\s*\([\d.,]+\s*[kmg]i?b\))?$"
)
_FILE_LINK_WORDS = 4
# A player's playback speed: "1x", "x1.5", "Vitesse x1", "Speed: 1.25x"
_SPEED = re.compile(
    r"^(?:[^\W\d_]{1,16}\s*:?\s*)?(?:[x×]\s?\d(?:[.,]\d{1,2})?|\d(?:[.,]\d{1,2})?\s?[x×])$"
)
_PLAYER = re.compile(
    r"^(?:-?-?:-?-?(?::-?-?)?|\d{1,2}:\d{2}(?::\d{2})?)\s*/\s*(?:-?-?:-?-?|\d{1,2}:\d{2}(?::\d{2})?)$"
    r"|^-?-:-?-(?::-?-)?$"
)
_COUNTER = re.compile(r"^[+\-]?\d[\d.,\s]{0,9}[kKmMbB万千억만]?(?:\s?[^\W\d_][^\s\d]{0,20})?$")
# A chapter's start written with a dot, then its title ("02.40 Löftena från 2022"): no count
_DOTTED_START = re.compile(r"^\d{1,2}\.\d{2}\s+[^\W\d_]")
# A count's number: digits, a decimal ("2.3"), or thousands grouped by threes ("1.204.567",
# "12 345"); two dots or slashes otherwise make a date ("2026.11.20", "20.11.2026").
_COUNT_NUMBER = re.compile(r"\d+(?:[.,]\d+)?|\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d+)?")
_NUMBER_PART = re.compile(r"[+\-]?(\d[\d.,\s]*\d|\d)")
# the path to the page; a CJK page may set it with full-width signs ("首頁 ／ Podcast ／ EP52")
_BREADCRUMB = re.compile(
    r"^[^>›»＞/／]{1,40}(?:\s[>›»＞]\s[^>›»＞/／]{1,60}){1,}$"
    r"|^[^>›»＞/／]{1,40}(?:\s[/／]\s[^>›»＞/／]{1,60}){2,}$"
)
_GUILLEMETS = re.compile(r"«[^«»]*»")  # a quotation, whose closing mark is no crumb's arrow
_SEPARATED = re.compile(r"\s+[/|·•]\s+")
_JOINED = re.compile(r"\s+[&+]\s+")  # buttons joined by a sign ("Accepter & Fermer")
_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$|^@?[\w.]+_[\w.]+$|^\S+@\S+\.\w+$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CJK_UNIT = 3
_BUTTON_LINE = 60  # characters of a button or a link alone on its line (read aloud, skip), at most
_CAPTION_MAX = 200  # characters of a caption naming who stands where in a picture
_PLACES = 2  # people placed in a picture, in a caption of any length
_CAPTION_WORDS = 8  # words of a caption that places one person
_CJK_COUNTER = re.compile(
    r"^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{1,5}\s?(?:[:：]\s?|[(（])?"
    r"\d[\d.,]*\s?[万千億亿만천억]?[회명개次人件条條]?[)）]?$"
)
# A caption's source after its sentence, set off by a slash ("... 박영호씨. /연합뉴스")
_CREDIT_AFTER = re.compile(r"[.。]\s+/\s?[^/\s][^/]{0,30}$")
# Where a caption's sentence ends and its credit may follow ("… near Mosgiel. Photo: supplied")
_CAPTION_END = re.compile(r"[.。!?]\s+(?=\S[^.。!?]{0,60}$)")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)", re.IGNORECASE)
# The name first: "The Long Signal © 2026", "Foo Media © 2019–2026. All rights reserved."
_COPYRIGHT_AFTER = re.compile(r"^[^©\n]{1,60}\s©\s?\d{4}(?:\s?[–-]\s?\d{4})?\b")
# A server-side script's message left in the page: PHP's "Warning: ... in /path/file.php on
# line 928" (its wording is English whatever the site's language), or any such "in <file> on
# line N" / "at <file>:N" report.
_SERVER_MESSAGE = re.compile(
    r"^(?:PHP\s+)?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable |Recoverable )?"
    r"Fatal error|Parse error)\s*:\s.*\s(?:in|at)\s+\S+(?:\s+on\s+line\s+|:)\d+\.?$",
    re.IGNORECASE,
)


# An image's credit: a word or two, a colon or "=", a short name; perhaps in brackets.
_CREDIT_ALONE = re.compile(r"^(?P<word>[^\W\d_]+(?: [^\W\d_]+)?)\s*[:：]$")
_CREDIT = re.compile(
    r"^[(\[（]?\s*(?P<word>[^\W\d_]+(?: [^\W\d_]+)?)\s*[:：=]\s*[^:：=]{1,80}?[)\]）]?$"
)


@dataclass(frozen=True)
class _Vocabulary:
    lines: frozenset[str]
    starts: dict[str, tuple[str, ...]]  # by first character, longest first
    labels: frozenset[str]
    alt: frozenset[str]
    credits: frozenset[str]
    reactions: frozenset[str]
    calls: frozenset[str]
    rating: re.Pattern[str]
    skips: tuple[tuple[str, str], ...]  # a skip link's first and last words
    machines: tuple[re.Pattern[str], ...]  # a note on how a summary was made: `machine_notes`
    positions: re.Pattern[str]  # where someone stands in a picture: `photo_positions`
    shares: frozenset[str]  # where a share button sends the page: `share_targets`
    aloud: frozenset[str]  # a button reading the article aloud: `read_aloud`
    skips_open: tuple[str, ...]  # how a skip link opens: `skip_openers`


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    raw = json.loads(
        resources.files("castdigest.readers").joinpath("data/chrome.json").read_text("utf-8")
    )

    def words(key: str) -> list[str]:
        return [normalise(w) for ws in raw[key].values() for w in ws]

    return _Vocabulary(
        lines=frozenset(words("lines")),
        starts=_by_first_character(words("starts")),
        labels=frozenset(words("labels")),
        alt=frozenset(normalise(w) for w in raw["alt"]),
        credits=frozenset(normalise(w) for w in raw["credits"]),
        reactions=frozenset(words("reactions")),
        calls=frozenset(words("calls")),
        rating=_rating(raw["ratings"]),
        skips=tuple(
            (normalise(first), normalise(last) if last else "")
            for pairs in raw["skip_links"].values()
            for first, last in pairs
        ),
        machines=_machine_words(raw["machine_notes"]),
        positions=_positions(words("photo_positions")),
        shares=frozenset(words("share_targets")),
        aloud=frozenset(words("read_aloud")),
        skips_open=tuple(sorted(set(words("skip_openers")), key=len, reverse=True)),
    )


def skip_link(line: str) -> bool:
    """A link to skip to the page's content ("Skip to main content", "본문 바로가기"): a
    short line of chrome that opens as `skip_openers` say."""
    n = normalise(line)
    return 0 < len(n) <= _BUTTON_LINE and n.startswith(_vocabulary().skips_open) and is_chrome(line)


_ALOUD_PLAYER = 3  # lines under a read-aloud button where its player's times stand


def without_read_aloud(lines: list[str]) -> list[str]:
    """`lines` with each read-aloud button ("Ascolta l'articolo", `read_aloud`) and the
    player's times under it blanked: the text read by a machine, whose length is not the
    episode's."""
    aloud = _vocabulary().aloud
    if not any(normalise(line) in aloud for line in lines if 0 < len(line) <= _BUTTON_LINE):
        return lines
    out = list(lines)
    for k, line in enumerate(lines):
        if not 0 < len(line) <= _BUTTON_LINE or normalise(line) not in aloud:
            continue
        out[k] = ""
        for j in range(k + 1, min(k + 1 + _ALOUD_PLAYER, len(lines))):
            shown = lines[j].strip()
            if clock_length(shown) is not None or _PLAYER.match(shown) or length_seconds(shown):
                out[j] = ""  # "00:00" / "03:18", "00:00 / 03:18", or its length ("4 min")
    return out


def share_button(line: str) -> bool:
    """A button of a page's share row ("facebook", "X", "LINE", "微博"): `share_targets`."""
    return normalise(line) in _vocabulary().shares


def _positions(words: list[str]) -> re.Pattern[str]:
    """A word of where someone stands in a picture, in brackets: "(left)", "（左から）"."""
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"[(（]\s*(?:{alternatives})\s*[)）]", re.IGNORECASE)


_NOTE_WORDS = 30  # words of a note on how a summary was made, at most


def machine_note(line: str) -> bool:
    """A short line saying a machine made the text near it ("AI-generated summary, reviewed
    by BT editors", "※ 본 요약은 AI가 … 자동 생성한 것으로"): a note, never one of its points."""
    if len(line.split()) > _NOTE_WORDS:
        return False
    low = line.casefold()
    return all(words.search(low) is not None for words in _vocabulary().machines)


def _machine_words(raw: dict[str, dict[str, list[str]]]) -> tuple[re.Pattern[str], ...]:
    """The vocabulary's `machine_notes`: a machine's name as a whole Latin word ("AI가" too),
    a word of its making and one of what it made, each at a word's start or anywhere in a
    CJK text ("AI-generated summary", "요약은 … 생성한")."""

    def pattern(key: str, whole: bool) -> re.Pattern[str]:
        words = sorted({w for ws in raw[key].values() for w in ws}, key=len, reverse=True)
        edge = r"(?<![a-z])"
        end = r"(?![a-z])" if whole else ""
        forms = [f"{edge}{re.escape(w)}{end}" if w.isascii() else re.escape(w) for w in words]
        return re.compile("|".join(forms))

    return pattern("machines", whole=True), pattern("made", whole=False), pattern("what", False)


def _rating(raw: dict[str, dict[str, list[str]]]) -> re.Pattern[str]:
    """An age rating alone on its line ("15세 이상", "12+", "FSK 12", "TV-14", "전체 관람가"), from
    the vocabulary's `ratings`; "R" and two digits ("R18") in any language."""

    def forms(key: str) -> str:
        words = sorted({w for ws in raw[key].values() for w in ws}, key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s?") for w in words)

    return re.compile(
        rf"^(?:\d{{1,2}}\s?(?:{forms('units')})|(?:{forms('systems')})\s?\d{{1,2}}"
        rf"|{forms('labels')}|R\d{{2}}\+?)$",
        re.IGNORECASE,
    )


def _by_first_character(phrases: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The phrases grouped by their first character, longest first in each group: a line is
    compared only with the phrases that can start it."""
    groups: dict[str, list[str]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        if phrase:
            groups.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(group) for first, group in groups.items()}


def normalise(line: str) -> str:
    """Case folded, width folded, spaces collapsed, bullets, play marks and end punctuation
    dropped ("▶ 再生" is "再生")."""
    return _normalise_line(line) if len(line) <= _LONGEST else _normalise(line)


@lru_cache(maxsize=1 << 14)  # a page's lines are compared with the lines around them, often
def _normalise_line(line: str) -> str:
    return _normalise(line)


def _normalise(line: str) -> str:
    s = unicodedata.normalize("NFKC", line).casefold()
    return " ".join(s.split()).strip(_EDGES)


def _count(n: str) -> bool:
    """The number that opens `n` (a `_COUNTER` match) is one a count shows, not a date."""
    m = _NUMBER_PART.match(n)
    return m is None or _COUNT_NUMBER.fullmatch(m.group(1).strip()) is not None


def _skip_link(n: str, skips: tuple[tuple[str, str], ...]) -> bool:
    return any(n.startswith(first + " ") and n.endswith(last) for first, last in skips)


_NUMBERED = re.compile(r"\s+#?\d{1,4}$")


def chrome_kind(line: str) -> str | None:
    """Why a line is page chrome ("menu", "player", "counter"...), or None when it is not."""
    if len(line) > _LONGEST:
        return None  # a paragraph; and normalising a long body line costs time
    return _short_chrome_kind(line)  # a paragraph is neither hashed nor kept by the cache


@lru_cache(maxsize=1 << 14)  # one page asks of its lines several times (title, body, doubts)
def _short_chrome_kind(line: str) -> str | None:
    """`chrome_kind` of a line of at most `_LONGEST` characters."""
    s = " ".join(line.split())
    if not s:
        return None
    n = normalise(s)
    if not n:
        return "punctuation"
    voc = _vocabulary()
    if n in voc.lines or (_NUMBERED.search(n) and _NUMBERED.sub("", n) in voc.lines):
        return "interface words"  # or a button naming its episode's number ("Listen to … 4")
    if len(n) <= _STARTS_MAX and _starts_with(n, voc.starts):
        return "interface words"
    if len(n.split()) <= _SKIP_WORDS and _skip_link(n, voc.skips):
        return "interface words"  # "Zur Hauptnavigation springen"
    if _PLAYER.match(s.strip(" ·•")) or _SPEED.match(n):
        return "player"
    if len(n.split()) <= _FILE_LINK_WORDS and _FILE_TYPE.search(n):
        return "download"  # "Descargar MP3", "Notes (PDF)", "MP3 (48 MB)": a file's link
    if server_message(s):
        return "server message"
    if voc.rating.match(s):
        return "rating"  # "15세 이상", "FSK 12", "TV-14": who may watch, on a video's page
    if (
        (m := _COUNTER.match(n))
        and len(_CJK.findall(m.group(0))) <= _CJK_UNIT
        and _count(n)
        and not _DOTTED_START.match(s)
    ):
        return "counter"  # "9K", "22 snips", "3 评论"; not "#58 栗の渋皮煮に挑戦"
    if _CJK_COUNTER.match(n):
        return "counter"  # "조회수 2.3만회", "播放：1.8万次", "评论(86)": the word first
    if _BREADCRUMB.match(_GUILLEMETS.sub("«»", s) if "«" in s else s):
        return "breadcrumb"  # not a French quotation's closing mark: "« Les galibots » : …"
    if _ADDRESS.match(s) or _COPYRIGHT.match(n) or _COPYRIGHT_AFTER.match(n):
        return "address"
    parts = _SEPARATED.split(s)
    if len(parts) >= 2 and all(_vocabulary_kind(p) for p in parts):
        return "interface words"  # "Sign in / Register", "Legal · Privacy · Cookies"
    joined = _JOINED.split(s) if "&" in s or "+" in s else []
    if len(joined) >= 2 and all(is_interface(p) for p in joined):
        return "interface words"  # "Accept & Close"; not "Summary & Takeaways", two labels
    if _menu(parts):
        return "menu"  # "Recipes · Podcast · About · Shop"
    words = n.split()
    if 1 < len(words) <= 8 and (words[-1] in voc.alt or words[0] in voc.alt):
        return "image text"
    if _credit(s, voc) or _credit_label(s, voc):
        # "(Bild: Prozessorkern / dpa)", "Photo: Jane Doe/Getty", or "Foto:" over the name
        return "image credit"
    if _CREDIT_AFTER.search(s):
        return "image credit"  # "… 출연한 박영호(61)씨. /유튜브 ‘인생 2막 상담소’": a caption
    if len(s) <= _CAPTION_MAX and _placed(s, voc):
        return "image credit"  # "柏木遥(左)と西村啓太(右)": who stands where in the picture
    if (end := _CAPTION_END.search(s)) and _credit(s[end.end() :], voc):
        return "image credit"  # "Angus Kerr beside the stopbank. Photo: supplied"
    return None


def _placed(s: str, voc: _Vocabulary) -> bool:
    """`s` says who stands where in a picture: two places ("Ana Ruiz (left) and Ben Lund
    (right)"), or one in a sentence ("Ana Ruiz (left) talks to …"); not a title that
    brackets such a word ("The Right (Left) Way")."""
    found = len(voc.positions.findall(s))
    return found >= _PLACES or (found == 1 and len(s.split()) >= _CAPTION_WORDS)


def _credit_label(s: str, voc: _Vocabulary) -> bool:
    """`s` is a credit word and its colon alone ("Foto:"): the credit's name is the next line."""
    m = _CREDIT_ALONE.match(s)
    return m is not None and normalise(m.group("word")) in voc.credits


def _credit(s: str, voc: _Vocabulary) -> bool:
    """`s` is an image's credit: a credit word, a colon or "=", a short name."""
    m = _CREDIT.match(s)
    return m is not None and normalise(m.group("word")) in voc.credits


# A button's word or two saved in front of a title, set off by a dash or a colon.
_BUTTON_PREFIX = re.compile(r"(?P<button>[^\W\d_]+(?: [^\W\d_]+)?)\s*[-–—:|]\s+(?=\S)")
_AFTER_BUTTON = 8  # characters of a title left once its button's word is off


def without_button(title: str) -> str:
    """`title` without the button word the page saved it with ("ÉCOUTER - <title>",
    "Watch: <title>"): interface words, then a dash or a colon."""
    m = _BUTTON_PREFIX.match(title)
    if m and len(title) - m.end() >= _AFTER_BUTTON and is_interface(m.group("button")):
        return title[m.end() :]
    return title


_CRUMB_SPLIT = re.compile(r"\s[>›»＞/／]\s")


def crumbs_above(line: str) -> list[str]:
    """The items of a breadcrumb line but its last ("Podcasts › <show> › Episode" gives
    "Podcasts" and the show): the sections the page sits in, never its title."""
    if chrome_kind(line) != "breadcrumb":
        return []
    return [p.strip() for p in _CRUMB_SPLIT.split(line.strip())][:-1]


def crumb_end(line: str) -> str | None:
    """The last item of a breadcrumb line ("Home » Podcast » S2E9: Title" gives "S2E9:
    Title"): the page itself, often its title; None for other lines."""
    if chrome_kind(line) != "breadcrumb":
        return None
    parts = [p.strip() for p in _CRUMB_SPLIT.split(line.strip())]
    return parts[-1] if len(parts) >= 2 and parts[-1] else None


def server_message(line: str) -> bool:
    """A warning or error the site's server printed into the page: never content."""
    if len(line) > _LONGEST * 2 or ":" not in line:
        return False  # most lines: no message's colon
    return _SERVER_MESSAGE.match(line.strip()) is not None


def blank_tab_bars(lines: list[str]) -> list[str]:
    """`lines` with tab bars blanked: a block of short lines in a row (a word or three each),
    three or more of them a section's name or a tab label ("Summary", "Takeaways",
    "Outlines", "Transcript"), or a pair of them when one heads its section further down,
    names the page's tabs, not its sections (a section's heading has its content under
    it)."""
    out = list(lines)
    k = 0
    while k < len(out):
        j = k
        while j < len(out) and _tab_like(out[j]):
            j += 1
        named = [i for i in range(k, j) if _named(out[i])]
        pair = j - k == len(named) == 2
        if pair and _shown_again([out[i].strip() for i in named], out, j):
            out[k:j] = [""] * (j - k)
        for bar in _clusters(named):
            if len(bar) >= _TAB_RUN and not _fields(out, bar):
                out[bar[0] : bar[-1] + 1] = [""] * (bar[-1] + 1 - bar[0])
        k = max(j, k + 1)
    return out


def _fields(lines: list[str], bar: list[int]) -> bool:
    """Labels each over its value, a date or a length ("放送日時" / "2026年11月21日（土）" /
    "番組時間" / "45分"): the episode's panel of fields, no tab bar."""
    values = [lines[i] for i in range(bar[0], bar[-1]) if i not in bar]
    return any(has_date(v) or has_length(v) for v in values)


def _clusters(named: list[int]) -> list[list[int]]:
    """The named lines of a block in groups, each close to the next (a tab bar's labels), not
    spread through a header of short lines (menus, a title, a date, a player's times)."""
    groups: list[list[int]] = []
    for i in named:
        if groups and i - groups[-1][-1] <= _TAB_GAP:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _shown_again(named: list[str], lines: list[str], after: int) -> bool:
    """Two section names side by side ("Episode Notes" / "Transcript"), one of them heading
    its section further down: the pair are the page's tabs, and the later line the heading."""
    wanted = {line for line in named if heading_kind(line) is not None}
    return bool(wanted) and any(line.strip() in wanted for line in lines[after:])


def _tab_like(line: str) -> bool:
    s = line.strip()
    # a CJK line's characters count double, and its sentence ends in its own full stop: a
    # takeaway of thirty characters is no tab
    return (
        0 < len(s) <= _TAB_MAX  # no shorter than its width: a paragraph's width is not counted
        and display_width(s) <= _TAB_MAX
        and len(s.split()) <= _TAB_WORDS
        and not s.endswith((".", "。", "．", "！", "？"))
    )


def _named(line: str) -> bool:
    s = line.strip()
    return heading_kind(s) is not None or is_label(s)


def _menu(parts: list[str]) -> bool:
    """Three or more links of a word or two, no digits, one of them interface words: a menu
    whose other items are the site's own sections."""
    return (
        len(parts) >= 3
        and all(len(p.split()) <= 2 and not any(c.isdigit() for c in p) for p in parts)
        and any(_vocabulary_kind(p) for p in parts)
    )


def _starts_with(n: str, starts: dict[str, tuple[str, ...]]) -> bool:
    """`n` starts with a phrase ending at a word boundary (scripts without spaces: anywhere)."""
    for start in starts.get(n[:1], ()):
        if n.startswith(start):
            rest = n[len(start) : len(start) + 1]
            if not rest or not rest.isalnum() or not start[-1].isascii():
                return True
    return False


def _vocabulary_kind(line: str) -> bool:
    return is_interface(line) or is_label(line)


def is_interface(line: str) -> bool:
    """A line of interface words from the vocabulary alone (no shape rule)."""
    if len(line) > _LONGEST:
        return False  # a paragraph: spare normalising it
    n = normalise(line)
    voc = _vocabulary()
    return bool(n) and (n in voc.lines or (len(n) <= _STARTS_MAX and _starts_with(n, voc.starts)))


def is_reaction(line: str) -> bool:
    """A word of a reaction bar ("Like", "J'aime", "좋아요")."""
    return len(line) <= _REACTION_LONGEST and normalise(line) in _vocabulary().reactions


def is_call(line: str) -> bool:
    """A call to action under an offer ("Learn more", "자세히 보기"): the line over it is an
    advertisement's text."""
    return len(line) <= _REACTION_LONGEST and normalise(line) in _vocabulary().calls


def ends_in_call(line: str) -> bool:
    """An offer and its call to action on one line ("黄金VIP年卡限时特惠 立即开通")."""
    if len(line) > _STARTS_MAX:
        return False
    n = normalise(line)
    return any(n.endswith(" " + call) for call in _vocabulary().calls)


def is_chrome(line: str) -> bool:
    return chrome_kind(line) is not None


def lead_in(line: str) -> bool:
    """A line ending in a colon introduces what follows ("Support for PBS provided by:",
    "Tags:", "Invités :"): a label of the page's own words, never a title."""
    return line.rstrip().endswith((":", "："))


def is_label(line: str) -> bool:
    """A tab or section label ("Info", "Timeline", "Transcript"): never a title."""
    return normalise(line) in _vocabulary().labels


_QUOTE_THEN = re.compile(r"^[„“\"«‚‘「].{3,160}?[”\"»’“」]\s+(?P<rest>\S.{0,40})$")


def quote_and_button(line: str) -> bool:
    """A quotation and a button on one line, a banner's slide ("„Słucham codziennie” Zaloguj
    się", "“Best show on air” Subscribe"): a widget, never a title."""
    m = _QUOTE_THEN.match(line.strip())
    if m is None:
        return False
    rest = m["rest"].rstrip("!.")
    return bool(chrome_kind(rest) or is_label(rest) or is_call(rest))


def glued_chrome(line: str) -> bool:
    """Interface words glued together when the page lost its spacing ("SubscribeSign in")."""
    parts = re.split(r"(?<=[a-zà-ÿ.])(?=[A-ZÀ-Þ])", line.strip())
    return len(parts) >= 2 and all(chrome_kind(p) or is_label(p) for p in parts)
