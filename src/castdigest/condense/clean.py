"""Cleaning spoken text for reading: fillers, stutters, annotations, leading discourse markers.

What a transcript says verbatim ("Um, so we we built, you know, a harness") becomes what a
careful editor prints ("We built a harness"): the words and their order are kept, only noise
is dropped, so a cleaned sentence is still found in its cleaned source (`match_key`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from operator import eq

from castdigest.text.frequency import zipf_table
from castdigest.text.language import is_cjk
from castdigest.text.normalize import fold
from castdigest.text.truncate import ELLIPSIS

# Annotations of transcribers: {disfmarker}, [laughter], (applause), [00:12:03].
_ANNOTATION = re.compile(
    r"\{[^{}\n]{0,40}\}|\[[^\[\]\n]{0,40}\]"
    r"|\((?:laughs?|laughter|applause|music|crosstalk|inaudible|coughs?|silence|pause|rires?)\)",
    re.IGNORECASE,
)
_FILLERS = {
    "en": r"um+|uh+m*|uhm+|erm+|er|eh|hmm+|mm+|mhm|ah+m*",
    "fr": r"euh+|heu+|hum+|bah|hmm+",
    "de": r"äh+m*|öh+m*|hmm+|hm",
    "es": r"ehm+|mmm+|este",
    "it": r"ehm+|mmm+",
    "pt": r"ahn+|hum+|éh+",
}
# Two passes per language, both cheap to scan for: a filler after a comma takes the comma
# with it ("on a, euh, construit" -> "on a construit"), then any other filler; a filler ends
# at a space, a full stop or CJK punctuation (English fillers in Chinese speech: "um。").
_LATIN_FILLER = {
    lang: (
        re.compile(rf",\s*\b(?:{pattern})\b(?![\w'’-])[,…]*(?=[\s.。！？，、]|$)", re.I),
        re.compile(rf"\b(?:{pattern})\b(?![\w'’-])[,…]*(?=[\s.。！？，、]|$)", re.I),
    )
    for lang, pattern in _FILLERS.items()
}
_CJK_FILLER = {
    "zh": re.compile(r"[嗯呃唔]+[，,。…]*|(?<![\u4e00-\u9fff])[啊额]+[，,…]+"),
    "ja": re.compile(r"(?:えー+と?|えっと|あのー+|あー+|うーん)[、,…]*"),
    "ko": re.compile(r"(?<!\S)(?:음+|으음|어+|아+|그+)(?:[,.…]+\s*|\s+(?=\S))(?=\S)"),
}
_HEDGE = {
    "en": re.compile(r",\s*(?:you know|I mean|like),(?=\s)|^(?:you know|I mean),?\s+", re.I),
    "fr": re.compile(r",\s*(?:tu vois|vous voyez|tu sais|en fait|quoi),(?=\s)", re.I),
}
# A lone lower-case letter other than "a" and "i" is a word broken off ("much better m like").
_CUT_OFF = re.compile(r"(?<![\w'’.-])[b-hj-z](?![\w'’.-])\s*")
# A word broken off and begun again ("des design", "lim limiting", "mult multi-channel"): up to
# five letters that the next word starts with, and that are no common word of their own
# (Zipf under `BROKEN_ZIPF`: "in instead", "the theory" and "an answer" stay), with a space
# between them ("pre-prepared" is one word).
_BROKEN_OFF = re.compile(r"(?<!\S)([^\W\d_]{1,5})(?: +(?:- *)?|- +)(?=\1[^\W\d_])", re.I)
BROKEN_ZIPF = 4.5
# Meeting transcripts (AMI, ICSI) write a contraction as two tokens ("we 're", "it 's"): the
# second would count as a word of its own and give the topic term "re".
_SPACED_CONTRACTION = re.compile(r"(?<=\w) (?=['’](?:re|s|ll|ve|d|m|t)(?![\w'’-]))", re.I)
# Letters spelled out, in the transcribers' notation ("L_C_D_ screen", "T_V_s"): the acronym.
_SPELLED = re.compile(r"(?<![\w'’-])(?:[A-Za-z]_){2,}(?=s?(?![\w'’-]))")
# "like" as a filler: before a verb in -ing or an adverb ("we're like setting up", "better
# like very fast"), unless a verb or subject that takes "like" comes before ("I like being").
_FILLER_LIKE = re.compile(
    r"\blike,?\s+(?=(?:[a-z]+ing|very|really|so|totally|just|literally|super|basically|"
    r"actually|maybe|kind of|sort of)\b)",
    re.IGNORECASE,
)
_TAKES_LIKE = frozenset(
    "i you we they he she it would 'd feel felt feels look looks looked seem seems seemed "
    "sound sounds sounded something anything nothing things stuff don't didn't doesn't "
    "really".split()
)
# Words for stutter detection, and what may stand between two repeats of a word or phrase.
_STUTTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_STUTTER_GAP = re.compile(r"\s*[,-]\s*|\s+")
_CJK_STUTTER = re.compile(
    r"([\u4e00-\u9fff])\1{2,}|(就是|然后|这个|那个|我们|所以|对对)(?:[，,]?\2)+"
)
# Discourse markers that open spoken sentences without adding content.
_LEADS = {
    "en": r"so|and|but|yeah|yes|yep|well|okay|ok|'kay|oh|right|now|like|i mean|you know|anyway"
    r"|also|actually|basically|honestly|sure|no|totally|exactly|absolutely|cool|great|wow"
    r"|and then|and so|but then|so then",
    "fr": r"donc|et|mais|alors|bon|ben|voilà|bah|en fait|du coup|oui|ouais|enfin|bref",
    "de": r"also|und|aber|ja|naja|gut|genau|ok|okay|dann",
    "es": r"pues|y|pero|bueno|entonces|sí|vale|o sea",
    "it": r"allora|e|ma|quindi|cioè|ecco|sì|ok|beh",
    "pt": r"então|e|mas|bom|pois|sim|tipo|ok",
}
_LEAD = {
    lang: re.compile(rf"^(?:(?:{pattern})(?:[,.!…]+\s*|\s+))+(?=\S)", re.IGNORECASE)
    for lang, pattern in _LEADS.items()
}
_CJK_LEAD = {
    "zh": re.compile(
        r"^(?:(?:然后呢|然后|所以|那么|就是|其实|但是|而且)[，,、]?|(?:那|嗯|对|好|啊)[，,、])+"
    ),
    "ko": re.compile(r"^(?:(?:그래서|그리고|근데|그런데|네|예|음|아|자|그러니까|이제)[,.]?\s+)+"),
    "ja": re.compile(r"^(?:(?:それで|で|まあ|あの|えっと|じゃあ)[、,]?)+"),
}
# An opening address to whoever chairs ("Mr. Chair, the measures ..."): said to the room, not
# part of the point (a committee's every answer opens so).
_ADDRESS = {
    "en": re.compile(
        r"^(?:(?:mr|mrs|ms|madam|madame)\.?\s*)?(?:chair|chairman|chairwoman|chairperson|speaker"
        r"|president|minister|deputy presiding officer)\s*,\s+(?=\S)",
        re.IGNORECASE,
    ),
}
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?%)\]])")
_DOUBLE_PUNCT = re.compile(r"([,;:])(?:\s*[,;:])+")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_DANGLING = re.compile(r"^[\s,;:.…\-–—]+")


def _lang(language: str | None) -> str:
    return (language or "en").split("-")[0].lower()


def clean_spoken(text: str, language: str | None = None) -> str:
    """`text` without annotations, fillers, stutters and hedges; words otherwise as said.
    Cleaning twice gives what cleaning once does: a pass that takes a filler out of a pair
    ("like like so") can leave one the passes take out when they see it alone ("like so"),
    so a text that changed is cleaned again, until it no longer does (at most three times)."""
    for _ in range(_CLEAN_PASSES):
        cleaned = _clean_once(text, language)
        if cleaned == text:
            break
        text = cleaned
    return text


_CLEAN_PASSES = 3


def _clean_once(text: str, language: str | None) -> str:
    lang = _lang(language)
    text = _ANNOTATION.sub(" ", text)
    if not is_cjk(lang):  # notations and restarts of text written with spaces
        text = _spaced_script(text, lang)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    if lang in _CJK_FILLER:
        text = _CJK_FILLER[lang].sub("", text)
        text = _CJK_STUTTER.sub(lambda m: m.group(1) or m.group(2), text)
    passes = [*_LATIN_FILLER.get(lang, ()), *(_LATIN_FILLER["en"] if lang != "en" else ())]
    for filler in passes:  # in order: the comma pass first; English fillers leak everywhere
        text = filler.sub(" ", text)
    if lang in _HEDGE:
        text = _HEDGE[lang].sub(lambda m: "," if m.group().startswith(",") else "", text)
    if lang == "en":
        text = _CUT_OFF.sub("", text)
        text = _FILLER_LIKE.sub(_drop_filler_like, text)
    for _ in range(4):  # until stable: collapsing one repeat can reveal another
        collapsed = collapse_stutters(text)
        if collapsed == text:
            break
        text = collapsed
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _DOUBLE_PUNCT.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


def _spaced_script(text: str, lang: str) -> str:
    """Acronyms spelled out joined, contractions made whole (English), words broken off and
    begun again dropped."""
    # The cheap tests first: most sentences have none of these, and cleaning runs on each.
    if "_" in text:
        text = _SPELLED.sub(lambda m: m.group().replace("_", "").upper(), text)
    if lang == "en" and (" '" in text or " ’" in text):
        text = _SPACED_CONTRACTION.sub("", text)
    if _BROKEN_OFF.search(text) and (common := zipf_table(lang)):
        text = _BROKEN_OFF.sub(lambda m: _restarted(m, common), text)
    return text


def _restarted(m: re.Match[str], common: Mapping[str, float]) -> str:
    """Nothing in place of a word broken off before the next word (`_BROKEN_OFF`)."""
    return "" if common.get(m.group(1).casefold(), 0) < BROKEN_ZIPF else m.group()


def _drop_filler_like(m: re.Match[str]) -> str:
    before = m.string[max(0, m.start() - 20) : m.start()].split()
    previous = before[-1].casefold().replace("’", "'") if before else ""
    if previous in _TAKES_LIKE or previous.endswith("'d"):
        return m.group()
    return ""


def collapse_stutters(text: str) -> str:
    """Keep one of a word or phrase (up to three words) said several times in a row.

    "we we we built" -> "we built", "on the on the front" -> "on the front". Only spaces,
    a comma or a dash may stand between the repeats; case is ignored.
    """
    said = _STUTTER_WORD.findall(text.casefold())
    if not any(any(map(eq, said, said[k:])) for k in (1, 2, 3)):
        return text  # the common case: no word comes back within three words
    words = list(_STUTTER_WORD.finditer(text))
    lowered = [w.group().casefold() for w in words]
    drop: list[tuple[int, int]] = []  # (start, end) of repeats to delete
    i = 0
    while i < len(words):
        for k in (3, 2, 1):
            reps = 1
            while (
                i + (reps + 1) * k <= len(words)
                and lowered[i : i + k] == lowered[i + reps * k : i + (reps + 1) * k]
                and _joined(text, words, i + (reps - 1) * k, i + (reps + 1) * k, k)
            ):
                reps += 1
            if reps > 1:
                drop.append((words[i + k - 1].end(), words[i + reps * k - 1].end()))
                i += reps * k
                break
        else:
            i += 1
    if not drop:
        return text
    out, last = [], 0
    for start, end in drop:
        out.append(text[last:start])
        last = end
    out.append(text[last:])
    return "".join(out)


def _joined(text: str, words: list[re.Match[str]], start: int, stop: int, k: int) -> bool:
    """Words[start:stop] (two blocks of k) follow each other with only spaces, or a comma or
    a dash between the blocks."""
    for n in range(start, stop - 1):
        gap = text[words[n].end() : words[n + 1].start()]
        if (n - start + 1) % k == 0:
            if not _STUTTER_GAP.fullmatch(gap):
                return False
        elif not gap.isspace():
            return False
    return True


def strip_lead(sentence: str, language: str | None = None) -> str:
    """Drop opening discourse markers ("So, yeah, we ..." -> "We ...") and an address to the
    chair ("Mr. Chair, ..."), and capitalise.

    Keeps the sentence as it was when too little would remain.
    """
    lang = _lang(language)
    if lang in _ADDRESS:
        sentence = _ADDRESS[lang].sub("", sentence, count=1)
    pattern = _CJK_LEAD.get(lang) or _LEAD.get(lang) or _LEAD["en"]
    rest = _DANGLING.sub("", pattern.sub("", sentence, count=1))
    if len(rest) < 0.5 * len(sentence) or (len(rest.split()) < 3 and lang not in _CJK_LEAD):
        rest = _DANGLING.sub("", sentence)
    return rest[:1].upper() + rest[1:] if rest else rest


def tidy(sentence: str, language: str | None = None) -> str:
    """A sentence ready to print: cleaned, opening markers dropped, capitalised."""
    return strip_lead(clean_spoken(sentence, language), language)


def match_key(text: str, language: str | None = None) -> str:
    """Normal form for "is this text found in that source": cleaned, folded, no ellipsis."""
    text = text.strip()
    if text.endswith(ELLIPSIS):
        text = text[: -len(ELLIPSIS)]
    return fold(clean_spoken(text, language))
