"""`framing exercise` as a teacher runs it."""

from helpers import framing

from framing.resources import seeds_dir

KINDS = ["spot", "pair", "sources", "rewrite", "classify"]


def test_kind_all_on_the_seeds_writes_a_worksheet_and_key_per_kind(tmp_path):
    result = framing("exercise", "--kind", "all", "--hide-outlets", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    expected = {f"{role}-{kind}.{fmt}" for kind in KINDS for role in ("worksheet", "key") for fmt in ("html", "pdf")}
    assert {p.name for p in tmp_path.iterdir()} == expected
    for path in tmp_path.glob("*.pdf"):
        assert path.read_bytes().startswith(b"%PDF")
    for path in tmp_path.glob("worksheet-*.html"):
        text = path.read_text(encoding="utf-8")
        assert "Outlet A" in text and "Sputnik" not in text


def test_one_outlet_is_too_small_for_pairs(tmp_path):
    article = next(seeds_dir().glob("003_*.txt"))
    result = framing("exercise", str(article), "--kind", "pair", "-o", str(tmp_path))
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("framing: error: ")
    assert "pair exercise needs articles from at least two outlets" in lines[0]
    assert not list(tmp_path.iterdir())

    both = framing("exercise", str(article), "--kind", "all", "--level", "advanced", "-o", str(tmp_path))
    assert both.returncode == 0, both.stderr
    assert "skipped pair exercise" in both.stderr
    assert (tmp_path / "worksheet-spot.pdf").exists() and not (tmp_path / "worksheet-pair.html").exists()


def test_bad_options_are_usage_errors(tmp_path):
    result = framing("exercise", "--kind", "quiz", "-o", str(tmp_path))
    assert result.returncode == 2 and "quiz" in result.stderr
    result = framing("exercise", "--count", "0", "-o", str(tmp_path))
    assert result.returncode == 2
