"""framing.extract.vader_fast scores exactly as vaderSentiment does: same dict, same bits, same per-word scores.

The comparisons are against the installed library's own SentimentIntensityAnalyzer, on the seed
and gold texts and on inputs written to reach each of VADER's rules and quirks; the full check on
the public datasets is benchmarks/vader_identity.py, whose comparison helpers these tests use.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES, SentimentIntensityAnalyzer

from framing.extract import sentiment, vader_fast
from framing.extract.vader_fast import FastSentimentIntensityAnalyzer

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

EDGE_CASES = [
    *("", " ", "\n\t ", "!", "!!!", "?", "??", "????", "?!?!", "...", "-- --", "'s", "a", "I", "OK"),
    # emoticons, emojis (replaced by their descriptions, glued or spaced), text that is only emoji
    *(":)", ":-D :( :P", "Make sure you :) or :D today!", "I \U0001f498 it", "a\U0001f498b", "\U0001f601\U0001f601"),
    *("\u2764 love", "\u00a9 2024 good", "Catch utf-8 emoji such as \U0001f498 and \U0001f48b and \U0001f601"),
    # ALL CAPS emphasis: only when some but not all words are capitals
    *("GOOD", "GREAT NEWS", "The news is GREAT", "VERY good", "very GOOD day", "VERY SMART, uber handsome"),
    *("FRIGGIN FUNNY!!!", "Today SUX!", "US police said NO"),
    # negation one, two and three words back; "n't"; "no" before a lexicon word and as a word of its own
    *("not good", "isn't good", "It isn't really good", "not at all a good plan", "never good", "none good"),
    *("no good", "No problem", "no", "no no no", "no or bad", "no, nor good", "there is no doubt it is bad"),
    *("Not bad at all", "cannot be happy", "without joy", "nothing good happened here", "uh-uh good"),
    # "never so", "never this", "without doubt"
    *("never so good", "has never been this good", "never so very good", "without doubt good"),
    *("Without a doubt, excellent idea.", "without any doubt a good idea", "it was never, so, good"),
    # boosters and dampeners, ALL CAPS boosters, "kind of", "sort of", "just enough"
    *("extremely good", "barely good", "EXTREMELY good", "kind of good", "Kind Of bad", "kind", "kind of"),
    *("sort of nice", "just enough fun", "The book was only kind of good.", "kinda good", "of kind good"),
    # idioms and special cases
    *("the shit", "With VADER, sentiment analysis is the shit!", "the bomb", "bad ass", "VADER is such a badass!"),
    *("kiss of death", "a kiss of death for him", "to die for", "cake to die for", "yeah right", "bus stop"),
    *("beating heart", "in the red", "cut the mustard", "on the other hand, VADER is quite bad ass"),
    # "least"
    *("least good", "at least good", "very least good", "the least good plan", "At least it isn't a horrible book."),
    # contrastive "but", including equal scores before and after it (the library's index() quirk)
    *("good but bad", "good, but bad but good", "good good but good good", "bad good but good bad"),
    *("great, fine but fine", "but", "but good", "good but", "BUT good", "Good. But bad.", "nice but nice but"),
    # punctuation emphasis
    *("good!", "good!!!!!!", "bad?!", "good??", "good???", "good????", "bad!!!???"),
    # unicode: other scripts, full-width, title case, non-breaking and other spaces, combining marks
    *("Stra\u00dfe GREAT", "\u0130STANBUL is great", "\uff27\uff2f\uff2f\uff24", "\u01c5 good", "good\u00a0bad"),
    *("good\u2028bad", "good\u200bbad", "cafe\u0301 good", "\u05d8\u05d5\u05d1 good", "\u201cgood\u201d"),
    *("\u2018bad\u2019 news", "naive \u2014 good", "\ud800 good"),  # the last: a lone surrogate
    " ".join(["good", "bad", "not", "very", "but", "no", "kind", "of", "least"] * 120),
]


# Every word VADER's rules name (negations, boosters, idiom words, "but", "least", ...), some
# lexicon words in three casings, and marks that stick to words or stand alone.
RULE_VOCABULARY = sorted(
    {w for phrase in (*NEGATE, *BOOSTER_DICT, *SPECIAL_CASES) for w in phrase.split()}
    | {"but", "least", "at", "very", "so", "this", "doubt", "no", "or", "nor", "of", "kind"}
    | {c(w) for w in ("good", "bad", "love", "hate", "war", "fun") for c in (str.lower, str.upper, str.title)}
    | {":)", ":(", "<3", "\U0001f601", "!", "?", "..."}
)
MARKS = ("", "", "", ",", ".", "!", "?", "!!", "'", '"', "(", ")")
WORD = st.tuples(st.sampled_from(MARKS), st.sampled_from(RULE_VOCABULARY), st.sampled_from(MARKS))


_FAST = FastSentimentIntensityAnalyzer()  # one analyzer for every generated example: its word cache fills


@pytest.fixture(scope="module")
def identity(request):
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import vader_identity

    request.addfinalizer(monkeypatch.undo)
    return vader_identity


@pytest.fixture(scope="module")
def library() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _assert_same(identity, library, fast, text: str) -> None:
    expected, got = library.polarity_scores(text), fast.polarity_scores(text)
    assert identity.identical(expected, got), (text, expected, got)
    words = identity.bits(identity.library_word_scores(library, text))
    assert words == identity.bits(fast.word_scores(text)[0]), text


def test_analyzer_is_the_fast_one_under_the_release_it_mirrors_and_the_library_otherwise(monkeypatch):
    sentiment.analyzer.cache_clear()
    try:
        assert type(sentiment.analyzer()) is FastSentimentIntensityAnalyzer  # the installed release is 3.3.2
        sentiment.analyzer.cache_clear()
        monkeypatch.setattr(sentiment, "version", lambda name: "3.4.0")
        assert type(sentiment.analyzer()) is SentimentIntensityAnalyzer
    finally:
        sentiment.analyzer.cache_clear()


def test_every_seed_and_gold_text_and_sentence_scores_as_the_library(identity, library):
    fast = FastSentimentIntensityAnalyzer()
    compared = 0
    for _, texts in identity.project_texts():
        for text in texts:
            _assert_same(identity, library, fast, text)
            compared += 1
    assert compared > 200


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_score_as_the_library(identity, library, text):
    _assert_same(identity, library, FastSentimentIntensityAnalyzer(), text)


def test_the_benchmarks_random_sequences_of_rule_words_score_as_the_library(identity, library):
    fast = FastSentimentIntensityAnalyzer()
    for text in identity.rule_sequences(5000, random.Random(7)):
        _assert_same(identity, library, fast, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(WORD, max_size=9))
def test_any_sequence_of_the_words_the_rules_read_scores_as_the_library(identity, library, words):
    text = " ".join(before + word + after for before, word, after in words)
    _assert_same(identity, library, _FAST, text)


def test_word_cache_emptied_when_full_changes_no_score(identity, library, monkeypatch):
    monkeypatch.setattr(vader_fast, "_CACHE_LIMIT", 3)
    fast = FastSentimentIntensityAnalyzer()
    for text in ["The strike was a disaster, but talks went well.", "Not a good day for the union.", *EDGE_CASES]:
        _assert_same(identity, library, fast, text)
    assert len(fast._tokens) <= 3


def test_an_edited_lexicon_is_read_as_the_library_reads_it(identity):
    library, fast = SentimentIntensityAnalyzer(), FastSentimentIntensityAnalyzer()
    text = "The walkout was glorptastic, but the deal was not good."
    _assert_same(identity, library, fast, text)  # fills the word cache before the edit
    for analyzer in (library, fast):
        analyzer.lexicon["glorptastic"] = 2.5
        del analyzer.lexicon["good"]
    _assert_same(identity, library, fast, text)
    assert fast.polarity_scores(text) != FastSentimentIntensityAnalyzer().polarity_scores(text)


@pytest.mark.parametrize("value", [b"good news", None, 3])
def test_anything_but_a_string_is_the_librarys_business(library, value):
    fast = FastSentimentIntensityAnalyzer()
    try:
        expected: object = library.polarity_scores(value)
    except Exception as exc:  # the library fails on these; the fast analyzer must fail alike
        with pytest.raises(type(exc)):
            fast.polarity_scores(value)
    else:
        assert fast.polarity_scores(value) == expected
