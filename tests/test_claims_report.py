"""The claims section of the report and the classroom pair exercise built on claim alignment."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from framing.claims import claim_groups
from framing.classroom import pairing
from framing.classroom.exercises import build_exercise
from framing.render.html import render_html
from framing.render.model import build_model
from framing.render.pdf import render_pdf


@pytest.fixture(scope="module")
def corpus(seed_features):
    return list(seed_features.values())


@pytest.fixture(scope="module")
def model(corpus):
    return build_model(corpus)


def test_html_report_has_the_section_after_comparisons(model):
    html = render_html(model)
    assert '<li><a href="#claims">What each outlet leaves out</a></li>' in html
    assert html.index('id="comparisons"') < html.index('id="claims"') < html.index('id="articles"')
    section = html[html.index('id="claims"') : html.index('id="articles"')]
    assert '<td class="missing">missing</td>' in section
    assert "5,000-strong" in section and "El Pais" in section
    assert 'mark class="hedge" title="hedge: hedge">allegedly</mark>' in section
    for outlet in model.claims.outlets:
        assert f"<th>{outlet}</th>" in section


def test_pdf_report_has_the_section(model, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(render_pdf(model))
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    start = text.index("What each outlet leaves out", text.index("Comparisons", text.index("page 2")))
    section = text[start : text.index("Articles, highlighted", start)]
    assert "Same fact, different words" in section and "Notable omissions" in section
    assert "missing" in section and "5,000-strong" in section


def test_report_without_a_second_outlet_has_no_claims_section(seed_features):
    model = build_model([seed_features["sputnik"]])
    assert model.claims is None
    assert 'id="claims"' not in render_html(model)


def test_pair_exercise_uses_claim_alignments(corpus, lex):
    groups = claim_groups(corpus, lex)
    group_of = {(u.article_id, u.start): g for g in groups for u in g.units}
    alignments = pairing.claim_alignments(corpus)
    assert alignments
    for a in alignments:
        assert group_of[(a.article_a, a.start_a)] is group_of[(a.article_b, a.start_b)]
    exercise = build_exercise("pair", corpus, "basic", seed=2)
    assert "claim alignment" in exercise.method
    for item in exercise.items:
        assert "Chosen by claim alignment" in item.key_points[0]
        left, right = (p.excerpt for p in item.panels)
        assert any(
            left.start <= a.start_a < left.end
            and right.start <= a.start_b < right.end
            or right.start <= a.start_a < right.end
            and left.start <= a.start_b < left.end
            for a in alignments
            if {a.article_a, a.article_b} == {left.source.article_id, right.source.article_id}
        )


def test_pair_exercise_falls_back_to_tf_idf_without_alignments(corpus, monkeypatch):
    monkeypatch.setattr(pairing, "claim_alignments", lambda features: [])
    exercise = build_exercise("pair", corpus, "basic", seed=2)
    assert exercise.method.count("tf-idf cosine") == 2 and "matched by claim alignment" not in exercise.method
    assert all("Chosen by tf-idf cosine" in item.key_points[0] for item in exercise.items)
