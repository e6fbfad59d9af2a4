"""The weekly email: Jinja2 renders MJML, MRML (mjml-python) compiles it, css-inline inlines.

`render_email` is the one entry point; the sender calls it once per subscriber with that
subscriber's topics, name and unsubscribe URL. The email of a digest for one choice of topics
is rendered once (with stand-ins for the name and the URL) and kept; each reader's email is
that copy with their name and URL put in, when this gives the same bytes as rendering it
anew (nothing to escape, no trimming near the size limit; else it is rendered anew), and
an email rendered anew shares the digest's view parts (`view.ViewParts`: its cleaned copy,
its intro as HTML, each item's view in each mode), made once per digest and settings. Without
an `unsubscribe_url` the footer carries the literal placeholder `{{unsubscribe_url}}`
(`UNSUBSCRIBE_PLACEHOLDER`), so a rendered preview shows where the link goes and a caller may
substitute it later.

MRML does not inline `<mj-style inline="inline">`: we lift those blocks out of the MJML before
compiling and inline them with css-inline afterwards, leaving every other `<style>` (media
queries, dark mode) in the head.

Size: Gmail clips messages at about 102 KB. When the HTML would exceed `MAX_HTML_BYTES`, the
lowest-ranked items are cut to title-only, then to a "more on the web version" line;
`RenderedEmail.trimmed` says how many items were cut.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import css_inline
import mjml
from markupsafe import escape

from castdigest.config import Settings
from castdigest.errors import RenderError
from castdigest.models import Digest, DigestItem
from castdigest.render.templates import render
from castdigest.render.view import (
    UNSUBSCRIBE_PLACEHOLDER,
    DigestView,
    Mode,
    ViewParts,
    build_view,
    check_link,
    choose_sections,
    clean_digest,
    safe_url,
)

__all__ = [
    "MAX_HTML_BYTES",
    "UNSUBSCRIBE_PLACEHOLDER",
    "RenderedEmail",
    "compile_mjml",
    "render_email",
]

MAX_HTML_BYTES = 100_000  # below Gmail's ~102 KB clip line, with room for the unsubscribe URL
EMAIL_TEMPLATE = "email/digest.mjml.j2"
TEXT_TEMPLATE = "email/digest.txt.j2"
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_MJ_STYLE = re.compile(r"<mj-style", re.IGNORECASE)  # a search, not a lowered copy of the body
_INLINE_STYLE = re.compile(
    r"<mj-style\s+inline\s*=\s*[\"']inline[\"']\s*>(.*?)</mj-style>", re.DOTALL | re.IGNORECASE
)


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    html: str
    text: str
    preheader: str
    trimmed: int  # items cut to title-only or left out to keep the HTML under MAX_HTML_BYTES


def compile_mjml(source: str) -> str:
    """MJML -> HTML, with `<mj-style inline="inline">` blocks inlined by css-inline."""
    # Styles belong in <mj-head>: the body, most of the source, is searched only if it has one.
    head, end, body = source.partition("</mj-head>")
    if not end or _MJ_STYLE.search(body):
        head, body = source, ""
    inline_css = "\n".join(m.group(1) for m in _INLINE_STYLE.finditer(head))
    source = _INLINE_STYLE.sub("", head) + end + body
    try:
        html = mjml.mjml2html(source, fonts={})  # no web-font imports: no external assets
    except Exception as exc:  # MRML raises plain exceptions with the parser's message
        raise RenderError(f"MJML failed to compile: {exc}", where=EMAIL_TEMPLATE) from None
    if not inline_css.strip():
        return html
    inliner = css_inline.CSSInliner(
        inline_style_tags=False,
        keep_style_tags=True,
        keep_link_tags=True,
        load_remote_stylesheets=False,
        extra_css=inline_css,
    )
    try:
        return str(inliner.inline(html))
    except css_inline.InlineError as exc:
        raise RenderError(f"CSS inlining failed: {exc}", where=EMAIL_TEMPLATE) from None


def email_html(view: DigestView, settings: Settings) -> str:
    return compile_mjml(render(settings, EMAIL_TEMPLATE, d=view)).rstrip("\n") + "\n"


def email_text(view: DigestView, settings: Settings) -> str:
    notes = Footnotes()
    body = render(
        settings, TEXT_TEMPLATE, d=view, ref=notes.ref, footnotes=notes.lines, md=notes.markdown
    )
    return "\n".join(line.rstrip() for line in body.strip().splitlines()) + "\n"


class Footnotes:
    """Links in the plain-text part become `[n]` markers with a numbered list at the end."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}

    def ref(self, url: str | None) -> str:
        if not url:
            return ""
        number = self._numbers.setdefault(url, len(self._numbers) + 1)
        return f"[{number}]"

    def markdown(self, text: str) -> str:
        """Markdown for a terminal: `[label](url)` becomes `label [n]`; unsafe links, `label`."""

        def swap(m: re.Match[str]) -> str:
            url = safe_url(m.group(2))
            return f"{m.group(1)} {self.ref(url)}" if url else m.group(1)

        return _MD_LINK.sub(swap, text)

    def lines(self) -> list[str]:
        return [f"[{n}] {url}" for url, n in self._numbers.items()]


def _trim_order(digest: Digest, topics: Sequence[str] | None) -> list[DigestItem]:
    """Items least worth keeping first: deepest rank in its section, then lowest score."""
    items = [i for s in choose_sections(digest, topics) for i in s.items]
    return sorted(items, key=lambda i: (-i.rank, i.score, i.episode_id))


def _smallest_fit(n: int, fits: Callable[[int], bool]) -> int | None:
    """Smallest k in 1..n with fits(k) (fits is monotonic), or None."""
    if n == 0 or not fits(n):
        return None
    lo, hi = 1, n
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


# A name no reader has, standing in for the reader's name in a kept rendering.
_NAME_STAND_IN = "Qzxreadernameqzx"
_KEPT = 16  # renderings kept: one per choice of topics of the digest being sent, and spare
_kept: OrderedDict[tuple[object, ...], tuple[Digest, Settings, RenderedEmail]] = OrderedDict()


def render_email(
    digest: Digest,
    settings: Settings,
    *,
    topics: Sequence[str] | None = None,
    recipient_name: str | None = None,
    unsubscribe_url: str | None = None,
    preferences_url: str | None = None,
) -> RenderedEmail:
    """The email for one reader. `topics=None` means every topic; else only those sections."""
    name = " ".join(recipient_name.split()) if recipient_name else None
    url = check_link(unsubscribe_url, "unsubscribe_url")
    if escape(name or "") != (name or "") or escape(url or "") != (url or ""):
        return _render(digest, settings, topics, recipient_name, unsubscribe_url, preferences_url)
    chosen = tuple(topics) if topics is not None else None
    key = (id(digest), id(settings), chosen, bool(name), preferences_url)
    kept = _kept.get(key)
    if kept is None or kept[0] is not digest or kept[1] is not settings:
        stand_in = _NAME_STAND_IN if name else None
        email = _render(digest, settings, topics, stand_in, None, preferences_url)
        kept = (digest, settings, email)
        _kept[key] = kept
        while len(_kept) > _KEPT:
            _kept.popitem(last=False)
    _kept.move_to_end(key)
    personal = _personalised(kept[2], name, url)
    if personal is None:
        return _render(digest, settings, topics, recipient_name, unsubscribe_url, preferences_url)
    return personal


def _personalised(email: RenderedEmail, name: str | None, url: str | None) -> RenderedEmail | None:
    """The kept email with the reader's name and URL; None when that could differ from
    rendering it for them (it was trimmed, or would pass the size limit)."""
    if email.trimmed:
        return None
    html, text = email.html, email.text
    if name:
        html, text = html.replace(_NAME_STAND_IN, name), text.replace(_NAME_STAND_IN, name)
        if _NAME_STAND_IN.lower() in html.lower() or _NAME_STAND_IN.lower() in text.lower():
            return None  # a template changed the name (a filter): render for this reader
    if url:
        html = html.replace(UNSUBSCRIBE_PLACEHOLDER, url)
        text = text.replace(UNSUBSCRIBE_PLACEHOLDER, url)
    if len(html.encode()) > MAX_HTML_BYTES:
        return None
    return replace(email, html=html, text=text)


_PARTS = 4  # digests whose view parts are kept
_parts_kept: OrderedDict[tuple[int, int], tuple[Digest, ViewParts]] = OrderedDict()


def _parts(digest: Digest, settings: Settings) -> ViewParts:
    """The view parts of `digest` cleaned, made once per digest and settings: every reader's
    email rendered anew (a name to escape, a trimmed email) shares them."""
    key = (id(digest), id(settings))
    kept = _parts_kept.get(key)
    if kept is None or kept[0] is not digest or kept[1].settings is not settings:
        kept = (digest, ViewParts.of(clean_digest(digest), settings))
        _parts_kept[key] = kept
        while len(_parts_kept) > _PARTS:
            _parts_kept.popitem(last=False)
    _parts_kept.move_to_end(key)
    return kept[1]


def _render(
    digest: Digest,
    settings: Settings,
    topics: Sequence[str] | None,
    recipient_name: str | None,
    unsubscribe_url: str | None,
    preferences_url: str | None,
) -> RenderedEmail:
    parts = _parts(digest, settings)
    digest = parts.digest

    def view_for(modes: dict[str, Mode]) -> DigestView:
        return build_view(
            digest,
            settings,
            topics=topics,
            recipient_name=recipient_name,
            unsubscribe_url=unsubscribe_url,
            preferences_url=preferences_url,
            modes=modes,
            parts=parts,
        )

    full = view_for({})
    html = email_html(full, settings)
    view = full
    if len(html.encode()) > MAX_HTML_BYTES:
        view, html = _trimmed(view_for, settings, _trim_order(digest, topics))
    return RenderedEmail(
        subject=full.subject,
        html=html,
        text=email_text(full, settings),
        preheader=full.preheader,
        trimmed=view.trimmed,
    )


def _trimmed(
    view_for: Callable[[dict[str, Mode]], DigestView],
    settings: Settings,
    order: list[DigestItem],
) -> tuple[DigestView, str]:
    """Cut the fewest low-ranked items: first to title-only, then out to the web version."""
    cache: dict[tuple[int, int], tuple[DigestView, str]] = {}

    def attempt(titles: int, links: int) -> tuple[DigestView, str]:
        if (titles, links) not in cache:
            modes = {i.episode_id: Mode.TITLE for i in order[:titles]}
            modes.update({i.episode_id: Mode.LINK for i in order[:links]})
            view = view_for(modes)
            cache[(titles, links)] = (view, email_html(view, settings))
        return cache[(titles, links)]

    def fits(titles: int, links: int) -> bool:
        return len(attempt(titles, links)[1].encode()) <= MAX_HTML_BYTES

    n = len(order)
    k = _smallest_fit(n, lambda k: fits(k, 0))
    if k is not None:
        return attempt(k, 0)
    j = _smallest_fit(n, lambda j: fits(n, j))
    return attempt(n, j if j is not None else n)
