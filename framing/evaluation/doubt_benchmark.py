"""PTC's ``Doubt`` spans as a benchmark for the epistemic marks (PTC is for evaluation only).

PTC's annotators mark *Doubt* where a text questions someone's credibility ("the so-called
experts", "if his story is to be believed", "What had a quarter century of free trade
produced?"): a propaganda technique, usually a whole clause or sentence (median 97
characters), much rarer than a hedge cue. Most hedges in news are not Doubt ("could rise by
2%"), so cue-level precision is low by construction. Two questions are measured instead:

* **cue rows** -- how many Doubt passages carry a mark the tool reports (recall), for the hedge
  cues alone (hedge, evidential, modal) and for the hedge cues plus doubting attribution verbs
  ("claimed", "alleged") and scare quotes;
* **clause rows** -- a *doubt reading* of whole sentences, which is what Doubt spans are: a
  sentence is predicted Doubt when it holds a doubting attribution verb, a scare quote or a
  question mark (and, in a second row, also a hedge-type cue: "allegedly", "supposedly",
  "apparently"; never a bare modal or an evidential, which are the ordinary texture of news).
  These cues were fixed from the issue's description of Doubt before the figures were seen,
  and not changed after.

The baseline is "every sentence": its precision is the share of sentences that touch a Doubt
span. Sentence rows count sentences (PTC has one sentence a line), so predicted = flagged
sentences, gold = sentences a Doubt span touches.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from framing.evaluation import datasets
from framing.evaluation.benchmarks import HEDGE_TYPES, Figure, Spans, WordList, figure
from framing.evaluation.datasets import Example
from framing.extract.features import ArticleFeatures
from framing.spans import Hedge

TASK = "Doubt (hedges)"
CLAUSE_TASK = "Doubt, sentence as the span"
SENTENCE_TASK = "sentence has Doubt"


def _doubting(h: Hedge) -> bool:
    return h.type == "scare_quote" or (h.type == "attribution" and h.stance == "doubting")


def _marks(features: Sequence[ArticleFeatures], every_mark: bool) -> list[Spans]:
    return [
        [(h.start, h.end) for h in f.hedges if h.type in HEDGE_TYPES or (every_mark and _doubting(h))]
        for f in features
    ]


def lines(text: str) -> list[tuple[int, int]]:
    """PTC articles hold one sentence per line: (start, end) of each non-empty line, ``\\r`` left out."""
    spans, start = [], 0
    for line in text.split("\n"):
        body = line.rstrip("\r")
        if body.strip():
            spans.append((start, start + len(body)))
        start += len(line) + 1
    return spans


def doubt_reading(example: Example, features: ArticleFeatures, with_hedges: bool) -> Spans:
    """The sentences read as Doubt: a doubting attribution verb, a scare quote or a question (see module)."""
    marks = [(h.start, h.end) for h in features.hedges if _doubting(h) or (with_hedges and h.type == "hedge")]
    return [
        (a, b) for a, b in lines(example.text) if "?" in example.text[a:b] or any(s < b and a < t for s, t in marks)
    ]


def _sentences(examples: Sequence[Example], spans: Sequence[Spans]) -> list[Spans]:
    """Each sentence that a span touches, as a one-character span of its own (so counts are sentences)."""
    return [
        [(a, a + 1) for a, b in lines(e.text) if any(s < b and a < t for s, t in found)]
        for e, found in zip(examples, spans, strict=True)
    ]


def doubt_figures(
    examples: Sequence[Example], features: Sequence[ArticleFeatures], lexicons_folder: Path | None
) -> tuple[list[Figure], list[str]]:
    """Cue, clause and sentence rows for PTC Doubt; `features` are the same articles analysed, in order."""
    if [e.id for e in examples] != [f.id for f in features]:
        raise ValueError("Doubt examples and features are not the same articles in the same order")
    gold = [list(e.gold) for e in examples]
    cues = {
        "framing hedges (hedge, evidential, modal)": _marks(features, every_mark=False),
        "framing hedges + doubting verbs + scare quotes": _marks(features, every_mark=True),
    }
    if lexicons_folder:
        words = WordList((w, False) for w in datasets.hedge_words(lexicons_folder))
        cues["Islam et al. hedge words"] = [words.find(e.text) for e in examples]
    clauses = {
        "doubt reading: doubting verb, scare quote or question": [
            doubt_reading(e, f, with_hedges=False) for e, f in zip(examples, features, strict=True)
        ],
        "doubt reading + hedge-type cues": [
            doubt_reading(e, f, with_hedges=True) for e, f in zip(examples, features, strict=True)
        ],
        "every sentence": [lines(e.text) for e in examples],
    }
    figures = [figure(TASK, name, gold, spans) for name, spans in cues.items()]
    figures += [figure(CLAUSE_TASK, name, gold, spans) for name, spans in clauses.items()]
    gold_sentences = _sentences(examples, gold)
    for name, spans in {**cues, **clauses}.items():
        figures.append(figure(SENTENCE_TASK, name, gold_sentences, _sentences(examples, spans)))
    notes = [
        f"Doubt: {sum(len(g) for g in gold)} spans in {sum(1 for g in gold if g)} of {len(examples)} articles, "
        "mostly whole clauses. Cue rows score the tool's marks as spans; clause rows predict whole sentences "
        "(doubt reading, cues fixed before measuring); sentence rows count lines (one sentence a line). "
        "PTC was not used to write or tune the hedge rules.",
    ]
    return figures, notes
