"""Exercise items: every keyed answer sits at its place in the excerpt the student reads."""

import pytest

from framing.classroom.excerpts import sentence_excerpts
from framing.classroom.exercises import (
    HEDGED,
    HIGH_SALIENCE,
    KINDS,
    LOADED,
    PLAIN,
    SOURCE_TYPES,
    build_exercise,
    classify_sentence,
)
from framing.classroom.pairing import MIN_SIMILARITY, ClaimAlignment, pairs_from_alignments
from framing.errors import DataError, UsageError


@pytest.fixture(scope="module")
def corpus(seed_features):
    return list(seed_features.values())


@pytest.mark.parametrize("level", ["basic", "advanced"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_answer_is_found_at_its_place(corpus, seed_features, kind, level):
    by_id = {f.id: f for f in corpus}
    exercise = build_exercise(kind, corpus, level, seed=7)
    assert exercise.items
    n_answers = 0
    for item in exercise.items:
        for panel in item.panels:
            excerpt = panel.excerpt
            assert excerpt.text == by_id[excerpt.source.article_id].text[excerpt.start : excerpt.end]
            for answer in panel.answers:
                assert answer.text, answer
                assert excerpt.text[answer.start : answer.end] == answer.text
                n_answers += 1
    if kind != "classify":  # a plain statement has nothing to mark
        assert n_answers > 0


def test_basic_spot_asks_only_for_high_salience_terms(corpus):
    basic = build_exercise("spot", corpus, "basic", seed=1)
    required = [a for i in basic.items for p in i.panels for a in p.answers if a.required]
    assert required and all(a.label in HIGH_SALIENCE for a in required)
    advanced = build_exercise("spot", corpus, "advanced", seed=1)
    labels = {a.label for i in advanced.items for p in i.panels for a in p.answers if a.required}
    assert labels - HIGH_SALIENCE  # advanced asks for intensifiers, subjective words and the rest too
    assert len(advanced.items) > len(basic.items)


def test_count_and_seed(corpus):
    first = build_exercise("classify", corpus, "advanced", count=4, seed=11)
    again = build_exercise("classify", corpus, "advanced", count=4, seed=11)
    assert len(first.items) == 4
    assert [i.panels[0].excerpt for i in first.items] == [i.panels[0].excerpt for i in again.items]
    others = {
        tuple(
            (i.panels[0].excerpt.source.article_id, i.panels[0].excerpt.start)
            for i in build_exercise("classify", corpus, "advanced", count=4, seed=seed).items
        )
        for seed in range(1, 6)
    }
    assert len(others) > 1


def test_pairs_come_from_two_outlets_on_a_shared_subtopic(corpus):
    exercise = build_exercise("pair", corpus, "advanced", seed=2)
    for item in exercise.items:
        left, right = (p.excerpt for p in item.panels)
        assert left.source.outlet != right.source.outlet
        shared = item.key_points[0].split("stress: ")[1].split(", ")
        assert shared and all(w.lower() in left.text.lower() and w.lower() in right.text.lower() for w in shared)
        similarity = float(item.key_points[0].split("similarity ")[1].split(")")[0])
        assert similarity >= MIN_SIMILARITY


def test_claim_alignment_hook_widens_aligned_spans(seed_features, corpus):
    sputnik, nv = seed_features["sputnik"], seed_features["nv"]
    a = sputnik.text.index("a 5,000-strong response force")
    b = nv.text.index("A 5,000-strong NATO rapid response force")
    alignment = ClaimAlignment(sputnik.id, a, a + 30, nv.id, b, b + 40, score=0.9)
    (pair,) = pairs_from_alignments(corpus, [alignment], count=3)
    assert pair.method == "claim alignment"
    assert pair.left.start <= a < pair.left.end and pair.right.start <= b < pair.right.end
    exercise = build_exercise("pair", corpus, "basic", alignments=[alignment])
    assert len(exercise.items) == 1 and "claim alignment" in exercise.items[0].key_points[0]


def test_sources_tally_matches_the_quotes(corpus):
    # The tally is by type of source (official, organisation, expert, ...), not by the seed story's sides (issue 17).
    for item in build_exercise("sources", corpus, "advanced", seed=3).items:
        quotes = item.panels[0].answers
        assert len(quotes) >= 3 and len({q.label for q in quotes}) >= 2
        assert {q.label for q in quotes} <= set(SOURCE_TYPES)
        assert sum(item.tally.values()) == len(quotes)
        for kind, n in item.tally.items():
            assert n == sum(1 for q in quotes if q.label == kind)


def test_rewrite_offers_the_lexicon_alternative(corpus):
    for item in build_exercise("rewrite", corpus, "basic", seed=1).items:
        panel = item.panels[0]
        assert panel.marked
        required = [a for a in panel.answers if a.required]
        assert required and all(a.alternative for a in required)


def test_classify_labels_written_sentences(analyse):
    features = analyse(
        "The minister reportedly said that the talks in Geneva had failed completely.\n\n"
        "The Kiev regime rejected the offer from Moscow on Monday.\n\n"
        "The meeting took place on Monday in Geneva and lasted four hours."
    )
    labels = [classify_sentence(features, e)[0] for e in sentence_excerpts(features, min_words=1)]
    assert labels == [{HEDGED}, {LOADED}, {PLAIN}]


def test_too_small_corpora_say_what_is_missing(analyse, seed_features):
    plain = analyse(
        "The meeting took place on Monday in Geneva and lasted four hours. "
        "Both delegations arrived by train in the morning. The next meeting is planned for March."
    )
    with pytest.raises(DataError, match="at least two outlets"):
        build_exercise("pair", [seed_features["sputnik"]], where="sputnik.txt")
    with pytest.raises(DataError, match="needs loaded terms, and the lexicon found none"):
        build_exercise("spot", [plain])
    with pytest.raises(DataError, match="rewrite exercise needs loaded terms"):
        build_exercise("rewrite", [plain])
    with pytest.raises(DataError, match="needs quoted or cited sources"):
        build_exercise("sources", [plain])
    with pytest.raises(DataError, match="at least two kinds"):
        build_exercise("classify", [plain])
    with pytest.raises(DataError, match="categories"):  # loaded terms exist, but none a beginner is asked for
        build_exercise("spot", [seed_features["aggregator"]], "basic")
    with pytest.raises(UsageError, match="unknown exercise kind"):
        build_exercise("quiz", [plain])
