"""Distinctive vocabulary: weighted log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi and Quinn (2008), "Fightin' Words: Lexical Feature Selection and
Evaluation for Identifying the Content of Political Conflict", Political Analysis 16(4).
Raw frequency differences favour common words and raw log-odds favour rare ones; the
prior (the whole corpus's word frequencies, scaled to ``alpha0`` pseudo-counts) shrinks
rare words towards the corpus rate, and dividing by the estimated standard deviation
gives a z-score whose size reflects how much evidence there is, not only how big the
gap is. With one article per side the evidence is thin and |z| stays modest; that is
the honest answer, so the threshold is the user's to set and is printed with the result.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from framing.extract.features import ArticleFeatures
from framing.text import ENGLISH_STOP_WORDS, MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAYS, build_analyzer

DEFAULT_ALPHA0 = 500.0
# Weekday and month names are dropped too: they mark when an article appeared, not how it frames.
CALENDAR_WORDS = frozenset((*WEEKDAYS, *MONTH_NAMES, *MONTH_ABBREVIATIONS))
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | CALENDAR_WORDS

COLUMNS = ["term", "ngram", "count_a", "count_b", "delta", "z", "side"]


# Possessives dropped (Russia's -> russia), dotted initialisms kept whole ("U.S." -> "u.s.", not the stop word
# "us" and two single letters), words without a letter left out and never spanned by a bigram.
TERM_OPTIONS: dict = {  # unigrams, then bigrams
    "stop_words": STOP_WORDS,
    "stop_ngrams": "keep_inner",
    "ngram_range": (1, 2),
    "numbers": "drop",
    "join_initialisms": True,
    "drop_possessive": True,
}
_TERMS = build_analyzer(**TERM_OPTIONS)


def sentence_ngrams(sentence: str) -> tuple[list[str], list[str]]:
    """Unigrams and bigrams of one sentence, stop words handled as the module docstring says.

    Unigrams that are stop words (scikit-learn's English list plus weekday and month
    names) are dropped; a bigram is dropped only when both its words
    are stop words, so "so-called security" and "in kiev" survive but "of the" does not.
    A number breaks the sequence: no bigram spans it.
    """
    terms = _TERMS(sentence)  # one pass: the unigrams, then the bigrams (no word holds a space)
    first_bigram = next((k for k, term in enumerate(terms) if " " in term), len(terms))
    return terms[:first_bigram], terms[first_bigram:]


def count_ngrams(features: Iterable[ArticleFeatures]) -> dict[int, Counter[str]]:
    """Unigram (key 1) and bigram (key 2) counts over the cleaned texts, sentence by sentence."""
    counts: dict[int, Counter[str]] = {1: Counter(), 2: Counter()}
    for f in features:
        for sentence in f.sentences:
            unigrams, bigrams = sentence_ngrams(f.text[sentence.start : sentence.end])
            counts[1].update(unigrams)
            counts[2].update(bigrams)
    return counts


def log_odds_z(
    counts_a: Mapping[str, int],
    counts_b: Mapping[str, int],
    background: Mapping[str, float],
    alpha0: float = DEFAULT_ALPHA0,
    totals: tuple[float, float, float] | None = None,
) -> pd.DataFrame:
    """Monroe et al. (2008) eq. 16 and 18 for every term used by A or B.

    alpha_w = alpha0 * background_w / sum(background); with n_a, n_b the total counts,
        delta_w = log((y_aw + alpha_w) / (n_a + alpha0 - y_aw - alpha_w))
                - log((y_bw + alpha_w) / (n_b + alpha0 - y_bw - alpha_w))
        var_w  ~= 1 / (y_aw + alpha_w) + 1 / (y_bw + alpha_w)
        z_w     = delta_w / sqrt(var_w)
    Positive z: more typical of A. Returns term, count_a, count_b, alpha, delta, var, z.

    ``totals`` = (n_a, n_b, background total) when the terms are a subset of the words
    (lexicon phrases among all words): the rest of the vocabulary is then one implicit
    "other" category, and the totals default to the sums of the counts otherwise.
    """
    if alpha0 <= 0:
        raise ValueError("alpha0 must be positive")
    if totals is None:
        n_a, n_b, total = float(sum(counts_a.values())), float(sum(counts_b.values())), float(sum(background.values()))
    else:
        n_a, n_b, total = totals
    terms = sorted(set(counts_a) | set(counts_b))
    missing = [t for t in terms if not total or background.get(t, 0) <= 0]
    if missing:
        raise ValueError(f"background has no count for '{missing[0]}'; it must include every term of A and B")
    rows = []
    for term in terms:
        alpha = alpha0 * background[term] / total
        y_a, y_b = counts_a.get(term, 0), counts_b.get(term, 0)
        rest_a, rest_b = n_a + alpha0 - y_a - alpha, n_b + alpha0 - y_b - alpha
        if rest_a <= 0 or rest_b <= 0:  # the term is the whole vocabulary: its odds are not defined
            delta = float("nan")
        else:
            delta = math.log((y_a + alpha) / rest_a) - math.log((y_b + alpha) / rest_b)
        var = 1 / (y_a + alpha) + 1 / (y_b + alpha)
        rows.append((term, y_a, y_b, alpha, delta, var, delta / math.sqrt(var)))
    return pd.DataFrame(rows, columns=["term", "count_a", "count_b", "alpha", "delta", "var", "z"])


def score_terms(
    features: list[ArticleFeatures], a: list[str], b: list[str], alpha0: float = DEFAULT_ALPHA0
) -> pd.DataFrame:
    """Every unigram and bigram used by A or B with its z; the whole corpus (all features) is the prior.

    Unigrams and bigrams are scored separately (each against its own corpus counts) and
    then stacked. Columns as :func:`distinctive_terms`, plus alpha and var.
    """
    corpus = count_ngrams(features)
    group_a = count_ngrams(f for f in features if f.outlet in a)
    group_b = count_ngrams(f for f in features if f.outlet in b)
    return score_counts(corpus, group_a, group_b, alpha0)


def score_counts(
    corpus: dict[int, Counter[str]],
    group_a: dict[int, Counter[str]],
    group_b: dict[int, Counter[str]],
    alpha0: float = DEFAULT_ALPHA0,
) -> pd.DataFrame:
    """:func:`score_terms` from n-gram counts (:func:`count_ngrams`) of the corpus and of each side."""
    frames = []
    for n in (1, 2):
        scored = log_odds_z(group_a[n], group_b[n], corpus[n], alpha0)
        scored.insert(1, "ngram", n)
        frames.append(scored)
    scored = pd.concat(frames, ignore_index=True)
    scored["side"] = np.where(scored["z"] > 0, "a", "b")
    return scored


def top_by_side(scored: pd.DataFrame, top: int) -> pd.DataFrame:
    """The ``top`` rows of each side by |z| (ties alphabetical), A's first, in :data:`COLUMNS` order."""
    ranked = scored.assign(abs_z=scored["z"].abs())
    parts = [
        ranked[ranked["side"] == side].sort_values(["abs_z", "term"], ascending=[False, True]).head(top)
        for side in ("a", "b")
    ]
    return pd.concat(parts, ignore_index=True)[[*COLUMNS, *(c for c in ranked if c not in (*COLUMNS, "abs_z"))]]


def distinctive_terms(
    features: list[ArticleFeatures],
    a: list[str],
    b: list[str],
    min_z: float = 1.96,
    top: int = 20,
    alpha0: float = DEFAULT_ALPHA0,
) -> pd.DataFrame:
    """Unigrams and bigrams that set outlets ``a`` apart from outlets ``b``, the whole corpus as prior.

    Columns: term; ngram (1 or 2); count_a, count_b (occurrences in each group); delta (the
    weighted log-odds ratio); z (delta over its standard deviation: positive means more
    typical of A); side ("a" or "b"). Only |z| >= ``min_z`` is kept, then the ``top`` terms
    of each side by |z| (ties broken alphabetically), A's terms first.
    """
    scored = score_terms(features, a, b, alpha0)
    return top_by_side(scored[scored["z"].abs() >= min_z], top)[COLUMNS].reset_index(drop=True)
