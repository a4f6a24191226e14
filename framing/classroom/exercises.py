"""The five exercise kinds, each built from a corpus's findings rather than canned text.

Every item holds the excerpt(s) a student reads, the questions, and the key: answers
whose ``start``/``end`` are offsets into the excerpt text shown to the student, so the
key can never point at words the student does not have. Choices are made with
``random.Random`` seeded per kind, so the same seed gives the same worksheet and
``--kind all`` gives the same sheets as asking for each kind alone.

Items are right or absent. Only findings whose explanation fits enter a key (lexicon entries
on their own story and outside their not-loaded contexts, model finds at high confidence with
their evidence), every candidate item passes the checks of :mod:`checks` before it is chosen,
and a sheet with fewer items than asked says which findings and excerpts were left out and why.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace

from framing.classroom import checks
from framing.classroom.checks import EXERCISE_MIN_CONFIDENCE, Checker
from framing.classroom.excerpts import (
    MAX_WORDS,
    MIN_WORDS,
    Excerpt,
    Source,
    candidate_excerpts,
    names_to_hide,
    prefer_paragraph_starts,
    sentence_excerpts,
)
from framing.classroom.pairing import MIN_SIMILARITY, ClaimAlignment, choose_pairs
from framing.errors import DataError, UsageError
from framing.extract.features import ArticleFeatures
from framing.extract.sources import SPEAKER_TYPES
from framing.lexicon.bundle import Lexicons
from framing.spans import Hedge, LoadedTerm, Quote

KINDS = {
    "spot": "Spot the loaded term",
    "pair": "Same event, two outlets",
    "sources": "Who is speaking?",
    "rewrite": "Rewrite neutrally",
    "classify": "Fact or framing?",
}
# The categories a beginner can recognise without background knowledge: they name or
# rename a party, or openly distance the writer from someone's words.
HIGH_SALIENCE = frozenset({"delegitimising label", "contested name", "dysphemism", "distancing"})
HEDGED_TYPES = ("hedge", "evidential", "modal", "attribution")
SOURCE_TYPES = [t for t in SPEAKER_TYPES if t != "unknown"]  # the sources tally; an untyped source fails the check
HEDGED, LOADED, PLAIN = "hedged or attributed", "loaded wording", "plain statement"


@dataclass(frozen=True, slots=True)
class Level:
    name: str
    count: int  # items per sheet when --count is not given (classify: sentences)
    classify_count: int
    categories: frozenset[str] | None  # loaded-term categories that count as answers; None: all
    pair_max_words: int
    min_quotes: int
    min_types: int  # sources: kinds of source (official, expert, citizen ...) an excerpt must quote
    mixed_labels: bool  # classify: may a sentence be both hedged and loaded?


LEVELS = {
    "basic": Level("basic", 3, 6, HIGH_SALIENCE, 120, 2, 1, False),
    "advanced": Level("advanced", 5, 10, None, MAX_WORDS, 3, 2, True),
}


@dataclass(frozen=True, slots=True)
class Answer:
    """One finding, placed in the excerpt the student reads: ``excerpt.text[start:end] == text``."""

    start: int
    end: int
    text: str
    finding: str  # loaded term | quote | hedge | evidential | modal | attribution | scare quote
    label: str  # category, type of source, side, or stance
    note: str  # why it counts, for the teacher and the student
    alternative: str = ""  # a neutral wording, for loaded terms, fitted to the sentence
    required: bool = True  # False: flagged by the tool but beyond this level
    speaker_text: str = ""  # quotes: the words naming the speaker
    speaker_check: bool = False  # quotes: the key names and types this speaker, so the check requires both


@dataclass(frozen=True, slots=True)
class Panel:
    excerpt: Excerpt
    answers: tuple[Answer, ...]
    marked: bool = False  # underline the answers on the student sheet (basic rewrite)


@dataclass
class Item:
    number: int
    panels: list[Panel]
    questions: list[str]
    answer_lines: int
    choices: list[str] = field(default_factory=list)  # classify: boxes to tick
    correct: list[str] = field(default_factory=list)  # classify: the right boxes
    tally: dict[str, int] | None = None  # sources: quotes per type of source, for the key
    tally_heading: str = "Type of source"
    key_points: list[str] = field(default_factory=list)  # prose in the key, in addition to the answers


@dataclass
class Exercise:
    kind: str
    title: str
    instructions: str
    level: str
    seed: int
    hide_outlets: bool
    items: list[Item]
    method: str  # how the items were chosen, for the teacher
    labels: dict[str, str] = field(default_factory=dict)  # outlet slug -> "Outlet A", when hidden
    wanted: int = 0  # items asked for
    audit: Audit | None = None  # what was left out and why

    @property
    def shortfall(self) -> str:
        """One line for the teacher when the sheet has fewer items than asked, else ""."""
        if len(self.items) >= self.wanted:
            return ""
        why = self.audit.why() if self.audit else ""
        return f"{self.kind} exercise: {len(self.items)} of {self.wanted} items found in this corpus" + (
            f" ({why})" if why else ""
        )

    def __post_init__(self) -> None:
        if self.hide_outlets and not self.labels:
            for item in self.items:
                for panel in item.panels:
                    outlet = panel.excerpt.source.outlet
                    if outlet not in self.labels:
                        self.labels[outlet] = f"Outlet {_letters(len(self.labels))}"

    def student_label(self, source: Source) -> str:
        """What the worksheet says about an excerpt's source: nothing but a letter when hidden."""
        if self.hide_outlets:
            return self.labels[source.outlet]
        parts = [source.outlet_name]
        if source.title:
            parts.append(f"“{source.title}”")
        if source.date:
            parts.append(source.date)
        return ", ".join(parts)

    def key_label(self, source: Source) -> str:
        full = ", ".join(p for p in (source.outlet_name, f"“{source.title}”" if source.title else "", source.date) if p)
        return f"{self.labels[source.outlet]} = {full}" if self.hide_outlets else full


@dataclass
class Audit:
    """What a builder left out, counted once per finding or excerpt, so a short sheet can say why."""

    checker: Checker
    findings: dict[str, set] = field(default_factory=dict)  # reason -> finding keys
    excerpts: dict[tuple[str, str], set] = field(default_factory=dict)  # (finding|sentence, reason) -> keys
    uncertain: dict[str, list[LoadedTerm]] = field(default_factory=dict)  # article -> terms not sure enough to key
    uses_terms: bool = True  # the exercise keys loaded terms (all kinds but sources)
    notes: list[str] = field(default_factory=list)  # what the corpus offers, e.g. "2 of 5 articles have ..."

    def left_out(self, reason: str, key: object) -> None:
        self.findings.setdefault(reason, set()).add(key)

    def dropped(self, reason: str, key: object) -> None:
        """A whole sentence or excerpt left out (key: article, start, end)."""
        self.excerpts.setdefault(("sentence", reason), set()).add(key)

    def offer(self, pools: dict[str, list[Excerpt]], what: str) -> None:
        have = sum(1 for pool in pools.values() if pool)
        self.notes.append(f"{have} of {len(pools)} articles have {what}")

    def why(self) -> str:
        parts = list(self.notes)
        if self.uses_terms:
            parts += [f"{len(keys)} loaded terms left out: {reason}" for reason, keys in sorted(self.findings.items())]
        parts += [
            f"{len(keys)} {'sentences' if what == 'sentence' else 'findings'} kept out by the key check: {reason}"
            for (what, reason), keys in sorted(self.excerpts.items())
        ]
        return "; ".join(parts)

    def passes(self, excerpt: Excerpt, answers: Sequence[Answer], needs_alternative: bool = False) -> bool:
        """Does every answer hold for this excerpt? Failures are counted once per finding, whatever the excerpt."""
        problems = checks.panel_problems(excerpt.text, answers, needs_alternative)
        for answer, problem in problems:
            self.excerpts.setdefault(("finding", problem), set()).add(
                (excerpt.source.article_id, excerpt.start + answer.start, answer.finding)
            )
        return not problems


def _letters(n: int) -> str:
    text = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        text = chr(65 + rem) + text
    return text


# --- answers -------------------------------------------------------------------------


def _answer(excerpt: Excerpt, span, finding: str, label: str, note: str, alternative: str = "", required=True):
    start, end = excerpt.relative(span)
    return Answer(start, end, excerpt.text[start:end], finding, label, note, alternative, required)


def _loaded_answer(excerpt: Excerpt, term: LoadedTerm, level: Level) -> Answer:
    note = term.explanation
    if term.origin == "model":  # the model cannot say why; the key shows what it rests on
        note = (
            f"Found by the learned detector (confidence {term.confidence:.0%}; evidence: "
            + ", ".join(term.evidence[:3])
            + f"). It resembles a {term.category} word: {note}"
        )
    if term.quoted:
        note = f"Inside a quotation: the speaker's word, not the outlet's. {note}"
    required = level.categories is None or term.category in level.categories
    start, _ = excerpt.relative(term)
    alternative = checks.adapt_alternative(
        term.term, term.text, term.neutral, checks.starts_sentence(excerpt.text, start)
    )
    return _answer(excerpt, term, "loaded term", term.category, note, alternative or "", required)


def _quote_answer(excerpt: Excerpt, quote: Quote) -> Answer:
    who = quote.speaker or "speaker not identified"
    cue = f", cue “{quote.cue}”" if quote.cue else ""
    return _answer(excerpt, quote, "quote", quote.side, f"{who} ({quote.kind}{cue})")


_PRONOUN = re.compile(r"^(?:he|she|they|it|we)$", re.IGNORECASE)


def _source_answer(excerpt: Excerpt, quote: Quote) -> Answer:
    """A quote keyed by the kind of source and the affiliation the text gives, on any story."""
    who = quote.speaker or "an unnamed source"
    details = [quote.kind + (f", cue “{quote.cue}”" if quote.cue else "")]
    if quote.affiliation and quote.affiliation.lower() != who.lower():
        details.append(f"affiliation: {quote.affiliation}")
    if quote.side not in ("other", "unknown", ""):
        details.append(f"side: {quote.side}")
    start, end = excerpt.relative(quote)
    return Answer(
        start,
        end,
        excerpt.text[start:end],
        "quote",
        quote.speaker_type,
        f"{who} ({'; '.join(details)})",
        # "she told reporters": the student finds the person the pronoun stands for, so the name must be shown
        speaker_text=quote.speaker if _PRONOUN.match(quote.speaker_text or "") else quote.speaker_text or quote.speaker,
        speaker_check=True,
    )


_HEDGE_NOTES = {
    "hedge": "softens the claim: the writer does not state it as certain",
    "evidential": "says where the claim comes from, or that it is unconfirmed",
    "modal": "presents a possibility, not a fact",
    "attribution": "makes it someone's claim rather than the outlet's",
    "scare_quote": "quotation marks that keep the writer's distance from the words",
}


def _hedge_answer(excerpt: Excerpt, hedge: Hedge) -> Answer:
    finding = "scare quote" if hedge.type == "scare_quote" else hedge.type
    label = hedge.stance if hedge.type == "attribution" and hedge.stance else hedge.type.replace("_", " ")
    note = _HEDGE_NOTES.get(hedge.type, "")
    if hedge.type == "attribution" and hedge.stance and hedge.stance != "neutral":
        note += f"; the verb is {hedge.stance}, not neutral"
    return _answer(excerpt, hedge, finding, label, note)


def _inside(excerpt: Excerpt, spans: Sequence) -> list:
    return [s for s in spans if excerpt.contains(s)]


def _ordered(answers: list[Answer]) -> tuple[Answer, ...]:
    return tuple(sorted(answers, key=lambda a: (a.start, a.end, a.finding)))


# --- choosing excerpts -----------------------------------------------------------------


def _spread(pools: dict[str, list[Excerpt]], count: int, rng: random.Random) -> list[Excerpt]:
    """Up to ``count`` non-overlapping excerpts, taking articles in turn so one article cannot fill a sheet."""
    pools = {k: list(v) for k, v in sorted(pools.items()) if v}
    order = list(pools)
    rng.shuffle(order)
    chosen: list[Excerpt] = []
    while len(chosen) < count and order:
        for article in list(order):
            if len(chosen) >= count:
                break
            options = [e for e in pools[article] if not any(e.overlaps(c) for c in chosen)]
            if not options:
                order.remove(article)
                continue
            chosen.append(rng.choice(options))
    return chosen


def _pools(
    features: Sequence[ArticleFeatures],
    make: Callable[[ArticleFeatures], list[Excerpt]],
    keep: Callable[[ArticleFeatures, Excerpt], bool],
    paragraphs: bool = True,
) -> dict[str, list[Excerpt]]:
    pools = {f.id: [e for e in make(f) if keep(f, e)] for f in features}
    if paragraphs:
        pools = {f.id: prefer_paragraph_starts(f, pools[f.id]) for f in features}
    return pools


def _level_terms(f: ArticleFeatures, level: Level) -> list[LoadedTerm]:
    return [t for t in f.loaded_terms if level.categories is None or t.category in level.categories]


def _missing_terms(features: Sequence[ArticleFeatures], level: Level, kind: str, what: str, audit: Audit) -> str:
    why = audit.why()
    why = f" ({why})" if why else ""
    if not any(f.loaded_terms for f in features):
        if audit.findings:
            return f"the {kind} exercise needs loaded terms a key can explain, and none are left in this corpus{why}"
        return f"the {kind} exercise needs loaded terms, and the lexicon found none in this corpus"
    if level.categories is not None and not any(_level_terms(f, level) for f in features):
        cats = ", ".join(sorted(level.categories))
        return f"the {kind} exercise at level {level.name} needs loaded terms of the categories {cats}; none found{why}"
    return f"the {kind} exercise found no {what} containing a loaded term that passes the key check{why}"


# --- the five kinds ----------------------------------------------------------------------


def build_spot(features, level, count, rng, avoid, where, audit) -> tuple[list[Item], str]:
    def answers(f: ArticleFeatures, e: Excerpt) -> tuple[Answer, ...]:
        return _ordered([_loaded_answer(e, t, level) for t in _inside(e, f.loaded_terms)])

    pools = _pools(
        features,
        lambda f: candidate_excerpts(f, MIN_WORDS, MAX_WORDS, avoid),
        lambda f, e: bool(_inside(e, _level_terms(f, level))) and audit.passes(e, answers(f, e), True),
    )
    terms = "a high-salience loaded term" if level.categories else "a loaded term"
    audit.offer(pools, f"an excerpt of {MIN_WORDS}-{MAX_WORDS} words with {terms} that passes the key check")
    chosen = _spread(pools, count, rng)
    if not chosen:
        what = f"excerpt of {MIN_WORDS}-{MAX_WORDS} words"
        raise DataError(where, _missing_terms(features, level, "spot", what, audit))
    by_id = {f.id: f for f in features}
    items: list[Item] = []
    for number, excerpt in enumerate(chosen, 1):
        f = by_id[excerpt.source.article_id]
        found = answers(f, excerpt)
        n = sum(a.required for a in found)
        if level.categories is not None:
            questions = [
                (
                    f"Underline the {n} words or phrases that carry"
                    if n > 1
                    else "Underline the word or phrase that carries"
                )
                + " a judgement rather than a fact.",
                "For each one, write a more neutral word or phrase.",
            ]
        else:
            questions = [
                "Underline every word or phrase that carries a judgement rather than a fact.",
                "For each one: whose view does it reflect, and what neutral wording would you use instead?",
                "Which of them are the outlet's own words, and which belong to someone it quotes?",
            ]
        items.append(Item(number, [Panel(excerpt, found)], questions, 3 + 2 * (len(questions) - 2)))
    how = (
        f"Excerpts of {MIN_WORDS}-{MAX_WORDS} words (whole sentences of the cleaned text) containing at least one "
        + (
            "high-salience loaded term (" + ", ".join(sorted(level.categories)) + ")"
            if level.categories
            else "loaded term"
        )
        + "; answers are the lexicon's matches on their own story and the model's finds at "
        + f"{EXERCISE_MIN_CONFIDENCE:.0%} confidence or more, each checked against the excerpt."
    )
    return items, how


def build_pair(features, level, count, rng, avoid, where, audit, alignments=None) -> tuple[list[Item], str]:
    pairs = choose_pairs(features, count, rng, MIN_WORDS, level.pair_max_words, avoid, alignments, where)
    audit.notes.append(
        f"{len(pairs)} pairs of excerpts from two outlets share a sub-topic by aligned claims "
        f"or a tf-idf cosine of {MIN_SIMILARITY} or more"
    )
    by_id = {f.id: f for f in features}
    questions = [
        "Word choice: which words in each excerpt show a judgement? Compare the two.",
        "Who is quoted or cited in each excerpt, what kind of source are they, and whom do they speak for?",
        "What is hedged or attributed (“reportedly”, “said”, “could”), and what is stated as fact?",
    ]
    if level.name == "advanced":
        questions += [
            "What does one excerpt include that the other leaves out?",
            "After reading only one of the two, how might a reader see the event differently?",
        ]
    items: list[Item] = []
    for pair in pairs:
        panels = []
        for excerpt in (pair.left, pair.right):
            f = by_id[excerpt.source.article_id]
            answers = [_loaded_answer(excerpt, t, level) for t in _inside(excerpt, f.loaded_terms)]
            answers += [_quote_answer(excerpt, q) for q in _inside(excerpt, f.quotes)]
            answers += [_hedge_answer(excerpt, h) for h in _inside(excerpt, f.hedges)]
            panels.append(Panel(excerpt, _ordered(answers)))
        if not all(audit.passes(p.excerpt, p.answers) for p in panels):
            continue
        points = [
            f"Chosen by {pair.method} (similarity {pair.similarity:.2f}); words both excerpts stress: "
            + ", ".join(pair.shared_terms)
        ]
        items.append(Item(len(items) + 1, panels, questions, 3, key_points=points))
    if not items:
        raise DataError(where, f"the pair exercise found no pair of excerpts that passes the key check ({audit.why()})")
    how = (
        f"Pairs of excerpts ({MIN_WORDS}-{level.pair_max_words} words) from two different outlets, matched by "
        + " and ".join(sorted({p.method for p in pairs}))
        + " (claim alignment: sentences grouped as reporting the same fact; tf-idf cosine: shared vocabulary)."
    )
    return items, how


def _tally(quotes: Sequence[Quote]) -> Counter:
    return Counter(q.speaker_type for q in quotes)


def build_sources(features, level, count, rng, avoid, where, audit) -> tuple[list[Item], str]:
    """Who speaks, by the kind of source and affiliation the text gives (framing.extract.sources), on any story."""
    if not any(f.quotes for f in features):
        raise DataError(where, "the sources exercise needs quoted or cited sources, and none were found in this corpus")

    def enough(f: ArticleFeatures, e: Excerpt) -> bool:
        quotes = _inside(e, f.quotes)
        if len(quotes) < level.min_quotes or len(_tally(quotes)) < level.min_types:
            return False
        return audit.passes(e, [_source_answer(e, q) for q in quotes])

    pools = _pools(features, lambda f: candidate_excerpts(f, MIN_WORDS, MAX_WORDS, avoid), enough)
    kinds = f" of at least {level.min_types} types" if level.min_types > 1 else ""
    audit.offer(pools, f"an excerpt with {level.min_quotes} or more named and typed sources{kinds}")
    by_id = {f.id: f for f in features}
    for article, pool in pools.items():  # keep the excerpts with the most voices in each article
        if pool:
            best = max(len(_inside(e, by_id[article].quotes)) for e in pool)
            pools[article] = [e for e in pool if len(_inside(e, by_id[article].quotes)) >= best - 1]
    chosen = _spread(pools, count, rng)
    if not chosen:
        why = audit.why()
        raise DataError(
            where,
            f"the sources exercise at level {level.name} needs an excerpt of {MIN_WORDS}-{MAX_WORDS} words "
            f"with at least {level.min_quotes} quoted or cited sources{kinds}, each named and typed; none found"
            + (f" ({why})" if why else ""),
        )
    questions = [
        "Find every person, body or document whose words are quoted or reported. Tally them by type of source "
        "(official, organisation, expert, citizen, anonymous, document) in the table.",
        "Which type of source is heard most? Which types are not heard at all?",
    ]
    if level.name == "advanced":
        questions.insert(
            1,
            "For each, note whether the words are given directly (in quotation marks) or reported (paraphrased), "
            "and whom the text says the source speaks for.",
        )
        questions.append("How might the excerpt read differently if the unheard kinds of source were quoted too?")
    items: list[Item] = []
    for number, excerpt in enumerate(chosen, 1):
        quotes = _inside(excerpt, by_id[excerpt.source.article_id].quotes)
        tally = _tally(quotes)
        answers = _ordered([_source_answer(excerpt, q) for q in quotes])
        balance = ", ".join(f"{kind} {n}" for kind, n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))
        points = [f"Sources by type: {balance} ({len(quotes)} quoted or cited in all)."]
        affiliations = sorted(
            {
                f"{q.affiliation} ({q.speaker})"
                for q in quotes
                if q.affiliation and q.affiliation.lower() != q.speaker.lower()
            }
        )
        if affiliations:
            points.append("Affiliations the text gives: " + "; ".join(affiliations) + ".")
        unheard = [t for t in SOURCE_TYPES if t not in tally]
        if unheard:
            points.append("Not heard in this excerpt: " + ", ".join(unheard) + ".")
        tally_rows = {kind: tally.get(kind, 0) for kind in SOURCE_TYPES}
        items.append(Item(number, [Panel(excerpt, answers)], questions, 3, tally=tally_rows, key_points=points))
    how = (
        f"Excerpts of {MIN_WORDS}-{MAX_WORDS} words with at least {level.min_quotes} quotes or reported statements; "
        "speakers, their type of source and affiliation are the tool's reading of the text (framing.extract.sources); "
        "excerpts with a speaker it could not name in the excerpt or type are left out."
    )
    return items, how


def build_rewrite(features, level, count, rng, avoid, where, audit) -> tuple[list[Item], str]:
    def own_terms(f: ArticleFeatures, e: Excerpt) -> list[LoadedTerm]:
        return [t for t in _inside(e, _level_terms(f, level)) if not t.quoted]

    def answers(f: ArticleFeatures, e: Excerpt) -> tuple[Answer, ...]:
        found = []
        for term in _inside(e, f.loaded_terms):
            answer = _loaded_answer(e, term, level)
            if term.quoted:  # a quotation is the speaker's wording: rewrite by attributing, not by changing it
                answer = replace(answer, required=False)
            found.append(answer)
        return _ordered(found)

    pools = _pools(
        features,
        lambda f: sentence_excerpts(f, avoid),
        lambda f, e: bool(own_terms(f, e)) and audit.passes(e, answers(f, e), True),
        paragraphs=False,
    )
    audit.offer(pools, "a sentence in the outlet's own words with a loaded term whose alternative fits")
    chosen = _spread(pools, count, rng)
    if not chosen:
        raise DataError(where, _missing_terms(features, level, "rewrite", "sentence in the outlet's own words", audit))
    by_id = {f.id: f for f in features}
    marked = level.name == "basic"
    if marked:
        questions = ["Rewrite the sentence, replacing the underlined words with neutral wording. Keep every fact."]
    else:
        questions = [
            "Find the words that carry a judgement, then rewrite the sentence neutrally. Keep every fact.",
            "Which of your changes alters what the sentence claims, and which only its tone?",
        ]
    items: list[Item] = []
    for number, excerpt in enumerate(chosen, 1):
        found = answers(by_id[excerpt.source.article_id], excerpt)
        items.append(Item(number, [Panel(excerpt, found, marked=marked)], questions, 4))
    how = "Single sentences in which the outlet itself (not a quoted speaker) uses a loaded term; " + (
        "only high-salience categories, underlined for the student" if marked else "all categories, not marked"
    )
    how += "; each neutral alternative is fitted to the sentence, and sentences where none fits are left out."
    return items, how


def classify_sentence(f: ArticleFeatures, excerpt: Excerpt) -> tuple[set[str], list[Answer]]:
    """The tool's labels for one sentence, with the findings that justify them."""
    labels: set[str] = set()
    answers: list[Answer] = []
    for hedge in _inside(excerpt, f.hedges):
        answers.append(_hedge_answer(excerpt, hedge))
        labels.add(LOADED if hedge.type == "scare_quote" else HEDGED)
    for quote in f.quotes:  # a quotation may start or end in a neighbouring sentence
        if quote.start < excerpt.end and excerpt.start < quote.end:
            answers.append(_quote_answer(excerpt, quote))
            labels.add(HEDGED)
    for term in _inside(excerpt, f.loaded_terms):
        answers.append(_loaded_answer(excerpt, term, LEVELS["advanced"]))
        labels.add(LOADED)
    return labels or {PLAIN}, list(_ordered(answers))


# A "plain statement" key claims that nothing in the sentence is loaded, which the lexicon alone cannot
# promise ("plowed into" was keyed plain before it had an entry): a sentence is keyed plain only if the
# learned detector, asked at this low threshold, finds nothing in it either.
PLAIN_MODEL_CEILING = 0.3


def _model_doubts(excerpt: Excerpt, lex: Lexicons) -> bool:
    from framing.extract.learned import model_terms
    from framing.text import Doc

    return bool(model_terms(Doc(excerpt.text), lex, PLAIN_MODEL_CEILING))


def build_classify(features, level, count, rng, avoid, where, audit) -> tuple[list[Item], str]:
    groups: dict[frozenset[str], list[tuple[Excerpt, list[Answer]]]] = {}
    for f in sorted(features, key=lambda f: f.id):
        unsure = audit.uncertain.get(f.id, [])
        for excerpt in sentence_excerpts(f, avoid, max_words=45):
            spot = (excerpt.source.article_id, excerpt.start, excerpt.end)
            if _inside(excerpt, unsure):
                audit.dropped("a loaded term the key cannot vouch for (left out above) is in the sentence", spot)
                continue
            labels, answers = classify_sentence(f, excerpt)
            if len(labels) > 1 and not level.mixed_labels:
                continue
            if not audit.passes(excerpt, answers):
                continue
            if labels == {PLAIN} and checks.maybe_marked(excerpt.text):
                audit.dropped(f"an otherwise plain sentence holds {checks.MAYBE_MARKED_WHAT}", spot)
                continue
            if labels == {PLAIN} and _model_doubts(excerpt, audit.checker.lex):
                doubt = f"an otherwise plain sentence holds words the model scores {PLAIN_MODEL_CEILING:.0%} or more"
                audit.dropped(doubt, spot)
                continue
            groups.setdefault(frozenset(labels), []).append((excerpt, answers))
    if sum(1 for key in groups if len(key) == 1) < 2:
        found = ", ".join(sorted("+".join(sorted(k)) for k in groups)) or "no usable sentences"
        why = audit.why()
        raise DataError(
            where,
            f"the classify exercise needs sentences of at least two kinds ({HEDGED}, {LOADED}, {PLAIN}); "
            f"found: {found}" + (f" ({why})" if why else ""),
        )
    order = sorted(groups, key=lambda k: sorted(k))
    for key in order:
        rng.shuffle(groups[key])
    rng.shuffle(order)
    picked: list[tuple[frozenset[str], Excerpt, list[Answer]]] = []
    while len(picked) < count and any(groups[k] for k in order):
        for key in order:
            if groups[key] and len(picked) < count:
                excerpt, answers = groups[key].pop()
                picked.append((key, excerpt, answers))
    choices = [HEDGED, LOADED, PLAIN]
    items: list[Item] = []
    for kinds, excerpt, answers in picked:
        correct = [c for c in choices if c in kinds]
        if checks.classify_problems(correct, answers, HEDGED, LOADED, PLAIN):
            audit.dropped(checks.LABELS_UNSUPPORTED, (excerpt.source.article_id, excerpt.start, excerpt.end))
            continue
        points = [_classify_explanation(kinds, answers)]
        items.append(Item(len(items) + 1, [Panel(excerpt, tuple(answers))], [], 0, choices, correct, key_points=points))
    how = (
        "Sentences labelled by the tool: hedged or attributed (hedge, evidential, modal or attribution cue, or inside "
        "a quotation), loaded wording (lexicon term or scare quotes), otherwise plain statement; a sentence is keyed "
        "plain only when the learned detector finds nothing loaded in it either and no word in it often marks a "
        "hedge or attribution the extractors miss ('ruling', 'ordered', 'is expected to'); sentences holding a "
        "find the key cannot vouch for are left out."
    )
    return items, how


def _q(text: str) -> str:
    return text if text[:1] in "\"“‘'" else f"“{text}”"


def _classify_explanation(labels: AbstractSet[str], answers: Sequence[Answer]) -> str:
    if labels == {PLAIN}:
        return "No hedge, attribution or loaded term found: the outlet states this as fact. Is it checkable?"
    parts = []
    hedged = [a for a in answers if a.finding not in ("loaded term", "scare quote")]
    loaded = [a for a in answers if a.finding in ("loaded term", "scare quote")]
    if hedged:
        parts.append("Hedged or attributed: " + "; ".join(f"{_q(a.text)} ({a.finding})" for a in hedged[:3]))
    if loaded:
        parts.append("Loaded wording: " + "; ".join(f"{_q(a.text)} ({a.label})" for a in loaded[:3]))
    return ". ".join(parts) + "."


BUILDERS = {
    "spot": build_spot,
    "pair": build_pair,
    "sources": build_sources,
    "rewrite": build_rewrite,
    "classify": build_classify,
}
INSTRUCTIONS = {
    "spot": "Read the excerpt. Some words tell you what to think, not just what happened. Underline them.",
    "pair": "Two outlets wrote about the same thing. Read both excerpts and answer the questions.",
    "sources": "Read the excerpt. Whose voices do we hear? Count the people, bodies and documents quoted or cited.",
    "rewrite": "Each sentence uses words that carry a judgement. Rewrite it so that a reader on any side "
    "would accept the wording.",
    "classify": "For each sentence, decide: is the writer hedging or attributing the claim to someone, "
    "using loaded words, or simply stating something?",
}


def teachable(features: Sequence[ArticleFeatures], audit: Audit | None = None) -> list[ArticleFeatures]:
    """The features with only the loaded terms a key can explain; the rest are counted in `audit` by reason.

    Kept: lexicon entries on their own story, outside their not-loaded contexts and with a neutral form that
    differs from the term, and model finds at EXERCISE_MIN_CONFIDENCE or more with their evidence. Model finds
    below it are remembered as uncertain, so that no sentence holding one is keyed "plain".
    """
    if audit is None:
        from framing.lexicon.bundle import default_lexicons

        audit = Audit(Checker(default_lexicons()))
    kept = []
    for f in features:
        terms = []
        for term in f.loaded_terms:
            problem = audit.checker.term_problem(f.id, f.text, term)
            if problem is None:
                terms.append(term)
                continue
            audit.left_out(problem, (f.id, term.start, term.end))
            if problem in (checks.UNSURE_MODEL, checks.NO_CHANGE):
                audit.uncertain.setdefault(f.id, []).append(term)
        kept.append(replace(f, loaded_terms=terms))
    return kept


def build_exercise(
    kind: str,
    features: Sequence[ArticleFeatures],
    level: str = "basic",
    count: int | None = None,
    seed: int = 1,
    hide_outlets: bool = False,
    where: str = "corpus",
    alignments: Sequence[ClaimAlignment] | None = None,
    lex: Lexicons | None = None,
) -> Exercise:
    """Build one exercise sheet (items, questions and key) from analysed articles.

    `lex` are the lexicons the features were analysed with (default: the shipped ones); the key check looks
    entries up in them. Raises DataError naming what is missing, and why, when the corpus yields no item for
    the kind; a sheet with fewer items than asked says so in ``Exercise.shortfall``.
    """
    if kind not in BUILDERS:
        raise UsageError("--kind", f"unknown exercise kind '{kind}' (choose from {', '.join(KINDS)}, all)")
    if level not in LEVELS:
        raise UsageError("--level", f"unknown level '{level}' (choose from {', '.join(LEVELS)})")
    if count is not None and count < 1:
        raise UsageError("--count", "must be at least 1")
    if not features:
        raise DataError(where, "no articles to build exercises from")
    if lex is None:
        from framing.lexicon.bundle import default_lexicons

        lex = default_lexicons()
    audit = Audit(Checker(lex), uses_terms=kind != "sources")
    features = teachable(features, audit)
    spec = LEVELS[level]
    n = count if count is not None else (spec.classify_count if kind == "classify" else spec.count)
    rng = random.Random(f"{seed}:{kind}:{level}")
    avoid: re.Pattern[str] | None = names_to_hide(features) if hide_outlets else None
    if kind == "pair":
        items, how = build_pair(features, spec, n, rng, avoid, where, audit, alignments)
    else:
        items, how = BUILDERS[kind](features, spec, n, rng, avoid, where, audit)
    instructions = INSTRUCTIONS[kind]
    if kind == "classify":
        instructions += (
            " Tick every box that fits (a sentence can be both), and underline the words that decide it."
            if spec.mixed_labels
            else " Tick one box for each sentence."
        )
    return Exercise(kind, KINDS[kind], instructions, level, seed, hide_outlets, items, how, wanted=n, audit=audit)
