"""Run every extractor on one article and keep the results together."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from framing.extract.actors import actor_sentiment, find_actor_mentions
from framing.extract.hedges import find_hedges
from framing.extract.loaded import find_loaded_terms
from framing.extract.quotes import find_quotes
from framing.extract.sentiment import article_sentiment, score_sentences
from framing.ingest.article import Article, Metadata
from framing.lexicon.bundle import Lexicons
from framing.spans import ActorMention, Hedge, LoadedTerm, Quote, Sentence
from framing.text import Doc

HEDGE_KINDS = ("hedge", "evidential", "modal", "scare_quote")


def per_thousand(count: int, words: int) -> float:
    return round(1000 * count / words, 2) if words else 0.0


@dataclass
class ArticleFeatures:
    meta: Metadata
    text: str
    n_words: int
    sentences: list[Sentence]
    loaded_terms: list[LoadedTerm]
    hedges: list[Hedge]
    quotes: list[Quote]
    actor_mentions: list[ActorMention]
    sentiment: dict[str, float]
    actor_sentiment: dict[str, dict]
    lexicon_version: str

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def outlet(self) -> str:
        return self.meta.outlet

    def rates(self) -> dict[str, float]:
        hedges = sum(1 for h in self.hedges if h.type in HEDGE_KINDS)
        attributions = [h for h in self.hedges if h.type == "attribution"]
        return {
            "loaded_per_1k": per_thousand(len(self.loaded_terms), self.n_words),
            "hedges_per_1k": per_thousand(hedges, self.n_words),
            "attribution_per_1k": per_thousand(len(attributions), self.n_words),
            "doubting_attribution_per_1k": per_thousand(
                sum(1 for h in attributions if h.stance == "doubting"), self.n_words
            ),
            "scare_quotes_per_1k": per_thousand(sum(1 for h in self.hedges if h.type == "scare_quote"), self.n_words),
        }

    def to_record(self) -> dict[str, Any]:
        """One JSON-ready record with every finding and its offsets."""
        meta = self.meta
        return {
            "id": meta.id,
            "outlet": meta.outlet,
            "outlet_name": meta.outlet_name,
            "title": meta.title,
            "date": meta.date,
            "url": meta.url,
            "language": meta.language,
            "source": meta.source,
            "n_words": self.n_words,
            "n_sentences": len(self.sentences),
            "lexicon_version": self.lexicon_version,
            "rates": self.rates(),
            "sentiment": self.sentiment,
            "actor_sentiment": self.actor_sentiment,
            "loaded_terms": [t.to_dict() for t in self.loaded_terms],
            "hedges": [h.to_dict() for h in self.hedges],
            "quotes": [q.to_dict() for q in self.quotes],
            "sentences": [s.to_dict() for s in self.sentences],
        }

    def summary_row(self) -> dict[str, Any]:
        """A flat row for CSV and terminal tables."""
        sides = Counter(q.side for q in self.quotes)
        row: dict[str, Any] = {
            "id": self.meta.id,
            "outlet": self.meta.outlet,
            "title": self.meta.title,
            "date": self.meta.date,
            "n_words": self.n_words,
            "loaded_terms": len(self.loaded_terms),
            "hedges": sum(1 for h in self.hedges if h.type in HEDGE_KINDS),
            "attributions": sum(1 for h in self.hedges if h.type == "attribution"),
            "quotes": len(self.quotes),
            "sentiment": self.sentiment["compound"],
        }
        row.update(self.rates())
        for side, count in sorted(sides.items()):
            row[f"quotes_{side.replace(' ', '_').lower()}"] = count
        for actor, info in self.actor_sentiment.items():
            row[f"sentiment_{actor.replace(' ', '_').lower()}"] = info["mean_compound"]
        return row


def analyze_article(article: Article, lex: Lexicons) -> ArticleFeatures:
    doc = Doc(article.text)
    sentences = score_sentences(doc)
    mentions = find_actor_mentions(doc, lex)
    quotes = find_quotes(doc, lex)
    quoted = [(q.start, q.end) for q in quotes if q.kind != "indirect"]
    loaded = [
        replace(t, quoted=any(s <= t.start and t.end <= e for s, e in quoted)) for t in find_loaded_terms(doc, lex)
    ]
    return ArticleFeatures(
        meta=article.meta,
        text=article.text,
        n_words=doc.n_words,
        sentences=sentences,
        loaded_terms=loaded,
        hedges=find_hedges(doc, lex),
        quotes=quotes,
        actor_mentions=mentions,
        sentiment=article_sentiment(sentences),
        actor_sentiment=actor_sentiment(mentions, sentences),
        lexicon_version=lex.version,
    )
