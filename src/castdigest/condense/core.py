"""The default extractive condenser: source takeaways, chapters, abstract, then transcript."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import scipy.sparse as sp

from castdigest.condense.base import Budget
from castdigest.condense.budget import MIN_FILL, blurb_fit, cost, fit, per_takeaway
from castdigest.condense.candidates import (
    Candidate,
    abstract_pool,
    chapter_pool,
    source_pool,
    transcript_pool,
)
from castdigest.condense.clean import match_key
from castdigest.condense.extractive import (
    DEFAULT,
    SPOKEN,
    Features,
    Marks,
    Weights,
    features,
    select,
)
from castdigest.condense.people import introduce, settle
from castdigest.condense.quotes import has_quotes, pick_quotes
from castdigest.models import Condensed, Episode, Provenance, Takeaway
from castdigest.text.language import detect_language
from castdigest.text.truncate import count_words

Pool = Callable[[Episode, int], list[Candidate]]  # (episode, words to read at most)
POOLS: tuple[tuple[str, Pool], ...] = (
    ("takeaways", source_pool),
    ("chapters", chapter_pool),
    ("abstract", abstract_pool),
    ("transcript", transcript_pool),
)
BLURB_WORDS = 40.0
SAMPLE_CHARS = 20_000  # text language detection looks at, at most


class ExtractiveCondenser:
    """Extractive, offline and deterministic: same episode and budget, same output."""

    name: str = "extractive"

    def __init__(self, weights: Weights = DEFAULT, spoken: Weights = SPOKEN) -> None:
        self.weights = weights  # for written material: abstracts, chapters, show notes
        self.spoken = spoken  # for transcripts: speech is scored with weights of its own

    def pools_for(self, episode: Episode, budget: Budget, language: str | None) -> _Pools:
        """The episode's candidates, built when first asked for."""
        return _Pools(episode, budget, language)

    def features(
        self, texts: Sequence[str], language: str | None, marks: Marks, weights: Weights
    ) -> Features:
        """Each text's TF-IDF row and relevance (`extractive.features`). A method, as is
        `pools_for`, so that a weight search may keep what the weights do not change."""
        return features(texts, language, marks, weights=weights)

    def condense(self, episode: Episode, budget: Budget) -> Condensed:
        language = episode.language or detect_language(_sample(episode), "en")
        pools = self.pools_for(episode, budget, language)
        # The source's own quotes are chosen first, and takeaways do not repeat them (an
        # article's best sentences are often its quotes); quotes taken from a transcript are
        # chosen last, from what the takeaways do not already say.
        quotes = pick_quotes(episode, budget.quotes, language) if has_quotes(episode) else None
        shown = {match_key(q.text, language) for q in quotes or ()}
        chosen, used, best = self.takeaways(episode, budget, language, pools, shown)
        if quotes is None:
            said = {match_key(t, language) for _, t in chosen}
            quotes = pick_quotes(episode, budget.quotes, language, said, pools.get("transcript"))
        return Condensed(
            episode_id=episode.id,
            title=episode.title,
            blurb=_blurb(pools.get("abstract"), episode, best, language),
            takeaways=[_takeaway(c, text) for c, text in chosen],
            quotes=quotes,
            source="+".join(used),
            method=self.name,
        )

    def takeaways(
        self,
        episode: Episode,
        budget: Budget,
        language: str | None,
        pools: _Pools | None = None,
        quoted: set[str] | None = None,
    ) -> tuple[list[tuple[Candidate, str]], list[str], Candidate | None]:
        """Takeaways from the richest material first, topped up from the next kinds; none
        repeats a quote in `quoted` (match keys) while the material has others.

        Returns (candidate, fitted text) pairs in order, the kinds of material used, and the
        most relevant candidate of the first kind (the blurb when there is no abstract).
        """
        per = per_takeaway(budget, language)
        chosen: list[tuple[Candidate, str]] = []
        used: list[str] = []
        best: Candidate | None = None
        left = math.inf if budget.max_words is None else float(budget.max_words)
        pools = pools or self.pools_for(episode, budget, language)
        for name, _ in POOLS:
            want = budget.takeaways - len(chosen)
            enough = len(chosen) >= budget.min_takeaways and budget.max_words is None
            if want <= 0 or enough or left < min(MIN_FILL, per):
                break
            cands = _not_quoting(pools.get(name), quoted, language)
            if not cands:
                continue
            picked = self._pick(cands, chosen, language, per, want, left)
            if picked:
                used.append(name)
                chosen += sorted(picked, key=lambda item: (item[0].position, cands.index(item[0])))
                best = best or picked[0][0]
                left -= sum(count_words(text) for _, text in picked)
        return chosen, used, best

    def _pick(
        self,
        cands: list[Candidate],
        chosen: list[tuple[Candidate, str]],
        language: str | None,
        per: float,
        want: int,
        left: float,
    ) -> list[tuple[Candidate, str]]:
        texts = [c.text for c in cands] + [text for _, text in chosen]
        # A candidate that cannot be fitted as a whole thought costs infinitely much: it
        # still shapes centrality, but another is picked.
        costs = [cost(c.text, per, language) for c in cands]
        if not any(math.isfinite(c) for c in costs):
            return []
        lengths = [count_words(t) for t in texts]
        leads = [c.lead for c in cands] + [False] * len(chosen)
        asks = [c.question for c in cands] + [False] * len(chosen)
        noise = [c.noise for c in cands] + [0.0] * len(chosen)
        clauses = [c.clause for c in cands] + [False] * len(chosen)
        # Speech ("will", "because", run-ons, fillers) reads unlike writing: its own weights.
        speech = cands[0].provenance is Provenance.TRANSCRIPT
        weights = self.spoken if speech else self.weights
        groups = [c.group for c in cands] + [-1] * len(chosen)  # a takeaway chosen: no unit
        marks = Marks(leads, lengths, asks, noise, clauses, groups)
        feats = self.features(texts, language, marks, weights)
        n = len(cands)
        own = type(feats)(sp.csr_matrix(feats.matrix[:n]), feats.relevance[:n])
        avoid = sp.csr_matrix(feats.matrix[n:]) if chosen else None
        zones = want
        if math.isfinite(left):
            finite = sorted(c for c in costs if math.isfinite(c))
            typical = finite[len(finite) // 2] or per
            zones = max(1, min(want, round(left / max(typical, 1.0))))
        picks = select(
            own,
            costs,
            [c.position for c in cands],
            count=want,
            max_words=None if math.isinf(left) else left,
            min_words=min(MIN_FILL, per),
            zones=zones,
            avoid=avoid,
            questions=[c.question for c in cands],
            weights=weights,
        )
        out = [(cands[p.index], fit(cands[p.index].text, p.words, language)) for p in picks]
        if picks and not out[-1][1]:
            # The last pick, cut to what is left, has no clause boundary there: the most
            # relevant other candidate that does takes its place.
            out[-1] = _cut_other(
                cands, own.relevance.tolist(), {p.index for p in picks}, picks[-1].words, language
            )
        out = [(c, text) for c, text in out if text]
        # The first pick is the most relevant: it goes first until the caller restores order.
        return out


class _Pools:
    """Each kind of candidate built once per episode, when first asked for, from as much of
    the material as the budget lets condensing read, with known people's names written out
    and without openings on someone unnamed (`people.settle`)."""

    def __init__(self, episode: Episode, budget: Budget, language: str | None = None) -> None:
        self.episode = episode
        self.budget = budget
        self.language = language
        self.built: dict[str, list[Candidate]] = {}

    def get(self, name: str) -> list[Candidate]:
        if name not in self.built:
            words = self.budget.max_text_words
            if name == "transcript":
                words = self.budget.max_transcript_words
            cands = dict(POOLS)[name](self.episode, words)
            speech = name == "transcript"  # a transcript's "he" is anyone
            self.built[name] = settle(cands, self.episode, self.language, speech=speech)
        return self.built[name]


_QUOTE_WORDS = 5  # a shorter quote ("Exactly.") may well be said in a takeaway too


def _not_quoting(
    cands: list[Candidate], quoted: set[str] | None, language: str | None
) -> list[Candidate]:
    """The candidates that do not contain one of the quotes shown; all when every one does."""
    keys = [q for q in quoted or () if q.count(" ") >= _QUOTE_WORDS - 1]
    if not keys or not cands:
        return cands
    kept = [c for c in cands if not any(q in match_key(c.text, language) for q in keys)]
    return kept or cands


def _cut_other(
    cands: list[Candidate],
    relevance: Sequence[float],
    picked: set[int],
    words: float,
    language: str | None,
) -> tuple[Candidate, str]:
    """The most relevant candidate not in `picked` that fits `words` as a whole thought."""
    for i in sorted(range(len(cands)), key=lambda i: -relevance[i]):
        if i not in picked and (text := fit(cands[i].text, words, language)):
            return cands[i], text
    return cands[0], ""


def _takeaway(cand: Candidate, text: str) -> Takeaway:
    return Takeaway(
        text=text,
        provenance=cand.provenance,
        chapter=cand.chapter,
        chapter_index=cand.chapter_index,
        offset=cand.offset,
        speaker=cand.speaker,
    )


def _blurb(
    abstract: list[Candidate], episode: Episode, best: Candidate | None, language: str | None
) -> str:
    """One line: the abstract's first sentence, else the most relevant sentence (then the
    guests, when it names none of them), else the title."""
    if abstract:
        return introduce(blurb_fit(abstract[0].text, BLURB_WORDS, language), episode, language)
    if best is not None:
        return introduce(blurb_fit(best.text, BLURB_WORDS, language), episode, language)
    return episode.title  # nothing to say: the guests are on the item's line already


def _sample(episode: Episode) -> str:
    parts = [episode.abstract or "", *episode.takeaways]
    if episode.transcript:
        parts.append(episode.transcript.text[:2000])
    return " ".join(parts)[:SAMPLE_CHARS] or episode.title
