"""Key findings and the source-type breakdown, on the seeds and on corpora built from real test articles."""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from framing import api
from framing.score import compare, outlet_profiles
from framing.score.key_findings import MIN_TERM_USES, SOURCE_Z, key_findings
from framing.score.source_types import source_affiliations, source_types, two_proportion_z

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ["file", "outlet", "outlet_name", "title", "date", "url", "language", "notes"]


def _corpus(folder: Path, rows: list[tuple[Path, str, str]]) -> Path:
    """A corpus folder: each (source file, outlet slug, outlet name) copied in under a new name."""
    folder.mkdir()
    with open(folder / "manifest.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(MANIFEST)
        for i, (source, outlet, name) in enumerate(rows):
            target = f"{i:02d}_{source.name}"
            shutil.copy(source, folder / target)
            writer.writerow([target, outlet, name, f"article {i}", f"2024-01-{i + 1:02d}", "", "en", ""])
    return folder


@pytest.fixture(scope="module")
def features(seed_features):
    return list(seed_features.values())


@pytest.fixture(scope="module")
def seed_comparison(features):
    return compare(features, ["sputnik"], ["nv"], n_boot=400)


@pytest.fixture(scope="module")
def seed_findings(seed_comparison):
    return key_findings(seed_comparison)


def test_the_loaded_rate_is_stated_with_the_profiles_figures(seed_findings, seed_comparison, features):
    profiles = outlet_profiles(features, n_boot=0).set_index("outlet")
    stated = [f for f in seed_findings.findings + seed_findings.unsupported if f.evidence["row"] == "loaded_per_1k"]
    assert len(stated) == 1
    finding = stated[0]
    a, b = profiles.loc["sputnik", "loaded_per_1k"], profiles.loc["nv", "loaded_per_1k"]
    assert finding.figures["a"] == pytest.approx(a) and finding.figures["b"] == pytest.approx(b)
    assert f"{a:.1f} vs {b:.1f} loaded terms per 1,000 words" in finding.text
    assert f"{a / b:.1f}x as often as NV" in finding.text and finding.text.startswith("Sputnik")
    # Supported exactly when the comparison's interval of the difference excludes 0 (neither side is flagged here).
    row = seed_comparison.scores.set_index("score").loc["loaded_per_1k"]
    assert finding.supported == bool(row["excludes_zero"])
    if not finding.supported:  # one article each: 10 against 5 terms is within chance, and the sentence says so
        assert "includes 0" in finding.basis and f"{row['diff_lo']:+.1f}" in finding.basis


def test_every_supported_score_finding_rests_on_an_interval_that_excludes_zero(seed_findings, seed_comparison):
    scores = seed_comparison.scores.set_index("score")
    stated = [f for f in seed_findings.findings if f.kind == "score"]
    assert stated, "the seeds' tone differences pass the test"
    for f in stated:
        row = scores.loc[f.evidence["row"]]
        assert row["excludes_zero"] and not row["a_flag"] and not row["b_flag"]
        assert f"{row['diff_lo']:+.2f} to {row['diff_hi']:+.2f}" in f.basis or f"{row['diff_lo']:+.1f}" in f.basis
    strengths = [f.strength for f in seed_findings.findings]
    assert strengths == sorted(strengths, reverse=True)


def test_only_one_outlet_writes_a_naming_variant_and_the_texts_agree(seed_findings, seed_features):
    naming = [f for f in seed_findings.findings if f.kind == "naming"]
    assert naming
    names = {"Sputnik International": "sputnik", "NV": "nv"}
    for f in naming:
        who = re.match(r"Only (.+?) writes '([^']+)' \((\d+) times\)", f.text)
        assert who, f.text
        writer, variant, uses = names[who.group(1)], who.group(2), int(who.group(3))
        other = "nv" if writer == "sputnik" else "sputnik"
        pattern = re.compile(r"\b" + re.escape(variant).replace(r"\ ", r"\s+") + r"\b", re.IGNORECASE)
        assert len(pattern.findall(seed_features[writer].text)) >= uses >= MIN_TERM_USES
        assert not pattern.search(seed_features[other].text)
        assert abs(f.figures["z"]) >= 1.0


def test_one_article_a_side_is_said(seed_findings):
    assert "one article each" in seed_findings.scope and "not the outlets" in seed_findings.scope


def test_the_same_articles_under_two_names_give_no_difference(tmp_path):
    seed = ROOT / "seeds" / "004_2643c82c3a0dc6eb.txt"
    corpus = _corpus(tmp_path / "twins", [(seed, "left", "Left Copy"), (seed, "right", "Right Copy")])
    found = key_findings(compare(api.analyze(corpus), ["left"], ["right"], n_boot=400))
    assert found.findings == [] and found.n_supported == 0
    assert "Left Copy and Right Copy are one article each" in found.scope
    assert all(not f.supported for f in found.unsupported)
    loaded = [f for f in found.unsupported if f.evidence["row"] == "loaded_per_1k"]
    assert loaded and "about as often as" in loaded[0].text


@pytest.fixture(scope="module")
def extra_features(tmp_path_factory):
    """The extra gold articles as two outlets: the court and strike stories (unions, landlords, lawyers)
    against the storm, trade and election stories (forecasters, officials, election staff)."""
    folder = ROOT / "gold" / "extra" / "corpus"
    rows = [(folder / f"{name}.txt", "local", "Local Desk") for name in ("court", "strike")]
    rows += [(folder / f"{name}.txt", "wire", "Wire Desk") for name in ("storm", "trade", "election")]
    return api.analyze(_corpus(tmp_path_factory.mktemp("extra") / "corpus", rows))


def test_source_type_counts_match_the_quotes(extra_features, features):
    for group in (extra_features, features):
        table = source_types(group).set_index(["outlet", "speaker_type"])
        for outlet in {f.outlet for f in group}:
            quotes = [q for f in group if f.outlet == outlet for q in f.quotes]
            counted = Counter(q.speaker_type for q in quotes)
            for kind in ("official", "organisation", "expert", "citizen", "anonymous", "document", "unknown"):
                assert table.loc[(outlet, kind), "n_quotes"] == counted[kind]
            assert table.loc[outlet]["n_quotes"].sum() == len(quotes)
            assert table.loc[outlet]["quoted_words"].sum() == sum(q.n_words for q in quotes)
        affiliations = source_affiliations(group)
        for outlet in {f.outlet for f in group}:
            n = sum(len(f.quotes) for f in group if f.outlet == outlet)
            assert affiliations[affiliations["outlet"] == outlet]["n_quotes"].sum() == n


def test_a_source_type_difference_is_found_and_its_figures_are_the_quotes(extra_features):
    comparison = compare(extra_features, ["local"], ["wire"], n_boot=400)
    found = key_findings(comparison)
    sources = [f for f in found.findings if f.kind == "source_type"]
    assert sources, [f.text for f in found.findings]
    quotes = {o: [q for f in extra_features if f.outlet == o for q in f.quotes] for o in ("local", "wire")}
    for f in sources:
        kind = f.figures["speaker_type"]
        k_a = sum(q.speaker_type == kind for q in quotes["local"])
        k_b = sum(q.speaker_type == kind for q in quotes["wire"])
        assert (f.figures["k_a"], f.figures["n_a"]) == (k_a, len(quotes["local"]))
        assert (f.figures["k_b"], f.figures["n_b"]) == (k_b, len(quotes["wire"]))
        assert abs(two_proportion_z(k_a, len(quotes["local"]), k_b, len(quotes["wire"]))) >= SOURCE_Z
    organisations = [f for f in sources if f.figures["speaker_type"] == "organisation"]
    assert organisations and organisations[0].text.startswith("Local Desk quotes organisations in")
    # Two and three articles: the one-article wording does not apply.
    assert "one article" not in found.scope and "Local Desk: 2 articles; Wire Desk: 3 articles." in found.scope


def test_compare_json_and_table_lead_with_the_key_findings(tmp_path):
    from helpers import framing

    done = framing("compare", "sputnik", "nv", "-f", "json", "--n-boot", "200")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert list(data)[0] == "key_findings"
    assert data["key_findings"]["findings"] and "one article each" in data["key_findings"]["scope"]
    assert {r["group"] for r in data["source_types"]} == {"a", "b"}
    table = framing("compare", "sputnik", "nv", "--n-boot", "200", columns=200)
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[1].startswith("Key findings")
    assert "Not supported: Sputnik International uses loaded terms 2.0x as often as NV" in table.stdout


def test_a_flagged_side_is_not_a_finding_and_the_reason_names_its_count(features):
    comparison = compare(features, ["intellinews"], ["sputnik"], n_boot=400)
    found = key_findings(comparison)
    row = comparison.scores.set_index("score").loc["loaded_per_1k"]
    assert row["a_flag"] and not row["b_flag"]  # the IntelliNews article keeps 11 sentences after cleaning
    assert all(f.evidence["row"] != "loaded_per_1k" for f in found.findings)
    loaded = next(f for f in found.unsupported if f.evidence["row"] == "loaded_per_1k")
    assert f"bne IntelliNews ({row['a_n']} sentences); the minimum is 20" in loaded.basis
    assert loaded.text.startswith("Sputnik International uses loaded terms")
