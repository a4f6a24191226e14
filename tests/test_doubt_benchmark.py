"""PTC Doubt rows (framing/evaluation/doubt_benchmark.py), on a tiny corpus in PTC's layout.

The sentences are the project's own; only the layout (``datasets/train-articles/article<ID>.txt``,
one sentence a line, and ``train-task2-TC.labels``) copies PTC's.
"""

from __future__ import annotations

from framing import api
from framing.evaluation import benchmarks, datasets
from framing.evaluation.doubt_benchmark import doubt_figures, doubt_reading, lines

TEXT = (
    "Port strike enters third week\n"
    "\n"
    "The union claimed the port had hidden its profits.\n"
    "Who really believes the owners' figures?\n"
    "Cranes could restart on Monday, officials said.\n"
    "The strike began on 3 March.\n"
)
DOUBT = ["The union claimed the port had hidden its profits", "Who really believes the owners' figures?"]


def _write_ptc(root):
    base = root / "ptc" / "datasets"
    (base / "train-articles").mkdir(parents=True)
    with (base / "train-articles" / "article1.txt").open("w", encoding="utf-8", newline="") as handle:
        handle.write(TEXT)
    rows = [f"1\tDoubt\t{TEXT.index(d)}\t{TEXT.index(d) + len(d)}" for d in DOUBT]
    start = TEXT.index("hidden")
    rows.append(f"1\tLoaded_Language\t{start}\t{start + len('hidden')}")
    (base / "train-task2-TC.labels").write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_lines_are_the_sentences_without_carriage_returns():
    text = "Title\r\n\r\nOne.\r\nTwo?\r\n"
    assert [text[a:b] for a, b in lines(text)] == ["Title", "One.", "Two?"]


def test_doubt_reading_flags_doubting_verbs_and_questions_not_modals(tmp_path, lex):
    _write_ptc(tmp_path)
    (example,) = datasets.ptc(tmp_path / "ptc", datasets.DOUBT_TECHNIQUES)
    (features,) = benchmarks.analyse([example], lex)
    flagged = [example.text[a:b] for a, b in doubt_reading(example, features, with_hedges=False)]
    assert flagged == [d if d.endswith("?") else d + "." for d in DOUBT]  # not the "could" sentence


def test_ptc_benchmark_reports_cue_clause_and_sentence_rows_beside_every_sentence(tmp_path):
    _write_ptc(tmp_path)
    result = benchmarks.run("ptc", api.lexicons(), tmp_path)
    assert result is not None
    rows = {(f.task, f.system): f for f in result.figures}
    reading = rows[("Doubt, sentence as the span", "doubt reading: doubting verb, scare quote or question")]
    assert (reading.predicted, reading.correct, reading.gold, reading.found) == (2, 2, 2, 2)
    every = rows[("sentence has Doubt", "every sentence")]
    assert (every.predicted, every.correct, every.gold) == (5, 2, 2)  # title and four sentences
    cues = rows[("Doubt (hedges)", "framing hedges (hedge, evidential, modal)")]
    assert cues.predicted >= 1 and cues.gold == 2  # "could" is a hedge cue, not Doubt
    assert any("Doubt: 2 spans in 1 of 1 articles" in n for n in result.notes)


def test_doubt_rows_refuse_features_of_other_articles(tmp_path, lex):
    _write_ptc(tmp_path)
    (example,) = datasets.ptc(tmp_path / "ptc", datasets.DOUBT_TECHNIQUES)
    other = datasets.Example("ptc-2", example.text, (), "2")
    (features,) = benchmarks.analyse([other], lex)
    try:
        doubt_figures([example], [features], None)
    except ValueError as exc:
        assert "same articles" in str(exc)
    else:
        raise AssertionError("mismatched articles were scored")
