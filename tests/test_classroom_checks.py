"""Exercise keys that are right or absent, on other stories than the seeds' (issue 15 item 5, issue 17 item 5).

The texts are the other-topic gold corpus (court, election, storm, strike, trade) and short articles
written here; the three wrong keys the issue names are each a case below.
"""

import re
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import framing

from framing import api
from framing.classroom import checks
from framing.classroom.excerpts import sentence_excerpts
from framing.classroom.exercises import (
    HEDGED,
    KINDS,
    LEVELS,
    LOADED,
    PLAIN,
    SOURCE_TYPES,
    build_exercise,
    classify_sentence,
)
from framing.errors import DataError, FramingError
from framing.extract.features import analyze_article
from framing.extract.learned import model_terms
from framing.extract.loaded import lexicon_terms
from framing.ingest.article import Article, Metadata
from framing.ingest.boilerplate import clean_text
from framing.lexicon.bundle import load_lexicons
from framing.spans import LoadedTerm
from framing.text import Doc

EXTRA = Path(__file__).resolve().parent.parent / "gold" / "extra" / "corpus"

# A port-strike report: a loaded verb the lexicon lacked ("plowed into") and a legal charge ("reckless driving").
STRIKE = (
    "A delivery van plowed into striking dock workers outside the main gate of the port on Tuesday morning, "
    "injuring three of them. Police said the driver, a 42-year-old man from Ipswich, had been arrested and "
    "charged with reckless driving. He will appear before magistrates on Friday.\n\n"
    "Union organiser Dana Whitfield said the members on the picket line had been peaceful and called for calm. "
    '"Nobody should be hurt for asking for a fair wage," she told reporters. A spokesperson for the port authority '
    "said the gate would stay open. An official who asked not to be named said talks could resume next week. "
    "Professor Helen Moore, an economist at the University of Kent, said the dispute could cost millions."
)
# The same word in two stories: "militants" is keyed with the Donbas alternative only in Donbas coverage.
OFF_STORY = (
    "Militants attacked a police checkpoint near the border town on Sunday night, the army said. "
    "The attack came days after the government announced new elections for the spring."
)
ON_STORY = (
    "Militants attacked a Ukrainian checkpoint near Donetsk on Sunday night, the army said in Kyiv. "
    "The attack came days after Russia announced new exercises near the border."
)


def article(lex, text: str, ident: str = "t", outlet: str = "test") -> object:
    cleaned = clean_text(text)
    meta = Metadata(id=ident, outlet=outlet, outlet_name=outlet.title(), source="test")
    return analyze_article(Article(meta, cleaned.text, cleaned.lines), lex)


@pytest.fixture(scope="module")
def extra():
    return api.analyze(EXTRA)


@pytest.fixture(scope="module")
def written(lex):
    return [article(lex, STRIKE, "strike", "wire"), article(lex, OFF_STORY, "off", "local")]


def every_sheet(features):
    for kind in KINDS:
        for level in LEVELS:
            try:
                yield build_exercise(kind, features, level, seed=3)
            except DataError:
                continue  # too small a corpus for this kind: a message, not a sheet (tested below)


def keyed(exercise):
    for item in exercise.items:
        for panel in item.panels:
            for answer in panel.answers:
                yield item, panel, answer


def test_a_legal_reckless_driving_charge_is_not_loaded(lex, extra, written):
    strike = written[0]
    assert "reckless driving" in strike.text
    assert not [t for t in strike.loaded_terms if "reckless" in t.text.lower()]  # nor the model's, in its place
    judged = article(lex, "The council approved a reckless plan to sell the harbour to a developer on Monday.")
    assert [t.text for t in judged.loaded_terms] == ["reckless"]
    for exercise in every_sheet([*extra, *written]):
        assert not [a for _, _, a in keyed(exercise) if "reckless" in a.text.lower() and a.finding == "loaded term"]


def test_plowed_into_is_keyed_as_loaded(written):
    strike = written[0]
    (sentence,) = [e for e in sentence_excerpts(strike, min_words=1) if "plowed into" in e.text]
    labels, answers = classify_sentence(strike, sentence)
    assert labels == {LOADED}
    assert [(a.text, a.label, a.alternative) for a in answers] == [("plowed into", "loaded verb", "drove into / hit")]
    rewrite = build_exercise("rewrite", [strike], "advanced")
    keys = [a for _, _, a in keyed(rewrite) if a.text == "plowed into"]
    assert keys and keys[0].alternative == "drove into / hit"
    classify = build_exercise("classify", written, "advanced", count=10)
    plain = [i for i in classify.items if i.correct == [PLAIN]]
    assert not [i for i in plain if "plowed" in i.panels[0].excerpt.text]


def test_no_key_offers_a_story_specific_alternative_off_its_story(lex, extra, written):
    scoped = {info.neutral: info.story for info in lex.loaded_info if info.story}
    assert scoped["separatist fighters"] == "russia-ukraine-2022"
    offered = 0
    for exercise in every_sheet([*extra, *written]):
        for _, _, answer in keyed(exercise):
            if answer.alternative:
                offered += 1
                assert answer.alternative not in scoped, answer
                assert "Russia" not in answer.alternative and "Ukrain" not in answer.alternative, answer
    assert offered >= 5
    off = article(lex, OFF_STORY)
    on = article(lex, ON_STORY)
    assert [t.neutral for t in off.loaded_terms if t.text == "Militants"] == ["fighters / armed group (name the group)"]
    assert [t.neutral for t in on.loaded_terms if t.text == "Militants"] == ["separatist fighters"]
    (item,) = build_exercise("rewrite", [off], "advanced").items
    assert [a.alternative for a in item.panels[0].answers] == ["Fighters / armed group (name the group)"]


def test_every_item_passes_the_key_check(extra, written, seed_features):
    corpora = [list(extra), written, list(seed_features.values())]
    items = 0
    for features in corpora:
        by_id = {f.id: f for f in features}
        for exercise in every_sheet(features):
            for item in exercise.items:
                items += 1
                for panel in item.panels:
                    excerpt = panel.excerpt
                    assert excerpt.text == by_id[excerpt.source.article_id].text[excerpt.start : excerpt.end]
                    assert checks.panel_problems(excerpt.text, panel.answers, exercise.kind == "rewrite") == []
                    for answer in panel.answers:
                        if answer.alternative:
                            assert not checks._same_words(answer.text, checks._first_option(answer.alternative))
                if exercise.kind == "classify":
                    answers = item.panels[0].answers
                    assert checks.classify_problems(item.correct, answers, HEDGED, LOADED, PLAIN) == []
    assert items >= 40


@pytest.mark.parametrize(
    ("term", "matched", "neutral", "start", "expected"),
    [
        ("pump * weapons", "pumping weapons", "supply weapons to", False, "supplying weapons to"),
        ("tear up", "tearing up", "withdraw from / abandon", False, "withdrawing from / abandoning"),
        ("plowed into", "plowed into", "drove into / hit", False, "drove into / hit"),
        ("plowed into", "plows into", "drove into / hit", False, None),  # past entry, present match: no rule
        ("militants", "militant", "separatist fighters", False, None),  # plural entry, singular match
        ("junta", "Junta", "the Ukrainian government", True, "The Ukrainian government"),
        ("Kyiv", "Kyiv", "Kyiv (the standard spelling, no change needed)", False, None),  # the same word
        ("absolutely", "absolutely", "(drop it)", True, "(drop it)"),  # an instruction, not a substitute
    ],
)
def test_alternatives_are_fitted_to_the_sentence_or_left_out(term, matched, neutral, start, expected):
    assert checks.adapt_alternative(term, matched, neutral, start) == expected


def test_the_sources_exercise_names_speaker_types_from_the_text(extra, written):
    seen: dict[str, str] = {}
    for features in (list(extra), written):
        for level in LEVELS:
            exercise = build_exercise("sources", features, level, seed=2)
            assert exercise.items
            for item in exercise.items:
                assert list(item.tally) == SOURCE_TYPES and item.tally_heading == "Type of source"
                assert sum(item.tally.values()) == len(item.panels[0].answers)
                for answer in item.panels[0].answers:
                    assert answer.label in SOURCE_TYPES
                    assert answer.speaker_text.lower() in item.panels[0].excerpt.text.lower()
                    seen[answer.speaker_text.strip()] = answer.label
                assert item.key_points[0].startswith("Sources by type: ")
    assert seen["Dana Whitfield"] == "organisation"
    assert seen["A spokesperson for the port authority"] == "official"
    assert seen["Helen Moore"] == "expert"
    assert "anonymous" in seen.values() and "document" in seen.values()  # "An official who asked ...", industry data
    strike_key = build_exercise("sources", written[:1], "advanced")
    assert any("the port authority" in p for p in strike_key.items[0].key_points)  # an affiliation from the text
    assert "US government" not in " ".join(strike_key.items[0].key_points)  # no seed-story side on a strike


def test_too_few_items_say_which_exercise_how_many_and_why(lex, tmp_path):
    exercise = build_exercise("spot", [article(lex, STRIKE)], "advanced")
    assert len(exercise.items) == 1
    assert exercise.shortfall.startswith("spot exercise: 1 of 5 items found in this corpus (")
    assert "1 of 1 articles have an excerpt" in exercise.shortfall

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "strike.txt").write_text(STRIKE, encoding="utf-8")
    result = framing("exercise", str(corpus), "--kind", "spot", "--level", "advanced", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "framing: spot exercise: 1 of 5 items found in this corpus (1 of 1 articles have" in result.stderr

    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "meeting.txt").write_text(
        "The meeting took place on Monday in Geneva and lasted four hours. "
        "Both delegations arrived by train in the morning. The next meeting is planned for March.\n",
        encoding="utf-8",
    )
    result = framing("exercise", str(plain), "--kind", "all", "-o", str(tmp_path / "none"))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert any("skipped spot exercise" in line and "needs loaded terms" in line for line in lines)
    assert lines[-1].startswith("framing: error: ") and "no exercise could be built" in lines[-1]


def test_story_and_context_columns_in_a_user_lexicon(tmp_path):
    good = tmp_path / "mine.csv"
    good.write_text(
        "# test terms\nterm,match,category,perspective,neutral,explanation,story,not_when\n"
        'slammed,stem,loaded verb,any,criticised,"It makes criticism sound violent.",,slammed the door\n',
        encoding="utf-8",
    )
    lex = load_lexicons(extra=[good])
    text = "She slammed the door. He slammed the plan."
    found = [(t.text, t.start) for t in lexicon_terms(Doc(text), lex)]
    assert found == [("slammed", text.index("He slammed") + 3)]  # the door is not a verdict, the plan is
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "term,match,category,perspective,neutral,explanation,story\n"
        "thugs,stem,dysphemism,any,protesters,It insults.,brexit\n",
        encoding="utf-8",
    )
    with pytest.raises(FramingError) as err:
        load_lexicons(extra=[bad])
    assert err.value.where == f"{bad}:2" and "unknown story 'brexit'" in err.value.problem


def test_model_finds_are_keyed_only_when_sure_and_with_their_evidence(lex):
    text = (
        "The mayor sabotaged the harbour deal on Monday, hours before the council was due to vote on it. "
        "The vote has now been moved to March, and the developer said it would wait for the result."
    )
    features = article(lex, text)
    (find,) = [t for t in model_terms(Doc(features.text), lex, 0.5) if t.text == "sabotaged"]
    assert find.evidence and find.confidence < checks.EXERCISE_MIN_CONFIDENCE
    unsure = replace(features, loaded_terms=[replace(find, confidence=0.7)])
    labels = {
        tuple(i.correct): i.panels[0].excerpt.text
        for i in build_exercise("classify", [unsure, article(lex, STRIKE, "s", "wire")], "advanced", count=20).items
    }
    assert not [t for t in labels.values() if "sabotaged" in t]  # neither loaded (unsure) nor plain (it may be)
    with pytest.raises(DataError, match=r"left out: model finds below 85% confidence"):
        build_exercise("rewrite", [unsure], "advanced")
    sure = replace(features, loaded_terms=[replace(find, confidence=0.9)])
    (item,) = build_exercise("rewrite", [sure], "advanced").items
    (answer,) = item.panels[0].answers
    assert answer.text == "sabotaged"
    assert "Found by the learned detector (confidence 90%; evidence: " in answer.note
    assert find.evidence[0] in answer.note


def test_a_sentence_is_keyed_plain_only_when_nothing_may_mark_it(lex, extra):
    court = article(
        lex,
        "A High Court judge on Friday blocked the eviction, ruling that the landlord had failed to follow procedure. "
        "She ordered the company to pay the tenants' legal costs. "
        "The European Commission is expected to publish a list of products later this week. "
        "The estate has 120 flats on six floors and a small garden behind the car park.",
        "court",
        "court",
    )
    exercise = build_exercise("classify", [court, article(lex, STRIKE, "s", "wire")], "advanced", count=20)
    plain = [i.panels[0].excerpt.text for i in exercise.items if i.correct == [PLAIN]]
    assert plain and not [t for t in plain if "ruling" in t or "ordered" in t or "expected to" in t]
    assert any("120 flats" in t for t in plain)
    # On the other-topic gold the three such sentences hold a gold quote or hedge; the sheet says why it has no plain
    with pytest.raises(DataError, match="kept out by the key check: an otherwise plain sentence holds") as refused:
        build_exercise("classify", extra, "basic")
    why = r"(\d+) sentences kept out by the key check: an otherwise plain sentence holds"
    held = re.findall(why, str(refused.value))
    assert sum(map(int, held)) == 3  # by hedge-like words or by the model's score, each counted once


def test_the_check_refuses_findings_of_older_lexicons(lex, written):
    """Features stored before an entry was scoped or given contexts still cannot put a wrong key on a sheet."""
    checker = checks.Checker(lex)
    strike, off = written
    (reckless,) = [i for i in lex.loaded_info if i.term == "reckless"]
    at = strike.text.index("reckless driving")
    old = LoadedTerm(at, at + 8, "reckless", *(getattr(reckless, k) for k in ("term", "category", "perspective")),
                     reckless.neutral, reckless.explanation, reckless.lexicon)  # fmt: skip
    assert checker.term_problem(strike.id, strike.text, old) == checks.NOT_LOADED_HERE
    (donbas,) = [i for i in lex.loaded_info if i.term == "militants" and i.story]
    at = off.text.index("Militants")
    old = LoadedTerm(at, at + 9, "Militants", donbas.term, donbas.category, donbas.perspective, donbas.neutral,
                     donbas.explanation, donbas.lexicon)  # fmt: skip
    assert checker.term_problem(off.id, off.text, old) == checks.OFF_STORY
    stale = replace(off, loaded_terms=[old])
    with pytest.raises(DataError, match="their lexicon entry was written for another story"):
        build_exercise("rewrite", [stale], "advanced")
