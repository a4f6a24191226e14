"""Check that :func:`framing.text.build_analyzer` gives the same terms as another revision, and time both.

    .venv/bin/python benchmarks/analyzer_identity.py [--against HEAD~1] [--limit 20000]

Every counter and vectoriser takes its words from ``build_analyzer`` (word counts, boilerplate
scoring, TF-IDF, distinctive terms, claim alignment), so a faster analyzer must return the very
same list of terms. This script loads ``framing/text.py`` of the ``--against`` revision (``git show``)
as a separate module, builds both analyzers for every option set the project uses and for a grid of
the others, and compares their output, list for list, on real text: the seeds and ``gold/`` corpora
(whole texts and their lines), and, where ``../shared/datasets`` has them, PolNeAR articles, NewsMTSC,
BABE, SFU and PTC texts (up to ``--limit`` texts each), plus hostile strings (initialisms, possessives,
numbers, accents, underscores, superscripts). It prints the texts and option sets compared, the CPU
time of each revision on the project's option sets, and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from framing import text as new_text  # noqa: E402
from framing.evaluation import datasets  # noqa: E402
from framing.score.fightin_words import TERM_OPTIONS  # noqa: E402
from framing.score.similarity import TFIDF_WORDS  # noqa: E402

HOSTILE = [
    "The U.S. and U.K. said Russia's and NATO’s forces, 2,000 troops in 2022, 82nd Airborne.",
    "El País, São Paulo, naïve café; x² and ½ of 3rd; snake_case __init__ 's ’s Mr. X.Y.Z. A.B",
    "of the and in the 2022 of 1999 the the and 'tis it's don't won’t rock'n'roll",
    "", "   ", "...", "U.S.", "a.b.c.d.e.f.g.h", "Kiev's so-called 'security' guarantees, 1.5% of GDP",
]
# The option sets build_analyzer is called with in framing/ (grep build_analyzer), then a grid of the rest.
PROJECT = {
    "fightin_words": TERM_OPTIONS,
    "boilerplate": dict(lowercase=False, numbers="drop"),
    "claims": dict(
        fold_accents=True, stem_words=True, stop_words="english", ngram_range=(1, 2), numbers="drop_any_digit"
    ),
    "tfidf": dict(**TFIDF_WORDS, ngram_range=(1, 2)),
    "tfidf unigrams": dict(**TFIDF_WORDS, ngram_range=(1, 1)),
    "pairing": dict(stop_words="english", numbers="drop_any_digit"),
    "default": {},
}


def grid() -> Iterator[tuple[str, dict]]:
    yield from PROJECT.items()
    for stops, policy, ngrams, numbers, joined, possessive, stem in itertools.product(
        (None, "english"),
        ("remove", "keep_inner"),
        ((1, 1), (1, 2), (2, 3)),
        ("keep", "drop", "drop_any_digit"),
        (False, True),
        (False, True),
        (False, True),
    ):
        options = dict(
            stop_words=stops,
            stop_ngrams=policy,
            ngram_range=ngrams,
            numbers=numbers,
            join_initialisms=joined,
            drop_possessive=possessive,
            stem_words=stem,
        )
        yield "grid " + ",".join(f"{k}={v}" for k, v in options.items()), options


def old_module(revision: str) -> ModuleType:
    source = subprocess.run(
        ["git", "show", f"{revision}:framing/text.py"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    path = Path(tempfile.mkdtemp()) / "old_text.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("old_text", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_text"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def texts(limit: int) -> Iterator[tuple[str, list[str]]]:
    local = [p for folder in ("seeds", "gold") for p in sorted((ROOT / folder).rglob("*")) if p.is_file()]
    own = [p.read_text(encoding="utf-8", errors="replace") for p in local if p.suffix in (".txt", ".md", "")]
    yield "seeds and gold (texts and lines)", own + [line for t in own for line in t.splitlines()]
    yield "hostile strings", HOSTILE
    loaders: dict[str, Callable[[Path], list[str]]] = {
        "newsmtsc": lambda f: [s.text for split in datasets.NEWSMTSC_SPLITS for s in datasets.newsmtsc(f, split)],
        "babe": lambda f: [e.text for e in datasets.babe(f)],
        "sfu_speculation": lambda f: [e.text for e in datasets.sfu(f)],
        "ptc": lambda f: [e.text for e in datasets.ptc(f)],
        "polnear": lambda f: [
            a[0].text for a in __import__("framing.evaluation.polnear", fromlist=["articles"]).articles(f).values()
        ],
    }
    for name, load in loaders.items():
        folder = datasets.dataset_dir(name)
        if folder is None:
            print(f"{name}: not in ../shared/datasets, skipped")
            continue
        yield name, load(folder)[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="HEAD~1", help="git revision of the old framing/text.py")
    parser.add_argument("--limit", type=int, default=20_000, help="texts per dataset")
    args = parser.parse_args()
    old = old_module(args.against)
    corpora = list(texts(args.limit))
    differ = compared = 0
    for label, options in grid():
        a, b = old.build_analyzer(**options), new_text.build_analyzer(**options)
        for name, items in corpora:
            if label.startswith("grid") and name not in ("seeds and gold (texts and lines)", "hostile strings"):
                items = items[:500]  # the grid's 288 option sets on a sample; the project's on everything
            for t in items:
                compared += 1
                if a(t) != b(t):
                    differ += 1
                    if differ <= 10:
                        print(f"DIFFERS [{label}] on {name}: {t[:80]!r}")
    print(f"{sum(len(i) for _, i in corpora):,} texts in {len(corpora)} sets; {compared:,} analyses compared; "
          f"{differ} differ")
    everything = [t for _, items in corpora for t in items]
    for label, options in PROJECT.items():
        a, b = old.build_analyzer(**options), new_text.build_analyzer(**options)
        times = {"old": [], "new": []}
        for _ in range(3):  # alternate, so machine load hits both alike
            for name, fn in (("old", a), ("new", b)):
                start = time.process_time()
                for t in everything:
                    fn(t)
                times[name].append(time.process_time() - start)
        o, n = min(times["old"]), min(times["new"])
        print(f"{label:15} old {o:6.2f} s  new {n:6.2f} s  ({o / n:.2f}x)  CPU, best of 3")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
