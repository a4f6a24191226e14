"""The omission map: which outlet reports which claim group.

One row per claim group, one column per outlet (reported or not), rows sorted by how many
outlets carry the claim. Two readings of the table are flagged:

- a **notable omission** of an outlet: a claim carried by at least
  ``max(2, ceil(0.6 * n_outlets))`` outlets (most of them) that this outlet does not report;
- an **exclusive** of an outlet: a claim only this outlet reports.

"Not reported" means no sentence of the outlet's articles was aligned to the group. The
aligner prefers precision, so a claim an outlet words very differently can show as missing:
an omission is a lead to check in the text, not a verdict. Dates matter too: an article
published before an event cannot report it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from framing.claims.align import ClaimGroup

NOTABLE_SHARE = 0.6


def notable_threshold(n_outlets: int) -> int:
    """Outlets that must carry a claim before its absence from another outlet is notable."""
    return max(2, math.ceil(NOTABLE_SHARE * n_outlets))


@dataclass(frozen=True, slots=True)
class OmissionRow:
    number: int  # 1-based position in the sorted table, used to refer to the group
    group: ClaimGroup
    carried: tuple[str, ...]  # outlets reporting the claim, sorted
    missing: tuple[str, ...]  # outlets not reporting it, sorted
    notable: bool  # carried by most outlets and missing from at least one

    @property
    def label(self) -> str:
        return self.group.label.text

    @property
    def n_outlets(self) -> int:
        return len(self.carried)


@dataclass
class OmissionMap:
    outlets: list[str]
    rows: list[OmissionRow]
    threshold: int  # notable_threshold(len(outlets))
    omissions: dict[str, list[OmissionRow]] = field(default_factory=dict)  # outlet -> notable omissions
    exclusives: dict[str, list[OmissionRow]] = field(default_factory=dict)  # outlet -> claims only it reports

    def shared(self, min_outlets: int = 2) -> list[OmissionRow]:
        return [r for r in self.rows if r.n_outlets >= min_outlets]


def omission_map(groups: Sequence[ClaimGroup], outlets: Sequence[str]) -> OmissionMap:
    """Groups x outlets, most widely carried first (ties in text order of the group's label)."""
    everyone = sorted(set(outlets))
    threshold = notable_threshold(len(everyone))
    ordered = sorted(groups, key=lambda g: (-len(g.outlets), g.label.article_id, g.label.start))
    rows: list[OmissionRow] = []
    for number, group in enumerate(ordered, start=1):
        carried = group.outlets
        missing = tuple(o for o in everyone if o not in carried)
        notable = len(carried) >= threshold and bool(missing)
        rows.append(OmissionRow(number, group, carried, missing, notable))
    omissions = {o: [r for r in rows if r.notable and o in r.missing] for o in everyone}
    exclusives = {o: [r for r in rows if r.carried == (o,)] for o in everyone}
    return OmissionMap(everyone, rows, threshold, omissions, exclusives)
