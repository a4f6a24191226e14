"""What two claim units share beyond who is speaking: content words and numbers.

Wording similarity is driven by names as much as by content: "Union leader Marta Ilves said the
walkout would continue" and "Union leader Marta Ilves welcomed the mediator" share a speaker,
her title and "said", and nothing the two claims assert. Two units may therefore be grouped
(or shown as "reported in other words") only when they share at least
:data:`MIN_SHARED_CONTENT` *content terms*: Snowball stems of lower-case words that are not
stop words, reporting verbs or speaker titles, the quantities both state, and the specific
names both mention (beyond the five main actors) *except speakers*: a name within
:data:`SPEAKER_WINDOW` words of a reporting verb ("Ilves said", "said Marta Ilves, who leads
...", "according to Brandt"). So "leaked to the Spanish newspaper El País" and "documents seen
by El País" share El País, a fact, while two things Ilves said share only Ilves. Other
capitalised words are left out (names, titles, sentence openers).

The threshold was measured on the seed gold pairs and the port-strike set (docs/claims.md,
``python gold/claims/measure.py --sweep``).
"""

from __future__ import annotations

import re

from framing.claims.similarity import MAIN_ACTORS
from framing.claims.units import Unit
from framing.text import english_stop_words, fold, stem

MIN_SHARED_CONTENT = 2  # measured on both gold sets (docs/claims.md): 1 lets speaker-only pairs through


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that say who speaks and that they spoke, not what they said. Compared lower-cased, before stemming.
REPORTING = _words(
    """say says said saying tell tells told telling add adds added adding note notes noted stress stresses stressed
    state states stated statement according claim claims claimed insist insists insisted explain explains explained
    reporter reporters speaking spoke comment comments commented quoted quote quotes call calls called"""
)
TITLES = _words(
    """leader leaders chief chiefs executive boss head spokesman spokeswoman spokesperson president secretary
    minister director official officials chairman chairwoman chair mr mrs ms dr"""
)
WORD = re.compile(r"[^\W\d_][\w'’-]*")
SPEAKER_WINDOW = 6  # words either side of a reporting verb whose capitalised words name the speaker
APPOSITIVE = re.compile(r"([^\W\d_][\w'’-]*),\s+who\s+([^,.;:]*)")
COUNT_NAMES = True  # shared non-speaker specific names count as content (measured against names left out)


def _word_terms(unit: Unit) -> frozenset[str]:
    """Stems of the unit's lower-case content words (see the module docstring)."""
    stops = english_stop_words()
    terms: set[str] = set()
    for m in WORD.finditer(unit.text):
        word = m.group()
        if not word[:1].islower() or any(c.isdigit() for c in word):
            continue
        low = re.sub(r"['’]s$", "", word.lower())
        if len(low) < 3 or low in stops or low in REPORTING or low in TITLES:
            continue
        terms.add(stem(low))
    return frozenset(terms)


def speakers(unit: Unit) -> frozenset[str]:
    """Folded capitalised words near a reporting verb, and in a "who ..." clause describing such a word."""
    words = [m.group() for m in WORD.finditer(unit.text)]
    near: set[str] = set()
    for k, word in enumerate(words):
        if word.lower() in REPORTING:
            for other in words[max(0, k - SPEAKER_WINDOW) : k + SPEAKER_WINDOW + 1]:
                if other[:1].isupper():
                    near.add(_name(other))
    for m in APPOSITIVE.finditer(unit.text):  # "said Marta Ilves, who leads the United Dockworkers Union"
        if _name(m.group(1)) in near:
            near.update(_name(w) for w in WORD.findall(m.group(2)) if w[:1].isupper())
    return frozenset(near)


def _name(word: str) -> str:
    return fold(re.sub(r"['’]s$", "", word))


def content_names(unit: Unit) -> frozenset[str]:
    """The unit's specific names (beyond the main actors) that are not its speakers."""
    if not COUNT_NAMES:
        return frozenset()
    who = speakers(unit)
    return frozenset(n for n in unit.names - MAIN_ACTORS if not set(fold(n).split()) & who)


def content_terms(unit: Unit) -> frozenset[str]:
    """Content word stems plus non-speaker names (prefixed "@" so a name never equals a stem)."""
    return _word_terms(unit) | {f"@{n}" for n in content_names(unit)}


def shared_content(a: Unit, b: Unit, terms_a: frozenset[str], terms_b: frozenset[str]) -> int:
    """Content terms, non-speaker names and stated quantities the two units have in common."""
    return len(terms_a & terms_b) + len(a.numbers & b.numbers)
