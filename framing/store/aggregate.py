"""Scores straight from the feature store: the engine sums, only per-article count rows reach Python.

`framing profile --store` and `compare --store` read the store through this module
instead of decoding every stored analysis: outlet sizes, quote balance, speakers and
loaded terms are SQL aggregations over ``articles``, ``findings`` and the count tables,
and the bootstrap gets one outlet's rows at a time (one row per article, or per
sentence for an outlet with too few articles to resample), fetched as columns. The rows
are the ones :mod:`framing.score.counts` makes from features, in the same order, so the
figures are those of a profile of the features themselves (tested).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from functools import partial

import numpy as np
import pandas as pd

from framing.analysis import TOP_SPEAKERS, TOP_TERMS, UNKNOWN_SPEAKER
from framing.errors import DataError
from framing.score.counts import ordered_columns
from framing.score.profile import QUOTE_SIDES, OutletCounts
from framing.store.database import FeatureStore

# A finding's position in store order: its article's seq, then its row (rows of one analysis are
# inserted in the order of the features' lists), so "first seen" means what it means over features.
_POSITION = "(seq::HUGEINT * 1099511627776 + x.rowid)"


class StoreCounts:
    """The count tables of one analysis version of a store (default: the latest run's)."""

    def __init__(self, store: FeatureStore, analysis_version: str | None = None) -> None:
        self.store = store
        self.version = analysis_version or store.latest_analysis_version()
        self.db = store.db
        if self.version is None or not self._query("SELECT 1 FROM current LIMIT 1").fetchall():
            raise DataError(store.path, "the feature store holds no analysed articles")

    def query(self, sql: str, params: Sequence = ()):
        """Run ``sql`` with ``current`` = this version's articles (see _query); for the store's other
        aggregations (framing/store/actors.py)."""
        return self._query(sql, params)

    def _query(self, sql: str, params: Sequence = ()):
        """Run ``sql`` with ``current`` = this version's articles (seq, outlet, ..., analysis, n_words, n_sentences)."""
        current = """
            WITH current AS (
                SELECT a.*, f.analysis, f.n_words, f.n_sentences
                FROM articles a JOIN analyses f ON f.content_hash = a.content_hash AND f.analysis_version = $version
            )
        """
        named = {"version": self.version, **{f"p{i}": v for i, v in enumerate(params)}}
        return self.db.execute(current + sql, named)

    # -- the profile ------------------------------------------------------------
    def outlets(self) -> list[OutletCounts]:
        """Every outlet, in the order its first article was stored, as framing.score.profile reads it."""
        rows = self._query(
            """SELECT outlet, arg_min(outlet_name, seq), count(*), sum(n_words), sum(n_sentences)
               FROM current GROUP BY outlet ORDER BY min(seq)"""
        ).fetchall()
        return [
            OutletCounts(
                outlet,
                name,
                int(n),
                int(words),
                int(sentences),
                partial(self.table, [outlet]),
                partial(self.actors, [outlet]),
            )
            for outlet, name, n, words, sentences in rows
        ]

    def article_seqs(self, outlets: list[str]) -> np.ndarray:
        query = "SELECT seq FROM current WHERE outlet IN (SELECT unnest($p0)) ORDER BY seq"
        return self._query(query, (outlets,)).fetchnumpy()["seq"]

    def table(self, outlets: list[str], unit: str = "sentences") -> pd.DataFrame:
        """The bootstrap rows of these outlets' articles: one per article (``unit="articles"``) or per sentence."""
        seqs = self.article_seqs(outlets)
        if len(seqs) == 0:
            return pd.DataFrame()
        names = self._query(
            """SELECT DISTINCT c.name FROM current JOIN article_counts c USING (analysis)
               WHERE outlet IN (SELECT unnest($p0))""",
            (outlets,),
        ).fetchall()
        columns = ordered_columns(n for (n,) in names)
        index = {c: i for i, c in enumerate(columns)}
        if unit == "articles":
            long = self._query(
                """SELECT seq, name, value FROM current JOIN article_counts USING (analysis)
                   WHERE outlet IN (SELECT unnest($p0))""",
                (outlets,),
            ).fetchnumpy()
            rows = np.searchsorted(seqs, long["seq"])
            n_rows = len(seqs)
        else:
            long = self._query(
                """SELECT seq, sentence, name, value FROM current JOIN sentence_counts USING (analysis)
                   WHERE outlet IN (SELECT unnest($p0))""",
                (outlets,),
            ).fetchnumpy()
            # Every sentence has its "sentences" = 1 row, so the (article, sentence) pairs are all the rows.
            keys = long["seq"].astype(np.int64) * (1 << 20) + long["sentence"].astype(np.int64)
            unique, rows = np.unique(keys, return_inverse=True)
            n_rows = len(unique)
        values = np.zeros((n_rows, len(columns)))
        cols = np.array([index[str(n)] for n in long["name"]], dtype=np.int64)
        values[rows, cols] = long["value"]
        return pd.DataFrame(values, columns=columns)

    def actors(self, outlets: list[str]) -> dict[str, str]:
        rows = self._query(
            """SELECT DISTINCT x.label, x.attributes ->> 'group' FROM current JOIN findings x USING (analysis)
               WHERE x.kind = 'actor_mention' AND outlet IN (SELECT unnest($p0))""",
            (outlets,),
        ).fetchall()
        return dict(rows)

    # -- frames of the JSON profile and of compare --------------------------------------
    def quote_balance(self, groups: dict[str, list[str]] | None = None) -> pd.DataFrame:
        """framing.score.profile.quote_balance, summed in SQL."""
        groups = groups or {o.outlet: [o.outlet] for o in self.outlets()}
        rows = []
        for label, members in groups.items():
            found = dict(
                (side, (int(n), int(w)))
                for side, n, w in self._query(
                    """SELECT x.attributes ->> 'side', count(*), sum(CAST(x.attributes ->> 'n_words' AS INTEGER))
                       FROM current JOIN findings x USING (analysis)
                       WHERE x.kind = 'quote' AND outlet IN (SELECT unnest($p0)) GROUP BY ALL""",
                    (members,),
                ).fetchall()
            )
            n_total = sum(n for n, _ in found.values())
            w_total = sum(w for _, w in found.values())
            for side in QUOTE_SIDES:
                n, words = found.get(side, (0, 0))
                rows.append(
                    {
                        "outlet": label,
                        "side": side,
                        "n_quotes": n,
                        "quoted_words": words,
                        "share_quotes": n / n_total if n_total else float("nan"),
                        "share_words": words / w_total if w_total else float("nan"),
                    }
                )
        return pd.DataFrame(rows)

    def source_types(self, groups: dict[str, list[str]]) -> pd.DataFrame:
        """framing.score.source_types.source_types, counted in SQL (a store written before the types were
        kept reads every quotation as "unknown")."""
        from framing.extract.sources import SPEAKER_TYPES
        from framing.score.source_types import TYPE_COLUMNS

        rows = []
        for label, members in groups.items():
            found = {
                kind: (int(n), int(w))
                for kind, n, w in self._query(
                    """SELECT coalesce(x.attributes ->> 'speaker_type', 'unknown'), count(*),
                              sum(CAST(x.attributes ->> 'n_words' AS INTEGER))
                       FROM current JOIN findings x USING (analysis)
                       WHERE x.kind = 'quote' AND outlet IN (SELECT unnest($p0)) GROUP BY ALL""",
                    (members,),
                ).fetchall()
            }
            total = sum(n for n, _ in found.values())
            for kind in SPEAKER_TYPES:
                n, words = found.get(kind, (0, 0))
                share = n / total if total else float("nan")
                rows.append(
                    {"outlet": label, "speaker_type": kind, "n_quotes": n, "quoted_words": words, "share_quotes": share}
                )
        return pd.DataFrame(rows, columns=TYPE_COLUMNS)

    def source_affiliations(self, groups: dict[str, list[str]], top: int | None = None) -> pd.DataFrame:
        """framing.score.source_types.source_affiliations: counted in SQL per affiliation as written and side,
        then merged by the affiliation key in Python (its rules are the score module's, not repeated here)."""
        from framing.score.source_types import affiliation_rows

        counted = {}
        for label, members in groups.items():
            counted[label] = self._query(
                """SELECT coalesce(x.attributes ->> 'affiliation', ''), x.attributes ->> 'side', count(*),
                          sum(CAST(x.attributes ->> 'n_words' AS INTEGER))
                   FROM current JOIN findings x USING (analysis)
                   WHERE x.kind = 'quote' AND outlet IN (SELECT unnest($p0)) GROUP BY ALL""",
                (members,),
            ).fetchall()
        return affiliation_rows(counted, top)

    def top_speakers(self, groups: dict[str, list[str]], top: int = 10) -> pd.DataFrame:
        """framing.score.profile.top_speakers, counted in SQL."""
        rows = []
        for label, members in groups.items():
            for speaker, side, n, words in self._query(
                """SELECT CASE WHEN x.label = '' THEN '(unidentified)' ELSE x.label END AS speaker,
                          x.attributes ->> 'side' AS side, count(*) AS n,
                          sum(CAST(x.attributes ->> 'n_words' AS INTEGER)) AS words
                   FROM current JOIN findings x USING (analysis)
                   WHERE x.kind = 'quote' AND outlet IN (SELECT unnest($p0))
                   GROUP BY ALL ORDER BY n DESC, words DESC, speaker, side LIMIT $p1""",
                (members, top),
            ).fetchall():
                rows.append(
                    {"outlet": label, "speaker": speaker, "side": side, "n_quotes": int(n), "quoted_words": int(words)}
                )
        return pd.DataFrame(rows, columns=["outlet", "speaker", "side", "n_quotes", "quoted_words"])

    def loaded_by_category(self) -> pd.DataFrame:
        """framing.score.profile.loaded_by_category, counted in SQL."""
        frame = self._query(
            """SELECT c.outlet, category, perspective, count, count_own,
                      CASE WHEN words > 0 THEN 1000 * count / words END AS per_1k,
                      CASE WHEN words > 0 THEN 1000 * count_own / words END AS per_1k_own
               FROM (
                   SELECT outlet, x.attributes ->> 'category' AS category,
                          x.attributes ->> 'perspective' AS perspective, count(*) AS count,
                          count(*) FILTER (WHERE NOT CAST(x.attributes ->> 'quoted' AS BOOLEAN)) AS count_own
                   FROM current JOIN findings x USING (analysis) WHERE x.kind = 'loaded_term' GROUP BY ALL
               ) c JOIN (SELECT outlet, sum(n_words) AS words, min(seq) AS first FROM current GROUP BY outlet)
               USING (outlet)
               ORDER BY first, category, perspective"""
        ).df()
        return frame.astype({"count": int, "count_own": int})

    # -- what the report needs beyond the profile (framing.analysis) -------------------
    def summary(self) -> dict:
        """n_articles, names (slug -> the last stored article's outlet name, first-stored order), n_words,
        dates (earliest, latest given) and lexicon_version (the first article's), as framing.analysis counts them."""
        names = dict(
            self._query(
                "SELECT outlet, arg_max(outlet_name, seq) FROM current GROUP BY outlet ORDER BY min(seq)"
            ).fetchall()
        )
        n, words, first, last, analysis = self._query(
            """SELECT count(*), sum(n_words), min(date) FILTER (WHERE date <> ''), max(date) FILTER (WHERE date <> ''),
                      arg_min(analysis, seq)
               FROM current"""
        ).fetchall()[0]
        (version,) = self.db.execute(
            "SELECT json_extract_string(record, '$.lexicon_version') FROM analyses WHERE analysis = ?", (analysis,)
        ).fetchall()[0]
        dates = (first, last) if first is not None else None
        return {"n_articles": int(n), "names": names, "n_words": int(words), "dates": dates, "lexicon_version": version}

    def article_list(self) -> tuple[np.ndarray, list[str]]:
        """(seq, outlet) of every article in store order: what a sample of articles is chosen from."""
        found = self._query("SELECT seq, outlet FROM current ORDER BY seq").fetchnumpy()
        return found["seq"], [str(o) for o in found["outlet"]]

    def top_terms(self, top: int = TOP_TERMS) -> dict[str, list[dict]]:
        """outlet -> framing.analysis.top_terms of its articles, from one row per distinct loaded term as written.

        The engine counts each (text, quoted) and keeps its first and last position in store order
        (article, then finding); Python merges the texts that lower-case alike, as top_terms does."""
        rows = self._query(
            f"""SELECT outlet, x.text, CAST(x.attributes ->> 'quoted' AS BOOLEAN) AS quoted, count(*),
                       min({_POSITION}), max({_POSITION}), arg_max(x.attributes, {_POSITION})
                FROM current JOIN findings x USING (analysis) WHERE x.kind = 'loaded_term'
                GROUP BY ALL ORDER BY min(seq), outlet"""
        ).fetchall()
        by_outlet: dict[str, list] = {}
        for row in rows:
            by_outlet.setdefault(row[0], []).append(row[1:])
        found: dict[str, list[dict]] = {o.outlet: [] for o in self.outlets()}
        for outlet, terms in by_outlet.items():
            counts: Counter[tuple[str, bool]] = Counter()
            first: dict[tuple[str, bool], int] = {}
            last: dict[tuple[str, bool], tuple[int, str, dict]] = {}
            for text, quoted, n, lo, hi, attributes in terms:
                key = (text.lower(), bool(quoted))
                counts[key] += n
                first[key] = min(first.get(key, lo), lo)
                if key not in last or hi > last[key][0]:
                    last[key] = (hi, text, json.loads(attributes))
            ranked = sorted(counts, key=lambda k: (-counts[k], first[k]))[:top]
            found[outlet] = [
                {
                    "text": last[key][1],
                    "count": counts[key],
                    "quoted": key[1],
                    **{k: last[key][2][k] for k in ("category", "perspective", "neutral", "explanation")},
                }
                for key in ranked
            ]
        return found

    def top_quoted(self, top: int = TOP_SPEAKERS) -> dict[str, list[dict]]:
        """outlet -> framing.analysis.top_speakers of its articles (ties in the order first quoted)."""
        rows = self._query(
            f"""SELECT outlet, CASE WHEN x.label = '' THEN '{UNKNOWN_SPEAKER}' ELSE x.label END AS speaker,
                       x.attributes ->> 'side' AS side, count(*) AS n,
                       sum(CAST(x.attributes ->> 'n_words' AS INTEGER)) AS words, min({_POSITION}) AS first
                FROM current JOIN findings x USING (analysis) WHERE x.kind = 'quote'
                GROUP BY ALL ORDER BY n DESC, first"""
        ).fetchall()
        found: dict[str, list[dict]] = {o.outlet: [] for o in self.outlets()}
        for outlet, speaker, side, n, words, _ in rows:
            if len(found[outlet]) < top:
                found[outlet].append({"speaker": speaker, "side": side, "n": int(n), "words": int(words)})
        return found

    def outlet_documents(self) -> dict[str, str]:
        """One document per outlet (its articles' texts joined), as framing.score.similarity builds them."""
        rows = self._query(
            """SELECT outlet, string_agg(text, '\n\n' ORDER BY seq) FROM current JOIN analyses USING (analysis)
               GROUP BY outlet ORDER BY min(seq)"""
        ).fetchall()
        return dict(rows)


def store_profile(store_path, seed: int = 0, n_boot: int = 1000, full: bool = False) -> dict:
    """What `framing profile --store` shows: n_articles, profiles, actors and, with ``full``, the JSON frames
    (all but the discovered actors: framing.store.actors.store_actor_table)."""
    from framing import score
    from framing.score.similarity import profile_similarity, tfidf_of_documents

    with FeatureStore(store_path, create=False) as store:
        counts = StoreCounts(store)
        outlets = counts.outlets()
        profiles = score.outlet_profiles(outlets, seed=seed, n_boot=n_boot)
        data = {
            "n_articles": sum(o.n_articles for o in outlets),
            "profiles": profiles,
            "actors": score.actor_sentiment(outlets, seed=seed, n_boot=n_boot),
        }
        if full:
            data["quote_balance"] = counts.quote_balance()
            groups = {o.outlet: [o.outlet] for o in outlets}
            data["sources"] = {  # as `profile -f json` shows them (framing.cli._source_frames)
                "source_types": counts.source_types(groups).to_dict("records"),
                "source_affiliations": counts.source_affiliations(groups).to_dict("records"),
            }
            data["loaded_by_category"] = counts.loaded_by_category()
            from framing.store.compare import outlet_tfidf  # it imports this module

            tfidf = outlet_tfidf(counts)  # from the stored word counts; else the joined texts, as before
            data["tfidf"] = tfidf if tfidf is not None else tfidf_of_documents(counts.outlet_documents())
            data["similar"] = profile_similarity(profiles)
            data["map"] = score.outlet_map([], profiles)
    return data
