"""Language detection (py3langid ships its model in the wheel: nothing is downloaded; its
decompressed model is kept in the cache folder, mapped into memory when read back)."""

from __future__ import annotations

import pickle
import re
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from castdigest.text import cache

_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_WORD = re.compile(r"\w+")
_FROM_HANGUL_JAMO = re.compile(r"[\u1100-\U0010ffff]")  # every script counted below is here

# Detection on a prefix is as good as on the whole text and keeps 20 KB bodies cheap.
_SAMPLE = 1000


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    """py3langid's identifier, as `LanguageIdentifier.from_model_file` makes it, from the model
    kept decompressed in the cache folder (text/cache.py)."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    ptc, pc, classes, nextmove, row, output = _model()
    args = (np.asarray(ptc), np.asarray(pc), classes, nextmove, output)
    try:
        fast: Any = _vectorised(LanguageIdentifier)
        return fast(*args, norm_probs=True, tk_row=row)
    except (AttributeError, TypeError, ValueError):  # the internals of another py3langid
        return LanguageIdentifier(*args, norm_probs=True, tk_row=row)


def model_path() -> Path:
    # numpy's version too: the header is pickled, and a pickle of one numpy may not load in another
    tag = f"{cache.tagged('py3langid')}-numpy-{version('numpy')}"
    return cache.cache_dir() / f"langid-{tag}-v2.mapped"  # v2: the header after the tables


def _model() -> tuple[Any, ...]:
    """py3langid's `load_model` of its shipped model: decompressing it (LZMA, 68 MB) takes most
    of a second, so its result is kept in the cache folder, its two large tables as raw bytes
    that are mapped, not read: a run touches only the pages of the n-grams its texts hold."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import load_model

    path = model_path()
    try:
        return _mapped(path)
    except Exception:  # any damage to a cache file means deriving it again, never a failure
        pass
    model = tuple(load_model(MODEL_DIR / MODEL_FILE))
    cache.write(path, _packed(model))
    return model


# The file: where its header starts (8 bytes), then the tables `nb_ptc` and `tk_nextmove`,
# each at a 64-byte boundary, then the header: a pickle of the small parts and of where the
# tables lie.
_HEAD = 8
_ALIGN = 64


def _packed(model: tuple[Any, ...]) -> bytes:
    import numpy as np

    ptc, pc, classes, nextmove, row, output = model
    tables = [np.ascontiguousarray(ptc), np.frombuffer(nextmove, dtype=np.dtype(nextmove.typecode))]
    chunks, places, offset = [b""], [], _ALIGN
    for table in tables:
        places.append((str(table.dtype), table.shape, offset))
        data = table.tobytes()
        chunks += [data, bytes(-len(data) % _ALIGN)]
        offset += len(data) + len(chunks[-1])
    chunks[0] = offset.to_bytes(_HEAD, "little").ljust(_ALIGN, b"\0")
    small = (np.asarray(pc), list(classes), list(row), list(output))
    return b"".join([*chunks, pickle.dumps((small, places), protocol=pickle.HIGHEST_PROTOCOL)])


def _mapped(path: Path) -> tuple[Any, ...]:
    """The model from its cache file, the tables mapped read-only; raises if it is damaged."""
    import numpy as np

    with path.open("rb") as f:
        f.seek(int.from_bytes(f.read(_HEAD), "little"))
        small, places = pickle.loads(f.read())
    pc, classes, row, output = small
    ptc, moves = (
        np.memmap(path, dtype=np.dtype(dtype), mode="r", offset=at, shape=tuple(shape))
        for dtype, shape, at in places
    )
    # every state's row of moves inside the table: a damaged file never reads past it
    fits = len(row) == len(output) and moves.size >= (max(row, default=0) + 1) << 8
    if ptc.ndim != 2 or ptc.shape[1] != len(classes) or moves.ndim != 1 or not fits:
        raise ValueError(f"{path}: not a language model")
    return ptc, pc, classes, moves, row, output


_WINDOW = 6  # bytes: the longest n-gram of py3langid's model (a check below makes sure)


def _vectorised(base: type) -> type:
    """py3langid's classifier with its byte-by-byte automaton walk done by numpy.

    The walk is an Aho-Corasick automaton over n-grams of at most `_WINDOW` bytes, so the
    state after any byte is the state reached from the start on the `_WINDOW` bytes ending
    there: every position is walked at once, in `_WINDOW` steps. The states found are then
    checked against the automaton (each must follow from the one before); should a model
    break that, the byte-by-byte walk is used. The counts are the same, so the scores (up to
    float rounding)."""
    import numpy as np

    class Vectorised(base):  # type: ignore[misc]
        __slots__ = ("_moves", "_out", "_rows")

        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            moves = self.tk_nextmove
            if not isinstance(moves, np.ndarray):  # py3langid's own array, as derived
                moves = np.frombuffer(moves, dtype=np.dtype(moves.typecode))  # no copy
            # a plain view of a mapped table: indexing a memmap goes through its Python-level
            # __getitem__ and __array_finalize__, eight times a text
            self._moves = np.asarray(moves)
            self._rows = np.asarray(self._rowbase, dtype=np.int64)
            self._out = np.asarray(self.tk_output, dtype=np.int64)

        def _raw_score(self, text):  # type: ignore[no-untyped-def]
            codes = np.frombuffer(text, dtype=np.uint8).astype(np.int64)
            n = len(codes)
            if n < 2:
                return super()._raw_score(text)
            states = np.zeros(n, dtype=np.int64)
            for back in range(min(_WINDOW, n) - 1, -1, -1):  # the byte `back` places earlier
                states[back:] = self._moves[self._rows[states[back:]] + codes[: n - back]]
            first = self._moves[self._rows[0] + codes[0]]
            steps = self._moves[self._rows[states[:-1]] + codes[1:]]
            if states[0] != first or not np.array_equal(steps, states[1:]):
                return super()._raw_score(text)
            found = self._out[states]
            features, counts = np.unique(found[found >= 0], return_counts=True)
            if not len(features):
                return super()._raw_score(text)
            # `_sparse_score` on arrays (its sums in feature order, not first-visit order).
            return np.log1p(counts.astype(np.float32)) @ self.nb_ptc[features] + self.nb_pc

    return Vectorised


def detect_language(text: str | None, default: str | None = None) -> str | None:
    """Return a BCP 47 primary language subtag ("en", "fr", "zh", "ko"...) or `default`.

    Scripts decide first (Hangul is Korean, kana Japanese, Han Chinese) because langid is
    weakest on short CJK strings; everything else goes to py3langid.
    """
    if not text:
        return default
    sample = text[:_SAMPLE]
    if _WORD.search(sample) is None:
        return default
    if sample.isascii() or not _FROM_HANGUL_JAMO.search(sample):  # none of the scripts below
        hangul = kana = han = 0
    else:
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
