"""Loaded terms: lexicon phrases that carry a verdict, with their explanation."""

from __future__ import annotations

from framing.lexicon.bundle import Lexicons, TermInfo
from framing.lexicon.matcher import longest_non_overlapping
from framing.spans import LoadedTerm
from framing.text import Doc


def find_loaded_terms(doc: Doc, lex: Lexicons) -> list[LoadedTerm]:
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
