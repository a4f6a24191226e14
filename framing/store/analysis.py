"""`framing report --store`: the corpus analysis of framing.analysis, from a store's aggregates.

Every corpus-level figure comes from the store's engine (framing/store/aggregate.py, the
comparisons from framing/store/compare.py, the actor table from framing/store/actors.py);
only the articles the report shows and its claim sample are decoded, chosen from the
stored article list by the rule that chooses them from features
(:func:`framing.analysis.spread_indices`), so a store small enough to hold in memory gives
the report of its features (tested), and a large one never holds the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from framing import analysis as sampling
from framing.analysis import CorpusAnalysis, Pair, aligned_claims, spread_indices
from framing.store.database import FeatureStore, load_chosen


def store_outlets(store_path: Path | str) -> dict[str, int]:
    """slug -> number of articles of the store's outlets, in first-stored order (to check --pair against)."""
    from framing.store.aggregate import StoreCounts

    with FeatureStore(store_path, create=False) as store:
        return {o.outlet: o.n_articles for o in StoreCounts(store).outlets()}


def store_analysis(
    store_path: Path | str,
    pairs: Sequence[Pair] = (),
    seed: int = 0,
    min_z: float | None = None,
    min_confidence: float | None = None,
) -> CorpusAnalysis:
    """The corpus analysis of the store's latest analyses (see the module docstring).

    ``min_confidence`` is applied to the decoded articles only, so it may only be at most the
    default the store was analysed with (a higher one changes every count: the caller reads the
    features instead)."""
    from framing import score
    from framing.extract.learned import at_confidence
    from framing.score.profile import outlet_profiles
    from framing.store.actors import store_actor_table
    from framing.store.aggregate import StoreCounts
    from framing.store.compare import StoreComparer

    with FeatureStore(store_path, create=False) as store:
        counts = StoreCounts(store)
        outlets = counts.outlets()
        profiles = outlet_profiles(outlets, seed=seed)
        facts = counts.summary()
        groups = {o.outlet: [o.outlet] for o in outlets}
        seqs, article_outlets = counts.article_list()
        found = {
            "terms": counts.top_terms(),
            "speakers": counts.top_quoted(),
            "loaded_by_category": counts.loaded_by_category(),
            "quote_balance": counts.quote_balance(),
            "source_types": counts.source_types(groups),
            "affiliations": counts.source_affiliations(groups, sampling.TOP_AFFILIATIONS),
        }
    chosen = list(pairs) or score.default_pairs([], profiles)
    z = score.DEFAULT_MIN_Z if min_z is None else min_z
    with StoreComparer(store_path, profiles=profiles) as comparer:  # the pairs share one pass over the findings
        comparisons = [comparer.compare(list(a), list(b), min_z=z, seed=seed) for a, b in chosen]
    actors = store_actor_table(store_path, seed=seed)
    # Decoded last, when every aggregate is done: the claim sample is aligned, then freed; the shown articles kept.
    claimed_at = spread_indices(article_outlets, sampling.MAX_CLAIM_ARTICLES)
    shown_at = spread_indices(article_outlets, sampling.MAX_SHOWN_ARTICLES)  # mostly within the claim sample
    wanted = sorted({*claimed_at, *shown_at})
    decoded = at_confidence(load_chosen(store_path, [int(seqs[i]) for i in wanted]), min_confidence)
    at = dict(zip(wanted, decoded, strict=True))
    del decoded
    claims = aligned_claims([at[i] for i in claimed_at])
    shown = [at[i] for i in shown_at]
    del at
    return CorpusAnalysis(
        **facts,
        profiles=profiles,
        **found,
        actors=actors,
        outlet_map=score.outlet_map([], profiles),
        comparisons=comparisons,
        shown=shown,
        n_claimed=len(claimed_at),
        claims=claims,
    )
