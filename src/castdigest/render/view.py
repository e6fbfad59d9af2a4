"""What the templates see: a Digest turned into plain, already-checked view data.

One view feeds the MJML email, the plain-text part and the web version, so the three always say
the same thing. Everything here is untrusted source text until a template escapes it; links are
passed through `safe_url`, which keeps only absolute http(s) URLs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

import nh3
from markdown_it import MarkdownIt

from castdigest.config import Settings
from castdigest.links import UNSAFE_URL_CHARS, deep_link, takes_time, web_url
from castdigest.models import Digest, DigestItem, DigestSection
from castdigest.render.attribution import quote_words
from castdigest.render.phrases import Phrases, phrases
from castdigest.text.bidi import strip_bidi_controls
from castdigest.text.durations import format_duration
from castdigest.text.slugs import slugify

RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"}
)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Characters XML 1.0 forbids and MRML rejects: C0 controls other than tab/newline/CR, and others.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# What `_CONTROL` matches, as the digest's JSON writes it: escaped (a backslash before "b" or
# "f" may also be an escaped backslash's: then the walk below decides) or as itself.
_JSON_CONTROL = re.compile(
    r"\\u00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF])|\\[bf]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]"
)
_JSON_ESCAPES = ("\\u00", "\\b", "\\f")  # what every escape `_JSON_CONTROL` matches begins with
_JSON_RAW_CONTROLS = ("\x7f", "\ufffe", "\uffff")  # what `_CONTROL` matches that JSON keeps raw
_ALLOWED_HTML = {
    "a", "p", "br", "strong", "em", "b", "i", "code", "pre", "ul", "ol", "li",
    "blockquote", "h3", "h4", "s", "del", "hr", "img",
}  # fmt: skip


class Mode(StrEnum):
    """How much of an item the email shows; lower-ranked items are trimmed to fit the size."""

    FULL = "full"
    TITLE = "title"  # linked title and show only
    LINK = "link"  # left out, counted in the section's "more on the web version" line


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def clean_digest(digest: Digest) -> Digest:
    """The digest without control characters, which no HTML or XML output may carry."""
    if not _json_controls(digest.model_dump_json()):
        return digest  # the common case, told from the JSON at a tenth of the cost of a walk
    data = digest.model_dump()
    cleaned = _clean(data)
    return digest if cleaned == data else Digest.model_validate(cleaned)


def _json_controls(text: str) -> bool:
    """`_JSON_CONTROL` finds something in `text`: looked for with the pattern only when one of
    its escapes is there (substring search is many times faster than the pattern's)."""
    if any(hint in text for hint in _JSON_ESCAPES):
        return _JSON_CONTROL.search(text) is not None
    # JSON escapes U+0000..U+001F: only these can stand in it as themselves
    return any(raw in text for raw in _JSON_RAW_CONTROLS)


def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) URL without characters that could break out."""
    return web_url(url)


def safe_name(text: str) -> str:
    """A folder name for a digest id: keeps `2026-W48` and `2026-11-01--2026-11-07` readable."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip(".-")[:80]
    return name or "digest-" + hashlib.sha1(text.encode()).hexdigest()[:10]


def site_link(settings: Settings, path: str = "") -> str:
    return _joined(settings.newsletter.site_url, path)


@lru_cache(maxsize=1024)  # a digest asks for the same few addresses for every item and reader
def _joined(base: str, path: str) -> str:
    return urljoin(base if base.endswith("/") else base + "/", path)


def feed_path(slug: str, ext: str) -> str:
    return f"feeds/{slugify(slug)}.{ext}"


_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,4}")


@lru_cache(maxsize=256)  # a view asks for the same few tags dozens of times per item
def lang_tag(tag: str | None) -> str | None:
    """A well-formed BCP 47 tag, or None: anything else never reaches a lang attribute."""
    return tag if tag and _LANG_TAG.fullmatch(tag) else None


@lru_cache(maxsize=256)
def primary_language(tag: str | None) -> str:
    return (tag or "").split("-")[0].split("_")[0].lower()


def text_dir(tag: str | None) -> str:
    return "rtl" if primary_language(tag) in RTL_LANGUAGES else "ltr"


def date_range(since: date, until: date, months: Sequence[str] = MONTHS) -> str:
    """ "16–22 Nov 2026", "28 Nov – 4 Dec 2026", "29 Dec 2026 – 4 Jan 2027"; `months` are the
    newsletter language's short month names."""
    if since.year != until.year:
        return f"{since.day} {months[since.month - 1]} {since.year} – {day(until, months)}"
    if since.month != until.month:
        return f"{since.day} {months[since.month - 1]} – {day(until, months)}"
    return f"{since.day}–{day(until, months)}"


def day(d: date, months: Sequence[str] = MONTHS) -> str:
    """ "19 Nov 2026" """
    return f"{d.day} {months[d.month - 1]} {d.year}"


def published_day(when: datetime | None, months: Sequence[str] = MONTHS) -> str:
    """An item's date as its source gives it (a UTC day), empty when undated: the day it was
    read is not shown as the day it came out."""
    return day(when.date(), months) if when is not None else ""


def clip(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"


_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_MD.enable("strikethrough")
_MD.validateLink = lambda url: safe_url(url) is not None  # type: ignore[method-assign]


# Built once: a sanitiser made per call spends more on its settings than on the HTML.
_SANITISER = nh3.Cleaner(
    tags=_ALLOWED_HTML,
    attributes={"a": {"href", "title"}, "img": {"src", "alt", "title"}},
    url_schemes={"http", "https"},
    link_rel="noopener noreferrer",
)


def markdown_html(text: str) -> str:
    """The editor's Markdown as HTML: raw HTML disabled, http(s) links only, then sanitised."""
    return _SANITISER.clean(_MD.render(text))


# --------------------------------------------------------------------------- view data


@dataclass(frozen=True)
class QuoteView:
    text: str
    speaker: str | None
    at: str  # "17:21", empty when unknown
    link: str | None
    lang: str | None  # set when the quote's language differs from the newsletter's
    dir: str = "ltr"
    where: str = ""  # "in <chapter>" when only the chapter is known (then `at` is empty)
    translated: str = ""  # "translated" (in the newsletter's language) for a translation
    translation: str = ""  # a model's translation of it, shown under the verbatim quote


@dataclass(frozen=True)
class PointView:
    """A takeaway with where it is said: its chapter's start or its turn's time ("12:30",
    empty when unknown), linked to that moment when the item's address takes a time."""

    text: str
    at: str = ""
    link: str | None = None


@dataclass(frozen=True)
class TranslationView:
    """An item's blurb and takeaways in the newsletter's language (the email shows these
    first, the original under them), and who translated them."""

    blurb: str
    takeaways: list[str]
    by: str  # "Translated by {model}", in the newsletter's words


@dataclass(frozen=True)
class ItemView:
    anchor: str
    episode_id: str
    rank: int
    title: str
    kind: str | None
    url: str | None
    show: str | None
    guests: str
    duration: str
    date: str  # "19 Nov 2026", empty when the source gives no date
    iso_date: str  # "2026-11-19", empty when undated
    badge: str | None  # language badge, e.g. "FR", when not the newsletter's language
    lang: str | None  # lang attribute for title and text when it differs
    dir: str
    blurb: str
    takeaways: list[str]
    quotes: list[QuoteView]
    topic: str
    topic_name: str
    feed_url: str
    mode: Mode = Mode.FULL
    translation: TranslationView | None = None  # [llm] translate: shown first in the email
    points: list[PointView] = field(default_factory=list)  # `takeaways` with their times


@dataclass(frozen=True)
class SectionView:
    slug: str
    name: str
    description: str
    anchor: str
    feed_url: str
    feed_path: str  # relative, for the web version (works from file://)
    items: list[ItemView]
    hidden: int  # items left out of the email for size


@dataclass(frozen=True)
class FeedLink:
    name: str
    slug: str
    url: str
    path: str


@dataclass(frozen=True)
class Highlight:
    """One line of the "This week" opener: an item's strongest point, linking to the item."""

    text: str
    title: str
    anchor: str
    in_email: bool  # False when the email leaves the item to the web version
    lang: str | None
    dir: str


@dataclass(frozen=True)
class DigestView:
    id: str
    folder: str
    name: str
    dates: str
    lang: str
    dir: str
    subject: str
    preheader: str
    intro_html: str
    intro_text: str
    sections: list[SectionView]
    feeds: list[FeedLink]
    web_url: str
    site_url: str
    postal_address: str
    unsubscribe_url: str
    preferences_url: str | None
    recipient_name: str | None
    topics_note: str | None  # "Your topics: A, B" when the email covers some topics only
    count: int
    words: Phrases  # what the newsletter says around the items, in its language
    trimmed: int = 0  # items shown title-only or left to the web version
    this_week_heading: str = "This week"
    this_week: tuple[Highlight, ...] = ()


def _blurb(item: DigestItem) -> str:
    """Who and what, shown under every title: the condensed blurb, less a takeaway shown below
    it that it repeats (a summary of one sentence)."""
    blurb = " ".join(item.condensed.blurb.split())
    shown = {" ".join(t.text.split()) for t in item.condensed.takeaways}
    if blurb in shown:
        return ""
    # A repeated sentence followed by who is talking ("… With Ada Lund."): who is talking.
    repeated = next((t for t in shown if t and blurb.startswith(t + " ")), "")
    return blurb[len(repeated) :].strip() if repeated else blurb


def moment_link(quote_link: str | None, url: str | None, offset: float | None) -> str | None:
    """A link to a moment of the episode: the condenser's when its site takes a start time,
    else the item's address opened at `offset` when its site does; None otherwise (a time
    added to a site that ignores it would be a link to the moment in name only)."""
    link = safe_url(quote_link)
    if link is not None and takes_time(link):
        return link
    return deep_link(safe_url(url), offset)


def _translation_view(item: DigestItem, blurb: str, language: str) -> TranslationView | None:
    """The item's translation, aligned with what the view shows of the original."""
    tr = item.translation
    if tr is None:
        return None
    pairs = zip(item.condensed.takeaways, tr.takeaways, strict=False)
    return TranslationView(
        blurb=" ".join((tr.blurb or "").split()) if blurb else "",
        takeaways=[" ".join(t.split()) for original, t in pairs if original.text.strip()],
        by=quote_words(language).translated_by.format(model=tr.model),
    )


def _quote_view(item: DigestItem, news_lang: str, limit: int) -> list[QuoteView]:
    out = []
    translated = item.translation.quotes if item.translation else []
    words = quote_words(news_lang)
    for i, q in enumerate(item.condensed.quotes[:limit]):
        link = moment_link(q.link, item.url, q.offset)
        lang = lang_tag(q.language) or lang_tag(item.language)
        at = format_duration(q.offset)
        out.append(
            QuoteView(
                text=q.text.strip(),
                speaker=q.speaker,
                at=at,
                link=link,
                lang=lang if lang and primary_language(lang) != news_lang else None,
                dir=text_dir(lang),
                where=words.in_chapter.format(chapter=q.chapter) if q.chapter and not at else "",
                translated=words.translated if q.translated else "",
                translation=translated[i].strip() if i < len(translated) else "",
            )
        )
    return out


def item_view(
    item: DigestItem, section: DigestSection, settings: Settings, mode: Mode = Mode.FULL
) -> ItemView:
    news_lang = primary_language(settings.newsletter.language)
    months = phrases(settings.newsletter.language).months
    language = lang_tag(item.language)
    other = language is not None and primary_language(language) != news_lang
    guests = ", ".join(
        p.name + (f" ({p.affiliation})" if p.affiliation else "") for p in item.guests
    )
    blurb = _blurb(item)
    return ItemView(
        anchor="ep-" + slugify(item.episode_id, max_len=40),
        episode_id=item.episode_id,
        rank=item.rank,
        title=item.title.strip() or item.condensed.title.strip() or "(untitled)",
        kind=item.kind,
        url=safe_url(item.url),
        show=item.show,
        guests=guests,
        duration=format_duration(item.duration),
        date=published_day(item.published, months),
        iso_date=item.published.date().isoformat() if item.published else "",
        badge=primary_language(language).upper() if other else None,
        lang=language if other else None,
        dir=text_dir(language if other else settings.newsletter.language),
        blurb=blurb,
        takeaways=[t.text.strip() for t in item.condensed.takeaways if t.text.strip()],
        quotes=_quote_view(item, news_lang, 2),
        topic=slugify(section.topic),
        topic_name=section.name,
        feed_url=site_link(settings, feed_path(section.topic, "rss")),
        mode=mode,
        translation=_translation_view(item, blurb, settings.newsletter.language),
        points=_points(item),
    )


def _points(item: DigestItem) -> list[PointView]:
    out = []
    for t in item.condensed.takeaways:
        if t.text.strip():
            # the episode's start needs no mark: only a later moment is worth a link
            at = format_duration(t.offset) if t.offset else ""
            link = moment_link(None, item.url, t.offset) if at else None
            out.append(PointView(text=t.text.strip(), at=at, link=link))
    return out


def feed_links(digest: Digest, settings: Settings) -> list[FeedLink]:
    """Every topic feed (config topics first, then topics only the digest knows), then `all`."""
    seen: dict[str, str] = {}
    for topic in settings.topics:
        seen.setdefault(slugify(topic.slug), topic.name)
    for section in digest.sections:
        seen.setdefault(slugify(section.topic), section.name)
    seen.pop("all", None)
    links = [FeedLink(n, s, site_link(settings, feed_path(s, "rss")), feed_path(s, "rss"))
             for s, n in seen.items()]  # fmt: skip
    everything = phrases(settings.newsletter.language).everything
    links.append(FeedLink(everything, "all", site_link(settings, "feeds/all.rss"), "feeds/all.rss"))
    return links


def footer_feeds(digest: Digest, settings: Settings) -> list[FeedLink]:
    """The feed list a reader sees: topics with items this week, then `all`. Every topic keeps
    its feed files (`feed_links`); only the list leaves the empty ones out."""
    live = {slugify(s.topic) for s in digest.sections if s.items} | {"all"}
    return [f for f in feed_links(digest, settings) if f.slug in live]


def choose_sections(digest: Digest, topics: Sequence[str] | None) -> list[DigestSection]:
    if topics is None:
        return [s for s in digest.sections if s.items]
    wanted = set(topics)
    return [s for s in digest.sections if s.items and s.topic in wanted]


SUBJECT_LIMIT = 90
PREHEADER_LIMIT = 140
HIGHLIGHTS = 5  # lines in the "This week" opener at most


def _plain(text: str) -> str:
    # Subject, <title> and the inbox preview cannot isolate text as <bdi> does
    return " ".join(strip_bidi_controls(text).split())


def top_items(items: Sequence[DigestItem]) -> list[DigestItem]:
    """The items by score, best first (ties keep the digest's order)."""
    return sorted(items, key=lambda i: -i.score)


def strongest(item: DigestItem) -> str:
    """An item's single strongest point: its first takeaway, else its blurb, else its title;
    in the newsletter's language when the item was translated."""
    tr = item.translation
    for i, t in enumerate(item.condensed.takeaways):
        if t.text.strip():
            shown = tr.takeaways[i] if tr and i < len(tr.takeaways) else ""
            return " ".join((shown.strip() or t.text).split())
    blurb = tr.blurb if tr and tr.blurb else item.condensed.blurb
    return " ".join(blurb.split()) or _title(item)


def _title(item: DigestItem) -> str:
    return " ".join((item.title.strip() or item.condensed.title.strip() or "(untitled)").split())


_SUBTITLE = re.compile(r"\s*(?::|\s[-–—|]\s)\s*")


def headline(title: str) -> str:
    """A title without its subtitle ("GitHub's Agent Era: 14x Commits" -> "GitHub's Agent Era")
    when what is left still says something (two words, a dozen characters)."""
    head = _SUBTITLE.split(title, maxsplit=1)[0].strip()
    return head if len(head) >= 12 and len(head.split()) >= 2 else title


def subject_line(name: str, titles: Sequence[str], words: Phrases, fallback: str) -> str:
    """ "Name: Top title and Second title", "Name: Top, Second and 3 more", or, when the two
    do not fit in SUBJECT_LIMIT characters, "Name: Top title (shortened) and 4 more"."""
    if not titles:
        return f"{name} · {fallback}"
    head = f"{name}: "

    def tail(named: int) -> str:
        rest = len(titles) - named
        return f" {words.and_} {words.more.format(n=rest)}" if rest else ""

    room = SUBJECT_LIMIT - len(head)
    if len(titles) >= 2:
        first, second = titles[0], titles[1]
        joiner = ", " if len(titles) > 2 else f" {words.and_} "
        line = first + joiner + second + tail(2)
        if len(line) <= room:
            return head + line
    return head + clip(titles[0], max(room - len(tail(1)), 20)) + tail(1)


def subject_and_preheader(
    name: str, dates: str, items: Sequence[DigestItem], language: str = "en"
) -> tuple[str, str]:
    """The subject names the newsletter and the top stories; the preheader (the inbox preview
    line) says what the subject does not: how much the issue covers and its strongest point."""
    words = phrases(language)
    ordered = top_items(items)
    subject = subject_line(name, [headline(_plain(_title(i))) for i in ordered], words, dates)
    if not ordered:
        return subject, f"{name} · {dates}"
    shows = {i.show.casefold() for i in ordered if i.show}
    count = words.episodes(len(ordered))
    if all(i.show for i in ordered):  # "from N shows" only when it counts every episode
        count = words.count.format(episodes=count, shows=words.shows(len(shows)))
    return subject, clip(f"{count}: {_plain(strongest(ordered[0]))}", PREHEADER_LIMIT)


def highlights(items: Sequence[DigestItem], views: Mapping[str, ItemView]) -> list[Highlight]:
    """The "This week" lines: the top items' strongest points, up to HIGHLIGHTS."""
    out = []
    for item in top_items(items)[:HIGHLIGHTS]:
        view = views[item.episode_id]
        out.append(
            Highlight(
                text=clip(strongest(item), 220),
                title=view.title,
                anchor=view.anchor,
                in_email=view.mode is not Mode.LINK,
                lang=None if item.translation else view.lang,
                dir=view.dir,
            )
        )
    return out


UNSUBSCRIBE_PLACEHOLDER = "{{unsubscribe_url}}"


def check_link(url: str | None, what: str) -> str | None:
    """A caller-supplied link (unsubscribe, preferences): http(s) or mailto, else an error."""
    from castdigest.errors import RenderError

    if url is None or url == UNSUBSCRIBE_PLACEHOLDER:
        return url
    if safe_url(url) or (url.startswith("mailto:") and not UNSAFE_URL_CHARS.search(url)):
        return url
    raise RenderError(f"{what} must be an http(s) or mailto: URL", where=url[:200])


@dataclass
class ViewParts:
    """What a digest's view holds whoever reads it: the intro as HTML and each item's view in
    each mode, made once per digest and settings. A reader's view only assembles them."""

    digest: Digest
    settings: Settings
    intro_html: str
    items: dict[tuple[int, int, Mode], ItemView] = field(default_factory=dict)

    @classmethod
    def of(cls, digest: Digest, settings: Settings) -> ViewParts:
        return cls(digest, settings, markdown_html(digest.intro) if digest.intro else "")

    def item(self, item: DigestItem, section: DigestSection, mode: Mode) -> ItemView:
        # The digest holds its sections and items while these parts live: ids are stable.
        key = (id(section), id(item), mode)
        found = self.items.get(key)
        if found is None:
            found = self.items[key] = item_view(item, section, self.settings, mode)
        return found


def build_view(
    digest: Digest,
    settings: Settings,
    *,
    topics: Sequence[str] | None = None,
    recipient_name: str | None = None,
    unsubscribe_url: str | None = None,
    preferences_url: str | None = None,
    modes: Mapping[str, Mode] | None = None,
    parts: ViewParts | None = None,
) -> DigestView:
    """The view of `digest` for one reader; `modes` maps episode ids to trimmed modes.
    `parts`: those of `digest` made for an earlier reader (`ViewParts.of(digest, settings)`)."""
    modes = modes or {}
    if parts is None or parts.digest is not digest or parts.settings is not settings:
        parts = ViewParts.of(digest, settings)
    news = settings.newsletter
    chosen = choose_sections(digest, topics)
    sections = []
    by_id: dict[str, ItemView] = {}
    for section in chosen:
        views = [
            parts.item(item, section, modes.get(item.episode_id, Mode.FULL))
            for item in sorted(section.items, key=lambda i: i.rank)
        ]
        by_id.update((v.episode_id, v) for v in views)
        slug = slugify(section.topic)
        sections.append(
            SectionView(
                slug=slug,
                name=section.name,
                description=(section.description or "").strip(),
                anchor="topic-" + slug,
                feed_url=site_link(settings, feed_path(slug, "rss")),
                feed_path=feed_path(slug, "rss"),
                items=[v for v in views if v.mode is not Mode.LINK],
                hidden=sum(v.mode is Mode.LINK for v in views),
            )
        )
    items = [i for s in chosen for i in s.items]
    words = phrases(news.language)
    dates = date_range(digest.since, digest.until, words.months)
    subject, preheader = subject_and_preheader(news.name, dates, items, news.language)
    folder = safe_name(digest.id)
    note = None
    if topics is not None:
        named = ", ".join(s.name for s in chosen) or words.no_topic
        note = words.your_topics.format(topics=named)
    return DigestView(
        id=digest.id,
        folder=folder,
        name=news.name,
        dates=dates,
        lang=news.language,
        dir=text_dir(news.language),
        subject=subject,
        preheader=preheader,
        intro_html=parts.intro_html,
        intro_text=(digest.intro or "").strip(),
        sections=sections,
        feeds=footer_feeds(digest, settings),
        web_url=site_link(settings, folder + "/"),
        site_url=site_link(settings),
        postal_address=news.postal_address.strip(),
        unsubscribe_url=check_link(unsubscribe_url, "unsubscribe_url") or UNSUBSCRIBE_PLACEHOLDER,
        preferences_url=check_link(preferences_url or settings.send.preferences_url, "preferences"),
        recipient_name=" ".join(recipient_name.split()) if recipient_name else None,
        topics_note=note,
        count=len(items),
        words=words,
        trimmed=sum(m is not Mode.FULL for m in modes.values()),
        this_week_heading=words.this_week,
        this_week=tuple(highlights(items, by_id)),
    )
