"""Translate one condensed episode's blurb, takeaways and quotes into the newsletter's
language, in one call that maps ids to strings.

Every id sent must come back, and the translations together must be in the target language
(py3langid, through text.language); otherwise the call fails and the item stays in its own
language. Quotes keep their verbatim text: their translation is shown under them (see
`pipeline/translate.py` for the build's side, and the email templates)."""

from __future__ import annotations

import hashlib
import json
import time

from pydantic import BaseModel

from castdigest.config import LLMConfig
from castdigest.llm import prompts
from castdigest.llm.client import ChatClient, LLMError
from castdigest.llm.segments import strip_control_tokens
from castdigest.llm.tokens import estimate_tokens
from castdigest.models import Condensed, ItemTranslation
from castdigest.text.language import detect_language
from castdigest.text.tokens import primary


class ModelTranslations(BaseModel):
    translations: dict[str, str]


def translation_key(config: LLMConfig, target: str, condensed: Condensed) -> str:
    """What a cached translation depends on: the condensed text, the target, the prompt, the
    model and its sampling."""
    data = {
        "condensed": condensed.model_dump(mode="json"),
        "target": target,
        "prompt": prompts.load("translate").key,
        "model": config.model,
        "temperature": config.temperature,
        "seed": config.seed,
        "max_output_tokens": config.max_output_tokens,
    }
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
    return "translate-" + hashlib.sha256(blob).hexdigest()[:16]


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
) -> ItemTranslation:
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
    return ItemTranslation(
        language=target_language,
        source_language=source_language,
        model=client.config.model,
        blurb=got.get("b"),
        takeaways=[got[f"t{i}"] for i in range(1, len(condensed.takeaways) + 1)],
        quotes=[got[f"q{i}"] for i in range(1, len(condensed.quotes) + 1)],
    )
