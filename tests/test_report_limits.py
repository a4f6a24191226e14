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
