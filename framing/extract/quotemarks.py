"""Pair quotation marks, and tell a quotation from a scare quote.

Double quotes (straight, curly, guillemets, low-high, and two apostrophes '' as archive copy writes
them) pair within a paragraph; a quote
left open at the end of a paragraph runs to its end, as multi-paragraph quotations do
in news style. Single quotes pair only where they cannot be apostrophes (an opening
mark after a non-letter, a closing mark not followed by a letter), so "Moscow’s" is
never a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.text import PARAGRAPH_RE, TOKEN_RE

DOUBLE_PAIRS = {"“": "”", "«": "»", "„": "“"}
SINGLE_OPEN = "‘'"
SCARE_MAX_WORDS = 5


@dataclass(frozen=True, slots=True)
class QuoteMark:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph end)
    inner_start: int
    inner_end: int
    closed: bool

    def inner(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]


# Where a double quote may start: two apostrophes or an opening mark. The loop jumps from one to the
# next (every other character would only move it on by one).
_DOUBLE_START = re.compile("''|[\"" + "".join(DOUBLE_PAIRS) + "]")


def _double_quotes(text: str, base: int) -> list[QuoteMark]:
    marks: list[QuoteMark] = []
    i = 0
    while i < len(text):
        m = _DOUBLE_START.search(text, i)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if text.startswith("''", i) and (i == 0 or not text[i - 1].isalnum()):
            # Two apostrophes stand for a double quote in some wire and archive copy (''We now live ...,'' said X)
            j = text.find("''", i + 2)
            if j < 0:
                i += 2
                continue
            marks.append(QuoteMark(base + i, base + j + 2, base + i + 2, base + j, True))
            i = j + 2
        elif ch == '"' or ch in DOUBLE_PAIRS:
            closer = '"' if ch == '"' else DOUBLE_PAIRS[ch]
            j = text.find(closer, i + 1)
            if ch == "„" and j < 0:
                j = text.find("”", i + 1)
            if ch in '"“':
                j = _mixed_closer(text, i, j, "”" if ch == '"' else '"')
            if j < 0:
                marks.append(QuoteMark(base + i, base + len(text), base + i + 1, base + len(text), False))
                break
            marks.append(QuoteMark(base + i, base + j + 1, base + i + 1, base + j, True))
            i = j + 1
        else:
            i += 1
    return marks


# A closing mark of the other style after the punctuation that ends a quotation, before the expected closer:
# copy that mixes styles ("“We will win," he said.", "\"We will win,” he said.") still closes the quotation there.
_MIXED_CLOSE = re.compile(r"[,.?!]$")


def _mixed_closer(text: str, i: int, j: int, other: str) -> int:
    """Where the quotation opened at `i` closes, given `j`, the next closer of its own style."""
    k = text.find(other, i + 1)
    if k < 0 or (0 <= j < k) or not _MIXED_CLOSE.search(text, i + 1, k):
        return j
    if k + 1 < len(text) and not (text[k + 1].isspace() or text[k + 1] in ".,;:)—–-"):
        return j  # an opening mark of the other style ('said,"We ...'), not a closing one
    if other == "”" and "“" in text[i:k]:
        return j  # that ” closes a curly quotation inside
    if other == '"' and j >= 0 and "“" not in text[k:j]:
        return j  # the ” expected closes a later stretch with no other opening: the quotation runs on to it
    if other == "”" and j >= 0 and not (text[j - 1].isspace() and text[j + 1 : j + 2].isalnum()):
        return j  # the next straight mark closes something: pairing straight marks from here would shift
    return k


_SINGLE = re.compile(r"(?<![\w’'])[‘'](?=\w)(?P<inner>[^\n]*?[\w.,!?])[’'](?!\w)")


def _single_quotes(text: str, base: int) -> list[QuoteMark]:
    marks = []
    for m in _SINGLE.finditer(text):
        start, end = base + m.start(), base + m.end()
        if len(TOKEN_RE.findall(m.group("inner"))) > 40:
            continue
        marks.append(QuoteMark(start, end, start + 1, end - 1, True))
    return marks


def find_quote_marks(text: str) -> list[QuoteMark]:
    marks: list[QuoteMark] = []
    for para in PARAGRAPH_RE.finditer(text):
        doubles = _double_quotes(para.group(), para.start())
        singles = [
            s
            for s in _single_quotes(para.group(), para.start())
            if not any(d.start <= s.start < d.end for d in doubles) or _nested_ok(s, doubles)
        ]
        marks.extend(doubles)
        marks.extend(singles)
    marks.sort(key=lambda q: q.start)
    return marks


def _nested_ok(single: QuoteMark, doubles: list[QuoteMark]) -> bool:
    """A single-quoted phrase inside a double quotation is a quote within a quote."""
    return any(d.inner_start <= single.start and single.end <= d.inner_end for d in doubles)


def word_count(text: str) -> int:
    return len(TOKEN_RE.findall(text))


def is_short_phrase(mark: QuoteMark, text: str) -> bool:
    """Short and not a clause of its own: the shape of a scare quote or a quoted label."""
    inner = mark.inner(text).strip()
    return word_count(inner) <= SCARE_MAX_WORDS and not inner.endswith((".", "!", "?", ","))
