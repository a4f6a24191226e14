"""The PDF report, laid out with ReportLab.

ReportLab installs from PyPI as a wheel with no system libraries (WeasyPrint needs
Pango, a headless browser needs a browser), so `pip install` alone gives a working
PDF on a fresh machine. Text stays real, selectable text; charts are embedded as
PNG at print resolution; the contents page and the page numbers are built in two
passes (`multiBuild`). Loaded terms carry footnote numbers whose notes follow the article.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

import matplotlib
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from framing.render.charts import to_png
from framing.render.highlight import CLASS_ATTRIBUTION, CLASS_HEDGE, CLASS_LOADED, CLASS_MODEL, CLASS_QUOTE, CLASS_SCARE
from framing.render.model import ChartSpec, ReportModel

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
LOADED = "#d55e00"
HEDGE = "#0072b2"
QUOTE_BG = "#dcefe8"
SCARE_BG = "#f3dcea"


def _register_fonts() -> tuple[str, str]:
    """DejaVu Sans from matplotlib's own data folder: Unicode coverage with no system fonts."""
    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    try:
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(fonts / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(fonts / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily(
            "DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold", italic="DejaVuSans", boldItalic="DejaVuSans-Bold"
        )
        return "DejaVuSans", "DejaVuSans-Bold"
    except Exception:  # pragma: no cover - matplotlib always ships these fonts
        return "Helvetica", "Helvetica-Bold"


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = _register_fonts()
    base = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=base["BodyText"], fontName=regular, fontSize=9.5, leading=13.5, alignment=TA_LEFT
    )
    return {
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=22, leading=27, spaceAfter=6),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, textColor=colors.HexColor("#5f6368"), fontSize=11, leading=15
        ),
        # keepWithNext: a heading moves to the next page with what follows it, never left alone at a page foot
        "h1": ParagraphStyle(
            "h1", parent=body, fontName=bold, fontSize=16, leading=20, spaceBefore=6, spaceAfter=8, keepWithNext=1
        ),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=bold, fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=5, keepWithNext=1
        ),
        "h3": ParagraphStyle(
            "h3", parent=body, fontName=bold, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3, keepWithNext=1
        ),
        # not kept with the contents list: that would move the whole list off the title page; it splits by line,
        # so the heading is never alone
        "contents": ParagraphStyle(
            "contents", parent=body, fontName=bold, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3
        ),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, textColor=colors.HexColor("#5f6368")),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
        "none": ParagraphStyle("none", parent=body, textColor=colors.HexColor("#5f6368"), fontName=regular),
        "toc1": ParagraphStyle("toc1", parent=body, fontSize=10.5, leading=15, leftIndent=0),
        "toc2": ParagraphStyle("toc2", parent=body, fontSize=9, leading=12, leftIndent=14),
    }


class _ReportDoc(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, model: ReportModel) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=model.title,
            author=f"framing {model.version}",
            subject="Framing analysis of news coverage",
        )
        frame = Frame(MARGIN, MARGIN, TEXT_WIDTH, PAGE_HEIGHT - 2 * MARGIN, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._footer)])
        self._report_title = model.title

    def _footer(self, canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("DejaVuSans" if "DejaVuSans" in pdfmetrics.getRegisteredFontNames() else "Helvetica", 8)
        canvas.setFillColor(colors.HexColor("#5f6368"))
        canvas.drawString(MARGIN, 10 * mm, self._report_title)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, 10 * mm, f"page {doc.page}")
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Paragraph) and flowable.style.name in ("h1", "h2"):
            level = 0 if flowable.style.name == "h1" else 1
            text = flowable.getPlainText().removeprefix("■ ")  # an outlet heading's colour chip
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
            self.notify("TOCEntry", (level, escape(text), self.page, key))  # the TOC re-parses markup


CLAIM_MIN_WIDTH = 60 * mm  # the claim column keeps at least this width; more outlets go to another table
CHART_DPI = 160
CHART_GROW = 1.15
CHART_PAGE = 0.72  # the actor chart is tall: shrunk to half a page its labels would print at 6 pt
PDF_EXCLUSIVES = 8  # exclusives listed per outlet in the PDF, most prominent first (the HTML lists them all)
REWORDED_NOTE = " (in other words)"  # after the outlet of a sentence reporting the fact in other words
PDF_STATUS = {"reported": "✓", "reworded": "other words", "later": "later", "missing": "missing"}


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _kept(paragraph: Paragraph) -> Paragraph:
    """A line under a heading (an article's outlet and date, a comparison's note) that stays with what follows,
    so the heading it belongs to is not stranded with it at a page foot."""
    paragraph.keepWithNext = 1
    return paragraph


def _chip(colour: str) -> str:
    return f'<font color="{colour}">■</font> ' if colour else ""


def _outlet_colours(model: ReportModel, styles) -> list[Flowable]:
    """The outlet colours of every chart, once, above the charts (the HTML shows the same chips)."""
    if not model.colours:
        return []
    chips = "   ".join(f"{_chip(o.colour)}{escape(o.name)} ({escape(o.slug)})" for o in model.outlets)
    return [Paragraph(f"<b>Outlet colours in every chart:</b> {chips}", styles["body"]), Spacer(1, 6)]


def _folded(rows, what: str, styles) -> list[Flowable]:
    """One line for the score rows folded away (the HTML keeps them in a collapsed list)."""
    if not rows:
        return []
    labels = "; ".join(r.label if hasattr(r, "label") else r["label"] for r in rows)
    return [_p(f"{len(rows)} rows zero for {what}, not shown: {labels}.", styles["small"])]


def _actor_table(outlet, styles) -> list[Flowable]:
    story: list[Flowable] = [_p("Actors named (found without a story lexicon)", styles["h3"])]
    if not outlet.actors:
        return [*story, _p("No actors found.", styles["none"])]
    rows = [
        [a["actor"], a["kind"], str(a["mentions"]), a["sentiment"], a["interval"], "too few" if a["flag"] else ""]
        for a in outlet.actors
    ]
    header = ["actor", "kind", "mentions", "sentiment toward it", "95% interval", ""]
    widths = [52 * mm, 26 * mm, 18 * mm, 26 * mm, 32 * mm, TEXT_WIDTH - 154 * mm]
    return [*story, _table(header, rows, styles, widths)]


def _table(header: list[str], rows: list[list[str]], styles, widths: list[float] | None = None) -> Table:
    data = [[Paragraph(f"<b>{escape(h)}</b>", styles["cell"]) for h in header]]
    data += [[Paragraph(escape(str(c)), styles["cell"]) for c in row] for row in rows]
    if widths is None:  # Paragraph cells need set widths; shared out, every table fits the page
        widths = [TEXT_WIDTH / len(header)] * len(header)
    elif sum(widths) > TEXT_WIDTH:
        widths = [w * TEXT_WIDTH / sum(widths) for w in widths]
    # splitInRow: a cell taller than a page (a long lexicon explanation) flows on to the next page
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f0f0f3")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#d0d0d6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _chart(chart: ChartSpec, styles) -> list[Flowable]:
    figure = chart.make()
    if figure is None:
        return [_p(f"{chart.title}: none found.", styles["none"]), Spacer(1, 6)]
    png = to_png(figure, dpi=CHART_DPI)
    image = Image(io.BytesIO(png))
    # printed at most CHART_GROW times the figure's drawn size (its 9.5 pt labels then print at about 11 pt,
    # beside 9.5 pt body text), never wider than the text, never taller than CHART_PAGE of a page
    natural = 72 / CHART_DPI
    scale = min(natural * CHART_GROW, TEXT_WIDTH / image.imageWidth, PAGE_HEIGHT * CHART_PAGE / image.imageHeight)
    image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
    return [KeepTogether([image, _p(chart.caption, styles["small"])]), Spacer(1, 8)]


def _marked(text: str, classes: tuple[str, ...], footnote: int | None) -> str:
    out = escape(text)
    if CLASS_LOADED in classes and CLASS_MODEL in classes:  # the model's finds: italic, not bold
        out = f'<font color="{LOADED}"><i><u>{out}</u></i></font>'
    elif CLASS_LOADED in classes:
        out = f'<font color="{LOADED}"><b><u>{out}</u></b></font>'
    elif CLASS_HEDGE in classes or CLASS_ATTRIBUTION in classes:
        out = f'<font color="{HEDGE}"><u>{out}</u></font>'
    if CLASS_SCARE in classes:
        out = f'<font backColor="{SCARE_BG}">{out}</font>'
    elif CLASS_QUOTE in classes:
        out = f'<font backColor="{QUOTE_BG}">{out}</font>'
    if footnote is not None:
        out += f'<super><font color="{LOADED}" size="6">{footnote}</font></super>'
    return out


def _article(article, styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(escape(article.title or article.id), styles["h2"])]
    meta = f"{article.outlet_name} · {article.date or 'date unknown'} · {article.n_words} words"
    story.append(_kept(_p(meta, styles["small"])))
    paragraph: list[str] = []
    for piece in article.segments + [{"paragraph_break": True}]:
        if piece["paragraph_break"]:
            if paragraph:
                story.append(Paragraph("".join(paragraph), styles["body"]))
                paragraph = []
        else:
            paragraph.append(_marked(piece["text"], tuple(piece["classes"]), piece["footnote"]))
    if article.footnotes:
        story.append(_p("Loaded terms in this article", styles["h3"]))
        for note in article.footnotes:
            story.append(
                Paragraph(
                    f"<b>{note.number}. {escape(note.term)}</b> — {escape(note.category)}, {escape(note.perspective)}. "
                    f"{escape(note.explanation)} <i>Neutral:</i> {escape(note.neutral)}.",
                    styles["small"],
                )
            )
    else:
        story.append(_p("No loaded terms found in this article.", styles["none"]))
    return story


def _claims(claims, styles) -> list[Flowable]:
    """The omission table, omissions and exclusives per outlet, and same-fact sentences (framing.claims.view)."""
    story: list[Flowable] = [_p(claims.note, styles["small"])]
    story.append(_p("Claims reported by two or more outlets", styles["h2"]))
    if claims.rows:
        rows = [
            [str(r["number"]), r["label"]] + [PDF_STATUS.get(status, "·") for status in r["status"]]
            for r in claims.rows
        ]
        side = 19 * mm
        per_table = max(1, int((TEXT_WIDTH - 8 * mm - CLAIM_MIN_WIDTH) // side))
        n = len(claims.outlets)
        for first in range(0, n, per_table):  # many outlets: the columns are split over several tables
            chunk = claims.outlets[first : first + per_table]
            widths = [8 * mm, TEXT_WIDTH - 8 * mm - side * len(chunk)] + [side] * len(chunk)
            part = [row[:2] + row[2 + first : 2 + first + len(chunk)] for row in rows]
            if n > per_table:
                shown = f"outlets {first + 1}-{first + len(chunk)} of {n}"
                story.append(_p(f"Claims reported by two or more outlets ({shown})", styles["small"]))
            story.append(_table(["#", "claim (most central sentence)", *chunk], part, styles, widths))
    else:
        story.append(_p("No claim is reported by two or more outlets.", styles["none"]))
    story.append(_p("Notable omissions and exclusives", styles["h2"]))
    for outlet in claims.outlets:
        omitted, only = claims.omissions[outlet], claims.exclusives[outlet]
        story.append(_p(f"{claims.outlet_names[outlet]} ({outlet})", styles["h3"]))
        heading = f"Notable omissions (claims at least {claims.threshold} outlets report): {len(omitted)}"
        story.append(_p(heading, styles["small"]))
        story += [_p(f"– {label}", styles["small"]) for label in omitted]
        shown = only[:PDF_EXCLUSIVES]
        more = f" (the first {len(shown)}; the HTML report lists all)" if len(only) > len(shown) else ""
        story.append(_p(f"Exclusives (claims only this outlet reports): {len(only)}{more}", styles["small"]))
        story += [_p(f"– {label}", styles["small"]) for label in shown]
    story.append(_p("Same fact, different words", styles["h2"]))
    for item in claims.same_fact:
        rows = [
            [
                Paragraph(escape(claims.outlet_names[s.outlet] + REWORDED_NOTE * s.reworded), styles["cell"]),
                Paragraph("".join(_marked(seg.text, seg.classes, None) for seg in s.segments), styles["cell"]),
            ]
            for s in item.sentences
        ]
        table = Table(rows, colWidths=[35 * mm, TEXT_WIDTH - 35 * mm], hAlign="LEFT", splitInRow=1)
        rule = ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#d0d0d6"))
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), rule]))
        story += [_p(f"#{item.number} · {', '.join(item.outlets)}", styles["h3"]), table, Spacer(1, 4)]
    if not claims.same_fact:
        story.append(_p("No claim is reported by two or more outlets.", styles["none"]))
    return story


def _key_findings(model: ReportModel, styles) -> list[Flowable]:
    """The first section: framing.render.findings.FindingsView, as numbered paragraphs (the HTML links them)."""
    story: list[Flowable] = [_p("Key findings", styles["h1"])]
    k = model.key_findings
    if k is None:
        return story + [_p("Fewer than two outlets: no differences to state.", styles["none"]), PageBreak()]
    story += [_p(scope, styles["small"]) for scope in k.scopes]
    story.append(Spacer(1, 4))
    for i, f in enumerate(k.items, 1):
        basis = f"<font size='8' color='#5f6368'>{escape(f.pair)}: {escape(f.basis)}.</font>"
        text = f"<b>{i}.</b> {escape(f.text)}. {basis}"
        story.append(Paragraph(text, styles["body"]))
    if not k.items:
        story.append(_p("No difference between the compared outlets passes the tests.", styles["none"]))
    if k.n_supported > len(k.items):
        story.append(_p(f"The {len(k.items)} strongest of {k.n_supported} supported differences.", styles["small"]))
    if k.unsupported:
        story.append(_p("Differences the numbers do not support", styles["h3"]))
        for f in k.unsupported:
            text = f"– {escape(f.text)}, but {escape(f.basis)}. <font size='8' color='#5f6368'>{escape(f.pair)}.</font>"
            story.append(Paragraph(text, styles["body"]))
    return story + [PageBreak()]


def _sources(model: ReportModel, styles) -> list[Flowable]:
    """Quotations by speaker type per outlet, then each outlet's affiliations (framing.render.findings.SourcesView)."""
    story: list[Flowable] = [_p("Who is quoted: source types and affiliations", styles["h1"])]
    s = model.sources
    if s is None or not s.rows:
        return story + [_p("No quotations found.", styles["none"])]
    note = "Quotations counted by the kind of speaker; a source quoted five times counts five times."
    story.append(_p(note, styles["small"]))
    header = ["outlet", "quotes", *s.keys]  # the short names: seven columns must fit the page
    widths = [28 * mm, 13 * mm] + [(TEXT_WIDTH - 41 * mm) / len(s.keys)] * len(s.keys)
    story.append(_table(header, [[r.name, str(r.total), *r.cells] for r in s.rows], styles, widths))
    for r in s.rows:
        rows = [[a["affiliation"], a["side"], str(a["n"]), str(a["words"])] for a in r.affiliations]
        if rows:
            table = _table(["affiliation (as the text gives it)", "side", "quotations", "quoted words"], rows, styles)
            story.append(KeepTogether([_p(r.name, styles["h3"]), table]))
    return story


def render_pdf(model: ReportModel) -> bytes:
    styles = _styles()
    toc = TableOfContents()
    toc.levelStyles = [styles["toc1"], styles["toc2"]]
    story: list[Flowable] = [
        _p(model.title, styles["title"]),
        _p(model.subtitle, styles["subtitle"]),
        Spacer(1, 10),
        _table(
            ["", ""],
            [[k.replace("_", " "), v] for k, v in model.summary.items()],
            styles,
            [45 * mm, TEXT_WIDTH - 45 * mm],
        ),
        *[_p(limit, styles["body"]) for limit in model.limits],
        Spacer(1, 8),
        Paragraph(
            "<b>Legend.</b> "
            f'<font color="{LOADED}"><b><u>loaded term</u></b></font><super><font size="6">1</font></super> '
            "(numbered note after the article), "
            f'<font color="{HEDGE}"><u>hedge or attribution verb</u></font>, '
            f'<font backColor="{SCARE_BG}">scare quote</font>, '
            f'<font backColor="{QUOTE_BG}">quotation</font>.',
            styles["body"],
        ),
        Spacer(1, 10),
        _p("Contents", styles["contents"]),
        toc,
        PageBreak(),
        *_key_findings(model, styles),
        _p("Overview", styles["h1"]),
        *_outlet_colours(model, styles),
    ]
    for chart in model.charts:
        story += _chart(chart, styles)
    story += [PageBreak(), _p("Outlets", styles["h1"])]
    for outlet in model.outlets:
        story.append(Paragraph(f"{_chip(outlet.colour)}{escape(f'{outlet.name} ({outlet.slug})')}", styles["h2"]))
        rows = [[s.label, s.value, s.interval, s.n, "too few observations" if s.flag else ""] for s in outlet.scores]
        story.append(
            _table(
                ["score", "value", "95% interval", "n", ""],
                rows,
                styles,
                [62 * mm, 20 * mm, 34 * mm, 14 * mm, TEXT_WIDTH - 130 * mm],
            )
        )
        story += _folded(outlet.folded, "every outlet", styles)
        story.append(_p("Top loaded terms", styles["h3"]))
        if outlet.terms:
            rows = [
                [
                    t["text"] + (" (quoted)" if t["quoted"] else ""),
                    str(t["count"]),
                    t["category"],
                    t["neutral"],
                    t["explanation"],
                ]
                for t in outlet.terms
            ]
            story.append(
                _table(
                    ["term", "uses", "category", "neutral", "why it is loaded"],
                    rows,
                    styles,
                    [30 * mm, 11 * mm, 27 * mm, 30 * mm, TEXT_WIDTH - 98 * mm],
                )
            )
        else:
            story.append(_p("No loaded terms found.", styles["none"]))
        story.append(_p("Quoted sources", styles["h3"]))
        if outlet.sources:
            rows = [[s["speaker"], s["side"], str(s["n"]), str(s["words"])] for s in outlet.sources]
            story.append(_table(["speaker", "side", "quotations", "quoted words"], rows, styles))
        else:
            story.append(_p("No quotations found.", styles["none"]))
        story += _actor_table(outlet, styles)
    story += [PageBreak(), *_sources(model, styles)]
    story += [PageBreak(), _p("Comparisons", styles["h1"])]
    if not model.pairs:
        story.append(_p("Fewer than two outlets: nothing to compare.", styles["none"]))
    for pair in model.pairs:
        story.append(_p(f"{pair.label_a} vs {pair.label_b}", styles["h2"]))
        story.append(_kept(_p(pair.note, styles["small"])))
        story += _chart(pair.chart, styles)
        rows = [[r["label"], r["a"], r["b"], r["diff"], r["significant"]] for r in pair.rows]
        story.append(_table(["score", pair.label_a, pair.label_b, "difference", "interval excludes 0?"], rows, styles))
        story += _folded(pair.folded, "both", styles)
        if pair.naming:
            story.append(_p("Same thing, different names", styles["h3"]))
            story.append(
                _table(
                    ["concept", pair.label_a, pair.label_b],
                    [[n["concept"], n["a"], n["b"]] for n in pair.naming],
                    styles,
                )
            )
    if model.claims is not None:
        story += [PageBreak(), _p("What each outlet leaves out", styles["h1"]), *_claims(model.claims, styles)]
    story += [PageBreak(), _p("Articles, highlighted", styles["h1"])]
    for article in model.articles:
        story += _article(article, styles)
    story += [PageBreak(), _p("Methods and limits", styles["h1"])]
    for heading, paragraphs in model.methods:
        story.append(_p(heading, styles["h2"]))
        story += [_p(para, styles["body"]) for para in paragraphs]
    buffer = io.BytesIO()
    _ReportDoc(buffer, model).multiBuild(story)
    return buffer.getvalue()
