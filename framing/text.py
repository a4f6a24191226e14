"""Tokens and sentences with character offsets, using only NLTK parts that need no download.

Sentences come from NLTK's Punkt algorithm with an abbreviation list given in code
(no trained model is downloaded); tokens from one regular expression that keeps
hyphenated and apostrophised words whole ("US-backed", "so-called", "Kremlin's"),
because lexicon phrases are written in the same tokens.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*")
PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")

# Calendar words, shared by sentence splitting, boilerplate removal (date lines) and claims (dates, names).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
MONTH_PATTERN = (  # a month name or abbreviation, for case-insensitive regexes
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)

# Abbreviations that end in a period but rarely end a sentence in news text.
ABBREVIATIONS = {
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "adm",
    "sen",
    "rep",
    "gov",
    "pres",
    "st",
    "jr",
    "sr",
    "no",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    *MONTH_ABBREVIATIONS,
    "approx",
    "est",
    "dept",
    "inc",
    "ltd",
    "co",
    "corp",
}


@lru_cache(maxsize=1)
def _stemmer():  # noqa: ANN202 - nltk's stemmer
    """NLTK is imported on first use: importing it costs over a second, which `framing --help` should not pay."""
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Lower-cased Snowball stem; cached because news vocabulary repeats heavily."""
    return _stemmer().stem(word.lower())


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def stem(self) -> str:
        return stem(self.text)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.start() + offset, m.end() + offset, m.group()) for m in TOKEN_RE.finditer(text)]


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence offsets; a blank line always ends a sentence (headings have no period)."""
    spans: list[tuple[int, int]] = []
    punkt = _punkt()
    for para in PARAGRAPH_RE.finditer(text):
        base = para.start()
        for start, end in punkt.span_tokenize(para.group()):
            if spans and spans[-1][1] > base and para.group()[start : start + 1].islower():
                spans[-1] = (spans[-1][0], base + end)  # "Sen. Rand Paul (R-Ky.) | said": not a sentence start
            else:
                spans.append((base + start, base + end))
    return spans


@dataclass
class Doc:
    """Cleaned text with its tokens and sentences computed once and shared by extractors."""

    text: str
    _sentences: list[tuple[int, int]] | None = field(default=None, repr=False)
    cache: dict = field(default_factory=dict, repr=False)  # shared intermediate results

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return self._sentences if self._sentences is not None else sentence_spans(self.text)

    @cached_property
    def n_words(self) -> int:
        return len(self.tokens)

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence containing character `pos` (or the nearest before it)."""
        starts = self._sentence_starts
        return max(0, bisect.bisect_right(starts, pos) - 1)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]
