"""Whole-process cost of `framing analyze` against plain VADER over the same sentences.

Usage: python benchmarks/json_path.py [--articles 600] [--repeat 3]

The in-process figure in the README (bench.py: the pipeline against VADER per article, caches
warm, no start-up, no output) and a user's stopwatch differ: a user runs a fresh process that
imports everything, reads and cleans the corpus, extracts, and writes JSON of every sentence.
This benchmark times what the user runs, as whole processes, by CPU seconds (user + system of
the child: robust to other load on a shared machine, where wall-clock time is not), and prints
each run and the median:

- ``vader``: a process that imports vaderSentiment and scores every sentence of the corpus
  (the sentences framing finds, written to a file beforehand, so the baseline pays for no
  splitting): the floor any sentence-level sentiment tool pays;
- ``help``: `framing --help` (start-up);
- ``json``: `framing analyze corpus.jsonl --format json > out.json`;
- ``store``: `framing analyze corpus.jsonl --store new.db`;

then where the JSON path's time goes, in one process: reading and cleaning, extraction,
and writing the JSON records.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_corpus  # noqa: E402

VADER = (
    "import sys\n"
    "from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer\n"
    "a = SentimentIntensityAnalyzer()\n"
    "for line in open(sys.argv[1], encoding='utf-8'):\n"
    "    a.polarity_scores(line)\n"
)


def child_cpu(cmd: list[str], stdout: Path | None = None) -> float:
    """CPU seconds (user + system) the command and its children used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(stdout or "/dev/null", "w", encoding="utf-8") as out:
        subprocess.run(cmd, stdout=out, stderr=subprocess.DEVNULL, check=True, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def sentences_file(corpus: Path, target: Path) -> int:
    from framing import api
    from framing.text import Doc

    n = 0
    with target.open("w", encoding="utf-8") as out:
        for article in api.articles(corpus):
            doc = Doc(article.text)
            for s, e in doc.sentences:
                out.write(" ".join(article.text[s:e].split()) + "\n")
                n += 1
    return n


def stages(corpus: Path) -> dict[str, float]:
    """Process time of each step of the JSON path, in this process (imports already paid)."""
    from framing import api
    from framing.extract.features import analyze_article

    lex = api.lexicons()
    t = time.process_time()
    articles = api.articles(corpus)
    read = time.process_time() - t
    t = time.process_time()
    features = [analyze_article(a, lex) for a in articles]
    extract = time.process_time() - t
    t = time.process_time()
    buffer = io.StringIO()
    for f in features:
        buffer.write(json.dumps(f.to_record(), ensure_ascii=False) + "\n")
    write = time.process_time() - t
    return {"read + clean": read, "extract": extract, "JSON records": write}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    framing = [sys.executable, "-m", "framing"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = write_corpus(folder / "corpus.jsonl", args.articles)
        n_sentences = sentences_file(corpus, folder / "sentences.txt")
        print(f"{args.articles} synthetic articles (seed sentences), {n_sentences:,} sentences")
        runs: dict[str, list[float]] = {"vader": [], "help": [], "json": [], "store": []}
        for i in range(args.repeat):  # interleaved, so slow phases of the machine hit every command
            runs["vader"].append(child_cpu([sys.executable, "-c", VADER, str(folder / "sentences.txt")]))
            runs["help"].append(child_cpu([*framing, "--help"]))
            runs["json"].append(child_cpu([*framing, "analyze", str(corpus), "--format", "json"], folder / "o.json"))
            store = folder / f"store{i}.db"
            runs["store"].append(child_cpu([*framing, "analyze", str(corpus), "--store", str(store)]))
        vader = statistics.median(runs["vader"])
        for name, values in runs.items():
            med = statistics.median(values)
            ratio = f"  {med / vader:.1f}x vader" if name in ("json", "store") else ""
            print(f"{name:6} CPU s: median {med:7.2f}  runs {', '.join(f'{v:.2f}' for v in values)}{ratio}")
        parts = stages(corpus)
        total = sum(parts.values())
        print("JSON path in one process (imports excluded):")
        for name, seconds in parts.items():
            print(f"  {name:14} {seconds:7.2f} s  {seconds / total:5.1%}  {seconds / vader:.1f}x vader")


if __name__ == "__main__":
    main()
