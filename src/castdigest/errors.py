"""One exception hierarchy. Each error names what it is about, so the CLI can print it cleanly."""

from __future__ import annotations


class CastdigestError(Exception):
    """Base of every error castdigest raises on purpose.

    `where` is the file, URL, episode or digest the error is about; `line` the 1-based line
    when known; `hint` a suggestion for the user. `str()` gives the one-line message.
    """

    def __init__(
        self, message: str, *, where: str | None = None, line: int | None = None, hint: str = ""
    ) -> None:
        self.message = message
        self.where = where
        self.line = line
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        place = ""
        if self.where:
            place = f"{self.where}:{self.line}: " if self.line else f"{self.where}: "
        return f"{place}{self.message}"


class ConfigError(CastdigestError):
    """The config file or an environment variable holds an invalid value."""


class ReadError(CastdigestError):
    """A source could not be read: empty, binary, not a format any reader takes, malformed."""


class FetchError(CastdigestError):
    """A URL could not be fetched: DNS, refused, timeout, HTTP status, oversized."""


class ArchiveError(CastdigestError):
    """The archive is missing, from a newer version, or asked for something it does not hold."""


class NotFoundError(ArchiveError):
    """No episode, digest or subscriber with that id."""


class ArchiveBusyError(ArchiveError):
    """Another castdigest run holds the archive (its writer lock, or SQLite's own lock)."""


class ArchiveDamagedError(ArchiveError):
    """The archive's file is corrupt, or tables castdigest needs are missing."""


class NotAnArchiveError(ArchiveError):
    """The file is empty, not SQLite, or an SQLite database of some other program."""


class ArchiveReadOnlyError(ArchiveError):
    """The archive (or its folder, where SQLite keeps its journal) cannot be written."""


class ArchiveDiskError(ArchiveError):
    """The disk is full, or failed to read or write the archive."""


class FrozenError(CastdigestError):
    """A sent digest cannot be rebuilt."""


class RenderError(CastdigestError):
    """A template failed to render or MJML failed to compile."""


class SendError(CastdigestError):
    """Delivery failed in a way that stops the whole send (bad credentials, no server)."""
