"""Measure claim alignment against hand-aligned sentence pairs (gold/claims/seed_pairs.csv).

Alignment is judged at the level of sentences: every pair of sentences from two outlets
that the aligner puts in one group is a *predicted pair*. Against the gold file:

- **recall** = gold "same" pairs that are predicted / gold "same" pairs;
- **precision** (strict) = predicted pairs that are gold "same" / all predicted pairs. A
  predicted pair the gold file does not list counts as wrong, so this is a lower bound;
  the unlisted pairs are returned so a reader can judge them;
- **near misses aligned** = gold "different" pairs that are predicted (should be zero).

Run ``python gold/claims/measure.py`` (or :func:`evaluate` from code).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from framing.claims.align import ClaimGroup
from framing.errors import DataError
from framing.extract.features import ArticleFeatures

GOLD_COLUMNS = ["label", "article_a", "text_a", "article_b", "text_b", "note"]
LABELS = ("same", "paraphrase", "different")

SentenceKey = tuple[str, int]  # (article id, sentence index)
Pair = frozenset[SentenceKey]


@dataclass(frozen=True, slots=True)
class GoldPair:
    label: str
    a: SentenceKey
    b: SentenceKey
    note: str

    @property
    def pair(self) -> Pair:
        return frozenset((self.a, self.b))


@dataclass
class Evaluation:
    n_gold_same: int
    n_gold_different: int
    n_predicted: int
    true_positives: int
    near_misses_aligned: list[GoldPair] = field(default_factory=list)
    missed: list[GoldPair] = field(default_factory=list)
    unlisted: list[tuple[SentenceKey, SentenceKey]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.n_predicted if self.n_predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.n_gold_same if self.n_gold_same else 1.0

    def summary(self) -> dict[str, float | int]:
        return {
            "gold_same": self.n_gold_same,
            "gold_different": self.n_gold_different,
            "predicted_pairs": self.n_predicted,
            "true_positives": self.true_positives,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "near_misses_aligned": len(self.near_misses_aligned),
            "unlisted_predicted": len(self.unlisted),
        }


def _sentence_of(features: ArticleFeatures, fragment: str, where: str) -> SentenceKey:
    count = features.text.count(fragment)
    if count != 1:
        problem = "not found in" if count == 0 else f"found {count} times in"
        raise DataError(where, f"fragment {fragment[:40]!r} {problem} the cleaned text of {features.id}")
    pos = features.text.index(fragment)
    for s in features.sentences:
        if s.start <= pos < s.end:
            return (features.id, s.index)
    raise DataError(where, f"fragment {fragment[:40]!r} is not inside a sentence of {features.id}")


def read_gold(path: Path, features: Sequence[ArticleFeatures]) -> list[GoldPair]:
    """Gold pairs with each fragment resolved to its sentence; errors name the file and line."""
    by_id = {f.id: f for f in features}
    lines = [(n, line) for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1)]
    data = [(n, line) for n, line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not data:
        raise DataError(path, "no gold pairs")
    rows = list(csv.reader(line for _, line in data))
    if rows[0] != GOLD_COLUMNS:
        raise DataError(f"{path}:{data[0][0]}", f"expected the columns {','.join(GOLD_COLUMNS)}")
    pairs = []
    for (n, _), row in zip(data[1:], rows[1:], strict=True):
        where = f"{path}:{n}"
        if len(row) != len(GOLD_COLUMNS):
            raise DataError(where, f"expected {len(GOLD_COLUMNS)} fields, found {len(row)}")
        label, id_a, text_a, id_b, text_b, note = row
        if label not in LABELS:
            raise DataError(where, f"label must be one of {', '.join(LABELS)}, not {label!r}")
        for article in (id_a, id_b):
            if article not in by_id:
                raise DataError(where, f"unknown article id {article!r}")
        pairs.append(
            GoldPair(label, _sentence_of(by_id[id_a], text_a, where), _sentence_of(by_id[id_b], text_b, where), note)
        )
    return pairs


def predicted_pairs(groups: Sequence[ClaimGroup]) -> set[Pair]:
    """Every pair of sentences from two different outlets that share a group."""
    pairs: set[Pair] = set()
    for group in groups:
        for i, a in enumerate(group.units):
            for b in group.units[i + 1 :]:
                if a.outlet != b.outlet:
                    pairs.add(frozenset(((a.article_id, a.sentence), (b.article_id, b.sentence))))
    return pairs


def evaluate(groups: Sequence[ClaimGroup], gold: Sequence[GoldPair]) -> Evaluation:
    predicted = predicted_pairs(groups)
    same = {g.pair for g in gold if g.label == "same"}
    listed = {g.pair for g in gold}
    return Evaluation(
        n_gold_same=len(same),
        n_gold_different=sum(1 for g in gold if g.label == "different"),
        n_predicted=len(predicted),
        true_positives=len(predicted & same),
        near_misses_aligned=[g for g in gold if g.label == "different" and g.pair in predicted],
        missed=[g for g in gold if g.label == "same" and g.pair not in predicted],
        unlisted=sorted(tuple(sorted(p)) for p in predicted - listed),  # type: ignore[misc]
    )
