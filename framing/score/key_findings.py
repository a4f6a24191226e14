"""Key findings: the few differences between two outlets that the numbers support, in plain words.

A reader of a comparison should not have to read forty score rows to learn how two outlets
differ. This module reads the statistics the comparison already holds and states, as short
sentences, only what they carry:

- a **score** (loaded-term rate, hedging, quote shares, tone, ...) differs when the 95%
  bootstrap interval of the difference excludes zero and neither side is flagged for too few
  observations (:data:`framing.score.profile.MIN_SENTENCES` and the other minimums). Where the
  interval excludes zero, the replicates put one side above the other in at least 97.5% of
  resamples, so the ratio stated beside it ("2.0x as often") is above 1 on the same evidence;
- a **word choice** (a naming variant or loaded lexicon phrase only one side writes) counts when
  its Fightin' Words z reaches the comparison's cut (``--min-z``) and the side uses it at least
  :data:`MIN_TERM_USES` times: one or two uses are an accident of wording, not a choice;
- a **source type** (officials, experts, citizens, ...) differs when its share of each side's
  quotations differs at |z| >= 1.96 (two-proportion test), each side has at least
  :data:`framing.score.profile.MIN_QUOTES` quotations and the type at least as many in all.

Each finding keeps its figures, the statistic it rests on and a pointer to the row of the
comparison it comes from (``evidence``), so a report can link it to its table and a test can
check it against the profile. Findings are ranked by strength (|z|, or for a score the
difference over its standard error read off the interval) and capped. Because readers look for
the loaded-term rate first, it is always reported: as a finding when supported, otherwise
among the differences the numbers do *not* support, with the interval that says so. With one
article on a side, the scope sentence says that the findings describe those articles.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.score.bootstrap import CONFIDENCE
from framing.score.profile import MIN_ARTICLES_TO_RESAMPLE, MIN_QUOTES, MIN_SENTENCES
from framing.score.source_types import TYPE_LABELS, two_proportion_z

if TYPE_CHECKING:
    from framing.score.compare import Comparison

MAX_FINDINGS = 8  # a summary, not a second table
# Uses of a word by the side that alone writes it. Measured on the null pairs of benchmarks/key_findings.py (each
# real article's odd against its even paragraphs): two uses of a variant in one half and none in the other happened
# in 2 of 10 articles, three in none; so one or two uses are read as an accident of wording, not a choice.
MIN_TERM_USES = 3
SOURCE_Z = 1.96  # two-sided 5% for one share: the list of types is short and fixed in advance
_Z95 = 1.959964  # half-width of a 95% interval in standard errors
# Always checked and, when not supported, said so: the figures a reader looks for first.
HEADLINE_SCORES = ("loaded_per_1k", "hedges_per_1k", "balance_index")
# Not stated on their own: the origin split re-counts the loaded terms; quoted-word shares repeat quote shares.
RESAMPLED_SENTENCES = (
    f"With fewer than {MIN_ARTICLES_TO_RESAMPLE} articles a side, intervals resample sentences, "
    "which share an article's topic and writer, so they are narrower than they should be."
)
_SKIPPED = ("loaded_lexicon_per_1k", "loaded_model_per_1k")
_SKIPPED_PREFIXES = ("quoted_words_share_",)


@dataclass(frozen=True)
class Finding:
    """One sentence and what it rests on.

    kind: "score", "naming", "term" or "source_type". strength: |z| or its equivalent (ranking
    key). basis: the statistic in words. evidence: where in the comparison the numbers are
    ({"table": "scores", "row": "loaded_per_1k"}, {"table": "naming", "row": concept}, ...).
    figures: the numbers the sentence states, unrounded. supported: False for a headline
    difference the numbers do not support (stated with the reason).
    """

    kind: str
    text: str
    strength: float
    basis: str
    evidence: dict[str, str]
    figures: dict[str, Any] = field(default_factory=dict)
    supported: bool = True


@dataclass
class KeyFindings:
    """The ranked, capped findings of one comparison, the checked-but-unsupported headline
    differences, and the scope sentence that says what the findings describe."""

    label_a: str
    label_b: str
    name_a: str
    name_b: str
    findings: list[Finding]
    unsupported: list[Finding]
    scope: str
    n_supported: int  # before the cap
    one_article_each: bool = False  # both sides are a single article
    sentences_resampled: bool = False  # a side has too few articles to resample them (intervals too narrow)

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.label_a,
            "b": self.label_b,
            "scope": self.scope,
            "n_supported": self.n_supported,
            "findings": [asdict(f) for f in self.findings],
            "not_supported": [asdict(f) for f in self.unsupported],
        }


def display_name(names: list[str], slugs: list[str]) -> str:
    """Short name of a side for sentences: "NV (Ukraine)" -> "NV"; a pooled group keeps its slugs."""
    if len(slugs) != 1:
        return "+".join(slugs)
    short = re.sub(r"\s*\([^)]*\)\s*$", "", names[0] or "").strip()
    return short or slugs[0]


def _finite(*values: Any) -> bool:
    return all(isinstance(v, int | float) and math.isfinite(v) for v in values)


def _strength(diff: float, lo: float, hi: float) -> float:
    """The difference over its standard error, read off the 95% interval; large when the interval has no width."""
    se = (hi - lo) / (2 * _Z95)
    return abs(diff) / se if se > 0 else 99.0


def _times(hi: float, lo: float) -> str:
    """ "2.0x as often as"; within 5% "about as often as" (a ratio of 1.0x reads as a difference)."""
    return f"{hi / lo:.1f}x as often as" if hi / lo >= 1.05 else "about as often as"


def _rate_sentence(verb: str, unit: str, hi_name: str, lo_name: str, hi: float, lo: float) -> str:
    if lo > 0:
        return f"{hi_name} {verb} {_times(hi, lo)} {lo_name} ({hi:.1f} vs {lo:.1f} {unit} per 1,000 words)"
    return f"{hi_name} {verb} ({hi:.1f} {unit} per 1,000 words); {lo_name} none"


def _inside(label: str) -> str:
    found = re.search(r"\(([^)]*)\)", label)
    return found.group(1) if found else label


def _after_colon(label: str) -> str:
    return label.split(":", 1)[1].strip() if ":" in label else label


def _share_sentence(
    what: str, hi_name: str, lo_name: str, k: tuple[int, int], n: tuple[int, int], of: str = "quotations"
) -> str:
    """ "NV quotes officials in 9 of its 15 quotations (60%); Sputnik in 14 of 16 (88%)"."""
    first = f"{k[0]} of its {n[0]} {of} ({k[0] / n[0]:.0%})" if n[0] else "none"
    second = f"{k[1]} of {n[1]} ({k[1] / n[1]:.0%})" if n[1] else "none"
    return f"{hi_name} {what} in {first}; {lo_name} in {second}"


def score_sentence(row: dict[str, Any], name_a: str, name_b: str) -> str | None:
    """The plain sentence for one score row of a comparison, oriented from the side that has more; None when the
    score has no sentence (it is not one a reader needs stated)."""
    score, label, a, b = row["score"], row["label"], float(row["a"]), float(row["b"])
    first_a = a >= b
    hi_name, lo_name = (name_a, name_b) if first_a else (name_b, name_a)
    hi, lo = (a, b) if first_a else (b, a)
    rates = {
        "loaded_per_1k": ("uses loaded terms", "loaded terms"),
        "loaded_own_per_1k": ("uses loaded terms outside quotations", "such terms"),
        "hedges_per_1k": ("hedges", "hedges, modals and scare quotes"),
        "scare_quotes_per_1k": ("uses scare quotes", "scare quotes"),
        "attribution_per_1k": ("uses attribution verbs", "attribution verbs"),
        "quotes_per_1k": ("quotes sources", "quotations"),
    }
    if score in rates:
        return _rate_sentence(*rates[score], hi_name, lo_name, hi, lo)
    if score.startswith("loaded_persp_"):
        perspective = _inside(label)
        kind = "loaded terms that favour no side" if perspective == "any" else f"{perspective} loaded terms"
        return _rate_sentence(f"uses {kind}", "such terms", hi_name, lo_name, hi, lo)
    if score.startswith("loaded_cat_"):
        return _rate_sentence(
            f"uses loaded terms of the kind '{_inside(label)}'", "such terms", hi_name, lo_name, hi, lo
        )
    n = (int(row["a_n"]), int(row["b_n"])) if first_a else (int(row["b_n"]), int(row["a_n"]))
    k = (round(hi * n[0]), round(lo * n[1]))
    if score.startswith("attr_share_"):
        return _share_sentence(f"uses {_after_colon(label)} attribution verbs", hi_name, lo_name, k, n, "attributions")
    if score.startswith("quote_share_"):
        side = _after_colon(label)
        what = "quotes other sources" if side == "other" else f"quotes {side} sources"
        return _share_sentence(what, hi_name, lo_name, k, n, "quotations with a known speaker")
    if score == "balance_index":
        return (
            f"{hi_name} spreads its quotations more evenly across sides than {lo_name} "
            f"(balance index {hi:.2f} vs {lo:.2f}; 1 = even)"
        )
    low_name, high_name = (name_a, name_b) if a <= b else (name_b, name_a)
    low, high = min(a, b), max(a, b)
    tone = "more negative" if low < 0 else "less positive"
    if score == "sentiment":
        compound = f"mean VADER compound {low:+.2f} vs {high:+.2f}"
        return f"{low_name}'s sentences are {tone} in tone than {high_name}'s ({compound})"
    if score.startswith("actor_sentiment_"):
        group = label.rsplit("mentioning", 1)[-1].strip()
        n_low, n_high = (int(row["a_n"]), int(row["b_n"])) if a <= b else (int(row["b_n"]), int(row["a_n"]))
        return (
            f"Sentences that mention {group} are {tone} in {low_name} than in {high_name} "
            f"(mean VADER compound {low:+.2f} vs {high:+.2f}; {n_low} and {n_high} sentences)"
        )
    return None


def _observations(score: str) -> tuple[str, int]:
    """What the n of a headline score counts, and its minimum (framing.score.profile)."""
    if score == "balance_index":
        return "quotations with a known speaker", MIN_QUOTES
    return "sentences", MIN_SENTENCES


def _interval(row: dict[str, Any]) -> str:
    digits = 1 if str(row["score"]).endswith("per_1k") else 2
    return f"{row['diff_lo']:+.{digits}f} to {row['diff_hi']:+.{digits}f}"


def _figures(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("a", "b", "a_n", "b_n", "diff", "diff_lo", "diff_hi")
    return {k: row[k] for k in keys}


def score_findings(c: Comparison, name_a: str, name_b: str) -> tuple[list[Finding], list[Finding]]:
    """(supported, unsupported headline) findings from the score rows of the comparison."""
    supported, unsupported = [], []
    level = f"{CONFIDENCE:.0%}"
    for row in c.scores.to_dict("records"):
        score = row["score"]
        if score in _SKIPPED or score.startswith(_SKIPPED_PREFIXES) or not _finite(row["a"], row["b"]):
            continue
        flagged = [name for name, key in ((name_a, "a"), (name_b, "b")) if row[f"{key}_flag"]]
        evidence = {"table": "scores", "row": score}
        ok = bool(row["excludes_zero"]) and not flagged and _finite(row["diff_lo"], row["diff_hi"])
        if ok:
            text = score_sentence(row, name_a, name_b)
            if text is None:
                continue
            basis = f"{level} bootstrap interval of the difference {_interval(row)} excludes 0"
            strength = _strength(row["diff"], row["diff_lo"], row["diff_hi"])
            supported.append(Finding("score", text, strength, basis, evidence, _figures(row)))
        elif score in HEADLINE_SCORES and (row["a"] or row["b"]):
            text = score_sentence(row, name_a, name_b)
            if text is None:
                continue
            if flagged:
                n_of = {name_a: row["a_n"], name_b: row["b_n"]}
                unit, least = _observations(score)
                counts = " and ".join(f"{n} ({n_of[n]} {unit})" for n in flagged)
                why = f"there are too few observations for {counts}; the minimum is {least}"
            elif not _finite(row["diff_lo"], row["diff_hi"]):
                why = "no interval could be computed"
            else:
                why = f"the {level} interval of the difference, {_interval(row)}, includes 0"
            unsupported.append(Finding("score", text, 0.0, why, evidence, _figures(row), supported=False))
    # Loaded terms in the outlet's own voice repeat the loaded-term finding when both are supported.
    if any(f.evidence["row"] == "loaded_per_1k" for f in supported):
        supported = [f for f in supported if f.evidence["row"] != "loaded_own_per_1k"]
    return supported, unsupported


def _as_written(variant: str, examples: dict[str, str]) -> str:
    """The lexicon's own form of a variant, or for a pattern with a wildcard the words as written."""
    if "*" not in variant:
        return variant
    shown = examples.get(variant, "").split("; ")[0]
    return shown or variant.replace(" * ", " … ")


def naming_findings(c: Comparison, name_a: str, name_b: str, min_z: float) -> list[Finding]:
    """One finding per naming concept whose strongest one-sided variant passes the cut (see module docstring)."""
    if c.naming.empty:
        return []
    terms = c.lexicon_terms
    naming_terms = terms[terms["lexicon"].astype(str).str.contains("naming")] if not terms.empty else terms
    z_of = dict(zip(naming_terms["term"], naming_terms["z"], strict=False)) if not terms.empty else {}
    examples = dict(zip(naming_terms["term"], naming_terms["examples"], strict=False)) if not terms.empty else {}
    names = {"a": name_a, "b": name_b}
    found = []
    for concept, group in c.naming.groupby("concept", sort=True):
        best = None
        for r in group.to_dict("records"):
            one_side = "a" if r["count_a"] and not r["count_b"] else "b" if r["count_b"] and not r["count_a"] else None
            z = z_of.get(r["variant"])
            uses = r["count_a"] if one_side == "a" else r["count_b"] if one_side == "b" else 0
            if one_side is None or z is None or not math.isfinite(z) or abs(z) < min_z or uses < MIN_TERM_USES:
                continue
            if (one_side == "a") != (z > 0):
                continue  # z leans the other way (cannot happen with a one-sided count, kept as a guard)
            if best is None or abs(z) > abs(best[1]):
                best = (r, z, one_side, uses)
        if best is None:
            continue
        r, z, side, uses = best
        other = "b" if side == "a" else "a"
        theirs = [
            f"'{_as_written(v['variant'], examples)}' ({v[f'count_{other}']})"
            for v in group.to_dict("records")
            if v[f"count_{other}"]
        ]
        said = f"{names[other]} writes {', '.join(theirs)}" if theirs else f"{names[other]} uses no name for it"
        text = f"Only {names[side]} writes '{_as_written(r['variant'], examples)}' ({uses} times); {said}"
        basis = f"log-odds z = {z:+.2f} (|z| ≥ {min_z:g}, the comparison's cut; {uses} uses)"
        figures = {"variant": r["variant"], "count_a": int(r["count_a"]), "count_b": int(r["count_b"]), "z": z}
        found.append(Finding("naming", text, abs(z), basis, {"table": "naming", "row": str(concept)}, figures))
    return found


def term_findings(c: Comparison, name_a: str, name_b: str, min_z: float) -> list[Finding]:
    """Loaded lexicon phrases only one side uses, past the cut (naming variants are :func:`naming_findings`)."""
    terms = c.lexicon_terms
    if terms.empty:
        return []
    category = dict(zip(c.loaded_only["term"], c.loaded_only["category"], strict=False))
    found = []
    for r in terms[terms["lexicon"] == "loaded"].to_dict("records"):
        side = "a" if r["count_a"] and not r["count_b"] else "b" if r["count_b"] and not r["count_a"] else None
        uses = r["count_a"] or r["count_b"]
        if side is None or not math.isfinite(r["z"]) or abs(r["z"]) < min_z or uses < MIN_TERM_USES:
            continue
        name, other = (name_a, name_b) if side == "a" else (name_b, name_a)
        kind = f", a '{category[r['term']]}' term" if r["term"] in category else ""
        text = f"Only {name} uses '{r['examples'].split('; ')[0]}' ({uses} times{kind}); {other} never does"
        basis = f"log-odds z = {r['z']:+.2f} (|z| ≥ {min_z:g}, the comparison's cut; {uses} uses)"
        figures = {"term": r["term"], "count_a": int(r["count_a"]), "count_b": int(r["count_b"]), "z": r["z"]}
        found.append(Finding("term", text, abs(r["z"]), basis, {"table": "lexicon_terms", "row": r["term"]}, figures))
    return found


def source_type_findings(c: Comparison, name_a: str, name_b: str) -> list[Finding]:
    """Speaker types whose share of quotations differs between the sides (see module docstring)."""
    frame = getattr(c, "source_types", None)
    if frame is None or frame.empty:
        return []
    counts = frame.pivot_table(index="speaker_type", columns="group", values="n_quotes", aggfunc="sum", fill_value=0)
    counts = counts.reindex(columns=["a", "b"], fill_value=0)
    n_a, n_b = int(counts["a"].sum()), int(counts["b"].sum())
    if n_a < MIN_QUOTES or n_b < MIN_QUOTES:
        return []
    found = []
    for kind, r in counts.iterrows():
        k_a, k_b = int(r["a"]), int(r["b"])
        if kind == "unknown" or k_a + k_b < MIN_QUOTES:
            continue
        z = two_proportion_z(k_a, n_a, k_b, n_b)
        if not math.isfinite(z) or abs(z) < SOURCE_Z:
            continue
        (hi_name, k_hi, n_hi), (lo_name, k_lo, n_lo) = sorted(
            [(name_a, k_a, n_a), (name_b, k_b, n_b)], key=lambda t: -t[1] / t[2]
        )
        label = TYPE_LABELS.get(str(kind), str(kind))
        if k_lo == 0:
            text = f"{hi_name} quotes {label} ({k_hi} of {n_hi} quotations); {lo_name} quotes none (0 of {n_lo})"
        else:
            text = _share_sentence(f"quotes {label}", hi_name, lo_name, (k_hi, k_lo), (n_hi, n_lo))
        basis = f"two-proportion z = {abs(z):.2f} (≥ {SOURCE_Z}; {k_a + k_b} such quotations in all)"
        figures = {"speaker_type": str(kind), "k_a": k_a, "n_a": n_a, "k_b": k_b, "n_b": n_b, "z": z}
        found.append(Finding("source_type", text, abs(z), basis, {"table": "source_types", "row": str(kind)}, figures))
    return found


def scope_sentence(c: Comparison, name_a: str, name_b: str) -> str:
    """What the findings describe: with one article on a side, that article, not the outlet."""
    n_a, n_b = c.sizes["a"]["n_articles"], c.sizes["b"]["n_articles"]
    parts = []
    if n_a == 1 and n_b == 1:
        parts.append(
            f"{name_a} and {name_b} are one article each: these findings describe those two articles, not the outlets."
        )
    elif n_a == 1 or n_b == 1:
        one, many, n = (name_a, name_b, n_b) if n_a == 1 else (name_b, name_a, n_a)
        parts.append(
            f"{one} is one article (against {n} articles of {many}): the findings describe that article, "
            f"not {one} as an outlet."
        )
    else:
        parts.append(f"{name_a}: {n_a} articles; {name_b}: {n_b} articles.")
    if min(n_a, n_b) < MIN_ARTICLES_TO_RESAMPLE:
        parts.append(RESAMPLED_SENTENCES)
    return " ".join(parts)


def key_findings(c: Comparison, cap: int = MAX_FINDINGS) -> KeyFindings:
    """The key findings of a comparison: supported differences ranked by strength and capped at ``cap``."""
    name_a = display_name([c.names.get(o, o) for o in c.a], c.a)
    name_b = display_name([c.names.get(o, o) for o in c.b], c.b)
    if name_a == name_b:
        name_a, name_b = c.label_a, c.label_b
    min_z = float(c.settings.get("min_z", 1.0))
    supported, unsupported = score_findings(c, name_a, name_b)
    supported += naming_findings(c, name_a, name_b, min_z)
    supported += term_findings(c, name_a, name_b, min_z)
    supported += source_type_findings(c, name_a, name_b)
    ranked = sorted(supported, key=lambda f: (-f.strength, f.kind, f.text))
    return KeyFindings(
        c.label_a,
        c.label_b,
        name_a,
        name_b,
        ranked[:cap],
        unsupported,
        scope_sentence(c, name_a, name_b),
        len(ranked),
        c.sizes["a"]["n_articles"] == 1 and c.sizes["b"]["n_articles"] == 1,
        min(c.sizes["a"]["n_articles"], c.sizes["b"]["n_articles"]) < MIN_ARTICLES_TO_RESAMPLE,
    )


def findings_frame(found: KeyFindings) -> pd.DataFrame:
    """The findings and the unsupported headline differences as one frame (for tables and CSV)."""
    rows = [asdict(f) for f in found.findings + found.unsupported]
    return pd.DataFrame(rows, columns=["kind", "text", "strength", "basis", "evidence", "figures", "supported"])
