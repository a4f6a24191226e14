"""Claim alignment on small articles written for these tests, where the right grouping is known.

Three outlets report a troop deployment, the Kremlin's account of its troops and some
facts of their own. Near misses share numbers or wording with a true claim but report
a different fact ("3,000 troops" for "2,000 + 1,000"; Latvia for Estonia) and must not
be grouped.
"""

from __future__ import annotations

import pytest

from framing.claims import claim_groups
from framing.claims.align import ClaimGroup, names_agree, numbers_agree
from framing.claims.omissions import notable_threshold, omission_map
from framing.claims.units import Unit, article_units, names_in, numbers_in
from framing.extract.features import ArticleFeatures, analyze_article
from framing.ingest.article import Article, Metadata

ALPHA = (
    "The Pentagon said 2,000 troops will be sent to Poland and Germany this week, while 1,000 more will move "
    "from Germany to Romania. "
    "The Kremlin said its forces near the border with Ukraine were taking part in routine military exercises. "
    "Officials in Warsaw welcomed the decision with a short statement on Thursday. "
    "Norway announced that 2,000 soldiers will join a winter exercise in the Arctic."
)
BETA = (
    "About 2,000 American troops will be sent to Poland and Germany, and 1,000 soldiers based in Germany will "
    "move to Romania, the Pentagon announced. "
    "Russia insists its troops near the border with Ukraine are only taking part in routine military exercises. "
    "Latvia said NATO will station 5,000 troops in Latvia next year to deter an attack."
)
GAMMA = (
    "President Biden approved sending 3,000 US troops to Poland, Germany and Romania this week. "
    "Moscow says the troops near the border with Ukraine are taking part in routine military exercises. "
    "Norway announced that 3,000 soldiers will join a winter exercise in the Arctic. "
    "Estonia said NATO will station 5,000 troops in Estonia next year to deter an attack."
)


def written(outlet: str, text: str, lex) -> ArticleFeatures:
    meta = Metadata(id=f"{outlet}-1", outlet=outlet, outlet_name=outlet.title(), source="test")
    return analyze_article(Article(meta, text), lex)


@pytest.fixture(scope="module")
def corpus(lex) -> list[ArticleFeatures]:
    return [written("alpha", ALPHA, lex), written("beta", BETA, lex), written("gamma", GAMMA, lex)]


@pytest.fixture(scope="module")
def groups(corpus, lex) -> list[ClaimGroup]:
    return claim_groups(corpus, lex)


def group_with(groups: list[ClaimGroup], outlet: str, words: str) -> ClaimGroup:
    (found,) = [g for g in groups for u in g.units if u.outlet == outlet and words in u.text]
    return found


def test_the_deployment_reported_two_ways_is_one_group(groups):
    group = group_with(groups, "alpha", "The Pentagon said 2,000 troops")
    assert group.outlets == ("alpha", "beta")
    assert any("About 2,000 American troops" in u.text for u in group.units)


def test_a_different_total_is_not_the_same_claim(groups):
    """ "3,000 to Poland, Germany and Romania" is related to "2,000 + 1,000" but not the same claim."""
    group = group_with(groups, "gamma", "approved sending 3,000")
    assert group.outlets == ("gamma",)


def test_the_kremlin_account_is_grouped_across_all_three_outlets(groups):
    group = group_with(groups, "alpha", "taking part in routine military exercises")
    assert group.outlets == ("alpha", "beta", "gamma")
    assert len(group.units) == 3


def test_same_wording_with_different_numbers_is_not_grouped(groups):
    assert group_with(groups, "alpha", "Norway announced").outlets == ("alpha",)
    assert group_with(groups, "gamma", "Norway announced").outlets == ("gamma",)


def test_same_number_and_wording_with_different_places_is_not_grouped(groups):
    assert group_with(groups, "beta", "station 5,000 troops in Latvia").outlets == ("beta",)
    assert group_with(groups, "gamma", "station 5,000 troops in Estonia").outlets == ("gamma",)


def test_omission_map_flags_notable_omissions_and_exclusives(groups, corpus):
    omap = omission_map(groups, [f.outlet for f in corpus])
    assert omap.threshold == notable_threshold(3) == 2
    counts = [r.n_outlets for r in omap.rows]
    assert counts == sorted(counts, reverse=True) and counts[0] == 3
    (omitted,) = omap.omissions["gamma"]
    assert "The Pentagon said 2,000 troops" in omitted.label or "About 2,000 American" in omitted.label
    assert omitted.missing == ("gamma",)
    assert omap.omissions["alpha"] == [] and omap.omissions["beta"] == []
    alpha_only = [r.label for r in omap.exclusives["alpha"]]
    assert any("Officials in Warsaw welcomed" in label for label in alpha_only)
    assert all(r.carried == ("alpha",) for r in omap.exclusives["alpha"])


def test_label_is_the_most_central_sentence(lex):
    """Of three units, the one closest to both others labels the group."""
    features = [
        written("a", "Russia said its troops near the border with Ukraine are taking part in military exercises.", lex),
        written(
            "b", "Russia said troops near the border with Ukraine are taking part in routine military exercises.", lex
        ),
        written("c", "Its troops near the border with Ukraine are in routine military exercises, Russia said.", lex),
    ]
    (group,) = [g for g in claim_groups(features, lex) if len(g.units) > 1]
    assert len(group.outlets) == 3
    assert group.label.outlet == "b"


def test_alignment_is_deterministic_whatever_the_input_order(corpus, lex):
    def signature(groups):
        return sorted(tuple(sorted(u.key for u in g.units)) for g in groups)

    first = claim_groups(corpus, lex)
    again = claim_groups(list(reversed(corpus)), lex)
    assert signature(first) == signature(again)
    assert [g.label.key for g in first] == [g.label.key for g in again]


def test_units_of_one_outlet_are_never_linked_on_their_own(lex):
    text = "Russia said its troops are in exercises. Russia said its troops are in exercises again."
    one = written("solo", text, lex)
    groups = claim_groups([one], lex)
    assert all(len(g.units) == 1 for g in groups)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("About 2,000 US soldiers, while another 1,000 will go", {2000.0, 1000.0}),
        ("a 5,000-strong response force", {5000.0}),
        ("more than 127,000 troops", {127000.0}),
        ("1.5 million people fled", {1_500_000.0}),
        ("On Dec. 17, 2021, Russia issued demands", set()),
        ("shuttered in October 2021 by Moscow", set()),
        ("On February 2, the newspaper published 2 documents", {2.0}),
        ("on 17 December the 30 members agreed", {30.0}),
        ("Soldiers from the 82nd Airborne Division", set()),
    ],
)
def test_numbers_are_normalised_and_dates_are_not_quantities(text, numbers):
    assert numbers_in(text) == numbers


def unit(numbers=(), names=()) -> Unit:
    return Unit("x", "o", 0, 0, 1, "x", frozenset(numbers), frozenset(names))


def test_number_agreement():
    assert numbers_agree(unit({2000.0, 1000.0}), unit({2000.0}))
    assert numbers_agree(unit({2000.0}), unit())
    assert not numbers_agree(unit({2000.0}), unit({3000.0}))
    assert not numbers_agree(unit({2000.0, 8500.0}), unit({5000.0, 8500.0}))


def test_name_agreement_resolves_aliases(lex):
    pentagon = names_in("Officials at the Pentagon said troops would go to Poland.", lex)
    washington = names_in("Officials in Washington said troops would go to Poland.", lex)
    assert "US" in pentagon and "US" in washington and "poland" in pentagon
    assert names_agree(unit(names=pentagon), unit(names=washington))
    estonia = names_in("Officials said NATO troops would go to Estonia.", lex)
    latvia = names_in("Officials said NATO troops would go to Latvia.", lex)
    assert not names_agree(unit(names=estonia), unit(names=latvia))
    assert names_in("The paper El País reported it.", lex) == names_in("The paper El Pais reported it.", lex)


def test_long_sentences_split_at_clause_boundaries_only_when_both_halves_are_claims(lex):
    long_two_claims = (
        "At the press conference in Brussels, Stoltenberg said a 5,000-strong response force had already been formed "
        "and could be ready within days and that NATO was strengthening its presence in the Baltic and Black Sea "
        "regions this winter."
    )
    pieces = [u.text for u in article_units(written("n", long_two_claims, lex), lex)]
    assert len(pieces) == 2
    assert pieces[1].startswith("that NATO was strengthening")
    short_tail = (
        "Stoltenberg said that the alliance had formed a response force that could be ready within days to defend "
        "every member of the alliance against any attack from any direction in the coming months, but not now."
    )
    assert len(article_units(written("n", short_tail, lex), lex)) == 1
    quoted = (
        "“We want to make sure he knows that any movement against NATO will be met with resistance and that will "
        "bring Article Five into play and we will be committed to protecting our allies”, Kirby said."
    )
    assert len(article_units(written("n", quoted, lex), lex)) == 1


def test_headings_and_questions_are_not_claims(lex):
    text = "What did the US and NATO propose?\n\nUS and NATO response to Russia\n\nThe letters were sent last week."
    assert [u.text for u in article_units(written("h", text, lex), lex)] == ["The letters were sent last week."]


def test_runs_without_sentence_ends_are_not_claims(lex):
    run_on = "officials said talks would continue while troops moved " * 40 + "on."
    text = run_on + "\n\nThe letters were sent to Moscow last week, officials said."
    units = article_units(written("r", text, lex), lex)
    assert [u.text for u in units] == ["The letters were sent to Moscow last week, officials said."]
