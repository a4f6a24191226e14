"""Check that actor discovery and the target model give the same output as another checkout.

    .venv/bin/python benchmarks/discovery_identity.py [--against /work/main] [--polnear 300] [--newsmtsc 3000]

Speeding up :func:`framing.extract.discover.discover_mentions` and the target model must not
change a single mention, offset, actor, kind, link, group or score. This script computes, on the
seeds, ``gold/extra/corpus``, PolNeAR articles and NewsMTSC sentences (from ``../shared/datasets``,
skipped when absent) and a few hostile texts:

* every discovered mention, with every field (with and without the lexicons, and with a
  :class:`~framing.text.Doc` already used by quote extraction, as ``analyze --store`` would pass);
* the target model's probabilities and score for every mention of every article, and for every
  NewsMTSC gold target (with the other targets masked);
* the actor table of the seeds and of ``gold/extra/corpus``.

It runs itself under ``PYTHONPATH=<--against>`` in a subprocess (``--dump``) for the old figures,
computes the new ones in this process and prints how many items differ (exit 1 if any).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"
HOSTILE = [
    'Ruiz said "we won," he said. ' * 200 + "he " * 500,
    "TRUMP SAYS PORT IS CLOSED. The President of the United States and NATO met Ms. Ruiz. She left.",
    "After he won, Trump thanked them. Yet by 2008, after he lost, Obama's aides said he was fine.",
    "Vice President Ana Ruiz spoke. The vice president said she was tired. Bell praised her, and him.",
    "The International Longshore and Warehouse Union (ILWU) struck. The union said ILWU members and "
    "union leader Tom Bell, who chairs it, would meet U.S. officials. Dockworkers said they would stay.",
    '"Snowden must return," she said. Kaine: "He said it." Chaffetz, who criticized McCarthy\'s remarks, has his.',
    "Mr. King and Dr. J. R. R. Tolkien met al-Bashir and el-Sissi in Paris. Cohn, whom he met, left.",
    "\n\n".join(["Short line"] * 300),
    "It's late, and I’ve heard we're done. Don't forget the vote. (Photo) He left.",
]


def _texts(polnear: int, newsmtsc: int) -> dict[str, list[tuple[str, str]]]:
    """Name -> (id, text) of each text set."""
    from framing import api
    from framing.ingest.corpus import ReadOptions

    sets: dict[str, list[tuple[str, str]]] = {
        "seeds": [(a.id, a.text) for a in api.articles(None, ReadOptions())],
        "gold-extra": [(a.id, a.text) for a in api.articles(ROOT / "gold" / "extra" / "corpus", ReadOptions())],
        "hostile": [(str(i), t) for i, t in enumerate(HOSTILE)],
    }
    folder = DATASETS / "polnear" / "data"
    if folder.is_dir():
        files = sorted(folder.glob("*/text/*.txt"))
        step = max(1, len(files) // max(polnear, 1))
        sets["polnear"] = [(p.name, p.read_text(encoding="utf-8")) for p in files[::step][:polnear]]
    for split, text_id, text in _newsmtsc(newsmtsc):
        sets.setdefault(f"newsmtsc-{split}", []).append((text_id, text))
    return sets


def _newsmtsc(limit: int) -> list[tuple[str, str, str]]:
    folder = DATASETS / "newsmtsc"
    if not folder.is_dir():
        return []
    from framing.evaluation import datasets

    out = []
    for split in ("devtest_mt", "devtest_rw", "train"):
        sentences = datasets.newsmtsc(folder, split)
        step = max(1, len(sentences) // max(limit, 1))
        out += [(split, s.id, s.text) for s in sentences[::step][:limit]]
    return out


def _mention_rows(mentions: list[Any]) -> list[list[Any]]:
    return [[type(m).__name__, *dataclasses.astuple(m)] for m in mentions]


def compute(polnear: int, newsmtsc: int) -> dict[str, Any]:
    """Every figure compared, as JSON-ready lists keyed by what they are (floats are exact in JSON)."""
    from framing import api
    from framing.extract.discover import discover_mentions
    from framing.extract.features import analyze_article
    from framing.extract.quotes import find_quotes
    from framing.extract.target_sentiment import default_model
    from framing.ingest.corpus import ReadOptions
    from framing.lexicon.bundle import default_lexicons
    from framing.score.actor_table import actor_table, scored_mentions
    from framing.text import Doc

    lex = default_lexicons()
    model = default_model()
    out: dict[str, Any] = {}
    timing: dict[str, float] = {}
    for name, texts in _texts(polnear, newsmtsc).items():
        start = time.process_time()
        for text_id, text in texts:
            key = f"{name}/{text_id}"
            out[f"mentions {key}"] = _mention_rows(discover_mentions(text, lex))
            if name.startswith(("seeds", "gold", "hostile", "polnear")) or zlib.crc32(text_id.encode()) % 5 == 0:
                out[f"mentions no-lex {key}"] = _mention_rows(discover_mentions(text))
                doc = Doc(text)
                find_quotes(doc, lex)  # a Doc that analyze has used: its caches are shared
                out[f"mentions shared-doc {key}"] = _mention_rows(discover_mentions(text, lex, doc))
            spans = [SimpleNamespace(start=a, end=b) for a, b in Doc(text).sentences]
            f = SimpleNamespace(id=text_id, text=text, sentences=spans)
            out[f"scores {key}"] = [[m.start, m.end, s] for m, s in scored_mentions(f)]  # type: ignore[arg-type]
        timing[name] = time.process_time() - start
    folder = DATASETS / "newsmtsc"
    if folder.is_dir():
        from framing.evaluation import datasets

        for split in ("devtest_mt", "devtest_rw"):
            for s in datasets.newsmtsc(folder, split)[: newsmtsc or None]:
                for t in s.targets:
                    others = [(o.start, o.end) for o in s.targets if o is not t]
                    probabilities = list(model.probabilities(s.text, t.start, t.end, others))
                    score = model.score(s.text, t.start, t.end, others)
                    out[f"target {split}/{s.id}/{t.start}-{t.end}"] = [probabilities, score]
    for corpus in (None, ROOT / "gold" / "extra" / "corpus"):
        features = [analyze_article(a, lex) for a in api.articles(corpus, ReadOptions())]
        table = actor_table(features)
        out[f"actor table {corpus or 'seeds'}"] = json.loads(table.to_json(orient="split", double_precision=15))
    out["_timing"] = timing
    return out


def _compare(old: dict[str, Any], new: dict[str, Any]) -> int:
    old_timing, new_timing = old.pop("_timing"), new.pop("_timing")
    differ = [k for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)]
    kinds: dict[str, list[int]] = {}
    for k in old:
        kind = k.split(" ")[0] if not k.startswith("mentions ") else " ".join(k.split(" ")[:2]).split("/")[0]
        counts = kinds.setdefault(kind.split("/")[0], [0, 0])
        counts[0] += 1
        counts[1] += len(old[k]) if isinstance(old[k], list) else 1
    for kind, (n, items) in sorted(kinds.items()):
        print(f"{kind:40} {n:6} keys, {items:7} items")
    print(f"compared {len(old)} keys: {len(differ)} differ")
    for k in differ[:10]:
        print("DIFFERS:", k)
        a, b = old.get(k), new.get(k)
        if isinstance(a, list) and isinstance(b, list):
            for x, y in zip(a, b, strict=False):
                if x != y:
                    print("   old", x, "\n   new", y)
                    break
            if len(a) != len(b):
                print(f"   old has {len(a)}, new {len(b)}")
    for name in new_timing:
        print(f"cpu {name:24} old {old_timing.get(name, 0):7.2f} s   new {new_timing[name]:7.2f} s")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, default=Path("/work/main"))
    parser.add_argument("--polnear", type=int, default=300, help="PolNeAR articles (spread over the splits)")
    parser.add_argument("--newsmtsc", type=int, default=3000, help="NewsMTSC sentences per split")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--old", type=Path, help="keep the old figures in this file, and reuse them if it exists")
    args = parser.parse_args(argv)
    if args.dump:
        args.dump.write_text(json.dumps(compute(args.polnear, args.newsmtsc)), encoding="utf-8")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        dump = args.old or Path(tmp) / "old.json"
        if not dump.is_file():
            env = {**os.environ, "PYTHONPATH": str(args.against)}
            command = [sys.executable, __file__, "--dump", str(dump), "--polnear", str(args.polnear)]
            subprocess.run([*command, "--newsmtsc", str(args.newsmtsc)], env=env, check=True, cwd=args.against)
        old = json.loads(dump.read_text(encoding="utf-8"))
    new = json.loads(json.dumps(compute(args.polnear, args.newsmtsc)))
    return _compare(old, new)


if __name__ == "__main__":
    sys.exit(main())
