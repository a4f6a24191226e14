"""Claim-sized units: the sentences of each cleaned article, long ones split into clauses.

A sentence is usually one claim in news copy, so sentences (from the extractors' own
sentence spans, hence the same offsets) are the default unit. Long sentences that join
two independent statements ("..., but ...", "...; ...") are split, because a pair like
"NATO rejected X, but offered Y" should be able to align with an outlet that reports
only Y. A split is kept only when both halves are claims in their own right (at least
:data:`MIN_CLAUSE_WORDS` words each); otherwise the sentence stays whole.

Each unit also carries the two facts the aligner checks besides wording: the numbers it
states (normalised, dates left out) and the names it mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from framing.extract.features import ArticleFeatures
from framing.lexicon.bundle import Lexicons
from framing.text import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTH_PATTERN, WEEKDAYS, Doc, count_words, fold

MIN_UNIT_WORDS = 6  # shorter units are headings, datelines or fragments, not claims
HEADING_WORDS = 10  # a line without closing punctuation and shorter than this is a heading
MAX_UNIT_WORDS = 150  # longer "sentences" are lists, tables or text without punctuation, not one claim
LONG_SENTENCE_WORDS = 35  # only sentences at least this long are considered for splitting
MIN_CLAUSE_WORDS = 10  # both halves of a split must be this long

# Clause boundaries where news sentences join two statements. "..., and" is not here:
# it joins list items and shared subjects far more often than two claims.
CLAUSE_BOUNDARY = re.compile(
    r";\s+|,\s+(?=(?:while|whereas|but|although|though)\s)|\s+and\s+(?=that\s)",  # "he noted X and that Y"
    re.IGNORECASE,
)

NUMBER_RE = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s+(million|billion|thousand))?(?![\w])")
# "5,000-strong" is matched above because "-" ends the number; "82nd" is not a quantity and is skipped by (?![\w]).
SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
DATE_RE = re.compile(
    rf"\b(?:(?:{MONTH_PATTERN})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_PATTERN})\b\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{MONTH_PATTERN})\.?\s+\d{{4}})(?!\w)",
    re.IGNORECASE,
)

# Capitalised words that are not names: sentence openers, days, months, titles.
NOT_NAMES = {
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "in",
    "on",
    "at",
    "as",
    "but",
    "and",
    "while",
    "however",
    "meanwhile",
    "after",
    "since",
    "following",
    "according",
    "although",
    "whereas",
    "also",
    "mr",
    "mrs",
    "ms",
    "president",
    "secretary",
    "minister",
    "general",
    "spokesman",
    "spokeswoman",
    *WEEKDAYS,
    *MONTH_NAMES,
    *MONTH_ABBREVIATIONS,
}
POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True)
class Unit:
    """One claim-sized piece of one article; offsets are into the article's cleaned text."""

    article_id: str
    outlet: str
    sentence: int  # index of the sentence the unit comes from
    start: int
    end: int
    text: str
    numbers: frozenset[float]
    names: frozenset[str]

    @property
    def key(self) -> tuple[str, int]:
        return (self.article_id, self.start)


def numbers_in(text: str) -> frozenset[float]:
    """Quantities stated in `text`, normalised: "2,000" = "2000", "5,000-strong" -> 5000, "1.5 million".

    Days and years that belong to a date ("Dec. 17", "17 December", "October 2021",
    "Dec. 17, 2021") are dropped: two outlets dating the same fact differently, or one
    dating it and one not, still report the same claim.
    """
    found: set[float] = set()
    undated = DATE_RE.sub(lambda m: " " * len(m.group()), text)
    for m in NUMBER_RE.finditer(undated):
        value = float(m.group(1).replace(",", "") + (f".{m.group(2)}" if m.group(2) else ""))
        if m.group(3):
            value *= SCALE[m.group(3).lower()]
        found.add(value)
    return frozenset(found)


def names_in(text: str, lex: Lexicons) -> frozenset[str]:
    """Actors (canonical names from the actors lexicon) and other capitalised names in `text`.

    Actor aliases are resolved ("Pentagon", "Washington" -> "US"; "Nato's" -> "NATO"), so
    outlets naming the same actor differently still agree. Other capitalised words count
    as names unless they open the text or are listed in :data:`NOT_NAMES`.
    """
    doc = Doc(text)
    names: set[str] = set()
    covered: set[int] = set()
    for match in lex.actors.find(doc):
        actor, _group = match.entry.payload
        names.add(actor)
        covered.update(range(match.start, match.end))
    for i, token in enumerate(doc.tokens):
        word = POSSESSIVE.sub("", token.text)
        if i == 0 or token.start in covered or not word[:1].isupper() or word.lower() in NOT_NAMES:
            continue
        names.add(fold(word))
    return frozenset(names)


def _clauses(text: str, start: int) -> list[tuple[int, int]]:
    """Split at clause boundaries when every piece is claim-sized; else keep the sentence whole."""
    pieces: list[tuple[int, int]] = []
    last = 0
    for m in CLAUSE_BOUNDARY.finditer(text):
        if _inside_quotation(text[: m.start()]):
            continue  # a quotation is the speaker's one statement: never cut it
        pieces.append((last, m.start()))
        last = m.end()
    pieces.append((last, len(text)))
    if len(pieces) > 1 and all(count_words(text[a:b]) >= MIN_CLAUSE_WORDS for a, b in pieces):
        return [(start + a, start + b) for a, b in pieces]
    return [(start, start + len(text))]


def _inside_quotation(before: str) -> bool:
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def is_claim(text: str) -> bool:
    """Headings ("Blinken's key points:"), questions and short fragments assert nothing to align.

    Runs of more than :data:`MAX_UNIT_WORDS` words without a sentence end are not one claim
    either (lists, tables, unpunctuated text); they are left out rather than compared whole.

    A line without closing punctuation is a heading unless it is long enough to state
    something ("2,000 US troops are headed to Germany and Poland, while 1,000 will go
    to Romania" is kept; "US and NATO response to Russia" is not).
    """
    stripped = text.strip()
    words = count_words(stripped)
    if words < MIN_UNIT_WORDS or words > MAX_UNIT_WORDS or stripped.endswith(("?", ":")):
        return False
    return words >= HEADING_WORDS or stripped.endswith((".", "!", "”", '"', "’", "'", ")"))


def article_units(features: ArticleFeatures, lex: Lexicons) -> list[Unit]:
    """Claim-sized units of one article, in text order."""
    units: list[Unit] = []
    for sentence in features.sentences:
        text = features.text[sentence.start : sentence.end]
        spans = (
            _clauses(text, sentence.start)
            if count_words(text) >= LONG_SENTENCE_WORDS
            else [(sentence.start, sentence.end)]
        )
        for start, end in spans:
            piece = features.text[start:end]
            if not is_claim(piece):
                continue
            units.append(
                Unit(
                    features.id,
                    features.outlet,
                    sentence.index,
                    start,
                    end,
                    piece,
                    numbers_in(piece),
                    names_in(piece, lex),
                )
            )
    return units


def corpus_units(features: Iterable[ArticleFeatures], lex: Lexicons) -> list[Unit]:
    """Units of every article, ordered by article id then position (the order fixes every later tie)."""
    ordered: Sequence[ArticleFeatures] = sorted(features, key=lambda f: f.id)
    return [u for f in ordered for u in article_units(f, lex)]
