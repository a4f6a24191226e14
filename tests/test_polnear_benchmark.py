"""The PolNeAR adapter, on a tiny corpus written here in PolNeAR's brat standoff layout.

The sentences are the project's own; only the file layout (``data/<split>/text``,
``data/<split>/attributions/<name>_<annotator>.ann``) copies PolNeAR's.
"""

from __future__ import annotations

import json

import pytest
from helpers import framing

from framing import api
from framing.errors import DataError
from framing.evaluation import benchmarks, polnear

TEXT = (
    "Port chief Ana Ruiz said the cranes would restart on Monday.\n\n"
    "“We will not back down,” said Tom Reyes, a union steward.\n\n"
    "The union’s demands were “simply unaffordable” for the port, she added."
)


def _span(text: str, part: str) -> str:
    start = text.index(part)
    return f"{start} {start + len(part)}"


def _ann(text: str, rows: list[tuple[str, str, str]]) -> str:
    """brat lines for attributions given as (source, cue, content) substrings of the text."""
    lines, t = [], 0
    for e, (source, cue, content) in enumerate(rows, start=1):
        ids = []
        for kind, part in (("Source", source), ("Cue", cue), ("Content", content), ("Attribution", cue)):
            t += 1
            lines.append(f"T{t}\t{kind} {_span(text, part)}\t{part}")
            ids.append(f"T{t}")
        lines.append(f"E{e}\tAttribution:{ids[3]} Content:{ids[2]} Cue:{ids[1]} Source:{ids[0]}")
    return "\n".join(lines) + "\n"


GOLD = [
    ("Port chief Ana Ruiz", "said", "the cranes would restart on Monday"),
    ("Tom Reyes, a union steward", "said", "“We will not back down,”"),
    ("she", "added", "The union’s demands were “simply unaffordable” for the port"),
]


def _write(root, splits=("train", "dev", "test"), second_annotator=False):
    for split in splits:
        (root / "data" / split / "text").mkdir(parents=True)
        (root / "data" / split / "attributions").mkdir(parents=True)
        name = f"outlet_2024-01-0{len(split)}_port-strike"
        (root / "data" / split / "text" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
        (root / "data" / split / "attributions" / f"{name}_aaaa.ann").write_text(_ann(TEXT, GOLD), encoding="utf-8")
        if second_annotator:
            ann = _ann(TEXT, GOLD[:2])  # the second annotator missed the last one
            (root / "data" / split / "attributions" / f"{name}_bbbb.ann").write_text(ann, encoding="utf-8")


def test_reader_gives_kinds_sources_and_a_multiline_covered_text(tmp_path):
    _write(tmp_path / "polnear", splits=("train", "dev", "test"))
    ann = tmp_path / "polnear" / "data" / "test" / "attributions"
    path = next(ann.iterdir())
    path.write_text(path.read_text(encoding="utf-8").replace("on Monday", "on\nMonday"), encoding="utf-8")
    every = polnear.articles(tmp_path / "polnear", ("test",))
    (anns,) = every.values()
    kinds = [a.kind for a in anns[0].attributions]
    assert kinds == ["indirect", "direct", "partial"]
    assert anns[0].attributions[1].source_text == "Tom Reyes, a union steward"


def test_discontinuous_content_and_an_event_without_source(tmp_path):
    text = "“Stay calm,” the mayor said, “and stay home.” Residents reportedly feared a flood."
    a, b = text.index("“Stay"), text.index(",” the") + 2
    c, d = text.index("“and"), text.index("home.”") + 6
    ann = (
        f"T1\tSource {_span(text, 'the mayor')}\tthe mayor\nT2\tCue {_span(text, 'said')}\tsaid\n"
        f"T3\tContent {a} {b};{c} {d}\tx\nT4\tAttribution {_span(text, 'said')}\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        f"T5\tCue {_span(text, 'feared')}\tfeared\nT6\tContent {_span(text, 'a flood')}\ta flood\n"
        f"T7\tAttribution-no-source {_span(text, 'feared')}\tfeared\n"
        "E2\tAttribution-no-source:T7 Content:T6 Cue:T5\n"
    )
    path = tmp_path / "x_aaaa.ann"
    path.write_text(ann, encoding="utf-8")
    first, second = polnear.read_ann(path, text)
    assert first.kind == "direct" and first.content == ((a, b), (c, d))
    assert second.kind == "indirect" and second.source == () and second.source_text == ""


def test_offsets_outside_the_text_name_the_file_and_line(tmp_path):
    path = tmp_path / "bad_aaaa.ann"
    path.write_text("T1\tContent 5 500\tx\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"bad_aaaa\.ann:1"):
        polnear.read_ann(path, "short text")


def test_benchmark_counts_kinds_speakers_baseline_and_human_rows(tmp_path):
    _write(tmp_path / "polnear", second_annotator=True)
    result = benchmarks.run("polnear", api.lexicons(), tmp_path)
    assert result is not None
    rows = {(f.task, f.system): f for f in result.figures}
    test_all = rows[("test: all", "framing quotes")]
    assert test_all.gold == 3
    assert rows[("test: direct", "framing quotes")].found == 1
    baseline = rows[("test: indirect", "baseline: quote marks + nearest name")]
    assert baseline.predicted == 0 and baseline.gold == 1
    assert rows[("all: all", "framing quotes")].gold == 9
    human = rows[("test 2-annotator (1): all", "human: another annotator")]
    assert (human.predicted, human.correct, human.gold, human.found) == (2, 2, 3, 2)
    assert rows[("test 2-annotator (1): speaker", "human: another annotator")].correct == 2
    speaker = rows[("test: speaker", "framing quotes")]
    assert speaker.predicted == test_all.found and speaker.correct >= 1


def test_cli_reports_polnear_and_skips_it_when_absent(tmp_path):
    _write(tmp_path / "data" / "polnear")
    out = tmp_path / "results"
    result = framing(
        "evaluate",
        "--benchmark",
        "polnear",
        "--data",
        str(tmp_path / "data"),
        "--results",
        str(out),
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    (record,) = json.loads(result.stdout)
    assert record["benchmark"] == "polnear"
    assert [p.name.endswith("-polnear.json") for p in out.iterdir()] == [True]
    missing = framing("evaluate", "--benchmark", "polnear", "--data", str(tmp_path / "nothing"))
    assert missing.returncode == 0 and "skipped benchmark polnear" in missing.stderr


def test_a_missing_split_folder_is_a_one_line_error(tmp_path):
    _write(tmp_path / "data" / "polnear", splits=("train", "dev"))
    result = framing("evaluate", "--benchmark", "polnear", "--data", str(tmp_path / "data"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "test" in result.stderr
