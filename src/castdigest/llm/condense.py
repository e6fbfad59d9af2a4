"""Condense one chosen episode with the language model, verified, with the extractive result
as the floor.

- The source's own takeaways still come first: no call for an episode that has them, unless
  `[llm] always` is set. No transcript, no call either.
- One call with the numbered transcript when it fits the context; a longer episode falls back
  to extractive (map-reduce over chapter windows is not built).
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
from castdigest.models import Condensed, CondensedQuote, Episode, Provenance, Takeaway
from castdigest.text.language import detect_language

# Bumped whenever this module changes its output for the same answer: part of the cache key.
LLM_METHOD_VERSION = "llm-1"
MIN_VERIFIED = 3  # fewer surviving takeaways are topped up from the extractive result
STRATEGY = "single"  # one call per episode; map-reduce is not built


class ModelTakeaway(BaseModel):
    text: str
    evidence: list[str] = Field(default_factory=list)


class ModelQuote(BaseModel):
    segment: str
    text: str


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

    def as_json(self) -> dict[str, object]:
        return {
            "episode": self.episode_id,
            "method": self.method,
            "fallback": self.fallback,
            "dropped": dict(sorted(self.dropped.items())),
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
    prompt = prompts.load("condense")
    data = {
        "extractive": extractive_key,
        "method": LLM_METHOD_VERSION,
        "prompt": prompt.key,
        "model": config.model,
        "temperature": config.temperature,
        "seed": config.seed,
        "max_output_tokens": config.max_output_tokens,
        "language": "source",  # the transcript's own; translation is not built
        "strategy": STRATEGY,
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
        before = _snapshot(self.client.usage)
        try:
            result = self._with_model(episode, budget, floor, report)
        except LLMError as exc:
            report.fallback = str(exc)
            result = floor
        report.usage = _since(before, self.client.usage)
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
        prompt = prompts.load("condense")
        messages = prompt.messages(
            title=strip_control_tokens(episode.title),
            segments=render_segments(segments),
            takeaways=f"3 to {max(3, budget.takeaways)}",
            words=str(budget.words_per_takeaway),
            quotes=str(max(1, budget.quotes)),
            language=language,
        )
        expected = sum(estimate_tokens(m["content"]) for m in messages)
        if expected + self.config.max_output_tokens > self.config.context_tokens:
            raise LLMError(
                f"about {expected} prompt tokens do not fit context_tokens="
                f"{self.config.context_tokens} in one call (map-reduce is not built)"
            )
        self._check_budget(expected)
        deadline = time.monotonic() + self.config.episode_deadline_s
        answer = self.client.ask(
            messages, ModelDigest, deadline=deadline, expected_prompt_tokens=expected
        )
        return self._verified(episode, budget, floor, answer, segments, language, report)

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
        report.dropped = verdict.dropped
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


def _snapshot(u: Usage) -> Usage:
    return Usage(u.calls, u.prompt_tokens, u.completion_tokens, u.seconds, u.retries, u.repairs)


def _since(before: Usage, now: Usage) -> Usage:
    return Usage(
        now.calls - before.calls,
        now.prompt_tokens - before.prompt_tokens,
        now.completion_tokens - before.completion_tokens,
        now.seconds - before.seconds,
        now.retries - before.retries,
        now.repairs - before.repairs,
    )
