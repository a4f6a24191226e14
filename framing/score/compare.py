"""Compare two outlets (or two groups of outlets): every frame a reader needs, in one result.

The comparison holds the side-by-side scores with the bootstrap interval of each
difference, the distinctive vocabulary (Fightin' Words), the z-scores of lexicon
vocabulary, who each side quotes, loaded terms only one side uses, naming differences
and two similarities. Renderers (framing.render.compare) only format it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import UsageError
from framing.extract.features import ArticleFeatures
from framing.ingest.corpus import outlets, select_outlets
from framing.lexicon.bundle import Lexicons, default_lexicons
from framing.lexicon.matcher import longest_non_overlapping
from framing.score.bootstrap import CONFIDENCE, DEFAULT_N_BOOT, excludes_zero, percentile_interval
from framing.score.fightin_words import DEFAULT_ALPHA0, log_odds_z, score_terms, top_by_side
from framing.score.naming import naming_differences
from framing.score.profile import (
    MIN_ATTRIBUTIONS,
    MIN_MENTIONS,
    MIN_QUOTES,
    MIN_SENTENCES,
    SCORES,
    Evaluated,
    evaluate,
    group_table,
    outlet_profiles,
    quote_balance,
    resampled_table,
    resampling_unit,
    top_speakers,
)
from framing.score.similarity import outlet_documents, standardised_profiles, tfidf_vectorizer
from framing.score.source_types import TYPE_COLUMNS, source_types
from framing.text import Doc

# The default screen for distinctive terms. z ranks terms, it is not a test: with hundreds of
# candidate terms some pass any threshold by chance, and with one article per outlet hardly any
# term reaches 1.96 (the two-sided 5% level for a single term). 1.0 shows the strongest
# differences the data has; the output states the threshold and how many terms pass 1.96.
DEFAULT_MIN_Z = 1.0
DEFAULT_TOP = 15
SIGNIFICANT_Z = 1.96


@dataclass
class Comparison:
    """Everything `framing compare` shows; every frame uses "a" and "b" for the two sides.

    scores: one row per profile score: score, label, a, a_lo, a_hi, a_n, a_flag, b, b_lo,
        b_hi, b_n, b_flag, diff (a - b), diff_lo, diff_hi (95% bootstrap interval of the
        difference: both sides resampled independently), excludes_zero.
    distinctive: Fightin' Words terms with |z| >= min_z (term, ngram, count_a, count_b, delta, z, side).
    lexicon_terms: the same z for each loaded term and non-neutral naming variant found on
        either side, whatever its |z| (see :func:`lexicon_term_z`).
    quote_balance: group ("a"/"b"), side, n_quotes, quoted_words, share_quotes, share_words.
    speakers: group, speaker, side, n_quotes, quoted_words (top speakers per side).
    loaded_only: loaded-lexicon entries used by one side only: term, category, perspective,
        count_a, count_b, only_in, examples (the words as written).
    naming: see :func:`framing.score.naming.naming_differences`.
    similarity: {"tfidf": cosine of the two sides' TF-IDF vectors, "profile": cosine of their
        standardised score profiles}.
    """

    a: list[str]
    b: list[str]
    names: dict[str, str]
    sizes: dict[str, dict[str, Any]]  # n_articles, n_words, n_sentences, resampled
    scores: pd.DataFrame
    distinctive: pd.DataFrame
    lexicon_terms: pd.DataFrame
    quote_balance: pd.DataFrame
    speakers: pd.DataFrame
    loaded_only: pd.DataFrame
    naming: pd.DataFrame
    similarity: dict[str, float]
    settings: dict[str, Any] = field(default_factory=dict)
    n_significant: int = 0  # distinctive terms with |z| >= 1.96 (before the top-N cut)
    # group ("a"/"b"), speaker_type, n_quotes, quoted_words, share_quotes (framing.score.source_types)
    source_types: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["group", *TYPE_COLUMNS[1:]]))

    @property
    def label_a(self) -> str:
        return "+".join(self.a)

    @property
    def label_b(self) -> str:
        return "+".join(self.b)

    def to_dict(self) -> dict[str, Any]:
        """Every number, JSON-ready (nan becomes null); the key findings first."""
        from framing.score.key_findings import key_findings

        return json_ready(
            {
                "key_findings": key_findings(self).to_dict(),
                "a": {"outlets": self.a, "names": [self.names[o] for o in self.a], **self.sizes["a"]},
                "b": {"outlets": self.b, "names": [self.names[o] for o in self.b], **self.sizes["b"]},
                "settings": self.settings,
                "similarity": self.similarity,
                "scores": self.scores.to_dict("records"),
                "distinctive_terms": self.distinctive.to_dict("records"),
                "n_terms_z_1_96": self.n_significant,
                "lexicon_terms": self.lexicon_terms.to_dict("records"),
                "quote_balance": self.quote_balance.to_dict("records"),
                "speakers": self.speakers.to_dict("records"),
                "loaded_only": self.loaded_only.to_dict("records"),
                "naming": self.naming.to_dict("records"),
                "source_types": self.source_types.to_dict("records"),
            }
        )


def json_ready(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def resolve_groups(features: list[ArticleFeatures], a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    """Check both groups against the corpus; every problem is a one-line UsageError listing the outlets."""
    known = outlets(features)
    available = f"available: {', '.join(sorted(known))}"
    a = list(dict.fromkeys(s.strip() for s in a if s.strip()))
    b = list(dict.fromkeys(s.strip() for s in b if s.strip()))
    if not a or not b:
        raise UsageError(None, f"compare needs an outlet (or group) on each side ({available})")
    for group in (a, b):
        selected = select_outlets(features, group)  # raises on an unknown slug
        for slug in group:
            if not any(f.outlet == slug and f.n_words for f in selected):
                raise UsageError(None, f"outlet '{slug}' has no articles with text ({available})")
    same = [s for s in a if s in b]
    if same:
        raise UsageError(None, f"cannot compare outlet '{same[0]}' with itself ({available})")
    return a, b


def score_table(
    features: list[ArticleFeatures], a: list[str], b: list[str], seed: int = 0, n_boot: int = DEFAULT_N_BOOT
) -> pd.DataFrame:
    """Side-by-side scores with the bootstrap interval of the difference (see :class:`Comparison`)."""
    sides = {}
    for name, group in (("a", a), ("b", b)):
        key = side_key(group)
        table, _ = resampled_table([f for f in features if f.outlet in group])
        sides[name] = evaluate(table, key, seed, n_boot)
    return score_rows(sides)


def side_key(group: list[str]) -> str:
    """The bootstrap seed key of a side: a single outlet's own slug, so its numbers match `framing profile`."""
    return group[0] if len(group) == 1 else "+".join(sorted(group))


def score_rows(sides: dict[str, Evaluated]) -> pd.DataFrame:
    """The frame of :func:`score_table` from each side's evaluated sums ("a" and "b")."""
    rows = []
    for score in SCORES:
        row: dict[str, Any] = {"score": score.name, "label": score.label}
        replicates = {}
        for name, evaluated in sides.items():
            estimate, reps, n = evaluated.score(score)
            lo, hi = percentile_interval(reps)
            row.update({name: estimate, f"{name}_lo": lo, f"{name}_hi": hi, f"{name}_n": n})
            row[f"{name}_flag"] = n < score.min_n
            replicates[name] = reps
        diff_lo, diff_hi = percentile_interval(replicates["a"] - replicates["b"])
        row.update({"diff": row["a"] - row["b"], "diff_lo": diff_lo, "diff_hi": diff_hi})
        row["excludes_zero"] = excludes_zero(diff_lo, diff_hi)
        rows.append(row)
    return pd.DataFrame(rows)


def lexicon_term_z(
    features: list[ArticleFeatures],
    a: list[str],
    b: list[str],
    lex: Lexicons,
    alpha0: float = DEFAULT_ALPHA0,
) -> pd.DataFrame:
    """Fightin' Words z for each lexicon phrase (loaded terms, non-neutral naming variants) found on either side.

    Each phrase is one term of the vocabulary and all other words one "other" term, so
    the prior and the totals are in words, as for single words. No threshold: the list
    is fixed in advance by the lexicons, not searched for, so every phrase is shown.
    Columns: term (the lexicon entry), examples (as written), lexicon ("loaded",
    "naming" or both), perspective, count_a, count_b, delta, z, side; A's phrases first,
    each side by |z|.
    """
    spans = LexiconSpans()
    for f in features:
        for t in f.loaded_terms:
            spans.note(t.term, (f.outlet, f.id, t.start, t.end), "loaded", t.perspective, t.text)
        for m in longest_non_overlapping(lex.naming.find(Doc(f.text))):
            spans.naming(f.outlet, f.id, m, f.text)
    words = {side: sum(f.n_words for f in features if f.outlet in group) for side, group in (("a", a), ("b", b))}
    return spans.scored(a, b, (words["a"], words["b"], sum(f.n_words for f in features)), alpha0)


class LexiconSpans:
    """How often each lexicon phrase occurs, per outlet, collected article by article for :func:`lexicon_term_z`.

    A span (start, end) found twice in one article (a loaded term that is also a naming
    variant under the same key) counts once. Only counts are kept, so a pass over a whole
    store holds the lexicon's phrases, not every occurrence.
    """

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.info: dict[str, dict[str, Any]] = {}
        self._article: tuple[str, str] | None = None
        self._seen: set[tuple[str, int, int]] = set()

    def note(self, key: str, where: tuple[str, str, int, int], lexicon: str, perspective: str, example: str) -> None:
        """One occurrence at ``where`` = (outlet, article id, start, end)."""
        outlet, article_id, start, end = where
        if self._article != (outlet, article_id):
            self._article, self._seen = (outlet, article_id), set()
        if (key, start, end) not in self._seen:
            self._seen.add((key, start, end))
            self.counts[key][outlet] += 1
        entry = self.info.setdefault(key, {"lexicon": set(), "perspective": perspective, "examples": set()})
        entry["lexicon"].add(lexicon)
        entry["examples"].add(" ".join(example.split()))

    def naming(self, outlet: str, article_id: str, m, text: str) -> None:
        """A naming-lexicon match; variants used by every perspective ("any") are not phrases of a side."""
        variant = m.entry.payload
        if variant.perspective != "any":
            where = (outlet, article_id, m.start, m.end)
            self.note(variant.variant, where, "naming", variant.perspective, text[m.start : m.end])

    def scored(
        self,
        a: list[str],
        b: list[str],
        totals: tuple[float, float, float],
        alpha0: float = DEFAULT_ALPHA0,
    ) -> pd.DataFrame:
        """The frame of :func:`lexicon_term_z`; ``totals`` = words of A, of B and of the corpus."""
        info = self.info
        corpus = {k: sum(v.values()) for k, v in self.counts.items()}
        count_a = {k: sum(n for o, n in v.items() if o in a) for k, v in self.counts.items()}
        count_b = {k: sum(n for o, n in v.items() if o in b) for k, v in self.counts.items()}
        used = [k for k in self.counts if count_a[k] or count_b[k]]
        columns = ["term", "examples", "lexicon", "perspective", "count_a", "count_b", "delta", "z", "side"]
        if not used:
            return pd.DataFrame(columns=columns)
        scored = log_odds_z(
            {k: count_a[k] for k in used if count_a[k]},
            {k: count_b[k] for k in used if count_b[k]},
            corpus,
            alpha0,
            totals,
        )
        scored["examples"] = ["; ".join(sorted(info[t]["examples"])) for t in scored["term"]]
        scored["lexicon"] = [" and ".join(sorted(info[t]["lexicon"])) for t in scored["term"]]
        scored["perspective"] = [info[t]["perspective"] for t in scored["term"]]
        scored["side"] = np.where(scored["z"] > 0, "a", "b")
        ranked = scored.assign(abs_z=scored["z"].abs(), order=scored["side"].map({"a": 0, "b": 1}))
        ranked = ranked.sort_values(["order", "abs_z", "term"], ascending=[True, False, True])
        return ranked[columns].reset_index(drop=True)


def loaded_only(features: list[ArticleFeatures], a: list[str], b: list[str]) -> pd.DataFrame:
    """Loaded-lexicon entries found on one side and not the other (see :class:`Comparison`)."""
    tallies = LoadedTallies()
    for f in features:
        if f.outlet in a or f.outlet in b:
            for t in f.loaded_terms:
                tallies.note(f.outlet, t.term, t.category, t.perspective, t.text)
    return tallies.only(a, b)


class LoadedTallies:
    """Per outlet and lexicon entry: occurrences, the last occurrence's category and perspective,
    and the texts found, noted in corpus order; what :func:`loaded_only` needs of any two sides,
    so a feature store's pass over its findings serves every pair it compares."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()
        self.last: dict[tuple[str, str], tuple[int, str, str]] = {}
        self.examples: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._position = 0

    def note(self, outlet: str, term: str, category: str, perspective: str, text: str) -> None:
        key = (outlet, term)
        self.counts[key] += 1
        self.last[key] = (self._position, category, perspective)
        self.examples[key].add(" ".join(text.split()))
        self._position += 1

    def only(self, a: list[str], b: list[str]) -> pd.DataFrame:
        """The frame of :func:`loaded_only` for sides ``a`` and ``b``."""
        last: dict[str, tuple[int, str, str]] = {}
        counts: dict[str, dict[str, int]] = defaultdict(lambda: {"a": 0, "b": 0})
        examples: dict[str, set[str]] = defaultdict(set)
        for (outlet, term), n in self.counts.items():
            side = "a" if outlet in a else "b" if outlet in b else None
            if side is None:
                continue
            counts[term][side] += n
            examples[term] |= self.examples[(outlet, term)]
            if term not in last or self.last[(outlet, term)][0] > last[term][0]:
                last[term] = self.last[(outlet, term)]
        info = {term: (category, perspective) for term, (_, category, perspective) in last.items()}
        rows = [
            {
                "term": term,
                "category": info[term][0],
                "perspective": info[term][1],
                "count_a": c["a"],
                "count_b": c["b"],
                "only_in": "a" if c["b"] == 0 else "b",
                "examples": "; ".join(sorted(examples[term])),
            }
            for term, c in counts.items()
            if (c["a"] == 0) != (c["b"] == 0)
        ]
        columns = ["term", "category", "perspective", "count_a", "count_b", "only_in", "examples"]
        frame = pd.DataFrame(rows, columns=columns)
        order = ["only_in", "count_a", "count_b", "term"]
        return frame.sort_values(order, ascending=[True, False, False, True]).reset_index(drop=True)


def group_similarity(features: list[ArticleFeatures], a: list[str], b: list[str]) -> dict[str, float]:
    """TF-IDF cosine (IDF fitted on one document per outlet) and standardised-profile cosine of the two sides."""
    vectorizer = tfidf_vectorizer().fit(list(outlet_documents(features).values()))
    docs = ["\n\n".join(f.text for f in features if f.outlet in group) for group in (a, b)]
    matrix = vectorizer.transform(docs)
    from sklearn.metrics.pairwise import cosine_similarity  # here: importing scikit-learn is slow

    tfidf = float(cosine_similarity(matrix[0], matrix[1])[0, 0])
    profiles = outlet_profiles(features, n_boot=0)
    return {"tfidf": tfidf, "profile": profile_cosine(profiles, [group_estimates(features, g) for g in (a, b)])}


def profile_cosine(profiles: pd.DataFrame, points: list[pd.Series]) -> float:
    """Cosine of two sides' score estimates, standardised with the corpus's outlets' profiles.

    Standardised as framing.score.similarity does, so a single outlet on each side gives
    the same number as the outlet x outlet profile similarity.
    """
    reference = profiles.set_index("outlet")
    z_all = standardised_profiles(profiles)
    mean = reference[z_all.columns].astype(float).mean()
    std = reference[z_all.columns].astype(float).std(ddof=0)
    vectors = []
    for point in points:
        vectors.append(((point[z_all.columns] - mean) / std).fillna(0.0).to_numpy(dtype=float))
    if z_all.shape[1] == 0 or not all(np.any(v) for v in vectors):
        profile = float("nan")
    else:
        from sklearn.metrics.pairwise import cosine_similarity

        profile = float(cosine_similarity(vectors[0].reshape(1, -1), vectors[1].reshape(1, -1))[0, 0])
    return profile


def group_estimates(features: list[ArticleFeatures], group: list[str]) -> pd.Series:
    """Point estimates of every score for a pooled group of outlets."""
    # Point estimates only (no resamples): per-article rows give the same sums, in less memory.
    return estimates(group_table((f for f in features if f.outlet in group), "articles"), group)


def estimates(table: pd.DataFrame, group: list[str]) -> pd.Series:
    """Point estimates of every score from a group's rows."""
    evaluated = evaluate(table, "+".join(group), 0, 0)
    return pd.Series({s.name: evaluated.score(s)[0] for s in SCORES})


def comparison_settings(min_z: float, top: int, seed: int, n_boot: int, alpha0: float) -> dict[str, float | int]:
    """The settings a comparison reports beside its figures (the corpus and the store path alike)."""
    return {
        "min_z": min_z,
        "top": top,
        "seed": seed,
        "n_boot": n_boot,
        "alpha0": alpha0,
        "confidence": CONFIDENCE,
        "min_sentences": MIN_SENTENCES,
        "min_attributions": MIN_ATTRIBUTIONS,
        "min_quotes": MIN_QUOTES,
        "min_mentions": MIN_MENTIONS,
    }


def compare(
    features: list[ArticleFeatures],
    a: list[str],
    b: list[str],
    min_z: float = DEFAULT_MIN_Z,
    top: int = DEFAULT_TOP,
    seed: int = 0,
    n_boot: int = DEFAULT_N_BOOT,
    alpha0: float = DEFAULT_ALPHA0,
    lex: Lexicons | None = None,
) -> Comparison:
    """Compare outlets ``a`` with outlets ``b`` (each a list of slugs; several slugs are pooled)."""
    a, b = resolve_groups(features, a, b)
    lex = lex or default_lexicons()
    names = {f.outlet: f.meta.outlet_name for f in features}
    sizes: dict[str, dict[str, Any]] = {
        side: {
            "n_articles": sum(1 for f in features if f.outlet in group),
            "n_words": sum(f.n_words for f in features if f.outlet in group),
            "n_sentences": sum(len(f.sentences) for f in features if f.outlet in group),
        }
        for side, group in (("a", a), ("b", b))
    }
    for size in sizes.values():
        size["resampled"] = resampling_unit(size["n_articles"])
    scored = score_terms(features, a, b, alpha0)
    groups = {"a": a, "b": b}
    return Comparison(
        a=a,
        b=b,
        names=names,
        sizes=sizes,
        scores=score_table(features, a, b, seed, n_boot),
        distinctive=top_by_side(scored[scored["z"].abs() >= min_z], top).reset_index(drop=True),
        lexicon_terms=lexicon_term_z(features, a, b, lex, alpha0),
        quote_balance=quote_balance(features, groups).rename(columns={"outlet": "group"}),
        speakers=top_speakers(features, groups, top).rename(columns={"outlet": "group"}),
        loaded_only=loaded_only(features, a, b),
        naming=naming_differences(features, a, b, lex),
        similarity=group_similarity(features, a, b),
        settings=comparison_settings(min_z, top, seed, n_boot, alpha0),
        n_significant=int((scored["z"].abs() >= SIGNIFICANT_Z).sum()),
        source_types=source_types(features, groups).rename(columns={"outlet": "group"}),
    )
