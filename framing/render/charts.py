"""Charts for the report, drawn with seaborn/matplotlib from the score frames.

Every chart function takes a frame from :mod:`framing.score` and returns a matplotlib
Figure, or None when the frame has nothing to show (the report then says "none
found" instead of drawing an empty axis). Palettes are colour-blind safe (seaborn's
"colorblind", and "cividis" for heatmaps); every axis is labelled with its unit.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

PALETTE = "colorblind"
HEAT = "cividis"
WIDTH = 7.5
MAX_COLUMNS = 8  # outlets across the heatmap before it turns them into rows
MAX_ANNOTATED = 160  # cells with their value written in; beyond that the colour alone

plt.rcParams.update(
    {
        "svg.fonttype": "none",  # keep text as text: selectable, searchable, small
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.titlesize": 10,
        "axes.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)


def _label(values: Iterable[str], width: int = 28) -> list[str]:
    return [v if len(v) <= width else v[: width - 1] + "…" for v in map(str, values)]


def loaded_heatmap(frame: pd.DataFrame) -> Figure | None:
    """Loaded terms per 1,000 words, by category (rows) and outlet (columns)."""
    if frame.empty or frame["count"].sum() == 0:
        return None
    table = frame.pivot_table(index="category", columns="outlet", values="per_1k", aggfunc="sum", fill_value=0)
    # Outlets run across the chart while they fit; with many outlets they become the rows, so
    # every outlet keeps a readable label (seaborn would otherwise silently thin the labels).
    wide = len(table.columns) > MAX_COLUMNS
    if wide:
        table = table.T
    rows, columns = table.shape
    fig, ax = plt.subplots(figsize=(WIDTH, 0.32 * rows + 2.0 if wide else 0.45 * rows + 1.6))
    sns.heatmap(
        table,
        annot=rows * columns <= MAX_ANNOTATED,
        fmt=".1f",
        cmap=HEAT,
        linewidths=0.5,
        cbar_kws={"label": "terms per 1,000 words"},
        xticklabels=_label(table.columns, 16),
        yticklabels=_label(table.index, 28),
        ax=ax,
    )
    ax.set_xlabel("category of loaded term" if wide else "outlet")
    ax.set_ylabel("outlet" if wide else "category of loaded term")
    ax.set_title("Loaded language by category")
    ax.tick_params(axis="x", labelrotation=30 if wide else 0)
    fig.tight_layout()
    return fig


def actor_sentiment_chart(frame: pd.DataFrame, min_mentions: int = 1) -> Figure | None:
    """Mean VADER compound of sentences mentioning each actor, with 95% bootstrap intervals."""
    data = frame[frame["mentions"] >= min_mentions].dropna(subset=["mean_compound"])
    if data.empty:
        return None
    actors = list(dict.fromkeys(data.sort_values("actor")["actor"]))
    outlets = list(dict.fromkeys(data["outlet"]))
    colours = dict(zip(outlets, sns.color_palette(PALETTE, len(outlets)), strict=False))
    fig, ax = plt.subplots(figsize=(WIDTH, 0.42 * len(actors) * max(1, len(outlets)) ** 0.5 + 1.6))
    step = 0.8 / max(1, len(outlets))
    for k, outlet in enumerate(outlets):
        rows = data[data["outlet"] == outlet].set_index("actor")
        for i, actor in enumerate(actors):
            if actor not in rows.index:
                continue
            row = rows.loc[actor]
            y = i - 0.4 + step * (k + 0.5)
            lo = row.get("lo", row["mean_compound"])
            hi = row.get("hi", row["mean_compound"])
            flagged = bool(row.get("flag", False))
            ax.errorbar(
                row["mean_compound"],
                y,
                xerr=[[row["mean_compound"] - lo], [hi - row["mean_compound"]]],
                fmt="o" if not flagged else "o",
                mfc=colours[outlet] if not flagged else "white",
                color=colours[outlet],
                capsize=2,
                label=outlet if i == actors.index(rows.index[0]) else None,
            )
    ax.axvline(0, color="grey", linewidth=0.8)
    ax.set_yticks(range(len(actors)), _label(actors))
    ax.invert_yaxis()
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean VADER compound of sentences mentioning the actor (−1 negative … +1 positive)")
    ax.set_title("Sentiment around each actor (open marker: too few mentions to trust)")
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=False))
    ax.legend(unique.values(), unique.keys(), title="outlet", fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig


def source_balance_chart(frame: pd.DataFrame) -> Figure | None:
    """Share of quotations by the speaker's side, one stacked bar per outlet."""
    if frame.empty or frame["n_quotes"].sum() == 0:
        return None
    table = frame.pivot_table(index="outlet", columns="side", values="share_quotes", aggfunc="sum", fill_value=0)
    fig, ax = plt.subplots(figsize=(WIDTH, 0.5 * len(table) + 1.8))
    left = pd.Series(0.0, index=table.index)
    for colour, side in zip(sns.color_palette(PALETTE, len(table.columns)), table.columns, strict=False):
        ax.barh(_label(table.index, 16), table[side] * 100, left=left * 100, color=colour, label=side)
        left = left + table[side]
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of quotations (%)")
    ax.set_ylabel("outlet")
    ax.invert_yaxis()
    ax.set_title("Who gets quoted: quotations by the speaker's side")
    ax.legend(title="side", fontsize=8, bbox_to_anchor=(1.0, 1.0), loc="upper left")
    fig.tight_layout()
    return fig


def rate_chart(frame: pd.DataFrame, column: str, title: str, unit: str) -> Figure | None:
    """One per-outlet rate with its 95% interval (e.g. hedges per 1,000 words)."""
    if frame.empty or column not in frame:
        return None
    data = frame.sort_values(column)
    fig, ax = plt.subplots(figsize=(WIDTH, 0.4 * len(data) + 1.5))
    colours = sns.color_palette(PALETTE, len(data))
    lo = data.get(f"{column}_lo", data[column])
    hi = data.get(f"{column}_hi", data[column])
    ax.barh(
        _label(data["outlet"], 16),
        data[column],
        color=colours,
        xerr=[data[column] - lo, hi - data[column]],
        capsize=3,
        error_kw={"elinewidth": 0.8},
    )
    ax.set_xlabel(unit)
    ax.set_ylabel("outlet")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def outlet_map_chart(frame: pd.DataFrame) -> Figure | None:
    """Outlets placed so that outlets with similar framing profiles sit close together."""
    if frame.empty or len(frame) < 2:
        return None
    fig, ax = plt.subplots(figsize=(WIDTH * 0.75, 4.2))
    colours = sns.color_palette(PALETTE, len(frame))
    ax.scatter(frame["x"], frame["y"], c=colours, s=60)
    for (_, row), colour in zip(frame.iterrows(), colours, strict=False):
        ax.annotate(str(row["outlet"]), (row["x"], row["y"]), textcoords="offset points", xytext=(6, 4), color=colour)
    method = str(frame["method"].iloc[0]) if "method" in frame else "PCA"
    ax.set_xlabel(f"{method} dimension 1 (profile units)")
    ax.set_ylabel(f"{method} dimension 2 (profile units)")
    ax.set_title("Map of outlets by framing profile")
    ax.margins(0.2)
    fig.tight_layout()
    return fig


def distinctive_terms_chart(frame: pd.DataFrame, label_a: str, label_b: str, top: int = 15) -> Figure | None:
    """Diverging bars of log-odds z-scores: left leans to A, right to B."""
    if frame.empty:
        return None
    data = frame.copy()
    data["signed"] = data["z"]
    a = data[data["signed"] > 0].nlargest(top, "signed")
    b = data[data["signed"] < 0].nsmallest(top, "signed")
    data = pd.concat([a, b]).sort_values("signed")
    if data.empty:
        return None
    fig, ax = plt.subplots(figsize=(WIDTH, 0.28 * len(data) + 1.6))
    palette = sns.color_palette(PALETTE, 2)
    colours = [palette[0] if z > 0 else palette[1] for z in data["signed"]]
    ax.barh(_label(data["term"]), data["signed"], color=colours)
    ax.axvline(0, color="grey", linewidth=0.8)
    ax.set_xlabel(f"log-odds z-score  (← more typical of {label_b}   |   more typical of {label_a} →)")
    ax.set_title(f"Distinctive vocabulary: {label_a} vs {label_b}")
    fig.tight_layout()
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
