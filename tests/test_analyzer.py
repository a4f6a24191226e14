"""One word definition: build_analyzer() and every counter and vectoriser that takes its terms from it."""

from __future__ import annotations

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from framing.claims.similarity import word_analyzer as claim_words
from framing.classroom import pairing
from framing.ingest import boilerplate
from framing.score import fightin_words
from framing.score.similarity import tfidf_vectorizer
from framing.text import Doc, build_analyzer, count_words

TEXT = "The U.S.-backed force of 5,000 troops in Kyiv's so-called buffer zone said on Monday 82nd units would stay."


def test_default_analyzer_keeps_every_word_of_the_tokenizer_in_lower_case():
    assert build_analyzer()("Kremlin's so-called US-backed Plan") == ["kremlin's", "so-called", "us-backed", "plan"]
    assert build_analyzer(lowercase=False)("El País") == ["El", "País"]


def test_word_count_of_an_article_is_the_analyzers_token_count():
    doc = Doc(TEXT)
    assert doc.n_words == count_words(TEXT) == len(build_analyzer()(TEXT)) == 21


def test_numbers_policies():
    text = "About 5,000-strong units of the 82nd brigade arrived in 2022."
    kept = build_analyzer(numbers="keep")(text)
    assert "5" in kept and "2022" in kept
    assert build_analyzer(numbers="drop")(text) == [
        "about", "000-strong", "units", "of", "the", "82nd", "brigade", "arrived", "in",
    ]  # fmt: skip
    assert build_analyzer(numbers="drop_any_digit")(text) == [
        "about", "units", "of", "the", "brigade", "arrived", "in",
    ]  # fmt: skip


def test_stop_words_are_removed_before_ngrams_like_scikit_learn():
    mine = build_analyzer(stop_words="english", ngram_range=(1, 2))
    sk = TfidfVectorizer(stop_words="english", ngram_range=(1, 2), token_pattern=r"(?u)\b\w+(?:[-'’]\w+)*\b")
    text = "Troops of the alliance arrived in the so-called buffer zone"
    assert mine(text) == sk.build_analyzer()(text)
    assert "alliance arrived" in mine(text) and "troops alliance" in mine(text)


def test_keep_inner_drops_only_all_stop_ngrams_and_numbers_break_runs():
    bigrams = build_analyzer(
        stop_words={"in", "the", "of"}, stop_ngrams="keep_inner", ngram_range=(2, 2), numbers="drop"
    )
    assert bigrams("troops in the city of 2,000 people") == ["troops in", "the city", "city of"]
    unigrams = build_analyzer(stop_words={"in", "the"}, stop_ngrams="keep_inner")
    assert unigrams("troops in the city") == ["troops", "city"]


def test_initialisms_possessives_accents_and_stems():
    words = build_analyzer(join_initialisms=True, drop_possessive=True)
    assert words("The U.S. and Russia's envoy") == ["the", "u.s.", "and", "russia", "envoy"]
    assert build_analyzer(fold_accents=True)("El País") == ["el", "pais"]
    assert build_analyzer(stem_words=True)("troops deployed") == ["troop", "deploy"]


def test_bad_options_are_refused_with_the_option_named():
    with pytest.raises(ValueError, match="ngram_range"):
        build_analyzer(ngram_range=(2, 1))
    with pytest.raises(ValueError, match="numbers"):
        build_analyzer(numbers="strip")  # type: ignore[arg-type]


def test_every_counter_and_vectoriser_takes_its_terms_from_the_analyzer(seed_features):
    """The same text gives the same words in each module, up to that module's declared options."""
    assert tfidf_vectorizer().build_analyzer()(TEXT) == build_analyzer(stop_words="english", ngram_range=(1, 2))(TEXT)
    sheet_words = pairing._vectorizer(list(seed_features.values())).build_analyzer()(TEXT)
    assert sheet_words == build_analyzer(stop_words="english", numbers="drop_any_digit")(TEXT)
    assert "82nd" not in sheet_words and "kyiv's" in sheet_words
    assert claim_words(TEXT)[:3] == ["u", "s", "back"]
    unigrams, bigrams = fightin_words.sentence_ngrams(TEXT)
    assert "u.s.-backed" not in unigrams and "u.s." in unigrams and "kyiv" in unigrams
    assert "troops" in unigrams and "5" not in unigrams and "troops kyiv" not in bigrams
    # boilerplate counts the default words minus numbers
    assert len(boilerplate._words(TEXT)) == count_words(TEXT) - 2
