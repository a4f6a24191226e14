"""Quoted sources: direct, partial and indirect quotations, their speakers and sides.

The method is rule-based and transparent, in the spirit of textacy's direct-quotation
extractor, widened to indirect speech:

* Quotation marks are paired (``quotemarks``). A quotation is linked to the nearest
  attribution verb outside quotation marks in its sentence ("..., said Kirby",
  "Stoltenberg told reporters: ..."), or to "according to X". A quotation with no
  verb of its own continues the previous quotation of its paragraph. A short quoted
  phrase with no verb in its clause is a scare quote, not a source (see ``hedges``).
* Every remaining attribution verb with a speaker gives an indirect quotation: the
  reported clause after "X said (that)" or before ", X said".
* The speaker is the noun phrase next to the verb, resolved in order: a known speaker
  (``speakers.csv``), a title with a name ("Pentagon spokesman John Kirby"), a name
  seen earlier in the article ("Kirby" -> "John Kirby"), a known actor ("Moscow"), a
  pronoun (he/she -> the last person quoted; it/they -> the last actor named), or
  else the phrase itself with side "other".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from framing.extract.attribution import find_attribution_verbs
from framing.extract.quotemarks import QuoteMark, find_quote_marks, is_short_phrase, word_count
from framing.lexicon.bundle import Lexicons
from framing.lexicon.matcher import longest_non_overlapping
from framing.spans import Quote
from framing.text import Doc

PARTIAL_LINK_CHARS = 30
CLAUSE_WINDOW = 600  # characters either side of a verb searched for its speaker and clause
_ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)
_BOUNDARY = re.compile(r"[,;:()\[\]]|\b(?:that|which|who|whom|while|whereas|but|and then)\b", re.IGNORECASE)
_NOT_NAMES = {
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "However",
    "Meanwhile",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "While",
    "Although",
    "After",
    "Before",
    "Since",
    "If",
    "When",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Its",
    "Their",
}
# A speaker is a noun phrase: a stretch with an auxiliary or a subordinator in it is a clause.
_NOT_A_NOUN_PHRASE = re.compile(
    r"\b(?:has|have|had|is|are|was|were|be|been|will|would|could|should|may|might|can|do|does|did)\b"
    r"|^(?:as|when|if|because|since|while|although|after|before|but|and|or|so)\b",
    re.IGNORECASE,
)
_TRAILING_AUX = re.compile(r"(?:\s+(?:has|have|had|also|again|later|then|would|will))+$", re.IGNORECASE)
_PRONOUN_ONLY = re.compile(r"^(?:he|she|it|they|we|i)(?:\s+\w+ly)?$", re.IGNORECASE)
_PERSON_NAME = re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+)+$")
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_THING_PRONOUNS = {"it", "they", "its", "their"}
# The reported clause after the verb: skip an object and adverbials up to "that"
# ("told reporters at the time that ..."), or just a leading comma.
_THAT = re.compile(r"[^,.;:“”\"]{0,40}?\bthat\b\s*|\s*,?\s*")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# What follows "wrote about" or "spoke of" names a topic ("said about 2,000" is a number), and "accused them of
# doing" a charge: neither is what was said.
_TOPIC_NOT_CONTENT = re.compile(r"(?:about(?!\s+\d)|of)\b", re.IGNORECASE)
_CHARGE = re.compile(r"(?:[\w'’-]+\s+){1,3}?of\s+\w+ing\b", re.IGNORECASE)
_THAT_NEXT = re.compile(r"\s+that\s+(?![“\"‘'])")
_AFTER_VERB_SKIP = re.compile(r"\s*(?:also\s+|again\s+|later\s+|then\s+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    name: str
    side: str
    kind: str  # speaker | title | actor | name | pronoun | phrase


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    text: str
    kind: str  # verb | according


@dataclass
class _Registry:
    """Names resolved so far in this article, so later short forms resolve the same way."""

    by_surname: dict[str, tuple[str, str]] = field(default_factory=dict)
    by_title: dict[str, tuple[str, str]] = field(default_factory=dict)
    last_person: tuple[str, str] | None = None

    def remember(self, name: str, side: str, title: str = "") -> None:
        parts = name.split()
        if len(parts) >= 2 and parts[0][:1].isupper():
            self.by_surname[parts[-1]] = (name, side)
            self.last_person = (name, side)
            if title:
                self.by_title[title.lower()] = (name, side)


class _Resolver:
    def __init__(self, doc: Doc, lex: Lexicons, marks: list[QuoteMark]) -> None:
        self.doc = doc
        self.text = doc.text
        self.marks = marks
        self.registry = _Registry()
        self.speakers = [
            _Mention(m.start, m.end, m.entry.payload.name, m.entry.payload.side, "speaker")
            for m in longest_non_overlapping(lex.speakers.find(doc))
        ]
        self.titles = [
            _Mention(m.start, m.end, self.text[m.start : m.end], m.entry.payload.side, "title")
            for m in longest_non_overlapping(lex.titles.find(doc))
        ]
        self.actors = [
            _Mention(m.start, m.end, m.entry.payload[0], lex.vocabulary.group_side[m.entry.payload[1]], "actor")
            for m in longest_non_overlapping(lex.actors.find(doc))
        ]
        self._quoted = _merged([(q.inner_start, q.inner_end) for q in marks])
        self._index = {id(ms): _Spans(ms) for ms in (self.speakers, self.titles, self.actors)}
        self._all = _Spans(self.speakers + self.titles + self.actors)
        persons = [
            m for m in self.speakers + self.actors if _PERSON_NAME.match(m.name) and not self.inside_quote(m.start)
        ]
        self._persons = sorted(persons, key=lambda m: m.end)
        self._person_ends = [m.end for m in self._persons]
        free_actors = [m for m in self.actors if not self.inside_quote(m.start)]
        self._actors_by_end = sorted(free_actors, key=lambda m: m.end)
        self._actor_ends = [m.end for m in self._actors_by_end]

    def inside_quote(self, pos: int) -> bool:
        starts, ends = self._quoted
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[i]

    def _within(self, mentions: list[_Mention], a: int, b: int) -> list[_Mention]:
        index = self._index.get(id(mentions)) or _Spans(mentions)
        return [m for m in index.within(a, b) if not self.inside_quote(m.start)]

    def resolve(self, a: int, b: int, prefer_right: bool) -> _Mention | None:
        """The speaker named in text[a:b], or None if that stretch names nobody."""
        pick = (
            (lambda ms: max(ms, key=lambda m: m.end)) if prefer_right else (lambda ms: min(ms, key=lambda m: m.start))
        )
        joint = self._joint(a, b)
        if joint is not None:
            return joint
        titles = self._within(self.titles, a, b)
        title = pick(titles) if titles else None
        speakers = self._within(self.speakers, a, b)
        if title is not None and speakers:
            inside = [m for m in speakers if title.start <= m.start and m.end <= title.end]
            known = self.registry.by_title.get(title.name.lower())
            if inside and known:  # "the NATO chief" after "NATO chief Jens Stoltenberg"
                return _Mention(title.start, title.end, known[0], known[1], "title")
            speakers = [m for m in speakers if m not in inside]
        if speakers:
            found = pick(speakers)
            self.registry.remember(found.name, found.side, title.name if title else "")
            return found
        name = self._capitalised_name(title.end if title else a, b, prefer_right)
        if name is not None:
            start, end, surface = name
            if title is not None and title.end <= start:
                self.registry.remember(surface, title.side, title.name)
                return _Mention(start, end, surface, title.side, "name")
            known = self.registry.by_surname.get(surface.split()[-1])
            if known:
                return _Mention(start, end, known[0], known[1], "name")
        if title is not None:
            known = self.registry.by_title.get(title.name.lower())
            if known:
                return _Mention(title.start, title.end, known[0], known[1], "title")
            return _Mention(title.start, title.end, _phrase(self.text, a, b) or title.name, title.side, "title")
        actors = self._within(self.actors, a, b)
        if actors:
            found = pick(actors)
            if found.name.count(" ") >= 1:
                self.registry.remember(found.name, found.side)
            return found
        if name is not None:
            start, end, surface = name
            self.registry.remember(surface, "other")
            return _Mention(start, end, surface, "other", "name")
        pronoun = self._pronoun(a, b)
        if pronoun is not None:
            return pronoun
        phrase = _phrase(self.text, a, b)
        if _PRONOUN_ONLY.match(phrase):
            return None
        if phrase and word_count(phrase) <= 8 and phrase[:1].isalpha() and not _NOT_A_NOUN_PHRASE.search(phrase):
            return _Mention(a, b, phrase, "other", "phrase")
        return None

    def _joint(self, a: int, b: int) -> _Mention | None:
        """Speakers joined by "and" ("Western leaders and Ukrainian authorities say") speak together: unless both
        belong to the same side, the statement is neither side's alone, so the phrase is the speaker, side "other"."""
        phrase = _TRAILING_AUX.sub("", _phrase(self.text, a, b)).removeprefix("both ").removeprefix("Both ")
        parts = re.split(r"\s+and\s+", phrase)
        if len(parts) != 2 or not all(parts) or word_count(phrase) > 8 or _NOT_A_NOUN_PHRASE.search(phrase):
            return None
        start = self.text.index(phrase, a)
        middle = start + len(parts[0])
        mentions = [m for m in self._all.within(start, start + len(phrase)) if not self.inside_quote(m.start)]
        left = {m.side for m in mentions if m.end <= middle}
        right = {m.side for m in mentions if m.start >= middle}
        if not (left or right) or (len(left) == 1 and left == right):
            return None
        return _Mention(start, start + len(phrase), phrase, "other", "phrase")

    def _capitalised_name(self, a: int, b: int, prefer_right: bool) -> tuple[int, int, str] | None:
        runs: list[tuple[int, int, str]] = []
        for m in re.finditer(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}", self.text[a:b]):
            words = [w for w in m.group().split()]
            while words and words[0] in _NOT_NAMES:
                words.pop(0)
            if not words:
                continue
            surface = " ".join(words).rstrip(".’'").removesuffix("’s").removesuffix("'s")
            start = a + m.start() + m.group().index(words[0])
            if not self.inside_quote(start):
                runs.append((start, start + len(surface), surface))
        if not runs:
            return None
        return runs[-1] if prefer_right else runs[0]

    def _last_person_before(self, pos: int) -> tuple[str, str] | None:
        """The person most recently named before `pos`: a known speaker, or one resolved earlier."""
        i = bisect.bisect_right(self._person_ends, pos)
        if i:
            latest = self._persons[i - 1]
            return latest.name, latest.side
        return self.registry.last_person

    def _pronoun(self, a: int, b: int) -> _Mention | None:
        for m in re.finditer(r"\b(he|she|it|they)\b", self.text[a:b], re.IGNORECASE):
            word = m.group(1).lower()
            if word in _PERSON_PRONOUNS:
                person = self._last_person_before(a + m.start())
                if person:
                    return _Mention(a + m.start(), a + m.end(), person[0], person[1], "pronoun")
            if word in _THING_PRONOUNS:
                i = bisect.bisect_right(self._actor_ends, a + m.start())
                before = self._actors_by_end[max(0, i - 8) : i]
                sentence_start = self.doc.sentences[max(0, self.doc.sentence_index(a + m.start()) - 1)][0]
                before = [x for x in before if x.start >= sentence_start]
                if before:
                    found = before[-1]
                    return _Mention(a + m.start(), a + m.end(), found.name, found.side, "pronoun")
        return None


class _Spans:
    """Spans sorted by start, for range look-ups in O(log n): every look-up in this module
    is local to a sentence, so scanning all spans each time made long articles quadratic."""

    def __init__(self, spans) -> None:
        self.items = sorted(spans, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.items]

    def within(self, a: int, b: int) -> list:
        """Spans that start at or after `a` and end by `b`."""
        i, j = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
        return [m for m in self.items[i:j] if m.end <= b]

    def starting_in(self, a: int, b: int) -> list:
        return self.items[bisect.bisect_left(self.starts, a) : bisect.bisect_left(self.starts, b)]


def _merged(intervals: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Union of intervals as parallel sorted start/end lists."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(intervals):
        if starts and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _phrase(text: str, a: int, b: int) -> str:
    """The words of text[a:b] without surrounding punctuation and quotation marks."""
    return text[a:b].strip(" \t\n,;:“”\"'‘’")


class _Extractor:
    def __init__(self, doc: Doc, lex: Lexicons) -> None:
        self.doc = doc
        self.text = doc.text
        self.marks = find_quote_marks(doc.text)
        self.resolver = _Resolver(doc, lex, self.marks)
        self.cues = self._cues(lex)
        self._cue_index = _Spans(self.cues)
        self._marks_by_end = sorted(self.marks, key=lambda q: q.end)
        self._mark_ends = [q.end for q in self._marks_by_end]
        self._mark_index = _Spans(self.marks)
        self._inners = _merged([(q.inner_start, q.inner_end) for q in self.marks])

    def _cues(self, lex: Lexicons) -> list[_Cue]:
        cues = [_Cue(m.start, m.end, self.text[m.start : m.end], "verb") for m in find_attribution_verbs(self.doc, lex)]
        cues += [_Cue(m.start(), m.end(), m.group(), "according") for m in _ACCORDING_TO.finditer(self.text)]
        return sorted((c for c in cues if not self.resolver.inside_quote(c.start)), key=lambda c: c.start)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence around `pos`, cut to CLAUSE_WINDOW characters either side.

        A speaker and the clause it reports sit close to the verb; the cut keeps a run-on
        "sentence" of a megabyte (a broken scrape) from making every look-up scan all of it.
        """
        start, end = self.doc.sentences[self.doc.sentence_index(pos)] if self.doc.sentences else (0, len(self.text))
        return max(start, pos - CLAUSE_WINDOW), min(end, pos + CLAUSE_WINDOW)

    # -- who is the speaker of a cue ------------------------------------------------
    def speaker_of(self, cue: _Cue) -> _Mention | None:
        return self._speaker_and_clause(cue)[0]

    def _speaker_and_clause(self, cue: _Cue) -> tuple[_Mention | None, int]:
        """The speaker of a cue, and where the clause naming the speaker starts."""
        s_start, s_end = self.sentence_of(cue.start)
        if cue.kind == "according":
            end = _clause_end(self.text, cue.end, s_end)
            return self.resolver.resolve(cue.end, end, prefer_right=False), cue.start
        before = self.text[s_start : cue.start]
        progressive = cue.text.split()[0].lower().endswith("ing")  # "is calling on": active, not passive
        if _PASSIVE.search(before) and not progressive:
            by = re.match(r"[^,.;]*?\bby\b", self.text[cue.end : s_end])
            if by:
                start = cue.end + by.end()
                end = _clause_end(self.text, start, s_end)
                return self.resolver.resolve(start, end, prefer_right=False), cue.start
            return None, cue.start  # "the force is called": a passive with no agent reports nothing
        if cue.text.lower().endswith("ing") and before.rstrip().endswith(","):
            return self._subject_of_sentence(s_start, cue.start), cue.start
        window_start = s_start
        for b in _BOUNDARY.finditer(before):
            if not self.resolver.inside_quote(s_start + b.start()):
                window_start = s_start + b.end()
        i = bisect.bisect_right(self._mark_ends, cue.start)
        if i and self._marks_by_end[i - 1].end >= s_start:
            window_start = max(window_start, self._marks_by_end[i - 1].end)
        after = _AFTER_VERB_SKIP.match(self.text, cue.end)
        after_start = after.end() if after else cue.end
        after_end = _clause_end(self.text, after_start, s_end)
        left = self.text[window_start : cue.start].strip()
        if not left or left.lower() in {"also", "has", "have", "had"}:
            if self.text[after_start : after_start + 1].isupper():
                return self.resolver.resolve(after_start, after_end, prefer_right=False), cue.start
            return None, cue.start
        return self.resolver.resolve(window_start, cue.start, prefer_right=True), window_start

    def _subject_of_sentence(self, s_start: int, limit: int) -> _Mention | None:
        for quote in self.quotes_so_far[-12:]:  # quotes come in text order: only recent ones can be here
            if quote.start < limit and quote.end > s_start and quote.speaker:
                return _Mention(quote.start, quote.end, quote.speaker, quote.side, "speaker")
        return self.resolver.resolve(s_start, limit, prefer_right=False)

    # -- quotations -----------------------------------------------------------------
    def run(self) -> list[Quote]:
        """Link quotations to cues first, then resolve speakers in text order.

        Resolving in text order lets "Kirby" and "he" refer back to names seen earlier.
        """
        self.quotes_so_far: list[Quote] = []
        links: list[tuple[QuoteMark, _Cue | None, bool]] = []
        used: set[int] = set()
        self.scare_marks: list[QuoteMark] = []
        for mark in self.marks:
            if self._nested(mark):
                continue  # a quote within a quote belongs to the outer speaker
            short = is_short_phrase(mark, self.text)
            cue = self._cue_for(mark, short)
            if cue is None and short:
                self.scare_marks.append(mark)  # reported by the hedges extractor
                continue
            if cue is not None:
                used.add(cue.start)
            links.append((mark, cue, short))
        events: list[tuple[int, object]] = [(m.start, (m, c, s)) for m, c, s in links]
        # A cue that introduces a quotation can also introduce a reported clause of its own before it
        # ("assured that these moves do not mean ..., but “if he invades ...”").
        events += [(c.start, c) for c in self.cues if c.start not in used or _THAT_NEXT.match(self.text, c.end)]
        previous_by_paragraph: dict[int, Quote] = {}
        for _, event in sorted(events, key=lambda e: e[0]):
            if isinstance(event, _Cue):
                quote = self._indirect(event)
                if quote is not None and self._repeats(quote):
                    continue
            else:
                quote = self._direct(*event, previous_by_paragraph)
            if quote is not None:
                self.quotes_so_far.append(quote)
        return sorted(self.quotes_so_far, key=lambda q: q.start)

    def _repeats(self, quote: Quote) -> bool:
        """A nested report ("which Blinken said reiterated what officials said") counts once."""
        return any(
            q.speaker == quote.speaker and q.start < quote.end and quote.start < q.end for q in self.quotes_so_far[-12:]
        )

    def _nested(self, mark: QuoteMark) -> bool:
        """Inside another quotation's marks (its own inner span starts after its start, so it never counts)."""
        starts, ends = self._inners
        i = bisect.bisect_right(starts, mark.start) - 1
        return i >= 0 and mark.end <= ends[i]

    def _direct(self, mark: QuoteMark, cue: _Cue | None, short: bool, previous: dict[int, Quote]) -> Quote:
        para = self.text.rfind("\n\n", 0, mark.start)
        if cue is None:
            before = previous.get(para)
            speaker = _Mention(0, 0, before.speaker, before.side, "speaker") if before else None
            cue_text = before.cue if before else ""
        else:
            speaker = self.speaker_of(cue)
            cue_text = cue.text
        quote = Quote(
            mark.start,
            mark.end,
            self.text[mark.start : mark.end],
            "partial" if short else "direct",
            speaker.name if speaker else "",
            self.text[speaker.start : speaker.end] if speaker and speaker.end > speaker.start else "",
            speaker.side if speaker else "unknown",
            cue_text,
            word_count(mark.inner(self.text)),
        )
        if quote.speaker:
            previous[para] = quote
        return quote

    def _cue_for(self, mark: QuoteMark, short: bool) -> _Cue | None:
        first = self.doc.sentence_index(mark.start)
        last = self.doc.sentence_index(max(mark.start, mark.end - 1))
        lo = max(self.doc.sentences[first][0], mark.start - CLAUSE_WINDOW)
        hi = min(self.doc.sentences[last][1], mark.end + CLAUSE_WINDOW)
        best, best_distance = None, None
        for cue in self._cue_index.starting_in(lo, hi):
            if mark.start <= cue.start < mark.end:
                continue
            gap = self.text[mark.end : cue.start] if cue.start >= mark.end else self.text[cue.end : mark.start]
            distance = len(gap)
            if short and (distance > PARTIAL_LINK_CHARS or word_count(gap) > 4 or re.search(r"[,;]", gap)):
                continue
            if best_distance is None or distance < best_distance:
                best, best_distance = cue, distance
        return best

    def _indirect(self, cue: _Cue) -> Quote | None:
        speaker, clause_start = self._speaker_and_clause(cue)
        if speaker is None:
            return None
        s_start, s_end = self.sentence_of(cue.start)
        content_end = s_end
        while content_end > s_start and self.text[content_end - 1] in ".!?;:”\"' ":
            content_end -= 1
        anchor = min(clause_start, speaker.start) if speaker.end > speaker.start else clause_start
        before = self.text[s_start:anchor].rstrip()
        named_after = speaker.end if speaker.start >= cue.start else cue.end
        after_verb = re.split(r"\band\s+\w+ed\b", self.text[named_after : _clause_end(self.text, named_after, s_end)])[
            0
        ]
        speaker_closes_sentence = word_count(after_verb) <= 5 and not re.search(r"\bthat\b", after_verb)
        if before.endswith(",") and word_count(before) >= 3 and speaker_closes_sentence:
            start, end = s_start, s_start + len(before) - 1
        else:
            tail_start = max(cue.end, speaker.end if speaker.start > cue.start else cue.end)
            if cue.kind == "according":
                tail_start = _clause_end(self.text, cue.end, s_end)
            that = _THAT.match(self.text, tail_start, content_end)
            start, end = (that.end() if that else tail_start), content_end
        for q in self._mark_index.starting_in(start, end):  # a quotation in the clause is reported already
            if start <= q.start < end and q.end - q.start > 0.5 * (end - start):
                return None
        content = self.text[start:end].strip(" ,")
        charge = cue.text.lower().startswith("accus") and _CHARGE.match(content)
        if start >= cue.end and (_TOPIC_NOT_CONTENT.match(content) or charge):
            return None  # "wrote about X", "accused them of being X": a topic or a charge, not a statement
        if word_count(content) < 3:
            return None
        start = self.text.index(content, start)
        return Quote(
            start,
            start + len(content),
            content,
            "indirect",
            speaker.name,
            self.text[speaker.start : speaker.end],
            speaker.side,
            cue.text,
            word_count(content),
        )


_CLAUSE_END = re.compile(r",(?!\d{3})|\.(?=\s|$)|[;:!?“”\"(]")


def _clause_end(text: str, start: int, limit: int) -> int:
    """End of the clause starting at `start` (a comma inside "5,000" does not end it)."""
    m = _CLAUSE_END.search(text, start, limit)
    return m.start() if m else limit


def _extracted(doc: Doc, lex: Lexicons) -> _Extractor:
    key = ("quotes", lex.version)
    if key not in doc.cache:
        extractor = _Extractor(doc, lex)
        extractor.quotes = extractor.run()
        doc.cache[key] = extractor
    return doc.cache[key]


def find_quotes(doc: Doc, lex: Lexicons) -> list[Quote]:
    return list(_extracted(doc, lex).quotes)


def find_scare_quotes(doc: Doc, lex: Lexicons) -> list[QuoteMark]:
    """Short quoted phrases with no speaker: the writer keeping a term at a distance."""
    return list(_extracted(doc, lex).scare_marks)
