"""Measure the extractors against hand annotations (the gold set in ``gold/``).

A gold file holds one article's annotations as spans of the *cleaned* text (see
``docs/annotation.md``). Each feature is scored twice: an *exact* match needs the
same span once surrounding spaces, punctuation and quotation marks are trimmed; an
*overlap* match needs the spans to share at least one character. Matching is
one-to-one (largest overlap first), so one long prediction cannot match three gold
spans. Over the overlap-matched pairs the attributes are compared (a quote's speaker
and side, a hedge's type, a loaded term's category, a mention's actor), which gives
speaker-attribution accuracy without letting a missed quote count twice.

Scored features and why they are split this way:

* ``loaded_terms``; ``hedges`` = the types hedge, evidential and modal (the writer's
  own marks of uncertainty or second-hand knowledge); ``scare_quotes`` separately,
  because a scare quote is punctuation, not a word, and is found by the quote pairing
  rather than the hedge lexicon; attribution verbs are *not* scored on their own:
  they are the cues of reported speech and are measured through ``quotes``;
* ``quotes`` = direct, partial and indirect quotations together;
* ``actor_mentions``.

The cleaned text's sha256 is stored in every gold file so that a change in the
cleaner, which would move every offset, is reported instead of measured.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing.errors import DataError
from framing.extract.features import ArticleFeatures, analyze_article
from framing.ingest.article import Article
from framing.ingest.corpus import iter_articles
from framing.lexicon.bundle import Lexicons

FEATURES = ("loaded_terms", "hedges", "scare_quotes", "quotes", "actor_mentions")
ATTRIBUTES = {
    "loaded_terms": ("category",),
    "hedges": ("type",),
    "scare_quotes": (),
    "quotes": ("speaker", "side"),
    "actor_mentions": ("actor",),
}
SCORED_HEDGE_TYPES = ("hedge", "evidential", "modal")
QUOTE_KINDS = ("direct", "partial", "indirect")
QUOTE_SIDES = ("US government", "NATO", "Russian government", "Ukrainian government", "EU", "media", "other", "unknown")
MODES = ("exact", "overlap")
# Characters that do not change what a span refers to: trimmed before an exact comparison.
_EDGE = " \t\n.,;:!?\"'“”‘’«»()[]"
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Item:
    """One span of one feature, from the gold set or from the extractors."""

    article: str
    start: int
    end: int
    text: str
    attrs: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def trimmed(self) -> tuple[int, int]:
        start, end = self.start, self.end
        while start < end and self.text[start - self.start] in _EDGE:
            start += 1
        while end > start and self.text[end - 1 - self.start] in _EDGE:
            end -= 1
        return start, end

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text, **self.attrs}


@dataclass
class GoldArticle:
    id: str
    path: Path
    sha256: str
    items: dict[str, list[Item]]


# -- reading the gold set ---------------------------------------------------------------


def _require(record: dict, key: str, kind: type, where: str) -> Any:
    value = record.get(key)
    if not isinstance(value, kind):
        raise DataError(where, f"'{key}' missing or not a {kind.__name__}")
    return value


def read_gold_file(path: Path) -> GoldArticle:
    """One gold file, checked for shape (offsets are checked against the text later)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataError(path, f"cannot read gold file ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(path, f"not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise DataError(path, "gold file is not a JSON object")
    article = _require(data, "id", str, str(path))
    sha = _require(data, "text_sha256", str, str(path))
    items: dict[str, list[Item]] = {}
    for feature in FEATURES:
        records = data.get(feature, [])
        if not isinstance(records, list):
            raise DataError(path, f"'{feature}' is not a list")
        items[feature] = []
        for n, record in enumerate(records, start=1):
            where = f"{path}: {feature}[{n}]"
            if not isinstance(record, dict):
                raise DataError(where, "annotation is not a JSON object")
            start = _require(record, "start", int, where)
            end = _require(record, "end", int, where)
            text = _require(record, "text", str, where)
            attrs = {k: str(record.get(k, "")) for k in ATTRIBUTES[feature]}
            if feature == "quotes":
                also = record.get("speaker_also", [])
                if not isinstance(also, list) or not all(isinstance(a, str) for a in also):
                    raise DataError(where, "'speaker_also' must be a list of names")
                attrs["speaker_also"] = " | ".join(also)
                attrs["kind"] = str(record.get("kind", ""))
                if attrs["kind"] not in QUOTE_KINDS:
                    raise DataError(where, f"kind '{attrs['kind']}' is not one of {', '.join(QUOTE_KINDS)}")
                if attrs["side"] not in QUOTE_SIDES:
                    raise DataError(where, f"side '{attrs['side']}' is not one of {', '.join(QUOTE_SIDES)}")
            if feature == "hedges" and attrs["type"] not in SCORED_HEDGE_TYPES:
                raise DataError(where, f"type '{attrs['type']}' is not one of {', '.join(SCORED_HEDGE_TYPES)}")
            items[feature].append(Item(article, start, end, text, attrs))
    return GoldArticle(article, path, sha, items)


def read_gold(folder: Path) -> list[GoldArticle]:
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError(folder, "gold folder not found")
    paths = sorted(p for p in folder.glob("*.json") if p.name != "baseline.json")
    if not paths:
        raise DataError(folder, "no gold files (*.json) in the folder")
    gold = [read_gold_file(p) for p in paths]
    seen: dict[str, Path] = {}
    for g in gold:
        if g.id in seen:
            raise DataError(g.path, f"article '{g.id}' is also annotated in {seen[g.id].name}")
        seen[g.id] = g.path
    return gold


def check_against_text(gold: GoldArticle, text: str) -> None:
    """Refuse to measure against a text the annotations were not written for."""
    actual = text_sha256(text)
    if actual != gold.sha256:
        raise DataError(
            gold.path,
            f"the cleaned text of article '{gold.id}' has changed since it was annotated "
            f"(sha256 {actual[:12]}, gold file has {gold.sha256[:12]}); re-anchor the annotations",
        )
    for feature, items in gold.items.items():
        for n, item in enumerate(items, start=1):
            if not (0 <= item.start < item.end <= len(text)) or text[item.start : item.end] != item.text:
                raise DataError(
                    gold.path, f"{feature}[{n}]: offsets {item.start}-{item.end} do not hold the text '{item.text}'"
                )


# -- writing offsets for hand-written anchors -------------------------------------------


def _occurrences(words: str, text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text)]


def anchor(record: dict[str, Any], text: str, where: str) -> list[dict[str, Any]]:
    """Offsets for an annotation written as words rather than character counts.

    ``text`` is the annotated words. When they occur more than once, ``in`` gives a
    longer stretch around them that occurs once (or ``occurrence``, 1-based, picks one
    of its occurrences); ``all: true`` takes every whole-word occurrence except those
    inside one of the ``except`` stretches. Annotators write what they read; this turns
    it into the offsets the gold file stores and refuses an ambiguous anchor.
    """
    if "start" in record and "end" in record:
        return [record]
    words = record.get("text")
    if not isinstance(words, str) or not words:
        raise DataError(where, "annotation has neither offsets nor 'text'")
    rest = {k: v for k, v in record.items() if k not in ("occurrence", "all", "in", "except")}
    if record.get("all"):
        skip = [(s, s + len(e)) for e in record.get("except", []) for s in _occurrences(e, text)]
        hits = [h for h in _occurrences(words, text) if not any(a <= h < b for a, b in skip)]
        if not hits:
            raise DataError(where, f"'{words}' does not occur in the cleaned text")
        return [{**rest, "start": h, "end": h + len(words)} for h in hits]
    context = record.get("in", words)
    hits = _occurrences(context, text)
    if not hits:
        raise DataError(where, f"'{context}' does not occur in the cleaned text")
    occurrence = record.get("occurrence")
    if occurrence is None and len(hits) > 1:
        raise DataError(where, f"'{context}' occurs {len(hits)} times; say which with 'in' or 'occurrence'")
    index = (occurrence or 1) - 1
    if not 0 <= index < len(hits):
        raise DataError(where, f"'{context}' has no occurrence {occurrence} (it occurs {len(hits)} times)")
    inner = _occurrences(words, context)
    if not inner:
        raise DataError(where, f"'{words}' is not inside '{context}'")
    start = hits[index] + inner[0]
    return [{**rest, "start": start, "end": start + len(words)}]


def anchor_file(path: Path, articles: Iterable[Article]) -> int:
    """Fill in offsets and the text hash of one gold file in place; returns the annotation count."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    by_id = {a.id: a for a in articles}
    if data.get("id") not in by_id:
        raise DataError(path, f"article '{data.get('id')}' is not in the corpus")
    text = by_id[data["id"]].text
    data["text_sha256"] = text_sha256(text)
    count = 0
    for feature in FEATURES:
        resolved: list[dict[str, Any]] = []
        for n, record in enumerate(data.get(feature, []), start=1):
            resolved.extend(anchor(record, text, f"{path}: {feature}[{n}]"))
        resolved.sort(key=lambda r: (r["start"], r["end"]))
        data[feature] = [{"start": r["start"], "end": r["end"], **r} for r in resolved]
        count += len(resolved)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return count


# -- predictions --------------------------------------------------------------------------


def predicted_items(features: ArticleFeatures) -> dict[str, list[Item]]:
    aid = features.id
    return {
        "loaded_terms": [Item(aid, t.start, t.end, t.text, {"category": t.category}) for t in features.loaded_terms],
        "hedges": [
            Item(aid, h.start, h.end, h.text, {"type": h.type}) for h in features.hedges if h.type in SCORED_HEDGE_TYPES
        ],
        "scare_quotes": [Item(aid, h.start, h.end, h.text) for h in features.hedges if h.type == "scare_quote"],
        "quotes": [
            Item(aid, q.start, q.end, q.text, {"speaker": q.speaker, "side": q.side, "kind": q.kind})
            for q in features.quotes
        ],
        "actor_mentions": [Item(aid, m.start, m.end, m.text, {"actor": m.actor}) for m in features.actor_mentions],
    }


# -- matching and scores ------------------------------------------------------------------


def match(gold: Sequence[Item], predicted: Sequence[Item], mode: str) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), largest overlap first."""
    candidates: list[tuple[int, int, int]] = []
    for i, g in enumerate(gold):
        gs, ge = g.trimmed()
        for j, p in enumerate(predicted):
            if mode == "exact":
                if (gs, ge) == p.trimmed():
                    candidates.append((ge - gs, i, j))
            else:
                overlap = min(g.end, p.end) - max(g.start, p.start)
                if overlap > 0:
                    candidates.append((overlap, i, j))
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_gold and j not in used_pred:
            pairs.append((i, j))
            used_gold.add(i)
            used_pred.add(j)
    return sorted(pairs)


def normalise(value: str) -> str:
    """Attribute values compared without case, accents ("País"), a leading article or doubled spaces."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))
    return _ARTICLE.sub("", " ".join(plain.split())).casefold()


def agrees(gold: Item, predicted: Item, attribute: str) -> bool:
    """Same value; a gold speaker may list other names of the same speaker in `speaker_also`."""
    accepted = {normalise(gold.attrs[attribute])}
    if attribute == "speaker" and gold.attrs.get("speaker_also"):
        accepted |= {normalise(a) for a in gold.attrs["speaker_also"].split(" | ")}
    return normalise(predicted.attrs.get(attribute, "")) in accepted


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class FeatureResult:
    feature: str
    scores: dict[str, Score] = field(default_factory=lambda: {m: Score() for m in MODES})
    agreement: dict[str, list[int]] = field(default_factory=dict)  # attribute -> [correct, compared]
    misses: list[Item] = field(default_factory=list)
    false_alarms: list[Item] = field(default_factory=list)
    wrong_attributes: list[dict[str, Any]] = field(default_factory=list)

    def accuracy(self, attribute: str) -> float | None:
        correct, compared = self.agreement.get(attribute, [0, 0])
        return correct / compared if compared else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "exact": self.scores["exact"].to_dict(),
            "overlap": self.scores["overlap"].to_dict(),
            "attribute_accuracy": {
                a: {"correct": c, "compared": n, "accuracy": round(c / n, 4) if n else None}
                for a, (c, n) in self.agreement.items()
            },
            "misses": [i.to_dict() for i in self.misses],
            "false_alarms": [i.to_dict() for i in self.false_alarms],
            "wrong_attributes": self.wrong_attributes,
        }


@dataclass
class Evaluation:
    gold: str
    corpus: str
    articles: list[str]
    lexicon_version: str
    results: dict[str, FeatureResult]

    def figures(self) -> dict[str, float]:
        """The headline numbers, flat, as recorded in the baseline file."""
        out: dict[str, float] = {}
        for feature, result in self.results.items():
            for mode in MODES:
                score = result.scores[mode]
                if score.tp + score.fn == 0 and score.fp == 0:
                    continue  # nothing annotated or found: no figure to guard
                out[f"{feature}.{mode}.precision"] = round(score.precision, 4)
                out[f"{feature}.{mode}.recall"] = round(score.recall, 4)
                out[f"{feature}.{mode}.f1"] = round(score.f1, 4)
            for attribute in result.agreement:
                value = result.accuracy(attribute)
                if value is not None:
                    out[f"{feature}.{attribute}_accuracy"] = round(value, 4)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "corpus": self.corpus,
            "articles": self.articles,
            "lexicon_version": self.lexicon_version,
            "figures": self.figures(),
            "features": {f: r.to_dict() for f, r in self.results.items()},
        }


def score_article(gold: GoldArticle, features: ArticleFeatures, results: dict[str, FeatureResult]) -> None:
    score_items(gold.items, predicted_items(features), results)


def score_items(
    gold: dict[str, list[Item]], predicted: dict[str, list[Item]], results: dict[str, FeatureResult]
) -> None:
    """Add one article's matches, misses and false alarms to the running results."""
    for feature in FEATURES:
        result = results[feature]
        g_items, p_items = gold.get(feature, []), predicted.get(feature, [])
        for mode in MODES:
            pairs = match(g_items, p_items, mode)
            score = result.scores[mode]
            score.tp += len(pairs)
            score.fn += len(g_items) - len(pairs)
            score.fp += len(p_items) - len(pairs)
            if mode != "overlap":
                continue
            matched_gold = {i for i, _ in pairs}
            matched_pred = {j for _, j in pairs}
            result.misses.extend(g for i, g in enumerate(g_items) if i not in matched_gold)
            result.false_alarms.extend(p for j, p in enumerate(p_items) if j not in matched_pred)
            for i, j in pairs:
                g, p = g_items[i], p_items[j]
                for attribute in ATTRIBUTES[feature]:
                    tally = result.agreement.setdefault(attribute, [0, 0])
                    tally[1] += 1
                    if agrees(g, p, attribute):
                        tally[0] += 1
                    else:
                        result.wrong_attributes.append(
                            {
                                "article": g.article,
                                "start": g.start,
                                "end": g.end,
                                "text": g.text,
                                "attribute": attribute,
                                "gold": g.attrs[attribute],
                                "predicted": p.attrs.get(attribute, ""),
                            }
                        )


def evaluate(gold_folder: Path, corpus: Path | None, lex: Lexicons) -> Evaluation:
    """Score the extractors on every gold-annotated article of the corpus."""
    gold = read_gold(gold_folder)
    wanted = {g.id: g for g in gold}
    articles = {a.id: a for a in iter_articles(corpus) if a.id in wanted}
    for g in gold:
        if g.id not in articles:
            raise DataError(g.path, f"article '{g.id}' is not in the corpus {corpus or 'seeds'}")
        check_against_text(g, articles[g.id].text)
    results = {f: FeatureResult(f) for f in FEATURES}
    for g in gold:
        score_article(g, analyze_article(articles[g.id], lex), results)
    return Evaluation(str(gold_folder), str(corpus or "seeds"), [g.id for g in gold], lex.version, results)


# -- the recorded figures -----------------------------------------------------------------

TOLERANCE = 0.05


def read_baseline(path: Path) -> dict[str, dict[str, float]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataError(path, f"cannot read baseline ({exc.strerror or exc})") from None
    except json.JSONDecodeError as exc:
        raise DataError(path, f"not valid JSON ({exc.msg})") from None
    sets = data.get("sets") if isinstance(data, dict) else None
    if not isinstance(sets, dict) or not all(isinstance(v, dict) for v in sets.values()):
        raise DataError(path, 'expected {"sets": {name: {figure: value}}}')
    return sets


def regressions(figures: dict[str, float], recorded: dict[str, float], tolerance: float = TOLERANCE) -> list[str]:
    """Every recorded figure that is now more than `tolerance` lower (or no longer measured)."""
    found = []
    for name, before in sorted(recorded.items()):
        now = figures.get(name)
        if now is None:
            found.append(f"{name}: recorded {before:.3f}, no longer measured")
        elif now < before - tolerance:
            found.append(f"{name}: {now:.3f}, recorded {before:.3f} (drop {before - now:.3f} > {tolerance})")
    return found


def record_baseline(path: Path, name: str, figures: dict[str, float]) -> None:
    """Store one gold set's figures under `name`, keeping the other sets' figures."""
    path = Path(path)
    sets = read_baseline(path) if path.exists() else {}
    sets[name] = figures
    note = (
        "Figures measured by `framing evaluate` and recorded with --record; CI fails when a figure drops more than "
        f"{TOLERANCE} below these."
    )
    text = json.dumps({"note": note, "sets": dict(sorted(sets.items()))}, indent=1, sort_keys=False) + "\n"
    path.write_text(text, encoding="utf-8")
