"""The actor table: discovered actors, how often each outlet mentions them, and the sentiment toward them.

Unlike :func:`framing.score.profile.actor_sentiment` (lexicon actors, the tone of the sentences
they are in), this table works on any story: the actors come from
:mod:`framing.extract.discover`, merged across the corpus, and each mention is scored by the
target model (:mod:`framing.extract.target_sentiment`: P(positive) - P(negative) toward the
mention, in [-1, 1]). The interval is the percentile bootstrap the profiles use, over the
outlet's mentions of the actor, or over its articles once it has
:data:`~framing.score.profile.MIN_ARTICLES_TO_RESAMPLE` of them.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Collection, Sequence

import numpy as np
import pandas as pd

from framing.extract.discover import DiscoveredMention, discover_mentions, merge_actors
from framing.extract.features import ArticleFeatures
from framing.extract.target_sentiment import default_model
from framing.lexicon.bundle import default_lexicons
from framing.score.bootstrap import DEFAULT_N_BOOT, percentile_interval, resample_sums, rng_for
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
]


def article_mentions(f: ArticleFeatures, sides: Sides | None = None) -> list[DiscoveredMention]:
    """The discovered mentions of the article (grouped by ``sides``) that lie in one of its sentences.

    The article's sentences were split when it was analysed: discovery reuses them rather than split
    the text again (the same spans, so the same mentions).
    """
    doc = Doc(f.text, _sentences=[(s.start, s.end) for s in f.sentences])
    mentions = discover_mentions(f.text, default_lexicons(), doc)
    if sides is not None:
        mentions = group_mentions(mentions, sides)  # type: ignore[assignment]
    return [m for m in mentions if m.sentence < len(f.sentences)]


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
    starts = [m.start for m in mentions]
    out = []
    for n, m in enumerate(mentions):
        if actors is not None and m.actor not in actors:
            continue
        # The sentence, clipped to CONTEXT characters each side of the mention: a run-on "sentence"
        # of a whole page would otherwise be read once per mention in it.
        start = max(bounds[m.sentence][0], m.start - CONTEXT)
        end = min(bounds[m.sentence][1], m.end + CONTEXT)
        near = range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))
        others = [(mentions[i].start - start, mentions[i].end - start) for i in near if i != n]
        out.append((m, model.score(f.text[start:end], m.start - start, m.end - start, others)))
    return out


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
    fewer than :data:`~framing.score.profile.MIN_MENTIONS` mentions).
    """
    mentions = {f.id: article_mentions(f, sides) for f in features}
    chosen = merge_actors(mentions.items())[:top]
    name_of = {member: a.name for a in chosen for member in a.merged}
    scored = {f.id: scored_mentions(f, mentions=mentions[f.id], actors=name_of) for f in features}
    rows = []
    for outlet, group in by_outlet(features).items():
        per_article: dict[str, list[tuple[str, list[float]]]] = defaultdict(list)
        for f in group:
            values: dict[str, list[float]] = defaultdict(list)
            for m, score in scored[f.id]:
                if m.actor in name_of:
                    values[name_of[m.actor]].append(score)
            for name, scores in values.items():
                per_article[name].append((f.id, scores))
        for actor in chosen:
            found = per_article.get(actor.name)
            if not found:
                continue
            if len(group) >= MIN_ARTICLES_TO_RESAMPLE:
                table = np.array([[sum(s), len(s)] for _, s in found], dtype=float)
            else:
                table = np.array([[v, 1.0] for _, s in found for v in s], dtype=float)
            total, n = table.sum(axis=0)
            sums = resample_sums(table, n_boot, rng_for(seed, f"{outlet}/{actor.name}"))
            with np.errstate(divide="ignore", invalid="ignore"):
                replicates = np.where(sums[:, 1] > 0, sums[:, 0] / np.where(sums[:, 1] > 0, sums[:, 1], 1), np.nan)
            lo, hi = percentile_interval(replicates)
            rows.append(
                {
                    "outlet": outlet,
                    "actor": actor.name,
                    "kind": actor.kind,
                    "group": actor.group,
                    "aliases": ";".join(sorted(actor.aliases)),
                    "mentions": int(n),
                    "articles": len(found),
                    "mean_sentiment": round(float(total / n), 4),
                    "lo": lo,
                    "hi": hi,
                    "flag": int(n) < MIN_MENTIONS,
                }
            )
    return pd.DataFrame(rows, columns=COLUMNS)
