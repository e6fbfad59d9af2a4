"""Token estimates without a tokenizer download: about one token per CJK or Hangul character and
one per 3.5 characters otherwise, with a margin so that an estimate errs on the large side."""

from __future__ import annotations

import math
import re

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
MARGIN = 1.15
# An answer whose usage.prompt_tokens is below this share of the estimate means the server
# cut the input to fit its context: the model did not see the whole episode.
TRUNCATION_RATIO = 0.5


def estimate_tokens(text: str) -> int:
    cjk = len(_CJK.findall(text))
    other = len(text) - cjk
    return math.ceil((cjk + other / 3.5) * MARGIN)
