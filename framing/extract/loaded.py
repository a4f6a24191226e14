"""Loaded terms: lexicon phrases that carry a verdict, with their explanation.

Two conditions on an entry keep its explanation true where it is reported. An entry scoped to
a story (column ``story``) is used only in articles on that story (``lexicons/stories.csv``);
where a scoped and an unscoped row of the same term both match, the article's story decides.
An entry's ``not_when`` contexts are the uses in which the word is not a verdict ("reckless
driving" is a legal charge); a match inside one is dropped, and the context is claimed so that
the learned detector does not report the same word instead.
"""

from __future__ import annotations

from framing.lexicon.bundle import Lexicons, TermInfo
from framing.lexicon.matcher import Match, longest_non_overlapping
from framing.spans import LoadedTerm
from framing.text import Doc


def find_loaded_terms(doc: Doc, lex: Lexicons, min_confidence: float | None = None) -> list[LoadedTerm]:
    """Lexicon entries, plus the learned detector's finds at `min_confidence` or above where no entry
    overlaps them (None: the default threshold; above 1: lexicon entries only)."""
    from framing.extract.learned import DEFAULT_MIN_CONFIDENCE, attribution_spans, merge, model_terms

    threshold = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    lexicon = lexicon_terms(doc, lex)
    if threshold > 1:
        return lexicon
    claimed = [*attribution_spans(doc, lex), *not_loaded_spans(doc, lex)]
    return merge(lexicon, model_terms(doc, lex, threshold), claimed)


def not_loaded_spans(doc: Doc, lex: Lexicons) -> list[tuple[int, int]]:
    """Where a `not_when` context of some entry matches: uses of a word in which it carries no verdict."""
    return [(m.start, m.end) for m in lex.contexts.find(doc)]


def _applies(match: Match, stories: frozenset[str], contexts: list[Match]) -> bool:
    info: TermInfo = match.entry.payload
    if info.story and info.story not in stories:
        return False
    return not any(c.entry.payload == info and c.start <= match.start and match.end <= c.end for c in contexts)


def lexicon_terms(doc: Doc, lex: Lexicons) -> list[LoadedTerm]:
    stories = lex.stories.of(doc)
    contexts = lex.contexts.find(doc) if lex.contexts.size else []
    matches = [m for m in lex.loaded.find(doc) if _applies(m, stories, contexts)]
    # A story's own row before the unscoped row of the same phrase: the selection below keeps the first of equals.
    matches.sort(key=lambda m: (m.start, -(m.end - m.start), not m.entry.payload.story))
    found = []
    for m in longest_non_overlapping(matches):
        info: TermInfo = m.entry.payload
        found.append(
            LoadedTerm(
                m.start,
                m.end,
                doc.text[m.start : m.end],
                info.term,
                info.category,
                info.perspective,
                info.neutral,
                info.explanation,
                info.lexicon,
            )
        )
    return found
