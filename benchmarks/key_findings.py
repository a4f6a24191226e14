"""How often the key findings state a difference where there is none, against a naive summary.

Usage: python benchmarks/key_findings.py [--n-boot 1000]

Null pairs: every real article of the project (the five seeds and the five extra gold articles)
is split into its odd and its even paragraphs, and the halves are compared as two "outlets".
The halves share a writer, a topic and a day, so any difference stated between them is not a
difference of outlets. Real pairs: the ten pairs of seed outlets.

For each pair two summaries are counted:
- key findings (framing.score.key_findings): the supported findings, by kind;
- a naive summary: each headline score (loaded terms, hedges, balance index) whose point
  estimates differ by 1.5x or more (or one side is zero), plus every naming variant only one
  side writes, however rarely: what a reader skimming the tables would say.

Printed: statements per pair and in total for both, on the null and on the real pairs. Texts
are read from the repository (seeds/ and gold/extra/corpus), never written out.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from framing import api  # noqa: E402
from framing.score import compare  # noqa: E402
from framing.score.key_findings import HEADLINE_SCORES, key_findings  # noqa: E402

NAIVE_RATIO = 1.5


def naive_statements(c) -> int:
    """Headline scores apart by NAIVE_RATIO or more, and naming variants one side alone writes."""
    n = 0
    for r in c.scores[c.scores["score"].isin(HEADLINE_SCORES)].to_dict("records"):
        a, b = r["a"], r["b"]
        if a != a or b != b:  # nan
            continue
        hi, lo = max(a, b), min(a, b)
        n += bool(hi > 0 and (lo == 0 or hi / lo >= NAIVE_RATIO))
    naming = c.naming
    if not naming.empty:
        n += int(((naming["count_a"] > 0) != (naming["count_b"] > 0)).sum())
    return n


def halves_corpus(folder: Path, articles) -> list[tuple[str, str]]:
    """Write each article's odd and even paragraphs as two outlets; returns the (a, b) slug pairs."""
    pairs = []
    with open(folder / "manifest.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["file", "outlet", "outlet_name", "title", "date", "url", "language", "notes"])
        for i, article in enumerate(articles):
            paragraphs = [p for p in article.text.split("\n\n") if p.strip()]
            slugs = []
            for half, part in (("odd", paragraphs[0::2]), ("even", paragraphs[1::2])):
                slug = f"a{i}-{half}"
                (folder / f"{slug}.txt").write_text("\n\n".join(part) + "\n", encoding="utf-8")
                writer.writerow([f"{slug}.txt", slug, f"{article.outlet} {half}", slug, "2024-01-01", "", "en", ""])
                slugs.append(slug)
            pairs.append((slugs[0], slugs[1]))
    return pairs


def run(n_boot: int) -> None:
    articles = api.articles() + api.articles(ROOT / "gold" / "extra" / "corpus")
    with tempfile.TemporaryDirectory() as tmp:
        pairs = halves_corpus(Path(tmp), articles)
        features = api.analyze(tmp)
    print(f"Null pairs: {len(pairs)} articles, each split into odd and even paragraphs (n_boot={n_boot})")
    totals = Counter()
    for (a, b), article in zip(pairs, articles, strict=True):
        c = compare(features, [a], [b], n_boot=n_boot)
        found = key_findings(c)
        kinds = Counter(f.kind for f in found.findings)
        naive = naive_statements(c)
        totals["key"] += found.n_supported
        totals["naive"] += naive
        totals.update({f"kind:{k}": v for k, v in kinds.items()})
        listed = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "-"
        print(f"  {article.outlet:<15} key findings {found.n_supported} ({listed}); naive statements {naive}")
    by_kind = ", ".join(f"{k[5:]} {v}" for k, v in sorted(totals.items()) if k.startswith("kind:")) or "none"
    print(f"  total: key findings {totals['key']} ({by_kind}); naive statements {totals['naive']}")

    seeds = api.analyze()
    outlets = [f.outlet for f in seeds]
    print(f"Real pairs: the {len(outlets) * (len(outlets) - 1) // 2} pairs of seed outlets")
    totals = Counter()
    for a, b in combinations(outlets, 2):
        c = compare(seeds, [a], [b], n_boot=n_boot)
        found = key_findings(c)
        kinds = Counter(f.kind for f in found.findings)
        naive = naive_statements(c)
        totals["key"] += found.n_supported
        totals["naive"] += naive
        totals.update({f"kind:{k}": v for k, v in kinds.items()})
        listed = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "-"
        print(f"  {a + ' vs ' + b:<26} key findings {found.n_supported} ({listed}); naive statements {naive}")
    by_kind = ", ".join(f"{k[5:]} {v}" for k, v in sorted(totals.items()) if k.startswith("kind:")) or "none"
    print(f"  total: key findings {totals['key']} ({by_kind}); naive statements {totals['naive']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-boot", type=int, default=1000)
    run(parser.parse_args().n_boot)


if __name__ == "__main__":
    main()
