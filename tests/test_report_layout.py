"""The report's layout: legible at phone width and in print, one colour per outlet, zero rows folded.

Issue 15 item 2. The browser checks drive Debian's chromium through Playwright (as
tests/test_report.py does) at 1280 and 390 px and measure what a reader sees: the page must
not scroll sideways, and no text, SVG chart text included, may render below a minimum size
(the computed font size times the SVG's scale on screen). Screenshots are kept in the test's
tmp folder for a person to look at. The PDF checks record, page by page, which flowables
ReportLab lays out, and fail when a heading is the last thing on a page.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pytest
from matplotlib.transforms import Bbox
from pypdf import PdfReader

from framing import api
from framing.render import charts, pdf
from framing.render.html import render_html
from framing.render.model import build_model
from framing.render.palette import OUTLET_COLOURS, outlet_colours
from framing.report import write_report
from framing.score.actor_table import actor_table

ROOT = Path(__file__).resolve().parents[1]
EXTRA = ROOT / "gold" / "extra" / "corpus"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
MIN_CHART_PX = 9.0  # chart text (tick labels, legends, keys) on screen
MIN_TEXT_PX = 11.0  # HTML text
HEADINGS = ("h1", "h2", "h3")

# Every element with its own text: its rendered font size (SVG: computed size x the on-screen scale).
MEASURE = """() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const box = el.getBoundingClientRect();
    if (!box.width && !box.height) continue;  // not displayed (a closed <details>)
    let size = parseFloat(getComputedStyle(el).fontSize);
    const svg = el instanceof SVGElement;
    if (svg) { const m = el.getScreenCTM(); size *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)); }
    out.push({size, svg, tag: el.tagName, text: el.textContent.trim().slice(0, 40)});
  }
  return {texts: out, scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth};
}"""


@pytest.fixture(scope="module")
def seed_features():
    return api.analyze()


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory, seed_features) -> Path:
    out = tmp_path_factory.mktemp("layout")
    write_report(seed_features, out, "both")
    return out


@pytest.fixture(scope="module")
def extra_features():
    return api.analyze(EXTRA)


@pytest.fixture(scope="module")
def extra_model(extra_features):
    return build_model(extra_features)


def _browse(html: Path, width: int, shots: Path) -> dict:
    if not CHROMIUM:
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        page = browser.new_page(viewport={"width": width, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(html.as_uri())
        page.wait_for_load_state("load")
        found = page.evaluate(MEASURE)
        found["errors"] = errors
        found["charts"] = page.locator("figure.chart svg").count()
        page.screenshot(path=str(shots / f"top-{width}.png"))
        for i, figure in enumerate(page.locator("figure.chart").all()):
            figure.screenshot(path=str(shots / f"chart-{width}-{i}.png"))
        browser.close()
    return found


@pytest.mark.parametrize("width", [1280, 390])
def test_report_fits_the_screen_with_legible_text(seed_report, width):
    shots = seed_report / f"shots-{width}"
    shots.mkdir(exist_ok=True)
    found = _browse(seed_report / "index.html", width, shots)
    assert found["errors"] == []
    assert found["charts"] >= 7  # five overview charts and two comparisons
    assert found["scrollWidth"] <= found["width"], "the page scrolls sideways"
    chart_text = [t for t in found["texts"] if t["svg"]]
    assert len(chart_text) > 100
    small = [t for t in chart_text if t["size"] < MIN_CHART_PX]
    assert small == [], f"chart text below {MIN_CHART_PX}px: {small[:5]}"
    small = [t for t in found["texts"] if not t["svg"] and t["size"] < MIN_TEXT_PX]
    assert small == [], f"text below {MIN_TEXT_PX}px: {small[:5]}"
    assert (shots / "chart-390-1.png").exists() or width != 390


def _chart_svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)]


def _colours(element: ET.Element) -> set[str]:
    found = set()
    for node in element.iter():
        for _prop, value in re.findall(r"(fill|stroke):\s*(#[0-9a-f]{6})", node.get("style", "")):
            if value != "#ffffff":  # an open marker's white centre
                found.add(value)
    return found


def test_each_outlet_has_one_colour_in_every_chart(seed_report, seed_features):
    html = (seed_report / "index.html").read_text(encoding="utf-8")
    chips = dict(re.findall(r'<span class="swatch" data-outlet="([^"]+)" style="background:(#[0-9a-f]{6})"', html))
    outlets = list(dict.fromkeys(f.outlet for f in seed_features))
    assert set(chips) == set(outlets)
    assert len(set(chips.values())) == len(outlets)  # no two outlets share a colour
    seen: dict[str, set[str]] = defaultdict(set)
    charts_with: dict[str, set[int]] = defaultdict(set)
    for n, svg in enumerate(_chart_svgs(html)):
        for element in svg.iter():
            match = re.match(r"outlet--(.+)--\d+$", element.get("id", ""))
            if match:
                seen[match.group(1)] |= _colours(element)
                charts_with[match.group(1)].add(n)
    for outlet in outlets:
        assert seen[outlet] == {chips[outlet]}, outlet
        assert len(charts_with[outlet]) >= 5, outlet  # heatmap, actor sentiment, sources, hedging, map
    assert sum(len(c) for c in charts_with.values()) == 5 * 5 + 4  # and the two comparisons' four outlets


def test_hedging_chart_colours_by_outlet_not_by_rank(seed_features):
    model = build_model(seed_features)
    hedging = next(c for c in model.charts if c.key == "hedging")
    svg = ET.fromstring(charts.to_svg(hedging.make()))
    colour = {}
    for element in svg.iter():
        match = re.match(r"outlet--(.+)--\d+$", element.get("id", ""))
        if match:
            colour[match.group(1)] = _colours(element)
    assert colour == {o: {model.colours[o]} for o in model.colours}
    # the report order (profiles), not the bars' order by value, assigns the colours
    assert list(model.colours.values()) == list(OUTLET_COLOURS[: len(model.colours)])


def test_outlet_colours_are_assigned_once_in_order():
    colours = outlet_colours(["nv", "sputnik", "nv", "rt"])
    assert list(colours) == ["nv", "sputnik", "rt"]
    assert colours["nv"] == "#0072b2" and colours["rt"] == "#009e73"
    many = outlet_colours([f"o{i}" for i in range(20)])
    assert len(set(many.values())) == len(OUTLET_COLOURS)  # 17 distinct, then they repeat


def test_long_labels_are_wrapped_or_cut_with_a_key():
    shown, key = charts.fit_labels(["nv", "test-election", "Aggregator of many world news sites"], 10)
    assert shown[0] == "nv" and shown[1] == "test-\nelection"
    assert shown[2].endswith("…¹") and len(shown[2]) <= 10
    assert key == ["¹ Aggregator of many world news sites"]


def _overlaps(boxes) -> list[tuple[int, int]]:
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]


def test_heatmap_labels_never_collide_with_long_outlet_names(seed_features):
    from framing import score

    frame = score.loaded_by_category(list(seed_features))
    names = {o: f"{o} world news service international" for o in frame["outlet"].unique()}
    frame = frame.assign(outlet=frame["outlet"].map(names))
    fig = charts.loaded_heatmap(frame)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    rows = [t.get_window_extent(renderer) for t in ax.get_yticklabels() if t.get_text()]
    assert len(rows) >= 5 and _overlaps(rows) == []
    columns = [t for t in ax.get_xticklabels() if t.get_text()]
    assert len(columns) == 5
    angle = math.radians(columns[0].get_rotation())
    assert angle > 0  # too long to sit level: slanted
    # parallel slanted lines of text cannot touch when the gap between them exceeds the text's height
    xs = sorted(t.get_window_extent(renderer).x1 for t in columns)
    height = columns[0].get_fontsize() * fig.dpi / 72 * 1.2
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) * math.sin(angle) > height
    cut = [t.get_text() for t in ax.get_xticklabels() if "…" in t.get_text()]
    key = " ".join(fig.texts[0].get_text().split())
    assert len(cut) == 5 and all(name in key for name in names.values())  # the key names them in full


def test_legends_sit_clear_of_the_data(seed_features):
    from framing import score

    figures = [
        charts.actor_sentiment_chart(actor_table(list(seed_features))),
        charts.source_balance_chart(score.quote_balance(list(seed_features))),
    ]
    for fig in figures:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        legend = fig.legends[0].get_window_extent(renderer)
        axes = fig.axes[0].get_window_extent(renderer)
        assert not legend.overlaps(axes)


def test_map_labels_avoid_each_other_and_the_points(extra_features, seed_features):
    from framing import score

    for features in (extra_features, seed_features):
        fig = charts.outlet_map_chart(score.outlet_map(list(features)))
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        ax = fig.axes[0]
        labels = [charts.text_extent(t, renderer) for t in ax.texts]
        assert len(labels) == 5 and _overlaps(labels) == []
        points = []
        for dots in ax.collections:  # a scatter's own extent is not reported: build it from offset and size
            (x, y), radius = ax.transData.transform(dots.get_offsets()[0]), math.sqrt(dots.get_sizes()[0]) / 2
            r = radius * fig.dpi / 72
            points.append(Bbox.from_extents(x - r, y - r, x + r, y + r))
        assert not any(label.overlaps(point) for label in labels for point in points)
        inside = ax.get_window_extent(renderer)
        assert all(inside.x0 <= b.x0 and b.x1 <= inside.x1 for b in labels)


def test_actor_sentiment_chart_shows_the_top_discovered_actors(seed_features):
    table = actor_table(list(seed_features))
    fig = charts.actor_sentiment_chart(table)
    labels = [t.get_text().replace("\n", " ") for t in fig.axes[0].get_yticklabels()]
    top = table.groupby("actor")["mentions"].sum().sort_values(ascending=False, kind="stable")
    assert labels == list(top.index[: charts.TOP_ACTORS])
    assert "Russia" in labels and "NATO" in labels


def test_zero_rows_are_folded_on_another_story(extra_model, tmp_path):
    """On the extra corpus (port strike, storm, election, court, trade) the seed story's perspective
    rows are zero for every outlet: they are folded, and no row left in view is zero everywhere."""
    model = extra_model
    assert len(model.outlets) == 5
    folded = {s.label for s in model.outlets[0].folded}
    assert {"loaded (pro-Kremlin) /1k", "share of quotes: NATO", "share of quotes: Russian government"} <= folded
    for outlet in model.outlets:
        assert {s.label for s in outlet.folded} == folded  # the same rows for every outlet
        assert all(s.value == "0.00" for s in outlet.folded)
    shown = defaultdict(set)
    for outlet in model.outlets:
        for s in outlet.scores:
            shown[s.label].add(s.value)
    assert all(values != {"0.00"} for values in shown.values())
    assert "hedges /1k (hedge, evidential, modal, scare quote)" in shown
    html = render_html(model)
    assert html.count(f"<summary>{len(folded)} rows zero for every outlet</summary>") == 5
    text = "\n".join(page.extract_text() for page in PdfReader(_pdf(model, tmp_path)).pages)
    assert f"{len(folded)} rows zero for every outlet, not shown" in " ".join(text.split())


def _pdf(model, tmp_path: Path) -> Path:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf.render_pdf(model))
    return path


def test_seed_rows_that_differ_are_not_folded(seed_report):
    html = (seed_report / "index.html").read_text(encoding="utf-8")
    table = html[html.index('id="outlet-sputnik"') :]
    table = table[: table.index("</table>")]
    assert "loaded (pro-Kremlin) /1k" in table  # nonzero for some outlet: stays in the table


def test_pdf_headings_are_never_last_on_a_page(seed_features, monkeypatch, tmp_path):
    laid_out: list[tuple[int, str]] = []
    original = pdf._ReportDoc.afterFlowable

    def record(self, flowable):
        style = getattr(getattr(flowable, "style", None), "name", "")
        laid_out.append((self.page, style or type(flowable).__name__))
        original(self, flowable)

    monkeypatch.setattr(pdf._ReportDoc, "afterFlowable", record)
    model = build_model(seed_features)
    path = _pdf(model, tmp_path)
    # multiBuild lays the story out more than once (for the contents page): check the last pass
    restarts = [i for i in range(1, len(laid_out)) if laid_out[i][0] < laid_out[i - 1][0]]
    final = laid_out[restarts[-1] if restarts else 0 :]
    assert sum(1 for _, kind in final if kind in HEADINGS) > 30
    shown = [(page, kind) for page, kind in final if kind not in ("Spacer", "PageBreak", "NullActionFlowable")]
    orphans = [
        (page, kind)
        for (page, kind), (next_page, _) in zip(shown, shown[1:], strict=False)
        if kind in HEADINGS and next_page != page
    ]
    assert orphans == []
    pages = len(PdfReader(path).pages)
    assert pages >= 20
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "40", str(path), str(tmp_path / "page")], check=True)
        assert len(list(tmp_path.glob("page-*.png"))) == pages


def test_pdf_has_the_actor_tables_and_outlet_colours(seed_report):
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(seed_report / "report.pdf").pages).split())
    assert text.count("Actors named (found without a story lexicon)") == 5
    assert "Outlet colours in every chart:" in text
    assert "Sentiment toward each mention of the actors found in the text" in text
