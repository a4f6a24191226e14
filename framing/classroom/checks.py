"""The answer key's check: every keyed answer must be true of the excerpt it marks, or the item goes.

A worksheet whose key is wrong teaches the wrong thing, and a teacher cannot be expected to
re-check every answer. So before an item reaches a sheet each answer is checked against the
very excerpt the student reads:

* the answer's words are in the excerpt at its offsets (the key never points at words the
  student does not have);
* a loaded term's explanation applies: a lexicon entry is used only on the story it was written
  for and not in a context the lexicon marks as not loaded ("reckless driving", a charge), and
  a model find is keyed only at high confidence and with the evidence it rests on;
* a neutral alternative differs from the words it replaces and fits the sentence: it is
  inflected like the matched words ("pumping weapons into" -> "supplying weapons to") or, where
  that cannot be done by rule, left out rather than printed ungrammatical;
* a quoted source is named by words in the excerpt, and the key can say what kind of source
  it is (a speaker the tool could not type or name is a guess, not an answer);
* a classify item's boxes follow from its answers.

Each check returns the reason it fails, so a sheet with too few items can say why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from framing.lexicon.bundle import Lexicons, TermInfo
from framing.spans import LoadedTerm
from framing.text import Doc, stem, tokenize

if TYPE_CHECKING:  # exercises imports this module: the type only, no import cycle at run time
    from framing.classroom.exercises import Answer

# A worksheet's answer key must be right: the learned detector's finds enter it only when the
# model is this sure, well above the default --min-confidence.
EXERCISE_MIN_CONFIDENCE = 0.85

# Reasons, worded for the teacher's message ("2 loaded terms left out: ...").
OFF_STORY = "their lexicon entry was written for another story"
NOT_LOADED_HERE = "the lexicon marks this use as not loaded (e.g. a legal charge)"
UNSURE_MODEL = f"model finds below {EXERCISE_MIN_CONFIDENCE:.0%} confidence or without evidence"
NO_CHANGE = "the lexicon gives the same word as the neutral form"
NOT_IN_EXCERPT = "the answer's words are not in the excerpt"
NO_ALTERNATIVE = "no neutral alternative fits the sentence"
SPEAKER_NOT_SHOWN = "the speaker is not named in the excerpt"
SPEAKER_UNTYPED = "the tool could not tell what kind of source the speaker is"
LABELS_UNSUPPORTED = "the boxes ticked in the key do not follow from the findings"

_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "for", "to", "from", "with", "by", "as", "including",
    "include", "includes", "among", "about", "this", "that", "these", "those", "it", "its", "he", "she", "they",
    "them", "his", "her", "their", "who", "which", "what", "some", "any",
})  # fmt: skip


@dataclass
class Checker:
    """What the checks need beyond the excerpt: the lexicons, and which story each article is on."""

    lex: Lexicons
    _stories: dict[str, frozenset[str]] = field(default_factory=dict)
    _index: dict[tuple[str, str, str], TermInfo] | None = None

    def stories(self, article_id: str, text: str) -> frozenset[str]:
        if article_id not in self._stories:
            self._stories[article_id] = self.lex.stories.of_text(text)
        return self._stories[article_id]

    def entry(self, term: LoadedTerm) -> TermInfo | None:
        if self._index is None:
            self._index = {(i.lexicon, i.term, i.neutral): i for i in self.lex.loaded_info}
        return self._index.get((term.lexicon, term.term, term.neutral))

    def term_problem(self, article_id: str, text: str, term: LoadedTerm) -> str | None:
        """Why a loaded term cannot be keyed in this article, or None."""
        if term.origin == "model":
            if term.confidence < EXERCISE_MIN_CONFIDENCE or not term.evidence:
                return UNSURE_MODEL
            return None
        info = self.entry(term)
        if info is not None and info.story and info.story not in self.stories(article_id, text):
            return OFF_STORY
        if info is not None and info.not_when and _in_context(text, term, info, self.lex):
            return NOT_LOADED_HERE
        if term.neutral and _same_words(term.text, _first_option(term.neutral)):
            return NO_CHANGE
        return None


def _in_context(text: str, term: LoadedTerm, info: TermInfo, lex: Lexicons) -> bool:
    """Does a `not_when` context of the entry cover the term? (The sentence around it is enough: no context crosses
    a sentence.)"""
    start = max(text.rfind("\n", 0, term.start), text.rfind(". ", 0, term.start), -1) + 1
    stops = [i for i in (text.find("\n", term.end), text.find(". ", term.end)) if i >= 0]
    end = min(stops) + 1 if stops else len(text)
    doc = Doc(text[start:end])
    return any(
        m.entry.payload == info and m.start + start <= term.start and term.end <= m.end + start
        for m in lex.contexts.find(doc)
    )


# A "plain statement" key claims that the sentence holds no hedge and no attribution, which the extractors
# cannot promise: on the other-topic gold they miss "ruling that ..." (a court's finding reported), "ordered
# ... to" (an order reported) and "is expected to" (a hedge). A sentence with one of these words is not keyed
# plain; it is only left out, never given another label.
_MAYBE_MARKED = re.compile(
    r"\b(?:(?:is|are|was|were|be|been)\s+(?:expected|likely|unlikely|set|due|thought|believed|said|reported|"
    r"understood|known|alleged|feared|rumou?red)\s+to|rul(?:ed|ing)|order(?:ed|ing|s)?|found\s+that|concluded|"
    r"decided|announced|warned|urged|called\s+on|demanded|insisted|argued|says?|said|told|according|"
    r"reportedly|apparently|allegedly|claim(?:s|ed)?|believes?|thinks?|suggest(?:s|ed)?)\b",
    re.IGNORECASE,
)


MAYBE_MARKED_WHAT = "words that often mark a hedge or attribution the extractors miss (ruling, ordered, expected to)"


def maybe_marked(sentence: str) -> bool:
    """Does the sentence hold words that often mark a hedge or attribution the extractors miss?"""
    return bool(_MAYBE_MARKED.search(sentence))


# --- alternatives --------------------------------------------------------------------------


def _first_option(neutral: str) -> str:
    """The wording a student would substitute: the first of "a / b", without a bracketed instruction."""
    option = neutral.split(" / ")[0]
    return re.sub(r"\s*\([^)]*\)\s*", " ", option).strip()


def _words(text: str) -> list[str]:
    return [t.text.lower() for t in tokenize(text)]


def _same_words(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa) and [stem(w) for w in wa] == [stem(w) for w in wb]


def _inflection(word: str) -> str:
    w = word.lower()
    if len(w) > 4 and w.endswith("ing"):
        return "ing"
    if len(w) > 3 and w.endswith("ed"):
        return "ed"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return "s"
    return ""


def inflect(word: str, suffix: str) -> str:
    """English regular inflection of a base form: supply -> supplying, supplied, supplies."""
    if not suffix:
        return word
    vowels = "aeiou"
    if suffix == "ing":
        if word.endswith("ie"):
            return word[:-2] + "ying"
        if word.endswith("e") and not word.endswith("ee"):
            return word[:-1] + "ing"
        return word + "ing"
    if suffix == "ed":
        if word.endswith("e"):
            return word + "d"
        if word.endswith("y") and len(word) > 1 and word[-2] not in vowels:
            return word[:-1] + "ied"
        return word + "ed"
    if word.endswith("y") and len(word) > 1 and word[-2] not in vowels:
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _inflect_option(option: str, suffix: str) -> str:
    head = re.match(r"^(\s*)([A-Za-z]+)(.*)$", option, re.S)
    if not head or option.strip().startswith("("):
        return option
    return head.group(1) + inflect(head.group(2), suffix) + head.group(3)


def adapt_alternative(term: str, matched: str, neutral: str, sentence_start: bool = False) -> str | None:
    """`neutral` made to fit where `matched` stands, or None when no rule can make it fit.

    The lexicon writes the alternative for the entry as written ("pump * weapons" -> "supply weapons
    to"). A stemmed match may be inflected ("pumping weapons into"): a base-form entry word matched
    as -ing, -ed or -s passes that ending to the alternative's first word. Any other difference (an
    entry in the past tense matched in the present, a plural entry matched in the singular) has no
    safe rule, and None keeps an ungrammatical wording off the key.
    """
    if not neutral:
        return None
    if neutral.lstrip().startswith("(") or "\\" in term:  # an instruction, or a regex entry: nothing to inflect
        return _capitalise(neutral, sentence_start)
    entry_words = [w.lower() for w in term.split() if w != "*"]
    matched_words = _words(matched)
    suffix = ""
    position = 0
    for word in entry_words:
        while position < len(matched_words) and stem(matched_words[position]) != stem(word):
            position += 1  # a gap (*) in the entry
        if position == len(matched_words):
            return None
        found = matched_words[position]
        position += 1
        if found == word:
            continue
        have, want = _inflection(word), _inflection(found)
        if have == want and stem(found) == stem(word):
            continue  # same form, other spelling (case, hyphen)
        if have or suffix:  # only one base-form word may carry an ending across
            return None
        suffix = want
        if not suffix:
            return None
    options = [_inflect_option(o, suffix) for o in neutral.split(" / ")] if suffix else neutral.split(" / ")
    adapted = " / ".join(options)
    if _same_words(matched, _first_option(adapted)):
        return None
    return _capitalise(adapted, sentence_start)


def _capitalise(text: str, sentence_start: bool) -> str:
    return text[:1].upper() + text[1:] if sentence_start and text[:1].isalpha() else text


def starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in '.!?\n"“'


# --- answers and items -------------------------------------------------------------------


def answer_problem(excerpt_text: str, answer: Answer) -> str | None:
    """Why one keyed answer is not true of the excerpt, or None."""
    if not answer.text or not 0 <= answer.start < answer.end <= len(excerpt_text):
        return NOT_IN_EXCERPT
    if excerpt_text[answer.start : answer.end] != answer.text:
        return NOT_IN_EXCERPT
    if answer.finding == "loaded term":
        if not answer.note:
            return UNSURE_MODEL
        if answer.alternative and _same_words(answer.text, _first_option(answer.alternative)):
            return NO_CHANGE
    if answer.finding == "quote" and answer.speaker_check:
        return speaker_problem(excerpt_text, answer.speaker_text, answer.label)
    return None


def speaker_problem(excerpt_text: str, speaker_text: str, speaker_type: str) -> str | None:
    """A source the student must find and type: named by words of the excerpt, with a type the key can give."""
    if speaker_type == "unknown":
        return SPEAKER_UNTYPED
    words = _words(speaker_text)
    if not words:
        return None if speaker_type == "anonymous" else SPEAKER_NOT_SHOWN
    if all(w in _FUNCTION_WORDS for w in words):
        return SPEAKER_NOT_SHOWN  # "including the": a parsing slip, not a source
    if speaker_text.lower() not in excerpt_text.lower():
        return SPEAKER_NOT_SHOWN
    return None


def panel_problems(
    excerpt_text: str, answers: Iterable[Answer], needs_alternative: bool = False
) -> list[tuple[Answer, str]]:
    """(answer, reason) for every answer of one panel that fails; `needs_alternative`: the item asks for a rewording."""
    problems: list[tuple[Answer, str]] = []
    for answer in answers:
        problem = answer_problem(excerpt_text, answer)
        if problem is None and needs_alternative and answer.finding == "loaded term" and answer.required:
            problem = None if answer.alternative else NO_ALTERNATIVE
        if problem:
            problems.append((answer, problem))
    return problems


def classify_problems(
    correct: Sequence[str], answers: Sequence[Answer], hedged: str, loaded: str, plain: str
) -> list[str]:
    """The ticked boxes must follow from the findings: plain only with none, loaded and hedged each with one."""
    kinds = {"loaded" if a.finding in ("loaded term", "scare quote") else "hedged" for a in answers}
    expected = {hedged for k in kinds if k == "hedged"} | {loaded for k in kinds if k == "loaded"}
    return [] if set(correct) == (expected or {plain}) else [LABELS_UNSUPPORTED]
