"""The report: HTML and PDF on the seeds, hostile text, empty features, atomic writing.

The browser test drives Debian's chromium through Playwright (no browser download):
it checks that charts and highlighted spans are on the page and that no console error
occurs, and saves a screenshot next to the report.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import framing
from pypdf import PdfReader

from framing import api
from framing.errors import DataError
from framing.report import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SECTIONS = ["Overview", "Outlets", "Comparisons", "Articles, highlighted", "Methods and limits"]


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    written = write_report(api.analyze(), out, "both")
    assert sorted(p.name for p in written) == ["index.html", "report.pdf"]
    return out


def browser_check(html: Path, screenshot: Path, width: int = 1100) -> dict:
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (make test installs it)")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        page = browser.new_page(viewport={"width": width, "height": 900})
        errors: list[str] = []
        dialogs: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(html.as_uri())
        page.wait_for_load_state("load")
        found = {
            "charts": page.locator("figure.chart svg").count(),
            "loaded": page.locator("mark.loaded").count(),
            "quotes": page.locator("mark.quote").count(),
            "hedges": page.locator("mark.hedge").count(),
            # scripts other than the explorer's own two (its JSON data and its code)
            "scripts": page.locator("script:not(#explorer-data):not(#explorer-code)").count(),
            "text": page.inner_text("body"),
            "errors": errors,
            "dialogs": dialogs,
            "external": [r for r in requests if not r.startswith(("file:", "data:"))],
        }
        page.screenshot(path=str(screenshot), full_page=False)
        browser.close()
    return found


def test_html_in_chromium_has_charts_highlights_and_no_errors(seed_report):
    found = browser_check(seed_report / "index.html", seed_report / "screenshot.png")
    assert found["charts"] >= 5
    assert found["loaded"] >= 10 and found["quotes"] >= 10 and found["hedges"] >= 5
    assert found["errors"] == [] and found["external"] == [] and found["scripts"] == 0
    assert (seed_report / "screenshot.png").stat().st_size > 10_000
    for section in SECTIONS:
        assert section in found["text"]


def test_html_is_self_contained_and_explains_terms(seed_report):
    html = (seed_report / "index.html").read_text(encoding="utf-8")
    assert "<link" not in html and 'src="http' not in html
    assert 'class="loaded' in html and "Neutral: " in html
    assert "US-backed nationalist coup" in html


def test_pdf_has_sections_contents_page_numbers_and_renders(seed_report):
    pdf = seed_report / "report.pdf"
    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 8
    for section in [*SECTIONS, "Contents"]:
        assert section in text
    assert "page 2" in text and "US-backed nationalist coup" in text
    assert reader.metadata.title == "How the outlets framed the story"
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "2", str(pdf), str(seed_report / "page")], check=True
        )
        assert (seed_report / "page-01.png").stat().st_size > 5_000


XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_corpus_renders_as_inert_text(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    body = (
        "Officials said the regime " + XSS + " had staged a so-called referendum in the occupied region, "
        "according to the ministry, which called it “a farce”.\n\nA second paragraph follows here, "
        "long enough to count as article text for the cleaner of the framing tool."
    )
    records = [
        {
            "id": "a1",
            "outlet": "evil<script>",
            "outlet_name": XSS,
            "title": XSS,
            "url": "javascript:alert(1)",
            "text": body,
        },
        {
            "id": "a2",
            "outlet": "plain",
            "title": "Plain",
            "url": "https://example.org/a",
            "text": body.replace(XSS, ""),
        },
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    out = tmp_path / "out"
    write_report(api.analyze(corpus), out, "both")
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html
    assert 'href="javascript' not in html
    assert "&lt;script&gt;" in html
    found = browser_check(out / "index.html", out / "shot.png")
    assert found["dialogs"] == [] and found["errors"] == [] and found["scripts"] == 0
    assert '<script>alert("x")</script>' in found["text"]  # shown to the reader as text
    assert "Officials said the regime" in "\n".join(p.extract_text() for p in PdfReader(out / "report.pdf").pages)


def test_outlet_with_no_quotes_or_loaded_terms_still_renders(tmp_path):
    (tmp_path / "plain").mkdir()
    (tmp_path / "loaded").mkdir()
    (tmp_path / "plain" / "a.txt").write_text(
        "The committee met on Tuesday to review the budget for the coming year.\n\n"
        "Members discussed the costs of roads, schools and the water supply in some detail.\n",
        encoding="utf-8",
    )
    (tmp_path / "loaded" / "b.txt").write_text(
        "The Kiev regime shredded the deal, Russian Foreign Minister Sergey Lavrov said on Tuesday.\n\n"
        "“This is a provocation,” Lavrov told reporters in Moscow after the meeting ended.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    write_report(api.analyze(tmp_path), out, "both")
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "No loaded terms found." in html and "No quotations found." in html
    text = "\n".join(p.extract_text() for p in PdfReader(out / "report.pdf").pages)
    assert "No loaded terms found." in text


def test_outlets_sharing_a_display_name_are_counted_and_listed_apart():
    """gold/extra's five outlets (a strike, an election, a storm, a court case, a trade dispute) share the
    manifest name "Written for the tests": the overview counts five and the contents tell them apart."""
    from framing.render.html import render_html
    from framing.render.model import build_model

    corpus = Path(__file__).resolve().parents[1] / "gold" / "extra" / "corpus"
    model = build_model(list(api.iter_features(corpus)))
    assert model.summary["outlets"].startswith("5: ")
    assert "Written for the tests (test-court)" in model.summary["outlets"]
    html = render_html(model)
    contents = html[html.index('href="#outlets"') : html.index("Who is quoted")]
    assert all(f"Written for the tests ({slug})" in contents for slug in ("test-court", "test-strike", "test-trade"))


def test_failure_part_way_leaves_no_report(tmp_path, monkeypatch):
    import framing.render.pdf as pdf

    def broken(model):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    out = tmp_path / "out"
    with pytest.raises(DataError, match="PDF report could not be made"):
        write_report(api.analyze(), out, "both")
    assert [p.name for p in out.iterdir()] == ["index.html"]  # the HTML is kept, no half-written PDF


def test_report_command_writes_both_and_says_where(tmp_path):
    result = framing("report", "-o", str(tmp_path / "r"), timeout=600)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r" / "index.html").exists() and (tmp_path / "r" / "report.pdf").exists()
    assert "wrote" in result.stdout and "index.html" in result.stdout and "report.pdf" in result.stdout


def test_report_rejects_bad_pair(tmp_path):
    result = framing("report", "--pair", "sputnik:rt", "-o", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "framing: error: --pair: unknown outlet 'rt' (available: aggregator, intellinews, nv, sputnik, unnamed)"
    ]
