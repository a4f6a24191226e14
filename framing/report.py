"""`framing report`: analyse a corpus and write the HTML and/or PDF report.

Both documents are rendered in memory first and only then written, each atomically,
so a failure part-way never leaves a half-written report at the target path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from framing.errors import UsageError
from framing.extract.features import ArticleFeatures
from framing.ingest.corpus import outlets
from framing.output import write_atomic

FORMATS = ("html", "pdf", "both")
HTML_NAME = "index.html"
PDF_NAME = "report.pdf"


def parse_pair(text: str, known: Sequence[str]) -> tuple[list[str], list[str]]:
    """'sputnik:nv' or 'sputnik,aggregator:nv' -> (['sputnik', 'aggregator'], ['nv'])."""
    if text.count(":") != 1:
        raise UsageError("--pair", f"'{text}' is not A:B (e.g. sputnik:nv, or sputnik,aggregator:nv)")
    left, right = ([s.strip() for s in side.split(",") if s.strip()] for side in text.split(":"))
    for slug in left + right:
        if slug not in known:
            raise UsageError("--pair", f"unknown outlet '{slug}' (available: {', '.join(sorted(known))})")
    if not left or not right or set(left) & set(right):
        raise UsageError("--pair", f"'{text}' must name two different groups of outlets")
    return left, right


def write_report(
    features: Sequence[ArticleFeatures],
    out_dir: Path,
    fmt: str = "both",
    pairs: Sequence[str] = (),
    seed: int = 0,
    step: Callable[[str], None] = lambda _: None,
) -> list[Path]:
    from framing.render.html import render_html
    from framing.render.model import build_model
    from framing.render.pdf import render_pdf

    if fmt not in FORMATS:
        raise UsageError("--format", f"unknown format '{fmt}' (choose html, pdf or both)")
    known = list(outlets(list(features)))
    chosen = [parse_pair(p, known) for p in pairs]
    step("scoring outlets")
    model = build_model(features, chosen, seed=seed)
    rendered: dict[Path, bytes] = {}
    if fmt in ("html", "both"):
        step("drawing the HTML report")
        rendered[out_dir / HTML_NAME] = render_html(model).encode("utf-8")
    if fmt in ("pdf", "both"):
        step("laying out the PDF report")
        rendered[out_dir / PDF_NAME] = render_pdf(model)
    step("writing files")
    return [write_atomic(path, data) for path, data in rendered.items()]
