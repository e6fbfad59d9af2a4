"""A page's date as its text states it: a line near the top that is a date or an age and little
else ("Posted on July 15, 2025 by Jane Doe · 5 min read", "vor 3 Tagen", "2024/5/7"), else a
date anywhere under a publication label ("Mise en ligne" over "23 mai 2019", "Published:
2025-03-03"; the labels of `data/date_labels.json`, by language). A date inside a sentence is
not taken: "On March 3 we recorded..." says when something happened, not when the page came out.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib import resources

from castdigest.models import plausible
from castdigest.readers.chrome import chrome_kind, is_chrome, without_read_aloud
from castdigest.readers.heading_words import lists_episodes, opens_comments, suggests_others
from castdigest.readers.line_dates import age_before_time, has_date, head_length, length_seconds
from castdigest.readers.title_signals import without_markers
from castdigest.text.dates import (
    find_absolute,
    find_relative,
    find_yearless,
    parse_date,
    weekday_range,
    weekdays_opening,
)
from castdigest.text.truncate import cjk_count, is_cjk_char

_AS_OF = datetime(2000, 1, 1, tzinfo=UTC)  # only whether an age is there is asked

_DATE_LINES = 40
_EXPIRY_LEAD = 2  # words before an expiry label ("Video verfügbar bis ...")
_DATE_MAX = 40
_NUMERIC = re.compile(
    r"(?<![\d.])(?:\d{4}([./-])\d{1,2}\1\d{1,2}|\d{1,2}([./-])\d{1,2}\2\d{2,4})(?![\d.])"
)
_META_SEP = re.compile(r"\s*[·•|]\s*")
# A length beside a date: "41 min", "1 Std. 12 Min.", "58분", "38分", "1:05:20".
_LENGTH_PART = re.compile(
    r"^(?:\d{1,2}:\d{2}(?::\d{2})?|(?:\d+\s*[^\W\d_]{1,8}\.?\s*){1,3})$", re.UNICODE
)
_LABELLED = re.compile(r"^[^\W\d_][^\W\d_ ]{0,15}\s*[:：]?\s*")  # "Durée : ", "Length: "
_BYLINE_TAIL = re.compile(
    r"\s+(?:by|par|por|von|di|da|door)\s+[^\W\d_][\w.'’ -]{0,40}$", re.IGNORECASE
)
# "Posted July 15, 2025 in Engineering, Platform": the section a page files itself under.
_SECTION_TAIL = re.compile(
    r"\s+(?:in|dans|en|em|im|nel|nella|sous)\s+[^\W\d_][\w.'’&, -]{0,40}$", re.IGNORECASE
)
# A time of day after the date: "at 10:42 am", "à 14h30", "02:56:05", "um 9:05 Uhr", "10:42 UTC",
# or the hours a programme is on air ("（金）22:00-22:55").
_DATE_BEFORE_TIME = 30  # characters before a time of day where its date stands
_CLOCK = re.compile(r"\d[:h.]\d{2}")
_CLOCKS = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")  # times, which a date left over is not
_TIME_OF_DAY = re.compile(
    r"[\s,|·•–—-]*(?:(?:(?<![^\W\d_])[^\W\d_]{1,5}\s+){1,2}|[午上下][前後后午]\s?|오[전후]\s?)?"
    # "10:06", "10h06", and with a dot before its hour's word ("05.30 Uhr", "03.00 uur")
    r"\d{1,2}(?:[:h]\d{2}(?::\d{2})?|\.\d{2}(?=\s*(?:uhr|uur|h)\b))"
    r"(?:\s?[-–~〜～]\s?\d{1,2}[:h]\d{2})?"
    # "10:00 AM", "10:00 Uhr", "13:00 h", "10:00 uur", then perhaps its zone ("EST")
    r"(?:\s*(?:[ap]\.?m\.?|uhr|uur|h\b))?"
    r"(?:\s*[A-Z]{2,4}|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{1,3})?\s*$",
    re.IGNORECASE,
)


# A count in brackets after a date: its comments' ("Sabato 21 Novembre 2026 (0)")
_TRAILING_COUNT = re.compile(r"\s*[(（]\d{1,5}[)）]$")


def date_line(
    lines: list[str], as_of: datetime, language: str | None = None
) -> tuple[datetime, str] | None:
    """The first of the page's first lines that is a date or an age and little else: a few
    words around it ("Published on", a weekday) and parts that are a length ("· 41 min")."""
    for line in lines[:_DATE_LINES]:
        s = line.strip()
        if len(s) > _DATE_MAX * 4:
            continue  # a paragraph (looked at no further: a line can be megabytes long)
        s = _TRAILING_COUNT.sub("", _before_update(s)).strip("·•|-–— ")
        if not s or len(s) > _DATE_MAX * 2 or not any(c.isdigit() for c in s):
            continue
        if offered_until(s):
            continue  # "Available until 26 Nov", "配信終了：...": when it stops being offered
        parts = [p for p in _META_SEP.split(s) if p]
        if len(parts) > 4:
            continue
        read = [(p, _date_part(p, as_of, language)) for p in parts]
        dated = [d for _, d in read if d is not None]
        if len(dated) == 1 and all(_beside_date(p) for p, d in read if d is None):
            return dated[0]
    return None


def opens_update(line: str) -> bool:
    """`line` opens with the label of a later date ("Actualizat: 24.11.2026, 08:41",
    "Updated Nov 24"): when the page changed, not when the episode came out."""
    return _update_label().match(line.strip()) is not None


def _before_update(line: str) -> str:
    """`line` up to a later date's label ("Published 3 May 2025 · Updated 4 May 2025"), when
    a date may stand before it."""
    m = _update_label().search(line)
    return line[: m.start()].rstrip(" ,;/|·•–—-") if m and _has_digit(line[: m.start()]) else line


def _beside_date(part: str) -> bool:
    """What a date line may also hold: a length ("41 min", "Durée : 54 min"), a count
    ("24,318 views"), an episode's number ("Ep. 60") or a few words without digits (the show's
    name, "Auto-generated")."""
    if _LENGTH_PART.match(_LABELLED.sub("", part, count=1)):
        return True
    # A length with a word or two after it: "5 min read", "5 min de lecture", "5분 읽기".
    words = part.split()
    if len(words) <= 4 and any(
        _LENGTH_PART.match(" ".join(words[:-cut])) and not _has_digit(" ".join(words[-cut:]))
        for cut in (1, 2)
        if len(words) > cut
    ):
        return True
    if chrome_kind(part) == "counter":
        return True
    part = without_markers(part).strip()  # "Ep. 60", "Season 1", "第12回"
    return len(part.split()) <= 4 and not _has_digit(part) and len(part) <= _DATE_MAX


_ROC = re.compile(
    r"(?:民國\s*)?(?P<y>1[0-4]\d)\s*[-/.年]\s*(?P<m>1[0-2]|0?[1-9])\s*[-/.月]\s*"
    r"(?P<d>3[01]|[12]\d|0?[1-9])日?"
)
_ROC_YEAR = 1911


def _roc_date(m: re.Match[str]) -> datetime | None:
    """ "115-11-22": Taiwan's calendar counts its years from 1912 (115 is 2026); None for a day
    the month has not ("115-02-30")."""
    try:
        return datetime(int(m["y"]) + _ROC_YEAR, int(m["m"]), int(m["d"]), tzinfo=UTC)
    except ValueError:
        return None


def _date_part(s: str, as_of: datetime, language: str | None = None) -> tuple[datetime, str] | None:
    """A date or an age, alone or with a few words that have no digit ("Publicado el",
    "(토)")."""
    s = _BYLINE_TAIL.sub("", s)  # "Posted on October 30, 2026 by Sam Delaney"
    s = _SECTION_TAIL.sub("", s)
    # A time of day is dropped when a date is left: alone, "10:42" is no date.
    s = without_time_of_day(s)
    if len(s) > _DATE_MAX:
        return None
    found = find_relative(s, as_of) or find_absolute(s) or find_yearless(s, as_of)
    when: datetime | None
    if found is not None:
        start, wording, when = found.start, found.text, found.when
    elif (m := _ROC.fullmatch(s.strip())) and (when := _roc_date(m)) is not None:
        start, wording = m.start(), m.group()
    elif m := _NUMERIC.search(s):
        when = parse_date(m.group(), as_of, language)
        start, wording = m.start(), m.group()
    else:
        return None
    # An episode's number may stand beside its date: "January 06, 2023 Buzzsprout Episode 93".
    rest = without_markers(s[:start] + " " + s[start + len(wording) :]).split()
    if (
        len(wording) * 10 < len(s) * 6
        and (len(rest) > 3 or any(_has_digit(w) for w in rest))
        and chrome_kind(" ".join(rest)) != "counter"  # "24,318 views 3 days ago"
    ):
        return None
    return (when, wording) if when is not None and _past(when, as_of) else None


def _has_digit(s: str) -> bool:
    return any(c.isdigit() for c in s)


def _past(when: datetime, as_of: datetime) -> bool:
    return plausible(when) and when <= as_of + timedelta(days=2)


def page_date(
    lines: list[str], as_of: datetime, language: str | None = None
) -> tuple[datetime, str] | None:
    """The date the page states for itself (see the module doc), with its wording; `language`
    orders an all-number date's day and month."""
    return date_line(lines, as_of, language) or labelled_date(lines, as_of, language)


def labelled_date(
    lines: list[str], as_of: datetime, language: str | None = None
) -> tuple[datetime, str] | None:
    """The first date under a publication label: "Published: 2025-03-03" on one line, or the
    label alone with the date on the next line."""
    items = [ln.strip() for ln in lines if ln.strip()]
    for k, line in enumerate(items):
        if len(line) > _DATE_MAX * 2:
            continue
        rest = _after_label(line)
        if rest is None:
            continue
        if rest:
            found = _date_part(rest, as_of, language)
        elif k + 1 < len(items) and len(items[k + 1]) <= _DATE_MAX * 2:
            found = _date_part(items[k + 1].strip("·•|-–— "), as_of, language)
        else:
            found = None
        if found is not None:
            return found
    return None


def page_length(lines: list[str]) -> float | None:
    """Seconds of the episode's length as its page shows it near the title (`head_length`),
    a player that reads the article aloud left out (`chrome.without_read_aloud`)."""
    return head_length(without_read_aloud(lines))


def labelled_length(lines: list[str]) -> float | None:
    """Seconds of the length after a length label ("再生時間 38:41", "Duration: 48:30", or the
    label over the length) or on a player's button ("Listen • 16:42"), anywhere above what
    the page suggests besides its episode: a player placed under the body. None when the
    page labels none."""
    items = [ln.strip() for ln in lines if ln.strip()]
    for k, line in enumerate(items):
        if len(line) > _DATE_MAX:
            continue
        if suggests_others(line) or lists_episodes(line) or opens_comments(line):
            return None  # lengths below are other episodes'
        if played := played_length(line):
            return played  # a player's button and its length: "Listen • 16:42"
        rest = _after_length_label(line)
        if rest is None:
            continue
        if not rest and k + 1 < len(items):
            rest = items[k + 1]  # the label over the length
        if seconds := length_seconds(rest):
            return seconds
    return None


_PLAYED_LINE = 24  # characters of a player's button and its length ("Listen 17:42")
_PLAYED = re.compile(r"^(?P<word>[^\d:：]{1,16}?)\s*[:：]?\s*(?P<time>\d{1,2}:\d{2}(?::\d{2})?)$")


def played_length(line: str) -> float | None:
    """Seconds a player's button says it plays ("Listen 21:05", "Listen | 31:05", "再生
    35:12"), else None: not a turn's time ("00:12"), a length alone ("41 min") or a
    programme's hours ("14:32-14:47：…")."""
    s = line.strip()
    m = _PLAYED.match(s) if len(s) <= _PLAYED_LINE else None
    if m is None or not is_chrome(m["word"].strip(" |·•-–—")):
        return None
    return length_seconds(m["time"]) or None


def labelled_length_line(line: str) -> float | None:
    """Seconds of a line that is a length label and a length ("재생시간 52:18", "Duration:
    48:30"), else None."""
    s = line.strip()
    rest = _after_length_label(s) if len(s) <= _DATE_MAX else None
    return (length_seconds(rest) or None) if rest else None


def _after_length_label(line: str) -> str | None:
    """What follows the length label `line` opens with ("" when nothing does), or None."""
    m = _length_label().match(line.casefold())
    return line[m.end() :].strip(" :：-–—") if m else None


@cache
def _length_label() -> re.Pattern[str]:
    """Any language's length label opening a line, as a whole word, the longest first."""
    labels = _longest_first("length")
    return re.compile(rf"(?:{'|'.join(map(re.escape, labels))})\s*[:：]?(?![^\W_])")


def named_by_date(line: str) -> bool:
    """A title that names its episode by its date ("Notti Lunghe del 19 novembre 2026", "The
    Daily – Nov 20, 2026"): two words or more besides the date, and no label of a date."""
    found = find_absolute(line)
    if found is None or _after_label(line) is not None or offered_until(line):
        return False
    rest = (line[: found.start] + " " + line[found.start + len(found.text) :]).split()
    words = [w for w in rest if any(c.isalpha() for c in w)]
    return len(words) >= 2 and words[0][:1].isupper()


def date_field(line: str) -> bool:
    """A publication label and a value with digits on one line ("發布日期：115-11-22",
    "Published: 2025-03-03"): a field of the page, never its title."""
    rest = _after_label(line.strip()) if len(line) <= _DATE_MAX * 2 else None
    return bool(rest) and any(c.isdigit() for c in rest or "") and len(rest or "") <= _DATE_MAX


def _after_label(line: str) -> str | None:
    """What follows the publication label `line` opens with ("" when nothing does), or None
    when it opens with none."""
    m = _label_pattern().match(line.casefold())
    return line[m.end() :].strip(" :：-–—") if m else None


@cache
def _label_pattern() -> re.Pattern[str]:
    """Any publication label opening a line, as a whole word, the longest first."""
    labels = sorted(_publication_labels(), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, labels))})\s*[:：]?(?![^\W_])")


def is_date_or_length_label(label: str) -> bool:
    """A label of a page's date or length alone ("Data emisji", "Czas trwania:", "Duration"):
    a field's name, never a speaker's."""
    return label.strip().rstrip(":：").strip().casefold() in _all_labels()


@cache
def _all_labels() -> frozenset[str]:
    return frozenset(
        label.casefold()
        for kind in ("published", "updated", "expires", "length")
        for labels in _labels()[kind].values()
        for label in labels
    )


@cache
def _publication_labels() -> frozenset[str]:
    """Every language's publication labels, casefolded."""
    return frozenset(
        label.casefold() for labels in _labels()["published"].values() for label in labels
    )


@cache
def _update_label() -> re.Pattern[str]:
    """Any language's label of a later date ("Updated", "mis à jour", "수정"): whole words
    where the script spaces its words."""
    labels = _longest_first("updated")
    forms = [
        re.escape(w) if any(map(is_cjk_char, w)) else rf"(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])"
        for w in labels
    ]
    return re.compile("|".join(forms), re.IGNORECASE)


def without_time_of_day(s: str) -> str:
    """`s` without the time of day that ends it ("… à 10:06", "午後9:05放送"), when a date is
    left: alone, "10:42" is no date."""
    if not _CLOCK.search(s):
        return s  # no time in it: the pattern's scan from every position is spared
    cut = _TIME_OF_DAY.sub("", s)
    # a date is left right before it, not another time ("00:00 Intro") nor a title's number
    # ("Il confine del 1947 e la piazza divisa 00:09:48", a chapter's start)
    left = _CLOCKS.sub("", cut)[-_DATE_BEFORE_TIME:]
    if _has_digit(left) and (has_date(left) or _ends_yearless(left)):
        return cut
    aged = age_before_time(s, _AS_OF)  # "Publié hier à 05h00": an age, then its time
    return aged[0] if aged else s


def _ends_yearless(text: str) -> bool:
    """`text` ends with a date without its year ("… le 20 de septiembre", "Sept 3")."""
    words = text.split()
    return any(
        find_yearless(" ".join(words[-n:]), _AS_OF) for n in range(1, min(len(words), 3) + 1)
    )


def numeric_date(line: str) -> str | None:
    """The all-number date in `line` ("21.11.2026", "2026/11/21"), as written, or None."""
    if "/" not in line and "." not in line and "-" not in line:
        return None  # no separator the pattern needs: its scan of every position is spared
    m = _NUMERIC.search(line)
    return m.group() if m else None


def labelled_numeric_date(line: str) -> str | None:
    """The all-number date a publication label opens the line with ("publié le 21/11/2026",
    "Published: 2026-11-21"), as written, or None."""
    rest = _after_label(line)
    return rest if rest and numeric_date(rest) == rest else None


def without_label_after(line: str) -> str:
    """`line` less the publication or update label that ends it, as Japanese and Chinese
    sites set one after the date ("2026/11/20(金)更新", "2026.11.20 发布"); else `line`."""
    if not line or line[-1:].isdigit():
        return line  # most date lines end on the date
    # the label is all that follows the date's last digit or its weekday's bracket
    end = max(line.rfind(")"), line.rfind("）"), _last_digit(line))
    if end < 0 or line[end + 1 :].strip().casefold() not in _labels_after():
        return line
    return line[: end + 1].rstrip()


def _last_digit(line: str) -> int:
    return next((i for i in range(len(line) - 1, -1, -1) if line[i].isdigit()), -1)


@cache
def _labels_after() -> frozenset[str]:
    """The publication and update labels, casefolded: those a date may have after it."""
    return frozenset({*_longest_first("published"), *_longest_first("updated")})


_SCHEDULE = 30  # characters of a show's schedule line ("Every Friday", "毎週金曜日更新")


def schedule_line(line: str) -> bool:
    """A show's schedule alone on its line ("Every Friday", "Chaque mardi à 7h", "毎週金曜日更新",
    "매주 금요일", "월~금 오후 2시 ~ 4시"): what a show's page says under its name, never an
    episode's."""
    s = line.strip().casefold()
    if not s or len(s) > _SCHEDULE or s.endswith((".", "!", "?", "。")):
        return False
    if weekday_range(s) or weekdays_opening(s):
        return True  # "월~금 오후 2시 ~ 4시", "Mon–Fri 6–9am", "Saturdays 10am": days and hours
    if any(_opens(s, w) for w in _every()):
        return True
    # "매일 오후 4시 ~ 6시", "Daily 4-6pm": a day's words open a slot only before its hours
    return any(c.isdigit() for c in s) and any(_opens(s, w) for w in _daily())


def _opens(line: str, word: str) -> bool:
    """`line` opens with `word`, a whole word where the script spaces its words."""
    return line.startswith(word) and bool(
        cjk_count(word) or not line[len(word) : len(word) + 1].isalnum()
    )


@cache
def _every() -> tuple[str, ...]:
    return tuple(_longest_first("every"))


@cache
def _daily() -> tuple[str, ...]:
    return tuple(_longest_first("daily"))


def after_preposition(line: str) -> str | None:
    """The date after the word a site sets before it ("on Oct 13" -> "Oct 13", "le
    21/11/2026"), when the line opens with one of `before`'s words; else None."""
    word, _, rest = line.strip().partition(" ")
    return rest.strip() if rest.strip() and word.casefold() in _prepositions() else None


@cache
def _prepositions() -> frozenset[str]:
    return frozenset(_longest_first("before"))


def without_hour_span(line: str) -> str:
    """`line` without a time of day's span in whole hours ("Tramo de 12 a 13 h", "10–12 Uhr"):
    its last hour is when the broadcast ends, no length ("13 h")."""
    if not _HOUR_MARK.search(line):
        return line  # no "h" after a number: the span's pattern is spared
    return _hour_span().sub(" ", line)


_HOUR_MARK = re.compile(r"\d\s?(?:h|uhr)\b", re.IGNORECASE)


@cache
def _hour_span() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in _longest_first("span"))
    hour = r"(?:[01]?\d|2[0-4])(?:[:.h][0-5]\d)?"
    return re.compile(
        rf"(?<![\d:.]){hour}\s*(?:[-–]|\s(?:{words})\s)\s*{hour}\s?(?:h|uhr)\b", re.IGNORECASE
    )


def offered_until(line: str) -> bool:
    """`line` opens with the label of the date the episode stops being offered ("Available
    until", "配信終了"): that date is not the page's."""
    s = line.strip().casefold()
    digit = next((i for i, c in enumerate(s) if c.isdigit()), None)
    if digit is None:
        return False  # no date on the line
    # the label before the date, perhaps after a word or two ("Video verfügbar bis 21.11.2027")
    m = _expiry_label().search(s, 0, digit)
    return m is not None and len(s[: m.start()].split()) <= _EXPIRY_LEAD


@cache
def _expiry_label() -> re.Pattern[str]:
    """Any language's label of the date an episode stops being offered, opening a line."""
    labels = _longest_first("expires")
    forms = [
        re.escape(w) if any(map(is_cjk_char, w)) else rf"{re.escape(w)}(?![^\W\d_])" for w in labels
    ]
    return re.compile("|".join(forms), re.IGNORECASE)


def _longest_first(kind: str) -> list[str]:
    """Every language's labels of `kind`, casefolded, the longest first (so that a pattern of
    them matches "Published on" before "Published")."""
    return sorted(
        {w.casefold() for words in _labels()[kind].values() for w in words}, key=len, reverse=True
    )


@cache
def _labels() -> dict[str, dict[str, list[str]]]:
    path = resources.files(__package__).joinpath("data/date_labels.json")
    raw: dict[str, dict[str, list[str]]] = json.loads(path.read_text("utf-8"))
    return raw
