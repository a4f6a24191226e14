"""The generated hostile corpus (tests/hostile/make_corpus.py) through the command line.

Each case must be refused with a one-line reason or analysed, in bounded time, and
nothing may be written outside the chosen output folder.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from helpers import framing as run_framing

from tests.hostile.make_corpus import build

# Generous: the whole hostile corpus (several 1 MB pathological articles) takes ~25 s here.
BOUND_SECONDS = 300


def framing(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run_framing(*args, cwd=cwd, timeout=BOUND_SECONDS)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("hostile")
    expected = build(root / "corpus")
    return root, expected


def test_every_hostile_file_is_refused_clearly_or_analysed(hostile):
    root, expected = hostile
    result = framing("analyze", "corpus", "--skip-bad", "--format", "json", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    analysed = {Path(r["source"]).name: r for r in json.loads(result.stdout)}
    warnings = [line for line in result.stderr.splitlines() if line.startswith("framing: warning: skipped")]
    for name, outcome in expected.items():
        if outcome == "read":
            assert name in analysed, name
            record = analysed[name]
            spans = record["loaded_terms"] + record["hedges"] + record["quotes"] + record["sentences"]
            for span in spans:  # every span is a well-formed slice: its text is exactly its length
                assert 0 <= span["start"] <= span["end"] and span["end"] - span["start"] == len(span["text"]), span
        else:
            problem = outcome.removeprefix("skip: ")
            line = next((w for w in warnings if f"/{name}:" in w), None)
            assert line is not None, f"{name} was not reported as skipped"
            assert problem in line, line
    # build() also writes expected.json into the corpus folder: not an article, so warned about, not read
    stray = [w for w in warnings if "/expected.json: not an article file" in w]
    assert len(stray) == 1
    assert len(analysed) + len(warnings) - len(stray) == len(expected)


def test_without_skip_bad_the_first_bad_file_stops_the_run_with_one_line(hostile):
    root, _ = hostile
    result = framing("analyze", "corpus", cwd=root)
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("framing: error: ") and "corpus/" in lines[-1]
    assert "Traceback" not in result.stderr


def test_outlet_names_cannot_escape_the_output_folder_and_report_is_inert(hostile):
    root, _ = hostile
    before = {p for p in root.rglob("*")}
    result = framing("report", "corpus", "--skip-bad", "-o", "out", cwd=root)
    assert result.returncode == 0, result.stderr
    created = {p for p in root.rglob("*")} - before
    assert created and all(p.is_relative_to(root / "out") for p in created), created
    assert {p.name for p in created} == {"out", "index.html", "report.pdf"}
    html = (root / "out" / "index.html").read_text(encoding="utf-8")
    # the only scripts are the explorer's data and code; the payloads' <script> tags are escaped text
    assert re.findall(r"<script[^>]*>", html) == [
        '<script type="application/json" id="explorer-data">',
        '<script id="explorer-code">',
    ]
    assert 'href="javascript' not in html
    assert "etc-passwd" in html  # the "../../etc/passwd" outlet, reduced to a harmless slug


def test_pathological_articles_finish_in_bounded_time(tmp_path):
    sentence = "officials said talks would continue while “troops,” he said, moved "
    (tmp_path / "run-on.txt").write_text(sentence * 15_000 + "on.\n", encoding="utf-8")
    result = framing("analyze", "run-on.txt", "--format", "csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 2
