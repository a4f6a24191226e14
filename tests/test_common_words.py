"""Discovery's word-case counts: rebuilt from NewsMTSC they equal the shipped file; a broken file is a clear error."""

import pytest

from framing.errors import DataError
from framing.evaluation import build_common_words, datasets
from framing.extract import discover


def test_rebuilding_from_newsmtsc_gives_the_shipped_file(tmp_path):
    folder = datasets.dataset_dir("newsmtsc")
    if folder is None:
        pytest.skip("NewsMTSC is not in ../shared/datasets")
    out = tmp_path / "words.csv"
    assert build_common_words.main(["--data", str(folder.parent), "--out", str(out)]) == 0
    assert out.read_bytes() == build_common_words.OUT.read_bytes()


def test_words_are_counted_inside_sentences_only():
    texts = ["Turnout was low and turnout fell. The turnout rose.", 'He said: "Turnout." Young voters and Young.']
    lower, capital = build_common_words.count_cases(texts)
    assert lower["turnout"] == 2 and capital["turnout"] == 0  # a sentence's first word and after a colon-quote: skipped
    assert capital["young"] == 1 and "voters" in lower  # the first "Young" starts a sentence
    headline = build_common_words.count_cases(["Then Hillary Clinton Caught Lying About Emails Again."])
    assert headline == ({}, {})  # a title-case headline says nothing about how news writes its words
    table = build_common_words.table(lower, capital)
    assert "\nturnout,2,0\n" not in table  # fewer than MIN_LOWER lower-case uses: not listed
    assert table.startswith("# words.csv") and "word,lower,capital\n" in table


def test_the_shipped_counts_say_how_news_writes_words():
    assert discover.usually_lower("turnout") and discover.usually_lower("Somehow")
    assert not discover.usually_lower("Republican") and discover.usually_capital("Republican")
    assert not discover.usually_capital("international")


def test_a_broken_counts_file_names_the_file_and_line(tmp_path, monkeypatch):
    broken = tmp_path / "words.csv"
    broken.write_text("word,lower,capital\nturnout,7,1\nyoung,many,6\n", encoding="utf-8")
    monkeypatch.setattr(discover, "COMMON_WORDS", broken)
    discover._case_counts.cache_clear()
    try:
        with pytest.raises(DataError, match=r"words\.csv:3"):
            discover.usually_lower("young")
    finally:
        discover._case_counts.cache_clear()
