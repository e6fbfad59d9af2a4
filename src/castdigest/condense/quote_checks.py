"""Whether a quote is worth printing, and whether it is the speaker's own words.

A quote says something when it holds at least `MIN_CONTENT_WORDS` words that are neither stop
words nor fillers of speech ("yeah", "um, right", "exactly"); in Chinese, Japanese and Korean,
at least `MIN_CJK_CHARS` characters of those scripts. A fragment (a piece that opens in lower
case or on an ellipsis, cut out of a longer sentence) is not a quote either.

A quote is a translation when its language (its own, else detected, else the page's) is not a
language spoken in the episode: the transcript's, else one of the caption languages (captions
exist in the spoken language), else the episode's.
"""

from __future__ import annotations

import re

from castdigest.models import Episode
from castdigest.text.language import detect_language, is_cjk
from castdigest.text.stopwords import STOPWORDS

MIN_CONTENT_WORDS = 3
MIN_CJK_CHARS = 8
# Words that carry no content in a quote though they are not stop words, per language.
FILLERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "exactly absolutely totally definitely yep yup nope wow cool awesome indeed sure "
        "right yeah yes no okay ok um uh hmm mhm".split()
    ),
    "fr": frozenset(
        "exactement absolument carrément ouais oui non voilà bref euh ben d'accord "
        "effectivement".split()
    ),
    "es": frozenset("exacto claro sí vale bueno totalmente".split()),
    "de": frozenset("genau klar ja nein okay stimmt".split()),
}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_LEAD_IN = ("…", "...", "-", "–", "—")


def _lang(language: str | None) -> str:
    return (language or "en").split("-")[0].lower()


def has_content(text: str, language: str | None = None) -> bool:
    """Enough words that say something, and not a fragment of a sentence."""
    lang = _lang(language)
    if len(_CJK_CHAR.findall(text)) >= MIN_CJK_CHARS:
        return True
    if is_cjk(lang):
        return False
    if is_fragment(text):
        return False
    stop = STOPWORDS.get(lang, STOPWORDS["en"]) | FILLERS.get(lang, frozenset())
    stop |= FILLERS["en"]
    content = [w for w in _WORD.findall(text.casefold()) if w.replace("’", "'") not in stop]
    return len(content) >= MIN_CONTENT_WORDS


def is_fragment(text: str) -> bool:
    """Opens in lower case or on an ellipsis or dash: a piece of a longer sentence."""
    bare = text.lstrip("\"'“‘«「 ")
    if bare.startswith(_LEAD_IN):
        return True
    letter = next((ch for ch in bare if ch.isalpha()), "")
    return letter.islower()


def spoken_languages(episode: Episode) -> set[str]:
    """Primary subtags of the languages spoken in the episode (empty when nothing says)."""
    if episode.transcript and episode.transcript.language:
        return {_lang(episode.transcript.language)}
    if episode.caption_languages:
        return {_lang(tag) for tag in episode.caption_languages}
    return {_lang(episode.language)} if episode.language else set()


def quote_language(text: str, own: str | None, page: str | None) -> str | None:
    """The quote's language: its own tag, else detected from its words, else the page's."""
    return own or detect_language(text, page) or page


def is_translation(episode: Episode, language: str | None) -> bool:
    """A quote in `language` is not in a language spoken in the episode."""
    spoken = spoken_languages(episode)
    return bool(spoken and language) and _lang(language) not in spoken
