"""`framing evaluate` as CI runs it: the gold sets against the figures recorded in gold/baseline.json.

This is the check that fails the build when a change to the extractors or lexicons makes
any recorded figure drop by more than 0.05.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers import framing as run_framing

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold"
SETS = [("seeds", []), ("extra", [str(GOLD / "extra" / "corpus")])]


def framing(*args: str) -> subprocess.CompletedProcess:
    return run_framing(*args, cwd=ROOT)


@pytest.mark.parametrize("name, corpus", SETS)
def test_no_figure_drops_below_the_recorded_baseline(name, corpus):
    result = framing("evaluate", str(GOLD / name), *corpus, "--format", "json")
    assert result.returncode == 0, result.stderr + result.stdout[-2000:]
    record = json.loads(result.stdout)
    assert record["baseline"]["regressions"] == []
    assert record["baseline"]["file"].endswith(f"baseline.json [{name}]")
    recorded = json.loads((GOLD / "baseline.json").read_text(encoding="utf-8"))["sets"][name]
    assert set(recorded) <= set(record["figures"])


def test_seed_figures_meet_the_issue_targets():
    """Issue 8 targets on the seeds (overlap match)."""
    figures = json.loads(framing("evaluate", str(GOLD / "seeds"), "--format", "json").stdout)["figures"]
    assert figures["quotes.overlap.f1"] >= 0.9
    assert figures["quotes.speaker_accuracy"] >= 0.9
    assert figures["hedges.overlap.f1"] >= 0.85
    assert figures["loaded_terms.overlap.f1"] >= 0.75


def test_a_drop_below_the_baseline_fails_with_the_figure_named(tmp_path):
    recorded = json.loads((GOLD / "baseline.json").read_text(encoding="utf-8"))
    recorded["sets"]["extra"]["quotes.overlap.f1"] = 0.99  # a record the extractors do not reach
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(recorded), encoding="utf-8")
    result = framing("evaluate", str(GOLD / "extra"), str(GOLD / "extra" / "corpus"), "--baseline", str(baseline))
    assert result.returncode == 1
    assert "quotes.overlap.f1" in result.stdout and "dropped more than 0.05" in result.stderr


def test_table_lists_scores_misses_and_false_alarms():
    result = framing("evaluate", str(GOLD / "extra"), str(GOLD / "extra" / "corpus"), "--baseline", "/nonexistent.json")
    assert result.returncode != 0 and "framing: error:" in result.stderr and "/nonexistent.json" in result.stderr
    result = framing("evaluate", str(GOLD / "extra"), str(GOLD / "extra" / "corpus"))
    assert result.returncode == 0, result.stderr
    for words in ("Accuracy against", "missed", "false alarms", "All figures within the tolerance"):
        assert words in result.stdout


def test_record_writes_figures_for_the_named_set(tmp_path):
    baseline = tmp_path / "baseline.json"
    result = framing(
        "evaluate", str(GOLD / "extra"), str(GOLD / "extra" / "corpus"), "--record", "--baseline", str(baseline)
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(baseline.read_text(encoding="utf-8"))["sets"]["extra"]
    assert 0.0 <= figures["quotes.overlap.f1"] <= 1.0 and "hedges.overlap.recall" in figures


def test_gold_folder_without_annotations_is_a_one_line_error(tmp_path):
    result = framing("evaluate", str(tmp_path))
    assert result.returncode == 3
    assert result.stderr.strip() == f"framing: error: {tmp_path}: no gold files (*.json) in the folder"
