"""Measure claim alignment, "reported in other words" and omissions against the hand-labelled pairs.

Usage: .venv/bin/python gold/claims/measure.py [--json] [--sweep] [--detail]

Two gold sets: the five seed articles (seed_pairs.csv) and the hand-made port-strike set
(port_strike/ with port_strike_pairs.csv). For each, the aligner as it is now ("current") is
printed beside the baseline, the aligner before issue 15 (no content-beyond-names check, no
"in other words" band, no dates in the omission map), and the baseline with the dates ("+dates")
and then the content check ("+content") added, as counts with precision, recall and F1:

- alignment: predicted cross-outlet sentence pairs against gold "same" pairs (unlisted pairs count
  as wrong, a strict lower bound);
- in other words: flagged pairs that gold labels same or paraphrase; gold pairs reported either way;
- omissions: notable omissions flagged against gold facts (connected same/paraphrase pairs) that most
  outlets report and an outlet that could have (its articles not all dated before the fact) does not.

``--sweep`` prints the figures over the content threshold and the rewording band; ``--detail``
lists missed, unlisted and wrongly flagged pairs of the current aligner.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from framing.api import analyze, lexicons
from framing.claims import content
from framing.claims.align import REWORD_THRESHOLD, align
from framing.claims.content import MIN_SHARED_CONTENT
from framing.claims.evaluate import evaluate, evaluate_omissions, evaluate_reworded, read_gold, reworded_pairs
from framing.claims.omissions import omission_map
from framing.claims.units import corpus_units

HERE = Path(__file__).parent
SETS = {"seeds": (None, HERE / "seed_pairs.csv"), "port_strike": (HERE / "port_strike", HERE / "port_strike_pairs.csv")}
BASELINE = {"min_shared": 0, "reword_threshold": None, "dates": False}
CURRENT = {"min_shared": MIN_SHARED_CONTENT, "reword_threshold": REWORD_THRESHOLD, "dates": True}
# the baseline with one change at a time added, so each change's share of the difference shows
STEPS: dict[str, dict[str, Any]] = {
    "baseline": BASELINE,
    "+dates": {**BASELINE, "dates": True},
    "+content": {**BASELINE, "dates": True, "min_shared": MIN_SHARED_CONTENT},
    "current": CURRENT,
}


@contextmanager
def names_counted(on: bool) -> Iterator[None]:
    saved = content.COUNT_NAMES
    content.COUNT_NAMES = on
    try:
        yield
    finally:
        content.COUNT_NAMES = saved


def measure(features, units, gold, min_shared: int, reword_threshold: float | None, dates: bool) -> dict:
    groups = align(units, min_shared=min_shared, reword_threshold=reword_threshold)
    omap = omission_map(
        groups,
        [f.outlet for f in features],
        dates={f.id: f.meta.date for f in features} if dates else None,
        sentences={f.id: len(f.sentences) for f in features},
    )
    strict = evaluate(groups, gold)
    figures = {
        **strict.summary(),
        "f1": _f1(strict.precision, strict.recall),
        **evaluate_reworded(groups, gold).summary(),
        **evaluate_omissions(omap, gold, features).summary(),
        "exclusives_per_outlet": round(sum(len(r) for r in omap.exclusives.values()) / len(omap.outlets), 1),
    }
    return {"figures": figures, "groups": groups, "result": strict}


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


ROWS = [
    (
        "alignment",
        ["gold_same", "predicted_pairs", "true_positives", "near_misses_aligned", "precision", "recall", "f1"],
    ),
    (
        "in other words",
        [
            "gold_paraphrase",
            "reworded_flagged",
            "reworded_right",
            "reworded_near_misses",
            "reworded_precision",
            "paraphrase_recall",
            "gold_reported",
            "reported_found",
            "reported_recall",
        ],
    ),
    (
        "omissions",
        [
            "omissions_gold",
            "omissions_predicted",
            "omissions_correct",
            "flagged_but_reported",
            "flagged_but_published_later",
            "flagged_on_unmatched_group",
            "omission_precision",
            "omission_recall",
            "omission_f1",
        ],
    ),
    ("exclusives", ["exclusives_per_outlet"]),
]


def main(argv: list[str]) -> int:
    lex = lexicons()
    report: dict[str, dict] = {}
    for name, (corpus, gold_path) in SETS.items():
        features = analyze(corpus)
        gold = read_gold(gold_path, features)
        units = corpus_units(features, lex)
        runs = {step: measure(features, units, gold, **settings) for step, settings in STEPS.items()}
        now = runs["current"]
        report[name] = {step: run["figures"] for step, run in runs.items()}
        if "--json" in argv:
            continue
        n_outlets = len({f.outlet for f in features})
        print(f"\n== {name}: {len(features)} articles, {n_outlets} outlets, {len(gold)} gold pairs")
        print(f"{'':30}" + "".join(f"{step:>10}" for step in runs))
        for title, keys in ROWS:
            print(title)
            for key in keys:
                print(f"  {key:28}" + "".join(f"{run['figures'][key]!s:>10}" for run in runs.values()))
        if "--sweep" in argv:
            sweep(features, units, gold)
        if "--detail" in argv:
            detail(features, gold, now)
    if "--json" in argv:
        print(json.dumps(report, indent=2))
    return 0


def sweep(features, units, gold) -> None:
    keys = [
        "true_positives",
        "predicted_pairs",
        "near_misses_aligned",
        "precision",
        "recall",
        "reworded_flagged",
        "reworded_right",
        "omissions_correct",
        "omissions_predicted",
        "omission_precision",
        "omission_recall",
    ]
    print("\nsweep (names: shared non-speaker names count as content)")
    print("  " + " ".join(f"{k[:12]:>12}" for k in ["names", "min_shared", "reword", *keys]))
    for names in (False, True):
        for min_shared in (0, 1, 2, 3):
            for reword in (None, 0.12, 0.15, 0.18, 0.2, 0.22):
                with names_counted(names):
                    f = measure(features, units, gold, min_shared, reword, True)["figures"]
                cells = [names, min_shared, reword, *(f[k] for k in keys)]
                print("  " + " ".join(f"{c!s:>12}" for c in cells))


def detail(features, gold, now) -> None:
    texts = {(f.id, s.index): f"{f.outlet}: {s.text}" for f in features for s in f.sentences}
    result = now["result"]
    labels = {g.pair: g.label for g in gold}
    flagged = sorted(tuple(sorted(p)) for p in reworded_pairs(now["groups"]))
    for title, pairs in (
        ("near misses aligned", [(g.a, g.b, g.note) for g in result.near_misses_aligned]),
        ("missed", [(g.a, g.b, g.note) for g in result.missed]),
        ("predicted, not in the gold file", [(a, b, "") for a, b in result.unlisted]),
        ("flagged in other words", [(a, b, labels.get(frozenset((a, b)), "unlisted")) for a, b in flagged]),
    ):
        print(f"\n{title} ({len(pairs)})")
        for a, b, note in pairs:
            print(f"- {note}\n    {texts[a][:110]}\n    {texts[b][:110]}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
