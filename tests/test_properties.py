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


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FIELDS = ("id", "outlet", "outlet_name", "title", "date", "url", "language", "text", "html")
# Any Unicode, lone surrogates included, plus the markup of every output the tool writes.
HOSTILE_TEXT = st.text(max_size=30) | st.sampled_from(
    ["[/bold]", "[red]x", "\x1b[31mred", "<font color=red>", "<a href='javascript:alert(1)'>", "=SUM(A1)", "\ud83d"]
)


@SETTINGS
@given(st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES | HOSTILE_TEXT, max_size=len(FIELDS)))
def test_any_json_record_is_an_article_or_a_one_line_data_error(tmp_path_factory, record):
    import json

    from framing.ingest.corpus import ReadOptions, iter_articles

    path = tmp_path_factory.mktemp("jsonl") / "records.jsonl"
    path.write_bytes(json.dumps(record).encode("utf-8") + b"\n")  # ensure_ascii: surrogates as \ud83d escapes
    options = ReadOptions(skip_bad=True)
    articles = list(iter_articles(path, options))
    assert len(articles) + len(options.skipped) == 1
    for skipped in options.skipped:
        assert "\n" not in skipped.problem and skipped.source.startswith(str(path))
    for article in articles:
        fields = (article.meta.id, article.meta.outlet, article.meta.title, article.meta.date, article.text)
        assert all(isinstance(value, str) for value in fields)
        assert not any("\ud800" <= ch <= "\udfff" for value in fields for ch in value)  # every output can encode it


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries({name: HOSTILE_TEXT for name in ("id", "outlet_name", "title", "date", "url")}))
def test_any_metadata_reaches_the_terminal_json_and_csv_outputs_safely(fields):
    import csv
    import io
    import json

    from framing.api import summary_frame
    from framing.output import frame_csv
    from framing.render import terminal

    text = "The minister said on Monday that the reckless plan would allegedly fail, critics claimed."
    meta = Metadata(outlet="x", language="en", source="property", **fields)
    article = Article(meta, text)
    features = analyze_article(article, LEX)
    console = terminal.Console(file=io.StringIO(), width=100, color_system=None)
    console.print(terminal.inspect_view(article, features))
    shown = console.file.getvalue()
    assert "\x1b" not in shown
    json.dumps(features.to_record(), ensure_ascii=False).encode("utf-8")
    rows = list(csv.reader(io.StringIO(frame_csv(summary_frame([features])), newline="")))
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row)
