"""Train the loaded-language model on BABE, measure it with grouped cross-validation, write it.

``framing train [--data DIR] [--output PATH]`` is the whole recipe, seeded, so the shipped
``models/loaded_terms.json`` can be rebuilt byte for byte from the same data:

* **data**: BABE SG2 (Spinde et al. 2021, AGPL-3.0): each sentence's ``biased_words``
  located as whole words (:func:`framing.evaluation.datasets.babe`); a token is positive
  when it lies in one. MPQA's subjectivity clues (GPL) give prior features. Both are
  *ship: yes* sources; PTC and PolNeAR are never read here.
* **token model**: logistic regression over :mod:`framing.model.features` plus MPQA
  priors; the MPQA weights are then summed per clue word into the model file's
  ``prior_words``/``prior_stems`` tables, so running the model needs no MPQA file.
* **sentence model**: logistic regression on how loaded a sentence's words are
  (out-of-fold token probabilities) and its stems, against BABE's Biased label.
* **figures**: 5-fold cross-validation grouped by ``news_link`` (sentences of one article
  never straddle train and test), words by overlap and sentences by macro-F1, beside the
  MPQA strong-subjective word list on the same sentences. The token threshold is the one
  with the best cross-validated word F1 (so that figure is slightly optimistic; the
  benchmark on PTC uses the shipped model and threshold untouched).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from framing.errors import DataError
from framing.evaluation import datasets
from framing.evaluation.benchmarks import Figure, WordList, figure, macro_f1
from framing.evaluation.datasets import Example
from framing.lexicon.bundle import Lexicons, default_lexicons
from framing.model.detector import FORMAT, phrases, sentence_features, vader_lexicon
from framing.model.features import TokenRow, doc_features
from framing.text import Doc, stem

BABE_FILE = "final_labels_SG2.csv"
MPQA_FILE = "subjclueslen1-HLTEMNLP05.tff"
THRESHOLDS = tuple(round(0.1 + 0.025 * i, 3) for i in range(29))  # 0.1 .. 0.8
SOURCE = {
    "name": "BABE (Bias Annotations By Experts), SG2 sentences and their biased_words",
    "citation": "Spinde, T., Plank, M., Krieger, J.-D., Ruas, T., Gipp, B., Aizawa, A. (2021). Neural Media Bias "
    "Detection Using Distant Supervision With BABE - Bias Annotations By Experts. Findings of EMNLP 2021.",
    "repository": "Media-Bias-Group/Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE @ fb79f646",
    "licence": "AGPL-3.0: these weights are derived from BABE and are distributed under the AGPL-3.0.",
    "priors": "MPQA subjectivity clues (Wilson, Wiebe and Hoffmann 2005, 'Recognizing Contextual Polarity in "
    "Phrase-Level Sentiment Analysis', HLT/EMNLP), GPL; VADER lexicon (Hutto and Gilbert 2014), MIT.",
}


@dataclass(frozen=True)
class Settings:
    token_c: float = 1.0
    sentence_c: float = 0.3
    folds: int = 5
    inner_folds: int = 3
    seed: int = 13
    min_weight: float = 0.005  # smaller weights are left out of the file: they change no decision
    # Learned, so that BABE's convention does not bend the other weights, but not applied: BABE's annotators
    # marked the outlet's own words and left quotations unmarked, while framing reports a quoted speaker's
    # loaded words too (marked as quoted). Zeroed in the cross-validated predictions and the written model.
    unapplied: tuple[str, ...] = ("quoted",)


@dataclass
class Priors:
    """MPQA clues by word and, for the stemmed ones, by stem: the prior features of a word."""

    exact: dict[str, frozenset[str]] = field(default_factory=dict)
    stems: dict[str, frozenset[str]] = field(default_factory=dict)
    pos: dict[str, str] = field(default_factory=dict)  # word -> MPQA part of speech (adj, noun, verb, adverb, anypos)

    def features(self, word: str) -> frozenset[str]:
        if word in self.exact:
            return self.exact[word]
        return self.stems.get(stem(word), frozenset())


def read_priors(path: Path) -> Priors:
    if not path.is_file():
        raise DataError(path, "MPQA subjectivity clues not found")
    exact: dict[str, set[str]] = {}
    stems: dict[str, set[str]] = {}
    pos: dict[str, str] = {}
    plurals: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        f = dict(part.split("=", 1) for part in line.split() if "=" in part)
        if "word1" not in f or "type" not in f:
            continue
        word = f["word1"].lower()
        names = {f"mpqa={f['type']}", f"mpqa={f['type']}:{f.get('priorpolarity', '')}", f"mpqa_pos={f.get('pos1')}"}
        exact.setdefault(word, set()).update(names)
        if f.get("pos1") in ("noun", "anypos") and f.get("stemmed1") != "y":
            plurals.setdefault(plural(word), set()).update(names)
        if f.get("pos1") in ("adj", "noun", "verb", "adverb", "anypos"):
            pos.setdefault(word, f["pos1"])
        if f.get("stemmed1") == "y":
            stems.setdefault(stem(word), set()).update(names)
    for word, names in plurals.items():  # an unstemmed noun's plural ("tyrants") shares its clue, unless listed
        exact.setdefault(word, names)
    frozen_exact = {k: frozenset(v) for k, v in exact.items()}
    return Priors(frozen_exact, {k: frozenset(v) for k, v in stems.items()}, dict(sorted(pos.items())))


def plural(noun: str) -> str:
    """The regular English plural of a noun ("tyrant" -> "tyrants", "bully" -> "bullies", "crash" -> "crashes")."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Encoded:
    """The examples as token rows with labels, and the rows' feature dicts with priors added."""

    examples: list[Example]
    rows: list[list[TokenRow]]
    labels: list[list[int]]
    dicts: list[dict[str, float]]
    owner: list[int]  # example index of each token


def encode(examples: Sequence[Example], lex: Lexicons | None, priors: Priors) -> Encoded:
    valence = vader_lexicon()
    rows, labels, dicts, owner = [], [], [], []
    for index, example in enumerate(examples):
        doc_rows = doc_features(Doc(example.text), lex, valence)
        rows.append(doc_rows)
        labels.append([int(any(r.token.start < e and s < r.token.end for s, e in example.gold)) for r in doc_rows])
        for r in doc_rows:
            d = dict(r.features)
            for name in priors.features(r.token.text.lower()):
                d[name] = 1.0
            dicts.append(d)
            owner.append(index)
    return Encoded(list(examples), rows, labels, dicts, owner)


def _logistic(c: float, seed: int):  # noqa: ANN202 - a scikit-learn estimator
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, solver="liblinear", random_state=seed, max_iter=200)


def _rows(matrix, mask):  # noqa: ANN001, ANN202 - scipy sparse
    """Selected rows with 32-bit indices, which liblinear requires (row selection widens them)."""
    return _int32(matrix[mask])


def _int32(part):  # noqa: ANN001, ANN202 - scipy sparse
    import numpy as np

    part = part.tocsr()
    part.indices = part.indices.astype(np.int32)
    part.indptr = part.indptr.astype(np.int32)
    return part


def _token_probs(
    enc: Encoded, matrix, y, train: list[int], test: list[int], settings: Settings, drop: Sequence[int] = ()
) -> dict[int, list[float]]:
    """Token probabilities for the `test` examples from a model fitted on the `train` examples,
    with the weights of the feature columns `drop` (Settings.unapplied) zeroed after fitting."""
    import numpy as np

    owner = np.asarray(enc.owner)
    train_mask = np.isin(owner, train)
    test_mask = np.isin(owner, test)
    model = _logistic(settings.token_c, settings.seed).fit(_rows(matrix, train_mask), y[train_mask])
    model.coef_[0, list(drop)] = 0.0
    probs = model.predict_proba(_rows(matrix, test_mask))[:, 1]
    out: dict[int, list[float]] = {}
    for example, p in zip(owner[test_mask], probs, strict=True):
        out.setdefault(int(example), []).append(float(p))
    return out


def _groups(enc: Encoded) -> list[str]:
    return [e.group for e in enc.examples]


def _oof(
    enc: Encoded, matrix, y, indices: list[int], folds: int, settings: Settings, drop: Sequence[int] = ()
) -> dict[int, list[float]]:
    """Out-of-fold token probabilities for the examples `indices`, grouped by article."""
    from sklearn.model_selection import GroupKFold

    groups = [enc.examples[i].group for i in indices]
    out: dict[int, list[float]] = {}
    for tr, te in GroupKFold(n_splits=folds).split(indices, groups=groups):
        out.update(_token_probs(enc, matrix, y, [indices[i] for i in tr], [indices[i] for i in te], settings, drop))
    return out


def _sentence_dicts(enc: Encoded, probs: dict[int, list[float]], indices: Sequence[int]) -> list[dict[str, float]]:
    return [sentence_features(probs.get(i, []), [r.token.text.lower() for r in enc.rows[i]]) for i in indices]


@dataclass
class CrossValidation:
    token_probs: dict[int, list[float]]
    sentence_probs: list[float]
    threshold: float
    figures: list[Figure]
    sentence_macro_f1: float
    baseline_macro_f1: float


def predicted_spans(enc: Encoded, probs: dict[int, list[float]], threshold: float) -> list[list[tuple[int, int]]]:
    spans = []
    for i, example in enumerate(enc.examples):
        rows = enc.rows[i]
        p = probs.get(i, [0.0] * len(rows))
        spans.append(
            [
                (rows[a].token.start, rows[b - 1].token.end)
                for a, b in phrases([r.token for r in rows], [r.sentence for r in rows], p, example.text, threshold)
            ]
        )
    return spans


def cross_validate(
    enc: Encoded, settings: Settings, baseline: WordList | None, say: Callable[[str], None] = print
) -> CrossValidation:
    """Grouped k-fold figures of the token and sentence models (see the module docstring)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.model_selection import GroupKFold

    vec = DictVectorizer()
    matrix = vec.fit_transform(enc.dicts).tocsr()
    drop = [vec.vocabulary_[name] for name in settings.unapplied if name in vec.vocabulary_]
    y = np.asarray([label for labels in enc.labels for label in labels])
    n = len(enc.examples)
    token_probs: dict[int, list[float]] = {}
    sentence_probs = [0.0] * n
    biased = np.asarray([e.label == "Biased" for e in enc.examples])
    for fold, (train, test) in enumerate(GroupKFold(n_splits=settings.folds).split(range(n), groups=_groups(enc))):
        train, test = [int(i) for i in train], [int(i) for i in test]
        token_probs.update(_token_probs(enc, matrix, y, train, test, settings, drop))
        inner = _oof(enc, matrix, y, train, settings.inner_folds, settings, drop)
        svec = DictVectorizer()
        strain = _int32(svec.fit_transform(_sentence_dicts(enc, inner, train)))
        smodel = _logistic(settings.sentence_c, settings.seed).fit(strain, biased[train])
        stest = _int32(svec.transform(_sentence_dicts(enc, token_probs, test)))
        for i, p in zip(test, smodel.predict_proba(stest)[:, 1], strict=True):
            sentence_probs[i] = float(p)
        say(f"  fold {fold + 1}/{settings.folds}: {len(train)} train / {len(test)} test sentences")
    gold = [list(e.gold) for e in enc.examples]
    best = max(THRESHOLDS, key=lambda t: figure("", "", gold, predicted_spans(enc, token_probs, t)).f1)
    figures = [figure("biased words", f"model (threshold {best})", gold, predicted_spans(enc, token_probs, best))]
    if baseline is not None:
        figures.append(
            figure("biased words", "MPQA strong-subjective words", gold, [baseline.find(e.text) for e in enc.examples])
        )
    label = [[(0, 1)] if b else [] for b in biased]
    flagged = [[(0, 1)] if p >= 0.5 else [] for p in sentence_probs]
    figures.append(figure("sentence is Biased", "model: P(loaded) >= 0.5", label, flagged))
    base_macro = 0.0
    if baseline is not None:
        has_word = [[(0, 1)] if baseline.find(e.text) else [] for e in enc.examples]
        figures.append(figure("sentence is Biased", "MPQA: has a strong-subjective word", label, has_word))
        base_macro = macro_f1(label, has_word)
    return CrossValidation(token_probs, sentence_probs, best, figures, macro_f1(label, flagged), base_macro)


def _bake(
    names: list[str], coef, priors: Priors, min_weight: float, unapplied: Sequence[str] = ()
) -> dict[str, Any]:
    """Feature weights with the MPQA prior features folded into per-word and per-stem sums (`unapplied` left out)."""
    weights = {name: float(w) for name, w in zip(names, coef, strict=True) if name not in unapplied}
    prior_names = {name for name in weights if name.startswith("mpqa")}

    def total(features: frozenset[str]) -> float:
        return sum(weights.get(name, 0.0) for name in features)

    def table(entries: dict[str, frozenset[str]]) -> dict[str, float]:
        sums = {word: round(total(feats), 4) for word, feats in sorted(entries.items())}
        return {word: w for word, w in sums.items() if abs(w) >= min_weight}

    kept = {k: round(v, 4) for k, v in sorted(weights.items()) if k not in prior_names and abs(v) >= min_weight}
    return {"weights": kept, "prior_words": table(priors.exact), "prior_stems": table(priors.stems)}


def fit_final(enc: Encoded, cv: CrossValidation, priors: Priors, settings: Settings) -> dict[str, Any]:
    """Both models fitted on every sentence, as the JSON the detector reads."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer

    vec = DictVectorizer()
    matrix = _int32(vec.fit_transform(enc.dicts))
    y = np.asarray([label for labels in enc.labels for label in labels])
    token = _logistic(settings.token_c, settings.seed).fit(matrix, y)
    token_part = {"intercept": round(float(token.intercept_[0]), 4)}
    names = list(vec.get_feature_names_out())
    token_part.update(_bake(names, token.coef_[0], priors, settings.min_weight, settings.unapplied))
    # the sentence model learns from out-of-fold token probabilities, as it will meet unseen text
    svec = DictVectorizer()
    smatrix = _int32(svec.fit_transform(_sentence_dicts(enc, cv.token_probs, range(len(enc.examples)))))
    smodel = _logistic(settings.sentence_c, settings.seed).fit(smatrix, [e.label == "Biased" for e in enc.examples])
    sweights = {
        n: round(float(w), 4)
        for n, w in zip(svec.get_feature_names_out(), smodel.coef_[0], strict=True)
        if abs(w) >= settings.min_weight
    }
    sentence_part = {"intercept": round(float(smodel.intercept_[0]), 4), "weights": dict(sorted(sweights.items()))}
    return {"token_model": token_part, "sentence_model": sentence_part}


def train(data_root: Path, output: Path, settings: Settings = Settings(), say: Callable[[str], None] = print) -> dict:
    """The whole recipe: read, cross-validate, fit, write `output`; returns the written model."""
    import sklearn

    babe_dir = data_root / "babe"
    mpqa_path = data_root / "lexicons" / MPQA_FILE
    if not (babe_dir / BABE_FILE).is_file():
        raise DataError(babe_dir / BABE_FILE, "BABE SG2 file not found (give the datasets folder with --data)")
    examples = datasets.babe(babe_dir)
    if len({e.group for e in examples}) < settings.folds:
        raise DataError(babe_dir / BABE_FILE, f"grouped cross-validation needs at least {settings.folds} articles")
    priors = read_priors(mpqa_path)
    lex = default_lexicons()
    say(f"framing train: {len(examples)} BABE sentences, {sum(len(e.gold) for e in examples)} biased words located")
    enc = encode(examples, lex, priors)
    baseline = WordList(datasets.mpqa_strong(mpqa_path.parent))
    cv = cross_validate(enc, settings, baseline, say)
    model = {"format": FORMAT, "threshold": cv.threshold, **fit_final(enc, cv, priors, settings)}
    model["prior_pos"] = priors.pos  # MPQA's part of speech per clue word: the category rule (framing.model.category)
    model["provenance"] = {
        **SOURCE,
        "data": {
            f"babe/{BABE_FILE}": sha256(babe_dir / BABE_FILE),
            f"lexicons/{MPQA_FILE}": sha256(mpqa_path),
        },
        "lexicon_version": lex.version,
        "settings": asdict(settings),
        "scikit_learn": sklearn.__version__,
        "command": "framing train --data DATASETS --output models/loaded_terms.json",
        "cross_validation": {
            "split": f"{settings.folds}-fold GroupKFold by news_link over {len(examples)} BABE SG2 sentences",
            "figures": [f.to_dict() for f in cv.figures],
            "sentence_macro_f1": round(cv.sentence_macro_f1, 4),
            "baseline_sentence_macro_f1": round(cv.baseline_macro_f1, 4),
        },
    }
    from framing.output import write_atomic

    write_atomic(output, json.dumps(model, ensure_ascii=False, indent=0, sort_keys=False) + "\n")
    return model


def summary_lines(model: dict) -> list[str]:
    """The cross-validated figures of a written model, as a table."""
    cv = model["provenance"]["cross_validation"]
    lines = [
        cv["split"],
        f"{'task':22} {'system':36} {'pred':>6} {'corr':>6} {'gold':>6} {'found':>6} {'P':>5} {'R':>5} {'F1':>5}",
    ]
    for f in cv["figures"]:
        lines.append(
            f"{f['task'][:22]:22} {f['system'][:36]:36} {f['predicted']:6d} {f['correct']:6d} {f['gold']:6d} "
            f"{f['found']:6d} {f['precision']:5.2f} {f['recall']:5.2f} {f['f1']:5.2f}"
        )
    lines.append(
        f"sentence macro-F1: model {cv['sentence_macro_f1']:.3f}, "
        f"MPQA has-a-word {cv['baseline_sentence_macro_f1']:.3f}"
    )
    lines.append(f"token threshold: {model['threshold']}")
    return lines
