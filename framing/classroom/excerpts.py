"""Readable excerpts: runs of whole sentences of the cleaned text, 60-180 words long.

Excerpts are cut only from ``features.text`` (the text left after boilerplate removal)
and only along sentence boundaries, so a student never reads half a sentence or a
"Read also" link. Headings and captions (no closing punctuation) break a run rather than
joining it, because a heading glued to prose reads as nonsense on paper. Findings are
moved to offsets relative to the excerpt, so an answer key can point at the very
characters the student sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from framing.extract.features import ArticleFeatures
from framing.spans import Span
from framing.text import TOKEN_RE

MIN_WORDS = 60
MAX_WORDS = 180
MIN_SENTENCE_WORDS = 5

# A sentence of prose ends in . ! or ? possibly followed by closing quotes or brackets.
_PROSE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")

# Words in an outlet's display name that describe rather than name it ("Unnamed
# English-language site", "Sputnik International", "NV (Ukraine)"): hiding them would
# only remove harmless sentences, and matching them would hide nothing.
_GENERIC_NAME_WORDS = {
    "a", "an", "and", "the", "of", "in", "on", "for", "by", "with", "from", "cites", "excerpts",
    "unnamed", "english", "english-language", "language", "site", "page", "website", "news", "international",
    "edition", "online", "daily", "weekly", "media", "outlet", "agency", "service",
    "ukraine", "russia", "us", "usa", "uk", "eu", "europe", "america",
}  # fmt: skip


def word_count(text: str) -> int:
    return sum(1 for _ in TOKEN_RE.finditer(text))


@dataclass(frozen=True, slots=True)
class Source:
    """Who published an excerpt: shown to students only when outlets are not hidden."""

    article_id: str
    outlet: str
    outlet_name: str
    title: str
    date: str


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A run of whole sentences; ``start``/``end`` are offsets into the article's cleaned text."""

    source: Source
    start: int
    end: int
    text: str
    first_sentence: int
    last_sentence: int

    @property
    def n_words(self) -> int:
        return word_count(self.text)

    def contains(self, span: Span) -> bool:
        return self.start <= span.start and span.end <= self.end

    def overlaps(self, other: Excerpt) -> bool:
        return self.source.article_id == other.source.article_id and self.start < other.end and other.start < self.end

    def relative(self, span: Span) -> tuple[int, int]:
        """Offsets of ``span`` in ``self.text``, clipped to the excerpt."""
        start = max(span.start, self.start) - self.start
        end = min(span.end, self.end) - self.start
        return start, end


def source_of(features: ArticleFeatures) -> Source:
    meta = features.meta
    return Source(meta.id, meta.outlet, meta.outlet_name, meta.title, meta.date)


def is_prose(sentence_text: str) -> bool:
    """A full sentence a student can read: closing punctuation and at least a few words."""
    return bool(_PROSE_END.search(sentence_text)) and word_count(sentence_text) >= MIN_SENTENCE_WORDS


def outlet_aliases(outlet: str, outlet_name: str) -> set[str]:
    """Strings that would reveal an outlet: its slug, its name, and the distinctive words of the name.

    For "Aggregator page (RT and Antiwar.com excerpts)" that is the slug, the whole name,
    "Aggregator page", "Aggregator", "RT" and "Antiwar.com"; for "bne IntelliNews" also
    "bne" and "IntelliNews". Words in brackets count only when capitalised (names of
    sources, not descriptions such as "cites").
    """
    aliases = {outlet, outlet_name.strip()}
    head, _, rest = outlet_name.partition("(")
    if head.strip():
        aliases.add(head.strip())
    for word in re.findall(r"[\w][\w.&'-]*\w|\w", head):
        if word.lower() not in _GENERIC_NAME_WORDS:
            aliases.add(word)
    for word in re.findall(r"[\w][\w.&'-]*\w|\w", rest):
        if word[0].isupper() and word.lower() not in _GENERIC_NAME_WORDS:
            aliases.add(word)
    return {a for a in aliases if a}


def alias_pattern(aliases: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for a set of aliases: whole words; short acronyms (RT, NV, bne) match case-sensitively."""
    parts = []
    for alias in sorted(set(aliases), key=lambda a: (-len(a), a)):
        body = re.escape(alias)
        parts.append(rf"(?<![\w]){body}(?![\w])" if len(alias) <= 3 else rf"(?i:(?<![\w]){body}(?![\w]))")
    return re.compile("|".join(parts)) if parts else None


def names_to_hide(features: Sequence[ArticleFeatures]) -> re.Pattern[str] | None:
    """Aliases of every outlet in the corpus, for sheets that hide who published what."""
    aliases: set[str] = set()
    for f in features:
        aliases |= outlet_aliases(f.meta.outlet, f.meta.outlet_name)
    return alias_pattern(aliases)


def _usable(features: ArticleFeatures, avoid: re.Pattern[str] | None) -> list[bool]:
    return [is_prose(s.text) and not (avoid and avoid.search(s.text)) for s in features.sentences]


def _make(features: ArticleFeatures, first: int, last: int) -> Excerpt:
    start, end = features.sentences[first].start, features.sentences[last].end
    return Excerpt(source_of(features), start, end, features.text[start:end], first, last)


def starts_paragraph(features: ArticleFeatures, excerpt: Excerpt) -> bool:
    return excerpt.start == 0 or features.text[: excerpt.start].rstrip(" \t").endswith("\n")


def prefer_paragraph_starts(features: ArticleFeatures, excerpts: list[Excerpt]) -> list[Excerpt]:
    """The excerpts that open a paragraph, if there are any; otherwise all of them.

    An excerpt opening mid-paragraph ("To that end, he noted ...") leaves a student
    asking who "he" is.
    """
    at_paragraph = [e for e in excerpts if starts_paragraph(features, e)]
    return at_paragraph or excerpts


def candidate_excerpts(
    features: ArticleFeatures,
    min_words: int = MIN_WORDS,
    max_words: int = MAX_WORDS,
    avoid: re.Pattern[str] | None = None,
) -> list[Excerpt]:
    """Every run of consecutive usable sentences whose length is within the bounds.

    ``avoid`` (outlet names, when outlets are hidden) excludes any sentence it matches.
    """
    usable = _usable(features, avoid)
    counts = [word_count(s.text) for s in features.sentences]
    found: list[Excerpt] = []
    for first in range(len(features.sentences)):
        total = 0
        for last in range(first, len(features.sentences)):
            if not usable[last]:
                break
            total += counts[last]
            if total > max_words:
                break
            if total >= min_words:
                found.append(_make(features, first, last))
    return found


def sentence_excerpts(
    features: ArticleFeatures, avoid: re.Pattern[str] | None = None, max_words: int = 60, min_words: int = 8
) -> list[Excerpt]:
    """Single usable sentences (for the rewrite and classify exercises), ``min_words``-``max_words`` long."""
    usable = _usable(features, avoid)
    return [
        _make(features, i, i)
        for i, s in enumerate(features.sentences)
        if usable[i] and min_words <= word_count(s.text) <= max_words
    ]


def excerpt_around(
    features: ArticleFeatures,
    start: int,
    end: int,
    min_words: int = MIN_WORDS,
    max_words: int = MAX_WORDS,
    avoid: re.Pattern[str] | None = None,
) -> Excerpt | None:
    """The shortest run of whole sentences covering ``start:end`` and at least ``min_words`` long.

    Grows alternately forwards and backwards from the covering sentences; returns None
    when the covering sentences are unusable or no run fits within ``max_words``.
    """
    sentences = features.sentences
    covering = [i for i, s in enumerate(sentences) if s.start < end and start < s.end]
    if not covering:
        return None
    usable = _usable(features, avoid)
    first, last = covering[0], covering[-1]
    if not all(usable[first : last + 1]):
        return None

    def words(a: int, b: int) -> int:
        return sum(word_count(sentences[i].text) for i in range(a, b + 1))

    forward = True
    while words(first, last) < min_words:
        can_forward = last + 1 < len(sentences) and usable[last + 1]
        can_back = first > 0 and usable[first - 1]
        if not (can_forward or can_back):
            return None
        if (forward and can_forward) or not can_back:
            last += 1
        else:
            first -= 1
        forward = not forward
    if words(first, last) > max_words:
        return None
    return _make(features, first, last)
