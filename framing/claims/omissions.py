"""The omission map: which outlet reports which claim group.

One row per claim group, one column per outlet (reported or not), rows sorted by how many
outlets carry the claim. Two readings of the table are flagged:

- a **notable omission** of an outlet: a claim carried by at least
  ``max(2, ceil(0.6 * n_outlets))`` outlets (most of them) that this outlet does not report;
- an **exclusive** of an outlet: a claim only this outlet reports.

Each outlet not carrying a claim is one of three things:

- **reported in other words** (``reworded``): one of its sentences is in the group's weaker
  similarity band (:data:`framing.claims.align.REWORD_THRESHOLD`); it counts as reporting the
  claim, towards the notable threshold too;
- **published later** (``later``): every article of the outlet is dated before the claim was
  first published (the earliest date among the articles that report it). An article cannot
  report what had not happened or been published yet, so this is no omission. Undated
  articles, or any article dated on or after the claim's first date, keep the outlet eligible;
- **missing**: none of the above.

"Missing" means no sentence of the outlet's articles was aligned to the group. The aligner
prefers precision, so a claim an outlet words very differently can still show as missing:
an omission is a lead to check in the text, not a verdict.

Exclusives are ranked by salience (:mod:`framing.claims.salience`) so the list can be capped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from framing.claims.align import ClaimGroup
from framing.claims.salience import salience

NOTABLE_SHARE = 0.6


def notable_threshold(n_outlets: int) -> int:
    """Outlets that must carry a claim before its absence from another outlet is notable."""
    return max(2, math.ceil(NOTABLE_SHARE * n_outlets))


@dataclass(frozen=True, slots=True)
class OmissionRow:
    number: int  # 1-based position in the sorted table, used to refer to the group
    group: ClaimGroup
    carried: tuple[str, ...]  # outlets reporting the claim, sorted
    missing: tuple[str, ...]  # outlets not reporting it (neither in other words nor published before it), sorted
    notable: bool  # reported by most outlets and missing from at least one
    reworded: tuple[str, ...] = ()  # outlets reporting it in other words, sorted
    later: tuple[str, ...] = ()  # outlets whose every article predates the claim's first publication, sorted
    first_date: str = ""  # earliest publication date (ISO) among the articles reporting it, "" if none is dated
    salience: float = 0.0  # how prominent the claim is in its outlet (used to rank exclusives)

    @property
    def label(self) -> str:
        return self.group.label.text

    @property
    def n_outlets(self) -> int:
        """Outlets reporting the claim, in close or in other words."""
        return len(self.carried) + len(self.reworded)

    def status(self, outlet: str) -> str:
        """reported | reworded | later | missing (a notable omission) | absent (not reported, not notable)."""
        if outlet in self.carried:
            return "reported"
        if outlet in self.reworded:
            return "reworded"
        if outlet in self.later:
            return "later"
        return "missing" if self.notable else "absent"


@dataclass
class OmissionMap:
    outlets: list[str]
    rows: list[OmissionRow]
    threshold: int  # notable_threshold(len(outlets))
    omissions: dict[str, list[OmissionRow]] = field(default_factory=dict)  # outlet -> notable omissions
    exclusives: dict[str, list[OmissionRow]] = field(default_factory=dict)  # outlet -> claims only it reports

    def shared(self, min_outlets: int = 2) -> list[OmissionRow]:
        return [r for r in self.rows if r.n_outlets >= min_outlets]


def parse_date(text: str) -> date | None:
    """An ISO date (a time after it is ignored); None for an empty or unreadable one."""
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def omission_map(
    groups: Sequence[ClaimGroup],
    outlets: Sequence[str],
    dates: Mapping[str, str] | None = None,
    sentences: Mapping[str, int] | None = None,
) -> OmissionMap:
    """Groups x outlets, most widely reported first (ties in text order of the group's label).

    ``dates`` maps article id -> ISO publication date; without it no outlet is "published
    later". ``sentences`` maps article id -> number of sentences, for the position part of an
    exclusive's salience. A lone unit attached to another group as reworded is no row of its own.
    """
    everyone = sorted(set(outlets))
    threshold = notable_threshold(len(everyone))
    dates = dates or {}
    articles: dict[str, set[str]] = {o: set() for o in everyone}
    for group in groups:
        for unit in group.units:
            articles.setdefault(unit.outlet, set()).add(unit.article_id)
    latest = {o: _latest(ids, dates) for o, ids in articles.items()}
    guests = {u.key for g in groups for u in g.reworded}
    kept = [g for g in groups if not (len(g.units) == 1 and g.units[0].key in guests)]
    ordered = sorted(  # most outlets first; of those, the most reporting it in close words
        kept,
        key=lambda g: (-len(g.outlets) - len(g.reworded_outlets), -len(g.outlets), g.label.article_id, g.label.start),
    )
    rows: list[OmissionRow] = []
    for number, group in enumerate(ordered, start=1):
        carried, reworded = group.outlets, group.reworded_outlets
        first = _first(group, dates)
        later = tuple(o for o in everyone if o not in carried and o not in reworded and _before(latest.get(o), first))
        missing = tuple(o for o in everyone if o not in carried and o not in reworded and o not in later)
        notable = len(carried) + len(reworded) >= threshold and bool(missing)
        rows.append(
            OmissionRow(
                number,
                group,
                carried,
                missing,
                notable,
                reworded,
                later,
                first.isoformat() if first else "",
                salience(group.label, (sentences or {}).get(group.label.article_id, 0)),
            )
        )
    omissions = {o: [r for r in rows if r.notable and o in r.missing] for o in everyone}
    exclusives = {
        o: sorted((r for r in rows if r.carried == (o,) and not r.reworded), key=lambda r: (-r.salience, r.number))
        for o in everyone
    }
    return OmissionMap(everyone, rows, threshold, omissions, exclusives)


def _latest(article_ids: set[str], dates: Mapping[str, str]) -> date | None:
    """The outlet's latest article date, or None when any of its articles is undated (it may be later)."""
    parsed = [parse_date(dates.get(a, "")) for a in article_ids]
    if not parsed or any(d is None for d in parsed):
        return None
    return max(d for d in parsed if d is not None)


def _first(group: ClaimGroup, dates: Mapping[str, str]) -> date | None:
    parsed = [parse_date(dates.get(u.article_id, "")) for u in (*group.units, *group.reworded)]
    known = [d for d in parsed if d is not None]
    return min(known) if known else None


def _before(latest: date | None, first: date | None) -> bool:
    return latest is not None and first is not None and latest < first
