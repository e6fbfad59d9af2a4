"""Markdown episodes: YAML front matter and a body in the summary-page inline markup."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from castdigest.errors import ReadError
from castdigest.models import Person
from castdigest.readers.registry import read_path

ROOT = Path(__file__).resolve().parents[1]
AS_OF = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def test_sample_markdown_episode() -> None:
    ctx, [ep] = read_path(ROOT / "samples" / "feeds" / "harbor-notes-12.md", as_of=AS_OF)
    assert ctx.format == "markdown"
    assert ctx.warnings == []
    assert ep.title == "Release trains without the panic"
    assert ep.show == "Harbor Notes"
    assert ep.published == datetime(2026, 11, 19, tzinfo=UTC)
    assert ep.published_text == "2026-11-19"
    assert ep.urls == ["https://example.org/harbor-notes/12"]
    assert ep.language == "en"
    assert ep.tags == ["release-engineering", "feature-flags", "continuous-delivery"]
    assert ep.hosts == [Person(name="Mara Quill", role="host")]
    assert ep.guests == [Person(name="Theo Brandt", role="guest", affiliation="Lanternworks")]
    assert ep.abstract is not None and ep.abstract.startswith("Theo Brandt explains how")
    assert [(c.start, c.title) for c in ep.chapters][1:] == [
        (9.0, "The Tuesday train"),
        (14.0, "Flags as a safety net"),
    ]
    assert ep.chapters[1].summary == "Releases leave on a fixed day; nothing waits for a feature."
    quote = ep.chapters[1].quotes[0]
    assert quote.text == "The trick is that the train leaves every Tuesday, ready or not."
    assert quote.offset == 9.0
    assert ep.sources[0].line == 13  # the body's first line


def test_heading_title_relative_date_and_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "---\nshow: Les Ondes\ndate: il y a 3 jours\nlanguage: fr\ntags: '#sobriété#outils'\n"
        "mood: calm\n---\n# Une heure avec Lucie\n\nOn parle d'outils sobres.\n",
        encoding="utf-8",
    )
    ctx, [ep] = read_path(path, as_of=AS_OF)
    assert ep.title == "Une heure avec Lucie"
    assert ep.published == datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
    assert ep.tags == ["sobriété", "outils"]
    assert ep.abstract == "On parle d'outils sobres."
    assert ctx.warnings == ["front matter key 'mood' is not used"]


def test_invalid_front_matter_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: ok\nshow: [unclosed\n---\nBody\n", encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read_path(path, as_of=AS_OF)
    assert info.value.where == str(path)
    assert info.value.message.startswith("front matter: ")
    assert info.value.line == 3
