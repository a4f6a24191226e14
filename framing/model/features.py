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

from collections.abc import Mapping
from dataclasses import dataclass

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


def shape(word: str) -> str:
    """Capitalisation and digits in four classes: "Xx", "XX", "x", "d" (anything with a digit)."""
    if any(ch.isdigit() for ch in word):
        return "d"
    if word.isupper() and len(word) > 1:
        return "XX"
    if word[:1].isupper():
        return "Xx"
    return "x"


def _position(index: int, length: int) -> str:
    """Bucket of a token's place in its sentence: headlines and leads put verdicts early."""
    if index == 0:
        return "first"
    if index == length - 1:
        return "last"
    third = 3 * index // max(length, 1)
    return ("early", "middle", "late")[min(third, 2)]


def _inside(spans: list[tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in spans)


def _lexicon_hits(doc: Doc, lex: Lexicons | None) -> dict[int, str]:
    """Token start offset -> category of the project lexicon entry that covers it."""
    hits: dict[int, str] = {}
    if lex is None:
        return hits
    for m in longest_non_overlapping(lex.loaded.find(doc)):
        for token in doc.tokens:
            if m.start <= token.start < m.end:
                hits[token.start] = m.entry.payload.category
    return hits


def doc_features(doc: Doc, lex: Lexicons | None, valence: Mapping[str, float]) -> list[TokenRow]:
    """One row per word token of `doc`, in text order.

    `valence` is VADER's lexicon (word -> mean valence, -4..4); `lex` the project's
    lexicons (None leaves their features out).
    """
    quoted = [(m.inner_start, m.inner_end) for m in find_quote_marks(doc.text)]
    hits = _lexicon_hits(doc, lex)
    tokens = doc.tokens
    rows: list[TokenRow] = []
    starts = [s for s, _ in doc.sentences] or [0]
    sentence = 0
    i = 0
    while i < len(tokens):
        # the tokens of one sentence: up to the next sentence start
        while sentence + 1 < len(starts) and tokens[i].start >= starts[sentence + 1]:
            sentence += 1
        end = starts[sentence + 1] if sentence + 1 < len(starts) else len(doc.text) + 1
        j = i
        while j < len(tokens) and tokens[j].start < end:
            j += 1
        words = [t.text.lower() for t in tokens[i:j]]
        for k, token in enumerate(tokens[i:j]):
            rows.append(TokenRow(token, sentence, _token_features(k, words, token, quoted, hits, valence)))
        i = max(j, i + 1)
    return rows


def _token_features(
    k: int,
    words: list[str],
    token: Token,
    quoted: list[tuple[int, int]],
    hits: dict[int, str],
    valence: Mapping[str, float],
) -> Features:
    word = words[k]
    word_shape = shape(token.text)
    f: Features = {
        "bias": 1.0,
        f"w={word}": 1.0,
        f"s={stem(word)}": 1.0,
        f"suf={word[-3:]}": 1.0,
        f"shape={word_shape}": 1.0,
        f"pos={_position(k, len(words))}": 1.0,
        f"prev={words[k - 1] if k else '<s>'}": 1.0,
        f"next={words[k + 1] if k + 1 < len(words) else '</s>'}": 1.0,
    }
    if word_shape == "Xx" and k:
        f["name-like"] = 1.0  # capitalised mid-sentence: usually a name, rarely a verdict
    if len(word) <= 3:
        f["short"] = 1.0
    if quoted and _inside(quoted, token.start):
        f["quoted"] = 1.0
    score = valence.get(word)
    if score is not None:
        f["vader"] = abs(score) / 4
        f["vader=neg" if score < 0 else "vader=pos"] = 1.0
    category = hits.get(token.start)
    if category:
        f[f"lex={category}"] = 1.0
    return f
