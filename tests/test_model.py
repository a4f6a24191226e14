"""The learned loaded-language detector: its features, the shipped model, training, and its findings.

Every sentence here is the project's own; the BABE and MPQA files written below only copy
those datasets' layout, never their text.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from helpers import framing

from framing import api
from framing.extract.learned import DEFAULT_MIN_CONFIDENCE, at_confidence, merge, model_terms
from framing.extract.loaded import find_loaded_terms
from framing.model import category
from framing.model.detector import Detector, shipped, vader_lexicon
from framing.model.features import doc_features, shape
from framing.spans import LoadedTerm
from framing.text import Doc

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
LOADED = "Critics ripped the idiotic plan, calling it a dangerous stunt by the council."


def _row(rows, word):
    return next(r for r in rows if r.token.text == word)


def test_features_mark_quotation_position_lexicon_and_valence():
    doc = Doc('Reckless, the mayor said. Ms Hale called it "a disastrous idea" on Monday.')
    rows = doc_features(doc, api.lexicons(), vader_lexicon())
    first = _row(rows, "Reckless")
    assert first.features["pos=first"] == 1.0 and first.features["shape=Xx"] == 1.0
    assert "name-like" not in first.features  # capitalised because it starts the sentence
    disastrous = _row(rows, "disastrous")
    assert disastrous.features["quoted"] == 1.0
    assert disastrous.features["lex=subjective"] == 1.0  # general.csv lists it
    assert disastrous.features["vader=neg"] == 1.0 and disastrous.features["vader"] > 0
    assert disastrous.features["prev=a"] == 1.0 and disastrous.features["next=idea"] == 1.0
    assert "quoted" not in _row(rows, "mayor").features
    assert _row(rows, "Monday").features["name-like"] == 1.0
    assert _row(rows, "Hale").sentence == 1 and first.sentence == 0
    assert shape("NATO") == "XX" and shape("2022") == "d" and shape("plan") == "x"


def test_shipped_model_loads_and_prefers_loaded_words_to_neutral_ones():
    detector = shipped()
    assert detector.provenance["licence"].startswith("AGPL-3.0")
    assert set(detector.provenance["data"]) == {"babe/final_labels_SG2.csv", "lexicons/subjclueslen1-HLTEMNLP05.tff"}
    doc = Doc("The senator slammed the disastrous plan, and the committee met on Tuesday.")
    rows = detector.rows(doc, api.lexicons())
    probs = detector.token_probabilities(rows)
    p = dict(zip([r.token.text for r in rows], probs, strict=True))
    assert p["disastrous"] > 0.5 > p["committee"]
    assert p["slammed"] > 5 * p["met"] and p["slammed"] > 5 * p["Tuesday"]
    sentence_loaded = detector.sentence_probabilities(doc, rows, probs)[0]
    plain = Doc("The committee met on Tuesday to discuss the plan.")
    plain_rows = detector.rows(plain, api.lexicons())
    assert detector.sentence_probabilities(plain, plain_rows, detector.token_probabilities(plain_rows))[0] < (
        sentence_loaded
    )


def test_model_finds_carry_confidence_evidence_category_and_an_alternative():
    terms = {t.text: t for t in model_terms(Doc(LOADED), api.lexicons())}
    ripped = terms["ripped"]
    assert ripped.origin == "model" and DEFAULT_MIN_CONFIDENCE <= ripped.confidence < 1
    assert ripped.category == "loaded verb" and ripped.neutral == "criticised"
    assert ripped.evidence and all("(+" in e for e in ripped.evidence)
    assert terms["idiotic"].category == "subjective"
    assert terms["idiotic"].neutral.startswith("(")  # no known alternative: a rewrite hint
    assert "council" not in terms


def test_category_rule():
    valence = vader_lexicon()
    assert category.category("utterly", valence) == "intensifier"
    assert category.category("extremists", valence) == "delegitimising label"
    assert category.category("slams", valence) == "loaded verb"
    assert category.category("scam", valence) == "dysphemism"
    assert category.category("shameful", valence) == "subjective"


def _term(start, end, origin="lexicon", confidence=1.0):
    return LoadedTerm(start, end, "x", "x", "subjective", "any", "", "", "general", False, origin, confidence)


def test_lexicon_entries_win_where_both_fire():
    lexicon = [_term(10, 20)]
    model = [_term(12, 18, "model", 0.9), _term(30, 35, "model", 0.8), _term(40, 45, "model", 0.7)]
    merged = merge(lexicon, model, claimed=[(40, 48)])
    assert [(t.start, t.origin) for t in merged] == [(10, "lexicon"), (30, "model")]
    # on real text: "disastrous" is a general.csv entry, so it is reported once, as the lexicon's
    terms = find_loaded_terms(Doc("It was a disastrous and idiotic decision."), api.lexicons())
    assert [(t.text, t.origin) for t in terms] == [("disastrous", "lexicon"), ("idiotic", "model")]
    assert find_loaded_terms(Doc("It was a disastrous and idiotic decision."), api.lexicons(), 2.0)[0].origin == (
        "lexicon"
    )


def test_at_confidence_drops_only_weak_model_finds():
    from framing.extract.features import analyze_article
    from framing.ingest.article import Article, Metadata

    features = analyze_article(Article(Metadata(id="a", outlet="o", outlet_name="O"), LOADED), api.lexicons())
    (strict,) = at_confidence([features], 0.99)
    assert any(t.origin == "model" for t in features.loaded_terms)
    assert all(t.origin == "lexicon" or t.confidence >= 0.99 for t in strict.loaded_terms)
    assert at_confidence([features], None) == [features]


def test_min_confidence_option_on_analyze(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(LOADED + "\n", encoding="utf-8")

    def origins(*extra):
        result = framing("analyze", str(article), "--format", "json", *extra)
        assert result.returncode == 0, result.stderr
        (record,) = json.loads(result.stdout)
        return {(t["start"], t["end"], t["text"]): (t["origin"], t["confidence"]) for t in record["loaded_terms"]}

    default = origins()
    ripped = next(v for k, v in default.items() if k[2] == "ripped")
    assert ripped[0] == "model" and ripped[1] >= DEFAULT_MIN_CONFIDENCE
    lower = origins("--min-confidence", "0.3")
    assert len("".join(k[2] for k in lower)) > len("".join(k[2] for k in default))  # more is flagged
    assert all(any(a <= s and e <= b for a, b, _ in lower) for s, e, _ in default)  # (runs may join)
    assert all(conf >= 0.3 for _, conf in lower.values())
    assert origins("--min-confidence", "2") == {}
    bad = framing("analyze", str(article), "--min-confidence", "-1")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr


# -- training on a tiny file in BABE's layout ------------------------------------------------

ARTICLES = [
    ("The reckless mayor wrecked the budget.", "['reckless', 'wrecked']", "The budget was approved on Monday."),
    ("A disgraceful vote gutted the school fund.", "['disgraceful', 'gutted']", "The vote was held on Tuesday."),
    ("Greedy landlords fleeced their tenants again.", "['Greedy', 'fleeced']", "The tenants met the landlords."),
    ("The shameless senator dodged every question.", "['shameless', 'dodged']", "The senator answered questions."),
    ("Lawless protesters trashed the square.", "['Lawless', 'trashed']", "Protesters gathered in the square."),
    ("The outrageous ruling stunned the town.", "['outrageous']", "The court issued its ruling."),
    ("A reckless plan wrecked the harbour.", "['reckless', 'wrecked']", "The harbour plan was published."),
]


def _write_fixture(root):
    (root / "babe").mkdir(parents=True)
    (root / "lexicons").mkdir()
    lines = ["text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words"]
    for n, (biased, words, plain) in enumerate(ARTICLES):
        link = f"https://example.org/{n}"
        lines.append(f'"{biased}";{link};Outlet;topic;left;Biased;Somewhat factual;{words}')
        lines.append(f'"{plain}";{link};Outlet;topic;left;Non-biased;Entirely factual;[]')
    (root / "babe" / "final_labels_SG2.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    clues = [
        "type=strongsubj len=1 word1=reckless pos1=adj stemmed1=n priorpolarity=negative",
        "type=strongsubj len=1 word1=shame pos1=noun stemmed1=y priorpolarity=negative",
        "type=weaksubj len=1 word1=approve pos1=verb stemmed1=y priorpolarity=positive",
    ]
    (root / "lexicons" / "subjclueslen1-HLTEMNLP05.tff").write_text("\n".join(clues) + "\n", encoding="utf-8")


def test_train_writes_a_model_with_its_data_hashes_and_figures(tmp_path):
    _write_fixture(tmp_path / "data")
    out = tmp_path / "model.json"
    result = framing("train", "--data", str(tmp_path / "data"), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "biased words" in result.stdout and "MPQA strong-subjective words" in result.stdout
    model = json.loads(out.read_text(encoding="utf-8"))
    recorded = model["provenance"]["data"]
    for name, digest in recorded.items():
        assert hashlib.sha256((tmp_path / "data" / name).read_bytes()).hexdigest() == digest
    assert model["provenance"]["settings"]["seed"] == 13
    assert model["provenance"]["cross_validation"]["split"].startswith("5-fold GroupKFold by news_link")
    # MPQA features are baked per clue word: the exact word, and the stem of stemmed clues
    assert "reckless" in model["token_model"]["prior_words"] and "shame" in model["token_model"]["prior_stems"]
    assert not any(name.startswith("mpqa") for name in model["token_model"]["weights"])
    detector = Detector.load(out)
    doc = Doc("The reckless council wrecked the plan.")
    rows = detector.rows(doc, api.lexicons())
    p = dict(zip([r.token.text for r in rows], detector.token_probabilities(rows), strict=True))
    assert p["reckless"] > p["council"]
    again = tmp_path / "again.json"
    assert framing("train", "--data", str(tmp_path / "data"), "--output", str(again)).returncode == 0
    assert again.read_bytes() == out.read_bytes()  # seeded: the same data gives the same file


def test_train_without_data_is_one_line(tmp_path):
    result = framing("train", "--data", str(tmp_path / "nothing"), "--output", str(tmp_path / "m.json"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "no babe/ folder" in result.stderr and not (tmp_path / "m.json").exists()


# -- downstream: profiles, highlighting, exercises, inspect ----------------------------------


def _features(text=LOADED):
    from framing.extract.features import analyze_article
    from framing.ingest.article import Article, Metadata

    return analyze_article(Article(Metadata(id="a", outlet="o", outlet_name="O"), text), api.lexicons())


def test_profile_counts_lexicon_and_model_finds_apart_and_together():
    from framing.score.profile import sentence_table

    text = "It was a disastrous and idiotic decision, critics ripped."
    table = sentence_table(_features(text))
    assert table["loaded"].sum() == table["loaded_origin:lexicon"].sum() + table["loaded_origin:model"].sum()
    assert table["loaded_origin:lexicon"].sum() == 1 and table["loaded_origin:model"].sum() >= 1


def test_report_marks_model_finds_with_confidence_and_evidence():
    from framing.render.highlight import CLASS_LOADED, CLASS_MODEL, marks_for, segments

    features = _features()
    marks, _ = marks_for(features)
    pieces = {s.text: s for s in segments(features.text, marks)}
    ripped = pieces["ripped"]
    assert CLASS_MODEL in ripped.classes and CLASS_LOADED in ripped.classes
    assert "found by the model, confidence" in ripped.note and "Evidence: " in ripped.note
    assert ripped.note.count("|") == 0  # the style-only mark adds no empty note


def test_exercises_keep_only_lexicon_or_confident_model_finds():
    from framing.classroom.exercises import EXERCISE_MIN_CONFIDENCE, teachable

    features = _features("It was a disastrous and idiotic decision, and critics ripped the council for it.")
    (kept,) = teachable([features])
    assert any(t.origin == "model" and t.confidence < EXERCISE_MIN_CONFIDENCE for t in features.loaded_terms)
    assert all(t.origin == "lexicon" or t.confidence >= EXERCISE_MIN_CONFIDENCE for t in kept.loaded_terms)
    assert any(t.origin == "lexicon" for t in kept.loaded_terms)


def test_inspect_shows_the_model_confidence(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(LOADED + "\n", encoding="utf-8")
    result = framing("inspect", str(article), columns=200)
    assert result.returncode == 0, result.stderr
    assert "loaded (model)" in result.stdout and "model 0." in result.stdout


def test_hedge_cues_are_never_model_finds():
    text = "The mayor allegedly took money from the builders, and the council apparently knew."
    doc, lex = Doc(text), api.lexicons()
    raw = {f.text for f in shipped().find(doc, lex, 0.175)}
    assert {"allegedly", "apparently"} <= raw  # the model alone scores them as loaded
    assert not {"allegedly", "apparently"} & {t.text for t in model_terms(doc, lex, 0.175)}  # hedges.csv lists them


def test_a_word_the_article_keeps_using_counts_less_after_its_first_use():
    from framing.model.detector import TOPIC_USES, damp_repeats

    lex = api.lexicons()
    four = (
        "The corrupt mayor met the builders. Critics called the deal corrupt. "
        "A corrupt official resigned. The corrupt scheme grew."
    )
    doc = Doc(four)
    lay, probs = shipped().score(doc, lex)
    damped = damp_repeats(lay.tokens, probs)
    uses = [k for k, t in enumerate(lay.tokens) if t.text == "corrupt"]
    assert len(uses) == 4 >= TOPIC_USES and damped[uses[0]] == probs[uses[0]]
    assert [round(damped[k] / probs[k], 3) for k in uses[1:]] == [0.5, 0.25, 0.125]
    assert all(probs[k] > 0.175 for k in uses)  # undamped, every use would be found
    found = [t.start for t in model_terms(doc, lex, 0.175) if t.text == "corrupt"]
    assert lay.tokens[uses[0]].start in found and lay.tokens[uses[-1]].start not in found
    # used once, a word keeps its full probability; used twice, its second use is halved
    once = Doc("The corrupt mayor met the builders. Critics called the deal a scandal.")
    lay1, probs1 = shipped().score(once, lex)
    only = next(k for k, t in enumerate(lay1.tokens) if t.text == "corrupt")
    assert damp_repeats(lay1.tokens, probs1)[only] == probs1[only]
    two = Doc("The corrupt mayor met the builders. Critics called the deal corrupt.")
    lay2, probs2 = shipped().score(two, lex)
    second = [k for k, t in enumerate(lay2.tokens) if t.text == "corrupt"][1]
    assert TOPIC_USES == 2 and damp_repeats(lay2.tokens, probs2)[second] == probs2[second] / 2


def test_a_title_case_headline_is_read_as_lower_case_words_not_names():
    from framing.model.features import is_titled

    lex = api.lexicons()
    doc = Doc("Mayor Slams Reckless Plan To Close Libraries\n\nThe mayor met Ms Hale on Monday.")
    rows = doc_features(doc, lex, vader_lexicon())
    reckless = _row(rows, "Reckless")
    assert reckless.features["shape=x"] == 1.0 and "name-like" not in reckless.features
    assert _row(rows, "Hale").features["name-like"] == 1.0  # an ordinary sentence keeps its names

    def words(text: str) -> list[str]:
        return [t.text for t in Doc(text).tokens]

    assert is_titled(words("Muslim Killer Opened the Door to Destruction"))
    assert not is_titled(words("Senate leader Mitch McConnell said on Tuesday that the bill would pass"))
    # the fast scorer adds up the same features as the rows
    lay, fast = shipped().score(doc, lex)
    slow = shipped().token_probabilities(rows)
    assert [round(p, 9) for p in fast] == [round(p, 9) for p in slow]


def test_an_unstemmed_mpqa_noun_lends_its_clue_to_its_plural(tmp_path):
    from framing.model.train import plural, read_priors

    path = tmp_path / "clues.tff"
    path.write_text(
        "type=strongsubj len=1 word1=tyrant pos1=noun stemmed1=n priorpolarity=negative\n"
        "type=weaksubj len=1 word1=bully pos1=noun stemmed1=n priorpolarity=negative\n"
        "type=weaksubj len=1 word1=mess pos1=noun stemmed1=n priorpolarity=negative\n"
        "type=weaksubj len=1 word1=messes pos1=verb stemmed1=n priorpolarity=positive\n",
        encoding="utf-8",
    )
    priors = read_priors(path)
    assert priors.features("tyrants") == priors.features("tyrant") != frozenset()
    assert "mpqa=weaksubj:negative" in priors.features("bullies")
    assert "mpqa=weaksubj:positive" in priors.features("messes")  # a listed word keeps its own entry
    assert plural("crash") == "crashes" and plural("day") == "days"


def test_a_quotation_does_not_lower_a_words_probability():
    # BABE left quotations unmarked; framing reports a quoted speaker's loaded words too (marked as quoted)
    detector, lex = shipped(), api.lexicons()
    assert "quoted" in detector.provenance["settings"]["unapplied"] and "quoted" not in detector.token.weights
    plain = Doc("Critics called the plan idiotic and the council met.")
    quoted = Doc('Critics called the plan "idiotic" and the council met.')
    p_plain = dict(zip([t.text for t in plain.tokens], detector.score(plain, lex)[1], strict=True))
    rows = doc_features(quoted, lex, vader_lexicon())
    assert _row(rows, "idiotic").features["quoted"] == 1.0  # still a feature: learned, then left out
    p_quoted = dict(zip([t.text for t in quoted.tokens], detector.score(quoted, lex)[1], strict=True))
    assert p_quoted["idiotic"] == p_plain["idiotic"] > 0.5


def _seed_text() -> str:
    return sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")


def test_the_fast_scorer_adds_up_every_kind_of_feature_the_rows_have():
    # the shipped model leaves `quoted` out; a copy with a quoted weight checks that term of the fast sum too
    from framing.model.detector import model_path

    data = json.loads(model_path().read_text(encoding="utf-8"))
    data["token_model"]["weights"]["quoted"] = 0.9
    detector = Detector(data)
    texts = [
        _seed_text(),
        'Mayor Slams Reckless Plan\n\nMs Hale called it "a disastrous idea" and left.',
        "Critics ripped the idiotic plan. It failed.",
    ]
    for lex in (api.lexicons(), None):
        for text in texts:
            doc = Doc(text)
            fast = detector.score(doc, lex)[1]
            slow = detector.token_probabilities(detector.rows(doc, lex))
            assert [round(p, 12) for p in fast] == [round(p, 12) for p in slow]
    quoted = Doc('Ms Hale called it "a disastrous idea" and left.')
    p = dict(zip([t.text for t in quoted.tokens], detector.score(quoted, None)[1], strict=True))
    plain = Doc("Ms Hale called it a disastrous idea and left.")
    q = dict(zip([t.text for t in plain.tokens], detector.score(plain, None)[1], strict=True))
    assert p["disastrous"] > q["disastrous"] and p["left"] == q["left"]


def test_what_the_scorer_keeps_per_word_is_the_same_whichever_lexicons_or_text_filled_it(monkeypatch):
    from framing.model import scoring
    from framing.model.detector import model_path

    lex = api.lexicons()
    text = _seed_text()
    fresh_with, fresh_without = Detector.load(model_path()), Detector.load(model_path())
    expected_with = fresh_with.score(Doc(text), lex)[1]
    expected_without = fresh_without.score(Doc(text), None)[1]
    assert expected_with != expected_without  # the lexicons' hits are a feature: the check can fail
    warm = Detector.load(model_path())
    for _ in range(2):  # the tables filled with one bundle, then read with the other
        assert warm.score(Doc(text), None)[1] == expected_without
        assert warm.score(Doc(text), lex)[1] == expected_with
    monkeypatch.setattr(scoring, "MAX_TEXTS", 50)  # tables emptied and refilled on every article
    small = Detector.load(model_path())
    small.score(Doc(LOADED), lex)
    assert small.score(Doc(text), lex)[1] == expected_with


def test_fast_finds_are_the_feature_rows_finds():
    # the fast path computes probabilities, damping and suppression only for tokens above the threshold
    detector, lex = shipped(), api.lexicons()
    found = {detector.threshold: 0, DEFAULT_MIN_CONFIDENCE: 0}
    for path in sorted(SEEDS.glob("*.txt")):
        doc = Doc(path.read_text(encoding="utf-8"))
        rows = detector.rows(doc, lex)
        for threshold in found:
            fast = detector.find(doc, lex, threshold)
            assert fast == detector.find(doc, lex, threshold, rows)
            found[threshold] += len(fast)
            suppress = [(f.start, f.end) for f in fast[::2]]  # as hedge cues are: never found
            kept = detector.find(doc, lex, threshold, suppress=suppress)
            assert kept == detector.find(doc, lex, threshold, rows, suppress=suppress) == fast[1::2]
    assert found[detector.threshold] > found[DEFAULT_MIN_CONFIDENCE] > 0
