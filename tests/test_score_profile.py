"""Outlet profiles and the long frames the report reads, checked against the features they come from."""

import json
import math
from collections import Counter

import numpy as np
import pytest

from framing.score import (
    SCORE_NAMES,
    actor_sentiment,
    article_scores,
    loaded_by_category,
    outlet_map,
    outlet_profiles,
    quote_balance,
    similarity,
)
from framing.score.profile import BALANCE_SIDES, MIN_MENTIONS


@pytest.fixture(scope="module")
def features(seed_features):
    return list(seed_features.values())


@pytest.fixture(scope="module")
def profiles(features):
    return outlet_profiles(features, n_boot=400).set_index("outlet")


def test_one_row_per_outlet_with_every_score_column(profiles, seed_features):
    assert sorted(profiles.index) == sorted(seed_features)
    for name in SCORE_NAMES:
        for suffix in ("", "_lo", "_hi", "_n", "_flag"):
            assert f"{name}{suffix}" in profiles.columns
    for outlet, f in seed_features.items():
        row = profiles.loc[outlet]
        assert row["n_articles"] == 1 and row["n_words"] == f.n_words and row["n_sentences"] == len(f.sentences)
        assert row["loaded_per_1k"] == pytest.approx(1000 * len(f.loaded_terms) / f.n_words)
        own = sum(not t.quoted for t in f.loaded_terms)
        assert row["loaded_own_per_1k"] == pytest.approx(1000 * own / f.n_words)
        assert row["sentiment"] == pytest.approx(f.sentiment["compound"], abs=1e-4)
        assert row["quotes_per_1k_n"] == len(f.sentences)


def test_estimates_lie_inside_their_intervals(profiles):
    for name in SCORE_NAMES:
        for _, row in profiles.iterrows():
            if math.isfinite(row[name]):
                assert row[f"{name}_lo"] - 1e-9 <= row[name] <= row[f"{name}_hi"] + 1e-9, name


def test_quoted_loaded_terms_count_overall_but_not_in_the_own_voice(analyse):
    f = analyse(
        'Sergey Lavrov said: "The junta in Kiev is bellicose." Reporters called the statement bellicose. '
        "Officials met in Brussels on Monday."
    )
    quoted = sum(t.quoted for t in f.loaded_terms)
    assert quoted >= 2 and len(f.loaded_terms) > quoted
    row = outlet_profiles([f], n_boot=100).iloc[0]
    assert row["loaded_per_1k"] == pytest.approx(1000 * len(f.loaded_terms) / f.n_words)
    assert row["loaded_own_per_1k"] == pytest.approx(1000 * (len(f.loaded_terms) - quoted) / f.n_words)
    assert row["loaded_per_1k_flag"]  # three sentences are far too few


def test_balance_index_is_the_normalised_entropy_of_quote_sides(profiles, seed_features):
    for outlet, f in seed_features.items():
        pooled = Counter("other" if q.side in ("EU", "media") else q.side for q in f.quotes if q.side != "unknown")
        total = sum(pooled.values())
        shares = [pooled[s] / total for s in BALANCE_SIDES]
        expected = -sum(p * math.log(p) for p in shares if p) / math.log(len(BALANCE_SIDES))
        assert profiles.loc[outlet, "balance_index"] == pytest.approx(expected)
        assert profiles.loc[outlet, "balance_index_n"] == total
        for side, share in zip(BALANCE_SIDES, shares, strict=True):
            assert profiles.loc[outlet, f"quote_share_{side.lower().replace(' ', '_')}"] == pytest.approx(share)


def test_quote_balance_long_frame(features, seed_features):
    balance = quote_balance(features)
    assert list(balance.columns) == ["outlet", "side", "n_quotes", "quoted_words", "share_quotes", "share_words"]
    for outlet, group in balance.groupby("outlet"):
        quotes = seed_features[outlet].quotes
        assert group["n_quotes"].sum() == len(quotes)
        assert group["quoted_words"].sum() == sum(q.n_words for q in quotes)
        assert group["share_quotes"].sum() == pytest.approx(1.0) and group["share_words"].sum() == pytest.approx(1.0)


def test_actor_sentiment_flags_thin_evidence(features, seed_features):
    actors = actor_sentiment(features, n_boot=300)
    assert list(actors.columns) == [
        "outlet", "actor", "group", "mentions", "sentences", "mean_compound", "lo", "hi", "flag"
    ]  # fmt: skip
    for row in actors.itertuples():
        info = seed_features[row.outlet].actor_sentiment[row.actor]
        assert row.mentions == info["mentions"] and row.sentences == info["sentences"]
        assert row.mean_compound == pytest.approx(info["mean_compound"], abs=1e-4)
        assert row.flag == (row.sentences < MIN_MENTIONS)
        assert row.lo <= row.mean_compound <= row.hi
    assert actors["flag"].any() and not actors["flag"].all()


def test_loaded_by_category_adds_up(features, seed_features):
    frame = loaded_by_category(features)
    for outlet, f in seed_features.items():
        part = frame[frame["outlet"] == outlet]
        assert part["count"].sum() == len(f.loaded_terms)
        assert part["count_own"].sum() == sum(not t.quoted for t in f.loaded_terms)
        assert part["per_1k"].sum() == pytest.approx(1000 * len(f.loaded_terms) / f.n_words)


def test_article_scores_one_row_per_article(features):
    frame = article_scores(features, n_boot=200)
    assert len(frame) == len(features) and set(SCORE_NAMES) <= set(frame.columns)
    assert list(frame["id"]) == [f.id for f in features]


def test_similarity_and_map(features, seed_features):
    tfidf, profile = similarity(features)
    for frame in (tfidf, profile):
        assert list(frame.index) == list(frame.columns) == list(seed_features)
        assert np.allclose(frame.to_numpy(), frame.to_numpy().T)
        assert np.allclose(np.diag(frame.to_numpy()), 1.0)
        assert ((frame.to_numpy() >= -1 - 1e-9) & (frame.to_numpy() <= 1 + 1e-9)).all()
    assert (tfidf.to_numpy()[~np.eye(len(features), dtype=bool)] < 0.9).all()  # different articles, not copies
    coords = outlet_map(features)
    assert list(coords.columns) == ["outlet", "x", "y", "method", "explained"]
    assert len(coords) == len(features) and coords[["x", "y"]].abs().sum().sum() > 0
    json.dumps(coords.to_dict("records"))
