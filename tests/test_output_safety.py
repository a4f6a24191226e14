"""User strings reach every output safely: no Rich markup, no terminal escapes, no spreadsheet formulas."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from helpers import framing

ARTICLES = {
    "alpha": (
        "The minister said on Monday that the government would increase funding for regional hospitals next year. "
        "Opposition leaders called the plan a reckless giveaway that would not fix the shortage of nurses. "
        '"We are listening to patients and doctors across the country," the minister told reporters in the capital.'
    ),
    "beta": (
        "The minister said on Monday that the government would increase funding for regional hospitals next year. "
        '"We will not accept [/bold] cuts to the [red]oops wards," a union spokesperson told the newspaper on Tuesday. '
        "Critics claimed the announcement was a cynical ploy ahead of the election campaign this spring.\n"
        "=SUM(A1) was the slogan written on a placard held by a protester outside the hospital gates on Friday."
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
            "outlet_name": "@Beta [/x] News",
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


def test_escape_sequences_in_article_text_do_not_reach_the_terminal(tmp_path):
    text = ARTICLES["alpha"].replace("the government", "the \x1b[31mgovernment")
    rows = [{"file": "a.txt", "outlet": "alpha", "outlet_name": "Alpha", "title": "t", "date": "", "url": ""}]
    rows.append({**rows[0], "file": "b.txt", "outlet": "beta"})
    corpus = write_corpus(tmp_path / "c", rows, {"a.txt": text, "b.txt": text})
    out = _ok(framing("inspect", "a", str(corpus), columns=200))
    assert "\x1b" not in out and "[31mgovernment" in out
    out = _ok(framing("claims", str(corpus), columns=200))
    assert "\x1b" not in out


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_cells_cannot_run_as_spreadsheet_formulas(tmp_path):
    corpus = hostile_corpus(tmp_path / "c")
    rows = _csv(_ok(framing("analyze", str(corpus), "--format", "csv")))
    titles = {r["id"]: r["title"] for r in rows}
    assert titles["b"] == '\'=HYPERLINK("http://x")'
    assert any(r["sentiment"].startswith("-") and float(r["sentiment"]) < 0 for r in rows)  # numbers stay numbers
    claims = _ok(framing("claims", str(corpus), "--format", "csv", "--min-outlets", "1"))
    assert "'=SUM(A1) was the slogan" in claims
    profile = _ok(framing("profile", str(corpus), "--format", "csv", "--n-boot", "100"))
    assert {r["outlet_name"] for r in _csv(profile)} == {"[/x]", "'@Beta [/x] News"}
    for text in (claims, profile):
        for row in _csv(text):
            for cell in row.values():
                assert not cell.startswith(("=", "+", "@", "\t", "\r")) and (
                    not cell.startswith("-") or float(cell) <= 0
                )


def test_csv_safe_helper_quotes_formulas_but_not_numbers():
    from framing.claims.render import csv_rows
    from framing.output import csv_safe

    assert [csv_safe(v) for v in ("=1+1", "+1", "-x", "@SUM(A1)", "\tx", "\rx", "ok")] == [
        "'=1+1",
        "'+1",
        "'-x",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "ok",
    ]
    assert csv_safe(-0.25) == -0.25 and csv_safe(-3) == -3
    assert csv_rows([['=HYPERLINK("http://x")', -0.25]]).strip() == '"\'=HYPERLINK(""http://x"")",-0.25'


def test_summary_frame_counts_are_zero_not_empty_on_the_seeds():
    from framing import api

    frame = api.summary_frame(api.analyze())
    counts = [c for c in frame.columns if c.startswith("quotes_")]
    assert counts and frame[counts].isna().sum().sum() == 0
    assert (frame[counts] == 0).any().any()  # some seed article lacks some side
    assert all(frame[c].dtype.kind == "i" for c in counts)
    rows = _csv(_ok(framing("analyze", "--format", "csv")))
    assert all(row[c] != "" for row in rows for c in counts)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    assert len(reader.pages) > 3
    return "".join(page.extract_text() or "" for page in reader.pages)


def test_report_pdf_shows_reportlab_markup_in_metadata_as_text(tmp_path):
    rows = [
        {
            "file": "a.txt",
            "outlet": "alpha",
            "outlet_name": '<a href="x">Alpha</a> <b>',
            "title": "<font size=80>Big</font> <b>unclosed",
            "date": "2024-01-01",
            "url": "http://a.example/1",
        },
        {
            "file": "b.txt",
            "outlet": "beta",
            "outlet_name": "Beta <b>",
            "title": '<a href="x">link & more',
            "date": "2024-01-02",
            "url": "http://b.example/2",
        },
    ]
    corpus = write_corpus(tmp_path / "c", rows, {"a.txt": ARTICLES["alpha"], "b.txt": ARTICLES["beta"]})
    _ok(framing("report", str(corpus), "-o", str(tmp_path / "out")))
    text = _pdf_text(tmp_path / "out" / "report.pdf")
    assert "<font size=80>Big</font>" in text and "<b>unclosed" in text and '<a href="x">link & more' in text
    assert (tmp_path / "out" / "index.html").stat().st_size > 0


def test_report_with_ten_outlets_writes_both_files(tmp_path):
    rows = [
        {
            "file": f"{i}.txt",
            "outlet": f"outlet{i}",
            "outlet_name": f"Outlet Number {i}",
            "title": f"Hospital funding story {i}",
            "date": "2024-01-01",
            "url": f"http://example.org/{i}",
        }
        for i in range(10)
    ]
    texts = {f"{i}.txt": ARTICLES["alpha" if i % 2 else "beta"] for i in range(10)}
    corpus = write_corpus(tmp_path / "c", rows, texts)
    _ok(framing("report", str(corpus), "-o", str(tmp_path / "out")))
    assert "Outlet Number 9" in _pdf_text(tmp_path / "out" / "report.pdf")
    assert "Outlet Number 9" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_a_failed_pdf_still_writes_the_html_and_names_the_format(tmp_path, monkeypatch):
    import pytest

    from framing import api
    from framing.errors import DataError
    from framing.render import pdf
    from framing.report import write_report

    def broken(model):
        raise ValueError("flowable given negative availWidth\nsecond line")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    with pytest.raises(DataError) as caught:
        write_report(api.analyze(), tmp_path / "out", "both")
    message = caught.value.message
    assert "\n" not in message and "PDF" in message and "report.pdf" in message and "index.html" in message
    assert (tmp_path / "out" / "index.html").stat().st_size > 0
    assert not (tmp_path / "out" / "report.pdf").exists()
