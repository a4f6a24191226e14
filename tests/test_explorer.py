"""The report's explorer: its data, and its behaviour in Debian's chromium driven by Playwright.

The seed report is opened from file://; filters are checked against the analysis records
(``ArticleFeatures.to_record``, what `framing analyze` writes), a click on a term must list a
sentence from every outlet that uses it, and table headers must sort. A corpus with script
payloads in every field must stay inert in the static report and in the explorer, and with
JavaScript off the report must still carry every section.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pytest

from framing import api
from framing.render.explorer import CONTEXT_BUDGET, MAX_CONTEXTS, MIN_CONTEXTS, context_cap, embed_json, explorer_data
from framing.report import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SECTIONS = ["Overview", "Outlets", "Comparisons", "Articles, highlighted", "Methods and limits"]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
OUR_SCRIPTS = ['<script type="application/json" id="explorer-data">', '<script id="explorer-code">']


@pytest.fixture(scope="module")
def seeds():
    features = api.analyze()
    return features, [f.to_record() for f in features]


@pytest.fixture(scope="module")
def seed_html(seeds, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("explorer")
    write_report(seeds[0], out, "html")
    return out / "index.html"


def _data(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="explorer-data">(.*?)</script>', html, re.S)
    assert found, "no explorer data in the page"
    return json.loads(found.group(1))


@contextmanager
def browser_page(javascript: bool = True, width: int = 1100):
    if not CHROMIUM:
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(java_script_enabled=javascript, viewport={"width": width, "height": 900})
        page = context.new_page()
        page.errors = []  # type: ignore[attr-defined]
        page.dialogs = []  # type: ignore[attr-defined]
        page.requests = []  # type: ignore[attr-defined]
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: page.requests.append(r.url))
        try:
            yield page
        finally:
            browser.close()


def visible_rows(page) -> list[dict]:
    return page.eval_on_selector_all(
        "#explorer-rows tr",
        "rows => rows.map(r => ({outlet: r.dataset.outlet, kind: r.dataset.kind,"
        " text: r.cells[0].textContent, category: r.cells[3].textContent, n: Number(r.cells[5].textContent)}))",
    )


# ---- the data --------------------------------------------------------------------------------


def test_embedded_json_cannot_end_the_script_element_and_reads_back():
    value = {"t": "</script><script>alert(1)</script><!-- --> & \u2028 \"q\" 's'"}
    text = str(embed_json(value))
    assert "</" not in text and "<!--" not in text and "\u2028" not in text and "<" not in text
    assert json.loads(text) == value


def test_contexts_per_finding_shrink_with_many_findings_to_bound_the_page():
    assert context_cap(10) == MAX_CONTEXTS and context_cap(100_000) == MIN_CONTEXTS
    for n in (100, 300, 1000, 2000):
        assert MIN_CONTEXTS <= context_cap(n) <= MAX_CONTEXTS
        assert context_cap(n) * n <= max(CONTEXT_BUDGET, MIN_CONTEXTS * n)


def test_every_finding_has_contexts_that_highlight_it(seeds):
    features, records = seeds
    data = _data(f'<script type="application/json" id="explorer-data">{explorer_data(features).json}</script>')
    loaded = Counter((r["outlet"], t["text"].lower()) for r in records for t in r["loaded_terms"])
    rows = {(r["o"], r["id"].split(":", 1)[1]): r["n"] for r in data["rows"] if r["k"] == "loaded"}
    assert rows == dict(loaded)
    for row in data["rows"]:
        contexts = data["contexts"][row["id"]]
        assert 1 <= len(contexts) <= MAX_CONTEXTS and data["totals"][row["id"]] >= len(contexts)
        for c in contexts:
            assert c["h"], c
            for a, b in c["h"]:
                assert 0 <= a < b <= len(c["s"])
        if row["k"] == "loaded":
            hits = {c["s"][a:b].lower() for c in contexts for a, b in c["h"]}
            assert row["t"].lower() in hits
    # the finding in most sentences is capped, and the cap is shared so that every outlet using it is listed
    busiest = max(data["totals"], key=data["totals"].get)
    assert data["totals"][busiest] > data["cap"] == MAX_CONTEXTS == len(data["contexts"][busiest])
    users = {r["o"] for r in data["rows"] if r["id"] == busiest}
    assert {c["o"] for c in data["contexts"][busiest]} == users and len(users) == len(records)


# ---- the explorer in the browser -------------------------------------------------------------


def test_filters_by_outlet_kind_and_category_match_the_analysis(seed_html, seeds):
    _, records = seeds
    data = _data(seed_html.read_text(encoding="utf-8"))
    with browser_page() as page:
        page.goto(seed_html.as_uri())
        assert len(visible_rows(page)) == len(data["rows"]) > 50
        n = len(data["rows"])
        assert page.inner_text("#explorer-count").startswith(f"Showing {n} of {n} findings.")
        for outlet in ("sputnik", "nv"):
            page.select_option("#explorer-outlet", outlet)
            page.select_option("#explorer-kind", "loaded")
            expected = Counter(t["text"].lower() for r in records if r["outlet"] == outlet for t in r["loaded_terms"])
            shown = visible_rows(page)
            assert {r["outlet"] for r in shown} == {outlet} and {r["kind"] for r in shown} == {"loaded"}
            assert Counter({r["text"].lower(): r["n"] for r in shown}) == expected and expected
            page.select_option("#explorer-kind", "hedge")
            cues = Counter(h["cue"].lower() for r in records if r["outlet"] == outlet for h in r["hedges"])
            assert {r["text"]: r["n"] for r in visible_rows(page)} == dict(cues)
            page.select_option("#explorer-category", "attribution")
            cues = Counter(
                h["cue"].lower()
                for r in records
                if r["outlet"] == outlet
                for h in r["hedges"]
                if h["type"] == "attribution"
            )
            assert {r["text"]: r["n"] for r in visible_rows(page)} == dict(cues) and cues
        page.select_option("#explorer-outlet", "")
        page.select_option("#explorer-kind", "quote")
        sides = {r["category"] for r in visible_rows(page)}
        expected_sides = {q["side"] for r in records for q in r["quotes"]}
        assert sides == expected_sides and len(sides) > 2
        page.select_option("#explorer-kind", "")
        page.fill("#explorer-search", "kiev")
        assert {r["text"] for r in visible_rows(page)} >= {"Kiev"}  # as the outlet wrote it
        assert all("kiev" in (r["text"] + r["category"]).lower() for r in visible_rows(page))
        assert page.errors == [] and page.dialogs == []


def test_clicking_a_term_lists_its_sentences_in_every_outlet_with_highlights(seed_html, seeds):
    _, records = seeds
    users: dict[tuple[str, str], set[str]] = {}
    words: dict[tuple[str, str], set[str]] = {}  # the words highlighted for the finding
    for r in records:
        for t in r["loaded_terms"]:
            users.setdefault(("loaded", t["text"].lower()), set()).add(r["outlet"])
            words.setdefault(("loaded", t["text"].lower()), set()).add(t["text"].lower())
        for h in r["hedges"]:
            users.setdefault(("hedge", h["cue"].lower()), set()).add(r["outlet"])
            words.setdefault(("hedge", h["cue"].lower()), set()).add(h["text"].lower())
    shared = max((k for k in users if k[0] == "hedge"), key=lambda k: (len(users[k]), k[1]))
    single = sorted(k for k in users if k[0] == "loaded")[0]  # no loaded term of the seeds is in two outlets
    assert len(users[shared]) >= 4, users
    with browser_page() as page:
        page.goto(seed_html.as_uri())
        panel = page.locator("#explorer-contexts")
        assert panel.is_hidden()
        for kind, term in (shared, single):
            page.select_option("#explorer-kind", kind)
            page.fill("#explorer-search", term)
            page.locator("#explorer-rows button.explorer-term", has_text=term).first.click()
            assert panel.is_visible() and term in panel.locator("h3").inner_text().lower()
            items = panel.locator("li")
            assert set(items.evaluate_all("els => els.map(e => e.dataset.outlet)")) == users[(kind, term)]
            n_uses = sum(
                1
                for r in records
                for x in (r["loaded_terms"] if kind == "loaded" else r["hedges"])
                if (x["text"] if kind == "loaded" else x["cue"]).lower() == term
            )
            assert 1 <= items.count() <= min(n_uses, MAX_CONTEXTS)
            for i in range(items.count()):
                hits = items.nth(i).locator("mark.explorer-hit").all_inner_texts()
                assert {h.lower() for h in hits} & words[(kind, term)], hits
        # an actor: its sentences come from each outlet that names it
        page.fill("#explorer-search", "")
        page.select_option("#explorer-kind", "actor")
        page.locator("#explorer-rows").get_by_role("button", name="NATO", exact=True).first.click()
        listed = set(panel.locator("li").evaluate_all("els => els.map(e => e.dataset.outlet)"))
        naming = {r["outlet"] for r in records if any("nato" in s["text"].lower() for s in r["sentences"])}
        rows = {r["o"] for r in _data(seed_html.read_text(encoding="utf-8"))["rows"] if r["id"] == "actor:nato"}
        assert listed == rows == naming and len(naming) >= 4  # bne IntelliNews writes "Nato"
        assert "at most" in panel.inner_text()  # NATO is in more sentences than the cap: the page says so
        # the context links to its article's section
        href = panel.locator("li a").first.get_attribute("href")
        assert href.startswith("#article-") and page.locator(href).count() == 1
        assert page.errors == [] and page.dialogs == []


def test_terms_speakers_and_actors_in_the_outlet_tables_open_their_sentences(seed_html, seeds):
    _, records = seeds
    sputnik = next(r for r in records if r["outlet"] == "sputnik")
    with browser_page() as page:
        page.goto(seed_html.as_uri())
        section = page.locator("#outlet-sputnik")
        panel = page.locator("#explorer-contexts")
        section.get_by_role("button", name="Kiev", exact=True).click()
        assert panel.is_visible() and panel.locator("mark.explorer-hit").all_inner_texts()[1:] == ["Kiev"]
        assert set(panel.locator("li").evaluate_all("els => els.map(e => e.dataset.outlet)")) == {"sputnik"}
        speaker = next(q["speaker"] for q in sputnik["quotes"] if q["speaker"])
        section.get_by_role("button", name=speaker, exact=True).first.click()
        quoted = {q["outlet"] for q in (dict(x, outlet=r["outlet"]) for r in records for x in r["quotes"])}
        listed = set(panel.locator("li").evaluate_all("els => els.map(e => e.dataset.outlet)"))
        assert "sputnik" in listed and listed <= quoted and speaker in panel.locator("h3").inner_text()
        actor = section.locator("table", has=page.locator("th", has_text="mentions")).locator("button").first
        name = actor.inner_text()
        actor.click()
        assert name in panel.locator("h3").inner_text() and panel.locator("li").count() >= 1
        assert page.errors == []


def test_table_headers_sort_numbers_and_text(seed_html):
    with browser_page() as page:
        page.goto(seed_html.as_uri())
        uses = page.locator("#explorer-table th", has_text="uses")
        uses.click()
        counts = [r["n"] for r in visible_rows(page)]
        assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
        assert uses.get_attribute("aria-sort") == "descending"
        uses.click()
        assert [r["n"] for r in visible_rows(page)] == sorted(counts)
        # sorting survives a filter
        page.select_option("#explorer-kind", "hedge")
        counts = [r["n"] for r in visible_rows(page)]
        assert counts == sorted(counts)
        # a static table of the report: the outlet's scores, by value and by name
        table = page.locator("#outlet-sputnik table").first
        table.locator("th", has_text="value").click()

        def column(i: int) -> list[str]:
            return table.evaluate(f"t => Array.from(t.rows).slice(1).map(r => r.cells[{i}].textContent)")

        values = [float(v) for v in column(1) if v != "–"]
        assert values == sorted(values, reverse=True) and len(values) > 5
        table.locator("th", has_text="score").click()
        labels = column(0)
        assert labels == sorted(labels, key=str.lower) and labels != column(0)[::-1]
        assert page.errors == []


def test_explorer_is_in_the_contents_only_when_it_runs_and_report_reads_without_javascript(seed_html):
    with browser_page(javascript=False) as page:
        page.goto(seed_html.as_uri())
        text = page.inner_text("body")
        for section in SECTIONS:
            assert section in text
        assert page.locator("mark.loaded").count() >= 10 and page.locator("figure.chart svg").count() >= 5
        assert page.locator("#explorer-noscript").is_visible()
        assert page.locator("#explorer-app *").count() == 0
        assert page.locator('nav.toc a[href="#explorer"]').count() == 0
    with browser_page() as page:
        page.goto(seed_html.as_uri())
        assert page.locator("#explorer-noscript").is_hidden()
        assert page.locator('nav.toc a[href="#explorer"]').count() == 1
        assert page.errors == [] and [r for r in page.requests if not r.startswith(("file:", "data:"))] == []


# ---- hostile input ---------------------------------------------------------------------------

P_IMG = '<img src=x onerror="window.__xss=1">'
P_SCRIPT = "</script><script>window.__xss=2</script><!--"
P_QUOTE = "\"'><svg onload=window.__xss=3>"


@pytest.fixture(scope="module")
def hostile_html(tmp_path_factory) -> Path:
    """Payloads in the title, outlet, id, url and text, and a lexicon entry that matches a payload."""
    folder = tmp_path_factory.mktemp("hostile-explorer")
    body = (
        f"Officials said the regime {P_IMG} had staged a so-called referendum, the ministry claimed, calling it "
        f"{P_SCRIPT} a “farce”.\n\nLavrov said {P_QUOTE} was a provocation, reportedly.\n\n"
        "A second paragraph follows here, long enough to count as article text for the cleaner of the framing tool."
    )
    records = [
        {
            "id": "a1" + P_SCRIPT,
            "outlet": "evil" + P_IMG,
            "outlet_name": "Evil " + P_SCRIPT + P_QUOTE,
            "title": P_IMG + P_SCRIPT,
            "url": "javascript:window.__xss=4",
            "text": body,
        },
        {
            "id": "b2'\"<x>",
            "outlet": "plain",
            "outlet_name": "Plain " + P_QUOTE,
            "title": "Plain " + P_QUOTE,
            "url": 'https://example.org/a?q="><script>window.__xss=5</script>',
            "text": body,
        },
    ]
    (folder / "corpus.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    quoted = P_QUOTE.replace('"', '""')
    (folder / "lex.csv").write_text(
        "term,match,category,perspective,neutral,explanation\n"
        f'"{P_IMG.replace(chr(34), chr(34) * 2)}",regex,subjective,any,"{quoted}","{P_SCRIPT}"\n'
        f'staged,exact,subjective,any,"held {quoted}","why {P_SCRIPT}"\n',
        encoding="utf-8",
    )
    write_report(api.analyze(folder / "corpus.jsonl", [folder / "lex.csv"]), folder / "out", "html")
    return folder / "out" / "index.html"


def test_payloads_in_every_field_stay_inert_in_the_report_and_the_explorer(hostile_html):
    html = hostile_html.read_text(encoding="utf-8")
    assert re.findall(r"<script[^>]*>", html) == OUR_SCRIPTS
    assert "<img" not in html and "<svg onload" not in html and 'href="javascript' not in html
    data = _data(html)
    assert P_IMG in {r["t"] for r in data["rows"] if r["k"] == "loaded"}  # the lexicon matched the payload itself
    assert any(P_SCRIPT in name for _, name in data["outlets"])
    with browser_page() as page:
        page.goto(hostile_html.as_uri())

        def inert() -> None:
            assert page.evaluate("window.__xss") is None
            assert page.locator("img, svg[onload], script:not(#explorer-data):not(#explorer-code)").count() == 0
            assert page.dialogs == [] and page.errors == []

        inert()
        assert page.locator("#explorer-rows tr").count() == len(data["rows"])
        assert P_IMG in page.inner_text("#explorer-rows")
        for i in range(page.locator("#explorer-rows button.explorer-term").count()):
            page.locator("#explorer-rows button.explorer-term").nth(i).click()
            inert()
        page.fill("#explorer-search", "<img")
        page.locator("#explorer-rows button.explorer-term").first.click()
        panel = page.locator("#explorer-contexts")
        assert P_IMG in panel.locator("mark.explorer-hit").all_inner_texts()
        assert "Evil </script>" in panel.inner_text()  # the outlet's name, shown as text
        for select in ("#explorer-outlet", "#explorer-kind", "#explorer-category"):
            for value in page.locator(f"{select} option").evaluate_all("os => os.map(o => o.value)"):
                page.select_option(select, value)
                inert()
        page.locator("#explorer-table th").first.click()
        inert()
        assert P_IMG in page.inner_text("body") and "Evil </script><script>window.__xss=2" in page.inner_text("body")
    with browser_page(javascript=False) as page:
        page.goto(hostile_html.as_uri())
        assert page.locator("img").count() == 0 and P_IMG in page.inner_text("body")
