"""Benchmark: throughput, per-stage time, peak memory, VADER baseline, --jobs speed-up, lexicon scaling.

    .venv/bin/python benchmarks/bench.py                       # 2,000 articles, --jobs 1 and 2
    .venv/bin/python benchmarks/bench.py --articles 100000 --jobs 2 --sample 500

What it measures, all on one synthetic corpus (benchmarks/synthetic.py, seed 0):

1. Per stage, on one core, in this process, over the first --sample articles: reading
   and cleaning (JSON parsing + boilerplate removal), tokens and sentences, VADER
   sentiment, actors, quotes, loaded terms, hedges. Side by side, the baseline: plain
   VADER ``polarity_scores(text)`` on each article's text, the floor any
   sentiment-bearing pipeline pays, and VADER per sentence of the cleaned text.
2. End to end, `framing analyze CORPUS --store S --jobs N` for each N, each in a fresh
   process so its peak memory is its own: articles/min, speed-up over --jobs 1, and
   peak resident memory of the main process and of the largest worker.
3. Re-runs on the store of the first end-to-end run: the unchanged corpus (every article
   reused), then after adding a loaded-terms file (only the loaded-term part re-runs).
4. Lexicon scaling: PhraseMatcher.find with 100 vs 5,000 entries over the same texts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import seed_sentences, write_corpus  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from framing import api  # noqa: E402
from framing.extract.actors import actor_sentiment, find_actor_mentions  # noqa: E402
from framing.extract.features import ArticleFeatures, analyze_article  # noqa: E402
from framing.extract.hedges import find_hedges  # noqa: E402
from framing.extract.loaded import find_loaded_terms  # noqa: E402
from framing.extract.quotes import find_quotes  # noqa: E402
from framing.extract.sentiment import article_sentiment, score_sentences  # noqa: E402
from framing.ingest.corpus import iter_articles  # noqa: E402
from framing.lexicon.matcher import Entry, PhraseMatcher  # noqa: E402
from framing.text import Doc, tokenize  # noqa: E402

# CPU time of this process, not wall time: the figures stay meaningful on a shared machine
# (wall time is printed for the end-to-end runs, with the load average).
clock_now = time.process_time

STAGES = ("read + clean", "tokens + sentences", "sentiment", "actors", "quotes", "loaded terms", "hedges", "assemble")


def _staged(article, lex, clock: dict[str, float]) -> ArticleFeatures:
    """analyze_article, step by step with a timer per step (checked against it below)."""

    def lap(stage: str, start: float) -> float:
        now = clock_now()
        clock[stage] += now - start
        return now

    t = clock_now()
    doc = Doc(article.text)
    doc.tokens, doc.sentences  # noqa: B018 - computed here so the later stages reuse them
    t = lap("tokens + sentences", t)
    sentences = score_sentences(doc)
    t = lap("sentiment", t)
    mentions = find_actor_mentions(doc, lex)
    t = lap("actors", t)
    quotes = find_quotes(doc, lex)
    t = lap("quotes", t)
    quoted = [(q.start, q.end) for q in quotes if q.kind != "indirect"]
    loaded = [
        replace(x, quoted=any(s <= x.start and x.end <= e for s, e in quoted)) for x in find_loaded_terms(doc, lex)
    ]
    t = lap("loaded terms", t)
    hedges = find_hedges(doc, lex)
    t = lap("hedges", t)
    features = ArticleFeatures(
        article.meta,
        article.text,
        doc.n_words,
        sentences,
        loaded,
        hedges,
        quotes,
        mentions,
        article_sentiment(sentences),
        actor_sentiment(mentions, sentences),
        lex.version,
    )
    lap("assemble", t)
    return features


def stage_profile(corpus: Path, sample: int) -> dict:
    lex = api.lexicons()
    sample_path = corpus.with_name("sample.jsonl")
    with corpus.open(encoding="utf-8") as src:
        lines = list(islice(src, sample))
    sample_path.write_text("".join(lines), encoding="utf-8")
    raw_texts = [json.loads(line)["text"] for line in lines]
    list(iter_articles(sample_path))  # warm caches (stems, lexicons) before timing
    clock = dict.fromkeys(STAGES, 0.0)
    t = clock_now()
    articles = list(iter_articles(sample_path))
    clock["read + clean"] = clock_now() - t
    for i, article in enumerate(articles):
        features = _staged(article, lex, clock)
        if i < 20:
            assert features.to_record() == analyze_article(article, lex).to_record(), "staged run differs"
    # The yardstick is the library's own analyzer: framing's (framing.extract.vader_fast) gives the
    # same scores faster, and would move the baseline it is measured against.
    vader = SentimentIntensityAnalyzer()
    t = clock_now()
    for text in raw_texts:
        vader.polarity_scores(text)
    vader_text = clock_now() - t
    t = clock_now()
    for article in articles:
        doc = Doc(article.text)
        for s, e in doc.sentences:
            vader.polarity_scores(article.text[s:e])
    vader_sentences = clock_now() - t
    words = sum(len(x.split()) for x in raw_texts)
    return {
        "articles": len(articles),
        "mean_words": words / len(raw_texts),
        "stages": clock,
        "total": sum(clock.values()),
        "vader_text": vader_text,
        "vader_sentences": vader_sentences,
    }


def end_to_end(corpus: Path, store: Path, jobs: int, extra: Path | None = None) -> dict:
    """One `analyze --store` run in a fresh process (its own peak memory)."""
    code = (
        "import json, resource, sys, time\n"
        "from framing import run\n"
        "t = time.perf_counter()\n"
        "r = run.analyze_into_store(sys.argv[2], sys.argv[1], sys.argv[4:], jobs=int(sys.argv[3]))\n"
        "s = time.perf_counter() - t\n"
        "me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "main, workers = me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime\n"
        "print(json.dumps({'seconds': s, 'cpu_main': main, 'cpu_workers': workers, 'seen': r.seen,\n"
        "  'analysed': r.analysed, 'updated': r.updated, 'reused': r.reused, 'rerun': r.rerun,\n"
        "  'rss_main_kib': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,\n"
        "  'rss_worker_kib': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(corpus), str(store), str(jobs), *([str(extra)] if extra else [])],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _ngrams(texts: list[str], n: int) -> list[str]:
    grams = set()
    for text in texts:
        words = [t.text for t in tokenize(text)]
        grams.update(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return sorted(grams)


def lexicon_scaling(texts: list[str], seed: int = 0) -> dict:
    """find() cost with 100 and 5,000 entries. Both lexicons hold the same 100 phrases that
    occur in the texts; the 5,000 adds 4,900 bigrams of the texts' own words that never occur
    (so the trie is wide where the text goes, and the number of matches stays the same).
    The worst case, 5,000 phrases that all occur, is timed too."""
    rng = random.Random(seed)
    present = _ngrams(texts, 1) + _ngrams(texts, 2)
    rng.shuffle(present)
    occurring = set(_ngrams(texts, 2))
    words = sorted({w.lower() for w in _ngrams(texts, 1)})
    absent: set[str] = set()
    while len(absent) < 4900:
        phrase = f"{rng.choice(words)} {rng.choice(words)}"
        if phrase not in occurring:
            absent.add(phrase)
    lexicons = {
        "100 entries": present[:100],
        "5,000 entries (4,900 absent)": present[:100] + sorted(absent),
        "5,000 entries (all occur)": present[:5000],
    }
    result = {}
    for name, phrases in lexicons.items():
        matcher = PhraseMatcher(Entry(p, "stem", None) for p in phrases)
        docs = [Doc(t) for t in texts]
        for d in docs:
            d.tokens, d.sentences  # noqa: B018 - shared by any pipeline; not the matcher's cost
        t = clock_now()
        n = sum(len(matcher.find(d)) for d in docs)
        result[name] = {"seconds": clock_now() - t, "entries": len(phrases), "matches": n}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="articles in the synthetic corpus")
    parser.add_argument("--words", type=int, default=600, help="mean words per article")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to run end to end")
    parser.add_argument("--sample", type=int, default=300, help="articles for the per-stage profile")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="write the corpus and stores here instead of a temp folder")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="framing-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    cpus = len(os.sched_getaffinity(0))
    gib = int(Path("/proc/meminfo").read_text().split()[1]) / 2**20
    print(f"machine: {platform.machine()}, {cpus} cores, {gib:.0f} GiB, Python {platform.python_version()}")
    t = time.perf_counter()
    corpus = write_corpus(folder / "corpus.jsonl", args.articles, args.words, args.seed)
    size = corpus.stat().st_size / 2**20
    print(f"corpus: {args.articles} synthetic articles ({size:.0f} MiB JSONL, seed {args.seed}, recombined from")
    print(f"        {len(seed_sentences())} seed sentences, 50 outlets), written in {time.perf_counter() - t:.1f} s")

    p = stage_profile(corpus, args.sample)
    n = p["articles"]
    print(f"\n1. per stage, one core, {n} articles of {p['mean_words']:.0f} words on average (CPU ms per article)")
    for stage, seconds in p["stages"].items():
        print(f"   {stage:<22}{1000 * seconds / n:8.2f}")
    print(f"   {'whole pipeline':<22}{1000 * p['total'] / n:8.2f}   = {60 * n / p['total']:,.0f} articles/min/core")
    extraction = p["total"] - p["stages"]["read + clean"]
    rate = 60 * n / extraction
    print(f"   {'  of which extraction':<22}{1000 * extraction / n:8.2f}   = {rate:,.0f} articles/min/core")
    print(f"   baseline: VADER on each article's text   {1000 * p['vader_text'] / n:8.2f}")
    print(f"   baseline: VADER on each cleaned sentence {1000 * p['vader_sentences'] / n:8.2f}")
    print(f"   ratio whole pipeline / VADER on text      {p['total'] / p['vader_text']:.2f}x")
    print(f"   ratio whole pipeline / VADER by sentence  {p['total'] / p['vader_sentences']:.2f}x")

    print(f"   (load average before the end-to-end runs: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"\n2. end to end: framing analyze corpus.jsonl --store S --jobs N ({args.articles} articles)")
    base = None
    for jobs in args.jobs:
        r = end_to_end(corpus, folder / f"store-jobs{jobs}.db", jobs)
        rate = 60 * r["seen"] / r["seconds"]
        base = base or rate
        print(
            f"   --jobs {jobs}: {r['seconds']:7.1f} s wall  {rate:8,.0f} articles/min  speed-up {rate / base:4.2f}x  "
            f"CPU ms/article main {1000 * r['cpu_main'] / r['seen']:4.1f} + workers "
            f"{1000 * r['cpu_workers'] / r['seen']:4.1f}  peak RSS main {r['rss_main_kib'] / 1024:4.0f} MiB, "
            f"largest worker {r['rss_worker_kib'] / 1024:4.0f} MiB  (load avg now {os.getloadavg()[0]:.1f})"
        )

    jobs = args.jobs[0]
    print(f"\n3. re-runs on the --jobs {jobs} store ({args.articles} articles, --jobs {jobs})")
    extra = folder / "extra_terms.csv"
    extra.write_text(
        "term,category,perspective,neutral,explanation\nPentagon,subjective,any,the US Defense Department,bench\n"
    )
    for label, lexicon in (("unchanged corpus", None), ("after adding a loaded-terms file", extra)):
        r = end_to_end(corpus, folder / f"store-jobs{jobs}.db", jobs, lexicon)
        print(
            f"   {label:<34}{r['seconds']:7.1f} s wall  {60 * r['seen'] / r['seconds']:8,.0f} articles/min  "
            f"analysed {r['analysed']}, updated {r['updated']} (re-ran {', '.join(r['rerun']) or 'nothing'}), "
            f"reused {r['reused']}"
        )

    texts = [a.text for a in islice(iter_articles(corpus), 200)]
    print("\n4. lexicon scaling: PhraseMatcher.find over 200 articles")
    scaling = lexicon_scaling(texts)
    first = next(iter(scaling.values()))["seconds"]
    for name, r in scaling.items():
        print(f"   {name:<30}{1000 * r['seconds']:8.1f} ms  {r['matches']:7d} matches  {r['seconds'] / first:4.2f}x")
    print(f"\nfiles in {folder}")


if __name__ == "__main__":
    main()
