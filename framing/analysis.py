"""The corpus-level analysis a report lays out, computed once: from features in memory or from a store.

A report shows two kinds of things. Corpus-level figures (profiles, each outlet's top
loaded terms and speakers, the charts' frames, the comparisons of the chosen pairs, the
source tables, the actor table) count every article; the highlighted articles, the
explorer and the claim alignment use a sample of articles taken from the outlets in turn
(:func:`spread_sample`). :class:`CorpusAnalysis` holds the figures, the shown articles and the
aligned claims (not the claim sample's features, freed once aligned), so presentation
(framing/render/model.py) only lays it out and never recomputes a score.

It is built here from features in memory (:func:`corpus_analysis`) or from a feature
store's aggregates by :func:`framing.store.analysis.store_analysis`, which decodes only
the sampled articles: the same sample, chosen by the same rule from the stored article
list, and the same figures, summed by the store's engine (tested: the two reports are equal).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from framing.extract.features import ArticleFeatures

if TYPE_CHECKING:
    from framing.claims.view import ClaimsView
    from framing.score.compare import Comparison

# A report is read by people: past these sizes it shows a stated share, and every score still counts all articles.
# 200 highlighted articles are a ~330-page PDF; 1,000 were 1,645 pages and 1.3 GiB to lay out.
MAX_SHOWN_ARTICLES = 200
# Claim alignment is blocked (linear memory), but past this many articles it runs on a stratified sample.
# 1,000, not 5,000: on a 100,000-article store the 5,000-article sample alone took 46 s and 1.4 GiB of
# the report (benchmarks/results/2026-12-03-report-store.txt); `framing claims` aligns a whole corpus.
MAX_CLAIM_ARTICLES = 1_000
TOP_TERMS = 12  # loaded terms per outlet in the report
TOP_SPEAKERS = 12  # quoted speakers per outlet in the report
TOP_AFFILIATIONS = 8  # per outlet in the report's sources view; `profile -f json` has them all
UNKNOWN_SPEAKER = "unknown speaker"

Pair = tuple[list[str], list[str]]


@dataclass
class CorpusAnalysis:
    """Everything a report shows of a corpus, computed once (see the module docstring)."""

    n_articles: int
    names: dict[str, str]  # outlet slug -> display name (the last article's), outlets in first-seen order
    n_words: int
    dates: tuple[str, str] | None  # the earliest and latest date an article gives
    lexicon_version: str  # the first article's
    profiles: pd.DataFrame  # framing.score.outlet_profiles
    terms: dict[str, list[dict]]  # outlet -> its TOP_TERMS loaded terms (see top_terms)
    speakers: dict[str, list[dict]]  # outlet -> its TOP_SPEAKERS quoted speakers (see top_speakers)
    actors: pd.DataFrame  # framing.score.actor_table.actor_table
    loaded_by_category: pd.DataFrame  # framing.score.loaded_by_category
    quote_balance: pd.DataFrame  # framing.score.quote_balance
    outlet_map: pd.DataFrame  # framing.score.outlet_map
    comparisons: list[Comparison]  # of the chosen pairs, or of the default pairs
    source_types: pd.DataFrame  # framing.score.source_types.type_counts, per outlet
    affiliations: pd.DataFrame  # framing.score.source_types.affiliation_counts, TOP_AFFILIATIONS per outlet
    shown: list[ArticleFeatures]  # the highlighted articles: spread_sample(MAX_SHOWN_ARTICLES)
    n_claimed: int  # articles of the claim sample: spread_sample(MAX_CLAIM_ARTICLES)
    claims: ClaimsView | None  # claims aligned over that sample (framing.claims); None with one outlet


def spread_indices(outlets: Sequence[str], limit: int) -> list[int]:
    """Positions of at most `limit` articles (given by their outlets, in corpus order) taken from the
    outlets in turn, each outlet's in corpus order, so every outlet is represented however unequal
    their sizes; the positions are in corpus order."""
    if len(outlets) <= limit:
        return list(range(len(outlets)))
    queues: dict[str, list[int]] = {}
    for i, outlet in enumerate(outlets):
        queues.setdefault(outlet, []).append(i)
    chosen: list[int] = []
    depth = 0
    while len(chosen) < limit:
        for queue in queues.values():
            if depth < len(queue) and len(chosen) < limit:
                chosen.append(queue[depth])
        depth += 1
    return sorted(chosen)


def spread_sample(features: Sequence[ArticleFeatures], limit: int) -> list[ArticleFeatures]:
    """At most `limit` articles taken from the outlets in turn (see :func:`spread_indices`)."""
    return [features[i] for i in spread_indices([f.meta.outlet for f in features], limit)]


def ranked_terms(found: Iterable[tuple[str, bool, dict]], top: int = TOP_TERMS) -> list[dict]:
    """The `top` loaded terms of (text as written, quoted, the term's other fields) in corpus order.

    A term is counted by its lower-cased text and whether it was quoted; the row shows the last
    occurrence's fields; ties keep the order terms were first seen. Counted here from features
    or, one row per distinct surface form, from a store's findings (framing/store/aggregate.py)."""
    counts: Counter[tuple[str, bool]] = Counter()
    info: dict[tuple[str, bool], tuple[str, dict]] = {}
    for text, quoted, fields in found:
        key = (text.lower(), quoted)
        counts[key] += 1
        info[key] = (text, fields)
    rows = []
    for (_, quoted), n in counts.most_common(top):
        text, fields = info[(_, quoted)]
        rows.append({"text": text, "count": n, "quoted": quoted, **fields})
    return rows


def top_terms(features: Iterable[ArticleFeatures], top: int = TOP_TERMS) -> list[dict]:
    """The articles' most frequent loaded terms: text, count, quoted, category, perspective, neutral, explanation."""
    return ranked_terms(
        (
            (t.text, t.quoted, {k: getattr(t, k) for k in ("category", "perspective", "neutral", "explanation")})
            for f in features
            for t in f.loaded_terms
        ),
        top,
    )


def top_speakers(features: Iterable[ArticleFeatures], top: int = TOP_SPEAKERS) -> list[dict]:
    """The articles' most quoted speakers (with the side of the quotes): speaker, side, n, words."""
    n: Counter[tuple[str, str]] = Counter()
    words: Counter[tuple[str, str]] = Counter()
    for f in features:
        for q in f.quotes:
            key = (q.speaker or UNKNOWN_SPEAKER, q.side)
            n[key] += 1
            words[key] += q.n_words
    return [{"speaker": s, "side": side, "n": c, "words": words[(s, side)]} for (s, side), c in n.most_common(top)]


def corpus_analysis(
    features: Sequence[ArticleFeatures],
    pairs: Sequence[Pair] = (),
    seed: int = 0,
    min_z: float | None = None,
    profiles: pd.DataFrame | None = None,
) -> CorpusAnalysis:
    """The analysis of these features; ``profiles`` when already computed with this seed (by the
    feature store's engine for `report --store --sides`), else computed here."""
    from framing import score
    from framing.score.actor_table import actor_table
    from framing.score.profile import by_outlet
    from framing.score.source_types import affiliation_counts, quotes_by_group, type_counts

    features = list(features)
    profiles = score.outlet_profiles(features, seed=seed) if profiles is None else profiles
    grouped = by_outlet(features)
    dates = sorted(f.meta.date for f in features if f.meta.date)
    chosen = list(pairs) or score.default_pairs(features)
    z = score.DEFAULT_MIN_Z if min_z is None else min_z
    quotes = quotes_by_group(features)
    claimed = spread_sample(features, MAX_CLAIM_ARTICLES)
    return CorpusAnalysis(
        n_articles=len(features),
        names={f.meta.outlet: f.meta.outlet_name for f in features},
        n_words=sum(f.n_words for f in features),
        dates=(dates[0], dates[-1]) if dates else None,
        lexicon_version=features[0].lexicon_version if features else "",
        profiles=profiles,
        terms={outlet: top_terms(group) for outlet, group in grouped.items()},
        speakers={outlet: top_speakers(group) for outlet, group in grouped.items()},
        actors=actor_table(features, seed=seed),
        loaded_by_category=score.loaded_by_category(features),
        quote_balance=score.quote_balance(features),
        outlet_map=score.outlet_map(features),
        comparisons=[score.compare(features, list(a), list(b), min_z=z, seed=seed) for a, b in chosen],
        source_types=type_counts(quotes),
        affiliations=affiliation_counts(quotes, TOP_AFFILIATIONS),
        shown=spread_sample(features, MAX_SHOWN_ARTICLES),
        n_claimed=len(claimed),
        claims=aligned_claims(claimed),
    )


def aligned_claims(features: Sequence[ArticleFeatures]) -> ClaimsView | None:
    """Claims aligned across outlets; imported late because framing.claims itself uses framing.render.highlight."""
    from framing.claims.view import claims_section

    return claims_section(features) if len({f.outlet for f in features}) > 1 else None
