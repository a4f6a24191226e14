"""Sentiment toward each actor, not toward its sentence; and the NewsMTSC benchmark on a file in its format."""

import json

import pytest

from framing.errors import DataError
from framing.evaluation import benchmarks, datasets
from framing.evaluation.target_benchmark import macro_f1
from framing.extract.target_sentiment import default_model, model_from_json, sparse_features

SENTENCE = "Ruiz praised the workers, while Bell was accused of lying."
SENTENCES = [SENTENCE, "Ruiz won praise for a fair deal; Bell was blamed for the strike."]


def _toward(model, text, name, other):
    i, j = text.index(name), text.index(other)
    return model.score(text, i, i + len(name), others=[(j, j + len(other))])


@pytest.mark.parametrize("text", SENTENCES)
def test_two_actors_in_one_sentence_with_opposite_predicates_score_apart(text):
    """The sentence scorer gave both actors the same number; the target model separates them.

    It does not always get the sign right on its own (the negative half of the first sentence
    pulls both scores down): the benchmark, not this test, says how often it is right."""
    model = default_model()
    assert _toward(model, text, "Ruiz", "Bell") - _toward(model, text, "Bell", "Ruiz") > 0.3


def test_word_features_leave_out_every_mention_and_count_distance_from_the_target():
    """The S_ features describe what is said, not who: the target's words and every other mention's words
    are hidden; L/R features count words outward from the target (distance 3 = further)."""
    text = "Union leader Ana Ruiz praised the workers, while Bell blamed the Port Authority."
    i, j, k = text.index("Ana Ruiz"), text.index("Bell"), text.index("Port Authority")
    features = sparse_features(text, i, i + 8, others=[(j, j + 4), (k, k + 14)])
    sentence_words = {f[2:] for f in features if f.startswith("S_")}
    assert {"ana", "ruiz", "bell", "port", "authority"}.isdisjoint(sentence_words)
    assert {"union", "praised", "workers", "blamed"} <= sentence_words
    assert "L0_leader" in features and "L1_union" in features and "R0_praised" in features
    assert "R3_," in features and "R1_the" in features  # distances 3 and beyond share one feature
    assert not any(f.startswith("L") and "bell" in f for f in features)


def test_the_shipped_weights_are_a_readable_table_with_provenance():
    model = default_model()
    assert len(model.coef) > 1000 and set(model.coef) == set(model.idf)
    source = (datasets.Path(__file__).parents[1] / "framing/models/target_sentiment/SOURCE.md").read_text()
    assert "NewsMTSC" in source and "MIT" in source and "train.jsonl" in source


def test_a_broken_weights_file_is_one_clear_error():
    with pytest.raises(DataError) as err:
        model_from_json({"features": {"S_good": [1.0]}}, "weights.json")
    assert err.value.where == "weights.json"


def test_macro_f1_counts_every_class():
    assert macro_f1(["positive", "negative", "neutral"], ["positive", "negative", "neutral"]) == 1.0
    assert macro_f1(["positive", "negative"], ["positive", "positive"]) == pytest.approx((2 / 3) / 3)


def _record(text, targets):
    return {
        "primary_gid": text[:10],
        "sentence_normalized": text,
        "targets": [
            {"from": text.index(m), "to": text.index(m) + len(m), "mention": m, "polarity": p} for m, p in targets
        ],
    }


def test_newsmtsc_benchmark_links_and_scores_written_sentences(tmp_path, lex):
    folder = tmp_path / "newsmtsc"
    folder.mkdir()
    rows = [
        _record(SENTENCE, [("Ruiz", 6.0), ("Bell", 2.0)]),
        _record("Union leader Tom Bell met Ana Ruiz on Monday.", [("Tom Bell", 4.0), ("Ana Ruiz", 4.0)]),
        _record("He said nothing.", [("He", 4.0)]),
    ]
    for split in ("train", "devtest_mt", "devtest_rw"):
        (folder / f"{split}.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = benchmarks.run("newsmtsc", lex, tmp_path)
    linked = [f for f in result.figures if f.task == "devtest_mt: targets linked"][0]
    assert (linked.gold, linked.found) == (5, 4)  # "He" has no antecedent in its sentence
    assert any("majority class (neutral)" in n for n in result.notes)


def test_a_malformed_newsmtsc_line_names_file_and_line(tmp_path):
    (tmp_path / "train.jsonl").write_text('{"sentence_normalized": "x", "targets": []}\n{"oops": 1}\n')
    with pytest.raises(DataError) as err:
        datasets.newsmtsc(tmp_path, "train")
    assert err.value.where.endswith("train.jsonl:2")
