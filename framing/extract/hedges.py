"""Hedging and epistemic stance: hedge cues, modal verbs, attribution verbs, scare quotes.

Attribution verbs are classed by what they imply about the reported content
(Recasens et al. 2013; Hooper 1975): *neutral* ("said"), *doubting* ("claimed"),
*presupposing* — the writer takes the content as true ("admitted", "revealed") —
and *strong* ("insisted", "stressed").
"""

from __future__ import annotations

from framing.extract.attribution import find_attribution_verbs
from framing.extract.quotes import find_scare_quotes
from framing.lexicon.bundle import Lexicons
from framing.lexicon.matcher import longest_non_overlapping
from framing.spans import Hedge
from framing.text import Doc


def find_hedges(doc: Doc, lex: Lexicons) -> list[Hedge]:
    text = doc.text
    found: list[Hedge] = []
    for m in longest_non_overlapping(lex.hedges.find(doc)):
        cue, kind = m.entry.payload
        surface = text[m.start : m.end]
        if kind == "modal" and not surface.islower():
            continue  # "May" mid-sentence is the month
        if surface.lower() == "would" and _reported_future(doc, lex, m.start):
            continue  # "he said the troops would not be sent": the tense of reported speech, not a hedge
        found.append(Hedge(m.start, m.end, surface, cue, kind, ""))
    for m in find_attribution_verbs(doc, lex):
        verb, stance = m.entry.payload
        found.append(Hedge(m.start, m.end, text[m.start : m.end], verb, "attribution", stance))
    for mark in find_scare_quotes(doc, lex):
        found.append(Hedge(mark.start, mark.end, text[mark.start : mark.end], "scare quote", "scare_quote", ""))
    return sorted(found, key=lambda h: (h.start, h.end))


def _reported_future(doc: Doc, lex: Lexicons, pos: int) -> bool:
    """An attribution verb earlier in the same sentence makes "would" the future of reported speech."""
    start = doc.sentences[doc.sentence_index(pos)][0] if doc.sentences else 0
    return any(start <= m.start and m.end <= pos for m in find_attribution_verbs(doc, lex))
