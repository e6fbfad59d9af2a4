"""The unsubscribe server: a small WSGI app, served with wsgiref on 127.0.0.1 by default.

- `POST /unsubscribe?token=T` (RFC 8058 one-click, or the confirm form) unsubscribes at once:
  no redirect, no cookie, no login. Repeating it is harmless.
- `GET /unsubscribe?token=T` shows a confirm page whose button POSTs; it changes nothing, since
  link scanners and prefetchers follow GET links.
- `GET /preferences?token=T` shows the subscriber's topics as checkboxes; `POST` saves them.
- A missing or invalid token gets 400 and changes nothing.

A token is an HMAC of (list, address); the app finds whose it is by computing each
subscriber's token, which keeps tokens opaque (no address or id inside them).
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from markupsafe import Markup, escape

from castdigest.archive import Archive
from castdigest.config import Settings
from castdigest.models import Subscriber, SubscriberStatus
from castdigest.send import tokens

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
Environ = dict[str, Any]
MAX_BODY = 16_384
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


class UnsubscribeApp:
    def __init__(self, archive_path: Path, settings: Settings) -> None:
        self.archive_path = archive_path
        self.settings = settings
        self.secret = tokens.secret_of(settings)
        self.list_id = tokens.list_id(settings)
        self.name = settings.newsletter.name

    # ------------------------------------------------------------------ WSGI

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "/").rstrip("/") or "/"
        routes = {"/unsubscribe": self.unsubscribe, "/preferences": self.preferences}
        handler = routes.get(path)
        if handler is None:
            return self._page(start_response, HTTPStatus.NOT_FOUND, "Not found", "No such page.")
        if method not in ("GET", "POST"):
            status = HTTPStatus.METHOD_NOT_ALLOWED
            return self._page(start_response, status, "Not allowed", "Use GET or POST.")
        form = _read_form(environ) if method == "POST" else {}
        query = parse_qs(environ.get("QUERY_STRING", ""))
        token = _first(query, "token") or _first(form, "token")
        with Archive(self.archive_path) as archive:
            sub = self.find(archive, token)
            if sub is None:
                return self._page(
                    start_response,
                    HTTPStatus.BAD_REQUEST,
                    "Link not valid",
                    "This link is not valid. Use the link from your latest email.",
                )
            return handler(archive, sub, token, method, form, start_response)

    def find(self, archive: Archive, token: str) -> Subscriber | None:
        """The subscriber this token belongs to; compares every token in constant time."""
        if not tokens.TOKEN_RE.fullmatch(token):
            return None
        found = None
        for sub in archive.subscribers.list():
            mine = tokens.unsubscribe_token(self.secret, self.list_id, sub.email)
            if hmac.compare_digest(mine, token):
                found = sub
        return found

    # ------------------------------------------------------------------ pages

    def unsubscribe(
        self,
        archive: Archive,
        sub: Subscriber,
        token: str,
        method: str,
        form: dict[str, list[str]],
        start_response: StartResponse,
    ) -> Iterable[bytes]:
        if method == "POST":
            if sub.status is SubscriberStatus.ACTIVE:
                archive.subscribers.set_status(
                    sub.email, SubscriberStatus.UNSUBSCRIBED, datetime.now(UTC)
                )
            body = Markup("<p>{} will get no more emails from {}.</p>").format(sub.email, self.name)
            return self._page(start_response, HTTPStatus.OK, "You are unsubscribed", body)
        body = Markup(
            "<p>Stop sending {name} to {email}?</p>"
            '<form method="post" action="unsubscribe?token={token}">'
            '<input type="hidden" name="token" value="{token}">'
            '<button type="submit">Unsubscribe</button></form>'
        ).format(name=self.name, email=sub.email, token=token)
        return self._page(start_response, HTTPStatus.OK, "Unsubscribe", body)

    def preferences(
        self,
        archive: Archive,
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
            sub = sub.model_copy(update={"topics": chosen})
            with archive.transaction():
                archive.subscribers.upsert(sub, datetime.now(UTC))
            note = Markup("<p><strong>Saved.</strong></p>")
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

    def _page(
        self, start_response: StartResponse, status: HTTPStatus, title: str, body: str
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
        headers = [*_HEADERS, ("Content-Length", str(len(data)))]
        start_response(f"{status.value} {status.phrase}", headers)
        return [data]


def _first(values: dict[str, list[str]], key: str) -> str:
    found = values.get(key)
    return found[0] if found else ""


def _read_form(environ: Environ) -> dict[str, list[str]]:
    try:
        length = min(int(environ.get("CONTENT_LENGTH") or 0), MAX_BODY)
    except ValueError:
        length = 0
    raw = environ["wsgi.input"].read(length) if length > 0 else b""
    return parse_qs(raw.decode("utf-8", "replace"))


class _QuietHandler(WSGIRequestHandler):
    """Log lines without the query string: it carries the token."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        path = self.path.split("?", 1)[0]
        self.log_message('"%s %s" %s', self.command, path, str(code))


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    """One thread per request, so a slow client cannot hold up the others; each request
    opens its own archive connection."""

    daemon_threads = True


def make_unsubscribe_server(
    archive_path: Path, settings: Settings, host: str = "127.0.0.1", port: int = 8080
) -> WSGIServer:
    """A ready wsgiref server (port 0 picks a free port); call `serve_forever()`."""
    app = UnsubscribeApp(archive_path, settings)
    return make_server(host, port, app, server_class=_ThreadingServer, handler_class=_QuietHandler)
