"""The episode a player card names: a page about an episode (a newspaper's article, a news
site's story) may head itself with its own headline and set the episode's player in its
text, captioned with the show, the episode's number and its title ("Ponto de Pauta #118 —
Seca no DF: a água vai faltar?" over "00:00" / "41:27"). The caption names the episode."""

from __future__ import annotations

import re
from functools import cache

from castdigest.readers.chrome import chrome_kind, is_label
from castdigest.readers.line_dates import clock_length, has_date, length_seconds, zero_clock
from castdigest.readers.title_signals import vocabulary
from castdigest.text.normalize import fold

_CAPTION_MAX = 160  # characters of a player card's caption
_CARD_LINES = 3  # the caption, then at most two of the card's name lines over its player
_NAME_MAX = 40  # characters of a name line in a card (the show's, the publisher's)
_CLOSING = ".!?:;,)"  # a line ending so is a sentence or a label, no card's name


def card_title(lines: list[str]) -> str | None:
    """The caption of a player card over the player's start, numbered (the show, the
    episode's number, a dash, its title; or the number and the title, the show's name on a
    line of its own); None when the page shows no such card."""
    shown = [ln.strip() for ln in lines if ln.strip()]
    pattern = _numbered_caption()
    for k, line in enumerate(shown):
        if not zero_clock(line):
            continue
        # the caption, or the caption over the card's short name lines (its publisher's)
        for caption in reversed(shown[max(0, k - _CARD_LINES) : k]):
            if len(caption) <= _CAPTION_MAX and pattern.match(caption):
                return caption
            if not card_name(caption):
                break
    return _listened_card(shown)


def _listened_card(shown: list[str]) -> str | None:
    """The title on a player card under its button or its label: the button, the show's
    name (named again on the page), the title, the player's length ("Kuula saadet" /
    "Ehitajate ring" / "Hinnasõda riigihangetes: kes selle kinni maksab?" / "34:12";
    "Podcast" / <show> / "#57 …" / "41 min")."""
    for k in range(3, len(shown)):
        if clock_length(shown[k]) is None and length_seconds(shown[k]) is None:
            continue
        button, show, caption = shown[k - 3], shown[k - 2], shown[k - 1]
        if (
            (chrome_kind(button) == "interface words" or is_label(button))  # or "Podcast"
            and _worded(show)
            and _worded(caption)  # not the player's times ("Audio Player" / "00:00" / …)
            and card_name(show)
            and not chrome_kind(show)
            and len(caption) <= _CAPTION_MAX
            and not chrome_kind(caption)
            and not has_date(caption)  # "Harriet Okafor" / "Published November 19 2026"
            and sum(1 for line in shown if show in line) >= 2
        ):
            return caption
    return None


def _folded(line: str) -> str:
    """The line's words alone ("Ep. 12 – De ce …" and "…, ep. 12. De ce …" hold the same)."""
    return fold(line).strip()


def names_another(card: str, title: str) -> bool:
    """The card names an episode the title does not: neither holds the other's words, nor
    do they show one title after different prefixes (an episode's page shows its title again
    in its player's card: "Family Health Hour: Talking …" and "Episode 41: Talking …")."""
    c, t = _folded(card), _folded(title)
    if not (c and t) or c in t or t in c:
        return False
    return _folded(_PREFIX.sub("", card)) != _folded(_PREFIX.sub("", title))


# a show's name or an episode's number, then the title
_PREFIX = re.compile(r"^[^:：|｜–—]{1,60}[:：|｜–—]\s*")


def card_name(line: str) -> bool:
    """A short line that ends neither a sentence nor a label: a name on a player's card (the
    show's, the publisher's)."""
    return 0 < len(line) <= _NAME_MAX and line[-1] not in _CLOSING


def _worded(line: str) -> bool:
    return any(c.isalpha() for c in line)


@cache
def _numbered_caption() -> re.Pattern[str]:
    """A show's name (or none: it stands on a line of its own), an episode's number
    (titles.json `number_marks` or `words`), a dash, a bar or a colon, then the episode's
    title."""
    data = vocabulary()
    marks = {w for ws in data["number_marks"].values() for w in ws}
    marks |= {w for ws in data["words"].values() for w in ws}
    words = "|".join(re.escape(w) for w in sorted(marks, key=len, reverse=True))
    return re.compile(
        rf"^(?:\S.{{1,60}}?\s)?(?:{words})\s?\d{{1,4}}\s*[—–|:-]\s*\S.{{4,}}$", re.IGNORECASE
    )
