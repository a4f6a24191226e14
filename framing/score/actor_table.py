"""The actor table: discovered actors, how often each outlet mentions them, and the sentiment toward them.

Unlike :func:`framing.score.profile.actor_sentiment` (lexicon actors, the tone of the sentences
they are in), this table works on any story: the actors come from
:mod:`framing.extract.discover`, merged across the corpus, and each mention is scored by the
target model (:mod:`framing.extract.target_sentiment`: P(positive) - P(negative) toward the
mention, in [-1, 1]). The interval is the percentile bootstrap the profiles use, over the
outlet's mentions of the actor, or over its articles once it has
:data:`~framing.score.profile.MIN_ARTICLES_TO_RESAMPLE` of them.

The feature store computes the same table from its stored mentions without reading every
article (:func:`framing.store.actors.store_actor_table`); both share the merging
(:func:`~framing.extract.discover.merge_short_names`), the context windows
(:func:`context_windows`) and the bootstrap of a row (:func:`outlet_row`).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence

import numpy as np
import pandas as pd

from framing.extract.discover import Actor, DiscoveredMention, analysis_seeds, discover_mentions, merge_actors
from framing.extract.features import ArticleFeatures
from framing.extract.target_sentiment import default_model
from framing.lexicon.bundle import default_lexicons
from framing.score.bootstrap import DEFAULT_N_BOOT, percentile_interval, resample_sums_by_index, rng_for
from framing.score.profile import MIN_ARTICLES_TO_RESAMPLE, MIN_MENTIONS, by_outlet
from framing.sides import Sides, group_mentions
from framing.text import Doc

CONTEXT = 400  # characters each side of a mention the target model reads (NewsMTSC sentences: about 200 in all)
COLUMNS = [
    "outlet",
    "actor",
    "kind",
    "group",
    "aliases",
    "mentions",
    "articles",
    "mean_sentiment",
    "lo",
    "hi",
    "flag",
    "sampled",
]
Window = tuple[int, int, int, list[tuple[int, int]]]  # (mention index, start, end, other mentions' offsets in it)


def article_mentions(f: ArticleFeatures, sides: Sides | None = None) -> list[DiscoveredMention]:
    """The discovered mentions of the article (grouped by ``sides``) that lie in one of its sentences
    (the store keeps the same ones, ungrouped: framing.store.rows.mention_rows).

    The article's sentences were split, and its seed actors matched, when it was analysed: discovery
    reuses them rather than split and match the text again (the same spans, so the same mentions).
    """
    doc = Doc(f.text, _sentences=[(s.start, s.end) for s in f.sentences])
    lex = default_lexicons()
    mentions = discover_mentions(f.text, lex, doc, analysis_seeds(f, lex))
    if sides is not None:
        mentions = group_mentions(mentions, sides)  # type: ignore[assignment]
    return [m for m in mentions if m.sentence < len(f.sentences)]


def context_windows(
    spans: Sequence[tuple[int, int, int]], bounds: Callable[[int], tuple[int, int]], wanted: Callable[[int], bool]
) -> list[Window]:
    """What the target model reads for each wanted mention of an article.

    ``spans`` are the article's mentions as (start, end, sentence), in order; ``bounds(i)`` is the
    (start, end) of sentence i. The window is the mention's sentence clipped to CONTEXT characters
    each side of it (a run-on "sentence" of a whole page would otherwise be read once per mention
    in it), and the other mentions starting in it are masked.
    """
    starts = [start for start, _, _ in spans]
    out = []
    for n, (m_start, m_end, sentence) in enumerate(spans):
        if not wanted(n):
            continue
        s_start, s_end = bounds(sentence)
        start, end = max(s_start, m_start - CONTEXT), min(s_end, m_end + CONTEXT)
        near = range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))
        others = [(spans[i][0] - start, spans[i][1] - start) for i in near if i != n]
        out.append((n, start, end, others))
    return out


def scored_mentions(
    f: ArticleFeatures,
    sides: Sides | None = None,
    mentions: Sequence[DiscoveredMention] | None = None,
    actors: Collection[str] | None = None,
) -> list[tuple[DiscoveredMention, float]]:
    """Mentions of the article (``mentions``, else discovered) with the target model's score toward each;
    only those of ``actors`` (merged-actor members) when given, since scoring is the costly part."""
    model = default_model()
    mentions = article_mentions(f, sides) if mentions is None else mentions
    bounds = [(s.start, s.end) for s in f.sentences]
    spans = [(m.start, m.end, m.sentence) for m in mentions]
    wanted = (lambda n: True) if actors is None else (lambda n: mentions[n].actor in actors)
    out = []
    for n, start, end, others in context_windows(spans, bounds.__getitem__, wanted):
        m = mentions[n]
        out.append((m, model.score(f.text[start:end], m.start - start, m.end - start, others)))
    return out


def outlet_row(
    outlet: str,
    actor: Actor,
    found: Sequence[Sequence[float]],
    n_outlet_articles: int,
    seed: int,
    n_boot: int,
    counts: tuple[int, int] | None = None,
    sampled: bool = False,
) -> dict:
    """One row of the table: ``found`` holds the scores of the actor's mentions in each of the outlet's
    articles that mention it (in store order), ``n_outlet_articles`` the outlet's size (which decides
    the bootstrap unit). ``counts`` (mentions, articles) when ``found`` is a sample of them."""
    if n_outlet_articles >= MIN_ARTICLES_TO_RESAMPLE:
        table = np.array([[sum(s), len(s)] for s in found], dtype=float)
    else:
        table = np.array([[v, 1.0] for s in found for v in s], dtype=float)
    total, n = table.sum(axis=0)
    sums = resample_sums_by_index(table, n_boot, rng_for(seed, f"{outlet}/{actor.name}"))
    with np.errstate(divide="ignore", invalid="ignore"):
        replicates = np.where(sums[:, 1] > 0, sums[:, 0] / np.where(sums[:, 1] > 0, sums[:, 1], 1), np.nan)
    lo, hi = percentile_interval(replicates)
    mentions, articles = counts if counts is not None else (int(n), len(found))
    return {
        "outlet": outlet,
        "actor": actor.name,
        "kind": actor.kind,
        "group": actor.group,
        "aliases": ";".join(sorted(actor.aliases)),
        "mentions": mentions,
        "articles": articles,
        "mean_sentiment": round(float(total / n), 4),
        "lo": lo,
        "hi": hi,
        "flag": mentions < MIN_MENTIONS,
        "sampled": sampled,
    }


def actor_table(
    features: Sequence[ArticleFeatures],
    seed: int = 0,
    n_boot: int = DEFAULT_N_BOOT,
    top: int = 15,
    sides: Sides | None = None,
) -> pd.DataFrame:
    """Long format, one row per outlet and actor, for the ``top`` actors of the corpus by mentions.

    Columns: outlet, actor (merged full name), kind, group (seed group, else the side ``sides``
    (--sides) gives it, else the actor's own name), aliases (";"-joined surface forms),
    mentions (in the outlet, pronouns included), articles (of the outlet that mention it),
    mean_sentiment (mean target-model score), lo, hi (95% bootstrap interval), flag (True when
    fewer than :data:`~framing.score.profile.MIN_MENTIONS` mentions), sampled (True when the mean
    and interval come from a sample of the articles, which only the store's table takes:
    :func:`framing.store.actors.store_actor_table`; always False here).
    """
    features = list(features)
    mentions = [article_mentions(f, sides) for f in features]  # by position: ids repeat across outlets
    chosen = merge_actors((str(i), found) for i, found in enumerate(mentions))[:top]
    name_of = {member: a.name for a in chosen for member in a.merged}
    scored = [scored_mentions(f, mentions=found, actors=name_of) for f, found in zip(features, mentions, strict=True)]
    position = {id(f): i for i, f in enumerate(features)}
    rows = []
    for outlet, group in by_outlet(features).items():
        per_article: dict[str, list[list[float]]] = defaultdict(list)
        for f in group:
            values: dict[str, list[float]] = defaultdict(list)
            for m, score in scored[position[id(f)]]:
                values[name_of[m.actor]].append(score)
            for name, scores in values.items():
                per_article[name].append(scores)
        for actor in chosen:
            found = per_article.get(actor.name)
            if found:
                rows.append(outlet_row(outlet, actor, found, len(group), seed, n_boot))
    return pd.DataFrame(rows, columns=COLUMNS)
