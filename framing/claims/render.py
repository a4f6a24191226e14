"""`framing claims` output: a Rich view for the terminal, JSON and CSV.

All three are built from the same :class:`~framing.claims.omissions.OmissionMap` and
:class:`~framing.claims.view.SameFact` objects. In the terminal, findings are styled as
in `framing inspect` and also listed in words under each sentence, so the view still
reads when saved to a plain text file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from framing.claims.align import COMPLETE_LINK_THRESHOLD, LINK_THRESHOLD, REWORD_THRESHOLD
from framing.claims.content import MIN_SHARED_CONTENT
from framing.claims.omissions import OmissionMap, OmissionRow
from framing.claims.similarity import WORD_WEIGHT
from framing.claims.view import METHOD_NOTE, AlignedSentence, SameFact
from framing.output import csv_rows
from framing.render.terminal import STYLE_HEDGE, STYLE_LOADED, STYLE_SCARE, clean_display, plain, visible

LABEL_WIDTH = 100
TERMINAL_STATUS = {"reported": "yes", "reworded": "reworded", "later": "later", "missing": "MISSING", "absent": "·"}
EXCLUSIVES_SHOWN_TERMINAL = 5  # the rest are in -f json / -f csv --min-outlets 1
STYLES = {"loaded": STYLE_LOADED, "hedge": STYLE_HEDGE, "attribution": STYLE_HEDGE, "scare_quote": STYLE_SCARE}


def _short(text: str, width: int = LABEL_WIDTH) -> str:
    text = " ".join(clean_display(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def settings(omap: OmissionMap, min_outlets: int) -> dict:
    return {
        "link_threshold": LINK_THRESHOLD,
        "reword_threshold": REWORD_THRESHOLD,
        "min_shared_content": MIN_SHARED_CONTENT,
        "complete_link_threshold": COMPLETE_LINK_THRESHOLD,
        "word_weight": WORD_WEIGHT,
        "notable_omission_min_outlets": omap.threshold,
        "min_outlets": min_outlets,
    }


def _group_record(row: OmissionRow, detail: dict[int, SameFact]) -> dict:
    record = {
        "number": row.number,
        "label": row.label,
        "label_outlet": row.group.label.outlet,
        "n_outlets": row.n_outlets,
        "outlets": list(row.carried),
        "reworded": list(row.reworded),
        "later": list(row.later),
        "missing": list(row.missing),
        "notable": row.notable,
        "first_date": row.first_date,
        "cohesion": row.group.cohesion,
    }
    if row.number in detail:
        record["sentences"] = [s.to_dict() for s in detail[row.number].sentences]
    else:
        record["sentences"] = [
            {
                "outlet": u.outlet,
                "article_id": u.article_id,
                "sentence": u.sentence,
                "start": u.start,
                "end": u.end,
                "text": u.text,
            }
            for u in (*row.group.units, *row.group.reworded)
        ]
    return record


def to_json(omap: OmissionMap, same: Sequence[SameFact], min_outlets: int) -> str:
    """Groups carried by at least `min_outlets` outlets, each outlet's omissions and exclusives (by group number)."""
    detail = {s.number: s for s in same}
    data = {
        "settings": settings(omap, min_outlets),
        "outlets": omap.outlets,
        "groups": [_group_record(r, detail) for r in omap.rows if r.n_outlets >= min_outlets],
        "notable_omissions": {o: [r.number for r in rows] for o, rows in omap.omissions.items()},
        "exclusives": {
            o: [{"number": r.number, "text": r.label, "salience": r.salience} for r in rows]
            for o, rows in omap.exclusives.items()
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_csv(omap: OmissionMap, min_outlets: int) -> str:
    """One row per claim group: reported (1, in close or in other words) or not (0) by each outlet.

    ``reworded`` and ``later`` list (";"-separated) the outlets reporting it in other words and
    those whose articles all predate it."""
    header = ["number", "n_outlets", "label", "label_outlet", "notable", "reworded", "later", *omap.outlets]
    rows: list[list] = [header]
    for r in omap.rows:
        if r.n_outlets >= min_outlets:
            cells = [int(o in r.carried or o in r.reworded) for o in omap.outlets]
            extra = [";".join(r.reworded), ";".join(r.later)]
            rows.append([r.number, r.n_outlets, r.label, r.group.label.outlet, int(r.notable), *extra, *cells])
    return csv_rows(rows)


def omission_table(omap: OmissionMap, min_outlets: int) -> Table:
    table = Table(title=f"Claims reported by at least {min_outlets} outlet(s)", header_style="bold", show_lines=False)
    table.add_column("#", justify="right")
    table.add_column("claim (most central sentence)", overflow="fold", max_width=LABEL_WIDTH)
    table.add_column("outlets", justify="right")
    for outlet in omap.outlets:
        table.add_column(plain(outlet), justify="center")
    for r in omap.rows:
        if r.n_outlets < min_outlets:
            continue
        marks = [TERMINAL_STATUS[r.status(o)] for o in omap.outlets]
        table.add_row(str(r.number), plain(_short(r.label)), str(r.n_outlets), *marks)
    return table


def _legend() -> Text:
    text = Text("Legend: ")
    text.append("loaded term", STYLE_LOADED).append("  ")
    text.append("hedge / attribution verb", STYLE_HEDGE).append("  ")
    return text.append("scare quote", STYLE_SCARE)


def sentence_text(sentence: AlignedSentence) -> Text:
    text = Text(visible(" ".join(sentence.text.split("\n"))))  # a Text is never read as markup
    for f in sentence.findings:
        text.stylize(STYLES[f.kind], f.start, f.end)
    return text


def _findings_line(sentence: AlignedSentence) -> Text:
    if not sentence.findings:
        return Text("  no loaded terms, hedges or attributions", style="dim")
    parts = [f"{f.kind} “{f.text}” ({f.detail})" for f in sentence.findings]
    return plain("  " + "; ".join(parts), style="dim")


def same_fact_panel(item: SameFact) -> Panel:
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column("outlet", style="bold", no_wrap=True)
    table.add_column("sentence", overflow="fold")
    for s in item.sentences:
        who = f"{s.outlet} (in other words)" if s.reworded else s.outlet
        table.add_row(plain(who), Group(sentence_text(s), _findings_line(s)))
    title = plain(f"#{item.number} {_short(item.label, 70)}")
    return Panel(
        table, title=title, title_align="left", subtitle=f"{len(item.outlets)} outlets, similarity {item.cohesion:.2f}"
    )


def _listing(title: str, by_outlet: dict[str, list[OmissionRow]], empty: str, cap: int | None = None) -> Group:
    lines: list[Text] = [Text(title, style="bold")]
    for outlet, rows in by_outlet.items():
        lines.append(plain(f"{outlet} ({len(rows)})", style="bold"))
        if not rows:
            lines.append(Text(f"  {empty}", style="dim"))
        for r in rows[:cap]:
            lines.append(plain(f"  #{r.number} {_short(r.label)}"))
        if cap is not None and len(rows) > cap:
            lines.append(Text(f"  ... and {len(rows) - cap} more (all in -f json)", style="dim"))
    return Group(*lines)


def rich_view(heading: str, omap: OmissionMap, same: Sequence[SameFact], min_outlets: int) -> Group:
    parts: list[RenderableType] = [
        plain(heading, style="bold"),
        Text(METHOD_NOTE, style="dim"),
        omission_table(omap, min_outlets),
        _listing(
            f"Notable omissions (a claim at least {omap.threshold} outlets report, missing from this one)",
            omap.omissions,
            "none",
        ),
        _listing(
            "Exclusives (claims only this outlet reports), most prominent first",
            omap.exclusives,
            "none",
            EXCLUSIVES_SHOWN_TERMINAL,
        ),
        Text("Same fact, different words", style="bold"),
        _legend(),
        *[same_fact_panel(item) for item in same if len(item.outlets) >= min_outlets],
    ]
    return Group(*parts)
