"""The actor table of a feature store (framing.store.actors): aggregated from the stored mentions, it equals
the actor table of the stored features, and samples an (outlet, actor) pair's articles only beyond a bound."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from test_store import legacy_store, write_jsonl

from framing import run
from framing.score.actor_table import actor_table, article_mentions
from framing.sides import load_sides
from framing.store import FeatureStore, load_features
from framing.store.actors import store_actor_table

GOLD_EXTRA = Path(__file__).resolve().parents[1] / "gold" / "extra" / "corpus"


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "store.db"
    run.analyze_into_store(path)
    return path


@pytest.fixture(scope="module")
def extra_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("extra") / "store.db"
    run.analyze_into_store(path, GOLD_EXTRA)
    return path


@pytest.fixture(scope="module")
def wide_store(tmp_path_factory, seed_articles) -> Path:
    """25 articles of one outlet (enough to resample articles) and 4 of another, over the ten seed and
    gold/extra texts: most texts are stored once and shared by several articles (wire copy)."""
    from framing import api

    texts = [a.text for a in sorted(seed_articles.values(), key=lambda a: a.id)]
    texts += [a.text for a in api.articles(GOLD_EXTRA)]
    records = [{"id": f"w{k:02d}", "outlet": "wire", "text": texts[k % len(texts)]} for k in range(25)]
    # the same ids as the wire's: an article is its outlet and id
    records += [{"id": f"w{k:02d}", "outlet": "local", "text": texts[(3 * k) % len(texts)]} for k in range(4)]
    folder = tmp_path_factory.mktemp("wide")
    path = folder / "store.db"
    run.analyze_into_store(path, write_jsonl(folder / "corpus.jsonl", records))
    return path


@pytest.mark.parametrize("store", ["seeds_store", "extra_store", "wide_store"])
def test_the_store_table_equals_the_table_of_the_stored_features(store, request):
    path = request.getfixturevalue(store)
    from_store = store_actor_table(path, seed=4, n_boot=300)
    expected = actor_table(load_features(path), seed=4, n_boot=300)
    assert len(from_store) > 10 and not from_store["sampled"].any()
    pd.testing.assert_frame_equal(from_store, expected, check_exact=True)


def test_the_wide_store_resamples_articles_and_counts_shared_texts_per_article(wide_store):
    table = store_actor_table(wide_store, n_boot=200)
    wire = table[table.outlet == "wire"]
    assert wire["articles"].max() > 2 and set(table.outlet) == {"wire", "local"}
    features = [f for f in load_features(wide_store) if f.outlet == "wire"]
    top = wire.iloc[0]
    mentioning = [f for f in features if any(m.actor in top.aliases.split(";") for m in article_mentions(f))]
    assert top.articles <= len(mentioning) <= 25


def test_with_a_sides_file_the_groups_are_the_sides(extra_store, tmp_path):
    path = tmp_path / "sides.yaml"
    table = store_actor_table(extra_store, n_boot=100)
    person = table[table.kind == "person"].iloc[0].actor
    path.write_text(f"named side:\n  speakers: [{person}]\n", encoding="utf-8")
    sides = load_sides(path)
    grouped = store_actor_table(extra_store, n_boot=100, sides=sides)
    assert set(grouped[grouped.actor == person].group) == {"named side"}
    expected = actor_table(load_features(extra_store), n_boot=100, sides=sides)
    pd.testing.assert_frame_equal(grouped, expected, check_exact=True)


def test_a_pair_beyond_the_sample_size_is_scored_on_a_seeded_sample_and_counted_in_full(wide_store):
    full = store_actor_table(wide_store, n_boot=200)
    sampled = store_actor_table(wide_store, n_boot=200, sample=3)
    assert sampled[["outlet", "actor", "mentions", "articles", "flag"]].equals(
        full[["outlet", "actor", "mentions", "articles", "flag"]]
    )
    assert (sampled["sampled"] == (sampled["articles"] > 3)).all() and sampled["sampled"].any()
    small = ~sampled["sampled"]
    pd.testing.assert_frame_equal(sampled[small], full[small], check_exact=True)
    big = sampled[sampled["sampled"]]
    assert (big["mean_sentiment"] != full[sampled["sampled"]]["mean_sentiment"]).any()  # 3 articles, not all
    rounded = 5e-5  # the mean is rounded to 4 places, the interval is not
    assert ((big["lo"] - rounded <= big["mean_sentiment"]) & (big["mean_sentiment"] <= big["hi"] + rounded)).all()
    again = store_actor_table(wide_store, n_boot=200, sample=3)
    pd.testing.assert_frame_equal(sampled, again, check_exact=True)  # seeded
    other = store_actor_table(wide_store, seed=1, n_boot=200, sample=3)
    assert not other[other["sampled"]]["mean_sentiment"].equals(big["mean_sentiment"])


def test_the_mentions_table_holds_each_articles_discovered_mentions(wide_store):
    conn = duckdb.connect(str(wide_store), read_only=True)
    try:
        stored = conn.execute(
            """SELECT a.outlet, a.id, m.start, m."end", m.sentence, m.actor, m.kind, m."group", m.link, m.text,
                      m.affiliation
               FROM current_articles a JOIN mentions m USING (analysis) ORDER BY a.seq, m.start, m."end" """
        ).fetchall()
        counted = conn.execute("SELECT sum(n_mentions) FROM current_articles JOIN analyses USING (analysis)").fetchall()
    finally:
        conn.close()
    expected = [
        (f.outlet, f.id, m.start, m.end, m.sentence, m.actor, m.kind, m.group, m.link, m.text, m.affiliation)
        for f in load_features(wide_store)
        for m in article_mentions(f)
    ]
    assert stored == expected and len(expected) > 500
    assert counted[0][0] == len(expected)


def _as_before_mentions(path: Path) -> None:
    """Make the store look like one written before mentions were stored."""
    conn = duckdb.connect(str(path))
    conn.execute("DROP TABLE mentions")
    conn.execute("ALTER TABLE analyses DROP COLUMN n_mentions")
    conn.close()


def test_a_store_written_before_mentions_were_stored_is_read_from_its_texts(seeds_store, tmp_path):
    expected = store_actor_table(seeds_store, n_boot=200)
    old = tmp_path / "old.db"
    old.write_bytes(seeds_store.read_bytes())
    _as_before_mentions(old)
    said: list[str] = []
    pd.testing.assert_frame_equal(store_actor_table(old, n_boot=200, notice=said.append), expected, check_exact=True)
    assert len(said) == 1 and "written before discovered actor mentions were stored" in said[0]
    FeatureStore(old).close()  # a writer adds the table; the old analyses have no mentions (NULL) ...
    conn = duckdb.connect(str(old), read_only=True)
    assert conn.execute("SELECT count(*) FROM analyses WHERE n_mentions IS NULL").fetchall()[0][0] == 5
    conn.close()
    said.clear()  # ... so they are still found in the texts, until analysed again
    pd.testing.assert_frame_equal(store_actor_table(old, n_boot=200, notice=said.append), expected, check_exact=True)
    assert len(said) == 1


def test_an_sqlite_store_imported_from_an_earlier_release_gets_its_mentions_from_the_stored_texts(
    seeds_store, tmp_path
):
    old = legacy_store(tmp_path / "legacy.db")
    said: list[str] = []
    FeatureStore(old).close()  # the import, on first open
    table = store_actor_table(old, n_boot=200, notice=said.append)
    assert said == []  # stored at import: nothing to find at read time
    pd.testing.assert_frame_equal(table, store_actor_table(seeds_store, n_boot=200), check_exact=True)


def test_profile_store_json_equals_the_corpus_profile_and_decodes_no_analysis(seeds_store, tmp_path):
    script = f"""
import sys
import framing.store.database as database
def refuse(*args, **kwargs):
    raise AssertionError("decoded every stored analysis")
database.FeatureStore.iter_features = refuse
from framing.cli import app
sys.argv = ["framing", "profile", "--store", {str(seeds_store)!r}, "-f", "json", "--n-boot", "200"]
app()
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    from_store = json.loads(done.stdout)
    corpus = subprocess.run(
        [sys.executable, "-m", "framing.cli", "profile", "-f", "json", "--n-boot", "200"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    expected = json.loads(corpus.stdout)
    for key in ("discovered_actors", "source_types", "source_affiliations"):
        assert from_store[key] == expected[key], key
    assert len(from_store["discovered_actors"]) > 10


def test_the_report_of_a_store_says_when_actor_sentiment_comes_from_a_sample(wide_store, monkeypatch):
    import functools

    from framing.render.model import build_model
    from framing.store import analysis as store_analysis_module
    from framing.store.actors import SAMPLING_NOTE

    full = build_model(store_analysis_module.store_analysis(wide_store))
    assert SAMPLING_NOTE not in full.limits  # nothing sampled: no note
    from framing.store import actors

    monkeypatch.setattr(actors, "store_actor_table", functools.partial(actors.store_actor_table, sample=3))
    sampled = build_model(store_analysis_module.store_analysis(wide_store))
    assert SAMPLING_NOTE in sampled.limits
