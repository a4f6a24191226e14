"""A/B of the actor table against another checkout, in one process, runs alternating.

    .venv/bin/python benchmarks/actor_time_ab.py [--against /work/main] [--repeat 9] [CORPUS]

:mod:`benchmarks.actor_time` compares versions only as separate processes, which a loaded machine
(several jobs on two cores) makes noisy. Here the other checkout's ``discover``,
``target_sentiment`` and ``actor_table`` modules are loaded beside this one's (the rest of the
package is shared), the two tables are checked equal, and ``analyze``, each actor table and each
discovery pass are timed in turn, in CPU time; best and median are printed.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from framing import api
from framing.extract.features import analyze_article
from framing.ingest.corpus import ReadOptions
from framing.score import actor_table as new_table


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _other_table(checkout: Path) -> ModuleType:
    """The other checkout's actor_table, importing that checkout's discover and target_sentiment."""
    names = ("framing.extract.discover", "framing.extract.target_sentiment")
    saved = {name: sys.modules[name] for name in names}
    try:
        for name in names:
            sys.modules[name] = _load(f"other_{name.rsplit('.', 1)[1]}", checkout / (name.replace(".", "/") + ".py"))
        return _load("other_actor_table", checkout / "framing" / "score" / "actor_table.py")
    finally:
        sys.modules.update(saved)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=None)
    parser.add_argument("--against", type=Path, default=Path("/work/main"))
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args(argv)
    old_table = _other_table(args.against)
    articles = api.articles(args.corpus, ReadOptions())
    lex = api.lexicons(())
    features = [analyze_article(a, lex) for a in articles]
    if not old_table.actor_table(features).equals(new_table.actor_table(features)):
        print("the two actor tables differ", file=sys.stderr)
        return 1
    runs: dict[str, Callable[[], object]] = {
        "analyze": lambda: [analyze_article(a, lex) for a in articles],
        "old table": lambda: old_table.actor_table(features),
        "new table": lambda: new_table.actor_table(features),
        "old discovery": lambda: [old_table.article_mentions(f) for f in features],
        "new discovery": lambda: [new_table.article_mentions(f) for f in features],
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, run in runs.items():
            start = time.process_time()
            run()
            times[name].append(time.process_time() - start)
    n = len(articles)
    print(f"corpus: {args.corpus or 'seeds'} ({n} articles), {args.repeat} alternating runs, CPU ms (best / median)")
    base = min(times["analyze"])
    for name, values in times.items():
        share = f"  {min(values) / base:6.1%} of analyze" if "table" in name else ""
        per = f"  {min(values) * 1000 / n:6.2f} ms/article" if "discovery" in name else ""
        print(f"  {name:14} {min(values) * 1000:8.1f} / {statistics.median(values) * 1000:8.1f}{share}{per}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
