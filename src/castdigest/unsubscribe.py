"""The unsubscribe server: a small WSGI app, served on 127.0.0.1 by default (`wsgi_pool`).

- `POST /unsubscribe?token=T` (RFC 8058 one-click, or the confirm form) unsubscribes at once:
  no redirect, no cookie, no login. Repeating it is harmless and says "already unsubscribed".
- `GET /unsubscribe?token=T` shows a confirm page whose button POSTs; it changes nothing, since
  link scanners and prefetchers follow GET links.
- `GET /preferences?token=T` shows the subscriber's topics as checkboxes; `POST` saves them.
- A missing or invalid token gets 400 and changes nothing.

What a reply says is what the archive holds:
- each change is one conditional UPDATE (unsubscribe: unless already unsubscribed; topics:
  only while active, never touching the status), and the reply follows its row count, so a
  preferences save that lands after an unsubscribe can neither undo it nor claim to be saved;
- a busy archive (another run holds the writer lock, or SQLite stays locked) gets 503 with
  Retry-After within `busy_wait_s`, and nothing is changed.

The token names its subscriber (see `send.tokens`): one primary-key lookup per request.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from markupsafe import Markup, escape

from castdigest.archive import Archive
from castdigest.archive.errors import ARCHIVE_ERRORS
from castdigest.archive.lock import ArchiveBusyError, writer_lock
from castdigest.archive.requests import RequestAccess, is_busy
from castdigest.config import Settings
from castdigest.errors import ArchiveError
from castdigest.models import Subscriber, SubscriberStatus
from castdigest.send import tokens
from castdigest.subscribers import email_key
from castdigest.wsgi_pool import Limits, PoolServer, make_pool_server

StartResponse = Callable[..., Any]
Environ = dict[str, Any]
Handler = Callable[
    [RequestAccess, Subscriber, str, str, dict[str, list[str]], StartResponse],
    Iterable[bytes],
]
_HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    ),
]


class _TooLarge(Exception):
    pass


class UnsubscribeApp:
    """The WSGI app. `on_sql` sees every statement the app runs (sqlite3 trace callback);
    `before_write(kind)` runs after a request has read its subscriber and before it writes
    ("unsubscribe" or "preferences"), which is where a concurrent change can land."""

    def __init__(
        self,
        archive_path: Path,
        settings: Settings,
        *,
        on_sql: Callable[[str], None] | None = None,
        before_write: Callable[[str], None] | None = None,
    ) -> None:
        self.archive_path = archive_path
        self.settings = settings
        self.secret = tokens.secret_of(settings)
        self.list_id = tokens.list_id(settings)
        self.name = settings.newsletter.name
        cfg = settings.unsubscribe
        self.max_body = cfg.max_body_bytes
        self.busy_wait_s = cfg.busy_wait_s
        self.retry_after = str(cfg.retry_after_s)
        self.on_sql = on_sql
        self.before_write = before_write
        self.legacy = self._open_archive(cfg.legacy_tokens)

    def _open_archive(self, legacy: bool) -> tokens.LegacyTokens | None:
        """Check the archive once before serving (never create one: a server that made an
        empty archive would turn every valid link away), and index legacy tokens."""
        if not self.archive_path.is_file():
            raise ArchiveError(
                "no archive here",
                where=str(self.archive_path),
                hint="give the archive the emails were sent from (--db, or `archive` in the "
                "config)",
            )
        with Archive(self.archive_path) as archive:  # a foreign or newer file fails here
            if not legacy:
                return None
            keys = archive.subscribers.keys()
        return tokens.LegacyTokens(self.secret, self.list_id, keys)

    # ------------------------------------------------------------------ WSGI

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "/").rstrip("/") or "/"
        routes: dict[str, Handler] = {
            "/unsubscribe": self.unsubscribe,
            "/preferences": self.preferences,
        }
        handler = routes.get(path)
        if handler is None:
            return self._page(start_response, HTTPStatus.NOT_FOUND, "Not found", "No such page.")
        if method not in ("GET", "POST"):
            status = HTTPStatus.METHOD_NOT_ALLOWED
            return self._page(start_response, status, "Not allowed", "Use GET or POST.")
        try:
            form = _read_form(environ, self.max_body) if method == "POST" else {}
        except _TooLarge:
            status = HTTPStatus.REQUEST_ENTITY_TOO_LARGE
            return self._page(start_response, status, "Too large", "Nothing was changed.")
        except TimeoutError:
            status = HTTPStatus.REQUEST_TIMEOUT
            return self._page(start_response, status, "Too slow", "Nothing was changed.")
        query = parse_qs(environ.get("QUERY_STRING", ""))
        token = _first(query, "token") or _first(form, "token")
        try:
            return self._answer(handler, token, method, form, start_response)
        except ARCHIVE_ERRORS as exc:
            if isinstance(exc, ArchiveBusyError) or is_busy(exc):
                return self._busy(start_response)
            # Not the reader's doing (an unwritable folder, a file gone): one line for the log.
            environ["wsgi.errors"].write(f"{self.archive_path}: {exc}\n")
            status = HTTPStatus.INTERNAL_SERVER_ERROR
            return self._page(
                start_response, status, "Not available", "Nothing was changed; try again later."
            )

    def _answer(
        self,
        handler: Handler,
        token: str,
        method: str,
        form: dict[str, list[str]],
        start_response: StartResponse,
    ) -> Iterable[bytes]:
        """Whose token this is (no SQL at all for one that is nobody's), then the page."""
        key = tokens.owner_key(self.secret, self.list_id, token, self.legacy)
        if key is None:
            return self._invalid(start_response)
        with RequestAccess(self.archive_path, self.busy_wait_s, self.on_sql) as access:
            sub = access.subscriber(key)
            if sub is None:
                return self._invalid(start_response)
            return handler(access, sub, token, method, form, start_response)

    def _write(self, kind: str, write: Callable[[], bool]) -> bool:
        """Run one conditional statement under the writer lock (other castdigest runs hold
        it for their whole run); ArchiveBusyError when it stays held for `busy_wait_s`."""
        if self.before_write is not None:
            self.before_write(kind)
        with writer_lock(self.archive_path, wait_s=self.busy_wait_s):
            return write()

    # ------------------------------------------------------------------ pages

    def unsubscribe(
        self,
        access: RequestAccess,
        sub: Subscriber,
        token: str,
        method: str,
        form: dict[str, list[str]],
        start_response: StartResponse,
    ) -> Iterable[bytes]:
        key = email_key(sub.email)
        if method == "POST":
            if self._write("unsubscribe", lambda: access.unsubscribe(key, _now())):
                body = Markup("<p>{} will get no more emails from {}.</p>").format(
                    sub.email, self.name
                )
                return self._page(start_response, HTTPStatus.OK, "You are unsubscribed", body)
            return self._not_active(start_response, HTTPStatus.OK, access, sub, "")
        if sub.status is SubscriberStatus.UNSUBSCRIBED:
            return self._not_active(start_response, HTTPStatus.OK, access, sub, "")
        body = Markup(
            "<p>Stop sending {name} to {email}?</p>"
            '<form method="post" action="unsubscribe?token={token}">'
            '<input type="hidden" name="token" value="{token}">'
            '<button type="submit">Unsubscribe</button></form>'
        ).format(name=self.name, email=sub.email, token=token)
        return self._page(start_response, HTTPStatus.OK, "Unsubscribe", body)

    def preferences(
        self,
        access: RequestAccess,
        sub: Subscriber,
        token: str,
        method: str,
        form: dict[str, list[str]],
        start_response: StartResponse,
    ) -> Iterable[bytes]:
        known = {t.slug: t.name for t in self.settings.topics}
        note = Markup("")
        if method == "POST":
            chosen = sorted(t for t in form.get("topic", []) if t in known)
            key = email_key(sub.email)
            if not self._write("preferences", lambda: access.set_topics(key, chosen, _now())):
                unsaved = "Your topics were not saved. "
                return self._not_active(start_response, HTTPStatus.CONFLICT, access, sub, unsaved)
            sub = sub.model_copy(update={"topics": chosen})
            note = Markup("<p><strong>Saved.</strong></p>")
        elif sub.status is not SubscriberStatus.ACTIVE:
            return self._not_active(start_response, HTTPStatus.OK, access, sub, "")
        boxes = Markup("").join(
            Markup(
                '<label><input type="checkbox" name="topic" value="{}"{}> {}</label><br>'
            ).format(slug, Markup(" checked") if slug in sub.topics else "", name)
            for slug, name in known.items()
        )
        body = note + Markup(
            "<p>Topics for {email} (none ticked: every topic).</p>"
            '<form method="post" action="preferences?token={token}">{boxes}'
            '<button type="submit">Save</button></form>'
        ).format(email=sub.email, token=token, boxes=boxes)
        return self._page(start_response, HTTPStatus.OK, "Your topics", body)

    def _not_active(
        self,
        start_response: StartResponse,
        status: HTTPStatus,
        access: RequestAccess,
        sub: Subscriber,
        lead: str,
    ) -> list[bytes]:
        """Where the subscriber stands now, read again after a write that changed nothing."""
        now = access.subscriber(email_key(sub.email))
        if now is None:
            title, text = "Not on the list", "{lead}{email} is not on the list of {name}."
        elif now.status is SubscriberStatus.UNSUBSCRIBED:
            title = "Already unsubscribed"
            text = "{lead}{email} is unsubscribed from {name} and stays so; nothing was changed."
        elif now.status is SubscriberStatus.BOUNCED:
            title = "Not receiving"
            text = "{lead}Mail to {email} bounced, so {name} is not sent to it."
        else:
            title, text = "Try again", "{lead}Nothing was changed; please try again."
        body = Markup("<p>" + text + "</p>").format(lead=lead, email=sub.email, name=self.name)
        return self._page(start_response, status, title, body)

    def _invalid(self, start_response: StartResponse) -> list[bytes]:
        return self._page(
            start_response,
            HTTPStatus.BAD_REQUEST,
            "Link not valid",
            "This link is not valid. Use the link from your latest email.",
        )

    def _busy(self, start_response: StartResponse) -> list[bytes]:
        return self._page(
            start_response,
            HTTPStatus.SERVICE_UNAVAILABLE,
            "Busy",
            "The list is being updated right now. Nothing was changed; please try again in a "
            "minute.",
            [("Retry-After", self.retry_after)],
        )

    def _page(
        self,
        start_response: StartResponse,
        status: HTTPStatus,
        title: str,
        body: str,
        extra: list[tuple[str, str]] | None = None,
    ) -> list[bytes]:
        lang = escape(self.settings.newsletter.language)
        html = Markup(
            '<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<title>{title} · {name}</title>"
            "<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;"
            "padding:0 1rem}}button{{font-size:1rem;padding:.5rem 1rem}}</style></head>"
            "<body><h1>{title}</h1>{body}</body></html>"
        ).format(lang=lang, title=title, name=self.name, body=escape(body))
        data = str(html).encode("utf-8")
        headers = [*_HEADERS, *(extra or []), ("Content-Length", str(len(data)))]
        start_response(f"{status.value} {status.phrase}", headers)
        return [data]


def _now() -> datetime:
    return datetime.now(UTC)


def _first(values: dict[str, list[str]], key: str) -> str:
    found = values.get(key)
    return found[0] if found else ""


def _read_form(environ: Environ, limit: int) -> dict[str, list[str]]:
    """The urlencoded body; _TooLarge past `limit` bytes (not read), TimeoutError when the
    client does not send what it announced in time."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        raise _TooLarge
    raw = environ["wsgi.input"].read(length) if length > 0 else b""
    return parse_qs(raw.decode("utf-8", "replace"))


def make_unsubscribe_server(
    archive_path: Path,
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    on_sql: Callable[[str], None] | None = None,
    before_write: Callable[[str], None] | None = None,
) -> PoolServer:
    """A ready server (port 0 picks a free port); call `serve_forever()`, then `server_close()`.
    ArchiveError when there is no archive; see UnsubscribeApp for the hooks."""
    app = UnsubscribeApp(archive_path, settings, on_sql=on_sql, before_write=before_write)
    cfg = settings.unsubscribe
    limits = Limits(cfg.workers, cfg.header_timeout_s, cfg.body_timeout_s)
    return make_pool_server(host, port, app, limits)
