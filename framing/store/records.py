"""Turn ArticleFeatures into stored JSON and back, losslessly.

`ArticleFeatures.to_record()` is the public record, but it leaves out the cleaned
text and the actor mentions, which profile/compare/report and highlighting need; the
store keeps those next to it, so :func:`features_from_stored` rebuilds the dataclasses
exactly (``rebuilt.to_record() == original.to_record()``, tested).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from framing.extract.features import ArticleFeatures
from framing.ingest.article import Metadata, content_hash
from framing.spans import ActorMention, Hedge, LoadedTerm, Quote, Sentence

if TYPE_CHECKING:
    from framing.lexicon.bundle import Lexicons
    from framing.store.rows import AnalysisRows
    from framing.text import Doc

META_FIELDS = ("id", "outlet", "outlet_name", "title", "date", "url", "language", "source")


def dumps(value: Any) -> str:
    """Compact JSON in the record's own key order, so a record read back prints as it was made."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class StoredAnalysis:
    """One analysis as the store keeps it: cleaned text, record JSON, actor mentions JSON.

    `found` is what cleaning found in the article's HTML (title, date, URL): the store
    keeps it with the raw input, so a later run can rebuild the metadata without cleaning.
    `rows` are the findings and counts the store's tables aggregate; a stored analysis read
    back for reuse has none (only its text and record are needed).
    """

    text: str
    record: str
    actor_mentions: str
    found: dict[str, str] = field(default_factory=dict)
    rows: AnalysisRows | None = None  # findings and counts as table rows (framing/store/rows.py), when made


    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def to_stored(
    features: ArticleFeatures,
    found: dict[str, str] | None = None,
    lex: Lexicons | None = None,
    doc: Doc | None = None,
) -> StoredAnalysis:
    """The record without article metadata, as JSON, plus what to_record() leaves out.

    Metadata lives in the `articles` table: the same text published by two outlets
    (wire copy) is analysed once and shared, each article keeping its own metadata.
    """
    record = features.to_record()
    for key in META_FIELDS:
        record.pop(key)
    from framing.store.rows import analysis_rows  # rows.py uses this module's dumps

    mentions = dumps([m.to_dict() for m in features.actor_mentions])
    return StoredAnalysis(features.text, dumps(record), mentions, found or {}, analysis_rows(features, lex, doc))


def metadata_from_row(row: dict[str, Any]) -> Metadata:
    return Metadata(**{key: row[key] for key in META_FIELDS})


def features_from_stored(meta: Metadata, text: str, record_json: str, mentions_json: str) -> ArticleFeatures:
    record = json.loads(record_json)
    return ArticleFeatures(
        meta=meta,
        text=text,
        n_words=record["n_words"],
        sentences=[Sentence(**s) for s in record["sentences"]],
        loaded_terms=[LoadedTerm(**{**t, "evidence": tuple(t.get("evidence", ()))}) for t in record["loaded_terms"]],
        hedges=[Hedge(**h) for h in record["hedges"]],
        quotes=[Quote(**q) for q in record["quotes"]],
        actor_mentions=[ActorMention(**m) for m in json.loads(mentions_json)],
        sentiment=record["sentiment"],
        actor_sentiment=record["actor_sentiment"],
        lexicon_version=record["lexicon_version"],
    )
