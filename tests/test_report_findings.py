"""The report's key findings (first section) and its source-type tables, in HTML and PDF, on the seeds."""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
from pypdf import PdfReader

from framing.render.findings import SOURCE_TYPES_SHOWN
from framing.render.html import render_html
from framing.render.model import build_model
from framing.render.pdf import render_pdf
from framing.score.key_findings import MAX_FINDINGS


@pytest.fixture(scope="module")
def features(seed_features):
    return list(seed_features.values())


@pytest.fixture(scope="module")
def model(features):
    return build_model(features)


@pytest.fixture(scope="module")
def html(model):
    return render_html(model)


def test_key_findings_come_from_the_comparisons_the_report_shows(model):
    found = model.key_findings
    assert found is not None and 0 < len(found.items) <= MAX_FINDINGS
    stated = {f.text: f for p in model.pairs for f in p.findings.findings}
    for item in found.items:
        assert item.text in stated
        pair = next(p for p in model.pairs if item.text in {f.text for f in p.findings.findings})
        assert item.pair == f"{pair.label_a} vs {pair.label_b}"
    strengths = [stated[i.text].strength for i in found.items]
    assert strengths == sorted(strengths, reverse=True)
    assert found.scopes[0].startswith("Each outlet compared here is one article")


def test_key_findings_are_the_first_section_and_every_link_has_a_target(html, model):
    sections = re.findall(r'<section id="([^"]+)"', html)
    assert sections[0] == "key-findings" and sections.index("key-findings") < sections.index("overview")
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    block = html[html.index('<section id="key-findings">') : html.index('<section id="overview">')]
    links = re.findall(r'<a href="#([^"]+)">Evidence</a>', block)
    assert len(links) == len(model.key_findings.items) + len(model.key_findings.unsupported)
    assert links and all(link in ids for link in links)
    assert "Differences the numbers do not support" in block and "includes 0" in block


def test_source_table_counts_are_the_quotes_of_each_outlet(model, features, html):
    rows = {r.outlet: r for r in model.sources.rows}
    assert set(rows) == {f.outlet for f in features}
    for f in features:
        counted = Counter(q.speaker_type for q in f.quotes)
        row = rows[f.outlet]
        assert row.total == len(f.quotes)
        for kind, cell in zip(SOURCE_TYPES_SHOWN, row.cells, strict=True):
            assert int(cell.split()[0]) == counted[kind]
        assert sum(a["n"] for a in row.affiliations) <= len(f.quotes)
        assert f'<tr id="sources-{row.anchor}">' in html
    nv = rows["nv"]
    assert any(a["affiliation"] == "Ukrainian Defence Ministry" for a in nv.affiliations)


def test_pdf_opens_with_the_key_findings_and_has_the_source_tables(model):
    reader = PdfReader(io.BytesIO(render_pdf(model)))
    pages = [page.extract_text() for page in reader.pages]
    def starts(heading: str) -> int:  # the page that opens with the heading (after the footer's two lines)
        return next(i for i, text in enumerate(pages) if text.splitlines()[2:3] == [heading])

    assert starts("Key findings") < starts("Overview")
    assert model.key_findings.items[0].text.split(" (")[0][:40] in pages[starts("Key findings")].replace("\n", " ")
    assert starts("Who is quoted: source types and affiliations") < starts("Comparisons")


def test_one_outlet_has_no_findings_and_says_why(seed_features):
    model = build_model([seed_features["nv"]])
    assert model.key_findings is None
    page = render_html(model)
    assert "Fewer than two outlets: no differences to state." in page
    assert model.sources.rows[0].total == len(seed_features["nv"].quotes)
