"""Scoring and picking sentences: centrality + informativeness, then MMR within a budget.

Sentences become rows of a sparse TF-IDF matrix over language-aware terms (lemmas, CJK
bigrams). A sentence's relevance combines
- centrality: cosine to the document centroid and LexRank (PageRank over the sentence
  similarity graph), both computed with sparse matrix products, never a loop over pairs; the
  graph is built a block of rows at a time and keeps at most `GRAPH_EDGES` edges (each
  sentence's strongest), so memory stays linear in the number of sentences even when every
  sentence resembles every other;
- informativeness: how many of the document's topic terms it covers (its "signature",
  centroid-weighted, per square root of its length), numbers and names, content-word density;
- form: a length prior (a takeaway is one full sentence, not a "yes, exactly"), penalties
  for questions, for openings that point back ("This ...", "He ...", "But ..."), for
  sentences about the episode rather than its point ("in this episode", "welcome to", "X's
  title is"), a bonus for claims (numbers, "because", "will", "decided"), and penalties for
  what cleaning removed
  (fillers, stutters, an unfinished run-on piece), a bonus for the first sentence of a
  chapter or paragraph;
- in speech, a discount for the share of its words that name the speakers ("I", "you"): a
  summary states the subject, not who said what to whom (`weigh`).
Picking is greedy MMR: relevance minus redundancy with what is already picked, each pick in a
part of the episode not yet covered while one remains, until the count or word budget is full.
Questions shape centrality but are picked only when a pool holds no statement at all.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from castdigest.condense.thoughts import claim_score, dialogue_share, is_meta, points_back
from castdigest.text.frequency import RARE, zipf_table
from castdigest.text.language import is_cjk
from castdigest.text.tokens import is_number, terms

Vector = NDArray[np.float64]
# Similarity graph edges kept at most (about 24 MB); a 22,000-word meeting has 65,000.
GRAPH_EDGES = 2_000_000
TOPIC_SENTENCES = 3  # sentences a term is in, at least, to be one of the episode's topics
COMMON = 6.0  # Zipf value ("people", "time") from which a word is too common to be a topic
MIN_NEIGHBOURS = 100  # edges per sentence always kept, however many sentences there are
BLOCK_CELLS = 1_000_000  # sentence pairs compared at once, at most
TURN_REACH = 2  # sentences each side, in the same turn, that share a sentence's way of speaking
TURN_SHARE = 0.3  # their weight in a sentence's share of words naming the speakers

_NAME = re.compile(r"(?<=[\w,;:] )[A-Z][\w'’-]*[A-Za-z0-9]")
# A question, or a request that works as one ("I'm curious how ...", "Tell me about ...").
_QUESTION = re.compile(
    r"[?？]\s*$|^(?:I'm curious|I am curious|I wonder|tell me|can you|could you|would you|"
    r"do you|(?:what|how|why|where|when) (?:do|did|does|would|will|can|should) you|"
    r"est-ce que|qu'est-ce|pourquoi)\b",
    re.IGNORECASE,
)

# Opening words that point back to what came before: out of context the sentence is unclear.
_POINTS_BACK = re.compile(
    r"^(?:this|that|these|those|such|it's that|cette|cet|ces|ce|cela|ça|dies|diese|esto|esta|"
    r"este|questo|questa)\b|^(?:这|那(?!么)|이것|그것|이런|그런|그래야|그러면)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Weights:
    """`clause` is learned on QMSum train (bench/condense_tune.py); the others are kept from
    earlier coarse tuning, since the weights that search chose for them lowered QMSum val
    (bench/README.md, "condense")."""

    centroid: float = 1.0  # cosine to the document centroid
    lexrank: float = 0.5  # PageRank over the similarity graph
    info: float = 0.1  # numbers and names
    density: float = 0.5  # content terms per word
    lead: float = 0.1  # first sentence of a chapter, paragraph or turn
    question: float = 0.5  # penalty for questions and requests
    points_back: float = 0.3  # penalty for opening with "This ...", "Cette ...", "这 ..."
    context: float = 0.3  # penalty for other openings that need context: "He", "They", "But"
    meta: float = 0.5  # penalty for introductions, titles, "in this episode", "asks"
    claim: float = 0.1  # bonus for numbers and words of a claim, decision or reason
    clause: float = 0.2  # penalty for a clause split out of a run-on spoken sentence
    signature: float = 1.0  # distinct topic terms a sentence covers (weighted by centroid)
    signature_norm: float = 0.5  # divide the signature by words ** this
    noise: float = 0.5  # penalty for the share of a sentence that was fillers and stutters
    zones: float = 1.0  # parts of the episode to cover, per takeaway (0: no coverage rule)
    short: float = 0.6  # penalty scale for sentences much shorter than `ideal_words`
    ideal_words: float = 18.0
    mmr: float = 0.7  # lambda: weight of relevance against redundancy
    duplicate: float = 0.55  # cosine above which two sentences say the same thing
    specific: float = 0.0  # topic terms rare in the language at large (`_specific`)
    dialogue: float = 0.0  # relevance discount per share of words naming the speakers (`weigh`)


DEFAULT = Weights()
# Transcripts: speech says "will" and "because" of anything, so its claim words earn nothing;
# what speakers say to each other ("I think", "you can imagine") is discounted (`dialogue`,
# chosen on QMSum train). The other weights bench/condense_tune.py learns for speech there
# have not carried over to the scoring sets so far (bench/README.md, "condense"): they are
# the written ones.
SPOKEN = Weights(claim=0.0, specific=1.0, dialogue=2.0)


@dataclass(frozen=True)
class Features:
    matrix: sp.csr_matrix  # rows L2-normalised TF-IDF
    relevance: Vector


def tfidf(token_lists: Sequence[Sequence[str]]) -> sp.csr_matrix:
    """Rows: sentences, L2-normalised sublinear TF x smoothed IDF."""
    vocab: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    for tokens in token_lists:
        for token in tokens:
            indices.append(vocab.setdefault(token, len(vocab)))
        indptr.append(len(indices))
    n = len(token_lists)
    data = np.ones(len(indices))
    counts = sp.csr_matrix(
        (data, np.asarray(indices, dtype=np.int64), np.asarray(indptr)), shape=(n, len(vocab))
    )
    counts.sum_duplicates()
    counts.data = 1.0 + np.log(counts.data)
    df = np.bincount(counts.indices, minlength=len(vocab))
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    weighted = counts.multiply(idf[np.newaxis, :]).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ weighted)


def lexrank(matrix: sp.csr_matrix, threshold: float = 0.1, iterations: int = 30) -> Vector:
    """PageRank over the graph of sentence pairs more similar than `threshold`."""
    n = matrix.shape[0]
    if n == 0:
        return np.zeros(0)
    sim = similarity_graph(matrix, threshold)
    degree = np.asarray(sim.sum(axis=1)).ravel()
    degree[degree == 0] = 1.0
    transition = sp.csr_matrix(sp.diags(1.0 / degree) @ sim).T.tocsr()
    rank = np.full(n, 1.0 / n)
    damping = 0.85
    for _ in range(iterations):
        nxt = (1 - damping) / n + damping * (transition @ rank)
        if np.abs(nxt - rank).sum() < 1e-6:
            rank = nxt
            break
        rank = nxt
    return np.asarray(rank, dtype=np.float64)


def similarity_graph(matrix: sp.csr_matrix, threshold: float) -> sp.csr_matrix:
    """Cosines of sentence pairs at least `threshold`, computed a block of rows at a time.

    Each row keeps its `max(MIN_NEIGHBOURS, GRAPH_EDGES / n)` strongest edges, which no
    ordinary episode reaches: only then does the graph differ from the full product.
    """
    n = matrix.shape[0]
    keep = max(MIN_NEIGHBOURS, GRAPH_EDGES // n)
    step = max(1, BLOCK_CELLS // n)
    transposed = matrix.T.tocsc()
    blocks = []
    for lo in range(0, n, step):
        block = (matrix[lo : lo + step] @ transposed).tocsr()
        block.data[block.data < threshold] = 0.0
        block.eliminate_zeros()
        blocks.append(_strongest(block, keep))
    return sp.csr_matrix(sp.vstack(blocks, format="csr"))


def _strongest(block: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """`block` with only the `keep` largest entries of each row (ties: the leftmost)."""
    counts = np.diff(block.indptr)
    if counts.max(initial=0) <= keep:
        return block
    block = block.copy()
    for row in np.flatnonzero(counts > keep):
        lo, hi = block.indptr[row], block.indptr[row + 1]
        order = np.argsort(-block.data[lo:hi], kind="stable")
        block.data[lo + order[keep:]] = 0.0
    block.eliminate_zeros()
    return block


def _unit(values: Vector) -> Vector:
    """Scale to 0..1 (all zeros when constant)."""
    if values.size == 0:
        return values
    low, high = float(values.min()), float(values.max())
    return (values - low) / (high - low) if high > low else np.zeros_like(values)


# Each component of relevance and the weight that scales it (a penalty has sign -1).
TERMS: tuple[tuple[str, str, float], ...] = (
    ("central", "centroid", 1.0),
    ("lexrank", "lexrank", 1.0),
    ("info", "info", 1.0),
    ("density", "density", 1.0),
    ("signature", "signature", 1.0),
    ("noise", "noise", -1.0),
    ("lead", "lead", 1.0),
    ("clause", "clause", -1.0),
    ("question", "question", -1.0),
    ("points_back", "points_back", -1.0),
    ("context", "context", -1.0),
    ("meta", "meta", -1.0),
    ("claim", "claim", 1.0),
    ("short", "short", -1.0),
    ("specific", "specific", 1.0),
)


@dataclass(frozen=True)
class Marks:
    """What reading the material marked on each text, where known: the first sentence of a
    chapter, paragraph or turn, its length in words, a question, its share of fillers, a
    clause split out of a run-on, the unit it belongs to (chapter, paragraph or turn; -1:
    none)."""

    leads: Sequence[bool] | None = None
    lengths: Sequence[float] | None = None
    questions: Sequence[bool] | None = None
    noise: Sequence[float] | None = None
    clauses: Sequence[bool] | None = None
    groups: Sequence[int] | None = None


NO_MARKS = Marks()


def features(
    texts: Sequence[str],
    language: str | None,
    marks: Marks = NO_MARKS,
    *,
    weights: Weights = DEFAULT,
) -> Features:
    """The TF-IDF rows and each sentence's relevance: `TERMS`' components, weighted."""
    matrix, parts = components(texts, language, marks, weights=weights)
    return Features(matrix, weigh(parts, weights, len(texts)))


def weigh(parts: dict[str, Vector], weights: Weights, n: int) -> Vector:
    """Relevance from the components (`TERMS`, weighted and summed), then discounted by the
    share of each sentence's words that name its speaker or the one spoken to ("I", "you":
    `thoughts.dialogue_share`): what is said to someone (an opinion, an aside, a question
    framed) keeps that much less of its relevance, above the least relevant sentence's. A
    discount, not a penalty to subtract: the sentences most central to the talk are those the
    speakers say of it to each other, and a fixed penalty moves few of them."""
    relevance = np.zeros(n)
    for name, weight, sign in TERMS:
        if name in parts:
            relevance += sign * getattr(weights, weight) * parts[name]
    if weights.dialogue and n and "dialogue" in parts:
        keep = np.clip(1.0 - weights.dialogue * parts["dialogue"], 0.0, 1.0)
        relevance = (relevance - relevance.min()) * keep
    return relevance


def components(
    texts: Sequence[str],
    language: str | None,
    marks: Marks = NO_MARKS,
    *,
    weights: Weights = DEFAULT,
) -> tuple[sp.csr_matrix, dict[str, Vector]]:
    """The TF-IDF rows and each component of relevance (named as in `TERMS`), unweighted:
    kept apart so that their weights can be learned (bench/condense_tune.py)."""
    token_lists = [terms(t, language) for t in texts]
    matrix = tfidf(token_lists)
    n = len(texts)
    if n == 0:
        return matrix, {}
    centroid = np.asarray(matrix.sum(axis=0)).ravel()
    centroid /= np.linalg.norm(centroid) or 1.0
    present = matrix.copy()
    present.data = np.ones_like(present.data)
    lengths = marks.lengths
    words = np.asarray(lengths if lengths is not None else [len(t.split()) for t in texts], float)
    density = np.array([len(toks) for toks in token_lists], float) / np.maximum(words, 1.0)
    signature = (present @ centroid) / np.maximum(words, 1.0) ** weights.signature_norm
    asks = [bool(_QUESTION.search(t)) for t in texts]
    if marks.questions is not None:
        asks = [a or q for a, q in zip(asks, marks.questions, strict=True)]
    parts: dict[str, Vector] = {
        "central": _unit(matrix @ centroid),
        "lexrank": _unit(lexrank(matrix) * n) if weights.lexrank else np.zeros(n),
        "info": np.array([_informative(t, k) for t, k in zip(texts, token_lists, strict=True)]),
        "density": np.minimum(density, 1.0),
        "signature": _unit(signature),
        "question": np.asarray(asks, float),
        "points_back": np.array([bool(_POINTS_BACK.match(t)) for t in texts], float),
        "short": np.clip(1.0 - words / weights.ideal_words, 0.0, 1.0) ** 2,
    }
    for name, given in (("noise", marks.noise), ("lead", marks.leads), ("clause", marks.clauses)):
        if given is not None:
            parts[name] = np.asarray(given, float)
    parts.update(_choice_parts(texts, language))
    if weights.dialogue:
        talk = np.array([min(1.0, dialogue_share(t, language)) for t in texts])
        parts["dialogue"] = talk if marks.groups is None else _in_turn(talk, marks.groups)
    if weights.specific:
        specific = _specific(token_lists, language) / np.maximum(words, 1.0) ** 0.5
        parts["specific"] = _unit(specific)
    return matrix, parts


def _specific(token_lists: Sequence[Sequence[str]], language: str | None) -> Vector:
    """Each sentence's topic terms that are rare in the language at large, summed: the
    episode's own subject ("guardrails", "runbooks"), where centrality alone favours its
    commonest words ("teams", "models"). A topic term is in `TOPIC_SENTENCES` sentences or
    more; it weighs (`COMMON` - its Zipf value) / `COMMON` times the log of how many.

    None in CJK text: its terms are character pairs, not words, and counting only the pairs
    the word list holds lowered the Chinese meetings' figure (bench/README.md, "condense")."""
    table = {} if is_cjk(language) else zipf_table(language)
    if not table:
        return np.zeros(len(token_lists))
    sets = [set(toks) for toks in token_lists]
    counts = Counter(t for toks in sets for t in toks)
    weight: dict[str, float] = {}
    for term, count in counts.items():
        rarity = (COMMON - table.get(term, RARE)) / COMMON
        if count >= TOPIC_SENTENCES and rarity > 0:
            weight[term] = rarity * math.log1p(count)
    return np.array([sum(weight.get(t, 0.0) for t in toks) for toks in sets])


def _choice_parts(texts: Sequence[str], language: str | None) -> dict[str, Vector]:
    """What tells the point from the preamble (`thoughts`): other openings that point back,
    meta sentences, and the words of a claim."""
    n = len(texts)
    back, meta, claim = np.zeros(n), np.zeros(n), np.zeros(n)
    for i, text in enumerate(texts):
        back[i] = not _POINTS_BACK.match(text) and points_back(text, language)
        meta[i] = is_meta(text, language)
        claim[i] = claim_score(text, language)
    return {"context": back, "meta": meta, "claim": claim}


def _in_turn(values: Vector, groups: Sequence[int]) -> Vector:
    """Each value mixed (`TURN_SHARE`) with the mean of its neighbours in the same unit, up to
    `TURN_REACH` sentences each side: whether a speaker is talking to the other (framing a
    question, an aside) holds for a stretch of their turn, not for the one sentence that
    happens to say "you"."""
    unit = np.asarray(groups)
    n = len(values)
    total, count = np.zeros(n), np.zeros(n)
    for step in range(1, TURN_REACH + 1):
        same = (unit[step:] == unit[:-step]) & (unit[step:] >= 0)  # pairs (i, i + step)
        total[:-step] += np.where(same, values[step:], 0.0)
        total[step:] += np.where(same, values[:-step], 0.0)
        count[:-step] += same
        count[step:] += same
    near = total / np.maximum(count, 1.0)
    return np.where(count > 0, (1 - TURN_SHARE) * values + TURN_SHARE * near, values)


def _informative(text: str, tokens: Sequence[str]) -> float:
    """0..1: numbers and names make a sentence concrete."""
    numbers = sum(1 for t in tokens if is_number(t))
    names = len(_NAME.findall(text))
    return min(1.0, 0.5 * math.tanh(numbers) + 0.5 * math.tanh(names / 2))


@dataclass(frozen=True)
class Pick:
    index: int
    words: float  # words it may take (its length, or less when the budget forces a cut)


def select(
    feats: Features,
    costs: Sequence[float],
    positions: Sequence[float],
    *,
    count: int,
    max_words: float | None,
    min_words: float = 8.0,
    zones: int | None = None,
    avoid: sp.csr_matrix | None = None,
    questions: Sequence[bool] | None = None,
    weights: Weights = DEFAULT,
) -> list[Pick]:
    """Greedy MMR within `count` picks and `max_words` words, spread over `zones` parts.

    `costs` are the words each candidate takes once trimmed to one takeaway. The last pick may
    be cut to fill the word budget when at least `min_words` remain. `avoid` holds rows
    (same vocabulary) already chosen from another pool: near-duplicates of them are skipped.
    """
    n = len(costs)
    if n == 0 or count <= 0:
        return []
    cost = np.asarray(costs, float)
    pos = np.clip(np.asarray(positions, float), 0.0, 0.999999)
    relevance = _unit(feats.relevance)
    redundancy = np.zeros(n)
    if avoid is not None and avoid.shape[0]:
        redundancy = np.asarray((feats.matrix @ avoid.T).max(axis=1).todense()).ravel()
    zone_count = max(1, min(round((zones or count) * weights.zones), count))
    zone = (pos * zone_count).astype(int)
    covered = np.zeros(zone_count, bool)
    taken = np.zeros(n, bool)
    taken |= redundancy > weights.duplicate
    statements = ~np.asarray(questions, bool) if questions is not None else np.ones(n, bool)
    if questions is not None and (statements & ~taken).any():
        # Questions inform centrality but are picked only when there is no statement at all.
        taken |= ~statements
    left = math.inf if max_words is None else float(max_words)
    picks: list[Pick] = []
    while len(picks) < count and left >= 1:
        fits = ~taken & (cost <= left) & np.isfinite(cost)
        if not fits.any():  # nothing fits whole: cut the best one to what is left
            fits = ~taken & (left >= min_words) & np.isfinite(cost)
        if not fits.any():
            break
        open_zone = fits & ~covered[zone]
        pool = open_zone if open_zone.any() else fits
        score = weights.mmr * relevance - (1 - weights.mmr) * redundancy
        score = np.where(pool, score, -np.inf)
        best = int(np.argmax(score))
        words = min(float(cost[best]), left)
        picks.append(Pick(best, words))
        left -= words
        taken[best] = True
        covered[zone[best]] = True
        sim = np.asarray((feats.matrix @ feats.matrix[best].T).todense()).ravel()
        redundancy = np.maximum(redundancy, sim)
        taken |= redundancy > weights.duplicate
    return picks
