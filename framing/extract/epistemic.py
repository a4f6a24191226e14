"""Hedge cues that depend on their neighbours: epistemic verbs, epistemic "should" and "must have".

A word list cannot tell these apart from their other readings, so each is a short rule
(the scope they implement is documented in ``docs/hedges.md``):

* An epistemic verb (think, thought, believe, suppose, suspect, expect, doubt) with a
  first-person subject -- "I think", "we don't believe" -- is the speaker hedging their
  own statement. With any other subject ("NATO believes", "officials think") the verb
  reports someone else's belief: it stays an attribution verb, the cue of reported speech.
* "should" is a hedge only where it predicts ("should arrive by Friday", "should be ready"):
  the common news reading is duty ("all sides should aim for cooperation"), which is not.
* "must have" + past participle infers ("must have known"); "must" alone is duty.
* A generic subject with a modal -- "you'd think", "one might expect", "as you would expect" --
  is the writer hedging a generalisation (no one in particular holds the belief), so the
  verb is a hedge too; "you think" with no modal is a question or a second person, not.
* Volition is not doubt: "would like to", "would love to", "would rather", "would prefer".
"""

from __future__ import annotations

import regex

# "I think", "I don't think", "we really believe", "I 'd guess", "I do n't think" (split clitics as some
# corpora write them). The subject must start a clause: not "do you think", which asks.
_FIRST_PERSON_VERB = regex.compile(
    r"(?<![\w'’])(?:I|i|we|We)(?:\s*(?:'d|’d|'m|’m))?"
    r"(?:\s+(?:do|does|did|would|really|still|also|just|honestly|personally|actually|certainly|genuinely|"
    r"strongly|always|even|had|have|originally|initially|first|once|n't|n’t|not|don't|don’t|didn't|didn’t|"
    r"do\s+n't|did\s+n't)){0,3}"
    r"\s+(think|thought|believe|suppose|suspect|expect|doubt|presume|reckon)(?!\w)",
)

# "you'd think", "one would expect", "you might imagine": a modal is required ("do you think" asks). Not in an
# object relative ("what you'd expect", "all the features you would expect"): no claim is hedged there.
_GENERIC_VERB = regex.compile(
    r"(?<![\w'’])(?<!(?:what|way|features|everything|anything|exactly)\s+)(?:you|You|one|One|anyone|Anyone)\s*(?:'d|’d|\s(?:would|might|could|may|will|should))"
    r"(?:\s+(?:n't|not|never|naturally|probably|really))?"
    r"\s+(think|expect|believe|imagine|assume|suppose|guess)(?!\w)",
)

# "should" that predicts: followed by a verb of arriving, lasting or being ready, not by a duty.
_EPISTEMIC_SHOULD = regex.compile(
    r"(?<!\w)(should)(?:\s+(?:still|also|soon|easily|now|n't|not))?\s+"
    r"(?:be\s+(?:able|ready|available|enough|sufficient|fine|okay|ok|over|back|known|completed|finished|"
    r"done\s+by|in\s+place|on\s+track)|arrive|last|reach|take\s+(?:about|around|some|a|an|\d)|"
    r"have\s+(?:arrived|reached|finished|been\s+(?:received|delivered|completed)))(?!\w)",
    regex.IGNORECASE,
)

_MUST_HAVE = regex.compile(
    r"(?<!\w)(must(?:\s+not|\s+n't)?\s+have)\s+(?:been|known|seen|heard|had|thought|felt|\w+ed|\w+en)(?!\w)",
    regex.IGNORECASE,
)

_VOLITION = regex.compile(r"\s*(?:n't\s+|not\s+)?(?:like|love|hate|rather|prefer)(?!\w)", regex.IGNORECASE)


def first_person_epistemic(text: str) -> list[tuple[int, int, str]]:
    """(start, end, verb) of each epistemic verb whose subject is I or we; the span is the verb."""
    return [(m.start(1), m.end(1), m.group(1).lower()) for m in _FIRST_PERSON_VERB.finditer(text)]


def generic_epistemic(text: str) -> list[tuple[int, int, str]]:
    """(start, end, verb) of an epistemic verb after a generic subject and a modal; the span is the verb."""
    return [(m.start(1), m.end(1), m.group(1).lower()) for m in _GENERIC_VERB.finditer(text)]


def epistemic_should(text: str) -> list[tuple[int, int]]:
    return [(m.start(1), m.end(1)) for m in _EPISTEMIC_SHOULD.finditer(text)]


def must_have(text: str) -> list[tuple[int, int]]:
    return [(m.start(1), m.end(1)) for m in _MUST_HAVE.finditer(text)]


def volition_follows(text: str, end: int) -> bool:
    """True when the modal ending at `end` is followed by a verb of wanting ("would like to")."""
    return _VOLITION.match(text, end) is not None
