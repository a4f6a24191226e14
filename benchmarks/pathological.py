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

# Regex lexicon entries that backtrack catastrophically on the `re` engine; each runs
# under framing.lexicon.matcher.REGEX_TIMEOUT per search and is skipped with a warning.
REGEXES = [r"((a+))+b", r"(a|a)+b", r"(a|aa)+", r"(a{1,10}){10}b", r"(a{1,30}){1,30}", r".*.*.*=", r"(.*a){12}b"]
REGEX_TEXT = "a" * 60 + "! " + "x " * 3000


def regexes() -> None:
    from framing.errors import DataError
    from framing.lexicon.matcher import Entry, PhraseMatcher
    from framing.text import Doc

    doc = Doc(REGEX_TEXT)
    print(f"{'regex entry':48} {'seconds':>8}")
    for pattern in REGEXES:
        t0 = time.perf_counter()
        try:
            PhraseMatcher([Entry(pattern, "regex", None, "bench.csv:1")]).find(doc)
            outcome = ""
        except DataError as exc:
            outcome = f"  refused: {exc.problem}"
        print(f"{pattern:48} {time.perf_counter() - t0:>8.2f}{outcome}")


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
    regexes()


if __name__ == "__main__":
    main()
