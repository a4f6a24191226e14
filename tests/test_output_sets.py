"""A run's output files are written together: all or none, replacing the earlier run's set."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from framing import output
from framing.errors import DataError
from framing.output import write_set


def test_a_full_disk_part_way_leaves_the_earlier_set_as_it_was(tmp_path, monkeypatch):
    (tmp_path / "index.html").write_text("earlier html")
    (tmp_path / "report.pdf").write_text("earlier pdf")
    real = output._write_temp
    calls = []

    def second_write_fails(path, data):
        calls.append(path.name)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(output, "_write_temp", second_write_fails)
    with pytest.raises(DataError) as caught:
        write_set(tmp_path, {"index.html": "new html", "report.pdf": b"new pdf"}, family=("index.html", "report.pdf"))
    assert "No space left on device" in caught.value.message and "report.pdf" in caught.value.message
    assert (tmp_path / "index.html").read_text() == "earlier html"
    assert (tmp_path / "report.pdf").read_text() == "earlier pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html", "report.pdf"]  # no temporary files left


def test_the_earlier_runs_files_of_the_same_set_are_removed(tmp_path):
    (tmp_path / "index.html").write_text("earlier html")
    (tmp_path / "report.pdf").write_text("earlier pdf")
    (tmp_path / "notes.txt").write_text("the user's own file")
    result = write_set(tmp_path, {"index.html": "new html"}, family=("index.html", "report.pdf"))
    assert [p.name for p in result.written] == ["index.html"]
    assert [p.name for p in result.removed] == ["report.pdf"]
    assert (tmp_path / "index.html").read_text() == "new html"
    assert (tmp_path / "notes.txt").read_text() == "the user's own file"  # not of the set: never touched


def test_a_report_whose_pdf_fails_does_not_leave_the_earlier_pdf_beside_the_new_html(tmp_path, monkeypatch):
    from framing import api
    from framing.render import pdf
    from framing.report import write_report

    out = tmp_path / "out"
    out.mkdir()
    (out / "report.pdf").write_bytes(b"%PDF- an earlier run")

    def broken(model):
        raise ValueError("flowable given negative availWidth")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    with pytest.raises(DataError) as caught:
        write_report(api.analyze(), out, "both")
    assert "removed the earlier run's report.pdf" in caught.value.message
    assert (out / "index.html").stat().st_size > 0
    assert not (out / "report.pdf").exists()


RUN_WITH_FULL_DISK = """
import errno, sys
from framing import output
def full(path, data):
    raise OSError(errno.ENOSPC, "No space left on device")
output._write_temp = full
sys.argv = ["framing", *sys.argv[1:]]
from framing.cli import main
main()
"""


def test_a_full_disk_is_a_one_line_data_error_with_exit_3(tmp_path):
    out = tmp_path / "reports"
    done = subprocess.run(
        [sys.executable, "-c", RUN_WITH_FULL_DISK, "report", "--format", "html", "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 3, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith("framing: error: ") and "No space left on device" in lines[-1]
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert not any(Path(out).glob("*"))


RUN_WITH_A_FAILING_SHEET = """
import sys
from framing.classroom import sheets
real, calls = sheets.render_pdf, []
def third_fails(exercise, key=False):
    calls.append(exercise.kind)
    if len(calls) == 3:
        raise ValueError("a sheet that cannot be laid out")
    return real(exercise, key)
sheets.render_pdf = third_fails
sys.argv = ["framing", *sys.argv[1:]]
from framing.cli import main
main()
"""


def test_exercise_all_writes_no_partial_set_when_a_sheet_fails(tmp_path):
    out = tmp_path / "exercises"
    out.mkdir()
    (out / "worksheet-spot.html").write_text("an earlier run's sheet")
    done = subprocess.run(
        [sys.executable, "-c", RUN_WITH_A_FAILING_SHEET, "exercise", "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1 and "a sheet that cannot be laid out" in done.stderr
    assert "Traceback" not in done.stderr
    # the sheets rendered before the failure were not written: the folder is as the earlier run left it
    assert [p.name for p in out.iterdir()] == ["worksheet-spot.html"]
    assert (out / "worksheet-spot.html").read_text() == "an earlier run's sheet"
