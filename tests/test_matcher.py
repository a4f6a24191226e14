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


PATHOLOGICAL = [r"((a+))+b", r"(a|a)+b", r"(a|aa)+", r"(a{1,10}){10}b", r"(a{1,30}){1,30}", r".*.*.*=", r"(.*a){12}b"]


def test_pathological_regexes_are_bounded_in_time():
    import subprocess
    import sys

    code = (
        "import sys\nfrom framing.errors import DataError\n"
        "from framing.lexicon.matcher import Entry, PhraseMatcher\nfrom framing.text import Doc\n"
        "doc = Doc('a' * 60 + '! ' + 'x ' * 3000 + ' banana ' * 40)\n"
        "for p in sys.argv[1:]:\n"
        "    try:\n        PhraseMatcher([Entry(p, 'regex', None, 'lex.csv:9')]).find(doc)\n"
        "    except DataError as exc:\n        print('refused', exc.message)\n"
    )
    # Bounded: a hang would pass the subprocess timeout. Each pattern is refused when loaded, or
    # skipped with a warning naming its entry once a search runs out of time.
    done = subprocess.run([sys.executable, "-c", code, *PATHOLOGICAL], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.count("refused") + done.stderr.count("lex.csv:9") >= 1  # the guards did fire


def test_slow_regex_is_skipped_with_a_warning(capsys):
    m = PhraseMatcher([Entry(r"(a|aa)+!", "regex", None, "slow.csv:3"), Entry("cherry", "exact", None)])
    assert found(m, "a" * 40 + " cherry " * 30)[:1] == ["cherry"]
    assert "slow.csv:3" in capsys.readouterr().err


def test_existing_lexicon_regexes_still_match_case_insensitively():
    m = PhraseMatcher([Entry(r"\bthe Ukraine\b(?!-)(?!\s+crisis\b)", "regex", None)])
    assert found(m, "In THE UKRAINE today, not the Ukraine crisis.") == ["THE UKRAINE"]
