"""Fitting the type and role models, deterministically, and writing their weights.

Two learners, chosen between by measurement on dev (``scripts/train-coder
--compare``): multinomial logistic regression (scikit-learn, the ``lbfgs``
solver: deterministic, and the weights score with one NumPy dot product at
run time) and gradient-boosted trees (LightGBM, ``deterministic=True`` with a
fixed seed and one thread). Features seen fewer than ``MIN_COUNT`` times in
training are dropped from the vocabulary.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEED = 13
MIN_COUNT = 2  # a feature seen once in training carries no evidence a model can weigh
LINEAR_C = {
    "type": 0.5,
    "role": 0.5,
    "place": 0.5,
}  # inverse regularisation; chosen on dev (train-coder --compare)
LGB_PARAMS = {"n_estimators": 300, "learning_rate": 0.05, "num_leaves": 31, "min_child_samples": 5}


@dataclass
class Fitted:
    name: str
    kind: str
    labels: list[str]
    features: list[str]
    model: Any

    def proba(self, rows: list[dict[str, float]]):
        x = vectorize(rows, {f: i for i, f in enumerate(self.features)})
        return self.model.predict_proba(x)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        spec = {"labels": self.labels, "features": self.features}
        (folder / f"{self.name}.vocab.json").write_text(json.dumps(spec, ensure_ascii=False))
        if self.kind == "linear":
            import numpy as np

            w = np.vstack([self.model.coef_.T, self.model.intercept_[None, :]])
            if w.shape[1] == 1:  # binary: sklearn keeps one column; the scorer wants one per label
                w = np.hstack([-w / 2, w / 2])
            np.save(folder / f"{self.name}.npy", w.astype(np.float32), allow_pickle=False)
        else:
            self.model.booster_.save_model(str(folder / f"{self.name}.lgb.txt"))


def vocabulary(rows: list[dict[str, float]]) -> list[str]:
    counts: Counter = Counter(k for r in rows for k in r)
    return sorted(k for k, n in counts.items() if n >= MIN_COUNT)


def vectorize(rows: list[dict[str, float]], index: dict[str, int]):
    from scipy.sparse import csr_matrix

    data, ind, ptr = [], [], [0]
    for f in rows:
        for k, v in f.items():
            j = index.get(k)
            if j is not None:
                ind.append(j)
                data.append(v)
        ptr.append(len(ind))
    return csr_matrix((data, ind, ptr), shape=(len(rows), len(index)), dtype="float64")


def fit(
    name: str, kind: str, rows: list[dict[str, float]], labels: list[str], c: float | None = None
) -> Fitted:
    feats = vocabulary(rows)
    x = vectorize(rows, {f: i for i, f in enumerate(feats)})
    order = sorted(set(labels))
    if kind == "linear":
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=c or LINEAR_C[name], max_iter=3000, solver="lbfgs")
    else:
        import lightgbm

        model = lightgbm.LGBMClassifier(
            **LGB_PARAMS, random_state=SEED, deterministic=True, force_row_wise=True, n_jobs=1, verbose=-1
        )
    model.fit(x, labels)
    assert list(model.classes_) == order
    return Fitted(name, kind, order, feats, model)
