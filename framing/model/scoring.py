"""The token model's sum for every token of a document, fast: per-word tables and list passes.

`analyze` scores every word token of every article, so this is the detector's inner loop. A
token's logit is the weighted sum of its features (:mod:`framing.model.features`): its own
word's features, its neighbours, its place in the sentence, a name-like capital, a quotation and
a lexicon entry around it. All but the last three depend on token texts alone, so each distinct
text is looked up once per process and kept in tables; a document then costs a few list passes
that run in C (``map``, ``zip``, ``compress``) instead of a Python loop per token.

The additions are made in the order of the plain per-token sum (own words, then the neighbours,
then the place, name-like, quoted and lexicon terms), so the floats are the same to the last bit
(tests/test_model.py compares them with the feature rows). Nothing here depends on the lexicons:
a document's lexicon hits are added per document, never kept.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Callable, Mapping
from itertools import compress

from framing.model.features import Layout, position, shape, word_features
from framing.text import stem

MAX_TEXTS = 500_000  # distinct token texts remembered; the tables start again when full


class TokenScorer:
    """Logits of a token model, with its per-text tables (filled on first sight of a text)."""

    def __init__(
        self,
        intercept: float,
        weights: Mapping[str, float],
        prior: Callable[[str], float],
        valence: Callable[[], Mapping[str, float]],
    ) -> None:
        self._weights = weights
        self._prior = prior  # baked MPQA weight of a lower-cased word
        self._valence = valence  # VADER's lexicon, read on first need
        self._base = intercept + weights.get("bias", 0.0)
        self._start = weights.get("prev=<s>", 0.0)
        self._end = weights.get("next=</s>", 0.0)
        self._name_like = weights.get("name-like", 0.0)
        self._quoted = weights.get("quoted", 0.0)
        self._places: dict[int, list[float]] = {}  # sentence length -> weight of each place in it
        self._own: dict[str, float] = {}  # a word as read -> the weighted sum of its own features
        # per token text as written:
        self._in_title: dict[str, float] = {}  # its own-features sum in a title-case sentence (read lower-cased)
        self._prev_base: dict[str, float] = {}  # intercept + weight of prev=<it> (added to the token after it)
        self._next: dict[str, float] = {}  # weight of next=<it> (added to the token before it)
        self._stem: dict[str, str] = {}
        self._name_shaped: set[str] = set()  # capitalised like a name ("Hale", not "NATO" or "mayor")

    def own(self, text: str) -> float:
        """The weighted sum of the features of `text` itself (word_features) plus its MPQA prior."""
        score = self._own.get(text)
        if score is None:
            weights = self._weights
            features = word_features(text, self._valence())
            score = sum(weights.get(name, 0.0) * value for name, value in features.items())
            score = self._own[text] = score + self._prior(text.lower())
        return score

    def _learn(self, texts: list[str]) -> None:
        """Fill the tables for the texts of `texts` not seen before."""
        missing = set(texts).difference(self._prev_base)
        if not missing:
            return
        if len(self._prev_base) + len(missing) > MAX_TEXTS:  # a long run over new vocabulary: bounded memory
            for table in (self._own, self._in_title, self._prev_base, self._next, self._stem, self._name_shaped):
                table.clear()
            missing = set(texts)
        weights = self._weights
        for text in missing:
            low = text.lower()
            titled_shape = shape(text) == "Xx"
            self._prev_base[text] = self._base + weights.get("prev=" + low, 0.0)
            self._next[text] = weights.get("next=" + low, 0.0)
            own = self.own(text)
            self._in_title[text] = self.own(low) if titled_shape else own
            self._stem[text] = stem(low)
            if titled_shape and text[:1].isupper():
                self._name_shaped.add(text)

    def _place_weights(self, length: int) -> list[float]:
        weights = self._places.get(length)
        if weights is None:
            weights = self._places[length] = [
                self._weights.get("pos=" + position(k, length), 0.0) for k in range(length)
            ]
        return weights

    def logits(self, lay: Layout) -> list[float]:
        """Every token's weighted feature sum, in text order (the probability is its logistic)."""
        texts = lay.texts
        if not texts:
            return []
        try:  # every text seen before (the usual case): no set of the article's words to build
            prev = list(map(self._prev_base.__getitem__, texts))
        except KeyError:
            self._learn(texts)
            prev = list(map(self._prev_base.__getitem__, texts))
        first, last, titled = lay.first, lay.last, lay.titled
        start, end = self._base + self._start, self._end
        own = list(map(self._own.__getitem__, texts))
        # what each token's left neighbour adds, with the intercept (as the plain sum adds them: base + prev)
        before = [start, *prev[:-1]]
        after = [*map(self._next.__getitem__, texts[1:]), end]
        places: list[float] = []
        for g, (a, b) in enumerate(zip(first, last, strict=True)):
            before[a] = start
            after[b - 1] = end
            places += self._place_weights(b - a)
            if titled[g]:
                own[a:b] = map(self._in_title.__getitem__, texts[a:b])
        add = operator.add  # ((own + (base + prev)) + next) + place, element by element in C
        xs = list(map(add, map(add, map(add, own, before), after), places))
        if self._name_like:  # capitalised mid-sentence, outside a headline
            group_of = lay.group_of
            for i in compress(range(len(texts)), map(self._name_shaped.__contains__, texts)):
                g = group_of[i]
                if i != first[g] and not titled[g]:
                    xs[i] += self._name_like
        if self._quoted and lay.q_starts:
            token_starts = [t.start for t in lay.tokens]
            for a, b in zip(lay.q_starts, lay.q_ends, strict=True):
                for i in range(bisect.bisect_left(token_starts, a), bisect.bisect_left(token_starts, b)):
                    xs[i] += self._quoted
        for i, category in lay.hits.items():
            xs[i] += self._weights.get("lex=" + category, 0.0)
        return xs

    def stems(self, texts: list[str]) -> list[str]:
        """The stem of each text; every text must have been scored (:meth:`logits`) first."""
        return list(map(self._stem.__getitem__, texts))
