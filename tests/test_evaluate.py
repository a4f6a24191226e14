"""Scoring against gold annotations: matching, scores, the gold files themselves, and anchoring."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from framing import api
from framing.errors import DataError
from framing.evaluate import (
    FEATURES,
    QUOTE_SIDES,
    FeatureResult,
    Item,
    anchor,
    anchor_file,
    check_against_text,
    evaluate,
    match,
    read_gold,
    regressions,
    score_items,
    text_sha256,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold"
TEXT = 'The union said the strike would last a week. "We will not back down," said organiser Dana Whitfield.'


def item(start: int, end: int, **attrs: str) -> Item:
    return Item("t", start, end, TEXT[start:end], attrs)


def span(words: str, **attrs: str) -> Item:
    start = TEXT.index(words)
    return item(start, start + len(words), **attrs)


def test_exact_match_ignores_quotation_marks_and_punctuation_at_the_edges():
    gold = [span('"We will not back down,"')]
    predicted = [span("We will not back down")]
    assert match(gold, predicted, "exact") == [(0, 0)]
    shorter = [span("We will not back")]
    assert match(gold, shorter, "exact") == []
    assert match(gold, shorter, "overlap") == [(0, 0)]


def test_overlap_matching_is_one_to_one_largest_overlap_first():
    gold = [span("The union"), span("the strike would last a week")]
    predicted = [span("The union said the strike would last a week")]
    assert match(gold, predicted, "overlap") == [(1, 0)]
    touching = [item(0, 3)]  # "The" shares characters with the first gold span only
    assert match(gold, touching, "overlap") == [(0, 0)]
    assert match([span("The union")], [span("said")], "overlap") == []


def test_scores_speaker_accuracy_misses_and_false_alarms():
    gold = {
        "quotes": [
            span("the strike would last a week", speaker="the union", side="other", speaker_also=""),
            span('"We will not back down,"', speaker="Dana Whitfield", side="other", speaker_also=""),
        ],
        "hedges": [span("would", type="modal")],
    }
    predicted = {
        "quotes": [
            span("the strike would last a week", speaker="Union", side="other"),  # same speaker: case, article
            span('"We will not back down,"', speaker="organiser", side="unknown"),
            span("organiser Dana Whitfield", speaker="", side="unknown"),  # a false alarm
        ],
        "hedges": [],
    }
    results = {f: FeatureResult(f) for f in FEATURES}
    score_items(gold, predicted, results)
    quotes = results["quotes"]
    overlap = quotes.scores["overlap"]
    assert (overlap.tp, overlap.fp, overlap.fn) == (2, 1, 0)
    assert overlap.precision == pytest.approx(2 / 3) and overlap.recall == 1.0
    assert overlap.f1 == pytest.approx(0.8)
    assert quotes.accuracy("speaker") == 0.5 and quotes.accuracy("side") == 0.5
    assert [i.text for i in quotes.false_alarms] == ["organiser Dana Whitfield"]
    wrong = {(w["attribute"], w["gold"], w["predicted"]) for w in quotes.wrong_attributes}
    assert wrong == {("speaker", "Dana Whitfield", "organiser"), ("side", "other", "unknown")}
    hedges = results["hedges"]
    assert hedges.scores["overlap"].recall == 0.0 and [i.text for i in hedges.misses] == ["would"]


def test_other_names_of_the_same_speaker_count_as_correct():
    gold = {"quotes": [span("the strike would last a week", speaker="the union", side="other", speaker_also="GMB")]}
    predicted = {"quotes": [span("the strike would last a week", speaker="GMB", side="other")]}
    results = {f: FeatureResult(f) for f in FEATURES}
    score_items(gold, predicted, results)
    assert results["quotes"].accuracy("speaker") == 1.0


def test_regressions_flag_drops_beyond_the_tolerance_only():
    recorded = {"quotes.overlap.f1": 0.90, "hedges.overlap.f1": 0.88, "actor_mentions.overlap.f1": 0.97}
    now = {"quotes.overlap.f1": 0.86, "hedges.overlap.f1": 0.80}
    found = regressions(now, recorded)
    assert len(found) == 2
    assert found[0].startswith("actor_mentions.overlap.f1") and "no longer measured" in found[0]
    assert found[1].startswith("hedges.overlap.f1")


@pytest.mark.parametrize("folder, corpus", [("seeds", None), ("extra", GOLD / "extra" / "corpus")])
def test_gold_files_fit_the_cleaned_texts(folder, corpus):
    gold = read_gold(GOLD / folder)
    texts = {a.id: a.text for a in api.articles(corpus)}
    assert len(gold) >= 5
    for article in gold:
        check_against_text(article, texts[article.id])  # hash and every span's words
        assert article.items["quotes"], f"{article.path}: no quotes annotated"
        for quote in article.items["quotes"]:
            assert quote.attrs["speaker"] and quote.attrs["side"] in QUOTE_SIDES


def test_a_changed_text_is_reported_naming_the_gold_file(tmp_path):
    shutil.copytree(GOLD / "extra", tmp_path / "extra", ignore=shutil.ignore_patterns("corpus"))
    path = tmp_path / "extra" / "storm.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["text_sha256"] = text_sha256("an older cleaned text")
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        evaluate(tmp_path / "extra", GOLD / "extra" / "corpus", api.lexicons())
    assert caught.value.where == str(path) and "has changed since it was annotated" in caught.value.problem


def test_offsets_that_do_not_hold_their_words_are_refused(tmp_path):
    shutil.copytree(GOLD / "extra", tmp_path / "extra", ignore=shutil.ignore_patterns("corpus"))
    path = tmp_path / "extra" / "court.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["quotes"][0]["start"] += 1
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=r"quotes\[1\]: offsets .* do not hold the text"):
        evaluate(tmp_path / "extra", GOLD / "extra" / "corpus", api.lexicons())


def test_anchors_turn_words_into_offsets_and_refuse_ambiguity():
    text = "Moscow said Moscow would not move. Missions in Moscow stay open."
    assert anchor({"text": "Moscow", "in": "Missions in Moscow"}, text, "w") == [
        {"text": "Moscow", "start": 47, "end": 53}
    ]
    assert anchor({"text": "Moscow", "occurrence": 2}, text, "w")[0]["start"] == 12
    every = anchor({"text": "Moscow", "all": True, "except": ["in Moscow"], "actor": "Russia"}, text, "w")
    assert [(r["start"], r["actor"]) for r in every] == [(0, "Russia"), (12, "Russia")]
    with pytest.raises(DataError, match="occurs 3 times"):
        anchor({"text": "Moscow"}, text, "w")
    with pytest.raises(DataError, match="does not occur"):
        anchor({"text": "Kyiv"}, text, "w")


def test_anchor_file_writes_offsets_and_the_text_hash(tmp_path):
    article = next(a for a in api.articles(GOLD / "extra" / "corpus") if a.id == "storm")
    path = tmp_path / "storm.json"
    path.write_text(json.dumps({"id": "storm", "hedges": [{"text": "may", "type": "modal"}]}), encoding="utf-8")
    assert anchor_file(path, [article]) == 1
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["text_sha256"] == text_sha256(article.text)
    hedge = data["hedges"][0]
    assert article.text[hedge["start"] : hedge["end"]] == "may"
