"""Attribution verbs ("said", "claimed", "admitted") found through their lexicon.

Stems make one lexicon row match every inflection, but also the verb's nouns
("assured" and "assurances" share a stem). Nouns report nothing, so forms with a
noun suffix are dropped here, once, for every extractor that uses the verbs.
"""

from __future__ import annotations

import re

from framing.lexicon.bundle import Lexicons
from framing.lexicon.matcher import Match, longest_non_overlapping
from framing.text import Doc

_NOUN_SUFFIXES = (
    "ance",
    "ances",
    "ence",
    "ences",
    "ment",
    "ments",
    "tion",
    "tions",
    "sion",
    "sions",
    "ure",
    "ures",
    "er",
    "ers",
)


# "asked not to be named", "declined to be identified": a request for anonymity, not a statement.
_ANONYMITY_REQUEST = re.compile(r"\s+(?:not\s+to\s+be|to\s+remain|for\s+anonymity|that\s+(?:his|her|their)\s+name)")


def find_attribution_verbs(doc: Doc, lex: Lexicons) -> list[Match]:
    key = ("attribution", lex.version)
    if key not in doc.cache:
        doc.cache[key] = [
            m
            for m in longest_non_overlapping(lex.attribution.find(doc))
            if not doc.text[m.start : m.end].lower().endswith(_NOUN_SUFFIXES)
            and not _ANONYMITY_REQUEST.match(doc.text, m.end)
        ]
    return doc.cache[key]
