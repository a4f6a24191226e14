"""Features of one token for the loaded-language detector.

The detector scores every word token of a text. Its features are the ones bias-word
studies found useful (Recasens et al. 2013; Spinde et al. 2021) and that need nothing
downloaded: the word, its stem, shape and suffix, its neighbours, whether it sits inside
a quotation, where it is in the sentence, VADER's valence for it, and whether one of the
project's lexicons matches it. The MPQA prior subjectivity and polarity of a word are
features too, but they are not computed here: training looks them up in MPQA
(:mod:`framing.model.train`) and bakes their weights into per-word tables of the model
file, so nothing outside the package is read when the model runs.

Training and scoring call the same :func:`doc_features`, so a feature can never mean one
thing when learned and another when applied.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from framing.extract.quotemarks import find_quote_marks
from framing.lexicon.bundle import Lexicons
from framing.lexicon.matcher import longest_non_overlapping
from framing.text import Doc, Token, stem

Features = dict[str, float]


@dataclass(frozen=True, slots=True)
class TokenRow:
    """A token, the index of its sentence and its features (MPQA excluded, see module docstring)."""

    token: Token
    sentence: int
    features: Features


_DIGIT = re.compile(r"\d")


def shape(word: str) -> str:
    """Capitalisation and digits in four classes: "Xx", "XX", "x", "d" (anything with a digit)."""
    if _DIGIT.search(word):
        return "d"
    if word.isupper() and len(word) > 1:
        return "XX"
    if word[:1].isupper():
        return "Xx"
    return "x"


def position(index: int, length: int) -> str:
    """Bucket of a token's place in its sentence: headlines and leads put verdicts early."""
    if index == 0:
        return "first"
    if index == length - 1:
        return "last"
    third = 3 * index // max(length, 1)
    return ("early", "middle", "late")[min(third, 2)]


def word_features(text: str, valence: Mapping[str, float]) -> Features:
    """The features of a token that depend on its own text only (so a scorer can cache them per word)."""
    word = text.lower()
    f: Features = {f"w={word}": 1.0, f"s={stem(word)}": 1.0, f"suf={word[-3:]}": 1.0, f"shape={shape(text)}": 1.0}
    if len(word) <= 3:
        f["short"] = 1.0
    score = valence.get(word)
    if score is not None:
        f["vader"] = abs(score) / 4
        f["vader=neg" if score < 0 else "vader=pos"] = 1.0
    return f


class Context(NamedTuple):  # a tuple, not a frozen dataclass: one is built per token, and tuples build fast
    """Where a token stands: its neighbours, its place, a quotation or lexicon entry around it."""

    prev: str
    next: str
    position: str
    name_like: bool  # capitalised mid-sentence: usually a name, rarely a verdict
    quoted: bool
    lexicon: str  # category of the project lexicon entry covering it, or ""

    def features(self) -> Features:
        f: Features = {"bias": 1.0, f"pos={self.position}": 1.0, f"prev={self.prev}": 1.0, f"next={self.next}": 1.0}
        if self.name_like:
            f["name-like"] = 1.0
        if self.quoted:
            f["quoted"] = 1.0
        if self.lexicon:
            f[f"lex={self.lexicon}"] = 1.0
        return f


def _union(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Overlapping spans merged, as parallel start and end lists for bisection."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _lexicon_hits(doc: Doc, lex: Lexicons | None, token_starts: list[int]) -> dict[int, str]:
    """Token index -> category of the project lexicon entry that covers the token."""
    hits: dict[int, str] = {}
    if lex is None:
        return hits
    for m in longest_non_overlapping(lex.loaded.find(doc)):
        for i in range(bisect.bisect_left(token_starts, m.start), bisect.bisect_left(token_starts, m.end)):
            hits[i] = m.entry.payload.category
    return hits


class Placed(NamedTuple):
    """A token, the index of its sentence and its context (scoring builds one per token: a tuple)."""

    token: Token
    sentence: int
    context: Context


@dataclass
class Layout:
    """Per-document facts every token's context is read from, computed once per document."""

    tokens: list[Token]
    texts: list[str]  # the token texts as written
    sentence_of: list[int]  # index in doc.sentences of each token's sentence
    group_of: list[int]  # index of each token's sentence among the sentences that have tokens
    first: list[int]  # per such sentence: index of its first token and one past its last
    last: list[int]
    q_starts: list[int]  # quotation insides, merged, for bisection
    q_ends: list[int]
    hits: dict[int, str]  # token index -> lexicon category
    titled: list[bool]  # per such sentence: written in title case (a headline), see is_titled

    def word(self, i: int) -> str:
        """The token's text as its word features read it: lower-cased where title case only marks a headline."""
        text = self.tokens[i].text
        return text.lower() if self.titled[self.group_of[i]] and shape(text) == "Xx" else text

    def context(self, i: int) -> Context:
        g = self.group_of[i]
        first, last = self.first[g], self.last[g]
        k, text = i - first, self.tokens[i].text
        q = bisect.bisect_right(self.q_starts, self.tokens[i].start) - 1 if self.q_starts else -1
        return Context(
            self.texts[i - 1].lower() if k else "<s>",
            self.texts[i + 1].lower() if i + 1 < last else "</s>",
            position(k, last - first),
            k > 0 and not self.titled[g] and text[:1].isupper() and shape(text) == "Xx",
            q >= 0 and self.tokens[i].start < self.q_ends[q],
            self.hits.get(i, "") if self.hits else "",
        )


TITLE_MIN_WORDS = 3
TITLE_SHARE = 0.8


def is_titled(words: list[str]) -> bool:
    """Whether a sentence is in title case ("Mayor Slams Reckless Plan"): most of its words of four letters
    or more capitalised. There a capital says nothing about names, so it is not read as one."""
    return _titled(_title_classes(words))


SHORT, LONG, LONG_CAPITAL = 0, 1, 2  # what a word counts as for is_titled
_TITLE_CLASS: dict[str, int] = {}  # word -> its class; a function of the word alone, so kept per process
_MAX_CLASSES = 500_000


def _title_classes(words: list[str]) -> list[int]:
    """Each word's class for is_titled (a per-word table: layout asks for every token of every article)."""
    table = _TITLE_CLASS
    try:  # every word seen before (the usual case): no set of them to build
        return list(map(table.__getitem__, words))
    except KeyError:
        missing = set(words).difference(table)
    if len(table) + len(missing) > _MAX_CLASSES:
        table.clear()
        missing = set(words)
    for w in missing:
        table[w] = SHORT if len(w) < 4 or not w[:1].isalpha() else LONG_CAPITAL if w[:1].isupper() else LONG
    return list(map(table.__getitem__, words))


def _titled(classes: list[int]) -> bool:
    long = len(classes) - classes.count(SHORT)
    return long >= TITLE_MIN_WORDS and classes.count(LONG_CAPITAL) >= TITLE_SHARE * long


def _sentence_bounds(token_starts: list[int], starts: list[int]) -> list[int]:
    """Index of the first token of each sentence, then the number of tokens: sentence j holds the tokens
    bounds[j]:bounds[j + 1] (a token before the first sentence's start counts in it)."""
    n = len(token_starts)
    if all(a <= b for a, b in zip(starts, starts[1:], strict=False)):
        return [0, *(bisect.bisect_left(token_starts, s) for s in starts[1:]), n]
    bounds, sentence = [0], 0  # sentences out of order (given by a caller): walk as the tokens come
    for i, start in enumerate(token_starts):
        while sentence + 1 < len(starts) and start >= starts[sentence + 1]:
            sentence += 1
            bounds.append(i)
    return bounds + [n] * (len(starts) + 1 - len(bounds))


_TEXT, _START = operator.attrgetter("text"), operator.attrgetter("start")


def layout(doc: Doc, lex: Lexicons | None) -> Layout:
    # the quote extractor has usually paired the marks of this text already (framing.extract.quotes)
    extracted = doc.cache.get(("quotes", lex.version)) if lex is not None else None
    marks = extracted.marks if extracted is not None else find_quote_marks(doc.text)
    q_starts, q_ends = _union([(m.inner_start, m.inner_end) for m in marks])
    tokens = doc.tokens
    texts = list(map(_TEXT, tokens))
    token_starts = list(map(_START, tokens))
    bounds = _sentence_bounds(token_starts, [s for s, _ in doc.sentences] or [0])
    sentence_of: list[int] = []
    group_of: list[int] = []
    first: list[int] = []
    last: list[int] = []
    for sentence, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
        if a < b:  # a sentence without tokens forms no group
            sentence_of += [sentence] * (b - a)
            group_of += [len(first)] * (b - a)
            first.append(a)
            last.append(b)
    classes = _title_classes(texts)
    titled = [_titled(classes[a:b]) for a, b in zip(first, last, strict=True)]
    hits = _lexicon_hits(doc, lex, token_starts)
    return Layout(tokens, texts, sentence_of, group_of, first, last, q_starts, q_ends, hits, titled)


def contexts(doc: Doc, lex: Lexicons | None) -> list[Placed]:
    """Every word token of `doc` with its sentence index and context, in text order."""
    lay = layout(doc, lex)
    return [Placed(token, lay.sentence_of[i], lay.context(i)) for i, token in enumerate(lay.tokens)]


def doc_features(doc: Doc, lex: Lexicons | None, valence: Mapping[str, float]) -> list[TokenRow]:
    """One row per word token of `doc`, in text order: its word and context features.

    `valence` is VADER's lexicon (word -> mean valence, -4..4); `lex` the project's
    lexicons (None leaves their features out).
    """
    lay = layout(doc, lex)
    return [
        TokenRow(token, lay.sentence_of[i], {**word_features(lay.word(i), valence), **lay.context(i).features()})
        for i, token in enumerate(lay.tokens)
    ]
