"""Transcript (VTT, SRT, JSON, HTML) and chapters readers on the fixtures and samples."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from castdigest.errors import ReadError
from castdigest.models import Chapter, Episode, Segment
from castdigest.readers.registry import read_path
from castdigest.readers.transcripts import Cue, turns

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "feeds"
AS_OF = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def read(path: Path) -> tuple[str, Episode]:
    ctx, episodes = read_path(path, as_of=AS_OF)
    assert len(episodes) == 1
    return ctx.format, episodes[0]


def fixture(shared: Path, name: str) -> Path:
    return shared / "fixtures" / name


def test_vtt_voice_tags_become_speaker_turns(shared: Path) -> None:
    fmt, ep = read(fixture(shared, "transcripts/example.vtt"))
    assert fmt == "vtt"
    assert ep.title == "example"
    assert ep.transcript is not None
    segs = ep.transcript.segments
    assert [s.speaker for s in segs] == ["Sarah", "Gillian"]
    assert (segs[0].start, segs[0].end) == (0.0, 18.63)
    assert (segs[1].start, segs[1].end) == (19.08, 25.35)
    assert "Welcome to Podcasting Q&A, where you learn" in segs[0].text  # &amp; decoded
    assert "<v" not in ep.transcript.text
    assert ep.transcript.text.startswith("Sarah: In today's episode, you'll learn whether")
    assert ep.duration == 25.35
    assert ep.language == "en"


def test_srt_speaker_labels_carry_over_unlabelled_cues(shared: Path) -> None:
    fmt, ep = read(fixture(shared, "transcripts/example.srt"))
    assert fmt == "srt"
    assert ep.transcript is not None
    segs = ep.transcript.segments
    assert [s.speaker for s in segs[:4]] == ["Travis", "Sarah", "Travis", "Gilon"]
    assert len(segs) == 10
    assert segs[0].start == 0.179
    assert segs[0].text.startswith("When you first get started in podcasting, it's almost")
    assert segs[1].start == 53.03


def test_json_transcript_word_segments_merge(shared: Path) -> None:
    fmt, ep = read(fixture(shared, "transcripts/example.json"))
    assert fmt == "transcript-json"
    assert ep.transcript is not None
    assert ep.transcript.segments == [
        Segment(text="I am your father.", start=0.5, end=2.5, speaker="Darth Vader"),
        Segment(text="Nooooo", start=2.75, end=3.0, speaker="Luke"),
    ]
    assert ep.transcript.text == "Darth Vader: I am your father.\n\nLuke: Nooooo"


def test_html_transcript_cite_time_paragraphs(shared: Path) -> None:
    fmt, ep = read(fixture(shared, "transcripts/example.html"))
    assert fmt == "transcript-html"
    assert ep.transcript is not None
    segs = ep.transcript.segments
    assert [s.speaker for s in segs[:4]] == ["Travis", "Sarah", "Travis", "Gilon"]
    assert [s.start for s in segs[:3]] == [0.0, 53.0, 102.0]
    assert segs[0].end == 53.0
    assert "doesn't mean that you have to make all the mistakes" in segs[0].text


def test_formats_are_sniffed_by_content_not_extension(shared: Path, tmp_path: Path) -> None:
    for name, expected in [
        ("transcripts/example.vtt", "vtt"),
        ("transcripts/example.srt", "srt"),
        ("transcripts/example.json", "transcript-json"),
        ("transcripts/example.html", "transcript-html"),
        ("chapters/example.json", "chapters-json"),
    ]:
        copy = tmp_path / ("renamed-" + name.replace("/", "-") + ".txt")
        shutil.copy(fixture(shared, name), copy)
        assert read(copy)[0] == expected, name


def test_sample_vtt_speakers() -> None:
    fmt, ep = read(SAMPLES / "harbor-notes-12.vtt")
    assert fmt == "vtt"
    assert ep.title == "harbor notes 12"
    assert ep.transcript is not None
    assert [(s.speaker, s.start) for s in ep.transcript.segments] == [
        ("Mara Quill", 0.0),
        ("Theo Brandt", 9.0),
        ("Mara Quill", 19.8),
    ]
    assert "it made & kept his team calm" in ep.transcript.text


def test_turns_without_any_speaker_group_into_timed_paragraphs() -> None:
    cues = [Cue(text=f"Sentence {i}.", start=i * 20.0, end=i * 20.0 + 20) for i in range(7)]
    segs = turns(cues)
    assert [(s.start, s.end) for s in segs] == [(0.0, 60.0), (60.0, 120.0), (120.0, 140.0)]
    assert segs[0].text == "Sentence 0. Sentence 1. Sentence 2."


def test_bad_vtt_timing_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.vtt"
    path.write_text("WEBVTT\n\n00:00:01 --> 00:00:02\nhello\n", encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read(path)
    assert str(info.value) == (f"{path}:3: cue timing is not HH:MM:SS.mmm --> HH:MM:SS.mmm")


def test_json_transcript_without_segments_list(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text('{"segments": "nope", "body": 1}', encoding="utf-8")
    with pytest.raises(ReadError, match='a JSON transcript needs a "segments" list'):
        read(path)


# --------------------------------------------------------------------------- chapters


def test_chapters_json(shared: Path) -> None:
    fmt, ep = read(fixture(shared, "chapters/example.json"))
    assert fmt == "chapters-json"
    assert len(ep.chapters) == 9
    assert ep.chapters[1] == Chapter(
        start=168.0,
        end=260.0,
        title="Hearing Aids",
        image="https://example.com/images/hearing_aids.jpg",
    )
    assert ep.chapters[3].url == "https://github.com/Podcastindex-org/podcast-namespace"
    assert ep.chapters[-1].title == "Outro" and ep.chapters[-1].end is None


def test_chapters_json_toc_false_is_hidden(shared: Path) -> None:
    _, ep = read(fixture(shared, "chapters/exampleComplex.json"))
    assert ep.title == "Episode 7 - Making Progress"
    assert ep.show == "John's Awesome Podcast"
    assert ep.hosts[0].name == "John Doe"
    hidden = [c for c in ep.chapters if c.hidden]
    assert [(c.start, c.title) for c in hidden] == [(4826.0, "Eiffel Tower, Paris")]
    assert [c.title for c in ep.chapters if not c.hidden][:2] == ["Intro", "Hearing Aids"]
    assert len(ep.chapters) == 11


def test_sample_chapters() -> None:
    _, ep = read(SAMPLES / "harbor-notes-12-chapters.json")
    assert [(c.start, c.title, c.hidden) for c in ep.chapters] == [
        (0.0, "Welcome", False),
        (9.0, "The Tuesday train", False),
        (14.2, "Flags as a safety net", False),
        (19.8, "", True),
    ]


def test_chapter_without_start_time(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text('{"chapters": [{"title": "x"}], "startTime": 0}', encoding="utf-8")
    with pytest.raises(ReadError, match="chapter 0 has no numeric startTime"):
        read(path)


def test_vtt_notes_styles_identifiers_and_short_timestamps(tmp_path: Path) -> None:
    path = tmp_path / "talk.vtt"
    path.write_text(
        "WEBVTT - a talk\n\nSTYLE\n::cue { color: lime }\n\nNOTE speakers --> see the feed\n\n"
        "intro-1\n00:01.000 --> 00:04.000 align:start\n<v.loud Ann Lee>Hello <c.x>there</c>,\n"
        "second line.</v>\n\n00:04.000 --> 00:06.500\n<v Ann Lee>Still me.\n\n"
        "00:06.500 --> 00:08.000\n<i>Bo:</i> Hi Ann.\n",
        encoding="utf-8",
    )
    _, ep = read(path)
    assert ep.transcript is not None
    assert ep.transcript.segments == [
        Segment(text="Hello there, second line. Still me.", start=1.0, end=6.5, speaker="Ann Lee"),
        Segment(text="Hi Ann.", start=6.5, end=8.0, speaker="Bo"),
    ]
