"""Group claim units from different outlets that report the same fact.

Three checks decide whether two units (from two different outlets) report the same fact:

1. **Wording.** The mean of two TF-IDF cosines, both fitted on every unit of the corpus:
   stemmed word unigrams and bigrams (stop words and numbers removed), and character
   3-5-grams within words (which catch "Nato"/"NATO", "El Pais"/"El País", "re-establish"/
   "re-establishing"). The pair must reach :data:`LINK_THRESHOLD`.
2. **Numbers.** If both units state quantities, the numbers of one must all appear in the
   other ("2,000 to Poland and Germany" agrees with "2,000 ... and 1,000 to Romania";
   "2,000 troops" never agrees with "3,000 troops"). Dates are not quantities.
3. **Names.** If both units name actors, places or people, they must share one (actor
   aliases resolved first, so "Pentagon" and "Washington" are both "US"), and if both
   name specific people or places beyond the main actors, they must share one of those.

4. **Content beyond names.** The two units must share at least
   :data:`~framing.claims.content.MIN_SHARED_CONTENT` content words or numbers besides names,
   titles and reporting verbs (:mod:`framing.claims.content`): a shared speaker alone ("Ilves
   said ...", "Ilves said ...") does not make two sentences one claim.

Candidate pairs are the cross-outlet pairs that share a rare word or word pair, a number
or a specific name (:mod:`framing.claims.similarity`); no n x n matrix is built.

Clustering is greedy single-pass agglomeration with a complete-link check: candidate
pairs are merged best first, and two groups merge only if every pair of units across
them passes the number and name checks and every cross-outlet pair reaches
:data:`COMPLETE_LINK_THRESHOLD`. Chains ("A is like B, B is like C") therefore cannot
pull an unrelated C in. Ties are broken by article id and offset, so the result is the
same on every run. The thresholds were set on the seeds' gold pairs (docs/claims.md),
preferring precision: a wrong alignment misleads more than a missed one.

**Reported in other words.** A pair in the weaker band [:data:`REWORD_THRESHOLD`,
:data:`LINK_THRESHOLD`) that passes checks 2-4 is not grouped, but when one of its units is
still alone (claimed by no other outlet), that unit is attached to the other unit's group as
``reworded``: its outlet reports the fact in other words, so the omission map does not call
it missing, and the unit is not listed as an exclusive. Best pairs first; a unit is attached
at most once, and only to a group it is number- and name-compatible with throughout.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from framing.claims.content import MIN_SHARED_CONTENT, content_terms, shared_content
from framing.claims.similarity import MAIN_ACTORS, UnitSimilarity
from framing.claims.units import Unit

LINK_THRESHOLD = 0.25  # set on the seed gold pairs: 0.23 admits wrong pairs, 0.26 loses true ones (docs/claims.md)
COMPLETE_LINK_THRESHOLD = 0.15  # the weakest cross-outlet pair a group may contain
REWORD_THRESHOLD = 0.15  # the "reported in other words" band starts here (measured, docs/claims.md)


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Units from one or more outlets that report the same fact.

    ``label`` is the most central unit: the one with the highest mean similarity to the
    other units of the group (the earliest unit for a group of one).
    """

    units: tuple[Unit, ...]
    label: Unit
    cohesion: float  # mean similarity over the group's cross-outlet pairs (1.0 for one outlet)
    reworded: tuple[Unit, ...] = ()  # units of other outlets reporting the fact in other words (each also alone)

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({u.outlet for u in self.units}))

    @property
    def reworded_outlets(self) -> tuple[str, ...]:
        return tuple(sorted({u.outlet for u in self.reworded} - set(self.outlets)))

    def units_of(self, outlet: str) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.outlet == outlet)


def numbers_agree(a: Unit, b: Unit) -> bool:
    """Units that both state numbers must share them: one unit's numbers all appear in the other."""
    if not a.numbers or not b.numbers:
        return True
    return a.numbers <= b.numbers or b.numbers <= a.numbers


def names_agree(a: Unit, b: Unit) -> bool:
    """Units that both name someone must share a name; if both name specific people or places, one of those.

    "Specific" means anything but the five main actors (US, NATO, Russia, Ukraine, EU), which
    most sentences of this coverage name: "NATO sends troops to Estonia" and "NATO sends
    troops to Latvia" share NATO but not a specific name, so they do not agree.
    """
    if not a.names or not b.names:
        return True
    if not a.names & b.names:
        return False
    specific_a, specific_b = a.names - MAIN_ACTORS, b.names - MAIN_ACTORS
    return not specific_a or not specific_b or bool(specific_a & specific_b)


def compatible(a: Unit, b: Unit) -> bool:
    return numbers_agree(a, b) and names_agree(a, b)


def align(
    units: Sequence[Unit],
    similarity: UnitSimilarity | None = None,
    *,
    min_shared: int = MIN_SHARED_CONTENT,
    reword_threshold: float | None = REWORD_THRESHOLD,
) -> list[ClaimGroup]:
    """Group the units; every unit ends up in exactly one group (most in a group of one).

    Groups come back ordered by the position of their first unit (article id, offset).
    Candidate pairs come from shared rare terms, numbers and names (framing.claims.similarity):
    no n x n matrix is built, so memory follows the number of candidate pairs.
    ``min_shared=0, reword_threshold=None`` is the aligner before content and rewording checks
    (the baseline gold/claims/measure.py prints).
    """
    units = list(units)
    sim = UnitSimilarity(units) if similarity is None else similarity
    n = len(units)
    terms = [content_terms(u) for u in units] if min_shared else [frozenset[str]()] * n

    def linkable(i: int, j: int) -> bool:
        a, b = units[i], units[j]
        return compatible(a, b) and (
            not min_shared or shared_content(a, b, terms[i], terms[j]) >= min_shared or a.outlet == b.outlet
        )

    code = {outlet: k for k, outlet in enumerate(sorted({u.outlet for u in units}))}
    outlet_codes = np.array([code[u.outlet] for u in units], dtype=np.int64)
    floor = LINK_THRESHOLD if reword_threshold is None else min(LINK_THRESHOLD, reword_threshold)
    rows, cols, sims = sim.candidates(outlet_codes, floor)
    candidates = sorted(
        (-s, i, j) for s, i, j in zip(sims.tolist(), rows.tolist(), cols.tolist(), strict=True) if linkable(i, j)
    )
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for negative, i, j in candidates:
        if -negative < LINK_THRESHOLD:
            break
        gi, gj = group_of[i], group_of[j]
        if gi == gj or not _can_merge(members[gi], members[gj], units, sim, linkable):
            continue
        keep, drop = min(gi, gj), max(gi, gj)
        members[keep] = sorted(members[keep] + members.pop(drop))
        for k in members[keep]:
            group_of[k] = keep
    weak = [(i, j) for negative, i, j in candidates if -negative < LINK_THRESHOLD]
    reworded = _reworded(weak, group_of, members, units, linkable)
    return [_group(members[g], units, sim, reworded.get(g, [])) for g in sorted(members)]


def _reworded(
    weak: list[tuple[int, int]],
    group_of: list[int],
    members: dict[int, list[int]],
    units: list[Unit],
    linkable: Callable[[int, int], bool],
) -> dict[int, list[int]]:
    """Group -> lone units of other outlets that report its fact in other words (best pairs first)."""
    attached: dict[int, list[int]] = {}
    used: set[int] = set()  # lone units attached somewhere
    for i, j in weak:
        for host_unit, guest in ((i, j), (j, i)):
            host = group_of[host_unit]
            # the guest must be alone, not yet attached and not hosting; a host must not be attached itself
            if len(members[group_of[guest]]) != 1 or guest in used or guest in attached or host in used:
                continue
            taken = {units[k].outlet for k in members[host] + attached.get(host, [])}
            if units[guest].outlet in taken:
                continue
            if not all(linkable(guest, k) for k in members[host] + attached.get(host, [])):
                continue
            attached.setdefault(host, []).append(guest)
            used.add(guest)
            break
    return attached


def _can_merge(
    left: list[int], right: list[int], units: list[Unit], sim: UnitSimilarity, linkable: Callable[[int, int], bool]
) -> bool:
    """Every pair across the two groups is linkable and every cross-outlet pair is similar enough."""
    cross: list[tuple[int, int]] = []
    for i in left:
        for j in right:
            a, b = units[i], units[j]
            if not linkable(i, j):
                return False
            if a.outlet != b.outlet:
                cross.append((i, j))
    return all(value >= COMPLETE_LINK_THRESHOLD for value in sim.many(cross))


def _group(indices: list[int], units: list[Unit], sim: UnitSimilarity, reworded: list[int]) -> ClaimGroup:
    members = tuple(units[i] for i in indices)
    others = tuple(units[i] for i in sorted(reworded))
    if len(indices) == 1:
        return ClaimGroup(members, members[0], 1.0, others)
    sim.many([(i, j) for a, i in enumerate(indices) for j in indices[a + 1 :]])  # one batch for the whole group
    centrality = [float(np.mean([sim.get(i, j) for j in indices if j != i])) for i in indices]
    best = max(range(len(indices)), key=lambda k: (centrality[k], -k))
    cross = [
        sim.get(i, j) for a, i in enumerate(indices) for j in indices[a + 1 :] if units[i].outlet != units[j].outlet
    ]
    cohesion = round(float(np.mean(cross)), 3) if cross else 1.0
    return ClaimGroup(members, members[best], cohesion, others)
