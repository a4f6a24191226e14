"""One self-contained HTML file: inline CSS, charts as inline SVG, no network.

The one script is the explorer's (framing.render.explorer): inline code and inline JSON data,
progressive enhancement over a report that reads fully without it.

Every piece of corpus or lexicon text goes through Jinja2's autoescaping; the only
markup inserted unescaped is the SVG that matplotlib writes (it escapes the text it
draws), so a corpus containing `<script>` shows the tag as text.
"""

from __future__ import annotations

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


def _svg(chart: ChartSpec) -> Markup | None:
    figure = chart.make()
    return Markup(to_svg(figure)) if figure is not None else None


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
        "explorer": model.explorer,
    }
    return _environment().get_template("report.html.j2").render(model=view)
