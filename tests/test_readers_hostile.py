"""Hostile and broken input: each way a reader used to crash, read as well as it can; what the
model refuses when built and cleans when loaded; the bounds on reading one document."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from castdigest.archive import Archive
from castdigest.config import load_settings
from castdigest.errors import ReadError
from castdigest.models import Chapter, Episode, Quote
from castdigest.pipeline.ingest import SourceSpec, ingest_file
from castdigest.readers.base import Document, ReadContext, ReadLimits, json_depth
from castdigest.readers.registry import decode, load_file, read_document
from castdigest.text.durations import as_seconds, parse_duration
from castdigest.text.htmltext import html_to_text, tame_charrefs, unescape
from castdigest.text.normalize import has_controls, norm_url, strip_controls, usable_url
from conftest import AS_OF
from fuzz_corpus import SEEDS


def _read(
    name: str, data: bytes, limits: ReadLimits | None = None
) -> tuple[list[Episode], list[str]]:
    text, note = decode(name, data)
    ctx = ReadContext(as_of=AS_OF, limits=limits or ReadLimits())
    _, episodes = read_document(Document(name, data, text, decode_note=note), ctx)
    return episodes, ctx.warnings


def _feed(old: bytes, new: bytes) -> bytes:
    assert old in SEEDS["feed"]
    return SEEDS["feed"].replace(old, new)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("date", "shown"),
    [("0001-01-01", "0001-01-01"), ("0001-01-01T00:00:00+05:00", "0001-01-01 00:00:00+05:00")],
)
def test_markdown_dated_year_one_reads_without_a_date(date: str, shown: str) -> None:
    (ep,), warnings = _read("a.md", f"---\ntitle: Dawn\ndate: {date}\n---\nBody.\n".encode())
    assert ep.published is None
    assert ep.published_text == shown
    assert warnings == [f"date 0001-01-01 ({shown!r}) is outside 1900..2100, ignored"]


def test_markdown_relative_age_beyond_year_one_is_ignored() -> None:
    (ep,), warnings = _read("a.md", b"---\ntitle: Old\ndate: 9999 years ago\n---\nBody.\n")
    assert ep.published is None
    assert ep.published_text == "9999 years ago"
    assert warnings == ["date 0001-01-24 ('9999 years ago') is outside 1900..2100, ignored"]


def test_listing_age_beyond_year_one_keeps_the_episode_without_a_date() -> None:
    data = SEEDS["listing"].replace(b"Quay Talkil y a 3 jours", b"Quay Talk2026 years ago")
    episodes, warnings = _read("l.txt", data)
    first = episodes[0]
    assert (first.title, first.show, first.published) == (
        "Tides and Timetables — Li Wen, Harbour Board",
        "Quay Talk",
        None,
    )
    assert first.published_text == "2026 years ago"
    assert warnings == ["date 0001-01-24 ('2026 years ago') is outside 1900..2100, ignored"]


def test_markdown_impossible_date_is_text_not_a_crash() -> None:
    (ep,), _ = _read("a.md", b"---\ntitle: Odd\ndate: 2026-13-45\n---\nBody.\n")
    assert (ep.published, ep.published_text) == (None, "2026-13-45")


def test_feed_dated_year_one_keeps_the_item_without_its_date() -> None:
    data = _feed(b"Tue, 17 Nov 2026 06:00:00 +0000", b"Mon, 01 Jan 0001 00:00:00 +0000")
    (ep,), warnings = _read("f.xml", data)
    assert (ep.title, ep.published) == ("Tides & timetables", None)
    assert warnings == [
        "date 0001-01-01 ('Mon, 01 Jan 0001 00:00:00 +0000') is outside 1900..2100, ignored"
    ]


# --------------------------------------------------------------------------- links


def test_feed_link_with_a_broken_ipv6_address_is_dropped_with_a_note() -> None:
    data = _feed(b"<link>https://quay.example.org/ep/7</link>", b"<link>http://[::1/</link>")
    (ep,), warnings = _read("f.xml", data)
    assert ep.urls == ["https://cdn.example.org/q7.mp3"]
    assert warnings == ["link 'http://[::1/' is not a usable URL, dropped"]


def test_feed_transcript_link_that_does_not_parse_is_dropped() -> None:
    data = _feed(b'url="https://quay.example.org/ep/7.vtt"', b'url="http://[::1/"')
    (ep,), warnings = _read("f.xml", data)
    assert ep.transcript_links == []
    assert [c.url for c in ep.chapters_links] == ["/ep/7.json"]
    assert warnings == ["link 'http://[::1/' is not a usable URL, dropped"]


def test_markdown_url_that_does_not_parse_is_dropped() -> None:
    data = (
        b"---\ntitle: T\nurl: ['http://[::1/', 'https://example.org/a', 'http://h:99999/']\n---\n"
    )
    (ep,), warnings = _read("a.md", data)
    assert ep.urls == ["https://example.org/a"]
    assert len(warnings) == 2


def test_url_checks() -> None:
    assert usable_url("https://example.org/a?b=c")
    assert not usable_url("http://[::1/")
    assert not usable_url("http://h:99999/")
    assert not usable_url("https://example.org/a b")
    assert norm_url("http://[::1/") == ""
    assert norm_url("https://www.Example.org/a/?utm_source=x") == "example.org/a"


# --------------------------------------------------------------------------- encodings


def test_utf16_with_an_odd_byte_count_is_read_with_a_replacement() -> None:
    data = b"\xff\xfe" + "Harbour chat\nAda: hi\n".encode("utf-16-le") + b"\x0a"
    text, note = decode("u.txt", data)
    assert text == "Harbour chat\nAda: hi\n\ufffd"
    assert note == "invalid UTF-16 at byte 44, replaced with U+FFFD"


def test_feed_whose_encoding_declaration_is_not_ascii_is_read_leniently() -> None:
    data = SEEDS["atom"].replace(b'encoding="utf-8"', b'encoding="\xf9tf-8"')
    (ep,), warnings = _read("f.atom", data)
    assert ep.title == "Sleep debt"
    assert len(warnings) == 2  # the invalid UTF-8, then the lenient XML parse
    assert warnings[0].startswith("line 1: invalid UTF-8 at byte 30")


# --------------------------------------------------------------------------- references


@pytest.mark.parametrize(
    "ref", ["&#99999999999;", "&#" + "9" * 20 + ";", "&#" + "9" * 5000 + ";", "&#0;", "&#xD800;"]
)
def test_character_reference_naming_no_character_is_u_fffd(ref: str) -> None:
    assert html_to_text(f"<p>a {ref} b</p>") == "a \ufffd b"
    assert unescape(f"a {ref} b") == "a \ufffd b"


def test_character_references_in_range_are_kept() -> None:
    assert tame_charrefs("&#65;&#x1F600;&#128;") == "&#65;&#x1F600;&#128;"
    assert unescape("&#65;&#x1F600;&#128;") == "A\U0001f600\u20ac"  # 128: windows-1252, as HTML5


def test_feed_title_with_an_out_of_range_reference() -> None:
    for ref in (b"&#99999999999;", b"&#" + b"9" * 5000 + b";", b"&#xD800;"):
        (ep,), _ = _read("f.xml", _feed(b"Tides &amp;", b"Tides " + ref))
        assert ep.title == "Tides \ufffd timetables"


def test_transcripts_with_an_out_of_range_reference() -> None:
    vtt = SEEDS["vtt"].replace(b"&amp;", b"&#" + b"9" * 5000 + b";")
    (ep,), _ = _read("t.vtt", vtt)
    assert ep.transcript is not None
    assert ep.transcript.segments[1].text == "Thanks \ufffd hello. Tides set the timetable."
    html = SEEDS["transcript-html"].replace(b"&amp;", b"&#99999999999;")
    (ep,), _ = _read("t.html", html)
    assert ep.transcript is not None
    assert ep.transcript.segments[0].text == "Welcome back \ufffd hello."


# --------------------------------------------------------------------------- numbers


def test_json_number_of_5000_digits_is_out_of_range_not_a_crash() -> None:
    line = b'{"title": "Long", "first_seen": null, "sources": [], "duration": ' + b"1" * 5000
    (ep,), _ = _read("e.jsonl", line + b"}\n")
    assert (ep.title, ep.duration) == ("Long", None)
    chapters = b'{"chapters": [{"startTime": ' + b"9" * 5000 + b', "title": "a"}]}'
    with pytest.raises(ReadError, match="chapter 0 has no numeric startTime"):
        _read("c.json", chapters)


def test_chapter_start_that_is_not_a_finite_positive_number_is_refused() -> None:
    for start in (b"NaN", b"Infinity", b"-5", b"1e999"):
        data = b'{"chapters": [{"startTime": ' + start + b', "title": "a"}]}'
        with pytest.raises(ReadError, match="chapter 0 has no numeric startTime"):
            _read("c.json", data)


def test_transcript_json_times_out_of_range_become_untimed() -> None:
    data = b'{"segments": [{"startTime": NaN, "endTime": -1, "body": "a"},'
    data += b' {"startTime": 1e999, "body": "b"}]}'
    (ep,), _ = _read("t.json", data)
    assert ep.transcript is not None
    assert [(s.start, s.end) for s in ep.transcript.segments] == [(None, None), (None, None)]
    assert ep.duration is None


def test_cue_hours_too_long_to_be_a_time_are_a_timing_error() -> None:
    vtt = b"WEBVTT\n\n" + b"9" * 20000 + b":00:01.000 --> 00:00:02.000\nHi\n"
    with pytest.raises(ReadError, match=r"cue timing is not HH:MM:SS\.mmm") as exc:
        _read("t.vtt", vtt)
    assert exc.value.line == 3


def test_front_matter_numbers_too_long_are_ignored() -> None:
    data = b"---\ntitle: T\nseason: " + b"9" * 5000 + b"\nepisode: .nan\nduration: -.inf\n---\n"
    (ep,), _ = _read("a.md", data)
    assert (ep.season, ep.number, ep.duration) == (None, None, None)


def test_durations_are_finite_and_not_negative() -> None:
    for text in ("nan", "inf", "-4", "1e400", "PT99999999999999999999H", "P" + "9" * 400 + "S"):
        assert parse_duration(text) is None, text
    assert parse_duration("PT1H2M3.5S") == 3723.5
    assert parse_duration("41:09") == 2469.0
    assert as_seconds(10**400) is None
    assert as_seconds(True) is None
    assert as_seconds("12.5") == 12.5


# --------------------------------------------------------------------------- nesting


def test_json_lines_nested_100000_deep_is_refused_naming_the_line() -> None:
    data = b'{"title": "A", "first_seen": null, "sources": []}\n' + b"[" * 100_000 + b"\n"
    with pytest.raises(ReadError) as exc:
        _read("e.jsonl", data)
    assert (exc.value.message, exc.value.line) == ("JSON nested deeper than 64 levels", 2)


def test_json_depth_limit_comes_from_the_context() -> None:
    data = b'{"chapters": [{"startTime": 0, "title": "a", "location": {"name": "b"}}]}'
    (ep,), _ = _read("c.json", data, ReadLimits(max_json_depth=4))
    assert ep.chapters[0].title == "a"
    with pytest.raises(ReadError, match="JSON nested deeper than 3 levels"):
        _read("c.json", data, ReadLimits(max_json_depth=3))


def test_json_depth_skips_brackets_inside_strings() -> None:
    assert json_depth('{"a": "[[[[\\"[[", "b": [1, {"c": []}]}') == 4
    assert json_depth("42") == 0


def test_front_matter_nested_too_deep_is_a_read_error() -> None:
    data = b"---\ntitle: " + b"[" * 100_000 + b"\n---\n"
    with pytest.raises(ReadError, match="front matter"):
        _read("a.md", data)


def test_front_matter_alias_bomb_is_not_expanded_into_a_title() -> None:
    bomb = b"a: &a [x, x, x, x, x, x, x, x, x]\n"
    for k in "bcdefgh":
        prev = chr(ord(k) - 1)
        bomb += f"{k}: &{k} [{', '.join(['*' + prev] * 9)}]\n".encode()
    (ep,), _ = _read("a.md", b"---\n" + bomb + b"title: *h\nshow: *h\n---\nBody.\n")
    assert (ep.title, ep.show) == ("a", None)  # no usable title: the file's name


# --------------------------------------------------------------------------- text


def test_title_with_control_characters_reads_cleaned() -> None:
    data = b'---\ntitle: "Dawn\\a\\x1b[31m\\tChorus\\u0085"\nshow: "Q\\x00uay"\n---\nA\x07b\tc\n'
    (ep,), _ = _read("a.md", data)
    assert (ep.title, ep.show, ep.abstract) == ("Dawn[31m Chorus", "Quay", "Ab c")


def test_feed_text_with_control_references_reads_cleaned() -> None:
    data = _feed(b"Tides &amp;", b"Tides&#x1b;&#x7; &amp;").replace(b"#8212;", b"#x85;")
    (ep,), _ = _read("f.xml", data)
    assert ep.title == "Tides & timetables"
    assert ep.abstract == "Why ferries run late \u2026 and how harbour pilots plan."


def test_document_text_is_cleaned_of_controls_but_keeps_its_lines() -> None:
    text, _ = decode("a.txt", b"one\x01\r\ntwo\x0cthree\tfour\x1b\x7f\xc2\x85five")
    assert text == "one\ntwo\nthree\tfour\nfive"


def test_strip_controls() -> None:
    assert strip_controls("a\x00b\x1bc\x7fd\x9fe") == "abcde"
    assert strip_controls("a\r\nb\rc\td") == "a\nb\nc\td"
    assert strip_controls("a\r\nb\tc", multiline=False) == "a b c"
    assert strip_controls("a\ud800b") == "a\ufffdb"
    assert strip_controls("\u202eplain") == "\u202eplain"  # a direction mark is text
    assert has_controls("a\tb") is None
    assert has_controls("a\tb", multiline=False) == "\t"


@pytest.mark.parametrize("multiline", [True, False])
def test_ascii_text_is_checked_as_any_text_is(multiline: bool) -> None:
    """ASCII text is searched character by character, other text by the pattern: both find
    the same first control character, whatever the character and the text around it."""
    for code in range(128):
        ch = chr(code)
        wanted = None if ch.isprintable() or (multiline and ch in "\t\n") else ch
        for text in (f"ab{ch}c\x01", f"ab{ch}cé\x01", ch):
            first = wanted if wanted is not None or text == ch else "\x01"
            assert has_controls(text, multiline) == first, (code, text)


# --------------------------------------------------------------------------- the model


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, -1.0])
def test_model_refuses_seconds_that_are_not_finite_and_positive(value: float) -> None:
    with pytest.raises(ValidationError, match="finite and not negative"):
        Episode(title="t", duration=value)
    with pytest.raises(ValidationError):
        Chapter(title="t", start=value)
    with pytest.raises(ValidationError):
        Quote(text="t", offset=value)


def test_model_refuses_implausible_dates_and_control_characters() -> None:
    with pytest.raises(ValidationError, match=r"outside 1900\.\.2100"):
        Episode(title="t", published=datetime(1, 1, 1, tzinfo=UTC))
    with pytest.raises(ValidationError, match="control character U\\+0007"):
        Episode(title="a\x07b")
    with pytest.raises(ValidationError, match="control character U\\+0009"):
        Episode(title="a\tb")  # one line: no tab
    with pytest.raises(ValidationError, match="control character U\\+D800"):
        Episode(title="t", abstract="a\ud800")
    ep = Episode(
        title="t",
        abstract="a\tb\nc",
        published=datetime(1900, 1, 1, tzinfo=UTC),
        duration=0.0,
    )
    assert ep.abstract == "a\tb\nc"


def test_stored_json_breaking_the_rules_loads_cleaned() -> None:
    blob = (
        '{"title": "a\\u0007b\\tc", "abstract": "x\\u0000y\\nz", "duration": -5,'
        ' "published": "0001-01-01T00:00:00Z", "chapters": [{"title": "c", "start": NaN}],'
        ' "tags": ["t\\u0085u"]}'
    )
    ep = Episode.model_validate_json(blob)
    assert (ep.title, ep.abstract, ep.duration, ep.published) == ("ab c", "xy\nz", None, None)
    assert (ep.chapters[0].start, ep.tags) == (None, ["t u"])  # NEL breaks a line
    line = b'{"title": "a\\u0007", "first_seen": null, "sources": [], "duration": Infinity}'
    (same,), _ = _read("e.jsonl", line + b"\n")
    assert (same.title, same.duration) == ("a", None)
    assert Episode.model_validate(ep.model_dump()) == ep


# --------------------------------------------------------------------------- size


def test_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Title\n" + b"word " * 1000)
    with pytest.raises(ReadError) as exc:
        load_file(path, max_bytes=1000)
    assert str(exc.value) == f"{path}: 5,006 bytes is over the limit of 1,000 bytes"
    assert exc.value.hint == "raise [ingest] max_document_bytes to read it"
    assert load_file(path, max_bytes=5006).data.startswith(b"Title")


def test_document_over_the_context_limit_is_refused() -> None:
    data = b"Title\n" + b"x" * 2_000_000
    with pytest.raises(ReadError, match=r"2\.0 MB is over the limit of 1\.0 MB"):
        _read("big.txt", data, ReadLimits(max_document_bytes=1_000_000))


def test_ingest_reports_an_oversized_file_and_stores_nothing(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Title\n" + b"word " * 1000)
    with Archive(tmp_path / "a.db") as archive:
        spec = SourceSpec(limits=ReadLimits(max_document_bytes=1000))
        report = ingest_file(archive, path, spec, AS_OF, AS_OF)
        assert report.error == "5,006 bytes is over the limit of 1,000 bytes"
        assert archive.episodes.count() == 0


def test_ingest_limits_are_config_with_defaults(tmp_path: Path) -> None:
    settings = load_settings(environ={})
    assert (settings.ingest.max_document_bytes, settings.ingest.max_json_depth) == (
        50_000_000,
        64,
    )
    env = {"CASTDIGEST_INGEST_MAX_DOCUMENT_BYTES": "1000", "CASTDIGEST_INGEST_MAX_JSON_DEPTH": "8"}
    settings = load_settings(environ=env)
    assert (settings.ingest.max_document_bytes, settings.ingest.max_json_depth) == (1000, 8)
