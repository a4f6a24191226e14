"""The DuckDB store's row tables: scores summed in the engine equal scores of the features themselves.

Also the SQLite -> DuckDB upgrade of a store written by an earlier release, and the
analyst's queries of docs/store.md on a small store.
"""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pytest
from test_store import legacy_store, write_jsonl

from framing import run, score
from framing.score.counts import count_table
from framing.store import FeatureStore, load_features
from framing.store.aggregate import StoreCounts
from framing.store.upgrade import backup_path

EXTRA = [
    "Officials said the talks would continue next week.",
    "The ministry called the claims baseless propaganda.",
    "Analysts suggested the deal might collapse.",
]


@pytest.fixture(scope="module")
def two_outlet_store(tmp_path_factory, seed_articles):
    """42 distinct articles over two outlets (21 each: enough to resample articles)."""
    folder = tmp_path_factory.mktemp("agg")
    seeds = sorted(seed_articles.values(), key=lambda a: a.id)
    records = []
    for k in range(42):
        text = seeds[k % len(seeds)].text + f"\n\n{EXTRA[k % len(EXTRA)]} It was day {k}."
        outlet = "east" if k % 2 else "west"
        records.append({"id": f"n{k:02d}", "outlet": outlet, "outlet_name": outlet.title() + " News", "text": text})
    store = folder / "store.db"
    run.analyze_into_store(store, write_jsonl(folder / "corpus.jsonl", records))
    return store


def test_profile_summed_in_the_store_equals_the_profile_of_the_features(two_outlet_store):
    features = load_features(two_outlet_store)
    with FeatureStore(two_outlet_store, create=False) as store:
        counts = StoreCounts(store)
        outlets = counts.outlets()
        assert [o.n_articles for o in outlets] == [21, 21]
        from_store = score.outlet_profiles(outlets, seed=3, n_boot=200)
        actors = score.actor_sentiment(outlets, seed=3, n_boot=200)
        balance = counts.quote_balance()
        loaded = counts.loaded_by_category()
        speakers = counts.top_speakers({"w": ["west"], "e": ["east"]}, 5)
    assert set(from_store["resampled"]) == {"articles"}
    pd.testing.assert_frame_equal(from_store, score.outlet_profiles(features, seed=3, n_boot=200), check_exact=True)
    pd.testing.assert_frame_equal(actors, score.actor_sentiment(features, seed=3, n_boot=200), check_exact=True)
    pd.testing.assert_frame_equal(balance, score.quote_balance(features), check_exact=True)
    pd.testing.assert_frame_equal(loaded, score.loaded_by_category(features), check_exact=True)
    pd.testing.assert_frame_equal(speakers, score.top_speakers(features, {"w": ["west"], "e": ["east"]}, 5))


def test_sentence_rows_from_the_store_are_the_count_table_of_the_features(two_outlet_store):
    features = [f for f in load_features(two_outlet_store) if f.outlet == "west"]
    with FeatureStore(two_outlet_store, create=False) as store:
        table = StoreCounts(store).table(["west"], "sentences")
    expected = pd.concat([count_table(f).frame() for f in features], ignore_index=True).fillna(0.0)
    assert len(table) == sum(len(f.sentences) for f in features) > 0
    pd.testing.assert_frame_equal(table, expected[table.columns], check_exact=True)
    assert table["loaded"].sum() == sum(len(f.loaded_terms) for f in features)


def test_the_analyst_queries_of_the_docs_count_what_the_features_hold(two_outlet_store):
    features = load_features(two_outlet_store)
    conn = duckdb.connect(str(two_outlet_store), read_only=True)
    try:
        per_kind = dict(
            conn.execute(
                """SELECT kind, count(*) FROM findings JOIN current_articles USING (analysis)
                   GROUP BY kind"""
            ).fetchall()
        )
        per_outlet = conn.execute(
            """SELECT outlet, sum(value) FILTER (WHERE name = 'loaded') AS loaded,
                      sum(value) FILTER (WHERE name = 'words') AS words
               FROM article_counts JOIN current_articles USING (analysis) GROUP BY outlet ORDER BY outlet"""
        ).df()
        sides = conn.execute(
            """SELECT attributes ->> 'side' AS side, count(*) AS n FROM findings
               JOIN current_articles USING (analysis) WHERE kind = 'quote' GROUP BY side"""
        ).fetchall()
    finally:
        conn.close()
    assert per_kind["loaded_term"] == sum(len(f.loaded_terms) for f in features)
    assert per_kind["sentence"] == sum(len(f.sentences) for f in features)
    assert per_kind["quote"] == sum(len(f.quotes) for f in features)
    hedges = [h for f in features for h in f.hedges]
    assert per_kind["attribution"] == sum(h.type == "attribution" for h in hedges)
    assert per_kind.get("scare_quote", 0) == sum(h.type == "scare_quote" for h in hedges)
    assert per_kind["hedge"] == sum(h.type in ("hedge", "evidential", "modal") for h in hedges)
    for row in per_outlet.itertuples():
        group = [f for f in features if f.outlet == row.outlet]
        assert row.loaded == sum(len(f.loaded_terms) for f in group)
        assert row.words == sum(count_table(f).frame()["words"].sum() for f in group)
    assert dict(sides) == dict(pd.Series([q.side for f in features for q in f.quotes]).value_counts())


def test_an_sqlite_store_of_an_earlier_release_is_imported_once_and_keeps_reusing(tmp_path, capfd):
    old = legacy_store(tmp_path / "old.db")
    fresh = [f.to_record() for f in run.analyze_corpus()]

    assert [f.to_record() for f in load_features(old)] == fresh  # opening it upgrades it
    notice = capfd.readouterr().err.strip().splitlines()
    assert len(notice) == 1 and "upgraded feature store" in notice[0] and "5 analyses, 5 articles" in notice[0]
    assert backup_path(old).is_file() and old.read_bytes()[:15] != b"SQLite format 3"
    again = run.analyze_into_store(old)  # the raw-input hashes came along: nothing is cleaned or analysed
    assert (again.seen, again.analysed, again.reused) == (5, 0, 5)
    with FeatureStore(old, create=False) as store:
        assert [r["corpus"] for r in store.runs()][0] == "legacy"
        n_rows = store.db.execute("SELECT count(*) FROM findings").fetchall()[0][0]
    assert n_rows > 0
    assert "upgraded" not in capfd.readouterr().err  # once only


def test_store_profile_and_compare_json_cli_match_the_corpus(tmp_path):
    """The seeds through the CLI: `profile -f json --store` equals `profile -f json` on the corpus."""
    from helpers import framing

    store = tmp_path / "store.db"
    run.analyze_into_store(store)
    args = ("profile", "-f", "json", "--n-boot", "200")
    from_store, from_corpus = framing(*args, "--store", str(store)), framing(*args)
    assert from_store.returncode == 0, from_store.stderr
    stored, expected = json.loads(from_store.stdout), json.loads(from_corpus.stdout)
    # The TF-IDF similarity comes from the stored word counts (framing.store.compare.outlet_tfidf): the
    # same terms and counts, normalised in another order, so equal to the last few bits only.
    tfidf, tfidf_expected = stored["similarity"].pop("tfidf"), expected["similarity"].pop("tfidf")
    assert tfidf.keys() == tfidf_expected.keys()
    for outlet, row in tfidf.items():
        assert row.keys() == tfidf_expected[outlet].keys()
        assert all(abs(v - tfidf_expected[outlet][k]) < 1e-12 for k, v in row.items())
    assert stored == expected


def test_compare_from_the_store_equals_compare_of_the_features(two_outlet_store):
    from framing.store.compare import store_compare

    features = load_features(two_outlet_store)
    from_store = store_compare(two_outlet_store, ["west"], ["east"], n_boot=200, min_z=0.5)
    from_features = score.compare(features, ["west"], ["east"], n_boot=200, min_z=0.5)
    assert from_store.sizes["a"]["resampled"] == "articles"
    assert from_store.to_dict() == from_features.to_dict()
    assert len(from_store.distinctive) > 0 and from_store.similarity["tfidf"] > 0.5


def test_report_from_the_store_uses_the_engine_profile_and_lays_out_the_same_outlets(tmp_path):
    from helpers import framing

    from framing.render.model import build_model
    from framing.store.aggregate import store_profile

    store = tmp_path / "store.db"
    run.analyze_into_store(store)
    features = load_features(store)
    with_store = build_model(features, seed=1, profiles=store_profile(store, seed=1)["profiles"])
    assert with_store.outlets == build_model(features, seed=1).outlets
    done = framing("report", "--store", str(store), "--format", "html", "-o", str(tmp_path / "report"))
    assert done.returncode == 0, done.stderr
    assert "Sputnik" in (tmp_path / "report" / "index.html").read_text(encoding="utf-8")


def test_compare_sums_the_stored_word_counts_and_reads_the_texts_of_a_store_without_them(two_outlet_store, tmp_path):
    """`compare --store` sums term_counts rows and naming findings in the engine; a store made before
    they existed (no table, no naming rows) gives the same comparison by reading its texts, and the
    first writer to open it adds the table."""
    import shutil

    from framing.store.compare import _all_counted, store_compare

    with FeatureStore(two_outlet_store, create=False) as store:
        assert _all_counted(StoreCounts(store))
        kinds = dict(store.db.execute("SELECT kind, count(*) FROM term_counts GROUP BY kind").fetchall())
        (naming,) = store.db.execute("SELECT count(*) FROM findings WHERE kind = 'naming_variant'").fetchall()[0]
    assert kinds["counted"] == 42 and kinds["fw1"] > 1000 and kinds["tf_first"] == 42 and naming > 0
    summed = store_compare(two_outlet_store, ["west"], ["east"], n_boot=200, min_z=0.5)

    old = tmp_path / "old.db"
    shutil.copy(two_outlet_store, old)
    db = duckdb.connect(str(old))
    db.execute("DROP TABLE term_counts")
    db.execute("DELETE FROM findings WHERE kind = 'naming_variant'")
    db.close()
    with FeatureStore(old, create=False) as store:
        assert not _all_counted(StoreCounts(store))
    read = store_compare(old, ["west"], ["east"], n_boot=200, min_z=0.5)
    assert read.to_dict() == summed.to_dict()
    assert len(summed.lexicon_terms) > 0 and summed.similarity["tfidf"] > 0.5
    FeatureStore(old).close()
    db = duckdb.connect(str(old), read_only=True)
    assert db.execute("SELECT count(*) FROM term_counts").fetchall() == [(0,)]
    db.close()


def test_profile_of_a_store_names_the_store_not_the_seed_corpus(two_outlet_store):
    from helpers import framing

    done = framing("profile", "--store", str(two_outlet_store), "--n-boot", "100")
    assert done.returncode == 0, done.stderr
    assert f"store {two_outlet_store}" in " ".join(done.stdout.split()) and "seed corpus" not in done.stdout
