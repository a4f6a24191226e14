"""The learned detector's rows of the BABE and PTC benchmarks.

On BABE the model is scored only on sentences it did not learn from: the same grouped
cross-validation ``framing train`` runs (folds by ``news_link``), so the rows are what a
model trained on the other articles does on these. On PTC the *shipped* model is used as
it is, at two thresholds fixed before PTC was looked at: the best-F1 threshold of BABE's
cross-validation (stored in the model file) and the default ``--min-confidence``. The weights
never saw PTC, but two rules applied after the model (a word's later uses in an article count
less; see :func:`framing.model.detector.damp_repeats`) were chosen on a development half of
PTC's articles, so the combined rows are repeated for the other half (the test half) alone. A last
row picks the threshold itself on the development half and measures it on the test half.
"""

from __future__ import annotations

from pathlib import Path

from framing.evaluation.benchmarks import Figure, analyse, figure, macro_f1
from framing.evaluation.datasets import Example, ptc_halves
from framing.extract.learned import DEFAULT_MIN_CONFIDENCE, at_confidence
from framing.lexicon.bundle import Lexicons
from framing.model import train
from framing.model.detector import shipped
from framing.text import Doc


def model_on_babe(
    examples: list[Example], lex: Lexicons, lexicons_folder: Path | None
) -> tuple[list[Figure], list[str]]:
    settings = train.Settings()
    if len({e.group for e in examples}) < settings.folds:
        return [], [f"Model rows skipped: grouped cross-validation needs at least {settings.folds} articles."]
    priors = train.read_priors(lexicons_folder / train.MPQA_FILE) if lexicons_folder else train.Priors()
    enc = train.encode(examples, lex, priors)
    cv = train.cross_validate(enc, settings, None, say=lambda _line: None)
    gold = [list(e.gold) for e in examples]
    figures = [
        figure(
            "biased words",
            f"model, grouped CV, threshold {cv.threshold}",
            gold,
            train.predicted_spans(enc, cv.token_probs, cv.threshold),
        ),
        figure(
            "biased words",
            f"model, grouped CV, threshold {DEFAULT_MIN_CONFIDENCE}",
            gold,
            train.predicted_spans(enc, cv.token_probs, DEFAULT_MIN_CONFIDENCE),
        ),
    ]
    label = [[(0, 1)] if e.label == "Biased" else [] for e in examples]
    flagged = [[(0, 1)] if p >= 0.5 else [] for p in cv.sentence_probs]
    figures.append(figure("sentence is Biased", "model, grouped CV: P(loaded) >= 0.5", label, flagged))
    notes = [
        f"Model sentence macro-F1 (grouped CV): {macro_f1(label, flagged):.3f} (published BERT on BABE: 0.80).",
        f"Model word threshold {cv.threshold} is the best-F1 one on these folds (slightly optimistic); "
        f"{DEFAULT_MIN_CONFIDENCE} is the default --min-confidence.",
    ]
    if lexicons_folder is None:
        notes.append("MPQA prior features left out: the lexicons dataset folder is absent.")
    return figures, notes


def model_on_ptc(examples: list[Example], lex: Lexicons) -> list[Figure]:
    detector = shipped()
    gold = [list(e.gold) for e in examples]
    rows = []
    for e in examples:
        doc = Doc(e.text)
        rows.append((doc, detector.rows(doc, lex)))
    figures = []
    for threshold in (detector.threshold, DEFAULT_MIN_CONFIDENCE):
        predicted = [[(f.start, f.end) for f in detector.find(doc, lex, threshold, r)] for doc, r in rows]
        figures.append(figure("Loaded_Language + Name_Calling", f"model alone, threshold {threshold}", gold, predicted))
    for threshold in (detector.threshold, DEFAULT_MIN_CONFIDENCE):
        combined = analyse(examples, lex, threshold)
        predicted = [[(t.start, t.end) for t in f.loaded_terms] for f in combined]
        figures.append(
            figure("Loaded_Language + Name_Calling", f"lexicons + model, threshold {threshold}", gold, predicted)
        )
        test = {e.id for e in ptc_halves(examples)[1]}
        half = [i for i, e in enumerate(examples) if e.id in test]
        figures.append(
            figure(
                "Loaded_Language + Name_Calling",
                f"lexicons + model, threshold {threshold}, test half",
                [gold[i] for i in half],
                [predicted[i] for i in half],
            )
        )
    figures.append(held_out_threshold(examples, lex))
    return figures


THRESHOLD_GRID = tuple(round(0.15 + 0.025 * i, 3) for i in range(19))  # 0.15 ... 0.6


def held_out_threshold(examples: list[Example], lex: Lexicons) -> Figure:
    """Lexicons + model on PTC's test half at the threshold with the best F1 on the development half.

    The threshold is picked on the development half from one low-threshold analysis with the
    weaker finds dropped (:func:`~framing.extract.learned.at_confidence`, a close stand-in for
    analysing at each threshold), then the test half is analysed at it: a figure for "what a user
    who tunes the threshold on some of their own annotated articles gets on the rest".
    """
    dev, test = ptc_halves(examples)
    dev_gold = [list(e.gold) for e in dev]
    low = analyse(dev, lex, THRESHOLD_GRID[0])

    def dev_f1(threshold: float) -> float:
        kept = at_confidence(low, threshold)
        return figure("dev", "", dev_gold, [[(t.start, t.end) for t in f.loaded_terms] for f in kept]).f1

    best = max(THRESHOLD_GRID, key=lambda t: (dev_f1(t), -t))
    predicted = [[(t.start, t.end) for t in f.loaded_terms] for f in analyse(test, lex, best)]
    return figure(
        "Loaded_Language + Name_Calling",
        f"lexicons + model, threshold {best} (best F1 on the dev half), test half",
        [list(e.gold) for e in test],
        predicted,
    )
