"""Benchmark: what the learned loaded-language detector adds to `analyze`'s time.

    .venv/bin/python benchmarks/detector_time.py [--repeat 5] [CORPUS]

Analyses the corpus (default: the seed articles) in this process, with the detector at
its default threshold and with lexicons only (``--min-confidence 2``), alternating the two
so machine load hits both alike, and prints the best time of each, the added share (the
issue's target: at most 20%) and the one-off cost of loading the model file. Times are CPU
seconds of this process, which other processes on a shared machine disturb far less than
the wall clock.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from framing import api
from framing.extract.features import analyze_article
from framing.ingest.corpus import ReadOptions
from framing.model.detector import Detector, model_path, shipped

LEXICONS_ONLY = 2.0


def _run(articles, lex, min_confidence: float | None) -> float:
    start = time.process_time()
    for article in articles:
        analyze_article(article, lex, min_confidence=min_confidence)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    start = time.process_time()
    Detector.load(model_path())
    load = time.process_time() - start
    articles = api.articles(args.corpus, ReadOptions())
    lex = api.lexicons(())
    shipped()
    _run(articles, lex, None)  # warm caches (stems, VADER) for both runs
    with_model, without = [], []
    for _ in range(args.repeat):
        without.append(_run(articles, lex, LEXICONS_ONLY))
        with_model.append(_run(articles, lex, None))
    words = sum(len(a.text.split()) for a in articles)
    base, full = min(without), min(with_model)
    print(f"corpus: {args.corpus or 'seeds'} ({len(articles)} articles, {words} words), best of {args.repeat}")
    print(f"analyze, lexicons only:      {base * 1000:8.1f} ms")
    print(f"analyze, lexicons + model:   {full * 1000:8.1f} ms")
    print(f"added by the detector:       {(full - base) / base:8.1%}   (target <= 20%)")
    print(f"loading the model file once: {load * 1000:8.1f} ms (first use in a process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
