"""How alike outlets frame the story: TF-IDF cosine of their words, cosine of their score profiles, a 2-D map.

TF-IDF similarity compares what outlets write about (vocabulary); profile similarity
compares how (densities, quote balance, sentiment), after standardising every score
across outlets so that a score measured in larger units does not dominate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from framing.extract.features import ArticleFeatures
from framing.score.profile import ORIGIN_SCORES, SCORE_NAMES, by_outlet, outlet_profiles
from framing.text import build_analyzer

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer

# scikit-learn is imported where it is used: the feature store imports this module for the analyzer of
# its word counts (tfidf_unigrams), and importing scikit-learn costs more CPU than a small corpus's rows.


def outlet_documents(features: list[ArticleFeatures]) -> dict[str, str]:
    """One document per outlet: its articles' cleaned texts joined."""
    return {outlet: "\n\n".join(f.text for f in group) for outlet, group in by_outlet(features).items()}


TFIDF_WORDS = {"stop_words": "english"}  # the analyzer settings of the TF-IDF vocabulary, unigrams and bigrams


def tfidf_vectorizer() -> TfidfVectorizer:
    """Words of :func:`framing.text.build_analyzer` (so "so-called" stays whole), English stop words removed."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    analyzer = build_analyzer(stop_words=TFIDF_WORDS["stop_words"], ngram_range=(1, 2))
    return TfidfVectorizer(analyzer=analyzer, sublinear_tf=True)


def tfidf_unigrams():
    """The unigrams of :func:`tfidf_vectorizer`'s analyzer, for code that forms the bigrams itself
    (the store's compare counts tokens per article and joins them)."""
    return build_analyzer(**TFIDF_WORDS, ngram_range=(1, 1))


def tfidf_similarity(features: list[ArticleFeatures]) -> pd.DataFrame:
    """Outlet x outlet cosine similarity of TF-IDF vectors (unigrams and bigrams, English stop words removed)."""
    return tfidf_of_documents(outlet_documents(features))


def tfidf_of_documents(docs: dict[str, str]) -> pd.DataFrame:
    """Outlet x outlet TF-IDF cosine of one document per outlet (see :func:`tfidf_similarity`)."""
    matrix = tfidf_vectorizer().fit_transform(list(docs.values()))
    names = list(docs)
    from sklearn.metrics.pairwise import cosine_similarity

    return pd.DataFrame(cosine_similarity(matrix), index=names, columns=names)


def standardised_profiles(profiles: pd.DataFrame) -> pd.DataFrame:
    """Score estimates as z-scores across outlets (index: outlet).

    A score that is nan for an outlet (nothing to measure) takes the mean of the others;
    scores that do not vary across outlets are dropped because they cannot tell outlets apart.
    """
    values = profiles.set_index("outlet")[[n for n in SCORE_NAMES if n not in ORIGIN_SCORES]].astype(float)
    values = values.fillna(values.mean()).fillna(0.0)
    spread = values.std(ddof=0)
    keep = spread[spread > 1e-12].index
    return (values[keep] - values[keep].mean()) / spread[keep]


def profile_similarity(profiles: pd.DataFrame) -> pd.DataFrame:
    """Outlet x outlet cosine similarity of standardised score profiles (1 on the diagonal)."""
    z = standardised_profiles(profiles)
    names = list(profiles["outlet"])
    if z.shape[1] == 0:
        return pd.DataFrame(np.eye(len(names)), index=names, columns=names)
    from sklearn.metrics.pairwise import cosine_similarity

    sim = cosine_similarity(z.to_numpy())
    np.fill_diagonal(sim, 1.0)
    return pd.DataFrame(sim, index=names, columns=names)


def similarity(
    features: list[ArticleFeatures], profiles: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(TF-IDF cosine, profile cosine), each an outlet x outlet DataFrame indexed by slug."""
    profiles = outlet_profiles(features, n_boot=0) if profiles is None else profiles
    return tfidf_similarity(features), profile_similarity(profiles)


def outlet_map(features: list[ArticleFeatures], profiles: pd.DataFrame | None = None) -> pd.DataFrame:
    """2-D coordinates of outlets for a map: PCA of the standardised score profiles.

    Columns: outlet, x, y (first and second principal component), method ("pca"),
    explained (share of the profiles' variance the two axes show). With fewer than
    three outlets the second axis (or both) is 0: there is nothing more to show.
    """
    profiles = outlet_profiles(features, n_boot=0) if profiles is None else profiles
    z = standardised_profiles(profiles)
    names = list(profiles["outlet"])
    coords = np.zeros((len(names), 2))
    explained = 0.0
    k = min(2, len(names) - 1, z.shape[1])
    if k > 0:
        from sklearn.decomposition import PCA

        pca = PCA(n_components=k)
        coords[:, :k] = pca.fit_transform(z.to_numpy())
        explained = float(pca.explained_variance_ratio_.sum())
    return pd.DataFrame(
        {"outlet": names, "x": coords[:, 0], "y": coords[:, 1], "method": "pca", "explained": explained}
    )


def default_pairs(
    features: list[ArticleFeatures], profiles: pd.DataFrame | None = None
) -> list[tuple[list[str], list[str]]]:
    """The most and the least similar pair of outlets by profile cosine: a starting point for a report.

    Empty with fewer than two outlets; one pair with exactly two.
    """
    profiles = outlet_profiles(features, n_boot=0) if profiles is None else profiles
    names = list(profiles["outlet"])
    if len(names) < 2:
        return []
    sim = profile_similarity(profiles)
    pairs = [(sim.iloc[i, j], names[i], names[j]) for i in range(len(names)) for j in range(i + 1, len(names))]
    most = max(pairs, key=lambda p: (p[0], p[1], p[2]))
    least = min(pairs, key=lambda p: (p[0], p[1], p[2]))
    chosen = [most] if most == least else [most, least]
    return [([x], [y]) for _, x, y in chosen]
