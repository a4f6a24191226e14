"""Sentiment toward one actor mention, not toward its whole sentence.

A sentence such as "Ruiz praised the workers while Bell attacked the plan" is neutral on
average but positive about one actor and negative about another. The scorer here reads the
words around the mention: a logistic regression over (a) the words just left and right of
the mention by distance, (b) the rest of the sentence with the target and the other actors
masked, and (c) VADER scores of the sentence, of an 8-word window each side and of each side
alone. It was trained on NewsMTSC's ``train.jsonl`` (MIT; Hamborg and Donnay 2021) by
:mod:`framing.evaluation.train_target`; the weights are a plain JSON table of feature ->
coefficients in ``framing/models/target_sentiment/`` beside their provenance and licence,
read the first time a score is asked for. ``framing evaluate --benchmark newsmtsc`` measures
it on the two held-out NewsMTSC sets, with the sentence-level VADER score as the baseline.

The score of a mention is P(positive) - P(negative), in [-1, 1], so it can be averaged per
actor and bootstrapped like VADER's compound.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from framing.errors import DataError
from framing.extract.sentiment import analyzer

WINDOW = 8  # words each side of the mention; chosen on NewsMTSC train (see the model's SOURCE.md)
LABELS = ("negative", "neutral", "positive")
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "target_sentiment"
_TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
Span = tuple[int, int]


def sparse_features(text: str, start: int, end: int, others: Sequence[Span] = (), window: int = WINDOW) -> list[str]:
    """Word features of one mention: L<d>_/R<d>_ (distance 0-3, 3 = further), W_ (in the window), S_ (the sentence).

    The target's own words and the other mentions' words are left out of S_, so the model
    learns what is said about an actor, not who the actor is.
    """
    tokens = _tokens(text)
    starts = [t[0] for t in tokens]
    first_right = bisect.bisect_left(starts, end)
    left = tokens[: bisect.bisect_left(starts, start)]
    out = []
    for i, (_, word, _) in enumerate(reversed(left[-window:])):
        out += [f"L{min(i, 3)}_{word}", f"W_{word}"]
    for i, (_, word, _) in enumerate(tokens[first_right : first_right + window]):
        out += [f"R{min(i, 3)}_{word}", f"W_{word}"]
    hidden: set[int] = set()  # tokens that start inside the mention or another mention
    for a, b in (start, end), *others:
        hidden.update(range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)))
    out += [f"S_{word}" for i, (_, word, _) in enumerate(tokens) if i not in hidden]
    return out


DENSE_NAMES = tuple(
    f"vader_{part}_{score}" for part in ("sentence", "window", "left", "right") for score in ("compound", "pos", "neg")
)


def dense_features(text: str, start: int, end: int, window: int = WINDOW) -> list[float]:
    """VADER compound, pos and neg of the sentence, the window around the mention, and each side."""
    tokens = _tokens(text)
    starts, ends, _ = _columns(text)
    left = tokens[: bisect.bisect_right(ends, start)][-window:]  # the tokens that end before the mention
    first_right = bisect.bisect_left(starts, end)  # the first token that starts after it
    right = tokens[first_right : first_right + window]
    left_text = text[left[0][0] : start] if left else ""
    right_text = text[end : right[-1][2]] if right else ""
    values: list[float] = []
    for part in (text, f"{left_text} {right_text}", left_text, right_text):
        values += _vader(part)
    return values


def _feature_counts(
    text: str, start: int, end: int, others: Sequence[Span], known: dict[str, float], window: int = WINDOW
) -> dict[str, int]:
    """The counts of :func:`sparse_features` that are in ``known``, in the order the features first occur.

    The same as ``Counter(f for f in sparse_features(...) if f in known)``, without building every
    feature string again per mention: the sentence's S_ features are made once per sentence and
    only the hidden tokens are skipped.
    """
    tokens = _tokens(text)
    starts, _, sentence_features = _columns(text)
    first_right = bisect.bisect_left(starts, end)
    last_left = bisect.bisect_left(starts, start)
    counts: dict[str, int] = {}
    for i, (_, word, _) in enumerate(reversed(tokens[max(0, last_left - window) : last_left])):
        for f in (f"L{min(i, 3)}_{word}", f"W_{word}"):
            if f in known:
                counts[f] = counts.get(f, 0) + 1
    for i, (_, word, _) in enumerate(tokens[first_right : first_right + window]):
        for f in (f"R{min(i, 3)}_{word}", f"W_{word}"):
            if f in known:
                counts[f] = counts.get(f, 0) + 1
    hidden = bytearray(len(tokens))  # tokens that start inside the mention or another mention
    for a, b in (start, end), *others:
        lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        if hi > lo:
            hidden[lo:hi] = b"\x01" * (hi - lo)
    for f, masked in zip(sentence_features, hidden, strict=True):
        if not masked and f in known:
            counts[f] = counts.get(f, 0) + 1
    return counts


# Every mention of a sentence is scored on the same text: its tokens and its VADER scores are
# computed once (bounded caches; the results are the same as computing them each time).
@lru_cache(maxsize=64)
def _tokens(text: str) -> tuple[tuple[int, str, int], ...]:
    """(start, lowercased word, end) of each token of ``text``."""
    return tuple((m.start(), m.group().lower(), m.end()) for m in _TOKEN_RE.finditer(text))


@lru_cache(maxsize=64)
def _columns(text: str) -> tuple[list[int], list[int], tuple[str, ...]]:
    """The starts and ends of the tokens of ``text``, and the S_ feature of each."""
    tokens = _tokens(text)
    return [t[0] for t in tokens], [t[2] for t in tokens], tuple(f"S_{t[1]}" for t in tokens)


@lru_cache(maxsize=1024)
def _vader(text: str) -> tuple[float, float, float]:
    s = analyzer().polarity_scores(text)
    return s["compound"], s["pos"], s["neg"]


@dataclass(frozen=True)
class TargetSentimentModel:
    """Multinomial logistic regression weights: idf and one coefficient per class for each word feature."""

    idf: dict[str, float]
    coef: dict[str, tuple[float, float, float]]
    dense_coef: tuple[tuple[float, float, float], ...]
    intercept: tuple[float, float, float]

    def probabilities(self, text: str, start: int, end: int, others: Sequence[Span] = ()) -> tuple[float, ...]:
        idf, coef = self.idf, self.coef
        counts = _feature_counts(text, start, end, others, idf)
        # sublinear tf-idf: (1 + log n) * idf, which is idf itself for a feature seen once (1 + log 1 == 1.0)
        weights = [(f, idf[f] if n == 1 else (1 + math.log(n)) * idf[f]) for f, n in counts.items()]
        norm = math.sqrt(sum(w * w for _, w in weights)) or 1.0
        l0, l1, l2 = self.intercept
        for f, w in weights:  # the same sums in the same order as a loop over the classes: the same floats
            c0, c1, c2 = coef[f]
            l0 += c0 * w / norm
            l1 += c1 * w / norm
            l2 += c2 * w / norm
        for value, (c0, c1, c2) in zip(dense_features(text, start, end), self.dense_coef, strict=True):
            l0 += c0 * value
            l1 += c1 * value
            l2 += c2 * value
        logits = [l0, l1, l2]
        top = max(logits)
        exp = [math.exp(v - top) for v in logits]
        total = sum(exp)
        return tuple(e / total for e in exp)

    def label(self, text: str, start: int, end: int, others: Sequence[Span] = ()) -> str:
        p = self.probabilities(text, start, end, others)
        return LABELS[max(range(3), key=p.__getitem__)]

    def score(self, text: str, start: int, end: int, others: Sequence[Span] = ()) -> float:
        """P(positive) - P(negative) toward the mention at [start, end) of ``text`` (one sentence)."""
        p = self.probabilities(text, start, end, others)
        return round(p[2] - p[0], 4)

    def to_json(self) -> dict:
        return {
            "labels": list(LABELS),
            "window": WINDOW,
            "intercept": list(self.intercept),
            "dense": {name: list(c) for name, c in zip(DENSE_NAMES, self.dense_coef, strict=True)},
            "features": {f: [round(self.idf[f], 5), *(round(c, 5) for c in self.coef[f])] for f in sorted(self.coef)},
        }


def model_from_json(data: dict, where: str) -> TargetSentimentModel:
    try:
        features = data["features"]
        dense = tuple(tuple(float(c) for c in data["dense"][name]) for name in DENSE_NAMES)
        return TargetSentimentModel(
            {f: float(v[0]) for f, v in features.items()},
            {f: (float(v[1]), float(v[2]), float(v[3])) for f, v in features.items()},
            dense,  # type: ignore[arg-type]
            tuple(float(c) for c in data["intercept"]),  # type: ignore[arg-type]
        )
    except (KeyError, TypeError, ValueError, IndexError):
        raise DataError(where, "not a target-sentiment weights file (see SOURCE.md beside it)") from None


@lru_cache(maxsize=1)
def default_model() -> TargetSentimentModel:
    """The shipped weights, read on first use."""
    path = MODEL_DIR / "weights.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise DataError(path, "target-sentiment weights are missing or unreadable") from None
    return model_from_json(data, str(path))
