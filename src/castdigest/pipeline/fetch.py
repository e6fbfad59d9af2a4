"""Fetching sources over HTTP(S): one GET per URL, whole body or nothing.

What a user would want from a feed fetcher: a clear User-Agent, timeouts, a size cap,
redirects followed (with a limit, so loops end), conditional requests (the archive keeps each
URL's ETag / Last-Modified; 304 means nothing to do) and, for every failure, one line saying
what went wrong with which URL. The body is read fully before anything is handed on, so a
failure at any point leaves nothing half-fetched behind.
"""

from __future__ import annotations

import errno
import time
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

from castdigest.config import HttpConfig
from castdigest.errors import FetchError
from castdigest.readers.base import Document
from castdigest.readers.registry import decode

MAX_REDIRECTS = 10
TOTAL_TIMEOUTS = 3  # a whole response may take this many times the per-request timeout
_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
    "application/json;q=0.9, text/vtt;q=0.9, text/html;q=0.8, text/*;q=0.7, */*;q=0.5"
)
# Content types that are never a document castdigest reads (media, archives, images).
_BINARY_PREFIXES = ("audio/", "video/", "image/", "font/")
_BINARY_TYPES = {
    "application/octet-stream",
    "application/zip",
    "application/gzip",
    "application/pdf",
    "application/x-tar",
}


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked for (the archive keys documents by it)
    final_url: str  # after redirects
    status: int  # 200, or 304 when the stored copy is current
    data: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def modified_at(self) -> datetime | None:
        if not self.last_modified:
            return None
        try:
            return parsedate_to_datetime(self.last_modified)
        except (TypeError, ValueError):
            return None


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def make_client(config: HttpConfig) -> httpx.Client:
    import httpx  # loaded by runs that fetch: an unchanged week of files does not

    return httpx.Client(
        timeout=httpx.Timeout(config.timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": config.user_agent, "Accept": _ACCEPT},
    )


def fetch(
    client: httpx.Client,
    url: str,
    max_bytes: int,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Fetched:
    """GET `url`; FetchError (naming the URL and the reason) for anything but a usable body."""
    import httpx

    if not is_url(url):
        raise FetchError("only http:// and https:// URLs can be fetched", where=url)
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    # httpx's timeout bounds each wait; a server dripping bytes also meets a total deadline.
    deadline = time.monotonic() + TOTAL_TIMEOUTS * (client.timeout.read or 20.0)
    try:
        with client.stream("GET", url, headers=headers) as response:
            return _receive(url, response, max_bytes, deadline)
    except httpx.TooManyRedirects:
        raise FetchError(
            f"more than {MAX_REDIRECTS} redirects (a redirect loop?)", where=url
        ) from None
    except httpx.TimeoutException as exc:
        what = "connecting" if isinstance(exc, httpx.ConnectTimeout) else "waiting for the server"
        raise FetchError(f"timed out {what} (timeout {client.timeout.read}s)", where=url) from None
    except httpx.ConnectError as exc:
        raise FetchError(_connect_reason(exc), where=url) from None
    except httpx.RemoteProtocolError as exc:
        raise FetchError(f"truncated or malformed response: {exc}", where=url) from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}", where=url) from None
    except (httpx.InvalidURL, UnicodeError) as exc:  # UnicodeError: a host IDNA refuses
        raise FetchError(f"invalid URL: {exc}", where=url) from None


def _receive(url: str, response: httpx.Response, max_bytes: int, deadline: float) -> Fetched:
    status = response.status_code
    if status == 304:
        return _fetched(url, response, b"")
    if status >= 400:
        raise FetchError(f"HTTP {status} {response.reason_phrase}".rstrip(), where=url)
    if status != 200 and status != 203:
        # 202 Accepted / 204 No Content / 206 Partial: no complete document to read (yet).
        raise FetchError(
            f"HTTP {status} {response.reason_phrase}: no complete document in the response",
            where=url,
            hint="the server may still be preparing it; try again later",
        )
    ctype = _content_type(response)
    if ctype and (ctype.startswith(_BINARY_PREFIXES) or ctype in _BINARY_TYPES):
        raise FetchError(f"wrong content type {ctype}: not a feed or text document", where=url)
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"too large: {int(declared)} bytes (limit {max_bytes})", where=url)
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(f"too large: over {max_bytes} bytes (limit)", where=url)
        if time.monotonic() > deadline:
            raise FetchError("too slow: the body did not arrive in time", where=url)
    if declared and declared.isdigit() and len(body) < int(declared) and not _encoded(response):
        raise FetchError(f"truncated body: {len(body)} of {declared} bytes", where=url)
    if not body.strip():
        raise FetchError(f"HTTP {status} with an empty body", where=url)
    return _fetched(url, response, bytes(body))


def _fetched(url: str, response: httpx.Response, data: bytes) -> Fetched:
    return Fetched(
        url=url,
        final_url=str(response.url),
        status=response.status_code,
        data=data,
        content_type=_content_type(response),
        etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"),
    )


def _content_type(response: httpx.Response) -> str | None:
    value = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    return value or None


def _encoded(response: httpx.Response) -> bool:
    # With Content-Encoding, Content-Length counts compressed bytes, not what we received.
    return response.headers.get("Content-Encoding", "").strip().lower() not in ("", "identity")


def _connect_reason(exc: httpx.ConnectError) -> str:
    text = str(exc)
    cause = exc.__cause__ or exc.__context__
    code = getattr(cause, "errno", None)
    lowered = text.lower()
    if (
        "name or service not known" in lowered
        or "nodename nor servname" in lowered
        or ("temporary failure in name resolution" in lowered)
        or "no address associated" in lowered
        or "getaddrinfo" in lowered
    ):
        return "DNS lookup failed: no such host"
    if code == errno.ECONNREFUSED or "connection refused" in lowered:
        return "connection refused"
    if "ssl" in lowered or "certificate" in lowered:
        return f"TLS error: {text}"
    return f"could not connect: {text}"


def as_document(url: str, got: Fetched) -> Document:
    """What was fetched, decoded as a Document located at its URL."""
    text, note = decode(url, got.data)
    return Document(
        location=url,
        data=got.data,
        text=text,
        mtime=got.modified_at,
        content_type=got.content_type,
        decode_note=note,
    )
