"""Which of SFU's speculation cues count as hedging in news (the decision is argued in docs/hedges.md).

SFU's annotators mark every modal and every conditional in product reviews: "can", "should",
"must", "if", "or", "either", "whether". A news reader does not take "if the talks fail" or
"the minister should resign" as the writer doubting a claim, so the project scores those
only in the *all cues* figure. The *in scope* figure keeps the gold cues with a word from
:data:`IN_SCOPE`: epistemic modals, verbs of appearance and belief, adverbs and adjectives
of likelihood and second-hand knowledge. The list is fixed by that decision, not by what
the lexicon happens to match, so adding a lexicon entry cannot widen the scope it is
measured on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_IN_SCOPE_WORDS = """
    may might could would 'd
    seem seems seemed seeming seemingly appear appears appeared apparently apparent
    perhaps maybe possibly probably likely unlikely presumably conceivably potentially
    supposedly allegedly alleged reportedly purportedly purported ostensibly supposed
    think thought believe believed suppose suspect expect doubt presume reckon
    sure unsure unclear uncertain
"""
IN_SCOPE = frozenset(_IN_SCOPE_WORDS.split())
# Out of scope, named so the decision is visible: conditionals and alternatives (if, or, either,
# whether, unless), ability and duty modals (can, cannot, should, must, shall, ought), opinion and
# wish verbs (feel, feel like, hope, wish), advice (suggest, recommend), "guess" as a filler.
OUT_OF_SCOPE_EXAMPLES = ("if", "or", "either", "whether", "can", "should", "must", "feel", "hope", "suggest")

_WORD = re.compile(r"[a-z']+")
Spans = list[tuple[int, int]]


def cue_in_scope(cue: str) -> bool:
    """True when any word of the gold cue is one the project counts as a news hedge."""
    return any(w in IN_SCOPE for w in _WORD.findall(cue.lower().replace("’", "'")))


def restrict(text: str, gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]) -> tuple[Spans, Spans]:
    """Gold cues in scope, and the predictions that do not touch an out-of-scope gold cue.

    A prediction on an out-of-scope cue ("should" in "it should arrive by Friday", which SFU
    marks whatever its reading) is neither right nor wrong here; one touching no gold cue
    at all is still a false alarm."""
    inside = [(a, b) for a, b in gold if cue_in_scope(text[a:b])]
    outside = [(a, b) for a, b in gold if (a, b) not in inside]
    kept = [
        (a, b)
        for a, b in predicted
        if any(a < e and s < b for s, e in inside) or not any(a < e and s < b for s, e in outside)
    ]
    return inside, kept
