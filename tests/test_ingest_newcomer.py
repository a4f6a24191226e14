"""A newcomer's own corpus: nothing silently dropped, furniture removed, titles and warnings as a reader expects."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import framing

from framing.ingest.boilerplate import clean_text
from framing.ingest.corpus import ReadOptions, iter_articles, load_corpus

PROSE = [
    "The union said on Tuesday that the strike would continue until the port authority restored the pension plan.",
    "Port Authority chair Ana Ruiz told reporters that the talks had broken down over the cost of overtime.",
    "Dockworkers gathered outside the terminal gates before dawn, and several ships waited at anchor in the bay.",
    "The shipping companies said they expected the dispute to be settled before the holiday season began.",
]


def test_numbered_prose_lines_are_kept_long_or_short():
    long_lines = [f"{i + 1}. {' '.join(PROSE[i:] + PROSE[:i])}" for i in range(4)]
    raw = "\n".join([*long_lines[:2], "3. The strike ended on Friday.", *long_lines[2:], "6. Five things to know"])
    result = clean_text(raw)
    kept = [v.text for v in result.lines if v.kept]
    assert len(kept) == 5, [(v.text[:30], v.reason) for v in result.lines]
    assert "3. The strike ended on Friday." in kept
    assert [v.reason for v in result.lines if not v.kept] == ["numbered or bulleted link list item"]


def test_menus_breadcrumbs_and_share_lines_are_removed_and_a_two_part_headline_is_not():
    raw = "\n".join(
        [
            "Bayside Ledger | Subscribe | Sign in",
            "Home > News > Local",
            "Strike ends | Port reopens",
            *PROSE,
            "Share this article: Facebook Twitter Email",
        ]
    )
    result = clean_text(raw)
    removed = {v.text: v.reason for v in result.lines if not v.kept}
    assert removed["Bayside Ledger | Subscribe | Sign in"] == "navigation menu or breadcrumb"
    assert removed["Home > News > Local"] == "navigation menu or breadcrumb"
    assert "Share this article: Facebook Twitter Email" in removed
    assert result.text.startswith("Strike ends | Port reopens\n\n")


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_headline_and_one_sentence_records_are_kept_by_default_and_clean_is_a_choice(tmp_path):
    corpus = write_jsonl(
        tmp_path / "babe-like.jsonl",
        [
            {"id": "h1", "outlet": "ledger", "text": "Mayor slams striking dockworkers over holiday shipping chaos"},
            {"id": "s1", "outlet": "wire", "text": "The strike ended on Friday."},
            {"id": "m1", "outlet": "wire", "text": "Subscribe\n" + " ".join(PROSE)},
        ],
    )
    kept = {a.id: a.text for a in load_corpus(corpus)}
    assert kept["h1"] == "Mayor slams striking dockworkers over holiday shipping chaos"
    assert kept["s1"] == "The strike ended on Friday."
    assert not kept["m1"].startswith("Subscribe")  # furniture is still furniture
    strict = ReadOptions(clean="yes", skip_bad=True)
    assert [a.id for a in iter_articles(corpus, strict)] == ["s1", "m1"]  # a short statement stays; a headline does not
    assert [s.source.split(":")[-1] for s in strict.skipped] == ["1"]
    given = {a.id: a.text for a in iter_articles(corpus, ReadOptions(clean="no"))}
    assert given["m1"].startswith("Subscribe")
    # the option works after the command name too, and a wrong mode is a usage error
    done = framing("analyze", str(corpus), "--format", "json", "--clean", "yes", "--skip-bad")
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in json.loads(done.stdout)] == ["s1", "m1"]
    bad = framing("analyze", str(corpus), "--clean", "maybe")
    assert bad.returncode == 2 and "--clean" in bad.stderr and "Traceback" not in bad.stderr


def test_inspect_shows_every_verdict_when_nothing_is_left(tmp_path):
    page = tmp_path / "furniture.txt"
    page.write_text("Home > News > Local\nSubscribe\nShare this article: Facebook Twitter Email\n", encoding="utf-8")
    done = framing("inspect", str(page), columns=160)
    assert done.returncode == 3
    assert "navigation menu or breadcrumb" in done.stdout and "subscribe" in done.stdout.lower()
    assert done.stderr.strip().splitlines()[-1].startswith(f"framing: error: {page}: no article text left")


def write_folder(folder: Path, manifest: str | None, files: dict[str, str]) -> Path:
    folder.mkdir()
    if manifest is not None:
        (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_inspect_on_a_file_reads_the_manifest_beside_it(tmp_path):
    folder = write_folder(
        tmp_path / "port",
        "file,outlet,outlet_name,title,date\nledger.txt,ledger,Bayside Ledger,Dockworkers walk out,2025-03-11\n",
        {"ledger.txt": "\n".join(PROSE) + "\n"},
    )
    done = framing("inspect", str(folder / "ledger.txt"), columns=160)
    assert done.returncode == 0, done.stderr
    assert "Bayside Ledger (ledger)" in done.stdout and "Dockworkers walk out" in done.stdout


def test_without_a_manifest_the_first_line_heading_is_the_title(tmp_path):
    folder = write_folder(
        tmp_path / "port",
        None,
        {
            "voice_03.txt": "# Dockworkers walk out as port talks collapse\n\n" + "\n".join(PROSE) + "\n",
            "voice_04.txt": "\n".join(PROSE) + "\n",
        },
    )
    titles = {a.id: a.meta.title for a in load_corpus(folder)}
    assert titles == {"voice_03": "Dockworkers walk out as port talks collapse", "voice_04": ""}


def test_a_file_the_manifest_does_not_list_is_skipped_with_a_warning_not_made_an_outlet(tmp_path):
    folder = write_folder(
        tmp_path / "port",
        "file,outlet\nledger.txt,ledger\n",
        {"ledger.txt": "\n".join(PROSE) + "\n", "stray_notes.txt": "\n".join(reversed(PROSE)) + "\n"},
    )
    options = ReadOptions()
    assert {a.outlet for a in load_corpus(folder, options)} == {"ledger"}
    assert [(Path(s.source).name, s.problem) for s in options.skipped] == [
        ("stray_notes.txt", "not listed in manifest.csv, so its outlet is unknown")
    ]
    done = framing("analyze", str(folder))
    assert done.returncode == 0 and "stray_notes.txt" in done.stderr and "not listed in manifest.csv" in done.stderr


def test_an_ambiguous_date_is_a_warning_naming_the_file_and_line(tmp_path):
    folder = write_folder(
        tmp_path / "port",
        "file,outlet,date\nledger.txt,ledger,11/03/2025\nwire.txt,wire,25/03/2025\n",
        {"ledger.txt": "\n".join(PROSE) + "\n", "wire.txt": "\n".join(reversed(PROSE)) + "\n"},
    )
    options = ReadOptions()
    load_corpus(folder, options)
    assert [(s.source, "day/month or month/day" in s.problem) for s in options.warnings] == [
        (f"{folder / 'manifest.csv'}:2", True)
    ]
    records = write_jsonl(tmp_path / "r.jsonl", [{"id": "a", "outlet": "x", "date": "03/04/2025", "text": PROSE[0]}])
    options = ReadOptions()
    load_corpus(records, options)
    assert [s.source for s in options.warnings] == [f"{records}:1"]
