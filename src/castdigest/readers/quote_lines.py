"""Quotations a saved page sets apart: a line wholly in quotation marks ("…", “…”, «…»,
「…」), with who said it after a dash on the line or the next one, or named on the line under
it ("Marloes de Vries, forens uit Kapelle"); `> ` block quotes; a paragraph of direct speech
opening with a dash or attributed by a verb of saying ("“…,” says Ann Lee.", "– …, säger
hon."); the lines under a quotes heading. Quoted words inside prose are reported speech, not
quotes. The verbs and particles of saying are `data/speech.json`.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from itertools import takewhile

from castdigest.models import Quote
from castdigest.readers.chapter_lines import classify
from castdigest.readers.title_people import full_name
from castdigest.readers.title_signals import byline

_PAIRS = {'"': '"', "“": "”", "„": "“”", "«": "»", "「": "」", "『": "』", "”": "”", "‘": "’"}
# Single quotation marks quote in a headline too ("‘Highlife is not dying’ – Name on …"):
# a line in them is a quote only with who said it on the line under it.
_SINGLE = "‘"
_WHOLE_QUOTE = re.compile(
    r"^(?:\d{1,3}[.)]\s*)?(?P<open>[\"“„«「『”‘])\s*(?P<text>.+?)\s*(?P<close>[\"”“»」』’])"
    r"[.,!?。]?\s*(?:[-—–―~─]{1,2}\s*(?P<who>[^\s].{0,79})|[（(](?P<named>[^\W\d_][^()（）]{0,39})[)）])?$"
)  # the speaker after a dash, or in brackets: "「…」（佐伯 遥）"
_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")  # "it’s", "l’eau": no closing single quote
_QUOTE_CJK = 8  # CJK characters of a quotation that says something
_PARTICLE_QUOTE = re.compile(
    r"^(?P<open>[「『“])(?P<text>[^「」『』“”]+)(?P<close>[」』”])(?P<particle>[ぁ-ゖ]{1,2})"
    r"(?P<who>[^\s「」『』、。]{1,15}?)[。.]?$"
)
_SAID_QUOTE = re.compile(
    r"^(?P<open>[\"“„«”])\s*(?P<text>.+?)\s*(?P<close>[\"”“»])[,.]?\s+(?P<tail>[^\"“”„«»]{2,80})$"
)
_ATTRIBUTION = re.compile(r"^\s*[—–―-]{1,2}\s*(?P<who>\S.{0,79})$")
_MAX_QUOTE = 600
_DASHES = ("– ", "— ", "―")  # a paragraph of direct speech opens with one
_SAID_WORDS = 6  # words of an attribution after the quote ("berättar seismologen Henrik Sjödahl")
_QUOTE_WORDS = 5
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TERMINAL = re.compile(r"[.!?。！？…][\"'”’»」)]*$")
_CLOSING_MARKS = ('"', "”", "“", "»", "」", "』", "’")  # what closes a quotation (German: “)
_MAX_QUOTES = 30  # lines under a quotes heading read as quotes, at most


def is_quote_line(line: str) -> bool:
    """A line that is one quotation, in its marks ("“We expected a boomerang.”")."""
    return quote_of(line.strip()) is not None


def quote_of(line: str, single: bool = False) -> Quote | None:
    """The line as one quotation; in single quotation marks only when `single`."""
    m = _WHOLE_QUOTE.match(line)
    if not m or m.group("close") not in _PAIRS[m.group("open")]:
        return None
    if m.group("open") == _SINGLE and not single:
        return None
    text = m.group("text").strip()
    if m.group("close") in _APOSTROPHE.sub("", text) or len(text) > _MAX_QUOTE:
        return None  # two quotations on one line, or a passage
    if len(text.split()) < 4 and len(_CJK.findall(text)) < 8:
        return None
    quote = Quote(text=text)
    if who := m.group("who") or m.group("named"):
        _attribute(quote, who)
    return quote


_CREDIT_LINE = 80  # characters of the line naming who said a quotation set apart


def pull_quote(line: str, under: str) -> Quote | None:
    """A quotation set apart as its own paragraph with who said it on the line under it
    ("‘We hebben het dorp niet gered …’" / "Griet Van Damme, schepen in Zoersel", or "— Ann
    Lee"): the quote, its speaker named; None when the line under names no one."""
    quote = quote_of(line.strip(), single=True)
    s = under.strip()
    if quote is None or not s or len(s) > _CREDIT_LINE or _TERMINAL.search(s):
        return None
    if m := _ATTRIBUTION.match(s):
        _attribute(quote, m.group("who"))
        return quote
    name = s.partition(",")[0].strip()
    if not full_name(name):
        return None
    quote.speaker, quote.context = name, s
    return quote


def _attribute(quote: Quote, who: str) -> None:
    who = who.strip()
    quote.context = who
    if len(who) <= 40 and len(who.split()) <= 4 and not any(c in who for c in "《(,"):
        quote.speaker = who


def quote_lines(lines: list[tuple[int, str]]) -> list[Quote]:
    """Lines wholly in quotation marks, `> ` block quotes, dashed and said quotations, with
    who said them; `lines` are (index, text) pairs, as a section holds them."""
    quotes: list[Quote] = []
    block: list[str] = []
    shown = [s for _, s in lines]
    under = _next_shown(shown)
    credit = -1  # the line under a quotation set apart that says who said it
    for k, (_, s) in enumerate([*lines, (-1, "")]):
        if _clip_title(shown, k) or k == credit:
            continue
        below = shown[under[k]] if k < len(shown) and under[k] >= 0 else ""
        if s and (pulled := pull_quote(s, below)):
            quotes.append(pulled)  # "‘…’" / "Marloes de Vries, forens uit Kapelle", "— Ann Lee"
            credit = under[k]
            continue
        if s.startswith(">"):
            block.append(s.lstrip("> ").strip())
            continue
        if block:
            text = " ".join(b for b in block if b).strip('"“”«» ')
            if text and len(text) <= _MAX_QUOTE:
                quotes.append(Quote(text=text))
            block = []
        if (m := _ATTRIBUTION.match(s)) and quotes and quotes[-1].context is None:
            _attribute(quotes[-1], m.group("who"))
        elif _headline(shown, under, k):
            continue  # "« Je suis retournée … »" / lede / "Par …": an article's headline
        elif s and (quote := quote_of(s) or dash_quote(s) or said_quote(s)):
            quotes.append(quote)
    return quotes


def _next_shown(shown: list[str]) -> list[int]:
    """For each line, the index of the next non-blank line under it (-1: none), found in one
    pass from the end."""
    out = [-1] * len(shown)
    following = -1
    for k in range(len(shown) - 1, -1, -1):
        out[k] = following
        if shown[k]:
            following = k
    return out


def _headline(shown: list[str], under: list[int], k: int) -> bool:
    """The line at `k` stands over its byline, or over a lede and its byline: a headline,
    though it is wholly in quotation marks."""
    if k >= len(shown) or (first := under[k]) < 0 or not shown[k].endswith(_CLOSING_MARKS):
        return False  # a quotation with its speaker after it on its line is no headline
    if is_quote_line(shown[first]):
        return False  # quotations one under the other
    second = under[first]
    return byline(shown[first]) or (
        second >= 0 and len(shown[first]) > len(shown[k]) and byline(shown[second])
    )


def _clip_title(shown: list[str], k: int) -> bool:
    """The line at `k`, in quotation marks right under a clip's time alone ("05:47" /
    "“Tears on my first free Monday”") and not attributed under it, is the clip's title."""
    if not 0 < k < len(shown) or classify(k - 1, shown[k - 1], None).kind != "time":
        return False
    under = shown[k + 1] if k + 1 < len(shown) else ""
    return quote_of(shown[k]) is not None and not _ATTRIBUTION.match(under)


def said_quote(line: str) -> Quote | None:
    """A paragraph of a quotation attributed after it by a verb of saying ("“It took two
    years,” says Ann Lee.", "„Wir haben …“, sagt Ambrosch im Gespräch.", "“…,” Ann Lee
    said.") or a quotative particle ("「…」と望月さん。"): the quote, its speaker the capitalised
    words next to the verb, or the name after the particle."""
    if particle := _particle_quote(line.strip()):
        return particle
    m = _SAID_QUOTE.match(line.strip())
    if not m or m.group("close") not in _PAIRS[m.group("open")] or len(line) > _MAX_QUOTE:
        return None
    text = m.group("text").strip().rstrip(",")
    words = m.group("tail").rstrip(".!").split()
    if len(text.split()) < _QUOTE_WORDS or m.group("close") in text or len(words) > _SAID_WORDS:
        return None
    verbs = speech_words("said")
    said = [k for k, w in enumerate(words) if w.casefold().split("-")[0] in verbs]
    if not said or said[0] not in (0, len(words) - 1):
        return None
    after = words[said[0] + 1 :] if said[0] == 0 else list(reversed(words[:-1]))
    name = list(takewhile(lambda w: w[:1].isupper(), after))
    if not name:
        return None  # "“…,” she said.": the story's next line, told in its flow, not set apart
    return Quote(text=text, speaker=" ".join(name if said[0] == 0 else name[::-1]))


def _particle_quote(line: str) -> Quote | None:
    m = _PARTICLE_QUOTE.match(line)
    if m is None or m.group("close") not in _PAIRS[m.group("open")]:
        return None
    if m.group("particle") not in speech_words("particles"):
        return None
    text = m.group("text").strip()
    if len(_CJK.findall(text)) < _QUOTE_CJK:
        return None
    return Quote(text=text, speaker=m.group("who"))


def dash_quote(line: str) -> Quote | None:
    """A paragraph of direct speech opening with a dash and attributed at its end ("– Ingen
    dog, och då blir det ingen berättelse, säger hon.", "— It took two years, says Ann Lee."):
    the quote, its speaker the name after the verb (none for a pronoun)."""
    s = line.strip()
    if not s.startswith(_DASHES) or len(s) > _MAX_QUOTE:
        return None
    body = s[1:].strip()
    # the attribution after a comma, or after a dash as in Polish and Russian ("… – mówi X.")
    cut, width = max((body.rfind(sep), len(sep)) for sep in (", ", " – ", " — "))
    if cut < 0:
        return None
    text, tail = body[:cut].strip(), body[cut + width :].strip().rstrip(".!")
    words = tail.split()
    if not words or len(words) > _SAID_WORDS or len(text.split()) < _QUOTE_WORDS:
        return None
    if words[0].casefold().split("-")[0] not in speech_words("said"):
        return None
    name: list[str] = []  # the capitalised words ending it: "Henrik Sjödahl", not "hon"
    for word in reversed(words[1:]):
        if not word[:1].isupper():
            break
        name.insert(0, word)
    return Quote(text=text, speaker=" ".join(name) or None)


@cache
def speech_words(kind: str) -> frozenset[str]:
    """speech.json's words of `kind` ("said", "asked", "answered", "particles"), every
    language's."""
    return frozenset(w.casefold() for words in _speech()[kind].values() for w in words)


@cache
def _speech() -> dict[str, dict[str, list[str]]]:
    raw = resources.files(__package__).joinpath("data/speech.json").read_text("utf-8")
    return {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}


def quotes_under(lines: list[str]) -> list[Quote]:
    """The quotes under a quotes heading, given the lines up to the next heading."""
    return headed_quotes(list(enumerate(ln.strip() for ln in lines)))


def headed_quotes(section: list[tuple[int, str]]) -> list[Quote]:
    """Lines in quotation marks (and their attributions) when the section has any; else
    its lines up to the first blank line or heading-like line (the page goes on after)."""
    lines = [(i, s) for i, s in section if s]
    marked = [s for _, s in lines if quote_of(s) or s.startswith(">")]
    if marked:
        return quote_lines(lines)
    quotes: list[Quote] = []
    previous = -1
    for i, s in lines:
        if quotes and i > previous + 1:
            break  # a blank line ends the list
        previous = i
        if (m := _ATTRIBUTION.match(s)) and quotes and quotes[-1].context is None:
            _attribute(quotes[-1], m.group("who"))
            continue
        if len(s) > _MAX_QUOTE or len(quotes) >= _MAX_QUOTES or not _TERMINAL.search(s):
            break
        quotes.append(Quote(text=s))
    return quotes


def line_quote(line: str) -> Quote | None:
    """The quote a line wholly in quotation marks holds ("1) “...”" too), else None."""
    return quote_of(line.strip())
