"""External benchmark adapters, on small files written here in each dataset's own format.

The real datasets live in ../shared/datasets and are never copied into the project; these
files are the project's own sentences, laid out as BABE, PTC and SFU lay theirs out.
"""

from __future__ import annotations

import json

from helpers import framing

from framing import api
from framing.evaluation import benchmarks, datasets

BABE_ROWS = [
    (
        "The senator's reckless scheme would gut the program, critics said.",
        "https://example.org/a",
        "Biased",
        "['reckless', 'gut']",
    ),
    (
        "The council approved the budget on Tuesday by a vote of seven to two.",
        "https://example.org/b",
        "Non-biased",
        "[]",
    ),
    (
        "Officials called the so-called reform a disaster for workers.",
        "https://example.org/a",
        "Biased",
        "['disaster']",
    ),
]


def _write_babe(folder):
    folder.mkdir(parents=True)
    lines = ["text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words"]
    for text, link, label, words in BABE_ROWS:
        lines.append(f'"{text}";{link};Outlet;topic;left;{label};Entirely factual;{words}')
    (folder / "final_labels_SG2.csv").write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")


def _write_sfu(folder):
    (folder / "BOOKS").mkdir(parents=True)
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><DOCUMENT><P><SENTENCE><W>It</W><cue ID="1" type="speculation">'
        '<W>might</W></cue><W>rain</W><W>.</W></SENTENCE><SENTENCE><W>There</W><cue ID="2" type="negation">'
        "<W>no</W></cue><W>doubt</W><W>.</W></SENTENCE></P></DOCUMENT>"
    )
    (folder / "BOOKS" / "no1.xml").write_text(xml, encoding="utf-8")


def test_babe_gold_words_are_located_and_grouped_by_article(tmp_path):
    _write_babe(tmp_path / "babe")
    examples = datasets.babe(tmp_path / "babe")
    assert [e.label for e in examples] == ["Biased", "Non-biased", "Biased"]
    first = examples[0]
    assert [first.text[a:b] for a, b in first.gold] == ["reckless", "gut"]
    assert examples[0].group == examples[2].group != examples[1].group


def test_sfu_speculation_cues_only_with_offsets_into_the_joined_text(tmp_path):
    _write_sfu(tmp_path / "sfu_speculation")
    (example,) = datasets.sfu(tmp_path / "sfu_speculation")
    assert example.text == "It might rain . There no doubt ."
    assert [example.text[a:b] for a, b in example.gold] == ["might"]


def test_overlap_counts_from_both_sides():
    gold = [[(0, 5), (10, 15)], []]
    predicted = [[(0, 12)], [(3, 4)]]  # one prediction covers both gold spans; one false alarm
    assert benchmarks.overlap_counts(gold, predicted) == (2, 1, 2, 2)
    f = benchmarks.figure("t", "s", gold, predicted)
    assert (f.precision, f.recall) == (0.5, 1.0)


def test_word_list_baseline_matches_phrases_and_stems():
    words = benchmarks.WordList([("disaster", True), ("so-called", False), ("at least", False)])
    text = "A so-called plan, at least for now, and two disasters."
    assert [text[a:b] for a, b in words.find(text)] == ["so-called", "at least", "disasters"]


def test_babe_benchmark_runs_framing_and_the_baseline(tmp_path):
    _write_babe(tmp_path / "babe")
    result = benchmarks.run("babe", api.lexicons(), tmp_path)
    assert result is not None
    by_system = {(f.task, f.system): f for f in result.figures}
    words = by_system[("biased words", "framing lexicons")]
    assert words.gold == 3
    assert words.found >= 1  # "so-called" is in the lexicon, "disaster" is not
    sentences = by_system[("sentence is Biased", "everything Biased")]
    assert (sentences.predicted, sentences.correct, sentences.gold) == (3, 2, 2)


def test_cli_skips_a_missing_dataset_in_one_line_and_writes_results(tmp_path):
    _write_babe(tmp_path / "data" / "babe")
    out = tmp_path / "results"
    result = framing(
        "evaluate", "--benchmark", "all", "--data", str(tmp_path / "data"), "--results", str(out), "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    assert "skipped benchmark ptc" in result.stderr and "skipped benchmark sfu" in result.stderr
    assert "Traceback" not in result.stderr
    (record,) = json.loads(result.stdout)
    assert record["benchmark"] == "babe" and record["figures"][0]["gold"] == 3
    assert [p.name.endswith("-babe.json") for p in out.iterdir()] == [True]
