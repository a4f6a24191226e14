"""Where feature extraction runs: in this process, in N local processes, or on a Dask cluster.

All engines run the same function (:func:`framing.engine.worker.analyze_batch`) on
the same batches and return results in corpus order through
:func:`framing.engine.ordered.ordered_map`, so they give identical records; they differ
only in where the batches run. Reading and cleaning the corpus stays in the calling
process, which streams articles to the engine.

>>> with open_engine("local", api.lexicons(), jobs=2) as engine:
...     features = list(analyze_stream(api.articles(), engine))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from framing.engine.cluster import DaskEngine
from framing.engine.local import Engine, ProcessEngine, SequentialEngine
from framing.errors import UsageError
from framing.extract.features import ArticleFeatures
from framing.ingest.article import Article
from framing.lexicon.bundle import Lexicons

ENGINES = ("local", "dask")
T = TypeVar("T")


def open_engine(name: str, lex: Lexicons, jobs: int = 1, scheduler: str | None = None) -> Engine:
    """An engine for `--engine NAME --jobs N --scheduler ADDRESS`; use it as a context manager."""
    if jobs < 1:
        raise UsageError("--jobs", f"must be at least 1 (got {jobs})")
    if name == "dask":
        if not scheduler:
            raise UsageError("--engine dask", "needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        return DaskEngine(lex, scheduler)
    if name != "local":
        raise UsageError("--engine", f"unknown engine '{name}' (available: {', '.join(ENGINES)})")
    if scheduler:
        raise UsageError("--scheduler", "only used with --engine dask")
    return ProcessEngine(lex, jobs) if jobs > 1 else SequentialEngine(lex)


def analyze_stream(
    articles: Iterable[Article], engine: Engine, select: Callable[[Article], Article | None] = lambda a: a
) -> Iterator[ArticleFeatures]:
    """Features of every article, in order, analysed by `engine`."""
    for _, features in engine.map(articles, select):
        if features is not None:
            yield features


__all__ = ["ENGINES", "DaskEngine", "Engine", "ProcessEngine", "SequentialEngine", "analyze_stream", "open_engine"]
