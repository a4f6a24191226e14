"""Shared fixtures: the seed corpus analysed once, and helpers for small written texts."""

from __future__ import annotations

import pytest

from framing import api
from framing.extract.features import ArticleFeatures, analyze_article
from framing.ingest.article import Article, Metadata
from framing.ingest.boilerplate import clean_text


@pytest.fixture(scope="session")
def lex():
    return api.lexicons()


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Article]:
    return {a.outlet: a for a in api.articles()}


@pytest.fixture(scope="session")
def seed_features(lex) -> dict[str, ArticleFeatures]:
    return {f.outlet: f for f in api.analyze()}


@pytest.fixture
def analyse(lex):
    """Analyse a small text written for a test, as one article of outlet 'test'."""

    def run(text: str) -> ArticleFeatures:
        cleaned = clean_text(text)
        meta = Metadata(id="t", outlet="test", outlet_name="Test", source="test")
        return analyze_article(Article(meta, cleaned.text, cleaned.lines), lex)

    return run


def span_text(features: ArticleFeatures, span) -> str:
    return features.text[span.start : span.end]
