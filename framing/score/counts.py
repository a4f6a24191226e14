"""The count table: one row per sentence, one named column per count, the only input of scoring.

Every score in :mod:`framing.score.profile` is a function of column sums, so extraction
is turned into counts once (:func:`count_table`, one streaming pass over an article's
findings) and the scorers only add rows up. The feature store keeps the same rows
(``sentence_counts``) and their per-article sums (``article_counts``), so a profile read
from the store sums exactly the numbers a profile of fresh features sums.

Columns (docs/scores.md and docs/store.md say what each means):

* fixed, present in every table: :data:`FIXED_COLUMNS` (``sentences`` is 1 per row,
  ``words``, ``compound``, ``loaded``, ``loaded_persp:<perspective>``, ``hedges``,
  ``attr:<stance>``, ``quote_side:<side>``, ...);
* per actor and actor group, present when the article mentions one:
  ``actor_m:<actor>`` (mentions), ``actor:<actor>`` (1 if the sentence mentions it),
  ``actor_c:<actor>`` (the sentence's compound where it does), and ``group:<group>``,
  ``group_c:<group>`` likewise.

Column order is canonical (:func:`ordered_columns`): the fixed columns, then the actor
columns sorted, so two tables over the same sentences are the same matrix whichever way
they were built, and bootstrap draws over them give the same figures.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.extract.features import HEDGE_KINDS, ArticleFeatures
from framing.lexicon.bundle import CATEGORIES, PERSPECTIVES, STANCES, VOCABULARY
from framing.lexicon.vocabulary import Vocabulary
from framing.text import count_words

# The balance index counts these sides; EU, media and other speakers are pooled as "other",
# quotes with no identified speaker ("unknown") are left out of shares and the index.
BALANCE_SIDES = list(VOCABULARY.balance_sides)  # lexicons/vocabulary.csv: EU and media speakers pooled as "other"
TO_BALANCE = dict(VOCABULARY.to_balance)

FIXED_COLUMNS: tuple[str, ...] = (
    "sentences",
    "words",
    "compound",
    "loaded",
    "loaded_own",
    "loaded_origin:lexicon",  # a lexicon entry matched
    "loaded_origin:model",  # the learned detector found it (framing.model)
    *(f"loaded_persp:{p}" for p in PERSPECTIVES),
    *(f"loaded_cat:{c}" for c in CATEGORIES),
    "hedges",
    "scare_quotes",
    "attribution",
    *(f"attr:{s}" for s in STANCES),
    "quotes",
    "quoted_words",
    "quotes_known",
    "qwords_known",
    *(f"quote_side:{s}" for s in BALANCE_SIDES),
    *(f"qwords_side:{s}" for s in BALANCE_SIDES),
)
_FIXED = frozenset(FIXED_COLUMNS)


def ordered_columns(names: Iterable[str]) -> list[str]:
    """Every fixed column, then the other (actor) columns among ``names``, sorted."""
    return [*FIXED_COLUMNS, *sorted({n for n in names if n not in _FIXED})]


@dataclass(frozen=True)
class CountTable:
    """Rows (sentences, or articles when summed) x named count columns, as a float matrix."""

    columns: list[str]
    values: np.ndarray

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.values, columns=self.columns)

    def totals(self) -> dict[str, float]:
        """Column sums of the table: an article's row when it is one article's sentences."""
        sums = self.values.sum(axis=0) if len(self.values) else np.zeros(len(self.columns))
        return dict(zip(self.columns, (float(x) for x in sums), strict=True))


def count_table(f: ArticleFeatures, vocab: Vocabulary = VOCABULARY) -> CountTable:
    """One row per sentence of the article, one column per count (see the module docstring).

    A finding belongs to the sentence its start falls in (an offset before the first
    sentence counts in the first); an actor mention names its sentence itself.
    """
    n = len(f.sentences)
    starts = [s.start for s in f.sentences]
    cols: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(n))

    def at(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    cols["sentences"] = np.ones(n)
    cols["words"] = np.array([count_words(f.text[s.start : s.end]) for s in f.sentences], dtype=float)
    cols["compound"] = np.array([s.compound for s in f.sentences], dtype=float)
    if n:
        _count_findings(f, cols, at, vocab.to_balance)
    columns = ordered_columns(cols)
    values = np.column_stack([cols[c] for c in columns]) if n else np.zeros((0, len(columns)))
    return CountTable(columns, values)


def _count_findings(f: ArticleFeatures, cols: dict[str, np.ndarray], at, to_balance: dict[str, str]) -> None:
    for t in f.loaded_terms:
        i = at(t.start)
        cols["loaded"][i] += 1
        cols["loaded_own"][i] += not t.quoted
        cols[f"loaded_origin:{t.origin}"][i] += 1
        cols[f"loaded_persp:{t.perspective}"][i] += 1
        cols[f"loaded_cat:{t.category}"][i] += 1
    for h in f.hedges:
        i = at(h.start)
        if h.type in HEDGE_KINDS:
            cols["hedges"][i] += 1
        if h.type == "scare_quote":
            cols["scare_quotes"][i] += 1
        if h.type == "attribution":
            cols["attribution"][i] += 1
            cols[f"attr:{h.stance}"][i] += 1
    for q in f.quotes:
        i = at(q.start)
        cols["quotes"][i] += 1
        cols["quoted_words"][i] += q.n_words
        side = to_balance.get(q.side)
        if side is not None:
            cols["quotes_known"][i] += 1
            cols["qwords_known"][i] += q.n_words
            cols[f"quote_side:{side}"][i] += 1
            cols[f"qwords_side:{side}"][i] += q.n_words
    n = len(f.sentences)
    actors: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for m in f.actor_mentions:
        if m.sentence < n:
            actors[m.sentence].add((m.actor, m.group))
            cols[f"actor_m:{m.actor}"][m.sentence] += 1
    for i, found in actors.items():
        compound = f.sentences[i].compound
        for actor, _ in found:
            cols[f"actor:{actor}"][i] = 1
            cols[f"actor_c:{actor}"][i] = compound
        for group in {g for _, g in found}:
            cols[f"group:{group}"][i] = 1
            cols[f"group_c:{group}"][i] = compound


def stack(tables: Sequence[CountTable]) -> CountTable:
    """Rows of several tables one after the other; a column missing from a table is 0 there."""
    columns = ordered_columns(c for t in tables for c in t.columns)
    index = {c: i for i, c in enumerate(columns)}
    values = np.zeros((sum(len(t.values) for t in tables), len(columns)))
    row = 0
    for t in tables:
        where = [index[c] for c in t.columns]
        values[row : row + len(t.values), where] = t.values
        row += len(t.values)
    return CountTable(columns, values)


def article_rows(totals: Sequence[dict[str, float]]) -> CountTable:
    """One row per article from each article's column sums (:meth:`CountTable.totals`)."""
    columns = ordered_columns(c for t in totals for c in t)
    index = {c: i for i, c in enumerate(columns)}
    values = np.zeros((len(totals), len(columns)))
    for row, t in enumerate(totals):
        for c, v in t.items():
            values[row, index[c]] = v
    return CountTable(columns, values)
