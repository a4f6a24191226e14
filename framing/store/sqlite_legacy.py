"""The feature store as framing wrote it up to schema 2: an SQLite database of analysed articles.

The store is now a DuckDB database (framing/store/database.py), whose row tables the
engine aggregates. This module only reads the old format, bringing a schema-1 file to
schema 2 first, so :mod:`framing.store.upgrade` can import it; tests also write old
stores with it to check the upgrade.

Tables:
  analyses(content_hash, analysis_version, text, record, actor_mentions, parts)
      one row per distinct cleaned text and analysis version (lexicon version + extractor
      code version, see framing/store/version.py); `record` is
      ArticleFeatures.to_record() as JSON without the article metadata; `parts` maps
      each part of the analysis to its version, so a later lexicon can reuse parts.
  sources(source_hash, cleaning_version, content_hash, found)
      which cleaned text a raw input gave (and the metadata found in its HTML), so an
      unchanged article is recognised without cleaning it again.
  articles(outlet, id, outlet_name, title, date, url, language, source, content_hash)
      one row per article (outlet + id), pointing at the text it currently has.
  runs(run, started, finished, corpus, analysis_version, engine, seen, analysed, reused, updated)
      one row per `framing analyze --store` run; `finished` is NULL if it was interrupted.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from framing.errors import DataError
from framing.extract.features import ArticleFeatures
from framing.store.records import META_FIELDS, StoredAnalysis, dumps, features_from_stored, metadata_from_row

SCHEMA_VERSION = "2"
_SOURCES = """
CREATE TABLE IF NOT EXISTS sources (
    source_hash TEXT NOT NULL,
    cleaning_version TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    found TEXT NOT NULL,
    PRIMARY KEY (source_hash, cleaning_version)
);
"""
_MIGRATIONS = {  # from schema version: statements that bring it to the next one
    "1": f"""ALTER TABLE analyses ADD COLUMN parts TEXT NOT NULL DEFAULT '{{}}';
        ALTER TABLE runs ADD COLUMN updated INTEGER NOT NULL DEFAULT 0; {_SOURCES}""",
}
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS analyses (
    content_hash TEXT NOT NULL,
    analysis_version TEXT NOT NULL,
    text TEXT NOT NULL,
    record TEXT NOT NULL,
    actor_mentions TEXT NOT NULL,
    parts TEXT NOT NULL DEFAULT '{{}}',
    PRIMARY KEY (content_hash, analysis_version)
);
{_SOURCES}
CREATE TABLE IF NOT EXISTS articles (
    outlet TEXT NOT NULL,
    id TEXT NOT NULL,
    outlet_name TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    url TEXT NOT NULL,
    language TEXT NOT NULL,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    PRIMARY KEY (outlet, id)
);
CREATE TABLE IF NOT EXISTS runs (
    run INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    corpus TEXT NOT NULL,
    analysis_version TEXT NOT NULL,
    engine TEXT NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0,
    analysed INTEGER NOT NULL DEFAULT 0,
    reused INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0
);
"""
_UPSERT_ARTICLE = f"""
INSERT INTO articles ({", ".join(META_FIELDS)}, content_hash) VALUES ({", ".join("?" * (len(META_FIELDS) + 1))})
ON CONFLICT (outlet, id) DO UPDATE SET {", ".join(f"{k} = excluded.{k}" for k in META_FIELDS[2:])},
    content_hash = excluded.content_hash
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# A second writer waits this long for the first to commit, then stops with a one-line error.
LOCK_WAIT_SECONDS = 10


class SQLiteStore:
    """One open store. Writes go through :meth:`put_analysis` / :meth:`put_article` and
    become durable at :meth:`commit`; anything not committed is rolled back if the
    process dies, and the file stays a valid database."""

    def __init__(self, path: Path | str, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise DataError(self.path, "no such feature store (create one with framing analyze --store PATH)")
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, timeout=LOCK_WAIT_SECONDS, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self._setup(create)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise self._in_use() from None
            raise DataError(self.path, f"not a usable feature store ({exc})") from None
        except sqlite3.DatabaseError as exc:
            raise DataError(self.path, f"not a usable feature store ({exc})") from None
        except OSError as exc:
            raise DataError(self.path, f"cannot open feature store ({exc.strerror or exc})") from None

    def _setup(self, create: bool) -> None:
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "store_info" not in tables:
            if tables or not create:
                raise DataError(self.path, "not a framing feature store (an SQLite file with other tables)")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.executescript(
                f"BEGIN; {_SCHEMA} INSERT INTO store_info VALUES ('schema_version', '{SCHEMA_VERSION}'); COMMIT;"
            )
        version = self.conn.execute("SELECT value FROM store_info WHERE key = 'schema_version'").fetchone()
        while version is not None and version[0] in _MIGRATIONS:
            self.conn.executescript(
                f"BEGIN; {_MIGRATIONS[version[0]]} UPDATE store_info SET value = '{int(version[0]) + 1}' "
                "WHERE key = 'schema_version'; COMMIT;"
            )
            version = self.conn.execute("SELECT value FROM store_info WHERE key = 'schema_version'").fetchone()
        if version is None or version[0] != SCHEMA_VERSION:
            found = version[0] if version else "none"
            raise DataError(self.path, f"feature store schema {found}, this framing reads {SCHEMA_VERSION}")
        # WAL + NORMAL: a killed process loses no committed transaction (only a power cut
        # could drop the last commits); writers never block readers.
        self.conn.execute("PRAGMA synchronous = NORMAL")

    # -- writing ------------------------------------------------------------------
    def _in_use(self) -> DataError:
        return DataError(
            self.path,
            f"feature store is in use by another framing process (still locked after {LOCK_WAIT_SECONDS:g} s); "
            "run again when it has finished",
        )

    def begin(self) -> None:
        if not self.conn.in_transaction:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise self._in_use() from None
                raise

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def has_analysis(self, content_hash: str, analysis_version: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM analyses WHERE content_hash = ? AND analysis_version = ?", (content_hash, analysis_version)
        ).fetchone()
        return row is not None

    def put_analysis(
        self, content_hash: str, analysis_version: str, analysis: StoredAnalysis, parts: dict[str, str]
    ) -> None:
        self.begin()
        self.conn.execute(
            "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?, ?, ?)",
            (content_hash, analysis_version, analysis.text, analysis.record, analysis.actor_mentions, dumps(parts)),
        )

    def previous_analysis(self, content_hash: str, parts: dict[str, str]) -> tuple[StoredAnalysis, tuple[str, ...]]:
        """The stored analysis of this text that shares the most parts with `parts` (part ->
        version), and those parts. Any stored analysis gives at least the cleaned text."""
        best: int | None = None
        shared: tuple[str, ...] = ()
        for rowid, stored_parts in self.conn.execute(
            "SELECT rowid, parts FROM analyses WHERE content_hash = ? ORDER BY rowid DESC", (content_hash,)
        ):
            versions = json.loads(stored_parts)
            same = tuple(p for p, v in parts.items() if versions.get(p) == v)
            if best is None or len(same) > len(shared):
                best, shared = rowid, same
        if best is None:
            raise KeyError(content_hash)
        row = self.conn.execute("SELECT text, record, actor_mentions FROM analyses WHERE rowid = ?", (best,)).fetchone()
        return StoredAnalysis(row["text"], row["record"], row["actor_mentions"]), shared

    def cleaned(self, source_hash: str, cleaning_version: str) -> tuple[str, dict[str, str]] | None:
        """(content hash, metadata found in the HTML) of a raw input cleaned before, if any."""
        row = self.conn.execute(
            "SELECT content_hash, found FROM sources WHERE source_hash = ? AND cleaning_version = ?",
            (source_hash, cleaning_version),
        ).fetchone()
        return (row["content_hash"], json.loads(row["found"])) if row else None

    def put_source(self, source_hash: str, cleaning_version: str, content_hash: str, found: dict[str, str]) -> None:
        self.begin()
        self.conn.execute(
            "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?)",
            (source_hash, cleaning_version, content_hash, dumps(found)),
        )

    def put_article(self, meta, content_hash: str) -> None:
        self.begin()
        self.conn.execute(_UPSERT_ARTICLE, (*(getattr(meta, k) for k in META_FIELDS), content_hash))

    def start_run(self, corpus: str, analysis_version: str, engine: str) -> int:
        self.begin()
        cursor = self.conn.execute(
            "INSERT INTO runs (started, corpus, analysis_version, engine) VALUES (?, ?, ?, ?)",
            (_now(), corpus, analysis_version, engine),
        )
        self.commit()
        return int(cursor.lastrowid or 0)

    def update_run(
        self, run: int, seen: int, analysed: int, reused: int, updated: int = 0, finished: bool = False
    ) -> None:
        self.begin()
        self.conn.execute(
            "UPDATE runs SET seen = ?, analysed = ?, reused = ?, updated = ?, finished = ? WHERE run = ?",
            (seen, analysed, reused, updated, _now() if finished else None, run),
        )

    # -- reading ------------------------------------------------------------------
    def latest_analysis_version(self) -> str | None:
        row = self.conn.execute("SELECT analysis_version FROM runs ORDER BY run DESC LIMIT 1").fetchone()
        return row[0] if row else None

    def runs(self) -> list[dict]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM runs ORDER BY run")]

    def iter_features(self, analysis_version: str | None = None) -> Iterator[ArticleFeatures]:
        """Stored features of every article, in the order articles were first stored.

        `analysis_version` defaults to the version of the latest run; articles not yet
        analysed with that version are left out.
        """
        version = analysis_version or self.latest_analysis_version()
        if version is None:
            return
        query = f"""
            SELECT {", ".join("a." + k for k in META_FIELDS)}, f.text, f.record, f.actor_mentions
            FROM articles a JOIN analyses f ON f.content_hash = a.content_hash AND f.analysis_version = ?
            ORDER BY a.rowid
        """
        for row in self.conn.execute(query, (version,)):
            yield features_from_stored(metadata_from_row(row), row["text"], row["record"], row["actor_mentions"])

    def close(self) -> None:
        if self.conn is not None:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self.conn.close()
            self.conn = None  # type: ignore[assignment]  # closed: using it again is an error either way

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

