"""Claim alignment at corpus scale: time and peak memory of blocked alignment on synthetic units.

Usage: python benchmarks/claims_scale.py [--articles 10000] [--units 10] [--story 20] [--trace]

The seed corpus's claim units are the templates. Articles are grouped into stories of
``--story`` articles from random outlets (of 50); every story gives each specific name
of the seeds (people, places, papers, actors but the five main ones) its own invented name and
shifts every number by its own offset, so two stories never report the same fact,
while the articles of one story repeat the story's facts in the seeds' own wording.
Each article has ``--units`` units drawn from its story's templates.

Printed: units, the memory a dense n x n float64 matrix would need, time to fit the
vectors and to align, candidate pairs, groups across outlets, and peak memory (the
process's maximum resident set size; with ``--trace``, also tracemalloc's peak of the
alignment alone, which slows it down).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from framing import api  # noqa: E402
from framing.claims.align import LINK_THRESHOLD, align  # noqa: E402
from framing.claims.similarity import MAIN_ACTORS, UnitSimilarity  # noqa: E402
from framing.claims.units import NUMBER_RE, Unit, corpus_units, numbers_in  # noqa: E402
from framing.text import TOKEN_RE, fold  # noqa: E402

N_OUTLETS = 50
SYLLABLES = ("ka", "ro", "mi", "tes", "var", "lo", "den", "pra", "su", "quin", "bel", "tor", "an", "zu", "ve")


def invented_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def _respell(template: Unit, names: dict[str, str], offset: int) -> str:
    def number(m: re.Match[str]) -> str:
        if m.group(2) or m.group(3):
            return m.group()  # decimals and "1.5 million" stay: the story's other numbers change
        return f"{int(m.group(1).replace(',', '')) + offset:,}"

    def word(m: re.Match[str]) -> str:
        key = fold(re.sub(r"['’]s$", "", m.group()))
        return names.get(key, m.group())

    return TOKEN_RE.sub(word, NUMBER_RE.sub(number, template.text))


def synthetic_units(articles: int, per_article: int, story_size: int, seed: int = 0) -> list[Unit]:
    """``articles`` x ``per_article`` units in stories of ``story_size`` articles (see the module docstring)."""
    rng = random.Random(seed)
    templates = corpus_units(api.analyze(), api.lexicons())
    specific = sorted({name for t in templates for name in t.names - MAIN_ACTORS})
    units: list[Unit] = []
    for story in range(0, articles, story_size):
        names = {name: invented_name(rng) for name in specific}
        offset = 7 * (story // story_size + 1)
        chosen = rng.sample(templates, min(len(templates), 2 * per_article))
        texts = [_respell(t, names, offset) for t in chosen]
        facts = [
            (text, numbers_in(text), frozenset(names.get(n, n) for n in t.names))
            for t, text in zip(chosen, texts, strict=True)
        ]
        for k in range(story, min(story + story_size, articles)):
            outlet = f"outlet-{rng.randrange(N_OUTLETS):02d}"
            start = 0
            for sentence, (text, numbers, unit_names) in enumerate(rng.sample(facts, per_article)):
                units.append(
                    Unit(f"syn-{k:07d}", outlet, sentence, start, start + len(text), text, numbers, unit_names)
                )
                start += len(text) + 1
    return units


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--units", type=int, default=10, help="claim units per article")
    parser.add_argument("--story", type=int, default=20, help="articles per story")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--trace", action="store_true", help="also measure the alignment with tracemalloc")
    args = parser.parse_args()

    clock = time.perf_counter()
    units = synthetic_units(args.articles, args.units, args.story, args.seed)
    n = len(units)
    print(f"units                 {n:,} ({args.articles:,} articles, stories of {args.story})")
    print(f"dense n x n would be  {8 * n * n / 2**30:,.1f} GiB of float64")
    print(f"built units in        {time.perf_counter() - clock:.1f} s; peak RSS so far {peak_rss_mib():,.0f} MiB")
    if args.trace:
        tracemalloc.start()
    clock = time.perf_counter()
    sim = UnitSimilarity(units)
    fitted = time.perf_counter() - clock
    fit_rss = peak_rss_mib()
    groups = align(units, sim)
    total = time.perf_counter() - clock
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if args.trace else None
    linked = [g for g in groups if len(g.outlets) > 1]
    print(f"fit vectors           {fitted:.1f} s; peak RSS so far {fit_rss:,.0f} MiB")
    print(f"align (incl. fit)     {total:.1f} s")
    print(f"candidate pairs       {sim.scored:,} sharing a block key (of {n * (n - 1) // 2:,} pairs)")
    print(f"similarities computed {len(sim._cache):,} (candidates >= {LINK_THRESHOLD} and complete-link checks)")
    print(f"groups across outlets {len(linked):,}, units in them {sum(len(g.units) for g in linked):,}")
    print(f"peak RSS              {peak_rss_mib():,.0f} MiB (whole process)")
    if traced is not None:
        print(f"tracemalloc peak      {traced:,.0f} MiB (alignment alone)")


if __name__ == "__main__":
    main()
