"""What a source can tell is recorded on its SourceRef by its reader; records stored before
that get it from their format, and profiles stored before are made again."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from castdigest.archive import Archive
from castdigest.dedupe import PROFILE_VERSION
from castdigest.models import SourceRef
from castdigest.pipeline.ingest import SourceSpec, ingest_file
from castdigest.readers.registry import read_path
from conftest import AS_OF

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_readers_record_what_their_sources_can_tell() -> None:
    _, (captions,) = read_path(SAMPLES / "feeds/harbor-notes-12.vtt", AS_OF)
    _, (chapters,) = read_path(SAMPLES / "feeds/harbor-notes-12-chapters.json", AS_OF)
    _, listed = read_path(SAMPLES / "pages/channel-listing.txt", AS_OF)
    assert (captions.sources[0].file_title, captions.sources[0].linked_file) == (True, True)
    assert (chapters.sources[0].file_title, chapters.sources[0].linked_file) == (False, True)
    assert {(s.file_title, s.linked_file) for e in listed for s in e.sources} == {(False, False)}


def test_a_record_stored_before_gets_them_from_its_format() -> None:
    old = {"location": "https://example.org/ep12.srt", "format": "srt", "content_hash": "h"}
    assert SourceRef.model_validate(old).file_title is True
    assert SourceRef.model_validate({**old, "format": "rss"}).linked_file is False
    said = SourceRef.model_validate({**old, "file_title": False, "linked_file": False})
    assert (said.file_title, said.linked_file) == (False, False)  # what a reader said stays


def test_profiles_of_an_older_version_are_made_again(tmp_path: Path) -> None:
    db, listing = tmp_path / "a.db", SAMPLES / "pages/channel-listing.txt"
    with Archive(db) as archive:
        first = ingest_file(archive, listing, SourceSpec(), AS_OF, AS_OF)
        count = archive.episodes.count()
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT rowid, profile FROM episode_profiles").fetchall()
    for rowid, blob in rows:  # as a version-1 profile: its first byte
        conn.execute(
            "UPDATE episode_profiles SET profile = ? WHERE rowid = ?", (b"\x01" + blob[1:], rowid)
        )
    conn.commit()
    conn.close()
    again = tmp_path / "again.txt"
    shutil.copyfile(listing, again)
    with Archive(db) as archive:
        report = ingest_file(archive, again, SourceSpec(), AS_OF, AS_OF)
        assert not report.failed and report.new == 0 and archive.episodes.count() == count
    conn = sqlite3.connect(db)
    versions = {blob[0] for (blob,) in conn.execute("SELECT profile FROM episode_profiles")}
    conn.close()
    assert first.new == count and versions == {PROFILE_VERSION}
