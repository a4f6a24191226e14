"""What runs inside a worker process: analyse a batch of articles with lexicons sent once.

Workers receive the compiled :class:`Lexicons` object itself (pickled once per worker),
not lexicon file paths, so a worker on another machine needs the `framing` package but
not the user's lexicon files. Data errors cannot cross a process boundary as exceptions
(:class:`FramingError` takes two arguments and does not unpickle), so they travel back
as :class:`Failure` values and are raised again in the main process.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from framing.errors import DataError, FramingError, UsageError
from framing.extract.features import ArticleFeatures, analyze_article
from framing.ingest.article import Article
from framing.lexicon.bundle import Lexicons
from framing.store.records import StoredAnalysis, to_stored

_state: dict[str, Lexicons] = {}


@dataclass(frozen=True, slots=True)
class Failure:
    where: str | None
    problem: str
    usage: bool = False

    def raise_again(self) -> None:
        raise (UsageError if self.usage else DataError)(self.where, self.problem)


def analyze_batch(
    articles: list[Article], lex: Lexicons, output: str = "features"
) -> list[ArticleFeatures | StoredAnalysis | Failure]:
    """Results for each article, in order; a data problem becomes a Failure in its place.

    ``output="stored"`` returns the store's serialised form instead of the dataclasses:
    serialising in the worker takes that work (and unpickling many small objects) off the
    main process, which already reads and cleans the corpus for every worker.
    """
    results: list[ArticleFeatures | StoredAnalysis | Failure] = []
    for article in articles:
        try:
            features = analyze_article(article, lex)
        except FramingError as exc:
            results.append(Failure(exc.where, exc.problem, isinstance(exc, UsageError)))
            continue
        results.append(to_stored(features) if output == "stored" else features)
    return results


def for_transfer(batch: list[Article]) -> list[Article]:
    """The articles without their per-line boilerplate verdicts, which extraction never reads:
    they are most of an article's pickled size, and the main process pays for pickling."""
    return [replace(article, lines=()) for article in batch]


def init_process(lex: Lexicons) -> None:
    """ProcessPoolExecutor initializer: keep the lexicons for every batch this worker runs."""
    _state["lex"] = lex


def analyze_batch_in_process(articles: list[Article], output: str) -> list[ArticleFeatures | StoredAnalysis | Failure]:
    return analyze_batch(articles, _state["lex"], output)
