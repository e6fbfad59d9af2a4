"""yt-dlp's `.info.json` (`yt-dlp --write-info-json`), with the subtitles saved beside it.

One video's metadata becomes one episode: title, channel (or uploader) as the show,
upload_date (YYYYMMDD, or the `timestamp`) as the publication date, duration, chapters
(start_time, end_time, title), description as the abstract, webpage_url as the link, tags,
language; a YouTube video gets the guid YouTube's own feeds give it (`yt:video:<id>`), so the
two are one episode. yt-dlp names subtitle files after the same stem (`Title [id].info.json`,
`Title [id].en.vtt`, `Title [id].fr.srt`); those found in the same folder are the episode's
caption languages, and the one in the video's language (else the first by name) is read as
its transcript. An unreadable subtitle file is skipped with a warning, not the video.

A subtitle file read on its own (ingesting the folder) is another reading of the same episode:
it carries the same transcript, so the archive's content match (`dedupe.similarity`) merges
it into this episode, and the title stays this one (a subtitle file's title is only its name).
Read first (its name sorts before `.info.json`), it gives the merged episode its duration (the
last cue) unless this one has a guid: a guid's date and length win a merge.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from castdigest.errors import ReadError
from castdigest.models import Chapter, Episode, Transcript
from castdigest.readers.base import Document, ReadContext
from castdigest.readers.transcripts import parse_srt, parse_vtt, transcript_of, turns

NAME = "ytdlp-info"
SUFFIX = ".info.json"
_SUBTITLE_EXTENSIONS = (".vtt", ".srt")
# The middle of `<stem>.<lang>.vtt`: a language tag as yt-dlp writes it (en, en-US, zh-Hans,
# pt-BR, en-orig), never a longer name.
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_HEAD = 65536  # formats lists can be long, but the identifying keys come first
# The guid a site's own feed gives the same video (YouTube's Atom feeds: <id>yt:video:ID</id>),
# by yt-dlp extractor key: the video and its feed item are then one episode on sight. Sites
# not listed get no guid, so that they still match their feed items by URL.
_FEED_GUIDS = {"youtube": "yt:video:{id}"}


class YtDlpInfoReader:
    name: str = NAME
    extensions: tuple[str, ...] = (SUFFIX,)

    def sniff(self, doc: Document) -> float:
        head = doc.text[:_HEAD].lstrip()
        if not head.startswith("{"):
            return 0.0
        if doc.location.lower().endswith(SUFFIX):
            return 0.98
        # Saved under another name: the keys every yt-dlp video record has.
        if '"extractor_key"' in head and '"webpage_url"' in head:
            return 0.92
        return 0.0

    def read(self, doc: Document, ctx: ReadContext) -> list[Episode]:
        info = _load(doc)
        title = _text(info.get("title")) or _text(info.get("fulltitle")) or doc.stem_title
        language = _text(info.get("language"))
        subtitles = sibling_subtitles(doc.location)
        transcript = _transcript(subtitles, language, ctx)
        published = _published(info)
        url = _text(info.get("webpage_url")) or _text(info.get("original_url"))
        return [
            Episode(
                title=title or "Untitled video",
                show=_text(info.get("channel")) or _text(info.get("uploader")),
                urls=[url] if url else [],
                guid=_guid(info),
                published=published,
                published_text=_text(info.get("upload_date")) if published else None,
                duration=_number(info.get("duration")),
                language=language,
                caption_languages=list(subtitles),
                abstract=_text(info.get("description")),
                chapters=_chapters(info.get("chapters"), doc.location),
                tags=_tags(info.get("tags")),
                transcript=transcript,
                image=_text(info.get("thumbnail")),
                sources=[ctx.ref(0, line=1)],
            )
        ]


def _load(doc: Document) -> dict[str, Any]:
    try:
        info = json.loads(doc.text)
    except json.JSONDecodeError as exc:
        raise ReadError(f"invalid JSON: {exc.msg}", where=doc.location, line=exc.lineno) from None
    if not isinstance(info, dict):
        raise ReadError("a yt-dlp info.json must be a JSON object", where=doc.location)
    if info.get("_type") == "playlist":
        raise ReadError(
            "a playlist's info.json, not a video's",
            where=doc.location,
            hint="ingest the videos' own .info.json files",
        )
    return info


def sibling_subtitles(location: str) -> dict[str, Path]:
    """Subtitle files yt-dlp saved beside an info.json, by language tag, in name order.

    Empty for a document that is not a local `<stem>.info.json` file (a fetched URL)."""
    if location.startswith(("http://", "https://")) or not location.lower().endswith(SUFFIX):
        return {}
    path = Path(location)
    stem = path.name[: -len(SUFFIX)]
    try:
        names = sorted(p.name for p in path.parent.iterdir() if p.name.startswith(stem + "."))
    except OSError:
        return {}
    found: dict[str, Path] = {}
    for name in names:
        rest = name[len(stem) + 1 :]
        lang, _, ext = rest.rpartition(".")
        if "." + ext.lower() in _SUBTITLE_EXTENSIONS and _LANG_TAG.fullmatch(lang):
            found.setdefault(lang, path.parent / name)
    return found


def _transcript(
    subtitles: dict[str, Path], language: str | None, ctx: ReadContext
) -> Transcript | None:
    """The transcript from the subtitle file in the video's language, else the first by name;
    the next one is tried when one cannot be read."""
    preferred = [lang for lang in subtitles if language and _same_language(lang, language)]
    for lang in [*preferred, *(x for x in subtitles if x not in preferred)]:
        path = subtitles[lang]
        try:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
            parse = parse_srt if path.suffix.lower() == ".srt" else parse_vtt
            segments = turns(parse(text, str(path)))
        except OSError as exc:
            ctx.warnings.append(f"{path}: subtitles skipped: {exc.strerror or exc}")
            continue
        except ReadError as exc:  # its text names the file and line
            ctx.warnings.append(f"subtitles skipped: {exc}")
            continue
        if segments:
            return transcript_of(segments).model_copy(update={"language": lang})
    return None


def _guid(info: dict[str, Any]) -> str | None:
    pattern = _FEED_GUIDS.get((_text(info.get("extractor_key")) or "").lower())
    video = _text(info.get("id"))
    return pattern.format(id=video) if pattern and video else None


def _same_language(tag: str, language: str) -> bool:
    tag, language = tag.lower().replace("_", "-"), language.lower().replace("_", "-")
    return tag == language or tag.split("-")[0] == language.split("-")[0]


def _published(info: dict[str, Any]) -> datetime | None:
    stamp = _number(info.get("timestamp")) or _number(info.get("release_timestamp"))
    if stamp is not None:
        try:
            return datetime.fromtimestamp(stamp, tz=UTC)
        except (OverflowError, OSError, ValueError):
            pass
    for key in ("upload_date", "release_date"):
        m = _DATE.fullmatch(_text(info.get(key)) or "")
        if m:
            try:
                return datetime(int(m[1]), int(m[2]), int(m[3]), tzinfo=UTC)
            except ValueError:
                continue
    return None


def _chapters(raw: Any, location: str) -> list[Chapter]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ReadError('"chapters" must be a list', where=location)
    chapters: list[Chapter] = []
    for i, item in enumerate(raw):
        start = _number(item.get("start_time")) if isinstance(item, dict) else None
        if start is None:
            raise ReadError(f"chapter {i} has no numeric start_time", where=location)
        chapters.append(
            Chapter(
                start=start,
                end=_number(item.get("end_time")),
                title=_text(item.get("title")) or "",
            )
        )
    return sorted(chapters, key=lambda c: c.start or 0.0)


def _tags(raw: Any) -> list[str]:
    if not isinstance(raw, list):
        return []
    return list(dict.fromkeys(t.strip() for t in raw if isinstance(t, str) and t.strip()))


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)
