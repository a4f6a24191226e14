"""The bootstrap: seeded, intervals shrink as the corpus grows, articles resampled when there are enough."""

import math

import numpy as np
import pandas as pd
import pytest

from framing.score import outlet_profiles
from framing.score.bootstrap import (
    excludes_zero,
    percentile_interval,
    resample_sums,
    resample_sums_by_index,
    rng_for,
)
from framing.score.profile import MIN_ARTICLES_TO_RESAMPLE, SCORES, evaluate, group_table, normalised_entropy

BLOCK = (
    "On day {i} the Kiev regime rejected the proposal from Moscow. Officials met in Brussels to talk about round {i}. "
    "The talks lasted {i} hours. Diplomats said meeting {i} was useful. "
    "The so-called security guarantees were discussed for the {i}th time. Ministers will meet again after day {i}. "
    "A spokesman declined to comment on day {i}. The bellicose statement {i} drew criticism. "
    "Reporters waited outside building {i}. The delegation left at {i} in the evening.\n\n"
)


def synthetic(analyse, n_articles: int):
    return [analyse(BLOCK.format(i=i)) for i in range(1, n_articles + 1)]


def width(profiles: pd.DataFrame, score: str) -> float:
    row = profiles.iloc[0]
    return row[f"{score}_hi"] - row[f"{score}_lo"]


def test_resampled_sums_keep_the_number_of_rows():
    values = np.column_stack([np.ones(7), np.arange(7.0)])
    sums = resample_sums(values, 250, rng_for(0, "x"))
    assert sums.shape == (250, 2)
    assert (sums[:, 0] == 7).all()  # every replicate draws 7 sentences
    assert sums[:, 1].min() >= 0 and sums[:, 1].max() <= 42
    assert len(np.unique(sums[:, 1])) > 10  # the draws vary


def test_same_seed_same_draws_other_seed_other_draws():
    values = np.arange(40.0).reshape(20, 2)
    first = resample_sums(values, 300, rng_for(7, "sputnik"))
    assert np.array_equal(first, resample_sums(values, 300, rng_for(7, "sputnik")))
    assert not np.array_equal(first, resample_sums(values, 300, rng_for(8, "sputnik")))
    assert not np.array_equal(first, resample_sums(values, 300, rng_for(7, "nv")))


def test_index_draws_resample_like_multinomial_weights():
    values = np.column_stack([np.ones(30), np.linspace(-1.0, 1.0, 30) ** 3])
    by_index = resample_sums_by_index(values, 4000, rng_for(0, "x/Ana Ruiz"))
    assert by_index.shape == (4000, 2) and (by_index[:, 0] == 30).all()  # 30 rows drawn each time
    assert np.array_equal(by_index, resample_sums_by_index(values, 4000, rng_for(0, "x/Ana Ruiz")))
    weights = resample_sums(values, 4000, rng_for(1, "x"))
    assert not np.array_equal(by_index[:100], weights[:100])  # other draws ...
    assert by_index[:, 1].mean() == pytest.approx(values[:, 1].sum(), abs=0.1)  # ... from the same distribution
    assert by_index[:, 1].std() == pytest.approx(weights[:, 1].std(), rel=0.1)
    assert resample_sums_by_index(values[:0], 10, rng_for(0, "x")).shape == (10, 2)


def test_percentile_interval_and_zero_exclusion():
    lo, hi = percentile_interval(np.arange(1001.0))
    assert (lo, hi) == pytest.approx((25.0, 975.0))
    assert percentile_interval(np.array([np.nan, np.inf])) == (pytest.approx(np.nan, nan_ok=True),) * 2
    assert excludes_zero(0.1, 2.0) and excludes_zero(-2.0, -0.1)
    assert not excludes_zero(-0.1, 2.0) and not excludes_zero(0.0, 1.0) and not excludes_zero(math.nan, 1.0)


def test_normalised_entropy():
    assert normalised_entropy(np.array([[3, 3, 3, 3, 3]]))[0] == pytest.approx(1.0)
    assert normalised_entropy(np.array([[5, 0, 0, 0, 0]]))[0] == pytest.approx(0.0)
    assert normalised_entropy(np.array([[2, 2, 0, 0, 0]]))[0] == pytest.approx(math.log(2) / math.log(5))
    assert math.isnan(normalised_entropy(np.array([[0, 0, 0, 0, 0]]))[0])


def test_profiles_are_reproducible_with_a_seed(seed_features):
    features = list(seed_features.values())
    first = outlet_profiles(features, seed=3, n_boot=300)
    pd.testing.assert_frame_equal(first, outlet_profiles(features, seed=3, n_boot=300))
    other = outlet_profiles(features, seed=4, n_boot=300)
    assert not np.allclose(first["loaded_per_1k_hi"], other["loaded_per_1k_hi"])
    assert np.allclose(first["loaded_per_1k"], other["loaded_per_1k"])  # estimates do not depend on the seed


def test_an_outlets_interval_does_not_depend_on_the_other_outlets(seed_features):
    features = list(seed_features.values())
    alone = outlet_profiles([seed_features["nv"]], n_boot=300).iloc[0]
    among = outlet_profiles(features, n_boot=300).set_index("outlet").loc["nv"]
    assert alone["hedges_per_1k_lo"] == among["hedges_per_1k_lo"]


def test_intervals_shrink_as_a_synthetic_corpus_grows(analyse):
    small, large = synthetic(analyse, 1), synthetic(analyse, 8)
    assert all(len(f.loaded_terms) == 3 and len(f.sentences) == 10 for f in large)
    p_small = outlet_profiles(small, n_boot=1000)
    p_large = outlet_profiles(large, n_boot=1000)
    for score in ("loaded_per_1k", "sentiment"):
        # Eight times the sentences: the interval should be about sqrt(8) ~ 2.8 times narrower.
        assert width(p_large, score) < 0.6 * width(p_small, score)
    assert p_large.loc[0, "loaded_per_1k"] == pytest.approx(p_small.loc[0, "loaded_per_1k"], rel=0.1)
    assert bool(p_small.loc[0, "loaded_per_1k_flag"]) and not bool(p_large.loc[0, "loaded_per_1k_flag"])


PLAIN = (
    "Officials met in Brussels to talk about round {i}. The talks lasted {i} hours. "
    "Diplomats said meeting {i} was useful. Ministers will meet again after day {i}. "
    "Reporters waited outside building {i}. The delegation left at {i} in the evening.\n\n"
)
LOADED = (
    "The Kiev regime rejected proposal {i}. The so-called guarantees were discussed on day {i}. "
    "The bellicose statement {i} drew criticism. The puppet regime answered letter {i}. "
    "The so-called plan {i} was mocked. The Kiev regime met on day {i}.\n\n"
)


def test_with_enough_articles_whole_articles_are_resampled(analyse):
    """Half the articles are loaded in every sentence, half in none: sentences are then not
    independent draws, and only resampling articles shows how much the outlet's rate can vary."""
    group = [analyse((LOADED if i % 2 else PLAIN).format(i=i)) for i in range(MIN_ARTICLES_TO_RESAMPLE)]
    by_article = outlet_profiles(group, n_boot=1000)
    assert by_article.loc[0, "resampled"] == "articles"
    assert outlet_profiles(group[:5], n_boot=100).loc[0, "resampled"] == "sentences"

    by_sentence = evaluate(group_table(group, "sentences"), "test", 0, 1000)
    articles = evaluate(group_table(group, "articles"), "test", 0, 1000)
    assert len(group_table(group, "articles")) == MIN_ARTICLES_TO_RESAMPLE
    for score in SCORES:  # the same sums, so the same estimates
        assert articles.score(score)[0] == pytest.approx(by_sentence.score(score)[0], nan_ok=True)
    lo, hi = percentile_interval(by_sentence.score(SCORES[0])[1])
    assert SCORES[0].name == "loaded_per_1k"
    assert width(by_article, "loaded_per_1k") > 1.5 * (hi - lo)
