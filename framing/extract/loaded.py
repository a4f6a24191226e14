"""Loaded terms: lexicon phrases that carry a verdict, with their explanation."""

from __future__ import annotations

from framing.lexicon.bundle import Lexicons, TermInfo
from framing.lexicon.matcher import longest_non_overlapping
from framing.spans import LoadedTerm
from framing.text import Doc


def find_loaded_terms(doc: Doc, lex: Lexicons, min_confidence: float | None = None) -> list[LoadedTerm]:
    """Lexicon entries, plus the learned detector's finds at `min_confidence` or above where no entry
    overlaps them (None: the default threshold; above 1: lexicon entries only)."""
    from framing.extract.learned import DEFAULT_MIN_CONFIDENCE, attribution_spans, merge, model_terms

    threshold = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    lexicon = lexicon_terms(doc, lex)
    if threshold > 1:
        return lexicon
    return merge(lexicon, model_terms(doc, lex, threshold), attribution_spans(doc, lex))


def lexicon_terms(doc: Doc, lex: Lexicons) -> list[LoadedTerm]:
    found = []
    for m in longest_non_overlapping(lex.loaded.find(doc)):
        info: TermInfo = m.entry.payload
        found.append(
            LoadedTerm(
                m.start,
                m.end,
                doc.text[m.start : m.end],
                info.term,
                info.category,
                info.perspective,
                info.neutral,
                info.explanation,
                info.lexicon,
            )
        )
    return found
