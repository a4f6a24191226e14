"""Worksheets and answer keys as HTML (Jinja2, autoescaped) and PDF (ReportLab platypus).

The student sheet and the key are rendered from the same view of an exercise, so the
excerpt a key marks up is character for character the excerpt the student got. When
outlets are hidden, nothing about the student sheet names them: not the text, the
title, the PDF metadata, nor the file names (always ``worksheet-<kind>`` and
``key-<kind>``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import jinja2
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from framing.classroom.exercises import Answer, Exercise, Item, Panel
from framing.output import write_set

FORMATS = ("html", "pdf")
_MARK_ORDER = ("m-loaded", "m-quote", "m-hedge")


@dataclass
class Segment:
    text: str
    classes: str = ""  # CSS classes of the marks covering this stretch of text
    numbers: list[int] = field(default_factory=list)  # answers that end here (key only)


@dataclass
class PanelView:
    label: str
    segments: list[Segment]
    answers: tuple[Answer, ...]
    has_alternatives: bool


def shorten(text: str, words: int = 14) -> str:
    """A long quotation in a key table, as its first and last words (the excerpt shows it whole)."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:8]) + " … " + " ".join(parts[-4:])


def quoted(text: str) -> str:
    """Wrap key-table words in quotation marks unless the words already carry their own."""
    text = shorten(text)
    return text if text[:1] in "\"“‘'" else f"“{text}”"


def describe(answer: Answer) -> str:
    """Say what an answer is: "loaded term: dysphemism", or just "scare quote" when the label repeats it."""
    same = answer.label.replace("_", " ") == answer.finding
    text = answer.finding if same else f"{answer.finding}: {answer.label}"
    return text + ("" if answer.required else " (beyond this level)")


def _mark_class(answer: Answer) -> str:
    if answer.finding == "loaded term":
        return "m-loaded"
    return "m-quote" if answer.finding == "quote" else "m-hedge"


def segments(text: str, answers: Sequence[Answer], key: bool, marked: bool) -> list[Segment]:
    """Cut ``text`` at every answer boundary; overlapping answers simply stack their marks.

    On the student sheet only panels flagged ``marked`` show anything (underlined
    required answers, no numbers); in the key every answer is marked and numbered.
    """
    shown = list(answers) if key else [a for a in answers if marked and a.required]
    cuts = sorted({0, len(text), *(a.start for a in shown), *(a.end for a in shown)})
    result: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [a for a in shown if a.start <= start and end <= a.end]
        if key:
            kinds = {_mark_class(a) for a in covering}
            classes = " ".join(c for c in _MARK_ORDER if c in kinds)
        else:
            classes = "u" if covering else ""
        numbers = [i for i, a in enumerate(shown, 1) if a.end == end] if key else []
        result.append(Segment(text[start:end], classes, numbers))
    return [s for s in result if s.text or s.numbers]


def _panel_view(exercise: Exercise, panel: Panel, key: bool) -> PanelView:
    source = panel.excerpt.source
    label = exercise.key_label(source) if key else exercise.student_label(source)
    return PanelView(
        label,
        segments(panel.excerpt.text, panel.answers, key, panel.marked),
        panel.answers,
        any(a.alternative for a in panel.answers),
    )


def heading(exercise: Exercise, key: bool) -> str:
    return f"{'Answer key' if key else 'Worksheet'}: {exercise.title}"


def _outlet_lines(exercise: Exercise) -> list[str]:
    seen: dict[str, str] = {}
    for item in exercise.items:
        for panel in item.panels:
            source = panel.excerpt.source
            seen.setdefault(source.outlet, exercise.key_label(source))
    return list(seen.values())


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("framing.classroom", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["quoted"] = quoted
    env.filters["describe"] = describe
    return env


def _items_view(exercise: Exercise, key: bool) -> list[dict]:
    return [
        {
            "number": item.number,
            "panels": [_panel_view(exercise, p, key) for p in item.panels],
            "questions": item.questions,
            "answer_lines": item.answer_lines,
            "choices": item.choices,
            "correct": item.correct,
            "tally": item.tally,
            "tally_heading": item.tally_heading,
            "key_points": item.key_points,
        }
        for item in exercise.items
    ]


def render_html(exercise: Exercise, key: bool = False) -> str:
    template = _environment().get_template("sheet.html.j2")
    return template.render(
        exercise=exercise,
        key=key,
        heading=heading(exercise, key),
        items=_items_view(exercise, key),
        outlet_lines=_outlet_lines(exercise) if key else [],
    )


# --- PDF ---------------------------------------------------------------------------------

_FONT = "FramingVera"


@lru_cache(maxsize=1)
def _fonts() -> str:
    """Register Bitstream Vera (shipped inside ReportLab) so curly quotes and dashes print on any machine."""
    from reportlab.lib.fonts import addMapping

    for suffix, file in (
        ("", "Vera.ttf"),
        ("-Bold", "VeraBd.ttf"),
        ("-Italic", "VeraIt.ttf"),
        ("-BoldItalic", "VeraBI.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(_FONT + suffix, file))
    addMapping(_FONT, 0, 0, _FONT)
    addMapping(_FONT, 1, 0, _FONT + "-Bold")
    addMapping(_FONT, 0, 1, _FONT + "-Italic")
    addMapping(_FONT, 1, 1, _FONT + "-BoldItalic")
    return _FONT


def _styles() -> dict[str, ParagraphStyle]:
    font = _fonts()
    base = ParagraphStyle("base", fontName=font, fontSize=10, leading=14, alignment=TA_LEFT)
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontName=font + "-Bold", fontSize=16, leading=20, spaceAfter=4),
        "meta": ParagraphStyle("meta", parent=base, fontSize=8.5, leading=11, textColor=colors.HexColor("#444444")),
        "instructions": ParagraphStyle("instructions", parent=base, fontName=font + "-Italic", spaceAfter=6),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=font + "-Bold", fontSize=12, leading=15, spaceBefore=10, keepWithNext=1
        ),
        "point": ParagraphStyle("point", parent=base, spaceBefore=4),
        "source": ParagraphStyle("source", parent=base, fontName=font + "-Bold", fontSize=8.5, leading=11),
        "excerpt": ParagraphStyle(
            "excerpt",
            parent=base,
            leftIndent=6,
            borderPadding=(4, 4, 4, 6),
            borderColor=colors.HexColor("#bbbbbb"),
            borderWidth=0,
            backColor=colors.HexColor("#f6f6f6"),
            spaceBefore=4,
            spaceAfter=8,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "question": ParagraphStyle("question", parent=base, spaceBefore=4),
    }


_PDF_MARKS = {
    "m-loaded": ('<font backColor="#ffe98a">', "</font>"),
    "m-quote": ('<u color="#2a62b8">', "</u>"),
    "m-hedge": ("<i>", "</i>"),
    "u": ("<u>", "</u>"),
}


def _para_text(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _excerpt_markup(view: PanelView) -> str:
    parts = []
    for seg in view.segments:
        body = _para_text(seg.text)
        for cls in reversed(seg.classes.split()):
            open_tag, close_tag = _PDF_MARKS[cls]
            body = f"{open_tag}{body}{close_tag}"
        parts.append(body + "".join(f'<super><font color="#aa3333" size="6">{n}</font></super>' for n in seg.numbers))
    return "".join(parts)


def _lines(count: int, width: float) -> Table:
    table = Table([[""] for _ in range(count)], colWidths=[width], rowHeights=[7 * mm] * count)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777"))]))
    return table


def _grid(rows: list[list], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), _FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")))
    table.setStyle(TableStyle(style))
    return table


def _panel_flowables(view: PanelView, key: bool, styles: dict, width: float) -> list:
    flow: list = [
        Paragraph(_para_text(view.label), styles["source"]),
        Paragraph(_excerpt_markup(view), styles["excerpt"]),
    ]
    if key and view.answers:
        cell = styles["cell"]
        header = ["#", "Words", "Finding", "Why"] + (["Neutral alternative"] if view.has_alternatives else [])
        rows = [[Paragraph(h, cell) for h in header]]
        for i, a in enumerate(view.answers, 1):
            row = [str(i), quoted(a.text), describe(a), a.note] + ([a.alternative] if view.has_alternatives else [])
            rows.append([Paragraph(_para_text(c), cell) for c in row])
        fractions = [0.05, 0.22, 0.18, 0.55] if not view.has_alternatives else [0.05, 0.18, 0.15, 0.40, 0.22]
        flow.append(_grid(rows, [width * f for f in fractions]))
    elif key:
        flow.append(Paragraph("The tool found nothing to mark in this excerpt.", styles["cell"]))
    return flow


def _item_flowables(item: dict, key: bool, styles: dict, width: float) -> list:
    flow: list = [Paragraph(f"Item {item['number']}", styles["h2"])]
    panels = item["panels"]
    if len(panels) == 2 and not key:
        column = (width - 6 * mm) / 2
        cells = [_panel_flowables(v, key, styles, column) for v in panels]
        table = Table([cells], colWidths=[column, column], spaceAfter=4)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        flow.append(table)
    else:
        for view in panels:
            flow.extend(_panel_flowables(view, key, styles, width))
    if key:
        for point in item["key_points"]:
            flow.append(Paragraph(_para_text(point), styles["point"]))
        if item["correct"]:
            flow.append(Paragraph("<b>Answer:</b> " + _para_text(" + ".join(item["correct"])), styles["point"]))
        if item["tally"]:
            rows = [[item["tally_heading"], "Quoted or cited"]] + [[side, str(n)] for side, n in item["tally"].items()]
            flow.append(_grid(rows, [60 * mm, 35 * mm]))
        return flow
    if item["choices"]:
        boxes = "    ".join(f"[   ] {escape(c)}" for c in item["choices"])
        flow.append(Paragraph(boxes.replace("    ", "&nbsp;&nbsp;&nbsp;&nbsp;"), styles["base"]))
    if item["tally"]:
        rows = [[item["tally_heading"], "Tally", "Total"]] + [[side, "", ""] for side in item["tally"]]
        flow.append(_grid(rows, [50 * mm, 60 * mm, 25 * mm]))
    for letter, question in zip("abcdefghij", item["questions"], strict=False):
        flow.append(Paragraph(f"{letter}) {_para_text(question)}", styles["question"]))
        flow.append(_lines(item["answer_lines"], width))
    return flow


def render_pdf(exercise: Exercise, key: bool = False) -> bytes:
    """A printable PDF with real (selectable) text, a title and page numbers; byte-identical for a seed."""
    styles = _styles()
    buffer = io.BytesIO()
    title = heading(exercise, key)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="framing",
        subject=f"Media-literacy exercise, level {exercise.level}, seed {exercise.seed}",
        creator="framing",
        invariant=True,
    )
    width = doc.width
    flow: list = [
        Paragraph(_para_text(title), styles["title"]),
        Paragraph(f"Level: {exercise.level} · {len(exercise.items)} items", styles["meta"]),
        Spacer(1, 4 * mm),
    ]
    if key:
        flow.append(Paragraph(_para_text("Answer key for the teacher. " + exercise.method), styles["instructions"]))
        if exercise.hide_outlets:
            flow.append(Paragraph("<b>Outlets hidden on the worksheet:</b>", styles["base"]))
            flow.extend(Paragraph(_para_text("• " + line), styles["base"]) for line in _outlet_lines(exercise))
        flow.append(
            Paragraph(
                'Marks: <font backColor="#ffe98a">loaded term</font> · <u color="#2a62b8">quotation or reported '
                "speech</u> · <i>hedge or attribution</i>. The tool's findings are a starting point for discussion, "
                "not a verdict.",
                styles["meta"],
            )
        )
    else:
        flow.append(_grid([["Name:", "Date:"]], [width * 0.6, width * 0.4], header=False))
        flow.append(Spacer(1, 3 * mm))
        flow.append(Paragraph(_para_text(exercise.instructions), styles["instructions"]))
    for item in _items_view(exercise, key):
        parts = _item_flowables(item, key, styles, width)
        # A worksheet item stays on one page; a long key item keeps at least its heading with its excerpt.
        flow.extend([KeepTogether(parts)] if not key else [KeepTogether(parts[:3]), *parts[3:]])
    footer = f"framing · {exercise.title} · level {exercise.level} · seed {exercise.seed}" + (
        " · answer key" if key else ""
    )

    def number_pages(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(_FONT, 8)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawString(16 * mm, 10 * mm, footer)
        canvas.drawRightString(A4[0] - 16 * mm, 10 * mm, f"Page {document.page}")
        canvas.restoreState()

    doc.build(flow, onFirstPage=number_pages, onLaterPages=number_pages)
    return buffer.getvalue()


def file_names(kind: str, fmt: str) -> tuple[str, str]:
    """Neutral names (never an outlet's): ``worksheet-spot.html`` and ``key-spot.html``."""
    return f"worksheet-{kind}.{fmt}", f"key-{kind}.{fmt}"


def exercise_files(exercise: Exercise, formats: Sequence[str] = FORMATS) -> dict[str, str | bytes]:
    """The worksheet and the answer key in each format, rendered in memory, by file name."""
    files: dict[str, str | bytes] = {}
    for fmt in formats:
        sheet_name, key_name = file_names(exercise.kind, fmt)
        for name, key in ((sheet_name, False), (key_name, True)):
            files[name] = render_html(exercise, key) if fmt == "html" else render_pdf(exercise, key)
    return files


def family(kinds: Sequence[str], formats: Sequence[str] = FORMATS) -> list[str]:
    """Every file name the exercises of ``kinds`` can have: one run's set replaces these."""
    return [name for kind in kinds for fmt in formats for name in file_names(kind, fmt)]


def write_exercise(exercise: Exercise, out_dir: Path, formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write the worksheet and the answer key in each format, all or none; returns the paths written."""
    return write_set(Path(out_dir), exercise_files(exercise, formats)).written


__all__ = [
    "FORMATS",
    "Item",
    "exercise_files",
    "family",
    "file_names",
    "render_html",
    "render_pdf",
    "segments",
    "write_exercise",
]
