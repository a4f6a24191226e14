"""Which facts each outlet reports: claim units, cross-outlet alignment, the omission map.

- :func:`claim_groups` split every article into claim-sized units and group the units that
  report the same fact (:mod:`framing.claims.align` documents the checks and thresholds)
- :func:`framing.claims.omissions.omission_map` groups x outlets, notable omissions, exclusives
- :func:`framing.claims.view.claims_section` the report's "What each outlet leaves out" section
"""

from __future__ import annotations

from collections.abc import Sequence

from framing.claims import align as _align
from framing.claims.align import ClaimGroup
from framing.claims.units import Unit, corpus_units
from framing.extract.features import ArticleFeatures
from framing.lexicon.bundle import Lexicons, default_lexicons


def claim_groups(features: Sequence[ArticleFeatures], lex: Lexicons | None = None) -> list[ClaimGroup]:
    """Every claim unit of the corpus in exactly one group; deterministic for the same input."""
    return _align.align(corpus_units(features, lex or default_lexicons()))


__all__ = ["ClaimGroup", "Unit", "claim_groups", "corpus_units"]
