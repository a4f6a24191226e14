"""Everything a report shows, computed once from features and score frames.

The HTML and PDF renderers only lay this model out; neither recomputes a feature or a
score, so the two formats always show the same numbers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.figure import Figure

from framing import __version__, score
from framing.extract.features import ArticleFeatures
from framing.render import charts
from framing.render.explorer import ExplorerData, explorer_data
from framing.render.highlight import Footnote, marks_for, segments
from framing.render.methods import METHODS
from framing.render.palette import group_colour, outlet_colours

if TYPE_CHECKING:
    from framing.claims.view import ClaimsView
    from framing.render.findings import FindingsView, SourcesView
    from framing.score.key_findings import KeyFindings

TOP_TERMS = 12
TOP_SPEAKERS = 12
MAX_ARTICLE_CHARS = 30_000  # per article in the report; a report is read by people, `inspect` shows all
# A report is read by people: past these sizes it shows a stated share, and every score still counts all articles.
# 200 highlighted articles are a ~330-page PDF; 1,000 were 1,645 pages and 1.3 GiB to lay out.
MAX_SHOWN_ARTICLES = 200
# Claim alignment is blocked (linear memory), but past this many articles it runs on a stratified sample.
MAX_CLAIM_ARTICLES = 5_000


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


def _terms(features: Sequence[ArticleFeatures]) -> list[dict]:
    counts: Counter[tuple[str, bool]] = Counter()
    info = {}
    for f in features:
        for t in f.loaded_terms:
            key = (t.text.lower(), t.quoted)
            counts[key] += 1
            info[key] = t
    rows = []
    for (text, quoted), n in counts.most_common(TOP_TERMS):
        t = info[(text, quoted)]
        rows.append(
            {
                "text": t.text,
                "count": n,
                "quoted": quoted,
                "category": t.category,
                "perspective": t.perspective,
                "neutral": t.neutral,
                "explanation": t.explanation,
            }
        )
    return rows


def _sources(features: Sequence[ArticleFeatures]) -> list[dict]:
    n: Counter[tuple[str, str]] = Counter()
    words: Counter[tuple[str, str]] = Counter()
    for f in features:
        for q in f.quotes:
            key = (q.speaker or "unknown speaker", q.side)
            n[key] += 1
            words[key] += q.n_words
    return [
        {"speaker": s, "side": side, "n": c, "words": words[(s, side)]} for (s, side), c in n.most_common(TOP_SPEAKERS)
    ]


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


def _summary(features: Sequence[ArticleFeatures]) -> dict[str, str]:
    dates = sorted(f.meta.date for f in features if f.meta.date)
    names = {f.meta.outlet: f.meta.outlet_name for f in features}  # counted by outlet id, not by display name
    shared = {n for n in names.values() if list(names.values()).count(n) > 1}
    outlets = [f"{name} ({slug})" if name in shared else name for slug, name in names.items()]
    return {
        "outlets": f"{len(outlets)}: " + ", ".join(outlets),
        "articles": str(len(features)),
        "words": f"{sum(f.n_words for f in features):,}",
        "dates": f"{dates[0]} to {dates[-1]}" if dates else "unknown",
        "lexicon_version": features[0].lexicon_version if features else "",
    }


def _charts(
    features: Sequence[ArticleFeatures],
    profiles: pd.DataFrame,
    seed: int,
    colours: dict[str, str] | None = None,
    actors: pd.DataFrame | None = None,
) -> list[ChartSpec]:
    """The overview charts; ``actors`` is the actor table (sentiment toward discovered actors)."""
    from framing.score.actor_table import actor_table

    by_category = score.loaded_by_category(list(features))
    actors = actor_table(list(features), seed=seed) if actors is None else actors
    balance = score.quote_balance(list(features))
    outlet_map = score.outlet_map(list(features))
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
    features: Sequence[ArticleFeatures],
    pairs: Sequence[tuple[list[str], list[str]]] = (),
    seed: int = 0,
    min_z: float | None = None,
    title: str = "How the outlets framed the story",
    profiles: pd.DataFrame | None = None,
) -> ReportModel:
    """The report of these features; ``profiles`` when already computed with this seed (by
    the feature store's engine for `report --store`), else computed here."""
    features = list(features)
    profiles = score.outlet_profiles(features, seed=seed) if profiles is None else profiles
    from framing.score.actor_table import actor_table

    names = {f.meta.outlet: f.meta.outlet_name for f in features}
    colours = outlet_colours(profiles["outlet"]) if "outlet" in profiles else {}
    actor_frame = actor_table(features, seed=seed)
    actors = _actors(actor_frame)
    zero = zero_columns(profiles)
    outlets = []
    for _, row in profiles.iterrows():
        own = [f for f in features if f.meta.outlet == row["outlet"]]
        view = OutletView(
            row["outlet"],
            names[row["outlet"]],
            anchor(row["outlet"]),
            _score_rows(row, skip=zero),
            _terms(own),
            _sources(own),
        )
        view.actors = actors.get(row["outlet"], [])
        view.colour = colours.get(row["outlet"], "")
        view.folded = _score_rows(row, only=zero)
        outlets.append(view)
    chosen = list(pairs) or score.default_pairs(features)
    shown, claimed, limits = _shown(features)
    pair_views = [_pair_view(features, list(a), list(b), names, seed, min_z, colours) for a, b in chosen]
    from framing.render.findings import findings_view, sources_view

    found = [(p.anchor, f"{p.label_a} vs {p.label_b}", p.findings) for p in pair_views if p.findings is not None]
    return ReportModel(
        title=title,
        subtitle=f"{len(features)} articles from {len(names)} outlets, analysed with framing {__version__}",
        generated=date.today().isoformat(),
        version=__version__,
        summary=_summary(features),
        charts=_charts(features, profiles, seed, colours, actor_frame),
        outlets=outlets,
        pairs=pair_views,
        articles=[_article_view(f) for f in shown],
        claims=_claims(claimed),
        limits=limits,
        colours=colours,
        key_findings=findings_view(found),
        sources=sources_view(features),
        explorer=explorer_data(shown),
    )


def spread_sample(features: Sequence[ArticleFeatures], limit: int) -> list[ArticleFeatures]:
    """At most `limit` articles taken from the outlets in turn (each outlet's in corpus order), so
    every outlet is represented however unequal their sizes; the result keeps corpus order."""
    if len(features) <= limit:
        return list(features)
    queues: dict[str, list[int]] = {}
    for i, f in enumerate(features):
        queues.setdefault(f.meta.outlet, []).append(i)
    chosen: list[int] = []
    depth = 0
    while len(chosen) < limit:
        for queue in queues.values():
            if depth < len(queue) and len(chosen) < limit:
                chosen.append(queue[depth])
        depth += 1
    return [features[i] for i in sorted(chosen)]


def _shown(features: list[ArticleFeatures]) -> tuple[list[ArticleFeatures], list[ArticleFeatures], list[str]]:
    """The articles the report shows in full and the ones claims are aligned over, with what that
    leaves out said in words (shown in the overview of both formats)."""
    shown = spread_sample(features, MAX_SHOWN_ARTICLES)
    claimed = spread_sample(features, MAX_CLAIM_ARTICLES)
    limits = []
    if len(shown) < len(features):
        limits.append(
            f"The highlighted articles section and the explorer show {len(shown):,} of the {len(features):,} "
            "articles (taken from each outlet in turn); every score, table and chart counts all of them. "
            "`framing analyze --format json` gives every article's findings."
        )
    if len(claimed) < len(features):
        limits.append(
            f"Claims are aligned over {len(claimed):,} of the {len(features):,} articles (taken from each outlet "
            "in turn), so omissions and exclusives describe that sample."
        )
    return shown, claimed, limits


def _claims(features: list[ArticleFeatures]) -> ClaimsView | None:
    """Claims aligned across outlets; imported late because framing.claims itself uses framing.render.highlight."""
    from framing.claims.view import claims_section

    return claims_section(features) if len({f.outlet for f in features}) > 1 else None


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


def _pair_view(
    features: list[ArticleFeatures],
    a: list[str],
    b: list[str],
    names: dict[str, str],
    seed: int,
    min_z: float | None,
    colours: dict[str, str] | None = None,
) -> PairView:
    comparison = score.compare(features, a, b, min_z=score.DEFAULT_MIN_Z if min_z is None else min_z, seed=seed)
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
