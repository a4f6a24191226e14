"""Time the pipeline on pathological articles (issue 7): each must finish in bounded time.

    .venv/bin/python benchmarks/pathological.py

Prints, per case, the seconds spent cleaning and extracting and how much text survived.
Figures, not assertions: tests/test_hostile.py holds the (generous) bound.
"""

from __future__ import annotations

import time

from framing import api
from framing.extract.features import analyze_article
from framing.ingest.article import Article, Metadata
from framing.ingest.boilerplate import clean_text

MB = 1_000_000
CASES = {
    "1 MB of one repeated character": "a" * MB,
    "1 MB giant sentence": ("the troops moved closer to the border as officials said talks went on and " * 13_500)[:MB],
    "100,000 quotation marks": '"' * 100_000,
    "100,000 quotation marks between words": ('"word" ' * 50_000),
    "run-on sentence with 20,000 attributed quotes": 'Kirby said “no,” he said, ' * 20_000,
    "100,000 short lines": "Short line\n" * 100_000,
    "20,000 one-sentence paragraphs": "Kirby said it was fine.\n\n" * 20_000,
}


def main() -> None:
    lex = api.lexicons()
    meta = Metadata(id="p", outlet="p", outlet_name="P")
    print(f"{'case':48} {'chars':>10} {'clean s':>8} {'extract s':>10} {'kept chars':>11}")
    for name, text in CASES.items():
        t0 = time.perf_counter()
        cleaned = clean_text(text)
        t1 = time.perf_counter()
        # extraction runs on the raw text too, as if the cleaner had kept everything
        analyze_article(Article(meta, text, ()), lex)
        t2 = time.perf_counter()
        print(f"{name:48} {len(text):>10,} {t1 - t0:>8.1f} {t2 - t1:>10.1f} {len(cleaned.text):>11,}")


if __name__ == "__main__":
    main()
