"""Dates as pages write them: relative ages ("il y a 3 jours", "hace 3 días", "3天前") and
absolute dates ("July 15, 2025", "29 de marzo de 2022", "3. März 2024", "2025年7月15日").

The words come from dateparser's locale data (its "N days ago" patterns, "yesterday"-like
words, number words, month names) for the languages in `LANGUAGES`, plus the few forms it
lacks (`_EXTRA_AGES`). They are compiled once, on first use, into one pattern for ages at the
end of a text (matched backwards from the end) and a few for absolute dates: the fast path,
which pages with thousands of ages go through. `parse_date` (a whole field, such as a
front-matter date) hands all-number dates ("14/01/2020") to dateparser's own parser, cached
per distinct text.

Relative ages resolve against a reference instant (`ReadContext.as_of`, from `--as-of` or the
file's mtime); callers keep the original wording in `Episode.published_text`. Every function
here is pure and returns timezone-aware datetimes (UTC unless the text names an offset).
"""

from __future__ import annotations

import re
import unicodedata
from calendar import monthrange
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache, lru_cache
from typing import Any

# Languages whose date words are recognised (dateparser locale codes). More languages make
# the age pattern longer and dateparser's fallback slower; these are the ones seen in pages.
LANGUAGES = ("en", "fr", "es", "de", "it", "pt", "nl", "zh", "zh-Hant", "ja", "ko")
# Month names cost nothing per language (a word is looked up after a day-month-year shape
# matched), so absolute dates are read in more languages than ages are: "21. listopadu 2026",
# "5 grudnia 2026", "21. marraskuuta 2026". Ages are read in `LANGUAGES` and the Scandinavian
# ones, whose words are phrases ("i går", "for 3 dage siden"); not in more: short words
# ("ma", "eilen") end too many words of other languages, and each language slows every line.
_AGE_LANGUAGES = (*LANGUAGES, "da", "sv", "nb")
# Weekdays in fewer languages than months: the others' are short words elsewhere ("an", "og")
_WEEKDAY_LANGUAGES = (
    *_AGE_LANGUAGES,
    *("pl", "cs", "sk", "fi", "ro", "ca", "tr", "hu", "ru", "uk", "el", "id"),
)
MONTH_LANGUAGES = (
    *_WEEKDAY_LANGUAGES,
    # not Croatian: its "listopad" is October, Czech and Polish November (a name two languages
    # give two months is read in neither, so it would cost both their Novembers)
    *("lt", "lv", "et", "sl", "sr", "bg", "mk", "sq", "is", "gl", "eu", "ms"),
)

# Units in seconds; months and years are calendar arithmetic (see `_minus`).
_MINUTE, _HOUR, _DAY, _WEEK = 60, 3600, 86400, 7 * 86400
_MONTH, _YEAR = -1, -12  # markers: negative = months
_UNITS = {
    "second": 1,
    "minute": _MINUTE,
    "hour": _HOUR,
    "day": _DAY,
    "week": _WEEK,
    "fortnight": 2 * _WEEK,
    "month": _MONTH,
    "year": _YEAR,
    "decade": 10 * _YEAR,
}
_NUMBER_GROUP = r"(\d++[.,]?\d*+)"  # how dateparser's patterns write the number
# Forms dateparser's data lacks, as (words before the number, words after it) by unit.
_EXTRA_AGES: dict[str, dict[str, list[tuple[str, str]]]] = {
    "zh": {
        "hour": [("", "个小时前"), ("", "個小時前"), ("", "小時前")],
        "minute": [("", "分鐘前")],
        "day": [("", "日前")],
        "week": [("", "星期前"), ("", "个星期前"), ("", "個星期前"), ("", "週前")],
        "month": [("", "個月前"), ("", "月前")],
    },
    "ko": {"week": [("", "주일 전"), ("", "주 전")], "month": [("", "달 전")]},
    "ja": {"month": [("", "ヶ月前"), ("", "ヵ月前"), ("", "ケ月前"), ("", "カ月前")]},
}
_EXTRA_NAMED = {"ko": {2: ["그저께"]}}
_EXTRA_NUMBERS = {"zh": {"一": 1, "两": 2, "兩": 2}, "ko": {"한": 1}}
_MAX_DAYS_NAMED = 3  # "today" .. "the day before the day before yesterday"
_TAIL = 60  # an age is at most this many characters long


@dataclass(frozen=True)
class Age:
    """A relative age found in a text: where it starts, its wording, and the resolved instant."""

    start: int
    text: str
    when: datetime


# --------------------------------------------------------------------------- locale data


@cache
def _locale(code: str) -> dict[str, Any]:
    from dateparser.languages.loader import default_loader  # costly import: only when needed

    info: dict[str, Any] = default_loader.get_locale(code).info
    return info


def _words(code: str) -> dict[str, int]:
    """Number words of a language ("un", "zwei", "한") from its simplifications."""
    out: dict[str, int] = {}
    for rule in _locale(code).get("simplifications", []):
        for word, value in rule.items():
            if re.fullmatch(r"[^\W\d_][\w'’]*", word) and str(value).isdigit():
                out[word.casefold()] = int(value)
    out.update(_EXTRA_NUMBERS.get(code, {}))
    return out


def _ago_forms(code: str) -> Iterator[tuple[str, str, str]]:
    """(unit, words before the number, words after it) of every "N units ago" form."""
    for key, patterns in _locale(code).get("relative-type-regex", {}).items():
        m = re.fullmatch(r"\\1 (\w+) ago", key)
        if not (m and m.group(1) in _UNITS):
            continue
        for pattern in patterns:
            if pattern.count(_NUMBER_GROUP) != 1:
                continue
            before, after = pattern.replace(r"\s*", " ").split(_NUMBER_GROUP)
            for b in _spellings(before):
                for a in _spellings(after):
                    yield m.group(1), b, a
    for unit, extra in _EXTRA_AGES.get(code, {}).items():
        for before, after in extra:
            yield unit, before, after


def _spellings(part: str) -> list[str]:
    """The literal spellings of a piece of pattern ("decades?" -> decade, decades); none
    when it is more than literal text and optional letters."""
    forms = [""]
    for m in re.finditer(r"(\\.|[^\\])(\?)?", part):
        char = m.group(1)[-1]
        if char in "()[]{}|*+.^$" and not m.group(1).startswith("\\"):
            return []
        forms = [f + char for f in forms] + (forms if m.group(2) else [])
    return [f for f in forms if f.strip() or not part.strip()]


def _named_days(code: str) -> Iterator[tuple[int, str]]:
    """(days back, word) of "today", "yesterday", "avant-hier" and the like."""
    for key, words in _locale(code).get("relative-type", {}).items():
        m = re.fullmatch(r"(\d) day ago", key)
        if m and int(m.group(1)) <= _MAX_DAYS_NAMED:
            yield from ((int(m.group(1)), w) for w in words)
    for days, words in _EXTRA_NAMED.get(code, {}).items():
        yield from ((days, w) for w in words)


def _key(words: str) -> str:
    return "".join(words.casefold().split())


def _backwards(words: Iterable[str]) -> str:
    """An alternation matching `words` written backwards, any spacing between their parts,
    longest first."""
    forms = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(r"\s*".join(re.escape(p) for p in w[::-1].split()) for w in forms)


@dataclass(frozen=True)
class _AgeFinder:
    """Ages are matched on the reversed end of a text, so that one match at its first
    character replaces a search over every position: most lines hold no age."""

    pattern: re.Pattern[str]
    units: dict[tuple[str, str], int]  # (before, after) keys -> unit
    named: dict[str, int]  # word key -> days back
    numbers: dict[str, int]  # number word -> value


@cache
def _age_finder() -> _AgeFinder:
    numbers: dict[str, int] = {}
    units: dict[tuple[str, str], int] = {}
    named: dict[str, int] = {}
    befores: set[str] = set()
    afters: set[str] = set()
    for code in _AGE_LANGUAGES:
        numbers.update(_words(code))
        for unit, before, after in _ago_forms(code):
            units.setdefault((_key(before), _key(after)), _UNITS[unit])
            befores.add(before)
            afters.add(after)
        for days, word in _named_days(code):
            named.setdefault(_key(word), days)
    words = {w for code in _AGE_LANGUAGES for _, w in _named_days(code)}
    glued = [w for w in numbers if _is_cjk(w)]  # CJK and Hangul number words glue on
    latin = [w for w in numbers if w not in glued]
    number = rf"\d{{1,4}}|(?<!\w)(?:{_backwards(latin)})(?!\w)|{_backwards(glued)}"
    pattern = (
        rf"\s*(?:(?P<named>{_backwards(words)})"
        rf"|(?P<after>{_backwards(afters)})\s*(?P<n>{number})(?:\s*(?P<before>{_backwards(befores)}))?)"
    )
    return _AgeFinder(re.compile(pattern, re.IGNORECASE), units, named, numbers)


def _is_cjk(word: str) -> bool:
    return any(unicodedata.name(c, "").startswith(("CJK", "HANGUL")) for c in word)


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# --------------------------------------------------------------------------- relative ages


def _minus(as_of: datetime, amount: int, unit: int) -> datetime:
    if unit > 0:
        return as_of - timedelta(seconds=amount * unit)
    months = as_of.year * 12 + (as_of.month - 1) - amount * (-unit)
    year, month = divmod(max(months, 12), 12)  # "9999 years ago" stops at year 1
    day = min(as_of.day, monthrange(year, month + 1)[1])
    return as_of.replace(year=year, month=month + 1, day=day)


def _aware(as_of: datetime) -> datetime:
    return as_of if as_of.tzinfo else as_of.replace(tzinfo=UTC)


def find_relative(text: str, as_of: datetime) -> Age | None:
    """The relative age at the end of `text` ("Latent Spaceil y a 3 jours" -> 3 days back)."""
    text = text.rstrip()
    finder = _age_finder()
    m = finder.pattern.match(text[: -_TAIL - 1 : -1])
    if not m:
        return None
    if m.group("named"):
        days = finder.named[_key(m.group("named")[::-1])]
        return _age(text, m.end(), _aware(as_of) - timedelta(days=days))
    after = _key(m.group("after")[::-1])
    before = _key(m.group("before")[::-1]) if m.group("before") else ""
    unit = finder.units.get((before, after))
    end = m.end()
    if unit is None and before:  # words that only look like this form's: the age starts later
        unit, end = finder.units.get(("", after)), m.end("n")
    if unit is None:
        return None
    raw = m.group("n")[::-1]
    amount = int(raw) if raw.isdigit() else finder.numbers.get(raw.casefold(), 1)
    return _age(text, end, _minus(_aware(as_of), amount, unit))


def _age(text: str, matched: int, when: datetime) -> Age:
    start = len(text) - matched
    while text[start].isspace():
        start += 1
    return Age(start=start, text=text[start:], when=when)


def parse_relative(text: str, as_of: datetime) -> datetime | None:
    """The instant a whole relative age ("3 days ago", "hier", "3일 전") names, else None."""
    age = find_relative(text, as_of)
    return age.when if age and age.start == len(text) - len(text.lstrip()) else None


# --------------------------------------------------------------------------- absolute dates

_MONTH_KEYS = (
    "january february march april may june july august september october november december"
).split()


def _plain(word: str) -> str:
    """Without accents: "février" -> "fevrier", as pages written without them have it."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class _DatePatterns:
    months: dict[str, int]
    iso: re.Pattern[str]
    month_first: re.Pattern[str]  # "July 15, 2025", "Nov 3rd, 2026"
    day_first: re.Pattern[str]  # "15 juillet 2025", "29 de marzo de 2022", "3. März 2024"
    cjk: re.Pattern[
        str
    ]  # "2025年7月15日", "2025년 7월 15일"; year first: "2026.11.15", "2026/11/15"
    year_first: re.Pattern[str]  # "2026. november 20." (Hungarian), "2026 m. lapkričio 20 d."


@cache
def _date_patterns() -> _DatePatterns:
    months: dict[str, int] = {}
    clashes: set[str] = set()
    connectors: set[str] = set()
    for code in MONTH_LANGUAGES:
        info = _locale(code)
        connectors.update(w for w in info.get("pertain", []) if w.isalpha())
        for number, key in enumerate(_MONTH_KEYS, 1):
            for name in info.get(key, []):
                for form in {name.casefold(), _plain(name.casefold())}:
                    if not re.fullmatch(r"[^\W\d_]{3,}", form):
                        continue  # CJK month forms ("3月") are read by the CJK pattern
                    if months.get(form, number) != number:
                        clashes.add(form)
                    months[form] = number
    for form in clashes:  # a word naming two months in two languages names neither
        del months[form]
    # Any word where the month goes, looked up in `months` after the match: one alternation
    # of hundreds of names, tried at every position of every line, costs ten times more.
    word = r"[^\W\d_]{3,}"
    joint = rf"(?:\s+(?:{_alt(connectors)}))?" if connectors else ""
    return _DatePatterns(
        months=months,
        iso=re.compile(
            r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
            r"(Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
        ),
        # a month's name opens a word, or is glued on a word before it ("PodcastsNovember 20,
        # 2026": a section's name and the date run together in a text save)
        month_first=re.compile(
            rf"(?:(?<![^\W\d_])|(?-i:(?<=[a-z])(?=[A-Z])))({word})\.?\s+(\d{{1,2}})"
            rf"(?:st|nd|rd|th)?,?\s+(\d{{4}})\b",
            re.I,
        ),
        day_first=re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:er|º|°|\.|st|nd|rd|th)?{joint}\s+({word})\.?,?{joint}\s+(\d{{4}})\b",
            re.I,
        ),
        cjk=re.compile(
            # "2026年11月20日", "2026.11.20", "2026/11/20", and Korean "2026. 11. 20."
            r"(?<![\d.])(\d{4})\s*(?:[年년]\s*|[./]\s?)(\d{1,2})\s*(?:[月월]\s*|[./]\s?)(\d{1,2})"
            r"(?:\s*[日일]|\.(?![\d.]))?(?![\d.])"
        ),
        # the year, its mark ("2026.", "2026 m."), the month's name, the day ("20.", "20 d.")
        year_first=re.compile(
            rf"(?<![\d.])(\d{{4}})(?:\.|\s+m\.)?\s+({word})\s+(\d{{1,2}})(?:\.|\s+d\.)?(?![\d.])",
            re.I,
        ),
    )


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@cache
def _weekday_words() -> frozenset[str]:
    """Weekday names and their abbreviations in `_WEEKDAY_LANGUAGES` ("ma", "Mo", "lun", "Fri"),
    casefolded, in letters (CJK forms such as "(月)" are read with their dates)."""
    names = {
        name.casefold()
        for code in _WEEKDAY_LANGUAGES
        for key in _WEEKDAYS
        for name in _locale(code).get(key, [])
        if re.fullmatch(r"[^\W\d_]+", name)
    }
    # a Chinese weekday is written short after its date, in brackets: "21/11/2026 (六)"
    short = {n.removeprefix(p) for n in names for p in _CJK_WEEK_WORDS if n.startswith(p)}
    return frozenset(names | (short - {""}))


_CJK_WEEK_WORDS = ("星期", "礼拜", "禮拜", "周", "週")  # what opens a Chinese weekday's name


_DAY_RANGE = re.compile(r"^\W*([^\W\d_]+)\.?\s*[~\-–—〜～]\s*([^\W\d_]+)\.?(?![^\W\d_])")


# or joined by a short word, perhaps after another ("Mondays to Fridays", "lundi au
# vendredi", "dal lunedì al venerdì", "maandag t/m vrijdag"): both ends are weekdays, the
# hours or nothing after them
_WORDED_RANGE = re.compile(
    r"^\W*(?:[^\W\d_]{1,5}\s)?([^\W\d_]+)\s+[^\W\d_]{1,7}(?:/[^\W\d_]{1,3})?\s+([^\W\d_]+)(?=,?\s*(?:$|\d))"
)


def weekday_range(text: str) -> bool:
    """`text` opens with a range of weekdays ("월~금", "Mon–Fri", "lun.-ven.", "Mondays to
    Fridays"): an airtime's, a schedule."""
    s = text.strip()
    m = _DAY_RANGE.match(s) or _WORDED_RANGE.match(s)
    return m is not None and all(_weekday(m[n]) for n in (1, 2))


def weekdays_opening(text: str) -> bool:
    """`text` opens with a weekday in the plural, hours after it ("Saturdays 10am–noon",
    "Dissabtes, de 10.00 a 12.00 h"): an airtime's, a schedule."""
    first = text.strip().split(" ", 1)[0].strip(",.:").casefold()
    plural = first.endswith("s") and first not in _weekday_words()
    return plural and _weekday(first) and any(c.isdigit() for c in text)


def _weekday(word: str) -> bool:
    """A weekday's name, or its plural ("Mondays")."""
    w = word.casefold()
    return w in _weekday_words() or w.removesuffix("s") in _weekday_words()


def without_weekday(text: str) -> str:
    """`text` without the weekday that opens it ("ma 23.11.2026", "Fri, 11/20/2026") or
    closes it in brackets ("2026.11.20 (금)", "20.11.2026 (Fr.)")."""
    head, _, rest = text.strip().partition(" ")
    if rest and head.rstrip(".,").casefold() in _weekday_words():
        return rest.strip()
    # the pattern only after its closing bracket is seen: it backtracks over the whole line
    bracketed = text.strip().endswith((")", "）"))
    if (
        bracketed
        and (m := _BRACKETED_DAY.match(text.strip()))
        and m["day"].casefold() in _weekday_words()
    ):
        return m["date"]
    return text


_BRACKETED_DAY = re.compile(r"^(?P<date>.*\d.*?)\s*[(（](?P<day>[^\W\d_]{1,12})\.?[)）]$")


_YEAR_DIGITS = re.compile(r"\d{4}")  # every absolute date form has its year in full
_YEARLESS_MAX = 24  # characters of a line that is a day and a month alone


def find_absolute(text: str) -> Age | None:
    """The first absolute date in `text`, with where it starts and its wording."""
    if not _YEAR_DIGITS.search(text):
        return None
    best: Age | None = None
    for found in (_first(text, order) for order in _ORDERS):
        if found and (best is None or found.start < best.start):
            best = found
    return best


# how a form's groups are ordered: year, month, day ("named" is the year-first form above)
_ORDERS = ("iso", "mdy", "dmy", "ymd", "named")


_CAMEL = re.compile(r"[a-z](?=[A-Z][a-z]+$)")  # where a capitalised word is glued on


def _first(text: str, order: str) -> Age | None:
    """The first valid date of one form in `text`."""
    p = _date_patterns()
    pattern = {
        "iso": p.iso,
        "mdy": p.month_first,
        "dmy": p.day_first,
        "ymd": p.cjk,
        "named": p.year_first,
    }[order]
    for found in pattern.finditer(text):
        m = found
        when = _iso(m) if order == "iso" else _dated(m, _GROUPS.get(order, order), p.months)
        if when is None and order == "mdy" and (glued := _CAMEL.search(m.group(1))):
            # "PodcastsNovember 20, 2026": the month's name glued on the word before it
            again = pattern.match(text, m.start(1) + glued.end())
            if again is not None and (when := _dated(again, order, p.months)) is not None:
                m = again
        if when is not None:
            return Age(start=m.start(), text=m.group(0), when=when)
        if order == "iso":
            return None  # an impossible ISO date ("2026-13-45") is no date at all
    return None


_GROUPS = {"named": "ymd"}  # a form's groups, where its name does not say them


def _iso(m: re.Match[str]) -> datetime | None:
    y, mo, d, hh, mi, ss, tz = m.groups()
    try:
        value = datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0))
    except ValueError:
        return None
    if tz and tz != "Z":
        return datetime.fromisoformat(value.isoformat() + tz[:3] + ":" + tz[-2:])
    return value.replace(tzinfo=UTC)


def _dated(m: re.Match[str], order: str, months: dict[str, int]) -> datetime | None:
    parts = dict(zip(order, m.groups(), strict=True))
    month = parts["m"]
    month_no = int(month) if month.isdigit() else months.get(month.casefold())
    if not month_no:
        return None
    try:
        return datetime(int(parts["y"]), month_no, int(parts["d"]), tzinfo=UTC)
    except ValueError:
        return None


# A day and a month without the year: "20. Nov.", "Nov 20", "20 de nov.", "11月20日", "11월 20일".
_YEARLESS_WORD = re.compile(
    r"^\s*(?:(?P<d1>\d{1,2})(?:er|º|\.)?(?:\s+de)?\s+(?P<m1>[^\W\d_]{3,})\.?"
    r"|(?P<m2>[^\W\d_]{3,})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)\s*$",
    re.IGNORECASE,
)
_YEARLESS_CJK = re.compile(r"^\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]\s*$")


def find_yearless(text: str, as_of: datetime) -> Age | None:
    """A line that is a day and a month alone, without the year ("20. Nov.", "Nov 20",
    "11月20日"), as the latest such day not after `as_of` (a listing shows this year's dates
    so, last year's once the year has turned)."""
    if len(text) > _YEARLESS_MAX or _YEAR_DIGITS.search(text):
        return None
    text = without_weekday(text)  # "Sun 11 Oct", "Sonntag, 11. Okt."
    if m := _YEARLESS_CJK.match(text):
        month, day = int(m.group("m")), int(m.group("d"))
    elif m := _YEARLESS_WORD.match(text):
        name = (m.group("m1") or m.group("m2")).casefold()
        month = _date_patterns().months.get(name) or _date_patterns().months.get(_plain(name), 0)
        day = int(m.group("d1") or m.group("d2"))
    else:
        return None
    for year in (as_of.year, as_of.year - 1):
        try:
            when = datetime(year, month, day, tzinfo=UTC)
        except ValueError:
            return None  # no such day (or no month's name)
        if when.date() <= as_of.date():
            return Age(start=m.start(), text=text.strip(), when=when)
    return None


def parse_absolute(text: str) -> datetime | None:
    """The first absolute date in `text`.

    ISO 8601 (with time and offset), "July 15, 2025", "15 juillet 2025", "29 de marzo de
    2022", "3. März 2024", "2025年7月15日".
    """
    if not _YEAR_DIGITS.search(text):
        return None
    p = _date_patterns()
    if m := p.iso.search(text):
        return _iso(m)
    for order in _ORDERS[1:]:
        if found := _first(text, order):
            return found.when
    return None


# --------------------------------------------------------------------------- whole fields


def parse_date(text: str | None, as_of: datetime, language: str | None = None) -> datetime | None:
    """A relative age or an absolute date, whichever the text holds; None if neither.

    All-number dates ("14/01/2020", "16.08.2019", "2021/8/11"), whose order of day and
    month depends on the language, go to dateparser, which must find a day, a month and a
    year in them (its first call loads its languages: about a second); `language`, when
    known, says the order ("03/05/2025" is 3 May in French, March 5 in English)."""
    if not text or not text.strip():
        return None
    found = parse_relative(text.strip(), as_of) or parse_absolute(text)
    if found is None and (yearless := find_yearless(text, as_of)) is not None:
        return yearless.when
    numeric = _NUMERIC_DATE.search(text) if found is None else None
    if numeric and numeric.group(2) == ".":
        return _day_first(numeric.group(0), as_of)
    if numeric:  # the whole text first: its words tell the language, hence the order
        as_of = _aware(as_of)
        lang = language.split("-")[0] if language else None
        found = _dateparser(" ".join(text.split())[:200], as_of, lang) or _dateparser(
            numeric.group(0), as_of, lang
        )
    return found


# Year first ("2021/8/11", "2024-5-7"), or day and month first with the year last.
_NUMERIC_DATE = re.compile(
    r"(?<!\d)(?:\d{4}([./-])\d{1,2}\1\d{1,2}|\d{1,2}([./-])\d{1,2}\2\d{2,4})(?!\d)"
)


def _day_first(text: str, as_of: datetime) -> datetime | None:
    """ "08.11.2026": dots put the day first wherever they are written (German, Polish,
    Russian, Turkish...; month-first writers use slashes), so no language need tell it."""
    day, month, year = (int(p) for p in text.split("."))
    if year < 100:
        year += 2000 if 2000 + year <= _aware(as_of).year + 1 else 1900
    try:
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _dateparser(text: str, as_of: datetime, language: str | None = None) -> datetime | None:
    import dateparser  # costly import (about 0.1 s): only for texts the patterns miss

    settings: Any = {
        "RELATIVE_BASE": as_of.astimezone(UTC).replace(tzinfo=None),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
    }
    try:
        languages = [language] if language in LANGUAGES else list(LANGUAGES)
        value = dateparser.parse(text, languages=languages, settings=settings)
    except Exception:  # dateparser on untrusted text: whatever fails, it is "no date"
        return None
    return value.astimezone(UTC) if value is not None else None
