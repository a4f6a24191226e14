"""What a model find most resembles, and what to write instead.

The detector knows that a word is loaded, not how. A lexicon entry carries its category
and a neutral alternative written by hand; a model find gets them from this simple,
documented rule on the word's form, its MPQA part of speech (``pos``, shipped in the model
file) and VADER valence (no part-of-speech tagger is shipped), checked in this order:

1. **intensifier**: a known booster ("very", "totally"), an adverb in -ly or an MPQA adverb;
2. **delegitimising label** (name-calling): a known label ("thug", "radical") or a noun
   of allegiance in -ist/-ism/-ite;
3. **loaded verb**: a known reporting verb of attack ("slammed", "blasts"), an MPQA verb
   or a verb form in -ed/-ing;
4. **subjective**: an MPQA adjective or a word with an adjective ending (-ous, -ive, -ful, ...);
5. **dysphemism**: an MPQA noun, a strongly negative word in VADER (valence <= -2), or a
   word MPQA does not list at all (the model's unlisted finds are mostly loaded nouns:
   "flood", "scheme");
6. **subjective** otherwise.

The categories are the lexicons' own, so profiles, exercises and the gold evaluation
count model and lexicon finds on one scale.
"""

from __future__ import annotations

from collections.abc import Mapping

INTENSIFIERS = frozenset(
    [
        "very",
        "extremely",
        "so",
        "totally",
        "utterly",
        "absolutely",
        "completely",
        "entirely",
        "really",
        "truly",
        "incredibly",
        "hugely",
        "massively",
        "deeply",
        "highly",
        "wildly",
        "fully",
        "most",
        "least",
        "even",
        "just",
    ]
)
LABELS = frozenset(
    [
        "thug",
        "thugs",
        "radical",
        "radicals",
        "extremist",
        "extremists",
        "zealot",
        "zealots",
        "fanatic",
        "fanatics",
        "mob",
        "mobs",
        "regime",
        "puppet",
        "puppets",
        "cronies",
        "crony",
        "elite",
        "elites",
        "snowflake",
        "snowflakes",
        "bigot",
        "bigots",
        "racist",
        "racists",
        "terrorist",
        "terrorists",
        "militant",
        "militants",
        "agitator",
        "agitators",
        "far-left",
        "far-right",
        "leftist",
        "leftists",
    ]
)
ATTACK_VERBS = frozenset(
    [
        "slam",
        "slams",
        "slammed",
        "slamming",
        "blast",
        "blasts",
        "blasted",
        "blasting",
        "rip",
        "rips",
        "ripped",
        "ripping",
        "bash",
        "bashes",
        "bashed",
        "lash",
        "lashes",
        "lashed",
        "torch",
        "torched",
        "trash",
        "trashed",
        "shred",
        "shredded",
        "scold",
        "scolded",
        "rail",
        "railed",
        "decry",
        "decried",
        "decries",
    ]
)
ADJECTIVE_SUFFIXES = ("ous", "ive", "ful", "less", "ic", "able", "ible", "ent", "ant", "ish")
NEUTRAL = {  # a plain word for the commonest attack verbs; other finds get a hint per category
    **{v: "criticised" for v in ATTACK_VERBS},
    "claimed": "said",
    "claims": "says",
    "admitted": "said",
    "regime": "government",
}
HINTS = {
    "intensifier": "(drop it, or give the evidence)",
    "delegitimising label": "(use the group's own name, or describe what they did)",
    "loaded verb": "(use a neutral verb: said, criticised, changed)",
    "dysphemism": "(describe it in neutral terms)",
    "subjective": "(describe what happened instead of judging it)",
}
EXPLANATIONS = {
    "intensifier": "It adds emphasis but no information, which pushes the reader's judgement.",
    "delegitimising label": "It labels people instead of describing them, which judges them before the facts.",
    "loaded verb": "It tells the reader how to feel about an action instead of only reporting it.",
    "dysphemism": "It picks a harsh word where a neutral one exists, which colours the facts.",
    "subjective": "It is the writer's evaluation, not a fact a reader can check.",
}


def category(word: str, valence: Mapping[str, float], pos: Mapping[str, str] | None = None) -> str:
    """The category a flagged word most resembles (rules in the module docstring)."""
    w = word.lower()
    tag = (pos or {}).get(w)
    if w in INTENSIFIERS or (w.endswith("ly") and len(w) > 4) or tag == "adverb":
        return "intensifier"
    if w in LABELS or w.endswith(("ist", "ists", "ism", "isms", "ite", "ites")):
        return "delegitimising label"
    if w in ATTACK_VERBS or tag == "verb" or (tag is None and w.endswith(("ed", "ing")) and len(w) > 5):
        return "loaded verb"
    if tag == "adj" or w.endswith(ADJECTIVE_SUFFIXES):
        return "subjective"
    if tag == "noun" or valence.get(w, 0.0) <= -2 or (pos is not None and tag is None):
        return "dysphemism"
    return "subjective"


def neutral(phrase: str, category_name: str) -> str:
    """A plain alternative when one is known, else the category's rewrite hint in brackets."""
    return NEUTRAL.get(phrase.lower(), HINTS[category_name])
