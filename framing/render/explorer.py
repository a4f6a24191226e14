"""The data behind the report's explorer: every finding per outlet, and the sentences it occurs in.

The explorer (``templates/explorer.js``) filters these rows by outlet, kind and category, and
lists a finding's contexts across outlets when it is clicked. It is progressive enhancement:
the report's static sections carry the same findings, so a reader with scripts off loses
nothing but the filtering. The data is embedded in the page as JSON, so :func:`embed_json`
escapes every character that could end the ``<script>`` element or open a comment in it.
Sizes are bounded: contexts per finding, characters per context and rows in all are capped,
and the page says so.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files

from markupsafe import Markup

from framing.extract.discover import discover_mentions, merge_actors
from framing.extract.features import ArticleFeatures
from framing.lexicon.bundle import default_lexicons

MAX_CONTEXTS = 25  # sentences listed per finding (across outlets; each outlet gets its share first)
MAX_CONTEXT_CHARS = 320  # a longer sentence is clipped around the finding
MAX_ROWS = 2000  # finding rows in all (outlet x kind x finding); more are dropped, fewest uses first
CONTEXT_BUDGET = 6000  # contexts in all (about 1.5 MB): with many findings each gets fewer, never under MIN_CONTEXTS
MIN_CONTEXTS = 3
TOP_ACTORS = 25  # discovered actors offered, by mentions across the corpus

KINDS = {
    "loaded": "loaded term",
    "hedge": "hedge or attribution",
    "quote": "quoted source",
    "actor": "actor",
}

# "<", ">" and "&" as JSON escapes: the JSON can then never contain "</script>" or "<!--",
# and U+2028/U+2029 are escaped because older script parsers treat them as line ends.
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


@dataclass
class ExplorerData:
    json: Markup  # safe to place between <script type="application/json"> and </script>
    script: Markup  # the explorer's code
    n_rows: int
    n_dropped: int


def embed_json(data: object) -> Markup:
    """``data`` as JSON that can sit inside a <script> element whatever strings it holds."""
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES))


def _script() -> Markup:
    code = files("framing.render").joinpath("templates", "explorer.js").read_text(encoding="utf-8")
    if "</script" in code.lower() or "<!--" in code:
        raise ValueError("explorer.js must not contain '</script' or '<!--'")  # would end the inline element
    return Markup(code)


class _Collector:
    """Finding rows and contexts, keyed by (kind, key); contexts are deduplicated per sentence."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], dict] = {}  # (outlet, kind, key) -> row
        self.contexts: dict[str, dict[tuple[str, int], dict]] = {}  # finding id -> (article, sentence) -> context

    def add(
        self, f: ArticleFeatures, kind: str, key: str, label: str, category: str, origin: str, span: tuple[int, int]
    ):
        fid = f"{kind}:{key}"
        row = self.rows.setdefault(
            (f.outlet, kind, key),
            {"o": f.outlet, "k": kind, "id": fid, "t": label, "c": category, "g": origin, "n": 0},
        )
        row["n"] += 1
        if origin and origin not in row["g"].split("+"):
            row["g"] = "+".join(sorted({*row["g"].split("+"), origin} - {""}))
        start, end = span
        index, (s_start, s_end) = _sentence_of(f, start)
        found = self.contexts.setdefault(fid, {})
        context = found.get((f.id, index))
        if context is None:
            context = found[(f.id, index)] = {"o": f.outlet, "a": f.id, "i": index, "b": (s_start, s_end), "h": []}
        context["h"].append((max(start, s_start), min(end, s_end)))


def _sentence_of(f: ArticleFeatures, offset: int) -> tuple[int, tuple[int, int]]:
    """Index and bounds of the sentence holding ``offset`` (the whole text when sentences are absent)."""
    starts = [s.start for s in f.sentences]
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0 or i >= len(f.sentences) or offset >= f.sentences[i].end:
        return -1 - offset // 200, (max(0, offset - 120), min(len(f.text), offset + 120))
    return i, (f.sentences[i].start, f.sentences[i].end)


def _clip(text: str, start: int, end: int, marks: list[tuple[int, int]]) -> tuple[str, list[list[int]]]:
    """The sentence ``text[start:end]`` with its highlights relative to it, clipped around the first highlight."""
    marks = _merged(marks)
    if end - start > MAX_CONTEXT_CHARS:
        first = marks[0][0]
        lo = max(start, min(first - MAX_CONTEXT_CHARS // 3, end - MAX_CONTEXT_CHARS))
        hi = min(end, lo + MAX_CONTEXT_CHARS)
        if lo > start:  # start and end at word boundaries, never inside a highlight
            space = text.find(" ", lo, first)
            lo = space + 1 if space >= 0 else lo
        if hi < end:
            space = text.rfind(" ", max(lo, marks[0][1]), hi)
            hi = space if space >= 0 else hi
        prefix, suffix = ("… " if lo > start else ""), (" …" if hi < end else "")
    else:
        lo, hi, prefix, suffix = start, end, "", ""
    shown = text[lo:hi].replace("\n", " ")
    spans = []
    for a, b in marks:
        a, b = max(a, lo), min(b, hi)
        if a < b:
            spans.append([a - lo + len(prefix), b - lo + len(prefix)])
    return prefix + shown + suffix, spans


def _merged(marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching highlights joined, in order (a quotation holding another of the same speaker)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(set(marks)):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _actors(features: Sequence[ArticleFeatures]) -> dict[str, list]:
    """article id -> its mentions of the corpus's top discovered actors, each with the merged name."""
    lex = default_lexicons()
    mentions = {f.id: discover_mentions(f.text, lex) for f in features}
    chosen = merge_actors(mentions.items())[:TOP_ACTORS]
    name_of = {member: a for a in chosen for member in a.merged}
    return {
        fid: [(m, name_of[m.actor]) for m in found if m.actor in name_of and m.link != "pronoun"]
        for fid, found in mentions.items()
    }


def explorer_data(features: Sequence[ArticleFeatures]) -> ExplorerData:
    """Rows and contexts of every loaded term, hedge, quoted source and top actor in ``features``."""
    from framing.render.model import anchor  # late: the report model imports this module

    features = list(features)
    texts = {f.id: f for f in features}
    c = _Collector()
    actors = _actors(features)
    for f in features:
        for t in f.loaded_terms:
            c.add(f, "loaded", t.text.lower(), t.text, t.category, t.origin, (t.start, t.end))
        for h in f.hedges:
            c.add(f, "hedge", h.cue.lower(), h.cue.lower(), h.type, "", (h.start, h.end))
        for q in f.quotes:
            who = q.speaker or "unknown speaker"
            c.add(f, "quote", who.lower(), who, q.side, q.kind, (q.start, q.end))
        for m, actor in actors.get(f.id, []):
            c.add(f, "actor", actor.name.lower(), actor.name, actor.group, actor.kind, (m.start, m.end))
    rows = sorted(c.rows.values(), key=lambda r: (-r["n"], r["k"], r["t"], r["o"]))
    kept, dropped = rows[:MAX_ROWS], len(rows) - min(len(rows), MAX_ROWS)
    wanted = {r["id"] for r in kept}
    cap = context_cap(len(wanted))
    contexts: dict[str, list[dict]] = {}
    totals: dict[str, int] = {}
    for fid, found in c.contexts.items():
        if fid not in wanted:
            continue
        totals[fid] = len(found)
        contexts[fid] = [_context(texts[x["a"]].text, x) for x in _fair_share(list(found.values()), cap)]
    outlets: dict[str, str] = {}
    for f in features:
        outlets.setdefault(f.outlet, f.meta.outlet_name or f.outlet)
    data = {
        "outlets": [[slug, name] for slug, name in outlets.items()],
        "kinds": [[k, v] for k, v in KINDS.items()],
        "rows": kept,
        "contexts": contexts,
        "totals": totals,
        "titles": {f.id: f.meta.title or f.id for f in features},
        "anchors": {f.id: anchor(f.id) for f in features},  # the article's section in the report: #article-<anchor>
        "cap": cap,
        "dropped": dropped,
    }
    return ExplorerData(embed_json(data), _script(), len(kept), dropped)


def context_cap(n_findings: int) -> int:
    """Contexts kept per finding: MAX_CONTEXTS, less when that many findings would pass CONTEXT_BUDGET."""
    return max(MIN_CONTEXTS, min(MAX_CONTEXTS, CONTEXT_BUDGET // max(1, n_findings)))


def _fair_share(found: list[dict], cap: int) -> list[dict]:
    """At most ``cap`` contexts, taken in turn from each outlet so that every outlet using it is listed."""
    by_outlet: dict[str, list[dict]] = {}
    for x in sorted(found, key=lambda x: (x["a"], x["i"])):
        by_outlet.setdefault(x["o"], []).append(x)
    chosen: list[dict] = []
    queues = list(by_outlet.values())
    while len(chosen) < cap and any(queues):
        for q in queues:
            if q and len(chosen) < cap:
                chosen.append(q.pop(0))
    return sorted(chosen, key=lambda x: (list(by_outlet).index(x["o"]), x["a"], x["i"]))


def _context(text: str, x: dict) -> dict:
    shown, spans = _clip(text, x["b"][0], x["b"][1], x["h"])
    return {"o": x["o"], "a": x["a"], "s": shown, "h": spans}
