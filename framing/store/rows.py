"""An analysis as table rows: one row per finding, one per non-zero sentence count, one per article count,
one per discovered actor mention.

These are the rows the store's query engine aggregates (docs/store.md): `profile`,
`compare` and `report --store` sum ``article_counts`` and ``sentence_counts`` in SQL
instead of decoding every stored analysis, and an analyst can count findings by kind,
label or attribute directly. They are computed where the analysis is made (in the
engine's worker), so writing a batch is one bulk insert per table.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from framing.extract.features import ArticleFeatures
from framing.score.counts import FIXED_COLUMNS, count_table
from framing.store.records import dumps

if TYPE_CHECKING:
    from framing.lexicon.bundle import Lexicons
    from framing.spans import ActorMention
    from framing.text import Doc

# Hedge.type -> finding kind: hedges proper, attribution verbs and scare quotes are different findings.
HEDGE_KIND = {"hedge": "hedge", "evidential": "hedge", "modal": "hedge", "attribution": "attribution"}
HEDGE_KIND["scare_quote"] = "scare_quote"

# (kind, start, end, sentence, label, text, attributes JSON)
Finding = tuple[str, int, int, int, str, str, str]
# (start, end, sentence, actor, kind, group, link, text, affiliation): a discovered actor mention (mention_rows)
Mention = tuple[int, int, int, str, str, str, str, str, str]
# (kind, term, n): the word counts `compare --store` sums instead of re-reading every text (see term_rows)
Term = tuple[str, str, int]
COUNTED = ("counted", "", 0)  # marks an analysis whose term and naming rows were made


@dataclass(frozen=True, slots=True)
class AnalysisRows:
    """What the store's row tables hold for one analysis (without its id, given on insert)."""

    n_words: int
    n_sentences: int
    findings: list[Finding]
    sentence_counts: list[tuple[int, str, float]]  # (sentence, column, value), zeros left out
    article_counts: list[tuple[str, float]]  # (column, sum over the sentences), zero fixed columns left out
    terms: list[Term]  # word counts for compare (empty when made without lexicons, e.g. an imported analysis)
    mentions: list[Mention]  # discovered actor mentions, what the actor table aggregates (mention_rows)


def _sentence_of(f: ArticleFeatures) -> Callable[[int], int]:
    """pos -> index of the sentence of `f` a finding starting at pos is in."""
    starts = [s.start for s in f.sentences]
    return lambda pos: max(0, bisect.bisect_right(starts, pos) - 1)


def finding_rows(f: ArticleFeatures) -> list[Finding]:
    """Every finding of the article as (kind, start, end, sentence, label, text, attributes).

    label is what one counts by: the lexicon entry of a loaded term, the cue of a hedge,
    attribution verb or scare quote, the speaker of a quote ("" when unknown), the actor
    of a mention; a sentence has none. attributes hold the rest of the span as JSON.
    """
    at = _sentence_of(f)
    rows: list[Finding] = []
    for s in f.sentences:
        attrs: dict[str, object] = {"compound": s.compound, "pos": s.pos, "neu": s.neu, "neg": s.neg}
        rows.append(("sentence", s.start, s.end, s.index, "", s.text, dumps(attrs)))
    for t in f.loaded_terms:
        attrs = {
            "category": t.category,
            "perspective": t.perspective,
            "quoted": t.quoted,
            "lexicon": t.lexicon,
            "neutral": t.neutral,
            "explanation": t.explanation,
        }
        rows.append(("loaded_term", t.start, t.end, at(t.start), t.term, t.text, dumps(attrs)))
    for h in f.hedges:
        attrs = {"type": h.type, "stance": h.stance}
        rows.append((HEDGE_KIND.get(h.type, "hedge"), h.start, h.end, at(h.start), h.cue, h.text, dumps(attrs)))
    for q in f.quotes:
        attrs = {"kind": q.kind, "side": q.side, "speaker_text": q.speaker_text, "cue": q.cue, "n_words": q.n_words}
        attrs |= {"speaker_type": q.speaker_type, "affiliation": q.affiliation}  # the source-type counts
        rows.append(("quote", q.start, q.end, at(q.start), q.speaker, q.text, dumps(attrs)))
    for m in f.actor_mentions:
        rows.append(("actor_mention", m.start, m.end, m.sentence, m.actor, m.text, dumps({"group": m.group})))
    return rows


def naming_rows(f: ArticleFeatures, lex: Lexicons, doc: Doc | None = None) -> list[Finding]:
    """The naming variants the article uses (lexicons/naming_pairs.csv), as findings: label = variant."""
    from framing.score.naming import naming_spans

    at = _sentence_of(f)
    return [
        (
            "naming_variant",
            start,
            end,
            at(start),
            variant.variant,
            f.text[start:end],
            dumps({"concept": variant.concept, "perspective": variant.perspective}),
        )
        for variant, start, end in naming_spans(f, lex, doc)
    ]


def term_rows(f: ArticleFeatures) -> list[Term]:
    """The counts the word-based frames of `compare` need, so `compare --store` sums rows in the
    engine instead of tokenising every stored text again (30 minutes at 100,000 articles).

    kinds: ``fw1``/``fw2`` the unigrams and bigrams of framing.score.fightin_words, sentence
    by sentence; ``tf1``/``tf2`` the TF-IDF words (framing.score.similarity) of the whole text
    and their bigrams inside it; ``tf_first``/``tf_last`` its first and last TF-IDF word (n = 1),
    from which the bigrams that join two articles of an outlet's document are formed.
    """
    from framing.score.fightin_words import sentence_ngrams
    from framing.score.similarity import tfidf_unigrams

    counts: dict[str, Counter[str]] = {kind: Counter() for kind in ("fw1", "fw2", "tf1", "tf2")}
    for sentence in f.sentences:
        uni, bi = sentence_ngrams(sentence.text)
        counts["fw1"].update(uni)
        counts["fw2"].update(bi)
    tokens = tfidf_unigrams()(f.text)
    counts["tf1"].update(tokens)
    counts["tf2"].update(f"{x} {y}" for x, y in zip(tokens, tokens[1:], strict=False))
    rows = [(kind, term, n) for kind, counter in counts.items() for term, n in counter.items()]
    if tokens:
        rows += [("tf_first", tokens[0], 1), ("tf_last", tokens[-1], 1)]
    return [*rows, COUNTED]


def mention_rows(
    text: str,
    n_sentences: int,
    sentences: Sequence[tuple[int, int]] | None = None,
    doc: Doc | None = None,
    seeds: Sequence[ActorMention] | None = None,
) -> list[Mention]:
    """The discovered actor mentions of a text (framing.extract.discover), found once when the article is
    analysed so the actor table of a large store is a query, not a discovery pass over every text.

    Exactly the mentions framing.score.actor_table.article_mentions gives: discovered with the
    default lexicons' seed actors, those lying in one of the article's ``n_sentences`` sentences
    (before any --sides grouping, which the table applies when it reads them). ``affiliation`` is kept
    because a sides file can name it; the other attributes of a mention are not needed there.
    ``sentences``, the spans the analysis split, spare a second sentence split, and ``doc``, the Doc
    the analysis read, a second tokenisation (same spans and tokens, so the same mentions), and
    ``seeds``, the analysis's actor mentions when it used the default actors file, a second match of it.
    """
    from framing.extract.discover import discover_mentions
    from framing.lexicon.bundle import default_lexicons
    from framing.text import Doc

    if doc is None or doc.text != text:
        doc = Doc(text, _sentences=list(sentences)) if sentences is not None else None
    return [
        (m.start, m.end, m.sentence, m.actor, m.kind, m.group, m.link, m.text, m.affiliation)
        for m in discover_mentions(text, default_lexicons(), doc, seeds)
        if m.sentence < n_sentences
    ]


def analysis_rows(f: ArticleFeatures, lex: Lexicons | None = None, doc: Doc | None = None) -> AnalysisRows:
    """The rows of one analysis; the naming and term rows need the lexicons the analysis used.
    ``doc``, the Doc the analysis read, spares discovery a second tokenisation (same mentions)."""
    table = count_table(f)
    sentence_counts = [
        (i, column, float(value))
        for i, row in enumerate(table.values.tolist())
        for column, value in zip(table.columns, row, strict=True)
        if value != 0 or column == "sentences"
    ]
    # An actor column is kept even when it sums to 0, so the columns of a table rebuilt from
    # these rows are exactly the columns of the table they were made from.
    article_counts = [(c, v) for c, v in table.totals().items() if v != 0 or c not in FIXED_COLUMNS]
    findings = finding_rows(f) + (naming_rows(f, lex, doc) if lex is not None else [])
    terms = term_rows(f) if lex is not None else []
    from framing.extract.discover import analysis_seeds
    from framing.lexicon.bundle import default_lexicons

    seeds = analysis_seeds(f, default_lexicons())
    mentions = mention_rows(f.text, len(f.sentences), [(s.start, s.end) for s in f.sentences], doc, seeds)
    return AnalysisRows(f.n_words, len(f.sentences), findings, sentence_counts, article_counts, terms, mentions)
