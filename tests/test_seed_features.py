"""The foundation issue's must-show findings on the seed corpus, asserted by span."""

from conftest import span_text


def loaded(features, fragment):
    return [t for t in features.loaded_terms if fragment.lower() in span_text(features, t).lower()]


def test_sputnik_us_backed_coup_in_kiev(seed_features):
    f = seed_features["sputnik"]
    coup = loaded(f, "coup")
    assert coup, "the 'US-backed nationalist coup' framing must be found"
    term = coup[0]
    start = f.text.index("US-backed nationalist coup")
    assert term.start == start and span_text(f, term).startswith("US-backed nationalist coup")
    assert term.perspective == "pro-Kremlin" and term.explanation and term.neutral
    kiev = [t for t in f.loaded_terms if span_text(f, t) == "Kiev"]
    assert kiev and kiev[0].category == "contested name" and kiev[0].neutral.startswith("Kyiv")


def test_sputnik_shredded_bellicose_malign_actor(seed_features):
    f = seed_features["sputnik"]
    for fragment in ("shredded", "bellicose", "malign actor"):
        assert loaded(f, fragment), fragment


def test_nv_temporarily_occupied_and_so_called_security_guarantees(seed_features):
    f = seed_features["nv"]
    occupied = loaded(f, "temporarily occupied")
    assert occupied and span_text(f, occupied[0]).startswith("temporarily occupied")
    assert occupied[0].perspective == "pro-Ukraine"
    so_called = loaded(f, "so-called")
    assert so_called
    assert span_text(f, so_called[0]) == "so-called “security guarantees”"
    assert so_called[0].category == "distancing"


def speakers(features):
    return {(q.speaker, q.side) for q in features.quotes}


def test_kirby_stoltenberg_blinken_quoted_with_affiliation(seed_features):
    assert ("John Kirby", "US government") in speakers(seed_features["aggregator"])
    assert ("John Kirby", "US government") in speakers(seed_features["unnamed"])
    assert ("Jens Stoltenberg", "NATO") in speakers(seed_features["sputnik"])
    assert ("Antony Blinken", "US government") in speakers(seed_features["sputnik"])
    assert ("Jens Stoltenberg", "NATO") in speakers(seed_features["nv"])
    assert ("Antony Blinken", "US government") in speakers(seed_features["nv"])


def test_direct_quote_spans_and_speakers(seed_features):
    f = seed_features["aggregator"]
    direct = [q for q in f.quotes if q.kind == "direct"]
    first = next(q for q in direct if "These forces are not going to fight" in q.text)
    assert f.text[first.start : first.end] == "“These forces are not going to fight in Ukraine,”"
    assert first.speaker == "John Kirby" and first.cue == "said"
    follow_on = next(q for q in direct if "robust defense" in q.text)
    assert follow_on.speaker == "John Kirby"  # continues the quotation without a verb of its own


def test_sputnik_quotes_stoltenberg_directly(seed_features):
    f = seed_features["sputnik"]
    quote = next(q for q in f.quotes if q.text.startswith('"We call on Russia'))
    assert quote.kind == "direct" and quote.speaker == "Jens Stoltenberg" and quote.side == "NATO"
    assert quote.n_words > 20  # two sentences inside one pair of quotation marks


def test_russian_foreign_ministry_indirect_quote(seed_features):
    f = seed_features["sputnik"]
    quote = next(q for q in f.quotes if q.speaker == "the Russian Foreign Ministry")
    assert quote.kind == "indirect" and quote.side == "Russian government"
    assert quote.text.startswith("NATO's responses had been handed over")


def hedges(features, kind=None):
    return {span_text(features, h).lower() for h in features.hedges if kind is None or h.type == kind}


def test_allegedly_apparently_reportedly(seed_features):
    assert {"allegedly", "apparently"} <= hedges(seed_features["aggregator"], "hedge")
    assert "reportedly" in hedges(seed_features["intellinews"], "hedge")
    assert "according to" in hedges(seed_features["intellinews"], "evidential")


def test_scare_quotes_and_attribution_stance(seed_features):
    sputnik = seed_features["sputnik"]
    assert '"malign actor"' in hedges(sputnik, "scare_quote")
    claims = [h for h in sputnik.hedges if h.type == "attribution" and span_text(sputnik, h) == "claims"]
    assert claims and claims[0].stance == "doubting"
    assert "“open door”" in hedges(seed_features["nv"], "scare_quote")


def test_actor_sentiment_has_counts_and_scores(seed_features):
    f = seed_features["nv"]
    for actor in ("US", "NATO", "Russia", "Ukraine"):
        info = f.actor_sentiment[actor]
        assert info["mentions"] >= 3
        assert -1 <= info["mean_compound"] <= 1
    mentions = [m for m in f.actor_mentions if m.actor == "Russia"]
    assert all(f.text[m.start : m.end] == m.text for m in mentions)


def test_sentence_sentiment_offsets(seed_features):
    f = seed_features["intellinews"]
    assert f.sentences[0].text == f.text[f.sentences[0].start : f.sentences[0].end]
    assert f.sentiment["n_sentences"] == len(f.sentences)
