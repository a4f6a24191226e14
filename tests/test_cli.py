"""The command line as a user runs it: output formats, help, and one-line errors."""

import json

import pytest
from helpers import framing


def test_analyze_json_on_the_seeds():
    result = framing("analyze", "--format", "json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert {r["outlet"] for r in records} == {"aggregator", "unnamed", "intellinews", "sputnik", "nv"}
    record = next(r for r in records if r["outlet"] == "sputnik")
    for field in ("id", "title", "date", "n_words", "loaded_terms", "hedges", "quotes", "sentiment", "actor_sentiment"):
        assert field in record
    term = record["loaded_terms"][0]
    assert {"start", "end", "text", "category", "perspective", "neutral", "explanation"} <= set(term)


def test_analyze_csv_and_table():
    csv_out = framing("analyze", "--format", "csv")
    assert csv_out.returncode == 0
    header, *rows = csv_out.stdout.strip().splitlines()
    assert header.startswith("id,outlet,title") and len(rows) == 5
    table = framing("analyze")
    assert table.returncode == 0 and "Framing features per article" in table.stdout


def test_inspect_shows_cleaned_text_and_removed_lines():
    result = framing("inspect", "002")
    assert result.returncode == 0, result.stderr
    assert "Removed as boilerplate" in result.stdout and "Most Read" in result.stdout
    assert "reportedly" in result.stdout


def test_help_explains_each_command():
    for args in ([], ["analyze"], ["inspect"]):
        result = framing(*args, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout


@pytest.mark.parametrize(
    ("setup", "args", "needle"),
    [
        (lambda d: (d / "empty.txt").write_text(""), ["analyze", "{d}/empty.txt"], "empty.txt: file is empty"),
        (lambda d: (d / "bin.txt").write_bytes(b"\x00\x01\x02binary"), ["analyze", "{d}/bin.txt"], "binary file"),
        (
            lambda d: (d / "w.txt").write_bytes("Привет, мир, это статья о НАТО и России.".encode("cp1251")),
            ["analyze", "{d}/w.txt"],
            "not valid UTF-8",
        ),
        (
            lambda d: (d / "lex.csv").write_text(
                "term,category,perspective,neutral,explanation\nregime,rude,any,x,y\n"
            ),
            ["analyze", "--lexicon", "{d}/lex.csv"],
            "lex.csv:2: unknown category 'rude'",
        ),
        (lambda d: None, ["inspect", "999"], "no such article"),
    ],
)
def test_bad_input_gives_one_line_error(tmp_path, setup, args, needle):
    setup(tmp_path)
    result = framing(*[a.format(d=tmp_path) for a in args])
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("framing: error: ") and needle in lines[0]
    assert "Traceback" not in result.stderr


def test_skip_bad_reports_skipped_files(tmp_path):
    (tmp_path / "ok.txt").write_text(
        "NATO allies sent written replies to Moscow on Wednesday, officials said, rejecting the demand "
        "that Ukraine never join the alliance while offering talks on arms control and transparency.\n"
    )
    (tmp_path / "empty.txt").write_text("")
    result = framing("analyze", str(tmp_path), "--skip-bad", "--format", "json")
    assert result.returncode == 0
    assert len(json.loads(result.stdout)) == 1
    assert "skipped" in result.stderr and "empty.txt" in result.stderr


def test_version_prints_the_version_and_exits_zero():
    from framing import __version__

    result = framing("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"framing {__version__}"
    assert result.stderr == ""


def test_debug_is_accepted_after_the_command_and_shows_the_traceback(tmp_path):
    missing = str(tmp_path / "nowhere")
    plain = framing("analyze", missing)
    assert plain.returncode == 2 and "Traceback" not in plain.stderr and "nowhere" in plain.stderr
    debug = framing("analyze", missing, "--debug")
    assert "Traceback" in debug.stderr and "UsageError" in debug.stderr


def test_help_does_not_import_the_analysis_stack():
    """Start-up cost: `framing --help` must not load NLTK, scikit-learn or pandas (over a second together)."""
    import subprocess
    import sys

    code = "import sys, framing.cli; print(sorted(m for m in ('nltk', 'sklearn', 'pandas') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_progress_shows_on_a_terminal_and_not_when_redirected():
    import os
    import pty
    import subprocess
    import sys

    controller, terminal = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    run = subprocess.run(
        [sys.executable, "-m", "framing.cli", "analyze", "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=terminal,
        env=env,
        timeout=120,
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert run.returncode == 0
    assert b"analysing articles" in shown
    redirected = framing("analyze", "--format", "csv")
    assert redirected.returncode == 0 and redirected.stderr == ""
