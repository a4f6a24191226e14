"""Everything a report shows, laid out from one corpus analysis (framing.analysis).

The HTML and PDF renderers only lay this model out; neither recomputes a feature or a
score, so the two formats always show the same numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.figure import Figure

from framing import __version__, score
from framing.analysis import (  # noqa: F401 - MAX_* and spread_sample: the report's limits, read here too
    MAX_CLAIM_ARTICLES,
    MAX_SHOWN_ARTICLES,
    CorpusAnalysis,
    Pair,
    corpus_analysis,
    spread_sample,
)
from framing.extract.features import ArticleFeatures
from framing.render import charts
from framing.render.explorer import ExplorerData, explorer_data
from framing.render.highlight import Footnote, marks_for, segments
from framing.render.methods import METHODS
from framing.render.palette import group_colour, outlet_colours

if TYPE_CHECKING:
    from framing.claims.view import ClaimsView
    from framing.render.findings import FindingsView, SourcesView
    from framing.score.compare import Comparison
    from framing.score.key_findings import KeyFindings

MAX_ARTICLE_CHARS = 30_000  # per article in the report; a report is read by people, `inspect` shows all


@dataclass
class ChartSpec:
    key: str
    title: str
    caption: str
    make: Callable[[], Figure | None]  # drawn anew for each format (SVG for HTML, PNG for PDF)


@dataclass
class ScoreRow:
    label: str
    value: str
    interval: str
    n: str
    flag: bool


@dataclass
class OutletView:
    slug: str
    name: str
    anchor: str
    scores: list[ScoreRow]
    terms: list[dict]
    sources: list[dict]
    actors: list[dict] = field(default_factory=list)  # discovered actors (framing.score.actor_table)
    colour: str = ""  # the outlet's colour in every chart and legend (framing.render.palette)
    folded: list[ScoreRow] = field(default_factory=list)  # rows zero for every outlet, folded away


@dataclass
class PairView:
    a: list[str]
    b: list[str]
    label_a: str
    label_b: str
    anchor: str
    note: str
    min_z: float
    chart: ChartSpec
    rows: list[dict]
    naming: list[dict]
    folded: list[dict] = field(default_factory=list)  # score rows zero for both sides, folded away
    findings: KeyFindings | None = None  # framing.score.key_findings of this comparison


@dataclass
class ArticleView:
    id: str
    anchor: str
    outlet: str
    outlet_name: str
    title: str
    date: str
    url: str
    n_words: int
    segments: list[dict]
    footnotes: list[Footnote]


@dataclass
class ReportModel:
    title: str
    subtitle: str
    generated: str
    version: str
    summary: dict[str, str]
    charts: list[ChartSpec]
    outlets: list[OutletView]
    pairs: list[PairView]
    articles: list[ArticleView]
    methods: list[tuple[str, list[str]]] = field(default_factory=lambda: METHODS)
    claims: ClaimsView | None = None  # "What each outlet leaves out" (framing.claims); None with one outlet
    limits: list[str] = field(default_factory=list)  # what this report shows of a large corpus, said in plain words
    colours: dict[str, str] = field(default_factory=dict)  # outlet slug -> colour, assigned once per report
    key_findings: FindingsView | None = None  # the first section (framing.render.findings); None with one outlet
    sources: SourcesView | None = None  # quotations by speaker type and affiliation, per outlet
    explorer: ExplorerData | None = None  # data and code of the HTML report's explorer (framing.render.explorer)


def anchor(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def safe_url(url: str) -> str:
    """Only http(s) addresses become links: a javascript: or data: URL is never linked."""
    return url if re.match(r"^https?://[^\s\"'<>]+$", url or "", re.IGNORECASE) else ""


def _fmt(value: object, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


# Per-outlet tables show these scores; categories and actors are in the overview charts.
OUTLET_SCORE_PREFIXES = (
    "loaded_per_1k",
    "loaded_own_per_1k",
    "loaded_persp_",
    "hedges_per_1k",
    "scare_quotes_per_1k",
    "attribution_per_1k",
    "attr_share_",
    "quotes_per_1k",
    "quote_share_",
    "balance_index",
    "sentiment",
)


def _score_columns(profiles: pd.DataFrame) -> list[str]:
    return [c for c in profiles.columns if f"{c}_lo" in profiles.columns and c.startswith(OUTLET_SCORE_PREFIXES)]


def zero_columns(profiles: pd.DataFrame) -> set[str]:
    """Score columns that are zero (or missing) for every outlet: on a story other than the one a
    lexicon was written for, most perspective and side rows are, and 22 rows of zeros bury the few
    that differ. They are folded away in the report, not dropped: the reader can still open them."""
    zero = set()
    for column in _score_columns(profiles):
        values = pd.to_numeric(profiles[column], errors="coerce")
        if not (values.fillna(0) != 0).any():
            zero.add(column)
    return zero


def _score_rows(
    row: pd.Series, only: AbstractSet[str] | None = None, skip: AbstractSet[str] = frozenset()
) -> list[ScoreRow]:
    """The score rows of one outlet's profile: those in ``only`` when given, never those in ``skip``."""
    rows = []
    for column in row.index:
        if f"{column}_lo" not in row.index or not column.startswith(OUTLET_SCORE_PREFIXES):
            continue
        if column in skip or (only is not None and column not in only):
            continue
        rows.append(
            ScoreRow(
                score.label(column),
                _fmt(row[column]),
                f"{_fmt(row[f'{column}_lo'])} – {_fmt(row[f'{column}_hi'])}",
                _fmt(row.get(f"{column}_n")),
                bool(row.get(f"{column}_flag", False)),
            )
        )
    return rows


def shown_length(text: str, limit: int = MAX_ARTICLE_CHARS) -> int:
    """Where to cut an article for display: the last paragraph or sentence end before `limit`."""
    if len(text) <= limit:
        return len(text)
    for boundary in ("\n\n", ". "):
        cut = text.rfind(boundary, 0, limit)
        if cut > limit // 2:
            return cut + (1 if boundary == ". " else 0)
    return limit


def _article_view(f: ArticleFeatures) -> ArticleView:
    marks, footnotes = marks_for(f)
    shown = shown_length(f.text)
    if shown < len(f.text):
        marks = [m for m in marks if m.end <= shown]
        kept = {m.footnote for m in marks if m.footnote is not None}
        footnotes = [n for n in footnotes if n.number in kept]
    pieces: list[dict] = []
    for seg in segments(f.text[:shown], marks):
        parts = seg.text.split("\n\n")
        for i, part in enumerate(parts):
            if i:
                pieces.append({"paragraph_break": True})
            if part:
                pieces.append(
                    {
                        "text": part,
                        "classes": seg.classes,
                        "note": seg.note,
                        "footnote": seg.footnote if i == len(parts) - 1 else None,
                        "paragraph_break": False,
                    }
                )
    if shown < len(f.text):
        pieces += [
            {"paragraph_break": True},
            {
                "text": f"[… {len(f.text) - shown:,} more characters not shown here; `framing inspect {f.meta.id}` "
                "shows the whole article and every finding in it.]",
                "classes": (),
                "note": "",
                "footnote": None,
                "paragraph_break": False,
            },
        ]
    meta = f.meta
    return ArticleView(
        meta.id,
        anchor(meta.id),
        meta.outlet,
        meta.outlet_name,
        meta.title,
        meta.date,
        safe_url(meta.url),
        f.n_words,
        pieces,
        footnotes,
    )


def _summary(analysis: CorpusAnalysis) -> dict[str, str]:
    names = analysis.names  # counted by outlet id, not by display name
    shared = {n for n in names.values() if list(names.values()).count(n) > 1}
    outlets = [f"{name} ({slug})" if name in shared else name for slug, name in names.items()]
    dates = analysis.dates
    return {
        "outlets": f"{len(outlets)}: " + ", ".join(outlets),
        "articles": str(analysis.n_articles),
        "words": f"{analysis.n_words:,}",
        "dates": f"{dates[0]} to {dates[-1]}" if dates else "unknown",
        "lexicon_version": analysis.lexicon_version,
    }


def _charts(analysis: CorpusAnalysis, colours: dict[str, str] | None = None) -> list[ChartSpec]:
    """The overview charts, drawn from the analysis's frames."""
    by_category = analysis.loaded_by_category
    actors = analysis.actors
    balance = analysis.quote_balance
    outlet_map = analysis.outlet_map
    profiles = analysis.profiles
    hedges = score.HEDGE_COLUMN
    return [
        ChartSpec(
            "loaded",
            "Loaded language by category",
            "Loaded terms per 1,000 words of cleaned text, by lexicon category.",
            lambda: charts.loaded_heatmap(by_category, colours),
        ),
        ChartSpec(
            "actors",
            "Sentiment toward the most-mentioned actors",
            "Sentiment toward each mention of the actors found in the text (no story lexicon), from the target "
            "model trained on NewsMTSC (−1 to +1), averaged per outlet with 95% bootstrap intervals; open markers "
            "rest on too few mentions. The actor tables under Outlets list every actor shown.",
            lambda: charts.actor_sentiment_chart(actors, colours),
        ),
        ChartSpec(
            "sources",
            "Who gets quoted",
            "Share of direct, partial and indirect quotations by the side of the speaker.",
            lambda: charts.source_balance_chart(balance, colours),
        ),
        ChartSpec(
            "hedging",
            "Hedging",
            "Hedge cues, modal verbs and scare quotes per 1,000 words, with 95% bootstrap intervals.",
            lambda: charts.rate_chart(profiles, hedges, "Hedging by outlet", "hedges per 1,000 words", colours),
        ),
        ChartSpec(
            "map",
            "Map of outlets",
            "Outlets projected to two dimensions from their score profiles; nearby outlets frame alike.",
            lambda: charts.outlet_map_chart(outlet_map, colours),
        ),
    ]


def _actors(table: pd.DataFrame) -> dict[str, list[dict]]:
    """outlet -> rows of the actor table (framing.score.actor_table), formatted for the report."""
    rows: dict[str, list[dict]] = {}
    for r in table.itertuples():
        rows.setdefault(r.outlet, []).append(
            {
                "actor": r.actor,
                "kind": r.kind,
                "group": r.group,
                "mentions": r.mentions,
                "sentiment": _fmt(r.mean_sentiment),
                "interval": f"{_fmt(r.lo)} to {_fmt(r.hi)}",
                "flag": bool(r.flag),
            }
        )
    return rows


def build_model(
    analysis: CorpusAnalysis | Sequence[ArticleFeatures],
    pairs: Sequence[Pair] = (),
    seed: int = 0,
    min_z: float | None = None,
    title: str = "How the outlets framed the story",
    profiles: pd.DataFrame | None = None,
) -> ReportModel:
    """The report of a corpus analysis (framing.analysis), laid out; given features, their analysis is
    computed first (with ``pairs``, ``seed``, ``min_z`` and ``profiles``, see corpus_analysis)."""
    if not isinstance(analysis, CorpusAnalysis):
        analysis = corpus_analysis(analysis, pairs, seed=seed, min_z=min_z, profiles=profiles)
    profiles = analysis.profiles
    names = analysis.names
    colours = outlet_colours(profiles["outlet"]) if "outlet" in profiles else {}
    actors = _actors(analysis.actors)
    zero = zero_columns(profiles)
    outlets = []
    for _, row in profiles.iterrows():
        view = OutletView(
            row["outlet"],
            names[row["outlet"]],
            anchor(row["outlet"]),
            _score_rows(row, skip=zero),
            analysis.terms.get(row["outlet"], []),
            analysis.speakers.get(row["outlet"], []),
        )
        view.actors = actors.get(row["outlet"], [])
        view.colour = colours.get(row["outlet"], "")
        view.folded = _score_rows(row, only=zero)
        outlets.append(view)
    pair_views = [_pair_view(c, colours) for c in analysis.comparisons]
    from framing.render.findings import findings_view, sources_view

    found = [(p.anchor, f"{p.label_a} vs {p.label_b}", p.findings) for p in pair_views if p.findings is not None]
    return ReportModel(
        title=title,
        subtitle=f"{analysis.n_articles} articles from {len(names)} outlets, analysed with framing {__version__}",
        generated=date.today().isoformat(),
        version=__version__,
        summary=_summary(analysis),
        charts=_charts(analysis, colours),
        outlets=outlets,
        pairs=pair_views,
        articles=[_article_view(f) for f in analysis.shown],
        claims=analysis.claims,
        limits=_limits(analysis),
        colours=colours,
        key_findings=findings_view(found),
        sources=sources_view(analysis.source_types, analysis.affiliations, names),
        explorer=explorer_data(analysis.shown),
    )


def _limits(analysis: CorpusAnalysis) -> list[str]:
    """What the article sample leaves out, said in words (shown in the overview of both formats)."""
    n, shown, claimed = analysis.n_articles, len(analysis.shown), analysis.n_claimed
    limits = []
    if shown < n:
        limits.append(
            f"The highlighted articles section and the explorer show {shown:,} of the {n:,} "
            "articles (taken from each outlet in turn); every score, table and chart counts all of them. "
            "`framing analyze --format json` gives every article's findings."
        )
    if claimed < n:
        limits.append(
            f"Claims are aligned over {claimed:,} of the {n:,} articles (taken from each outlet "
            "in turn), so omissions and exclusives describe that sample."
        )
    actors = analysis.actors
    if "sampled" in actors and bool(actors["sampled"].any()):  # only a large feature store samples
        from framing.store.actors import SAMPLING_NOTE

        limits.append(SAMPLING_NOTE)
    return limits


# The side-by-side table shows these scores (when present); the full set is in `framing compare`.
PAIR_SCORES = (
    "loaded_per_1k",
    "loaded_own_per_1k",
    "hedges_per_1k",
    "scare_quotes_per_1k",
    "attribution_per_1k",
    "quotes_per_1k",
    "balance_index",
    "sentiment",
)


def _yes_no(row: pd.Series) -> str:
    if bool(row.get("a_flag", False)) or bool(row.get("b_flag", False)):
        return "too few observations"
    return "yes" if bool(row.get("excludes_zero", False)) else "no"


def _pair_view(comparison: Comparison, colours: dict[str, str] | None = None) -> PairView:
    a, b = comparison.a, comparison.b
    label_a, label_b = comparison.label_a, comparison.label_b
    table = comparison.scores
    wanted = table[table["score"].isin(PAIR_SCORES)] if table["score"].isin(PAIR_SCORES).any() else table
    rows: list[dict[str, str]] = []
    folded: list[dict[str, str]] = []
    for _, r in wanted.iterrows():
        row = {"label": r["label"], "a": _fmt(r["a"]), "b": _fmt(r["b"]), "diff": _fmt(r["diff"])}
        row["significant"] = _yes_no(r)
        zero = all(pd.isna(r[k]) or r[k] == 0 for k in ("a", "b"))
        (folded if zero else rows).append(row)
    naming = []
    for concept, group in comparison.naming.groupby("concept", sort=True):
        used_a = ", ".join(f"{v} ({int(n)})" for v, n in zip(group["variant"], group["count_a"], strict=False) if n)
        used_b = ", ".join(f"{v} ({int(n)})" for v, n in zip(group["variant"], group["count_b"], strict=False) if n)
        naming.append({"concept": concept, "a": used_a or "—", "b": used_b or "—"})
    sim = comparison.similarity
    note = (
        f"TF-IDF cosine similarity {sim.get('tfidf', float('nan')):.2f}, profile cosine "
        f"{sim.get('profile', float('nan')):.2f}. {comparison.n_significant} terms reach |z| ≥ 1.96. "
        "With one or few articles per side, differences describe these articles, not the outlets."
    )
    distinctive = comparison.distinctive
    from framing.score.key_findings import key_findings

    return PairView(
        a,
        b,
        label_a,
        label_b,
        anchor(f"{label_a}-vs-{label_b}"),
        note,
        float(comparison.settings.get("min_z", 0)),
        ChartSpec(
            f"pair-{anchor(label_a)}-{anchor(label_b)}",
            "Distinctive vocabulary",
            "",
            lambda: charts.distinctive_terms_chart(
                distinctive,
                label_a,
                label_b,
                colour_a=group_colour(a, colours or {}),
                colour_b=group_colour(b, colours or {}),
                outlet_a=a[0] if len(a) == 1 else None,
                outlet_b=b[0] if len(b) == 1 else None,
            ),
        ),
        rows,
        naming,
        folded,
        key_findings(comparison),
    )
