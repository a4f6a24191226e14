"""Benchmark: how often an exercise key is right, measured against the hand annotations in gold/.

    PYTHONPATH=. .venv/bin/python benchmarks/exercise_keys.py [--seeds 5]

Builds every exercise kind at both levels with seeds 1..N on the seed corpus (gold/seeds) and on
the other-topic corpus (gold/extra: court, election, storm, strike, trade), and scores each keyed
answer once (the same answer on several sheets counts once) against the gold annotations:

* loaded-term keys: the answer overlaps a gold loaded term;
* classify keys: a sentence keyed "plain statement" holds no gold loaded term, hedge or quote; one
  keyed "loaded wording" holds a gold loaded term or scare quote;
* neutral alternatives: how many are story-specific (a neutral of an entry scoped in
  lexicons/stories.csv's sense) in an article that is not on that story;
* "who is speaking" keys: the keyed quote overlaps a gold quote, and its speaker is the gold speaker.

Run it with PYTHONPATH pointing at another checkout to score that checkout's keys on the same gold
(the baseline: the code before keys were checked). Figures are counts with precision beside them.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
from collections import defaultdict
from pathlib import Path

from framing import api
from framing.classroom.exercises import KINDS, LEVELS, build_exercise
from framing.errors import FramingError
from framing.evaluate import read_gold

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "seeds": (ROOT / "gold" / "seeds", None),
    "extra": (ROOT / "gold" / "extra", ROOT / "gold" / "extra" / "corpus"),
}


def _scoped_neutrals() -> dict[str, str]:
    """neutral wording -> story, for the story-scoped rows of this checkout's loaded-term lexicons."""
    scoped = {}
    for name in ("loaded_terms.csv", "general.csv"):
        lines = [
            x for x in (ROOT / "lexicons" / name).read_text(encoding="utf-8").splitlines() if not x.startswith("#")
        ]
        for row in csv.DictReader(io.StringIO("\n".join(lines))):
            if row.get("story"):
                scoped[row["neutral"]] = row["story"]
    return scoped


def _stories_of(text: str) -> set[str]:
    """The stories of lexicons/stories.csv whose cues `text` holds (read here, so the baseline needs no new code)."""
    lines = [x for x in (ROOT / "lexicons" / "stories.csv").read_text(encoding="utf-8").splitlines()]
    on = set()
    for row in csv.DictReader(io.StringIO("\n".join(x for x in lines if not x.startswith("#")))):
        cues = {c for c in row["cues"].split(";") if c and re.search(rf"(?<!\w){re.escape(c)}(?!\w)", text)}
        if len(cues) >= int(row["min_cues"]):
            on.add(row["story"])
    return on


def _overlaps(start: int, end: int, spans) -> list:
    return [s for s in spans if s.start < end and start < s.end]


def _norm(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip().lower())


def measure(name: str, seeds: int, scoped: dict[str, str]) -> dict[str, list[int]]:
    gold_folder, corpus = CORPORA[name]
    features = api.analyze(corpus)
    gold = {g.id: g.items for g in read_gold(gold_folder)}
    stories = {f.id: _stories_of(f.text) for f in features}
    seen: dict[str, dict] = defaultdict(dict)  # measure -> answer key -> correct?
    for kind in KINDS:
        for level in LEVELS:
            for seed in range(1, seeds + 1):
                try:
                    exercise = build_exercise(kind, features, level, seed=seed)
                except FramingError:
                    continue
                for item in exercise.items:
                    for panel in item.panels:
                        ex = panel.excerpt
                        article = ex.source.article_id
                        g = gold.get(article, {})
                        if kind == "classify":
                            key = (article, ex.start, ex.end)
                            spans = (ex.start, ex.end)
                            loaded = _overlaps(*spans, g.get("loaded_terms", [])) + _overlaps(
                                *spans, g.get("scare_quotes", [])
                            )
                            if item.correct == ["plain statement"]:
                                marked = _overlaps(*spans, g.get("hedges", [])) + _overlaps(*spans, g.get("quotes", []))
                                seen["classify: plain"][key] = not loaded and not marked
                            if "loaded wording" in item.correct:
                                seen["classify: loaded"][key] = bool(loaded)
                        for a in panel.answers:
                            start, end = ex.start + a.start, ex.start + a.end
                            key = (article, start, end)
                            if a.finding == "loaded term" and a.required:
                                seen["loaded-term keys"][key] = bool(_overlaps(start, end, g.get("loaded_terms", [])))
                            if a.alternative:
                                story = scoped.get(a.alternative) or scoped.get(
                                    a.alternative[:1].lower() + a.alternative[1:]
                                )
                                seen["alternatives on their story"][key] = not story or story in stories[article]
                            if kind == "sources" and a.finding == "quote":
                                matches = _overlaps(start, end, g.get("quotes", []))
                                who = _norm(a.note.split(" (")[0])
                                names = {_norm(m.attrs.get("speaker", "")) for m in matches}
                                for m in matches:
                                    names |= {_norm(x) for x in m.attrs.get("speaker_also", "").split(" | ") if x}
                                seen["sources: quote keyed"][key] = bool(matches)
                                seen["sources: speaker right"][key] = who in names
    return {m: [len(v), sum(v.values())] for m, v in seen.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5, help="sheets per kind and level (random seeds 1..N)")
    args = parser.parse_args(argv)
    scoped = _scoped_neutrals()
    print(f"{'corpus':8} {'measure':30} {'keyed':>6} {'right':>6} {'precision':>9}")
    for name in CORPORA:
        for measure_name, (keyed, right) in sorted(measure(name, args.seeds, scoped).items()):
            share = f"{right / keyed:.2f}" if keyed else "-"
            print(f"{name:8} {measure_name:30} {keyed:6d} {right:6d} {share:>9}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
