"""``framing evaluate --benchmark polnear``: quotes and their speakers measured on PolNeAR.

Spans are matched by overlap, counted from both sides as in :mod:`framing.evaluation.benchmarks`:
a predicted quote is correct when it overlaps a gold content span of any kind, a gold content is
found when any predicted quote overlaps it. Per kind, the predicted side counts framing's quotes
of that kind and the gold side PolNeAR's contents of that kind (see :func:`polnear.content_kind`).

Speaker accuracy is counted over found gold attributions that name a source: the predicted quote
overlapping the content most is paired with it, and its speaker is right when the words naming it
(the resolved name or the words in the text) share a word with the gold source span, titles and
articles aside ("Mr. Trump" ~ "Donald Trump", "he" ~ "he"). A pronoun counts as right when
framing read the same pronoun, whatever it resolved it to: PolNeAR marks the pronoun, not its
referent.

Rows are given for the test split (the figure to report), for train+dev (where rules are developed)
and for all splits, beside a baseline (quotation-mark spans, speaker = nearest capitalised name in
the sentence, else the nearest he/she/they) and the human agreement on double-annotated articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.evaluation.benchmarks import BenchmarkResult, Figure
from framing.evaluation.polnear import KINDS, SPLITS, Annotated, Attribution, articles
from framing.extract.quotemarks import find_quote_marks
from framing.extract.quotes import find_quotes
from framing.lexicon.bundle import Lexicons
from framing.text import TOKEN_RE, Doc

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("test", ("test",)),
    ("train+dev", ("train", "dev")),
    ("all", SPLITS),
)
_NOT_NAMING = {"the", "a", "an", "of", "mr", "ms", "mrs", "dr", "s", "'s", "’s", "sen", "gov", "rep", "president"}
_NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
_PRONOUN = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)
_SENTENCE_WORDS = {"The", "A", "An", "But", "And", "In", "On", "At", "As", "It", "This", "That", "If", "When", "I"}


@dataclass(frozen=True)
class Predicted:
    """A quote as the benchmark compares it: where it is, its kind, and the words for its speaker."""

    start: int
    end: int
    kind: str
    speaker_words: frozenset[str]


def naming_words(*texts: str) -> frozenset[str]:
    """The lowercase words that name a speaker, without articles and titles."""
    words = {w.lower() for t in texts for w in TOKEN_RE.findall(t)}
    return frozenset(w.removesuffix("’s").removesuffix("'s") for w in words if w not in _NOT_NAMING)


def framing_quotes(text: str, lex: Lexicons) -> list[Predicted]:
    return [
        Predicted(q.start, q.end, q.kind, naming_words(q.speaker, q.speaker_text)) for q in find_quotes(Doc(text), lex)
    ]


def baseline_quotes(text: str) -> list[Predicted]:
    """Quotation-mark spans; speaker = the capitalised name nearest the quotation in its sentence."""
    doc = Doc(text)
    found: list[Predicted] = []
    marks = find_quote_marks(text)
    for mark in marks:
        if any(o.inner_start <= mark.start and mark.end <= o.inner_end for o in marks if o is not mark):
            continue
        s_start = doc.sentences[doc.sentence_index(mark.start)][0] if doc.sentences else 0
        s_end = doc.sentences[doc.sentence_index(max(mark.start, mark.end - 1))][1] if doc.sentences else len(text)
        outside = [(s_start, mark.start), (mark.end, s_end)]
        best: tuple[int, str] | None = None
        for pattern in (_NAME_RUN, _PRONOUN):
            for a, b in outside:
                for m in pattern.finditer(text, a, b):
                    if pattern is _NAME_RUN and m.group() in _SENTENCE_WORDS:
                        continue
                    distance = mark.start - m.end() if m.end() <= mark.start else m.start() - mark.end
                    if best is None or distance < best[0]:
                        best = (distance, m.group())
            if best is not None:
                break
        kind = "direct" if len(TOKEN_RE.findall(mark.inner(text))) > 5 else "partial"
        found.append(Predicted(mark.start, mark.end, kind, naming_words(best[1]) if best else frozenset()))
    return found


def _overlap(a: int, b: int, spans: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(b, e) - max(a, s)) for s, e in spans)


def _span_rows(
    label: str, system: str, gold: Sequence[Sequence[Attribution]], predicted: Sequence[Sequence[Predicted]]
) -> list[Figure]:
    rows = []
    for kind in ("all", *KINDS):
        n_pred = n_correct = n_gold = n_found = 0
        for g, p in zip(gold, predicted, strict=True):
            every = [s for at in g for s in at.content]  # predictions are judged against gold of any kind
            mine = [q for q in p if kind == "all" or q.kind == kind]
            n_pred += len(mine)
            n_correct += sum(1 for q in mine if any(q.start < e and s < q.end for s, e in every))
            theirs = [at for at in g if kind == "all" or at.kind == kind]
            n_gold += len(theirs)
            n_found += sum(1 for at in theirs if any(_overlap(q.start, q.end, at.content) for q in p))
        rows.append(Figure(f"{label}: {kind}", system, n_pred, n_correct, n_gold, n_found))
    rows.append(_speaker_row(label, system, gold, predicted))
    return rows


def _hull(spans: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """A discontinuous content ("“...,” he said, “...”") as one span from its first to its last character."""
    return min(a for a, _ in spans), max(b for _, b in spans)


def speaker_right(at: Attribution, quote: Predicted) -> bool:
    return bool(naming_words(at.source_text) & quote.speaker_words)


def _speaker_row(
    label: str, system: str, gold: Sequence[Sequence[Attribution]], predicted: Sequence[Sequence[Predicted]]
) -> Figure:
    matched = right = 0
    for g, p in zip(gold, predicted, strict=True):
        for at in g:
            if not at.source_text.strip():
                continue
            best = max(p, key=lambda q: _overlap(q.start, q.end, at.content), default=None)
            if best is None or not _overlap(best.start, best.end, at.content):
                continue
            matched += 1
            right += speaker_right(at, best)
    return Figure(f"{label}: speaker", system, matched, right, matched, right)


def _agreement_rows(label: str, multi: list[list[Annotated]]) -> list[Figure]:
    """Each further annotator against the first, as a system against gold."""
    gold: list[tuple[Attribution, ...]] = []
    other: list[list[Predicted]] = []
    for anns in multi:
        for ann in anns[1:]:
            gold.append(anns[0].attributions)
            other.append(
                [Predicted(*_hull(at.content), at.kind, naming_words(at.source_text)) for at in ann.attributions]
            )
    return _span_rows(label, "human: another annotator", gold, other)


def run(folder: Path, lex: Lexicons, progress: Callable[[str], None] | None = None) -> BenchmarkResult:
    every = articles(folder)
    gold_by_name = {name: anns[0] for name, anns in every.items()}
    predicted = {name: framing_quotes(a.text, lex) for name, a in gold_by_name.items()}
    baseline = {name: baseline_quotes(a.text) for name, a in gold_by_name.items()}
    figures: list[Figure] = []
    notes = []
    for label, splits in GROUPS:
        names = [n for n, a in gold_by_name.items() if a.split in splits]
        gold = [gold_by_name[n].attributions for n in names]
        figures += _span_rows(label, "framing quotes", gold, [predicted[n] for n in names])
        figures += _span_rows(label, "baseline: quote marks + nearest name", gold, [baseline[n] for n in names])
        multi = [every[n] for n in names if len(every[n]) > 1]
        if multi:
            figures += _agreement_rows(f"{label} 2-annotator ({len(multi)})", multi)
            gold_multi = [every[n][0].attributions for n in names if len(every[n]) > 1]
            pred_multi = [predicted[n] for n in names if len(every[n]) > 1]
            figures += _span_rows(f"{label} 2-annotator ({len(multi)})", "framing quotes", gold_multi, pred_multi)
        kinds = {k: sum(1 for g in gold for at in g if at.kind == k) for k in KINDS}
        notes.append(f"{label}: {len(names)} articles, {sum(kinds.values())} attributions ({kinds}).")
    notes += [
        "Overlap matching counted from both sides; per kind, predicted = framing's quotes of that kind judged "
        "against gold of every kind, gold = PolNeAR contents of that kind (direct: wholly in quotation marks; "
        "partial: quotation marks inside; indirect: none).",
        "Rows: 'test: direct' = direct quotes on the test split; 'test 2-annotator (n)' = the n articles with "
        "two or more annotators.",
        "Speaker rows: predicted = gold = found gold attributions with a source; correct = found = speaker right "
        "(shares a naming word with the gold source span), so P = R = accuracy.",
        "Gold is the first annotator of each article; human rows compare each other annotator with the first.",
    ]
    return BenchmarkResult(
        "polnear", f"datasets/{folder.name}", "test; train+dev; all splits (no training)", figures, notes
    )
