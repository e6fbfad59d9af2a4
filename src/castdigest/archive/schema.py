"""Schema migrations, applied in version order, each in its own transaction.

Add a migration by appending `(version, sql)` with a version higher than every existing one;
never edit one that has shipped. The archive records each applied version in `migrations`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from castdigest.archive.packing import compress_archive

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
        CREATE TABLE episodes (
            id           TEXT PRIMARY KEY,
            json         TEXT NOT NULL,          -- the merged Episode
            title        TEXT NOT NULL,
            show         TEXT,
            language     TEXT,
            published    TEXT,                   -- ISO 8601 UTC, or NULL when unknown
            first_seen   TEXT NOT NULL,          -- ISO 8601 UTC
            day          TEXT NOT NULL,          -- published, else first_seen: the window key
            content_hash TEXT NOT NULL,
            updated_at   TEXT NOT NULL
        );
        CREATE INDEX episodes_day ON episodes(day);
        CREATE INDEX episodes_show ON episodes(show);

        -- Every identity an episode is known by (guid:, url:, title:, body:), for dedup.
        CREATE TABLE episode_keys (
            key        TEXT PRIMARY KEY,
            episode_id TEXT NOT NULL
        );
        CREATE INDEX episode_keys_episode ON episode_keys(episode_id);

        CREATE TABLE episode_tags (
            tag        TEXT NOT NULL,
            episode_id TEXT NOT NULL,
            PRIMARY KEY (tag, episode_id)
        ) WITHOUT ROWID;
        CREATE INDEX episode_tags_episode ON episode_tags(episode_id);

        -- One row per file or URL read; its hash makes re-ingest of an unchanged file a no-op.
        CREATE TABLE documents (
            location      TEXT PRIMARY KEY,
            format        TEXT NOT NULL,
            content_hash  TEXT NOT NULL,
            ingested_at   TEXT NOT NULL,
            etag          TEXT,
            last_modified TEXT
        );

        -- What each document said about each episode, so that a changed document can be
        -- re-merged without losing what other documents contributed.
        CREATE TABLE contributions (
            location   TEXT NOT NULL,
            position   INTEGER NOT NULL,
            episode_id TEXT NOT NULL,
            json       TEXT NOT NULL,
            PRIMARY KEY (location, position)
        );
        CREATE INDEX contributions_episode ON contributions(episode_id);

        CREATE TABLE condensed_cache (
            content_hash  TEXT NOT NULL,
            settings_hash TEXT NOT NULL,
            json          TEXT NOT NULL,
            PRIMARY KEY (content_hash, settings_hash)
        );

        CREATE TABLE overrides (
            episode_id TEXT PRIMARY KEY,
            action     TEXT NOT NULL CHECK (action IN ('pin', 'block')),
            created_at TEXT NOT NULL
        );

        CREATE TABLE digests (
            id          TEXT PRIMARY KEY,
            json        TEXT NOT NULL,
            since       TEXT NOT NULL,
            until       TEXT NOT NULL,
            built_at    TEXT NOT NULL,
            config_hash TEXT NOT NULL,
            status      TEXT NOT NULL DEFAULT 'draft',
            sent_at     TEXT
        );

        CREATE TABLE digest_items (
            digest_id  TEXT NOT NULL,
            episode_id TEXT NOT NULL,
            topic      TEXT NOT NULL,
            position   INTEGER NOT NULL,
            PRIMARY KEY (digest_id, episode_id)
        );
        CREATE INDEX digest_items_episode ON digest_items(episode_id);

        CREATE TABLE subscribers (
            email_key  TEXT PRIMARY KEY,        -- casefolded address: duplicates merge
            email      TEXT NOT NULL,
            name       TEXT,
            topics     TEXT NOT NULL DEFAULT '[]',
            status     TEXT NOT NULL DEFAULT 'active',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        CREATE TABLE send_ledger (
            digest_id  TEXT NOT NULL,
            email_key  TEXT NOT NULL,
            state      TEXT NOT NULL,
            attempts   INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            message_id TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (digest_id, email_key)
        );
        """,
    ),
    (
        2,
        """
        -- Identification asks, for each episode read, which archived episodes lie within a
        -- few days of it, of which show, with which content hash. Those columns follow the
        -- JSON in a row, and reaching them walks the JSON's overflow pages: this index
        -- answers from itself.
        CREATE INDEX episodes_window ON episodes(day, show, content_hash, id);
        -- The undated episodes (a saved page, a transcript), most recently seen first.
        CREATE INDEX episodes_undated ON episodes(first_seen, id) WHERE published IS NULL;
        """,
    ),
    (
        3,
        """
        -- The language too, so that listing the archive by language (`episodes --lang`)
        -- picks its episodes from the index, reading the rows of only those it prints.
        DROP INDEX episodes_window;
        CREATE INDEX episodes_window ON episodes(day, show, content_hash, id, language);
        """,
    ),
    (
        4,
        """
        -- Unsubscribe requests that came by mail, by Message-ID: each is acted on once, so
        -- reading the same mailbox again cannot undo a later re-subscription.
        CREATE TABLE mail_requests (
            message_key TEXT PRIMARY KEY,
            email       TEXT NOT NULL,
            outcome     TEXT NOT NULL,
            handled_at  TEXT NOT NULL
        );
        """,
    ),
    (
        5,
        """
        -- The editor's word on episodes whose read was doubtful (`castdigest approve`). Kept
        -- apart from the episodes, which every ingest rewrites, so that reading the sources
        -- again undoes none of it. `documents` lists the doubtful reads approved, as
        -- [location, content_hash] pairs: a document that changes may bring its doubt back.
        CREATE TABLE IF NOT EXISTS reviews (
            episode_id  TEXT PRIMARY KEY,
            approved_at TEXT NOT NULL,
            title       TEXT,                        -- the editor's title, replacing the read one
            documents   TEXT NOT NULL DEFAULT '[]'
        );
        -- The reader the editor chose for a document (`approve --format`): the one it is read
        -- with again, unless a command names another.
        CREATE TABLE IF NOT EXISTS document_formats (
            location TEXT PRIMARY KEY,
            format   TEXT NOT NULL,
            set_at   TEXT NOT NULL
        );
        -- (and contributions.doubtful, added by `mark_doubtful`)
        """,
    ),
    (
        6,
        """
        -- What identification compares of each episode (keys aside): a few values and the
        -- hashes of its shingles, made when the episode is stored (`dedupe.Profile`), so that
        -- comparing needs a few hundred bytes instead of the episode's whole JSON. A row
        -- whose content hash is not its episode's is stale, and made again when needed.
        CREATE TABLE IF NOT EXISTS episode_profiles (
            episode_id   TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            profile      BLOB NOT NULL
        );
        """,
    ),
]


def mark_doubtful(conn: sqlite3.Connection) -> None:
    """Give each contribution a `doubtful` flag: whether that document's read of the episode
    gave reasons for doubt, which `review` looks for without unpacking every contribution.
    Done once: a column cannot be added twice."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(contributions)")}
    if "doubtful" not in columns:
        conn.execute("ALTER TABLE contributions ADD COLUMN doubtful INTEGER NOT NULL DEFAULT 0")
        # before version 6, the JSON is text
        conn.execute(
            "UPDATE contributions SET doubtful = json_array_length(json, '$.review_reasons') > 0"
            " WHERE typeof(json) = 'text' AND json_valid(json)"
        )
    conn.execute(
        "CREATE INDEX IF NOT EXISTS contributions_doubtful ON contributions(episode_id)"
        " WHERE doubtful"
    )


# Work a migration does beyond its SQL, in the same transaction: version 5 flags doubtful
# contributions; version 6 stores the episodes' JSON and the documents' contributions
# compressed (see archive/packing.py).
CONVERSIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    5: mark_doubtful,
    6: compress_archive,
}
