"""Topics: which subjects each episode is about, and which subjects no topic covers yet.

An episode gets a primary topic and up to two secondary ones. A topic's score for an episode
adds three kinds of evidence, so an editor can predict it:

- tag matches: an episode tag equal to one of the topic's tags or keywords (folded, so
  `AI-Agents` and `ai agents` are the same tag);
- keyword matches: a topic keyword or tag found as a phrase in the title (strongest), the
  entities, or the body (abstract, takeaways, chapters, quotes, transcript);
- lexical similarity: TF-IDF cosine between the episode's terms and the topic's name,
  description, tags and keywords, language-aware (see `castdigest.lexical`).

Episodes no topic claims go to the catch-all topic (slug `other`); declare a topic with that
slug in the config to give it another name. Nothing vanishes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from castdigest.config import TopicConfig
from castdigest.errors import ConfigError
from castdigest.lexical import Bag, Indexed, Lexicon, Vector, add, cosine, terms
from castdigest.models import Episode
from castdigest.text.slugs import slugify

CATCH_ALL = "other"
_PROFILE_LANGUAGES = ("en", "fr")  # keywords are written in these; each is read both ways

# Evidence weights, tuned on the seed pages: one shared tag or a title keyword decides a topic
# more than a few words in passing.
TAG_MATCH = 1.5
FIELD_MATCH = {"title": 1.0, "entities": 0.8, "body": 0.3}
BODY_EXTRA = 0.1  # per further body occurrence, up to BODY_MAX
BODY_MAX = 0.7
SIMILARITY = 4.0
FIELD_WEIGHT = {"title": 3.0, "tags": 3.0, "entities": 2.0, "body": 1.0, "transcript": 0.3}
_TRANSCRIPT_WORDS = 4000  # enough to know the subject; keeps long transcripts cheap


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    description: str = ""
    tags: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    language: str | None = None

    @property
    def catch_all(self) -> bool:
        return self.slug == CATCH_ALL


def load_topics(configs: Iterable[TopicConfig]) -> list[Topic]:
    """Topics in config order, the catch-all last (added when the config does not declare it).

    ConfigError when two topics share a slug: their sections and feeds would collide.
    """
    configs = list(configs)
    slugs = [c.slug for c in configs]
    twice = sorted({s for s in slugs if slugs.count(s) > 1})
    if twice:
        raise ConfigError(
            "topic slug declared more than once: " + ", ".join(twice),
            where="topics",
            hint="give every [[topics]] entry its own slug",
        )
    topics = [
        Topic(c.slug, c.name, c.description, tuple(c.tags), tuple(c.keywords), c.language)
        for c in configs
    ]
    declared = [t for t in topics if t.catch_all]
    rest = [t for t in topics if not t.catch_all]
    other = declared[0] if declared else Topic(CATCH_ALL, "Other", "Episodes no topic claims.")
    return [*rest, other]


def tag_key(tag: str) -> str:
    """A tag as matched: folded words, no stopwords or plural, no lemmatising (tags are names)."""
    return " ".join(terms(tag.replace("-", " ").replace("_", " "), None))


@dataclass(frozen=True)
class Features:
    """What classification looks at in one episode."""

    episode_id: str
    tags: frozenset[str]
    fields: dict[str, Indexed]  # title, entities, body -> terms in order, indexed
    bag: Bag


def features(ep: Episode) -> Features:
    lang = ep.language
    body_parts: list[str | None] = [ep.abstract, ep.audience, *ep.takeaways, *ep.questions]
    for ch in ep.chapters:
        body_parts += [ch.title, ch.summary, *(q.text for q in ch.quotes)]
    body_parts += [q.text for q in ep.quotes]
    fields = {
        "title": terms(ep.title, lang),
        "tags": [t for tag in ep.tags for t in terms(tag.replace("-", " "), lang)],
        "entities": [t for e in ep.entities for t in terms(e.name, lang)],
        "body": [t for part in body_parts for t in terms(part, lang)],
        "transcript": [],
    }
    if ep.transcript is not None:
        words = ep.transcript.text.split(maxsplit=_TRANSCRIPT_WORDS)[:_TRANSCRIPT_WORDS]
        fields["transcript"] = terms(" ".join(words), ep.transcript.language or lang)
    bag: Bag = {}
    for name, items in fields.items():
        add(bag, items, FIELD_WEIGHT[name])
    indexed = {
        "title": Indexed(fields["title"]),
        "entities": Indexed(fields["entities"]),
        "body": Indexed(fields["body"] + fields["transcript"]),
    }
    return Features(ep.id, frozenset(tag_key(t) for t in ep.tags) - {""}, indexed, bag)


def _variants(text: str, language: str | None) -> list[list[str]]:
    """A phrase as terms in each language it may be written in (distinct readings only)."""
    langs = dict.fromkeys([language, *_PROFILE_LANGUAGES] if language else _PROFILE_LANGUAGES)
    out: list[list[str]] = []
    for lang in langs:
        reading = terms(text, lang)
        if reading and reading not in out:
            out.append(reading)
    return out


@dataclass(frozen=True)
class Profile:
    topic: Topic
    match_keys: frozenset[str]  # tag keys of its tags and keywords
    phrases: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]  # keyword -> readings
    bag: Bag


def profile(topic: Topic) -> Profile:
    words = [topic.name, topic.description, *topic.tags, *topic.keywords]
    bag: Bag = {}
    for text in words:
        for reading in _variants(text.replace("-", " "), topic.language):
            add(bag, reading, 1.0)
    phrases: dict[str, tuple[tuple[str, ...], ...]] = {}
    seen: set[tuple[str, ...]] = set()
    for kw in [*topic.keywords, *topic.tags]:
        readings = tuple(tuple(r) for r in _variants(kw.replace("-", " "), topic.language))
        if readings and not seen.intersection(readings):  # "vibe coding" = "vibe-coding"
            phrases.setdefault(kw.casefold(), readings)
            seen.update(readings)
    keys = frozenset(tag_key(t) for t in (*topic.tags, *topic.keywords)) - {""}
    return Profile(topic, keys, tuple(sorted(phrases.items())), bag)


@dataclass(frozen=True)
class Classification:
    episode_id: str
    primary: str
    topics: tuple[str, ...]  # primary first, then up to two secondary
    scores: dict[str, float]  # slug -> evidence score, for every topic with any evidence
    relevance: float  # 0..1: how clearly the primary topic fits; 0 for the catch-all
    matched: dict[str, list[str]] = field(default_factory=dict)  # slug -> tags/keywords found


def _phrase_score(fields: dict[str, Indexed], readings: Sequence[Sequence[str]]) -> float:
    best = 0.0
    for reading in readings:
        for name in ("title", "entities"):
            if fields[name].count(reading):
                best = max(best, FIELD_MATCH[name])
        count = fields["body"].count(reading)
        if count:
            body = FIELD_MATCH["body"] + BODY_EXTRA * (count - 1)
            best = max(best, min(body, BODY_MAX))
    return best


@dataclass
class Classifier:
    """Scores episodes against topics. `threshold`: least evidence for a non-catch-all topic;
    a secondary topic needs `secondary_ratio` of the primary's score as well."""

    topics: list[Topic]
    threshold: float = 1.0
    secondary_ratio: float = 0.5
    profiles: list[Profile] = field(init=False)

    def __post_init__(self) -> None:
        self.profiles = [profile(t) for t in self.topics]
        if not any(t.catch_all for t in self.topics):
            raise ValueError("topics must include the catch-all (use load_topics)")

    def lexicon(self, feats: Iterable[Features]) -> Lexicon:
        return Lexicon([*(p.bag for p in self.profiles), *(f.bag for f in feats)])

    def score(
        self, feat: Features, vec: Vector, topic_vectors: Sequence[Vector]
    ) -> dict[str, tuple[float, list[str]]]:
        """Evidence per topic: slug -> (score, the tags and keywords that matched)."""
        out: dict[str, tuple[float, list[str]]] = {}
        for prof, tvec in zip(self.profiles, topic_vectors, strict=True):
            shared = sorted(feat.tags & prof.match_keys)
            total = TAG_MATCH * len(shared)
            found = ["#" + s for s in shared]
            for kw, readings in prof.phrases:
                s = _phrase_score(feat.fields, readings)
                if s:
                    total += s
                    found.append(kw)
            total += SIMILARITY * cosine(vec, tvec)
            if total > 0:
                out[prof.topic.slug] = (round(total, 4), found)
        return out

    def classify_one(
        self, feat: Features, vec: Vector, topic_vectors: Sequence[Vector]
    ) -> Classification:
        scored = self.score(feat, vec, topic_vectors)
        order = {t.slug: i for i, t in enumerate(self.topics)}
        ranked = sorted(
            (s for s in scored if s != CATCH_ALL or scored[s][1]),
            key=lambda s: (-scored[s][0], order[s]),
        )
        ranked = [s for s in ranked if scored[s][0] >= self.threshold]
        if not ranked:
            return Classification(
                feat.episode_id, CATCH_ALL, (CATCH_ALL,), {s: v[0] for s, v in scored.items()}, 0.0
            )
        best = scored[ranked[0]][0]
        seconds = [s for s in ranked[1:] if scored[s][0] >= self.secondary_ratio * best]
        chosen = [ranked[0], *seconds[:2]]
        relevance = 0.0 if ranked[0] == CATCH_ALL else round(1 - math.exp(-best / 2), 4)
        return Classification(
            feat.episode_id,
            chosen[0],
            tuple(chosen),
            {s: v[0] for s, v in scored.items()},
            relevance,
            {s: scored[s][1] for s in chosen},
        )

    def classify(
        self, episodes: Sequence[Episode], extra: Sequence[Episode] = ()
    ) -> tuple[dict[str, Classification], dict[str, Vector]]:
        """Classify `episodes`; return classifications and the TF-IDF vector of every episode
        (`extra` ones too: same space, so ranking can compare a candidate with sent episodes)."""
        feats = [features(ep) for ep in episodes]
        extra_feats = [features(ep) for ep in extra]
        lex = self.lexicon([*feats, *extra_feats])
        vectors = {f.episode_id: lex.vector(f.bag) for f in [*feats, *extra_feats]}
        tvecs = [lex.vector(p.bag) for p in self.profiles]
        results = {f.episode_id: self.classify_one(f, vectors[f.episode_id], tvecs) for f in feats}
        return results, vectors


# --------------------------------------------------------------------------- suggestions


@dataclass(frozen=True)
class Suggestion:
    """A subject several episodes share that no topic names: a candidate new topic."""

    slug: str
    name: str
    kind: str  # "tag", "entity" or "term"
    episodes: int  # episodes mentioning it
    unclassified: int  # of which the catch-all holds
    examples: tuple[str, ...]  # a few episode titles


_DISTINCTIVE = 8  # terms per episode that may become suggestions


def _covered(profiles: Sequence[Profile]) -> tuple[frozenset[str], frozenset[str]]:
    """Tag keys and single terms the topics already name (tags, keywords, topic names)."""
    keys: set[str] = set()
    words: set[str] = set()
    for prof in profiles:
        keys |= prof.match_keys
        for text in (prof.topic.name, *prof.topic.tags, *prof.topic.keywords):
            for reading in _variants(text.replace("-", " "), prof.topic.language):
                words.update(reading)
    return frozenset(keys), frozenset(words)


def suggest(
    episodes: Sequence[Episode],
    classifier: Classifier,
    *,
    min_episodes: int = 2,
    limit: int = 10,
) -> list[Suggestion]:
    """Frequent tags, entities and terms that no topic covers, most promising first.

    A term counts for an episode when it is among the episode's most distinctive terms (its
    highest TF-IDF weights), so words every title uses ("next", "building") stay out. People
    are left out of the entities: a host is not a subject. Ordered by how many catch-all
    episodes a suggestion would claim, then by how many episodes it appears in.
    """
    results, vectors = classifier.classify(episodes)
    keys, words = _covered(classifier.profiles)
    seen: dict[tuple[str, str], tuple[str, set[str]]] = {}  # (kind, key) -> (label, ids)

    def note(kind: str, key: str, label: str, episode_id: str) -> None:
        if key and key not in keys and not set(key.split()) <= words:
            seen.setdefault((kind, key), (label, set()))[1].add(episode_id)

    for ep in episodes:
        for tag in ep.tags:
            note("tag", tag_key(tag), tag, ep.id)
        for ent in ep.entities:
            if ent.kind.casefold() != "person":
                note("entity", tag_key(ent.name), ent.name, ep.id)
        vec = vectors[ep.id]
        for term in sorted(vec, key=lambda t: (-vec[t], t))[:_DISTINCTIVE]:
            if len(term) > 3:
                note("term", term, term, ep.id)
    spread: dict[str, int] = {}  # term -> episodes using it at all
    for vec in vectors.values():
        for term in vec:
            spread[term] = spread.get(term, 0) + 1
    titles = {ep.id: ep.title for ep in episodes}
    found: list[Suggestion] = []
    for (kind, _key), (label, ids) in seen.items():
        if len(ids) < min_episodes:
            continue
        if kind == "term" and len(episodes) >= 4 and spread[label] > len(episodes) / 2:
            continue  # in most episodes: the background of the window, not a subject
        other = sum(1 for i in ids if results[i].primary == CATCH_ALL)
        examples = tuple(sorted(titles[i] for i in ids)[:3])
        name = label.replace("-", " ").strip()
        found.append(
            Suggestion(slugify(label), name[:1].upper() + name[1:], kind, len(ids), other, examples)
        )
    found.sort(
        key=lambda s: (
            -s.unclassified,
            -s.episodes,
            ("tag", "entity", "term").index(s.kind),
            s.slug,
        )
    )
    out: list[Suggestion] = []
    for sug in found:
        if sug.kind == "term" and any(sug.slug in o.slug.split("-") for o in out):
            continue
        if all(o.slug != sug.slug for o in out):
            out.append(sug)
    return out[:limit]
