"""Time the pipeline on pathological articles (issue 7): each must finish in bounded time.

    .venv/bin/python benchmarks/pathological.py

Prints, per case, the seconds spent cleaning and extracting and how much text survived.
Figures, not assertions: tests/test_hostile.py holds the (generous) bound.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

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
    "run-on text of 2,000 quotes and 20,000 pronouns": 'Ruiz said "we won," he said. ' * 2000 + "he " * 20_000,
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


def _reading_cases(folder: Path) -> dict[str, Path]:
    """Corpora that used to crash, hang or lose text while being read (issues 14 and 18)."""
    cases = {}
    huge = folder / "huge-line.jsonl"  # one 50 MB line: measured while read, skipped at the 5 MB limit
    with huge.open("w", encoding="utf-8") as handle:
        handle.write('{"id": "big", "outlet": "x", "text": "' + "word " * 10_000_000 + '"}\n')
        handle.write(json.dumps({"id": "ok", "outlet": "x", "text": "The strike ended on Friday."}) + "\n")
    cases["50 MB JSONL line beside a good record"] = huge
    deep = folder / "deep.jsonl"
    deep.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"outlet": "x", "text": "The port reopened."}))
    cases["JSONL record nested 100,000 deep"] = deep
    numbered = folder / "numbered.jsonl"  # prose lines that start with a list number
    line = "2. Russian President Vladimir Putin has been concerned about the expansion of NATO, officials said. "
    numbered.write_text(json.dumps({"outlet": "x", "text": "\n".join([line * 9] * 60)}) + "\n")
    cases["600-line article of numbered prose"] = numbered
    bomb = folder / "bomb"
    bomb.mkdir()
    (bomb / "a.txt").write_text("The union said on Tuesday that the strike would go on until the pension was restored.")
    levels = ["a: &a ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x']"]
    for k in range(1, 12):
        levels.append(f"l{k}: &l{k} [" + ", ".join([f"*{'a' if k == 1 else f'l{k - 1}'}"] * 9) + "]")
    (bomb / "manifest.yaml").write_text("\n".join(levels) + "\n")
    cases["YAML alias bomb as manifest"] = bomb
    return cases


def reading() -> None:
    from framing.errors import FramingError
    from framing.ingest.corpus import ReadOptions, load_corpus

    print(f"\n{'reading case':48} {'seconds':>8} {'articles':>9} {'skipped':>8}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in _reading_cases(Path(tmp)).items():
            options = ReadOptions(skip_bad=True)
            t0 = time.perf_counter()
            try:
                found = len(load_corpus(path, options))
                outcome = options.skipped[0].problem if options.skipped else "read"
            except FramingError as exc:
                found, outcome = 0, f"refused: {exc.problem}"
            print(f"{name:48} {time.perf_counter() - t0:>8.2f} {found:>9} {len(options.skipped):>8}  {outcome[:60]}")


def main() -> None:
    lex = api.lexicons()
    meta = Metadata(id="p", outlet="p", outlet_name="P")
    from framing.extract.discover import discover_mentions

    print(f"{'case':48} {'chars':>10} {'clean s':>8} {'extract s':>10} {'discover s':>10} {'kept chars':>11}")
    for name, text in CASES.items():
        t0 = time.perf_counter()
        cleaned = clean_text(text)
        t1 = time.perf_counter()
        # extraction runs on the raw text too, as if the cleaner had kept everything
        analyze_article(Article(meta, text, ()), lex)
        t2 = time.perf_counter()
        discover_mentions(text, lex)  # actor discovery runs when the actor table is built, not in analyze
        t3 = time.perf_counter()
        print(f"{name:48} {len(text):>10,} {t1 - t0:>8.1f} {t2 - t1:>10.1f} {t3 - t2:>10.1f} {len(cleaned.text):>11,}")
    regexes()
    reading()


if __name__ == "__main__":
    main()
