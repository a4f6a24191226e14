"""Benchmark: `framing profile --store`, `compare --store` and `report --store` on a large feature store.

    .venv/bin/python benchmarks/store_scale.py                  # 100,000 articles, 10 outlets
    .venv/bin/python benchmarks/store_scale.py --articles 5000 --keep /tmp/s.db
    .venv/bin/python benchmarks/store_scale.py --only report --pdf   # the report commands only, PDF too

The store is built quickly, without running extraction 100,000 times: the seed corpus
is analysed once into a store, then its analyses (with their findings and count rows)
are replicated in SQL under new content hashes, article ids and outlets, so the store
has as many distinct analyses and rows as a real one of that size. Then each command
runs in a fresh process and its wall time and peak resident memory
(``resource.getrusage(RUSAGE_CHILDREN)`` of a wrapper that runs only that command) are
printed. Targets (issues 13 and 17): under 60 s and under 1 GiB at 100,000 articles. The
discovered mentions (the ``mentions`` table) are replicated too, so ``profile --store -f json``
builds the actor table from 100,000 articles' mentions (scoring at most 200 articles per
outlet and actor: framing/store/actors.py).

    .venv/bin/python benchmarks/store_scale.py --keep /tmp/s.db --only json   # one command

`report --store` is timed as the user runs it and, with ``--stub-actors``, also with the store's
actor table stubbed out (``no actors``: :func:`framing.store.actors.store_actor_table` replaced, in
the measured process only, by an empty table of its columns), so the actor table's share is known.
``--claim-cap N`` lowers framing.analysis.MAX_CLAIM_ARTICLES in the stubbed runs, to show what the
claim sample costs of the report's time and memory.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 60.0
TARGET_BYTES = 1 << 30

_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(wall, peak, done.returncode)
sys.stderr.write(done.stderr[-2000:])
"""


def build_store(path: Path, n_articles: int, n_outlets: int) -> float:
    """A store of `n_articles` articles over `n_outlets` outlets, replicated from the seeds' analyses."""
    import duckdb

    from framing import run

    start = time.perf_counter()
    run.analyze_into_store(path)  # the 5 seed articles, analysed once
    db = duckdb.connect(str(path))
    db.execute("SET memory_limit = '1GB'")
    db.execute("CREATE TEMP TABLE base AS SELECT row_number() OVER (ORDER BY analysis) - 1 AS i, * FROM analyses")
    (n_base,) = db.execute("SELECT count(*) FROM base").fetchall()[0]
    (offset,) = db.execute("SELECT max(analysis) + 1 FROM analyses").fetchall()[0]
    db.execute(f"CREATE TEMP TABLE copies AS SELECT range AS k, range % {n_base} AS i FROM range({n_articles})")
    db.execute(
        "CREATE TEMP TABLE ids AS SELECT k, b.analysis AS source, k + $o AS analysis FROM copies JOIN base b USING (i)",
        {"o": offset},
    )
    db.begin()
    db.execute("DELETE FROM articles")
    db.execute(
        """INSERT INTO analyses SELECT ids.analysis, b.content_hash || '-' || ids.k, b.analysis_version, b.n_words,
                  b.n_sentences, b.text, b.record, b.actor_mentions, b.parts, b.n_mentions
           FROM ids JOIN base b ON b.analysis = ids.source"""
    )
    for table in ("findings", "sentence_counts", "article_counts", "term_counts", "mentions"):
        columns = [r[0] for r in db.execute(f"DESCRIBE {table}").fetchall() if r[0] != "analysis"]
        quoted = ", ".join(f'x."{c}"' for c in columns)
        db.execute(
            f"INSERT INTO {table} SELECT ids.analysis, {quoted} FROM ids JOIN {table} x ON x.analysis = ids.source"
        )
    db.execute(
        f"""INSERT INTO articles
            SELECT ids.k + 1, 'outlet' || lpad(CAST(ids.k % {n_outlets} AS VARCHAR), 2, '0'),
                   's' || lpad(CAST(ids.k AS VARCHAR), 7, '0'),
                   'Outlet ' || CAST(ids.k % {n_outlets} AS VARCHAR), 'Article ' || CAST(ids.k AS VARCHAR), '', '',
                   'en', 'synthetic', a.content_hash
            FROM ids JOIN analyses a ON a.analysis = ids.analysis"""
    )
    db.commit()
    db.execute("CHECKPOINT")
    db.close()
    return time.perf_counter() - start


# `framing ARGS` with the store's actor table stubbed out (an empty table of actor_table's columns).
_NO_ACTORS = """
import sys
import pandas as pd
import framing.store.actors as actors
from framing.score.actor_table import COLUMNS
actors.store_actor_table = lambda *args, **kwargs: pd.DataFrame(columns=COLUMNS)
import os
import framing.analysis
framing.analysis.MAX_CLAIM_ARTICLES = int(os.environ.get("CLAIM_CAP", framing.analysis.MAX_CLAIM_ARTICLES))
from framing.cli import main
sys.argv = ["framing", *sys.argv[1:]]
main()
"""


def measure(command: list[str], claim_cap: int | None = None) -> tuple[float, int, int, str]:
    """(wall seconds, peak RSS bytes, exit code, stderr tail) of one command in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if claim_cap is not None:
        env["CLAIM_CAP"] = str(claim_cap)
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, env=env)
    wall, peak, code = done.stdout.split()
    return float(wall), int(peak), int(code), done.stderr.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--outlets", type=int, default=10)
    parser.add_argument("--n-boot", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the store at this path and keep it")
    parser.add_argument("--only", nargs="+", metavar="WORD", help="run only the commands whose name has one of these")
    parser.add_argument("--pdf", action="store_true", help="time report --store -f pdf too")
    parser.add_argument("--claim-cap", type=int, help="claim sample of the stubbed report runs (default 5,000)")
    parser.add_argument("--stub-actors", action="store_true", help="time report also with the actor table stubbed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "store.db"
        if path.exists():
            print(f"store: reusing {path}")
        else:
            seconds = build_store(path, args.articles, args.outlets)
            print(
                f"store: {args.articles:,} articles, {args.outlets} outlets, built in {seconds:.1f} s, "
                f"{path.stat().st_size / 2**20:.0f} MiB"
            )
        framing = [sys.executable, "-m", "framing.cli"]
        no_actors = [sys.executable, "-c", _NO_ACTORS]
        boot = ["--n-boot", str(args.n_boot)]
        commands = {
            "profile --store (table)": [*framing, "profile", "--store", str(path), *boot],
            "profile --store -f csv": [*framing, "profile", "--store", str(path), "-f", "csv", *boot],
            "profile --store -f json": [*framing, "profile", "--store", str(path), "-f", "json", *boot],
            "compare --store -f json": [
                *framing, "compare", "outlet00", "outlet01", "--store", str(path), "-f", "json", *boot
            ],
        }
        for fmt in ("html", "pdf") if args.pdf else ("html",):
            report = ["report", "--store", str(path), "--format", fmt, "--output", str(Path(tmp) / fmt)]
            commands[f"report --store -f {fmt}"] = [*framing, *report]
            if args.stub_actors:
                cap = f", claims {args.claim_cap:,}" if args.claim_cap else ""
                commands[f"report --store -f {fmt} (no actors{cap})"] = [*no_actors, *report]
        for name, command in commands.items():
            if args.only and not any(word in name for word in args.only):
                continue
            wall, peak, code, err = measure(command, args.claim_cap if "no actors" in name else None)
            ok = code == 0 and wall < TARGET_SECONDS and peak < TARGET_BYTES
            print(
                f"{name:36s} {wall:7.1f} s  peak {peak / 2**20:7.0f} MiB  exit {code}  "
                f"{'meets' if ok else 'MISSES'} the target (< {TARGET_SECONDS:.0f} s, < 1 GiB)"
            )
            if code:
                print("   ", err.splitlines()[-1] if err else "(no message)")


if __name__ == "__main__":
    main()
