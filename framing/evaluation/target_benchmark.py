"""``framing evaluate --benchmark newsmtsc``: actor discovery and sentiment toward actors on NewsMTSC.

On each held-out split (``devtest_mt``: sentences with two or more targets, ``devtest_rw``: a
real-world sample) two things are measured:

* **linking**: the share of gold targets that a discovered actor mention overlaps
  (:func:`framing.extract.discover.discover_mentions` on the sentence alone, so a pronoun whose
  antecedent is in an earlier sentence cannot be linked); the "system" row counts the discovered
  mentions as predictions, so its precision says how many of them are annotated targets (NewsMTSC
  annotates only some of the people in a sentence, so precision is a floor);
* **polarity toward the target** (negative / neutral / positive, given the gold target span):
  the trained target model, VADER on an 8-word window each side of the target, VADER on the whole
  sentence (what framing reported before: every actor got its sentence's score) and the majority
  class of the training split. Per-class rows give counts (predicted, correct, gold); the notes give
  macro-F1, the figure the NewsMTSC paper reports (about 0.83 for a fine-tuned transformer).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from framing.evaluation import datasets
from framing.evaluation.benchmarks import BenchmarkResult, Figure
from framing.extract.discover import discover_mentions
from framing.extract.sentiment import analyzer
from framing.extract.target_sentiment import LABELS, default_model, dense_features
from framing.lexicon.bundle import Lexicons

SPLITS = ("devtest_mt", "devtest_rw")
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself", "they", "them", "their", "we", "me", "i"}
PRONOUNS |= {"it", "its", "us", "our", "myself", "’m", "'m"}
VADER_THRESHOLD = 0.05  # VADER's own cut-off between neutral and positive or negative compound scores
Predictor = Callable[[datasets.TargetSentence, datasets.Target], str]


def _vader_label(compound: float) -> str:
    if compound >= VADER_THRESHOLD:
        return "positive"
    return "negative" if compound <= -VADER_THRESHOLD else "neutral"


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    scores = []
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == label != g)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label != p)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def _others(sentence: datasets.TargetSentence, target: datasets.Target) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in sentence.targets if t is not target]


def predictors(majority: str) -> dict[str, Predictor]:
    model = default_model()
    vader = analyzer()
    return {
        "framing target model": lambda s, t: model.label(s.text, t.start, t.end, _others(s, t)),
        "VADER, 8 words each side": lambda s, t: _vader_label(dense_features(s.text, t.start, t.end)[3]),
        "VADER, whole sentence (before)": lambda s, t: _vader_label(vader.polarity_scores(s.text)["compound"]),
        f"majority class ({majority})": lambda s, t: majority,
    }


def _split_figures(
    name: str, sentences: Sequence[datasets.TargetSentence], lex: Lexicons, majority: str
) -> tuple[list[Figure], list[str]]:
    predicted = correct = found = named_found = 0
    alone = 0  # pronoun targets left unlinked with no actor of any kind named before them in the sentence
    for s in sentences:
        mentions = discover_mentions(s.text, lex)
        predicted += len(mentions)
        correct += sum(1 for m in mentions if any(m.start < t.end and t.start < m.end for t in s.targets))
        linked = [t for t in s.targets if any(m.start < t.end and t.start < m.end for m in mentions)]
        found += len(linked)
        named_found += sum(1 for t in linked if t.mention.strip().lower() not in PRONOUNS)
        alone += sum(
            1
            for t in s.targets
            if t not in linked
            and t.mention.strip().lower() in PRONOUNS
            and not any(m.end <= t.start and m.link != "pronoun" for m in mentions)
        )
    n_targets = sum(len(s.targets) for s in sentences)
    named = [t for s in sentences for t in s.targets if t.mention.strip().lower() not in PRONOUNS]
    figures = [Figure(f"{name}: targets linked", "framing actor discovery", predicted, correct, n_targets, found)]
    notes = [
        f"{name}: {len(sentences)} sentences, {n_targets} targets; {found} ({found / n_targets:.1%}) "
        "linked to a discovered actor mention; of the targets that are not pronouns "
        f"{named_found}/{len(named)} ({named_found / max(len(named), 1):.1%}) (a pronoun whose antecedent is in "
        "another sentence cannot be linked in a one-sentence text). Of the "
        f"{n_targets - len(named)} pronoun targets {found - named_found} are resolved to an actor in the sentence; "
        f"{alone} of the rest have no actor named before them in the sentence (a pronoun counts only where it is "
        "resolved: an unresolved one is no actor mention)."
    ]
    gold = [t.polarity for s in sentences for t in s.targets]
    for system, predict in predictors(majority).items():
        labels = [predict(s, t) for s in sentences for t in s.targets]
        if system == "framing target model" or system.startswith("VADER, whole"):
            for label in LABELS:
                n_pred = sum(1 for p in labels if p == label)
                n_ok = sum(1 for g, p in zip(gold, labels, strict=True) if g == p == label)
                n_gold = sum(1 for g in gold if g == label)
                figures.append(Figure(f"{name}: polarity {label}", system, n_pred, n_ok, n_gold, n_ok))
        right = sum(1 for g, p in zip(gold, labels, strict=True) if g == p)
        notes.append(f"{name}: {system}: macro-F1 {macro_f1(gold, labels):.3f}, {right}/{len(gold)} right.")
    return figures, notes


def run_newsmtsc(folder: Path, lex: Lexicons, lexicons_folder: Path | None = None) -> BenchmarkResult:
    train = Counter(t.polarity for s in datasets.newsmtsc(folder, "train") for t in s.targets)
    majority = train.most_common(1)[0][0]
    figures: list[Figure] = []
    notes: list[str] = []
    for split in SPLITS:
        f, n = _split_figures(split, datasets.newsmtsc(folder, split), lex, majority)
        figures += f
        notes += n
    notes.append(
        "Polarity is predicted for the gold target span; the target model was trained on train.jsonl only "
        "(framing/models/target_sentiment/SOURCE.md). Published fine-tuned transformer: macro-F1 about 0.83."
    )
    return BenchmarkResult(
        "newsmtsc", f"datasets/{folder.name}", "devtest_mt and devtest_rw (held out)", figures, notes
    )
