"""Import a feature store of an earlier release (SQLite, schema 1 or 2) into the DuckDB format.

Done once, the first time the store is opened: every analysis, article, raw-input record
and run is copied, and the finding and count rows are made from each stored record, so
nothing is analysed again and the analysis versions (and so reuse) carry over. The new
database is written beside the old file and moved into its place only when complete;
the SQLite file is kept next to it as ``<name>.sqlite``, and one line on stderr says so.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from framing.errors import DataError
from framing.store.records import META_FIELDS, StoredAnalysis

BATCH = 256


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".sqlite")


def import_sqlite_store(path: Path, notice=lambda line: print(line, file=sys.stderr)) -> Path:
    """Replace the SQLite store at `path` by a DuckDB store with the same content; returns the backup."""
    from framing.store.database import FeatureStore
    from framing.store.sqlite_legacy import SQLiteStore

    backup = backup_path(path)
    if backup.exists():
        raise DataError(path, f"an SQLite feature store to upgrade, but {backup.name} is in the way; move it first")
    partial = path.with_name(path.name + ".upgrading")
    partial.unlink(missing_ok=True)
    with SQLiteStore(path, create=False) as old:  # brings schema 1 to 2 and refuses foreign SQLite files
        old.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        new = FeatureStore(partial)
        try:
            n_analyses, n_articles = _copy(old, new)
            new.commit()
        finally:
            new.close()
        old.conn.execute("PRAGMA journal_mode = DELETE")  # fold the WAL in: the backup is one file
    os.replace(path, backup)
    os.replace(partial, path)
    notice(
        f"framing: upgraded feature store {path} to the DuckDB format ({n_analyses} analyses, {n_articles} "
        f"articles, nothing re-analysed); the old SQLite file is kept as {backup}"
    )
    return backup


def _copy(old, new) -> tuple[int, int]:
    db = new.db
    new.begin()
    n_analyses = 0
    cursor = old.conn.execute(
        "SELECT content_hash, analysis_version, text, record, actor_mentions, parts FROM analyses ORDER BY rowid"
    )
    while rows := cursor.fetchmany(BATCH):
        for row in rows:
            stored = StoredAnalysis(row["text"], row["record"], row["actor_mentions"])
            new.put_analysis(row["content_hash"], row["analysis_version"], stored, json.loads(row["parts"]))
            n_analyses += 1
        new._flush()
    for row in old.conn.execute("SELECT * FROM sources"):
        db.execute("INSERT INTO sources VALUES (?, ?, ?, ?)", tuple(row))
    n_articles = 0
    columns = ", ".join((*META_FIELDS, "content_hash"))
    for row in old.conn.execute(f"SELECT {columns} FROM articles ORDER BY rowid"):
        n_articles += 1
        marks = ", ".join("?" * (len(META_FIELDS) + 1))
        db.execute(f"INSERT INTO articles (seq, {columns}) VALUES (nextval('article_seq'), {marks})", tuple(row))
    for run in old.runs():
        db.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tuple(run.values()))
    return n_analyses, n_articles
