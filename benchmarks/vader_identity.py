"""Check that framing's fast VADER returns the library's dict bit for bit, and time both.

    .venv/bin/python benchmarks/vader_identity.py [--spans 2] [--random 100000] [--limit N]

framing.extract.vader_fast re-implements vaderSentiment 3.3.2's polarity_scores for speed; this
compares the two analyzers on real text: every sentence (and every whole text) of seeds/ and
gold/, the sentences of the public datasets in ../shared/datasets (BABE SG1 and SG2, NewsMTSC
train and devtest, PolNeAR, PTC, SFU; each skipped with a message where absent), the windows
the target-sentiment model scores around each NewsMTSC target, random word spans and
character spans of every sentence, and random sequences of the words VADER's rules look at
(negations, boosters, "but", "least", "kind of", idioms, ALL CAPS, emoticons, emojis, "!" and
"?"). Two dicts are equal only when their keys come in the same order and every value has the
same type and the same bits (``float.hex``): 0.0 and -0.0 differ; and the list of per-word
scores that both sum must be equal in the same way (so a difference the rounding hides counts too).

Then it times polarity_scores per call on the same inputs, CPU time, alternating the library
and the fast analyzer round by round so that machine load hits both alike, and prints best and
median of each and their ratio; also the first pass of a fresh fast analyzer (its word cache
empty). Exit status 1 if any input differs.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

from framing import api
from framing.evaluation import datasets, polnear
from framing.extract.target_sentiment import WINDOW
from framing.extract.vader_fast import FastSentimentIntensityAnalyzer
from framing.text import Doc

ROOT = Path(__file__).resolve().parents[1]
# The target model's tokens (framing.extract.target_sentiment): its windows end on these.
_TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")

# Words and marks VADER's rules single out, for random sequences that reach every branch.
RULE_WORDS = (
    *("no", "No", "NO", "not", "NOT", "never", "Never", "isn't", "dont", "don't", "without", "nor", "or", "cannot"),
    *("so", "this", "doubt", "least", "at", "very", "VERY", "kind", "of", "sort", "kinda", "just", "enough"),
    *("but", "BUT", "But", "the", "shit", "bomb", "bad", "ass", "badass", "bus", "stop", "yeah", "right"),
    *("kiss", "death", "to", "die", "for", "beating", "heart", "extremely", "barely", "uber", "FRIGGIN"),
    *("good", "GOOD", "Good", "great", "bad", "BAD", "horrible", "love", "hate", "kill", "war", "peace", "fun"),
    *("sux", "lol", ":)", ":(", ":D", ":-)", "<3", "\U0001f618", "\U0001f600", "\u2764", "\u00a9", "!!", "?"),
    *("said", "police", "He", "plan", "I", "A", "OK", "US", "\u00e9t\u00e9", "\u0130stanbul", "Stra\u00dfe"),
)
_MARKS = ("", "", "", "", ",", ".", "!", "?", "!!!", "??", "...", '"', "'", "(", ")", ":", "-", "\u201d", "\u2019s")


def identical(a: dict[str, float], b: dict[str, float]) -> bool:
    """Same keys in the same order, same value types and the same bits."""

    def key(d: dict[str, float]) -> list[tuple[str, str, str]]:
        return [(k, type(v).__name__, v.hex() if isinstance(v, float) else repr(v)) for k, v in d.items()]

    return key(a) == key(b)


def library_word_scores(lib: SentimentIntensityAnalyzer, text: str) -> list[object]:
    """The per-word scores the library sums: its polarity_scores up to score_valence, by its own methods."""
    text_no_emoji = ""
    prev_space = True
    for char in text:
        if char in lib.emojis:
            if not prev_space:
                text_no_emoji += " "
            text_no_emoji += lib.emojis[char]
            prev_space = False
        else:
            text_no_emoji += char
            prev_space = char == " "
    sentitext = SentiText(text_no_emoji.strip())
    words = sentitext.words_and_emoticons
    sentiments: list[object] = []
    for i, item in enumerate(words):
        kind_of = i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
        if item.lower() in BOOSTER_DICT or kind_of:
            sentiments.append(0)
            continue
        sentiments = lib.sentiment_valence(0, sentitext, item, i, sentiments)
    return list(lib._but_check(words, sentiments))


def bits(values: list[object]) -> list[tuple[str, str]]:
    return [(type(v).__name__, v.hex() if isinstance(v, float) else repr(v)) for v in values]


def sentences(text: str) -> list[str]:
    doc = Doc(text)
    return [text[s:e] for s, e in doc.sentences]


def project_texts() -> Iterator[tuple[str, list[str]]]:
    """Seeds and the gold corpora: whole texts and their sentences, as framing splits them."""
    corpora: list[tuple[str, Path | None]] = [("seeds", None)]
    corpora += [("gold/extra", ROOT / "gold" / "extra" / "corpus"), ("gold/claims", ROOT / "gold" / "claims")]
    for name, path in corpora:
        texts = []
        folders = [path] if path is None or name != "gold/claims" else sorted(p for p in path.iterdir() if p.is_dir())
        for folder in folders:
            for article in api.articles(folder):
                texts.append(article.text)
                texts += sentences(article.text)
        yield name, texts


def newsmtsc_windows(text: str, start: int, end: int) -> list[str]:
    """The four texts framing.extract.target_sentiment.dense_features scores for one target."""
    tokens = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    left = [t for t in tokens if t[1] <= start][-WINDOW:]
    right = [t for t in tokens if t[0] >= end][:WINDOW]
    left_text = text[left[0][0] : start] if left else ""
    right_text = text[end : right[-1][1]] if right else ""
    return [f"{left_text} {right_text}", left_text, right_text]


def dataset_texts(root: Path | None) -> Iterator[tuple[str, list[str]]]:
    """Sentences of each public dataset found under ``root``; a message for each one absent."""
    readers: dict[str, Callable[[Path], list[str]]] = {
        "babe": _babe,
        "newsmtsc": _newsmtsc,
        "polnear": lambda f: [s for texts in polnear.articles(f).values() for s in sentences(texts[0].text)],
        "ptc": lambda f: [line for e in datasets.ptc(f) for line in e.text.splitlines() if line.strip()],
        "sfu_speculation": lambda f: [s for e in datasets.sfu(f) for s in sentences(e.text)],
    }
    for name, read in readers.items():
        folder = datasets.dataset_dir(name, root)
        if folder is None:
            print(f"  {name}: not found under {root or datasets.default_root()}, skipped")
            continue
        yield name, read(folder)


def _babe(folder: Path) -> list[str]:
    texts = [e.text for e in datasets.babe(folder)]
    sg1 = folder / "final_labels_SG1.csv"
    if sg1.is_file():
        with sg1.open(encoding="utf-8-sig", newline="") as handle:
            texts += [row["text"] for row in csv.DictReader(handle, delimiter=";") if row.get("text")]
    return texts


def _newsmtsc(folder: Path) -> list[str]:
    texts = []
    for split in datasets.NEWSMTSC_SPLITS:
        for sentence in datasets.newsmtsc(folder, split):
            texts.append(sentence.text)
            for target in sentence.targets:
                texts += newsmtsc_windows(sentence.text, target.start, target.end)
    return texts


def spans(texts: list[str], per_text: int, rng: random.Random) -> list[str]:
    """Random runs of whole words (joined by one space) and random character slices of each text."""
    out = []
    for text in texts:
        words = text.split()
        for _ in range(per_text if words else 0):
            a = rng.randrange(len(words))
            b = rng.randrange(a, min(len(words), a + 20)) + 1
            out.append(" ".join(words[a:b]))
            i = rng.randrange(len(text))
            out.append(text[i : i + rng.randrange(1, 120)])
    return out


def rule_sequences(count: int, rng: random.Random) -> list[str]:
    """Random sequences of RULE_WORDS with punctuation attached, 0 to 9 words."""
    out = []
    for _ in range(count):
        words = []
        for _ in range(rng.randrange(10)):
            word = rng.choice(RULE_WORDS)
            words.append(rng.choice(_MARKS) + word + rng.choice(_MARKS) if rng.random() < 0.3 else word)
        out.append(rng.choice(("", " ", "  ", "\t")).join(words) if words else rng.choice(("", " ", "!?", "\n")))
    return out


def compare(name: str, texts: list[str], lib: SentimentIntensityAnalyzer, fast: FastSentimentIntensityAnalyzer) -> int:
    """Print the count compared and equal; return the number that differ (the first few are shown)."""
    different = 0
    for text in texts:
        expected, got = lib.polarity_scores(text), fast.polarity_scores(text)
        words_equal = bits(library_word_scores(lib, text)) == bits(fast.word_scores(text)[0])
        if not identical(expected, got) or not words_equal:
            different += 1
            if different <= 5:
                print(f"    DIFFERS: {text[:100]!r}\n      library {expected}\n      fast    {got}")
                print(f"      per-word scores {'equal' if words_equal else 'differ'}")
    print(f"  {name:28} compared {len(texts):9,}  equal {len(texts) - different:9,}  distinct {len(set(texts)):9,}")
    return different


def cpu_per_call(analyzer: SentimentIntensityAnalyzer, texts: list[str]) -> float:
    start = time.process_time()
    for text in texts:
        analyzer.polarity_scores(text)
    return (time.process_time() - start) / len(texts)


def timing(texts: list[str], rounds: int) -> None:
    lib = SentimentIntensityAnalyzer()
    cold = cpu_per_call(FastSentimentIntensityAnalyzer(), texts)  # a fresh analyzer: every word new to its cache
    fast = FastSentimentIntensityAnalyzer()
    runs: dict[str, list[float]] = {"library": [], "fast": []}
    for _ in range(rounds):  # alternating, so slow phases of the machine hit both
        runs["library"].append(cpu_per_call(lib, texts))
        runs["fast"].append(cpu_per_call(fast, texts))
    print(f"CPU time per call on {len(texts):,} inputs, {rounds} alternating rounds:")
    for name, values in runs.items():
        print(f"  {name:8} best {1e6 * min(values):7.2f} us  median {1e6 * statistics.median(values):7.2f} us")
    best = min(runs["library"]) / min(runs["fast"])
    median = statistics.median(runs["library"]) / statistics.median(runs["fast"])
    print(f"  ratio library / fast: best {best:.2f}x  median {median:.2f}x")
    ratio = min(runs["library"]) / cold
    print(f"  fast, first pass of a fresh analyzer (cold word cache): {1e6 * cold:.2f} us, {ratio:.2f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=None, help="datasets folder (default: ../shared/datasets)")
    parser.add_argument("--spans", type=int, default=1, help="random word and character spans per sentence")
    parser.add_argument("--random", type=int, default=100_000, help="random sequences of rule words")
    parser.add_argument("--limit", type=int, default=0, help="at most this many texts per source (0: all)")
    parser.add_argument("--rounds", type=int, default=5, help="alternating timing rounds")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    lib, fast = SentimentIntensityAnalyzer(), FastSentimentIntensityAnalyzer()
    start = time.perf_counter()
    sources = [*project_texts(), *dataset_texts(args.datasets)]
    sample: list[str] = []
    total = different = 0
    print("Library (vaderSentiment) against framing.extract.vader_fast, bit for bit:")
    for name, texts in sources:
        texts = texts[: args.limit] if args.limit else texts
        sample += texts[:: max(1, len(texts) // 2000)]
        for label, batch in ((name, texts), (f"{name} spans", spans(texts, args.spans, rng))):
            different += compare(label, batch, lib, fast)
            total += len(batch)
    edge = rule_sequences(args.random, rng)
    different += compare("rule-word sequences", edge, lib, fast)
    total += len(edge)
    print(f"  {'all':28} compared {total:9,}  equal {total - different:9,}  ({time.perf_counter() - start:.0f} s)")
    timing(sample, args.rounds)
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
