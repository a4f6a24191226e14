"""`compare` on the seeds: the must-show content, groups, and one-line errors for bad requests."""

import json

import pytest

from framing.errors import UsageError
from framing.score import compare, default_pairs, outlet_profiles


@pytest.fixture(scope="module")
def features(seed_features):
    return list(seed_features.values())


@pytest.fixture(scope="module")
def result(features):
    return compare(features, ["sputnik"], ["nv"], n_boot=400)


def test_coup_and_kiev_lean_to_sputnik_occupied_and_so_called_to_nv(result):
    terms = result.lexicon_terms.set_index("term")
    for term in ("Kiev", "US-backed * coup"):
        assert terms.loc[term, "side"] == "a" and terms.loc[term, "z"] > 0
    assert terms.loc["temporarily occupied", "side"] == "b" and terms.loc["temporarily occupied", "z"] < 0
    so_called = result.lexicon_terms[result.lexicon_terms["examples"].str.startswith("so-called")]
    assert len(so_called) and (so_called["side"] == "b").all() and (so_called["z"] < 0).all()


def test_distinctive_terms_respect_the_threshold(result):
    assert result.settings["min_z"] == 1.0
    assert (result.distinctive["z"].abs() >= 1.0).all()
    assert set(result.distinctive["side"]) == {"a", "b"}


def test_who_each_side_quotes(result, seed_features):
    balance = result.quote_balance.set_index(["group", "side"])
    for group, outlet in (("a", "sputnik"), ("b", "nv")):
        quotes = seed_features[outlet].quotes
        assert balance.loc[(group, "NATO"), "n_quotes"] == sum(q.side == "NATO" for q in quotes)
    speakers = result.speakers
    assert "Jens Stoltenberg" in set(speakers[speakers["group"] == "a"]["speaker"])
    assert "the Ukrainian Defence Ministry" in set(speakers[speakers["group"] == "b"]["speaker"])


def test_loaded_terms_one_side_only_and_naming_differences(result):
    only = result.loaded_only.set_index("term")
    assert only.loc["Kiev", "only_in"] == "a" and only.loc["temporarily occupied", "only_in"] == "b"
    assert ((only["count_a"] == 0) != (only["count_b"] == 0)).all()
    naming = result.naming
    demands = naming[naming["concept"] == "russia-demands-dec-2021"]
    assert set(demands["status"]) == {"different"}
    assert demands.set_index("variant").loc["security proposals", "count_a"] > 0
    assert demands.set_index("variant").loc["security guarantees", "count_b"] > 0
    capital = naming[naming["concept"] == "capital-of-ukraine"]
    assert list(capital["variant"]) == ["Kiev"] and list(capital["status"]) == ["only a"]


def test_side_by_side_scores_match_the_profiles(result, features):
    scores = result.scores.set_index("score")
    profiles = outlet_profiles(features, n_boot=400).set_index("outlet")
    for name in ("loaded_per_1k", "balance_index", "sentiment"):
        assert scores.loc[name, "a"] == pytest.approx(profiles.loc["sputnik", name])
        assert scores.loc[name, "b_lo"] == pytest.approx(profiles.loc["nv", f"{name}_lo"])
        assert scores.loc[name, "diff"] == pytest.approx(scores.loc[name, "a"] - scores.loc[name, "b"])
    for row in result.scores.itertuples():
        assert row.excludes_zero == bool(row.diff_lo > 0 or row.diff_hi < 0)


def test_json_has_every_number_and_no_nan(result):
    data = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    assert data["a"]["outlets"] == ["sputnik"] and data["b"]["names"] == ["NV (Ukraine)"]
    assert -1 <= data["similarity"]["tfidf"] <= 1
    assert {"diff_lo", "diff_hi", "a_n", "b_flag"} <= set(data["scores"][0])


def test_groups_pool_outlets(features, seed_features):
    pooled = compare(features, ["sputnik", "aggregator"], ["nv"], n_boot=200)
    assert pooled.sizes["a"]["n_articles"] == 2
    assert pooled.sizes["a"]["n_words"] == seed_features["sputnik"].n_words + seed_features["aggregator"].n_words
    assert pooled.label_a == "sputnik+aggregator"


@pytest.mark.parametrize(
    ("a", "b", "needle"),
    [
        (["rt"], ["nv"], "unknown outlet 'rt'"),
        (["nv"], ["nv"], "cannot compare outlet 'nv' with itself"),
        (["sputnik", "nv"], ["nv"], "cannot compare outlet 'nv' with itself"),
        ([], ["nv"], "needs an outlet"),
    ],
)
def test_bad_requests_list_the_available_outlets(features, a, b, needle):
    with pytest.raises(UsageError) as info:
        compare(features, a, b, n_boot=100)
    message = info.value.message
    assert needle in message and "available: aggregator, intellinews, nv, sputnik, unnamed" in message
    assert "\n" not in message


def test_default_pairs(features):
    pairs = default_pairs(features)
    assert len(pairs) == 2 and all(len(a) == len(b) == 1 and a != b for a, b in pairs)
    assert default_pairs(features[:1]) == []
