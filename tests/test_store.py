"""The feature store: lossless round trip, incremental re-runs, lexicon changes, and kill safety."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
from helpers import framing as run_framing

from framing import run
from framing.errors import DataError
from framing.store import FeatureStore, load_features

LOADED_HEADER = "term,category,perspective,neutral,explanation\n"


def recombined_records(seed_articles, n: int) -> list[dict]:
    """n distinct articles made from the seeds' cleaned paragraphs, rotated per article."""
    seeds = sorted(seed_articles.values(), key=lambda a: a.id)
    records = []
    for k in range(n):
        seed = seeds[k % len(seeds)]
        paragraphs = seed.text.split("\n\n")
        shift = (k // len(seeds)) % len(paragraphs)
        text = "\n\n".join(paragraphs[shift:] + paragraphs[:shift])
        records.append({"id": f"a{k:03d}", "outlet": seed.outlet, "outlet_name": seed.meta.outlet_name, "text": text})
    assert len({r["text"] for r in records}) == n, "the test corpus needs distinct texts"
    return records


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def dump(store_path: Path) -> tuple[list[tuple], ...]:
    """Store content: articles in stored order, analyses, sources, findings, counts and mentions by key.

    The runs log is history, not content; row ids (seq, analysis) are left out because a
    killed run may have drawn ids it never committed.
    """
    conn = duckdb.connect(str(store_path), read_only=True)
    by_key = (
        "SELECT f.content_hash, f.analysis_version, x.* EXCLUDE (analysis) FROM {} x JOIN analyses f USING (analysis)"
    )
    try:
        articles = conn.execute("SELECT * EXCLUDE (seq) FROM articles ORDER BY seq").fetchall()
        analyses = conn.execute(
            "SELECT * EXCLUDE (analysis) FROM analyses ORDER BY content_hash, analysis_version"
        ).fetchall()
        sources = conn.execute("SELECT * FROM sources ORDER BY source_hash, cleaning_version").fetchall()
        rows = [sorted(conn.execute(by_key.format(t)).fetchall()) for t in ("findings", "sentence_counts", "mentions")]
    finally:
        conn.close()
    return articles, analyses, sources, *rows


def legacy_store(path: Path, corpus: Path | None = None) -> Path:
    """A feature store as the SQLite releases wrote it (schema 2), made by the same update code."""
    from framing import api
    from framing.engine import open_engine
    from framing.ingest.corpus import iter_sources
    from framing.store import update_store
    from framing.store.sqlite_legacy import SQLiteStore

    with SQLiteStore(path) as store, open_engine("local", api.lexicons()) as engine:
        update_store(store, iter_sources(corpus), engine, "legacy")
    return path


def test_stored_features_read_back_identical_to_a_fresh_analysis(tmp_path, seed_features):
    report = run.analyze_into_store(tmp_path / "store.db")
    assert (report.seen, report.analysed, report.reused) == (5, 5, 0)
    loaded = load_features(tmp_path / "store.db")
    assert sorted(f.outlet for f in loaded) == sorted(seed_features)
    for features in loaded:
        original = seed_features[features.outlet]
        assert features.to_record() == original.to_record()
        assert features.text == original.text
        assert features.actor_mentions == original.actor_mentions
        assert features.meta == original.meta


def test_rerun_on_a_grown_corpus_analyses_only_new_and_changed_articles(tmp_path, seed_articles):
    records = recombined_records(seed_articles, 12)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records[:8])
    store = tmp_path / "store.db"
    first = run.analyze_into_store(store, corpus)
    assert (first.seen, first.analysed, first.reused) == (8, 8, 0)

    records[3]["text"] += "\n\nOfficials said the talks would continue next week."
    write_jsonl(corpus, records)  # 4 new articles, 1 changed, 7 unchanged
    result = run_framing("analyze", str(corpus), "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert "12 articles, analysed 5 new or changed, reused 7 already stored" in result.stderr

    stored = {f.id: f for f in load_features(store)}
    fresh = {f.id: f for f in run.analyze_corpus(corpus)}
    assert list(stored) == [r["id"] for r in records]
    assert {k: f.to_record() for k, f in stored.items()} == {k: f.to_record() for k, f in fresh.items()}
    assert stored["a003"].text.endswith("talks would continue next week.")

    again = run.analyze_into_store(store, corpus)
    assert (again.seen, again.analysed, again.reused) == (12, 0, 12)


def test_a_new_loaded_terms_file_reruns_only_loaded_terms_and_keeps_the_old_version(tmp_path):
    store = tmp_path / "store.db"
    old = run.analyze_into_store(store)
    extra = tmp_path / "pentagon_terms.csv"
    extra.write_text(LOADED_HEADER + "Pentagon,subjective,any,the US Defense Department,a test entry\n")
    new = run.analyze_into_store(store, extra_lexicons=[extra])
    assert new.analysis_version != old.analysis_version
    assert (new.analysed, new.updated, new.reused) == (0, 5, 0)
    assert dict(new.rerun) == {"loaded": 5}
    assert "updated 5 for changed lexicons or code (re-ran loaded)" in new.summary()
    fresh = run.analyze_corpus(extra_lexicons=[extra])
    assert [f.to_record() for f in load_features(store)] == [f.to_record() for f in fresh]

    def extra_terms(features):
        return [t.text for f in features for t in f.loaded_terms if t.lexicon == "pentagon_terms"]

    assert extra_terms(load_features(store)) != []  # default: the latest run's lexicon version
    assert extra_terms(load_features(store, old.analysis_version)) == []
    again = run.analyze_into_store(store, extra_lexicons=[extra])
    assert (again.analysed, again.updated, again.reused) == (0, 0, 5)


@pytest.mark.parametrize(
    ("lexicon", "row", "rerun"),
    [
        ("hedges", "talks,exact,hedge,test entry", {"hedges"}),
        ("speakers", "Test Speaker,Peskov;Zakharova,Russian government,test entry", {"quotes", "loaded", "hedges"}),
        ("actors", "Brussels,case,NATO,NATO", {"actors", "quotes", "loaded", "hedges"}),
        ("naming_pairs", "test,Moscow,exact,any,test entry", set()),
    ],
)
def test_a_lexicon_edit_reruns_only_the_parts_that_read_it(tmp_path, lexicon, row, rerun):
    """Incremental results after the edit equal a fresh analysis with the edited lexicons."""
    from framing.engine import analyze_stream, open_engine
    from framing.ingest.corpus import iter_sources
    from framing.lexicon.bundle import load_lexicons
    from framing.resources import lexicon_dir
    from framing.store import update_store

    folder = tmp_path / "lexicons"
    shutil.copytree(lexicon_dir(), folder)
    with FeatureStore(tmp_path / "store.db") as store:
        with open_engine("local", load_lexicons(folder=folder)) as engine:
            update_store(store, iter_sources(), engine)
        with (folder / f"{lexicon}.csv").open("a", encoding="utf-8") as handle:
            handle.write(row + "\n")
        edited = load_lexicons(folder=folder)
        with open_engine("local", edited) as engine:
            report = update_store(store, iter_sources(), engine)
            fresh = [f.to_record() for f in analyze_stream(iter_sources(), engine)]
        assert (report.analysed, report.updated, report.reused) == (0, 5, 0)
        assert set(report.rerun) == rerun
        assert [f.to_record() for f in store.iter_features()] == fresh
    if rerun:
        old, new = (run.analyze_corpus()[0].to_record(), fresh[0])
        assert old != new  # the edit changed something


_KILLED_RUN = textwrap.dedent(
    """
    import os, signal, sys
    from framing import api
    from framing.engine import open_engine
    from framing.ingest.corpus import iter_sources
    from framing.store import FeatureStore, update_store

    corpus, store_path, kill_after = sys.argv[1], sys.argv[2], int(sys.argv[3])

    def sources():
        for n, source in enumerate(iter_sources(corpus), start=1):
            if n > kill_after:  # mid-run, with written but uncommitted articles
                os.kill(os.getpid(), signal.SIGKILL)
            yield source

    with FeatureStore(store_path) as store, open_engine("local", api.lexicons()) as engine:
        update_store(store, sources(), engine, "killed", commit_every=4, commit_seconds=1e9)
    """
)


def test_a_killed_run_then_a_rerun_gives_the_same_store_as_an_uninterrupted_run(tmp_path, seed_articles):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", recombined_records(seed_articles, 20))
    killed = tmp_path / "killed.db"
    result = subprocess.run(
        [sys.executable, "-c", _KILLED_RUN, str(corpus), str(killed), "11"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == -9, result.stderr

    with FeatureStore(killed, create=False) as store:  # readable after the kill
        committed = len(list(store.iter_features()))
        assert store.runs()[-1]["finished"] is None
    assert 0 < committed < 11 and committed % 4 == 0  # whole commits only, nothing half-written

    rerun = run.analyze_into_store(killed, corpus)
    assert (rerun.analysed, rerun.reused) == (20 - committed, committed)
    uninterrupted = tmp_path / "whole.db"
    run.analyze_into_store(uninterrupted, corpus)
    assert dump(killed) == dump(uninterrupted)


def test_store_problems_are_one_line_data_errors(tmp_path):
    with pytest.raises(DataError, match="no such feature store"):
        load_features(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_text("not a database at all, just some text " * 50)
    with pytest.raises(DataError, match="junk.db: not a usable feature store"):
        load_features(junk)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(DataError, match="not a framing feature store"):
        FeatureStore(other)
    FeatureStore(tmp_path / "empty.db").close()
    with pytest.raises(DataError, match="holds no analysed articles"):
        load_features(tmp_path / "empty.db")


def test_changed_extractor_code_reanalyses(tmp_path, monkeypatch):
    from framing.store import version

    store = tmp_path / "store.db"
    before = run.analyze_into_store(store)
    monkeypatch.setattr(version, "code_version", lambda: "edited0")
    after = run.analyze_into_store(store)
    assert after.analysis_version.split(".")[0] == before.analysis_version.split(".")[0]  # same lexicons
    assert after.analysis_version.endswith(".edited0")
    assert (after.analysed, after.updated, after.reused) == (0, 5, 0)
    assert set(after.rerun) == {"sentences", "actors", "quotes", "loaded", "hedges"}  # new code: nothing reused


def test_profile_and_compare_read_the_store_like_the_corpus(tmp_path):
    store = tmp_path / "store.db"
    run.analyze_into_store(store)

    def framing(*args):
        result = run_framing(*args)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert framing("profile", "-f", "csv", "--n-boot", "200", "--store", str(store)) == framing(
        "profile", "-f", "csv", "--n-boot", "200"
    )
    pair = ("compare", "sputnik", "nv", "-f", "json", "--n-boot", "200")
    assert json.loads(framing(*pair, "--store", str(store))) == json.loads(framing(*pair))


def test_a_schema_1_sqlite_store_is_upgraded_in_place_and_keeps_its_analyses(tmp_path, capfd):
    store = legacy_store(tmp_path / "old.db")
    fresh = [f.to_record() for f in run.analyze_corpus()]
    conn = sqlite3.connect(store)  # take it back to what the first release wrote
    conn.executescript(
        "DROP TABLE sources; ALTER TABLE analyses DROP COLUMN parts; ALTER TABLE runs DROP COLUMN updated; "
        "UPDATE store_info SET value = '1' WHERE key = 'schema_version';"
    )
    conn.close()

    assert [f.to_record() for f in load_features(store)] == fresh  # readable, and upgraded to DuckDB
    assert "upgraded feature store" in capfd.readouterr().err
    again = run.analyze_into_store(store)
    # Schema 1 kept no raw-input hashes, so every article is cleaned and analysed once more.
    assert (again.seen, again.analysed, again.reused) == (5, 5, 0)
    assert [f.to_record() for f in load_features(store)] == fresh
    assert run.analyze_into_store(store).reused == 5


def test_duplicate_article_ids_in_one_run_are_refused_naming_both_sources(tmp_path, seed_articles):
    records = recombined_records(seed_articles, 3)
    records[2]["id"], records[2]["outlet"] = records[0]["id"], records[0]["outlet"]
    corpus = write_jsonl(tmp_path / "dup.jsonl", records)
    done = run_framing("analyze", str(corpus), "--store", str(tmp_path / "s.db"), timeout=120)
    assert done.returncode == 3, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith("framing: error: ") and "Traceback" not in done.stderr
    assert f"id '{records[0]['id']}'" in lines[-1] and "is also used by" in lines[-1]
    assert lines[-1].count("dup.jsonl") == 2


_HOLD_OPEN = textwrap.dedent(
    """
    import sys, time
    from framing.store import FeatureStore

    with FeatureStore(sys.argv[1]) as store:
        store.start_run("c", "v", "local:1")
        print("open", flush=True)
        time.sleep(60)
    """
)


def test_a_second_process_gets_a_one_line_in_use_error_not_a_traceback(tmp_path, monkeypatch):
    from framing.store import database

    monkeypatch.setattr(database, "LOCK_WAIT_SECONDS", 0.3)
    path = tmp_path / "s.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_OPEN, str(path)], stdout=subprocess.PIPE, text=True, env=_env()
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(DataError, match=r"s.db: feature store is in use by another framing process \(still locked"):
            FeatureStore(path)
    finally:
        holder.kill()
        holder.wait()
    with FeatureStore(path) as store:  # usable again once the other process has gone
        assert [r["corpus"] for r in store.runs()] == ["c"]


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}


def test_buffered_writes_read_and_replace_like_single_row_writes(tmp_path, seed_features):
    """Analyses and articles are written in bulk at commit; before that the store still answers
    for them, a second analysis of the same text replaces the first, and an article stored
    again keeps its first place in the store's order with its new metadata."""
    from dataclasses import replace

    from framing.store.records import to_stored
    from framing.store.rows import finding_rows

    one, two = sorted(seed_features.values(), key=lambda f: f.id)[:2]
    path = tmp_path / "store.db"
    with FeatureStore(path) as store:
        store.start_run("test", "v1", "local:1")
        store.put_analysis("h1", "v1", to_stored(one), {"quotes": "q1"})
        assert store.has_analysis("h1", "v1") and not store.has_analysis("h1", "v2")
        store.put_article(one.meta, "h1")
        store.put_article(two.meta, "h2")
        store.put_analysis("h2", "v1", to_stored(two), {})
        store.commit()
        store.put_analysis("h1", "v1", to_stored(two), {"quotes": "q2"})  # h1 re-analysed: replaces the first
        previous, shared = store.previous_analysis("h1", {"quotes": "q2"})
        assert shared == ("quotes",) and previous.text == two.text
        store.put_article(replace(one.meta, title="New title"), "h2")
        store.commit()
    conn = duckdb.connect(str(path), read_only=True)
    try:
        analyses = conn.execute("SELECT content_hash, text FROM analyses ORDER BY analysis").fetchall()
        findings = conn.execute(
            "SELECT count(*) FROM findings JOIN analyses USING (analysis) WHERE content_hash = 'h1'"
        ).fetchone()
        articles = conn.execute("SELECT id, title, content_hash FROM articles ORDER BY seq").fetchall()
    finally:
        conn.close()
    assert analyses == [("h2", two.text), ("h1", two.text)]
    assert findings == (len(finding_rows(two)),)
    assert articles == [(one.id, "New title", "h2"), (two.id, two.meta.title, "h2")]
