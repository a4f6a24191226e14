"""The feature store: a DuckDB database of analysed articles, kept as rows a query engine aggregates.

Why DuckDB (docs/store.md): reading a corpus's profile used to decode every stored
analysis into dataclasses before taking a sum (7 min and 7.3 GiB at 100,000 articles).
Here every finding and every sentence count is a row of a columnar table, so
`profile`, `compare` and `report --store` sum them in the engine and stream only the
per-article rows a bootstrap needs, and an analyst can query the store as a dataset.
Commits are atomic and durable (DuckDB's write-ahead log): a killed writer leaves the
file readable with every committed batch in it. DuckDB locks the file for one process
at a time, so a second framing process waits :data:`LOCK_WAIT_SECONDS`, then stops with
a one-line "in use" error. An SQLite store of an earlier release is imported on first
open (framing/store/upgrade.py), with a one-line notice.

Tables (column meanings in docs/store.md):
  analyses(analysis, content_hash, analysis_version, n_words, n_sentences, text, record, actor_mentions, parts,
           n_mentions)
      one row per distinct cleaned text and analysis version (lexicon version + code
      version, see framing/store/version.py); `record` is ArticleFeatures.to_record()
      as JSON without the article metadata, kept so an analysis can be rebuilt exactly
      and its parts reused after a lexicon edit; `parts` maps each part to its version.
  findings(analysis, kind, start, end, sentence, label, text, attributes)
      one row per sentence, loaded term, hedge, attribution verb, scare quote, quote, actor
      mention and naming variant (framing/store/rows.py says what label and attributes hold).
  sentence_counts(analysis, sentence, name, value), article_counts(analysis, name, value)
      the count table (framing/score/counts.py), long format, zeros left out.
  term_counts(analysis, kind, term, n)
      the word counts `compare` sums (framing/store/rows.py, term_rows): n-grams of the
      distinctive-vocabulary statistic and TF-IDF words, per analysis.
  mentions(analysis, start, end, sentence, actor, kind, group, link, text, affiliation)
      the discovered actor mentions (framing/store/rows.py, mention_rows) the actor table
      (framing/store/actors.py) aggregates; analyses.n_mentions counts them, NULL for an
      analysis written before they were stored.
  sources(source_hash, cleaning_version, content_hash, found)
      which cleaned text a raw input gave, so an unchanged article is not cleaned again.
  articles(seq, outlet, id, outlet_name, title, date, url, language, source, content_hash)
      one row per article (outlet + id) in first-stored order, pointing at its text.
  runs(run, started, finished, corpus, analysis_version, engine, seen, analysed, reused, updated)
      one row per `framing analyze --store` run; `finished` is NULL if it was interrupted.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from framing.errors import DataError
from framing.extract.features import ArticleFeatures
from framing.store.records import META_FIELDS, StoredAnalysis, dumps, features_from_stored, metadata_from_row
from framing.store.rows import AnalysisRows

SCHEMA_VERSION = "3"  # 1 and 2 were SQLite (framing/store/sqlite_legacy.py)
SQLITE_MAGIC = b"SQLite format 3\x00"
# Enough for the engine's aggregations, which spill to disk beyond it, and well under the 1 GiB target.
MEMORY_LIMIT = "512MB"

# Added within schema 3: a writer adds it to an older store; a reader of a store without it (or of an
# analysis without its rows) counts words from the texts, as before, only slower.
_TERM_COUNTS = "CREATE TABLE IF NOT EXISTS term_counts (analysis BIGINT NOT NULL, kind VARCHAR NOT NULL, "
_TERM_COUNTS += "term VARCHAR NOT NULL, n INTEGER NOT NULL);"
# Added within schema 3 likewise: the discovered actor mentions, and their number per analysis (NULL: the
# analysis was written before they were stored, and a reader finds them in its text, see store/actors.py).
_MENTIONS = "CREATE TABLE IF NOT EXISTS mentions (analysis BIGINT NOT NULL, start INTEGER NOT NULL, "
_MENTIONS += '"end" INTEGER NOT NULL, sentence INTEGER NOT NULL, actor VARCHAR NOT NULL, kind VARCHAR NOT NULL, '
_MENTIONS += '"group" VARCHAR NOT NULL, link VARCHAR NOT NULL, text VARCHAR NOT NULL, affiliation VARCHAR NOT NULL);'
_N_MENTIONS = "ALTER TABLE analyses ADD COLUMN n_mentions INTEGER;"
_SCHEMA = f"""
CREATE TABLE store_info (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE SEQUENCE analysis_ids START 1;
CREATE SEQUENCE article_seq START 1;
CREATE TABLE analyses (
    analysis BIGINT NOT NULL UNIQUE,
    content_hash VARCHAR NOT NULL,
    analysis_version VARCHAR NOT NULL,
    n_words INTEGER NOT NULL,
    n_sentences INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    record VARCHAR NOT NULL,
    actor_mentions VARCHAR NOT NULL,
    parts VARCHAR NOT NULL DEFAULT '{{}}',
    n_mentions INTEGER,
    PRIMARY KEY (content_hash, analysis_version)
);
CREATE TABLE findings (
    analysis BIGINT NOT NULL,
    kind VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    label VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    attributes JSON NOT NULL
);
CREATE TABLE sentence_counts (analysis BIGINT NOT NULL, sentence INTEGER NOT NULL, name VARCHAR NOT NULL,
    value DOUBLE NOT NULL);
CREATE TABLE article_counts (analysis BIGINT NOT NULL, name VARCHAR NOT NULL, value DOUBLE NOT NULL);
{_TERM_COUNTS}
{_MENTIONS}
CREATE TABLE sources (
    source_hash VARCHAR NOT NULL,
    cleaning_version VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    found VARCHAR NOT NULL,
    PRIMARY KEY (source_hash, cleaning_version)
);
CREATE TABLE articles (
    seq BIGINT NOT NULL,
    outlet VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    outlet_name VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    date VARCHAR NOT NULL,
    url VARCHAR NOT NULL,
    language VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    PRIMARY KEY (outlet, id)
);
CREATE TABLE runs (
    run INTEGER PRIMARY KEY,
    started VARCHAR NOT NULL,
    finished VARCHAR,
    corpus VARCHAR NOT NULL,
    analysis_version VARCHAR NOT NULL,
    engine VARCHAR NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0,
    analysed INTEGER NOT NULL DEFAULT 0,
    reused INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0
);
CREATE VIEW current_articles AS
    SELECT a.*, f.analysis, f.analysis_version, f.n_words, f.n_sentences, f.text
    FROM articles a JOIN analyses f ON f.content_hash = a.content_hash
    WHERE f.analysis_version = (SELECT analysis_version FROM runs ORDER BY run DESC LIMIT 1);
INSERT INTO store_info VALUES ('schema_version', '{SCHEMA_VERSION}');
"""
_UPDATED = ", ".join(f"{k} = excluded.{k}" for k in (*META_FIELDS[2:], "content_hash"))
_ARTICLE_CONFLICT = f"ON CONFLICT (outlet, id) DO UPDATE SET {_UPDATED}"  # an article's seq is its first
ANALYSIS_COLUMNS = (
    *("analysis", "content_hash", "analysis_version", "n_words", "n_sentences"),
    *("text", "record", "actor_mentions", "parts", "n_mentions"),
)
SOURCE_COLUMNS = ("source_hash", "cleaning_version", "content_hash", "found")
ROW_TABLES = {  # table -> columns of the rows buffered until commit
    "findings": ("analysis", "kind", "start", "end", "sentence", "label", "text", "attributes"),
    "sentence_counts": ("analysis", "sentence", "name", "value"),
    "article_counts": ("analysis", "name", "value"),
    "term_counts": ("analysis", "kind", "term", "n"),
    "mentions": ("analysis", "start", "end", "sentence", "actor", "kind", "group", "link", "text", "affiliation"),
}


def _first(cursor: duckdb.DuckDBPyConnection) -> Any:
    """The first row of a query, reading the result to its end (DuckDB refuses new work on a
    connection whose last result is still open)."""
    rows = cursor.fetchall()
    return rows[0] if rows else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# A second framing process waits this long for the first to close the store, then stops with a one-line error.
LOCK_WAIT_SECONDS = 10


def is_sqlite_store(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


class FeatureStore:
    """One open store. Writes go through :meth:`put_analysis` / :meth:`put_article` and
    become durable at :meth:`commit`; anything not committed is rolled back if the
    process dies, and the file stays a valid database."""

    def __init__(self, path: Path | str, create: bool = True) -> None:
        self.path = Path(path)
        self.conn: duckdb.DuckDBPyConnection | None = None
        self.in_transaction = False
        # sources rows written at the next flush, by key: one bulk INSERT OR REPLACE instead of one per
        # article (a single-row upsert costs milliseconds); cleaned() reads them before the table
        self._pending_sources: dict[tuple[str, str], tuple[str, str, str, str]] = {}
        # Analyses and articles likewise (a single-row insert or upsert costs 3-6 ms of CPU and more of the
        # clock): analyses by (content hash, analysis version), with their rows; articles by (outlet, id).
        self._pending_analyses: dict[tuple[str, str], tuple[tuple, AnalysisRows]] = {}
        self._pending_articles: dict[tuple[str, str], tuple] = {}
        if not create and not self.path.is_file():
            raise DataError(self.path, "no such feature store (create one with framing analyze --store PATH)")
        if is_sqlite_store(self.path):
            from framing.store.upgrade import import_sqlite_store

            import_sqlite_store(self.path)
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = self._connect(read_only=not create)
            self.conn.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
            self._setup(create)
        except duckdb.Error as exc:
            self.close()
            raise DataError(self.path, f"not a usable feature store ({' '.join(str(exc).split())})") from None
        except OSError as exc:
            self.close()
            raise DataError(self.path, f"cannot open feature store ({exc.strerror or exc})") from None

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        """Open the file, waiting up to LOCK_WAIT_SECONDS while another process holds it.

        A reader (``create=False``: profile, compare, report) opens it read-only, so several
        can read at once; a writer excludes everyone else."""
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=read_only)
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower():
                    raise
                if time.monotonic() >= deadline:
                    raise self._in_use() from None
                time.sleep(0.1)

    def _setup(self, create: bool) -> None:
        assert self.conn is not None
        tables = {r[0] for r in self.conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "store_info" not in tables:
            if tables or not create:
                raise DataError(self.path, "not a framing feature store (a DuckDB file with other tables)")
            self.conn.begin()
            self.conn.execute(_SCHEMA)
            self.conn.commit()
        version = _first(self.conn.execute("SELECT value FROM store_info WHERE key = 'schema_version'"))
        if version is None or version[0] != SCHEMA_VERSION:
            found = version[0] if version else "none"
            raise DataError(self.path, f"feature store schema {found}, this framing reads {SCHEMA_VERSION}")
        if create and "term_counts" not in tables:
            self.conn.execute(_TERM_COUNTS)
        if create and tables and "mentions" not in tables:  # a store written before mentions were stored
            self.conn.begin()
            self.conn.execute(_MENTIONS)
            self.conn.execute(_N_MENTIONS)
            self.conn.commit()

    def _in_use(self) -> DataError:
        return DataError(
            self.path,
            f"feature store is in use by another framing process (still locked after {LOCK_WAIT_SECONDS:g} s); "
            "run again when it has finished",
        )

    @property
    def db(self) -> duckdb.DuckDBPyConnection:
        if self.conn is None:
            raise DataError(self.path, "the feature store is closed")
        return self.conn

    # -- writing ------------------------------------------------------------------
    def begin(self) -> None:
        if not self.in_transaction:
            self.db.begin()
            self.in_transaction = True

    def commit(self) -> None:
        if self.in_transaction:
            self._flush()
            self.db.commit()
            self.in_transaction = False

    def _flush(self) -> None:
        """Write the buffered sources, analyses with their finding and count rows, and articles, one bulk
        statement per table. Ids come from the sequences in the order things were put, as one by one."""
        if self._pending_sources:
            self._insert("sources", SOURCE_COLUMNS, list(self._pending_sources.values()), verb="INSERT OR REPLACE")
            self._pending_sources.clear()
        if self._pending_analyses:
            self._flush_analyses()
        if self._pending_articles:
            rows = list(self._pending_articles.values())
            seqs = self._next_ids("article_seq", len(rows))
            columns = ("seq", *META_FIELDS, "content_hash")
            rows = [(seq, *row) for seq, row in zip(seqs, rows, strict=True)]
            self._insert("articles", columns, rows, on_conflict=_ARTICLE_CONFLICT)
            self._pending_articles.clear()

    def _flush_analyses(self) -> None:
        pending = self._pending_analyses
        keys = pd.DataFrame(list(pending), columns=["content_hash", "analysis_version"])
        self.db.register("pending_keys", keys)
        try:
            old = [
                r[0]
                for r in self.db.execute(
                    "SELECT analysis FROM analyses JOIN pending_keys USING (content_hash, analysis_version)"
                ).fetchall()
            ]
        finally:
            self.db.unregister("pending_keys")
        for analysis_id in old:  # re-analysed texts (rare): their old rows go first
            for table in ("analyses", *ROW_TABLES):
                self.db.execute(f"DELETE FROM {table} WHERE analysis = ?", (analysis_id,))
        ids = self._next_ids("analysis_ids", len(pending))
        analyses: list[tuple] = []
        rows_by_table: dict[str, list[tuple]] = {table: [] for table in ROW_TABLES}
        for analysis_id, (values, rows) in zip(ids, pending.values(), strict=True):
            analyses.append((analysis_id, *values))
            rows_by_table["findings"] += [(analysis_id, *f) for f in rows.findings]
            rows_by_table["sentence_counts"] += [(analysis_id, *c) for c in rows.sentence_counts]
            rows_by_table["article_counts"] += [(analysis_id, *c) for c in rows.article_counts]
            rows_by_table["term_counts"] += [(analysis_id, *t) for t in rows.terms]
            rows_by_table["mentions"] += [(analysis_id, *m) for m in rows.mentions]
        self._insert("analyses", ANALYSIS_COLUMNS, analyses)
        for table, columns in ROW_TABLES.items():
            if rows_by_table[table]:
                self._insert(table, columns, rows_by_table[table])
        pending.clear()

    def _next_ids(self, sequence: str, n: int) -> list[int]:
        """The next ``n`` values of a sequence, in order."""
        return sorted(r[0] for r in self.db.execute(f"SELECT nextval('{sequence}') FROM range(?)", (n,)).fetchall())

    def _insert(
        self, table: str, columns: tuple[str, ...], rows: list[tuple], verb: str = "INSERT", on_conflict: str = ""
    ) -> None:
        """One bulk insert of ``rows`` through a registered frame (``on_conflict``: an upsert clause)."""
        frame = pd.DataFrame(rows, columns=list(columns))
        quoted = ", ".join(f'"{c}"' for c in columns)
        statement = f"{verb} INTO {table} ({quoted}) SELECT {quoted} FROM pending_rows {on_conflict}"
        self.db.register("pending_rows", frame)
        try:
            self.db.execute(statement)
        finally:
            self.db.unregister("pending_rows")

    def has_analysis(self, content_hash: str, analysis_version: str) -> bool:
        if (content_hash, analysis_version) in self._pending_analyses:
            return True
        row = _first(
            self.db.execute(
                "SELECT 1 FROM analyses WHERE content_hash = ? AND analysis_version = ?",
                (content_hash, analysis_version),
            )
        )
        return row is not None

    def put_analysis(
        self, content_hash: str, analysis_version: str, analysis: StoredAnalysis, parts: dict[str, str]
    ) -> None:
        """Buffer one analysis (replacing any stored one of the same text and version) until the next commit."""
        rows = analysis.rows if analysis.rows is not None else rows_of(analysis)
        self.begin()
        key = (content_hash, analysis_version)
        if key in self._pending_analyses:
            self._flush()  # the same text twice in a batch (not from update_store): the later one wins
        values = (
            content_hash,
            analysis_version,
            rows.n_words,
            rows.n_sentences,
            analysis.text,
            analysis.record,
            analysis.actor_mentions,
            dumps(parts),
            len(rows.mentions),
        )
        self._pending_analyses[key] = (values, rows)

    def previous_analysis(self, content_hash: str, parts: dict[str, str]) -> tuple[StoredAnalysis, tuple[str, ...]]:
        """The stored analysis of this text that shares the most parts with `parts` (part ->
        version), and those parts. Any stored analysis gives at least the cleaned text."""
        if any(key[0] == content_hash for key in self._pending_analyses):
            self._flush()
        best: Any = None
        shared: tuple[str, ...] = ()
        for analysis_id, stored_parts in self.db.execute(
            "SELECT analysis, parts FROM analyses WHERE content_hash = ? ORDER BY analysis DESC", (content_hash,)
        ).fetchall():
            versions = json.loads(stored_parts)
            same = tuple(p for p, v in parts.items() if versions.get(p) == v)
            if best is None or len(same) > len(shared):
                best, shared = analysis_id, same
        if best is None:
            raise KeyError(content_hash)
        text, record, mentions = _first(
            self.db.execute("SELECT text, record, actor_mentions FROM analyses WHERE analysis = ?", (best,))
        )
        return StoredAnalysis(text, record, mentions), shared

    def cleaned(self, source_hash: str, cleaning_version: str) -> tuple[str, dict[str, str]] | None:
        """(content hash, metadata found in the HTML) of a raw input cleaned before, if any."""
        pending = self._pending_sources.get((source_hash, cleaning_version))
        if pending is not None:
            return pending[2], json.loads(pending[3])
        row = _first(
            self.db.execute(
                "SELECT content_hash, found FROM sources WHERE source_hash = ? AND cleaning_version = ?",
                (source_hash, cleaning_version),
            )
        )
        return (row[0], json.loads(row[1])) if row else None

    def put_source(self, source_hash: str, cleaning_version: str, content_hash: str, found: dict[str, str]) -> None:
        self.begin()
        key = (source_hash, cleaning_version)
        self._pending_sources[key] = (source_hash, cleaning_version, content_hash, dumps(found))

    def put_article(self, meta, content_hash: str) -> None:
        """Buffer the article's row (outlet + id -> its metadata and text) until the next commit."""
        self.begin()
        self._pending_articles[(meta.outlet, meta.id)] = (*(getattr(meta, k) for k in META_FIELDS), content_hash)

    def start_run(self, corpus: str, analysis_version: str, engine: str) -> int:
        self.begin()
        (run,) = _first(self.db.execute("SELECT coalesce(max(run), 0) + 1 FROM runs"))
        self.db.execute(
            "INSERT INTO runs (run, started, corpus, analysis_version, engine) VALUES (?, ?, ?, ?, ?)",
            (run, _now(), corpus, analysis_version, engine),
        )
        self.commit()
        return int(run)

    def update_run(
        self, run: int, seen: int, analysed: int, reused: int, updated: int = 0, finished: bool = False
    ) -> None:
        self.begin()
        self.db.execute(
            "UPDATE runs SET seen = ?, analysed = ?, reused = ?, updated = ?, finished = ? WHERE run = ?",
            (seen, analysed, reused, updated, _now() if finished else None, run),
        )

    # -- reading ------------------------------------------------------------------
    def latest_analysis_version(self) -> str | None:
        row = _first(self.db.execute("SELECT analysis_version FROM runs ORDER BY run DESC LIMIT 1"))
        return row[0] if row else None

    def runs(self) -> list[dict[str, Any]]:
        cursor = self.db.execute("SELECT * FROM runs ORDER BY run")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def iter_features(self, analysis_version: str | None = None, batch: int = 256) -> Iterator[ArticleFeatures]:
        """Stored features of every article, in the order articles were first stored.

        `analysis_version` defaults to the version of the latest run; articles not yet
        analysed with that version are left out. Rows are fetched in batches, so memory
        stays flat however many articles the store holds.
        """
        version = analysis_version or self.latest_analysis_version()
        if version is None:
            return
        query = f"""
            SELECT {", ".join("a." + k for k in META_FIELDS)}, f.text, f.record, f.actor_mentions
            FROM articles a JOIN analyses f ON f.content_hash = a.content_hash AND f.analysis_version = ?
            ORDER BY a.seq
        """
        cursor = self.db.cursor()
        cursor.execute(query, (version,))
        n = len(META_FIELDS)
        while rows := cursor.fetchmany(batch):
            for row in rows:
                meta = metadata_from_row(dict(zip(META_FIELDS, row[:n], strict=True)))
                yield features_from_stored(meta, *row[n:])
        cursor.close()

    def close(self) -> None:
        if self.conn is not None:
            if self.in_transaction:
                self.conn.rollback()
                self.in_transaction = False
            self._pending_sources.clear()
            self._pending_analyses.clear()
            self._pending_articles.clear()
            self.conn.close()
            self.conn = None

    def __enter__(self) -> FeatureStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def rows_of(analysis: StoredAnalysis) -> AnalysisRows:
    """The finding and count rows of a stored analysis that came without them (an imported one)."""
    from framing.ingest.article import Metadata
    from framing.store.rows import analysis_rows

    meta = Metadata(**{key: "" for key in META_FIELDS})
    return analysis_rows(features_from_stored(meta, analysis.text, analysis.record, analysis.actor_mentions))


def load_features(store_path: Path | str, analysis_version: str | None = None) -> list[ArticleFeatures]:
    """Every stored article's features (for analyze, report and the classroom): see FeatureStore.iter_features."""
    with FeatureStore(store_path, create=False) as store:
        features = list(store.iter_features(analysis_version))
    if not features:
        raise DataError(store_path, "the feature store holds no analysed articles")
    return features


CHOSEN_BATCH = 256  # analyses per query of load_chosen


def load_chosen(
    store_path: Path | str, seqs: Sequence[int], analysis_version: str | None = None
) -> list[ArticleFeatures]:
    """The features of the articles numbered ``seqs`` only (their ``articles.seq``), in store order: what a
    report decodes of a large store (the articles it shows and its claim sample, framing/store/analysis.py).

    The chosen articles' metadata and analysis ids come first, without a text; then the texts and
    records of CHOSEN_BATCH articles per query, decoded before the next batch is read, so the engine
    reads only the row groups holding them and no corpus of JSON strings is held."""
    found: list[ArticleFeatures] = []
    n = len(META_FIELDS)
    with FeatureStore(store_path, create=False) as store:
        version = analysis_version or store.latest_analysis_version()
        chosen = store.db.execute(
            f"""SELECT {", ".join("a." + k for k in META_FIELDS)}, f.analysis
                FROM articles a JOIN analyses f ON f.content_hash = a.content_hash AND f.analysis_version = $version
                WHERE a.seq IN (SELECT unnest($seqs)) ORDER BY a.seq""",
            {"version": version, "seqs": [int(s) for s in seqs]},
        ).fetchall()
        for i in range(0, len(chosen), CHOSEN_BATCH):
            batch = chosen[i : i + CHOSEN_BATCH]
            query = (
                "SELECT analysis, text, record, actor_mentions FROM analyses WHERE analysis IN (SELECT unnest($ids))"
            )
            rows = store.db.execute(query, {"ids": sorted({row[-1] for row in batch})}).fetchall()
            stored = {analysis_id: values for analysis_id, *values in rows}
            for row in batch:
                meta = metadata_from_row(dict(zip(META_FIELDS, row[:n], strict=True)))
                found.append(features_from_stored(meta, *stored[row[-1]]))
    return found
