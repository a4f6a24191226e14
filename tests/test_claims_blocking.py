"""Blocked claim alignment: candidate pairs from shared rare terms, numbers and names, never an n x n matrix."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from framing.claims import similarity as claim_similarity
from framing.claims.align import LINK_THRESHOLD, align
from framing.claims.similarity import MAIN_ACTORS, UnitSimilarity
from framing.claims.units import Unit, numbers_in

TEMPLATES = (
    "The ministry said {n} soldiers would be sent to {place} before the winter exercises began.",
    "Officials in {place} confirmed that {n} refugees had crossed the bridge during the night.",
    "A court in {place} fined the shipping company {n} euros for dumping fuel in the harbour.",
    "Farmers near {place} blocked the motorway with {n} tractors to protest against the grain tariffs.",
    "The storm cut power to {n} homes in {place} and closed every school for two days.",
    "Voters in {place} elected {n} new councillors after a campaign dominated by housing costs.",
    "Dockworkers in {place} walked out over pay, leaving {n} containers stranded on the quay.",
    "Health workers in {place} opened {n} vaccination centres in disused shopping malls.",
    "Engineers inspecting the dam above {place} found {n} cracks in the concrete wall.",
    "The airline cancelled {n} flights from {place} after air traffic controllers went on strike.",
)
PLACES = ("Aldwick", "Borrin", "Calder", "Dunmore", "Elsby", "Farrow", "Glenmere", "Harrowgate", "Ixworth", "Jarrow")
OUTLETS = ("alpha", "beta", "gamma")


def unit(k: int, outlet: str, text: str, places: frozenset[str]) -> Unit:
    return Unit(f"{outlet}-{k:04d}", outlet, 0, 0, len(text), text, numbers_in(text), places)


@pytest.fixture(scope="module")
def units() -> list[Unit]:
    """300 units: ten kinds of fact, each told about ten places, each told by three outlets ."""
    out = []
    for t, template in enumerate(TEMPLATES):
        for p, place in enumerate(PLACES):
            for v in range(3):
                text = template.format(n=f"{(p + 1) * 1000 + t:,}", place=place)
                if v == 2:  # the same number written without its comma
                    text = text.replace(f"{(p + 1) * 1000 + t:,}", str((p + 1) * 1000 + t))
                out.append(unit(len(out), OUTLETS[v], text, frozenset({place.lower()})))
    return sorted(out, key=lambda u: u.key)


def dense_reference(sim: UnitSimilarity) -> np.ndarray:
    return 0.5 * (sim.words @ sim.words.T).toarray() + 0.5 * (sim.chars @ sim.chars.T).toarray()


def test_candidate_pairs_are_far_fewer_than_all_pairs_and_lose_none_above_the_threshold(units):
    sim = UnitSimilarity(units)
    n = len(units)
    keys = sim.block_keys()
    shared = (keys @ keys.T).tocoo()
    # only units telling the same kind of fact (30) or naming the same place (30, 3 of them both) share a key
    assert shared.nnz == n * 57 < n * n / 5
    fact = {u.key: next(t for t, tmpl in enumerate(TEMPLATES) if tmpl.split()[-1] in u.text) for u in units}
    for i, j in zip(shared.row.tolist(), shared.col.tolist(), strict=True):
        a, b = units[i], units[j]
        assert fact[a.key] == fact[b.key] or a.names == b.names
    outlets = np.array([OUTLETS.index(u.outlet) for u in units])
    rows, cols, sims = sim.candidates(outlets, LINK_THRESHOLD)
    dense = dense_reference(sim)  # the old way, as a reference on a corpus small enough for it
    wanted = np.triu(dense >= LINK_THRESHOLD, 1) & (outlets[:, None] != outlets[None, :])
    want_rows, want_cols = np.nonzero(wanted)
    assert len(want_rows) >= 3 * len(TEMPLATES) * len(PLACES)  # every fact's three tellings pair up
    assert set(zip(rows.tolist(), cols.tolist(), strict=True)) == set(
        zip(want_rows.tolist(), want_cols.tolist(), strict=True)
    )
    assert np.array_equal(sims, dense[rows, cols])


def test_no_block_of_the_computation_is_n_by_n(units, monkeypatch):
    """With tiny batch limits every product stays small, and the groups are the same as with the defaults."""
    expected = [[u.key for u in g.units] for g in align(units)]
    n = len(units)
    sizes: list[int] = []
    original = UnitSimilarity._block_scores

    def recording(self, rows, cols):
        sizes.append(len(np.unique(rows)) * len(np.unique(cols)))
        return original(self, rows, cols)

    def refuse(*_args, **_kwargs):
        raise AssertionError("a sparse matrix was made dense")

    monkeypatch.setattr(UnitSimilarity, "_block_scores", recording)
    monkeypatch.setattr(claim_similarity, "PAIR_BATCH", 400)
    monkeypatch.setattr(claim_similarity, "ROW_SLICE", 16)
    for kind in (sp.csr_matrix, sp.csc_matrix, sp.coo_matrix):
        monkeypatch.setattr(kind, "toarray", refuse)
        monkeypatch.setattr(kind, "todense", refuse)
    groups = align(units)
    assert [[u.key for u in g.units] for g in groups] == expected
    assert sizes and max(sizes) < n * n / 50
    # the same fact about the same place is grouped across outlets; other places or numbers are not
    linked = [g for g in groups if len(g.outlets) > 1]
    assert linked
    assert len(linked) == len(TEMPLATES) * len(PLACES)
    for g in linked:
        assert len({(u.names, u.numbers) for u in g.units}) == 1 and g.outlets == OUTLETS


def test_a_key_shared_by_too_many_units_blocks_nothing(monkeypatch):
    text = "The alliance said its troops would stay in the region for the whole of next year."
    many = [unit(k, OUTLETS[k % 3], text, frozenset()) for k in range(9)]
    monkeypatch.setattr(claim_similarity, "MAX_KEY_UNITS", 5)
    assert UnitSimilarity(many).block_keys().shape[1] == 0
    monkeypatch.setattr(claim_similarity, "MAX_KEY_UNITS", 100)
    assert UnitSimilarity(many).block_keys().shape[1] > 0


def test_empty_and_single_unit_corpora():
    assert align([]) == []
    (group,) = align([unit(0, "alpha", "The alliance said its troops would stay in the region.", frozenset())])
    assert group.cohesion == 1.0


def test_the_scale_benchmarks_stories_align_within_themselves_only(monkeypatch):
    """benchmarks/claims_scale.py: each story's invented names and shifted numbers keep stories apart.

    (A seed sentence naming only main actors and stating no number reads the same in every story,
    and is rightly one claim wherever it appears.)
    """
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from claims_scale import synthetic_units

    units = synthetic_units(articles=60, per_article=4, story_size=20)
    assert len(units) == 240 and len({u.article_id for u in units}) == 60
    story = {u.article_id: int(u.article_id.split("-")[1]) // 20 for u in units}
    specific = [
        g for g in align(units) if len(g.outlets) > 1 and any(u.numbers or u.names - MAIN_ACTORS for u in g.units)
    ]
    assert specific
    for g in specific:
        assert len({story[u.article_id] for u in g.units}) == 1
