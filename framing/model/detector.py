"""Apply the shipped loaded-language model: token probabilities, phrases, sentence probability.

The model is a JSON file of feature weights (``models/loaded_terms.json``, written by
``framing train``), so a reader can open it and see why a word scores high. Scoring is a
sum of weights and a logistic function, done here in plain Python: scikit-learn is only
needed to train. The file is read once per process, on first use, so commands that never
score a word do not pay for it.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from pathlib import Path
from typing import Any

from framing.errors import DataError
from framing.lexicon.bundle import Lexicons
from framing.model.features import Layout, TokenRow, doc_features, layout, word_features
from framing.model.scoring import TokenScorer
from framing.text import Doc, Token, stem

FORMAT = "framing-loaded-terms/1"
MODEL_FILE = "loaded_terms.json"
MAX_PHRASE_TOKENS = 4
EVIDENCE_FEATURES = 3
# A word an article keeps using is usually its topic ("plague" in a story about the plague) or an
# echo of its own first verdict, not a new one: in an article that uses a stem TOPIC_USES times or
# more, each use from the second on halves its probability again. Chosen on a development half of
# PTC's articles (models/README.md): there 33% of the model's finds of a stem used once were
# annotated loaded, 26% of those used twice, 16% three times and 11% four times or more; 2 beat 3 and 4.
TOPIC_USES = 2
REPEAT_DECAY = 0.5
# Up to this many confident tokens, an article's repeats are counted per token (a few scans in C);
# past it, in one pass over the article.
FEW_CONFIDENT = 8


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    if x > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))


@dataclass(frozen=True, slots=True)
class ModelFind:
    """A phrase the model flags: offsets, its highest token probability and the features that fired most."""

    start: int
    end: int
    text: str
    confidence: float
    evidence: tuple[str, ...]
    sentence: int


def _floats(table: Mapping[str, Any]) -> dict[str, float]:
    """A JSON object of weights as a dict of floats: the parsed one itself when it already is one (no copy)."""
    if isinstance(table, dict) and all(type(v) is float for v in table.values()):
        return table
    return {str(k): float(v) for k, v in table.items()}


def _strings(table: Mapping[str, Any]) -> dict[str, str]:
    """A JSON object of words as a dict of strings: the parsed one itself when it already is one (no copy)."""
    if isinstance(table, dict) and all(type(v) is str for v in table.values()):
        return table
    return {str(k): str(v) for k, v in table.items()}


@dataclass
class Linear:
    """Weights of one logistic regression: named features, an intercept and baked prior tables."""

    intercept: float
    weights: dict[str, float]
    prior_words: dict[str, float]  # MPQA prior features, summed per word (see framing.model.features)
    prior_stems: dict[str, float]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Linear:
        return cls(
            float(data["intercept"]),
            _floats(data["weights"]),
            _floats(data.get("prior_words", {})),
            _floats(data.get("prior_stems", {})),
        )

    def prior(self, word: str) -> float:
        """The baked MPQA contribution: an exact entry first, else a stemmed one (as in training)."""
        if word in self.prior_words:
            return self.prior_words[word]
        return self.prior_stems.get(stem(word), 0.0)

    def contributions(self, features: Mapping[str, float], word: str | None = None) -> list[tuple[str, float]]:
        parts = [(name, self.weights[name] * value) for name, value in features.items() if name in self.weights]
        if word is not None:
            prior = self.prior(word)
            if prior:
                parts.append(("mpqa prior", prior))
        return parts

    def probability(self, features: Mapping[str, float], word: str | None = None) -> float:
        weights = self.weights
        total = self.intercept + sum(weights.get(name, 0.0) * value for name, value in features.items())
        if word is not None:
            total += self.prior(word)
        return _sigmoid(total)


def sentence_features(probabilities: list[float], words: list[str]) -> dict[str, float]:
    """What the sentence model sees: how loaded its most loaded words are, and its stems."""
    ranked = sorted(probabilities, reverse=True) or [0.0]
    f = {
        "max": ranked[0],
        "top2": sum(ranked[:2]) / min(2, len(ranked)),
        "mean": sum(ranked) / len(ranked),
        "n>0.3": float(sum(1 for p in ranked if p > 0.3)),
        "n>0.5": float(sum(1 for p in ranked if p > 0.5)),
        "len": math.log1p(len(words)),
    }
    for word in set(words):
        f[f"s={stem(word)}"] = 1.0
    return f


def phrases(
    tokens: Sequence[Token], sentence_of: Sequence[int], probs: list[float], text: str, threshold: float
) -> list[tuple[int, int]]:
    """(first, past-last) token indices of runs of adjacent tokens of one sentence reaching `threshold`."""
    return runs(tokens, sentence_of, {i: p for i, p in enumerate(probs) if p >= threshold}, text)


def runs(
    tokens: Sequence[Token], sentence_of: Sequence[int], flagged: Mapping[int, float], text: str
) -> list[tuple[int, int]]:
    """(first, past-last) token indices of runs of adjacent `flagged` tokens in one sentence.

    Adjacent means separated by nothing but spaces or a hyphen, so "radical left" is one
    finding and "cruel, reckless" two; a run stops after MAX_PHRASE_TOKENS tokens.
    """
    found = []
    end = 0  # past the last run: a run's tokens start no other
    for i in sorted(flagged):
        if i < end:
            continue
        j = i + 1
        while (
            j in flagged
            and j - i < MAX_PHRASE_TOKENS
            and sentence_of[j] == sentence_of[i]
            and text[tokens[j - 1].end : tokens[j].start].strip() in ("", "-")
        ):
            j += 1
        found.append((i, j))
        end = j
    return found


def damp_repeats(tokens: Sequence[Token], probs: list[float]) -> list[float]:
    """`probs` with every use after the first of a word stem used TOPIC_USES times or more scaled down."""
    stems = [stem(t.text.lower()) for t in tokens]
    damped = _damped(stems, dict(enumerate(probs)))
    return [damped[k] for k in range(len(probs))]


def _damped(stems: list[str], probs: Mapping[int, float]) -> dict[int, float]:
    """The probabilities of `probs` (token index -> probability) damped as :func:`damp_repeats` says;
    `stems` has every token of the article, `probs` only those that matter."""
    damped = dict(probs)
    if len(probs) <= FEW_CONFIDENT:
        for k, p in probs.items():
            s = stems[k]
            if stems.count(s) >= TOPIC_USES:
                damped[k] = p * REPEAT_DECAY ** (stems[: k + 1].count(s) - 1)
        return damped
    uses: dict[str, int] = {}
    for s in stems:
        uses[s] = uses.get(s, 0) + 1
    seen: dict[str, int] = {}
    for k, s in enumerate(stems):
        if uses[s] >= TOPIC_USES:
            n = seen[s] = seen.get(s, 0) + 1
            if k in damped:
                damped[k] *= REPEAT_DECAY ** (n - 1)
    return damped


def suppressed(tokens: Sequence[Token], probs: list[float], spans: Sequence[tuple[int, int]]) -> list[float]:
    """`probs` with 0 for every token that lies inside one of `spans`."""
    if not spans:
        return probs
    inside = [_inside(t, spans) for t in tokens]
    return [0.0 if out else p for p, out in zip(probs, inside, strict=True)]


def _inside(token: Token, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= token.start and token.end <= b for a, b in spans)


class Detector:
    """The token model, the sentence model and the threshold chosen when training."""

    def __init__(self, data: Mapping[str, Any], sha256: str = "") -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model file")
        self.token = Linear.from_dict(data["token_model"])
        self.sentence = Linear.from_dict(data["sentence_model"])
        self.threshold = float(data["threshold"])
        self.prior_pos: dict[str, str] = _strings(data.get("prior_pos", {}))
        self.provenance: dict[str, Any] = dict(data.get("provenance", {}))
        self.sha256 = sha256
        # The same sum as Linear.probability, with what depends on a token's text alone kept per text.
        self._scorer = TokenScorer(self.token.intercept, self.token.weights, self.token.prior, vader_lexicon)

    @classmethod
    def load(cls, path: Path) -> Detector:
        try:
            raw = path.read_bytes()
            return cls(json.loads(raw), hashlib.sha256(raw).hexdigest())
        except OSError as exc:
            raise DataError(path, f"cannot read the model file ({exc.strerror or exc})") from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise DataError(path, f"not a usable model file ({exc})") from None

    def rows(self, doc: Doc, lex: Lexicons | None) -> list[TokenRow]:
        return doc_features(doc, lex, vader_lexicon())

    def score(self, doc: Doc, lex: Lexicons | None) -> tuple[Layout, list[float]]:
        """Every token's probability, fast (:meth:`rows` and :meth:`token_probabilities` give the same, slowly)."""
        lay = layout(doc, lex)
        exp = math.exp
        return lay, [1.0 / (1.0 + exp(-x)) if x > -30 else 0.0 for x in self._scorer.logits(lay)]

    def token_probabilities(self, rows: list[TokenRow]) -> list[float]:
        return [self.token.probability(r.features, r.token.text.lower()) for r in rows]

    def evidence(self, row: TokenRow) -> tuple[str, ...]:
        """The features that pushed this token up most, as short readable strings."""
        parts = self.token.contributions(row.features, row.token.text.lower())
        top = sorted((p for p in parts if p[1] > 0 and p[0] != "bias"), key=lambda p: -p[1])[:EVIDENCE_FEATURES]
        return tuple(f"{name} (+{weight:.2f})" for name, weight in top)

    def find(
        self,
        doc: Doc,
        lex: Lexicons | None,
        min_confidence: float,
        rows: list[TokenRow] | None = None,
        suppress: Sequence[tuple[int, int]] = (),
    ) -> list[ModelFind]:
        """Runs of adjacent tokens of one sentence whose probability reaches `min_confidence`.

        A word's later uses count less when the article keeps using it (:func:`damp_repeats`);
        tokens inside a `suppress` span (words another extractor reports) are never found."""
        if rows is None:
            lay = layout(doc, lex)
            tokens, sentence_of = lay.tokens, lay.sentence_of
            flagged = self._confident(lay, min_confidence, suppress)
            valence = vader_lexicon()

            def full(k: int) -> TokenRow:
                features = {**word_features(lay.word(k), valence), **lay.context(k).features()}
                return TokenRow(tokens[k], sentence_of[k], features)
        else:
            probs = self.token_probabilities(rows)
            tokens, sentence_of = [r.token for r in rows], [r.sentence for r in rows]
            probs = suppressed(tokens, damp_repeats(tokens, probs), suppress)
            flagged = {k: p for k, p in enumerate(probs) if p >= min_confidence}

            def full(k: int) -> TokenRow:
                return rows[k]

        finds = []
        for i, j in runs(tokens, sentence_of, flagged, doc.text):
            best = max(range(i, j), key=flagged.__getitem__)
            start, end = tokens[i].start, tokens[j - 1].end
            evidence = self.evidence(full(best))
            finds.append(ModelFind(start, end, doc.text[start:end], round(flagged[best], 4), evidence, sentence_of[i]))
        return finds

    def _confident(self, lay: Layout, min_confidence: float, suppress: Sequence[tuple[int, int]]) -> dict[int, float]:
        """Token index -> probability, damped and suppressed as in :meth:`find`, of the tokens reaching the threshold.

        Damping and suppressing only lower a probability, so only tokens whose own probability reaches
        the threshold can be found: for a threshold inside (0, 1) the logistic, the stems and the spans
        are computed for those few alone (the cut in logit space has a margin far above rounding)."""
        xs = self._scorer.logits(lay)
        if 0 < min_confidence < 1:
            cut = math.log(min_confidence / (1 - min_confidence)) - 1e-6
            candidates: Iterable[int] = compress(count(), map(cut.__le__, xs))
        else:
            candidates = range(len(xs))
        exp = math.exp
        raw = {}
        for k in candidates:
            x = xs[k]
            p = 1.0 / (1.0 + exp(-x)) if x > -30 else 0.0
            if p >= min_confidence:
                raw[k] = p
        if not raw:
            return raw
        damped = _damped(self._scorer.stems(lay.texts), raw)
        tokens = lay.tokens
        final = {k: 0.0 if suppress and _inside(tokens[k], suppress) else p for k, p in damped.items()}
        return {k: p for k, p in final.items() if p >= min_confidence}

    def sentence_probabilities(self, doc: Doc, rows: list[TokenRow], probs: list[float]) -> list[float]:
        """Probability that each sentence of `doc` uses loaded language (BABE's Biased label)."""
        by_sentence: dict[int, tuple[list[float], list[str]]] = {}
        for row, p in zip(rows, probs, strict=True):
            ps, ws = by_sentence.setdefault(row.sentence, ([], []))
            ps.append(p)
            ws.append(row.token.text.lower())
        return [
            self.sentence.probability(sentence_features(*by_sentence.get(i, ([], []))))
            for i in range(len(doc.sentences))
        ]


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    from framing.extract.sentiment import analyzer

    return analyzer().lexicon


def model_path() -> Path:
    from framing.resources import model_dir

    return model_dir() / MODEL_FILE


@lru_cache(maxsize=1)
def shipped() -> Detector:
    """The packaged model, read on first use and kept for the life of the process."""
    return Detector.load(model_path())


@lru_cache(maxsize=1)
def model_version() -> str:
    """Short hash of the shipped model file, part of the store's analysis version."""
    try:
        path = model_path()
    except FileNotFoundError:  # an installation without the models folder: lexicons only
        return "none"
    return hashlib.sha256(path.read_bytes()).hexdigest()[:8] if path.is_file() else "none"
