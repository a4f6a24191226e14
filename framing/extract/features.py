"""Run every extractor on one article and keep the results together.

An analysis has parts, and :data:`PART_LEXICONS` names the lexicon files each part
reads, directly or through another part. When a lexicon changes, the feature store
hands :func:`analyze_article` an earlier analysis of the same text and the parts of
it that did not depend on the changed files, and only the rest is computed again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
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

# Quote extraction reads speakers and role words, actors (for the side of a speaker)
# and attribution verbs; loaded terms are marked as quoted from the quotes, and scare
# quotes (a hedge) are the quotation marks the quote extractor did not claim.
QUOTE_LEXICONS = ("speakers", "speaker_titles", "actors", "attribution_verbs", "vocabulary")
PART_LEXICONS: dict[str, tuple[str, ...]] = {
    "sentences": (),  # sentence spans, VADER scores, word count: no lexicon
    "actors": ("actors", "vocabulary"),
    "quotes": QUOTE_LEXICONS,
    "loaded": ("loaded_terms", "general", "stories", "extra", *QUOTE_LEXICONS),  # "extra": --lexicon files
    "hedges": ("hedges", *QUOTE_LEXICONS),
}
PARTS = tuple(PART_LEXICONS)


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


def analyze_article(
    article: Article,
    lex: Lexicons,
    previous: ArticleFeatures | None = None,
    reuse: Collection[str] = (),
    min_confidence: float | None = None,
    doc: Doc | None = None,
) -> ArticleFeatures:
    """Every feature of `article`; the `reuse` parts are taken from `previous`, an earlier
    analysis of the same text whose lexicons differed only in files those parts do not read.
    `min_confidence` is the learned detector's threshold for loaded terms (None: its default).
    `doc`, a Doc of the article's text, lets a caller that reads the text again after the
    analysis (the store's mention rows) share its tokens and sentences."""
    if previous is not None and previous.text != article.text:
        raise ValueError("previous analysis is of a different text")
    if doc is None or doc.text != article.text:
        doc = Doc(article.text)  # tokenised lazily: not at all if every part is reused
    keep = set(reuse) if previous is not None else set()  # so `previous` is set wherever it is read
    old: ArticleFeatures = previous  # type: ignore[assignment]
    if "sentences" in keep:
        n_words, sentences = old.n_words, old.sentences
    else:
        n_words, sentences = doc.n_words, score_sentences(doc)
    mentions = old.actor_mentions if "actors" in keep else find_actor_mentions(doc, lex)
    quotes = old.quotes if "quotes" in keep else find_quotes(doc, lex)
    loaded = old.loaded_terms if "loaded" in keep else _mark_quoted(find_loaded_terms(doc, lex, min_confidence), quotes)
    hedges = old.hedges if "hedges" in keep else find_hedges(doc, lex)
    return ArticleFeatures(
        meta=article.meta,
        text=article.text,
        n_words=n_words,
        sentences=sentences,
        loaded_terms=loaded,
        hedges=hedges,
        quotes=quotes,
        actor_mentions=mentions,
        sentiment=article_sentiment(sentences),
        actor_sentiment=actor_sentiment(mentions, sentences),
        lexicon_version=lex.version,
    )


def _mark_quoted(terms: list[LoadedTerm], quotes: list[Quote]) -> list[LoadedTerm]:
    quoted = [(q.start, q.end) for q in quotes if q.kind != "indirect"]
    return [replace(t, quoted=any(s <= t.start and t.end <= e for s, e in quoted)) for t in terms]
