"""Scores per outlet and per article, and comparisons between outlets.

The stable API (the report builds on it; column meanings are in each function's
docstring and in docs/scores.md):

- :func:`outlet_profiles` one row per outlet, every score with ``_lo``, ``_hi``, ``_n``, ``_flag``
- :func:`article_scores` the same per article
- :func:`quote_balance` long: outlet, side, n_quotes, quoted_words, share_quotes, share_words
- :func:`actor_sentiment` long: outlet, actor, group, mentions, sentences, mean_compound, lo, hi, flag
- :func:`loaded_by_category` long: outlet, category, perspective, count, count_own, per_1k, per_1k_own
- :func:`distinctive_terms` Fightin' Words: term, ngram, count_a, count_b, delta, z, side
- :func:`compare` a :class:`Comparison` holding every frame of `framing compare`
- :func:`similarity` (TF-IDF cosine, profile cosine), outlet x outlet
- :func:`outlet_map` outlet, x, y, method, explained
- :func:`default_pairs` the most and least similar pair of outlets; :func:`label` a score's readable name
"""

from framing.score.compare import DEFAULT_MIN_Z, DEFAULT_TOP, Comparison, compare
from framing.score.fightin_words import distinctive_terms
from framing.score.naming import naming_counts, naming_differences
from framing.score.profile import (
    HEDGE_COLUMN,
    SCORE_NAMES,
    SCORES,
    actor_sentiment,
    article_scores,
    label,
    loaded_by_category,
    outlet_profiles,
    quote_balance,
    top_speakers,
)
from framing.score.similarity import default_pairs, outlet_map, similarity

__all__ = [
    "DEFAULT_MIN_Z",
    "DEFAULT_TOP",
    "HEDGE_COLUMN",
    "SCORES",
    "SCORE_NAMES",
    "Comparison",
    "actor_sentiment",
    "article_scores",
    "compare",
    "default_pairs",
    "distinctive_terms",
    "label",
    "loaded_by_category",
    "naming_counts",
    "naming_differences",
    "outlet_map",
    "outlet_profiles",
    "quote_balance",
    "similarity",
    "top_speakers",
]
