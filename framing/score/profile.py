"""Per-outlet and per-article scores with bootstrap intervals and small-sample flags.

Every score is computed from one table per outlet with a row per sentence and a column
per count (words, loaded terms by category and perspective, hedges, attribution verbs
by stance, quotes and quoted words by side, compound sentiment, actor mentions). A
score is a function of that table's column sums, so the point estimate uses all
sentences and each bootstrap replicate (:mod:`framing.score.bootstrap`) the sums of a
resample: estimates and intervals can never disagree about what they measure. A group
with enough articles resamples whole articles instead (one row of sums per article):
the sums, and so the estimates, are the same; only the intervals change.
Definitions, minimum counts and limits are in docs/scores.md.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial

import numpy as np
import pandas as pd

from framing.extract.features import ArticleFeatures
from framing.lexicon.bundle import STANCES, VOCABULARY
from framing.lexicon.vocabulary import Vocabulary
from framing.score.bootstrap import DEFAULT_N_BOOT, percentile_interval, resample_sums, rng_for
from framing.score.counts import article_rows, count_table, stack

# Below these counts a score is flagged (still shown): too few observations to trust its interval.
MIN_SENTENCES = 20  # densities and mean sentiment
MIN_ATTRIBUTIONS = 10  # shares of attribution verbs by stance
MIN_QUOTES = 5  # quote shares and the balance index
MIN_MENTIONS = 5  # actor sentiment: sentences that mention the actor

# From this many articles on, a group's bootstrap resamples articles, not sentences: the
# sentences of one article share a topic and a writer, so they are not independent draws,
# and resampling them gives intervals that are too narrow. With fewer articles there are
# too few to resample, and the sentence bootstrap (too narrow, and flagged so) is all there is.
MIN_ARTICLES_TO_RESAMPLE = 20

# The balance index counts the balance sides of lexicons/vocabulary.csv (in the shipped file EU and
# media speakers are pooled as "other"); quotes with no identified speaker ("unknown") are left out
# of shares and the index.
BALANCE_SIDES = list(VOCABULARY.balance_sides)
_TO_BALANCE = dict(VOCABULARY.to_balance)
QUOTE_SIDES = [*VOCABULARY.sides, "unknown"]


def slug(name: str) -> str:
    """Column-safe form of a category, side or group ("pro-Kremlin" -> "pro_kremlin")."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


class Sums:
    """Column sums, one row per evaluation (1 for the estimate, n_boot for the replicates).

    A column that never occurred reads as zeros, so score functions need no special cases.
    """

    def __init__(self, values: np.ndarray, columns: Sequence[str]) -> None:
        self.values = values
        self.index = {c: i for i, c in enumerate(columns)}

    def __getitem__(self, column: str) -> np.ndarray:
        i = self.index.get(column)
        return self.values[:, i] if i is not None else np.zeros(self.values.shape[0])


def _ratio(num: np.ndarray, den: np.ndarray, scale: float = 1.0) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, scale * num / np.where(den > 0, den, 1), np.nan)


def normalised_entropy(counts: np.ndarray) -> np.ndarray:
    """Shannon entropy of the shares in each row of ``counts`` divided by log(number of columns).

    1 means quotes spread evenly over all sides, 0 means every quote comes from one side;
    a row with no counts gives nan.
    """
    counts = np.atleast_2d(counts).astype(float)
    total = counts.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(total > 0, counts / np.where(total > 0, total, 1), 0.0)
        terms = np.where(p > 0, -p * np.log(np.where(p > 0, p, 1)), 0.0)
    entropy = terms.sum(axis=1) / math.log(counts.shape[1])
    return np.where(total[:, 0] > 0, entropy, np.nan)


@dataclass(frozen=True)
class Score:
    """One score: how to compute it from column sums, which count is its n, and the minimum n."""

    name: str
    label: str
    value: Callable[[Sums], np.ndarray]
    n_column: str
    min_n: int


def _column_ratio(num: str, den: str) -> Callable[[Sums], np.ndarray]:
    """The ratio of two named columns, as a score's value function (a closure, not a
    default-argument lambda, so each score keeps its own columns and the type checker sees it)."""
    return lambda s: _ratio(s[num], s[den])


def _density(name: str, column: str, label: str) -> Score:
    return Score(name, label, lambda s: _ratio(s[column], s["words"], 1000.0), "sentences", MIN_SENTENCES)


def _share(name: str, column: str, den: str, label: str, min_n: int, n_column: str | None = None) -> Score:
    return Score(name, label, lambda s: _ratio(s[column], s[den]), n_column or den, min_n)


def _balance_of(sides: Sequence[str]) -> Callable[[Sums], np.ndarray]:
    return lambda s: normalised_entropy(np.column_stack([s[f"quote_side:{side}"] for side in sides]))


def score_definitions(vocab: Vocabulary = VOCABULARY) -> list[Score]:
    """Every score in the profile, in column order: one column per category, perspective,
    balance side and actor group of the vocabulary (lexicons/vocabulary.csv, plus any --sides)."""
    balance_sides = vocab.balance_sides
    scores = [
        _density("loaded_per_1k", "loaded", "loaded terms /1k words"),
        _density("loaded_own_per_1k", "loaded_own", "loaded terms outside quotations /1k"),
        # one finding, two origins: lexicon entries and the learned detector's finds, also apart
        _density("loaded_lexicon_per_1k", "loaded_origin:lexicon", "loaded terms from the lexicons /1k"),
        _density("loaded_model_per_1k", "loaded_origin:model", "loaded terms from the model /1k"),
    ]
    scores += [
        _density(f"loaded_persp_{slug(p)}_per_1k", f"loaded_persp:{p}", f"loaded ({p}) /1k") for p in vocab.perspectives
    ]
    scores += [
        _density(f"loaded_cat_{slug(c)}_per_1k", f"loaded_cat:{c}", f"loaded ({c}) /1k") for c in vocab.categories
    ]
    scores += [
        _density("hedges_per_1k", "hedges", "hedges /1k (hedge, evidential, modal, scare quote)"),
        _density("scare_quotes_per_1k", "scare_quotes", "scare quotes /1k"),
        _density("attribution_per_1k", "attribution", "attribution verbs /1k"),
    ]
    scores += [
        _share(f"attr_share_{s}", f"attr:{s}", "attribution", f"share of attribution verbs: {s}", MIN_ATTRIBUTIONS)
        for s in STANCES
    ]
    scores.append(_density("quotes_per_1k", "quotes", "quotes /1k"))
    scores += [
        _share(f"quote_share_{slug(s)}", f"quote_side:{s}", "quotes_known", f"share of quotes: {s}", MIN_QUOTES)
        for s in balance_sides
    ]
    # The n behind word shares is the number of quotes, not words: quotes are the observations.
    scores += [
        _share(
            f"quoted_words_share_{slug(s)}",
            f"qwords_side:{s}",
            "qwords_known",
            f"share of quoted words: {s}",
            MIN_QUOTES,
            "quotes_known",
        )
        for s in balance_sides
    ]
    balance = _balance_of(balance_sides)
    scores.append(Score("balance_index", "source balance index (0-1)", balance, "quotes_known", MIN_QUOTES))
    mean_compound = lambda s: _ratio(s["compound"], s["sentences"])  # noqa: E731
    scores.append(Score("sentiment", "mean sentence compound", mean_compound, "sentences", MIN_SENTENCES))
    scores += [
        Score(
            f"actor_sentiment_{slug(g)}",
            f"mean compound of sentences mentioning {g}",
            _column_ratio(f"group_c:{g}", f"group:{g}"),
            f"group:{g}",
            MIN_MENTIONS,
        )
        for g in vocab.groups
    ]
    return scores


SCORES = score_definitions()
SCORE_NAMES = [s.name for s in SCORES]
# The origin split re-counts the loaded terms: outlet similarity leaves it out so as not to weigh them twice.
ORIGIN_SCORES = ("loaded_lexicon_per_1k", "loaded_model_per_1k")
HEDGE_COLUMN = "hedges_per_1k"
_LABELS = {s.name: s.label for s in SCORES}


def label(column: str) -> str:
    """Readable name of a score column ("loaded_per_1k" -> "loaded terms /1k words"); other columns unchanged."""
    return _LABELS.get(column, column)


def sentence_table(f: ArticleFeatures, vocab: Vocabulary = VOCABULARY) -> pd.DataFrame:
    """One row per sentence of the article, one column per count (see :mod:`framing.score.counts`);
    quote sides are pooled into the vocabulary's balance sides."""
    return count_table(f, vocab).frame()


def vocabulary_for(features: Iterable[ArticleFeatures]) -> Vocabulary:
    """The shipped vocabulary, plus the sides a --sides file gave quotes and actors (in first-seen order).

    With no such sides this is the shipped vocabulary itself, so the seed profiles keep their columns.
    """
    extra: dict[str, None] = {}
    for f in features:
        for q in f.quotes:
            if q.side not in VOCABULARY.sides and q.side != "unknown":
                extra[q.side] = None
        for m in f.actor_mentions:
            if m.group not in VOCABULARY.groups:
                extra[m.group] = None
    return VOCABULARY.with_sides(list(extra)) if extra else VOCABULARY


def resampling_unit(n_articles: int) -> str:
    """ "articles" when a group has enough articles to resample them, else "sentences"."""
    return "articles" if n_articles >= MIN_ARTICLES_TO_RESAMPLE else "sentences"


def group_table(
    features: Iterable[ArticleFeatures], unit: str = "sentences", vocab: Vocabulary = VOCABULARY
) -> pd.DataFrame:
    """The rows a group's bootstrap resamples: every sentence of its articles, or with
    ``unit="articles"`` one row per article holding the sums of its sentence rows. A count
    missing from an article is 0 there."""
    features = list(features)
    if not features:
        return pd.DataFrame()
    if unit == "articles":
        return article_rows([count_table(f, vocab).totals() for f in features]).frame()
    return stack([count_table(f, vocab) for f in features]).frame()


def resampled_table(features: Sequence[ArticleFeatures], vocab: Vocabulary = VOCABULARY) -> tuple[pd.DataFrame, str]:
    """The group's table for the bootstrap, and which unit it resamples (see MIN_ARTICLES_TO_RESAMPLE)."""
    unit = resampling_unit(len(features))
    return group_table(features, unit, vocab), unit


@dataclass
class Evaluated:
    """Column sums of one group's sentences: the full sample and every bootstrap replicate."""

    point: Sums
    replicates: Sums

    def score(self, score: Score) -> tuple[float, np.ndarray, int]:
        """(estimate, replicate values, n) for one score."""
        return (
            float(score.value(self.point)[0]),
            score.value(self.replicates),
            int(self.point[score.n_column][0]),
        )


def evaluate(table: pd.DataFrame, key: str, seed: int = 0, n_boot: int = DEFAULT_N_BOOT) -> Evaluated:
    """Sums over all sentences and over ``n_boot`` sentence resamples, seeded by (seed, key)."""
    columns = list(table.columns)
    values = table.to_numpy(dtype=float) if columns else np.zeros((0, 0))
    point = Sums(values.sum(axis=0, keepdims=True), columns)
    return Evaluated(point, Sums(resample_sums(values, n_boot, rng_for(seed, key)), columns))


def score_row(evaluated: Evaluated, scores: Sequence[Score] = SCORES) -> dict[str, float | int | bool]:
    """``<score>``, ``<score>_lo``, ``<score>_hi``, ``<score>_n`` and ``<score>_flag`` for every score."""
    row: dict[str, float | int | bool] = {}
    for score in scores:
        estimate, replicates, n = evaluated.score(score)
        lo, hi = percentile_interval(replicates)
        row[score.name] = estimate
        row[f"{score.name}_lo"] = lo
        row[f"{score.name}_hi"] = hi
        row[f"{score.name}_n"] = n
        row[f"{score.name}_flag"] = n < score.min_n
    return row


def by_outlet(features: Iterable[ArticleFeatures]) -> dict[str, list[ArticleFeatures]]:
    """Articles grouped by outlet slug, outlets in first-seen order."""
    groups: dict[str, list[ArticleFeatures]] = {}
    for f in features:
        groups.setdefault(f.outlet, []).append(f)
    return groups


@dataclass
class OutletCounts:
    """What the profile needs of one outlet: its sizes and its count table on demand.

    Built from features (:func:`outlet_counts`) or from the feature store's tables
    (:mod:`framing.store.aggregate`), so both give the same figures by the same code.
    ``table(unit)`` gives the rows the bootstrap resamples (see :func:`group_table`);
    ``actors()`` maps each actor the outlet mentions to its group.
    """

    outlet: str
    outlet_name: str
    n_articles: int
    n_words: int
    n_sentences: int
    table: Callable[[str], pd.DataFrame]
    actors: Callable[[], dict[str, str]]
    _evaluated: dict[tuple[int, int], Evaluated] = field(default_factory=dict, repr=False)

    def evaluated(self, seed: int, n_boot: int) -> Evaluated:
        """Sums and bootstrap sums of the outlet's table, drawn once per seed and n_boot: the
        profile and the actor sentiment of one outlet resample the same rows with the same seed."""
        key = (seed, n_boot)
        if key not in self._evaluated:
            self._evaluated[key] = evaluate(self.table(resampling_unit(self.n_articles)), self.outlet, seed, n_boot)
        return self._evaluated[key]


def _actor_groups(features: list[ArticleFeatures]) -> dict[str, str]:
    return {m.actor: m.group for f in features for m in f.actor_mentions}


def outlet_counts(features: Iterable[ArticleFeatures], vocab: Vocabulary = VOCABULARY) -> list[OutletCounts]:
    """One :class:`OutletCounts` per outlet of the features, in first-seen order."""
    return [
        OutletCounts(
            outlet,
            group[0].meta.outlet_name,
            len(group),
            sum(f.n_words for f in group),
            sum(len(f.sentences) for f in group),
            partial(group_table, group, vocab=vocab),
            partial(_actor_groups, group),
        )
        for outlet, group in by_outlet(features).items()
    ]


def outlet_profiles(
    features: list[ArticleFeatures] | Sequence[OutletCounts],
    seed: int = 0,
    n_boot: int = DEFAULT_N_BOOT,
    vocab: Vocabulary | None = None,
) -> pd.DataFrame:
    """One row per outlet: every score with its 95% bootstrap interval, its n and a small-sample flag.

    Columns: outlet, outlet_name, n_articles, n_words, n_sentences, resampled ("articles"
    or "sentences": what the bootstrap draws, see :data:`MIN_ARTICLES_TO_RESAMPLE`); then
    for each score in :data:`SCORE_NAMES` the estimate ``<score>``, the interval
    ``<score>_lo`` and ``<score>_hi`` (percentile bootstrap, seeded by ``seed`` and the outlet slug),
    ``<score>_n`` (sentences, attribution verbs, quotes or mentioning sentences behind it) and
    ``<score>_flag`` (True when n is below the score's minimum). A score with nothing to
    divide by (no quotes, no attribution verbs) is nan, and flagged. ``features`` may also be
    the outlets' counts (:func:`outlet_counts`, or a feature store's). ``vocab`` decides the columns
    (default: :func:`vocabulary_for` the features, the shipped vocabulary.csv plus any --sides sides).
    """
    counted = bool(features) and isinstance(features[0], OutletCounts)  # a store's sums: the shipped vocabulary
    vocab = vocab or (VOCABULARY if counted else vocabulary_for(features))  # type: ignore[arg-type]
    scores = SCORES if vocab is VOCABULARY else score_definitions(vocab)
    rows = []
    for group in _as_counts(features, vocab):
        row: dict[str, object] = {
            "outlet": group.outlet,
            "outlet_name": group.outlet_name,
            "n_articles": group.n_articles,
            "n_words": group.n_words,
            "n_sentences": group.n_sentences,
        }
        row["resampled"] = resampling_unit(group.n_articles)
        row.update(score_row(group.evaluated(seed, n_boot), scores))
        rows.append(row)
    return pd.DataFrame(rows)


def _as_counts(
    features: Sequence[ArticleFeatures] | Sequence[OutletCounts], vocab: Vocabulary = VOCABULARY
) -> Sequence[OutletCounts]:
    if features and isinstance(features[0], OutletCounts):
        return features  # type: ignore[return-value]
    return outlet_counts(features, vocab)  # type: ignore[arg-type]


def article_scores(features: list[ArticleFeatures], seed: int = 0, n_boot: int = DEFAULT_N_BOOT) -> pd.DataFrame:
    """One row per article: id, outlet, title, date, n_words, n_sentences and the profile's score columns.

    Intervals resample the article's own sentences (seeded by ``seed`` and the article id),
    so a short article's wide interval says how little one article shows.
    """
    vocab = vocabulary_for(features)
    scores = SCORES if vocab is VOCABULARY else score_definitions(vocab)
    rows = []
    for f in features:
        row: dict[str, object] = {
            "id": f.id,
            "outlet": f.outlet,
            "title": f.meta.title,
            "date": f.meta.date,
            "n_words": f.n_words,
            "n_sentences": len(f.sentences),
        }
        row.update(score_row(evaluate(sentence_table(f, vocab), f.id, seed, n_boot), scores))
        rows.append(row)
    return pd.DataFrame(rows)


def quote_balance(features: list[ArticleFeatures], groups: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """Long format, one row per outlet (or named group) and side, every side listed even at zero.

    Columns: outlet, side (as the quote extractor assigns it, including "EU", "media" and
    "unknown"), n_quotes, quoted_words, share_quotes (of all the outlet's quotes),
    share_words (of all its quoted words). Shares are nan when the outlet has no quotes.
    ``groups`` maps a label to outlet slugs to pool several outlets (used by compare).
    """
    groups = groups or {outlet: [outlet] for outlet in by_outlet(features)}
    quote_sides = [*vocabulary_for(features).sides, "unknown"]
    rows = []
    for label, members in groups.items():
        quotes = [q for f in features if f.outlet in members for q in f.quotes]
        n_total = len(quotes)
        w_total = sum(q.n_words for q in quotes)
        for side in quote_sides:
            chosen = [q for q in quotes if q.side == side]
            words = sum(q.n_words for q in chosen)
            rows.append(
                {
                    "outlet": label,
                    "side": side,
                    "n_quotes": len(chosen),
                    "quoted_words": words,
                    "share_quotes": len(chosen) / n_total if n_total else float("nan"),
                    "share_words": words / w_total if w_total else float("nan"),
                }
            )
    return pd.DataFrame(rows)


def top_speakers(
    features: list[ArticleFeatures], groups: dict[str, list[str]] | None = None, top: int = 10
) -> pd.DataFrame:
    """Who is quoted most: outlet, speaker, side, n_quotes, quoted_words; top ``top`` per outlet or group.

    speaker is "(unidentified)" when the quote extractor found no speaker.
    """
    groups = groups or {outlet: [outlet] for outlet in by_outlet(features)}
    rows = []
    for label, members in groups.items():
        counts: Counter[tuple[str, str]] = Counter()
        words: Counter[tuple[str, str]] = Counter()
        for f in features:
            if f.outlet in members:
                for q in f.quotes:
                    key = (q.speaker or "(unidentified)", q.side)
                    counts[key] += 1
                    words[key] += q.n_words
        ranked = sorted(counts, key=lambda k: (-counts[k], -words[k], k))[:top]
        rows += [
            {"outlet": label, "speaker": k[0], "side": k[1], "n_quotes": counts[k], "quoted_words": words[k]}
            for k in ranked
        ]
    return pd.DataFrame(rows, columns=["outlet", "speaker", "side", "n_quotes", "quoted_words"])


def actor_sentiment(
    features: list[ArticleFeatures] | Sequence[OutletCounts], seed: int = 0, n_boot: int = DEFAULT_N_BOOT
) -> pd.DataFrame:
    """Long format, one row per outlet and actor (``features`` may be outlet counts, as for outlet_profiles).

    Columns: outlet, actor, group, mentions (all mentions), sentences (distinct sentences
    mentioning the actor: the observations), mean_compound (mean VADER compound of those
    sentences), lo, hi (95% bootstrap interval over the outlet's sentences), flag (True
    when fewer than :data:`MIN_MENTIONS` sentences mention the actor). Sentence-level
    sentiment: it says in what tone an actor appears, not what is said about it.
    """
    rows = []
    for group in _as_counts(features):
        outlet, groups_of = group.outlet, group.actors()
        if not groups_of:
            continue
        evaluated = group.evaluated(seed, n_boot)
        for actor in sorted(groups_of):
            score = Score(actor, actor, _column_ratio(f"actor_c:{actor}", f"actor:{actor}"), "", 0)
            estimate = float(score.value(evaluated.point)[0])
            lo, hi = percentile_interval(score.value(evaluated.replicates))
            sentences = int(evaluated.point[f"actor:{actor}"][0])
            rows.append(
                {
                    "outlet": outlet,
                    "actor": actor,
                    "group": groups_of[actor],
                    "mentions": int(evaluated.point[f"actor_m:{actor}"][0]),
                    "sentences": sentences,
                    "mean_compound": estimate,
                    "lo": lo,
                    "hi": hi,
                    "flag": sentences < MIN_MENTIONS,
                }
            )
    columns = ["outlet", "actor", "group", "mentions", "sentences", "mean_compound", "lo", "hi", "flag"]
    return pd.DataFrame(rows, columns=columns)


def loaded_by_category(features: list[ArticleFeatures]) -> pd.DataFrame:
    """Long format, one row per outlet, category and perspective that occurs.

    Columns: outlet, category, perspective, count (all matches), count_own (outside
    quotations: the outlet's own voice), per_1k and per_1k_own (per 1,000 words of the outlet).
    """
    rows = []
    for outlet, group in by_outlet(features).items():
        words = sum(f.n_words for f in group)
        counts: Counter[tuple[str, str]] = Counter()
        own: Counter[tuple[str, str]] = Counter()
        for f in group:
            for t in f.loaded_terms:
                counts[(t.category, t.perspective)] += 1
                own[(t.category, t.perspective)] += not t.quoted
        for (category, perspective), count in sorted(counts.items()):
            rows.append(
                {
                    "outlet": outlet,
                    "category": category,
                    "perspective": perspective,
                    "count": count,
                    "count_own": own[(category, perspective)],
                    "per_1k": 1000 * count / words if words else float("nan"),
                    "per_1k_own": 1000 * own[(category, perspective)] / words if words else float("nan"),
                }
            )
    columns = ["outlet", "category", "perspective", "count", "count_own", "per_1k", "per_1k_own"]
    return pd.DataFrame(rows, columns=columns)
