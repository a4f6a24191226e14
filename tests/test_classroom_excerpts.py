"""Excerpts for worksheets: whole sentences of the cleaned text, readable length, no boilerplate, no outlet names."""

import pytest

from framing.classroom.excerpts import (
    MAX_WORDS,
    MIN_WORDS,
    alias_pattern,
    candidate_excerpts,
    excerpt_around,
    is_prose,
    names_to_hide,
    outlet_aliases,
    word_count,
)


@pytest.mark.parametrize("outlet", ["aggregator", "unnamed", "intellinews", "sputnik", "nv"])
def test_excerpts_are_whole_sentences_of_the_cleaned_text(seed_features, seed_articles, outlet):
    features = seed_features[outlet]
    excerpts = candidate_excerpts(features)
    assert excerpts, f"no excerpt of {MIN_WORDS}-{MAX_WORDS} words in {outlet}"
    starts = {s.start for s in features.sentences}
    ends = {s.end for s in features.sentences}
    removed = [v.text for v in seed_articles[outlet].lines if not v.kept and len(v.text) > 15]
    for e in excerpts:
        assert e.text == features.text[e.start : e.end]
        assert e.start in starts and e.end in ends
        assert MIN_WORDS <= word_count(e.text) <= MAX_WORDS
        for line in removed:
            assert line not in e.text, f"boilerplate line in an excerpt of {outlet}: {line!r}"


def test_headings_break_excerpts(seed_features):
    # "Pentagon confirms Europe troop shuffle amid Ukraine standoff" is a heading inside the aggregator page
    features = seed_features["aggregator"]
    assert "Pentagon confirms Europe troop shuffle" in features.text
    assert not any("Pentagon confirms Europe troop shuffle" in e.text for e in candidate_excerpts(features))
    assert not is_prose("US vs. Russian positions")
    assert is_prose("“These forces are not going to fight in Ukraine,” said Kirby.")


def test_outlet_aliases_name_the_outlet_not_the_country():
    assert {"bne", "IntelliNews", "bne IntelliNews", "intellinews"} <= outlet_aliases("intellinews", "bne IntelliNews")
    nv = outlet_aliases("nv", "NV (Ukraine)")
    assert "NV" in nv and "Ukraine" not in nv
    aggregator = outlet_aliases("aggregator", "Aggregator page (RT and Antiwar.com excerpts)")
    assert {"RT", "Antiwar.com"} <= aggregator and "excerpts" not in aggregator
    pattern = alias_pattern({"NV", "Sputnik"})
    assert pattern.search("NV has condensed the key points")
    assert pattern.search("according to sputnik")  # long names match in any case
    assert not pattern.search("an envoy from Nvidia")  # whole words only
    assert not pattern.search("nv")  # short acronyms keep their case


def test_hidden_names_remove_self_references(seed_features):
    nv = seed_features["nv"]
    assert any("NV has condensed" in e.text for e in candidate_excerpts(nv))
    avoid = names_to_hide(list(seed_features.values()))
    assert not any("NV has condensed" in e.text for e in candidate_excerpts(nv, avoid=avoid))


def test_excerpt_around_grows_to_whole_sentences(analyse):
    sentences = [f"Sentence number {i} tells the reader about the troops and the talks in Geneva." for i in range(12)]
    features = analyse(" ".join(sentences))
    target = features.text.index("number 5")
    excerpt = excerpt_around(features, target, target + 8, min_words=40, max_words=80)
    assert excerpt is not None
    assert excerpt.start <= target < excerpt.end
    assert excerpt.text.startswith("Sentence number") and excerpt.text.endswith("Geneva.")
    assert 40 <= word_count(excerpt.text) <= 80
    assert excerpt_around(features, target, target + 8, min_words=500, max_words=600) is None
