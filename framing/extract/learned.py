"""Loaded terms found by the learned detector (:mod:`framing.model`), as findings like the lexicons'.

The lexicons explain why a term is loaded and were written for the seed story; the
model generalises to any story but can only say how sure it is and which features
fired. Both kinds are :class:`LoadedTerm` values; :func:`merge` keeps a lexicon entry
wherever the two overlap, so no phrase is reported twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from framing.lexicon.bundle import Lexicons
from framing.lexicon.matcher import longest_non_overlapping
from framing.model import category as cat
from framing.model.detector import shipped, vader_lexicon
from framing.spans import LoadedTerm
from framing.text import Doc

# Chosen on development data: on BABE's grouped cross-validation the best-F1 token
# threshold is 0.175 (recall-heavy); the default is the lowest threshold, in steps of 0.05,
# at which the seeds' gold loaded-term F1 stays at its lexicon-only 0.79 (figures for
# 0.5-0.6 on BABE, the seeds and gold/extra: models/README.md).
DEFAULT_MIN_CONFIDENCE = 0.6


def model_terms(doc: Doc, lex: Lexicons | None, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> list[LoadedTerm]:
    """Every phrase the shipped model scores at or above `min_confidence`, hedge cues left out."""
    detector = shipped()
    valence = vader_lexicon()
    terms = []
    suppress = hedge_spans(doc, lex) if lex is not None else ()
    for find in detector.find(doc, lex, min_confidence, suppress=suppress):
        head = max(find.text.split(), key=lambda w: abs(valence.get(w.lower(), 0.0)) + len(w) / 100)
        name = cat.category(head, valence, detector.prior_pos)
        terms.append(
            LoadedTerm(
                find.start,
                find.end,
                find.text,
                find.text.lower(),
                name,
                "any",
                cat.neutral(find.text, name),
                cat.EXPLANATIONS[name],
                "model",
                origin="model",
                confidence=find.confidence,
                evidence=find.evidence,
            )
        )
    return terms


def merge(
    lexicon: list[LoadedTerm], model: list[LoadedTerm], claimed: Sequence[tuple[int, int]] = ()
) -> list[LoadedTerm]:
    """Lexicon finds plus the model finds that overlap none of them nor a `claimed` span, in text order.

    `claimed` are spans another extractor already reports: attribution verbs ("claimed",
    "insisted") are the hedge extractor's, with their stance, so they are not loaded terms too.
    """
    taken = [(t.start, t.end) for t in lexicon] + list(claimed)
    extra = [m for m in model if not any(m.start < e and s < m.end for s, e in taken)]
    return sorted([*lexicon, *extra], key=lambda t: (t.start, t.end))


def hedge_spans(doc: Doc, lex: Lexicons) -> list[tuple[int, int]]:
    """Where a hedge or evidential cue matches ("allegedly", "apparently"): the writer's epistemic stance,
    which the hedge extractor reports, not a loaded term."""
    return [(m.start, m.end) for m in lex.hedges.find(doc) if m.entry.payload[1] in ("hedge", "evidential")]


def attribution_spans(doc: Doc, lex: Lexicons) -> list[tuple[int, int]]:
    """Where the attribution-verb lexicon matches: those words belong to the hedge extractor."""
    return [(m.start, m.end) for m in longest_non_overlapping(lex.attribution.find(doc))]


def at_confidence(features: list, min_confidence: float | None) -> list:
    """Articles' features without the model finds below `min_confidence` (lexicon entries all stay).

    For features analysed elsewhere (a feature store, worker processes) at the default threshold:
    this can raise the threshold but not lower it below the one they were analysed with."""
    from dataclasses import replace

    if min_confidence is None:
        return features
    return [
        replace(f, loaded_terms=[t for t in f.loaded_terms if t.origin != "model" or t.confidence >= min_confidence])
        for f in features
    ]
