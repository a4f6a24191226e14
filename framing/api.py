"""What a notebook user imports: analyse a corpus in one call.

>>> from framing.api import analyze
>>> features = analyze()            # the embedded seed corpus
>>> features[0].loaded_terms[0].explanation
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from framing.extract.features import ArticleFeatures, analyze_article
from framing.ingest.article import Article
from framing.ingest.corpus import ReadOptions, iter_articles, load_corpus
from framing.lexicon.bundle import Lexicons, default_lexicons

if TYPE_CHECKING:
    import pandas as pd

COUNT_PREFIXES = ("quotes_",)  # per-article counts whose column exists only when some article has one


def lexicons(extra: Sequence[Path | str] = ()) -> Lexicons:
    return default_lexicons(tuple(Path(p) for p in extra))


def iter_features(
    corpus: Path | str | None = None,
    extra_lexicons: Sequence[Path | str] = (),
    options: ReadOptions | None = None,
) -> Iterator[ArticleFeatures]:
    lex = lexicons(extra_lexicons)
    for article in iter_articles(corpus, options):
        yield analyze_article(article, lex)


def analyze(
    corpus: Path | str | None = None,
    extra_lexicons: Sequence[Path | str] = (),
    options: ReadOptions | None = None,
) -> list[ArticleFeatures]:
    lex = lexicons(extra_lexicons)
    return [analyze_article(a, lex) for a in load_corpus(corpus, options)]


def articles(corpus: Path | str | None = None, options: ReadOptions | None = None) -> list[Article]:
    return load_corpus(corpus, options)


def summary_frame(features: Sequence[ArticleFeatures]) -> pd.DataFrame:
    """One row per article; a count column (quotes_<side>) is 0, not empty, for an article with none.
    A sentiment_<actor> column stays empty where the article does not mention the actor."""
    import pandas as pd  # here: `framing analyze --format json` needs no pandas, and importing it costs 0.3 s

    frame = pd.DataFrame([f.summary_row() for f in features])
    for column in frame.columns:
        if str(column).startswith(COUNT_PREFIXES):
            frame[column] = frame[column].fillna(0).astype(int)
    return frame
