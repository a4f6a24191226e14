"""Hedging and epistemic stance: hedge cues, modal verbs, attribution verbs, scare quotes.

Attribution verbs are classed by what they imply about the reported content
(Recasens et al. 2013; Hooper 1975): *neutral* ("said"), *doubting* ("claimed"),
*presupposing* — the writer takes the content as true ("admitted", "revealed") —
and *strong* ("insisted", "stressed").
"""

from __future__ import annotations

from framing.extract import epistemic
from framing.extract.attribution import find_attribution_verbs
from framing.extract.quotes import find_scare_quotes
from framing.lexicon.bundle import CLAIM_CLASSES, Lexicons
from framing.lexicon.matcher import longest_non_overlapping
from framing.spans import Hedge
from framing.text import Doc


def find_hedges(doc: Doc, lex: Lexicons) -> list[Hedge]:
    text = doc.text
    found: list[Hedge] = []
    for m in longest_non_overlapping(lex.hedges.find(doc)):
        cue, kind = m.entry.payload
        surface = text[m.start : m.end]
        if cue == "may" and not surface.islower():
            continue  # "May" mid-sentence is the month
        if cue == "would" and epistemic.volition_follows(text, m.end):
            continue  # "would like to", "would rather": wanting, not doubt ("might like it" is a hedge)
        if surface.lower() == "would" and _reported_future(doc, lex, m.start, m.end):
            continue  # "he said the troops would not be sent": the tense of reported speech, not a hedge
        found.append(Hedge(m.start, m.end, surface, cue, kind, ""))
    first_person = {(a, b): verb for a, b, verb in epistemic.first_person_epistemic(text)}
    for (a, b), verb in first_person.items():
        found.append(Hedge(a, b, text[a:b], f"I/we {verb}", "hedge", ""))
    for a, b, verb in epistemic.generic_epistemic(text):
        if (a, b) not in first_person:
            first_person[(a, b)] = verb  # kept out of the attribution verbs below, like "I think"
            found.append(Hedge(a, b, text[a:b], f"one would {verb}", "hedge", ""))
    taken = [(h.start, h.end) for h in found]
    for a, b in epistemic.epistemic_should(text) + epistemic.must_have(text):
        if not any(a < e and s < b for s, e in taken):
            found.append(Hedge(a, b, text[a:b], text[a:b].lower(), "modal", ""))
    for m in find_attribution_verbs(doc, lex):
        if (m.start, m.end) in first_person:
            continue  # "I think": the speaker's own hedge, not someone else's belief reported
        verb, stance, cue_class = m.entry.payload
        if cue_class not in CLAIM_CLASSES:
            continue  # "hopes to", "supports": a quoted source's wish or position, not a claim it makes
        found.append(Hedge(m.start, m.end, text[m.start : m.end], verb, "attribution", stance))
    for mark in find_scare_quotes(doc, lex):
        found.append(Hedge(mark.start, mark.end, text[mark.start : mark.end], "scare quote", "scare_quote", ""))
    return sorted(found, key=lambda h: (h.start, h.end))


_PAST_SPEECH = frozenset({"said", "told", "wrote", "thought", "knew", "felt", "heard", "saw", "understood", "spoke"})


def _reported_future(doc: Doc, lex: Lexicons, pos: int, end: int) -> bool:
    """A past-tense attribution verb earlier in the same sentence makes "would" the future of reported speech.

    Only the past tense back-shifts "will" to "would" ("he said they would go"); after a present
    tense ("I think it would help") or in "would have" (a counterfactual) "would" is hypothetical."""
    if doc.text[end : end + 6].lower().lstrip().startswith("have"):
        return False
    start = doc.sentences[doc.sentence_index(pos)][0] if doc.sentences else 0
    for m in find_attribution_verbs(doc, lex):
        if start <= m.start and m.end <= pos:
            verb = doc.text[m.start : m.end].lower().split()[0]
            if verb.endswith("ed") or verb in _PAST_SPEECH:
                return True
    return False
