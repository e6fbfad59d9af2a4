"""Reading a saved page's text as `castdigest ingest` would, on 2026-11-24 at noon: the
helper of the tests that read whole pages written for them."""

from __future__ import annotations

from datetime import UTC, datetime

from castdigest.models import Episode
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.registry import read_document

AS_OF = datetime(2026, 11, 24, 12, tzinfo=UTC)


def read_text(text: str) -> tuple[str, list[Episode]]:
    """(the reader's name, the episodes) of a page holding `text`."""
    doc = Document(location="page.txt", data=text.encode(), text=text)
    return read_document(doc, ReadContext(as_of=AS_OF))
