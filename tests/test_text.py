from framing.text import Doc, tokenize


def test_tokens_keep_hyphenated_and_possessive_words_whole():
    tokens = [t.text for t in tokenize("After the US-backed coup, the so-called Kremlin’s line held.")]
    assert tokens == ["After", "the", "US-backed", "coup", "the", "so-called", "Kremlin’s", "line", "held"]


def test_token_offsets_index_the_text():
    text = "Kirby said: “These forces are not going to fight.”"
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


def test_sentences_respect_abbreviations_and_blank_lines():
    text = "The U.S. response came on Jan. 26 in Brussels. Blinken spoke.\n\nA heading\n\nNext paragraph."
    doc = Doc(text)
    sentences = [text[s:e] for s, e in doc.sentences]
    assert sentences == [
        "The U.S. response came on Jan. 26 in Brussels.",
        "Blinken spoke.",
        "A heading",
        "Next paragraph.",
    ]
    assert doc.sentence_index(text.index("Blinken")) == 1


def test_stop_word_copy_is_scikit_learns_list():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as sklearn_stops

    from framing.text import ENGLISH_STOP_WORDS, english_stop_words

    assert frozenset(sklearn_stops) == ENGLISH_STOP_WORDS
    assert english_stop_words() is ENGLISH_STOP_WORDS
