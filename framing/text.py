"""Tokens and sentences with character offsets, using only NLTK parts that need no download.

Sentences come from NLTK's Punkt algorithm with an abbreviation list given in code
(no trained model is downloaded); tokens from one regular expression that keeps
hyphenated and apostrophised words whole ("US-backed", "so-called", "Kremlin's"),
because lexicon phrases are written in the same tokens.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Literal

from framing import lazy_nltk

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
    """NLTK is imported on first use, and only the parts used (framing.lazy_nltk): all of it costs over a second."""
    return lazy_nltk.snowball_stemmer()("english")


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


Analyzer = Callable[[str], list[str]]
NumberPolicy = Literal["keep", "drop", "drop_any_digit"]
StopPolicy = Literal["remove", "keep_inner"]
_HAS_LETTER = re.compile(r"[^\W\d_]")
_POSSESSIVE = re.compile(r"['’]s$")


def fold(word: str) -> str:
    """Lower case without accents, so "El País" and "El Pais" name the same paper."""
    if word.isascii():  # nothing to decompose: the common case, kept fast
        return word.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# scikit-learn's English stop-word list (sklearn.feature_extraction.text.ENGLISH_STOP_WORDS, 318
# words), copied so that cleaning and counting need not import scikit-learn (seconds of start-up);
# tests/test_text.py checks the copy against scikit-learn's.
ENGLISH_STOP_WORDS: frozenset[str] = frozenset(
    """
    a about above across after afterwards again against all almost alone along already also
    although always am among amongst amoungst amount an and another any anyhow anyone
    anything anyway anywhere are around as at back be became because become becomes becoming
    been before beforehand behind being below beside besides between beyond bill both bottom
    but by call can cannot cant co con could couldnt cry de describe detail do done down due
    during each eg eight either eleven else elsewhere empty enough etc even ever every
    everyone everything everywhere except few fifteen fifty fill find fire first five for
    former formerly forty found four from front full further get give go had has hasnt have
    he hence her here hereafter hereby herein hereupon hers herself him himself his how
    however hundred i ie if in inc indeed interest into is it its itself keep last latter
    latterly least less ltd made many may me meanwhile might mill mine more moreover most
    mostly move much must my myself name namely neither never nevertheless next nine no
    nobody none noone nor not nothing now nowhere of off often on once one only onto or
    other others otherwise our ours ourselves out over own part per perhaps please put
    rather re same see seem seemed seeming seems serious several she should show side since
    sincere six sixty so some somehow someone something sometime sometimes somewhere still
    such system take ten than that the their them themselves then thence there thereafter
    thereby therefore therein thereupon these they thick thin third this those though three
    through throughout thru thus to together too top toward towards twelve twenty two un
    under until up upon us very via was we well were what whatever when whence whenever
    where whereafter whereas whereby wherein whereupon wherever whether which while whither
    who whoever whole whom whose why will with within without would yet you your yours
    yourself yourselves
    """.split()  # noqa: SIM905 - one word list, wrapped
)


def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop-word list (a copy: see :data:`ENGLISH_STOP_WORDS`)."""
    return ENGLISH_STOP_WORDS


def _joined_words(text: str, join_initialisms: bool) -> list[str]:
    """TOKEN_RE words; with ``join_initialisms`` dotted single letters become one word ("U.S." -> "U.S.")."""
    if not join_initialisms:
        return TOKEN_RE.findall(text)
    matches = list(TOKEN_RE.finditer(text))
    out: list[str] = []
    i = 0
    while i < len(matches):
        j = i
        while (
            j + 1 < len(matches)
            and len(matches[j].group()) == 1
            and len(matches[j + 1].group()) == 1
            and text[matches[j].end() : matches[j + 1].start()] == "."
        ):
            j += 1
        out.append("".join(m.group() + "." for m in matches[i : j + 1]) if j > i else matches[i].group())
        i = j + 1
    return out


def build_analyzer(
    *,
    lowercase: bool = True,
    fold_accents: bool = False,
    stem_words: bool = False,
    stop_words: Iterable[str] | Literal["english"] | None = None,
    stop_ngrams: StopPolicy = "remove",
    ngram_range: tuple[int, int] = (1, 1),
    numbers: NumberPolicy = "keep",
    join_initialisms: bool = False,
    drop_possessive: bool = False,
) -> Analyzer:
    """A callable text -> terms built on :data:`TOKEN_RE`, the project's one definition of a word.

    Every counter and vectoriser takes its terms from an analyzer built here (scikit-learn
    vectorisers receive it as ``analyzer=``), so "a word" means the same thing in word
    counts, boilerplate scoring, TF-IDF similarity, distinctive terms and claim alignment;
    the options only say which words a use keeps and how it normalises them:

    - ``lowercase`` / ``fold_accents``: applied to the text before tokenising ("El País" -> "el pais").
    - ``drop_possessive``: "Russia's" -> "Russia"; ``join_initialisms``: "U.S." is one word, not "U" and "S".
    - ``numbers``: "keep" every word; "drop" words without a letter ("2,000", "2022", but not "82nd");
      "drop_any_digit" every word containing a digit (when numbers are compared by value elsewhere).
    - ``stop_words``: a set, or "english" (scikit-learn's list); compared after the steps above.
    - ``stop_ngrams``: "remove" drops stop words and dropped numbers before n-grams are formed
      (scikit-learn's behaviour: n-grams join the surviving words); "keep_inner" forms n-grams over
      the text's own word sequence, a dropped number ending a run, and drops only n-grams made of
      stop words alone (so "in kiev" survives but "of the" does not; Monroe et al. 2008).
    - ``stem_words``: Snowball stems, after the stop-word check.
    - ``ngram_range``: (min_n, max_n) as in scikit-learn; unigrams come first, then bigrams, ...
    """
    low, high = ngram_range
    if not 1 <= low <= high:
        raise ValueError(f"ngram_range must be 1 <= min_n <= max_n, not {ngram_range}")
    if numbers not in ("keep", "drop", "drop_any_digit"):
        raise ValueError(f"numbers must be keep, drop or drop_any_digit, not {numbers!r}")
    if stop_ngrams not in ("remove", "keep_inner"):
        raise ValueError(f"stop_ngrams must be remove or keep_inner, not {stop_ngrams!r}")
    stops = english_stop_words() if stop_words == "english" else frozenset(stop_words or ())
    keep_stops = stop_ngrams == "keep_inner"

    def is_number(word: str) -> bool:
        if numbers == "drop":
            return not _has_letter(word)
        return numbers == "drop_any_digit" and any(c.isdigit() for c in word)

    def analyze(text: str) -> list[str]:
        if lowercase:
            text = text.lower()
        if fold_accents:
            text = _strip_accents(text)
        words = _joined_words(text, join_initialisms)
        if drop_possessive:  # the same as _POSSESSIVE.sub("", word), without a regex call per word
            words = [w[:-2] if w.endswith(_POSSESSIVE_ENDINGS) else w for w in words]
        if not keep_stops:  # stop words and dropped numbers removed, n-grams over the rest (the common case)
            kept = [w for w in words if w not in stops and not (numbers != "keep" and is_number(w))]
            if stem_words:
                kept = [stem(w) for w in kept]
            if low == high == 1:
                return kept
            return [" ".join(kept[k : k + n]) for n in range(low, high + 1) for k in range(len(kept) - n + 1)]
        runs: list[tuple[list[str], list[bool]]] = []  # (terms, is stop word) of the runs a dropped number splits
        terms_run: list[str] = []
        stops_run: list[bool] = []
        for word in words:
            if numbers != "keep" and is_number(word):
                if terms_run:
                    runs.append((terms_run, stops_run))
                    terms_run, stops_run = [], []
                continue
            stops_run.append(word in stops)
            terms_run.append(stem(word) if stem_words else word)
        if terms_run:
            runs.append((terms_run, stops_run))
        terms: list[str] = []
        for n in range(low, high + 1):
            for run_terms, run_stops in runs:
                terms += _inner_ngrams(run_terms, run_stops, n)
        return terms

    return analyze


_POSSESSIVE_ENDINGS = ("'s", "’s")


@lru_cache(maxsize=100_000)
def _has_letter(word: str) -> bool:
    """The word holds a letter (cached: news vocabulary repeats)."""
    return bool(_HAS_LETTER.search(word))


def _inner_ngrams(terms: list[str], stops: list[bool], n: int) -> list[str]:
    """The n-grams of one run of words that are not made of stop words alone ("in kiev", not "of the")."""
    if n == 1:
        return [t for t, stop in zip(terms, stops, strict=True) if not stop]
    if n == 2:
        pairs = zip(terms, terms[1:], stops, stops[1:], strict=False)
        return [f"{a} {b}" for a, b, stop_a, stop_b in pairs if not (stop_a and stop_b)]
    return [" ".join(terms[k : k + n]) for k in range(len(terms) - n + 1) if not all(stops[k : k + n])]


def count_words(text: str) -> int:
    """Words in ``text`` as every per-1,000-words figure counts them (the default analyzer's terms)."""
    return sum(1 for _ in TOKEN_RE.finditer(text))


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    PunktParameters, PunktSentenceTokenizer = lazy_nltk.punkt()  # noqa: N806 - NLTK's class names
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
            first = para.group()[start : start + 1]
            if spans and spans[-1][1] > base and (first.islower() or first in ",;:)]"):
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
