"""The furniture around a page's title that is a column of links: a site's menu (short
items, one a line, in any language), the kicker that ends it over the headline, the links
under a "Links" heading. `page_title` never takes its title from them.
"""

from __future__ import annotations

import re
from itertools import takewhile

from castdigest.readers.chrome import chrome_kind, is_chrome, share_button
from castdigest.readers.heading_words import heading_kind
from castdigest.readers.line_dates import is_date_line
from castdigest.readers.page_dates import is_date_or_length_label
from castdigest.readers.sections import heading_key, is_bullet
from castdigest.text.truncate import display_width

_MENU_ITEM = 14  # width (a CJK character counts two) of a menu item alone on its line
_MENU_RUN = 8  # short items that make a menu
_TABS = 5  # short items over a breadcrumb that make a section's tabs
_TAB_BAR = 4  # short items right over a title and its date: a programme's tabs
_MENU_COLUMN = 8  # lines under a site's name looked at for its menu's column
_MENU_ITEM_LONG = 24  # width of a longer item inside a menu's run ("WHYY Member Portal")
_MENU_ITEM_WORDS = 4
_MENU_LONG_RUN = 2  # longer items in a row inside a menu
_KICKER = 40  # characters of a section's or a show's name over a headline
_LINKS_HEADING = 40
_SENTENCE_MARK = re.compile(r"[.!?。！？:：]")


def menu_runs(head: list[tuple[int, str]]) -> set[int]:
    """Positions in `head` of runs of eight or more very short lines in a row ("首页", "番剧",
    "直播", ...), perhaps with a longer item or two among them ("Radio & Podcasts"): a site's
    menu, one item a line, in any language."""
    found: set[int] = set()
    run: list[int] = []
    lines = [s for _, s in head] + ["x" * (_MENU_ITEM + 1)]
    widths = [display_width(s) for s in lines]
    for k, width in enumerate(widths):
        if width <= _MENU_ITEM or (run and k + 1 < len(lines) and _long_item(lines, widths, k)):
            run.append(k)
            continue
        short = sum(1 for j in run if widths[j] <= _MENU_ITEM)
        # eight short items at least, the longer ones among them; fewer right over the path
        # to the page ("Home > Shows > …"): a section's tabs, over where the page is
        if short >= _MENU_RUN or (short >= _TABS and chrome_kind(lines[k]) == "breadcrumb"):
            found.update(run)
        elif short >= _TAB_BAR and _dated_under(lines, widths, k):
            # a programme's tabs right over the episode's title and its date ("프로그램 소개"
            # / "다시듣기" / "사연과 신청곡" / "선곡표" / title / "2026.11.23 (월)")
            found.update(run)
        run = []
    return found


_POST_FIELDS = 4  # lines of a post's fields between its title and its date, at most


def _dated_under(lines: list[str], widths: list[int], k: int) -> bool:
    """lines[k] is over a date, right under it or past a post's short fields and their
    values ("작성자" / "마음한스푼" / "등록일" / "2026.11.23"): a title and its date. (One
    short line between is the date's label, or the show's name under its title or over it.)"""
    for j in range(k + 1, min(k + 2 + _POST_FIELDS, len(lines) - 1)):
        if is_date_line(lines[j]):
            return j != k + 2 or is_date_or_length_label(lines[k + 1])
        if widths[j] > _MENU_ITEM:
            return False
    return False


def _long_item(lines: list[str], widths: list[int], k: int) -> bool:
    """A longer menu item between short ones ("Home" / "Radio & Podcasts" / "TV"): a few
    words, no sentence, a short item under it (a headline after a menu has its dek)."""
    for j in range(k, min(k + _MENU_LONG_RUN, len(lines) - 1)):
        if not (
            widths[j] <= _MENU_ITEM_LONG
            and len(lines[j].split()) <= _MENU_ITEM_WORDS
            and not _SENTENCE_MARK.search(lines[j])
        ):
            return False
        if widths[j + 1] <= _MENU_ITEM:
            return True  # two longer items may stand together ("Watch on Demand" / ...)
    return False


def menu_tails(head: list[tuple[int, str]], menus: set[int]) -> set[int]:
    """Positions in `head` of a short line that ends a menu's column, a blank line under it
    ("... / Podcasts / Morning Brief" / "" / the headline): the section or the show the page
    sits in, named over the article as its kicker."""
    return {
        k
        for k in range(1, len(head))
        if (k not in menus or k + 1 not in menus)  # past the column, or its last item
        and k - 1 in menus
        and head[k - 1][0] == head[k][0] - 1
        and (k + 1 == len(head) or head[k + 1][0] > head[k][0] + 1)
        and len(head[k][1]) <= _KICKER
    }


def linked(head: list[tuple[int, str]]) -> set[int]:
    """Positions in `head` of the lines under a links heading ("Links:", "Liens", "Quellen")
    up to the next blank line: the texts of links (a book, another episode), never the
    page's title."""
    found: set[int] = set()
    for k, (i, s) in enumerate(head):
        if len(s) > _LINKS_HEADING or heading_kind(s) != "sources":
            continue
        for j in range(k + 1, len(head)):
            if head[j][0] != i + (j - k):
                break  # a blank line ends the list
            found.add(j)
    return found


def menu_under(head: list[tuple[int, str]], k: int) -> bool:
    """The next lines are a menu: two of interface words, or, under the page's first line, a
    short column of sections and two interface words or more ("探索" / "沙龍" / "寫作" /
    "登入" / "註冊"): head[k] is the site's name."""
    under = [line for _, line in head[k + 1 : k + 3]]
    if len(under) == 2 and all(chrome_kind(line) for line in under):
        return not any(share_button(line) for line in under)  # not a title's share row
    if k:
        return False  # a title has its buttons under it ("Share" / "Save" / "Like")
    column = list(
        takewhile(
            lambda line: display_width(line) <= _MENU_ITEM,
            (line for _, line in head[k + 1 : k + 1 + _MENU_COLUMN]),
        )
    )
    worded = sum(1 for line in column if chrome_kind(line))
    return len(column) >= 3 and 2 <= worded < len(column)


_MENU_SCAN = 80  # lines at the page's top where its menu stands
_CRUMB_WORDS = 3  # words of the item under a crumb ("Podcasts")


def without_menu_headings(lines: list[str], names: dict[str, str]) -> list[str]:
    """`lines`, those naming a section ("Insights", "Transcripts": a key of `names`) blanked
    where they are items of the site's menu or of the path to the page: no section heads."""
    head = [(i, s.strip()) for i, s in enumerate(lines[:_MENU_SCAN]) if s.strip()]
    items = menu_runs(head) | {k for k in range(1, len(head) - 1) if _crumb(head, k)}
    items |= {k for k in range(1, len(head) - 2) if _in_column(head, k, names)}
    menu = {head[k][0] for k in items if heading_key(head[k][1], names)}
    return ["" if i in menu else line for i, line in enumerate(lines)] if menu else lines


_PROSE_KEYS = frozenset({"takeaways", "points", "summary"})  # sections of sentences


def _in_column(head: list[tuple[int, str]], k: int, names: dict[str, str]) -> bool:
    """head[k] names a section of sentences ("Insights") between short items, one over it and
    two under it ("Who we work with" / "Insights" / "Careers" / "About"): a menu's item."""
    found = heading_key(head[k][1], names)
    if found is None or found[0] not in _PROSE_KEYS:
        return False
    return all(_short_item(head[j][1]) for j in (k - 1, k + 1, k + 2))


def _short_item(line: str) -> bool:
    """A menu's item: a few words, no digit, no sentence's end, no bullet."""
    return (
        len(line.split()) <= _CRUMB_WORDS + 1
        and not any(c.isdigit() for c in line)
        and not line.endswith((".", ":", "?", "!", "。"))
        and not is_bullet(line)
    )


def _crumb(head: list[tuple[int, str]], k: int) -> bool:
    """head[k] stands in a column of the path to the page ("Home" / "Insights" /
    "Podcasts"): site furniture over it, a short item that is no list's bullet under it."""
    under = head[k + 1][1]
    return (
        is_chrome(head[k - 1][1])
        and len(under.split()) <= _CRUMB_WORDS
        and not is_bullet(under)
        and not under.endswith((".", ":", "?", "!"))
    )
