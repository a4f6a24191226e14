"""Omissions that respect time and wording (issue 15), on the hand-made port-strike set.

gold/claims/port_strike/ has three fictional outlets and five dated articles written for this
purpose (see its manifest); its labelled pairs are in gold/claims/port_strike_pairs.csv. Each
test also runs the aligner as it was before (``min_shared=0, reword_threshold=None``, no dates)
where that shows the test can fail: the old behaviour gets these cases wrong.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from framing import api
from framing.claims.align import ClaimGroup, align
from framing.claims.content import content_terms, shared_content, speakers
from framing.claims.omissions import omission_map
from framing.claims.salience import EXCLUSIVES_SHOWN, salience
from framing.claims.units import Unit, corpus_units
from framing.claims.view import claims_section
from framing.render.html import render_html
from framing.render.model import build_model

PORT = Path(__file__).resolve().parents[1] / "gold" / "claims" / "port_strike"


@pytest.fixture(scope="module")
def features():
    return api.analyze(PORT)


@pytest.fixture(scope="module")
def units(features, lex) -> list[Unit]:
    return corpus_units(features, lex)


@pytest.fixture(scope="module")
def groups(units) -> list[ClaimGroup]:
    return align(units)


def unit_of(units: list[Unit], article: str, words: str) -> Unit:
    (found,) = [u for u in units if u.article_id == article and words in u.text]
    return found


def group_of(groups: list[ClaimGroup], unit: Unit) -> ClaimGroup:
    (found,) = [g for g in groups if unit in g.units]
    return found


def test_a_shared_speaker_alone_does_not_group_two_claims(units, groups):
    walkout = unit_of(units, "ledger_1", "the walkout would continue")
    mediator = unit_of(units, "wire_2", "welcomed the mediator")
    assert {"ilves", "marta"} <= speakers(walkout) and {"ilves", "marta"} <= speakers(mediator)
    assert shared_content(walkout, mediator, content_terms(walkout), content_terms(mediator)) < 2
    assert group_of(groups, walkout) is not group_of(groups, mediator)
    # the aligner before issue 15 merged them on the name, title and "said"
    before = align(units, min_shared=0, reword_threshold=None)
    assert group_of(before, walkout) is group_of(before, mediator)


def test_a_shared_named_thing_that_is_not_the_speaker_still_counts(units, groups):
    """The mediator Erik Vann is what the two sentences report, not who speaks: they stay grouped."""
    wire = unit_of(units, "wire_2", "appointed former judge Erik Vann")
    harbour = unit_of(units, "harbour_2", "appointed the retired judge Erik Vann")
    assert "vann" not in speakers(wire) | speakers(harbour)
    assert group_of(groups, wire) is group_of(groups, harbour)


def test_a_paraphrase_is_reported_in_other_words_not_missing(features, units, groups):
    harbour = unit_of(units, "harbour_1", "People here have gone three years without a proper offer")
    wire = unit_of(units, "wire_1", "Our members have waited three years for a fair offer")
    group = group_of(groups, harbour)
    assert wire not in group.units and wire in group.reworded
    assert group.reworded_outlets == ("wire",)
    omap = omission_map(groups, [f.outlet for f in features], dates={f.id: f.meta.date for f in features})
    (row,) = [r for r in omap.rows if r.group is group]
    assert row.status("wire") == "reworded" and "wire" not in row.missing
    assert row.status("ledger") == "missing"  # the Daily Ledger reports neither wording (its article is later)
    assert not any(wire in r.group.units for r in omap.exclusives["wire"])
    before = align(units, min_shared=0, reword_threshold=None)
    assert group_of(before, wire) is not group_of(before, harbour) and not group_of(before, harbour).reworded


def test_facts_first_published_after_the_only_ledger_article_are_later_not_missing(features, units, groups):
    dates = {f.id: f.meta.date for f in features}
    assert dates["ledger_1"] == "2025-03-05" < dates["wire_2"] == dates["harbour_2"] == "2025-03-09"
    omap = omission_map(groups, [f.outlet for f in features], dates=dates)
    lorry = group_of(groups, unit_of(units, "wire_2", "a lorry drove into a picket line"))
    (row,) = [r for r in omap.rows if r.group is lorry]
    assert row.carried == ("harbour", "wire") and row.first_date == "2025-03-09"
    assert row.later == ("ledger",) and row.missing == () and not row.notable
    assert all(r.first_date <= "2025-03-05" for r in omap.omissions["ledger"])
    undated = omission_map(groups, [f.outlet for f in features])
    assert any(r.group is lorry for r in undated.omissions["ledger"])


def test_salience_ranks_an_early_specific_sentence_above_late_colour(units):
    lead = unit_of(units, "ledger_1", "costing the regional economy an estimated 45 million euros")
    colour = unit_of(units, "ledger_1", "Shares in the shipping group Baltline fell")
    assert salience(lead, 10) > salience(colour, 10)
    assert salience(lead, 10) == salience(lead, 10)  # a pure function of the unit


def test_html_caps_exclusives_with_a_show_all_holding_the_rest(features):
    view = claims_section(features)
    crowded = [o for o in view.outlets if len(view.exclusives[o]) > EXCLUSIVES_SHOWN]
    assert crowded, {o: len(v) for o, v in view.exclusives.items()}
    page = lxml.html.fromstring(render_html(build_model(features)))
    (section,) = page.xpath('//section[@id="claims"]')
    names = view.outlet_names
    for outlet in view.outlets:
        labels = view.exclusives[outlet]
        (row,) = [  # the omissions-and-exclusives table: outlet, omissions, exclusives
            tr for tr in section.xpath(".//tr[count(td) = 3]") if tr.xpath("./td")[0].text_content() == names[outlet]
        ]
        cell = row.xpath("./td[3]")[0]
        shown = [li.text_content() for li in cell.xpath('./ol[@class="exclusives"]/li')]
        rest = [li.text_content() for li in cell.xpath('./details[@class="more-exclusives"]/ol/li')]
        assert shown == labels[:EXCLUSIVES_SHOWN]
        assert rest == labels[EXCLUSIVES_SHOWN:]
        if outlet in crowded:
            (summary,) = cell.xpath('./details[@class="more-exclusives"]/summary')
            assert summary.text_content() == f"show all {len(labels)}"
        else:
            assert not cell.xpath("./details")
    statuses = {st for r in view.rows for st in r["status"]}
    assert {"later", "reworded"} <= statuses
    text = section.text_content()
    assert "published later" in text and "in other words" in text


def test_an_undated_or_unreadable_date_never_makes_an_outlet_later(features, units, groups):
    """'Published later' is never guessed: without a readable date for every article the outlet stays eligible."""
    lorry = group_of(groups, unit_of(units, "wire_2", "a lorry drove into a picket line"))
    outlets = [f.outlet for f in features]
    dates = {f.id: f.meta.date for f in features}
    for ledger_date in ("", "5 March 2025", "2025-13-45"):
        omap = omission_map(groups, outlets, dates={**dates, "ledger_1": ledger_date})
        (row,) = [r for r in omap.rows if r.group is lorry]
        assert row.later == () and row.missing == ("ledger",) and row.notable, ledger_date
    with_time = {k: f"{v}T08:30:00+01:00" for k, v in dates.items()}
    (row,) = [r for r in omission_map(groups, outlets, dates=with_time).rows if r.group is lorry]
    assert row.later == ("ledger",) and row.first_date == "2025-03-09"


def test_the_terminal_view_caps_exclusives_and_names_the_rest(features):
    import io

    from rich.console import Console

    from framing.claims.render import EXCLUSIVES_SHOWN_TERMINAL, rich_view
    from framing.claims.view import analyse_claims, same_fact

    _, omap = analyse_claims(features)
    console = Console(width=200, file=io.StringIO(), color_system=None)
    console.print(rich_view("port strike", omap, same_fact(omap, features), 2))
    out = console.file.getvalue()
    listing = out[out.index("Exclusives (claims only this outlet reports), most prominent first") :]
    for outlet, rows in omap.exclusives.items():
        block = listing[listing.index(f"{outlet} ({len(rows)})") :]
        shown = [r for r in rows if f"#{r.number} " in block.split(" more (all in -f json)")[0]]
        assert len(shown) == min(len(rows), EXCLUSIVES_SHOWN_TERMINAL)
        if len(rows) > EXCLUSIVES_SHOWN_TERMINAL:
            assert f"... and {len(rows) - EXCLUSIVES_SHOWN_TERMINAL} more (all in -f json)" in block
    assert "later" in out and "reworded" in out
