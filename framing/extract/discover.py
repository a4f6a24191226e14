"""Find the people, organisations, places and groups an article talks about, with no story lexicon.

``actors.csv`` only knows the actors of the 2022 US/NATO/Russia story; on a port strike it
finds nothing. This module finds actors from the text itself:

* **proper-name phrases**: runs of capitalised words ("Ana Ruiz", "International Longshore and
  Warehouse Union"), with a personal title kept apart from the name ("Ms Ruiz", "Judge Gorsuch")
  and a lowercase role noun between an affiliation and a name read as both ("Port Authority chair
  Ana Ruiz": the person Ana Ruiz, role "Port Authority chair", affiliation "Port Authority");
* **sentence-initial capitals**: a capitalised common word that starts a sentence ("However",
  "Officials") is not a name; the word list is ``lexicons/discovery.csv``; nor is a lone one the
  same text also writes in lower case ("Storm" beside "the storm"), or that news usually writes in
  lower case (``framing/models/common_words/words.csv``: "Turnout was high") unless a speech verb
  follows ("Young said"), or that qualifies a group noun ("International observers"); a word that
  ends a longer name of the text stays a name ("Bell" of "Tom Bell");
* **short forms in the same article**: a surname ("Ruiz"), a title and surname ("Ms Ruiz"), an
  acronym defined in brackets ("International Longshore and Warehouse Union (ILWU)") or formed
  from the initials of a name found, "the union" / "the authority" after an organisation with that
  head word, "the president" after "President X", and he/she/him/her/his after a person in the
  same or the previous sentence ("where safe": the nearest person only, marked ``pronoun``);
* **not actors**: a capitalised phrase ending in a head word of a law, plan or event
  ("Climate Change Act", "Keystone XL Pipeline", "World Cup"; kind ``other`` in ``discovery.csv``)
  is no mention; one ending in a place head word ("Marion County", "Hudson River") is a place;
* **seed knowledge**: where ``actors.csv`` matches (Washington, the White House -> US) its actor
  and group win.

Every mention is an :class:`~framing.spans.ActorMention` with offsets into the text.
``actor`` is the full name the mention resolves to; ``group`` is the seed group, else the
actor's own name (a discovered actor is a group of one until ``--sides`` groups it, see
:mod:`framing.sides`). :func:`merge_actors` merges the mentions of a corpus into actors with
aliases. Lowercase groups of people are the group nouns of ``discovery.csv`` ("dockworkers",
"residents"), each a group actor named by the noun. This is a heuristic extractor, not a trained
recogniser: it misses other lowercase groups and names written in lowercase, and can take a
capitalised headline word for a name.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from framing.errors import DataError
from framing.lexicon.bundle import Lexicons
from framing.lexicon.load import read_table
from framing.lexicon.matcher import longest_non_overlapping
from framing.resources import lexicon_dir
from framing.spans import ActorMention
from framing.text import MONTH_NAMES, WEEKDAYS, Doc, tokenize

if TYPE_CHECKING:
    from framing.extract.features import ArticleFeatures

MAX_CHARS = 200_000  # about 35,000 words
# How news writes each word inside a sentence (NewsMTSC train, MIT; see its SOURCE.md): a word written in
# lower case at least USUALLY_LOWER times as often as capitalised is a common word when it starts a sentence.
COMMON_WORDS = Path(__file__).resolve().parents[1] / "models" / "common_words" / "words.csv"
USUALLY_LOWER = 4
# A word news writes in lower case at least this often and never capitalised inside a sentence ("caught",
# "takes") ends a name where a title-case headline runs on: "Hillary Clinton Caught ...", "Rubio Takes Minnesota".
NEVER_CAPITAL = 5
# After a lone capitalised word these make it the speaker, so a name ("Young said", "Rich told reporters").
_SPEECH_VERBS = frozenset(
    {"said", "says", "told", "added", "asked", "argued", "wrote", "noted", "explained", "warned", "claimed"}
    | {"insisted", "stated", "replied", "tweeted", "announced", "testified", "acknowledged", "recalled"}
    | {"conceded", "countered", "responded"}
)
QUOTE_WINDOW = (
    600  # characters before a pronoun read for its antecedent or a quotation: a run-on "sentence" is not reread
)
WORD_KINDS = ("common", "title", "role", "organisation", "group", "place", "other")
KINDS = ("person", "organisation", "place", "group", "name")
# A word with its offsets: initials ("B.", "U.S.") keep their dots, possessives are split off later.
_WORD_RE = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|\w+(?:[-'’]\w+)*")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")
# Inside a name: "University of Chicago", "Warehouse Union"; "and" only inside an organisation name.
_CONNECTORS = {
    "of",
    "for",
    "and",
    "the",
    "de",
    "da",
    "del",
    "della",
    "der",
    "van",
    "von",
    "al",
    "el",
    "bin",
    "la",
    "le",
}
_NAME_PARTICLES = {"de", "da", "del", "della", "der", "van", "von", "al", "el", "bin", "la", "le"}
_ABBREVIATED_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "adm",
    "rev",
}
_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
_NOT_NAMES = {"i", "we", "you", "it", "they", "he", "she", "him", "her", "his"}  # "(PHOTOS: ...) He added"
_ROLE_MODIFIERS = {"former", "vice", "prime", "foreign", "special", "deputy", "late", "next", "new", "then", "county"}
_ROLE_MODIFIERS |= {"state", "district", "top", "senior", "assistant", "acting", "interim", "first", "general"}
_PLURAL = {"they", "them", "their", "theirs", "themselves"}  # of a group named before: "voters ... they"
_OBJECT_NEXT = {"to", "for", "as", "of", "in", "on", "at", "with", "from", "and", "a", "an", "the", "that", "about"}
# Between a name and a verb's object that cannot be that name ("Bell praised him"): no clause boundary.
_CLAUSE_WORDS = {"that", "who", "whom", "which", "to", "and", "but", "because", "if", "when", "while", "as"}
_TITLE_GENDER = {
    **dict.fromkeys(("mr", "sir", "lord", "king", "prince", "father", "congressman", "councilman", "chairman"), "m"),
    **dict.fromkeys(("spokesman", "brother", "duke", "baron", "mister"), "m"),
    **dict.fromkeys(("mrs", "ms", "miss", "lady", "dame", "queen", "princess", "sister", "madam"), "f"),
    **dict.fromkeys(("congresswoman", "councilwoman", "chairwoman", "spokeswoman", "duchess", "baroness"), "f"),
}
_QUOTE_OPENS = re.compile(r"[:,]\s*[\"“]\s*[A-Z]")  # 'Kaine: "He ...', '"He is ...'
_QUOTE_CLOSE = re.compile(r"”|(?<=\S)\"(?=[\s,.;:!?)]|$)")
_QUOTE_OPEN = re.compile(r"“|(?:^|(?<=[\s(\[—–]))\"(?=\S)")
_ASIDE_OPENS = ("who ", "whose ", "whom ", "a ", "an ", "the ")  # "Portman, who played Obama, said he ..."
_RELATIVE = {"who", "whom", "whose"}  # after a person's name: "Ana Ruiz, who chairs the authority"
# "he's", "she’d": the pronoun is the first part; "Don't" is "do"
_CLITIC_RE = re.compile(r"(?:n['’]t|['’](?:s|d|ll|re|ve|m))$", re.IGNORECASE)
# A clause put before the main subject starts with one of these ("After he won, Trump ...", "In his speech, Obama ...").
_FRONTING = {
    "after",
    "before",
    "when",
    "whenever",
    "while",
    "although",
    "though",
    "since",
    "because",
    "if",
    "until",
    "once",
    "in",
    "during",
    "with",
    "despite",
    "by",
    "upon",
    "on",
    "unlike",
    "like",
    "without",
    "throughout",
    "following",
    "having",
    "as",
    "asked",
    "rather",
    "amid",
    "unless",
    "at",
    "under",
    "within",
    "for",
    "whatever",
}
_LEADING = {"and", "but", "yet", "so", "still", "even"}  # before a fronted clause: "Yet by 2008, ..."
_PLACE_CUES = {"in", "near", "across", "throughout", "outside", "inside"}
_CALENDAR = {*WEEKDAYS, *MONTH_NAMES}
_PARTICLE_NAME_RE = re.compile(r"^(?:al|el|ad|bin|ibn|abu)-[A-Z]")  # "el-Sissi", "al-Bashir"
_GROUP_RE = re.compile(r"(?:ans|ians|ists|ites|crats|icans|ese)$")


@dataclass(frozen=True, slots=True)
class DiscoveredMention(ActorMention):
    """A mention found by discovery: what kind of actor, how it was linked, and what the text says of it."""

    kind: str  # person | organisation | place | group | name (a single capitalised word not otherwise known)
    link: str  # name (a full name) | short (surname, acronym, "the union") | pronoun | role ("the judge") | seed
    title: str = ""  # "Ms", "President"
    role: str = ""  # "Port Authority chair"
    affiliation: str = ""  # "Port Authority"


@dataclass
class Actor:
    """One actor of a corpus: its name, the surface forms it appears as, and where."""

    name: str
    kind: str
    group: str
    aliases: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    merged: set[str] = field(default_factory=set)  # the mention ``actor`` names merged into this one


@dataclass(frozen=True)
class Words:
    common: frozenset[str]
    titles: frozenset[str]
    roles: frozenset[str]
    organisations: frozenset[str]
    groups: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # head words of place names: "Marion County", "Hudson River"
    others: frozenset[str] = frozenset()  # head words of named laws, plans, events: "Climate Change Act"
    heads: frozenset[str] = frozenset()  # every title, role and head word: they belong in names


def load_words(path: Path) -> Words:
    rows = read_table(path, ["word", "kind"], ["note"], {"kind": WORD_KINDS}, key=["word", "kind"])
    by_kind: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        by_kind[row["kind"]].add(row["word"].lower())
    return Words(
        frozenset(by_kind["common"] | _CALENDAR),
        frozenset(t.rstrip(".") for t in by_kind["title"]),  # "mr." and "mr" are one title
        frozenset(by_kind["role"]),
        frozenset(by_kind["organisation"]),
        frozenset(by_kind["group"]),
        frozenset(by_kind["place"]),
        frozenset(by_kind["other"]),
        frozenset(w.rstrip(".") for kind in WORD_KINDS if kind != "common" for w in by_kind[kind]),
    )


@lru_cache(maxsize=1)
def default_words() -> Words:
    """``lexicons/discovery.csv``."""
    return load_words(lexicon_dir() / "discovery.csv")


@lru_cache(maxsize=100_000)
def _bare(word: str) -> str:
    """The word without a possessive ("Ruiz's" -> "Ruiz"); cached, since news vocabulary repeats."""
    return _POSSESSIVE_RE.sub("", word) if len(word) > 2 else word


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    text: str
    lower: str
    capital: bool  # capitalised, or a name after a particle ("al-Bashir")
    initial: bool  # first word of its sentence (or of a quotation or line)
    index: int  # its position in the article's word list

    @property
    def bare(self) -> str:
        return _bare(self.text)


class _Phrase:
    """A name found in the text: its words, and the title, role, affiliation and kind read around it.

    A plain class with slots: one is made per capitalised run, and its start, end and name (asked
    for many times) are computed once, since its words never change.
    """

    __slots__ = ("words", "title", "role", "affiliation", "kind", "title_start", "start", "end", "name")

    def __init__(self, words: list[_Word], title: str = "") -> None:
        last = words[-1]
        self.words = words
        self.title = title  # "Ms", "President"
        self.role = ""  # "Port Authority chair"
        self.affiliation = ""  # "Port Authority"
        self.kind = "name"
        self.title_start = -1
        self.start = words[0].start
        self.end = last.start + len(last.bare)
        self.name = " ".join([w.text for w in words[:-1]] + [last.bare])


_BREAK_RE = re.compile('[\n"“‘:—–•(]')  # in the gap before a word: it starts a line, quotation or list item
_BRACKET_RE = re.compile(r"['’]?s?\s*\(")  # between a name and its acronym: "Union (", "Union's ("
_INITIAL_RE = re.compile(r"[A-Z]\.")  # where an initial ("B.", "U.S.") may make one word of tokens
_INITIALS_RE = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])")


def _spans(text: str, doc: Doc) -> tuple[list[int], list[int], list[str]]:
    """(starts, ends, texts) of the words: :data:`_WORD_RE`'s matches, taken from the tokens the text
    module already made (the same regex less its initials: "U.S." is two tokens, "U" and "S").

    Both regexes start a match at the first word character after the last match, and they differ
    only where an initial matches: there the tokens it covers are one-letter tokens, merged here.
    """
    tokens = doc.tokens if doc.text == text else tokenize(text)
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    texts = [t.text for t in tokens]
    merges: list[tuple[int, re.Match[str]]] = []  # (first token, initials), in text order
    token_at: dict[int, int] | None = None
    merged = 0
    for m in _INITIAL_RE.finditer(text):
        initials = _INITIALS_RE.match(text, m.start()) if m.start() >= merged else None
        if initials is None:  # no initial, or inside initials found already ("U.S.": "S." is done)
            continue
        if token_at is None:
            token_at = {start: i for i, start in enumerate(starts)}
        i = token_at.get(m.start())
        if i is None:  # the letter ends a longer token ("AB.", "x-B."): no word starts there
            continue
        merges.append((i, initials))
        merged = initials.end()
    if not merges:
        return starts, ends, texts
    merged_starts: list[int] = []
    merged_ends: list[int] = []
    merged_texts: list[str] = []
    done = 0  # tokens copied so far: one pass, however many initials ("U.S." 40,000 times)
    for i, initials in merges:
        merged_starts += starts[done:i]
        merged_ends += ends[done:i]
        merged_texts += texts[done:i]
        merged_starts.append(initials.start())
        merged_ends.append(initials.end())
        merged_texts.append(initials.group())
        done = i + (initials.end() - initials.start()) // 2  # the one-letter tokens it covers
    return merged_starts + starts[done:], merged_ends + ends[done:], merged_texts + texts[done:]


def _words(text: str, doc: Doc) -> list[_Word]:
    """The words of the text, each marked ``initial`` when a sentence start, a line break, a quotation
    mark, a colon, a dash, a bullet or a bracket lies between it and the word before."""
    starts, ends, texts = _spans(text, doc)
    initial = [False] * len(starts)
    if starts:
        initial[0] = True
    # A word is initial when such a point lies in [end of the word before, its start]: the first word
    # starting at or after the point, unless the word before it reaches past the point.
    points = [start for start, _ in doc.sentences] + [m.start() for m in _BREAK_RE.finditer(text)]
    for point in points:
        k = bisect.bisect_left(starts, point)
        if k < len(starts) and (k == 0 or ends[k - 1] <= point):
            initial[k] = True
    lowers = [t.lower() for t in texts]
    capitals = [t[:1].isupper() or ("-" in t and bool(_PARTICLE_NAME_RE.match(t))) for t in texts]
    return list(map(_Word, starts, ends, texts, lowers, capitals, initial, range(len(starts))))


@lru_cache(maxsize=1)
def _case_counts() -> dict[str, tuple[int, int]]:
    """word -> (times written in lower case, times capitalised) inside news sentences (:data:`COMMON_WORDS`)."""
    counts = {}
    for row in read_table(COMMON_WORDS, ["word", "lower", "capital"], key=["word"]):
        try:
            counts[row["word"].lower()] = (int(row["lower"]), int(row["capital"]))
        except ValueError:
            raise DataError(row.source, "'lower' and 'capital' must be whole numbers") from None
    return counts


def usually_lower(word: str) -> bool:
    """News writes the word in lower case inside a sentence far more often than capitalised ("turnout")."""
    lower, capital = _case_counts().get(word.lower(), (0, 0))
    return lower > 0 and lower >= USUALLY_LOWER * capital


def usually_capital(word: str) -> bool:
    """News capitalises the word inside a sentence more often than not, or is not known to write it in
    lower case ("Republican": a rare word stays a possible name)."""
    counts = _case_counts().get(word.lower())
    return counts is None or counts[1] > counts[0]


def _speaks_next(words: list[_Word], w: _Word) -> bool:
    """A speech verb follows the word: "Young said" names a speaker."""
    return w.index + 1 < len(words) and words[w.index + 1].lower in _SPEECH_VERBS


def _before_group(words: list[_Word], w: _Word, lexicon: Words) -> bool:
    """A lowercase group noun follows the word: "International observers", "Local residents"."""
    nxt = words[w.index + 1] if w.index + 1 < len(words) else None
    return nxt is not None and not nxt.capital and nxt.lower in lexicon.groups


def _joined(text: str, a: _Word, b: _Word) -> bool:
    """Two words belong to one name only if nothing but a space or hyphen separates them ("Mr. King": a title's dot)."""
    gap = text[a.end : b.start]
    return gap in (" ", "-", "") or (gap == ". " and a.lower in _ABBREVIATED_TITLES)


def _runs(text: str, words: list[_Word], lexicon: Words) -> list[list[_Word]]:
    """Maximal runs of capitalised words, connectors allowed inside, common sentence-initial words dropped."""
    runs: list[list[_Word]] = []
    i = 0  # the first word not in a run yet
    for w in [w for w in words if w.capital and not w.text.isdigit()]:  # where a run can start
        if w.index < i:
            continue
        run = [w]
        i = w.index
        j = i + 1
        while j < len(words) and _joined(text, run[-1], words[j]):
            nxt = words[j]
            if nxt.capital and not nxt.initial:
                run.append(nxt)
                j += 1
            elif (
                nxt.text in _CONNECTORS
                and j + 1 < len(words)
                and words[j + 1].capital
                and _joined(text, nxt, words[j + 1])
            ):
                run += [nxt, words[j + 1]]
                j += 2
            else:
                break
            if _POSSESSIVE_RE.search(run[-1].text) and len(run[-1].text) > 2 and run[-1].bare != run[-1].text:
                break  # "Ruiz's union": the possessive ends the name
        runs += _split_and(run, lexicon)
        i = j
    # A lone capitalised word at a sentence start is a common word when the text also writes it in lower
    # case ("Storm ...", "the storm"), when news usually does ("Turnout was high") and no speech verb
    # follows ("Young said"), or when it qualifies a group noun and is not usually capitalised
    # ("International observers", but "Republican voters"); unless it is the last word of a longer name
    # of the text ("Bell" of "Tom Bell").
    lowered = {w.lower for w in words if not w.capital}
    surnames = {run[-1].lower for run in runs if len(run) > 1}
    cleaned = []
    for run in runs:
        while run and (run[0].initial or run[0].text == "The") and _unclitic(run[0].text) in lexicon.common:
            run = run[1:]
            if run:
                run[0].initial = True
        while run and run[-1].lower in _CONNECTORS:
            run = run[:-1]
        if not run:
            continue
        if len(run) > 1 and all(w.text.isupper() for w in run):  # "TRUMP SAYS PORT IS CLOSED": split at common words
            parts: list[list[_Word]] = [[]]
            for w in run:
                if w.lower in lexicon.common or w.lower in _CONNECTORS:
                    parts.append([])
                else:
                    parts[-1].append(w)
            pieces = [p for p in parts if p] if len(parts) > 1 else [run]
        else:
            pieces = [run]
        for piece in (part for p in pieces for part in _headline_parts(p, lexicon)):
            lone = _unclitic(piece[0].text) if len(piece) == 1 else ""
            if lone in _CALENDAR or lone in _NOT_NAMES or lone.rstrip(".") in _ABBREVIATED_TITLES:
                continue  # "Monday", "I", a title with no name ("Mr.")
            initial = lone and piece[0].initial and lone not in surnames
            if initial and _common_start(lone, piece[0], words, lowered, lexicon):
                continue
            cleaned.append(piece)
    return cleaned


def _never_capital(word: str) -> bool:
    """News never capitalises the word inside a sentence, and writes it in lower case often (:data:`NEVER_CAPITAL`)."""
    lower, capital = _case_counts().get(word, (0, 1))
    return capital == 0 and lower >= NEVER_CAPITAL


def _headline_parts(run: list[_Word], lexicon: Words) -> list[list[_Word]]:
    """The names in a run, cut at the words of a title-case headline that run into it.

    "Hillary Clinton Caught Lying" holds "Hillary Clinton"; "Rubio Takes Minnesota" holds Rubio and
    Minnesota. A run is cut at a word news never capitalises inside a sentence (:func:`_never_capital`)
    that is no title, role or head word ("Civic Alliance", "Justice Department" stay whole); the last
    word of a two-word run is kept unless the run is in capitals, since a surname can be a common word
    ("Andy Lack").
    """
    if len(run) < 2:
        return [run]
    parts: list[list[_Word]] = [[]]
    for k, w in enumerate(run):
        bare = w.bare.lower()
        last_of_two = len(run) == 2 and k == 1 and not w.text.isupper()
        if k and not last_of_two and bare not in lexicon.heads and _never_capital(bare):
            parts.append([])
        else:
            parts[-1].append(w)
    if len(parts) == 1:
        return [run]
    out = []
    for part in parts:  # headline words around the names: "Like Reagan for Growth" holds Reagan
        while part and _headline_word(part[0], lexicon):
            part = part[1:]
        while part and _headline_word(part[-1], lexicon):
            part = part[:-1]
        if part and not (len(part) == 1 and usually_lower(part[0].bare)):
            out.append(part)
    return out


def _headline_word(w: _Word, lexicon: Words) -> bool:
    """A word at the edge of a piece of headline that is no part of a name ("To", "Like", "of", "Night")."""
    lower = w.bare.lower()
    return lower in _CONNECTORS or lower in lexicon.common or lower in _NOT_NAMES or (
        lower not in lexicon.heads and usually_lower(lower)
    )


def _common_start(lone: str, w: _Word, words: list[_Word], lowered: set[str], lexicon: Words) -> bool:
    """A lone capitalised word starting a sentence is a common word here (see :func:`_runs`)."""
    if lone in lowered:
        return True
    if usually_lower(lone) and not _speaks_next(words, w):
        return True
    return _before_group(words, w, lexicon) and not usually_capital(lone)


@lru_cache(maxsize=100_000)
def _unclitic(word: str) -> str:
    """ "It's" -> "it", "I’ve" -> "i": a contraction that starts a sentence is no more a name than its first word."""
    lower = word.lower()
    return _CLITIC_RE.sub("", lower) if "'" in lower or "’" in lower else lower


def _split_and(run: list[_Word], lexicon: Words) -> list[list[_Word]]:
    """ "and" joins two names ("Ruiz and Bell") unless the whole run is one organisation's name."""
    if not any(w.text == "and" for w in run) or run[-1].bare.lower() in lexicon.organisations:
        return [run]
    parts: list[list[_Word]] = [[]]
    for w in run:
        if w.text == "and":
            parts.append([])
        else:
            parts[-1].append(w)
    return [p for p in parts if p]


def _split_title(run: list[_Word], lexicon: Words) -> tuple[list[_Word], list[_Word], list[_Word]]:
    """(affiliation, title, name) of a run: "Russian | President | Vladimir Putin", "| Ms | Ruiz".

    The title is from the first to the last title word before the name, with an "of X" after it
    ("Secretary of State Antony Blinken"); with no title word the whole run is the name, and where the
    run ends in an organisation word the title word is part of that name ("Trump | | Justice Department").
    """
    positions = [i for i, w in enumerate(run[:-1]) if w.lower.rstrip(".") in lexicon.titles]
    # "Vice" is a title only before another ("Vice President Joe Biden"), not in "Vice Media"
    positions = [i for i in positions if run[i].lower != "vice" or run[i + 1].lower in lexicon.titles]
    if not positions:
        return [], [], run
    first, j = positions[0], positions[-1] + 1
    if run[-1].bare.lower() in lexicon.organisations:  # "Trump | Justice Department": a title word in a name
        return run[:first], [], run[first:]
    while j + 2 < len(run) and run[j].text == "of":
        j += 2
    return run[:first], run[first:j], run[j:]


def _classify(phrase: _Phrase, before: str, lexicon: Words) -> str:
    lowered = [w.bare.lower() for w in phrase.words]
    if phrase.title and phrase.title.lower().rstrip(".") in lexicon.titles:
        return "person"
    if not lexicon.organisations.isdisjoint(lowered) or (len(lowered) == 1 and _ACRONYM_RE.match(phrase.name)):
        return "organisation"
    if len(lowered) == 1 and (
        lowered[0] in lexicon.groups or _GROUP_RE.search(lowered[0]) and lowered[0].endswith("s")
    ):
        return "group"
    if len(lowered) > 1 and lowered[-1] in lexicon.others:
        return "other"
    if before in _PLACE_CUES or (len(lowered) > 1 and lowered[-1] in lexicon.places):
        return "place"
    if 2 <= len(lowered) <= 4 or phrase.role:
        return "person"
    return "name"


def _phrases(text: str, words: list[_Word], lexicon: Words) -> list[_Phrase]:
    phrases: list[_Phrase] = []
    for run in _runs(text, words, lexicon):
        affiliation, title_words, rest = _split_title(run, lexicon)
        k = run[0].index
        if affiliation:  # "NATO Secretary General Jens Stoltenberg": NATO is mentioned too
            own = _Phrase(affiliation)
            own.kind = _classify(own, words[k - 1].lower if k > 0 else "", lexicon)
            phrases.append(own)
        phrase = _Phrase(rest, title=" ".join(w.text for w in title_words))
        if title_words:
            phrase.title_start = title_words[0].start
            phrase.affiliation = " ".join(w.text for w in affiliation)
        # "Port Authority chair Ana Ruiz": capitalised words, lowercase role words, then the name.
        roles: list[str] = []
        j = k - 1
        while j >= 0 and words[j].lower in lexicon.roles and not words[j].capital and len(roles) < 3:
            roles.insert(0, words[j].text)
            j -= 1
        if phrase.affiliation:
            phrase.role = f"{phrase.affiliation} {phrase.title}"
        elif roles and phrases and phrases[-1].words[-1] is (words[j] if j >= 0 else None):
            phrase.affiliation = phrases[-1].name
            phrase.role = f"{phrase.affiliation} {' '.join(roles)}"
        elif roles and j >= 0 and not words[j].capital and words[j].lower in lexicon.organisations:
            phrase.affiliation = words[j].text  # "union leader Tom Bell": resolved to the union named before
            phrase.role = f"{words[j].text} {' '.join(roles)}"
        elif roles:
            phrase.role = " ".join(roles)
        before = words[k - 1].lower if k > 0 else ""
        phrase.kind = _classify(phrase, before, lexicon)
        if phrase.title and phrase.kind not in ("person", "organisation", "other"):
            phrase.kind = "person"
        if phrase.kind != "other":  # a named law, plan or event ("Climate Change Act") is no actor
            phrases.append(phrase)
    return phrases


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


@dataclass
class _Entity:
    name: str
    kind: str
    last: str
    head: str  # an organisation's last word, lowercase ("union")
    title: str
    role: str
    affiliation: str


def analysis_seeds(f: ArticleFeatures, lex: Lexicons) -> list[ActorMention] | None:
    """The analysis's actor mentions, when it matched the same lexicons as ``lex`` (so the same actors.csv):
    discovery's seeds then need no second match of it; None otherwise."""
    return f.actor_mentions if f.lexicon_version == lex.version else None


def discover_mentions(
    text: str, lex: Lexicons | None = None, doc: Doc | None = None, seeds: Sequence[ActorMention] | None = None
) -> list[DiscoveredMention]:
    """Every actor mention in ``text``, in order, each resolved to the full name it refers to.

    Only the first :data:`MAX_CHARS` characters are read: no news article is longer, and a
    pathological file (megabytes of one text) must not hold up a whole report. ``seeds``, the
    mentions ``lex.actors`` gives in the text (an analysis's ``actor_mentions``, found with the same
    actors file), spare matching the actors lexicon again; they are matched anew past MAX_CHARS.
    """
    lexicon = default_words()
    if len(text) > MAX_CHARS:
        text, doc, seeds = text[:MAX_CHARS], None, None
    doc = doc or Doc(text)
    words = _words(text, doc)
    phrases = _phrases(text, words, lexicon)
    if lex is None:
        seeds = []
    elif seeds is None:
        seeds = _seed_mentions(doc, lex)
    entities: dict[str, _Entity] = {}
    by_last: dict[str, list[str]] = defaultdict(list)
    acronyms: dict[str, str] = {}

    latest_organisation: dict[str, str] = {}  # head word -> the name of the last organisation registered with it

    def register(p: _Phrase) -> _Entity:
        if p.affiliation and " " not in p.affiliation and p.affiliation.lower() in lexicon.organisations:
            named = latest_organisation.get(p.affiliation.lower())  # "union leader Tom Bell": the union named before
            if named is not None and named != p.affiliation:
                p.affiliation = named
        last = p.words[-1].bare
        entity: _Entity | None = entities.get(p.name)
        if entity is None:
            entity = _Entity(p.name, p.kind, last, last.lower(), p.title, p.role, p.affiliation)
            entities[p.name] = entity
            if entity.kind == "organisation":
                latest_organisation[entity.head] = entity.name
            if p.kind == "person" and len(p.words) > 1:
                by_last[last].append(p.name)
        entity.title = entity.title or p.title
        entity.role = entity.role or p.role
        entity.affiliation = entity.affiliation or p.affiliation
        return entity

    # First pass: full names and bracketed acronyms, so a short form used before its full name still links.
    for n, p in enumerate(phrases):
        if len(p.words) > 1 or p.title:
            register(p)
        if n + 1 < len(phrases):
            nxt = phrases[n + 1]
            # "Union of ... (UDW)", not "Ruiz (ILWU)"; the cheap tests first
            if (
                len(nxt.words) == 1
                and text[nxt.end : nxt.end + 1] == ")"
                and _ACRONYM_RE.match(nxt.name)
                and _BRACKET_RE.fullmatch(text, p.end, nxt.start)
                and nxt.name[:1] == _initials(p.name)[:1]
            ):
                acronyms[nxt.name.rstrip("s") if nxt.name.endswith("s") else nxt.name] = p.name
    for name, known in list(entities.items()):
        if known.kind != "organisation":
            continue
        initials = _initials(name)
        if len(initials) >= 2 and initials not in acronyms:
            acronyms.setdefault(initials, name)

    mentions: list[DiscoveredMention] = []
    for p in phrases:
        sentence = doc.sentence_index(p.start)
        title_start = p.title_start if p.title_start >= 0 else p.start  # the mention covers a title: "Ms Ruiz"
        target, kind, link = p.name, p.kind, "name"
        if kind == "group" and p.name.lower() in lexicon.groups:
            target = p.name.lower()  # "Dockworkers" at a sentence start and "dockworkers" later are one group
        entity = entities.get(p.name)
        if len(p.words) == 1 and not (entity and len(entity.name.split()) > 1):
            word = p.words[0].bare
            key = word[:-1] if word.endswith("s") and word[:-1] in acronyms else word
            if key in acronyms:
                target, kind, link = acronyms[key], "organisation", "short"
            elif by_last.get(word):
                target, kind, link = by_last[word][-1], "person", "short"
            elif p.title:
                register(p)
        if link == "name" and p.name not in entities:
            register(p)
        entity = entities.get(target)
        mentions.append(
            DiscoveredMention(
                title_start,
                p.end,
                text[title_start : p.end],
                target,
                target,
                sentence,
                kind,
                link,
                p.title or (entity.title if entity else ""),
                p.role or (entity.role if entity else ""),
                p.affiliation or (entity.affiliation if entity else ""),
            )
        )
    mentions += _back_references(text, words, mentions, entities, doc, lexicon)
    mentions.sort(key=lambda m: (m.start, m.end))
    return _with_seeds(mentions, seeds)


def _back_references(
    text: str,
    words: list[_Word],
    found: list[DiscoveredMention],
    entities: dict[str, _Entity],
    doc: Doc,
    lexicon: Words,
) -> list[DiscoveredMention]:
    """Group nouns ("dockworkers"), and "the union", "the president" and he/she: each to the nearest earlier
    actor that fits, if any."""
    out: list[DiscoveredMention] = []
    ordered = sorted(found, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    by_end = sorted(found, key=lambda m: m.end)
    ends = [m.end for m in by_end]

    def covered(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and ordered[i].start <= pos < ordered[i].end

    last_person: DiscoveredMention | None = None  # the latest "the president" found here: an antecedent too
    last_group: DiscoveredMention | None = None  # the latest "voters"
    # Only a group noun, a relative or personal pronoun (perhaps with a clitic: "he's") or a role, title or
    # organisation word after "the" can be a back reference: the other words are skipped at once.
    keys, heads = _reference_words(lexicon)
    lowers = [w.lower for w in words]
    candidates = [
        k
        for k, x in enumerate(lowers)
        if x in keys
        or (("'" in x or "’" in x) and _unclitic(x) in _PERSONAL)
        or (k and lowers[k - 1] == "the" and words[k].bare.lower() in heads)
    ]
    for k in candidates:
        w = words[k]
        lower = w.lower
        if lower in lexicon.groups and not covered(w.start):
            out.append(
                DiscoveredMention(w.start, w.end, w.text, lower, lower, doc.sentence_index(w.start), "group", "name")
            )
            last_group = out[-1]
            continue
        if lower in _RELATIVE and k > 0:
            m = _relative_head(text, w, by_end, ends, last_person)
            if m is not None:
                sentence = doc.sentence_index(w.start)
                out.append(DiscoveredMention(w.start, w.end, w.text, m.actor, m.group, sentence, m.kind, "pronoun"))
            continue
        pronoun = _unclitic(w.text)
        plural = pronoun in _PLURAL
        if not (plural or pronoun in _PRONOUNS) and not (
            k > 0 and words[k - 1].lower == "the" and not w.capital
        ):
            continue
        before = bisect.bisect_right(ends, w.start)  # the mentions that end before this word: by_end[:before]
        if plural or pronoun in _PRONOUNS:
            sentence = doc.sentence_index(w.start)
            floor = max(doc.sentences[max(0, sentence - 1)][0] if doc.sentences else 0, w.start - QUOTE_WINDOW)
            earlier = by_end[bisect.bisect_left(ends, floor) : before]  # an antecedent is near: no rescan of all
            if plural:
                m = _antecedent(text, earlier, last_group, sentence, ("group",))
            else:
                gender = "f" if pronoun.startswith(("she", "her")) else "m"
                m = _antecedent(text, earlier, last_person, sentence, ("person", "name"), gender)
                quoted = (w.start, w.start)
                if m is not None and any(c in text[m.end : w.start] for c in '"”'):
                    quoted = _quotation_before(text, floor, w.start)
                    m = _antecedent(text, earlier, last_person, sentence, ("person", "name"), gender, quoted)
                if m is not None and k > 0 and words[k - 1].lower == "whom":  # "Cohn, whom he": not Cohn
                    rest = [x for x in earlier if x is not m]
                    m = _antecedent(text, rest, None, sentence, ("person", "name"), gender, quoted)
                if m is not None:
                    m = _head_of_aside(text, m, w.start, by_end, ends, gender) or m
                if m is not None and _QUOTE_OPENS.search(
                    text, max(m.end, quoted[1] if quoted[0] < quoted[1] else 0), w.end
                ):
                    m = None  # 'Kaine: "He said it."': a quotation opened after the name speaks of someone else
                if m is not None and _co_argument(text, words, k, pronoun, m, sentence):
                    m = None
                m = m or _cataphora(text, words, k, ordered, starts, doc)
            if m is not None:
                end = w.start + len(pronoun)
                kind = "group" if plural else "person"
                out.append(
                    DiscoveredMention(w.start, end, text[w.start : end], m.actor, m.group, sentence, kind, "pronoun")
                )
        elif k > 0 and words[k - 1].lower == "the" and not w.capital and _joined(text, words[k - 1], w):
            bare = w.bare.lower()
            phrase = _role_phrase(text, words, k, lexicon)
            if phrase:  # "the vice president", "the attorney general", "the former governor"
                head = " ".join([x.lower for x in phrase[:-1]] + [phrase[-1].bare.lower()])
                m = next(  # the nearest before this word that fits
                    (
                        m
                        for m in _backwards(by_end, before)
                        if m.kind == "person" and (m.title.lower() == head or head in m.role.lower())
                    ),
                    None,
                )
                start, end = words[k - 1].start, phrase[-1].start + len(phrase[-1].bare)
                sentence = doc.sentence_index(w.start)
                if m is not None:
                    out.append(
                        DiscoveredMention(start, end, text[start:end], m.actor, m.group, sentence, "person", "short")
                    )
                else:
                    name = f"the {head}"
                    out.append(DiscoveredMention(start, end, text[start:end], name, name, sentence, "person", "role"))
                last_person = out[-1]
                continue
            if bare in lexicon.organisations:
                m = next(
                    (
                        m
                        for m in _backwards(by_end, before)
                        if m.kind == "organisation" and m.actor in entities and entities[m.actor].head == bare
                    ),
                    None,
                )
            elif bare in lexicon.titles:
                m = next(
                    (
                        m
                        for m in _backwards(by_end, before)
                        if m.kind == "person" and (m.title.lower() == bare or bare in m.role.lower().split())
                    ),
                    None,
                )
            else:
                continue
            start, end = words[k - 1].start, w.start + len(w.bare)
            sentence = doc.sentence_index(w.start)
            if m is not None:
                out.append(DiscoveredMention(start, end, text[start:end], m.actor, m.group, sentence, m.kind, "short"))
            else:  # "the president" with no President X before it: an actor named by its role
                name = f"the {bare}"
                kind = "organisation" if bare in lexicon.organisations else "person"
                out.append(DiscoveredMention(start, end, text[start:end], name, name, sentence, kind, "role"))
            if out[-1].kind == "person":
                last_person = out[-1]
    return out


def _backwards(mentions: Sequence[DiscoveredMention], before: int) -> Iterator[DiscoveredMention]:
    """``mentions[:before]`` from the last: the nearest that fits is found without copying or reading all."""
    for i in range(before - 1, -1, -1):
        yield mentions[i]


_PERSONAL = _PRONOUNS | _PLURAL


@lru_cache(maxsize=8)
def _reference_words(lexicon: Words) -> tuple[frozenset[str], frozenset[str]]:
    """The lowercase words that can be a back reference by themselves (group nouns, relative and personal
    pronouns), and the words that can after "the" (the first word of a role, a title or an organisation word)."""
    return (
        frozenset(lexicon.groups | _RELATIVE | _PERSONAL),
        frozenset(_ROLE_MODIFIERS | lexicon.titles | lexicon.roles | lexicon.organisations),
    )


def _role_phrase(text: str, words: list[_Word], k: int, lexicon: Words) -> list[_Word]:
    """The words of a role of two or three after "the" ("vice president", "attorney general", "former governor",
    "county clerk"): modifiers or role words, the last a title or role; [] for one word ("the president")."""
    phrase: list[_Word] = []
    j = k
    while j < len(words) and j < k + 3 and not words[j].capital and (not phrase or _joined(text, phrase[-1], words[j])):
        lower = words[j].bare.lower()
        if lower not in _ROLE_MODIFIERS and lower not in lexicon.titles and lower not in lexicon.roles:
            break
        phrase.append(words[j])
        if words[j].bare != words[j].text:  # "the vice president's": the possessive ends it
            break
        j += 1
    while phrase and phrase[-1].bare.lower() not in lexicon.titles and phrase[-1].bare.lower() not in lexicon.roles:
        phrase.pop()
    return phrase if len(phrase) > 1 else []


def _antecedent(
    text: str,
    earlier: Sequence[DiscoveredMention],
    last_out: DiscoveredMention | None,
    sentence: int,
    kinds: tuple[str, ...],
    gender: str = "",
    quoted: tuple[int, int] = (0, 0),
) -> DiscoveredMention | None:
    """The nearest actor that fits a pronoun, in its sentence or the one before ("The president said he"), and
    not inside the ``quoted`` span.

    ``last_out`` is the latest such actor found by :func:`_back_references` itself ("the president", "voters").
    """
    q_start, q_end = quoted
    pending = last_out if last_out is not None and last_out.sentence >= sentence - 1 else None
    for m in reversed(earlier):
        if pending is not None and pending.end > m.end:
            if _fits(text, pending, kinds, gender) and not q_start <= pending.start < q_end:
                return pending
            pending = None
        if m.sentence < sentence - 1:
            break
        if _fits(text, m, kinds, gender) and not q_start <= m.start < q_end:
            return m
    if pending is not None and _fits(text, pending, kinds, gender) and not q_start <= pending.start < q_end:
        return pending
    return None


def _quotation_before(text: str, floor: int, pos: int) -> tuple[int, int]:
    """The span of the last quotation closed between ``floor`` and ``pos`` ('"We will win," he said'), from
    ``floor`` if it opened earlier; (pos, pos) if there is none or a new one is open at ``pos``.

    The speaker after a quotation is not a person the quotation names ('"Snowden must return," she said').
    """
    window = text[floor:pos]
    closes = [m.end() for m in _QUOTE_CLOSE.finditer(window)]
    opens = [m.start() for m in _QUOTE_OPEN.finditer(window)]
    if not closes or (opens and opens[-1] >= closes[-1]):
        return pos, pos
    before = [o for o in opens if o < closes[-1]]
    return floor + (before[-1] if before else 0), floor + closes[-1]


_ARTICLE_BEFORE_RE = re.compile(r"(?:^|\W)(?:the|a|an)\s$", re.IGNORECASE)  # "the Oscar-nominee"


def _fits(text: str, m: DiscoveredMention, kinds: tuple[str, ...], gender: str) -> bool:
    """A person for "he" is not a "Ms", nor a name after an article ("the Oscar-nominee", "a Christian"), nor a
    hyphenated modifier ("African-American", "Sanders-backed"), nor a word in capitals ("WASHINGTON --")."""
    if m.kind not in kinds:
        return False
    if m.kind == "group":
        return True
    if gender and _gender(m) not in ("", gender):
        return False
    if m.link != "role" and _ARTICLE_BEFORE_RE.search(text[max(0, m.start - 4) : m.start]):
        return False
    if m.kind == "name" and m.text.isupper() and len(m.text) > 3:  # a dateline ("WASHINGTON --") or a heading
        return False
    parts = m.text.split("-")[1:]
    return not (m.kind == "name" and any(x[:1].islower() or x.startswith("American") for x in parts))


def _gender(m: DiscoveredMention) -> str:
    word = (m.title or (m.actor if m.link == "role" else "")).split()
    return _TITLE_GENDER.get(word[-1].lower().rstrip("."), "") if word else ""


def _relative_head(
    text: str, w: _Word, by_end: Sequence[DiscoveredMention], ends: list[int], last_person: DiscoveredMention | None
) -> DiscoveredMention | None:
    """The person a relative pronoun follows at once ("Ruiz, who ...", "the president, whose ..."), if any."""
    i = bisect.bisect_right(ends, w.start) - 1
    candidates = [by_end[i]] if i >= 0 else []
    if last_person is not None and last_person.end <= w.start:
        candidates.append(last_person)
    for m in candidates:
        if m.kind in ("person", "name") and text[m.end : w.start] in (", ", " ", ","):
            return m
    return None


def _head_of_aside(
    text: str, m: DiscoveredMention, pos: int, by_end: Sequence[DiscoveredMention], ends: list[int], gender: str
) -> DiscoveredMention | None:
    """ "Chaffetz, who criticized McCarthy's remarks, has his ...": a name inside an aside closed before the
    pronoun is not its antecedent; the person the aside is about is."""
    if "," not in text[m.end : pos]:
        return None
    opening = text.rfind(",", max(0, m.start - 150), m.start)
    if opening < 0 or not text[opening + 1 : m.start].lstrip().startswith(_ASIDE_OPENS):
        return None
    if any(c in text[opening + 1 : m.start] for c in ".;:"):
        return None
    i = bisect.bisect_left(ends, opening)
    head = by_end[i] if i < len(by_end) and ends[i] == opening else None
    if head is None or head.sentence != m.sentence or not _fits(text, head, ("person", "name"), gender):
        return None
    return head


def _co_argument(text: str, words: list[_Word], k: int, pronoun: str, m: DiscoveredMention, sentence: int) -> bool:
    """ "Bell praised him", "Ruiz told her": an object pronoun a few words after a name in the same clause is
    someone else (a reflexive, "himself", would be the name); a possessive name is not the subject."""
    if pronoun not in ("him", "her") or m.sentence != sentence or words[k].start - m.end > 40:
        return False
    if pronoun == "her":  # "her" is also a possessive: "Ruiz thanked her staff" is Ruiz's staff
        after = text[words[k].end : words[k].end + 1]
        if not (after in '.,;:!?)”"' or (k + 1 < len(words) and words[k + 1].lower in _OBJECT_NEXT)):
            return False
    between = text[m.end : words[k].start]
    if between[:1] in ("'", "’") or any(c in between for c in ',;:—–()"“”'):  # "Ruiz's aides praised her": Ruiz
        return False
    inside = [x.lower for x in words[max(0, k - 4) : k] if x.start >= m.end]
    return len(inside) <= 3 and not any(x in _CLAUSE_WORDS for x in inside)


def _cataphora(
    text: str, words: list[_Word], k: int, ordered: Sequence[DiscoveredMention], starts: list[int], doc: Doc
) -> DiscoveredMention | None:
    """A pronoun in a clause put before the subject names that subject: "After he won, Trump ...".

    Only where the sentence opens with that clause ("After", "In", "Despite" ..., perhaps after "But"), the
    pronoun's own clause does too (after its comma: "Yet by 2008, after he ..."), nothing before the comma names
    a person and no quotation is open, and a name follows the comma at once, not as a possessive ("After he
    won, Trump's aides ..." stays unresolved).
    """
    w = words[k]
    sentence_start = doc.sentences[doc.sentence_index(w.start)][0]
    first = k
    while first > 0 and words[first - 1].start >= sentence_start:
        first -= 1
        if k - first > 60:  # a fronted clause is short; a run-on "sentence" is not read back
            return None
    opening = first
    while opening < k and words[opening].lower in _LEADING:
        opening += 1
    if opening >= k or words[opening].lower not in _FRONTING:
        return None
    clause = k  # the first word of the pronoun's clause: after the last comma before it
    while clause > first and "," not in text[words[clause - 1].end : words[clause].start]:
        clause -= 1
    while clause < k and words[clause].lower in _LEADING:
        clause += 1
    if clause >= k or words[clause].lower not in _FRONTING:
        return None
    comma = text.find(",", w.end, w.end + 200)
    if comma < 0 or any(c in text[sentence_start:comma] for c in '"“”'):
        return None
    if comma > doc.sentences[doc.sentence_index(w.start)][1]:
        return None
    i = bisect.bisect_left(starts, sentence_start)
    while i < len(ordered) and ordered[i].start < comma:
        if ordered[i].kind in ("person", "name"):
            return None
        i += 1
    if i >= len(ordered) or text[comma + 1 : ordered[i].start].strip():
        return None
    subject = ordered[i]
    if subject.kind not in ("person", "name") or text[subject.end : subject.end + 1] in ("'", "’"):
        return None
    return subject


def _seed_mentions(doc: Doc, lex: Lexicons) -> list[ActorMention]:
    out = []
    for m in longest_non_overlapping(lex.actors.find(doc)):
        actor, group = m.entry.payload
        out.append(ActorMention(m.start, m.end, doc.text[m.start : m.end], actor, group, doc.sentence_index(m.start)))
    return out


def _with_seeds(mentions: list[DiscoveredMention], seeds: Sequence[ActorMention]) -> list[DiscoveredMention]:
    """actors.csv wins where it matches: its actor and group replace the discovered ones (Washington -> US).

    A he/she resolved to a name the seeds make a country or body (an actor that is its own group) is
    dropped: the pronoun's antecedent was wrong, since a person is not a country.
    """
    if not seeds:
        return mentions
    seeded: dict[str, tuple[str, str]] = {}
    out: list[DiscoveredMention] = []
    seed_starts = [s.start for s in seeds]  # seeds are sorted and do not overlap (longest_non_overlapping)
    for m in mentions:
        head = m.end - 1  # the seed must cover the name's last word: "Russian" does not make Lavrov Russia
        k = bisect.bisect_right(seed_starts, head) - 1
        if k >= 0 and head < seeds[k].end:
            seeded[m.actor] = (seeds[k].actor, seeds[k].group)
    for m in mentions:
        if m.actor in seeded:
            actor, group = seeded[m.actor]
            if m.link == "pronoun" and actor == group and _unclitic(m.text) in _PRONOUNS:
                continue  # "she" resolved to "American", which the seeds make the US: a person is not a country
            kind = m.kind if actor != group or m.kind in ("place", "organisation") else "place"
            link = "seed" if m.link == "name" else m.link
            m = DiscoveredMention(
                m.start, m.end, m.text, actor, group, m.sentence, kind, link, m.title, m.role, m.affiliation
            )
        out.append(m)
    # A seed no discovered mention overlaps is added: with the mentions sorted by start, the furthest
    # end among those starting before the seed ends tells whether any of them reaches into it.
    spans = sorted((m.start, m.end) for m in out)
    span_starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))
    for s in seeds:
        k = bisect.bisect_left(span_starts, s.end) - 1
        if k < 0 or reach[k] <= s.start:
            kind = _seed_kind(s)
            out.append(DiscoveredMention(s.start, s.end, s.text, s.actor, s.group, s.sentence, kind, "seed"))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _seed_kind(seed: ActorMention) -> str:
    """A seed actor that is its own group is a country or body (US, NATO); the others are its officials."""
    return "place" if seed.actor == seed.group else "person"


def merge_actors(articles: Iterable[tuple[str, Sequence[DiscoveredMention]]]) -> list[Actor]:
    """The corpus's actors: mentions merged by the full name they resolve to, across articles.

    A name seen only as one word in an article ("Ruiz") joins the corpus's one multi-word actor
    ending in that word, if exactly one does; otherwise it stays an actor of its own.
    Actors are sorted by mentions, most first.
    """
    return merge_short_names(count_actors(articles))


def count_actors(articles: Iterable[tuple[str, Sequence[DiscoveredMention]]]) -> dict[str, Actor]:
    """Full name -> its actor, before short names are merged: every mention counted; the kind is the first
    mention's, or the first one after it that is not "name"; the group is the first mention's; aliases are
    the surface forms other than pronouns. (framing/store/actors.py computes the same per name in SQL.)"""
    actors: dict[str, Actor] = {}
    for article_id, mentions in articles:
        for m in mentions:
            kind = m.kind if isinstance(m, DiscoveredMention) else "name"
            actor = actors.setdefault(m.actor, Actor(m.actor, kind, m.group, merged={m.actor}))
            actor.mentions += 1
            actor.articles.add(article_id)
            if not isinstance(m, DiscoveredMention) or m.link != "pronoun":
                actor.aliases.add(m.text)
            if isinstance(m, DiscoveredMention):
                if m.affiliation:
                    actor.affiliations.add(m.affiliation)
                if m.role:
                    actor.roles.add(m.role)
                if actor.kind == "name" and kind != "name":
                    actor.kind = kind
    return actors


def merge_short_names(actors: dict[str, Actor]) -> list[Actor]:
    """The actors with each one-word name merged into the one multi-word actor ending in it (if exactly one
    does, and that actor is its own group), sorted by mentions, most first. ``actors`` is consumed."""
    by_last: dict[str, list[str]] = defaultdict(list)
    for name in actors:
        if " " in name:
            by_last[name.split()[-1]].append(name)
    for name in [n for n in actors if " " not in n]:
        owners = by_last.get(name, [])
        if len(owners) == 1 and actors[owners[0]].group == owners[0]:
            short, full = actors.pop(name), actors[owners[0]]
            full.aliases |= short.aliases
            full.affiliations |= short.affiliations
            full.roles |= short.roles
            full.mentions += short.mentions
            full.articles |= short.articles
            full.merged |= short.merged
    return sorted(actors.values(), key=lambda a: (-a.mentions, a.name))
