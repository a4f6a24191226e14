"""VADER's polarity_scores, the same floats bit for bit, in a fraction of the library's time.

vaderSentiment 3.3.2 scores a sentence in pure Python and repeats most of its work: every
word is lowercased again by each rule that looks at it (``str.lower`` runs about 90 times per
call on news sentences), the negation and idiom rules rebuild the lowercased word list for
every lexicon word, and ``negated`` copies the 60-word NEGATE list to test one word. Framing
calls it for every sentence and, through the target-sentiment model, for several windows of
text around every actor mention: it was about 14% of ``analyze``'s extraction time and a fifth
of the actor table's (benchmarks/results/2026-12-03-vader-fast.txt).

:class:`FastSentimentIntensityAnalyzer` keeps the algorithm, the constants and every quirk
(``_but_check`` halving the *first* equal score, ``"kind of"`` only as a bigram, ``"no"``
before a lexicon word, the ``never so``/``without doubt`` rules, ``least``) and computes each
word's properties once: a bounded cache maps each whitespace token to its punctuation-stripped
form, lowercase, ALL-CAPS flag, negation flag and booster value, and only lexicon words are
visited at all (every other word scores the library's ``int`` 0). Idioms are matched as word
tuples instead of joined strings: tokens come from ``str.split`` and contain no whitespace (and
``str.lower`` adds none: checked over every code point), so ``"a b" == key`` exactly when
``(a, b) == tuple(key.split(" "))``. Text is only walked character by character for emojis when
it holds one (a regex screen, then the exact set). The scores are then summed, amplified and
rounded by the very same operations in the same order, so the dict equals the library's bit
for bit (benchmarks/vader_identity.py checks that on several hundred thousand news sentences and
word spans; tests/test_vader_fast.py on the seed and gold sentences and the edge cases).
Anything but a plain ``str`` is handed to the library's own method.

The lexicon is read live from ``self.lexicon`` (framing shares it with the loaded-language
model); the emoji table is read once at construction, like the library reads both files.

Derived from vaderSentiment (https://github.com/cjhutto/vaderSentiment), whose algorithm and
constants these are, under its licence:

    The MIT License (MIT)

    Copyright (c) 2016 C.J. Hutto

    Permission is hereby granted, free of charge, to any person obtaining a copy
    of this software and associated documentation files (the "Software"), to deal
    in the Software without restriction, including without limitation the rights
    to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
    copies of the Software, and to permit persons to whom the Software is
    furnished to do so, subject to the following conditions:

    The above copyright notice and this permission notice shall be included in all
    copies or substantial portions of the Software.

    THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
    IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
    FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
    AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
    LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
    OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
    SOFTWARE.
"""

from __future__ import annotations

import math
import re
import string
from itertools import compress
from operator import itemgetter
from typing import Any, cast

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
)

# The release whose source this module mirrors; framing.extract.sentiment falls back to the
# library's own class under any other.
VADER_RELEASE = "3.3.2"

_PUNCTUATION = string.punctuation
_NEGATE = frozenset(NEGATE)
_CACHE_LIMIT = 50_000  # distinct tokens kept (a few MB); the cache is emptied when it fills

# One whitespace token's properties: (word, lowercase, ALL CAPS, negation, booster value or None).
Token = tuple[str, str, bool, bool, float | None]
_LOWER = itemgetter(1)
_UPPER = itemgetter(2)


def _phrases(table: dict[str, Any]) -> dict[tuple[str, ...], Any]:
    """Multi-word keys as word tuples (a key with an empty or whitespace piece can match no tokens)."""
    phrases = {}
    for key, value in table.items():
        words = tuple(key.split(" "))
        if len(words) > 1 and all(w.split() == [w] for w in words):
            phrases[words] = value
    return phrases


_SPECIAL = _phrases(SPECIAL_CASES)
_BOOSTER_PHRASES = _phrases(BOOSTER_DICT)
# Every phrase starts with one of these: where none of the words _idioms reads is one, nothing matches.
_FIRST_WORDS = frozenset(words[0] for words in (*_SPECIAL, *_BOOSTER_PHRASES))


def _superset_class(chars: frozenset[str]) -> re.Pattern[str]:
    """A character class matching every char of ``chars`` (and more), which ``re`` scans faster than a set.

    The emoji table's characters are U+00A9, U+00AE and then U+203C and above: one range from the
    first of those to the last, so the curly quotes and dashes of news text (U+2013 to U+201D) pass
    at regex speed; a match is only a candidate, confirmed with the exact set.
    """
    low = sorted(c for c in chars if ord(c) < 0x2000)
    high = sorted(c for c in chars if ord(c) >= 0x2000)
    parts = [re.escape(c) for c in low]
    if high:
        parts.append(f"{re.escape(high[0])}-{re.escape(high[-1])}")
    return re.compile(f"[{''.join(parts)}]" if parts else r"(?!)")


def _token(raw: str) -> Token:
    """SentiText._strip_punc_if_word, then what the rules ask of the word."""
    stripped = raw.strip(_PUNCTUATION)
    word = raw if len(stripped) <= 2 else stripped
    lower = word.lower()
    again = lower.lower()  # negated() lowercases the already lowercased word once more
    return word, lower, word.isupper(), again in _NEGATE or "n't" in again, BOOSTER_DICT.get(lower)


def _scalar(booster: float | None, upper: bool, valence: float, is_cap_diff: bool) -> float:
    """scalar_inc_dec for a word whose booster value and ALL-CAPS flag are known."""
    scalar = 0.0
    if booster is not None:
        scalar = booster
        if valence < 0:
            scalar *= -1
        if upper and is_cap_diff:
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


def _idioms(valence: float, lowers: list[str], i: int) -> float:
    """_special_idioms_check (called with i >= 3) on word tuples instead of joined strings."""
    w3, w2, w1, w0 = lowers[i - 3], lowers[i - 2], lowers[i - 1], lowers[i]
    if w3 not in _FIRST_WORDS and w2 not in _FIRST_WORDS and w1 not in _FIRST_WORDS and w0 not in _FIRST_WORDS:
        return valence
    for seq in ((w1, w0), (w2, w1, w0), (w2, w1), (w3, w2, w1), (w3, w2)):
        if seq in _SPECIAL:
            valence = _SPECIAL[seq]
            break
    n = len(lowers)
    if n - 1 > i:
        seq = (w0, lowers[i + 1])
        if seq in _SPECIAL:
            valence = _SPECIAL[seq]
    if n - 1 > i + 1:
        seq = (w0, lowers[i + 1], lowers[i + 2])
        if seq in _SPECIAL:
            valence = _SPECIAL[seq]
    for seq in ((w3, w2, w1), (w3, w2), (w2, w1)):
        if seq in _BOOSTER_PHRASES:
            valence = valence + _BOOSTER_PHRASES[seq]
    return valence


def _but_check(lowers: list[str], sentiments: list[Any], scored: list[int]) -> None:
    """_but_check, quirks included, without its pass over every word.

    The library walks the scores in order and, for each score, halves (before "but") or raises by
    half (after it) the *first equal* score, which may be an earlier word's: ``[2.0, 1.0, but, 1.0]``
    ends as ``[0.5, 0.5, 0, 1.0]``. Zero and non-zero scores never trade places, and ``index``
    of a non-zero score never finds a zero, so the two kinds are worked out apart, with the same
    result: the non-zero scores by the library's own walk over them alone; the zeros all find the
    first zero, which ends as the last zero's value scaled (``0 * 0.5`` is the float ``0.0``).
    """
    if "but" not in lowers:
        return
    bi = lowers.index("but")
    nonzero = [i for i in scored if sentiments[i] != 0]
    values = [sentiments[i] for i in nonzero]
    for p in range(len(values)):
        sentiment = values[p]
        q = values.index(sentiment)
        if nonzero[q] < bi:
            values[q] = sentiment * 0.5
        elif nonzero[q] > bi:
            values[q] = sentiment * 1.5
    for i, value in zip(nonzero, values, strict=True):
        sentiments[i] = value
    taken = set(nonzero)
    zeros = [i for i in range(len(sentiments)) if i not in taken]
    if zeros:
        first, last = zeros[0], zeros[-1]
        if first < bi:
            sentiments[first] = sentiments[last] * 0.5
        elif first > bi:
            sentiments[first] = sentiments[last] * 1.5


def _score_valence(sentiments: list[Any], scored: list[int], text: str) -> dict[str, float]:
    """score_valence for a non-empty list, _punctuation_emphasis and _sift_sentiment_scores inlined.

    ``scored`` are the indices of the words that got a valence, ascending; every other score is
    0 (and stays 0 through _but_check), so the sums visit the non-zero scores in the library's order.
    ``round`` is skipped for the common 0.0 and 1.0, which it returns unchanged (``fabs`` makes
    pos, neg and neu non-negative, so a zero there is never -0.0).
    """
    sum_s = float(sum(sentiments))
    ep_count = text.count("!")
    if ep_count > 4:
        ep_count = 4
    qm_count = text.count("?")
    qm_amplifier: float = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    punct_emph_amplifier = ep_count * 0.292 + qm_amplifier
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    compound = normalize(sum_s)
    pos_sum = 0.0
    neg_sum = 0.0
    neu_count = len(sentiments) - len(scored)
    for i in scored:
        sentiment_score = sentiments[i]
        if sentiment_score > 0:
            pos_sum += float(sentiment_score) + 1
        if sentiment_score < 0:
            neg_sum += float(sentiment_score) - 1
        if sentiment_score == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct_emph_amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct_emph_amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    pos = math.fabs(pos_sum / total)
    neg = math.fabs(neg_sum / total)
    neu = math.fabs(neu_count / total)
    return {
        "neg": 0.0 if neg == 0.0 else round(neg, 3),
        "neu": neu if neu == 0.0 or neu == 1.0 else round(neu, 3),
        "pos": 0.0 if pos == 0.0 else round(pos, 3),
        "compound": round(compound, 4),
    }


class FastSentimentIntensityAnalyzer(SentimentIntensityAnalyzer):
    """SentimentIntensityAnalyzer whose polarity_scores is computed once per word, same result."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # polarity_scores replaces emojis one character at a time: only one-character keys can match.
        self._emoji_chars = frozenset(key for key in self.emojis if len(key) == 1)
        self._ascii_emoji = any(key.isascii() for key in self._emoji_chars)
        self._maybe_emoji = _superset_class(self._emoji_chars)
        self._tokens: dict[str, Token] = {}

    def _describe_emojis(self, text: str) -> str:
        """The library's emoji loop, verbatim: only run for text that holds an emoji."""
        text_no_emoji = ""
        prev_space = True
        for char in text:
            if char in self.emojis:
                description = self.emojis[char]
                if not prev_space:
                    text_no_emoji += " "
                text_no_emoji += description
                prev_space = False
            else:
                text_no_emoji += char
                prev_space = char == " "
        return text_no_emoji

    def _new_token(self, raw: str) -> Token:
        cache = self._tokens
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        token = cache[raw] = _token(raw)
        return token

    def polarity_scores(self, text: Any) -> dict[str, float]:
        if type(text) is not str:
            return dict(super().polarity_scores(text))
        sentiments, scored, text = self.word_scores(text)
        if not scored:  # every score is 0 (or there are no words): what _score_valence makes of that
            return {"neg": 0.0, "neu": 1.0 if sentiments else 0.0, "pos": 0.0, "compound": 0.0}
        return _score_valence(sentiments, scored, text)

    def word_scores(self, text: str) -> tuple[list[Any], list[int], str]:
        """The library's per-word scores after _but_check, the indices of the scored words, and the text scored.

        The scores are the list the library sums, value for value and type for type (``int`` 0 for
        the words it does not score); the text is ``text`` with emojis described and stripped.
        """
        if (
            (self._ascii_emoji or not text.isascii())
            and self._maybe_emoji.search(text)
            and not self._emoji_chars.isdisjoint(text)
        ):
            text = self._describe_emojis(text)
        text = text.strip()
        raws = text.split()
        cached = list(map(self._tokens.get, raws))
        if None in cached:
            tokens = [token or self._new_token(raw) for raw, token in zip(raws, cached, strict=True)]
        else:
            tokens = cast(list[Token], cached)
        n = len(tokens)
        lowers = list(map(_LOWER, tokens))
        lexicon = self.lexicon
        in_lexicon = list(compress(range(n), map(lexicon.__contains__, lowers)))
        sentiments: list[Any] = [0] * n
        scored = []
        # allcap_differential, only needed where a word is scored
        n_upper = sum(map(_UPPER, tokens)) if in_lexicon else 0
        is_cap_diff = 0 < n - n_upper < n
        for i in in_lexicon:
            lower = lowers[i]
            if lower in BOOSTER_DICT or (lower == "kind" and i < n - 1 and lowers[i + 1] == "of"):
                continue
            sentiments[i] = self._valence(tokens, lowers, i, is_cap_diff)
            scored.append(i)
        _but_check(lowers, sentiments, scored)
        return sentiments, scored, text

    def _valence(self, tokens: list[Token], lowers: list[str], i: int, is_cap_diff: bool) -> float:
        """sentiment_valence for a lexicon word, with _negation_check and _least_check inlined."""
        lexicon = self.lexicon
        n = len(lowers)
        lower = lowers[i]
        valence = lexicon[lower]
        if lower == "no" and i != n - 1 and lowers[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lowers[i - 1] == "no")
            or (i > 1 and lowers[i - 2] == "no")
            or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ["or", "nor"])
        ):
            valence = lexicon[lower] * N_SCALAR
        if tokens[i][2] and is_cap_diff:
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        # The three preceding words, nearest first (start_i 0, 1, 2 in the library).
        if i > 0 and lowers[i - 1] not in lexicon:
            token = tokens[i - 1]
            valence = valence + _scalar(token[4], token[2], valence, is_cap_diff)
            if token[3]:
                valence = valence * N_SCALAR
        if i > 1 and lowers[i - 2] not in lexicon:
            token = tokens[i - 2]
            s = _scalar(token[4], token[2], valence, is_cap_diff)
            if s != 0:
                s = s * 0.95
            valence = valence + s
            w2, w1 = lowers[i - 2], lowers[i - 1]
            if w2 == "never" and (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w2 == "without" and w1 == "doubt":
                pass
            elif token[3]:
                valence = valence * N_SCALAR
        if i > 2 and lowers[i - 3] not in lexicon:
            token = tokens[i - 3]
            s = _scalar(token[4], token[2], valence, is_cap_diff)
            if s != 0:
                s = s * 0.9
            valence = valence + s
            w3, w2, w1 = lowers[i - 3], lowers[i - 2], lowers[i - 1]
            if w3 == "never" and (w2 == "so" or w2 == "this") or (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                pass
            elif token[3]:
                valence = valence * N_SCALAR
            valence = _idioms(valence, lowers, i)
        if i > 0 and lowers[i - 1] == "least" and "least" not in lexicon:
            if i > 1:
                if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                    valence = valence * N_SCALAR
            else:
                valence = valence * N_SCALAR
        return valence
