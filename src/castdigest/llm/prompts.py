"""Versioned prompt files shipped in the package (castdigest/llm/data/<id>.v<version>.txt).

A prompt's text is part of the cache key through its id and version, so a changed text must
come with a new version: SHA256 records the hash of each version's file, and a test fails when
a file no longer matches its record. The transcript is substituted as data, once, between two
lines of a random boundary marker; it is never template source."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from importlib import resources
from string import Template

USER_MARK = "=== user ===\n"
# (id, version) -> sha256 of the file's text
SHA256 = {
    ("condense", 1): "ddff8ed5fb51094bc4ff24252548e394e99f061690152dee188c6ba52427e05b",
    ("condense_map", 1): "77816704558dacc2e8bd4772c0fe6c4d0397def812cb825ffe3bf3a68f129e0a",
    ("condense_reduce", 1): "e899fd1de00710faf040221408387c5a57e5db25ff2366d9c7a19154cddd5e2e",
    ("translate", 1): "3c8e112c421098dd8d6963191712391bcfe13e8f6168844bcab68846d5ace0dc",
}
CURRENT = {"condense": 1, "condense_map": 1, "condense_reduce": 1, "translate": 1}


@dataclass(frozen=True)
class Prompt:
    id: str
    version: int
    text: str

    @property
    def key(self) -> str:
        return f"{self.id}.v{self.version}"

    def messages(self, **values: str) -> list[dict[str, str]]:
        """System and user messages, with a fresh boundary marker the data cannot guess."""
        boundary = f"<<<DATA-{secrets.token_hex(8)}>>>"
        system, user = self.text.split(USER_MARK, 1)
        filled = {**values, "boundary": boundary}
        return [
            {"role": "system", "content": Template(system).substitute(filled).strip()},
            {"role": "user", "content": Template(user).substitute(filled).strip()},
        ]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load(prompt_id: str, version: int | None = None) -> Prompt:
    version = CURRENT[prompt_id] if version is None else version
    name = f"{prompt_id}.v{version}.txt"
    text = resources.files("castdigest.llm").joinpath("data", name).read_text(encoding="utf-8")
    return Prompt(prompt_id, version, text)
