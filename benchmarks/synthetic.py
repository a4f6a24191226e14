"""A reproducible synthetic news corpus made by recombining the seed articles' sentences.

Real sentences keep the cost realistic (real quotes, names, loaded terms and hedges in
realistic density); recombining them gives any number of distinct articles. The same
`seed` always gives byte-identical output. Articles are written as JSONL one at a time,
so generating a million articles needs no more memory than generating ten.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

from framing import api
from framing.text import Doc

N_OUTLETS = 50


def seed_sentences() -> list[str]:
    """Every sentence of the seed corpus's cleaned text, in corpus order."""
    sentences = []
    for article in api.articles():
        doc = Doc(article.text)
        sentences.extend(" ".join(doc.text[s:e].split()) for s, e in doc.sentences)
    return [s for s in sentences if len(s.split()) >= 4]


def synthetic_records(n: int, mean_words: int = 600, seed: int = 0) -> Iterator[dict]:
    """n article records of about `mean_words` words (uniform in 0.5x..1.5x) from 50 outlets."""
    rng = random.Random(seed)
    pool = seed_sentences()
    for k in range(n):
        target = rng.randint(mean_words // 2, mean_words * 3 // 2)
        paragraphs, words = [], 0
        while words < target:
            paragraph = [rng.choice(pool) for _ in range(rng.randint(1, 3))]
            words += sum(len(s.split()) for s in paragraph)
            paragraphs.append(" ".join(paragraph))
        outlet = rng.randrange(N_OUTLETS)
        yield {
            "id": f"syn-{k:07d}",
            "outlet": f"outlet-{outlet:02d}",
            "outlet_name": f"Synthetic Outlet {outlet:02d}",
            "title": paragraphs[0][:80],
            "date": f"2022-{rng.randint(1, 2):02d}-{rng.randint(1, 28):02d}",
            "text": "\n\n".join(paragraphs),
        }


def write_corpus(path: Path, n: int, mean_words: int = 600, seed: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in synthetic_records(n, mean_words, seed):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
