"""Where feature extraction runs: in this process, in N local processes, or on a Dask cluster.

All engines run the same function (:func:`framing.engine.worker.analyze_batch`) on
the same batches and return results in corpus order through
:func:`framing.engine.ordered.ordered_map`, so they give identical records; they differ
only in where the batches run. The calling process reads the corpus and streams raw
articles (:class:`~framing.ingest.article.Source`) to the engine; workers clean and
analyse them.

>>> with open_engine("local", api.lexicons(), jobs=2) as engine:
...     features = list(analyze_stream(iter_sources(corpus, options), engine, options))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

from framing.engine.cluster import DaskEngine
from framing.engine.local import Engine, ProcessEngine, SequentialEngine
from framing.engine.worker import Failure, Task
from framing.errors import UsageError
from framing.extract.features import ArticleFeatures
from framing.ingest.article import Source
from framing.ingest.corpus import ReadOptions
from framing.lexicon.bundle import Lexicons

ENGINES = ("local", "dask")


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
    sources: Iterable[Source], engine: Engine, options: ReadOptions | None = None
) -> Iterator[ArticleFeatures]:
    """Features of every article, in order, cleaned and analysed by `engine`; an article
    with no text left after cleaning is skipped if `options` say so (see ReadOptions)."""
    options = options or ReadOptions()
    for source, result in engine.map(sources, Task):
        if isinstance(result, Failure):
            result.skip_or_raise(options, source.meta.source)
        else:
            yield cast(ArticleFeatures, result)  # output="features" (the default) gives features


__all__ = ["ENGINES", "DaskEngine", "Engine", "ProcessEngine", "SequentialEngine", "analyze_stream", "open_engine"]
