"""One self-contained HTML file: inline CSS, charts as inline SVG, no network.

The one script is the explorer's (framing.render.explorer): inline code and inline JSON data,
progressive enhancement over a report that reads fully without it.

Every piece of corpus or lexicon text goes through Jinja2's autoescaping; the only
markup inserted unescaped is the SVG that matplotlib writes (it escapes the text it
draws), so a corpus containing `<script>` shows the tag as text.
"""

from __future__ import annotations

import re
from dataclasses import asdict

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from framing.render.charts import to_svg
from framing.render.model import ChartSpec, ReportModel


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("framing.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=False,
    )


GROW = 1.25  # a chart may grow to this much of its drawn size on a wide screen, and shrinks to fit a narrow one


def responsive(svg: str) -> str:
    """Let the chart shrink with the page (CSS max-width) but grow only to GROW times its drawn size:
    stretched to a 60rem column, a 5-inch figure's 10 pt labels would render at 25 px."""
    match = re.search(r'<svg\b[^>]*?\swidth="([\d.]+)pt"', svg)
    if not match:
        return svg
    return svg.replace("<svg ", f'<svg style="width:{float(match.group(1)) * GROW:.1f}pt" ', 1)


def _svg(chart: ChartSpec) -> Markup | None:
    figure = chart.make()
    return Markup(responsive(to_svg(figure))) if figure is not None else None


def render_html(model: ReportModel) -> str:
    charts = [{"key": c.key, "title": c.title, "caption": c.caption, "svg": _svg(c)} for c in model.charts]
    pairs = [dict(asdict(p) | {"svg": _svg(p.chart)}) for p in model.pairs]
    view = {
        "title": model.title,
        "subtitle": model.subtitle,
        "generated": model.generated,
        "version": model.version,
        "summary": model.summary,
        "charts": charts,
        "outlets": model.outlets,
        "pairs": pairs,
        "articles": model.articles,
        "methods": model.methods,
        "claims": model.claims,
        "limits": model.limits,
        "colours": model.colours,
        "key_findings": model.key_findings,
        "sources": model.sources,
        "explorer": model.explorer,
    }
    return _environment().get_template("report.html.j2").render(model=view)
