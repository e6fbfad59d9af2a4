"""Condense one chosen episode with the language model, verified, with the extractive result
as the floor.

- The source's own takeaways still come first: no call for an episode that has them, unless
  `[llm] always` is set. No transcript, no call either.
- One call with the numbered transcript when it fits the context. A longer one is mapped over
  chapter-aligned windows (candidate takeaways and quotes, verified per window), then one
  reduce call picks the takeaways and writes the blurb; never a refine chain.
- What fails verification is dropped and counted; fewer than 3 takeaways are topped up from
  the extractive result, and no verified quote means the extractive quotes. Any other failure
  gives the extractive result for the episode, with the reason in the report; such a result
  is not cached, so the next run tries the model again.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel, Field

from castdigest.condense.base import Budget
from castdigest.condense.core import ExtractiveCondenser
from castdigest.condense.links import deep_link, media_url
from castdigest.config import LLMConfig
from castdigest.llm import prompts
from castdigest.llm.client import ChatClient, LLMError, Usage
from castdigest.llm.segments import Numbered, number_segments, render_segments, strip_control_tokens
from castdigest.llm.tokens import estimate_tokens
from castdigest.llm.verify import VerifiedQuote, VerifiedTakeaway, supports, verify
from castdigest.llm.windows import windows
from castdigest.models import Condensed, CondensedQuote, Episode, Provenance, Takeaway
from castdigest.text.language import detect_language

M = TypeVar("M", bound=BaseModel)
# Bumped whenever this module changes its output for the same answer: part of the cache key.
LLM_METHOD_VERSION = "llm-1"
MIN_WINDOW_TOKENS = 256  # less transcript than this per map call is not worth the calls
MIN_VERIFIED = 3  # fewer surviving takeaways are topped up from the extractive result


class ModelTakeaway(BaseModel):
    text: str
    evidence: list[str] = Field(default_factory=list)


class ModelQuote(BaseModel):
    segment: str
    text: str


class ModelCandidates(BaseModel):
    """A map call's answer for one window."""

    takeaways: list[ModelTakeaway] = Field(default_factory=list)
    quotes: list[ModelQuote] = Field(default_factory=list)


class ModelDigest(BaseModel):
    """The answer asked of the model (its JSON schema is sent as the response format)."""

    blurb: str
    takeaways: list[ModelTakeaway]
    quotes: list[ModelQuote] = Field(default_factory=list)


@dataclass
class EpisodeReport:
    episode_id: str
    method: str  # "llm", "llm+extractive" (topped up) or "extractive"
    fallback: str | None = None  # why the model's result was not used, when it was not
    dropped: Counter[str] = field(default_factory=Counter)
    usage: Usage = field(default_factory=Usage)
    cacheable: bool = False
    strategy: str | None = None  # "single" or "map-reduce", once the model is asked
    verified: Counter[str] = field(default_factory=Counter)  # takeaways and quotes that passed
    windows: list[list[str]] = field(default_factory=list)  # first and last segment of each

    def as_json(self) -> dict[str, object]:
        return {
            "episode": self.episode_id,
            "method": self.method,
            "strategy": self.strategy,
            "fallback": self.fallback,
            "dropped": dict(sorted(self.dropped.items())),
            "verified": dict(sorted(self.verified.items())),
            "calls": self.usage.calls,
            "tokens_in": self.usage.prompt_tokens,
            "tokens_out": self.usage.completion_tokens,
            "seconds": round(self.usage.seconds, 2),
        }

    def line(self) -> str:
        u = self.usage
        head = (
            f"{self.episode_id}: {self.method}, {u.calls} call(s), {u.prompt_tokens} tokens in, "
            f"{u.completion_tokens} out, {u.seconds:.1f}s"
        )
        if self.dropped:
            head += "; dropped " + ", ".join(f"{n} {k}" for k, n in sorted(self.dropped.items()))
        if self.fallback:
            head += f"; extractive: {self.fallback}"
        return head


def cache_key(config: LLMConfig, extractive_key: str) -> str:
    """Everything that shapes a cached result besides the episode's content: the extractive
    settings (the floor), this module's version, the prompt, the model and its sampling."""
    data = {
        "extractive": extractive_key,
        "method": LLM_METHOD_VERSION,
        "prompts": [prompts.load(p).key for p in ("condense", "condense_map", "condense_reduce")],
        "model": config.model,
        "temperature": config.temperature,
        "seed": config.seed,
        "max_output_tokens": config.max_output_tokens,
        "language": "source",  # the transcript's own; translation is not built
        # Which episodes are mapped over windows, and which windows, follows from these.
        "strategy": {"context_tokens": config.context_tokens},
    }
    blob = json.dumps(data, sort_keys=True).encode()
    return "llm-" + hashlib.sha256(blob).hexdigest()[:16]


class LLMCondenser:
    """One per run: its client counts failures in a row and tokens across episodes."""

    name: str = "llm"

    def __init__(self, config: LLMConfig, client: ChatClient | None = None) -> None:
        self.config = config
        self.client = client or ChatClient(config)
        self.extractive = ExtractiveCondenser()
        self.reports: list[EpisodeReport] = []

    def condense(self, episode: Episode, budget: Budget) -> Condensed:
        result, report = self.condense_reported(episode, budget)
        self.reports.append(report)
        return result

    def condense_reported(
        self, episode: Episode, budget: Budget
    ) -> tuple[Condensed, EpisodeReport]:
        floor = self.extractive.condense(episode, budget)
        report = EpisodeReport(episode.id, "extractive")
        with self.client.tally() as usage:
            try:
                result = self._with_model(episode, budget, floor, report)
            except LLMError as exc:
                report.fallback = str(exc)
                result = floor
        report.usage = usage
        return result, report

    def _with_model(
        self, episode: Episode, budget: Budget, floor: Condensed, report: EpisodeReport
    ) -> Condensed:
        if episode.takeaways and not self.config.always:
            report.cacheable = True  # the source's own takeaways: the model is not needed
            return floor
        segments = number_segments(episode)
        if not segments:
            raise LLMError("no transcript to condense")
        language = episode.language or detect_language(segments[0].text, "en") or "en"
        common = {
            "title": strip_control_tokens(episode.title),
            "takeaways": f"3 to {max(3, budget.takeaways)}",
            "words": str(budget.words_per_takeaway),
            "quotes": str(max(1, budget.quotes)),
            "language": language,
        }
        deadline = time.monotonic() + self.config.episode_deadline_s
        messages = prompts.load("condense").messages(segments=render_segments(segments), **common)
        expected = _estimate(messages)
        if expected + self.config.max_output_tokens <= self.config.context_tokens:
            report.strategy = "single"
            answer = self._ask(messages, ModelDigest, deadline, expected)
        else:
            report.strategy = "map-reduce"
            answer = self._map_reduce(segments, common, deadline, report)
        return self._verified(episode, budget, floor, answer, segments, language, report)

    def _ask(
        self, messages: list[dict[str, str]], schema: type[M], deadline: float, expected: int
    ) -> M:
        self._check_budget(expected)
        if expected + self.config.max_output_tokens > self.config.context_tokens:
            raise LLMError(
                f"about {expected} prompt tokens do not fit context_tokens="
                f"{self.config.context_tokens}"
            )
        return self.client.ask(messages, schema, deadline=deadline, expected_prompt_tokens=expected)

    def _map_reduce(
        self,
        segments: list[Numbered],
        common: dict[str, str],
        deadline: float,
        report: EpisodeReport,
    ) -> ModelDigest:
        """Map over chapter windows, verifying each window's candidates; reduce them in one
        call. Every window is sent, so the whole episode is read."""
        mapper = prompts.load("condense_map")
        empty = _estimate(mapper.messages(segments="", part="part 99 of 99", **common))
        room = self.config.context_tokens - self.config.max_output_tokens - empty
        if room < MIN_WINDOW_TOKENS:
            raise LLMError(
                f"context_tokens={self.config.context_tokens} leaves {max(room, 0)} tokens per "
                f"window after the prompt and max_output_tokens; {MIN_WINDOW_TOKENS} needed"
            )
        parts = windows(segments, room)
        report.windows = [[w[0].id, w[-1].id] for w in parts]
        found: list[VerifiedTakeaway] = []
        quotes: list[VerifiedQuote] = []
        for n, part in enumerate(parts, 1):
            label = f"part {n} of {len(parts)}"
            messages = mapper.messages(segments=render_segments(part), part=label, **common)
            got = self._ask(messages, ModelCandidates, deadline, _estimate(messages))
            verdict = verify(
                [(t.text, t.evidence) for t in got.takeaways],
                [(q.segment, q.text) for q in got.quotes],
                segments,
                common["language"],
            )
            report.dropped.update(verdict.dropped)
            report.verified.update(takeaways=len(verdict.takeaways), quotes=len(verdict.quotes))
            found += verdict.takeaways
            quotes += verdict.quotes
        if not found:
            raise LLMError(f"no verified takeaway in any of {len(parts)} windows")
        lines = [f"[{', '.join(s.id for s in t.evidence)}] {t.text}" for t in found]
        lines += [f"[{q.segment.id}] quote: {q.text}" for q in quotes]
        reducer = prompts.load("condense_reduce")
        messages = reducer.messages(candidates="\n".join(lines), **common)
        return self._ask(messages, ModelDigest, deadline, _estimate(messages))

    def _check_budget(self, expected: int) -> None:
        limit = self.config.run_token_budget
        used = self.client.usage.prompt_tokens + self.client.usage.completion_tokens
        if limit is not None and used + expected + self.config.max_output_tokens > limit:
            raise LLMError(f"run_token_budget={limit} would be passed ({used} tokens spent)")

    def _verified(
        self,
        episode: Episode,
        budget: Budget,
        floor: Condensed,
        answer: ModelDigest,
        segments: list[Numbered],
        language: str,
        report: EpisodeReport,
    ) -> Condensed:
        verdict = verify(
            [(t.text, t.evidence) for t in answer.takeaways],
            [(q.segment, q.text) for q in answer.quotes],
            segments,
            language,
        )
        report.dropped.update(verdict.dropped)
        report.verified.update(takeaways=len(verdict.takeaways), quotes=len(verdict.quotes))
        chapters = [c.title for c in episode.chapters]
        takeaways = [_takeaway(t, chapters) for t in verdict.takeaways[: budget.takeaways]]
        topped = len(takeaways) < MIN_VERIFIED
        if topped:
            said = {t.text for t in takeaways}
            extra = [t for t in floor.takeaways if t.text not in said]
            takeaways += extra[: max(0, min(MIN_VERIFIED, budget.takeaways) - len(takeaways))]
        url = media_url(episode.urls)
        quotes = [_quote(q, url) for q in verdict.quotes[: budget.quotes]] or floor.quotes
        report.method = "llm+extractive" if topped or not verdict.quotes else "llm"
        report.cacheable = True
        return Condensed(
            episode_id=episode.id,
            title=episode.title,
            blurb=_blurb(answer.blurb, segments, language) or floor.blurb,
            takeaways=takeaways,
            quotes=quotes,
            source="transcript",
            method=report.method,
        )


def _estimate(messages: list[dict[str, str]]) -> int:
    return sum(estimate_tokens(m["content"]) + 4 for m in messages)  # and each turn's markup


def _takeaway(t: VerifiedTakeaway, chapters: list[str]) -> Takeaway:
    first = t.evidence[0]
    index = first.chapter
    return Takeaway(
        text=t.text,
        provenance=Provenance.TRANSCRIPT,
        chapter=chapters[index] if index is not None else None,
        chapter_index=index,
        offset=first.start,
        speaker=first.speaker,
    )


def _quote(q: VerifiedQuote, url: str | None) -> CondensedQuote:
    seg = q.segment
    return CondensedQuote(
        text=q.text,
        speaker=seg.speaker,
        offset=seg.start,
        link=deep_link(url, seg.start) if seg.start is not None else None,
    )


def _blurb(text: str, segments: list[Numbered], language: str) -> str | None:
    """The model's blurb on one line, when the transcript as a whole supports it (its content
    and every number in it)."""
    blurb = strip_control_tokens(text)
    return blurb if blurb and supports(blurb, segments, language) is None else None
