"""`framing claims` as a user runs it: table, JSON, CSV, --min-outlets and the one-line errors."""

from __future__ import annotations

import csv
import io
import json
import shutil

from helpers import framing as run_framing

from framing.resources import seeds_dir


def framing(*args):
    return run_framing(*args, columns=200)


def test_claims_table_on_the_seeds():
    result = framing("claims")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for needle in (
        "Claims reported by at least 2 outlet(s)",
        "Notable omissions",
        "Exclusives (claims only this outlet reports)",
        "Same fact, different words",
        "MISSING",
        "5,000-strong",
        "El Pais",
        "hedge “allegedly”",
    ):
        assert needle in out, needle


def test_claims_json_and_min_outlets():
    result = framing("claims", "--format", "json", "--min-outlets", "3")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["settings"]["min_outlets"] == 3 and data["settings"]["link_threshold"] > 0
    assert data["groups"] and all(g["n_outlets"] >= 3 for g in data["groups"])
    leak = data["groups"][0]
    assert leak["outlets"] == ["aggregator", "intellinews", "unnamed"]
    # NV and Sputnik published before the leak (seeds/manifest.csv): "later", not missing (issue 15)
    assert leak["later"] == ["nv", "sputnik"] and leak["missing"] == [] and leak["first_date"] == "2022-02-02"
    for s in leak["sentences"]:
        for f in s["findings"]:
            assert s["text"][f["start"] : f["end"]] == f["text"]
    assert leak["number"] not in data["notable_omissions"]["nv"] + data["notable_omissions"]["sputnik"]
    assert set(data["exclusives"]) == set(data["outlets"]) and all(data["exclusives"].values())


def test_claims_csv_has_one_column_per_outlet():
    result = framing("claims", "-f", "csv", "--min-outlets", "1")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    outlets = ["aggregator", "intellinews", "nv", "sputnik", "unnamed"]
    assert list(rows[0])[-5:] == outlets
    for row in rows:
        assert sum(int(row[o]) for o in outlets) == int(row["n_outlets"])
    assert [int(r["n_outlets"]) for r in rows] == sorted((int(r["n_outlets"]) for r in rows), reverse=True)
    assert any(r["n_outlets"] == "1" for r in rows)  # exclusives are included with --min-outlets 1


def test_claims_needs_two_outlets(tmp_path):
    shutil.copy(seeds_dir() / "003_9a3e2b529b72e285.txt", tmp_path / "one.txt")
    result = framing("claims", str(tmp_path))
    assert result.returncode != 0
    assert result.stderr.startswith("framing: error: ")
    assert "at least two outlets" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    bad = framing("claims", "--min-outlets", "0")
    assert bad.returncode == 2
