"""`framing compare --store`: the comparison of framing.score.compare, read from the store's tables.

Scores, sizes, quote balance and speakers come from the engine (framing/store/aggregate.py).
What needs words (distinctive terms, lexicon phrases, naming variants, TF-IDF) comes from
one pass over the stored texts in store order, keeping only running counts, so memory
follows the vocabulary, not the corpus. Every frame equals the one the features give
(tested on the seeds): the counts are fed to the same scoring functions, and the TF-IDF
matrix is laid out as scikit-learn lays out the matrix of the joined documents.
"""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.metrics.pairwise import cosine_similarity

from framing.lexicon.bundle import Lexicons, default_lexicons
from framing.lexicon.matcher import longest_non_overlapping
from framing.score.bootstrap import DEFAULT_N_BOOT
from framing.score.compare import (
    DEFAULT_MIN_Z,
    DEFAULT_TOP,
    SIGNIFICANT_Z,
    Comparison,
    LexiconSpans,
    comparison_settings,
    estimates,
    loaded_only,
    profile_cosine,
    resolve_groups,
    score_rows,
    side_key,
)
from framing.score.fightin_words import DEFAULT_ALPHA0, score_counts, sentence_ngrams, top_by_side
from framing.score.naming import differences_of_counts
from framing.score.profile import evaluate, outlet_profiles, resampling_unit
from framing.score.similarity import tfidf_unigrams, tfidf_vectorizer
from framing.store.aggregate import StoreCounts
from framing.store.database import FeatureStore
from framing.text import Doc

WINDOW = 2000  # articles read per query: the texts of one window are in memory at a time
_WINDOW_QUERY = """
    SELECT w.id, w.outlet, f.text, s.sentences, l.loaded
    FROM (SELECT * FROM current WHERE seq >= $p0 AND seq <= $p1) w
    JOIN analyses f USING (analysis)
    LEFT JOIN (
        SELECT analysis, list([start, "end"] ORDER BY sentence) AS sentences FROM findings
        WHERE kind = 'sentence' AND analysis IN (SELECT analysis FROM current WHERE seq >= $p0 AND seq <= $p1)
        GROUP BY analysis
    ) s USING (analysis)
    LEFT JOIN (
        SELECT analysis, list({'term': label, 'start': start, 'end': "end", 'text': text,
                               'category': attributes ->> 'category',
                               'perspective': attributes ->> 'perspective'} ORDER BY start) AS loaded
        FROM findings
        WHERE kind = 'loaded_term' AND analysis IN (SELECT analysis FROM current WHERE seq >= $p0 AND seq <= $p1)
        GROUP BY analysis
    ) l USING (analysis)
    ORDER BY w.seq
"""


def _articles_in_windows(counts: StoreCounts):
    """(id, outlet, text, sentence spans, loaded terms) of every article in store order, a window at a time."""
    seqs = counts.article_seqs([o.outlet for o in counts.outlets()])
    for i in range(0, len(seqs), WINDOW):
        window = seqs[i : i + WINDOW]
        yield counts._query(_WINDOW_QUERY, (int(window[0]), int(window[-1]))).fetchall()


class _Tokens:
    """Running unigram and bigram counts of one joined document, in scikit-learn's first-seen order."""

    def __init__(self) -> None:
        self.unigrams: Counter[str] = Counter()
        self.bigrams: Counter[str] = Counter()
        self.last: str | None = None

    def add(self, tokens: list[str]) -> None:
        self.unigrams.update(tokens)
        if tokens:
            joined = [self.last, *tokens] if self.last else tokens  # the joined document runs on
            self.bigrams.update(f"{x} {y}" for x, y in zip(joined, joined[1:], strict=False))
            self.last = tokens[-1]

    def terms(self) -> list[tuple[str, int]]:
        """(term, count), all unigrams then all bigrams, each in the order first seen."""
        return [*self.unigrams.items(), *self.bigrams.items()]


def tfidf_cosine(outlet_docs: list[_Tokens], side_docs: list[_Tokens]) -> float:
    """framing.score.compare.group_similarity's TF-IDF cosine, from token counts.

    A TfidfVectorizer fitted on the outlet documents and applied to the two sides' documents,
    rebuilt from counts: the fitted rows keep the order in which scikit-learn first met each
    term, the transformed rows are in vocabulary order, as its CountVectorizer leaves them.
    """
    first_seen: dict[str, int] = {}
    for doc in outlet_docs:
        for term, _ in doc.terms():
            first_seen.setdefault(term, len(first_seen))
    vocabulary = {t: i for i, t in enumerate(sorted(first_seen))}

    def matrix(docs: list[_Tokens], fitted: bool) -> sp.csr_matrix:
        indptr, indices, data = [0], [], []
        for doc in docs:
            terms = [(t, n) for t, n in doc.terms() if t in vocabulary]
            terms.sort(key=(lambda tn: first_seen[tn[0]]) if fitted else (lambda tn: vocabulary[tn[0]]))
            indices += [vocabulary[t] for t, _ in terms]
            data += [float(n) for _, n in terms]
            indptr.append(len(indices))
        shape = (len(docs), len(vocabulary))
        return sp.csr_matrix((np.array(data), np.array(indices, dtype=np.int32), np.array(indptr)), shape=shape)

    settings = tfidf_vectorizer()
    transformer = TfidfTransformer(
        norm=settings.norm, use_idf=settings.use_idf, smooth_idf=settings.smooth_idf, sublinear_tf=settings.sublinear_tf
    )
    transformer.fit(matrix(outlet_docs, True))
    sides = transformer.transform(matrix(side_docs, False))
    return float(cosine_similarity(sides[0], sides[1])[0, 0])


def store_compare(
    store_path,
    a: list[str],
    b: list[str],
    min_z: float = DEFAULT_MIN_Z,
    top: int = DEFAULT_TOP,
    seed: int = 0,
    n_boot: int = DEFAULT_N_BOOT,
    alpha0: float = DEFAULT_ALPHA0,
    lex: Lexicons | None = None,
) -> Comparison:
    """framing.score.compare.compare over the latest analyses of the store at ``store_path``."""
    lex = lex or default_lexicons()
    with FeatureStore(store_path, create=False) as store:
        counts = StoreCounts(store)
        outlets = counts.outlets()
        stand_ins = [
            SimpleNamespace(outlet=o.outlet, meta=SimpleNamespace(outlet_name=o.outlet_name), n_words=o.n_words)
            for o in outlets
        ]
        a, b = resolve_groups(stand_ins, a, b)  # type: ignore[arg-type]
        names = {o.outlet: o.outlet_name for o in outlets}
        sizes: dict[str, dict[str, Any]] = {}
        evaluated = {}
        points = []
        for side, group in (("a", a), ("b", b)):
            members = [o for o in outlets if o.outlet in group]
            n_articles = sum(o.n_articles for o in members)
            sizes[side] = {
                "n_articles": n_articles,
                "n_words": sum(o.n_words for o in members),
                "n_sentences": sum(o.n_sentences for o in members),
                "resampled": resampling_unit(n_articles),
            }
            evaluated[side] = evaluate(counts.table(group, sizes[side]["resampled"]), side_key(group), seed, n_boot)
            points.append(estimates(counts.table(group, "articles"), group))
        profiles = outlet_profiles(outlets, n_boot=0)
        text = _text_pass(counts, a, b, lex)
        groups = {"a": a, "b": b}
        quote_balance = counts.quote_balance(groups)
        speakers = counts.top_speakers(groups, top)
        source_types = counts.source_types(groups).rename(columns={"outlet": "group"})
    scored = score_counts(text["ngrams"], text["ngrams_a"], text["ngrams_b"], alpha0)
    words = (sizes["a"]["n_words"], sizes["b"]["n_words"], sum(o.n_words for o in outlets))
    return Comparison(
        a=a,
        b=b,
        names=names,
        sizes=sizes,
        scores=score_rows(evaluated),
        distinctive=top_by_side(scored[scored["z"].abs() >= min_z], top).reset_index(drop=True),
        lexicon_terms=text["spans"].scored(a, b, words, alpha0),
        quote_balance=quote_balance.rename(columns={"outlet": "group"}),
        speakers=speakers.rename(columns={"outlet": "group"}),
        loaded_only=loaded_only(text["loaded"], a, b),
        naming=differences_of_counts(text["naming"], a, b),
        similarity={"tfidf": text["tfidf"], "profile": profile_cosine(profiles, points)},
        settings=comparison_settings(min_z, top, seed, n_boot, alpha0),
        n_significant=int((scored["z"].abs() >= SIGNIFICANT_Z).sum()),
        source_types=source_types,
    )


def _text_pass(counts: StoreCounts, a: list[str], b: list[str], lex: Lexicons) -> dict[str, Any]:
    """One pass over the stored texts in store order: every count the word-based frames need."""
    ngrams: dict[int, Counter[str]] = {1: Counter(), 2: Counter()}
    ngrams_a: dict[int, Counter[str]] = {1: Counter(), 2: Counter()}
    ngrams_b: dict[int, Counter[str]] = {1: Counter(), 2: Counter()}
    spans = LexiconSpans()
    naming: Counter[tuple[str, str, str, str]] = Counter()
    loaded = []  # stand-ins for the features of A's and B's articles, loaded terms only
    unigrams = tfidf_unigrams()
    outlet_docs: dict[str, _Tokens] = {}
    side_docs = {"a": _Tokens(), "b": _Tokens()}
    for rows in _articles_in_windows(counts):
        for article_id, outlet, text, sentences, terms in rows:
            side = "a" if outlet in a else "b" if outlet in b else None
            for start, end in sentences or ():
                uni, bi = sentence_ngrams(text[start:end])
                for target in (ngrams, ngrams_a if side == "a" else ngrams_b if side == "b" else None):
                    if target is not None:
                        target[1].update(uni)
                        target[2].update(bi)
            terms = [SimpleNamespace(**t) for t in terms or ()]
            for t in terms:
                spans.note(t.term, (outlet, article_id, t.start, t.end), "loaded", t.perspective, t.text)
            for m in longest_non_overlapping(lex.naming.find(Doc(text))):
                v = m.entry.payload
                naming[(outlet, v.concept, v.variant, v.perspective)] += 1
                spans.naming(outlet, article_id, m, text)
            if side is not None:
                loaded.append(SimpleNamespace(outlet=outlet, loaded_terms=terms))
            tokens = unigrams(text)
            outlet_docs.setdefault(outlet, _Tokens()).add(tokens)
            if side is not None:
                side_docs[side].add(tokens)
    naming_frame = pd.DataFrame(
        [(*key, n) for key, n in sorted(naming.items())],
        columns=["outlet", "concept", "variant", "perspective", "count"],
    )
    return {
        "ngrams": ngrams,
        "ngrams_a": ngrams_a,
        "ngrams_b": ngrams_b,
        "spans": spans,
        "naming": naming_frame,
        "loaded": loaded,
        "tfidf": tfidf_cosine(list(outlet_docs.values()), [side_docs["a"], side_docs["b"]]),
    }
