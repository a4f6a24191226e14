"""Property-based tests of the text pipeline (Hypothesis, bounded example counts for CI).

For any input, cleaning keeps only what was in the input, in order; analysis either
succeeds with every span's offsets indexing back into the cleaned text exactly, or
fails with the documented DataError.
"""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import api
from framing.errors import DataError
from framing.extract.features import analyze_article
from framing.ingest.article import Article, Metadata
from framing.ingest.boilerplate import clean_text
from framing.ingest.decode import decode_bytes

LEX = api.lexicons()
META = Metadata(id="p", outlet="p", outlet_name="P", source="property")
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of news text that exercise the quote, hedge and lexicon rules in odd combinations.
PIECES = [
    "Kirby said",
    "said Kirby",
    "Pentagon spokesman John Kirby told reporters",
    "according to",
    "the Kremlin",
    "he said",
    "it",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "Kiev",
    "US-backed nationalist coup",
    "so-called",
    ",",
    ".",
    "\n",
    "\n\n",
    " ",
    "allegedly",
    "may",
    "NATO",
    "Stoltenberg added",
    "claimed",
    "2,000 troops",
    "U.S.",
    "Moscow’s",
    "temporarily occupied",
    "«",
    "»",
    ":",
    ";",
    "(",
    ")",
    "Привет",
    "\u00a0",
    "\t",
    "a",
]
newsy = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
any_text = st.one_of(st.text(max_size=1500), newsy)


def non_space(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


@SETTINGS
@given(any_text)
def test_cleaned_text_contains_nothing_that_was_not_in_the_input(text):
    result = clean_text(text)
    assert is_subsequence(non_space(result.text), non_space(unicodedata.normalize("NFC", text)))
    assert result.text == "\n\n".join(v.text for v in result.lines if v.kept)
    assert all(v.reason for v in result.lines)  # every verdict says why


# Whole paragraphs of ordinary news prose: the cleaner must keep every one of them, in order.
PROSE = [
    "Union members voted on Tuesday to extend the strike at the port for another week, the union said in a statement.",
    "The port authority said it had offered a four percent raise and would meet the negotiators again on Friday.",
    "Dock workers have refused to unload container ships since the start of the month, leaving cargo stranded.",
    "Local businesses that depend on the port say the dispute is costing them thousands of dollars every day.",
    "A spokeswoman for the shipping company said it was diverting two vessels to another harbour further south.",
]


@SETTINGS
@given(st.lists(st.sampled_from(PROSE), min_size=1, max_size=8, unique=True))
def test_paragraphs_of_prose_are_all_kept(paragraphs):
    result = clean_text("\n\n".join(paragraphs))
    assert result.text == "\n\n".join(paragraphs)


@SETTINGS
@given(any_text)
def test_every_span_indexes_back_into_the_cleaned_text(text):
    features = analyze_article(Article(META, text, ()), LEX)
    assert features.text == text
    spans = [*features.loaded_terms, *features.hedges, *features.quotes, *features.actor_mentions, *features.sentences]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


@SETTINGS
@given(st.binary(max_size=3000))
def test_decoding_any_bytes_gives_text_or_the_documented_error(data):
    try:
        text = decode_bytes(data, "x.txt")
    except DataError as exc:
        assert exc.where == "x.txt" and exc.problem
    else:
        assert isinstance(text, str) and text.strip()
