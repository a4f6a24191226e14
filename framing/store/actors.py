"""The actor table of a feature store, aggregated from its stored mentions instead of every text.

:func:`framing.score.actor_table.actor_table` discovers the actors in every article and scores
every mention of the top ones: at 100,000 articles that meant decoding every stored analysis
(about 18 minutes and several GiB). The store keeps each analysis's discovered mentions (the
``mentions`` table, framing/store/rows.py), so here:

1. the actors are merged from per-name aggregates summed in DuckDB (mentions, first kind, first
   group), by the same merging as the in-memory table
   (:func:`framing.extract.discover.merge_short_names`), and the top ones kept;
2. each outlet's mention and article counts of them are counted in DuckDB, over everything;
3. only then are mentions scored with the target model, reading from the store only the
   clipped sentences the model reads (:func:`framing.score.actor_table.context_windows`), and
   for an (outlet, actor) pair mentioned in more than :data:`SAMPLE_ARTICLES` articles only in a
   seeded random sample of that many of them, so the cost is bounded however large the store.
   The mean and the interval of such a row come from the sample (``sampled`` is True); its
   mention and article counts still count every article.

On a store where nothing is sampled the table equals ``actor_table(load_features(store))``
(tests/test_store_actors.py). A store written before mentions were stored is read the old
way: its mentions are found in the stored texts (as slow as before, memory bounded), with a
one-line notice; analysing it again stores them.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from framing.extract.discover import Actor, DiscoveredMention, merge_short_names
from framing.score.actor_table import COLUMNS, context_windows, outlet_row
from framing.score.bootstrap import DEFAULT_N_BOOT, rng_for
from framing.sides import Sides, group_mentions
from framing.store.aggregate import StoreCounts
from framing.store.database import ROW_TABLES, FeatureStore
from framing.store.rows import mention_rows

# An (outlet, actor) pair mentioned in more articles than this is scored on a seeded random sample of
# this many of them: 200 articles give a bootstrap interval a few hundredths wide, and keep the
# scoring at 100,000 articles to at most top x outlets x 200 articles (a minute at worst, not hours).
SAMPLE_ARTICLES = 200
# For the report's methods text (a row with sampled = True).
SAMPLING_NOTE = (
    f"Where an outlet mentions an actor in more than {SAMPLE_ARTICLES} articles, the mean sentiment toward "
    f"it and its interval come from a seeded random sample of {SAMPLE_ARTICLES} of those articles (marked "
    "sampled); its mention and article counts count every article."
)
BATCH = 512  # stored texts per batch when an older store's mentions are found in them
_COLUMNS = ROW_TABLES["mentions"]


def store_actor_table(
    path: Path | str,
    seed: int = 0,
    n_boot: int = DEFAULT_N_BOOT,
    top: int = 15,
    sides: Sides | None = None,
    sample: int = SAMPLE_ARTICLES,
    notice: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> pd.DataFrame:
    """The columns and meaning of :func:`framing.score.actor_table.actor_table`, for the store's latest
    analysis version; ``sample``: the most articles of one (outlet, actor) pair that are scored."""
    with FeatureStore(path, create=False) as store:
        counts = StoreCounts(store)
        table = _mention_table(counts, notice)
        chosen = _top_actors(counts, table, top, sides)
        if not chosen:
            return pd.DataFrame([], columns=COLUMNS)
        members = pd.DataFrame(
            [(member, k) for k, a in enumerate(chosen) for member in sorted(a.merged)], columns=["actor", "k"]
        )
        counts.db.register("chosen_members", members)
        try:
            _add_aliases(counts, table, chosen)
            return _rows(counts, table, chosen, seed, n_boot, sample)
        finally:
            counts.db.unregister("chosen_members")


def _mention_table(counts: StoreCounts, notice: Callable[[str], None]) -> str:
    """The table holding the current analyses' mentions: ``mentions``, or for a store written before
    they were stored, a temporary table of the mentions found in its texts."""
    db = counts.db
    columns = {
        r[0]
        for r in db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'analyses'"
        ).fetchall()
    }
    if "n_mentions" in columns:
        (missing,) = counts.query(
            "SELECT count(*) FROM current c JOIN analyses f USING (analysis) WHERE f.n_mentions IS NULL"
        ).fetchall()[0]
        if missing == 0:
            return "mentions"
    notice(
        f"framing: {counts.store.path} was written before discovered actor mentions were stored; finding them "
        "in the stored texts (slow on a large store; framing analyze --store stores them)"
    )
    db.execute(
        'CREATE OR REPLACE TEMP TABLE found_mentions (analysis BIGINT, start INTEGER, "end" INTEGER, '
        'sentence INTEGER, actor VARCHAR, kind VARCHAR, "group" VARCHAR, link VARCHAR, text VARCHAR, '
        "affiliation VARCHAR)"
    )
    texts = counts.query("SELECT DISTINCT analysis FROM current ORDER BY analysis").fetchnumpy()["analysis"]
    for start in range(0, len(texts), BATCH):
        ids = [int(i) for i in texts[start : start + BATCH]]
        found = db.execute(
            "SELECT analysis, text, n_sentences FROM analyses WHERE analysis IN (SELECT unnest($ids))", {"ids": ids}
        ).fetchall()
        rows = [(analysis, *m) for analysis, text, n in found for m in mention_rows(text, n)]
        if rows:
            db.register("found_rows", pd.DataFrame(rows, columns=list(_COLUMNS)))
            try:
                db.execute("INSERT INTO found_mentions SELECT * FROM found_rows")
            finally:
                db.unregister("found_rows")
    return "found_mentions"


# The order mentions are met in the in-memory table: articles in store order, each article's in text order.
_ORDER = '[c.seq, m.start, m."end"]'


def _top_actors(counts: StoreCounts, table: str, top: int, sides: Sides | None) -> list[Actor]:
    """The ``top`` actors, merged as framing.extract.discover.merge_actors merges them, from per-name sums:
    every mention counted, the first mention's group, the first kind that is not "name"
    (framing.extract.discover.count_actors says why)."""
    rows = counts.query(
        f"""SELECT m.actor, count(*),
                  arg_min(m.kind, {_ORDER}) FILTER (WHERE m.kind <> 'name'),
                  arg_min([m."group", m.text, m.affiliation, m.kind, m.link], {_ORDER})
           FROM current c JOIN {table} m USING (analysis) GROUP BY m.actor"""
    ).fetchall()
    actors: dict[str, Actor] = {}
    for name, n, kind, (group, text, affiliation, first_kind, link) in rows:
        if sides is not None:  # the group of the first mention, as --sides groups it
            first = DiscoveredMention(0, 0, text, name, group, 0, first_kind, link, affiliation=affiliation)
            group = group_mentions([first], sides)[0].group
        actors[name] = Actor(name, kind or "name", group, mentions=int(n), merged={name})
    return merge_short_names(actors)[:top]


def _add_aliases(counts: StoreCounts, table: str, chosen: list[Actor]) -> None:
    """Each chosen actor's surface forms other than pronouns, over all its merged names."""
    for k, aliases in counts.query(
        f"""SELECT x.k, list(DISTINCT m.text) FROM current c JOIN {table} m USING (analysis)
           JOIN chosen_members x ON x.actor = m.actor WHERE m.link <> 'pronoun' GROUP BY x.k"""
    ).fetchall():
        chosen[k].aliases = set(aliases)


def _rows(counts: StoreCounts, table: str, chosen: list[Actor], seed: int, n_boot: int, sample: int) -> pd.DataFrame:
    """One row per outlet and chosen actor, outlets in store order, actors by mentions."""
    outlets = counts.query("SELECT outlet, count(*) FROM current GROUP BY outlet ORDER BY min(seq)").fetchall()
    index = {outlet: o for o, (outlet, _) in enumerate(outlets)}
    totals = {
        (index[outlet], int(k)): (int(n), int(articles))
        for outlet, k, n, articles in counts.query(
            f"""SELECT c.outlet, x.k, count(*), count(DISTINCT c.seq) FROM current c JOIN {table} m USING (analysis)
               JOIN chosen_members x ON x.actor = m.actor GROUP BY ALL"""
        ).fetchall()
    }
    picked = _picked_articles(counts, table, outlets, chosen, totals, seed, sample)
    scores = _scores(counts, table, picked)
    found: dict[tuple[int, int], list[list[float]]] = defaultdict(list)
    for seq, k, o in sorted(picked):  # store order within each pair, as the in-memory table
        found[(o, k)].append(scores[(seq, k)])
    rows = []
    for o, (outlet, n_articles) in enumerate(outlets):
        for k, actor in enumerate(chosen):
            if (o, k) in totals:
                n, articles = totals[(o, k)]
                rows.append(
                    outlet_row(outlet, actor, found[(o, k)], n_articles, seed, n_boot, (n, articles), articles > sample)
                )
    return pd.DataFrame(rows, columns=COLUMNS)


def _picked_articles(
    counts: StoreCounts,
    table: str,
    outlets: list[tuple[str, int]],
    chosen: list[Actor],
    totals: dict[tuple[int, int], tuple[int, int]],
    seed: int,
    sample: int,
) -> list[tuple[int, int, int]]:
    """(article seq, actor, outlet) to score: every article of a pair with at most ``sample`` of them, else
    a seeded random sample of ``sample`` of them.

    The sample of a pair is its ``sample`` articles that come first in one seeded random order of the
    outlet's articles: a uniform random sample of the pair's articles, and the samples of one outlet's
    actors overlap as much as they can, so fewer articles are read (and actors are compared on the
    same articles where they share them).
    """
    db = counts.db
    db.register("outlet_index", pd.DataFrame({"outlet": [name for name, _ in outlets], "o": range(len(outlets))}))
    try:
        found = counts.query(
            f"""SELECT DISTINCT c.seq, x.k, i.o FROM current c JOIN {table} m USING (analysis)
               JOIN chosen_members x ON x.actor = m.actor JOIN outlet_index i ON i.outlet = c.outlet
               ORDER BY i.o, x.k, c.seq"""
        ).fetchnumpy()
        every = counts.query(
            "SELECT c.seq, i.o FROM current c JOIN outlet_index i ON i.outlet = c.outlet ORDER BY c.seq"
        ).fetchnumpy()
    finally:
        db.unregister("outlet_index")
    seqs, ks, os = (found[c].astype(np.int64) for c in ("seq", "k", "o"))
    order: dict[int, dict[int, float]] = {}  # outlet -> article seq -> its place in the outlet's random order

    def place(o: int) -> dict[int, float]:
        if o not in order:
            own = every["seq"][every["o"] == o].astype(np.int64)
            keys = rng_for(seed, f"{outlets[o][0]}/sample").random(len(own))
            order[o] = dict(zip(own.tolist(), keys.tolist(), strict=True))
        return order[o]

    picked: list[tuple[int, int, int]] = []
    starts = np.flatnonzero(np.diff(os * len(chosen) + ks)) + 1
    for part in np.split(np.arange(len(seqs)), starts):
        if len(part) == 0:
            continue
        o, k = int(os[part[0]]), int(ks[part[0]])
        pair = seqs[part].tolist()
        if totals[(o, k)][1] > sample:
            places = place(o)
            pair = sorted(sorted(pair, key=places.__getitem__)[:sample])
        picked += [(seq, k, o) for seq in pair]
    return picked


def _scores(counts: StoreCounts, table: str, picked: list[tuple[int, int, int]]) -> dict[tuple[int, int], list[float]]:
    """(article seq, actor) -> the target model's scores of the actor's mentions in the article, in text
    order, for every picked pair: each mention read in its window, the article's other mentions masked,
    as framing.score.actor_table.scored_mentions does. Only the windows are read from the store."""
    db = counts.db
    wanted = {(seq, k) for seq, k, _ in picked}
    db.register("picked", pd.DataFrame(sorted({seq for seq, _, _ in picked}), columns=["seq"]))
    try:
        mentions = counts.query(
            f"""SELECT c.seq, c.analysis, m.start, m."end", m.sentence, coalesce(x.k, -1) AS k
               FROM current c JOIN {table} m USING (analysis) LEFT JOIN chosen_members x ON x.actor = m.actor
               WHERE c.seq IN (SELECT seq FROM picked) ORDER BY c.seq, m.start, m."end" """
        ).fetchnumpy()
        bounds = {
            (seq, sentence): (start, end)
            for seq, sentence, start, end in counts.query(
                """SELECT c.seq, s.sentence, s.start, s."end" FROM current c JOIN findings s USING (analysis)
                   WHERE s.kind = 'sentence' AND c.seq IN (SELECT seq FROM picked)"""
            ).fetchall()
        }
    finally:
        db.unregister("picked")
    seqs = mentions["seq"].astype(np.int64)
    # (analysis, mention index) -> window; an analysis two articles share (wire copy) is read and scored once
    windows: dict[tuple[int, int], tuple[int, int, int, int, list[tuple[int, int]]]] = {}
    targets: list[tuple[int, int, int, int]] = []  # (seq, actor, analysis, mention index), in text order
    for part in np.split(np.arange(len(seqs)), np.flatnonzero(np.diff(seqs)) + 1):
        if len(part) == 0:
            continue
        seq, analysis = int(seqs[part[0]]), int(mentions["analysis"][part[0]])
        starts, ends = mentions["start"][part].tolist(), mentions["end"][part].tolist()
        ks = mentions["k"][part].tolist()
        spans = list(zip(starts, ends, mentions["sentence"][part].tolist(), strict=True))
        wanted_here = [(seq, k) in wanted for k in ks]
        found = context_windows(spans, partial(_bound, bounds, seq), wanted_here.__getitem__)
        for n, start, end, others in found:
            windows.setdefault((analysis, n), (start, end, starts[n], ends[n], others))
            targets.append((seq, ks[n], analysis, n))
    scored = _score_windows(counts, windows)
    out: dict[tuple[int, int], list[float]] = defaultdict(list)
    for seq, k, analysis, n in targets:
        out[(seq, k)].append(scored[(analysis, n)])
    return out


def _bound(bounds: dict[tuple[int, int], tuple[int, int]], seq: int, sentence: int) -> tuple[int, int]:
    return bounds[(seq, sentence)]


def _score_windows(
    counts: StoreCounts, windows: dict[tuple[int, int], tuple[int, int, int, int, list[tuple[int, int]]]]
) -> dict[tuple[int, int], float]:
    """The target model's score of each window's mention, the window's text read from the store."""
    from framing.extract.target_sentiment import default_model

    keys = list(windows)
    frame = pd.DataFrame(
        [(w, key[0], windows[key][0], windows[key][1]) for w, key in enumerate(keys)],
        columns=["w", "analysis", "start", "end"],
    )
    counts.db.register("windows", frame)
    try:
        texts = counts.db.execute(
            """SELECT substring(f.text, w.start + 1, w."end" - w.start) FROM windows w JOIN analyses f USING (analysis)
               ORDER BY w.w"""
        ).fetchall()
    finally:
        counts.db.unregister("windows")
    model = default_model()
    out = {}
    for key, (text,) in zip(keys, texts, strict=True):
        start, _, m_start, m_end, others = windows[key]
        out[key] = model.score(text, m_start - start, m_end - start, others)
    return out
