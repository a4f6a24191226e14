"""Bring a feature store up to date with a corpus, analysing only what is new or changed.

The corpus is streamed: each article is read and cleaned, its content hash (of the
cleaned text) looked up together with the lexicon version, and only articles without
a stored analysis go to the engine. Results are written in corpus order and committed
every `commit_every` articles or `commit_seconds`, so a killed run loses at most the
last uncommitted batch and a re-run picks up where it stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from framing.ingest.article import Article
from framing.store.database import FeatureStore
from framing.store.version import analysis_version

if TYPE_CHECKING:  # the engines import the store's record types
    from framing.engine import Engine

COMMIT_EVERY = 64
COMMIT_SECONDS = 2.0


@dataclass
class UpdateReport:
    store: Path
    run: int
    analysis_version: str
    seen: int = 0  # articles read from the corpus
    analysed: int = 0  # new or changed: features computed in this run
    reused: int = 0  # text already analysed with this lexicon version

    def summary(self) -> str:
        return (
            f"{self.store}: {self.seen} articles, analysed {self.analysed} new or changed, "
            f"reused {self.reused} already stored (analysis version {self.analysis_version})"
        )


@dataclass(slots=True)
class _Item:
    article: Article
    content_hash: str
    needs_analysis: bool


def update_store(
    store: FeatureStore,
    articles: Iterable[Article],
    engine: Engine,
    corpus_label: str = "",
    commit_every: int = COMMIT_EVERY,
    commit_seconds: float = COMMIT_SECONDS,
    on_commit: Callable[[UpdateReport], None] | None = None,
) -> UpdateReport:
    """Analyse what the store lacks and record every article; returns the counts."""
    version = analysis_version(engine.lex)
    run = store.start_run(corpus_label, version, f"{engine.name}:{engine.jobs}")
    report = UpdateReport(store.path, run, version)
    in_run: set[str] = set()  # hashes sent for analysis in this run: a repeated text is analysed once

    def plan(article: Article) -> _Item:
        content_hash = article.content_hash
        needs = content_hash not in in_run and not store.has_analysis(content_hash, version)
        if needs:
            in_run.add(content_hash)
        return _Item(article, content_hash, needs)

    items = (plan(a) for a in articles)
    uncommitted, last_commit = 0, time.monotonic()
    for item, analysis in engine.map(items, lambda i: i.article if i.needs_analysis else None, output="stored"):
        if analysis is not None:
            store.put_analysis(item.content_hash, version, analysis)
            report.analysed += 1
        else:
            report.reused += 1
        store.put_article(item.article.meta, item.content_hash)
        report.seen += 1
        uncommitted += 1
        if uncommitted >= commit_every or time.monotonic() - last_commit >= commit_seconds:
            store.update_run(run, report.seen, report.analysed, report.reused)
            store.commit()
            uncommitted, last_commit = 0, time.monotonic()
            if on_commit is not None:
                on_commit(report)
    store.update_run(run, report.seen, report.analysed, report.reused, finished=True)
    store.commit()
    return report
