"""`framing compare --store`: the comparison of framing.score.compare, read from the store's tables.

Scores, sizes, quote balance and speakers come from the engine (framing/store/aggregate.py).
What needs words (distinctive terms, lexicon phrases, naming variants, TF-IDF) is summed
in the engine too, from the ``term_counts`` rows and naming-variant findings each analysis
stores (framing/store/rows.py); a store made before those rows existed is read the old
way instead, one pass over the stored texts in store order keeping only running counts.
Either way memory follows the vocabulary, not the corpus, and every frame equals the one
the features give (tested on the seeds): the counts are fed to the same scoring
functions, and the TF-IDF matrix is laid out as scikit-learn lays out the matrix of the
joined documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
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
    LoadedTallies,
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


def _windows(counts: StoreCounts):
    """(first, last) article seq of each window of WINDOW articles, in store order."""
    seqs = counts.article_seqs([o.outlet for o in counts.outlets()])
    for i in range(0, len(seqs), WINDOW):
        window = seqs[i : i + WINDOW]
        yield int(window[0]), int(window[-1])


def _articles_in_windows(counts: StoreCounts):
    """(id, outlet, text, sentence spans, loaded terms) of every article in store order, a window at a time."""
    for bounds in _windows(counts):
        yield counts._query(_WINDOW_QUERY, bounds).fetchall()


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
    """framing.score.compare.group_similarity's TF-IDF cosine, from running token counts."""
    return _tfidf_of_counts([dict(d.terms()) for d in outlet_docs], [dict(d.terms()) for d in side_docs])


def _tfidf_of_counts(outlet_docs: list[Mapping[str, int]], side_docs: list[Mapping[str, int]]) -> float:
    """The TF-IDF cosine of the two sides' documents, from their term counts (see _tfidf_fitted)."""
    transform = _tfidf_fitted(outlet_docs)
    sides = transform(side_docs)
    return float(cosine_similarity(sides[0], sides[1])[0, 0])


def _tfidf_fitted(outlet_docs: list[Mapping[str, int]]) -> Callable[[list[Mapping[str, int]]], sp.csr_matrix]:
    """Documents' term counts -> their TF-IDF rows, as a TfidfVectorizer fitted on the outlet documents.

    The vectorizer is rebuilt from counts: the vocabulary is every term of the outlet documents in
    sorted order, as its CountVectorizer leaves it, and the fit needs only which documents hold a term.
    """
    vocabulary = {t: i for i, t in enumerate(sorted(set().union(*outlet_docs)))}

    def matrix(docs: list[Mapping[str, int]]) -> sp.csr_matrix:
        indptr, indices, data = [0], [], []
        for doc in docs:
            terms = sorted((vocabulary[t], n) for t, n in doc.items() if t in vocabulary)
            indices += [i for i, _ in terms]
            data += [float(n) for _, n in terms]
            indptr.append(len(indices))
        shape = (len(docs), len(vocabulary))
        return sp.csr_matrix((np.array(data), np.array(indices, dtype=np.int32), np.array(indptr)), shape=shape)

    settings = tfidf_vectorizer()
    transformer = TfidfTransformer(
        norm=settings.norm, use_idf=settings.use_idf, smooth_idf=settings.smooth_idf, sublinear_tf=settings.sublinear_tf
    )
    transformer.fit(matrix(outlet_docs))
    return lambda docs: transformer.transform(matrix(docs))


def outlet_tfidf(counts: StoreCounts) -> pd.DataFrame | None:
    """framing.score.similarity.tfidf_of_documents of one document per outlet, from the stored TF-IDF word
    counts instead of the joined texts (350 MB of text at 100,000 articles); None when some analysis
    has no word counts (a store written before them), for the caller to join the texts."""
    if not _all_counted(counts):
        return None
    docs: dict[str, Counter[str]] = {o.outlet: Counter() for o in counts.outlets()}
    for outlet, term, n in counts._query(_OUTLET_DOCS).fetchall():
        docs[outlet][term] += n
    for outlet, joined, n in counts._query(_OUTLET_JOINS).fetchall():
        docs[outlet][joined] += n
    rows = _tfidf_fitted(list(docs.values()))(list(docs.values()))
    names = list(docs)
    return pd.DataFrame(cosine_similarity(rows), index=names, columns=names)


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
    with StoreComparer(store_path, lex) as comparer:
        return comparer.compare(a, b, min_z, top, seed, n_boot, alpha0)


class StoreComparer:
    """Comparisons of any pairs of a store's outlets, sharing what does not depend on the pair.

    The corpus's n-gram sums, each outlet's TF-IDF document, the lexicon phrases, naming
    variants and loaded terms per outlet (one pass over the findings) and the outlets'
    point profiles are read once; each :meth:`compare` then sums only its two sides' rows.
    A report compares two pairs or more: this halves what it reads of a large store.
    """

    def __init__(self, store_path, lex: Lexicons | None = None, profiles: pd.DataFrame | None = None) -> None:
        """``profiles``: the store's outlet profiles when already computed (with any seed and n_boot:
        only the point estimates are read, to standardise the sides' profile cosine)."""
        self.lex = lex or default_lexicons()
        self.store = FeatureStore(store_path, create=False)
        try:
            self.counts = StoreCounts(self.store)
            self.outlets = self.counts.outlets()
            self.profiles = outlet_profiles(self.outlets, n_boot=0) if profiles is None else profiles
            self.shared = _shared_sums(self.counts) if _all_counted(self.counts) else None
        except BaseException:
            self.store.close()
            raise

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> StoreComparer:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def compare(
        self,
        a: list[str],
        b: list[str],
        min_z: float = DEFAULT_MIN_Z,
        top: int = DEFAULT_TOP,
        seed: int = 0,
        n_boot: int = DEFAULT_N_BOOT,
        alpha0: float = DEFAULT_ALPHA0,
    ) -> Comparison:
        """framing.score.compare.compare of outlets ``a`` with outlets ``b``."""
        counts, outlets = self.counts, self.outlets
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
            by_article = counts.table(group, "articles")
            resampled = by_article if sizes[side]["resampled"] == "articles" else counts.table(group, "sentences")
            evaluated[side] = evaluate(resampled, side_key(group), seed, n_boot)
            points.append(estimates(by_article, group))
        if self.shared is not None:
            text = _pair_sums(self.shared, counts, outlets, a, b)
        else:
            text = _reading_pass(counts, a, b, self.lex)
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
            loaded_only=text["loaded_only"],
            naming=differences_of_counts(text["naming"], a, b),
            similarity={"tfidf": text["tfidf"], "profile": profile_cosine(self.profiles, points)},
            settings=comparison_settings(min_z, top, seed, n_boot, alpha0),
            n_significant=int((scored["z"].abs() >= SIGNIFICANT_Z).sum()),
            source_types=source_types,
        )


def _all_counted(counts: StoreCounts) -> bool:
    tables = {r[0] for r in counts.db.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "term_counts" not in tables:
        return False
    missing = counts._query(
        """SELECT count(*) FROM current c WHERE NOT EXISTS
           (SELECT 1 FROM term_counts t WHERE t.analysis = c.analysis AND t.kind = 'counted')"""
    ).fetchall()[0][0]
    return missing == 0


_CORPUS_SUMS = """
    SELECT t.kind, t.term, sum(t.n)::BIGINT FROM current c JOIN term_counts t USING (analysis)
    WHERE t.kind IN ('fw1', 'fw2') GROUP BY ALL
"""
_OUTLET_DOCS = """
    SELECT c.outlet, t.term, sum(t.n)::BIGINT FROM current c JOIN term_counts t USING (analysis)
    WHERE t.kind IN ('tf1', 'tf2') GROUP BY ALL
"""
_SIDE_SUMS = """
    SELECT CASE WHEN c.outlet IN (SELECT unnest($p0)) THEN 'a' ELSE 'b' END AS side, t.kind, t.term,
           sum(t.n)::BIGINT
    FROM current c JOIN term_counts t USING (analysis)
    WHERE t.kind IN ('fw1', 'fw2') AND (c.outlet IN (SELECT unnest($p0)) OR c.outlet IN (SELECT unnest($p1)))
    GROUP BY ALL
"""
# The bigrams that join one article's last TF-IDF word to the next one's first, in store order,
# within each document: an outlet's (partition by outlet) or a side's (by side).
_EDGES = """
    , edges AS (
        SELECT c.seq, c.outlet, max(t.term) FILTER (WHERE t.kind = 'tf_first') AS first,
               max(t.term) FILTER (WHERE t.kind = 'tf_last') AS last
        FROM current c JOIN term_counts t USING (analysis)
        WHERE t.kind IN ('tf_first', 'tf_last') GROUP BY c.seq, c.outlet
    )
"""
_OUTLET_JOINS = (
    _EDGES
    + """
    SELECT outlet, joined, count(*) FROM (
        SELECT outlet, lag(last) OVER (PARTITION BY outlet ORDER BY seq) || ' ' || first AS joined FROM edges
    ) WHERE joined IS NOT NULL GROUP BY ALL
"""
)
_SIDE_JOINS = (
    _EDGES
    + """
    , sided AS (
        SELECT *, CASE WHEN outlet IN (SELECT unnest($p0)) THEN 'a'
                       WHEN outlet IN (SELECT unnest($p1)) THEN 'b' END AS side
        FROM edges
    )
    SELECT side, joined, count(*) FROM (
        SELECT side, lag(last) OVER (PARTITION BY side ORDER BY seq) || ' ' || first AS joined
        FROM sided WHERE side IS NOT NULL
    ) WHERE joined IS NOT NULL GROUP BY ALL
"""
)


def _shared_sums(counts: StoreCounts) -> dict[str, Any]:
    """What every pair's word-based frames share, summed by the engine from the stored rows: the corpus's
    n-grams, each outlet's TF-IDF document, and the phrase, naming and loaded-term counts per outlet."""
    ngrams: dict[int, Counter[str]] = {1: Counter(), 2: Counter()}
    for kind, term, n in counts._query(_CORPUS_SUMS).fetchall():
        ngrams[int(kind[2])][term] += n
    outlet_docs: dict[str, Counter[str]] = {o.outlet: Counter() for o in counts.outlets()}
    for outlet, term, n in counts._query(_OUTLET_DOCS).fetchall():
        outlet_docs[outlet][term] += n
    joins: dict[str, Counter[str]] = {outlet: Counter() for outlet in outlet_docs}
    for outlet, joined, n in counts._query(_OUTLET_JOINS).fetchall():
        joins[outlet][joined] += n
    spans, naming, loaded = _phrase_sums(counts)
    return {
        "ngrams": ngrams,
        "outlet_docs": {o: outlet_docs[o] + joins[o] for o in outlet_docs},
        "docs": outlet_docs,
        "spans": spans,
        "naming": _naming_frame(naming),
        "loaded": loaded,
    }


_PHRASE_ROWS = """
    , phrases AS (
        SELECT c.seq, c.outlet, x.kind, x.label, x.start, x."end", x.text,
               x.attributes ->> 'category' AS category, x.attributes ->> 'perspective' AS perspective,
               x.attributes ->> 'concept' AS concept
        FROM current c JOIN findings x USING (analysis) WHERE x.kind IN ('loaded_term', 'naming_variant')
    )
"""
_NAMING_SUMS = (
    _PHRASE_ROWS
    + """
    SELECT outlet, concept, label, perspective, count(*) FROM phrases WHERE kind = 'naming_variant' GROUP BY ALL
"""
)
# Per outlet and loaded-lexicon entry: occurrences, the last one's category and perspective, the texts.
_LOADED_SUMS = (
    _PHRASE_ROWS
    + """
    SELECT outlet, label, count(*), max([seq, start, "end"]), arg_max(category, [seq, start, "end"]),
           arg_max(perspective, [seq, start, "end"]), list(DISTINCT text)
    FROM phrases WHERE kind = 'loaded_term' GROUP BY ALL
"""
)
# Per lexicon phrase (a loaded term, or a naming variant of one perspective) and outlet: the distinct spans
# of each article; the first occurrence's perspective (store order, loaded terms before naming variants at
# one place), which lexicons it is in and the texts.
_SPAN_SUMS = (
    _PHRASE_ROWS
    + """
    , spans AS (SELECT *, [seq, (kind = 'naming_variant')::INTEGER, start, "end"] AS place FROM phrases
                WHERE kind = 'loaded_term' OR perspective <> 'any')
    SELECT label, outlet, count(DISTINCT [seq, start, "end"]), min(place), arg_min(perspective, place),
           list(DISTINCT kind), list(DISTINCT text)
    FROM spans GROUP BY ALL
"""
)


def _phrase_sums(counts: StoreCounts) -> tuple[LexiconSpans, Counter[tuple[str, str, str, str]], LoadedTallies]:
    """The lexicon phrases, naming variants and loaded terms per outlet, counted by the engine: what a pass
    over every article's findings in store order (framing.score.compare.LexiconSpans, LoadedTallies) notes."""
    naming: Counter[tuple[str, str, str, str]] = Counter()
    for outlet, concept, label, perspective, n in counts._query(_NAMING_SUMS).fetchall():
        naming[(outlet, concept, label, perspective)] += n
    loaded = LoadedTallies()
    for outlet, term, n, last, category, perspective, texts in counts._query(_LOADED_SUMS).fetchall():
        loaded.counts[(outlet, term)] = int(n)
        loaded.last[(outlet, term)] = (tuple(last), category, perspective)  # type: ignore[assignment]
        loaded.examples[(outlet, term)] = {" ".join(t.split()) for t in texts}
    spans = LexiconSpans()
    first: dict[str, list[int]] = {}
    for key, outlet, n, place, perspective, kinds, texts in counts._query(_SPAN_SUMS).fetchall():
        spans.counts[key][outlet] += int(n)
        entry = spans.info.setdefault(key, {"lexicon": set(), "perspective": perspective, "examples": set()})
        if key not in first or place < first[key]:
            first[key], entry["perspective"] = place, perspective
        entry["lexicon"] |= {"loaded" if k == "loaded_term" else "naming" for k in kinds}
        entry["examples"] |= {" ".join(t.split()) for t in texts}
    return spans, naming, loaded


def _pair_sums(shared: dict[str, Any], counts: StoreCounts, outlets: list, a: list[str], b: list[str]) -> dict:
    """The counts of :func:`_reading_pass` for sides ``a`` and ``b``, from the shared sums and the
    two sides' stored rows."""
    ngrams_a: dict[int, Counter[str]] = {1: Counter(), 2: Counter()}
    ngrams_b: dict[int, Counter[str]] = {1: Counter(), 2: Counter()}
    for side, kind, term, n in counts._query(_SIDE_SUMS, (a, b)).fetchall():
        (ngrams_a if side == "a" else ngrams_b)[int(kind[2])][term] += n
    side_docs: dict[str, Counter[str]] = {"a": Counter(), "b": Counter()}
    for o in outlets:
        side = "a" if o.outlet in a else "b" if o.outlet in b else None
        if side is not None:
            side_docs[side].update(shared["docs"][o.outlet])
    for side, joined, n in counts._query(_SIDE_JOINS, (a, b)).fetchall():
        side_docs[side][joined] += n
    return {
        "ngrams": shared["ngrams"],
        "ngrams_a": ngrams_a,
        "ngrams_b": ngrams_b,
        "spans": shared["spans"],
        "naming": shared["naming"],
        "loaded_only": shared["loaded"].only(a, b),
        "tfidf": _tfidf_of_counts(list(shared["outlet_docs"].values()), [side_docs["a"], side_docs["b"]]),
    }


def _naming_frame(naming: Counter[tuple[str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(*key, n) for key, n in sorted(naming.items())],
        columns=["outlet", "concept", "variant", "perspective", "count"],
    )


def _reading_pass(counts: StoreCounts, a: list[str], b: list[str], lex: Lexicons) -> dict[str, Any]:
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
    naming_frame = _naming_frame(naming)
    return {
        "ngrams": ngrams,
        "ngrams_a": ngrams_a,
        "ngrams_b": ngrams_b,
        "spans": spans,
        "naming": naming_frame,
        "loaded_only": loaded_only(loaded, a, b),  # type: ignore[arg-type]
        "tfidf": tfidf_cosine(list(outlet_docs.values()), [side_docs["a"], side_docs["b"]]),
    }
