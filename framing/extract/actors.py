"""Actor mentions and the sentiment of the sentences that mention each actor.

This is sentence-level, not target-dependent sentiment: a sentence that mentions
Russia and NATO gives both its score. It tells which actors appear in positive or
negative contexts, not what the outlet says about each; the methods text says so.
"""

from __future__ import annotations

from collections import defaultdict

from framing.lexicon.bundle import Lexicons
from framing.lexicon.matcher import longest_non_overlapping
from framing.spans import ActorMention, Sentence
from framing.text import Doc


def find_actor_mentions(doc: Doc, lex: Lexicons) -> list[ActorMention]:
    mentions = []
    for m in longest_non_overlapping(lex.actors.find(doc)):
        actor, group = m.entry.payload
        mentions.append(
            ActorMention(m.start, m.end, doc.text[m.start : m.end], actor, group, doc.sentence_index(m.start))
        )
    return mentions


def actor_sentiment(mentions: list[ActorMention], sentences: list[Sentence]) -> dict[str, dict]:
    """Per actor: mentions, distinct sentences, and mean compound of those sentences."""
    by_actor: dict[str, set[int]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    groups: dict[str, str] = {}
    for mention in mentions:
        by_actor[mention.actor].add(mention.sentence)
        counts[mention.actor] += 1
        groups[mention.actor] = mention.group
    result = {}
    for actor, indices in sorted(by_actor.items()):
        scores = [sentences[i].compound for i in sorted(indices) if i < len(sentences)]
        result[actor] = {
            "group": groups[actor],
            "mentions": counts[actor],
            "sentences": len(scores),
            "mean_compound": round(sum(scores) / len(scores), 4) if scores else None,
        }
    return result
