"""Claim alignment on the seed corpus: the groups issue 9 must show, the gold pairs, the report view."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.claims import claim_groups
from framing.claims.align import ClaimGroup
from framing.claims.evaluate import evaluate, read_gold
from framing.claims.omissions import omission_map
from framing.claims.view import claims_section
from framing.errors import DataError

GOLD = Path(__file__).resolve().parents[1] / "gold" / "claims" / "seed_pairs.csv"


@pytest.fixture(scope="module")
def features(seed_features):
    return list(seed_features.values())


@pytest.fixture(scope="module")
def groups(features, lex) -> list[ClaimGroup]:
    return claim_groups(features, lex)


def group_of(groups, outlet: str, words: str) -> ClaimGroup:
    (found,) = [g for g in groups for u in g.units if u.outlet == outlet and words in u.text]
    return found


def test_us_troop_deployment_is_one_group_across_outlets(groups):
    group = group_of(groups, "aggregator", "About 2,000 US soldiers will be sent to Poland and Germany")
    assert group is group_of(groups, "unnamed", "2,000 troops will be sent from the US to Poland and Germany")
    assert group is group_of(groups, "aggregator", "2,000 US troops are headed to Germany and Poland")
    assert len(group.outlets) >= 2
    # "3,000 US troops to Poland, Germany and Romania" is related, not the same claim
    assert group is not group_of(groups, "unnamed", "approved the deployment of 3,000 US troops")


def test_nato_response_force_is_grouped_across_sputnik_and_nv(groups):
    group = group_of(groups, "sputnik", "a 5,000-strong response force had already been formed")
    assert group is group_of(groups, "nv", "A 5,000-strong NATO rapid response force")
    assert group.outlets == ("nv", "sputnik")


def test_el_pais_leak_is_grouped_across_the_outlets_that_report_it(groups):
    group = group_of(groups, "aggregator", "leaked in full to Spanish newspaper El Pais")
    assert group is group_of(groups, "unnamed", "the Spanish El Pais newspaper published")
    assert group is group_of(groups, "intellinews", "documents seen by Spanish daily newspaper El País")
    assert group.outlets == ("aggregator", "intellinews", "unnamed")


def test_the_leak_published_after_nv_and_sputnik_is_not_missing_from_them(groups, features):
    """Issue 15: NV (27 Jan) and Sputnik (26 Jan) cannot report a leak first published on 2 Feb.

    The dates come from seeds/manifest.csv; without them the same rows call the leak missing,
    so it is the dates, not a change of grouping, that clear the two outlets.
    """
    dated = {f.id: f.meta.date for f in features}
    by_outlet = {f.outlet: f.meta.date for f in features}
    assert by_outlet["nv"] == "2022-01-27" and by_outlet["sputnik"] == "2022-01-26"
    leak = group_of(groups, "aggregator", "leaked in full to Spanish newspaper El Pais")
    first = min(dated[u.article_id] for u in leak.units)
    assert first == "2022-02-02" > by_outlet["nv"] > by_outlet["sputnik"]

    omap = omission_map(groups, [f.outlet for f in features], dates=dated)
    assert omap.threshold == 3
    (row,) = [r for r in omap.rows if r.group is leak]
    assert row.first_date == first
    assert row.later == ("nv", "sputnik") and row.missing == ()
    assert row.status("nv") == row.status("sputnik") == "later"
    for outlet in ("nv", "sputnik"):
        assert all(r.group is not leak for r in omap.omissions[outlet])

    undated = omission_map(groups, [f.outlet for f in features])
    (row,) = [r for r in undated.rows if r.group is leak]
    assert row.later == () and {"nv", "sputnik"} <= set(row.missing) and row.notable


def test_every_outlet_has_exclusives_ranked_by_salience(groups, features):
    omap = omission_map(groups, [f.outlet for f in features], sentences={f.id: len(f.sentences) for f in features})
    assert omap.outlets == ["aggregator", "intellinews", "nv", "sputnik", "unnamed"]
    for outlet, rows in omap.exclusives.items():
        assert rows, outlet
        assert all(r.carried == (outlet,) and not r.reworded for r in rows)
        scores = [r.salience for r in rows]
        assert scores == sorted(scores, reverse=True)
    # the reworded lone sentences are folded into the group they reword, not listed as exclusives
    guests = {u.key for g in groups for u in g.reworded}
    assert guests
    assert not any(u.key in guests for rows in omap.exclusives.values() for r in rows for u in r.group.units)


def test_alignment_against_the_gold_pairs(groups, features):
    """Regression floors under the measured figures (docs/claims.md): precision first."""
    result = evaluate(groups, read_gold(GOLD, features))
    assert result.near_misses_aligned == []
    assert result.precision >= 0.9
    assert result.recall >= 0.4
    assert result.n_gold_same >= 30 and result.n_gold_different >= 10


def test_gold_file_errors_name_the_line(tmp_path, features):
    bad = tmp_path / "pairs.csv"
    header = "label,article_a,text_a,article_b,text_b,note\n"
    bad.write_text(header + "same,000_177df4f63a90bb60,no such words here,003_9a3e2b529b72e285,NATO,x\n")
    with pytest.raises(DataError, match=r"pairs\.csv:2.*not found"):
        read_gold(bad, features)
    bad.write_text(header + "maybe,000_177df4f63a90bb60,The letters,003_9a3e2b529b72e285,Stoltenberg also,x\n")
    with pytest.raises(DataError, match=r"pairs\.csv:2.*label"):
        read_gold(bad, features)


def test_claims_section_highlights_each_aligned_sentence(features, lex):
    view = claims_section(features, lex)
    assert view.outlets == ["aggregator", "intellinews", "nv", "sputnik", "unnamed"]
    assert view.rows and all(r["n_outlets"] >= 2 and sum(r["cells"]) == r["n_outlets"] for r in view.rows)
    assert len(view.same_fact) == len(view.rows)
    kinds = set()
    for item in view.same_fact:
        assert len(set(s.outlet for s in item.sentences)) >= 2
        for s in item.sentences:
            assert "".join(seg.text for seg in s.segments) == s.text
            for f in s.findings:
                assert s.text[f.start : f.end] == f.text
                kinds.add(f.kind)
                assert any(f.text in seg.text or seg.text in f.text for seg in s.segments if seg.classes)
    assert {"hedge", "attribution"} <= kinds
    leak = next(i for i in view.same_fact if {"aggregator", "intellinews"} <= set(i.outlets) and "El" in i.label)
    allegedly = [f for s in leak.sentences for f in s.findings if f.text == "allegedly"]
    assert allegedly and allegedly[0].kind == "hedge"
    assert set(view.omissions) == set(view.outlets)
    # the leak (first published 2 Feb) is "published later" for Sputnik (26 Jan) and NV (27 Jan), not an omission
    assert not any("El Pais" in label for o in ("nv", "sputnik") for label in view.omissions[o])
    assert any(r["status"][view.outlets.index("nv")] == "later" for r in view.rows if "El Pais" in r["label"])
    assert all(view.exclusives[o] for o in view.outlets)
