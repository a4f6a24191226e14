"""Bring a feature store up to date with a corpus, analysing only what is new or changed.

The corpus is streamed, and each raw article is looked up by its source hash:

* never seen (new, or its file changed): the engine cleans and analyses it;
* seen, and its cleaned text already analysed with these lexicons and this code:
  nothing to do, only its metadata row is written;
* seen, but analysed with other lexicons: the engine analyses the stored text again,
  reusing the parts of the earlier analysis that the changed lexicon files cannot
  affect (see PART_LEXICONS in framing/extract/features.py).

Results are written in corpus order and committed every `commit_every` articles or
`commit_seconds`, so a killed run loses at most the last uncommitted batch and a re-run
picks up where it stopped.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.errors import DataError
from framing.ingest.article import Article, Metadata, Source
from framing.ingest.corpus import ReadOptions, with_found
from framing.store.database import FeatureStore
from framing.store.version import analysis_version, cleaning_version, part_versions

if TYPE_CHECKING:  # the engines import the store's record types
    from framing.engine import Engine
    from framing.engine.worker import Task

COMMIT_EVERY = 64
COMMIT_SECONDS = 2.0


@dataclass
class UpdateReport:
    store: Path
    run: int
    analysis_version: str
    seen: int = 0  # articles read from the corpus and stored
    analysed: int = 0  # new or changed: cleaned and analysed in this run
    updated: int = 0  # text already stored, analysed again for changed lexicons or code
    reused: int = 0  # text already analysed with this analysis version
    rerun: Counter[str] = field(default_factory=Counter)  # part -> updated articles that computed it again

    def summary(self) -> str:
        text = f"{self.store}: {self.seen} articles, analysed {self.analysed} new or changed"
        if self.updated:
            parts = ", ".join(p for p in self.rerun) or "no part: none reads the changed files"
            text += f", updated {self.updated} for changed lexicons or code (re-ran {parts})"
        return text + f", reused {self.reused} already stored (analysis version {self.analysis_version})"


@dataclass(slots=True)
class _Item:
    source: Source
    meta: Metadata | None = None  # known before analysis when this raw input was cleaned before
    content_hash: str | None = None
    task: Task | None = None
    rerun: tuple[str, ...] = ()


def update_store(
    store: FeatureStore,
    sources: Iterable[Source],
    engine: Engine,
    corpus_label: str = "",
    options: ReadOptions | None = None,
    commit_every: int = COMMIT_EVERY,
    commit_seconds: float = COMMIT_SECONDS,
    on_commit: Callable[[UpdateReport], None] | None = None,
) -> UpdateReport:
    """Analyse what the store lacks and record every article; returns the counts."""
    from framing.engine.worker import Failure, Task  # the engines import this module's records

    options = options or ReadOptions()
    version, parts, cleaning = analysis_version(engine.lex), part_versions(engine.lex), cleaning_version()
    run = store.start_run(corpus_label, version, f"{engine.name}:{engine.jobs}")
    report = UpdateReport(store.path, run, version)
    in_run: set[str] = set()  # texts sent for analysis in this run: a repeated text is analysed once

    def plan(source: Source) -> _Item:
        known = store.cleaned(source.source_hash, cleaning)
        if known is None:
            return _Item(source, task=Task(source))
        content_hash, found = known
        meta = with_found(source.meta, found)
        item = _Item(source, meta, content_hash)
        if content_hash in in_run or store.has_analysis(content_hash, version):
            return item
        in_run.add(content_hash)
        previous, shared = store.previous_analysis(content_hash, parts)
        item.task = Task(Article(meta, previous.text), previous if shared else None, shared)
        item.rerun = tuple(p for p in parts if p not in shared)
        return item

    ids: dict[tuple[str, str], str] = {}  # (outlet, id) -> source, for articles recorded in this run
    items = (plan(s) for s in sources)
    uncommitted, last_commit = 0, time.monotonic()
    result: Any  # a StoredAnalysis, a Failure, or None when the article was reused (output="stored")
    for item, result in engine.map(items, lambda i: i.task, output="stored"):
        if isinstance(result, Failure):
            result.skip_or_raise(options, item.source.meta.source)
            continue
        if result is None:
            report.reused += 1
        else:
            item.content_hash = result.content_hash
            if item.meta is None:
                item.meta = with_found(item.source.meta, result.found)
                store.put_source(item.source.source_hash, cleaning, item.content_hash, result.found)
                report.analysed += 1
            else:
                report.updated += 1
                report.rerun.update(item.rerun)
            store.put_analysis(item.content_hash, version, result, parts)
        assert item.meta is not None and item.content_hash is not None  # set by plan() or just above
        key, where = (item.meta.outlet, item.meta.id), item.source.meta.source
        if ids.setdefault(key, where) != where:
            raise DataError(
                where,
                f"article id '{key[1]}' of outlet '{key[0]}' is also used by {ids[key]}; a store keeps one article "
                "per outlet and id, so give each record its own id",
            )
        store.put_article(item.meta, item.content_hash)
        report.seen += 1
        uncommitted += 1
        if uncommitted >= commit_every or time.monotonic() - last_commit >= commit_seconds:
            store.update_run(run, report.seen, report.analysed, report.reused, report.updated)
            store.commit()
            uncommitted, last_commit = 0, time.monotonic()
            if on_commit is not None:
                on_commit(report)
    store.update_run(run, report.seen, report.analysed, report.reused, report.updated, finished=True)
    store.commit()
    return report
