"""`framing compare` and `framing profile` as terminal tables, Markdown and JSON.

Both text formats are built from the same list of sections (title, columns, rows,
note), so the terminal and Markdown views can never show different numbers; JSON is
the frames themselves with every number unrounded.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from rich.console import Group
from rich.table import Table
from rich.text import Text

from framing.score.compare import SIGNIFICANT_Z, Comparison, json_ready
from framing.score.profile import BALANCE_SIDES, MIN_ARTICLES_TO_RESAMPLE, MIN_QUOTES, QUOTE_SIDES, SCORES, slug

LABELS = {s.name: s.label for s in SCORES}


@dataclass
class Section:
    title: str
    columns: list[str]
    rows: list[list[str]]
    note: str = ""


def number(value: Any, digits: int = 2, sign: bool = False) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    return f"{value:+.{digits}f}" if sign else f"{value:.{digits}f}"


def _digits(score: str) -> int:
    return 1 if score.endswith("per_1k") else 2


def with_interval(value: float, lo: float, hi: float, digits: int, sign: bool = False) -> str:
    if not math.isfinite(value):
        return "–"
    return f"{number(value, digits, sign)} [{number(lo, digits, sign)}, {number(hi, digits, sign)}]"


def _count_share(n: int, share: float) -> str:
    return f"{n} ({share:.0%})" if math.isfinite(share) else str(n)


def comparison_heading(c: Comparison) -> str:
    def side(group: list[str], key: str) -> str:
        size = c.sizes[key]
        names = ", ".join(f"{c.names[o]} ({o})" for o in group)
        articles = "article" if size["n_articles"] == 1 else "articles"
        return f"{key.upper()}: {names}, {size['n_articles']} {articles}, {size['n_words']} words"

    return f"Comparing {side(c.a, 'a')}  with  {side(c.b, 'b')}"


def key_findings_section(c: Comparison) -> Section:
    """The comparison's key findings (framing.score.key_findings), then the headline differences it does not support."""
    from framing.score.key_findings import MIN_TERM_USES, key_findings

    found = key_findings(c)
    rows = [[str(i), f.text, f.basis] for i, f in enumerate(found.findings, 1)]
    rows = rows or [["", "(no difference passes the tests below)", ""]]
    rows += [["–", f"Not supported: {f.text}", f.basis] for f in found.unsupported]
    capped = found.n_supported > len(found.findings)
    shown = f"the {len(found.findings)} strongest of {found.n_supported}" if capped else ""
    return Section(
        "Key findings" + (f" ({shown})" if shown else ""),
        ["#", "finding", "what it rests on"],
        rows,
        found.scope + " A score counts when its 95% interval of the difference excludes 0 and neither side has too "
        f"few observations; a word when |z| ≥ {c.settings['min_z']:g} and one side alone uses it {MIN_TERM_USES}+ "
        "times; a source type when its share differs at |z| ≥ 1.96.",
    )


def comparison_sections(c: Comparison) -> list[Section]:
    la, lb = c.label_a, c.label_b
    sections = [key_findings_section(c)]
    scores = c.scores[~((c.scores["a"].fillna(0) == 0) & (c.scores["b"].fillna(0) == 0))]
    rows = []
    for r in scores.to_dict("records"):
        d = _digits(r["score"])
        flags = [f"few {k.upper()} obs (n={r[f'{k}_n']})" for k in ("a", "b") if r[f"{k}_flag"]]
        rows.append(
            [
                r["label"],
                with_interval(r["a"], r["a_lo"], r["a_hi"], d),
                with_interval(r["b"], r["b_lo"], r["b_hi"], d),
                with_interval(r["diff"], r["diff_lo"], r["diff_hi"], d, sign=True),
                "yes" if r["excludes_zero"] else "no",
                "; ".join(flags),
            ]
        )
    sections.append(
        Section(
            f"Scores side by side (95% bootstrap intervals, resampling {_units(c, la, lb)})",
            ["score", la, lb, f"{la} − {lb}", "interval excludes 0", "flag"],
            rows,
            f"Scores that are zero on both sides are left out (JSON has all). 'few obs' marks a score resting on "
            f"fewer observations than its minimum (docs/scores.md). Seed {c.settings['seed']}, "
            f"{c.settings['n_boot']} resamples.",
        )
    )
    for key, label in (("a", la), ("b", lb)):
        chosen = c.distinctive[c.distinctive["side"] == key]
        sections.append(
            Section(
                f"Distinctive vocabulary: more typical of {label} (weighted log-odds, Fightin' Words)",
                ["term", "z", f"count {la}", f"count {lb}"],
                [
                    [r["term"], number(r["z"], 2, True), str(r["count_a"]), str(r["count_b"])]
                    for _, r in chosen.iterrows()
                ]
                or [["(no term reaches the threshold)", "", "", ""]],
                f"|z| ≥ {c.settings['min_z']:g} (change with --min-z), top {c.settings['top']}. z ranks terms; it is "
                f"not a test. {c.n_significant} term(s) reach |z| ≥ {SIGNIFICANT_Z} here; with one article per "
                f"side few or none do. Prior: whole corpus, alpha0 = {c.settings['alpha0']:g}.",
            )
        )
    sections.append(
        Section(
            "Loaded and naming vocabulary, each phrase with its log-odds z",
            ["side", "phrase (as written)", "perspective", "lexicon", "z", f"count {la}", f"count {lb}"],
            [
                [
                    la if r["side"] == "a" else lb,
                    r["examples"],
                    r["perspective"],
                    r["lexicon"],
                    number(r["z"], 2, True),
                    str(r["count_a"]),
                    str(r["count_b"]),
                ]
                for _, r in c.lexicon_terms.iterrows()
            ],
            "Every loaded term and non-neutral naming variant either side uses, whatever its |z|: the lexicon fixes "
            "this list in advance. Positive z leans to " + la + ", negative to " + lb + ".",
        )
    )
    balance = c.quote_balance
    rows = []
    for side in QUOTE_SIDES:
        part = balance[balance["side"] == side].set_index("group")
        if part["n_quotes"].sum() == 0:
            continue
        cells = [side]
        for key in ("a", "b"):
            r = part.loc[key]
            cells += [
                _count_share(int(r["n_quotes"]), r["share_quotes"]),
                _count_share(int(r["quoted_words"]), r["share_words"]),
            ]
        rows.append(cells)
    index = c.scores.set_index("score")
    bal = index.loc["balance_index"]
    sections.append(
        Section(
            "Who each side quotes",
            ["side", f"{la} quotes", f"{la} quoted words", f"{lb} quotes", f"{lb} quoted words"],
            rows,
            f"Balance index (normalised entropy of quote shares over {', '.join(BALANCE_SIDES)}; 1 = even): "
            f"{la} {with_interval(bal['a'], bal['a_lo'], bal['a_hi'], 2)}, "
            f"{lb} {with_interval(bal['b'], bal['b_lo'], bal['b_hi'], 2)}. Fewer than {MIN_QUOTES} quotes is flagged.",
        )
    )
    sections.append(
        Section(
            "Most quoted speakers",
            ["outlet", "speaker", "side", "quotes", "quoted words"],
            [
                [la if r["group"] == "a" else lb, r["speaker"], r["side"], str(r["n_quotes"]), str(r["quoted_words"])]
                for _, r in c.speakers.iterrows()
            ],
        )
    )
    sections.append(
        Section(
            "Loaded terms only one side uses",
            ["used by", "term (as written)", "category", "perspective", "count"],
            [
                [
                    la if r["only_in"] == "a" else lb,
                    r["examples"],
                    r["category"],
                    r["perspective"],
                    str(r["count_a"] or r["count_b"]),
                ]
                for _, r in c.loaded_only.iterrows()
            ]
            or [["(none)", "", "", "", ""]],
        )
    )
    sections.append(
        Section(
            "Naming: the same thing named differently (lexicons/naming_pairs.csv)",
            ["concept", "variant", "perspective", f"count {la}", f"count {lb}", "status"],
            [
                [
                    r["concept"],
                    r["variant"],
                    r["perspective"],
                    str(r["count_a"]),
                    str(r["count_b"]),
                    r["status"].replace("only a", f"only {la}").replace("only b", f"only {lb}"),
                ]
                for _, r in c.naming.iterrows()
            ]
            or [["(no differences)", "", "", "", "", ""]],
            "'different': both name the concept, with different words; 'only X': only X names it.",
        )
    )
    sections.append(
        Section(
            "Overall similarity",
            ["measure", "cosine"],
            [
                ["TF-IDF of the texts (what they write about)", number(c.similarity["tfidf"], 3)],
                ["standardised score profiles (how they frame it)", number(c.similarity["profile"], 3)],
            ],
            "Profile cosine is relative to the corpus average: 0 means unrelated, negative means opposite.",
        )
    )
    return sections


PROFILE_COLUMNS = [
    ("loaded_per_1k", "loaded /1k"),
    ("loaded_own_per_1k", "own voice /1k"),
    ("loaded_model_per_1k", "of them by the model /1k"),
    ("hedges_per_1k", "hedges /1k"),
    ("attr_share_doubting", "doubting attr."),
    ("quotes_per_1k", "quotes /1k"),
    ("balance_index", "balance index"),
    ("sentiment", "sentiment"),
]


def _units(c: Comparison, la: str, lb: str) -> str:
    units = {side: size["resampled"] for side, size in c.sizes.items()}
    return units["a"] if units["a"] == units["b"] else f"{units['a']} for {la}, {units['b']} for {lb}"


def _profile_units(profiles: pd.DataFrame) -> str:
    units = set(profiles["resampled"]) if "resampled" in profiles else {"sentences"}
    if len(units) == 1:
        return units.pop()
    return f"articles for outlets with at least {MIN_ARTICLES_TO_RESAMPLE}, sentences for the rest"


def profile_sections(profiles: pd.DataFrame, actors: pd.DataFrame) -> list[Section]:
    def cell(r: dict, name: str) -> str:
        # Estimate above its interval: the profile table has many columns and must fit a terminal.
        text = with_interval(r[name], r[f"{name}_lo"], r[f"{name}_hi"], _digits(name), sign=name == "sentiment")
        return text.replace(" [", "\n[", 1) + (" *" if r[f"{name}_flag"] else "")

    records = profiles.to_dict("records")
    main = Section(
        f"Outlet profiles (95% bootstrap intervals, resampling {_profile_units(profiles)})",
        ["outlet", "articles", "words", *(label for _, label in PROFILE_COLUMNS)],
        [
            [r["outlet"], str(r["n_articles"]), str(r["n_words"]), *(cell(r, name) for name, _ in PROFILE_COLUMNS)]
            for r in records
        ],
        "* = too few observations behind the score (docs/scores.md). 'own voice' leaves out loaded terms inside "
        "quotations. JSON and CSV have every score.",
    )
    quotes = Section(
        "Share of quotes by side",
        ["outlet", *BALANCE_SIDES],
        [[r["outlet"], *(cell(r, f"quote_share_{slug(s)}") for s in BALANCE_SIDES)] for r in records],
    )
    groups = ["US", "NATO", "Russia", "Ukraine"]
    actor_rows = [[r["outlet"], *(cell(r, f"actor_sentiment_{slug(g)}") for g in groups)] for r in records]
    sentiment = Section(
        "Mean sentence sentiment where each actor group is mentioned",
        ["outlet", *groups],
        actor_rows,
        f"Per actor: {len(actors)} outlet-actor rows in JSON (framing.score.actor_sentiment).",
    )
    return [main, quotes, sentiment]


def rich_view(heading: str, sections: Sequence[Section]) -> Group:
    parts: list[Any] = [Text(heading, style="bold")]
    for section in sections:
        table = Table(title=section.title, header_style="bold", title_justify="left")
        for column in section.columns:
            table.add_column(column, overflow="fold")
        for row in section.rows:
            table.add_row(*row)
        parts.append(table)
        if section.note:
            parts.append(Text(section.note, style="dim"))
    return Group(*parts)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(heading: str, sections: Sequence[Section]) -> str:
    lines = [f"# {heading}", ""]
    for section in sections:
        lines += [f"## {section.title}", ""]
        lines.append("| " + " | ".join(_md_cell(c) for c in section.columns) + " |")
        lines.append("|" + "---|" * len(section.columns))
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in section.rows]
        if section.note:
            lines += ["", f"*{section.note}*"]
        lines.append("")
    return "\n".join(lines)


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(json_ready(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
