"""Fightin' Words (Monroe, Colaresi and Quinn 2008): a hand-computed example, symmetry, tokens, the seeds."""

import math

import pytest

from framing.score.fightin_words import distinctive_terms, log_odds_z, score_terms, sentence_ngrams


def test_log_odds_matches_a_hand_computed_example():
    # A: coup 3, talks 1 (n_a = 4); B: talks 2 (n_b = 2); background coup 3, talks 3, alpha0 = 6,
    # so alpha_coup = alpha_talks = 6 * 3/6 = 3.
    # coup:  delta = log((3+3)/(4+6-3-3)) - log((0+3)/(2+6-0-3)) = log(6/4) - log(3/5) = log(2.5)
    #        var   = 1/(3+3) + 1/(0+3) = 0.5
    # talks: delta = log((1+3)/(4+6-1-3)) - log((2+3)/(2+6-2-3)) = log(4/6) - log(5/3) = log(0.4)
    #        var   = 1/(1+3) + 1/(2+3) = 0.45
    scored = log_odds_z({"coup": 3, "talks": 1}, {"talks": 2}, {"coup": 3, "talks": 3}, alpha0=6).set_index("term")
    assert scored.loc["coup", "alpha"] == pytest.approx(3.0)
    assert scored.loc["coup", "delta"] == pytest.approx(math.log(2.5))
    assert scored.loc["coup", "var"] == pytest.approx(0.5)
    assert scored.loc["coup", "z"] == pytest.approx(math.log(2.5) / math.sqrt(0.5))  # +1.2958
    assert scored.loc["talks", "delta"] == pytest.approx(math.log(0.4))
    assert scored.loc["talks", "z"] == pytest.approx(math.log(0.4) / math.sqrt(0.45))  # -1.3659
    assert scored.loc["coup", "count_b"] == 0 and scored.loc["talks", "count_a"] == 1


def test_totals_treat_the_rest_of_the_words_as_one_category():
    # One phrase among 100 words in A and 200 in B; corpus 300 words with the phrase twice, alpha0 = 30:
    # alpha = 30 * 2/300 = 0.2; delta = log(1.2/(100+30-1.2)) - log(1.2/(200+30-1.2)); var = 2/1.2
    scored = log_odds_z({"kiev": 1}, {"kiev": 1}, {"kiev": 2}, alpha0=30, totals=(100, 200, 300))
    delta = math.log(1.2 / 128.8) - math.log(1.2 / 228.8)
    assert scored.loc[0, "z"] == pytest.approx(delta / math.sqrt(2 / 1.2))


def test_swapping_a_and_b_flips_the_sign():
    a, b, background = (
        {"coup": 3, "talks": 1, "kiev": 2},
        {"talks": 2, "kyiv": 4},
        {"coup": 5, "talks": 9, "kiev": 3, "kyiv": 6},
    )
    forward = log_odds_z(a, b, background, alpha0=10).set_index("term")
    backward = log_odds_z(b, a, background, alpha0=10).set_index("term")
    assert list(forward.index) == list(backward.index)
    assert forward["z"].to_numpy() == pytest.approx(-backward["z"].to_numpy())
    assert (forward["z"] != 0).all()


def test_sign_flips_on_the_seed_corpus(seed_features):
    features = list(seed_features.values())
    forward = score_terms(features, ["sputnik"], ["nv"]).set_index(["term", "ngram"])
    backward = score_terms(features, ["nv"], ["sputnik"]).set_index(["term", "ngram"])
    joined = forward[["z"]].join(backward[["z"]], suffixes=("", "_swapped"))
    assert len(joined) == len(forward) == len(backward) > 500
    assert joined["z"].to_numpy() == pytest.approx(-joined["z_swapped"].to_numpy())


def test_background_must_cover_every_term():
    with pytest.raises(ValueError, match="kyiv"):
        log_odds_z({"kiev": 1}, {"kyiv": 1}, {"kiev": 1})


def test_ngrams_drop_stop_words_but_keep_framing_tokens():
    unigrams, bigrams = sentence_ngrams(
        "On Monday the U.S. said the so-called “security guarantees” of Kiev's regime in 2022 were new."
    )
    assert "so-called" in unigrams and "kiev" in unigrams and "u.s." in unigrams  # possessive dropped, initialism kept
    assert not {"the", "of", "on", "monday", "2022"} & set(unigrams)  # stop words, calendar words, numbers
    assert "so-called security" in bigrams and "of kiev" in bigrams  # a bigram needs one non-stop word
    assert "said the" in bigrams and "the so-called" in bigrams
    assert "in 2022" not in bigrams and "2022 were" not in bigrams  # numbers break bigrams
    assert not any(b in {"on the", "of the"} for b in bigrams)


def test_threshold_and_top_are_applied(seed_features):
    features = list(seed_features.values())
    terms = distinctive_terms(features, ["sputnik"], ["nv"], min_z=1.0, top=5)
    assert (terms["z"].abs() >= 1.0).all()
    assert (terms["side"] == "a").sum() <= 5 and (terms["side"] == "b").sum() <= 5
    assert ((terms["z"] > 0) == (terms["side"] == "a")).all()
    assert set(terms["ngram"]) <= {1, 2}
    strict = distinctive_terms(features, ["sputnik"], ["nv"], min_z=1.96)
    assert (strict["z"].abs() >= 1.96).all()


def test_seed_vocabulary_lands_on_opposite_sides(seed_features):
    scored = score_terms(list(seed_features.values()), ["sputnik"], ["nv"]).set_index("term")
    for term in ("kiev", "coup", "us-backed"):
        assert scored.loc[term, "z"] > 0 and scored.loc[term, "count_a"] >= 1 and scored.loc[term, "count_b"] == 0
    for term in ("occupied", "so-called", "temporarily occupied"):
        assert scored.loc[term, "z"] < 0 and scored.loc[term, "count_b"] >= 1 and scored.loc[term, "count_a"] == 0
