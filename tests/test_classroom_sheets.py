"""Rendered worksheets and keys: deterministic, escaped, and silent about hidden outlets."""

import io
import re

import pytest
from pypdf import PdfReader

from framing.classroom import KINDS, build_exercise, render_html, render_pdf, write_exercise

# What would give each seed outlet away (from seeds/manifest.csv), beyond its slug and display name.
GIVEAWAYS = {
    "aggregator": ["Aggregator", "RT", "Antiwar"],
    "unnamed": ["Unnamed English-language site", "Spektr"],
    "intellinews": ["IntelliNews", "bne", "Theo Normanton"],
    "sputnik": ["Sputnik"],
    "nv": ["NV", "Novoye Vremya", "New Voice"],
}


@pytest.fixture(scope="module")
def corpus(seed_features):
    return list(seed_features.values())


def _leaks(text: str, corpus) -> list[str]:
    found = []
    for f in corpus:
        for name in [f.meta.outlet_name, f.meta.title, *GIVEAWAYS[f.outlet]]:
            if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                found.append(name)
        if re.search(rf"(?<!\w){re.escape(f.outlet)}(?!\w)", text, re.IGNORECASE):
            found.append(f.outlet)
    return found


def _pdf_text_and_metadata(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return text + "\n" + "\n".join(str(v) for v in (reader.metadata or {}).values())


@pytest.mark.parametrize("kind", list(KINDS))
def test_hidden_outlets_do_not_leak_into_the_student_sheet(corpus, kind, tmp_path):
    exercise = build_exercise(kind, corpus, "advanced", seed=5, hide_outlets=True)
    sheet = render_html(exercise)
    assert _leaks(sheet, corpus) == []
    assert "Outlet A" in sheet
    pdf = _pdf_text_and_metadata(render_pdf(exercise))
    assert "Outlet A" in pdf  # the text layer is real, so the check below can see names
    assert _leaks(pdf, corpus) == []
    paths = write_exercise(exercise, tmp_path)
    assert sorted(p.name for p in paths) == sorted(
        f"{role}-{kind}.{fmt}" for role in ("worksheet", "key") for fmt in ("html", "pdf")
    )
    # the key may, and must, say which outlet is which
    key = render_html(exercise, key=True)
    shown = {p.excerpt.source.outlet_name for i in exercise.items for p in i.panels}
    assert all(name.replace("&", "&amp;").replace("'", "&#39;") in key for name in shown)


def test_shown_outlets_are_named_on_the_sheet(corpus):
    exercise = build_exercise("sources", corpus, "basic", seed=5)
    sheet = render_html(exercise)
    assert _leaks(sheet, corpus)  # without --hide-outlets the names are there, so the test above can fail
    assert "Outlet A" not in sheet


@pytest.mark.parametrize("kind", ["spot", "pair"])
def test_same_seed_same_bytes(corpus, kind):
    one = build_exercise(kind, corpus, "advanced", seed=42, hide_outlets=True)
    two = build_exercise(kind, corpus, "advanced", seed=42, hide_outlets=True)
    assert render_html(one).encode() == render_html(two).encode()
    assert render_html(one, key=True) == render_html(two, key=True)
    assert render_pdf(one) == render_pdf(two)
    sheets = {render_html(build_exercise(kind, corpus, "advanced", seed=s, hide_outlets=True)) for s in range(1, 6)}
    assert len(sheets) > 1


def test_kind_all_gives_the_same_sheets_as_each_kind(corpus):
    # the seed is applied per kind, so adding kinds to a run does not change the others
    a = build_exercise("rewrite", corpus, "advanced", seed=9)
    build_exercise("spot", corpus, "advanced", seed=9)
    b = build_exercise("rewrite", corpus, "advanced", seed=9)
    assert render_html(a) == render_html(b)


def test_student_sheet_has_answer_space_and_key_marks_answers(corpus):
    exercise = build_exercise("spot", corpus, "basic", seed=1)
    sheet, key = render_html(exercise), render_html(exercise, key=True)
    assert sheet.count('class="line"') >= 3 * len(exercise.items)
    assert 'class="m-loaded"' not in sheet  # the student does not see the answers
    answers = [a for i in exercise.items for p in i.panels for a in p.answers]
    assert key.count('class="m-loaded"') >= len(answers)
    for answer in answers:
        assert answer.alternative.replace("'", "&#39;") in key


def test_text_is_escaped(analyse):
    features = analyse(
        "The Kiev regime <b>rejected</b> the offer from Moscow on Monday, officials said at a briefing.\n\n"
        "Plain words follow here in a second sentence about the talks in Geneva on Monday."
    )
    exercise = build_exercise("rewrite", [features], "advanced")
    html = render_html(exercise, key=True)
    assert "<b>rejected</b>" not in html and "&lt;b&gt;rejected&lt;/b&gt;" in html
    assert render_pdf(exercise).startswith(b"%PDF")
