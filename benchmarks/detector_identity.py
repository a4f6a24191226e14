"""Check: the learned detector's outputs, written out so that two checkouts can be compared exactly.

    PYTHONPATH=OLD python benchmarks/detector_identity.py old.jsonl
    PYTHONPATH=NEW python benchmarks/detector_identity.py new.jsonl
    python benchmarks/detector_identity.py --compare old.jsonl new.jsonl

A change meant to make the detector faster must not change what it reports. For every text
(the seeds, gold/extra/corpus, and the first PTC articles and BABE sentences when the datasets
are present) one line records the loaded terms `analyze` reports at the default threshold and at
the model file's recall-heavy one, every field of the model's finds (confidence as `repr`, so
to the last bit), the finds of the slow feature-row path, and a hash of every token's probability
and of every sentence's (to 12 digits: its sum runs in set order, which varies by process).
`--compare` names the first texts that differ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _texts(ptc: int, babe: int) -> list[tuple[str, str]]:
    from framing import api
    from framing.evaluation import datasets
    from framing.ingest.corpus import ReadOptions

    texts = [(f"seed-{a.meta.id}", a.text) for a in api.articles(ROOT / "seeds", ReadOptions())]
    texts += [(f"extra-{a.meta.id}", a.text) for a in api.articles(ROOT / "gold/extra/corpus", ReadOptions())]
    folder = datasets.dataset_dir("ptc")
    if folder is not None and ptc:
        texts += [(e.id, e.text) for e in datasets.ptc(folder)[:ptc]]
    folder = datasets.dataset_dir("babe")
    if folder is not None and babe:
        texts += [(e.id, e.text) for e in datasets.babe(folder)[:babe]]
    return texts


def _digest(values: list[float]) -> str:
    return hashlib.sha256(repr(values).encode()).hexdigest()[:16]


def record(text_id: str, text: str, lex) -> dict:  # noqa: ANN001 - Lexicons
    from dataclasses import asdict

    from framing.extract.learned import model_terms
    from framing.extract.loaded import find_loaded_terms
    from framing.extract.quotes import find_quotes
    from framing.model.detector import shipped
    from framing.text import Doc

    detector = shipped()
    out: dict = {"id": text_id}
    for threshold in (None, detector.threshold):
        doc = Doc(text)
        find_quotes(doc, lex)  # as analyze does: the detector reads the quote extractor's marks
        terms = find_loaded_terms(doc, lex, threshold)
        out[f"loaded@{threshold}"] = [{**t.to_dict(), "confidence": repr(t.confidence)} for t in terms]
        model = model_terms(Doc(text), lex, threshold or 0.6)
        out[f"model@{threshold}"] = [{**t.to_dict(), "confidence": repr(t.confidence)} for t in model]
    doc = Doc(text)
    _, probs = detector.score(doc, lex)
    rows = detector.rows(doc, lex)
    slow = detector.token_probabilities(rows)
    out["probs"] = _digest(probs)
    out["rows"] = _digest(slow)
    # rounded: the sentence model adds up its stem features in set order, which varies by process
    out["sentences"] = _digest([round(p, 12) for p in detector.sentence_probabilities(doc, rows, slow)])
    out["rows-finds"] = [
        {**asdict(f), "confidence": repr(f.confidence)} for f in detector.find(doc, lex, detector.threshold, rows)
    ]
    return out


def compare(old: Path, new: Path) -> int:
    a = old.read_text(encoding="utf-8").splitlines()
    b = new.read_text(encoding="utf-8").splitlines()
    differ = [json.loads(x)["id"] for x, y in zip(a, b, strict=False) if x != y]
    finds = sum(len(json.loads(x)["model@0.175"]) + len(json.loads(x)["loaded@None"]) for x in a)
    print(f"{len(a)} / {len(b)} texts, {finds} terms in the old file; {len(differ)} texts differ")
    for text_id in differ[:10]:
        print("  differs:", text_id)
    return 0 if not differ and len(a) == len(b) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, nargs="+")
    parser.add_argument("--compare", action="store_true", help="compare two files written before")
    parser.add_argument("--ptc", type=int, default=150, help="PTC articles (first by id)")
    parser.add_argument("--babe", type=int, default=400, help="BABE sentences (first in the file)")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.output)
    from framing import api

    lex = api.lexicons(())
    with args.output[0].open("w", encoding="utf-8") as out:
        for text_id, text in _texts(args.ptc, args.babe):
            out.write(json.dumps(record(text_id, text, lex), ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
