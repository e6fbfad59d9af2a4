"""Quotes in a digest built from ../shared/seeds and the bundled samples, as `make demo` builds
one (the weekly job, `--no-send`): attributed, each with its own time or its chapter."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from markupsafe import escape

from castdigest.cli import cli
from castdigest.condense import condense_episode
from castdigest.config import CondenseConfig
from castdigest.models import Digest, DigestItem, Episode
from conftest import SAMPLES


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Digest, dict[str, Episode], Path]:
    shared = SAMPLES.parent.parent / "shared"
    if not (shared / "seeds").is_dir():
        pytest.skip(f"{shared}/seeds is absent")
    home = tmp_path_factory.mktemp("digest")
    shutil.copytree(SAMPLES, home / "samples")
    (home / "out").mkdir()
    (home / ".demo").mkdir()
    config = home / "samples" / "castdigest.toml"
    text = config.read_text(encoding="utf-8")
    seeds = f'[[sources]]\npath = "{shared / "seeds"}"\n\n[[sources]]\npath = "pages/"'
    config.write_text(text.replace('[[sources]]\npath = "pages/"', seeds, 1), encoding="utf-8")
    runner = CliRunner()
    env = {"CASTDIGEST_UNSUBSCRIBE_SECRET": ""}
    args = ["--config", str(config), "weekly", "--no-send", "--as-of", "2026-11-24"]
    result = runner.invoke(cli, args, env=env)
    assert result.exit_code == 0, result.output
    shown = runner.invoke(cli, ["--config", str(config), "digest", "show", "2026-W48", "--json"])
    assert shown.exit_code == 0, shown.output
    listed = runner.invoke(cli, ["--config", str(config), "episodes", "--json"])
    assert listed.exit_code == 0, listed.output
    listing = json.loads(listed.stdout)
    assert all(e.pop("needs_review") is False for e in listing)  # the review state, beside
    episodes = {e["id"]: Episode.model_validate(e) for e in listing}
    return Digest.model_validate_json(shown.stdout), episodes, home / "out" / "2026-W48"


def _items(d: Digest) -> list[DigestItem]:
    return [it for s in d.sections for it in s.items]


def test_most_quotes_of_one_guest_episodes_name_their_speaker(built) -> None:  # type: ignore[no-untyped-def]
    d, _, _ = built
    quotes = [q for it in _items(d) if len(it.guests) == 1 for q in it.condensed.quotes]
    assert len(quotes) >= 3
    named = [q for q in quotes if q.speaker]
    assert len(named) >= 0.8 * len(quotes)


def test_no_quote_shows_its_chapter_start_as_its_time(built) -> None:  # type: ignore[no-untyped-def]
    d, episodes, _ = built
    checked = 0
    for it in _items(d):
        episode = episodes[it.episode_id]
        own = {q.text.strip("\"'“”«» "): q.offset for q in episode.quotes}
        for chapter in episode.chapters:
            own.update({q.text.strip("\"'“”«» "): q.offset for q in chapter.quotes})
        if episode.transcript is not None:
            continue  # the transcript's turns give the times
        for q in it.condensed.quotes:
            checked += 1
            if q.offset is not None:  # a time shown is the source's own for this quote
                assert own.get(q.text) == q.offset, (it.episode_id, q.text, q.offset)
    assert checked >= 5


def test_chapter_quotes_say_their_chapter_in_every_form(built) -> None:  # type: ignore[no-untyped-def]
    d, _, out = built
    html = (out / "email.html").read_text(encoding="utf-8")
    text = (out / "email.txt").read_text(encoding="utf-8")
    page = (out / "index.html").read_text(encoding="utf-8")
    chapters = [q.chapter for it in _items(d) for q in it.condensed.quotes[:2] if q.chapter]
    assert chapters
    for chapter in chapters:
        assert f"in {escape(chapter)}" in html
        assert f"in {escape(chapter)}" in page
        assert f"in {chapter.split()[0]}" in text  # the text part wraps long titles
    assert " at 0:00" not in text and ">at 0:00<" not in html


def test_every_episode_read_attributes_and_marks_its_quotes(built) -> None:  # type: ignore[no-untyped-def]
    _, episodes, _ = built
    one_guest = []
    foreign = []
    for episode in episodes.values():
        quotes = condense_episode(episode, CondenseConfig()).quotes
        if len({p.name for p in episode.guests}) == 1:
            one_guest += quotes
        if episode.caption_languages and episode.language not in episode.caption_languages:
            foreign += quotes  # a summary written in a language the episode is not spoken in
    assert len(one_guest) >= 15
    assert sum(1 for q in one_guest if q.speaker) >= 0.8 * len(one_guest)
    assert foreign and all(q.translated for q in foreign)
