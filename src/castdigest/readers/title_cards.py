"""The episode a player card names: a page about an episode (a newspaper's article, a news
site's story) may head itself with its own headline and set the episode's player in its
text, captioned with the show, the episode's number and its title ("Ponto de Pauta #118 —
Seca no DF: a água vai faltar?" over "00:00" / "41:27"). The caption names the episode."""

from __future__ import annotations

import itertools
import re
from functools import cache

from castdigest.readers.chrome import normalise
from castdigest.readers.line_dates import zero_clock
from castdigest.readers.title_signals import vocabulary

_CAPTION_MAX = 160  # characters of a player card's caption


def card_title(lines: list[str]) -> str | None:
    """The caption of a player card right over the player's start, numbered (the show, the
    episode's number, a dash, its title); None when the page shows no such card."""
    shown = [ln.strip() for ln in lines if ln.strip()]
    pattern = _numbered_caption()
    for caption, under in itertools.pairwise(shown):
        if len(caption) <= _CAPTION_MAX and zero_clock(under) and pattern.match(caption):
            return caption
    return None


def names_another(card: str, title: str) -> bool:
    """The card names an episode the title does not: neither holds the other's words (an
    episode's page shows its title again in its player's card)."""
    c, t = normalise(card), normalise(title)
    return bool(c) and bool(t) and c not in t and t not in c


@cache
def _numbered_caption() -> re.Pattern[str]:
    """A show's name, an episode's number (titles.json `number_marks` or `words`), a dash or
    a bar, then the episode's title."""
    data = vocabulary()
    marks = {w for ws in data["number_marks"].values() for w in ws}
    marks |= {w for ws in data["words"].values() for w in ws}
    words = "|".join(re.escape(w) for w in sorted(marks, key=len, reverse=True))
    return re.compile(
        rf"^\S.{{1,60}}?\s(?:{words})\s?\d{{1,4}}\s*[—–|:-]\s*\S.{{4,}}$", re.IGNORECASE
    )
