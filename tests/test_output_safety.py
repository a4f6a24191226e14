"""User strings reach every output safely: no Rich markup, no terminal escapes, no spreadsheet formulas."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.helpers import framing

ARTICLES = {
    "alpha": (
        "The minister said on Monday that the government would increase funding for regional hospitals next year. "
        "Opposition leaders called the plan a reckless giveaway that would not fix the shortage of nurses. "
        '"We are listening to patients and doctors across the country," the minister told reporters in the capital.'
    ),
    "beta": (
        "The minister said on Monday that the government would increase funding for regional hospitals next year. "
        '"We will not accept [/bold] cuts to the [red]oops wards," a union spokesperson told the newspaper on Tuesday. '
        "Critics claimed the announcement was a cynical ploy ahead of the election campaign this spring."
    ),
}


def write_corpus(folder: Path, rows: list[dict[str, str]], texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "outlet", "outlet_name", "title", "date", "url"])
        writer.writeheader()
        writer.writerows(rows)
    for name, text in texts.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return folder


def hostile_corpus(folder: Path) -> Path:
    rows = [
        {
            "file": "[red]oops.txt",
            "outlet": "alpha",
            "outlet_name": "[/x]",
            "title": "[/bold] \x1b[31mred",
            "date": "2024-01-01",
            "url": "http://a.example/1",
        },
        {
            "file": "b.txt",
            "outlet": "beta",
            "outlet_name": "Beta [/x] News",
            "title": '=HYPERLINK("http://x")',
            "date": "2024-01-02",
            "url": "http://b.example/2",
        },
    ]
    return write_corpus(folder, rows, {"[red]oops.txt": ARTICLES["alpha"], "b.txt": ARTICLES["beta"]})


def _ok(result) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return result.stdout


def test_markup_and_escapes_in_metadata_do_not_break_terminal_tables(tmp_path):
    corpus = hostile_corpus(tmp_path / "c")
    out = _ok(framing("analyze", str(corpus), columns=200))
    assert "[red]oops" in out
    out = _ok(framing("claims", str(corpus), "--min-outlets", "1", columns=200))
    assert "[/bold]" in out
    for article in ("[red]oops", "b"):
        out = _ok(framing("inspect", article, str(corpus), columns=200))
        assert "\x1b" not in out
    out = _ok(framing("inspect", "[red]oops", str(corpus), columns=200))
    assert "[/x]" in out and "[/bold] [31mred" not in out and "[/bold] red" in out
    out = _ok(framing("inspect", "b", str(corpus), columns=200))
    assert "[/bold]" in out and "[red]oops" in out
