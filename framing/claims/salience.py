"""How prominent a claim is in its article, to rank an outlet's exclusives before they are capped.

An outlet's exclusives are every sentence no other outlet aligns with: 30-40 per outlet on an
ordinary corpus, most of them colour (a cafe owner's quip) rather than news. News writing puts
what matters first and makes it specific, so the score adds four parts, each in [0, 1]:

- **position**: 1 for the first sentence, falling linearly to 0 at the last (inverted pyramid);
- **named actors**: people, places and organisations named, up to :data:`NAMES_CAP`;
- **numbers**: quantities stated, up to :data:`NUMBERS_CAP`;
- **length**: words up to :data:`LENGTH_CAP` (a fragment says less than a full sentence).

Position weighs double: it is the one part the writer chose for prominence. The weights are a
reading aid, not a measurement; ties keep the table's order.
"""

from __future__ import annotations

from framing.claims.units import Unit
from framing.text import count_words

NAMES_CAP = 3
NUMBERS_CAP = 2
LENGTH_CAP = 30
WEIGHTS = {"position": 2.0, "names": 1.0, "numbers": 1.0, "length": 1.0}
EXCLUSIVES_SHOWN = 5  # exclusives shown per outlet before "show all"


def salience(unit: Unit, n_sentences: int) -> float:
    """Weighted sum of position, names, numbers and length (module docstring); higher is more prominent."""
    position = 1.0 - unit.sentence / (n_sentences - 1) if n_sentences > 1 else 1.0
    parts = {
        "position": max(0.0, min(1.0, position)),
        "names": min(len(unit.names), NAMES_CAP) / NAMES_CAP,
        "numbers": min(len(unit.numbers), NUMBERS_CAP) / NUMBERS_CAP,
        "length": min(count_words(unit.text), LENGTH_CAP) / LENGTH_CAP,
    }
    return round(sum(WEIGHTS[k] * v for k, v in parts.items()), 4)
