"""Translating a digest's items into the newsletter's language (`[llm] translate = true`).

Only items whose language is known and is not the newsletter's are sent, one call each (in
parallel up to `[llm] max_concurrency`). A translation that fails its checks (an id missing,
another language) is dropped: the item stays in its own language, with its language label,
and the build says why. Translations are kept in the archive beside the condensed results,
so a rebuild makes no calls. Without a model configured nothing is translated.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from castdigest.archive import Archive
from castdigest.config import Settings
from castdigest.models import Condensed, Digest, Episode, ItemTranslation
from castdigest.text.tokens import primary


@dataclass
class Translating:
    results: dict[str, ItemTranslation] = field(default_factory=dict)  # by episode id
    warnings: list[str] = field(default_factory=list)
    reports: list[dict[str, object]] = field(default_factory=list)  # per call made
    lines: list[str] = field(default_factory=list)


def wanted(settings: Settings) -> bool:
    return settings.llm.translate and bool(settings.llm.model)


def translate_items(
    archive: Archive,
    settings: Settings,
    episodes: Sequence[Episode],
    condensed: dict[str, Condensed],
) -> Translating:
    """Translations of the chosen episodes that are in another language than the newsletter."""
    out = Translating()
    if not wanted(settings):
        return out
    # Imported here: the model client is loaded only by runs that translate.
    from castdigest.llm.client import ChatClient, LLMError
    from castdigest.llm.translate import translate, translation_key

    target = settings.newsletter.language
    todo: list[tuple[Episode, str, str]] = []  # the episode, its content hash, the cache key
    for ep in episodes:
        result = condensed.get(ep.id)
        if result is None or not ep.language or primary(ep.language) == primary(target):
            continue
        key, content = translation_key(settings.llm, target, result), ep.content_hash()
        hit = archive.digests.cached_translation(content, key)
        if hit is not None:
            out.results[ep.id] = hit
        else:
            todo.append((ep, content, key))
    if not todo:
        return out
    client = ChatClient(settings.llm)

    def one(ep: Episode) -> tuple[ItemTranslation | None, str | None, dict[str, object]]:
        with client.tally() as usage:
            try:
                found: ItemTranslation | None = translate(
                    client, condensed[ep.id], ep.language or "", target
                )
                why = None
            except LLMError as exc:
                found, why = None, str(exc)
            except Exception as exc:  # one episode's failure must not sink the whole digest
                found, why = None, f"{type(exc).__name__}: {exc}"
        report: dict[str, object] = {
            "episode": ep.id,
            "method": "translate",
            "fallback": why,
            "calls": usage.calls,
            "tokens_in": usage.prompt_tokens,
            "tokens_out": usage.completion_tokens,
            "seconds": round(usage.seconds, 2),
        }
        return found, why, report

    with ThreadPoolExecutor(max_workers=settings.llm.max_concurrency) as pool:
        done = list(pool.map(one, [ep for ep, _, _ in todo]))
    for (ep, content, key), (found, why, report) in zip(todo, done, strict=True):
        out.reports.append(report)
        out.lines.append(_line(report))
        if found is None:
            out.warnings.append(f"{ep.id}: not translated ({why}); shown in its own language")
            continue
        archive.digests.cache_translation(content, key, found)
        out.results[ep.id] = found
    return out


def _line(report: dict[str, object]) -> str:
    head = (
        f"{report['episode']}: translate, {report['calls']} call(s), {report['tokens_in']} "
        f"tokens in, {report['tokens_out']} out, {report['seconds']}s"
    )
    return head + (f"; not used: {report['fallback']}" if report["fallback"] else "")


def attach(digest: Digest, translations: dict[str, ItemTranslation]) -> Digest:
    """`digest` with each item's translation, where there is one."""
    if not translations:
        return digest
    sections = [
        section.model_copy(
            update={
                "items": [
                    item.model_copy(update={"translation": translations.get(item.episode_id)})
                    for item in section.items
                ]
            }
        )
        for section in digest.sections
    ]
    return digest.model_copy(update={"sections": sections})
