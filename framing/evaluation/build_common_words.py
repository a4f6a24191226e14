"""Count how news writes each word inside a sentence, lower case or capitalised, from NewsMTSC ``train.jsonl`` (MIT).

    python -m framing.evaluation.build_common_words [--data DIR] [--out framing/models/common_words/words.csv]

Actor discovery has to decide whether a capitalised word that starts a sentence ("Turnout was
high", "Young said") is a name. The first word of a sentence is capitalised whatever it is, so the
evidence is how the same word is written elsewhere: inside sentences, "turnout" is almost always
lower case and "Young" is often a surname. These counts come from the 7,758 news sentences of
NewsMTSC's training split only (the devtest splits, which measure discovery, are never read), and
skip every position where English capitalises anyway: a sentence's first word, a word after an
opening quotation mark, a colon, a dash or a bracket, and every word of a title-case sentence (a
headline: most of its longer words capitalised, "Hillary Clinton Caught Lying About Emails"). Words
written in capitals ("US", "NATO") are counted as neither. Only words seen in lower case at least
:data:`MIN_LOWER` times are kept: a word news never writes in lower case needs no entry.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from framing.evaluation import datasets

if TYPE_CHECKING:
    from framing.text import Token

OUT = Path(__file__).resolve().parents[1] / "models" / "common_words" / "words.csv"
MIN_LOWER = 3
TITLE_CASE = 0.6  # a sentence whose words of 4+ letters are capitalised at least this often is a headline
_OPENERS = re.compile("[\"“‘:—–(\\[]")
HEADER = """\
# words.csv - how often news writes a word in lower case and capitalised inside a sentence.
# Columns:
#   word    - the word, lower case.
#   lower   - times written all in lower case ("turnout").
#   capital - times written with a capital first letter and not all in capitals ("Turnout", "Young").
# Counted in the sentences of NewsMTSC train.jsonl (MIT, Copyright 2020 Felix Hamborg; see SOURCE.md),
# skipping each sentence's first word, words after an opening quotation mark, colon, dash or bracket, and
# title-case sentences (headlines);
# only words written in lower case at least 3 times are listed. Read by framing/extract/discover.py.
# Rebuild: python -m framing.evaluation.build_common_words --data ../shared/datasets
"""


def count_cases(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """(lower, capital) counts of every alphabetic word inside the sentences of ``texts``."""
    from framing.text import sentence_spans, tokenize

    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for text in texts:
        for start, end in sentence_spans(text):
            tokens = tokenize(text[start:end], start)
            if _title_case(tokens):
                continue
            for before, token in zip(tokens, tokens[1:], strict=False):
                word = token.text
                if not word.isalpha() or len(word) < 2 or _OPENERS.search(text[before.end : token.start]):
                    continue
                if word.islower():
                    lower[word] += 1
                elif word[0].isupper() and not word.isupper():
                    capital[word.lower()] += 1
    return lower, capital


def _title_case(tokens: Sequence[Token]) -> bool:
    """A headline in title case: most words of four letters or more after the first are capitalised."""
    long = [t.text for t in tokens[1:] if len(t.text) >= 4 and t.text.isalpha()]
    return len(long) >= 3 and sum(1 for w in long if w[0].isupper()) >= TITLE_CASE * len(long)


def table(lower: Counter[str], capital: Counter[str]) -> str:
    """The file's text: header, then one row per word written in lower case at least MIN_LOWER times."""
    rows = [f"{w},{n},{capital[w]}\n" for w, n in sorted(lower.items()) if n >= MIN_LOWER]
    return HEADER + "word,lower,capital\n" + "".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="the datasets folder (default ../shared/datasets)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    folder = datasets.dataset_dir("newsmtsc", args.data)
    if folder is None:
        print("newsmtsc: dataset not found, nothing built", file=sys.stderr)
        return 1
    sentences = datasets.newsmtsc(folder, "train")
    text = table(*count_cases(s.text for s in sentences))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.out)
    print(f"{args.out}: {text.count(chr(10)) - HEADER.count(chr(10)) - 1} words from {len(sentences)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
