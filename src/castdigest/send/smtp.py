"""Delivery over SMTP (smtplib): connect, STARTTLS or implicit TLS, login, hand over bytes.

A message goes to exactly one recipient, so every server reply is about one subscriber:
2xx accepted, 4xx or a dropped connection try again later, 5xx never. Credentials come from
the environment or a password file and are never printed, not even in errors.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from castdigest.config import SmtpConfig, TlsMode
from castdigest.errors import ConfigError, SendError


@dataclass(frozen=True)
class Delivery:
    """What the server said about one message."""

    ok: bool
    permanent: bool = False
    code: int | None = None
    reason: str = ""
    unreachable: bool = False  # no connection could be made: the rest of the queue waits too

    @property
    def bounced(self) -> bool:
        """A hard bounce: the mailbox or domain does not exist (5xx with status 5.1.x).
        Policy refusals (5.7.x, spam) are permanent for this message but say nothing of the
        address, so they do not count."""
        return self.permanent and self.code is not None and self.reason.startswith("5.1.")

    @property
    def error(self) -> str:
        return f"{self.code} {self.reason}".strip() if self.code else self.reason


ACCEPTED = Delivery(ok=True)


def read_password(cfg: SmtpConfig, base_dir: Path) -> str | None:
    """The SMTP password: CASTDIGEST_SMTP_PASSWORD, else the first line of `password_file`."""
    if cfg.password:
        return cfg.password
    if not cfg.password_file:
        return None
    path = Path(cfg.password_file).expanduser()
    path = (path if path.is_absolute() else base_dir / path).resolve()
    repo = next((d for d in path.parents if (d / ".git").exists()), None)
    if repo is not None:
        raise ConfigError(
            f"password file is inside the repository {repo}",
            where=str(path),
            hint="keep it outside any git work tree, or use CASTDIGEST_SMTP_PASSWORD",
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = f"cannot read password file ({type(exc).__name__})"
        raise ConfigError(reason, where=str(path)) from None
    return text.splitlines()[0] if text.strip() else None


def _reply_text(raw: bytes | str) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    return " ".join(text.split())[:300]


def classify(exc: BaseException) -> Delivery:
    """Map an smtplib/socket failure to a Delivery (temporary unless the server said 5xx)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, raw = next(iter(exc.recipients.values()), (0, b"recipient refused"))
        return Delivery(False, permanent=500 <= code < 600, code=code, reason=_reply_text(raw))
    if isinstance(exc, smtplib.SMTPResponseException):
        code = exc.smtp_code
        return Delivery(
            False, permanent=500 <= code < 600, code=code, reason=_reply_text(exc.smtp_error)
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError):  # e.g. SMTPUTF8 for a Unicode address
        return Delivery(False, permanent=True, reason=f"server cannot take it: {exc}")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return Delivery(False, reason="connection dropped by the server")
    if isinstance(exc, socket.timeout | TimeoutError):
        return Delivery(False, reason="timed out")
    if isinstance(exc, OSError):
        return Delivery(False, reason=f"connection failed: {exc.strerror or type(exc).__name__}")
    return Delivery(False, reason=f"{type(exc).__name__}")


class SmtpTransport:
    """One SMTP connection at a time, reopened after `batch_size` messages or a drop."""

    def __init__(self, cfg: SmtpConfig, password: str | None = None) -> None:
        self.cfg = cfg
        self.password = password
        self._conn: smtplib.SMTP | None = None
        self._sent_on_conn = 0
        self._tls: ssl.SSLContext | None = None

    def tls(self) -> ssl.SSLContext:
        """One verifying context per transport (loading the CA store takes a while)."""
        if self._tls is None:
            self._tls = ssl.create_default_context()
        return self._tls

    @property
    def where(self) -> str:
        return f"smtp://{self.cfg.host}:{self.cfg.port}"

    def _connect(self) -> smtplib.SMTP:
        cfg = self.cfg
        conn: smtplib.SMTP
        if cfg.tls is TlsMode.SSL:
            conn = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout, context=self.tls())
        else:
            conn = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
        try:
            conn.ehlo()
            if cfg.tls is TlsMode.STARTTLS:
                if not conn.has_extn("starttls"):
                    raise SendError(
                        "server does not offer STARTTLS",
                        where=self.where,
                        hint="set CASTDIGEST_SMTP_TLS=none only for a local relay",
                    )
                conn.starttls(context=self.tls())
                conn.ehlo()
            if cfg.user:
                conn.login(cfg.user, self.password or "")
        except smtplib.SMTPAuthenticationError as exc:
            conn.close()
            # The reply is the server's; the password never appears in it or here.
            raise SendError(
                f"login refused for user {cfg.user!r} ({exc.smtp_code})",
                where=self.where,
                hint="check CASTDIGEST_SMTP_USER and CASTDIGEST_SMTP_PASSWORD",
            ) from None
        except smtplib.SMTPNotSupportedError:
            conn.close()
            raise SendError(
                "server does not offer login (AUTH)",
                where=self.where,
                hint="many servers offer AUTH only over TLS: check CASTDIGEST_SMTP_TLS",
            ) from None
        except BaseException:
            conn.close()
            raise
        return conn

    def open(self) -> Delivery:
        """Connect unless connected; a failure is returned as a temporary Delivery."""
        if self._conn is not None:
            return ACCEPTED
        try:
            self._conn = self._connect()
        except ssl.SSLCertVerificationError as exc:
            raise SendError(
                f"TLS certificate not trusted ({exc.verify_message})",
                where=self.where,
                hint="the relay needs a certificate valid for this host name",
            ) from None
        except (smtplib.SMTPException, OSError) as exc:
            return replace(classify(exc), unreachable=True)
        self._sent_on_conn = 0
        return ACCEPTED

    def send(self, sender: str, recipient: str, data: bytes) -> Delivery:
        """Hand one message to the server. Call `open()` first."""
        conn = self._conn
        if conn is None:
            return Delivery(False, reason="not connected")
        options = ["SMTPUTF8"] if not (sender.isascii() and recipient.isascii()) else []
        try:
            refused = conn.sendmail(sender, [recipient], data, mail_options=options)
        except (smtplib.SMTPException, OSError) as exc:
            outcome = classify(exc)
            answered = isinstance(
                exc, smtplib.SMTPResponseException | smtplib.SMTPRecipientsRefused
            )
            if not answered or outcome.code == 421:
                self.close(quit=False)  # the connection is gone or closing: start afresh
            return outcome
        if refused:  # cannot happen with one recipient, but never count a refusal as sent
            return classify(smtplib.SMTPRecipientsRefused(refused))
        self._sent_on_conn += 1
        if self._sent_on_conn >= self.cfg.batch_size:
            self.close()
        return ACCEPTED

    def close(self, *, quit: bool = True) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if quit:
                conn.quit()
        except (smtplib.SMTPException, OSError):
            pass
        finally:
            conn.close()


class RateLimiter:
    """At most `rate` messages per second (0: no limit), spaced evenly."""

    def __init__(
        self,
        rate: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.clock = clock
        self.sleep = sleep
        self._next = 0.0

    def wait(self) -> None:
        if not self.interval:
            return
        now = self.clock()
        if self._next > now:
            self.sleep(self._next - now)
            now = self._next
        self._next = now + self.interval
