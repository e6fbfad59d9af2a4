"""Translate one condensed episode's blurb, takeaways and quotes into the newsletter's
language, in one call that maps ids to strings.

Every id sent must come back, and the translations together must be in the target language
(py3langid, through text.language); otherwise the call fails and the item stays in its own
language. Quotes keep their verbatim text: their translation is shown under them. Rendering the
translations in the email and text part is not built yet: this module returns them."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from pydantic import BaseModel

from castdigest.llm import prompts
from castdigest.llm.client import ChatClient, LLMError
from castdigest.llm.segments import strip_control_tokens
from castdigest.llm.tokens import estimate_tokens
from castdigest.models import Condensed
from castdigest.text.language import detect_language
from castdigest.text.tokens import primary


class ModelTranslations(BaseModel):
    translations: dict[str, str]


@dataclass(frozen=True)
class Translation:
    language: str  # the target
    source_language: str
    model: str
    blurb: str | None
    takeaways: list[str]
    quotes: list[str]  # shown under the verbatim quotes


def items_of(condensed: Condensed) -> dict[str, str]:
    """The texts to translate by id: b (blurb), t1.. (takeaways), q1.. (quotes)."""
    items = {"b": condensed.blurb} if condensed.blurb else {}
    items.update({f"t{i}": t.text for i, t in enumerate(condensed.takeaways, 1)})
    items.update({f"q{i}": q.text for i, q in enumerate(condensed.quotes, 1)})
    return {k: strip_control_tokens(v) for k, v in items.items()}


def translate(
    client: ChatClient,
    condensed: Condensed,
    source_language: str,
    target_language: str,
    *,
    deadline_s: float = 300.0,
) -> Translation:
    items = items_of(condensed)
    messages = prompts.load("translate").messages(
        source=source_language,
        target=target_language,
        items=json.dumps(items, ensure_ascii=False, indent=1),
    )
    expected = sum(estimate_tokens(m["content"]) for m in messages)
    answer = client.ask(
        messages,
        ModelTranslations,
        deadline=time.monotonic() + deadline_s,
        expected_prompt_tokens=expected,
    )
    got = {k: " ".join(v.split()) for k, v in answer.translations.items() if k in items}
    missing = [k for k in items if not got.get(k)]
    if missing:
        raise LLMError(f"the translation lacks id(s) {', '.join(missing)}")
    found = detect_language(" ".join(got.values()))
    if primary(found) != primary(target_language):
        raise LLMError(
            f"the translation is in {found or 'an unknown language'}, not in {target_language}"
        )
    return Translation(
        language=target_language,
        source_language=source_language,
        model=client.config.model,
        blurb=got.get("b"),
        takeaways=[got[f"t{i}"] for i in range(1, len(condensed.takeaways) + 1)],
        quotes=[got[f"q{i}"] for i in range(1, len(condensed.quotes) + 1)],
    )
