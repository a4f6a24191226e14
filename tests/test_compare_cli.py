"""`framing compare` and `framing profile` as a user runs them, including the one-line errors."""

import csv
import io
import json
import shutil

import pytest
from helpers import framing as run_framing

from framing.resources import seeds_dir

AVAILABLE = "available: aggregator, intellinews, nv, sputnik, unnamed"


def framing(*args):
    return run_framing(*args, columns=200)


def test_compare_table_on_the_seeds():
    result = framing("compare", "sputnik", "nv", "--n-boot", "200")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for needle in (
        "Sputnik International (sputnik)",
        "Scores side by side",
        "Distinctive vocabulary: more typical of sputnik",
        "|z| ≥ 1 (change with --min-z)",
        "US-backed nationalist coup",
        "temporarily occupied",
        "Who each side quotes",
        "Jens Stoltenberg",
        "Naming: the same thing named differently",
        "Loaded terms only one side uses",
    ):
        assert needle in out, needle


def test_compare_json_has_every_frame_and_the_must_show_content():
    result = framing("compare", "sputnik", "nv", "--format", "json", "--top", "5", "--min-z", "1.2", "--n-boot", "200")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["settings"]["min_z"] == 1.2 and data["settings"]["top"] == 5
    assert all(abs(t["z"]) >= 1.2 for t in data["distinctive_terms"])
    assert sum(t["side"] == "a" for t in data["distinctive_terms"]) <= 5
    lexicon = {t["term"]: t for t in data["lexicon_terms"]}
    assert lexicon["Kiev"]["side"] == "a" and lexicon["Kiev"]["z"] > 0
    assert lexicon["temporarily occupied"]["side"] == "b" and lexicon["temporarily occupied"]["z"] < 0
    sides = {(q["group"], q["side"]) for q in data["quote_balance"] if q["n_quotes"]}
    assert ("a", "NATO") in sides and ("b", "Russian government") in sides


def test_compare_markdown_and_groups():
    result = framing("compare", "--a", "sputnik,aggregator", "--b", "nv", "--format", "markdown", "--n-boot", "200")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# Comparing A: Sputnik International (sputnik), Aggregator page")
    assert "## Scores side by side (95% bootstrap intervals, resampling sentences)" in lines
    assert any(line.startswith("| score | sputnik+aggregator | nv |") for line in lines)


def test_profile_formats():
    table = framing("profile", "--n-boot", "200")
    assert table.returncode == 0, table.stderr
    assert "Outlet profiles" in table.stdout and "sputnik" in table.stdout
    csv_out = framing("profile", "--format", "csv", "--n-boot", "200")
    rows = list(csv.DictReader(io.StringIO(csv_out.stdout)))
    assert [r["outlet"] for r in rows] == ["aggregator", "unnamed", "intellinews", "sputnik", "nv"]
    assert {"loaded_per_1k", "loaded_per_1k_lo", "loaded_per_1k_hi", "loaded_per_1k_n", "loaded_per_1k_flag"} <= set(
        rows[0]
    )
    data = json.loads(framing("profile", "--format", "json", "--n-boot", "200").stdout)
    assert {"profiles", "quote_balance", "actor_sentiment", "loaded_by_category", "similarity", "map"} <= set(data)
    assert data["similarity"]["tfidf"]["nv"]["nv"] == pytest.approx(1.0)


def one_line_error(result) -> str:
    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("framing: error:")]
    assert len(errors) == 1 and not result.stdout
    return errors[0]


def test_unknown_outlet():
    error = one_line_error(framing("compare", "rt", "nv"))
    assert "unknown outlet 'rt'" in error and AVAILABLE in error


def test_outlet_compared_with_itself():
    error = one_line_error(framing("compare", "nv", "nv"))
    assert "cannot compare outlet 'nv' with itself" in error and AVAILABLE in error


def test_outlet_with_no_articles(tmp_path):
    shutil.copy(seeds_dir() / "004_2643c82c3a0dc6eb.txt", tmp_path / "nv.txt")
    shutil.copy(seeds_dir() / "003_9a3e2b529b72e285.txt", tmp_path / "sputnik.txt")
    (tmp_path / "ghost.txt").write_text("")
    (tmp_path / "manifest.csv").write_text("file,outlet\nnv.txt,nv\nsputnik.txt,sputnik\nghost.txt,ghost\n")
    result = framing("compare", "ghost", "nv", str(tmp_path), "--skip-bad")
    error = one_line_error(result)
    assert (
        "unknown outlet 'ghost' (available: nv, sputnik)" in error and "1 unreadable article(s) were skipped" in error
    )
    assert "ghost.txt" in result.stderr  # the skipped file is named on its own line


def test_one_outlet_then_a_corpus_explains_that_two_outlets_are_needed(tmp_path):
    ledger = tmp_path / "corpus" / "ledger"
    ledger.mkdir(parents=True)
    (ledger / "a.txt").write_text(
        "Dock workers at the port walked out on Monday after talks with the port authority broke down, "
        "the union said, and pickets gathered at every gate of the container terminal.\n",
        encoding="utf-8",
    )
    result = framing("compare", "ledger", str(tmp_path / "corpus"))
    assert result.returncode == 2
    line = result.stderr.strip()
    assert line.startswith("framing: error: compare needs two outlets before the corpus, got one ('ledger')")
    assert "outlets in it: ledger" in line and "seed" not in line and "aggregator" not in line
