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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from framing.claims.align import ClaimGroup
from framing.claims.omissions import OmissionMap, parse_date
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


# --- "reported in other words" and omissions -------------------------------------------------------------------


def reworded_pairs(groups: Sequence[ClaimGroup]) -> set[Pair]:
    """Every (reworded sentence, group sentence) pair across outlets: the outlet reports the fact in other words."""
    pairs: set[Pair] = set()
    for group in groups:
        for r in group.reworded:
            for u in group.units:
                if u.outlet != r.outlet:
                    pairs.add(frozenset(((r.article_id, r.sentence), (u.article_id, u.sentence))))
    return pairs


@dataclass
class RewordEvaluation:
    """The weaker band judged against the gold: a flagged pair is right when gold says same or paraphrase."""

    n_gold_paraphrase: int
    n_gold_reported: int  # same + paraphrase pairs
    n_flagged: int  # reworded pairs predicted
    flagged_right: int  # ... that gold labels same or paraphrase
    flagged_different: int  # ... that gold labels different
    paraphrase_found: int  # gold paraphrase pairs aligned or flagged
    reported_found: int  # gold same + paraphrase pairs aligned or flagged

    def summary(self) -> dict[str, float | int]:
        return {
            "gold_paraphrase": self.n_gold_paraphrase,
            "reworded_flagged": self.n_flagged,
            "reworded_right": self.flagged_right,
            "reworded_near_misses": self.flagged_different,
            "reworded_precision": _ratio(self.flagged_right, self.n_flagged),
            "paraphrase_recall": _ratio(self.paraphrase_found, self.n_gold_paraphrase),
            "gold_reported": self.n_gold_reported,
            "reported_found": self.reported_found,
            "reported_recall": _ratio(self.reported_found, self.n_gold_reported),
        }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0


def evaluate_reworded(groups: Sequence[ClaimGroup], gold: Sequence[GoldPair]) -> RewordEvaluation:
    aligned, flagged = predicted_pairs(groups), reworded_pairs(groups)
    reported = {g.pair for g in gold if g.label in ("same", "paraphrase")}
    paraphrase = {g.pair for g in gold if g.label == "paraphrase"}
    different = {g.pair for g in gold if g.label == "different"}
    return RewordEvaluation(
        n_gold_paraphrase=len(paraphrase),
        n_gold_reported=len(reported),
        n_flagged=len(flagged),
        flagged_right=len(flagged & reported),
        flagged_different=len(flagged & different),
        paraphrase_found=len(paraphrase & (aligned | flagged)),
        reported_found=len(reported & (aligned | flagged)),
    )


@dataclass(frozen=True, slots=True)
class GoldFact:
    """Sentences the gold pairs join as reporting one fact (connected same/paraphrase pairs)."""

    sentences: frozenset[SentenceKey]
    outlets: frozenset[str]
    first_date: str


def gold_facts(gold: Sequence[GoldPair], features: Sequence[ArticleFeatures]) -> list[GoldFact]:
    """Connected components of the same + paraphrase pairs, each with its outlets and first publication date."""
    by_id = {f.id: f for f in features}
    parent: dict[SentenceKey, SentenceKey] = {}

    def find(k: SentenceKey) -> SentenceKey:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for g in gold:
        if g.label in ("same", "paraphrase"):
            parent[find(g.a)] = find(g.b)
    components: dict[SentenceKey, set[SentenceKey]] = {}
    for k in list(parent):
        components.setdefault(find(k), set()).add(k)
    facts = []
    for members in components.values():
        dates = [d for d in (parse_date(by_id[a].meta.date) for a, _ in members) if d is not None]
        facts.append(
            GoldFact(
                frozenset(members),
                frozenset(by_id[a].outlet for a, _ in members),
                min(dates).isoformat() if dates else "",
            )
        )
    return sorted(facts, key=lambda f: sorted(f.sentences))


def gold_omissions(
    facts: Sequence[GoldFact], features: Sequence[ArticleFeatures], threshold: int
) -> set[tuple[int, str]]:
    """(fact index, outlet): a fact at least ``threshold`` outlets report, absent from an outlet that could have
    reported it (an undated article, or one dated on or after the fact's first publication)."""
    outlets = sorted({f.outlet for f in features})
    found: set[tuple[int, str]] = set()
    for k, fact in enumerate(facts):
        if len(fact.outlets) < threshold:
            continue
        first = parse_date(fact.first_date)
        for outlet in outlets:
            if outlet in fact.outlets:
                continue
            dated = [parse_date(f.meta.date) for f in features if f.outlet == outlet]
            if first is None or any(d is None or d >= first for d in dated):
                found.add((k, outlet))
    return found


@dataclass
class OmissionEvaluation:
    gold: int  # gold notable omissions
    predicted: int  # notable omissions the map flags
    correct: int  # flagged and in the gold
    reported_anyway: int  # flagged, but gold says the outlet reports the fact
    published_later: int  # flagged, but every article of the outlet predates the fact
    unmatched: int  # flagged on a group that matches no gold fact of two or more outlets

    def summary(self) -> dict[str, float | int]:
        precision = _ratio(self.correct, self.predicted)
        recall = _ratio(self.correct, self.gold)
        f1 = round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0
        return {
            "omissions_gold": self.gold,
            "omissions_predicted": self.predicted,
            "omissions_correct": self.correct,
            "flagged_but_reported": self.reported_anyway,
            "flagged_but_published_later": self.published_later,
            "flagged_on_unmatched_group": self.unmatched,
            "omission_precision": precision,
            "omission_recall": recall,
            "omission_f1": f1,
        }


def evaluate_omissions(
    omap: OmissionMap, gold: Sequence[GoldPair], features: Sequence[ArticleFeatures]
) -> OmissionEvaluation:
    """Flagged notable omissions against the gold facts: a row is matched to the gold fact sharing most sentences."""
    facts = gold_facts(gold, features)
    wanted = gold_omissions(facts, features, omap.threshold)
    where = {s: k for k, fact in enumerate(facts) for s in fact.sentences}
    correct_keys: set[tuple[int, str]] = set()
    predicted = reported = later = unmatched = 0
    for outlet, rows in omap.omissions.items():
        dated = [parse_date(f.meta.date) for f in features if f.outlet == outlet]
        for row in rows:
            predicted += 1
            keys = [(u.article_id, u.sentence) for u in (*row.group.units, *row.group.reworded)]
            votes = Counter(where[k] for k in keys if k in where)
            if not votes:
                unmatched += 1
                continue
            fact = votes.most_common(1)[0][0]
            if (fact, outlet) in wanted:
                correct_keys.add((fact, outlet))
            elif outlet in facts[fact].outlets:
                reported += 1
            else:
                first = parse_date(facts[fact].first_date)
                later += int(bool(first and dated and all(d is not None and d < first for d in dated)))
    correct = len(correct_keys)
    return OmissionEvaluation(len(wanted), predicted, correct, reported, later, unmatched)
