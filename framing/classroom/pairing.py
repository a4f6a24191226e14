"""Two excerpts on the same sub-topic from two outlets, for the "same event, two outlets" exercise.

Today the match is lexical: every candidate excerpt becomes a TF-IDF vector (IDF fitted
on the corpus's sentences, English stop words removed) and excerpts from different
outlets are paired by cosine similarity. Lexical overlap finds passages about the same
troop deployment or the same leaked letters well enough for a worksheet, but it cannot
tell agreement from contradiction.

Claim alignment (:mod:`framing.claims`, issue 9) is used first: when ``alignments`` is not
given, :func:`claim_alignments` supplies the corpus's aligned claims, each aligned pair of
spans is widened to whole sentences (:func:`pairs_from_alignments`), and TF-IDF pairs only
fill the sheet up when there are too few. Alignments passed explicitly are used alone.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from framing.classroom.excerpts import (
    MAX_WORDS,
    MIN_WORDS,
    Excerpt,
    candidate_excerpts,
    excerpt_around,
    prefer_paragraph_starts,
)
from framing.errors import DataError
from framing.extract.features import ArticleFeatures
from framing.text import build_analyzer

# Below this cosine two excerpts rarely share more than stock words ("Russia", "NATO").
MIN_SIMILARITY = 0.12
SHARED_TERMS = 5


@dataclass(frozen=True, slots=True)
class ClaimAlignment:
    """Two spans, in two articles, that make the same claim (to be produced by claim alignment).

    Offsets are into each article's cleaned text, like every other span in the project.
    """

    article_a: str
    start_a: int
    end_a: int
    article_b: str
    start_b: int
    end_b: int
    score: float


@dataclass(frozen=True, slots=True)
class ExcerptPair:
    left: Excerpt
    right: Excerpt
    similarity: float
    shared_terms: tuple[str, ...]  # words both excerpts weigh heavily: the sub-topic, for the teacher
    method: str  # "tf-idf cosine" or "claim alignment"


def _vectorizer(features: Sequence[ArticleFeatures]) -> TfidfVectorizer:
    sentences = [s.text for f in features for s in f.sentences]
    # The project's words without numbers or pieces of them ("000-strong"): a shared "2,000" is not a sub-topic.
    words = build_analyzer(stop_words="english", numbers="drop_any_digit")
    vectorizer = TfidfVectorizer(analyzer=words, sublinear_tf=True)
    vectorizer.fit(sentences)
    return vectorizer


def _shared(vectorizer: TfidfVectorizer, left: str, right: str) -> tuple[str, ...]:
    vectors = vectorizer.transform([left, right]).toarray()
    product = vectors[0] * vectors[1]
    names = vectorizer.get_feature_names_out()
    order = [i for i in np.argsort(-product, kind="stable") if product[i] > 0][:SHARED_TERMS]
    return tuple(str(names[i]) for i in order)


def _pick(ranked: list[tuple[float, Excerpt, Excerpt, float]], count: int) -> list[tuple[Excerpt, Excerpt, float]]:
    """Greedy choice: no two chosen excerpts overlap; first prefer outlet pairs not used yet."""
    chosen: list[tuple[Excerpt, Excerpt, float]] = []
    used_pairs: set[frozenset[str]] = set()
    for fresh_pairs_only in (True, False):
        for _, left, right, similarity in ranked:
            if len(chosen) >= count:
                return chosen
            outlets = frozenset((left.source.outlet, right.source.outlet))
            if fresh_pairs_only and outlets in used_pairs:
                continue
            if any(e.overlaps(left) or e.overlaps(right) for pair in chosen for e in pair[:2]):
                continue
            chosen.append((left, right, similarity))
            used_pairs.add(outlets)
    return chosen


def choose_pairs(
    features: Sequence[ArticleFeatures],
    count: int,
    rng: random.Random,
    min_words: int = MIN_WORDS,
    max_words: int = MAX_WORDS,
    avoid: re.Pattern[str] | None = None,
    alignments: Sequence[ClaimAlignment] | None = None,
    where: str = "corpus",
) -> list[ExcerptPair]:
    """Up to ``count`` pairs of excerpts from two different outlets on the same sub-topic.

    The seed only reorders pairs of similar quality (scores are jittered by at most 15%),
    so a different seed gives a different worksheet without pairing unrelated passages.
    """
    outlets = sorted({f.outlet for f in features})
    if len(outlets) < 2:
        have = outlets[0] if outlets else "none"
        raise DataError(where, f"the pair exercise needs articles from at least two outlets (found one: {have})")
    claimed: list[ExcerptPair] = []
    if alignments is None:  # claim alignment first (framing.claims); TF-IDF tops the sheet up
        found = pairs_from_alignments(features, claim_alignments(features), count, min_words, max_words, avoid)
        claimed = [ExcerptPair(*_ordered(p.left, p.right, rng), p.similarity, p.shared_terms, p.method) for p in found]
        if len(claimed) >= count:
            return claimed
    elif alignments:
        return pairs_from_alignments(features, alignments, count, min_words, max_words, avoid)
    vectorizer = _vectorizer(features)
    taken = [e for p in claimed for e in (p.left, p.right)]
    candidates = [
        e
        for f in features
        for e in prefer_paragraph_starts(f, candidate_excerpts(f, min_words, max_words, avoid))
        if not any(e.overlaps(t) for t in taken)
    ]
    if not candidates and claimed:
        return claimed
    if not candidates:
        raise DataError(where, f"the pair exercise found no run of whole sentences of {min_words}-{max_words} words")
    matrix = vectorizer.transform([e.text for e in candidates])
    similarity = (matrix @ matrix.T).toarray()
    ranked: list[tuple[float, Excerpt, Excerpt, float]] = []
    for i, left in enumerate(candidates):
        for j in range(i + 1, len(candidates)):
            right = candidates[j]
            if left.source.outlet == right.source.outlet or similarity[i, j] < MIN_SIMILARITY:
                continue
            ranked.append((float(similarity[i, j]), left, right, float(similarity[i, j])))
    jittered = [(score * rng.uniform(0.85, 1.0), left, right, sim) for score, left, right, sim in ranked]
    jittered.sort(key=lambda r: (-r[0], r[1].source.article_id, r[1].start, r[2].source.article_id, r[2].start))
    picked = _pick(jittered, count - len(claimed))
    if not picked and claimed:
        return claimed
    if not picked:
        raise DataError(
            where,
            f"the pair exercise found no two excerpts from different outlets on the same sub-topic "
            f"(TF-IDF cosine >= {MIN_SIMILARITY})",
        )
    return claimed + [
        ExcerptPair(
            *_ordered(left, right, rng), round(sim, 3), _shared(vectorizer, left.text, right.text), "tf-idf cosine"
        )
        for left, right, sim in picked
    ]


def _ordered(left: Excerpt, right: Excerpt, rng: random.Random) -> tuple[Excerpt, Excerpt]:
    """Which outlet appears on the left is up to the seed, so position hints at nothing."""
    return (left, right) if rng.random() < 0.5 else (right, left)


def claim_alignments(features: Sequence[ArticleFeatures]) -> list[ClaimAlignment]:
    """Every cross-outlet pair of units in one claim group (framing.claims), scored by wording similarity."""
    from framing.claims import align as claims_align  # imported late: framing.claims uses framing.render
    from framing.claims.similarity import UnitSimilarity
    from framing.claims.units import corpus_units
    from framing.lexicon.bundle import default_lexicons

    units = corpus_units(features, default_lexicons())
    similarity = UnitSimilarity(units)
    index = {u.key: i for i, u in enumerate(units)}
    alignments = []
    for group in claims_align.align(units, similarity):
        for i, a in enumerate(group.units):
            for b in group.units[i + 1 :]:
                if a.outlet != b.outlet:
                    score = round(similarity.get(index[a.key], index[b.key]), 3)
                    alignments.append(ClaimAlignment(a.article_id, a.start, a.end, b.article_id, b.start, b.end, score))
    return alignments


def pairs_from_alignments(
    features: Sequence[ArticleFeatures],
    alignments: Sequence[ClaimAlignment],
    count: int,
    min_words: int = MIN_WORDS,
    max_words: int = MAX_WORDS,
    avoid: re.Pattern[str] | None = None,
) -> list[ExcerptPair]:
    """Hook for claim alignments: widen each aligned span pair to whole-sentence excerpts.

    Alignments are taken best score first; pairs whose spans cannot be widened into
    usable excerpts (headings, outlet names when hidden, too long) are skipped.
    """
    by_id = {f.id: f for f in features}
    vectorizer = _vectorizer(features)
    ranked: list[tuple[float, Excerpt, Excerpt, float]] = []
    for a in sorted(alignments, key=lambda a: -a.score):
        fa, fb = by_id.get(a.article_a), by_id.get(a.article_b)
        if fa is None or fb is None or fa.outlet == fb.outlet:
            continue
        left = excerpt_around(fa, a.start_a, a.end_a, min_words, max_words, avoid)
        right = excerpt_around(fb, a.start_b, a.end_b, min_words, max_words, avoid)
        if left and right:
            ranked.append((a.score, left, right, a.score))
    return [
        ExcerptPair(left, right, round(sim, 3), _shared(vectorizer, left.text, right.text), "claim alignment")
        for left, right, sim in _pick(ranked, count)
    ]
