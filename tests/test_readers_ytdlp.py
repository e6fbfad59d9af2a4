"""yt-dlp `.info.json` files and the subtitle files yt-dlp writes beside them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from castdigest.cli import cli
from castdigest.readers.registry import choose, load_file, read_path
from castdigest.readers.ytdlp import sibling_subtitles

AS_OF = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
STEM = "Harbor Notes Live - tides and ledgers [aB3dE9fG1h2]"

VTT_EN = """WEBVTT
Kind: captions
Language: en

00:00:00.000 --> 00:00:04.000
Welcome back to the harbor, where the tide tables never lie.

00:00:04.000 --> 00:00:09.500
Today we open the ledger and count every boat that came in this spring.

00:01:35.000 --> 00:01:40.000
Reading a tide table starts with the datum line printed at the very top.
"""

SRT_FR = """1
00:00:00,000 --> 00:00:04,000
Bienvenue au port, où les tables des marées ne mentent jamais.

2
00:00:04,000 --> 00:00:09,500
Aujourd'hui nous ouvrons le registre des bateaux arrivés ce printemps.
"""


def info(**changes: Any) -> dict[str, Any]:
    """A video record with the field names yt-dlp writes (formats cut to one)."""
    record: dict[str, Any] = {
        "id": "aB3dE9fG1h2",
        "title": "Harbor Notes Live: tides and ledgers",
        "formats": [{"format_id": "18", "ext": "mp4", "url": "https://media.example.com/18"}],
        "thumbnail": "https://i.example.com/vi/aB3dE9fG1h2/maxresdefault.jpg",
        "description": "Tide tables, ledgers and the boats of the spring.\nLinks below.",
        "channel_id": "UC0harbornotes",
        "channel_url": "https://www.youtube.com/channel/UC0harbornotes",
        "duration": 1834,
        "duration_string": "30:34",
        "view_count": 1200,
        "webpage_url": "https://www.youtube.com/watch?v=aB3dE9fG1h2",
        "categories": ["Education"],
        "tags": ["tides", "ledgers", "tides", " "],
        "chapters": [
            {"start_time": 95.0, "title": "Reading a tide table", "end_time": 1834.0},
            {"start_time": 0.0, "title": "Welcome", "end_time": 95.0},
        ],
        "channel": "Harbor Notes",
        "uploader": "Harbor Notes Team",
        "upload_date": "20240315",
        "language": "en",
        "extractor": "youtube",
        "extractor_key": "Youtube",
        "_type": "video",
        "epoch": 1710500000,
    }
    record.update(changes)
    return record


def write_info(folder: Path, record: dict[str, Any], stem: str = STEM) -> Path:
    path = folder / f"{stem}.info.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path


def test_video_metadata_chapters_and_transcript(tmp_path: Path) -> None:
    path = write_info(tmp_path, info())
    (tmp_path / f"{STEM}.en.vtt").write_text(VTT_EN, encoding="utf-8")
    ctx, (ep,) = read_path(path, as_of=AS_OF)
    assert ctx.format == "ytdlp-info"
    assert ep.title == "Harbor Notes Live: tides and ledgers"
    assert ep.show == "Harbor Notes"
    assert ep.published == datetime(2024, 3, 15, tzinfo=UTC)
    assert ep.published_text == "20240315"
    assert ep.duration == 1834.0
    assert ep.urls == ["https://www.youtube.com/watch?v=aB3dE9fG1h2"]
    assert ep.guid == "yt:video:aB3dE9fG1h2"
    assert ep.tags == ["tides", "ledgers"]
    assert ep.language == "en"
    assert ep.abstract == "Tide tables, ledgers and the boats of the spring.\nLinks below."
    assert [(c.start, c.end, c.title) for c in ep.chapters] == [
        (0.0, 95.0, "Welcome"),
        (95.0, 1834.0, "Reading a tide table"),
    ]
    assert ep.caption_languages == ["en"]
    assert ep.transcript is not None and ep.transcript.language == "en"
    assert ep.transcript.text.startswith("Welcome back to the harbor, where the tide tables")
    assert [s.start for s in ep.transcript.segments] == [0.0, 95.0]


def test_transcript_in_the_videos_language_among_several(tmp_path: Path) -> None:
    path = write_info(tmp_path, info(language="fr", channel=None, extractor_key="Vimeo"))
    (tmp_path / f"{STEM}.en.vtt").write_text(VTT_EN, encoding="utf-8")
    (tmp_path / f"{STEM}.fr.srt").write_text(SRT_FR, encoding="utf-8")
    (tmp_path / "Another video [zz9].en.vtt").write_text(VTT_EN, encoding="utf-8")
    (tmp_path / f"{STEM}.live_chat.json").write_text("{}", encoding="utf-8")
    _, (ep,) = read_path(path, as_of=AS_OF)
    assert ep.caption_languages == ["en", "fr"]
    assert ep.transcript is not None and ep.transcript.language == "fr"
    assert ep.transcript.text.startswith("Bienvenue au port, où les tables")
    assert ep.show == "Harbor Notes Team"  # the uploader when there is no channel
    assert ep.guid is None  # only sites whose feeds' guids are known get one


def test_no_subtitles_no_dates(tmp_path: Path) -> None:
    record = info(upload_date=None, chapters=None, tags=None, language=None)
    _, (ep,) = read_path(write_info(tmp_path, record), as_of=AS_OF)
    assert (ep.transcript, ep.caption_languages, ep.chapters, ep.tags) == (None, [], [], [])
    assert ep.published is None and ep.published_text is None


def test_timestamp_is_the_exact_instant(tmp_path: Path) -> None:
    _, (ep,) = read_path(write_info(tmp_path, info(timestamp=1710500400)), as_of=AS_OF)
    assert ep.published == datetime(2024, 3, 15, 11, 0, tzinfo=UTC)


def test_unreadable_subtitles_are_a_warning(tmp_path: Path) -> None:
    path = write_info(tmp_path, info())
    (tmp_path / f"{STEM}.en.vtt").write_text("not a caption file\n", encoding="utf-8")
    ctx, (ep,) = read_path(path, as_of=AS_OF)
    assert ep.transcript is None and ep.title == "Harbor Notes Live: tides and ledgers"
    assert ctx.warnings == [
        f"subtitles skipped: {tmp_path / STEM}.en.vtt:1: WebVTT must start with WEBVTT"
    ]


def test_sniffing(tmp_path: Path) -> None:
    assert choose(load_file(write_info(tmp_path, info()))).name == "ytdlp-info"
    renamed = tmp_path / "saved.json"
    renamed.write_text(json.dumps(info()), encoding="utf-8")
    assert choose(load_file(renamed)).name == "ytdlp-info"
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"chapters": [{"startTime": 0, "title": "A"}]}), "utf-8")
    assert choose(load_file(other)).name == "chapters-json"


def test_sibling_subtitles_by_language(tmp_path: Path) -> None:
    path = write_info(tmp_path, info())
    for name in (f"{STEM}.en-US.vtt", f"{STEM}.pt-BR.srt", f"{STEM}.description", "x.en.vtt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert list(sibling_subtitles(str(path))) == ["en-US", "pt-BR"]
    assert sibling_subtitles("https://example.org/v.info.json") == {}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_folder_ingest_makes_one_episode(tmp_path: Path) -> None:
    box = tmp_path / "downloads"
    box.mkdir()
    write_info(box, info())
    (box / f"{STEM}.en.vtt").write_text(VTT_EN, encoding="utf-8")
    db = str(tmp_path / "a.db")
    code, out, _ = run("ingest", str(box), "--db", db)
    assert code == 0
    assert f"{box / STEM}.en.vtt: 1 new, 0 updated, 0 unchanged (vtt)" in out
    assert f"{box / STEM}.info.json: 0 new, 1 updated, 0 unchanged (ytdlp-info)" in out
    code, out, _ = run("episodes", "--db", db, "--json")
    (ep,) = json.loads(out)
    assert ep["title"] == "Harbor Notes Live: tides and ledgers"
    assert ep["duration"] == 1834.0  # the video's, not the last caption's end
    assert sorted(s["format"] for s in ep["sources"]) == ["vtt", "ytdlp-info"]
    assert ep["transcript"]["text"].startswith("Welcome back to the harbor")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"_type": "playlist", "id": "PL1", "title": "All", "entries": []}', "playlist"),
        ('{"id": "x", "title": ', "invalid JSON"),
        ('{"id": "x", "title": "Clip", "chapters": "none"}', '"chapters" must be a list'),
    ],
)
def test_bad_info_files_fail_with_a_message(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "clip [x1].info.json"
    path.write_text(content, encoding="utf-8")
    code, _, err = run("ingest", str(path), "--db", str(tmp_path / "a.db"))
    assert code == 1
    assert str(path) in err and message in err
    assert "Traceback" not in err
