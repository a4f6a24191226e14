"""Who each outlet quotes, counted the way a researcher counting sources counts them.

The quote extractor gives every quotation a speaker type (official, organisation, expert,
citizen, anonymous, document, unknown: :mod:`framing.extract.sources`) and the affiliation the
text gives the speaker ("the port authority"). Here they are counted per outlet (or per pooled
group of outlets), every type listed even at zero so two outlets' rows line up, and affiliations
grouped with the side the quote extractor assigned, because "NATO" as an affiliation and
"NATO" as a side are the same answer to "whom does this source speak for" only when both agree.

Counts are of quotations, not of distinct people: a source quoted five times counts five times,
as in the side shares of the profile (:func:`framing.score.profile.quote_balance`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

import pandas as pd

from framing.extract.sources import SPEAKER_TYPES
from framing.spans import Quote

TYPE_COLUMNS = ["outlet", "speaker_type", "n_quotes", "quoted_words", "share_quotes"]
AFFILIATION_COLUMNS = ["outlet", "affiliation", "side", "n_quotes", "quoted_words"]
NO_AFFILIATION = "(none given)"
# Readable plural of each type, for tables and sentences ("NV quotes officials in 9 of 15 quotations").
TYPE_LABELS = {
    "official": "officials and government bodies",
    "organisation": "organisations",
    "expert": "experts",
    "citizen": "citizens",
    "anonymous": "anonymous sources",
    "document": "documents",
    "unknown": "sources of unknown type",
}


def quotes_by_group(features: Iterable, groups: Mapping[str, list[str]] | None = None) -> dict[str, list[Quote]]:
    """Every quotation of each group's articles: {label: quotes}; default one group per outlet, first-seen order."""
    features = list(features)
    if groups is None:
        groups = {o: [o] for o in dict.fromkeys(f.outlet for f in features)}
    return {label: [q for f in features if f.outlet in members for q in f.quotes] for label, members in groups.items()}


def type_counts(quotes: Mapping[str, Iterable[Quote]]) -> pd.DataFrame:
    """Long format, one row per group and speaker type (all of SPEAKER_TYPES, zeros included).

    Columns: outlet (the group's label), speaker_type, n_quotes, quoted_words, share_quotes
    (of the group's quotations; nan when it has none).
    """
    rows = []
    for label, group in quotes.items():
        group = list(group)
        n = Counter(q.speaker_type for q in group)
        words: Counter[str] = Counter()
        for q in group:
            words[q.speaker_type] += q.n_words
        total = len(group)
        for kind in SPEAKER_TYPES:
            rows.append(
                {
                    "outlet": label,
                    "speaker_type": kind,
                    "n_quotes": n[kind],
                    "quoted_words": words[kind],
                    "share_quotes": n[kind] / total if total else float("nan"),
                }
            )
    return pd.DataFrame(rows, columns=TYPE_COLUMNS)


def _affiliation_key(affiliation: str) -> str:
    """ "the Pentagon" and "Pentagon" are one affiliation; an empty one is shown as such."""
    text = re.sub(r"^the\s+", "", " ".join(affiliation.split()), flags=re.IGNORECASE)
    return text or NO_AFFILIATION


def affiliation_counts(quotes: Mapping[str, Iterable[Quote]], top: int | None = None) -> pd.DataFrame:
    """Long format, one row per group, affiliation (as the text gives it, leading "the" dropped) and side.

    Columns: outlet, affiliation (NO_AFFILIATION when the text names none), side, n_quotes,
    quoted_words; most quoted first within each group, ``top`` rows per group when given.
    """
    tallies = {label: ((q.affiliation, q.side, 1, q.n_words) for q in group) for label, group in quotes.items()}
    return affiliation_tallies(tallies, top)


def affiliation_tallies(
    tallies: Mapping[str, Iterable[tuple[str, str, int, int]]], top: int | None = None
) -> pd.DataFrame:
    """:func:`affiliation_counts` of (affiliation as written, side, quotations, quoted words) tallies per
    group: one per quotation, or one per distinct affiliation and side as a feature store sums them."""
    rows = []
    for label, group in tallies.items():
        n: Counter[tuple[str, str]] = Counter()
        words: Counter[tuple[str, str]] = Counter()
        for affiliation, side, count, quoted in group:
            key = (_affiliation_key(affiliation), side)
            n[key] += count
            words[key] += quoted
        ranked = sorted(n, key=lambda k: (-n[k], -words[k], k))
        for key in ranked[:top] if top else ranked:
            rows.append(
                {"outlet": label, "affiliation": key[0], "side": key[1], "n_quotes": n[key], "quoted_words": words[key]}
            )
    return pd.DataFrame(rows, columns=AFFILIATION_COLUMNS)


def source_types(features: Iterable, groups: Mapping[str, list[str]] | None = None) -> pd.DataFrame:
    """:func:`type_counts` of the features' quotations, per outlet or per named group."""
    return type_counts(quotes_by_group(features, groups))


def source_affiliations(
    features: Iterable, groups: Mapping[str, list[str]] | None = None, top: int | None = None
) -> pd.DataFrame:
    """:func:`affiliation_counts` of the features' quotations, per outlet or per named group."""
    return affiliation_counts(quotes_by_group(features, groups), top)


def two_proportion_z(k_a: int, n_a: int, k_b: int, n_b: int) -> float:
    """z of the difference of two shares k_a/n_a - k_b/n_b under the pooled null (nan when undefined).

    The usual large-sample test; callers require enough quotations on each side before reading it.
    """
    if not n_a or not n_b:
        return float("nan")
    pooled = (k_a + k_b) / (n_a + n_b)
    var = pooled * (1 - pooled) * (1 / n_a + 1 / n_b)
    if var <= 0:
        return float("nan")
    return (k_a / n_a - k_b / n_b) / math.sqrt(var)
