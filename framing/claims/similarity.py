"""Wording similarity of claim units, computed only for the pairs that can matter.

A dense n x n similarity matrix costs 8 n^2 bytes (800 MB at 10,000 units, 80 GB at
100,000), yet two units can only report the same fact if they share something specific:
a rare word or word pair, a number, or a name beyond the main actors. So candidate pairs
come from an inverted index of those *block keys* (a sparse unit x key matrix whose
product with its transpose, taken a slice of rows at a time, lists every pair sharing a
key), and the similarity is computed for candidates only, or on demand for the few other
pairs the clustering asks about. A key shared by more than :data:`MAX_KEY_UNITS` units
names a topic, not a claim ("troops", "NATO"), and blocks nothing.

The similarity itself is unchanged: the mean of two TF-IDF cosines fitted on every unit,
stemmed word unigrams and bigrams and character 3-5-grams within words. A pair's value is
the same sparse dot product, summed in the same order, as in the full matrix. Character
vectors are kept in float32: they are most of the memory (some 300 non-zeros a unit), and
on the seeds every group, label, cohesion and gold figure is the same as in float64.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from framing.claims.units import Unit
from framing.text import build_analyzer, fold

WORD_WEIGHT = 0.5  # the rest is the character n-gram cosine
MAIN_ACTORS = frozenset({"US", "NATO", "Russia", "Ukraine", "EU"})
MAX_KEY_UNITS = 100  # a block key shared by more units than this is a topic word, not a claim's
ROW_SLICE = 512  # rows of the key product taken at once
PAIR_BATCH = 4_000_000  # at most this many unit x unit products per similarity batch

# Numbers are checked by value (numbers_agree), so no word containing a digit counts towards wording.
word_analyzer = build_analyzer(
    fold_accents=True, stem_words=True, stop_words="english", ngram_range=(1, 2), numbers="drop_any_digit"
)


_ASCII_DIGITS = str.maketrans("0123456789", " " * 10)


def _char_text(text: str) -> str:
    """Folded text with digits blanked: numbers are compared by value, not spelling."""
    folded = fold(text)
    if folded.isascii():
        return folded.translate(_ASCII_DIGITS)
    return "".join(" " if c.isdigit() else c for c in folded)


class UnitSimilarity:
    """TF-IDF vectors of the units and the similarity of the pairs asked for (cached, symmetric).

    ``get(i, j)`` is one pair; :meth:`candidates` lists the cross-outlet pairs sharing a
    block key with their similarity. Nothing n x n is ever built.
    """

    def __init__(self, units: Sequence[Unit]) -> None:
        self.units = list(units)
        self._cache: dict[tuple[int, int], float] = {}
        self.scored = 0  # cross-outlet pairs sharing a block key, whose similarity was computed
        texts = [u.text for u in self.units]
        if not texts:
            self.words = self.chars = sp.csr_matrix((0, 0))
            return
        self.words = TfidfVectorizer(analyzer=word_analyzer, sublinear_tf=True).fit_transform(texts).tocsr()
        self.chars = (
            TfidfVectorizer(
                analyzer="char_wb", ngram_range=(3, 5), preprocessor=_char_text, sublinear_tf=True, dtype=np.float32
            )
            .fit_transform(texts)
            .tocsr()
        )

    def __len__(self) -> int:
        return len(self.units)

    def get(self, i: int, j: int) -> float:
        if i == j:
            return 1.0
        key = (i, j) if i < j else (j, i)
        value = self._cache.get(key)
        if value is None:
            value = float(self.scores(np.array([key[0]]), np.array([key[1]]))[0])
            self._cache[key] = value
        return value

    def many(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        """Similarities of several pairs, the uncached ones computed in one batch."""
        keys = [(i, j) if i < j else (j, i) for i, j in pairs]
        missing = sorted({k for k in keys if k[0] != k[1] and k not in self._cache})
        if missing:
            rows = np.array([k[0] for k in missing], dtype=np.int64)
            cols = np.array([k[1] for k in missing], dtype=np.int64)
            self._cache.update(zip(missing, self.scores(rows, cols).tolist(), strict=True))
        return [1.0 if i == j else self._cache[(i, j)] for i, j in keys]

    def scores(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Similarity of each pair (rows[k], cols[k]): row blocks times their columns, split until small."""
        if not len(rows):
            return np.zeros(0)
        urows = np.unique(rows)
        if len(urows) == 1 or len(urows) * len(np.unique(cols)) <= PAIR_BATCH:
            return self._block_scores(rows, cols)
        low = rows <= urows[len(urows) // 2 - 1]
        out = np.empty(len(rows))
        out[low] = self.scores(rows[low], cols[low])
        out[~low] = self.scores(rows[~low], cols[~low])
        return out

    def _block_scores(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        urows, ri = np.unique(rows, return_inverse=True)
        ucols, ci = np.unique(cols, return_inverse=True)
        words = (self.words[urows] @ self.words[ucols].T).tocsr()
        chars = (self.chars[urows] @ self.chars[ucols].T).tocsr()
        w = np.asarray(words[ri, ci]).ravel()
        c = np.asarray(chars[ri, ci]).ravel()
        return WORD_WEIGHT * w + (1 - WORD_WEIGHT) * c

    def block_keys(self) -> sp.csr_matrix:
        """Unit x key incidence: rare stemmed words and word pairs, numbers, names beyond the main actors."""
        columns: dict[str, int] = {}
        indices: list[int] = []
        indptr = [0]
        for k, unit in enumerate(self.units):
            start, end = self.words.indptr[k], self.words.indptr[k + 1]
            keys = {f"w{t}" for t in self.words.indices[start:end]}
            keys.update(f"n{value!r}" for value in unit.numbers)
            keys.update(f"p{name}" for name in unit.names - MAIN_ACTORS)
            indices.extend(columns.setdefault(key, len(columns)) for key in sorted(keys))
            indptr.append(len(indices))
        data = np.ones(len(indices), dtype=np.int32)
        incidence = sp.csr_matrix(
            (data, np.array(indices, dtype=np.int64), np.array(indptr, dtype=np.int64)),
            shape=(len(self.units), len(columns)),
        )
        df = np.bincount(incidence.indices, minlength=len(columns))
        keep = np.flatnonzero((df >= 2) & (df <= MAX_KEY_UNITS))
        return incidence[:, keep].tocsr()

    def candidates(self, outlets: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Pairs i < j from different outlets that share a block key and reach ``threshold``: (rows, cols, sims).

        The key product is taken :data:`ROW_SLICE` rows at a time and thresholded there, so
        memory follows the number of candidate pairs, not n^2.
        """
        n = len(self.units)
        if n < 2:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0)
        keys = self.block_keys()
        keys_t = keys.T.tocsr()
        found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for start in range(0, n, ROW_SLICE):
            shared = (keys[start : start + ROW_SLICE] @ keys_t).tocoo()
            rows = shared.row.astype(np.int64) + start
            cols = shared.col.astype(np.int64)
            keep = (cols > rows) & (outlets[rows] != outlets[cols])
            rows, cols = rows[keep], cols[keep]
            self.scored += len(rows)
            sims = self.scores(rows, cols)
            keep = sims >= threshold
            found.append((rows[keep], cols[keep], sims[keep]))
        rows = np.concatenate([f[0] for f in found])
        cols = np.concatenate([f[1] for f in found])
        sims = np.concatenate([f[2] for f in found])
        self._cache.update(zip(zip(rows.tolist(), cols.tolist(), strict=True), sims.tolist(), strict=True))
        return rows, cols, sims
