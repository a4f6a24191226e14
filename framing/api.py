"""What a notebook user imports: analyse a corpus in one call.

>>> from framing.api import analyze
>>> features = analyze()            # the embedded seed corpus
>>> features[0].loaded_terms[0].explanation
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from framing.extract.features import ArticleFeatures, analyze_article
from framing.ingest.article import Article
from framing.ingest.corpus import ReadOptions, iter_articles, load_corpus
from framing.lexicon.bundle import Lexicons, default_lexicons


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
    return pd.DataFrame([f.summary_row() for f in features])
