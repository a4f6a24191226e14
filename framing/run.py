"""Run the analysis of a whole corpus on a chosen engine, optionally into a feature store.

This is what `framing analyze --jobs N --engine local|dask --scheduler ADDRESS --store
PATH` calls. Articles stream from the corpus reader through the engine; with a store,
nothing proportional to the corpus is kept in memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from framing import api
from framing.engine import analyze_stream, open_engine
from framing.errors import DataError
from framing.extract.features import ArticleFeatures
from framing.ingest.corpus import ReadOptions, default_corpus, iter_sources
from framing.store import FeatureStore, UpdateReport, update_store


def analyze_corpus(
    corpus: Path | str | None = None,
    extra_lexicons: Sequence[Path | str] = (),
    options: ReadOptions | None = None,
    engine: str = "local",
    jobs: int = 1,
    scheduler: str | None = None,
) -> list[ArticleFeatures]:
    """Like :func:`framing.api.analyze`, on any engine; the records are identical."""
    lex = api.lexicons(extra_lexicons)
    options = options or ReadOptions()
    with open_engine(engine, lex, jobs, scheduler) as running:
        features = list(analyze_stream(iter_sources(corpus, options), running, options))
    if not features:
        raise DataError(corpus or default_corpus(), "no readable articles in the corpus")
    return features


def analyze_into_store(
    store_path: Path | str,
    corpus: Path | str | None = None,
    extra_lexicons: Sequence[Path | str] = (),
    options: ReadOptions | None = None,
    engine: str = "local",
    jobs: int = 1,
    scheduler: str | None = None,
) -> UpdateReport:
    """Analyse into the store only the articles it lacks for the current lexicons; returns the counts."""
    lex = api.lexicons(extra_lexicons)
    label = str(Path(corpus).resolve()) if corpus is not None else "(seed corpus)"
    options = options or ReadOptions()
    with FeatureStore(store_path) as store, open_engine(engine, lex, jobs, scheduler) as running:
        return update_store(store, iter_sources(corpus, options), running, label, options)
