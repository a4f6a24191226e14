"""NLTK's Punkt and Snowball without the rest of NLTK, and the rest still there for whoever asks.

Each check runs in a fresh interpreter: what a process has imported is the thing under test."""

import subprocess
import sys
import textwrap


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_sentences_and_stems_import_only_the_nltk_modules_they_use():
    out = _run(
        """
        import sys
        from framing.text import sentence_spans, stem
        print(sentence_spans("Mr. Blinken met Mr. Lavrov in Geneva. No deal was reached."), stem("elections"))
        heavy = ("scipy", "sklearn", "nltk.corpus.reader", "nltk.classify", "nltk.translate")
        print(sorted(m for m in heavy if m in sys.modules))
        """
    )
    assert out.splitlines() == ["[(0, 37), (38, 58)] elect", "[]"]


def test_the_whole_of_nltk_is_there_for_other_code_in_the_same_process():
    out = _run(
        """
        from framing.text import stem
        stem("talks")
        import nltk
        from nltk.corpus import stopwords
        from nltk.tokenize import TreebankWordTokenizer
        print(type(stopwords).__name__, callable(nltk.word_tokenize), nltk.FreqDist("aab").most_common(1))
        print(TreebankWordTokenizer().tokenize("Talks failed, didn't they?"))
        """
    )
    assert out.splitlines() == [
        "LazyCorpusLoader True [('a', 2)]",
        "['Talks', 'failed', ',', 'did', \"n't\", 'they', '?']",
    ]


def test_an_nltk_imported_before_framing_is_left_as_it_is():
    out = _run(
        """
        import sys
        import nltk
        whole = sys.modules["nltk"]
        from framing.text import stem
        print(stem("negotiations"), sys.modules["nltk"] is whole, type(whole).__name__)
        """
    )
    assert out == "negoti True module"
