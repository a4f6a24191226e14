"""Show an evaluation: a table of scores, then the misses and false alarms to work on.

The misses and false alarms are the point of the exercise for lexicon work, so the
table view lists every one of them (with the article and the words), not a sample.
"""

from __future__ import annotations

import json
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from framing.evaluate import FEATURES, Evaluation, Item

LABELS = {
    "loaded_terms": "loaded terms",
    "hedges": "hedge cues",
    "scare_quotes": "scare quotes",
    "quotes": "quotes",
    "actor_mentions": "actor mentions",
}


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def scores_table(evaluation: Evaluation) -> Table:
    table = Table(
        title=f"Accuracy against {evaluation.gold} ({len(evaluation.articles)} articles, corpus {evaluation.corpus})",
        header_style="bold",
    )
    table.add_column("feature")
    table.add_column("gold", justify="right")
    table.add_column("found", justify="right")
    table.add_column("exact F1", justify="right")
    table.add_column("overlap P", justify="right")
    table.add_column("overlap R", justify="right")
    table.add_column("overlap F1", justify="right")
    table.add_column("attributes of overlap matches", overflow="fold")
    for feature in FEATURES:
        result = evaluation.results[feature]
        overlap = result.scores["overlap"]
        attributes = ", ".join(
            f"{name} {_pct(result.accuracy(name))} ({correct}/{compared})"
            for name, (correct, compared) in result.agreement.items()
        )
        table.add_row(
            LABELS[feature],
            str(overlap.tp + overlap.fn),
            str(overlap.tp + overlap.fp),
            _pct(result.scores["exact"].f1),
            _pct(overlap.precision),
            _pct(overlap.recall),
            _pct(overlap.f1),
            attributes or "-",
        )
    return table


def _item_line(item: Item, extra: str = "") -> Text:
    words = item.text if len(item.text) <= 100 else item.text[:97] + "..."
    line = Text(f"  {item.article} {item.start}-{item.end}  ")
    line.append(words, style="bold")
    details = ", ".join(f"{k}: {v}" for k, v in item.attrs.items() if v and k != "speaker_also")
    if details or extra:
        line.append(f"  ({'; '.join(x for x in (details, extra) if x)})", style="dim")
    return line


def details(evaluation: Evaluation) -> Group:
    """Every miss, false alarm and wrong attribute, feature by feature."""
    parts: list[Text] = []
    for feature in FEATURES:
        result = evaluation.results[feature]
        if not (result.misses or result.false_alarms or result.wrong_attributes):
            continue
        parts.append(Text(f"\n{LABELS[feature]}", style="bold underline"))
        if result.misses:
            parts.append(Text(f" missed ({len(result.misses)}): in the gold set, not found", style="bold"))
            parts.extend(_item_line(i) for i in result.misses)
        if result.false_alarms:
            parts.append(Text(f" false alarms ({len(result.false_alarms)}): found, not in the gold set", style="bold"))
            parts.extend(_item_line(i) for i in result.false_alarms)
        if result.wrong_attributes:
            parts.append(Text(f" wrong attributes ({len(result.wrong_attributes)})", style="bold"))
            for w in result.wrong_attributes:
                words = w["text"] if len(w["text"]) <= 80 else w["text"][:77] + "..."
                line = Text(f"  {w['article']} {w['start']}-{w['end']}  ")
                line.append(words, style="bold")
                line.append(f"  ({w['attribute']}: gold '{w['gold']}', found '{w['predicted']}')", style="dim")
                parts.append(line)
    return Group(*parts)


def check_text(baseline: str | None, problems: list[str]) -> Text:
    if baseline is None:
        return Text("No recorded figures compared (no baseline).", style="dim")
    if not problems:
        return Text(f"All figures within the tolerance of {baseline}.", style="green")
    text = Text(f"Figures below the tolerance of {baseline}:\n", style="bold red")
    for problem in problems:
        text.append(f"  {problem}\n")
    return text


def to_json(evaluation: Evaluation, baseline: str | None, problems: list[str]) -> str:
    record: dict[str, Any] = evaluation.to_dict()
    record["baseline"] = {"file": baseline, "regressions": problems}
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
