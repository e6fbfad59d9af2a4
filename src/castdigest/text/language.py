"""Language detection (py3langid ships its model in the wheel: nothing is downloaded)."""

from __future__ import annotations

import re
from functools import lru_cache

_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_WORD = re.compile(r"\w+")

# Detection on a prefix is as good as on the whole text and keeps 20 KB bodies cheap.
_SAMPLE = 2000


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str | None, default: str | None = None) -> str | None:
    """Return a BCP 47 primary language subtag ("en", "fr", "zh", "ko"...) or `default`.

    Scripts decide first (Hangul is Korean, kana Japanese, Han Chinese) because langid is
    weakest on short CJK strings; everything else goes to py3langid.
    """
    if not text:
        return default
    sample = text[:_SAMPLE]
    letters = sum(1 for _ in _WORD.finditer(sample))
    if letters == 0:
        return default
    hangul, kana, han = (len(p.findall(sample)) for p in (_HANGUL, _KANA, _HAN))
    if hangul and hangul >= han / 2:
        return "ko"
    if kana:
        return "ja"
    if han and han * 3 >= len(sample.replace(" ", "")) / 3:
        return "zh"
    lang, prob = _identifier().classify(sample)
    if prob < 0.5 and len(sample) < 40:
        return default
    return str(lang)


def is_cjk(language: str | None) -> bool:
    return (language or "").split("-")[0] in {"zh", "ja", "ko"}
