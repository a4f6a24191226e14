"""Which name each outlet uses for the same thing (Kiev/Kyiv, coup/revolution), from lexicons/naming_pairs.csv.

A single choice is a weak signal (many Russian-based spellings were the English norm
until about 2019), so the comparison lists every variant with its counts and leaves
the reading to the user; the lexicon's notes say how strong each signal is.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from framing.extract.features import ArticleFeatures
from framing.lexicon.bundle import Lexicons, NamingVariant
from framing.lexicon.matcher import longest_non_overlapping
from framing.text import Doc

DIFF_COLUMNS = ["concept", "variant", "perspective", "count_a", "count_b", "status"]


def naming_spans(f: ArticleFeatures, lex: Lexicons, doc: Doc | None = None) -> list[tuple[NamingVariant, int, int]]:
    """(variant, start, end) for each naming variant in one article; the longest match wins.

    The article's sentences are known: splitting the text again would cost more than the match.
    ``doc``, the Doc the article was analysed with, also spares tokenising it again."""
    if doc is None or doc.text != f.text:
        doc = Doc(f.text, [(s.start, s.end) for s in f.sentences] if f.sentences else None)
    return [(m.entry.payload, m.start, m.end) for m in longest_non_overlapping(lex.naming.find(doc))]


def naming_matches(f: ArticleFeatures, lex: Lexicons) -> list[tuple[NamingVariant, str]]:
    """(variant, matched text) for each naming variant in one article."""
    return [(variant, f.text[start:end]) for variant, start, end in naming_spans(f, lex)]


def naming_counts(features: list[ArticleFeatures], lex: Lexicons) -> pd.DataFrame:
    """Long format: outlet, concept, variant, perspective, count (occurrences in the outlet's articles)."""
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for f in features:
        for v, _ in naming_matches(f, lex):
            counts[(f.outlet, v.concept, v.variant, v.perspective)] += 1
    rows = [(*key, n) for key, n in sorted(counts.items())]
    return pd.DataFrame(rows, columns=["outlet", "concept", "variant", "perspective", "count"])


def naming_differences(features: list[ArticleFeatures], a: list[str], b: list[str], lex: Lexicons) -> pd.DataFrame:
    """Variants of every concept that A and B do not name alike.

    Columns: concept, variant, perspective, count_a, count_b, status. status is
    "different" when both groups name the concept but with different sets of variants
    (Sputnik "security proposals", NV "security guarantees"), "only a" / "only b" when
    only one group names it at all. Concepts both name the same way are left out.
    """
    return differences_of_counts(naming_counts(features, lex), a, b)


def differences_of_counts(counts: pd.DataFrame, a: list[str], b: list[str]) -> pd.DataFrame:
    """:func:`naming_differences` from the corpus's :func:`naming_counts`."""
    if counts.empty:
        return pd.DataFrame(columns=DIFF_COLUMNS)
    counts["group"] = counts["outlet"].map(lambda o: "a" if o in a else "b" if o in b else None)
    counts = counts.dropna(subset=["group"])
    table = (
        counts.pivot_table(
            index=["concept", "variant", "perspective"], columns="group", values="count", aggfunc="sum", fill_value=0
        )
        .reindex(columns=["a", "b"], fill_value=0)
        .reset_index()
        .rename(columns={"a": "count_a", "b": "count_b"})
    )
    rows = []
    for _concept, variants in table.groupby("concept", sort=True):
        used_a = set(variants.loc[variants["count_a"] > 0, "variant"])
        used_b = set(variants.loc[variants["count_b"] > 0, "variant"])
        if used_a == used_b:
            continue
        status = "different" if used_a and used_b else "only a" if used_a else "only b"
        for record in variants.sort_values(["count_a", "count_b"], ascending=False).to_dict("records"):
            rows.append({**record, "status": status})
    result = pd.DataFrame(rows, columns=DIFF_COLUMNS)
    order = {"different": 0, "only a": 1, "only b": 2}
    result = result.sort_values(["status", "concept"], key=lambda c: c.map(order) if c.name == "status" else c)
    return result.reset_index(drop=True).astype({"count_a": int, "count_b": int})
