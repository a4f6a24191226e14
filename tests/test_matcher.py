import pytest

from framing.errors import DataError
from framing.lexicon.matcher import Entry, PhraseMatcher, longest_non_overlapping
from framing.text import Doc


def found(matcher: PhraseMatcher, text: str) -> list[str]:
    return [text[m.start : m.end] for m in matcher.find(Doc(text))]


def test_gap_matches_zero_to_two_words():
    m = PhraseMatcher([Entry("US-backed * coup", "stem", None)])
    assert found(m, "the US-backed coup") == ["US-backed coup"]
    assert found(m, "the US-backed nationalist coup in Kiev") == ["US-backed nationalist coup"]
    assert found(m, "a US-backed and very nationalist coup") == []


def test_stem_mode_matches_inflections_but_exact_and_case_do_not():
    m = PhraseMatcher([Entry("shred", "stem", "s"), Entry("Kiev", "exact", "k"), Entry("US", "case", "u")])
    assert found(m, "The US shredded it; Washington shreds treaties in kiev.") == ["US", "shredded", "shreds", "kiev"]
    assert found(m, "let us go") == []


def test_regex_entries_and_unsafe_patterns():
    m = PhraseMatcher([Entry(r"so-called\s+“[^”]{1,60}”", "regex", None)])
    assert found(m, "its so-called “security guarantees” demand") == ["so-called “security guarantees”"]
    with pytest.raises(DataError, match="nests quantifiers"):
        PhraseMatcher([Entry(r"(a+)+b", "regex", None, "lex.csv:4")])
    with pytest.raises(DataError, match="lex.csv:5: invalid regex"):
        PhraseMatcher([Entry(r"(unclosed", "regex", None, "lex.csv:5")])


def test_match_does_not_cross_a_sentence_boundary():
    m = PhraseMatcher([Entry("coup in Kiev", "stem", None)])
    assert found(m, "It was a coup. In Kiev, people protested.") == []
    assert found(m, "It was a coup in Kiev.") == ["coup in Kiev"]


def test_longest_non_overlapping_prefers_the_longer_phrase():
    m = PhraseMatcher([Entry("coup", "stem", "short"), Entry("US-backed * coup", "stem", "long")])
    text = "a US-backed nationalist coup happened"
    chosen = longest_non_overlapping(m.find(Doc(text)))
    assert [(text[c.start : c.end], c.entry.payload) for c in chosen] == [("US-backed nationalist coup", "long")]


def test_phrase_cannot_start_with_a_gap():
    with pytest.raises(DataError, match="cannot start or end"):
        PhraseMatcher([Entry("* coup", "stem", None, "x.csv:2")])
