"""Measure claim alignment on the seeds against gold/claims/seed_pairs.csv.

Usage: .venv/bin/python gold/claims/measure.py [--json]

Prints precision, recall and near misses aligned, then every missed gold pair and every
predicted pair the gold file does not list (counted as wrong: judge them by reading).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from framing.api import analyze, lexicons
from framing.claims import claim_groups
from framing.claims.evaluate import evaluate, read_gold

GOLD = Path(__file__).with_name("seed_pairs.csv")


def main(argv: list[str]) -> int:
    features = analyze()
    result = evaluate(claim_groups(features, lexicons()), read_gold(GOLD, features))
    if "--json" in argv:
        print(json.dumps(result.summary(), indent=2))
        return 0
    texts = {(f.id, s.index): f"{f.outlet}: {s.text}" for f in features for s in f.sentences}
    for key, value in result.summary().items():
        print(f"{key:22} {value}")
    for title, pairs in (
        ("near misses aligned", [(g.a, g.b, g.note) for g in result.near_misses_aligned]),
        ("missed", [(g.a, g.b, g.note) for g in result.missed]),
        ("predicted, not in the gold file", [(a, b, "") for a, b in result.unlisted]),
    ):
        print(f"\n{title} ({len(pairs)})")
        for a, b, note in pairs:
            print(f"- {note}\n    {texts[a][:110]}\n    {texts[b][:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
