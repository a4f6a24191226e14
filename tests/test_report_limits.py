"""The report is written, HTML and PDF, at the sizes that used to crash it: many outlets,
a title of hundreds of words, a lexicon explanation longer than a page."""

from __future__ import annotations

import csv
from pathlib import Path

from helpers import framing

SENTENCES = [
    "The minister said on Monday that the government would increase funding for regional hospitals.",
    "Critics claimed the announcement was a cynical ploy ahead of the election campaign this spring.",
    "Union officials allegedly warned that strikes could follow if wages were not raised.",
]
OUTLETS = 38


def big_corpus(folder: Path) -> Path:
    folder.mkdir()
    rows = []
    for i in range(OUTLETS):
        name = f"story{i:02d}.txt"
        title = "A very long title about hospital funding " * 40 if i == 0 else f"Hospital funding, part {i}"
        rows.append({"file": name, "outlet": f"outlet{i:02d}", "outlet_name": f"Outlet {i}", "title": title})
        (folder / name).write_text(" ".join(SENTENCES[i % 3 :] + SENTENCES[: i % 3]) + "\n", encoding="utf-8")
    with open(folder / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


def test_a_report_with_38_outlets_a_300_word_title_and_a_page_long_explanation_is_written(tmp_path):
    corpus = big_corpus(tmp_path / "corpus")
    lexicon = tmp_path / "long.csv"
    explanation = "It imputes bad faith without evidence and tells readers how to judge the move. " * 60
    lexicon.write_text(
        "term,match,category,perspective,neutral,explanation\n"
        f'cynical ploy,stem,subjective,any,a move,"{explanation}"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    done = framing("report", str(corpus), "--lexicon", str(lexicon), "--output", str(out), timeout=600)
    assert done.returncode == 0, done.stderr
    html = (out / "index.html").read_text(encoding="utf-8")
    assert all(f"Outlet {i}" in html for i in range(OUTLETS))
    assert explanation.strip()[:200] in html
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(out / "report.pdf").pages)
    assert "Outlet 37" in text and "cynical ploy" in text


def test_a_large_corpus_report_shows_a_stated_share_of_articles_and_scores_count_all(tmp_path, monkeypatch):
    """Past MAX_SHOWN_ARTICLES the highlighted section takes outlets in turn and both formats say
    so; the claims sample is stated likewise. (Caps lowered so 38 short articles exercise them.)"""
    from framing import analysis, api
    from framing.render import model as report_model
    from framing.render.html import render_html
    from framing.render.pdf import render_pdf

    monkeypatch.setattr(analysis, "MAX_SHOWN_ARTICLES", 10)
    monkeypatch.setattr(analysis, "MAX_CLAIM_ARTICLES", 20)
    features = list(api.iter_features(big_corpus(tmp_path / "corpus")))
    model = report_model.build_model(features)
    assert len(model.articles) == 10
    assert len({a.outlet_name for a in model.articles}) == 10  # one per outlet before any outlet's second
    assert model.summary["articles"] == "38"
    assert any("show 10 of the 38 articles" in limit for limit in model.limits)
    assert any("aligned over 20 of the 38 articles" in limit for limit in model.limits)
    html = render_html(model)
    assert html.count('class="article"') == 10 and "show 10 of the 38 articles" in html
    import io

    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(model))).pages[:2])
    assert "show 10 of the 38" in " ".join(text.split())


def test_spread_sample_keeps_corpus_order_and_takes_outlets_in_turn():
    from types import SimpleNamespace

    from framing.render.model import spread_sample

    # one big outlet first, then four small ones: a plain head of the corpus would show only the big one
    outlets = ["big"] * 10 + ["a", "b", "c", "d"] * 2
    features = [SimpleNamespace(meta=SimpleNamespace(outlet=o), position=i) for i, o in enumerate(outlets)]
    sample = spread_sample(features, 7)
    assert len(sample) == 7 and {f.meta.outlet for f in sample} == {"big", "a", "b", "c", "d"}
    positions = [f.position for f in sample]
    assert positions == sorted(positions)
    assert spread_sample(features, 99) == features
