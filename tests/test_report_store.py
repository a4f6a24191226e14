"""`report --store` builds the report from the store's aggregates and decodes only the articles it shows:
on a store small enough to load, its report is the report of the store's features.

The report model is compared through what a reader gets: the rendered HTML with the charts
cut out (matplotlib numbers its SVG element ids per process, and stamps the date), plus the
frames the charts are drawn from, compared exactly.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from test_store import write_jsonl

from framing import analysis, run
from framing.analysis import corpus_analysis
from framing.render.html import render_html
from framing.render.model import build_model
from framing.store import load_features
from framing.store.analysis import store_analysis

GOLD_CORPUS = Path(__file__).resolve().parents[1] / "gold" / "extra" / "corpus"
CHART_FRAMES = ("profiles", "actors", "loaded_by_category", "quote_balance", "outlet_map", "source_types")


def _without_charts(html: str) -> str:
    return re.sub(r"<svg.*?</svg>", "<svg/>", html, flags=re.DOTALL)


def assert_same_report(store: Path, pairs=(), seed: int = 0) -> tuple:
    """The store's report equals the report of its features, section by section and as HTML."""
    from_store = store_analysis(store, pairs, seed=seed)
    from_features = corpus_analysis(load_features(store), pairs, seed=seed)
    for name in CHART_FRAMES:
        pd.testing.assert_frame_equal(getattr(from_store, name), getattr(from_features, name), check_exact=True)
    assert from_store.terms == from_features.terms
    assert from_store.speakers == from_features.speakers
    assert [c.to_dict() for c in from_store.comparisons] == [c.to_dict() for c in from_features.comparisons]
    assert [f.meta for f in from_store.shown] == [f.meta for f in from_features.shown]
    assert from_store.n_claimed == from_features.n_claimed and from_store.claims == from_features.claims
    a, b = build_model(from_store), build_model(from_features)
    for section in ("summary", "outlets", "limits", "key_findings", "sources", "claims", "articles", "explorer"):
        assert getattr(a, section) == getattr(b, section), section
    assert [(p.label_a, p.label_b, p.rows, p.naming, p.note) for p in a.pairs] == [
        (p.label_a, p.label_b, p.rows, p.naming, p.note) for p in b.pairs
    ]
    assert _without_charts(render_html(a)) == _without_charts(render_html(b))
    return a, from_store


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("seeds") / "store.db"
    run.analyze_into_store(store)
    return store


def test_the_seed_store_report_equals_the_report_of_its_features(seed_store):
    model, _ = assert_same_report(seed_store)
    assert len(model.outlets) == 5 and model.pairs and model.claims is not None


def test_a_chosen_pooled_pair_and_another_seed_give_the_same_report_from_the_store(seed_store):
    model, _ = assert_same_report(seed_store, pairs=[(["sputnik", "aggregator"], ["nv"])], seed=4)
    assert [(p.label_a, p.label_b) for p in model.pairs] == [("sputnik+aggregator", "nv")]


def test_the_gold_extra_store_report_equals_the_report_of_its_features(tmp_path):
    store = tmp_path / "store.db"
    run.analyze_into_store(store, GOLD_CORPUS)
    model, _ = assert_same_report(store)
    assert model.summary["articles"] == "5"


def test_past_the_caps_the_store_decodes_the_same_spread_sample_and_says_so(tmp_path, monkeypatch, seed_articles):
    """Outlets of unequal sizes, caps lowered: the store chooses the articles shown and the claim
    sample from its article list by the rule features use, and every figure still counts all."""
    seeds = sorted(seed_articles.values(), key=lambda a: a.id)
    sizes = {"big": 6, "mid": 4, "small": 2}
    records = []
    for k, outlet in enumerate(o for o, n in sizes.items() for _ in range(n)):
        text = seeds[k % len(seeds)].text + f"\n\nOfficials said on day {k} that the talks would go on."
        records.append({"id": f"a{k:02d}", "outlet": outlet, "outlet_name": outlet.title(), "text": text})
    records.sort(key=lambda r: r["id"][::-1])  # outlets interleaved in store order
    store = tmp_path / "store.db"
    run.analyze_into_store(store, write_jsonl(tmp_path / "corpus.jsonl", records))
    monkeypatch.setattr(analysis, "MAX_SHOWN_ARTICLES", 4)
    monkeypatch.setattr(analysis, "MAX_CLAIM_ARTICLES", 7)
    model, found = assert_same_report(store)
    assert len(found.shown) == 4 and found.n_claimed == 7
    assert {f.outlet for f in found.shown} == set(sizes)
    assert any("show 4 of the 12 articles" in limit for limit in model.limits)
    assert any("aligned over 7 of the 12" in limit for limit in model.limits)
    assert model.summary["articles"] == "12"


def test_the_report_command_on_a_store_writes_the_report_of_the_corpus(seed_store, tmp_path):
    """`report --store` (aggregates) and `report` of the seed corpus (features in memory) write the same HTML."""
    from helpers import framing

    done = framing("report", "--store", str(seed_store), "-f", "html", "-o", str(tmp_path / "store"))
    assert done.returncode == 0, done.stderr
    assert "analysed 5 articles" in done.stdout
    done = framing("report", "-f", "html", "-o", str(tmp_path / "corpus"))
    assert done.returncode == 0, done.stderr
    html = [_without_charts((tmp_path / d / "index.html").read_text(encoding="utf-8")) for d in ("store", "corpus")]
    assert html[0] == html[1]


def test_profile_json_of_a_store_counts_the_source_frames_in_sql_as_the_features_give_them(seed_store):
    """`profile --store -f json`'s source types and affiliations (summed in SQL) and discovered actors
    equal those of `profile -f json` over the seed corpus."""
    import json

    from helpers import framing

    runs = [framing("profile", *where, "-f", "json", "--n-boot", "100") for where in (("--store", str(seed_store)), ())]
    assert all(done.returncode == 0 for done in runs), runs[0].stderr + runs[1].stderr
    from_store, from_corpus = (json.loads(done.stdout) for done in runs)
    for frame in ("source_types", "source_affiliations", "discovered_actors"):
        assert from_store[frame] == from_corpus[frame], frame
    assert {r["speaker_type"] for r in from_store["source_types"] if r["n_quotes"]} - {"unknown"}
