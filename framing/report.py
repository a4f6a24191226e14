"""`framing report`: analyse a corpus and write the HTML and/or PDF report.

Each document is rendered in memory first and only then written, all together, so a
failure part-way never leaves a half-written report at the target path. The formats
are made one after the other: if the PDF fails, the HTML is still written, and the
error names the failed format. The files a run writes replace the earlier run's set
(see :func:`framing.output.write_set`), so a folder never mixes two runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from framing.errors import DataError, UsageError
from framing.extract.features import ArticleFeatures
from framing.ingest.corpus import outlets
from framing.output import write_set

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
    source: Sequence[ArticleFeatures] | Path,
    out_dir: Path,
    fmt: str = "both",
    pairs: Sequence[str] = (),
    seed: int = 0,
    step: Callable[[str], None] = lambda _: None,
    notice: Callable[[str], None] = lambda _: None,
    profiles=None,
    min_confidence: float | None = None,
) -> list[Path]:
    """Write the report of ``source``: features, or the path of a feature store, whose report is built
    from the store's aggregates and decodes only the articles it shows (framing/store/analysis.py;
    ``min_confidence`` at most the default there). ``profiles``: of the features, when already computed."""
    from framing.render.html import render_html
    from framing.render.model import build_model
    from framing.render.pdf import render_pdf

    if fmt not in FORMATS:
        raise UsageError("--format", f"unknown format '{fmt}' (choose html, pdf or both)")
    step("scoring outlets")
    if isinstance(source, Path):
        from framing.store.analysis import store_analysis, store_outlets

        chosen = [parse_pair(p, list(store_outlets(source))) for p in pairs]
        analysis = store_analysis(source, chosen, seed=seed, min_confidence=min_confidence)
    else:
        from framing.analysis import corpus_analysis

        chosen = [parse_pair(p, list(outlets(list(source)))) for p in pairs]
        analysis = corpus_analysis(source, chosen, seed=seed, profiles=profiles)
    model = build_model(analysis)
    renderers: list[tuple[str, str, Callable[[], bytes]]] = []
    if fmt in ("html", "both"):
        renderers.append(("HTML", HTML_NAME, lambda: render_html(model).encode("utf-8")))
    if fmt in ("pdf", "both"):
        renderers.append(("PDF", PDF_NAME, lambda: render_pdf(model)))
    files: dict[str, bytes] = {}
    failed: list[tuple[str, str, Exception]] = []
    for name, file_name, render in renderers:  # each format on its own: a failed PDF still leaves the HTML
        step(f"laying out the {name} report" if name == "PDF" else f"drawing the {name} report")
        try:
            files[file_name] = render()
        except Exception as exc:  # noqa: BLE001 - reported below in one line, with what was written
            failed.append((name, file_name, exc))
    step("writing files")
    # One run's files replace the earlier run's set: a failed or unrequested format's old file
    # is removed, so index.html and report.pdf in one folder always come from the same run.
    result = write_set(out_dir, files, family=(HTML_NAME, PDF_NAME))
    removed = f"; removed the earlier run's {', '.join(p.name for p in result.removed)}" if result.removed else ""
    if failed:
        name, file_name, error = failed[0]
        detail = " ".join(f"{error.__class__.__name__}: {error}".split())
        if len(detail) > MAX_DETAIL:
            detail = detail[: MAX_DETAIL - 1] + "…"
        done = f"; wrote {', '.join(str(p) for p in result.written)}" if result.written else ""
        raise DataError(out_dir / file_name, f"the {name} report could not be made ({detail}){done}{removed}")
    for path in result.removed:
        notice(f"removed {path} from an earlier run, so the folder holds one run's report")
    return result.written
