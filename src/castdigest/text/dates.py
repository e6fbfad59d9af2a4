"""Dates as pages write them: relative ages ("il y a 3 jours", "3天前") and absolute dates.

Relative ages resolve against a reference instant (`ReadContext.as_of`, from `--as-of` or the
file's mtime); callers keep the original wording in `Episode.published_text`. Every function
here is pure and returns timezone-aware datetimes (UTC unless the text names an offset).
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

# Units in seconds; months and years are calendar arithmetic (see `_minus`).
_MINUTE, _HOUR, _DAY, _WEEK = 60, 3600, 86400, 7 * 86400
_MONTH, _YEAR = -1, -12  # markers: negative = months

_EN_UNITS = {
    "second": 1,
    "sec": 1,
    "minute": _MINUTE,
    "min": _MINUTE,
    "hour": _HOUR,
    "hr": _HOUR,
    "day": _DAY,
    "week": _WEEK,
    "month": _MONTH,
    "year": _YEAR,
}
_FR_UNITS = {
    "seconde": 1,
    "minute": _MINUTE,
    "min": _MINUTE,
    "heure": _HOUR,
    "h": _HOUR,
    "jour": _DAY,
    "semaine": _WEEK,
    "mois": _MONTH,
    "an": _YEAR,
    "année": _YEAR,
}
_ZH_UNITS = {
    "秒": 1,
    "分钟": _MINUTE,
    "分鐘": _MINUTE,
    "小时": _HOUR,
    "小時": _HOUR,
    "个小时": _HOUR,
    "個小時": _HOUR,
    "天": _DAY,
    "日": _DAY,
    "周": _WEEK,
    "週": _WEEK,
    "星期": _WEEK,
    "个星期": _WEEK,
    "個星期": _WEEK,
    "个月": _MONTH,
    "個月": _MONTH,
    "月": _MONTH,
    "年": _YEAR,
}
_KO_UNITS = {
    "초": 1,
    "분": _MINUTE,
    "시간": _HOUR,
    "일": _DAY,
    "주": _WEEK,
    "주일": _WEEK,
    "개월": _MONTH,
    "달": _MONTH,
    "년": _YEAR,
}
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "한": 1, "一": 1, "两": 2, "兩": 2}
_NAMED = {  # days back
    "today": 0,
    "yesterday": 1,
    "aujourd'hui": 0,
    "aujourd’hui": 0,
    "hier": 1,
    "avant-hier": 2,
    "今天": 0,
    "昨天": 1,
    "前天": 2,
    "오늘": 0,
    "어제": 1,
    "그저께": 2,
}


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUM = r"(?P<n>\d{1,4}|(?<!\w)(?:an|a|one|une|un))"
# Each pattern ends at the end of the text, so a show name glued in front ("Latent Spaceil y a
# 3 jours") is left for the caller; none can backtrack more than a few characters.
_RELATIVE = re.compile(
    r"(?:"
    rf"(?:{_NUM}\s+(?P<en>{_alt(list(_EN_UNITS))})s?\s+ago)"
    rf"|(?:il\s+y\s+a\s+{_NUM.replace('?P<n>', '?P<nf>')}\s+(?P<fr>{_alt(list(_FR_UNITS))})s?)"
    rf"|(?:(?P<nz>\d{{1,4}}|一|两|兩)\s*(?P<zh>{_alt(list(_ZH_UNITS))})(?:之)?前)"
    rf"|(?:(?P<nk>\d{{1,4}}|한)\s*(?P<ko>{_alt(list(_KO_UNITS))})\s*전)"
    rf"|(?P<named>{_alt(list(_NAMED))})"
    r")\s*$",
    re.IGNORECASE,
)

_MONTHS = {
    **{
        m: i + 1
        for i, m in enumerate(
            "january february march april may june july august september october november"
            " december".split()
        )
    },
    **{
        m: i + 1
        for i, m in enumerate(
            "janvier février mars avril mai juin juillet août septembre octobre novembre"
            " décembre".split()
        )
    },
    **{m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())},
    "sept": 9,
    "fevrier": 2,
    "aout": 8,
    "decembre": 12,
    "janv": 1,
    "févr": 2,
    "avr": 4,
    "juil": 7,
    "déc": 12,
}
_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
    r"(Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
)
_MONTH_NAME = _alt(list(_MONTHS))
_EN_DATE = re.compile(rf"\b({_MONTH_NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_FR_DATE = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTH_NAME})\.?,?\s+(\d{{4}})\b", re.I)
_CJK_DATE = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")


@dataclass(frozen=True)
class Age:
    """A relative age found in a text: where it starts, its wording, and the resolved instant."""

    start: int
    text: str
    when: datetime


def _number(raw: str | None) -> int:
    if raw is None:
        return 1
    return _WORD_NUMBERS.get(raw.lower()) or int(raw)


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
    m = _RELATIVE.search(text[-60:])
    if not m:
        return None
    as_of = _aware(as_of)
    offset = len(text) - len(text[-60:])
    if m.group("named"):
        when = as_of - timedelta(days=_NAMED[m.group("named").lower()])
    else:
        for num, unit, table in (
            ("n", "en", _EN_UNITS),
            ("nf", "fr", _FR_UNITS),
            ("nz", "zh", _ZH_UNITS),
            ("nk", "ko", _KO_UNITS),
        ):
            if m.group(unit):
                key = m.group(unit).lower()
                when = _minus(as_of, _number(m.group(num)), table[key])
                break
        else:  # pragma: no cover - the regex has no other branch
            return None
    return Age(start=offset + m.start(), text=m.group(0).strip(), when=when)


def parse_relative(text: str, as_of: datetime) -> datetime | None:
    """The instant a whole relative age ("3 days ago", "hier", "3일 전") names, else None."""
    age = find_relative(text, as_of)
    return age.when if age and age.start == len(text) - len(text.lstrip()) else None


def find_absolute(text: str) -> Age | None:
    """The first absolute date in `text`, with where it starts and its wording."""
    best: Age | None = None
    for pattern in (_ISO, _EN_DATE, _FR_DATE, _CJK_DATE):
        m = pattern.search(text)
        if m and (best is None or m.start() < best.start):
            when = parse_absolute(m.group(0))
            if when is not None:
                best = Age(start=m.start(), text=m.group(0), when=when)
    return best


def parse_absolute(text: str) -> datetime | None:
    """The first absolute date in `text`.

    ISO 8601 (with time and offset), "July 15, 2025", "15 juillet 2025", "2025年7月15日".
    """
    if m := _ISO.search(text):
        y, mo, d, hh, mi, ss, tz = m.groups()
        try:
            value = datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0))
        except ValueError:
            return None
        if tz and tz != "Z":
            return datetime.fromisoformat(value.isoformat() + tz[:3] + ":" + tz[-2:])
        return value.replace(tzinfo=UTC)
    for pattern, order in ((_EN_DATE, "mdy"), (_FR_DATE, "dmy"), (_CJK_DATE, "ymd")):
        if m := pattern.search(text):
            parts = dict(zip(order, m.groups(), strict=True))
            month = parts["m"]
            month_no = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
            try:
                return datetime(int(parts["y"]), month_no or 0, int(parts["d"]), tzinfo=UTC)
            except ValueError:
                continue
    return None


def parse_date(text: str | None, as_of: datetime) -> datetime | None:
    """A relative age or an absolute date, whichever the text holds; None if neither."""
    if not text or not text.strip():
        return None
    return parse_relative(text.strip(), as_of) or parse_absolute(text)
