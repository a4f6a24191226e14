"""Find lexicon phrases in tokenized text.

Phrase entries are compiled into one token trie, so the cost of matching grows with
the length of the text, not with the number of entries: at each token only the trie
edges for that token's surface, lower-case and stem forms are looked up.

Phrase syntax (shared by every lexicon with a phrase column):
  * words are separated by spaces and compared token by token;
  * `*` stands for a gap of 0 to 2 arbitrary tokens ("US-backed * coup");
  * the entry's match mode says how tokens compare: `stem` (Snowball stems, so
    inflections match), `exact` (lower case), `case` (case-sensitive), or `regex`
    (the whole entry is a Python regular expression, case-insensitive).
A match never crosses a sentence boundary.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from framing.errors import DataError
from framing.text import Doc, stem, tokenize

MODES = ("stem", "exact", "case", "regex")
MAX_GAP = 2

# A quantified group that itself contains a quantifier, e.g. (a+)+ or (\w*\s?)*: the
# classic shape of catastrophic backtracking. Lexicon regexes must stay linear.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,)")


@dataclass(frozen=True, slots=True)
class Entry:
    phrase: str
    mode: str
    payload: Any
    source: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    entry: Entry


@dataclass
class _Node:
    edges: dict[tuple[str, str], _Node] = field(default_factory=dict)
    gap: _Node | None = None
    entries: list[Entry] = field(default_factory=list)


def _key(mode: str, word: str) -> tuple[str, str]:
    if mode == "stem":
        return ("stem", stem(word))
    if mode == "exact":
        return ("exact", word.lower())
    return ("case", word)


@lru_cache(maxsize=200_000)
def _token_keys(word: str) -> tuple[tuple[str, str], ...]:
    """Every key a text token can match; a possessive also matches its bare name (Putin's -> Putin).
    Cached: news vocabulary repeats, and the keys of a word depend on nothing else."""
    keys = [("stem", stem(word)), ("exact", word.lower()), ("case", word)]
    bare = _POSSESSIVE.sub("", word)
    if bare != word and bare:
        keys += [("exact", bare.lower()), ("case", bare)]
    return tuple(keys)


_POSSESSIVE = re.compile(r"['’]s$")
_KEYS_CACHE = "matcher.token_keys"
_POSITIONS_CACHE = "matcher.key_positions"
_FIND_CACHE = "matcher.find"


def doc_token_keys(doc: Doc) -> list[tuple[tuple[str, str], ...]]:
    """The match keys of every token, computed once per document and shared by all matchers."""
    keys = doc.cache.get(_KEYS_CACHE)
    if keys is None:
        keys = doc.cache[_KEYS_CACHE] = [_token_keys(t.text) for t in doc.tokens]
    return keys


def _doc_word_positions(doc: Doc) -> dict[str, list[int]]:
    """Each distinct token text of the document -> the indices of its tokens (once per document)."""
    positions = doc.cache.get(_POSITIONS_CACHE)
    if positions is None:
        positions = {}
        for i, token in enumerate(doc.tokens):
            at = positions.get(token.text)
            if at is None:
                positions[token.text] = [i]
            else:
                at.append(i)
        doc.cache[_POSITIONS_CACHE] = positions
    return positions


_MAX_STARTS_CACHED = 500_000  # words remembered per matcher (whether they can start a phrase)


# Lexicon and boilerplate regexes run on the `regex` engine with a time limit per search, so
# a pattern that backtracks catastrophically (`(a|aa)+`, `(.*a){12}b`) cannot hang a run:
# the search is abandoned and the entry skipped for that text, with a warning naming it.
REGEX_TIMEOUT = 0.5  # seconds per search
_warned: set[str] = set()


def _timed_out(pattern: str, source: str) -> None:
    if source not in _warned:
        _warned.add(source)
        print(
            f"framing: warning: {source}: regex '{pattern}' took over {REGEX_TIMEOUT:g} s on a text; "
            "it is skipped there (simplify the pattern)",
            file=sys.stderr,
        )


class BoundedPattern:
    """A compiled case-insensitive regex whose every search is bounded in time."""

    __slots__ = ("_compiled", "pattern", "source")

    def __init__(self, compiled: Any, pattern: str, source: str) -> None:
        self._compiled = compiled
        self.pattern = pattern
        self.source = source

    def __reduce__(self):
        return (compile_regex, (self.pattern, self.source))

    def search(self, text: str) -> Any:
        try:
            return self._compiled.search(text, timeout=REGEX_TIMEOUT)
        except TimeoutError:
            _timed_out(self.pattern, self.source)
            return None

    def finditer(self, text: str) -> Iterator[Any]:
        try:
            yield from self._compiled.finditer(text, timeout=REGEX_TIMEOUT)
        except TimeoutError:
            _timed_out(self.pattern, self.source)


def compile_regex(pattern: str, source: str) -> BoundedPattern:
    if _NESTED_QUANTIFIER.search(pattern):
        raise DataError(source, f"regex '{pattern}' nests quantifiers (risk of catastrophic backtracking)")
    try:
        compiled = regex.compile(pattern, regex.IGNORECASE | regex.V0)
    except (regex.error, ValueError, OverflowError) as exc:
        raise DataError(source, f"invalid regex '{pattern}' ({exc})") from None
    bounded = BoundedPattern(compiled, pattern, source)
    try:
        empty = compiled.search("", timeout=REGEX_TIMEOUT)
    except TimeoutError:
        empty = None
    if empty is not None:
        raise DataError(source, f"regex '{pattern}' matches the empty string")
    return bounded


class PhraseMatcher:
    """Matches many phrase entries at once; add entries, then call :meth:`find`."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self._root = _Node()
        self._regexes: list[tuple[BoundedPattern, Entry]] = []
        self._can_start: dict[str, bool] = {}  # token text -> has a key of some phrase's first word
        self.size = 0
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry) -> None:
        mode = entry.mode or "stem"
        if mode not in MODES:
            raise DataError(entry.source, f"unknown match mode '{mode}' (allowed: {', '.join(MODES)})")
        self.size += 1
        self._can_start.clear()
        if mode == "regex":
            self._regexes.append((compile_regex(entry.phrase, entry.source), entry))
            return
        tokens: list[str] = []
        for word in entry.phrase.split():
            tokens.extend(["*"] if word == "*" else [t.text for t in tokenize(word)])
        if not [t for t in tokens if t != "*"]:
            raise DataError(entry.source, f"phrase '{entry.phrase}' has no words")
        if tokens[0] == "*" or tokens[-1] == "*":
            raise DataError(entry.source, f"phrase '{entry.phrase}' cannot start or end with a gap '*'")
        node = self._root
        for token in tokens:
            if token == "*":
                node.gap = node.gap or _Node()
                node = node.gap
            else:
                node = node.edges.setdefault(_key(mode, token), _Node())
        node.entries.append(entry)

    def find(self, doc: Doc) -> list[Match]:
        """All matches (possibly overlapping), in text order.

        Results are kept in ``doc.cache``: several extractors ask the same matcher about
        the same document (actors are looked up for mentions and again for speakers).
        """
        cache_key = (_FIND_CACHE, self)
        cached = doc.cache.get(cache_key)
        if cached is None:
            cached = doc.cache[cache_key] = self._find(doc)
        return list(cached)

    def _find(self, doc: Doc) -> list[Match]:
        tokens = doc.tokens
        keys = doc_token_keys(doc)
        # Most tokens start no phrase: walk only from the tokens having a key of a phrase's first word
        # (in text order, as a walk from every token would find them), asking once per distinct word.
        root_keys = self._root.edges.keys()
        can_start = self._can_start
        if len(can_start) > _MAX_STARTS_CACHED:
            can_start.clear()
        starts: list[int] = []
        for word, at in _doc_word_positions(doc).items():
            ok = can_start.get(word)
            if ok is None:
                ok = can_start[word] = not root_keys.isdisjoint(_token_keys(word))
            if ok:
                starts.extend(at)
        starts.sort()
        found: list[Match] = []
        for i in starts:
            for last, entry in self._walk(self._root, keys, i):
                start, end = tokens[i].start, tokens[last].end
                if doc.sentence_index(start) == doc.sentence_index(end - 1):
                    found.append(Match(start, end, entry))
        for pattern, entry in self._regexes:
            for m in pattern.finditer(doc.text):
                if m.end() > m.start():
                    found.append(Match(m.start(), m.end(), entry))
        found.sort(key=lambda m: (m.start, -m.end))
        return found

    def _walk(self, node: _Node, keys: list[tuple], i: int) -> list[tuple[int, Entry]]:
        """(index of last token, entry) for every entry whose phrase starts at token i."""
        results: list[tuple[int, Entry]] = []
        if i >= len(keys):
            return results
        edges = node.edges
        for key in keys[i]:
            child = edges.get(key)
            if child is None:
                continue
            if child.entries:
                results.extend((i, e) for e in child.entries)
            if child.edges:  # a leaf ends every phrase through it: no deeper walk needed
                results.extend(self._walk(child, keys, i + 1))
            if child.gap is not None:
                for skip in range(MAX_GAP + 1):
                    results.extend(self._walk(child.gap, keys, i + 1 + skip))
        return results


def longest_non_overlapping(matches: Sequence[Match]) -> list[Match]:
    """Leftmost-longest selection, so "US-backed coup" is not also counted as "coup"."""
    chosen: list[Match] = []
    for m in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if chosen and m.start < chosen[-1].end:
            continue
        chosen.append(m)
    return chosen
