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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from framing.errors import DataError
from framing.lexicon.bundle import Lexicons
from framing.model.features import Layout, TokenRow, doc_features, layout, position, shape, word_features
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
            {str(k): float(v) for k, v in data["weights"].items()},
            {str(k): float(v) for k, v in data.get("prior_words", {}).items()},
            {str(k): float(v) for k, v in data.get("prior_stems", {}).items()},
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
    """(first, past-last) token indices of runs of adjacent flagged tokens in one sentence.

    Adjacent means separated by nothing but spaces or a hyphen, so "radical left" is one
    finding and "cruel, reckless" two; a run stops after MAX_PHRASE_TOKENS tokens.
    """
    runs = []
    i = 0
    n = len(tokens)
    while i < n:
        if probs[i] < threshold:
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and j - i < MAX_PHRASE_TOKENS
            and probs[j] >= threshold
            and sentence_of[j] == sentence_of[i]
            and text[tokens[j - 1].end : tokens[j].start].strip() in ("", "-")
        ):
            j += 1
        runs.append((i, j))
        i = j
    return runs


def damp_repeats(tokens: Sequence[Token], probs: list[float]) -> list[float]:
    """`probs` with every use after the first of a word stem used TOPIC_USES times or more scaled down."""
    stems = [stem(t.text.lower()) for t in tokens]
    uses: dict[str, int] = {}
    for s in stems:
        uses[s] = uses.get(s, 0) + 1
    topic = {s for s, n in uses.items() if n >= TOPIC_USES}
    if not topic:
        return probs
    damped = list(probs)
    seen: dict[str, int] = {}
    for k, s in enumerate(stems):
        if s in topic:
            n = seen[s] = seen.get(s, 0) + 1
            damped[k] *= REPEAT_DECAY ** (n - 1)
    return damped


def suppressed(tokens: Sequence[Token], probs: list[float], spans: Sequence[tuple[int, int]]) -> list[float]:
    """`probs` with 0 for every token that lies inside one of `spans`."""
    if not spans:
        return probs
    inside = [any(a <= t.start and t.end <= b for a, b in spans) for t in tokens]
    return [0.0 if out else p for p, out in zip(probs, inside, strict=True)]


class Detector:
    """The token model, the sentence model and the threshold chosen when training."""

    def __init__(self, data: Mapping[str, Any], sha256: str = "") -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model file")
        self.token = Linear.from_dict(data["token_model"])
        self.sentence = Linear.from_dict(data["sentence_model"])
        self.threshold = float(data["threshold"])
        self.prior_pos: dict[str, str] = {str(k): str(v) for k, v in data.get("prior_pos", {}).items()}
        self.provenance: dict[str, Any] = dict(data.get("provenance", {}))
        self.sha256 = sha256
        # The same sum as Linear.probability, split so that a word's own features are added up
        # once per distinct word and its context costs a few lookups (see score()).
        w = self.token.weights
        self._word_scores: dict[str, float] = {}
        self._by_prefix = {
            prefix: {k[len(prefix) :]: v for k, v in w.items() if k.startswith(prefix)}
            for prefix in ("prev=", "next=", "pos=", "lex=")
        }
        self._base = self.token.intercept + w.get("bias", 0.0)
        self._name_like = w.get("name-like", 0.0)
        self._quoted = w.get("quoted", 0.0)

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

    def _word_score(self, text: str) -> float:
        score = self._word_scores.get(text)
        if score is None:
            weights = self.token.weights
            features = word_features(text, vader_lexicon())
            score = sum(weights.get(name, 0.0) * value for name, value in features.items())
            score = self._word_scores[text] = score + self.token.prior(text.lower())
        return score

    def score(self, doc: Doc, lex: Lexicons | None) -> tuple[Layout, list[float]]:
        """Every token's probability, fast (:meth:`rows` and :meth:`token_probabilities` give the same, slowly).

        This loop runs on every token of every article, so it is written for speed: the
        word's own features come from a per-word cache and the context costs four lookups."""
        t = self._by_prefix
        prev_w, next_w, pos_w, lex_w = t["prev="], t["next="], t["pos="], t["lex="]
        base, name_w, quoted_w = self._base, self._name_like, self._quoted
        cache, word_score, exp = self._word_scores, self._word_score, math.exp
        lay = layout(doc, lex)
        words, tokens, group_of, firsts, lasts = lay.words, lay.tokens, lay.group_of, lay.first, lay.last
        q_starts, q_ends, hits, titled = lay.q_starts, lay.q_ends, lay.hits, lay.titled
        probs: list[float] = []
        append = probs.append
        q, n_quotes = 0, len(q_starts)
        for i, token in enumerate(tokens):
            # the same sum as Layout.context(i).features() weighted, without building the context
            text = token.text
            g = group_of[i]
            if titled[g] and shape(text) == "Xx":
                text = lay.word(i)
            x = cache.get(text)
            if x is None:
                x = word_score(text)
            first, last = firsts[g], lasts[g]
            k = i - first
            x += base + prev_w.get(words[i - 1] if k else "<s>", 0.0)
            x += next_w.get(words[i + 1] if i + 1 < last else "</s>", 0.0)
            x += pos_w.get(position(k, last - first), 0.0)
            if k and not titled[g] and text[:1].isupper() and shape(text) == "Xx":
                x += name_w
            if n_quotes:  # tokens come in text order: walk the merged quotation spans alongside
                start = token.start
                while q < n_quotes and q_ends[q] <= start:
                    q += 1
                if q < n_quotes and q_starts[q] <= start:
                    x += quoted_w
            if hits and i in hits:
                x += lex_w.get(hits[i], 0.0)
            append(1.0 / (1.0 + exp(-x)) if x > -30 else 0.0)
        return lay, probs

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
            lay, probs = self.score(doc, lex)
            tokens, sentence_of = lay.tokens, lay.sentence_of
            valence = vader_lexicon()

            def full(k: int) -> TokenRow:
                features = {**word_features(lay.word(k), valence), **lay.context(k).features()}
                return TokenRow(tokens[k], sentence_of[k], features)
        else:
            probs = self.token_probabilities(rows)
            tokens, sentence_of = [r.token for r in rows], [r.sentence for r in rows]

            def full(k: int) -> TokenRow:
                return rows[k]

        probs = suppressed(tokens, damp_repeats(tokens, probs), suppress)
        finds = []
        for i, j in phrases(tokens, sentence_of, probs, doc.text, min_confidence):
            best = max(range(i, j), key=lambda k: probs[k])
            start, end = tokens[i].start, tokens[j - 1].end
            evidence = self.evidence(full(best))
            finds.append(ModelFind(start, end, doc.text[start:end], round(probs[best], 4), evidence, sentence_of[i]))
        return finds

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
