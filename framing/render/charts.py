"""Charts for the report, drawn with seaborn/matplotlib from the score frames.

Every chart function takes a frame from :mod:`framing.score` and returns a matplotlib
Figure, or None when the frame has nothing to show (the report then says "none
found" instead of drawing an empty axis). Each takes the report's outlet colours
(:mod:`framing.render.palette`, colour-blind safe) so an outlet keeps its colour in every
chart; heatmaps use "cividis". Every axis is labelled with its unit, long labels are wrapped
or cut with a key, and legends sit below the axes, never over the data.
"""

from __future__ import annotations

import io
import itertools
import re
import textwrap
from collections.abc import Iterable

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402

from framing.render.palette import OUTLET_COLOURS, complete, side_colours  # noqa: E402

HEAT = "cividis"
# Drawn at a narrow width with large type: an SVG scales with the page, and a 4.8-inch figure shown
# in a 390 px phone column still renders 9.5 pt text at about 10 px (a 7.5-inch one gave 6 px).
# On a desktop the HTML lets it grow to 1.25x; the PDF prints it across the text width.
WIDTH = 4.8
FONT = 10.0
SMALL = 9.5  # the smallest text in any chart: tick labels, legends, cell values, keys
MAX_COLUMNS = 8  # outlets across the heatmap before it turns them into rows
MAX_ANNOTATED = 160  # cells with their value written in; beyond that the colour alone
TOP_ACTORS = 8  # actors in the sentiment chart (the table lists more)
ROTATED = 35  # degrees: heatmap outlet labels too long to sit level are slanted, so they cannot collide
ROTATED_CHARS = 16  # a slanted label longer than this is cut and numbered, with a key
CHAR_WIDTH = 0.6  # DejaVu Sans' average character width, in ems: enough to plan wrapping
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

plt.rcParams.update(
    {
        "svg.fonttype": "none",  # keep text as text: selectable, searchable, small
        "font.family": "DejaVu Sans",
        "font.size": FONT,
        "axes.titlesize": FONT + 0.5,
        "axes.titleweight": "bold",
        "axes.labelsize": FONT,
        "xtick.labelsize": SMALL,
        "ytick.labelsize": SMALL,
        "legend.fontsize": SMALL,
        "legend.title_fontsize": SMALL,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)

_ids = itertools.count(1)


def outlet_gid(outlet: str) -> str:
    """An SVG id naming the outlet an artist stands for (``outlet--<anchor>--<n>``), unique per report,
    so a test or a reader's script can check that an outlet keeps its colour from chart to chart."""
    return f"outlet--{re.sub(r'[^a-z0-9]+', '-', str(outlet).lower()).strip('-') or 'x'}--{next(_ids)}"


def _label(values: Iterable[str], width: int = 28) -> list[str]:
    return [v if len(v) <= width else v[: width - 1] + "…" for v in map(str, values)]


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(str(text), width, break_long_words=False)) or str(text)


def _chars(inches: float, size: float = SMALL) -> int:
    """About how many characters of ``size``-point text fit in ``inches``."""
    return max(4, int(inches * 72 / (CHAR_WIDTH * size)))


def fit_labels(labels: Iterable[str], width: int, lines: int = 2) -> tuple[list[str], list[str]]:
    """Labels wrapped to ``width`` characters on at most ``lines`` lines; one that cannot be is cut
    and numbered (``intelli…¹``), and the key lists the numbered ones in full ("¹ intellinews")."""
    shown: list[str] = []
    key: list[str] = []
    for label in map(str, labels):
        wrapped = textwrap.wrap(label, width, break_long_words=False)
        if len(wrapped) <= lines and all(len(line) <= width for line in wrapped):
            shown.append("\n".join(wrapped) or label)
            continue
        mark = str(len(key) + 1).translate(SUPERSCRIPTS)
        shown.append(label[: max(1, width - 1 - len(mark))].rstrip() + "…" + mark)
        key.append(f"{mark} {label}")
    return shown, key


def _key(fig: Figure, key: list[str], title: str = "") -> None:
    """The key of abbreviated labels, under the chart, wrapped to its width."""
    if key:
        text = (f"{title}: " if title else "") + "   ".join(key)
        fig.text(0.0, 0.0, _wrap(text, _chars(WIDTH)), ha="left", va="top", fontsize=SMALL, color="#3c4043")


def _figure(height: float) -> tuple[Figure, plt.Axes]:
    # constrained layout keeps legends placed "outside" clear of the axes
    return plt.subplots(figsize=(WIDTH, height), layout="constrained")


def _ordered(outlets: Iterable[str], colours: dict[str, str] | None) -> list[str]:
    """The outlets present, in the report's order (the colour mapping's), then any others."""
    present = list(dict.fromkeys(map(str, outlets)))
    order = [o for o in (colours or {}) if o in present]
    return order + [o for o in present if o not in order]


def _outlet_legend(fig: Figure, handles: list, labels: list[str], title: str = "outlet") -> None:
    if handles:
        longest = max(len(str(label)) for label in labels) + 4  # the marker and the gap take about 4 characters
        ncol = max(1, min(len(handles), 3, _chars(WIDTH - 0.3) // longest))
        fig.legend(handles, labels, title=title, loc="outside lower center", ncol=ncol, frameon=False)


def loaded_heatmap(frame: pd.DataFrame, colours: dict[str, str] | None = None) -> Figure | None:
    """Loaded terms per 1,000 words, by category (rows) and outlet (columns).

    Each outlet's column (or row) carries a chip in its report colour. Outlet labels that do not
    fit their column are wrapped, or cut and numbered with a key under the chart, so no two labels
    ever overlap.
    """
    if frame.empty or frame["count"].sum() == 0:
        return None
    table = frame.pivot_table(index="category", columns="outlet", values="per_1k", aggfunc="sum", fill_value=0)
    outlets = _ordered(table.columns, colours)
    colours = complete(colours, outlets)
    table = table[outlets]
    # Outlets run across the chart while they fit; with many outlets they become the rows, so
    # every outlet keeps a readable label (seaborn would otherwise silently thin the labels).
    wide = len(table.columns) > MAX_COLUMNS
    if wide:
        table = table.T
    rows, columns = table.shape
    row_labels, row_key = fit_labels(table.index, 18)
    annotate = rows * columns <= MAX_ANNOTATED
    # with the values written in the cells the colour bar is redundant, and its width is better
    # spent on the columns
    plot_width = WIDTH - (1.5 if annotate else 2.3)
    column_labels, column_key = fit_labels(table.columns, _chars(plot_width / max(1, columns)))
    rotate = bool(column_key)
    if rotate:  # slanted labels need no column width: cut only the very long ones
        column_labels, column_key = fit_labels(table.columns, ROTATED_CHARS, lines=1)
    lines = max(label.count("\n") + 1 for label in column_labels)
    extra = 0.055 * max(len(label) for label in column_labels) if rotate else 0.17 * lines
    fig, ax = _figure((0.36 if wide else 0.42) * rows + 1.4 + extra)
    sns.heatmap(
        table,
        annot=annotate,
        fmt=".1f",
        annot_kws={"fontsize": SMALL},
        cmap=HEAT,
        linewidths=0.5,
        cbar=not annotate,
        cbar_kws={"label": "terms per 1,000 words", "shrink": 0.9},
        xticklabels=column_labels,
        yticklabels=row_labels,
        ax=ax,
    )
    # the outlet chips: a strip above each outlet's column (or left of each outlet's row)
    for i, outlet in enumerate(outlets):
        if wide:
            chip = Rectangle((-0.32, i + 0.1), 0.22, 0.8, color=colours[outlet], clip_on=False)
        else:
            chip = Rectangle((i + 0.05, -0.3), 0.9, 0.2, color=colours[outlet], clip_on=False)
        chip.set_gid(outlet_gid(outlet))
        ax.add_patch(chip)
    if wide:
        ax.tick_params(axis="y", pad=14)
    ax.set_xlabel("category of loaded term" if wide else "outlet")
    ax.set_ylabel("outlet" if wide else "category of loaded term")
    ax.set_title("Loaded language by category" + ("\n(terms per 1,000 words)" if annotate else ""), pad=14)
    ax.tick_params(axis="x", labelrotation=ROTATED if rotate else 0)
    if rotate:
        for tick in ax.get_xticklabels():
            tick.set_horizontalalignment("right")
            tick.set_rotation_mode("anchor")
    ax.tick_params(axis="y", labelrotation=0)
    _key(fig, (column_key if not wide else row_key) + (row_key if not wide else column_key), "labels cut short")
    return fig


def actor_sentiment_chart(
    frame: pd.DataFrame,
    colours: dict[str, str] | None = None,
    top: int = TOP_ACTORS,
    value: str = "mean_sentiment",
    min_mentions: int = 1,
    xlabel: str = "sentiment toward the actor (target model: −1 negative … +1 positive)",
) -> Figure | None:
    """Sentiment toward the most-mentioned actors, one dot per outlet with its 95% bootstrap interval.

    ``frame`` is :func:`framing.score.actor_table.actor_table` (``value`` "mean_sentiment") or the
    lexicon actors of :func:`framing.score.actor_sentiment` (``value`` "mean_compound"). The ``top``
    actors by mentions over all outlets are shown; an open marker is a score on too few mentions.
    """
    if frame.empty or value not in frame:
        return None
    data = frame[frame["mentions"] >= min_mentions].dropna(subset=[value])
    if data.empty:
        return None
    totals = data.groupby("actor", sort=False)["mentions"].sum().sort_values(ascending=False, kind="stable")
    actors = [str(a) for a in totals.index[:top]]
    data = data[data["actor"].astype(str).isin(actors)]
    outlets = _ordered(data["outlet"], colours)
    colours = complete(colours, outlets)
    band = max(0.42, 0.15 * len(outlets))  # inches per actor
    legend_rows = -(-(len(outlets) + 1) // 3)
    fig, ax = _figure(band * len(actors) + 1.3 + 0.22 * legend_rows)
    step = 0.8 / max(1, len(outlets))
    handles: dict[str, object] = {}
    for k, outlet in enumerate(outlets):
        rows = data[data["outlet"] == outlet]
        for _, row in rows.iterrows():
            i = actors.index(str(row["actor"]))
            y = i - 0.4 + step * (k + 0.5)
            mean = float(row[value])
            lo = float(row.get("lo", mean)) if pd.notna(row.get("lo", mean)) else mean
            hi = float(row.get("hi", mean)) if pd.notna(row.get("hi", mean)) else mean
            flagged = bool(row.get("flag", False))
            drawn = ax.errorbar(
                mean,
                y,
                xerr=[[max(0.0, mean - lo)], [max(0.0, hi - mean)]],
                fmt="o",
                markersize=5,
                mfc="white" if flagged else colours[outlet],
                mec=colours[outlet],
                color=colours[outlet],
                capsize=2,
                elinewidth=1.2,
            )
            for artist in (drawn.lines[0], *drawn.lines[1], *drawn.lines[2]):
                artist.set_gid(outlet_gid(outlet))
            if not flagged or outlet not in handles:
                handles[outlet] = drawn
    for i in range(len(actors) - 1):
        ax.axhline(i + 0.5, color="#e3e3e8", linewidth=0.6)
    ax.axvline(0, color="grey", linewidth=0.8)
    ax.set_yticks(range(len(actors)), [_wrap(a, 18) for a in _label(actors, 36)])
    ax.set_ylim(len(actors) - 0.5, -0.5)
    ax.set_xlim(-1, 1)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1])
    ax.set_xlabel(_wrap(xlabel, _chars(WIDTH - 1.4, FONT)))
    ax.set_title(_wrap("Sentiment toward the most-mentioned actors", _chars(WIDTH - 1.2, FONT + 0.5)))
    open_marker = Line2D([], [], marker="o", linestyle="", markersize=5, mfc="white", mec="#5f6368")
    labels = [*handles, "open: too few mentions"]
    _outlet_legend(fig, [*handles.values(), open_marker], labels)
    return fig


def source_balance_chart(frame: pd.DataFrame, colours: dict[str, str] | None = None) -> Figure | None:
    """Share of quotations by the speaker's side, one stacked bar per outlet.

    Sides are coloured from a pastel scheme of their own (they are not outlets), and each bar
    starts with its outlet's chip; sides no outlet quotes are left out of the legend.
    """
    if frame.empty or frame["n_quotes"].sum() == 0:
        return None
    table = frame.pivot_table(index="outlet", columns="side", values="share_quotes", aggfunc="sum", fill_value=0)
    table = table.loc[:, table.sum(axis=0) > 0]
    sides = [str(s) for s in table.columns]
    outlets = _ordered(table.index, colours)
    colours = complete(colours, outlets)
    table = table.loc[outlets]
    side_colour = side_colours(sides)
    legend_rows = -(-len(sides) // 3)
    fig, ax = _figure(0.42 * len(table) + 1.3 + 0.22 * legend_rows)
    left = pd.Series(0.0, index=table.index)
    positions = list(range(len(outlets)))
    for side in table.columns:
        ax.barh(positions, table[side] * 100, left=left * 100, color=side_colour[str(side)], label=str(side))
        left = left + table[side]
    for i, outlet in enumerate(outlets):
        chip = ax.scatter(
            [-0.05], [i], marker="s", s=55, color=colours[outlet], transform=ax.get_yaxis_transform(), clip_on=False
        )
        chip.set_gid(outlet_gid(outlet))
    ax.set_yticks(positions, [_wrap(o, 16) for o in _label(outlets, 32)])
    ax.tick_params(axis="y", pad=24, length=0)  # the chips stand where the tick marks would
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of quotations (%)")
    ax.set_ylabel("outlet")
    ax.set_ylim(len(outlets) - 0.5, -0.5)
    ax.set_title(_wrap("Who gets quoted: quotations by the speaker's side", _chars(WIDTH - 1.2, FONT + 0.5)))
    handles, labels = ax.get_legend_handles_labels()
    _outlet_legend(fig, handles, labels, title="side of the speaker")
    return fig


def rate_chart(
    frame: pd.DataFrame, column: str, title: str, unit: str, colours: dict[str, str] | None = None
) -> Figure | None:
    """One per-outlet rate with its 95% interval (e.g. hedges per 1,000 words), bars in the outlets' colours."""
    if frame.empty or column not in frame:
        return None
    data = frame.sort_values(column, kind="stable")
    outlets = [str(o) for o in data["outlet"]]
    colours = complete(colours, _ordered(frame["outlet"], colours))
    fig, ax = _figure(0.36 * len(data) + 1.2)
    lo = data.get(f"{column}_lo", data[column])
    hi = data.get(f"{column}_hi", data[column])
    positions = list(range(len(data)))
    bars = ax.barh(
        positions,
        data[column],
        color=[colours[o] for o in outlets],
        xerr=[(data[column] - lo).clip(lower=0), (hi - data[column]).clip(lower=0)],
        capsize=3,
        error_kw={"elinewidth": 0.8},
    )
    for patch, outlet in zip(bars.patches, outlets, strict=True):
        patch.set_gid(outlet_gid(outlet))
    ax.set_yticks(positions, [_wrap(o, 16) for o in _label(outlets, 32)])
    ax.set_xlabel(unit)
    ax.set_ylabel("outlet")
    ax.set_title(_wrap(title, _chars(WIDTH - 1.2, FONT + 0.5)))
    return fig


def text_extent(label: Text, renderer) -> Bbox:
    """Where an annotation's text is drawn, without its leader line (which does touch its own point)."""
    if hasattr(label, "update_positions"):
        label.update_positions(renderer)
    return Text.get_window_extent(label, renderer)


def _place_labels(fig: Figure, ax: plt.Axes, points: list[tuple[float, float, str]]) -> None:
    """Outlet names beside their points, each moved round its point until it overlaps no other name,
    no point and stays inside the axes; a name moved further off gets a thin leader line to its point."""
    near = [(6, 4), (6, -12), (-6, 4), (-6, -12), (0, 10), (0, -16), (12, -4), (-12, -4)]
    offsets = [(dx * k, dy * k) for k in (1, 2, 3, 4) for dx, dy in near]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # the Agg canvas (matplotlib.use above) has one
    inside = ax.get_window_extent(renderer)
    radius = 5 * fig.dpi / 72
    dots = []
    for x, y, _ in points:
        cx, cy = ax.transData.transform((x, y))
        dots.append(Bbox.from_extents(cx - radius, cy - radius, cx + radius, cy + radius))
    placed = list(dots)
    for x, y, text in points:
        chosen = None
        for dx, dy in offsets:
            far = abs(dx) > 12 or abs(dy) > 16
            label = ax.annotate(
                text,
                (x, y),
                textcoords="offset points",
                xytext=(dx, dy),
                ha="left" if dx >= 0 else "right",
                arrowprops={"arrowstyle": "-", "color": "#9aa0a6", "linewidth": 0.6} if far else None,
            )
            label.set_in_layout(False)  # placed inside the axes: it must not move them when the layout reruns
            box = text_extent(label, renderer).padded(1.5)
            fits = inside.x0 <= box.x0 and box.x1 <= inside.x1 and inside.y0 <= box.y0 and box.y1 <= inside.y1
            if fits and not any(box.overlaps(other) for other in placed):
                chosen = box
                break
            label.remove()
        if chosen is None:  # every spot taken: keep the first, it is still legible beside its point
            label = ax.annotate(text, (x, y), textcoords="offset points", xytext=offsets[0])
            label.set_in_layout(False)
            chosen = text_extent(label, renderer)
        placed.append(chosen)


def outlet_map_chart(frame: pd.DataFrame, colours: dict[str, str] | None = None) -> Figure | None:
    """Outlets placed so that outlets with similar framing profiles sit close together."""
    if frame.empty or len(frame) < 2:
        return None
    outlets = _ordered(frame["outlet"], colours)
    colours = complete(colours, outlets)
    fig, ax = _figure(3.6)
    for _, row in frame.iterrows():
        dot = ax.scatter([row["x"]], [row["y"]], color=colours[str(row["outlet"])], s=60, zorder=3)
        dot.set_gid(outlet_gid(str(row["outlet"])))
    method = str(frame["method"].iloc[0]).upper() if "method" in frame else "PCA"
    ax.set_xlabel(f"{method} dimension 1 (profile units)")
    ax.set_ylabel(f"{method} dimension 2 (profile units)")
    ax.set_title("Map of outlets by framing profile")
    ax.margins(0.25)
    _place_labels(fig, ax, [(float(r["x"]), float(r["y"]), str(r["outlet"])) for _, r in frame.iterrows()])
    return fig


def distinctive_terms_chart(
    frame: pd.DataFrame,
    label_a: str,
    label_b: str,
    top: int = 15,
    colour_a: str = OUTLET_COLOURS[0],
    colour_b: str = OUTLET_COLOURS[1],
    outlet_a: str | None = None,
    outlet_b: str | None = None,
) -> Figure | None:
    """Diverging bars of log-odds z-scores: right leans to A, left to B, each side in its outlet's colour
    (``outlet_a``/``outlet_b`` name the outlet when a side is one outlet; a group is grey)."""
    if frame.empty:
        return None
    data = frame.copy()
    data["signed"] = data["z"]
    a = data[data["signed"] > 0].nlargest(top, "signed")
    b = data[data["signed"] < 0].nsmallest(top, "signed")
    data = pd.concat([a, b]).sort_values("signed")
    if data.empty:
        return None
    fig, ax = _figure(0.24 * len(data) + 1.5)
    positions = list(range(len(data)))
    bars = ax.barh(positions, data["signed"], color=[colour_a if z > 0 else colour_b for z in data["signed"]])
    for patch, z in zip(bars.patches, data["signed"], strict=True):
        outlet = outlet_a if z > 0 else outlet_b
        if outlet:
            patch.set_gid(outlet_gid(outlet))
    ax.set_yticks(positions, _label(data["term"]))
    ax.set_ylim(-0.6, len(data) - 0.4)
    ax.axvline(0, color="grey", linewidth=0.8)
    sides = _wrap(f"← more typical of {label_b}  |  more typical of {label_a} →", _chars(WIDTH - 1.2, FONT))
    ax.set_xlabel(f"log-odds z-score\n{sides}")
    ax.set_title(_wrap(f"Distinctive vocabulary: {label_a} vs {label_b}", _chars(WIDTH - 1.2, FONT + 0.5)))
    return fig


def to_svg(fig: Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]  # drop the XML prolog and DOCTYPE: it is inlined in HTML


def to_png(fig: Figure, dpi: int = 160) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()
