"""What the outputs show: the omission table and "same fact, different words".

For every claim group carried by two or more outlets, the aligned sentences are laid side
by side with the loaded terms, hedges and attributions inside each (offsets relative to
the sentence, taken from the article's own spans), so a reader sees how one fact is
framed. :func:`claims_section` packs this for the HTML/PDF report; the CLI renders the
same objects (framing/claims/render.py), so the formats cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from framing.claims import claim_groups
from framing.claims.align import COMPLETE_LINK_THRESHOLD, LINK_THRESHOLD, REWORD_THRESHOLD, ClaimGroup
from framing.claims.content import MIN_SHARED_CONTENT
from framing.claims.omissions import OmissionMap, omission_map
from framing.claims.salience import EXCLUSIVES_SHOWN
from framing.claims.units import Unit
from framing.extract.features import ArticleFeatures
from framing.lexicon.bundle import Lexicons
from framing.render.highlight import CLASS_ATTRIBUTION, CLASS_HEDGE, CLASS_LOADED, CLASS_SCARE, Mark, Segment, segments

METHOD_NOTE = (
    f"Sentences (long ones split at clause boundaries) are grouped across outlets when their TF-IDF "
    f"similarity (stemmed words and character n-grams) is at least {LINK_THRESHOLD}, every pair in a group "
    f"is at least {COMPLETE_LINK_THRESHOLD}, the numbers they state agree, they name the same people and "
    f"places, and they share at least {MIN_SHARED_CONTENT} content words or numbers besides names (a shared "
    f"speaker is not enough). A sentence with similarity from {REWORD_THRESHOLD} counts as reporting the claim "
    "in other words. An outlet whose articles all predate a claim's first publication is marked 'later', not "
    "missing. The aligner prefers precision: a claim worded very differently can still appear as not "
    "reported, so read an omission as a lead to check."
)


@dataclass(frozen=True, slots=True)
class Finding:
    """A loaded term, hedge or attribution inside an aligned sentence; offsets relative to the sentence."""

    kind: str  # loaded | hedge | attribution | scare_quote
    start: int
    end: int
    text: str
    detail: str  # category and perspective, hedge type, or attribution stance

    def to_dict(self) -> dict:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text, "detail": self.detail}


@dataclass
class AlignedSentence:
    outlet: str
    outlet_name: str
    article_id: str
    sentence: int
    start: int  # offsets of the unit in the article's cleaned text
    end: int
    text: str
    findings: list[Finding]
    segments: list[Segment]
    reworded: bool = False  # the outlet reports the fact in other words (the weaker similarity band)

    def to_dict(self) -> dict:
        return {
            "outlet": self.outlet,
            "reworded": self.reworded,
            "article_id": self.article_id,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class SameFact:
    number: int  # row number in the omission table
    label: str
    outlets: tuple[str, ...]
    cohesion: float
    sentences: list[AlignedSentence]


@dataclass
class ClaimsView:
    """The report section "What each outlet leaves out"."""

    outlets: list[str]
    outlet_names: dict[str, str]
    rows: list[dict]  # shared claims: number, label, label_outlet, n_outlets, cells (bool per outlet), notable,
    # status (per outlet: reported | reworded | later | missing | absent)
    omissions: dict[str, list[str]]  # outlet -> labels of its notable omissions
    exclusives: dict[str, list[str]]  # outlet -> sentences only it reports, most salient first
    same_fact: list[SameFact]
    threshold: int
    note: str = METHOD_NOTE
    exclusives_shown: int = EXCLUSIVES_SHOWN  # the report lists this many per outlet, the rest behind "show all"


def _findings(features: ArticleFeatures, unit: Unit) -> list[Finding]:
    inside: list[Finding] = []

    def add(kind: str, start: int, end: int, detail: str) -> None:
        if start >= unit.start and end <= unit.end:
            inside.append(Finding(kind, start - unit.start, end - unit.start, features.text[start:end], detail))

    for t in features.loaded_terms:
        add("loaded", t.start, t.end, f"{t.category}, {t.perspective}" + (" (quoted)" if t.quoted else ""))
    for h in features.hedges:
        if h.type == "attribution":
            add("attribution", h.start, h.end, h.stance)
        else:
            add(h.type if h.type == "scare_quote" else "hedge", h.start, h.end, h.type)
    inside.sort(key=lambda f: (f.start, f.end, f.kind))
    return inside


CLASSES = {"loaded": CLASS_LOADED, "hedge": CLASS_HEDGE, "attribution": CLASS_ATTRIBUTION, "scare_quote": CLASS_SCARE}


def aligned_sentence(features: ArticleFeatures, unit: Unit, reworded: bool = False) -> AlignedSentence:
    found = _findings(features, unit)
    marks = [Mark(f.start, f.end, CLASSES[f.kind], f"{f.kind}: {f.detail}") for f in found]
    return AlignedSentence(
        unit.outlet,
        features.meta.outlet_name,
        unit.article_id,
        unit.sentence,
        unit.start,
        unit.end,
        unit.text,
        found,
        segments(unit.text, marks),
        reworded,
    )


def same_fact(omap: OmissionMap, features: Sequence[ArticleFeatures], min_outlets: int = 2) -> list[SameFact]:
    by_id = {f.id: f for f in features}
    return [
        SameFact(
            row.number,
            row.label,
            tuple(sorted(row.carried + row.reworded)),
            row.group.cohesion,
            [
                aligned_sentence(by_id[u.article_id], u)
                for u in sorted(row.group.units, key=lambda u: (u.outlet, u.start))
            ]
            + [
                aligned_sentence(by_id[u.article_id], u, reworded=True)
                for u in sorted(row.group.reworded, key=lambda u: (u.outlet, u.start))
                if u.outlet in row.reworded
            ],
        )
        for row in omap.shared(max(2, min_outlets))
    ]


def analyse_claims(
    features: Sequence[ArticleFeatures], lex: Lexicons | None = None
) -> tuple[list[ClaimGroup], OmissionMap]:
    groups = claim_groups(features, lex)
    return groups, omission_map(
        groups,
        [f.outlet for f in features],
        dates={f.id: f.meta.date for f in features},
        sentences={f.id: len(f.sentences) for f in features},
    )


def claims_section(features: Sequence[ArticleFeatures], lex: Lexicons | None = None) -> ClaimsView:
    """The omission table, notable omissions, exclusives and same-fact groups for the report."""
    features = list(features)
    _, omap = analyse_claims(features, lex)
    names = {f.outlet: f.meta.outlet_name for f in features}
    rows = [
        {
            "number": r.number,
            "label": r.label,
            "label_outlet": r.group.label.outlet,
            "n_outlets": r.n_outlets,
            "cells": [o in r.carried or o in r.reworded for o in omap.outlets],
            "notable": r.notable,
            "status": [r.status(o) for o in omap.outlets],
        }
        for r in omap.shared()
    ]
    return ClaimsView(
        outlets=omap.outlets,
        outlet_names={o: names.get(o, o) for o in omap.outlets},
        rows=rows,
        omissions={o: [r.label for r in omap.omissions[o]] for o in omap.outlets},
        exclusives={o: [r.label for r in omap.exclusives[o]] for o in omap.outlets},
        same_fact=same_fact(omap, features),
        threshold=omap.threshold,
    )
