"""CI's baseline gate for the public benchmarks: headline figures against benchmarks/baseline.json.

Where a dataset is in ../shared/datasets (or $FRAMING_DATASETS), `framing evaluate --benchmark NAME`
is run on all of it and must not drop any recorded figure (P, R and F1 of every row with at
least 100 gold items) by more than 0.05; where it is absent the test is skipped. The five full
benchmarks take about 70 s together on two cores, so no subsample is needed. After a change
that is meant to move a figure, re-record with ``framing evaluate --benchmark all --record``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import framing

from framing.evaluation import benchmarks, datasets

BASELINE = Path(__file__).resolve().parent.parent / "benchmarks" / "baseline.json"


@pytest.mark.parametrize("name", benchmarks.BENCHMARKS)
def test_no_benchmark_figure_drops_below_its_record(name, tmp_path):
    folder_name, _ = benchmarks.RUNNERS[name]
    if datasets.dataset_dir(folder_name) is None or datasets.dataset_dir("lexicons") is None:
        pytest.skip(f"dataset {folder_name} (or lexicons) not on this machine")
    result = framing("evaluate", "--benchmark", name, "--results", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr[-3000:]
    (record,) = json.loads(result.stdout)
    assert record["baseline"]["file"].endswith(f"baseline.json [{name}]"), result.stderr  # compared, same data
    assert record["baseline"]["regressions"] == []


def test_every_benchmark_has_a_record_with_its_gold_counts():
    sets = json.loads(BASELINE.read_text(encoding="utf-8"))["sets"]
    assert set(sets) == set(benchmarks.BENCHMARKS)
    for name, figures in sets.items():
        assert any(k.endswith(" | gold") for k in figures), name
        assert all(0.0 <= v <= 1.0 for k, v in figures.items() if not k.endswith(" | gold")), name


def _write_sfu(folder, n=60):
    """n sentences with a cue framing finds ("might") and n with one it leaves out ("If")."""
    (folder / "BOOKS").mkdir(parents=True)
    found = '<SENTENCE><W>It</W><cue ID="1" type="speculation"><W>might</W></cue><W>rain</W><W>.</W></SENTENCE>'
    missed = (
        '<SENTENCE><cue ID="2" type="speculation"><W>If</W></cue><W>it</W><W>rains</W><W>,</W><W>wait</W><W>.</W>'
        "</SENTENCE>"
    )
    xml = f'<?xml version="1.0" encoding="UTF-8"?><DOCUMENT><P>{(found + missed) * n}</P></DOCUMENT>'
    (folder / "BOOKS" / "no1.xml").write_text(xml, encoding="utf-8")


def test_a_drop_fails_with_the_figure_named_and_other_data_is_not_compared(tmp_path):
    _write_sfu(tmp_path / "data" / "sfu_speculation")
    base = tmp_path / "baseline.json"
    args = ("evaluate", "--benchmark", "sfu", "--data", str(tmp_path / "data"), "--results", str(tmp_path / "r"))
    recorded = framing(*args, "--record", "--baseline", str(base))
    assert recorded.returncode == 0, recorded.stderr
    sets = json.loads(base.read_text(encoding="utf-8"))
    key = "speculation cues, all | framing hedges | f1"
    assert sets["sets"]["sfu"][key] == pytest.approx(2 / 3, abs=0.01)  # 60 of 120 found
    assert sets["sets"]["sfu"]["speculation cues, all | framing hedges | gold"] == 120
    assert framing(*args, "--baseline", str(base)).returncode == 0
    sets["sets"]["sfu"][key] = 0.9
    base.write_text(json.dumps(sets), encoding="utf-8")
    dropped = framing(*args, "--baseline", str(base))
    assert dropped.returncode == 1
    assert key in dropped.stderr and "dropped more than 0.05" in dropped.stderr
    sets["sets"]["sfu"]["speculation cues, all | framing hedges | gold"] = 5363  # a record of other data
    base.write_text(json.dumps(sets), encoding="utf-8")
    other = framing(*args, "--baseline", str(base))
    assert other.returncode == 0 and "gold counts differ" in other.stderr
