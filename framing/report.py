"""`framing report`: analyse a corpus and write the HTML and/or PDF report.

Each document is rendered in memory first and only then written, atomically, so a
failure part-way never leaves a half-written report at the target path. The formats
are made one after the other: if the PDF fails, the HTML is still written, and the
error names the failed format.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from framing.errors import DataError, UsageError
from framing.extract.features import ArticleFeatures
from framing.ingest.corpus import outlets
from framing.output import write_atomic

FORMATS = ("html", "pdf", "both")
HTML_NAME = "index.html"
PDF_NAME = "report.pdf"
MAX_DETAIL = 300  # characters of a renderer's error message kept in the one-line error


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
    profiles=None,
) -> list[Path]:
    from framing.render.html import render_html
    from framing.render.model import build_model
    from framing.render.pdf import render_pdf

    if fmt not in FORMATS:
        raise UsageError("--format", f"unknown format '{fmt}' (choose html, pdf or both)")
    known = list(outlets(list(features)))
    chosen = [parse_pair(p, known) for p in pairs]
    step("scoring outlets")
    model = build_model(features, chosen, seed=seed, profiles=profiles)
    renderers: list[tuple[str, Path, Callable[[], bytes]]] = []
    if fmt in ("html", "both"):
        renderers.append(("HTML", out_dir / HTML_NAME, lambda: render_html(model).encode("utf-8")))
    if fmt in ("pdf", "both"):
        renderers.append(("PDF", out_dir / PDF_NAME, lambda: render_pdf(model)))
    written: list[Path] = []
    failed: list[tuple[str, Path, Exception]] = []
    for name, path, render in renderers:  # each format on its own: a failed PDF still leaves the HTML
        step(f"laying out the {name} report" if name == "PDF" else f"drawing the {name} report")
        try:
            data = render()
        except Exception as exc:  # noqa: BLE001 - reported below in one line, with what was written
            failed.append((name, path, exc))
            continue
        step("writing files")
        written.append(write_atomic(path, data))
    if failed:
        name, path, exc = failed[0]
        detail = " ".join(f"{exc.__class__.__name__}: {exc}".split())
        if len(detail) > MAX_DETAIL:
            detail = detail[: MAX_DETAIL - 1] + "…"
        done = f"; wrote {', '.join(str(p) for p in written)}" if written else ""
        raise DataError(path, f"the {name} report could not be made ({detail}){done}")
    return written
