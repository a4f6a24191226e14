"""External benchmarks: the extractors and a plain word-list baseline on public annotations.

``framing evaluate --benchmark babe|ptc|sfu|all [--data DIR]`` runs these. Every figure is
reported as counts beside P/R/F1, with a baseline computed on the same texts, because a
number without its baseline says little: on BABE a one-line list of strong-subjective
words is the bar a loaded-language lexicon has to clear.

Span matching is *overlap*, counted from both sides: a prediction is **correct** when it
overlaps a gold span, a gold span is **found** when a prediction overlaps it; precision is
correct / predicted and recall found / gold (so one long prediction covering two gold
words finds both). The lexicon extractors are not trained, and nothing in these datasets
was used to write the lexicons, so each benchmark uses the whole dataset; a learned model
must be scored with grouped cross-validation (BABE by article link, PTC and SFU by
document) instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from framing.evaluation import datasets
from framing.evaluation.datasets import Example
from framing.extract.features import ArticleFeatures, analyze_article
from framing.ingest.article import Article, Metadata
from framing.lexicon.bundle import Lexicons
from framing.text import stem, tokenize

BENCHMARKS = ("babe", "ptc", "sfu", "polnear", "newsmtsc")
HEDGE_TYPES = ("hedge", "evidential", "modal")
Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Figure:
    """One system on one task: counts and the scores they give."""

    task: str
    system: str
    predicted: int
    correct: int
    gold: int
    found: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        scores = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        return {**asdict(self), **{k: round(v, 4) for k, v in scores.items()}}


@dataclass
class BenchmarkResult:
    name: str
    data: str
    split: str
    figures: list[Figure]
    notes: list[str]

    def to_dict(self) -> dict:
        return {
            "benchmark": self.name,
            "data": self.data,
            "split": self.split,
            "figures": [f.to_dict() for f in self.figures],
            "notes": self.notes,
        }


def overlap_counts(gold: Sequence[Spans], predicted: Sequence[Spans]) -> tuple[int, int, int, int]:
    """(predicted, correct, gold, found) over parallel lists of span lists, one per example."""
    n_pred = n_correct = n_gold = n_found = 0
    for g, p in zip(gold, predicted, strict=True):
        n_pred += len(p)
        n_gold += len(g)
        n_correct += sum(1 for a, b in p if any(a < e and s < b for s, e in g))
        n_found += sum(1 for s, e in g if any(a < e and s < b for a, b in p))
    return n_pred, n_correct, n_gold, n_found


def figure(task: str, system: str, gold: Sequence[Spans], predicted: Sequence[Spans]) -> Figure:
    return Figure(task, system, *overlap_counts(gold, predicted))


LEXICONS_ONLY = 2.0  # a min_confidence no model find reaches: the lexicon extractor alone


def analyse(
    examples: Iterable[Example], lex: Lexicons, min_confidence: float | None = LEXICONS_ONLY
) -> list[ArticleFeatures]:
    """Every example through the whole extraction, as a one-article corpus of its own text (no cleaning).

    By default without the learned detector, so the lexicon rows measure the lexicons; the model's
    rows come from :mod:`framing.evaluation.model_benchmarks`."""
    return [
        analyze_article(
            Article(Metadata(id=e.id, outlet="benchmark", outlet_name="benchmark"), e.text),
            lex,
            min_confidence=min_confidence,
        )
        for e in examples
    ]


class WordList:
    """A baseline: every token (or token sequence) that a word list contains, as a span."""

    def __init__(self, words: Iterable[tuple[str, bool]]) -> None:
        self.exact: set[tuple[str, ...]] = set()
        self.stems: set[str] = set()
        for word, stemmed in words:
            tokens = tuple(t.text.lower() for t in tokenize(word))
            if not tokens:
                continue
            self.exact.add(tokens)
            if stemmed and len(tokens) == 1:
                self.stems.add(stem(tokens[0]))
        self.longest = max((len(t) for t in self.exact), default=1)

    def find(self, text: str) -> Spans:
        tokens = tokenize(text)
        lower = [t.text.lower() for t in tokens]
        spans: Spans = []
        i = 0
        while i < len(tokens):
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                if tuple(lower[i : i + n]) in self.exact or (n == 1 and stem(lower[i]) in self.stems):
                    spans.append((tokens[i].start, tokens[i + n - 1].end))
                    i += n
                    break
            else:
                i += 1
        return spans


def _loaded(features: Sequence[ArticleFeatures]) -> list[Spans]:
    return [[(t.start, t.end) for t in f.loaded_terms] for f in features]


def _hedges(features: Sequence[ArticleFeatures]) -> list[Spans]:
    return [[(h.start, h.end) for h in f.hedges if h.type in HEDGE_TYPES] for f in features]


def _gold(examples: Sequence[Example]) -> list[Spans]:
    return [list(e.gold) for e in examples]


def run_babe(folder: Path, lex: Lexicons, lexicons_folder: Path | None) -> BenchmarkResult:
    examples = datasets.babe(folder)
    features = analyse(examples, lex)
    gold = _gold(examples)
    predicted = _loaded(features)
    figures = [figure("biased words", "framing lexicons", gold, predicted)]
    notes = [
        f"{len(examples)} sentences; {sum(len(g) for g in gold)} biased words located as whole words "
        f"({sum(len(e.unlocated) for e in examples)} listed words not found in their sentence, mostly typos).",
    ]
    mpqa = WordList(datasets.mpqa_strong(lexicons_folder)) if lexicons_folder else None
    if mpqa is not None:
        figures.append(
            figure("biased words", "MPQA strong-subjective words", gold, [mpqa.find(e.text) for e in examples])
        )
    # Sentence level: "the sentence has a loaded term" against the annotators' Biased label.
    biased = [[(0, 1)] if e.label == "Biased" else [] for e in examples]
    flagged = [[(0, 1)] if p else [] for p in predicted]
    figures.append(figure("sentence is Biased", "framing: has a loaded term", biased, flagged))
    figures.append(figure("sentence is Biased", "everything Biased", biased, [[(0, 1)] for _ in examples]))
    if mpqa is not None:
        has_word = [[(0, 1)] if mpqa.find(e.text) else [] for e in examples]
        figures.append(figure("sentence is Biased", "MPQA: has a strong-subjective word", biased, has_word))
    notes.append(
        "Sentence rows count sentences: predicted = flagged, correct = flagged and Biased, gold = Biased. "
        f"Macro-F1 of 'has a loaded term': {macro_f1(biased, flagged):.3f}."
    )
    from framing.evaluation.model_benchmarks import model_on_babe

    more, more_notes = model_on_babe(examples, lex, lexicons_folder)
    figures += more
    notes += more_notes
    split = "lexicons: whole SG2 set (no training); model: 5-fold cross-validation grouped by news_link"
    return BenchmarkResult("babe", f"datasets/{folder.name}", split, figures, notes)


def macro_f1(gold: Sequence[Spans], flagged: Sequence[Spans]) -> float:
    """Mean F1 of the two classes of a yes/no sentence label (the figure BABE's papers report)."""
    pairs = [(bool(g), bool(p)) for g, p in zip(gold, flagged, strict=True)]
    scores = []
    for positive in (True, False):
        tp = sum(1 for g, p in pairs if g == positive and p == positive)
        fp = sum(1 for g, p in pairs if g != positive and p == positive)
        fn = sum(1 for g, p in pairs if g == positive and p != positive)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / 2


def run_ptc(folder: Path, lex: Lexicons, lexicons_folder: Path | None) -> BenchmarkResult:
    figures: list[Figure] = []
    loaded = datasets.ptc(folder, datasets.LOADED_TECHNIQUES)
    features = analyse(loaded, lex)
    gold = _gold(loaded)
    figures.append(figure("Loaded_Language + Name_Calling", "framing lexicons", gold, _loaded(features)))
    from framing.evaluation.model_benchmarks import model_on_ptc

    figures += model_on_ptc(loaded, lex)
    if lexicons_folder:
        adj_adv = WordList(datasets.mpqa_strong(lexicons_folder, ("adj", "adverb", "anypos")))
        baseline = [adj_adv.find(e.text) for e in loaded]
        figures.append(figure("Loaded_Language + Name_Calling", "MPQA strong-subjective adj/adv", gold, baseline))
    from framing.evaluation.doubt_benchmark import doubt_figures

    doubt_rows, doubt_notes = doubt_figures(datasets.ptc(folder, datasets.DOUBT_TECHNIQUES), features, lexicons_folder)
    figures += doubt_rows
    notes = [
        f"{len(loaded)} training articles, offsets into the raw text (read with newline='').",
        "The model rows use the shipped model, trained on BABE only: PTC was never used to train it. The rule "
        "that damps a word's later uses in an article was chosen on PTC's development half (articles in even "
        "places by id); the 'test half' rows are the other half, on which nothing was chosen.",
        *doubt_notes,
    ]
    return BenchmarkResult("ptc", f"datasets/{folder.name}", "whole training split (no training)", figures, notes)


def run_sfu(folder: Path, lex: Lexicons, lexicons_folder: Path | None) -> BenchmarkResult:
    from framing.evaluation.hedge_scope import restrict

    examples = datasets.sfu(folder)
    features = analyse(examples, lex)
    gold = _gold(examples)
    predicted = _hedges(features)
    figures = [figure("speculation cues, all", "framing hedges", gold, predicted)]

    def in_scope(system: str, spans: list[Spans]) -> Figure:
        pairs = [restrict(e.text, g, p) for e, g, p in zip(examples, gold, spans, strict=True)]
        return figure("speculation cues, in scope", system, [g for g, _ in pairs], [p for _, p in pairs])

    figures.append(in_scope("framing hedges", predicted))
    if lexicons_folder:
        hedges = WordList((w, False) for w in datasets.hedge_words(lexicons_folder))
        listed = [hedges.find(e.text) for e in examples]
        figures.append(figure("speculation cues, all", "Islam et al. hedge words", gold, listed))
        figures.append(in_scope("Islam et al. hedge words", listed))
    notes = [
        f"{len(examples)} product reviews (not news): a measure of hedge-cue recall, not a target to tune to.",
        "In scope = gold cues with a word the project counts as a news hedge (framing/evaluation/hedge_scope.py, "
        "docs/hedges.md): not if/or/either/whether, ability 'can', duty 'should'/'must', feel/hope/suggest. "
        "Predictions on an out-of-scope gold cue are left out of that row; other unmatched predictions are "
        "false alarms.",
    ]
    return BenchmarkResult("sfu", f"datasets/{folder.name}", "whole corpus (no training)", figures, notes)


def run_polnear(folder: Path, lex: Lexicons, lexicons_folder: Path | None) -> BenchmarkResult:
    """Quotes, their kinds and speakers on PolNeAR (its own module: it needs richer gold than spans)."""
    from framing.evaluation import polnear_bench

    return polnear_bench.run(folder, lex)
def run_newsmtsc(folder: Path, lex: Lexicons, lexicons_folder: Path | None) -> BenchmarkResult:
    from framing.evaluation.target_benchmark import run_newsmtsc as run_it  # it imports this module

    return run_it(folder, lex, lexicons_folder)


RUNNERS: dict[str, tuple[str, Callable[[Path, Lexicons, Path | None], BenchmarkResult]]] = {
    "babe": ("babe", run_babe),
    "ptc": ("ptc", run_ptc),
    "sfu": ("sfu_speculation", run_sfu),
    "polnear": ("polnear", run_polnear),
    "newsmtsc": ("newsmtsc", run_newsmtsc),
}


def run(name: str, lex: Lexicons, root: Path | None = None) -> BenchmarkResult | None:
    """One benchmark, or None when its data folder is not on this machine."""
    folder_name, runner = RUNNERS[name]
    folder = datasets.dataset_dir(folder_name, root)
    if folder is None:
        return None
    return runner(folder, lex, datasets.dataset_dir("lexicons", root))


# The CI gate: every row with at least this many gold items has its P, R and F1 recorded in
# benchmarks/baseline.json (smaller rows swing by more than the tolerance on one item).
HEADLINE_MIN_GOLD = 100
BASELINE = Path(__file__).resolve().parents[2] / "benchmarks" / "baseline.json"


def headline(result: BenchmarkResult) -> dict[str, float]:
    """The figures the baseline gate checks, flat: ``"task | system | f1"`` -> value (4 decimals).

    Each row's gold count is recorded too (``"... | gold"``): it fingerprints the data, so a
    record is only compared with a run on the same data (see :func:`same_data`)."""
    out: dict[str, float] = {}
    for f in result.figures:
        if f.gold >= HEADLINE_MIN_GOLD:
            for metric in ("precision", "recall", "f1"):
                out[f"{f.task} | {f.system} | {metric}"] = round(getattr(f, metric), 4)
            out[f"{f.task} | {f.system} | gold"] = f.gold
    return out


def same_data(figures: dict[str, float], recorded: dict[str, float]) -> bool:
    """True when every gold count the record holds is the one measured now (the same dataset)."""
    counts = {k: v for k, v in recorded.items() if k.endswith(" | gold")}
    return bool(counts) and all(figures.get(k) == v for k, v in counts.items())


def write_result(result: BenchmarkResult, out_dir: Path) -> Path:
    from framing.output import write_atomic

    path = out_dir / f"{date.today().isoformat()}-{result.name}.json"
    return write_atomic(path, json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n")


def table_lines(result: BenchmarkResult) -> list[str]:
    """Plain-text rows for the terminal and the README."""
    head = f"{'task':34} {'system':38} {'pred':>6} {'corr':>6} {'gold':>6} {'found':>6} {'P':>5} {'R':>5} {'F1':>5}"
    lines = [f"{result.name}: {result.data} ({result.split})", head]
    for f in result.figures:
        lines.append(
            f"{f.task[:34]:34} {f.system[:38]:38} {f.predicted:6d} {f.correct:6d} {f.gold:6d} {f.found:6d} "
            f"{f.precision:5.2f} {f.recall:5.2f} {f.f1:5.2f}"
        )
    lines += ["  " + " ".join(n.split()) for n in result.notes]
    return lines
