"""The report's first section (key findings) and its source-type tables, laid out from the score modules.

Kept out of framing/render/model.py so the report model only gains two fields: the findings come from
:mod:`framing.score.key_findings` for each comparison the report shows (so the report and
`framing compare` state the same sentences), and the source tables from
:mod:`framing.score.source_types`. Each finding links to the table its numbers come from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from framing.score.key_findings import MAX_FINDINGS, RESAMPLED_SENTENCES, Finding, KeyFindings
from framing.score.source_types import TYPE_LABELS

SOURCE_TYPES_SHOWN = ("official", "organisation", "expert", "citizen", "anonymous", "document", "unknown")
# Column headings that fit a phone's width; the section's note gives the long forms (score.source_types.TYPE_LABELS).
SHORT_LABELS = {t: TYPE_LABELS[t].split()[0] for t in SOURCE_TYPES_SHOWN} | {"unknown": "unknown type"}


@dataclass
class FindingItem:
    text: str
    basis: str
    href: str  # "#pair-sputnik-vs-nv": the section holding the numbers
    pair: str  # "sputnik vs nv"
    kind: str


@dataclass
class FindingsView:
    items: list[FindingItem]
    unsupported: list[FindingItem]
    scopes: list[str]
    n_supported: int


@dataclass
class SourceRow:
    outlet: str
    name: str
    anchor: str
    total: int
    cells: list[str]  # "9 (60%)" per type of SOURCE_TYPES_SHOWN
    affiliations: list[dict] = field(default_factory=list)  # affiliation, side, n, words


@dataclass
class SourcesView:
    types: list[str]  # readable labels, in the order of the cells
    rows: list[SourceRow]
    keys: list[str] = field(default_factory=lambda: list(SOURCE_TYPES_SHOWN))  # the short type names (PDF headers)


def _anchor(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _href(finding: Finding, pair_anchor: str) -> str:
    if finding.kind == "source_type":
        return "#sources"
    return f"#pair-{pair_anchor}"


def findings_view(pairs: Sequence[tuple[str, str, KeyFindings]], cap: int = MAX_FINDINGS) -> FindingsView | None:
    """The report's key findings: every shown comparison's findings, ranked by strength together and capped.

    ``pairs`` holds (pair anchor, "a vs b" label, findings) for each comparison in the report.
    """
    if not pairs:
        return None
    ranked: list[tuple[float, FindingItem]] = []
    unsupported = []
    scopes: list[str] = []
    for pair_anchor, label, found in pairs:
        for f in found.findings:
            ranked.append((f.strength, FindingItem(f.text, f.basis, _href(f, pair_anchor), label, f.kind)))
        unsupported += [FindingItem(f.text, f.basis, _href(f, pair_anchor), label, f.kind) for f in found.unsupported]
        if found.scope not in scopes:
            scopes.append(found.scope)
    if all(found.one_article_each for *_, found in pairs):  # one statement instead of one per pair
        scopes = ["Each outlet compared here is one article: the findings describe those articles, not the outlets."]
        if any(found.sentences_resampled for *_, found in pairs):
            scopes.append(RESAMPLED_SENTENCES)
    ranked.sort(key=lambda t: -t[0])
    return FindingsView([item for _, item in ranked[:cap]], unsupported, scopes, len(ranked))


def sources_view(types: pd.DataFrame, top: pd.DataFrame, names: Mapping[str, str]) -> SourcesView:
    """Quotations per outlet by speaker type, and the affiliations the texts give the speakers.

    ``types`` and ``top`` are the corpus analysis's frames (score.source_types.type_counts and
    affiliation_counts, framing.analysis); outlets in the order of ``types``."""
    rows = []
    for outlet in dict.fromkeys(types["outlet"]):
        own = types[types["outlet"] == outlet].set_index("speaker_type")
        total = int(own["n_quotes"].sum())
        cells = [
            f"{int(own.loc[t, 'n_quotes'])} ({own.loc[t, 'share_quotes']:.0%})" if total else "0"
            for t in SOURCE_TYPES_SHOWN
        ]
        mine = top[top["outlet"] == outlet]
        affil = [
            {"affiliation": r.affiliation, "side": r.side, "n": int(r.n_quotes), "words": int(r.quoted_words)}
            for r in mine.itertuples()
        ]
        rows.append(SourceRow(outlet, names.get(outlet, outlet), _anchor(outlet), total, cells, affil))
    return SourcesView([SHORT_LABELS[t] for t in SOURCE_TYPES_SHOWN], rows)
