"""Train the target-sentiment weights on NewsMTSC ``train.jsonl`` (MIT) and write them beside their provenance.

    python -m framing.evaluation.train_target [--data DIR] [--out framing/models/target_sentiment]

The regularisation strength C is chosen by 5-fold cross-validation on the training split only
(folds by sentence, so the targets of one sentence never straddle train and test); the two
devtest splits are never looked at here. Word features seen in fewer than 3 training targets are
dropped, and so are those whose three coefficients are all below 0.02 in magnitude, to keep the
weights file small and readable.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from framing.evaluation import datasets
from framing.extract.target_sentiment import (
    LABELS,
    MODEL_DIR,
    WINDOW,
    TargetSentimentModel,
    dense_features,
    sparse_features,
)

C_GRID = (0.5, 1.0, 2.0)
MIN_DF = 3
MIN_COEF = 0.02


def examples(
    sentences: Sequence[datasets.TargetSentence],
) -> tuple[list[list[str]], list[list[float]], list[str], list[int]]:
    """Sparse and dense features, labels and the sentence index (the CV group) of every target."""
    sparse, dense, labels, groups = [], [], [], []
    for index, s in enumerate(sentences):
        spans = [(t.start, t.end) for t in s.targets]
        for t in s.targets:
            others = [span for span in spans if span != (t.start, t.end)]
            sparse.append(sparse_features(s.text, t.start, t.end, others))
            dense.append(dense_features(s.text, t.start, t.end))
            labels.append(t.polarity)
            groups.append(index)
    return sparse, dense, labels, groups


def _fit(sparse: list[list[str]], dense: list[list[float]], labels: list[str], c: float):  # noqa: ANN202
    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(analyzer=lambda x: x, min_df=MIN_DF, sublinear_tf=True, lowercase=False)
    x = sp.hstack([vectorizer.fit_transform(sparse), sp.csr_matrix(np.array(dense))]).tocsr()
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(x, labels)
    return vectorizer, model


def _predict(vectorizer, model, sparse, dense):  # noqa: ANN001, ANN202
    import numpy as np
    import scipy.sparse as sp

    return model.predict(sp.hstack([vectorizer.transform(sparse), sp.csr_matrix(np.array(dense))]).tocsr())


def choose_c(sparse, dense, labels, groups) -> dict[float, float]:  # noqa: ANN001
    """Macro-F1 of each C in :data:`C_GRID` by grouped 5-fold cross-validation."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    scores = {}
    for c in C_GRID:
        gold, predicted = [], []
        for train, test in GroupKFold(n_splits=5).split(sparse, labels, groups):
            vec, model = _fit([sparse[i] for i in train], [dense[i] for i in train], [labels[i] for i in train], c)
            predicted += list(_predict(vec, model, [sparse[i] for i in test], [dense[i] for i in test]))
            gold += [labels[i] for i in test]
        scores[c] = round(float(f1_score(gold, predicted, average="macro")), 4)
    return scores


def to_model(vectorizer, model) -> TargetSentimentModel:  # noqa: ANN001
    order = [list(model.classes_).index(label) for label in LABELS]
    names = vectorizer.get_feature_names_out()
    n = len(names)
    coef = model.coef_[order]
    idf, weights = {}, {}
    for j, name in enumerate(names):
        cs = tuple(float(coef[k, j]) for k in range(3))
        if max(abs(c) for c in cs) >= MIN_COEF:
            idf[str(name)] = float(vectorizer.idf_[j])
            weights[str(name)] = cs
    dense = tuple(tuple(float(coef[k, n + d]) for k in range(3)) for d in range(coef.shape[1] - n))
    intercept = tuple(float(model.intercept_[k]) for k in order)
    return TargetSentimentModel(idf, weights, dense, intercept)  # type: ignore[arg-type]


SOURCE = """# Target-sentiment weights

`weights.json`: a multinomial logistic regression (scikit-learn {sklearn}) over the features of
`framing/extract/target_sentiment.py` (words by distance within {window} words of the mention, the rest of
the sentence with the target and other targets masked, VADER scores of sentence, window and sides).
Each feature row is `[idf, negative, neutral, positive]` coefficients; `dense` holds the VADER features.

- **Training data**: NewsMTSC `train.jsonl` only ({n_targets} targets in {n_sentences} sentences), from
  fhamborg/NewsMTSC @ b9d9b797 (`NewsSentiment/controller_data/datasets/NewsMTSC-dataset/`). No text of the
  dataset is stored here: the file holds words as feature names and their learned weights.
- **Licence of the data**: MIT-style (Copyright 2020 Felix Hamborg), which permits redistribution of
  derived works with this notice:

  > Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
  > associated documentation files (the "Software"), to deal in the Software without restriction, including
  > without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
  > copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
  > following conditions: The above copyright notice and this permission notice shall be included in all
  > copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
- **Citation**: Felix Hamborg and Karsten Donnay. 2021. NewsMTSC: A Dataset for (Multi-)Target-dependent
  Sentiment Classification in Political News Articles. In Proceedings of EACL 2021, pages 1663-1675.
- **Settings**: min_df {min_df}, class_weight balanced, C = {c} chosen by grouped 5-fold cross-validation on
  train (macro-F1 by C: {cv}); features with all |coef| < {min_coef} dropped ({kept} of {total} kept).
- **Reproduce**: `python -m framing.evaluation.train_target --data ../shared/datasets`.
- **Measured**: `framing evaluate --benchmark newsmtsc` (devtest_mt and devtest_rw, never used in training).
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="datasets folder (default: ../shared/datasets)")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args(argv)
    folder = datasets.dataset_dir("newsmtsc", args.data)
    if folder is None:
        print("train_target: NewsMTSC not found (looked for newsmtsc/ in the datasets folder); nothing trained")
        return 1
    import sklearn

    sentences = datasets.newsmtsc(folder, "train")
    sparse, dense, labels, groups = examples(sentences)
    cv = choose_c(sparse, dense, labels, groups)
    c = max(cv, key=lambda k: (cv[k], -k))
    vectorizer, model = _fit(sparse, dense, labels, c)
    weights = to_model(vectorizer, model)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "weights.json").write_text(json.dumps(weights.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")
    source = SOURCE.format(
        sklearn=sklearn.__version__,
        window=WINDOW,
        n_targets=len(labels),
        n_sentences=len(sentences),
        min_df=MIN_DF,
        c=c,
        cv=", ".join(f"{k}: {v}" for k, v in cv.items()),
        min_coef=MIN_COEF,
        kept=len(weights.coef),
        total=len(vectorizer.get_feature_names_out()),
    )
    (args.out / "SOURCE.md").write_text(source, encoding="utf-8")
    print(f"train_target: C={c} (cv {cv}); {len(weights.coef)} features; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
