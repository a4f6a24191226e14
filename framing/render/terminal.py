"""Terminal output with Rich: tables of features and the marked-up article text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.console import Console, Group, JustifyMethod
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from framing.extract.features import HEDGE_KINDS, ArticleFeatures
from framing.ingest.article import Article, Metadata
from framing.ingest.boilerplate import LineVerdict

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

STYLE_LOADED = "bold red underline"
STYLE_HEDGE = "bold yellow"
STYLE_QUOTE = "green"
STYLE_SCARE = "magenta"


def clean_display(value: object) -> str:
    """`value` as text with terminal escape sequences and control characters removed."""
    return _CONTROL.sub("", _ANSI.sub("", str(value)))


_VISIBLE = {c: "\ufffd" for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}


def visible(text: str) -> str:
    """`text` with each control character replaced by U+FFFD: nothing reaches the terminal as
    an escape sequence, and offsets of findings into the text stay valid (one for one)."""
    return text.translate(_VISIBLE)


def plain(value: object, style: str = "") -> Text:
    """User data as a Rich cell: never read as markup, no control characters."""
    return Text(clean_display(value), style=style)


def features_table(features: Sequence[ArticleFeatures]) -> Table:
    table = Table(title="Framing features per article", show_lines=False, header_style="bold")
    columns: list[tuple[str, JustifyMethod]] = [
        ("article", "left"),
        ("outlet", "left"),
        ("words", "right"),
        ("loaded /1k", "right"),
        ("hedges /1k", "right"),
        ("quotes", "right"),
        ("sentiment", "right"),
        ("top loaded terms", "left"),
        ("voices quoted", "left"),
    ]
    for column, justify in columns:
        table.add_column(column, justify=justify, overflow="fold")
    for f in features:
        rates = f.rates()
        terms: dict[str, int] = {}
        for t in f.loaded_terms:
            terms[t.text.lower()] = terms.get(t.text.lower(), 0) + 1
        top = ", ".join(t for t, _ in sorted(terms.items(), key=lambda kv: -kv[1])[:4]) or "none found"
        sides: dict[str, int] = {}
        for q in f.quotes:
            sides[q.side] = sides.get(q.side, 0) + 1
        voices = ", ".join(f"{s} {n}" for s, n in sorted(sides.items(), key=lambda kv: -kv[1])) or "none found"
        table.add_row(
            plain(f.meta.id),
            plain(f.meta.outlet),
            str(f.n_words),
            f"{rates['loaded_per_1k']:.1f}",
            f"{rates['hedges_per_1k']:.1f}",
            str(len(f.quotes)),
            f"{f.sentiment['compound']:+.2f}",
            plain(top),
            plain(voices),
        )
    return table


def marked_text(features: ArticleFeatures) -> Text:
    """The cleaned text with loaded terms, hedges, scare quotes and quotations styled."""
    text = Text(visible(features.text))
    for q in features.quotes:
        text.stylize(STYLE_QUOTE, q.start, q.end)
    for h in features.hedges:
        if h.type in HEDGE_KINDS or h.type == "attribution":
            text.stylize(STYLE_SCARE if h.type == "scare_quote" else STYLE_HEDGE, h.start, h.end)
    for t in features.loaded_terms:
        text.stylize(STYLE_LOADED, t.start, t.end)
    return text


def legend() -> Text:
    legend = Text("Legend: ")
    legend.append("loaded term", STYLE_LOADED).append("  ")
    legend.append("hedge / attribution verb", STYLE_HEDGE).append("  ")
    legend.append("scare quote", STYLE_SCARE).append("  ")
    legend.append("quotation", STYLE_QUOTE)
    return legend


def inspect_view(article: Article, features: ArticleFeatures) -> Group:
    meta = article.meta
    header = plain(f"{meta.id}  ·  {meta.outlet_name} ({meta.outlet})  ·  {meta.date}\n{meta.title}", style="bold")
    findings = Table(title="Findings", header_style="bold", show_lines=False)
    for column in ("kind", "text", "detail"):
        findings.add_column(column, overflow="fold")
    for t in features.loaded_terms:
        if t.origin == "model":  # the learned detector's find: its confidence and the evidence that fired
            detail = f"model {t.confidence:.2f}; resembles {t.category}; instead: {t.neutral}; " + ", ".join(t.evidence)
            findings.add_row("loaded (model)", plain(t.text), plain(detail))
            continue
        findings.add_row(
            "loaded", plain(t.text), plain(f"{t.category}; {t.perspective}; neutral: {t.neutral} — {t.explanation}")
        )
    for h in features.hedges:
        findings.add_row(plain(h.type.replace("_", " ")), plain(h.text), plain(h.stance or h.cue))
    for q in features.quotes:
        who = f"{q.speaker or 'unknown speaker'} [{q.side}]"
        findings.add_row(
            plain(f"quote ({q.kind})"),
            plain(q.text[:120] + ("…" if len(q.text) > 120 else "")),
            plain(f"{who} via '{q.cue}'"),
        )
    removed = _removed_table([v for v in article.lines if not v.kept], "Removed as boilerplate")
    return Group(header, legend(), Panel(marked_text(features), title="Cleaned text"), findings, removed)


def _removed_table(lines: Sequence[LineVerdict], title: str) -> Table:
    table = Table(title=title, header_style="bold")
    table.add_column("line", justify="right")
    table.add_column("text", overflow="fold")
    table.add_column("why", overflow="fold")
    for v in lines:
        table.add_row(str(v.number), plain(v.text[:100] + ("…" if len(v.text) > 100 else "")), plain(v.reason))
    return table


def verdicts_view(meta: Metadata, lines: Sequence[LineVerdict]) -> Group:
    """An article the cleaner removed entirely: every line and why it went."""
    header = plain(f"{meta.id}  ·  {meta.outlet_name} ({meta.outlet})  ·  {meta.source}", style="bold")
    if not lines:
        return Group(header, plain("The article has no text at all."))
    return Group(header, _removed_table(lines, "Every line was removed as boilerplate"))


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, soft_wrap=False)
